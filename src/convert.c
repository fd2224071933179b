/* convert.c — figures in one currency, nominal and at constant prices;
 * figures.csv in, figures.csv with the normalised columns out. */
#include "convert.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "csvio.h"
#include "number.h"
#include "outfile.h"
#include "table.h"
#include "text.h"

const char *const ft_convert_columns[FT_CONVERT_NCOLUMNS] = {
    "to_currency",         "amount_nominal",    "rate",
    "rate_year",           "rate_basis",        "amount_constant",
    "constant_year",       "price_index_ratio", "amount_max_nominal",
    "amount_max_constant",
};

/* ---------------------------------------------------------- formatting */

/* Drop trailing fractional zeros and a trailing '.'; "-0" becomes "0". */
static size_t trim_number(char *s, size_t len)
{
    if (memchr(s, '.', len)) {
        while (len > 0 && s[len - 1] == '0')
            len--;
        if (len > 0 && s[len - 1] == '.')
            len--;
    }
    s[len] = '\0';
    if (strcmp(s, "-0") == 0) {
        s[0] = '0';
        s[1] = '\0';
        len = 1;
    }
    return len;
}

static size_t copy_out(const char *s, size_t len, char *buf, size_t n)
{
    if (n > 0) {
        size_t k = len < n - 1 ? len : n - 1;
        memcpy(buf, s, k);
        buf[k] = '\0';
    }
    return len;
}

/* The largest amount convert accepts (exit 65 beyond it). */
#define MAX_AMOUNT 1e200

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 u128;

/* |v| * 10^decimals rounded to an integer as glibc's printf rounds it
 * (the exact binary value, a tie to even) into *q: false when v is
 * subnormal or the product or *q outgrows what is checked here (then
 * snprintf does it).  |v| = m * 2^e exactly, so the product m * 10^d is
 * an integer, exact in 128 bits while d <= 22. */
static bool scaled_round(double v, int decimals, uint64_t *q)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7ff);
    uint64_t m = bits & ((1ULL << 52) - 1);
    if (biased == 0 && m == 0) {
        *q = 0;
        return true;
    }
    if (biased == 0 || biased == 0x7ff || decimals < 0 || decimals > 22)
        return false;
    m |= 1ULL << 52;
    int e = biased - 1075; /* |v| = m * 2^e */
    u128 p = decimals <= 19
                 ? (u128)ft_pow10_u64[decimals]
                 : (u128)ft_pow10_u64[19] * ft_pow10_u64[decimals - 19];
    u128 n = (u128)m * p; /* < 2^53 * 10^22 < 2^127 */
    u128 r;
    if (e >= 0) {
        if (e >= 64 || n >> (64 - e) != 0)
            return false; /* n << e would pass 2^64 */
        r = n << e;
    } else if (e <= -128) {
        r = 0; /* n < 2^127, below half of 2^-e */
    } else {
        int s = -e;
        r = n >> s;
        u128 rest = n & (((u128)1 << s) - 1), half = (u128)1 << (s - 1);
        if (rest > half || (rest == half && (r & 1)))
            r++;
    }
    if (r >> 64 != 0)
        return false;
    *q = (uint64_t)r;
    return true;
}
#else
static bool scaled_round(double v, int decimals, uint64_t *q)
{
    (void)v, (void)decimals, (void)q;
    return false;
}
#endif

/* What snprintf's "%.*f" and trim_number make of v, without snprintf
 * (4 in 5 of the numbers convert writes; snprintf was a fifth of its
 * time): false when scaled_round cannot do it. */
