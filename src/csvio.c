/* csvio.c — delimited rows, built whole in a buffer, with spreadsheet-safe
 * text.  A cell is looked at once (a short one through a byte table as it
 * is copied, a long one sixteen bytes at a time): most cells need nothing
 * but a copy, the rest are rebuilt byte by byte in one pass (quoted as
 * libcsv's csv_write quotes, or escaped, and scrubbed). */
#include "csvio.h"

#include "number.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/* What a byte asks of a text cell, as bits. */
enum {
    P = 0, /* nothing: copied */
    Q = 1, /* CSV: the cell is quoted (',', '"', LF, CR) */
    D = 2, /* CSV: doubled inside the quotes ('"') */
    E = 4, /* TSV: escaped (backslash, tab, LF, CR) */
    C = 8, /* a control a terminal acts on: U+FFFD */
    H = 16 /* not ASCII: well-formed UTF-8 and no C1 control, or U+FFFD */
};

static const unsigned char byte_class[256] = {
    C, C, C,     C, C, C, C, C, C, E, Q | E, C, C, Q | E, C, C, /* 00 */
    C, C, C,     C, C, C, C, C, C, C, C,     C, C, C,     C, C, /* 10 */
    P, P, Q | D, P, P, P, P, P, P, P, P,     P, Q, P,     P, P, /* 20 */
    P, P, P,     P, P, P, P, P, P, P, P,     P, P, P,     P, P, /* 30 */
    P, P, P,     P, P, P, P, P, P, P, P,     P, P, P,     P, P, /* 40 */
    P, P, P,     P, P, P, P, P, P, P, P,     P, E, P,     P, P, /* 50 */
    P, P, P,     P, P, P, P, P, P, P, P,     P, P, P,     P, P, /* 60 */
    P, P, P,     P, P, P, P, P, P, P, P,     P, P, P,     P, C, /* 70 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* 80 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* 90 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* A0 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* B0 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* C0 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* D0 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* E0 */
    H, H, H,     H, H, H, H, H, H, H, H,     H, H, H,     H, H, /* F0 */
};

void ft_csvio_init(ft_csvio *w, FILE *out, ft_csvio_dialect dialect)
{
    w->out = out;
    w->dialect = dialect;
    w->cells = 0;
    ft_buf_init(&w->row);
}

void ft_csvio_free(ft_csvio *w)
{
    ft_buf_free(&w->row);
}

/* Whether a cell starting with c is neutralised. */
static inline bool risky_byte(char c)
{
    return ft_csvio_is_risky(&c, 1);
}

/* The classes of every byte of s[0..n), or-ed, through the table (four
 * at a time: cells are short). */
static unsigned table_classes(const unsigned char *u, size_t n)
{
    unsigned a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        a0 |= byte_class[u[i]];
        a1 |= byte_class[u[i + 1]];
        a2 |= byte_class[u[i + 2]];
        a3 |= byte_class[u[i + 3]];
    }
    for (; i < n; i++)
        a0 |= byte_class[u[i]];
    return a0 | a1 | a2 | a3;
}

/* The scans below look sixteen bytes at a time (text.h).  byte_class
 * stays the one rule: they only find the bytes it marks, and a control,
 * the one class they do not tell apart, sends the cell to the table. */

/* The lanes of v that byte_class marks C or H (a control, DEL, not
 * ASCII) or that are `special` ('"' or a backslash). */
static ft_bytes16 marked16(ft_bytes16 v, unsigned char special)
{
    return (ft_bytes16)(v < 0x20) | (ft_bytes16)(v >= 0x7F) |
           (ft_bytes16)(v == special);
}

/* The lanes of v that are to change in well-formed UTF-8: the controls,
 * DEL, `special` and the 0xC2 that may start a C1 control. */
