/* test_subject.c — what each figure pays for, and the alias table. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract.h"
#include "purpose.h"
#include "subject.h"

/* ---- purpose: word look-ups (hashed English words, Korean nouns) ---- */

/* The purpose ft_purpose_of reads for the one figure `surface` of the
 * one-sentence text, into out. */
static ft_purpose purpose_of_one(const char *text, const char *surface,
                                 char *out, size_t cap)
{
    const char *p = strstr(text, surface);
    assert_non_null(p);
    ft_figure f = {0};
    f.start = (size_t)(p - text);
    f.end = f.start + strlen(surface);
    f.sent_end = strlen(text);
    return ft_purpose_of(text, strlen(text), &f, 1, 0, out, cap);
}

typedef struct {
    const char *text, *surface, *want; /* want NULL: no purpose */
} purpose_case;

/* Words are found in the table in any case, a word of the table with a
 * hyphen ("on-year") is found whole, and words the table cannot hold
 * (longer than its longest, with a digit or an apostrophe) are no word of
 * it. */
static void test_purpose_word_lookup(void **state)
{
    (void)state;
    static const purpose_case cases[] = {
        {"The ministry set aside 5 billion won for new tanks.", "5 billion won",
         "new tanks"},
        {"THE MINISTRY SET ASIDE 5 BILLION WON FOR NEW TANKS.", "5 BILLION WON",
         "NEW TANKS"},
        /* runs of spaces after words, one right before the figure */
        {"The ministry set aside   5 billion won for   new  tanks.",
         "5 billion won", "new tanks"},
        {"The Ministry Set Aside 5 Billion Won For New Tanks.", "5 Billion Won",
         "New Tanks"},
        {"Exports rose 5.1% on-year to 3 trillion won.", "3 trillion won",
         "Exports"},
        {"Exports rose 5.1% ON-YEAR to 3 trillion won.", "3 trillion won",
         "Exports"},
        {"The budget stands at 2 trillion won.", "2 trillion won", NULL},
        {"The counterintelligence-modernisation budget stands at 2 trillion "
         "won.",
         "2 trillion won", "counterintelligence-modernisation budget"},
        {"Korea's 2024 budget stands at 2 trillion won.", "2 trillion won",
         NULL},
        {"Seoul will spend 3 billion won to build infrastructure.",
         "3 billion won", "build infrastructure"},
        {"Seoul will spend 3 billion won TO BUILD infrastructure.",
         "3 billion won", "BUILD infrastructure"},
        {"\xEB\xB3\x91\xEC\x9E\xA5 \xEC\x9B\x94\xEA\xB8\x89\xEC\x9D\x80 "
         "100\xEB\xA7\x8C\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
         "100\xEB\xA7\x8C\xEC\x9B\x90", /* 병장 월급은 100만원이다. */
         "\xEB\xB3\x91\xEC\x9E\xA5 \xEC\x9B\x94\xEA\xB8\x89"},
        {"\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84\xEB\xB6\x84\xEB\x8B\xB4\xEA"
         "\xB8\x88\xEC\x9D\x80 1\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B"
         "\xA4.",
         "1\xEC\xA1\xB0\xEC\x9B\x90", /* 방위비분담금은 1조원이다. */
         "\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84\xEB\xB6\x84\xEB\x8B\xB4\xEA"
         "\xB8\x88"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[FT_SUBJECT_MAX];
        ft_purpose r =
            purpose_of_one(cases[i].text, cases[i].surface, out, sizeof out);
        if (!cases[i].want) {
            assert_int_equal(r, FT_PURPOSE_NONE);
            assert_string_equal(out, "");
        } else {
            assert_int_equal(r, FT_PURPOSE_FOUND);
            assert_string_equal(out, cases[i].want);
        }
    }
}

/* "respectively" in any case pairs a list of names with a list of
 * amounts; one more than 40 tokens after the amount does not. */
static void test_purpose_respectively(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want[2];
        ft_purpose said[2];
    } cases[] = {
        {"Sergeants and corporals get 2 million won and 1 million won "
         "respectively.",
         {"Sergeant", "corporal"},
         {FT_PURPOSE_FOUND, FT_PURPOSE_FOUND}},
        {"Sergeants and corporals get 2 million won and 1 million won "
         "RESPECTIVELY.",
         {"Sergeant", "corporal"},
         {FT_PURPOSE_FOUND, FT_PURPOSE_FOUND}},
        {"Sergeants and corporals get 2 million won and 1 million won, as "
         "reported by the ministry in its statement on the new pay scale for "
         "the coming year, which also covers other ranks and allowances for "
         "housing, meals, travel and the like, all of which rose "
         "respectively.",
         {"Sergeants and corporals", ""},
         {FT_PURPOSE_FOUND, FT_PURPOSE_AS_BEFORE}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *text = cases[i].text;
        const char *two = strstr(text, "2 million won");
        const char *one = strstr(text, "1 million won");
        ft_figure f[2] = {{0}};
        f[0].start = (size_t)(two - text);
        f[1].start = (size_t)(one - text);
        for (size_t k = 0; k < 2; k++) {
            f[k].end = f[k].start + strlen("1 million won");
            f[k].sent_end = strlen(text);
        }
        for (size_t k = 0; k < 2; k++) {
            char out[FT_SUBJECT_MAX];
            assert_int_equal(
                ft_purpose_of(text, strlen(text), f, 2, k, out, sizeof out),
                cases[i].said[k]);
            assert_string_equal(out, cases[i].want[k]);
        }
    }
}

/* A domain noun is found wherever a syllable of the word starts, and a
 * word's particle comes off longest first. */
static void test_purpose_korean_nouns(void **state)
{
    (void)state;
    static const struct {
        const char *word;
        bool names;
        size_t stem; /* bytes */
    } cases[] = {
        {"\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84\xEB\xB6\x84\xEB\x8B\xB4\xEA"
         "\xB8\x88\xEC\x9D\x84",
         true, 18}, /* 방위비분담금을: 방위비 at the start */
        {"\xEB\xB0\xA9\xEC\x9C\x84\xEB\xA0\xA5\xEA\xB0\x9C\xEC\x84\xA0\xEB"
         "\xB9\x84",
         true, 18}, /* 방위력개선비: 개선비 at the end */
        {"\xEA\xB5\xAD\xEB\xB0\xA9\xEB\xB6\x80\xEC\x97\x90\xEC\x84\x9C\xEB"
         "\x8A\x94",
         false, 9}, /* 국방부에서는: who pays; 에서는 before 는 */
        {"\xEC\x98\x88", false, 3},            /* 예: one syllable */
        {"\xEC\x98\x88\xEC\x82\xB0", true, 6}, /* 예산 */
        {"budget", false, 6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].word);
        assert_int_equal(ft_purpose_korean_names(cases[i].word, n),
                         cases[i].names);
        assert_int_equal(ft_purpose_korean_stem(cases[i].word, n),
                         cases[i].stem);
    }
}

typedef struct {
    const char *text;
    const char *want; /* subjects of the figures, in order, "|"-separated;
                         "-" for none */
} subject_case;

