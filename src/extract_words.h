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
    Q("no more than", FT_Q_LE)                                                 \
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
} ender_index;

#endif
