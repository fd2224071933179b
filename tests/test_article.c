/* test_article.c — the article readers: plain text with headers, JSONL,
 * article CSV, directories, publication dates, CP949 input, and every kind
 * of bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"

/* ---- fixture: a temporary folder per test -------------------------- */

typedef struct {
    char dir[64];
    char path[256];
    /* warnings seen through the hook */
    int warnings[FT_NWARNINGS];
    ft_error last_warning;
} fixture;

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[512];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            remove_tree(sub);
        }
        closedir(d);
        rmdir(path);
    } else
        unlink(path);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    strcpy(fx->dir, "/tmp/ft_article_XXXXXX");
    if (!fx || !mkdtemp(fx->dir))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    remove_tree(fx->dir);
    free(fx);
    return 0;
}

/* Write n bytes to DIR/name; returns the full path (valid until the next
 * call). */
static const char *put(fixture *fx, const char *name, const char *data,
                       size_t n)
{
    snprintf(fx->path, sizeof fx->path, "%s/%s", fx->dir, name);
    FILE *f = fopen(fx->path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return fx->path;
}

static const char *puts_file(fixture *fx, const char *name, const char *s)
{
    return put(fx, name, s, strlen(s));
}

static void on_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    fixture *fx = ctx;
    fx->warnings[w]++;
    fx->last_warning = *detail;
}

static ft_reader_opts opts_for(fixture *fx)
{
    ft_reader_opts o = {0};
    o.warn = on_warning;
    o.warn_ctx = fx;
    return o;
}

static ft_reader *open_ok(const char *path, const ft_reader_opts *o)
{
    ft_reader *r = NULL;
    ft_error err;
    assert_int_equal(ft_reader_open(path, o, &r, &err), FT_OK);
    assert_non_null(r);
    return r;
}

/* The only article of a file, read with options o. */
static void read_one(const char *path, const ft_reader_opts *o, ft_article *a)
{
    ft_reader *r = open_ok(path, o);
    ft_error err;
    assert_int_equal(ft_reader_next(r, a, &err), FT_OK);
    ft_article b = {0};
    assert_int_equal(ft_reader_next(r, &b, &err), FT_EOF);
    ft_reader_free(r);
}

/* ---- dates ---------------------------------------------------------- */

static void test_date_valid(void **state)
{
    (void)state;
    assert_true(ft_article_date_valid("2025-01-02", 10));
    assert_true(ft_article_date_valid("2024-02-29", 10));
    assert_true(ft_article_date_valid("2000-02-29", 10));
    assert_false(ft_article_date_valid("1900-02-29", 10));
    assert_false(ft_article_date_valid("2025-02-29", 10));
    assert_false(ft_article_date_valid("2025-13-01", 10));
    assert_false(ft_article_date_valid("2025-00-10", 10));
    assert_false(ft_article_date_valid("2025-04-31", 10));
    assert_false(ft_article_date_valid("2025-1-02", 9));
    assert_false(ft_article_date_valid("2025/01/02", 10));
    assert_false(ft_article_date_valid("0999-01-01", 10));
    assert_false(ft_article_date_valid("2025-01-02T", 11));
    assert_false(ft_article_date_valid("", 0));
}

/* ft_article_date_valid as the rule is written, a byte at a time. */
static bool date_valid_plain(const char *s, size_t n)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1000 || m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + (m == 2 && leap);
}

/* The dates are checked all ten bytes at once: every byte at every place
 * of a date, and every month and day (and more) of years around the leap
 * rules, against the rule written plainly. */
static void test_date_valid_same_as_plain(void **state)
{
    (void)state;
    char s[11];
    for (size_t at = 0; at < 10; at++)
        for (unsigned c = 0; c < 256; c++) {
            memcpy(s, "2024-02-29", 11);
            s[at] = (char)c;
            assert_int_equal(ft_article_date_valid(s, 10),
                             date_valid_plain(s, 10));
        }
    static const int years[] = {999,  1000, 1600, 1900, 1999, 2000,
                                2023, 2024, 2100, 2400, 9999};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++)
        for (int m = 0; m <= 19; m++)
            for (int d = 0; d <= 39; d++) {
                snprintf(s, sizeof s, "%04d-%02d-%02d", years[i], m, d);
                assert_int_equal(ft_article_date_valid(s, 10),
                                 date_valid_plain(s, 10));
            }
}

/* s must read as the date want. */
static void assert_date(const char *s, const char *want)
{
    char out[11] = "unchanged";
    if (!ft_article_date_parse(s, strlen(s), out))
        fail_msg("'%s' was not read as a date", s);
    assert_string_equal(out, want);
}

static void assert_not_date(const char *s)
{
    char out[11] = "unchanged";
    if (ft_article_date_parse(s, strlen(s), out))
        fail_msg("'%s' was read as %s", s, out);
    assert_string_equal(out, "unchanged");
}

static void test_date_forms(void **state)
{
    (void)state;
    /* ISO, and the date part of a timestamp */
    assert_date("2025-08-04", "2025-08-04");
    assert_date("2025-08-04T09:30:00+09:00", "2025-08-04");
    assert_date("2025-08-04t09:30Z", "2025-08-04");
    assert_date("2025-08-04 09:30", "2025-08-04");
    assert_date("  2025-08-04 \r\n", "2025-08-04");
    assert_date("2025-8-4", "2025-08-04");
    /* English, month first */
    assert_date("Aug. 4, 2025", "2025-08-04");
    assert_date("August 4, 2025", "2025-08-04");
    assert_date("Aug 4, 2025", "2025-08-04");
    assert_date("aug 4 2025", "2025-08-04");
    assert_date("Sept. 30, 2024", "2024-09-30");
    assert_date("Sep 1, 2024", "2024-09-01");
    assert_date("May 4th, 2025", "2025-05-04");
    assert_date("Aug. 4, 2025, 10:00 KST", "2025-08-04");
    assert_date("Monday, August 4, 2025", "2025-08-04");
    /* English, day first */
    assert_date("4 August 2025", "2025-08-04");
    assert_date("4 Aug. 2025", "2025-08-04");
    assert_date("04 Aug 2025", "2025-08-04");
    assert_date("1st March, 2024", "2024-03-01");
    assert_date("Mon, 04 Aug 2025 09:30:00 +0900", "2025-08-04");
    /* dotted and slashed, as Korean and Japanese sites print them */
    assert_date("2025.08.04", "2025-08-04");
    assert_date("2025.8.4", "2025-08-04");
    assert_date("2025.08.04.", "2025-08-04");
    assert_date("2025.08.04 09:30", "2025-08-04");
    assert_date("2025/08/04", "2025-08-04");
    assert_date("2025/8/4", "2025-08-04");
    /* Korean, with or without spaces */
    assert_date("2025년 8월 4일", "2025-08-04");
    assert_date("2025년8월4일", "2025-08-04");
    assert_date("2025 년 08 월 04 일", "2025-08-04");
    assert_date("2025년 8월 4일(월)", "2025-08-04");
    assert_date("2025년 8월 4일 오전 9:30", "2025-08-04");
    /* leap years */
    assert_date("Feb. 29, 2024", "2024-02-29");
    assert_date("2000.2.29", "2000-02-29");
    /* our own form, taken as it is */
    assert_date("2024-02-29", "2024-02-29");
    assert_date("1000-01-01", "1000-01-01");
    assert_date("9999-12-31", "9999-12-31");
}

