/* cmd_extract.c — `figtrend extract`: articles in, figures.csv rows out. */
#include "cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "article.h"
#include "country.h"
#include "extract.h"
#include "figures.h"
#include "pipeline.h"
#include "subject.h"
#include "text.h"

static const char help[] =
    "usage: figtrend extract [OPTION]... [FILE|DIR|-]...\n"
    "\n"
    "Find every money figure in news articles and write one row per figure\n"
    "(figures.csv columns).  A plain text FILE is one article, with optional\n"
    "Title:/Date:/Source:/URL: header lines and a blank line on top; a\n"
    "*.jsonl FILE holds one JSON article per line; a *.csv FILE one article\n"
    "per row, under a header naming the columns (id, published, source,\n"
    "title, url, text); a DIR means its files in name order (with -r,\n"
    "its subfolders' too).  With no FILE, or when FILE is -, read standard\n"
    "input.\n"
    "\n"
    "  --date DATE        publication date of articles that give none\n"
    "                     (2025-08-04, Aug. 4, 2025, 2025.08.04, ...)\n"
    "  --source NAME      source of articles that give none\n"
    "  --format FMT       csv (default), tsv or jsonl\n"
    "  --no-header        leave out the header line (to join chunks)\n"
    "  --print-header     print only the header line, read nothing\n"
    "  --input KIND       text, jsonl or csv: how to read FILEs and standard\n"
    "                     input (default: by name, *.jsonl, *.ndjson JSONL,\n"
    "                     *.csv CSV, others text)\n"
    "  --encoding ENC     utf-8 (default), cp949 or euc-kr: decode every\n"
    "                     input to UTF-8 first; auto: each input as it is\n"
    "                     when UTF-8, else as CP949 when it reads as that\n"
    "                     (without it, such an input gets a warning)\n"
    "  --subjects FILE    more subject aliases (CSV alias,canonical), after\n"
    "                     the datasets' subjects.csv; may be repeated\n"
    "  --countries FILE   more states and the words that name them (the\n"
    "                     columns of countries.csv), after the datasets'\n"
    "                     countries.csv; may be repeated\n"
    "  --max-bytes N      reject an article (file, JSONL line or CSV row)\n"
    "                     larger than N bytes; suffixes K, M, G; default 16M\n"
    "  -r, --recursive    a DIR's subfolders too, each in its place in name\n"
    "                     order\n"
    "  -v, --verbose      also report invalid UTF-8 and skipped entries\n"
    "  -h, --help         show this help\n"
    "\n"
    "The datasets (subjects.csv, countries.csv) are looked for "
    "in\n" FT_DATASETS_ORDER ".\n"
    "\n"
    "Exit status: 0 success; 3 some inputs rejected, the rest written;\n"
    "64 usage; 65 all inputs bad; 66 all inputs missing (or a --subjects\n"
    "or --countries FILE); 74 I/O error; 78 an alias or countries file\n"
    "unusable.\n";

typedef struct {
    bool verbose;
    long ok, bad, missing; /* articles written / inputs rejected / missing */
} run_state;

/* Warnings reject nothing; an ignored date or bytes that did not decode
 * change the output, so they are always told, the rest only with -v. */
static void on_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    const run_state *rs = ctx;
    if (w == FT_WARN_DATE || w == FT_WARN_ENCODING || w == FT_WARN_CP949 ||
        rs->verbose)
        cli_report(detail, "warning: ");
}

/* A datasets table and the user's files on top of it: its file name in
 * the datasets folder, what it gives (for the warnings), and its loader. */
typedef struct {
    const char *file; /* "subjects.csv" */
    const char *what; /* "subject aliases" */
    ft_status (*load)(void *table, const char *path, ft_error *err);
} table_kind;

/* Load the datasets' file when there is one, then each user FILE, later
 * ones winning.  False, with *code set to the exit code, when one cannot
 * be used (already reported). */
static bool load_table(void *table, const table_kind *k, char **files,
                       int nfiles, bool verbose, int *code)
{
    ft_error err;
    char path[4096];
    ft_status st = FT_OK;
    if (!cli_datasets_path(k->file, path, sizeof path))
        fprintf(stderr, "figtrend: datasets path too long; %s not loaded\n",
                k->what);
    else if (!cli_exists(path)) {
        /* Not an error: figures still get their columns, only without
         * what the table adds. */
        if (verbose)
            fprintf(stderr, "figtrend: %s: warning: not found; %s not loaded\n",
                    path, k->what);
    } else if ((st = k->load(table, path, &err)) != FT_OK) {
        cli_report(&err, "");
        cli_datasets_hint();
        /* The datasets are configuration: any failure is 78, or 74. */
        *code = st == FT_ENOMEM ? FT_EXIT_IOERR : FT_EXIT_CONFIG;
        return false;
    }
    for (int i = 0; i < nfiles; i++)
        if ((st = k->load(table, files[i], &err)) != FT_OK) {
            if (!err.file[0])
                ft_error_at(&err, files[i], 0);
            cli_report(&err, "");
            *code = ft_status_exit_code(st);
            return false;
        }
    return true;
}

