/* money.c — the lexicon of currencies, scales and numerals, and the reader
 * of one amount at a position (see money.h).
 *
 * The lexicon's tables are in money_words.h; the index of words that the
 * quick reject reads (`run_index`) and the entries each byte allows
 * (`prefix_bytes` and the like, read before match()) are derived from them
 * at build time by scripts/gen_money_index.c into money_index.h.
 *
 * Everything here looks at a bounded stretch of bytes after the position
 * and allocates nothing, so the article-level pass in extract.c stays a
 * single pass over the text.
 */
#include "money.h"

#include "money_words.h"
#include "phrase.h"
#include "text.h"
#include "money_index.h" /* generated: see the Makefile */

#include <stdint.h>
#include <string.h>

/* AVX2 where gcc or clang can ask the processor for it (block_at) */
#if defined(__x86_64__) && defined(__GNUC__)
#define MONEY_AVX2 1
#include <immintrin.h>
#else
#define MONEY_AVX2 0
#endif

/* ---------------------------------------------------------------- bytes */

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static unsigned char at(const char *t, size_t len, size_t i)
{
    return i < len ? (unsigned char)t[i] : 0;
}

/* Horizontal space, a single line break, and the no-break spaces that
 * news sites put between a number and its unit.  Returns the length of
 * the space at i, 0 when none. */
static inline size_t space_len(const char *t, size_t len, size_t i)
{
    unsigned char c = at(t, len, i);
    if (c == ' ')
        return 1;
    if (c > ' ' && c < 0xC2) /* most bytes, at one test */
        return 0;
    if (c == '\t' || c == '\n' || c == '\r')
        return 1;
    if (c == 0xC2 && at(t, len, i + 1) == 0xA0)
        return 2;
    if (c == 0xE2 && at(t, len, i + 1) == 0x80 &&
        (at(t, len, i + 2) == 0xAF || at(t, len, i + 2) == 0x89 ||
         at(t, len, i + 2) == 0x8A))
        return 3;
    return 0;
}

/* Skip a short run of spaces (no blank line: a paragraph break ends an
 * amount). */
static size_t skip_ws_run(const char *t, size_t len, size_t i);

static inline size_t skip_ws(const char *t, size_t len, size_t i)
{
    /* one space before a word, or no space: most calls, without a call */
    if (i + 1 < len && t[i] == ' ' && (unsigned char)t[i + 1] > ' ' &&
        (unsigned char)t[i + 1] < 0xC2)
        return i + 1;
    if (space_len(t, len, i) == 0)
        return i;
    return skip_ws_run(t, len, i);
}

static size_t skip_ws_run(const char *t, size_t len, size_t i)
{
    int newlines = 0;
    for (int steps = 0; steps < 8; steps++) {
        size_t n = space_len(t, len, i);
        if (n == 0)
            break;
        if (t[i] == '\n' && ++newlines > 1)
            break;
        i += n;
    }
    return i;
}

/* ------------------------------------------------------------- patterns */

/* Match a lexicon pattern at i.  In a pattern, ' ' is optional space, '.'
 * an optional full stop, letters match either case unless `exact`; any
 * other byte (symbols, Hangul) must be there as written.  A pattern that
 * ends in a letter must end at a word boundary.  Always inlined: each
 * caller keeps its own path (an entry's head, or a pattern's letters a
 * step), at a cost of 0.9 M instructions on 2 MB when called. */
__attribute__((always_inline)) static inline bool
match_bytes(const char *t, size_t len, size_t i, const char *pat,
            const letters_head *head, bool exact, size_t *end,
            unsigned char *last);

/* match() of a table's entry pat, whose first letters are head (its
 * entry of prefix_heads and the like, see money_words.h).  Always inlined,
 * as match_bytes: match_scale asks it of most scale words. */
__attribute__((always_inline)) static inline bool
match_entry(const char *t, size_t len, size_t i, const char *pat,
            const letters_head *head, bool exact, size_t *end)
{
    size_t j;
    unsigned char last;
    if (!match_bytes(t, len, i, pat, head, exact, &j, &last) ||
        (is_alpha(last) && ft_money_is_word_byte(at(t, len, j))))
        return false;
    *end = j;
    return true;
}

static bool match(const char *t, size_t len, size_t i, const char *pat,
                  bool exact, size_t *end)
{
    return match_entry(t, len, i, pat, NULL, exact, end);
}

/* match() but for the word boundary after the pattern: *end where its
 * bytes end, *last its last byte (0 when empty).  head: the pattern's
 * first letters when it is a table's entry, else NULL. */
static inline bool match_bytes(const char *t, size_t len, size_t i,
                               const char *pat, const letters_head *head,
                               bool exact, size_t *end, unsigned char *last)
{
    size_t j = i;
    const unsigned char *p = (const unsigned char *)pat;
    if (head && i <= len && len - i >= 8) {
        /* an entry's first lower-case letters at one compare, not a
         * branch a letter whose count the entry decides (the eight bytes
         * from i are inside the text) */
        if (((ft_load8(t + i) | FT_ONES8 * 0x20) & head->mask) != head->image)
            return false;
        j += head->n;
        p += head->n;
    } else if (!exact && i <= len && len - i >= 16) {
        /* most patterns begin with lower-case letters, most of the text
         * is far from its end: those letters compare folded, a byte a
         * step */
        for (; *p >= 'a' && *p <= 'z' && j - i < 16; p++, j++)
            if (((unsigned char)t[j] | 0x20) != *p)
                return false;
    }
    for (; *p; p++) {
        if (*p == ' ') {
            j = skip_ws(t, len, j);
        } else if (*p == '.') {
            if (at(t, len, j) == '.')
                j++;
        } else {
            /* most bytes are as written: one comparison for them */
            unsigned char c = at(t, len, j);
            if (c != *p && (exact || !is_alpha(*p) || fold(c) != fold(*p)))
                return false;
            j++;
        }
    }
    *last = p > (const unsigned char *)pat ? p[-1] : 0;
    *end = j;
    return true;
}

/* A quick test before match(): the entries of a table (rows: its
 * ENTRY_BYTES rows, money_words.h) that the bytes at i, i + 1 and i + 2
 * allow, word w of the set.  Most candidates fail here for every entry at
 * once; a Hangul syllable is three bytes, and many patterns share the
 * first two. */
static inline uint64_t entries_allowed(const char *t, size_t len, size_t i,
                                       const uint64_t *rows, size_t words,
                                       size_t w)
{
    _Static_assert(ENTRY_BYTES == 3, "three bytes a look");
    return rows[at(t, len, i) * words + w] &
           rows[(256 + at(t, len, i + 1)) * words + w] &
           rows[(512 + at(t, len, i + 2)) * words + w];
}

/* ------------------------------------------------------------ currencies */

typedef struct {
    const char *iso;
    int pow10;
    unsigned flags;
    size_t end;
    const char *word; /* the entry matched */
} cur_match;

/* The run of ASCII letters at i, up to RUN_BITS (all a mask tells). */
static inline size_t letters_at(const char *t, size_t len, size_t i)
{
    if (i <= len && len - i >= 16) {
        _Static_assert(RUN_BITS < 16, "a run fits one look");
        ft_bytes16 v = ft_load16(t + i);
        uint32_t other = ~ft_bits16(ft_letters16(v)) | 1u << 16;
        size_t n = (size_t)__builtin_ctz(other);
        return n < RUN_BITS ? n : RUN_BITS;
    }
    size_t n = 0;
    while (n < RUN_BITS && i + n < len && is_alpha((unsigned char)t[i + n]))
        n++;
    return n;
}

/* A table's shapes (one of the *_fit tables of money_index.h, see
 * gen_money_index.c) against the run of `letters` letters at w (at least
 * one), with no branch on the letters, whose answers no predictor learns:
 * asked of nearly every word of a text.  A letter's byte & 31 or & 63 is
 * its place in the table or a mask, so no letter is folded.  Every byte
 * read is a letter of the run: a run too short for a second or third
 * letter reads its first again, and its mask is all ones (not so in
 * opener_fit, which word_fits_roomy reads). */
static inline bool word_fits(const uint64_t (*fit)[RUN_BITS + 1][2],
                             const unsigned char *w, size_t letters)
{
    const uint64_t *cell = fit[(w[0] & 31) - 1][run_slot(letters)];
    return (cell[0] >> (w[letters > 1] & 63) &
            cell[1] >> (w[letters > 2 ? 2 : 0] & 63)) &
           1u;
}

/* word_fits where the two bytes after the word's first are inside the
 * text: they are read whatever they are, not chosen by the run's length.
 * A run too short for a third letter meets a mask of all ones there; in
 * opener_fit a word of one letter meets the mask of the bytes that may
 * follow it (gen_money_index.c: '$' alone after "s", which "Samsung's"
 * fails). */
static inline bool word_fits_roomy(const uint64_t (*fit)[RUN_BITS + 1][2],
                                   const unsigned char *w, size_t letters)
{
    const uint64_t *cell = fit[(w[0] & 31) - 1][run_slot(letters)];
    return (cell[0] >> (w[1] & 63) & cell[1] >> (w[2] & 63)) & 1u;
}

/* word_fits_roomy(opener_fit, ...) for a word at the text's last two
 * bytes: a byte past the end reads as 0, which after a word of one letter
 * only a mask of all ones lets through (no entry that must have a byte
 * after such a word can end there). */
static bool opener_fits_at_end(const char *t, size_t len, size_t j,
                               size_t letters)
{
    unsigned char w[3] = {(unsigned char)t[j], 0, 0};
    if (j + 1 < len)
        w[1] = (unsigned char)t[j + 1];
    return word_fits_roomy(opener_fit, w, letters);
}

/* The finder's first look at the run of `letters` letters at j (at least
 * one, at most 63), which refuses most words.  Most are refused by their
 * first letter and length alone (opener_runs, whose bit is set exactly
 * where opener_fit has a cell not 0), at a branch and fewer instructions
 * than the look at their letters: on this machine the instructions, not
 * the mispredicts, set the speed. */
static inline bool opener_fits(const char *t, size_t len, size_t j,
                               size_t letters)
{
    if (!(opener_runs[(unsigned char)t[j] & 31] >> letters & 1u))
        return false;
    if (len - j > 2) /* the two bytes after j are inside the text */
        return word_fits_roomy(opener_fit, (const unsigned char *)t + j,
                               letters);
    return opener_fits_at_end(t, len, j, letters);
}

/* opener_fits of a run of any length: a run past 63 letters meets the
 * shapes of RUN_BITS letters or more, as run_slot reads it. */
static bool opener_fits_long(const char *t, size_t len, size_t j,
                             size_t letters)
{
    return opener_fits(t, len, j, letters < 63 ? letters : 63);
}

/* May the run of `letters` letters at i (letters_at) begin what may
 * follow a numeral's first word (run_index.next)?  At a byte that is no
 * letter only the byte is known. */
static inline bool next_may_match(const char *t, size_t i, size_t letters)
{
    unsigned char c = (unsigned char)t[i];
    if (!is_alpha(c))
        return run_index.next.first[c / 32] >> (c % 32) & 1u;
    return word_fits(next_fit, (const unsigned char *)t + i, letters);
}

/* ------------------------------------------------- the tables as indexes */

