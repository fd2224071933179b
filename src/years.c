/* years.c — the year each figure's money belongs to (see years.h).
 *
 * Each sentence with figures is read once for its year expressions: "in
 * 2007", "the 2019 defense budget", "fiscal 2026", "FY2025", "2024년도",
 * "last year", 올해.  Each expression gets a role from the words around
 * it: it dates money (explicit, fiscal, relative), or it is a completion
 * target ("ready by 2029"), a comparison base ("up 4.1 percent from
 * 2016"), a launch or founding date ("established in 1991") or one end of
 * a span ("from 2024 to 2028"), none of which date an amount.  A figure
 * takes the nearest dating expression of its own clause, else of its
 * sentence, else of the two sentences before it in the same paragraph.
 */
#include "years.h"

#include "phrase.h"

#include <stdbool.h>
#include <string.h>

typedef enum {
    ROLE_DATES,   /* the year the money belongs to */
    ROLE_TARGET,  /* a completion target: "by 2029" */
    ROLE_COMPARE, /* a comparison base: "from 2016", "전년 대비" */
    ROLE_LAUNCH,  /* a founding or launch date: "established in 1991" */
    ROLE_SPAN     /* an end of a multi-year span: "2024-2028" */
} role;

typedef struct {
    size_t start, end; /* the expression's bytes */
    int year;          /* 0 for a relative year without a publication date */
    ft_year_basis basis;
    role role;
} year_expr;

/* Sentences rarely hold more; the rest are ignored. */
#define MAX_EXPRS 32
/* How far back a figure without a year of its own may look, in sentences
 * of the same paragraph. */
#define BACK_SENTENCES 2

/* Bytes at i equal the literal s (Hangul spellings). */
#define bytes_at(x, i, s) bytes_at_n((x), (i), (s), sizeof(s) - 1)

static bool bytes_at_n(ft_view x, size_t i, const char *s, size_t n)
{
    return i + n <= x.len && memcmp(x.t + i, s, n) == 0;
}

#define PHRASE_AT(x, i, p) ft_phrase_at((x).t, (x).len, (i), (p))
#define PHRASE_BEFORE(x, end, p)                                               \
    ft_phrase_before((x).t, (x).len, (end), (ft_lit)FT_LIT(p))
#define ANY_BEFORE(x, end, list)                                               \
    (FT_PHRASE_BEFORE_ANY((x).t, (x).len, (end), (list), NULL) != SIZE_MAX)

/* Hangul spellings, UTF-8. */
#define K_NYEON "\xEB\x85\x84"                /* 년 */
#define K_DO "\xEB\x8F\x84"                   /* 도 (2024년도) */
#define K_KKAJI "\xEA\xB9\x8C\xEC\xA7\x80"    /* 까지 (by) */
#define K_BUTEO "\xEB\xB6\x80\xED\x84\xB0"    /* 부터 (from) */
#define K_DAEBI "\xEB\x8C\x80\xEB\xB9\x84"    /* 대비 (compared with) */
#define K_BODA "\xEB\xB3\xB4\xEB\x8B\xA4"     /* 보다 (than) */
#define K_HOEGYE "\xED\x9A\x8C\xEA\xB3\x84"   /* 회계 (fiscal) */
#define K_OLHAE "\xEC\x98\xAC\xED\x95\xB4"    /* 올해 (this year) */
#define K_NAENYEON "\xEB\x82\xB4\xEB\x85\x84" /* 내년 (next year) */
#define K_JINANHAE "\xEC\xA7\x80\xEB\x82\x9C\xED\x95\xB4" /* 지난해 */
#define K_JAKNYEON "\xEC\x9E\x91\xEB\x85\x84"  /* 작년 (last year) */
#define K_JEONNYEON "\xEC\xA0\x84\xEB\x85\x84" /* 전년 (previous year) */
#define K_GEUMNYEON "\xEA\xB8\x88\xEB\x85\x84" /* 금년 (this year) */
#define K_NAEHUNYEON "\xEB\x82\xB4\xED\x9B\x84\xEB\x85\x84"  /* 내후년 */
#define K_JAEJAKNYEON "\xEC\x9E\xAC\xEC\x9E\x91\xEB\x85\x84" /* 재작년 */

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
    FT_LIT("by the end of fiscal"),
};
/* ...a comparison base. */
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

    FT_LIT("from the"),
    FT_LIT("than the"),
    FT_LIT("compared with the"),
    FT_LIT("compared to the"),
    FT_LIT("over the"),
    FT_LIT("versus the"),
    FT_LIT("than in"),
    FT_LIT("from its"),
    FT_LIT("than its"),
};
/* ...a launch, founding or past event that is not the money's year. */
static const ft_lit launch_verbs[] = {
    FT_LIT("established"),    FT_LIT("founded"),     FT_LIT("launched"),
    FT_LIT("created"),        FT_LIT("set up"),      FT_LIT("introduced"),
    FT_LIT("deployed"),       FT_LIT("built"),       FT_LIT("began"),
    FT_LIT("started"),        FT_LIT("inaugurated"), FT_LIT("opened"),
    FT_LIT("formed"),         FT_LIT("born"),        FT_LIT("commissioned"),
    FT_LIT("enacted"),        FT_LIT("adopted"),     FT_LIT("instituted"),
    FT_LIT("first deployed"),
};

