/* page.h — index.html: the charts and tables of a report on one page that
 * opens offline from its folder (no script, no fonts or styles from the
 * network), reflows on a phone and prints cleanly.  All text from the
 * input is escaped.
 *
 * Ownership: everything is borrowed.
 */
#ifndef FT_PAGE_H
#define FT_PAGE_H

#include <stdbool.h>
#include <stdio.h>

#include "chart.h"
#include "series.h"
#include "status.h"
#include "text.h"

typedef struct {
    const ft_series *series;
    const char *stem;     /* its chart's file stem; NULL when it has none */
    bool rendered;        /* the picture exists */
    ft_chart_scale scale; /* amounts on the page are divided by it */
    const char *unit;     /* "trillion KRW, current prices (as reported)" */
    /* Its figure history (every figure against its article's date):
     * NULL stem when it has none. */
    const char *history_stem;
    bool history_rendered;
    const char *history_caption;
} ft_page_item;

/* Our conversion of a figure at the rate of its article's publication
 * year, the one convert checks the paper's against (value NAN when the
 * tables do not cover it). */
typedef struct {
    double value;
    int year;
} ft_page_ours;

typedef struct {
    const char *title; /* the heading */
    const char *basis; /* one sentence: which values, which currency */
    ft_chart_format format;
    const char *overview_stem; /* NULL when there is no overview */
    bool overview_rendered;
    const char *overview_caption;
    const ft_page_item *items;
    size_t nitems;
    const char *const *notes; /* one line each */
    size_t nnotes;
    /* The set the items' series are of: their points' articles, and the
     * "Check these" section's figures whose paper's own conversion
     * disagrees with ours and figures left out of every series, with
     * why (src/series.h); conflicts come from the items' points.  NULL:
     * none of those. */
    const ft_series_set *set;
    const ft_page_ours *mismatch_ours; /* one per mismatch; may be NULL */
    /* The comparison (report --compare): NULL stem when there is none. */
    const char *compare_stem;
    bool compare_rendered;
    const char *compare_caption;
} ft_page;

/* Whether an address from an article may become a link: http or https
 * (any case), with no space, control byte, quote or angle bracket. */
bool ft_page_is_link(const char *url);

/* Append s with & < > " ' written as character references. */
ft_status ft_page_escape(ft_buf *b, const char *s);

/* Write the page.  FT_EIO on a write error, FT_ENOMEM. */
ft_status ft_page_write(FILE *out, const ft_page *p, ft_error *err);

#endif
