/* table.h — reading a CSV table with a header row, one row at a time,
 * with the line each row starts on: the datasets (rates, price indices)
 * and figures.csv itself, for `convert`.
 *
 * RFC 4180 through libcsv in strict mode: quoted cells may hold commas,
 * doubled quotes and line ends; CRLF line ends and a UTF-8 byte order mark
 * are fine; blank lines are skipped; spaces around an unquoted cell are
 * dropped (as libcsv does).
 *
 * Ownership: the cells handed to the callback are borrowed for the call
 * only.  Nothing here prints or exits.
 */
#ifndef FT_TABLE_H
#define FT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"

/* One row: cells[0..n) NUL-terminated, lens[i] their lengths (a cell may
 * hold a NUL byte: then strlen stops short of lens[i]).  The header row
 * comes first, like any other.  `line` is the line the row starts on.  A
 * status other than FT_OK stops the reading and is returned. */
typedef ft_status (*ft_table_row_fn)(void *ctx, char *const *cells,
                                     const size_t *lens, size_t n, long line,
                                     ft_error *err);

/* Read every row of `in`.  Malformed CSV (a quote inside an unquoted
 * cell, text after a closing quote, a quote never closed) is `bad`
 * (FT_EDATA or FT_ECONFIG, as the caller sees the file) with `name` and
 * the line; an input with no row at all is `bad` too ("empty: no header
 * row").  FT_EIO on a read error, FT_ENOMEM.  Errors from the callback
 * get `name` as their file when they name none. */
ft_status ft_table_read(FILE *in, const char *name, ft_status bad,
                        ft_table_row_fn row, void *ctx, ft_error *err);

/* The index of the cell equal to `column` among cells[0..n), -1 when
 * none is, -2 when two are. */
long ft_table_column(char *const *cells, size_t n, const char *column);

/* A year 1..9999 written as digits alone ("2007"), all of s. */
bool ft_table_parse_year(const char *s, int *out);

/* A finite decimal number, all of s ("928.9717", "-0.32", "1e3"; no
 * spaces, hex, inf or nan). */
bool ft_table_parse_number(const char *s, double *out);

#endif
