/* fuzz_extract.c — the whole extract on plain text, as `figtrend extract`
 * runs it on a .txt file (no NUL byte: the reader refuses those), with the
 * shipped subjects and countries tables: every figure lies inside the
 * text, its amounts are finite with amount_max >= amount, and the CSV
 * written parses with the header's column count, its surface cells those
 * of the figures (fuzz_check_article in fuzz_article.h). */
#include <stdint.h>
#include <string.h>

#include "fuzz_article.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tables_load("fuzz_extract");
    return 0;
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
                            .subjects = fuzz_subjects,
                            .countries = fuzz_countries};
    ft_figlist l;
    ft_figlist_init(&l);
    ft_error err;
    if (ft_extract(text, size, &opts, &l, &err) == FT_OK) {
        ft_article a = {.id = "fuzz.txt", .published = "2024-05-01",
                        .source = "", .title = "", .url = "",
                        .text = text, .len = size};
        fuzz_check_article(&a, &l);
    }
    ft_figlist_free(&l);
    free(text);
    return 0;
}
