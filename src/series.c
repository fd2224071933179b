/* series.c — figures rows grouped into one point per country, subject
 * and year. */
#include "series.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "number.h"
#include "table.h"
#include "text.h"

/* Strings are NUL-terminated in the set's arena and addressed by 32-bit
 * offsets: a row is kept for each figure read, and at a million figures
 * every byte of it counts.  An arena past 4 GiB is out of memory. */
typedef uint32_t aoff;
#define NONE UINT32_MAX
/* A row by its number in the set's rows: the rows that make points are
 * sorted as their numbers (a key of their own would cost more than the
 * row), and a series' history lists them. */
typedef uint32_t key;
/* Two figures closer than this (relative) are one figure rounded
 * differently. */
#define SAME_FIGURE 0.005

enum { V_ORIGINAL = 0, V_NOMINAL, V_CONSTANT, NVALUES };

/* A stored row: strings are offsets into the set's arena (the widest
 * fields first, so that it packs). */
typedef struct {
    long mention;
    aoff subject, country, doc, qualifier, flags, currency, to_currency;
    aoff value[NVALUES];          /* plain number text, NONE when absent */
    aoff pub, source, title, url; /* the article, for the page */
    /* The published cell as read when it has 10 bytes (a date), else
     * NONE: the recency order and the dates compare it. */
    aoff published;
    short year, constant_year; /* 1 to 9999 (ft_table_parse_year); 0 none */
    unsigned short sig;        /* significant digits of the original amount */
    unsigned char bad;         /* bit k: the value cell k is not a number */
} row;
/* A million are kept for a report of a million figures. */
_Static_assert(sizeof(row) <= 80, "a row grew");

/* A figure to check (ft_series_check), as arena offsets until build's
 * end: the fields in the order of enum below. */
enum {
    K_DOC,
    K_PUBLISHED,
    K_SOURCE,
    K_TITLE,
    K_URL,
    K_YEAR,
    K_SUBJECT,
    K_COUNTRY,
    K_AMOUNT,
    K_CURRENCY,
    K_REPORTED,
    K_REPORTED_CURRENCY,
    K_CONVERTED,
    K_TO_CURRENCY,
    K_RATE_YEAR,
    NK
};

typedef struct {
    const char *reason; /* static text; NULL for a mismatch */
    long mention;
    aoff off[NK];
} check_off;

typedef struct {
    check_off *off;
    size_t n, cap;
} check_list;

/* An article behind or against a point: the row that names it. */
typedef struct {
    key row;
    bool agrees;
} article_off;

typedef struct {
    aoff name, label, subject, country, currency, origin; /* arena offsets */
    size_t first, n;        /* its points in the points array */
    size_t fig_first, nfig; /* its rows in figrows (its history) */
} series_off;

typedef struct {
    aoff amount, docs, flags; /* arena offsets */
    size_t first_art, nart;   /* its articles in the articles array */
} point_off;

struct ft_series_set {
    ft_value_kind want, kind;
    int constant_year;
    const ft_countries *countries; /* for names; may be NULL */
    const ft_gdp *gdp;             /* for shares of GDP; may be NULL */
    ft_buf arena; /* NUL-terminated strings, addressed by offset */
    /* Interned strings (subjects, docs, currencies): open addressing. */
    aoff *slots;
    size_t nslots, nused;
    /* The amounts' plain text seen last, by hash (number_text). */
    aoff *recent_numbers;
    size_t nrecent;
    row *rows;
    size_t nrows, caprows;
    /* Each row's values (as the value index numbers them), apart from
     * the rows: once the kind plotted is known, only its own and the
     * original are kept, and the original only until the points are
     * made. */
    double *num[NVALUES];
    size_t capnum[NVALUES];
    size_t with_column[NVALUES]; /* rows whose input has the column */
    size_t with_value[NVALUES];  /* rows with a value in it */
    ft_series_counts counts;
    /* After build. */
    bool built;
    ft_series *series;
    series_off *soff;
    size_t nseries;
    size_t capseries;
    ft_point *points;
    point_off *poff;
    size_t npoints, cappoints;
    article_off *arts;
    size_t narts, caparts;
    check_list left, mism;
    /* The selection (ft_series_set_select). */
    const char *pattern;
    int from, to;
    /* Every row of each series, in series order (row indices); after
     * build, each series' by_published. */
    key *figrows;
    size_t nfigrows, capfigrows;
};

const char *ft_value_kind_name(ft_value_kind k)
{
    switch (k) {
    case FT_VALUE_CONSTANT:
        return "constant";
    case FT_VALUE_NOMINAL:
        return "nominal";
    case FT_VALUE_ORIGINAL:
        return "original";
    case FT_VALUE_AUTO:
        break;
    }
    return "auto";
}

ft_series_set *ft_series_set_new(ft_value_kind kind)
{
    ft_series_set *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->want = kind;
    s->kind = kind;
    ft_buf_init(&s->arena);
    return s;
}

void ft_series_set_countries(ft_series_set *s, const ft_countries *c)
{
    s->countries = c;
}

void ft_series_set_gdp(ft_series_set *s, const ft_gdp *g)
{
    s->gdp = g;
}

void ft_series_set_free(ft_series_set *s)
{
    if (!s)
        return;
    ft_buf_free(&s->arena);
    free(s->slots);
    free(s->recent_numbers);
    free(s->rows);
    for (int k = 0; k < NVALUES; k++)
        free(s->num[k]);
    free(s->series);
    free(s->soff);
    free(s->points);
    free(s->poff);
    free(s->arts);
    free(s->left.off);
    free(s->mism.off);
    free(s->figrows);
    free(s);
}

/* ---- strings ---------------------------------------------------------- */

static const char *str(const ft_series_set *s, aoff off)
{
    return off == NONE ? "" : s->arena.data + off;
}

static ft_status put_str(ft_series_set *s, const char *p, size_t n, aoff *off)
{
    if (n >= NONE - 1 - s->arena.len)
        return FT_ENOMEM;
    *off = (aoff)s->arena.len;
    if (ft_buf_append(&s->arena, p, n) != FT_OK ||
        ft_buf_putc(&s->arena, '\0') != FT_OK)
        return FT_ENOMEM;
    return FT_OK;
}

static uint64_t hash(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211u;
    return h;
}

static ft_status rehash(ft_series_set *s)
{
    size_t n = s->nslots ? s->nslots * 2 : 256;
    aoff *slots = malloc(n * sizeof *slots);
    if (!slots)
        return FT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        slots[i] = NONE;
    for (size_t i = 0; i < s->nslots; i++) {
        if (s->slots[i] == NONE)
            continue;
        const char *p = str(s, s->slots[i]);
        size_t j = hash(p, strlen(p)) & (n - 1);
        while (slots[j] != NONE)
            j = (j + 1) & (n - 1);
        slots[j] = s->slots[i];
    }
    free(s->slots);
    s->slots = slots;
    s->nslots = n;
    return FT_OK;
}

/* The offset of p[0..n) (which holds no NUL), stored once.  Strings
 * go into the arena as they are first seen, so offsets order them so:
 * an article's doc is its order of first reading. */
static ft_status intern(ft_series_set *s, const char *p, size_t n, aoff *off)
{
    if ((s->nused + 1) * 2 > s->nslots && rehash(s) != FT_OK)
        return FT_ENOMEM;
    size_t j = hash(p, n) & (s->nslots - 1);
    while (s->slots[j] != NONE) {
        const char *q = str(s, s->slots[j]);
        if (strncmp(q, p, n) == 0 && q[n] == '\0') {
            *off = s->slots[j];
            return FT_OK;
        }
        j = (j + 1) & (s->nslots - 1);
    }
    if (put_str(s, p, n, off) != FT_OK)
        return FT_ENOMEM;
    s->slots[j] = *off;
    s->nused++;
    return FT_OK;
}

/* Intern a cell as well-formed UTF-8 (bad bytes become U+FFFD), cut at
 * its first NUL; NONE for NULL or "". */
