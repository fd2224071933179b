/* test_stats.c — change, CAGR, linear trend and number text against values
 * worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "stats.h"

#define EPS 1e-9

/* x = 2016..2019, y = 10 12 13 17: mean x 2017.5, mean y 13, Sxx = 5,
 * Sxy = 11, so slope 2.2 and intercept 13 - 2.2 * 2017.5 = -4425.5; the
 * fitted values 9.7 11.9 14.1 16.3 leave residuals .3 .1 -1.1 .7, SSres
 * 1.8, SStot 26, r² = 1 - 1.8 / 26. */
static void test_linear_by_hand(void **state)
{
    (void)state;
    const double x[] = {2016, 2017, 2018, 2019}, y[] = {10, 12, 13, 17};
    ft_stats_fit f;
    assert_int_equal(ft_stats_linear(x, y, 4, &f, NULL), FT_OK);
    assert_float_equal(f.slope, 2.2, EPS);
    assert_float_equal(f.intercept, -4425.5, 1e-6);
    assert_float_equal(f.r2, 1 - 1.8 / 26, EPS);
}

static void test_linear_two_points_and_flat(void **state)
{
    (void)state;
    const double x[] = {2023, 2025}, y[] = {57, 61};
    ft_stats_fit f;
    assert_int_equal(ft_stats_linear(x, y, 2, &f, NULL), FT_OK);
    assert_float_equal(f.slope, 2, EPS);
    assert_float_equal(f.r2, 1, EPS);
    /* A flat series: slope 0, r² undefined (0 / 0). */
    const double flat[] = {5, 5};
    assert_int_equal(ft_stats_linear(x, flat, 2, &f, NULL), FT_OK);
    assert_float_equal(f.slope, 0, EPS);
    assert_true(isnan(f.r2));
}

static void test_linear_refuses(void **state)
{
    (void)state;
    const double x[] = {2020, 2020}, y[] = {1, 2};
    ft_stats_fit f;
    ft_error e;
    assert_int_equal(ft_stats_linear(x, y, 1, &f, &e), FT_EDATA);
    assert_true(isnan(f.slope) && isnan(f.intercept) && isnan(f.r2));
    assert_int_equal(ft_stats_linear(x, y, 2, &f, &e), FT_EDATA);
    const double x2[] = {2020, 2021}, y2[] = {1, NAN};
    assert_int_equal(ft_stats_linear(x2, y2, 2, &f, &e), FT_EDATA);
}

static void test_change(void **state)
{
    (void)state;
    assert_float_equal(ft_stats_change_pct(50, 60), 20, EPS);
    assert_float_equal(ft_stats_change_pct(31.1, 26.5),
                       100 * (26.5 - 31.1) / 31.1, EPS);
    assert_true(isnan(ft_stats_change_pct(0, 10)));
    assert_true(isnan(ft_stats_change_pct(-5, 10)));
    assert_true(isnan(ft_stats_change_pct(NAN, 10)));
}

static void test_cagr(void **state)
{
    (void)state;
    /* 100 -> 121 in two years is 10% a year. */
    assert_float_equal(ft_stats_cagr_pct(2020, 100, 2022, 121), 10, 1e-9);
    /* A gap: 100 in 2010, 200 in 2020 is 2^(1/10) - 1 a year. */
    assert_float_equal(ft_stats_cagr_pct(2010, 100, 2020, 200),
                       100 * (pow(2, 0.1) - 1), 1e-9);
    /* A decline; a fall to zero is -100%. */
    assert_float_equal(ft_stats_cagr_pct(2020, 121, 2022, 100),
                       100 * (sqrt(100.0 / 121) - 1), 1e-9);
    assert_float_equal(ft_stats_cagr_pct(2020, 121, 2022, 0), -100, 1e-9);
    /* Undefined: no years between, a zero or negative start, a negative
     * end, a value that is not a number. */
    assert_true(isnan(ft_stats_cagr_pct(2020, 100, 2020, 121)));
    assert_true(isnan(ft_stats_cagr_pct(2022, 100, 2020, 121)));
    assert_true(isnan(ft_stats_cagr_pct(2020, 0, 2022, 5)));
    assert_true(isnan(ft_stats_cagr_pct(2020, -1, 2022, 5)));
    assert_true(isnan(ft_stats_cagr_pct(2020, 1, 2022, -5)));
    assert_true(isnan(ft_stats_cagr_pct(2020, NAN, 2022, 5)));
}

