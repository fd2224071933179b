/* test_number.c — exact decimals: parsing, scaling, arithmetic, format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

static void assert_fmt(ft_decimal d, const char *want)
{
    char buf[FT_DECIMAL_BUFSZ];
    ft_decimal_format(d, buf, sizeof buf);
    assert_string_equal(buf, want);
}

static ft_decimal parse(const char *s)
{
    ft_decimal d;
    assert_true(ft_decimal_parse(s, strlen(s), &d));
    return d;
}

static void test_parse_and_format(void **state)
{
    (void)state;
    assert_fmt(parse("0"), "0");
    assert_fmt(parse("439.7"), "439.7");
    assert_fmt(parse("2.750"), "2.75");
    assert_fmt(parse("0.05"), "0.05");
    assert_fmt(parse("007"), "7");
    assert_fmt(parse("1.000"), "1");
    assert_fmt(parse("18446744073709551615"), "18446744073709551615");
}

static void test_parse_rejects(void **state)
{
    (void)state;
    ft_decimal d;
    assert_false(ft_decimal_parse("", 0, &d));
    assert_false(ft_decimal_parse(".", 1, &d));
    assert_false(ft_decimal_parse("1.2.3", 5, &d));
    assert_false(ft_decimal_parse("1,000", 5, &d));
    assert_false(ft_decimal_parse("18446744073709551616", 20, &d));
}

/* Short numbers (19 bytes or fewer) are read without overflow checks:
 * the longest of them and the first longer ones read as before. */
static void test_parse_short_and_long(void **state)
{
    (void)state;
    ft_decimal d;
    assert_fmt(parse("9999999999999999999"), "9999999999999999999");
    assert_fmt(parse("999999999999999999.9"), "999999999999999999.9");
    assert_fmt(parse(".000000000000000001"), "0.000000000000000001");
    assert_fmt(parse("0.000000000000000001"), "0.000000000000000001");
    assert_fmt(parse("0.0000000000000000010"), "0.000000000000000001");
    assert_fmt(parse("5."), "5");
    assert_fmt(parse(".5"), "0.5");
    assert_fmt(parse("0.00"), "0");
    assert_false(ft_decimal_parse("0.0000000000000000001", 21, &d));
    assert_false(ft_decimal_parse("..", 2, &d));
    assert_false(ft_decimal_parse("1.", 1, &d) == false);
    assert_false(ft_decimal_parse("-1", 2, &d));
    assert_false(ft_decimal_parse("1 ", 2, &d));
    assert_false(ft_decimal_parse("12345678901234567890", 20, &d) == false);
}

