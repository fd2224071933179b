/* chart.c — gnuplot scripts and data for series, rendered by posix_spawnp. */
#include "chart.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "outfile.h"

extern char **environ;

/* The first line of every script: who wrote it. */
#define MARKER "# figtrend chart"

const char *ft_chart_ext(ft_chart_format f)
{
    switch (f) {
    case FT_CHART_PNG:
        return "png";
    case FT_CHART_PDF:
        return "pdf";
    case FT_CHART_SVG:
        break;
    }
    return "svg";
}

/* ---- labels --------------------------------------------------------- */

ft_status ft_chart_label(ft_buf *out, const char *s, size_t max_bytes)
{
    ft_buf clean;
    ft_buf_init(&clean);
    const char *p = s ? s : "";
    size_t n = strlen(p);
    /* Most labels are well-formed: read as they are, with no copy. */
    if (!ft_text_utf8_valid(p, n, NULL)) {
        if (ft_text_scrub(&clean, p, n) != FT_OK) {
            ft_buf_free(&clean);
            return FT_ENOMEM;
        }
        p = clean.data;
        n = clean.len;
    }
    size_t start = out->len;
    ft_status st = FT_OK;
    bool space = true; /* drops leading spaces, folds runs */
    for (size_t i = 0; i < n && st == FT_OK;) {
        /* A run of printable ASCII with no space or quote: as it is, in
         * one append. */
        size_t run = 0;
        while (i + run < n && p[i + run] > ' ' && p[i + run] < 0x7f &&
               p[i + run] != '"')
            run++;
        if (run) {
            st = ft_buf_append(out, p + i, run);
            space = false;
            i += run;
            continue;
        }
        unsigned char c = (unsigned char)p[i];
        size_t len = c < 0x80 ? 1 : ft_text_utf8_len(p + i, n - i);
        if (len == 0)
            len = 1; /* cannot happen after scrubbing */
        bool blank = c < 0x20 || c == 0x7f || c == ' ' ||
                     (len == 2 && memcmp(p + i, "\xC2\x85", 2) == 0) ||
                     (len == 3 && (memcmp(p + i, "\xE2\x80\xA8", 3) == 0 ||
                                   memcmp(p + i, "\xE2\x80\xA9", 3) == 0));
        if (blank) {
            if (!space)
                st = ft_buf_putc(out, ' ');
            space = true;
        } else {
            st = c == '"' ? ft_buf_putc(out, '\'')
                          : ft_buf_append(out, p + i, len);
            space = false;
        }
        i += len;
    }
    ft_buf_free(&clean);
    if (st != FT_OK)
        return st;
    if (out->len > start && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    if (max_bytes >= 4 && out->len - start > max_bytes) {
        /* Cut on a character boundary, leaving room for "…". */
        size_t cut = start + max_bytes - 3;
        while (cut > start && ((unsigned char)out->data[cut] & 0xC0) == 0x80)
            cut--;
        while (cut > start && out->data[cut - 1] == ' ')
            cut--;
        out->len = cut;
        out->data[cut] = '\0';
        st = ft_buf_append(out, "\xE2\x80\xA6", 3);
    }
    return st;
}

size_t ft_chart_wrap(char *s, size_t cols)
{
    if (!*s)
        return 0;
    size_t lines = 1, col = 0, since_space = 0;
    char *space = NULL; /* the line's last space: where it can break */
    for (char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) == 0x80)
            continue; /* inside a character */
        col++;
        if (*p == ' ') {
            space = p;
            since_space = 0;
            continue;
        }
        since_space++;
        if (col > cols && space) {
            *space = '\n';
            lines++;
            col = since_space;
            space = NULL;
        }
    }
    return lines;
}

void ft_chart_slug(const char *s, char *out, size_t n)
{
    size_t k = 0;
    bool dash = false;
    if (n == 0)
        return;
    for (; s && *s && k + 1 < n; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && k > 0 && k + 2 < n)
                out[k++] = '-';
            dash = false;
            out[k++] = c;
        } else
            dash = true;
    }
    out[k] = '\0';
}

ft_chart_scale ft_chart_scale_for(double max_abs)
{
    static const ft_chart_scale units[] = {{1e12, "trillion"},
                                           {1e9, "billion"},
                                           {1e6, "million"},
                                           {1e3, "thousand"}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (max_abs >= units[i].div)
            return units[i];
    return (ft_chart_scale){1, ""};
}

/* ---- numbers ------------------------------------------------------------- */

/* The decimal digits of u, ending at end; returns where they start. */
static char *digits_before(char *end, uint64_t u)
{
    do {
        *--end = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    return end;
}

/* p + e (e: fma's remainder of the product p, |p| < 2^52) rounded to an
 * integer as printf rounds a double's exact value: to nearest, ties to
 * even.  TwoSum gives the fraction a + e exactly, as s + t. */
static double round_exact(double p, double e)
{
    double n = nearbyint(p), a = p - n; /* exact: n is next to p */
    double s = a + e, bb = s - a;
    double t = (a - (s - bb)) + (e - bb);
    bool odd = (int64_t)n % 2 != 0;
    if (s > 0.5 || (s == 0.5 && (t > 0 || (t == 0 && odd))))
        return n + 1;
    if (s < -0.5 || (s == -0.5 && (t < 0 || (t == 0 && odd))))
        return n - 1;
    return n;
}

size_t ft_chart_num(double v, int sig, int max_decimals, char *buf, size_t n)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5,
                                   1e6, 1e7, 1e8, 1e9, 1e10};
    if (!isfinite(v) || fabs(v) >= 1e300 || fabs(v) < 1e-200 || n < 48)
        return ft_stats_format(v, sig, max_decimals, buf, n);
    /* ft_stats_format's steps (the same log10, pow and round) up to its
     * printf. */
    int s = sig < 1 ? 1 : sig, most = max_decimals < 0 ? 0 : max_decimals;
    int decimals = 0, mag = (int)floor(log10(fabs(v))), k = mag - s + 1;
    double w = v;
    if (k > 0) {
        double p = pow(10, k);
        w = round(w / p) * p; /* an integer */
    } else
        decimals = -k < most ? -k : most;
    /* Its digits as an integer, w * 10^decimals rounded, in 52 bits. */
    if (decimals >= (int)(sizeof pow10 / sizeof *pow10))
        return ft_stats_format(v, sig, max_decimals, buf, n);
    double unit = pow10[decimals], p = w * unit;
    if (fabs(p) >= 0x1p52)
        return ft_stats_format(v, sig, max_decimals, buf, n);
    double r = round_exact(p, fma(w, unit, -p));
    uint64_t u = (uint64_t)fabs(r), frac = u % (uint64_t)unit;
    char tmp[48], *end = tmp + sizeof tmp, *q = end;
    int fdigits = decimals;
    for (; fdigits > 0 && frac % 10 == 0; fdigits--) /* no trailing zeros */
        frac /= 10;
    for (int i = 0; i < fdigits; i++, frac /= 10)
        *--q = (char)('0' + frac % 10);
    if (fdigits > 0)
        *--q = '.';
    q = digits_before(q, u / (uint64_t)unit);
    if (r < 0) /* "-0" is written "0" */
        *--q = '-';
    size_t len = (size_t)(end - q);
    memcpy(buf, q, len);
    buf[len] = '\0';
    return len;
}

