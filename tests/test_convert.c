/* test_convert.c — one currency, nominal and constant prices: number
 * formats, one amount, the paper's own conversion, figures.csv in and out
 * with every error path, SIPRI's Korean series, and the seed article from
 * extract to convert. */
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

#include "article.h"
#include "convert.h"
#include "extract.h"
#include "figures.h"
#include "table.h"
#include "text.h"

static FILE *stream(const char *text)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    rewind(f);
    return f;
}

static ft_rates *rates_of(const char *text)
{
    FILE *f = stream(text);
    ft_rates *r;
    ft_error err;
    assert_int_equal(ft_rates_load_stream(f, "rates.csv", &r, &err), FT_OK);
    fclose(f);
    return r;
}

static ft_prices *prices_of(const char *text)
{
    FILE *f = stream(text);
    ft_prices *p;
    ft_error err;
    assert_int_equal(ft_prices_load_stream(f, "prices.csv", &p, &err), FT_OK);
    fclose(f);
    return p;
}

/* Rates and prices small enough to check by hand. */
static const char rates_csv[] = "year,currency,units_per_usd\n"
                                "2006,KRW,1000\n"
                                "2007,KRW,900\n"
                                "2009,KRW,1300\n"
                                "2023,KRW,1300\n"
                                "2007,JPY,120\n"
                                "2023,JPY,140\n";
static const char prices_csv[] = "year,currency,inflation_pct\n"
                                 "2007,KRW,2\n"
                                 "2008,KRW,5\n"
                                 "2007,USD,3\n";

typedef struct {
    ft_rates *r;
    ft_prices *p;
} tables;

static int setup(void **state)
{
    tables *t = malloc(sizeof *t);
    t->r = rates_of(rates_csv);
    t->p = prices_of(prices_csv);
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    tables *t = *state;
    ft_rates_free(t->r);
    ft_prices_free(t->p);
    free(t);
    return 0;
}

/* ------------------------------------------------------------- numbers */

