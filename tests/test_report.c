/* test_report.c — how a report shares its charts among gnuplots: groups
 * that follow the number of charts and of gnuplots drawing at once. */
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

#include "report.h"

static bool have_gnuplot(void)
{
    return system("gnuplot --version >/dev/null 2>&1") == 0;
}

static char *scratch(void)
{
    char *dir = strdup("/tmp/figtrend-test-report-XXXXXX");
    assert_non_null(dir);
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void remove_all(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

/* A figures CSV of `series` series of two years each, in one currency
 * (so an overview too); with `history`, each year from another dated
 * article, which gives each series a figure history as well. */
static void write_figures(const char *path, size_t series, bool history)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("doc,published,mention,start,end,surface,amount,amount_max,"
          "currency,qualifier,kind,reported_amount,reported_currency,year,"
          "year_basis,subject,flags,sentence\n",
          f);
    for (size_t i = 0; i < series; i++)
        for (int y = 0; y < 2; y++)
            fprintf(f,
                    "%s,%s,%zu,0,1,x,%zu,,KRW,eq,level,,,%d,explicit,item "
                    "%zu,,s\n",
                    history && y ? "b.txt" : "a.txt",
                    history && y ? "2021-06-01" : "2020-06-01", i + 1,
                    1000 * (i + 1) + (size_t)y, 2020 + y, i);
    fclose(f);
}

/* A gnuplot that logs how many charts each start of it draws (a group
 * reads its driver on standard input, a chart alone is 0), then runs
 * the real one. */
static void write_counter(const char *path, const char *log)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f,
            "#!/bin/sh\n"
            "if [ \"$2\" = /dev/stdin ]; then\n"
            "  t=$(mktemp) && cat >\"$t\" &&\n"
            "  grep -c '^reset session' \"$t\" >>'%s'\n"
            "  gnuplot \"$@\" <\"$t\"; rc=$?; rm -f \"$t\"; exit $rc\n"
            "fi\n"
            "echo 0 >>'%s'\n"
            "exec gnuplot \"$@\"\n",
            log, log);
    fclose(f);
    assert_int_equal(chmod(path, 0755), 0);
}

static int by_size_desc(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* Report `series` series (with or without histories) with up to
 * `gnuplots` drawing at once; the charts each gnuplot started drew, the
 * largest first, must be want[0..nwant). */
static void assert_groups(size_t series, bool history, size_t gnuplots,
                          size_t charts, const size_t *want, size_t nwant)
{
    char *dir = scratch();
    char input[512], counter[512], log[512], out[512];
    snprintf(input, sizeof input, "%s/figures.csv", dir);
    snprintf(counter, sizeof counter, "%s/gnuplot", dir);
    snprintf(log, sizeof log, "%s/starts", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    write_figures(input, series, history);
    write_counter(counter, log);
    const char *inputs[] = {input};
    ft_report_opts o = {
        .out_dir = out, .gnuplot = counter, .gnuplots = gnuplots};
    ft_report_result res;
    ft_error err;
    ft_status st = ft_report_run(inputs, 1, &o, &res, &err);
    if (st != FT_OK)
        fail_msg("%s", err.message);
    assert_int_equal(res.charts, charts);
    assert_int_equal(res.charts_failed, 0);
    size_t got[64], ngot = 0;
    FILE *f = fopen(log, "r");
    assert_non_null(f);
    while (ngot < 64 && fscanf(f, "%zu", &got[ngot]) == 1)
        ngot++;
    fclose(f);
    qsort(got, ngot, sizeof *got, by_size_desc);
    assert_int_equal(ngot, nwant);
    for (size_t i = 0; i < nwant; i++)
        assert_int_equal(got[i], want[i]);
    remove_all(dir);
}

/* A few charts are spread evenly over the gnuplots, many go 128 a
 * gnuplot; the histories count, though only reading the figures back
 * tells which series have one. */
static void test_groups_follow_the_report(void **state)
{
    (void)state;
    if (!have_gnuplot()) {
        print_message("skipped: gnuplot not installed\n");
        skip();
    }
    /* 11 charts, 11 histories and the overview on two: not 16 and 7 */
    assert_groups(11, true, 2, 23, (size_t[]){12, 11}, 2);
    assert_groups(2, false, 2, 3, (size_t[]){2, 1}, 2);
    assert_groups(22, false, 1, 23, (size_t[]){23}, 1);
    assert_groups(22, false, 4, 23, (size_t[]){6, 6, 6, 5}, 4);
    /* up to a round of 128 each: one group each, above it two rounds */
    assert_groups(129, false, 2, 130, (size_t[]){65, 65}, 2);
    assert_groups(299, false, 2, 300, (size_t[]){75, 75, 75, 75}, 4);
    /* four rounds of 128 or more: 128 a gnuplot */
    assert_groups(599, false, 1, 600, (size_t[]){128, 128, 128, 128, 88}, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_groups_follow_the_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
