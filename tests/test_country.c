/* test_country.c — whose money a figure is: the countries table, its
 * matcher, and each rule of src/country.c on invented sentences. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "extract.h"

static ft_countries *table(void)
{
    ft_countries *c = ft_countries_new();
    assert_non_null(c);
    ft_error err;
    assert_int_equal(ft_countries_load(c, "datasets/countries.csv", &err),
                     FT_OK);
    return c;
}

/* The country given to the figure written `surface` in `text` ("" when
 * none; "?" when no such figure was found). */
static const char *country_of(const ft_countries *c, const char *text,
                              const char *surface)
{
    static char got[8];
    ft_figlist l;
    ft_figlist_init(&l);
    ft_extract_opts o = {.countries = c};
    assert_int_equal(ft_extract(text, strlen(text), &o, &l, NULL), FT_OK);
    strcpy(got, "?");
    for (size_t i = 0; i < l.len; i++) {
        const ft_figure *f = &l.items[i];
        if (f->end - f->start == strlen(surface) &&
            memcmp(text + f->start, surface, strlen(surface)) == 0) {
            strcpy(got, f->country);
            break;
        }
    }
    ft_figlist_free(&l);
    return got;
}

/* Every word of the shipped table is found by the matcher, alone and in
 * a sentence, as a word of its own state; every state has an English
 * name; every one-state currency leads back to its state. */
static void test_every_table_word_matches(void **state)
{
    (void)state;
    ft_countries *c = table();
    size_t n = ft_countries_nwords(c);
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        const char *iso3, *got;
        ft_country_word kind, got_kind;
        const char *w = ft_countries_word(c, i, &iso3, &kind);
        char buf[256];
        snprintf(buf, sizeof buf, "%s", w);
        size_t len =
            ft_countries_match(c, buf, strlen(buf), 0, &got, &got_kind);
        /* A longer word of another state never starts the same way. */
        if (len != strlen(w) || strcmp(got, iso3) != 0)
            fail_msg("word '%s' of %s matched as %zu bytes of %s", w, iso3, len,
                     len ? got : "-");
        snprintf(buf, sizeof buf, "Then %s said so.", w);
        len = ft_countries_match(c, buf, strlen(buf), 5, &got, NULL);
        assert_int_equal(len, strlen(w));
        assert_string_equal(got, iso3);
        assert_non_null(ft_countries_name(c, iso3));
    }
    assert_string_equal(ft_countries_of_currency(c, "KRW"), "KOR");
    assert_string_equal(ft_countries_of_currency(c, "JPY"), "JPN");
    assert_string_equal(ft_countries_of_currency(c, "TWD"), "TWN");
    assert_string_equal(ft_countries_of_currency(c, "PLN"), "POL");
    assert_string_equal(ft_countries_of_currency(c, "PHP"), "PHL");
    assert_string_equal(ft_countries_of_currency(c, "INR"), "IND");
    assert_string_equal(ft_countries_of_currency(c, "GBP"), "GBR");
    assert_string_equal(ft_countries_of_currency(c, "CNY"), "CHN");
    assert_string_equal(ft_countries_of_currency(c, "NOK"), "NOR");
    assert_string_equal(ft_countries_of_currency(c, "AUD"), "AUS");
    assert_null(ft_countries_of_currency(c, "USD"));
    assert_null(ft_countries_of_currency(c, "EUR"));
    assert_string_equal(ft_countries_name(c, "KOR"), "South Korea");
    /* And every cue word the rules read is found by its look-up. */
    assert_true(ft_countries_cues_found(c));
    ft_countries_free(c);
}

/* English words match whole words in their case; Korean ones take a
 * particle without a space. */
static void test_word_boundaries(void **state)
{
    (void)state;
    ft_countries *c = table();
    const char *iso3;
    assert_int_equal(ft_countries_match(c, "Japanese", 8, 0, &iso3, NULL), 8);
    assert_string_equal(iso3, "JPN");
    assert_int_equal(ft_countries_match(c, "Japanx", 6, 0, NULL, NULL), 0);
    assert_int_equal(ft_countries_match(c, "xJapan", 6, 1, NULL, NULL), 0);
    assert_int_equal(ft_countries_match(c, "us", 2, 0, NULL, NULL), 0);
    const char *ko = "일본은";
    assert_int_equal(ft_countries_match(c, ko, strlen(ko), 0, &iso3, NULL),
                     strlen("일본"));
    assert_string_equal(iso3, "JPN");
    ft_countries_free(c);
}

/* The state named before the figure in its sentence owns it: by name,
 * possessive, adjective or Korean name. */
static void test_named_state_owns(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(
        country_of(c, "Canada's navy asked for $2 billion more.", "$2 billion"),
        "CAN");
    assert_string_equal(country_of(c,
                                   "Taiwanese legislators passed a $6 billion "
                                   "special arms budget.",
                                   "$6 billion"),
                        "TWN");
    assert_string_equal(country_of(c,
                                   "The Philippine Navy gets $150 million for "
                                   "patrol boats.",
                                   "$150 million"),
                        "PHL");
    assert_string_equal(country_of(c,
                                   "일본 정부는 방위비로 300억 달러를 잡았다.",
                                   "300억 달러"),
                        "JPN");
    /* Named wins over the currency. */
    assert_string_equal(country_of(c,
                                   "Indonesia still owes 500 billion won for "
                                   "its share of the jet.",
                                   "500 billion won"),
                        "IDN");
    /* Named after the figure, in the same clause. */
    assert_string_equal(country_of(c,
                                   "It is twice the $700 million Tokyo paid.",
                                   "$700 million"),
                        "JPN");
    ft_countries_free(c);
}

