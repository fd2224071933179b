/* fuzz_convert.c — convert's figures.csv reader on any bytes, with small
 * fixed rates and prices (every basis: a year's rate, interpolated,
 * nearest, none): when it accepts the input, the CSV written parses and
 * every row has the header's column count, one row per figure read. */
#include <stdint.h>
#include <string.h>

#include "convert.h"
#include "fuzz_check.h"
#include "prices.h"
#include "rates.h"

static ft_rates *rates;
static ft_prices *prices;

static FILE *memory(const char *s)
{
    FILE *f = fmemopen((void *)s, strlen(s), "r");
    FUZZ_CHECK(f);
    return f;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ft_error err;
    FILE *f = memory("year,currency,units_per_usd\n"
                     "2000,KRW,1100\n2005,KRW,1000\n2020,KRW,1200\n"
                     "2010,JPY,90\n2020,JPY,110\n2015,EUR,0.9\n");
    FUZZ_CHECK(ft_rates_load_stream(f, "rates.csv", &rates, &err) == FT_OK);
    fclose(f);
    f = memory("year,currency,inflation_pct\n"
               "2000,KRW,2\n2001,KRW,3\n2002,KRW,1e3\n"
               "2019,USD,2\n2020,USD,1\n2021,USD,4\n");
    FUZZ_CHECK(ft_prices_load_stream(f, "prices.csv", &prices, &err) ==
               FT_OK);
    fclose(f);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    /* The first byte picks the options. */
    ft_convert_opts o = {.rates = rates,
                         .prices = prices,
                         .to = data[0] & 1 ? "KRW" : "USD",
                         .constant_year = data[0] & 2 ? 2020 : 0,
                         .nearest = data[0] & 4,
                         .strict = data[0] & 8};
    FILE *in = fmemopen((void *)(data + 1), size - 1, "r");
    FUZZ_CHECK(in);
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    FUZZ_CHECK(out);
    ft_convert_counts counts;
    ft_error err;
    ft_status st = ft_convert_csv(in, "fuzz.csv", out, &o, &counts, &err);
    FUZZ_CHECK(fclose(out) == 0);
    fclose(in);
    if (st == FT_OK) {
        size_t records = fuzz_check_csv(buf, n, ',');
        FUZZ_CHECK(records == (size_t)counts.rows + 1);
        FUZZ_CHECK(counts.no_rate <= counts.rows &&
                   counts.no_price <= counts.rows);
    }
    free(buf);
    return 0;
}
