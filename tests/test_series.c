/* test_series.c — figures rows into series: one point per country,
 * subject and year, mentions and docs, conflicts, the value chosen, the
 * counts, and the CSV outputs (plain numbers, neutralised text). */
#define _XOPEN_SOURCE 700 /* putenv: a string the environment borrows */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>

#include "series.h"

/* A row of figures.csv in the original currency. */
static ft_series_row fig(const char *doc, const char *published,
                         const char *mention, const char *subject,
                         const char *year, const char *amount,
                         const char *currency)
{
    return (ft_series_row){.doc = doc,
                           .published = published,
                           .mention = mention,
                           .subject = subject,
                           .year = year,
                           .kind = "level",
                           .qualifier = "eq",
                           .flags = "",
                           .amount = amount,
                           .currency = currency};
}

static void add(ft_series_set *s, ft_series_row r)
{
    assert_int_equal(ft_series_add(s, &r, NULL), FT_OK);
}

static ft_series_set *built(ft_series_set *s)
{
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    return s;
}

/* Point p's article a (in set s). */
static ft_point_article art(const ft_series_set *s, const ft_point *p, size_t a)
{
    assert_true(a < p->narticles);
    return ft_series_article(s, p, a);
}

/* Check i of s (mismatches when mism, else the figures left out). */
static ft_series_check check_at(const ft_series_set *s, bool mism, size_t i)
{
    return mism ? ft_series_mismatch_at(s, i) : ft_series_left_out_at(s, i);
}

/* The string fields of a check, to copy them. */
static void check_strings(ft_series_check *c, const char **f[16])
{
    const char **all[] = {&c->doc,
                          &c->published,
                          &c->source,
                          &c->title,
                          &c->url,
                          &c->year,
                          &c->subject,
                          &c->country,
                          &c->amount,
                          &c->currency,
                          &c->reported_amount,
                          &c->reported_currency,
                          &c->converted,
                          &c->to_currency,
                          &c->rate_year,
                          NULL};
    memcpy(f, all, sizeof all);
}

/* The figures left out (mism false) or the mismatches, as one block the
 * caller frees: their strings copied into it (a check's strings last
 * only until the next is asked for); *n their count. */
static ft_series_check *checks_of(const ft_series_set *s, bool mism, size_t *n)
{
    *n = mism ? ft_series_nmismatches(s) : ft_series_nleft_out(s);
    size_t bytes = 0;
    const char **f[16];
    for (size_t i = 0; i < *n; i++) {
        ft_series_check c = check_at(s, mism, i);
        check_strings(&c, f);
        for (int k = 0; f[k]; k++)
            bytes += strlen(*f[k]) + 1;
    }
    ft_series_check *c = calloc(1, (*n + 1) * sizeof *c + bytes);
    assert_non_null(c);
    char *pool = (char *)(c + *n + 1);
    for (size_t i = 0; i < *n; i++) {
        c[i] = check_at(s, mism, i);
        check_strings(&c[i], f);
        for (int k = 0; f[k]; k++) {
            size_t len = strlen(*f[k]) + 1;
            memcpy(pool, *f[k], len);
            *f[k] = pool;
            pool += len;
        }
    }
    return c;
}

static void test_same_figure_in_two_articles(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("b", "2024-06-01", "1", "defence budget", "2024",
               "59400000000000", "KRW"));
    add(s, fig("a", "2024-01-01", "3", "defence budget", "2024",
               "59400000000000", "KRW"));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_ORIGINAL);
    assert_int_equal(ft_series_count(s), 1);
    const ft_series *se = ft_series_at(s, 0);
    assert_string_equal(se->name, "defence budget");
    assert_string_equal(se->currency, "KRW");
    assert_int_equal(se->npoints, 1);
    assert_int_equal(se->points[0].year, 2024);
    assert_int_equal(se->points[0].mentions, 2);
    assert_string_equal(se->points[0].docs, "a;b"); /* oldest first */
    assert_string_equal(se->points[0].flags, "");
    assert_string_equal(se->points[0].amount, "59400000000000");
    const ft_series_counts *c = ft_series_counts_of(s);
    assert_int_equal(c->used, 2);
    assert_int_equal(c->docs, 2);
    assert_string_equal(c->first_published, "2024-01-01");
    assert_string_equal(c->last_published, "2024-06-01");
    ft_series_set_free(s);
}

/* 61.2 trillion and 61조2469억 are one figure: the precise one is kept. */
static void test_rounded_figure_is_the_same(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("en", "2024-12-10", "1", "defence budget", "2025",
               "61200000000000", "KRW"));
    add(s, fig("ko", "2024-12-09", "1", "defence budget", "2025",
               "61246900000000", "KRW"));
    built(s);
    const ft_point *p = &ft_series_at(s, 0)->points[0];
    assert_int_equal(p->mentions, 2);
    assert_string_equal(p->amount, "61246900000000");
    assert_string_equal(p->flags, "");
    ft_series_set_free(s);
}

static void test_conflict_keeps_the_latest(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("old", "2023-01-05", "1", "fund", "2022", "100", "KRW"));
    add(s, fig("new", "2024-01-05", "2", "fund", "2022", "120", "KRW"));
    add(s, fig("new2", "2024-01-05", "1", "fund", "2022", "150", "KRW"));
    built(s);
    const ft_point *p = &ft_series_at(s, 0)->points[0];
    /* Same date: the article read later wins. */
    assert_string_equal(p->amount, "150");
    assert_int_equal(p->mentions, 1);
    assert_string_equal(p->docs, "new2");
    assert_string_equal(p->flags, "conflict");
    assert_int_equal(ft_series_counts_of(s)->conflicts, 2);
    ft_series_set_free(s);
}

/* A bound ("the first to top 600 trillion won") gives way to a figure of
 * the same year, and is no conflict with it; alone, it makes the point. */
static void test_bounds_give_way(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("a", "2023-01-05", "1", "budget", "2024", "656", "KRW"));
    ft_series_row r =
        fig("b", "2024-01-05", "1", "budget", "2024", "600", "KRW");
    r.qualifier = "gt";
    add(s, r);
    ft_series_row only =
        fig("b", "2024-01-05", "2", "budget", "2023", "500", "KRW");
    only.qualifier = "ge";
    add(s, only);
    built(s);
    const ft_series *se = ft_series_at(s, 0);
    assert_int_equal(se->npoints, 2);
    assert_int_equal(se->points[0].year, 2023);
    assert_string_equal(se->points[0].amount, "500");
    assert_string_equal(se->points[0].flags, "ge");
    assert_string_equal(se->points[1].amount, "656");
    assert_string_equal(se->points[1].flags, "");
    assert_int_equal(ft_series_counts_of(s)->conflicts, 0);
    ft_series_set_free(s);
}

