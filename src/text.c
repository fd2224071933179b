/* text.c — UTF-8 helpers, a growable byte buffer, decoding into UTF-8. */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool ft_cpu_avx2_usable = false;

#if defined(__x86_64__) && defined(__GNUC__)
/* Set before main, so that reading it needs no test of whether it was
 * set and no lock.  __builtin_cpu_init first: a constructor may run
 * before libgcc's own, which fills in what __builtin_cpu_supports reads. */
__attribute__((constructor)) static void ft_cpu_probe(void)
{
    __builtin_cpu_init();
    ft_cpu_avx2_usable = __builtin_cpu_supports("avx2");
}
#endif

void ft_cpu_avoid_avx2(void)
{
    ft_cpu_avx2_usable = false;
}

void ft_buf_init(ft_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void ft_buf_free(ft_buf *b)
{
    free(b->data);
    ft_buf_init(b);
}

void ft_buf_clear(ft_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

ft_status ft_grow(void **items, size_t *cap, size_t len, size_t size,
                  size_t first)
{
    if (len < *cap)
        return FT_OK;
    size_t n = *cap ? *cap : first;
    while (n <= len) {
        if (n > SIZE_MAX / 2 / size)
            return FT_ENOMEM;
        n *= 2;
    }
    void *p = realloc(*items, n * size);
    if (!p)
        return FT_ENOMEM;
    *items = p;
    *cap = n;
    return FT_OK;
}

bool ft_sorted(const void *items, size_t n, size_t size,
               int (*cmp)(const void *, const void *))
{
    const char *p = items;
    for (size_t i = 1; i < n; i++)
        if (cmp(p + (i - 1) * size, p + i * size) > 0)
            return false;
    return true;
}

ft_status ft_buf_grow(ft_buf *b, size_t extra)
{
    if (extra >= SIZE_MAX - b->len)
        return FT_ENOMEM;
    size_t need = b->len + extra + 1; /* + the NUL */
    if (need <= b->cap)
        return FT_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return FT_ENOMEM;
    p[b->len] = '\0'; /* a new buffer is an empty string too */
    b->data = p;
    b->cap = cap;
    return FT_OK;
}

ft_status ft_buf_append(ft_buf *b, const char *s, size_t n)
{
    if (ft_buf_reserve(b, n) != FT_OK)
        return FT_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return FT_OK;
}

ft_status ft_buf_putc(ft_buf *b, char c)
{
    return ft_buf_append(b, &c, 1);
}

/* ft_text_utf8_len, inlined into the loops that run over every byte. */
static inline size_t seq_len(const unsigned char *u, size_t n)
{
    unsigned c = u[0];
    if (c < 0x80)
        return 1;
    /* Hangul and most of the BMP: a lead byte whose second byte may be
     * any continuation byte */
    if (c >= 0xE1 && c <= 0xEC && n >= 3 && (u[1] & 0xC0) == 0x80 &&
        (u[2] & 0xC0) == 0x80)
        return 3;
    /* The table of well-formed sequences (Unicode 15, table 3-7): the
     * second byte's range depends on the lead byte, which rules out
     * overlong forms, surrogates and code points past U+10FFFF. */
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || u[1] < lo || u[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (u[i] < 0x80 || u[i] > 0xBF)
            return 0;
    return len;
}

size_t ft_text_utf8_len(const char *s, size_t n)
{
    return seq_len((const unsigned char *)s, n);
}

/* Where the first byte with its high bit set is in eight bytes loaded by
 * ft_load8 (8: none). */
static size_t first_high8(uint64_t v)
{
    uint64_t high = v & 0x8080808080808080u;
    return high ? (size_t)__builtin_ctzll(high) / 8 : 8;
}

/* The first i' >= i with u[i'] past ASCII, else n. */
static size_t ascii_run(const unsigned char *u, size_t i, size_t n)
{
    /* most news text is ASCII: sixteen bytes at a look (ft_bits16 keeps
     * each byte's high bit), eight for the rest, then one by one */
    for (; i + 16 <= n; i += 16) {
        uint32_t high = ft_bits16(ft_load16(u + i));
        if (high)
            return i + (size_t)__builtin_ctz(high);
    }
    if (i + 8 <= n) {
        size_t k = first_high8(ft_load8(u + i));
        if (k < 8)
            return i + k;
        i += 8;
    }
    while (i < n && u[i] < 0x80)
        i++;
    return i;
}

bool ft_text_utf8_valid(const char *s, size_t n, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = ascii_run(u, 0, n); i < n; i = ascii_run(u, i, n)) {
        size_t k = seq_len(u + i, n - i);
        if (k == 0) {
            if (bad)
                *bad = i;
            return false;
        }
        i += k;
    }
    return true;
}

size_t ft_text_space_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    switch (u[0]) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
        return 1;
    case 0xC2: /* U+0085 NEL, U+00A0 no-break space */
        return n >= 2 && (u[1] == 0x85 || u[1] == 0xA0) ? 2 : 0;
    case 0xE2:
        if (n < 3)
            return 0;
        if (u[1] == 0x80 &&
            ((u[2] >= 0x80 && u[2] <= 0x8A) || /* U+2000..U+200A */
             u[2] == 0xA8 || u[2] == 0xA9 ||   /* U+2028, U+2029 */
             u[2] == 0xAF))                    /* U+202F */
            return 3;
        if (u[1] == 0x81 && u[2] == 0x9F) /* U+205F */
            return 3;
        return 0;
    case 0xE3: /* U+3000 ideographic space */
        return n >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
    default:
        return 0;
    }
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Space, tab, LF, VT, FF, CR: one bit each in a mask. */
/* The high bit of each byte of v outside 0x21..0x7F (ASCII other than
 * space and the controls below it): exact up to the first such byte (a
 * borrow runs only upwards from one), and never missing one. */
static uint64_t not_word8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    return ((v - ones * 0x21) & ~v & highs) | (v & highs);
}

