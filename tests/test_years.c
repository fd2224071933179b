/* test_years.c — the year of each figure, through the whole extractor.
 *
 * Each case is a text, a publication date ("" when unknown) and the years
 * of its figures in order: "2007" (explicit), "f2025" (fiscal), "r2024"
 * (relative), "-" (none), each optionally followed by "@2029" for a
 * completion target; separated by spaces.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "extract.h"
#include "years.h"

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

    /* an event named with its year is no date of the money */
    {"Speaking at the BEXCO ADEX 2023 show, he said the tanks cost 9 "
     "trillion won.",
     "2023-10-17", "-"},

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
    /* the comparison after a parenthesis (and the spaces after it) */
    {"2023년 (확정) 대비 3조원 늘었다.", "2025-08-04", "-"},
    {"2023년 (확정)  대비 3조원 늘었다.", "2025-08-04", "-"},
    {"Since 2015, it has spent $5 billion.", "", "-"},

    {"It is part of a five-year buildup worth 43 trillion yen that the "
     "government adopted in December 2022.",
     "", "-"},
    {"The deal was signed on Dec. 4, 2022, for $5 billion.", "", "-"},
    {"It will spend 20 trillion won over the next five years.", "", "-"},
    {"향후 5년간 20조원을 투입한다.", "", "-"},
    {"The system, first deployed in June 2015, costs $5 billion.", "", "-"},

    /* relative years hold one of the words years.c looks for first
     * ("year", "month", "currently", "now"), here or in the sentence
     * before */
    {"Currently the fund holds $5 billion.", "2025-03-01", "r2025"},
    {"As of now, the fund holds $5 billion.", "2025-03-01", "r2025"},
    {"The budget was set last year.\nIt includes $5 billion for weapons.",
     "2025-03-01", "r2024"},
    {"It will spend $5 billion over the next five months.", "2025-03-01", "-"},
    /* the last of several full stops that lost their space starts the
     * sentence */
    {"In 2019 it rose.In 2020 it fell.It cost $5 billion.", "", "2020"},
    /* a year in an aside does not date a figure outside it; a
     * parenthesis opened more than 200 bytes back is out of sight */
    {"The fund (agreed in 2019 by the board) costs $5 billion.", "", "-"},
    {"The fund (agreed in 2019 and costs $5 billion.", "", "2019"},
    {"The fund (agreed in 2019 "
     "word word word word word word word word word "
     "word word word word word word word word word "
     "word word word word word word word word word "
     "word word word word word word word word word "
     "word word word word word word word word word "
     "costs $5 billion.",
     "", "-"},

    /* the nearest year of the figure's own clause; a clause break that
     * is a word ("though") parts a nearer year from the figure */
    {"In 2023 the army spent a record $5 billion but 2024 saw cuts.", "",
     "2023"},
    {"In 2023 the army spent a record $5 billion while 2024 saw cuts.", "",
     "2023"},
    {"In 2023 the army spent a record $5 billion whereas 2024 saw cuts.", "",
     "2023"},
    {"In 2023 the army spent a record $5 billion although 2024 saw cuts.", "",
     "2023"},
    {"In 2023 the army spent a record $5 billion though 2024 saw cuts.", "",
     "2023"},
    {"In 2023 the army spent a record $5 billion and 2024 saw cuts.", "",
     "2024"},
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

    /* digits inside an amount are never a year */
    {"\xEA\xB5\xAD\xEB\xB0\xA9\xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 "
     "1\xEC\xA1\xB0"
     "2000\xEC\x96\xB5\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
     "", "-"}, /* 국방예산은 1조2000억원이다. */
    {"\xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 2\xEC\xA1\xB0"
     "2025"
     "\xEC\x96\xB5\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
     "", "-"}, /* 예산은 2조2025억원이다. */
    {"\xEB\xB0\xA9\xEC\x9C\x84\xEB\xB9\x84\xEB\x8A\x94 5\xEC\xA1\xB0 "
     "1911\xEC\x96\xB5\xEC\x97\x94\xEC\x9D\xB4\xEB\x8B\xA4.",
     "", "-"}, /* 방위비는 5조 1911억엔이다. */
    {"\xEC\x8B\xAC\xEC\x82\xAC\xEC\x97\x90\xEC\x84\x9C 2056\xEC\x96\xB5"
     "\xEC\x9B\x90\xEC\x9D\xB4 "
     "\xEC\x82\xAD\xEA\xB0\x90\xEB\x90\x90\xEB\x8B\xA4.",
     "", "-"}, /* 심사에서 2056억원이 삭감됐다. */

    /* a full stop that lost its space, and 。, end a sentence: the year
     * three sentences back is out of reach */
    {"The budget for 2021 rose.Costs fell.Prices fell.It is 7 trillion won.",
     "", "-"},
    {"2021\xEB\x85\x84 \xEC\x98\x88\xEC\x82\xB0\xEC\x9D\xB4\xEB\x8B\xA4"
     "\xE3\x80\x82\xEB\xB9\x84\xEC\x9A\xA9\xEC\x9D\x80 \xEC\xA4\x84\xEC\x97\x88"
     "\xEB\x8B\xA4\xE3\x80\x82\xEA\xB0\x80\xEA\xB2\xA9\xEB\x8F\x84 \xEB\x82\xB4"
     "\xEB\xA0\xB8\xEB\x8B\xA4\xE3\x80\x82"
     "7\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4"
     "\xEB\x8B\xA4\xE3\x80\x82",
     "", "-"}, /* 2021년 예산이다。비용은 줄었다。가격도 내렸다。7조원이다。 */
    {"Pay was fixed in 2020.Sergeants now get 500,000 won.", "", "2020"},
    {"The U.S. Army got $5 billion in 2020.", "", "2020"},

    /* completion, delivery, signing: not the money's year */
    {"The destroyers will be built at a cost of about 6 trillion won, set to "
     "be completed in 2028.",
     "", "-@2028"},
    {"Once the plan is completed in 2022, a sergeant's pay will reach 600,000 "
     "won.",
     "", "2022"},
    {"The contract, signed in 2022, is worth $3 billion.", "", "-"},
    {"The bridge, completed in 2015, cost $2 billion.", "", "-"},
    {"Poland signed a $6 billion deal for 180 tanks in 2022.", "", "-"},
    /* 2022년 폴란드와 124억 달러 규모의 계약을 체결했다. */
    {"2022\xEB\x85\x84 \xED\x8F\xB4\xEB\x9E\x80\xEB\x93\x9C\xEC\x99\x80 "
     "124\xEC\x96\xB5 \xEB\x8B\xAC\xEB\x9F\xAC "
     "\xEA\xB7\x9C\xEB\xAA\xA8\xEC\x9D\x98 "
     "\xEA\xB3\x84\xEC\x95\xBD\xEC\x9D\x84 \xEC\xB2\xB4\xEA\xB2\xB0\xED\x96\x88"
     "\xEB\x8B\xA4.",
     "", "-"},
    {"By 2030, spending will reach about $60 billion.", "", "2030"},
    {"Two more drones will arrive in 2019. Each costs $223 million.", "", "-"},
    {"Signed in 2021, the first deal was valued at $2 billion.", "", "-"},
    {"The firm won a $1.5 billion contract in May 2014.", "", "-"},
    {"The two radars will cost 4 trillion won and be ready by around 2030.", "",
     "-@2030"},
    {"\xEC\xB4\x9D \xEA\xB3\x84\xEC\x95\xBD "
     "\xEA\xB8\x88\xEC\x95\xA1\xEC\x9D\x80 "
     "1\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEA\xB3\xA0, "
     "\xEB\x82\xA9\xED\x92\x88"
     "\xEC\x9D\x80 2027\xEB\x85\x84\xEC\x97\x90 "
     "\xEC\x8B\x9C\xEC\x9E\x91\xEB\x90\x9C"
     "\xEB\x8B\xA4.",
     "", "-@2027"}, /* 총 계약 금액은 1조원이고, 납품은 2027년에 시작된다. */

    /* spans and totals */
    {"The ministry will spend 3 trillion won through fiscal 2028.", "", "-"},
    {"It plans $9 billion over the five years through 2030.", "", "-"},
    {"The 2026-2030 plan costs 300 trillion won.", "", "-"},
    {"It grants $800 million over two years.", "", "-"},
    {"Over the 18 months, a soldier receives 20 million won in all.", "", "-"},
    {"\xEC\x95\x9E\xEC\x9C\xBC\xEB\xA1\x9C 5\xEB\x85\x84 "
     "\xEB\x8F\x99\xEC\x95\x88 "
     "30\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\x84 \xEC\x93\xB4\xEB\x8B\xA4.",
     "", "-"}, /* 앞으로 5년 동안 30조원을 쓴다. */
    {"The 2019 \xE2\x80\x93"
     "2023 plan holds KRW 270 trillion.",
     "", "-"},
    {"Spending went from 22.8 trillion won in 2006 to 24.49 trillion won (up "
     "9.7%) in 2007.",
     "", "2006 2007"},

    /* the published year */
    {"The fund currently holds 1 trillion won.", "2024-03-01", "r2024"},
    {"As of now, the fund holds 1 trillion won.", "2024-03-01", "r2024"},
    {"This year's budget is 61 trillion won.", "2024-03-01", "r2024"},
    {"It paid $900 million, up from last year\xE2\x80\x99s $850 million.",
     "2019-02-01", "- r2018"},
    {"2\xEB\x85\x84 \xEC\xA0\x84 1\xEB\x8C\x80\xEB\x8B\xB9 1690\xEB\xA7\x8C "
     "\xEB\x8B\xAC\xEB\x9F\xAC\xEC\x98\x80\xEB\x8B\xA4.",
     "2024-07-01", "r2022"}, /* 2년 전 1대당 1690만 달러였다. */
    {"\xEC\xA7\x80\xEB\x82\x9C \xED\x95\xB4 "
     "\xEC\xA7\x80\xEC\xB6\x9C\xEC\x9D\x80 "
     "720\xEC\x96\xB5 \xEB\x8B\xAC\xEB\x9F\xAC\xEC\x98\x80\xEB\x8B\xA4.",
     "2010-03-04", "r2009"}, /* 지난 해 지출은 720억 달러였다. */

    /* abbreviated and fiscal years */
    {"\xE2\x80\x99"
     "20\xEB\x85\x84\xEB\x8F\x84 \xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 "
     "50\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
     "", "2020"}, /* ’20년도 예산은 50조원이다. */
    {"'17\xEB\x85\x84\xEC\x97\x90 "
     "40\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEC\x97\x88"
     "\xEB\x8B\xA4.",
     "", "2017"}, /* '17년에 40조원이었다. */
    {"The \xE2\x80\x99"
     "24 budget is $5 billion.",
     "", "2024"},
    {"It will cost $5 billion and be ready by \xE2\x80\x99"
     "29.",
     "", "-@2029"},
    /* among quotes, apostrophes, words with F and amounts, which open
     * nothing, the few that do */
    {"\xE2\x80\x9CIt\xE2\x80\x99s done,\xE2\x80\x9D the firm's chief "
     "said of the '24 budget, first set at $5.25 billion.",
     "", "2024"},
    {"For fiscal reasons it asked for $5 billion in fy25.", "", "f2025"},
    {"Seoul will spend $5.5 billion on 36 jets over the next 5 years.", "",
     "-"},
    /* 2년전 1690만 달러였다. */
    {"2\xEB\x85\x84\xEC\xA0\x84 1690\xEB\xA7\x8C \xEB\x8B\xAC\xEB\x9F\xAC"
     "\xEC\x98\x80\xEB\x8B\xA4.",
     "2024-07-01", "r2022"},
    {"In the 2023/2024 financial year it spent \xC2\xA3"
     "50bn.",
     "", "f2023"},
    {"It would need \xC2\xA3"
     "14bn in 2029-30.",
     "", "f2029"},
    {"For 2017-18, the state provided Rs 86,529 crore.", "", "f2017"},
    {"Of the FY27 capital budget, Rs 60,000 crore is for aircraft.", "",
     "f2026"}, /* India names its fiscal year by its end */
    {"The FY27 request is $900 billion.", "", "f2027"},
    {"Outlays rose to Rs 2 lakh crore in the year that begins in April "
     "(FY27).",
     "", "f2026"},

    /* whose year it is */
    {"It grew from $850 million in 2018 to $924 million in 2019.", "",
     "2018 2019"},
    {"Exports will rise to $1.2 billion, 20 percent above the $1 billion "
     "recorded this year.",
     "2008-12-01", "- r2008"},
    {"It went from 22.8 trillion won in 2006 to 24.5 trillion won in 2007, "
     "and climbs to 26.7 trillion won (about $28.9 billion, +9%) in 2008.",
     "", "2006 2007 2008"},
    {"It spent $5 billion and $6 billion in 2023.", "", "2023 2023"},
    {"In 2023, the budget was 57 trillion won, and in 2024 it rose to 59.4 "
     "trillion won.",
     "", "2023 2024"},
    {"Spending of $5 billion was 3 percent higher than 2019.", "", "-"},
    {"Based on data from 2019, it put the cost at $5 billion.", "", "2019"},
    {"The budget of $5 billion is 3 percent above the country's 2021 level.",
     "", "-"},
    {"It will pay $925 million this year, an increase of $70 million over "
     "last year's $855 million.",
     "2019-02-01", "r2019 r2019 r2018"},
    {"The US spent $656 billion in 2014, whereas China spent $157 billion.", "",
     "2014 2014"},
    /* 2027년 예산은 올해보다 3조원 늘어난 60조원이다. */
    {"2027\xEB\x85\x84 \xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 "
     "\xEC\x98\xAC\xED\x95\xB4"
     "\xEB\xB3\xB4\xEB\x8B\xA4 3\xEC\xA1\xB0\xEC\x9B\x90 "
     "\xEB\x8A\x98\xEC\x96\xB4"
     "\xEB\x82\x9C 60\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
     "2025-08-01", "2027 2027"},
    /* 2025년 예산은 9천억원이다. 이는 올해 예산 1조원보다 1000억원 줄어든
     * 규모다. */
    {"2025\xEB\x85\x84 \xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 "
     "9\xEC\xB2\x9C\xEC\x96\xB5"
     "\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4. \xEC\x9D\xB4\xEB\x8A\x94 "
     "\xEC\x98\xAC"
     "\xED\x95\xB4 \xEC\x98\x88\xEC\x82\xB0 "
     "1\xEC\xA1\xB0\xEC\x9B\x90\xEB\xB3\xB4"
     "\xEB\x8B\xA4 1000\xEC\x96\xB5\xEC\x9B\x90 "
     "\xEC\xA4\x84\xEC\x96\xB4\xEB\x93\xA0 "
     "\xEA\xB7\x9C\xEB\xAA\xA8\xEB\x8B\xA4.",
     "2024-08-01", "2025 r2024 2025"},
    /* ... 특히 기금은 500억원이 삭감됐다: the year before is a base's,
     * which dates nothing after it, and the look stops there */
    {"2025\xEB\x85\x84 \xEC\x98\x88\xEC\x82\xB0\xEC\x9D\x80 "
     "9\xEC\xB2\x9C\xEC\x96\xB5"
     "\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4. \xEC\x9D\xB4\xEB\x8A\x94 "
     "\xEC\x98\xAC"
     "\xED\x95\xB4 \xEC\x98\x88\xEC\x82\xB0 "
     "1\xEC\xA1\xB0\xEC\x9B\x90\xEB\xB3\xB4"
     "\xEB\x8B\xA4 1000\xEC\x96\xB5\xEC\x9B\x90 "
     "\xEC\xA4\x84\xEC\x96\xB4\xEB\x93\xA0 "
     "\xEA\xB7\x9C\xEB\xAA\xA8\xEB\x8B\xA4. \xED\x8A\xB9\xED\x9E\x88 "
     "\xEA\xB8\xB0"
     "\xEA\xB8\x88\xEC\x9D\x80 500\xEC\x96\xB5\xEC\x9B\x90\xEC\x9D\xB4 "
     "\xEC\x82\xAD"
     "\xEA\xB0\x90\xEB\x90\x90\xEB\x8B\xA4.",
     "2024-08-01", "2025 r2024 2025 -"},
    /* 활동비는 3만원이던 것이 내년 6만원으로 오른다. */
    {"\xED\x99\x9C\xEB\x8F\x99\xEB\xB9\x84\xEB\x8A\x94 "
     "3\xEB\xA7\x8C\xEC\x9B\x90"
     "\xEC\x9D\xB4\xEB\x8D\x98 \xEA\xB2\x83\xEC\x9D\xB4 "
     "\xEB\x82\xB4\xEB\x85\x84 "
     "6\xEB\xA7\x8C\xEC\x9B\x90\xEC\x9C\xBC\xEB\xA1\x9C "
     "\xEC\x98\xA4\xEB\xA5\xB8"
     "\xEB\x8B\xA4.",
     "2022-08-30", "- r2023"},
    /* 2023년에는 병장이 100만원, 상병 80만원으로 오른다. */
    {"2023\xEB\x85\x84\xEC\x97\x90\xEB\x8A\x94 "
     "\xEB\xB3\x91\xEC\x9E\xA5\xEC\x9D\xB4 "
     "100\xEB\xA7\x8C\xEC\x9B\x90, \xEC\x83\x81\xEB\xB3\x91 "
     "80\xEB\xA7\x8C\xEC\x9B\x90"
     "\xEC\x9C\xBC\xEB\xA1\x9C \xEC\x98\xA4\xEB\xA5\xB8\xEB\x8B\xA4.",
     "", "2023 2023"},
    /* 2025년까지 205만원으로 인상한다. */
    {"2025\xEB\x85\x84\xEA\xB9\x8C\xEC\xA7\x80 "
     "205\xEB\xA7\x8C\xEC\x9B\x90\xEC\x9C\xBC"
     "\xEB\xA1\x9C \xEC\x9D\xB8\xEC\x83\x81\xED\x95\x9C\xEB\x8B\xA4.",
     "", "2025"},
    /* 월급은 54만원(2017년 최저임금의 40%)이 된다: an aside */
    {"\xEC\x9B\x94\xEA\xB8\x89\xEC\x9D\x80 "
     "54\xEB\xA7\x8C\xEC\x9B\x90(2017\xEB\x85\x84 "
     "\xEC\xB5\x9C\xEC\xA0\x80\xEC\x9E\x84\xEA\xB8\x88\xEC\x9D\x98 "
     "40%)\xEC\x9D\xB4 "
     "\xEB\x90\x9C\xEB\x8B\xA4.",
     "", "-"},
    {"SEOUL (Dec. 28, 2022) Over the next five years Seoul will add 300 "
     "trillion won.",
     "", "-"},

    /* a yearly rate is no one year's money */
    {"Hosting the bases costs about 200 billion yen annually.", "2021-08-01",
     "-"},
    {"This works out to a yearly average of $38 billion.", "2013-07-01", "-"},

    /* one period does not carry into a sentence about another */
    {"Next year the ministry will spend 60 trillion won. Under the previous "
     "government it reached 40 trillion won.",
     "2024-08-01", "r2025 -"},
    {"The ministry proposed 72 trillion won for 2026, up from this year's 66 "
     "trillion won. Defence spending will exceed 70 trillion won for the "
     "first time.",
     "2025-08-01", "2026 r2025 2026"},
    {"It will lift pay to 1 million won by 2027, and to 1.5 million won by "
     "2029.",
     "", "2027 2029"},
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

