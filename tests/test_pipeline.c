/* test_pipeline.c — the per-article loop without the command line: what
 * reaches the sink, rejects that do not stop the rest, subfolders, and
 * cells that write back as the rows extract prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "figures.h"
#include "pipeline.h"

typedef struct {
    int articles, figures, rejects;
    char ids[1024];
    char last_reject[256];
} tally;

static ft_status count_article(void *ctx, const ft_article *a,
                               const ft_figlist *figs, ft_error *err)
{
    (void)err;
    tally *t = ctx;
    t->articles++;
    t->figures += (int)figs->len;
    strncat(t->ids, a->id, sizeof t->ids - strlen(t->ids) - 2);
    strcat(t->ids, ";");
    return FT_OK;
}

static void count_reject(void *ctx, ft_status st, const ft_error *why)
{
    (void)st;
    tally *t = ctx;
    t->rejects++;
    snprintf(t->last_reject, sizeof t->last_reject, "%s", why->message);
}

static char dir[64];

static void put(const char *name, const char *text, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, n, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ft_pipeline_XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    mkdir(sub, 0777);
    static const char a[] = "The fund received 3 billion won in 2024.";
    static const char b[] = "Nothing here costs anything.";
    static const char c[] = "The ministry asked for $5 million in 2023.";
    static const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    put("a.txt", a, sizeof a - 1);
    put("b.txt", b, sizeof b - 1);
    put("picture.jpg", bin, sizeof bin - 1);
    put("sub/c.txt", c, sizeof c - 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static tally run(bool recursive)
{
    tally t = {0};
    ft_reader_opts ro = {.recursive = recursive};
    ft_pipeline *p = ft_pipeline_new(&ro, NULL);
    assert_non_null(p);
    ft_pipeline_sink sink = {count_article, count_reject, &t, NULL};
    ft_error err;
    assert_int_equal(ft_pipeline_input(p, dir, &sink, &err), FT_OK);
    ft_pipeline_free(p);
    return t;
}

static void test_binary_rejected_rest_kept(void **state)
{
    (void)state;
    tally t = run(false);
    assert_int_equal(t.articles, 2);
    assert_int_equal(t.figures, 1);
    assert_int_equal(t.rejects, 1);
    assert_non_null(strstr(t.last_reject, "not text"));
}

static void test_recursive_in_name_order(void **state)
{
    (void)state;
    tally t = run(true);
    assert_int_equal(t.articles, 3);
    assert_int_equal(t.figures, 2);
    const char *a = strstr(t.ids, "/a.txt;"), *c = strstr(t.ids, "/sub/c.txt;");
    assert_non_null(a);
    assert_non_null(c);
    assert_true(a < c);
}

static void test_missing_input_is_a_reject(void **state)
{
    (void)state;
    tally t = {0};
    ft_pipeline *p = ft_pipeline_new(NULL, NULL);
    ft_pipeline_sink sink = {count_article, count_reject, &t, NULL};
    ft_error err;
    assert_int_equal(
        ft_pipeline_input(p, "/nonexistent/figtrend/x.txt", &sink, &err),
        FT_OK);
    assert_int_equal(t.rejects, 1);
    assert_int_equal(t.articles, 0);
    ft_pipeline_free(p);
}

/* A sink that fails stops the input with its status. */
static ft_status fail_article(void *ctx, const ft_article *a,
                              const ft_figlist *figs, ft_error *err)
{
    (void)ctx, (void)a, (void)figs;
    return ft_error_set(err, FT_EIO, "disk full");
}

static void test_sink_failure_stops(void **state)
{
    (void)state;
    ft_pipeline *p = ft_pipeline_new(NULL, NULL);
    ft_pipeline_sink sink = {fail_article, NULL, NULL, NULL};
    ft_error err;
    assert_int_equal(ft_pipeline_input(p, dir, &sink, &err), FT_EIO);
    assert_string_equal(err.message, "disk full");
    ft_pipeline_free(p);
}

/* The cells of a figure, written back, are the row extract writes. */
typedef struct {
    FILE *direct, *via_cells;
    ft_figwriter *wd, *wc, *cells;
} twin;

static ft_status write_twice(void *ctx, const ft_article *a,
                             const ft_figlist *figs, ft_error *err)
{
    twin *t = ctx;
    for (size_t i = 0; i < figs->len; i++) {
        ft_figrow row;
        assert_int_equal(
            ft_figwriter_row(t->wd, a, i + 1, &figs->items[i], err), FT_OK);
        assert_int_equal(
            ft_figwriter_cells(t->cells, a, i + 1, &figs->items[i], &row, err),
            FT_OK);
        assert_int_equal(ft_figwriter_cells_row(t->wc, &row, err), FT_OK);
    }
    return FT_OK;
}

