/* test_extract.c — the extractor on sentences as news writes them.
 *
 * Each case is a text and the figures it must give, in order, written
 * compactly: "AMOUNT CUR" plus optional "max=HI", "q=QUALIFIER",
 * "k=change", "rep=AMOUNT:CUR", "inferred", "ambiguous"; figures are
 * separated by " | "; "" means no figure at all.  The traps (years,
 * percentages, "won" the verb, rates, counts) are cases like any other.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "extract_words.h"
#include "money.h"

typedef struct {
    const char *text;
    const char *want;
} extract_case;

static const extract_case cases[] = {
    /* --- the design card */
    {"Its budget peaked at 439.7 billion won ($317.4 million) in 2007 but "
     "has since sharply declined.",
     "439700000000 KRW rep=317400000:USD"},
    {"The most recent use of the fund was in 2023, when 900 million won was "
     "allocated to a child nutrition program.",
     "900000000 KRW"},
    {"ready for operations by 2029, under a 117.8 billion won ($84.9 "
     "million) project",
     "117800000000 KRW rep=84900000:USD"},

    /* --- digits, separators, decimals, scales */
    {"a budget of 1,234.5 won", "1234.5 KRW"},
    {"the fund holds 0.9 trillion won", "900000000000 KRW"},
    {"spending of 61,204.3 billion won", "61204300000000 KRW"},
    {"a 48.1372 trillion won plan", "48137200000000 KRW"},
    {"a total of 10,000 won", "10000 KRW"},
    {"It cost $94,000.", "94000 USD"},
    {"It cost $1,234,567.89.", "1234567.89 USD"},
    {"It cost $2.75.", "2.75 USD"},
    {"a $3k grant", "3000 USD"},
    {"a $5K grant", "5000 USD"},
    {"a £5m fee", "5000000 GBP"},
    {"a $5M fee", "5000000 USD"},
    {"a $5 mn fee", "5000000 USD"},
    {"a $5 mln fee", "5000000 USD"},
    {"a $2.3bn deal", "2300000000 USD"},
    {"a $2.3b deal", "2300000000 USD"},
    {"a $2.3B deal", "2300000000 USD"},
    {"a $2.3 bln deal", "2300000000 USD"},
    {"a $4 tn economy", "4000000000000 USD"},
    {"a $4tn economy", "4000000000000 USD"},
    {"W2.1tr for arms", "2100000000000 KRW"},
    {"W2.1 trn for arms", "2100000000000 KRW"},
    {"a $50MM facility", "50000000 USD"},
    {"Rs 35 lakh", "3500000 INR"},
    {"Rs 500 crore", "5000000000 INR"},
    {"Rs 6.81 lakh crore", "6810000000000 INR"},
    {"Rs500 crore", "5000000000 INR"},
    {"RMB1.2 trillion", "1200000000000 CNY"},
    {"Defense budget to hit 66 tln won", "66000000000000 KRW"},
    {"a 3 bil. won deal", "3000000000 KRW"},
    {"防衛費は8兆7000億円", "8700000000000 JPY"},
    {"総額5億ドル", "500000000 USD"},
    {"12,34,567.89 rupees", "1234567.89 - ambiguous"},
    {"$5 thousand", "5000 USD"},
    {"3.5 million won", "3500000 KRW"},
    {"2 Billion Won", "2000000000 KRW"},
    {"THREE BILLION DOLLARS", "3000000000 USD"},

    /* --- word numerals and broadcast spellings */
    {"one trillion won", "1000000000000 KRW"},
    {"ten billion won", "10000000000 KRW"},
    {"half a trillion won", "500000000000 KRW"},
    {"half a billion dollars", "500000000 USD"},
    {"a million dollars", "1000000 USD"},
    {"a billion won", "1000000000 KRW"},
    {"twenty-five million dollars", "25000000 USD"},
    {"two hundred fifty million won", "250000000 KRW"},
    {"one hundred and fifty million yen", "150000000 JPY"},
    {"five million yen", "5000000 JPY"},
    {"one-point-74 trillion won", "1740000000000 KRW"},
    {"305-point-six billion won", "305600000000 KRW"},
    {"one point seven four trillion won", "1740000000000 KRW"},
    {"half million usd", "500000 USD"},
    {"a quarter million us dollars", "250000 USD"},
    {"three quarters billion us dollars", "750000000 USD"},
    {"thirteen dollars", "13 USD"},
    {"the one-yen bid", "1 JPY"},

    /* --- compounds */
    {"It cost 5 trillion 212.8 billion won.", "5212800000000 KRW"},
    {"It cost $1 billion 300 million.", "1300000000 USD"},

    /* --- Korean numerals */
    {"1조 2천억 원", "1200000000000 KRW"},
    {"4,397억 원", "439700000000 KRW"},
    {"2백70억원", "27000000000 KRW"},
    {"6억4천5백만원", "645000000 KRW"},
    {"예산은 59조4천억원이다", "59400000000000 KRW"},
    {"1.5조원", "1500000000000 KRW"},
    {"5천만 원", "50000000 KRW"},
    {"3억 달러", "300000000 USD"},
    {"23억8천만 달러", "2380000000 USD"},
    {"4억 2천만 달러", "420000000 USD"},
    {"100억 엔", "10000000000 JPY"},
    {"50억 위안", "5000000000 CNY"},
    {"20억 유로", "2000000000 EUR"},
    {"10억 파운드", "1000000000 GBP"},
    {"5000원", "5000 KRW"},
    {"1만원", "10000 KRW"},
    {"미화 10억 달러", "1000000000 USD"},
    {"국방비 57조 143억원", "57014300000000 KRW"},
    {"2024년 국방예산 59조4천억원", "59400000000000 KRW"},
    {"7천 5백만 달러 일반 채권", "75000000 USD"},
    {"1억 8천 6백만 달러에 구입", "186000000 USD"},
    {"4억 1천 590만 달러이다", "415900000 USD"},
    {"30만9천381엔이였다", "309381 JPY"},
    {"1만 2천 345 달러부터", "12345 USD"},
    {"5 억 달러짜리", "500000000 USD"},
    {"8백 10만 파운드", "8100000 GBP"},
    {"1억 2천 5백만 호주 달러의 채권", "125000000 AUD"},
    {"10 미국 달러가 들고 100 중국 위안이 든다", "10 USD | 100 CNY"},
    {"주당 12 센트로", "0.12 USD"},
    {"병력 50만 명", ""},
    {"약 천 4백만 달러어치를 팔았다", "14000000 USD q=approx"},
    {"천만 원을 냈다", "10000000 KRW"},
    {"백만 달러", "1000000 USD"},
    {"수천억 원이 들었다", ""},
    {"백악관은 천 명을", ""},
    {"1달러 20센트 상승", "1.2 USD"},
    {"2천 명이 5억 달러를", "500000000 USD"},
    /* 여 ("over") inside the numeral, glued or after a space */
    {"사업비는 26조4천여억원으로", "26400000000000 KRW q=approx"},
    {"수출액은 3백 여억 달러였다", "30000000000 USD q=approx"},
    {"총 2조5천억 여원이 들었다", "2500000000000 KRW q=approx"},
    {"인원은 3천여 명", ""},
    /* right after a unit, 원 is the currency even before 인 (원인) */
    {"월 5만원인 급식비", "50000 KRW"},
    {"사고 원인은 3원칙 위반", ""},
    /* Hangul names of more currencies */
    {"2만 스위스 프랑의 벌금", "20000 CHF"},
    {"3억 즐로티를", "300000000 PLN"},
    {"50만 킵을 냈다", "500000 LAK"},
    {"7억 페소", "700000000 - ambiguous"},

    /* --- currency spellings */
    {"KRW38.71 trillion", "38710000000000 KRW"},
    {"KRW 5.3 trillion", "5300000000000 KRW"},
    {"487.3 billion KRW", "487300000000 KRW"},
    {"₩850 billion", "850000000000 KRW"},
    {"W850 billion", "850000000000 KRW"},
    {"US$84.9 million", "84900000 USD"},
    {"U.S. $5 million", "5000000 USD"},
    {"US $6 million", "6000000 USD"},
    {"USD 200", "200 USD"},
    {"200 USD", "200 USD"},
    {"USD115", "115 USD"},
    {"115USD", "115 USD"},
    {"5 million dollars", "5000000 USD"},
    {"5 million U.S. dollars", "5000000 USD"},
    {"5 million US dollars", "5000000 USD"},
    {"150 Canadian dollars", "150 CAD"},
    {"125 million australian dollars", "125000000 AUD"},
    {"HK$10 billion", "10000000000 HKD"},
    {"C$5 million", "5000000 CAD"},
    {"A$3 million", "3000000 AUD"},
    {"NT$100 billion", "100000000000 TWD"},
    {"S$2 billion", "2000000000 SGD"},
    {"Mex$ 10 million", "10000000 MXN"},
    {"R$5 billion", "5000000000 BRL"},
    {"300 billion yen", "300000000000 JPY"},
    {"¥300 billion", "300000000000 JPY"},
    {"JPY 300 billion", "300000000000 JPY"},
    {"€450 million", "450000000 EUR"},
    {"450 million euros", "450000000 EUR"},
    {"450 million euro", "450000000 EUR"},
    {"EUR 450 million", "450000000 EUR"},
    {"100 billion yuan", "100000000000 CNY"},
    {"RMB 100 billion", "100000000000 CNY"},
    {"100 billion renminbi", "100000000000 CNY"},
    {"CNY 100 billion", "100000000000 CNY"},
    {"£50 million", "50000000 GBP"},
    {"361 million pounds", "361000000 GBP"},
    {"GBP 350", "350 GBP"},
    {"10,000 swiss francs", "10000 CHF"},
    {"528 million francs", "528000000 - ambiguous"},
    {"3 billion rubles", "3000000000 RUB"},
    {"50 cents", "0.5 USD"},
    {"470 pence", "4.7 GBP"},
    {"30 MUSD", "30000000 USD"},
    {"MAUD 60", "60000000 AUD"},
    {"5 bitcoins", "5 BTC"},
    {"42 billion zlotys", "42000000000 PLN"},
    {"42 billion złotys", "42000000000 PLN"},
    {"3.1 billion Norwegian kroner", "3100000000 NOK"},
    {"900 million kronor", "900000000 SEK"},
    {"P4.5 billion for radars", "4500000000 PHP"},
    {"Php12.3 billion", "12300000000 PHP"},
    {"PHP8 billion", "8000000000 PHP"},
    {"the P3 programme and P8 aircraft", ""},
    {"T$12 billion for missiles", "12000000000 TWD"},
    {"₹3.4k-cr for ammunition", "34000000000 INR"},
    {"Rs 250 cr", "2500000000 INR"},
    /* the currency said on both sides */
    {"KRW 2.5 trillion won", "2500000000000 KRW"},
    {"about $7 USD million", "7000000 USD q=approx"},
    /* a code run into the next word when scraping lost the space */
    {"some 12.5 billion KRWroughly a third", "12500000000 KRW q=approx"},
    /* a European decimal comma before a scale word */
    {"worth € 2,4 billion", "2400000000 EUR"},
    {"counts of 2,4 and 6", ""},
    /* a decimal point cut from its fraction by a stray space or break */
    {"requested 210. 5 billion yen", "210500000000 JPY"},
    {"requested 98.\n\n0 billion yen", "98000000000 JPY"},
    {"spent in 2019. 5 billion won went to roads", "5000000000 KRW"},

    /* --- hyphenated adjectives */
    {"a 2.4 trillion-won project", "2400000000000 KRW"},
    {"the 70-trillion-won threshold", "70000000000000 KRW"},
    {"a $1.5 billion-dollar deal", "1500000000 USD"},
    {"a 12-cent-a-share dividend", "0.12 USD"},
    {"a 500-billion-won budget", "500000000000 KRW"},

    /* --- ranges */
    {"between $200 million and $400 million",
     "200000000 USD max=400000000 q=range"},
    {"between 200 million and 400 million won",
     "200000000 KRW max=400000000 q=range"},
    {"$300-400 million", "300000000 USD max=400000000 q=range"},
    {"$300–400 million", "300000000 USD max=400000000 q=range"},
    {"$300 million to $400 million", "300000000 USD max=400000000 q=range"},
    /* the joint after any run of spaces (may_join reads past one space
     * itself, past more through skip_space) */
    {"$300 million  to $400 million", "300000000 USD max=400000000 q=range"},
    {"$300 million\nto $400 million", "300000000 USD max=400000000 q=range"},
    {"$300 million \xC2\xA0To $400 million",
     "300000000 USD max=400000000 q=range"},
    {"between 200 million\xC2\xA0"
     "and 400 million won",
     "200000000 KRW max=400000000 q=range"},
    {"between 200 million\t and 400 million won",
     "200000000 KRW max=400000000 q=range"},
    {"32억5000만~47억8000만달러", "3250000000 USD max=4780000000 q=range"},
    {"3조~4조원", "3000000000000 KRW max=4000000000000 q=range"},
    {"1-2 trillion won", "1000000000000 KRW max=2000000000000 q=range"},
    {"6억∼9억 달러", "600000000 USD max=900000000 q=range"},
    /* 에서 ... (까지): a range, unless the second is what the first became */
    {"비용은 300억원에서 500억원까지 든다",
     "30000000000 KRW max=50000000000 q=range"},
    {"2억에서 3.5억 달러 사이", "200000000 USD max=350000000 q=range"},
    {"2천만 달러에서 4500만 달러로 추산된다",
     "20000000 USD max=45000000 q=range"},
    {"1천억 원에서 최대 1천5백억 원으로 본다",
     "100000000000 KRW max=150000000000 q=range"},
    {"수당이 12만원에서 15만원으로 오른다", "120000 KRW | 150000 KRW"},
    {"월 20만원에서 30만원(최저임금의 15%)이 된다", "200000 KRW | 300000 KRW"},

    /* --- qualifiers */
    {"about $5 million", "5000000 USD q=approx"},
    {"around $5 million", "5000000 USD q=approx"},
    {"roughly $5 million", "5000000 USD q=approx"},
    {"approximately $5 million", "5000000 USD q=approx"},
    {"some $5 million", "5000000 USD q=approx"},
    {"nearly 3 billion won", "3000000000 KRW q=approx"},
    {"an estimated $5 million", "5000000 USD q=approx"},
    {"over $1 billion", "1000000000 USD q=gt"},
    {"more than $1 billion", "1000000000 USD q=gt"},
    {"at least 2 trillion won", "2000000000000 KRW q=ge"},
    {"less than $3 million", "3000000 USD q=lt"},
    {"under $3 million", "3000000 USD q=lt"},
    {"up to 900 billion won", "900000000000 KRW q=le"},
    {"as much as 900 billion won", "900000000000 KRW q=le"},
    {"약 3조원", "3000000000000 KRW q=approx"},
    {"3조원 가량", "3000000000000 KRW q=approx"},
    {"5000억원가량", "500000000000 KRW q=approx"},
    {"1조원대", "1000000000000 KRW q=approx"},
    {"3조여원", "3000000000000 KRW q=approx"},
    {"2조원 넘는", "2000000000000 KRW q=gt"},
    {"2조원 이상", "2000000000000 KRW q=ge"},
    {"1조원 미만", "1000000000000 KRW q=lt"},
    {"국방예산이 60조원을 넘은 것은 처음이다", "60000000000000 KRW q=gt"},
    {"수출이 1조원을 돌파했다", "1000000000000 KRW q=gt"},
    {"1조 원이 넘는 예산", "1000000000000 KRW q=gt"},
    {"국방예산은 2025년 61조원으로 늘었다.", "61000000000000 KRW"},
    {"국방예산은 2조원 늘었다.", "2000000000000 KRW k=change"},
    {"It cost 5 trillion won ($3.6 billion, 2.1% of GDP).",
     "5000000000000 KRW rep=3600000000:USD"},
    {"spending has exceeded 60 trillion won", "60000000000000 KRW q=gt"},
    {"the first budget to top 600 trillion won", "600000000000000 KRW q=gt"},

    /* --- changes */
    {"up 1.2 trillion won from last year", "1200000000000 KRW k=change"},
    {"an additional $300 million", "300000000 USD k=change"},
    {"It was cut by 500 billion won.", "500000000000 KRW k=change"},
    {"It rose by about $5 billion.", "5000000000 USD q=approx k=change"},
    {"It rose to $5 billion.", "5000000000 USD"},
    {"It rose $5 billion.", "5000000000 USD k=change"},
    {"$5 billion more than last year", "5000000000 USD k=change"},
    {"a 3 trillion won increase", "3000000000000 KRW k=change"},
    {"전년보다 2조원 증가했다", "2000000000000 KRW k=change"},
    {"예산이 3천억원 줄었다", "300000000000 KRW k=change"},
    {"1조원을 증액했다", "1000000000000 KRW k=change"},
    /* every verb is_change looks for in the 12 bytes after the amount */
    {"예산 1조원 증액", "1000000000000 KRW k=change"},
    {"예산 1조원 증가", "1000000000000 KRW k=change"},
    {"예산 1조원 늘어", "1000000000000 KRW k=change"},
    {"예산 1조원 늘었", "1000000000000 KRW k=change"},
    {"예산 1조원 늘린", "1000000000000 KRW k=change"},
    {"예산 1조원 늘려", "1000000000000 KRW k=change"},
    {"예산 1조원 줄어", "1000000000000 KRW k=change"},
    {"예산 1조원 줄었", "1000000000000 KRW k=change"},
    {"예산 1조원 줄인", "1000000000000 KRW k=change"},
    {"예산 1조원 감액", "1000000000000 KRW k=change"},
    {"예산 1조원 삭감", "1000000000000 KRW k=change"},
    {"예산 1조원 감소", "1000000000000 KRW k=change"},
    {"예산 1조원 인상", "1000000000000 KRW k=change"},
    {"예산 1조원 추가", "1000000000000 KRW k=change"},
    {"up to $5 billion", "5000000000 USD q=le"},
    /* from X to Y after a verb of motion: two levels */
    {"The allowance would increase from 80,000 won to 95,000 won.",
     "80000 KRW | 95000 KRW"},
    {"outlays rising from 12.5 trillion won to 13.1 trillion next year",
     "12500000000000 KRW | 13100000000000 KRW inferred"},
    {"estimated from 30 billion won to 45 billion won",
     "30000000000 KRW max=45000000000 q=range"},

    /* --- the paper's own conversion */
    {"439.7 billion won (US$317.4 million)",
     "439700000000 KRW rep=317400000:USD"},
    {"439.7 billion won (about $317.4 million)",
     "439700000000 KRW rep=317400000:USD"},
    {"439.7 billion won (approx. US$317.4 million)",
     "439700000000 KRW rep=317400000:USD"},
    {"$317.4 million (439.7 billion won) was approved",
     "317400000 USD rep=439700000000:KRW"},
    {"5 trillion won, or about $3.6 billion, was set",
     "5000000000000 KRW rep=3600000000:USD"},
    {"5 trillion won, or $3.6 billion, was set",
     "5000000000000 KRW rep=3600000000:USD"},
    {"100 billion won, which translates to $72 million",
     "100000000000 KRW rep=72000000:USD"},
    {"4,397억 원(약 3억1천만 달러)", "439700000000 KRW rep=310000000:USD"},
    {"59.4 trillion won ($43 billion at the current rate)",
     "59400000000000 KRW rep=43000000000:USD"},
    {"$5 million, nearly 3 billion won",
     "5000000 USD | 3000000000 KRW q=approx"},
    {"$5 million ($3 million of it in cash)", "5000000 USD | 3000000 USD"},
    {"1.6 billion ( $2.54 billion )", "2540000000 USD"},
    {"a £1.2bn (€1.4bn; $1.6bn) order", "1200000000 GBP rep=1400000000:EUR"},
    /* after a full stop, a held noun, or in fullwidth parentheses */
    {"worth 2.2 billion SEK. (US$240 million). Deliveries",
     "2200000000 SEK rep=240000000:USD"},
    {"near the C$9 billion mark ($6.6 billion).",
     "9000000000 CAD rep=6600000000:USD"},
    {"a NT$80 billion （US$2.6 billion） package",
     "80000000000 TWD rep=2600000000:USD"},
    {"set at Php150 billion (~US$2.7 billion).",
     "150000000000 PHP rep=2700000000:USD"},
    /* after a spaced dash */
    {"totalling 2.1 trillion yen – 14 billion US dollars.",
     "2100000000000 JPY rep=14000000000:USD"},
    /* the conversion of a range */
    {"between 2 trillion and 2.4 trillion won ($1.5-1.8 billion)",
     "2000000000000 KRW max=2400000000000 q=range rep=1500000000:USD"},
    /* a Korean paper's won value: after 우리 돈으로, 한화, or a bare comma
     * after a foreign sum in Hangul */
    {"약 5억 달러, 우리 돈으로 약 6천억 원에 샀다",
     "500000000 USD q=approx rep=600000000000:KRW"},
    {"30억 달러(한화 4조원 규모)", "3000000000 USD rep=4000000000000:KRW"},
    {"20억 달러, 2조6천억원보다 적은", "2000000000 USD rep=2600000000000:KRW"},
    {"3억 달러, 약 3900억원 상당의 계약", "300000000 USD rep=390000000000:KRW"},
    {"3억에서 5억 달러, 우리 돈으로는 4천억 원에서 최대 6천억 원으로 추정",
     "300000000 USD max=500000000 q=range rep=400000000000:KRW"},

    /* --- omitted currency */
    {"this year's 20 billion won is above last year's 15 billion.",
     "20000000000 KRW | 15000000000 KRW inferred"},
    {"They got 200 million and 350 million won, respectively.",
     "200000000 KRW inferred | 350000000 KRW"},
    {"5 million people live there.", ""},
    {"It has 15 billion.", ""},
    {"it rose from 30.1 trillion won in 2015 to 31.2 trillion (up 3.6%) in "
     "2016",
     "30100000000000 KRW | 31200000000000 KRW inferred"},
    {"15 billion (the second largest) people", ""},
    {"지난해 320억 규모였던 사업에 올해 40억원을 더했다",
     "32000000000 KRW inferred | 4000000000 KRW"},
    {"5천만 명 규모의 시장에 10억원", "1000000000 KRW"},
    {"시설비 30억원, 장비 240억, 교육 15억 등",
     "3000000000 KRW | 24000000000 KRW inferred | 1500000000 KRW inferred"},
    {"각각 210억원, 64억, 39억이 들었다",
     "21000000000 KRW | 6400000000 KRW inferred | 3900000000 KRW inferred"},
    {"인구 5천만이 사는 나라에 10억원", "1000000000 KRW"},
    /* pesos, kroner, rupees: the state named nearby settles whose */
    {"The Philippine Navy gets 20 billion pesos next year.", "20000000000 PHP"},
    {"Mexico set aside 9 billion pesos for the guard.", "9000000000 MXN"},
    {"The deal is worth 3 billion kroner, Norway's ministry said.",
     "3000000000 NOK"},
    {"It costs 3 billion pesos.", "3000000000 - ambiguous"},
    /* a list that drops the currency after the first amount */
    {"Monthly pay is 612,000 won for a corporal and 540,200 for a private.",
     "612000 KRW | 540200 KRW inferred"},
    {"It paid 612,000 won and 3,000 soldiers joined.", "612000 KRW"},
    {"It paid 612,000 won. 1,500 for a start.", "612000 KRW"},
    {"일병은 50만원에서 60만원으로, 이병은 45만원에서 55만원으로 인상된다",
     "500000 KRW | 600000 KRW | 450000 KRW | 550000 KRW"},

    /* --- cents and other small money */
    {"it only cost 3 dollars 50 cents.", "3.5 USD"},
    {"it only cost thirteen dollars and forty-five cents", "13.45 USD"},
    {"it costs only 15 dollars 50.", "15.5 USD"},
    {"50 dollar 50 dollar", "50 USD | 50 USD"},
    {"50 dollar 40 rmb", "50 USD | 40 CNY"},
    {"Hey, the cost is $4.25 and 32 is the quantity!", "4.25 USD"},
    {"10 $ is not much, nor is 10 €", "10 USD | 10 EUR"},
    {"1 $10 dollars bill", "10 USD"},
    {"we are giving away 3 USD50 Cards.", "50 USD"},
    {"The cost is 500 USD,100 times more than expected.", "500 USD"},

    /* --- signs, per-share prices, "from X to Y" */
    {"Intel's sales came to -39.6tn won.", "-39600000000000 KRW"},
    {"The deal, valued at -$318.4 million, closed.", "-318400000 USD"},
    {"a loss of \xE2\x88\x92KRW 5 billion", "-5000000000 KRW"},
    {"SEOUL -- $5 million was paid", "5000000 USD"},
    {"net profit came to 79,472 won a share.", "79472 KRW"},
    {"could reach 729 won a share", "729 KRW"},
    {"Lee won a seat", ""},
    {"about 477,200,000,000 won in 2016", "477200000000 KRW q=approx"},
    {"secured from 30.6 trillion won to 66 trillion won in Cheongju",
     "30600000000000 KRW max=66000000000000 q=range"},
    {"The budget rose from 50 trillion won to 55 trillion won.",
     "50000000000000 KRW | 55000000000000 KRW"},
    {"The budget rose by 2 trillion won to 61 trillion won in 2025.",
     "2000000000000 KRW k=change | 61000000000000 KRW"},
    {"Spending was cut 3 billion dollars to 700 billion dollars.",
     "3000000000 USD k=change | 700000000000 USD"},

    /* --- not money */
    {"", ""},
    {"In 2023, the ministry said.", ""},
    {"It rose 5.6 percent (5.6%) in 2024.", ""},
    {"growth of 6.2%(512억 원).", "51200000000 KRW"},
    {"The won traded at 1,380.5 won per dollar.", ""},
    {"at (US$1=W1,120).", ""},
    {"The rate was 1,300 won to the dollar.", ""},
    /* each lead word of a rate, with a tail, a no-break space, capitals */
    {"It was 1,300 won against the greenback.", ""},
    {"1,300 won versus the dollar", ""},
    {"1,300 won vs the dollar", ""},
    {"1,300 won a dollar", ""},
    {"1,300 won for each dollar", ""},
    {"9 won per 100 yen", "100 JPY"}, /* the rate dropped, not its base */
    {"1,300 won per\xC2\xA0U.S. dollar", ""},
    {"the exchange rates: 1,380 won", ""},
    /* the rate words anywhere in the 60 bytes before, read 16 at a time */
    {"The Exchange rate of the currency stood on Friday at 1,380 won", ""},
    {"Its exchange rate, as quoted by the central bank, was 1,380 won", ""},
    {"\xEC\x9B\x90/\xEB\x8B\xAC\xEB\x9F\xAC \xED\x99\x98\xEC\x9C"
     "\xA8\xEC\x9D\x80 \xEC\x98\xA4\xEB\x8A\x98 \xEC\x98\xA4\xEC"
     "\xA0\x84 \xEC\xA2\x85\xEA\xB0\x80 1,380\xEC\x9B\x90",
     ""},
    {"the exchange was closed and the fund paid 1,380 won", "1380 KRW"},
    {"an expert on the index said the fund gave 1,380,000 won", "1380000 KRW"},
    /* a lead word with no tail of its own, or a word that starts like one */
    {"5 billion won per year", "5000000000 KRW"},
    {"5 billion won for the army", "5000000000 KRW"},
    {"5 billion won to the yen fund", "5000000000 KRW"},
    {"5 billion won percentage", "5000000000 KRW"},
    {"5 billion won pertains to it", "5000000000 KRW"},
    {"원/달러 환율은 1,380원이다.", ""},
    {"1달러당 1,380원", ""},
    {"dollar: 143.80 yen", ""},
    {"He won 58 percent of the vote.", ""},
    {"The team won 3 gold medals.", ""},
    {"In 2018 won the election.", ""},
    {"All 3 won the match.", ""},
    {"The 40,000-strong force", ""},
    {"150 K9 howitzers", ""},
    {"a 3,600-ton ship", ""},
    {"800 kilometers (497 miles)", ""},
    {"Call 02-123-4567.", ""},
    {"SEOUL, Aug. 4 (Yonhap) --", ""},
    {"All 70 of us.", ""},
    {"I tried to call Bob 3 times already.", ""},
    {"the 1950-53 Korean War", ""},
    {"20 in use before June", ""},
    {"3원칙을 지켰다", ""},
    {"10명의 연구원", ""},
    {"5 million pounds of explosives", "5000000 GBP"},
    {"a 2,000-pound bomb", ""},
    {"500 pounds of rice", ""},
    {"W3C standards", ""},
    {"$", ""},
    {"won", ""},
    {"billion", ""},
    {"1조", ""},
    {"the F-35 jets", ""},
};

