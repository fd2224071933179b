/* page.c — index.html of a report. */
#include "page.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stats.h"

ft_status ft_page_escape(ft_buf *b, const char *s)
{
    if (!s)
        return FT_OK;
    for (;;) {
        /* strcspn looks at many bytes a step: most text has no byte to
         * escape, or few. */
        size_t run = strcspn(s, "&<>\"'");
        if (ft_buf_append(b, s, run) != FT_OK)
            return FT_ENOMEM;
        s += run;
        const char *ref;
        switch (*s) {
        case '&':
            ref = "&amp;";
            break;
        case '<':
            ref = "&lt;";
            break;
        case '>':
            ref = "&gt;";
            break;
        case '"':
            ref = "&quot;";
            break;
        case '\'':
            ref = "&#39;";
            break;
        default: /* the end */
            return FT_OK;
        }
        if (ft_buf_append(b, ref, strlen(ref)) != FT_OK)
            return FT_ENOMEM;
        s++;
    }
}

/* The page goes out through a small buffer: a report of a million
 * figures lists most of them, and the page must not hold them all. */
#define PAGE_FLUSH 65536

typedef struct {
    ft_buf b;
    FILE *out;
    ft_status st;
    int write_errno; /* when st is FT_EIO */
    bool unread;     /* FT_EIO: the set's scratch file, not the page */
} page;

/* An article or check the set could not read back fails the page: a
 * page with its sources and checks left blank would pass for whole. */
static void read_back(page *p, bool unread)
{
    if (unread && p->st == FT_OK) {
        p->st = FT_EIO;
        p->unread = true;
    }
}

/* What is buffered, to the file. */
static void write_out(page *p)
{
    errno = 0;
    if (fwrite(p->b.data, 1, p->b.len, p->out) != p->b.len) {
        p->st = FT_EIO;
        p->write_errno = errno;
    }
    ft_buf_clear(&p->b);
}

/* Write what is buffered once there is enough of it (or `all`).  The
 * test inline, after every piece of the page; the writing not. */
static inline void flush(page *p, bool all)
{
    if (p->st == FT_OK && p->b.len > 0 && (all || p->b.len >= PAGE_FLUSH))
        write_out(p);
}

/* Inlined: most of the page is fixed text, whose length then compiles
 * to a constant, and the room is mostly there. */
static inline __attribute__((always_inline)) void put(page *p, const char *s)
{
    size_t n = strlen(s);
    if (p->st == FT_OK && (p->st = ft_buf_reserve(&p->b, n)) == FT_OK) {
        memcpy(p->b.data + p->b.len, s, n + 1); /* and its NUL */
        p->b.len += n;
    }
    flush(p, false);
}

/* Input text: escaped, and well-formed UTF-8. */
static void text(page *p, const char *s)
{
    if (p->st != FT_OK || !s)
        return;
    /* Most text is well-formed: escaped as it is, with no copy. */
    if (ft_text_utf8_valid(s, strlen(s), NULL))
        p->st = ft_page_escape(&p->b, s);
    else {
        ft_buf clean;
        ft_buf_init(&clean);
        p->st = ft_text_scrub(&clean, s, strlen(s));
        if (p->st == FT_OK)
            p->st = ft_page_escape(&p->b, clean.data ? clean.data : "");
        ft_buf_free(&clean);
    }
    flush(p, false);
}

static void num(page *p, double v, int sig, int decimals)
{
    char buf[FT_STATS_BUFSZ];
    size_t n = ft_chart_num(v, sig, decimals, buf, sizeof buf);
    if (p->st == FT_OK)
        p->st = n ? ft_buf_append(&p->b, buf, n)
                  : ft_buf_append(&p->b, "\xE2\x80\x94", 3); /* — */
    flush(p, false);
}

/* v as "%ld" writes it, with no printf: years and counts, many. */
static void integer(page *p, long v)
{
    char buf[32], *q = buf + sizeof buf;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    *--q = '\0';
    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    put(p, q);
}

/* ---- articles and the figures to check --------------------------------- */