static void test_date_forms_refused(void **state)
{
    (void)state;
    /* no such day */
    assert_not_date("Feb. 30, 2025");
    assert_not_date("30 February 2025");
    assert_not_date("2025.13.01");
    assert_not_date("2025.02.29");
    assert_not_date("2025-04-31");
    assert_not_date("2025년 2월 30일");
    assert_not_date("2025.00.10");
    assert_not_date("Aug. 0, 2025");
    assert_not_date("0999-01-01");
    /* not one of the forms */
    assert_not_date("");
    assert_not_date("   ");
    assert_not_date("yesterday");
    assert_not_date("8 hours ago");
    assert_not_date("04/08/2025"); /* April 8th or 4 August? */
    assert_not_date("08-04-2025");
    assert_not_date("2025-03-045");
    assert_not_date("2025-08");
    assert_not_date("2025.08/04");
    assert_not_date("20250804");
    assert_not_date("Aug 42025");
    assert_not_date("Aug 4");
    assert_not_date("August 2025");
    assert_not_date("Augus 4, 2025");
    assert_not_date("4 Aug 25");
    assert_not_date("Aug 4, 20255");
    assert_not_date("2025년 8월");
    assert_not_date("2025-08-04X");
    assert_not_date("2025.08.04T09:30");
    assert_not_date("Sunday");
}

/* ---- plain text ----------------------------------------------------- */

static void test_text_with_header(void **state)
{
    fixture *fx = *state;
    const char *p = puts_file(fx, "a.txt",
                              "Title: Defence budget\n"
                              "Date: 2024-12-10\n"
                              "Source: Wire\n"
                              "URL: https://example.org/x?a=1\n"
                              "\n"
                              "The budget is 61.2 trillion won.\n");
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(p, &o, &a);
    assert_string_equal(a.id, p);
    assert_string_equal(a.title, "Defence budget");
    assert_string_equal(a.published, "2024-12-10");
    assert_string_equal(a.source, "Wire");
    assert_string_equal(a.url, "https://example.org/x?a=1");
    assert_string_equal(a.text, "The budget is 61.2 trillion won.\n");
    assert_int_equal(a.len, 33);
    ft_article_clear(&a);
    assert_null(a.text);
}

static void test_text_without_header(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    /* an unknown key first: text, not a header */
    read_one(puts_file(fx, "a.txt", "Note: 5 billion won.\n\nMore.\n"), &o, &a);
    assert_string_equal(a.text, "Note: 5 billion won.\n\nMore.\n");
    assert_string_equal(a.title, "");
    /* known keys not ended by a blank line: text */
    read_one(puts_file(fx, "b.txt", "Title: x\nBody line.\n"), &o, &a);
    assert_string_equal(a.text, "Title: x\nBody line.\n");
    assert_string_equal(a.title, "");
    /* a blank first line (like the seed): text */
    read_one(puts_file(fx, "c.txt", "\nTitle: x\n\nBody\n"), &o, &a);
    assert_string_equal(a.text, "\nTitle: x\n\nBody\n");
    ft_article_clear(&a);
}

static void test_text_header_details(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    /* any case, no space after ':', other keys ignored, padding trimmed */
    read_one(puts_file(fx, "a.txt",
                       "TITLE:x\ndate:   2025-01-02  \nAuthor: Kim\n"
                       "source:\tWire\t\n   \nBody"),
             &o, &a);
    assert_string_equal(a.title, "x");
    assert_string_equal(a.published, "2025-01-02");
    assert_string_equal(a.source, "Wire");
    assert_string_equal(a.text, "Body");
    /* a file that is only a header */
    read_one(puts_file(fx, "b.txt", "Title: only"), &o, &a);
    assert_string_equal(a.title, "only");
    assert_int_equal(a.len, 0);
    assert_string_equal(a.text, "");
    ft_article_clear(&a);
}

static void test_text_bom_and_crlf(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(puts_file(fx, "a.txt",
                       "\xEF\xBB\xBFTitle: T\r\nDate: 2025-01-02\r\n\r\n"
                       "Line one.\r\nLine two.\r\n"),
             &o, &a);
    assert_string_equal(a.title, "T");
    assert_string_equal(a.published, "2025-01-02");
    /* the text keeps its bytes, CRs included */
    assert_string_equal(a.text, "Line one.\r\nLine two.\r\n");
    read_one(puts_file(fx, "b.txt",
                       "\xEF\xBB\xBF"
                       "900 million won"),
             &o, &a);
    assert_string_equal(a.text, "900 million won");
    assert_int_equal(a.len, 15);
    /* only a leading BOM goes */
    read_one(puts_file(fx, "c.txt", "x\xEF\xBB\xBFy"), &o, &a);
    assert_int_equal(a.len, 5);
    ft_article_clear(&a);
    assert_int_equal(fx->warnings[FT_WARN_UTF8], 0);
}

static void test_text_dates(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.date = "2020-05-05";
    o.source = "Fallback";
    ft_article a = {0};
    read_one(puts_file(fx, "a.txt", "Body"), &o, &a);
    assert_string_equal(a.published, "2020-05-05");
    assert_string_equal(a.source, "Fallback");
    read_one(puts_file(fx, "b.txt",
                       "Date: 2025-03-04T09:00:00+09:00\nSource: Own\n\nB"),
             &o, &a);
    assert_string_equal(a.published, "2025-03-04");
    assert_string_equal(a.source, "Own");
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0);
    /* the usual news forms are read and normalised */
    read_one(puts_file(fx, "c.txt", "Date: Aug. 4, 2025\n\nB"), &o, &a);
    assert_string_equal(a.published, "2025-08-04");
    read_one(puts_file(fx, "c2.txt", "Date: 2025년 8월 4일\n\nB"), &o, &a);
    assert_string_equal(a.published, "2025-08-04");
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0);
    read_one(puts_file(fx, "c3.txt", "Date: Feb. 30, 2025\n\nB"), &o, &a);
    assert_string_equal(a.published, "2020-05-05");
    assert_int_equal(fx->warnings[FT_WARN_DATE], 1);
    assert_non_null(strstr(fx->last_warning.message, "Feb. 30, 2025"));
    assert_non_null(strstr(fx->last_warning.file, "c3.txt"));
    read_one(puts_file(fx, "d.txt", "Date: 2025-03-045\n\nB"), &o, &a);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 2);
    /* the date is quoted without control characters, and cut short */
    read_one(puts_file(fx, "e.txt",
                       "Date: \x1b[2J\x07 0123456789012345678901234567890123"
                       "456789\n\nB"),
             &o, &a);
    assert_string_equal(fx->last_warning.message,
                        "date '?[2J? 0123456789012345678901234567890123' is "
                        "not a recognised date; ignored");
    ft_article_clear(&a);
}

