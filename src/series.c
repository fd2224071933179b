/* series.c — figures rows grouped into one point per country, subject
 * and year.
 *
 * What is kept is what a point needs, not the rows: each row read goes
 * to a scratch file (a record of fixed size, its free text apart), and
 * memory holds the interned strings (subjects, articles, dates), one
 * entry per point for each value that may be plotted (which one is known
 * only once every row is read), and a reference per figure the page
 * lists.  Building reads the records back once, in order; the page's
 * detail (titles, addresses, the figures' text) is read back on
 * request. */
#include "series.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "number.h"
#include "outfile.h"
#include "table.h"
#include "text.h"

/* Strings are NUL-terminated in the set's arena and addressed by 32-bit
 * offsets.  An arena past 4 GiB is out of memory. */
typedef uint32_t aoff;
#define NONE UINT32_MAX
/* Two figures closer than this (relative) are one figure rounded
 * differently. */
#define SAME_FIGURE 0.005

enum { V_ORIGINAL = 0, V_NOMINAL, V_CONSTANT, NVALUES };

/* A row kept (one that may make a point), as its record in the scratch
 * file: record i is row i. */
typedef struct {
    long mention;
    double num[NVALUES]; /* its values; 0 when none or not a number */
    uint64_t text;       /* its text record (T_ fields below) */
    aoff subject, country, doc, qualifier, flags, currency, to_currency;
    aoff pub, source; /* the article, for the page */
    /* The published cell as read when it has 10 bytes (a date), else
     * NONE: the recency order and the dates compare it. */
    aoff published;
    uint32_t point[NVALUES];   /* its point for each value index; NONE */
    short year, constant_year; /* 1 to 9999 (ft_table_parse_year); 0 none */
    unsigned short sig;        /* significant digits of the original amount */
    unsigned char bad;         /* bit k: the value cell k is not a number */
    unsigned char has;         /* bit k: value k is there, a number */
} rec;

/* A row's text record: these fields, each NUL-terminated. */
enum { T_TITLE, T_URL, T_VALUE, NT = T_VALUE + NVALUES };
/* Rows are numbered below this: their two top bits carry a class
 * (entry below), the top one an agreement (arts). */
#define ROWS_MAX (UINT32_C(1) << 30)

/* A figure to check (ft_series_check) as it is given back: the fields
 * in the order of enum below. */
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

/* A figure to check: a row kept (FROM_ROW and its number), or a text
 * record of its cells as given (its mention, then the NK fields). */
#define FROM_ROW (UINT64_C(1) << 63)
typedef struct {
    const char *reason; /* static text; NULL for a mismatch */
    uint64_t ref;
} check_ref;

typedef struct {
    check_ref *c;
    size_t n, cap;
} check_list;

/* The latest row of a point so far (row NONE: none yet). */
typedef struct {
    uint32_t row;
    aoff published, doc;
    long mention;
    double value; /* in the point's value index */
} latest;

/* A point for one value index, summed as rows are added: what decides
 * which figure it keeps. */
typedef struct {
    aoff country, subject, to_currency, currency; /* to_currency NONE for
                                                     V_ORIGINAL */
    short year;
    unsigned char vi;
    latest last[2]; /* [0] the latest figure, [1] the latest bound */
} pacc;

/* Building: what the rows of a point (of the index plotted) add up to. */
typedef struct {
    size_t considered, agreeing;
    latest chosen; /* the agreeing row that gives the figure */
    unsigned short sig;
} tally;

/* A row of a point while building: sorted by point, class and recency
 * for the articles, then by series and date for the histories. */
typedef struct {
    uint32_t point;     /* its point's place in the points */
    uint32_t row;       /* row number | class << 30 */
    uint32_t published; /* its date's rank (0: none) */
    aoff doc;           /* its doc; for the histories, its rank */
    int32_t mention;
} entry;
enum { E_AGREES = 0, E_CONFLICT = 1, E_BOUND = 2 };
#define E_CLASS(e) ((e)->row >> 30)
#define E_ROW(e) ((e)->row & (ROWS_MAX - 1))

/* An article of a point: its row, with ART_AGREES when it agrees. */
#define ART_AGREES (UINT32_C(1) << 31)

typedef struct {
    aoff name, label, subject, country, currency, origin; /* arena offsets */
    size_t first, n;        /* its points in the points array */
    size_t fig_first, nfig; /* its rows in figrows (its history) */
} series_off;

typedef struct {
    aoff amount, docs, flags; /* arena offsets */
    size_t first_art, nart;   /* its articles in the articles array */
} point_off;

/* The columns interned, each with its last string. */
enum {
    L_DOC,
    L_SUBJECT,
    L_COUNTRY,
    L_QUALIFIER,
    L_FLAGS,
    L_CURRENCY,
    L_TO_CURRENCY,
    L_PUBLISHED,
    L_SOURCE,
    NLAST
};

struct ft_series_set {
    ft_value_kind want, kind;
    int constant_year; /* of the first row with a constant-price value */
    bool have_base;    /* constant_year is set */
    int asked;         /* the first constant_year a row asks for; 0 */
    const ft_countries *countries; /* for names; may be NULL */
    const ft_gdp *gdp;             /* for shares of GDP; may be NULL */
    ft_buf arena; /* NUL-terminated strings, addressed by offset */
    /* Interned strings (subjects, docs, currencies): open addressing. */
    uint32_t *slots;
    size_t nslots, nused;
    /* The string each column interned last (NONE: none yet): a run of
     * rows mostly repeats its article, country, currency... */
    aoff last[NLAST];
    /* The points summed for each value index, and their table (open
     * addressing, by key). */
    pacc *acc;
    size_t nacc, capacc;
    uint32_t *pslots;
    size_t npslots;
    /* The scratch files: the rows' records, their text records. */
    FILE *recs, *text;
    char *scratch_dir; /* where they are ($TMPDIR, else /tmp); NULL */
    uint64_t text_len;
    ft_buf line;    /* a text record being made */
    ft_buf *answer; /* the strings of the last on-request answer: one
                       buffer per kind of answer (A_ below) */
    size_t nrows;
    size_t with_column[NVALUES]; /* rows whose input has the column */
    size_t with_value[NVALUES];  /* rows with a value in it */
    ft_series_counts counts;
    /* A scratch file could not be made or written: the rows read no
     * longer match their points, and build refuses. */
    bool broken;
    /* After build. */
    bool built;
    ft_series *series;
    series_off *soff;
    size_t nseries;
    size_t capseries;
    ft_point *points;
    point_off *poff;
    size_t npoints, cappoints;
    uint32_t *arts; /* rows, | ART_AGREES */
    size_t narts, caparts;
    check_list left, mism;
    /* The selection (ft_series_set_select). */
    const char *pattern;
    int from, to;
    /* Every row of each series, each series' by published date. */
    uint32_t *figrows;
    size_t nfigrows;
};
enum { A_ARTICLE, A_CHECK, NANSWERS };
/* Text records are read 256 bytes at a time (get_text), with room for NULs
 * after them and a year (check_pub). */
