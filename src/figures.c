/* figures.c — names of the figure fields, and figures.csv / TSV / JSONL
 * output. */
#include "figures.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "text.h"

/* AVX2 where gcc or clang can ask the processor for it (plain_look) */
#if defined(__x86_64__) && defined(__GNUC__)
#define FIGURES_AVX2 1
#include <immintrin.h>
#else
#define FIGURES_AVX2 0
#endif

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

/* A name with its length, so that no row measures it, in a field a row
 * copies whole (one sixteen-byte move, its own bytes and the NULs after
 * them); NAME16 refuses to compile a name that leaves no NUL in it. */
typedef struct {
    char s[16];
    size_t n;
} name16;
#define NAME16(lit)                                                            \
    {                                                                          \
        lit, sizeof lit - 1 + 0 * sizeof(char[sizeof lit <= 16 ? 1 : -1])      \
    }

static const name16 no_name = NAME16("");

#define NAME_IN(names, i)                                                      \
    ((size_t)(i) < sizeof names / sizeof names[0] ? &names[i] : &no_name)

static const name16 *qualifier_of(ft_qualifier q)
{
    static const name16 names[] = {
        NAME16("eq"), NAME16("approx"), NAME16("gt"),   NAME16("ge"),
        NAME16("lt"), NAME16("le"),     NAME16("range")};
    return NAME_IN(names, q);
}

static const name16 *kind_of(ft_kind k)
{
    static const name16 names[] = {NAME16("level"), NAME16("change")};
    return NAME_IN(names, k);
}

static const name16 *year_basis_of(ft_year_basis b)
{
    static const name16 names[] = {NAME16("none"), NAME16("explicit"),
                                   NAME16("fiscal"), NAME16("relative")};
    return NAME_IN(names, b);
}

const char *ft_qualifier_name(ft_qualifier q)
{
    return qualifier_of(q)->s;
}

const char *ft_kind_name(ft_kind k)
{
    return kind_of(k)->s;
}

const char *ft_year_basis_name(ft_year_basis b)
{
    return year_basis_of(b)->s;
}

/* Flag bits in the order they are written. */
static const struct {
    unsigned bit;
    ft_lit name;
} flag_names[] = {
    {FT_FLAG_AMBIGUOUS_CURRENCY, FT_LIT("ambiguous_currency")},
    {FT_FLAG_CURRENCY_INFERRED, FT_LIT("currency_inferred")},
    {FT_FLAG_CONVERSION_MISMATCH, FT_LIT("conversion_mismatch")},
    {FT_FLAG_SUBJECT_FROM_STORY, FT_LIT("subject_from_story")},
};

/* Longest flags cell: every name, the separators and target_year (99
 * bytes); a multiple of 32, so that put_padded may read the buffer to its
 * end. */
#define FLAGS_BUFSZ 128

static size_t put(char *buf, size_t len, const char *s, size_t n)
{
    memcpy(buf + len, s, n);
    return len + n;
}

/* An int as %d would write it, at buf; its length. */
static size_t format_int(int v, char *buf, size_t size)
{
    ft_decimal d = {.digits = v < 0 ? 0 - (uint64_t)v : (uint64_t)v,
                    .negative = v < 0};
    return ft_decimal_format(d, buf, size);
}

static size_t format_flags(const ft_figure *f, char *buf)
{
    size_t len = 0;
    if ((f->flags | (unsigned)f->target_year) == 0) { /* most figures */
        buf[0] = '\0';
        return 0;
    }
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
        if (!(f->flags & flag_names[i].bit))
            continue;
        if (len)
            buf[len++] = ';';
        len = put(buf, len, flag_names[i].name.s, flag_names[i].name.n);
    }
    if (f->target_year != 0) {
        if (len)
            buf[len++] = ';';
        len = put(buf, len, "target_year:", 12);
        len += format_int(f->target_year, buf + len, FLAGS_BUFSZ - len);
    }
    buf[len] = '\0';
    return len;
}

/* Every cell of a row as text, so the three formats share one source. */
typedef struct {
    char mention[24], start[24], end[24], year[16];
    char amount[FT_DECIMAL_BUFSZ], amount_max[FT_DECIMAL_BUFSZ];
    char reported[FT_DECIMAL_BUFSZ];
    char flags[FLAGS_BUFSZ];
    /* their lengths, so that no cell is measured again */
    size_t mention_len, start_len, end_len, year_len, amount_len,
        amount_max_len, reported_len, flags_len;
} row_cells;

/* A cell that the articles of an input mostly share (their source): the
 * last one's text and its cell, made again only when the text differs. */
typedef struct {
    ft_buf text, cell;
    bool ready;
} cell_memo;

/* The article whose cells `head` and `tail` hold: its fields' storage. */
typedef struct {
    const char *id, *published, *source, *title, *url;
} article_key;

struct ft_figwriter {
    FILE *out;
    ft_format format;
    ft_csvio_dialect dialect; /* CSV and TSV */
    ft_buf line;              /* the row being built */
    /* The sentence of the last figure, which figures may share, and its
     * fold, made only when asked for and once for the figures sharing it
     * (the cell is rendered in each row: news sentences seldom hold two
     * figures). */
    const char *sentence_from;
    size_t sentence_len;
    ft_buf folded; /* the sentence, folded */
    bool folded_ready;
    /* The sentence's cell as the format writes it (quoted, escaped),
     * made once for the figures sharing it and copied into each row. */
    ft_buf sentence_cell;
    size_t cell_start; /* where in it the cell starts */
    bool cell_ready;
    bool sentence_utf8; /* known well-formed UTF-8 (cut from such text) */
    bool wide_look;     /* plain_look may step 32 bytes (AVX2) */
    row_cells cells;    /* the last row's cells (ft_figwriter_cells) */
    /* An article's rows share their first and last cells: these are
     * rendered once in the writer's format (quoted, escaped) and copied
     * into each row. */
    ft_buf head;         /* doc and published, each with what follows it */
    ft_buf tail;         /* source, title and url, and the line end */
    article_key head_of; /* whose head and tail; id NULL: none */
    cell_memo source_memo;
};

ft_figwriter *ft_figwriter_new(FILE *out, ft_format format)
{
    ft_figwriter *w = malloc(sizeof *w);
    if (!w)
        return NULL;
    w->out = out;
    w->format = format;
    w->dialect = format == FT_FORMAT_TSV ? FT_CSVIO_TSV : FT_CSVIO_CSV;
    ft_buf_init(&w->line);
    w->sentence_from = NULL;
    w->sentence_len = 0;
    ft_buf_init(&w->folded);
    w->folded_ready = false;
    ft_buf_init(&w->sentence_cell);
    w->cell_ready = false;
#if FIGURES_AVX2
    /* decided once, when the writer is made */
    w->wide_look = ft_cpu_avx2();
#else
    w->wide_look = false;
#endif
    memset(&w->cells, 0, sizeof w->cells);
    ft_buf_init(&w->head);
    ft_buf_init(&w->tail);
    w->head_of = (article_key){0};
    ft_buf_init(&w->source_memo.text);
    ft_buf_init(&w->source_memo.cell);
    w->source_memo.ready = false;
    return w;
}

void ft_figwriter_narrow(ft_figwriter *w)
{
    w->wide_look = false;
}

void ft_figwriter_free(ft_figwriter *w)
{
    if (!w)
        return;
    ft_buf_free(&w->line);
    ft_buf_free(&w->folded);
    ft_buf_free(&w->sentence_cell);
    ft_buf_free(&w->head);
    ft_buf_free(&w->tail);
    ft_buf_free(&w->source_memo.text);
    ft_buf_free(&w->source_memo.cell);
    free(w);
}

static ft_status no_memory(ft_error *err)
{
    return ft_error_set(err, FT_ENOMEM, "out of memory");
}

ft_status ft_figwriter_write(ft_figwriter *w, const char *rows, size_t n,
                             ft_error *err)
{
    if (n == 0) /* rows may then be NULL, which fwrite may not be given */
        return FT_OK;
    if (fwrite(rows, 1, n, w->out) != n || ferror(w->out))
        return ft_error_set(err, FT_EIO, "write error: %s",
                            errno ? strerror(errno) : "unknown");
    return FT_OK;
}

