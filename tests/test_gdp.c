/* test_gdp.c — the GDP table (loading, look-up, every way it can be
 * malformed), shares of GDP, and the series' gdp_share_pct in summary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdp.h"
#include "series.h"

static FILE *stream(const char *text)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    rewind(f);
    return f;
}

static ft_status load(const char *text, ft_gdp **g, ft_error *err)
{
    FILE *f = stream(text);
    ft_status st = ft_gdp_load_stream(f, "tables/gdp.csv", g, err);
    fclose(f);
    return st;
}

/* Invented figures, easy to divide: Freedonia's GDP in its own money,
 * a shared currency's member, and a year with E notation. */
static const char table[] = "year,country,currency,gdp_lcu,source\n"
                            "2021,FRD,KRW,2000000,invented\n"
                            "2020,FRD,KRW,1000000,invented\n"
                            "2021,DEU,EUR,4e6,invented\n";

static ft_gdp *small(void)
{
    ft_gdp *g;
    ft_error err;
    assert_int_equal(load(table, &g, &err), FT_OK);
    return g;
}

static void test_lookup_and_share(void **state)
{
    (void)state;
    ft_gdp *g = small();
    assert_string_equal(ft_gdp_source(g), "gdp.csv");
    double v, pct;
    char cur[4];
    assert_true(ft_gdp_lookup(g, "FRD", 2020, &v, cur));
    assert_true(v == 1000000);
    assert_string_equal(cur, "KRW");
    assert_true(ft_gdp_lookup(g, "DEU", 2021, &v, cur));
    assert_true(v == 4e6);
    assert_false(ft_gdp_lookup(g, "FRD", 2019, &v, cur)); /* no year */
    assert_false(ft_gdp_lookup(g, "XXX", 2021, &v, cur)); /* no state */
    assert_false(ft_gdp_lookup(g, "", 2021, &v, cur));
    assert_false(ft_gdp_lookup(NULL, "FRD", 2021, &v, cur));
    /* 50,000 of 2,000,000 is 2.5% */
    assert_true(ft_gdp_share_pct(g, "FRD", 2021, "KRW", 50000, &pct));
    assert_true(fabs(pct - 2.5) < 1e-12);
    /* the same year only: 2020's GDP for a 2020 figure */
    assert_true(ft_gdp_share_pct(g, "FRD", 2020, "KRW", 50000, &pct));
    assert_true(fabs(pct - 5) < 1e-12);
    /* a figure in another currency than the GDP's is never compared */
    assert_false(ft_gdp_share_pct(g, "FRD", 2021, "USD", 50000, &pct));
    ft_gdp_free(g);
}

static void assert_bad(const char *text, long line, const char *part)
{
    ft_gdp *g = (ft_gdp *)1;
    ft_error err;
    assert_int_equal(load(text, &g, &err), FT_ECONFIG);
    assert_null(g);
    assert_int_equal(err.line, line);
    if (!strstr(err.message, part))
        fail_msg("'%s' lacks '%s'", err.message, part);
}

static void test_malformed(void **state)
{
    (void)state;
    assert_bad("year,country,gdp_lcu\n", 1, "'currency' is missing");
    assert_bad("year,country,currency,gdp_lcu,year\n", 1, "named twice");
    assert_bad("year,country,currency,gdp_lcu\n2020,FRD,KRW\n", 2, "cells");
    assert_bad("year,country,currency,gdp_lcu\n20x0,FRD,KRW,1\n", 2,
               "not a year");
    assert_bad("year,country,currency,gdp_lcu\n2020,Frd,KRW,1\n", 2, "alpha-3");
    assert_bad("year,country,currency,gdp_lcu\n2020,FRD,won,1\n", 2,
               "ISO 4217");
    assert_bad("year,country,currency,gdp_lcu\n2020,FRD,KRW,-1\n", 2,
               "positive");
    assert_bad("year,country,currency,gdp_lcu\n2020,FRD,KRW,1\n"
               "2021,FRD,KRW,1\n2020,FRD,KRW,2\n",
               4, "given twice");
    /* twice in a row, the table otherwise in order */
    assert_bad("year,country,currency,gdp_lcu\n2020,FRD,KRW,1\n"
               "2020,FRD,KRW,2\n2021,FRD,KRW,1\n",
               3, "given twice");
    ft_gdp *g;
    ft_error err;
    assert_int_equal(ft_gdp_load("no/such/gdp.csv", &g, &err), FT_ENOINPUT);
    assert_null(g);
    /* a 0 is no GDP: that year has none, the others stay */
    assert_int_equal(load("year,country,currency,gdp_lcu\n2020,FRD,KRW,0\n"
                          "2021,FRD,KRW,5\n",
                          &g, &err),
                     FT_OK);
    double v;
    char cur[4];
    assert_false(ft_gdp_lookup(g, "FRD", 2020, &v, cur));
    assert_true(ft_gdp_lookup(g, "FRD", 2021, &v, cur));
    ft_gdp_free(g);
}

