/* extract.h — one article in, its money figures out.
 *
 * Ownership: ft_extract fills a caller-owned ft_figlist; the list owns its
 * array (free with ft_figlist_free) and borrows nothing from the text.
 */
#ifndef FT_EXTRACT_H
#define FT_EXTRACT_H

#include <stddef.h>

#include "figures.h"
#include "status.h"

typedef struct {
    ft_figure *items;
    size_t len, cap;
} ft_figlist;

void ft_figlist_init(ft_figlist *l);
void ft_figlist_free(ft_figlist *l);

/* What extract knows of the article beyond its text. */
typedef struct ft_subjects ft_subjects;
typedef struct ft_countries ft_countries;
typedef struct {
    const char *published;         /* YYYY-MM-DD, or NULL / "" when unknown */
    const ft_subjects *subjects;   /* alias table (subject.h), or NULL */
    const ft_countries *countries; /* states (country.h), or NULL: none */
    size_t max_figures;            /* per article; 0: FT_EXTRACT_FIGURES_MAX */
} ft_extract_opts;

/* The most figures an article may give: a table or generated text, not
 * news, gives more, and each figure is held (a few hundred bytes) until
 * its article is written.  The cap keeps an article's memory some tens
 * of MB whatever its bytes: 4 MB of "$1 " held 380 MB without it. */
#define FT_EXTRACT_FIGURES_MAX 100000

/* Find every money figure in text[0..len) (UTF-8; invalid bytes are treated
 * as separators), with its year, subject and country.  Appends to out in text
 * order.  opts may be NULL.  Fails with FT_ENOMEM, or FT_ETOOBIG (appending
 * nothing) when the article gives more figures than opts->max_figures. */
ft_status ft_extract(const char *text, size_t len, const ft_extract_opts *opts,
                     ft_figlist *out, ft_error *err);

/* ft_extract in its stages, for a caller that holds many articles: each
 * stage's code and tables are some tens of kB, more than the processor's
 * first caches hold together, so running one stage over a batch of
 * articles before the next (pipeline.c) keeps them warm; on the demo
 * articles a stage a time over 64 kB of text missed the instruction cache
 * a fifth as often and guessed a quarter fewer branches wrong (cachegrind).
 * The stages of one article run in this order, each on out's figures from
 * `first` on (out->len when AMOUNTS began), and give what ft_extract gives;
 * after a stage fails, the article is done (its later stages are not run). */
typedef enum {
    FT_STAGE_AMOUNTS,  /* find the figures: FT_ENOMEM, FT_ETOOBIG */
    FT_STAGE_YEARS,    /* their years */
    FT_STAGE_SUBJECTS, /* what each pays for */
    FT_STAGE_COUNTRIES /* whose: FT_ENOMEM */
} ft_stage;
#define FT_STAGES 4

ft_status ft_extract_stage(ft_stage stage, const char *text, size_t len,
                           const ft_extract_opts *opts, ft_figlist *out,
                           size_t first, ft_error *err);

#endif
