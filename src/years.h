/* years.h — the year each figure's money belongs to.
 *
 * From the clause that governs the amount ("in 2007", "for 2025", "the
 * 2019 defense budget", "fiscal 2026", "FY2025", "2024년도"), else the
 * sentence, else a back-reference within the paragraph; relative years
 * ("last year", 올해) against the publication year.  Comparison bases,
 * completion, delivery, signing and launch dates, founding years and
 * multi-year spans do not date an amount; a completion target becomes the
 * figure's target_year.
 *
 * Bounded work: for each figure, years reads no byte before
 * start - FT_YEARS_LOOK_BEFORE nor after end + FT_YEARS_LOOK_AFTER, so
 * the work is linear in the text whatever its shape (one endless
 * sentence, or thousands of sentences ended by 。).
 */
#ifndef FT_YEARS_H
#define FT_YEARS_H

#include <stddef.h>

#include "figures.h"

#define FT_YEARS_LOOK_BEFORE 4096
#define FT_YEARS_LOOK_AFTER 4096

/* Fill year, year_basis and target_year of each figure of one article
 * (figures in text order, with their sentences set as extract's splitter
 * sets them: a sentence ends at a full stop that lost its space,
 * "corporals.Starting", and years does not look for one inside it).
 * published_year is 0 when unknown.  text is borrowed. */
void ft_years_assign(const char *text, size_t len, int published_year,
                     ft_figure *figs, size_t n);

/* The year-phrase tables, read-only, so that a test can walk every entry
 * through the rules that read it: how many tables there are, and of table
 * t its name, its number of entries and entry k (a phrase as matched). */
size_t ft_years_tables(void);
const char *ft_years_table_name(size_t t);
size_t ft_years_table_len(size_t t);
const char *ft_years_table_entry(size_t t, size_t k);

#endif