static bool fixed_fast(double v, int decimals, char *out, size_t *len)
{
    uint64_t q;
    if (!scaled_round(v, decimals, &q))
        return false;
    char tmp[48];
    char *end = tmp + sizeof tmp, *p = end;
    int d = decimals;
    while (d > 0 && q % 10 == 0) { /* trailing fractional zeros */
        q /= 10;
        d--;
    }
    for (; d > 0; d--) {
        *--p = (char)('0' + q % 10);
        q /= 10;
    }
    if (p != end)
        *--p = '.';
    do {
        *--p = (char)('0' + q % 10);
        q /= 10;
    } while (q);
    if (signbit(v) && !(p[0] == '0' && p + 1 == end))
        *--p = '-'; /* "-0" is "0" */
    *len = (size_t)(end - p);
    memcpy(out, p, *len);
    out[*len] = '\0';
    return true;
}

size_t ft_convert_format_money(double v, char *buf, size_t n)
{
    char tmp[512];
    if (!isfinite(v) || fabs(v) >= 1e300)
        return copy_out("", 0, buf, n);
    size_t len;
    if (fixed_fast(v, 2, tmp, &len))
        return copy_out(tmp, len, buf, n);
    int k = snprintf(tmp, sizeof tmp, "%.2f", v);
    if (k < 0 || (size_t)k >= sizeof tmp)
        return copy_out("", 0, buf, n);
    return copy_out(tmp, trim_number(tmp, (size_t)k), buf, n);
}

size_t ft_convert_format_ratio(double v, char *buf, size_t n)
{
    char tmp[512];
    if (!isfinite(v) || fabs(v) >= 1e300)
        return copy_out("", 0, buf, n);
    int decimals = 0;
    if (v != 0) {
        decimals = 9 - (int)floor(log10(fabs(v)));
        if (decimals < 0)
            decimals = 0;
        if (decimals > 40)
            decimals = 40;
    }
    size_t len;
    if (fixed_fast(v, decimals, tmp, &len))
        return copy_out(tmp, len, buf, n);
    int k = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    if (k < 0 || (size_t)k >= sizeof tmp)
        return copy_out("", 0, buf, n);
    return copy_out(tmp, trim_number(tmp, (size_t)k), buf, n);
}

/* ---------------------------------------------------------- one amount */

/* "1960-2025", or "" when cur has no rates. */
static void pair_cover(const ft_rates *r, const char *from, const char *to,
                       char *buf, size_t n)
{
    int f1, l1, f2, l2;
    buf[0] = '\0';
    if (!ft_rates_range(r, from, &f1, &l1) || !ft_rates_range(r, to, &f2, &l2))
        return;
    int lo = f1 > f2 ? f1 : f2, hi = l1 < l2 ? l1 : l2;
    if (lo > hi)
        snprintf(buf, n, "no year in common");
    else
        snprintf(buf, n, "the tables cover %d-%d", lo, hi);
}

/* Why no rate from -> to in year: filled into why. */
static void no_rate_why(const ft_rates *r, const char *from, const char *to,
                        int year, const char *what, char *why, size_t n)
{
    if (!ft_rates_has(r, from) || !ft_rates_has(r, to)) {
        snprintf(why, n, "no rates for %s", ft_rates_has(r, from) ? to : from);
        return;
    }
    char cover[64];
    pair_cover(r, from, to, cover, sizeof cover);
    snprintf(why, n, "no %s->%s rate for %s%d (%s)", from, to, what, year,
             cover);
    /* The constant year is the user's choice: name the one to choose. */
    int f1, l1, f2, l2;
    if (*what && ft_rates_range(r, from, &f1, &l1) &&
        ft_rates_range(r, to, &f2, &l2)) {
        int lo = f1 > f2 ? f1 : f2, hi = l1 < l2 ? l1 : l2;
        size_t used = strlen(why);
        if (lo <= hi && (year > hi || year < lo) && used < n)
            snprintf(why + used, n - used,
                     "; use --constant %d or update the datasets",
                     year > hi ? hi : lo);
    }
}

/* A factor (rate or price ratio) that is finite and above 0, and results
 * that are finite. */
static bool usable(double factor, double v, double v_max)
{
    return isfinite(factor) && factor > 0 && isfinite(v) && isfinite(v_max);
}