/* ------------------------------------------------------ the tables
 *
 * Every entry of every year-phrase table goes through the rules that read
 * it: put into its table's sentence, it must change what a nonsense word
 * in its place gives.  An entry that cannot match (shadowed by an index,
 * misspelt, never reached) fails; so does a table without a sentence. */

typedef struct {
    const char *table;
    const char *text; /* with %s where the entry goes */
    const char *published;
    const char *figs[3]; /* the figures' surfaces, in order */
    const char *currency;
} table_case;

static const table_case table_cases[] = {
    {"span_before",
     "It will spend 5 billion dollars %s 2029.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"other_period",
     "Next year it will spend 60 billion dollars. %s it was 40 billion "
     "dollars.",
     "2024-08-01",
     {"60 billion dollars", "40 billion dollars"},
     "USD"},
    {"target_words",
     "It will spend 5 billion dollars %s 2029.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"compare_words",
     "Spending reached 5 billion dollars, up 3 percent %s 2016.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"launch_verbs",
     "The system, %s in 2016, costs 5 billion dollars.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"data_nouns",
     "Drawing on %s from 1999, it put the budget at 5 billion dollars.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"time_conjunctions",
     "%s the plan is completed in 2022, pay will reach 600,000 won.",
     "",
     {"600,000 won"},
     "KRW"},
    {"signing_verbs",
     "It %s a 5 billion dollar deal for tanks in 2022.",
     "",
     {"5 billion dollar"},
     "USD"},
    {"deal_nouns",
     "It won a 5 billion dollar %s in 2014.",
     "",
     {"5 billion dollar"},
     "USD"},
    {"done_words",
     "It will cost 5 billion dollars and be %s 2028.",
     "",
     {"5 billion dollars"},
     "USD"},
    /* 총 금액은 1조원이고, %s은 2027년에 시작된다. */
    {"korean_done",
     "\xEC\xB4\x9D \xEA\xB8\x88\xEC\x95\xA1\xEC\x9D\x80 "
     "1\xEC\xA1\xB0\xEC\x9B\x90"
     "\xEC\x9D\xB4\xEA\xB3\xA0, %s\xEC\x9D\x80 2027\xEB\x85\x84\xEC\x97\x90 "
     "\xEC\x8B\x9C\xEC\x9E\x91\xEB\x90\x9C\xEB\x8B\xA4.",
     "",
     {"1\xEC\xA1\xB0\xEC\x9B\x90"},
     "KRW"},
    /* 총 금액은 1조원이고, %s은 2022년에 했다. */
    {"korean_launch",
     "\xEC\xB4\x9D \xEA\xB8\x88\xEC\x95\xA1\xEC\x9D\x80 "
     "1\xEC\xA1\xB0\xEC\x9B\x90"
     "\xEC\x9D\xB4\xEA\xB3\xA0, %s\xEC\x9D\x80 2022\xEB\x85\x84\xEC\x97\x90 "
     "\xED\x96\x88\xEB\x8B\xA4.",
     "",
     {"1\xEC\xA1\xB0\xEC\x9B\x90"},
     "KRW"},
    /* 총 금액은 1조원이고, 납품%s 2027년에 시작된다. */
    {"korean_particles",
     "\xEC\xB4\x9D \xEA\xB8\x88\xEC\x95\xA1\xEC\x9D\x80 "
     "1\xEC\xA1\xB0\xEC\x9B\x90"
     "\xEC\x9D\xB4\xEA\xB3\xA0, \xEB\x82\xA9\xED\x92\x88%s 2027\xEB\x85\x84"
     "\xEC\x97\x90 \xEC\x8B\x9C\xEC\x9E\x91\xEB\x90\x9C\xEB\x8B\xA4.",
     "",
     {"1\xEC\xA1\xB0\xEC\x9B\x90"},
     "KRW"},
    /* 2026년 %s 3조원이 늘었다. */
    {"korean_compare",
     "2026\xEB\x85\x84 %s 3\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4 "
     "\xEB\x8A\x98\xEC\x97\x88\xEB\x8B\xA4.",
     "",
     {"3\xEC\xA1\xB0\xEC\x9B\x90"},
     "KRW"},
    /* 2023년, 국방부는 3만원%s 수당을 올렸다. */
    {"korean_was",
     "2023\xEB\x85\x84, \xEA\xB5\xAD\xEB\xB0\xA9\xEB\xB6\x80\xEB\x8A\x94 "
     "3\xEB\xA7\x8C\xEC\x9B\x90%s \xEC\x88\x98\xEB\x8B\xB9\xEC\x9D\x84 "
     "\xEC\x98\xAC\xEB\xA0\xB8\xEB\x8B\xA4.",
     "",
     {"3\xEB\xA7\x8C\xEC\x9B\x90"},
     "KRW"},
    {"korean_units",
     "It got 5 trillion won, 2000 %s in all.",
     "",
     {"5 trillion won"},
     "KRW"},
    /* 2024년에 5년 %s 30조원을 쓴다. */
    {"korean_span",
     "2024\xEB\x85\x84\xEC\x97\x90 5\xEB\x85\x84 %s 30\xEC\xA1\xB0\xEC\x9B\x90"
     "\xEC\x9D\x84 \xEC\x93\xB4\xEB\x8B\xA4.",
     "",
     {"30\xEC\xA1\xB0\xEC\x9B\x90"},
     "KRW"},
    {"reach_words",
     "Pay will %s 1 million dollars by 2027.",
     "",
     {"1 million dollars"},
     "USD"},
    {"recurring_after",
     "This year it costs 200 billion yen %s.",
     "2021-08-01",
     {"200 billion yen"},
     "JPY"},
    {"recurring_before",
     "This year it pays %s 38 billion dollars.",
     "2021-08-01",
     {"38 billion dollars"},
     "USD"},
    {"fiscal_before",
     "It got 5 billion dollars in %s 2025.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"hedges",
     "Spending rose to 6 billion dollars in 2020, up from %s 5 billion "
     "dollars.",
     "",
     {"6 billion dollars", "5 billion dollars"},
     "USD"},
    {"months",
     "It was adopted in %s 2022 and costs 5 billion dollars.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"relative_words",
     "It spent 5 billion dollars %s.",
     "2024-08-01",
     {"5 billion dollars"},
     "USD"},
    /* %s 예산 5조원 */
    {"relative_korean",
     "%s \xEC\x98\x88\xEC\x82\xB0 5\xEC\xA1\xB0\xEC\x9B\x90",
     "2024-08-01",
     {"5\xEC\xA1\xB0\xEC\x9B\x90"},
     "KRW"},
    {"counts",
     "In 2024 it is a %s-year plan worth 5 billion dollars.",
     "",
     {"5 billion dollars"},
     "USD"},
    {"span_leads",
     "In 2024 Seoul will spend 5 billion dollars %s five years.",
     "",
     {"5 billion dollars"},
     "USD"},
};