/* run_start, from the index for a letter. */
static size_t run_from(const word_shapes *w, const void *table, size_t n,
                       size_t stride, unsigned char key)
{
    return key >= 'a' && key <= 'z' ? w->at[key - 'a']
                                    : run_start(table, n, stride, key);
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

/* An ISO code at i: three letters standing alone ("KRW 5", "5 KRW"), glued
 * to a number ("USD115", "115USD"), or in capitals run into a lower-case
 * word when scraping lost a space ("80.8 billion KRWapproximately").
 * Always inlined: asked after most numbers, by match_suffix. */
__attribute__((always_inline)) static inline bool
match_iso(const char *t, size_t len, size_t i, cur_match *out)
{
    unsigned char a = at(t, len, i), b = at(t, len, i + 1),
                  c = at(t, len, i + 2), n = at(t, len, i + 3);
    if (!is_alpha(a) || !is_alpha(b) || !is_alpha(c))
        return false;
    if (is_alpha(n) &&
        !(is_upper(a) && is_upper(b) && is_upper(c) && n >= 'a' && n <= 'z'))
        return false;
    _Static_assert(COUNT(iso_codes) <= 64, "one word of codes");
    for (uint64_t set = entries_allowed(t, len, i, &iso_bytes[0][0][0], 1, 0);
         set; set &= set - 1) {
        const iso_code *e = &iso_codes[__builtin_ctzll(set)];
        bool same = (e->flags & CUR_EXACT)
                        ? memcmp(t + i, e->code, 3) == 0
                        : fold(b) == fold((unsigned char)e->code[1]) &&
                              fold(c) == fold((unsigned char)e->code[2]);
        if (same) {
            *out =
                (cur_match){e->code, 0, e->flags & CUR_DOLLAR, i + 3, e->code};
            return true;
        }
    }
    return false;
}

/* match() of a currency, and of its plural where it takes one (always
 * inlined into match_table, which asks it of every entry the bytes allow):
 * "dollars" is the pattern with an s (in capitals too unless the case
 * must match), which match() would refuse as "dollar" inside a word.
 * (No glued currency takes a plural: gen_money_index.c sees to it.) */
__attribute__((always_inline)) static inline bool
match_plural(const char *t, size_t len, size_t i, const currency *c,
             const letters_head *head, size_t *end)
{
    bool exact = c->flags & CUR_EXACT;
    size_t j;
    unsigned char last;
    if (!match_bytes(t, len, i, c->pat, head, exact, &j, &last))
        return false;
    unsigned char s = at(t, len, j);
    if (!is_alpha(last) || !ft_money_is_word_byte(s)) {
        *end = j;
        return true;
    }
    if (!(c->flags & CUR_PLURAL) || (exact ? s : fold(s)) != 's' ||
        ft_money_is_word_byte(at(t, len, j + 1)))
        return false;
    *end = j + 1;
    return true;
}

/* Always inlined: each caller's table has its own count of words, a
 * constant there, and its loop over them unrolled. */
__attribute__((always_inline)) static inline bool
match_table(const char *t, size_t len, size_t i, const currency *table,
            size_t n, const uint64_t *rows, const letters_head *heads,
            cur_match *best)
{
    bool found = false;
    size_t words = entry_words(n);
    /* the rows of the three bytes, read once for every word of the set
     * (at or past len at(t, len, i) is 0, which begins no entry) */
    _Static_assert(ENTRY_BYTES == 3, "three bytes a look");
    const uint64_t *r0 = rows + at(t, len, i) * words,
                   *r1 = rows + (256 + at(t, len, i + 1)) * words,
                   *r2 = rows + (512 + at(t, len, i + 2)) * words;
    for (size_t w = 0; w < words; w++) {
        for (uint64_t set = r0[w] & r1[w] & r2[w]; set; set &= set - 1) {
            size_t k = w * 64 + (size_t)__builtin_ctzll(set);
            const currency *c = &table[k];
            size_t e;
            bool ok;
            if (c->flags & CUR_GLUED) {
                size_t n = strlen(c->pat);
                ok = i + n < len && memcmp(t + i, c->pat, n) == 0 &&
                     is_digit(at(t, len, i + n));
                e = i + n;
            } else {
                ok = match_plural(t, len, i, c, &heads[k], &e);
            }
            if (ok && (!found || e > best->end)) {
                *best = (cur_match){c->iso, c->pow10, c->flags, e, c->pat};
                found = true;
            }
        }
    }
    return found;
}

/* A currency from the table at i, or an ISO code (match_iso) where it
 * reads further.  An entry of three bytes or more is not asked for a
 * code, which would end at i + 3 and not beat it: most currencies
 * ("won", "dollars", "US$"). */
__attribute__((always_inline)) static inline bool
table_or_iso(const char *t, size_t len, size_t i, bool found, cur_match *m)
{
    cur_match iso;
    if ((!found || m->end < i + 3) && match_iso(t, len, i, &iso) &&
        (!found || iso.end > m->end)) {
        *m = iso;
        found = true;
    }
    return found;
}

static bool match_prefix(const char *t, size_t len, size_t i, cur_match *m)
{
    return table_or_iso(t, len, i,
                        match_table(t, len, i, prefixes, COUNT(prefixes),
                                    &prefix_bytes[0][0][0], prefix_heads, m),
                        m);
}

static bool starts_suffix(unsigned char c);

static bool match_suffix(const char *t, size_t len, size_t i, cur_match *m)
{
    if (!starts_suffix(at(t, len, i)))
        return false; /* no currency or code begins with that byte */
    return table_or_iso(t, len, i,
                        match_table(t, len, i, suffixes, COUNT(suffixes),
                                    &suffix_bytes[0][0][0], suffix_heads, m),
                        m);
}

static bool currency_at(const char *t, size_t len, size_t i)
{
    cur_match c;
    return match_suffix(t, len, i, &c);
}

/* ---------------------------------------------------------------- scales */

/* A scale word at i (after optional space or hyphen for words). */
static bool match_scale(const char *t, size_t len, size_t i, int *pow10,
                        size_t *end)
{
    size_t j = i;
    bool separated = false;
    if (at(t, len, j) == '-' && is_alpha(at(t, len, j + 1))) {
        j++;
        separated = true;
    } else {
        size_t k = skip_ws(t, len, j);
        separated = k != j;
        j = k;
    }
    _Static_assert(COUNT(scales) <= 64, "one word of scales");
    for (uint64_t set = entries_allowed(t, len, j, &scale_bytes[0][0][0], 1, 0);
         set; set &= set - 1) {
        size_t s = (size_t)__builtin_ctzll(set);
        if (scales[s].glued_only && separated)
            continue;
        size_t e;
        if (match_entry(t, len, j, scales[s].pat, &scale_heads[s],
                        scales[s].exact, &e)) {
            /* an abbreviation's full stop inside a sentence: "3 bil. won"
             * (before a capital it more likely ends the sentence) */
            if (at(t, len, e) == '.' && strlen(scales[s].pat) <= 4 &&
                at(t, len, e + 1) == ' ' && at(t, len, e + 2) >= 'a' &&
                at(t, len, e + 2) <= 'z')
                e++;
            *pow10 = scales[s].pow10;
            *end = e;
            return true;
        }
    }
    return false;
}

/* -------------------------------------------------------------- numerals */

typedef struct {
    bool words;    /* written in words ("five", "one-point-74") */
    bool grouped;  /* had thousands separators */
    bool fraction; /* had a decimal fraction */
} numeral_info;

/* Where the spaces after a full stop at j end: a few runs, a blank line
 * too ("130.\n\n0 billion yen"). */
static size_t after_stop(const char *t, size_t len, size_t j)
{
    size_t k = j + 1, n;
    for (int steps = 0; steps < 4 && (n = space_len(t, len, k)); steps++)
        k += n;
    return k;
}

/* Where the fraction digits start after the whole part ending at j, or 0
 * when none: "1.5"; a European decimal comma before a scale word ("$ 1,7
 * billion": a thousands group has three digits); a full stop cut from its
 * fraction by a stray space or line break ("130. 0 billion yen").  No
 * sentence starts with "0 billion", and none after a plain space with a
 * scale word unless the whole part reads as a year ("in 2019. 5 billion
 * won went to"). */
static size_t broken_fraction(const char *t, size_t len, size_t j, bool grouped)
{
    unsigned char c = at(t, len, j);
    if (c == '.' && is_digit(at(t, len, j + 1)))
        return j + 1;
    if (c != '.' && c != ',')
        return 0;
    size_t k = j + 1;
    if (c == '.') {
        k = after_stop(t, len, j);
        if (k == j + 1 || !is_digit(at(t, len, k)))
            return 0; /* "in 2023. The": no digit, no fraction */
        bool zero = at(t, len, k) == '0';
        bool one_space = k == j + 2 && t[j + 1] == ' ';
        size_t w = j; /* the whole part, for the year test */
        while (w > 0 && is_digit(at(t, len, w - 1)))
            w--;
        bool yearish = j - w == 4 && (t[w] == '1' || t[w] == '2');
        if (!zero && !(one_space && !yearish))
            return 0;
    } else if (grouped) {
        return 0;
    }
    size_t d = k;
    while (is_digit(at(t, len, d)) && d - k < 4)
        d++;
    int p10;
    size_t e;
    if (d == k || d - k > (c == ',' ? 2u : 3u) || is_digit(at(t, len, d)) ||
        at(t, len, d) == ',' || at(t, len, d) == '.' ||
        !match_scale(t, len, d, &p10, &e) || p10 < 6)
        return 0;
    return k;
}

static bool parse_grouped(const char *t, size_t len, size_t i,
                          ft_decimal *value, size_t *end, numeral_info *info);

static bool parse_digits_rest(const char *t, size_t len, size_t i,
                              ft_decimal *value, size_t *end,
                              numeral_info *info);

/* stop_ends_digits past its quick tests.  Not inlined: its loop would
 * make parse_digits save registers for every number. */
__attribute__((noinline)) static bool
stop_ends_digits_spaced(const char *t, size_t len, size_t j)
{
    return !is_digit(at(t, len, after_stop(t, len, j)));
}

/* Whether digits ending at a full stop at j end there, the stop no
 * decimal point: no digit after it and its spaces, where broken_fraction
 * finds no fraction.  Most often a byte after it that is no space
 * ("2.x"), or one space and then a byte that is neither digit nor space
 * ("in 2023. The"), told at once; else the spaces are skipped as
 * broken_fraction skips them ("in 2023.\n\nThe"). */
static bool stop_ends_digits(const char *t, size_t len, size_t j)
{
    unsigned char n = at(t, len, j + 1), m = at(t, len, j + 2);
    if ((n > ' ' && n < 0xC2 && !is_digit(n)) ||
        (n == ' ' && m > ' ' && m < 0xC2 && !is_digit(m)))
        return true;
    return stop_ends_digits_spaced(t, len, j);
}

/* Digits with thousands separators and a decimal fraction: "1,234.5",
 * "61,204.3", "12,34,567.89" (Indian grouping), "0.9".  Most numbers are
 * at most 19 digits with no group after a comma and at most a fraction
 * right after their point ("2023,", "8.7", "in 2023. The"): read here, in
 * a function that calls nothing and so saves no registers;
 * parse_digits_rest reads the others from i again (test_digit_values
 * holds the two together). */
static bool parse_digits(const char *t, size_t len, size_t i, ft_decimal *value,
                         size_t *end, numeral_info *info)
{
    uint64_t v = 0;
    size_t w = i;
    for (unsigned d; (d = at(t, len, w) - (unsigned)'0') < 10; w++)
        v = v * 10 + d;
    unsigned char c = at(t, len, w);
    if (w == i || w - i > 19)
        return parse_digits_rest(t, len, i, value, end, info);
    size_t e = w;
    if (c == '.' && is_digit(at(t, len, w + 1))) {
        for (e = w + 1; is_digit(at(t, len, e)); e++)
            v = v * 10 + (unsigned)(t[e] - '0');
        if (e - i > 19)
            return parse_digits_rest(t, len, i, value, end, info);
        info->fraction = true;
    } else if ((c == ',' && is_digit(at(t, len, w + 1))) ||
               (c == '.' && !stop_ends_digits(t, len, w))) {
        return parse_digits_rest(t, len, i, value, end, info);
    }
    *value = ft_decimal_of(v, e > w ? (int)(e - w - 1) : 0);
    *end = e;
    return true;
}

/* parse_digits for the numbers it does not read itself.  Not inlined: its
 * calls would make parse_digits save registers for every number. */
__attribute__((noinline)) static bool
parse_digits_rest(const char *t, size_t len, size_t i, ft_decimal *value,
                  size_t *end, numeral_info *info)
{
    /* the digits' value is read as they are scanned: no copy parsed
     * again (past 19 bytes it may overflow, and ft_decimal_parse reads
     * them instead) */
    uint64_t v = 0;
    size_t w = i;
    for (unsigned d; (d = at(t, len, w) - (unsigned)'0') < 10; w++)
        v = v * 10 + d;
    unsigned char c = at(t, len, w);
    if (w > i && !(c == ',' && is_digit(at(t, len, w + 1)))) {
        /* no separator: the digits and a fraction right after their point
         * are read where they stand, as parse_grouped would hold them.
         * Most fractions stand right after their point ("83.8"); one cut
         * from its point has a space before it (a byte at most ' ', or
         * past 0xC1); a comma here has no digit after it, and
         * broken_fraction finds no fraction after either without one */
        unsigned char n = at(t, len, w + 1);
        size_t frac = 0;
        if (c == '.' && is_digit(n))
            frac = w + 1;
        else if (c == '.' && (n <= ' ' || n >= 0xC2))
            frac = broken_fraction(t, len, w, false);
        if (frac == 0 || (frac == w + 1 && c == '.')) {
            size_t e = w;
            if (frac) {
                for (e = frac; is_digit(at(t, len, e)); e++)
                    v = v * 10 + (unsigned)(t[e] - '0');
                info->fraction = true;
            }
            if (e - i >= 64)
                return false;
            if (e - i <= 19)
                *value = ft_decimal_of(v, (int)(frac ? e - frac : 0));
            else if (!ft_decimal_parse(t + i, e - i, value))
                return false;
            *end = e;
            return true;
        }
    }
    return parse_grouped(t, len, i, value, end, info);
}

/* parse_digits past its first case: thousands separators, or a fraction
 * that broken_fraction finds apart from the digits. */
static bool parse_grouped(const char *t, size_t len, size_t i,
                          ft_decimal *value, size_t *end, numeral_info *info)
{
    /* the digits are copied out for ft_decimal_parse, which only a long
     * number needs: their value is read as they are copied */
    char buf[64];
    uint64_t v = 0;
    size_t n = 0, j = i;
    while (is_digit(at(t, len, j))) {
        if (n + 1 >= sizeof buf)
            return false;
        v = v * 10 + (unsigned)(t[j] - '0');
        buf[n++] = t[j++];
    }
    if (n == 0)
        return false;
    /* A comma continues the number only before a group of three digits
     * (or two, in Indian grouping, when more groups follow). */
    while (at(t, len, j) == ',' && is_digit(at(t, len, j + 1))) {
        size_t k = j + 1, g = 0;
        while (is_digit(at(t, len, k)))
            k++, g++;
        bool indian =
            g == 2 && at(t, len, k) == ',' && is_digit(at(t, len, k + 1));
        if (g != 3 && !indian)
            break;
        if (n + g >= sizeof buf)
            return false;
        for (size_t q = 0; q < g; q++)
            v = v * 10 + (unsigned)(t[j + 1 + q] - '0');
        memcpy(buf + n, t + j + 1, g);
        n += g;
        j = k;
        info->grouped = true;
    }
    size_t frac = broken_fraction(t, len, j, info->grouped), point = n;
    if (frac) {
        buf[n++] = '.';
        j = frac;
        while (is_digit(at(t, len, j))) {
            if (n + 1 >= sizeof buf)
                return false;
            v = v * 10 + (unsigned)(t[j] - '0');
            buf[n++] = t[j++];
        }
        info->fraction = true;
    }
    /* as ft_decimal_parse would read buf: at most 19 bytes never
     * overflow */
    if (n <= 19)
        *value = ft_decimal_of(v, frac ? (int)(n - point - 1) : 0);
    else if (!ft_decimal_parse(buf, n, value))
        return false;
    *end = j;
    return true;
}

/* One number word below `limit` at i, or -1.  Word boundaries make the
 * match unique ("four" is no match inside "fourteen"). */
static int number_word_at(const char *t, size_t len, size_t i, int limit,
                          size_t *end)
{
    unsigned char c = fold(at(t, len, i));
    if (!is_alpha(c))
        return -1;
    size_t wl = 1; /* the letters of the word at i */
    while (wl < 10 && is_alpha(at(t, len, i + wl)))
        wl++;
    if (wl < 3 || wl > 9 || is_digit(at(t, len, i + wl)))
        return -1; /* no number word is shorter or longer */
    for (size_t k = run_from(&run_index.numeral, number_words,
                             COUNT(number_words), sizeof *number_words, c);
         k < COUNT(number_words) && key_of(number_words[k].pat) == c; k++) {
        const char *p = number_words[k].pat;
        size_t q = 1;
        while (q < wl && (unsigned char)p[q] == fold(at(t, len, i + q)))
            q++;
        if (q == wl && p[q] == '\0' && number_words[k].value < limit) {
            *end = i + wl;
            return number_words[k].value;
        }
    }
    return -1;
}

/* A number word below a hundred at i ("seven", "forty", "forty-five"),
 * or -1. */
static int word_below_100(const char *t, size_t len, size_t i, size_t *end)
{
    size_t e, e2;
    int v = number_word_at(t, len, i, 100, &e);
    if (v < 0)
        return -1;
    *end = e;
    if (v >= 20 && v % 10 == 0 &&
        (at(t, len, e) == '-' || at(t, len, e) == ' ')) {
        int u = number_word_at(t, len, e + 1, 10, &e2);
        if (u > 0) {
            *end = e2;
            return v + u;
        }
    }
    return v;
}

/* Hyphen or space between the words of a numeral. */
static size_t word_gap(const char *t, size_t len, size_t i)
{
    if (at(t, len, i) == '-')
        return i + 1;
    return skip_ws(t, len, i);
}

/* Fraction digits after "point": "74", "six", "seven four". */
static bool parse_point_fraction(const char *t, size_t len, size_t i,
                                 char *digits, size_t cap, size_t *n,
                                 size_t *end)
{
    size_t j = i;
    *n = 0;
    if (is_digit(at(t, len, j))) {
        while (is_digit(at(t, len, j)) && *n + 1 < cap)
            digits[(*n)++] = t[j++];
        if (ft_money_is_word_byte(at(t, len, j)))
            return false;
        *end = j;
        return true;
    }
    for (;;) {
        size_t e;
        int d = number_word_at(t, len, j, 10, &e);
        if (d < 0 || *n + 1 >= cap)
            break;
        digits[(*n)++] = (char)('0' + d);
        *end = e;
        size_t g = word_gap(t, len, e);
        if (g == e)
            break;
        j = g;
    }
    return *n > 0;
}

/* A numeral in words: "five", "thirteen", "two hundred fifty", "a",
 * "half a", "a quarter", "three quarters", "one-point-74",
 * "305-point-six" (a digit whole part is handled by the caller and passed
 * as `whole`). */
static bool parse_words(const char *t, size_t len, size_t i, ft_decimal *value,
                        size_t *end)
{
    size_t j = i, e;
    long cur = 0;
    bool any = false, article = false;
    if (match(t, len, j, "a", false, &e) || match(t, len, j, "an", false, &e)) {
        article = true;
        j = skip_ws(t, len, e);
    }
    if (match(t, len, j, "half", false, &e)) {
        /* "half a trillion", "half million", "a half billion" */
        size_t k = skip_ws(t, len, e);
        if (match(t, len, k, "a", false, &e))
            k = e;
        *value = (ft_decimal){.digits = 5, .scale = 1};
        *end = k == skip_ws(t, len, j + 4) ? j + 4 : e;
        return true;
    }
    for (;;) {
        int v = word_below_100(t, len, j, &e);
        if (v >= 0) {
            cur += v;
            any = true;
        } else if (match(t, len, j, "hundred", false, &e)) {
            cur = (cur ? cur : 1) * 100;
            any = true;
        } else {
            break;
        }
        size_t g = word_gap(t, len, e);
        size_t e2;
        if (match(t, len, g, "and", false, &e2) && cur >= 100 &&
            word_below_100(t, len, skip_ws(t, len, e2), &e2) >= 0) {
            j = skip_ws(t, len, g + 3);
            continue;
        }
        if (word_below_100(t, len, g, &e2) >= 0 ||
            match(t, len, g, "hundred", false, &e2)) {
            j = g;
            continue;
        }
        j = e;
        break;
    }
    if (match(t, len, j == i ? j : skip_ws(t, len, j), "quarter", false, &e) ||
        match(t, len, j == i ? j : skip_ws(t, len, j), "quarters", false, &e)) {
        long n = any ? cur : 1;
        if (!ft_decimal_mul((ft_decimal){.digits = (uint64_t)n, .scale = 0},
                            (ft_decimal){.digits = 25, .scale = 2}, value))
            return false;
        *end = e;
        return true;
    }
    if (!any) {
        if (article) {
            /* "a million": the caller insists on a scale word next. */
            *value = (ft_decimal){.digits = 1, .scale = 0};
            *end = j == skip_ws(t, len, i + 1) ? i + 1 : i + 2;
            return true;
        }
        return false;
    }
    *value = (ft_decimal){.digits = (uint64_t)cur, .scale = 0};
    *end = j;
    /* broadcast spelling: "one-point-74", "one point seven four" */
    size_t g = word_gap(t, len, j);
    if (g != j && match(t, len, g, "point", false, &e)) {
        size_t g2 = word_gap(t, len, e);
        char frac[24];
        size_t n, fe;
        if (g2 != e &&
            parse_point_fraction(t, len, g2, frac, sizeof frac, &n, &fe)) {
            ft_decimal f;
            if (ft_decimal_parse(frac, n, &f) &&
                ft_decimal_mul_pow10(&f, -(int)n) &&
                ft_decimal_add(*value, f, value))
                *end = fe;
        }
    }
    return true;
}

/* Whether "point" may follow digits ending at j, after the gap of
 * digits_point_words: most numbers are followed by no p. */
static inline bool point_may_follow(const char *t, size_t len, size_t j)
{
    unsigned char c = at(t, len, j);
    if (c == '-')
        return fold(at(t, len, j + 1)) == 'p';
    return c == ' ' ? fold(at(t, len, j + 1)) == 'p' || space_len(t, len, j + 1)
                    : space_len(t, len, j) != 0;
}

/* Digits whose fraction is spoken: "305-point-six". */
static bool digits_point_words(const char *t, size_t len, size_t j,
                               ft_decimal *value, size_t *end)
{
    size_t e;
    size_t g = word_gap(t, len, j);
    if (g == j || !match(t, len, g, "point", false, &e))
        return false;
    size_t g2 = word_gap(t, len, e);
    char frac[24];
    size_t n, fe;
    ft_decimal f;
    if (g2 == e ||
        !parse_point_fraction(t, len, g2, frac, sizeof frac, &n, &fe))
        return false;
    if (!ft_decimal_parse(frac, n, &f) || !ft_decimal_mul_pow10(&f, -(int)n) ||
        !ft_decimal_add(*value, f, value))
        return false;
    *end = fe;
    return true;
}

/* ---------------------------------------------------------- Korean units */

static int korean_unit_at(const char *t, size_t i);

/* The power of ten of the Korean unit at i, 0 when none: asked after
 * most numbers, where an ASCII byte answers at once, without a call. */
static inline int korean_unit(const char *t, size_t len, size_t i)
{
    if (i + 3 > len || at(t, len, i) < 0x80) /* every unit is multi-byte */
        return 0;
    return korean_unit_at(t, i);
}

static int korean_unit_at(const char *t, size_t i)
{
    /* the units each byte allows (money_words.h); the first of them */
    unsigned set = unit_bytes[0][(unsigned char)t[i]] &
                   unit_bytes[1][(unsigned char)t[i + 1]] &
                   unit_bytes[2][(unsigned char)t[i + 2]];
    return set ? korean_units[__builtin_ctz(set)].pow10 : 0;
}

/* A Korean numeral starting with digits: "1조 2천억", "4,397억",
 * "2백70억", "6억4천5백만", "32억5000만", "7천 5백만", "30만9천381".
 * Needs at least one unit.  A plain number after a space joins the
 * numeral only when a currency follows it ("1만 2천 345 달러"). */
static bool currency_at(const char *t, size_t len, size_t i);

static bool is_yeo(const char *t, size_t len, size_t i)
{
    return at(t, len, i) == 0xEC && at(t, len, i + 1) == 0x97 &&
           at(t, len, i + 2) == 0xAC; /* 여 */
}

/* *more is set when 여 ("some, over") stands inside the numeral before a
 * larger unit: "47조3천여억" (more than 47.3 trillion), "7백 여억".
 * read_to: where the number in digits at i ends when the caller has read
 * it into *value already (not read again), else i. */
static bool parse_korean(const char *t, size_t len, size_t i, size_t read_to,
                         ft_decimal *value, size_t *end, bool *more)
{
    ft_decimal total = {0}, section = {0}, done = {0};
    size_t done_end = 0;
    int last_group = 99, last_small = 99, last_unit = 99;
    size_t j = i;
    bool spaced = false; /* j was reached over a space */
    for (;;) {
        ft_decimal num = {0};
        bool have_num = false;
        size_t k = j;
        numeral_info info = {0};
        if (read_to > i && j == i) {
            num = *value;
            k = read_to;
            have_num = true;
        } else if (is_digit(at(t, len, k))) {
            if (!parse_digits(t, len, k, &num, &k, &info))
                break;
            have_num = true;
        }
        int u = korean_unit(t, len, k);
        if (u == 0 && have_num && space_len(t, len, k) &&
            korean_unit(t, len, skip_ws(t, len, k)) >= 4) {
            k = skip_ws(t, len, k); /* "5 억 달러" */
            u = korean_unit(t, len, k);
        }
        if (u == 0) {
            /* digits after the last unit: "9천381", "1만 2천 345 달러" */
            ft_decimal limit = {.digits = 1};
            if (have_num && done_end && last_unit < 19 &&
                ft_decimal_mul_pow10(&limit, last_unit) &&
                ft_decimal_cmp(num, limit) < 0 &&
                (!spaced || currency_at(t, len, skip_ws(t, len, k)))) {
                ft_decimal sum;
                if (ft_decimal_add(total, section, &sum) &&
                    ft_decimal_add(sum, num, &sum)) {
                    done = sum;
                    done_end = k;
                }
            }
            break;
        }
        if (!have_num && done_end == 0 && (j != i || u > 4))
            break; /* only 천 백 십 만 may open a numeral: "천만 원" */
        if (!have_num)
            num = (ft_decimal){.digits = 1};
        if (u < 4) {
            if (u >= last_small)
                break;
            ft_decimal part = num;
            if (!ft_decimal_mul_pow10(&part, u) ||
                !ft_decimal_add(section, part, &section))
                return false;
            last_small = u;
        } else {
            if (u >= last_group)
                break;
            if (have_num && !ft_decimal_add(section, num, &section))
                return false;
            if (!ft_decimal_mul_pow10(&section, u) ||
                !ft_decimal_add(total, section, &total))
                return false;
            section = (ft_decimal){0};
            last_group = u;
            last_small = 99;
        }
        last_unit = u;
        j = k + 3;
        if (!ft_decimal_add(total, section, &done))
            return false;
        done_end = j;
        /* Groups may stand apart: "1조 2천억", "7천 5백만". */
        size_t s = skip_ws(t, len, j);
        if (u < 4 && is_yeo(t, len, s) && korean_unit(t, len, s + 3) >= 4) {
            *more = true;
            j = s + 3;
            spaced = false;
            continue;
        }
        spaced = s != j;
        if (spaced) {
            if (!is_digit(at(t, len, s)))
                break;
            j = s;
        }
    }
    if (done_end == 0)
        return false;
    *value = done;
    *end = done_end;
    return true;
}

/* ------------------------------------------------------ the quick reject */

/* A currency word before the number ("US$ 5", "KRW 38.71", "dollar 5")
 * has the digits within this many bytes of its first byte; prose words
 * have none, and skip the look-up. */
#define DIGIT_REACH 24

static bool digit_within_reach(const char *t, size_t len, size_t pos)
{
    size_t stop = pos + DIGIT_REACH < len ? pos + DIGIT_REACH : len;
    for (size_t k = pos + 1; k < stop; k++)
        if (is_digit((unsigned char)t[k]))
            return true;
    return false;
}

/* A numeral in words may open here: a number word, "a", "an", "half",
 * "hundred", "quarter". */
static bool opens_numeral_word(const char *t, size_t len, size_t pos)
{
    size_t e;
    unsigned char f = fold(at(t, len, pos));
    if (number_word_at(t, len, pos, 100, &e) >= 0)
        return true;
    for (size_t k = 0; k < COUNT(other_openers); k++)
        if ((unsigned char)other_openers[k][0] == f &&
            match(t, len, pos, other_openers[k], false, &e))
            return true;
    return false;
}

/* A currency before the number that the quick reject has matched
 * already, so that read_amount does not match it again. */
typedef struct {
    bool known; /* else read_amount looks */
    cur_match pre;
} prefix_seen;

/* Most tokens of an article open no amount; tell them apart with the
 * lexicon's own tables, each read only over the run of its entries that
 * share the token's first byte.  digit_near: a digit lies within
 * DIGIT_REACH bytes after pos (asked only of ASCII bytes). */
static bool may_start_amount_near(const char *t, size_t len, size_t pos,
                                  bool digit_near, prefix_seen *seen)
{
    unsigned char c = at(t, len, pos);
    seen->known = false;
    if (is_digit(c))
        return true;
    int u = korean_unit(t, len, pos);
    if (u > 0)
        return u <= 4; /* "천만 원": only 천 백 십 만 open a numeral */
    if ((c >= 0x80 || digit_near) && match_prefix(t, len, pos, &seen->pre))
        return seen->known = true;
    return is_alpha(c) && opens_numeral_word(t, len, pos);
}

static bool may_start_amount(const char *t, size_t len, size_t pos,
                             prefix_seen *seen)
{
    unsigned char c = at(t, len, pos);
    return may_start_amount_near(
        t, len, pos,
        c < 0x80 && !is_digit(c) && digit_within_reach(t, len, pos), seen);
}

/* ------------------------------------------------------- the whole amount */

/* Words after "won" that show it is the verb: "won 58 seats", "won the
 * election", "won by". */
static bool won_is_verb(const char *t, size_t len, size_t after)
{
    static const char *const objects[] = {
        "the",    "a",      "an",       "by",       "gold",  "silver",
        "bronze", "medals", "medal",    "seats",    "seat",  "against",
        "over",   "his",    "her",      "their",    "its",   "first",
        "second", "third",  "out",      "praise",   "votes", "support",
        "in",     "at",     "two",      "three",    "games", "matches",
        "titles", "awards", "election", "approval", "back",  "favor",
        "favour", "races",  "control",  "this",     "that",  "every",
    };
    size_t j = skip_ws(t, len, after), e;
    if (match(t, len, j, "a share", false, &e)) /* "729 won a share" */
        return false;
    for (size_t k = 0; k < sizeof objects / sizeof *objects; k++)
        if (match(t, len, j, objects[k], false, &e))
            return true;
    return false;
}

/* 원 ends a word in 원칙 (principle), 원인 (cause), 원장 (director) and the
 * like: the syllable after it says which. */
static bool hangul_won_is_word(const char *t, size_t len, size_t after)
{
    static const char *const next[] = {
        "\xEC\xB9\x99", /* 칙 */ "\xEC\x9D\xB8", /* 인 */
        "\xEC\x9E\xA5", /* 장 */ "\xEC\xA0\x84", /* 전 */
        "\xEC\x9E\x90", /* 자 */ "\xEB\xA3\x8C", /* 료 */
        "\xEB\x9E\x98", /* 래 */ "\xED\x98\x95", /* 형 */
        "\xEB\xA6\xAC", /* 리 */ "\xED\x9A\x8C", /* 회 */
        "\xEC\x9E\x91", /* 작 */ "\xEA\xB3\xA0", /* 고 */
        "\xEC\xA0\x95", /* 정 */ "\xED\x95\x98", /* 하 (원하다) */
        "\xEC\x88\x98", /* 수 */ "\xEB\xA5\xBC", /* 를 (a noun's object) */
    };
    if (after + 3 > len)
        return false;
    for (size_t k = 0; k < sizeof next / sizeof *next; k++)
        if (memcmp(t + after, next[k], 3) == 0)
            return true;
    return false;
}

/* A currency after the number is refused when it is really the start of
 * the next amount ("3 USD50", "1 $10") or a word that only looks like one. */
static bool suffix_acceptable(const char *t, size_t len, const cur_match *c,
                              const ft_money *m, const numeral_info *info)
{
    if (is_digit(at(t, len, c->end)))
        return false;
    if ((c->flags & CUR_SYMBOL) &&
        is_digit(at(t, len, skip_ws(t, len, c->end)))) {
        /* "1 $10": the sign starts the next amount, unless that amount
         * has a sign or cents of its own after it ("10 $ 30 $"). */
        size_t k = skip_ws(t, len, c->end), e;
        while (is_digit(at(t, len, k)) || at(t, len, k) == ',' ||
               at(t, len, k) == '.')
            k++;
        k = skip_ws(t, len, k);
        cur_match n;
        if (!(match_suffix(t, len, k, &n) && (n.flags & CUR_SYMBOL)) &&
            !match(t, len, k, "cent", false, &e) &&
            !match(t, len, k, "cents", false, &e))
            return false;
    }
    if ((c->flags & CUR_NEEDS_SCALE) && !m->has_scale)
        return false;
    if (c->flags & CUR_VERB) {
        /* "1 million won by 2027", "79,472 won a share": a scale or a
         * thousands separator makes it money whatever follows */
        if (!m->has_scale && !info->grouped && !info->fraction &&
            won_is_verb(t, len, c->end))
            return false;
        if (!m->has_scale && (info->words || m->year_like))
            return false;
        if (!m->has_scale && !info->grouped && !info->fraction &&
            m->value.digits < 100)
            return false;
    }
    /* ... but right after a unit 원 is the currency whatever follows:
     * "월 8만원인 수당" (an allowance that is 80,000 won a month) */
    if ((c->flags & CUR_HANGUL_WON) &&
        !(c->end >= 6 && korean_unit(t, len, c->end - 6) > 0) &&
        hangul_won_is_word(t, len, c->end))
        return false;
    return true;
}

/* "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15
 * dollars 50.": cents written after a whole number of dollars. */
static void take_cents(const char *t, size_t len, ft_money *m)
{
    size_t j = skip_ws(t, len, m->end), e;
    if (j == m->end)
        return;
    if (match(t, len, j, "and", false, &e))
        j = skip_ws(t, len, e);
    long cents = -1;
    size_t k = j;
    if (is_digit(at(t, len, k))) {
        cents = 0;
        while (is_digit(at(t, len, k)) && k - j < 3)
            cents = cents * 10 + (t[k++] - '0');
        if (k - j > 2 || is_digit(at(t, len, k)) || at(t, len, k) == ',' ||
            (at(t, len, k) == '.' && is_digit(at(t, len, k + 1))))
            return;
    } else {
        int v = word_below_100(t, len, k, &e);
        if (v < 0)
            return;
        cents = v;
        k = e;
    }
    if (cents <= 0 || cents > 99)
        return;
    size_t s = skip_ws(t, len, k);
    if (match(t, len, s, "cents", false, &e) ||
        match(t, len, s, "cent", false, &e) ||
        match(t, len, s, "\xEC\x84\xBC\xED\x8A\xB8", true, &e)) { /* 센트 */
        k = e;
    } else {
        unsigned char c = at(t, len, k);
        if (!(k >= len || c == '.' || c == '!' || c == '?' || c == ';'))
            return;
    }
    ft_decimal add = {.digits = (uint64_t)cents, .scale = 2};
    if (ft_decimal_add(m->value, add, &m->value))
        m->end = k;
}

static bool starts_suffix(unsigned char c)
{
    return run_index.suffix.first[c / 32] >> (c % 32) & 1u;
}

/* Nothing after digits ending at k can go on with them: no Korean unit,
 * spoken fraction, scale, ISO code, letter or currency after them, nor
 * after a hyphen.  Most numbers in prose ("in 2023,", "8.7 percent") are
 * plain, and skip those look-ups. */
static bool ends_plain(const char *t, size_t len, size_t k)
{
    size_t w = skip_ws(t, len, k);
    unsigned char c = at(t, len, k), g = at(t, len, w);
    if (is_alpha(g) && w > k)
        /* a word after a space: by its shape ("percent", "compared") */
        return !next_may_match(t, w, letters_at(t, len, w));
    if (c >= 0x80 || g >= 0x80 || is_alpha(g) || starts_suffix(g))
        return false;
    unsigned char n = at(t, len, k + 1);
    return c != '-' || !(is_alpha(n) || n >= 0x80 || starts_suffix(n));
}

/* The amount at pos, once the quick reject has let pos through; seen:
 * the prefix currency the quick reject matched, if it did. */
static bool read_amount(const char *t, size_t len, size_t pos, unsigned opts,
                        const prefix_seen *seen, ft_money *m)
{
    memset(m, 0, sizeof *m);
    m->start = pos;
    m->currency = "";
    size_t j = pos;
    cur_match pre = {0}, suf = {0};
    bool has_pre = false;

    /* 1. a currency before the number */
    if (seen->known)
        pre = seen->pre;
    if (seen->known ||
        (!is_digit(at(t, len, j)) && match_prefix(t, len, j, &pre))) {
        size_t k = pre.end;
        if (!(pre.flags & CUR_GLUED))
            k = skip_ws(t, len, k);
        if (is_digit(at(t, len, k))) {
            has_pre = true;
            j = k;
        }
    }

    /* 2. the number */
    ft_decimal value;
    numeral_info info = {0};
    size_t k;
    if (is_digit(at(t, len, j))) {
        if (!parse_digits(t, len, j, &value, &k, &info))
            return false;
        if (!has_pre && ends_plain(t, len, k)) {
            /* what the steps below would make of it, without them */
            m->value = value;
            m->end = k;
            m->integer_only = !info.grouped && !info.fraction;
            m->year_like = m->integer_only && value.scale == 0 &&
                           value.digits >= 1800 && value.digits <= 2199 &&
                           k - j == 4;
            return opts & FT_MONEY_ALLOW_PLAIN;
        }
        if (korean_unit(t, len, k) ||
            (space_len(t, len, k) &&
             korean_unit(t, len, skip_ws(t, len, k)) >= 4)) {
            if (!parse_korean(t, len, j, k, &value, &k, &m->korean_more))
                return false;
            m->has_scale = true;
            /* 여 ("some, over") between the number and the currency, or
             * after the number alone: "3조여원", "1천억 여원", "5백억여" */
            size_t y = skip_ws(t, len, k);
            if (is_yeo(t, len, y)) {
                cur_match c;
                size_t after = skip_ws(t, len, y + 3);
                if (y == k || match_suffix(t, len, after, &c)) {
                    m->korean_more = true;
                    k = y + 3;
                }
            }
        } else if (!info.grouped && !info.fraction &&
                   point_may_follow(t, len, k)) {
            if (digits_point_words(t, len, k, &value, &k))
                info.fraction = true;
        }
    } else if (!has_pre && korean_unit(t, len, j) &&
               korean_unit(t, len, j) <= 4) {
        /* "천만 원", "백만 달러": a unit with no digit before it */
        if (!parse_korean(t, len, j, j, &value, &k, &m->korean_more))
            return false;
        m->has_scale = true;
    } else if (!has_pre) {
        if (!is_alpha(at(t, len, j)) || !parse_words(t, len, j, &value, &k))
            return false;
        info.words = true;
    } else {
        return false;
    }
    m->integer_only = !info.grouped && !info.fraction && !info.words;
    m->year_like = m->integer_only && value.scale == 0 &&
                   value.digits >= 1800 && value.digits <= 2199 && k - j == 4;

    /* 3. scale words: "5 trillion 212.8 billion", "75 USD million" */
    int p10;
    size_t e;
    if (!m->has_scale) {
        int last = 99;
        ft_decimal total = {0};
        while (match_scale(t, len, k, &p10, &e) && p10 < last) {
            ft_decimal part = value;
            if (!ft_decimal_mul_pow10(&part, p10))
                return false;
            /* the first group is the total so far: nothing to add it to */
            if (last == 99)
                total = part;
            else if (!ft_decimal_add(total, part, &total))
                return false;
            m->has_scale = true;
            m->scale_pow10 = p10;
            last = p10;
            k = e;
            /* a smaller group may follow */
            size_t s = skip_ws(t, len, k);
            numeral_info i2 = {0};
            ft_decimal v2;
            size_t e2;
            int p2;
            size_t e3;
            if (s != k && is_digit(at(t, len, s)) &&
                parse_digits(t, len, s, &v2, &e2, &i2) &&
                match_scale(t, len, e2, &p2, &e3) && p2 < p10) {
                value = v2;
                k = e2;
                continue;
            }
            break;
        }
        if (m->has_scale)
            value = total;
    }
    if (!m->has_scale) {
        /* "75 USD million"; with the currency said twice, "$6 USD
         * million" */
        size_t s = skip_ws(t, len, k);
        cur_match c;
        if (s != k && match_iso(t, len, s, &c) &&
            (!has_pre || strcmp(c.iso, pre.iso) == 0) &&
            match_scale(t, len, c.end, &p10, &e)) {
            if (!ft_decimal_mul_pow10(&value, p10))
                return false;
            m->has_scale = true;
            m->scale_pow10 = p10;
            suf = c;
            k = e;
            m->has_currency = true;
        }
    }
    if (has_pre && (pre.flags & CUR_NEEDS_SCALE) && !m->has_scale)
        return false;
    /* Digits run straight into letters that are no unit: "K9", "3D". */
    if (!info.words && is_alpha(at(t, len, k)) && !m->has_currency) {
        cur_match c;
        if (!match_suffix(t, len, k, &c))
            return false;
    }
    m->value = value;
    m->end = k;

    /* 4. a currency after the number */
    if (!m->has_currency) {
        size_t s = k;
        if (at(t, len, s) == '-' && !is_digit(at(t, len, s + 1)))
            s++;
        else
            s = skip_ws(t, len, s);
        cur_match c;
        if (match_suffix(t, len, s, &c) &&
            suffix_acceptable(t, len, &c, m, &info)) {
            /* the currency said twice: "$10 dollars", "KRW 507.9 billion
             * won" */
            bool same = has_pre &&
                        (((pre.flags & CUR_DOLLAR) && (c.flags & CUR_DOLLAR) &&
                          (c.iso == pre.iso || strcmp(c.iso, "USD") == 0)) ||
                         (pre.iso[0] && strcmp(c.iso, pre.iso) == 0));
            if (!has_pre || same) {
                suf = c;
                m->has_currency = true;
                m->end = c.end;
            }
        }
    }
    if (has_pre) {
        m->has_currency = true;
        m->prefix_currency = true;
        m->currency = pre.iso;
        m->word = pre.word;
        m->ambiguous = pre.iso[0] == '\0';
        if (pre.pow10 && !ft_decimal_mul_pow10(&m->value, pre.pow10))
            return false;
        if (pre.pow10)
            m->has_scale = true;
    } else if (m->has_currency) {
        m->currency = suf.iso;
        m->word = suf.word;
        m->ambiguous = suf.iso[0] == '\0';
        if (suf.pow10 && !ft_decimal_mul_pow10(&m->value, suf.pow10))
            return false;
        if (suf.pow10 > 0)
            m->has_scale = true;
    }
    if (!m->has_currency) {
        if (info.words && !m->has_scale)
            return false;
        if (m->has_scale
                ? !(opts & (FT_MONEY_ALLOW_BARE | FT_MONEY_ALLOW_PLAIN))
                : !(opts & FT_MONEY_ALLOW_PLAIN))
            return false;
        return true;
    }
    /* "a" alone is a numeral only before a scale: "a million dollars" */
    if (info.words && !m->has_scale && m->value.digits == 1 &&
        m->value.scale == 0 && (fold(at(t, len, j)) == 'a'))
        return false;
    bool dollar = (has_pre ? pre.flags : suf.flags) & CUR_DOLLAR;
    if (dollar && !m->has_scale && m->value.scale == 0 && !info.grouped)
        take_cents(t, len, m);
    return true;
}

bool ft_money_scan(const char *t, size_t len, size_t pos, unsigned opts,
                   ft_money *m)
{
    prefix_seen seen;
    return may_start_amount(t, len, pos, &seen) &&
           read_amount(t, len, pos, opts, &seen, m);
}

/* ------------------------------------------------------- the whole text */

void ft_money_finder_init(ft_money_finder *f, const char *t, size_t len)
{
    *f = (ft_money_finder){.t = t, .len = len};
}

/* ---- digits eight bytes at a time: the words between two numbers of an
 * article run to hundreds of bytes. */

/* The high bit of each byte of x that is an ASCII digit: a byte below
 * 0x80 plus (0x80 - lo) has its high bit set exactly when it is at least
 * lo, and no carry crosses into the next byte. */
static uint64_t digit_bits(uint64_t x)
{
    uint64_t low = x & ~FT_HIGHS8;
    return (low + 0x50 * FT_ONES8) & ~(low + 0x46 * FT_ONES8) & ~x & FT_HIGHS8;
}

/* The first digit at or after k, else len: sixteen bytes a look, then
 * eight (each look inside the text). */
static size_t next_digit(const char *t, size_t len, size_t k)
{
    for (; k + 16 <= len; k += 16) {
        ft_bytes16 v = ft_load16(t + k);
        uint32_t d = ft_bits16(
            (ft_bytes16)((ft_sbytes16)(v + (0x80 - '0')) < -128 + 10));
        if (d)
            return k + (size_t)__builtin_ctz(d);
    }
    for (; k + 8 <= len; k += 8) {
        uint64_t d = digit_bits(ft_load8(t + k));
        if (d)
            return k + (size_t)__builtin_ctzll(d) / 8;
    }
    while (k < len && !is_digit((unsigned char)t[k]))
        k++;
    return k;
}

/* digit_within_reach for a finder: the text is searched for digits once,
 * ahead of the words, each byte at most once while pos only grows. */
static bool finder_digit_near(ft_money_finder *f, size_t pos)
{
    if (pos + 1 < f->no_digit_from || pos + 1 > f->digit_at) {
        size_t k = next_digit(f->t, f->len, pos + 1);
        f->no_digit_from = pos + 1;
        f->digit_at = k;
    }
    return f->digit_at < f->len && f->digit_at < pos + DIGIT_REACH;
}

/* Byte classes for the pass: ASCII letters and digits, and the bytes a
 * candidate may begin with (a digit, a letter, '$' or the lead byte of a
 * multi-byte character: ₩ € £ ¥ 미화); everything else is skipped at
 * once.  Sixteen bytes a row.  block_at asks the same of sixteen or
 * thirty-two bytes at a time (test_finder_blocks holds them together). */
enum { B_LETTER = 1, B_DIGIT = 2, B_BEGIN = 4 };
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0,
    0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    5, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
};