ft_status ft_convert_amount(const ft_convert_opts *o, const char *cur, int year,
                            double amount, const double *amount_max,
                            ft_conversion *out, ft_error *err)
{
    memset(out, 0, sizeof *out);
    ft_status st;
    if (!cur[0]) {
        snprintf(out->rate_why, sizeof out->rate_why, "no currency");
        return FT_OK;
    }
    /* Nominal. */
    if (strcmp(cur, o->to) == 0) { /* the same currency: any year */
        out->has_nominal = true;
        out->rate = (ft_rate){.value = 1,
                              .year = year,
                              .basis = year ? FT_RATE_YEAR : FT_RATE_NONE};
    } else if (year == 0) {
        snprintf(out->rate_why, sizeof out->rate_why,
                 "no year and no publication date");
    } else {
        if ((st = ft_rates_cross(o->rates, cur, o->to, year, o->nearest,
                                 &out->rate, err)) != FT_OK)
            return st;
        if (out->rate.basis == FT_RATE_NONE)
            no_rate_why(o->rates, cur, o->to, year, "", out->rate_why,
                        sizeof out->rate_why);
        else
            out->has_nominal = true;
    }
    if (out->has_nominal) {
        out->nominal = amount * out->rate.value;
        if (amount_max)
            out->nominal_max = *amount_max * out->rate.value;
        /* Tables at their edge (a cross rate that left the doubles, an
         * interpolation gone wrong) must flag the figure, never give an
         * empty cell or a rate of 0 as if converted. */
        if (!usable(out->rate.value, out->nominal, out->nominal_max)) {
            snprintf(out->rate_why, sizeof out->rate_why,
                     "the rate of %s to %s in %d is out of range (%g)", cur,
                     o->to, out->rate.year, out->rate.value);
            out->has_nominal = false;
            out->nominal = out->nominal_max = 0;
        }
    }
    if (!o->constant_year || !o->prices)
        return FT_OK;

    /* Constant prices: deflate in cur, then the base year's rate. */
    int base = o->constant_year;
    if (year == 0) {
        if (!out->rate_why[0])
            snprintf(out->price_why, sizeof out->price_why,
                     "no year and no publication date");
        return FT_OK;
    }
    double ratio;
    if (!ft_prices_ratio(o->prices, cur, year, base, &ratio)) {
        int first, last;
        if (!ft_prices_range(o->prices, cur, &first, &last))
            snprintf(out->price_why, sizeof out->price_why,
                     "no price index for %s", cur);
        else if (base > last || base < first)
            /* Every figure of the currency fails alike: say which table
             * ends where and what to do, once. */
            snprintf(out->price_why, sizeof out->price_why,
                     "the %s price index %s in %d, %s the constant year %d; "
                     "use --constant %d or update the datasets",
                     cur, base > last ? "ends" : "starts",
                     base > last ? last : first,
                     base > last ? "before" : "after", base,
                     base > last ? last : first);
        else if (year < first || year > last)
            snprintf(out->price_why, sizeof out->price_why,
                     "no %s price index for %d (the prices cover %d-%d)", cur,
                     year, first, last);
        else
            snprintf(out->price_why, sizeof out->price_why,
                     "no %s price index linking %d and %d (a year is "
                     "missing between them)",
                     cur, year, base);
        return FT_OK;
    }
    ft_rate at_base;
    if ((st = ft_rates_cross(o->rates, cur, o->to, base, false, &at_base,
                             err)) != FT_OK)
        return st;
    if (at_base.basis == FT_RATE_NONE) {
        if (!out->rate_why[0])
            no_rate_why(o->rates, cur, o->to, base, "the constant year ",
                        out->rate_why, sizeof out->rate_why);
        return FT_OK;
    }
    if (!usable(at_base.value, amount * at_base.value,
                amount_max ? *amount_max * at_base.value : 0)) {
        if (!out->rate_why[0])
            snprintf(out->rate_why, sizeof out->rate_why,
                     "the rate of %s to %s in the constant year %d is out of "
                     "range (%g)",
                     cur, o->to, base, at_base.value);
        return FT_OK;
    }
    double constant = amount * ratio * at_base.value,
           constant_max = amount_max ? *amount_max * ratio * at_base.value : 0;
    if (!usable(ratio, constant, constant_max)) {
        snprintf(out->price_why, sizeof out->price_why,
                 "the %s price index from %d to %d is out of range (%g)", cur,
                 year, base, ratio);
        return FT_OK;
    }
    out->has_constant = true;
    out->price_ratio = ratio;
    out->constant = constant;
    out->constant_max = constant_max;
    return FT_OK;
}