/* Where the sentence around [s,e) starts and ends: full stops followed
 * by a space, or the ends of the text. */
static void sentence_of(const char *t, size_t len, size_t s, size_t e,
                        size_t *ss, size_t *se)
{
    *ss = 0;
    for (size_t k = s; k > 1; k--)
        if (t[k - 2] == '.' && t[k - 1] == ' ') {
            *ss = k;
            break;
        }
    *se = len;
    for (size_t k = e; k < len; k++)
        if (t[k] == '.' && (k + 1 == len || t[k + 1] == ' ')) {
            *se = k + 1;
            break;
        }
}

/* The years ft_years_assign gives the case's figures with `word` in it,
 * as text ("year/basis/target ..."). */
static void years_with(const table_case *c, const char *word, char *out,
                       size_t cap)
{
    char text[512];
    snprintf(text, sizeof text, c->text, word);
    size_t len = strlen(text);
    ft_figure figs[3];
    size_t n = 0, from = 0;
    for (; n < 3 && c->figs[n]; n++) {
        const char *p = strstr(text + from, c->figs[n]);
        assert_non_null(p);
        memset(&figs[n], 0, sizeof figs[n]);
        figs[n].start = (size_t)(p - text);
        figs[n].end = figs[n].start + strlen(c->figs[n]);
        snprintf(figs[n].currency, sizeof figs[n].currency, "%s", c->currency);
        sentence_of(text, len, figs[n].start, figs[n].end, &figs[n].sent_start,
                    &figs[n].sent_end);
        from = figs[n].end;
    }
    int published = c->published[0] ? atoi(c->published) : 0;
    ft_years_assign(text, len, published, figs, n);
    out[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        size_t used = strlen(out);
        snprintf(out + used, cap - used, "%d/%d/%d ", figs[k].year,
                 (int)figs[k].year_basis, figs[k].target_year);
    }
}