static unsigned char class_of(const char *t, size_t i)
{
    return byte_class[(unsigned char)t[i]];
}

/* Where a token may start: not inside an ASCII word or number. */
static bool token_start(const char *t, size_t len, size_t i)
{
    if (i == 0)
        return true;
    unsigned char p = at(t, len, i - 1), c = at(t, len, i);
    if (class_of(t, i - 1) & (B_LETTER | B_DIGIT))
        return false;
    /* A Hangul unit opens a numeral only after a space or a sign: in
     * 수천억 ("hundreds of billions") it is part of a vaguer word. */
    if ((c == 0xEB || c == 0xEC) && p >= 0x80)
        return false;
    if (is_digit(c) && (p == '.' || p == ','))
        return !(i >= 2 && is_digit(at(t, len, i - 2)));
    return true;
}

/* The run of `letters` letters at i, folded, is pat. */
static bool run_is(const char *t, size_t i, size_t letters, const char *pat)
{
    for (size_t q = 0; q < letters; q++)
        if (fold((unsigned char)t[i + q]) != (unsigned char)pat[q])
            return false;
    return pat[letters] == '\0';
}

/* opens_numeral_word for a whole run of letters, not followed by a digit:
 * the run is compared, not matched again. */
static bool run_opens_numeral(const char *t, size_t i, size_t letters)
{
    unsigned char c = fold((unsigned char)t[i]);
    if (letters >= 3 && letters <= 9)
        for (size_t k = run_from(&run_index.numeral, number_words,
                                 COUNT(number_words), sizeof *number_words, c);
             k < COUNT(number_words) && key_of(number_words[k].pat) == c; k++)
            if (run_is(t, i, letters, number_words[k].pat))
                return true;
    for (size_t k = 0; k < COUNT(other_openers); k++)
        if ((unsigned char)other_openers[k][0] == c &&
            run_is(t, i, letters, other_openers[k]))
            return true;
    return false;
}