static void test_bad_fallback_date(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.date = "2025-02-30";
    ft_reader *r = NULL;
    ft_error err;
    assert_int_equal(ft_reader_open(puts_file(fx, "a.txt", "x"), &o, &r, &err),
                     FT_EUSAGE);
    assert_null(r);
}

static void test_fallback_date_normalised(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.date = "Aug. 4, 2025";
    ft_article a = {0};
    read_one(puts_file(fx, "a.txt", "x"), &o, &a);
    assert_string_equal(a.published, "2025-08-04");
    ft_article_clear(&a);
}

static void test_empty_file(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(put(fx, "empty.txt", "", 0), &o, &a);
    assert_int_equal(a.len, 0);
    assert_non_null(a.text);
    assert_string_equal(a.text, "");
    ft_article_clear(&a);
}

static void test_missing_file(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = NULL;
    ft_error err;
    char path[128];
    snprintf(path, sizeof path, "%s/nosuch.txt", fx->dir);
    assert_int_equal(ft_reader_open(path, &o, &r, &err), FT_ENOINPUT);
    assert_null(r);
    assert_string_equal(err.file, path);
    assert_string_equal(err.message, "No such file or directory");
}

/* Reading path must fail with status want and a message containing what. */
static void assert_rejected(const char *path, const ft_reader_opts *o,
                            ft_status want, const char *what)
{
    ft_reader *r = open_ok(path, o);
    ft_article a = {0};
    ft_error err;
    assert_int_equal(ft_reader_next(r, &a, &err), want);
    assert_null(a.text);
    assert_non_null(strstr(err.message, what));
    assert_string_equal(err.file, path);
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    ft_reader_free(r);
}

static void test_binary_rejected(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_rejected(put(fx, "a.png", png, sizeof png - 1), &o, FT_EDATA,
                    "not text");
    char ctl[400];
    for (size_t i = 0; i < sizeof ctl; i++)
        ctl[i] = i % 4 ? 'a' : '\x02'; /* 25% control characters */
    assert_rejected(put(fx, "b.txt", ctl, sizeof ctl), &o, FT_EDATA,
                    "mostly control characters");
    /* a NUL far past the first 8 KiB still counts for plain text */
    size_t n = 20000;
    char *big = malloc(n);
    memset(big, 'a', n);
    big[15000] = '\0';
    assert_rejected(put(fx, "c.txt", big, n), &o, FT_EDATA, "NUL");
    free(big);
}

static void test_some_controls_are_text(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(puts_file(fx, "a.txt",
                       "tab\there\fform\vvt\x1b[0m and more "
                       "words to keep the ratio low enough"),
             &o, &a);
    assert_int_equal(a.len, strlen(a.text));
    ft_article_clear(&a);
}

static void test_invalid_utf8_kept_and_warned(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(puts_file(fx, "a.txt", "Caf\xE9 900 million won"), &o, &a);
    assert_string_equal(a.text, "Caf\xE9 900 million won");
    assert_int_equal(fx->warnings[FT_WARN_UTF8], 1);
    assert_non_null(strstr(fx->last_warning.message, "byte 3"));
    ft_article_clear(&a);
}

static void test_size_limit(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.max_bytes = 10;
    ft_article a = {0};
    read_one(puts_file(fx, "ok.txt", "0123456789"), &o, &a); /* = limit */
    assert_int_equal(a.len, 10);
    ft_article_clear(&a);
    assert_rejected(puts_file(fx, "big.txt", "0123456789X"), &o, FT_ETOOBIG,
                    "larger than 10 bytes");
}

/* ---- JSONL ---------------------------------------------------------- */

static void test_jsonl_fields_and_escapes(void **state)
{
    fixture *fx = *state;
    const char *p =
        puts_file(fx, "a.jsonl",
                  "\xEF\xBB\xBF{\"id\":\"k1\",\"published\":\"2025-03-04\","
                  "\"source\":\"Wire\",\"title\":\"T\",\"url\":\"u\","
                  "\"text\":\"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t \\u00e9\\uD55C "
                  "\\ud83d\\ude00 \\u0041\"}\n");
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(p, &o, &a);
    assert_string_equal(a.id, "k1");
    assert_string_equal(a.published, "2025-03-04");
    assert_string_equal(a.source, "Wire");
    assert_string_equal(a.title, "T");
    assert_string_equal(a.url, "u");
    /* the backspace, a terminal control, reads as a space (text.h) */
    assert_string_equal(a.text, "q\"b\\s/ \f\n\r\t \xC3\xA9\xED\x95\x9C "
                                "\xF0\x9F\x98\x80 A");
    assert_int_equal(a.len, strlen(a.text));
    ft_article_clear(&a);
}

/* Keys are found whatever their spelling: escaped ("t\u0065xt"), longer
 * than a look of sixteen bytes, unknown and long, or at the line's end;
 * a key that is a field's name but for a byte, cut short or longer, is
 * no field;
 * and whether the reader found the text well-formed UTF-8 is said. */
static void test_jsonl_keys_spelled_any_way(void **state)
{
    fixture *fx = *state;
    const char *p =
        puts_file(fx, "a.jsonl",
                  "{\"t\\u0065xt\":\"one "
                  "\xED\x95\x9C\",\"an_unknown_key_longer_than_16\":1,"
                  "\"\\u0069d\":\"k1\"}\n"
                  "{\"id\":\"k2\",\"text\":\"two\",\"Text\":3,\"tex\":4,"
                  "\"texts\":5,\"i\":6,\"idd\":7,\"publishe\":8,\"url2\":9}\n"
                  "{\"text\":\"bad \xFF\"}\n");
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_OK);
    assert_string_equal(a.id, "k1");
    assert_string_equal(a.text, "one \xED\x95\x9C");
    assert_true(a.utf8);
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_OK);
    assert_string_equal(a.id, "k2");
    assert_string_equal(a.text, "two");
    assert_true(a.utf8);
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_OK);
    assert_string_equal(a.text, "bad \xFF");
    assert_false(a.utf8);
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_article_clear(&a);
    ft_reader_free(r);
}

/* The reader skips the UTF-8 check for a text of ASCII bytes and the
 * blanking for a text without a control; both must still happen where
 * the one byte that asks for them sits anywhere in a long string (the
 * strings are scanned eight bytes at a time), raw or escaped. */