/* Two figures for one year in one article: its first mention wins. */
static void test_same_article_first_mention(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("d", "2024-12-10", "3", "defence budget", "2024",
               "60000000000000", "KRW"));
    add(s, fig("d", "2024-12-10", "2", "defence budget", "2024",
               "59424400000000", "KRW"));
    built(s);
    const ft_point *p = &ft_series_at(s, 0)->points[0];
    assert_string_equal(p->amount, "59424400000000");
    assert_string_equal(p->flags, "conflict");
    ft_series_set_free(s);
}

static void test_rows_that_are_not_points(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("d", "", "1", "fund", "", "1", "KRW"));      /* no year */
    add(s, fig("d", "", "2", "", "2020", "1", "KRW"));      /* no subject */
    add(s, fig("d", "", "3", "fund", "20x0", "1", "KRW"));  /* bad year */
    add(s, fig("d", "", "4", "fund", "2020", "1e", "KRW")); /* bad amount */
    add(s, fig("d", "", "5", "fund", "2020", "", "KRW"));   /* no amount */
    add(s, fig("d", "", "6", "fund", "2020", "5", ""));     /* no currency */
    ft_series_row change = fig("d", "", "7", "fund", "2020", "5", "KRW");
    change.kind = "change";
    add(s, change);
    add(s, fig("d", "", "8", "fund", "2021", "7", "KRW"));
    built(s);
    const ft_series_counts *c = ft_series_counts_of(s);
    assert_int_equal(c->rows, 8);
    assert_int_equal(c->no_year, 1);
    assert_int_equal(c->no_subject, 1);
    assert_int_equal(c->bad, 2);
    assert_int_equal(c->no_value, 2);
    assert_int_equal(c->changes, 1);
    assert_int_equal(c->used, 1);
    assert_int_equal(ft_series_count(s), 1);
    ft_series_set_free(s);
}

static void test_one_series_per_currency(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("j", "", "1", "defence budget", "2024", "7950000000000", "JPY"));
    add(s,
        fig("k", "", "1", "defence budget", "2024", "59400000000000", "KRW"));
    add(s, fig("k", "", "2", "fund", "2024", "-5.50", "KRW"));
    built(s);
    assert_int_equal(ft_series_count(s), 3);
    assert_string_equal(ft_series_at(s, 0)->name, "defence budget (JPY)");
    assert_string_equal(ft_series_at(s, 1)->name, "defence budget (KRW)");
    assert_string_equal(ft_series_at(s, 2)->name, "fund");
    assert_string_equal(ft_series_at(s, 2)->points[0].amount, "-5.5");
    ft_series_set_free(s);
}

/* Converted rows: constant prices when every row has them, one series per
 * currency reported even in one currency. */
static ft_series_row converted(const char *doc, const char *subject,
                               const char *year, const char *currency,
                               const char *nominal, const char *constant,
                               const char *base)
{
    ft_series_row r = fig(doc, "2024-01-01", "1", subject, year, "1", currency);
    r.to_currency = "USD";
    r.amount_nominal = nominal;
    r.amount_constant = constant;
    r.constant_year = base;
    return r;
}

static void test_constant_prices(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s,
        converted("j", "defence budget", "2022", "JPY", "40", "45.5", "2023"));
    add(s,
        converted("k", "defence budget", "2022", "KRW", "42", "47.25", "2023"));
    add(s, converted("k", "defence budget", "2023", "KRW", "43", "", ""));
    add(s, converted("k", "defence budget", "2021", "KRW", "41", "44", "2020"));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_CONSTANT);
    assert_int_equal(ft_series_constant_year(s), 2023);
    assert_int_equal(ft_series_count(s), 2);
    const ft_series *j = ft_series_at(s, 0), *k = ft_series_at(s, 1);
    assert_string_equal(j->name, "defence budget (from JPY)");
    assert_string_equal(k->name, "defence budget (from KRW)");
    assert_string_equal(k->currency, "USD");
    assert_string_equal(k->origin, "KRW");
    assert_string_equal(k->points[0].amount, "47.25");
    const ft_series_counts *c = ft_series_counts_of(s);
    assert_int_equal(c->no_value, 1);
    assert_int_equal(c->other_base, 1);
    ft_series_set_free(s);
}

static void test_value_choice(void **state)
{
    (void)state;
    /* One row without the converted columns: the original amounts. */
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, converted("k", "fund", "2022", "KRW", "42", "47", "2023"));
    add(s, fig("x", "", "1", "fund", "2023", "5", "KRW"));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_ORIGINAL);
    assert_int_equal(ft_series_constant_year(s), 0);
    ft_series_set_free(s);
    /* Asked for. */
    s = ft_series_set_new(FT_VALUE_NOMINAL);
    add(s, converted("k", "fund", "2022", "KRW", "42", "47", "2023"));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_NOMINAL);
    assert_string_equal(ft_series_at(s, 0)->points[0].amount, "42");
    ft_series_set_free(s);
    /* Nominal only. */
    s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_row r = converted("k", "fund", "2022", "KRW", "42", NULL, NULL);
    add(s, r);
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_NOMINAL);
    ft_series_set_free(s);
    /* `convert` without --constant: amount_constant there, all empty. */
    s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, converted("k", "fund", "2022", "KRW", "42", "", ""));
    add(s, converted("k", "fund", "2023", "KRW", "43", "", ""));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_NOMINAL);
    assert_int_equal(ft_series_count(s), 1);
    assert_int_equal(ft_series_at(s, 0)->npoints, 2);
    /* Nothing was asked at constant prices: nothing to say. */
    assert_int_equal(ft_series_counts_of(s)->empty_column, FT_VALUE_AUTO);
    ft_series_set_free(s);
    /* --constant 2026 beyond the price tables: the year asked for, every
     * cell empty; nominal plotted, and the counts say why. */
    s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, converted("k", "fund", "2022", "KRW", "42", "", "2026"));
    add(s, converted("k", "fund", "2023", "KRW", "43", "", "2026"));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_NOMINAL);
    assert_int_equal(ft_series_counts_of(s)->empty_column, FT_VALUE_CONSTANT);
    assert_int_equal(ft_series_counts_of(s)->empty_constant_year, 2026);
    ft_series_set_free(s);
    /* Neither converted column filled: the original amounts. */
    s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, converted("k", "fund", "2022", "KRW", "", "", ""));
    built(s);
    assert_int_equal(ft_series_kind(s), FT_VALUE_ORIGINAL);
    ft_series_set_free(s);
}

/* Write one of the outputs into memory. */
typedef ft_status (*writer)(const ft_series_set *, FILE *, ft_error *);
static char *output(const ft_series_set *s, writer w)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    assert_non_null(f);
    assert_int_equal(w(s, f, NULL), FT_OK);
    fclose(f);
    return data;
}

