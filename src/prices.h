/* prices.h — consumer price indices per currency, chained from annual
 * inflation rates, for constant prices.
 *
 * A prices table is CSV with a header row naming at least the columns
 * `year`, `currency` and `inflation_pct` (in any order; other columns such
 * as `country` and `source` are ignored): the change of the currency's
 * consumer prices over the year before, in percent, e.g.
 * `2007,KOR,KRW,2.53...,WB-WDI:FP.CPI.TOTL.ZG`.  The index is chained
 * from them, I(t) = I(t-1) * (1 + inflation(t) / 100), starting at 100 in
 * the year before the first rate (which the first rate reaches back to);
 * only ratios of the index matter, so its base is arbitrary and any year
 * can be made 100.  A year missing between two others breaks the chain:
 * years on either side of the gap cannot be compared.
 *
 * Ownership: an ft_prices owns everything in it (ft_prices_free); strings
 * passed in are borrowed and not kept.  Nothing here prints or exits.
 */
#ifndef FT_PRICES_H
#define FT_PRICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"

typedef struct ft_prices ft_prices;

/* The range an index chained from 100 must stay in: far beyond any
 * country's prices over centuries (hyperinflations included), and narrow
 * enough that a ratio of two indices, and 100 times it, is a finite
 * double above 0. */
#define FT_PRICES_INDEX_MIN 1e-100
#define FT_PRICES_INDEX_MAX 1e100

/* Read a prices table from a file (FT_ENOINPUT when it cannot be opened)
 * or an open stream (`name` for messages).  A malformed table is
 * FT_ECONFIG with file and line: a header without one of the three
 * columns, a column named twice, a row with more or fewer cells than the
 * header, a year that is not 1..9999, a currency that is not three
 * capital letters, an inflation rate that is not a number above -100, the
 * same currency and year twice, malformed CSV, rates that chain to an
 * index outside FT_PRICES_INDEX_MIN..MAX (so that every ratio of two
 * years is a finite number above 0).  FT_EIO, FT_ENOMEM. */
ft_status ft_prices_load(const char *path, ft_prices **out, ft_error *err);
ft_status ft_prices_load_stream(FILE *in, const char *name, ft_prices **out,
                                ft_error *err);
void ft_prices_free(ft_prices *p);

/* The table's file name without its folder, as for ft_rates_source. */
const char *ft_prices_source(const ft_prices *p);

bool ft_prices_has(const ft_prices *p, const char *cur);

/* The first and last year cur has an index for (the first being the year
 * before its first inflation rate); false when it has none. */
bool ft_prices_range(const ft_prices *p, const char *cur, int *first,
                     int *last);

/* The price ratio I(to_year) / I(from_year) of cur: what one unit in
 * from_year is worth in to_year's prices.  false when either year has no
 * index, or a gap lies between them. */
bool ft_prices_ratio(const ft_prices *p, const char *cur, int from_year,
                     int to_year, double *out);

/* cur's index in `year` with base_year = 100; false as for the ratio. */
bool ft_prices_index(const ft_prices *p, const char *cur, int year,
                     int base_year, double *out);

/* The arithmetic, on plain arrays.  Chain n inflation rates (percent) of
 * consecutive years into index[0..n]: index[0] = 100 is the year before
 * the first rate, index[i+1] = index[i] * (1 + inflation_pct[i] / 100). */
void ft_prices_chain(const double *inflation_pct, size_t n, double *index);

/* Rebase index[0..n) so that index[base] = 100.  false (index unchanged)
 * when base >= n or index[base] is not positive. */
bool ft_prices_rebase(double *index, size_t n, size_t base);

#endif
