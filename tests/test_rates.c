/* test_rates.c — exchange-rate and price tables: loading, look-up,
 * interpolation, cross rates, chaining and rebasing, and every way a table
 * can be malformed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prices.h"
#include "rates.h"
#include "table.h"

/* A stream holding text (a temporary file: fmemopen refuses size 0). */
static FILE *stream(const char *text)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    rewind(f);
    return f;
}

static ft_status load_rates(const char *text, ft_rates **r, ft_error *err)
{
    FILE *f = stream(text);
    ft_status st = ft_rates_load_stream(f, "rates.csv", r, err);
    fclose(f);
    return st;
}

static ft_status load_prices(const char *text, ft_prices **p, ft_error *err)
{
    FILE *f = stream(text);
    ft_status st = ft_prices_load_stream(f, "prices.csv", p, err);
    fclose(f);
    return st;
}

static const char small[] = "year,currency,units_per_usd,source\n"
                            "2000,KRW,1000,test\n"
                            "2002,KRW,1200,test\n"
                            "2003,KRW,1100,test\n"
                            "2001,JPY,100,test\n"
                            "2002,JPY,120,test\n"
                            "2003,JPY,110,test\n"
                            "2002,EUR,0.5,test\n";

static ft_rates *small_rates(void)
{
    ft_rates *r;
    ft_error err;
    assert_int_equal(load_rates(small, &r, &err), FT_OK);
    return r;
}

/* ------------------------------------------------------------ look-up */

