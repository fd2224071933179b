/* test_chart.c — labels made safe for gnuplot, file stems, units, the data
 * and script of a chart (no input text in a script, ever), rendering and
 * the removal of stale charts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chart.h"

static void assert_label(const char *in, size_t max, const char *want)
{
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_chart_label(&b, in, max), FT_OK);
    assert_string_equal(b.data ? b.data : "", want);
    ft_buf_free(&b);
}

static void test_label_sanitising(void **state)
{
    (void)state;
    assert_label("defence budget", 160, "defence budget");
    /* A newline would end a gnuplot command: never kept. */
    assert_label("x\n!touch /tmp/pwned", 160, "x !touch /tmp/pwned");
    assert_label("a\tb\r\nc\x01\x7f"
                 "d",
                 160, "a b c d");
    assert_label("  padded   out  ", 160, "padded out");
    assert_label("say \"hi\"", 160, "say 'hi'");
    assert_label("bad\xff"
                 "byte",
                 160,
                 "bad\xEF\xBF\xBD"
                 "byte");
    assert_label("line\xE2\x80\xA8sep\xC2\x85nel", 160, "line sep nel");
    assert_label("`touch x` system(\"y\")", 160, "`touch x` system('y')");
    assert_label("", 160, "");
    assert_label(NULL, 160, "");
    /* Cut on a character boundary, with an ellipsis. */
    assert_label("abcdefghij", 8, "abcde\xE2\x80\xA6");
    assert_label("국방예산 국방예산", 10, "국방\xE2\x80\xA6");
    assert_label("ab cd efgh", 9, "ab cd\xE2\x80\xA6");
    /* Runs of plain ASCII between spaces, quotes and other bytes. */
    assert_label("2024-08-20-kf-21-cost#1", 60, "2024-08-20-kf-21-cost#1");
    assert_label("\"a\"\"b\" c\x7f\x7f~d ", 160, "'a''b' c ~d");
    assert_label(" a\xC2\xA0"
                 "b\xE2\x80\xA9",
                 160,
                 "a\xC2\xA0"
                 "b");
    assert_label("abcdefghij klm", 12, "abcdefghi\xE2\x80\xA6");
    assert_label("~!@#$%^&*()_+{}|:<>?[]\\;',./`", 160,
                 "~!@#$%^&*()_+{}|:<>?[]\\;',./`");
}

static void assert_slug(const char *in, size_t n, const char *want)
{
    char out[64];
    ft_chart_slug(in, out, n);
    assert_string_equal(out, want);
}

static void assert_wrap(const char *in, size_t cols, const char *want,
                        size_t lines)
{
    char s[128];
    snprintf(s, sizeof s, "%s", in);
    assert_int_equal(ft_chart_wrap(s, cols), lines);
    assert_string_equal(s, want);
}

/* Titles and notes break at spaces into lines of at most cols characters
 * (characters, not bytes: Hangul counts one a syllable). */
static void test_wrap(void **state)
{
    (void)state;
    assert_wrap("", 10, "", 0);
    assert_wrap("short", 10, "short", 1);
    assert_wrap("exactly ten", 11, "exactly ten", 1);
    assert_wrap("one two three four", 9, "one two\nthree\nfour", 3);
    assert_wrap("one two three four", 8, "one two\nthree\nfour", 3);
    /* a word longer than a line stays whole, on its own line */
    assert_wrap("a supercalifragilistic word", 6,
                "a\nsupercalifragilistic\nword", 3);
    /* five syllables of fifteen bytes fit a line of six */
    assert_wrap("국방예산 증가 추세", 6, "국방예산\n증가 추세", 2);
}

static void test_slug(void **state)
{
    (void)state;
    assert_slug("defence budget (from JPY)", 64, "defence-budget-from-jpy");
    assert_slug("KF-21", 64, "kf-21");
    assert_slug("  --Inter-Korean Cooperation Fund--  ", 64,
                "inter-korean-cooperation-fund");
    assert_slug("국방예산", 64, "");
    assert_slug("국방예산 2025", 64, "2025");
    assert_slug("`touch x`;|rm -rf /", 64, "touch-x-rm-rf");
    assert_slug("abcdefghijkl", 6, "abcde");
    assert_slug("ab cd", 4, "abc");
}

/* Stems are unique, never the report's own, and each costs a few tries:
 * ten thousand series named in Hangul alone take ten thousand stems, not
 * fifty million comparisons. */
