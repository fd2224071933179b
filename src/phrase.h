/* phrase.h — matching short fixed phrases ("more than", "fiscal year",
 * "the fund") in text: the one way extract, years and subject read the
 * words around a figure.
 *
 * Phrases are lower-case ASCII; text letters match either case; a space
 * in a phrase matches a run of spaces (and no-break spaces); a phrase
 * that starts or ends with a letter or digit must start or end at a word
 * boundary.  Nothing here allocates; text is borrowed.
 */
#ifndef FT_PHRASE_H
#define FT_PHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* A borrowed stretch of text, and its byte at i (0 past the end): how the
 * readers of the words around a figure look at an article. */
typedef struct {
    const char *t;
    size_t len;
} ft_view;

static inline unsigned char ft_view_at(ft_view x, size_t i)
{
    return i < x.len ? (unsigned char)x.t[i] : 0;
}

/* ASCII classes: news bytes outside ASCII are never letters here.
 * Callers ask them of nearly every byte, so the letters, the spaces and
 * the folding are one load each from a table of phrase.c: the class of
 * every byte (the bits below; phrase.c keeps others of its own there),
 * and every byte folded to lower case. */
enum {
    FT_ASCII_ALPHA = 1,  /* A-Z, a-z */
    FT_ASCII_DIGIT = 2,  /* 0-9 */
    FT_ASCII_SPACE = 4,  /* space, tab, CR, LF */
    FT_BREAK_START = 8,  /* a byte ft_clause_break may find a break at */
    FT_BREAK_WORD = 32,  /* a byte a break word (" but ") may start with */
    FT_BREAK_WORD2 = 64, /* ...and its second letter, either case */
};
extern const unsigned char ft_ascii_class[256];
extern const unsigned char ft_ascii_folded[256];

/* The first four bytes of each break word (" but", " whi", " whe",
 * " alt", " tho"), as ft_load4 reads them with 0x20 set in the letters'
 * bytes, each in the slot FT_BREAK_KEY_SLOT gives it, zero in the others:
 * for ft_clause_break, one look instead of a test a letter. */
extern const uint32_t ft_break_word_keys[8];
#define FT_BREAK_KEY_SLOT(key) ((uint32_t)((key)*83u) >> 29)

static inline bool ft_ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}
static inline bool ft_ascii_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}
static inline bool ft_ascii_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}
static inline bool ft_ascii_alpha(unsigned char c)
{
    return ft_ascii_class[c] & FT_ASCII_ALPHA;
}
static inline unsigned char ft_ascii_fold(unsigned char c)
{
    return ft_ascii_folded[c];
}
static inline bool ft_ascii_space(unsigned char c)
{
    return ft_ascii_class[c] & FT_ASCII_SPACE;
}

/* Four bytes (one a byte of t) each folded as ft_ascii_fold folds them,
 * at once: a byte's low seven bits plus 0x3F reach 0x80 from 'A' on, plus
 * 0x25 from past 'Z' on (no carry leaves a byte: seven bits plus either
 * stay below 0x100), and a byte past ASCII is no letter. */
static inline uint32_t ft_ascii_fold4(uint32_t t)
{
    uint32_t low = t & 0x7F7F7F7Fu;
    uint32_t upper =
        (low + 0x3F3F3F3Fu) & ~(low + 0x25252525u) & ~t & 0x80808080u;
    return t | upper >> 2;
}

/* A phrase is an ft_lit (text.h): with its length, no strlen. */

/* The phrase at i: its end, or 0. */
size_t ft_phrase_at(const char *t, size_t len, size_t i, const char *p);

/* The longest phrase of list at i: its end, or 0. */
size_t ft_phrase_at_any(const char *t, size_t len, size_t i,
                        const char *const *list, size_t n);
#define FT_PHRASE_AT_ANY(t, len, i, list)                                      \
    ft_phrase_at_any((t), (len), (i), (list), sizeof(list) / sizeof *(list))

/* `end` moved back over spaces (inline: the readers of the words before
 * a position ask it first, a hundred thousand times a megabyte). */
