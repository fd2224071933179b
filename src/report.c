/* report.c — figures in; series CSVs, charts and index.html out. */
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert.h"
#include "manifest.h"
#include "outfile.h"
#include "page.h"
#include "xlsx.h"

/* ---- the folder and the CSVs -------------------------------------------- */

static ft_status make_dir(const char *dir, ft_error *err)
{
    return ft_outfile_mkdirs(dir, err);
}

typedef ft_status (*csv_writer)(const ft_series_set *, FILE *, ft_error *);

static ft_status write_csv(const char *dir, const char *name,
                           const ft_series_set *set, csv_writer fn, bool bom,
                           ft_error *err)
{
    ft_outfile o;
    ft_status st = ft_outfile_open(&o, dir, name, err);
    if (st != FT_OK)
        return st;
    if (bom && fputs("\xEF\xBB\xBF", o.fp) == EOF)
        st = ft_error_set(err, FT_EIO, "write error: %s", strerror(errno));
    if (st == FT_OK)
        st = fn(set, o.fp, err);
    if (st != FT_OK) {
        if (err && !err->file[0])
            ft_error_at(err, o.path, 0);
        ft_outfile_abort(&o);
        return st;
    }
    return ft_outfile_commit(&o, err);
}

/* ---- reading --------------------------------------------------------------
 */

/* figs, when not NULL, keeps each input for the workbook. */
static ft_status read_input(ft_series_set *set, ft_xlsx_figures *figs,
                            const char *path, const ft_report_opts *o,
                            ft_report_result *res, ft_error *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "stdin" : path;
    FILE *in = is_stdin ? stdin : fopen(path, "r");
    ft_error e;
    ft_status st;
    if (!in) {
        st = ft_error_set(&e, errno == ENOMEM ? FT_ENOMEM : FT_ENOINPUT, "%s",
                          strerror(errno));
        ft_error_at(&e, name, 0);
    } else {
        st = figs ? ft_xlsx_figures_read(figs, set, in, name, o->warn,
                                         o->warn_ctx, &e)
                  : ft_series_read(set, in, name, o->warn, o->warn_ctx, &e);
        if (!is_stdin)
            fclose(in);
        else
            clearerr(stdin);
    }
    /* Out of memory, or the series' scratch file failed: no later input
     * could be read either, so the report stops.  An unreadable input is
     * only a bad one. */
    if (st == FT_ENOMEM || (st == FT_EIO && ft_series_broken(set))) {
        if (err)
            *err = e;
        return st;
    }
    if (st == FT_OK)
        res->inputs_read++;
    else {
        if (st == FT_ENOINPUT)
            res->inputs_missing++;
        else
            res->inputs_bad++;
        if (o->warn)
            o->warn(o->warn_ctx, &e);
    }
    return FT_OK;
}

/* ---- charts ---------------------------------------------------------------
 */

typedef struct {
    char stem[FT_CHART_STEM_MAX];
    char unit[192];
    char title[256];
    char note[256];
    /* The figure history's. */
    char hstem[FT_CHART_STEM_MAX];
    char hunit[192];
    char htitle[256];
    char hnote[256];
    char hcaption[600];
} chart_text;

static double max_abs(const ft_series *s)
{
    double m = 0;
    for (size_t i = 0; i < s->npoints; i++)
        if (fabs(s->points[i].value) > m)
            m = fabs(s->points[i].value);
    return m;
}

static void unit_text(char *out, size_t n, ft_chart_scale sc,
                      const char *currency, ft_value_kind kind, int base)
{
    char prices[48];
    if (kind == FT_VALUE_CONSTANT && base > 0)
        snprintf(prices, sizeof prices, "constant %d prices", base);
    else if (kind == FT_VALUE_CONSTANT)
        snprintf(prices, sizeof prices, "constant prices");
    else
        snprintf(prices, sizeof prices, "current prices");
    snprintf(out, n, "%s%s%s, %s", sc.word, *sc.word ? " " : "", currency,
             prices);
}

static int by_string(const void *a, const void *b)
{
    const char *const *x = a, *const *y = b;
    return strcmp(*x, *y);
}

/* Articles behind a series: the distinct docs of its points. */
static size_t count_docs(const ft_series *s)
{
    size_t cap = 0;
    for (size_t i = 0; i < s->npoints; i++)
        cap += strlen(s->points[i].docs) + 1;
    char *all = malloc(cap + 1);
    char **list = malloc((cap / 2 + 1) * sizeof *list);
    size_t n = 0, len = 0, distinct = 0;
    if (!all || !list) {
        free(all);
        free(list);
        return 0;
    }
    for (size_t i = 0; i < s->npoints; i++) {
        size_t l = strlen(s->points[i].docs);
        if (!l)
            continue;
        memcpy(all + len, s->points[i].docs, l + 1);
        char *save, *tok = strtok_r(all + len, ";", &save);
        for (; tok; tok = strtok_r(NULL, ";", &save))
            list[n++] = tok;
        len += l + 1;
    }
    qsort(list, n, sizeof *list, by_string);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp(list[i], list[i - 1]) != 0)
            distinct++;
    free(all);
    free(list);
    return distinct;
}

/* Charts are drawn by up to `max` gnuplots at once, each drawing a
 * group of charts in turn (ft_chart_render_group): a gnuplot's start was
 * nearly all of a chart's time.  A group holds up to GROUP_MAX charts,
 * fewer when the report's charts would not keep every gnuplot busy
 * (group_size). */
#define MAX_JOBS 8
#define GROUP_MAX 128

typedef struct {
    ft_chart_job *job;
    bool *rendered; /* set when its picture is in place */
} pending;

/* A series' figures, read back to count its history before the first
 * chart (group_size) and kept for drawing it: read once, not twice. */
typedef struct {
    ft_series_figure *f;
    size_t n;
} kept_figures;

/* At most this many figures are kept so (48 bytes each, 3 MB): reading
 * back the 13,860 figures of the demo articles repeated to 2 MB (23
 * charts) took 8 ms. */
#define KEPT_FIGURES 65536