ft_status ft_convert_check_reported(const ft_rates *r, const char *cur,
                                    double amount, const char *rep_cur,
                                    double reported, int pub_year,
                                    bool *checked, bool *mismatch,
                                    ft_error *err)
{
    *checked = *mismatch = false;
    if (!cur[0] || !rep_cur[0] || pub_year == 0)
        return FT_OK;
    ft_rate rate;
    ft_status st = ft_rates_cross(r, cur, rep_cur, pub_year, true, &rate, err);
    if (st != FT_OK)
        return st;
    if (rate.basis == FT_RATE_NONE || abs(rate.year - pub_year) > 1)
        return FT_OK;
    double expected = fabs(amount * rate.value);
    if (!(expected > 0))
        return FT_OK;
    *checked = true;
    *mismatch =
        fabs(fabs(reported) - expected) > FT_CONVERT_MISMATCH * expected;
    return FT_OK;
}

/* ---------------------------------------------------------- figures.csv */

enum {
    C_AMOUNT,
    C_AMOUNT_MAX,
    C_CURRENCY,
    C_REPORTED,
    C_REPORTED_CURRENCY,
    C_YEAR,
    C_PUBLISHED,
    C_FLAGS,
    NCOLS
};

static const char *const col_names[NCOLS] = {
    "amount", "amount_max", "currency", "reported_amount", "reported_currency",
    "year",   "published",  "flags",
};

/* A distinct problem, for the warnings at the end. */
typedef struct {
    char why[160];
    const char *flag;
    long count, first_line;
} problem;

typedef struct {
    const ft_convert_opts *o;
    const char *name;
    bool writing;
    ft_csvio w;
    size_t ncols; /* cells in the header; 0 before it */
    long col[NCOLS];
    ft_buf flags;
    problem *probs;
    size_t nprobs, capprobs;
    ft_convert_counts counts;
} run;

/* [-]digits[.digits], all of s[0..n). */
static bool plain_number(const char *s, size_t n)
{
    size_t i = 0;
    if (i < n && s[i] == '-')
        i++;
    size_t d = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d)
        return false;
    if (i < n && s[i] == '.') {
        size_t f = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == f)
            return false;
    }
    return i == n;
}

/* The value of a plain_number s[0..n), NUL-terminated: strtod's, without
 * strtod for the short ones (nearly all). */
static double plain_value(const char *s, size_t n)
{
    double v;
    return ft_decimal_parse_double(s, n, &v) ? v : strtod(s, NULL);
}

static ft_status bad(ft_error *err, const char *fmt, const char *what)
{
    return ft_error_set(err, FT_EDATA, fmt, what);
}

static ft_status note_problem(run *r, const char *why, const char *flag,
                              long line, ft_error *err)
{
    for (size_t i = 0; i < r->nprobs; i++)
        if (r->probs[i].flag == flag && strcmp(r->probs[i].why, why) == 0) {
            r->probs[i].count++;
            return FT_OK;
        }
    if (r->nprobs == r->capprobs) {
        size_t cap = r->capprobs ? r->capprobs * 2 : 8;
        problem *np = realloc(r->probs, cap * sizeof *np);
        if (!np)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        r->probs = np;
        r->capprobs = cap;
    }
    problem *p = &r->probs[r->nprobs++];
    snprintf(p->why, sizeof p->why, "%s", why);
    p->flag = flag;
    p->count = 1;
    p->first_line = line;
    return FT_OK;
}