static void test_every_table_entry_matches(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t t = 0; t < ft_years_tables(); t++) {
        const char *name = ft_years_table_name(t);
        const table_case *c = NULL;
        for (size_t k = 0; k < sizeof table_cases / sizeof *table_cases; k++)
            if (strcmp(table_cases[k].table, name) == 0)
                c = &table_cases[k];
        if (!c) {
            print_error("table %s has no sentence in test_years.c\n", name);
            failures++;
            continue;
        }
        char none[128], got[128];
        years_with(c, "xyzzy", none, sizeof none);
        for (size_t k = 0; k < ft_years_table_len(t); k++) {
            const char *entry = ft_years_table_entry(t, k);
            years_with(c, entry, got, sizeof got);
            if (strcmp(got, none) == 0) {
                print_error("%s entry \"%s\" does not match: %s\n", name, entry,
                            got);
                failures++;
            }
        }
    }
    if (failures)
        fail_msg("%zu table entries cannot match", failures);
}

/* An English relative year or span is looked for only a few words before
 * an anchor ("year", "month", ...), words and not bytes: each entry still
 * matches with runs of spaces and tabs between its words. */
static void test_spaced_entries_match(void **state)
{
    (void)state;
    static const char *const spaced_tables[] = {"relative_words", "span_leads",
                                                "counts"};
    size_t failures = 0;
    for (size_t t = 0; t < ft_years_tables(); t++) {
        const char *name = ft_years_table_name(t);
        const table_case *c = NULL;
        for (size_t q = 0; q < sizeof spaced_tables / sizeof *spaced_tables;
             q++)
            if (strcmp(spaced_tables[q], name) == 0)
                for (size_t k = 0; k < sizeof table_cases / sizeof *table_cases;
                     k++)
                    if (strcmp(table_cases[k].table, name) == 0)
                        c = &table_cases[k];
        if (!c)
            continue;
        char none[128], got[128];
        years_with(c, "xyzzy", none, sizeof none);
        for (size_t k = 0; k < ft_years_table_len(t); k++) {
            const char *entry = ft_years_table_entry(t, k);
            char spaced[128];
            size_t n = 0;
            for (const char *p = entry; *p && n + 8 < sizeof spaced; p++) {
                if (*p == ' ') {
                    memcpy(spaced + n, "   \t  ", 6);
                    n += 6;
                } else {
                    spaced[n++] = *p;
                }
            }
            spaced[n] = '\0';
            years_with(c, spaced, got, sizeof got);
            if (strcmp(got, none) == 0) {
                print_error("%s entry \"%s\" spaced out does not match\n", name,
                            entry);
                failures++;
            }
        }
    }
    if (failures)
        fail_msg("%zu spaced entries cannot match", failures);
}