static ft_qualifier qualifier_named(const char *s, size_t n)
{
    static const char *const names[] = {"eq", "approx", "gt",   "ge",
                                        "lt", "le",     "range"};
    for (int i = 0; i < 7; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return (ft_qualifier)i;
    fail_msg("unknown qualifier %.*s", (int)n, s);
    return FT_Q_EQ;
}

static void fmt(ft_decimal d, char *buf)
{
    ft_decimal_format(d, buf, FT_DECIMAL_BUFSZ);
}

/* Compare one figure with its compact description. */
static bool check_figure(const char *text, const ft_figure *f, const char *want,
                         size_t wlen)
{
    char spec[256];
    snprintf(spec, sizeof spec, "%.*s", (int)wlen, want);
    char amount[64] = "", cur[16] = "", got[FT_DECIMAL_BUFSZ];
    ft_qualifier q = FT_Q_EQ;
    ft_kind k = FT_KIND_LEVEL;
    char max[64] = "", rep[64] = "", repcur[16] = "";
    unsigned flags = 0;
    char *save = NULL;
    char *tok = strtok_r(spec, " ", &save);
    snprintf(amount, sizeof amount, "%s", tok ? tok : "");
    tok = strtok_r(NULL, " ", &save);
    snprintf(cur, sizeof cur, "%s", tok && strcmp(tok, "-") ? tok : "");
    while ((tok = strtok_r(NULL, " ", &save))) {
        if (!strncmp(tok, "q=", 2))
            q = qualifier_named(tok + 2, strlen(tok + 2));
        else if (!strcmp(tok, "k=change"))
            k = FT_KIND_CHANGE;
        else if (!strncmp(tok, "max=", 4))
            snprintf(max, sizeof max, "%s", tok + 4);
        else if (!strncmp(tok, "rep=", 4)) {
            char *colon = strchr(tok, ':');
            snprintf(rep, sizeof rep, "%.*s", (int)(colon - tok - 4), tok + 4);
            snprintf(repcur, sizeof repcur, "%s", colon + 1);
        } else if (!strcmp(tok, "inferred"))
            flags |= FT_FLAG_CURRENCY_INFERRED;
        else if (!strcmp(tok, "ambiguous"))
            flags |= FT_FLAG_AMBIGUOUS_CURRENCY;
        else
            fail_msg("bad spec token %s", tok);
    }
    fmt(f->amount, got);
    if (strcmp(got, amount) || strcmp(f->currency, cur) || f->qualifier != q ||
        f->kind != k || f->flags != flags) {
        print_error("in \"%s\": figure \"%.*s\" is %s %s q=%d k=%d flags=%u, "
                    "want %.*s",
                    text, (int)(f->end - f->start), text + f->start, got,
                    f->currency, f->qualifier, f->kind, f->flags, (int)wlen,
                    want);
        return false;
    }
    fmt(f->amount_max, got);
    if (max[0] ? !f->has_max || strcmp(got, max) : f->has_max) {
        print_error("in \"%s\": range high end %s, want %s\n", text,
                    f->has_max ? got : "none", max[0] ? max : "none");
        return false;
    }
    fmt(f->reported, got);
    if (rep[0] ? !f->has_reported || strcmp(got, rep) ||
                     strcmp(f->reported_currency, repcur)
               : f->has_reported) {
        print_error("in \"%s\": conversion %s %s, want %s %s\n", text,
                    f->has_reported ? got : "none", f->reported_currency,
                    rep[0] ? rep : "none", repcur);
        return false;
    }
    return true;
}

/* Every case runs; each failure is printed, then the test fails once. */
static void test_cases(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const char *text = cases[c].text, *want = cases[c].want;
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
        size_t n = 0;
        bool ok = true;
        const char *p = want;
        while (*p && ok) {
            const char *bar = strstr(p, " | ");
            size_t wlen = bar ? (size_t)(bar - p) : strlen(p);
            if (n >= l.len) {
                print_error("in \"%s\": only %zu figures, want %s\n", text,
                            l.len, want);
                ok = false;
                break;
            }
            ok = check_figure(text, &l.items[n], p, wlen);
            n++;
            p += wlen + (bar ? 3 : 0);
        }
        if (ok && l.len != n) {
            const ft_figure *f = &l.items[n];
            print_error("in \"%s\": %zu figures, want %zu; first extra "
                        "\"%.*s\"\n",
                        text, l.len, n, (int)(f->end - f->start),
                        text + f->start);
            ok = false;
        }
        failures += !ok;
        ft_figlist_free(&l);
    }
    if (failures)
        fail_msg("%zu of %zu cases failed", failures,
                 sizeof cases / sizeof *cases);
}

