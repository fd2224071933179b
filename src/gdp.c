/* gdp.c — GDP in local currency: loading, look-up, shares. */
#include "gdp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rates.h"
#include "table.h"
#include "text.h"

typedef struct {
    char country[4], cur[4];
    int year;
    double value;
    long line;
} row;

struct ft_gdp {
    char source[256];
    row *rows; /* by country, then year, once loaded */
    size_t n, cap;
};

enum { C_YEAR, C_COUNTRY, C_CURRENCY, C_GDP, NCOLS };

typedef struct {
    ft_gdp *g;
    long col[NCOLS];
    size_t ncells; /* 0 until the header is read */
} loader;

static ft_status header(loader *l, char *const *cells, size_t n, ft_error *err)
{
    static const char *const want[NCOLS] = {"year", "country", "currency",
                                            "gdp_lcu"};
    for (int i = 0; i < NCOLS; i++) {
        l->col[i] = ft_table_column(cells, n, want[i]);
        if (l->col[i] == -2)
            return ft_error_set(err, FT_ECONFIG,
                                "the column '%s' is named twice", want[i]);
        if (l->col[i] < 0)
            return ft_error_set(err, FT_ECONFIG,
                                "a GDP table has year, country, currency and "
                                "gdp_lcu columns; '%s' is missing",
                                want[i]);
    }
    l->ncells = n;
    return FT_OK;
}

static ft_status on_row(void *ctx, char *const *cells, const size_t *lens,
                        size_t n, long line, ft_error *err)
{
    (void)lens;
    loader *l = ctx;
    if (l->ncells == 0)
        return header(l, cells, n, err);
    if (n != l->ncells)
        return ft_error_set(err, FT_ECONFIG,
                            "%zu cells where the header has %zu", n, l->ncells);
    const char *year_s = cells[l->col[C_YEAR]],
               *country = cells[l->col[C_COUNTRY]],
               *cur = cells[l->col[C_CURRENCY]], *v = cells[l->col[C_GDP]];
    row r = {.line = line};
    if (!ft_table_parse_year(year_s, &r.year))
        return ft_error_set(err, FT_ECONFIG, "year '%.40s' is not a year",
                            year_s);
    /* A country code has the shape of a currency code: three capitals. */
    if (!ft_currency_code_valid(country))
        return ft_error_set(err, FT_ECONFIG,
                            "country '%.40s' is not an ISO 3166-1 alpha-3 code",
                            country);
    if (!ft_currency_code_valid(cur))
        return ft_error_set(err, FT_ECONFIG,
                            "currency '%.40s' is not an ISO 4217 code", cur);
    if (!ft_table_parse_number(v, &r.value) || r.value < 0)
        return ft_error_set(err, FT_ECONFIG,
                            "GDP '%.40s' is not a positive number", v);
    /* The World Bank writes 0 where a GDP in today's units rounds to
     * nothing (Serbia's early 1990s in dinars of 1994 and later): no
     * GDP to divide by, so no row. */
    if (r.value == 0)
        return FT_OK;
    memcpy(r.country, country, 4);
    memcpy(r.cur, cur, 4);
    ft_gdp *g = l->g;
    if (g->n == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 256;
        row *p = realloc(g->rows, cap * sizeof *p);
        if (!p)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        g->rows = p;
        g->cap = cap;
    }
    g->rows[g->n++] = r;
    return FT_OK;
}

static int cmp_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = strcmp(x->country, y->country);
    return c ? c : (x->year > y->year) - (x->year < y->year);
}

ft_status ft_gdp_load_stream(FILE *in, const char *name, ft_gdp **out,
                             ft_error *err)
{
    *out = NULL;
    ft_gdp *g = calloc(1, sizeof *g);
    if (!g)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    ft_table_source_name(name, g->source, sizeof g->source);
    loader l = {.g = g};
    ft_status st = ft_table_read(in, name, FT_ECONFIG, on_row, &l, err);
    if (st == FT_OK && g->n > 1) {
        if (!ft_sorted(g->rows, g->n, sizeof *g->rows, cmp_row))
            qsort(g->rows, g->n, sizeof *g->rows, cmp_row);
        for (size_t i = 1; i < g->n && st == FT_OK; i++)
            if (cmp_row(&g->rows[i - 1], &g->rows[i]) == 0) {
                const row *a = &g->rows[i - 1], *b = &g->rows[i];
                const row *later = a->line > b->line ? a : b;
                ft_error_set(
                    err, FT_ECONFIG, "%s %d given twice (lines %ld and %ld)",
                    a->country, a->year, a->line < b->line ? a->line : b->line,
                    later->line);
                ft_error_at(err, name, later->line);
                st = FT_ECONFIG;
            }
    }
    if (st != FT_OK) {
        ft_gdp_free(g);
        return st;
    }
    *out = g;
    return FT_OK;
}

ft_status ft_gdp_load(const char *path, ft_gdp **out, ft_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        ft_error_set(err, FT_ENOINPUT, "cannot open the GDP table: %s",
                     strerror(errno));
        ft_error_at(err, path, 0);
        return FT_ENOINPUT;
    }
    ft_status st = ft_gdp_load_stream(f, path, out, err);
    fclose(f);
    return st;
}

void ft_gdp_free(ft_gdp *g)
{
    if (!g)
        return;
    free(g->rows);
    free(g);
}

const char *ft_gdp_source(const ft_gdp *g)
{
    return g->source;
}

bool ft_gdp_lookup(const ft_gdp *g, const char *country, int year,
                   double *value, char cur[4])
{
    if (!g || !ft_currency_code_valid(country))
        return false;
    row key = {.year = year};
    memcpy(key.country, country, 4);
    const row *r = bsearch(&key, g->rows, g->n, sizeof *g->rows, cmp_row);
    if (!r)
        return false;
    *value = r->value;
    memcpy(cur, r->cur, 4);
    return true;
}

bool ft_gdp_share_pct(const ft_gdp *g, const char *country, int year,
                      const char *cur, double amount, double *pct)
{
    double gdp;
    char gcur[4];
    if (!ft_gdp_lookup(g, country, year, &gdp, gcur) || strcmp(gcur, cur) != 0)
        return false;
    *pct = 100 * amount / gdp;
    return true;
}
