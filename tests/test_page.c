/* test_page.c — index.html: escaping, and hostile names kept inert. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

static void test_escape(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(
        ft_page_escape(&b, "<script>alert('x')</script> & \"q\" 국방"), FT_OK);
    assert_string_equal(b.data, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script"
                                "&gt; &amp; &quot;q&quot; 국방");
    ft_buf_clear(&b);
    assert_int_equal(ft_page_escape(&b, "plain"), FT_OK);
    assert_string_equal(b.data, "plain");
    ft_buf_free(&b);
}

static void test_page_keeps_names_inert(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    const char *name = "<img src=x onerror=alert(1)>\"'";
    const char *years[] = {"2020", "2021"};
    for (int i = 0; i < 2; i++) {
        ft_series_row r = {.doc = "<b>doc</b>",
                           .subject = name,
                           .year = years[i],
                           .amount = "100",
                           .currency = "KRW",
                           .flags = "<i>"};
        assert_int_equal(ft_series_add(s, &r, NULL), FT_OK);
    }
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    ft_page_item item = {.series = ft_series_at(s, 0),
                         .stem = "img-src-x",
                         .rendered = true,
                         .scale = {1, ""},
                         .unit = "KRW <u>"};
    const char *notes[] = {"1 figure <without> a year"};
    ft_page pg = {.title = "report <t>",
                  .basis = "basis & more",
                  .format = FT_CHART_SVG,
                  .items = &item,
                  .nitems = 1,
                  .notes = notes,
                  .nnotes = 1};
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    assert_int_equal(ft_page_write(f, &pg, NULL), FT_OK);
    fclose(f);
    assert_null(strstr(data, "<img src=x"));
    assert_null(strstr(data, "<b>doc"));
    assert_null(strstr(data, "<i>"));
    assert_null(strstr(data, "<u>"));
    assert_null(strstr(data, "<t>"));
    assert_null(strstr(data, "<without>"));
    assert_non_null(strstr(data, "&lt;img src=x onerror=alert(1)&gt;"));
    assert_non_null(strstr(data, "<img src=\"img-src-x.svg\""));
    assert_non_null(strstr(data, "<meta name=\"viewport\""));
    assert_non_null(strstr(data, "@media print"));
    /* Offline: nothing fetched from elsewhere. */
    assert_null(strstr(data, "http"));
    assert_null(strstr(data, "<script"));
    free(data);
    ft_series_set_free(s);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_page_keeps_names_inert),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
