/* years_words.h — the phrase tables of years.c, and the shape of the
 * indexes made from them.
 *
 * Included by years.c, which reads the tables, and by
 * scripts/gen_years_index.c, which at build time derives from them the indexes
 * that rule out most positions without reading a list
 * (build/gen/years_index.h): an index is computed from its list, never kept by
 * hand beside it.
 */
#ifndef FT_YEARS_WORDS_H
#define FT_YEARS_WORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "phrase.h"

typedef struct {
    ft_lit w;
    int offset; /* years from the publication year */
} relative_word;

/* Words before a year that make it the end of a span. */
static const ft_lit span_before[] = {
    FT_LIT("through"),
    FT_LIT("thru"),
    FT_LIT("through fiscal"),
    FT_LIT("through fiscal year"),
    FT_LIT("through the end of"),
};
/* Words in a sentence that put it in another period than the sentences
 * before ("Under the previous government it reached X"): no look-back. */
static const ft_lit other_period[] = {
    FT_LIT("under the previous"),
    FT_LIT("under the former"),
    FT_LIT("in the past"),
    FT_LIT("previously"),
    FT_LIT("\xEC\xA7\x80\xEB\x82\x9C \xEC\xA0\x95\xEB\xB6\x80"), /* 지난 정부 */
    FT_LIT("\xEC\x9D\xB4\xEC\xA0\x84 \xEC\xA0\x95\xEB\xB6\x80"), /* 이전 정부 */
    FT_LIT("\xEC\xA0\x84 \xEC\xA0\x95\xEB\xB6\x80"), /* 전 정부 */
};

/* Words before a year that make it a completion target. */
static const ft_lit target_words[] = {
    FT_LIT("by"),
    FT_LIT("until"),
    FT_LIT("till"),
    FT_LIT("before"),
    FT_LIT("ahead of"),
    FT_LIT("no later than"),
    FT_LIT("by the end of"),
    FT_LIT("by end of"),
    FT_LIT("by around"),
    FT_LIT("by about"),
    FT_LIT("by the end of fiscal"),
};
/* ...a comparison base (also before a figure: "up from X"). */
static const ft_lit compare_words[] = {
    FT_LIT("from"),
    FT_LIT("than"),
    FT_LIT("compared with"),
    FT_LIT("compared to"),
    FT_LIT("versus"),
    FT_LIT("vs"),
    FT_LIT("vs."),
    FT_LIT("against"),
    FT_LIT("over"),
    FT_LIT("relative to"),
    FT_LIT("above"),
    FT_LIT("below"),
    FT_LIT("from the"),
    FT_LIT("than the"),
    FT_LIT("compared with the"),
    FT_LIT("compared to the"),
    FT_LIT("over the"),
    FT_LIT("versus the"),
    FT_LIT("than in"),
    FT_LIT("from its"),
    FT_LIT("than its"),
    FT_LIT("above the"),
    FT_LIT("below the"),
    FT_LIT("above its"),
    FT_LIT("below its"),
};
/* Nouns before "from YEAR" that make it the year of the data, not a
 * base: "figures from 1999". */
static const ft_lit data_nouns[] = {
    FT_LIT("figures"),   FT_LIT("data"),    FT_LIT("statistics"),
    FT_LIT("estimates"), FT_LIT("numbers"),
};
/* ...a launch, founding, signing or past event that is not the money's
 * year ("signed in 2022": a contract's value is not that year's money). */
static const ft_lit launch_verbs[] = {
    FT_LIT("established"),    FT_LIT("founded"),     FT_LIT("launched"),
    FT_LIT("created"),        FT_LIT("set up"),      FT_LIT("introduced"),
    FT_LIT("deployed"),       FT_LIT("built"),       FT_LIT("began"),
    FT_LIT("started"),        FT_LIT("inaugurated"), FT_LIT("opened"),
    FT_LIT("formed"),         FT_LIT("born"),        FT_LIT("commissioned"),
    FT_LIT("enacted"),        FT_LIT("adopted"),     FT_LIT("instituted"),
    FT_LIT("first deployed"), FT_LIT("signed"),      FT_LIT("awarded"),
    FT_LIT("concluded"),      FT_LIT("released"),    FT_LIT("published"),
};
/* Verbs of a deal: the clause's year is when it was struck. */
static const ft_lit signing_verbs[] = {
    FT_LIT("signed"),
    FT_LIT("inked"),
    FT_LIT("awarded"),
    FT_LIT("concluded"),
};
/* ...a deal struck then: "a $5 billion contract in 2013". */
static const ft_lit deal_nouns[] = {
    FT_LIT("contract"),
    FT_LIT("deal"),
    FT_LIT("agreement"),
    FT_LIT("order"),
};
/* ...a completion or delivery date: after a cost it is a target ("will
 * cost X, set to be completed in 2028"), before a level it dates it
 * ("once the plan is completed in 2022, pay reaches X"). */