/* An arms deal or a US sale belongs to the buyer, not to the seller. */
static void test_buyer_owns_the_deal(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "Norway signed an order for howitzers "
                                   "worth $260 million.",
                                   "$260 million"),
                        "NOR");
    assert_string_equal(country_of(c,
                                   "The State Department cleared a possible "
                                   "sale to Denmark of radars for $900 "
                                   "million.",
                                   "$900 million"),
                        "DNK");
    assert_string_equal(country_of(c,
                                   "Hanwha won a $310 million contract to "
                                   "supply Estonia with rocket launchers.",
                                   "$310 million"),
                        "EST");
    assert_string_equal(country_of(c,
                                   "American officials agreed a 1 trillion "
                                   "won deal with Romania.",
                                   "1 trillion won"),
                        "ROU");
    assert_string_equal(
        country_of(c,
                   "한화는 핀란드에 자주포를 수출하는 2억 달러 계약을 맺었다.",
                   "2억 달러"),
        "FIN");
    assert_string_equal(country_of(c,
                                   "체코 정부가 전차를 약 5억 달러에 "
                                   "들여오기로 했다.",
                                   "5억 달러"),
                        "CZE");
    /* The buyer's verb at the very end of the text; cut off there; past
     * the full stop that ends the sentence. */
    assert_string_equal(
        country_of(c, "한국 업체가 2억 달러에 핀란드에 자주포를 수출",
                   "2억 달러"),
        "FIN");
    assert_string_equal(
        country_of(c, "한국 업체가 2억 달러에 핀란드에 자주포를 \xEC\x88",
                   "2억 달러"),
        "KOR");
    assert_string_equal(
        country_of(c, "한국 업체가 2억 달러에 핀란드에 간다. 수출", "2억 달러"),
        "KOR");
    ft_countries_free(c);
}

/* A company's or an institution's money is its home state's, outside a
 * deal. */
static void test_company_home_state(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "Lockheed Martin's backlog stood at $150 "
                                   "billion.",
                                   "$150 billion"),
                        "USA");
    assert_string_equal(country_of(c,
                                   "Rheinmetall expects sales of 10 billion "
                                   "euros.",
                                   "10 billion euros"),
                        "DEU");
    assert_string_equal(country_of(c,
                                   "Parliament set up a fund of 50 billion "
                                   "euros for the Bundeswehr.",
                                   "50 billion euros"),
                        "DEU");
    ft_countries_free(c);
}

/* Cost-sharing for US troops is paid by the host: the United States is
 * paid, and its troops stationed abroad are no owner. */
static void test_cost_sharing_paid_by_host(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "Under the cost-sharing pact, Seoul and "
                                   "the U.S. settled on $1.1 billion.",
                                   "$1.1 billion"),
                        "KOR");
    assert_string_equal(country_of(c,
                                   "Seoul pays $950 million a year for the "
                                   "U.S. troops based here.",
                                   "$950 million"),
                        "KOR");
    ft_countries_free(c);
}

/* The country of `surface` in `text` behind a filler of n bytes: one
 * long word, or short ones, then a space (n >= 1). */
static const char *country_after(const ft_countries *c, size_t n,
                                 bool short_words, const char *text,
                                 const char *surface)
{
    static char buf[512];
    assert_true(n >= 1 && n + strlen(text) < sizeof buf);
    for (size_t i = 0; i + 1 < n; i++)
        buf[i] = short_words && i % 3 == 2 ? ' ' : 'x';
    buf[n - 1] = ' ';
    strcpy(buf + n, text);
    return country_of(c, buf, surface);
}

/* The scan reads English words 8 bytes and the text 64 bytes at a time,
 * and skips the words its filters rule out: every state word and every
 * cue the rules read is still found wherever it stands against those
 * boundaries (a filler moves it byte by byte), and at the text's end. */
