/* test_purpose.c — the clause a figure's purpose is read from.
 *
 * The constructions read a phrase for a figure only from its own clause:
 * after the figure before it, a semicolon or a colon, but a colon right
 * before the figure ("Fuel: X").  The clause's first token is found as the
 * sentence's tokens are cut, once for all its figures; each case is read
 * both for one figure alone (ft_purpose_of) and with the words kept for
 * the figures of one sentence (ft_purpose_of_in).  (The other purpose
 * tests are in test_subject.c.)
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "purpose.h"

typedef struct {
    const char *text;
    const char *figures[2]; /* their text, in order; NULL past the last */
    const char *want[2];    /* "" for no purpose */
} clause_case;

static void test_clause_floor(void **state)
{
    (void)state;
    static const clause_case cases[] = {
        /* a semicolon or a colon ends the clause before the figure: "fuel"
         * opens it, as a list's item does */
        {"Tanks; fuel 3 billion won.", {"3 billion won"}, {"fuel"}},
        {"Tanks: fuel 3 billion won.", {"3 billion won"}, {"fuel"}},
        {"Tanks: pay rose: fuel 3 billion won.", {"3 billion won"}, {"fuel"}},
        /* a colon right before the figure does not */
        {"Fuel: 3 billion won.", {"3 billion won"}, {"Fuel"}},
        /* nor does a comma, but the figure before does */
        {"Tanks 2 billion won, fuel 3 billion won.",
         {"2 billion won", "3 billion won"},
         {"Tanks", "fuel"}},
        {"Tanks 2 billion won fuel 3 billion won.",
         {"2 billion won", "3 billion won"},
         {"Tanks", "fuel"}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const char *text = cases[c].text;
        size_t len = strlen(text), n = 0;
        ft_figure f[2] = {{0}};
        for (const char *from = text; n < 2 && cases[c].figures[n]; n++) {
            const char *p = strstr(from, cases[c].figures[n]);
            assert_non_null(p);
            f[n].start = (size_t)(p - text);
            f[n].end = f[n].start + strlen(cases[c].figures[n]);
            f[n].sent_end = len;
            from = text + f[n].end;
        }
        ft_purpose_words *words = ft_purpose_words_new();
        assert_non_null(words);
        for (size_t i = 0; i < n; i++) {
            char alone[FT_SUBJECT_MAX], shared[FT_SUBJECT_MAX];
            ft_purpose want =
                cases[c].want[i][0] ? FT_PURPOSE_FOUND : FT_PURPOSE_NONE;
            assert_int_equal(
                ft_purpose_of(text, len, f, n, i, alone, sizeof alone), want);
            assert_string_equal(alone, cases[c].want[i]);
            assert_int_equal(ft_purpose_of_in(words, text, len, f, n, i, shared,
                                              sizeof shared),
                             want);
            assert_string_equal(shared, cases[c].want[i]);
        }
        ft_purpose_words_free(words);
    }
}

/* The words are cut many at a time where they are plain (letters and
 * digits, then a space, a comma or a full stop) and byte by byte where
 * not: each case mixes the two, and the phrase read is the one the
 * byte-by-byte cut alone gave. */
static void test_cut_words(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"The U.S. Army got 3 billion won for tanks.", "tanks"},
        {"Veterans' pensions rose to 3 billion won.", "Veterans' pensions"},
        {"Fuel, food and tanks 3 billion won.", "food and tanks"},
        /* the text ends less than sixteen bytes after a word */
        {"Spending on fuel was 3 billion won", "Spending on fuel"},
        {"Spending on fuel was 3 billion won for tanks", "tanks"},
        /* a word of sixteen bytes or more */
        {"Telecommunications spending reached 3 billion won.",
         "Telecommunications spending"},
        /* a word glued to the figure */
        {"Spending on tanks3 billion won.", "Spending on tanks"},
        {"Fuel   costs  rose   to 3 billion won.", "Fuel costs"},
        {"It paid 3 billion won for new tanks, trucks and fuel.", "new tanks"},
        /* a full stop after a capital, and after a digit */
        {"Funds for the EU. Fuel costs 3 billion won.", "Fuel"},
        {"The A380 fleet. Its upkeep costs 3 billion won.", "upkeep"},
        {"Ammunition stocks, at 3 billion won, ran low.", "Ammunition stocks"},
        /* words joined by a hyphen, an apostrophe, an ampersand, a slash
         * or a curly apostrophe before a letter or a digit, cut many at a
         * time; the joiners that end a word or meet a capital's full stop,
         * Hangul or the figure, byte by byte */
        {"Long-term spending on tanks rose to 3 billion won.",
         "Long-term spending on tanks"},
        {"The firm's R&D budget rose to 3 billion won.", "firm's R&D budget"},
        {"The firm\xE2\x80\x99s fuel bill rose to 3 billion won.",
         "firm\xE2\x80\x99s fuel bill"},
        {"Korea-U.S. drills cost 3 billion won.", "Korea-U.S. drills"},
        {"Veterans' long-term care rose to 3 billion won.",
         "Veterans' long-term care"},
        {"Spending on tanks-3 billion won.", "Spending on tanks-"},
        {"Spending on tanks/3 billion won.", "Spending on tanks/"},
        {"Counter-terrorism-related spending rose to 3 billion won.",
         "Counter-terrorism-related spending"},
        {"It paid 3 billion won for long-term care", "long-term care"},
        {"K-\xEB\xB0\xA9\xEC\x82\xB0 spending rose to 3 billion won.",
         "spending"},
        {"The A-10/F-16 fleet's upkeep costs 3 billion won.",
         "A-10/F-16 fleet's upkeep"},
        {"The U.S.-made jets' upkeep costs 3 billion won.",
         "U.S.-made jets' upkeep"},
        {"It paid 3 billion won for anti-tank mines, long-range rockets.",
         "anti-tank mines"},
        {"Tanks&fuel-costs rose to 3 billion won.", "Tanks&fuel-costs"},
        {"A long-awaited-and-much-needed fuel depot cost 3 billion won.",
         "long-awaited-and-much-needed fuel depot"},
        {"Fuel-\xE2\x80\x99s cost 3 billion won.", "s"},
        {"Spending on fuel.tanks rose to 3 billion won.", "tanks"},
        {"Fuel for tanks' costs rose to 3 billion won.",
         "Fuel for tanks' costs"},
        {"Fuel for tanks\xE2\x80\x99 costs rose to 3 billion won.",
         "Fuel for tanks\xE2\x80\x99 costs"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const char *text = cases[c].text, *p = strstr(text, "3 billion won");
        assert_non_null(p);
        size_t len = strlen(text);
        ft_figure f = {0};
        f.start = (size_t)(p - text);
        f.end = f.start + strlen("3 billion won");
        f.sent_end = len;
        char out[FT_SUBJECT_MAX];
        assert_int_equal(ft_purpose_of(text, len, &f, 1, 0, out, sizeof out),
                         FT_PURPOSE_FOUND);
        assert_string_equal(out, cases[c].want);
    }
}