/* Words after a figure's verb that make "by YEAR" the year a level is
 * reached ("raise monthly pay to 1 million won by 2027"). */
static const ft_lit reach_words[] = {FT_LIT("to"),       FT_LIT("reach"),
                                     FT_LIT("reaching"), FT_LIT("hit"),
                                     FT_LIT("top"),      FT_LIT("exceed")};

/* The role of a year written at [s,e) from the words around it. */
/* Where the words before a date's year begin: back over a month and a day
 * ("adopted in December 2022", "signed on Dec. 4, 2022", "4 August
 * 2025"), so that the verb before the date decides its role. */
static size_t date_start(ft_view x, size_t s)
{
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
    size_t j = ft_phrase_trim_back(x.t, s);
    if (j > 0 && ft_view_at(x, j - 1) == ',')
        j = ft_phrase_trim_back(x.t, j - 1);
    size_t d = j; /* a day before the year: "Dec. 4, 2022" */
    while (d > 0 && ft_ascii_digit(ft_view_at(x, d - 1)))
        d--;
    if (d < j && j - d <= 2)
        j = ft_phrase_trim_back(x.t, d);
    size_t m = FT_PHRASE_BEFORE_ANY(x.t, x.len, j, months, NULL);
    if (m == SIZE_MAX)
        return s;
    /* a day before the month: "4 August 2025" */
    size_t b = ft_phrase_trim_back(x.t, m);
    d = b;
    while (d > 0 && ft_ascii_digit(ft_view_at(x, d - 1)))
        d--;
    return d < b && b - d <= 2 ? d : m;
}