static const subject_case cases[] = {
    /* the design card: a back-reference and an acronym's expansion */
    {"The fund, established in 1991, supports exchanges. Its budget peaked "
     "at 439.7 billion won ($317.4 million) in 2007.",
     "-"},
    {"Chung plans to use the Inter-Korean Cooperation Fund again. The fund, "
     "established in 1991, supports exchanges. Its budget peaked at 439.7 "
     "billion won ($317.4 million) in 2007. The most recent use of the fund "
     "was in 2023, when 900 million won was allocated to a child nutrition "
     "program.",
     "Inter-Korean Cooperation Fund|Inter-Korean Cooperation Fund"},
    {"South Korea's military will upgrade the Allied Korean Joint Command "
     "and Control System. The command and control system will be ready by "
     "2029, under a 117.8 billion won ($84.9 million) project, according to "
     "Seoul's Defense Acquisition Program Administration. Critics point to "
     "AKJCCS.",
     "Allied Korean Joint Command and Control System (AKJCCS)"},
    {"The Allied Korean Joint Command and Control System (AKJCCS) will cost "
     "117.8 billion won.",
     "Allied Korean Joint Command and Control System (AKJCCS)"},

    /* names, acronyms, budget lines, aliases */
    {"Seoul will pay 1.5 trillion won under the Special Measures Agreement.",
     "Special Measures Agreement"},
    {"The KF-21 project will cost 8.8 trillion won.", "KF-21"},
    {"The 2019 defense budget was 46.7 trillion won.", "defence budget"},
    {"Defense spending rose to $886 billion.", "defence spending"},
    {"국방예산은 61조2469억원이다.", "defence budget"},
    {"남북협력기금 4,397억 원", "Inter-Korean Cooperation Fund"},
    {"방위력개선비는 20조1744억원으로 늘었다.", "force improvement"},
    {"It allocated 900 million won to a child nutrition program.",
     "child nutrition program"},
    {"The contract, worth $6.5 billion, covers K2 tanks.", "-"},

    /* a ", which ...," aside says less than the sentence's subject */
    {"The force improvement budget, which covers arms purchases and "
     "development, rose 5.2 percent to 18.3 trillion won.",
     "force improvement"},

    /* a weapon word refers to no earlier programme */
    {"The KDDX program will cost about 7.8 trillion won through 2030.\nIn "
     "2024, North Korea spent an estimated $4 billion on its missile "
     "programs.",
     "KDDX|missile programs"},

    /* what a defence ministry asks for, with nothing else named */
    {"Japan's defense ministry requested a record 8.8 trillion yen for "
     "fiscal 2026.",
     "defence budget"},
    {"국방부는 66조원을 편성했다.", "defence budget"},
    {"The defence story goes on. The ministry requested 5 trillion won.",
     "defence budget"},
    {"The military wants new tanks. The ministry requested 3 trillion won "
     "for them. The amount would mark a rise over the 2 trillion won "
     "budgeted this year.",
     "defence budget|defence budget"},
    {"Its spending fell from 5 billion won to 4 billion won and then to 3 "
     "billion won to end at 2 billion won.",
     "spending|spending|spending|spending"},
    {"The defence story goes on. The unification ministry requested 5 "
     "trillion won.",
     "-"},

    /* a dateline names a place; "the 2023 budget" the budget named before */
    {"SEOUL -- The National Assembly approved a defence budget of 59.4 "
     "trillion won for 2024. It lifted the 2023 budget from 54.6 trillion "
     "won in 2022.",
     "defence budget|defence budget"},
    {"TOKYO (Yonhap) -- Japan approved 8.7 trillion yen for the SDF.", "SDF"},

    /* institutions, places and people are not what money pays for */
    {"The Defense Ministry requested 66 trillion won.", "defence budget"},
    {"The Defense Ministry said 66 trillion won was spent.", "-"},
    /* two figures of one sentence read it once, and the next sentence is
     * read afresh */
    {"The Defense Ministry said 5 trillion won was spent. The Defense "
     "Ministry requested 66 trillion won and 2 trillion won.",
     "-|defence budget|defence budget"},
    {"Seoul's Defense Acquisition Program Administration (DAPA) said 5 "
     "trillion won was approved.",
     "-"},
    {"President Lee Jae Myung approved $5 billion.", "-"},

    /* the nearest, and a strong clause break keeps them apart */
    {"The Inter-Korean Cooperation Fund has 1 trillion won, while the "
     "defence budget is 61 trillion won.",
     "Inter-Korean Cooperation Fund|defence budget"},

    /* a back-reference does not reach into the next story of a feed */
    {"Unification ministry news\nThe Inter-Korean Cooperation Fund was "
     "shut.\n\n\nKorea Herald\n8 hours ago\n- Korea Herald\nArms news\nThe "
     "fund will get 5 trillion won.",
     "-"},
    {"The Inter-Korean Cooperation Fund was shut.\nThe fund will get 5 "
     "trillion won.",
     "Inter-Korean Cooperation Fund"},

    /* the forms issue 8 names, in our own words */
    {"The ministry's budget rose to 3 trillion won.", "ministry's budget"},
    {"Germany's special fund holds 100 billion euros.",
     "Germany's special fund"},
    {"The army pays 405,000 won for a sergeant and 98,500 for a private.",
     "sergeant|private"},
    {"Seoul sent 5 billion won in humanitarian aid.", "humanitarian aid"},
    {"Hanwha signed a 2 trillion won contract for howitzers.",
     "contract for howitzers"},
    {"Operating costs are 33 trillion won.", "Operating costs"},
    {"Housing allowances: 12 billion won.", "Housing allowances"},

    /* purposes named by the grammar: after the amount */
    {"The navy set aside 3.1 billion won for coastal radar upgrades.",
     "coastal radar upgrades"},
    {"Seoul spent 40 billion won on winter uniforms and 12 billion won on "
     "field rations.",
     "winter uniforms|field rations"},
    {"Another 2.5 trillion won will go towards new frigates.", "new frigates"},
    {"Some 900 million won is earmarked for pilot training.", "pilot training"},
    {"It paid 7 billion won in compensation.", "compensation"},
    {"The city will hand 4 billion won to fishing cooperatives.",
     "fishing cooperatives"},
    {"The army needs 80 billion won to buy night-vision goggles.",
     "buy night-vision goggles"},
    /* the amount as a modifier */
    {"Lawmakers froze a 2.2 trillion won plan for building light carriers.",
     "plan for building light carriers"},
    {"They approved a 50 billion won cut in the coast guard budget.",
     "coast guard budget"},
    {"Critics attacked the agency's 12 billion won budget for office "
     "furniture.",
     "budget for office furniture"},
    /* before the amount: NP of X, linking verbs, a colon, a list */
    {"Reservists get an average daily allowance of 12,000 won.",
     "average daily allowance"},
    {"Maintenance costs for the fleet stood at 4.4 trillion won.",
     "Maintenance costs for the fleet"},
    {"Cyber defense was allotted 90 billion won.", "Cyber defense"},
    {"Base housing: 310 billion won.", "Base housing"},
    {"Fuel cost 50 million dollars, spare parts 20 million dollars.",
     "Fuel|spare parts"},
    {"Majors, captains and lieutenants earn 5 million won, 4 million won "
     "and 3 million won respectively.",
     "Major|captain|lieutenant"},
    {"The plan would lift veterans' pensions to 1.2 million won.",
     "veterans' pensions"},
    /* a list that leaves its subject out, and a sentence that points back */
    {"Its ammunition budget went from 1.1 trillion won in 2020 to 1.4 "
     "trillion won in 2022.",
     "ammunition budget|ammunition budget"},
    {"Drone funding rose to 800 billion won. This is 200 billion won more "
     "than before.",
     "Drone funding|Drone funding"},
    /* a possessive stays whole; the announcer is never the subject */
    {"The Navy's submarine fund holds 3 trillion won.",
     "Navy's submarine fund"},
    {"The Ministry of Coastal Affairs (MCA) said the harbour dredging "
     "project will cost 60 billion won.",
     "harbour dredging project"},
    /* the head a place phrase hangs from; a period is no name */
    {"Training funding within the army budget totals 90 billion won.",
     "Training funding"},
    {"A helicopter deal with Peru, valued at $400 million, was signed.",
     "helicopter deal"},
    {"Spending in the 2024/2025 financial year came to 12 billion pounds.",
     "Spending"},
    {"It gave 3 billion won in emergency assistance to farmers.",
     "emergency assistance"},
    {"A budget request of 9 trillion yen was filed.", "budget request"},
    {"The defence ministry filed a budget request of 9 trillion yen.",
     "defence budget"},
    {"Analysts put the army's fuel bill at 80 billion won.",
     "army's fuel bill"},
    {"The agency asked the government to set aside 5 billion won.", "-"},
    {"It will cost 2 billion won for two days.", "-"},
    {"About 3 billion zlotys is also set aside for building a bridge.",
     "building a bridge"},
    {"Repairing the old depots by itself will cost a good 2 billion euros.",
     "old depots"},
    {"Army Warns: Over 2 Trillion Won Extra Ammunition Budget Needed",
     "Extra Ammunition Budget"},
    {"Oslo signed a $300 million radar deal with Sweden.",
     "radar deal with Sweden"},
    {"Another 2 billion yen was sought for patrol boats.", "patrol boats"},
    {"The bill designated $5 billion as disaster funding.", "disaster funding"},
    {"The report put naval spending in 2020 at $40 billion.", "naval spending"},
    /* a capital that only opens the sentence is no name; a name keeps
     * all its words */
    {"Budget cuts removed 5 billion won from training.", "-"},
    {"Aid to the flood zone totalled 3 million dollars.", "Aid"},
    {"Britain put 2 billion pounds into the Tempest fighter programme.",
     "Tempest fighter programme"},
    {"Force improvement accounts for 17 trillion won.", "Force improvement"},
    {"The 1.5-trillion won budget for drones grew.", "budget for drones"},
    {"The KRW40 trillion plan stalled.", "-"},
    {"Costs of depot repairs, at about 90 billion won a year, are not "
     "counted.",
     "Costs of depot repairs"},
    {"The plan would allocate 3 trillion won to repairing barracks.",
     "repairing barracks"},
    {"Officers' monthly pay would increase from 2 million won to 2.2 "
     "million won.",
     "Officers' monthly pay|Officers' monthly pay"},
    {"The budget for veterans' clinics is large as well, at 4 billion "
     "won.",
     "budget for veterans' clinics"},
    {"The deal lifts Tokyo's payments for U.S. bases in the country from "
     "$1 billion in 2020 to $1.2 billion in 2021.",
     "Tokyo's payments for U.S. bases|Tokyo's payments for U.S. bases"},
    {"Funds go to coastal radars (9 billion won) and a sonar system made "
     "by Acme Sonics (4 billion won).",
     "coastal radars|sonar system"},
    {"Procurement is to increase 6% to 8 trillion won.", "Procurement"},
    {"The 2 trillion-won deal calls for Peru to build six ships.", "-"},
    {"Lima set aside 5 billion dollars for coastal defense for this fiscal "
     "year.",
     "coastal defense"},
    {"It was paid in instalments made on 1 May 2021 (P2 billion) and "
     "finally on 3 June 2022 (P4 billion).",
     "instalments|instalments"},
    {"The navy's patrol account takes the deepest cuts, losing 5 billion "
     "won to end at 20 billion won.",
     "navy's patrol account|navy's patrol account"},
    {"That is more than the army's fuel purchases from Qatar ― $12 "
     "million ― last year.",
     "army's fuel purchases"},
    {"Each of the boats costs an estimated $40 million.", "boats"},
    {"Building the depot in Busan cost 4 billion won.", "depot"},
    {"Now that the cost share talks have ended, the share Japan must bear "
     "is fixed at 2 billion dollars.",
     "cost share"},
    {"Hanwha won a Romanian contract, one that may reach the $2 billion "
     "mark.",
     "Romanian contract"},
    {"In all, the total amount paid comes to 9 million won.",
     "total amount paid"},
    {"Conscripts should be able to save about 5 million won.", "savings"},
    /* a sentence that names nothing goes on with the story's topic */
    {"Vietnam unveiled its defence budget on Monday. This allocation has "
     "grown by 5% to 9 billion dollars.",
     "defence budget"},
    /* "the one-year deal" is the deal named before, in a sentence
     * without figures */
    {"Both sides signed a fuel supply deal. Under the two-year deal, the "
     "navy pays 8 billion won.",
     "fuel supply deal"},
    {"India has lifted its capital outlay for defence to nearly 2 trillion "
     "rupees.",
     "capital outlay for defence"},
    {"The plan would spend 30 billion won over the next three years on "
     "field hospitals.",
     "field hospitals"},
    {"To modernise the reserve forces, 400 billion won was set aside.",
     "modernise the reserve forces"},
    /* Korean: the domain noun before the amount, its particle dropped */
    {"\xEB\xB3\x91\xEC\x9E\xA5 \xEC\x9B\x94\xEA\xB8\x89\xEC\x9D\x80 "
     "100\xEB\xA7\x8C\xEC\x9B\x90, \xEC\x83\x81\xEB\xB3\x91 "
     "80\xEB\xA7\x8C\xEC\x9B\x90"
     "\xEC\x9D\xB4\xEB\x8B\xA4.",
     "\xEB\xB3\x91\xEC\x9E\xA5 "
     "\xEC\x9B\x94\xEA\xB8\x89|\xEC\x83\x81\xEB\xB3\x91"},
    /* 레이더에는 50억원이, 훈련장에 20억원이 들어간다 */
    {"\xEB\xA0\x88\xEC\x9D\xB4\xEB\x8D\x94\xEC\x97\x90\xEB\x8A\x94 "
     "50\xEC\x96\xB5\xEC\x9B\x90\xEC\x9D\xB4, "
     "\xED\x9B\x88\xEB\xA0\xA8\xEC\x9E\xA5"
     "\xEC\x97\x90 20\xEC\x96\xB5\xEC\x9B\x90\xEC\x9D\xB4 "
     "\xEB\x93\xA4\xEC\x96\xB4"
     "\xEA\xB0\x84\xEB\x8B\xA4.",
     "\xEB\xA0\x88\xEC\x9D\xB4\xEB\x8D\x94|"
     "\xED\x9B\x88\xEB\xA0\xA8\xEC\x9E\xA5"},
    /* 지원사업으로도 30만원: a particle ending in 도 is no verb */
    {"\xEC\xA7\x80\xEC\x9B\x90\xEC\x82\xAC\xEC\x97\x85\xEC\x9C\xBC\xEB\xA1\x9C"
     "\xEB\x8F\x84 30\xEB\xA7\x8C\xEC\x9B\x90\xEC\x9D\xB4 "
     "\xEC\xA0\x81\xEB\xA6\xBD"
     "\xEB\x90\x9C\xEB\x8B\xA4.",
     "\xEC\xA7\x80\xEC\x9B\x90\xEC\x82\xAC\xEC\x97\x85"},
    /* 탄약비축계획은 3조원이다. 이 계획은 4조원으로 늘었다: a general
     * word for the name just before */
    {"\xED\x83\x84\xEC\x95\xBD\xEB\xB9\x84\xEC\xB6\x95\xEA\xB3\x84\xED\x9A\x8D"
     "\xEC\x9D\x80 3\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4. "
     "\xEC\x9D\xB4 \xEA\xB3\x84\xED\x9A\x8D\xEC\x9D\x80 "
     "4\xEC\xA1\xB0\xEC\x9B\x90"
     "\xEC\x9C\xBC\xEB\xA1\x9C \xEB\x8A\x98\xEC\x97\x88\xEB\x8B\xA4.",
     "\xED\x83\x84\xEC\x95\xBD\xEB\xB9\x84\xEC\xB6\x95\xEA\xB3\x84\xED\x9A\x8D|"
     "\xED\x83\x84\xEC\x95\xBD\xEB\xB9\x84\xEC\xB6\x95\xEA\xB3\x84\xED\x9A"
     "\x8D"},
    /* 정비수당은 병사 1명당 2만원이다: the unit counted is no purpose */
    {"\xEC\xA0\x95\xEB\xB9\x84\xEC\x88\x98\xEB\x8B\xB9\xEC\x9D\x80 "
     "\xEB\xB3\x91\xEC\x82\xAC 1\xEB\xAA\x85\xEB\x8B\xB9 "
     "2\xEB\xA7\x8C\xEC\x9B\x90"
     "\xEC\x9D\xB4\xEB\x8B\xA4.",
     "\xEC\xA0\x95\xEB\xB9\x84\xEC\x88\x98\xEB\x8B\xB9"},
    /* a name may open with digits (30mm기관포); a date does not */
    {"30mm\xEA\xB8\xB0\xEA\xB4\x80\xED\x8F\xAC\xEC\x97\x90 "
     "50\xEC\x96\xB5\xEC\x9B\x90, 2027\xEB\x85\x84\xEC\x97\x90 "
     "20\xEC\x96\xB5\xEC\x9B\x90\xEC\x9D\xB4 \xEB\x8D\x94 "
     "\xEB\x93\xA0\xEB\x8B\xA4.",
     "30mm\xEA\xB8\xB0\xEA\xB4\x80\xED\x8F\xAC|"
     "30mm\xEA\xB8\xB0\xEA\xB4\x80\xED\x8F\xAC"},
    /* a topic noun right before the amount */
    {"\xEC\x88\x98\xEC\xB6\x9C\xEB\x90\x98\xEB\xA9\xB4 "
     "\xEA\xB2\xBD\xEC\xA0\x9C\xED\x9A\xA8\xEA\xB3\xBC\xEB\x8A\x94 "
     "30\xEC\x96\xB5\xEB\x8B\xAC\xEB\x9F\xAC\xEC\x97\x90 "
     "\xEC\x9D\xB4\xEB\xA5\xB8\xEB\x8B\xA4.",
     "\xEA\xB2\xBD\xEC\xA0\x9C\xED\x9A\xA8\xEA\xB3\xBC"},
    /* an adverb under a topic marker (적게는) is no noun */
    {"\xEB\xB6\x84\xEB\x8B\xB4\xEA\xB8\x88\xEC\x9D\x84 "
     "\xEC\xA0\x81\xEA\xB2\x8C\xEB\x8A\x94 100\xEC\x96\xB5\xEC\x9B\x90 "
     "\xEC\xA4\x84\xEC\x9D\xB8\xEB\x8B\xA4.",
     "\xEB\xB6\x84\xEB\x8B\xB4\xEA\xB8\x88"},
    /* a noun may end in 인 (체인에는): only adverb endings mark a verb */
    {"\xED\x83\x80\xEA\xB2\xA9\xED\x95\x98\xEB\x8A\x94 \xED\x82\xAC "
     "\xEC\xB2\xB4\xEC\x9D\xB8\xEC\x97\x90\xEB\x8A\x94 "
     "7\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4 "
     "\xED\x88\xAC\xEC\x9E\x85\xEB\x90\x9C\xEB\x8B\xA4.",
     "\xED\x82\xAC \xEC\xB2\xB4\xEC\x9D\xB8"},
    /* the ministry that raises a budget is not what it pays for */
    {"\xED\x86\xB5\xEC\x9D\xBC\xEB\xB6\x80\xEB\x8A\x94 "
     "\xEC\x98\xAC\xED\x95\xB4 \xEC\x9D\xB8\xEA\xB6\x8C "
     "\xEC\x82\xAC\xEC\x97\x85\xEB\xB9\x84\xEB\xA5\xBC "
     "97\xEC\x96\xB5\xEC\x9B\x90 \xEB\x8A\x98\xEB\xA0\xB8\xEB\x8B\xA4.",
     "\xEC\x9D\xB8\xEA\xB6\x8C \xEC\x82\xAC\xEC\x97\x85\xEB\xB9\x84"},
    /* the copula: 분담액인 X (X, which is the share) */
    {"\xEC\x9E\x91\xEB\x85\x84 "
     "\xEB\xB6\x84\xEB\x8B\xB4\xEC\x95\xA1\xEC\x9D\xB8 "
     "9\xEC\xB2\x9C\xEC\x96\xB5\xEC\x9B\x90\xEC\x97\x90 "
     "\xEA\xB3\xB1\xED\x95\x9C \xEC\x88\x98\xEC\xB9\x98\xEB\x8B\xA4.",
     "\xEB\xB6\x84\xEB\x8B\xB4\xEC\x95\xA1"},
    /* 상한선으로 내세운 X: put forward as the ceiling */
    {"\xEC\xA0\x95\xEB\xB6\x80\xEA\xB0\x80 "
     "\xEC\x83\x81\xED\x95\x9C\xEC\x84\xA0\xEC\x9C\xBC\xEB\xA1\x9C "
     "\xEB\x82\xB4\xEC\x84\xB8\xEC\x9A\xB4 10\xEC\x96\xB5 "
     "\xEB\x8B\xAC\xEB\x9F\xAC\xEB\xB3\xB4\xEB\x8B\xA4 "
     "\xEC\xA0\x81\xEB\x8B\xA4.",
     "\xEC\x83\x81\xED\x95\x9C\xEC\x84\xA0"},
    /* X 이내에서 NP를 준다: the object the amount is given as */
    {"\xEC\x97\xB0\xEA\xB0\x84 10\xEB\xA7\x8C \xEC\x9B\x90 "
     "\xEC\x9D\xB4\xEB\x82\xB4\xEC\x97\x90\xEC\x84\x9C "
     "\xEC\x9E\xA5\xEB\xB9\x84\xEA\xB0\x9C\xEB\xB0\x9C\xEB\xB9\x84\xEB\xA5\xBC "
     "\xEC\xA4\x80\xEB\x8B\xA4.",
     "\xEC\x9E\xA5\xEB\xB9\x84\xEA\xB0\x9C\xEB\xB0\x9C\xEB\xB9\x84"},
    /* a general noun after a sentence that named the agreement */
    {"\xEC\x96\x91\xEA\xB5\xAD\xEC\x9D\x80 "
     "\xED\x83\x84\xEC\x95\xBD\xEA\xB3\xB5\xEB\x8F\x99\xEB\xB9\x84\xEC\xB6\x95"
     "\xED\x98\x91\xEC\xA0\x95 \xED\x98\x91\xEC\x83\x81\xEC\x9D\x84 "
     "\xEB\xA7\x88\xEC\xB3\xA4\xEB\x8B\xA4. "
     "\xEC\xB4\x9D\xEC\x95\xA1\xEC\x9D\x80 2\xEC\xB2\x9C\xEC\x96\xB5 "
     "\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
     "\xED\x83\x84\xEC\x95\xBD\xEA\xB3\xB5\xEB\x8F\x99\xEB\xB9\x84\xEC\xB6\x95"
     "\xED\x98\x91\xEC\xA0\x95"},
    /* 월 5만원의 교통수당 */
    {"\xEC\x9B\x94 5\xEB\xA7\x8C\xEC\x9B\x90\xEC\x9D\x98 "
     "\xEA\xB5\x90\xED\x86\xB5\xEC\x88\x98\xEB\x8B\xB9\xEC\x9D\x80 "
     "\xEC\x98\xAC\xEB\x9E\x90\xEB\x8B\xA4.",
     "\xEA\xB5\x90\xED\x86\xB5\xEC\x88\x98\xEB\x8B\xB9"},
};