/* After the first word of a numeral in words (ending at e), a numeral
 * goes on, or a scale or a currency follows, only from a token that
 * run_index.next allows, after a space or a hyphen or at once: else the
 * words make no amount ("a spokesperson", "the first quarter of"). */
static bool numeral_may_go_on(const char *t, size_t len, size_t e)
{
    size_t g = skip_ws(t, len, e);
    if (g < len && next_may_match(t, g, letters_at(t, len, g)))
        return true;
    return at(t, len, e) == '-' && e + 1 < len &&
           next_may_match(t, e + 1, letters_at(t, len, e + 1));
}

/* Whether match_prefix may match at a word of `letters` letters at i:
 * an entry of the table allows its three bytes, or it is long enough
 * for an ISO code.  "a" and "s" ("Samsung's") fit the shapes of "A$" and
 * "S$" by their letter, and fail here by the byte after it. */
static bool prefix_may_match(const char *t, size_t len, size_t i,
                             size_t letters)
{
    if (letters >= 3)
        return true;
    size_t words = entry_words(COUNT(prefixes));
    for (size_t w = 0; w < words; w++)
        if (entries_allowed(t, len, i, &prefix_bytes[0][0][0], words, w))
            return true;
    return false;
}

/* The quick reject at a word of `letters` letters at i, with the
 * finder's digits; *seen gets the prefix currency it matched, if any. */
