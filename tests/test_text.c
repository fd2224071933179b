/* test_text.c — UTF-8 checks, whitespace folding, the byte buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "text.h"

/* ft_text_fold of a C string, compared with want. */
static void assert_fold(const char *in, const char *want)
{
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_text_fold(&b, in, strlen(in)), FT_OK);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    assert_int_equal(b.len, strlen(want));
    ft_buf_free(&b);
}

static void test_buf_grows_and_stays_terminated(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_null(b.data);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(ft_buf_append(&b, "abc", 3), FT_OK);
    assert_int_equal(b.len, 3000);
    assert_int_equal(b.data[3000], '\0');
    assert_true(b.cap > b.len);
    ft_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_int_equal(ft_buf_putc(&b, 'x'), FT_OK);
    assert_string_equal(b.data, "x");
    ft_buf_free(&b);
    assert_null(b.data);
}

static void test_buf_refuses_absurd_size(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_buf_append(&b, "a", 1), FT_OK);
    assert_int_equal(ft_buf_reserve(&b, SIZE_MAX - 1), FT_ENOMEM);
    assert_string_equal(b.data, "a"); /* unchanged */
    ft_buf_free(&b);
}

static void test_utf8_seq_len(void **state)
{
    (void)state;
    assert_int_equal(ft_text_utf8_len("A", 1), 1);
    assert_int_equal(ft_text_utf8_len("\xC3\xA9", 2), 2);         /* é */
    assert_int_equal(ft_text_utf8_len("\xEC\x9B\x90", 3), 3);     /* 원 */
    assert_int_equal(ft_text_utf8_len("\xE2\x82\xA9", 3), 3);     /* ₩ */
    assert_int_equal(ft_text_utf8_len("\xF0\x9F\x98\x80", 4), 4); /* emoji */
    assert_int_equal(ft_text_utf8_len("\xEF\xBB\xBF", 3), 3);     /* BOM */
}

static void test_utf8_rejects_malformed(void **state)
{
    (void)state;
    assert_int_equal(ft_text_utf8_len("\x80", 1), 0);         /* lone tail */
    assert_int_equal(ft_text_utf8_len("\xC0\xAF", 2), 0);     /* overlong / */
    assert_int_equal(ft_text_utf8_len("\xC1\xBF", 2), 0);     /* overlong */
    assert_int_equal(ft_text_utf8_len("\xE0\x80\xAF", 3), 0); /* overlong */
    assert_int_equal(ft_text_utf8_len("\xED\xA0\x80", 3), 0); /* surrogate */
    assert_int_equal(ft_text_utf8_len("\xF4\x90\x80\x80", 4), 0); /* >10FFFF */
    assert_int_equal(ft_text_utf8_len("\xF5\x80\x80\x80", 4), 0);
    assert_int_equal(ft_text_utf8_len("\xFF", 1), 0);
    assert_int_equal(ft_text_utf8_len("\xEC\x9B", 2), 0); /* truncated */
    assert_int_equal(ft_text_utf8_len("\xEC\x41\x90", 3), 0);
    assert_int_equal(ft_text_utf8_len("\xC3", 1), 0);
}

static void test_utf8_valid_reports_offset(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(ft_text_utf8_valid("", 0, &bad));
    assert_true(ft_text_utf8_valid("price \xE2\x82\xA9"
                                   "5",
                                   10, &bad));
    assert_false(ft_text_utf8_valid("Caf\xE9 au lait", 12, &bad));
    assert_int_equal(bad, 3);
    assert_false(
        ft_text_utf8_valid("ok\xEC\x9B", 4, &bad)); /* cut at the end */
    assert_int_equal(bad, 2);
    assert_true(ft_text_utf8_valid("a\0b", 3, NULL)); /* NUL is UTF-8 */
}

