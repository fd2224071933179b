/* series.h — figures rows become series: one point per country, subject,
 * currency and year, ready for the CSV writers, the statistics and the
 * charts.
 *
 * The value plotted is `amount_constant` when every row read has that
 * column and some row a value in it, else `amount_nominal` on the same
 * terms, else the original `amount` in its own `currency` (one series per
 * currency): a column present but empty (convert without --constant)
 * never empties a report;
 * ft_value_kind overrides the choice.  A row is not a point when it has no
 * year, no subject, no value in the plotted column, or is a change
 * ("up 1.2 trillion won") rather than a level; the counts say how many.
 *
 * Two states' figures never share a series: a series is one country's
 * subject ("South Korea: defence budget"); rows with no country make
 * series of their own, named by the subject alone.  Figures reported in
 * different currencies never share a series either, even when converted
 * to one.
 *
 * Several rows for one subject and year (the same budget in several
 * articles) make one point.  The row kept is the latest article's (by
 * `published`, then by the order the articles were first read, then the
 * article's first mention).  Rows within 0.5% of it are the same figure at
 * another rounding ("61.2 trillion won" and "61조2469억원"): they add to
 * `mentions` and `docs`, and the most precise of them gives the value.
 * Rows further apart are a conflict: the point keeps the latest article's
 * figure and is flagged `conflict`.
 *
 * Memory: what a point needs, not each row.  The rows added go to two
 * scratch files (ft_outfile_scratch: in $TMPDIR, gone with the process),
 * read back once by ft_series_build and, for the page's detail, on
 * request; memory keeps the strings rows share (subjects, articles'
 * docs and dates, currencies), an entry per point and value that may be
 * plotted, and after build four bytes per figure of a series (its
 * history), four per article of a point and sixteen per figure to
 * check; building takes twenty more per figure of a series while it
 * runs.  (The series' `docs` cells, which name every article, are kept
 * whole.)
 *
 * Ownership: an ft_series_set owns every string and array it hands out
 * (series, points, names, docs, flags, and the strings of the figures it
 * fills in), valid until ft_series_set_free; the strings of an article
 * (ft_series_article) are valid until the next article is asked for, and
 * those of a figure to check (ft_series_left_out_at,
 * ft_series_mismatch_at) until the next figure to check.  The per-figure
 * detail (a point's articles, the figures to check, the histories) is
 * read back on request, one entry at a time.
 * Row cells passed in are borrowed for the call only.
 */
#ifndef FT_SERIES_H
#define FT_SERIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "country.h"
#include "gdp.h"
#include "stats.h"
#include "status.h"

typedef enum {
    FT_VALUE_AUTO = 0, /* constant, else nominal, else original */
    FT_VALUE_CONSTANT, /* amount_constant in to_currency at constant_year */
    FT_VALUE_NOMINAL,  /* amount_nominal in to_currency */
    FT_VALUE_ORIGINAL  /* amount in currency */
} ft_value_kind;

/* "constant", "nominal", "original" ("auto" for FT_VALUE_AUTO). */
const char *ft_value_kind_name(ft_value_kind k);

/* One figures.csv row, as text cells: NULL when the input has no such
 * column, "" for an empty cell. */
typedef struct {
    const char *doc, *published, *mention;
    const char *subject, *country, *year, *kind, *qualifier, *flags;
    const char *amount, *currency;
    const char *to_currency, *amount_nominal, *amount_constant;
    const char *constant_year;
    /* The article (figures.csv's last columns) and the paper's own
     * conversion, for the page's lists and checks. */
    const char *source, *title, *url;
    const char *reported_amount, *reported_currency, *rate_year;
} ft_series_row;

/* One article's figure behind a point (it agrees with the point) or
 * against it (a conflict).  Strings are "" when unknown. */
typedef struct {
    const char *doc, *published, *source, *title, *url;
    const char *amount; /* the figure it gave, plain decimal text */
    double value;       /* the same, in the series' currency */
    bool agrees;        /* false: a conflict, not the point's figure */
    bool unread; /* the scratch file could not be read back: strings "" */
} ft_point_article;

/* A figure the page asks a reader to check: one left out of the series
 * (`reason` says why) or one whose paper's own conversion disagrees with
 * ours (`reason` is NULL).  Strings are "" when unknown. */
typedef struct {
    const char *reason; /* "no year", "no subject", "a change", ... */
    const char *doc, *published, *source, *title, *url;
    long mention;
    const char *year; /* the cell as written */
    const char *subject, *country;
    const char *amount, *currency;                   /* as the article gave */
    const char *reported_amount, *reported_currency; /* the paper's */
    const char *converted, *to_currency, *rate_year; /* ours: amount_nominal */
    bool unread; /* the scratch file could not be read back: strings "" */
} ft_series_check;