static bool word_may_open(ft_money_finder *f, size_t i, size_t letters,
                          prefix_seen *seen)
{
    const char *t = f->t;
    const unsigned char *w = (const unsigned char *)t + i;
    seen->known = false;
    if (word_fits(numeral_fit, w, letters) &&
        !is_digit(at(t, f->len, i + letters)) &&
        numeral_may_go_on(t, f->len, i + letters) &&
        run_opens_numeral(t, i, letters))
        return true;
    return seen->known = word_fits(prefix_fit, w, letters) &&
                         prefix_may_match(t, f->len, i, letters) &&
                         finder_digit_near(f, i) &&
                         match_prefix(t, f->len, i, &seen->pre);
}

/* The quick reject at a token start that is no letter; *seen as for
 * word_may_open. */
static bool sign_may_open(ft_money_finder *f, size_t i, prefix_seen *seen)
{
    unsigned char c = (unsigned char)f->t[i];
    seen->known = false;
    if (is_digit(c))
        return true;
    if (c < 0x80)
        return seen->known = c == '$' && finder_digit_near(f, i) &&
                             match_prefix(f->t, f->len, i, &seen->pre);
    return (run_index.lead[(c - 0x80) / 32] >> (c % 32) & 1u) &&
           may_start_amount_near(f->t, f->len, i, true, seen);
}

