/* money.h — reading one money amount at a position in UTF-8 text.
 *
 * ft_money_scan looks at text[pos..] and, when a money amount starts there,
 * says where it ends, its exact value and its currency: "439.7 billion won",
 * "US$84.9 million", "KRW38.71 trillion", "1조 2천억 원", "one-point-74
 * trillion won", "a 2.4 trillion-won".  It reads only a bounded stretch after
 * pos and allocates nothing.  Deciding what the amount means in its sentence
 * (a range, a conversion, an exchange rate) is extract.c's job.
 */
#ifndef FT_MONEY_H
#define FT_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "number.h"

typedef struct {
    size_t start, end;    /* [start,end) of the amount's text */
    ft_decimal value;     /* in units of currency (cents already divided) */
    const char *currency; /* ISO code; "" when none written (never NULL) */
    bool has_currency;    /* a currency was written */
    bool ambiguous;       /* the currency word names several currencies */
    bool has_scale;       /* a scale word or a Korean unit was written */
    bool prefix_currency; /* the currency stood before the number */
    bool integer_only;    /* digits with no separator, decimal or scale */
    bool year_like;       /* integer_only and between 1800 and 2199 */
    bool korean_more;     /* 여 between number and currency: "3조여원" */
    int scale_pow10;      /* the power of ten of the last scale word, or 0 */
    const char *word;     /* the currency's lexicon entry ("peso"), or NULL */
} ft_money;

enum {
    /* Also accept a number with neither currency nor scale ("400" in
     * "$300-400"): the caller knows the context makes it money. */
    FT_MONEY_ALLOW_PLAIN = 1u << 0,
    /* Also accept a number with a scale but no currency ("15 billion"):
     * the caller will take the currency from neighbouring figures. */
    FT_MONEY_ALLOW_BARE = 1u << 1,
    /* With FT_MONEY_ALLOW_PLAIN, for ft_money_find: leave out a plain
     * number that neither a range joint may follow (ft_money_may_join)
     * nor a list may take (only a whole number with separators, "98,500",
     * before punctuation or "for", "respectively", "a month", "a year",
     * "per month", may stand in a list with its currency left out):
     * extract.c drops them, and most numbers in prose ("in 2023,", "8.7
     * percent", "24,623 employees") are such. */
    FT_MONEY_PLAIN_JOINED = 1u << 2
};

/* Whether a range joint may follow an amount ending at end: the byte
 * that one starts with ("-", "~", a dash, 에서), or after spaces "to"
 * or "and" by their letters (extract.c's sign_joint and word_joint
 * find none where this is false).  Most plain numbers are refused
 * here. */
bool ft_money_may_join(const char *text, size_t len, size_t end);

/* True when an amount starts exactly at pos; fills *m.  The caller should
 * only ask at the start of a token. */
bool ft_money_scan(const char *text, size_t len, size_t pos, unsigned opts,
                   ft_money *m);

/* Walking a whole text for amounts, in order: the pass of extract.c.  It
 * asks ft_money_scan only at the start of a token (not inside an ASCII
 * word or number, nor at a Hangul unit inside a word), skips the rest of
 * a word or number that opens nothing, and rejects most words before any
 * look-up: the text is classified 64 bytes at a time, a word's length is
 * one count of its letters, its first three letters and length refuse
 * most words, and where the next digit lies is searched once for the
 * whole text, not once per word.  Borrows the text;
 * a plain value on the caller's stack, no allocation. */
typedef struct {
    const char *t;
    size_t len;
    size_t pos;           /* where the next search starts; the caller moves it
                             past what it took */
    size_t no_digit_from; /* no digit in [no_digit_from, digit_at) ... */
    size_t digit_at;      /* ... and a digit here, or the end of the text */
    /* the 64 bytes the last search ended in, as money.c classified them
     * (valid when block_letters or block_candidates is not 0): the next
     * search starts there without classifying them again */
    size_t block_from;
    uint64_t block_candidates, block_letters;
} ft_money_finder;

void ft_money_finder_init(ft_money_finder *f, const char *text, size_t len);

/* The next amount at or after f->pos, as ft_money_scan(text, len, start,
 * opts) reads it: true and *m filled (f->pos = m->start), or false at the
 * end of the text.  The caller then sets f->pos beyond m->start.  An
 * amount that FT_MONEY_PLAIN_JOINED leaves out is passed as if the caller
 * had set f->pos = m->end after it. */
bool ft_money_find(ft_money_finder *f, unsigned opts, ft_money *m);

/* For an ambiguous currency word (pesos, kroner, rupees, francs): the ISO
 * code that the state named nearest to it in text settles ("50 billion
 * pesos" beside "the Philippines" is PHP), else "".  Reads a bounded
 * stretch around m. */
const char *ft_money_settle(const char *text, size_t len, const ft_money *m);

/* True when a byte is part of a word (ASCII letter or digit): token starts
 * are where this changes.  Inline: it is asked of nearly every byte. */
static inline bool ft_money_is_word_byte(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 ||
           (unsigned char)(c - '0') < 10;
}

/* The number words are in the key order their look-up relies on (for
 * the tests). */
bool ft_money_tables_ordered(void);

/* For the tests: entry k of the lexicon (every currency written before or
 * after the number, ISO code, scale word, Korean unit and number word), in
 * table order, written into buf as a sample amount ("5 million won",
 * "KRW 5 million", "$5 billion", "5억 원"), with what ft_money_scan must
 * read there.  Returns false past the last entry (or when buf is too
 * small, which 64 bytes never are). */
typedef struct {
    const char *table;    /* "prefix", "suffix", "iso", "scale", ... */
    const char *entry;    /* the entry's pattern */
    const char *currency; /* the ISO code to read (an ambiguous word settled
                             by ft_money_settle); "" when ambiguous */
    ft_decimal value;
    size_t end; /* where the amount ends; SIZE_MAX: the whole sample */
} ft_money_sample;

bool ft_money_sample_at(size_t k, char *buf, size_t n, ft_money_sample *s);

#endif