static ft_subjects *aliases(void)
{
    ft_subjects *s = ft_subjects_new();
    assert_non_null(s);
    assert_int_equal(ft_subjects_add(s, "defense budget", "defence budget"),
                     FT_OK);
    assert_int_equal(ft_subjects_add(s, "defense spending", "defence spending"),
                     FT_OK);
    assert_int_equal(ft_subjects_add(s, "국방예산", "defence budget"), FT_OK);
    assert_int_equal(
        ft_subjects_add(s, "남북협력기금", "Inter-Korean Cooperation Fund"),
        FT_OK);
    assert_int_equal(ft_subjects_add(s, "방위력개선비", "force improvement"),
                     FT_OK);
    assert_int_equal(ft_subjects_add(s, "KF-21 project", "KF-21"), FT_OK);
    return s;
}

static void test_cases(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    size_t failures = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        ft_extract_opts o = {.subjects = s};
        ft_figlist l;
        ft_figlist_init(&l);
        const char *text = cases[c].text;
        assert_int_equal(ft_extract(text, strlen(text), &o, &l, NULL), FT_OK);
        char got[1024] = "";
        for (size_t i = 0; i < l.len; i++) {
            if (i)
                strcat(got, "|");
            strcat(got, l.items[i].subject[0] ? l.items[i].subject : "-");
        }
        if (strcmp(got, cases[c].want) != 0) {
            print_error("in \"%s\": subjects \"%s\", want \"%s\"\n", text, got,
                        cases[c].want);
            failures++;
        }
        ft_figlist_free(&l);
    }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu of %zu cases failed", failures,
                 sizeof cases / sizeof *cases);
}