static void assert_money(double v, const char *want)
{
    char buf[64];
    size_t n = ft_convert_format_money(v, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void assert_ratio(double v, const char *want)
{
    char buf[64];
    ft_convert_format_ratio(v, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static void test_number_formats(void **state)
{
    (void)state;
    assert_money(473319047.2864, "473319047.29");
    assert_money(900000000, "900000000");
    assert_money(12.5, "12.5");
    assert_money(0.004, "0");
    assert_money(-0.004, "0");
    assert_money(-26.4e12, "-26400000000000");
    assert_money(4.397e20, "439700000000000000000");
    assert_ratio(1 / 928.9717, "0.001076459057");
    assert_ratio(928.9717, "928.9717");
    assert_ratio(1.4304668021234, "1.430466802");
    assert_ratio(1, "1");
    assert_ratio(0, "0");
    assert_ratio(123456789012.3, "123456789012");
    assert_ratio(2.5e-9, "0.0000000025");
    char small[4];
    assert_int_equal(ft_convert_format_money(473319047.29, small, sizeof small),
                     12);
    assert_string_equal(small, "473");
}

/* The formats as snprintf gives them: what the fast paths of
 * ft_convert_format_money and _ratio must agree with. */
static void reference_fixed(double v, int decimals, char *out, size_t n)
{
    int k = snprintf(out, n, "%.*f", decimals, v);
    assert_true(k > 0 && (size_t)k < n);
    if (strchr(out, '.')) {
        while (k > 0 && out[k - 1] == '0')
            k--;
        if (k > 0 && out[k - 1] == '.')
            k--;
    }
    out[k] = '\0';
    if (strcmp(out, "-0") == 0)
        strcpy(out, "0");
}

static void assert_formats_as_snprintf(double v)
{
    char want[512], got[512];
    if (!isfinite(v) || fabs(v) >= 1e300)
        return;
    reference_fixed(v, 2, want, sizeof want);
    ft_convert_format_money(v, got, sizeof got);
    if (strcmp(want, got) != 0)
        fail_msg("money %.17g: '%s', snprintf '%s'", v, got, want);
    int decimals = 0;
    if (v != 0) {
        decimals = 9 - (int)floor(log10(fabs(v)));
        decimals = decimals < 0 ? 0 : decimals > 40 ? 40 : decimals;
    }
    reference_fixed(v, decimals, want, sizeof want);
    ft_convert_format_ratio(v, got, sizeof got);
    if (strcmp(want, got) != 0)
        fail_msg("ratio %.17g: '%s', snprintf '%s'", v, got, want);
}

static void test_number_formats_as_snprintf(void **state)
{
    (void)state;
    static const double edges[] = {0,
                                   -0.0,
                                   0.004,
                                   -0.004,
                                   0.005,
                                   -0.005,
                                   0.015,
                                   0.125,
                                   -0.125,
                                   0.375,
                                   0.625,
                                   0.875,
                                   2.5,
                                   0.5,
                                   1.5,
                                   12.345,
                                   1e-300,
                                   5e-324,
                                   2.2250738585072014e-308,
                                   1e-13,
                                   1.5e-13,
                                   1e-14,
                                   1e17,
                                   1.8e17,
                                   1.8446744073709552e17,
                                   1e19,
                                   9223372036854775808.0,
                                   18446744073709551616.0,
                                   1e20,
                                   4.397e20,
                                   1e22,
                                   1e199,
                                   -1e199,
                                   1e299,
                                   -1e299,
                                   9.999999999,
                                   999999999.995,
                                   0.995,
                                   0.99999999999999989,
                                   1000000000.5,
                                   12345678901.5,
                                   12345678902.5,
                                   -1000000000.5,
                                   1.0000000005,
                                   0.0009765625,
                                   386400000000000.0,
                                   473319047.2864,
                                   1 / 928.9717,
                                   928.9717,
                                   1.4304668021234};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
        assert_formats_as_snprintf(edges[i]);
    /* every power of ten and its neighbours, exact ties of money (eighths)
     * and of whole ratios (halves beyond 1e9) */
    for (int k = -320; k <= 300; k++) {
        double p = pow(10, k);
        assert_formats_as_snprintf(p);
        assert_formats_as_snprintf(nextafter(p, 0));
        assert_formats_as_snprintf(nextafter(p, INFINITY));
        assert_formats_as_snprintf(-p);
    }
    for (int k = -4000; k <= 4000; k++) {
        assert_formats_as_snprintf(k / 8.0);
        assert_formats_as_snprintf(1e9 + k / 2.0);
        assert_formats_as_snprintf(1e15 + k / 8.0);
    }
    /* random values of every size, and random bit patterns */
    uint64_t x = 88172645463325252ULL;
    /* (20,000 pairs: the whole test also runs under valgrind in make test) */
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double mant = (double)(x >> 11) / 9007199254740992.0;
        int decade = (int)(x % 61) - 30;
        assert_formats_as_snprintf((x & 1 ? -1 : 1) * mant * pow(10, decade));
        double bits;
        memcpy(&bits, &x, sizeof bits);
        assert_formats_as_snprintf(bits);
    }
}

/* ------------------------------------------------------- table reading */

typedef struct {
    long lines[8];
    size_t ncells[8], last_len[8];
    int rows;
} seen_rows;

static ft_status record_row(void *ctx, char *const *cells, const size_t *lens,
                            size_t n, long line, ft_error *err)
{
    (void)cells;
    (void)err;
    seen_rows *s = ctx;
    assert_true(s->rows < 8);
    s->lines[s->rows] = line;
    s->ncells[s->rows] = n;
    s->last_len[s->rows] = lens[n - 1];
    for (size_t i = 0; i < n; i++)
        assert_int_equal(cells[i][lens[i]], '\0');
    s->rows++;
    return FT_OK;
}

/* Lines longer than the blocks the table is read in, a quoted cell over
 * two lines, a blank line, a NUL byte, CR line ends and no line end at
 * the end: every row with the line it starts on, and an error after them
 * with its own line. */
static void test_table_read_lines(void **state)
{
    (void)state;
    size_t longest = 300000;
    char *text = malloc(longest * 2 + 100);
    assert_non_null(text);
    for (int bad = 0; bad < 2; bad++) {
        size_t n = 0;
        n += (size_t)sprintf(text + n, "a,b\n1,");
        memset(text + n, 'x', 70000);
        n += 70000;
        n += (size_t)sprintf(text + n, "\n2,\"q\nr\"\n\n3,");
        memset(text + n, 'y', longest);
        n += longest;
        memcpy(text + n, "\n4,x\0y\r\n5,z\r6,", 14);
        n += 14;
        n += (size_t)sprintf(text + n, bad ? "w\"v" : "end");
        FILE *f = tmpfile();
        assert_non_null(f);
        assert_int_equal(fwrite(text, 1, n, f), n);
        rewind(f);
        seen_rows s = {0};
        ft_error err = {0};
        ft_status st =
            ft_table_read(f, "t.csv", FT_EDATA, record_row, &s, &err);
        fclose(f);
        static const long lines[] = {1, 2, 3, 6, 7, 8, 8};
        static const size_t lens[] = {1, 70000, 3, 300000, 3, 1, 3};
        assert_int_equal(s.rows, bad ? 6 : 7);
        for (int i = 0; i < s.rows; i++) {
            assert_int_equal(s.lines[i], lines[i]);
            assert_int_equal(s.ncells[i], 2);
            assert_int_equal(s.last_len[i], lens[i]);
        }
        if (bad) {
            assert_int_equal(st, FT_EDATA);
            assert_int_equal(err.line, 8);
            assert_string_equal(err.file, "t.csv");
        } else {
            assert_int_equal(st, FT_OK);
        }
    }
    free(text);
}

/* ----------------------------------------------------- annual look-up */

static ft_status any_value(const char *cur, const char *cell, double *out,
                           bool *keep, ft_error *err)
{
    (void)cur;
    (void)keep;
    (void)err;
    *out = atof(cell);
    return FT_OK;
}

static bool three_capitals(const char *cur)
{
    return strlen(cur) == 3 && strspn(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == 3;
}

/* ft_annual_find's binary search must never miss a series the scan would
 * find, in whatever order the table lists them, nor find one that is not
 * there. */
static void test_annual_find_any_order(void **state)
{
    (void)state;
    static const char *const orders[] = {
        "ZWL\nAFN\nKRW\nAED\nUSD\nBRL\nAAA\nZZZ\nKRX\n", /* none */
        "AAA\nAED\nAFN\nBRL\nKRW\nKRX\nUSD\nZWL\nZZZ\n", /* sorted */
        "ZZZ\nZWL\nUSD\nKRX\nKRW\nBRL\nAFN\nAED\nAAA\n", /* reversed */
    };
    const ft_annual_spec spec = {.table = "test",
                                 .column = "v",
                                 .twice = "",
                                 .currency_ok = three_capitals,
                                 .value = any_value};
    for (size_t k = 0; k < sizeof orders / sizeof *orders; k++) {
        char text[512] = "year,currency,v\n";
        for (const char *p = orders[k]; *p; p += 4)
            snprintf(text + strlen(text), sizeof text - strlen(text),
                     "2000,%.3s,%d\n", p, (int)(p - orders[k]));
        FILE *f = stream(text);
        ft_annual a;
        ft_error err;
        assert_int_equal(ft_table_load_annual(f, "t.csv", &spec, &a, &err),
                         FT_OK);
        fclose(f);
        assert_int_equal(a.n, 9);
        for (size_t i = 0; i < a.n; i++) {
            ft_annual_series *s = ft_annual_find(&a, a.s[i].cur);
            assert_ptr_equal(s, &a.s[i]);
        }
        const char *absent[] = {"",    "A",    "AF",  "AFM", "AFO", "KRWX",
                                "ABC", "ZZZZ", "zwl", "USE", "AA"};
        for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
            assert_null(ft_annual_find(&a, absent[i]));
        ft_annual_free(&a);
    }
}

/* ----------------------------------------------------------- one amount */

static void test_nominal(void **state)
{
    tables *t = *state;
    ft_convert_opts o = {.rates = t->r, .to = "USD"};
    ft_conversion c;
    ft_error err;
    double hi = 1800;
    assert_int_equal(ft_convert_amount(&o, "KRW", 2007, 900, &hi, &c, &err),
                     FT_OK);
    assert_true(c.has_nominal);
    assert_true(fabs(c.nominal - 1) < 1e-12);
    assert_true(fabs(c.nominal_max - 2) < 1e-12);
    assert_int_equal(c.rate.basis, FT_RATE_YEAR);
    assert_int_equal(c.rate.year, 2007);
    assert_string_equal(c.rate_why, "");
    assert_false(c.has_constant); /* not asked for */
    /* 2008: between 900 and 1300, interpolated to 1100. */
    assert_int_equal(ft_convert_amount(&o, "KRW", 2008, 1100, NULL, &c, &err),
                     FT_OK);
    assert_int_equal(c.rate.basis, FT_RATE_INTERPOLATED);
    assert_true(fabs(c.nominal - 1) < 1e-12);
    /* Cross: KRW -> JPY through the dollar. */
    o.to = "JPY";
    assert_int_equal(ft_convert_amount(&o, "KRW", 2023, 1300, NULL, &c, &err),
                     FT_OK);
    assert_true(fabs(c.nominal - 140) < 1e-9);
    assert_true(fabs(c.rate.value - 140.0 / 1300) < 1e-15);
    /* Not covered: no rate, and why; --nearest takes the nearest year. */
    o.to = "USD";
    assert_int_equal(ft_convert_amount(&o, "KRW", 1990, 1, NULL, &c, &err),
                     FT_OK);
    assert_false(c.has_nominal);
    assert_string_equal(c.rate_why,
                        "no KRW->USD rate for 1990 (the tables cover "
                        "2006-2023)");
    o.nearest = true;
    assert_int_equal(ft_convert_amount(&o, "KRW", 1990, 1000, NULL, &c, &err),
                     FT_OK);
    assert_true(c.has_nominal);
    assert_int_equal(c.rate.basis, FT_RATE_NEAREST);
    assert_int_equal(c.rate.year, 2006);
    assert_true(fabs(c.nominal - 1) < 1e-12);
    o.nearest = false;
    /* No currency, no year, no rates at all. */
    assert_int_equal(ft_convert_amount(&o, "", 2007, 1, NULL, &c, &err), FT_OK);
    assert_string_equal(c.rate_why, "no currency");
    assert_int_equal(ft_convert_amount(&o, "KRW", 0, 1, NULL, &c, &err), FT_OK);
    assert_string_equal(c.rate_why, "no year and no publication date");
    assert_int_equal(ft_convert_amount(&o, "GBP", 2007, 1, NULL, &c, &err),
                     FT_OK);
    assert_string_equal(c.rate_why, "no rates for GBP");
    /* The same currency needs no rate, nor even a year. */
    assert_int_equal(ft_convert_amount(&o, "USD", 0, 5, NULL, &c, &err), FT_OK);
    assert_true(c.has_nominal);
    assert_true(c.nominal == 5);
    assert_string_equal(c.rate_why, "");
}

static void test_constant_sipri_method(void **state)
{
    tables *t = *state;
    ft_convert_opts o = {
        .rates = t->r, .prices = t->p, .to = "USD", .constant_year = 2008};
    ft_conversion c;
    ft_error err;
    /* 1000 won of 2007 are 1050 won of 2008 (5% inflation), converted at
     * 2008's rate (1100, interpolated): 0.9545... dollars. */
    assert_int_equal(ft_convert_amount(&o, "KRW", 2007, 1000, NULL, &c, &err),
                     FT_OK);
    assert_true(c.has_constant);
    assert_true(fabs(c.price_ratio - 1.05) < 1e-12);
    assert_true(fabs(c.constant - 1050.0 / 1100) < 1e-12);
    /* Deflated in won, not in dollars: 2007's rate plays no part. */
    assert_true(fabs(c.nominal - 1000.0 / 900) < 1e-12);
    /* The base year itself: ratio 1. */
    assert_int_equal(ft_convert_amount(&o, "KRW", 2008, 1100, NULL, &c, &err),
                     FT_OK);
    assert_true(c.price_ratio == 1);
    assert_true(fabs(c.constant - 1) < 1e-12);
    /* A range: both ends. */
    double hi = 2000;
    assert_int_equal(ft_convert_amount(&o, "KRW", 2007, 1000, &hi, &c, &err),
                     FT_OK);
    assert_true(fabs(c.constant_max - 2 * 1050.0 / 1100) < 1e-12);
    assert_true(fabs(c.nominal_max - 2000.0 / 900) < 1e-12);
    /* Dollars at constant prices: US inflation. */
    o.constant_year = 2007;
    assert_int_equal(ft_convert_amount(&o, "USD", 2006, 100, NULL, &c, &err),
                     FT_OK);
    assert_true(fabs(c.constant - 103) < 1e-9);
    /* A year the prices do not cover: constant empty, nominal kept. */
    assert_int_equal(ft_convert_amount(&o, "KRW", 2009, 1300, NULL, &c, &err),
                     FT_OK);
    assert_true(c.has_nominal);
    assert_false(c.has_constant);
    assert_string_equal(c.price_why, "no KRW price index for 2009 (the prices "
                                     "cover 2006-2008)");
    assert_string_equal(c.rate_why, "");
    /* A currency without prices. */
    assert_int_equal(ft_convert_amount(&o, "JPY", 2007, 1, NULL, &c, &err),
                     FT_OK);
    assert_string_equal(c.price_why, "no price index for JPY");
    /* The base year's rate missing. */
    o.constant_year = 2005;
    ft_prices *p = prices_of("year,currency,inflation_pct\n"
                             "2005,KRW,1\n2006,KRW,1\n2007,KRW,1\n");
    o.prices = p;
    assert_int_equal(ft_convert_amount(&o, "KRW", 2007, 1, NULL, &c, &err),
                     FT_OK);
    assert_false(c.has_constant);
    assert_string_equal(c.rate_why, "no KRW->USD rate for the constant year "
                                    "2005 (the tables cover 2006-2023); use "
                                    "--constant 2006 or update the datasets");
    /* The constant year after the price index ends: which table ends
     * where, and what to do. */
    o.constant_year = 2026;
    assert_int_equal(ft_convert_amount(&o, "KRW", 2006, 1, NULL, &c, &err),
                     FT_OK);
    assert_false(c.has_constant);
    assert_string_equal(c.price_why,
                        "the KRW price index ends in 2007, before the "
                        "constant year 2026; use --constant 2007 or update "
                        "the datasets");
    ft_prices_free(p);
}

/* Tables at their edge: a rate or price ratio a double cannot carry
 * flags the figure (why set, no value), never a rate of 0 or an empty
 * cell that looks converted. */
static void test_tables_at_edge(void **state)
{
    (void)state;
    ft_rates *r = rates_of("year,currency,units_per_usd\n"
                           "2007,KRW,1e20\n2009,KRW,1e20\n"
                           "2007,JPY,1e-20\n");
    /* An index as far as the prices table lets it go (prices.h refuses
     * one past FT_PRICES_INDEX_MAX): 100 in 2007, 1e92 in 2009. */
    ft_prices *p = prices_of("year,currency,inflation_pct\n"
                             "2008,KRW,1e47\n2009,KRW,1e47\n");
    ft_convert_opts o = {.rates = r, .to = "KRW"};
    ft_conversion c;
    ft_error err;
    /* The bounds themselves convert. */
    assert_int_equal(ft_convert_amount(&o, "JPY", 2007, 1, NULL, &c, &err),
                     FT_OK);
    assert_true(c.has_nominal);
    assert_true(fabs(c.nominal / 1e40 - 1) < 1e-12);
    /* An amount the product cannot hold: flagged, nothing written. */
    double hi = 1e300;
    assert_int_equal(ft_convert_amount(&o, "JPY", 2007, 1, &hi, &c, &err),
                     FT_OK);
    assert_false(c.has_nominal);
    assert_string_equal(
        c.rate_why, "the rate of JPY to KRW in 2007 is out of range (1e+40)");
    /* A price ratio whose product leaves the doubles: no constant
     * amount, with the years. */
    o.to = "USD";
    o.prices = p;
    o.constant_year = 2009;
    assert_int_equal(ft_convert_amount(&o, "KRW", 2007, 1, &hi, &c, &err),
                     FT_OK);
    assert_true(c.has_nominal);
    assert_false(c.has_constant);
    assert_string_equal(c.rate_why, "");
    assert_string_equal(c.price_why, "the KRW price index from 2007 to 2009 "
                                     "is out of range (1e+90)");
    ft_prices_free(p);
    ft_rates_free(r);
}

static void test_reported_conversion(void **state)
{
    (void)state;
    ft_rates *r;
    ft_error err;
    if (ft_rates_load("datasets/fx_units_per_usd_annual.csv", &r, &err) !=
        FT_OK)
        fail_msg("%s", err.message);
    bool checked, mismatch;
    /* 439.7 billion won = $317.4 million: right for an August 2025
     * article (1421 won a dollar that year: 2.6% apart), though 2007's
     * rate gives $473 million. */
    assert_int_equal(ft_convert_check_reported(r, "KRW", 439.7e9, "USD",
                                               317.4e6, 2025, &checked,
                                               &mismatch, &err),
                     FT_OK);
    assert_true(checked);
    assert_false(mismatch);
    /* 29.64 trillion won = $30 billion is 988 won a dollar: right for no
     * recent year. */
    assert_int_equal(ft_convert_check_reported(r, "KRW", 29.64e12, "USD", 30e9,
                                               2025, &checked, &mismatch, &err),
                     FT_OK);
    assert_true(checked);
    assert_true(mismatch);
    /* A year past the table by one: its last year stands in. */
    assert_int_equal(ft_convert_check_reported(r, "KRW", 29.64e12, "USD", 30e9,
                                               2026, &checked, &mismatch, &err),
                     FT_OK);
    assert_true(checked);
    assert_true(mismatch);
    /* Further out, or without a date or a currency: no check. */
    assert_int_equal(ft_convert_check_reported(r, "KRW", 29.64e12, "USD", 30e9,
                                               2030, &checked, &mismatch, &err),
                     FT_OK);
    assert_false(checked);
    assert_false(mismatch);
    assert_int_equal(ft_convert_check_reported(r, "KRW", 1, "USD", 1, 0,
                                               &checked, &mismatch, &err),
                     FT_OK);
    assert_false(checked);
    assert_int_equal(ft_convert_check_reported(r, "", 1, "USD", 1, 2020,
                                               &checked, &mismatch, &err),
                     FT_OK);
    assert_false(checked);
    /* 10% is the line. */
    assert_int_equal(ft_convert_check_reported(r, "USD", 100, "USD", 109.9,
                                               2020, &checked, &mismatch, &err),
                     FT_OK);
    assert_false(mismatch);
    assert_int_equal(ft_convert_check_reported(r, "USD", 100, "USD", 110.1,
                                               2020, &checked, &mismatch, &err),
                     FT_OK);
    assert_true(mismatch);
    ft_rates_free(r);
}

/* --------------------------------------------------------- figures.csv */

#define HEAD                                                                   \
    "doc,published,mention,start,end,surface,amount,amount_max,currency,"      \
    "qualifier,kind,reported_amount,reported_currency,year,year_basis,"        \
    "subject,flags,sentence"
#define NEW_HEAD                                                               \
    ",to_currency,amount_nominal,rate,rate_year,rate_basis,amount_constant,"   \
    "constant_year,price_index_ratio,amount_max_nominal,amount_max_constant"

typedef struct {
    char *text[8];
    long line[8];
    int n;
} warnings;

static void on_warn(void *ctx, const ft_error *w)
{
    warnings *ws = ctx;
    if (ws->n < 8) {
        ws->text[ws->n] = strdup(w->message);
        ws->line[ws->n] = w->line;
        ws->n++;
    }
}

static void warnings_free(warnings *ws)
{
    for (int i = 0; i < ws->n; i++)
        free(ws->text[i]);
    ws->n = 0;
}

/* Convert `in`; the output (NULL on failure, with *st and err). */
static char *convert_text(const ft_convert_opts *o, const char *in,
                          ft_status *st, ft_error *err)
{
    FILE *f = stream(in);
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    assert_non_null(out);
    /* As the command does: all or nothing. */
    *st = ft_convert_csv_whole(f, "figs.csv", out, o, NULL, err);
    fclose(out);
    fclose(f);
    if (*st != FT_OK) {
        assert_int_equal(len, 0); /* nothing at all was written */
        free(data);
        return NULL;
    }
    return data;
}

/* Which tables, to which year, per currency; and the figures' currencies
 * as convert met them (each once, a figure without one left out). */
static void test_source_notes(void **state)
{
    tables *t = *state;
    ft_convert_opts o = {.rates = t->r, .prices = t->p, .to = "USD"};
    char buf[200];
    ft_convert_source_note(&o, "KRW", buf, sizeof buf);
    assert_string_equal(buf, "KRW: rates rates.csv to 2023, prices "
                             "prices.csv to 2008");
    ft_convert_source_note(&o, "JPY", buf, sizeof buf);
    assert_string_equal(
        buf, "JPY: rates rates.csv to 2023, no prices in prices.csv");
    ft_convert_source_note(&o, "USD", buf, sizeof buf);
    assert_string_equal(
        buf, "USD: rates 1 by definition, prices prices.csv to 2007");
    ft_convert_source_note(&o, "GBP", buf, sizeof buf);
    assert_string_equal(buf,
                        "GBP: no rates in rates.csv, no prices in prices.csv");
    o.prices = NULL; /* nominal only: no word on prices */
    ft_convert_source_note(&o, "KRW", buf, sizeof buf);
    assert_string_equal(buf, "KRW: rates rates.csv to 2023");
    char small[10]; /* cut short, never past the buffer */
    o.prices = t->p;
    size_t k = ft_convert_source_note(&o, "KRW", small, sizeof small);
    assert_true(k >= sizeof small);
    assert_string_equal(small, "KRW: rate");

    FILE *f = stream(HEAD "\n"
                          "a,,1,0,1,x,1,,KRW,eq,level,,,2007,explicit,,,s\n"
                          "a,,2,0,1,x,1,,JPY,eq,level,,,2007,explicit,,,s\n"
                          "a,,3,0,1,x,1,,,eq,level,,,2007,explicit,,,s\n"
                          "a,,4,0,1,x,1,,KRW,eq,level,,,2023,explicit,,,s\n");
    ft_convert_counts c;
    ft_error err;
    assert_int_equal(ft_convert_csv(f, "figs.csv", NULL, &o, &c, &err), FT_OK);
    fclose(f);
    assert_int_equal(c.ncurrencies, 2);
    assert_string_equal(c.currencies[0], "KRW");
    assert_string_equal(c.currencies[1], "JPY");
    assert_int_equal(c.more_currencies, 0);
}

static void test_csv_conversion(void **state)
{
    tables *t = *state;
    warnings ws = {0};
    ft_convert_opts o = {.rates = t->r,
                         .prices = t->p,
                         .to = "USD",
                         .constant_year = 2008,
                         .warn = on_warn,
                         .warn_ctx = &ws};
    ft_status st;
    ft_error err;
    char *out = convert_text(
        &o,
        HEAD "\n"
             /* a range in 2007; the paper's $0.5 for 900 won in 2009 is
              * 1300 a dollar's $0.69: a mismatch, put before target_year */
             "a,2009-05-01,1,0,9,900 won,900,1800,KRW,range,level,0.5,USD,"
             "2007,explicit,fund,currency_inferred;target_year:2029,"
             "\"It cost 900 won, or so.\"\r\n"
             /* no year: the publication year, 2007 */
             "a,2007-05-01,2,0,9,'-5 won,-1000,,KRW,eq,change,,,,none,,,"
             "'=HYPERLINK(x)\r\n"
             /* a year beyond the tables: no_rate and no_price_index */
             "a,2009-05-01,3,0,9,9 won,1000,,KRW,eq,level,,,2030,explicit,,"
             "ambiguous_currency,x\r\n",
        &st, &err);
    if (!out)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    const char *want = HEAD NEW_HEAD
        "\n"
        "a,2009-05-01,1,0,9,900 won,900,1800,KRW,range,level,0.5,USD,2007,"
        "explicit,fund,currency_inferred;conversion_mismatch;target_year:"
        "2029,\"It cost 900 won, or so.\",USD,1,0.001111111111,2007,year,"
        "0.86,2008,1.05,2,1.72\n"
        "a,2007-05-01,2,0,9,'-5 won,-1000,,KRW,eq,change,,,,none,,,"
        "'=HYPERLINK(x),USD,-1.11,0.001111111111,2007,published,-0.95,2008,"
        "1.05,,\n"
        "a,2009-05-01,3,0,9,9 won,1000,,KRW,eq,level,,,2030,explicit,,"
        "ambiguous_currency;no_rate;no_price_index,x,USD,,,,,,2008,,,\n";
    assert_string_equal(out, want);
    free(out);
    /* One warning per distinct problem, with its first line. */
    assert_int_equal(ws.n, 2);
    assert_string_equal(ws.text[0], "no KRW->USD rate for 2030 (the tables "
                                    "cover 2006-2023); 1 figure flagged "
                                    "no_rate");
    assert_int_equal(ws.line[0], 4);
    assert_string_equal(ws.text[1], "no KRW price index for 2030 (the prices "
                                    "cover 2006-2008); 1 figure flagged "
                                    "no_price_index");
    warnings_free(&ws);

    /* Without --constant the constant cells are empty; --nearest. */
    o.constant_year = 0;
    o.nearest = true;
    out = convert_text(&o,
                       HEAD "\n"
                            "a,,1,0,9,x,1300,,KRW,eq,level,,,2030,explicit,,"
                            ",x\n"
                            "a,,2,0,9,x,1100,,KRW,eq,level,,,2008,explicit,,"
                            ",x\n"
                            "a,,3,0,9,x,7,,USD,eq,level,,,,none,,,x\n",
                       &st, &err);
    assert_non_null(out);
    assert_string_equal(out, HEAD NEW_HEAD
                        "\n"
                        "a,,1,0,9,x,1300,,KRW,eq,level,,,2030,explicit,,,x,"
                        "USD,1,0.0007692307692,2023,nearest,,,,,\n"
                        "a,,2,0,9,x,1100,,KRW,eq,level,,,2008,explicit,,,x,"
                        "USD,1,0.0009090909091,2008,interpolated,,,,,\n"
                        "a,,3,0,9,x,7,,USD,eq,level,,,,none,,,x,USD,7,1,,,,,"
                        ",,\n");
    assert_int_equal(ws.n, 0);
    free(out);
}

/* Converting `in` fails with `want` at `line`, the message holding
 * `part`, and writes nothing. */
static void assert_bad_csv(const ft_convert_opts *o, const char *in,
                           ft_status want, long line, const char *part)
{
    ft_status st;
    ft_error err;
    char *out = convert_text(o, in, &st, &err);
    if (out)
        fail_msg("converted, but should not have:\n%s", in);
    assert_int_equal(st, want);
    assert_string_equal(err.file, "figs.csv");
    if (err.line != line || !strstr(err.message, part))
        fail_msg("line %ld, '%s'; want line %ld, '%s'", err.line, err.message,
                 line, part);
}

#define ROW_OK "a,,1,0,9,x,1,,KRW,eq,level,,,2007,explicit,,,x\n"

#define ZEROS10 "0000000000"
#define ZEROS39 ZEROS10 ZEROS10 ZEROS10 "000000000"
#define ZEROS40 ZEROS39 "0"
#define ZEROS100 ZEROS40 ZEROS40 ZEROS10 ZEROS10
#define ZEROS300 ZEROS100 ZEROS100 ZEROS100

static void test_csv_errors(void **state)
{
    tables *t = *state;
    ft_convert_opts o = {.rates = t->r, .to = "USD"};
    assert_bad_csv(&o, "doc,amount,currency\na,1,KRW\n", FT_EDATA, 1,
                   "no column amount_max, reported_amount, "
                   "reported_currency, year, published, flags");
    assert_bad_csv(&o, HEAD ",amount\n", FT_EDATA, 1,
                   "column 'amount' named twice");
    assert_bad_csv(&o, HEAD NEW_HEAD "\n", FT_EDATA, 1,
                   "already has convert's column 'to_currency'");
    assert_bad_csv(&o, "", FT_EDATA, 0, "empty");
    assert_bad_csv(&o,
                   HEAD "\n" ROW_OK
                        "a,,2,0,9,x,lots,,KRW,eq,level,,,2007,explicit,,,x\n",
                   FT_EDATA, 3, "amount 'lots' is not a number");
    assert_bad_csv(
        &o, HEAD "\n" ROW_OK "a,,2,0,9,x,4.397e+11,,KRW,eq,level,,,2007,,,,x\n",
        FT_EDATA, 3, "amount '4.397e+11' is not a number");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,,,KRW,eq,level,,,2007,,,,x\n",
                   FT_EDATA, 2, "amount '' is not a number");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,2x,KRW,eq,level,,,2007,,,,x\n",
                   FT_EDATA, 2, "amount_max '2x' is not a number");
    /* An out-of-range cell is blamed on its own column. */
    assert_bad_csv(
        &o, HEAD "\na,,2,0,9,x,1,1" ZEROS300 ",KRW,eq,level,,,2007,,,,x\n",
        FT_EDATA, 2, "amount_max '1" ZEROS39 "' is out of range");
    assert_bad_csv(
        &o, HEAD "\na,,2,0,9,x,1,,KRW,eq,level,1" ZEROS300 ",USD,2007,,,,x\n",
        FT_EDATA, 2, "reported_amount '1" ZEROS39 "' is out of range");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,,KRW,eq,level,$5,USD,2007,,,,x\n",
                   FT_EDATA, 2, "reported_amount '$5' is not a number");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,,XYZ,eq,level,,,2007,,,,x\n",
                   FT_EDATA, 2, "unknown currency 'XYZ'");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,,won,eq,level,,,2007,,,,x\n",
                   FT_EDATA, 2, "unknown currency 'won'");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,,KRW,eq,level,5,US$,2007,,,,x\n",
                   FT_EDATA, 2, "unknown reported_currency 'US$'");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,,KRW,eq,level,,,FY07,,,,x\n",
                   FT_EDATA, 2, "year 'FY07' is not a year");
    assert_bad_csv(&o,
                   HEAD "\na,04/08/2025,2,0,9,x,1,,KRW,eq,level,,,2007,,,,x\n",
                   FT_EDATA, 2, "published '04/08/2025' is not a date");
    assert_bad_csv(&o, HEAD "\n" ROW_OK "a,,2,0,9\n", FT_EDATA, 3,
                   "5 cells where the header has 18");
    assert_bad_csv(&o, HEAD "\n" ROW_OK "a,,2,0,9,x\"y,1\n", FT_EDATA, 3,
                   "malformed CSV");
    /* --strict: a figure that cannot be converted. */
    o.strict = true;
    /* (A quoted cell over several lines: the row's first line is named.) */
    assert_bad_csv(&o,
                   HEAD "\n" ROW_OK
                        "a,,2,0,9,\"two\nlines\",1,,KRW,eq,level,,,1990,,,,"
                        "x\n" ROW_OK,
                   FT_EDATA, 3, "no KRW->USD rate for 1990");
    assert_bad_csv(
        &o, HEAD "\n" ROW_OK "a,,2,0,9,x,1,,KRW,eq,level,,,1990,explicit,,,x\n",
        FT_EDATA, 3,
        "no KRW->USD rate for 1990 (the tables cover 2006-2023) "
        "(--strict)");
    assert_bad_csv(&o, HEAD "\na,,2,0,9,x,1,,,eq,level,,,2007,explicit,,,x\n",
                   FT_EDATA, 2, "no currency (--strict)");
    o.strict = false;
    /* ... which is only a flag without it (and a blank line is fine). */
    ft_status st;
    ft_error err;
    char *out = convert_text(
        &o, HEAD "\n\na,,2,0,9,x,1,,KRW,eq,level,,,1990,,,,x\n", &st, &err);
    assert_non_null(out);
    assert_non_null(strstr(out, ",no_rate,x,USD,,,,,,,,,\n"));
    free(out);
}

