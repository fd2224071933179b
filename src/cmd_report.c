/* cmd_report.c — `figtrend report`: figures in; series CSV, charts and a
 * page out. */
#include "cmd.h"

#include <getopt.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "country.h"
#include "outfile.h"
#include "gdp.h"
#include "rates.h"
#include "report.h"
#include "run.h"
#include "table.h"

static const char help[] =
    "usage: figtrend report [OPTION]... [FILE|-]...\n"
    "\n"
    "Turn figures (the CSV of `figtrend extract`, or of `figtrend convert`)\n"
    "into series, one point per country, subject and year, and write to a\n"
    "folder: series.csv, series_wide.csv, summary.csv, a gnuplot chart (.gp\n"
    "script, .dat data, picture) for each series with two or more years plus\n"
    "an overview, and index.html showing them all.  With no FILE, or when\n"
    "FILE is -, read standard input; several FILEs are reported together.\n"
    "\n"
    "  --out DIR          the folder (default plots; created when missing)\n"
    "  --format FMT       svg (default), png or pdf: the pictures\n"
    "  --value WHICH      constant, nominal or original: the amount plotted\n"
    "                     (default: amount_constant when its rows hold\n"
    "                     values in it, else amount_nominal, else amount in\n"
    "                     its currency)\n"
    "  --excel            start each CSV with a UTF-8 byte order mark, so\n"
    "                     that Excel reads Hangul right\n"
    "  --xlsx             also write report.xlsx: the series (wide), summary\n"
    "                     and figures as typed cells, and a native line chart\n"
    "                     per series (without it, an old report.xlsx goes)\n"
    "  --series PATTERN   only the series whose name matches PATTERN: a\n"
    "                     case-insensitive substring (korea), or with a *\n"
    "                     a glob over the whole name (*: defence budget);\n"
    "                     names are like \"South Korea: defence budget\"\n"
    "  --from YEAR        only figures for YEAR and later\n"
    "  --to YEAR          only figures for YEAR and earlier\n"
    "  --compare \"A;B\"    the series each PATTERN (as --series) matches,\n"
    "                     two to six in all, on one linear chart\n"
    "                     (compare.gp, .dat, picture) shown on the page; in\n"
    "                     one currency: figures in several must go through\n"
    "                     `figtrend convert --to CUR` first\n"
    "  --gnuplot PROG     the gnuplot program (default gnuplot, from PATH)\n"
    "  -v, --verbose      say what was written, which rows were not\n"
    "                     plotted (no year, no subject, ...) and which\n"
    "                     earlier outputs were removed; without it,\n"
    "                     a report with no chart still says why\n"
    "  -h, --help         show this help\n"
    "\n"
    "Series are named by their country's English name from countries.csv\n"
    "(the code when it is not found) in the datasets folder, which "
    "is\n" FT_DATASETS_ORDER ".\n"
    "Each series with figures from two or more dated articles also gets a\n"
    "figure history (STEM-history.gp, .dat, picture), under it on the page:\n"
    "every figure every article gave for it (not only the point kept), at\n"
    "the article's publication date, one colour per year the figure is for,\n"
    "so that revisions and disagreements show.\n"
    "The page lists each point's articles, and under \"Check these\" the\n"
    "figures whose paper's own conversion disagrees with ours (at the\n"
    "rates of " CLI_RATES_FILE " there, when it is), the conflicting\n"
    "figures and every figure left out, with why.\n"
    "\n"
    "Exit status: 0 success; 3 some inputs or rows rejected, the rest\n"
    "reported; 64 usage; 65 no input usable; 66 no input found; 73 the\n"
    "folder, a file or a chart cannot be made; 74 I/O error; 75 another\n"
    "report or run is writing to the folder; 78 countries.csv unusable.\n";

static void on_warning(void *ctx, const ft_error *e)
{
    (void)ctx;
    cli_report(e, "");
}

struct ft_gdp *cli_load_gdp(char *path, size_t n)
{
    ft_gdp *g = NULL;
    ft_error e;
    if (!cli_datasets_path(CLI_GDP_FILE, path, n) || !cli_exists(path)) {
        if (n)
            path[0] = '\0';
        return NULL;
    }
    if (ft_gdp_load(path, &g, &e) != FT_OK)
        g = NULL;
    return g;
}