/* The figures of one sentence read through words on the stack
 * (ft_purpose_with_words) get the purposes each reads alone. */
typedef struct {
    const char *text;
    const ft_figure *figs;
    size_t n;
    char got[2][FT_SUBJECT_MAX];
} stack_read;

static void read_figures(ft_purpose_words *words, void *ctx)
{
    stack_read *r = ctx;
    for (size_t i = 0; i < r->n; i++)
        ft_purpose_of_in(words, r->text, strlen(r->text), r->figs, r->n, i,
                         r->got[i], sizeof r->got[i]);
}

static void test_with_words(void **state)
{
    (void)state;
    const char *text = "Tanks got 2 billion won and fuel 3 billion won.";
    ft_figure f[2] = {{0}};
    const char *figures[2] = {"2 billion won", "3 billion won"};
    for (size_t i = 0; i < 2; i++) {
        f[i].start = (size_t)(strstr(text, figures[i]) - text);
        f[i].end = f[i].start + strlen(figures[i]);
        f[i].sent_end = strlen(text);
    }
    stack_read r = {.text = text, .figs = f, .n = 2};
    ft_purpose_with_words(read_figures, &r);
    for (size_t i = 0; i < 2; i++) {
        char alone[FT_SUBJECT_MAX];
        ft_purpose_of(text, strlen(text), f, 2, i, alone, sizeof alone);
        assert_string_equal(r.got[i], alone);
    }
    assert_string_equal(r.got[0], "Tanks");
}