static ft_status intern_cell(ft_series_set *s, const char *cell, aoff *off)
{
    *off = NONE;
    if (!cell || !*cell)
        return FT_OK;
    size_t n = strlen(cell);
    if (ft_text_utf8_valid(cell, n, NULL))
        return intern(s, cell, n, off);
    ft_buf b;
    ft_buf_init(&b);
    ft_status st = ft_text_scrub(&b, cell, n);
    if (st == FT_OK)
        st = intern(s, b.data, b.len, off);
    ft_buf_free(&b);
    return st;
}

/* ---- numbers ---------------------------------------------------------- */

/* The most slots of the set's recent_numbers: 2 MB, from a million
 * rows. */
#define RECENT_NUMBERS_MAX (1u << 19)

/* Room in the cache of recent amounts for a slot every other row, the
 * amounts already there kept (each where it hashes now). */
static ft_status grow_recent(ft_series_set *s)
{
    size_t m = s->nrecent ? s->nrecent * 2 : 4096;
    aoff *slots = malloc(m * sizeof *slots);
    if (!slots)
        return FT_ENOMEM;
    for (size_t i = 0; i < m; i++)
        slots[i] = NONE;
    for (size_t i = 0; i < s->nrecent; i++) {
        aoff o = s->recent_numbers[i];
        if (o != NONE) {
            const char *p = str(s, o);
            slots[hash(p, strlen(p)) & (m - 1)] = o;
        }
    }
    free(s->recent_numbers);
    s->recent_numbers = slots;
    s->nrecent = m;
    return FT_OK;
}

/* An amount's plain text p[0..n) into the arena at *off, stored once when
 * the same text was stored last under its hash: amounts recur (each
 * article that repeats a budget), and every row keeps its amounts' text.
 * A cache of a slot every other row, not a table of every amount: where
 * amounts rarely repeat, such a table costs more than it saves.  Kept
 * apart from the interned cells: a doc's offset is when its article was
 * first read (intern), and an amount of the same text seen before it
 * must not move it. */
static ft_status number_text(ft_series_set *s, const char *p, size_t n,
                             aoff *off)
{
    if ((s->nrecent == 0 ||
         (s->nrows >= 2 * s->nrecent && s->nrecent < RECENT_NUMBERS_MAX)) &&
        grow_recent(s) != FT_OK)
        return FT_ENOMEM;
    aoff *slot = &s->recent_numbers[hash(p, n) & (s->nrecent - 1)];
    if (*slot != NONE) {
        const char *q = str(s, *slot);
        if (strncmp(q, p, n) == 0 && q[n] == '\0') {
            *off = *slot;
            return FT_OK;
        }
    }
    ft_status st = put_str(s, p, n, off);
    if (st == FT_OK)
        *slot = *off;
    return st;
}

/* Significant digits written in a plain number ("61246900000000" has 6,
 * "439.7" 4, "0.9" 1). */
static int significant_digits(const char *p)
{
    int first = -1, last = -1, i = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            continue;
        if (*p != '0') {
            if (first < 0)
                first = i;
            last = i;
        }
        i++;
    }
    return first < 0 ? 0 : last - first + 1;
}

/* A number cell as plain decimal text ("439700000000", "2.75", never an
 * exponent) at *off, its value in *v; false when it is not a number. */
static bool number_cell(ft_series_set *s, const char *cell, aoff *off,
                        double *v, ft_status *st)
{
    char buf[FT_STATS_BUFSZ];
    size_t n = strlen(cell);
    bool neg = n > 0 && cell[0] == '-';
    ft_decimal d;
    size_t len;
    if (n > (size_t)neg && cell[neg] != '.' && cell[n - 1] != '.' &&
        ft_decimal_parse(cell + neg, n - neg, &d)) {
        d.negative = neg && !ft_decimal_is_zero(d);
        len = ft_decimal_format(d, buf, sizeof buf);
        *v = ft_decimal_to_double(d);
    } else if (ft_table_parse_number(cell, v))
        len = ft_stats_format(*v, 15, 6, buf, sizeof buf);
    else
        return false;
    if (len == 0 || len >= sizeof buf)
        return false;
    *st = number_text(s, buf, len, off);
    return true;
}

/* ---- adding rows ------------------------------------------------------- */

static bool empty(const char *cell)
{
    return !cell || !*cell;
}

/* ---- figures to check ------------------------------------------------- */

/* Why a figure is left out (the page's words). */
static const char WHY_CHANGE[] = "a change, not a level";
static const char WHY_NO_YEAR[] = "no year";
static const char WHY_BAD_YEAR[] = "a year that is not a number";
static const char WHY_NO_SUBJECT[] = "no subject";
static const char WHY_BAD_VALUE[] = "an amount that is not a number";
static const char WHY_OTHER_BASE[] = "constant prices of another base year";
static const char WHY_BOUND[] =
    "a bound (more than, up to) where the year has a figure";
static const char *const why_no_value[NVALUES] = {
    [V_ORIGINAL] = "no amount or currency",
    [V_NOMINAL] = "no converted amount (no rate for its year?)",
    [V_CONSTANT] = "no constant-price amount (no rate or price index?)",
};

/* A new entry at the end of l, every field empty. */
static check_off *new_check(check_list *l, const char *reason, long mention)
{
    if (ft_grow((void **)&l->off, &l->cap, l->n, sizeof *l->off, 16) != FT_OK)
        return NULL;
    check_off *c = &l->off[l->n++];
    c->reason = reason;
    c->mention = mention;
    for (int i = 0; i < NK; i++)
        c->off[i] = NONE;
    return c;
}

/* A figure to check, from its row's cells as given. */
static ft_status check_from_cells(ft_series_set *s, check_list *l,
                                  const char *reason, const ft_series_row *r)
{
    const char *cells[NK] = {
        [K_DOC] = r->doc,
        [K_PUBLISHED] = r->published,
        [K_SOURCE] = r->source,
        [K_TITLE] = r->title,
        [K_URL] = r->url,
        [K_YEAR] = r->year,
        [K_SUBJECT] = r->subject,
        [K_COUNTRY] = r->country,
        [K_AMOUNT] = r->amount,
        [K_CURRENCY] = r->currency,
        [K_REPORTED] = r->reported_amount,
        [K_REPORTED_CURRENCY] = r->reported_currency,
        [K_CONVERTED] = r->amount_nominal,
        [K_TO_CURRENCY] = r->to_currency,
        [K_RATE_YEAR] = r->rate_year,
    };
    check_off *c =
        new_check(l, reason, r->mention ? strtol(r->mention, NULL, 10) : 0);
    if (!c)
        return FT_ENOMEM;
    for (int i = 0; i < NK; i++) {
        aoff off;
        ft_status st = intern_cell(s, cells[i], &off);
        if (st != FT_OK)
            return st;
        c->off[i] = off; /* l does not move while the arena grows */
    }
    return FT_OK;
}

/* A figure left out after it was kept as a row. */
static ft_status check_from_row(ft_series_set *s, check_list *l,
                                const char *reason, const row *r)
{
    char year[16];
    int n = snprintf(year, sizeof year, "%d", r->year);
    check_off *c = new_check(l, reason, r->mention);
    aoff yoff;
    if (!c || intern(s, year, (size_t)n, &yoff) != FT_OK)
        return FT_ENOMEM;
    c->off[K_DOC] = r->doc;
    c->off[K_PUBLISHED] = r->pub;
    c->off[K_SOURCE] = r->source;
    c->off[K_TITLE] = r->title;
    c->off[K_URL] = r->url;
    c->off[K_YEAR] = yoff;
    c->off[K_SUBJECT] = r->subject;
    c->off[K_COUNTRY] = r->country;
    c->off[K_AMOUNT] = r->value[V_ORIGINAL];
    c->off[K_CURRENCY] = r->currency;
    c->off[K_CONVERTED] = r->value[V_NOMINAL];
    c->off[K_TO_CURRENCY] = r->to_currency;
    return FT_OK;
}

/* Whether a ';'-separated flags cell holds `flag`. */
static bool has_flag(const char *flags, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = flags; p && *p;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, flag, n) == 0)
            return true;
        p = end ? end + 1 : NULL;
    }
    return false;
}

/* ---- the selection ------------------------------------------------------ */

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Whole-name glob with '*' only: the usual greedy match that goes back
 * to the last star on a mismatch (names are short). */
