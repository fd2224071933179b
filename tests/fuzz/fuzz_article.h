/* fuzz_article.h — what the harnesses that run whole articles through
 * extract share (fuzz_extract, fuzz_jsonl, fuzz_articlecsv, fuzz_subjects):
 * the shipped subjects and countries tables, a temporary file for the
 * readers that take a path, and the check of one article's figures and
 * the CSV a user gets for them.
 *
 * Header-only like fuzz_check.h, for the same reason: each harness is one
 * file linked against build-fuzz/libfigtrend.a.
 */
#ifndef FT_FUZZ_ARTICLE_H
#define FT_FUZZ_ARTICLE_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "country.h"
#include "extract.h"
#include "figures.h"
#include "fuzz_check.h"
#include "pipeline.h"
#include "subject.h"

/* The shipped tables, loaded once (run from the repository's top, as make
 * fuzz does), so that subjects and countries are fuzzed too. */
static ft_subjects *fuzz_subjects;
static ft_countries *fuzz_countries;

static inline void fuzz_tables_load(const char *who)
{
    ft_error err;
    fuzz_subjects = ft_subjects_new();
    fuzz_countries = ft_countries_new();
    FUZZ_CHECK(fuzz_subjects && fuzz_countries);
    if (ft_subjects_load(fuzz_subjects, "datasets/subjects.csv", &err) !=
            FT_OK ||
        ft_countries_load(fuzz_countries, "datasets/countries.csv", &err) !=
            FT_OK) {
        fprintf(stderr, "%s: %s (run from the repository top)\n", who,
                err.message);
        exit(1);
    }
}

/* ---- a temporary file, for the readers that only take a path ---------
 *
 * One per process, in a folder made once under $TMPDIR (else /tmp) and
 * rewritten for every input; both removed at exit.  `name` keeps the
 * kind for a reader that judges by name ("input.jsonl"). */
static char fuzz_tmp_dir[4096];
static char fuzz_tmp_path[4200];

static inline void fuzz_tmp_remove(void)
{
    unlink(fuzz_tmp_path);
    rmdir(fuzz_tmp_dir);
}

static inline void fuzz_tmp_make(const char *name)
{
    const char *dir = getenv("TMPDIR");
    int n = snprintf(fuzz_tmp_dir, sizeof fuzz_tmp_dir, "%s/fuzzXXXXXX",
                     dir && *dir ? dir : "/tmp");
    FUZZ_CHECK(n > 0 && (size_t)n < sizeof fuzz_tmp_dir);
    FUZZ_CHECK(mkdtemp(fuzz_tmp_dir) != NULL);
    snprintf(fuzz_tmp_path, sizeof fuzz_tmp_path, "%s/%s", fuzz_tmp_dir,
             name);
    atexit(fuzz_tmp_remove);
}

/* The input's bytes as the temporary file's contents; its path. */
static inline const char *fuzz_tmp_write(const uint8_t *data, size_t size)
{
    FILE *f = fopen(fuzz_tmp_path, "wb");
    FUZZ_CHECK(f);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    return fuzz_tmp_path;
}

/* ---- one article's figures ------------------------------------------ */

/* The surface cell is the figure's bytes; a writer may replace control
 * bytes and invalid UTF-8, so the exact check is on printable ASCII. */
static inline void fuzz_check_surface(const char *text, const ft_figure *f,
                                      const ft_figrow *row)
{
    size_t n = f->end - f->start;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[f->start + i];
        if (c < 0x20 || c > 0x7e)
            return;
    }
    FUZZ_CHECK(row->len[5] == n &&
               memcmp(row->cell[5], text + f->start, n) == 0);
}

/* The article as a reader hands it over, and its figures l as extract
 * found them: every figure lies inside the text (and inside its
 * sentence), its amounts are finite with amount_max >= amount, and the
 * CSV written for them parses with the header's column count, one record
 * per figure, the surface cell those bytes. */