static bool has_flag(const char *flags, size_t n, const char *flag)
{
    size_t fl = strlen(flag);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && flags[j] != ';')
            j++;
        if (j - i == fl && memcmp(flags + i, flag, fl) == 0)
            return true;
        i = j + 1;
    }
    return false;
}

/* The flags cell with convert's flags added: conversion_mismatch where
 * extract would put it (after ambiguous_currency and currency_inferred),
 * no_rate and no_price_index at the end; none twice. */
static ft_status build_flags(ft_buf *b, const char *flags, size_t n,
                             bool mismatch, bool no_rate, bool no_price)
{
    ft_buf_clear(b);
    if (ft_buf_reserve(b, n + 48) != FT_OK)
        return FT_ENOMEM;
    bool put_mismatch = mismatch && !has_flag(flags, n, "conversion_mismatch");
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && flags[j] != ';')
            j++;
        size_t len = j - i;
        bool early =
            (len == 18 && memcmp(flags + i, "ambiguous_currency", 18) == 0) ||
            (len == 17 && memcmp(flags + i, "currency_inferred", 17) == 0);
        if (len > 0) {
            if (put_mismatch && !early) {
                ft_buf_append(b, b->len ? ";" : "", b->len ? 1 : 0);
                ft_buf_append(b, "conversion_mismatch", 19);
                put_mismatch = false;
            }
            ft_buf_append(b, b->len ? ";" : "", b->len ? 1 : 0);
            ft_buf_append(b, flags + i, len);
        }
        i = j + 1;
    }
    const char *add[3] = {
        put_mismatch ? "conversion_mismatch" : NULL,
        no_rate && !has_flag(flags, n, "no_rate") ? "no_rate" : NULL,
        no_price && !has_flag(flags, n, "no_price_index") ? "no_price_index"
                                                          : NULL};
    for (int k = 0; k < 3; k++)
        if (add[k]) {
            ft_buf_append(b, b->len ? ";" : "", b->len ? 1 : 0);
            ft_buf_append(b, add[k], strlen(add[k]));
        }
    return FT_OK;
}

static ft_status header(run *r, char *const *cells, size_t n, ft_error *err)
{
    for (size_t k = 0; k < FT_CONVERT_NCOLUMNS; k++)
        if (ft_table_column(cells, n, ft_convert_columns[k]) != -1)
            return bad(err,
                       "the header already has convert's column '%s': "
                       "convert the figures as extract wrote them",
                       ft_convert_columns[k]);
    char missing[160] = "";
    for (int k = 0; k < NCOLS; k++) {
        r->col[k] = ft_table_column(cells, n, col_names[k]);
        if (r->col[k] == -2)
            return bad(err, "column '%s' named twice in the header",
                       col_names[k]);
        if (r->col[k] < 0) {
            size_t at = strlen(missing);
            snprintf(missing + at, sizeof missing - at, "%s%s", at ? ", " : "",
                     col_names[k]);
        }
    }
    if (missing[0])
        return bad(err, "not a figures.csv header: no column %s", missing);
    r->ncols = n;
    if (!r->writing)
        return FT_OK;
    ft_status st;
    for (size_t i = 0; i < n; i++)
        if ((st = ft_csvio_str(&r->w, cells[i], err)) != FT_OK)
            return st;
    for (size_t k = 0; k < FT_CONVERT_NCOLUMNS; k++)
        if ((st = ft_csvio_str(&r->w, ft_convert_columns[k], err)) != FT_OK)
            return st;
    return ft_csvio_endrow(&r->w, err);
}