bool ft_page_is_link(const char *url)
{
    size_t skip = strncasecmp(url, "https://", 8) == 0  ? 8
                  : strncasecmp(url, "http://", 7) == 0 ? 7
                                                        : 0;
    if (!skip || !url[skip])
        return false;
    for (const unsigned char *c = (const unsigned char *)url; *c; c++)
        if (*c <= ' ' || *c == 0x7F || *c == '"' || *c == '\'' || *c == '<' ||
            *c == '>' || *c == '\\' || *c == '`')
            return false;
    return true;
}

/* One article: its headline (else its id) as a link when its address is
 * a web one, then outlet and date. */
static void article_ref(page *p, const char *doc, const char *published,
                        const char *source, const char *title, const char *url)
{
    const char *name = *title ? title : *doc ? doc : "(article without an id)";
    if (ft_page_is_link(url)) {
        put(p, "<a href=\"");
        text(p, url);
        put(p, "\" rel=\"noopener noreferrer nofollow\">");
        text(p, name);
        put(p, "</a>");
    } else {
        put(p, "<cite>");
        text(p, name);
        put(p, "</cite>");
    }
    if (*title && *doc) {
        put(p, " <small>[");
        text(p, doc);
        put(p, "]</small>");
    }
    if (*source) {
        put(p, ", ");
        text(p, source);
    }
    if (*published) {
        put(p, ", ");
        text(p, published);
    }
}

/* An amount cell and its currency, scaled ("439.7 billion KRW"). */
static void money(page *p, const char *amount, const char *currency)
{
    char *end;
    double v = strtod(amount, &end);
    if (!*amount || *end) {
        text(p, *amount ? amount : "\xE2\x80\x94");
    } else {
        ft_chart_scale sc = ft_chart_scale_for(fabs(v));
        num(p, v / sc.div, 6, 3);
        if (*sc.word) {
            put(p, " ");
            put(p, sc.word);
        }
    }
    if (*currency) {
        put(p, " ");
        text(p, currency);
    }
}

/* Each point's articles, year by year, folded away. */
static void point_articles(page *p, const ft_series_set *set,
                           const ft_series *s)
{
    size_t total = 0;
    for (size_t j = 0; j < s->npoints && set; j++)
        for (size_t a = 0; a < s->points[j].narticles; a++)
            total += ft_series_article_agrees(set, &s->points[j], a);
    if (total == 0)
        return;
    put(p, "<details class=\"arts\"><summary>Sources, year by year</summary>"
           "\n<dl>\n");
    for (size_t j = 0; j < s->npoints; j++) {
        const ft_point *pt = &s->points[j];
        size_t against = 0;
        put(p, "<dt>");
        integer(p, pt->year);
        put(p, "</dt>\n");
        for (size_t a = 0; a < pt->narticles; a++) {
            if (!ft_series_article_agrees(set, pt, a)) {
                against++;
                continue;
            }
            ft_point_article art = ft_series_article(set, pt, a);
            const ft_point_article *ar = &art;
            read_back(p, art.unread);
            put(p, "<dd>");
            article_ref(p, ar->doc, ar->published, ar->source, ar->title,
                        ar->url);
            put(p, "</dd>\n");
        }
        if (against) {
            put(p, "<dd class=\"flag\">");
            integer(p, (long)against);
            put(p, against == 1 ? " other figure" : " other figures");
            put(p, " for this year: see <a href=\"#check\">Check these</a>"
                   "</dd>\n");
        }
    }
    put(p, "</dl></details>\n");
}

/* How far the paper's conversion is from ours, in percent of ours. */
static bool apart_pct(const char *reported, double ours, double *pct)
{
    char *end;
    double paper = strtod(reported, &end);
    if (!*reported || *end || !(fabs(ours) > 0) || isnan(ours))
        return false;
    *pct = (paper - ours) / fabs(ours) * 100;
    return true;
}

static void pct_cell(page *p, bool ok, double pct)
{
    put(p, "<td class=\"n\">");
    if (ok) {
        if (pct > 0)
            put(p, "+");
        num(p, pct, 15, 1);
        put(p, "%");
    } else
        put(p, "\xE2\x80\x94");
    put(p, "</td>");
}