typedef struct {
    const ft_report_opts *o;
    ft_report_result *res;
    /* the charts given to gnuplots, oldest first (ngroups groups, of
     * sizes[i] charts each), then nforming prepared for the next, which
     * starts at `group` (group_size); a prepared chart holds no open
     * file (ft_chart_render_prepare), a group one */
    pending queue[(MAX_JOBS + 1) * GROUP_MAX];
    size_t nqueue, nforming, sizes[MAX_JOBS], ngroups, max, group;
    kept_figures *kept; /* per series; f NULL when not kept */
    size_t kept_room;   /* figures that may still be kept */
    ft_error first;     /* the first chart that failed */
    ft_status failed;
    bool no_gnuplot; /* stop trying */
    /* A chart's script and data, built here and written by draw(); one
     * pair for every chart of the report, cleared before each. */
    ft_buf script, data;
    /* Every chart's files, flushed to disk together and put in place
     * before the page is written: one flush, not one a file, which was
     * nearly all of a large report's time on a disk. */
    ft_outfile_batch *batch;
} renderer;

/* Keep the first failure (a write error before a name taken), for the
 * exit status and the message. */
static void note_failure(renderer *r, ft_status st, const ft_error *e)
{
    if (r->failed == FT_OK || (r->failed == FT_ECANTCREAT && st != r->failed)) {
        r->failed = st;
        r->first = *e;
    }
    if (strncmp(e->message, "cannot run", 10) == 0)
        r->no_gnuplot = true;
}

static void chart_failed(renderer *r, ft_status st, const ft_error *e)
{
    r->res->charts_failed++;
    note_failure(r, st, e);
}

/* After a commit that left a name alone (something not a regular file
 * took it while the chart was drawn): a chart drawn but not in place is
 * not rendered, and counts only as failed. */
static void unplaced(renderer *r, const char *dir, const char *stem,
                     bool *rendered)
{
    if (!stem || !*rendered)
        return;
    char path[4096];
    ft_error e;
    int k = snprintf(path, sizeof path, "%s/%s.%s", dir, stem,
                     ft_chart_ext(r->o->format));
    if (k > 0 && (size_t)k < sizeof path && ft_outfile_check(path, &e) == FT_OK)
        return;
    *rendered = false;
    r->res->charts--;
    r->res->charts_failed++;
}

/* Wait for the oldest group's gnuplot and finish its charts in order. */
static void finish_group(renderer *r)
{
    size_t n = r->sizes[0];
    for (size_t i = 0; i < n; i++) {
        pending p = r->queue[i];
        ft_error e;
        ft_status st = ft_chart_render_finish(p.job, &e);
        if (st == FT_OK) {
            r->res->charts++;
            *p.rendered = true;
        } else
            chart_failed(r, st, &e);
    }
    memmove(r->queue, r->queue + n,
            (r->nqueue - n + r->nforming) * sizeof *r->queue);
    r->nqueue -= n;
    memmove(r->sizes, r->sizes + 1, --r->ngroups * sizeof *r->sizes);
}

/* Give the charts prepared to one gnuplot, once fewer than max run. */
static void start_group(renderer *r)
{
    if (r->nforming == 0)
        return;
    if (r->ngroups == r->max)
        finish_group(r);
    ft_chart_job *jobs[GROUP_MAX];
    for (size_t i = 0; i < r->nforming; i++)
        jobs[i] = r->queue[r->nqueue + i].job;
    /* out of memory: each chart is drawn alone when finished */
    (void)ft_chart_render_group(jobs, r->nforming);
    r->sizes[r->ngroups++] = r->nforming;
    r->nqueue += r->nforming;
    r->nforming = 0;
}

static void finish_all(renderer *r)
{
    start_group(r);
    while (r->ngroups > 0)
        finish_group(r);
}

/* Write a chart's script and data in the renderer's batch, and give the
 * chart to the next group a gnuplot draws; *rendered is set when the
 * picture is drawn (after finish_all), to be in place once the batch is
 * committed. */
static void draw(renderer *r, const ft_chart *chart, const ft_buf *script,
                 const ft_buf *data, bool *rendered)
{
    *rendered = false;
    ft_chart batched = *chart;
    batched.batch = r->batch;
    const ft_chart *c = &batched;
    ft_error e;
    ft_status st = ft_chart_write(c, script, data, &e);
    if (st == FT_OK && r->no_gnuplot) {
        r->res->charts_failed++;
        return;
    }
    ft_chart_job *job;
    if (st == FT_OK)
        st = ft_chart_render_prepare(c, r->o->gnuplot, &job, &e);
    if (st != FT_OK) {
        chart_failed(r, st, &e);
        return;
    }
    r->queue[r->nqueue + r->nforming++] = (pending){job, rendered};
    if (r->nforming == r->group)
        start_group(r);
}

/* ---- the overview ------------------------------------------------------- */

typedef struct {
    const ft_series **list;
    size_t n;
    double max;
    bool log;
} overview;

static int by_size_desc(const void *a, const void *b)
{
    double x = max_abs(*(const ft_series *const *)a);
    double y = max_abs(*(const ft_series *const *)b);
    if (x != y)
        return x > y ? -1 : 1;
    return strcmp((*(const ft_series *const *)a)->name,
                  (*(const ft_series *const *)b)->name);
}

/* The series with two or more years in one currency: how many, with
 * how many points. */
typedef struct {
    const char *currency;
    size_t n, pts;
} currency_tally;

/* The currency with the most series of two or more years (then the most
 * points, then the first by name) in *best (NULL: none), and how many. */
static ft_status busiest_currency(const ft_series_set *set, const char **best,
                                  size_t *best_n)
{
    size_t n = ft_series_count(set), nt = 0, cap = 0;
    currency_tally *t = NULL;
    ft_status st = FT_OK;
    /* Currencies are few: a list, looked through for each series. */
    for (size_t i = 0; i < n && st == FT_OK; i++) {
        const ft_series *s = ft_series_at(set, i);
        if (s->npoints < 2)
            continue;
        size_t k = 0;
        while (k < nt && strcmp(t[k].currency, s->currency) != 0)
            k++;
        if (k == nt) {
            if ((st = ft_grow((void **)&t, &cap, nt, sizeof *t, 8)) != FT_OK)
                break;
            t[nt++] = (currency_tally){.currency = s->currency};
        }
        t[k].n++;
        t[k].pts += s->npoints;
    }
    *best = NULL;
    *best_n = 0;
    size_t best_pts = 0;
    for (size_t k = 0; k < nt && st == FT_OK; k++)
        if (t[k].n > *best_n || (t[k].n == *best_n && t[k].pts > best_pts) ||
            (t[k].n == *best_n && t[k].pts == best_pts &&
             strcmp(t[k].currency, *best) < 0)) {
            *best = t[k].currency;
            *best_n = t[k].n;
            best_pts = t[k].pts;
        }
    free(t);
    return st;
}

