/* fuzz_rates.c — the rates table on any bytes: a table accepted gives,
 * for every currency it knows and any year, either no rate or a finite
 * rate above 0, also between two currencies (the bounds of rates.h keep
 * every cross rate inside the doubles). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "rates.h"

static const char *const codes[] = {"USD", "KRW", "JPY", "EUR", "CNY"};
static const int years[] = {1, 1000, 1999, 2000, 2001, 2020, 2024, 9999};

static void check(const ft_rate *r)
{
    if (r->basis == FT_RATE_NONE)
        return;
    FUZZ_CHECK(isfinite(r->value) && r->value > 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *in = fmemopen((void *)data, size, "r");
    FUZZ_CHECK(in);
    ft_rates *r = NULL;
    ft_error err;
    ft_status st = ft_rates_load_stream(in, "rates.csv", &r, &err);
    fclose(in);
    if (st != FT_OK) {
        FUZZ_CHECK(r == NULL);
        return 0;
    }
    size_t nc = sizeof codes / sizeof codes[0];
    for (size_t i = 0; i < nc; i++) {
        int first, last;
        if (ft_rates_range(r, codes[i], &first, &last))
            FUZZ_CHECK(first <= last && first >= 1 && last <= 9999);
        for (size_t y = 0; y < sizeof years / sizeof years[0]; y++) {
            ft_rate rate;
            for (int nearest = 0; nearest < 2; nearest++) {
                if (ft_rates_lookup(r, codes[i], years[y], nearest, &rate,
                                    &err) == FT_OK)
                    check(&rate);
                for (size_t j = 0; j < nc; j++)
                    if (ft_rates_cross(r, codes[i], codes[j], years[y],
                                       nearest, &rate, &err) == FT_OK)
                        check(&rate);
            }
        }
    }
    ft_rates_free(r);
    return 0;
}
