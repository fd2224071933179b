/* manifest.c — the names of the files a report wrote in its folder. */
#include "manifest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"
#include "text.h"

/* Longer names are not ours: a report's stems are at most 80 bytes. */
#define NAME_MAX_BYTES 255
/* A manifest larger than this is not ours either (a report of a
 * hundred thousand series writes about 10 MB of names). */
#define MANIFEST_MAX_BYTES (64L << 20)

#define HEADER                                                                 \
    "# figtrend manifest: the files figtrend report wrote in this folder.\n"   \
    "# The next report removes those it no longer writes, and nothing "        \
    "else.\n"

struct ft_manifest {
    char **names;
    size_t len, cap;
    bool sorted; /* and without repeats */
};

ft_manifest *ft_manifest_new(void)
{
    return calloc(1, sizeof(ft_manifest));
}

void ft_manifest_free(ft_manifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->len; i++)
        free(m->names[i]);
    free(m->names);
    free(m);
}

/* A name directly in the folder, not hidden, printable: what a report
 * writes, and so all a manifest line may name. */
static bool plain_name(const char *s, size_t n)
{
    if (n == 0 || n > NAME_MAX_BYTES || s[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == '/' || s[i] == 0x7f)
            return false;
    return true;
}

static ft_status add_n(ft_manifest *m, const char *s, size_t n)
{
    if (!plain_name(s, n))
        return FT_EUSAGE;
    if (ft_grow((void **)&m->names, &m->cap, m->len, sizeof *m->names, 64) !=
        FT_OK)
        return FT_ENOMEM;
    char *copy = malloc(n + 1);
    if (!copy)
        return FT_ENOMEM;
    memcpy(copy, s, n);
    copy[n] = '\0';
    m->names[m->len++] = copy;
    m->sorted = false;
    return FT_OK;
}

ft_status ft_manifest_add(ft_manifest *m, const char *name)
{
    return add_n(m, name, strlen(name));
}

ft_status ft_manifest_add2(ft_manifest *m, const char *stem, const char *ext)
{
    char name[NAME_MAX_BYTES + 1];
    int k = snprintf(name, sizeof name, "%s.%s", stem, ext);
    if (k < 0 || (size_t)k >= sizeof name)
        return FT_EUSAGE;
    return add_n(m, name, (size_t)k);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop repeats, so that a lookup is a binary search. */
static void settle(ft_manifest *m)
{
    if (m->sorted)
        return;
    if (m->len > 0) /* names is NULL until the first: no qsort(NULL, 0) */
        qsort(m->names, m->len, sizeof *m->names, by_name);
    size_t w = 0;
    for (size_t i = 0; i < m->len; i++) {
        if (w > 0 && strcmp(m->names[w - 1], m->names[i]) == 0)
            free(m->names[i]);
        else
            m->names[w++] = m->names[i];
    }
    m->len = w;
    m->sorted = true;
}

bool ft_manifest_has(const ft_manifest *m, const char *name)
{
    settle((ft_manifest *)m);
    return m->len > 0 &&
           bsearch(&name, m->names, m->len, sizeof *m->names, by_name) != NULL;
}

/* The previous manifest's names into old (none when there is no
 * manifest, or something else by its name).  Opened without blocking
 * and checked before reading, like every file a report reads in its
 * folder. */
static ft_status read_old(const char *dir, ft_manifest *old)
{
    char *path = ft_outfile_join(dir, FT_MANIFEST_NAME);
    if (!path)
        return FT_ENOMEM;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    free(path);
    if (fd < 0)
        return FT_OK;
    struct stat sb;
    FILE *f = NULL;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        sb.st_size > MANIFEST_MAX_BYTES || !(f = fdopen(fd, "r"))) {
        close(fd);
        return FT_OK;
    }
    ft_status st = FT_OK;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while (st == FT_OK && (n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n')
            n--;
        if (n > 0 && line[0] != '#' && add_n(old, line, (size_t)n) == FT_ENOMEM)
            st = FT_ENOMEM;
    }
    free(line);
    fclose(f);
    return st;
}

/* Remove dir/name when it is a regular file; whether it is gone. */
static bool remove_output(const char *dir, const char *name)
{
    char *path = ft_outfile_join(dir, name);
    if (!path)
        return false;
    struct stat sb;
    bool gone;
    if (lstat(path, &sb) != 0)
        gone = errno == ENOENT;
    else
        gone = S_ISREG(sb.st_mode) && unlink(path) == 0;
    free(path);
    return gone;
}

static ft_status write_manifest(const ft_manifest *m, const char *dir,
                                ft_error *err)
{
    ft_outfile out;
    ft_status st = ft_outfile_open(&out, dir, FT_MANIFEST_NAME, err);
    if (st != FT_OK)
        return st;
    fputs(HEADER, out.fp);
    for (size_t i = 0; i < m->len; i++)
        fprintf(out.fp, "%s\n", m->names[i]);
    return ft_outfile_commit(&out, err);
}

ft_status ft_manifest_finish(ft_manifest *m, const char *dir, bool prune,
                             ft_manifest_removed_fn removed, void *ctx,
                             ft_error *err)
{
    ft_manifest *old = ft_manifest_new();
    ft_manifest *kept = ft_manifest_new();
    ft_status st = old && kept ? read_old(dir, old) : FT_ENOMEM;
    settle(m);
    for (size_t i = 0; st == FT_OK && i < old->len; i++) {
        const char *name = old->names[i];
        if (ft_manifest_has(m, name))
            continue;
        if (prune && remove_output(dir, name)) {
            if (removed)
                removed(dir, name, ctx);
        } else {
            /* Kept (not pruning, or it would not go): still ours. */
            st = ft_manifest_add(kept, name);
        }
    }
    for (size_t i = 0; st == FT_OK && i < (kept ? kept->len : 0); i++)
        st = ft_manifest_add(m, kept->names[i]);
    if (st == FT_OK) {
        settle(m);
        st = write_manifest(m, dir, err);
    } else
        ft_error_set(err, st, "out of memory");
    ft_manifest_free(old);
    ft_manifest_free(kept);
    return st;
}