/* The row built in w->line, in one fwrite. */
static ft_status write_line(ft_figwriter *w, ft_error *err)
{
    return ft_figwriter_write(w, w->line.data, w->line.len, err);
}

ft_status ft_figwriter_header(ft_figwriter *w, ft_error *err)
{
    if (w->format == FT_FORMAT_JSONL)
        return FT_OK;
    static const bool text[NCOLUMNS] = {false};
    size_t len[NCOLUMNS];
    for (size_t i = 0; i < NCOLUMNS; i++)
        len[i] = strlen(columns[i]);
    ft_buf_clear(&w->line);
    if (ft_csvio_put_row(&w->line, w->dialect, columns, len, text, NCOLUMNS) !=
        FT_OK)
        return no_memory(err);
    return write_line(w, err);
}

/* ---- JSON ---------------------------------------------------------- */

/* What a byte asks of a JSON string: nothing (0), an escape (X: '"',
 * backslash, C0), or a look (L: not ASCII, so maybe not UTF-8, or
 * U+2028/U+2029). */
enum { X = 1, L = 2 };
static const unsigned char json_class[256] = {
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, /* 00 */
    X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, /* 10 */
    0, 0, X, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, X, 0, 0, 0, /* 50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 70 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 80 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* 90 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* A0 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* B0 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* C0 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* D0 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* E0 */
    L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, /* F0 */
};

/* The escape for a byte json_class marks X, at o; its length. */
static size_t json_escape(unsigned char c, char *o)
{
    static const char hex[] = "0123456789abcdef";
    static const char short_esc[] = "btn\0fr"; /* \b .. \r */
    o[0] = '\\';
    if (c == '"' || c == '\\') {
        o[1] = (char)c;
        return 2;
    }
    if (c >= '\b' && c <= '\r' && short_esc[c - '\b']) {
        o[1] = short_esc[c - '\b'];
        return 2;
    }
    memcpy(o + 1, "u00", 3);
    o[4] = hex[c >> 4];
    o[5] = hex[c & 15];
    return 6;
}

/* s[0..n) as a JSON string, at o; the end.  At most 6 bytes out for each
 * byte in, and the quotes.  (Not inlined: put_text, which calls it, is
 * inlined in every row.) */
static __attribute__((noinline)) char *json_string_at(char *o, const char *s,
                                                      size_t n)
{
    *o++ = '"';
    unsigned acc = 0;
    for (size_t i = 0; i < n; i++)
        acc |= json_class[(unsigned char)s[i]];
    if (acc == 0) {
        memcpy(o, s, n);
        o += n;
        *o++ = '"';
        return o;
    }
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        unsigned k = json_class[c];
        if (k == 0) {
            *o++ = (char)c;
            i++;
        } else if (k == X) {
            o += json_escape(c, o);
            i++;
        } else {
            size_t len = ft_text_utf8_len(s + i, n - i);
            if (len == 0) { /* JSON text must be UTF-8 */
                memcpy(o, "\\ufffd", 6);
                o += 6;
                i++;
            } else if (len == 3 && c == 0xE2 &&
                       (unsigned char)s[i + 1] == 0x80 &&
                       ((unsigned char)s[i + 2] == 0xA8 ||
                        (unsigned char)s[i + 2] == 0xA9)) {
                /* U+2028/U+2029 are legal JSON but end a line in
                 * JavaScript: escape them for consumers that eval. */
                memcpy(o,
                       (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029",
                       6);
                o += 6;
                i += 3;
            } else {
                memcpy(o, s + i, len);
                o += len;
                i += len;
            }
        }
    }
    *o++ = '"';
    return o;
}

/* ---- rows ---------------------------------------------------------- */