/* The rest of a word or number after a failed candidate: word bytes, and
 * '.' or ',' before a digit ("1,234.5"). */
static inline size_t skip_word(const char *t, size_t len, size_t i)
{
    while (i < len && ((class_of(t, i) & (B_LETTER | B_DIGIT)) ||
                       ((t[i] == '.' || t[i] == ',') && i + 1 < len &&
                        is_digit((unsigned char)t[i + 1]))))
        i++;
    return i;
}

/* Whether i is in the run of a word or number that skip_word steps
 * over. */
static inline bool in_word(const char *t, size_t len, size_t i)
{
    return i < len &&
           ((class_of(t, i) & (B_LETTER | B_DIGIT)) ||
            ((t[i] == '.' || t[i] == ',') && is_digit(at(t, len, i + 1))));
}

/* Where the run of ASCII letters at i ends: sixteen bytes a look.
 * Inline: the finder asks it of every word that runs past its block. */
static inline size_t letters_end(const char *t, size_t len, size_t i)
{
    for (; len - i >= 16; i += 16) {
        uint32_t other = ~ft_bits16(ft_letters16(ft_load16(t + i))) & 0xFFFF;
        if (other)
            return i + (size_t)__builtin_ctz(other);
    }
    while (i < len && (class_of(t, i) & B_LETTER))
        i++;
    return i;
}

/* The candidate at i (a token start that may begin an amount), asked in
 * full: true and *m filled when an amount starts there, else false and
 * *next where the pass goes on, past the rest of the word or number.  e:
 * where the run of letters at i ends (i when none); a word the caller has
 * already let through opener_fits, which refuses most. */
static bool try_candidate(ft_money_finder *f, size_t i, size_t e, unsigned opts,
                          ft_money *m, size_t *next)
{
    const char *t = f->t;
    size_t len = f->len;
    unsigned char c = (unsigned char)t[i];
    prefix_seen seen;
    if (e > i) {
        if (word_may_open(f, i, e - i, &seen) &&
            read_amount(t, len, i, opts, &seen, m))
            return true;
        *next = skip_word(t, len, e);
        return false;
    }
    if (sign_may_open(f, i, &seen) && read_amount(t, len, i, opts, &seen, m))
        return true;
    *next = c < 0x80 ? skip_word(t, len, i + 1) : i + 1;
    return false;
}

/* What the pass knows of the 64 bytes from b, bit k for b + k (none at
 * or beyond len): the ASCII letters, so that a word's length is one
 * count; and the bytes that may be candidates: those that may begin an
 * amount (B_BEGIN) after no letter or digit.  A letter among them is a
 * candidate; the others are asked sign_may_be_candidate. */
typedef struct {
    uint64_t candidates, letters;
} block;

/* The classes of the sixteen bytes at s, or-ed into the block's masks
 * at bit k.  Each range of bytes is one comparison of signed lanes (the
 * only kind SSE2 has, an unsigned one costs more): a byte plus 0x80 - lo
 * is below -128 + n exactly when it is one of the n bytes from lo; a byte
 * with its high bit flipped is above 0x41 exactly when it was at least
 * 0xC2. */
static inline void block_add16(const char *s, size_t k, uint64_t *letters,
                               uint64_t *words, uint64_t *begins)
{
    ft_bytes16 v = ft_load16(s);
    ft_bytes16 letter =
        (ft_bytes16)((ft_sbytes16)((v | 0x20) + (0x80 - 'a')) < -128 + 26);
    ft_bytes16 digit =
        (ft_bytes16)((ft_sbytes16)(v + (0x80 - '0')) < -128 + 10);
    ft_bytes16 word = letter | digit;
    ft_bytes16 begin = word | (ft_bytes16)(v == '$') |
                       (ft_bytes16)((ft_sbytes16)(v ^ 0x80) > 0x41);
    *letters |= (uint64_t)ft_bits16(letter) << k;
    *words |= (uint64_t)ft_bits16(word) << k;
    *begins |= (uint64_t)ft_bits16(begin) << k;
}

/* The candidates of a block, once its masks are known: those that may
 * begin an amount after no letter or digit (the byte before b too). */
static inline block block_of(const char *t, size_t b, uint64_t letters,
                             uint64_t words, uint64_t begins)
{
    uint64_t after_word =
        words << 1 | (b > 0 && (class_of(t, b - 1) & (B_LETTER | B_DIGIT)));
    return (block){begins & ~after_word, letters};
}

#if MONEY_AVX2
/* block_add16's constants, each byte 32 times, read from memory by the
 * instructions that use them: gcc, knowing them, would build each anew
 * in three instructions. */
#define R8_(c) c, c, c, c, c, c, c, c
#define BYTES32_(c)                                                            \
    {                                                                          \
        R8_(c), R8_(c), R8_(c), R8_(c)                                         \
    }
typedef struct {
    unsigned char fold[32], letter_add[32], letter_top[32], digit_add[32],
        digit_top[32], dollar[32], high[32], lead_top[32];
} consts32;
static const consts32 bytes32 = {
    .fold = BYTES32_(0x20),
    .letter_add = BYTES32_(0x80 - 'a'),
    .letter_top = BYTES32_((unsigned char)(-128 + 26)),
    .digit_add = BYTES32_(0x80 - '0'),
    .digit_top = BYTES32_((unsigned char)(-128 + 10)),
    .dollar = BYTES32_('$'),
    .high = BYTES32_(0x80),
    .lead_top = BYTES32_(0x41),
};
#undef BYTES32_
#undef R8_

__attribute__((target("avx2"))) static inline __m256i load32(const void *p)
{
    return _mm256_loadu_si256((const __m256i *)p);
}

/* The ASCII letters among the 32 bytes of v, 0xFF a lane. */
__attribute__((target("avx2"))) static inline __m256i
letters32(__m256i v, const consts32 *k)
{
    return _mm256_cmpgt_epi8(
        load32(k->letter_top),
        _mm256_add_epi8(_mm256_or_si256(v, load32(k->fold)),
                        load32(k->letter_add)));
}

/* A row of open_groups (money_words.h) read by each byte's & 31: pshufb
 * reads its low four bits from one half of the row or the other, as
 * bit 4, moved to the top of the byte by the shift, chooses.  A byte
 * with its top bit set reads 0 (no letter: the caller does not ask). */
__attribute__((target("avx2"))) static inline __m256i
open_row(const uint8_t *row, __m256i v)
{
    return _mm256_blendv_epi8(_mm256_shuffle_epi8(load32(row), v),
                              _mm256_shuffle_epi8(load32(row + 32), v),
                              _mm256_slli_epi16(v, 3));
}