enum { TEXT_GUESS = 256, TEXT_PAD = 32 };
#define ANSWER_ROOM (TEXT_GUESS + TEXT_PAD)

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
    s->answer = calloc(NANSWERS, sizeof *s->answer);
    if (!s->answer) {
        free(s);
        return NULL;
    }
    /* Room for most answers at once, so that an answer that cannot
     * have more is one of empty fields, never none (get_text). */
    for (int i = 0; i < NANSWERS; i++) {
        ft_buf_init(&s->answer[i]);
        if (ft_buf_reserve(&s->answer[i], ANSWER_ROOM) != FT_OK) {
            ft_series_set_free(s);
            return NULL;
        }
    }
    s->want = kind;
    s->kind = kind;
    ft_buf_init(&s->arena);
    ft_buf_init(&s->line);
    for (int i = 0; i < NLAST; i++)
        s->last[i] = NONE;
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
    ft_buf_free(&s->line);
    for (int i = 0; i < NANSWERS; i++)
        ft_buf_free(&s->answer[i]);
    free(s->answer);
    free(s->scratch_dir);
    free(s->slots);
    free(s->acc);
    free(s->pslots);
    if (s->recs)
        fclose(s->recs);
    if (s->text)
        fclose(s->text);
    free(s->series);
    free(s->soff);
    free(s->points);
    free(s->poff);
    free(s->arts);
    free(s->left.c);
    free(s->mism.c);
    free(s->figrows);
    free(s);
}