static void test_stems(void **state)
{
    (void)state;
    ft_chart_stems *s = ft_chart_stems_new(6);
    assert_non_null(s);
    assert_string_equal(ft_chart_stems_take(s, "Defence budget"),
                        "defence-budget");
    assert_string_equal(ft_chart_stems_take(s, "defence  BUDGET"),
                        "defence-budget-2");
    /* a name whose slug is a numbered stem already taken */
    assert_string_equal(ft_chart_stems_take(s, "defence budget 2"),
                        "defence-budget-2-2");
    assert_string_equal(ft_chart_stems_take(s, "Overview"), "overview-2");
    assert_string_equal(ft_chart_stems_take(s, "국방예산"), "chart");
    assert_string_equal(ft_chart_stems_take(s, "방위비 분담금"), "chart-2");
    assert_null(ft_chart_stems_take(s, "one too many"));
    ft_chart_stems_free(s);

    enum { N = 10000 };
    s = ft_chart_stems_new(2 * N);
    assert_non_null(s);
    static const char *const hangul[] = {"가", "나", "다", "라"};
    char name[64], want[64];
    for (unsigned i = 0; i < N; i++) {
        snprintf(name, sizeof name, "사업 %s", hangul[i % 4]);
        const char *got = ft_chart_stems_take(s, name);
        if (i == 0)
            snprintf(want, sizeof want, "chart");
        else
            snprintf(want, sizeof want, "chart-%u", i + 1);
        assert_non_null(got);
        assert_string_equal(got, want);
        /* and its history chart's, as the report names it */
        snprintf(name, sizeof name, "%s history", got);
        assert_non_null(ft_chart_stems_take(s, name));
    }
    assert_true(ft_chart_stems_tries(s) <= 4 * 2 * N);
    ft_chart_stems_free(s);
}

static void test_scale(void **state)
{
    (void)state;
    assert_string_equal(ft_chart_scale_for(61246900000000.0).word, "trillion");
    assert_string_equal(ft_chart_scale_for(999e9).word, "billion");
    assert_string_equal(ft_chart_scale_for(900e6).word, "million");
    assert_string_equal(ft_chart_scale_for(5000).word, "thousand");
    assert_string_equal(ft_chart_scale_for(12).word, "");
    assert_true(ft_chart_scale_for(12).div == 1);
}

static ft_series_set *one_series(const char *subject)
{
    ft_series_set *s = ft_series_set_new(FT_VALUE_AUTO);
    const char *years[] = {"2016", "2017", "2019"};
    const char *amounts[] = {"38800000000000", "40300000000000",
                             "46697100000000"};
    for (int i = 0; i < 3; i++) {
        ft_series_row r = {.doc = "d",
                           .subject = subject,
                           .year = years[i],
                           .amount = amounts[i],
                           .currency = "KRW"};
        assert_int_equal(ft_series_add(s, &r, NULL), FT_OK);
    }
    assert_int_equal(ft_series_build(s, NULL), FT_OK);
    return s;
}

static void test_series_data_has_gaps(void **state)
{
    (void)state;
    ft_series_set *s = one_series("defence budget");
    const ft_series *se = ft_series_at(s, 0);
    ft_buf b;
    ft_buf_init(&b);
    ft_chart_scale sc = ft_chart_scale_for(46697100000000.0);
    assert_int_equal(ft_chart_series_data(&b, se, sc), FT_OK);
    /* The trend by hand: x 2016 2017 2019, y 38.8 40.3 46.6971. */
    double mx = (2016 + 2017 + 2019) / 3.0, my = (38.8 + 40.3 + 46.6971) / 3.0;
    double sxy = (2016 - mx) * (38.8 - my) + (2017 - mx) * (40.3 - my) +
                 (2019 - mx) * (46.6971 - my);
    double sxx = (2016 - mx) * (2016 - mx) + (2017 - mx) * (2017 - mx) +
                 (2019 - mx) * (2019 - mx);
    const char *want[][3] = {{"2016", "38.8", "38.8"},
                             {"2017", "40.3", "40.3"},
                             {"2018", "NaN", ""}, /* a gap, no label */
                             {"2019", "46.6971", "46.7"}};
    char *line = b.data, *save;
    assert_memory_equal(line, "# year\tvalue\tlabel\ttrend\n", 25);
    line = strtok_r(line + 25, "\n", &save);
    for (int y = 0; y < 4; y++, line = strtok_r(NULL, "\n", &save)) {
        assert_non_null(line);
        char *f[4];
        char *p = line;
        for (int k = 0; k < 4; k++) {
            f[k] = p;
            char *tab = strchr(p, '\t');
            if (k < 3) {
                assert_non_null(tab);
                *tab = '\0';
                p = tab + 1;
            }
        }
        for (int k = 0; k < 3; k++)
            assert_string_equal(f[k], want[y][k]);
        double trend = my + sxy / sxx * (2016 + y - mx);
        assert_float_equal(strtod(f[3], NULL), trend, 1e-6);
    }
    assert_null(line);
    ft_buf_free(&b);
    ft_series_set_free(s);
}

