/* fuzz_jsonl.c — the JSONL article reader on any bytes, as `figtrend
 * extract --input jsonl FILE` reads them (UTF-8 as is: bytes that are not
 * UTF-8 stay, the extractor reads them as separators), each article
 * through the whole extract with the shipped tables.  Invariants
 * (fuzz_article.h): each article has an id, a date YYYY-MM-DD or none,
 * and text without a NUL byte; every figure lies inside the text, its
 * amounts are finite with amount_max >= amount; the CSV written parses
 * with the header's column count, its surface cells the figures' bytes;
 * a rejected line is rejected for a reason the pipeline names, and no
 * more articles and rejections come out than the input has lines. */
#include <stdint.h>

#include "fuzz_article.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tables_load("fuzz_jsonl");
    fuzz_tmp_make("input.jsonl");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_pipeline_run(data, size, FT_INPUT_JSONL, NULL);
    return 0;
}
