/* rates.c — exchange-rate tables: loading, look-up, interpolation (GSL),
 * cross rates through the US dollar. */
#include "rates.h"

#include <errno.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"

/* The far ends of the years a table may hold; USD covers them all. */
#define YEAR_MIN 1
#define YEAR_MAX 9999

typedef struct {
    int year;
    double value;
    long line; /* where it was read, for messages */
} point;

typedef struct {
    char cur[4];
    point *pts;
    size_t n, cap;
    double *xs, *ys;    /* years and values, in year order, for GSL */
    gsl_interp *interp; /* linear; NULL when fewer than two years */
} series;

struct ft_rates {
    series *s; /* in code order once loaded */
    size_t n, cap;
};

/* ---------------------------------------------------------- currencies */

bool ft_currency_code_valid(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return s[3] == '\0';
}

/* ISO 4217 codes in use (iso-codes 4.15), codes withdrawn since the 1970s
 * that old figures may carry, and BTC, which the extractor writes for
 * bitcoin.  Sorted: looked up by binary search. */
static const char known_codes[][4] = {
    "ADP", "AED", "AFA", "AFN", "ALK", "ALL", "AMD", "ANG", "AOA", "AOK", "AON",
    "AOR", "ARA", "ARP", "ARS", "ARY", "ATS", "AUD", "AWG", "AYM", "AZM", "AZN",
    "BAD", "BAM", "BBD", "BDT", "BEC", "BEF", "BEL", "BGJ", "BGK", "BGL", "BGN",
    "BHD", "BIF", "BMD", "BND", "BOB", "BOP", "BOV", "BRB", "BRC", "BRE", "BRL",
    "BRN", "BRR", "BSD", "BTC", "BTN", "BUK", "BWP", "BYB", "BYN", "BYR", "BZD",
    "CAD", "CDF", "CHC", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU",
    "CRC", "CSD", "CSJ", "CSK", "CUC", "CUP", "CVE", "CYP", "CZK", "DDM", "DEM",
    "DJF", "DKK", "DOP", "DZD", "ECS", "ECV", "EEK", "EGP", "ERN", "ESA", "ESB",
    "ESP", "ETB", "EUR", "FIM", "FJD", "FKP", "FRF", "GBP", "GEK", "GEL", "GHC",
    "GHP", "GHS", "GIP", "GMD", "GNE", "GNF", "GNS", "GQE", "GRD", "GTQ", "GWE",
    "GWP", "GYD", "HKD", "HNL", "HRD", "HRK", "HTG", "HUF", "IDR", "IEP", "ILP",
    "ILR", "ILS", "INR", "IQD", "IRR", "ISJ", "ISK", "ITL", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAJ", "LAK",
    "LBP", "LKR", "LRD", "LSL", "LSM", "LTL", "LTT", "LUC", "LUF", "LUL", "LVL",
    "LVR", "LYD", "MAD", "MDL", "MGA", "MGF", "MKD", "MLF", "MMK", "MNT", "MOP",
    "MRO", "MRU", "MTL", "MTP", "MUR", "MVQ", "MVR", "MWK", "MXN", "MXP", "MXV",
    "MYR", "MZE", "MZM", "MZN", "NAD", "NGN", "NIC", "NIO", "NLG", "NOK", "NPR",
    "NZD", "OMR", "PAB", "PEH", "PEI", "PEN", "PES", "PGK", "PHP", "PKR", "PLN",
    "PLZ", "PTE", "PYG", "QAR", "RHD", "ROK", "ROL", "RON", "RSD", "RUB", "RUR",
    "RWF", "SAR", "SBD", "SCR", "SDD", "SDG", "SDP", "SEK", "SGD", "SHP", "SIT",
    "SKK", "SLE", "SLL", "SOS", "SRD", "SRG", "SSP", "STD", "STN", "SUR", "SVC",
    "SYP", "SZL", "THB", "TJR", "TJS", "TMM", "TMT", "TND", "TOP", "TPE", "TRL",
    "TRY", "TTD", "TWD", "TZS", "UAH", "UAK", "UGS", "UGW", "UGX", "USD", "USN",
    "USS", "UYI", "UYN", "UYP", "UYU", "UYW", "UZS", "VEB", "VED", "VEF", "VES",
    "VNC", "VND", "VUV", "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD",
    "XCD", "XDR", "XEU", "XFO", "XFU", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS",
    "XUA", "XXX", "YDD", "YER", "YUD", "YUM", "YUN", "ZAL", "ZAR", "ZMK", "ZMW",
    "ZRN", "ZRZ", "ZWC", "ZWD", "ZWL", "ZWN", "ZWR",
};