static void test_jsonl_controls_and_utf8_anywhere(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *json; /* the text field's JSON */
        const char *want; /* its text */
        int utf8_warnings;
    } cases[] = {
        {"abcdefghijklmnop\\u001b[0mqrstuvw", "abcdefghijklmnop    qrstuvw", 0},
        {"abcdefghij\x7fklmnopqrstuvw", "abcdefghij klmnopqrstuvw", 0},
        {"abcdefghijklmnopqrstuv\\bw", "abcdefghijklmnopqrstuv w", 0},
        {"abcdefghijklmnopqrstuvw\\u0007", "abcdefghijklmnopqrstuvw ", 0},
        {"abcdefghijklmnopqrstuvw\\u007f", "abcdefghijklmnopqrstuvw ", 0},
        {"abcdefghijklmnopqrstuvw\\u000b\\f", "abcdefghijklmnopqrstuvw\v\f", 0},
        {"abcdefghijklmnopqrstu\xff", "abcdefghijklmnopqrstu\xff", 1},
        {"abcdefghijklmnopq\xc3\xa9\xed\x95\x9c",
         "abcdefghijklmnopq\xc3\xa9\xed\x95\x9c", 0},
        {"\\u00e9abcdefghijklmnopqrstu",
         "\xc3\xa9"
         "abcdefghijklmnopqrstu",
         0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char line[256];
        snprintf(line, sizeof line, "{\"id\":\"k\",\"text\":\"%s\"}\n",
                 cases[i].json);
        const char *p = puts_file(fx, "a.jsonl", line);
        ft_reader_opts o = opts_for(fx);
        ft_article a = {0};
        fx->warnings[FT_WARN_UTF8] = 0;
        read_one(p, &o, &a);
        assert_string_equal(a.text, cases[i].want);
        assert_int_equal(fx->warnings[FT_WARN_UTF8], cases[i].utf8_warnings);
        ft_article_clear(&a);
    }
}

/* Strings are decoded sixteen bytes at a time with the escapes of one
 * letter among them: each escape at every place of a text, alone or with
 * another right after it or some bytes on, and the text's end near or far
 * from the line's, reads as decoded byte by byte. */
static void test_jsonl_escapes_at_every_place(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *json, *text;
    } escapes[] = {{"\\n", "\n"}, {"\\\"", "\""}, {"\\\\", "\\"},
                   {"\\/", "/"},  {"\\b", " "},   {"\\f", "\f"},
                   {"\\r", "\r"}, {"\\t", "\t"},  {"\\u0041", "A"}};
    size_t n = sizeof escapes / sizeof escapes[0];
    for (size_t at = 0; at <= 40; at++)
        for (size_t e = 0; e < n; e++)
            for (size_t g = 0; g < 4; g++)
                for (int far = 0; far < 2; far++) {
                    static const size_t gaps[] = {0, 1, 15, 17};
                    size_t gap = gaps[g];
                    /* letters, the escape at `at`, another `gap` after */
                    char json[128] = "", want[128] = "";
                    for (size_t k = 0; k < at; k++)
                        strcat(json, "a"), strcat(want, "a");
                    strcat(json, escapes[e].json);
                    strcat(want, escapes[e].text);
                    for (size_t k = 0; gap && k < gap - 1; k++)
                        strcat(json, "b"), strcat(want, "b");
                    if (gap) {
                        strcat(json, escapes[(e + 1) % n].json);
                        strcat(want, escapes[(e + 1) % n].text);
                    }
                    strcat(json, "c");
                    strcat(want, "c");
                    char line[512];
                    snprintf(line, sizeof line,
                             "{\"id\":\"k\",\"text\":\"%s\"%s}\n", json,
                             far ? ",\"title\":\"a title of some length\""
                                 : "");
                    const char *p = puts_file(fx, "a.jsonl", line);
                    ft_reader_opts o = opts_for(fx);
                    ft_article a = {0};
                    read_one(p, &o, &a);
                    assert_string_equal(a.text, want);
                    ft_article_clear(&a);
                }
}

/* The same at every place of a string scanned sixteen bytes at a time,
 * with an escape before it in the same sixteen and a bad byte in a later
 * field (which is not the text's). */
static void test_jsonl_controls_at_every_place(void **state)
{
    fixture *fx = *state;
    for (size_t at = 0; at < 40; at++)
        for (int kind = 0; kind < 3; kind++) {
            char json[64], want[64];
            memset(json, 'a', 40);
            memset(want, 'a', 40);
            json[40] = want[40] = '\0';
            if (at >= 3) { /* an escape three bytes before */
                memcpy(json + at - 3, "\\t", 2);
                want[at - 3] = '\t';
                memmove(want + at - 2, want + at - 1, 40 - (at - 1) + 1);
            }
            if (kind == 0) { /* DEL: blanked */
                json[at] = '\x7f';
                want[at >= 3 ? at - 1 : at] = ' ';
            } else if (kind == 1) { /* a bad byte: kept, warned */
                json[at] = '\xff';
                want[at >= 3 ? at - 1 : at] = '\xff';
            }
            char line[256];
            snprintf(line, sizeof line,
                     "{\"id\":\"k\",\"text\":\"%s\",\"title\":\"x\xff\x7f\"}\n",
                     json);
            const char *p = puts_file(fx, "a.jsonl", line);
            ft_reader_opts o = opts_for(fx);
            ft_article a = {0};
            fx->warnings[FT_WARN_UTF8] = 0;
            read_one(p, &o, &a);
            assert_string_equal(a.text, want);
            assert_int_equal(fx->warnings[FT_WARN_UTF8], kind == 1);
            ft_article_clear(&a);
        }
}

static void test_jsonl_lines(void **state)
{
    fixture *fx = *state;
    const char *p = puts_file(
        fx, "a.jsonl",
        "{\"id\":42,\"text\":\"one\"}\n"
        "\n"
        "   \t\r\n"
        "{ \"text\" : \"three\" , \"published\" : null , \"id\" : null }\r\n"
        "{\"id\":\"\",\"text\":\"four\"}\n"
        "{\"x\":{\"y\":[1,-2.5e3,true,false,null,{}],\"z\":[]},\"text\":\"f\","
        "\"published\":\"2025-03-04T09:00:00Z\",\"source\":null}\n"
        "{\"\\u0069d\":\"esc\",\"text\":\"\",\"id\":\"twice\"}");
    ft_reader_opts o = opts_for(fx);
    o.source = "S";
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    ft_error err;
    char want[128];
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.id, "42");
    assert_string_equal(a.text, "one");
    assert_string_equal(a.source, "S");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    snprintf(want, sizeof want, "%s:4", p); /* named by file and line */
    assert_string_equal(a.id, want);
    assert_string_equal(a.text, "three");
    assert_string_equal(a.published, "");
    /* an empty id is none, as an empty cell of an articles CSV is */
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    snprintf(want, sizeof want, "%s:5", p);
    assert_string_equal(a.id, want);
    assert_string_equal(a.text, "four");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.text, "f");
    assert_string_equal(a.published, "2025-03-04");
    assert_string_equal(a.source, "S");
    /* "id" twice (once escaped): which would be meant?  Refused. */
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EDATA);
    assert_non_null(strstr(err.message, "a field given twice"));
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    ft_reader_free(r);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0);
}

/* Lines read unparsed (what extract --jobs does): parsed after the reader
 * is freed, they give the articles, rejects and warnings (to the hook
 * given to the parse, not the reader's) that ft_reader_next gives, named
 * by their input and line. */
