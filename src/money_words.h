/* money_words.h — the lexicon that money.c reads amounts with: currencies
 * written before and after the number, ISO codes, scale words, number
 * words, Korean units; and the shape of the index of words that lets the
 * finder refuse most words of a text without a look-up.
 *
 * Included by money.c, which matches with the tables, and by
 * scripts/gen_money_index.c, which derives the index (`run_index`, in
 * build/gen/money_index.h) from the same tables at build time: the index
 * is never kept by hand beside them.  Each table is defined here, static,
 * because only those two programs read it.
 */
#ifndef FT_MONEY_WORDS_H
#define FT_MONEY_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------ currencies */

enum {
    CUR_EXACT = 1u << 0,       /* letters must match case */
    CUR_PLURAL = 1u << 1,      /* an optional plural "s" */
    CUR_NEEDS_SCALE = 1u << 2, /* ambiguous with a unit ("pounds") */
    CUR_DOLLAR = 1u << 3,      /* a dollar: takes cents, "$10 dollars" */
    CUR_VERB = 1u << 4,        /* "won": also an English verb */
    CUR_HANGUL_WON = 1u << 5,  /* 원: also a syllable of many words */
    CUR_SYMBOL = 1u << 6,      /* a sign ($ € £): not a prefix of words */
    CUR_GLUED = 1u << 7        /* a letter glued to the digits: "W850" */
};

typedef struct {
    const char *pat;
    const char *iso; /* "" when the word names several currencies */
    signed char pow10;
    unsigned char flags;
} currency;

