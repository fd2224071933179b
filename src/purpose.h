/* purpose.h — what the grammar of a sentence says a figure pays for.
 *
 * News ties an amount to its purpose by a few constructions, and these
 * are read here, in English and Korean, from the words of the figure's
 * sentence: a purpose after the amount ("X for NP", "X to build NP", "X in
 * compensation", "X is earmarked for NP"), the amount as a modifier ("a X
 * plan for NP", "a X cut in NP"), "NP of X", the subject of a linking verb
 * ("NP stands at X", "NP were allotted X", "NP is set to reach X"), "NP:
 * X", a noun phrase right before the amount ("the launches X"), lists read
 * with "respectively", and in Korean the domain noun before the amount in
 * its clause ("병장 월급은 X", "킬 체인에는 X") or after it ("X의 사업비",
 * "X인 주택수당").  A figure the grammar leaves open in a list ("A rose
 * from X in 2006 to Y in 2007") shares its neighbour's purpose.
 *
 * Nothing here allocates but ft_purpose_words_new; text and figures are
 * borrowed.
 */
#ifndef FT_PURPOSE_H
#define FT_PURPOSE_H

#include <stdbool.h>
#include <stddef.h>

#include "figures.h"

typedef enum {
    FT_PURPOSE_NONE = 0, /* no construction names one */
    FT_PURPOSE_FOUND,    /* written to out */
    FT_PURPOSE_AS_BEFORE /* the figure goes on with the list of the one
                            before it and shares its purpose */
} ft_purpose;

/* The purpose of figure i of figs[0,n) (figures in text order, offsets
 * into text[0,len), sentence bounds set) as a short phrase written to
 * out[0,cap) with its NUL: whitespace folded, no leading article, Korean
 * particles and years dropped (out holds "" unless FT_PURPOSE_FOUND). */
ft_purpose ft_purpose_of(const char *text, size_t len, const ft_figure *figs,
                         size_t n, size_t i, char *out, size_t cap);

/* The words of the last sentence read, kept for the next figure of the
 * same article: the figures of a sentence share its words, which are then
 * cut into tokens and looked up once.  One per article and per thread
 * (ft_purpose_of_in writes it); the caller frees it. NULL when out of
 * memory. */
typedef struct ft_purpose_words ft_purpose_words;
ft_purpose_words *ft_purpose_words_new(void);
void ft_purpose_words_free(ft_purpose_words *w);

/* Call fn(words, ctx) with words of its own that live for the call, on the
 * stack: a caller that reads the figures of one article and then forgets
 * the words allocates nothing for them. */
void ft_purpose_with_words(void (*fn)(ft_purpose_words *words, void *ctx),
                           void *ctx);

/* ft_purpose_of, reusing the words `words` kept from the call before when
 * the figure's window of the sentence is the same: the calls that share
 * `words` pass one article (text, len and figs in place, the figures'
 * offsets unchanged). */
ft_purpose ft_purpose_of_in(ft_purpose_words *words, const char *text,
                            size_t len, const ft_figure *figs, size_t n,
                            size_t i, char *out, size_t cap);

/* The Korean word w[0,n) without its particle (병장 월급은 -> 월급): its
 * length. */
size_t ft_purpose_korean_stem(const char *w, size_t n);

/* Does the Korean word w[0,n) (particle and all) name what money is for
 * (a domain noun: 예산, 기금, 분담금, 병장, 자주포, ...), not who pays it
 * (국방부, 정부) and not a verb form? */
bool ft_purpose_korean_names(const char *w, size_t n);

/* Does the Korean word whose stem (ft_purpose_korean_stem) is w[0,m)
 * name what money is for (ft_purpose_korean_names) and say more than a
 * word too general to name a purpose alone (예산, 사업비, 계획)?  For a
 * caller that has the stem: the particle is not looked for again. */
bool ft_purpose_korean_stem_names(const char *w, size_t m);

/* Every word of every table is found by the look-up that reads it (for the
 * tests); on failure *bad names the first word that is not. */
bool ft_purpose_tables_ok(const char **bad);

#endif