static ft_bytes16 marked16_utf8(ft_bytes16 v, unsigned char special)
{
    return (ft_bytes16)(v < 0x20) | (ft_bytes16)(v == 0x7F) |
           (ft_bytes16)(v == 0xC2) | (ft_bytes16)(v == special);
}

/* The same or-ed classes, news text sixteen bytes at a time. */
__attribute__((noinline)) static unsigned classes(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n < 16)
        return table_classes(u, n);
    ft_bytes16 ctl = {0}, del = {0}, high = {0}, quote = {0}, comma = {0},
               backslash = {0};
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        ft_bytes16 v = ft_load16(u + i);
        ctl |= (ft_bytes16)(v < 0x20);
        del |= (ft_bytes16)(v == 0x7F);
        high |= (ft_bytes16)(v >= 0x80);
        quote |= (ft_bytes16)(v == '"');
        comma |= (ft_bytes16)(v == ',');
        backslash |= (ft_bytes16)(v == '\\');
    }
    if (ft_any16(ctl)) /* tab, LF and CR are classed apart from the rest */
        return table_classes(u, n);
    unsigned acc = table_classes(u + i, n - i);
    acc |= ft_any16(del) ? C : 0;
    acc |= ft_any16(high) ? H : 0;
    acc |= ft_any16(quote) ? Q | D : 0;
    acc |= ft_any16(comma) ? Q : 0;
    acc |= ft_any16(backslash) ? E : 0;
    return acc;
}

/* Length of the well-formed character at s[0..n) (s[0] >= 0x80) to copy,
 * or 0 when it is replaced by U+FFFD, with *skip the bytes replaced: a
 * byte that is not well-formed UTF-8, or a C1 control U+0080..U+009F (C1
 * CSI starts a sequence like ESC [ on some terminals), which a terminal
 * would act on when the file is viewed with cat or less. */
static size_t high_char(const char *s, size_t n, size_t *skip)
{
    if ((unsigned char)s[0] == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 &&
        (unsigned char)s[1] <= 0x9F) {
        *skip = 2;
        return 0;
    }
    *skip = 1;
    return ft_text_utf8_len(s, n);
}

/* s[0..n) rebuilt at o, the dialect's `special` bytes (D or E) quoted or
 * escaped, controls and bad bytes replaced by U+FFFD (the one rule for
 * every text cell, the same replacement the sentence column makes for bad
 * bytes); returns the end.  At most 3 bytes out for each byte in.  (Not
 * inlined, nor is classes: ft_csvio_text_at's common paths then save
 * fewer registers.) */