static void test_csv_write_error(void **state)
{
    tables *t = *state;
    ft_convert_opts o = {.rates = t->r, .to = "USD"};
    FILE *in = stream(HEAD "\n" ROW_OK);
    FILE *out = fopen("/dev/full", "w");
    if (!out) {
        fclose(in);
        skip();
    }
    setvbuf(out, NULL, _IONBF, 0);
    ft_error err;
    assert_int_equal(ft_convert_csv(in, "figs.csv", out, &o, NULL, &err),
                     FT_EIO);
    fclose(out);
    fclose(in);
}

/* A bad last row after good ones: ft_convert_csv alone has written the
 * good rows by then; the whole conversion writes nothing, and no
 * warning. */
static void test_csv_whole_or_nothing(void **state)
{
    tables *t = *state;
    warnings ws = {0};
    ft_convert_opts o = {
        .rates = t->r, .to = "USD", .warn = on_warn, .warn_ctx = &ws};
    ft_buf in;
    ft_buf_init(&in);
    assert_int_equal(ft_buf_append(&in, HEAD "\n", strlen(HEAD "\n")), FT_OK);
    for (int i = 0; i < 2000; i++) /* more than any stdio buffer */
        assert_int_equal(ft_buf_append(&in, ROW_OK, strlen(ROW_OK)), FT_OK);
    const char bad[] = "a,,1,0,9,x,lots,,KRW,eq,level,,,2007,explicit,,,x\n";
    assert_int_equal(ft_buf_append(&in, bad, strlen(bad)), FT_OK);

    char *data = NULL;
    size_t len = 0;
    ft_error err;
    FILE *f = stream(in.data);
    FILE *out = open_memstream(&data, &len);
    assert_non_null(out);
    assert_int_equal(ft_convert_csv(f, "figs.csv", out, &o, NULL, &err),
                     FT_EDATA);
    fclose(out);
    assert_true(len > 0); /* the rows before the bad one */
    free(data);

    rewind(f);
    data = NULL;
    len = 0;
    out = open_memstream(&data, &len);
    assert_non_null(out);
    assert_int_equal(ft_convert_csv_whole(f, "figs.csv", out, &o, NULL, &err),
                     FT_EDATA);
    fclose(out);
    assert_int_equal(len, 0);
    assert_int_equal(err.line, 2002);
    assert_int_equal(ws.n, 0);
    free(data);
    fclose(f);

    /* Writing the result fails: FT_EIO. */
    f = stream(HEAD "\n" ROW_OK);
    out = fopen("/dev/full", "w");
    if (out) {
        setvbuf(out, NULL, _IONBF, 0);
        assert_int_equal(
            ft_convert_csv_whole(f, "figs.csv", out, &o, NULL, &err), FT_EIO);
        fclose(out);
    }
    fclose(f);
    warnings_free(&ws);
    ft_buf_free(&in);
}

