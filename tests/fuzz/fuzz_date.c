/* fuzz_date.c — the publication-date parser and the calendar check on any
 * bytes.  Invariants: when ft_article_date_parse reads s, it writes
 * "YYYY-MM-DD" and its NUL, a date ft_article_date_valid accepts and
 * that parses back to itself; when it refuses s, out is untouched; and a
 * date ft_article_date_valid accepts parses to itself. */
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "fuzz_check.h"

static bool digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    /* A canary past the NUL shows a write beyond out's 11 bytes (ASan
     * sees a write past a heap block; this sees one inside a struct). */
    struct {
        char out[11];
        char canary;
    } o;
    memset(&o, '#', sizeof o);
    if (ft_article_date_parse(s, size, o.out)) {
        FUZZ_CHECK(o.out[10] == '\0' && o.canary == '#');
        FUZZ_CHECK(digits(o.out, 4) && o.out[4] == '-' &&
                   digits(o.out + 5, 2) && o.out[7] == '-' &&
                   digits(o.out + 8, 2));
        FUZZ_CHECK(ft_article_date_valid(o.out, 10));
        char again[11];
        FUZZ_CHECK(ft_article_date_parse(o.out, 10, again));
        FUZZ_CHECK(memcmp(again, o.out, 11) == 0);
    } else {
        for (size_t i = 0; i < sizeof o.out; i++)
            FUZZ_CHECK(o.out[i] == '#');
    }
    if (ft_article_date_valid(s, size)) {
        FUZZ_CHECK(size == 10);
        char back[11];
        FUZZ_CHECK(ft_article_date_parse(s, size, back));
        FUZZ_CHECK(memcmp(back, s, 10) == 0 && back[10] == '\0');
    }
    return 0;
}
