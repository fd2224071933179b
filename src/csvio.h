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
 * Ownership: an ft_csvio borrows its FILE and never closes it; it owns a
 * scratch buffer, freed by ft_csvio_free.
 */
#ifndef FT_CSVIO_H
#define FT_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"
#include "text.h"

typedef enum { FT_CSVIO_CSV = 0, FT_CSVIO_TSV } ft_csvio_dialect;

typedef struct {
    FILE *out;
    ft_csvio_dialect dialect;
    size_t cells; /* cells written in the current row */
    ft_buf scratch;
    ft_buf quoted; /* a cell quoted by csv_write, written in one fwrite */
} ft_csvio;

void ft_csvio_init(ft_csvio *w, FILE *out, ft_csvio_dialect dialect);
void ft_csvio_free(ft_csvio *w);

/* A text cell: controls and bad bytes replaced by U+FFFD, neutralised
 * when it starts with = + - @ tab or CR, then quoted or escaped as the dialect needs.  The separator before it is
 * written for you. */
ft_status ft_csvio_text(ft_csvio *w, const char *s, size_t n, ft_error *err);

/* Same for a NUL-terminated string (NULL writes an empty cell). */
ft_status ft_csvio_str(ft_csvio *w, const char *s, ft_error *err);

/* A numeric cell, written exactly as given (digits, '.', '-'; the caller
 * vouches that it needs no quoting). */
ft_status ft_csvio_number(ft_csvio *w, const char *s, size_t n, ft_error *err);

/* An unsigned integer cell. */
ft_status ft_csvio_uint(ft_csvio *w, unsigned long long v, ft_error *err);

/* End the row ("\n").  Reports a write error on the stream (FT_EIO) here,
 * so callers need not check every cell. */
ft_status ft_csvio_endrow(ft_csvio *w, ft_error *err);

/* true when a text cell s[0..n) would be neutralised. */
bool ft_csvio_is_risky(const char *s, size_t n);

#endif
