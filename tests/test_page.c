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
#include <fcntl.h>
#include <unistd.h>

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

/* ft_page_escape against a byte-by-byte escaper: every byte value, at
 * the start, the middle and the end, alone and in runs. */
static void escape_slowly(ft_buf *b, const char *s)
{
    for (; *s; s++) {
        const char *ref = *s == '&'    ? "&amp;"
                          : *s == '<'  ? "&lt;"
                          : *s == '>'  ? "&gt;"
                          : *s == '"'  ? "&quot;"
                          : *s == '\'' ? "&#39;"
                                       : NULL;
        if (ref)
            ft_buf_append(b, ref, strlen(ref));
        else
            ft_buf_putc(b, *s);
    }
}

static void test_escape_every_byte(void **state)
{
    (void)state;
    ft_buf fast, slow;
    ft_buf_init(&fast);
    ft_buf_init(&slow);
    assert_int_equal(ft_page_escape(&fast, NULL), FT_OK);
    assert_int_equal(fast.len, 0);
    assert_int_equal(ft_page_escape(&fast, ""), FT_OK);
    assert_string_equal(fast.data, "");
    for (int c = 1; c < 256; c++) {
        for (int shape = 0; shape < 4; shape++) {
            char s[64];
            const char *fmt[] = {"%c", "%cab", "ab%ccd", "%c%c&x<%c"};
            snprintf(s, sizeof s, fmt[shape], c, c, c);
            ft_buf_clear(&fast);
            ft_buf_clear(&slow);
            assert_int_equal(ft_page_escape(&fast, s), FT_OK);
            escape_slowly(&slow, s);
            assert_int_equal(fast.len, slow.len);
            assert_memory_equal(fast.data, slow.data, slow.len);
        }
    }
    ft_buf_free(&fast);
    ft_buf_free(&slow);
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
    /* Phone and print (measured in chromium by tests/browser/run.sh; here
     * for machines without it): cells keep their words on a line in a
     * sideways-scrolling box, a chart never splits across pages. */
    assert_non_null(strstr(data, "white-space:nowrap}"));
    assert_non_null(strstr(data, ".scroll{overflow-x:auto"));
    assert_non_null(strstr(data, "figure{margin:1rem 0;break-inside:avoid"));
    /* Offline: nothing fetched from elsewhere. */
    assert_null(strstr(data, "http"));
    assert_null(strstr(data, "<script"));
    free(data);
    ft_series_set_free(s);
}

static void test_is_link(void **state)
{
    (void)state;
    assert_true(ft_page_is_link("https://example.org/a?b=1&c=2"));
    assert_true(ft_page_is_link("http://example.org"));
    assert_true(ft_page_is_link("HTTPS://EXAMPLE.ORG/"));
    assert_false(ft_page_is_link(""));
    assert_false(ft_page_is_link("https://"));
    assert_false(ft_page_is_link("javascript:alert(1)"));
    assert_false(ft_page_is_link(" https://example.org"));
    assert_false(ft_page_is_link("data:text/html,<b>x</b>"));
    assert_false(ft_page_is_link("//example.org/x"));
    assert_false(ft_page_is_link("https://a.example/x y"));
    assert_false(ft_page_is_link("https://a.example/\"onclick=\"x"));
    assert_false(ft_page_is_link("https://a.example/<x>"));
    assert_false(ft_page_is_link("https://a.example/\nx"));
}

static char *page_of(ft_series_set *s, const char *unit,
                     const ft_page_ours *ours)
{
    size_t n = ft_series_count(s);
    ft_page_item *items = calloc(n + 1, sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = (ft_page_item){
            .series = ft_series_at(s, i), .scale = {1, ""}, .unit = unit};
    ft_page pg = {.title = "t", .basis = "b", .items = items, .nitems = n};
    pg.set = s;
    pg.mismatch_ours = ours;
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    assert_int_equal(ft_page_write(f, &pg, NULL), FT_OK);
    fclose(f);
    free(items);
    return data;
}

static void add(ft_series_set *s, ft_series_row r)
{
    assert_int_equal(ft_series_add(s, &r, NULL), FT_OK);
}

/* Each point's articles are listed with outlet, date and headline, a
 * link only to a web address; "Check these" gives the conversions that
 * disagree (both values and the gap), the conflicts with their articles,
 * and the figures left out with why. */
/* Years and mentions written as "%ld" writes them, up to the longest. */
static void test_integers(void **state)
{
    (void)state;
    const char *mentions[] = {"1",     "9",
                              "10",    "99",
                              "12345", "9223372036854775807",
                              "-3",    "-9223372036854775808"};
    enum { N = sizeof mentions / sizeof *mentions };
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    for (size_t i = 0; i < N; i++) {
        char doc[8];
        snprintf(doc, sizeof doc, "d%zu", i);
        ft_series_row r = {.doc = doc,
                           .published = "2024-01-02",
                           .mention = mentions[i],
                           .subject = "fund",
                           .year = "", /* left out: its mention shown */
                           .kind = "level",
                           .amount = "5",
                           .currency = "KRW"};
        add(s, r);
    }
    const char *years[] = {"1", "999", "2024", "9999"};
    for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
        ft_series_row r = {.doc = "y",
                           .published = "2024-01-02",
                           .mention = "1",
                           .subject = "fund",
                           .year = years[i],
                           .kind = "level",
                           .amount = "5",
                           .currency = "KRW"};
        add(s, r);
    }
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    char *html = page_of(s, "KRW", NULL);
    for (size_t i = 0; i < N; i++) {
        char want[64];
        long m = strtol(mentions[i], NULL, 10);
        snprintf(want, sizeof want, "<small>#%ld</small>", m);
        if (m > 0)
            assert_non_null(strstr(html, want));
    }
    for (size_t i = 0; i < sizeof years / sizeof *years; i++) {
        char want[32];
        snprintf(want, sizeof want, "<dt>%ld</dt>", strtol(years[i], NULL, 10));
        assert_non_null(strstr(html, want));
    }
    free(html);
    ft_series_set_free(s);
}

