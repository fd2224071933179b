/* chart.h — gnuplot charts of series: a script (STEM.gp), its data
 * (STEM.dat) and the picture (STEM.svg, .png or .pdf), all in one folder.
 *
 * Article text is hostile, and gnuplot runs backquotes, system(),
 * '|'-prefixed file names and anything after a newline that it finds in a
 * script.  So no text from the input is ever written into a script: the
 * title, the axis label and the source note reach gnuplot as ARG1..ARG3 of
 * `gnuplot -c STEM.gp TITLE YLABEL NOTE OUTPUT` (string values it never
 * parses), series names only as cells of the data file, and every label
 * is sanitised first (ft_chart_label).  Scripts hold only numbers and
 * fixed text, and find their data file from their own name (ARG0), so a
 * chart can be rendered again by hand from any folder.  gnuplot is started
 * with posix_spawnp and an argument vector (no shell), and the picture is
 * drawn in a private folder (mkdtemp) inside the chart's folder and
 * renamed from there when it is whole.
 *
 * Ownership: everything is borrowed; text is appended to caller-owned
 * ft_bufs.
 */
#ifndef FT_CHART_H
#define FT_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "outfile.h"
#include "series.h"
#include "status.h"
#include "text.h"

typedef enum { FT_CHART_SVG = 0, FT_CHART_PNG, FT_CHART_PDF } ft_chart_format;

/* "svg", "png", "pdf". */
const char *ft_chart_ext(ft_chart_format f);

/* Labels longer than this (bytes) are cut, on a character boundary, with
 * an ellipsis. */
#define FT_CHART_LABEL_MAX 160

/* Append s as one safe line of text for gnuplot: bytes that are not UTF-8
 * become U+FFFD, control characters (tab, CR, LF, ...), U+0085, U+2028
 * and U+2029 become spaces, a double quote becomes a single one (the
 * data file quotes strings with it), runs of spaces fold to one, ends are
 * trimmed, and the result is cut to max_bytes.  FT_ENOMEM. */
ft_status ft_chart_label(ft_buf *out, const char *s, size_t max_bytes);

/* Break the label s (from ft_chart_label) into lines of at most cols
 * characters, in place: a space becomes a newline (a word longer than a
 * line stays whole).  The chart's title and note are wrapped so that they
 * fit a phone-sized chart at a readable size.  Returns the number of lines
 * (0 for ""). */
size_t ft_chart_wrap(char *s, size_t cols);

/* A file-name stem from s: ASCII letters (lower-cased) and digits, other
 * runs of characters as one '-', at most n-1 bytes, no '-' at either end;
 * "" when s has no ASCII letter or digit. */
void ft_chart_slug(const char *s, char *out, size_t n);

/* The stems of one report's charts, each unique: the name's slug
 * ("chart" when it has none), then "-2", "-3", ... on a clash; never
 * "overview" or "compare", which the report's own charts use.  Each new
 * stem costs a few tries on average however many names share a slug (a
 * report of thousands of series named in Hangul alone, every one
 * "chart"): the stems taken are a hashed set, and each keeps the next
 * number to try after it. */
#define FT_CHART_STEM_MAX 64
typedef struct ft_chart_stems ft_chart_stems;

/* Room for `max` stems.  NULL when out of memory. */
ft_chart_stems *ft_chart_stems_new(size_t max);
void ft_chart_stems_free(ft_chart_stems *s);

/* A new stem for the name, owned by s until it is freed; NULL when s
 * already holds `max` stems. */
const char *ft_chart_stems_take(ft_chart_stems *s, const char *name);

/* How many candidate stems were looked up so far (for the tests: it
 * grows with the number of stems taken, not with its square). */
size_t ft_chart_stems_tries(const ft_chart_stems *s);

/* The unit that keeps the largest value below 1000: 1e12 "trillion", 1e9
 * "billion", 1e6 "million", 1e3 "thousand", else 1 "". */
typedef struct {
    double div;
    const char *word;
} ft_chart_scale;
ft_chart_scale ft_chart_scale_for(double max_abs);

/* ft_stats_format's text of v, byte for byte, with no printf where the
 * value allows (a charts' data and a page are mostly numbers): v
 * rounded to integer digits in exact integer arithmetic.  Same
 * arguments and result. */
size_t ft_chart_num(double v, int sig, int max_decimals, char *buf, size_t n);

/* One chart: the files DIR/STEM.gp, DIR/STEM.dat and DIR/STEM.EXT. */
typedef struct {
    const char *dir;
    const char *stem; /* [a-z0-9-] only: it is the one name in a script */
    ft_chart_format format;
    const char *title, *ylabel, *note; /* untrusted: ARG1..ARG3 only */
    /* NULL: each file is flushed to disk and renamed into DIR as it is
     * made.  Else a batch for DIR (src/outfile.h): the files are written
     * and drawn in its private folder, under their final names (the
     * script finds its data there), and reach DIR at its commit, which
     * flushes thousands of charts to disk at once. */
    ft_outfile_batch *batch;
} ft_chart;