/* A number cell (empty when !has). */
static ft_status put_num(run *r, bool has, double v, bool money, ft_error *err)
{
    char buf[512];
    size_t n = 0;
    if (has)
        n = money ? ft_convert_format_money(v, buf, sizeof buf)
                  : ft_convert_format_ratio(v, buf, sizeof buf);
    if (n >= sizeof buf)
        n = 0;
    return ft_csvio_number(&r->w, buf, n, err);
}

static ft_status put_year(run *r, int year, ft_error *err)
{
    if (year <= 0)
        return ft_csvio_number(&r->w, "", 0, err);
    return ft_csvio_uint(&r->w, (unsigned long long)year, err);
}

static ft_status write_row(run *r, char *const *cells, const size_t *lens,
                           size_t n, const ft_conversion *c,
                           bool from_published, bool has_max, ft_error *err)
{
    ft_status st = FT_OK;
    for (size_t i = 0; i < n && st == FT_OK; i++) {
        const char *s = cells[i];
        size_t len = lens[i];
        if ((long)i == r->col[C_FLAGS]) {
            s = r->flags.data ? r->flags.data : "";
            len = r->flags.len;
        }
        /* Numbers stay numbers ("-26400000000000" is not a formula);
         * text is neutralised as extract does it, which changes nothing
         * that extract wrote. */
        st = plain_number(s, len) ? ft_csvio_number(&r->w, s, len, err)
                                  : ft_csvio_text(&r->w, s, len, err);
    }
    if (st != FT_OK)
        return st;
    const char *basis = "";
    if (c->has_nominal && c->rate.year > 0)
        basis = from_published && c->rate.basis == FT_RATE_YEAR
                    ? "published"
                    : ft_rate_basis_name(c->rate.basis);
    bool constant = r->o->constant_year && r->o->prices;
    if ((st = ft_csvio_str(&r->w, r->o->to, err)) != FT_OK ||
        (st = put_num(r, c->has_nominal, c->nominal, true, err)) != FT_OK ||
        (st = put_num(r, c->has_nominal, c->rate.value, false, err)) != FT_OK ||
        (st = put_year(r, c->has_nominal ? c->rate.year : 0, err)) != FT_OK ||
        (st = ft_csvio_str(&r->w, basis, err)) != FT_OK ||
        (st = put_num(r, c->has_constant, c->constant, true, err)) != FT_OK ||
        (st = put_year(r, constant ? r->o->constant_year : 0, err)) != FT_OK ||
        (st = put_num(r, c->has_constant, c->price_ratio, false, err)) !=
            FT_OK ||
        (st = put_num(r, c->has_nominal && has_max, c->nominal_max, true,
                      err)) != FT_OK ||
        (st = put_num(r, c->has_constant && has_max, c->constant_max, true,
                      err)) != FT_OK)
        return st;
    return ft_csvio_endrow(&r->w, err);
}

/* Remember cur among the figures' currencies (bounded: a linear scan of
 * at most FT_CONVERT_MAX_CURRENCIES codes per row). */
static void note_currency(ft_convert_counts *c, const char *cur)
{
    for (size_t i = 0; i < c->ncurrencies; i++)
        if (strcmp(c->currencies[i], cur) == 0)
            return;
    if (c->ncurrencies == FT_CONVERT_MAX_CURRENCIES) {
        c->more_currencies++;
        return;
    }
    snprintf(c->currencies[c->ncurrencies++], 4, "%s", cur);
}