static void test_jsonl_lines_parsed_later(void **state)
{
    fixture *fx = *state;
    const char *p = puts_file(
        fx, "a.jsonl",
        "{\"text\":\"one \\u0007\",\"published\":\"no day\"}\n"
        "\n"
        "{not json\n"
        "{\"id\":\"k\",\"text\":\"\xB1\xB9\xFF\"}\n"
        "{\"id\":\"long\",\"text\":\"0123456789012345678901234567890\"}\n"
        "{\"id\":\"last\",\"text\":\"end\",\"source\":\"own\"}");
    char path[256];
    snprintf(path, sizeof path, "%s", p);
    ft_reader_opts o = opts_for(fx);
    o.date = "Aug. 4, 2025";
    o.source = "S";
    o.encoding = "EUC-KR";
    o.max_bytes = 50;
    ft_reader *r = open_ok(path, &o);
    ft_line lines[4] = {{0}};
    ft_article a = {0};
    ft_error err;
    long want_line[] = {1, 3, 4, 6};
    for (int i = 0; i < 4; i++) {
        if (i == 3) { /* line 5 is over max_bytes: the reader's reject */
            assert_int_equal(ft_reader_next_line(r, &a, &lines[i], &err),
                             FT_ETOOBIG);
            assert_int_equal(err.line, 5);
        }
        assert_int_equal(ft_reader_next_line(r, &a, &lines[i], &err), FT_OK);
        assert_non_null(lines[i].bytes);
        assert_null(a.id);
        assert_int_equal(lines[i].line, want_line[i]);
    }
    ft_line end = {0};
    assert_int_equal(ft_reader_next_line(r, &a, &end, &err), FT_EOF);
    ft_reader_free(r);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0); /* not parsed yet */

    fixture seen = {0};
    char want[300];
    assert_int_equal(ft_line_parse(&lines[0], &a, on_warning, &seen, &err),
                     FT_OK);
    assert_null(lines[0].bytes); /* taken: now the text */
    snprintf(want, sizeof want, "%s:1", path);
    assert_string_equal(a.id, want);
    assert_string_equal(a.text, "one  "); /* the control blanked */
    assert_string_equal(a.published, "2025-08-04");
    assert_string_equal(a.source, "S");
    assert_int_equal(seen.warnings[FT_WARN_DATE], 1);
    assert_string_equal(seen.last_warning.file, path);
    assert_int_equal(seen.last_warning.line, 1);
    assert_int_equal(ft_line_parse(&lines[1], &a, on_warning, &seen, &err),
                     FT_EDATA);
    assert_null(a.id);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 3);
    assert_int_equal(ft_line_parse(&lines[2], &a, on_warning, &seen, &err),
                     FT_OK);
    assert_string_equal(a.text, "국\xEF\xBF\xBD");
    assert_int_equal(seen.warnings[FT_WARN_ENCODING], 1);
    assert_non_null(strstr(seen.last_warning.message, "not valid EUC-KR"));
    assert_int_equal(seen.last_warning.line, 4);
    assert_int_equal(ft_line_parse(&lines[3], &a, NULL, NULL, &err), FT_OK);
    assert_string_equal(a.id, "last");
    assert_string_equal(a.source, "own");
    for (int i = 0; i < 4; i++)
        ft_line_clear(&lines[i]);
    ft_article_clear(&a);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0); /* the reader's hook */
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 0);
}

static void test_jsonl_bad_lines_skipped(void **state)
{
    fixture *fx = *state;
    static const struct {
        const char *line, *why;
    } bad[] = {
        {"{\"text\":\"unterminated}", "unterminated string"},
        {"{\"text\":5}", "\"text\" is not a string"},
        {"{\"id\":true,\"text\":\"x\"}", "\"id\" is not a string or number"},
        {"{\"title\":[],\"text\":\"x\"}", "\"title\" is not a string"},
        {"[1,2]", "'{' expected"},
        {"{\"text\":\"a\\ud800b\"}", "lone surrogate"},
        {"{\"text\":\"a\\udc00b\"}", "lone surrogate"},
        {"{\"text\":\"a\\ud800\\u0041\"}", "lone surrogate"},
        {"{\"text\":\"a\\u0000b\"}", "\\u0000"},
        {"{\"text\":\"a\\u12G4\"}", "bad \\u escape"},
        {"{\"text\":\"a\\u12\"}", "bad \\u escape"},
        {"{\"text\":\"a\\x\"}", "bad escape"},
        {"{\"text\":\"tab\there\"}", "control character"},
        {"{\"id\":\"u\"}", "no \"text\" string"},
        {"{\"text\":\"x\"} trailing", "text after the object"},
        {"{\"text\":\"x\",}", "key expected"},
        {"{\"text\" \"x\"}", "':' expected"},
        {"{\"text\":\"x\" \"id\":\"y\"}", "',' or '}' expected"},
        {"{\"n\":01,\"text\":\"x\"}", "',' or '}' expected"},
        {"{\"n\":1.,\"text\":\"x\"}", "bad number"},
        {"{\"n\":tru,\"text\":\"x\"}", "unexpected character"},
        {"{\"n\":[1,],\"text\":\"x\"}", "unexpected character"},
        {"{\"text\":\"x\"", "',' or '}' expected"},
        {"not json", "'{' expected"},
        {"{\"text\":\"a\",\"text\":\"b\"}", "a field given twice"},
    };
    size_t nbad = sizeof bad / sizeof bad[0];
    char content[4096] = "";
    for (size_t i = 0; i < nbad; i++) {
        strcat(content, bad[i].line);
        strcat(content, "\n");
    }
    strcat(content, "{\"id\":\"good\",\"text\":\"fine\"}\n");
    const char *p = puts_file(fx, "bad.jsonl", content);
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    ft_error err;
    for (size_t i = 0; i < nbad; i++) {
        ft_status st = ft_reader_next(r, &a, &err);
        if (st != FT_EDATA || !strstr(err.message, bad[i].why))
            fail_msg("line %zu (%s): status %d, message \"%s\", want \"%s\"",
                     i + 1, bad[i].line, st, err.message, bad[i].why);
        assert_int_equal(err.line, (long)(i + 1));
        assert_string_equal(err.file, p);
        assert_null(a.text);
    }
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.id, "good");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    ft_reader_free(r);
}

static void test_jsonl_deep_nesting_refused(void **state)
{
    fixture *fx = *state;
    char line[600] = "{\"x\":";
    for (int i = 0; i < 200; i++)
        strcat(line, "[");
    strcat(line, "\n{\"text\":\"ok\"}\n");
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(puts_file(fx, "deep.jsonl", line), &o);
    ft_article a = {0};
    ft_error err;
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EDATA);
    assert_non_null(strstr(err.message, "nested too deeply"));
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.text, "ok");
    ft_article_clear(&a);
    ft_reader_free(r);
}

