/* test_store.c — the run's state: unchanged, changed, deleted and
 * rejected articles, what changed, one transaction per run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "store.h"

/* A row of figures.csv cells: only amount, currency and year vary. */
static ft_figrow row(const char *doc, const char *mention, const char *amount,
                     const char *currency, const char *year)
{
    const char *v[FT_FIGURE_NCOLUMNS] = {doc,
                                         "2025-01-02",
                                         mention,
                                         "0",
                                         "5",
                                         "5 won",
                                         amount,
                                         "",
                                         currency,
                                         "eq",
                                         "level",
                                         "",
                                         "",
                                         year,
                                         year[0] ? "explicit" : "none",
                                         "the fund",
                                         "KOR",
                                         "",
                                         "The fund got 5 won.",
                                         "Harbour Post",
                                         "The fund",
                                         "https://example.org/fund"};
    ft_figrow r;
    for (size_t i = 0; i < FT_FIGURE_NCOLUMNS; i++) {
        r.cell[i] = v[i];
        r.len[i] = strlen(v[i]);
    }
    return r;
}

static ft_store *open_mem(void)
{
    ft_store *s = NULL;
    ft_error err;
    assert_int_equal(ft_store_open(":memory:", &s, &err), FT_OK);
    return s;
}

/* Collect rows as "a|b|c\n" text. */
typedef struct {
    char text[4096];
} rows;

static ft_status collect(void *ctx, const char *const *cells,
                         const size_t *lens, size_t n, ft_error *err)
{
    (void)err;
    rows *r = ctx;
    size_t at = strlen(r->text);
    for (size_t i = 0; i < n; i++)
        at += (size_t)snprintf(r->text + at, sizeof r->text - at, "%s%.*s",
                               i ? "|" : "", (int)lens[i], cells[i]);
    snprintf(r->text + at, sizeof r->text - at, "\n");
    return FT_OK;
}

/* One article seen in a run: read it again when it changed. */
static bool see(ft_store *s, const char *path, const char *hash)
{
    bool unchanged, rejected;
    ft_error err;
    assert_int_equal(ft_store_seen(s, path, hash, &unchanged, &rejected, &err),
                     FT_OK);
    if (!unchanged)
        assert_int_equal(ft_store_article(s, path, hash, 10, &err), FT_OK);
    return !unchanged;
}

static void add(ft_store *s, const char *path, long ord, ft_figrow r)
{
    ft_error err;
    assert_int_equal(ft_store_figure(s, path, ord, &r, &err), FT_OK);
}

static void begin(ft_store *s, const char *tables)
{
    ft_error err;
    assert_int_equal(ft_store_begin(s, "v1", tables, "t", &err), FT_OK);
}

static ft_store_counts commit(ft_store *s)
{
    ft_error err;
    ft_store_counts c;
    assert_int_equal(ft_store_commit(s, "t", &c, &err), FT_OK);
    return c;
}

static void test_first_run_all_new(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    begin(s, "T");
    assert_true(see(s, "b.txt", "h2"));
    add(s, "b.txt", 1, row("b.txt", "1", "7", "KRW", "2024"));
    assert_true(see(s, "a.txt", "h1"));
    add(s, "a.txt", 1, row("a.txt", "1", "5", "KRW", "2025"));
    add(s, "a.txt", 2, row("a.txt", "2", "6", "USD", ""));
    ft_store_counts c = commit(s);
    assert_int_equal(c.inputs, 2);
    assert_int_equal(c.read, 2);
    assert_int_equal(c.figures, 3);
    assert_int_equal(c.new_, 3);
    assert_int_equal(c.revised + c.gone + c.deleted, 0);

    /* Figures by path, then ord; an empty year comes back empty. */
    rows r = {""};
    ft_error err;
    assert_int_equal(ft_store_figures(s, collect, &r, &err), FT_OK);
    assert_non_null(strstr(r.text, "a.txt|2025-01-02|1|"));
    assert_true(strstr(r.text, "a.txt|") < strstr(r.text, "b.txt|"));
    assert_non_null(strstr(r.text, "|6||USD|eq|level||||none|"));
    /* The article's outlet, headline and address close the row. */
    assert_non_null(strstr(r.text, "|The fund got 5 won.|Harbour Post|The fund|"
                                   "https://example.org/fund\n"));
    ft_store_close(s);
}

