/* cmd_run.c — `figtrend run`: extract what changed, convert and report,
 * for cron or a systemd timer. */
#define _GNU_SOURCE /* dl_iterate_phdr: the program's build-id */
#include "cmd.h"

#include <ctype.h>
#include <elf.h>
#include <link.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "country.h"
#include "hash.h"
#include "pipeline.h"
#include "prices.h"
#include "rates.h"
#include "run.h"
#include "subject.h"
#include "table.h"

#define RATES_FILE CLI_RATES_FILE
#define PRICES_FILE "cpi_inflation_pct_annual.csv"

static const char help[] =
    "usage: figtrend run [OPTION]... INPUT...\n"
    "\n"
    "The scheduled job: extract the figures of every article file in the\n"
    "INPUTs (files and folders) that is new or changed since the last run,\n"
    "keep them in the state database, then write to the output folder\n"
    "figures.csv (every current figure, by file then mention),\n"
    "figures_converted.csv, changes.csv (figures new, revised or gone in\n"
    "the last run that changed any), rejects.csv (inputs that could not be\n"
    "read: path, hash, reason) and the report (series, summary, charts,\n"
    "index.html).  An unchanged article is not read again; a deleted one\n"
    "loses its figures; a new program or a changed alias or countries table\n"
    "reads everything again.  Two runs over the same inputs leave every\n"
    "output byte for byte the same.\n"
    "\n"
    "  --out DIR          the output folder (default: plots)\n"
    "  --state DIR        the state folder, holding figtrend.db (SQLite) and\n"
    "                     the lock (default: DIR/.state under --out)\n"
    "  --to CUR           convert to this currency (default: USD)\n"
    "  --constant YEAR    also at YEAR's prices (default: nominal only)\n"
    "  --xlsx             also write report.xlsx, as `figtrend report --xlsx`\n"
    "  --wait SECONDS     wait that long for another run to finish\n"
    "                     (default: 0, give up at once with exit 75)\n"
    "  --encoding ENC     utf-8 (default), cp949, euc-kr or auto: decode\n"
    "                     every article to UTF-8 first, as extract does (a\n"
    "                     changed ENC reads everything again)\n"
    "  -r, --recursive    enter the folders' subfolders too\n"
    "  -j, --jobs N       extract on N threads (default: one per core, as\n"
    "                     extract does); the state and every output are the\n"
    "                     same for any N\n"
    "  -q, --quiet        no warnings and no rejects on stderr (they stay\n"
    "                     in rejects.csv and the database), errors only\n"
    "  -v, --verbose      progress (a bar on a terminal), a summary and the\n"
    "                     earlier report outputs removed\n"
    "  -h, --help         show this help\n"
    "\n"
    "The datasets are looked for in\n" FT_DATASETS_ORDER ".\n"
    "\n"
    "Exit status: 0 success, also when nothing was new; 3 outputs written,\n"
    "some inputs rejected (see rejects.csv); 64 usage; 66 an INPUT missing\n"
    "(nothing changed); 73 a folder or output cannot be made; 74 I/O\n"
    "error; 75 another run holds the lock; 78 datasets unusable.\n";

typedef struct {
    bool quiet, verbose, tty;
    int last_tenth;
    long rejected_now;
} cli_state;

static void on_warn(void *ctx, const ft_error *w)
{
    cli_state *c = ctx;
    if (!c->quiet)
        cli_report(w, "warning: ");
}

/* What the reader notices in an article it reads (a new or changed one):
 * a date it cannot use, bytes that are not UTF-8, text that reads as
 * CP949.  Told unless -q, as extract tells them. */
static void on_read_warning(void *ctx, ft_warning w, const ft_error *detail)
{
    cli_state *c = ctx;
    if (!c->quiet && (w == FT_WARN_DATE || w == FT_WARN_ENCODING ||
                      w == FT_WARN_CP949 || c->verbose))
        cli_report(detail, "warning: ");
}

static void on_rejected(void *ctx, const ft_error *why)
{
    cli_state *c = ctx;
    c->rejected_now++;
    if (!c->quiet) {
        if (c->tty && c->verbose)
            fputc('\n', stderr);
        cli_report(why, "rejected: ");
    }
}

static void on_progress(void *ctx, size_t done, size_t total)
{
    cli_state *c = ctx;
    if (!c->verbose || total == 0)
        return;
    if (c->tty) {
        enum { WIDTH = 40 };
        size_t fill = done * WIDTH / total;
        /* Redrawn only when the bar or the count would show a change
         * worth the write: every 1% and at the end. */
        if (done != total && done * 100 / total == (done - 1) * 100 / total)
            return;
        char bar[WIDTH + 1];
        memset(bar, '#', fill);
        memset(bar + fill, '.', WIDTH - fill);
        bar[WIDTH] = '\0';
        fprintf(stderr, "\rfigtrend: [%s] %zu/%zu", bar, done, total);
        if (done == total)
            fputc('\n', stderr);
        return;
    }
    int tenth = (int)(done * 10 / total);
    if (tenth != c->last_tenth || done == total) {
        c->last_tenth = tenth;
        fprintf(stderr, "figtrend: run: %zu of %zu inputs\n", done, total);
    }
}