static void test_scan_at_every_offset(void **state)
{
    (void)state;
    ft_countries *c = table();
    static const struct {
        const char *text, *surface, *iso3;
    } cases[] = {
        /* a short word, a key of 8 bytes and more, a key of one letter
         * and a stop, a state word whose first word is a common one */
        {"Japan's budget is $5 billion.", "$5 billion", "JPN"},
        {"Mitsubishi Heavy Industries booked $5 billion.", "$5 billion", "JPN"},
        {"Republic of Korea spent $5 billion.", "$5 billion", "KOR"},
        {"U.S. spending rose by $5 billion.", "$5 billion", "USA"},
        {"the North's budget is $5 billion.", "$5 billion", "PRK"},
        {"일본 정부는 방위비로 300억 달러를 잡았다.", "300억 달러", "JPN"},
        /* the cues: a deal, a stem, a hyphenated word, a Korean verb */
        {"Hanwha won a $310 million contract to supply Estonia with "
         "rocket launchers.",
         "$310 million", "EST"},
        {"Hanwha won $310 million in contracts to supply Estonia with "
         "rocket launchers.",
         "$310 million", "EST"},
        {"Under the cost-sharing pact, Seoul and the U.S. settled on $1.1 "
         "billion.",
         "$1.1 billion", "KOR"},
        {"한화는 핀란드에 자주포를 수출하는 2억 달러 계약을 맺었다.",
         "2억 달러", "FIN"},
        /* texts shorter than 16 bytes, read through a copy, and, behind
         * the filler, of every length past the scan's blocks of 16 */
        {"Japan $5bn", "$5bn", "JPN"},
        {"일본 3억원", "3억원", "JPN"},
        /* a state named last, in the text's last bytes */
        {"It is twice the $700 million Tokyo", "$700 million", "JPN"},
        {"It is twice the $700 million Tokyo paid", "$700 million", "JPN"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        assert_string_equal(country_of(c, cases[k].text, cases[k].surface),
                            cases[k].iso3);
        for (size_t n = 1; n <= 72; n++)
            for (int shortw = 0; shortw < 2; shortw++) {
                const char *got = country_after(c, n, shortw, cases[k].text,
                                                cases[k].surface);
                if (strcmp(got, cases[k].iso3) != 0)
                    fail_msg("'%s' behind %zu bytes: %s, not %s", cases[k].text,
                             n, got, cases[k].iso3);
            }
    }
    /* Capitals matter to state words ("The North" is no state), not to
     * cue words. */
    assert_int_equal(ft_countries_match(c, "The North", 9, 0, NULL, NULL), 0);
    assert_string_equal(country_of(c,
                                   "Hanwha won a $310 million CONTRACT to "
                                   "supply Estonia with rocket launchers.",
                                   "$310 million"),
                        "EST");
    ft_countries_free(c);
}

/* The scan passes a word by its first three bytes unless a word of the
 * table or a cue starts with them: a cue in any case, a state word added
 * later, in its case alone; a word of two bytes with anything after. */
static void test_first_two_bytes(void **state)
{
    (void)state;
    ft_countries *c = table();
    static const char *const deal[] = {"contract", "Contract", "cOntract",
                                       "COntract", "coNTRACT"};
    for (size_t k = 0; k < sizeof deal / sizeof deal[0]; k++) {
        char text[160];
        snprintf(text, sizeof text,
                 "Hanwha won a $310 million %s to supply Estonia with "
                 "rocket launchers.",
                 deal[k]);
        assert_string_equal(country_of(c, text, "$310 million"), "EST");
    }
    assert_int_equal(ft_countries_add(c, "FRD", "Freedonia", NULL), FT_OK);
    assert_string_equal(
        country_of(c, "qz Freedonians spent $5 billion.", "$5 billion"), "");
    assert_int_equal(
        ft_countries_add_word(c, "FRD", FT_COUNTRY_ADJECTIVE, "qz Freedonians"),
        FT_OK);
    assert_string_equal(
        country_of(c, "qz Freedonians spent $5 billion.", "$5 billion"), "FRD");
    assert_string_equal(
        country_of(c, "Qz Freedonians spent $5 billion.", "$5 billion"), "");
    /* A word of two bytes, whatever byte the text goes on with. */
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_NAME, "Fq"),
                     FT_OK);
    assert_string_equal(
        country_of(c, "Fq's budget is $5 billion.", "$5 billion"), "FRD");
    assert_string_equal(country_of(c, "Fq budget: $5 billion.", "$5 billion"),
                        "FRD");
    /* A word one byte longer than its key, and one two bytes longer. */
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "Zorbq."),
                     FT_OK);
    assert_string_equal(
        country_of(c, "Zorbq. spent $5 billion on tanks.", "$5 billion"),
        "FRD");
    assert_int_equal(
        ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "Yorbq Works"), FT_OK);
    assert_string_equal(
        country_of(c, "Yorbq Works spent $5 billion on tanks.", "$5 billion"),
        "FRD");
    ft_countries_free(c);
}

/* Behind its first three bytes, the scan passes an English word by its
 * first five (start_passes): every word it reads must still pass, at
 * every place of a block, with text enough after it for the 8-byte
 * reads: a word shorter than five bytes with anything after it ("US",
 * "but", "deal"), a stem of four ("selling"), one of five and more
 * spelled past its first word ("the North"), with a hyphen
 * ("cost-sharing"), in any case for a cue ("DEAL"), and words added to
 * the table of five bytes and of four. */
static void test_first_five_bytes(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_int_equal(ft_countries_add(c, "FRD", "Freedonia", NULL), FT_OK);
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "Qzorb"),
                     FT_OK);
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "Qzor"),
                     FT_OK);
    static const struct {
        const char *text, *surface, *iso3;
    } cases[] = {
        {"US spending rose by $5 billion.", "$5 billion", "USA"},
        {"U.S. spending rose by $5 billion.", "$5 billion", "USA"},
        {"the North's budget is $5 billion.", "$5 billion", "PRK"},
        {"Spending rose to $5 billion but Japan", "$5 billion", ""},
        {"Spending rose to $5 billion while Japan", "$5 billion", ""},
        {"Hanwha won a $310 million deal to supply Estonia with rocket "
         "launchers.",
         "$310 million", "EST"},
        {"Hanwha won a $310 million DEAL to supply Estonia with rocket "
         "launchers.",
         "$310 million", "EST"},
        {"Hanwha is selling $310 million of launchers to Estonia.",
         "$310 million", "EST"},
        {"Hanwha won $310 million in contracts to supply Estonia with "
         "rocket launchers.",
         "$310 million", "EST"},
        {"Under the cost-sharing pact, Seoul and the U.S. settled on $1.1 "
         "billion.",
         "$1.1 billion", "KOR"},
        {"Qzorb spent $5 billion on tanks.", "$5 billion", "FRD"},
        {"Qzor spent $5 billion on tanks.", "$5 billion", "FRD"},
    };
    /* after the sentence, more than a block of words that name nothing */
    static const char tail[] = " Other words follow here to fill the block "
                               "past its end, and then some more of them.";
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        for (size_t n = 1; n <= 72; n++) {
            char text[256];
            snprintf(text, sizeof text, "%s%s", cases[k].text, tail);
            const char *got =
                country_after(c, n, false, text, cases[k].surface);
            if (strcmp(got, cases[k].iso3) != 0)
                fail_msg("'%s' behind %zu bytes: '%s', not '%s'", cases[k].text,
                         n, got, cases[k].iso3);
        }
    ft_countries_free(c);
}