static void test_csv_outputs_are_spreadsheet_safe(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("=HYPERLINK(\"http://x\",\"y\")", "2024-01-01", "1",
               "=HYPERLINK(\"http://x\",\"y\")", "2020", "100", "KRW"));
    add(s, fig("d", "2024-01-01", "2", "=HYPERLINK(\"http://x\",\"y\")", "2022",
               "121", "KRW"));
    add(s, fig("d", "2024-01-01", "3", "-2+3", "2021", "-7", "KRW"));
    add(s, fig("d", "2024-01-01", "4", "@SUM(1)", "2021", "0.9", "+cmd"));
    ft_series_row tab = fig("d", "2024-01-01", "5", "\tx", "2021", "1", "KRW");
    tab.qualifier = "approx";
    tab.flags = "currency_inferred";
    add(s, tab);
    built(s);
    char *longf = output(s, ft_series_write_long);
    assert_string_equal(
        longf, "country,subject,year,amount,currency,mentions,docs,flags\n"
               ",'\tx,2021,1,KRW,1,d,approx;currency_inferred\n"
               ",'-2+3,2021,-7,KRW,1,d,\n"
               ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2020,100,KRW,1,"
               "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\n"
               ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2022,121,KRW,1,d,"
               "\n"
               ",'@SUM(1),2021,0.9,'+cmd,1,d,\n");
    free(longf);
    char *wide = output(s, ft_series_write_wide);
    assert_string_equal(
        wide, "year,'\tx,'-2+3,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","
              "'@SUM(1)\n"
              "2020,,,100,\n"
              "2021,1,-7,,0.9\n"
              "2022,,,121,\n");
    free(wide);
    char *sum = output(s, ft_series_write_summary);
    assert_string_equal(
        sum, "subject,first_year,last_year,years,first,last,change_pct,"
             "cagr_pct,slope,r2,trend_pct,gdp_share_pct\n"
             "'\tx,2021,2021,1,1,1,,,,,,\n"
             "'-2+3,2021,2021,1,-7,-7,,,,,,\n"
             "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2020,2022,2,100,121,"
             "21,10,10.5,1,10,\n"
             "'@SUM(1),2021,2021,1,0.9,0.9,,,,,,\n");
    free(sum);
    ft_series_set_free(s);
}

/* summary.csv: cagr_pct is the endpoint CAGR, the log-linear fit's
 * growth is trend_pct: with a middle point off the curve they differ. */
static void test_summary_cagr_and_trend(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("a", "2020-01-01", "1", "fund", "2016", "10", "KRW"));
    add(s, fig("a", "2020-01-01", "2", "fund", "2017", "12", "KRW"));
    add(s, fig("a", "2020-01-01", "3", "fund", "2018", "13", "KRW"));
    add(s, fig("a", "2020-01-01", "4", "fund", "2019", "17", "KRW"));
    built(s);
    char *sum = output(s, ft_series_write_summary);
    /* (17/10)^(1/3) - 1 = 19.35%; the fit of ln y on year: 18.20%. */
    assert_string_equal(sum, "subject,first_year,last_year,years,first,last,"
                             "change_pct,cagr_pct,slope,r2,trend_pct,"
                             "gdp_share_pct\n"
                             "fund,2016,2019,4,10,17,70,19.35,2.2,0.9308,"
                             "18.2,\n");
    free(sum);
    ft_series_set_free(s);
}

/* Two states' budgets under one subject are two series, named by the
 * states' English names; a row with no state is a series of its own,
 * named by its subject alone; a state the table does not know is named
 * by its code. */
static void test_countries_kept_apart_and_named(void **state)
{
    (void)state;
    ft_countries *c = ft_countries_new();
    assert_non_null(c);
    assert_int_equal(ft_countries_add(c, "KOR", "South Korea", "KRW"), FT_OK);
    assert_int_equal(ft_countries_add(c, "JPN", "Japan", "JPY"), FT_OK);
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_set_countries(s, c);
    ft_series_row r =
        fig("a", "2024-01-01", "1", "defence budget", "2023", "100", "USD");
    r.country = "KOR";
    add(s, r);
    r.year = "2024", r.amount = "110";
    add(s, r);
    r = fig("b", "2024-01-01", "1", "defence budget", "2023", "90", "USD");
    r.country = "JPN";
    add(s, r);
    r = fig("c", "2024-01-01", "1", "defence budget", "2023", "5", "USD");
    r.country = ""; /* nobody's: stays apart */
    add(s, r);
    r = fig("d", "2024-01-01", "1", "defence budget", "2023", "7", "USD");
    r.country = "ZZZ";
    add(s, r);
    built(s);
    assert_int_equal(ft_series_count(s), 4);
    /* By country code, "" first. */
    assert_string_equal(ft_series_at(s, 0)->name, "defence budget");
    assert_string_equal(ft_series_at(s, 1)->name, "Japan: defence budget");
    assert_string_equal(ft_series_at(s, 2)->name,
                        "South Korea: defence budget");
    assert_string_equal(ft_series_at(s, 2)->country, "KOR");
    assert_int_equal(ft_series_at(s, 2)->npoints, 2);
    assert_string_equal(ft_series_at(s, 3)->name, "ZZZ: defence budget");
    char *longf = output(s, ft_series_write_long);
    assert_string_equal(
        longf, "country,subject,year,amount,currency,mentions,docs,flags\n"
               ",defence budget,2023,5,USD,1,c,\n"
               "JPN,defence budget,2023,90,USD,1,b,\n"
               "KOR,defence budget,2023,100,USD,1,a,\n"
               "KOR,defence budget,2024,110,USD,1,a,\n"
               "ZZZ,defence budget,2023,7,USD,1,d,\n");
    free(longf);
    ft_series_set_free(s);
    ft_countries_free(c);
}

static void test_wide_spans_many_years_sparsely(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("d", "", "1", "a", "1", "1", "KRW"));
    add(s, fig("d", "", "2", "a", "2020", "2", "KRW"));
    built(s);
    char *wide = output(s, ft_series_write_wide);
    assert_string_equal(wide, "year,a\n1,1\n2020,2\n");
    free(wide);
    ft_series_set_free(s);
}

static void test_invalid_utf8_subject_scrubbed(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("d", "", "1", "fund\xff", "2020", "1", "KRW"));
    built(s);
    assert_string_equal(ft_series_at(s, 0)->subject, "fund\xEF\xBF\xBD");
    ft_series_set_free(s);
}

/* Many series: the strings made while building move the storage the
 * rows' strings live in (a use-after-free once, under AddressSanitizer). */
static void test_many_series(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    char subject[64], doc[160], year[8];
    for (int i = 0; i < 300; i++)
        for (int y = 0; y < 3; y++) {
            snprintf(subject, sizeof subject, "subject number %03d", i);
            snprintf(doc, sizeof doc,
                     "a rather long document name to fill the storage, "
                     "number %d-%d",
                     i, y);
            snprintf(year, sizeof year, "%d", 2000 + y);
            add(s, fig(doc, "2024-01-01", "1", subject, year, "100", "KRW"));
            add(s,
                fig("again", "2024-02-01", "1", subject, year, "100", "KRW"));
        }
    built(s);
    assert_int_equal(ft_series_count(s), 300);
    const ft_series *last = ft_series_at(s, 299);
    assert_string_equal(last->subject, "subject number 299");
    assert_int_equal(last->npoints, 3);
    assert_int_equal(last->points[2].mentions, 2);
    assert_string_equal(last->points[2].docs,
                        "a rather long document name to fill the storage, "
                        "number 299-2;again");
    ft_series_set_free(s);
}