/* The GNU build-id note of this program: the linker's hash of every
 * byte it linked (code, tables, debug info), so it changes whenever the
 * program does.  Read from memory through the program headers, where
 * hashing the 3 MB file took 128 M instructions a run. */
typedef struct {
    char *out;
    size_t n;
    bool found;
} build_id;

/* Whether the segment lies inside one that is loaded (so in memory). */
static bool loaded(const struct dl_phdr_info *info, const ElfW(Phdr) * seg)
{
    for (size_t i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && seg->p_vaddr >= ph->p_vaddr &&
            seg->p_memsz <= ph->p_memsz &&
            seg->p_vaddr - ph->p_vaddr <= ph->p_memsz - seg->p_memsz)
            return true;
    }
    return false;
}

/* dl_iterate_phdr's callback: the program itself comes first. */
static int program_build_id(struct dl_phdr_info *info, size_t size, void *ctx)
{
    (void)size;
    build_id *b = ctx;
    for (size_t i = 0; i < info->dlpi_phnum && !b->found; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_NOTE && loaded(info, ph))
            b->found = ft_hash_build_id(
                (const unsigned char *)(info->dlpi_addr + ph->p_vaddr),
                ph->p_memsz, ph->p_align == 8 ? 8 : 4, b->out, b->n);
    }
    return 1; /* the program only, not its libraries */
}

/* The extractor's version: the build-id, else (a program linked without
 * one) the hash of its own bytes, so that any rebuild that may read
 * articles differently reads them all again. */
static void extractor_version(char *out, size_t n)
{
    build_id b = {.out = out, .n = n};
    dl_iterate_phdr(program_build_id, &b);
    if (b.found)
        return;
    ft_hash h;
    char hex[FT_HASH_HEX];
    ft_hash_init(&h);
    if (ft_hash_file(&h, "/proc/self/exe", NULL, NULL) != FT_OK) {
        snprintf(out, n, "unknown");
        return;
    }
    ft_hash_hex(&h, hex);
    snprintf(out, n, "exe-sha256:%s", hex);
}

/* The hash of what reading an article depends on besides its bytes: the
 * alias and countries tables, and the encoding it is decoded from (a
 * changed one reads everything again). */
static void tables_hash(char *out, const char *encoding)
{
    static const char *const files[] = {"subjects.csv", "countries.csv"};
    ft_hash h;
    ft_hash_init(&h);
    if (encoding) {
        ft_hash_update(&h, "encoding=", 9);
        ft_hash_update(&h, encoding, strlen(encoding) + 1);
    }
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        ft_hash_update(&h, files[i], strlen(files[i]) + 1);
        if (cli_datasets_path(files[i], path, sizeof path) && cli_exists(path))
            ft_hash_file(&h, path, NULL, NULL);
    }
    ft_hash_hex(&h, out);
}

/* What the outputs depend on besides the state: the program, the
 * tables, the currency and base year, the workbook or not, the rates,
 * prices and GDP read. */
static void outputs_key(char *out, const char *version, const char *thash,
                        const char *to, int constant_year, bool xlsx,
                        const char *rates_path, const char *prices_path,
                        const char *gdp_path)
{
    ft_hash h;
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s\n%s\n%s\n%d\n%s", version, thash, to,
                     constant_year, xlsx ? "xlsx\n" : "");
    ft_hash_init(&h);
    ft_hash_update(&h, buf, n > 0 ? (size_t)n : 0);
    if (rates_path)
        ft_hash_file_digest(&h, rates_path, NULL);
    ft_hash_update(&h, "\n", 1);
    if (prices_path)
        ft_hash_file_digest(&h, prices_path, NULL);
    ft_hash_update(&h, "\n", 1);
    if (gdp_path && gdp_path[0])
        ft_hash_file_digest(&h, gdp_path, NULL);
    ft_hash_hex(&h, out);
}

typedef struct {
    const char *out, *state;
    char to[4];
    int constant_year;
    double wait;
    bool recursive;
    bool xlsx;
    const char *encoding; /* of every article (NULL: UTF-8 as is) */
    unsigned jobs;        /* --jobs, else ft_pipeline_default_jobs() */
} options;