static bool glob(const char *name, const char *pat)
{
    const char *star = NULL, *resume = NULL;
    while (*name) {
        if (*pat == '*') {
            star = ++pat;
            resume = name;
        } else if (*pat &&
                   fold((unsigned char)*pat) == fold((unsigned char)*name)) {
            pat++;
            name++;
        } else if (star) {
            pat = star;
            name = ++resume;
        } else
            return false;
    }
    while (*pat == '*')
        pat++;
    return *pat == '\0';
}

bool ft_series_name_matches(const char *name, const char *pattern)
{
    if (!pattern || !*pattern)
        return true;
    if (strchr(pattern, '*'))
        return glob(name, pattern);
    size_t np = strlen(pattern);
    for (const char *h = name; *h; h++) {
        size_t i = 0;
        while (i < np && h[i] &&
               fold((unsigned char)h[i]) == fold((unsigned char)pattern[i]))
            i++;
        if (i == np)
            return true;
    }
    return false;
}

void ft_series_set_select(ft_series_set *s, const char *pattern, int from,
                          int to)
{
    s->pattern = pattern;
    s->from = from;
    s->to = to;
}

/* A row whose year is outside --from/--to (a row without a year, or
 * with one that is no number, is not: it is listed as left out). */
static bool outside_years(const ft_series_set *s, const ft_series_row *r)
{
    int year;
    if ((!s->from && !s->to) || !r->year || !*r->year ||
        !ft_table_parse_year(r->year, &year))
        return false;
    return (s->from && year < s->from) || (s->to && year > s->to);
}