static ft_status on_row(void *ctx, char *const *cells, const size_t *lens,
                        size_t n, long line, ft_error *err)
{
    run *r = ctx;
    if (r->ncols == 0)
        return header(r, cells, n, err);
    if (n != r->ncols)
        return ft_error_set(err, FT_EDATA, "%zu cells where the header has %zu",
                            n, r->ncols);
    r->counts.rows++;
    const char *amount_s = cells[r->col[C_AMOUNT]],
               *max_s = cells[r->col[C_AMOUNT_MAX]],
               *cur = cells[r->col[C_CURRENCY]],
               *rep_s = cells[r->col[C_REPORTED]],
               *rep_cur = cells[r->col[C_REPORTED_CURRENCY]],
               *year_s = cells[r->col[C_YEAR]],
               *pub_s = cells[r->col[C_PUBLISHED]];
    size_t pub_n = lens[r->col[C_PUBLISHED]];

    double amount, amount_max = 0, reported = 0;
    bool has_max = max_s[0] != '\0', has_rep = rep_s[0] != '\0';
    if (!plain_number(amount_s, lens[r->col[C_AMOUNT]]))
        return bad(err, "amount '%.40s' is not a number", amount_s);
    if (has_max && !plain_number(max_s, lens[r->col[C_AMOUNT_MAX]]))
        return bad(err, "amount_max '%.40s' is not a number", max_s);
    if (has_rep && !plain_number(rep_s, lens[r->col[C_REPORTED]]))
        return bad(err, "reported_amount '%.40s' is not a number", rep_s);
    amount = plain_value(amount_s, lens[r->col[C_AMOUNT]]);
    if (has_max)
        amount_max = plain_value(max_s, lens[r->col[C_AMOUNT_MAX]]);
    if (has_rep)
        reported = plain_value(rep_s, lens[r->col[C_REPORTED]]);
    /* No news amount comes near this; beyond it a conversion could leave
     * the range of a double and its cells empty without a word. */
    if (!(fabs(amount) < MAX_AMOUNT))
        return bad(err, "amount '%.40s' is out of range", amount_s);
    if (!(fabs(amount_max) < MAX_AMOUNT))
        return bad(err, "amount_max '%.40s' is out of range", max_s);
    if (!(fabs(reported) < MAX_AMOUNT))
        return bad(err, "reported_amount '%.40s' is out of range", rep_s);
    if (cur[0] && !ft_currency_known(cur))
        return bad(err, "unknown currency '%.40s' (not an ISO 4217 code)", cur);
    if (rep_cur[0] && !ft_currency_known(rep_cur))
        return bad(err,
                   "unknown reported_currency '%.40s' (not an ISO 4217 code)",
                   rep_cur);
    if (cur[0])
        note_currency(&r->counts, cur);
    int year = 0, pub_year = 0;
    if (year_s[0] && !ft_table_parse_year(year_s, &year))
        return bad(err, "year '%.40s' is not a year", year_s);
    if (pub_n) {
        if (!ft_article_date_valid(pub_s, pub_n))
            return bad(err, "published '%.40s' is not a date (YYYY-MM-DD)",
                       pub_s);
        pub_year = atoi(pub_s);
    }

    ft_conversion c;
    bool from_published = year == 0 && pub_year != 0;
    ft_status st = ft_convert_amount(r->o, cur, year ? year : pub_year, amount,
                                     has_max ? &amount_max : NULL, &c, err);
    if (st != FT_OK)
        return st;
    bool checked = false, mismatch = false;
    if (has_rep && (st = ft_convert_check_reported(
                        r->o->rates, cur, amount, rep_cur, reported, pub_year,
                        &checked, &mismatch, err)) != FT_OK)
        return st;

    bool no_rate = c.rate_why[0] != '\0', no_price = c.price_why[0] != '\0';
    if (r->o->strict && (no_rate || no_price))
        return bad(err, "%s (--strict)", no_rate ? c.rate_why : c.price_why);
    if ((no_rate &&
         (st = note_problem(r, c.rate_why, "no_rate", line, err)) != FT_OK) ||
        (no_price && (st = note_problem(r, c.price_why, "no_price_index", line,
                                        err)) != FT_OK))
        return st;
    r->counts.no_rate += no_rate;
    r->counts.no_price += no_price;
    const char *flags = cells[r->col[C_FLAGS]];
    size_t flags_n = lens[r->col[C_FLAGS]];
    if (mismatch && !has_flag(flags, flags_n, "conversion_mismatch"))
        r->counts.mismatches++;
    if (!r->writing)
        return FT_OK;
    if (build_flags(&r->flags, flags, flags_n, mismatch, no_rate, no_price) !=
        FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    return write_row(r, cells, lens, n, &c, from_published, has_max, err);
}

ft_status ft_convert_csv(FILE *in, const char *name, FILE *out,
                         const ft_convert_opts *o, ft_convert_counts *counts,
                         ft_error *err)
{
    run r = {.o = o, .name = name, .writing = out != NULL};
    if (out)
        ft_csvio_init(&r.w, out, FT_CSVIO_CSV);
    ft_buf_init(&r.flags);
    ft_status st = ft_table_read(in, name, FT_EDATA, on_row, &r, err);
    if (st == FT_OK && o->warn)
        for (size_t i = 0; i < r.nprobs; i++) {
            const problem *p = &r.probs[i];
            ft_error w;
            ft_error_set(&w, FT_OK, "%s; %ld figure%s flagged %s", p->why,
                         p->count, p->count == 1 ? "" : "s", p->flag);
            ft_error_at(&w, name, p->first_line);
            o->warn(o->warn_ctx, &w);
        }
    if (counts)
        *counts = r.counts;
    if (out)
        ft_csvio_free(&r.w);
    ft_buf_free(&r.flags);
    free(r.probs);
    return st;
}

ft_status ft_convert_csv_whole(FILE *in, const char *name, FILE *out,
                               const ft_convert_opts *o,
                               ft_convert_counts *counts, ft_error *err)
{
    const char *dir;
    FILE *tmp = ft_outfile_scratch("convert", &dir);
    if (!tmp)
        return ft_error_set(err, FT_ECANTCREAT,
                            "cannot create a temporary file for %s in %s: %s",
                            name, dir, strerror(errno));
    ft_status st = ft_convert_csv(in, name, tmp, o, counts, err);
    if (st == FT_OK && (fflush(tmp) != 0 || ferror(tmp)))
        st = ft_error_set(err, FT_EIO, "writing a temporary file: %s",
                          strerror(errno));
    if (st == FT_OK) {
        rewind(tmp);
        char buf[1 << 16];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
            if (fwrite(buf, 1, n, out) != n)
                break;
        if (ferror(tmp))
            st = ft_error_set(err, FT_EIO, "reading a temporary file: %s",
                              strerror(errno));
        else if (ferror(out) || fflush(out) != 0)
            st = ft_error_set(err, FT_EIO, "write error: %s", strerror(errno));
    }
    fclose(tmp);
    return st;
}

size_t ft_convert_source_note(const ft_convert_opts *o, const char *cur,
                              char *buf, size_t n)
{
    int first, last, k;
    if (strcmp(cur, "USD") == 0)
        k = snprintf(buf, n, "USD: rates 1 by definition");
    else if (ft_rates_range(o->rates, cur, &first, &last))
        k = snprintf(buf, n, "%s: rates %s to %d", cur,
                     ft_rates_source(o->rates), last);
    else
        k = snprintf(buf, n, "%s: no rates in %s", cur,
                     ft_rates_source(o->rates));
    if (k < 0)
        return 0;
    size_t at = (size_t)k < n ? (size_t)k : (n ? n - 1 : 0);
    if (!o->prices)
        return (size_t)k;
    int m;
    if (ft_prices_range(o->prices, cur, &first, &last))
        m = snprintf(buf + at, n - at, ", prices %s to %d",
                     ft_prices_source(o->prices), last);
    else
        m = snprintf(buf + at, n - at, ", no prices in %s",
                     ft_prices_source(o->prices));
    return m < 0 ? at : at + (size_t)m;
}