static void check_mismatches(page *p, const ft_page *pg, size_t n)
{
    put(p, "<h3>The paper's conversion disagrees with ours (");
    integer(p, (long)n);
    put(p, ")</h3>\n<p>Papers convert at the rate of the day they write, "
           "so ours is first at the average rate of the article's year (the "
           "check that flagged it: more than 10% apart), then at the rate "
           "of the figure's own year (amount_nominal). A large gap can be a "
           "misread figure or a misprint.</p>\n<div class=\"scroll\"><table>"
           "\n<thead><tr><th>article</th><th class=\"n\">year</th>"
           "<th>subject</th><th class=\"n\">figure</th>"
           "<th class=\"n\">the paper's conversion</th>"
           "<th class=\"n\">ours, at the article's year</th>"
           "<th class=\"n\">apart</th>"
           "<th class=\"n\">ours, at the figure's year</th>"
           "<th class=\"n\">apart</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        ft_series_check mc = ft_series_mismatch_at(pg->set, i);
        const ft_series_check *c = &mc;
        read_back(p, mc.unread);
        put(p, "<tr><td class=\"docs\">");
        article_ref(p, c->doc, c->published, c->source, c->title, c->url);
        put(p, "</td><td class=\"n\">");
        text(p, c->year);
        put(p, "</td><td>");
        text(p, c->subject);
        put(p, "</td><td class=\"n\">");
        money(p, c->amount, c->currency);
        put(p, "</td><td class=\"n\">");
        money(p, c->reported_amount, c->reported_currency);
        put(p, "</td><td class=\"n\">");
        const ft_page_ours *o =
            pg->mismatch_ours ? &pg->mismatch_ours[i] : NULL;
        double pct = 0;
        bool ok = false;
        if (o && !isnan(o->value)) {
            char buf[FT_STATS_BUFSZ];
            ft_chart_num(o->value, 15, 2, buf, sizeof buf);
            money(p, buf, c->reported_currency);
            put(p, " <small>(");
            integer(p, o->year);
            put(p, " rate)</small>");
            ok = apart_pct(c->reported_amount, o->value, &pct);
        } else
            put(p, "\xE2\x80\x94");
        put(p, "</td>");
        pct_cell(p, ok, pct);
        put(p, "<td class=\"n\">");
        ok = false;
        if (*c->converted) {
            money(p, c->converted, c->to_currency);
            if (*c->rate_year) {
                put(p, " <small>(");
                text(p, c->rate_year);
                put(p, " rate)</small>");
            }
            ok =
                strcmp(c->to_currency, c->reported_currency) == 0 &&
                apart_pct(c->reported_amount, strtod(c->converted, NULL), &pct);
        } else
            put(p, "\xE2\x80\x94");
        put(p, "</td>");
        pct_cell(p, ok, pct);
        put(p, "</tr>\n");
    }
    put(p, "</tbody></table></div>\n");
}

static size_t count_conflicts(const ft_page *pg)
{
    size_t n = 0;
    for (size_t i = 0; i < pg->nitems && pg->set; i++) {
        const ft_series *s = pg->items[i].series;
        for (size_t j = 0; j < s->npoints; j++)
            for (size_t a = 0; a < s->points[j].narticles; a++)
                if (!ft_series_article_agrees(pg->set, &s->points[j], a)) {
                    n++;
                    break;
                }
    }
    return n;
}

static void check_conflicts(page *p, const ft_page *pg, size_t n)
{
    put(p, "<h3>Conflicting figures for one year (");
    integer(p, (long)n);
    put(p, ")</h3>\n<p>The chart keeps the latest article's figure; the "
           "others are listed under it.</p>\n<ul>\n");
    for (size_t i = 0; i < pg->nitems; i++) {
        const ft_page_item *it = &pg->items[i];
        const ft_series *s = it->series;
        for (size_t j = 0; j < s->npoints; j++) {
            const ft_point *pt = &s->points[j];
            bool any = false;
            for (size_t a = 0; a < pt->narticles && !any; a++)
                any = !ft_series_article_agrees(pg->set, pt, a);
            if (!any)
                continue;
            put(p, "<li>");
            text(p, s->name);
            put(p, ", ");
            integer(p, pt->year);
            put(p, " (");
            text(p, it->unit);
            put(p, "):\n<ul>\n");
            for (size_t a = 0; a < pt->narticles; a++) {
                ft_point_article art = ft_series_article(pg->set, pt, a);
                const ft_point_article *ar = &art;
                read_back(p, art.unread);
                put(p, "<li>");
                num(p, ar->value / it->scale.div, 6, 3);
                put(p, ar->agrees ? " <b>kept</b>: " : ": ");
                article_ref(p, ar->doc, ar->published, ar->source, ar->title,
                            ar->url);
                put(p, "</li>\n");
            }
            put(p, "</ul></li>\n");
        }
    }
    put(p, "</ul>\n");
}

