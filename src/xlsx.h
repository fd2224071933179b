/* xlsx.h — the report as one workbook, report.xlsx (libxlsxwriter).
 *
 * A spreadsheet user should not have to import CSVs to get numbers as
 * numbers and Hangul intact: the workbook's cells are typed.  Sheets:
 *   series    year × series, as series_wide.csv (an empty cell for a
 *             missing year)
 *   summary   as summary.csv
 *   figures   every column of the figures files read, their rows in
 *             order (a column one input lacks is empty in its rows)
 *   charts    a native line chart of each series with two or more years,
 *             drawn from the series sheet (a missing year is a gap)
 * The series and summary sheets hold exactly the cells of the CSVs the
 * report writes (src/series.h), so the two never disagree.
 *
 * Typing: a number cell is a number, everything else a string; text is
 * never a formula (a string cell "=SUM(A1)" stays that text), invalid
 * UTF-8 becomes U+FFFD, and a cell is cut at 32767 bytes (a sheet's
 * limit).  In the figures sheet a column is numeric as figures.h and
 * convert.h say (amount, year, amount_nominal, ...; a cell there that is
 * not a number stays text); other columns are text.  In the series and
 * summary sheets a column whose every cell is a number is numeric.  A
 * spreadsheet keeps 15 significant digits: the CSVs keep every digit.
 *
 * The file is written to a temporary name in DIR and renamed
 * (src/outfile.h).  The same inputs give the same bytes: the workbook's
 * date is the latest publication date of the figures, not the clock.
 *
 * libxlsxwriter writes a warning to stderr when a cell passes a sheet's
 * limits: those limits are checked here first, so that it never does.
 *
 * Ownership: an ft_xlsx_figures owns the bytes it kept until
 * ft_xlsx_figures_free; everything passed in is borrowed.
 */
#ifndef FT_XLSX_H
#define FT_XLSX_H

#include <stdio.h>

#include "series.h"
#include "status.h"

#define FT_XLSX_NAME "report.xlsx"

/* The figures files a report reads, kept for the figures sheet. */
typedef struct ft_xlsx_figures ft_xlsx_figures;

/* NULL when out of memory. */
ft_xlsx_figures *ft_xlsx_figures_new(void);
void ft_xlsx_figures_free(ft_xlsx_figures *f);

/* Read a figures CSV from `in` to its end, add it to `set` exactly as
 * ft_series_read does (same warnings, same statuses), and keep its bytes
 * when that succeeds.  FT_EIO (err names `name`) on a read error,
 * FT_ENOMEM. */
ft_status ft_xlsx_figures_read(ft_xlsx_figures *f, ft_series_set *set, FILE *in,
                               const char *name, ft_series_warn_fn warn,
                               void *warn_ctx, ft_error *err);

/* Write DIR/report.xlsx from a built set and the figures kept (figs may
 * be NULL: an empty figures sheet).  FT_ECANTCREAT when the folder does
 * not take the file or a sheet would pass a spreadsheet's limits
 * (1048576 rows, 16384 columns; the CSVs are still whole), FT_EIO,
 * FT_ENOMEM. */
ft_status ft_xlsx_write(const char *dir, const ft_series_set *set,
                        const ft_xlsx_figures *figs, ft_error *err);

#endif