static void test_lookup_exact_and_usd(void **state)
{
    (void)state;
    ft_rates *r = small_rates();
    ft_rate x;
    ft_error err;
    assert_int_equal(ft_rates_lookup(r, "KRW", 2002, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_YEAR);
    assert_int_equal(x.year, 2002);
    assert_true(x.value == 1200);
    /* The dollar is 1 in any year, without rows. */
    assert_int_equal(ft_rates_lookup(r, "USD", 1850, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_YEAR);
    assert_true(x.value == 1);
    /* No such currency. */
    assert_int_equal(ft_rates_lookup(r, "GBP", 2002, true, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_NONE);
    assert_true(ft_rates_has(r, "USD"));
    assert_true(ft_rates_has(r, "EUR"));
    assert_false(ft_rates_has(r, "GBP"));
    int first, last;
    assert_true(ft_rates_range(r, "KRW", &first, &last));
    assert_int_equal(first, 2000);
    assert_int_equal(last, 2003);
    assert_false(ft_rates_range(r, "GBP", &first, &last));
    char list[64];
    ft_rates_list(r, list, sizeof list);
    assert_string_equal(list, "EUR JPY KRW USD");
    ft_rates_free(r);
}

static void test_interpolation_never_extrapolation(void **state)
{
    (void)state;
    ft_rates *r = small_rates();
    ft_rate x;
    ft_error err;
    /* 2001 lies between 2000 (1000) and 2002 (1200): GSL's line. */
    assert_int_equal(ft_rates_lookup(r, "KRW", 2001, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_INTERPOLATED);
    assert_int_equal(x.year, 2001);
    assert_true(fabs(x.value - 1100) < 1e-9);
    /* Outside the table: nothing, unless the nearest year is asked for. */
    assert_int_equal(ft_rates_lookup(r, "KRW", 1999, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_NONE);
    assert_true(x.value == 0);
    assert_int_equal(ft_rates_lookup(r, "KRW", 2010, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_NONE);
    assert_int_equal(ft_rates_lookup(r, "KRW", 1999, true, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_NEAREST);
    assert_int_equal(x.year, 2000);
    assert_true(x.value == 1000);
    assert_int_equal(ft_rates_lookup(r, "KRW", 2010, true, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_NEAREST);
    assert_int_equal(x.year, 2003);
    assert_true(x.value == 1100);
    /* One year only: that year, or the nearest. */
    assert_int_equal(ft_rates_lookup(r, "EUR", 2002, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_YEAR);
    assert_int_equal(ft_rates_lookup(r, "EUR", 2001, false, &x, &err), FT_OK);
    assert_int_equal(x.basis, FT_RATE_NONE);
    ft_rates_free(r);
}

static void test_cross_rates_through_usd(void **state)
{
    (void)state;
    ft_rates *r = small_rates();
    ft_rate x;
    ft_error err;
    /* KRW -> JPY in 2002: 120 yen per dollar / 1200 won per dollar. */
    assert_int_equal(ft_rates_cross(r, "KRW", "JPY", 2002, false, &x, &err),
                     FT_OK);
    assert_int_equal(x.basis, FT_RATE_YEAR);
    assert_true(fabs(x.value - 0.1) < 1e-12);
    assert_int_equal(ft_rates_cross(r, "JPY", "KRW", 2003, false, &x, &err),
                     FT_OK);
    assert_true(fabs(x.value - 10) < 1e-12);
    /* To and from the dollar. */
    assert_int_equal(ft_rates_cross(r, "KRW", "USD", 2000, false, &x, &err),
                     FT_OK);
    assert_true(fabs(x.value - 0.001) < 1e-15);
    assert_int_equal(ft_rates_cross(r, "USD", "EUR", 2002, false, &x, &err),
                     FT_OK);
    assert_true(x.value == 0.5);
    /* One leg interpolated makes the pair interpolated. */
    assert_int_equal(ft_rates_cross(r, "KRW", "USD", 2001, false, &x, &err),
                     FT_OK);
    assert_int_equal(x.basis, FT_RATE_INTERPOLATED);
    /* The pair covers only the years both have: JPY starts in 2001. */
    assert_int_equal(ft_rates_cross(r, "KRW", "JPY", 2000, false, &x, &err),
                     FT_OK);
    assert_int_equal(x.basis, FT_RATE_NONE);
    assert_int_equal(ft_rates_cross(r, "KRW", "JPY", 2000, true, &x, &err),
                     FT_OK);
    assert_int_equal(x.basis, FT_RATE_NEAREST);
    assert_int_equal(x.year, 2001);
    /* KRW 2001 is interpolated (1100), JPY 2001 its own (100). */
    assert_true(fabs(x.value - 100.0 / 1100) < 1e-12);
    /* The same currency is 1 in any year. */
    assert_int_equal(ft_rates_cross(r, "GBP", "GBP", 1700, false, &x, &err),
                     FT_OK);
    assert_int_equal(x.basis, FT_RATE_YEAR);
    assert_true(x.value == 1);
    /* A currency without rates. */
    assert_int_equal(ft_rates_cross(r, "GBP", "USD", 2002, true, &x, &err),
                     FT_OK);
    assert_int_equal(x.basis, FT_RATE_NONE);
    assert_string_equal(ft_rate_basis_name(FT_RATE_INTERPOLATED),
                        "interpolated");
    assert_string_equal(ft_rate_basis_name(FT_RATE_NONE), "");
    ft_rates_free(r);
}

static void test_table_forms(void **state)
{
    (void)state;
    /* Columns in any order and case, extra columns, CRLF, a byte order
     * mark, quoted cells, blank lines, rows in any order. */
    ft_rates *r;
    ft_error err;
    assert_int_equal(load_rates("\xEF\xBB\xBFSource,Units_Per_USD,Year,"
                                "Currency,note\r\n"
                                "\"FRED, annual\",928.9717,2007,KRW,\r\n"
                                "\r\n"
                                "x,929.2595,2006,KRW,\"a \"\"b\"\"\"\r\n",
                                &r, &err),
                     FT_OK);
    ft_rate x;
    assert_int_equal(ft_rates_lookup(r, "KRW", 2007, false, &x, &err), FT_OK);
    assert_true(x.value == 928.9717);
    assert_int_equal(ft_rates_lookup(r, "KRW", 2006, false, &x, &err), FT_OK);
    assert_true(x.value == 929.2595);
    ft_rates_free(r);
    /* Currencies interleaved, each in any order: every row reaches its
     * own series. */
    assert_int_equal(load_rates("year,currency,units_per_usd\n"
                                "2001,KRW,1100\n2000,JPY,100\n2000,KRW,1000\n"
                                "2001,JPY,110\n2002,KRW,1200\n",
                                &r, &err),
                     FT_OK);
    const struct {
        const char *cur;
        int year;
        double value;
    } want[] = {{"KRW", 2000, 1000},
                {"KRW", 2001, 1100},
                {"KRW", 2002, 1200},
                {"JPY", 2000, 100},
                {"JPY", 2001, 110}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        assert_int_equal(
            ft_rates_lookup(r, want[i].cur, want[i].year, false, &x, &err),
            FT_OK);
        assert_true(x.value == want[i].value);
    }
    ft_rates_free(r);
    /* A header alone is an empty table; USD rows of 1 are allowed. */
    assert_int_equal(
        load_rates("year,currency,units_per_usd\n2000,USD,1\n", &r, &err),
        FT_OK);
    assert_true(ft_rates_has(r, "USD"));
    ft_rates_free(r);
}

/* Loading `text` fails with FT_ECONFIG at `line`, the message holding
 * `part`. */
static void assert_bad_rates(const char *text, long line, const char *part)
{
    ft_rates *r = (ft_rates *)1;
    ft_error err;
    assert_int_equal(load_rates(text, &r, &err), FT_ECONFIG);
    assert_null(r);
    assert_string_equal(err.file, "rates.csv");
    if (err.line != line || !strstr(err.message, part))
        fail_msg("line %ld, '%s'; want line %ld, '%s'", err.line, err.message,
                 line, part);
}

static void test_malformed_rates(void **state)
{
    (void)state;
    assert_bad_rates("year,currency,rate\n2000,KRW,1\n", 1,
                     "no 'units_per_usd' column");
    assert_bad_rates("year,units_per_usd\n2000,1\n", 1, "no 'currency' column");
    assert_bad_rates("year,currency,units_per_usd,year\n", 1,
                     "'year' named twice");
    assert_bad_rates("", 0, "empty");
    assert_bad_rates("year,currency,units_per_usd\n"
                     "2000,KRW,1000\n"
                     "2001,KRW,1100\n"
                     "2000,KRW,1001\n",
                     4, "KRW 2000 given twice (first on line 2)");
    /* twice in a row, the table otherwise in order */
    assert_bad_rates("year,currency,units_per_usd\n"
                     "1999,KRW,900\n"
                     "2000,KRW,1000\n"
                     "2000,KRW,1001\n",
                     4, "KRW 2000 given twice (first on line 3)");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,-1000\n", 2,
                     "not positive");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,0\n", 2,
                     "not positive");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,abc\n", 2,
                     "rate 'abc' is not a number");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,\n", 2,
                     "rate '' is not a number");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,nan\n", 2,
                     "not a number");
    /* Tables at the edge: a value a double cannot hold, or one that
     * would take a conversion out of the doubles, is refused at load. */
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,1e999\n", 2,
                     "rate '1e999' is out of range");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,1e-320\n", 2,
                     "rate '1e-320' is out of range");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,1e308\n", 2,
                     "rate '1e308' is out of range (units of the currency "
                     "per US dollar lie between 1e-20 and 1e+20)");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,1e-21\n", 2,
                     "rate '1e-21' is out of range");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,NaN\n", 2,
                     "rate 'NaN' is not a number");
    assert_bad_rates("year,currency,units_per_usd\n20x0,KRW,1\n", 2,
                     "year '20x0' is not a year");
    assert_bad_rates("year,currency,units_per_usd\n0,KRW,1\n", 2,
                     "is not a year");
    assert_bad_rates("year,currency,units_per_usd\n2000,won,1\n", 2,
                     "currency 'won' is not an ISO 4217 code");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,1,x\n", 2,
                     "4 cells where the header has 3");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW\n", 2,
                     "2 cells where the header has 3");
    assert_bad_rates("year,currency,units_per_usd\n2000,USD,2\n", 2,
                     "the dollar is 1");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,1\n2001,K\"RW,1\n",
                     3, "malformed CSV");
    assert_bad_rates("year,currency,units_per_usd\n2000,KRW,\"1\n", 2,
                     "malformed CSV");
}