static void check_left_out(page *p, const ft_page *pg, size_t n)
{
    put(p, "<h3>Left out of the series (");
    integer(p, (long)n);
    put(p, ")</h3>\n<details><summary>Every figure not plotted, with why"
           "</summary>\n<div class=\"scroll\"><table>\n<thead><tr>"
           "<th>article</th><th class=\"n\">figure</th>"
           "<th class=\"n\">year</th><th>subject</th><th>why</th></tr>"
           "</thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        ft_series_check lc = ft_series_left_out_at(pg->set, i);
        const ft_series_check *c = &lc;
        read_back(p, lc.unread);
        put(p, "<tr><td class=\"docs\">");
        article_ref(p, c->doc, c->published, c->source, c->title, c->url);
        if (c->mention > 0) {
            put(p, " <small>#");
            integer(p, c->mention);
            put(p, "</small>");
        }
        put(p, "</td><td class=\"n\">");
        money(p, c->amount, c->currency);
        put(p, "</td><td class=\"n\">");
        text(p, c->year);
        put(p, "</td><td>");
        text(p, c->subject);
        put(p, "</td><td class=\"why\">");
        text(p, c->reason);
        put(p, "</td></tr>\n");
    }
    put(p, "</tbody></table></div></details>\n");
}

/* "Check these": what a reader should look at before citing a figure. */
static void check_section(page *p, const ft_page *pg)
{
    size_t nconf = count_conflicts(pg);
    size_t nmism = pg->set ? ft_series_nmismatches(pg->set) : 0;
    size_t nleft = pg->set ? ft_series_nleft_out(pg->set) : 0;
    put(p, "<h2 id=\"check\">Check these</h2>\n");
    if (nmism == 0 && nconf == 0 && nleft == 0) {
        put(p, "<p>Nothing to check: no paper's conversion disagrees with "
               "ours, no year has conflicting figures, and every figure is "
               "in a series.</p>\n");
        return;
    }
    if (nmism)
        check_mismatches(p, pg, nmism);
    if (nconf)
        check_conflicts(p, pg, nconf);
    if (nleft)
        check_left_out(p, pg, nleft);
}

/* Phones: the charts are drawn for a narrow screen (chart.c: 540 px wide,
 * 17 px text, so 11 px or more at 390 px); on a wide one they stop at
 * 36rem, where their text is about 18 px.  Table cells keep their words
 * on one line and the table scrolls sideways in its .scroll box, except
 * the long free-text cells (articles, why), which wrap at a sensible
 * width.  Printed, a chart never splits across two pages. */
static const char style[] =
    "<style>\n"
    "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "\"Noto Sans\",\"Noto Sans KR\",\"Nanum Gothic\",\"Malgun Gothic\","
    "sans-serif;max-width:62rem;margin:0 auto;padding:1rem;"
    "line-height:1.45;color:#222;background:#fff}\n"
    "@media (max-width:30rem){body{padding:.75rem}}\n"
    "h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;"
    "border-bottom:1px solid #ccc}h3{font-size:1.1rem}\n"
    "nav{display:flex;flex-wrap:wrap;gap:.25rem 1.2rem}\n"
    "figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}\n"
    "figure img{display:block;width:100%;max-width:36rem;height:auto;"
    "border:1px solid #e5e5e5}\n"
    "figcaption{font-size:.85rem;color:#555}\n"
    ".scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}\n"
    "table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}\n"
    "th,td{padding:.3rem .6rem;border-bottom:1px solid #e0e0e0;"
    "text-align:left;vertical-align:top;white-space:nowrap}\n"
    "th{background:#f4f6f8}td.n,th.n{text-align:right;"
    "font-variant-numeric:tabular-nums}\n"
    "td.docs,td.why{white-space:normal;min-width:14rem}\n"
    "td.docs{font-size:.8rem;color:#555;overflow-wrap:anywhere}\n"
    ".flag{color:#a04000}\n"
    "details.arts dl{margin:.3rem 0;font-size:.85rem}"
    "details.arts dt{font-weight:bold;margin-top:.3rem}"
    "details.arts dd{margin-left:1.2rem}\n"
    "section{break-inside:avoid-page}\n"
    "@media print{body{max-width:none;padding:0}nav{display:none}"
    "a{color:inherit;text-decoration:none}.scroll{overflow:visible}"
    "h2,h3{break-after:avoid}figure img{max-width:16cm}"
    "th,td{white-space:normal}}\n"
    "</style>\n";