/* A row left out before it is kept: counted and listed. */
static ft_status left_out(ft_series_set *s, size_t *count, const char *why,
                          const ft_series_row *r, ft_error *err)
{
    (*count)++;
    if (check_from_cells(s, &s->left, why, r) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    return FT_OK;
}

ft_status ft_series_add(ft_series_set *s, const ft_series_row *r, ft_error *err)
{
    ft_series_counts *c = &s->counts;
    if (outside_years(s, r)) {
        c->outside++;
        return FT_OK;
    }
    c->rows++;
    if (has_flag(r->flags, "conversion_mismatch") &&
        check_from_cells(s, &s->mism, NULL, r) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (r->kind && strcmp(r->kind, "change") == 0)
        return left_out(s, &c->changes, WHY_CHANGE, r, err);
    if (empty(r->year))
        return left_out(s, &c->no_year, WHY_NO_YEAR, r, err);
    int year;
    if (!ft_table_parse_year(r->year, &year))
        return left_out(s, &c->bad, WHY_BAD_YEAR, r, err);
    if (empty(r->subject))
        return left_out(s, &c->no_subject, WHY_NO_SUBJECT, r, err);
    if (s->nrows == UINT32_MAX || /* a row's number is a key */
        ft_grow((void **)&s->rows, &s->caprows, s->nrows, sizeof *s->rows,
                64) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    for (int k = 0; k < NVALUES; k++)
        if (ft_grow((void **)&s->num[k], &s->capnum[k], s->nrows,
                    sizeof *s->num[k], 64) != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
    row *w = &s->rows[s->nrows];
    memset(w, 0, sizeof *w);
    for (int k = 0; k < NVALUES; k++)
        s->num[k][s->nrows] = 0;
    w->year = (short)year;
    ft_status st = FT_OK;
    if ((st = intern_cell(s, r->subject, &w->subject)) != FT_OK ||
        (st = intern_cell(s, r->country, &w->country)) != FT_OK ||
        (st = intern_cell(s, r->doc, &w->doc)) != FT_OK ||
        (st = intern_cell(s, r->qualifier, &w->qualifier)) != FT_OK ||
        (st = intern_cell(s, r->flags, &w->flags)) != FT_OK ||
        (st = intern_cell(s, r->currency, &w->currency)) != FT_OK ||
        (st = intern_cell(s, r->to_currency, &w->to_currency)) != FT_OK ||
        (st = intern_cell(s, r->published, &w->pub)) != FT_OK ||
        (st = intern_cell(s, r->source, &w->source)) != FT_OK ||
        (st = intern_cell(s, r->title, &w->title)) != FT_OK ||
        (st = intern_cell(s, r->url, &w->url)) != FT_OK)
        return ft_error_set(err, st, "out of memory");
    w->published = NONE;
    if (r->published && strlen(r->published) == 10 &&
        intern(s, r->published, 10, &w->published) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (r->mention)
        w->mention = strtol(r->mention, NULL, 10);
    int base;
    if (r->constant_year && ft_table_parse_year(r->constant_year, &base))
        w->constant_year = (short)base;
    const char *cells[NVALUES] = {r->amount, r->amount_nominal,
                                  r->amount_constant};
    for (int k = 0; k < NVALUES; k++) {
        w->value[k] = NONE;
        if (cells[k])
            s->with_column[k]++;
        if (empty(cells[k]))
            continue;
        s->with_value[k]++;
        if (!number_cell(s, cells[k], &w->value[k], &s->num[k][s->nrows], &st))
            w->bad |= 1u << k;
        else if (st != FT_OK)
            return ft_error_set(err, st, "out of memory");
    }
    w->sig =
        w->value[V_ORIGINAL] == NONE
            ? 0
            : (unsigned short)significant_digits(str(s, w->value[V_ORIGINAL]));
    s->nrows++;
    return FT_OK;
}

/* ---- reading figures CSV ----------------------------------------------- */

enum {
    C_DOC,
    C_PUBLISHED,
    C_MENTION,
    C_SUBJECT,
    C_COUNTRY,
    C_YEAR,
    C_KIND,
    C_QUALIFIER,
    C_FLAGS,
    C_AMOUNT,
    C_CURRENCY,
    C_TO_CURRENCY,
    C_AMOUNT_NOMINAL,
    C_AMOUNT_CONSTANT,
    C_CONSTANT_YEAR,
    C_SOURCE,
    C_TITLE,
    C_URL,
    C_REPORTED_AMOUNT,
    C_REPORTED_CURRENCY,
    C_RATE_YEAR,
    NCOLUMNS
};

static const char *const column_names[NCOLUMNS] = {"doc",
                                                   "published",
                                                   "mention",
                                                   "subject",
                                                   "country",
                                                   "year",
                                                   "kind",
                                                   "qualifier",
                                                   "flags",
                                                   "amount",
                                                   "currency",
                                                   "to_currency",
                                                   "amount_nominal",
                                                   "amount_constant",
                                                   "constant_year",
                                                   "source",
                                                   "title",
                                                   "url",
                                                   "reported_amount",
                                                   "reported_currency",
                                                   "rate_year"};

typedef struct {
    ft_series_set *set;
    const char *name;
    ft_series_warn_fn warn;
    void *warn_ctx;
    long at[NCOLUMNS]; /* cell index of each column, -1 when absent */
    size_t ncells;     /* cells in the header row */
    bool header_seen;
} reader;

static ft_status header(reader *rd, char *const *cells, size_t n, ft_error *err)
{
    for (int c = 0; c < NCOLUMNS; c++) {
        rd->at[c] = ft_table_column(cells, n, column_names[c]);
        if (rd->at[c] == -2)
            return ft_error_set(err, FT_EDATA,
                                "two \"%s\" columns in the header row; "
                                "file skipped",
                                column_names[c]);
    }
    int need[4] = {C_SUBJECT, C_YEAR, C_AMOUNT, C_CURRENCY};
    switch (rd->set->want) {
    case FT_VALUE_CONSTANT:
        need[2] = C_AMOUNT_CONSTANT;
        need[3] = C_TO_CURRENCY;
        break;
    case FT_VALUE_NOMINAL:
        need[2] = C_AMOUNT_NOMINAL;
        need[3] = C_TO_CURRENCY;
        break;
    default:
        break;
    }
    for (int i = 0; i < 4; i++)
        if (rd->at[need[i]] < 0)
            return ft_error_set(err, FT_EDATA,
                                "no \"%s\" column in the header row; file "
                                "skipped",
                                column_names[need[i]]);
    rd->ncells = n;
    rd->header_seen = true;
    return FT_OK;
}

static ft_status on_row(void *ctx, char *const *cells, const size_t *lens,
                        size_t n, long line, ft_error *err)
{
    (void)lens;
    reader *rd = ctx;
    if (!rd->header_seen)
        return header(rd, cells, n, err);
    if (n != rd->ncells) {
        rd->set->counts.malformed++;
        if (rd->warn) {
            ft_error e;
            ft_error_set(&e, FT_EDATA,
                         "%zu cells where the header has %zu; row skipped", n,
                         rd->ncells);
            ft_error_at(&e, rd->name, line);
            rd->warn(rd->warn_ctx, &e);
        }
        return FT_OK;
    }
    const char *v[NCOLUMNS];
    for (int c = 0; c < NCOLUMNS; c++)
        v[c] = rd->at[c] >= 0 ? cells[rd->at[c]] : NULL;
    ft_series_row r = {
        .doc = v[C_DOC],
        .published = v[C_PUBLISHED],
        .mention = v[C_MENTION],
        .subject = v[C_SUBJECT],
        .country = v[C_COUNTRY],
        .year = v[C_YEAR],
        .kind = v[C_KIND],
        .qualifier = v[C_QUALIFIER],
        .flags = v[C_FLAGS],
        .amount = v[C_AMOUNT],
        .currency = v[C_CURRENCY],
        .to_currency = v[C_TO_CURRENCY],
        .amount_nominal = v[C_AMOUNT_NOMINAL],
        .amount_constant = v[C_AMOUNT_CONSTANT],
        .constant_year = v[C_CONSTANT_YEAR],
        .source = v[C_SOURCE],
        .title = v[C_TITLE],
        .url = v[C_URL],
        .reported_amount = v[C_REPORTED_AMOUNT],
        .reported_currency = v[C_REPORTED_CURRENCY],
        .rate_year = v[C_RATE_YEAR],
    };
    return ft_series_add(rd->set, &r, err);
}

ft_status ft_series_read(ft_series_set *s, FILE *in, const char *name,
                         ft_series_warn_fn warn, void *warn_ctx, ft_error *err)
{
    reader rd = {.set = s, .name = name, .warn = warn, .warn_ctx = warn_ctx};
    return ft_table_read(in, name, FT_EDATA, on_row, &rd, err);
}

/* ---- building series ---------------------------------------------------- */

/* Two interned strings: the same offset is the same string. */
static int cmp_interned(const ft_series_set *s, aoff a, aoff b)
{
    return a == b ? 0 : strcmp(str(s, a), str(s, b));
}

/* When a row's article was first read: its doc's offset (intern), 0
 * for none, as the first string stored (always an interned cell). */
static aoff doc_order(const row *r)
{
    return r->doc == NONE ? 0 : r->doc;
}

/* Later articles first: by published, then by when the article was
 * first read, then its earlier mention. */
static int by_recency(const ft_series_set *s, key ka, key kb)
{
    const row *a = &s->rows[ka], *b = &s->rows[kb];
    int c = cmp_interned(s, b->published, a->published);
    if (c)
        return c;
    if (doc_order(a) != doc_order(b))
        return doc_order(a) < doc_order(b) ? 1 : -1;
    if (a->mention != b->mention)
        return a->mention < b->mention ? -1 : 1;
    return ka < kb ? -1 : ka > kb;
}

/* By country, subject, currency plotted (per value index vi), currency
 * reported, year, then recency. */
static int by_series(const ft_series_set *s, int vi, key ka, key kb)
{
    const row *a = &s->rows[ka], *b = &s->rows[kb];
    int c = cmp_interned(s, a->country, b->country);
    if (c)
        return c;
    if ((c = cmp_interned(s, a->subject, b->subject)))
        return c;
    if (vi != V_ORIGINAL &&
        (c = cmp_interned(s, a->to_currency, b->to_currency)))
        return c;
    if ((c = cmp_interned(s, a->currency, b->currency)))
        return c;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return by_recency(s, ka, kb);
}

typedef int (*key_order)(const ft_series_set *s, int vi, key ka, key kb);

/* Sort k[0..n) by `order`: a bottom-up merge sort (qsort passes no
 * context; stable, as glibc's qsort was), with tmp room for n keys. */
static void sort_keys(const ft_series_set *s, int vi, key_order order, key *k,
                      key *tmp, size_t n)
{
    key *from = k, *to = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n;
            size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, o = lo;
            while (i < mid && j < hi)
                to[o++] =
                    order(s, vi, from[j], from[i]) < 0 ? from[j++] : from[i++];
            while (i < mid)
                to[o++] = from[i++];
            while (j < hi)
                to[o++] = from[j++];
        }
        key *t = from;
        from = to;
        to = t;
    }
    if (from != k)
        memcpy(k, from, n * sizeof *k);
}

/* Row r's value k (while the set keeps it). */
static double value_of(const ft_series_set *s, const row *r, int k)
{
    return s->num[k][r - s->rows];
}

/* Forget the values of index k (none of them is read again). */
static void drop_values(ft_series_set *s, int k)
{
    free(s->num[k]);
    s->num[k] = NULL;
    s->capnum[k] = 0;
}

static bool same_figure(double a, double b)
{
    double m = fmax(fabs(a), fabs(b));
    return fabs(a - b) <= SAME_FIGURE * m;
}

static int by_offset(const void *pa, const void *pb)
{
    aoff a = *(const aoff *)pa, b = *(const aoff *)pb;
    return a < b ? -1 : a > b;
}

/* A column every row has and some row fills: `convert` without
 * --constant writes amount_constant empty on every row, and a report of
 * it must not plot that header. */
static bool usable(const ft_series_set *s, int k)
{
    return s->nrows > 0 && s->with_column[k] == s->nrows &&
           s->with_value[k] > 0;
}

static void resolve_kind(ft_series_set *s)
{
    int asked = 0;
    for (size_t i = 0; i < s->nrows && !asked; i++)
        asked = s->rows[i].constant_year;
    for (int k = V_CONSTANT; k > V_ORIGINAL && s->want == FT_VALUE_AUTO; k--)
        if (s->nrows > 0 && s->with_column[k] == s->nrows &&
            s->with_value[k] == 0 && (k != V_CONSTANT || asked)) {
            s->counts.empty_column =
                k == V_CONSTANT ? FT_VALUE_CONSTANT : FT_VALUE_NOMINAL;
            s->counts.empty_constant_year = k == V_CONSTANT ? asked : 0;
            break;
        }
    if (s->want != FT_VALUE_AUTO)
        s->kind = s->want;
    else if (usable(s, V_CONSTANT))
        s->kind = FT_VALUE_CONSTANT;
    else if (usable(s, V_NOMINAL))
        s->kind = FT_VALUE_NOMINAL;
    else
        s->kind = FT_VALUE_ORIGINAL;
}

static int value_index(ft_value_kind k)
{
    return k == FT_VALUE_CONSTANT  ? V_CONSTANT
           : k == FT_VALUE_NOMINAL ? V_NOMINAL
                                   : V_ORIGINAL;
}

/* The ';'-separated flags of a point into the arena at *off. */
static ft_status point_flags(ft_series_set *s, const row *r, bool conflict,
                             aoff *off)
{
    ft_buf b;
    ft_buf_init(&b);
    ft_status st = FT_OK;
    const char *q = str(s, r->qualifier);
    if (*q && strcmp(q, "eq") != 0)
        st = ft_buf_append(&b, q, strlen(q));
    const char *f = str(s, r->flags);
    if (st == FT_OK && *f) {
        if (b.len)
            st = ft_buf_putc(&b, ';');
        if (st == FT_OK)
            st = ft_buf_append(&b, f, strlen(f));
    }
    if (st == FT_OK && conflict) {
        if (b.len)
            st = ft_buf_putc(&b, ';');
        if (st == FT_OK)
            st = ft_buf_append(&b, "conflict", 8);
    }
    if (st == FT_OK)
        st = put_str(s, b.data ? b.data : "", b.len, off);
    ft_buf_free(&b);
    return st;
}

/* The docs of the agreeing rows k[0..n) (latest first), oldest first,
 * each once, ';'-separated, into the arena at *off.  The rows of one
 * article are next to each other in that order (same date, same place in
 * the input), so a repeat is always the doc just written. */
static ft_status point_docs(ft_series_set *s, const key *k, const bool *agree,
                            size_t n, aoff *off)
{
    ft_buf b;
    ft_buf_init(&b);
    ft_status st = FT_OK;
    aoff last = NONE;
    for (size_t i = n; i-- > 0 && st == FT_OK;) {
        aoff doc = s->rows[k[i]].doc;
        if (!agree[i] || doc == NONE || doc == last)
            continue;
        last = doc;
        const char *d = str(s, doc);
        if (b.len)
            st = ft_buf_putc(&b, ';');
        if (st == FT_OK)
            st = ft_buf_append(&b, d, strlen(d));
    }
    if (st == FT_OK)
        st = put_str(s, b.data ? b.data : "", b.len, off);
    ft_buf_free(&b);
    return st;
}

/* Room for one more point (both arrays). */
static ft_status grow_points(ft_series_set *s)
{
    size_t cap = s->cappoints;
    if (ft_grow((void **)&s->points, &cap, s->npoints, sizeof *s->points, 64) !=
        FT_OK)
        return FT_ENOMEM;
    size_t cap2 = s->cappoints;
    if (ft_grow((void **)&s->poff, &cap2, s->npoints, sizeof *s->poff, 64) !=
        FT_OK)
        return FT_ENOMEM;
    s->cappoints = cap < cap2 ? cap : cap2;
    return FT_OK;
}

static ft_status grow_series(ft_series_set *s)
{
    size_t cap = s->capseries;
    if (ft_grow((void **)&s->series, &cap, s->nseries, sizeof *s->series, 16) !=
        FT_OK)
        return FT_ENOMEM;
    size_t cap2 = s->capseries;
    if (ft_grow((void **)&s->soff, &cap2, s->nseries, sizeof *s->soff, 16) !=
        FT_OK)
        return FT_ENOMEM;
    s->capseries = cap < cap2 ? cap : cap2;
    return FT_OK;
}

/* Is a qualifier a bound (more than, at least, less than, up to)? */
static bool is_bound(const char *q)
{
    return strcmp(q, "gt") == 0 || strcmp(q, "ge") == 0 ||
           strcmp(q, "lt") == 0 || strcmp(q, "le") == 0;
}

static ft_status add_article(ft_series_set *s, const row *r, bool agrees)
{
    if (ft_grow((void **)&s->arts, &s->caparts, s->narts, sizeof *s->arts,
                64) != FT_OK)
        return FT_ENOMEM;
    s->arts[s->narts++] =
        (article_off){.row = (key)(r - s->rows), .agrees = agrees};
    return FT_OK;
}

/* The articles of a point from its rows k[0..n) (latest first): those
 * that agree, oldest first and each once (an article's rows are next to
 * each other), then the conflicts, latest first.  A bound left out for a
 * figure of its year is listed as left out. */
static ft_status point_articles(ft_series_set *s, const key *k,
                                const bool *agree, size_t n, bool any_figure)
{
    ft_status st = FT_OK;
    aoff last = NONE;
    for (size_t i = n; i-- > 0 && st == FT_OK;) {
        const row *r = &s->rows[k[i]];
        if (!agree[i] || (r->doc != NONE && r->doc == last))
            continue;
        last = r->doc;
        st = add_article(s, r, true);
    }
    for (size_t i = 0; i < n && st == FT_OK; i++) {
        const row *r = &s->rows[k[i]];
        if (agree[i])
            continue;
        if (any_figure && is_bound(str(s, r->qualifier)))
            st = check_from_row(s, &s->left, WHY_BOUND, r);
        else
            st = add_article(s, r, false);
    }
    return st;
}

/* One point from the rows k[0..n) of one subject, currency and year,
 * latest first; the docs of the rows it uses go to used_docs. */
static ft_status make_point(ft_series_set *s, const key *k, size_t n, int vi,
                            aoff *used_docs, size_t *nused_docs)
{
    bool *agree = calloc(n, sizeof *agree);
    if (!agree)
        return FT_ENOMEM;
    /* A bound ("more than 60 trillion won", "넘는") says less than a
     * figure: where the year has figures, bounds are left out of it and
     * are no conflict; where it has only bounds, they make the point. */
    bool any_figure = false;
    for (size_t i = 0; i < n && !any_figure; i++)
        any_figure = !is_bound(str(s, s->rows[k[i]].qualifier));
    size_t first = 0;
    while (any_figure && is_bound(str(s, s->rows[k[first]].qualifier)))
        first++;
    const row *win = &s->rows[k[first]];
    size_t chosen = first, agreeing = 0, considered = 0;
    ft_series_counts *c = &s->counts;
    for (size_t i = 0; i < n; i++) {
        const row *r = &s->rows[k[i]];
        if (any_figure && is_bound(str(s, r->qualifier)))
            continue;
        considered++;
        if (!same_figure(value_of(s, r, vi), value_of(s, win, vi)))
            continue;
        agree[i] = true;
        agreeing++;
        if (r->sig > s->rows[k[chosen]].sig)
            chosen = i;
        if (r->doc != NONE)
            used_docs[(*nused_docs)++] = r->doc;
        if (r->published != NONE) {
            const char *pub = str(s, r->published);
            if (!*c->first_published || strcmp(pub, c->first_published) < 0)
                memcpy(c->first_published, pub, 11);
            if (strcmp(pub, c->last_published) > 0)
                memcpy(c->last_published, pub, 11);
        }
    }
    c->used += agreeing;
    c->conflicts += considered - agreeing;
    size_t first_art = s->narts;
    ft_status st = point_articles(s, k, agree, n, any_figure);
    const row *r = &s->rows[k[chosen]];
    if (st == FT_OK)
        st = grow_points(s);
    if (st == FT_OK) {
        ft_point *p = &s->points[s->npoints];
        point_off *o = &s->poff[s->npoints];
        memset(p, 0, sizeof *p);
        p->year = r->year;
        p->value = value_of(s, r, vi);
        p->original = r->value[V_ORIGINAL] != NONE && !(r->bad & 1u)
                          ? value_of(s, r, V_ORIGINAL)
                          : NAN;
        p->mentions = agreeing;
        o->amount = r->value[vi];
        o->first_art = first_art;
        o->nart = s->narts - first_art;
        if ((st = point_docs(s, k, agree, n, &o->docs)) == FT_OK &&
            (st = point_flags(s, r, agreeing < considered, &o->flags)) == FT_OK)
            s->npoints++;
    }
    free(agree);
    return st;
}

/* Why a kept row makes no point (and the count it adds to), NULL when
 * it makes one. */
static const char *why_not_point(ft_series_set *s, const row *r, int vi,
                                 size_t **count)
{
    aoff cur = vi == V_ORIGINAL ? r->currency : r->to_currency;
    if (r->bad & (1u << vi))
        return *count = &s->counts.bad, WHY_BAD_VALUE;
    if (r->value[vi] == NONE || cur == NONE)
        return *count = &s->counts.no_value, why_no_value[vi];
    if (vi == V_CONSTANT && r->constant_year != s->constant_year)
        return *count = &s->counts.other_base, WHY_OTHER_BASE;
    return NULL;
}

/* The rows that make points, as sort keys; the others counted. */
static ft_status collect(ft_series_set *s, int vi, key **out, size_t *nout)
{
    key *k = malloc((s->nrows ? s->nrows : 1) * sizeof *k);
    if (!k)
        return FT_ENOMEM;
    size_t n = 0;
    /* Constant prices: the base year of the first row that has one. */
    if (vi == V_CONSTANT)
        for (size_t i = 0; i < s->nrows && !s->constant_year; i++)
            if (s->rows[i].value[vi] != NONE)
                s->constant_year = s->rows[i].constant_year;
    /* The rows left out, listed first: listing them grows the arena,
     * which the keys below point into. */
    for (size_t i = 0; i < s->nrows; i++) {
        size_t *count;
        const char *why = why_not_point(s, &s->rows[i], vi, &count);
        if (!why)
            continue;
        (*count)++;
        if (check_from_row(s, &s->left, why, &s->rows[i]) != FT_OK) {
            free(k);
            return FT_ENOMEM;
        }
    }
    for (size_t i = 0; i < s->nrows; i++) {
        size_t *count;
        if (!why_not_point(s, &s->rows[i], vi, &count))
            k[n++] = (key)i;
    }
    key *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp) {
        free(k);
        return FT_ENOMEM;
    }
    sort_keys(s, vi, by_series, k, tmp, n);
    free(tmp);
    *out = k;
    *nout = n;
    return FT_OK;
}

static bool same_thing(const series_off *a, const series_off *b)
{
    return a->country == b->country && a->subject == b->subject;
}

/* The label of series i: its subject, with what tells it apart from the
 * other series of that country and subject, "(KRW)" (another currency
 * plotted) or "(from JPY)" (the same currency plotted, converted from
 * another), in the arena at *off. */
static ft_status series_label(ft_series_set *s, size_t i, aoff *off)
{
    const series_off *o = &s->soff[i];
    const char *subj = str(s, o->subject);
    bool cur = false, origin = false;
    for (size_t j = i; j-- > 0 && same_thing(&s->soff[j], o);) {
        cur |= s->soff[j].currency != o->currency;
        origin |= s->soff[j].currency == o->currency;
    }
    for (size_t j = i + 1; j < s->nseries && same_thing(&s->soff[j], o); j++) {
        cur |= s->soff[j].currency != o->currency;
        origin |= s->soff[j].currency == o->currency;
    }
    if (!cur && !origin) {
        *off = o->subject;
        return FT_OK;
    }
    ft_buf b;
    ft_buf_init(&b);
    const char *c = str(s, o->currency), *from = str(s, o->origin);
    ft_status st = ft_buf_append(&b, subj, strlen(subj));
    if (st == FT_OK)
        st = ft_buf_append(&b, " (", 2);
    if (st == FT_OK && cur)
        st = ft_buf_append(&b, c, strlen(c));
    if (st == FT_OK && cur && origin)
        st = ft_buf_append(&b, ", ", 2);
    if (st == FT_OK && origin)
        st = ft_buf_append(&b, "from ", 5);
    if (st == FT_OK && origin)
        st = ft_buf_append(&b, *from ? from : "?", *from ? strlen(from) : 1);
    if (st == FT_OK)
        st = ft_buf_putc(&b, ')');
    if (st == FT_OK)
        st = put_str(s, b.data, b.len, off);
    ft_buf_free(&b);
    return st;
}

/* The name of series i: "South Korea: defence budget", its label after
 * its country's English name (or code); the label alone when it has no
 * country. */
static ft_status series_name(ft_series_set *s, size_t i, aoff *off)
{
    const series_off *o = &s->soff[i];
    if (o->country == NONE) {
        *off = o->label;
        return FT_OK;
    }
    const char *code = str(s, o->country);
    const char *name = ft_countries_name(s->countries, code);
    if (!name)
        name = code;
    /* The label may move with the arena: copy it out first. */
    ft_buf b;
    ft_buf_init(&b);
    ft_status st = ft_buf_append(&b, name, strlen(name));
    if (st == FT_OK)
        st = ft_buf_append(&b, ": ", 2);
    if (st == FT_OK)
        st = ft_buf_append(&b, str(s, o->label), strlen(str(s, o->label)));
    if (st == FT_OK)
        st = put_str(s, b.data, b.len, off);
    ft_buf_free(&b);
    return st;
}

/* The public form of a figure to check. */
static ft_series_check check_pub(const ft_series_set *s, const check_off *c)
{
    return (ft_series_check){
        .reason = c->reason,
        .doc = str(s, c->off[K_DOC]),
        .published = str(s, c->off[K_PUBLISHED]),
        .source = str(s, c->off[K_SOURCE]),
        .title = str(s, c->off[K_TITLE]),
        .url = str(s, c->off[K_URL]),
        .mention = c->mention,
        .year = str(s, c->off[K_YEAR]),
        .subject = str(s, c->off[K_SUBJECT]),
        .country = str(s, c->off[K_COUNTRY]),
        .amount = str(s, c->off[K_AMOUNT]),
        .currency = str(s, c->off[K_CURRENCY]),
        .reported_amount = str(s, c->off[K_REPORTED]),
        .reported_currency = str(s, c->off[K_REPORTED_CURRENCY]),
        .converted = str(s, c->off[K_CONVERTED]),
        .to_currency = str(s, c->off[K_TO_CURRENCY]),
        .rate_year = str(s, c->off[K_RATE_YEAR]),
    };
}

/* Names and statistics, once every string is in the arena. */
static ft_status finish(ft_series_set *s)
{
    for (size_t i = 0; i < s->nseries; i++) {
        ft_status st = series_label(s, i, &s->soff[i].label);
        if (st == FT_OK)
            st = series_name(s, i, &s->soff[i].name);
        if (st != FT_OK)
            return st;
    }
    /* The arena grows no more: pointers into it are stable now. */
    for (size_t i = 0; i < s->npoints; i++) {
        s->points[i].amount = str(s, s->poff[i].amount);
        s->points[i].docs = str(s, s->poff[i].docs);
        s->points[i].flags = str(s, s->poff[i].flags);
        s->points[i].first_article = s->poff[i].first_art;
        s->points[i].narticles = s->poff[i].nart;
    }
    double *x = malloc((s->npoints ? s->npoints : 1) * sizeof *x);
    double *y = malloc((s->npoints ? s->npoints : 1) * sizeof *y);
    if (!x || !y) {
        free(x);
        free(y);
        return FT_ENOMEM;
    }
    for (size_t i = 0; i < s->nseries; i++) {
        ft_series *se = &s->series[i];
        const series_off *o = &s->soff[i];
        se->subject = str(s, o->subject);
        se->country = str(s, o->country);
        se->currency = str(s, o->currency);
        se->origin = str(s, o->origin);
        se->label = str(s, o->label);
        se->name = str(s, o->name);
        se->points = s->points + o->first;
        se->npoints = o->n;
        for (size_t j = 0; j < o->n; j++) {
            x[j] = se->points[j].year;
            y[j] = se->points[j].value;
        }
        ft_stats_summarize(x, y, o->n, &se->stats);
        se->gdp_share_pct = NAN;
        const ft_point *last = o->n ? &se->points[o->n - 1] : NULL;
        double pct;
        if (last && se->country[0] && isfinite(last->original) &&
            ft_gdp_share_pct(s->gdp, se->country, last->year, se->origin,
                             last->original, &pct))
            se->gdp_share_pct = pct;
    }
    free(x);
    free(y);
    return FT_OK;
}

/* The history of each series: its rows, by published date (a date
 * or none), year, article and mention. */
static int by_published(const ft_series_set *s, int vi, key ka, key kb)
{
    (void)vi;
    const row *a = &s->rows[ka], *b = &s->rows[kb];
    int c = cmp_interned(s, a->published, b->published);
    if (c)
        return c;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if ((c = cmp_interned(s, a->doc, b->doc)))
        return c;
    return a->mention < b->mention ? -1 : a->mention > b->mention;
}

static ft_status sort_figures(ft_series_set *s)
{
    key *tmp = malloc((s->nfigrows ? s->nfigrows : 1) * sizeof *tmp);
    if (!tmp)
        return FT_ENOMEM;
    for (size_t i = 0; i < s->nseries; i++)
        sort_keys(s, 0, by_published, s->figrows + s->soff[i].fig_first, tmp,
                  s->soff[i].nfig);
    free(tmp);
    return FT_OK;
}

static int by_pointer(const void *pa, const void *pb)
{
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    return strcmp(a, b);
}

/* The counts of rows used, conflicts, articles and dates, over the
 * series kept. */
static ft_status recount(ft_series_set *s)
{
    ft_series_counts *c = &s->counts;
    c->used = c->conflicts = c->docs = 0;
    c->first_published[0] = c->last_published[0] = '\0';
    const char **docs = malloc((s->narts ? s->narts : 1) * sizeof *docs);
    if (!docs)
        return FT_ENOMEM;
    size_t nd = 0;
    for (size_t i = 0; i < s->nseries; i++) {
        const ft_series *se = &s->series[i];
        for (size_t j = 0; j < se->npoints; j++) {
            const ft_point *p = &se->points[j];
            c->used += p->mentions;
            for (size_t a = 0; a < p->narticles; a++) {
                ft_point_article pa = ft_series_article(s, p, a);
                const ft_point_article *art = &pa;
                if (!art->agrees) {
                    c->conflicts++;
                    continue;
                }
                if (*art->doc)
                    docs[nd++] = art->doc;
                if (strlen(art->published) != 10)
                    continue;
                if (!*c->first_published ||
                    strcmp(art->published, c->first_published) < 0)
                    memcpy(c->first_published, art->published, 11);
                if (strcmp(art->published, c->last_published) > 0)
                    memcpy(c->last_published, art->published, 11);
            }
        }
    }
    qsort(docs, nd, sizeof *docs, by_pointer);
    for (size_t i = 0; i < nd; i++)
        if (i == 0 || strcmp(docs[i], docs[i - 1]) != 0)
            c->docs++;
    free(docs);
    return FT_OK;
}

/* Whether a figure to check belongs to the series the pattern keeps:
 * the name its series would have (its country's name, ": ", its
 * subject; the subject alone without a country) matches. */
static bool check_selected(const ft_series_set *s, const ft_series_check *c)
{
    if (!*c->country)
        return ft_series_name_matches(c->subject, s->pattern);
    const char *cname = ft_countries_name(s->countries, c->country);
    if (!cname)
        cname = c->country;
    ft_buf b;
    ft_buf_init(&b);
    bool ok = ft_buf_append(&b, cname, strlen(cname)) == FT_OK &&
              ft_buf_append(&b, ": ", 2) == FT_OK &&
              ft_buf_append(&b, c->subject, strlen(c->subject) + 1) == FT_OK;
    /* Out of memory: keep it, better listed than lost. */
    bool keep = !ok || ft_series_name_matches(b.data, s->pattern);
    ft_buf_free(&b);
    return keep;
}

/* Keep the checks of the series kept, and count the left-out ones again
 * by their reasons. */
static void select_checks(ft_series_set *s)
{
    check_list *lists[] = {&s->left, &s->mism};
    for (size_t l = 0; l < 2; l++) {
        size_t kept = 0;
        for (size_t i = 0; i < lists[l]->n; i++) {
            ft_series_check c = check_pub(s, &lists[l]->off[i]);
            if (check_selected(s, &c))
                lists[l]->off[kept++] = lists[l]->off[i];
        }
        lists[l]->n = kept;
    }
    ft_series_counts *c = &s->counts;
    c->changes = c->no_year = c->no_subject = c->bad = c->no_value =
        c->other_base = 0;
    for (size_t i = 0; i < s->left.n; i++) {
        const char *why = s->left.off[i].reason;
        if (why == WHY_CHANGE)
            c->changes++;
        else if (why == WHY_NO_YEAR)
            c->no_year++;
        else if (why == WHY_NO_SUBJECT)
            c->no_subject++;
        else if (why == WHY_BAD_YEAR || why == WHY_BAD_VALUE)
            c->bad++;
        else if (why == WHY_OTHER_BASE)
            c->other_base++;
        else if (why != WHY_BOUND)
            c->no_value++; /* one of why_no_value */
    }
}

/* Drop the series whose name the pattern does not match, with the
 * figures to check that belong to none of those kept. */
static ft_status select_series(ft_series_set *s)
{
    if (!s->pattern || !*s->pattern)
        return FT_OK;
    size_t kept = 0;
    for (size_t i = 0; i < s->nseries; i++) {
        if (!ft_series_name_matches(s->series[i].name, s->pattern)) {
            s->counts.unselected++;
            continue;
        }
        s->series[kept] = s->series[i];
        s->soff[kept++] = s->soff[i];
    }
    s->nseries = kept;
    select_checks(s);
    s->pattern = NULL; /* borrowed until now */
    return recount(s);
}

ft_status ft_series_figures(const ft_series_set *s, size_t i,
                            ft_series_figure **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s->built || i >= s->nseries)
        return FT_OK;
    size_t m = s->soff[i].nfig;
    const key *k = s->figrows + s->soff[i].fig_first;
    ft_series_figure *f = malloc((m ? m : 1) * sizeof *f);
    if (!f)
        return FT_ENOMEM;
    int vi = value_index(s->kind);
    for (size_t j = 0; j < m; j++) {
        const row *r = &s->rows[k[j]];
        f[j] = (ft_series_figure){.published = str(s, r->published),
                                  .doc = str(s, r->doc),
                                  .source = str(s, r->source),
                                  .mention = r->mention,
                                  .year = r->year,
                                  .value = value_of(s, r, vi)};
    }
    *out = f;
    *n = m;
    return FT_OK;
}

size_t ft_series_figure_articles(const ft_series_figure *f, size_t n)
{
    const char **docs = malloc((n ? n : 1) * sizeof *docs);
    size_t nd = 0, distinct = 0;
    if (!docs)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (*f[i].published)
            docs[nd++] = f[i].doc;
    qsort(docs, nd, sizeof *docs, by_pointer);
    for (size_t i = 0; i < nd; i++)
        if (i == 0 || strcmp(docs[i], docs[i - 1]) != 0)
            distinct++;
    free(docs);
    return distinct;
}

static bool same_series(const ft_series_set *s, key a, key b, int vi)
{
    const row *x = &s->rows[a], *y = &s->rows[b];
    return x->country == y->country && x->subject == y->subject &&
           x->currency == y->currency &&
           (vi == V_ORIGINAL || x->to_currency == y->to_currency);
}

ft_status ft_series_build(ft_series_set *s, ft_error *err)
{
    if (s->built)
        return ft_error_set(err, FT_EUSAGE, "series already built");
    s->built = true;
    /* Every amount is read: the cache of their text goes. */
    free(s->recent_numbers);
    s->recent_numbers = NULL;
    s->nrecent = 0;
    resolve_kind(s);
    int vi = value_index(s->kind);
    /* From here only the values plotted are read, and the original ones
     * (a point's figure as reported) until the points are made. */
    for (int v = 0; v < NVALUES; v++)
        if (v != vi && v != V_ORIGINAL)
            drop_values(s, v);
    key *k;
    size_t n;
    if (collect(s, vi, &k, &n) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    aoff *docs = malloc((n ? n : 1) * sizeof *docs);
    size_t ndocs = 0;
    ft_status st = docs ? FT_OK : FT_ENOMEM;
    for (size_t i = 0; i < n && st == FT_OK;) {
        /* One series: the same subject and currencies (interned, so the
         * same offsets; the arena moves as points are made, so the keys'
         * pointers are not looked at after the sort). */
        size_t j = i;
        while (j < n && same_series(s, k[i], k[j], vi))
            j++;
        if ((st = grow_series(s)) != FT_OK)
            break;
        series_off *o = &s->soff[s->nseries++];
        const row *r0 = &s->rows[k[i]];
        o->subject = r0->subject;
        o->country = r0->country;
        o->currency = vi == V_ORIGINAL ? r0->currency : r0->to_currency;
        o->origin = r0->currency;
        o->first = s->npoints;
        o->fig_first = s->nfigrows;
        for (size_t a = i; a < j && st == FT_OK; a++) {
            st = ft_grow((void **)&s->figrows, &s->capfigrows, s->nfigrows,
                         sizeof *s->figrows, 64);
            if (st == FT_OK)
                s->figrows[s->nfigrows++] = k[a];
        }
        o->nfig = s->nfigrows - o->fig_first;
        /* One point per year. */
        for (size_t a = i; a < j && st == FT_OK;) {
            size_t b = a;
            while (b < j && s->rows[k[b]].year == s->rows[k[a]].year)
                b++;
            st = make_point(s, k + a, b - a, vi, docs, &ndocs);
            a = b;
        }
        o->n = s->npoints - o->first;
        i = j;
    }
    if (st == FT_OK) {
        qsort(docs, ndocs, sizeof *docs, by_offset);
        for (size_t i = 0; i < ndocs; i++)
            if (i == 0 || docs[i] != docs[i - 1])
                s->counts.docs++;
    }
    free(docs);
    free(k);
    if (vi != V_ORIGINAL)
        drop_values(s, V_ORIGINAL);
    if (st == FT_OK)
        st = finish(s);
    if (st == FT_OK)
        st = sort_figures(s);
    if (st == FT_OK)
        st = select_series(s);
    if (st != FT_OK)
        return ft_error_set(err, st, "out of memory");
    return FT_OK;
}

size_t ft_series_count(const ft_series_set *s)
{
    return s->nseries;
}

const ft_series *ft_series_at(const ft_series_set *s, size_t i)
{
    return i < s->nseries ? &s->series[i] : NULL;
}

ft_value_kind ft_series_kind(const ft_series_set *s)
{
    return s->kind;
}

int ft_series_constant_year(const ft_series_set *s)
{
    return s->kind == FT_VALUE_CONSTANT ? s->constant_year : 0;
}

const ft_series_counts *ft_series_counts_of(const ft_series_set *s)
{
    return &s->counts;
}

ft_point_article ft_series_article(const ft_series_set *s, const ft_point *p,
                                   size_t a)
{
    const article_off *ar = &s->arts[p->first_article + a];
    const row *r = &s->rows[ar->row];
    int vi = value_index(s->kind);
    return (ft_point_article){.doc = str(s, r->doc),
                              .published = str(s, r->pub),
                              .source = str(s, r->source),
                              .title = str(s, r->title),
                              .url = str(s, r->url),
                              .amount = str(s, r->value[vi]),
                              .value = value_of(s, r, vi),
                              .agrees = ar->agrees};
}

size_t ft_series_nleft_out(const ft_series_set *s)
{
    return s->built ? s->left.n : 0;
}

ft_series_check ft_series_left_out_at(const ft_series_set *s, size_t i)
{
    return check_pub(s, &s->left.off[i]);
}

size_t ft_series_nmismatches(const ft_series_set *s)
{
    return s->built ? s->mism.n : 0;
}

ft_series_check ft_series_mismatch_at(const ft_series_set *s, size_t i)
{
    return check_pub(s, &s->mism.off[i]);
}

/* ---- CSV outputs ----------------------------------------------------------
 */

static ft_status header_row(ft_csvio *w, const char *const *names, size_t n,
                            ft_error *err)
{
    for (size_t i = 0; i < n; i++) {
        ft_status st = ft_csvio_str(w, names[i], err);
        if (st != FT_OK)
            return st;
    }
    return ft_csvio_endrow(w, err);
}

static ft_status number(ft_csvio *w, const char *s, ft_error *err)
{
    return ft_csvio_number(w, s, strlen(s), err);
}

/* A double as a plain number cell (empty for NAN). */
static ft_status real(ft_csvio *w, double v, int sig, int decimals,
                      ft_error *err)
{
    char buf[FT_STATS_BUFSZ];
    size_t n = ft_stats_format(v, sig, decimals, buf, sizeof buf);
    return ft_csvio_number(w, buf, n, err);
}

ft_status ft_series_write_long(const ft_series_set *s, FILE *out, ft_error *err)
{
    static const char *const names[] = {"country", "subject",  "year",
                                        "amount",  "currency", "mentions",
                                        "docs",    "flags"};
    ft_csvio w;
    ft_csvio_init(&w, out, FT_CSVIO_CSV);
    ft_status st = header_row(&w, names, 8, err);
    for (size_t i = 0; i < s->nseries && st == FT_OK; i++) {
        const ft_series *se = &s->series[i];
        /* Two series of one country's subject in one currency (converted
         * from different ones): the label tells their rows apart.  The
         * series of one country's subject are next to each other (the
         * sort's first keys). */
        bool shared = false;
        const series_off *o = &s->soff[i];
        for (size_t j = i; j-- > 0 && same_thing(&s->soff[j], o);)
            shared |= s->soff[j].currency == o->currency;
        for (size_t j = i + 1; j < s->nseries && same_thing(&s->soff[j], o);
             j++)
            shared |= s->soff[j].currency == o->currency;
        const char *subject = shared ? se->label : se->subject;
        for (size_t j = 0; j < se->npoints && st == FT_OK; j++) {
            const ft_point *p = &se->points[j];
            if ((st = ft_csvio_str(&w, se->country, err)) == FT_OK &&
                (st = ft_csvio_str(&w, subject, err)) == FT_OK &&
                (st = ft_csvio_uint(&w, (unsigned)p->year, err)) == FT_OK &&
                (st = number(&w, p->amount, err)) == FT_OK &&
                (st = ft_csvio_str(&w, se->currency, err)) == FT_OK &&
                (st = ft_csvio_uint(&w, p->mentions, err)) == FT_OK &&
                (st = ft_csvio_str(&w, p->docs, err)) == FT_OK &&
                (st = ft_csvio_str(&w, p->flags, err)) == FT_OK)
                st = ft_csvio_endrow(&w, err);
        }
    }
    ft_csvio_free(&w);
    return st;
}

ft_status ft_series_write_wide(const ft_series_set *s, FILE *out, ft_error *err)
{
    ft_csvio w;
    ft_csvio_init(&w, out, FT_CSVIO_CSV);
    size_t *at = calloc(s->nseries + 1, sizeof *at); /* next point */
    if (!at)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    int lo = 0, hi = -1;
    for (size_t i = 0; i < s->nseries; i++) {
        const ft_series *se = &s->series[i];
        if (se->npoints == 0)
            continue;
        if (hi < lo || se->points[0].year < lo)
            lo = se->points[0].year;
        if (se->points[se->npoints - 1].year > hi)
            hi = se->points[se->npoints - 1].year;
    }
    bool every_year = hi - lo <= 1000;
    ft_status st = ft_csvio_str(&w, "year", err);
    for (size_t i = 0; i < s->nseries && st == FT_OK; i++)
        st = ft_csvio_str(&w, s->series[i].name, err);
    if (st == FT_OK)
        st = ft_csvio_endrow(&w, err);
    for (int y = lo; y <= hi && st == FT_OK;) {
        st = ft_csvio_uint(&w, (unsigned)y, err);
        int next = hi + 1;
        for (size_t i = 0; i < s->nseries && st == FT_OK; i++) {
            const ft_series *se = &s->series[i];
            const char *cell = "";
            if (at[i] < se->npoints && se->points[at[i]].year == y)
                cell = se->points[at[i]++].amount;
            if (at[i] < se->npoints && se->points[at[i]].year < next)
                next = se->points[at[i]].year;
            st = number(&w, cell, err);
        }
        if (st == FT_OK)
            st = ft_csvio_endrow(&w, err);
        y = every_year ? y + 1 : next;
    }
    free(at);
    ft_csvio_free(&w);
    return st;
}

ft_status ft_series_write_summary(const ft_series_set *s, FILE *out,
                                  ft_error *err)
{
    static const char *const names[] = {
        "subject", "first_year", "last_year",  "years",
        "first",   "last",       "change_pct", "cagr_pct",
        "slope",   "r2",         "trend_pct",  "gdp_share_pct"};
    ft_csvio w;
    ft_csvio_init(&w, out, FT_CSVIO_CSV);
    ft_status st = header_row(&w, names, 12, err);
    for (size_t i = 0; i < s->nseries && st == FT_OK; i++) {
        const ft_series *se = &s->series[i];
        const ft_stats_summary *m = &se->stats;
        if (se->npoints == 0)
            continue;
        const ft_point *first = &se->points[0];
        const ft_point *last = &se->points[se->npoints - 1];
        if ((st = ft_csvio_str(&w, se->name, err)) == FT_OK &&
            (st = ft_csvio_uint(&w, (unsigned)first->year, err)) == FT_OK &&
            (st = ft_csvio_uint(&w, (unsigned)last->year, err)) == FT_OK &&
            (st = ft_csvio_uint(&w, se->npoints, err)) == FT_OK &&
            (st = number(&w, first->amount, err)) == FT_OK &&
            (st = number(&w, last->amount, err)) == FT_OK &&
            (st = real(&w, m->change_pct, 15, 2, err)) == FT_OK &&
            (st = real(&w, m->cagr_pct, 15, 2, err)) == FT_OK &&
            (st = real(&w, m->fit.slope, 15, 2, err)) == FT_OK &&
            (st = real(&w, m->fit.r2, 15, 4, err)) == FT_OK &&
            (st = real(&w, m->trend_pct, 15, 2, err)) == FT_OK &&
            (st = real(&w, se->gdp_share_pct, 15, 4, err)) == FT_OK)
            st = ft_csvio_endrow(&w, err);
    }
    ft_csvio_free(&w);
    return st;
}