/* The shipped prices, for the page's note of the tables behind constant
 * prices (as for the rates: without them the note names the rates). */
static ft_prices *report_prices(void)
{
    char path[4096];
    ft_prices *prices = NULL;
    ft_error e;
    if (cli_datasets_path("cpi_inflation_pct_annual.csv", path, sizeof path) &&
        cli_exists(path) && ft_prices_load(path, &prices, &e) != FT_OK)
        prices = NULL;
    return prices;
}

/* The shipped rates, for the page's check of the papers' conversions at
 * their publication year's rate.  Only a check: without the table (or
 * with one convert would refuse anyway) the page shows the figure's own
 * year's conversion, so a problem here is not the report's to stop on. */
static ft_rates *report_rates(void)
{
    char path[4096];
    ft_rates *rates = NULL;
    ft_error e;
    if (cli_datasets_path(CLI_RATES_FILE, path, sizeof path) &&
        cli_exists(path) && ft_rates_load(path, &rates, &e) != FT_OK)
        rates = NULL;
    return rates;
}

/* A report frees large arrays as it goes (the sort keys, the values not
 * plotted): they go back to the system only when mapped on their own,
 * and glibc raises the size from which it maps after the first such
 * free, so the later ones would stay in the heap and the peak memory
 * (issue 12: a million rows).  A fixed threshold keeps mapping them. */
