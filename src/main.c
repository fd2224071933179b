/* main.c — figtrend's entry point: picks the command and hands over. */
#include "cmd.h"

#include <errno.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int cli_finish(int code)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "figtrend: write error: %s\n", strerror(errno));
        return 74;
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
    return 64;
}

int cli_bad_option(const char *cmd, int c, const char *arg)
{
    if (c == ':')
        return cli_usage_error(cmd, "option '%s' needs a value", arg);
    if (optopt)
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    return cli_usage_error(cmd, "unknown option '%s'", arg);
}

bool cli_datasets_path(const char *file, char *out, size_t n)
{
    const char *dir = getenv("FIGTREND_DATASETS");
    struct stat sb;
    if (!dir || !*dir)
        dir = stat("datasets", &sb) == 0 && S_ISDIR(sb.st_mode) ? "datasets"
                                                                : FT_DATADIR;
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

int main(int argc, char **argv)
{
    /* GSL's default handler aborts; every GSL status is checked instead. */
    gsl_set_error_handler_off();

    if (argc < 2) {
        usage(stderr);
        return 64;
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
            return cli_finish(0);
        }
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        puts("figtrend " FIGTREND_VERSION);
        return cli_finish(0);
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    if (strcmp(cmd, "help") == 0)
        cmd = argv[2];
    fprintf(stderr, "figtrend: %s '%s'\nTry 'figtrend --help'.\n",
            cmd[0] == '-' ? "unknown option" : "no such command:", cmd);
    return 64;
}