static void fill_cells(row_cells *c, size_t mention, const ft_figure *f)
{
    c->mention_len = ft_decimal_format((ft_decimal){.digits = mention},
                                       c->mention, sizeof c->mention);
    c->start_len = ft_decimal_format((ft_decimal){.digits = f->start}, c->start,
                                     sizeof c->start);
    c->end_len = ft_decimal_format((ft_decimal){.digits = f->end}, c->end,
                                   sizeof c->end);
    c->year_len = 0;
    c->year[0] = '\0';
    if (f->year)
        c->year_len = format_int(f->year, c->year, sizeof c->year);
    c->amount_len = ft_decimal_format(f->amount, c->amount, sizeof c->amount);
    c->amount_max[0] = c->reported[0] = '\0';
    c->amount_max_len = c->reported_len = 0;
    if (f->has_max)
        c->amount_max_len = ft_decimal_format(f->amount_max, c->amount_max,
                                              sizeof c->amount_max);
    if (f->has_reported)
        c->reported_len =
            ft_decimal_format(f->reported, c->reported, sizeof c->reported);
    c->flags_len = format_flags(f, c->flags);
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

static size_t len_of(const char *s)
{
    return s ? strlen(s) : 0;
}

static void row_from(ft_figrow *r, const ft_figwriter *w, const ft_article *a,
                     const ft_figure *f, const row_cells *c)
{
    static const char none[] = "";
    const char *q = ft_qualifier_name(f->qualifier), *k = ft_kind_name(f->kind),
               *yb = ft_year_basis_name(f->year_basis),
               *rc = f->has_reported ? f->reported_currency : none;
    const struct {
        const char *s;
        size_t n;
    } cells[NCOLUMNS] = {
        {a->id, strlen(a->id)},
        {a->published, strlen(a->published)},
        {c->mention, c->mention_len},
        {c->start, c->start_len},
        {c->end, c->end_len},
        {a->text + f->start,
         f->end - f->start}, /* surface: cut from the text */
        {c->amount, c->amount_len},
        {c->amount_max, c->amount_max_len},
        {f->currency, strlen(f->currency)},
        {q, strlen(q)},
        {k, strlen(k)},
        {c->reported, c->reported_len},
        {rc, strlen(rc)},
        {c->year, c->year_len},
        {yb, strlen(yb)},
        {f->subject, strlen(f->subject)},
        {f->country, strlen(f->country)},
        {c->flags, c->flags_len},
        /* the sentence: folded, not terminated */
        {w->folded.data ? w->folded.data : none, w->folded.len},
        {a->source ? a->source : none, len_of(a->source)},
        {a->title ? a->title : none, len_of(a->title)},
        {a->url ? a->url : none, len_of(a->url)},
    };
    for (size_t i = 0; i < NCOLUMNS; i++) {
        r->cell[i] = cells[i].s;
        r->len[i] = cells[i].n;
    }
}

/* The cells as one CSV/TSV row, appended to b (as it was on failure). */
static ft_status format_cells(ft_csvio_dialect d, const ft_figrow *r, ft_buf *b)
{
    return ft_csvio_put_row(b, d, r->cell, r->len, numeric, NCOLUMNS);
}

ft_status ft_figwriter_cells_row(ft_figwriter *w, const ft_figrow *r,
                                 ft_error *err)
{
    ft_buf_clear(&w->line);
    if (format_cells(w->dialect, r, &w->line) != FT_OK)
        return no_memory(err);
    return write_line(w, err);
}

/* Whether a->text[from..to) is known to be well-formed UTF-8: the text
 * is, and neither end cuts a character (no continuation byte there). */
static bool piece_utf8(const ft_article *a, size_t from, size_t to)
{
    /* from, to <= len (prepare checks), and text[len] is the text's NUL
     * (article.h), no continuation byte: each end is read without a
     * test */
    return a->utf8 & ((a->text[from] & 0xC0) != 0x80) &
           ((a->text[to] & 0xC0) != 0x80);
}

/* Check the offsets, and forget what was made of the last sentence when
 * this figure has another. */
static inline __attribute__((always_inline)) ft_status
prepare(ft_figwriter *w, const ft_article *a, size_t mention,
        const ft_figure *f, ft_error *err)
{
    if (f->start > f->end || f->end > a->len || f->sent_start > f->sent_end ||
        f->sent_end > a->len)
        return ft_error_set(err, FT_EDATA,
                            "figure %zu: offsets outside the article", mention);
    const char *from = a->text + f->sent_start;
    size_t len = f->sent_end - f->sent_start;
    /* An article's rows come in order from mention 1; a new article may
     * reuse the old text's memory, so the cache starts afresh there. */
    if (mention == 1 || from != w->sentence_from || len != w->sentence_len) {
        w->sentence_from = from;
        w->sentence_len = len;
        w->folded_ready = false;
        w->cell_ready = false;
        w->sentence_utf8 = piece_utf8(a, f->sent_start, f->sent_end);
    }
    return FT_OK;
}

/* The sentence folded in w->folded (once for the figures sharing it). */
static ft_status fold_sentence(ft_figwriter *w)
{
    if (w->folded_ready)
        return FT_OK;
    ft_buf_clear(&w->folded);
    if (ft_text_fold(&w->folded, w->sentence_from, w->sentence_len) != FT_OK)
        return FT_ENOMEM;
    w->folded_ready = true;
    return FT_OK;
}

/* What ft_text_fold makes of a sentence that is simple: ASCII from 0x21
 * (DEL too, which folding copies and the cell replaces) and single ASCII
 * spaces (space, tab, LF, VT, FF, CR) between them, none at either end.
 * Folding copies those bytes and makes one space of each run, so the fold
 * is the sentence with each space byte a ' ' (the same bytes when they all
 * are).  Most sentences of news are so: they are written without a fold,
 * from a sixteen-byte look at each place. */
typedef enum { FOLD_OTHER = 0, FOLD_SAME, FOLD_SPACES } fold_kind;

/* The sixteen bytes at u (and the one after them) into simple_fold's
 * lanes: in *bad two bytes up to ' ' in a row (space or control) and
 * bytes past ASCII, in *controls the controls. */
static inline void simple16(const unsigned char *u, ft_bytes16 *bad,
                            ft_bytes16 *controls)
{
    ft_bytes16 v = ft_load16(u), next = ft_load16(u + 1);
    ft_bytes16 control = (ft_bytes16)(v < 0x20);
    *bad |= ((control | (ft_bytes16)(v == ' ')) & (ft_bytes16)(next <= ' ')) |
            (ft_bytes16)((ft_sbytes16)v < 0);
    *controls |= control;
}

/* The lanes of v that are controls but not spaces. */
static ft_bytes16 controls16(ft_bytes16 v)
{
    return (ft_bytes16)(v < 0x20) & ~ft_spaces16(v);
}

static fold_kind simple_fold(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return FOLD_SAME;
    if (ft_ascii_whitespace(u[0]) || ft_ascii_whitespace(u[n - 1]))
        return FOLD_OTHER;
    if (n < 17) {
        bool controls = false;
        for (size_t i = 0; i < n; i++) {
            bool space = ft_ascii_whitespace(u[i]);
            if ((u[i] < 0x20 && !space) || u[i] > 0x7F ||
                (space && i + 1 < n && ft_ascii_whitespace(u[i + 1])))
                return FOLD_OTHER;
            controls |= space && u[i] != ' ';
        }
        return controls ? FOLD_SPACES : FOLD_SAME;
    }
    /* Each byte but the last, and the one after it; the last step
     * overlaps the one before, and the last byte (no space) is looked at
     * alone.  Two bytes up to ' ' in a row, or one not ASCII, end it; a
     * control alone is looked at again, to see that it is a space. */
    if (u[n - 1] < 0x20 || u[n - 1] > 0x7F)
        return FOLD_OTHER;
    ft_bytes16 bad = {0}, controls = {0};
    for (size_t i = 0; i + 17 < n; i += 16)
        simple16(u + i, &bad, &controls);
    simple16(u + n - 17, &bad, &controls);
    if (ft_any16(bad))
        return FOLD_OTHER;
    if (!ft_any16(controls))
        return FOLD_SAME;
    for (size_t i = 0; i + 16 < n; i += 16)
        bad |= controls16(ft_load16(u + i));
    bad |= controls16(ft_load16(u + n - 16));
    return ft_any16(bad) ? FOLD_OTHER : FOLD_SPACES;
}

/* The fold of a FOLD_SPACES sentence in w->folded: each space byte a ' '. */
static ft_status fold_spaces(ft_figwriter *w)
{
    const unsigned char *u = (const unsigned char *)w->sentence_from;
    size_t n = w->sentence_len;
    ft_buf_clear(&w->folded);
    if (ft_buf_reserve(&w->folded, n) != FT_OK)
        return FT_ENOMEM;
    char *o = w->folded.data;
    if (n < 16)
        for (size_t i = 0; i < n; i++)
            o[i] = ft_ascii_whitespace(u[i]) ? ' ' : (char)u[i];
    else
        for (size_t i = 0;; i += 16) { /* the last step overlaps */
            if (i + 16 > n)
                i = n - 16;
            ft_bytes16 v = ft_load16(u + i), space = ft_spaces16(v);
            v = (v & ~space) | (space & ' ');
            memcpy(o + i, &v, 16);
            if (i + 16 == n)
                break;
        }
    o[n] = '\0';
    w->folded.len = n;
    w->folded_ready = true;
    return FT_OK;
}

/* ---- rows built in place --------------------------------------------- */

/* A row's pieces are stored in whole words: a number's eight bytes, a
 * text cell's sixteen (ft_csvio_text_padded_at), where fewer are its own.
 * No store reaches more than PAD bytes past the end of what the row holds
 * so far, which is within the room the row's text is bounded by
 * (format_row); format_row makes PAD bytes more, so every such store
 * lands in the buffer, and what follows writes over the bytes past the
 * piece's end. */
#define PAD 32

enum { E8 = 100000000 };

/* The eight decimal digits of v < 10^8 as the byte values 0..9, most
 * significant in the lowest byte (first in memory), made in all lanes at
 * once: v is split into halves of four digits (32-bit lanes), each into
 * two of two (16-bit lanes), each into two digits (bytes).  The divisions
 * by 100 and 10 are multiplications, exact below 10^4 and 10^2 (x * 5243
 * >> 19 and x * 103 >> 10), and no lane's product reaches the next lane. */
static inline uint64_t digits8(uint32_t v)
{
    uint64_t x = (uint64_t)(v / 10000) | (uint64_t)(v % 10000) << 32;
    uint64_t y = (x * 5243 >> 19) & 0x0000007F0000007FULL;
    x = y | (x - y * 100) << 16;
    y = (x * 103 >> 10) & 0x000F000F000F000FULL;
    return y | (x - y * 10) << 8;
}

#define ASCII_ZEROS 0x3030303030303030ULL

/* v < 10^8 in decimal at o, no leading zero; the end.  Writes 8 bytes. */
static inline char *put_short_uint(char *o, uint32_t v)
{
    uint64_t d = digits8(v);
    /* the leading zeros are the low zero bytes; the last digit (byte 7)
     * is kept, so that 0 is "0" */
    unsigned zeros = (unsigned)__builtin_ctzll(d | 1ULL << 56) >> 3;
    d = (d | ASCII_ZEROS) >> (8 * zeros);
    ft_store8(o, d);
    return o + 8 - zeros;
}

/* v < 10^8 in eight digits at o; the end.  Most amounts from 10^8 up
 * are whole hundreds of millions (billions in news): their last eight
 * digits are zeros, stored without being worked out. */
static char *put_uint8(char *o, uint32_t v)
{
    ft_store8(o, v ? digits8(v) | ASCII_ZEROS : ASCII_ZEROS);
    return o + 8;
}

/* v in decimal at o (as ft_decimal_format writes it); the end.  Eight
 * digits at a time, with no branch below 10^8 (offsets, most amounts). */
static char *put_uint(char *o, uint64_t v)
{
    if (v < E8)
        return put_short_uint(o, (uint32_t)v);
    uint64_t high = v / E8; /* below 2^64 / 10^8 < 10^12 */
    if (high < E8)
        o = put_short_uint(o, (uint32_t)high);
    else
        o = put_uint8(put_short_uint(o, (uint32_t)(high / E8)),
                      (uint32_t)(high % E8));
    return put_uint8(o, (uint32_t)(v % E8));
}

/* The four decimal digits of v < 10^4 as bytes 0..9, first in the
 * lowest byte: digits8's low half, in one 32-bit word. */
static inline uint32_t digits4(uint32_t v)
{
    uint32_t y = v * 5243 >> 19, x = y | (v - y * 100) << 16;
    y = (x * 103 >> 10) & 0x000F000Fu;
    return y | (x - y * 10) << 8;
}

/* v < 10^4 in decimal at o, no leading zero; the end.  Writes 4 bytes. */
static inline char *put_short4(char *o, uint32_t v)
{
    uint32_t d = digits4(v);
    unsigned zeros = (unsigned)__builtin_ctz(d | 1u << 24) >> 3;
    ft_store4(o, (d | 0x30303030u) >> (8 * zeros));
    return o + 4 - zeros;
}

/* An offset in the text at o; the end.  Most articles are shorter than
 * 10^4 bytes, all far shorter than 10^8: this call's own tests (put_uint's
 * is shared by the amounts, which are often longer) then go one way. */
static inline char *put_offset(char *o, size_t v)
{
    if (v < 10000)
        return put_short4(o, (uint32_t)v);
    return v < E8 ? put_short_uint(o, (uint32_t)v) : put_uint(o, v);
}

static char *put_int(char *o, int v)
{
    if (v >= 1000 && v <= 9999) { /* a year: four digits */
        ft_store4(o, digits4((uint32_t)v) | 0x30303030u);
        return o + 4;
    }
    if (v < 0)
        *o++ = '-';
    return put_uint(o, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
}

static char *put_decimal(char *o, ft_decimal d)
{
    if (d.scale > 0)
        return o + ft_decimal_format(d, o, FT_DECIMAL_BUFSZ);
    /* a whole number, most amounts: its digits, as ft_decimal_format
     * writes them */
    *o = '-';
    return put_uint(o + (d.negative & (d.digits != 0)), d.digits);
}

static char *put_bytes(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

/* The most a row's numbers, names, flags, keys and separators take: all
 * but its text cells. */
#define ROW_FIXED_ROOM (1024 + 3 * FT_DECIMAL_BUFSZ + FLAGS_BUFSZ)

/* The most a text cell of n bytes becomes in JSON (6 bytes an escape, the
 * quotes), or as a CSV/TSV cell. */
static bool text_room(const ft_figwriter *w, size_t n, size_t *room)
{
    if (w->format == FT_FORMAT_JSONL) {
        if (n > (SIZE_MAX - 8) / 6)
            return false;
        *room = 6 * n + 2;
        return true;
    }
    return ft_csvio_text_room(n, room);
}

/* A text cell at o in the writer's format; the end.  An empty one (an
 * article's title, url or day, often) is nothing, in JSON null. */
static inline char *put_text(const ft_figwriter *w, char *o, const char *s,
                             size_t n)
{
    bool json = w->format == FT_FORMAT_JSONL;
    if (n == 0)
        return json ? put_bytes(o, "null", 4) : o;
    return json ? json_string_at(o, s, n)
                : ft_csvio_text_at(o, w->dialect, s, n);
}

/* s[0..n) at o; the end.  Copied 32 bytes a step, with no call and no
 * branch for most pieces: a step reads s[i..i+32) and writes o[i..i+32)
 * for i = 0, 32, ... below n (and i = 0 when n is 0), so it reads and
 * writes at most PAD (32) bytes past s + n and o + n.  s must be padded
 * (its buffer goes on PAD bytes past s + n: article_cells, flags) and o in a
 * row's room (PAD past its text, format_row). */
static inline char *put_padded(char *o, const char *s, size_t n)
{
    size_t i = 0;
    do {
        memcpy(o + i, s + i, 32);
        i += 32;
    } while (i < n);
    return o + n;
}

/* The cell writers below are told the format (json: JSONL, else CSV or
 * TSV) rather than read it from the writer: figure_cells is made once for
 * each, with the tests gone. */

/* In JSON an absent cell (empty name, no number) is null, in CSV/TSV
 * nothing: at o, the end.  (Four bytes stored either way.) */
static inline char *put_absent(bool json, char *o)
{
    memcpy(o, "null", 4);
    return o + (json ? 4 : 0);
}

/* A name from this module's tables (qualifier, kind, year basis) at o;
 * the end.  These are lowercase words and '_', which every format writes
 * as they are (test_names_need_no_quoting walks them): no cell to look
 * at. */
static inline char *put_name(bool json, char *o, const name16 *nm)
{
    if (!json) {
        memcpy(o, nm->s, sizeof nm->s);
        return o + nm->n;
    }
    if (nm->n == 0)
        return put_absent(json, o);
    *o++ = '"';
    memcpy(o, nm->s, sizeof nm->s);
    o += nm->n;
    *o++ = '"';
    return o;
}

/* The flags cell (flags[0..n) of a FLAGS_BUFSZ buffer) at o; the end.
 * Names, ';', ':', digits and '-', which every format writes as they
 * are. */
static inline char *put_flags(bool json, char *o, const char flags[FLAGS_BUFSZ],
                              size_t n)
{
    if (!json)
        return put_padded(o, flags, n);
    if (n == 0)
        return put_absent(json, o);
    *o++ = '"';
    o = put_padded(o, flags, n);
    *o++ = '"';
    return o;
}

/* A code cell (currency, country) from its field of `size` bytes (8 or
 * 4), NUL-terminated within it, at o; the end.  Capital letters, as the
 * codes are, every format writes as they are (the field is copied whole,
 * in the room made for it, and the end set after the letters); anything
 * else is written as text. */
static inline char *put_code(const ft_figwriter *w, bool json, char *o,
                             const char *s, size_t size)
{
    /* The capital letters before the first other byte, all lanes at
     * once: (b | 0x80) - c has its high bit set when b >= c, for b below
     * 0x80, and borrows from no other lane. */
    uint64_t x = size == 8 ? ft_load8(s) : ft_load4(s);
    uint64_t h = x | FT_HIGHS8;
    uint64_t upper =
        (h - 'A' * FT_ONES8) & ~(h - ('Z' + 1) * FT_ONES8) & ~x & FT_HIGHS8;
    /* (at most 7: byte 7 then is a letter, and not the NUL looked for) */
    size_t n = (size_t)__builtin_ctzll((~upper & FT_HIGHS8) | 1ULL << 63) >> 3;
    if (n >= size || (uint8_t)(x >> (8 * n)) != 0)
        return put_text(w, o, s, strlen(s));
    if (!json) {
        memcpy(o, s, size);
        return o + n;
    }
    if (n == 0)
        return put_bytes(o, "null", 4);
    *o++ = '"';
    memcpy(o, s, size);
    o += n;
    *o++ = '"';
    return o;
}

/* The cell of s[0..n) from memo when memo holds the same text, else made
 * there; NULL when out of memory. */
static const ft_buf *memo_cell(const ft_figwriter *w, cell_memo *memo,
                               const char *s, size_t n)
{
    if (memo->ready && memo->text.len == n &&
        (n == 0 || memcmp(memo->text.data, s, n) == 0))
        return &memo->cell;
    memo->ready = false;
    ft_buf_clear(&memo->text);
    ft_buf_clear(&memo->cell);
    size_t room;
    if (!text_room(w, n, &room) || ft_buf_append(&memo->text, s, n) != FT_OK ||
        ft_buf_reserve(&memo->cell, room) != FT_OK)
        return NULL;
    char *end = put_text(w, memo->cell.data, s, n);
    *end = '\0';
    memo->cell.len = (size_t)(end - memo->cell.data);
    memo->ready = true;
    return &memo->cell;
}

static article_key key_of(const ft_article *a)
{
    return (article_key){a->id, a->published, a->source, a->title, a->url};
}

static bool same_article(const article_key *k, const ft_article *a)
{
    return k->id == a->id && k->published == a->published &&
           k->source == a->source && k->title == a->title && k->url == a->url;
}

/* The longest key or separator article_cells writes before a cell, or
 * after the last one. */
#define KEY_ROOM 16

/* Whether text rooms r[0..n) and `more` bytes add up without overflow
 * (each well below SIZE_MAX / 8, as format_row needs the sum), into
 * *room. */
static bool add_rooms(const size_t *r, size_t n, size_t more, size_t *room)
{
    *room = more;
    for (size_t i = 0; i < n; i++) {
        if (r[i] > SIZE_MAX / 16 || *room > SIZE_MAX / 16)
            return false;
        *room += r[i] + KEY_ROOM;
    }
    return true;
}

/* Whether s[0..n) is a date as the readers write it, YYYY-MM-DD: bytes
 * from 0x30 to 0x3F but for the dashes, the first a digit.  Such a cell
 * is written as it is in every format (none of its bytes asks for
 * quoting, escaping or replacing, nor its first for neutralising), in
 * JSON between quotes. */
static bool plain_date(const char *s, size_t n)
{
    /* bytes 0-7 "YYYY-MM-" and 6-9 "M-DD", the first lowest */
    return n == 10 && (unsigned char)s[0] <= '9' &&
           (ft_load8(s) & 0xFFF0F0FFF0F0F0F0) == 0x2D30302D30303030 &&
           (ft_load4(s + 6) & 0xF0F0FFF0) == 0x30302D30;
}

/* The article's first cells (doc, published, then the separator before
 * mention) and last (source, title, url, the line end) in w->head and
 * w->tail, rendered once per article; the source from its memo (the
 * articles of an input mostly share it). */
static ft_status article_cells(ft_figwriter *w, const ft_article *a,
                               size_t mention)
{
    if (mention != 1 && w->head_of.id && same_article(&w->head_of, a))
        return FT_OK;
    w->head_of.id = NULL;
    bool json = w->format == FT_FORMAT_JSONL;
    char sep = ft_csvio_separator(w->dialect);
    const char *title = a->title ? a->title : "", *url = a->url ? a->url : "";
    size_t id_n = strlen(a->id), published_n = strlen(a->published),
           title_n = strlen(title), url_n = strlen(url);
    const ft_buf *source = memo_cell(
        w, &w->source_memo, a->source ? a->source : "", len_of(a->source));
    size_t r[4], head_room, tail_room;
    if (!source || !text_room(w, id_n, &r[0]) ||
        !text_room(w, published_n, &r[1]) || !text_room(w, title_n, &r[2]) ||
        !text_room(w, url_n, &r[3]) || !add_rooms(r, 2, KEY_ROOM, &head_room) ||
        !add_rooms(r + 2, 2, source->len + 2 * KEY_ROOM, &tail_room))
        return FT_ENOMEM;
    ft_buf_clear(&w->head);
    ft_buf_clear(&w->tail);
    /* PAD more, for put_padded */
    if (ft_buf_reserve(&w->head, head_room + PAD) != FT_OK ||
        ft_buf_reserve(&w->tail, tail_room + PAD) != FT_OK)
        return FT_ENOMEM;
/* what comes before a cell: its key, or the separator */
#define KEY(json_key)                                                          \
    (o = json ? put_bytes(o, json_key, sizeof json_key - 1) : (*o = sep, o + 1))
    char *o = w->head.data;
    if (json)
        o = put_bytes(o, "{\"doc\":", 7);
    o = put_text(w, o, a->id, id_n);
    KEY(",\"published\":");
    if (plain_date(a->published, published_n)) {
        if (json)
            *o++ = '"';
        o = put_bytes(o, a->published, 10);
        if (json)
            *o++ = '"';
    } else
        o = put_text(w, o, a->published, published_n);
    KEY(",\"mention\":");
    *o = '\0';
    w->head.len = (size_t)(o - w->head.data);
    o = w->tail.data;
    KEY(",\"source\":");
    o = put_bytes(o, source->data, source->len);
    KEY(",\"title\":");
    o = put_text(w, o, title, title_n);
    KEY(",\"url\":");
    o = put_text(w, o, url, url_n);
    o = json ? put_bytes(o, "}\n", 2) : (*o = '\n', o + 1);
#undef KEY
    *o = '\0';
    w->tail.len = (size_t)(o - w->tail.data);
    w->head_of = key_of(a);
    return FT_OK;
}

/* The sentence's text as written: the article's own bytes when folding
 * would leave them as they are, else the sentence folded.  Rendered in
 * each row: news sentences seldom hold two figures. */
static ft_status sentence_text(ft_figwriter *w, const char **s, size_t *n)
{
    fold_kind kind = simple_fold(w->sentence_from, w->sentence_len);
    /* Past ASCII (Korean sentences), a second look may find it simple. */
    bool spaces;
    if (kind == FOLD_OTHER && !w->folded_ready &&
        ft_text_fold_simple(w->sentence_from, w->sentence_len, &spaces))
        kind = spaces ? FOLD_SPACES : FOLD_SAME;
    if (kind == FOLD_SAME) {
        *s = w->sentence_from;
        *n = w->sentence_len;
        return FT_OK;
    }
    if (!w->folded_ready &&
        (kind == FOLD_SPACES ? fold_spaces(w) : fold_sentence(w)) != FT_OK)
        return FT_ENOMEM;
    *s = w->folded.data ? w->folded.data : "";
    *n = w->folded.len;
    return FT_OK;
}

/* The surface cell at o; the end.  Its bytes are read sixteen at a time
 * when the text (and its NUL) goes on that far. */
static inline char *put_surface(const ft_figwriter *w, bool json, char *o,
                                const ft_article *a, const ft_figure *f)
{
    const char *s = a->text + f->start;
    size_t n = f->end - f->start;
    if (json || ((n + 15) & ~(size_t)15) > a->len + 1 - f->start)
        return put_text(w, o, s, n);
    return ft_csvio_text_padded_at(o, w->dialect, s, n,
                                   piece_utf8(a, f->start, f->end));
}

/* The figure's own cells, from mention to flags (and the separator
 * after), at o; the end.  format_row leaves PAD bytes of room past the
 * row's end as each cell is written, which is more than any store past a
 * cell's end reaches (put_padded's 32, ft_csvio_text_padded_at's 16).
 * json is the writer's format, a constant where format_row calls it. */
static inline __attribute__((always_inline)) char *
figure_cells(const ft_figwriter *w, bool json, char *o, const ft_article *a,
             size_t mention, const ft_figure *f, const char *flags,
             size_t flags_len)
{
    char sep = ft_csvio_separator(w->dialect);
    const name16 *q = qualifier_of(f->qualifier), *k = kind_of(f->kind),
                 *yb = year_basis_of(f->year_basis);
/* what comes before a cell: its key, or the separator */
#define KEY(json_key)                                                          \
    (o = json ? put_bytes(o, json_key, sizeof json_key - 1) : (*o = sep, o + 1))
    /* most articles have fewer than ten figures */
    o = mention < 10 ? (*o = (char)('0' + mention), o + 1)
                     : put_uint(o, mention);
    KEY(",\"start\":");
    o = put_offset(o, f->start);
    KEY(",\"end\":");
    o = put_offset(o, f->end);
    KEY(",\"surface\":");
    o = put_surface(w, json, o, a, f);
    KEY(",\"amount\":");
    o = put_decimal(o, f->amount);
    KEY(",\"amount_max\":");
    o = f->has_max ? put_decimal(o, f->amount_max) : put_absent(json, o);
    KEY(",\"currency\":");
    o = put_code(w, json, o, f->currency, sizeof f->currency);
    KEY(",\"qualifier\":");
    o = put_name(json, o, q);
    KEY(",\"kind\":");
    o = put_name(json, o, k);
    KEY(",\"reported_amount\":");
    o = f->has_reported ? put_decimal(o, f->reported) : put_absent(json, o);
    KEY(",\"reported_currency\":");
    o = f->has_reported ? put_code(w, json, o, f->reported_currency,
                                   sizeof f->reported_currency)
                        : put_name(json, o, &no_name);
    KEY(",\"year\":");
    o = f->year ? put_int(o, f->year) : put_absent(json, o);
    KEY(",\"year_basis\":");
    o = put_name(json, o, yb);
    KEY(",\"subject\":");
    /* (the field can be read sixteen bytes at a time to its end) */
    o = json ? put_text(w, o, f->subject, strlen(f->subject))
             : ft_csvio_text_padded_at(o, w->dialect, f->subject,
                                       strlen(f->subject), false);
    KEY(",\"country\":");
    o = put_code(w, json, o, f->country, sizeof f->country);
    KEY(",\"flags\":");
    o = put_flags(json, o, flags, flags_len);
    if (!json)
        *o++ = sep; /* JSON's sentence brings its own key */
#undef KEY
    return o;
}

/* plain_sentence_cell's look at the sixteen bytes at u (and the one
 * after them), copied to t as folding makes them: into *bad two bytes up
 * to ' ' in a row (a space or a control), DEL, `special`, 0xC2 and the
 * bytes of high_bad; into *controls the controls, into *look the 0xE2
 * and 0xE3 (0xE3 with bit 0 set) that may start a space past ASCII, into
 * *comma the commas.
 * Each byte below ' ' is a ' ' in the copy (one unsigned max): a space
 * (tab, LF, VT, FF, CR), or a control that makes the sentence not plain,
 * which the caller looks for when *controls has any. */
static inline void plain16(const unsigned char *u, char *t,
                           unsigned char special, ft_bytes16 high_bad,
                           ft_bytes16 *bad, ft_bytes16 *controls,
                           ft_bytes16 *look, ft_bytes16 *comma)
{
    ft_bytes16 v = ft_load16(u), next = ft_load16(u + 1);
    *bad |= ((ft_bytes16)(v <= ' ') & (ft_bytes16)(next <= ' ')) |
            (ft_bytes16)(v == 0x7F) | (ft_bytes16)(v == special) |
            (ft_bytes16)(v == 0xC2) | (v & high_bad);
    *controls |= (ft_bytes16)(v < ' ');
    *look |= (ft_bytes16)((v | 1) == 0xE3);
    *comma |= (ft_bytes16)(v == ',');
    ft_bytes16 low = (ft_bytes16)(v < ' '), folded = (v & ~low) | (low & ' ');
    memcpy(t, &folded, 16);
}

/* plain16 over u[0..n) (n >= 17), copied to t: each byte but the last,
 * with the one after it; the last step overlaps the one before.  The
 * bytes past ASCII are bad but in well-formed UTF-8 (utf8: a constant
 * where plain_sentence_cell calls it, so that the UTF-8 steps, most of
 * them, do not look at them at all). */
static inline __attribute__((always_inline)) void
plain_blocks(const unsigned char *u, char *t, size_t n, unsigned char special,
             bool utf8, ft_bytes16 *bad, ft_bytes16 *controls, ft_bytes16 *look,
             ft_bytes16 *comma)
{
    ft_bytes16 high_bad = utf8 ? (ft_bytes16){0} : (ft_bytes16){0} + 0x80;
    for (size_t i = 0; i + 17 < n; i += 16)
        plain16(u + i, t + i, special, high_bad, bad, controls, look, comma);
    plain16(u + n - 17, t + n - 17, special, high_bad, bad, controls, look,
            comma);
}

/* plain_blocks over u[0..n) (n >= 17), copied to t, and a second look
 * at the controls it finds: false when a byte but the last makes the
 * sentence not plain or is `special`; else *wide when it holds a 0xE2 or
 * 0xE3 (that may start a space past ASCII), *comma when a comma. */
static inline __attribute__((always_inline)) bool
plain_look16(const unsigned char *u, char *t, size_t n, unsigned char special,
             bool utf8, bool *wide, bool *comma)
{
    ft_bytes16 bad = {0}, controls = {0}, commas = {0}, look = {0};
    if (utf8)
        plain_blocks(u, t, n, special, true, &bad, &controls, &look, &commas);
    else
        plain_blocks(u, t, n, special, false, &bad, &controls, &look, &commas);
    /* Controls alone between other bytes: spaces, or the sentence is not
     * plain (the last byte is none, looked at by the caller). */
    if (ft_any16(controls)) {
        for (size_t i = 0; i + 16 < n; i += 16)
            bad |= controls16(ft_load16(u + i));
        bad |= controls16(ft_load16(u + n - 16));
    }
    *wide = ft_any16(look);
    *comma = ft_any16(commas);
    return !ft_any16(bad);
}

/* What plain_look finds in a sentence, as bits: a byte that makes it
 * not plain (LOOK_BAD; LOOK_UNSURE too when that may be the dialect's
 * special byte, which the sixteen-byte look does not tell apart), the
 * special byte ('"' in CSV, else a backslash), 0xE2 or 0xE3, a comma. */
enum {
    LOOK_BAD = 1,
    LOOK_UNSURE = 2,
    LOOK_SPECIAL = 4,
    LOOK_WIDE = 8,
    LOOK_COMMA = 16
};

#if FIGURES_AVX2
/* plain_look16 thirty-two bytes at a time, for a processor with AVX2
 * (news sentences are a hundred bytes or so: four steps where they took
 * seven), each byte classed at once by two table looks (pshufb), one by
 * its low four bits and one by its high four: a class is a bit, set in
 * the byte's class when both tables set it. */
enum {
    K_CTRL = 1,      /* 00-08, 0E, 0F: controls, not spaces */
    K_CTRL_HIGH = 2, /* 10-1F (and past ASCII, not known UTF-8) */
    K_DEL = 4,       /* 7F */
    K_C2 = 8,        /* C2: may start a C1 control or NBSP */
    K_SPECIAL = 16,  /* the dialect's: '"' (22) or backslash (5C) */
    K_COMMA = 32,    /* 2C */
    K_LOOK = 64,     /* E2, E3: may start a space past ASCII */
    K_BAD = K_CTRL | K_CTRL_HIGH | K_DEL | K_C2
};

/* The tables by the low and by the high four bits of a byte;
 * special_low and special_high are those of the dialect's special byte
 * ('"' 0x22, backslash 0x5C), high the class of the bytes past ASCII
 * (K_CTRL_HIGH when they are bad, else 0). */
/* clang-format off */
#define LOW_ROW(special_low) {                                                 \
    /* 0 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 1 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 2 */ K_CTRL | K_CTRL_HIGH | K_C2 | K_LOOK |                             \
            ((special_low) == 2 ? K_SPECIAL : 0),                              \
    /* 3 */ K_CTRL | K_CTRL_HIGH | K_LOOK,                                     \
    /* 4 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 5 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 6 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 7 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 8 */ K_CTRL | K_CTRL_HIGH,                                              \
    /* 9 */ K_CTRL_HIGH,                                                       \
    /* A */ K_CTRL_HIGH,                                                       \
    /* B */ K_CTRL_HIGH,                                                       \
    /* C */ K_CTRL_HIGH | K_COMMA | ((special_low) == 0xC ? K_SPECIAL : 0),    \
    /* D */ K_CTRL_HIGH,                                                       \
    /* E */ K_CTRL | K_CTRL_HIGH,                                              \
    /* F */ K_CTRL | K_CTRL_HIGH | K_DEL}
#define HIGH_ROW(special_high, high) {                                         \
    /* 0 */ K_CTRL,                                                            \
    /* 1 */ K_CTRL_HIGH,                                                       \
    /* 2 */ K_COMMA | ((special_high) == 2 ? K_SPECIAL : 0),                   \
    /* 3 */ 0,                                                                 \
    /* 4 */ 0,                                                                 \
    /* 5 */ (special_high) == 5 ? K_SPECIAL : 0,                               \
    /* 6 */ 0,                                                                 \
    /* 7 */ K_DEL,                                                             \
    /* 8 */ (high),                                                            \
    /* 9 */ (high),                                                            \
    /* A */ (high),                                                            \
    /* B */ (high),                                                            \
    /* C */ (high) | K_C2,                                                     \
    /* D */ (high),                                                            \
    /* E */ (high) | K_LOOK,                                                   \
    /* F */ (high)}
/* clang-format on */

/* Each table twice, for the two halves of a ymm register (pshufb looks
 * within each half). */
typedef struct {
    unsigned char low[2][16], high[2][16];
} class_rows;

/* [csv][utf8] */
static const class_rows class_tables[2][2] = {
    {{{LOW_ROW(0xC), LOW_ROW(0xC)},
      {HIGH_ROW(5, K_CTRL_HIGH), HIGH_ROW(5, K_CTRL_HIGH)}},
     {{LOW_ROW(0xC), LOW_ROW(0xC)}, {HIGH_ROW(5, 0), HIGH_ROW(5, 0)}}},
    {{{LOW_ROW(2), LOW_ROW(2)},
      {HIGH_ROW(2, K_CTRL_HIGH), HIGH_ROW(2, K_CTRL_HIGH)}},
     {{LOW_ROW(2), LOW_ROW(2)}, {HIGH_ROW(2, 0), HIGH_ROW(2, 0)}}},
};
#undef HIGH_ROW
#undef LOW_ROW

__attribute__((target("avx2"))) static inline __m256i load32(const void *s)
{
    return _mm256_loadu_si256((const __m256i *)s);
}

/* The thirty-two bytes at u (and the one after them), copied to t as
 * folding makes them (each byte below ' ' a ' ': a max), their classes
 * into *classes, two bytes up to ' ' in a row (spaces or controls) into
 * *twice. */
__attribute__((target("avx2"))) static inline void
plain32(const unsigned char *u, char *t, __m256i low_row, __m256i high_row,
        __m256i *classes, __m256i *twice)
{
    const __m256i space = _mm256_set1_epi8(' '), nibble = _mm256_set1_epi8(15);
    __m256i v = load32(u), next = load32(u + 1);
    __m256i folded = _mm256_max_epu8(v, space);
    __m256i up_to_space = _mm256_cmpeq_epi8(folded, space);
    __m256i next_up_to_space =
        _mm256_cmpeq_epi8(_mm256_max_epu8(next, space), space);
    *twice = _mm256_or_si256(*twice,
                             _mm256_and_si256(up_to_space, next_up_to_space));
    __m256i by_low = _mm256_shuffle_epi8(low_row, _mm256_and_si256(v, nibble));
    __m256i by_high = _mm256_shuffle_epi8(
        high_row, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
    *classes = _mm256_or_si256(*classes, _mm256_and_si256(by_low, by_high));
    _mm256_storeu_si256((__m256i *)t, folded);
}

/* Whether a lane of v has one of the class bits k. */
__attribute__((target("avx2"))) static inline bool has_class(__m256i v, int k)
{
    return !_mm256_testz_si256(v, _mm256_set1_epi8((char)k));
}

/* plain_look for n >= 33: every read is within u[0..n), as
 * plain_blocks' are. */
__attribute__((target("avx2"))) static unsigned
plain_look32(const unsigned char *u, char *t, size_t n, bool csv, bool utf8)
{
    const class_rows *rows = &class_tables[csv][utf8];
    __m256i low_row = load32(rows->low), high_row = load32(rows->high);
    __m256i classes = _mm256_setzero_si256(), twice = classes;
    for (size_t i = 0; i + 33 < n; i += 32)
        plain32(u + i, t + i, low_row, high_row, &classes, &twice);
    plain32(u + n - 33, t + n - 33, low_row, high_row, &classes, &twice);
    /* (twice's lanes are 0 or 0xFF, every class bit) */
    return (has_class(_mm256_or_si256(classes, twice), K_BAD) ? LOOK_BAD : 0) |
           (has_class(classes, K_SPECIAL) ? LOOK_SPECIAL : 0) |
           (has_class(classes, K_LOOK) ? LOOK_WIDE : 0) |
           (has_class(classes, K_COMMA) ? LOOK_COMMA : 0);
}
#endif

/* What the bytes of u[0..n) but the last (n >= 17) are, as LOOK_ bits,
 * copied to t as folding makes them: thirty-two bytes a step where the
 * processor can. */
static inline unsigned plain_look(const unsigned char *u, char *t, size_t n,
                                  bool csv, bool utf8, bool wide_steps)
{
#if FIGURES_AVX2
    if (n >= 33 && wide_steps)
        return plain_look32(u, t, n, csv, utf8);
#else
    (void)wide_steps;
#endif
    bool wide, comma;
    if (!plain_look16(u, t, n, csv ? '"' : '\\', utf8, &wide, &comma))
        return LOOK_BAD | LOOK_UNSURE;
    return (wide ? LOOK_WIDE : 0) | (comma ? LOOK_COMMA : 0);
}

/* Whether u[0..n) (n >= 17, its last byte not 0xE2 or 0xE3) holds a
 * space past ASCII, one of which starts at each of its 0xE2 and 0xE3
 * that may. */
static inline bool wide_space(const unsigned char *u, size_t n)
{
    for (size_t i = 0;; i += 16) {
        if (i + 17 > n)
            i = n - 17;
        ft_bytes16 v = ft_load16(u + i);
        for (uint32_t m =
                 ft_bits16((ft_bytes16)(v == 0xE2) | (ft_bytes16)(v == 0xE3));
             m; m &= m - 1) {
            size_t at = i + (size_t)__builtin_ctz(m);
            if (ft_text_space_len((const char *)u + at, n - at))
                return true;
        }
        if (i + 17 == n)
            return false;
    }
}

/* The cell of plain_sentence_cell's folded copy t[0..n) (n >= 17) that
 * holds the dialect's `special` ('"' in CSV, a backslash in TSV): each
 * such byte written twice, as ft_csvio_text_at writes them, in CSV
 * inside the quotes a '"' asks for, after the neutralising quote when
 * risky.  Made at t + n, past the copy, which is read sixteen bytes at
 * a time as the cell is written after it: a read at t + i (i < n) goes
 * at most 15 bytes past t + n, into the cell's first sixteen bytes,
 * written by the first step (whose read is within the copy); what it
 * finds there is left out (lanes from n - i on).  Returns the end; the
 * cell starts at t + n and takes at most 2n + 2 bytes, with stores up
 * to 16 bytes past them. */
static char *doubled_cell(char *t, size_t n, unsigned char special, bool csv,
                          bool risky)
{
    char *o = t + n;
    if (csv)
        *o++ = '"';
    if (risky)
        *o++ = '\'';
    for (size_t i = 0; i < n;) {
        ft_bytes16 v = ft_load16(t + i);
        memcpy(o, &v, 16);
        size_t at = ft_first16((ft_bytes16)(v == special));
        if (at >= n - i) { /* none in the rest of the copy */
            o += n - i;
            break;
        }
        if (at == 16) { /* none in these sixteen */
            o += 16;
            i += 16;
            continue;
        }
        o += at + 1; /* through the special byte, written again */
        *o++ = (char)special;
        i += at + 1;
    }
    if (csv)
        *o++ = '"';
    return o;
}

/* plain_sentence_cell for a sentence whose sixteen-byte look found a
 * byte that is not plain or the dialect's `special` (the caller has
 * looked at its ends): when the special bytes are all it holds that is
 * not plain (a quote, in one news sentence of ten), the cell with them
 * doubled (doubled_cell), else NULL.  A second look, blind to the special
 * byte (DEL, not plain anyway, takes its place), tells them from the
 * rest.  Out of line, so that the plain sentences' way stays as short. */
static __attribute__((noinline)) char *
special_sentence_cell(const ft_figwriter *w, char *o, char **start)
{
    const unsigned char *u = (const unsigned char *)w->sentence_from;
    size_t n = w->sentence_len;
    bool csv = w->dialect != FT_CSVIO_TSV, utf8 = w->sentence_utf8;
    bool risky = ft_csvio_is_risky((const char *)u, n);
    char *t = o + 1 + risky; /* as plain_sentence_cell's */
    bool wide, comma;
    if (!plain_look16(u, t, n, 0x7F, utf8, &wide, &comma) ||
        (wide && wide_space(u, n)))
        return NULL;
    t[n - 1] = (char)u[n - 1];
    *start = t + n;
    return doubled_cell(t, n, csv ? '"' : '\\', csv, risky);
}

/* The sentence's CSV or TSV cell at o, made in one look at each sixteen
 * bytes that folds, checks and copies them at once, when the sentence is
 * plain: at least 17 bytes, none DEL or a control other than an ASCII
 * space (tab, LF, VT, FF, CR), nor the dialect's `special` ('"' or
 * backslash), with single ASCII spaces between the others and none at
 * either end, which folding makes ' ' and leaves the rest alone; past
 * ASCII only when the sentence is known well-formed UTF-8, without a
 * space past ASCII (NBSP, U+2000.., U+3000: their first bytes 0xC2,
 * 0xE2, 0xE3 are looked at) or a C1 control (0xC2 too).  The cell is
 * then the folded sentence, after the neutralising quote when it is
 * risky, quoted when it holds a comma (CSV): as ft_csvio_text_at writes
 * it, from *start (one or two bytes on from o, as the quotes fall) to
 * the end returned.  A sentence plain but for the dialect's `special`
 * bytes is written by special_sentence_cell, its cell at most room + 2
 * bytes from o.  NULL when the sentence is not plain (the caller writes
 * it the long way); the room is the cell's (text_room) and PAD more. */
static char *plain_sentence_cell(const ft_figwriter *w, char *o, char **start)
{
    const unsigned char *u = (const unsigned char *)w->sentence_from;
    size_t n = w->sentence_len;
    bool csv = w->dialect != FT_CSVIO_TSV, utf8 = w->sentence_utf8;
    unsigned char special = csv ? '"' : '\\';
    if (n < 17 || ft_ascii_whitespace(u[0]) || u[n - 1] <= ' ' ||
        u[n - 1] == 0x7F || (!utf8 && u[n - 1] > 0x7F))
        return NULL;
    bool risky = ft_csvio_is_risky((const char *)u, n);
    char *t = o + 1 + risky; /* the text, after the quote and the ' */
    /* Each byte but the last (looked at above), with the one after it;
     * the last step overlaps the one before. */
    unsigned found = plain_look(u, t, n, csv, utf8, w->wide_look);
    if (found & LOOK_BAD)
        return found & LOOK_UNSURE ? special_sentence_cell(w, o, start) : NULL;
    /* 0xE2 and 0xE3 start the spaces past ASCII and much else (quotes,
     * dashes): each is looked at, in the sentences that hold one */
    if ((found & LOOK_WIDE) && wide_space(u, n))
        return NULL;
    t[n - 1] = (char)u[n - 1];
    /* the last byte too, which the steps above leave out */
    if ((found & LOOK_SPECIAL) || u[n - 1] == special) {
        *start = t + n;
        return doubled_cell(t, n, special, csv, risky);
    }
    bool quote = csv && ((found & LOOK_COMMA) || u[n - 1] == ',');
    *start = t - risky - quote;
    if (quote)
        **start = '"';
    if (risky)
        t[-1] = '\'';
    o = t + n;
    if (quote)
        *o++ = '"';
    return o;
}

/* The sentence's cell, made once for the figures that share it; its
 * buffer goes on PAD bytes past the cell (which takes at most room + 2
 * bytes from its start), for put_padded. */
static ft_status sentence_cell(ft_figwriter *w, const char **cell, size_t *n)
{
    if (!w->cell_ready) {
        size_t room;
        if (!text_room(w, w->sentence_len, &room) ||
            ft_buf_reserve(&w->sentence_cell, room + 2 + PAD) != FT_OK)
            return FT_ENOMEM;
        char *o = w->sentence_cell.data, *start = o, *end = NULL;
        if (w->format != FT_FORMAT_JSONL)
            end = plain_sentence_cell(w, o, &start);
        if (!end) {
            start = o;
            const char *s;
            size_t len;
            if (sentence_text(w, &s, &len) != FT_OK)
                return FT_ENOMEM;
            /* a sentence as written is well-formed UTF-8 (folding
             * makes it so, and the fold is skipped only for such) */
            end = w->format == FT_FORMAT_JSONL
                      ? put_text(w, o, s, len)
                      : ft_csvio_text_utf8_at(o, w->dialect, s, len);
        }
        *end = '\0';
        w->sentence_cell.len = (size_t)(end - o);
        w->cell_start = (size_t)(start - o);
        w->cell_ready = true;
    }
    *cell = w->sentence_cell.data + w->cell_start;
    *n = w->sentence_cell.len - w->cell_start;
    return FT_OK;
}

/* The row (and its line end) appended to b, as it was on failure. */
static ft_status format_row(ft_figwriter *w, const ft_article *a,
                            size_t mention, const ft_figure *f, ft_buf *b)
{
    const char *sentence;
    size_t sentence_len;
    if (article_cells(w, a, mention) != FT_OK ||
        sentence_cell(w, &sentence, &sentence_len) != FT_OK)
        return FT_ENOMEM;
    char flags[FLAGS_BUFSZ];
    size_t flags_len = format_flags(f, flags);
    /* the text cell cut from the figure, bounded by its length (the
     * fixed-size ones are in ROW_FIXED_ROOM, six bytes a byte) */
    size_t surface;
    if (!text_room(w, f->end - f->start, &surface))
        return FT_ENOMEM;
    size_t room = ROW_FIXED_ROOM + PAD +
                  6 * (sizeof f->currency + sizeof f->reported_currency +
                       sizeof f->subject + sizeof f->country + FLAGS_BUFSZ);
    size_t fixed = w->head.len + w->tail.len;
    if (surface > SIZE_MAX / 8 || sentence_len > SIZE_MAX / 8 ||
        fixed > SIZE_MAX / 8 ||
        ft_buf_reserve(b, room + surface + sentence_len + fixed) != FT_OK)
        return FT_ENOMEM;
    char *o = b->data + b->len;
    o = put_padded(o, w->head.data, w->head.len);
    o = w->format == FT_FORMAT_JSONL
            ? figure_cells(w, true, o, a, mention, f, flags, flags_len)
            : figure_cells(w, false, o, a, mention, f, flags, flags_len);
    if (w->format == FT_FORMAT_JSONL)
        o = put_bytes(o, ",\"sentence\":", 12);
    o = put_padded(o, sentence, sentence_len);
    o = put_padded(o, w->tail.data, w->tail.len);
    *o = '\0';
    b->len = (size_t)(o - b->data);
    return FT_OK;
}

ft_status ft_figwriter_format(ft_figwriter *w, const ft_article *a,
                              size_t mention, const ft_figure *f, ft_buf *out,
                              ft_error *err)
{
    ft_status st = prepare(w, a, mention, f, err);
    if (st != FT_OK)
        return st;
    return format_row(w, a, mention, f, out) == FT_OK ? FT_OK : no_memory(err);
}

ft_status ft_figwriter_row(ft_figwriter *w, const ft_article *a, size_t mention,
                           const ft_figure *f, ft_error *err)
{
    ft_buf_clear(&w->line);
    ft_status st = ft_figwriter_format(w, a, mention, f, &w->line, err);
    return st == FT_OK ? write_line(w, err) : st;
}

ft_status ft_figwriter_cells(ft_figwriter *w, const ft_article *a,
                             size_t mention, const ft_figure *f, ft_figrow *row,
                             ft_error *err)
{
    ft_status st = prepare(w, a, mention, f, err);
    if (st == FT_OK && fold_sentence(w) != FT_OK)
        st = no_memory(err);
    if (st == FT_OK) {
        fill_cells(&w->cells, mention, f);
        row_from(row, w, a, f, &w->cells);
    }
    return st;
}