/* Offsets and the sentence, on the seed's sentence. */
static void test_offsets_and_sentence(void **state)
{
    (void)state;
    const char *text = "The fund, established in 1991, supports it. Its "
                       "budget peaked at 439.7 billion won ($317.4 million) "
                       "in 2007 but fell. Mr. Chung spoke.";
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    const ft_figure *f = &l.items[0];
    assert_int_equal(f->end - f->start, strlen("439.7 billion won"));
    assert_memory_equal(text + f->start, "439.7 billion won",
                        f->end - f->start);
    const char *want = "Its budget peaked at 439.7 billion won ($317.4 "
                       "million) in 2007 but fell.";
    assert_int_equal(f->sent_end - f->sent_start, strlen(want));
    assert_memory_equal(text + f->sent_start, want, strlen(want));
    ft_figlist_free(&l);
}

/* Every phrase of extract_words.h's lists, through its ender index
 * (gen_extract_index.c): each qualifier gives its own qualifier (so a
 * phrase that ends another, "more than" in "no more than", must not win
 * over it); each word of change, before the amount or after it, a
 * change. */
static const ft_figure *one_figure(ft_figlist *l, const char *phrase,
                                   bool after)
{
    char text[128];
    if (after)
        snprintf(text, sizeof text, "It was $5 million %s.", phrase);
    else
        snprintf(text, sizeof text, "It was %s $5 million.", phrase);
    ft_figlist_init(l);
    assert_int_equal(ft_extract(text, strlen(text), NULL, l, NULL), FT_OK);
    if (l->len != 1)
        fail_msg("%s: %zu figures", text, l->len);
    return &l->items[0];
}