/* Rows come in any order: 3 subjects x 5 years x 7 articles, added in a
 * scrambled order (105 rows: the row sort merges runs of every width),
 * make points by subject and year with their docs oldest first. */
static void test_rows_in_any_order(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    enum { SUBJECTS = 3, YEARS = 5, ARTICLES = 7, N = 105 };
    for (int i = 0; i < N; i++) {
        int k = (i * 38) % N; /* 38 and 105 share no factor */
        int subj = k / (YEARS * ARTICLES), y = k / ARTICLES % YEARS,
            a = k % ARTICLES;
        char subject[16], year[8], doc[8], published[16];
        snprintf(subject, sizeof subject, "fund %c", 'c' - subj);
        snprintf(year, sizeof year, "%d", 2020 - y);
        snprintf(doc, sizeof doc, "d%d", a);
        snprintf(published, sizeof published, "2024-01-%02d", 10 - a);
        add(s, fig(doc, published, "1", subject, year, "100", "KRW"));
    }
    built(s);
    assert_int_equal(ft_series_count(s), SUBJECTS);
    for (size_t i = 0; i < SUBJECTS; i++) {
        const ft_series *se = ft_series_at(s, i);
        char subject[16];
        snprintf(subject, sizeof subject, "fund %c", (char)('a' + i));
        assert_string_equal(se->subject, subject);
        assert_int_equal(se->npoints, YEARS);
        for (size_t j = 0; j < YEARS; j++) {
            assert_int_equal(se->points[j].year, 2016 + (int)j);
            assert_int_equal(se->points[j].mentions, ARTICLES);
            assert_string_equal(se->points[j].docs, "d6;d5;d4;d3;d2;d1;d0");
        }
    }
    ft_series_set_free(s);
}

/* A published cell of ten bytes that are not UTF-8 still orders and
 * dates the rows as written (the page shows it scrubbed). */
static void test_published_kept_as_written(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("a", "2024-01-0\xff", "1", "fund", "2024", "100", "KRW"));
    add(s, fig("b", "2024-01-01", "1", "fund", "2024", "100", "KRW"));
    built(s);
    const ft_series_counts *c = ft_series_counts_of(s);
    assert_string_equal(c->first_published, "2024-01-01");
    assert_string_equal(c->last_published, "2024-01-0\xff");
    const ft_point *p = &ft_series_at(s, 0)->points[0];
    assert_string_equal(p->docs, "b;a");
    assert_int_equal(p->narticles, 2);
    assert_string_equal(art(s, p, 1).published, "2024-01-0\xef\xbf\xbd");
    ft_series_set_free(s);
}

/* Reading figures CSV by header name. */
static void warn_count(void *ctx, const ft_error *e)
{
    (void)e;
    ++*(int *)ctx;
}

static ft_status read_text(ft_series_set *s, const char *text, int *warnings,
                           ft_error *err)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    assert_non_null(f);
    ft_status st = ft_series_read(s, f, "t.csv", warn_count, warnings, err);
    fclose(f);
    return st;
}

static void test_read_by_header_name(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    int warnings = 0;
    ft_error e;
    const char *csv = "\xEF\xBB\xBF"
                      "year,currency,Subject,amount,doc,extra\r\n"
                      "2020,KRW,fund,100,a,x\r\n"
                      "2021,KRW,\"fund\",\"110\",b,\"multi\nline\"\r\n"
                      "2022,KRW,fund\r\n" /* short: skipped with a warning */
                      "\r\n"              /* blank: skipped */
                      "2022,KRW,fund,121,c,z\r\n";
    assert_int_equal(read_text(s, csv, &warnings, &e), FT_OK);
    assert_int_equal(warnings, 1);
    built(s);
    assert_int_equal(ft_series_counts_of(s)->malformed, 1);
    assert_int_equal(ft_series_counts_of(s)->rows, 3);
    const ft_series *se = ft_series_at(s, 0);
    assert_int_equal(se->npoints, 3);
    assert_string_equal(se->points[1].amount, "110");
    ft_series_set_free(s);
}

/* A figures CSV with a country column gives series per country; one
 * without (an older figtrend's) still reads, every row countryless. */
static void test_read_country_column(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    int warnings = 0;
    ft_error e;
    assert_int_equal(read_text(s,
                               "subject,country,year,amount,currency\n"
                               "pay,KOR,2020,1,KRW\n"
                               "pay,PRK,2020,2,KRW\n",
                               &warnings, &e),
                     FT_OK);
    built(s);
    assert_int_equal(ft_series_count(s), 2);
    assert_string_equal(ft_series_at(s, 0)->name, "KOR: pay");
    assert_string_equal(ft_series_at(s, 1)->name, "PRK: pay");
    ft_series_set_free(s);
    s = ft_series_set_new(FT_VALUE_AUTO);
    assert_int_equal(read_text(s,
                               "subject,year,amount,currency\n"
                               "pay,2020,1,KRW\n",
                               &warnings, &e),
                     FT_OK);
    built(s);
    assert_int_equal(ft_series_count(s), 1);
    assert_string_equal(ft_series_at(s, 0)->name, "pay");
    assert_string_equal(ft_series_at(s, 0)->country, "");
    ft_series_set_free(s);
}

static void test_read_refuses_a_header_without_columns(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    int warnings = 0;
    ft_error e;
    assert_int_equal(
        read_text(s, "year,amount,currency\n2020,1,KRW\n", &warnings, &e),
        FT_EDATA);
    assert_non_null(strstr(e.message, "\"subject\""));
    assert_string_equal(e.file, "t.csv");
    ft_series_set_free(s);
    /* --value constant needs amount_constant. */
    s = ft_series_set_new(FT_VALUE_CONSTANT);
    assert_int_equal(
        read_text(s, "subject,year,amount,currency\n", &warnings, &e),
        FT_EDATA);
    assert_non_null(strstr(e.message, "amount_constant"));
    ft_series_set_free(s);
    /* Malformed CSV. */
    s = ft_series_set_new(FT_VALUE_AUTO);
    assert_int_equal(read_text(s,
                               "subject,year,amount,currency\n"
                               "a,2020,1,KRW\n"
                               "b\"x,2020,1,KRW\n",
                               &warnings, &e),
                     FT_EDATA);
    assert_int_equal(e.line, 3);
    ft_series_set_free(s);
}

/* Each point lists its articles with outlet, date, headline and address:
 * those that agree oldest first and once each, then the conflicts. */
