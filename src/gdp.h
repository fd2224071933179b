/* gdp.h — gross domestic product in local currency per state and year,
 * for a figure's share of GDP.
 *
 * A GDP table is CSV with a header row naming at least the columns
 * `year`, `country` (ISO 3166-1 alpha-3), `currency` (ISO 4217: the unit
 * of the GDP) and `gdp_lcu` (in any order; others such as `source` are
 * ignored), one row per country and year, e.g.
 * `2023,KOR,KRW,2.2363294E+15,WB-WDI:NY.GDP.MKTP.CN:KOR`.
 *
 * Ownership: an ft_gdp owns everything in it (ft_gdp_free).  Nothing here
 * prints or exits.
 */
#ifndef FT_GDP_H
#define FT_GDP_H

#include <stdbool.h>
#include <stdio.h>

#include "status.h"

typedef struct ft_gdp ft_gdp;

/* Read a GDP table from a file (FT_ENOINPUT when it cannot be opened) or
 * a stream (`name` for messages).  FT_ECONFIG with file and line: a
 * header without one of the four columns or with one named twice, a row
 * with more or fewer cells than the header, a year that is not 1..9999, a
 * country or currency that is not three capital letters, a GDP that is
 * not a number or is negative, the same country and year twice, malformed
 * CSV.  A GDP of 0 (how the World Bank writes one too small for today's
 * units) is no GDP: the row is ignored.
 * FT_EIO, FT_ENOMEM.  *out is NULL on failure. */
ft_status ft_gdp_load(const char *path, ft_gdp **out, ft_error *err);
ft_status ft_gdp_load_stream(FILE *in, const char *name, ft_gdp **out,
                             ft_error *err);
void ft_gdp_free(ft_gdp *g);

/* The file name without its folder, as for ft_rates_source. */
const char *ft_gdp_source(const ft_gdp *g);

/* country's GDP in `year` (*value) and its currency (cur, 4 bytes);
 * false when the table has no such row. */
bool ft_gdp_lookup(const ft_gdp *g, const char *country, int year,
                   double *value, char cur[4]);

/* The share of GDP in percent of `amount` in currency `cur`, a figure of
 * `country` in `year`: 100 * amount / GDP, when the table has that
 * country-year and its GDP is in `cur` (a figure in another currency is
 * never compared: its conversion would mix in an exchange rate).  false
 * otherwise. */
bool ft_gdp_share_pct(const ft_gdp *g, const char *country, int year,
                      const char *cur, double amount, double *pct);

#endif