static void release_large_frees(void)
{
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

int cmd_report(int argc, char **argv)
{
    release_large_frees();
    enum {
        O_OUT = 256,
        O_FORMAT,
        O_VALUE,
        O_EXCEL,
        O_XLSX,
        O_GNUPLOT,
        O_SERIES,
        O_FROM,
        O_TO,
        O_COMPARE
    };
    static const struct option longopts[] = {
        {"out", required_argument, NULL, O_OUT},
        {"format", required_argument, NULL, O_FORMAT},
        {"value", required_argument, NULL, O_VALUE},
        {"excel", no_argument, NULL, O_EXCEL},
        {"xlsx", no_argument, NULL, O_XLSX},
        {"gnuplot", required_argument, NULL, O_GNUPLOT},
        {"series", required_argument, NULL, O_SERIES},
        {"from", required_argument, NULL, O_FROM},
        {"to", required_argument, NULL, O_TO},
        {"compare", required_argument, NULL, O_COMPARE},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    ft_report_opts o = {.out_dir = "plots", .warn = on_warning};
    bool verbose = false;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hv", longopts, NULL)) != -1) {
        switch (c) {
        case O_OUT:
            if (!*optarg)
                return cli_usage_error("report", "--out needs a folder");
            o.out_dir = optarg;
            break;
        case O_FORMAT:
            if (strcmp(optarg, "svg") == 0)
                o.format = FT_CHART_SVG;
            else if (strcmp(optarg, "png") == 0)
                o.format = FT_CHART_PNG;
            else if (strcmp(optarg, "pdf") == 0)
                o.format = FT_CHART_PDF;
            else
                return cli_usage_error(
                    "report", "--format '%s': use svg, png or pdf", optarg);
            break;
        case O_VALUE:
            if (strcmp(optarg, "constant") == 0)
                o.value = FT_VALUE_CONSTANT;
            else if (strcmp(optarg, "nominal") == 0)
                o.value = FT_VALUE_NOMINAL;
            else if (strcmp(optarg, "original") == 0)
                o.value = FT_VALUE_ORIGINAL;
            else
                return cli_usage_error(
                    "report", "--value '%s': use constant, nominal or original",
                    optarg);
            break;
        case O_EXCEL:
            o.excel = true;
            break;
        case O_XLSX:
            o.xlsx = true;
            break;
        case O_GNUPLOT:
            o.gnuplot = optarg;
            break;
        case O_SERIES:
            o.series = optarg;
            break;
        case O_COMPARE:
            o.compare = optarg;
            break;
        case O_FROM:
        case O_TO:
            if (!ft_table_parse_year(optarg, c == O_FROM ? &o.from : &o.to))
                return cli_usage_error("report", "--%s '%s': give a year",
                                       c == O_FROM ? "from" : "to", optarg);
            break;
        case 'v':
            verbose = true;
            o.removed = cli_removed;
            break;
        case 'h':
            fputs(help, stdout);
            return cli_finish(FT_EXIT_OK);
        default: /* ':' or '?' */
            return cli_bad_option("report", c, argv[optind - 1]);
        }
    }
    if (o.from && o.to && o.from > o.to)
        return cli_usage_error("report", "--from %d is after --to %d", o.from,
                               o.to);
    static const char *const only_stdin[] = {"-"};
    const char *const *inputs =
        optind < argc ? (const char *const *)argv + optind : only_stdin;
    size_t ninputs = optind < argc ? (size_t)(argc - optind) : 1;

    ft_error err;
    /* The countries only name the series: without the file, the codes
     * do. */
    ft_countries *countries = ft_countries_new();
    char path[4096];
    if (!countries) {
        fprintf(stderr, "figtrend: out of memory\n");
        return FT_EXIT_IOERR;
    }
    if (cli_datasets_path("countries.csv", path, sizeof path) &&
        cli_exists(path)) {
        ft_status cst = ft_countries_load(countries, path, &err);
        if (cst != FT_OK) {
            cli_report(&err, "");
            cli_datasets_hint();
            ft_countries_free(countries);
            return cst == FT_ENOMEM ? FT_EXIT_IOERR : FT_EXIT_CONFIG;
        }
    }
    o.countries = countries;
    ft_rates *rates = report_rates();
    o.rates = rates;
    char gdp_path[4096];
    ft_gdp *gdp = cli_load_gdp(gdp_path, sizeof gdp_path);
    o.gdp = gdp;
    /* The prices table is named only beside constant prices: a report
     * of other values never reads it. */
    ft_prices *prices =
        o.value == FT_VALUE_ORIGINAL || o.value == FT_VALUE_NOMINAL
            ? NULL
            : report_prices();
    o.prices = prices;
    ft_report_result res;
    /* One writer per folder at a time (the lock `run` takes there too):
     * two reports at once would leave a page naming the other's charts. */
    int lock = -1;
    ft_status st = ft_outfile_mkdirs(o.out_dir, &err);
    if (st == FT_OK)
        st = ft_outfile_lock(o.out_dir, FT_RUN_REPORT_LOCK, 0, &lock, &err);
    if (st != FT_OK) {
        cli_report(&err, "");
        ft_countries_free(countries);
        ft_rates_free(rates);
        ft_gdp_free(gdp);
        ft_prices_free(prices);
        return ft_status_exit_code(st);
    }
    ft_outfile_sweep(o.out_dir); /* what a killed report left */
    st = ft_report_run(inputs, ninputs, &o, &res, &err);
    ft_outfile_unlock(lock);
    ft_countries_free(countries);
    ft_rates_free(rates);
    ft_gdp_free(gdp);
    ft_prices_free(prices);
    if (st != FT_OK)
        cli_report(&err, "");
    /* Without -v, say why a report has no chart or plots a column other
     * than the one converted for: never a silent empty page. */
    char why[240];
    bool no_chart = st == FT_OK && ft_report_no_chart(&res, why);
    if (no_chart)
        fprintf(stderr, "figtrend: report: %s\n", why);
    if ((verbose || no_chart) && st != FT_ENOINPUT && st != FT_EDATA) {
        char notes[FT_REPORT_NOTES][160];
        size_t n = ft_report_notes(&res, notes);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "figtrend: note: %s\n", notes[i]);
    } else if (st == FT_OK && res.counts.empty_column != FT_VALUE_AUTO) {
        char notes[FT_REPORT_NOTES][160];
        if (ft_report_notes(&res, notes) > 0) /* that note comes first */
            fprintf(stderr, "figtrend: warning: %s\n", notes[0]);
    }
    if (verbose && st != FT_ENOINPUT && st != FT_EDATA) {
        fprintf(stderr,
                "figtrend: report: %zu figure rows, %zu series (%s "
                "values), %zu chart%s in %s\n",
                res.counts.rows, res.series, ft_value_kind_name(res.kind),
                res.charts, res.charts == 1 ? "" : "s", o.out_dir);
    }
    if (st != FT_OK)
        return ft_status_exit_code(st);
    if (res.inputs_missing || res.inputs_bad || res.counts.malformed)
        return FT_EXIT_PARTIAL;
    return FT_EXIT_OK;
}
