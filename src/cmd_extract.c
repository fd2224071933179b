/* cmd_extract.c — `figtrend extract`: articles in, figures.csv rows out. */
#include "cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "figures.h"

static const char help[] =
    "usage: figtrend extract [OPTION]... [FILE|DIR|-]...\n"
    "\n"
    "Find every money figure in news articles and write one row per figure\n"
    "(figures.csv columns).  A plain text FILE is one article, with optional\n"
    "Title:/Date:/Source:/URL: header lines and a blank line on top; a\n"
    "*.jsonl FILE holds one JSON article per line; a DIR means its files in\n"
    "name order.  With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  --date YYYY-MM-DD  publication date of articles that give none\n"
    "  --source NAME      source of articles that give none\n"
    "  --format FMT       csv (default), tsv or jsonl\n"
    "  --no-header        leave out the header line (to join chunks)\n"
    "  --print-header     print only the header line, read nothing\n"
    "  --input KIND       text or jsonl: how to read FILEs and standard\n"
    "                     input (default: *.jsonl, *.ndjson are JSONL)\n"
    "  --max-bytes N      reject an article (file or JSONL line) larger\n"
    "                     than N bytes; suffixes K, M, G; default 16M\n"
    "  -v, --verbose      also report invalid UTF-8 and skipped entries\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 success; 3 some inputs rejected, the rest written;\n"
    "64 usage; 65 all inputs bad; 66 all inputs missing; 74 I/O error.\n";

typedef struct {
    bool verbose;
    long ok, bad, missing; /* articles written / inputs rejected / missing */
} run_state;

/* Warnings reject nothing; an ignored date changes the output, so it is
 * always told, the rest only with -v. */
static void on_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    const run_state *rs = ctx;
    if (w == FT_WARN_DATE || rs->verbose)
        cli_report(detail, "warning: ");
}

/* N with an optional K/M/G (binary) suffix; 0 when malformed. */
static size_t parse_size(const char *s)
{
    char *end;
    errno = 0;
    if (*s < '0' || *s > '9')
        return 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    switch (*end) {
    case 'k':
    case 'K':
        shift = 10;
        end++;
        break;
    case 'm':
    case 'M':
        shift = 20;
        end++;
        break;
    case 'g':
    case 'G':
        shift = 30;
        end++;
        break;
    }
    if (errno || *end || v == 0 || v > (SIZE_MAX / 4) >> shift)
        return 0;
    return (size_t)(v << shift);
}

/* Extract and write every article of one input; false on a fatal error
 * (out of memory, write error), with *fatal set to the exit code. */
static bool do_input(const char *path, const ft_reader_opts *opts,
                     ft_figwriter *w, ft_figlist *figs, run_state *rs,
                     int *fatal)
{
    ft_error err;
    ft_reader *r;
    ft_status st = ft_reader_open(path, opts, &r, &err);
    if (st != FT_OK) {
        cli_report(&err, "");
        if (st == FT_ENOMEM) {
            *fatal = ft_status_exit_code(st);
            return false;
        }
        if (st == FT_ENOINPUT)
            rs->missing++;
        else
            rs->bad++;
        return true;
    }
    ft_article a = {0};
    bool go_on = true;
    while ((st = ft_reader_next(r, &a, &err)) != FT_EOF) {
        if (st == FT_ENOMEM) {
            cli_report(&err, "");
            *fatal = ft_status_exit_code(st);
            go_on = false;
            break;
        }
        if (st != FT_OK) {
            cli_report(&err, "");
            if (st == FT_ENOINPUT)
                rs->missing++;
            else
                rs->bad++;
            continue;
        }
        figs->len = 0; /* keep the array from the last article */
        if ((st = ft_extract(a.text, a.len, figs, &err)) != FT_OK) {
            ft_error_at(&err, a.id, 0);
            cli_report(&err, "");
            *fatal = ft_status_exit_code(st);
            go_on = false;
            break;
        }
        for (size_t i = 0; i < figs->len && go_on; i++) {
            st = ft_figwriter_row(w, &a, i + 1, &figs->items[i], &err);
            if (st == FT_EDATA) { /* an extractor bug: say so, go on */
                ft_error_at(&err, a.id, 0);
                cli_report(&err, "internal error: ");
            } else if (st != FT_OK) {
                cli_report(&err, "");
                *fatal = ft_status_exit_code(st);
                go_on = false;
            }
        }
        if (go_on)
            rs->ok++;
        else
            break;
    }
    ft_article_clear(&a);
    ft_reader_free(r);
    return go_on;
}

