/* cmd_convert.c — `figtrend convert`: figures.csv in, the same rows with
 * amounts in one currency, nominal and at constant prices, out. */
#include "cmd.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "convert.h"
#include "prices.h"
#include "rates.h"
#include "table.h"

#define RATES_FILE CLI_RATES_FILE
#define PRICES_FILE "cpi_inflation_pct_annual.csv"

static const char help[] =
    "usage: figtrend convert --to CUR [OPTION]... [FILE|-]\n"
    "\n"
    "Read figures.csv (as extract writes it) and write it back with every\n"
    "amount in one currency: at the annual average exchange rate of the\n"
    "figure's year (the publication year when it has none), and with\n"
    "--constant at that year's prices (deflated with the figure's own\n"
    "currency's consumer prices, then converted at that year's rate, as\n"
    "SIPRI does).  Appends the columns to_currency, amount_nominal, rate,\n"
    "rate_year, rate_basis, amount_constant, constant_year,\n"
    "price_index_ratio, amount_max_nominal, amount_max_constant; changes\n"
    "no other cell except flags (conversion_mismatch, no_rate,\n"
    "no_price_index).  With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "  --to CUR           the currency to convert to (ISO code: USD, KRW, "
    "...)\n"
    "  --constant YEAR    also give amounts at YEAR's prices\n"
    "  --rates FILE       exchange rates (CSV year,currency,units_per_usd);\n"
    "                     default: the datasets' " RATES_FILE "\n"
    "  --prices FILE      inflation (CSV year,currency,inflation_pct), with\n"
    "                     --constant; default: the datasets'\n"
    "                     " PRICES_FILE "\n"
    "  --nearest          a year outside the rates takes the nearest year's\n"
    "                     rate (rate_basis nearest) instead of none\n"
    "  --strict           a figure that cannot be converted is an error\n"
    "  -v, --verbose      say on standard error, per currency, which rates\n"
    "                     and prices tables were used and their last year\n"
    "  -h, --help         show this help\n"
    "\n"
    "A year between two years of the rates is interpolated (rate_basis\n"
    "interpolated); a year outside them, a figure with no currency or no\n"
    "year, leaves the cells empty, flagged no_rate, with a warning.\n"
    "The datasets folder is\n" FT_DATASETS_ORDER ".\n"
    "\n"
    "Exit status: 0 success; 64 usage; 65 the input is not figures.csv (or,\n"
    "with --strict, a figure cannot be converted); 66 FILE or a --rates or\n"
    "--prices FILE missing; 73 no temporary file; 74 I/O error; 78 a\n"
    "rates or prices table malformed or missing.  Nothing is written\n"
    "unless the whole input converts.\n";

typedef struct {
    char to[4];
    int constant_year;
    const char *rates_file, *prices_file;
    bool nearest, strict, verbose;
} options;

static int parse_options(int argc, char **argv, options *o)
{
    enum { O_TO = 256, O_CONSTANT, O_RATES, O_PRICES, O_NEAREST, O_STRICT };
    static const struct option longopts[] = {
        {"to", required_argument, NULL, O_TO},
        {"constant", required_argument, NULL, O_CONSTANT},
        {"rates", required_argument, NULL, O_RATES},
        {"prices", required_argument, NULL, O_PRICES},
        {"nearest", no_argument, NULL, O_NEAREST},
        {"strict", no_argument, NULL, O_STRICT},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hv", longopts, NULL)) != -1) {
        switch (c) {
        case O_TO:
            if (!cli_currency(optarg, o->to))
                return cli_usage_error(
                    "convert", "--to '%s' is not an ISO 4217 currency code",
                    optarg);
            break;
        case O_CONSTANT:
            if (!ft_table_parse_year(optarg, &o->constant_year))
                return cli_usage_error("convert",
                                       "--constant '%s' is not a year", optarg);
            break;
        case O_RATES:
            o->rates_file = optarg;
            break;
        case O_PRICES:
            o->prices_file = optarg;
            break;
        case O_NEAREST:
            o->nearest = true;
            break;
        case O_STRICT:
            o->strict = true;
            break;
        case 'v':
            o->verbose = true;
            break;
        case 'h':
            fputs(help, stdout);
            return cli_finish(FT_EXIT_OK);
        default: /* ':' or '?' */
            return cli_bad_option("convert", c, argv[optind - 1]);
        }
    }
    if (!o->to[0])
        return cli_usage_error("convert", "--to CUR is required (e.g. "
                                          "--to USD)");
    if (o->prices_file && !o->constant_year)
        return cli_usage_error("convert", "--prices needs --constant YEAR");
    if (argc - optind > 1)
        return cli_usage_error("convert", "one FILE at most (or - for "
                                          "standard input)");
    return FT_EXIT_OK;
}

/* The exit code for a table that cannot be loaded: a FILE the user named
 * that is missing is 66; a default table missing, or any table malformed,
 * is the datasets' fault, 78. */
static int table_failure(ft_status st, const ft_error *err, bool named)
{
    cli_report(err, "");
    if (!named)
        cli_datasets_hint();
    if (st == FT_ENOMEM || st == FT_EIO)
        return FT_EXIT_IOERR;
    if (st == FT_ENOINPUT)
        return named ? FT_EXIT_NOINPUT : FT_EXIT_CONFIG;
    return FT_EXIT_CONFIG;
}

static bool default_path(const char *file, char *path, size_t n)
{
    if (cli_datasets_path(file, path, n))
        return true;
    fprintf(stderr, "figtrend: datasets path too long\n");
    return false;
}

static void on_warning(void *ctx, const ft_error *w)
{
    (void)ctx;
    cli_report(w, "warning: ");
}

/* -v: one note per currency of the figures, then the target's (its rate
 * divides every conversion): which tables, and to which year. */
static void source_notes(const ft_convert_opts *co, const ft_convert_counts *k)
{
    char note[1024];
    bool to_seen = false;
    for (size_t i = 0; i < k->ncurrencies; i++) {
        to_seen |= strcmp(k->currencies[i], co->to) == 0;
        ft_convert_source_note(co, k->currencies[i], note, sizeof note);
        fprintf(stderr, "figtrend: %s\n", note);
    }
    if (!to_seen) {
        ft_convert_source_note(co, co->to, note, sizeof note);
        fprintf(stderr, "figtrend: %s (the target)\n", note);
    }
    if (k->more_currencies)
        fprintf(stderr, "figtrend: and %ld figures in further currencies\n",
                k->more_currencies);
}

/* Convert the whole input to standard output, or write nothing. */
static int convert(FILE *in, const char *name, const ft_convert_opts *co,
                   bool verbose)
{
    ft_error err;
    ft_convert_counts counts;
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    ft_status st = ft_convert_csv_whole(in, name, stdout, co, &counts, &err);
    if (st != FT_OK) {
        cli_report(&err, "");
        return ft_status_exit_code(st);
    }
    if (verbose)
        source_notes(co, &counts);
    return cli_finish(FT_EXIT_OK);
}

int cmd_convert(int argc, char **argv)
{
    options o = {0};
    int code = parse_options(argc, argv, &o);
    if (code != FT_EXIT_OK || !o.to[0]) /* a problem, or --help */
        return code;

    char path[4096];
    ft_error err;
    ft_status st;
    const char *rates_path = o.rates_file;
    if (!rates_path) {
        if (!default_path(RATES_FILE, path, sizeof path))
            return FT_EXIT_CONFIG;
        rates_path = path;
    }
    ft_rates *rates = NULL;
    if ((st = ft_rates_load(rates_path, &rates, &err)) != FT_OK)
        return table_failure(st, &err, o.rates_file != NULL);
    if (!ft_rates_has(rates, o.to)) {
        char list[1024];
        ft_rates_list(rates, list, sizeof list);
        ft_rates_free(rates);
        return cli_usage_error("convert",
                               "no rates for %s in %s; the table has %s", o.to,
                               rates_path, list);
    }

    ft_prices *prices = NULL;
    if (o.constant_year) {
        const char *prices_path = o.prices_file;
        if (!prices_path) {
            if (!default_path(PRICES_FILE, path, sizeof path)) {
                ft_rates_free(rates);
                return FT_EXIT_CONFIG;
            }
            prices_path = path;
        }
        if ((st = ft_prices_load(prices_path, &prices, &err)) != FT_OK) {
            ft_rates_free(rates);
            return table_failure(st, &err, o.prices_file != NULL);
        }
    }

    ft_convert_opts co = {.rates = rates,
                          .prices = prices,
                          .to = o.to,
                          .constant_year = o.constant_year,
                          .nearest = o.nearest,
                          .strict = o.strict,
                          .warn = on_warning};
    const char *input = optind < argc ? argv[optind] : "-";
    if (strcmp(input, "-") == 0)
        code = convert(stdin, "stdin", &co, o.verbose);
    else {
        struct stat sb;
        FILE *in = fopen(input, "rb");
        if (!in) {
            fprintf(stderr, "figtrend: %s: %s\n", input, strerror(errno));
            code = FT_EXIT_NOINPUT;
        } else if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
            fprintf(stderr, "figtrend: %s: is a directory, not figures.csv\n",
                    input);
            fclose(in);
            code = FT_EXIT_NOINPUT;
        } else {
            code = convert(in, input, &co, o.verbose);
            fclose(in);
        }
    }
    ft_prices_free(prices);
    ft_rates_free(rates);
    return code;
}
