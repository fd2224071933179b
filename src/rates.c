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

/* The interpolation of a series, beside it: xs[i] and ys[i] are the year
 * and value of the series' point i, for GSL. */
typedef struct {
    double *xs, *ys;
    gsl_interp *interp; /* linear; NULL when fewer than two years */
} curve;

struct ft_rates {
    char source[256]; /* the file name, for "which table" notes */
    ft_annual t;      /* the series, in code order once loaded */
    curve *curves; /* curves[i] belongs to t.s[i] */
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

static ft_status rate_value(const char *cur, const char *cell, double *out,
                            bool *keep, ft_error *err)
{
    if (!ft_table_parse_number(cell, out))
        return ft_error_set(err, FT_ECONFIG, "rate '%s' %s", cell,
                            ft_table_number_why(cell));
    if (*out <= 0)
        return ft_error_set(err, FT_ECONFIG,
                            "rate '%s' is not positive (units of the currency "
                            "per US dollar)",
                            cell);
    /* Bounded so that a cross rate (a quotient of two rates) times any
     * amount convert accepts stays a finite, non-zero double: past these
     * a figure would convert to 0 or to nothing without a flag.  Real
     * rates lie far inside (the smallest in the World Bank table is about
     * 1e-13, the largest 1e5). */
    if (*out < FT_RATE_MIN || *out > FT_RATE_MAX)
        return ft_error_set(err, FT_ECONFIG,
                            "rate '%s' is out of range (units of the "
                            "currency per US dollar lie between %g and %g)",
                            cell, FT_RATE_MIN, FT_RATE_MAX);
    if (strcmp(cur, "USD") == 0) {
        if (*out != 1)
            return ft_error_set(err, FT_ECONFIG,
                                "a USD rate of '%s': the dollar is 1 by "
                                "definition",
                                cell);
        *keep = false; /* harmless: the base */
    }
    return FT_OK;
}

static const ft_annual_spec rates_spec = {
    .table = "rates",
    .column = "units_per_usd",
    .twice = "",
    .currency_ok = ft_currency_code_valid,
    .value = rate_value,
};

static const ft_annual_series *find(const ft_rates *r, const char *cur)
{
    return ft_annual_find(&r->t, cur);
}

static int cmp_series(const void *a, const void *b)
{
    return strcmp(((const ft_annual_series *)a)->cur,
                  ((const ft_annual_series *)b)->cur);
}

/* Set up GSL's interpolation of a series (sorted, each year once). */
static ft_status fit(const ft_annual_series *s, curve *c, const char *name,
                     ft_error *err)
{
    c->xs = malloc((s->n ? s->n : 1) * sizeof *c->xs);
    c->ys = malloc((s->n ? s->n : 1) * sizeof *c->ys);
    if (!c->xs || !c->ys)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    for (size_t i = 0; i < s->n; i++) {
        c->xs[i] = s->pts[i].year;
        c->ys[i] = s->pts[i].value;
    }
    if (s->n < 2)
        return FT_OK;
    c->interp = gsl_interp_alloc(gsl_interp_linear, s->n);
    if (!c->interp)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    int gs = gsl_interp_init(c->interp, c->xs, c->ys, s->n);
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
    ft_table_source_name(name, r->source, sizeof r->source);
    ft_status st = ft_table_load_annual(in, name, &rates_spec, &r->t, err);
    if (st == FT_OK) {
        if (r->t.n > 1)
            qsort(r->t.s, r->t.n, sizeof *r->t.s, cmp_series);
        r->curves = calloc(r->t.n ? r->t.n : 1, sizeof *r->curves);
        if (!r->curves)
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    for (size_t i = 0; st == FT_OK && i < r->t.n; i++)
        st = fit(&r->t.s[i], &r->curves[i], name, err);
    if (st != FT_OK) {
        ft_rates_free(r);
        return st;
    }
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
    for (size_t i = 0; r->curves && i < r->t.n; i++) {
        gsl_interp_free(r->curves[i].interp);
        free(r->curves[i].xs);
        free(r->curves[i].ys);
    }
    free(r->curves);
    ft_annual_free(&r->t);
    free(r);
}

/* ------------------------------------------------------------- look-up */

static bool is_usd(const char *cur)
{
    return strcmp(cur, "USD") == 0;
}

const char *ft_rates_source(const ft_rates *r)
{
    return r->source;
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
    const ft_annual_series *s = find(r, cur);
    if (!s || s->n == 0)
        return false;
    *first = s->pts[0].year;
    *last = s->pts[s->n - 1].year;
    return true;
}

/* The value of s at a year inside its range: its own or interpolated. */
static ft_status at_year(const ft_rates *r, const ft_annual_series *s, int year,
                         ft_rate *out, ft_error *err)
{
    const curve *c = &r->curves[s - r->t.s];
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
    int gs = gsl_interp_eval_e(c->interp, c->xs, c->ys, (double)year, NULL, &v);
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
    const ft_annual_series *s = find(r, cur);
    if (!s || s->n == 0)
        return FT_OK;
    int first = s->pts[0].year, last = s->pts[s->n - 1].year;
    if (year >= first && year <= last)
        return at_year(r, s, year, out, err);
    if (!nearest)
        return FT_OK;
    ft_status st = at_year(r, s, year < first ? first : last, out, err);
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
    for (size_t i = 0; i <= r->t.n; i++) {
        const char *cur = i < r->t.n ? r->t.s[i].cur : NULL;
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