static role year_role(ft_view x, size_t s, size_t e, size_t *span_end)
{
    size_t where;
    /* Korean particles after the year: 2029년까지, 2026년부터, 2016년 대비 */
    size_t k = e;
    if (bytes_at(x, k, K_NYEON)) {
        k += 3;
        if (bytes_at(x, k, K_DO))
            k += 3;
        if (bytes_at(x, k, K_KKAJI))
            return ROLE_TARGET;
        if (bytes_at(x, k, K_BUTEO))
            return ROLE_SPAN;
        size_t j = k;
        while (ft_ascii_space(ft_view_at(x, j)))
            j++;
        if (bytes_at(x, j, K_DAEBI) || bytes_at(x, k, K_BODA))
            return ROLE_COMPARE;
    }
    /* a span: 2024-2028, 2020~2024, 2024 to 2028, between 2020 and 2025 */
    size_t j = e;
    if (ft_view_at(x, j) == '-' || ft_view_at(x, j) == '~') {
        j++;
    } else if (bytes_at(x, j, "\xE2\x80\x93")) {
        j += 3;
    } else {
        size_t p = PHRASE_AT(x, j, " to ");
        if (!p)
            p = PHRASE_AT(x, j, " through ");
        if (!p && PHRASE_BEFORE(x, s, "between") != SIZE_MAX)
            p = PHRASE_AT(x, j, " and ");
        j = p ? p : j;
    }
    if (j != e && ft_ascii_digit(ft_view_at(x, j)) &&
        ft_ascii_digit(ft_view_at(x, j + 1))) {
        size_t d = j;
        while (ft_ascii_digit(ft_view_at(x, d)))
            d++;
        if (d - j == 4 || d - j == 2) {
            *span_end = d;
            return ROLE_SPAN;
        }
    }
    if (PHRASE_BEFORE(x, s, "between") != SIZE_MAX ||
        PHRASE_BEFORE(x, s, "since") != SIZE_MAX)
        return ROLE_SPAN;
    /* the far end of a span: "2024-2028", "from 2024 to 2028" */
    if (s >= 1 &&
        (ft_view_at(x, s - 1) == '-' || ft_view_at(x, s - 1) == '~') &&
        ft_ascii_digit(ft_view_at(x, s - 2)))
        return ROLE_SPAN;
    if (s >= 3 && bytes_at(x, s - 3, "\xE2\x80\x93"))
        return ROLE_SPAN;
    if ((where = PHRASE_BEFORE(x, s, "to")) != SIZE_MAX ||
        (where = PHRASE_BEFORE(x, s, "through")) != SIZE_MAX ||
        (where = PHRASE_BEFORE(x, s, "and")) != SIZE_MAX) {
        size_t b = where;
        while (b > 0 && ft_ascii_space(ft_view_at(x, b - 1)))
            b--;
        if (b >= 4 && ft_ascii_digit(ft_view_at(x, b - 1)) &&
            ft_ascii_digit(ft_view_at(x, b - 4)))
            return ROLE_SPAN;
    }
    s = date_start(x, s);
    if (PHRASE_BEFORE(x, s, "through") != SIZE_MAX ||
        PHRASE_BEFORE(x, s, "thru") != SIZE_MAX)
        return ROLE_SPAN; /* "spend 1.5 trillion won through 2029" */
    if (ANY_BEFORE(x, s, target_words))
        return ROLE_TARGET;
    if (ANY_BEFORE(x, s, compare_words))
        return ROLE_COMPARE;
    /* "launched in 2016", "established in 1991", "deployed in 2015" */
    size_t in = PHRASE_BEFORE(x, s, "in");
    if (in != SIZE_MAX && ANY_BEFORE(x, in, launch_verbs))
        return ROLE_LAUNCH;
    if (ANY_BEFORE(x, s, launch_verbs))
        return ROLE_LAUNCH;
    return ROLE_DATES;
}

/* A four-digit year at i (1900..2099) standing alone: not part of a
 * longer number, an amount ("2,000") or a percentage; "2020s" is a
 * decade.  Returns its end or 0. */
static size_t year_at(ft_view x, size_t i, int *year)
{
    if (i > 0 &&
        (ft_ascii_digit(ft_view_at(x, i - 1)) ||
         ft_ascii_alpha(ft_view_at(x, i - 1)) ||
         ((ft_view_at(x, i - 1) == '.' || ft_view_at(x, i - 1) == ',') &&
          ft_ascii_digit(ft_view_at(x, i - 2)))))
        return 0;
    for (size_t k = 0; k < 4; k++)
        if (!ft_ascii_digit(ft_view_at(x, i + k)))
            return 0;
    unsigned char n = ft_view_at(x, i + 4);
    if (ft_ascii_digit(n) || ft_ascii_alpha(n) || n == '%' ||
        ((n == ',' || n == '.') && ft_ascii_digit(ft_view_at(x, i + 5))))
        return 0;
    int y = (x.t[i] - '0') * 1000 + (x.t[i + 1] - '0') * 100 +
            (x.t[i + 2] - '0') * 10 + (x.t[i + 3] - '0');
    if (y < 1900 || y > 2099)
        return 0;
    size_t j = i + 4;
    while (ft_ascii_space(ft_view_at(x, j)))
        j++;
    if (PHRASE_AT(x, j, "percent") || PHRASE_AT(x, j, "per cent"))
        return 0;
    *year = y;
    return i + 4;
}

/* Is the year at [s,e) a fiscal year?  "fiscal 2026", "fiscal year
 * 2023-24", "FY2025", "the 2023 fiscal year", 2026회계연도. */