static void test_cells_write_back_the_same_row(void **state)
{
    (void)state;
    char *d = NULL, *c = NULL;
    size_t dn = 0, cn = 0;
    twin t = {open_memstream(&d, &dn), open_memstream(&c, &cn), NULL, NULL,
              NULL};
    t.wd = ft_figwriter_new(t.direct, FT_FORMAT_CSV);
    t.wc = ft_figwriter_new(t.via_cells, FT_FORMAT_CSV);
    t.cells = ft_figwriter_new(NULL, FT_FORMAT_CSV);
    static const char text[] =
        "Its budget peaked at 439.7 billion won ($317.4 million) in 2007, "
        "\"=SUM\" said, and +5 million won went to the fund.";
    put("q.txt", text, sizeof text - 1);
    char path[128];
    snprintf(path, sizeof path, "%s/q.txt", dir);
    ft_pipeline *p = ft_pipeline_new(NULL, NULL);
    ft_pipeline_sink sink = {write_twice, NULL, &t, NULL};
    ft_error err;
    assert_int_equal(ft_pipeline_input(p, path, &sink, &err), FT_OK);
    ft_pipeline_free(p);
    ft_figwriter_free(t.wd);
    ft_figwriter_free(t.wc);
    ft_figwriter_free(t.cells);
    fclose(t.direct);
    fclose(t.via_cells);
    assert_true(dn > 0);
    assert_int_equal(dn, cn);
    assert_memory_equal(d, c, dn);
    free(d);
    free(c);
    unlink(path);
}

/* ---- with jobs: the same calls, in the same order ------------------- */

/* Every call the pipeline makes, as one line each. */
typedef struct {
    char *log;
    size_t len;
    FILE *f;
    int articles, fail_at; /* fail_at: the article whose hand-over fails */
    int states;            /* render states made and not freed */
    bool inputs;           /* log each input's beginning too */
    int fail_input;        /* and fail at the one numbered so (from 1) */
} calls;

static ft_status log_article(void *ctx, const ft_article *a,
                             const ft_figlist *figs, ft_error *err)
{
    calls *c = ctx;
    if (++c->articles == c->fail_at)
        return ft_error_set(err, FT_EIO, "failed at %s", a->id);
    fprintf(c->f, "article %s %s:", a->id, a->published);
    for (size_t i = 0; i < figs->len; i++)
        fprintf(c->f, " %zu-%zu", figs->items[i].start, figs->items[i].end);
    fputc('\n', c->f);
    return FT_OK;
}

static ft_status log_input(void *ctx, size_t i, const char *path, ft_error *err)
{
    calls *c = ctx;
    if ((int)i + 1 == c->fail_input)
        return ft_error_set(err, FT_EIO, "failed at input %zu", i);
    fprintf(c->f, "input %zu %s\n", i, path);
    return FT_OK;
}

static void log_reject(void *ctx, ft_status st, const ft_error *why)
{
    calls *c = ctx;
    fprintf(c->f, "reject %d %s:%ld %s\n", (int)st, why->file, why->line,
            why->message);
}

static void log_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    calls *c = ctx;
    fprintf(c->f, "warning %d %s:%ld %s\n", (int)w, detail->file, detail->line,
            detail->message);
}

/* A renderer that makes, on the workers, the line log_article would
 * write, but refuses articles whose number ends in 3 (log_article then
 * writes them in their turn). */
static void *state_new(void *ctx)
{
    calls *c = ctx;
    c->states++; /* on the calling thread */
    return calloc(1, sizeof(int));
}

static void state_free(void *state)
{
    free(state);
}

static ft_status render_line(void *state, const ft_article *a,
                             const ft_figlist *figs, ft_buf *out)
{
    ++*(int *)state; /* the batch's own */
    size_t n = strlen(a->id);
    if (n > 0 && a->id[n - 1] == '3') {
        ft_buf_append(out, "half a line", 11); /* taken back */
        return FT_EDATA;
    }
    char line[64];
    snprintf(line, sizeof line, "article %s %s:", a->id, a->published);
    if (ft_buf_append(out, line, strlen(line)) != FT_OK)
        return FT_ENOMEM;
    for (size_t i = 0; i < figs->len; i++) {
        snprintf(line, sizeof line, " %zu-%zu", figs->items[i].start,
                 figs->items[i].end);
        if (ft_buf_append(out, line, strlen(line)) != FT_OK)
            return FT_ENOMEM;
    }
    return ft_buf_putc(out, '\n');
}

/* One line per article: counted as log_article counts, and failing at the
 * same one. */