/* ------------------------------------------------------ SIPRI's series */

typedef struct {
    long col[4];
    int year[128];
    double won[128], current[128], constant[128];
    int n;
} milex;

static ft_status milex_row(void *ctx, char *const *cells, const size_t *lens,
                           size_t n, long line, ft_error *err)
{
    (void)lens;
    (void)line;
    (void)err;
    milex *m = ctx;
    static const char *names[] = {"year", "lcu_current_won",
                                  "usd_current_millions",
                                  "usd_constant_2023_millions"};
    if (m->col[0] == 0 && m->col[1] == 0) {
        for (int k = 0; k < 4; k++) {
            m->col[k] = ft_table_column(cells, n, names[k]);
            assert_true(m->col[k] >= 0);
        }
        return FT_OK;
    }
    int year;
    double won, cur, con;
    if (m->n < 128 && ft_table_parse_year(cells[m->col[0]], &year) &&
        ft_table_parse_number(cells[m->col[1]], &won) &&
        ft_table_parse_number(cells[m->col[2]], &cur) &&
        ft_table_parse_number(cells[m->col[3]], &con)) {
        m->year[m->n] = year;
        m->won[m->n] = won;
        m->current[m->n] = cur;
        m->constant[m->n] = con;
        m->n++;
    }
    return FT_OK;
}

