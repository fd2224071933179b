/* phrase.c — fixed phrases in text (see phrase.h). */
#include "phrase.h"

#include <stdbool.h>
#include <stdint.h>

/* What each byte is, one look-up instead of a chain of comparisons: the
 * matchers run about a million times per megabyte of news, and most calls
 * are settled by a byte or two.  The classes of phrase.h by the names the
 * matchers use, and one of their own (RUN): */
enum {
    WORD = FT_ASCII_ALPHA | FT_ASCII_DIGIT, /* phrases end at a boundary */
    SPACE = FT_ASCII_SPACE, /* what a space in a phrase matches */
    BREAK = FT_BREAK_START, /* a clause break's first byte (", ; : — but") */
    RUN = 16, /* the first byte of a run of spaces (0xC2: a no-break one) */
};
#define A FT_ASCII_ALPHA
#define D FT_ASCII_DIGIT
#define S SPACE
#define B BREAK
#define R RUN
#define W FT_BREAK_WORD  /* the first letters of conjunction_at's words */
#define V FT_BREAK_WORD2 /* ...and their second letters, either case */
/* One row of sixteen bytes a line: */
/* clang-format off */
const unsigned char ft_ascii_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S | R, S | R, 0, 0, S | R, 0, 0, /* \t\n\r */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,             /* 0x10 */
    S | R | B, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, B, 0, 0, 0,     /* ' ' , */
    D, D, D, D, D, D, D, D, D, D, B, B, 0, 0, 0, 0,             /* 0-9 : ; */
    0, A, A, A, A, A, A, A, A | V, A, A, A, A | V, A, A, A,     /* A-O */
    A, A, A, A, A, A | V, A, A, A, A, A, 0, 0, 0, 0, 0,         /* P-Z */
    0, A | W, A | W, A, A, A, A, A, A | V, A, A, A, A | V, A, A, A, /* a-o */
    A, A, A, A, A | W, A | V, A, A | W, A, A, A, 0, 0, 0, 0, 0, /* p-z */
    [0xC2] = R, /* the lead byte of a no-break space */
    [0xE2] = B, /* the lead byte of an em dash */
};
/* clang-format on */
#undef A
#undef D
#undef S
#undef B
#undef R
#undef W
#undef V

/* ASCII upper case folded to lower, every other byte as it is. */
const unsigned char ft_ascii_folded[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
    0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
    0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f, ' ',  '!',  '"',  '#',
    '$',  '%',  '&',  '\'', '(',  ')',  '*',  '+',  ',',  '-',  '.',  '/',
    '0',  '1',  '2',  '3',  '4',  '5',  '6',  '7',  '8',  '9',  ':',  ';',
    '<',  '=',  '>',  '?',  '@',  'a',  'b',  'c',  'd',  'e',  'f',  'g',
    'h',  'i',  'j',  'k',  'l',  'm',  'n',  'o',  'p',  'q',  'r',  's',
    't',  'u',  'v',  'w',  'x',  'y',  'z',  '[',  '\\', ']',  '^',  '_',
    '`',  'a',  'b',  'c',  'd',  'e',  'f',  'g',  'h',  'i',  'j',  'k',
    'l',  'm',  'n',  'o',  'p',  'q',  'r',  's',  't',  'u',  'v',  'w',
    'x',  'y',  'z',  '{',  '|',  '}',  '~',  0x7f, 0x80, 0x81, 0x82, 0x83,
    0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b,
    0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
    0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3,
    0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb,
    0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7,
    0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xe1, 0xe2, 0xe3,
    0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb,
    0xfc, 0xfd, 0xfe, 0xff,
};

/* The key of a break word's first four bytes (phrase.h); the words and
 * their slots are held to conjunction_at's list by test_break_word_keys
 * (test_phrase.c). */
#define BREAK_KEY(a, b, c, d)                                                  \
    ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 |                \
     (uint32_t)(d) << 24 | 0x20202000u)
#define BREAK_SLOT(a, b, c, d) FT_BREAK_KEY_SLOT(BREAK_KEY(a, b, c, d))
const uint32_t ft_break_word_keys[8] = {
    [BREAK_SLOT(' ', 'b', 'u', 't')] = BREAK_KEY(' ', 'b', 'u', 't'),
    [BREAK_SLOT(' ', 'w', 'h', 'i')] = BREAK_KEY(' ', 'w', 'h', 'i'),
    [BREAK_SLOT(' ', 'w', 'h', 'e')] = BREAK_KEY(' ', 'w', 'h', 'e'),
    [BREAK_SLOT(' ', 'a', 'l', 't')] = BREAK_KEY(' ', 'a', 'l', 't'),
    [BREAK_SLOT(' ', 't', 'h', 'o')] = BREAK_KEY(' ', 't', 'h', 'o'),
};
#undef BREAK_SLOT
#undef BREAK_KEY