/* A table of thousands of aliases (the slots grow many times over): each
 * is found, in any case, a later one wins, and names near them are none. */
static void test_many_aliases(void **state)
{
    (void)state;
    ft_subjects *s = ft_subjects_new();
    assert_non_null(s);
    char alias[64], canon[64];
    for (int k = 0; k < 5000; k++) {
        snprintf(alias, sizeof alias, "fund number %d of the plan", k);
        snprintf(canon, sizeof canon, "Fund %d", k);
        assert_int_equal(ft_subjects_add(s, alias, canon), FT_OK);
    }
    assert_int_equal(ft_subjects_add(s, "FUND NUMBER 7 OF THE PLAN", "Seven"),
                     FT_OK);
    for (int k = 0; k < 5000; k++) {
        snprintf(alias, sizeof alias, "The Fund Number %d of the plan", k);
        snprintf(canon, sizeof canon, "Fund %d", k);
        const char *c = ft_subjects_canonical(s, alias, strlen(alias));
        assert_non_null(c);
        assert_string_equal(c, k == 7 ? "Seven" : canon);
        snprintf(alias, sizeof alias, "fund number %d of the plans", k);
        assert_null(ft_subjects_canonical(s, alias, strlen(alias)));
    }
    ft_subjects_free(s);
}

