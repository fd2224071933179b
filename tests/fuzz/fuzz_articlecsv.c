/* fuzz_articlecsv.c — the article-CSV reader on any bytes, as `figtrend
 * extract --input csv --encoding auto FILE` reads them (UTF-8 as is, else
 * decoded as CP949 when it reads as that: the decoder is fuzzed here, the
 * bytes kept as they are in fuzz_jsonl), each row's article through the
 * whole extract with the shipped tables.  Invariants (fuzz_article.h):
 * each article has an id, a date YYYY-MM-DD or none, and text without a
 * NUL byte; every figure lies inside the text, its amounts are finite
 * with amount_max >= amount; the CSV written parses with the header's
 * column count, its surface cells the figures' bytes; a rejected row is
 * rejected for a reason the pipeline names, and no more articles and
 * rejections come out than the input has lines. */
#include <stdint.h>

#include "fuzz_article.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_tables_load("fuzz_articlecsv");
    fuzz_tmp_make("input.csv");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_pipeline_run(data, size, FT_INPUT_CSV, "auto");
    return 0;
}