static void test_trend(void **state)
{
    (void)state;
    /* Two points: the trend's growth is the CAGR. */
    const double x[] = {2020, 2022}, y[] = {100, 121};
    assert_float_equal(ft_stats_trend_pct(x, y, 2), 10, 1e-9);
    /* An exact geometric series: the log fit gives its rate. */
    const double x3[] = {2020, 2021, 2022}, y3[] = {100, 110, 121};
    assert_float_equal(ft_stats_trend_pct(x3, y3, 3), 10, 1e-9);
    /* Undefined: one point, a zero or negative amount. */
    assert_true(isnan(ft_stats_trend_pct(x, y, 1)));
    const double y0[] = {0, 5}, yn[] = {-1, 5};
    assert_true(isnan(ft_stats_trend_pct(x, y0, 2)));
    assert_true(isnan(ft_stats_trend_pct(x, yn, 2)));
}

static void test_summarize(void **state)
{
    (void)state;
    const double x[] = {2016, 2017, 2018, 2019}, y[] = {10, 12, 13, 17};
    ft_stats_summary s;
    ft_stats_summarize(x, y, 4, &s);
    assert_int_equal(s.n, 4);
    assert_float_equal(s.first_x, 2016, EPS);
    assert_float_equal(s.last_x, 2019, EPS);
    assert_float_equal(s.first, 10, EPS);
    assert_float_equal(s.last, 17, EPS);
    assert_float_equal(s.change_pct, 70, EPS);
    assert_float_equal(s.fit.slope, 2.2, EPS);
    /* The CAGR from the ends (10 -> 17 in 3 years), not the fit: a
     * middle point moves the trend's growth but not the CAGR. */
    assert_float_equal(s.cagr_pct, 100 * (pow(1.7, 1.0 / 3) - 1), 1e-9);
    const double lx[] = {2016, 2017, 2018, 2019};
    double ly[4];
    for (int i = 0; i < 4; i++)
        ly[i] = log(y[i]);
    ft_stats_fit lf;
    assert_int_equal(ft_stats_linear(lx, ly, 4, &lf, NULL), FT_OK);
    assert_float_equal(s.trend_pct, 100 * expm1(lf.slope), 1e-9);
    assert_true(fabs(s.trend_pct - s.cagr_pct) > 0.1);
    /* One point: only first and last. */
    ft_stats_summarize(x, y, 1, &s);
    assert_float_equal(s.first, 10, EPS);
    assert_true(isnan(s.change_pct) && isnan(s.cagr_pct) &&
                isnan(s.trend_pct) && isnan(s.fit.slope) && isnan(s.fit.r2));
    ft_stats_summarize(x, y, 0, &s);
    assert_true(isnan(s.first) && isnan(s.first_x));
}

static void assert_format(double v, int sig, int dec, const char *want)
{
    char buf[FT_STATS_BUFSZ];
    size_t n = ft_stats_format(v, sig, dec, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(n, strlen(want));
}

static void test_format_plain(void **state)
{
    (void)state;
    assert_format(439700000000.0, 15, 6, "439700000000");
    assert_format(61246900000000.0, 15, 6, "61246900000000");
    assert_format(2.5, 15, 2, "2.5");
    assert_format(7.0175438, 15, 2, "7.02");
    assert_format(-16.7202572, 15, 2, "-16.72");
    assert_format(-0.0001, 15, 2, "0"); /* never "-0" */
    assert_format(0, 15, 2, "0");
    assert_format(1e20, 15, 2, "100000000000000000000"); /* no exponent */
    assert_format(2507716666666.67, 10, 4, "2507716667000");
    assert_format(0.000123456, 3, 10, "0.000123");
    assert_format(1234.56, 4, 3, "1235");
    assert_format(59.4244, 4, 3, "59.42");
    assert_format(0.9, 4, 3, "0.9");
    assert_format(NAN, 15, 2, "");
    assert_format(INFINITY, 15, 2, "");
    char small[4];
    ft_stats_format(123456, 15, 2, small, sizeof small);
    assert_string_equal(small, "123"); /* cut, still terminated */
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_linear_by_hand),
        cmocka_unit_test(test_linear_two_points_and_flat),
        cmocka_unit_test(test_linear_refuses),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_cagr),
        cmocka_unit_test(test_trend),
        cmocka_unit_test(test_summarize),
        cmocka_unit_test(test_format_plain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
