/* fuzz_report.c — report's figures.csv reader (ft_series_read, what
 * ft_report_run reads each input with) and the series built from it, on
 * any bytes after a first byte that picks the value plotted (constant,
 * nominal, original or the automatic choice), with the shipped countries
 * table.  Invariants: when the input is read, every series has points,
 * by year strictly ascending, each year 1..9999, each value finite, each
 * point made of one or more rows and agreed with by one to `mentions` of
 * its articles; the statistics cover those points; the figures behind a
 * series have finite values and years in range; every row read is used,
 * a conflict or left out (used is the sum of the points' mentions); and
 * series.csv, series_wide.csv and summary.csv parse with their header's
 * column count, series.csv one record per point. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "country.h"
#include "fuzz_check.h"
#include "series.h"

static ft_countries *countries;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ft_error err;
    countries = ft_countries_new();
    FUZZ_CHECK(countries);
    if (ft_countries_load(countries, "datasets/countries.csv", &err) !=
        FT_OK) {
        fprintf(stderr, "fuzz_report: %s (run from the repository top)\n",
                err.message);
        exit(1);
    }
    return 0;
}

static void ignore(void *ctx, const ft_error *e)
{
    (void)ctx;
    (void)e;
}

/* One of the CSVs written, checked; returns its records. */
static size_t written(ft_status (*write)(const ft_series_set *, FILE *,
                                         ft_error *),
                      const ft_series_set *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    FUZZ_CHECK(out);
    ft_error err;
    FUZZ_CHECK(write(s, out, &err) == FT_OK);
    FUZZ_CHECK(fclose(out) == 0);
    size_t records = fuzz_check_csv(buf, n, ',');
    free(buf);
    return records;
}

static void check_series(const ft_series_set *set, size_t i, size_t *mentions)
{
    const ft_series *s = ft_series_at(set, i);
    FUZZ_CHECK(s && s->subject && s->country && s->currency && s->name);
    FUZZ_CHECK(s->npoints >= 1 && s->stats.n == s->npoints);
    FUZZ_CHECK(s->stats.first_x == s->points[0].year &&
               s->stats.last_x == s->points[s->npoints - 1].year);
    for (size_t j = 0; j < s->npoints; j++) {
        const ft_point *p = &s->points[j];
        FUZZ_CHECK(p->year >= 1 && p->year <= 9999);
        FUZZ_CHECK(j == 0 || p->year > s->points[j - 1].year);
        FUZZ_CHECK(isfinite(p->value));
        FUZZ_CHECK(p->mentions >= 1 && p->amount && p->docs && p->flags);
        size_t agree = 0;
        for (size_t a = 0; a < p->narticles; a++)
            agree += ft_series_article(set, p, a).agrees;
        FUZZ_CHECK(agree >= 1 && agree <= p->mentions);
        *mentions += p->mentions;
    }
    size_t nf;
    ft_series_figure *f;
    FUZZ_CHECK(ft_series_figures(set, i, &f, &nf) == FT_OK);
    FUZZ_CHECK(nf >= s->npoints);
    for (size_t j = 0; j < nf; j++) {
        FUZZ_CHECK(f[j].year >= 1 && f[j].year <= 9999);
        FUZZ_CHECK(isfinite(f[j].value));
    }
    FUZZ_CHECK(ft_series_figure_articles(f, nf) <= nf);
    free(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    static const ft_value_kind kinds[] = {FT_VALUE_AUTO, FT_VALUE_CONSTANT,
                                          FT_VALUE_NOMINAL,
                                          FT_VALUE_ORIGINAL};
    ft_series_set *set = ft_series_set_new(kinds[data[0] & 3]);
    FUZZ_CHECK(set);
    ft_series_set_countries(set, countries);
    FILE *in = fmemopen((void *)(data + 1), size - 1, "r");
    FUZZ_CHECK(in);
    ft_error err;
    ft_status st = ft_series_read(set, in, "fuzz.csv", ignore, NULL, &err);
    fclose(in);
    FUZZ_CHECK(st == FT_OK || st == FT_EDATA);
    FUZZ_CHECK(ft_series_build(set, &err) == FT_OK);
    size_t mentions = 0, points = 0;
    for (size_t i = 0; i < ft_series_count(set); i++) {
        check_series(set, i, &mentions);
        points += ft_series_at(set, i)->npoints;
    }
    const ft_series_counts *c = ft_series_counts_of(set);
    size_t nleft = ft_series_nleft_out(set);
    size_t nmism = ft_series_nmismatches(set);
    for (size_t i = 0; i < nleft; i++)
        FUZZ_CHECK(ft_series_left_out_at(set, i).reason);
    for (size_t i = 0; i < nmism; i++)
        FUZZ_CHECK(ft_series_mismatch_at(set, i).doc);
    FUZZ_CHECK(c->used == mentions);
    FUZZ_CHECK(c->used + c->conflicts + nleft == c->rows);
    FUZZ_CHECK(nmism <= c->rows);
    FUZZ_CHECK(ft_series_kind(set) != FT_VALUE_AUTO);
    FUZZ_CHECK(written(ft_series_write_long, set) == points + 1);
    (void)written(ft_series_write_wide, set);
    FUZZ_CHECK(written(ft_series_write_summary, set) ==
               ft_series_count(set) + 1);
    ft_series_set_free(set);
    return 0;
}