/* A state made before figures had source, title and url gains the
 * columns when opened, and takes rows with them. */
static void test_old_state_gains_columns(void **state)
{
    (void)state;
    char path[] = "/tmp/ft-store-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db,
                     "CREATE TABLE figures(path TEXT NOT NULL, ord INTEGER "
                     "NOT NULL, doc TEXT, published TEXT, mention INTEGER, "
                     "start INTEGER, \"end\" INTEGER, surface TEXT, amount "
                     "TEXT, amount_max TEXT, currency TEXT, qualifier TEXT, "
                     "kind TEXT, reported_amount TEXT, reported_currency "
                     "TEXT, year INTEGER, year_basis TEXT, subject TEXT, "
                     "country TEXT, flags TEXT, sentence TEXT, PRIMARY KEY "
                     "(path, ord));",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
    ft_store *s = NULL;
    ft_error err;
    assert_int_equal(ft_store_open(path, &s, &err), FT_OK);
    begin(s, "T");
    assert_true(see(s, "a.txt", "h1"));
    add(s, "a.txt", 1, row("a.txt", "1", "5", "KRW", "2025"));
    commit(s);
    rows r = {""};
    assert_int_equal(ft_store_figures(s, collect, &r, &err), FT_OK);
    assert_non_null(strstr(r.text, "|Harbour Post|The fund|"));
    ft_store_close(s);
    /* Opened again: nothing more to add. */
    assert_int_equal(ft_store_open(path, &s, &err), FT_OK);
    ft_store_close(s);
    unlink(path);
}

static void test_unchanged_is_not_read(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    begin(s, "T");
    see(s, "a.txt", "h1");
    add(s, "a.txt", 1, row("a.txt", "1", "5", "KRW", "2025"));
    commit(s);
    begin(s, "T");
    assert_false(see(s, "a.txt", "h1"));
    ft_store_counts c = commit(s);
    assert_int_equal(c.unchanged, 1);
    assert_int_equal(c.read, 0);
    assert_int_equal(c.figures, 1);
    /* changes.csv keeps the last run that changed anything. */
    rows r = {""};
    ft_error err;
    assert_int_equal(ft_store_changes(s, collect, &r, &err), FT_OK);
    assert_string_equal(r.text,
                        "new|a.txt|a.txt|1|||5|KRW|2025|the fund|KOR\n");
    ft_store_close(s);
}

/* Every input looked up before any is read (run with jobs): a path named
 * twice is counted and read once, though its first reading comes after
 * the second lookup. */
static void test_named_twice_read_once(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    ft_error err;
    bool unchanged[3], rejected;
    begin(s, "T");
    const char *paths[] = {"a.txt", "b.txt", "a.txt"};
    for (int i = 0; i < 3; i++)
        assert_int_equal(
            ft_store_seen(s, paths[i], "h1", &unchanged[i], &rejected, &err),
            FT_OK);
    assert_false(unchanged[0]);
    assert_false(unchanged[1]);
    assert_true(unchanged[2]);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(ft_store_article(s, paths[i], "h1", 10, &err), FT_OK);
        add(s, paths[i], 1, row(paths[i], "1", "5", "KRW", "2025"));
    }
    ft_store_counts c = commit(s);
    assert_int_equal(c.inputs, 2);
    assert_int_equal(c.read, 2);
    assert_int_equal(c.unchanged, 1);
    assert_int_equal(c.figures, 2);

    /* The next run: both unchanged, a.txt still counted once. */
    begin(s, "T");
    assert_false(see(s, "a.txt", "h1"));
    assert_false(see(s, "a.txt", "h1"));
    assert_false(see(s, "b.txt", "h1"));
    c = commit(s);
    assert_int_equal(c.inputs, 2);
    assert_int_equal(c.read, 0);
    assert_int_equal(c.figures, 2);
    ft_store_close(s);
}

