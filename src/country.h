/* country.h — whose money a figure is: the state (ISO 3166-1 alpha-3)
 * whose budget, fund, programme, payment, purchase or price it is.
 *
 * The words that name a state live in one table (datasets/countries.csv,
 * one row per state; a user may add files of the same columns):
 *
 *   iso3,name,aliases,adjectives,korean,currency,organisations,source
 *
 * `name` is the English name reports print ("South Korea"); `aliases`
 * other English names and capitals ("Republic of Korea;Seoul"),
 * `adjectives` demonyms ("South Korean;Korean"), `korean` Korean names
 * (한국;대한민국), all `;`-separated; `currency` the ISO 4217 code of a
 * currency that belongs to that state alone (KRW), else empty;
 * `organisations` companies and institutions whose money is that state's
 * (Hanwha, the Bundeswehr, 방위사업청).  English words match case
 * exactly at word boundaries; Korean ones anywhere (a particle follows
 * the name without a space).
 *
 * Ownership: an ft_countries owns its strings (ft_countries_free); the
 * names and codes it returns are borrowed from it.  Nothing here prints
 * or exits.
 */
#ifndef FT_COUNTRY_H
#define FT_COUNTRY_H

#include <stdbool.h>
#include <stddef.h>

#include "figures.h"
#include "status.h"

typedef struct ft_countries ft_countries;

/* How a word names its state; also the table's column it came from. */
typedef enum {
    FT_COUNTRY_NAME = 0,  /* "Japan", "Tokyo", the English name */
    FT_COUNTRY_ADJECTIVE, /* "Japanese" */
    FT_COUNTRY_KOREAN,    /* "일본" */
    FT_COUNTRY_ORG        /* "Mitsubishi Heavy Industries" */
} ft_country_word;

/* An empty table; NULL when out of memory. */
ft_countries *ft_countries_new(void);
void ft_countries_free(ft_countries *c);

/* Add the rows of a countries CSV (a header row naming the columns; iso3
 * required, the others optional, in any order).  A state given again
 * keeps its earlier words and takes the new name and currency when they
 * are not empty.  FT_ENOINPUT when the file cannot be opened, FT_ECONFIG
 * with file and line for a malformed table (iso3 not three capital
 * letters, a currency not three capital letters, a row with more or
 * fewer cells than the header), FT_EIO, FT_ENOMEM. */
ft_status ft_countries_load(ft_countries *c, const char *path, ft_error *err);

/* Add or update one state (name and currency may be NULL or "": kept). */
ft_status ft_countries_add(ft_countries *c, const char *iso3, const char *name,
                           const char *currency);

/* Add one word for a state already added.  FT_EUSAGE when iso3 is
 * unknown or the word empty, FT_ENOMEM. */
ft_status ft_countries_add_word(ft_countries *c, const char *iso3,
                                ft_country_word kind, const char *word);

/* The English name of a state, or NULL when the table does not know it. */
const char *ft_countries_name(const ft_countries *c, const char *iso3);

/* The state a one-state currency belongs to (KRW -> KOR), or NULL. */
const char *ft_countries_of_currency(const ft_countries *c, const char *cur);

/* The longest word of the table at text[at..len), at a word boundary:
 * its length (0 when none), with its state and kind through the
 * pointers (either may be NULL). */
size_t ft_countries_match(const ft_countries *c, const char *text, size_t len,
                          size_t at, const char **iso3, ft_country_word *kind);

/* The words of the table, for tests that walk every entry. */
size_t ft_countries_nwords(const ft_countries *c);
const char *ft_countries_word(const ft_countries *c, size_t i,
                              const char **iso3, ft_country_word *kind);

/* Whether every cue word of the rules ("contract", "troops", "분담금",
 * ...) is in the cue table once and is found by the look-up that reads
 * it in text, with its own cues (for the tests: the look-ups are derived
 * from that one table). */
bool ft_countries_cues_found(const ft_countries *c);

/* Whether each way this build has to classify the text 64 bytes at a
 * time for the scan (SSE2; AVX2, where the processor has it) finds the
 * letters and the word starts that a byte at a time finds, at every
 * place of t[0..n) (for the tests). */
bool ft_countries_blocks_agree(const char *t, size_t n);

/* Fill `country` of each figure of one article (figures in text order,
 * offsets and sentences into text; years and subjects already set).
 * `c` NULL leaves every country empty.  FT_ENOMEM only (every country
 * is then left empty). */
ft_status ft_countries_assign(const ft_countries *c, const char *text,
                              size_t len, ft_figure *figs, size_t n);

#endif