static const ft_lit done_words[] = {
    FT_LIT("completed"),   FT_LIT("finished"),    FT_LIT("delivered"),
    FT_LIT("ready in"),    FT_LIT("complete in"), FT_LIT("operational in"),
    FT_LIT("delivery in"), FT_LIT("arrive"),      FT_LIT("arrives"),
    FT_LIT("operating"),   FT_LIT("in service"),
};
/* Conjunctions that open a clause of time ("once the plan is completed
 * in 2022, ..."). */
static const ft_lit time_conjunctions[] = {
    FT_LIT("once"),
    FT_LIT("when"),
    FT_LIT("after"),
    FT_LIT("as soon as"),
};
/* Korean nouns before a year, with or without a particle: a delivery or
 * completion date (납품은 2027년), ... */
static const ft_lit korean_done[] = {
    FT_LIT("\xEB\x82\xA9\xED\x92\x88"),             /* 납품 */
    FT_LIT("\xEC\x9D\xB8\xEB\x8F\x84"),             /* 인도 */
    FT_LIT("\xEC\x99\x84\xEB\xA3\x8C"),             /* 완료 */
    FT_LIT("\xEC\xA0\x84\xEB\xA0\xA5\xED\x99\x94"), /* 전력화 */
    FT_LIT("\xEB\xB0\xB0\xEC\xB9\x98"),             /* 배치 */
};
/* ...a signing date (체결은 2022년). */
static const ft_lit korean_launch[] = {
    FT_LIT("\xEC\x84\x9C\xEB\xAA\x85"), /* 서명 */
    FT_LIT("\xEC\xB2\xB4\xEA\xB2\xB0"), /* 체결 */
};
/* The particles such a noun may carry. */
static const ft_lit korean_particles[] = {
    FT_LIT("\xEC\x9D\x80"), FT_LIT("\xEB\x8A\x94"), /* 은 는 */
    FT_LIT("\xEC\x9D\xB4"), FT_LIT("\xEA\xB0\x80"), /* 이 가 */
    FT_LIT("\xEC\x9D\x84"), FT_LIT("\xEB\xA5\xBC"), /* 을 를 */
    FT_LIT("\xEB\x8F\x84"),                         /* 도 */
};
/* Korean words after a year or an amount (a parenthesis and 에/와/과
 * between allowed) that make it a comparison base: 2016년 대비, 올해보다,
 * 올해(X)에 비해, 2024년과 비교해. */
static const ft_lit korean_compare[] = {
    FT_LIT("\xEB\x8C\x80\xEB\xB9\x84"),              /* 대비 */
    FT_LIT("\xEB\xB3\xB4\xEB\x8B\xA4"),              /* 보다 */
    FT_LIT("\xEC\x97\x90 \xEB\xB9\x84\xED\x95\xB4"), /* 에 비해 */
    FT_LIT("\xEC\x97\x90\xEB\xB9\x84\xED\x95\xB4"),  /* 에비해 */
    FT_LIT("\xEC\x99\x80 \xEB\xB9\x84\xEA\xB5\x90"), /* 와 비교 */
    FT_LIT("\xEA\xB3\xBC \xEB\xB9\x84\xEA\xB5\x90"), /* 과 비교 */
    FT_LIT("\xEC\x97\x90 \xEB\xB9\x84\xED\x95\x98"), /* 에 비하 */
    FT_LIT("\xEC\x97\x90 \xEA\xB2\xAC\xEC\xA3\xBC"), /* 에 견주 */
};
/* Korean words after an amount that make it the old value of a change:
 * "3만원이던 것이", "1607억 규모였던 사업비", "141,000원에서 30만원으로". */
static const ft_lit korean_was[] = {
    FT_LIT("\xEC\x9D\xB4\xEB\x8D\x98"),                         /* 이던 */
    FT_LIT("\xEC\x98\x80\xEB\x8D\x98"),                         /* 였던 */
    FT_LIT("\xEC\x9D\xB4\xEC\x97\x88\xEB\x8D\x98"),             /* 이었던 */
    FT_LIT("\xEC\x97\x90\xEC\x84\x9C"),                         /* 에서 */
    FT_LIT("\xEA\xB7\x9C\xEB\xAA\xA8\xEC\x98\x80\xEB\x8D\x98"), /* 규모였던 */
};
/* Korean units after digits: the digits are an amount, never a year
 * (2056억원, 1조 2000억원, 5조 1911억엔). */