/* A first run (no figure yet) skips looking for what a new path gave
 * before, but an article recorded twice in it still loses its first
 * figures. */
static void test_first_run_article_recorded_twice(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    ft_error err;
    begin(s, "T");
    assert_true(see(s, "a.txt", "h1"));
    add(s, "a.txt", 1, row("a.txt", "1", "4", "KRW", "2025"));
    for (int i = 0; i < 2; i++) {
        assert_int_equal(ft_store_article(s, "a.txt", "h1", 10, &err), FT_OK);
        add(s, "a.txt", 1, row("a.txt", "1", i ? "6" : "5", "KRW", "2025"));
    }
    ft_store_counts c = commit(s);
    assert_int_equal(c.figures, 1);
    /* What was kept aside counts: revised twice, not new. */
    assert_int_equal(c.new_, 0);
    assert_int_equal(c.revised, 2);
    rows r = {""};
    assert_int_equal(ft_store_figures(s, collect, &r, &err), FT_OK);
    assert_non_null(strstr(r.text, "|6||KRW|"));
    ft_store_close(s);
}

static void test_changed_tables_read_again(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    begin(s, "T");
    see(s, "a.txt", "h1");
    commit(s);
    begin(s, "T2"); /* another alias table */
    assert_true(see(s, "a.txt", "h1"));
    commit(s);
    ft_error err;
    assert_int_equal(ft_store_begin(s, "v2", "T2", "t", &err), FT_OK);
    bool unchanged, rejected;
    assert_int_equal(
        ft_store_seen(s, "a.txt", "h1", &unchanged, &rejected, &err), FT_OK);
    assert_false(unchanged); /* another extractor */
    ft_store_rollback(s);
    ft_store_close(s);
}

static void test_edit_revises_and_delete_drops(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    begin(s, "T");
    see(s, "a.txt", "h1");
    add(s, "a.txt", 1, row("a.txt", "1", "5", "KRW", "2025"));
    add(s, "a.txt", 2, row("a.txt", "2", "9", "KRW", "2025"));
    see(s, "b.txt", "h2");
    add(s, "b.txt", 1, row("b.txt", "1", "7", "KRW", "2024"));
    commit(s);

    begin(s, "T");
    assert_true(see(s, "a.txt", "h1-edited"));
    add(s, "a.txt", 1, row("a.txt", "1", "8", "KRW", "2025"));
    add(s, "a.txt", 2, row("a.txt", "2", "9", "KRW", "2025"));
    /* b.txt is not seen: deleted. */
    ft_store_counts c = commit(s);
    assert_int_equal(c.deleted, 1);
    assert_int_equal(c.revised, 1);
    assert_int_equal(c.gone, 1);
    assert_int_equal(c.new_, 0);
    assert_int_equal(c.figures, 2);
    rows r = {""};
    ft_error err;
    assert_int_equal(ft_store_changes(s, collect, &r, &err), FT_OK);
    assert_string_equal(r.text,
                        "revised|a.txt|a.txt|1|5|KRW|8|KRW|2025|the fund|KOR\n"
                        "gone|b.txt|b.txt|1|7|KRW|||2024|the fund|KOR\n");
    ft_store_close(s);
}

/* Two articles of one file with the same id (a JSONL file may say so)
 * give figures with the same path, doc and mention: every pair of old
 * and new is revised, in the order a scan of the figures gives (the
 * order of changes.csv among equal keys), and counted. */