static void test_jsonl_long_lines(void **state)
{
    fixture *fx = *state;
    /* lines across many 64 KiB reads; one over the limit is skipped */
    size_t big = 300000, limit = 200000;
    size_t cap = 2 * big + 1000;
    char *content = malloc(cap);
    size_t n = 0;
    n += (size_t)sprintf(content + n, "{\"text\":\"");
    memset(content + n, 'a', big);
    n += big;
    n += (size_t)sprintf(content + n, "\"}\n{\"text\":\"");
    memset(content + n, 'b', limit - 11);
    n += limit - 11;
    n += (size_t)sprintf(content + n, "\"}\n{\"text\":\"end\"}");
    ft_reader_opts o = opts_for(fx);
    o.max_bytes = limit;
    ft_reader *r = open_ok(put(fx, "long.jsonl", content, n), &o);
    ft_article a = {0};
    ft_error err;
    assert_int_equal(ft_reader_next(r, &a, &err), FT_ETOOBIG);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "larger than 200000 bytes"));
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK); /* exactly */
    assert_int_equal(a.len, limit - 11);
    assert_int_equal(a.text[0], 'b');
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.text, "end");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    ft_article_clear(&a);
    ft_reader_free(r);
    free(content);
}

static void test_jsonl_binary_file(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    static const char gz[] = "\x1f\x8b\x08\0\0\0\0\0\0\x03{\"text\":\"x\"}\n";
    assert_rejected(put(fx, "a.jsonl", gz, sizeof gz - 1), &o, FT_EDATA,
                    "not text");
}

static void test_jsonl_published_checked(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.date = "2020-01-01";
    ft_article a = {0};
    read_one(puts_file(fx, "a.jsonl",
                       "{\"published\":\"04/03/2025\",\"text\":\"x\"}\n"),
             &o, &a);
    assert_string_equal(a.published, "2020-01-01");
    assert_int_equal(fx->warnings[FT_WARN_DATE], 1);
    assert_int_equal(fx->last_warning.line, 1);
    ft_article_clear(&a);
}

static void test_input_kind_forced(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    const char *p = puts_file(fx, "a.json", "{\"id\":\"j\",\"text\":\"x\"}\n");
    read_one(p, &o, &a); /* by name: plain text */
    assert_string_equal(a.text, "{\"id\":\"j\",\"text\":\"x\"}\n");
    o.kind = FT_INPUT_JSONL;
    read_one(p, &o, &a);
    assert_string_equal(a.id, "j");
    p = puts_file(fx, "b.jsonl", "{\"id\":\"j\",\"text\":\"x\"}\n");
    o.kind = FT_INPUT_TEXT;
    read_one(p, &o, &a);
    assert_string_equal(a.text, "{\"id\":\"j\",\"text\":\"x\"}\n");
    ft_article_clear(&a);
}

/* ---- article CSV ---------------------------------------------------- */

/* The next article of r must be FT_OK with this id and text. */
static void next_is(ft_reader *r, ft_article *a, const char *id,
                    const char *text)
{
    ft_error err;
    ft_status st = ft_reader_next(r, a, &err);
    if (st != FT_OK)
        fail_msg("status %d: %s:%ld: %s", st, err.file, err.line, err.message);
    assert_string_equal(a->id, id);
    assert_string_equal(a->text, text);
    assert_int_equal(a->len, strlen(text));
}

/* The next article of r must be rejected with status want at line, the
 * message holding what. */
static void next_rejected(ft_reader *r, ft_status want, long line,
                          const char *what)
{
    ft_article a = {0};
    ft_error err;
    assert_int_equal(ft_reader_next(r, &a, &err), want);
    assert_null(a.text);
    assert_int_equal(err.line, line);
    if (!strstr(err.message, what))
        fail_msg("'%s' lacks '%s'", err.message, what);
}

static void test_csv_articles(void **state)
{
    fixture *fx = *state;
    /* any column order, any case, an unknown column, a quoted comma, a
     * quoted newline, a doubled quote, empty cells absent */
    const char *p = puts_file(
        fx, "a.csv",
        "Text,extra,PUBLISHED,id,source,title,url\n"
        "It cost 900 million won.,x,\"Aug. 4, 2025\",k1,Wire,T,https://e/x\n"
        "\"Two lines,\nand \"\"quoted\"\".\",,2025-08-05,,,,\n"
        "\n"
        "last,,,k3,,,");
    ft_reader_opts o = opts_for(fx);
    o.source = "Fallback";
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    next_is(r, &a, "k1", "It cost 900 million won.");
    assert_string_equal(a.published, "2025-08-04");
    assert_string_equal(a.source, "Wire");
    assert_string_equal(a.title, "T");
    assert_string_equal(a.url, "https://e/x");
    char want[300];
    snprintf(want, sizeof want, "%s:3", p); /* named by its first line */
    next_is(r, &a, want, "Two lines,\nand \"quoted\".");
    assert_string_equal(a.published, "2025-08-05");
    assert_string_equal(a.source, "Fallback");
    assert_string_equal(a.title, "");
    next_is(r, &a, "k3", "last"); /* no line end after the last row */
    assert_string_equal(a.published, "");
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
    ft_article_clear(&a);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0);
}

static void test_csv_bom_and_crlf(void **state)
{
    fixture *fx = *state;
    const char *p = puts_file(fx, "a.csv",
                              "\xEF\xBB\xBFid,text\r\n"
                              "a,\"one\r\ntwo\"\r\n"
                              "\r\n"
                              "b,three\r\n");
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    next_is(r, &a, "a", "one\r\ntwo"); /* a quoted CRLF is text */
    next_is(r, &a, "b", "three");
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
    ft_article_clear(&a);
}

static void test_csv_header_without_text(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    const char *p = puts_file(fx, "a.csv", "id,body\n1,It cost 5 won.\n");
    ft_reader *r = open_ok(p, &o);
    next_rejected(r, FT_EDATA, 1, "no \"text\" column");
    ft_article a = {0};
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF); /* file skipped */
    ft_reader_free(r);
    /* a column named twice is as bad */
    p = puts_file(fx, "b.csv", "\n\ntext,Text\nx,y\n");
    r = open_ok(p, &o);
    next_rejected(r, FT_EDATA, 3, "named twice");
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
    /* an empty file has no articles, and no error */
    r = open_ok(put(fx, "c.csv", "", 0), &o);
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
}

static void test_csv_malformed_rows_skipped(void **state)
{
    fixture *fx = *state;
    static const char body[] = "id,text\n"
                               "1,a stray\"quote\n"       /* line 2 */
                               "2,\"closed\" then text\n" /* line 3 */
                               "3,fine\n"                 /* line 4 */
                               "4,too,many\n"             /* line 5 */
                               "5\n"                      /* line 6 */
                               "\n"                       /* line 7 */
                               "7,\"multi\nline\"\n"      /* lines 8-9 */
                               "8,\"never\nclosed\n";     /* line 10 */
    const char *p = puts_file(fx, "a.csv", body);
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    next_rejected(r, FT_EDATA, 2, "malformed CSV in field 2");
    next_rejected(r, FT_EDATA, 3, "text after a closing quote");
    next_is(r, &a, "3", "fine");
    next_rejected(r, FT_EDATA, 5, "3 fields where the header has 2");
    next_rejected(r, FT_EDATA, 6, "1 field where the header has 2");
    next_is(r, &a, "7", "multi\nline");
    next_rejected(r, FT_EDATA, 10, "not closed");
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
    ft_article_clear(&a);
}

