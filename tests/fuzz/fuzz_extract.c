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
    ft_figlist l;
    fuzz_extract_checked(text, size, fuzz_subjects, &l);
    ft_figlist_free(&l);
    free(text);
    return 0;
}