/* The scan passes over words that start with a digit a block at a time,
 * until the table has a word that does: then it finds that word, deep in
 * a long text as at its start. */
static void test_word_with_a_digit_first(void **state)
{
    (void)state;
    ft_countries *c = table();
    char text[400];
    snprintf(text, sizeof text,
             "In 2024 and 2025, 1st rank 3rd rank 42 7 88 9 10 11 12 13 14 "
             "15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34: "
             "the 7th Fleet's budget is $5 billion.");
    assert_string_equal(country_of(c, text, "$5 billion"), "");
    assert_int_equal(ft_countries_add(c, "FRD", "Freedonia", NULL), FT_OK);
    assert_int_equal(
        ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "7th Fleet"), FT_OK);
    assert_string_equal(country_of(c, text, "$5 billion"), "FRD");
    assert_string_equal(
        country_of(c, "7th Fleet's budget is $5 billion.", "$5 billion"),
        "FRD");
    ft_countries_free(c);
}

/* A state word is one only where a word starts: after every byte that
 * is not an ASCII letter or digit, at every place of the scan's blocks
 * of 16 and 64 bytes, and never after one that is. */
static void test_word_starts_after_every_byte(void **state)
{
    (void)state;
    ft_countries *c = table();
    static const size_t fills[] = {0, 14, 15, 16, 46, 47, 62, 63, 64};
    for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++)
        for (unsigned b = 1; b < 256; b++) {
            char text[160];
            memset(text, ' ', fills[f]);
            text[fills[f]] = (char)b;
            strcpy(text + fills[f] + 1, "Japan's budget is $5 billion.");
            bool alnum = (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') ||
                         (b >= 'a' && b <= 'z');
            const char *got = country_of(c, text, "$5 billion");
            if (alnum ? strcmp(got, "JPN") == 0
                      : (b == ' ' || b == '(' || b >= 0x80) &&
                            strcmp(got, "JPN") != 0)
                fail_msg("byte 0x%02X after %zu spaces: '%s'", b, fills[f],
                         got);
        }
    ft_countries_free(c);
}

/* A currency leads to the first state that has it, also after a state
 * given again takes another. */
static void test_currency_first_state(void **state)
{
    (void)state;
    ft_countries *c = ft_countries_new();
    assert_non_null(c);
    assert_int_equal(ft_countries_add(c, "AAA", "Aland", "XXX"), FT_OK);
    assert_int_equal(ft_countries_add(c, "BBB", "Bland", "XXX"), FT_OK);
    assert_int_equal(ft_countries_add(c, "CCC", "Cland", "YYY"), FT_OK);
    assert_string_equal(ft_countries_of_currency(c, "XXX"), "AAA");
    assert_int_equal(ft_countries_add(c, "AAA", NULL, "YYY"), FT_OK);
    assert_string_equal(ft_countries_of_currency(c, "XXX"), "BBB");
    assert_string_equal(ft_countries_of_currency(c, "YYY"), "AAA");
    assert_int_equal(ft_countries_add(c, "BBB", NULL, "ZZZ"), FT_OK);
    assert_null(ft_countries_of_currency(c, "XXX"));
    assert_null(ft_countries_of_currency(c, "XXXX"));
    assert_null(ft_countries_of_currency(c, "XX"));
    assert_null(ft_countries_of_currency(c, ""));
    assert_null(ft_countries_of_currency(c, NULL));
    ft_countries_free(c);
}

/* A word past ASCII of two bytes is keyed by those two, beside the
 * words keyed by their first three. */
static void test_two_byte_word(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_int_equal(ft_countries_add(c, "FRD", "Freedonia", NULL), FT_OK);
    assert_int_equal(
        ft_countries_add_word(c, "FRD", FT_COUNTRY_KOREAN, "\xC3\x89"), FT_OK);
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_KOREAN,
                                           "\xC3\x89\xC3\x89\xC3\x89"),
                     FT_OK);
    const char *iso3 = NULL;
    assert_int_equal(ft_countries_match(c, "\xC3\x89x", 3, 0, &iso3, NULL), 2);
    assert_string_equal(iso3, "FRD");
    assert_int_equal(
        ft_countries_match(c, "\xC3\x89\xC3\x89\xC3\x89", 6, 0, NULL, NULL), 6);
    assert_int_equal(ft_countries_match(c, "\xC3\x8A", 2, 0, NULL, NULL), 0);
    assert_string_equal(
        country_of(c, "\xC3\x89 정부는 방위비로 300억 달러를 잡았다.",
                   "300억 달러"),
        "FRD");
    /* The scan's filter keys two syllables, or a shorter word whole. */
    assert_int_equal(ft_countries_add(c, "SYL", "Syllabia", NULL), FT_OK);
    assert_int_equal(ft_countries_add_word(c, "SYL", FT_COUNTRY_KOREAN, "됴"),
                     FT_OK);
    assert_int_equal(ft_countries_add_word(c, "SYL", FT_COUNTRY_KOREAN, "됴x"),
                     FT_OK);
    assert_string_equal(
        country_of(c, "됴 정부는 방위비로 300억 달러를 잡았다.", "300억 달러"),
        "SYL");
    assert_string_equal(
        country_of(c, "됴x 정부는 방위비로 300억 달러를 잡았다.", "300억 달러"),
        "SYL");
    ft_countries_free(c);
}