/* ---- text building ----------------------------------------------------- */

/* Numbers and fixed text only: nothing from the input comes through
 * here into a script. */
static ft_status bprintf(ft_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static ft_status bprintf(ft_buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return FT_ENOMEM;
    return ft_buf_append(b, tmp, (size_t)n);
}

static ft_status put(ft_buf *b, const char *s)
{
    return ft_buf_append(b, s, strlen(s));
}

static ft_status put_num(ft_buf *b, double v, int sig, int decimals)
{
    char num[FT_STATS_BUFSZ];
    size_t n = ft_chart_num(v, sig, decimals, num, sizeof num);
    if (n == 0)
        return ft_buf_append(b, "NaN", 3);
    return ft_buf_append(b, num, n);
}

/* Year ticks a phone-sized chart can hold side by side: at most about
 * eight labels, since each is two and a half letters wide in a chart some
 * thirty letters wide (see terminal()). */
static int tic_step(int span)
{
    return span <= 7     ? 1
           : span <= 14  ? 2
           : span <= 35  ? 5
           : span <= 70  ? 10
           : span <= 175 ? 25
                         : 50;
}

/* The picture's size and its text size go together: the page scales a
 * chart to the width of the screen, so on a phone (390 px wide, about 356
 * px for the chart) every letter shrinks by 356 / width.  A chart 540 wide
 * with 17 px text keeps that text at 11.2 px there (readable) and at about
 * 21 px at the page's widest.  The height grows by a line (LINE_PX, a
 * gnuplot "character" at 17 px) for each line of title, legend and note,
 * so a long legend never squeezes the plot. */
#define FT_CHART_SVG_W 540
#define FT_CHART_BASE_H 260
#define FT_CHART_FONT 17
#define LINE_PX 26
/* Characters a line holds: the title (19 px) and the note (17 px) are
 * wrapped to these, about nine tenths of the chart's width. */
#define TITLE_COLS 44
#define NOTE_COLS 50
/* A series' name in the overview's legend, in bytes: with its sample the
 * line fits the chart's width. */
#define KEY_BYTES 42

static char *arg_label(const char *s, size_t cols);

/* How many lines s takes once wrapped the way it reaches gnuplot. */
static size_t label_lines(const char *s, size_t cols)
{
    char *t = arg_label(s, cols);
    size_t n = t ? ft_chart_wrap(t, cols) : 1;
    free(t);
    return n ? n : 1;
}

static ft_status terminal(ft_buf *b, ft_chart_format f, int height)
{
    switch (f) {
    case FT_CHART_PNG: /* the SVG at twice its size, for sharp screens:
                        * cairo's points are 4/3 px, so 2 * 17 px is 25.5 pt */
        return bprintf(b,
                       "set terminal pngcairo size %d,%d font \"Sans,%.1f\" "
                       "linewidth 2 pointscale 2 background rgb \"white\"\n",
                       2 * FT_CHART_SVG_W, 2 * height,
                       2 * FT_CHART_FONT * 0.75);
    case FT_CHART_PDF: /* read full size from its link: points, not px */
        return bprintf(b,
                       "set terminal pdfcairo size %.2fin,%.2fin "
                       "font \"Sans,10\"\n",
                       FT_CHART_SVG_W / 60.0, height / 60.0);
    case FT_CHART_SVG:
        break;
    }
    return bprintf(b,
                   "set terminal svg size %d,%d font \"sans-serif,%d\" "
                   "background rgb \"white\"\n",
                   FT_CHART_SVG_W, height, FT_CHART_FONT);
}

/* The title's size in the terminal's units: a little larger than its
 * text (19 px over 17 in the SVG). */
static double title_size(ft_chart_format f)
{
    switch (f) {
    case FT_CHART_PNG:
        return 2 * 19 * 0.75;
    case FT_CHART_PDF:
        return 12;
    case FT_CHART_SVG:
        break;
    }
    return 19;
}

/* What every script starts with: the marker, how to run it, where its
 * data is, the terminal, the picture and the labels (ARG1..ARG4), and the
 * year axis. */
static ft_status preamble(ft_buf *b, const ft_chart *c, int first, int last,
                          int key_lines)
{
    size_t title = label_lines(c->title, TITLE_COLS);
    size_t note = label_lines(c->note, NOTE_COLS);
    int height =
        FT_CHART_BASE_H + (int)(title + (size_t)key_lines + note + 4) * LINE_PX;
    ft_status st = bprintf(
        b,
        MARKER ": %s, written by figtrend report (rewritten on each run).\n"
               "# Render: gnuplot -c %s.gp TITLE YLABEL NOTE OUTPUT\n"
               "# Text reaches gnuplot only as ARG1..ARG3 and from %s.dat, "
               "never as code.\n",
        c->stem, c->stem, c->stem);
    if (st == FT_OK)
        st = put(b, "if (ARGC < 4) {\n"
                    "    print \"usage: gnuplot -c CHART.gp TITLE YLABEL NOTE "
                    "OUTPUT\"\n"
                    "    exit status 2\n"
                    "}\n"
                    "data = ARG0[1:strlen(ARG0) - 3] . \".dat\"\n"
                    "set encoding utf8\n");
    if (st == FT_OK)
        st = terminal(b, c->format, height);
    /* Under the year labels, from the top: the legend (key_lines lines,
     * where it hides no point), then the note (note lines, its first
     * line's baseline given); the bottom margin holds them all. */
    if (st == FT_OK)
        st = bprintf(b,
                     "set termoption noenhanced\n"
                     "set output ARG4\n"
                     "set title ARG1 font \",%g\"\n"
                     "set ylabel ARG2\n"
                     "set label 1 ARG3 at character 1, character %.1f left "
                     "textcolor rgb \"#555555\"\n"
                     "set bmargin %.1f\n"
                     "set key at character 1, character %.1f left top "
                     "Left reverse maxcols 1\n",
                     title_size(c->format), (double)note - 0.4,
                     2.4 + key_lines + note + 0.3,
                     (double)(note + key_lines) + 0.3);
    if (st == FT_OK)
        st = put(b, "set datafile separator \"\\t\"\n"
                    "set border 3\n"
                    "set xtics nomirror\n"
                    "set ytics nomirror\n"
                    "set grid ytics linecolor rgb \"#dddddd\"\n"
                    "set format x \"%.0f\"\n");
    if (st == FT_OK)
        st = bprintf(b, "set xrange [%d.5:%d.5]\nset xtics %d\n", first - 1,
                     last, tic_step(last - first));
    return st;
}

static bool any_negative(const ft_series *const *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < s[k]->npoints; i++)
            if (s[k]->points[i].value < 0)
                return true;
    return false;
}