static void test_phrase_lists(void **state)
{
    (void)state;
#define AS_KIND(phrase, q) q,
    static const ft_qualifier kinds[] = {BEFORE_QUALIFIERS(AS_KIND)};
#undef AS_KIND
    for (size_t k = 0; k < sizeof before_q_phrase / sizeof *before_q_phrase;
         k++) {
        ft_figlist l;
        const ft_figure *f = one_figure(&l, before_q_phrase[k].s, false);
        if (f->qualifier != kinds[k])
            fail_msg("%s: qualifier %d", before_q_phrase[k].s, f->qualifier);
        ft_figlist_free(&l);
    }
    for (size_t k = 0;
         k < sizeof change_words_before / sizeof *change_words_before; k++) {
        ft_figlist l;
        const ft_figure *f = one_figure(&l, change_words_before[k].s, false);
        if (f->kind != FT_KIND_CHANGE)
            fail_msg("%s: no change", change_words_before[k].s);
        ft_figlist_free(&l);
    }
    for (size_t k = 0;
         k < sizeof change_words_after / sizeof *change_words_after; k++) {
        ft_figlist l;
        const ft_figure *f = one_figure(&l, change_words_after[k], true);
        if (f->kind != FT_KIND_CHANGE)
            fail_msg("%s: no change", change_words_after[k]);
        ft_figlist_free(&l);
    }
}