/* An article with more mentions, and a table with more states, than the
 * scan keeps without an allocation. */
static void test_many_mentions_and_states(void **state)
{
    (void)state;
    ft_countries *c = table();
    char iso3[4] = "QAA";
    for (int i = 0; i < 140; i++) {
        iso3[1] = (char)('A' + i / 26);
        iso3[2] = (char)('A' + i % 26);
        assert_int_equal(ft_countries_add(c, iso3, "Somewhere", NULL), FT_OK);
    }
    assert_int_equal(ft_countries_add_word(c, iso3, FT_COUNTRY_NAME, "Zembla"),
                     FT_OK);
    char text[2048] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, "Japan, Korea, ");
    strcat(text, "and Zembla's budget is $5 billion.");
    assert_string_equal(country_of(c, text, "$5 billion"), iso3);
    ft_countries_free(c);
}

/* Words that name a state but not the owner: the currency ("US$"), an
 * institution named after a state, a place of make, a beneficiary, its
 * people, a state in another clause. */
static void test_names_that_own_nothing(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "The ministry wants 40 trillion won "
                                   "(US$30 billion).",
                                   "40 trillion won"),
                        "KOR");
    assert_string_equal(country_of(c,
                                   "North Korea's tests, the Korea Institute "
                                   "for Defense Analyses said, cost $90 "
                                   "million.",
                                   "$90 million"),
                        "PRK");
    assert_string_equal(
        country_of(c, "Each drone built in Israel costs $20 million.",
                   "$20 million"),
        "");
    assert_string_equal(country_of(c,
                                   "The ministry set aside 9 billion won for "
                                   "North Korean defectors.",
                                   "9 billion won"),
                        "KOR");
    assert_string_equal(country_of(c,
                                   "The bill adds $700 million in support of "
                                   "Ukraine's army.",
                                   "$700 million"),
                        "");
    assert_string_equal(country_of(c,
                                   "The fund held 300 billion won, but it "
                                   "shrank amid North Korea's threats.",
                                   "300 billion won"),
                        "KOR");
    assert_string_equal(
        country_of(c, "통일부는 북한 인권 사업에 20억원을 더 배정했다.",
                   "20억원"),
        "KOR");
    /* the maker is no owner; a neighbour in a "whose" clause neither */
    assert_string_equal(country_of(c,
                                   "The navy paid P5 billion for two ships "
                                   "built by South Korea's shipyards.",
                                   "P5 billion"),
                        "PHL");
    assert_string_equal(country_of(c,
                                   "The jet will cost 5 trillion won, of which "
                                   "Indonesia pays a fifth.",
                                   "5 trillion won"),
                        "KOR");
    assert_string_equal(
        country_of(c,
                   "The country will spend 90 billion zlotys on "
                   "the army of the nation, whose border "
                   "with Ukraine is tense.",
                   "90 billion zlotys"),
        "POL");
    ft_countries_free(c);
}

/* "bought from X": X sells; "an order from X": X buys; "give X": X
 * receives. */
static void test_seller_and_recipient(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "Canada will purchase drones from the "
                                   "United States for $1.9 billion.",
                                   "$1.9 billion"),
                        "CAN");
    assert_string_equal(country_of(c,
                                   "Kongsberg won an order from Lithuania "
                                   "worth $80 million.",
                                   "$80 million"),
                        "LTU");
    assert_string_equal(country_of(c,
                                   "Denmark will give Ukraine 2 billion "
                                   "euros in arms.",
                                   "2 billion euros"),
                        "DNK");
    ft_countries_free(c);
}

/* Two states joined before a figure: the first leads. */
static void test_joined_states(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "Sweden and Finland will split the $3 "
                                   "billion bill.",
                                   "$3 billion"),
                        "SWE");
    ft_countries_free(c);
}

/* No state in the sentence: a deal looks back for its buyer; otherwise
 * a one-state currency tells, else the state the sentences before talk
 * of; a dollar or euro figure alone says nothing.  The look-back is
 * bounded. */
static void test_look_back_and_currency(void **state)
{
    (void)state;
    ft_countries *c = table();
    assert_string_equal(country_of(c,
                                   "Greece is buying frigates. The contract "
                                   "is worth 900 billion won.",
                                   "900 billion won"),
                        "GRC");
    assert_string_equal(country_of(c,
                                   "Australia plans a larger fleet. The "
                                   "programme will cost $30 billion.",
                                   "$30 billion"),
                        "AUS");
    assert_string_equal(country_of(c,
                                   "Canada talked to Japan. The budget rose "
                                   "to 9 trillion yen.",
                                   "9 trillion yen"),
                        "JPN");
    assert_string_equal(
        country_of(c, "The budget rose to $9 billion.", "$9 billion"), "");
    assert_string_equal(
        country_of(c, "The fund holds 4 billion euros.", "4 billion euros"),
        "");
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof text, "Hungary rearms.");
    while (n < 2500)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              " Nothing happened then.");
    snprintf(text + n, sizeof text - n, " It cost $5 billion.");
    assert_string_equal(country_of(c, text, "$5 billion"), "");
    ft_countries_free(c);
}

