/* test_years.c — the year of each figure, through the whole extractor.
 *
 * Each case is a text, a publication date ("" when unknown) and the years
 * of its figures in order: "2007" (explicit), "f2025" (fiscal), "r2024"
 * (relative), "-" (none), each optionally followed by "@2029" for a
 * completion target; separated by spaces.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract.h"

typedef struct {
    const char *text, *published, *want;
} year_case;

static const year_case cases[] = {
    /* the design card */
    {"Its budget peaked at 439.7 billion won ($317.4 million) in 2007 but "
     "has since sharply declined.",
     "2025-08-04", "2007"},
    {"The most recent use of the fund was in 2023, when 900 million won was "
     "allocated to a child nutrition program.",
     "2025-08-04", "2023"},
    {"The command and control system will be upgraded and ready for "
     "operations by 2029, under a 117.8 billion won ($84.9 million) project.",
     "2025-08-04", "-@2029"},

    /* explicit forms */
    {"The 2019 defense budget was 46.7 trillion won.", "", "2019"},
    {"The ministry set aside 61.2 trillion won for 2025.", "", "2025"},
    {"In 2024, Seoul spent $43 billion on defence.", "", "2024"},
    {"Spending reached 57 trillion won in June 2023.", "", "2023"},
    {"2024년 국방예산은 59조4천억원이다.", "", "2024"},
    {"2024년도 예산 59조4천억원", "", "2024"},
    {"Sales in the first half of 2021 were $5 billion.", "", "2021"},

    /* fiscal years */
    {"Japan requested 8.8 trillion yen for fiscal 2026.", "", "f2026"},
    {"The FY2025 request is $850 billion.", "", "f2025"},
    {"The FY 2025 request is $850 billion.", "", "f2025"},
    {"It got $5 billion in the fiscal year 2023-24.", "", "f2023"},
    {"The 2023 fiscal year budget was $5 billion.", "", "f2023"},
    {"FY2025-26 spending of $5 billion", "", "f2025"},

    /* relative years */
    {"The ministry plans to spend 66 trillion won next year.", "2025-08-04",
     "r2026"},
    {"It spent 61 trillion won this year.", "2025-08-04", "r2025"},
    {"Last year's 15 billion won was a record.", "2025-08-04", "r2024"},
    {"It rose to 61.2 trillion won for 2025, up 3.6 percent from this "
     "year's 59.4 trillion won.",
     "2024-12-10", "2025 r2024"},
    {"The budget was 59 trillion won last year.", "", "-"},
    {"내년 국방예산은 66조원이다.", "2025-08-04", "r2026"},
    {"지난해 국방예산은 59조원이었다.", "2025-08-04", "r2024"},
    {"올해 예산 61조원", "2025-01-02", "r2025"},
    {"작년 예산 59조원", "2025-01-02", "r2024"},

    /* what does not date an amount */
    {"It rose 4.1 percent to 40 trillion won, up from 2016.", "", "-"},
    {"The system, launched in 2016, costs $5 billion.", "", "-"},
    {"The fund, established in 1991, holds 1 trillion won.", "", "-"},
    {"The plan will cost 20 trillion won from 2024 to 2028.", "", "-"},
    {"The 2024-2028 plan will cost 20 trillion won.", "", "-"},
    {"It costs 20 trillion won between 2024 and 2028.", "", "-"},
    {"It will spend 5 trillion won by 2029.", "", "-@2029"},
    {"2029년까지 5조원을 투입한다.", "", "-@2029"},
    {"It will raise monthly pay to 1 million won by 2027.", "", "2027"},
    {"The budget rose 3 percent from a year earlier to 61 trillion won.",
     "2025-08-04", "-"},
    {"전년 대비 3조원 늘었다.", "2025-08-04", "-"},
    {"Since 2015, it has spent $5 billion.", "", "-"},

    {"It is part of a five-year buildup worth 43 trillion yen that the "
     "government adopted in December 2022.",
     "", "-"},
    {"The deal was signed on Dec. 4, 2022, for $5 billion.", "", "-"},
    {"It will spend 20 trillion won over the next five years.", "", "-"},
    {"향후 5년간 20조원을 투입한다.", "", "-"},
    {"The system, first deployed in June 2015, costs $5 billion.", "", "-"},

    /* the nearest year of the figure's own clause */
    {"It set 61.2 trillion won for 2025, up from 59.4 trillion won in 2024.",
     "", "2025 2024"},
    {"In 2023, it spent $5 billion; in 2024, $6 billion.", "", "2023 2024"},
    {"The 2025 budget of 61.2 trillion won is 3.5 trillion won more than "
     "the 2024 budget.",
     "", "2025 2025"},

    /* a year from the sentence before, within the paragraph */
    {"The ministry approved the 2026 budget. It includes 20 trillion won "
     "for weapons.",
     "", "2026"},
    {"The ministry approved the 2026 budget.\nIt includes 20 trillion won "
     "for weapons.",
     "", "2026"},
    /* scraped pages put a blank line between paragraphs; two blank lines
     * start another story */
    {"The ministry approved the 2026 budget.\n\nIt includes 20 trillion won "
     "for weapons.",
     "", "2026"},
    {"The ministry approved the 2026 budget.\n\n\nIt includes 20 trillion "
     "won for weapons.",
     "", "-"},
    {"The budget for 2025 is 61.2 trillion won.\nForce improvement rose 5.2 "
     "percent from last year to 18.3 trillion won.",
     "2024-12-10", "2025 2025"},
    {"The system was launched in 2016. It costs $5 billion, launched in 2016.",
     "", "-"},
    {"The budget for 2025 is 61.2 trillion won, up from this year's 59.4 "
     "trillion won. Force improvement rose to 18.3 trillion won.",
     "2024-12-10", "2025 r2024 2025"},
    {"No year here. Nor here. Still none. It costs $5 billion.", "", "-"},

    /* not years */
    {"It cost $2,019 million in total.", "", "-"},
    {"It rose 2024 percent to $5 billion.", "", "-"},
};

