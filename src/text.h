/* text.h — UTF-8 helpers and a growable byte buffer.
 *
 * Ownership: an ft_buf owns its data (free with ft_buf_free); every other
 * function borrows its arguments and keeps nothing.
 */
#ifndef FT_TEXT_H
#define FT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* A byte buffer that grows as needed.  data is NULL until the first
 * reserve or append, and from then on always NUL-terminated (so it can be
 * used as a C string). */
typedef struct {
    char *data;
    size_t len, cap;
} ft_buf;

void ft_buf_init(ft_buf *b);
void ft_buf_free(ft_buf *b);
/* Empty the buffer, keeping its storage. */
void ft_buf_clear(ft_buf *b);
/* Room for at least `extra` more bytes plus the NUL.  FT_ENOMEM on failure
 * (the buffer is unchanged). */
ft_status ft_buf_reserve(ft_buf *b, size_t extra);
ft_status ft_buf_append(ft_buf *b, const char *s, size_t n);
ft_status ft_buf_putc(ft_buf *b, char c);

/* Length of the well-formed UTF-8 sequence at s[0..n) (1 to 4), or 0 when
 * the bytes there are not one (bad lead byte, truncated, overlong, a
 * surrogate or beyond U+10FFFF).  n must be > 0. */
size_t ft_text_utf8_len(const char *s, size_t n);

/* true when s[0..n) is well-formed UTF-8; otherwise false and, when bad is
 * non-NULL, *bad is the offset of the first byte that is not. */
bool ft_text_utf8_valid(const char *s, size_t n, size_t *bad);

/* Length of the whitespace character at s[0..n) (ASCII space, tab, LF, VT,
 * FF, CR, and the Unicode spaces news text carries: NEL, no-break space,
 * U+2000..U+200A, line and paragraph separators, U+202F, U+205F, U+3000),
 * or 0 when it is something else. */
size_t ft_text_space_len(const char *s, size_t n);

/* Append s[0..n) to b with every run of whitespace folded to one space,
 * leading and trailing whitespace dropped, and each byte that is not
 * well-formed UTF-8 replaced by U+FFFD (so the result is always valid
 * UTF-8).  This is how the `sentence` column is made. */
ft_status ft_text_fold(ft_buf *b, const char *s, size_t n);

/* Append s[0..n) to b with each byte that is not well-formed UTF-8
 * replaced by U+FFFD. */
ft_status ft_text_scrub(ft_buf *b, const char *s, size_t n);

/* Number of bytes of a UTF-8 byte order mark at the start of s[0..n): 3 or
 * 0. */
size_t ft_text_bom_len(const char *s, size_t n);

#endif
