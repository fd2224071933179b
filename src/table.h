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
#include <stdint.h>
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

/* Why ft_table_parse_number refused s, for a message: "is out of range"
 * when s is written as a decimal number but a double cannot hold it
 * (1e999, 1e-320), else "is not a number". */
const char *ft_table_number_why(const char *s);

/* The last part of a path ("datasets/x.csv" -> "x.csv") into buf[0..n),
 * cut short when it does not fit: how a table names its file in notes. */
void ft_table_source_name(const char *path, char *buf, size_t n);

/* ---- annual tables ---------------------------------------------------
 *
 * A table of one value per currency and year (the rates and the prices
 * tables): a header row naming at least the columns `year`, `currency`
 * and the value column, in any order (other columns are ignored), then
 * one row per currency and year. */

typedef struct {
    int year;
    double value;
    long line; /* where it was read, for messages */
} ft_annual_point;

/* One currency's points, in year order once loaded. */
typedef struct {
    char cur[4];
    uint32_t key; /* cur as a number that sorts as strcmp does */
    ft_annual_point *pts;
    size_t n, cap;
} ft_annual_series;

/* The series in the order their currencies first appear.  Owns them:
 * ft_annual_free. */
typedef struct {
    ft_annual_series *s;
    size_t n, cap;
} ft_annual;

typedef struct {
    const char *table;  /* "rates": "a rates table has year, ..." */
    const char *column; /* the value column: "units_per_usd" */
    const char *twice;  /* appended to the message on a year given twice */
    /* true when the currency cell is a currency code. */
    bool (*currency_ok)(const char *cur);
    /* Parse and check a value cell of cur: FT_OK with *out set, or
     * *keep false to drop the row quietly; FT_ECONFIG with a message. */
    ft_status (*value)(const char *cur, const char *cell, double *out,
                       bool *keep, ft_error *err);
} ft_annual_spec;

/* Read an annual table from `in` into *out (zeroed first): FT_ECONFIG
 * with `name` and the line on a header without one of the three
 * columns, a column named twice, a row with more or fewer cells than the
 * header, a year that is not 1..9999, a currency spec->currency_ok
 * refuses, a value spec->value refuses, the same currency and year twice,
 * malformed CSV.  FT_EIO, FT_ENOMEM.  On failure *out is freed and
 * zeroed. */
ft_status ft_table_load_annual(FILE *in, const char *name,
                               const ft_annual_spec *spec, ft_annual *out,
                               ft_error *err);

/* cur's series in a, or NULL.  Quickest when the series are in code
 * order (as the rates sort them); any order is searched right. */
ft_annual_series *ft_annual_find(const ft_annual *a, const char *cur);

void ft_annual_free(ft_annual *a);

#endif