typedef struct {
    int year;
    double value;       /* in the series' currency */
    const char *amount; /* the value as plain decimal text */
    /* The figure as its article gave it, in the series' `origin`
     * currency (for a share of GDP in that currency); NaN when unknown. */
    double original;
    size_t mentions;   /* rows that gave this figure */
    const char *docs;  /* their articles, ';'-separated, oldest first */
    const char *flags; /* ';'-separated: qualifier, the row's own flags,
                          "conflict"; "" when none */
    /* Its articles (ft_series_article gives each): those that agree,
     * oldest first, one per article, then those that conflict, latest
     * first.  first_article is where they start among the set's. */
    size_t first_article, narticles;
} ft_point;

typedef struct {
    const char *subject;
    const char *country;    /* ISO 3166-1 alpha-3, "" when unknown */
    const char *currency;   /* of the values */
    const char *origin;     /* of the figures as reported ("" unknown) */
    const char *label;      /* subject, or with what sets it apart from
                               other series of that country and subject:
                               "defence budget (KRW)", "defence budget
                               (from JPY)" */
    const char *name;       /* the label after the country's name, "South
                               Korea: defence budget" (the code when the
                               countries table does not know it; the label
                               alone with no country) */
    const ft_point *points; /* by year, ascending */
    size_t npoints;
    ft_stats_summary stats; /* over the points, x = year */
    /* The last point's share of its state's GDP of the same year, in
     * percent, from the figure as reported and GDP in that currency
     * (ft_gdp_share_pct); NaN when either is unknown or no GDP table was
     * given. */
    double gdp_share_pct;
} ft_series;

typedef struct {
    size_t rows;       /* figure rows read (malformed ones excluded) */
    size_t malformed;  /* rows skipped: wrong number of cells */
    size_t no_year;    /* not points: no year */
    size_t no_subject; /* ... no subject (but a year) */
    size_t changes;    /* ... kind=change */
    size_t bad;        /* ... a year or amount that is not a number */
    size_t no_value;   /* ... nothing in the plotted column, or no
                          currency */
    size_t other_base; /* ... constant prices of another base year */
    size_t used;       /* rows that gave a point's figure */
    size_t conflicts;  /* rows that disagreed with the point kept */
    size_t docs;       /* articles among the rows used */
    char first_published[11], last_published[11]; /* of those; "" */
    /* FT_VALUE_CONSTANT (with the constant_year the rows asked for) or
     * FT_VALUE_NOMINAL: that column was asked for on every row but filled
     * on none (no price index or rate for it), so a lower one is plotted;
     * else FT_VALUE_AUTO.  `convert` without --constant asks for none. */
    ft_value_kind empty_column;
    int empty_constant_year;
    /* With a selection (ft_series_set_select): */
    size_t outside;    /* rows of a year outside --from/--to: neither
                          points nor left out */
    size_t unselected; /* series whose name the pattern does not match,
                          left out with their rows: then `rows` and
                          `malformed` still count every row read, the
                          other counts above only those of the series
                          kept (a row left out by its country's name and
                          subject, "South Korea: " with no subject) */
} ft_series_counts;

typedef struct ft_series_set ft_series_set;

/* An empty set that will plot `kind`.  NULL when out of memory. */
ft_series_set *ft_series_set_new(ft_value_kind kind);
/* The table that gives series names their countries' English names
 * (borrowed until ft_series_build returns; NULL: the codes). */
void ft_series_set_countries(ft_series_set *s, const ft_countries *c);
/* The GDP table that gives series their gdp_share_pct (borrowed until
 * ft_series_build returns; NULL: none). */
void ft_series_set_gdp(ft_series_set *s, const ft_gdp *g);
void ft_series_set_free(ft_series_set *s);

/* Whether a series name matches a --series pattern.  Without a `*` in
 * it, the pattern matches a name that holds it (case-insensitive
 * substring: "korea" matches "South Korea: defence budget"); with one, it
 * is a glob over the whole name, `*` standing for any run of characters
 * ("south korea:*budget").  Case is folded in ASCII only.  An empty or
 * NULL pattern matches every name. */
bool ft_series_name_matches(const char *name, const char *pattern);

/* Report only some series and years: call before the first add.  Rows
 * whose year (parsed) is before `from` or after `to` (0: no bound) are
 * counted in `outside` and go nowhere else; after build, the series
 * whose name does not match `pattern` (borrowed until build returns;
 * NULL: every series) are dropped and counted in `unselected`, and so
 * are the figures left out and the mismatches whose would-be series name
 * (country name, ": ", subject) does not match. */
void ft_series_set_select(ft_series_set *s, const char *pattern, int from,
                          int to);

/* Add one row (before ft_series_build).  FT_ENOMEM, or FT_EIO when the
 * scratch file cannot be made or written: a row that is not a point is
 * counted, not refused. */
ft_status ft_series_add(ft_series_set *s, const ft_series_row *row,
                        ft_error *err);

/* A problem that rejects one row, not the input (FILE:LINE: message). */
typedef void (*ft_series_warn_fn)(void *ctx, const ft_error *e);

/* Read a figures CSV (a header row naming the columns, in any order) and
 * add its rows.  A row with more or fewer cells than the header is
 * skipped with a warning.  FT_EDATA (file and line in err) when the CSV
 * is malformed or the header lacks a needed column (subject, year, and
 * amount and currency, or the columns `kind` asks for); the rows before
 * a malformed one stay added.  FT_EIO, FT_ENOMEM. */
