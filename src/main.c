/* main.c — figtrend's entry point: picks the command and hands over. */
/* realpath(3) is X/Open; the Makefile asks only for POSIX. */
#define _XOPEN_SOURCE 700
#include "cmd.h"

#include "pipeline.h"
#include "rates.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIGTREND_VERSION "0.1.0"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"extract", cmd_extract, "find money figures in articles (figures.csv)"},
    {"convert", cmd_convert, "amounts in one currency, nominal and constant"},
    {"report", cmd_report, "series CSV, charts and a page (plots/)"},
    {"run", cmd_run, "all three, incremental, for cron (state in SQLite)"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

void cli_report(const ft_error *e, const char *prefix)
{
    if (e->file[0] && e->line > 0)
        fprintf(stderr, "figtrend: %s:%ld: %s%s\n", e->file, e->line, prefix,
                e->message);
    else if (e->file[0])
        fprintf(stderr, "figtrend: %s: %s%s\n", e->file, prefix, e->message);
    else
        fprintf(stderr, "figtrend: %s%s\n", prefix, e->message);
}

void cli_removed(const char *dir, const char *name, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "figtrend: removed %s/%s (an earlier report's output)\n",
            dir, name);
}

int cli_finish(int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "figtrend: write error: %s\n", strerror(errno));
        return FT_EXIT_IOERR;
    }
    return code;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "figtrend: %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'figtrend %s --help'.\n", cmd);
    return FT_EXIT_USAGE;
}

int cli_bad_option(const char *cmd, int c, const char *arg)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", arg);
    if (optopt)
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    return cli_usage_error(cmd, "unknown option '%s'", arg);
}

/* The program as started (argv[0]): where the datasets are looked for
 * when /proc/self/exe cannot say where the program is. */
static const char *program_path;

enum { DATASETS_DIRS = 4, PATH_SIZE = 4096 };

/* The folders the datasets may be in, in the order they are tried, and
 * the first of them that is a folder. */
typedef struct {
    char dir[DATASETS_DIRS][PATH_SIZE];
    const char *why[DATASETS_DIRS]; /* how the folder was found */
    int n;
    int chosen; /* index into dir, -1 when none is a folder */
} datasets_search;

/* A folder whose files can be listed and read: one that cannot (a wrong
 * mode, another user's home) is passed over like a missing one, so that
 * the message names it among the folders tried. */
static bool is_readable_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) &&
           access(path, R_OK | X_OK) == 0;
}

static bool is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* The real path of the running program into out[0..PATH_SIZE): Linux's
 * /proc/self/exe, else argv[0] as a path, else argv[0] found on $PATH. */
static bool own_executable(char *out)
{
    char buf[PATH_SIZE];
    ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (k > 0 && buf[0] == '/') {
        buf[k] = '\0';
        /* The kernel marks a program replaced while it runs (a rebuild)
         * " (deleted)"; the old path still names the folder it was in. */
        const char *mark = " (deleted)";
        size_t m = strlen(mark);
        if ((size_t)k > m && strcmp(buf + k - m, mark) == 0)
            buf[k - m] = '\0';
        if (realpath(buf, out))
            return true;
        memcpy(out, buf, strlen(buf) + 1);
        return true;
    }
    if (!program_path || !*program_path)
        return false;
    if (strchr(program_path, '/'))
        return realpath(program_path, out) != NULL;
    const char *path = getenv("PATH");
    while (path && *path) {
        const char *end = strchr(path, ':');
        size_t len = end ? (size_t)(end - path) : strlen(path);
        int w =
            snprintf(buf, sizeof buf, "%.*s/%s", (int)len, path, program_path);
        if (len > 0 && w > 0 && (size_t)w < sizeof buf &&
            access(buf, X_OK) == 0 && is_file(buf))
            return realpath(buf, out) != NULL;
        path = end ? end + 1 : NULL;
    }
    return false;
}

/* Cut the last component off path ("/a/b/c" -> "/a/b"); false at "/". */
static bool cut_last(char *path)
{
    char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return false;
    *slash = '\0';
    return true;
}

static void add_dir(datasets_search *s, const char *why, const char *fmt,
                    const char *a)
{
    if (s->n >= DATASETS_DIRS)
        return;
    int k = snprintf(s->dir[s->n], PATH_SIZE, fmt, a);
    if (k < 0 || k >= PATH_SIZE)
        return;
    s->why[s->n++] = why;
}

