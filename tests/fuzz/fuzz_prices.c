/* fuzz_prices.c — the prices table (consumer price indices chained from
 * inflation rates) on any bytes: a table refused gives no table; a table
 * accepted gives, for every currency it knows, a range first <= last of
 * years 0..9999 (the first being the year before the first rate), and
 * every ratio and index it answers for any two years is finite and above
 * 0, a year's ratio to itself 1. */
#include <math.h>
#include <stdint.h>

#include "fuzz_check.h"
#include "prices.h"

static const char *const codes[] = {"USD", "KRW", "JPY", "EUR", "CNY"};
static const int years[] = {0, 1, 1000, 1999, 2000, 2001, 2020, 2024, 9999};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *in = fmemopen((void *)data, size, "r");
    FUZZ_CHECK(in);
    ft_prices *p = NULL;
    ft_error err;
    ft_status st = ft_prices_load_stream(in, "prices.csv", &p, &err);
    fclose(in);
    if (st != FT_OK) {
        FUZZ_CHECK(p == NULL);
        return 0;
    }
    size_t ny = sizeof years / sizeof years[0];
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        int first, last;
        bool has = ft_prices_range(p, codes[i], &first, &last);
        FUZZ_CHECK(has == ft_prices_has(p, codes[i]));
        /* The table's own ends, and the years around them, too. */
        int ys[sizeof years / sizeof years[0] + 4];
        size_t n = 0;
        for (size_t y = 0; y < ny; y++)
            ys[n++] = years[y];
        if (has) {
            FUZZ_CHECK(first >= 0 && first <= last && last <= 9999);
            ys[n++] = first;
            ys[n++] = last;
            ys[n++] = first + 1;
            ys[n++] = last - 1;
        }
        for (size_t a = 0; a < n; a++)
            for (size_t b = 0; b < n; b++) {
                double r;
                if (ft_prices_ratio(p, codes[i], ys[a], ys[b], &r)) {
                    FUZZ_CHECK(has && isfinite(r) && r > 0);
                    if (ys[a] == ys[b])
                        FUZZ_CHECK(r == 1);
                }
                if (ft_prices_index(p, codes[i], ys[a], ys[b], &r))
                    FUZZ_CHECK(has && isfinite(r) && r > 0);
            }
    }
    ft_prices_free(p);
    return 0;
}