static void test_missing_rates_file(void **state)
{
    (void)state;
    ft_rates *r;
    ft_error err;
    assert_int_equal(ft_rates_load("/nonexistent/rates.csv", &r, &err),
                     FT_ENOINPUT);
    assert_null(r);
    assert_string_equal(err.file, "/nonexistent/rates.csv");
}

static void test_currency_codes(void **state)
{
    (void)state;
    assert_true(ft_currency_code_valid("KRW"));
    assert_false(ft_currency_code_valid("krw"));
    assert_false(ft_currency_code_valid("KRWX"));
    assert_false(ft_currency_code_valid("KR"));
    assert_true(ft_currency_known("KRW"));
    assert_true(ft_currency_known("USD"));
    assert_true(ft_currency_known("GBP"));
    assert_true(ft_currency_known("DEM")); /* withdrawn, but real */
    assert_true(ft_currency_known("BTC")); /* the extractor writes it */
    assert_false(ft_currency_known("XYZ"));
    assert_false(ft_currency_known("KWR"));
    assert_false(ft_currency_known(""));
}

/* ------------------------------------------------------------- prices */

static void test_chain_and_rebase(void **state)
{
    (void)state;
    double pct[] = {10, -50, 100};
    double idx[4];
    ft_prices_chain(pct, 3, idx);
    assert_true(idx[0] == 100);
    assert_true(fabs(idx[1] - 110) < 1e-12);
    assert_true(fabs(idx[2] - 55) < 1e-12);
    assert_true(fabs(idx[3] - 110) < 1e-12);
    assert_true(ft_prices_rebase(idx, 4, 2));
    assert_true(idx[2] == 100);
    assert_true(fabs(idx[0] - 100 / 0.55) < 1e-9);
    assert_true(fabs(idx[3] - 200) < 1e-12);
    assert_false(ft_prices_rebase(idx, 4, 4));
    double zero[] = {0, 1};
    assert_false(ft_prices_rebase(zero, 2, 0));
}