__attribute__((noinline)) static char *rebuild(char *o, const char *s, size_t n,
                                               unsigned special, bool utf8)
{
    static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
    const unsigned char *u = (const unsigned char *)s;
    unsigned char special_byte = special & D ? '"' : '\\';
    size_t i = 0;
    while (i < n) {
        unsigned char c = u[i];
        unsigned k = byte_class[c] & (special | C | H);
        if (utf8 && c >= 0x80 && c != 0xC2)
            k = 0; /* well-formed, and no C1 control */
        if (k == 0) {
            /* What comes before the first byte to change in the next
             * sixteen is copied at once (all sixteen are stored, the room
             * allows); a tab in CSV, marked but kept, goes alone. */
            size_t run = 1;
            if (i + 16 <= n) {
                ft_bytes16 v = ft_load16(u + i);
                run = ft_first16(utf8 ? marked16_utf8(v, special_byte)
                                      : marked16(v, special_byte));
                memcpy(o, s + i, 16);
                run += run == 0;
            } else
                *o = (char)c;
            o += run;
            i += run;
        } else if (k & D) {
            *o++ = '"';
            *o++ = '"';
            i++;
        } else if (k & E) {
            *o++ = '\\';
            *o++ = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
            i++;
        } else if (c >= 0xE1 && c <= 0xEC && i + 3 <= n &&
                   (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            /* Hangul and most of the BMP, well-formed whatever the
             * continuation bytes (the check text.c makes first too):
             * copied without a call */
            memcpy(o, s + i, 3);
            o += 3;
            i += 3;
        } else {
            size_t skip = 1, len = k & H ? high_char(s + i, n - i, &skip) : 0;
            if (len) {
                memcpy(o, s + i, len);
                o += len;
                i += len;
            } else {
                memcpy(o, replacement, 3);
                o += 3;
                i += skip;
            }
        }
    }
    return o;
}

/* The sixteen bytes at u into long_classes' lanes: controls, bytes past
 * ASCII (both below ' ' as signed bytes), DEL and `special` in *odd, and
 * commas in *comma. */
static inline void plain16(const unsigned char *u, unsigned char special,
                           ft_bytes16 *odd, ft_bytes16 *comma)
{
    ft_bytes16 v = ft_load16(u);
    *odd |= (ft_bytes16)((ft_sbytes16)v < ' ') | (ft_bytes16)(v == 0x7F) |
            (ft_bytes16)(v == special);
    *comma |= (ft_bytes16)(v == ',');
}

/* The classes of s[0..n) that matter to a cell of the dialect: all of
 * them, or for a cell of plain text (ASCII 0x20..0x7E but the quote in CSV
 * and the backslash in TSV, most news text) at most Q, which a look at
 * sixteen bytes at a time tells (the last sixteen overlap the others);
 * n >= 16. */
static unsigned long_classes(const char *s, size_t n, bool csv)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char special = csv ? '"' : '\\';
    ft_bytes16 odd = {0}, comma = {0};
    for (size_t i = 0; i + 16 < n; i += 16)
        plain16(u + i, special, &odd, &comma);
    plain16(u + n - 16, special, &odd, &comma);
    if (ft_any16(odd))
        return classes(s, n);
    return ft_any16(comma) ? Q : 0;
}

/* long_classes of well-formed UTF-8, where the bytes past ASCII matter
 * only when one is 0xC2 (a C1 control is C2 80..C2 9F). */
static unsigned long_classes_utf8(const char *s, size_t n, bool csv)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char special = csv ? '"' : '\\';
    ft_bytes16 odd = {0}, comma = {0};
    for (size_t i = 0;; i += 16) {
        if (i + 16 > n)
            i = n - 16;
        ft_bytes16 v = ft_load16(u + i);
        odd |= marked16_utf8(v, special);
        comma |= (ft_bytes16)(v == ',');
        if (i + 16 == n)
            break;
    }
    if (ft_any16(odd)) {
        unsigned acc = classes(s, n);
        return memchr(s, 0xC2, n) ? acc : acc & ~(unsigned)H;
    }
    return ft_any16(comma) ? Q : 0;
}

/* ft_csvio_text_at, and with utf8 ft_csvio_text_utf8_at. */
static inline char *text_at(char *o, ft_csvio_dialect dialect, const char *s,
                            size_t n, bool utf8)
{
    if (n == 0) /* the most common cell: nothing to write */
        return o;
    bool risky = risky_byte(s[0]);
    bool csv = dialect != FT_CSVIO_TSV;
    unsigned special = csv ? D : E;
    /* libcsv's reader would trim a space or tab at either end. */
    bool trimmed =
        csv && ((!risky && s[0] == ' ') || s[n - 1] == ' ' || s[n - 1] == '\t');
    unsigned acc;
    if (n < 16) {
        /* A short cell (a code, a name, an amount's words) is copied as
         * it is looked at, after the neutralising quote; kept when it
         * needs nothing more, else written again below. */
        const unsigned char *u = (const unsigned char *)s;
        char *p = o + risky;
        *o = '\'';
        acc = 0;
        for (size_t i = 0; i < n; i++) {
            acc |= byte_class[u[i]];
            p[i] = (char)u[i];
        }
        if (utf8 && (acc & H) && !memchr(s, 0xC2, n))
            acc &= ~(unsigned)H;
        unsigned matters = csv ? Q | D | C | H : E | C | H;
        if (!trimmed && (acc & matters) == 0)
            return p + n;
    } else
        acc = utf8 ? long_classes_utf8(s, n, csv) : long_classes(s, n, csv);
    /* Scrubbing never changes whether a cell is risky (= + - @ tab and CR
     * are kept, and U+FFFD is none of them) nor its first and last byte
     * when these are spaces or tabs: the quoting is known before. */
    bool quote = csv && ((acc & Q) || trimmed);
    if (quote)
        *o++ = '"';
    if (risky) /* inside any quoting */
        *o++ = '\'';
    if ((acc & (special | C | H)) == 0) {
        memcpy(o, s, n);
        o += n;
    } else
        o = rebuild(o, s, n, special, utf8);
    if (quote)
        *o++ = '"';
    return o;
}