static void test_point_articles_and_conflicts(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_row a = fig("a", "2023-02-01", "1", "fund", "2022", "100", "KRW");
    a.source = "Harbour Post";
    a.title = "Fund grows";
    a.url = "https://example.org/a";
    add(s, a);
    ft_series_row a2 = a;
    a2.mention = "2"; /* the same figure again in the same article */
    add(s, a2);
    ft_series_row b = fig("b", "2023-05-01", "1", "fund", "2022", "100", "KRW");
    b.source = "Valley Times";
    add(s, b);
    ft_series_row c = fig("c", "2023-03-01", "1", "fund", "2022", "130", "KRW");
    c.title = "A rival figure";
    add(s, c);
    ft_series_row d = fig("d", "2023-04-01", "1", "fund", "2022", "90", "KRW");
    add(s, d);
    built(s);
    const ft_point *p = &ft_series_at(s, 0)->points[0];
    assert_string_equal(p->amount, "100");
    assert_string_equal(p->flags, "conflict");
    assert_int_equal(p->narticles, 4);
    assert_string_equal(art(s, p, 0).doc, "a");
    assert_true(art(s, p, 0).agrees);
    assert_string_equal(art(s, p, 0).source, "Harbour Post");
    assert_string_equal(art(s, p, 0).title, "Fund grows");
    assert_string_equal(art(s, p, 0).url, "https://example.org/a");
    assert_string_equal(art(s, p, 0).published, "2023-02-01");
    assert_string_equal(art(s, p, 1).doc, "b");
    assert_true(art(s, p, 1).agrees);
    assert_string_equal(art(s, p, 1).title, "");
    /* Conflicts, latest first, with the figure each gave. */
    assert_string_equal(art(s, p, 2).doc, "d");
    assert_false(art(s, p, 2).agrees);
    assert_string_equal(art(s, p, 2).amount, "90");
    assert_string_equal(art(s, p, 3).doc, "c");
    assert_string_equal(art(s, p, 3).amount, "130");
    assert_true(art(s, p, 3).value == 130.0);
    assert_string_equal(art(s, p, 3).title, "A rival figure");
    ft_series_set_free(s);
}

/* Every row that is no point is listed with why, in input order. */
static void test_left_out_with_why(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_row ny = fig("d", "2024-01-02", "1", "fund", "", "1", "KRW");
    ny.source = "Harbour Post";
    ny.url = "https://example.org/d";
    add(s, ny);
    add(s, fig("d", "", "2", "", "2020", "2", "KRW"));
    add(s, fig("d", "", "3", "fund", "20x0", "3", "KRW"));
    add(s, fig("d", "", "4", "fund", "2020", "1e", "KRW"));
    add(s, fig("d", "", "5", "fund", "2020", "5", ""));
    ft_series_row change = fig("d", "", "6", "fund", "2020", "6", "KRW");
    change.kind = "change";
    add(s, change);
    add(s, fig("e", "2024-02-02", "1", "fund", "2021", "7", "KRW"));
    ft_series_row bound =
        fig("e", "2024-02-02", "2", "fund", "2021", "5", "KRW");
    bound.qualifier = "gt";
    add(s, bound);
    built(s);
    size_t n;
    ft_series_check *l = checks_of(s, false, &n);
    assert_int_equal(n, 7);
    /* Rows refused on reading come first, then those refused later. */
    assert_string_equal(l[0].reason, "no year");
    assert_int_equal(l[0].mention, 1);
    assert_string_equal(l[0].source, "Harbour Post");
    assert_string_equal(l[0].url, "https://example.org/d");
    assert_string_equal(l[0].published, "2024-01-02");
    assert_string_equal(l[0].amount, "1");
    assert_string_equal(l[0].currency, "KRW");
    assert_string_equal(l[1].reason, "no subject");
    assert_string_equal(l[1].year, "2020");
    assert_string_equal(l[2].reason, "a year that is not a number");
    assert_string_equal(l[2].year, "20x0");
    assert_string_equal(l[3].reason, "a change, not a level");
    assert_string_equal(l[4].reason, "an amount that is not a number");
    assert_int_equal(l[4].mention, 4);
    assert_string_equal(l[4].subject, "fund");
    assert_string_equal(l[4].year, "2020");
    assert_string_equal(l[5].reason, "no amount or currency");
    assert_int_equal(l[5].mention, 5);
    assert_string_equal(l[5].amount, "5");
    assert_string_equal(l[6].reason,
                        "a bound (more than, up to) where the year has a "
                        "figure");
    assert_string_equal(l[6].doc, "e");
    free(l);
    assert_int_equal(ft_series_nmismatches(s), 0);
    ft_series_set_free(s);
}

/* A figure flagged conversion_mismatch is listed with the paper's
 * conversion and ours, whether or not it makes a point. */
static void test_mismatches_listed(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    int warnings = 0;
    ft_error e;
    assert_int_equal(
        read_text(s,
                  "doc,published,mention,amount,currency,reported_amount,"
                  "reported_currency,year,subject,flags,source,title,url,"
                  "to_currency,amount_nominal,rate_year\n"
                  "a,2025-01-02,1,439700000000,KRW,317400000,USD,2007,fund,"
                  "conversion_mismatch,Harbour Post,Fund,https://x.example,"
                  "USD,473000000,2007\n"
                  "a,2025-01-02,2,900000000,KRW,,,2023,fund,"
                  "conversion_mismatched,Harbour Post,Fund,,USD,690000,2023\n"
                  "b,2025-01-03,1,5,USD,4,EUR,,,approx;conversion_mismatch,"
                  ",,,USD,5,2025\n",
                  &warnings, &e),
        FT_OK);
    built(s);
    size_t n;
    ft_series_check *m = checks_of(s, true, &n);
    assert_int_equal(n, 2);
    assert_null(m[0].reason);
    assert_string_equal(m[0].doc, "a");
    assert_string_equal(m[0].reported_amount, "317400000");
    assert_string_equal(m[0].reported_currency, "USD");
    assert_string_equal(m[0].converted, "473000000");
    assert_string_equal(m[0].to_currency, "USD");
    assert_string_equal(m[0].rate_year, "2007");
    assert_string_equal(m[0].source, "Harbour Post");
    assert_string_equal(m[0].url, "https://x.example");
    assert_string_equal(m[1].doc, "b");
    assert_string_equal(m[1].reported_currency, "EUR");
    free(m);
    /* A file without the article columns still reads. */
    ft_series_set *t = ft_series_set_new(FT_VALUE_AUTO);
    assert_int_equal(read_text(t,
                               "subject,year,amount,currency\nfund,2020,1,"
                               "KRW\n",
                               &warnings, &e),
                     FT_OK);
    built(t);
    const ft_point *p = &ft_series_at(t, 0)->points[0];
    assert_int_equal(p->narticles, 1);
    assert_string_equal(art(t, p, 0).source, "");
    assert_string_equal(art(t, p, 0).doc, "");
    ft_series_set_free(t);
    ft_series_set_free(s);
}