/* ------------------------------------------------------ bounded work
 *
 * Without a clock: a figure in a text with no sentence end for a
 * megabyte, or a megabyte of sentences ended only by 。, is dated while
 * every byte farther than years.h promises is unreadable (PROT_NONE), so
 * reading one would crash the test; a year beyond that reach never dates
 * the figure. */

#define BIG (1u << 20)

typedef struct {
    char *map;
    size_t maplen;
} guarded;

static char *guard(guarded *g, size_t len)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    g->maplen = (len + page - 1) / page * page + page;
    g->map = mmap(NULL, g->maplen, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(g->map != MAP_FAILED);
    return g->map;
}

/* Make every page outside [lo, hi) unreadable. */
static void protect_outside(guarded *g, size_t lo, size_t hi)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t a = lo / page * page, b = (hi + page - 1) / page * page;
    if (a > 0)
        assert_int_equal(mprotect(g->map, a, PROT_NONE), 0);
    if (b < g->maplen)
        assert_int_equal(mprotect(g->map + b, g->maplen - b, PROT_NONE), 0);
}

static void unguard(guarded *g)
{
    munmap(g->map, g->maplen);
}

/* Fill t[0,n) with copies of s. */
static void fill(char *t, size_t n, const char *s)
{
    size_t l = strlen(s);
    for (size_t k = 0; k < n; k += l)
        memcpy(t + k, s, n - k < l ? n - k : l);
}