static ft_status emit_lines(void *ctx, const char *bytes, size_t n,
                            size_t articles, ft_error *err)
{
    calls *c = ctx;
    size_t lines = 0;
    for (const char *p = bytes; p < bytes + n;) {
        const char *nl = memchr(p, '\n', (size_t)(bytes + n - p));
        assert_non_null(nl);
        if (++c->articles == c->fail_at)
            return ft_error_set(err, FT_EIO, "failed at %.*s",
                                (int)(strchr(p + 8, ' ') - (p + 8)), p + 8);
        fwrite(p, 1, (size_t)(nl + 1 - p), c->f);
        p = nl + 1;
        lines++;
    }
    assert_int_equal(lines, articles);
    return FT_OK;
}

/* The calls of one run over paths with `jobs` threads (and a renderer
 * when render), and its status. */
static char *run_jobs_inputs(unsigned jobs, bool render, int fail_input,
                             const char *const *paths, size_t n, int fail_at,
                             ft_status *st)
{
    calls c = {.fail_at = fail_at,
               .inputs = fail_input >= 0,
               .fail_input = fail_input};
    c.f = open_memstream(&c.log, &c.len);
    assert_non_null(c.f);
    ft_reader_opts ro = {.recursive = true,
                         .max_bytes = 4096,
                         .warn = log_warning,
                         .warn_ctx = &c};
    /* an article of more figures than that is rejected (put_stream's
     * "dense" ones), and the rest go on */
    ft_extract_opts tables = {.max_figures = 3};
    ft_pipeline *p = ft_pipeline_new(&ro, &tables);
    assert_non_null(p);
    ft_pipeline_jobs(p, jobs);
    ft_pipeline_sink sink = {log_article, log_reject, &c,
                             c.inputs ? log_input : NULL};
    ft_pipeline_render r = {state_new, state_free, render_line, emit_lines, &c};
    if (render)
        ft_pipeline_render_with(p, &r);
    ft_error err;
    *st = ft_pipeline_inputs(p, paths, n, &sink, &err);
    if (*st != FT_OK)
        fprintf(c.f, "stopped: %s\n", err.message);
    ft_pipeline_free(p);
    fclose(c.f);
    if (render && jobs > 1)
        assert_true(c.states > 0);
    return c.log;
}

static char *run_jobs_render(unsigned jobs, bool render,
                             const char *const *paths, size_t n, int fail_at,
                             ft_status *st)
{
    return run_jobs_inputs(jobs, render, -1, paths, n, fail_at, st);
}

static char *run_jobs(unsigned jobs, const char *const *paths, size_t n,
                      int fail_at, ft_status *st)
{
    return run_jobs_render(jobs, false, paths, n, fail_at, st);
}

/* A JSONL file of many articles with a bad line, one too big, one of too
 * many figures (for run_jobs_inputs' cap of 3), bytes that are not UTF-8
 * and dates that are no dates among them. */
static void put_stream(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (int i = 0; i < 700; i++) {
        if (i % 37 == 5)
            fputs("{broken\n", f);
        if (i % 43 == 9)
            fprintf(f,
                    "{\"id\":\"dense%d\",\"text\":\"$1, $2, $3 and "
                    "$4.\"}\n",
                    i);
        if (i % 53 == 7) {
            fputs("{\"id\":\"huge\",\"text\":\"", f);
            for (int k = 0; k < 500; k++)
                fputs("0123456789", f);
            fputs("\"}\n", f);
        }
        fprintf(f,
                "{\"id\":\"n%d\",\"published\":\"%s\",\"text\":"
                "\"In %d the fund got %d billion won%s and $%d million.\"}\n",
                i, i % 41 == 3 ? "someday" : "2024-05-06", 2000 + i % 25, i,
                i % 29 == 4 ? " \xff\xfe" : "", i * 3 + 1);
    }
    fclose(f);
}

static void test_jobs_make_the_same_calls(void **state)
{
    (void)state;
    put_stream("stream.jsonl");
    char stream[128], missing[128];
    snprintf(stream, sizeof stream, "%s/stream.jsonl", dir);
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    const char *paths[] = {missing, dir, stream, stream};
    ft_status st1, st;
    char *one = run_jobs(1, paths, 4, 0, &st1);
    assert_int_equal(st1, FT_OK);
    assert_non_null(strstr(one, "reject"));
    assert_non_null(strstr(one, "warning"));
    /* too many figures: a reject of its own, the articles after it read */
    char want[64];
    snprintf(want, sizeof want, "reject %d ", (int)FT_ETOOBIG);
    const char *dense = strstr(one, "dense9");
    assert_non_null(dense);
    assert_non_null(strstr(dense, "more than 3 figures"));
    assert_non_null(strstr(one, want));
    assert_non_null(strstr(dense, "article n10 "));
    for (unsigned jobs = 2; jobs <= 5; jobs += 3) {
        char *many = run_jobs(jobs, paths, 4, 0, &st);
        assert_int_equal(st, st1);
        assert_string_equal(many, one);
        free(many);
    }
    free(one);
    unlink(stream);
}