/* A figure in an article that names no state takes its currency's state,
 * else its conversion's, read from the figure's 8-byte codes: the same
 * as ft_countries_of_currency for every byte at each of the code's four
 * places (a code is three capitals and its end). */
static void test_figure_currency_every_byte(void **state)
{
    (void)state;
    ft_countries *c = table();
    const char text[] = "Nothing is named here, it cost 5 units.";
    for (size_t p = 0; p < 4; p++) {
        for (unsigned v = 0; v < 256; v++) {
            for (int reported = 0; reported < 2; reported++) {
                ft_figure f;
                memset(&f, 0, sizeof f);
                f.start = 31;
                f.end = 38;
                f.sent_end = sizeof text - 1;
                char code[8] = "KRW";
                code[p] = (char)v;
                memcpy(reported ? f.reported_currency : f.currency, code, 8);
                if (reported) {
                    f.has_reported = true;
                    memcpy(f.currency, "XX", 3);
                }
                assert_int_equal(
                    ft_countries_assign(c, text, sizeof text - 1, &f, 1),
                    FT_OK);
                const char *want = ft_countries_of_currency(c, code);
                assert_string_equal(f.country, want ? want : "");
            }
        }
    }
    ft_countries_free(c);
}

/* No table: every country stays empty. */
static void test_no_table(void **state)
{
    (void)state;
    assert_string_equal(
        country_of(NULL, "Japan spent 5 trillion yen.", "5 trillion yen"), "");
}

static char *write_temp(const char *text)
{
    static char path[] = "/tmp/ft_countries_XXXXXX";
    strcpy(path, "/tmp/ft_countries_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* A user's file adds states and words, in any column order; a bad one
 * is refused with its line. */
static void test_load_user_file(void **state)
{
    (void)state;
    ft_countries *c = table();
    char *p = write_temp("name,iso3,organisations,currency\n"
                         "Freedonia,FRD,Acme Arms,FRK\n"
                         ",KOR,Daewoo Shipbuilding,\n");
    ft_error err;
    assert_int_equal(ft_countries_load(c, p, &err), FT_OK);
    remove(p);
    assert_string_equal(ft_countries_name(c, "FRD"), "Freedonia");
    assert_string_equal(ft_countries_name(c, "KOR"), "South Korea");
    assert_string_equal(ft_countries_of_currency(c, "FRK"), "FRD");
    assert_string_equal(
        country_of(c, "Acme Arms earned $3 million.", "$3 million"), "FRD");
    assert_string_equal(
        country_of(c, "Daewoo Shipbuilding's backlog is $9 billion.",
                   "$9 billion"),
        "KOR");
    p = write_temp("iso3,name\nKOR,South Korea\nkor,lower\n");
    assert_int_equal(ft_countries_load(c, p, &err), FT_ECONFIG);
    assert_int_equal(err.line, 3);
    remove(p);
    p = write_temp("name\nSouth Korea\n");
    assert_int_equal(ft_countries_load(c, p, &err), FT_ECONFIG);
    remove(p);
    assert_int_equal(ft_countries_load(c, "/nonexistent/countries.csv", &err),
                     FT_ENOINPUT);
    ft_countries_free(c);
}

/* A word a state has already is not added again, also when the state is
 * given again later, with other states' words added in between; the
 * same word for another state is that state's too. */
static void test_word_given_twice(void **state)
{
    (void)state;
    ft_countries *c = table();
    size_t n = ft_countries_nwords(c);
    assert_int_equal(ft_countries_add_word(c, "KOR", FT_COUNTRY_ORG, "Hanwha"),
                     FT_OK);
    assert_int_equal(ft_countries_add_word(c, "KOR", FT_COUNTRY_NAME, "Seoul"),
                     FT_OK);
    assert_int_equal(ft_countries_nwords(c), n);
    assert_int_equal(ft_countries_add(c, "FRD", "Freedonia", NULL), FT_OK);
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "Acme"),
                     FT_OK);
    assert_int_equal(ft_countries_add_word(c, "KOR", FT_COUNTRY_ORG, "Acme"),
                     FT_OK);
    assert_int_equal(ft_countries_nwords(c), n + 2);
    assert_int_equal(ft_countries_add(c, "FRD", NULL, NULL), FT_OK);
    assert_int_equal(ft_countries_add_word(c, "FRD", FT_COUNTRY_ORG, "Acme"),
                     FT_OK);
    assert_int_equal(ft_countries_add_word(c, "KOR", FT_COUNTRY_ORG, "Acme"),
                     FT_OK);
    assert_int_equal(
        ft_countries_add_word(c, "KOR", FT_COUNTRY_NAME, "South Korea"), FT_OK);
    assert_int_equal(ft_countries_nwords(c), n + 2);
    ft_countries_free(c);
}

/* The scan sends a word on to the look-up, which asks no filter again,
 * when its first bytes may start a state word that goes on past them
 * ("Hyundai " of "Hyundai Rotem") or a hyphen follows it: the look-up
 * alone must then tell a word of the table from one that only begins
 * like it, or from any other word with a hyphen, at every place of a
 * block and in the text's last bytes. */