/* How many of the eight bytes at s, from the first, ft_text_fold copies
 * as they are: ASCII 0x21..0x7F, and a space between two such bytes (one
 * space inside a sentence is what folding makes of it anyway).  s[8] is
 * read, to see what follows a space in the last place.  A stop may come
 * early (a borrow past a space), never late: the caller copies what it
 * stopped at one byte at a time. */
static size_t plain_run8(const unsigned char *s)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t v = ft_load8(s);
    uint64_t next = (v >> 8) | (uint64_t)s[8] << 56;
    uint64_t x = v ^ ones * ' ';
    uint64_t space = (x - ones) & ~x & highs;
    uint64_t stop = not_word8(v) & ~(space & ~not_word8(next));
    return stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
}

ft_status ft_text_fold(ft_buf *b, const char *s, size_t n)
{
    /* Written straight into the buffer: this runs once per output row.
     * Room is kept for what is left of the input plus a pending space;
     * only a bad byte (1 byte in, 3 out) needs more.  The output is
     * kept in locals (a store through char * could change b->len). */
    if (ft_buf_reserve(b, n + 1) != FT_OK)
        return FT_ENOMEM;
    const unsigned char *u = (const unsigned char *)s;
    char *out = b->data;
    size_t o = b->len, i = 0;
    bool pending_space = false, any = false;
    while (i < n) {
        unsigned char c = u[i];
        if (c < 0x80) {
            if (ft_ascii_whitespace(c)) {
                pending_space = any;
                i++;
                continue;
            }
            if (pending_space)
                out[o++] = ' ';
            pending_space = false;
            any = true;
            /* the common case, words: copied eight bytes at a time
             * (the room kept covers the bytes stored past its end) */
            out[o++] = (char)u[i++];
            size_t k = 8;
            while (k == 8 && i + 9 <= n) {
                memcpy(out + o, u + i, 8);
                k = plain_run8(u + i);
                o += k;
                i += k;
            }
            if (k == 8) /* the last bytes of the text, one at a time */
                while (i < n && (unsigned char)(u[i] - 0x21) < 0x5F)
                    out[o++] = (char)u[i++];
            continue;
        }
        size_t k = ft_text_space_len(s + i, n - i);
        if (k) {
            pending_space = any;
            i += k;
            continue;
        }
        k = seq_len(u + i, n - i);
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        any = true;
        if (k) {
            memcpy(out + o, u + i, k);
            o += k;
            i += k;
        } else {
            b->len = o;
            if (ft_buf_reserve(b, 3 + (n - i) + 1) != FT_OK)
                return FT_ENOMEM;
            out = b->data;
            memcpy(out + o, replacement, 3);
            o += 3;
            i++;
        }
    }
    b->len = o;
    out[o] = '\0';
    return FT_OK;
}