/* The bytes of the 32 at s where no word that opener_fits lets through
 * can start, by their own byte and the three after (so s[0..34] are
 * read): no group of open_groups holds all four.  A word opener_fits lets
 * through has the four bytes of a group (gen_money_index.c,
 * open_groups_build): one letter, then a byte that is no letter (group
 * 0); two letters, then one that is none (group 1); three letters that
 * its shapes allow at that length, then no letter (groups 2-4); or the
 * first three of a longer word that its shapes allow at some length, then
 * a letter (groups 5-7).  Only its bits at letters are asked. */
__attribute__((target("avx2"))) static inline uint32_t
open_refused32(const char *s, const consts32 *k, const open_tables *g)
{
    __m256i v1 = load32(s + 1), v2 = load32(s + 2), v3 = load32(s + 3);
    __m256i second = _mm256_blendv_epi8(
        load32(g->second_other), open_row(g->second, v1), letters32(v1, k));
    __m256i third = _mm256_blendv_epi8(
        load32(g->third_other), open_row(g->third, v2), letters32(v2, k));
    __m256i fourth = _mm256_blendv_epi8(
        load32(g->fourth_other), load32(g->fourth_letter), letters32(v3, k));
    __m256i all = _mm256_and_si256(
        _mm256_and_si256(open_row(g->first, load32(s)), fourth),
        _mm256_and_si256(second, third));
    return (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(all, _mm256_setzero_si256()));
}

/* block_add16 of the 32 bytes at s, with the same comparisons: the
 * letters, the digits and the other bytes that may begin an amount ('$'
 * and the lead bytes from 0xC2), a bit a byte. */
__attribute__((target("avx2"))) static inline void
block_add32(const char *s, const consts32 *k, uint32_t *letters,
            uint32_t *digits, uint32_t *others)
{
    __m256i v = load32(s);
    __m256i letter = letters32(v, k);
    __m256i digit = _mm256_cmpgt_epi8(load32(k->digit_top),
                                      _mm256_add_epi8(v, load32(k->digit_add)));
    __m256i other =
        _mm256_or_si256(_mm256_cmpeq_epi8(v, load32(k->dollar)),
                        _mm256_cmpgt_epi8(_mm256_xor_si256(v, load32(k->high)),
                                          load32(k->lead_top)));
    *letters = (uint32_t)_mm256_movemask_epi8(letter);
    *digits = (uint32_t)_mm256_movemask_epi8(digit);
    *others = (uint32_t)_mm256_movemask_epi8(other);
}

/* block_at of a whole block where the processor has AVX2: two looks of
 * 32 bytes, 57 instructions a block where four of 16 took 140 on average;
 * and the word starts that open_refused32 refuses are no candidates (a
 * look at 67 bytes from b, inside the text: the caller's len - b >= 67),
 * in some 60 instructions where each word start took 30. */
__attribute__((target("avx2"))) static block block_at_avx2(const char *t,
                                                           size_t b)
{
    const consts32 *k = &bytes32;
    __asm__("" : "+r"(k)); /* the constants from memory, as they are */
    uint32_t l0, d0, o0, l1, d1, o1;
    block_add32(t + b, k, &l0, &d0, &o0);
    block_add32(t + b + 32, k, &l1, &d1, &o1);
    uint64_t letters = l0 | (uint64_t)l1 << 32;
    uint64_t words = letters | d0 | (uint64_t)d1 << 32;
    const open_tables *g = &open_groups;
    __asm__("" : "+r"(g)); /* the same for open_groups' rows */
    uint64_t refused = open_refused32(t + b, k, g) |
                       (uint64_t)open_refused32(t + b + 32, k, g) << 32;
    return block_of(t, b, letters, words,
                    (words | o0 | (uint64_t)o1 << 32) & ~(letters & refused));
}
#endif

/* block_at with SSE2 (or none), and at the text's last bytes. */
static block block_at_sse2(const char *t, size_t len, size_t b)
{
    uint64_t letters = 0, words = 0, begins = 0;
    size_t k = 0;
    if (len - b >= 64) {
        /* nearly every block: four looks at fixed places, no loop */
        block_add16(t + b, 0, &letters, &words, &begins);
        block_add16(t + b + 16, 16, &letters, &words, &begins);
        block_add16(t + b + 32, 32, &letters, &words, &begins);
        block_add16(t + b + 48, 48, &letters, &words, &begins);
        k = 64;
    }
    for (; k < 64 && len - b - k >= 16; k += 16)
        block_add16(t + b + k, k, &letters, &words, &begins);
    if (b + k < len && k < 64) {
        /* The text's last r < 16 bytes (the end of every article), not
         * a byte at a time: read as the last of the 16 bytes that end the
         * text, which are inside it; a text shorter than that through a
         * copy padded with zeros, which are in no class. */
        size_t r = len - b - k;
        char tiny[16] = {0};
        const char *p = len >= 16 ? t + len - 16 : memcpy(tiny, t + b + k, r);
        size_t drop = len >= 16 ? 16 - r : 0;
        uint64_t l = 0, w = 0, g = 0;
        block_add16(p, 0, &l, &w, &g);
        letters |= l >> drop << k;
        words |= w >> drop << k;
        begins |= g >> drop << k;
    }
    return block_of(t, b, letters, words, begins);
}

/* The block at b (below len).  Inline: where the processor has AVX2 the
 * call goes straight to block_at_avx2. */
static inline block block_at(const char *t, size_t len, size_t b)
{
#if MONEY_AVX2
    /* ft_cpu_avx2: a load and a test a block */
    if (len - b >= 67 && ft_cpu_avx2())
        return block_at_avx2(t, b);
#endif
    return block_at_sse2(t, len, b);
}

/* A bit of the block at a byte that is no letter ('$', a digit, a byte
 * above 0x7F): a candidate that sign_may_open does not refuse at once.
 * A candidate is a token start (token_start) but for a digit after a
 * letter or digit and a '.' or ',' ("No.5"), which the skip of its word
 * steps over.  The bit already says the byte may begin an amount after no
 * letter or digit, so only the rules for such a digit and for a Hangul
 * unit inside a word are left.  Above 0x7F (every syllable of Korean
 * text) only a byte of run_index.lead may open an amount. */
static inline bool sign_may_be_candidate(const char *t, size_t j)
{
    unsigned char c = (unsigned char)t[j];
    if (c < 0x80)
        return !(j >= 2 && (t[j - 1] == '.' || t[j - 1] == ',') &&
                 is_digit(c) && (class_of(t, j - 2) & (B_LETTER | B_DIGIT)));
    return (run_index.lead[(c - 0x80) / 32] >> (c % 32) & 1u) &&
           !((c == 0xEB || c == 0xEC) && j > 0 &&
             (unsigned char)t[j - 1] >= 0x80);
}

/* An amount found at j, in the block bl at b: the next search starts in
 * that block without classifying it again. */
static inline bool finder_found(ft_money_finder *f, size_t j, size_t b,
                                block bl)
{
    f->pos = j;
    f->block_from = b;
    f->block_candidates = bl.candidates;
    f->block_letters = bl.letters;
    return true;
}

/* The spaces extract.c steps over after an amount: ASCII spaces and
 * no-break spaces. */
static size_t skip_joint_space(const char *t, size_t len, size_t i)
{
    while (i < len &&
           (ft_ascii_space((unsigned char)t[i]) ||
            ((unsigned char)t[i] == 0xC2 && at(t, len, i + 1) == 0xA0)))
        i += (unsigned char)t[i] == 0xC2 ? 2 : 1;
    return i;
}

bool ft_money_may_join(const char *t, size_t len, size_t end)
{
    unsigned char c = at(t, len, end);
    if (c == '-' || c == '~')
        return true;
    /* the byte after one ASCII space, or c itself (no test: a plain
     * number is followed by a space or not as the text falls); only more
     * space is skipped, from the same run of spaces */
    size_t j = end + ft_ascii_space(c);
    unsigned char n = at(t, len, j);
    if (ft_ascii_space(n) || n == 0xC2)
        n = at(t, len, j = skip_joint_space(t, len, j));
    /* one load refuses most, not tests in turn: which word follows is no
     * pattern */
    static const bool joint_start[128] = {
        ['~'] = true, ['a'] = true, ['A'] = true, ['t'] = true, ['T'] = true};
    if (n < 0x80) {
        if (!joint_start[n] || n == '~')
            return joint_start[n];
        /* "to" and "and" by their letters, in either case ("the", "at"
         * and "a" follow many numbers) */
        return (n | 0x20) == 't' ? (at(t, len, j + 1) | 0x20) == 'o'
                                 : (at(t, len, j + 1) | 0x20) == 'n' &&
                                       (at(t, len, j + 2) | 0x20) == 'd';
    }
    /* the dashes – ∼ (E2), 〜 (E3), ～ (EF), and 에 of 에서; not the
     * Hangul that follows most numbers in Korean text ("2023년", "3명") */
    return n == 0xE2 || n == 0xE3 || n == 0xEF ||
           (n == 0xEC && at(t, len, j + 1) == 0x97 &&
            at(t, len, j + 2) == 0x90);
}

/* Whether what follows an amount ending at end may end an item of a
 * list with its currency left out: the end of the text, ",", ".", ";",
 * ")", or after spaces the first letters of "for", "respectively", "a
 * month", "a year" or "per month" (extract.c's listed_after_money asks
 * the words themselves).  "employees", "units", "percent" may not. */
static bool may_end_list(const char *t, size_t len, size_t end)
{
    size_t j = skip_joint_space(t, len, end);
    if (j >= len)
        return true;
    unsigned char c = fold((unsigned char)t[j]), n = fold(at(t, len, j + 1));
    switch (c) {
    case ',':
    case '.':
    case ';':
    case ')':
        return true;
    case 'f':
        return n == 'o';
    case 'r':
        return n == 'e';
    case 'a':
        return n <= ' ' || n == 0xC2; /* a space after "a" */
    case 'p': {
        unsigned char s = at(t, len, j + 3);
        return n == 'e' && fold(at(t, len, j + 2)) == 'r' &&
               (s <= ' ' || s == 0xC2);
    }
    default:
        return false;
    }
}

/* A plain number that FT_MONEY_PLAIN_JOINED leaves out: no joint may
 * follow it, and no list takes it: it is no whole number with
 * separators ("98,500"; a year is a whole number without them), or no
 * list's end follows it. */
static bool plain_unjoined(const ft_money_finder *f, const ft_money *m)
{
    return !m->has_currency && !m->has_scale &&
           !ft_money_may_join(f->t, f->len, m->end) &&
           (m->integer_only || m->value.scale != 0 ||
            !may_end_list(f->t, f->len, m->end));
}

