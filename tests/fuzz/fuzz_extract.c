/* fuzz_extract.c — the whole extract on plain text, as `figtrend extract`
 * runs it on a .txt file (no NUL byte: the reader refuses those): every figure lies inside the text, its amounts
 * are finite with amount_max >= amount, and the CSV written parses with
 * the header's column count, its start/end cells those of the figure. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "country.h"
#include "extract.h"
#include "figures.h"
#include "fuzz_check.h"
#include "subject.h"

/* The shipped tables, loaded once (run from the repository's top, as make
 * fuzz does), so that subjects and countries are fuzzed too. */
static ft_subjects *subjects;
static ft_countries *countries;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ft_error err;
    subjects = ft_subjects_new();
    countries = ft_countries_new();
    FUZZ_CHECK(subjects && countries);
    if (ft_subjects_load(subjects, "datasets/subjects.csv", &err) != FT_OK ||
        ft_countries_load(countries, "datasets/countries.csv", &err) !=
            FT_OK) {
        fprintf(stderr, "fuzz_extract: %s (run from the repository top)\n",
                err.message);
        exit(1);
    }
    return 0;
}

/* The surface cell is the figure's bytes; a writer may replace control
 * bytes and invalid UTF-8, so the exact check is on printable ASCII. */
static void check_surface(const char *text, const ft_figure *f,
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The plain-text reader refuses a file with a NUL byte (binary data),
     * so extract never sees one. */
    if (memchr(data, '\0', size))
        return 0;
    /* The reader hands extract a NUL-terminated copy of the body. */
    char *text = malloc(size + 1);
    FUZZ_CHECK(text);
    memcpy(text, data, size);
    text[size] = '\0';
    ft_extract_opts opts = {.published = "2024-05-01",
                            .subjects = subjects,
                            .countries = countries};
    ft_figlist l;
    ft_figlist_init(&l);
    ft_error err;
    if (ft_extract(text, size, &opts, &l, &err) != FT_OK) {
        ft_figlist_free(&l);
        free(text);
        return 0;
    }
    for (size_t i = 0; i < l.len; i++) {
        const ft_figure *f = &l.items[i];
        FUZZ_CHECK(f->start < f->end && f->end <= size);
        FUZZ_CHECK(f->sent_start <= f->start && f->end <= f->sent_end &&
                   f->sent_end <= size);
        double a = ft_decimal_to_double(f->amount);
        FUZZ_CHECK(isfinite(a)); /* negative for a loss: "-26 billion won" */
        if (f->has_max) {
            double m = ft_decimal_to_double(f->amount_max);
            FUZZ_CHECK(isfinite(m) && m >= a);
        }
        if (f->has_reported)
            FUZZ_CHECK(isfinite(ft_decimal_to_double(f->reported)));
    }

    /* The CSV a user gets. */
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    FUZZ_CHECK(out);
    ft_figwriter *w = ft_figwriter_new(out, FT_FORMAT_CSV);
    ft_article a = {.id = "fuzz.txt", .published = "2024-05-01",
                    .source = "", .title = "", .url = "",
                    .text = text, .len = size};
    FUZZ_CHECK(strcmp(ft_figure_column(5), "surface") == 0);
    ft_status st = ft_figwriter_header(w, &err);
    for (size_t i = 0; st == FT_OK && i < l.len; i++) {
        ft_figrow row;
        st = ft_figwriter_cells(w, &a, i + 1, &l.items[i], &row, &err);
        if (st == FT_OK)
            check_surface(text, &l.items[i], &row);
        if (st == FT_OK)
            st = ft_figwriter_row(w, &a, i + 1, &l.items[i], &err);
    }
    ft_figwriter_free(w);
    FUZZ_CHECK(fclose(out) == 0);
    if (st == FT_OK)
        FUZZ_CHECK(fuzz_check_csv(buf, n, ',') == l.len + 1);
    free(buf);
    ft_figlist_free(&l);
    free(text);
    return 0;
}