static const ft_lit korean_units[] = {
    FT_LIT("\xEC\x96\xB5"),
    FT_LIT("\xEB\xA7\x8C"), /* 억 만 */
    FT_LIT("\xEC\xB2\x9C"),
    FT_LIT("\xEC\x9B\x90"), /* 천 원 */
    FT_LIT("\xEC\xA1\xB0"),
    FT_LIT("\xEB\xB0\xB1"),             /* 조 백 */
    FT_LIT("\xEB\x8B\xAC\xEB\x9F\xAC"), /* 달러 */
    FT_LIT("\xEC\x97\x94"),             /* 엔 */
};
/* Korean words after "N년" that make it a span: 5년간, 5년 동안, 2년 반
 * 사이. */
static const ft_lit korean_span[] = {
    FT_LIT("\xEA\xB0\x84"),             /* 간 */
    FT_LIT("\xEB\x8F\x99\xEC\x95\x88"), /* 동안 */
    FT_LIT("\xEC\x82\xAC\xEC\x9D\xB4"), /* 사이 */
};

/* Words after a figure's verb that make "by YEAR" the year a level is
 * reached ("raise monthly pay to 1 million won by 2027"). */
static const ft_lit reach_words[] = {FT_LIT("to"),       FT_LIT("reach"),
                                     FT_LIT("reaching"), FT_LIT("hit"),
                                     FT_LIT("top"),      FT_LIT("exceed")};

/* Words beside a figure that make it a yearly rate, not any one year's
 * money: "200 billion yen annually", "a yearly average of $38 billion",
 * 연간 10만 원. */
static const ft_lit recurring_after[] = {
    FT_LIT("annually"),  FT_LIT("a year"),     FT_LIT("per year"),
    FT_LIT("each year"), FT_LIT("every year"), FT_LIT("per annum"),
};
static const ft_lit recurring_before[] = {
    FT_LIT("yearly average of"),
    FT_LIT("annual average of"),
    FT_LIT("\xEC\x97\xB0\xEA\xB0\x84"),             /* 연간 */
    FT_LIT("\xEC\x97\xB0\xED\x8F\x89\xEA\xB7\xA0"), /* 연평균 */
    FT_LIT("\xEB\xA7\xA4\xEB\x85\x84"),             /* 매년 */
    FT_LIT("\xED\x95\xB4\xEB\xA7\x88\xEB\x8B\xA4"), /* 해마다 */
};

/* Words before a year that make it a fiscal year. */
static const ft_lit fiscal_before[] = {
    FT_LIT("fiscal"),
    FT_LIT("fiscal year"),
    FT_LIT("fy"),
    FT_LIT("financial year"),
};

/* Hedges that may stand between a comparison word and its amount ("up
 * from about $5 billion"). */
static const ft_lit hedges[] = {
    FT_LIT("about"),  FT_LIT("around"), FT_LIT("roughly"),       FT_LIT("some"),
    FT_LIT("nearly"), FT_LIT("almost"), FT_LIT("approximately"), FT_LIT("just"),
    FT_LIT("only"),   FT_LIT("the"),
};

/* Months before a year's date ("adopted in December 2022"). */
static const ft_lit months[] = {
    FT_LIT("january"), FT_LIT("february"), FT_LIT("march"),
    FT_LIT("april"),   FT_LIT("may"),      FT_LIT("june"),
    FT_LIT("july"),    FT_LIT("august"),   FT_LIT("september"),
    FT_LIT("october"), FT_LIT("november"), FT_LIT("december"),
    FT_LIT("jan."),    FT_LIT("feb."),     FT_LIT("mar."),
    FT_LIT("apr."),    FT_LIT("aug."),     FT_LIT("sept."),
    FT_LIT("sep."),    FT_LIT("oct."),     FT_LIT("nov."),
    FT_LIT("dec."),    FT_LIT("jan"),      FT_LIT("feb"),
    FT_LIT("aug"),     FT_LIT("sep"),      FT_LIT("sept"),
    FT_LIT("oct"),     FT_LIT("nov"),      FT_LIT("dec"),
};

/* Relative years, English and Korean, with their distance from the
 * publication year. */