/* ft_decimal_of is ft_decimal_parse for digits a caller read itself. */
static void test_of_is_parse(void **state)
{
    (void)state;
    static const struct {
        uint64_t digits;
        int scale;
        const char *text;
    } cases[] = {{0, 0, "0"},        {0, 3, "0.000"}, {4397, 1, "439.7"},
                 {2750, 3, "2.750"}, {7, 0, "007"},   {1000, 3, "1.000"},
                 {5, 1, "0.5"},      {120, 0, "120"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ft_decimal a = ft_decimal_of(cases[k].digits, cases[k].scale),
                   b = parse(cases[k].text);
        assert_true(a.digits == b.digits && a.scale == b.scale &&
                    a.negative == b.negative);
    }
}

static void test_scale_exact(void **state)
{
    (void)state;
    ft_decimal d = parse("439.7");
    assert_true(ft_decimal_mul_pow10(&d, 9));
    assert_fmt(d, "439700000000"); /* never 439699999999.99 */
    d = parse("48.1372");
    assert_true(ft_decimal_mul_pow10(&d, 12));
    assert_fmt(d, "48137200000000");
    d = parse("61204.3");
    assert_true(ft_decimal_mul_pow10(&d, 9));
    assert_fmt(d, "61204300000000");
    d = parse("50");
    assert_true(ft_decimal_mul_pow10(&d, -2));
    assert_fmt(d, "0.5");
    d = parse("2");
    assert_true(ft_decimal_mul_pow10(&d, -8));
    assert_fmt(d, "0.00000002");
}

static void test_overflow_refused(void **state)
{
    (void)state;
    ft_decimal d = parse("5000");
    assert_false(ft_decimal_mul_pow10(&d, 18));
    assert_fmt(d, "5000"); /* unchanged on failure */
    ft_decimal big = parse("18446744073709551615"), r;
    assert_false(ft_decimal_add(big, parse("1"), &r));
    assert_false(ft_decimal_mul(big, parse("2"), &r));
}

static void test_add_mul_cmp(void **state)
{
    (void)state;
    ft_decimal r;
    assert_true(ft_decimal_add(parse("1.5"), parse("2.25"), &r));
    assert_fmt(r, "3.75");
    assert_true(ft_decimal_mul(parse("3"), parse("0.25"), &r));
    assert_fmt(r, "0.75");
    assert_int_equal(ft_decimal_cmp(parse("2.5"), parse("2.50")), 0);
    assert_int_equal(ft_decimal_cmp(parse("2.4"), parse("2.5")), -1);
    assert_int_equal(ft_decimal_cmp(parse("300"), parse("4")), 1);
    /* Too far apart to scale to one scale in 64 bits: the side that would
     * overflow is the larger, whichever argument it is (fuzz_extract found
     * a "range" 999999999999999~$3.99... with its end below its start). */
    assert_int_equal(
        ft_decimal_cmp(parse("999999999999999"), parse("3.9999399722918939")),
        1);
    assert_int_equal(
        ft_decimal_cmp(parse("3.9999399722918939"), parse("999999999999999")),
        -1);
    ft_decimal big = parse("999999999999999"),
               small = parse("3.9999399722918939");
    big.negative = small.negative = true;
    assert_int_equal(ft_decimal_cmp(big, small), -1);
    assert_true(ft_decimal_is_zero(parse("0.000")));
    assert_float_equal(ft_decimal_to_double(parse("317.4")), 317.4, 1e-9);
}

static void test_sign(void **state)
{
    (void)state;
    ft_decimal neg = parse("26.4"), r;
    neg.negative = true;
    assert_fmt(neg, "-26.4");
    assert_int_equal(ft_decimal_cmp(neg, parse("1")), -1);
    assert_true(ft_decimal_add(neg, parse("30"), &r));
    assert_fmt(r, "3.6");
    assert_true(ft_decimal_add(neg, parse("26.4"), &r));
    assert_fmt(r, "0"); /* never "-0" */
    assert_true(ft_decimal_mul(neg, neg, &r));
    assert_false(r.negative);
    assert_float_equal(ft_decimal_to_double(neg), -26.4, 1e-12);
}

/* The writer works from the last digit back: every digit and the point
 * where they belong, whatever the digits and the scale. */
static void test_format_every_shape(void **state)
{
    (void)state;
    assert_fmt((ft_decimal){.digits = 4390, .scale = 1}, "439.0");
    assert_fmt((ft_decimal){.digits = 7, .scale = 1}, "0.7");
    assert_fmt((ft_decimal){.digits = 0, .scale = 0}, "0");
    assert_fmt((ft_decimal){.digits = 18446744073709551615ULL, .scale = 0},
               "18446744073709551615");
    assert_fmt((ft_decimal){.digits = 18446744073709551615ULL, .scale = 18},
               "18.446744073709551615");
    assert_fmt((ft_decimal){.digits = 5, .scale = 18, .negative = true},
               "-0.000000000000000005");
}

static void test_format_truncates_like_snprintf(void **state)
{
    (void)state;
    char buf[4];
    size_t need = ft_decimal_format(parse("123456"), buf, sizeof buf);
    assert_int_equal(need, 6);
    assert_string_equal(buf, "123");
}

/* ft_decimal_parse_double must give strtod's double, bit for bit, or
 * refuse. */
static void assert_as_strtod(const char *s)
{
    double got;
    if (!ft_decimal_parse_double(s, strlen(s), &got))
        return;
    char *end;
    double want = strtod(s, &end);
    if (*end || memcmp(&got, &want, sizeof got) != 0)
        fail_msg("'%s': %.17g, strtod %.17g", s, got, want);
}

static void test_parse_double_as_strtod(void **state)
{
    (void)state;
    static const char *const edges[] = {"0",
                                        "-0",
                                        "+0",
                                        "0.0",
                                        ".5",
                                        "5.",
                                        "-.5",
                                        "0.1",
                                        "0.2",
                                        "0.3",
                                        "1.1",
                                        "-26400000000000",
                                        "9007199254740992",
                                        "9007199254740993",
                                        "9007199254740991.5",
                                        "900719925474099.2",
                                        "0.000000000000000001",
                                        "0.0000000000000000015",
                                        "123456789.123456789",
                                        "12.6862687216715",
                                        "4.7619000037619",
                                        "386400000000000",
                                        "473319047.2900000000000000",
                                        "1.000000000000000000001"};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
        assert_as_strtod(edges[i]);
    static const char *const refused[] = {
        "",    ".",     "-",  "+",  "--5",  "+-5",
        "1e3", "1.2.3", " 5", "5 ", "0x10", "9007199254740993.5",
        "inf", "nan"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        double v;
        assert_false(
            ft_decimal_parse_double(refused[i], strlen(refused[i]), &v));
    }
    double v;
    assert_true(ft_decimal_parse_double("-2.5", 4, &v));
    assert_true(v == -2.5);
    /* random digits of every length, with a point anywhere or none */
    uint64_t x = 2463534242ULL;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char s[40];
        size_t n = 0, len = 1 + x % 24, point = (x >> 8) % (len + 2);
        uint64_t r = x >> 16;
        if (r % 3 == 0)
            s[n++] = r % 2 ? '-' : '+';
        for (size_t k = 0; k < len; k++) {
            if (k == point)
                s[n++] = '.';
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            s[n++] = (char)('0' + (x >> 33) % 10);
        }
        s[n] = '\0';
        assert_as_strtod(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_and_format),
        cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_parse_short_and_long),
        cmocka_unit_test(test_of_is_parse),
        cmocka_unit_test(test_scale_exact),
        cmocka_unit_test(test_overflow_refused),
        cmocka_unit_test(test_add_mul_cmp),
        cmocka_unit_test(test_sign),
        cmocka_unit_test(test_format_every_shape),
        cmocka_unit_test(test_format_truncates_like_snprintf),
        cmocka_unit_test(test_parse_double_as_strtod),
    };
    return cmocka_run_group_tests_name("number", tests, NULL, NULL);
}