static bool is_fiscal(ft_view x, size_t s, size_t e)
{
    static const ft_lit before[] = {FT_LIT("fiscal"), FT_LIT("fiscal year"),
                                    FT_LIT("fy"), FT_LIT("financial year")};
    if (ANY_BEFORE(x, s, before))
        return true;
    size_t j = e;
    while (ft_ascii_space(ft_view_at(x, j)))
        j++;
    return PHRASE_AT(x, j, "fiscal") || bytes_at(x, e, K_HOEGYE) ||
           bytes_at(x, j, K_HOEGYE);
}

/* "FY2025", "FY25", "FY 2025-26": the fiscal year glued to FY. */
static size_t fy_at(ft_view x, size_t i, int *year)
{
    if (!(ft_ascii_fold(ft_view_at(x, i)) == 'f' &&
          ft_ascii_fold(ft_view_at(x, i + 1)) == 'y') ||
        (i > 0 && ft_ascii_alpha(ft_view_at(x, i - 1))))
        return 0;
    size_t j = i + 2;
    if (ft_view_at(x, j) == ' ' || ft_view_at(x, j) == '\'')
        j++;
    size_t d = j;
    while (ft_ascii_digit(ft_view_at(x, d)))
        d++;
    if (ft_ascii_alpha(ft_view_at(x, d)))
        return 0;
    if (d - j == 4) {
        int y = 0;
        for (size_t k = j; k < d; k++)
            y = y * 10 + (x.t[k] - '0');
        if (y < 1900 || y > 2099)
            return 0;
        *year = y;
    } else if (d - j == 2) {
        *year = 2000 + (x.t[j] - '0') * 10 + (x.t[j + 1] - '0');
    } else {
        return 0;
    }
    /* "FY2025-26": the first year names it */
    if (ft_view_at(x, d) == '-' && ft_ascii_digit(ft_view_at(x, d + 1)) &&
        ft_ascii_digit(ft_view_at(x, d + 2)))
        d += ft_ascii_digit(ft_view_at(x, d + 3)) &&
                     ft_ascii_digit(ft_view_at(x, d + 4))
                 ? 5
                 : 3;
    return d;
}

typedef struct {
    const char *s;
    int offset;
} relative_word;

/* Relative years, English and Korean, with their distance from the
 * publication year. */
static size_t relative_at(ft_view x, size_t i, int *offset)
{
    static const relative_word words[] = {
        {"this year", 0},         {"this fiscal year", 0},
        {"the current year", 0},  {"next year", 1},
        {"next fiscal year", 1},  {"last year", -1},
        {"last fiscal year", -1}, {"the previous year", -1},
        {"the year before", -1},  {"a year earlier", -1},
        {"a year ago", -1},       {"the following year", 1},
        {"the coming year", 1},   {"the past year", -1},
    };
    static const relative_word korean[] = {
        {K_NAEHUNYEON, 2}, {K_JAEJAKNYEON, -2}, {K_OLHAE, 0},
        {K_GEUMNYEON, 0},  {K_NAENYEON, 1},     {K_JINANHAE, -1},
        {K_JAKNYEON, -1},  {K_JEONNYEON, -1},
    };
    if (i > 0 && ft_ascii_alpha(ft_view_at(x, i - 1)))
        return 0;
    unsigned char c = ft_ascii_fold(ft_view_at(x, i));
    if (c >= 0x80)
        goto hangul; /* the English words start t, n, l, a */
    if (c != 't' && c != 'n' && c != 'l' && c != 'a')
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        /* three letters rule out most words before the full test */
        if ((unsigned char)words[k].s[0] != c ||
            (unsigned char)words[k].s[1] !=
                ft_ascii_fold(ft_view_at(x, i + 1)) ||
            (unsigned char)words[k].s[2] != ft_ascii_fold(ft_view_at(x, i + 2)))
            continue;
        size_t e = PHRASE_AT(x, i, words[k].s);
        if (e) {
            *offset = words[k].offset;
            if (ft_view_at(x, e) == '\'' &&
                ft_ascii_fold(ft_view_at(x, e + 1)) == 's')
                e += 2; /* "last year's" */
            return e;
        }
    }
    return 0;
