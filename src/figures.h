/* figures.h — the figure row (one money figure found in an article) and
 * its output as figures.csv / TSV / JSONL.
 *
 * Ownership: an ft_figure holds no pointers; offsets refer to the article
 * text it was extracted from.  An ft_figwriter borrows its FILE and never
 * closes it.  Each row is built whole in a buffer and written with one
 * fwrite.
 */
#ifndef FT_FIGURES_H
#define FT_FIGURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "article.h"
#include "number.h"
#include "status.h"
#include "text.h"

typedef enum {
    FT_Q_EQ = 0,
    FT_Q_APPROX,
    FT_Q_GT,
    FT_Q_GE,
    FT_Q_LT,
    FT_Q_LE,
    FT_Q_RANGE
} ft_qualifier;

typedef enum { FT_KIND_LEVEL = 0, FT_KIND_CHANGE } ft_kind;

typedef enum {
    FT_YEAR_NONE = 0,
    FT_YEAR_EXPLICIT,
    FT_YEAR_FISCAL,
    FT_YEAR_RELATIVE
} ft_year_basis;

/* Flags, written ';'-separated in this order. */
enum {
    FT_FLAG_AMBIGUOUS_CURRENCY = 1u << 0, /* "ambiguous_currency" */
    FT_FLAG_CURRENCY_INFERRED =
        1u << 1, /* "currency_inferred": taken from neighbours */
    FT_FLAG_CONVERSION_MISMATCH = 1u << 2, /* "conversion_mismatch" (convert) */
    FT_FLAG_SUBJECT_FROM_STORY =
        1u << 3 /* "subject_from_story": its sentence names none */
};

#define FT_SUBJECT_MAX 128

typedef struct {
    size_t start, end; /* [start,end) byte offsets of the surface */
    ft_decimal amount;
    ft_decimal amount_max;
    bool has_max;
    char currency[8]; /* ISO 4217 code, "" when unknown */
    ft_qualifier qualifier;
    ft_kind kind;
    ft_decimal reported;
    bool has_reported;
    char reported_currency[8];
    int year; /* 0 when none */
    ft_year_basis year_basis;
    int target_year; /* 0 when none; written as flag target_year:YYYY */
    char subject[FT_SUBJECT_MAX]; /* "" when unknown */
    char country[4]; /* ISO 3166-1 alpha-3 of whose money it is, "" unknown */
    unsigned flags;
    size_t sent_start, sent_end; /* the sentence around the figure */
    size_t paired_end; /* end of the paper's conversion after it, or 0 */
} ft_figure;

const char *ft_qualifier_name(ft_qualifier q);
const char *ft_kind_name(ft_kind k);
const char *ft_year_basis_name(ft_year_basis b);

typedef enum { FT_FORMAT_CSV = 0, FT_FORMAT_TSV, FT_FORMAT_JSONL } ft_format;

typedef struct ft_figwriter ft_figwriter;

/* Writer over a borrowed stream.  Free with ft_figwriter_free. */
ft_figwriter *ft_figwriter_new(FILE *out, ft_format format);
void ft_figwriter_free(ft_figwriter *w);
/* For tests: write as a processor without AVX2 would (the sentence cells'
 * 16-byte steps), so that both ways are held to the same bytes here. */
void ft_figwriter_narrow(ft_figwriter *w);

/* The header line (CSV/TSV only; a no-op for JSONL). */
ft_status ft_figwriter_header(ft_figwriter *w, ft_error *err);

/* One row; `mention` is 1-based.  The article supplies doc, published and
 * the text that surface and sentence are cut from. */
ft_status ft_figwriter_row(ft_figwriter *w, const ft_article *a, size_t mention,
                           const ft_figure *f, ft_error *err);

/* The same row appended to `out` instead of written (a row made on one
 * thread and written on another, or many rows written at once): the same
 * checks and statuses but FT_EIO; out is as it was on failure.  The
 * writer's stream is not used: it may be NULL. */
ft_status ft_figwriter_format(ft_figwriter *w, const ft_article *a,
                              size_t mention, const ft_figure *f, ft_buf *out,
                              ft_error *err);

/* Rows made by ft_figwriter_format (any number, whole), written to the
 * writer's stream in one fwrite.  FT_EIO on a write error. */
ft_status ft_figwriter_write(ft_figwriter *w, const char *rows, size_t n,
                             ft_error *err);

/* ---- cells, for callers that keep rows (the run's database) ---------- */

#define FT_FIGURE_NCOLUMNS 22

/* The name of figures.csv column i ("doc", ...), NULL past the last. */
const char *ft_figure_column(size_t i);

/* Whether column i is written as a number (mention, start, end, amount,
 * amount_max, reported_amount, year), never neutralised. */
bool ft_figure_column_numeric(size_t i);

/* One row's cells as text, in column order, before any CSV quoting or
 * neutralising; cells are not NUL-terminated (use len). */
typedef struct {
    const char *cell[FT_FIGURE_NCOLUMNS];
    size_t len[FT_FIGURE_NCOLUMNS];
} ft_figrow;

/* The cells ft_figwriter_row would write for this figure (same checks,
 * same statuses), into *row.  The cells borrow from the article and the
 * writer: valid until the writer's next call. */
ft_status ft_figwriter_cells(ft_figwriter *w, const ft_article *a,
                             size_t mention, const ft_figure *f, ft_figrow *row,
                             ft_error *err);

/* Write cells as one CSV/TSV row (exactly what ft_figwriter_row writes for
 * the figure they came from). */
ft_status ft_figwriter_cells_row(ft_figwriter *w, const ft_figrow *row,
                                 ft_error *err);

#endif