/* "In 2020, " then filler, the figure a megabyte in, filler again; the
 * figure's sentence said to start sent_back bytes before it (SIZE_MAX:
 * at the very start, as a splitter that found no end would say). */
static int date_one_guarded(const char *filler, size_t sent_back)
{
    const char *sentence = "it cost 5 billion dollars ";
    guarded g;
    size_t len = 2 * BIG;
    char *t = guard(&g, len);
    fill(t, len, filler);
    memcpy(t, "In 2020, ", 9);
    memcpy(t + BIG, sentence, strlen(sentence));
    ft_figure f;
    memset(&f, 0, sizeof f);
    f.start = BIG + strlen("it cost ");
    f.end = f.start + strlen("5 billion dollars");
    f.sent_start = sent_back == SIZE_MAX ? 0 : BIG - sent_back;
    f.sent_end = len;
    protect_outside(&g, f.start - FT_YEARS_LOOK_BEFORE,
                    f.end + FT_YEARS_LOOK_AFTER);
    ft_years_assign(t, len, 2024, &f, 1);
    unguard(&g);
    return f.year;
}

static void test_no_stop_megabyte_is_bounded(void **state)
{
    (void)state;
    assert_int_equal(date_one_guarded("and more words ", SIZE_MAX), 0);
}

static void test_cjk_stop_megabyte_is_bounded(void **state)
{
    (void)state;
    /* 나는 간다。 over and over */
    const char *stops = "\xEB\x82\x98\xEB\x8A\x94 \xEA\xB0\x84\xEB\x8B\xA4"
                        "\xE3\x80\x82";
    assert_int_equal(date_one_guarded(stops, 0), 0);
    assert_int_equal(date_one_guarded(stops, SIZE_MAX), 0);
}

/* A span's far end of many digits ("2022-2000...0") is no year, and is
 * read without overflowing (UBSan, make check-asan, saw int overflow). */
/* The year of the one figure of text, through the whole extractor: the
 * sentence splitter ends the figure's sentence at a stop that lost its
 * space (years reads the window's sentence as the splitter gives it),
 * and the look back to the sentences before finds such stops itself. */
static int date_in_one_sentence(const char *t)
{
    ft_extract_opts o = {.published = "2024-05-01"};
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(t, strlen(t), &o, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    int year = l.items[0].year;
    ft_figlist_free(&l);
    return year;
}

static void test_glued_stops_in_one_sentence(void **state)
{
    (void)state;
    /* the last stop before the figure starts its sentence: the year is
     * three sentences back, out of reach */
    assert_int_equal(date_in_one_sentence("It rose in 2019.Costs fell.Prices "
                                          "fell.It cost 5 billion dollars."),
                     0);
    assert_int_equal(
        date_in_one_sentence(
            "It rose in 2019.Costs fell.It cost 5 billion dollars."),
        2019);
    /* the first stop after the figure ends it */
    assert_int_equal(
        date_in_one_sentence("It cost 5 billion dollars.Costs rose in 2019."),
        0);
    /* between Hangul syllables too (다.올해), not before a digit or a
     * small letter */
    assert_int_equal(date_in_one_sentence("It cost 5 billion dollars "
                                          "\xEB\x8B\xA4.\xEC\x98\xAC"
                                          "\xED\x95\xB4 rose."),
                     0);
    assert_int_equal(date_in_one_sentence("It cost 5 billion dollars "
                                          "\xEB\x8B\xA4 \xEC\x98\xAC"
                                          "\xED\x95\xB4 rose."),
                     2024);
    assert_int_equal(
        date_in_one_sentence("It cost 5 billion dollars.costs rose in 2019."),
        2019);
}

static void test_span_end_of_many_digits(void **state)
{
    (void)state;
    const char *t = "In 2022-20000000000000000000000000000000 the fund got "
                    "5 billion won.";
    ft_extract_opts o = {.published = "2024-05-01"};
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(t, strlen(t), &o, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_int_equal(l.items[0].year, 2022);
    ft_figlist_free(&l);
}

/* The whole extractor on a megabyte of one endless sentence, and of 。
 * sentences: the figure far from "In 2020" gets no year from it, while a
 * year in reach still dates its figure. */
static void test_far_year_out_of_reach(void **state)
{
    (void)state;
    const char *fillers[] = {"and more words ",
                             "\xEB\x82\x98\xEB\x8A\x94 \xEA\xB0\x84\xEB\x8B\xA4"
                             "\xE3\x80\x82"};
    for (size_t k = 0; k < 2; k++) {
        size_t len = BIG + 64;
        char *t = malloc(len + 1);
        assert_non_null(t);
        fill(t, len, fillers[k]);
        memcpy(t, "In 2020, ", 9);
        const char *mid = " in 2023 it cost 5 billion dollars ";
        memcpy(t + BIG / 2, mid, strlen(mid));
        const char *end = " it cost 7 billion dollars";
        memcpy(t + len - strlen(end), end, strlen(end));
        t[len] = '\0';
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(ft_extract(t, len, NULL, &l, NULL), FT_OK);
        assert_int_equal(l.len, 2);
        assert_int_equal(l.items[0].year, 2023);
        assert_int_equal(l.items[1].year, 0);
        ft_figlist_free(&l);
        free(t);
    }
}

/* years reads a sentence sixteen and 64 bytes at a time: a word of any
 * length before the words that matter moves them across every boundary,
 * and the years must not move with them (the word stands before them
 * all: their distances, which reaches limit, stay). */
static void years_of(const char *t, const char *published, char *out,
                     size_t cap)
{
    ft_extract_opts o = {.published = published};
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(t, strlen(t), &o, &l, NULL), FT_OK);
    size_t used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < l.len && used < cap; k++)
        used += (size_t)snprintf(out + used, cap - used, "%d/%d/%d ",
                                 l.items[k].year, (int)l.items[k].year_basis,
                                 l.items[k].target_year);
    ft_figlist_free(&l);
}

