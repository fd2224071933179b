/* stats.c — change, CAGR and linear trends through GSL. */
#include "stats.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool all_finite(const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(v[i]))
            return false;
    return true;
}

static bool spread(const double *x, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (x[i] != x[0])
            return true;
    return false;
}

ft_status ft_stats_linear(const double *x, const double *y, size_t n,
                          ft_stats_fit *fit, ft_error *err)
{
    fit->slope = fit->intercept = fit->r2 = NAN;
    if (n < 2 || !spread(x, n) || !all_finite(x, n) || !all_finite(y, n))
        return ft_error_set(err, FT_EDATA,
                            "a linear trend needs two or more finite points "
                            "at different x");
    double c0, c1, cov00, cov01, cov11, sumsq;
    int rc =
        gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    if (rc != GSL_SUCCESS || !isfinite(c0) || !isfinite(c1))
        return ft_error_set(err, FT_EDATA, "linear fit failed: %s",
                            gsl_strerror(rc));
    fit->slope = c1;
    fit->intercept = c0;
    double tss = gsl_stats_tss(y, 1, n);
    if (tss > 0 && isfinite(tss)) {
        double r2 = 1.0 - sumsq / tss;
        /* Rounding can leave a perfect fit a hair outside [0, 1]. */
        fit->r2 = r2 < 0 ? 0 : r2 > 1 ? 1 : r2;
    }
    return FT_OK;
}

double ft_stats_change_pct(double first, double last)
{
    if (!isfinite(first) || !isfinite(last) || first <= 0)
        return NAN;
    return 100.0 * (last - first) / first;
}

double ft_stats_cagr_pct(double first_x, double first, double last_x,
                         double last)
{
    if (!isfinite(first_x) || !isfinite(last_x) || !isfinite(first) ||
        !isfinite(last) || !(last_x > first_x) || !(first > 0) || last < 0)
        return NAN;
    return 100.0 * (pow(last / first, 1.0 / (last_x - first_x)) - 1.0);
}

double ft_stats_trend_pct(const double *x, const double *y, size_t n)
{
    if (n < 2 || !spread(x, n))
        return NAN;
    double *ly = malloc(n * sizeof *ly);
    if (!ly)
        return NAN;
    double out = NAN;
    size_t i;
    for (i = 0; i < n; i++) {
        if (!(y[i] > 0) || !isfinite(y[i]))
            break;
        ly[i] = log(y[i]);
    }
    ft_stats_fit fit;
    if (i == n && ft_stats_linear(x, ly, n, &fit, NULL) == FT_OK)
        out = 100.0 * expm1(fit.slope);
    free(ly);
    return out;
}

void ft_stats_summarize(const double *x, const double *y, size_t n,
                        ft_stats_summary *s)
{
    s->n = n;
    s->first_x = s->last_x = s->first = s->last = NAN;
    s->change_pct = s->cagr_pct = s->trend_pct = NAN;
    s->fit.slope = s->fit.intercept = s->fit.r2 = NAN;
    if (n == 0)
        return;
    s->first_x = x[0];
    s->last_x = x[n - 1];
    s->first = y[0];
    s->last = y[n - 1];
    if (n < 2)
        return;
    s->change_pct = ft_stats_change_pct(s->first, s->last);
    s->cagr_pct = ft_stats_cagr_pct(s->first_x, s->first, s->last_x, s->last);
    s->trend_pct = ft_stats_trend_pct(x, y, n);
    ft_stats_linear(x, y, n, &s->fit, NULL);
}

size_t ft_stats_format(double v, int sig, int max_decimals, char *buf, size_t n)
{
    char tmp[FT_STATS_BUFSZ];
    if (n == 0)
        return 0;
    buf[0] = '\0';
    /* Beyond 1e300 "%.0f" would not fit; no amount comes near it. */
    if (!isfinite(v) || fabs(v) >= 1e300)
        return 0;
    if (sig < 1)
        sig = 1;
    if (max_decimals < 0)
        max_decimals = 0;
    int decimals = 0;
    if (v != 0) {
        int mag = (int)floor(log10(fabs(v))); /* 10^mag <= |v| */
        int k = mag - sig + 1; /* the place of the last digit kept */
        if (k > 0) {
            double p = pow(10, k);
            v = round(v / p) * p;
        } else
            decimals = -k;
    }
    if (decimals > max_decimals)
        decimals = max_decimals;
    int len = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
    if (len < 0 || (size_t)len >= sizeof tmp)
        return 0;
    if (strchr(tmp, '.')) {
        while (len > 0 && tmp[len - 1] == '0')
            tmp[--len] = '\0';
        if (len > 0 && tmp[len - 1] == '.')
            tmp[--len] = '\0';
    }
    const char *s = strcmp(tmp, "-0") == 0 ? "0" : tmp;
    size_t sl = strlen(s);
    if (sl >= n)
        sl = n - 1;
    memcpy(buf, s, sl);
    buf[sl] = '\0';
    return sl;
}
