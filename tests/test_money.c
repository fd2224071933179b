/* test_money.c — the lexicon of money.c, entry by entry.
 *
 * Every currency (before and after the number), ISO code, scale word,
 * Korean unit and number word is written as a sample amount and read back
 * through ft_money_scan: an entry that the matcher can never reach (a typo,
 * a table out of key order, a quick reject that forgot it) fails here by
 * name.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "money.h"

/* The look-up reads each table only over the run of entries that share a
 * first byte, which needs the tables in key order. */
static void test_tables_ordered(void **state)
{
    (void)state;
    assert_true(ft_money_tables_ordered());
}

static void test_every_entry_matches(void **state)
{
    (void)state;
    char buf[64];
    ft_money_sample s;
    size_t k, failures = 0;
    for (k = 0; ft_money_sample_at(k, buf, sizeof buf, &s); k++) {
        ft_money m;
        size_t len = strlen(buf);
        bool ok = ft_money_scan(buf, len, 0, 0, &m);
        const char *cur =
            ok && m.ambiguous ? ft_money_settle(buf, len, &m) : m.currency;
        bool right = ok && m.start == 0 &&
                     m.end == (s.end == SIZE_MAX ? len : s.end) &&
                     strcmp(cur, s.currency) == 0 &&
                     ft_decimal_cmp(m.value, s.value) == 0;
        if (!right) {
            char got[FT_DECIMAL_BUFSZ], want[FT_DECIMAL_BUFSZ];
            ft_decimal_format(ok ? m.value : (ft_decimal){0}, got, sizeof got);
            ft_decimal_format(s.value, want, sizeof want);
            fprintf(stderr,
                    "%s entry \"%s\": \"%s\" read as %s %s [%zu,%zu), "
                    "want %s %s [0,%zu)\n",
                    s.table, s.entry, buf, ok ? got : "nothing", ok ? cur : "",
                    ok ? m.start : 0, ok ? m.end : 0, want, s.currency,
                    s.end == SIZE_MAX ? len : s.end);
            failures++;
        }
    }
    assert_true(k > 150); /* the walk reached every table */
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables_ordered),
        cmocka_unit_test(test_every_entry_matches),
    };
    return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
