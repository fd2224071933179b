/* hash.c — SHA-256 over memory and files; a program's build-id. */
#include "hash.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <nettle/md5.h>

void ft_hash_init(ft_hash *h)
{
    sha256_init(&h->ctx);
}

void ft_hash_update(ft_hash *h, const void *data, size_t n)
{
    sha256_update(&h->ctx, n, data);
}

void ft_hash_hex(ft_hash *h, char out[FT_HASH_HEX])
{
    static const char hex[] = "0123456789abcdef";
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(&h->ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * sizeof d] = '\0';
}

typedef void update_fn(void *ctx, const unsigned char *p, size_t n);

static void sha256_feed(void *ctx, const unsigned char *p, size_t n)
{
    sha256_update(ctx, n, p);
}

static void md5_feed(void *ctx, const unsigned char *p, size_t n)
{
    md5_update(ctx, n, p);
}

/* Feed the bytes of the file at path to update(ctx, ...), counting them
 * into *size when size is not NULL. */
static ft_status feed_file(const char *path, update_fn *update, void *ctx,
                           uint64_t *size, ft_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ft_error_set(err, FT_ENOINPUT, "unreadable: %s", strerror(errno));
        ft_error_at(err, path, 0);
        return FT_ENOINPUT;
    }
    unsigned char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        update(ctx, buf, n);
        if (size)
            *size += n;
    }
    int bad = ferror(f) ? errno : 0;
    fclose(f);
    if (bad) {
        ft_error_set(err, FT_EIO, "unreadable: %s", strerror(bad ? bad : EIO));
        ft_error_at(err, path, 0);
        return FT_EIO;
    }
    return FT_OK;
}

ft_status ft_hash_file(ft_hash *h, const char *path, uint64_t *size,
                       ft_error *err)
{
    return feed_file(path, sha256_feed, &h->ctx, size, err);
}

ft_status ft_hash_file_digest(ft_hash *h, const char *path, ft_error *err)
{
    struct md5_ctx md5;
    uint8_t d[MD5_DIGEST_SIZE];
    md5_init(&md5);
    ft_status st = feed_file(path, md5_feed, &md5, NULL, err);
    if (st != FT_OK)
        return st;
    md5_digest(&md5, sizeof d, d);
    sha256_update(&h->ctx, sizeof d, d);
    return FT_OK;
}

bool ft_hash_build_id(const unsigned char *p, size_t size, size_t align,
                      char *out, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    static const char tag[] = "build-id:";
    /* A note: namesz, descsz, type (32 bits each, in ELF32 and ELF64
     * alike), the name, then the descriptor and the next note, each at
     * the alignment counted from the note's start (glibc's
     * ELF_NOTE_DESC_OFFSET and ELF_NOTE_NEXT_OFFSET): with 8, "GNU"'s
     * descriptor is at 16, not 12 + 8. */
    uint32_t nh[3];
    while (size >= sizeof nh) {
        memcpy(nh, p, sizeof nh);
        if (nh[0] > size - sizeof nh)
            return false;
        size_t at = (sizeof nh + nh[0] + align - 1) & ~(align - 1);
        if (at > size || nh[1] > size - at)
            return false;
        if (nh[2] == NT_GNU_BUILD_ID && nh[0] == 4 &&
            memcmp(p + sizeof nh, "GNU", 4) == 0 && nh[1] > 0) {
            if (sizeof tag + 2 * (size_t)nh[1] > n)
                return false;
            memcpy(out, tag, sizeof tag - 1);
            char *o = out + sizeof tag - 1;
            for (size_t i = 0; i < nh[1]; i++) {
                *o++ = hex[p[at + i] >> 4];
                *o++ = hex[p[at + i] & 15];
            }
            *o = '\0';
            return true;
        }
        size_t next = (at + nh[1] + align - 1) & ~(align - 1);
        if (next >= size)
            return false;
        p += next;
        size -= next;
    }
    return false;
}
