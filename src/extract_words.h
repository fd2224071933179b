/* extract_words.h — the phrase lists that extract.c reads just before an
 * amount: qualifiers ("about", "more than") and words of change ("up",
 * "cut by"); the abbreviations its sentences read past; and the shape of
 * their ender index.
 *
 * Included by extract.c, which matches with the lists, and by
 * scripts/gen_extract_index.c, which derives the ender index of each list
 * (build/gen/extract_index.h) from them at build time: the index is never
 * kept by hand beside them.  Each list is defined here, static, because
 * only those two programs (and the unit test) read it.
 */
#ifndef FT_EXTRACT_WORDS_H
#define FT_EXTRACT_WORDS_H

#include <stdint.h>

#include "text.h"

/* Before the amount; longest first where one ends another.  One list,
 * read as the phrases (for ft_phrase_before_any) and their qualifiers. */
#define BEFORE_QUALIFIERS(Q)                                                   \
    Q("approximately", FT_Q_APPROX)                                            \
    Q("an estimated", FT_Q_APPROX)                                             \
    Q("estimated", FT_Q_APPROX)                                                \
    Q("roughly", FT_Q_APPROX)                                                  \
    Q("around", FT_Q_APPROX)                                                   \
    Q("about", FT_Q_APPROX)                                                    \
    Q("approx.", FT_Q_APPROX)                                                  \
    Q("nearly", FT_Q_APPROX)                                                   \
    Q("almost", FT_Q_APPROX)                                                   \
    Q("close to", FT_Q_APPROX)                                                 \
    Q("circa", FT_Q_APPROX)                                                    \
    Q("some", FT_Q_APPROX)                                                     \
    Q("just over", FT_Q_GT)                                                    \
    Q("no more than", FT_Q_LE)                                                 \
    Q("more than", FT_Q_GT)                                                    \
    Q("greater than", FT_Q_GT)                                                 \
    Q("in excess of", FT_Q_GT)                                                 \
    Q("upwards of", FT_Q_GT)                                                   \
    Q("exceeding", FT_Q_GT)                                                    \
    Q("over", FT_Q_GT)                                                         \
    Q("exceeded", FT_Q_GT)                                                     \
    Q("exceeds", FT_Q_GT)                                                      \
    Q("exceed", FT_Q_GT)                                                       \
    Q("topped", FT_Q_GT)                                                       \
    Q("tops", FT_Q_GT)                                                         \
    Q("top", FT_Q_GT)                                                          \
    Q("surpassed", FT_Q_GT)                                                    \
    Q("surpass", FT_Q_GT)                                                      \
    Q("crossed", FT_Q_GT)                                                      \
    Q("broke through", FT_Q_GT)                                                \
    Q("above", FT_Q_GT)                                                        \
    Q("at least", FT_Q_GE)                                                     \
    Q("no less than", FT_Q_GE)                                                 \
    Q("a minimum of", FT_Q_GE)                                                 \
    Q("just under", FT_Q_LT)                                                   \
    Q("less than", FT_Q_LT)                                                    \
    Q("under", FT_Q_LT)                                                        \
    Q("below", FT_Q_LT)                                                        \
    Q("up to", FT_Q_LE)                                                        \
    Q("at most", FT_Q_LE)                                                      \
    Q("as much as", FT_Q_LE)                                                   \
    Q("a maximum of", FT_Q_LE)

/* The phrases of BEFORE_QUALIFIERS, in its order. */
#define AS_PHRASE(phrase, q) FT_LIT(phrase),
static const ft_lit before_q_phrase[] = {BEFORE_QUALIFIERS(AS_PHRASE)};

/* An amount that is a change, not a level: "up 1.2 trillion won", "cut by
 * X", "an additional X", "X more than", "X increase", 증액, 줄었다. */
static const ft_lit change_words_before[] = {
    FT_LIT("up"),
    FT_LIT("down"),
    FT_LIT("by"),
    FT_LIT("an additional"),
    FT_LIT("additional"),
    FT_LIT("extra"),
    FT_LIT("another"),
    FT_LIT("increase of"),
    FT_LIT("a rise of"),
    FT_LIT("a cut of"),
    FT_LIT("a reduction of"),
    FT_LIT("an increase of"),
    FT_LIT("a decrease of"),
    FT_LIT("a drop of"),
    FT_LIT("rose"),
    FT_LIT("rise"),
    FT_LIT("fell"),
    FT_LIT("dropped"),
    FT_LIT("declined"),
    FT_LIT("grew"),
    FT_LIT("increased"),
    FT_LIT("decreased"),
    FT_LIT("cut"),
    FT_LIT("trimmed"),
    FT_LIT("slashed"),
    FT_LIT("raised"),
    FT_LIT("boosted"),
    FT_LIT("jumped"),
    FT_LIT("added"),
    FT_LIT("gained"),
    FT_LIT("climbed"),
    FT_LIT("surged"),
    FT_LIT("reduced"),
    FT_LIT("shrank"),
};

/* Words after an amount that make it a change: "X more than", "X
 * increase". */
static const char *const change_words_after[] = {
    "more than", "less than", "higher than", "lower than", "increase",
    "rise",      "hike",      "cut",         "reduction",  "jump",
    "boost",     "decrease",  "drop",        "increment",  "more",
};

/* What follows a rate's amount: a lead word, then one of its tails ("per"
 * + " u.s. dollar").  The lead is matched first, as a whole word, so that
 * the many words that merely start like one ("percent", "total",
 * "forecast") cost one comparison, not one per phrase. */