ft_status ft_chart_series_data(ft_buf *out, const ft_series *s,
                               ft_chart_scale scale)
{
    ft_status st = put(out, "# year\tvalue\tlabel\ttrend\n");
    if (s->npoints == 0)
        return st;
    const ft_stats_fit *fit = &s->stats.fit;
    size_t j = 0;
    for (int y = s->points[0].year;
         st == FT_OK && y <= s->points[s->npoints - 1].year; y++) {
        double v = NAN;
        if (j < s->npoints && s->points[j].year == y)
            v = s->points[j++].value / scale.div;
        double trend = (fit->intercept + fit->slope * y) / scale.div;
        if ((st = bprintf(out, "%d\t", y)) == FT_OK &&
            (st = put_num(out, v, 10, 6)) == FT_OK &&
            (st = ft_buf_putc(out, '\t')) == FT_OK &&
            (isnan(v) || (st = put_num(out, v, 4, 3)) == FT_OK) &&
            (st = ft_buf_putc(out, '\t')) == FT_OK &&
            (st = put_num(out, trend, 10, 6)) == FT_OK)
            st = ft_buf_putc(out, '\n');
    }
    return st;
}

ft_status ft_chart_series_script(ft_buf *out, const ft_chart *c,
                                 const ft_series *s)
{
    int first = s->npoints ? s->points[0].year : 0;
    int last = s->npoints ? s->points[s->npoints - 1].year : 0;
    /* The legend above the plot, where it hides no point. */
    ft_status st = preamble(out, c, first, last, 1);
    if (st == FT_OK)
        st = put(out, any_negative(&s, 1) ? "set yrange [*:*]\n"
                                          : "set yrange [0:*]\n");
    if (st == FT_OK)
        st =
            put(out, "set offsets 0, 0, graph 0.12, 0\n"
                     "set key horizontal maxcols 2\n"
                     "set style line 1 linecolor rgb \"#1f5fa8\" linewidth 2 "
                     "pointtype 7 pointsize 1.1\n"
                     "set style line 2 linecolor rgb \"#c0392b\" linewidth 1.5 "
                     "dashtype 2\n"
                     "plot data using 1:2 with linespoints linestyle 1 "
                     "title \"reported\", \\\n");
    /* Each point's value over it while the labels fit side by side (the
     * page's table under the chart has them all). */
    if (st == FT_OK && last - first <= 7)
        st = put(out, "     data using 1:2:3 with labels offset 0, 1.1 "
                      "notitle, \\\n");
    if (st == FT_OK)
        st = put(out, "     data using 1:4 with lines linestyle 2 "
                      "title \"linear trend\"\n");
    return st;
}

ft_status ft_chart_overview_data(ft_buf *out, const ft_series *const *s,
                                 size_t n, ft_chart_scale scale)
{
    ft_status st = put(out, "year");
    int lo = 0, hi = -1;
    for (size_t k = 0; k < n && st == FT_OK; k++) {
        if ((st = ft_buf_putc(out, '\t')) != FT_OK)
            break;
        size_t before = out->len;
        if ((st = ft_chart_label(out, s[k]->name, KEY_BYTES)) != FT_OK)
            break;
        if (out->len == before)
            st = put(out, "?");
        const ft_series *se = s[k];
        if (se->npoints == 0)
            continue;
        if (hi < lo || se->points[0].year < lo)
            lo = se->points[0].year;
        if (se->points[se->npoints - 1].year > hi)
            hi = se->points[se->npoints - 1].year;
    }
    if (st == FT_OK)
        st = ft_buf_putc(out, '\n');
    size_t *at = calloc(n + 1, sizeof *at);
    if (!at)
        return FT_ENOMEM;
    for (int y = lo; y <= hi && st == FT_OK; y++) {
        st = bprintf(out, "%d", y);
        for (size_t k = 0; k < n && st == FT_OK; k++) {
            double v = NAN;
            if (at[k] < s[k]->npoints && s[k]->points[at[k]].year == y)
                v = s[k]->points[at[k]++].value / scale.div;
            if ((st = ft_buf_putc(out, '\t')) == FT_OK)
                st = put_num(out, v, 10, 6);
        }
        if (st == FT_OK)
            st = ft_buf_putc(out, '\n');
    }
    free(at);
    return st;
}

