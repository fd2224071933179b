/* rates.h — annual average exchange rates, in units of a currency per US
 * dollar, and the rate between any two currencies in a given year.
 *
 * A rates table is CSV with a header row naming at least the columns
 * `year`, `currency` and `units_per_usd` (in any order; other columns such
 * as `source` are ignored): one row per currency and year, e.g.
 * `2007,KRW,928.9717,FRED:AEXKOUS`.  The US dollar is the base: it is 1 in
 * every year and needs no rows.  A cross rate goes through the dollar:
 * KRW -> JPY in year t is JPY(t) / KRW(t).
 *
 * A year missing between two years a currency has is interpolated
 * linearly (GSL) and says so; a year outside them is never extrapolated:
 * it has no rate, unless the caller asks for the nearest year covered.
 *
 * Ownership: an ft_rates owns everything in it (ft_rates_free); strings
 * passed in are borrowed and not kept.  Nothing here prints or exits.
 */
#ifndef FT_RATES_H
#define FT_RATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"

typedef struct ft_rates ft_rates;

/* How a rate was found for the year asked. */
typedef enum {
    FT_RATE_NONE = 0,     /* not covered: no rate */
    FT_RATE_YEAR,         /* the year's own rate(s) */
    FT_RATE_INTERPOLATED, /* a leg interpolated between two known years */
    FT_RATE_NEAREST       /* outside the table: the nearest year covered */
} ft_rate_basis;

typedef struct {
    double value; /* units of `to` per one unit of `from` */
    int year;     /* the year whose rates were used */
    ft_rate_basis basis;
} ft_rate;

/* Read a rates table from a file (FT_ENOINPUT when it cannot be opened)
 * or from an open stream (`name` is used in messages only).  A malformed
 * table is FT_ECONFIG with the file and line: a header without one of the
 * three columns, a column named twice, a row with more or fewer cells
 * than the header, a year that is not 1..9999, a currency that is not
 * three capital letters, a rate that is not a positive number
 * between FT_RATE_MIN and FT_RATE_MAX, the same
 * currency and year twice, a USD rate other than 1, malformed CSV.
 * FT_EIO, FT_ENOMEM.  *out is NULL on failure. */
ft_status ft_rates_load(const char *path, ft_rates **out, ft_error *err);
/* The rates a table may hold (a rate outside is FT_ECONFIG). */
#define FT_RATE_MIN 1e-20
#define FT_RATE_MAX 1e20
ft_status ft_rates_load_stream(FILE *in, const char *name, ft_rates **out,
                               ft_error *err);
void ft_rates_free(ft_rates *r);

/* The table's file name without its folder ("fx_units_per_usd_annual.csv"),
 * as given to the loader (a stream's `name`), so that a figure can say
 * which table its rate came from. */
const char *ft_rates_source(const ft_rates *r);

/* true when the table has rates for cur (always for "USD"). */
bool ft_rates_has(const ft_rates *r, const char *cur);

/* The first and last year of cur's rates; false when it has none.  USD
 * alone is every year (1..9999). */
bool ft_rates_range(const ft_rates *r, const char *cur, int *first, int *last);

/* Units of cur per US dollar in `year` (out->value), found as
 * out->basis says; FT_RATE_NONE (value 0) when the table does not cover
 * the year, or has no cur, and `nearest` is false.  FT_EDATA only if GSL
 * fails (message from gsl_strerror). */
ft_status ft_rates_lookup(const ft_rates *r, const char *cur, int year,
                          bool nearest, ft_rate *out, ft_error *err);

/* Units of `to` per unit of `from` in `year`, through the dollar.  The
 * pair covers the years both currencies cover; inside them the basis is
 * FT_RATE_INTERPOLATED when either leg is, else FT_RATE_YEAR; outside,
 * with `nearest`, both legs are taken at the nearest year the pair covers
 * (FT_RATE_NEAREST, out->year says which); else FT_RATE_NONE.  The same
 * currency twice is 1 in any year (FT_RATE_YEAR). */
ft_status ft_rates_cross(const ft_rates *r, const char *from, const char *to,
                         int year, bool nearest, ft_rate *out, ft_error *err);

/* The currencies with rates, in alphabetical order, space-separated, "USD"
 * included, into buf[0..n) (cut short when it does not fit). */
void ft_rates_list(const ft_rates *r, char *buf, size_t n);

/* "year", "interpolated", "nearest" or "" for FT_RATE_NONE. */
const char *ft_rate_basis_name(ft_rate_basis b);

/* true when s is three capital letters A-Z (the shape of an ISO 4217
 * code). */
bool ft_currency_code_valid(const char *s);

/* true when s is an ISO 4217 code in use today (the list of the
 * iso-codes project, 4.15), a withdrawn one (DEM, FRF, ...) or one that
 * the extractor writes for lack of an ISO code (BTC). */
bool ft_currency_known(const char *s);

#endif