static const char *const per_tails[] = {
    " dollar",  " u.s. dollar", " us dollar", " euro", " yen",
    " 100 yen", " yuan",        " greenback", " won",
};
static const char *const to_tails[] = {
    " the dollar", " the u.s. dollar", " the euro",
    " the yuan",   " one dollar",      " the won",
};
static const char *const against_tails[] = {
    " the dollar", " the u.s. dollar", " the euro", " the yen",
    " the yuan",   " the greenback",   " the won",
};
static const char *const the_dollar_tail[] = {" the dollar"};
static const char *const dollar_tail[] = {" dollar"};
static const char *const for_tails[] = {" one dollar", " each dollar"};

#define RATE_LEAD(lead, tails)                                                 \
    {                                                                          \
        lead, tails, sizeof tails / sizeof *tails                              \
    }
typedef struct {
    const char *lead;
    const char *const *tails;
    size_t n;
} rate_lead;

static const rate_lead rate_after[] = {
    RATE_LEAD("per", per_tails),         RATE_LEAD("to", to_tails),
    RATE_LEAD("against", against_tails), RATE_LEAD("versus", the_dollar_tail),
    RATE_LEAD("vs", the_dollar_tail),    RATE_LEAD("a", dollar_tail),
    RATE_LEAD("for", for_tails),
};

/* Korean words of the conversion leads */
#define K_HANHWA "\xED\x95\x9C\xED\x99\x94" /* 한화 (in won) */
#define K_WONHWA "\xEC\x9B\x90\xED\x99\x94" /* 원화 (the won) */
/* 우리 돈으로 (in our money) */
#define K_URI_DON                                                              \
    "\xEC\x9A\xB0\xEB\xA6\xAC \xEB\x8F\x88\xEC\x9C\xBC\xEB\xA1\x9C"

/* Inside a parenthesis after a figure a qualifier may lead its
 * conversion; after a comma only words that announce a conversion do
 * ("$5 million, nearly 3 billion won" is a list). */
static const char *const paren_lead[] = {
    "about",
    "approximately",
    "approx.",
    "around",
    "roughly",
    "some",
    "nearly",
    "almost",
    "or about",
    "or roughly",
    "or around",
    "or",
    "us",
    "equivalent to",
    "the equivalent of",
    "equal to",
    "~",
    K_HANHWA,
    K_WONHWA,
    K_URI_DON,
};

static const char *const comma_lead[] = {
    "or about", "or roughly", "or around", "or some", "or nearly", "or",
    "or the equivalent of", "the equivalent of", "equivalent to",
    "which translates to", "which translates into", "which is about",
    "which is roughly", "which is", "translating to", "equal to",
    "roughly equal to", "worth about", "worth",
    /* a Korean paper's own conversion: "in our money", "in won" */
    K_URI_DON, K_URI_DON "\xEB\x8A\x94", /* 우리 돈으로는 */
    K_HANHWA, K_HANHWA "\xEB\xA1\x9C",   /* 한화로 */
    K_WONHWA "\xEB\xA1\x9C",             /* 원화로 */
};

/* Nouns an amount may modify before its conversion: "the A$7 billion
 * mark ($4.7 billion)". */
static const char *const held_nouns[] = {
    "mark", "threshold", "level", "ceiling", "cap", "barrier", "line",
};

/* Words that a full stop ends without ending the sentence ("Mr.",
 * "Jan.", "U.S."), in lower case. */
static const ft_lit abbreviations[] = {
    FT_LIT("mr"),   FT_LIT("mrs"),  FT_LIT("ms"),     FT_LIT("dr"),
    FT_LIT("gen"),  FT_LIT("col"),  FT_LIT("lt"),     FT_LIT("sgt"),
    FT_LIT("maj"),  FT_LIT("capt"), FT_LIT("adm"),    FT_LIT("no"),
    FT_LIT("jan"),  FT_LIT("feb"),  FT_LIT("mar"),    FT_LIT("apr"),
    FT_LIT("jun"),  FT_LIT("jul"),  FT_LIT("aug"),    FT_LIT("sep"),
    FT_LIT("sept"), FT_LIT("oct"),  FT_LIT("nov"),    FT_LIT("dec"),
    FT_LIT("corp"), FT_LIT("inc"),  FT_LIT("co"),     FT_LIT("ltd"),
    FT_LIT("st"),   FT_LIT("vs"),   FT_LIT("approx"), FT_LIT("est"),
    FT_LIT("rep"),  FT_LIT("sen"),  FT_LIT("gov"),    FT_LIT("jr"),
    FT_LIT("sr"),   FT_LIT("prof"), FT_LIT("fig"),    FT_LIT("e.g"),
    FT_LIT("i.e"),  FT_LIT("u.s"),  FT_LIT("u.k"),    FT_LIT("u.n"),
    FT_LIT("dept"),
};

/* Most positions have no phrase of a list ending there, and the two bytes
 * before them say so: bit k of last[b] is set when entry k ends in byte b
 * (as ft_phrase_before_any compares it, the text's byte folded), of
 * before_last[b] when entry k's byte before its last is b, or may be any
 * byte (a space, which matches a run of them, or an entry of one byte).
 * A list has at most 64 entries. */
typedef struct {
    uint64_t last[256], before_last[256];
    /* bit k of word_before[b] when entry k's last word follows a space
     * after byte b (" of" after "excess"), or any byte when it has one
     * word: asked of the text's byte before the spaces before its last
     * word, 0 when none, only when the two bytes leave entries */
    uint64_t word_before[256];
} ender_index;

/* The same for the lists read forward from a position (as ft_phrase_at_any
 * reads them): bit k of first[b] when entry k starts with byte b (any byte
 * for a space), of second[b] when its second byte is b (any byte for a
 * space, an entry of one byte or one that starts with a space); b is the
 * text's byte folded, 0 past the end. */
typedef struct {
    uint64_t first[256], second[256];
} starter_index;

#endif
