/* stats.h — the trend statistics of one series (GSL): change, compound
 * annual growth (endpoint CAGR and the log-linear trend's growth), a
 * linear trend and its r², and plain number text.
 *
 * Arrays travel with their length and are borrowed; results come back
 * through pointers.  A value that is not defined (a change from zero, a
 * trend through one point) is NAN, which the writers print as an empty
 * cell.  GSL's error handler must be off (main turns it off): every GSL
 * status is checked here.
 */
#ifndef FT_STATS_H
#define FT_STATS_H

#include <stddef.h>

#include "status.h"

typedef struct {
    double slope;     /* y units per x unit (amount per year) */
    double intercept; /* y at x = 0 */
    double r2;        /* 1 - SSres/SStot; NAN when y is constant */
} ft_stats_fit;

/* Least squares y = intercept + slope * x over n points (gsl_fit_linear).
 * FT_EDATA when n < 2, the x are all equal or a value is not finite; the
 * fit is then all NAN. */
ft_status ft_stats_linear(const double *x, const double *y, size_t n,
                          ft_stats_fit *fit, ft_error *err);

/* 100 * (last - first) / first; NAN when first <= 0 or either is not
 * finite. */
double ft_stats_change_pct(double first, double last);

/* The usual compound annual growth rate in percent, the one analysts
 * quote: 100 * ((last / first)^(1 / (last_x - first_x)) - 1), from the
 * end points alone.  NAN when last_x <= first_x, first <= 0, last < 0 or
 * a value is not finite. */
double ft_stats_cagr_pct(double first_x, double first, double last_x,
                         double last);

/* The growth of the exponential trend through all the points, in percent
 * a year: 100 * (exp(b) - 1), where b is the slope of a least-squares fit
 * of ln y on x.  With two points it equals the CAGR.  NAN when n < 2, the
 * x are all equal, or any y <= 0. */
double ft_stats_trend_pct(const double *x, const double *y, size_t n);

/* Everything summary.csv holds about one series, points in x order. */
typedef struct {
    size_t n;
    double first_x, last_x; /* NAN when n == 0 */
    double first, last;     /* y at first_x and last_x */
    double change_pct, cagr_pct; /* endpoint change and CAGR */
    double trend_pct;            /* ft_stats_trend_pct */
    ft_stats_fit fit; /* all NAN when n < 2 */
} ft_stats_summary;

/* Fill s from n points sorted by x.  Never fails: what cannot be
 * computed is NAN. */
void ft_stats_summarize(const double *x, const double *y, size_t n,
                        ft_stats_summary *s);

/* v as plain decimal text: at most `sig` significant digits and at most
 * `max_decimals` digits after the point, never an exponent or a thousands
 * separator, no trailing fractional zeros, "-0" written "0"; "" for NAN
 * and infinities.  Writes at most n bytes including the NUL; returns the
 * length written.  FT_STATS_BUFSZ always suffices. */
#define FT_STATS_BUFSZ 400
size_t ft_stats_format(double v, int sig, int max_decimals, char *buf,
                       size_t n);

#endif