/* The largest series with two or more years in the currency that has
 * the most of them. */
static ft_status pick_overview(const ft_series_set *set, size_t max,
                               overview *ov)
{
    size_t n = ft_series_count(set);
    memset(ov, 0, sizeof *ov);
    const char *best;
    size_t best_n;
    if (busiest_currency(set, &best, &best_n) != FT_OK)
        return FT_ENOMEM;
    if (best_n < 2)
        return FT_OK;
    ov->list = malloc(best_n * sizeof *ov->list);
    if (!ov->list)
        return FT_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const ft_series *s = ft_series_at(set, i);
        if (s->npoints >= 2 && strcmp(s->currency, best) == 0)
            ov->list[ov->n++] = s;
    }
    qsort(ov->list, ov->n, sizeof *ov->list, by_size_desc);
    if (ov->n > max)
        ov->n = max;
    ov->max = max_abs(ov->list[0]);
    double small = max_abs(ov->list[ov->n - 1]);
    bool positive = true;
    for (size_t k = 0; k < ov->n; k++)
        for (size_t i = 0; i < ov->list[k]->npoints; i++)
            if (!(ov->list[k]->points[i].value > 0))
                positive = false;
    ov->log = positive && small > 0 && ov->max / small > 20;
    return FT_OK;
}

/* ---- the comparison ------------------------------------------------------ */

/* As many as the overview's line styles. */
#define COMPARE_MAX 6

typedef struct {
    const ft_series *list[COMPARE_MAX];
    size_t n;
} comparison;

static bool in_comparison(const comparison *cmp, const ft_series *s)
{
    for (size_t i = 0; i < cmp->n; i++)
        if (cmp->list[i] == s)
            return true;
    return false;
}

/* The series --compare names: each ';'-separated pattern (spaces around
 * it trimmed) picks every series it matches, in the order of the set. */
static ft_status pick_compare(const ft_series_set *set, const char *spec,
                              comparison *cmp, ft_error *err)
{
    memset(cmp, 0, sizeof *cmp);
    char *copy = strdup(spec);
    if (!copy)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    size_t total = 0, patterns = 0;
    ft_status st = FT_OK;
    char *save, *tok = strtok_r(copy, ";", &save);
    for (; tok && st == FT_OK; tok = strtok_r(NULL, ";", &save)) {
        while (*tok == ' ')
            tok++;
        size_t len = strlen(tok);
        while (len > 0 && tok[len - 1] == ' ')
            tok[--len] = '\0';
        if (!*tok)
            continue;
        patterns++;
        size_t found = 0;
        for (size_t i = 0; i < ft_series_count(set); i++) {
            const ft_series *s = ft_series_at(set, i);
            if (!ft_series_name_matches(s->name, tok))
                continue;
            found++;
            if (in_comparison(cmp, s))
                continue;
            if (cmp->n < COMPARE_MAX)
                cmp->list[cmp->n] = s;
            cmp->n += cmp->n < COMPARE_MAX;
            total++;
        }
        if (found == 0)
            st = ft_error_set(err, FT_EUSAGE,
                              "--compare: '%.80s' matches no series (their "
                              "names, like \"South Korea: defence budget\", "
                              "are in summary.csv)",
                              tok);
    }
    free(copy);
    if (st != FT_OK)
        return st;
    if (total < 2)
        return ft_error_set(err, FT_EUSAGE,
                            "--compare needs two or more series; %s: give "
                            "patterns such as \"korea;japan\"",
                            patterns == 0 ? "it names none"
                                          : "it matches only one");
    if (total > COMPARE_MAX)
        return ft_error_set(err, FT_EUSAGE,
                            "--compare matches %zu series; at most %d fit on "
                            "one chart: narrow the patterns",
                            total, COMPARE_MAX);
    for (size_t i = 1; i < cmp->n; i++)
        if (strcmp(cmp->list[i]->currency, cmp->list[0]->currency) != 0)
            return ft_error_set(
                err, FT_EDATA,
                "--compare: \"%.80s\" is in %s and \"%.80s\" in %s; one "
                "chart needs one currency: convert the figures first "
                "(figtrend convert --to USD), then report those",
                cmp->list[0]->name, cmp->list[0]->currency, cmp->list[i]->name,
                cmp->list[i]->currency);
    return FT_OK;
}

/* The page's lines on the tables behind the figures: per currency of the
 * series (as the articles gave them, then the one they were converted
 * to), the rates and, for constant prices, the prices table with the last
 * year each has for it; then the GDP table when a share of GDP was
 * given.  Returns how many lines were written into lines[]. */
static size_t source_notes(const ft_report_opts *o, const ft_series_set *set,
                           char lines[][200])
{
    ft_value_kind kind = ft_series_kind(set);
    /* Amounts as reported used no table: nothing to say about rates. */
    bool converted = o->rates && kind != FT_VALUE_ORIGINAL;
    ft_convert_opts co = {.rates = o->rates,
                          .prices =
                              kind == FT_VALUE_CONSTANT ? o->prices : NULL};
    const char *seen[FT_REPORT_SOURCE_NOTES];
    size_t n = 0, nseries = ft_series_count(set);
    bool share = false;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nseries; i++) {
            const ft_series *se = ft_series_at(set, i);
            share |= isfinite(se->gdp_share_pct);
            const char *cur = pass == 0 ? se->origin : se->currency;
            if (!converted || !cur[0])
                continue;
            bool dup = false;
            for (size_t k = 0; k < n && !dup; k++)
                dup = strcmp(seen[k], cur) == 0;
            if (dup || n == FT_REPORT_SOURCE_NOTES)
                continue;
            seen[n] = cur;
            /* The target currency's own prices play no part (SIPRI's
             * method deflates in the figure's currency), only its rate. */
            ft_convert_opts target = co;
            target.prices = NULL;
            char note[180];
            ft_convert_source_note(pass == 0 ? &co : &target, cur, note,
                                   sizeof note);
            snprintf(lines[n++], 200, "Data: %s", note);
        }
    if (share && o->gdp)
        snprintf(lines[n++], 200,
                 "Data: shares of GDP from %s, the figure's own year",
                 ft_gdp_source(o->gdp));
    return n;
}

/* ---- notes -----------------------------------------------------------------
 */