/* A text without figures leaves a fresh list empty and untouched (its
 * items still NULL): the clang UBSan build checks that no pointer
 * arithmetic is done on that NULL. */
static void test_no_figures_empty_list(void **state)
{
    (void)state;
    const char *texts[] = {"", "The ministry said nothing of money.",
                           "In 2024 the fleet had 12 ships."};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(ft_extract(texts[i], strlen(texts[i]), NULL, &l, NULL),
                         FT_OK);
        assert_int_equal(l.len, 0);
        ft_figlist_free(&l);
    }
}

/* ft_extract appends: an article's figures must not depend on what the
 * list already holds from another article.  The first article's last
 * figure ends before a figure of the second and its sentence runs past
 * it: that sentence must not be lent to the second article, nor its
 * currency to a currency-less "98,500". */
static void test_appending_articles_independent(void **state)
{
    (void)state;
    const char *a = "405,000 won for a sergeant, the ministry said in a "
                    "statement on its plans for the coming year.";
    const char *b = "Pay rose and 98,500 for a private. Later, $5 billion.";
    const char *c = "It rose. Then $5 billion was spent on it.";
    ft_figlist alone, both;
    ft_figlist_init(&alone);
    ft_figlist_init(&both);
    const char *seconds[] = {b, c};
    for (size_t k = 0; k < 2; k++) {
        const char *t = seconds[k];
        alone.len = 0;
        both.len = 0;
        assert_int_equal(ft_extract(t, strlen(t), NULL, &alone, NULL), FT_OK);
        assert_int_equal(ft_extract(a, strlen(a), NULL, &both, NULL), FT_OK);
        size_t first = both.len;
        assert_int_equal(ft_extract(t, strlen(t), NULL, &both, NULL), FT_OK);
        assert_int_equal(both.len - first, alone.len);
        for (size_t i = 0; i < alone.len; i++) {
            const ft_figure *x = &alone.items[i], *y = &both.items[first + i];
            assert_int_equal(x->start, y->start);
            assert_int_equal(x->end, y->end);
            assert_string_equal(x->currency, y->currency);
            assert_int_equal(x->sent_start, y->sent_start);
            assert_int_equal(x->sent_end, y->sent_end);
        }
    }
    ft_figlist_free(&alone);
    ft_figlist_free(&both);
}