ft_status ft_series_read(ft_series_set *s, FILE *in, const char *name,
                         ft_series_warn_fn warn, void *warn_ctx, ft_error *err);

/* Turn the rows added into series (sorted by country, subject, currency
 * and currency reported).  A figures CSV without a country column (an
 * older figtrend's) gives rows with no country.
 * Call once, after the last add.  FT_ENOMEM; FT_EIO when an add failed
 * on its scratch file (the set is broken) or the scratch file cannot be
 * flushed or read back (then the set is broken too). */
ft_status ft_series_build(ft_series_set *s, ft_error *err);

/* Whether the set itself failed: a row could not be added whole (its
 * scratch file could not be made or written, or memory ran out part
 * way) or the build could not read the scratch file back.  Then every
 * later add and the build fail, and the report cannot go on; an input
 * that cannot be read (FT_EIO from ft_series_read on a directory) leaves
 * the set whole. */
bool ft_series_broken(const ft_series_set *s);

/* After build: */
size_t ft_series_count(const ft_series_set *s);
const ft_series *ft_series_at(const ft_series_set *s, size_t i);
/* The value plotted (never FT_VALUE_AUTO after build). */
ft_value_kind ft_series_kind(const ft_series_set *s);
/* The base year of constant prices; 0 when not FT_VALUE_CONSTANT or
 * unknown. */
int ft_series_constant_year(const ft_series_set *s);
const ft_series_counts *ft_series_counts_of(const ft_series_set *s);

/* After build: article a (below p->narticles) of point p.  When the
 * scratch file cannot be read back, it is `unread` and its strings "". */
ft_point_article ft_series_article(const ft_series_set *s, const ft_point *p,
                                   size_t a);
/* Whether it agrees with the point, without reading it back. */
bool ft_series_article_agrees(const ft_series_set *s, const ft_point *p,
                              size_t a);

/* After build: the figures left out of every series, each with why
 * (malformed rows excepted: they have no cells to show): first those
 * refused as they are added (a change, no year, no subject), then those
 * refused on building (no value, another base year, a bound giving way
 * to a figure), each group in input order; i below
 * ft_series_nleft_out. */
size_t ft_series_nleft_out(const ft_series_set *s);
ft_series_check ft_series_left_out_at(const ft_series_set *s, size_t i);
/* After build: the figures flagged conversion_mismatch, in input order;
 * i below ft_series_nmismatches. */
size_t ft_series_nmismatches(const ft_series_set *s);
ft_series_check ft_series_mismatch_at(const ft_series_set *s, size_t i);

/* Every figure a series was made of, each row read and not only the
 * point kept (the figures agreeing with it, the conflicts and the bounds
 * alike), for the history of what the articles said: published date,
 * year and value in the series' currency.  Strings are "" when unknown. */
typedef struct {
    const char *published; /* "YYYY-MM-DD" or "" */
    const char *doc, *source;
    long mention;
    int year;
    double value;
} ft_series_figure;

/* The bytes of memory the set holds (its scratch files apart): what
 * a test of the memory's bound compares. */
size_t ft_series_held_bytes(const ft_series_set *s);

/* After build: the figures of series i (as ft_series_at numbers them),
 * by published date (undated first), then year, then article and
 * mention, into *out (the caller frees it), *n their count (*out NULL
 * and *n 0 for no such series).  FT_ENOMEM. */
ft_status ft_series_figures(const ft_series_set *s, size_t i,
                            ft_series_figure **out, size_t *n);
/* The distinct articles with a published date among f[0..n). */
size_t ft_series_figure_articles(const ft_series_figure *f, size_t n);

/* The CSV outputs (DESIGN.md), RFC 4180 through libcsv with text cells
 * neutralised for spreadsheets (src/csvio.h), numbers plain, an empty
 * cell for a missing value.  FT_EIO on a write error. */
/* series.csv: country,subject,year,amount,currency,mentions,docs,flags;
 * the subject is the series' label when another series has the same
 * country, subject and currency (converted from another currency). */
ft_status ft_series_write_long(const ft_series_set *s, FILE *out,
                               ft_error *err);
/* series_wide.csv: year, then one column per series (its name); a row
 * for every year from the first to the last of any series (only the
 * years some series has when they span more than 1000 years). */
ft_status ft_series_write_wide(const ft_series_set *s, FILE *out,
                               ft_error *err);
/* summary.csv: subject,first_year,last_year,years,first,last,change_pct,
 * cagr_pct,slope,r2,trend_pct,gdp_share_pct (subject is the series' name;
 * cagr_pct the endpoint CAGR; slope in amount per year; trend_pct the
 * log-linear trend's growth a year; gdp_share_pct the last point's share
 * of GDP, empty when unknown; new columns only ever added at the end). */
ft_status ft_series_write_summary(const ft_series_set *s, FILE *out,
                                  ft_error *err);

#endif