size_t ft_report_notes(const ft_report_result *res, char notes[][160])
{
    const ft_series_counts *c = &res->counts;
    size_t n = 0;
#define NOTE(count, ...)                                                       \
    do {                                                                       \
        if ((count) && n < FT_REPORT_NOTES)                                    \
            snprintf(notes[n++], 160, __VA_ARGS__);                            \
    } while (0)
    NOTE(c->empty_column == FT_VALUE_CONSTANT,
         "no figure has an amount in constant %d prices (convert found no "
         "price index for that year: see its warnings): %s amounts plotted",
         c->empty_constant_year, ft_value_kind_name(res->kind));
    NOTE(c->empty_column == FT_VALUE_NOMINAL,
         "no figure has a converted amount (convert found no rates: see its "
         "warnings): %s amounts plotted",
         ft_value_kind_name(res->kind));
    NOTE(c->no_year, "%zu figure%s without a year: not plotted", c->no_year,
         c->no_year == 1 ? "" : "s");
    NOTE(c->no_subject, "%zu figure%s with a year but no subject: not plotted",
         c->no_subject, c->no_subject == 1 ? "" : "s");
    NOTE(c->changes,
         "%zu change%s (kind=change, e.g. \"up 1.2 trillion won\"): not "
         "plotted, only levels are",
         c->changes, c->changes == 1 ? "" : "s");
    NOTE(c->no_value,
         "%zu figure%s without a %s amount or its currency: not "
         "plotted",
         c->no_value, c->no_value == 1 ? "" : "s",
         ft_value_kind_name(res->kind));
    NOTE(c->bad,
         "%zu figure%s with a year or amount that is not a number: "
         "skipped",
         c->bad, c->bad == 1 ? "" : "s");
    NOTE(c->other_base,
         "%zu figure%s in constant prices of another base year than %d: not "
         "plotted",
         c->other_base, c->other_base == 1 ? "" : "s", res->constant_year);
    NOTE(c->conflicts,
         "%zu figure%s disagreed with the latest article's figure for the "
         "same subject and year (points flagged \"conflict\")",
         c->conflicts, c->conflicts == 1 ? "" : "s");
    NOTE(c->malformed, "%zu malformed row%s skipped", c->malformed,
         c->malformed == 1 ? "" : "s");
    NOTE(c->outside, "%zu figure%s of years outside --from/--to: not read",
         c->outside, c->outside == 1 ? "" : "s");
    NOTE(c->unselected,
         "%zu series whose name --series does not match: not reported",
         c->unselected);
#undef NOTE
    return n;
}

bool ft_report_no_chart(const ft_report_result *res, char why[240])
{
    const ft_series_counts *c = &res->counts;
    why[0] = '\0';
    if (res->charted > 0)
        return false;
    if (c->rows == 0 && c->outside > 0)
        snprintf(why, 240,
                 "no chart: every one of the %zu figure row%s is of a year "
                 "outside --from/--to",
                 c->outside, c->outside == 1 ? "" : "s");
    else if (c->rows == 0)
        snprintf(why, 240, "no chart: the input holds no figure rows");
    else if (res->series == 0 && c->unselected > 0)
        snprintf(why, 240,
                 "no chart: --series matches none of the %zu series (their "
                 "names are like \"South Korea: defence budget\")",
                 c->unselected);
    else if (c->used == 0 && c->rows == 1)
        snprintf(why, 240,
                 "no chart: the only figure row was left out (the "
                 "reason follows)");
    else if (c->used == 0)
        snprintf(why, 240,
                 "no chart: every one of the %zu figure row%s was left out "
                 "(the reasons follow)",
                 c->rows, c->rows == 1 ? "" : "s");
    else
        snprintf(why, 240,
                 "no chart: no series has two or more years (%zu series of "
                 "one year each, from %zu of %zu figure rows)",
                 res->series, c->used, c->rows);
    return true;
}

/* ---- the run --------------------------------------------------------------
 */

static void basis_text(char *out, size_t n, const ft_report_result *res,
                       const ft_series_set *set)
{
    char what[200];
    if (res->kind == FT_VALUE_CONSTANT)
        snprintf(what, sizeof what,
                 "Amounts in constant %d prices, converted to one currency "
                 "(amount_constant).",
                 res->constant_year);
    else if (res->kind == FT_VALUE_NOMINAL)
        snprintf(what, sizeof what,
                 "Amounts at current prices, converted at each year's "
                 "exchange rate (amount_nominal).");
    else
        snprintf(what, sizeof what,
                 "Amounts as reported, at current prices, each series in "
                 "its own currency.");
    const ft_series_counts *c = &res->counts;
    size_t points = 0;
    for (size_t i = 0; i < ft_series_count(set); i++)
        points += ft_series_at(set, i)->npoints;
    char span[40] = "";
    if (*c->first_published)
        snprintf(span, sizeof span, ", published %s to %s", c->first_published,
                 c->last_published);
    snprintf(out, n,
             "%s %zu figure%s from %zu article%s%s make %zu point%s in %zu "
             "series.",
             what, c->used, c->used == 1 ? "" : "s", c->docs,
             c->docs == 1 ? "" : "s", span, points, points == 1 ? "" : "s",
             ft_series_count(set));
}

/* Our conversion of each mismatched figure at its publication year's
 * rate (as convert checked it); NULL without rates or memory (the page
 * then shows the figure's own year's conversion only). */
static ft_page_ours *mismatch_ours(const ft_rates *rates,
                                   const ft_series_set *set)
{
    size_t n = ft_series_nmismatches(set);
    if (!rates || n == 0)
        return NULL;
    ft_page_ours *ours = malloc(n * sizeof *ours);
    if (!ours)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        ours[i] = (ft_page_ours){.value = NAN};
        ft_series_check m = ft_series_mismatch_at(set, i);
        char *end;
        double amount = strtod(m.amount, &end);
        int year = 0;
        if (!*m.amount || *end || strlen(m.published) < 4 ||
            sscanf(m.published, "%4d", &year) != 1)
            continue;
        ft_rate r;
        ft_error e;
        if (ft_rates_cross(rates, m.currency, m.reported_currency, year, true,
                           &r, &e) == FT_OK &&
            r.basis != FT_RATE_NONE)
            ours[i] = (ft_page_ours){.value = amount * r.value, .year = r.year};
    }
    return ours;
}

/* draw_history's chart, from the series' figures f[0..n) (from `arts`
 * dated articles). */
