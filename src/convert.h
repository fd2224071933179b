/* convert.h — figures in one currency, at current and at constant prices.
 *
 * Nominal: the amount times the rate of the figure's year (the annual
 * average, rates.h), the publication year standing in when the figure has
 * no year.  Constant prices follow SIPRI's method: deflate in the figure's
 * own currency with its price index to the base year, then convert at the
 * base year's rate:
 *
 *     constant = amount * I(base) / I(year) * rate(base)
 *
 * so that exchange-rate swings do not pass for real changes.  A year the
 * tables do not cover is never guessed: the cells stay empty and the
 * figure is flagged `no_rate` or `no_price_index`.
 *
 * ft_convert_csv reads figures.csv and writes it back with the columns of
 * FT_CONVERT_COLUMNS appended; it changes no cell of the input except the
 * `flags` column, to which it may add `conversion_mismatch` (in its place
 * before `target_year:`), `no_rate` and `no_price_index` (at the end).
 *
 * Numbers are written plain, never with an exponent: money to at most 2
 * decimals (trailing zeros dropped), rates and price ratios to 10
 * significant digits.
 *
 * Ownership: everything passed in is borrowed; nothing is kept after a
 * call returns.  Nothing here prints or exits.
 */
#ifndef FT_CONVERT_H
#define FT_CONVERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "prices.h"
#include "rates.h"
#include "status.h"

/* The columns convert appends, in order. */
#define FT_CONVERT_NCOLUMNS 10
extern const char *const ft_convert_columns[FT_CONVERT_NCOLUMNS];

/* The paper's own conversion is checked at the publication year's rate;
 * more than this far apart (relative to the rate's figure) is a
 * mismatch. */
#define FT_CONVERT_MISMATCH 0.10

/* One warning: the file and the first line it concerns, and a message
 * such as "no KRW->USD rate for 1950 (the tables cover 1960-2025); 2
 * figures flagged no_rate". */
typedef void (*ft_convert_warn_fn)(void *ctx, const ft_error *warning);

typedef struct {
    const ft_rates *rates;   /* required */
    const ft_prices *prices; /* required when constant_year is set */
    const char *to;          /* the currency to convert to, e.g. "USD" */
    int constant_year;       /* base year of constant prices; 0: none */
    bool nearest; /* a year outside the rates: take the nearest year */
    bool strict;  /* a figure that cannot be converted is an error */
    ft_convert_warn_fn warn; /* ft_convert_csv's warnings; NULL: none */
    void *warn_ctx;
} ft_convert_opts;

/* What converting one amount gave.  An empty `*_why` means no problem;
 * else it says what is missing, e.g. "no KRW->USD rate for 1950 (the
 * tables cover 1960-2025)". */
typedef struct {
    bool has_nominal;
    double nominal, nominal_max; /* nominal_max only for a range */
    ft_rate rate;                /* the rate used (basis NONE: none) */
    bool has_constant;
    double constant, constant_max;
    double price_ratio;  /* I(base) / I(year) */
    char rate_why[160];  /* nominal or base-year rate missing: no_rate */
    char price_why[160]; /* price index missing: no_price_index */
} ft_conversion;

/* Convert `amount` (and *amount_max, when not NULL) of currency `cur`
 * dated `year` (0 when unknown) as o says.  `cur` "" is a figure whose
 * currency is unknown.  FT_EDATA only when GSL fails. */
ft_status ft_convert_amount(const ft_convert_opts *o, const char *cur, int year,
                            double amount, const double *amount_max,
                            ft_conversion *out, ft_error *err);

/* Check the paper's own conversion: `reported` units of rep_cur for
 * `amount` of cur, against the rate of pub_year (or of the table's last
 * or first year when pub_year is at most one year beyond it: a paper
 * converts at the day's rate, and the tables lag).  *checked is false
 * when no rate applies; *mismatch is true when the two are more than
 * FT_CONVERT_MISMATCH apart.  FT_EDATA only when GSL fails. */
ft_status ft_convert_check_reported(const ft_rates *r, const char *cur,
                                    double amount, const char *rep_cur,
                                    double reported, int pub_year,
                                    bool *checked, bool *mismatch,
                                    ft_error *err);

/* At most this many distinct currencies are listed in the counts; any
 * more are counted in `more_currencies` (news hardly names 20). */
#define FT_CONVERT_MAX_CURRENCIES 64

typedef struct {
    long rows;       /* figures read */
    /* the figures' currencies, in the order first met, for the notes of
     * ft_convert_source_note */
    char currencies[FT_CONVERT_MAX_CURRENCIES][4];
    size_t ncurrencies;
    long more_currencies;
    long no_rate;    /* flagged no_rate */
    long no_price;   /* flagged no_price_index */
    long mismatches; /* flagged conversion_mismatch by this run */
} ft_convert_counts;

/* Read figures.csv from `in` (`name` for messages) and write it to `out`
 * with the convert columns appended; `out` NULL checks the input without
 * writing (a first pass, so that bad input leaves no output at all).
 * Each row is complete before any of it is written.
 * FT_EDATA, with the file and line, for input that is not figures.csv:
 * malformed CSV, a header without amount, amount_max, currency,
 * reported_amount, reported_currency, year, published or flags, or that
 * already has convert's columns; a row with more or fewer cells than the
 * header, an amount that is not a plain decimal number, a currency that
 * is not an ISO 4217 code, a year or a date that is not one; with
 * o->strict, a figure that cannot be converted.  FT_EIO, FT_ENOMEM.
 * Warnings (one per distinct problem, with the number of figures it
 * touched) go to o->warn at the end.  counts may be NULL. */
ft_status ft_convert_csv(FILE *in, const char *name, FILE *out,
                         const ft_convert_opts *o, ft_convert_counts *counts,
                         ft_error *err);

/* ft_convert_csv, all or nothing: the rows go to a temporary file
 * (in $TMPDIR, else /tmp; unnamed) and are copied to `out` only once the whole input has
 * converted, so that a failure anywhere, even on the last row, leaves
 * `out` untouched.  One pass over `in`, which need not be seekable.
 * FT_ECANTCREAT when no temporary file can be made, FT_EIO when writing
 * or copying it fails; otherwise as ft_convert_csv. */
ft_status ft_convert_csv_whole(FILE *in, const char *name, FILE *out,
                               const ft_convert_opts *o,
                               ft_convert_counts *counts, ft_error *err);

/* Which tables a currency's figures used and how far they reach, into
 * buf[0..n): "KRW: rates fx_units_per_usd_annual.csv to 2025, prices
 * cpi_inflation_pct_annual.csv to 2025"; "no rates" or "no prices" where
 * the table has none for cur; the prices part only when o->prices is set;
 * USD's rates are "1 by definition".  Returns the length, like snprintf. */
size_t ft_convert_source_note(const ft_convert_opts *o, const char *cur,
                              char *buf, size_t n);

/* Plain decimal text for money: at most 2 decimals, trailing zeros and
 * a trailing '.' dropped, never "-0" or an exponent ("473319047.29",
 * "900000000").  Returns the length, like snprintf; 64 bytes always do
 * for |v| < 1e40. */
size_t ft_convert_format_money(double v, char *buf, size_t n);

/* Plain decimal text with 10 significant digits ("0.001076458958",
 * "928.9717", "1.505617271"), for rates and price ratios. */
size_t ft_convert_format_ratio(double v, char *buf, size_t n);

#endif