size_t ft_series_held_bytes(const ft_series_set *s)
{
    size_t n = sizeof *s + s->arena.cap + s->line.cap;
    for (int i = 0; i < NANSWERS; i++)
        n += s->answer[i].cap;
    n += (s->nslots + s->npslots) * sizeof(uint32_t);
    n += s->capacc * sizeof *s->acc;
    n += (s->left.cap + s->mism.cap) * sizeof(check_ref);
    n += s->capseries * (sizeof *s->series + sizeof *s->soff);
    n += s->cappoints * (sizeof *s->points + sizeof *s->poff);
    n += s->caparts * sizeof *s->arts + s->nfigrows * sizeof *s->figrows;
    return n;
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

/* Where an entry of an open-addressing table hashes. */
typedef uint64_t (*entry_hash)(const ft_series_set *s, uint32_t entry);

/* Double an open-addressing table of entries (NONE: an empty slot),
 * `first` slots the first time, each entry moved to where it hashes
 * now.  The slots are a power of two. */
static ft_status grow_table(const ft_series_set *s, uint32_t **slots,
                            size_t *nslots, size_t first, entry_hash h)
{
    size_t n = *nslots ? *nslots * 2 : first;
    uint32_t *t = malloc(n * sizeof *t);
    if (!t)
        return FT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        t[i] = NONE;
    for (size_t i = 0; i < *nslots; i++) {
        if ((*slots)[i] == NONE)
            continue;
        size_t j = h(s, (*slots)[i]) & (n - 1);
        while (t[j] != NONE)
            j = (j + 1) & (n - 1);
        t[j] = (*slots)[i];
    }
    free(*slots);
    *slots = t;
    *nslots = n;
    return FT_OK;
}

static uint64_t string_hash(const ft_series_set *s, uint32_t off)
{
    const char *p = str(s, off);
    return hash(p, strlen(p));
}

/* The offset of p[0..n) (which holds no NUL), stored once.  Strings
 * go into the arena as they are first seen, so offsets order them so:
 * an article's doc is its order of first reading. */
static ft_status intern(ft_series_set *s, const char *p, size_t n, aoff *off)
{
    if ((s->nused + 1) * 2 > s->nslots &&
        grow_table(s, &s->slots, &s->nslots, 256, string_hash) != FT_OK)
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
 * its first NUL; NONE for NULL or "".  A cell equal to its column's last
 * string (s->last[col]) is that string: being well-formed, it interns
 * as it is. */
static ft_status intern_cell(ft_series_set *s, int col, const char *cell,
                             aoff *off)
{
    *off = NONE;
    if (!cell || !*cell)
        return FT_OK;
    if (s->last[col] != NONE && strcmp(cell, str(s, s->last[col])) == 0) {
        *off = s->last[col];
        return FT_OK;
    }
    size_t n = strlen(cell);
    ft_status st;
    if (ft_text_utf8_valid(cell, n, NULL))
        st = intern(s, cell, n, off);
    else {
        ft_buf b;
        ft_buf_init(&b);
        st = ft_text_scrub(&b, cell, n);
        if (st == FT_OK)
            st = intern(s, b.data, b.len, off);
        ft_buf_free(&b);
    }
    if (st == FT_OK)
        s->last[col] = *off;
    return st;
}

/* ---- the scratch files ------------------------------------------------- */

static ft_status open_scratch(ft_series_set *s)
{
    const char *dir = NULL;
    ft_status st = FT_OK;
    if (!s->recs && !(s->recs = ft_outfile_scratch("report", &dir)))
        st = FT_EIO;
    else if (!s->text && !(s->text = ft_outfile_scratch("report", &dir)))
        st = FT_EIO;
    /* The directory, for messages, copied: it is the environment's
     * string, which a later setenv may free.  Without memory for it the
     * messages say "$TMPDIR". */
    if (dir && !s->scratch_dir) {
        int e = errno;
        s->scratch_dir = strdup(dir);
        errno = e;
    }
    return st;
}

/* A cell to a text record: well-formed UTF-8 (as intern_cell), cut at
 * its first NUL, and a NUL; "" for NULL. */
static ft_status text_cell(ft_buf *b, const char *cell)
{
    ft_status st = cell ? ft_text_scrub(b, cell, strlen(cell)) : FT_OK;
    return st == FT_OK ? ft_buf_putc(b, '\0') : st;
}

/* The text record in s->line to the text file, at *off. */
static ft_status put_text(ft_series_set *s, uint64_t *off)
{
    uint32_t n = (uint32_t)s->line.len;
    if (s->line.len > UINT32_MAX - 1)
        return FT_ENOMEM;
    if (fwrite(&n, sizeof n, 1, s->text) != 1 ||
        (n && fwrite(s->line.data, 1, n, s->text) != n))
        return FT_EIO;
    *off = s->text_len;
    s->text_len += sizeof n + n;
    return FT_OK;
}

/* Text record `off` into b (its NUL-separated fields); false, and b
 * holding empty fields, when it cannot be read.  One read takes the
 * length and, mostly, the record: a second, the rest of a long one. */
static bool get_text(const ft_series_set *s, uint64_t off, ft_buf *b)
{
    uint32_t n = 0;
    ft_buf_clear(b);
    bool ok = ft_buf_reserve(b, TEXT_GUESS + TEXT_PAD) == FT_OK;
    ssize_t got =
        ok ? pread(fileno(s->text), b->data, TEXT_GUESS, (off_t)off) : -1;
    ok = got >= (ssize_t)sizeof n;
    if (ok) {
        memcpy(&n, b->data, sizeof n);
        size_t have = (size_t)got - sizeof n;
        memmove(b->data, b->data + sizeof n, have < n ? have : n);
        if (have < n)
            ok = ft_buf_reserve(b, (size_t)n + TEXT_PAD) == FT_OK &&
                 pread(fileno(s->text), b->data + have, n - have,
                       (off_t)(off + sizeof n + have)) == (ssize_t)(n - have);
    }
    if (!ok)
        n = 0;
    /* Fields past the end read as "": NULs after it. */
    memset(b->data + n, 0, TEXT_PAD);
    b->len = n;
    return ok;
}

/* Field k of a text record's NUL-separated fields. */
static const char *field(const char *p, int k)
{
    while (k-- > 0)
        p += strlen(p) + 1;
    return p;
}

/* Row i's record; false, and an empty record, when it cannot be
 * read. */
static bool get_rec(const ft_series_set *s, uint32_t i, rec *r)
{
    if (pread(fileno(s->recs), r, sizeof *r, (off_t)i * (off_t)sizeof *r) ==
        (ssize_t)sizeof *r)
        return true;
    memset(r, 0xff, sizeof *r); /* every offset NONE */
    r->mention = 0;
    r->year = r->constant_year = 0;
    r->sig = 0;
    r->bad = 0;
    for (int k = 0; k < NVALUES; k++)
        r->num[k] = 0;
    r->text = UINT64_MAX;
    return false;
}

/* ---- numbers ---------------------------------------------------------- */

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
 * exponent) into buf[0..FT_STATS_BUFSZ), its value in *v; false when it
 * is not a number. */
static bool number_cell(const char *cell, char *buf, double *v)
{
    size_t n = strlen(cell);
    bool neg = n > 0 && cell[0] == '-';
    ft_decimal d;
    size_t len;
    if (n > (size_t)neg && cell[neg] != '.' && cell[n - 1] != '.' &&
        ft_decimal_parse(cell + neg, n - neg, &d)) {
        d.negative = neg && !ft_decimal_is_zero(d);
        len = ft_decimal_format(d, buf, FT_STATS_BUFSZ);
        *v = ft_decimal_to_double(d);
    } else if (ft_table_parse_number(cell, v))
        len = ft_stats_format(*v, 15, 6, buf, FT_STATS_BUFSZ);
    else
        return false;
    return len > 0 && len < FT_STATS_BUFSZ;
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

static ft_status add_check(check_list *l, const char *reason, uint64_t ref)
{
    if (ft_grow((void **)&l->c, &l->cap, l->n, sizeof *l->c, 16) != FT_OK)
        return FT_ENOMEM;
    l->c[l->n++] = (check_ref){.reason = reason, .ref = ref};
    return FT_OK;
}

/* A figure to check, from its row's cells as given: a text record of
 * them. */
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
    long mention = r->mention ? strtol(r->mention, NULL, 10) : 0;
    ft_buf_clear(&s->line);
    ft_status st =
        ft_buf_append(&s->line, (const char *)&mention, sizeof mention);
    for (int i = 0; i < NK && st == FT_OK; i++)
        st = text_cell(&s->line, cells[i]);
    uint64_t off;
    if (st == FT_OK && (st = open_scratch(s)) == FT_OK &&
        (st = put_text(s, &off)) == FT_OK)
        st = add_check(l, reason, off);
    return st;
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

/* A failure to write the scratch file, which no later row undoes. */
static ft_status write_failed(ft_series_set *s, ft_error *err)
{
    s->broken = true;
    return ft_error_set(err, FT_EIO, "cannot write a temporary file in %s: %s",
                        s->scratch_dir ? s->scratch_dir : "$TMPDIR",
                        strerror(errno));
}

/* A row left out before it is kept: counted and listed. */
static ft_status left_out(ft_series_set *s, size_t *count, const char *why,
                          const ft_series_row *r, ft_error *err)
{
    (*count)++;
    ft_status st = check_from_cells(s, &s->left, why, r);
    if (st == FT_EIO)
        return write_failed(s, err);
    if (st != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    return FT_OK;
}

/* ---- points, summed as rows are added ---------------------------------- */

/* Two interned strings: the same offset is the same string. */
static int cmp_interned(const ft_series_set *s, aoff a, aoff b)
{
    return a == b ? 0 : strcmp(str(s, a), str(s, b));
}

/* When an article was first read: its doc's offset (intern), 0 for
 * none, as the first string stored (always an interned cell). */
static aoff doc_order(aoff doc)
{
    return doc == NONE ? 0 : doc;
}

/* Whether a comes before b, later articles first: by published, then
 * by when the article was first read, then its earlier mention, then
 * the row read first. */
static bool sooner(const ft_series_set *s, const latest *a, const latest *b)
{
    int c = cmp_interned(s, b->published, a->published);
    if (c)
        return c < 0;
    if (doc_order(a->doc) != doc_order(b->doc))
        return doc_order(a->doc) > doc_order(b->doc);
    if (a->mention != b->mention)
        return a->mention < b->mention;
    return a->row < b->row;
}

/* Is a qualifier a bound (more than, at least, less than, up to)? */
static bool is_bound(const char *q)
{
    return strcmp(q, "gt") == 0 || strcmp(q, "ge") == 0 ||
           strcmp(q, "lt") == 0 || strcmp(q, "le") == 0;
}

static uint64_t key_hash(aoff country, aoff subject, aoff to_cur, aoff cur,
                         int year, int vi)
{
    uint64_t h = 1469598103934665603u;
    uint64_t k[] = {country, subject,        to_cur,
                    cur,     (uint64_t)year, (uint64_t)vi};
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        h = (h ^ k[i]) * 1099511628211u;
    return h ^ (h >> 29);
}

static uint64_t point_hash(const ft_series_set *s, uint32_t i)
{
    const pacc *a = &s->acc[i];
    return key_hash(a->country, a->subject, a->to_currency, a->currency,
                    a->year, a->vi);
}

/* Why a kept row makes no point of value index vi (and the count it
 * adds to), NULL when it makes one. */
static const char *why_not_point(ft_series_set *s, const rec *r, int vi,
                                 size_t **count)
{
    aoff cur = vi == V_ORIGINAL ? r->currency : r->to_currency;
    if (r->bad & (1u << vi))
        return *count = &s->counts.bad, WHY_BAD_VALUE;
    if (!(r->has & (1u << vi)) || cur == NONE)
        return *count = &s->counts.no_value, why_no_value[vi];
    if (vi == V_CONSTANT && r->constant_year != s->constant_year)
        return *count = &s->counts.other_base, WHY_OTHER_BASE;
    return NULL;
}

/* The base year of constant prices is the first one a row with a
 * constant-price value gives (not 0): when it comes after rows of none,
 * the points those made are of another base year, and go. */
static void set_base(ft_series_set *s, const rec *r)
{
    if (!(r->has & (1u << V_CONSTANT)) || s->constant_year || !r->constant_year)
        return;
    s->constant_year = r->constant_year;
    for (size_t i = 0; i < s->nacc; i++)
        if (s->acc[i].vi == V_CONSTANT)
            s->acc[i].vi = NVALUES; /* matches no row again */
}

/* Row r (number i) into its point of value index vi: *point is the
 * point's number. */
static ft_status add_to_point(ft_series_set *s, const rec *r, uint32_t i,
                              int vi, uint32_t *point)
{
    if ((s->nacc + 1) * 2 > s->npslots &&
        grow_table(s, &s->pslots, &s->npslots, 1024, point_hash) != FT_OK)
        return FT_ENOMEM;
    aoff to = vi == V_ORIGINAL ? NONE : r->to_currency;
    size_t j = key_hash(r->country, r->subject, to, r->currency, r->year, vi) &
               (s->npslots - 1);
    pacc *a = NULL;
    for (; s->pslots[j] != NONE; j = (j + 1) & (s->npslots - 1)) {
        pacc *b = &s->acc[s->pslots[j]];
        if (b->country == r->country && b->subject == r->subject &&
            b->to_currency == to && b->currency == r->currency &&
            b->year == r->year && b->vi == vi) {
            a = b;
            break;
        }
    }
    if (!a) {
        if (s->nacc >= NONE - 1 ||
            ft_grow((void **)&s->acc, &s->capacc, s->nacc, sizeof *s->acc,
                    256) != FT_OK)
            return FT_ENOMEM;
        s->pslots[j] = (uint32_t)s->nacc;
        a = &s->acc[s->nacc++];
        *a = (pacc){.country = r->country,
                    .subject = r->subject,
                    .to_currency = to,
                    .currency = r->currency,
                    .year = r->year,
                    .vi = (unsigned char)vi,
                    .last = {{.row = NONE}, {.row = NONE}}};
    }
    *point = (uint32_t)(a - s->acc);
    latest l = {.row = i,
                .published = r->published,
                .doc = r->doc,
                .mention = r->mention,
                .value = r->num[vi]};
    latest *w = &a->last[is_bound(str(s, r->qualifier))];
    if (w->row == NONE || sooner(s, &l, w))
        *w = l;
    return FT_OK;
}

/* A row that may make a point: its record, its text, its points.  What
 * can fail without changing the set (interned strings apart, which
 * nothing refers to yet) comes first; a failure after the first change
 * marks the set broken, as its points would name a row never written. */
static ft_status keep_row(ft_series_set *s, const ft_series_row *r, int year,
                          aoff doc)
{
    rec w;
    memset(&w, 0, sizeof w);
    w.year = (short)year;
    w.doc = doc;
    ft_status st = FT_OK;
    if ((st = intern_cell(s, L_SUBJECT, r->subject, &w.subject)) != FT_OK ||
        (st = intern_cell(s, L_COUNTRY, r->country, &w.country)) != FT_OK ||
        (st = intern_cell(s, L_QUALIFIER, r->qualifier, &w.qualifier)) !=
            FT_OK ||
        (st = intern_cell(s, L_FLAGS, r->flags, &w.flags)) != FT_OK ||
        (st = intern_cell(s, L_CURRENCY, r->currency, &w.currency)) != FT_OK ||
        (st = intern_cell(s, L_TO_CURRENCY, r->to_currency, &w.to_currency)) !=
            FT_OK ||
        (st = intern_cell(s, L_PUBLISHED, r->published, &w.pub)) != FT_OK ||
        (st = intern_cell(s, L_SOURCE, r->source, &w.source)) != FT_OK)
        return st;
    w.published = NONE;
    if (r->published && strlen(r->published) == 10 &&
        (st = intern(s, r->published, 10, &w.published)) != FT_OK)
        return st;
    if (r->mention)
        w.mention = strtol(r->mention, NULL, 10);
    int base;
    if (r->constant_year && ft_table_parse_year(r->constant_year, &base))
        w.constant_year = (short)base;
    ft_buf_clear(&s->line);
    if ((st = text_cell(&s->line, r->title)) != FT_OK ||
        (st = text_cell(&s->line, r->url)) != FT_OK)
        return st;
    const char *cells[NVALUES] = {r->amount, r->amount_nominal,
                                  r->amount_constant};
    for (int k = 0; k < NVALUES && st == FT_OK; k++) {
        char buf[FT_STATS_BUFSZ];
        bool has = false;
        if (!empty(cells[k])) {
            has = number_cell(cells[k], buf, &w.num[k]);
            if (!has)
                w.num[k] = 0;
            w.bad |= (unsigned char)(!has << k);
            w.has |= (unsigned char)(has << k);
        }
        if (has && k == V_ORIGINAL)
            w.sig = (unsigned short)significant_digits(buf);
        st = has ? ft_buf_append(&s->line, buf, strlen(buf) + 1)
                 : ft_buf_putc(&s->line, '\0');
    }
    if (st != FT_OK)
        return st;
    /* The first change. */
    if (!s->asked)
        s->asked = w.constant_year;
    for (int k = 0; k < NVALUES; k++) {
        s->with_column[k] += cells[k] != NULL;
        s->with_value[k] += !empty(cells[k]);
    }
    set_base(s, &w);
    for (int k = 0; k < NVALUES && st == FT_OK; k++) {
        size_t *count;
        w.point[k] = NONE;
        if (!why_not_point(s, &w, k, &count))
            st = add_to_point(s, &w, (uint32_t)s->nrows, k, &w.point[k]);
    }
    if (st == FT_OK && (st = open_scratch(s)) == FT_OK &&
        (st = put_text(s, &w.text)) == FT_OK &&
        fwrite(&w, sizeof w, 1, s->recs) != 1)
        st = FT_EIO;
    if (st == FT_OK)
        s->nrows++;
    else
        s->broken = true;
    return st;
}

ft_status ft_series_add(ft_series_set *s, const ft_series_row *r, ft_error *err)
{
    ft_series_counts *c = &s->counts;
    if (s->broken)
        return ft_error_set(err, FT_EIO, "cannot write a temporary file");
    if (outside_years(s, r)) {
        c->outside++;
        return FT_OK;
    }
    c->rows++;
    /* Every row read orders its article, kept or not. */
    aoff doc;
    if (intern_cell(s, L_DOC, r->doc, &doc) != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (has_flag(r->flags, "conversion_mismatch")) {
        ft_status st = check_from_cells(s, &s->mism, NULL, r);
        if (st == FT_EIO)
            return write_failed(s, err);
        if (st != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    if (r->kind && strcmp(r->kind, "change") == 0)
        return left_out(s, &c->changes, WHY_CHANGE, r, err);
    if (empty(r->year))
        return left_out(s, &c->no_year, WHY_NO_YEAR, r, err);
    int year;
    if (!ft_table_parse_year(r->year, &year))
        return left_out(s, &c->bad, WHY_BAD_YEAR, r, err);
    if (empty(r->subject))
        return left_out(s, &c->no_subject, WHY_NO_SUBJECT, r, err);
    if (s->nrows >= ROWS_MAX - 1) /* rows are numbered in 30 bits */
        return ft_error_set(err, FT_ENOMEM, "more than 2^30 figures");
    ft_status st = keep_row(s, r, year, doc);
    if (st == FT_EIO)
        return write_failed(s, err);
    if (st != FT_OK)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
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
    for (int k = V_CONSTANT; k > V_ORIGINAL && s->want == FT_VALUE_AUTO; k--)
        if (s->nrows > 0 && s->with_column[k] == s->nrows &&
            s->with_value[k] == 0 && (k != V_CONSTANT || s->asked)) {
            s->counts.empty_column =
                k == V_CONSTANT ? FT_VALUE_CONSTANT : FT_VALUE_NOMINAL;
            s->counts.empty_constant_year = k == V_CONSTANT ? s->asked : 0;
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

typedef int (*item_order)(const ft_series_set *s, const void *a, const void *b);

/* Sort n items of `size` bytes (at most 32) in place by `order`, a total
 * order: a heap sort (qsort passes no context, and would take a copy of
 * the array, as large as every row's entry).  Inlined into each caller,
 * whose constant size and order then compile to moves and a direct,
 * inlined comparison: most of the build's time is spent here. */
static inline __attribute__((always_inline)) void
sort_items(const ft_series_set *s, void *base, size_t n, size_t size,
           item_order order)
{
    unsigned char *b = base, t[32];
#define AT(i) (b + (i)*size)
#define SWAP(i, j)                                                             \
    (memcpy(t, AT(i), size), memcpy(AT(i), AT(j), size), memcpy(AT(j), t, size))
    for (size_t k = n / 2, end = n; end > 1;) {
        if (k > 0)
            k--;
        else {
            end--;
            SWAP(0, end);
        }
        for (size_t i = k;;) { /* sift down */
            size_t c = 2 * i + 1;
            if (c >= end)
                break;
            if (c + 1 < end && order(s, AT(c + 1), AT(c)) > 0)
                c++;
            if (order(s, AT(c), AT(i)) <= 0)
                break;
            SWAP(i, c);
            i = c;
        }
    }
#undef AT
#undef SWAP
}

/* ---- the rows read back ------------------------------------------------- */

/* The record of each row in turn, read in large pieces. */
typedef struct {
    const ft_series_set *s;
    rec buf[512];
    size_t n, at, next; /* records in buf, the next in buf, next row */
} rec_reader;

static const rec *next_rec(rec_reader *rd)
{
    if (rd->at == rd->n) {
        size_t want = rd->s->nrows - rd->next;
        if (want > sizeof rd->buf / sizeof *rd->buf)
            want = sizeof rd->buf / sizeof *rd->buf;
        ssize_t got =
            want ? pread(fileno(rd->s->recs), rd->buf, want * sizeof *rd->buf,
                         (off_t)rd->next * (off_t)sizeof *rd->buf)
                 : 0;
        if (got < 0 || (size_t)got != want * sizeof *rd->buf || !want)
            return NULL;
        rd->n = want;
        rd->at = 0;
    }
    rd->next++;
    return &rd->buf[rd->at++];
}

static int32_t clamp32(long v)
{
    return v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v;
}

/* Every row read back once, in order: the rows that make no point of
 * index vi listed (and counted), and each row of a point in *out (its
 * point's number, its class; published and doc as offsets), the points'
 * tallies in t. */
static ft_status tally_rows(ft_series_set *s, int vi, tally *t, entry **out,
                            size_t *nout)
{
    ft_series_counts *c = &s->counts;
    rec_reader *rd = malloc(sizeof *rd);
    entry *e = malloc((s->nrows ? s->nrows : 1) * sizeof *e);
    if (!rd || !e) {
        free(rd);
        free(e);
        return FT_ENOMEM;
    }
    rd->s = s;
    rd->n = rd->at = rd->next = 0;
    size_t n = 0;
    ft_status st = FT_OK;
    for (uint32_t i = 0; i < s->nrows && st == FT_OK; i++) {
        const rec *r = next_rec(rd);
        size_t *count;
        const char *why;
        if (!r) {
            st = FT_EIO;
            break;
        }
        if ((why = why_not_point(s, r, vi, &count))) {
            (*count)++;
            st = add_check(&s->left, why, FROM_ROW | i);
            continue;
        }
        uint32_t p = r->point[vi];
        const pacc *a = &s->acc[p];
        /* A bound ("more than 60 trillion won", "넘는") says less than a
         * figure: where the year has figures, bounds are left out of it
         * and are no conflict; where it has only bounds, they make the
         * point. */
        bool any_figure = a->last[0].row != NONE;
        unsigned cls = E_BOUND;
        if (!any_figure || !is_bound(str(s, r->qualifier))) {
            tally *k = &t[p];
            k->considered++;
            cls = E_CONFLICT;
            if (same_figure(r->num[vi], a->last[any_figure ? 0 : 1].value)) {
                cls = E_AGREES;
                k->agreeing++;
                latest l = {.row = i,
                            .published = r->published,
                            .doc = r->doc,
                            .mention = r->mention,
                            .value = r->num[vi]};
                /* The most precise of them, the latest of those. */
                if (k->chosen.row == NONE || r->sig > k->sig ||
                    (r->sig == k->sig && sooner(s, &l, &k->chosen))) {
                    k->chosen = l;
                    k->sig = r->sig;
                }
                if (r->published != NONE) {
                    const char *pub = str(s, r->published);
                    if (!*c->first_published ||
                        strcmp(pub, c->first_published) < 0)
                        memcpy(c->first_published, pub, 11);
                    if (strcmp(pub, c->last_published) > 0)
                        memcpy(c->last_published, pub, 11);
                }
            }
        }
        e[n++] = (entry){.point = p,
                         .row = i | (uint32_t)cls << 30,
                         .published = r->published,
                         .doc = r->doc,
                         .mention = clamp32(r->mention)};
    }
    free(rd);
    if (st != FT_OK) {
        free(e);
        return st;
    }
    *out = e;
    *nout = n;
    return FT_OK;
}

/* ---- ranks ----------------------------------------------------------------
 */

/* Interned strings in string order, to compare them as numbers. */
typedef struct {
    aoff *off;   /* the distinct offsets, ascending */
    uint32_t *r; /* the rank of each (NONE, "", first) */
    size_t n;
} ranks;

static int by_string(const ft_series_set *s, const void *a, const void *b)
{
    return cmp_interned(s, *(const aoff *)a, *(const aoff *)b);
}

/* The ranks of the offsets found at field `at` of e[0..n). */
static ft_status rank_field(const ft_series_set *s, const entry *e, size_t n,
                            size_t at, ranks *k)
{
    aoff *all = malloc((n ? n : 1) * sizeof *all);
    if (!all)
        return FT_ENOMEM;
    for (size_t i = 0; i < n; i++)
        memcpy(&all[i], (const char *)&e[i] + at, sizeof *all);
    qsort(all, n, sizeof *all, by_offset);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || all[i] != all[m - 1])
            all[m++] = all[i];
    aoff *byname = malloc((m ? m : 1) * sizeof *byname);
    k->r = malloc((m ? m : 1) * sizeof *k->r);
    if (!byname || !k->r) {
        free(all);
        free(byname);
        free(k->r);
        return FT_ENOMEM;
    }
    memcpy(byname, all, m * sizeof *all);
    sort_items(s, byname, m, sizeof *byname, by_string);
    k->off = realloc(all, (m ? m : 1) * sizeof *all);
    if (!k->off)
        k->off = all;
    k->n = m;
    for (size_t i = 0; i < m; i++) {
        aoff *at_off =
            bsearch(&byname[i], k->off, m, sizeof *k->off, by_offset);
        k->r[at_off - k->off] = (uint32_t)i;
    }
    free(byname);
    return FT_OK;
}

static uint32_t rank_of(const ranks *k, aoff off)
{
    aoff *at = bsearch(&off, k->off, k->n, sizeof *k->off, by_offset);
    return at ? k->r[at - k->off] : 0;
}

static void ranks_free(ranks *k)
{
    free(k->off);
    free(k->r);
}

/* ---- points and series ------------------------------------------------- */

/* By country, subject, currency plotted, currency reported, year. */
static int by_series(const ft_series_set *s, const void *pa, const void *pb)
{
    const pacc *a = &s->acc[*(const uint32_t *)pa];
    const pacc *b = &s->acc[*(const uint32_t *)pb];
    int c = cmp_interned(s, a->country, b->country);
    if (c)
        return c;
    if ((c = cmp_interned(s, a->subject, b->subject)))
        return c;
    if ((c = cmp_interned(s, a->to_currency, b->to_currency)))
        return c;
    if ((c = cmp_interned(s, a->currency, b->currency)))
        return c;
    return a->year < b->year ? -1 : a->year > b->year;
}

/* By point, class (agreeing, conflicting, bounds), then latest first (as
 * sooner, published being ranks). */
static int by_point(const ft_series_set *s, const void *pa, const void *pb)
{
    (void)s;
    const entry *a = pa, *b = pb;
    if (a->point != b->point)
        return a->point < b->point ? -1 : 1;
    if (E_CLASS(a) != E_CLASS(b))
        return E_CLASS(a) < E_CLASS(b) ? -1 : 1;
    if (a->published != b->published)
        return a->published > b->published ? -1 : 1;
    if (doc_order(a->doc) != doc_order(b->doc))
        return doc_order(a->doc) > doc_order(b->doc) ? -1 : 1;
    if (a->mention != b->mention)
        return a->mention < b->mention ? -1 : 1;
    return E_ROW(a) < E_ROW(b) ? -1 : E_ROW(a) > E_ROW(b);
}

/* A series' history: by published date, year, doc (published and doc
 * as ranks by name), mention, then the row read first. */
static int by_date(const ft_series_set *s, const void *pa, const void *pb)
{
    const entry *a = pa, *b = pb;
    if (a->published != b->published)
        return a->published < b->published ? -1 : 1;
    int ya = s->points[a->point].year, yb = s->points[b->point].year;
    if (ya != yb)
        return ya < yb ? -1 : 1;
    if (a->doc != b->doc)
        return a->doc < b->doc ? -1 : 1;
    if (a->mention != b->mention)
        return a->mention < b->mention ? -1 : 1;
    return E_ROW(a) < E_ROW(b) ? -1 : E_ROW(a) > E_ROW(b);
}

/* Room for one more of n items in two arrays that grow in step (a
 * point and its offset, a series and its); *cap is the smaller room. */
static ft_status grow_pair(void **a, size_t asize, void **b, size_t bsize,
                           size_t *cap, size_t n, size_t least)
{
    size_t cap1 = *cap, cap2 = *cap;
    if (ft_grow(a, &cap1, n, asize, least) != FT_OK ||
        ft_grow(b, &cap2, n, bsize, least) != FT_OK)
        return FT_ENOMEM;
    *cap = cap1 < cap2 ? cap1 : cap2;
    return FT_OK;
}

static ft_status grow_points(ft_series_set *s)
{
    return grow_pair((void **)&s->points, sizeof *s->points, (void **)&s->poff,
                     sizeof *s->poff, &s->cappoints, s->npoints, 64);
}

static ft_status grow_series(ft_series_set *s)
{
    return grow_pair((void **)&s->series, sizeof *s->series, (void **)&s->soff,
                     sizeof *s->soff, &s->capseries, s->nseries, 16);
}

/* The points of index vi in series order (ord[0..n), acc numbers), made
 * into series: the points' places in *place (by acc number). */
static ft_status make_series(ft_series_set *s, int vi, const uint32_t *ord,
                             size_t n, uint32_t *place)
{
    for (size_t i = 0; i < n;) {
        const pacc *a = &s->acc[ord[i]];
        size_t j = i;
        while (j < n && s->acc[ord[j]].country == a->country &&
               s->acc[ord[j]].subject == a->subject &&
               s->acc[ord[j]].to_currency == a->to_currency &&
               s->acc[ord[j]].currency == a->currency)
            j++;
        if (grow_series(s) != FT_OK)
            return FT_ENOMEM;
        series_off *o = &s->soff[s->nseries++];
        memset(o, 0, sizeof *o);
        o->subject = a->subject;
        o->country = a->country;
        o->currency = vi == V_ORIGINAL ? a->currency : a->to_currency;
        o->origin = a->currency;
        o->first = i;
        o->n = j - i;
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        place[ord[i]] = (uint32_t)i;
    return FT_OK;
}

/* The ';'-separated flags of a point into the arena at *off. */
static ft_status point_flags(ft_series_set *s, const rec *r, bool conflict,
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

static ft_status add_article(ft_series_set *s, uint32_t row, bool agrees)
{
    if (ft_grow((void **)&s->arts, &s->caparts, s->narts, sizeof *s->arts,
                64) != FT_OK)
        return FT_ENOMEM;
    s->arts[s->narts++] = row | (agrees ? ART_AGREES : 0);
    return FT_OK;
}

/* Point `place` from its tally and its rows e[0..n) (agreeing, then
 * conflicting, then bounds, each latest first): its figure, its docs
 * (oldest first, each once), its articles (those that agree, oldest
 * first and each once, then the conflicts, latest first); the bounds
 * left out.  The agreeing rows' docs go to used_docs. */
static ft_status make_point(ft_series_set *s, int vi, const tally *t,
                            const entry *e, size_t n, aoff *used_docs,
                            size_t *nused)
{
    ft_status st = grow_points(s);
    if (st != FT_OK)
        return st;
    size_t nagree = 0;
    while (nagree < n && E_CLASS(&e[nagree]) == E_AGREES)
        nagree++;
    ft_buf b;
    ft_buf_init(&b);
    aoff last = NONE, last_art = NONE;
    size_t first_art = s->narts;
    /* The rows of one article are next to each other in that order (same
     * date, same place in the input), so a repeat is always the doc just
     * written. */
    for (size_t i = nagree; i-- > 0 && st == FT_OK;) {
        aoff doc = e[i].doc;
        if (doc != NONE)
            used_docs[(*nused)++] = doc;
        if (!(doc != NONE && doc == last_art))
            st = add_article(s, E_ROW(&e[i]), true);
        last_art = doc;
        if (st != FT_OK || doc == NONE || doc == last)
            continue;
        last = doc;
        const char *d = str(s, doc);
        if (b.len)
            st = ft_buf_putc(&b, ';');
        if (st == FT_OK)
            st = ft_buf_append(&b, d, strlen(d));
    }
    for (size_t i = nagree; i < n && st == FT_OK; i++)
        st = E_CLASS(&e[i]) == E_CONFLICT
                 ? add_article(s, E_ROW(&e[i]), false)
                 : add_check(&s->left, WHY_BOUND, FROM_ROW | E_ROW(&e[i]));
    rec r;
    ft_buf *text = &s->answer[A_ARTICLE];
    if (st == FT_OK &&
        (!get_rec(s, t->chosen.row, &r) || !get_text(s, r.text, text)))
        st = FT_EIO;
    point_off *o = &s->poff[s->npoints];
    ft_point *p = &s->points[s->npoints];
    memset(p, 0, sizeof *p);
    memset(o, 0, sizeof *o);
    if (st == FT_OK) {
        p->year = r.year;
        p->value = r.num[vi];
        p->original = (r.has & 1u) ? r.num[V_ORIGINAL] : NAN;
        p->mentions = t->agreeing;
        o->first_art = first_art;
        o->nart = s->narts - first_art;
        const char *amount = field(text->data, T_VALUE + vi);
        st = put_str(s, amount, strlen(amount), &o->amount);
    }
    if (st == FT_OK)
        st = put_str(s, b.data ? b.data : "", b.len, &o->docs);
    if (st == FT_OK)
        st = point_flags(s, &r, t->agreeing < t->considered, &o->flags);
    if (st == FT_OK) {
        s->counts.used += t->agreeing;
        s->counts.conflicts += t->considered - t->agreeing;
        s->npoints++;
    }
    ft_buf_free(&b);
    return st;
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

/* The public form of a figure to check in *out, its strings in the
 * set's answer buffer (until the next); false when the scratch file
 * cannot be read back (its strings then "", its year too). */
static bool check_pub(const ft_series_set *s, const check_ref *c,
                      ft_series_check *out)
{
    ft_buf *b = &s->answer[A_CHECK];
    ft_series_check k = {.reason = c->reason};
    if (!(c->ref & FROM_ROW)) {
        bool ok = get_text(s, c->ref, b);
        const char *p = b->data;
        memcpy(&k.mention, p, sizeof k.mention);
        const char *f[NK];
        p += sizeof k.mention;
        for (int i = 0; i < NK; i++, p += strlen(p) + 1)
            f[i] = p;
        k.doc = f[K_DOC];
        k.published = f[K_PUBLISHED];
        k.source = f[K_SOURCE];
        k.title = f[K_TITLE];
        k.url = f[K_URL];
        k.year = f[K_YEAR];
        k.subject = f[K_SUBJECT];
        k.country = f[K_COUNTRY];
        k.amount = f[K_AMOUNT];
        k.currency = f[K_CURRENCY];
        k.reported_amount = f[K_REPORTED];
        k.reported_currency = f[K_REPORTED_CURRENCY];
        k.converted = f[K_CONVERTED];
        k.to_currency = f[K_TO_CURRENCY];
        k.rate_year = f[K_RATE_YEAR];
        *out = k;
        return ok;
    }
    /* A figure left out after it was kept as a row: its year as parsed,
     * its amounts as plain numbers. */
    rec r;
    bool ok = get_rec(s, (uint32_t)(c->ref & ~FROM_ROW), &r) &&
              get_text(s, r.text, b);
    if (!ok) { /* empty fields, as get_text leaves them */
        b->len = 0;
        memset(b->data, 0, TEXT_PAD);
    }
    size_t at = b->len; /* the year after the fields (room was made) */
    if (ok)
        snprintf(b->data + at, 16, "%d", r.year);
    k.mention = r.mention;
    k.doc = str(s, r.doc);
    k.published = str(s, r.pub);
    k.source = str(s, r.source);
    k.title = field(b->data, T_TITLE);
    k.url = field(b->data, T_URL);
    k.year = b->data + at;
    k.subject = str(s, r.subject);
    k.country = str(s, r.country);
    k.amount = field(b->data, T_VALUE + V_ORIGINAL);
    k.currency = str(s, r.currency);
    k.reported_amount = k.reported_currency = "";
    k.converted = field(b->data, T_VALUE + V_NOMINAL);
    k.to_currency = str(s, r.to_currency);
    k.rate_year = "";
    *out = k;
    return ok;
}

/* The counts of rows used, conflicts, articles and dates, over the
 * series kept. */
static ft_status recount(ft_series_set *s)
{
    ft_series_counts *c = &s->counts;
    c->used = c->conflicts = c->docs = 0;
    c->first_published[0] = c->last_published[0] = '\0';
    aoff *docs = malloc((s->narts ? s->narts : 1) * sizeof *docs);
    if (!docs)
        return FT_ENOMEM;
    size_t nd = 0;
    for (size_t i = 0; i < s->nseries; i++) {
        const ft_series *se = &s->series[i];
        for (size_t j = 0; j < se->npoints; j++) {
            const ft_point *p = &se->points[j];
            c->used += p->mentions;
            for (size_t a = 0; a < p->narticles; a++) {
                uint32_t art = s->arts[p->first_article + a];
                if (!(art & ART_AGREES)) {
                    c->conflicts++;
                    continue;
                }
                rec r;
                if (!get_rec(s, art & ~ART_AGREES, &r)) {
                    free(docs);
                    return FT_EIO;
                }
                if (r.doc != NONE)
                    docs[nd++] = r.doc;
                const char *pub = str(s, r.pub);
                if (strlen(pub) != 10)
                    continue;
                if (!*c->first_published || strcmp(pub, c->first_published) < 0)
                    memcpy(c->first_published, pub, 11);
                if (strcmp(pub, c->last_published) > 0)
                    memcpy(c->last_published, pub, 11);
            }
        }
    }
    qsort(docs, nd, sizeof *docs, by_offset);
    for (size_t i = 0; i < nd; i++)
        if (i == 0 || docs[i] != docs[i - 1])
            c->docs++;
    free(docs);
    return FT_OK;
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

static int by_pointer(const void *pa, const void *pb)
{
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    return strcmp(a, b);
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
 * by their reasons.  FT_EIO when one cannot be read back. */
static ft_status select_checks(ft_series_set *s)
{
    check_list *lists[] = {&s->left, &s->mism};
    for (size_t l = 0; l < 2; l++) {
        size_t kept = 0;
        for (size_t i = 0; i < lists[l]->n; i++) {
            ft_series_check c;
            if (!check_pub(s, &lists[l]->c[i], &c))
                return FT_EIO;
            if (check_selected(s, &c))
                lists[l]->c[kept++] = lists[l]->c[i];
        }
        lists[l]->n = kept;
    }
    ft_series_counts *c = &s->counts;
    c->changes = c->no_year = c->no_subject = c->bad = c->no_value =
        c->other_base = 0;
    for (size_t i = 0; i < s->left.n; i++) {
        const char *why = s->left.c[i].reason;
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
    return FT_OK;
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
    ft_status st = select_checks(s);
    s->pattern = NULL; /* borrowed until now */
    return st == FT_OK ? recount(s) : st;
}

ft_status ft_series_figures(const ft_series_set *s, size_t i,
                            ft_series_figure **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s->built || i >= s->nseries)
        return FT_OK;
    size_t m = s->soff[i].nfig;
    const uint32_t *k = s->figrows + s->soff[i].fig_first;
    ft_series_figure *f = malloc((m ? m : 1) * sizeof *f);
    if (!f)
        return FT_ENOMEM;
    int vi = value_index(s->kind);
    for (size_t j = 0; j < m; j++) {
        rec r;
        if (!get_rec(s, k[j], &r)) {
            free(f);
            return FT_EIO;
        }
        f[j] = (ft_series_figure){.published = str(s, r.published),
                                  .doc = str(s, r.doc),
                                  .source = str(s, r.source),
                                  .mention = r.mention,
                                  .year = r.year,
                                  .value = r.num[vi]};
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

/* The points of index vi, their series, articles and histories, from
 * the rows read back. */
static ft_status build_points(ft_series_set *s, int vi)
{
    tally *t = malloc((s->nacc ? s->nacc : 1) * sizeof *t);
    uint32_t *ord = malloc((s->nacc ? s->nacc : 1) * sizeof *ord);
    uint32_t *place = malloc((s->nacc ? s->nacc : 1) * sizeof *place);
    entry *e = NULL;
    aoff *docs = NULL;
    ranks pub = {0}, doc = {0};
    size_t n = 0, nord = 0, ndocs = 0;
    ft_status st = t && ord && place ? FT_OK : FT_ENOMEM;
    for (size_t i = 0; i < s->nacc && st == FT_OK; i++) {
        t[i] = (tally){.chosen = {.row = NONE}};
        if (s->acc[i].vi == vi)
            ord[nord++] = (uint32_t)i;
    }
    if (st == FT_OK)
        st = tally_rows(s, vi, t, &e, &n);
    if (st == FT_OK) {
        sort_items(s, ord, nord, sizeof *ord, by_series);
        st = make_series(s, vi, ord, nord, place);
    }
    if (st == FT_OK)
        st = rank_field(s, e, n, offsetof(entry, published), &pub);
    if (st == FT_OK && !(docs = malloc((n ? n : 1) * sizeof *docs)))
        st = FT_ENOMEM;
    if (st == FT_OK) {
        for (size_t i = 0; i < n; i++) {
            e[i].point = place[e[i].point];
            e[i].published = rank_of(&pub, e[i].published);
        }
        sort_items(s, e, n, sizeof *e, by_point);
    }
    /* One point per place, its rows e[a..b). */
    for (size_t a = 0, p = 0; p < nord && st == FT_OK; p++) {
        size_t b = a;
        while (b < n && e[b].point == p)
            b++;
        st = make_point(s, vi, &t[ord[p]], e + a, b - a, docs, &ndocs);
        a = b;
    }
    if (st == FT_OK) {
        qsort(docs, ndocs, sizeof *docs, by_offset);
        for (size_t i = 0; i < ndocs; i++)
            if (i == 0 || docs[i] != docs[i - 1])
                s->counts.docs++;
    }
    free(docs);
    free(t);
    free(ord);
    free(place);
    /* The histories: each series' rows by date. */
    if (st == FT_OK)
        st = rank_field(s, e, n, offsetof(entry, doc), &doc);
    if (st == FT_OK && !(s->figrows = malloc((n ? n : 1) * sizeof *s->figrows)))
        st = FT_ENOMEM;
    if (st == FT_OK) {
        for (size_t i = 0; i < n; i++)
            e[i].doc = rank_of(&doc, e[i].doc);
        size_t a = 0;
        for (size_t i = 0; i < s->nseries; i++) {
            series_off *o = &s->soff[i];
            size_t b = a;
            while (b < n && e[b].point < o->first + o->n)
                b++;
            sort_items(s, e + a, b - a, sizeof *e, by_date);
            o->fig_first = a;
            o->nfig = b - a;
            a = b;
        }
        for (size_t i = 0; i < n; i++)
            s->figrows[i] = E_ROW(&e[i]);
        s->nfigrows = n;
    }
    ranks_free(&pub);
    ranks_free(&doc);
    free(e);
    return st;
}

ft_status ft_series_build(ft_series_set *s, ft_error *err)
{
    if (s->built)
        return ft_error_set(err, FT_EUSAGE, "series already built");
    s->built = true;
    ft_status st = FT_OK;
    if (s->broken)
        return ft_error_set(err, FT_EIO, "cannot write a temporary file");
    if (s->recs && (fflush(s->recs) != 0 || fflush(s->text) != 0))
        return write_failed(s, err);
    resolve_kind(s);
    int vi = value_index(s->kind);
    if (s->nrows)
        st = build_points(s, vi);
    /* The points are made: their table goes. */
    free(s->pslots);
    s->pslots = NULL;
    s->npslots = 0;
    if (st == FT_OK)
        st = finish(s);
    if (st == FT_OK)
        st = select_series(s);
    if (st == FT_EIO) {
        s->broken = true;
        return ft_error_set(err, st, "cannot read a temporary file back");
    }
    if (st != FT_OK)
        return ft_error_set(err, st, "out of memory");
    return FT_OK;
}
bool ft_series_broken(const ft_series_set *s)
{
    return s->broken;
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
    uint32_t art = s->arts[p->first_article + a];
    rec r;
    bool read = get_rec(s, art & ~ART_AGREES, &r);
    ft_buf *b = &s->answer[A_ARTICLE];
    read = get_text(s, r.text, b) && read;
    int vi = value_index(s->kind);
    return (ft_point_article){.doc = str(s, r.doc),
                              .published = str(s, r.pub),
                              .source = str(s, r.source),
                              .title = field(b->data, T_TITLE),
                              .url = field(b->data, T_URL),
                              .amount = field(b->data, T_VALUE + vi),
                              .value = r.num[vi],
                              .agrees = (art & ART_AGREES) != 0,
                              .unread = !read};
}

bool ft_series_article_agrees(const ft_series_set *s, const ft_point *p,
                              size_t a)
{
    return (s->arts[p->first_article + a] & ART_AGREES) != 0;
}

size_t ft_series_nleft_out(const ft_series_set *s)
{
    return s->built ? s->left.n : 0;
}

ft_series_check ft_series_left_out_at(const ft_series_set *s, size_t i)
{
    ft_series_check c;
    c.unread = !check_pub(s, &s->left.c[i], &c);
    return c;
}

size_t ft_series_nmismatches(const ft_series_set *s)
{
    return s->built ? s->mism.n : 0;
}

ft_series_check ft_series_mismatch_at(const ft_series_set *s, size_t i)
{
    ft_series_check c;
    c.unread = !check_pub(s, &s->mism.c[i], &c);
    return c;
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