/* "2007", "f2025", "r2024", "-", each with an optional "@YYYY". */
static void parse_want(const char *w, int *year, ft_year_basis *basis,
                       int *target)
{
    *basis = FT_YEAR_EXPLICIT;
    if (*w == 'f') {
        *basis = FT_YEAR_FISCAL;
        w++;
    } else if (*w == 'r') {
        *basis = FT_YEAR_RELATIVE;
        w++;
    }
    if (*w == '-') {
        *year = 0;
        *basis = FT_YEAR_NONE;
        w++;
    } else {
        *year = atoi(w);
        while (*w >= '0' && *w <= '9')
            w++;
    }
    *target = *w == '@' ? atoi(w + 1) : 0;
}

static void test_cases(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        ft_extract_opts o = {.published = cases[c].published};
        ft_figlist l;
        ft_figlist_init(&l);
        const char *text = cases[c].text;
        assert_int_equal(ft_extract(text, strlen(text), &o, &l, NULL), FT_OK);
        char want[128];
        snprintf(want, sizeof want, "%s", cases[c].want);
        size_t n = 0;
        char *save = NULL;
        bool ok = true;
        for (char *tok = strtok_r(want, " ", &save); tok;
             tok = strtok_r(NULL, " ", &save), n++) {
            int year, target;
            ft_year_basis basis;
            parse_want(tok, &year, &basis, &target);
            if (n >= l.len) {
                print_error("in \"%s\": only %zu figures\n", text, l.len);
                ok = false;
                break;
            }
            const ft_figure *f = &l.items[n];
            if (f->year != year || f->year_basis != basis ||
                f->target_year != target) {
                print_error("in \"%s\": figure %zu \"%.*s\" has year %d "
                            "basis %d target %d, want %s\n",
                            text, n + 1, (int)(f->end - f->start),
                            text + f->start, f->year, f->year_basis,
                            f->target_year, tok);
                ok = false;
            }
        }
        if (ok && n != l.len) {
            print_error("in \"%s\": %zu figures, want %zu\n", text, l.len, n);
            ok = false;
        }
        failures += !ok;
        ft_figlist_free(&l);
    }
    if (failures)
        fail_msg("%zu of %zu cases failed", failures,
                 sizeof cases / sizeof *cases);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
    };
    return cmocka_run_group_tests_name("years", tests, NULL, NULL);
}
