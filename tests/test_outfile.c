/* test_outfile.c — whole outputs, folder locks, sweeping what a killed
 * writer left, and the manifest that says which files are a report's. */
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

#include "manifest.h"
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
    touch("..figtrend-manifest.Zx9Yw8"); /* the manifest's */
    touch(FT_MANIFEST_NAME);             /* the manifest itself */
    const char *all[] = {".figures.csv.Ab12cD",
                         ".overview.svg.zzzzzz",
                         ".report.xlsx.Qw3rTy",
                         "keep.csv",
                         ".bashrc",
                         ".notes.txt.Ab12cD",
                         ".figures.csv.short",
                         "..figtrend-manifest.Zx9Yw8",
                         FT_MANIFEST_NAME};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        age(all[i], FT_OUTFILE_STALE_SECONDS + 5);
    /* A writer at work: changed a moment ago, it stays. */
    touch(".series.csv.Live01");
    age(".series.csv.Live01", FT_OUTFILE_STALE_SECONDS - 30);
    assert_int_equal(ft_outfile_sweep(dir), 4);
    assert_true(exists(".series.csv.Live01"));
    assert_false(exists("..figtrend-manifest.Zx9Yw8"));
    assert_true(exists(FT_MANIFEST_NAME));
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

/* Each manifest test in a folder of its own inside the group's. */
static char group_dir[sizeof dir];

static int own_folder(void **state)
{
    (void)state;
    memcpy(group_dir, dir, sizeof dir);
    if (snprintf(dir, sizeof dir, "%s/m", group_dir) >= (int)sizeof dir)
        return -1;
    return mkdir(dir, 0700);
}

static int drop_folder(void **state)
{
    int rc = teardown(state);
    memcpy(dir, group_dir, sizeof dir);
    return rc;
}