/* The largest relative gaps, over 1990-2023, between SIPRI's dollar
 * series and ours from its won figures with the rates in `rates_path`. */
static void sipri_gaps(const milex *m, const char *rates_path,
                       const ft_prices *p, double *cur_gap, int *cur_year,
                       double *con_gap, int *con_year)
{
    ft_rates *r;
    ft_error err;
    if (ft_rates_load(rates_path, &r, &err) != FT_OK)
        fail_msg("%s: %s", rates_path, err.message);
    ft_convert_opts o = {
        .rates = r, .prices = p, .to = "USD", .constant_year = 2023};
    *cur_gap = *con_gap = 0;
    int years = 0;
    for (int i = 0; i < m->n; i++) {
        if (m->year[i] < 1990 || m->year[i] > 2023)
            continue;
        ft_conversion c;
        assert_int_equal(
            ft_convert_amount(&o, "KRW", m->year[i], m->won[i], NULL, &c, &err),
            FT_OK);
        assert_true(c.has_nominal);
        assert_int_equal(c.rate.basis, FT_RATE_YEAR);
        assert_true(c.has_constant);
        double g1 = fabs(c.nominal / 1e6 / m->current[i] - 1);
        double g2 = fabs(c.constant / 1e6 / m->constant[i] - 1);
        if (g1 > *cur_gap) {
            *cur_gap = g1;
            *cur_year = m->year[i];
        }
        if (g2 > *con_gap) {
            *con_gap = g2;
            *con_year = m->year[i];
        }
        years++;
    }
    assert_int_equal(years, 34);
    ft_rates_free(r);
}