static int cmp_code(const void *a, const void *b)
{
    return strcmp(a, b);
}

bool ft_currency_known(const char *s)
{
    if (!ft_currency_code_valid(s))
        return false;
    return bsearch(s, known_codes, sizeof known_codes / sizeof known_codes[0],
                   sizeof known_codes[0], cmp_code) != NULL;
}

/* -------------------------------------------------------------- loading */

typedef struct {
    ft_rates *r;
    long col_year, col_cur, col_value;
    size_t ncols;
} loader;

static series *find(const ft_rates *r, const char *cur)
{
    /* Few series (tens): a linear search is quick enough and keeps the
     * loading order free. */
    for (size_t i = 0; i < r->n; i++)
        if (strcmp(r->s[i].cur, cur) == 0)
            return &r->s[i];
    return NULL;
}

static series *find_or_add(ft_rates *r, const char *cur)
{
    series *s = find(r, cur);
    if (s)
        return s;
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        series *ns = realloc(r->s, cap * sizeof *ns);
        if (!ns)
            return NULL;
        r->s = ns;
        r->cap = cap;
    }
    s = &r->s[r->n++];
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
        static const char *want[] = {"year", "currency", "units_per_usd"};
        long *col[] = {&l->col_year, &l->col_cur, &l->col_value};
        for (int i = 0; i < 3; i++) {
            *col[i] = ft_table_column(cells, n, want[i]);
            if (*col[i] == -2)
                return bad_row(err, "column '%s' named twice in the header",
                               want[i]);
            if (*col[i] < 0)
                return bad_row(err,
                               "no '%s' column in the header row (a rates "
                               "table has year, currency, units_per_usd)",
                               want[i]);
        }
        l->ncols = n;
        return FT_OK;
    }
    if (n != l->ncols)
        return ft_error_set(err, FT_ECONFIG,
                            "%zu cells where the header has %zu", n, l->ncols);
    const char *ys = cells[l->col_year], *cur = cells[l->col_cur],
               *vs = cells[l->col_value];
    int year;
    double value;
    if (!ft_table_parse_year(ys, &year))
        return bad_row(err, "year '%s' is not a year (1 to 9999)", ys);
    if (!ft_currency_code_valid(cur))
        return bad_row(err,
                       "currency '%s' is not an ISO 4217 code (three "
                       "capital letters)",
                       cur);
    if (!ft_table_parse_number(vs, &value))
        return bad_row(err, "rate '%s' is not a number", vs);
    if (value <= 0)
        return bad_row(err,
                       "rate '%s' is not positive (units of the currency "
                       "per US dollar)",
                       vs);
    if (strcmp(cur, "USD") == 0) {
        if (value != 1)
            return bad_row(err,
                           "a USD rate of '%s': the dollar is 1 by "
                           "definition",
                           vs);
        return FT_OK; /* harmless: the base */
    }
    series *s = find_or_add(l->r, cur);
    if (!s)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        point *np = realloc(s->pts, cap * sizeof *np);
        if (!np)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        s->pts = np;
        s->cap = cap;
    }
    s->pts[s->n++] = (point){.year = year, .value = value, .line = line};
    return FT_OK;
}

static int cmp_point(const void *a, const void *b)
{
    const point *p = a, *q = b;
    if (p->year != q->year)
        return p->year < q->year ? -1 : 1;
    return p->line < q->line ? -1 : p->line > q->line;
}