static ft_status load_subjects_file(void *t, const char *path, ft_error *err)
{
    return ft_subjects_load(t, path, err);
}

static ft_status load_countries_file(void *t, const char *path, ft_error *err)
{
    return ft_countries_load(t, path, err);
}

/* The alias table for this run (subjects.csv, then each --subjects FILE);
 * NULL with *code set when one cannot be used. */
ft_subjects *cli_load_subjects(char **files, int nfiles, bool verbose,
                               int *code)
{
    static const table_kind kind = {"subjects.csv", "subject aliases",
                                    load_subjects_file};
    ft_subjects *s = ft_subjects_new();
    if (!s) {
        fprintf(stderr, "figtrend: out of memory\n");
        *code = FT_EXIT_IOERR;
        return NULL;
    }
    if (!load_table(s, &kind, files, nfiles, verbose, code)) {
        ft_subjects_free(s);
        return NULL;
    }
    return s;
}

/* The countries table for this run (countries.csv, then each --countries
 * FILE); NULL with *code set when one cannot be used. */
ft_countries *cli_load_countries(char **files, int nfiles, bool verbose,
                                 int *code)
{
    static const table_kind kind = {"countries.csv", "countries",
                                    load_countries_file};
    ft_countries *c = ft_countries_new();
    if (!c) {
        fprintf(stderr, "figtrend: out of memory\n");
        *code = FT_EXIT_IOERR;
        return NULL;
    }
    if (!load_table(c, &kind, files, nfiles, verbose, code)) {
        ft_countries_free(c);
        return NULL;
    }
    return c;
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

/* What the pipeline hands over goes to the writer. */
typedef struct {
    ft_figwriter *w;
    ft_format format;
    run_state *rs;
    ft_buf rows; /* an article's rows, written together */
} sink_state;

/* Rows are written a batch at a time (one fwrite, not one a row) once
 * they reach this size, and at the end of each article. */
#define ROWS_BATCH (64 * 1024)

static ft_status write_rows(sink_state *s, ft_error *err)
{
    ft_status st = ft_figwriter_write(s->w, s->rows.data, s->rows.len, err);
    ft_buf_clear(&s->rows);
    return st;
}

static ft_status write_article(void *ctx, const ft_article *a,
                               const ft_figlist *figs, ft_error *err)
{
    sink_state *s = ctx;
    ft_buf_clear(&s->rows);
    for (size_t i = 0; i < figs->len; i++) {
        ft_status st =
            ft_figwriter_format(s->w, a, i + 1, &figs->items[i], &s->rows, err);
        if (st == FT_OK && s->rows.len < ROWS_BATCH)
            continue;
        /* the rows before a row refused go out first, as they came */
        ft_status written = write_rows(s, err);
        if (written != FT_OK)
            return written;
        if (st == FT_EDATA) { /* an extractor bug: say so, go on */
            ft_error_at(err, a->id, 0);
            cli_report(err, "internal error: ");
        } else if (st != FT_OK)
            return st;
    }
    ft_status st = write_rows(s, err);
    if (st != FT_OK)
        return st;
    s->rs->ok++;
    return FT_OK;
}

/* With jobs, the rows are made on the worker threads, each batch of
 * articles with a writer of its own (its stream unused), and only
 * written here. */
static void *render_new(void *ctx)
{
    const sink_state *s = ctx;
    return ft_figwriter_new(NULL, s->format);
}

static void render_free(void *state)
{
    ft_figwriter_free(state);
}

/* Any failure (an extractor bug, out of memory, more rows than the
 * pipeline holds) leaves the article to write_article, which says what
 * went wrong in its turn. */
static ft_status render_article(void *state, const ft_article *a,
                                const ft_figlist *figs, ft_buf *out)
{
    for (size_t i = 0; i < figs->len; i++) {
        ft_status st =
            ft_figwriter_format(state, a, i + 1, &figs->items[i], out, NULL);
        if (st != FT_OK)
            return st;
        if (out->len > FT_PIPELINE_RENDERED)
            return FT_ETOOBIG;
    }
    return FT_OK;
}

static ft_status emit_rows(void *ctx, const char *rows, size_t n,
                           size_t articles, ft_error *err)
{
    sink_state *s = ctx;
    ft_status st = ft_figwriter_write(s->w, rows, n, err);
    if (st == FT_OK)
        s->rs->ok += (long)articles;
    return st;
}

static void reject_input(void *ctx, ft_status st, const ft_error *why)
{
    sink_state *s = ctx;
    cli_report(why, "");
    if (st == FT_ENOINPUT)
        s->rs->missing++;
    else
        s->rs->bad++;
}

/* Extract and write every article of the inputs, in order; 0, or the
 * exit code of a fatal error (out of memory, write error) once reported. */
static int do_inputs(char **paths, int n, ft_pipeline *p, ft_figwriter *w,
                     ft_format format, run_state *rs)
{
    sink_state s = {w, format, rs, {0}};
    ft_buf_init(&s.rows);
    ft_pipeline_sink sink = {write_article, reject_input, &s, NULL};
    ft_pipeline_render render = {render_new, render_free, render_article,
                                 emit_rows, &s};
    ft_pipeline_render_with(p, &render);
    ft_error err;
    ft_status st = ft_pipeline_inputs(p, (const char *const *)paths, (size_t)n,
                                      &sink, &err);
    ft_pipeline_render_with(p, NULL);
    ft_buf_free(&s.rows);
    if (st != FT_OK) {
        cli_report(&err, "");
        return ft_status_exit_code(st);
    }
    return 0;
}

typedef struct {
    ft_reader_opts reader;
    unsigned jobs; /* --jobs, else ft_pipeline_default_jobs() */
    ft_format format;
    bool header, header_only;
    char date[11];        /* --date, normalised */
    char **subject_files; /* --subjects FILEs in order (argc slots) */
    int nsubject_files;
    char **country_files; /* --countries FILEs in order (argc slots) */
    int ncountry_files;
} options;

/* parse_options' answer when the help was printed: stop, with success. */
#define HELP_PRINTED (-1)

/* Fill o from the command line; 0 to go on, HELP_PRINTED, or else the exit
 * code (the problem already reported). */
static int parse_options(int argc, char **argv, options *o, run_state *rs)
{
    enum {
        O_DATE = 256,
        O_SOURCE,
        O_FORMAT,
        O_NO_HEADER,
        O_PRINT_HEADER,
        O_INPUT,
        O_MAX_BYTES,
        O_ENCODING,
        O_SUBJECTS,
        O_COUNTRIES
    };
    static const struct option longopts[] = {
        {"date", required_argument, NULL, O_DATE},
        {"source", required_argument, NULL, O_SOURCE},
        {"format", required_argument, NULL, O_FORMAT},
        {"no-header", no_argument, NULL, O_NO_HEADER},
        {"print-header", no_argument, NULL, O_PRINT_HEADER},
        {"input", required_argument, NULL, O_INPUT},
        {"max-bytes", required_argument, NULL, O_MAX_BYTES},
        {"encoding", required_argument, NULL, O_ENCODING},
        {"subjects", required_argument, NULL, O_SUBJECTS},
        {"countries", required_argument, NULL, O_COUNTRIES},
        {"jobs", required_argument, NULL, 'j'},
        {"recursive", no_argument, NULL, 'r'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    opterr = 0; /* our own messages, in our own format */
    while ((c = getopt_long(argc, argv, ":hj:rv", longopts, NULL)) != -1) {
        switch (c) {
        case O_DATE:
            if (!ft_article_date_parse(optarg, strlen(optarg), o->date))
                return cli_usage_error("extract",
                                       "--date '%s' is not a date "
                                       "(2025-08-04, Aug. 4, 2025, "
                                       "2025.08.04, 2025년 8월 4일)",
                                       optarg);
            o->reader.date = o->date;
            break;
        case O_SOURCE:
            o->reader.source = optarg;
            break;
        case O_FORMAT:
            if (strcmp(optarg, "csv") == 0)
                o->format = FT_FORMAT_CSV;
            else if (strcmp(optarg, "tsv") == 0)
                o->format = FT_FORMAT_TSV;
            else if (strcmp(optarg, "jsonl") == 0)
                o->format = FT_FORMAT_JSONL;
            else
                return cli_usage_error(
                    "extract", "--format '%s': use csv, tsv or jsonl", optarg);
            break;
        case O_NO_HEADER:
            o->header = false;
            break;
        case O_PRINT_HEADER:
            o->header_only = true;
            break;
        case O_INPUT:
            if (strcmp(optarg, "text") == 0)
                o->reader.kind = FT_INPUT_TEXT;
            else if (strcmp(optarg, "jsonl") == 0)
                o->reader.kind = FT_INPUT_JSONL;
            else if (strcmp(optarg, "csv") == 0)
                o->reader.kind = FT_INPUT_CSV;
            else
                return cli_usage_error(
                    "extract", "--input '%s': use text, jsonl or csv", optarg);
            break;
        case O_MAX_BYTES:
            if ((o->reader.max_bytes = parse_size(optarg)) == 0)
                return cli_usage_error("extract",
                                       "--max-bytes '%s': want a positive "
                                       "number of bytes (K, M, G allowed)",
                                       optarg);
            break;
        case O_ENCODING: {
            int code = cli_encoding("extract", optarg);
            if (code)
                return code;
            o->reader.encoding = optarg;
            break;
        }
        case 'j': {
            int code = cli_jobs("extract", optarg, &o->jobs);
            if (code)
                return code;
            break;
        }
        case O_SUBJECTS:
            o->subject_files[o->nsubject_files++] = optarg;
            break;
        case O_COUNTRIES:
            o->country_files[o->ncountry_files++] = optarg;
            break;
        case 'r':
            o->reader.recursive = true;
            break;
        case 'v':
            rs->verbose = true;
            break;
        case 'h':
            fputs(help, stdout);
            return cli_finish(FT_EXIT_OK) == FT_EXIT_OK ? HELP_PRINTED
                                                        : FT_EXIT_IOERR;
        default: /* ':' or '?' */
            return cli_bad_option("extract", c, argv[optind - 1]);
        }
    }
    if (o->header_only && optind < argc)
        return cli_usage_error("extract",
                               "--print-header takes no FILE arguments");
    return FT_EXIT_OK;
}

/* Write the header and every input's rows; the exit code. */
static int run(char **inputs, int ninputs, const options *o,
               const ft_extract_opts *tables, run_state *rs)
{
    /* Rows are many and small: a large buffer saves write calls. */
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    ft_figwriter *w = ft_figwriter_new(stdout, o->format);
    if (!w) {
        fprintf(stderr, "figtrend: out of memory\n");
        return FT_EXIT_IOERR;
    }
    ft_error err;
    int fatal = 0;
    ft_pipeline *p = ft_pipeline_new(&o->reader, tables);
    if (!p) {
        ft_figwriter_free(w);
        fprintf(stderr, "figtrend: out of memory\n");
        return FT_EXIT_IOERR;
    }
    if ((o->header || o->header_only) &&
        ft_figwriter_header(w, &err) != FT_OK) {
        cli_report(&err, "");
        fatal = FT_EXIT_IOERR;
    }
    ft_pipeline_jobs(p, o->jobs ? o->jobs : ft_pipeline_default_jobs());
    if (!o->header_only && !fatal)
        fatal = do_inputs(inputs, ninputs, p, w, o->format, rs);
    ft_pipeline_free(p);
    ft_figwriter_free(w);

    if (fatal) /* already reported */
        return fatal;
    /* Buffered rows may fail only now (disk full, closed stdout). */
    if (cli_finish(FT_EXIT_OK) != FT_EXIT_OK)
        return FT_EXIT_IOERR;
    if (rs->bad == 0 && rs->missing == 0)
        return FT_EXIT_OK;
    if (rs->ok > 0)
        return FT_EXIT_PARTIAL;
    return rs->bad > 0 ? FT_EXIT_DATAERR : FT_EXIT_NOINPUT;
}

int cmd_extract(int argc, char **argv)
{
    run_state rs = {0};
    options o = {.format = FT_FORMAT_CSV, .header = true};
    o.reader.warn = on_warning;
    o.reader.warn_ctx = &rs;
    o.subject_files = calloc((size_t)argc + 1, sizeof(char *));
    o.country_files = calloc((size_t)argc + 1, sizeof(char *));
    if (!o.subject_files || !o.country_files) {
        free(o.subject_files);
        free(o.country_files);
        fprintf(stderr, "figtrend: out of memory\n");
        return FT_EXIT_IOERR;
    }
    int code = parse_options(argc, argv, &o, &rs);
    if (code == HELP_PRINTED) /* reads nothing */
        code = FT_EXIT_OK;
    else if (code == FT_EXIT_OK &&
             o.header_only) /* reads nothing: needs no aliases */
        code = run(NULL, 0, &o, NULL, &rs);
    else if (code == FT_EXIT_OK) {
        static char stdin_arg[] = "-";
        char *only_stdin[] = {stdin_arg};
        char **inputs = optind < argc ? argv + optind : only_stdin;
        int ninputs = optind < argc ? argc - optind : 1;
        ft_subjects *subjects = cli_load_subjects(
            o.subject_files, o.nsubject_files, rs.verbose, &code);
        ft_countries *countries =
            subjects ? cli_load_countries(o.country_files, o.ncountry_files,
                                          rs.verbose, &code)
                     : NULL;
        if (countries) {
            ft_extract_opts tables = {.subjects = subjects,
                                      .countries = countries};
            code = run(inputs, ninputs, &o, &tables, &rs);
        }
        ft_countries_free(countries);
        ft_subjects_free(subjects);
    }
    free(o.subject_files);
    free(o.country_files);
    return code;
}