hangul:
    /* Korean: not inside a longer word (지난해 in 지난해는 is fine, but
     * the syllable before must not be Hangul: 예전년 is not 전년) */
    if (i >= 3 && (unsigned char)x.t[i - 3] >= 0xEA &&
        (unsigned char)x.t[i - 3] <= 0xED)
        return 0;
    for (size_t k = 0; k < sizeof korean / sizeof *korean; k++) {
        size_t n = strlen(korean[k].s);
        if (bytes_at_n(x, i, korean[k].s, n)) {
            *offset = korean[k].offset;
            return i + n;
        }
    }
    return 0;
}

/* The role of a relative year: a comparison base when it follows "from",
 * "than", "over" or precedes 대비/보다 ("up 5 percent from a year
 * earlier", 전년 대비). */
static role relative_role(ft_view x, size_t s, size_t e)
{
    /* "from this year's 59.4 trillion won": the possessive dates the
     * amount it owns, whatever that amount is compared with */
    if (e >= 2 && x.t[e - 2] == '\'' && x.t[e - 1] == 's')
        return ROLE_DATES;
    if (ANY_BEFORE(x, s, compare_words))
        return ROLE_COMPARE;
    size_t j = e;
    while (ft_ascii_space(ft_view_at(x, j)))
        j++;
    if (bytes_at(x, j, K_DAEBI) || bytes_at(x, e, K_BODA))
        return ROLE_COMPARE;
    /* "a year earlier" is almost always a base */
    if (PHRASE_AT(x, s, "a year earlier") || PHRASE_AT(x, s, "a year ago"))
        return ROLE_COMPARE;
    return ROLE_DATES;
}

/* A span of several years at i, which makes an amount a total over them:
 * "five-year", "5-year", "multi-year", "over the next five years",
 * "5년간".  Returns its end or 0. */
static size_t multi_year_at(ft_view x, size_t i)
{
    static const char *const counts[] = {
        "two",   "three", "four", "five",  "six",     "seven",
        "eight", "nine",  "ten",  "multi", "several",
    };
    size_t j = i;
    unsigned char c = ft_ascii_fold(ft_view_at(x, i));
    if (!ft_ascii_digit(c) && !strchr("tfsenmo", c))
        return 0; /* how every count word (and "over") starts */
    if (ft_ascii_digit(ft_view_at(x, j))) {
        while (ft_ascii_digit(ft_view_at(x, j)))
            j++;
        if (j - i > 2)
            return 0;
        if (bytes_at(x, j, K_NYEON "\xEA\xB0\x84")) /* 년간 */
            return j + 6;
    } else {
        size_t e = FT_PHRASE_AT_ANY(x.t, x.len, j, counts);
        if (!e) {
            if (c != 'o')
                return 0;
            e = ft_phrase_at(x.t, x.len, j, "over the next");
            if (!e)
                e = ft_phrase_at(x.t, x.len, j, "over the past");
            if (!e)
                return 0;
            size_t k = e; /* "over the next five years" */
            while (ft_ascii_space(ft_view_at(x, k)))
                k++;
            size_t w = FT_PHRASE_AT_ANY(x.t, x.len, k, counts);
            if (!w) {
                while (ft_ascii_digit(ft_view_at(x, k)))
                    k++;
                w = k;
            }
            return ft_phrase_at(x.t, x.len, w, " years");
        }
        j = e;
        if (ft_phrase_at(x.t, x.len, j, "year") ||
            ft_phrase_at(x.t, x.len, j, "years"))
            return 0; /* "multiyear" is one word */
    }
    if (ft_view_at(x, j) != '-' && ft_view_at(x, j) != ' ')
        return 0;
    size_t e = ft_phrase_at(x.t, x.len, j + 1, "year");
    if (!e || ft_view_at(x, e) == '-') /* "five-year-old" */
        return 0;
    return e;
}