/* In an article of many sentences, each with its figure, the window of
 * each figure starts at its sentence, and the first figure of the window
 * is found back from the figure's own: every count of figures up to 40
 * and every figure of each. */
static void test_many_figures(void **state)
{
    (void)state;
    enum { MAX = 40 };
    static const char *const nouns[] = {"Fuel", "Tanks", "Pay", "Food"};
    for (size_t n = 1; n <= MAX; n++) {
        char text[MAX * 32];
        ft_figure f[MAX] = {{0}};
        size_t len = 0;
        for (size_t i = 0; i < n; i++) {
            f[i].sent_start = len;
            len += (size_t)sprintf(text + len, "%s ", nouns[i % 4]);
            f[i].start = len;
            len += (size_t)sprintf(text + len, "%zu billion won", i + 1);
            f[i].end = len;
            len += (size_t)sprintf(text + len, ". ");
            f[i].sent_end = len - 1;
        }
        ft_purpose_words *words = ft_purpose_words_new();
        assert_non_null(words);
        for (size_t i = 0; i < n; i++) {
            char out[FT_SUBJECT_MAX];
            assert_int_equal(
                ft_purpose_of_in(words, text, len, f, n, i, out, sizeof out),
                FT_PURPOSE_FOUND);
            assert_string_equal(out, nouns[i % 4]);
        }
        ft_purpose_words_free(words);
    }
}

/* A window that starts inside a word starts after it: where that word
 * runs on past the figure ("...가3억원"), the figure's own window holds
 * none of it and no purpose is read, and the figure before it in the
 * article is not taken for it. */
static void test_window_past_figure(void **state)
{
    (void)state;
    enum { RUN = 1300 };
    static char text[64 + RUN + 64];
    size_t len = (size_t)sprintf(text, "Fuel 2 billion won. ");
    ft_figure f[2] = {{0}};
    f[0].start = 5;
    f[0].end = 18;
    f[0].sent_end = 19;
    f[1].sent_start = len;
    memset(text + len, 'a', RUN);
    len += RUN;
    f[1].start = len;
    len += (size_t)sprintf(text + len, "3\xEC\x96\xB5\xEC\x9B\x90 tanks.");
    f[1].end = f[1].start + 7; /* 3억원 */
    f[1].sent_end = len;
    char out[FT_SUBJECT_MAX];
    assert_int_equal(ft_purpose_of(text, len, f, 2, 1, out, sizeof out),
                     FT_PURPOSE_NONE);
    assert_string_equal(out, "");
    assert_int_equal(ft_purpose_of(text, len, f, 2, 0, out, sizeof out),
                     FT_PURPOSE_FOUND);
    assert_string_equal(out, "Fuel");
}

/* The Korean rules ask whether a word is a verb form once a token and
 * keep the answer on it: the answer of one sentence's word must not
 * outlive it.  늘어난 (increased), a verb form, is left out of the
 * phrase before the first figure; 자주포 (howitzer), the noun at the same
 * place of the next sentence, is kept: read alone and through one set of
 * words in turn. */