/* The folders to try, worked out once per process.  $FIGTREND_DATASETS,
 * when set, is the only one: a folder the user names is never swapped for
 * another behind their back.  Otherwise a program still in the build
 * folder of its source tree (<tree>/buildX/figtrend, X anything) reads
 * <tree>/datasets, so that build/figtrend works from any folder; an
 * installed one reads <prefix>/share/figtrend beside its <prefix>/bin,
 * worked out at run time so that no PREFIX is compiled in; ./datasets
 * comes last, for a program copied somewhere on its own. */
static const datasets_search *datasets_folders(void)
{
    static datasets_search s;
    static bool done;
    if (done)
        return &s;
    done = true;
    s.chosen = -1;
    const char *env = getenv("FIGTREND_DATASETS");
    if (env && *env) {
        add_dir(&s, "$FIGTREND_DATASETS", "%s", env);
    } else {
        char exe[PATH_SIZE], tree[PATH_SIZE], probe[PATH_SIZE + 32];
        if (own_executable(exe) && cut_last(exe)) {
            /* exe is now the program's folder */
            const char *base = strrchr(exe, '/') + 1;
            memcpy(tree, exe, strlen(exe) + 1);
            if (strncmp(base, "build", 5) == 0 && cut_last(tree)) {
                snprintf(probe, sizeof probe, "%s/src/cmd.h", tree);
                if (is_file(probe))
                    add_dir(&s, "source tree", "%s/datasets", tree);
            }
            if (cut_last(exe))
                add_dir(&s, "installed", "%s/share/figtrend", exe);
            else /* a program in /bin */
                add_dir(&s, "installed", "%s/share/figtrend", "");
        }
        add_dir(&s, "current folder", "%s", "./datasets");
    }
    for (int i = 0; i < s.n && s.chosen < 0; i++)
        if (is_readable_dir(s.dir[i]))
            s.chosen = i;
    return &s;
}

/* "A (why), B (why)" for the folders tried up to and including `upto`. */
static void datasets_tried(const datasets_search *s, int upto, char *out,
                           size_t n)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i <= upto && i < s->n && len < n; i++) {
        int k = snprintf(out + len, n - len, "%s%s (%s)", i ? ", " : "",
                         s->dir[i], s->why[i]);
        if (k < 0)
            break;
        len += (size_t)k;
    }
}

/* Says once that no readable datasets folder was found; true when it was
 * not. */
static bool datasets_missing(const datasets_search *s)
{
    static bool said;
    if (s->chosen >= 0)
        return false;
    if (!said) {
        char tried[DATASETS_DIRS * (PATH_SIZE + 32)];
        datasets_tried(s, s->n - 1, tried, sizeof tried);
        fprintf(stderr,
                "figtrend: no readable datasets folder: tried %s; set "
                "FIGTREND_DATASETS to the folder that holds subjects.csv, "
                "countries.csv and the rates\n",
                s->n ? tried : "nothing");
        said = true;
    }
    return true;
}

int cli_encoding(const char *cmd, const char *arg)
{
    /* Checked now, so that a typo stops the command before any output
     * rather than rejecting every input; auto decodes as CP949 where it
     * has to, so that must work. */
    ft_text_decoder *d;
    ft_error err;
    bool auto_enc = strcasecmp(arg, "auto") == 0;
    ft_status st = ft_text_decoder_new(auto_enc ? "cp949" : arg, &d, &err);
    ft_text_decoder_free(d);
    if (st == FT_EUSAGE)
        return cli_usage_error(cmd,
                               "--encoding '%s': use utf-8, cp949, euc-kr or "
                               "auto",
                               arg);
    if (st != FT_OK) {
        cli_report(&err, "");
        return ft_status_exit_code(st);
    }
    return FT_EXIT_OK;
}

int cli_jobs(const char *cmd, const char *arg, unsigned *jobs)
{
    char *end;
    errno = 0;
    unsigned long n = strtoul(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end || errno || n < 1 ||
        n > FT_PIPELINE_JOBS_MAX)
        return cli_usage_error(cmd,
                               "--jobs '%s': want a number of threads from 1 "
                               "to %d",
                               arg, FT_PIPELINE_JOBS_MAX);
    *jobs = (unsigned)n;
    return FT_EXIT_OK;
}