static void picture(page *p, ft_chart_format f, const char *stem, bool rendered,
                    const char *name)
{
    const char *ext = ft_chart_ext(f);
    if (!rendered) {
        put(p, "<p class=\"flag\">Chart not rendered: see ");
        text(p, stem);
        put(p, ".gp and ");
        text(p, stem);
        put(p, ".dat.</p>\n");
        return;
    }
    if (f == FT_CHART_PDF) {
        put(p, "<p><a href=\"");
        text(p, stem);
        put(p, ".pdf\">Chart: ");
        text(p, name);
        put(p, " (PDF)</a></p>\n");
        return;
    }
    put(p, "<a href=\"");
    text(p, stem);
    put(p, ".");
    put(p, ext);
    put(p, "\"><img src=\"");
    text(p, stem);
    put(p, ".");
    put(p, ext);
    put(p, "\" alt=\"Chart: ");
    text(p, name);
    put(p, "\" loading=\"lazy\"></a>\n");
}

static void summary_table(page *p, const ft_page *pg)
{
    put(p, "<div class=\"scroll\"><table>\n<thead><tr><th>subject</th>"
           "<th>unit</th><th class=\"n\">years</th><th class=\"n\">first</th>"
           "<th class=\"n\">last</th><th class=\"n\">change %</th>"
           "<th class=\"n\">CAGR %</th><th class=\"n\">trend a year</th>"
           "<th class=\"n\">r²</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < pg->nitems; i++) {
        const ft_page_item *it = &pg->items[i];
        const ft_series *s = it->series;
        const ft_stats_summary *m = &s->stats;
        if (s->npoints == 0)
            continue;
        put(p, "<tr><td>");
        if (it->stem) {
            put(p, "<a href=\"#s-");
            text(p, it->stem);
            put(p, "\">");
            text(p, s->name);
            put(p, "</a>");
        } else
            text(p, s->name);
        put(p, "</td><td>");
        text(p, it->unit);
        put(p, "</td><td class=\"n\">");
        integer(p, s->points[0].year);
        if (s->npoints > 1) {
            put(p, "–");
            integer(p, s->points[s->npoints - 1].year);
        }
        put(p, " (");
        integer(p, (long)s->npoints);
        put(p, ")</td><td class=\"n\">");
        num(p, m->first / it->scale.div, 5, 2);
        put(p, "</td><td class=\"n\">");
        num(p, m->last / it->scale.div, 5, 2);
        put(p, "</td><td class=\"n\">");
        num(p, m->change_pct, 15, 1);
        put(p, "</td><td class=\"n\">");
        num(p, m->cagr_pct, 15, 1);
        put(p, "</td><td class=\"n\">");
        num(p, m->fit.slope / it->scale.div, 4, 3);
        put(p, "</td><td class=\"n\">");
        num(p, m->fit.r2, 15, 3);
        put(p, "</td></tr>\n");
    }
    put(p, "</tbody></table></div>\n");
}

/* What the articles said over time, under the series. */
static void history_figure(page *p, const ft_page *pg, const ft_page_item *it)
{
    if (!it->history_stem)
        return;
    put(p, "<figure class=\"history\">\n");
    picture(p, pg->format, it->history_stem, it->history_rendered,
            it->history_caption);
    put(p, "<figcaption>");
    text(p, it->history_caption);
    put(p, "</figcaption>\n</figure>\n");
}

