/* prices.c — price indices chained from inflation rates; ratios and
 * rebasing. */
#include "prices.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rates.h"
#include "table.h"

/* A run of consecutive years: index[i] belongs to year first + i. */
typedef struct {
    int first;
    size_t n;
    double *index;
} segment;

/* The chained index of a series: its runs of consecutive years. */
typedef struct {
    segment *seg;
    size_t nseg;
} chain;

struct ft_prices {
    char source[256]; /* the file name, for "which table" notes */
    ft_annual t;      /* the inflation rates (percent) */
    chain *chains; /* chains[i] belongs to t.s[i] */
};

void ft_prices_chain(const double *inflation_pct, size_t n, double *index)
{
    index[0] = 100;
    for (size_t i = 0; i < n; i++)
        index[i + 1] = index[i] * (1 + inflation_pct[i] / 100);
}

bool ft_prices_rebase(double *index, size_t n, size_t base)
{
    if (base >= n || !(index[base] > 0))
        return false;
    double k = 100 / index[base];
    for (size_t i = 0; i < n; i++)
        index[i] = i == base ? 100 : index[i] * k;
    return true;
}

/* -------------------------------------------------------------- loading */

static ft_status inflation_value(const char *cur, const char *cell, double *out,
                                 bool *keep, ft_error *err)
{
    (void)cur;
    (void)keep;
    if (!ft_table_parse_number(cell, out))
        return ft_error_set(err, FT_ECONFIG, "inflation '%s' %s (percent)",
                            cell, ft_table_number_why(cell));
    if (*out <= -100)
        return ft_error_set(err, FT_ECONFIG,
                            "inflation '%s' is not above -100 (prices cannot "
                            "fall to nothing)",
                            cell);
    return FT_OK;
}

static const ft_annual_spec prices_spec = {
    .table = "prices",
    .column = "inflation_pct",
    .twice = ": one price series per currency",
    .currency_ok = ft_currency_code_valid,
    .value = inflation_value,
};

/* cur's chain, or NULL. */
static const chain *find(const ft_prices *p, const char *cur)
{
    const ft_annual_series *s = ft_annual_find(&p->t, cur);
    return s ? &p->chains[s - p->t.s] : NULL;
}

/* Chain each run of consecutive years of s (sorted, each year once). */
static ft_status chain_series(const ft_annual_series *s, chain *c,
                              long *line, ft_error *err)
{
    size_t runs = 0;
    for (size_t i = 0; i < s->n; i++)
        if (i == 0 || s->pts[i].year != s->pts[i - 1].year + 1)
            runs++;
    c->seg = calloc(runs ? runs : 1, sizeof *c->seg);
    double *pct = malloc((s->n ? s->n : 1) * sizeof *pct);
    if (!c->seg || !pct) {
        free(pct);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < s->n;) {
        size_t j = i + 1;
        while (j < s->n && s->pts[j].year == s->pts[j - 1].year + 1)
            j++;
        segment *g = &c->seg[c->nseg++];
        g->first = s->pts[i].year - 1; /* the first rate reaches back */
        g->n = j - i + 1;
        if (!(g->index = malloc(g->n * sizeof *g->index))) {
            free(pct);
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        }
        for (size_t k = i; k < j; k++)
            pct[k - i] = s->pts[k].value;
        ft_prices_chain(pct, j - i, g->index);
        /* Rates that are each a number can still chain past what a
         * double holds, or down to nothing, and a ratio of two years
         * would then be inf or 0/0: such a table is refused where its
         * index leaves the range. */
        for (size_t k = 1; k < g->n; k++)
            if (!(g->index[k] >= FT_PRICES_INDEX_MIN &&
                  g->index[k] <= FT_PRICES_INDEX_MAX)) {
                free(pct);
                ft_error_set(err, FT_ECONFIG,
                             "the %s price index leaves %g..%g in %d "
                             "(inflation rates too large to chain)",
                             s->cur, FT_PRICES_INDEX_MIN, FT_PRICES_INDEX_MAX,
                             s->pts[i + k - 1].year);
                *line = s->pts[i + k - 1].line;
                return FT_ECONFIG;
            }
        i = j;
    }
    free(pct);
    return FT_OK;
}

ft_status ft_prices_load_stream(FILE *in, const char *name, ft_prices **out,
                                ft_error *err)
{
    *out = NULL;
    ft_prices *p = calloc(1, sizeof *p);
    if (!p)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    ft_table_source_name(name, p->source, sizeof p->source);
    ft_status st = ft_table_load_annual(in, name, &prices_spec, &p->t, err);
    if (st == FT_OK &&
        !(p->chains = calloc(p->t.n ? p->t.n : 1, sizeof *p->chains)))
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    long line = 0;
    for (size_t i = 0; st == FT_OK && i < p->t.n; i++)
        st = chain_series(&p->t.s[i], &p->chains[i], &line, err);
    if (st == FT_ECONFIG && line > 0)
        ft_error_at(err, name, line);
    if (st != FT_OK) {
        ft_prices_free(p);
        return st;
    }
    *out = p;
    return FT_OK;
}

ft_status ft_prices_load(const char *path, ft_prices **out, ft_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        ft_error_set(err, FT_ENOINPUT, "cannot open the prices table: %s",
                     strerror(errno));
        ft_error_at(err, path, 0);
        return FT_ENOINPUT;
    }
    ft_status st = ft_prices_load_stream(f, path, out, err);
    fclose(f);
    return st;
}

void ft_prices_free(ft_prices *p)
{
    if (!p)
        return;
    for (size_t i = 0; p->chains && i < p->t.n; i++) {
        for (size_t k = 0; k < p->chains[i].nseg; k++)
            free(p->chains[i].seg[k].index);
        free(p->chains[i].seg);
    }
    free(p->chains);
    ft_annual_free(&p->t);
    free(p);
}

/* ------------------------------------------------------------- look-up */

const char *ft_prices_source(const ft_prices *p)
{
    return p->source;
}

bool ft_prices_has(const ft_prices *p, const char *cur)
{
    const chain *s = find(p, cur);
    return s && s->nseg > 0;
}

bool ft_prices_range(const ft_prices *p, const char *cur, int *first, int *last)
{
    const chain *s = find(p, cur);
    if (!s || s->nseg == 0)
        return false;
    *first = s->seg[0].first;
    const segment *g = &s->seg[s->nseg - 1];
    *last = g->first + (int)g->n - 1;
    return true;
}

/* The segment holding year, or NULL. */
static const segment *segment_of(const chain *s, int year)
{
    for (size_t k = 0; k < s->nseg; k++) {
        const segment *g = &s->seg[k];
        if (year >= g->first && year - g->first < (int)g->n)
            return g;
    }
    return NULL;
}

bool ft_prices_ratio(const ft_prices *p, const char *cur, int from_year,
                     int to_year, double *out)
{
    const chain *s = find(p, cur);
    if (!s)
        return false;
    const segment *a = segment_of(s, from_year), *b = segment_of(s, to_year);
    if (!a || a != b)
        return false;
    *out = a->index[to_year - a->first] / a->index[from_year - a->first];
    return true;
}

bool ft_prices_index(const ft_prices *p, const char *cur, int year,
                     int base_year, double *out)
{
    double r;
    if (!ft_prices_ratio(p, cur, base_year, year, &r))
        return false;
    *out = 100 * r;
    return true;
}