ft_status ft_chart_overview_script(ft_buf *out, const ft_chart *c,
                                   const ft_series *const *s, size_t n,
                                   bool log)
{
    int lo = 0, hi = -1;
    for (size_t k = 0; k < n; k++) {
        if (s[k]->npoints == 0)
            continue;
        if (hi < lo || s[k]->points[0].year < lo)
            lo = s[k]->points[0].year;
        if (s[k]->points[s[k]->npoints - 1].year > hi)
            hi = s[k]->points[s[k]->npoints - 1].year;
    }
    /* The legend above the plot, a line a series: over the plot it would
     * hide points. */
    ft_status st = preamble(out, c, lo, hi, (int)n);
    if (st == FT_OK)
        st = put(out, log ? "set logscale y\nset yrange [*:*]\n"
                      : any_negative(s, n) ? "set yrange [*:*]\n"
                                           : "set yrange [0:*]\n");
    if (st == FT_OK)
        st = put(out, "set offsets 0, 0, graph 0.08, 0\n"
                      "set key vertical\n"
                      "set style line 1 linecolor rgb \"#1f5fa8\" linewidth 2 "
                      "pointtype 7\n"
                      "set style line 2 linecolor rgb \"#c0392b\" linewidth 2 "
                      "pointtype 5\n"
                      "set style line 3 linecolor rgb \"#27ae60\" linewidth 2 "
                      "pointtype 9\n"
                      "set style line 4 linecolor rgb \"#8e44ad\" linewidth 2 "
                      "pointtype 11\n"
                      "set style line 5 linecolor rgb \"#d68910\" linewidth 2 "
                      "pointtype 13\n"
                      "set style line 6 linecolor rgb \"#566573\" linewidth 2 "
                      "pointtype 15\n");
    if (st == FT_OK)
        st = bprintf(out,
                     "plot for [i=2:%zu] data using 1:i with linespoints "
                     "linestyle ((i - 2) %% 6 + 1) title columnheader(i)\n",
                     n + 1);
    return st;
}

/* ---- figure histories -------------------------------------------------- */

bool ft_chart_history_dated(const ft_series_figure *f)
{
    const char *d = f->published;
    for (int i = 0; i < 10; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
            return false;
    }
    return d[10] == '\0';
}