/* The lanes of v (nx the byte after each) where folding changes ASCII
 * text: whitespace or a control before another; the controls in
 * *controls (whitespace that folding makes ' ' when they are all
 * whitespace, see controls_are_spaces). */
static ft_bytes16 unfolded_ascii16(ft_bytes16 v, ft_bytes16 nx,
                                   ft_bytes16 *controls)
{
    *controls |= (ft_bytes16)(v < 0x20);
    return (ft_bytes16)(v <= ' ') & (ft_bytes16)(nx <= ' ');
}

/* Whether every control of u[0..n) is whitespace: looked at only for a
 * text that has controls (a sentence across a line break). */
static bool controls_are_spaces(const unsigned char *u, size_t n)
{
    if (n < 16) {
        for (size_t i = 0; i < n; i++)
            if (u[i] < 0x20 && !ft_ascii_whitespace(u[i]))
                return false;
        return true;
    }
    ft_bytes16 bad = {0};
    for (size_t i = 0;; i += 16) { /* the last step overlaps */
        if (i + 16 > n)
            i = n - 16;
        ft_bytes16 v = ft_load16(u + i);
        bad |= (ft_bytes16)(v < 0x20) & ~ft_spaces16(v);
        if (i + 16 == n)
            break;
    }
    return !ft_any16(bad);
}

/* The lanes of v (bytes p3, p2, p1 before each, nx after it) where
 * folding changes something or may: those of unfolded_ascii16, and a
 * byte that is not where well-formed UTF-8 has it; Hangul's own lead
 * byte 0xED, whose second byte stops at 0x9F, is looked at here, the
 * leads rarer in Korean text by unfolded_rare16. */
static ft_bytes16 unfolded16(ft_bytes16 p3, ft_bytes16 p2, ft_bytes16 p1,
                             ft_bytes16 v, ft_bytes16 nx, ft_bytes16 *controls)
{
    ft_bytes16 bad = unfolded_ascii16(v, nx, controls);
    /* a continuation byte exactly where a lead byte before asks for one
     * (bad: where none asks and it is one, or one asks and it is not) */
    ft_bytes16 cont = (ft_bytes16)((v & 0xC0) == 0x80);
    ft_bytes16 unasked = (ft_bytes16)(p1 < 0xC0) & (ft_bytes16)(p2 < 0xE0) &
                         (ft_bytes16)(p3 < 0xF0);
    return bad | (ft_bytes16)(unasked == cont) |
           ((ft_bytes16)(p1 == 0xED) & (ft_bytes16)((v & 0xE0) == 0xA0));
}

/* The lanes of v that may start what unfolded_rare16 looks at: 0xC0 to
 * 0xC3, 0xE0 to 0xE3, 0xF0 and up (0xC3 and 0xE1 cost only a look). */
static ft_bytes16 rare16(ft_bytes16 v)
{
    return (ft_bytes16)((v & 0xDC) == 0xC0) | (ft_bytes16)((v & 0xF0) == 0xF0);
}

/* The rest of what unfolded16 leaves, for lanes after a byte of rare16:
 * the lead bytes of nothing; second bytes out of their lead's range
 * (overlong forms, past U+10FFFF); the Unicode spaces, which fold to
 * ' ' (ft_text_space_len). */
