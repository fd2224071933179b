/* figures.c — names of the figure fields, and figures.csv / TSV / JSONL
 * output. */
#include "figures.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "text.h"

static const char *const columns[] = {
    "doc",
    "published",
    "mention",
    "start",
    "end",
    "surface",
    "amount",
    "amount_max",
    "currency",
    "qualifier",
    "kind",
    "reported_amount",
    "reported_currency",
    "year",
    "year_basis",
    "subject",
    "country",
    "flags",
    "sentence",
    "source",
    "title",
    "url",
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

const char *ft_qualifier_name(ft_qualifier q)
{
    static const char *const names[] = {"eq", "approx", "gt",   "ge",
                                        "lt", "le",     "range"};
    return (unsigned)q < sizeof names / sizeof names[0] ? names[q] : "";
}

const char *ft_kind_name(ft_kind k)
{
    return k == FT_KIND_LEVEL ? "level" : k == FT_KIND_CHANGE ? "change" : "";
}

const char *ft_year_basis_name(ft_year_basis b)
{
    static const char *const names[] = {"none", "explicit", "fiscal",
                                        "relative"};
    return (unsigned)b < sizeof names / sizeof names[0] ? names[b] : "";
}

/* Flag bits in the order they are written. */
static const struct {
    unsigned bit;
    const char *name;
} flag_names[] = {
    {FT_FLAG_AMBIGUOUS_CURRENCY, "ambiguous_currency"},
    {FT_FLAG_CURRENCY_INFERRED, "currency_inferred"},
    {FT_FLAG_CONVERSION_MISMATCH, "conversion_mismatch"},
    {FT_FLAG_SUBJECT_FROM_STORY, "subject_from_story"},
};

/* Longest flags cell: every name, the separators and target_year. */
#define FLAGS_BUFSZ 128

static size_t format_flags(const ft_figure *f, char *buf)
{
    size_t len = 0;
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
        if (!(f->flags & flag_names[i].bit))
            continue;
        len += (size_t)snprintf(buf + len, FLAGS_BUFSZ - len, "%s%s",
                                len ? ";" : "", flag_names[i].name);
    }
    if (f->target_year != 0)
        len +=
            (size_t)snprintf(buf + len, FLAGS_BUFSZ - len, "%starget_year:%d",
                             len ? ";" : "", f->target_year);
    buf[len] = '\0';
    return len;
}

/* Every cell of a row as text, so the three formats share one source. */
typedef struct {
    char mention[24], start[24], end[24], year[16];
    char amount[FT_DECIMAL_BUFSZ], amount_max[FT_DECIMAL_BUFSZ];
    char reported[FT_DECIMAL_BUFSZ];
    char flags[FLAGS_BUFSZ];
} row_cells;

struct ft_figwriter {
    FILE *out;
    ft_format format;
    ft_csvio csv;  /* CSV and TSV */
    ft_buf line;   /* JSONL: the object being built */
    ft_buf folded; /* the sentence, folded */
    /* which sentence `folded` holds: figures often share one */
    const char *folded_from;
    size_t folded_len;
    row_cells cells; /* the last row's cells (ft_figwriter_cells) */
};

ft_figwriter *ft_figwriter_new(FILE *out, ft_format format)
{
    ft_figwriter *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->out = out;
    w->format = format;
    ft_csvio_init(&w->csv, out,
                  format == FT_FORMAT_TSV ? FT_CSVIO_TSV : FT_CSVIO_CSV);
    ft_buf_init(&w->line);
    ft_buf_init(&w->folded);
    w->folded_from = NULL;
    w->folded_len = 0;
    memset(&w->cells, 0, sizeof w->cells);
    return w;
}

void ft_figwriter_free(ft_figwriter *w)
{
    if (!w)
        return;
    ft_csvio_free(&w->csv);
    ft_buf_free(&w->line);
    ft_buf_free(&w->folded);
    free(w);
}

ft_status ft_figwriter_header(ft_figwriter *w, ft_error *err)
{
    if (w->format == FT_FORMAT_JSONL)
        return FT_OK;
    for (size_t i = 0; i < NCOLUMNS; i++) {
        ft_status st = ft_csvio_str(&w->csv, columns[i], err);
        if (st != FT_OK)
            return st;
    }
    return ft_csvio_endrow(&w->csv, err);
}

/* ---- JSON ---------------------------------------------------------- */