/* A failed hand-over stops every input there, with its status, and what
 * was read ahead is never handed over. */
/* Rows rendered on the workers come out as the sink would have written
 * them, in order, with the warnings, rejects and articles that could not
 * be rendered between them, and stop where one thread stops. */
static void test_jobs_render_the_same_calls(void **state)
{
    (void)state;
    put_stream("stream.jsonl");
    char stream[128], missing[128];
    snprintf(stream, sizeof stream, "%s/stream.jsonl", dir);
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    const char *paths[] = {missing, dir, stream, stream};
    for (int fail_at = 0; fail_at <= 400; fail_at += 400) {
        ft_status st1, st;
        char *one = run_jobs(1, paths, 4, fail_at, &st1);
        assert_int_equal(st1, fail_at ? FT_EIO : FT_OK);
        for (unsigned jobs = 1; jobs <= 3; jobs++) {
            char *many = run_jobs_render(jobs, true, paths, 4, fail_at, &st);
            assert_int_equal(st, st1);
            assert_string_equal(many, one);
            free(many);
        }
        free(one);
    }
    unlink(stream);
}

/* The sink is told where each input begins, before its rejects, warnings
 * and articles, also for an input that gives nothing; with jobs at the
 * same place, and a failure there stops where one thread stops. */
static void test_jobs_tell_each_input(void **state)
{
    (void)state;
    put_stream("stream.jsonl");
    char stream[128], missing[128], empty[128];
    snprintf(stream, sizeof stream, "%s/stream.jsonl", dir);
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    snprintf(empty, sizeof empty, "%s/none", dir); /* a folder of nothing */
    assert_int_equal(mkdir(empty, 0777), 0);
    const char *paths[] = {missing, empty, stream, dir, empty, stream};
    ft_status st1, st;
    char *one = run_jobs_inputs(1, false, 0, paths, 6, 0, &st1);
    assert_int_equal(st1, FT_OK);
    char want[512];
    snprintf(want, sizeof want, "input 0 %s\nreject ", missing);
    assert_memory_equal(one, want, strlen(want));
    snprintf(want, sizeof want, "input 1 %s\ninput 2 %s\n", empty, stream);
    assert_non_null(strstr(one, want));
    snprintf(want, sizeof want, "\ninput 5 %s\n", stream);
    assert_non_null(strstr(one, want));
    for (int fail_input = 0; fail_input <= 5; fail_input += 5) {
        char *first = run_jobs_inputs(1, false, fail_input, paths, 6, 0, &st1);
        assert_int_equal(st1, fail_input ? FT_EIO : FT_OK);
        for (unsigned jobs = 2; jobs <= 5; jobs += 3)
            for (int render = 0; render <= 1; render++) {
                char *many =
                    run_jobs_inputs(jobs, render, fail_input, paths, 6, 0, &st);
                assert_int_equal(st, st1);
                assert_string_equal(many, first);
                free(many);
            }
        free(first);
    }
    free(one);
    unlink(stream);
    rmdir(empty);
}

static void test_jobs_stop_where_one_thread_stops(void **state)
{
    (void)state;
    put_stream("stream.jsonl");
    char stream[128];
    snprintf(stream, sizeof stream, "%s/stream.jsonl", dir);
    const char *paths[] = {stream, dir};
    ft_status st1, st;
    char *one = run_jobs(1, paths, 2, 100, &st1);
    assert_int_equal(st1, FT_EIO);
    assert_non_null(strstr(one, "stopped: failed at n"));
    char *many = run_jobs(4, paths, 2, 100, &st);
    assert_int_equal(st, FT_EIO);
    assert_string_equal(many, one);
    free(many);
    free(one);
    unlink(stream);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_rejected_rest_kept),
        cmocka_unit_test(test_recursive_in_name_order),
        cmocka_unit_test(test_missing_input_is_a_reject),
        cmocka_unit_test(test_sink_failure_stops),
        cmocka_unit_test(test_cells_write_back_the_same_row),
        cmocka_unit_test(test_jobs_make_the_same_calls),
        cmocka_unit_test(test_jobs_stop_where_one_thread_stops),
        cmocka_unit_test(test_jobs_render_the_same_calls),
        cmocka_unit_test(test_jobs_tell_each_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