static void write_text(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void record_removed(const char *d, const char *name, void *ctx)
{
    (void)d;
    char *list = ctx;
    strcat(list, name);
    strcat(list, ";");
}

/* A report that ends with outputs a..: the names are a plain list. */
static ft_status finish(const char *const *names, size_t n, bool prune,
                        char *removed)
{
    ft_manifest *m = ft_manifest_new();
    assert_non_null(m);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(ft_manifest_add(m, names[i]), FT_OK);
    removed[0] = '\0';
    ft_status st =
        ft_manifest_finish(m, dir, prune, record_removed, removed, NULL);
    ft_manifest_free(m);
    return st;
}

/* Only what an earlier report wrote and this one does not goes: never a
 * file it did not write, even one named like its outputs. */
static void test_manifest_prunes_only_its_own(void **state)
{
    (void)state;
    char removed[256];
    touch("a.gp");
    touch("a.svg");
    touch("b.gp");
    touch("b.svg");
    touch("b.png"); /* the user's, in a format not drawn */
    touch("c.gp");  /* there before any manifest */
    const char *first[] = {"a.gp", "a.svg", "b.gp", "b.svg"};
    assert_int_equal(finish(first, 4, true, removed), FT_OK);
    assert_string_equal(removed, ""); /* no manifest yet: nothing goes */
    assert_true(exists(FT_MANIFEST_NAME));
    const char *second[] = {"b.gp", "b.png"};
    assert_int_equal(finish(second, 2, true, removed), FT_OK);
    assert_string_equal(removed, "a.gp;a.svg;b.svg;");
    assert_false(exists("a.gp"));
    assert_false(exists("b.svg"));
    assert_true(exists("b.gp"));
    assert_true(exists("b.png"));
    assert_true(exists("c.gp"));
    /* Names repeat in one report: one line each. */
    const char *third[] = {"b.gp", "b.gp", "b.png"};
    assert_int_equal(finish(third, 3, true, removed), FT_OK);
    assert_string_equal(removed, "");
}

/* A report that failed part-way removes nothing and forgets nothing: the
 * next complete one removes what both left. */
static void test_manifest_failed_report_keeps_names(void **state)
{
    (void)state;
    char removed[256];
    touch("old.svg");
    touch("new.svg");
    const char *first[] = {"old.svg"};
    assert_int_equal(finish(first, 1, true, removed), FT_OK);
    const char *failed[] = {"new.svg"};
    assert_int_equal(finish(failed, 1, false, removed), FT_OK);
    assert_string_equal(removed, "");
    assert_true(exists("old.svg"));
    const char *done[] = {"index.html"};
    assert_int_equal(finish(done, 1, true, removed), FT_OK);
    assert_string_equal(removed, "new.svg;old.svg;");
}

/* The manifest is read as untrusted: a name outside the folder, a
 * hidden one, a folder or a symlink is never removed; a FIFO by the
 * manifest's name is not read (nor does it hang the report). */
static void test_manifest_hostile(void **state)
{
    (void)state;
    char removed[256];
    char outside[128];
    snprintf(outside, sizeof outside, "%s.outside", dir);
    FILE *f = fopen(outside, "w");
    assert_non_null(f);
    fclose(f);
    char text[512];
    const char *base = strrchr(dir, '/') + 1;
    snprintf(text, sizeof text,
             "# comment\n../%s.outside\n%s/../x\n.hidden\nsub\nlink\n"
             "plain\r\n\n",
             base, base);
    write_text(FT_MANIFEST_NAME, text);
    touch(".hidden");
    char p[256];
    snprintf(p, sizeof p, "%s/sub", dir);
    assert_int_equal(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/link", dir);
    assert_int_equal(symlink(outside, p), 0);
    touch("plain\r");
    assert_int_equal(finish(NULL, 0, true, removed), FT_OK);
    assert_string_equal(removed, "");
    assert_int_equal(access(outside, F_OK), 0);
    assert_true(exists(".hidden"));
    assert_true(exists("sub"));
    assert_true(exists("link"));
    /* The folder and the symlink stay ours, to try again next time. */
    unlink(outside);
    snprintf(p, sizeof p, "%s/sub", dir);
    rmdir(p);

    snprintf(p, sizeof p, "%s/%s", dir, FT_MANIFEST_NAME);
    unlink(p);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_int_equal(finish(NULL, 0, true, removed), FT_ECANTCREAT);
    struct stat sb;
    assert_int_equal(lstat(p, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
}

/* ---- batches ---------------------------------------------------------- */

/* The text of dir/name ("" when it cannot be read). */
static const char *text_of(const char *name)
{
    static char buf[64];
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    buf[0] = '\0';
    FILE *f = fopen(p, "r");
    if (f) {
        buf[fread(buf, 1, sizeof buf - 1, f)] = '\0';
        fclose(f);
    }
    return buf;
}

/* How many entries dir has besides . and .. */
static size_t entries(const char *path)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", path);
    FILE *p = popen(cmd, "r");
    size_t n = 0;
    assert_non_null(p);
    assert_int_equal(fscanf(p, "%zu", &n), 1);
    pclose(p);
    return n;
}

/* No file has its final name before the commit, all have it after (the
 * ones written by the batch and one another program wrote in its
 * folder), each as readable as any output, and the private folder goes
 * with the batch. */
static void test_batch_commit(void **state)
{
    (void)state;
    write_text("a.gp", "old");
    ft_outfile_batch *b;
    ft_error err;
    assert_int_equal(ft_outfile_batch_new(dir, &b, &err), FT_OK);
    const char *own = ft_outfile_batch_dir(b);
    assert_non_null(strstr(own, FT_OUTFILE_PRIVATE_PREFIX));
    struct stat sb;
    assert_int_equal(stat(own, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0700);
    assert_int_equal(ft_outfile_batch_write(b, "a.gp", "new", 3, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "b.dat", "", 0, &err), FT_OK);
    char p[256];
    snprintf(p, sizeof p, "%s/c.svg", own);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("<svg/>", f);
    fclose(f);
    assert_int_equal(ft_outfile_batch_add(b, "c.svg", &err), FT_OK);
    assert_string_equal(text_of("a.gp"), "old");
    assert_false(exists("b.dat"));
    assert_false(exists("c.svg"));
    assert_int_equal(ft_outfile_batch_commit(b, &err), FT_OK);
    assert_string_equal(text_of("a.gp"), "new");
    assert_true(exists("b.dat"));
    assert_string_equal(text_of("c.svg"), "<svg/>");
    assert_int_equal(entries(own), 0);
    mode_t mask = umask(0);
    umask(mask);
    snprintf(p, sizeof p, "%s/b.dat", dir);
    assert_int_equal(stat(p, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0666 & ~mask);
    ft_outfile_batch_free(b);
    assert_int_equal(entries(dir), 3);
}

/* A batch freed uncommitted (a failed report) leaves the previous
 * outputs and nothing else. */
static void test_batch_free_keeps_previous(void **state)
{
    (void)state;
    write_text("a.csv", "old");
    ft_outfile_batch *b;
    ft_error err;
    assert_int_equal(ft_outfile_batch_new(dir, &b, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "a.csv", "new", 3, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "n.csv", "new", 3, &err), FT_OK);
    ft_outfile_batch_free(b);
    assert_string_equal(text_of("a.csv"), "old");
    assert_int_equal(entries(dir), 1);
}

/* A commit whose rename fails says which file, keeps its previous
 * output, places none after it and leaves no temporary. */
static void test_batch_failed_commit_keeps_previous(void **state)
{
    (void)state;
    write_text("x.dat", "old");
    write_text("y.dat", "old");
    ft_outfile_batch *b;
    ft_error err;
    assert_int_equal(ft_outfile_batch_new(dir, &b, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "x.dat", "new", 3, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "y.dat", "new", 3, &err), FT_OK);
    char p[256];
    snprintf(p, sizeof p, "%s/x.dat", ft_outfile_batch_dir(b));
    assert_int_equal(unlink(p), 0); /* gone from under the batch */
    assert_int_equal(ft_outfile_batch_commit(b, &err), FT_EIO);
    assert_non_null(strstr(err.file, "x.dat"));
    assert_string_equal(text_of("x.dat"), "old");
    assert_string_equal(text_of("y.dat"), "old");
    assert_int_equal(entries(ft_outfile_batch_dir(b)), 0);
    ft_outfile_batch_free(b);
    assert_int_equal(entries(dir), 2);
}

/* A FIFO by a final name stays: refused when the file is written, and
 * passed over (the others placed) when it came later. */
static void test_batch_leaves_a_fifo(void **state)
{
    (void)state;
    char p[256];
    snprintf(p, sizeof p, "%s/pipe.dat", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    ft_outfile_batch *b;
    ft_error err;
    assert_int_equal(ft_outfile_batch_new(dir, &b, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "pipe.dat", "x", 1, &err),
                     FT_ECANTCREAT);
    assert_non_null(strstr(err.file, "pipe.dat"));
    assert_int_equal(ft_outfile_batch_write(b, "late.gp", "x", 1, &err), FT_OK);
    assert_int_equal(ft_outfile_batch_write(b, "ok.gp", "x", 1, &err), FT_OK);
    snprintf(p, sizeof p, "%s/late.gp", dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_int_equal(ft_outfile_batch_commit(b, &err), FT_ECANTCREAT);
    assert_non_null(strstr(err.file, "late.gp"));
    struct stat sb;
    assert_int_equal(lstat(p, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    assert_string_equal(text_of("ok.gp"), "x");
    ft_outfile_batch_free(b);
    assert_int_equal(entries(dir), 3);
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
        cmocka_unit_test_setup_teardown(test_manifest_prunes_only_its_own,
                                        own_folder, drop_folder),
        cmocka_unit_test_setup_teardown(test_manifest_failed_report_keeps_names,
                                        own_folder, drop_folder),
        cmocka_unit_test_setup_teardown(test_manifest_hostile, own_folder,
                                        drop_folder),
        cmocka_unit_test_setup_teardown(test_batch_commit, own_folder,
                                        drop_folder),
        cmocka_unit_test_setup_teardown(test_batch_free_keeps_previous,
                                        own_folder, drop_folder),
        cmocka_unit_test_setup_teardown(test_batch_failed_commit_keeps_previous,
                                        own_folder, drop_folder),
        cmocka_unit_test_setup_teardown(test_batch_leaves_a_fifo, own_folder,
                                        drop_folder),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