static void test_sources_and_checks(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_NOMINAL);
    ft_series_row a = {.doc = "a1",
                       .published = "2024-01-02",
                       .mention = "1",
                       .subject = "fund",
                       .year = "2022",
                       .kind = "level",
                       .amount = "1000",
                       .currency = "KRW",
                       .to_currency = "USD",
                       .amount_nominal = "100",
                       .rate_year = "2022",
                       .reported_amount = "125",
                       .reported_currency = "USD",
                       .flags = "conversion_mismatch",
                       .source = "Harbour Post",
                       .title = "Fund <em>grows</em>",
                       .url = "https://example.org/fund?x=1&y=2"};
    add(s, a);
    ft_series_row b = a;
    b.doc = "b1";
    b.published = "2024-03-04";
    b.amount = "900";
    b.amount_nominal = "90";
    b.reported_amount = b.reported_currency = "";
    b.flags = "";
    b.source = "Valley & Co";
    b.title = "";
    b.url = "javascript:alert(1)";
    add(s, b);
    ft_series_row c = b;
    c.doc = "c1";
    c.year = "2023";
    c.amount_nominal = "95";
    c.title = "Next year";
    c.url = "";
    add(s, c);
    ft_series_row d = c;
    d.mention = "2";
    d.year = "";
    add(s, d);
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    char *html = page_of(s, "USD", NULL);
    /* Sources by year. */
    assert_non_null(strstr(html, "<dt>2022</dt>"));
    assert_non_null(
        strstr(html, "<a href=\"https://example.org/fund?x=1&amp;y=2\" "
                     "rel=\"noopener noreferrer nofollow\">Fund "
                     "&lt;em&gt;grows&lt;/em&gt;</a> <small>[a1]</small>, "
                     "Harbour Post, 2024-01-02"));
    assert_non_null(strstr(html, "<dd><cite>b1</cite>, Valley &amp; Co, "
                                 "2024-03-04</dd>"));
    assert_non_null(strstr(html, "<cite>Next year</cite> <small>[c1]</small>"));
    assert_null(strstr(html, "javascript"));
    assert_null(strstr(html, "<em>"));
    /* Check these: the mismatch, 25% above ours. */
    assert_non_null(strstr(html, "<h2 id=\"check\">Check these</h2>"));
    assert_non_null(strstr(html, "<td class=\"n\">125 USD</td>"
                                 "<td class=\"n\">\xE2\x80\x94</td>"
                                 "<td class=\"n\">\xE2\x80\x94</td>"
                                 "<td class=\"n\">100 USD <small>(2022 rate)"
                                 "</small></td><td class=\"n\">+25%</td>"));
    /* The conflict: the latest article's figure kept, the other listed. */
    assert_non_null(strstr(html, "Conflicting figures for one year (1)"));
    assert_non_null(strstr(html, "<li>90 <b>kept</b>: <cite>b1</cite>"));
    assert_non_null(strstr(html, "<li>100: <a href=\"https://example.org/"));
    /* Left out, with why. */
    assert_non_null(strstr(html, "Left out of the series (1)"));
    assert_non_null(strstr(html, "<small>#2</small></td><td class=\"n\">900 "
                                 "KRW</td><td class=\"n\"></td><td>fund</td>"
                                 "<td class=\"why\">no year</td>"));
    free(html);
    /* With ours at the article's year's rate: 125 is 37.5% below 200. */
    ft_page_ours ours = {.value = 200, .year = 2024};
    html = page_of(s, "USD", &ours);
    assert_non_null(strstr(html, "<td class=\"n\">125 USD</td>"
                                 "<td class=\"n\">200 USD <small>(2024 rate)"
                                 "</small></td><td class=\"n\">-37.5%</td>"));
    free(html);
    ft_series_set_free(s);
}