static int parse_options(int argc, char **argv, options *o, cli_state *c)
{
    enum { O_OUT = 256, O_STATE, O_TO, O_CONSTANT, O_WAIT, O_XLSX, O_ENCODING };
    static const struct option longopts[] = {
        {"out", required_argument, NULL, O_OUT},
        {"state", required_argument, NULL, O_STATE},
        {"to", required_argument, NULL, O_TO},
        {"constant", required_argument, NULL, O_CONSTANT},
        {"wait", required_argument, NULL, O_WAIT},
        {"xlsx", no_argument, NULL, O_XLSX},
        {"encoding", required_argument, NULL, O_ENCODING},
        {"recursive", no_argument, NULL, 'r'},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, ":hj:qrv", longopts, NULL)) != -1) {
        switch (ch) {
        case O_OUT:
            if (!*optarg)
                return cli_usage_error("run", "--out needs a folder");
            o->out = optarg;
            break;
        case O_STATE:
            if (!*optarg)
                return cli_usage_error("run", "--state needs a folder");
            o->state = optarg;
            break;
        case O_TO:
            if (!cli_currency(optarg, o->to))
                return cli_usage_error(
                    "run", "--to '%s' is not an ISO 4217 currency code",
                    optarg);
            break;
        case O_CONSTANT:
            if (!ft_table_parse_year(optarg, &o->constant_year))
                return cli_usage_error("run", "--constant '%s' is not a year",
                                       optarg);
            break;
        case O_WAIT: {
            char *end;
            errno = 0;
            double w = strtod(optarg, &end);
            if (errno || end == optarg || *end || !(w >= 0) || w > 1e7)
                return cli_usage_error(
                    "run", "--wait '%s': want a number of seconds", optarg);
            o->wait = w;
            break;
        }
        case O_ENCODING: {
            int code = cli_encoding("run", optarg);
            if (code)
                return code;
            o->encoding = optarg;
            break;
        }
        case O_XLSX:
            o->xlsx = true;
            break;
        case 'r':
            o->recursive = true;
            break;
        case 'j': {
            int code = cli_jobs("run", optarg, &o->jobs);
            if (code)
                return code;
            break;
        }
        case 'q':
            c->quiet = true;
            break;
        case 'v':
            c->verbose = true;
            break;
        case 'h':
            fputs(help, stdout);
            return cli_finish(FT_EXIT_OK) == FT_EXIT_OK ? -1 : FT_EXIT_IOERR;
        default:
            return cli_bad_option("run", ch, argv[optind - 1]);
        }
    }
    if (c->quiet && c->verbose)
        return cli_usage_error("run", "-q and -v do not go together");
    if (optind >= argc)
        return cli_usage_error("run", "name at least one INPUT (a folder of "
                                      "articles, or files)");
    for (int i = optind; i < argc; i++)
        if (strcmp(argv[i], "-") == 0)
            return cli_usage_error("run", "INPUT cannot be standard input: "
                                          "a run keeps files' state");
    return FT_EXIT_OK;
}

/* A datasets table's path; false (reported) when it does not fit. */
static bool datasets_file(const char *file, char *path, size_t n)
{
    if (cli_datasets_path(file, path, n))
        return true;
    fprintf(stderr, "figtrend: datasets path too long\n");
    return false;
}

static int table_failure(ft_status st, const ft_error *err)
{
    cli_report(err, "");
    return st == FT_ENOMEM || st == FT_EIO ? FT_EXIT_IOERR : FT_EXIT_CONFIG;
}

/* What `report` says without -v: a report with no chart says why, and
 * one that cannot plot the constant prices asked for says so. */
static void report_problems(const ft_report_result *r)
{
    char why[240], notes[FT_REPORT_NOTES][160];
    size_t n = ft_report_notes(r, notes);
    if (ft_report_no_chart(r, why)) {
        fprintf(stderr, "figtrend: run: %s\n", why);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "figtrend: note: %s\n", notes[i]);
    } else if (r->counts.empty_column != FT_VALUE_AUTO && n > 0)
        fprintf(stderr, "figtrend: warning: %s\n", notes[0]);
}