/* SIPRI's South Korea, 1990-2023, from its won figures: constant 2023
 * dollars by deflating in won with the chained CPI and converting at
 * 2023's rate; current dollars at each year's rate.  SIPRI converts at
 * the IMF's market rates, which the World Bank's table carries; FRED's
 * (the default table) are New York noon rates, up to 0.5% off them. */
static void test_sipri_korea(void **state)
{
    (void)state;
    FILE *f = fopen("../shared/datasets/milex_korea.csv", "rb");
    if (!f)
        skip();
    milex m = {0};
    ft_error err;
    assert_int_equal(
        ft_table_read(f, "milex_korea.csv", FT_EDATA, milex_row, &m, &err),
        FT_OK);
    fclose(f);
    ft_prices *p;
    assert_int_equal(
        ft_prices_load("datasets/cpi_inflation_pct_annual.csv", &p, &err),
        FT_OK);
    double cur_wb, con_wb, cur_fred, con_fred;
    int ycur_wb = 0, ycon_wb = 0, ycur_fred = 0, ycon_fred = 0;
    sipri_gaps(&m, "datasets/fx_units_per_usd_annual_wb.csv", p, &cur_wb,
               &ycur_wb, &con_wb, &ycon_wb);
    sipri_gaps(&m, "datasets/fx_units_per_usd_annual.csv", p, &cur_fred,
               &ycur_fred, &con_fred, &ycon_fred);
    print_message("SIPRI South Korea 1990-2023, largest gaps: World Bank "
                  "rates: constant 2023 US$ %.3f%% (%d), current US$ %.3f%% "
                  "(%d); default (FRED) rates: constant %.3f%% (%d), "
                  "current %.3f%% (%d)\n",
                  100 * con_wb, ycon_wb, 100 * cur_wb, ycur_wb, 100 * con_fred,
                  ycon_fred, 100 * cur_fred, ycur_fred);
    assert_true(con_wb < 0.005);
    assert_true(cur_wb < 0.005);
    assert_true(con_fred < 0.005);
    assert_true(cur_fred < 0.0075); /* FRED vs IMF: 0.74% at most */
    ft_prices_free(p);
}

