/* prices.c — price indices chained from inflation rates; ratios and
 * rebasing. */
#include "prices.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rates.h"
#include "table.h"

typedef struct {
    int year;
    double pct;
    long line;
} point;

/* A run of consecutive years: index[i] belongs to year first + i. */
typedef struct {
    int first;
    size_t n;
    double *index;
} segment;

typedef struct {
    char cur[4];
    point *pts;
    size_t npts, cap;
    segment *seg;
    size_t nseg;
} series;

struct ft_prices {
    series *s;
    size_t n, cap;
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

typedef struct {
    ft_prices *p;
    long col_year, col_cur, col_pct;
    size_t ncols;
} loader;

static series *find(const ft_prices *p, const char *cur)
{
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->s[i].cur, cur) == 0)
            return &p->s[i];
    return NULL;
}

static series *find_or_add(ft_prices *p, const char *cur)
{
    series *s = find(p, cur);
    if (s)
        return s;
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 16;
        series *ns = realloc(p->s, cap * sizeof *ns);
        if (!ns)
            return NULL;
        p->s = ns;
        p->cap = cap;
    }
    s = &p->s[p->n++];
    memset(s, 0, sizeof *s);
    memcpy(s->cur, cur, 4);
    return s;
}

static ft_status bad_row(ft_error *err, const char *fmt, const char *what)
{
    return ft_error_set(err, FT_ECONFIG, fmt, what);
}

static ft_status on_row(void *ctx, char *const *cells, const size_t *lens,
                        size_t n, long line, ft_error *err)
{
    (void)lens;
    loader *l = ctx;
    if (l->ncols == 0) { /* the header */
        static const char *want[] = {"year", "currency", "inflation_pct"};
        long *col[] = {&l->col_year, &l->col_cur, &l->col_pct};
        for (int i = 0; i < 3; i++) {
            *col[i] = ft_table_column(cells, n, want[i]);
            if (*col[i] == -2)
                return bad_row(err, "column '%s' named twice in the header",
                               want[i]);
            if (*col[i] < 0)
                return bad_row(err,
                               "no '%s' column in the header row (a prices "
                               "table has year, currency, inflation_pct)",
                               want[i]);
        }
        l->ncols = n;
        return FT_OK;
    }
    if (n != l->ncols)
        return ft_error_set(err, FT_ECONFIG,
                            "%zu cells where the header has %zu", n, l->ncols);
    const char *ys = cells[l->col_year], *cur = cells[l->col_cur],
               *vs = cells[l->col_pct];
    int year;
    double pct;
    if (!ft_table_parse_year(ys, &year))
        return bad_row(err, "year '%s' is not a year (1 to 9999)", ys);
    if (!ft_currency_code_valid(cur))
        return bad_row(err,
                       "currency '%s' is not an ISO 4217 code (three "
                       "capital letters)",
                       cur);
    if (!ft_table_parse_number(vs, &pct))
        return bad_row(err, "inflation '%s' is not a number (percent)", vs);
    if (pct <= -100)
        return bad_row(err,
                       "inflation '%s' is not above -100 (prices cannot "
                       "fall to nothing)",
                       vs);
    series *s = find_or_add(l->p, cur);
    if (!s)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (s->npts == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        point *np = realloc(s->pts, cap * sizeof *np);
        if (!np)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        s->pts = np;
        s->cap = cap;
    }
    s->pts[s->npts++] = (point){.year = year, .pct = pct, .line = line};
    return FT_OK;
}

static int cmp_point(const void *a, const void *b)
{
    const point *p = a, *q = b;
    if (p->year != q->year)
        return p->year < q->year ? -1 : 1;
    return p->line < q->line ? -1 : p->line > q->line;
}

/* Sort, refuse a year given twice, chain each run of consecutive years. */
static ft_status finish(series *s, const char *name, ft_error *err)
{
    qsort(s->pts, s->npts, sizeof *s->pts, cmp_point);
    for (size_t i = 1; i < s->npts; i++)
        if (s->pts[i].year == s->pts[i - 1].year) {
            ft_error_set(err, FT_ECONFIG,
                         "%s %d given twice (first on line %ld): one price "
                         "series per currency",
                         s->cur, s->pts[i].year, s->pts[i - 1].line);
            ft_error_at(err, name, s->pts[i].line);
            return FT_ECONFIG;
        }
    size_t runs = 0;
    for (size_t i = 0; i < s->npts; i++)
        if (i == 0 || s->pts[i].year != s->pts[i - 1].year + 1)
            runs++;
    s->seg = calloc(runs ? runs : 1, sizeof *s->seg);
    double *pct = malloc((s->npts ? s->npts : 1) * sizeof *pct);
    if (!s->seg || !pct) {
        free(pct);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < s->npts;) {
        size_t j = i + 1;
        while (j < s->npts && s->pts[j].year == s->pts[j - 1].year + 1)
            j++;
        segment *g = &s->seg[s->nseg++];
        g->first = s->pts[i].year - 1; /* the first rate reaches back */
        g->n = j - i + 1;
        if (!(g->index = malloc(g->n * sizeof *g->index))) {
            free(pct);
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        }
        for (size_t k = i; k < j; k++)
            pct[k - i] = s->pts[k].pct;
        ft_prices_chain(pct, j - i, g->index);
        i = j;
    }
    free(pct);
    (void)name;
    return FT_OK;
}

ft_status ft_prices_load_stream(FILE *in, const char *name, ft_prices **out,
                                ft_error *err)
{
    *out = NULL;
    ft_prices *p = calloc(1, sizeof *p);
    if (!p)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    loader l = {.p = p};
    ft_status st = ft_table_read(in, name, FT_ECONFIG, on_row, &l, err);
    for (size_t i = 0; st == FT_OK && i < p->n; i++)
        st = finish(&p->s[i], name, err);
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
    for (size_t i = 0; i < p->n; i++) {
        for (size_t k = 0; k < p->s[i].nseg; k++)
            free(p->s[i].seg[k].index);
        free(p->s[i].seg);
        free(p->s[i].pts);
    }
    free(p->s);
    free(p);
}

/* ------------------------------------------------------------- look-up */

bool ft_prices_has(const ft_prices *p, const char *cur)
{
    const series *s = find(p, cur);
    return s && s->nseg > 0;
}

bool ft_prices_range(const ft_prices *p, const char *cur, int *first, int *last)
{
    const series *s = find(p, cur);
    if (!s || s->nseg == 0)
        return false;
    *first = s->seg[0].first;
    const segment *g = &s->seg[s->nseg - 1];
    *last = g->first + (int)g->n - 1;
    return true;
}

/* The segment holding year, or NULL. */
static const segment *segment_of(const series *s, int year)
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
    const series *s = find(p, cur);
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
