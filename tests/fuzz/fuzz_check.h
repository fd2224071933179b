/* fuzz_check.h — what every libFuzzer harness in tests/fuzz/ shares: an
 * invariant check that aborts (so libFuzzer saves the input as a crash),
 * and a CSV check that every record has the header's column count.
 *
 * Header-only, included by each harness: the harnesses are single files
 * linked against build-fuzz/libfigtrend.a (see the Makefile's fuzz).
 */
#ifndef FT_FUZZ_CHECK_H
#define FT_FUZZ_CHECK_H

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

/* A broken invariant is a crash to libFuzzer: abort with what broke. */
#define FUZZ_CHECK(cond)                                                     \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__,       \
                    __LINE__, #cond);                                        \
            abort();                                                         \
        }                                                                    \
    } while (0)

typedef struct {
    size_t header_cols; /* 0 until the first record ends */
    size_t cols;        /* of the record being read */
    size_t records;
} fuzz_csv;

static inline void fuzz_csv_cell(void *s, size_t n, void *ctx)
{
    (void)s;
    (void)n;
    ((fuzz_csv *)ctx)->cols++;
}

static inline void fuzz_csv_end(int c, void *ctx)
{
    (void)c;
    fuzz_csv *f = ctx;
    if (f->records++ == 0)
        f->header_cols = f->cols;
    else
        FUZZ_CHECK(f->cols == f->header_cols);
    f->cols = 0;
}

/* buf[0..n) is well-formed CSV whose every record has the header's
 * column count; returns the number of records. */
static inline size_t fuzz_check_csv(const char *buf, size_t n, unsigned char delim)
{
    struct csv_parser p;
    FUZZ_CHECK(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) == 0);
    csv_set_delim(&p, delim);
    fuzz_csv f = {0};
    FUZZ_CHECK(csv_parse(&p, buf, n, fuzz_csv_cell, fuzz_csv_end, &f) == n);
    FUZZ_CHECK(csv_fini(&p, fuzz_csv_cell, fuzz_csv_end, &f) == 0);
    csv_free(&p);
    return f.records;
}

#endif