static void test_canonical_lookup(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    const char *c = ft_subjects_canonical(s, "The  Defense Budget's", 21);
    assert_non_null(c);
    assert_string_equal(c, "defence budget");
    assert_null(ft_subjects_canonical(s, "budget", 6));
    /* a later alias wins */
    assert_int_equal(ft_subjects_add(s, "defense budget", "defense budget"),
                     FT_OK);
    assert_string_equal(ft_subjects_canonical(s, "defense budget", 14),
                        "defense budget");
    ft_subjects_free(s);
}

static char *write_temp(const char *content)
{
    char *path = strdup("/tmp/ft-subjects-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, content, strlen(content)), strlen(content));
    close(fd);
    return path;
}

static void test_load(void **state)
{
    (void)state;
    char *path = write_temp("\xEF\xBB\xBF"
                            "alias,canonical\r\n"
                            "\"SMA\",Special Measures Agreement\r\n"
                            "\r\n"
                            "\"cost, sharing\",Special Measures Agreement\n");
    ft_subjects *s = ft_subjects_new();
    ft_error err = {0};
    assert_int_equal(ft_subjects_load(s, path, &err), FT_OK);
    assert_string_equal(ft_subjects_canonical(s, "sma", 3),
                        "Special Measures Agreement");
    assert_string_equal(ft_subjects_canonical(s, "cost, sharing", 13),
                        "Special Measures Agreement");
    ft_subjects_free(s);
    unlink(path);
    free(path);
}

static void test_load_errors(void **state)
{
    (void)state;
    ft_subjects *s = ft_subjects_new();
    ft_error err = {0};
    assert_int_equal(ft_subjects_load(s, "/nonexistent/subjects.csv", &err),
                     FT_ENOINPUT);
    assert_string_equal(err.file, "/nonexistent/subjects.csv");

    char *path = write_temp("alias,canonical\na,b\nthree,columns,here\n");
    memset(&err, 0, sizeof err);
    assert_int_equal(ft_subjects_load(s, path, &err), FT_ECONFIG);
    assert_int_equal(err.line, 3);
    unlink(path);
    free(path);

    path = write_temp("alias,canonical\n\"unterminated,b\n");
    memset(&err, 0, sizeof err);
    assert_int_equal(ft_subjects_load(s, path, &err), FT_ECONFIG);
    unlink(path);
    free(path);

    path = write_temp("alias,canonical\n,empty alias\n");
    memset(&err, 0, sizeof err);
    assert_int_equal(ft_subjects_load(s, path, &err), FT_ECONFIG);
    assert_int_equal(err.line, 2);
    unlink(path);
    free(path);
    ft_subjects_free(s);
}

/* Many names and acronyms: each acronym joins the first name it spells
 * (the join is done by sorted look-up, so a hostile article of thousands
 * of names costs no more than reading it). */
static void test_many_acronyms(void **state)
{
    (void)state;
    size_t cap = 4000 * 80, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    /* names "Aark Aing Fund", "Bark Aing Fund", ...: initials AAF, BAF */
    for (int i = 0; i < 4000; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "The %cark %cing Fund got %d won. ",
                                'A' + i % 26, 'A' + (i / 26) % 26, 5000 + i);
    len +=
        (size_t)snprintf(text + len, cap - len, "Then CBF got 5 billion won.");
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, len, NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 4001);
    assert_string_equal(l.items[0].subject, "Aark Aing Fund");
    /* CBF: the first name with C and B, i = 2 + 1 * 26 */
    assert_string_equal(l.items[28].subject, "Cark Bing Fund (CBF)");
    assert_string_equal(l.items[4000].subject, "Cark Bing Fund (CBF)");
    ft_figlist_free(&l);
    free(text);
}

/* The words read for a figure's purpose lie within a bounded window of
 * it, so a sentence without end costs the same per figure wherever the
 * figure stands: a purpose 5000 bytes after its amount is not seen. */
static void test_purpose_window(void **state)
{
    (void)state;
    size_t cap = 6000, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text, cap, "It gave 5 billion won ");
    while (len < 5000)
        text[len++] = ' ';
    len += (size_t)snprintf(text + len, cap - len, "for new radars.");
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, len, NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_string_equal(l.items[0].subject, "");
    /* and near by it is */
    memmove(text + 22, text + 5000, len - 5000);
    len = 22 + (len - 5000);
    ft_figlist_free(&l);
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, len, NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_string_equal(l.items[0].subject, "new radars");
    ft_figlist_free(&l);
    free(text);
}

/* A megabyte of sentences ended only by 。 and a megabyte without a full
 * stop, each with a figure every few dozen bytes: every figure still gets
 * its subject from its own words.  (Each figure's look is bounded, so
 * this runs in a second; a look back over the article for every figure
 * once made it minutes.) */
static void test_megabyte_shapes(void **state)
{
    (void)state;
    const char *const units[] = {
        /* 탄약예산은 N억원으로 늘었다。 */
        "\xED\x83\x84\xEC\x95\xBD\xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 "
        "%d\xEC\x96\xB5\xEC\x9B\x90\xEC\x9C\xBC\xEB\xA1\x9C "
        "\xEB\x8A\x98\xEC\x97\x88\xEB\x8B\xA4\xE3\x80\x82",
        "the navy spent %d billion won on radar upgrades and ",
    };
    const char *const want[] = {
        "\xED\x83\x84\xEC\x95\xBD\xEC\x98\x88\xEC\x82\xB0",
        "radar upgrades",
    };
    for (size_t u = 0; u < 2; u++) {
        size_t cap = (1u << 20) + 128, len = 0, count = 0;
        char *text = malloc(cap);
        assert_non_null(text);
        while (len + 64 < cap - 128) {
            len += (size_t)snprintf(text + len, cap - len, units[u],
                                    (int)(count % 900) + 1);
            count++;
        }
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(ft_extract(text, len, NULL, &l, NULL), FT_OK);
        assert_int_equal(l.len, count);
        assert_string_equal(l.items[l.len - 1].subject, want[u]);
        assert_string_equal(l.items[l.len / 2].subject, want[u]);
        ft_figlist_free(&l);
        free(text);
    }
}

/* Hostile text: a long run of capitalised words stays a few words. */
static void test_long_names_are_cut(void **state)
{
    (void)state;
    char text[4096] = "The ";
    for (int i = 0; i < 200; i++)
        strcat(text, "Big ");
    strcat(text, "Fund got $5 billion.");
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_true(strlen(l.items[0].subject) < FT_SUBJECT_MAX);
    ft_figlist_free(&l);
}

/* A name that ends at an opening bracket ("fleet (" before ",$2"): the
 * "Name (ACR)" look-up has no part in brackets to look up, and must not
 * read past the name (found by tests/fuzz/fuzz_extract; ASan saw it). */
static void test_name_ending_in_bracket(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    const char *texts[] = {"To fleet(,$2 billion", "To Seoul(,$2",
                           "To o(, $2 billion",
                           "The plan (ACR) cost $2 billion."};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        ft_extract_opts o = {.subjects = s};
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(ft_extract(texts[i], strlen(texts[i]), &o, &l, NULL),
                         FT_OK);
        assert_int_equal(l.len, 1);
        assert_true(strlen(l.items[0].subject) < FT_SUBJECT_MAX);
        ft_figlist_free(&l);
    }
    ft_subjects_free(s);
}

static void test_lists_ordered(void **state)
{
    (void)state;
    assert_true(ft_subject_lists_ordered());
    const char *bad = NULL;
    if (!ft_purpose_tables_ok(&bad))
        fail_msg("purpose table entry \"%s\" is not found by its look-up", bad);
}

/* The fast paths agree with their plain forms at every byte of texts
 * that hold the words of the lists in every case, glued together, with
 * bytes past ASCII, and ending right after a word (the buffer is of the
 * text's size, so a read past its end is one past an allocation). */