/* --series: a substring without a star, a whole-name glob with one;
 * ASCII case folded, Hangul compared as bytes. */
static void test_name_patterns(void **state)
{
    (void)state;
    const char *name = "South Korea: defence budget";
    assert_true(ft_series_name_matches(name, NULL));
    assert_true(ft_series_name_matches(name, ""));
    assert_true(ft_series_name_matches(name, "korea"));
    assert_true(ft_series_name_matches(name, "DEFENCE BUDGET"));
    assert_false(ft_series_name_matches(name, "japan"));
    assert_false(ft_series_name_matches(name, "budgets"));
    assert_true(ft_series_name_matches(name, "south*budget"));
    assert_true(ft_series_name_matches(name, "*: defence*"));
    assert_true(ft_series_name_matches(name, "*"));
    assert_false(ft_series_name_matches(name, "korea*")); /* whole name */
    assert_false(ft_series_name_matches(name, "*korea"));
    assert_true(ft_series_name_matches(name, "*korea*"));
    assert_true(ft_series_name_matches("a*b", "a*b"));
    assert_true(ft_series_name_matches("aXbXb", "a*b"));
    assert_false(ft_series_name_matches("aXbXc", "a*b"));
    assert_true(ft_series_name_matches("남북협력기금", "협력"));
    assert_false(ft_series_name_matches("", "x"));
}

static ft_series_row fig_in(const char *doc, const char *published,
                            const char *mention, const char *country,
                            const char *year, const char *amount)
{
    ft_series_row r = fig(doc, published, mention, "defence budget", year,
                          amount, country[0] == 'K' ? "KRW" : "JPY");
    r.country = country;
    return r;
}

/* --from/--to drop rows of other years before anything else (they are
 * not left out, only counted); --series drops whole series after they
 * are named, and the counts are of the series kept. */
static void test_select_series_and_years(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_set_select(s, "kor", 2020, 2022);
    add(s, fig_in("a", "2019-12-01", "1", "KOR", "2019", "40"));
    add(s, fig_in("a", "2019-12-01", "2", "KOR", "2020", "50"));
    add(s, fig_in("b", "2021-12-01", "1", "KOR", "2021", "52"));
    add(s, fig_in("b", "2021-12-01", "2", "KOR", "2023", "60"));
    add(s, fig_in("c", "2022-01-01", "1", "JPN", "2021", "5"));
    add(s, fig_in("c", "2022-01-01", "2", "JPN", "2022", "6"));
    ft_series_row no_year = fig_in("d", "", "1", "KOR", "", "1");
    add(s, no_year); /* no year: still listed as left out */
    ft_series_row jpn_change = fig_in("e", "", "1", "JPN", "2021", "1");
    jpn_change.kind = "change"; /* another series': not listed */
    add(s, jpn_change);
    ft_series_row mism = fig_in("e", "", "2", "JPN", "2021", "7");
    mism.flags = "conversion_mismatch";
    add(s, mism);
    built(s);
    assert_int_equal(ft_series_count(s), 1);
    const ft_series *se = ft_series_at(s, 0);
    assert_string_equal(se->country, "KOR");
    assert_int_equal(se->npoints, 2);
    assert_int_equal(se->points[0].year, 2020);
    assert_int_equal(se->points[1].year, 2021);
    const ft_series_counts *c = ft_series_counts_of(s);
    assert_int_equal(c->outside, 2);
    assert_int_equal(c->unselected, 1);
    assert_int_equal(c->rows, 7);
    assert_int_equal(c->no_year, 1);
    assert_int_equal(c->changes, 0);
    assert_int_equal(c->used, 2);
    assert_int_equal(c->docs, 2);
    assert_string_equal(c->first_published, "2019-12-01");
    assert_string_equal(c->last_published, "2021-12-01");
    assert_int_equal(ft_series_nleft_out(s), 1);
    assert_string_equal(ft_series_left_out_at(s, 0).country, "KOR");
    assert_int_equal(ft_series_nmismatches(s), 0);
    ft_series_set_free(s);
}

/* Without a selection nothing is dropped. */
static void test_no_selection_keeps_all(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_set_select(s, NULL, 0, 0);
    add(s, fig_in("a", "2019-12-01", "1", "KOR", "1900", "40"));
    add(s, fig_in("c", "2022-01-01", "1", "JPN", "2999", "5"));
    built(s);
    assert_int_equal(ft_series_count(s), 2);
    assert_int_equal(ft_series_counts_of(s)->outside, 0);
    assert_int_equal(ft_series_counts_of(s)->unselected, 0);
    ft_series_set_free(s);
}

/* The history of a series holds every figure of its rows (the one kept,
 * the same figure again, a conflict, a bound), by published date, and
 * counts the dated articles. */
static void test_series_figures_history(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("c", "2024-01-15", "1", "budget", "2023", "55", "KRW"));
    add(s, fig("a", "2022-09-01", "2", "budget", "2023", "57", "KRW"));
    add(s, fig("a", "2022-09-01", "1", "budget", "2022", "54.6", "KRW"));
    add(s, fig("b", "2022-12-24", "1", "budget", "2023", "57.1", "KRW"));
    ft_series_row bound =
        fig("d", "2024-02-01", "1", "budget", "2024", "60", "KRW");
    bound.qualifier = "gt";
    add(s, bound);
    add(s, fig("e", "", "1", "budget", "2024", "61", "KRW"));
    add(s, fig("f", "2024-02-01", "1", "other", "2024", "5", "KRW"));
    built(s);
    assert_int_equal(ft_series_count(s), 2);
    size_t n;
    ft_series_figure *f;
    assert_int_equal(ft_series_figures(s, 0, &f, &n), FT_OK);
    assert_string_equal(ft_series_at(s, 0)->subject, "budget");
    assert_int_equal(n, 6);
    assert_string_equal(f[0].published, ""); /* undated first */
    assert_string_equal(f[0].doc, "e");
    assert_string_equal(f[1].doc, "a");
    assert_int_equal(f[1].year, 2022);
    assert_true(f[1].value == 54.6);
    assert_string_equal(f[2].doc, "a");
    assert_int_equal(f[2].year, 2023);
    assert_string_equal(f[3].doc, "b");
    assert_string_equal(f[4].doc, "c"); /* the conflict is there too */
    assert_true(f[4].value == 55);
    assert_string_equal(f[5].doc, "d"); /* and the bound */
    assert_int_equal(ft_series_figure_articles(f, n), 4);
    free(f);
    assert_int_equal(ft_series_figures(s, 1, &f, &n), FT_OK);
    assert_int_equal(n, 1);
    assert_int_equal(ft_series_figure_articles(f, n), 1);
    free(f);
    assert_int_equal(ft_series_figures(s, 2, &f, &n), FT_OK);
    assert_null(f);
    assert_int_equal(n, 0);
    ft_series_set_free(s);
}