static int by_year_then_date(const void *pa, const void *pb)
{
    const ft_series_figure *a = *(const ft_series_figure *const *)pa;
    const ft_series_figure *b = *(const ft_series_figure *const *)pb;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    /* A set hands out each string once: the same pointer, mostly. */
    int c =
        a->published == b->published ? 0 : strcmp(a->published, b->published);
    if (c)
        return c;
    if (a->doc != b->doc && (c = strcmp(a->doc, b->doc)))
        return c;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

/* The dated figures, by year then date; NULL when out of memory. */
static const ft_series_figure **history_order(const ft_series_figure *f,
                                              size_t n, size_t *m)
{
    const ft_series_figure **o = malloc((n ? n : 1) * sizeof *o);
    *m = 0;
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (ft_chart_history_dated(&f[i]))
            o[(*m)++] = &f[i];
    qsort(o, *m, sizeof *o, by_year_then_date);
    return o;
}

ft_status ft_chart_history_data(ft_buf *out, const ft_series_figure *f,
                                size_t n, ft_chart_scale scale)
{
    size_t m;
    const ft_series_figure **o = history_order(f, n, &m);
    if (!o)
        return FT_ENOMEM;
    ft_status st = put(out, "# published\tvalue\tyear\tarticle\n");
    /* A year's figures mostly repeat one value: the year's cell and the
     * last value's are formatted once, and reused while they hold. */
    char year[16] = "", num[FT_STATS_BUFSZ];
    size_t year_len = 0, num_len = 0;
    double last = NAN;
    for (size_t i = 0; i < m && st == FT_OK; i++) {
        if (i > 0 && o[i]->year != o[i - 1]->year)
            st = put(out, "\n\n");
        if (i == 0 || o[i]->year != o[i - 1]->year)
            year_len =
                (size_t)snprintf(year, sizeof year, "\t%d\t", o[i]->year);
        double v = o[i]->value / scale.div;
        if (!(v == last)) { /* NaN: formatted each time, as "NaN" */
            num_len = ft_chart_num(v, 10, 6, num, sizeof num);
            if (num_len == 0) { /* as put_num */
                memcpy(num, "NaN", 3);
                num_len = 3;
            }
            last = v;
        }
        if (st == FT_OK) /* checked digits */
            st = ft_buf_append(out, o[i]->published, 10);
        if (st == FT_OK)
            st = ft_buf_putc(out, '\t');
        if (st == FT_OK)
            st = ft_buf_append(out, num, num_len);
        if (st == FT_OK)
            st = ft_buf_append(out, year, year_len);
        if (st == FT_OK)
            st = ft_chart_label(out, o[i]->doc, 60);
        if (st == FT_OK)
            st = ft_buf_putc(out, '\n');
    }
    free(o);
    return st;
}

ft_status ft_chart_history_script(ft_buf *out, const ft_chart *c,
                                  const ft_series_figure *f, size_t n)
{
    size_t m;
    const ft_series_figure **o = history_order(f, n, &m);
    if (!o)
        return FT_ENOMEM;
    int first = m ? o[0]->year : 0, last = m ? o[m - 1]->year : 0;
    int years = 0; /* the legend: a line per year, and its title */
    for (size_t i = 0; i < m; i++)
        years += i == 0 || o[i]->year != o[i - 1]->year;
    ft_status st = preamble(out, c, first, last, years + 1);
    /* The preamble's axis is of years: this one is of dates. */
    if (st == FT_OK)
        st = put(out,
                 "set xdata time\n"
                 "set timefmt \"%Y-%m-%d\"\n"
                 "set format x \"%Y\"\n"
                 "set xrange [*:*]\n"
                 "set xtics autofreq\n"
                 "set rmargin 4\n"
                 "set xlabel \"article published\"\n"
                 "set offsets graph 0.05, graph 0.05, graph 0.12, 0\n"
                 "set key title \"figure for\"\n"
                 "set style line 1 linecolor rgb \"#1f5fa8\" pointtype 7\n"
                 "set style line 2 linecolor rgb \"#c0392b\" pointtype 5\n"
                 "set style line 3 linecolor rgb \"#27ae60\" pointtype 9\n"
                 "set style line 4 linecolor rgb \"#8e44ad\" pointtype 11\n"
                 "set style line 5 linecolor rgb \"#d68910\" pointtype 13\n"
                 "set style line 6 linecolor rgb \"#566573\" pointtype 15\n"
                 "set style line 7 linecolor rgb \"#17a589\" pointtype 4\n"
                 "set style line 8 linecolor rgb \"#a04000\" pointtype 6\n");
    /* The axis fits the figures, not zero: the question is how far
     * apart they are. */
    if (st == FT_OK)
        st = put(out, "set yrange [*:*]\n");
    if (st == FT_OK)
        st = put(out, "plot");
    size_t block = 0;
    for (size_t i = 0; i < m && st == FT_OK; i++) {
        if (i > 0 && o[i]->year == o[i - 1]->year)
            continue;
        /* Eight colours and fourteen markers: no two of 56 years alike. */
        static const int marker[] = {7, 5, 9,  11, 13, 15, 4,
                                     6, 8, 10, 12, 14, 1,  2};
        st = bprintf(out,
                     "%s data index %zu using 1:2 with linespoints "
                     "linestyle %zu pointtype %d linewidth 1 pointsize 1.2 "
                     "title \"%d\"",
                     block ? ", \\\n    " : "", block, block % 8 + 1,
                     marker[block % (sizeof marker / sizeof *marker)],
                     o[i]->year);
        block++;
    }
    if (st == FT_OK)
        st = put(out, block ? "\n" : " NaN notitle\n");
    free(o);
    return st;
}

/* ---- files --------------------------------------------------------------- */

static ft_status write_file(const char *dir, const char *name,
                            const ft_buf *text, ft_error *err)
{
    ft_outfile o;
    ft_status st = ft_outfile_open(&o, dir, name, err);
    if (st != FT_OK)
        return st;
    if (text->len && fwrite(text->data, 1, text->len, o.fp) != text->len) {
        ft_error_set(err, FT_EIO, "write error: %s", strerror(errno));
        ft_error_at(err, o.path, 0);
        ft_outfile_abort(&o);
        return FT_EIO;
    }
    return ft_outfile_commit(&o, err);
}

static ft_status file_name(char *out, size_t n, const char *stem,
                           const char *ext, ft_error *err)
{
    int k = snprintf(out, n, "%s.%s", stem, ext);
    if (k < 0 || (size_t)k >= n)
        return ft_error_set(err, FT_ECANTCREAT, "chart name too long");
    return FT_OK;
}

/* The file name of c, with its text, into its batch or its folder. */
static ft_status put_file(const ft_chart *c, const char *name,
                          const ft_buf *text, ft_error *err)
{
    if (c->batch)
        return ft_outfile_batch_write(c->batch, name, text->data, text->len,
                                      err);
    return write_file(c->dir, name, text, err);
}

ft_status ft_chart_write(const ft_chart *c, const ft_buf *script,
                         const ft_buf *data, ft_error *err)
{
    char name[256];
    ft_status st = file_name(name, sizeof name, c->stem, "dat", err);
    if (st == FT_OK)
        st = put_file(c, name, data, err);
    if (st == FT_OK)
        st = file_name(name, sizeof name, c->stem, "gp", err);
    if (st == FT_OK)
        st = put_file(c, name, script, err);
    return st;
}

/* A label as one gnuplot argument, in fresh memory (NULL: no memory). */
static char *arg_label(const char *s, size_t cols)
{
    ft_buf b;
    ft_buf_init(&b);
    if (ft_chart_label(&b, s, FT_CHART_LABEL_MAX) != FT_OK ||
        ft_buf_putc(&b, '\0') != FT_OK) {
        ft_buf_free(&b);
        return NULL;
    }
    if (cols)
        ft_chart_wrap(b.data, cols);
    return b.data; /* the buffer's storage becomes the string */
}

/* A path gnuplot cannot take for anything but a file, in fresh memory:
 * "./" in front of a relative one ("|cmd" and "<cmd" would be pipes). */
static char *plain_path(const char *p)
{
    if (!p)
        return NULL;
    if (p[0] == '/' || (p[0] == '.' && p[1] == '/'))
        return strdup(p);
    return ft_outfile_join(".", p);
}

typedef struct ft_chart_group ft_chart_group;

/* A gnuplot at work on one picture. */
struct ft_chart_job {
    pid_t pid;
    FILE *errf;     /* its standard error: a temporary file, not a pipe,
                       so that several can run without being read; made
                       only when it is drawn alone (spawn_one), so that a
                       queue of prepared charts holds no open file */
    ft_outfile pic; /* the picture, drawn to pic.tmp inside `own` (or
                       the batch's folder) */
    char *own;      /* DIR/FT_OUTFILE_PRIVATE_PREFIX + 6 characters: made for
                       this picture alone (mode 0700), removed with the
                       job; ft_outfile_sweep removes one a kill left */
    ft_outfile_batch *batch; /* the chart's, which takes the picture */
    char *name;              /* the picture's file name, for the batch */
    ft_chart_format format;
    char *program, *script;
    char *shown; /* DIR/STEM.gp, the script as the user will find it */
    /* gnuplot's arguments after the script, kept until it is started */
    char *title, *ylabel, *note, *pic_arg;
    bool started;          /* a gnuplot of its own was started (pid) */
    ft_chart_group *group; /* else the group drawing it, or NULL */
    size_t member;         /* its place in the group */
};

/* One gnuplot drawing several charts in turn (ft_chart_render_group). */
struct ft_chart_group {
    pid_t pid;   /* 0 when it could not be started */
    bool waited; /* pid reaped, every member's outcome read */
    size_t refs; /* members not finished yet */
    size_t n;    /* members */
    bool *drawn; /* member i's script ran to its end */
    FILE *out;   /* what it printed (a scratch file) */
};

static void group_release(ft_chart_group *g)
{
    if (!g || --g->refs > 0)
        return;
    if (g->pid > 0 && !g->waited)
        while (waitpid(g->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    if (g->out)
        fclose(g->out);
    free(g->drawn);
    free(g);
}

static void job_free(ft_chart_job *j)
{
    if (!j)
        return;
    if (j->errf)
        fclose(j->errf);
    ft_outfile_abort(&j->pic); /* a no-op once committed */
    if (j->own) {
        rmdir(j->own);
        free(j->own);
    }
    free(j->name);
    free(j->program);
    free(j->script);
    free(j->shown);
    free(j->title);
    free(j->ylabel);
    free(j->note);
    free(j->pic_arg);
    group_release(j->group);
    free(j);
}

/* Whether the file at path ends as a whole picture of format f does:
 * gnuplot exits 0 even when its write failed (a full disk), leaving a
 * picture cut anywhere, so its exit status alone cannot say.  SVG ends
 * with "</svg>", PDF with "%%EOF" (either perhaps followed by white
 * space), PNG with its IEND chunk. */
bool ft_chart_picture_whole(const char *path, ft_chart_format f)
{
    static const unsigned char iend[] = {0,   0,   0,    0,    'I',  'E',
                                         'N', 'D', 0xAE, 0x42, 0x60, 0x82};
    unsigned char tail[64];
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    ssize_t got = -1;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0) {
        off_t from = sb.st_size > (off_t)sizeof tail
                         ? sb.st_size - (off_t)sizeof tail
                         : 0;
        got = pread(fd, tail, sizeof tail, from);
    }
    close(fd);
    if (got <= 0)
        return false;
    size_t n = (size_t)got;
    if (f == FT_CHART_PNG)
        return n >= sizeof iend &&
               memcmp(tail + n - sizeof iend, iend, sizeof iend) == 0;
    while (n > 0 && (tail[n - 1] == ' ' || tail[n - 1] == '\n' ||
                     tail[n - 1] == '\r' || tail[n - 1] == '\t'))
        n--;
    const char *end = f == FT_CHART_PDF ? "%%EOF" : "</svg>";
    size_t el = strlen(end);
    return n >= el && memcmp(tail + n - el, end, el) == 0;
}

/* The first line of what gnuplot complained, into msg. */
static void complaint(FILE *f, char *msg, size_t n)
{
    msg[0] = '\0';
    if (!f || fseek(f, 0, SEEK_SET) != 0)
        return;
    size_t got = fread(msg, 1, n - 1, f);
    msg[got] = '\0';
    char *p = msg;
    while (*p == '\n' || *p == ' ')
        p++;
    memmove(msg, p, strlen(p) + 1);
    char *nl = strchr(msg, '\n');
    if (nl)
        *nl = '\0';
}

/* gnuplot opens its picture by name, so the name is in a folder made
 * for it alone: in the output folder (the rename stays on one file
 * system), by mkdtemp (a fresh name, mode 0700), so that no one else
 * can put a symlink where gnuplot writes.  j->pic is then the picture
 * in that folder (gnuplot writes it; fp stays NULL) and its final
 * name DIR/NAME. */
static ft_status private_folder(ft_chart_job *j, const char *dir,
                                const char *name, ft_error *err)
{
    j->pic.fp = NULL;
    j->pic.tmp = NULL;
    if (!(j->own = ft_outfile_join(dir, FT_OUTFILE_PRIVATE_PREFIX "XXXXXX")) ||
        !(j->pic.path = ft_outfile_join(dir, name)))
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (!mkdtemp(j->own)) {
        ft_error_set(err, FT_ECANTCREAT, "cannot create a folder here: %s",
                     strerror(errno));
        ft_error_at(err, j->pic.path, 0);
        free(j->own);
        j->own = NULL;
        return FT_ECANTCREAT;
    }
    if (!(j->pic.tmp = ft_outfile_join(j->own, name)))
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    return FT_OK;
}

/* The same in the batch's private folder, which holds the chart's
 * script and data too: j->pic is the picture there, to be taken into
 * the batch.  Something not a regular file by the picture's final name
 * fails the chart now, before gnuplot runs. */
static ft_status batch_picture(ft_chart_job *j, ft_outfile_batch *b,
                               const char *dir, const char *name, ft_error *err)
{
    j->pic.fp = NULL;
    j->batch = b;
    if (!(j->name = strdup(name)) ||
        !(j->pic.path = ft_outfile_join(dir, name)) ||
        !(j->pic.tmp = ft_outfile_join(ft_outfile_batch_dir(b), name)))
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    return ft_outfile_check(j->pic.path, err);
}

/* Start a gnuplot of its own for j: FT_ECANTCREAT when it cannot be. */
static ft_status spawn_one(ft_chart_job *j, ft_error *err)
{
    /* gnuplot's messages go to a scratch file in $TMPDIR, closed on exec:
     * only the gnuplot it is for gets it (as its stderr) */
    const char *tmpdir = "";
    if (!(j->errf = ft_outfile_scratch("gnuplot", &tmpdir)))
        return ft_error_set(
            err, FT_ECANTCREAT,
            "no temporary file for gnuplot's messages in %s: %s", tmpdir,
            strerror(errno));
    /* -d: without the user's ~/.gnuplot and the system gnuplotrc, which
     * gnuplot reads first otherwise: an init file could change the
     * terminal or the output, or run commands, before our script. */
    char *argv[] = {j->program, "-d",    "-c",       j->script, j->title,
                    j->ylabel,  j->note, j->pic_arg, NULL};
    posix_spawn_file_actions_t fa;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc == 0) {
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, fileno(j->errf), 2);
        rc = posix_spawnp(&j->pid, j->program, &fa, NULL, argv, environ);
        posix_spawn_file_actions_destroy(&fa);
    }
    if (rc != 0)
        return ft_error_set(err, FT_ECANTCREAT, "cannot run %s: %s", j->program,
                            strerror(rc));
    j->started = true;
    return FT_OK;
}