static void test_nothing_to_check(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    add(s, (ft_series_row){.doc = "a",
                           .subject = "fund",
                           .year = "2020",
                           .amount = "1",
                           .currency = "KRW"});
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    char *html = page_of(s, "KRW", NULL);
    assert_non_null(strstr(html, "<p>Nothing to check:"));
    /* An article without outlet, date or headline: its id alone. */
    assert_non_null(strstr(html, "<dd><cite>a</cite></dd>"));
    free(html);
    ft_series_set_free(s);
}

/* A page far larger than its write buffer: written whole, the same
 * bytes as before it was streamed (every figure left out listed once,
 * the page closed); a write error is FT_EIO with its cause. */
static void test_large_page_streams(void **state)
{
    (void)state;
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    char doc[32];
    for (int i = 0; i < 3000; i++) {
        snprintf(doc, sizeof doc, "article-%04d", i);
        add(s, (ft_series_row){.doc = doc,
                               .subject = "fund",
                               .amount = "1",
                               .currency = "KRW"});
    }
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    char *html = page_of(s, "KRW", NULL);
    assert_true(strlen(html) > 3 * 65536);
    assert_non_null(strstr(html, "Left out of the series (3000)"));
    assert_non_null(strstr(html, "article-0000"));
    assert_non_null(strstr(html, "article-2999"));
    const char *end = "</body>\n</html>\n";
    assert_string_equal(html + strlen(html) - strlen(end), end);
    free(html);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        ft_page pg = {.title = "t", .basis = "b", .format = FT_CHART_SVG};
        pg.set = s;
        ft_error e;
        assert_int_equal(ft_page_write(full, &pg, &e), FT_EIO);
        assert_non_null(strstr(e.message, "write error"));
        fclose(full);
    }
    ft_series_set_free(s);
}

/* When the set cannot read its scratch files back (a disk error after
 * the build), the page is not written with empty articles and checks:
 * ft_page_write fails with FT_EIO and says so.  Parts: a series' sources,
 * a figure left out (no year) alone, a mismatch alone (its series not on
 * the page). */
static void test_unreadable_items_fail(void **state)
{
    (void)state;
    /* the set's two scratch files get the two lowest free descriptors */
    int fd[2];
    fd[0] = open("/dev/null", O_RDONLY);
    fd[1] = open("/dev/null", O_RDONLY);
    assert_true(fd[0] >= 0 && fd[1] > fd[0]);
    close(fd[0]);
    close(fd[1]);
    for (int part = 0; part < 3; part++) {
        ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
        ft_series_row r = {.doc = "a1",
                           .published = "2024-01-02",
                           .mention = "1",
                           .subject = "fund",
                           .year = part == 1 ? "" : "2022",
                           .kind = "level",
                           .amount = "1000",
                           .currency = "KRW",
                           .reported_amount = "2",
                           .reported_currency = "USD",
                           .flags = part == 2 ? "conversion_mismatch" : ""};
        add(s, r);
        if (part == 0) {
            r.doc = "b1";
            r.year = "2021";
            add(s, r);
        }
        assert_int_equal(ft_series_build(s, NULL), FT_OK);
        assert_int_equal(ft_series_count(s), part != 1);
        assert_int_equal(ft_series_nleft_out(s), part == 1);
        assert_int_equal(ft_series_nmismatches(s), part == 2);
        ft_page_item item = {
            .series = ft_series_at(s, 0), .scale = {1, ""}, .unit = "KRW"};
        ft_page pg = {.title = "t",
                      .basis = "b",
                      .items = &item,
                      .nitems = part == 0,
                      .set = s};
        for (int k = 0; k < 2; k++) {
            int w = open("/dev/null", O_WRONLY); /* reads fail */
            assert_true(w >= 0);
            assert_int_equal(dup2(w, fd[k]), fd[k]);
            close(w);
        }
        char *data = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&data, &len);
        ft_error e;
        assert_int_equal(ft_page_write(f, &pg, &e), FT_EIO);
        assert_non_null(strstr(e.message, "temporary file"));
        fclose(f);
        free(data);
        ft_series_set_free(s);
    }
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_escape_every_byte),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_page_keeps_names_inert),
        cmocka_unit_test(test_is_link),
        cmocka_unit_test(test_sources_and_checks),
        cmocka_unit_test(test_nothing_to_check),
        cmocka_unit_test(test_large_page_streams),
        cmocka_unit_test(test_unreadable_items_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
