/* csvio.h — writing delimited rows (CSV through libcsv, or TSV) that are
 * safe to open in a spreadsheet.
 *
 * Text cells come from untrusted articles.  A spreadsheet runs a cell that
 * starts with = + - or @ as a formula (and some strip a leading tab or CR
 * first), so such a text cell is written with a single quote in front:
 * "=HYPERLINK(..)" becomes "'=HYPERLINK(..)".  Numeric cells are never
 * changed, so amounts stay numbers.
 *
 * CSV: RFC 4180 with "\n" line ends; a cell is quoted (by libcsv's
 * csv_fwrite) only when it holds a comma, a quote, CR or LF, or starts or
 * ends with a space or tab (libcsv's reader would trim those otherwise).
 * TSV: no quoting; inside a cell a backslash is written "\\", a tab "\t",
 * a line feed "\n" and a carriage return "\r" (the convention of
 * PostgreSQL's text COPY format and Miller).
 *
 * Every text cell, in either dialect, has each byte that is not
 * well-formed UTF-8 and each control character a terminal acts on (C0 but
 * tab, LF and CR; DEL; C1) replaced by U+FFFD, so that a file viewed with
 * cat or less cannot recolour the terminal or retitle its window.
 *
 * A row is built whole in a buffer and written with one fwrite at its
 * end: the ft_csvio_put_* functions append cells to a caller's buffer (a
 * row made on one thread and written on another), the ft_csvio writer
 * does the same into its own row buffer.
 *
 * Ownership: an ft_csvio borrows its FILE and never closes it; it owns its
 * row buffer, freed by ft_csvio_free.
 */
#ifndef FT_CSVIO_H
#define FT_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "status.h"
#include "text.h"

typedef enum { FT_CSVIO_CSV = 0, FT_CSVIO_TSV } ft_csvio_dialect;

typedef struct {
    FILE *out;
    ft_csvio_dialect dialect;
    size_t cells; /* cells in the current row */
    ft_buf row;   /* the current row, written at its end */
} ft_csvio;

void ft_csvio_init(ft_csvio *w, FILE *out, ft_csvio_dialect dialect);
void ft_csvio_free(ft_csvio *w);

/* A text cell: controls and bad bytes replaced by U+FFFD, neutralised
 * when it starts with = + - @ tab or CR, then quoted or escaped as the dialect
 * needs.  The separator before it is written for you. */
ft_status ft_csvio_text(ft_csvio *w, const char *s, size_t n, ft_error *err);

/* Same for a NUL-terminated string (NULL writes an empty cell). */
ft_status ft_csvio_str(ft_csvio *w, const char *s, ft_error *err);

/* A numeric cell, written exactly as given (digits, '.', '-'; the caller
 * vouches that it needs no quoting). */
ft_status ft_csvio_number(ft_csvio *w, const char *s, size_t n, ft_error *err);

/* An unsigned integer cell. */
ft_status ft_csvio_uint(ft_csvio *w, unsigned long long v, ft_error *err);

/* End the row ("\n") and write it.  Reports a write error on the stream
 * (FT_EIO) here, so callers need not check every cell. */
ft_status ft_csvio_endrow(ft_csvio *w, ft_error *err);

/* true when a text cell s[0..n) would be neutralised: it starts with
 * '=', '+', '-', '@', tab or CR, one bit of a word for the bytes below 64
 * and no branch.  (Inline, as are the two below: a row asks them of each
 * cell.) */
static inline bool ft_csvio_is_risky(const char *s, size_t n)
{
    const uint64_t below64 =
        1ULL << '=' | 1ULL << '+' | 1ULL << '-' | 1ULL << '\t' | 1ULL << '\r';
    unsigned char u = n ? (unsigned char)s[0] : 0;
    return ((below64 >> (u & 63) & 1) & (u < 64)) | (u == '@');
}

/* ---- cells into a caller's buffer ----------------------------------- */

/* The byte between two cells: ',' or '\t'. */
static inline char ft_csvio_separator(ft_csvio_dialect dialect)
{
    return dialect == FT_CSVIO_TSV ? '\t' : ',';
}

/* Append to b the text cell s[0..n) exactly as ft_csvio_text writes it
 * (without the separator).  FT_ENOMEM is the only failure (b unchanged). */
ft_status ft_csvio_put_text(ft_buf *b, ft_csvio_dialect dialect, const char *s,
                            size_t n);

/* The most bytes a text cell of n bytes becomes: 3 for each (a bad
 * byte's U+FFFD), two quotes and the neutralising quote; false when that
 * overflows. */
static inline bool ft_csvio_text_room(size_t n, size_t *room)
{
    if (n > (SIZE_MAX - 8) / 3)
        return false;
    *room = 3 * n + 3;
    return true;
}

/* The text cell s[0..n) written at o, exactly as ft_csvio_put_text
 * appends it (no separator, no NUL); returns the end.  The caller has made
 * ft_csvio_text_room(n) bytes of room: for rows built in place, a cell
 * after another without a buffer call each. */
char *ft_csvio_text_at(char *o, ft_csvio_dialect dialect, const char *s,
                       size_t n);

/* The same for s[0..n) known to be well-formed UTF-8 (what a fold makes,
 * or a piece of a text the reader checked, cut at character bounds):
 * bytes past ASCII are not looked at again but for the C1 controls (each
 * starts with 0xC2), so a Korean cell costs little more than an English
 * one.  Anything else is undefined. */
char *ft_csvio_text_utf8_at(char *o, ft_csvio_dialect dialect, const char *s,
                            size_t n);

/* ft_csvio_text_at (utf8: ft_csvio_text_utf8_at) for a cell whose bytes
 * can be read sixteen at a time, s[0..n rounded up to 16): a cell that
 * needs nothing but a copy (and the neutralising quote) is copied in
 * blocks as it is looked at.  It may store up to 16 bytes past the
 * cell's end, within the caller's room of ft_csvio_text_room(n) + 16. */
char *ft_csvio_text_padded_at(char *o, ft_csvio_dialect dialect, const char *s,
                              size_t n, bool utf8);

/* Append to b a whole row of n cells, cell[i][0..len[i]), each a number
 * written as given (numeric[i]) or a text cell as ft_csvio_put_text
 * writes it, with separators and the "\n".  FT_ENOMEM is the only
 * failure (b unchanged). */
ft_status ft_csvio_put_row(ft_buf *b, ft_csvio_dialect dialect,
                           const char *const *cell, const size_t *len,
                           const bool *numeric, size_t n);

#endif
