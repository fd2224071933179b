/* test_article.c — the article readers: plain text with headers, JSONL,
 * directories, and every kind of bad input. */
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
    int warnings[3];
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
    read_one(puts_file(fx, "c.txt", "Date: March 4, 2025\n\nB"), &o, &a);
    assert_string_equal(a.published, "2020-05-05");
    assert_int_equal(fx->warnings[FT_WARN_DATE], 1);
    assert_non_null(strstr(fx->last_warning.message, "March 4, 2025"));
    assert_non_null(strstr(fx->last_warning.file, "c.txt"));
    read_one(puts_file(fx, "d.txt", "Date: 2025-03-045\n\nB"), &o, &a);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 2);
    /* the date is quoted without control characters, and cut short */
    read_one(puts_file(fx, "e.txt",
                       "Date: \x1b[2J\x07 0123456789012345678901234567890123"
                       "456789\n\nB"),
             &o, &a);
    assert_string_equal(fx->last_warning.message,
                        "date '?[2J? 0123456789012345678901234567890123' is "
                        "not YYYY-MM-DD; ignored");
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
    assert_string_equal(a.text, "q\"b\\s/\b\f\n\r\t \xC3\xA9\xED\x95\x9C "
                                "\xF0\x9F\x98\x80 A");
    assert_int_equal(a.len, strlen(a.text));
    ft_article_clear(&a);
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
        "{\"x\":{\"y\":[1,-2.5e3,true,false,null,{}],\"z\":[]},\"text\":\"f\","
        "\"published\":\"2025-03-04T09:00:00Z\",\"source\":null}\n"
        "{\"\\u0069d\":\"esc\",\"text\":\"\",\"id\":\"last-wins\"}");
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
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.text, "f");
    assert_string_equal(a.published, "2025-03-04");
    assert_string_equal(a.source, "S");
    assert_int_equal(ft_reader_next(r, &a, &err), FT_OK);
    assert_string_equal(a.id, "last-wins");
    assert_int_equal(a.len, 0);
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    assert_int_equal(ft_reader_next(r, &a, &err), FT_EOF);
    ft_reader_free(r);
    assert_int_equal(fx->warnings[FT_WARN_DATE], 0);
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
        T(test_text_with_header),
        T(test_text_without_header),
        T(test_text_header_details),
        T(test_text_bom_and_crlf),
        T(test_text_dates),
        T(test_bad_fallback_date),
        T(test_empty_file),
        T(test_missing_file),
        T(test_binary_rejected),
        T(test_some_controls_are_text),
        T(test_invalid_utf8_kept_and_warned),
        T(test_size_limit),
        T(test_jsonl_fields_and_escapes),
        T(test_jsonl_lines),
        T(test_jsonl_bad_lines_skipped),
        T(test_jsonl_deep_nesting_refused),
        T(test_jsonl_long_lines),
        T(test_jsonl_binary_file),
        T(test_jsonl_published_checked),
        T(test_input_kind_forced),
        T(test_directory),
        T(test_directory_path_joining),
        T(test_directory_of_one_judged_by_name),
        T(test_empty_directory),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