ft_status ft_chart_render_start(const ft_chart *c, const char *gnuplot,
                                ft_chart_job **out, ft_error *err)
{
    ft_status st = ft_chart_render_prepare(c, gnuplot, out, err);
    if (st == FT_OK && (st = spawn_one(*out, err)) != FT_OK) {
        job_free(*out);
        *out = NULL;
    }
    return st;
}

ft_status ft_chart_render_prepare(const ft_chart *c, const char *gnuplot,
                                  ft_chart_job **out, ft_error *err)
{
    *out = NULL;
    char name[256];
    ft_status st = file_name(name, sizeof name, c->stem, "gp", err);
    if (st != FT_OK)
        return st;
    ft_chart_job *j = calloc(1, sizeof *j);
    char *joined = ft_outfile_join(c->dir, name);
    /* With a batch, gnuplot runs the script in its private folder. */
    char *drawn =
        c->batch ? ft_outfile_join(ft_outfile_batch_dir(c->batch), name) : NULL;
    char *title = arg_label(c->title, TITLE_COLS),
         *ylabel = arg_label(c->ylabel, 0),
         *note = arg_label(c->note, NOTE_COLS), *pic = NULL;
    if (j) {
        j->format = c->format;
        j->program = strdup(gnuplot ? gnuplot : "gnuplot");
        j->shown = plain_path(joined);
        j->script = plain_path(c->batch ? drawn : joined);
    }
    if (!j || !j->program || !j->script || !j->shown || !title || !ylabel ||
        !note) {
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
        goto done;
    }
    if ((st = file_name(name, sizeof name, c->stem, ft_chart_ext(c->format),
                        err)) != FT_OK ||
        (st = c->batch ? batch_picture(j, c->batch, c->dir, name, err)
                       : private_folder(j, c->dir, name, err)) != FT_OK)
        goto done;
    if (!(pic = plain_path(j->pic.tmp))) {
        st = ft_error_set(err, FT_ENOMEM, "out of memory");
        goto done;
    }
    j->title = title;
    j->ylabel = ylabel;
    j->note = note;
    j->pic_arg = pic;
    title = ylabel = note = pic = NULL;
done:
    free(joined);
    free(drawn);
    free(title);
    free(ylabel);
    free(note);
    free(pic);
    if (st != FT_OK)
        job_free(j);
    else
        *out = j;
    return st;
}