/* text, published 2024-05-01, gives its figures the years want (as
 * years_of writes them). */
static void expect_years(const char *text, const char *want)
{
    char got[256];
    years_of(text, "2024-05-01", got, sizeof got);
    if (strcmp(got, want) != 0)
        fail_msg("\"%s\": %s, not %s", text, got, want);
}

static void test_years_at_every_offset(void **state)
{
    (void)state;
    static const char *const templates[] = {
        "The %s fund spent 5 billion dollars last year.",
        "The %s fund spent 5 billion dollars in 2021, up from 4 billion "
        "dollars in 2020.",
        "The %s fund said in 2019 it got 5 billion dollars, but 2020 was "
        "leaner.",
        "The %s fund, launched in 2016, costs 5 billion dollars.",
        "The %s firm signed a deal worth 5 billion dollars in 2022.",
        "The %s fund will cost 5 billion dollars and be completed in 2028.",
        "The %s fund got 5 billion dollars (in FY27) over the next five "
        "years.",
        /* 그 %s 기금은 2024년 예산 5조원이다. */
        "\xEA\xB7\xB8 %s \xEA\xB8\xB0\xEA\xB8\x88\xEC\x9D\x80 "
        "2024\xEB\x85\x84 \xEC\x98\x88\xEC\x82\xB0 "
        "5\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEB\x8B\xA4.",
    };
    char word[160], text[512], first[256], got[256];
    for (size_t k = 0; k < sizeof templates / sizeof *templates; k++) {
        for (size_t n = 1; n < sizeof word; n++) {
            memset(word, 'z', n);
            word[n] = '\0';
            snprintf(text, sizeof text, templates[k], word);
            years_of(text, "2024-05-01", n == 1 ? first : got, sizeof first);
            if (n > 1 && strcmp(got, first) != 0)
                fail_msg("template %zu, a word of %zu: %s, not %s", k, n, got,
                         first);
        }
        assert_true(strchr(first, '/') != NULL); /* figures were found */
    }
}

/* The window's sentence is marked sixteen bytes at a time, where the
 * sixteens with no digit, no byte past ASCII and no FY are skipped, and
 * the words that may open an expression are found back from its anchors
 * ("year", "month"); the sentences before it are read by another path
 * (opens64).  An expression at any offset must be found by either: in
 * the figure's sentence, and in the sentence before (look_back), with a
 * filler of any length before it. */
static void test_expressions_at_every_offset(void **state)
{
    (void)state;
    static const struct {
        const char *phrase, *want;
    } cases[] = {
        {"last year", "2023/3/0 "},
        {"3 years ago", "2021/3/0 "},
        {"two years ago", "2022/3/0 "},
        {"in '21", "2021/1/0 "},
        {"in FY27", "2027/2/0 "},
        {"in 2019", "2019/1/0 "},
        {"during the year before last year", "2023/3/0 "},
    };
    char word[100], text[512];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        for (size_t n = 1; n < sizeof word; n++) {
            memset(word, 'z', n);
            word[n] = '\0';
            snprintf(text, sizeof text,
                     "The %s fund spent 5 billion dollars %s.", word,
                     cases[k].phrase);
            expect_years(text, cases[k].want);
            snprintf(text, sizeof text,
                     "The %s fund was busy %s. It spent 5 billion dollars.",
                     word, cases[k].phrase);
            expect_years(text, cases[k].want);
        }
    }
}

/* Some years back in words, as in digits: "two years ago" is the
 * published year less two, not a span of two years ("over two years"
 * stays one). */
static void test_years_ago_in_words(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"The fund spent 5 billion dollars two years ago.", "2022/3/0 "},
        {"The fund spent 5 billion dollars ten years ago.", "2014/3/0 "},
        {"Five years ago the fund spent 5 billion dollars.", "2019/3/0 "},
        {"The fund spent 5 billion dollars 2 years ago.", "2022/3/0 "},
        {"The fund will spend 5 billion dollars over two years.", "0/0/0 "},
        {"The fund spent 5 billion dollars twenty years ago.", "0/0/0 "},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        expect_years(cases[k].text, cases[k].want);
}

/* Each number in words of the counts table ("two" to "ten", its first
 * nine) makes "N years ago" the published year less N, whatever its
 * case, in the figure's sentence and in the one before: years_ago_at
 * tries only the words whose first bytes the table's index allows, and
 * must find each. */
