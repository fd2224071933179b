/* report.h — `figtrend report` as a library call: figures files in; the
 * series CSVs, the charts and index.html out, in one folder.
 *
 * Writes into opts->out_dir (created when missing, with its parents):
 *   series.csv, series_wide.csv, summary.csv   (src/series.h)
 *   STEM.gp, STEM.dat, STEM.svg|png|pdf       one chart per series with two
 *                                              or more years, and
 *                                              overview.* (src/chart.h)
 *   STEM-history.gp/.dat/picture               the figure history of each
 *                                              series with figures from
 *                                              two or more dated articles
 *   compare.gp/.dat/picture                    with opts->compare
 *   index.html                                 (src/page.h)
 *   report.xlsx                                with opts->xlsx
 *                                              (src/xlsx.h)
 * Every file is written to a temporary name in that folder and renamed
 * (src/outfile.h), so a reader never sees half a file.  The names of
 * the files written are kept in .figtrend-manifest (src/manifest.h): the
 * outputs of an earlier report that this one no longer writes (the
 * charts of series that are gone, pictures in another format, a
 * workbook not asked for) are removed, and nothing else.  Nothing is
 * written when no input could be read.
 *
 * Ownership: everything is borrowed.
 */
#ifndef FT_REPORT_H
#define FT_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "gdp.h"
#include "manifest.h"
#include "prices.h"
#include "rates.h"
#include "series.h"
#include "status.h"

typedef struct {
    const char *out_dir;    /* "plots" when NULL */
    ft_chart_format format; /* of the pictures */
    ft_value_kind value;    /* FT_VALUE_AUTO: constant, nominal, original */
    bool excel;             /* a UTF-8 byte order mark on each CSV */
    bool xlsx;              /* also report.xlsx (src/xlsx.h); without it
                               an earlier run's report.xlsx is removed */
    const char *gnuplot;    /* the program; "gnuplot" when NULL */
    size_t gnuplots;        /* drawing at once; 0: one a core (at most 8) */
    size_t overview_max;    /* series in the overview; 6 when 0 */
    /* The states' English names for series names ("South Korea: defence
     * budget"); NULL: their codes. */
    const ft_countries *countries;
    /* Problems that reject one input or row, not the run (may be NULL). */
    ft_series_warn_fn warn;
    void *warn_ctx;
    /* Told of each earlier output removed (may be NULL), for -v. */
    ft_manifest_removed_fn removed;
    void *removed_ctx;
    /* More lines for the page's notes, before its own (at most
     * FT_REPORT_EXTRA_NOTES; borrowed).  `run` says there what changed. */
    const char *const *extra_notes;
    size_t nextra_notes;
    /* The exchange rates, for the page's check of the papers' own
     * conversions at their publication year's rate (may be NULL). */
    const ft_rates *rates;
    /* The questions (all may be 0/NULL): only the series whose name
     * matches `series` (ft_series_name_matches) and the figures of years
     * `from` to `to` (0: no bound). */
    const char *series;
    int from, to;
    /* "A;B": the series each pattern matches (two to six in all, in one
     * currency) on one linear chart, compare.gp/.dat/picture, shown on
     * the page; NULL: none.  A pattern that matches no series, or too
     * few or too many in all, is FT_EUSAGE; series in different
     * currencies are FT_EDATA (convert them to one first); either way
     * nothing is written. */
    const char *compare;
    /* GDP in local currency, for summary's gdp_share_pct (may be NULL:
     * the column stays empty). */
    const ft_gdp *gdp;
    /* The consumer prices, for the page's note of which tables and years
     * the figures used (may be NULL: the note names the rates alone). */
    const ft_prices *prices;
} ft_report_opts;

/* The page's notes on the tables behind the figures: at most this many
 * currencies, one line each ("Data: KRW: rates ... to 2025, prices ...
 * to 2025"), and a line for GDP when a series has a share of it. */
#define FT_REPORT_SOURCE_NOTES 8

#define FT_REPORT_EXTRA_NOTES 16

typedef struct {
    size_t inputs_read, inputs_missing, inputs_bad;
    ft_series_counts counts; /* rows read, used, not plotted and why */
    ft_value_kind kind;      /* the value plotted */
    int constant_year;       /* its base year (constant prices) */
    size_t series;           /* series written */
    size_t charted;          /* of those, series with two or more years */
    size_t charts;           /* pictures rendered: the overview, the
                                comparison and the figure histories
                                included */
    size_t charts_failed;    /* charts gnuplot could not draw */
} ft_report_result;

/* Report over inputs[0..n) (figures CSV files; "-" is standard input).
 * An input that is missing (FT_ENOINPUT) or unusable (FT_EDATA, FT_EIO)
 * is passed to opts->warn and counted, and the others are reported.
 * Returns FT_ENOINPUT or FT_EDATA when no input could be read (nothing
 * written); FT_ECANTCREAT when the folder or a file in it cannot be
 * created, or a chart could not be rendered (every other output is still
 * written); FT_EIO, FT_ENOMEM.  *res is filled in every case. */
ft_status ft_report_run(const char *const *inputs, size_t n,
                        const ft_report_opts *opts, ft_report_result *res,
                        ft_error *err);

/* The notes on rows that are not points ("3 figures without a year"),
 * one line each, for the user and for the page: at most 12 lines of at
 * most 160 bytes.  Returns how many. */
#define FT_REPORT_NOTES 12
size_t ft_report_notes(const ft_report_result *res, char notes[][160]);

/* When no series has two or more years (so there is no chart), why, in
 * one line of at most 240 bytes into `why`: no figure rows, every row
 * left out (the notes say for what), or only one year per series.
 * Returns false, `why` "", when there is a chart to draw. */
bool ft_report_no_chart(const ft_report_result *res, char why[240]);

#endif