/* Every year expression in text[s,e). */
static size_t find_exprs(ft_view x, size_t s, size_t e, int published_year,
                         year_expr *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = s; i < e && n < cap;) {
        unsigned char c = ft_view_at(x, i);
        if (c < 0x80 && !ft_ascii_digit(c) && !ft_ascii_alpha(c)) {
            i++; /* spaces and punctuation open nothing */
            continue;
        }
        if (i > s && (ft_ascii_alpha(ft_view_at(x, i - 1)) ||
                      ft_ascii_digit(ft_view_at(x, i - 1)))) {
            i++; /* inside a word or number */
            continue;
        }
        int y = 0, offset = 0;
        size_t end, span_end = 0;
        year_expr ex = {0};
        if (ft_ascii_digit(c) && (end = year_at(x, i, &y))) {
            ex = (year_expr){i, end, y, FT_YEAR_EXPLICIT, ROLE_DATES};
            ex.role = year_role(x, i, end, &span_end);
            if (is_fiscal(x, i, end)) {
                ex.basis = FT_YEAR_FISCAL;
                /* "the fiscal year 2023-24" is 2023, not a span */
                if (ex.role == ROLE_SPAN && span_end)
                    ex.role = ROLE_DATES;
            }
            if (span_end)
                end = span_end;
        } else if ((c == 'F' || c == 'f') && (end = fy_at(x, i, &y))) {
            ex = (year_expr){i, end, y, FT_YEAR_FISCAL, ROLE_DATES};
            ex.role = year_role(x, i, end, &span_end);
            if (ex.role == ROLE_SPAN)
                ex.role = ROLE_DATES;
        } else if ((end = multi_year_at(x, i))) {
            /* "a five-year buildup", "over the next five years", 5년간 */
            ex = (year_expr){i, end, 0, FT_YEAR_NONE, ROLE_SPAN};
        } else if ((ft_ascii_alpha(c) || c >= 0xEA) &&
                   (end = relative_at(x, i, &offset))) {
            ex = (year_expr){
                i, end, published_year ? published_year + offset : 0,
                published_year ? FT_YEAR_RELATIVE : FT_YEAR_NONE, ROLE_DATES};
            ex.role = relative_role(x, i, end);
        } else {
            i++;
            continue;
        }
        out[n++] = ex;
        i = end > i ? end : i + 1;
    }
    return n;
}

static size_t distance(const year_expr *e, const ft_figure *f)
{
    return e->end <= f->start ? f->start - e->end
                              : (e->start >= f->end ? e->start - f->end : 0);
}

/* "by 2029" after "raise monthly pay to 1 million won": the level is
 * reached that year, so it dates the amount. */
static bool reached_by(ft_view x, const ft_figure *f, const year_expr *e)
{
    return e->start >= f->end && ANY_BEFORE(x, f->start, reach_words);
}

static void apply(ft_figure *f, const year_expr *e)
{
    f->year = e->year;
    f->year_basis = e->year ? e->basis : FT_YEAR_NONE;
}

/* The sentence start before position i (the previous sentence's end). */
static size_t sentence_start_before(ft_view x, size_t i)
{
    while (i > 0) {
        unsigned char c = ft_view_at(x, i - 1);
        if (c == '\n')
            return i;
        if ((c == '.' || c == '!' || c == '?') &&
            ft_ascii_space(ft_view_at(x, i)) &&
            !(i >= 3 && ft_ascii_alpha(ft_view_at(x, i - 2)) &&
              !ft_ascii_alpha(ft_view_at(x, i - 3)) &&
              ft_view_at(x, i - 2) >= 'A' && ft_view_at(x, i - 2) <= 'Z'))
            return i;
        i--;
    }
    return 0;
}

/* What a look-back needs of a sentence: its first dating year, and
 * whether a target or span stops the look. */
typedef struct {
    size_t start; /* SIZE_MAX: nothing known */
    const year_expr *first;
    year_expr first_copy;
    bool other;
} sentence_memo;

static void memo_of(const year_expr *ex, size_t n, size_t start,
                    sentence_memo *m)
{
    m->start = start;
    m->first = NULL;
    m->other = false;
    for (size_t k = 0; k < n; k++) {
        if (ex[k].role == ROLE_DATES && !m->first) {
            m->first_copy = ex[k];
            m->first = &m->first_copy;
        }
        m->other |= ex[k].role != ROLE_DATES && ex[k].role != ROLE_COMPARE;
    }
}