/* Every abbreviation of extract_words.h, through its ender index, keeps
 * the sentence going; a word that is none ends it. */
static void test_every_abbreviation(void **state)
{
    (void)state;
    for (size_t k = 0; k <= sizeof abbreviations / sizeof *abbreviations; k++) {
        bool none = k == sizeof abbreviations / sizeof *abbreviations;
        char text[128];
        snprintf(text, sizeof text, "We met %s. Then it cost $5 million.",
                 none ? "them" : abbreviations[k].s);
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
        assert_int_equal(l.len, 1);
        if ((l.items[0].sent_start == 0) == none)
            fail_msg("%s: sentence from %zu", text, l.items[0].sent_start);
        ft_figlist_free(&l);
    }
}

/* Abbreviations and initials do not end a sentence. */
static void test_sentence_abbreviations(void **state)
{
    (void)state;
    const char *text = "S. Korea and the U.S. agreed on $5 billion for Gen. "
                       "Lee's plan. Next.";
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_int_equal(l.items[0].sent_start, 0);
    assert_memory_equal(text + l.items[0].sent_end - 5, "plan.", 5);
    ft_figlist_free(&l);
}

/* A full stop that lost its space still ends the sentence ("corporals.
 * Starting"); initials ("e.g.The") and decimals do not. */