static ft_status json_string(ft_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (ft_buf_putc(b, '"') != FT_OK)
        return FT_ENOMEM;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        size_t elen = 0;
        size_t k = 1;
        if (c == '"' || c == '\\') {
            esc[0] = '\\', esc[1] = (char)c, elen = 2;
        } else if (c < 0x20) {
            static const char short_esc[] = "btn\0fr"; /* \b .. \r */
            if (c >= '\b' && c <= '\r' && short_esc[c - '\b'])
                esc[0] = '\\', esc[1] = short_esc[c - '\b'], elen = 2;
            else
                memcpy(esc, "\\u00", 4), esc[4] = hex[c >> 4],
                                         esc[5] = hex[c & 15], elen = 6;
        } else if (c >= 0x80) {
            k = ft_text_utf8_len(s + i, n - i);
            if (k == 0) { /* JSON text must be UTF-8 */
                memcpy(esc, "\\ufffd", 6), elen = 6, k = 1;
            } else if (k == 3 && c == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                       ((unsigned char)s[i + 2] == 0xA8 ||
                        (unsigned char)s[i + 2] == 0xA9)) {
                /* U+2028/U+2029 are legal JSON but end a line in
                 * JavaScript: escape them for consumers that eval. */
                memcpy(esc,
                       (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029",
                       6);
                elen = 6;
            }
        }
        ft_status st =
            elen ? ft_buf_append(b, esc, elen) : ft_buf_append(b, s + i, k);
        if (st != FT_OK)
            return st;
        i += k;
    }
    return ft_buf_putc(b, '"');
}

/* A key and a string value; an empty string is null. */
static ft_status json_text(ft_buf *b, const char *key, const char *s, size_t n)
{
    if (ft_buf_append(b, key, strlen(key)) != FT_OK)
        return FT_ENOMEM;
    return n ? json_string(b, s, n) : ft_buf_append(b, "null", 4);
}

/* A key and a bare number (or null when absent). */
static ft_status json_number(ft_buf *b, const char *key, const char *num)
{
    if (ft_buf_append(b, key, strlen(key)) != FT_OK)
        return FT_ENOMEM;
    return num ? ft_buf_append(b, num, strlen(num))
               : ft_buf_append(b, "null", 4);
}

/* ---- rows ---------------------------------------------------------- */

static void fill_cells(row_cells *c, size_t mention, const ft_figure *f)
{
    ft_decimal_format((ft_decimal){.digits = mention}, c->mention,
                      sizeof c->mention);
    ft_decimal_format((ft_decimal){.digits = f->start}, c->start,
                      sizeof c->start);
    ft_decimal_format((ft_decimal){.digits = f->end}, c->end, sizeof c->end);
    if (f->year)
        snprintf(c->year, sizeof c->year, "%d", f->year);
    else
        c->year[0] = '\0';
    ft_decimal_format(f->amount, c->amount, sizeof c->amount);
    c->amount_max[0] = c->reported[0] = '\0';
    if (f->has_max)
        ft_decimal_format(f->amount_max, c->amount_max, sizeof c->amount_max);
    if (f->has_reported)
        ft_decimal_format(f->reported, c->reported, sizeof c->reported);
    format_flags(f, c->flags);
}

/* Columns written as numbers (never neutralised), in column order. */
static const bool numeric[] = {
    false, false, true, true,  true,  false, true,  true,  false, false, false,
    true,  false, true, false, false, false, false, false, false, false, false,
};
_Static_assert(sizeof numeric / sizeof numeric[0] == NCOLUMNS,
               "one numeric flag per column");
_Static_assert(FT_FIGURE_NCOLUMNS == NCOLUMNS, "FT_FIGURE_NCOLUMNS");

const char *ft_figure_column(size_t i)
{
    return i < NCOLUMNS ? columns[i] : NULL;
}

bool ft_figure_column_numeric(size_t i)
{
    return i < NCOLUMNS && numeric[i];
}

static void row_from(ft_figrow *r, const ft_figwriter *w, const ft_article *a,
                     const ft_figure *f, const row_cells *c)
{
    const char *cells[NCOLUMNS] = {
        a->id,
        a->published,
        c->mention,
        c->start,
        c->end,
        a->text + f->start,
        c->amount,
        c->amount_max,
        f->currency,
        ft_qualifier_name(f->qualifier),
        ft_kind_name(f->kind),
        c->reported,
        f->has_reported ? f->reported_currency : "",
        c->year,
        ft_year_basis_name(f->year_basis),
        f->subject,
        f->country,
        c->flags,
        w->folded.data ? w->folded.data : "",
        a->source ? a->source : "",
        a->title ? a->title : "",
        a->url ? a->url : "",
    };
    for (size_t i = 0; i < NCOLUMNS; i++) {
        r->cell[i] = cells[i];
        r->len[i] = strlen(cells[i]);
    }
    r->len[5] = f->end - f->start; /* surface: cut from the text */
    r->len[18] = w->folded.len;    /* sentence: folded, not terminated */
}

ft_status ft_figwriter_cells_row(ft_figwriter *w, const ft_figrow *r,
                                 ft_error *err)
{
    for (size_t i = 0; i < NCOLUMNS; i++) {
        ft_status st =
            numeric[i] ? ft_csvio_number(&w->csv, r->cell[i], r->len[i], err)
                       : ft_csvio_text(&w->csv, r->cell[i], r->len[i], err);
        if (st != FT_OK)
            return st;
    }
    return ft_csvio_endrow(&w->csv, err);
}