int cmd_extract(int argc, char **argv)
{
    enum {
        O_DATE = 256,
        O_SOURCE,
        O_FORMAT,
        O_NO_HEADER,
        O_PRINT_HEADER,
        O_INPUT,
        O_MAX_BYTES
    };
    static const struct option longopts[] = {
        {"date", required_argument, NULL, O_DATE},
        {"source", required_argument, NULL, O_SOURCE},
        {"format", required_argument, NULL, O_FORMAT},
        {"no-header", no_argument, NULL, O_NO_HEADER},
        {"print-header", no_argument, NULL, O_PRINT_HEADER},
        {"input", required_argument, NULL, O_INPUT},
        {"max-bytes", required_argument, NULL, O_MAX_BYTES},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    run_state rs = {0};
    ft_reader_opts opts = {.warn = on_warning, .warn_ctx = &rs};
    ft_format format = FT_FORMAT_CSV;
    bool header = true, header_only = false;
    int c;

    optind = 1;
    opterr = 0; /* our own messages, in our own format */
    while ((c = getopt_long(argc, argv, ":hv", longopts, NULL)) != -1) {
        switch (c) {
        case O_DATE:
            if (!ft_article_date_valid(optarg, strlen(optarg)))
                return cli_usage_error("extract",
                                       "--date '%s' is not a date "
                                       "(YYYY-MM-DD)",
                                       optarg);
            opts.date = optarg;
            break;
        case O_SOURCE:
            opts.source = optarg;
            break;
        case O_FORMAT:
            if (strcmp(optarg, "csv") == 0)
                format = FT_FORMAT_CSV;
            else if (strcmp(optarg, "tsv") == 0)
                format = FT_FORMAT_TSV;
            else if (strcmp(optarg, "jsonl") == 0)
                format = FT_FORMAT_JSONL;
            else
                return cli_usage_error(
                    "extract", "--format '%s': use csv, tsv or jsonl", optarg);
            break;
        case O_NO_HEADER:
            header = false;
            break;
        case O_PRINT_HEADER:
            header_only = true;
            break;
        case O_INPUT:
            if (strcmp(optarg, "text") == 0)
                opts.kind = FT_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                opts.kind = FT_INPUT_JSONL;
            else
                return cli_usage_error(
                    "extract", "--input '%s': use text or jsonl", optarg);
            break;
        case O_MAX_BYTES:
            if ((opts.max_bytes = parse_size(optarg)) == 0)
                return cli_usage_error("extract",
                                       "--max-bytes '%s': want a positive "
                                       "number of bytes (K, M, G allowed)",
                                       optarg);
            break;
        case 'v':
            rs.verbose = true;
            break;
        case 'h':
            fputs(help, stdout);
            return cli_finish(0);
        case ':':
            return cli_usage_error("extract", "option '%s' needs a value",
                                   argv[optind - 1]);
        default:
            if (optopt)
                return cli_usage_error("extract", "unknown option '-%c'",
                                       optopt);
            return cli_usage_error("extract", "unknown option '%s'",
                                   argv[optind - 1]);
        }
    }
    if (header_only && optind < argc)
        return cli_usage_error("extract",
                               "--print-header takes no FILE arguments");

    static char stdin_arg[] = "-";
    char *only_stdin[] = {stdin_arg};
    char **inputs = optind < argc ? argv + optind : only_stdin;
    int ninputs = optind < argc ? argc - optind : 1;

    /* Rows are many and small: a large buffer saves write calls. */
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    ft_figwriter *w = ft_figwriter_new(stdout, format);
    if (!w) {
        fprintf(stderr, "figtrend: out of memory\n");
        return 74;
    }
    ft_error err;
    int fatal = 0;
    ft_figlist figs;
    ft_figlist_init(&figs);
    if ((header || header_only) && ft_figwriter_header(w, &err) != FT_OK) {
        cli_report(&err, "");
        fatal = 74;
    }
    for (int i = 0; !header_only && !fatal && i < ninputs; i++)
        if (!do_input(inputs[i], &opts, w, &figs, &rs, &fatal))
            break;
    ft_figlist_free(&figs);
    ft_figwriter_free(w);

    if (fatal) /* already reported */
        return fatal;
    /* Buffered rows may fail only now (disk full, closed stdout). */
    if (cli_finish(0) != 0)
        return 74;
    if (rs.bad == 0 && rs.missing == 0)
        return 0;
    if (rs.ok > 0)
        return 3;
    return rs.bad > 0 ? 65 : 66;
}