/* A NUL byte in the first 8 KiB makes the file binary; later, it makes
 * its row bad. */
static void test_csv_nul_in_a_row(void **state)
{
    fixture *fx = *state;
    char data[12000];
    size_t n = (size_t)sprintf(data, "id,text\n");
    for (int i = 0; i < 100; i++)
        n += (size_t)sprintf(data + n, "%d,%0100d\n", i, 0);
    long line = 102;
    memcpy(data + n, "x,a\0b\ny,fine\n", 13);
    n += 13;
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(put(fx, "a.csv", data, n), &o);
    ft_article a = {0};
    for (int i = 0; i < 100; i++)
        assert_int_equal(ft_reader_next(r, &a, NULL), FT_OK);
    next_rejected(r, FT_EDATA, line, "a NUL byte in a field; row skipped");
    next_is(r, &a, "y", "fine");
    ft_reader_free(r);
    ft_article_clear(&a);
}

static void test_csv_long_rows(void **state)
{
    fixture *fx = *state;
    /* a row over the limit, with quoted newlines and long enough to span
     * several reads, is read through and skipped; the next row is read */
    size_t big = 200000;
    char *data = malloc(big + 100);
    size_t n = 0;
    n += (size_t)sprintf(data + n, "id,text\nbig,\"");
    for (size_t i = 0; i < big; i++)
        data[n++] = i % 1000 == 999 ? '\n' : 'x';
    n += (size_t)sprintf(data + n, "\"\nsmall,ok\n");
    const char *p = put(fx, "a.csv", data, n);
    free(data);
    ft_reader_opts o = opts_for(fx);
    o.max_bytes = 100000;
    ft_reader *r = open_ok(p, &o);
    ft_article a = {0};
    next_rejected(r, FT_ETOOBIG, 2, "larger than 100000 bytes");
    next_is(r, &a, "small", "ok");
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
    /* under the limit, the same row is read whole */
    o.max_bytes = 0;
    r = open_ok(p, &o);
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_OK);
    assert_int_equal(a.len, big);
    next_is(r, &a, "small", "ok");
    ft_reader_free(r);
    ft_article_clear(&a);
}

static void test_csv_by_name_and_kind(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    /* .csv in a directory is article CSV; forced, any name is */
    char sub[128];
    snprintf(sub, sizeof sub, "%s/d", fx->dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    puts_file(fx, "d/a.CSV", "text\nfrom csv\n");
    read_one(sub, &o, &a);
    assert_string_equal(a.text, "from csv");
    const char *p = puts_file(fx, "b.txt", "text\nforced\n");
    o.kind = FT_INPUT_CSV;
    read_one(p, &o, &a);
    assert_string_equal(a.text, "forced");
    o.kind = FT_INPUT_TEXT;
    p = puts_file(fx, "c.csv", "text\nas text\n");
    read_one(p, &o, &a);
    assert_string_equal(a.text, "text\nas text\n");
    ft_article_clear(&a);
}

/* ---- other encodings ------------------------------------------------ */

/* CP949 bytes of 국방예산은 59조4천억원이다. and its UTF-8 */
#define KO_CP949                                                               \
    "\xB1\xB9\xB9\xE6\xBF\xB9\xBB\xEA\xC0\xBA 59\xC1\xB6"                      \
    "4\xC3\xB5\xBE\xEF\xBF\xF8\xC0\xCC\xB4\xD9."
#define KO_UTF8 "국방예산은 59조4천억원이다."

static void test_cp949_text(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.encoding = "cp949";
    ft_article a = {0};
    /* the header, the date and the text are all decoded */
    read_one(puts_file(fx, "a.txt",
                       "Title: \xB1\xB9\xB9\xE6\n"
                       "Date: 2025\xB3\xE2 8\xBF\xF9 4\xC0\xCF\n\n" KO_CP949),
             &o, &a);
    assert_string_equal(a.title, "국방");
    assert_string_equal(a.published, "2025-08-04");
    assert_string_equal(a.text, KO_UTF8);
    assert_int_equal(a.len, strlen(KO_UTF8));
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 0);
    assert_int_equal(fx->warnings[FT_WARN_UTF8], 0);
    /* a byte that is not CP949: U+FFFD and one warning */
    read_one(puts_file(fx, "b.txt", "a\xFF b\xFF"), &o, &a);
    assert_string_equal(a.text, "a\xEF\xBF\xBD b\xEF\xBF\xBD");
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 1);
    assert_non_null(
        strstr(fx->last_warning.message, "2 bytes not valid cp949"));
    ft_article_clear(&a);
}

static void test_cp949_jsonl_and_csv(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.encoding = "EUC-KR";
    ft_article a = {0};
    read_one(puts_file(fx, "a.jsonl",
                       "{\"id\":\"\xB1\xB9\xFF\",\"text\":\"" KO_CP949 "\"}\n"),
             &o, &a);
    assert_string_equal(a.id, "국\xEF\xBF\xBD"); /* 0xFF is not CP949 */
    assert_string_equal(a.text, KO_UTF8);
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 1);
    assert_int_equal(fx->last_warning.line, 1);
    read_one(puts_file(fx, "b.csv", "id,text\nk,\"" KO_CP949 "\"\n"), &o, &a);
    assert_string_equal(a.text, KO_UTF8);
    /* an escape written as \ufffd is the writer's own, not a bad byte */
    read_one(puts_file(fx, "c.jsonl", "{\"text\":\"\\ufffd\"}"), &o, &a);
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 1);
    ft_article_clear(&a);
}

/* A character cut in two by the reader's 64 KiB reads is put together. */
static void test_cp949_across_reads(void **state)
{
    fixture *fx = *state;
    size_t n = 65535 + 2;
    char *data = malloc(n);
    memset(data, 'a', n);
    memcpy(data + 65535, "\xB1\xB9", 2);
    ft_reader_opts o = opts_for(fx);
    o.encoding = "cp949";
    ft_article a = {0};
    read_one(put(fx, "a.txt", data, n), &o, &a);
    assert_int_equal(a.len, 65535 + 3);
    assert_memory_equal(a.text + 65535, "국", 3);
    /* the same in JSONL, where the line buffer is filled read by read */
    memcpy(data, "{\"text\":\"", 9);
    data[n - 3] = 'a';
    char *line = malloc(n + 3);
    memcpy(line, data, n);
    memcpy(line + n, "\"}\n", 3);
    read_one(put(fx, "b.jsonl", line, n + 3), &o, &a);
    assert_int_equal(a.len, 65535 - 9 + 3);
    assert_memory_equal(a.text + a.len - 3, "국", 3);
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 0);
    free(line);
    free(data);
    ft_article_clear(&a);
}

/* Read without --encoding, CP949 gives a warning that says what to do;
 * with --encoding auto it is decoded, and UTF-8 is left as it is. */
