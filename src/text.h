/* text.h — UTF-8 helpers, a growable byte buffer, and decoding of other
 * encodings into UTF-8.
 *
 * Ownership: an ft_buf owns its data (free with ft_buf_free); a decoder
 * belongs to its caller (ft_text_decoder_free); every other function
 * borrows its arguments and keeps nothing.
 */
#ifndef FT_TEXT_H
#define FT_TEXT_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "status.h"

#if defined(__SSE2__)
#include <emmintrin.h> /* ft_bits16 */
#endif

/* ---- eight bytes at a time (SWAR) ---------------------------------------
 * The eight bytes at s as one number, the first byte lowest whatever the
 * machine's byte order, and the constants of the per-byte tricks ("has a
 * zero byte", "has a byte below c"): for the scanners that step over
 * words, digits and ASCII runs. */
#define FT_ONES8 UINT64_C(0x0101010101010101)
#define FT_HIGHS8 UINT64_C(0x8080808080808080)

static inline uint64_t ft_load8(const void *s)
{
    uint64_t v;
    memcpy(&v, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

/* The four bytes at s, the first lowest, as ft_load8's. */
static inline uint32_t ft_load4(const void *s)
{
    uint32_t v;
    memcpy(&v, s, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

/* v's eight (four) bytes at s, the lowest first: ft_load8's inverse, for
 * writers that make several bytes in the lanes of one number. */
static inline void ft_store8(void *s, uint64_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    memcpy(s, &v, 8);
}

static inline void ft_store4(void *s, uint32_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    memcpy(s, &v, 4);
}

/* ---- sixteen bytes at a time ------------------------------------------
 * GCC and Clang vector extensions (SSE2 on x86-64, NEON on ARM): a
 * comparison such as (ft_bytes16)(v == '"') gives 0xFF in each lane where
 * it holds, 0 elsewhere.  For the scanners of long text (JSON strings,
 * output cells). */
typedef unsigned char ft_bytes16 __attribute__((vector_size(16)));
/* The same lanes as signed bytes: (ft_sbytes16)v < 0 are the bytes past
 * ASCII, and a signed range test leaves them out of every ASCII range. */
typedef signed char ft_sbytes16 __attribute__((vector_size(16)));

static inline ft_bytes16 ft_load16(const void *s)
{
    ft_bytes16 v;
    memcpy(&v, s, 16);
    return v;
}

/* Whether any lane of v is not zero. */
static inline bool ft_any16(ft_bytes16 v)
{
    uint64_t h[2];
    memcpy(h, &v, 16);
    return (h[0] | h[1]) != 0;
}

/* The first lane of v that is not zero, in memory order (16: none). */
static inline size_t ft_first16(ft_bytes16 v)
{
    uint64_t h[2];
    memcpy(h, &v, 16);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    if (h[0])
        return (size_t)__builtin_clzll(h[0]) / 8;
    return h[1] ? 8 + (size_t)__builtin_clzll(h[1]) / 8 : 16;
#else
    if (h[0])
        return (size_t)__builtin_ctzll(h[0]) / 8;
    return h[1] ? 8 + (size_t)__builtin_ctzll(h[1]) / 8 : 16;
#endif
}

/* The lanes before lane k (k <= 16) set, the rest clear: one load from
 * a row of sixteen 0xFF and sixteen 0, k bytes before its middle (a
 * compare with the lane numbers must first copy k to every lane). */
static inline ft_bytes16 ft_lanes_below16(size_t k)
{
    assert(k <= 16);
    static const unsigned char row[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                          0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                          0xFF, 0xFF, 0xFF, 0xFF};
    return ft_load16(row + 16 - k);
}

/* ---- AVX2, where the processor has it ---------------------------------
 * The extractor's fast paths for AVX2 (country, figures, money, subject)
 * each have an SSE2 or byte-wise twin that gives the same answer; they
 * ask ft_cpu_avx2() which to take, and nothing else decides.  It is what
 * libgcc found out about the processor at start-up, unless
 * ft_cpu_avoid_avx2() turned AVX2 off for the whole process: from then on
 * every module runs as on a processor without it (the command line does
 * so when FIGTREND_NO_AVX2 is set, and tests/simd.sh holds the two runs
 * to the same output).  The one process-wide switch of the library: call
 * ft_cpu_avoid_avx2 once, before any thread starts and before any writer
 * or extraction is made (the figures writer decides when it is made).
 * Always false where the build cannot ask (not x86-64, not gcc or
 * clang). */
extern bool ft_cpu_avx2_usable; /* read through ft_cpu_avx2 only */

/* May the fast paths use AVX2?  One load, as cheap as
 * __builtin_cpu_supports("avx2"), so that it may be asked each block. */
static inline bool ft_cpu_avx2(void)
{
    return ft_cpu_avx2_usable;
}

/* Run as a processor without AVX2 would, for the rest of the process. */
void ft_cpu_avoid_avx2(void);

/* A byte buffer that grows as needed.  data is NULL until the first
 * reserve or append, and from then on always NUL-terminated (so it can be
 * used as a C string). */
typedef struct {
    char *data;
    size_t len, cap;
} ft_buf;

void ft_buf_init(ft_buf *b);
void ft_buf_free(ft_buf *b);
/* Empty the buffer, keeping its storage. */
void ft_buf_clear(ft_buf *b);
/* ft_buf_reserve's way when the room is not there: grow the storage. */
ft_status ft_buf_grow(ft_buf *b, size_t extra);
/* Room for at least `extra` more bytes plus the NUL.  FT_ENOMEM on failure
 * (the buffer is unchanged).  Inline: nearly every call finds the room
 * there already (a row's buffers keep their storage), and the call cost
 * more than the test. */
static inline ft_status ft_buf_reserve(ft_buf *b, size_t extra)
{
    /* len + extra + 1 <= cap (len < cap once there is storage) */
    return extra < b->cap - b->len ? FT_OK : ft_buf_grow(b, extra);
}
ft_status ft_buf_append(ft_buf *b, const char *s, size_t n);
ft_status ft_buf_putc(ft_buf *b, char c);

/* Room for at least one more element in a growable array of elements of
 * `size` bytes (*items holding len of *cap): the capacity doubles from
 * `first`.  FT_ENOMEM leaves the array as it was. */
ft_status ft_grow(void **items, size_t *cap, size_t len, size_t size,
                  size_t first);

/* Are the n elements of `size` bytes at items already in cmp's order (no
 * element after one cmp puts after it)?  A table that lists its rows in
 * order then needs no qsort. */
bool ft_sorted(const void *items, size_t n, size_t size,
               int (*cmp)(const void *, const void *));

/* Length of the well-formed UTF-8 sequence at s[0..n) (1 to 4), or 0 when
 * the bytes there are not one (bad lead byte, truncated, overlong, a
 * surrogate or beyond U+10FFFF).  n must be > 0. */
size_t ft_text_utf8_len(const char *s, size_t n);

/* true when s[0..n) is well-formed UTF-8; otherwise false and, when bad is
 * non-NULL, *bad is the offset of the first byte that is not. */
bool ft_text_utf8_valid(const char *s, size_t n, size_t *bad);

/* Length of the whitespace character at s[0..n) (ASCII space, tab, LF, VT,
 * FF, CR, and the Unicode spaces news text carries: NEL, no-break space,
 * U+2000..U+200A, line and paragraph separators, U+202F, U+205F, U+3000),
 * or 0 when it is something else. */
size_t ft_text_space_len(const char *s, size_t n);

/* Append s[0..n) to b with every run of whitespace folded to one space,
 * leading and trailing whitespace dropped, and each byte that is not
 * well-formed UTF-8 replaced by U+FFFD (so the result is always valid
 * UTF-8).  This is how the `sentence` column is made. */
ft_status ft_text_fold(ft_buf *b, const char *s, size_t n);

/* Whether ft_text_fold leaves s[0..n) as it is but for each whitespace
 * byte other than ' ' (tab, LF, VT, FF, CR), which it makes ' ': true
 * for well-formed UTF-8 whose whitespace is single ASCII bytes between
 * other characters, with no other C0 control; *spaces then tells
 * whether any such byte is not ' '.  False tells only that it may not (a
 * control byte other than whitespace, which folding copies, answers
 * false).  Sixteen bytes a step, for the sentences of Korean text, which
 * are seldom ASCII alone. */
bool ft_text_fold_simple(const char *s, size_t n, bool *spaces);

/* Append s[0..n) to b with each byte that is not well-formed UTF-8
 * replaced by U+FFFD. */
ft_status ft_text_scrub(ft_buf *b, const char *s, size_t n);

/* Overwrite with spaces, in place, what a terminal reads as control and
 * a reader never sees: escape sequences (CSI "ESC [ ... m", an OSC window
 * title to BEL or "ESC \\", two-byte escapes), other C0 controls but
 * tab, line feed, vertical tab, form feed and carriage return, and DEL.
 * Articles scraped from terminals carry them; "ESC[0m" would otherwise
 * read as "0m".  The length stays, so byte offsets do too. */
void ft_text_blank_controls(char *s, size_t n);

/* Number of bytes of a UTF-8 byte order mark at the start of s[0..n): 3 or
 * 0. */
size_t ft_text_bom_len(const char *s, size_t n);

/* ---- other encodings -------------------------------------------------
 *
 * figtrend works in UTF-8.  Older Korean pages are in CP949 (Microsoft's
 * superset of EUC-KR); a decoder turns their bytes into UTF-8 through
 * iconv(3), a piece at a time, so that a reader converts a stream of any
 * length in bounded memory.  A byte that does not decode becomes U+FFFD,
 * which CP949 cannot encode, so every U+FFFD in decoded text marks one.
 */
typedef struct ft_text_decoder ft_text_decoder;

/* A decoder from `encoding`: "utf-8" (or "utf8"), "cp949" ("ms949",
 * "uhc") or "euc-kr" ("euckr"), in any case.  EUC-KR is read as CP949,
 * as browsers do, because pages labelled EUC-KR often hold CP949's extra
 * Hangul.  *out is NULL for UTF-8: those bytes need no decoding.
 * FT_EUSAGE for any other name, FT_ECONFIG when the system's iconv
 * cannot convert from it, FT_ENOMEM. */
ft_status ft_text_decoder_new(const char *encoding, ft_text_decoder **out,
                              ft_error *err);
void ft_text_decoder_free(ft_text_decoder *d);

/* Forget a sequence cut off by the last call: what comes next is a new
 * input. */
void ft_text_decoder_reset(ft_text_decoder *d);

/* Decode from *in (*in_left bytes) into *out (*out_left bytes of room),
 * advancing all four, until the input is used up or the output has no
 * room for the next character (give it at least 4 bytes to go on).  A
 * sequence cut off at the end of the input is left there for the next
 * call, unless `final`, when it becomes U+FFFD like any other byte that
 * does not decode.  Returns how many U+FFFD it wrote. */
size_t ft_text_decode(ft_text_decoder *d, const char **in, size_t *in_left,
                      char **out, size_t *out_left, bool final);

/* Decode all of s[0..n) onto the end of b; *replaced (when not NULL) is
 * set to the number of U+FFFD written.  FT_ENOMEM. */
ft_status ft_text_decode_all(ft_text_decoder *d, const char *s, size_t n,
                             ft_buf *b, size_t *replaced);

/* Whether s[0..n) reads as CP949 (for bytes that are not UTF-8): every
 * byte decodes (a sequence cut off at the end is allowed unless `final`)
 * and Hangul syllables are at least half of the characters beyond ASCII,
 * so that Latin-1 or random bytes that happen to decode do not pass.
 * False too when the system's iconv cannot convert from CP949.  Linear in
 * n, bounded memory. */
bool ft_text_looks_cp949(const char *s, size_t n, bool final);

/* Number of U+FFFD characters in s[0..n). */
size_t ft_text_count_replacements(const char *s, size_t n);

/* One bit a lane of v, the lane's high bit, the first lane lowest: the
 * hits of a comparison (lanes 0 or 0xFF) as a number, to walk with
 * __builtin_ctz, or which bytes of raw text are 0x80 or above. */
static inline uint32_t ft_bits16(ft_bytes16 v)
{
#if defined(__SSE2__)
    return (uint32_t)_mm_movemask_epi8((__m128i)v);
#else
    uint64_t h[2];
    memcpy(h, &v, 16);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    h[0] = __builtin_bswap64(h[0]);
    h[1] = __builtin_bswap64(h[1]);
#endif
    /* each lane's high bit to bit 56 + lane: no two terms of the product
     * meet, so nothing carries */
    const uint64_t gather = UINT64_C(0x0002040810204081);
    return (uint32_t)(((h[0] & FT_HIGHS8) * gather) >> 56) |
           (uint32_t)(((h[1] & FT_HIGHS8) * gather) >> 56) << 8;
#endif
}

/* The lanes of v that are ASCII letters. */
static inline ft_bytes16 ft_letters16(ft_bytes16 v)
{
    return (ft_bytes16)((v | 0x20) - 'a' < 26);
}

/* ASCII whitespace: space, tab, LF, VT, FF, CR (what ft_text_fold folds;
 * phrase.h's ft_ascii_space, what a phrase's space matches, leaves out VT
 * and FF). */
static inline bool ft_ascii_whitespace(unsigned char c)
{
    return c == ' ' || (unsigned char)(c - '\t') < 5;
}

/* The lanes of v that are ASCII whitespace (ft_ascii_whitespace). */
static inline ft_bytes16 ft_spaces16(ft_bytes16 v)
{
    return (ft_bytes16)(v == ' ') | (ft_bytes16)((ft_bytes16)(v - '\t') < 5);
}

/* A string with its length, so that lists of them need no strlen. */
typedef struct {
    const char *s;
    size_t n;
} ft_lit;
#define FT_LIT(s)                                                              \
    {                                                                          \
        (s), sizeof(s) - 1                                                     \
    }

#endif
