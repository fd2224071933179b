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
} ft_extract_opts;

/* Find every money figure in text[0..len) (UTF-8; invalid bytes are treated
 * as separators), with its year, subject and country.  Appends to out in text
 * order.  opts may be NULL.  FT_ENOMEM is the only failure. */
ft_status ft_extract(const char *text, size_t len, const ft_extract_opts *opts,
                     ft_figlist *out, ft_error *err);

#endif