/* Every row of the shipped table loads, and a known value reads back. */
static void test_shipped_table(void **state)
{
    (void)state;
    ft_gdp *g;
    ft_error err;
    if (ft_gdp_load("datasets/gdp_lcu_annual.csv", &g, &err) != FT_OK)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    double v;
    char cur[4];
    assert_true(ft_gdp_lookup(g, "KOR", 2023, &v, cur));
    assert_true(v == 2.2363294e15);
    assert_string_equal(cur, "KRW");
    /* a euro member's GDP is in euros in every year */
    assert_true(ft_gdp_lookup(g, "DEU", 1990, &v, cur));
    assert_string_equal(cur, "EUR");
    ft_gdp_free(g);
}

static ft_series_row row(const char *country, const char *year,
                         const char *amount, const char *cur,
                         const char *nominal)
{
    return (ft_series_row){.doc = "a",
                           .published = "2022-01-01",
                           .mention = year,
                           .subject = "defence budget",
                           .country = country,
                           .year = year,
                           .kind = "level",
                           .qualifier = "eq",
                           .flags = "",
                           .amount = amount,
                           .currency = cur,
                           .to_currency = nominal ? "USD" : NULL,
                           .amount_nominal = nominal};
}

static char *summary(ft_value_kind kind, const ft_gdp *g,
                     const ft_series_row *rows, size_t n)
{
    ft_series_set *s = ft_series_set_new(kind);
    assert_non_null(s);
    ft_series_set_gdp(s, g);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(ft_series_add(s, &rows[i], NULL), FT_OK);
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    assert_non_null(f);
    assert_int_equal(ft_series_write_summary(s, f, NULL), FT_OK);
    fclose(f);
    ft_series_set_free(s);
    return data;
}

/* The last point's share, from the figure as reported: in its own
 * currency, or converted (the dollars are not divided by won). */
static void test_series_share(void **state)
{
    (void)state;
    ft_gdp *g = small();
    const ft_series_row own[] = {row("FRD", "2020", "40000", "KRW", NULL),
                                 row("FRD", "2021", "50000", "KRW", NULL)};
    char *out = summary(FT_VALUE_AUTO, g, own, 2);
    const char *last = strrchr(out, ',');
    assert_string_equal(last, ",2.5\n");
    assert_non_null(strstr(out, ",gdp_share_pct\n"));
    free(out);

    const ft_series_row conv[] = {row("FRD", "2020", "40000", "KRW", "40"),
                                  row("FRD", "2021", "50000", "KRW", "45")};
    out = summary(FT_VALUE_NOMINAL, g, conv, 2);
    assert_string_equal(strrchr(out, ','), ",2.5\n");
    free(out);

    /* unknown: no country, no GDP for the year, another currency than the
     * GDP's, no GDP table */
    const ft_series_row none[] = {row("", "2021", "50000", "KRW", NULL)};
    out = summary(FT_VALUE_AUTO, g, none, 1);
    assert_string_equal(strrchr(out, ','), ",\n");
    free(out);
    const ft_series_row later[] = {row("FRD", "2025", "50000", "KRW", NULL)};
    out = summary(FT_VALUE_AUTO, g, later, 1);
    assert_string_equal(strrchr(out, ','), ",\n");
    free(out);
    const ft_series_row usd[] = {row("FRD", "2021", "50000", "USD", NULL)};
    out = summary(FT_VALUE_AUTO, g, usd, 1);
    assert_string_equal(strrchr(out, ','), ",\n");
    free(out);
    out = summary(FT_VALUE_AUTO, NULL, own, 2);
    assert_string_equal(strrchr(out, ','), ",\n");
    free(out);
    ft_gdp_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lookup_and_share),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_shipped_table),
        cmocka_unit_test(test_series_share),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