int cmd_run(int argc, char **argv)
{
    options o = {.out = "plots", .to = "USD"};
    cli_state c = {.last_tenth = -1};
    int code = parse_options(argc, argv, &o, &c);
    if (code != FT_EXIT_OK)
        return code < 0 ? 0 : code;
    c.tty = isatty(STDERR_FILENO) == 1;

    char state_buf[4096];
    if (!o.state) {
        int k = snprintf(state_buf, sizeof state_buf, "%s/.state", o.out);
        if (k < 0 || (size_t)k >= sizeof state_buf)
            return cli_usage_error("run", "--out path too long");
        o.state = state_buf;
    }
    unsigned jobs = o.jobs ? o.jobs : ft_pipeline_default_jobs();

    ft_subjects *subjects = cli_load_subjects(NULL, 0, c.verbose, &code);
    ft_countries *countries =
        subjects ? cli_load_countries(NULL, 0, c.verbose, &code) : NULL;
    if (!countries) {
        ft_subjects_free(subjects);
        return code;
    }
    char path[4096], rates_path[4096] = "", prices_path[4096] = "";
    ft_error err = {0};
    ft_status st = FT_EIO; /* the snprintf below failing is an I/O error */
    ft_rates *rates = NULL;
    ft_prices *prices = NULL;
    /* The GDP table is loaded by the run if it writes the outputs. */
    char gdp_path[4096] = "";
    if (!cli_datasets_path(CLI_GDP_FILE, gdp_path, sizeof gdp_path) ||
        !cli_exists(gdp_path))
        gdp_path[0] = '\0';
    if (!datasets_file(RATES_FILE, path, sizeof path))
        code = FT_EXIT_CONFIG;
    else if (snprintf(rates_path, sizeof rates_path, "%s", path) < 0 ||
             (st = ft_rates_load(path, &rates, &err)) != FT_OK)
        code = table_failure(st, &err);
    else if (!ft_rates_has(rates, o.to)) {
        char list[1024];
        ft_rates_list(rates, list, sizeof list);
        code = cli_usage_error("run", "no rates for %s in %s; the table has %s",
                               o.to, path, list);
    } else if (o.constant_year) {
        if (!datasets_file(PRICES_FILE, path, sizeof path))
            code = FT_EXIT_CONFIG;
        else if (snprintf(prices_path, sizeof prices_path, "%s", path) < 0 ||
                 (st = ft_prices_load(path, &prices, &err)) != FT_OK)
            code = table_failure(st, &err);
    }
    if (code == FT_EXIT_OK) {
        char thash[FT_HASH_HEX], okey[FT_HASH_HEX], started[32];
        char version[128];
        extractor_version(version, sizeof version);
        tables_hash(thash, o.encoding);
        outputs_key(okey, version, thash, o.to, o.constant_year, o.xlsx,
                    rates_path, prices_path[0] ? prices_path : NULL, gdp_path);
        time_t now = time(NULL);
        struct tm tm;
        if (gmtime_r(&now, &tm))
            strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", &tm);
        else
            started[0] = '\0';

        ft_run_opts ro = {
            .inputs = (const char *const *)argv + optind,
            .ninputs = (size_t)(argc - optind),
            .out_dir = o.out,
            .state_dir = o.state,
            .wait_seconds = o.wait,
            .reader = {.recursive = o.recursive,
                       .encoding = o.encoding,
                       .warn = on_read_warning,
                       .warn_ctx = &c},
            .tables = {.subjects = subjects, .countries = countries},
            .jobs = jobs,
            .extractor = version,
            .tables_hash = thash,
            .started = started,
            .outputs_key = okey,
            .convert = {.rates = rates,
                        .prices = prices,
                        .to = o.to,
                        .constant_year = o.constant_year},
            /* The report plots what the rows hold: constant prices when
             * the price tables reach --constant's year, else nominal. */
            .report = {.countries = countries,
                       .xlsx = o.xlsx,
                       .value = FT_VALUE_AUTO,
                       .removed = c.verbose ? cli_removed : NULL},
            .gdp_path = gdp_path,
            .progress = on_progress,
            .rejected = on_rejected,
            .warn = on_warn,
            .ctx = &c,
        };
        ft_run_result res;
        st = ft_run(&ro, &res, &err);
        if (st != FT_OK) {
            cli_report(&err, "");
            code = ft_status_exit_code(st);
        } else {
            const ft_store_counts *k = &res.counts;
            if (!c.quiet && !res.outputs_kept)
                report_problems(&res.report);
            if (c.verbose && res.outputs_kept)
                fprintf(stderr,
                        "figtrend: run: %ld inputs, all unchanged, %ld "
                        "rejected; %ld figures; the outputs in %s are "
                        "current\n",
                        k->inputs, k->rejected, k->figures, o.out);
            else if (c.verbose)
                fprintf(stderr,
                        "figtrend: run: %ld inputs, %ld read, %ld unchanged, "
                        "%ld deleted, %ld rejected; %ld figures (%ld new, "
                        "%ld revised, %ld gone); %zu series, %zu charts in "
                        "%s\n",
                        k->inputs, k->read, k->unchanged, k->deleted,
                        k->rejected, k->figures, k->new_, k->revised, k->gone,
                        res.report.series, res.report.charts, o.out);
            code = k->rejected > 0 ? FT_EXIT_PARTIAL : FT_EXIT_OK;
        }
    }
    ft_prices_free(prices);
    ft_rates_free(rates);
    ft_countries_free(countries);
    ft_subjects_free(subjects);
    return code;
}