static ft_bytes16 unfolded_rare16(ft_bytes16 p2, ft_bytes16 p1, ft_bytes16 v)
{
    ft_bytes16 bad = (ft_bytes16)((v & 0xFE) == 0xC0) | (ft_bytes16)(v >= 0xF5);
    bad |= ((ft_bytes16)(p1 == 0xE0) & (ft_bytes16)(v < 0xA0)) |
           ((ft_bytes16)(p1 == 0xF0) & (ft_bytes16)(v < 0x90)) |
           ((ft_bytes16)(p1 == 0xF4) & (ft_bytes16)(v > 0x8F));
    /* NEL, no-break space; U+2000..U+200A, U+2028, U+2029, U+202F;
     * U+205F; U+3000 */
    bad |= (ft_bytes16)(p1 == 0xC2) &
           ((ft_bytes16)(v == 0x85) | (ft_bytes16)(v == 0xA0));
    ft_bytes16 e2 = (ft_bytes16)(p2 == 0xE2);
    bad |= e2 & (ft_bytes16)(p1 == 0x80) &
           ((ft_bytes16)(v <= 0x8A) | (ft_bytes16)((v & 0xFE) == 0xA8) |
            (ft_bytes16)(v == 0xAF));
    bad |= e2 & (ft_bytes16)(p1 == 0x81) & (ft_bytes16)(v == 0x9F);
    bad |= (ft_bytes16)(p2 == 0xE3) & (ft_bytes16)(p1 == 0x80) &
           (ft_bytes16)(v == 0x80);
    return bad;
}

bool ft_text_fold_simple(const char *s, size_t n, bool *spaces)
{
    const unsigned char *u = (const unsigned char *)s;
    *spaces = false;
    if (n == 0)
        return true;
    if (ft_ascii_whitespace(u[0]) || ft_ascii_whitespace(u[n - 1]))
        return false;
    ft_bytes16 bad = {0}, controls = {0};
    bool rare_before = false;
    /* Sixteen lanes at i, with the three bytes before them and the one
     * after: read in place inside the text; at its ends from a copy
     * padded with 'A', which asks for no continuation byte and is none
     * (so a sequence cut off at the end is bad).  The steps go on past
     * the end while a lead byte there may want a byte after it.  A step
     * after a rare lead byte (in it or in the two bytes before it, which
     * end the step before) looks at it closer. */
    for (size_t i = 0; i < n + 3; i += 16) {
        const unsigned char *p;
        unsigned char pad[3 + 16 + 1];
        if (i >= 3 && i + 17 <= n) {
            p = u + i - 3;
        } else {
            memset(pad, 'A', sizeof pad);
            size_t from = i >= 3 ? i - 3 : 0, to = i + 17 < n ? i + 17 : n;
            if (from < to)
                memcpy(pad + (from + 3 - i), u + from, to - from);
            p = pad;
        }
        ft_bytes16 p3 = ft_load16(p), v = ft_load16(p + 3),
                   nx = ft_load16(p + 4);
        if (!ft_bits16((ft_bytes16)((ft_sbytes16)(p3 | v) < 0))) { /* ASCII */
            bad |= unfolded_ascii16(v, nx, &controls);
            rare_before = false;
            continue;
        }
        ft_bytes16 p2 = ft_load16(p + 1), p1 = ft_load16(p + 2);
        bad |= unfolded16(p3, p2, p1, v, nx, &controls);
        bool rare = ft_bits16(rare16(v)) != 0;
        if (rare || rare_before)
            bad |= unfolded_rare16(p2, p1, v);
        rare_before = rare;
    }
    if (ft_any16(bad))
        return false;
    *spaces = ft_any16(controls);
    return !*spaces || controls_are_spaces(u, n);
}