bool cli_currency(const char *arg, char out[4])
{
    size_t n = strlen(arg);
    if (n != 3)
        return false;
    char up[4];
    for (size_t i = 0; i < 3; i++)
        up[i] = (char)toupper((unsigned char)arg[i]);
    up[3] = '\0';
    if (!ft_currency_known(up))
        return false;
    memcpy(out, up, 4);
    return true;
}

void cli_datasets_hint(void)
{
    const datasets_search *s = datasets_folders();
    if (datasets_missing(s))
        return;
    char tried[DATASETS_DIRS * (PATH_SIZE + 32)];
    datasets_tried(s, s->chosen, tried, sizeof tried);
    fprintf(stderr,
            "figtrend: the datasets folder is %s (tried %s); set "
            "FIGTREND_DATASETS to use another\n",
            s->dir[s->chosen], tried);
}

bool cli_datasets_path(const char *file, char *out, size_t n)
{
    const datasets_search *s = datasets_folders();
    /* With no folder, the path is in the first one tried, so that the
     * caller's own message (not found, cannot open) names a real try. */
    const char *dir = s->chosen >= 0 ? s->dir[s->chosen]
                      : s->n > 0     ? s->dir[0]
                                     : "datasets";
    datasets_missing(s);
    size_t len = strlen(dir);
    const char *slash = len > 0 && dir[len - 1] == '/' ? "" : "/";
    int k = snprintf(out, n, "%s%s%s", dir, slash, file);
    return k >= 0 && (size_t)k < n;
}

bool cli_exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

static void usage(FILE *out)
{
    fputs("usage: figtrend COMMAND [OPTION]... [ARG]...\n"
          "       figtrend --help | --version\n"
          "\n"
          "Money figures from news articles, as CSV and charts.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun 'figtrend COMMAND --help' for a command's options.\n", out);
}

/* Makes sure descriptors 0-2 are open before anything opens a file: a
 * program started with one closed (`2>&-`) would otherwise hand that
 * number to the next file it opens, and its messages or output would go
 * into that file (convert's temporary CSV).  The stand-in is /dev/null
 * opened the other way round (write-only for input, read-only for the
 * outputs), so that using the closed stream still fails as it would have
 * (a write to a closed standard output is a write error, exit 74) rather
 * than quietly succeeding.  False when /dev/null cannot be opened. */
static bool standard_descriptors_open(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
        if (got < 0)
            return false;
        /* The lowest free number is fd itself, the lower ones being open
         * by now; anything else would be a broken kernel. */
        if (got != fd) {
            close(got);
            return false;
        }
    }
    return true;
}

int main(int argc, char **argv)
{
    if (!standard_descriptors_open())
        return FT_EXIT_IOERR; /* nowhere safe to say so */
    /* GSL's default handler aborts; every GSL status is checked instead. */
    gsl_set_error_handler_off();
    /* $FIGTREND_NO_AVX2 set and not empty: run as a processor without AVX2
     * would (the library reads no environment), before any thread */
    const char *no_avx2 = getenv("FIGTREND_NO_AVX2");
    if (no_avx2 && *no_avx2)
        ft_cpu_avoid_avx2();
    program_path = argv[0];

    if (argc < 2) {
        usage(stderr);
        return FT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        if (strcmp(cmd, "help") == 0 && argc > 2) {
            /* `figtrend help CMD` is `figtrend CMD --help` */
            char help[] = "--help";
            char *args[] = {argv[2], help, NULL};
            for (size_t i = 0; i < NCOMMANDS; i++)
                if (strcmp(argv[2], commands[i].name) == 0)
                    return commands[i].run(2, args);
        } else {
            usage(stdout);
            return cli_finish(FT_EXIT_OK);
        }
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        puts("figtrend " FIGTREND_VERSION);
        return cli_finish(FT_EXIT_OK);
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    if (strcmp(cmd, "help") == 0)
        cmd = argv[2];
    fprintf(stderr, "figtrend: %s '%s'\nTry 'figtrend --help'.\n",
            cmd[0] == '-' ? "unknown option" : "no such command:", cmd);
    return FT_EXIT_USAGE;
}