static const relative_word relative_words[] = {
    {FT_LIT("this year"), 0},         {FT_LIT("this fiscal year"), 0},
    {FT_LIT("the current year"), 0},  {FT_LIT("currently"), 0},
    {FT_LIT("as of now"), 0},         {FT_LIT("next year"), 1},
    {FT_LIT("next fiscal year"), 1},  {FT_LIT("last year"), -1},
    {FT_LIT("last fiscal year"), -1}, {FT_LIT("the previous year"), -1},
    {FT_LIT("the year before"), -1},  {FT_LIT("a year earlier"), -1},
    {FT_LIT("a year ago"), -1},       {FT_LIT("the following year"), 1},
    {FT_LIT("the coming year"), 1},   {FT_LIT("the past year"), -1},
};
static const relative_word relative_korean[] = {
    {FT_LIT("\xEB\x82\xB4\xED\x9B\x84\xEB\x85\x84"), 2},   /* 내후년 */
    {FT_LIT("\xEC\x9E\xAC\xEC\x9E\x91\xEB\x85\x84"), -2},  /* 재작년 */
    {FT_LIT("\xEC\x98\xAC\xED\x95\xB4"), 0},               /* 올해 */
    {FT_LIT("\xEA\xB8\x88\xEB\x85\x84"), 0},               /* 금년 */
    {FT_LIT("\xEB\x82\xB4\xEB\x85\x84"), 1},               /* 내년 */
    {FT_LIT("\xEC\xA7\x80\xEB\x82\x9C\xED\x95\xB4"), -1},  /* 지난해 */
    {FT_LIT("\xEC\xA7\x80\xEB\x82\x9C \xED\x95\xB4"), -1}, /* 지난 해 */
    {FT_LIT("\xEC\x9E\x91\xEB\x85\x84"), -1},              /* 작년 */
    {FT_LIT("\xEC\xA0\x84\xEB\x85\x84"), -1},              /* 전년 */
};

/* Count words of a multi-year span ("five-year", "over two years").
 * years_ago_at reads the first nine as 2 to 10 ("two years ago"): they
 * stay first, in order. */
static const ft_lit counts[] = {
    FT_LIT("two"), FT_LIT("three"), FT_LIT("four"),    FT_LIT("five"),
    FT_LIT("six"), FT_LIT("seven"), FT_LIT("eight"),   FT_LIT("nine"),
    FT_LIT("ten"), FT_LIT("multi"), FT_LIT("several"),
};
/* What may lead a span of years or months ("over the next five years"). */
static const ft_lit span_leads[] = {
    FT_LIT("over the next"), FT_LIT("over the past"), FT_LIT("over the"),
    FT_LIT("over"),          FT_LIT("in the next"),   FT_LIT("within"),
    FT_LIT("in just"),       FT_LIT("in only"),       FT_LIT("for the next"),
};

/* Words that end a year's ownership of a figure beside it: the year
 * belongs to another relation ("X to 2025", "X and 2024"). */
static const ft_lit stop_words[] = {
    FT_LIT("to"),       FT_LIT("from"),   FT_LIT("than"),    FT_LIT("over"),
    FT_LIT("above"),    FT_LIT("below"),  FT_LIT("against"), FT_LIT("versus"),
    FT_LIT("by"),       FT_LIT("until"),  FT_LIT("through"), FT_LIT("and"),
    FT_LIT("or"),       FT_LIT("but"),    FT_LIT("since"),   FT_LIT("between"),
    FT_LIT("compared"), FT_LIT("up"),     FT_LIT("down"),    FT_LIT("more"),
    FT_LIT("less"),     FT_LIT("higher"), FT_LIT("lower"),
};

/* Words one of which every English relative year and span of years
 * holds: "last year", "currently", "as of now", "over the next five
 * months", "a five-year plan".  years.c looks for those only a few words
 * before an anchor (ANCHOR_WORDS, counted from these lists at build
 * time); an entry of relative_words without one stops the build. */
static const ft_lit anchors[] = {
    FT_LIT("year"),
    FT_LIT("month"),
    FT_LIT("currently"),
    FT_LIT("now"),
};

/* Which first two bytes can open a phrase of a list (an opener index), or
 * which last two can end one, read backwards (an ender index): a phrase
 * matches only where those bytes match the text's, letters folded, a space
 * in the phrase standing for any run of spaces.  Most positions open or
 * end no phrase of a list, so this answers most of them without reading
 * the list. */
enum { TAIL_BEFORE = 1, TAIL_FIRST = 2 };

typedef struct {
    uint8_t row[256];            /* folded first byte: 1 + its row, or 0 */
    const uint64_t (*second)[4]; /* per row, the folded second bytes */
    const uint64_t *entries;     /* per row, its entries: bit k for entry k
                                  * (0 in an index of several lists) */
    bool always; /* a phrase that opens with a space: any byte may */
    /* an ender index's: per entry, a byte it must find and where: the
     * length of its last word, the byte, and TAIL_BEFORE (the byte before
     * the spaces before that word: "by the end of" is no "quarter of"),
     * TAIL_FIRST (the phrase is one word, and this its first byte:
     * "launched" is no "expected") or 0 (no look); NULL in an opener
     * index */
    const uint8_t (*tails)[3];
    /* an opener index's: per entry, its first bytes (four at most, none
     * from its first space or its end on), byte k at bits 8k, and the
     * mask of those bits; NULL in an ender index */
    const uint32_t (*prefix4)[2];
} years_index;

#endif