/* ------------------------------------------- the seed, extract to convert */

typedef struct {
    long col_surface, col_nominal, col_flags, col_rate_year, col_basis;
    bool header_done;
    char nominal[64], flags[128], rate_year[8], basis[16];
    int found;
} seed_row;

static ft_status seed_cb(void *ctx, char *const *cells, const size_t *lens,
                         size_t n, long line, ft_error *err)
{
    (void)lens;
    (void)line;
    (void)err;
    seed_row *s = ctx;
    if (!s->header_done) {
        s->col_surface = ft_table_column(cells, n, "surface");
        s->col_nominal = ft_table_column(cells, n, "amount_nominal");
        s->col_flags = ft_table_column(cells, n, "flags");
        s->col_rate_year = ft_table_column(cells, n, "rate_year");
        s->col_basis = ft_table_column(cells, n, "rate_basis");
        s->header_done = true;
        return FT_OK;
    }
    if (strcmp(cells[s->col_surface], "439.7 billion won") == 0) {
        snprintf(s->nominal, sizeof s->nominal, "%s", cells[s->col_nominal]);
        snprintf(s->flags, sizeof s->flags, "%s", cells[s->col_flags]);
        snprintf(s->rate_year, sizeof s->rate_year, "%s",
                 cells[s->col_rate_year]);
        snprintf(s->basis, sizeof s->basis, "%s", cells[s->col_basis]);
        s->found++;
    }
    return FT_OK;
}