static int cmp_series(const void *a, const void *b)
{
    return strcmp(((const series *)a)->cur, ((const series *)b)->cur);
}

/* Sort a series, refuse a year given twice, set up GSL's interpolation. */
static ft_status finish(series *s, const char *name, ft_error *err)
{
    qsort(s->pts, s->n, sizeof *s->pts, cmp_point);
    for (size_t i = 1; i < s->n; i++)
        if (s->pts[i].year == s->pts[i - 1].year) {
            ft_error_set(err, FT_ECONFIG,
                         "%s %d given twice (first on line %ld)", s->cur,
                         s->pts[i].year, s->pts[i - 1].line);
            ft_error_at(err, name, s->pts[i].line);
            return FT_ECONFIG;
        }
    s->xs = malloc(s->n * sizeof *s->xs);
    s->ys = malloc(s->n * sizeof *s->ys);
    if (!s->xs || !s->ys)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->n; i++) {
        s->xs[i] = s->pts[i].year;
        s->ys[i] = s->pts[i].value;
    }
    if (s->n < 2)
        return FT_OK;
    s->interp = gsl_interp_alloc(gsl_interp_linear, s->n);
    if (!s->interp)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    int gs = gsl_interp_init(s->interp, s->xs, s->ys, s->n);
    if (gs != GSL_SUCCESS) {
        ft_error_set(err, FT_ECONFIG, "%s: interpolation: %s", s->cur,
                     gsl_strerror(gs));
        ft_error_at(err, name, 0);
        return FT_ECONFIG;
    }
    return FT_OK;
}

ft_status ft_rates_load_stream(FILE *in, const char *name, ft_rates **out,
                               ft_error *err)
{
    *out = NULL;
    ft_rates *r = calloc(1, sizeof *r);
    if (!r)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    loader l = {.r = r};
    ft_status st = ft_table_read(in, name, FT_ECONFIG, on_row, &l, err);
    for (size_t i = 0; st == FT_OK && i < r->n; i++)
        st = finish(&r->s[i], name, err);
    if (st != FT_OK) {
        ft_rates_free(r);
        return st;
    }
    if (r->n > 1)
        qsort(r->s, r->n, sizeof *r->s, cmp_series);
    *out = r;
    return FT_OK;
}

ft_status ft_rates_load(const char *path, ft_rates **out, ft_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        ft_error_set(err, FT_ENOINPUT, "cannot open the rates table: %s",
                     strerror(errno));
        ft_error_at(err, path, 0);
        return FT_ENOINPUT;
    }
    ft_status st = ft_rates_load_stream(f, path, out, err);
    fclose(f);
    return st;
}

void ft_rates_free(ft_rates *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++) {
        gsl_interp_free(r->s[i].interp);
        free(r->s[i].pts);
        free(r->s[i].xs);
        free(r->s[i].ys);
    }
    free(r->s);
    free(r);
}

/* ------------------------------------------------------------- look-up */

static bool is_usd(const char *cur)
{
    return strcmp(cur, "USD") == 0;
}

bool ft_rates_has(const ft_rates *r, const char *cur)
{
    return is_usd(cur) || find(r, cur) != NULL;
}

bool ft_rates_range(const ft_rates *r, const char *cur, int *first, int *last)
{
    if (is_usd(cur)) {
        *first = YEAR_MIN;
        *last = YEAR_MAX;
        return true;
    }
    const series *s = find(r, cur);
    if (!s || s->n == 0)
        return false;
    *first = s->pts[0].year;
    *last = s->pts[s->n - 1].year;
    return true;
}