static void test_look_up_after_the_filters(void **state)
{
    (void)state;
    ft_countries *c = table();
    static const struct {
        const char *text, *surface, *iso3;
    } cases[] = {
        {"Hyundai Rotem spent $5 billion on tanks.", "$5 billion", "KOR"},
        {"Hyundai Motor spent $5 billion on plants.", "$5 billion", ""},
        {"the North's budget is $5 billion.", "$5 billion", "PRK"},
        {"the Northern fleet's budget is $5 billion.", "$5 billion", ""},
        {"Qzorb-class ships cost $5 billion.", "$5 billion", ""},
        {"It cost $5 billion, Hyundai Motor", "$5 billion", ""},
        {"It cost $5 billion, Hyundai Rotem", "$5 billion", "KOR"},
        {"It cost $5 billion, Qzorb-class", "$5 billion", ""},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        for (size_t n = 1; n <= 72; n++) {
            const char *got =
                country_after(c, n, false, cases[k].text, cases[k].surface);
            if (strcmp(got, cases[k].iso3) != 0)
                fail_msg("'%s' behind %zu bytes: '%s', not '%s'", cases[k].text,
                         n, got, cases[k].iso3);
        }
    ft_countries_free(c);
}

/* The scan classifies whole blocks of 64 bytes with SSE2, or with AVX2
 * where the processor has it: each must find the letters, digits and
 * word starts a look at each byte finds, whatever the bytes (every value
 * at every place of a block, next to letters, digits, spaces and
 * characters past ASCII). */
static void test_blocks_agree(void **state)
{
    (void)state;
    char text[256 * 4 + 64];
    size_t n = 0;
    for (unsigned b = 0; b < 256; b++) {
        static const char next[] = {'a', '7', ' ', (char)0xEC};
        text[n++] = (char)b;
        text[n++] = next[b % 4];
        text[n++] = (char)(255 - b);
        text[n++] = next[(b / 4) % 4];
    }
    static const char words[] = "Japan's 2024 budget: 일본 방위비, U.S.-made";
    memcpy(text + n, words, sizeof words - 1);
    n += sizeof words - 1;
    assert_true(ft_countries_blocks_agree(text, n));
}

/* A news article names states far from its few figures, and the scan
 * reads only the text around them (collect_near): each figure must get
 * the state the scan of the whole text gives it.  That scan is what a
 * figure out of text order forces (one appended at the text's start,
 * whose own look-ups come after all the others'), so the figures of
 * text, as extract gives them, are given their states again with such a
 * figure behind them, and must get the same.  The state of the last
 * figure in *last ("?" when none). */
static void assert_windows_agree(const ft_countries *c, const char *text,
                                 size_t len, const char *what, char last[4])
{
    ft_figlist l;
    ft_figlist_init(&l);
    ft_extract_opts o = {.countries = c};
    assert_int_equal(ft_extract(text, len, &o, &l, NULL), FT_OK);
    strcpy(last, "?");
    if (l.len == 0) {
        ft_figlist_free(&l);
        return;
    }
    ft_figure *all = calloc(l.len + 1, sizeof *all);
    assert_non_null(all);
    memcpy(all, l.items, l.len * sizeof *all);
    all[l.len] = (ft_figure){.start = 0, .end = 1, .sent_end = 1};
    assert_int_equal(ft_countries_assign(c, text, len, all, l.len + 1), FT_OK);
    for (size_t i = 0; i < l.len; i++)
        if (strcmp(all[i].country, l.items[i].country) != 0)
            fail_msg("%s, figure at %zu: '%s' around it, '%s' whole", what,
                     l.items[i].start, l.items[i].country, all[i].country);
    memcpy(last, l.items[l.len - 1].country, 4);
    free(all);
    ft_figlist_free(&l);
}

/* n bytes of words that name nothing and are no cue, at p, with commas
 * (where the scan may start) between them. */
static size_t filler(char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        p[i] = "lorem, "[i % 7];
    return n;
}

static void test_windows_agree_with_whole_text(void **state)
{
    (void)state;
    ft_countries *c = table();
    static char text[16384];
    char got[4];
    /* At the edges of a figure's windows: a buyer's deal word a little
     * before the first state it reads back to ("a sale, ... to Poland
     * ... The contract is worth"), past bytes the scan may start after;
     * and one a little after the last state it reads after it. */
    bool buyer = false;
    for (size_t d = 1400; d < 1560; d++) {
        size_t n = filler(text, 3000);
        n += (size_t)sprintf(text + n, " a sale, ");
        n += filler(text + n, 200);
        n += (size_t)sprintf(text + n, " to Poland ");
        n += filler(text + n, d);
        n += (size_t)sprintf(text + n, ". The contract is worth $5 billion.");
        assert_windows_agree(c, text, n, "look back", got);
        buyer |= strcmp(got, "POL") == 0;
    }
    assert_true(buyer);
    buyer = false;
    for (size_t d = 200; d < 300; d++) {
        size_t n = filler(text, 3000);
        n += (size_t)sprintf(text + n, ". Arms worth $5 billion ");
        n += filler(text + n, 370);
        n += (size_t)sprintf(text + n, " went to Poland ");
        n += filler(text + n, d);
        n += (size_t)sprintf(text + n, " in a deal.");
        n += filler(text + n, 3000);
        assert_windows_agree(c, text, n, "after", got);
        buyer |= strcmp(got, "POL") == 0;
    }
    assert_true(buyer);
    /* States joined across a window's start: "a sale to" makes each a
     * place, which names no owner, but the ones joined to it far from
     * the deal word (" and "). */
    for (size_t d = 1240; d < 1520; d += 3) {
        size_t n = filler(text, 3000);
        n += (size_t)sprintf(text + n, " a sale to Japan");
        for (int k = 0; k < 40; k++)
            n += (size_t)sprintf(text + n, " and Japan");
        n += filler(text + n, d);
        n += (size_t)sprintf(text + n, ". The contract is worth $5 billion.");
        assert_windows_agree(c, text, n, "joined", got);
    }
    /* A buyer at the end of a figure's sentence, after the state named
     * before it. */
    buyer = false;
    for (size_t d = 0; d < 330; d += 11) {
        size_t n = filler(text, 3000);
        n += (size_t)sprintf(text + n, ". Japan will sell $5 billion of arms");
        n += filler(text + n, d);
        n += (size_t)sprintf(text + n, " in a sale to Poland. Then ");
        n += filler(text + n, 3000);
        assert_windows_agree(c, text, n, "buyer after", got);
        buyer |= strcmp(got, "POL") == 0;
    }
    assert_true(buyer);
    /* What decides a figure from before the window around its sentence:
     * a cost-sharing word (the United States is paid), states joined
     * to the one before it. */
    bool paid = false;
    for (size_t d = 400; d < 1500; d += 50) {
        size_t n = filler(text, 3000);
        n += (size_t)sprintf(text + n, " the cost-sharing talks ");
        n += filler(text + n, d);
        n += (size_t)sprintf(text + n, ". The United States wants $5 billion.");
        assert_windows_agree(c, text, n, "cost-sharing", got);
        paid |= strcmp(got, "") == 0;
    }
    assert_true(paid);
    for (int j = 50; j < 90; j += 3) {
        size_t n = filler(text, 3000);
        n += (size_t)sprintf(text + n, ". China");
        for (int k = 0; k < j; k++)
            n += (size_t)sprintf(text + n, " and Japan");
        n += (size_t)sprintf(text + n, " and Poland's budget is $5 billion.");
        assert_windows_agree(c, text, n, "joined before", got);
        assert_string_equal(got, "CHN");
    }
    /* Texts of many parts at random: states, cues, joins, breaks. */
    static const char *const parts[] = {"Japan",
                                        "the United States",
                                        "South Korea",
                                        "North Korea",
                                        "U.S.",
                                        "Korean",
                                        "Hanwha",
                                        "Seoul",
                                        "Poland",
                                        "Finland",
                                        "China",
                                        " and ",
                                        " and ",
                                        " or ",
                                        ", ",
                                        ", ",
                                        ". ",
                                        ". The ",
                                        "\n",
                                        " ",
                                        " ",
                                        "-",
                                        "'s ",
                                        "(",
                                        ")",
                                        "contract",
                                        "sale to ",
                                        "sold to ",
                                        "buying",
                                        "order from ",
                                        "aid to ",
                                        "in ",
                                        "for ",
                                        "troops",
                                        "cost-sharing",
                                        "defense budget",
                                        "the navy",
                                        "it said",
                                        "deal",
                                        "built in ",
                                        "won",
                                        "한국",
                                        "일본에 수출",
                                        "폴란드와 계약",
                                        "정부가 ",
                                        "Korea Institute for Defense Analyses",
                                        "$5 billion",
                                        "3억 달러",
                                        "100 billion won",
                                        "Mitsubishi Heavy Industries",
                                        "Estonia",
                                        "and the",
                                        "purchase",
                                        "supply"};
    size_t np = sizeof parts / sizeof parts[0];
    uint32_t seed = 12345;
    for (int k = 0; k < 300; k++) {
        size_t n = 0, want = 2000 + (size_t)(k * 37 % 9000);
        while (n + 64 < want) {
            seed = seed * 1103515245u + 12345u;
            if ((seed >> 20) % 4 == 0) /* most of a text names nothing */
                n += filler(text + n, 40 + (seed >> 24) % 200);
            else
                n += (size_t)sprintf(text + n, "%s", parts[(seed >> 8) % np]);
        }
        char what[32];
        snprintf(what, sizeof what, "text %d", k);
        assert_windows_agree(c, text, n, what, got);
    }
    ft_countries_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_table_word_matches),
        cmocka_unit_test(test_word_boundaries),
        cmocka_unit_test(test_named_state_owns),
        cmocka_unit_test(test_buyer_owns_the_deal),
        cmocka_unit_test(test_company_home_state),
        cmocka_unit_test(test_cost_sharing_paid_by_host),
        cmocka_unit_test(test_scan_at_every_offset),
        cmocka_unit_test(test_first_two_bytes),
        cmocka_unit_test(test_first_five_bytes),
        cmocka_unit_test(test_word_with_a_digit_first),
        cmocka_unit_test(test_word_starts_after_every_byte),
        cmocka_unit_test(test_currency_first_state),
        cmocka_unit_test(test_two_byte_word),
        cmocka_unit_test(test_many_mentions_and_states),
        cmocka_unit_test(test_names_that_own_nothing),
        cmocka_unit_test(test_seller_and_recipient),
        cmocka_unit_test(test_joined_states),
        cmocka_unit_test(test_look_back_and_currency),
        cmocka_unit_test(test_figure_currency_every_byte),
        cmocka_unit_test(test_no_table),
        cmocka_unit_test(test_load_user_file),
        cmocka_unit_test(test_word_given_twice),
        cmocka_unit_test(test_look_up_after_the_filters),
        cmocka_unit_test(test_blocks_agree),
        cmocka_unit_test(test_windows_agree_with_whole_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