static void test_space_len(void **state)
{
    (void)state;
    assert_int_equal(ft_text_space_len(" x", 2), 1);
    assert_int_equal(ft_text_space_len("\r\n", 2), 1);
    assert_int_equal(ft_text_space_len("\xC2\xA0", 2), 2);     /* NBSP */
    assert_int_equal(ft_text_space_len("\xE2\x80\x89", 3), 3); /* thin */
    assert_int_equal(ft_text_space_len("\xE2\x80\xAF", 3), 3); /* NNBSP */
    assert_int_equal(ft_text_space_len("\xE3\x80\x80", 3), 3); /* 　 */
    assert_int_equal(ft_text_space_len("\xE2\x80\x8B", 3), 0); /* ZWSP */
    assert_int_equal(ft_text_space_len("\xC2\xA9", 2), 0);     /* © */
    assert_int_equal(ft_text_space_len("\xC2", 1), 0);
    assert_int_equal(ft_text_space_len("x", 1), 0);
}

static void test_fold(void **state)
{
    (void)state;
    assert_fold("It cost 900 million won.", "It cost 900 million won.");
    assert_fold("  It cost\r\n900   million\twon.  \n",
                "It cost 900 million won.");
    assert_fold("a\xC2\xA0\xC2\xA0"
                "b\xE3\x80\x80"
                "c",
                "a b c");
    assert_fold("", "");
    assert_fold(" \t\r\n ", "");
    assert_fold("한국  국방비\n59조", "한국 국방비 59조");
}

static void test_fold_replaces_bad_bytes(void **state)
{
    (void)state;
    assert_fold("Caf\xE9 ok", "Caf\xEF\xBF\xBD ok");
    assert_fold("\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_fold("x\xEC\x9B", "x\xEF\xBF\xBD\xEF\xBF\xBD");
    /* every byte bad: the output is three times the input */
    char in[1001], want[3001];
    memset(in, '\xFF', 1000);
    in[1000] = '\0';
    for (int i = 0; i < 1000; i++)
        memcpy(want + 3 * i, "\xEF\xBF\xBD", 3);
    want[3000] = '\0';
    assert_fold(in, want);
    /* bad bytes between folded spaces */
    assert_fold(" \xFF  \xFF ", "\xEF\xBF\xBD \xEF\xBF\xBD");
}

static void test_fold_appends(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_buf_append(&b, "[", 1), FT_OK);
    assert_int_equal(ft_text_fold(&b, " a  b ", 6), FT_OK);
    assert_string_equal(b.data, "[a b");
    ft_buf_free(&b);
}

static void test_scrub(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_text_scrub(&b, "ok \xC3\xA9", 5), FT_OK);
    assert_string_equal(b.data, "ok \xC3\xA9");
    ft_buf_clear(&b);
    assert_int_equal(ft_text_scrub(&b, "a\x80z\xC3", 4), FT_OK);
    assert_string_equal(b.data, "a\xEF\xBF\xBDz\xEF\xBF\xBD");
    ft_buf_clear(&b);
    assert_int_equal(ft_text_scrub(&b, "  keep  spaces ", 15), FT_OK);
    assert_string_equal(b.data, "  keep  spaces ");
    ft_buf_free(&b);
}

static void test_bom(void **state)
{
    (void)state;
    assert_int_equal(ft_text_bom_len("\xEF\xBB\xBFTitle", 8), 3);
    assert_int_equal(ft_text_bom_len("\xEF\xBB", 2), 0);
    assert_int_equal(ft_text_bom_len("Title", 5), 0);
    assert_int_equal(ft_text_bom_len("", 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grows_and_stays_terminated),
        cmocka_unit_test(test_buf_refuses_absurd_size),
        cmocka_unit_test(test_utf8_seq_len),
        cmocka_unit_test(test_utf8_rejects_malformed),
        cmocka_unit_test(test_utf8_valid_reports_offset),
        cmocka_unit_test(test_space_len),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_replaces_bad_bytes),
        cmocka_unit_test(test_fold_appends),
        cmocka_unit_test(test_scrub),
        cmocka_unit_test(test_bom),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