ft_status ft_text_scrub(ft_buf *b, const char *s, size_t n)
{
    if (ft_buf_reserve(b, n) != FT_OK) /* also makes data a C string */
        return FT_ENOMEM;
    size_t i = 0;
    while (i < n) {
        /* Copy the longest valid stretch in one append. */
        size_t bad = n - i;
        bool ok = ft_text_utf8_valid(s + i, n - i, &bad);
        if (ft_buf_append(b, s + i, ok ? n - i : bad) != FT_OK)
            return FT_ENOMEM;
        if (ok)
            return FT_OK;
        if (ft_buf_append(b, replacement, 3) != FT_OK)
            return FT_ENOMEM;
        i += bad + 1;
    }
    return FT_OK;
}

size_t ft_text_bom_len(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* ---- other encodings ------------------------------------------------ */

struct ft_text_decoder {
    iconv_t cd;
};

ft_status ft_text_decoder_new(const char *encoding, ft_text_decoder **out,
                              ft_error *err)
{
    static const struct {
        const char *name, *iconv_name; /* iconv_name NULL: no decoding */
    } known[] = {
        {"utf-8", NULL},    {"utf8", NULL},   {"cp949", "CP949"},
        {"ms949", "CP949"}, {"uhc", "CP949"}, {"euc-kr", "CP949"},
        {"euckr", "CP949"},
    };
    *out = NULL;
    const char *from = NULL;
    bool found = false;
    for (size_t i = 0; i < sizeof known / sizeof known[0] && !found; i++)
        if (strcasecmp(encoding, known[i].name) == 0) {
            from = known[i].iconv_name;
            found = true;
        }
    if (!found)
        return ft_error_set(err, FT_EUSAGE,
                            "encoding '%s': use utf-8, cp949 or euc-kr",
                            encoding);
    if (!from)
        return FT_OK;
    ft_text_decoder *d = malloc(sizeof *d);
    if (!d)
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    d->cd = iconv_open("UTF-8", from);
    if (d->cd == (iconv_t)-1) {
        int e = errno;
        free(d);
        /* Minimal systems may ship iconv without its conversion modules. */
        return ft_error_set(err, FT_ECONFIG,
                            "this system's iconv cannot convert from %s: %s",
                            from, strerror(e));
    }
    *out = d;
    return FT_OK;
}

void ft_text_decoder_free(ft_text_decoder *d)
{
    if (!d)
        return;
    iconv_close(d->cd);
    free(d);
}

void ft_text_decoder_reset(ft_text_decoder *d)
{
    iconv(d->cd, NULL, NULL, NULL, NULL);
}

size_t ft_text_decode(ft_text_decoder *d, const char **in, size_t *in_left,
                      char **out, size_t *out_left, bool final)
{
    size_t replaced = 0;
    while (*in_left > 0) {
        /* iconv's prototype predates const; it does not write the input. */
        char *ip = (char *)*in;
        size_t rc = iconv(d->cd, &ip, in_left, out, out_left);
        *in = ip;
        if (rc != (size_t)-1)
            break; /* all of it converted */
        if (errno == E2BIG)
            break; /* the output is full */
        if (errno == EINVAL && !final)
            break; /* a sequence cut off: wait for the rest of it */
        /* EILSEQ, or a cut-off sequence at the very end: one byte becomes
         * U+FFFD and decoding goes on after it, so a valid byte that
         * follows a bad lead byte (often plain ASCII) is kept. */
        if (*out_left < 3)
            break;
        memcpy(*out, replacement, 3);
        *out += 3;
        *out_left -= 3;
        (*in)++;
        (*in_left)--;
        replaced++;
    }
    return replaced;
}

ft_status ft_text_decode_all(ft_text_decoder *d, const char *s, size_t n,
                             ft_buf *b, size_t *replaced)
{
    size_t count = 0;
    if (replaced)
        *replaced = 0;
    /* Room for the common case of Hangul (2 bytes in, 3 out); more is
     * added when it runs out. */
    if (ft_buf_reserve(b, n + n / 2 + 4) != FT_OK)
        return FT_ENOMEM;
    const char *in = s;
    size_t in_left = n;
    for (;;) {
        char *out = b->data + b->len;
        size_t room = b->cap - b->len - 1, before = room;
        count += ft_text_decode(d, &in, &in_left, &out, &room, true);
        b->len += before - room;
        b->data[b->len] = '\0';
        if (in_left == 0)
            break;
        if (ft_buf_reserve(b, in_left * 3 + 4) != FT_OK)
            return FT_ENOMEM;
    }
    if (replaced)
        *replaced = count;
    return FT_OK;
}

size_t ft_text_count_replacements(const char *s, size_t n)
{
    size_t count = 0;
    if (n == 0) /* s may then be NULL, which memchr must not see */
        return 0;
    const char *p = s, *end = s + n;
    while ((p = memchr(p, '\xEF', (size_t)(end - p))) != NULL) {
        if (end - p >= 3 && memcmp(p, replacement, 3) == 0) {
            count++;
            p += 3;
        } else
            p++;
    }
    return count;
}

bool ft_text_looks_cp949(const char *s, size_t n, bool final)
{
    ft_text_decoder *d;
    if (ft_text_decoder_new("cp949", &d, NULL) != FT_OK || !d)
        return false;
    size_t replaced = 0, beyond = 0, hangul = 0;
    const char *in = s;
    size_t left = n;
    while (left > 0 && replaced == 0) {
        char piece[4096], *out = piece;
        size_t room = sizeof piece, before = left;
        replaced += ft_text_decode(d, &in, &left, &out, &room, final);
        /* The decoder writes whole characters: walk them. */
        for (const unsigned char *p = (const unsigned char *)piece;
             p < (const unsigned char *)out;) {
            if (*p < 0x80) {
                p++;
                continue;
            }
            beyond++;
            if ((*p & 0xF0) == 0xE0) {
                unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) |
                              (p[2] & 0x3Fu);
                hangul += cp >= 0xAC00 && cp <= 0xD7A3;
                p += 3;
            } else
                p += (*p & 0xE0) == 0xC0 ? 2 : 4;
        }
        if (left == before)
            break; /* only a cut-off sequence is left (not final) */
    }
    ft_text_decoder_free(d);
    return replaced == 0 && hangul > 0 && hangul * 2 >= beyond;
}