static unsigned char at(const char *t, size_t len, size_t i)
{
    return i < len ? (unsigned char)t[i] : 0;
}

static bool is_word(unsigned char c)
{
    return ft_ascii_class[c] & WORD;
}

static bool is_space(unsigned char c)
{
    return ft_ascii_class[c] & SPACE;
}

/* Spaces and no-break spaces from i. */
static size_t skip_space(const unsigned char *u, size_t len, size_t i)
{
    while (i < len) {
        if (is_space(u[i]))
            i++;
        else if (u[i] == 0xC2 && i + 1 < len && u[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    return i;
}

/* The rest q of a phrase from j, where what came before it matched: the
 * phrase's end, or 0.  q is not empty, or a byte of the phrase comes
 * before it. */
static size_t match_rest(const unsigned char *u, size_t len, size_t j,
                         const unsigned char *q)
{
    for (; *q; q++) {
        if (*q != ' ') {
            if (j >= len || ft_ascii_folded[u[j]] != *q)
                return 0;
            j++;
        } else {
            size_t k = skip_space(u, len, j);
            if (k == j)
                return 0;
            j = k;
        }
    }
    if (is_word(q[-1]) && j < len && is_word(u[j]))
        return 0;
    return j;
}

/* The phrase p at i < len: its end, or 0.  Callers have mostly tried the
 * first byte already: the second one settles most calls, before the word
 * boundary and the loop. */
static inline size_t match_at(const unsigned char *u, size_t len, size_t i,
                              const unsigned char *p)
{
    if (p[0] == ' ') {
        if (!(ft_ascii_class[u[i]] & RUN))
            return 0;
        /* one ASCII space: the byte after it is the phrase's next one */
        unsigned char n = i + 1 < len ? u[i + 1] : 0;
        if (p[1] > ' ' && u[i] != 0xC2 && !(ft_ascii_class[n] & RUN))
            return ft_ascii_folded[n] == p[1] ? match_rest(u, len, i + 2, p + 2)
                                              : 0;
        return match_rest(u, len, i, p);
    }
    if (ft_ascii_folded[u[i]] != p[0])
        return 0;
    if (!p[0])
        return 0; /* "" (at a NUL byte) is never found */
    size_t j = i + 1;
    const unsigned char *q = p + 1;
    if (*q > ' ') {
        if (j >= len || ft_ascii_folded[u[j]] != *q)
            return 0;
        j++;
        q++;
    }
    if (is_word(p[0]) && i > 0 && is_word(u[i - 1]))
        return 0;
    return match_rest(u, len, j, q);
}

size_t ft_phrase_at(const char *t, size_t len, size_t i, const char *p)
{
    /* past the end nothing matches, not even a space */
    if (i >= len)
        return 0;
    return match_at((const unsigned char *)t, len, i, (const unsigned char *)p);
}

/* Whether the phrase p may start at a byte that folds to c. */
static inline bool may_start(const char *p, unsigned char c)
{
    return (unsigned char)p[0] == c || p[0] == ' ';
}

/* The first phrase of [l, end) that may start at a byte that folds to c,
 * else end.  Four at a time: this scan is most of what
 * ft_phrase_at_any costs. */
static const char *const *first_starting_with(const char *const *l,
                                              const char *const *end,
                                              unsigned char c)
{
    for (size_t fours = (size_t)(end - l) / 4; fours > 0; fours--, l += 4) {
        if (may_start(l[0], c))
            return l;
        if (may_start(l[1], c))
            return l + 1;
        if (may_start(l[2], c))
            return l + 2;
        if (may_start(l[3], c))
            return l + 3;
    }
    for (; l < end; l++)
        if (may_start(*l, c))
            return l;
    return end;
}

size_t ft_phrase_at_any(const char *t, size_t len, size_t i,
                        const char *const *list, size_t n)
{
    if (i >= len)
        return 0;
    const unsigned char *u = (const unsigned char *)t;
    const char *const *stop = list + n;
    size_t best = 0;
    for (const char *const *l = list;
         (l = first_starting_with(l, stop, ft_ascii_folded[u[i]])) < stop;
         l++) {
        size_t e = match_at(u, len, i, (const unsigned char *)*l);
        if (e > best)
            best = e;
    }
    return best;
}

/* The phrase p[0,n) (n > 0) ending at j, where 0 < j <= len: where it
 * starts, or SIZE_MAX.  Out of line: callers try the last byte first. */
static size_t match_back(const unsigned char *u, size_t len, size_t j,
                         const unsigned char *p, size_t n)
{
    size_t i = j, k = n;
    /* the last four bytes at once, where both have four (the loads stay
     * in p[0,n) and u[0,j)) and the phrase's hold no space (which
     * matches a run: no byte of tail ^ 0x20202020 is zero, the usual
     * zero-byte test): they are then the text's, folded, or no match */
    if (n >= 4 && j >= 4) {
        uint32_t tail = ft_load4(p + n - 4), sp = tail ^ 0x20202020u;
        if (!((sp - 0x01010101u) & ~sp & 0x80808080u)) {
            if (ft_ascii_fold4(ft_load4(u + j - 4)) != tail)
                return SIZE_MAX;
            i = j - 4;
            k = n - 4;
        }
    }
    while (k-- > 0) {
        if (p[k] == ' ') {
            if (i == 0 || !is_space(u[i - 1]))
                return SIZE_MAX;
            while (i > 0 && is_space(u[i - 1]))
                i--;
        } else {
            if (i == 0 || ft_ascii_folded[u[i - 1]] != p[k])
                return SIZE_MAX;
            i--;
        }
    }
    if (is_word(p[0]) && i > 0 && is_word(u[i - 1]))
        return SIZE_MAX;
    if (is_word(p[n - 1]) && j < len && is_word(u[j]))
        return SIZE_MAX;
    return i;
}

size_t ft_phrase_ending_at_rest(const char *t, size_t len, size_t j, ft_lit p)
{
    /* 0 < j <= len and the last byte matched (phrase.h) */
    return match_back((const unsigned char *)t, len, j,
                      (const unsigned char *)p.s, p.n);
}

/* The first phrase of [l, end) whose last byte is c, else end.  Four at a
 * time: this scan is most of what ft_phrase_before_any costs. */
static const ft_lit *first_ending_with(const ft_lit *l, const ft_lit *end,
                                       unsigned char c)
{
    for (size_t fours = (size_t)(end - l) / 4; fours > 0; fours--, l += 4) {
        if ((unsigned char)l[0].s[l[0].n - 1] == c)
            return l;
        if ((unsigned char)l[1].s[l[1].n - 1] == c)
            return l + 1;
        if ((unsigned char)l[2].s[l[2].n - 1] == c)
            return l + 2;
        if ((unsigned char)l[3].s[l[3].n - 1] == c)
            return l + 3;
    }
    for (; l < end; l++)
        if ((unsigned char)l->s[l->n - 1] == c)
            return l;
    return end;
}

size_t ft_phrase_before_any(const char *t, size_t len, size_t end,
                            const ft_lit *list, size_t n, size_t *which)
{
    size_t j = ft_phrase_trim_back(t, end);
    if (j == 0 || j > len)
        return SIZE_MAX;
    const unsigned char *u = (const unsigned char *)t;
    unsigned char last = ft_ascii_folded[u[j - 1]];
    const ft_lit *stop = list + n;
    /* the last byte rules out most phrases (none is empty) */
    for (const ft_lit *l = list; (l = first_ending_with(l, stop, last)) < stop;
         l++) {
        size_t s = match_back(u, len, j, (const unsigned char *)l->s, l->n);
        if (s != SIZE_MAX) {
            if (which)
                *which = (size_t)(l - list);
            return s;
        }
    }
    return SIZE_MAX;
}

bool ft_phrase_glued_stop_rest(const char *t, size_t len, size_t i)
{
    /* 0 < i < len and t[i] is a full stop (phrase.h) */
    unsigned char p = at(t, len, i - 1), n = at(t, len, i + 1);
    if (((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) && n >= 'A' &&
        n <= 'Z' && at(t, len, i + 2) >= 'a' && at(t, len, i + 2) <= 'z')
        return !(i >= 2 && at(t, len, i - 2) == '.'); /* "e.g.The" */
    /* Hangul syllables start with 0xEA..0xED */
    return i >= 3 && at(t, len, i - 3) >= 0xEA && at(t, len, i - 3) <= 0xED &&
           n >= 0xEA && n <= 0xED;
}

/* " but ", " while ", " whereas ", " although ", " though " at i, where
 * a space is followed by b, w, a or t. */
__attribute__((noinline)) static bool conjunction_at(const unsigned char *u,
                                                     size_t len, size_t i)
{
    /* their first letters are FT_BREAK_WORD in ft_ascii_class, their
     * second ones (either case) FT_BREAK_WORD2 */
    static const char words[][11] = {" but ", " while ", " whereas ",
                                     " although ", " though "};
    /* u[i] is an ASCII space and u[i + 1] a letter; that letter (as
     * written) and the next two (folded; 0 past the end) are one key,
     * compared with each word's at once, so that most spaces ("the",
     * "a trade") cost no call and no branch but the last; a word's rest
     * is read only when its key matches (every word has three letters) */
    uint32_t key =
        u[i + 1] |
        (uint32_t)(i + 2 < len ? ft_ascii_folded[u[i + 2]] : 0) << 8 |
        (uint32_t)(i + 3 < len ? ft_ascii_folded[u[i + 3]] : 0) << 16;
    /* unrolled, each word's key is a constant */
#pragma GCC unroll 8
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        const unsigned char *w = (const unsigned char *)words[k];
        if (key == (w[1] | (uint32_t)w[2] << 8 | (uint32_t)w[3] << 16) &&
            match_rest(u, len, i + 4, w + 4))
            return true;
    }
    return false;
}

/* ft_clause_break for a byte i < len that may start one (BREAK). */
static int break_at(const unsigned char *u, size_t len, size_t i)
{
    unsigned char c = u[i];
    if (c == ' ') {
        unsigned char n = i + 1 < len ? u[i + 1] : 0;
        unsigned char n2 = i + 2 < len ? u[i + 2] : 0;
        return (ft_ascii_class[n] & FT_BREAK_WORD) &&
                       (ft_ascii_class[n2] & FT_BREAK_WORD2) &&
                       conjunction_at(u, len, i)
                   ? 2
                   : 0;
    }
    if (c == ',')
        return i > 0 && (unsigned char)(u[i - 1] - '0') < 10 && i + 1 < len &&
                       (unsigned char)(u[i + 1] - '0') < 10
                   ? 0
                   : 1;
    if (c == ';' || c == ':')
        return 2;
    /* 0xE2: an em dash? */
    return i + 2 < len && u[i + 1] == 0x80 && u[i + 2] == 0x94 ? 2 : 0;
}

int ft_clause_break_rest(const char *t, size_t len, size_t i)
{
    /* i < len and t[i] may start a break (phrase.h) */
    return break_at((const unsigned char *)t, len, i);
}

/* Bit j: byte j of the sixteen at p may start a clause break: the bytes
 * that are BREAK in ft_ascii_class (a space, a comma, a colon, a
 * semicolon, 0xE2 the lead byte of an em dash), compared sixteen at once
 * (test_breaks_between_every_byte, test_phrase.c, holds this list to
 * the table's). */
static inline unsigned may_break16(const unsigned char *p)
{
    ft_bytes16 v = ft_load16(p);
    return ft_bits16((ft_bytes16)(v == ' ') | (ft_bytes16)(v == ',') |
                     (ft_bytes16)(v == ':') | (ft_bytes16)(v == ';') |
                     (ft_bytes16)(v == 0xE2));
}

int ft_clause_breaks_between(const char *t, size_t len, size_t a, size_t b,
                             size_t skip_from, size_t skip_to)
{
    const unsigned char *u = (const unsigned char *)t;
    int most = 0;
    if (b > len)
        b = len; /* past the end there is no break */
    size_t i = a;
    /* sixteen at a time while all of them are in [a, b), inside the
     * text (b <= len): no load reads past it */
    for (; b >= 16 && i <= b - 16 && most < 2; i += 16)
        for (unsigned m = may_break16(u + i); m; m &= m - 1) {
            size_t k = i + (size_t)__builtin_ctz(m);
            if (k >= skip_from && k < skip_to)
                continue;
            int br = break_at(u, len, k);
            if (br > most)
                most = br;
        }
    for (; i < b && most < 2; i++) {
        if (!(ft_ascii_class[u[i]] & BREAK) || (i >= skip_from && i < skip_to))
            continue;
        int k = break_at(u, len, i);
        if (k > most)
            most = k;
    }
    return most;
}