static void test_price_ratios(void **state)
{
    (void)state;
    ft_prices *p;
    ft_error err;
    assert_int_equal(
        load_prices("year,country,currency,inflation_pct,source\r\n"
                    "2001,KOR,KRW,10,t\r\n"
                    "2002,KOR,KRW,-50,t\r\n"
                    "2003,KOR,KRW,100,t\r\n"
                    "2003,USA,USD,2,t\r\n"
                    "2005,USA,USD,3,t\r\n",
                    &p, &err),
        FT_OK);
    double v;
    /* The first rate reaches back to 2000. */
    int first, last;
    assert_true(ft_prices_range(p, "KRW", &first, &last));
    assert_int_equal(first, 2000);
    assert_int_equal(last, 2003);
    assert_true(ft_prices_ratio(p, "KRW", 2000, 2001, &v));
    assert_true(fabs(v - 1.1) < 1e-12);
    assert_true(ft_prices_ratio(p, "KRW", 2001, 2003, &v));
    assert_true(fabs(v - 1) < 1e-12);
    assert_true(ft_prices_ratio(p, "KRW", 2003, 2002, &v));
    assert_true(fabs(v - 0.5) < 1e-12);
    assert_true(ft_prices_ratio(p, "KRW", 2002, 2002, &v));
    assert_true(v == 1);
    /* Rebased: 2002 = 100. */
    assert_true(ft_prices_index(p, "KRW", 2003, 2002, &v));
    assert_true(fabs(v - 200) < 1e-9);
    assert_true(ft_prices_index(p, "KRW", 2000, 2002, &v));
    assert_true(fabs(v - 100 / 0.55) < 1e-9);
    /* Outside the table, another currency, across a gap: no index. */
    assert_false(ft_prices_ratio(p, "KRW", 1999, 2002, &v));
    assert_false(ft_prices_ratio(p, "KRW", 2002, 2004, &v));
    assert_false(ft_prices_ratio(p, "JPY", 2002, 2002, &v));
    assert_false(ft_prices_has(p, "JPY"));
    assert_true(ft_prices_has(p, "USD"));
    /* USD has 2002-2003 and 2004-2005: 2004 is the reach of 2005. */
    assert_true(ft_prices_ratio(p, "USD", 2002, 2003, &v));
    assert_true(ft_prices_ratio(p, "USD", 2004, 2005, &v));
    assert_true(fabs(v - 1.03) < 1e-12);
    assert_false(ft_prices_ratio(p, "USD", 2003, 2005, &v));
    assert_true(ft_prices_range(p, "USD", &first, &last));
    assert_int_equal(first, 2002);
    assert_int_equal(last, 2005);
    ft_prices_free(p);
}