static ft_status write_json(ft_figwriter *w, const ft_article *a,
                            const ft_figure *f, const row_cells *c,
                            ft_error *err)
{
    ft_buf *b = &w->line;
    const char *rc = f->has_reported ? f->reported_currency : "";
    ft_buf_clear(b);
    /* A failed append leaves the buffer as it was, so checking the
     * combined result once is enough: later appends fail the same way or
     * succeed, and any failure means out of memory. */
    int bad = 0;
    bad |= json_text(b, "{\"doc\":", a->id, strlen(a->id));
    bad |= json_text(b, ",\"published\":", a->published, strlen(a->published));
    bad |= json_number(b, ",\"mention\":", c->mention);
    bad |= json_number(b, ",\"start\":", c->start);
    bad |= json_number(b, ",\"end\":", c->end);
    bad |= json_text(b, ",\"surface\":", a->text + f->start, f->end - f->start);
    bad |= json_number(b, ",\"amount\":", c->amount);
    bad |=
        json_number(b, ",\"amount_max\":", f->has_max ? c->amount_max : NULL);
    bad |= json_text(b, ",\"currency\":", f->currency, strlen(f->currency));
    bad |= json_text(b, ",\"qualifier\":", ft_qualifier_name(f->qualifier),
                     strlen(ft_qualifier_name(f->qualifier)));
    bad |= json_text(b, ",\"kind\":", ft_kind_name(f->kind),
                     strlen(ft_kind_name(f->kind)));
    bad |= json_number(
        b, ",\"reported_amount\":", f->has_reported ? c->reported : NULL);
    bad |= json_text(b, ",\"reported_currency\":", rc, strlen(rc));
    bad |= json_number(b, ",\"year\":", f->year ? c->year : NULL);
    bad |= json_text(b, ",\"year_basis\":", ft_year_basis_name(f->year_basis),
                     strlen(ft_year_basis_name(f->year_basis)));
    bad |= json_text(b, ",\"subject\":", f->subject, strlen(f->subject));
    bad |= json_text(b, ",\"country\":", f->country, strlen(f->country));
    bad |= json_text(b, ",\"flags\":", c->flags, strlen(c->flags));
    bad |= json_text(b, ",\"sentence\":", w->folded.data, w->folded.len);
    bad |= json_text(b, ",\"source\":", a->source ? a->source : "",
                     a->source ? strlen(a->source) : 0);
    bad |= json_text(b, ",\"title\":", a->title ? a->title : "",
                     a->title ? strlen(a->title) : 0);
    bad |= json_text(b, ",\"url\":", a->url ? a->url : "",
                     a->url ? strlen(a->url) : 0);
    bad |= ft_buf_append(b, "}\n", 2);
    if (bad)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    if (fwrite(b->data, 1, b->len, w->out) != b->len || ferror(w->out))
        return ft_error_set(err, FT_EIO, "write error: %s", strerror(errno));
    return FT_OK;
}

/* Check the offsets, format the cells and fold the sentence. */
static ft_status prepare(ft_figwriter *w, const ft_article *a, size_t mention,
                         const ft_figure *f, row_cells *c, ft_error *err)
{
    if (f->start > f->end || f->end > a->len || f->sent_start > f->sent_end ||
        f->sent_end > a->len)
        return ft_error_set(err, FT_EDATA,
                            "figure %zu: offsets outside the article", mention);
    fill_cells(c, mention, f);
    const char *from = a->text + f->sent_start;
    size_t len = f->sent_end - f->sent_start;
    /* An article's rows come in order from mention 1; a new article may
     * reuse the old text's memory, so the cache starts afresh there. */
    if (mention == 1 || from != w->folded_from || len != w->folded_len) {
        ft_buf_clear(&w->folded);
        w->folded_from = NULL;
        if (ft_text_fold(&w->folded, from, len) != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        w->folded_from = from;
        w->folded_len = len;
    }
    return FT_OK;
}

ft_status ft_figwriter_row(ft_figwriter *w, const ft_article *a, size_t mention,
                           const ft_figure *f, ft_error *err)
{
    ft_status st = prepare(w, a, mention, f, &w->cells, err);
    if (st != FT_OK)
        return st;
    if (w->format == FT_FORMAT_JSONL)
        return write_json(w, a, f, &w->cells, err);
    ft_figrow r;
    row_from(&r, w, a, f, &w->cells);
    return ft_figwriter_cells_row(w, &r, err);
}

ft_status ft_figwriter_cells(ft_figwriter *w, const ft_article *a,
                             size_t mention, const ft_figure *f, ft_figrow *row,
                             ft_error *err)
{
    ft_status st = prepare(w, a, mention, f, &w->cells, err);
    if (st == FT_OK)
        row_from(row, w, a, f, &w->cells);
    return st;
}
