/* cmd.h — the commands of the figtrend program and the little they share.
 * Command-line only: nothing in the library includes this.
 *
 * Each command is `int cmd_NAME(int argc, char **argv)`, argv[0] being the
 * command's name; it returns the exit code.  Adding a command is one file
 * and one line in main.c's table.
 */
#ifndef FT_CMD_H
#define FT_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "exitcode.h"
#include "status.h"

/* Where the datasets are looked for, for the help texts (main.c's
 * datasets_folders() is the rule). */
#define FT_DATASETS_ORDER                                                      \
    "$FIGTREND_DATASETS when it is set; else, for a program still in the\n"    \
    "build folder of its source tree, that tree's datasets/; else\n"           \
    "BINDIR/../share/figtrend beside the installed program; else ./datasets"

int cmd_extract(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_run(int argc, char **argv);

/* The alias table (the datasets' subjects.csv, then each FILE) and the
 * countries table (countries.csv, then each FILE), as extract loads them
 * (cmd_extract.c); NULL with *code set to the exit code when one cannot
 * be used (already reported). */
typedef struct ft_subjects ft_subjects;
typedef struct ft_countries ft_countries;
ft_subjects *cli_load_subjects(char **files, int nfiles, bool verbose,
                               int *code);
ft_countries *cli_load_countries(char **files, int nfiles, bool verbose,
                                 int *code);

/* The path of a datasets file (subjects.csv, rates, ...) into out[0..n),
 * in the datasets folder: $FIGTREND_DATASETS when it is set and not empty
 * (and then only it); else the first readable folder of <tree>/datasets
 * (when the program is <tree>/buildX/figtrend in a source tree, X
 * anything), <prefix>/share/figtrend (when it is <prefix>/bin/figtrend)
 * and ./datasets.  When none is readable, says so on stderr, once, naming
 * the folders tried and FIGTREND_DATASETS, and gives the path in the
 * first folder tried.  false when the path does not fit. */
bool cli_datasets_path(const char *file, char *out, size_t n);

/* The shipped exchange rates, in the datasets folder (convert, run, and
 * report's check of the papers' own conversions). */
#define CLI_RATES_FILE "fx_units_per_usd_annual.csv"

/* GDP in local currency, in the datasets folder, for the summary's share
 * of GDP (report and run). */
#define CLI_GDP_FILE "gdp_lcu_annual.csv"

/* The shipped GDP table, or NULL when there is none or it cannot be read
 * (a share of GDP is extra: its column stays empty, the report goes on);
 * its path into path[0..n) ("" when none). */
struct ft_gdp;
struct ft_gdp *cli_load_gdp(char *path, size_t n);

/* After a datasets file could not be read: says on stderr which folder
 * was used, which were tried before it, and that FIGTREND_DATASETS sets
 * another (nothing more when cli_datasets_path already said that there is
 * no folder). */
void cli_datasets_hint(void);

/* 0 when an --encoding argument names a decoder figtrend can use (utf-8,
 * cp949, euc-kr, auto), else the exit code, the error already reported. */
int cli_encoding(const char *cmd, const char *arg);

/* 0 with *jobs set when a --jobs argument is a number of threads from 1
 * to FT_PIPELINE_JOBS_MAX, else the usage error's exit code, reported. */
int cli_jobs(const char *cmd, const char *arg, unsigned *jobs);

/* The ISO 4217 code a --to argument names, upper-cased into out[4]; false
 * when it names none the rates know. */
bool cli_currency(const char *arg, char out[4]);

/* false only when path certainly does not exist (ENOENT, ENOTDIR); any
 * other doubt is left for opening it to report. */
bool cli_exists(const char *path);

/* "figtrend: FILE[:LINE]: PREFIXmessage" on stderr (prefix may be ""). */
void cli_report(const ft_error *e, const char *prefix);

/* -v's line for an earlier report's output that a report removed
 * (an ft_manifest_removed_fn). */
void cli_removed(const char *dir, const char *name, void *ctx);

/* Flush standard output; on failure (disk full, closed stdout) say so and
 * return FT_EXIT_IOERR (74), else return code. */
int cli_finish(int code);

/* "figtrend: CMD: message" on stderr, then a hint to try --help;
 * returns FT_EXIT_USAGE (64). */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A getopt_long failure, reported as cli_usage_error does (returns FT_EXIT_USAGE):
 * `c` is what getopt_long returned (':' for an option without its value,
 * anything else for an unknown option, then optopt says which short one,
 * if any); `arg` is argv[optind - 1], the argument at fault. */
int cli_bad_option(const char *cmd, int c, const char *arg);

#endif