static void assert_bad_prices(const char *text, long line, const char *part)
{
    ft_prices *p = (ft_prices *)1;
    ft_error err;
    assert_int_equal(load_prices(text, &p, &err), FT_ECONFIG);
    assert_null(p);
    assert_string_equal(err.file, "prices.csv");
    if (err.line != line || !strstr(err.message, part))
        fail_msg("line %ld, '%s'; want line %ld, '%s'", err.line, err.message,
                 line, part);
}

static void test_malformed_prices(void **state)
{
    (void)state;
    assert_bad_prices("year,currency,units_per_usd\n2000,KRW,1\n", 1,
                      "no 'inflation_pct' column");
    assert_bad_prices("year,currency,inflation_pct\n"
                      "2000,KRW,1\n"
                      "2000,KRW,2\n",
                      3, "KRW 2000 given twice (first on line 2)");
    assert_bad_prices("year,currency,inflation_pct\n2000,KRW,-100\n", 2,
                      "not above -100");
    /* Rates each a number, chained to an index past what a double holds
     * (or down to nothing): a ratio of two years would be inf or 0/0.
     * The message names the row where the index leaves its range. */
    assert_bad_prices("year,currency,inflation_pct\n"
                      "2000,KRW,1e300\n"
                      "2001,KRW,1e300\n",
                      2, "KRW price index leaves");
    assert_bad_prices("year,currency,inflation_pct\n"
                      "2000,JPY,5\n"
                      "2001,JPY,-99.9999999\n"
                      "2002,JPY,-99.9999999\n"
                      "2003,JPY,-99.9999999\n"
                      "2004,JPY,-99.9999999\n"
                      "2005,JPY,-99.9999999\n"
                      "2006,JPY,-99.9999999\n"
                      "2007,JPY,-99.9999999\n"
                      "2008,JPY,-99.9999999\n"
                      "2009,JPY,-99.9999999\n"
                      "2010,JPY,-99.9999999\n"
                      "2011,JPY,-99.9999999\n"
                      "2012,JPY,-99.9999999\n"
                      "2013,JPY,-99.9999999\n",
                      14, "JPY price index leaves");
    assert_bad_prices("year,currency,inflation_pct\n2000,KRW,2%\n", 2,
                      "inflation '2%' is not a number");
    assert_bad_prices("year,currency,inflation_pct\n2000,Korea,2\n", 2,
                      "not an ISO 4217 code");
    assert_bad_prices("year,currency,inflation_pct\n2000,KRW\n", 2,
                      "2 cells where the header has 3");
    assert_bad_prices("", 0, "empty");
    ft_prices *p;
    ft_error err;
    assert_int_equal(ft_prices_load("/nonexistent/p.csv", &p, &err),
                     FT_ENOINPUT);
    assert_null(p);
}