static void test_same_key_twice_keeps_its_order(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    begin(s, "T");
    see(s, "a.txt", "ha");
    add(s, "a.txt", 1, row("a.txt", "1", "3", "KRW", "2025"));
    see(s, "c.jsonl", "h1");
    add(s, "c.jsonl", 1, row("x", "1", "5", "KRW", "2025"));
    add(s, "c.jsonl", 2, row("x", "1", "6", "KRW", "2025"));
    commit(s);

    begin(s, "T");
    see(s, "a.txt", "ha");
    assert_true(see(s, "c.jsonl", "h2"));
    add(s, "c.jsonl", 1, row("x", "1", "8", "KRW", "2025"));
    add(s, "c.jsonl", 2, row("x", "1", "9", "KRW", "2025"));
    ft_store_counts c = commit(s);
    assert_int_equal(c.revised, 4);
    assert_int_equal(c.new_ + c.gone + c.deleted, 0);
    rows r = {""};
    ft_error err;
    assert_int_equal(ft_store_changes(s, collect, &r, &err), FT_OK);
    assert_string_equal(r.text,
                        "revised|c.jsonl|x|1|5|KRW|8|KRW|2025|the fund|KOR\n"
                        "revised|c.jsonl|x|1|6|KRW|8|KRW|2025|the fund|KOR\n"
                        "revised|c.jsonl|x|1|5|KRW|9|KRW|2025|the fund|KOR\n"
                        "revised|c.jsonl|x|1|6|KRW|9|KRW|2025|the fund|KOR\n");
    ft_store_close(s);
}

static void test_rejects_kept_until_changed(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    ft_error err;
    begin(s, "T");
    see(s, "x.jpg", "hx");
    assert_int_equal(
        ft_store_reject(s, "x.jpg", "hx", "x.jpg", "not text", true, &err),
        FT_OK);
    see(s, "c.jsonl", "hc");
    assert_int_equal(ft_store_reject(s, "c.jsonl", "hc", "c.jsonl:3",
                                     "not JSON", false, &err),
                     FT_OK);
    ft_store_counts c = commit(s);
    assert_int_equal(c.rejected, 2);

    begin(s, "T");
    bool unchanged, rejected;
    assert_int_equal(
        ft_store_seen(s, "x.jpg", "hx", &unchanged, &rejected, &err), FT_OK);
    assert_true(unchanged);
    assert_true(rejected);
    assert_true(see(s, "c.jsonl", "hc2")); /* fixed: its reject goes */
    c = commit(s);
    assert_int_equal(c.rejected, 1);
    rows r = {""};
    assert_int_equal(ft_store_rejects(s, collect, &r, &err), FT_OK);
    assert_string_equal(r.text, "x.jpg|hx|not text\n");
    ft_store_close(s);
}

static void test_rollback_keeps_last_run(void **state)
{
    (void)state;
    ft_store *s = open_mem();
    begin(s, "T");
    see(s, "a.txt", "h1");
    add(s, "a.txt", 1, row("a.txt", "1", "5", "KRW", "2025"));
    commit(s);
    begin(s, "T");
    see(s, "a.txt", "h9");
    add(s, "a.txt", 1, row("a.txt", "1", "6", "KRW", "2025"));
    ft_store_rollback(s);
    rows r = {""};
    ft_error err;
    assert_int_equal(ft_store_figures(s, collect, &r, &err), FT_OK);
    assert_non_null(strstr(r.text, "|5||KRW|"));
    assert_null(strstr(r.text, "|6||KRW|"));
    /* A run left open is undone on close too. */
    begin(s, "T");
    see(s, "z.txt", "hz");
    ft_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_run_all_new),
        cmocka_unit_test(test_old_state_gains_columns),
        cmocka_unit_test(test_unchanged_is_not_read),
        cmocka_unit_test(test_named_twice_read_once),
        cmocka_unit_test(test_first_run_article_recorded_twice),
        cmocka_unit_test(test_changed_tables_read_again),
        cmocka_unit_test(test_edit_revises_and_delete_drops),
        cmocka_unit_test(test_same_key_twice_keeps_its_order),
        cmocka_unit_test(test_rejects_kept_until_changed),
        cmocka_unit_test(test_rollback_keeps_last_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