/* s as a gnuplot expression made of numbers only: sprintf("%c...",
 * 84, 105, ...) joined by ".", sixteen bytes a call (well within
 * gnuplot's stack).  Text from articles reaches the driver so, never as
 * characters gnuplot could read as code. */
static void put_string_expr(FILE *f, const char *s)
{
    size_t n = strlen(s);
    if (!n) {
        fputs("\"\"", f);
        return;
    }
    for (size_t i = 0; i < n; i += 16) {
        size_t k = n - i < 16 ? n - i : 16;
        fputs(i ? " . sprintf(\"" : "sprintf(\"", f);
        for (size_t q = 0; q < k; q++)
            fputs("%c", f);
        fputc('"', f);
        for (size_t q = 0; q < k; q++)
            fprintf(f, ", %u", (unsigned char)s[i + q]);
        fputc(')', f);
    }
}

/* The driver: for each chart, a fresh session, the script called with
 * the arguments `gnuplot -c` would give it (call passes a variable's
 * value as it is), the picture closed, and the chart's number printed
 * once all that went without an error. */
static void write_driver(FILE *f, ft_chart_job *const *jobs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const ft_chart_job *j = jobs[i];
        const char *args[] = {j->script, j->title, j->ylabel, j->note,
                              j->pic_arg};
        fputs("reset session\n", f);
        for (size_t a = 0; a < 5; a++) {
            fprintf(f, "figtrend_%zu = ", a);
            put_string_expr(f, args[a]);
            fputc('\n', f);
        }
        fprintf(f,
                "call figtrend_0 figtrend_1 figtrend_2 figtrend_3 figtrend_4\n"
                "set output\nset print \"-\"\nprint %zu\n",
                i);
    }
}

/* Start g's gnuplot on the driver of jobs[0..n) (g->pid stays 0 when
 * it cannot be: each chart is then drawn alone at its finish, which
 * says why).  The driver is closed here, once gnuplot has it: a group
 * holds one open file while it draws, what it prints. */
static void group_spawn(ft_chart_group *g, ft_chart_job *const *jobs, size_t n)
{
    FILE *in = ft_outfile_scratch("gnuplot", NULL);
    if (!in || !(g->out = ft_outfile_scratch("gnuplot", NULL))) {
        if (in)
            fclose(in);
        return;
    }
    write_driver(in, jobs, n);
    posix_spawn_file_actions_t fa;
    if (fflush(in) != 0 || ferror(in) || fseek(in, 0, SEEK_SET) != 0 ||
        posix_spawn_file_actions_init(&fa) != 0) {
        fclose(in);
        return;
    }
    /* The driver as a file (its standard input by name): given a file,
     * gnuplot stops at the first error, where from a pipe or a terminal
     * it would go on to the next line and print the next number.  Its
     * complaints go nowhere: the chart that failed is drawn again alone,
     * with a scratch file of its own, which says why. */
    char *argv[] = {jobs[0]->program, "-d", "/dev/stdin", NULL};
    posix_spawn_file_actions_adddup2(&fa, fileno(in), 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(g->out), 1);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    if (posix_spawnp(&pid, jobs[0]->program, &fa, NULL, argv, environ) == 0)
        g->pid = pid;
    posix_spawn_file_actions_destroy(&fa);
    fclose(in);
}

ft_status ft_chart_render_group(ft_chart_job *const *jobs, size_t n)
{
    if (n == 0)
        return FT_OK;
    ft_chart_group *g = calloc(1, sizeof *g);
    if (!g || !(g->drawn = calloc(n, sizeof *g->drawn))) {
        free(g);
        return FT_ENOMEM;
    }
    g->n = n;
    for (size_t i = 0; i < n; i++) {
        jobs[i]->group = g;
        jobs[i]->member = i;
        g->refs++;
    }
    group_spawn(g, jobs, n);
    return FT_OK;
}

/* Wait for j's group and read which of its charts it drew: those whose
 * number it printed, the driver's last step for each. */