static void test_sentence_glued_stop(void **state)
{
    (void)state;
    const char *text = "Pay rose to 900,000 won for corporals.Starting next "
                       "year, privates get 700,000 won.";
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 2);
    assert_memory_equal(text + l.items[0].sent_end - 10, "corporals.", 10);
    assert_memory_equal(text + l.items[1].sent_start, "Starting", 8);
    ft_figlist_free(&l);
}

/* A line break ends a sentence, except inside hard-wrapped text. */
static void test_sentence_lines(void **state)
{
    (void)state;
    const char *text = "Title of the story\nIt will be ready for\noperations "
                       "by 2029 under a\n$5 million\nproject.";
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, strlen(text), NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    const char *want = "It will be ready for\noperations by 2029 under a\n$5 "
                       "million\nproject.";
    assert_int_equal(l.items[0].sent_end - l.items[0].sent_start, strlen(want));
    assert_memory_equal(text + l.items[0].sent_start, want, strlen(want));
    ft_figlist_free(&l);
}

/* Hostile bytes: NUL, invalid UTF-8, a truncated Hangul unit at the end. */
static void test_hostile_bytes(void **state)
{
    (void)state;
    const char text[] = "\xff\xfe$5 million\0 and \xc3 4\xEC\xA1";
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, sizeof text - 1, NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_int_equal(l.items[0].start, 2);
    ft_figlist_free(&l);
}

/* A figure at the very end, with no byte after it. */
static void test_figure_at_end(void **state)
{
    (void)state;
    const char *text = "spent $5";
    ft_figlist l;
    ft_figlist_init(&l);
    assert_int_equal(ft_extract(text, 8, NULL, &l, NULL), FT_OK);
    assert_int_equal(l.len, 1);
    assert_int_equal(l.items[0].end, 8);
    ft_figlist_free(&l);
}

/* The rate words are looked for sixteen bytes at a time and the last
 * positions before the amount in one overlapping look: "exchange rate"
 * or 환율 at every distance before the amount, after every length of
 * near-misses ("ex"), must be found, and "exchange rats" never. */
static void test_rate_word_every_distance(void **state)
{
    (void)state;
    const char *words[] = {"exchange rate", "\xED\x99\x98\xEC\x9C\xA8",
                           "exchange rats"};
    const char *amount[] = {"1,380 won", "1,380\xEC\x9B\x90", "1,380 won"};
    for (size_t w = 0; w < 3; w++)
        for (size_t p = 0; p <= 20; p++)
            for (size_t g = 1; g <= 40; g++) {
                char text[128];
                int n = snprintf(text, sizeof text, "%.*s %s%*s%s", (int)p,
                                 "ex ex ex ex ex ex ex ex", words[w], (int)g,
                                 "", amount[w]);
                ft_figlist l;
                ft_figlist_init(&l);
                assert_int_equal(ft_extract(text, (size_t)n, NULL, &l, NULL),
                                 FT_OK);
                if (l.len != (w == 2 ? 1u : 0u))
                    fail_msg("%zu figures in \"%s\"", l.len, text);
                ft_figlist_free(&l);
            }
}

/* A qualifier of several words is asked for only when the word before
 * its last word allows it, that word's start found sixteen bytes at a
 * look: "close to" after a word of every length and every space. */