char *ft_csvio_text_at(char *o, ft_csvio_dialect dialect, const char *s,
                       size_t n)
{
    return text_at(o, dialect, s, n, false);
}

char *ft_csvio_text_utf8_at(char *o, ft_csvio_dialect dialect, const char *s,
                            size_t n)
{
    return text_at(o, dialect, s, n, true);
}

/* ft_csvio_text_padded_at, made for each dialect and utf8 (constants
 * where it is called, so that no block tests them). */
static inline __attribute__((always_inline)) char *
padded_at(char *o, ft_csvio_dialect dialect, const char *s, size_t n, bool utf8)
{
    if (n == 0)
        return o;
    bool risky = risky_byte(s[0]);
    bool csv = dialect != FT_CSVIO_TSV;
    /* The bytes that may ask for more than a copy (more than byte_class
     * marks: a tab in CSV too, which only costs it the long way), and the
     * commas, which ask for the quotes alone; the last block's lanes past
     * the cell are left out by a mask, not a branch.  The cell is copied
     * as it is looked at, after the neutralising quote. */
    unsigned char special = csv ? '"' : '\\';
    char *p = o + risky;
    *o = '\'';
    ft_bytes16 odd = {0}, comma = {0}, v;
    size_t i = 0;
#define LOOK16()                                                               \
    (v = ft_load16(s + i), memcpy(p + i, &v, 16),                              \
     (ft_bytes16)(v < 0x20) | (ft_bytes16)(v == 0x7F) |                        \
         (ft_bytes16)(v == special) |                                          \
         (utf8 ? (ft_bytes16)(v == 0xC2) : (ft_bytes16)(v >= 0x80)))
    for (; n - i > 16; i += 16) {
        odd |= LOOK16();
        comma |= (ft_bytes16)(v == ',');
    }
    ft_bytes16 in = ft_lanes_below16(n - i);
    odd |= LOOK16() & in;
    comma |= (ft_bytes16)(v == ',') & in;
#undef LOOK16
    if (ft_any16(odd))
        return text_at(o, dialect, s, n, utf8);
    /* Quoted when a comma or a space at either end (libcsv's reader
     * would trim it; a tab there is odd) asks for it, as text_at writes
     * it: the copy again, one byte on. */
    if (!csv || (!ft_any16(comma) && s[0] != ' ' && s[n - 1] != ' '))
        return p + n;
    o[0] = '"';
    o[1] = '\'';
    p = o + 1 + risky;
    for (i = 0; i < n; i += 16)
        memcpy(p + i, s + i, 16);
    p[n] = '"';
    return p + n + 1;
}

char *ft_csvio_text_padded_at(char *o, ft_csvio_dialect dialect, const char *s,
                              size_t n, bool utf8)
{
    if (dialect == FT_CSVIO_TSV)
        return utf8 ? padded_at(o, FT_CSVIO_TSV, s, n, true)
                    : padded_at(o, FT_CSVIO_TSV, s, n, false);
    return utf8 ? padded_at(o, FT_CSVIO_CSV, s, n, true)
                : padded_at(o, FT_CSVIO_CSV, s, n, false);
}

