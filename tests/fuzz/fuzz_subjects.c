/* fuzz_subjects.c — the subjects alias table (alias,canonical CSV) on any
 * bytes, as `figtrend extract --subjects FILE` loads it after the shipped
 * one, then looked up and used.  Invariants: a table accepted answers
 * every name with NULL or a NUL-terminated canonical name, valid UTF-8
 * when the file is; its last row's alias gives that row's canonical name
 * (later rows win), whatever the ASCII case it is written in; and
 * extract of fixed sentences, and of one naming that alias, keeps the
 * invariants of fuzz_extract (fuzz_check_article), each figure's subject
 * valid UTF-8 when the file is. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_article.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tables_load("fuzz_subjects");
    fuzz_tmp_make("subjects.csv");
    return 0;
}

/* The last record of the file with two cells, as libcsv reads it (a
 * field with a NUL byte ends there, as for the loader's strings). */
typedef struct {
    char cell[2][256];
    size_t ncells;
    char last[2][256];
    bool any;
} last_row;

static void on_cell(void *s, size_t n, void *ctx)
{
    last_row *l = ctx;
    if (l->ncells < 2) {
        if (n > 255)
            n = 255;
        memcpy(l->cell[l->ncells], s ? s : "", n);
        l->cell[l->ncells][n] = '\0';
    }
    l->ncells++;
}

static void on_end(int c, void *ctx)
{
    (void)c;
    last_row *l = ctx;
    if (l->ncells == 2) {
        memcpy(l->last, l->cell, sizeof l->last);
        l->any = true;
    } else if (l->ncells > 2) {
        l->any = false; /* the loader refuses such a table */
    }
    l->ncells = 0;
}

static void check_name(const ft_subjects *s, const char *name, bool utf8)
{
    const char *c = ft_subjects_canonical(s, name, strlen(name));
    if (c && utf8)
        FUZZ_CHECK(ft_text_utf8_valid(c, strlen(c), NULL));
}

static void extract_checked(const ft_subjects *s, const char *text, bool utf8)
{
    ft_figlist l;
    fuzz_extract_checked(text, strlen(text), s, &l);
    for (size_t i = 0; utf8 && i < l.len; i++)
        FUZZ_CHECK(ft_text_utf8_valid(l.items[i].subject,
                                      strlen(l.items[i].subject), NULL));
    ft_figlist_free(&l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ft_subjects *s = ft_subjects_new();
    FUZZ_CHECK(s);
    ft_error err;
    ft_status st = ft_subjects_load(s, fuzz_tmp_write(data, size), &err);
    if (st != FT_OK) {
        FUZZ_CHECK(st == FT_ECONFIG);
        ft_subjects_free(s);
        return 0;
    }
    bool utf8 = ft_text_utf8_valid((const char *)data, size, NULL);
    static const char *const names[] = {
        "defence budget", "The Defence Budget", "KF-21", "", " ",
        "the", "the fund's", "국방예산", "\xff\xfe"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        check_name(s, names[i], utf8);
    static const char *const sentences[] = {
        "The defence budget rose to $52.3 billion in 2024.",
        "The KF-21 program will cost 8.8 trillion won by 2028.",
        "내년 국방예산은 61조2469억원이다."};
    for (size_t i = 0; i < sizeof sentences / sizeof sentences[0]; i++)
        extract_checked(s, sentences[i], utf8);

    /* The last row, read again. */
    last_row l = {0};
    struct csv_parser p;
    FUZZ_CHECK(csv_init(&p, CSV_STRICT) == 0);
    size_t skip = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (csv_parse(&p, data + skip, size - skip, on_cell, on_end, &l) ==
            size - skip &&
        csv_fini(&p, on_cell, on_end, &l) == 0 && l.any &&
        strcmp(l.last[0], "alias") != 0) {
        const char *alias = l.last[0], *want = l.last[1];
        const char *c = ft_subjects_canonical(s, alias, strlen(alias));
        if (c)
            FUZZ_CHECK(strcmp(c, want) == 0);
        char upper[256];
        size_t n = strlen(alias);
        for (size_t i = 0; i <= n; i++)
            upper[i] = (char)toupper((unsigned char)alias[i]);
        FUZZ_CHECK(ft_subjects_canonical(s, upper, n) == c);
        char text[400];
        snprintf(text, sizeof text,
                 "The %s got 1.5 trillion won ($1.1 billion) for 2025.",
                 alias);
        extract_checked(s, text, utf8);
    }
    csv_free(&p);
    ft_subjects_free(s);
    return 0;
}