static void test_cp949_unlabelled_and_auto(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(puts_file(fx, "a.txt", KO_CP949), &o, &a);
    assert_int_equal(fx->warnings[FT_WARN_CP949], 1);
    assert_int_equal(fx->warnings[FT_WARN_UTF8], 0);
    assert_non_null(strstr(fx->last_warning.message, "--encoding cp949"));
    o.encoding = "auto";
    read_one(puts_file(fx, "b.txt", "Date: 2025-08-04\n\n" KO_CP949), &o, &a);
    assert_string_equal(a.text, KO_UTF8);
    assert_string_equal(a.published, "2025-08-04");
    read_one(puts_file(fx, "c.txt", KO_UTF8), &o, &a);
    assert_string_equal(a.text, KO_UTF8);
    /* neither: read as it is, warned as invalid UTF-8 */
    read_one(puts_file(fx, "d.txt", "Caf\xE9 900 million won"), &o, &a);
    assert_string_equal(a.text, "Caf\xE9 900 million won");
    assert_int_equal(fx->warnings[FT_WARN_UTF8], 1);
    assert_int_equal(fx->warnings[FT_WARN_CP949], 1);
    /* a UTF-8 character cut by the first 64 KiB read is still UTF-8 */
    size_t n = 65535 + 3;
    char *data = malloc(n);
    memset(data, 'a', n);
    memcpy(data + 65535, "\xEA\xB5\xAD", 3); /* 국 */
    read_one(put(fx, "e.txt", data, n), &o, &a);
    assert_int_equal(a.len, n);
    assert_memory_equal(a.text + 65535, "국", 3);
    /* JSONL lines of a CP949 file, decoded */
    read_one(puts_file(fx, "f.jsonl", "{\"text\":\"" KO_CP949 "\"}\n"), &o, &a);
    assert_string_equal(a.text, KO_UTF8);
    assert_int_equal(fx->warnings[FT_WARN_ENCODING], 0);
    free(data);
    ft_article_clear(&a);
}

static void test_unknown_encoding(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    o.encoding = "latin-1";
    ft_reader *r = NULL;
    ft_error err;
    assert_int_equal(ft_reader_open(puts_file(fx, "a.txt", "x"), &o, &r, &err),
                     FT_EUSAGE);
    assert_null(r);
    /* utf-8 is as if none were given: bytes kept as they are */
    o.encoding = "utf-8";
    ft_article a = {0};
    read_one(puts_file(fx, "b.txt", "Caf\xE9"), &o, &a);
    assert_string_equal(a.text, "Caf\xE9");
    assert_int_equal(fx->warnings[FT_WARN_UTF8], 1);
    ft_article_clear(&a);
}

/* ---- directories ---------------------------------------------------- */

static void test_directory(void **state)
{
    fixture *fx = *state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", fx->dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    puts_file(fx, "sub/deep.txt", "not read");
    puts_file(fx, ".hidden.txt", "not read");
    puts_file(fx, "b.jsonl",
              "{\"id\":\"b1\",\"text\":\"x\"}\nbad\n"
              "{\"id\":\"b3\",\"text\":\"y\"}\n");
    put(fx, "c.bin", "\0\1\2", 3);
    puts_file(fx, "a.txt", "first");
    puts_file(fx, "d.NDJSON", "{\"id\":\"d1\",\"text\":\"z\"}");

    ft_reader_opts o = opts_for(fx);
    o.kind = FT_INPUT_JSONL; /* does not apply to a directory's files */
    ft_reader *r = open_ok(fx->dir, &o);
    assert_int_equal(fx->warnings[FT_WARN_SKIPPED], 1); /* sub/ */
    ft_article a = {0};
    ft_error err;
    char want[128];
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    snprintf(want, sizeof want, "%s/a.txt", fx->dir);
    assert_string_equal(a.id, want);
    assert_string_equal(a.text, "first");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.id, "b1");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EDATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.id, "b3");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EDATA);
    snprintf(want, sizeof want, "%s/c.bin", fx->dir);
    assert_string_equal(err.file, want);
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.id, "d1");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    ft_reader_free(r);
}

static void test_directory_path_joining(void **state)
{
    fixture *fx = *state;
    puts_file(fx, "a.txt", "x");
    char dir[128], want[160];
    snprintf(dir, sizeof dir, "%s/", fx->dir);
    snprintf(want, sizeof want, "%s/a.txt", fx->dir);
    ft_reader_opts o = opts_for(fx);
    ft_article a = {0};
    read_one(dir, &o, &a);
    assert_string_equal(a.id, want);
    ft_article_clear(&a);
}

static void test_directory_of_one_judged_by_name(void **state)
{
    fixture *fx = *state;
    puts_file(fx, "a.json", "{\"id\":\"j\",\"text\":\"x\"}");
    ft_reader_opts o = opts_for(fx);
    o.kind = FT_INPUT_JSONL;
    ft_article a = {0};
    read_one(fx->dir, &o, &a);
    assert_string_equal(a.text, "{\"id\":\"j\",\"text\":\"x\"}");
    ft_article_clear(&a);
}

static void test_empty_directory(void **state)
{
    fixture *fx = *state;
    ft_reader_opts o = opts_for(fx);
    ft_reader *r = open_ok(fx->dir, &o);
    ft_article a = {0};
    assert_int_equal(ft_reader_next(r, &a, NULL), FT_EOF);
    ft_reader_free(r);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_valid),
        cmocka_unit_test(test_date_valid_same_as_plain),
        cmocka_unit_test(test_date_forms),
        cmocka_unit_test(test_date_forms_refused),
        T(test_text_with_header),
        T(test_text_without_header),
        T(test_text_header_details),
        T(test_text_bom_and_crlf),
        T(test_text_dates),
        T(test_bad_fallback_date),
        T(test_fallback_date_normalised),
        T(test_empty_file),
        T(test_missing_file),
        T(test_binary_rejected),
        T(test_some_controls_are_text),
        T(test_invalid_utf8_kept_and_warned),
        T(test_size_limit),
        T(test_jsonl_fields_and_escapes),
        T(test_jsonl_keys_spelled_any_way),
        T(test_jsonl_controls_and_utf8_anywhere),
        T(test_jsonl_controls_at_every_place),
        T(test_jsonl_escapes_at_every_place),
        T(test_jsonl_lines),
        T(test_jsonl_lines_parsed_later),
        T(test_jsonl_bad_lines_skipped),
        T(test_jsonl_deep_nesting_refused),
        T(test_jsonl_long_lines),
        T(test_jsonl_binary_file),
        T(test_jsonl_published_checked),
        T(test_input_kind_forced),
        T(test_csv_articles),
        T(test_csv_bom_and_crlf),
        T(test_csv_header_without_text),
        T(test_csv_malformed_rows_skipped),
        T(test_csv_nul_in_a_row),
        T(test_csv_long_rows),
        T(test_csv_by_name_and_kind),
        T(test_cp949_text),
        T(test_cp949_jsonl_and_csv),
        T(test_cp949_across_reads),
        T(test_cp949_unlabelled_and_auto),
        T(test_unknown_encoding),
        T(test_directory),
        T(test_directory_path_joining),
        T(test_directory_of_one_judged_by_name),
        T(test_empty_directory),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