static void test_fast_paths_agree(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "The Fund funds FUNDS the fund's budget; its Budget. Defence "
        "spending, R&D budget, cost-sharing deal, the agreement's "
        "Agreement AGREEMENT agreements Agreement's US U.S. KOSPI SIPRI "
        "Ministry's ministry Administration administrations helicopters "
        "helicopterss Helicopter submarine",
        "fund",
        "fundsfundfundsfund budgetbudget \xEA\xB8\xB0\xEA\xB8\x88 "
        "Wednesday Washington research",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E "
        "programme",
        /* words of every length, digits, inner hyphens and stops, the
         * bytes either side of each range of letters and digits */
        "Inter-Korean KF-21 F-35A U.S. 0123456789abcdefghijklmnopqrstuvwxyz"
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ /:@[`{ a-b- -c .d. e..f g--h "
        "abcdefghijklmnopq-rstuvwxyzabcdefg.hijklmnop 1.5-trillion x",
        "Supercalifragilisticexpialidocious",
        /* Hangul runs of every length up to past sixteen bytes */
        "\xEA\xB5\xAD\xEB\xB0\xA9\xEC\x98\x88\xEC\x82\xB0 "
        "\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84\xEB\xB6\x84\xEB\x8B"
        "\xB4\xED\x8A\xB9\xEB\xB3\x84\xED\x98\x91\xEC\xA0\x95, "
        "x\xC2\xA0y \xEA\xB8\xB0\xEA\xB8\x88",
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        size_t n = strlen(texts[k]);
        char *t = malloc(n);
        assert_non_null(t);
        memcpy(t, texts[k], n);
        assert_true(ft_subject_fast_paths_agree(t, n));
        free(t);
    }
    /* every byte, for the classes of bytes the collector reads */
    char *all = malloc(256);
    assert_non_null(all);
    for (size_t b = 0; b < 256; b++)
        all[b] = (char)(255 - b);
    assert_true(ft_subject_fast_paths_agree(all, 256));
    free(all);
}

/* ------------------------------------------------ looking words up once */

/* The subjects of the figures of text, "|"-separated, "-" for none. */
static void subjects_of(const char *text, const ft_subjects *s, char *got,
                        size_t cap)
{
    ft_extract_opts o = {.subjects = s};
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, strlen(text), s ? &o : NULL, &l, NULL),
                     FT_OK);
    got[0] = '\0';
    for (size_t i = 0; i < l.len; i++) {
        if (i)
            strncat(got, "|", cap - strlen(got) - 1);
        strncat(got, l.items[i].subject[0] ? l.items[i].subject : "-",
                cap - strlen(got) - 1);
    }
    ft_figlist_free(&l);
}

/* Each case's subjects, with the table of aliases(); every miss is told
 * before the test fails. */
static void assert_subjects(const subject_case *cases, size_t n)
{
    ft_subjects *s = aliases();
    size_t failures = 0;
    for (size_t c = 0; c < n; c++) {
        char got[1024];
        subjects_of(cases[c].text, s, got, sizeof got);
        if (strcmp(got, cases[c].want) != 0) {
            print_error("in \"%s\": \"%s\", want \"%s\"\n", cases[c].text, got,
                        cases[c].want);
            failures++;
        }
    }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu cases failed", failures);
}

/* "the", "its" and "defence" matter only as the first word of a
 * reference or budget line, and the collector reads them only before
 * what may be its second word: after one space, a word of the right
 * letters and length; after other spaces, always.  The reference and the
 * budget line are found however they are spaced, and a word that starts
 * like the second word but is longer ("fundamental", "dealer's") or goes
 * on past a hyphen ("fund-raising") gives what it gave. */
static void test_openers_before_second_words(void **state)
{
    (void)state;
    static const subject_case cases[] = {
        {"The Inter-Korean Cooperation Fund was set up in 2010. The ministry "
         "put 5 billion won into the fund last year.",
         "Inter-Korean Cooperation Fund"},
        {"The Inter-Korean Cooperation Fund was set up in 2010. The ministry "
         "put 5 billion won into the  fund last year.",
         "Inter-Korean Cooperation Fund"},
        {"The Inter-Korean Cooperation Fund was set up in 2010. The ministry "
         "put 5 billion won into the\xC2\xA0"
         "fund last year.",
         "Inter-Korean Cooperation Fund"},
        {"The Inter-Korean Cooperation Fund was set up in 2010. The ministry "
         "put 5 billion won into the\nfund last year.",
         "Inter-Korean Cooperation Fund"},
        {"The Inter-Korean Cooperation Fund was set up in 2010. The ministry "
         "put 5 billion won into the fund-raising drive.",
         "fund-raising drive"},
        {"Seoul raised its defence budget to 50 trillion won.",
         "defence budget"},
        {"Seoul raised its defence\xC2\xA0"
         "budget to 50 trillion won.",
         "defence budget"},
        {"Seoul raised its defence  budget to 50 trillion won, and its\tbudget "
         "rose 3 percent to 2 trillion won.",
         "defence budget|defence  budget"},
        {"Seoul raised the fundamental budget to 50 trillion won.",
         "fundamental budget"},
        {"The Special Measures Agreement was signed in 2021. Seoul paid 1 "
         "trillion won under the deal.",
         "Special Measures Agreement"},
        {"The Special Measures Agreement was signed in 2021. Seoul paid 1 "
         "trillion won under the dealer's terms.",
         "Special Measures Agreement"},
    };
    assert_subjects(cases, sizeof cases / sizeof *cases);
}

/* Outside the figures' sentences a capitalised word is read only when it
 * is a head word or what follows may carry a name on (a capital, "(", a
 * word of o, a or f, another space): names and "(ACRONYM)" there are
 * found however they are spaced and joined. */
static void test_capitals_outside(void **state)
{
    (void)state;
    static const subject_case cases[] = {
        {"Officials met Siemens (SMS) on Monday.\nLater, SMS received 5 "
         "billion won.",
         "SMS"},
        {"Officials met Siemens  (SMS) on Monday.\nLater, SMS received 5 "
         "billion won.",
         "SMS"},
        {"Officials met Siemens\n(SMS) on Monday.\nLater, SMS received 5 "
         "billion won.",
         "SMS"},
        {"Seoul backed the Hanwha Ocean Fund on Monday. Officials said Fund "
         "managers agreed.\nLater, the fund received 5 billion won.",
         "Fund"},
        {"Seoul backed Ocean of Korea Fund on Monday.\nLater, the fund "
         "received 5 billion won.",
         "Ocean of Korea Fund"},
        {"Seoul backed Ocean and Korea Fund on Monday.\nLater, the fund "
         "received 5 billion won.",
         "Ocean and Korea Fund"},
        {"Seoul backed Ocean for Korea Fund on Monday.\nLater, the fund "
         "received 5 billion won.",
         "Ocean for Korea Fund"},
        {"Seoul backed Ocean,Korea Fund on Monday.\nLater, the fund received "
         "5 billion won.",
         "Fund"},
        {"Seoul backed Ocean-Korea Fund on Monday.\nLater, the fund received "
         "5 billion won.",
         "Ocean-Korea Fund"},
        {"Seoul backed Oceanic Fund.\nLater, the fund received 5 billion "
         "won.",
         "Oceanic Fund"},
    };
    assert_subjects(cases, sizeof cases / sizeof *cases);
}

/* In a figure's sentence too a capitalised word is passed only when it
 * is neither a head word nor the first word of a reference or budget
 * line ("The fund", "Defence budget") and nothing after it may carry a
 * name on: each of these is read as ever. */
static void test_capitals_in_sentence(void **state)
{
    (void)state;
    static const subject_case cases[] = {
        {"The Hanwha Ocean Fund was set up in 2010. The fund received 5 "
         "billion won.",
         "Hanwha Ocean Fund"},
        {"Officials met on Monday. Defence budget rose to 5 trillion won.",
         "Defence budget"},
        {"The Hanwha Ocean Fund was set up in 2010. Its budget rose to 5 "
         "billion won.",
         "Hanwha Ocean Fund"},
        {"Officials said Siemens (SMS) got 5 billion won.", "Siemens (SMS)"},
        {"Officials said Siemens  (SMS) got 5 billion won.", "Siemens (SMS)"},
        {"Officials said Ocean of Korea Fund got 5 billion won.",
         "Ocean of Korea Fund"},
        {"Officials said Ocean and Korea Fund got 5 billion won.",
         "Ocean and Korea Fund"},
        {"Officials said Ocean for Korea Fund got 5 billion won.",
         "Ocean for Korea Fund"},
        {"Officials said Ocean often got 5 billion won for the Korea Fund.",
         "Korea Fund"},
        {"Officials said Ocean fort Fund got 5 billion won.",
         "Ocean fort Fund"},
        {"Officials said Ocean,Korea Fund got 5 billion won.", "Korea Fund"},
        {"Fund managers got 5 billion won.", "Fund managers"},
        {"Siemens got 5 billion won for the Oceanic Fund.", "Oceanic Fund"},
        {"Officials said Siemens\n(SMS) got 5 billion won.", "Siemens (SMS)"},
        {"Siemens Ocean Fund got 5 billion won, Officials said.",
         "Siemens Ocean Fund"},
    };
    assert_subjects(cases, sizeof cases / sizeof *cases);
}

/* An aside (", which ...") ends at the next comma, full stop or
 * semicolon; the commas that may open one (a space, then a "w") are
 * read one by one, the others only while an aside is open: either way a
 * phrase in an aside says less than one outside it. */
static void test_asides(void **state)
{
    (void)state;
    static const subject_case cases[] = {
        {"Under the KF-21 Project, which backs the Hanwha Fund,the ABC Program "
         "paid 5 billion won.",
         "ABC Program"},
        {"Under the KF-21 Project, which backs the Hanwha Fund, the ABC "
         "Program paid 5 billion won.",
         "ABC Program"},
        {"Under the KF-21 Project, which backs the Hanwha Fund, 2023, the ABC "
         "Program paid 5 billion won.",
         "ABC Program"},
        {"Under the KF-21 Project, which backs the Hanwha Fund,  the ABC "
         "Program paid 5 billion won.",
         "ABC Program"},
        {"Under the KF-21 Project, which backs the Hanwha Fund,\tthe ABC "
         "Program paid 5 billion won.",
         "ABC Program"},
        {"Under the KF-21 Project, which backs the Hanwha Fund, who the ABC "
         "Program paid 5 billion won.",
         "KF-21"},
        {"Under the KF-21 Project, which backs the Hanwha Fund, whose ABC "
         "Program paid 5 billion won.",
         "ABC Program"},
        {"Under the KF-21 Project, which backs the 2,000 Hanwha Fund, the ABC "
         "Program paid 5 billion won.",
         "ABC Program"},
    };
    assert_subjects(cases, sizeof cases / sizeof *cases);
}

typedef struct {
    const char *text;
    const char *with_aliases; /* with the table of aliases() */
    const char *without;      /* with no alias table */
} lookup_case;

/* Cases where a word's case, white space inside a name, a possessive or
 * a hyphen decides what a look-up finds: the word lists keep "The" apart
 * from "the", a name's tails are looked up from one normalised key, and
 * without an alias table the words are indexed for the call. */
static const lookup_case lookup_cases[] = {
    /* a run of spaces, a tab, a no-break space inside a budget line */
    {"The defense  budget rose to 46.7 trillion won.", "defence budget",
     "defense budget"},
    {"The defense\tbudget rose to 46.7 trillion won.", "defence budget",
     "defense budget"},
    {"The defense\xC2\xA0"
     "budget rose to 46.7 trillion won.",
     "defence budget", "defense budget"},
    /* the tail of a longer name has the alias */
    {"South Korea's defense budget rose to 2.5 trillion won.", "defence budget",
     "South Korea's defense budget"},
    {"South Korea's defense budget's share was 2.5 trillion won.",
     "South Korea's defense budget's share",
     "South Korea's defense budget's share"},
    /* a budget line that is one hyphenated word */
    {"The cost-sharing deal was worth 1.2 trillion won.", "cost-sharing deal",
     "cost-sharing deal"},
    /* case: "IMF" names no programme, "THE" opens no name */
    {"The IMF lent $5 billion to the fund.", "-", "-"},
    {"THE FUND got 5 billion won.", "-", "-"},
    {"Its budget was 5 billion won.", "-", "-"},
    /* a reference, and the head word a sentence opens with */
    {"Seoul signed the Special Measures Agreement. The agreement will cost "
     "1 trillion won.",
     "Special Measures Agreement", "Special Measures Agreement"},
    {"Budget cuts of 2 trillion won hit the KF-21  project.", "KF-21", "KF-21"},
};

static void test_lookup_cases(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    size_t failures = 0;
    for (size_t c = 0; c < sizeof lookup_cases / sizeof *lookup_cases; c++) {
        const lookup_case *k = &lookup_cases[c];
        char got[1024];
        subjects_of(k->text, s, got, sizeof got);
        if (strcmp(got, k->with_aliases) != 0) {
            print_error("in \"%s\" with aliases: \"%s\", want \"%s\"\n",
                        k->text, got, k->with_aliases);
            failures++;
        }
        subjects_of(k->text, NULL, got, sizeof got);
        if (strcmp(got, k->without) != 0) {
            print_error("in \"%s\" without aliases: \"%s\", want \"%s\"\n",
                        k->text, got, k->without);
            failures++;
        }
    }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu look-ups differ", failures);
}

/* The alias look-up of a name's tails: every spelling of the alias's
 * words, with "the" and "'s" around them, finds it. */
static void test_alias_tails(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    assert_int_equal(ft_subjects_add(s, "the Fund for Peace", "peace fund"),
                     FT_OK);
    const char *names[] = {"fund for peace", "The Fund  for Peace's",
                           "FUND FOR PEACE"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *c = ft_subjects_canonical(s, names[i], strlen(names[i]));
        assert_non_null(c);
        assert_string_equal(c, "peace fund");
    }
    char got[256];
    subjects_of("The Fund for Peace got $5 million.", s, got, sizeof got);
    assert_string_equal(got, "peace fund");
    subjects_of("Its new Fund  for Peace got $5 million.", s, got, sizeof got);
    assert_string_equal(got, "peace fund");
    ft_subjects_free(s);
}

/* The figures of figs[0,n) (offsets of `surfaces` in text, one sentence
 * each up to its full stop) read with one kept ft_purpose_words give what
 * each reads alone. */
static void check_shared_words(const char *text, const char *const *surfaces,
                               size_t n)
{
    ft_figure figs[8] = {{0}};
    assert_true(n <= 8);
    size_t len = strlen(text), from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *p = strstr(text + from, surfaces[i]);
        assert_non_null(p);
        figs[i].start = (size_t)(p - text);
        figs[i].end = figs[i].start + strlen(surfaces[i]);
        from = figs[i].end;
        const char *stop = strchr(p, '.');
        figs[i].sent_end = stop ? (size_t)(stop - text) + 1 : len;
        const char *open = p;
        while (open > text && open[-1] != '.')
            open--;
        figs[i].sent_start = (size_t)(open - text);
    }
    ft_purpose_words *w = ft_purpose_words_new();
    assert_non_null(w);
    for (size_t i = 0; i < n; i++) {
        char alone[128], shared[128];
        ft_purpose a =
            ft_purpose_of(text, len, figs, n, i, alone, sizeof alone);
        ft_purpose b =
            ft_purpose_of_in(w, text, len, figs, n, i, shared, sizeof shared);
        assert_int_equal(a, b);
        assert_string_equal(alone, shared);
    }
    ft_purpose_words_free(w);
}

/* A sentence's words are cut once for all its figures; a figure of
 * another sentence, or of a sentence too long for one window, cuts its
 * own, and each reads what it reads alone. */
static void test_purpose_shared_words(void **state)
{
    (void)state;
    static const char *const two[] = {"5 billion won", "2 billion won",
                                      "3 billion won"};
    check_shared_words("The ministry set aside 5 billion won for new tanks "
                       "and 2 billion won for drones. Exports rose to 3 "
                       "billion won.",
                       two, 3);
    /* windows of 1,200 bytes either side of each figure differ */
    char long_text[6000];
    size_t k = (size_t)snprintf(long_text, sizeof long_text,
                                "The fund got 5 billion won for tanks");
    while (k < 2800)
        k += (size_t)snprintf(long_text + k, sizeof long_text - k,
                              " and more roads");
    snprintf(long_text + k, sizeof long_text - k,
             " and 2 billion won for drones.");
    check_shared_words(long_text, two, 2);
}

/* The collector reads an article in blocks of 64 bytes: where the words,
 * hyphens ("Inter-Korean", "KF-21"), stops ("U.S."), letters after digits
 * ("10th") and figures fall within the blocks changes no subject.  Each
 * case is read after a line of 0 to 70 spaces. */
static void test_block_alignment(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    static const char *const extra[] = {
        "On its 10th anniversary the U.S.-backed Inter-Korean Cooperation "
        "Fund (IKCF), which paid for roads, received 5 billion won, and the "
        "KF-21 project got 2 billion won; the fund's reserve rose to 3 "
        "billion won.",
        "The 2023s plan. The ministry's budget request was 9.5 trillion "
        "won.\n\nKF-21s cost US$1.5 billion, the defence budget said.",
        /* words longer than any of the lists, and lower-case hyphens */
        "The counterintelligence-modernisation budget stands at 2 trillion "
        "won, and the one-year cost-sharing deal at 1.2 trillion won; the "
        "defense-budget talks and the supercalifragilisticexpialidocious "
        "fund got 3 billion won.",
    };
    size_t n = sizeof cases / sizeof *cases, failures = 0;
    for (size_t c = 0; c < n + 3; c++) {
        const char *text = c < n ? cases[c].text : extra[c - n];
        char buf[4096], want[2048], got[2048];
        for (size_t shift = 0; shift <= 70; shift++) {
            int m = snprintf(buf, sizeof buf, "%*s\n%s", (int)shift, "", text);
            assert_true(m > 0 && (size_t)m < sizeof buf);
            subjects_of(buf, s, shift ? got : want, sizeof got);
            if (shift && strcmp(got, want) != 0) {
                print_error("in \"%s\" after %zu spaces: \"%s\", want "
                            "\"%s\"\n",
                            text, shift, got, want);
                failures++;
            }
        }
    }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu shifts changed subjects", failures);
}

/* Bytes past ASCII: the collector acts on a lead byte of Hangul
 * everywhere and on the other bytes past ASCII only within a figure
 * (where it steps over the figure), so curly quotes, dashes and Korean
 * before, inside and after figures, at every place within the scan's
 * blocks, give the subjects they gave when every such byte was read. */
static void test_bytes_past_ascii(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"The \xe2\x80\x9cInter-Korean Cooperation Fund\xe2\x80\x9d \xe2\x80"
         "\x94 which paid for roads \xe2\x80\x94 received \xe2\x82\xa9"
         "5 billion, and the KF-21 project\xe2\x80\x99s budget got "
         "\xe2\x82\xac"
         "2 billion.",
         "KF-21|KF-21 project\xe2\x80\x99s budget"},
        {"\xea\xb5\xad\xeb\xb0\xa9\xeb\xb6\x80 \xec\x98\x88\xec\x82\xb0\xec"
         "\x9d\x80 57\xec\xa1\xb0 \xec\x9b\x90\xec\x9d\xb4\xeb\x8b\xa4. "
         "The ministry\xe2\x80\x99s \xe2\x80\x9c"
         "defense budget\xe2\x80\x9d rose to 46.7 trillion won.",
         "\xea\xb5\xad\xeb\xb0\xa9\xeb\xb6\x80 "
         "\xec\x98\x88\xec\x82\xb0|defence budget"},
        {"Seoul\xe2\x80\x99s 2.1\xc2\xa0trillion\xc2\xa0won "
         "\xe2\x80\x9c"
         "fund\xe2\x80\x9d and the \xc3\xa9lite "
         "Defense Acquisition Program\xe2\x80\x99s 900 billion won.",
         "Seoul\xe2\x80\x99s|Defense Acquisition Program"},
    };
    size_t failures = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char buf[4096], got[2048];
        for (size_t shift = 0; shift <= 70; shift++) {
            int m = snprintf(buf, sizeof buf, "%*s\n%s", (int)shift, "",
                             cases[c].text);
            assert_true(m > 0 && (size_t)m < sizeof buf);
            subjects_of(buf, s, got, sizeof got);
            if (strcmp(got, cases[c].want) != 0) {
                print_error("case %zu after %zu spaces: \"%s\", want "
                            "\"%s\"\n",
                            c, shift, got, cases[c].want);
                failures++;
            }
        }
    }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu readings changed subjects", failures);
}

/* A name's tails are looked up from one key, made sixteen bytes at a
 * time where the name allows: a run of spaces or a tab anywhere in a
 * long name, on either side of each sixteen bytes, finds the alias of
 * its tail as a name of single spaces does. */
static void test_long_name_tails(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    static const char *const gaps[] = {" ", "  ", "\t", "   "};
    size_t failures = 0;
    for (size_t g = 0; g < sizeof gaps / sizeof *gaps; g++)
        for (size_t pad = 0; pad <= 40; pad++) {
            char word[64], text[256], got[2048];
            memset(word, 'x', pad);
            word[0] = 'X';
            word[pad] = '\0';
            snprintf(text, sizeof text,
                     "The %s%sKorea%sDefense%sBudget rose to 46.7 "
                     "trillion won.",
                     word, pad ? " " : "", gaps[g], gaps[g]);
            subjects_of(text, s, got, sizeof got);
            if (strcmp(got, "defence budget") != 0) {
                print_error("\"%s\": \"%s\"\n", text, got);
                failures++;
            }
        }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu names lost their alias", failures);
}

/* Whether a sentence names a defence ministry is first looked for in its
 * bytes, sixteen places at a time and the last sixteen where the
 * sentence ends: the ministry at the sentence's start or end, in a
 * sentence shorter or longer than sixteen bytes, is found wherever it
 * stands. */
static void test_ministry_anywhere(void **state)
{
    (void)state;
    ft_subjects *s = aliases();
    static const struct {
        const char *format, *want;
    } cases[] = {
        {"%sDefense ministry requested 66 trillion won.", "defence budget"},
        {"Defense news. %sIt requested 66 trillion won, said the ministry.",
         "defence budget"},
        {"%s \xea\xb5\xad\xeb\xb0\xa9\xeb\xb6\x80 57\xec\xa1\xb0 "
         "\xec\x9b\x90 \xed\x8e\xb8\xec\x84\xb1",
         "defence budget"},
        /* either case, each of the verbs' first letters */
        {"%sIts Defence Ministry Set Aside 66 trillion won.", "defence budget"},
        {"%sThe Ministry of National Defense Budgeted 66 trillion won.",
         "defence budget"},
        {"%sIn its Proposal the defence ministry put 66 trillion won.",
         "defence budget"},
        {"%sThe defense ministry has earmarked 66 trillion won.",
         "defence budget"},
    };
    size_t failures = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++)
        for (size_t pad = 0; pad <= 40; pad++) {
            char words[64], text[256], got[2048];
            memset(words, 'a', pad);
            for (size_t k = 3; k < pad; k += 4)
                words[k] = ' ';
            words[pad] = '\0';
            snprintf(text, sizeof text, cases[c].format, words);
            subjects_of(text, s, got, sizeof got);
            if (strcmp(got, cases[c].want) != 0) {
                print_error("\"%s\": \"%s\", want \"%s\"\n", text, got,
                            cases[c].want);
                failures++;
            }
        }
    ft_subjects_free(s);
    if (failures)
        fail_msg("%zu sentences changed subjects", failures);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lists_ordered),
        cmocka_unit_test(test_fast_paths_agree),
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_block_alignment),
        cmocka_unit_test(test_canonical_lookup),
        cmocka_unit_test(test_many_aliases),
        cmocka_unit_test(test_load),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_long_names_are_cut),
        cmocka_unit_test(test_name_ending_in_bracket),
        cmocka_unit_test(test_many_acronyms),
        cmocka_unit_test(test_purpose_window),
        cmocka_unit_test(test_megabyte_shapes),
        cmocka_unit_test(test_lookup_cases),
        cmocka_unit_test(test_alias_tails),
        cmocka_unit_test(test_purpose_word_lookup),
        cmocka_unit_test(test_purpose_korean_nouns),
        cmocka_unit_test(test_purpose_respectively),
        cmocka_unit_test(test_purpose_shared_words),
        cmocka_unit_test(test_bytes_past_ascii),
        cmocka_unit_test(test_long_name_tails),
        cmocka_unit_test(test_ministry_anywhere),
        cmocka_unit_test(test_openers_before_second_words),
        cmocka_unit_test(test_capitals_outside),
        cmocka_unit_test(test_capitals_in_sentence),
        cmocka_unit_test(test_asides),
    };
    return cmocka_run_group_tests_name("subject", tests, NULL, NULL);
}