static inline size_t ft_phrase_trim_back(const char *t, size_t end)
{
    while (end > 0 && ft_ascii_space((unsigned char)t[end - 1]))
        end--;
    return end;
}

/* The phrase ending exactly at j: where it starts, or SIZE_MAX. */
static inline size_t ft_phrase_ending_at(const char *t, size_t len, size_t j,
                                         ft_lit p);

/* The phrase ending just before `end`, spaces skipped: where it starts,
 * or SIZE_MAX.  Inline: its last byte, tried inline, rules out most. */
static inline size_t ft_phrase_before(const char *t, size_t len, size_t end,
                                      ft_lit p)
{
    return ft_phrase_ending_at(t, len, ft_phrase_trim_back(t, end), p);
}

/* The first phrase of list ending just before `end`: where it starts, or
 * SIZE_MAX; *which (when not NULL) gets its index. */
size_t ft_phrase_before_any(const char *t, size_t len, size_t end,
                            const ft_lit *list, size_t n, size_t *which);
#define FT_PHRASE_BEFORE_ANY(t, len, end, list, which)                         \
    ft_phrase_before_any((t), (len), (end), (list),                            \
                         sizeof(list) / sizeof *(list), (which))

/* Is the full stop at i one whose space a scraped page lost ("for
 * corporals.Starting", "in 2022.The", "했다.이어"): a lower-case letter
 * or digit, the stop, then a capitalised word (or Hangul on both sides)?
 * Abbreviations ("U.S.Army", "e.g.The") and decimals are not. */
static inline bool ft_phrase_glued_stop(const char *t, size_t len, size_t i);

/* How strongly the byte at i ends a clause: 2 for a semicolon, a colon,
 * an em dash or " but "/" while "/" whereas "/" although "/" though ", 1
 * for a comma that is no thousands separator, else 0. */
static inline int ft_clause_break(const char *t, size_t len, size_t i);

/* The strongest clause break in t[a,b), the bytes [skip_from,skip_to)
 * left out (a figure's own conversion may hold commas). */
int ft_clause_breaks_between(const char *t, size_t len, size_t a, size_t b,
                             size_t skip_from, size_t skip_to);

/* ---- the first tests, inlined ----------------------------------------
 *
 * Callers ask these three about nearly every byte, and nearly every byte
 * fails their first test: that test is made where they are called, and
 * only what passes it costs a call.  The _rest functions are the rest of
 * each test, for these wrappers only. */

size_t ft_phrase_ending_at_rest(const char *t, size_t len, size_t j, ft_lit p);
bool ft_phrase_glued_stop_rest(const char *t, size_t len, size_t i);
int ft_clause_break_rest(const char *t, size_t len, size_t i);

static inline size_t ft_phrase_ending_at(const char *t, size_t len, size_t j,
                                         ft_lit p)
{
    /* the last byte (j - 1 >= len: j == 0 too) */
    if (j - 1 >= len || p.n == 0 ||
        ft_ascii_fold((unsigned char)t[j - 1]) != (unsigned char)p.s[p.n - 1])
        return SIZE_MAX;
    return ft_phrase_ending_at_rest(t, len, j, p);
}

static inline bool ft_phrase_glued_stop(const char *t, size_t len, size_t i)
{
    if (i == 0 || i >= len || t[i] != '.')
        return false;
    return ft_phrase_glued_stop_rest(t, len, i);
}

static inline int ft_clause_break(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    unsigned char c = (unsigned char)t[i];
    if (!(ft_ascii_class[c] & FT_BREAK_START))
        return 0;
    if (c == ' ') {
        /* a break word and the space after it take five bytes (so the
         * load of four stays inside the text) */
        if (i + 4 >= len)
            return 0;
        /* most spaces start no break word: its first three letters tell,
         * folded by 0x20 (which sets it in other bytes too: a few more
         * pass, never fewer), the slot's key asked, one branch for all */
        uint32_t key = ft_load4(t + i) | 0x20202000u;
        if (ft_break_word_keys[FT_BREAK_KEY_SLOT(key)] != key)
            return 0;
    }
    return ft_clause_break_rest(t, len, i);
}

#endif
