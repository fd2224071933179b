/* years.h — the year each figure's money belongs to.
 *
 * From the clause that governs the amount ("in 2007", "for 2025", "the
 * 2019 defense budget", "fiscal 2026", "FY2025", "2024년도"), else the
 * sentence, else a back-reference within the paragraph; relative years
 * ("last year", 올해) against the publication year.  Comparison bases,
 * completion and launch dates, founding years and multi-year spans do not
 * date an amount; a completion target becomes the figure's target_year.
 */
#ifndef FT_YEARS_H
#define FT_YEARS_H

#include <stddef.h>

#include "figures.h"

/* Fill year, year_basis and target_year of each figure of one article
 * (figures in text order).  published_year is 0 when unknown. */
void ft_years_assign(const char *text, size_t len, int published_year,
                     ft_figure *figs, size_t n);

#endif