/* Whether one of the eight bytes of v is below 0x20 or is 0x7F (the
 * classic "has a byte less than" and "has a zero byte" tests). */
static bool word_has_control(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t below = (v - ones * 0x20) & ~v & highs;
    uint64_t del = v ^ (ones * 0x7F);
    return below | ((del - ones) & ~del & highs);
}

void ft_text_blank_controls(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        /* Text is mostly free of controls: eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (word_has_control(v))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != 0x7f)
            continue;
        if (c >= '\t' && c <= '\r')
            continue;
        if (c != 0x1b) {
            s[i] = ' ';
            continue;
        }
        /* ESC: the whole sequence goes. */
        size_t j = i + 1;
        if (j < n && s[j] == '[') { /* CSI: parameters, intermediates, final */
            j++;
            while (j < n && (unsigned char)s[j] >= 0x20 &&
                   (unsigned char)s[j] <= 0x3f)
                j++;
            if (j < n && (unsigned char)s[j] >= 0x40 &&
                (unsigned char)s[j] <= 0x7e)
                j++;
        } else if (j < n && s[j] == ']') { /* OSC: to BEL or ESC \ */
            j++;
            while (j < n && s[j] != '\a' && s[j] != 0x1b && s[j] != '\n')
                j++;
            if (j < n && s[j] == '\a')
                j++;
            else if (j + 1 < n && s[j] == 0x1b && s[j + 1] == '\\')
                j += 2;
        } else if (j < n && (unsigned char)s[j] >= 0x40 &&
                   (unsigned char)s[j] <= 0x5f)
            j++; /* a two-byte escape (ESC M, ESC 7 is not one: stays) */
        memset(s + i, ' ', j - i);
        i = j - 1;
    }
}
