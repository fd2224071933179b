/* test_outfile.c — whole outputs, folder locks, sweeping what a killed
 * writer left. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "outfile.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ft_outfile_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static bool exists(const char *name)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return access(p, F_OK) == 0;
}

static void touch(const char *name)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
}

/* Set dir/name's times to `seconds` ago (not following a symlink). */
static void age(const char *name, long seconds)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct timespec t[2];
    clock_gettime(CLOCK_REALTIME, &t[0]);
    t[0].tv_sec -= seconds;
    t[1] = t[0];
    assert_int_equal(utimensat(AT_FDCWD, p, t, AT_SYMLINK_NOFOLLOW), 0);
}

static void test_commit_and_abort(void **state)
{
    (void)state;
    ft_outfile o;
    ft_error err;
    assert_int_equal(ft_outfile_open(&o, dir, "a.csv", &err), FT_OK);
    fputs("x\n", o.fp);
    assert_false(exists("a.csv")); /* not before the rename */
    assert_int_equal(ft_outfile_commit(&o, &err), FT_OK);
    assert_true(exists("a.csv"));
    assert_int_equal(ft_outfile_open(&o, dir, "b.csv", &err), FT_OK);
    ft_outfile_abort(&o);
    assert_false(exists("b.csv"));
}

/* A FIFO by the output's name stays, and the commit says so. */
static void test_commit_leaves_a_fifo(void **state)
{
    (void)state;
    char p[256];
    snprintf(p, sizeof p, "%s/pipe.csv", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    ft_outfile o;
    ft_error err;
    assert_int_equal(ft_outfile_open(&o, dir, "pipe.csv", &err), FT_OK);
    fputs("x\n", o.fp);
    assert_int_equal(ft_outfile_commit(&o, &err), FT_ECANTCREAT);
    assert_non_null(strstr(err.file, "pipe.csv"));
    struct stat sb;
    assert_int_equal(lstat(p, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    assert_int_equal(unlink(p), 0);
    assert_int_equal(ft_outfile_sweep(dir), 0); /* no temporary left */
}

/* flock locks belong to an open file: a second open in the same process
 * conflicts like another process would. */
static void test_lock_is_exclusive(void **state)
{
    (void)state;
    int a, b;
    ft_error err;
    assert_int_equal(ft_outfile_lock(dir, "lock", 0, &a, &err), FT_OK);
    assert_int_equal(ft_outfile_lock(dir, "lock", 0, &b, &err), FT_ELOCKED);
    assert_int_equal(b, -1);
    assert_non_null(strstr(err.message, "lock"));
    ft_outfile_unlock(a);
    assert_int_equal(ft_outfile_lock(dir, "lock", 0, &b, &err), FT_OK);
    ft_outfile_unlock(b);
    assert_true(exists("lock")); /* never removed */
}

static void test_sweep_takes_only_leftovers(void **state)
{
    (void)state;
    touch(".figures.csv.Ab12cD");
    touch(".overview.svg.zzzzzz");
    touch(".report.xlsx.Qw3rTy");
    touch("keep.csv");
    touch(".bashrc");
    touch(".notes.txt.Ab12cD"); /* not one of our outputs' kinds */
    touch(".figures.csv.short");
    const char *all[] = {".figures.csv.Ab12cD", ".overview.svg.zzzzzz",
                         ".report.xlsx.Qw3rTy", "keep.csv", ".bashrc",
                         ".notes.txt.Ab12cD", ".figures.csv.short"};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        age(all[i], FT_OUTFILE_STALE_SECONDS + 5);
    /* A writer at work: changed a moment ago, it stays. */
    touch(".series.csv.Live01");
    age(".series.csv.Live01", FT_OUTFILE_STALE_SECONDS - 30);
    assert_int_equal(ft_outfile_sweep(dir), 3);
    assert_true(exists(".series.csv.Live01"));
    age(".series.csv.Live01", FT_OUTFILE_STALE_SECONDS + 1);
    assert_int_equal(ft_outfile_sweep(dir), 1);
    assert_false(exists(".series.csv.Live01"));
    assert_false(exists(".figures.csv.Ab12cD"));
    assert_false(exists(".report.xlsx.Qw3rTy"));
    assert_false(exists(".overview.svg.zzzzzz"));
    assert_true(exists("keep.csv"));
    assert_true(exists(".bashrc"));
    assert_true(exists(".notes.txt.Ab12cD"));
    assert_true(exists(".figures.csv.short"));
}

/* A private folder a killed writer left goes with its files; a folder
 * of another name, a symlink by our name, and what they hold, stay. */
static void test_sweep_takes_private_folders(void **state)
{
    (void)state;
    char p[256];
    snprintf(p, sizeof p, "%s/" FT_OUTFILE_PRIVATE_PREFIX "Ab12cD", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    touch(FT_OUTFILE_PRIVATE_PREFIX "Ab12cD/fund.svg");
    snprintf(p, sizeof p, "%s/mine", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    touch("mine/fund.svg");
    age("mine/fund.svg", FT_OUTFILE_STALE_SECONDS + 5);
    age("mine", FT_OUTFILE_STALE_SECONDS + 5);
    snprintf(p, sizeof p, "%s/" FT_OUTFILE_PRIVATE_PREFIX "Zz9zZz", dir);
    assert_int_equal(symlink("mine", p), 0);
    age(FT_OUTFILE_PRIVATE_PREFIX "Zz9zZz", FT_OUTFILE_STALE_SECONDS + 5);
    /* gnuplot still drawing: the folder and its picture stay. */
    assert_int_equal(ft_outfile_sweep(dir), 0);
    assert_true(exists(FT_OUTFILE_PRIVATE_PREFIX "Ab12cD/fund.svg"));
    age(FT_OUTFILE_PRIVATE_PREFIX "Ab12cD/fund.svg",
        FT_OUTFILE_STALE_SECONDS + 5);
    age(FT_OUTFILE_PRIVATE_PREFIX "Ab12cD", FT_OUTFILE_STALE_SECONDS + 5);
    assert_int_equal(ft_outfile_sweep(dir), 1);
    assert_false(exists(FT_OUTFILE_PRIVATE_PREFIX "Ab12cD"));
    assert_true(exists("mine/fund.svg"));
    assert_true(exists(FT_OUTFILE_PRIVATE_PREFIX "Zz9zZz"));
}

static void test_mkdirs(void **state)
{
    (void)state;
    char p[256];
    ft_error err;
    snprintf(p, sizeof p, "%s/x/y/z", dir);
    assert_int_equal(ft_outfile_mkdirs(p, &err), FT_OK);
    struct stat sb;
    assert_int_equal(stat(p, &sb), 0);
    assert_true(S_ISDIR(sb.st_mode));
    snprintf(p, sizeof p, "%s/keep.csv/sub", dir);
    assert_int_equal(ft_outfile_mkdirs(p, &err), FT_ECANTCREAT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_and_abort),
        cmocka_unit_test(test_lock_is_exclusive),
        cmocka_unit_test(test_commit_leaves_a_fifo),
        cmocka_unit_test(test_sweep_takes_only_leftovers),
        cmocka_unit_test(test_sweep_takes_private_folders),
        cmocka_unit_test(test_mkdirs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