/* A selection keeps each series' history with it. */
static void test_history_follows_selection(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_set_select(s, "other", 0, 0);
    add(s, fig("a", "2022-09-01", "1", "budget", "2023", "57", "KRW"));
    add(s, fig("b", "2023-09-01", "1", "other", "2023", "5", "KRW"));
    add(s, fig("c", "2023-10-01", "1", "other", "2023", "6", "KRW"));
    built(s);
    assert_int_equal(ft_series_count(s), 1);
    size_t n;
    ft_series_figure *f;
    assert_int_equal(ft_series_figures(s, 0, &f, &n), FT_OK);
    assert_int_equal(n, 2);
    assert_string_equal(f[0].doc, "b");
    assert_string_equal(f[1].doc, "c");
    free(f);
    ft_series_set_free(s);
}

/* An article whose doc reads like an amount seen before it is still
 * ordered by when its doc was first read: amounts are stored apart. */
static void test_numeric_doc_keeps_its_order(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("a", "2024-01-01", "1", "other", "2020", "7", "KRW"));
    add(s, fig("x", "2024-01-01", "1", "fund", "2020", "50", "KRW"));
    add(s, fig("7", "2024-01-01", "1", "fund", "2020", "100", "KRW"));
    built(s);
    const ft_series *se = ft_series_at(s, 0);
    assert_string_equal(se->subject, "fund");
    /* Same date: the article read last is the latest. */
    assert_string_equal(se->points[0].amount, "100");
    assert_string_equal(se->points[0].flags, "conflict");
    ft_series_set_free(s);
}

/* Amounts that recur share their text, past the first sizes of the
 * cache of recent amounts, and each point keeps its own. */
static void test_many_recurring_amounts(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    char doc[16], year[16], amount[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(doc, sizeof doc, "d%d", i);
        snprintf(year, sizeof year, "%d", 1000 + i % 5000);
        snprintf(amount, sizeof amount, "%d.5", i % 5000);
        add(s, fig(doc, "2024-01-01", "1", "fund", year, amount, "KRW"));
    }
    built(s);
    const ft_series *se = ft_series_at(s, 0);
    assert_int_equal(se->npoints, 5000);
    for (size_t j = 0; j < se->npoints; j++) {
        snprintf(amount, sizeof amount, "%zu.5", j);
        assert_string_equal(se->points[j].amount, amount);
        assert_int_equal(se->points[j].mentions, 4);
    }
    ft_series_set_free(s);
}

/* series.csv names by label only the series that share their country's
 * subject and currency (converted from different ones). */
static void test_long_labels_shared_currency(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s,
        converted("j", "defence budget", "2022", "JPY", "40", "45.5", "2023"));
    add(s,
        converted("k", "defence budget", "2022", "KRW", "42", "47.25", "2023"));
    add(s, converted("k", "fund", "2022", "KRW", "1", "2", "2023"));
    built(s);
    char *longf = output(s, ft_series_write_long);
    assert_non_null(strstr(longf, ",defence budget (from JPY),2022,45.5,"));
    assert_non_null(strstr(longf, ",defence budget (from KRW),2022,47.25,"));
    assert_non_null(strstr(longf, ",fund,2022,2,"));
    free(longf);
    ft_series_set_free(s);
}

/* Issue 12: memory follows the points, not the rows.  The same two
 * articles' figures added again and again (a re-run over one corpus)
 * leave the set's memory as it was once each figure was seen: rows are
 * summed into their points as they come, and what the page lists is
 * read back from the scratch file. */
static void test_memory_stays_with_the_points(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_row r[4] = {
        fig("a", "2024-01-01", "1", "budget", "2023", "57.1", "KRW"),
        fig("a", "2024-01-01", "2", "budget", "2024", "59.4", "KRW"),
        fig("b", "2024-02-01", "1", "budget", "2024", "59.40", "KRW"),
        fig("b", "2024-02-01", "2", "budget", "", "61", "KRW"), /* left out */
    };
    r[1].title = "A long title that a row struct would keep for each row";
    r[1].url = "https://example.com/a/long/address/kept/per/row";
    for (int i = 0; i < 4; i++)
        add(s, r[i]);
    size_t once = ft_series_held_bytes(s);
    /* r[3] is listed each time (sixteen bytes each): leave it out. */
    for (int k = 0; k < 20000; k++)
        for (int i = 0; i < 3; i++)
            add(s, r[i]);
    assert_int_equal(ft_series_held_bytes(s), once);
    built(s);
    /* And the points are what they would be from the rows kept. */
    const ft_series *se = ft_series_at(s, 0);
    assert_int_equal(se->npoints, 2);
    assert_int_equal(se->points[1].mentions, 40002);
    assert_string_equal(se->points[1].docs, "a;b");
    assert_int_equal(se->points[1].narticles, 2);
    ft_point_article a = art(s, &se->points[1], 0);
    assert_string_equal(a.title, r[1].title);
    assert_string_equal(a.url, r[1].url);
    assert_int_equal(ft_series_nleft_out(s), 1);
    assert_string_equal(ft_series_left_out_at(s, 0).reason, "no year");
    ft_series_set_free(s);
}

/* With no room for its scratch file, adding fails (FT_EIO), and so do
 * later rows and the build: the rows read would not match their points. */
static void test_no_scratch_file(void **state)
{
    (void)state;
    const char *old = getenv("TMPDIR");
    char *keep = old ? strdup(old) : NULL;
    setenv("TMPDIR", "/nonexistent/figtrend-test", 1);
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_row r = fig("a", "2024-01-01", "1", "budget", "2024", "5", "KRW");
    ft_error e;
    assert_int_equal(ft_series_add(s, &r, &e), FT_EIO);
    assert_non_null(strstr(e.message, "temporary file"));
    assert_true(ft_series_broken(s));
    if (keep)
        setenv("TMPDIR", keep, 1);
    else
        unsetenv("TMPDIR");
    free(keep);
    assert_int_equal(ft_series_add(s, &r, &e), FT_EIO);
    assert_int_equal(ft_series_build(s, &e), FT_EIO);
    ft_series_set_free(s);
}

/* The descriptors a set's scratch files will get (the rows' records,
 * then their text): the two lowest free now, as the set opens them
 * first thing on its first add. */
static void next_two_fds(int fd[2])
{
    fd[0] = open("/dev/null", O_RDONLY);
    fd[1] = open("/dev/null", O_RDONLY);
    assert_true(fd[0] >= 0 && fd[1] > fd[0]);
    close(fd[0]);
    close(fd[1]);
}

/* fd is a scratch file: a regular file, unlinked. */
static void assert_scratch(int fd)
{
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_nlink, 0);
}

/* The scratch file at fd replaced by /dev/null opened with `flags`:
 * O_WRONLY, reads fail; O_RDONLY, writes fail. */
static void replace_fd(int fd, int flags)
{
    int w = open("/dev/null", flags);
    assert_true(w >= 0);
    assert_int_equal(dup2(w, fd), fd);
    close(w);
}