static void test_korean_shared(void **state)
{
    (void)state;
    /* 늘어난 병장 월급 100만원. 자주포 예산 150만원. */
    static const char text[] =
        "\xEB\x8A\x98\xEC\x96\xB4\xEB\x82\x9C \xEB\xB3\x91\xEC\x9E\xA5 "
        "\xEC\x9B\x94\xEA\xB8\x89 100\xEB\xA7\x8C\xEC\x9B\x90. "
        "\xEC\x9E\x90\xEC\xA3\xBC\xED\x8F\xAC \xEC\x98\x88\xEC\x82\xB0 "
        "150\xEB\xA7\x8C\xEC\x9B\x90.";
    static const char *const figures[] = {"100\xEB\xA7\x8C\xEC\x9B\x90",
                                          "150\xEB\xA7\x8C\xEC\x9B\x90"};
    static const char *const want[] = {
        "\xEB\xB3\x91\xEC\x9E\xA5 \xEC\x9B\x94\xEA\xB8\x89",
        "\xEC\x9E\x90\xEC\xA3\xBC\xED\x8F\xAC \xEC\x98\x88\xEC\x82\xB0"};
    enum { N = 2 };
    size_t len = strlen(text);
    const char *second = strstr(text, ". ") + 2;
    ft_figure f[N] = {{0}};
    for (size_t i = 0; i < N; i++) {
        const char *p = strstr(i == 0 ? text : second, figures[i]);
        assert_non_null(p);
        f[i].start = (size_t)(p - text);
        f[i].end = f[i].start + strlen(figures[i]);
        f[i].sent_start = i == 0 ? 0 : (size_t)(second - text);
        f[i].sent_end = i == 0 ? (size_t)(second - text) - 1 : len;
    }
    ft_purpose_words *words = ft_purpose_words_new();
    assert_non_null(words);
    for (size_t i = 0; i < N; i++) {
        char alone[FT_SUBJECT_MAX], shared[FT_SUBJECT_MAX];
        assert_int_equal(ft_purpose_of(text, len, f, N, i, alone, sizeof alone),
                         FT_PURPOSE_FOUND);
        assert_string_equal(alone, want[i]);
        assert_int_equal(
            ft_purpose_of_in(words, text, len, f, N, i, shared, sizeof shared),
            FT_PURPOSE_FOUND);
        assert_string_equal(shared, want[i]);
    }
    ft_purpose_words_free(words);
}

/* A caller that has a Korean word's stem asks whether it names a purpose
 * that is not too general from the stem alone: the word's particle is
 * not looked for again. */
static void test_stem_names(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        bool names;
    } cases[] = {
        {"\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84\xEB\xB6\x84\xEB\x8B\xB4\xEA"
         "\xB8\x88\xEC\x9D\x84",
         true}, /* 방위비분담금을 */
        {"\xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80",
         false}, /* 예산은: too general */
        {"\xEC\x82\xAC\xEC\x97\x85\xEB\xB9\x84", false}, /* 사업비 */
        {"\xEA\xB5\xAD\xEB\xB0\xA9\xEB\xB6\x80\xEC\x97\x90\xEC\x84\x9C\xEB"
         "\x8A\x94",
         false}, /* 국방부에서는: who pays */
        {"budget", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *w = cases[i].word;
        size_t m = ft_purpose_korean_stem(w, strlen(w));
        assert_int_equal(ft_purpose_korean_stem_names(w, m), cases[i].names);
        /* never more than the word's own test */
        if (cases[i].names)
            assert_true(ft_purpose_korean_names(w, strlen(w)));
    }
}

/* Every word of the tables is found by the look-up that reads it, as
 * written, in capitals and at the very end of its buffer (where sixteen
 * bytes are not loaded), and not with a letter more or one less. */
static void test_tables(void **state)
{
    (void)state;
    const char *bad = NULL;
    bool ok = ft_purpose_tables_ok(&bad);
    if (!ok)
        fail_msg("not found: %s", bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause_floor),
        cmocka_unit_test(test_cut_words),
        cmocka_unit_test(test_with_words),
        cmocka_unit_test(test_many_figures),
        cmocka_unit_test(test_window_past_figure),
        cmocka_unit_test(test_stem_names),
        cmocka_unit_test(test_korean_shared),
        cmocka_unit_test(test_tables),
    };
    return cmocka_run_group_tests_name("purpose", tests, NULL, NULL);
}