/* b's length set to end's place, NUL-terminated. */
static void set_end(ft_buf *b, char *end)
{
    *end = '\0';
    b->len = (size_t)(end - b->data);
}

ft_status ft_csvio_put_text(ft_buf *b, ft_csvio_dialect dialect, const char *s,
                            size_t n)
{
    size_t room;
    if (!ft_csvio_text_room(n, &room) || ft_buf_reserve(b, room) != FT_OK)
        return FT_ENOMEM;
    set_end(b, ft_csvio_text_at(b->data + b->len, dialect, s, n));
    return FT_OK;
}

ft_status ft_csvio_put_row(ft_buf *b, ft_csvio_dialect dialect,
                           const char *const *cell, const size_t *len,
                           const bool *numeric, size_t n)
{
    /* Room for the worst case of every cell, made once. */
    size_t room = n + 1;
    for (size_t i = 0; i < n; i++) {
        size_t r = len[i];
        if ((!numeric[i] && !ft_csvio_text_room(len[i], &r)) ||
            r > SIZE_MAX / 2 - room)
            return FT_ENOMEM;
        room += r;
    }
    if (ft_buf_reserve(b, room) != FT_OK)
        return FT_ENOMEM;
    char *o = b->data + b->len, sep = ft_csvio_separator(dialect);
    for (size_t i = 0; i < n; i++) {
        if (i)
            *o++ = sep;
        if (numeric[i]) {
            memcpy(o, cell[i], len[i]);
            o += len[i];
        } else
            o = ft_csvio_text_at(o, dialect, cell[i], len[i]);
    }
    *o++ = '\n';
    set_end(b, o);
    return FT_OK;
}

/* ---- the row writer ---------------------------------------------------- */

static ft_status write_error(ft_error *err)
{
    return ft_error_set(err, FT_EIO, "write error: %s",
                        errno ? strerror(errno) : "unknown");
}

static ft_status no_memory(ft_error *err)
{
    return ft_error_set(err, FT_ENOMEM, "out of memory");
}

static ft_status separator(ft_csvio *w, ft_error *err)
{
    if (w->cells++ == 0)
        return FT_OK;
    if (ft_buf_putc(&w->row, ft_csvio_separator(w->dialect)) != FT_OK)
        return no_memory(err);
    return FT_OK;
}

ft_status ft_csvio_text(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    ft_status st = separator(w, err);
    if (st != FT_OK)
        return st;
    if (ft_csvio_put_text(&w->row, w->dialect, s, n) != FT_OK)
        return no_memory(err);
    return FT_OK;
}

ft_status ft_csvio_str(ft_csvio *w, const char *s, ft_error *err)
{
    return ft_csvio_text(w, s ? s : "", s ? strlen(s) : 0, err);
}

ft_status ft_csvio_number(ft_csvio *w, const char *s, size_t n, ft_error *err)
{
    ft_status st = separator(w, err);
    if (st != FT_OK)
        return st;
    if (ft_buf_append(&w->row, s, n) != FT_OK)
        return no_memory(err);
    return FT_OK;
}

ft_status ft_csvio_uint(ft_csvio *w, unsigned long long v, ft_error *err)
{
    char buf[FT_DECIMAL_BUFSZ];
    size_t n = ft_decimal_format((ft_decimal){.digits = v}, buf, sizeof buf);
    return ft_csvio_number(w, buf, n, err);
}

ft_status ft_csvio_endrow(ft_csvio *w, ft_error *err)
{
    ft_buf *row = &w->row;
    w->cells = 0;
    if (ft_buf_putc(row, '\n') != FT_OK) {
        ft_buf_clear(row);
        return no_memory(err);
    }
    size_t n = fwrite(row->data, 1, row->len, w->out);
    bool ok = n == row->len && !ferror(w->out);
    ft_buf_clear(row);
    return ok ? FT_OK : write_error(err);
}