static const char *const hostile[] = {
    "`touch pwned-backquote`",
    "system(\"touch pwned-system\")",
    "x\n!touch pwned-bang",
    "'|touch pwned-pipe",
    "=HYPERLINK(\"http://evil\",\"x\")",
    "\"; system(\"touch pwned-q\"); \"",
    "@ARG1 ARG0 $0",
};

/* Whatever the subject, the script is the same bytes: no input text. */
static void test_script_holds_no_input_text(void **state)
{
    (void)state;
    ft_buf ref;
    ft_buf_init(&ref);
    ft_series_set *plain = one_series("plain");
    ft_chart c = {.dir = "out", .stem = "chart", .format = FT_CHART_SVG};
    assert_int_equal(ft_chart_series_script(&ref, &c, ft_series_at(plain, 0)),
                     FT_OK);
    assert_non_null(strstr(ref.data, "set title ARG1"));
    assert_non_null(strstr(ref.data, "set output ARG4"));
    assert_null(strchr(ref.data, '`'));
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        ft_series_set *s = one_series(hostile[i]);
        const ft_series *se = ft_series_at(s, 0);
        c.title = se->name;
        c.ylabel = se->name;
        c.note = se->name;
        ft_buf b;
        ft_buf_init(&b);
        assert_int_equal(ft_chart_series_script(&b, &c, se), FT_OK);
        assert_string_equal(b.data, ref.data);
        ft_buf_free(&b);
        ft_series_set_free(s);
    }
    ft_series_set_free(plain);
    ft_buf_free(&ref);
}

static void test_overview_names_only_in_data(void **state)
{
    (void)state;
    ft_series_set *a = one_series("x\n!touch pwned\t\"q\"");
    ft_series_set *b = one_series("국방예산");
    const ft_series *list[] = {ft_series_at(a, 0), ft_series_at(b, 0)};
    ft_buf data, script;
    ft_buf_init(&data);
    ft_buf_init(&script);
    ft_chart_scale sc = ft_chart_scale_for(46697100000000.0);
    assert_int_equal(ft_chart_overview_data(&data, list, 2, sc), FT_OK);
    const char *nl = strchr(data.data, '\n');
    assert_non_null(nl);
    assert_memory_equal(data.data, "year\tx !touch pwned 'q'\t국방예산\n",
                        (size_t)(nl - data.data + 1));
    assert_non_null(strstr(data.data, "2018\tNaN\tNaN\n"));
    ft_chart c = {.dir = ".", .stem = "overview", .format = FT_CHART_PNG};
    assert_int_equal(ft_chart_overview_script(&script, &c, list, 2, true),
                     FT_OK);
    assert_null(strstr(script.data, "touch"));
    assert_null(strstr(script.data, "국방"));
    assert_non_null(strstr(script.data, "set logscale y"));
    assert_non_null(strstr(script.data, "pngcairo"));
    assert_non_null(strstr(script.data, "for [i=2:3]"));
    assert_non_null(strstr(script.data, "columnheader(i)"));
    ft_buf_free(&data);
    ft_buf_free(&script);
    ft_series_set_free(a);
    ft_series_set_free(b);
}

/* A scratch folder under /tmp, removed with its files. */
static char *scratch(void)
{
    char *dir = strdup("/tmp/figtrend-test-chart-XXXXXX");
    assert_non_null(dir);
    assert_non_null(mkdtemp(dir));
    return dir;
}