static void test_years_ago_every_count(void **state)
{
    (void)state;
    size_t t = 0;
    while (strcmp(ft_years_table_name(t), "counts") != 0)
        t++;
    for (size_t k = 0; k < 9; k++) {
        char word[32], want[32], text[256];
        const char *entry = ft_years_table_entry(t, k);
        snprintf(want, sizeof want, "%d/3/0 ", 2024 - (int)(k + 2));
        for (int form = 0; form < 3; form++) {
            size_t n = strlen(entry);
            for (size_t q = 0; q <= n; q++) /* lower, Capital, UPPER */
                word[q] = form == 2 || (form == 1 && q == 0)
                              ? (char)toupper((unsigned char)entry[q])
                              : entry[q];
            snprintf(text, sizeof text,
                     "The fund spent 5 billion dollars %s years ago.", word);
            expect_years(text, want);
            snprintf(text, sizeof text,
                     "The fund was busy %s years ago. It spent 5 billion "
                     "dollars.",
                     word);
            expect_years(text, want);
        }
    }
}

/* A signing verb dates no money with its year when it stands in the
 * year's clause, at most 80 bytes before the year (SIGN_REACH in
 * years.c): a filler of any length moves the verb across that reach and
 * the sixteen-byte steps that read it (and the year past the first 160
 * bytes, where they are read in place, not copied), and a clause break
 * (a semicolon, a comma, " but ") or a full stop between them ends its
 * clause. */
static void test_signing_verb_reach(void **state)
{
    (void)state;
    static const struct {
        const char *template, *verb;
        bool breaks; /* the verb is in another clause */
    } cases[] = {
        {"Poland signed a deal for %s tanks worth 6 billion dollars in 2022.",
         "signed", false},
        {"Poland inked %s, a deal worth 6 billion dollars in 2022.", "inked",
         true},
        {"Poland signed %s; tanks cost 6 billion dollars in 2022.", "signed",
         true},
        {"Poland signed %s but tanks cost 6 billion dollars in 2022.", "signed",
         true},
        {"Poland SIGNED a %s deal for tanks worth 6 billion dollars in 2022.",
         "SIGNED", false},
        /* a break before the verb, and the sentence before: the look
         * starts within the year's sentence or before it */
        {"Talks ended; Poland signed a deal for %s tanks worth 6 billion "
         "dollars in 2022.",
         "signed", false},
        {"Talks ended. Poland signed a deal for %s tanks worth 6 billion "
         "dollars in 2022.",
         "signed", false},
        {"The firm was awarded a %s deal for tanks worth 6 billion dollars in "
         "2022.",
         "awarded", false},
    };
    char word[120], text[512];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        for (size_t n = 1; n < sizeof word; n++) {
            memset(word, 'z', n);
            word[n] = '\0';
            snprintf(text, sizeof text, cases[k].template, word);
            size_t v = (size_t)(strstr(text, cases[k].verb) - text);
            size_t y = (size_t)(strstr(text, "2022") - text);
            ft_figlist l;
            ft_figlist_init(&l);
            assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL),
                             FT_OK);
            assert_int_equal(l.len, 1);
            int want = !cases[k].breaks && y - v <= 80 ? 0 : 2022;
            if (l.items[0].year != want)
                fail_msg("\"%s\": year %d, want %d", text, l.items[0].year,
                         want);
            ft_figlist_free(&l);
        }
    }
}

/* A sentence about another period ("previously", 지난 정부) takes no
 * year from the sentence before it, wherever in it the phrase stands: a
 * filler of any length moves the phrase across the sixteen-byte steps
 * that look for it.  After a letter or a digit it is no phrase
 * ("xpreviously", "5previously"); at the sentence's start it is. */
static void test_other_period_anywhere(void **state)
{
    (void)state;
    static const struct {
        const char *template;
        int want; /* the second figure's year */
    } cases[] = {
        {"In 2023 it cost 5 billion dollars. The %s fund previously got 7 "
         "billion dollars.",
         0},
        {"In 2023 it cost 5 billion dollars. The %s fund xpreviously got 7 "
         "billion dollars.",
         2023},
        {"In 2023 it cost 5 billion dollars. The %s fund 5previously got 7 "
         "billion dollars.",
         2023},
        {"In 2023 it cost 5 billion dollars. Previously the %s fund got 7 "
         "billion dollars.",
         0},
        {"In 2023 it cost 5 billion dollars. The %s fund got 7 billion dollars "
         "under the former",
         0},
        /* 그 %s 기금은 지난 정부에서 7조원이었다. */
        {"In 2023 it cost 5 billion dollars. \xEA\xB7\xB8 %s "
         "\xEA\xB8\xB0\xEA\xB8\x88\xEC\x9D\x80 \xEC\xA7\x80\xEB\x82\x9C "
         "\xEC\xA0\x95\xEB\xB6\x80\xEC\x97\x90\xEC\x84\x9C "
         "7\xEC\xA1\xB0\xEC\x9B\x90\xEC\x9D\xB4\xEC\x97\x88\xEB\x8B\xA4.",
         0},
    };
    char word[80], text[512];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        for (size_t n = 1; n < sizeof word; n++) {
            memset(word, 'z', n);
            word[n] = '\0';
            snprintf(text, sizeof text, cases[k].template, word);
            ft_figlist l;
            ft_figlist_init(&l);
            assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL),
                             FT_OK);
            assert_int_equal(l.len, 2);
            assert_int_equal(l.items[0].year, 2023);
            if (l.items[1].year != cases[k].want)
                fail_msg("\"%s\": year %d, want %d", text, l.items[1].year,
                         cases[k].want);
            ft_figlist_free(&l);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_every_table_entry_matches),
        cmocka_unit_test(test_spaced_entries_match),
        cmocka_unit_test(test_no_stop_megabyte_is_bounded),
        cmocka_unit_test(test_cjk_stop_megabyte_is_bounded),
        cmocka_unit_test(test_far_year_out_of_reach),
        cmocka_unit_test(test_span_end_of_many_digits),
        cmocka_unit_test(test_glued_stops_in_one_sentence),
        cmocka_unit_test(test_years_at_every_offset),
        cmocka_unit_test(test_expressions_at_every_offset),
        cmocka_unit_test(test_years_ago_every_count),
        cmocka_unit_test(test_years_ago_in_words),
        cmocka_unit_test(test_signing_verb_reach),
        cmocka_unit_test(test_other_period_anywhere),
    };
    return cmocka_run_group_tests_name("years", tests, NULL, NULL);
}