static void test_seed_extract_then_convert(void **state)
{
    (void)state;
    const char *seed = "../shared/seed/000_ea56c1c4bcc3f02c.txt";
    FILE *probe = fopen(seed, "rb");
    if (!probe)
        skip();
    fclose(probe);
    ft_error err;
    ft_reader_opts ro = {.date = "2025-08-04"};
    ft_reader *rd;
    assert_int_equal(ft_reader_open(seed, &ro, &rd, &err), FT_OK);
    ft_article a = {0};
    assert_int_equal(ft_reader_next(rd, &a, &err), FT_OK);
    ft_figlist figs;
    ft_figlist_init(&figs);
    ft_extract_opts xo = {.published = a.published};
    assert_int_equal(ft_extract(a.text, a.len, &xo, &figs, &err), FT_OK);
    char *csv = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&csv, &len);
    ft_figwriter *w = ft_figwriter_new(mem, FT_FORMAT_CSV);
    assert_int_equal(ft_figwriter_header(w, &err), FT_OK);
    for (size_t i = 0; i < figs.len; i++)
        assert_int_equal(ft_figwriter_row(w, &a, i + 1, &figs.items[i], &err),
                         FT_OK);
    ft_figwriter_free(w);
    fclose(mem);
    ft_figlist_free(&figs);
    ft_article_clear(&a);
    ft_reader_free(rd);

    ft_rates *r;
    assert_int_equal(
        ft_rates_load("datasets/fx_units_per_usd_annual.csv", &r, &err), FT_OK);
    ft_convert_opts o = {.rates = r, .to = "USD"};
    FILE *in = stream(csv);
    char *conv = NULL;
    size_t clen = 0;
    FILE *out = open_memstream(&conv, &clen);
    assert_int_equal(ft_convert_csv(in, "seed.csv", out, &o, NULL, &err),
                     FT_OK);
    fclose(out);
    fclose(in);
    ft_rates_free(r);

    in = stream(conv);
    seed_row s = {0};
    assert_int_equal(ft_table_read(in, "out", FT_EDATA, seed_cb, &s, &err),
                     FT_OK);
    fclose(in);
    free(csv);
    free(conv);
    /* 439.7 billion won at 2007's 928.9717 won a dollar: $473.3 million;
     * the paper's $317.4 million is right for 2025, so no mismatch. */
    assert_int_equal(s.found, 1);
    assert_string_equal(s.nominal, "473319047.29");
    assert_string_equal(s.rate_year, "2007");
    assert_string_equal(s.basis, "year");
    assert_null(strstr(s.flags, "conversion_mismatch"));
}

int main(void)
{
    /* As main.c does: GSL reports, never aborts. */
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_formats),
        cmocka_unit_test(test_number_formats_as_snprintf),
        cmocka_unit_test(test_annual_find_any_order),
        cmocka_unit_test(test_table_read_lines),
        cmocka_unit_test_setup_teardown(test_nominal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constant_sipri_method, setup,
                                        teardown),
        cmocka_unit_test(test_tables_at_edge),
        cmocka_unit_test(test_reported_conversion),
        cmocka_unit_test_setup_teardown(test_csv_conversion, setup, teardown),
        cmocka_unit_test_setup_teardown(test_source_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_write_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_whole_or_nothing, setup,
                                        teardown),
        cmocka_unit_test(test_sipri_korea),
        cmocka_unit_test(test_seed_extract_then_convert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