/* A history that cannot be read back is an error, not figures of year
 * 0 and value 0. */
static void test_history_read_failure(void **state)
{
    (void)state;
    int fd[2];
    next_two_fds(fd);
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("a", "2022-09-01", "1", "budget", "2022", "54.6", "KRW"));
    add(s, fig("b", "2023-09-01", "1", "budget", "2023", "57", "KRW"));
    assert_scratch(fd[0]);
    built(s);
    assert_false(ft_series_broken(s));
    replace_fd(fd[0], O_WRONLY);
    size_t n = 7;
    ft_series_figure *f = (ft_series_figure *)&n;
    assert_int_equal(ft_series_figures(s, 0, &f, &n), FT_EIO);
    assert_null(f);
    assert_int_equal(n, 0);
    ft_series_set_free(s);
}

/* A figure left out that cannot be read back while --series selects
 * fails the build (FT_EIO, the set broken), rather than vanishing. */
static void test_selection_read_failure(void **state)
{
    (void)state;
    int fd[2];
    next_two_fds(fd);
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    ft_series_set_select(s, "kor", 0, 0);
    ft_series_row change = fig_in("a", "2020-01-01", "1", "KOR", "2020", "1");
    change.kind = "change";
    add(s, change);
    assert_scratch(fd[1]);
    replace_fd(fd[1], O_WRONLY);
    ft_error e;
    assert_int_equal(ft_series_build(s, &e), FT_EIO);
    assert_non_null(strstr(e.message, "temporary file"));
    assert_true(ft_series_broken(s));
    ft_series_set_free(s);
}

/* An article, a figure left out or a mismatch that cannot be read back
 * for the page says so (unread), rather than passing for one with empty
 * fields. */
static void test_items_read_failure(void **state)
{
    (void)state;
    int fd[2];
    next_two_fds(fd);
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, fig("a", "2022-09-01", "1", "budget", "2022", "54.6", "KRW"));
    ft_series_row m =
        fig("b", "2023-09-01", "1", "budget", "2023", "57", "KRW");
    m.flags = "conversion_mismatch";
    add(s, m);
    add(s, fig("c", "2023-09-01", "2", "budget", "", "58", "KRW"));
    assert_scratch(fd[0]);
    assert_scratch(fd[1]);
    built(s);
    assert_int_equal(ft_series_count(s), 1);
    const ft_point *p = &ft_series_at(s, 0)->points[0];
    assert_int_equal(ft_series_nleft_out(s), 1);
    assert_int_equal(ft_series_nmismatches(s), 1);
    assert_false(art(s, p, 0).unread);
    assert_string_equal(art(s, p, 0).doc, "a");
    assert_false(ft_series_left_out_at(s, 0).unread);
    assert_string_equal(ft_series_left_out_at(s, 0).doc, "c");
    assert_false(ft_series_mismatch_at(s, 0).unread);
    assert_string_equal(ft_series_mismatch_at(s, 0).doc, "b");
    replace_fd(fd[0], O_WRONLY);
    replace_fd(fd[1], O_WRONLY);
    assert_true(art(s, p, 0).unread);
    assert_true(ft_series_left_out_at(s, 0).unread);
    assert_true(ft_series_mismatch_at(s, 0).unread);
    assert_string_equal(ft_series_mismatch_at(s, 0).doc, "");
    ft_series_set_free(s);
}

/* A scratch file that cannot be flushed fails the build, and the error
 * names the directory it was made in, even once $TMPDIR has changed
 * and the string it came from is gone. */
static void test_flush_failure_names_its_dir(void **state)
{
    (void)state;
    static char env[] = "TMPDIR=/tmp/figtrend-test-XXXXXX";
    char *dir = env + strlen("TMPDIR=");
    assert_non_null(mkdtemp(dir));
    char keep[sizeof env];
    strcpy(keep, dir);
    const char *old = getenv("TMPDIR");
    char *was = old ? strdup(old) : NULL;
    putenv(env);
    int fd[2];
    next_two_fds(fd);
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    assert_false(ft_series_broken(s));
    add(s, fig("a", "2022-09-01", "1", "budget", "2022", "54.6", "KRW"));
    assert_scratch(fd[1]);
    if (was)
        setenv("TMPDIR", was, 1);
    else
        unsetenv("TMPDIR");
    free(was);
    memset(dir, 'x', strlen(dir)); /* the environment's string, changed */
    replace_fd(fd[1], O_RDONLY);
    ft_error e;
    assert_int_equal(ft_series_build(s, &e), FT_EIO);
    assert_non_null(strstr(e.message, keep));
    assert_true(ft_series_broken(s));
    ft_series_set_free(s);
    assert_int_equal(rmdir(keep), 0);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_figure_in_two_articles),
        cmocka_unit_test(test_rounded_figure_is_the_same),
        cmocka_unit_test(test_conflict_keeps_the_latest),
        cmocka_unit_test(test_bounds_give_way),
        cmocka_unit_test(test_same_article_first_mention),
        cmocka_unit_test(test_rows_that_are_not_points),
        cmocka_unit_test(test_one_series_per_currency),
        cmocka_unit_test(test_constant_prices),
        cmocka_unit_test(test_value_choice),
        cmocka_unit_test(test_csv_outputs_are_spreadsheet_safe),
        cmocka_unit_test(test_summary_cagr_and_trend),
        cmocka_unit_test(test_countries_kept_apart_and_named),
        cmocka_unit_test(test_read_country_column),
        cmocka_unit_test(test_wide_spans_many_years_sparsely),
        cmocka_unit_test(test_invalid_utf8_subject_scrubbed),
        cmocka_unit_test(test_many_series),
        cmocka_unit_test(test_rows_in_any_order),
        cmocka_unit_test(test_published_kept_as_written),
        cmocka_unit_test(test_read_by_header_name),
        cmocka_unit_test(test_read_refuses_a_header_without_columns),
        cmocka_unit_test(test_point_articles_and_conflicts),
        cmocka_unit_test(test_left_out_with_why),
        cmocka_unit_test(test_mismatches_listed),
        cmocka_unit_test(test_name_patterns),
        cmocka_unit_test(test_select_series_and_years),
        cmocka_unit_test(test_no_selection_keeps_all),
        cmocka_unit_test(test_series_figures_history),
        cmocka_unit_test(test_history_follows_selection),
        cmocka_unit_test(test_memory_stays_with_the_points),
        cmocka_unit_test(test_no_scratch_file),
        cmocka_unit_test(test_history_read_failure),
        cmocka_unit_test(test_selection_read_failure),
        cmocka_unit_test(test_items_read_failure),
        cmocka_unit_test(test_flush_failure_names_its_dir),
        cmocka_unit_test(test_numeric_doc_keeps_its_order),
        cmocka_unit_test(test_many_recurring_amounts),
        cmocka_unit_test(test_long_labels_shared_currency),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