/* ------------------------------------------------------ shipped tables */

static void test_shipped_tables(void **state)
{
    (void)state;
    ft_rates *r;
    ft_prices *p;
    ft_error err;
    if (ft_rates_load("datasets/fx_units_per_usd_annual.csv", &r, &err) !=
        FT_OK)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    ft_rate x;
    /* FRED's AEXKOUS; the World Bank's before FRED's series begins. */
    assert_int_equal(ft_rates_lookup(r, "KRW", 2007, false, &x, &err), FT_OK);
    assert_true(x.value == 928.9717);
    assert_int_equal(ft_rates_lookup(r, "KRW", 2023, false, &x, &err), FT_OK);
    assert_true(x.value == 1306.7637);
    assert_int_equal(ft_rates_lookup(r, "KRW", 1960, false, &x, &err), FT_OK);
    assert_true(x.value == 63.125);
    int first, last;
    static const char *fred[] = {
        "AUD", "BRL", "CAD", "CHF", "CNY", "DKK", "EUR", "HKD", "INR", "JPY",
        "KRW", "MXN", "MYR", "NOK", "NZD", "SEK", "SGD", "THB", "TWD", "ZAR"};
    for (size_t i = 0; i < sizeof fred / sizeof *fred; i++) {
        assert_true(ft_rates_range(r, fred[i], &first, &last));
        assert_int_equal(last, 2025);
    }
    ft_rates_free(r);

    if (ft_rates_load("datasets/fx_units_per_usd_annual_wb.csv", &r, &err) !=
        FT_OK)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    assert_int_equal(ft_rates_lookup(r, "KRW", 2023, false, &x, &err), FT_OK);
    assert_true(x.value == 1305.6625); /* the rate SIPRI uses */
    ft_rates_free(r);

    if (ft_prices_load("datasets/cpi_inflation_pct_annual.csv", &p, &err) !=
        FT_OK)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    static const char *cpi[] = {"AUD", "CAD", "CNY", "EUR", "GBP",
                                "INR", "JPY", "KRW", "RUB", "USD"};
    for (size_t i = 0; i < sizeof cpi / sizeof *cpi; i++)
        assert_true(ft_prices_has(p, cpi[i]));
    assert_true(ft_prices_range(p, "KRW", &first, &last));
    assert_int_equal(first, 1959);
    assert_int_equal(last, 2025);
    /* The United States' inflation ends a year earlier in this vintage. */
    assert_true(ft_prices_range(p, "USD", &first, &last));
    assert_int_equal(last, 2024);
    /* A legacy currency deflates with its state's own prices up to the
     * euro; the euro with the euro area's. */
    assert_true(ft_prices_range(p, "DEM", &first, &last));
    assert_int_equal(last, 1998);
    assert_true(ft_prices_range(p, "EUR", &first, &last));
    assert_int_equal(last, 2025);
    assert_string_equal(ft_prices_source(p), "cpi_inflation_pct_annual.csv");
    ft_prices_free(p);
}

/* The all-country tables: states the FRED series never had come from the
 * World Bank, each to its last published year. */
static void test_shipped_world_bank_coverage(void **state)
{
    (void)state;
    ft_rates *r;
    ft_error err;
    if (ft_rates_load("datasets/fx_units_per_usd_annual.csv", &r, &err) !=
        FT_OK)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    assert_string_equal(ft_rates_source(r), "fx_units_per_usd_annual.csv");
    int first, last;
    static const char *wb[] = {"GBP", "PLN", "TRY", "ILS", "UAH",
                               "SAR", "IDR", "PHP", "VND", "RUB"};
    for (size_t i = 0; i < sizeof wb / sizeof *wb; i++) {
        assert_true(ft_rates_range(r, wb[i], &first, &last));
        assert_true(last >= 2024);
    }
    /* Before the euro, the legacy codes; none after. */
    assert_true(ft_rates_range(r, "DEM", &first, &last));
    assert_int_equal(last, 1998);
    assert_false(ft_rates_has(r, "KPW")); /* not published */
    ft_rates_free(r);
}