/* Before the number.  Longest match wins (of two as long, the earlier). */
static const currency prefixes[] = {
    {"$", "USD", 0, CUR_DOLLAR | CUR_SYMBOL},
    {"A$", "AUD", 0, CUR_DOLLAR | CUR_EXACT},
    {"au $", "AUD", 0, CUR_DOLLAR},
    {"aud $", "AUD", 0, CUR_DOLLAR},
    {"c $", "CAD", 0, CUR_DOLLAR},
    {"ca $", "CAD", 0, CUR_DOLLAR},
    {"cad $", "CAD", 0, CUR_DOLLAR},
    {"dollar", "USD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"hk $", "HKD", 0, CUR_DOLLAR},
    {"hkd $", "HKD", 0, CUR_DOLLAR},
    {"mex $", "MXN", 0, CUR_DOLLAR},
    {"mxn $", "MXN", 0, CUR_DOLLAR},
    {"musd", "USD", 6, 0},
    {"meur", "EUR", 6, 0},
    {"mgbp", "GBP", 6, 0},
    {"maud", "AUD", 6, 0},
    {"nt $", "TWD", 0, CUR_DOLLAR},
    {"nz $", "NZD", 0, CUR_DOLLAR},
    {"nzd $", "NZD", 0, CUR_DOLLAR},
    /* Philippine pesos in Manila's papers: "P6 billion", "Php204.56
     * billion"; a bare P glued to digits is a peso only before a scale
     * ("P3 program", "P5 nations" are names) */
    {"P", "PHP", 0, CUR_EXACT | CUR_GLUED | CUR_NEEDS_SCALE},
    {"Php", "PHP", 0, CUR_EXACT | CUR_GLUED},
    {"R$", "BRL", 0, CUR_EXACT},
    {"Rs", "INR", 0, CUR_EXACT},
    {"Rs", "INR", 0, CUR_EXACT | CUR_GLUED}, /* Rs500 crore */
    {"Rs.", "INR", 0, CUR_EXACT},
    {"RM", "MYR", 0, CUR_EXACT},
    {"RMB", "CNY", 0, CUR_EXACT | CUR_GLUED}, /* RMB1.2 trillion */
    {"rmb", "CNY", 0, 0},
    {"S$", "SGD", 0, CUR_DOLLAR | CUR_EXACT},
    {"sgd $", "SGD", 0, CUR_DOLLAR},
    /* Taiwan's dollar in English-language defence news; Tonga's pa'anga
     * writes T$ too, but seldom in a budget story */
    {"T$", "TWD", 0, CUR_DOLLAR | CUR_EXACT},
    {"u.s. $", "USD", 0, CUR_DOLLAR},
    {"usd $", "USD", 0, CUR_DOLLAR},
    {"u.s. dollar", "USD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"W", "KRW", 0, CUR_EXACT | CUR_GLUED},    /* W850 billion */
    {"\xE2\x82\xA9", "KRW", 0, CUR_SYMBOL},    /* ₩ */
    {"\xE2\x82\xAC", "EUR", 0, CUR_SYMBOL},    /* € */
    {"\xC2\xA3", "GBP", 0, CUR_SYMBOL},        /* £ */
    {"\xC2\xA5", "JPY", 0, CUR_SYMBOL},        /* ¥ */
    {"\xE2\x82\xB9", "INR", 0, CUR_SYMBOL},    /* ₹ */
    {"\xE2\x82\xBD", "RUB", 0, CUR_SYMBOL},    /* ₽ */
    {"\xE2\x82\xBF", "BTC", 0, CUR_SYMBOL},    /* ₿ */
    {"\xE2\x82\xA1", "CRC", 0, CUR_SYMBOL},    /* ₡ */
    {"\xE2\x82\xBE", "GEL", 0, CUR_SYMBOL},    /* ₾ */
    {"\xE2\x82\xAD", "LAK", 0, CUR_SYMBOL},    /* ₭ */
    {"\xE2\x82\xB1", "PHP", 0, CUR_SYMBOL},    /* ₱ */
    {"\xE2\x82\xAB", "VND", 0, CUR_SYMBOL},    /* ₫ */
    {"\xE2\x82\xAA", "ILS", 0, CUR_SYMBOL},    /* ₪ */
    {"\xE2\x82\xBA", "TRY", 0, CUR_SYMBOL},    /* ₺ */
    {"\xE2\x82\xB4", "UAH", 0, CUR_SYMBOL},    /* ₴ */
    {"\xEB\xAF\xB8\xED\x99\x94", "USD", 0, 0}, /* 미화 (US currency) */
    {"\xEF\xBF\xA6", "KRW", 0, CUR_SYMBOL},    /* fullwidth ₩ */
    {"\xEF\xBF\xA5", "JPY", 0, CUR_SYMBOL},    /* fullwidth ¥ */
};

/* After the number; read as prefixes. */
static const currency suffixes[] = {
    {"$", "USD", 0, CUR_DOLLAR | CUR_SYMBOL},
    {"american dollar", "USD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"australian dollar", "AUD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"british pound", "GBP", 0, CUR_PLURAL},
    {"bitcoin", "BTC", 0, CUR_PLURAL},
    {"baht", "THB", 0, 0},
    {"btc", "BTC", 0, 0},
    {"canadian dollar", "CAD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"cent", "USD", -2, CUR_PLURAL},
    {"chinese yuan", "CNY", 0, 0},
    {"dollar", "USD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"dutch guilder", "NLG", 0, CUR_PLURAL},
    {"danish krone", "DKK", 0, 0},
    {"danish kroner", "DKK", 0, 0},
    {"deutsche mark", "DEM", 0, CUR_PLURAL},
    {"deutschmark", "DEM", 0, CUR_PLURAL},
    {"dirham", "AED", 0, CUR_PLURAL},
    {"euro cent", "EUR", -2, CUR_PLURAL},
    {"euro", "EUR", 0, CUR_PLURAL},
    {"franc", "", 0, CUR_PLURAL},
    {"french franc", "FRF", 0, CUR_PLURAL},
    {"finnish markka", "FIM", 0, 0},
    {"guilder", "NLG", 0, CUR_PLURAL},
    {"hong kong dollar", "HKD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"hryvnia", "UAH", 0, CUR_PLURAL},
    {"indian rupee", "INR", 0, CUR_PLURAL},
    {"japanese yen", "JPY", 0, 0},
    {"korean won", "KRW", 0, 0},
    {"krona", "SEK", 0, 0},
    {"kronor", "SEK", 0, 0},
    /* Norway's and Denmark's: the text around settles which */
    {"krone", "", 0, 0},
    {"kroner", "", 0, 0},
    {"lira", "TRY", 0, 0},
    {"mexican peso", "MXN", 0, CUR_PLURAL},
    {"markka", "FIM", 0, 0},
    {"musd", "USD", 6, 0},
    {"meur", "EUR", 6, 0},
    {"mgbp", "GBP", 6, 0},
    {"maud", "AUD", 6, 0},
    {"new taiwan dollar", "TWD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"new zealand dollar", "NZD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"norwegian krone", "NOK", 0, 0},
    {"norwegian kroner", "NOK", 0, 0},
    {"pound", "GBP", 0, CUR_PLURAL | CUR_NEEDS_SCALE},
    {"pounds sterling", "GBP", 0, 0},
    {"pence", "GBP", -2, 0},
    {"penny", "GBP", -2, 0},
    {"pakistani rupee", "PKR", 0, CUR_PLURAL},
    {"peso", "", 0, CUR_PLURAL}, /* the text around settles whose */
    {"polish zloty", "PLN", 0, CUR_PLURAL},
    {"philippine peso", "PHP", 0, CUR_PLURAL},
    {"peseta", "ESP", 0, CUR_PLURAL},
    {"renminbi", "CNY", 0, 0},
    {"rupee", "", 0, CUR_PLURAL},
    {"ruble", "RUB", 0, CUR_PLURAL},
    {"rouble", "RUB", 0, CUR_PLURAL},
    {"rand", "ZAR", 0, CUR_NEEDS_SCALE},
    {"ringgit", "MYR", 0, 0},
    {"rupiah", "IDR", 0, 0},
    {"riyal", "SAR", 0, CUR_PLURAL},
    {"reais", "BRL", 0, 0},
    {"rmb", "CNY", 0, 0},
    {"south korean won", "KRW", 0, 0},
    {"singapore dollar", "SGD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"sterling", "GBP", 0, CUR_NEEDS_SCALE},
    {"swiss franc", "CHF", 0, CUR_PLURAL},
    {"swedish krona", "SEK", 0, 0},
    {"swedish kronor", "SEK", 0, 0},
    {"sri lankan rupee", "LKR", 0, CUR_PLURAL},
    {"satoshi", "BTC", -8, CUR_PLURAL},
    {"shekel", "ILS", 0, CUR_PLURAL},
    {"taiwan dollar", "TWD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"turkish lira", "TRY", 0, 0},
    {"u.s. dollar", "USD", 0, CUR_DOLLAR | CUR_PLURAL},
    {"won", "KRW", 0, CUR_VERB},
    {"yen", "JPY", 0, 0},
    {"yuan", "CNY", 0, 0},
    {"zloty", "PLN", 0, CUR_PLURAL},
    {"z\xC5\x82oty", "PLN", 0, CUR_PLURAL},    /* złoty */
    {"z\xC5\x82", "PLN", 0, 0},                /* zł */
    {"\xE0\xAE\xB0\xE0\xAF\x82", "LKR", 0, 0}, /* ரூ */
    {"\xE2\x82\xAC", "EUR", 0, CUR_SYMBOL},
    {"\xC2\xA3", "GBP", 0, CUR_SYMBOL},
    {"\xC2\xA5", "JPY", 0, CUR_SYMBOL},
    {"\xE2\x82\xA9", "KRW", 0, CUR_SYMBOL},
    {"\xE2\x82\xBF", "BTC", 0, CUR_SYMBOL},
    {"\xE2\x82\xA1", "CRC", 0, CUR_SYMBOL},
    {"\xE2\x82\xBE", "GEL", 0, CUR_SYMBOL},
    {"\xE2\x82\xAD", "LAK", 0, CUR_SYMBOL},
    {"\xE3\x83\x89\xE3\x83\xAB", "USD", 0, CUR_DOLLAR}, /* ドル */
    {"\xE5\x86\x86", "JPY", 0, 0},                      /* 円 */
    {"\xE5\x85\x83", "CNY", 0, 0},                      /* 元 */
    {"\xE7\xBE\x8E\xE5\x85\x83", "USD", 0, CUR_DOLLAR}, /* 美元 */
    {"\xEB\x8B\xAC\xEB\x9F\xAC", "USD", 0, CUR_DOLLAR}, /* 달러 */
    {"\xEB\xAF\xB8\xEA\xB5\xAD \xEB\x8B\xAC\xEB\x9F\xAC", "USD", 0,
     CUR_DOLLAR}, /* 미국 달러 */
    {"\xEB\xAF\xB8 \xEB\x8B\xAC\xEB\x9F\xAC", "USD", 0,
     CUR_DOLLAR}, /* 미 달러 */
    {"\xEB\x8C\x80\xEB\xA7\x8C \xEB\x8B\xAC\xEB\x9F\xAC", "TWD", 0,
     CUR_DOLLAR},                           /* 대만 달러 */
    {"\xEB\xA3\xA8\xED\x94\xBC", "", 0, 0}, /* 루피 */
    {"\xEB\x84\xA4\xEB\x8D\x9C\xEB\x9E\x80\xEB\x93\x9C "
     "\xED\x9C\xA0\xEB\x8D\x98",
     "NLG", 0, 0}, /* 네덜란드 휠던 */
    {"\xEB\x85\xB8\xEB\xA5\xB4\xEC\x9B\xA8\xEC\x9D\xB4 "
     "\xED\x81\xAC\xEB\xA1\x9C\xEB\x84\xA4",
     "NOK", 0, 0},                             /* 노르웨이 크로네 */
    {"\xEB\x9D\xBC\xEB\xA6\xAC", "GEL", 0, 0}, /* 라리 (Georgia) */
    {"\xEB\xA7\x88\xEB\xA5\xB4\xEC\xB9\xB4", "FIM", 0, 0}, /* 마르카 */
    {"\xEB\xB6\x88", "USD", 0, CUR_DOLLAR},                /* 불 */
    {"\xEB\xA3\xA8\xEB\xB8\x94", "RUB", 0, 0},             /* 루블 */
    {"\xEC\x9B\x90", "KRW", 0, CUR_HANGUL_WON},            /* 원 */
    {"\xEC\xBD\x9C\xEB\xA1\xA0", "CRC", 0, 0},             /* 콜론 */
    {"\xEC\xBA\x90\xEB\x82\x98\xEB\x8B\xA4 \xEB\x8B\xAC\xEB\x9F\xAC", "CAD", 0,
     CUR_DOLLAR}, /* 캐나다 달러 */
    {"\xEC\x8B\xB1\xEA\xB0\x80\xED\x8F\xAC\xEB\xA5\xB4 "
     "\xEB\x8B\xAC\xEB\x9F\xAC",
     "SGD", 0, CUR_DOLLAR}, /* 싱가포르 달러 */
    {"\xEC\xA4\x91\xEA\xB5\xAD \xEC\x9C\x84\xEC\x95\x88", "CNY", 0,
     0},                                                   /* 중국 위안 */
    {"\xEC\xA6\x90\xEB\xA1\x9C\xED\x8B\xB0", "PLN", 0, 0}, /* 즐로티 */
    {"\xEC\x8A\xA4\xEC\x9C\x84\xEC\x8A\xA4 \xED\x94\x84\xEB\x9E\x91", "CHF", 0,
     0}, /* 스위스 프랑 */
    {"\xEC\x9D\xBC\xEB\xB3\xB8 \xEC\x97\x94", "JPY", 0, 0}, /* 일본 엔 */
    {"\xEC\x84\xBC\xED\x8A\xB8", "USD", -2, 0},             /* 센트 */
    {"\xEC\x97\x94", "JPY", 0, 0},                          /* 엔 */
    {"\xEC\x9C\xA0\xEB\xA1\x9C", "EUR", 0, 0},              /* 유로 */
    {"\xEC\x9C\x84\xEC\x95\x88", "CNY", 0, 0},              /* 위안 */
    {"\xED\x98\xB8\xEC\xA3\xBC \xEB\x8B\xAC\xEB\x9F\xAC", "AUD", 0,
     CUR_DOLLAR}, /* 호주 달러 */
    {"\xED\x99\x8D\xEC\xBD\xA9 \xEB\x8B\xAC\xEB\x9F\xAC", "HKD", 0,
     CUR_DOLLAR},                                          /* 홍콩 달러 */
    {"\xED\x8E\x9C\xEC\x8A\xA4", "GBP", -2, 0},            /* 펜스 */
    {"\xED\x94\x84\xEB\x9E\x91", "", 0, 0},                /* 프랑 */
    {"\xED\x8C\x8C\xEC\x9A\xB4\xEB\x93\x9C", "GBP", 0, 0}, /* 파운드 */
    {"\xED\x8E\x98\xEB\x8B\x88", "GBP", -2, 0},            /* 페니 */
    {"\xED\x8E\x98\xEC\x84\xB8\xED\x83\x80", "ESP", 0, 0}, /* 페세타 */
    {"\xED\x8E\x98\xEC\x86\x8C", "", 0, 0},                /* 페소 */
    {"\xED\x95\x84\xEB\xA6\xAC\xED\x95\x80 \xED\x8E\x98\xEC\x86\x8C", "PHP", 0,
     0},                                       /* 필리핀 페소 */
    {"\xED\x9C\xA0\xEB\x8D\x98", "NLG", 0, 0}, /* 휠던 */
    {"\xED\x95\x80\xEB\x9E\x80\xEB\x93\x9C "
     "\xEB\xA7\x88\xEB\xA5\xB4\xEC\xB9\xB4",
     "FIM", 0, 0},                 /* 핀란드 마르카 */
    {"\xED\x82\xB5", "LAK", 0, 0}, /* 킵 (Laos) */
    {"\xED\x81\xAC\xEB\xA1\x9C\xEB\x84\xA4", "", 0, 0}, /* 크로네 */
};

/* ISO 4217 codes, written before or after the number ("KRW38.71
 * trillion", "487.3 billion KRW") or glued to it ("USD115", "PHP35
 * billion").  The common ones match in any case; codes that are also
 * English words or names ("TRY", "PHP") only in capitals (CUR_EXACT). */
typedef struct {
    const char *code;
    unsigned char flags; /* CUR_EXACT, CUR_DOLLAR */
} iso_code;

static const iso_code iso_codes[] = {
    {"AED", 0},          {"AUD", 0},         {"BRL", 0},
    {"CAD", 0},          {"CHF", 0},         {"CNY", 0},
    {"DKK", 0},          {"EGP", CUR_EXACT}, {"EUR", 0},
    {"GBP", 0},          {"HKD", 0},         {"IDR", 0},
    {"ILS", 0},          {"INR", 0},         {"JPY", 0},
    {"KPW", 0},          {"KRW", 0},         {"MXN", 0},
    {"MYR", 0},          {"NGN", CUR_EXACT}, {"NOK", 0},
    {"NZD", 0},          {"PHP", CUR_EXACT}, {"PKR", CUR_EXACT},
    {"PLN", 0},          {"RUB", 0},         {"SAR", 0},
    {"SEK", 0},          {"SGD", 0},         {"THB", 0},
    {"TRY", CUR_EXACT},  {"TWD", 0},         {"UAH", CUR_EXACT},
    {"USD", CUR_DOLLAR}, {"VND", 0},         {"ZAR", 0},
};

/* ---------------------------------------------------------------- scales */

typedef struct {
    const char *pat;
    int pow10;
    bool glued_only; /* a single letter: only right after the digits */
    bool exact;
} scale_word;

/* The first entry that matches wins: of two words with one first letter
 * the longer comes first where both could match ("lakh crore", "k-cr"). */
static const scale_word scales[] = {
    {"billion", 9, false, false},
    {"bn", 9, false, false},
    {"bln", 9, false, false},
    {"bil", 9, false, false},
    {"b", 9, true, false},
    {"crore", 7, false, false},
    {"crores", 7, false, false},
    {"cr", 7, false, false},
    {"k-cr", 10, true, false}, /* "₹5.2k-cr": thousand crore */
    {"k", 3, true, false},
    {"lakh crore", 12, false, false}, /* India's budgets: 10^5 x 10^7 */
    {"lakh", 5, false, false},
    {"lakhs", 5, false, false},
    {"million", 6, false, false},
    {"mn", 6, false, false},
    {"mln", 6, false, false},
    {"mil", 6, false, false},
    {"mill", 6, false, false},
    {"MM", 6, false, true},
    {"m", 6, true, false},
    {"thousand", 3, false, false},
    {"trillion", 12, false, false},
    {"tn", 12, false, false},
    {"trn", 12, false, false},
    {"tr", 12, false, false},
    {"trln", 12, false, false},
    {"tln", 12, false, false}, /* Yonhap's headlines: "66 tln won" */
    {"tril", 12, false, false},
};

/* -------------------------------------------------------------- numerals */

/* The number words below a hundred, in key order (see key_of). */
typedef struct {
    const char *pat;
    int value;
} number_word;

static const number_word number_words[] = {
    {"eight", 8},    {"eighteen", 18}, {"eighty", 80},  {"eleven", 11},
    {"fifteen", 15}, {"fifty", 50},    {"five", 5},     {"forty", 40},
    {"four", 4},     {"fourteen", 14}, {"nine", 9},     {"nineteen", 19},
    {"ninety", 90},  {"one", 1},       {"seven", 7},    {"seventeen", 17},
    {"seventy", 70}, {"six", 6},       {"sixteen", 16}, {"sixty", 60},
    {"ten", 10},     {"thirteen", 13}, {"thirty", 30},  {"three", 3},
    {"twelve", 12},  {"twenty", 20},   {"two", 2},      {"zero", 0},
};

/* Words that open a numeral besides the number words. */
static const char *const other_openers[] = {"a", "an", "half", "hundred",
                                            "quarter"};

/* What parse_words (money.c) reads after a first number word besides
 * number words, scales and currencies: the index lets a numeral go on
 * only through these. */
static const char *const goes_on[] = {"and", "point", "quarters"};

/* ---------------------------------------------------------- Korean units */

/* 십 백 천 (within a group of four digits) and 만 억 조 (groups). */
typedef struct {
    const char *s;
    int pow10;
} unit_word;

static const unit_word korean_units[] = {
    {"\xEC\x8B\xAD", 1},  /* 십 */
    {"\xEB\xB0\xB1", 2},  /* 백 */
    {"\xEC\xB2\x9C", 3},  /* 천 */
    {"\xEB\xA7\x8C", 4},  /* 만 */
    {"\xEC\x96\xB5", 8},  /* 억 */
    {"\xEC\xA1\xB0", 12}, /* 조 */
    /* the same units in Japanese and Chinese: 百 千 万 億 兆 */
    {"\xE7\x99\xBE", 2},
    {"\xE5\x8D\x83", 3},
    {"\xE4\xB8\x87", 4},
    {"\xE5\x84\x84", 8},
    {"\xE5\x85\x86", 12},
};

/* ------------------------------------------------- the tables as indexes */

/* The number words (and only they: the other tables are read through
 * the rows of the entries each byte allows, below) are kept in the order
 * of their key: the first byte with 0x20 set, which folds ASCII letters.
 * So the words that may match at a letter are one run, which starts at
 * run_index.numeral.at: the table is its own index, and
 * scripts/gen_money_index.c (the build) and ft_money_tables_ordered() (a
 * unit test) keep it so.  Every word table begins each entry with its
 * pattern (pat_at). */
static inline unsigned char key_of(const char *pat)
{
    return (unsigned char)pat[0] | 0x20;
}

static inline const char *pat_at(const void *table, size_t stride, size_t k)
{
    return *(const char *const *)(const void *)((const char *)table +
                                                k * stride);
}

/* The first entry whose key is not below `key`. */
static inline size_t run_start(const void *table, size_t n, size_t stride,
                               unsigned char key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_of(pat_at(table, stride, mid)) < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static inline bool table_ordered(const void *table, size_t n, size_t stride)
{
    for (size_t k = 1; k < n; k++)
        if (key_of(pat_at(table, stride, k - 1)) >
            key_of(pat_at(table, stride, k)))
            return false;
    return true;
}

/* --------------------------------------------------- the index of words */

/* Run lengths of letters: bit n of a mask for n letters, the last bit for
 * that many or more. */
#define RUN_BITS 15
static inline size_t run_slot(size_t n)
{
    return n < RUN_BITS ? n : RUN_BITS;
}

static inline uint32_t run_bit(size_t n)
{
    return 1u << run_slot(n);
}

/* Most words of an article are no currency, scale or numeral, and need
 * only their first three letters and the length of their run of letters
 * to say so: a pattern can leave only a few run lengths before a
 * non-letter (a space, '$', the number), and few letters second and third.
 * So each table has, for each first letter, the run lengths (bit n: n
 * letters; the last bit: that many or more) and, for each run length, the
 * second and third letters (bit c - 'a') its entries can leave; a word
 * that fails them is refused before any look-up.  The ISO codes count with the
 * currencies. */
typedef struct {
    uint32_t run[26];
    /* by first letter and run length (run_slot): a word whose run of
     * letters no entry leaves with its second or third letter is refused
     * ("the" passes "twelve" by its third letter, not "ten" or "two") */
    uint32_t second[26][RUN_BITS + 1], third[26][RUN_BITS + 1];
    uint32_t first[8]; /* bit b: an entry begins with byte b (either case) */
    uint32_t at[26];   /* numeral only: where the run of number words
                          keyed by each letter starts (run_start) */
} word_shapes;

typedef struct {
    word_shapes numeral; /* number words and the other openers */
    word_shapes prefix;  /* currencies written before the number */
    word_shapes suffix;  /* currencies written after it */
    word_shapes scale;   /* scale words */
    word_shapes iso;     /* ISO codes alone */
    word_shapes opener;  /* numeral and prefix together: the finder's
                            first look at a word */
    word_shapes next;    /* what may follow a numeral's first word: another
                            numeral word, "and", "point", a scale, a
                            currency */
    uint32_t lead[4];    /* bit b - 0x80: a byte b above 0x7F may begin a
                            Korean unit or a currency before the number */
} word_index;

/* The opener table's shapes in eight groups, for a look at 32 word starts
 * at once (scripts/gen_money_index.c, open_groups): bit g of first[c &
 * 31], second[...] and third[...] when a word of group g may have the
 * letter c there, *_other when it may have a byte that is no letter, and
 * fourth_letter and fourth_other for its fourth byte; each row of 32 as
 * pshufb reads it in both lanes of 16: bytes [0, 32) the low half twice,
 * [32, 64) the high half twice. */
typedef struct {
    uint8_t first[64], second[64], third[64], second_other[32], third_other[32],
        fourth_letter[32], fourth_other[32];
} open_tables;

/* ------------------------------------------ the entries the bytes allow */

/* Which entries of a table may match at i, by the bytes at i, i + 1 and
 * i + 2, for every entry at once: row [k][b] holds bit e % 64 of word
 * e / 64 when entry e allows byte b at i + k.  An entry allows its own
 * byte there (either case for a letter unless it must match case), and
 * any byte from its first optional space or full stop on, or past its
 * end.  scripts/gen_money_index.c writes the rows (prefix_bytes,
 * suffix_bytes, scale_bytes, iso_bytes: uint64_t [3][256][words]; and
 * unit_bytes, uint16_t [3][256], for the Korean units, all three bytes
 * long). */
#define ENTRY_BYTES 3

static inline size_t entry_words(size_t n)
{
    return (n + 63) / 64;
}

/* An entry's first lower-case letters (up to eight, none for an entry
 * whose case must match) as eight bytes of text show them with every
 * byte or-ed with 0x20, the first byte lowest, and the bytes they fill:
 * match() compares them at once, not a letter a step.
 * scripts/gen_money_index.c writes one a currency, prefix_heads,
 * suffix_heads, and one a scale, scale_heads. */
typedef struct {
    uint64_t image, mask;
    unsigned char n;
} letters_head;

#endif