static size_t count_files(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static void remove_all(char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    while (d && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    free(dir);
}

static bool exists(const char *dir, const char *name)
{
    char path[512];
    struct stat sb;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return stat(path, &sb) == 0;
}

static void write_chart(const char *dir, const char *stem, const ft_series *se,
                        ft_chart_format f)
{
    ft_chart c = {.dir = dir,
                  .stem = stem,
                  .format = f,
                  .title = se->name,
                  .ylabel = "trillion KRW, current prices",
                  .note = se->name};
    ft_buf script, data;
    ft_buf_init(&script);
    ft_buf_init(&data);
    assert_int_equal(ft_chart_series_script(&script, &c, se), FT_OK);
    assert_int_equal(ft_chart_series_data(&data, se, ft_chart_scale_for(1e13)),
                     FT_OK);
    assert_int_equal(ft_chart_write(&c, &script, &data, NULL), FT_OK);
    ft_buf_free(&script);
    ft_buf_free(&data);
}

/* A chart that cannot be drawn fails and leaves only its .gp and .dat:
 * with no gnuplot to run, and with a TMPDIR that cannot take gnuplot's
 * messages (kept in a scratch file in $TMPDIR, as the report's other
 * temporary files, not in tmpfile()'s /tmp, which may be small or absent
 * where the user pointed TMPDIR at room), whose folder is named. */
static void test_render_without_gnuplot(void **state)
{
    (void)state;
    static const struct {
        const char *tmpdir, *says; /* tmpdir NULL: as it is */
    } cases[] = {{NULL, "cannot run"},
                 {"/nonexistent/figtrend-tmp", "gnuplot's messages in "
                                               "/nonexistent/figtrend-tmp"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char *dir = scratch();
        ft_series_set *s = one_series("fund");
        write_chart(dir, "fund", ft_series_at(s, 0), FT_CHART_SVG);
        ft_chart c = {.dir = dir,
                      .stem = "fund",
                      .title = "t",
                      .ylabel = "y",
                      .note = "n"};
        const char *was = getenv("TMPDIR");
        char *keep = was ? strdup(was) : NULL;
        if (cases[k].tmpdir)
            setenv("TMPDIR", cases[k].tmpdir, 1);
        ft_error e;
        ft_status st = ft_chart_render(&c, "/nonexistent/gnuplot", &e);
        if (keep)
            setenv("TMPDIR", keep, 1);
        else
            unsetenv("TMPDIR");
        free(keep);
        assert_int_equal(st, FT_ECANTCREAT);
        assert_non_null(strstr(e.message, cases[k].says));
        /* No picture, no temporary file left: just the .gp and .dat. */
        assert_int_equal(count_files(dir), 2);
        ft_series_set_free(s);
        remove_all(dir);
    }
}

static bool have_gnuplot(void)
{
    return system("gnuplot --version >/dev/null 2>&1") == 0;
}

static void test_render_hostile_titles(void **state)
{
    (void)state;
    if (!have_gnuplot()) {
        print_message("skipped: gnuplot not installed\n");
        skip();
    }
    char *dir = scratch();
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0); /* where relative markers would land */
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        ft_series_set *s = one_series(hostile[i]);
        const ft_series *se = ft_series_at(s, 0);
        write_chart(".", "c", se, FT_CHART_SVG);
        ft_chart c = {.dir = ".",
                      .stem = "c",
                      .title = se->name,
                      .ylabel = se->name,
                      .note = se->name};
        ft_error e;
        ft_status st = ft_chart_render(&c, NULL, &e);
        if (st != FT_OK)
            fail_msg("%s", e.message);
        assert_true(exists(".", "c.svg"));
        ft_series_set_free(s);
    }
    /* Nothing ran: only c.gp, c.dat and c.svg are here. */
    assert_int_equal(count_files("."), 3);
    assert_int_equal(chdir(cwd), 0);
    remove_all(dir);
}

/* In a batch the chart is drawn in the batch's private folder (its
 * script finds its data there) and none of its files has its final name
 * before the commit. */
static void test_render_in_batch(void **state)
{
    (void)state;
    if (!have_gnuplot()) {
        print_message("skipped: gnuplot not installed\n");
        skip();
    }
    char *dir = scratch();
    ft_series_set *s = one_series("fund");
    const ft_series *se = ft_series_at(s, 0);
    ft_outfile_batch *b;
    ft_error e;
    assert_int_equal(ft_outfile_batch_new(dir, &b, &e), FT_OK);
    ft_chart c = {.dir = dir,
                  .stem = "fund",
                  .title = se->name,
                  .ylabel = "KRW",
                  .note = se->name,
                  .batch = b};
    ft_buf script, data;
    ft_buf_init(&script);
    ft_buf_init(&data);
    assert_int_equal(ft_chart_series_script(&script, &c, se), FT_OK);
    assert_int_equal(ft_chart_series_data(&data, se, ft_chart_scale_for(1e13)),
                     FT_OK);
    assert_int_equal(ft_chart_write(&c, &script, &data, &e), FT_OK);
    ft_status st = ft_chart_render(&c, NULL, &e);
    if (st != FT_OK)
        fail_msg("%s", e.message);
    assert_false(exists(dir, "fund.gp"));
    assert_false(exists(dir, "fund.svg"));
    assert_int_equal(count_files(ft_outfile_batch_dir(b)), 3);
    assert_int_equal(ft_outfile_batch_commit(b, &e), FT_OK);
    ft_outfile_batch_free(b);
    assert_true(exists(dir, "fund.gp"));
    assert_true(exists(dir, "fund.dat"));
    char pic[512];
    snprintf(pic, sizeof pic, "%s/fund.svg", dir);
    assert_true(ft_chart_picture_whole(pic, FT_CHART_SVG));
    assert_int_equal(count_files(dir), 3); /* the private folder went */
    ft_buf_free(&script);
    ft_buf_free(&data);
    ft_series_set_free(s);
    remove_all(dir);
}

/* Read a whole file (NULL when it cannot be). */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, len = 0, got;
    do {
        if (len + 4096 > cap) {
            cap = cap ? 2 * cap : 65536;
            char *b = realloc(buf, cap);
            assert_non_null(b);
            buf = b;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    *n = len;
    return buf;
}

/* Draw the hostile charts c0, c1, ... and a broken one among them, in
 * the folder `dir` (the current one, where relative markers would land),
 * either each alone (ft_chart_render) or all by one gnuplot
 * (ft_chart_render_group); the broken chart's error into *broken. */
#define NGROUPED (sizeof hostile / sizeof hostile[0] + 1)
#define BROKEN 3 /* the broken chart's place: charts follow it */
static void draw_hostile(bool grouped, const char *gnuplot, ft_status *st,
                         ft_error *errs)
{
    ft_chart_job *jobs[NGROUPED];
    ft_series_set *sets[NGROUPED];
    char stems[NGROUPED][16];
    for (size_t i = 0; i < NGROUPED; i++) {
        size_t h = i < BROKEN ? i : i - 1;
        sets[i] = one_series(i == BROKEN ? "broken" : hostile[h]);
        const ft_series *se = ft_series_at(sets[i], 0);
        snprintf(stems[i], sizeof stems[i], i == BROKEN ? "broken" : "c%zu", i);
        write_chart(".", stems[i], se, FT_CHART_SVG);
        if (i == BROKEN) { /* a script gnuplot stops at */
            FILE *f = fopen("broken.gp", "w");
            assert_non_null(f);
            fputs("set output ARG4\nplot sin(x) with no_such_style\n", f);
            fclose(f);
        }
        ft_chart c = {.dir = ".",
                      .stem = stems[i],
                      .title = se->name,
                      .ylabel = se->name,
                      .note = se->name};
        if (!grouped)
            st[i] = ft_chart_render(&c, gnuplot, &errs[i]);
        else
            assert_int_equal(
                ft_chart_render_prepare(&c, gnuplot, &jobs[i], &errs[i]),
                FT_OK);
    }
    if (grouped) {
        assert_int_equal(ft_chart_render_group(jobs, NGROUPED), FT_OK);
        for (size_t i = 0; i < NGROUPED; i++)
            st[i] = ft_chart_render_finish(jobs[i], &errs[i]);
    }
    for (size_t i = 0; i < NGROUPED; i++)
        ft_series_set_free(sets[i]);
}

/* One gnuplot drawing many charts draws each as a gnuplot of its own
 * would, byte for byte, the hostile labels included, and runs nothing;
 * a chart it stops at fails as it would alone (with the same message),
 * and the charts after it are drawn all the same. */
static void test_render_group(void **state)
{
    (void)state;
    if (!have_gnuplot()) {
        print_message("skipped: gnuplot not installed\n");
        skip();
    }
    char *alone = scratch(), *grouped = scratch(), *bin = scratch();
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    /* a gnuplot that counts its starts, one line each */
    char counter[512], log[512];
    snprintf(counter, sizeof counter, "%s/gnuplot", bin);
    snprintf(log, sizeof log, "%s/starts", bin);
    FILE *f = fopen(counter, "w");
    assert_non_null(f);
    fprintf(f, "#!/bin/sh\necho >>'%s'\nexec gnuplot \"$@\"\n", log);
    fclose(f);
    assert_int_equal(chmod(counter, 0755), 0);
    ft_status st[2][NGROUPED];
    ft_error errs[2][NGROUPED];
    size_t starts[2];
    for (int g = 0; g < 2; g++) {
        assert_int_equal(chdir(g ? grouped : alone), 0);
        draw_hostile(g, counter, st[g], errs[g]);
        assert_int_equal(chdir(cwd), 0);
        char *lines = slurp(log, &starts[g]);
        free(lines);
        unlink(log);
    }
    /* Alone, a gnuplot a chart; grouped, one for all, then one for the
     * broken chart and each after it (the group stopped there). */
    assert_int_equal(starts[0], NGROUPED);
    assert_int_equal(starts[1], 1 + NGROUPED - BROKEN);
    for (size_t i = 0; i < NGROUPED; i++) {
        if (i == BROKEN) {
            assert_int_equal(st[1][i], FT_ECANTCREAT);
            assert_int_equal(st[0][i], FT_ECANTCREAT);
            assert_string_equal(errs[1][i].message, errs[0][i].message);
            continue;
        }
        if (st[1][i] != FT_OK)
            fail_msg("%s", errs[1][i].message);
        assert_int_equal(st[0][i], FT_OK);
        char a[512], b[512];
        snprintf(a, sizeof a, "%s/c%zu.svg", alone, i);
        snprintf(b, sizeof b, "%s/c%zu.svg", grouped, i);
        size_t na, nb;
        char *pa = slurp(a, &na), *pb = slurp(b, &nb);
        assert_non_null(pa);
        assert_non_null(pb);
        assert_int_equal(na, nb);
        assert_memory_equal(pa, pb, na);
        free(pa);
        free(pb);
    }
    /* Nothing ran: a .gp, .dat and picture a chart, the broken one's
     * .gp and .dat (its picture not kept). */
    assert_int_equal(count_files(grouped), 3 * NGROUPED - 1);
    assert_int_equal(count_files(alone), 3 * NGROUPED - 1);
    remove_all(alone);
    remove_all(grouped);
    remove_all(bin);
}

static size_t open_files(void)
{
    return count_files("/proc/self/fd");
}

/* Prepared charts hold no open file, so that a report can queue many;
 * a group holds one while it draws (what its gnuplot prints), and
 * nothing is left open once its charts are finished. */
static void test_prepared_jobs_hold_no_file(void **state)
{
    (void)state;
    if (!have_gnuplot()) {
        print_message("skipped: gnuplot not installed\n");
        skip();
    }
    char *dir = scratch();
    ft_series_set *set = one_series("South Korea: defence budget");
    const ft_series *se = ft_series_at(set, 0);
    enum { N = 20 };
    ft_chart_job *jobs[N];
    char stems[N][8];
    size_t before = open_files();
    for (size_t i = 0; i < N; i++) {
        snprintf(stems[i], sizeof stems[i], "c%zu", i);
        write_chart(dir, stems[i], se, FT_CHART_SVG);
        ft_chart c = {.dir = dir,
                      .stem = stems[i],
                      .title = se->name,
                      .ylabel = se->name,
                      .note = se->name};
        ft_error e;
        assert_int_equal(ft_chart_render_prepare(&c, NULL, &jobs[i], &e),
                         FT_OK);
    }
    assert_int_equal(open_files(), before);
    assert_int_equal(ft_chart_render_group(jobs, N), FT_OK);
    assert_int_equal(open_files(), before + 1);
    for (size_t i = 0; i < N; i++) {
        ft_error e;
        ft_status st = ft_chart_render_finish(jobs[i], &e);
        if (st != FT_OK)
            fail_msg("%s", e.message);
    }
    assert_int_equal(open_files(), before);
    ft_series_set_free(set);
    remove_all(dir);
}

/* A group whose gnuplot cannot be started fails each chart as
 * ft_chart_render would: "cannot run". */
static void test_render_group_without_gnuplot(void **state)
{
    (void)state;
    char *dir = scratch();
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    ft_status st[NGROUPED];
    ft_error errs[NGROUPED];
    draw_hostile(true, "/nonexistent/gnuplot", st, errs);
    assert_int_equal(chdir(cwd), 0);
    for (size_t i = 0; i < NGROUPED; i++) {
        assert_int_equal(st[i], FT_ECANTCREAT);
        assert_non_null(strstr(errs[i].message, "cannot run"));
    }
    assert_int_equal(count_files(dir), 2 * NGROUPED);
    remove_all(dir);
}

/* A figure history: one block per year, by date within it; undated and
 * badly dated figures left out; an article's id only in the data,
 * sanitised; the script holds numbers and fixed text alone. */
static void test_history_data_and_script(void **state)
{
    (void)state;
    const ft_series_figure f[] = {
        {.published = "2022-09-01",
         .doc = "a",
         .source = "",
         .year = 2023,
         .value = 57e12},
        {.published = "2022-09-01",
         .doc = "a",
         .source = "",
         .year = 2022,
         .value = 54.6e12},
        {.published = "2024-01-15",
         .doc = "x\n!touch pwned\t\"q\"",
         .source = "",
         .year = 2023,
         .value = 55e12},
        {.published = "",
         .doc = "undated",
         .source = "",
         .year = 2023,
         .value = 1},
        {.published = "2024-1-15\n",
         .doc = "bad",
         .source = "",
         .year = 2023,
         .value = 1},
        {.published = "2022-12-24",
         .doc = "b",
         .source = "",
         .year = 2023,
         .value = 57.1e12},
    };
    assert_true(ft_chart_history_dated(&f[0]));
    assert_false(ft_chart_history_dated(&f[3]));
    assert_false(ft_chart_history_dated(&f[4]));
    ft_buf data, script;
    ft_buf_init(&data);
    ft_buf_init(&script);
    ft_chart_scale sc = ft_chart_scale_for(57.1e12);
    assert_int_equal(ft_chart_history_data(&data, f, 6, sc), FT_OK);
    assert_string_equal(data.data,
                        "# published\tvalue\tyear\tarticle\n"
                        "2022-09-01\t54.6\t2022\ta\n"
                        "\n\n"
                        "2022-09-01\t57\t2023\ta\n"
                        "2022-12-24\t57.1\t2023\tb\n"
                        "2024-01-15\t55\t2023\tx !touch pwned 'q'\n");
    ft_chart c = {.dir = ".", .stem = "h-history", .format = FT_CHART_SVG};
    assert_int_equal(ft_chart_history_script(&script, &c, f, 6), FT_OK);
    assert_null(strstr(script.data, "touch"));
    assert_null(strstr(script.data, "undated"));
    assert_non_null(strstr(script.data, "set xdata time\n"));
    assert_non_null(strstr(script.data, "data index 0 using 1:2"));
    assert_non_null(strstr(script.data, "title \"2022\""));
    assert_non_null(strstr(script.data, "data index 1 using 1:2"));
    assert_non_null(strstr(script.data, "title \"2023\"\n"));
    assert_null(strstr(script.data, "index 2"));
    ft_buf_free(&data);
    ft_buf_free(&script);
}

/* A value repeated is written as it was the first time, NaN and the
 * infinities as "NaN" each time, -0 as 0. */
static void test_history_data_repeats(void **state)
{
    (void)state;
    const double v[] = {1e12, 1e12, NAN,    NAN,  INFINITY, -INFINITY,
                        -0.0, 0.0,  2.5e12, 1e12, 1e12,     123456789012.5};
    const char *want[] = {"1", "1", "NaN", "NaN", "NaN", "NaN",
                          "0", "0", "2.5", "1",   "1",   "0.123457"};
    enum { N = sizeof v / sizeof *v };
    ft_series_figure f[N];
    char docs[N][8];
    for (size_t i = 0; i < N; i++) {
        snprintf(docs[i], sizeof docs[i], "d%02zu", i);
        f[i] = (ft_series_figure){.published = "2020-01-01",
                                  .doc = docs[i],
                                  .source = "",
                                  .year = i < 6 ? 2020 : 2021,
                                  .value = v[i]};
    }
    ft_buf data, want_data;
    ft_buf_init(&data);
    ft_buf_init(&want_data);
    ft_buf_append(&want_data, "# published\tvalue\tyear\tarticle\n", 31);
    for (size_t i = 0; i < N; i++) {
        char line[64];
        int n = snprintf(line, sizeof line, "%s2020-01-01\t%s\t%d\td%02zu\n",
                         i == 6 ? "\n\n" : "", want[i], f[i].year, i);
        ft_buf_append(&want_data, line, (size_t)n);
    }
    assert_int_equal(
        ft_chart_history_data(&data, f, N, ft_chart_scale_for(1e12)), FT_OK);
    assert_string_equal(data.data, want_data.data);
    ft_buf_free(&data);
    ft_buf_free(&want_data);
}

static void assert_num_agrees(double v, int sig, int decimals)
{
    char fast[FT_STATS_BUFSZ], slow[FT_STATS_BUFSZ];
    size_t nf = ft_chart_num(v, sig, decimals, fast, sizeof fast);
    size_t ns = ft_stats_format(v, sig, decimals, slow, sizeof slow);
    if (nf != ns || strcmp(fast, slow) != 0)
        fail_msg("%.17g sig %d decimals %d: \"%s\", want \"%s\"", v, sig,
                 decimals, fast, slow);
}

/* ft_chart_num against ft_stats_format: edge values, ties that printf
 * rounds to even, every magnitude, and random values. */
static void test_num_agrees_with_stats_format(void **state)
{
    (void)state;
    const double edge[] = {0,
                           -0.0,
                           1,
                           -1,
                           0.5,
                           1.5,
                           2.5,
                           -2.5,
                           0.125,
                           0.375,
                           -0.125,
                           0.0005,
                           -0.0004,
                           0.00049999999999999,
                           9.9999995,
                           999999.5,
                           99999999.95,
                           0.1,
                           0.7,
                           1e-7,
                           1e-200,
                           1e-201,
                           -1e-250,
                           4503599627370495.5,
                           4503599627370496,
                           9007199254740993.0,
                           1e15,
                           1e22,
                           1e23,
                           -1e299,
                           1e300,
                           NAN,
                           INFINITY,
                           -INFINITY,
                           54.6e12,
                           61246900000000,
                           445.1144255,
                           0.0008625580954,
                           333292448079.61,
                           1.005,
                           2.675,
                           1.0049999999999999};
    const int sigs[] = {1, 2, 3, 4, 6, 10, 15, 17, 0, -1};
    const int decs[] = {0, 1, 2, 3, 6, 9, 10, 11, 15, -1};
    for (size_t i = 0; i < sizeof edge / sizeof *edge; i++)
        for (size_t a = 0; a < sizeof sigs / sizeof *sigs; a++)
            for (size_t b = 0; b < sizeof decs / sizeof *decs; b++) {
                assert_num_agrees(edge[i], sigs[a], decs[b]);
                assert_num_agrees(nextafter(edge[i], 0), sigs[a], decs[b]);
                assert_num_agrees(nextafter(edge[i], 1e308), sigs[a], decs[b]);
            }
    /* Halves and quarters at many scales: exact ties in binary. */
    for (int e = -12; e <= 16; e++)
        for (int m = -40; m <= 40; m++) {
            double v = ldexp(m, e) / 4;
            for (int d = 0; d <= 6; d++)
                assert_num_agrees(v, 15, d);
        }
    /* Random values over every magnitude, with the callers' digits. */
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double m = (double)(x >> 11) / 0x1p53;
        int e = (int)(x % 60) - 25;
        double v = (x & (1u << 20) ? -m : m) * pow(10, e);
        if (x & (1u << 21)) /* a decimal with few digits */
            v = round(v * 1000) / 1000;
        static const int sd[][2] = {{10, 6}, {4, 3}, {6, 3}, {15, 2},
                                    {3, 3},  {2, 2}, {15, 6}};
        const int *c = sd[(x >> 30) % (sizeof sd / sizeof *sd)];
        assert_num_agrees(v, c[0], c[1]);
    }
}

/* Years past the eighth colour get other markers: no two years alike. */
static void test_history_years_told_apart(void **state)
{
    (void)state;
    ft_series_figure f[9];
    for (int i = 0; i < 9; i++)
        f[i] = (ft_series_figure){.published = "2024-01-01",
                                  .doc = "a",
                                  .source = "",
                                  .year = 2010 + i,
                                  .value = i + 1};
    ft_buf script;
    ft_buf_init(&script);
    ft_chart c = {.dir = ".", .stem = "h-history", .format = FT_CHART_SVG};
    assert_int_equal(ft_chart_history_script(&script, &c, f, 9), FT_OK);
    assert_non_null(strstr(script.data, "linestyle 1 pointtype 7 "));
    assert_non_null(strstr(script.data, "linestyle 1 pointtype 8 "));
    assert_non_null(strstr(script.data, "title \"2018\"\n"));
    ft_buf_free(&script);
}

/* Write n bytes to dir/name and ask whether they end as picture f. */
static bool whole(const char *dir, const char *bytes, size_t n,
                  ft_chart_format f)
{
    char path[512];
    snprintf(path, sizeof path, "%s/pic", dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(bytes, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
    return ft_chart_picture_whole(path, f);
}

#define WHOLE(lit, f) whole(dir, lit, sizeof lit - 1, f)

/* A picture cut short by a full disk is told from a whole one by how
 * each format ends. */
static void test_picture_whole(void **state)
{
    (void)state;
    char *dir = scratch();
    assert_true(WHOLE("<svg>\n<g/>\n</svg>\n\n", FT_CHART_SVG));
    assert_true(WHOLE("<svg></svg>", FT_CHART_SVG));
    assert_false(WHOLE("<svg>\n<g/>\n</sv", FT_CHART_SVG));
    assert_false(WHOLE("", FT_CHART_SVG));
    assert_true(WHOLE("%PDF-1.5\n...\n%%EOF\r\n", FT_CHART_PDF));
    assert_false(WHOLE("%PDF-1.5\n...\nendobj\n", FT_CHART_PDF));
    assert_false(WHOLE("%PDF-1.5\n</svg>", FT_CHART_PDF));
    assert_true(WHOLE("\x89PNG\r\n\x1a\n....\0\0\0\0IEND\xae\x42\x60\x82",
                      FT_CHART_PNG));
    assert_false(
        WHOLE("\x89PNG\r\n\x1a\n....\0\0\0\0IEND\xae\x42", FT_CHART_PNG));
    /* A long picture: only its end counts. */
    char big[5000];
    memset(big, 'x', sizeof big);
    memcpy(big + sizeof big - 7, "</svg>\n", 7);
    assert_true(whole(dir, big, sizeof big, FT_CHART_SVG));
    assert_false(whole(dir, big, sizeof big - 3, FT_CHART_SVG));
    /* Not a file at all. */
    assert_false(ft_chart_picture_whole(dir, FT_CHART_SVG));
    remove_all(dir);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_label_sanitising),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_stems),
        cmocka_unit_test(test_scale),
        cmocka_unit_test(test_series_data_has_gaps),
        cmocka_unit_test(test_script_holds_no_input_text),
        cmocka_unit_test(test_overview_names_only_in_data),
        cmocka_unit_test(test_history_data_and_script),
        cmocka_unit_test(test_history_data_repeats),
        cmocka_unit_test(test_num_agrees_with_stats_format),
        cmocka_unit_test(test_history_years_told_apart),
        cmocka_unit_test(test_render_without_gnuplot),
        cmocka_unit_test(test_render_hostile_titles),
        cmocka_unit_test(test_render_in_batch),
        cmocka_unit_test(test_render_group),
        cmocka_unit_test(test_render_group_without_gnuplot),
        cmocka_unit_test(test_prepared_jobs_hold_no_file),
        cmocka_unit_test(test_picture_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