/* A table knows the file it came from, without its folder. */
static void test_table_source_names(void **state)
{
    (void)state;
    ft_rates *r;
    ft_prices *p;
    ft_error err;
    FILE *f = stream("year,currency,units_per_usd\n2001,KRW,1300\n");
    assert_int_equal(ft_rates_load_stream(f, "some/dir/my_rates.csv", &r, &err),
                     FT_OK);
    fclose(f);
    assert_string_equal(ft_rates_source(r), "my_rates.csv");
    ft_rates_free(r);
    f = stream("year,currency,inflation_pct\n2001,KRW,2\n");
    assert_int_equal(ft_prices_load_stream(f, "stdin", &p, &err), FT_OK);
    fclose(f);
    assert_string_equal(ft_prices_source(p), "stdin");
    ft_prices_free(p);
    char buf[8];
    ft_table_source_name("a/b/", buf, sizeof buf); /* no name after '/' */
    assert_string_equal(buf, "a/b/");
    ft_table_source_name("/x/long_name.csv", buf, sizeof buf);
    assert_string_equal(buf, "long_na"); /* cut to the buffer */
}

/* The index chained from the shipped inflation rates equals the World
 * Bank's own Korean CPI (kept in ../shared for tests only, never
 * shipped): every year against 2020 within 0.01%. */
static void test_chained_cpi_matches_world_bank(void **state)
{
    (void)state;
    FILE *f = fopen("../shared/datasets/cpi_korea_annual.csv", "rb");
    if (!f)
        skip();
    ft_prices *p;
    ft_error err;
    assert_int_equal(
        ft_prices_load("datasets/cpi_inflation_pct_annual.csv", &p, &err),
        FT_OK);
    char line[512];
    assert_non_null(fgets(line, sizeof line, f)); /* the header */
    assert_non_null(strstr(line, "year,cpi,"));
    int n = 0;
    double worst = 0;
    while (fgets(line, sizeof line, f)) {
        int year;
        double cpi;
        if (sscanf(line, "%d,%lf,", &year, &cpi) != 2)
            continue;
        double mine;
        assert_true(ft_prices_index(p, "KRW", year, 2020, &mine));
        double gap = fabs(mine / cpi - 1);
        if (gap > worst)
            worst = gap;
        n++;
    }
    fclose(f);
    ft_prices_free(p);
    assert_true(n >= 60);
    print_message("chained Korean CPI vs the World Bank's: largest gap "
                  "%.4f%% over %d years\n",
                  100 * worst, n);
    assert_true(worst < 1e-4);
}

int main(void)
{
    /* As main.c does: GSL reports, never aborts. */
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_exact_and_usd),
        cmocka_unit_test(test_interpolation_never_extrapolation),
        cmocka_unit_test(test_cross_rates_through_usd),
        cmocka_unit_test(test_table_forms),
        cmocka_unit_test(test_malformed_rates),
        cmocka_unit_test(test_missing_rates_file),
        cmocka_unit_test(test_currency_codes),
        cmocka_unit_test(test_chain_and_rebase),
        cmocka_unit_test(test_price_ratios),
        cmocka_unit_test(test_malformed_prices),
        cmocka_unit_test(test_shipped_tables),
        cmocka_unit_test(test_shipped_world_bank_coverage),
        cmocka_unit_test(test_table_source_names),
        cmocka_unit_test(test_chained_cpi_matches_world_bank),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