static inline void fuzz_check_article(const ft_article *a,
                                      const ft_figlist *l)
{
    size_t size = a->len;
    FUZZ_CHECK(a->text && a->text[size] == '\0');
    for (size_t i = 0; i < l->len; i++) {
        const ft_figure *f = &l->items[i];
        FUZZ_CHECK(f->start < f->end && f->end <= size);
        FUZZ_CHECK(f->sent_start <= f->start && f->end <= f->sent_end &&
                   f->sent_end <= size);
        double v = ft_decimal_to_double(f->amount);
        FUZZ_CHECK(isfinite(v)); /* negative for a loss: "-26 billion won" */
        if (f->has_max) {
            double m = ft_decimal_to_double(f->amount_max);
            FUZZ_CHECK(isfinite(m) && m >= v);
        }
        if (f->has_reported)
            FUZZ_CHECK(isfinite(ft_decimal_to_double(f->reported)));
        FUZZ_CHECK(memchr(f->subject, '\0', sizeof f->subject) != NULL);
    }

    /* The CSV a user gets. */
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    FUZZ_CHECK(out);
    ft_figwriter *w = ft_figwriter_new(out, FT_FORMAT_CSV);
    FUZZ_CHECK(w);
    FUZZ_CHECK(strcmp(ft_figure_column(5), "surface") == 0);
    ft_error err;
    ft_status st = ft_figwriter_header(w, &err);
    for (size_t i = 0; st == FT_OK && i < l->len; i++) {
        ft_figrow row;
        st = ft_figwriter_cells(w, a, i + 1, &l->items[i], &row, &err);
        if (st == FT_OK)
            fuzz_check_surface(a->text, &l->items[i], &row);
        if (st == FT_OK)
            st = ft_figwriter_row(w, a, i + 1, &l->items[i], &err);
    }
    ft_figwriter_free(w);
    FUZZ_CHECK(fclose(out) == 0);
    if (st == FT_OK)
        FUZZ_CHECK(fuzz_check_csv(buf, n, ',') == l->len + 1);
    free(buf);
}

/* text[0..len) (NUL-terminated) through extract as a plain text article
 * published 2024-05-01, with the alias table `subjects` and the shipped
 * countries, and checked; its figures stay in *l (the caller's to free)
 * for a harness's own checks, none when extract failed. */
static inline void fuzz_extract_checked(const char *text, size_t len,
                                        const ft_subjects *subjects,
                                        ft_figlist *l)
{
    ft_extract_opts opts = {.published = "2024-05-01",
                            .subjects = subjects,
                            .countries = fuzz_countries};
    ft_figlist_init(l);
    ft_error err;
    if (ft_extract(text, len, &opts, l, &err) != FT_OK) {
        ft_figlist_free(l);
        ft_figlist_init(l);
        return;
    }
    ft_article a = {.id = "fuzz.txt", .published = "2024-05-01",
                    .source = "", .title = "", .url = "",
                    .text = (char *)text, .len = len};
    fuzz_check_article(&a, l);
}

/* ---- a whole input through the pipeline ------------------------------ */

typedef struct {
    size_t articles, rejected;
} fuzz_pipeline_seen;

/* Each article the reader gives: named, dated YYYY-MM-DD or not at all,
 * its text without a NUL byte; then its figures as above. */
static inline ft_status fuzz_on_article(void *ctx, const ft_article *a,
                                        const ft_figlist *figs, ft_error *err)
{
    (void)err;
    fuzz_pipeline_seen *seen = ctx;
    seen->articles++;
    FUZZ_CHECK(a->id && *a->id && a->published && a->source && a->title &&
               a->url);
    FUZZ_CHECK(!*a->published ||
               (strlen(a->published) == 10 &&
                ft_article_date_valid(a->published, 10)));
    FUZZ_CHECK(memchr(a->text, '\0', a->len) == NULL);
    fuzz_check_article(a, figs);
    return FT_OK;
}

/* A part rejected is rejected for a reason pipeline.h names. */
static inline void fuzz_on_reject(void *ctx, ft_status st, const ft_error *why)
{
    (void)why;
    fuzz_pipeline_seen *seen = ctx;
    seen->rejected++;
    FUZZ_CHECK(st == FT_EDATA || st == FT_ETOOBIG || st == FT_ENOINPUT ||
               st == FT_EIO || st == FT_EUSAGE || st == FT_ECONFIG);
}

/* data[0..size) as the file fuzz_tmp_make named, read as `kind` in
 * `encoding` (NULL: as is) the way `figtrend extract --input KIND` does,
 * every article through extract with the shipped tables and checked.
 * Every line (JSONL line, CSV record; libcsv ends a record at a CR too)
 * gives at most one article or rejection, so together they are no more
 * than the line ends plus one. */
static inline void fuzz_pipeline_run(const uint8_t *data, size_t size,
                                     ft_input_kind kind, const char *encoding)
{
    const char *path = fuzz_tmp_write(data, size);
    ft_reader_opts ro = {.kind = kind, .encoding = encoding};
    ft_extract_opts eo = {.subjects = fuzz_subjects,
                          .countries = fuzz_countries};
    ft_pipeline *p = ft_pipeline_new(&ro, &eo);
    FUZZ_CHECK(p);
    fuzz_pipeline_seen seen = {0};
    ft_pipeline_sink sink = {fuzz_on_article, fuzz_on_reject, &seen, NULL};
    ft_error err;
    ft_status st = ft_pipeline_input(p, path, &sink, &err);
    ft_pipeline_free(p);
    FUZZ_CHECK(st == FT_OK);
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || data[i] == '\r';
    FUZZ_CHECK(seen.articles + seen.rejected <= lines);
}

#endif