/* Data of one series, a line a year from its first to its last (tab
 * separated: year, value / div, the point's label, the trend line);
 * a year without a figure has the value NaN, so the line breaks there. */
ft_status ft_chart_series_data(ft_buf *out, const ft_series *s,
                               ft_chart_scale scale);
/* Its script: the points labelled, the GSL trend dashed. */
ft_status ft_chart_series_script(ft_buf *out, const ft_chart *c,
                                 const ft_series *s);

/* Data of several series in one currency (a header row of their
 * sanitised names, then year and one value column each, NaN where a
 * series has no figure), over the years of all of them. */
ft_status ft_chart_overview_data(ft_buf *out, const ft_series *const *s,
                                 size_t n, ft_chart_scale scale);
/* Its script; a logarithmic y axis when `log`. */
ft_status ft_chart_overview_script(ft_buf *out, const ft_chart *c,
                                   const ft_series *const *s, size_t n,
                                   bool log);

/* A series' figure history (ft_series_figures): every figure an article
 * gave, against the article's publication date.  Only figures with a
 * date written YYYY-MM-DD are drawn.  The data holds one block per year
 * the figures are for, in year order, blocks two blank lines apart (a
 * gnuplot `index`), each a line per figure by date: published date,
 * value / div, the year, the article's id (sanitised, at most 60 bytes;
 * data only, never in the script). */
ft_status ft_chart_history_data(ft_buf *out, const ft_series_figure *f,
                                size_t n, ft_chart_scale scale);
/* Its script: a time axis; each year's figures in a colour and point
 * type of their own, joined in date order, titled with the year (a
 * number the reporter parsed, the one thing of the input a script may
 * hold). */
ft_status ft_chart_history_script(ft_buf *out, const ft_chart *c,
                                  const ft_series_figure *f, size_t n);
/* Whether a figure can be drawn on the history's time axis: its
 * published date is YYYY-MM-DD in digits. */
bool ft_chart_history_dated(const ft_series_figure *f);

/* Write STEM.gp and STEM.dat, each atomically (or into the chart's
 * batch).  FT_ECANTCREAT, FT_EIO, FT_ENOMEM. */
ft_status ft_chart_write(const ft_chart *c, const ft_buf *script,
                         const ft_buf *data, ft_error *err);

/* Render STEM.gp into STEM.EXT with the program `gnuplot` (a name looked
 * up in PATH, or a path; "gnuplot" when NULL).  FT_ECANTCREAT when
 * gnuplot cannot be started ("cannot run ...") or fails (its first line
 * of complaint in err), or something not a regular file has the
 * picture's name; FT_EIO when the picture is cut short
 * (ft_chart_picture_whole; err names it).  On failure the previous
 * picture, if any, is left as it was.  With a batch, the picture is
 * taken into it (and in place after its commit); STEM.gp and STEM.dat
 * must be in the batch already (ft_chart_write). */
ft_status ft_chart_render(const ft_chart *c, const char *gnuplot,
                          ft_error *err);

/* Whether the file at path ends the way a whole picture of format f
 * ends (not empty; SVG "</svg>", PDF "%%EOF", either perhaps followed by
 * white space; PNG its IEND chunk).  Rendering checks it before the
 * rename and fails with FT_EIO, naming the picture, when it does not:
 * gnuplot exits 0 when a full disk cut its picture short. */
bool ft_chart_picture_whole(const char *path, ft_chart_format f);

/* The same in two steps, so that several gnuplots can draw at once:
 * start one (nothing to finish when it fails), then finish it, which
 * waits for it, renames the picture into place and frees the job. */
typedef struct ft_chart_job ft_chart_job;
ft_status ft_chart_render_start(const ft_chart *c, const char *gnuplot,
                                ft_chart_job **job, ft_error *err);
ft_status ft_chart_render_finish(ft_chart_job *job, ft_error *err);

/* The same for many charts, one gnuplot drawing them in turn: a gnuplot
 * takes some 18 ms to start and well under one to draw a chart, so a
 * report of thousands of series spent nearly all its time starting
 * them.  Prepare each chart's job (what ft_chart_render_start does,
 * gnuplot not started), then give them to ft_chart_render_group and
 * finish each as above, in order.  The labels reach that gnuplot
 * through its script on standard input, each byte a number
 * (sprintf("%c", ...)), never as text it could read as code.  A chart
 * the group did not draw whole (gnuplot stops at an error, or could not
 * start) is drawn again by a gnuplot of its own when it is finished,
 * with the outcome and message ft_chart_render would give.  A prepared
 * job holds no open file (the scratch file for gnuplot's messages is
 * made when a chart is drawn alone), and a group one while it draws, so
 * that many charts can be queued.  FT_ENOMEM only when out of memory
 * (the jobs are then as prepared: finish them one by one). */
ft_status ft_chart_render_prepare(const ft_chart *c, const char *gnuplot,
                                  ft_chart_job **job, ft_error *err);
ft_status ft_chart_render_group(ft_chart_job *const *jobs, size_t n);

#endif
