/* hash.h — SHA-256 content hashes (through nettle), as lowercase hex.
 *
 * The run's state tells an unchanged article from a changed one by the
 * hash of its bytes, and a changed alias or countries table by the hash
 * of theirs.  An ft_hash is a plain value: no allocation, nothing to
 * free.
 */
#ifndef FT_HASH_H
#define FT_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <nettle/sha2.h>

#include "status.h"

#define FT_HASH_HEX 65 /* 64 hex digits and the NUL */

typedef struct {
    struct sha256_ctx ctx;
} ft_hash;

void ft_hash_init(ft_hash *h);
void ft_hash_update(ft_hash *h, const void *data, size_t n);
/* The digest as hex into out; h starts afresh. */
void ft_hash_hex(ft_hash *h, char out[FT_HASH_HEX]);

/* Feed the bytes of the file at path into h, and add their count to
 * *size when size is not NULL.  FT_ENOINPUT when it cannot be opened,
 * FT_EIO on a read error (err names the file). */
ft_status ft_hash_file(ft_hash *h, const char *path, uint64_t *size,
                       ft_error *err);

/* Feed into h the MD5 digest of the file's bytes, not the bytes: for a
 * key that only tells a changed file from the same one (nobody picks
 * the file to collide), at a fifth of SHA-256's instructions (1.6 MB of
 * rate and GDP tables were 77 M instructions a run).  Status as
 * ft_hash_file. */
ft_status ft_hash_file_digest(ft_hash *h, const char *path, ft_error *err);

/* The GNU build-id (the linker's hash of every byte it linked) in an ELF
 * note segment of `size` bytes at p, its notes aligned to `align` (4 or
 * 8), as "build-id:" and lowercase hex into out[0,n): false when it holds
 * none, or it does not fit.  No byte past p[size) is read, whatever the
 * lengths the notes claim. */
bool ft_hash_build_id(const unsigned char *p, size_t size, size_t align,
                      char *out, size_t n);

#endif
