/* fuzz_money.c — the money scanner at every token start of the input,
 * with the first byte choosing the options: an amount found lies inside
 * the text from pos on, its value is finite, and its
 * currency is "" or a three-letter code. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    unsigned opts = data[0] & (FT_MONEY_ALLOW_PLAIN | FT_MONEY_ALLOW_BARE);
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    /* Every position, as extract asks at each token start; bounded so
     * that one input stays quick (the scanner reads a bounded stretch). */
    for (size_t pos = 0; pos < len && pos < 256; pos++) {
        if (pos > 0 && ft_money_is_word_byte((unsigned char)text[pos - 1]))
            continue;
        ft_money m;
        if (!ft_money_scan(text, len, pos, opts, &m))
            continue;
        FUZZ_CHECK(m.start >= pos && m.start < m.end && m.end <= len);
        double v = ft_decimal_to_double(m.value);
        FUZZ_CHECK(isfinite(v));
        FUZZ_CHECK(m.currency != NULL);
        size_t n = strlen(m.currency);
        FUZZ_CHECK(n == 0 || n == 3);
        if (m.has_currency && !m.ambiguous)
            FUZZ_CHECK(n == 3);
        (void)ft_money_settle(text, len, &m);
    }
    return 0;
}