/* ft_money_find with every plain number the options allow. */
static bool find_next(ft_money_finder *f, unsigned opts, ft_money *m)
{
    const char *t = f->t;
    size_t len = f->len, i = f->pos;
    /* Where the caller left pos inside a word or number, its bytes are
     * asked one by one, as block_at cannot know the word's start. */
    if (i > 0 && in_word(t, len, i - 1)) {
        size_t end = skip_word(t, len, i);
        while (i < end) {
            size_t e;
            if (!(class_of(t, i) & B_BEGIN) || !token_start(t, len, i))
                i++;
            else if ((e = letters_end(t, len, i)) > i &&
                     !opener_fits_long(t, len, i, e - i))
                i = skip_word(t, len, e); /* most words, as below */
            else if (try_candidate(f, i, e, opts, m, &i)) {
                f->pos = i;
                return true;
            }
        }
    }
    /* Then 64 bytes at a time, each candidate in turn, from the block
     * the last search ended in when it holds i. */
    size_t b = i;
    block bl = {f->block_candidates, f->block_letters};
    if ((bl.candidates | bl.letters) && i >= f->block_from &&
        i - f->block_from < 64) {
        b = f->block_from;
        bl.candidates &= ~UINT64_C(0) << (i - b);
    } else {
        bl = b < len ? block_at(t, len, b) : (block){0, 0};
    }
    for (;;) {
        if (!bl.candidates) {
            b += 64;
            if (b >= len)
                break;
            bl = block_at(t, len, b);
            continue;
        }
        unsigned n = (unsigned)__builtin_ctzll(bl.candidates);
        size_t j = b + n;
        if (bl.letters >> n & 1u) {
            /* a word: its length from the letters, then most words are
             * refused by their first letters and length alone.  The bits
             * shifted in stop a run at the block's end, and bit 63 stops
             * one from bit 0 (never 0 for ctz): a run stopped there
             * (n + run >= 63 and the last byte a letter) goes on in the
             * next block. */
            unsigned run = (unsigned)__builtin_ctzll(~(bl.letters >> n) |
                                                     UINT64_C(1) << 63);
            bool fits;
            size_t e;
            if (n + run >= 63 && bl.letters >> 63) {
                e = letters_end(t, len, b + 64);
                fits = opener_fits_long(t, len, j, e - j);
            } else {
                e = j + run;
                fits = opener_fits(t, len, j, run);
            }
            /* then the quick reject and the amount, here and not in
             * try_candidate: a word that opens no amount is skipped with
             * the rest of its word, as one opener_fits refuses.  No bit
             * of the block lies inside a word but a digit after a '.' or
             * ',', which sign_may_be_candidate refuses ("abc.5"). */
            prefix_seen seen;
            if (fits && word_may_open(f, j, e - j, &seen) &&
                read_amount(t, len, j, opts, &seen, m))
                return finder_found(f, j, b, bl);
            bl.candidates &= bl.candidates - 1;
            continue;
        }
        if (!sign_may_be_candidate(t, j)) {
            bl.candidates &= bl.candidates - 1;
            continue;
        }
        bool found;
        if (is_digit((unsigned char)t[j])) {
            /* a number, the most common candidate: try_candidate's
             * answer without its looks at words and signs */
            static const prefix_seen none = {.known = false};
            found = read_amount(t, len, j, opts, &none, m);
            if (!found) {
                i = skip_word(t, len, j + 1);
            } else if ((opts & FT_MONEY_PLAIN_JOINED) && plain_unjoined(f, m) &&
                       !in_word(t, len, m->end)) {
                /* left out: the pass goes on from its end in this block,
                 * as a search from f->pos = m->end would (no word or
                 * number goes on there, which that search would step
                 * over byte by byte) */
                found = false;
                i = m->end;
            }
        } else {
            found = try_candidate(f, j, j, opts, m, &i);
        }
        if (found)
            return finder_found(f, j, b, bl);
        if (i - b >= 64) {
            b = i;
            if (b >= len)
                break;
            bl = block_at(t, len, b);
        } else {
            bl.candidates &= ~UINT64_C(0) << (i - b);
        }
    }
    f->pos = len;
    return false;
}

bool ft_money_find(ft_money_finder *f, unsigned opts, ft_money *m)
{
    while (find_next(f, opts, m)) {
        if (!(opts & FT_MONEY_PLAIN_JOINED) || !plain_unjoined(f, m))
            return true;
        f->pos = m->end; /* past its digits: beyond m->start */
    }
    return false;
}

bool ft_money_tables_ordered(void)
{
    return table_ordered(number_words, COUNT(number_words),
                         sizeof *number_words);
}

/* ------------------------------------------------- ambiguous currencies */

/* A currency word that several states use is settled by the state the
 * text names nearest to it: pesos beside "Philippine" are PHP.  Keyed by
 * the ambiguous entry of the suffix table (cur_match.word); a cue is the
 * start of a word, matched in any case unless it has capitals. */
typedef struct {
    const char *word, *cue, *iso;
} settling;

static const settling settlings[] = {
    {"peso", "philippine", "PHP"},
    {"peso", "filipino", "PHP"},
    {"peso", "manila", "PHP"},
    {"peso", "AFP", "PHP"}, /* the Armed Forces of the Philippines */
    {"peso", "mexic", "MXN"},
    {"peso", "argentin", "ARS"},
    {"peso", "chile", "CLP"},
    {"peso", "colombia", "COP"},
    {"krone", "norw", "NOK"},
    {"krone", "danish", "DKK"},
    {"krone", "denmark", "DKK"},
    {"kroner", "norw", "NOK"},
    {"kroner", "danish", "DKK"},
    {"kroner", "denmark", "DKK"},
    {"rupee", "india", "INR"},
    {"rupee", "pakistan", "PKR"},
    {"rupee", "sri lanka", "LKR"},
    {"rupee", "nepal", "NPR"},
    {"franc", "swiss", "CHF"},
    {"franc", "switzerland", "CHF"},
    {"\xED\x8E\x98\xEC\x86\x8C", "\xED\x95\x84\xEB\xA6\xAC\xED\x95\x80",
     "PHP"}, /* 페소, 필리핀 */
    {"\xED\x8E\x98\xEC\x86\x8C", "\xEB\xA9\x95\xEC\x8B\x9C\xEC\xBD\x94",
     "MXN"}, /* 페소, 멕시코 */
    {"\xED\x81\xAC\xEB\xA1\x9C\xEB\x84\xA4",
     "\xEB\x85\xB8\xEB\xA5\xB4\xEC\x9B\xA8\xEC\x9D\xB4",
     "NOK"}, /* 크로네, 노르웨이 */
    {"\xED\x81\xAC\xEB\xA1\x9C\xEB\x84\xA4",
     "\xEB\x8D\xB4\xEB\xA7\x88\xED\x81\xAC", "DKK"}, /* 크로네, 덴마크 */
    {"\xEB\xA3\xA8\xED\x94\xBC",
     "\xED\x8C\x8C\xED\x82\xA4\xEC\x8A\xA4\xED\x83\x84",
     "PKR"}, /* 루피, 파키스탄 */
    {"\xED\x94\x84\xEB\x9E\x91", "\xEC\x8A\xA4\xEC\x9C\x84\xEC\x8A\xA4",
     "CHF"}, /* 프랑, 스위스 */
};

/* How far from the amount a state's name still settles its currency. */
#define SETTLE_BEFORE 2000
#define SETTLE_AFTER 600

static bool cue_at(const char *t, size_t len, size_t i, const char *cue)
{
    bool exact = false;
    for (const char *c = cue; *c; c++)
        exact |= *c >= 'A' && *c <= 'Z';
    size_t k = 0;
    for (; cue[k]; k++) {
        unsigned char a = at(t, len, i + k), b = (unsigned char)cue[k];
        if (exact ? a != b : fold(a) != b)
            return false;
    }
    return !exact || !is_alpha(at(t, len, i + k));
}

const char *ft_money_settle(const char *t, size_t len, const ft_money *m)
{
    if (!m->ambiguous || !m->word)
        return "";
    /* the cues of this word, once */
    size_t cues[COUNT(settlings)], n = 0;
    for (size_t k = 0; k < COUNT(settlings); k++)
        if (strcmp(settlings[k].word, m->word) == 0)
            cues[n++] = k;
    if (n == 0)
        return "";
    size_t lo = m->start > SETTLE_BEFORE ? m->start - SETTLE_BEFORE : 0;
    size_t hi = m->end + SETTLE_AFTER < len ? m->end + SETTLE_AFTER : len;
    const char *best = "";
    size_t best_dist = SIZE_MAX;
    for (size_t i = lo; i < hi; i++) {
        if (i > 0 && (is_alpha(at(t, len, i - 1)) ||
                      (at(t, len, i) >= 0x80 && at(t, len, i - 1) >= 0x80)))
            continue; /* cues start words */
        if (i >= m->start && i < m->end)
            continue;
        size_t dist = i < m->start ? m->start - i : i - m->end;
        if (dist >= best_dist)
            continue;
        for (size_t c = 0; c < n; c++)
            if (cue_at(t, len, i, settlings[cues[c]].cue)) {
                best = settlings[cues[c]].iso;
                best_dist = dist;
                break;
            }
    }
    return best;
}

/* ------------------------------------------------------ samples for tests */

/* A pattern as text: its optional space and full stop written out. */
static bool put(char *buf, size_t n, size_t *o, const char *s)
{
    size_t l = strlen(s);
    if (*o + l + 1 > n)
        return false;
    memcpy(buf + *o, s, l);
    *o += l;
    buf[*o] = '\0';
    return true;
}

bool ft_money_sample_at(size_t k, char *buf, size_t n, ft_money_sample *s)
{
    /* every sample is five of something: "5 million" where a currency
     * wants a scale */
    ft_decimal five = {.digits = 5};
    size_t o = 0;
    if (n == 0)
        return false;
    buf[0] = '\0';
    if (k < COUNT(prefixes)) {
        const currency *c = &prefixes[k];
        *s = (ft_money_sample){"prefix", c->pat, c->iso, five, SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, 6 + c->pow10))
            return false;
        return put(buf, n, &o, c->pat) &&
               put(buf, n, &o, (c->flags & CUR_GLUED) ? "" : " ") &&
               put(buf, n, &o, "5 million");
    }
    k -= COUNT(prefixes);
    if (k < 2 * COUNT(suffixes)) {
        /* each suffix twice: as written, and with the plural s where it
         * takes one (else once more as written) */
        const currency *c = &suffixes[k / 2];
        *s = (ft_money_sample){"suffix", c->pat, c->iso, five, SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, 6 + c->pow10))
            return false;
        return put(buf, n, &o, "5 million ") && put(buf, n, &o, c->pat) &&
               put(buf, n, &o, (k % 2 && (c->flags & CUR_PLURAL)) ? "s" : "");
    }
    k -= 2 * COUNT(suffixes);
    if (k < 2 * COUNT(iso_codes)) {
        /* each code before and after */
        const iso_code *c = &iso_codes[k / 2];
        *s = (ft_money_sample){"iso", c->code, c->code, five, SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, 6))
            return false;
        return k % 2
                   ? put(buf, n, &o, "5 million ") && put(buf, n, &o, c->code)
                   : put(buf, n, &o, c->code) && put(buf, n, &o, " 5 million");
    }
    k -= 2 * COUNT(iso_codes);
    if (k < COUNT(scales)) {
        const scale_word *w = &scales[k];
        *s = (ft_money_sample){"scale", w->pat, "USD", five, SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, w->pow10))
            return false;
        return put(buf, n, &o, w->glued_only ? "$5" : "$5 ") &&
               put(buf, n, &o, w->pat);
    }
    k -= COUNT(scales);
    if (k < COUNT(korean_units)) {
        *s = (ft_money_sample){"korean", korean_units[k].s, "KRW", five,
                               SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, korean_units[k].pow10))
            return false;
        return put(buf, n, &o, "5") && put(buf, n, &o, korean_units[k].s) &&
               put(buf, n, &o, "\xEC\x9B\x90"); /* 원 */
    }
    k -= COUNT(korean_units);
    if (k < COUNT(number_words)) {
        const number_word *w = &number_words[k];
        *s = (ft_money_sample){
            "number", w->pat, "USD", {.digits = (uint64_t)w->value}, SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, 6))
            return false;
        return put(buf, n, &o, w->pat) && put(buf, n, &o, " million dollars");
    }
    k -= COUNT(number_words);
    if (k < COUNT(settlings)) {
        /* "5 million pesos (philippine)" */
        const settling *w = &settlings[k];
        *s = (ft_money_sample){"settle", w->cue, w->iso, five, SIZE_MAX};
        if (!ft_decimal_mul_pow10(&s->value, 6))
            return false;
        bool ok = put(buf, n, &o, "5 million ") && put(buf, n, &o, w->word);
        s->end = o;
        return ok && put(buf, n, &o, " (") && put(buf, n, &o, w->cue) &&
               put(buf, n, &o, ")");
    }
    return false;
}