static void date_figure(ft_view x, ft_figure *f, const year_expr *ex, size_t n,
                        int published_year, const sentence_memo *before)
{
    const year_expr *best = NULL, *target = NULL;
    size_t best_d = SIZE_MAX, target_d = SIZE_MAX;
    int best_breaks = 3;
    bool blocked = false; /* a base or span in the figure's own clause */
    bool undated = false; /* a span or launch date: a total, no year */
    for (size_t k = 0; k < n; k++) {
        const year_expr *e = &ex[k];
        size_t a = e->end <= f->start ? e->end : f->end;
        size_t b = e->end <= f->start ? f->start : e->start;
        int breaks =
            ft_clause_breaks_between(x.t, x.len, a, b, f->start, f->end);
        size_t d = distance(e, f);
        role r = e->role;
        if (r == ROLE_TARGET && breaks == 0 && reached_by(x, f, e))
            r = ROLE_DATES;
        if (r == ROLE_TARGET) {
            if (d < target_d) {
                target = e;
                target_d = d;
            }
        } else if (r != ROLE_DATES) {
            blocked |= breaks == 0;
            undated |= r == ROLE_SPAN || r == ROLE_LAUNCH;
        } else if (breaks < best_breaks ||
                   (breaks == best_breaks && d < best_d)) {
            /* the fewest and weakest clause breaks, then the nearest */
            best = e;
            best_d = d;
            best_breaks = breaks;
        }
    }
    if (best && (best_breaks == 0 || !blocked)) {
        apply(f, best);
    } else if (!best && !target && !undated) {
        /* No year of its own (at most a comparison base): look back two
         * sentences, across line breaks (news puts a paragraph on a line)
         * but not a blank line, which starts another passage or story. */
        size_t s = f->sent_start;
        for (int back = 0; back < BACK_SENTENCES && s > 0; back++) {
            size_t p = s; /* back over the spaces and the full stop */
            int newlines = 0;
            while (p > 0 && ft_ascii_space(ft_view_at(x, p - 1)))
                newlines += ft_view_at(x, --p) == '\n';
            if (p == 0 || newlines > 1)
                break;
            size_t ps = sentence_start_before(x, p - 1);
            /* the first dating year: the one the sentence is about, not a
             * base it is compared with later ("for 2025, up from this
             * year's ...").  The sentence before was often read already. */
            sentence_memo m;
            size_t first_byte = ps; /* where extract's sentence starts */
            while (first_byte < p && ft_ascii_space(ft_view_at(x, first_byte)))
                first_byte++;
            if (before && before->start == first_byte) {
                m = *before;
                if (m.first)
                    m.first = &m.first_copy;
            } else {
                year_expr prev[MAX_EXPRS];
                size_t k =
                    find_exprs(x, ps, p, published_year, prev, MAX_EXPRS);
                memo_of(prev, k, ps, &m);
            }
            if (m.first) {
                apply(f, m.first);
                break;
            }
            if (m.other)
                break; /* a target or span there: no guess */
            s = ps;
        }
    }
    if (target && (f->year == 0 || target_d < best_d))
        f->target_year = target->year;
}

void ft_years_assign(const char *text_, size_t len, int published_year,
                     ft_figure *figs, size_t n)
{
    ft_view x = {text_, len};
    year_expr ex[MAX_EXPRS];
    size_t nex = 0, sent_start = SIZE_MAX, sent_end = 0;
    sentence_memo previous = {.start = SIZE_MAX}, current = {.start = SIZE_MAX};
    for (size_t i = 0; i < n; i++) {
        ft_figure *f = &figs[i];
        if (f->sent_start != sent_start || f->sent_end != sent_end) {
            previous = current;
            sent_start = f->sent_start;
            sent_end = f->sent_end;
            nex = find_exprs(x, sent_start, sent_end, published_year, ex,
                             MAX_EXPRS);
            memo_of(ex, nex, sent_start, &current);
        }
        if (nex == 0 && i > 0 && figs[i - 1].sent_start == sent_start) {
            /* a sentence without years: every figure in it looks back to
             * the same place, so the first one's answer serves all */
            f->year = figs[i - 1].year;
            f->year_basis = figs[i - 1].year_basis;
            f->target_year = figs[i - 1].target_year;
            continue;
        }
        f->year = 0;
        f->year_basis = FT_YEAR_NONE;
        f->target_year = 0;
        date_figure(x, f, ex, nex, published_year, &previous);
    }
}