static void test_qualifier_after_every_word(void **state)
{
    (void)state;
    const char *seps[] = {" ", "\t", "\n ", "  ", "\r\n"};
    for (size_t s = 0; s < sizeof seps / sizeof *seps; s++)
        for (int len = 0; len <= 40; len++) {
            char text[128];
            int n =
                snprintf(text, sizeof text, "%.*s%sclose to $7 million", len,
                         "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", seps[s]);
            ft_figlist l;
            ft_figlist_init(&l);
            assert_int_equal(ft_extract(text, (size_t)n, NULL, &l, NULL),
                             FT_OK);
            assert_int_equal(l.len, 1);
            if (l.items[0].qualifier != FT_Q_APPROX)
                fail_msg("no qualifier in \"%s\"", text);
            ft_figlist_free(&l);
        }
}

/* An article of more figures than the cap (a table or generated text,
 * not news: each figure costs memory until the article is written) is
 * refused whole, FT_ETOOBIG, appending nothing; at the cap it is read.
 * A pair ("X won ($Y)") is one figure, the conversion its reported
 * amount. */
static void test_figures_capped(void **state)
{
    (void)state;
    static const char text[] =
        "It got 1 billion won ($0.8 million), then $2, $3 and $4.";
    ft_figlist l;
    ft_figlist_init(&l);
    ft_error e;
    ft_extract_opts at = {.max_figures = 4}, below = {.max_figures = 3};
    assert_int_equal(ft_extract(text, strlen(text), &at, &l, &e), FT_OK);
    assert_int_equal(l.len, 4);
    assert_int_equal(ft_extract(text, strlen(text), &below, &l, &e),
                     FT_ETOOBIG);
    assert_int_equal(l.len, 4); /* the first article's, no more */
    assert_non_null(strstr(e.message, "more than 3 figures"));
    ft_figlist_free(&l);
}

/* A plain number opens a range whose high end carries the currency with
 * every joint extract reads (money's ft_money_may_join, which leaves out
 * the plain numbers no joint follows, must let each through), glued or
 * spaced as the joint allows, and stands in a list after a figure:
 * each plain low end below must give one range from it, each listed one a
 * figure of its own. */
static void test_plain_low_ends(void **state)
{
    (void)state;
    static const char *const lows[] = {"3", "3.5", "1,500"};
    static const char *const joints[] = {
        "-",
        "~",
        " ~ ",
        "\xE2\x80\x93", /* – */
        " \xE2\x80\x93 ",
        "\xC2\xA0\xE2\x80\x93\xC2\xA0",
        "\xEF\xBD\x9E", /* ～ */
        "\xE3\x80\x9C", /* 〜 */
        "\xE2\x88\xBC", /* ∼ */
        " \xE2\x88\xBC ",
        " to ",
        "  to ",
        " To ",
        " TO ",
        "\xC2\xA0to ",
        "\xEC\x97\x90\xEC\x84\x9C ", /* 에서 */
        " \xEC\x97\x90\xEC\x84\x9C ",
    };
    char text[128];
    size_t failures = 0;
    for (size_t a = 0; a < sizeof lows / sizeof *lows; a++)
        for (size_t j = 0; j < sizeof joints / sizeof *joints * 2 + 1; j++) {
            int n;
            if (j < sizeof joints / sizeof *joints)
                n = snprintf(text, sizeof text,
                             "It costs %s%s2,000 trillion won.", lows[a],
                             joints[j]);
            else if (j < sizeof joints / sizeof *joints * 2)
                n = snprintf(text, sizeof text,
                             "It costs %s%s2,000\xEC\xA1\xB0 \xEC\x9B\x90.",
                             lows[a],
                             joints[j - sizeof joints / sizeof *joints]);
            else
                n = snprintf(text, sizeof text,
                             "It costs between %s and 2,000 trillion won.",
                             lows[a]);
            ft_figlist l;
            ft_figlist_init(&l);
            assert_int_equal(ft_extract(text, (size_t)n, NULL, &l, NULL),
                             FT_OK);
            if (l.len != 1 || !l.items[0].has_max ||
                l.items[0].start != strlen("It costs ") +
                                        (j == sizeof joints / sizeof *joints * 2
                                             ? strlen("between ")
                                             : 0)) {
                print_error("no range from the plain number in \"%s\"\n", text);
                failures++;
            }
            ft_figlist_free(&l);
        }
    static const char *const listed[] = {
        "It paid 405,000 won for a sergeant and 98,500 for a private.",
        "It paid 405,000 won and 98,500, the ministry said.",
        "It paid 405,000 won or 98,500 a month.",
        "It paid 405,000 won versus 98,500 respectively.",
        "It paid 405,000 won and 98,500 per month.",
        "It paid 405,000 won and 98,500 a year.",
        "It paid 405,000 won and 98,500\xC2\xA0\xC2\xA0"
        "For a private.",
        "It paid 405,000 won and 98,500 FOR a private.",
        "It paid 405,000 won (and 98,500) then.",
        "It paid 405,000 won and 98,500; then.",
        "It paid 405,000 won and 98,500",
        "It paid 405,000 won and 98,500.",
    };
    for (size_t q = 0; q < sizeof listed / sizeof *listed; q++) {
        ft_figlist l;
        ft_figlist_init(&l);
        assert_int_equal(
            ft_extract(listed[q], strlen(listed[q]), NULL, &l, NULL), FT_OK);
        if (l.len != 2) {
            print_error("%zu figures in \"%s\", want 2\n", l.len, listed[q]);
            failures++;
        }
        ft_figlist_free(&l);
    }
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_plain_low_ends),
        cmocka_unit_test(test_offsets_and_sentence),
        cmocka_unit_test(test_phrase_lists),
        cmocka_unit_test(test_no_figures_empty_list),
        cmocka_unit_test(test_sentence_abbreviations),
        cmocka_unit_test(test_every_abbreviation),
        cmocka_unit_test(test_sentence_glued_stop),
        cmocka_unit_test(test_sentence_lines),
        cmocka_unit_test(test_hostile_bytes),
        cmocka_unit_test(test_figure_at_end),
        cmocka_unit_test(test_figures_capped),
        cmocka_unit_test(test_rate_word_every_distance),
        cmocka_unit_test(test_qualifier_after_every_word),
        cmocka_unit_test(test_appending_articles_independent),
    };
    return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}