/* The value of s at a year inside its range: its own or interpolated. */
static ft_status at_year(const series *s, int year, ft_rate *out, ft_error *err)
{
    size_t lo = 0, hi = s->n; /* binary search for the year */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->pts[mid].year < year)
            lo = mid + 1;
        else
            hi = mid;
    }
    out->year = year;
    if (lo < s->n && s->pts[lo].year == year) {
        out->value = s->pts[lo].value;
        out->basis = FT_RATE_YEAR;
        return FT_OK;
    }
    double v;
    int gs = gsl_interp_eval_e(s->interp, s->xs, s->ys, (double)year, NULL, &v);
    if (gs != GSL_SUCCESS)
        return ft_error_set(err, FT_EDATA, "%s %d: interpolation: %s", s->cur,
                            year, gsl_strerror(gs));
    out->value = v;
    out->basis = FT_RATE_INTERPOLATED;
    return FT_OK;
}

ft_status ft_rates_lookup(const ft_rates *r, const char *cur, int year,
                          bool nearest, ft_rate *out, ft_error *err)
{
    *out = (ft_rate){0};
    if (is_usd(cur)) {
        *out = (ft_rate){.value = 1, .year = year, .basis = FT_RATE_YEAR};
        return FT_OK;
    }
    const series *s = find(r, cur);
    if (!s || s->n == 0)
        return FT_OK;
    int first = s->pts[0].year, last = s->pts[s->n - 1].year;
    if (year >= first && year <= last)
        return at_year(s, year, out, err);
    if (!nearest)
        return FT_OK;
    ft_status st = at_year(s, year < first ? first : last, out, err);
    out->basis = FT_RATE_NEAREST;
    return st;
}

ft_status ft_rates_cross(const ft_rates *r, const char *from, const char *to,
                         int year, bool nearest, ft_rate *out, ft_error *err)
{
    *out = (ft_rate){0};
    if (strcmp(from, to) == 0) {
        *out = (ft_rate){.value = 1, .year = year, .basis = FT_RATE_YEAR};
        return FT_OK;
    }
    int f1, l1, f2, l2;
    if (!ft_rates_range(r, from, &f1, &l1) || !ft_rates_range(r, to, &f2, &l2))
        return FT_OK;
    int lo = f1 > f2 ? f1 : f2, hi = l1 < l2 ? l1 : l2;
    if (lo > hi)
        return FT_OK; /* no year in common */
    int y = year;
    bool outside = y < lo || y > hi;
    if (outside) {
        if (!nearest)
            return FT_OK;
        y = y < lo ? lo : hi;
    }
    ft_rate a, b;
    ft_status st;
    if ((st = ft_rates_lookup(r, from, y, false, &a, err)) != FT_OK ||
        (st = ft_rates_lookup(r, to, y, false, &b, err)) != FT_OK)
        return st;
    out->value = b.value / a.value;
    out->year = y;
    out->basis =
        outside ? FT_RATE_NEAREST
        : a.basis == FT_RATE_INTERPOLATED || b.basis == FT_RATE_INTERPOLATED
            ? FT_RATE_INTERPOLATED
            : FT_RATE_YEAR;
    return FT_OK;
}

void ft_rates_list(const ft_rates *r, char *buf, size_t n)
{
    size_t at = 0;
    bool usd_done = false;
    if (n == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; i <= r->n; i++) {
        const char *cur = i < r->n ? r->s[i].cur : NULL;
        if (!usd_done && (!cur || strcmp(cur, "USD") > 0)) {
            int k = snprintf(buf + at, n - at, "%sUSD", at ? " " : "");
            if (k < 0 || (size_t)k >= n - at)
                return;
            at += (size_t)k;
            usd_done = true;
        }
        if (!cur)
            break;
        int k = snprintf(buf + at, n - at, "%s%s", at ? " " : "", cur);
        if (k < 0 || (size_t)k >= n - at)
            return;
        at += (size_t)k;
    }
}

const char *ft_rate_basis_name(ft_rate_basis b)
{
    switch (b) {
    case FT_RATE_YEAR:
        return "year";
    case FT_RATE_INTERPOLATED:
        return "interpolated";
    case FT_RATE_NEAREST:
        return "nearest";
    case FT_RATE_NONE:
        break;
    }
    return "";
}