static ft_status draw_figures(renderer *r, const ft_series *s,
                              const ft_series_figure *f, size_t n, size_t arts,
                              const ft_report_opts *o, const char *dir,
                              ft_report_result *res, chart_text *t,
                              ft_page_item *it, ft_chart_stems *stems,
                              size_t *nstems, const char **keep, ft_error *err)
{
    size_t dated = 0;
    double max = 0;
    for (size_t k = 0; k < n; k++)
        if (ft_chart_history_dated(&f[k])) {
            dated++;
            if (fabs(f[k].value) > max)
                max = fabs(f[k].value);
        }
    /* The series' stem (cut to 39 bytes) and "-history", a name of its
     * own among this run's charts. */
    char base[FT_CHART_STEM_MAX - 24], name[FT_CHART_STEM_MAX];
    ft_chart_slug(s->name, base, sizeof base);
    snprintf(name, sizeof name, "%s history", *base ? base : "chart");
    const char *stem = ft_chart_stems_take(stems, name);
    if (!stem)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    snprintf(t->hstem, sizeof t->hstem, "%s", stem);
    keep[(*nstems)++] = stem;
    ft_chart_scale sc = ft_chart_scale_for(max);
    unit_text(t->hunit, sizeof t->hunit, sc, s->currency, res->kind,
              res->constant_year);
    snprintf(t->htitle, sizeof t->htitle, "%s: what the articles said",
             s->name);
    snprintf(t->hnote, sizeof t->hnote,
             "%zu figure%s from %zu article%s, each at its article's date; "
             "colour: the year it is for.",
             dated, dated == 1 ? "" : "s", arts, arts == 1 ? "" : "s");
    snprintf(t->hcaption, sizeof t->hcaption,
             "What the articles said over time (%s): each of the %zu figure%s "
             "from %zu articles at its article's publication date, coloured "
             "by the year it is for; revisions and disagreements show as "
             "one colour at several heights.",
             t->hunit, dated, dated == 1 ? "" : "s", arts);
    it->history_stem = t->hstem;
    it->history_caption = t->hcaption;
    ft_chart c = {.dir = dir,
                  .stem = t->hstem,
                  .format = o->format,
                  .title = t->htitle,
                  .ylabel = t->hunit,
                  .note = t->hnote};
    ft_buf_clear(&r->script);
    ft_buf_clear(&r->data);
    if (ft_chart_history_script(&r->script, &c, f, n) != FT_OK ||
        ft_chart_history_data(&r->data, f, n, sc) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    draw(r, &c, &r->script, &r->data, &it->history_rendered);
    return FT_OK;
}

/* The figure history of series i, when figures from two or more dated
 * articles make it: every figure against its article's date. */
static ft_status draw_history(renderer *r, const ft_series_set *set, size_t i,
                              const ft_report_opts *o, const char *dir,
                              ft_report_result *res, chart_text *t,
                              ft_page_item *it, ft_chart_stems *stems,
                              size_t *nstems, const char **keep, ft_error *err)
{
    const ft_series *s = ft_series_at(set, i);
    size_t n = r->kept[i].n;
    ft_series_figure *f = r->kept[i].f;
    r->kept[i].f = NULL;
    ft_status got = f ? FT_OK : ft_series_figures(set, i, &f, &n);
    if (got != FT_OK)
        return ft_error_set(err, got,
                            got == FT_EIO ? "cannot read a temporary file back"
                                          : "out of memory");
    size_t arts = ft_series_figure_articles(f, n);
    ft_status st = arts < 2 ? FT_OK
                            : draw_figures(r, s, f, n, arts, o, dir, res, t, it,
                                           stems, nstems, keep, err);
    free(f);
    return st;
}

/* Whether series i has a figure history to draw (draw_history's test);
 * false when its figures cannot be read back (draw_history says why).
 * Its figures are kept for draw_history while there is room. */
static bool has_history(renderer *r, const ft_series_set *set, size_t i)
{
    size_t n;
    ft_series_figure *f;
    if (ft_series_figures(set, i, &f, &n) != FT_OK)
        return false;
    bool yes = ft_series_figure_articles(f, n) >= 2;
    if (yes && n <= r->kept_room) {
        r->kept[i] = (kept_figures){f, n};
        r->kept_room -= n;
    } else
        free(f);
    return yes;
}

/* The charts the report draws, counted before the first, or `enough`
 * when there are at least as many: a chart per series of two or more
 * years, the overview and the comparison, then the histories, which
 * take reading each series' figures back (0.1 s for 4,452 charts). */
static size_t charts_to_draw(renderer *r, const ft_series_set *set,
                             const overview *ov, const comparison *cmp,
                             size_t enough)
{
    size_t n = ft_series_count(set), charts = (ov->n > 0) + (cmp->n > 0);
    for (size_t i = 0; i < n; i++)
        charts += ft_series_at(set, i)->npoints >= 2;
    for (size_t i = 0; i < n && charts < enough; i++)
        charts += has_history(r, set, i);
    return charts < enough ? charts : enough;
}

/* When the charts fill this many rounds of full groups (a group of
 * GROUP_MAX charts for each of the `max` gnuplots), the last round's
 * imbalance is a small part of the time, and the groups are GROUP_MAX. */
#define EVEN_ROUNDS 4

/* The charts a group takes when up to `max` gnuplots draw the report's
 * at once: the fewest groups of at most GROUP_MAX that are a multiple
 * of max, all of a size (the last perhaps smaller), so that the
 * gnuplots finish together: 23 charts on two cores are 12 and 11, not
 * 16 and 7 with one core idle half the time. */
static size_t group_size(renderer *r, const ft_series_set *set,
                         const overview *ov, const comparison *cmp)
{
    size_t max = r->max, many = max * GROUP_MAX * EVEN_ROUNDS;
    size_t charts = charts_to_draw(r, set, ov, cmp, many);
    if (charts == 0 || charts == many)
        return GROUP_MAX;
    size_t rounds = (charts + max * GROUP_MAX - 1) / (max * GROUP_MAX);
    return (charts + rounds * max - 1) / (rounds * max);
}

/* The comparison's chart: the named series on one linear axis. */
static ft_status draw_compare(renderer *r, const comparison *cmp,
                              const ft_report_opts *o, const char *dir,
                              ft_report_result *res, chart_text *t,
                              bool *rendered, ft_error *err)
{
    double max = 0;
    int lo = cmp->list[0]->points[0].year, hi = lo;
    for (size_t k = 0; k < cmp->n; k++) {
        const ft_series *s = cmp->list[k];
        if (max_abs(s) > max)
            max = max_abs(s);
        if (s->points[0].year < lo)
            lo = s->points[0].year;
        if (s->points[s->npoints - 1].year > hi)
            hi = s->points[s->npoints - 1].year;
    }
    ft_chart_scale sc = ft_chart_scale_for(max);
    unit_text(t->unit, sizeof t->unit, sc, cmp->list[0]->currency, res->kind,
              res->constant_year);
    snprintf(t->title, sizeof t->title, "Comparison in %s, %d–%d",
             cmp->list[0]->currency, lo, hi);
    snprintf(t->note, sizeof t->note,
             "Source: news articles (listed in series.csv). Linear scale.");
    ft_chart c = {.dir = dir,
                  .stem = t->stem,
                  .format = o->format,
                  .title = t->title,
                  .ylabel = t->unit,
                  .note = t->note};
    ft_buf_clear(&r->script);
    ft_buf_clear(&r->data);
    if (ft_chart_overview_script(&r->script, &c, cmp->list, cmp->n, false) !=
            FT_OK ||
        ft_chart_overview_data(&r->data, cmp->list, cmp->n, sc) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    draw(r, &c, &r->script, &r->data, rendered);
    return FT_OK;
}

/* The texts of each series' charts that the page shows (its unit, its
 * chart's and history's stems, the history's caption), in one buffer:
 * a report has thousands of series, and a chart_text is 2 kB. */
enum { T_UNIT, T_STEM, T_HSTEM, T_HCAPTION, NTEXTS };

typedef struct {
    ft_buf b;
    size_t (*off)[NTEXTS]; /* per item, SIZE_MAX for none */
    size_t n, cap;
} page_texts;

static void page_texts_init(page_texts *k)
{
    memset(k, 0, sizeof *k);
    ft_buf_init(&k->b);
}

static void page_texts_free(page_texts *k)
{
    ft_buf_free(&k->b);
    free(k->off);
}

/* Copy the next item's texts (they point into a scratch chart_text). */
static ft_status page_texts_keep(page_texts *k, const ft_page_item *it)
{
    if (ft_grow((void **)&k->off, &k->cap, k->n, sizeof *k->off, 64) != FT_OK)
        return FT_ENOMEM;
    const char *texts[NTEXTS] = {[T_UNIT] = it->unit,
                                 [T_STEM] = it->stem,
                                 [T_HSTEM] = it->history_stem,
                                 [T_HCAPTION] = it->history_caption};
    for (int t = 0; t < NTEXTS; t++) {
        k->off[k->n][t] = SIZE_MAX;
        if (!texts[t])
            continue;
        k->off[k->n][t] = k->b.len;
        if (ft_buf_append(&k->b, texts[t], strlen(texts[t]) + 1) != FT_OK)
            return FT_ENOMEM;
    }
    k->n++;
    return FT_OK;
}

/* Point items[0..k->n) at their kept texts, once the buffer is whole. */
static void page_texts_aim(const page_texts *k, ft_page_item *items)
{
    for (size_t i = 0; i < k->n; i++) {
        const char *at[NTEXTS];
        for (int t = 0; t < NTEXTS; t++)
            at[t] = k->off[i][t] == SIZE_MAX ? NULL : k->b.data + k->off[i][t];
        items[i].unit = at[T_UNIT];
        items[i].stem = at[T_STEM];
        items[i].history_stem = at[T_HSTEM];
        items[i].history_caption = at[T_HCAPTION];
    }
}

/* The charts and index.html; the files of every chart drawn (or tried:
 * one gnuplot could not draw keeps its earlier picture) go into the
 * manifest, and *page_written says whether the new page is in place, so
 * that the previous one's charts may go. */
static ft_status charts_and_page(const ft_series_set *set,
                                 const ft_report_opts *o, const comparison *cmp,
                                 const char *dir, ft_report_result *res,
                                 ft_manifest *outputs, bool *page_written,
                                 ft_error *err)
{
    size_t n = ft_series_count(set);
    ft_page_item *items = calloc(n + 1, sizeof *items);
    /* Each chart's texts are made in one scratch chart_text (2 kB); what
     * the page needs of them is kept in `kept` (a report has thousands of
     * series). */
    chart_text *t = malloc(sizeof *t);
    page_texts kept;
    page_texts_init(&kept);
    /* Room for a chart and a history per series, the overview and the
     * comparison. */
    ft_chart_stems *stems = ft_chart_stems_new(2 * n);
    const char **keep = calloc(2 * n + 3, sizeof *keep);
    overview ov = {0};
    long cpus = o->gnuplots ? (long)o->gnuplots : sysconf(_SC_NPROCESSORS_ONLN);
    renderer r = {.o = o,
                  .res = res,
                  .failed = FT_OK,
                  .kept = calloc(n + 1, sizeof *r.kept),
                  .kept_room = KEPT_FIGURES,
                  .max = cpus < 1          ? 1
                         : cpus > MAX_JOBS ? MAX_JOBS
                                           : (size_t)cpus};
    size_t nstems = 0;
    ft_status st = FT_OK;
    if (!items || !t || !stems || !keep || !r.kept ||
        pick_overview(set, o->overview_max ? o->overview_max : 6, &ov) !=
            FT_OK) {
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
        goto done;
    }
    if ((st = ft_outfile_batch_new(dir, &r.batch, err)) != FT_OK)
        goto done;
    r.group = group_size(&r, set, &ov, cmp);
    for (size_t i = 0; i < n && st == FT_OK; i++) {
        const ft_series *s = ft_series_at(set, i);
        ft_page_item *it = &items[i];
        memset(t, 0, sizeof *t);
        it->series = s;
        it->scale = ft_chart_scale_for(max_abs(s));
        unit_text(t->unit, sizeof t->unit, it->scale, s->currency, res->kind,
                  res->constant_year);
        it->unit = t->unit;
        st = draw_history(&r, set, i, o, dir, res, t, it, stems, &nstems, keep,
                          err);
        if (st != FT_OK || (r.failed != FT_OK && r.failed != FT_ECANTCREAT))
            break;
        if (s->npoints < 2) {
            st = page_texts_keep(&kept, it);
            continue;
        }
        const char *stem = ft_chart_stems_take(stems, s->name);
        if (!stem) {
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
            break;
        }
        snprintf(t->stem, sizeof t->stem, "%s", stem);
        keep[nstems++] = stem;
        it->stem = t->stem;
        snprintf(t->title, sizeof t->title, "%s, %d–%d", s->name,
                 s->points[0].year, s->points[s->npoints - 1].year);
        char slope[FT_STATS_BUFSZ], r2[FT_STATS_BUFSZ];
        ft_stats_format(s->stats.fit.slope / it->scale.div, 3, 3, slope,
                        sizeof slope);
        ft_stats_format(s->stats.fit.r2, 2, 2, r2, sizeof r2);
        size_t docs = count_docs(s);
        char per_year[120];
        snprintf(per_year, sizeof per_year, "%.40s%s%s %.16s", slope,
                 *it->scale.word ? " " : "", it->scale.word, s->currency);
        snprintf(t->note, sizeof t->note,
                 "Source: %zu news article%s (listed in series.csv). "
                 "Dashed: least-squares trend, %s%s a year%s%.10s%s.",
                 docs, docs == 1 ? "" : "s", s->stats.fit.slope > 0 ? "+" : "",
                 per_year, *r2 ? " (r² " : "", r2, *r2 ? ")" : "");
        ft_chart c = {.dir = dir,
                      .stem = t->stem,
                      .format = o->format,
                      .title = t->title,
                      .ylabel = t->unit,
                      .note = t->note};
        ft_buf_clear(&r.script);
        ft_buf_clear(&r.data);
        if (ft_chart_series_script(&r.script, &c, s) != FT_OK ||
            ft_chart_series_data(&r.data, s, it->scale) != FT_OK) {
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
            break;
        }
        draw(&r, &c, &r.script, &r.data, &it->rendered);
        if (r.failed != FT_OK && r.failed != FT_ECANTCREAT)
            break; /* a write error: no point going on */
        st = page_texts_keep(&kept, it);
    }
    if (st == FT_OK)
        page_texts_aim(&kept, items);
    chart_text ovt = {.stem = "overview"};
    bool ov_rendered = false;
    if (st == FT_OK && ov.n > 0) {
        ft_chart_scale sc = ft_chart_scale_for(ov.max);
        unit_text(ovt.unit, sizeof ovt.unit, sc, ov.list[0]->currency,
                  res->kind, res->constant_year);
        int lo = ov.list[0]->points[0].year, hi = lo;
        for (size_t k = 0; k < ov.n; k++) {
            const ft_series *s = ov.list[k];
            if (s->points[0].year < lo)
                lo = s->points[0].year;
            if (s->points[s->npoints - 1].year > hi)
                hi = s->points[s->npoints - 1].year;
        }
        snprintf(ovt.title, sizeof ovt.title, "Largest series in %s, %d–%d",
                 ov.list[0]->currency, lo, hi);
        snprintf(ovt.note, sizeof ovt.note,
                 "Source: %zu news article%s (listed in series.csv).%s",
                 res->counts.docs, res->counts.docs == 1 ? "" : "s",
                 ov.log ? " Logarithmic scale." : "");
        ft_chart c = {.dir = dir,
                      .stem = ovt.stem,
                      .format = o->format,
                      .title = ovt.title,
                      .ylabel = ovt.unit,
                      .note = ovt.note};
        ft_buf_clear(&r.script);
        ft_buf_clear(&r.data);
        if (ft_chart_overview_script(&r.script, &c, ov.list, ov.n, ov.log) !=
                FT_OK ||
            ft_chart_overview_data(&r.data, ov.list, ov.n, sc) != FT_OK)
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
        else {
            draw(&r, &c, &r.script, &r.data, &ov_rendered);
            keep[nstems++] = "overview";
        }
    }
    chart_text cmpt = {.stem = "compare"};
    bool cmp_rendered = false;
    if (st == FT_OK && cmp->n > 0) {
        st = draw_compare(&r, cmp, o, dir, res, &cmpt, &cmp_rendered, err);
        if (st == FT_OK)
            keep[nstems++] = "compare";
    }
    finish_all(&r);
    if (st == FT_OK && r.failed != FT_OK && r.failed != FT_ECANTCREAT) {
        st = r.failed;
        if (err)
            *err = r.first;
    }
    /* The charts go in place before the page that shows them. */
    if (st == FT_OK) {
        ft_error e;
        ft_status cs = ft_outfile_batch_commit(r.batch, &e);
        if (cs == FT_ECANTCREAT) { /* a FIFO came by a chart's name */
            note_failure(&r, cs, &e);
            for (size_t i = 0; i < n; i++) {
                unplaced(&r, dir, items[i].stem, &items[i].rendered);
                unplaced(&r, dir, items[i].history_stem,
                         &items[i].history_rendered);
            }
            unplaced(&r, dir, ovt.stem, &ov_rendered);
            unplaced(&r, dir, cmpt.stem, &cmp_rendered);
        } else if (cs != FT_OK) {
            st = cs;
            if (err)
                *err = e;
        }
    }
    if (st != FT_OK)
        goto done;

    /* The caller's notes (what a scheduled run changed) come first. */
    char notes[FT_REPORT_NOTES][160], why[240];
    char data_notes[FT_REPORT_SOURCE_NOTES + 1][200];
    const char *note_ptrs[1 + FT_REPORT_NOTES + FT_REPORT_EXTRA_NOTES +
                          FT_REPORT_SOURCE_NOTES + 1];
    size_t nnotes = 0;
    if (ft_report_no_chart(res, why))
        note_ptrs[nnotes++] = why; /* what the reader misses, first */
    for (size_t i = 0; i < o->nextra_notes && i < FT_REPORT_EXTRA_NOTES; i++)
        note_ptrs[nnotes++] = o->extra_notes[i];
    size_t nown = ft_report_notes(res, notes);
    for (size_t i = 0; i < nown; i++)
        note_ptrs[nnotes++] = notes[i];
    size_t ndata = source_notes(o, set, data_notes);
    for (size_t i = 0; i < ndata; i++)
        note_ptrs[nnotes++] = data_notes[i];
    char basis[600], caption[520];
    basis_text(basis, sizeof basis, res, set);
    snprintf(caption, sizeof caption, "%s (%s)%s", ovt.title, ovt.unit,
             ov.log ? ", logarithmic scale" : "");
    ft_page pg = {.title = "figtrend report",
                  .basis = basis,
                  .format = o->format,
                  .overview_stem = ov.n > 0 ? "overview" : NULL,
                  .overview_rendered = ov_rendered,
                  .overview_caption = caption,
                  .items = items,
                  .nitems = n,
                  .notes = note_ptrs,
                  .nnotes = nnotes};
    char cmp_caption[520];
    if (cmp->n > 0) {
        size_t len = (size_t)snprintf(cmp_caption, sizeof cmp_caption,
                                      "%s (%s): ", cmpt.title, cmpt.unit);
        for (size_t k = 0; k < cmp->n && len < sizeof cmp_caption; k++)
            len += (size_t)snprintf(cmp_caption + len, sizeof cmp_caption - len,
                                    "%s%.120s",
                                    k == 0            ? ""
                                    : k + 1 == cmp->n ? " and "
                                                      : ", ",
                                    cmp->list[k]->name);
        pg.compare_stem = "compare";
        pg.compare_rendered = cmp_rendered;
        pg.compare_caption = cmp_caption;
    }
    pg.set = set;
    ft_page_ours *ours = mismatch_ours(o->rates, set);
    pg.mismatch_ours = ours;
    ft_outfile out;
    if ((st = ft_outfile_open(&out, dir, "index.html", err)) == FT_OK) {
        if ((st = ft_page_write(out.fp, &pg, err)) != FT_OK) {
            ft_error_at(err, out.path, 0);
            ft_outfile_abort(&out);
        } else
            st = ft_outfile_commit(&out, err);
    }
    free(ours);
    for (size_t i = 0; i < nstems; i++) {
        static const char *const kinds[] = {"gp", "dat"};
        for (size_t k = 0; k < 2; k++)
            if (ft_manifest_add2(outputs, keep[i], kinds[k]) == FT_ENOMEM)
                st = ft_error_set(err, FT_ENOMEM, "out of memory");
        if (ft_manifest_add2(outputs, keep[i], ft_chart_ext(o->format)) ==
            FT_ENOMEM)
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    if (st == FT_OK) {
        *page_written = true;
        if (r.failed != FT_OK) {
            st = r.failed;
            if (err)
                *err = r.first;
        }
    }
done:
    for (size_t i = 0; r.kept && i < n; i++)
        free(r.kept[i].f);
    free(r.kept);
    ft_outfile_batch_free(r.batch);
    ft_buf_free(&r.script);
    ft_buf_free(&r.data);
    free(ov.list);
    free(items);
    free(t);
    page_texts_free(&kept);
    ft_chart_stems_free(stems);
    free(keep);
    return st;
}

ft_status ft_report_run(const char *const *inputs, size_t n,
                        const ft_report_opts *o, ft_report_result *res,
                        ft_error *err)
{
    memset(res, 0, sizeof *res);
    const char *dir = o->out_dir && *o->out_dir ? o->out_dir : "plots";
    ft_series_set *set = ft_series_set_new(o->value);
    if (!set)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    ft_series_set_countries(set, o->countries);
    ft_series_set_select(set, o->series, o->from, o->to);
    ft_series_set_gdp(set, o->gdp);
    ft_status st = FT_OK;
    ft_xlsx_figures *figs = NULL;
    if (o->xlsx && !(figs = ft_xlsx_figures_new()))
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    for (size_t i = 0; i < n && st == FT_OK; i++)
        st = read_input(set, figs, inputs[i], o, res, err);
    if (st == FT_OK && res->inputs_read == 0)
        st = ft_error_set(err, res->inputs_bad ? FT_EDATA : FT_ENOINPUT,
                          "no figures could be read; nothing written");
    if (st == FT_OK)
        st = ft_series_build(set, err);
    res->counts = *ft_series_counts_of(set);
    res->kind = ft_series_kind(set);
    res->constant_year = ft_series_constant_year(set);
    res->series = ft_series_count(set);
    for (size_t i = 0; i < res->series; i++)
        res->charted += ft_series_at(set, i)->npoints >= 2;
    /* The comparison is checked before anything is written. */
    comparison cmp = {0};
    if (st == FT_OK && o->compare)
        st = pick_compare(set, o->compare, &cmp, err);
    if (st == FT_OK)
        st = make_dir(dir, err);
    ft_manifest *outputs = st == FT_OK ? ft_manifest_new() : NULL;
    if (st == FT_OK && !outputs)
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
    static const char *const tables[] = {"series.csv", "series_wide.csv",
                                         "summary.csv", "index.html"};
    for (size_t i = 0; st == FT_OK && i < 4; i++)
        if (ft_manifest_add(outputs, tables[i]) != FT_OK)
            st = ft_error_set(err, FT_ENOMEM, "out of memory");
    bool bom = o->excel;
    if (st == FT_OK)
        st = write_csv(dir, "series.csv", set, ft_series_write_long, bom, err);
    if (st == FT_OK)
        st = write_csv(dir, "series_wide.csv", set, ft_series_write_wide, bom,
                       err);
    if (st == FT_OK)
        st = write_csv(dir, "summary.csv", set, ft_series_write_summary, bom,
                       err);
    bool page_written = false;
    if (st == FT_OK)
        st = charts_and_page(set, o, &cmp, dir, res, outputs, &page_written,
                             err);
    if ((st == FT_OK || st == FT_ECANTCREAT) && o->xlsx) {
        /* Like a chart, a workbook that cannot be made leaves the rest
         * (and an earlier one, still ours). */
        ft_error xe;
        ft_status xs = ft_manifest_add(outputs, FT_XLSX_NAME);
        if (xs == FT_OK)
            xs = ft_xlsx_write(dir, set, figs, &xe);
        else
            ft_error_set(&xe, xs, "out of memory");
        if (xs != FT_OK && (st == FT_OK || xs != FT_ECANTCREAT)) {
            st = xs;
            if (err)
                *err = xe;
        }
    }
    /* The outputs of earlier reports that this one no longer writes go
     * once its page is in place (until then the old page shows them);
     * a report that failed before keeps the old names with its own. */
    if (outputs) {
        ft_error me;
        ft_status ms = ft_manifest_finish(outputs, dir, page_written,
                                          o->removed, o->removed_ctx, &me);
        if (ms != FT_OK && st == FT_OK) {
            st = ms;
            if (err)
                *err = me;
        }
    }
    if (st == FT_OK || st == FT_ECANTCREAT)
        ft_outfile_sync_dir(dir);
    ft_manifest_free(outputs);
    ft_xlsx_figures_free(figs);
    ft_series_set_free(set);
    return st;
}