static void group_wait(ft_chart_group *g)
{
    if (g->waited)
        return;
    g->waited = true;
    if (g->pid <= 0)
        return;
    /* its exit status is not needed: a failure shows as charts not
     * printed */
    while (waitpid(g->pid, NULL, 0) < 0 && errno == EINTR)
        ;
    char line[32];
    if (fseek(g->out, 0, SEEK_SET) != 0)
        return;
    while (fgets(line, sizeof line, g->out)) {
        char *end;
        unsigned long k = strtoul(line, &end, 10);
        if (end != line && *end == '\n' && k < g->n)
            g->drawn[k] = true;
    }
}

/* Was j drawn by its group, its picture whole?  Else (no group, or the
 * group failed on it or before it) it is drawn now by a gnuplot of its
 * own, which the caller waits for: FT_ECANTCREAT when that cannot
 * start. */
static ft_status drawn_by_group(ft_chart_job *j, bool *drawn, ft_error *err)
{
    *drawn = false;
    if (j->group) {
        group_wait(j->group);
        *drawn = j->group->drawn[j->member] &&
                 ft_chart_picture_whole(j->pic.tmp, j->format);
    }
    if (*drawn || j->started)
        return FT_OK;
    return spawn_one(j, err);
}

ft_status ft_chart_render_finish(ft_chart_job *j, ft_error *err)
{
    bool drawn;
    ft_status st = drawn_by_group(j, &drawn, err);
    if (st != FT_OK) {
        job_free(j);
        return st;
    }
    int status = 0;
    while (!drawn && waitpid(j->pid, &status, 0) < 0 && errno == EINTR)
        ;
    struct stat sb;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        st = ft_error_set(err, FT_ECANTCREAT, "cannot run %s", j->program);
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
             stat(j->pic.tmp, &sb) != 0) {
        char msg[512];
        complaint(j->errf, msg, sizeof msg);
        st = ft_error_set(err, FT_ECANTCREAT, "gnuplot failed on %s%s%s",
                          j->shown, *msg ? ": " : "", msg);
    } else if (!ft_chart_picture_whole(j->pic.tmp, j->format)) {
        /* Not renamed: the earlier picture stays. */
        st = ft_error_set(err, FT_EIO,
                          "picture cut short (is the disk full?); the "
                          "earlier one is kept");
        ft_error_at(err, j->pic.path, 0);
    } else if (!j->batch)
        st = ft_outfile_commit(&j->pic, err);
    else if ((st = ft_outfile_batch_add(j->batch, j->name, err)) == FT_OK) {
        /* The batch's now: job_free must not remove it. */
        free(j->pic.tmp);
        j->pic.tmp = NULL;
    }
    job_free(j);
    return st;
}

ft_status ft_chart_render(const ft_chart *c, const char *gnuplot, ft_error *err)
{
    ft_chart_job *j;
    ft_status st = ft_chart_render_start(c, gnuplot, &j, err);
    return st == FT_OK ? ft_chart_render_finish(j, err) : st;
}

/* ---- stems ------------------------------------------------------------ */

typedef struct {
    char stem[FT_CHART_STEM_MAX];
    unsigned next; /* the number to try after this stem on a clash */
} stem_entry;

struct ft_chart_stems {
    stem_entry *entries; /* every stem taken, the reserved ones first */
    size_t len, cap;
    uint32_t *slots; /* index + 1 into entries, 0 when free */
    size_t nslots;   /* a power of two, at least twice cap */
    size_t tries;
};

/* The report's own charts. */
static const char *const reserved_stems[] = {"overview", "compare"};
#define NRESERVED (sizeof reserved_stems / sizeof reserved_stems[0])

static uint32_t stem_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot that holds stem, or the free slot where it would go. */
static uint32_t *stem_slot(ft_chart_stems *s, const char *stem)
{
    s->tries++;
    size_t i = stem_hash(stem) & (s->nslots - 1);
    while (s->slots[i] && strcmp(s->entries[s->slots[i] - 1].stem, stem) != 0)
        i = (i + 1) & (s->nslots - 1);
    return &s->slots[i];
}

static stem_entry *stem_add(ft_chart_stems *s, uint32_t *slot, const char *stem)
{
    stem_entry *e = &s->entries[s->len++];
    snprintf(e->stem, sizeof e->stem, "%s", stem);
    e->next = 2;
    *slot = (uint32_t)s->len;
    return e;
}

ft_chart_stems *ft_chart_stems_new(size_t max)
{
    if (max > UINT32_MAX / 4)
        return NULL;
    ft_chart_stems *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cap = max + NRESERVED;
    s->nslots = 8;
    while (s->nslots < 2 * s->cap)
        s->nslots *= 2;
    s->entries = calloc(s->cap, sizeof *s->entries);
    s->slots = calloc(s->nslots, sizeof *s->slots);
    if (!s->entries || !s->slots) {
        ft_chart_stems_free(s);
        return NULL;
    }
    for (size_t i = 0; i < NRESERVED; i++)
        stem_add(s, stem_slot(s, reserved_stems[i]), reserved_stems[i]);
    return s;
}

void ft_chart_stems_free(ft_chart_stems *s)
{
    if (!s)
        return;
    free(s->entries);
    free(s->slots);
    free(s);
}

const char *ft_chart_stems_take(ft_chart_stems *s, const char *name)
{
    if (s->len == s->cap)
        return NULL;
    /* Room for "-" and a number of up to seven digits after the slug. */
    char base[FT_CHART_STEM_MAX - 8];
    ft_chart_slug(name, base, sizeof base);
    if (!*base)
        snprintf(base, sizeof base, "chart");
    uint32_t *slot = stem_slot(s, base);
    if (!*slot)
        return stem_add(s, slot, base)->stem;
    /* Taken: the numbers after it, from where the last clash stopped
     * (a number may be taken by a name whose slug ends in it). */
    stem_entry *b = &s->entries[*slot - 1];
    for (;;) {
        char cand[FT_CHART_STEM_MAX];
        snprintf(cand, sizeof cand, "%s-%u", base, b->next++);
        slot = stem_slot(s, cand);
        if (!*slot)
            return stem_add(s, slot, cand)->stem;
    }
}

size_t ft_chart_stems_tries(const ft_chart_stems *s)
{
    return s->tries;
}