static void series_section(page *p, const ft_page *pg, const ft_page_item *it)
{
    const ft_series *s = it->series;
    put(p, "<section");
    if (it->stem) {
        put(p, " id=\"s-");
        text(p, it->stem);
        put(p, "\"");
    }
    put(p, ">\n<h3>");
    text(p, s->name);
    put(p, "</h3>\n");
    if (it->stem) {
        put(p, "<figure>\n");
        picture(p, pg->format, it->stem, it->rendered, s->name);
        put(p, "<figcaption>");
        text(p, it->unit);
        put(p, ". Dashed: linear trend (least squares).</figcaption>\n"
               "</figure>\n");
    }
    put(p, "<div class=\"scroll\"><table>\n<thead><tr><th class=\"n\">year"
           "</th><th class=\"n\">");
    text(p, it->unit);
    put(p, "</th><th class=\"n\">mentions</th><th>articles</th>"
           "<th>flags</th></tr></thead>\n<tbody>\n");
    for (size_t j = 0; j < s->npoints; j++) {
        const ft_point *pt = &s->points[j];
        put(p, "<tr><td class=\"n\">");
        integer(p, pt->year);
        put(p, "</td><td class=\"n\">");
        num(p, pt->value / it->scale.div, 6, 3);
        put(p, "</td><td class=\"n\">");
        integer(p, (long)pt->mentions);
        put(p, "</td><td class=\"docs\">");
        text(p, pt->docs);
        put(p, "</td><td class=\"flag\">");
        text(p, pt->flags);
        put(p, "</td></tr>\n");
    }
    put(p, "</tbody></table></div>\n");
    point_articles(p, pg->set, s);
    history_figure(p, pg, it);
    put(p, "</section>\n");
}

/* The series named by report --compare, on one chart. */
static void compare_section(page *p, const ft_page *pg)
{
    if (!pg->compare_stem)
        return;
    put(p, "<h2 id=\"compare\">Comparison</h2>\n<figure>\n");
    picture(p, pg->format, pg->compare_stem, pg->compare_rendered,
            pg->compare_caption);
    put(p, "<figcaption>");
    text(p, pg->compare_caption);
    put(p, "</figcaption>\n</figure>\n");
}

ft_status ft_page_write(FILE *out, const ft_page *pg, ft_error *err)
{
    page p = {.out = out, .st = FT_OK};
    ft_buf_init(&p.b);
    put(&p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
            "<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n<title>");
    text(&p, pg->title);
    put(&p, "</title>\n");
    put(&p, style);
    put(&p, "</head>\n<body>\n<h1>");
    text(&p, pg->title);
    put(&p, "</h1>\n<p>");
    text(&p, pg->basis);
    put(&p, "</p>\n<nav><a href=\"series.csv\">series.csv</a>"
            "<a href=\"series_wide.csv\">series_wide.csv</a>"
            "<a href=\"summary.csv\">summary.csv</a></nav>\n");
    if (pg->overview_stem) {
        put(&p, "<h2>Overview</h2>\n<figure>\n");
        picture(&p, pg->format, pg->overview_stem, pg->overview_rendered,
                pg->overview_caption);
        put(&p, "<figcaption>");
        text(&p, pg->overview_caption);
        put(&p, "</figcaption>\n</figure>\n");
    }
    compare_section(&p, pg);
    put(&p, "<h2>Summary</h2>\n");
    if (pg->nitems == 0)
        put(&p, "<p>No series: no figure had both a year and a subject."
                "</p>\n");
    else
        summary_table(&p, pg);
    if (pg->nitems > 0)
        put(&p, "<h2>Series</h2>\n");
    for (size_t i = 0; i < pg->nitems; i++)
        series_section(&p, pg, &pg->items[i]);
    check_section(&p, pg);
    if (pg->nnotes > 0) {
        put(&p, "<h2>Notes</h2>\n<ul>\n");
        for (size_t i = 0; i < pg->nnotes; i++) {
            put(&p, "<li>");
            text(&p, pg->notes[i]);
            put(&p, "</li>\n");
        }
        put(&p, "</ul>\n");
    }
    put(&p, "<p><small>Made by figtrend report. Change and CAGR: first to "
            "last year (CAGR = (last / first)^(1 / years) − 1, years = last "
            "year − first year); trend: least-squares line (GSL).</small>"
            "</p>\n"
            "</body>\n</html>\n");
    flush(&p, true);
    ft_status st = p.st;
    if (st == FT_EIO && p.unread)
        ft_error_set(err, st, "cannot read a temporary file back");
    else if (st == FT_EIO)
        ft_error_set(err, st, "write error: %s", strerror(p.write_errno));
    else if (st != FT_OK)
        ft_error_set(err, st, "out of memory");
    ft_buf_free(&p.b);
    return st;
}
