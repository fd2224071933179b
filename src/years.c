/* years.c — the year each figure's money belongs to (see years.h).
 *
 * Figures are taken a group at a time: the figures of one sentence that
 * lie within REACH of the group's first.  The group's sentence, clipped to
 * a window around it, is read once for its year expressions: "in 2007",
 * "the 2019 defense budget", "fiscal 2026", "FY2025", "2024년도", "’20년",
 * "last year", 올해.  Each expression gets a role from the words around
 * it: it dates money (explicit, fiscal, relative), or it is a completion
 * target ("ready by 2029"), a completion or delivery date, a comparison
 * base ("up 4.1 percent from 2016"), a launch, signing or founding date
 * ("established in 1991") or a multi-year span ("from 2024 to 2028"),
 * none of which date an amount.  An expression written right beside a
 * figure belongs to it ("X in 2006 to Y in 2007", "올해(X)에 비해 Y"): a
 * comparison base keeps its year to itself, and in its clause only a
 * change, a list item or a breakdown in its parenthesis may share it.  A
 * figure takes the expression it owns, else the nearest dating expression
 * with the fewest clause breaks between (the paper's conversion skipped),
 * else the first dating year of the two sentences before it (a blank line
 * between paragraphs allowed, two not).  A full stop that lost its space
 * ("corporals.Starting") and 。 end sentences: the figure's sentence as
 * the splitter gives it (extract.c ends it at both, so that the window's
 * sentence is not searched for them again), the sentences before it as
 * the look back finds them.
 *
 * Every read stays inside the group's window (text[lo, hi), at most
 * BACK_REACH + 3 * REACH bytes, see years.h), and clause breaks are
 * counted once per window, so the work is linear in the text.
 *
 * Most bytes matter to none of this, so a sentence is read sixteen bytes
 * at a time (mark_sentence, with vector comparisons): the few that may
 * carry a break, a parenthesis or an anchor are noted, and those where an
 * expression may open, from which find_exprs goes to the next; the lists
 * behind a position are asked through the indexes of years_index.h.  An
 * English word or a small number is asked only when it stands a few
 * words before an anchor ("year", "month", "now", "currently"), which
 * every English expression but a year holds.
 */
#include "years.h"

#include "phrase.h"
#include "text.h"
#include "years_index.h"
#include "years_words.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef enum {
    ROLE_DATES,   /* the year the money belongs to */
    ROLE_TARGET,  /* a completion target: "by 2029" */
    ROLE_DONE,    /* a completion or delivery date: "completed in 2028" */
    ROLE_COMPARE, /* a comparison base: "from 2016", "전년 대비" */
    ROLE_LAUNCH,  /* a founding, launch or signing date: "signed in 2022" */
    ROLE_SPAN     /* a multi-year span: "2024-2028", "over five years" */
} role;

typedef struct {
    size_t start, end; /* the expression's bytes, in the window */
    int year;          /* 0 for a relative year without a publication date */
    ft_year_basis basis;
    role role;
    bool fy_short; /* "FY27": India names a fiscal year by its end */
} year_expr;

/* Sentences rarely hold more; the rest are ignored. */
#define MAX_EXPRS 32
/* How far back a figure without a year of its own may look, in sentences
 * of the same paragraph. */
#define BACK_SENTENCES 2
/* How far from a figure, within its sentence, a year may date it. */
#define REACH 1024
/* How far before its sentence the look-back reads. */
#define BACK_REACH 2048
/* The most bytes of one sentence a group reads. */
#define WINDOW (3 * REACH)
/* How far back a parenthesis is looked for. */
#define PAREN_REACH 200
/* How many neighbouring figures one window keeps track of. */
#define MAX_NEIGHBOURS 256

_Static_assert(REACH + BACK_REACH + REACH <= FT_YEARS_LOOK_BEFORE,
               "the reach before a figure is what years.h promises");
_Static_assert(WINDOW <= FT_YEARS_LOOK_AFTER,
               "the reach after a figure is what years.h promises");

/* Bytes at i equal the literal s (Hangul spellings). */
#define bytes_at(x, i, s) bytes_at_n((x), (i), (s), sizeof(s) - 1)

static bool bytes_at_n(ft_view x, size_t i, const char *s, size_t n)
{
    if (n == 3) {
        /* one character (most here): its three bytes one number, one
         * branch, where memcmp compares two, then one (and most
         * punctuation past ASCII shares its first two, E2 80) */
        if (i + 3 > x.len)
            return false;
        uint16_t t2, s2; /* the first two (either byte order: both) */
        memcpy(&t2, x.t + i, 2);
        memcpy(&s2, s, 2);
        return (t2 | (uint32_t)(unsigned char)x.t[i + 2] << 16) ==
               (s2 | (uint32_t)(unsigned char)s[2] << 16);
    }
    return i + n <= x.len && memcmp(x.t + i, s, n) == 0;
}

/* ft_phrase_at, its first byte tried here: most tries end there, and
 * the call costs more than the byte. */
static inline size_t phrase_at(ft_view x, size_t i, const char *p)
{
    unsigned char c = (unsigned char)p[0];
    if (c != ' ') {
        if (ft_ascii_fold(ft_view_at(x, i)) != c)
            return 0;
    } else if ((unsigned char)p[1] > ' ') {
        /* " years ago": a space (or a no-break one), then, after one
         * plain space, the phrase's next letter */
        unsigned char t0 = ft_view_at(x, i), t1 = ft_view_at(x, i + 1);
        if (!ft_ascii_space(t0) && t0 != 0xC2)
            return 0;
        if (t0 != 0xC2 && !ft_ascii_space(t1) && t1 != 0xC2 &&
            ft_ascii_fold(t1) != (unsigned char)p[1])
            return 0;
    }
    return ft_phrase_at(x.t, x.len, i, p);
}
#define PHRASE_AT(x, i, p) phrase_at((x), (i), (p))
#define PHRASE_BEFORE(x, end, p)                                               \
    ft_phrase_before((x).t, (x).len, (end), (ft_lit)FT_LIT(p))
/* A phrase of list just before end, its index asked first (see
 * QUICK_BEFORE_ANY). */
#define ANY_BEFORE(x, end, list)                                               \
    (QUICK_BEFORE_ANY((x), (end), list, NULL) != SIZE_MAX)
#define N_OF(a) (sizeof(a) / sizeof *(a))

/* Hangul spellings, UTF-8. */
#define K_NYEON "\xEB\x85\x84"              /* 년 */
#define K_DO "\xEB\x8F\x84"                 /* 도 (2024년도) */
#define K_KKAJI "\xEA\xB9\x8C\xEC\xA7\x80"  /* 까지 (by) */
#define K_BUTEO "\xEB\xB6\x80\xED\x84\xB0"  /* 부터 (from) */
#define K_HOEGYE "\xED\x9A\x8C\xEA\xB3\x84" /* 회계 (fiscal) */
#define K_JEON "\xEC\xA0\x84"               /* 전 (before: 2년 전) */
#define K_BAN "\xEB\xB0\x98"                /* 반 (half: 2년 반) */
#define K_EUNRO "\xEC\x9C\xBC\xEB\xA1\x9C"  /* 으로 (to) */
#define K_RO "\xEB\xA1\x9C"                 /* 로 (to) */

static bool hangul_lead(unsigned char c)
{
    return c >= 0xEA && c <= 0xED; /* the lead bytes of Hangul syllables */
}

/* The tables, for ft_years_table_*: one place that names them. */
static const struct {
    const char *name;
    const ft_lit *lits;         /* a list of phrases, or */
    const relative_word *words; /* a list of relative years */
    size_t n;
} tables[] = {
#define LITS(t)                                                                \
    {                                                                          \
#t, t, NULL, N_OF(t)                                                   \
    }
#define WORDS(t)                                                               \
    {                                                                          \
#t, NULL, t, N_OF(t)                                                   \
    }
    LITS(span_before),      LITS(other_period),
    LITS(target_words),     LITS(compare_words),
    LITS(launch_verbs),     LITS(deal_nouns),
    LITS(signing_verbs),    LITS(data_nouns),
    LITS(done_words),       LITS(time_conjunctions),
    LITS(korean_done),      LITS(korean_launch),
    LITS(korean_particles), LITS(korean_compare),
    LITS(korean_units),     LITS(korean_was),
    LITS(korean_span),      LITS(reach_words),
    LITS(recurring_after),  LITS(recurring_before),
    LITS(fiscal_before),    LITS(hedges),
    LITS(months),           WORDS(relative_words),
    WORDS(relative_korean), LITS(counts),
    LITS(span_leads),
#undef LITS
#undef WORDS
};

size_t ft_years_tables(void)
{
    return N_OF(tables);
}

const char *ft_years_table_name(size_t t)
{
    return t < N_OF(tables) ? tables[t].name : NULL;
}

size_t ft_years_table_len(size_t t)
{
    return t < N_OF(tables) ? tables[t].n : 0;
}

const char *ft_years_table_entry(size_t t, size_t k)
{
    if (t >= N_OF(tables) || k >= tables[t].n)
        return NULL;
    return tables[t].lits ? tables[t].lits[k].s : tables[t].words[k].w.s;
}

/* --------------------------------------------------------- small reads */

/* The clause break at i (ft_clause_break, phrase.h: the one definition
 * of a break), 0 past the window. */
static inline int clause_break(ft_view x, size_t i)
{
    return ft_clause_break(x.t, x.len, i);
}

/* ft_phrase_glued_stop, which only a full stop can be. */
static bool glued_stop(const char *t, size_t len, size_t i)
{
    return i < len && t[i] == '.' && ft_phrase_glued_stop(t, len, i);
}

/* A letter or digit: a byte of an English word or a number. */
static bool word_byte(unsigned char c)
{
    return ft_ascii_class[c] & (FT_ASCII_ALPHA | FT_ASCII_DIGIT);
}

static size_t skip_spaces(ft_view x, size_t i)
{
    while (ft_ascii_space(ft_view_at(x, i)))
        i++;
    return i;
}

/* The first phrase of list at i: its end, or 0. */
static size_t lit_at(ft_view x, size_t i, const ft_lit *list, size_t n)
{
    size_t best = 0;
    unsigned char c = ft_ascii_fold(ft_view_at(x, i));
    for (size_t k = 0; k < n; k++) {
        /* the first byte, from the table, rules out most phrases */
        unsigned char p0 = (unsigned char)list[k].s[0];
        if (p0 != c && p0 != ' ')
            continue;
        size_t e = PHRASE_AT(x, i, list[k].s);
        if (e > best)
            best = e;
    }
    return best;
}
#define LIT_AT(x, i, list) lit_at((x), (i), (list), N_OF(list))

/* ------------------------------------------------------ quick "no"s
 *
 * Most positions open or end no phrase of a list: the indexes of
 * years_index.h, made from the lists at build time (scripts/gen_years_index.c),
 * say so from two bytes, before a list is read. */

/* May a phrase of the index open at i?  False only when none can. */
static inline bool may_open(const years_index *ix, ft_view x, size_t i)
{
    size_t r = ix->row[ft_ascii_fold(ft_view_at(x, i))];
    if (!r)
        return ix->always;
    unsigned char c1 = ft_ascii_fold(ft_view_at(x, i + 1));
    return ix->always || (ix->second[r - 1][c1 >> 6] >> (c1 & 63) & 1);
}

/* Can entry k of an ender index's list end at j, by its tail (a byte it
 * must find, years_index)?  False only when it cannot. */
static inline bool tail_fits(const years_index *ix, ft_view x, size_t j,
                             size_t k)
{
    size_t last = ix->tails[k][0];
    unsigned char byte = ix->tails[k][1];
    if (ix->tails[k][2] == TAIL_FIRST)
        return j >= last && ft_ascii_fold((unsigned char)x.t[j - last]) == byte;
    if (ix->tails[k][2] != TAIL_BEFORE)
        return true;
    if (j < last + 1 || !ft_ascii_space((unsigned char)x.t[j - last - 1]))
        return false;
    size_t i = ft_phrase_trim_back(x.t, j - last - 1);
    return i > 0 && ft_ascii_fold((unsigned char)x.t[i - 1]) == byte;
}

/* The first of the entries m of list (ix its ender index) that ends at j:
 * where it starts, or SIZE_MAX; *which (when not NULL) gets its index. */
static size_t first_ending_at(const years_index *ix, ft_view x, size_t j,
                              const ft_lit *list, uint64_t m, size_t *which)
{
    for (; m; m &= m - 1) {
        size_t k = (size_t)__builtin_ctzll(m);
        if (!tail_fits(ix, x, j, k))
            continue;
        size_t start = ft_phrase_ending_at(x.t, x.len, j, list[k]);
        if (start != SIZE_MAX) {
            if (which)
                *which = k;
            return start;
        }
    }
    return SIZE_MAX;
}

/* ft_phrase_before_any (the first phrase of list ending just before a
 * position, spaces skipped: j), the ender index ix asked first: only the
 * entries of its row, those whose last byte is the text's, are tried, in
 * the list's order.  Inlined (gcc would not): most calls end at the
 * index. */
__attribute__((always_inline)) static inline size_t
quick_ending_at(const years_index *ix, ft_view x, size_t j, const ft_lit *list,
                size_t n, size_t *which)
{
    /* j: spaces already skipped (ft_phrase_trim_back), which
     * ft_phrase_before_any does again for nothing */
    if (ix->always)
        return ft_phrase_before_any(x.t, x.len, j, list, n, which);
    if (j == 0 || j > x.len)
        return SIZE_MAX;
    size_t r = ix->row[ft_ascii_fold((unsigned char)x.t[j - 1])];
    if (!r)
        return SIZE_MAX;
    unsigned char c1 = j > 1 ? ft_ascii_fold((unsigned char)x.t[j - 2]) : 0;
    if (!(ix->second[r - 1][c1 >> 6] >> (c1 & 63) & 1))
        return SIZE_MAX;
    return first_ending_at(ix, x, j, list, ix->entries[r - 1], which);
}
#define QUICK_BEFORE_ANY(x, end, list, which)                                  \
    quick_ending_at(&end_##list, (x), ft_phrase_trim_back((x).t, (end)),       \
                    (list), N_OF(list), (which))
/* The same from a position whose spaces are skipped already: where the
 * readers of the words before a year ask many lists at one place. */
#define QUICK_ENDING_ANY(x, j, list, which)                                    \
    quick_ending_at(&end_##list, (x), (j), (list), N_OF(list), (which))
#define ANY_ENDING(x, j, list) (QUICK_ENDING_ANY(x, j, list, NULL) != SIZE_MAX)
#define PHRASE_ENDING(x, j, p)                                                 \
    ft_phrase_ending_at((x).t, (x).len, (j), (ft_lit)FT_LIT(p))

_Static_assert(sizeof anchors / sizeof *anchors <= 8,
               "a bit each in anchor_first");

/* Does one of the anchors of bits (those that start with the byte at i)
 * stand at i? */
static bool anchor_at(ft_view x, size_t i, unsigned bits)
{
    for (size_t k = 0; bits; k++, bits >>= 1) {
        if (!(bits & 1))
            continue;
        size_t q = 1;
        while (q < anchors[k].n && ft_ascii_fold(ft_view_at(x, i + q)) ==
                                       (unsigned char)anchors[k].s[q])
            q++;
        if (q == anchors[k].n)
            return true;
    }
    return false;
}

/* Does an anchor start at i?  anchor_first and anchor_second
 * (years_index.h) leave few bytes to try. */
static inline bool anchor_from(ft_view x, size_t i)
{
    unsigned bits = anchor_first[ft_view_at(x, i)] &
                    anchor_second[ft_ascii_fold(ft_view_at(x, i + 1))];
    return bits && anchor_at(x, i, bits);
}

/* Where the last anchor that starts in x[from, to) starts (letters
 * folded, inside a word or not), or SIZE_MAX. */
static size_t last_anchor(ft_view x, size_t from, size_t to)
{
    const unsigned char *t = (const unsigned char *)x.t;
    for (size_t i = to < x.len ? to : x.len; i-- > from;)
        if (anchor_first[t[i]] && anchor_from(x, i))
            return i;
    return SIZE_MAX;
}

/* The four bytes of x at i, byte k at bits 8k, folded (0 past the view's
 * end): at once (ft_ascii_fold4) where the view holds them. */
static inline uint32_t fold4(ft_view x, size_t i)
{
    if (i > x.len || x.len - i < 4) {
        uint32_t t = 0;
        for (size_t k = 0; k < 4; k++)
            t |= (uint32_t)ft_ascii_fold(ft_view_at(x, i + k)) << (8 * k);
        return t;
    }
    const unsigned char *p = (const unsigned char *)x.t + i;
    return ft_ascii_fold4(p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                          (uint32_t)p[3] << 24);
}

/* lit_at (the longest phrase of list at i) where may_open (its opener
 * index ix) holds: only the entries of the row of the text's byte, those
 * that open with it, are tried.  ix is one that OPEN() makes
 * (gen_years_index.c), the only kind with prefix4. */
static size_t lit_at_row(const years_index *ix, ft_view x, size_t i,
                         const ft_lit *list, size_t n)
{
    if (ix->always)
        return lit_at(x, i, list, n);
    size_t best = 0;
    size_t r = ix->row[ft_ascii_fold(ft_view_at(x, i))];
    /* the text's first four bytes, folded, as prefix4 has an entry's:
     * its first letters, up to a space (which may match a run), rule out
     * most entries before a call, with no branch a letter */
    uint32_t text4 = fold4(x, i);
    for (uint64_t m = ix->entries[r - 1]; m; m &= m - 1) {
        size_t k = (size_t)__builtin_ctzll(m);
        if ((text4 & ix->prefix4[k][1]) != ix->prefix4[k][0])
            continue;
        size_t e = ft_phrase_at(x.t, x.len, i, list[k].s);
        if (e > best)
            best = e;
    }
    return best;
}

/* The first phrase of list among the entries of mask m (a bit each, in
 * the list's order) at i: its end (*which: its entry), or 0.  As
 * lit_at_row, only the entries of the row of the text's byte are tried,
 * and of those only the ones whose first four bytes fit (ix: an OPEN()
 * index). */
static size_t first_at_row(const years_index *ix, ft_view x, size_t i,
                           const ft_lit *list, uint64_t m, size_t *which)
{
    if (!ix->always) {
        size_t r = ix->row[ft_ascii_fold(ft_view_at(x, i))];
        m &= r ? ix->entries[r - 1] : 0;
    }
    uint32_t text4 = fold4(x, i);
    for (; m; m &= m - 1) {
        size_t k = (size_t)__builtin_ctzll(m);
        if (!ix->always && (text4 & ix->prefix4[k][1]) != ix->prefix4[k][0])
            continue;
        size_t e = PHRASE_AT(x, i, list[k].s);
        if (e) {
            *which = k;
            return e;
        }
    }
    return 0;
}

/* A phrase of list at i, its index (years_index.h) asked first. */
#define QUICK_LIT_AT(x, i, list)                                               \
    (may_open(&open_##list, (x), (i))                                          \
         ? lit_at_row(&open_##list, (x), (i), (list), N_OF(list))              \
         : 0)

/* A parenthesis right at i ("(1조163억 원)"): its end, else i. */
static size_t skip_paren(ft_view x, size_t i)
{
    if (ft_view_at(x, i) != '(')
        return i;
    for (size_t k = i + 1; k < x.len && k < i + PAREN_REACH; k++)
        if (ft_view_at(x, k) == ')')
            return k + 1;
    return i;
}

/* korean_compare_after from a, its spaces skipped. */
static bool korean_compare_from(ft_view x, size_t a)
{
    size_t j = skip_paren(x, a);
    /* spaces after j only where a parenthesis was skipped (a is past
     * the spaces): else the second look would be the first again */
    return QUICK_LIT_AT(x, j, korean_compare) ||
           (j != a && QUICK_LIT_AT(x, skip_spaces(x, j), korean_compare));
}

/* A Korean comparison after position i: 대비, 보다, (X)에 비해, 과 비교.
 * Where no parenthesis stands after the spaces, only a comparison
 * there can: the index asked here rules out most (English text), and the
 * call costs more than the look. */
static inline bool korean_compare_after(ft_view x, size_t i)
{
    size_t a = skip_spaces(x, i);
    if (ft_view_at(x, a) != '(' && !may_open(&open_korean_compare, x, a))
        return false;
    return korean_compare_from(x, a);
}

/* A Korean comparison in the next few words of the clause from i: "(2009년의)
 * 집행률 8.6%보다". */
static bool korean_compare_soon(ft_view x, size_t i)
{
    int words = 0;
    for (size_t k = i; k < x.len && k < i + 48; k++) {
        unsigned char c = ft_view_at(x, k);
        if (c == ',' || c == ';' || c == ':' || c == '\n' ||
            (c == '.' && !ft_ascii_digit(ft_view_at(x, k + 1))))
            return false;
        if (c == ' ' && ++words > 4)
            return false;
        if (QUICK_LIT_AT(x, k, korean_compare))
            return true;
    }
    return false;
}

/* A Korean noun of list (ix its ender index) before j (spaces already
 * skipped), maybe with a particle. */
static bool korean_noun_ends(ft_view x, size_t j, const years_index *ix,
                             const ft_lit *list, size_t n)
{
    if (ANY_ENDING(x, j, korean_particles) && j >= 3 &&
        hangul_lead(ft_view_at(x, j - 3)) &&
        quick_ending_at(ix, x, ft_phrase_trim_back(x.t, j - 3), list, n,
                        NULL) != SIZE_MAX)
        return true;
    return quick_ending_at(ix, x, j, list, n, NULL) != SIZE_MAX;
}

/* korean_noun_ends, the last byte before j asked here: where neither
 * index has a row for it (English text), no noun nor particle ends
 * there, and the call costs more than the look. */
static inline bool korean_noun_before(ft_view x, size_t j,
                                      const years_index *ix, const ft_lit *list,
                                      size_t n)
{
    if (ix->always || end_korean_particles.always)
        return korean_noun_ends(x, j, ix, list, n);
    if (j == 0 || j > x.len) /* as quick_ending_at: none ends there */
        return false;
    unsigned char c = ft_ascii_fold((unsigned char)x.t[j - 1]);
    return (ix->row[c] || end_korean_particles.row[c]) &&
           korean_noun_ends(x, j, ix, list, n);
}
#define KOREAN_NOUN_BEFORE(x, end, list)                                       \
    korean_noun_before((x), (end), &end_##list, (list), N_OF(list))

/* before_possessive where the word before end (j >= 2: spaces skipped)
 * ends in s. */
static size_t before_owner(ft_view x, size_t end, size_t j)
{
    size_t k = SIZE_MAX;
    if (ft_view_at(x, j - 2) == '\'')
        k = j - 2;
    else if (j >= 4 && bytes_at(x, j - 4, "\xE2\x80\x99"))
        k = j - 4;
    if (k == SIZE_MAX)
        return end;
    while (k > 0 && ft_ascii_alpha(ft_view_at(x, k - 1)))
        k--;
    return k;
}

/* `end` moved back over a possessive ("the country's 2021 budget"), so
 * that the word before the owner decides.  Most words before end end in
 * no s: asked inline. */
static inline size_t before_possessive(ft_view x, size_t end)
{
    size_t j = ft_phrase_trim_back(x.t, end);
    if (j < 2 || ft_view_at(x, j - 1) != 's')
        return end;
    return before_owner(x, end, j);
}

/* --------------------------------------------------- year expressions */

/* Where the words before a date's year begin: back over a month and a day
 * ("adopted in December 2022", "signed on Dec. 4, 2022", "4 August
 * 2025"), so that the verb before the date decides its role. */
static size_t date_start(ft_view x, size_t s, size_t j)
{
    /* j: s, spaces skipped back */
    if (j > 0 && ft_view_at(x, j - 1) == ',')
        j = ft_phrase_trim_back(x.t, j - 1);
    size_t d = j; /* a day before the year: "Dec. 4, 2022" */
    while (d > 0 && ft_ascii_digit(ft_view_at(x, d - 1)))
        d--;
    if (d < j && j - d <= 2)
        j = ft_phrase_trim_back(x.t, d);
    size_t m = quick_ending_at(&end_months, x, j, months, N_OF(months), NULL);
    if (m == SIZE_MAX)
        return s;
    /* a day before the month: "4 August 2025" */
    size_t b = ft_phrase_trim_back(x.t, m);
    d = b;
    while (d > 0 && ft_ascii_digit(ft_view_at(x, d - 1)))
        d--;
    return d < b && b - d <= 2 ? d : m;
}

/* How many of the places v[0,n) (in order) are below k. */
static size_t places_below(const uint16_t *v, size_t n, size_t k)
{
    /* halved each time whichever way the place goes: the loop turns by n
     * alone, and the choice is a conditional move, no branch */
    if (n == 0)
        return 0;
    const uint16_t *base = v;
    while (n > 1) {
        size_t half = n / 2;
        base = base[half] < k ? base + half : base;
        n -= half;
    }
    return (size_t)(base - v) + (*base < k);
}

/* The clause breaks of the window's sentence x[ws, we), as mark_sentence
 * lists them (at: places from ws, in order): every place there where
 * clause_break finds one. */
typedef struct {
    const uint16_t *at;
    size_t n, ws, we;
} break_list;

/* How far back in its clause signed_in_clause looks for a verb. */
#define SIGN_REACH 80

/* A signing verb among the words of x[stop, top) (at most SIGN_REACH
 * bytes) after the last clause break or full stop there.  The bytes are
 * read sixteen at a time from the top down: their letters say where
 * words start, and only the few that may end a clause (a break's first
 * byte, phrase.h, or a full stop) are asked, last first; the words after
 * the first that does are the last asked, and of those only the ones
 * whose first two letters open a signing verb (signing_heads,
 * years_index.h).  no_breaks: x[stop, top) is
 * known to hold no clause break, only full stops are looked for. */
static bool signed_before(ft_view x, size_t stop, size_t top, bool no_breaks)
{
    enum { ROOM = (SIGN_REACH + 15) / 16 * 16 };
    if (top <= stop)
        return false;
    size_t n = top - stop;
    /* the bytes at b[at, 1 + ROOM), so that the top sixteen are whole;
     * before them the byte before stop (which says whether a word there
     * starts), after them the byte after top (whether a space there may
     * break).  Read in place where the view holds all of b[0, 2 + ROOM),
     * x.t[stop - at, top]: stop >= 1 + ROOM > at and top < x.len (the
     * bytes before at are then text, not zeros, but of them only the byte
     * before stop goes into a bit that live keeps); else copied, zeros
     * elsewhere (as past the view's end) */
    size_t at = 1 + ROOM - n;
    unsigned char copy[1 + ROOM + 1];
    const unsigned char *b = copy;
    if (stop >= 1 + ROOM && top < x.len) {
        b = (const unsigned char *)x.t + (stop - at);
    } else {
        size_t before = stop > 0, after = top < x.len;
        memset(copy, 0, sizeof copy);
        memcpy(copy + at - before, x.t + stop - before, before + n + after);
    }
    for (size_t c = 1 + ROOM - 16; c + 16 > at; c -= 16) {
        ft_bytes16 v = ft_load16(b + c), next = ft_load16(b + c + 1);
        ft_bytes16 m = (ft_bytes16)(v == '.'), word = {0};
        if (!no_breaks) {
#pragma GCC unroll 16
            for (size_t k = 0; k < N_OF(mark_alone); k++)
                if (sentence_marks[mark_alone[k]] & MARK_BREAK) /* not ( ) */
                    m |= (ft_bytes16)(v == mark_alone[k]);
#pragma GCC unroll 16
            for (size_t k = 0; k < N_OF(break_words); k++)
                word |= (ft_bytes16)(next == break_words[k]);
            m |= (ft_bytes16)(v == ' ') & word;
        }
        unsigned live = c >= at ? 0xFFFFu : 0xFFFFu << (at - c) & 0xFFFFu;
        unsigned letters = ft_bits16(ft_letters16(v));
        ft_bytes16 lv = v | 0x20, ln = next | 0x20, heads = {0};
#pragma GCC unroll 16
        for (size_t k = 0; k < N_OF(signing_heads); k++)
            heads |= (ft_bytes16)(lv == signing_heads[k][0]) &
                     (ft_bytes16)(ln == signing_heads[k][1]);
        unsigned starts = letters & ft_bits16(heads) &
                          ~(letters << 1 | ft_ascii_alpha(b[c - 1])) & live;
        /* the last break or stop here: the words before it are another
         * clause's */
        bool ended = false;
        for (unsigned e = ft_bits16(m) & live; e && !ended;
             e &= ~(1u << (31 - __builtin_clz(e)))) {
            unsigned k = 31u - (unsigned)__builtin_clz(e);
            if (b[c + k] == '.' ||
                (!no_breaks && clause_break(x, stop + c + k - at) > 0)) {
                ended = true;
                starts &= ~0u << k;
            }
        }
        for (; starts; starts &= starts - 1)
            if (QUICK_LIT_AT(x, stop + c + (size_t)__builtin_ctz(starts) - at,
                             signing_verbs))
                return true;
        if (ended)
            return false;
    }
    return false;
}

/* A signing verb earlier in the clause of the year at s ("Poland signed
 * a $6 billion deal for 180 tanks in 2022"), or a Korean one after it
 * (2022년 ... 계약을 체결했다): the year is the deal's, not its money's. */
static bool signed_in_clause(ft_view x, size_t s, const break_list *brk)
{
    /* nothing stands at or past the view's end */
    size_t top = s < x.len ? s : x.len;
    size_t stop = s > SIGN_REACH ? s - SIGN_REACH : 0;
    /* within the window's sentence its list says where the last break
     * is: the look starts after it, and only full stops are left to
     * find */
    bool listed = brk && stop >= brk->ws && top <= brk->we;
    if (listed) {
        size_t q = places_below(brk->at, brk->n, top - brk->ws);
        if (q > 0 && brk->ws + brk->at[q - 1] >= stop)
            stop = brk->ws + brk->at[q - 1] + 1;
    }
    if (signed_before(x, stop, top, listed))
        return true;
    size_t e = s;
    while (ft_ascii_digit(ft_view_at(x, e)))
        e++;
    if (!bytes_at(x, e, K_NYEON))
        return false;
    for (size_t k = e; k < x.len && k - e < 60; k++) {
        if (clause_break(x, k) > 0 || ft_view_at(x, k) == '.')
            break;
        if (QUICK_LIT_AT(x, k, korean_launch))
            return true;
    }
    return false;
}

/* The dash of a span at i ("-", "~", "–", "∼", "～", "/"): its end, or 0. */
static size_t dash_at(ft_view x, size_t i)
{
    unsigned char c = ft_view_at(x, i);
    if (c == '-' || c == '~' || c == '/')
        return i + 1;
    if (c < 0xE2) /* the others' lead bytes: most bytes go no further */
        return 0;
    if (bytes_at(x, i, "\xE2\x80\x93") || bytes_at(x, i, "\xE2\x88\xBC") ||
        bytes_at(x, i, "\xEF\xBD\x9E"))
        return i + 3;
    return 0;
}

/* Korean units (or a space and one) at i: the digits before are an
 * amount.  Inline: after most years the index says no at once. */
static inline bool korean_unit_at(ft_view x, size_t i)
{
    return QUICK_LIT_AT(x, i, korean_units) ||
           (ft_view_at(x, i) == ' ' && QUICK_LIT_AT(x, i + 1, korean_units));
}

/* The far end of a span at i: a standalone two- or four-digit year (not
 * "24.49", "24%", 2000억).  Returns its end, or 0; *far gets the year as
 * written (two digits or four). */
static size_t span_end_at(ft_view x, size_t i, bool two_ok, int *far)
{
    if (bytes_at(x, i, "\xE2\x80\x99") || ft_view_at(x, i) == '\'')
        i += ft_view_at(x, i) == '\'' ? 1 : 3; /* 2013∼’17 */
    size_t d = i;
    int v = 0;
    for (; ft_ascii_digit(ft_view_at(x, d)); d++)
        if (d - i < 4) /* only two or four digits are a year: no overflow */
            v = v * 10 + (ft_view_at(x, d) - '0');
    if (!(d - i == 4 || (two_ok && d - i == 2)))
        return 0;
    unsigned char n = ft_view_at(x, d);
    if (ft_ascii_alpha(n) || n == '%' ||
        ((n == '.' || n == ',') && ft_ascii_digit(ft_view_at(x, d + 1))) ||
        korean_unit_at(x, d))
        return 0;
    if (d - i == 4 && (v < 1900 || v > 2099))
        return 0;
    *far = v;
    return d;
}

/* The role of a year written at [s,e) from the words around it.  A span
 * that is one fiscal year ("2023-24", "2029-30", "2023/2024") sets
 * *fiscal and dates; any other span's end goes to *span_end. */
static role year_role(ft_view x, size_t s, size_t e, int year, size_t *span_end,
                      bool *fiscal, const break_list *brk)
{
    /* Korean particles after the year: 2029년까지, 2026년부터, 2016년 대비 */
    size_t k = e;
    if (bytes_at(x, k, K_NYEON)) {
        k += 3;
        if (bytes_at(x, k, K_DO))
            k += 3;
        if (bytes_at(x, k, K_KKAJI))
            return ROLE_TARGET;
        if (bytes_at(x, k, K_BUTEO) ||
            bytes_at(x, skip_spaces(x, k), "\xEC\x9D\xB4\xED\x9B\x84"))
            return ROLE_SPAN; /* 2026년부터, 2000년 이후 */
        if (bytes_at(x, k, "\xEC\x9D\x98") && korean_compare_soon(x, k + 3))
            return ROLE_COMPARE; /* 2009년의 집행률 8.6%보다 */
    }
    if (korean_compare_after(x, k) ||
        (k > e &&
         (bytes_at(x, k, "\xEC\x99\x80") || bytes_at(x, k, "\xEA\xB3\xBC") ||
          bytes_at(x, k, "\xEC\x97\x90")) &&
         korean_compare_after(x, k + 3)))
        return ROLE_COMPARE; /* 2024년보다, 2024년과 비교해 */
    /* a span: 2024-2028, 2020~2024, 2019 –2023, 2024 to 2028, between
     * 2020 and 2025 */
    /* the words before are asked from where their spaces end */
    size_t ts = ft_phrase_trim_back(x.t, s);
    bool between = PHRASE_ENDING(x, ts, "between") != SIZE_MAX;
    size_t j = skip_spaces(x, e), p = dash_at(x, j);
    bool dash = p != 0;
    if (dash) {
        p = skip_spaces(x, p);
    } else {
        p = PHRASE_AT(x, e, " to ");
        if (!p)
            p = PHRASE_AT(x, e, " through ");
        if (!p && between)
            p = PHRASE_AT(x, e, " and ");
    }
    int far = 0;
    size_t d = p ? span_end_at(x, p, dash, &far) : 0;
    if (d) {
        int second = far < 100 ? year / 100 * 100 + far : far;
        *span_end = d;
        if (dash && second == year + 1 &&
            (far < 100 || ft_view_at(x, j) == '/')) {
            *fiscal = true; /* one fiscal year across two calendar years */
            return ROLE_DATES;
        }
        return ROLE_SPAN;
    }
    if (between || PHRASE_ENDING(x, ts, "since") != SIZE_MAX)
        return ROLE_SPAN;
    /* the far end of a span: "2024-2028", "from 2024 to 2028" */
    size_t b = ts;
    if (b > 0 && (ft_view_at(x, b - 1) == '-' || ft_view_at(x, b - 1) == '~'))
        b = ft_phrase_trim_back(x.t, b - 1);
    else if (b >= 3 && (bytes_at(x, b - 3, "\xE2\x80\x93") ||
                        bytes_at(x, b - 3, "\xE2\x88\xBC")))
        b = ft_phrase_trim_back(x.t, b - 3);
    if (b < ts && b > 0 && ft_ascii_digit(ft_view_at(x, b - 1)))
        return ROLE_SPAN;
    size_t where;
    if ((where = PHRASE_ENDING(x, ts, "to")) != SIZE_MAX ||
        (where = PHRASE_ENDING(x, ts, "through")) != SIZE_MAX ||
        (where = PHRASE_ENDING(x, ts, "and")) != SIZE_MAX) {
        size_t w = ft_phrase_trim_back(x.t, where);
        if (w >= 4 && ft_ascii_digit(ft_view_at(x, w - 1)) &&
            ft_ascii_digit(ft_view_at(x, w - 4)))
            return ROLE_SPAN;
    }
    size_t ds = date_start(x, s, ts);
    if (ds != s)
        ts = ft_phrase_trim_back(x.t, ds);
    s = ds;
    if (ANY_ENDING(x, ts, span_before))
        return ROLE_SPAN; /* "spend 1.5 trillion won through 2029" */
    if (ANY_ENDING(x, ts, target_words))
        return ROLE_TARGET;
    size_t from = PHRASE_ENDING(x, ts, "from");
    if (from != SIZE_MAX && ANY_BEFORE(x, from, data_nouns))
        return ROLE_DATES; /* "drawing on figures from 1999": their year */
    /* before an owner ("from the country's 2021 budget"): where there is
     * none, the same question again */
    size_t owner = before_possessive(x, s);
    if (ANY_ENDING(x, ts, compare_words) ||
        (owner != s &&
         QUICK_BEFORE_ANY(x, owner, compare_words, NULL) != SIZE_MAX))
        return ROLE_COMPARE;
    if (signed_in_clause(x, s, brk))
        return ROLE_LAUNCH; /* "Poland signed a $6 billion deal ... in 2022" */
    /* "launched in 2016", "signed, in December 2021, a deal", "a contract
     * in April 2013", "completed in 2028" */
    size_t in = PHRASE_ENDING(x, ts, "in");
    if (in == SIZE_MAX)
        in = PHRASE_ENDING(x, ts, "on"); /* "signed on Dec. 4, 2022" */
    /* v: where the words before "in" end (else ts), vc: that, a comma
     * before it skipped */
    size_t v = in != SIZE_MAX ? ft_phrase_trim_back(x.t, in) : ts;
    size_t vc = v;
    if (vc > 0 && ft_view_at(x, vc - 1) == ',')
        vc = ft_phrase_trim_back(x.t, vc - 1);
    /* (each place asked once: vc is v where no comma stands before it,
     * and v is ts where no "in" or "on" stands before the year) */
    if (ANY_ENDING(x, v, launch_verbs) ||
        (vc != v && ANY_ENDING(x, vc, launch_verbs)) ||
        (in != SIZE_MAX && ANY_ENDING(x, v, deal_nouns)) ||
        KOREAN_NOUN_BEFORE(x, ts, korean_launch))
        return ROLE_LAUNCH;
    if (ANY_ENDING(x, ts, done_words) ||
        (v != ts && ANY_ENDING(x, v, done_words)) ||
        KOREAN_NOUN_BEFORE(x, ts, korean_done))
        return ROLE_DONE;
    return ROLE_DATES;
}

/* Is the word before i (one space between) a name in capitals of three
 * letters or more, as events are named ("Seoul ADEX 2023")?  ("FY 2026"
 * has two.) */
static bool event_name_before(ft_view x, size_t i)
{
    if (i < 4 || ft_view_at(x, i - 1) != ' ')
        return false;
    size_t b = i - 1, a = b;
    while (a > 0 && ft_ascii_upper(ft_view_at(x, a - 1)))
        a--;
    return b - a >= 3 && !(a > 0 && ft_ascii_alpha(ft_view_at(x, a - 1)));
}

/* A four-digit year at i (1900..2099) standing alone: not part of a
 * longer number, an amount ("2,000", 2056억원, 1조2000억원) or a
 * percentage; "2020s" is a decade.  Returns its end or 0. */
static size_t year_at(ft_view x, size_t i, int *year)
{
    if (i > 0 &&
        (ft_ascii_digit(ft_view_at(x, i - 1)) ||
         ft_ascii_alpha(ft_view_at(x, i - 1)) ||
         ((ft_view_at(x, i - 1) == '.' || ft_view_at(x, i - 1) == ',') &&
          ft_ascii_digit(ft_view_at(x, i - 2)))))
        return 0;
    /* the four digits, read at once (past the view's end there are
     * none): each byte's high half 3 and, plus 6, still 3 (no carry
     * crosses a byte once every high half is 3) */
    if (i + 4 > x.len)
        return 0;
    uint32_t four;
    memcpy(&four, x.t + i, 4);
    if (!(((four & 0xF0F0F0F0u) == 0x30303030u) &
          (((four + 0x06060606u) & 0xF0F0F0F0u) == 0x30303030u)))
        return 0;
    if (event_name_before(x, i))
        return 0; /* "ADEX 2023", "RIMPAC 2022": the name of an event */
    unsigned char n = ft_view_at(x, i + 4);
    if (ft_ascii_digit(n) || ft_ascii_alpha(n) || n == '%' ||
        ((n == ',' || n == '.') && ft_ascii_digit(ft_view_at(x, i + 5))) ||
        korean_unit_at(x, i + 4))
        return 0;
    /* after 조 or 억 ("1조 2000억"): the lower part of an amount */
    size_t b = ft_phrase_trim_back(x.t, i);
    if (b >= 3 && (bytes_at(x, b - 3, "\xEC\xA1\xB0") ||
                   bytes_at(x, b - 3, "\xEC\x96\xB5")))
        return 0;
    int y = (x.t[i] - '0') * 1000 + (x.t[i + 1] - '0') * 100 +
            (x.t[i + 2] - '0') * 10 + (x.t[i + 3] - '0');
    if (y < 1900 || y > 2099)
        return 0;
    size_t j = skip_spaces(x, i + 4);
    if (PHRASE_AT(x, j, "percent") || PHRASE_AT(x, j, "per cent"))
        return 0;
    *year = y;
    return i + 4;
}

/* An abbreviated year: "’20년도", "'17년", "in ’24".  i is at the
 * apostrophe; returns the end of the digits, or 0. */
static size_t short_year_at(ft_view x, size_t i, int *year)
{
    size_t j = ft_view_at(x, i) == '\''         ? i + 1
               : bytes_at(x, i, "\xE2\x80\x99") ? i + 3
                                                : 0;
    if (!j || !ft_ascii_digit(ft_view_at(x, j)) ||
        !ft_ascii_digit(ft_view_at(x, j + 1)) ||
        ft_ascii_digit(ft_view_at(x, j + 2)))
        return 0;
    unsigned char n = ft_view_at(x, j + 2);
    bool korean = bytes_at(x, j + 2, K_NYEON);
    /* English: only as a word of its own, "in ’24", "the '24 budget" */
    unsigned char p = i > 0 ? ft_view_at(x, i - 1) : ' ';
    if (!korean &&
        (ft_ascii_alpha(n) || n == '%' || n >= 0x80 ||
         ((n == '.' || n == ',') && ft_ascii_digit(ft_view_at(x, j + 3))) ||
         !(ft_ascii_space(p) || p == '(')))
        return 0;
    int yy = (x.t[j] - '0') * 10 + (x.t[j + 1] - '0');
    *year = yy < 50 ? 2000 + yy : 1900 + yy;
    return j + 2;
}

/* Is the year at [s,e) a fiscal year?  "fiscal 2026", "fiscal year
 * 2023-24", "FY2025", "the 2023 fiscal year", 2026회계연도. */
static bool is_fiscal(ft_view x, size_t s, size_t e)
{
    if (ANY_BEFORE(x, s, fiscal_before))
        return true;
    size_t j = skip_spaces(x, e);
    return PHRASE_AT(x, j, "fiscal") || PHRASE_AT(x, j, "financial year") ||
           bytes_at(x, e, K_HOEGYE) || bytes_at(x, j, K_HOEGYE);
}

/* "FY2025", "FY25", "FY 2025-26": the fiscal year glued to FY.  *is_short
 * is set for "FY27" alone. */
static size_t fy_at(ft_view x, size_t i, int *year, bool *is_short)
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
    *is_short = true;
    /* "FY2025-26": the first year names it */
    if (ft_view_at(x, d) == '-' && ft_ascii_digit(ft_view_at(x, d + 1)) &&
        ft_ascii_digit(ft_view_at(x, d + 2))) {
        *is_short = false;
        d += ft_ascii_digit(ft_view_at(x, d + 3)) &&
                     ft_ascii_digit(ft_view_at(x, d + 4))
                 ? 5
                 : 3;
    }
    return d;
}

/* A relative year at i, English or Korean: its end, or 0. */
static size_t relative_at(ft_view x, size_t i, int *offset)
{
    unsigned char c = ft_view_at(x, i);
    if (c >= 0x80) {
        /* Korean: not inside a longer word (지난해 in 지난해는 is fine,
         * but the syllable before must not be Hangul: 예전년 is not 전년) */
        if (i >= 3 && hangul_lead(ft_view_at(x, i - 3)))
            return 0;
        /* the words that open with the bytes at i, in the list's order
         * (open_relative_korean, years_index.h) */
        size_t r = open_relative_korean.row[c];
        if (!r || !may_open(&open_relative_korean, x, i))
            return 0;
        for (uint64_t m = open_relative_korean.entries[r - 1]; m; m &= m - 1) {
            const relative_word *w = &relative_korean[__builtin_ctzll(m)];
            size_t e = PHRASE_AT(x, i, w->w.s);
            if (e) {
                *offset = w->offset;
                return e;
            }
        }
        return 0;
    }
    if (i > 0 && ft_ascii_alpha(ft_view_at(x, i - 1)))
        return 0;
    /* the words that open with the bytes at i, in the list's order
     * (open_relative_words, years_index.h) */
    size_t r = open_relative_words.row[ft_ascii_fold(c)];
    if (!r || !may_open(&open_relative_words, x, i))
        return 0;
    for (uint64_t m = open_relative_words.entries[r - 1]; m; m &= m - 1) {
        const relative_word *w = &relative_words[__builtin_ctzll(m)];
        size_t e = PHRASE_AT(x, i, w->w.s);
        if (e) {
            *offset = w->offset;
            if (ft_view_at(x, e) == '\'' &&
                ft_ascii_fold(ft_view_at(x, e + 1)) == 's')
                e += 2; /* "last year's" */
            else if (bytes_at(x, e, "\xE2\x80\x99") &&
                     ft_ascii_fold(ft_view_at(x, e + 3)) == 's')
                e += 4; /* "last year’s" */
            return e;
        }
    }
    return 0;
}

/* "two years ago", "3 years ago", "2년 전": a relative year some years
 * back.  Returns its end, or 0. */
static size_t years_ago_at(ft_view x, size_t i, int *offset)
{
    size_t j = i;
    int n = 0;
    while (ft_ascii_digit(ft_view_at(x, j)) && j - i < 2)
        n = n * 10 + (ft_view_at(x, j++) - '0');
    if (j == i) { /* a number in words: "two" to "ten" (counts[0..8]) */
        uint64_t two_to_ten = (UINT64_C(1) << 9) - 1;
        size_t k = 0;
        size_t w = first_at_row(&open_counts, x, i, counts, two_to_ten, &k);
        if (w)
            n = (int)k + 2;
        size_t e = w ? PHRASE_AT(x, w, " years ago") : 0;
        if (e)
            *offset = -n;
        return e;
    }
    if (ft_ascii_digit(ft_view_at(x, j)) || n == 0)
        return 0;
    if (bytes_at(x, j, K_NYEON)) {
        size_t k = skip_spaces(x, j + 3);
        if (bytes_at(x, k, K_JEON) && !hangul_lead(ft_view_at(x, k + 3))) {
            *offset = -n;
            return k + 3;
        }
        return 0;
    }
    size_t e = PHRASE_AT(x, j, " years ago");
    if (!e)
        e = PHRASE_AT(x, j, " year ago");
    if (!e)
        return 0;
    *offset = -n;
    return e;
}

/* The role of a relative year: a comparison base when it follows "from",
 * "than", "over" or precedes 대비/보다/에 비해 ("up 5 percent from a year
 * earlier", 전년 대비, 올해(X)에 비해). */
static role relative_role(ft_view x, size_t s, size_t e)
{
    /* "from this year's 59.4 trillion won": the possessive dates the
     * amount it owns, whatever that amount is compared with */
    if (e >= 2 && x.t[e - 1] == 's' &&
        (x.t[e - 2] == '\'' || (unsigned char)x.t[e - 2] == 0x99))
        return ROLE_DATES;
    if (QUICK_BEFORE_ANY(x, s, compare_words, NULL) != SIZE_MAX)
        return ROLE_COMPARE;
    size_t j = e;
    if (bytes_at(x, j, K_DO))
        j += 3; /* 전년도보다 */
    if (korean_compare_after(x, j))
        return ROLE_COMPARE;
    if (bytes_at(x, j, "\xEC\x97\x90") || bytes_at(x, j, "\xEC\x99\x80") ||
        bytes_at(x, j, "\xEA\xB3\xBC") || bytes_at(x, j, "\xEC\x9D\x98"))
        j += 3; /* 올해에, 올해와, 올해의 */
    if (korean_compare_after(x, e) || korean_compare_after(x, j))
        return ROLE_COMPARE;
    /* "a year earlier" is almost always a base */
    if (PHRASE_AT(x, s, "a year earlier") || PHRASE_AT(x, s, "a year ago"))
        return ROLE_COMPARE;
    return ROLE_DATES;
}

/* A span of several years at i, which makes an amount a total over them:
 * "five-year", "5-year", "multi-year", "over the next five years", "over
 * two years", "over the 18 months", "in just three years", "5년간", "2년
 * 반 사이".  Returns its end or 0. */
static size_t multi_year_at(ft_view x, size_t i)
{
    size_t j = i;
    if (ft_ascii_digit(ft_view_at(x, j))) {
        while (ft_ascii_digit(ft_view_at(x, j)))
            j++;
        if (j - i > 2)
            return 0;
        if (bytes_at(x, j, K_NYEON)) { /* 5년간, 5년 동안, 2년 반 사이 */
            size_t k = skip_spaces(x, j + 3);
            if (bytes_at(x, k, K_BAN))
                k = skip_spaces(x, k + 3);
            size_t e = QUICK_LIT_AT(x, k, korean_span);
            if (!e && k == j + 3)
                return 0;
            return e;
        }
    } else {
        size_t lead = QUICK_LIT_AT(x, j, span_leads);
        if (lead) { /* "over the next five years", "over the 18 months" */
            size_t k = skip_spaces(x, lead);
            size_t w = QUICK_LIT_AT(x, k, counts);
            if (!w) {
                while (ft_ascii_digit(ft_view_at(x, k)) && k - lead < 3)
                    k++;
                w = k;
            }
            if (w == skip_spaces(x, lead))
                return 0;
            size_t e = PHRASE_AT(x, w, " years");
            return e ? e : PHRASE_AT(x, w, " months");
        }
        size_t e = QUICK_LIT_AT(x, j, counts);
        if (!e)
            return 0;
        j = e;
        if (PHRASE_AT(x, j, "year") || PHRASE_AT(x, j, "years"))
            return 0; /* "multiyear" is one word */
    }
    if (ft_view_at(x, j) != '-' && ft_view_at(x, j) != ' ')
        return 0;
    size_t e = PHRASE_AT(x, j + 1, "year");
    if (!e || ft_view_at(x, e) == '-') /* "five-year-old" */
        return 0;
    return e;
}

/* May the number at i open an expression: four digits (year_at), or one
 * or two before a space, a dash or 년 ("5 years ago", "5-year", "5년간",
 * years_ago_at and multi_year_at)?  Most numbers are amounts, which this
 * rules out from their digits and the byte after them. */
static bool may_open_number(ft_view x, size_t i)
{
    size_t d = i;
    while (d < i + 5 && ft_ascii_digit(ft_view_at(x, d)))
        d++;
    if (d - i == 4)
        return true;
    if (d - i > 2)
        return false;
    unsigned char n = ft_view_at(x, d);
    /* a space as a phrase reads it (phrase.h: a no-break one too), a dash,
     * the lead byte of 년 */
    return ft_ascii_space(n) || n == 0xC2 || n == '-' ||
           n == (unsigned char)K_NYEON[0];
}

/* The digits at i followed by 년 ("5년간", "2년 전"), whose expressions
 * hold no anchor. */
static bool digits_then_nyeon(ft_view x, size_t i)
{
    while (ft_ascii_digit(ft_view_at(x, i)))
        i++;
    return bytes_at(x, i, K_NYEON);
}

/* The sixteen bytes at p (p[16] read too), a bit each: *alnum the ASCII
 * letters and digits, *starts the digits and the Fs before a Y (fy_at),
 * *letters the letters, *always the apostrophes before a digit, the lead
 * bytes of ’ (short_year_at: E2 80, with “ and ”) and those past ASCII
 * whose next byte may go on to a word of open_year_words
 * (year_word_heads, years_index.h: 올해, 지난해); find_exprs steps over
 * any other.  Signed comparisons leave the bytes past ASCII out of the
 * ASCII ranges. */
static inline void classify16(const unsigned char *p, unsigned *alnum,
                              unsigned *starts, unsigned *letters,
                              unsigned *always)
{
    ft_bytes16 u = ft_load16(p), next = ft_load16(p + 1);
    ft_sbytes16 v = (ft_sbytes16)u, lv = v | 0x20;
    ft_sbytes16 n = (ft_sbytes16)next, ln = n | 0x20;
    ft_sbytes16 letter = (lv > 'a' - 1) & (lv < 'z' + 1);
    ft_sbytes16 digit = (v > '0' - 1) & (v < '9' + 1);
    ft_sbytes16 digit_next = (n > '0' - 1) & (n < '9' + 1);
    *alnum = ft_bits16((ft_bytes16)(letter | digit));
    *starts = ft_bits16((ft_bytes16)(digit | ((lv == 'f') & (ln == 'y'))));
    *letters = ft_bits16((ft_bytes16)letter);
    *always = ft_bits16((ft_bytes16)((v == '\'') & digit_next));
    /* 0xC0 and up (the top two bits set; unsigned: u + u wraps): most
     * English has none */
    if (ft_bits16(u & (u + u))) {
        ft_bytes16 m = (ft_bytes16)(u == 0xE2) & (ft_bytes16)(next == 0x80);
#pragma GCC unroll 16
        for (size_t k = 0; k < N_OF(year_word_heads); k++)
            m |= (ft_bytes16)(u == year_word_heads[k][0]) &
                 (ft_bytes16)(next == year_word_heads[k][1]);
        *always |= ft_bits16(m);
    }
}

/* Where the bytes of a sentence may open an expression, as find_exprs
 * reads them (a superset: whatever else find_exprs meets it steps over
 * without a look), a bit a byte from the sentence's start, 64 to a
 * word: in words, the letters that start a word and near has too (an
 * English word opens one only there); in others, the apostrophes before
 * a digit, the lead bytes past ASCII that may open one (’20, 올해), an F
 * before a Y (FY), and of the numbers that start a word only those
 * mark_numbers keeps.  mark_sentence fills them for the window's
 * sentence as it reads it. */
#define OPENER_WORDS (WINDOW / 64 + 1)
typedef struct {
    uint64_t words[OPENER_WORDS];
    uint64_t others[OPENER_WORDS];
    /* the words and numbers that start close enough before an anchor to
     * open an English expression: the last ANCHOR_WORDS + 1 word starts
     * at or before each (years_index.h counts the most an expression
     * holds before its anchor) */
    uint64_t near[OPENER_WORDS];
} opener_bits;

/* The bits of x[s,e) from base (s plus a multiple of 64) on, as
 * opener_bits has them: 64 bytes classified sixteen at a time. */
static void opens64(ft_view x, size_t s, size_t e, size_t base, uint64_t *words,
                    uint64_t *others)
{
    const unsigned char *p = (const unsigned char *)x.t + base;
    unsigned char rest[65];  /* and the byte after them (classify16) */
    if (x.len - base < 65) { /* zeros, which open nothing, past the view */
        memset(rest, 0, sizeof rest);
        memcpy(rest, p, x.len - base);
        p = rest;
    }
    uint64_t alnum = 0, starts = 0, letters = 0, always = 0;
    for (unsigned j = 0; j < 64; j += 16) {
        unsigned a, st, l, al;
        classify16(p + j, &a, &st, &l, &al);
        alnum |= (uint64_t)a << j;
        starts |= (uint64_t)st << j;
        letters |= (uint64_t)l << j;
        always |= (uint64_t)al << j;
    }
    uint64_t after_alnum =
        alnum << 1 | (base > s && word_byte((unsigned char)x.t[base - 1]));
    uint64_t in =
        e - base < 64 ? (UINT64_C(1) << (e - base)) - 1 : ~UINT64_C(0);
    *words = letters & ~after_alnum & in;
    *others = (always | (starts & ~after_alnum)) & in;
}

/* opens_at where no opener bits are kept: words open only before
 * words_from. */
static uint64_t opens_read(ft_view x, size_t s, size_t e, size_t base,
                           size_t words_from)
{
    uint64_t words, others;
    opens64(x, s, e, base, &words, &others);
    if (words_from <= base)
        return others;
    return others | (words & (words_from - base >= 64
                                  ? ~UINT64_C(0)
                                  : (UINT64_C(1) << (words_from - base)) - 1));
}

/* Bit j: the byte at base + j of x[s,e) may open an expression (base: s
 * plus a multiple of 64).  From pre when the window's sentence is read,
 * whose words are only those near an anchor (words_from is not read
 * then), two loads inline; else read (opens_read). */
__attribute__((always_inline)) static inline uint64_t
opens_at(ft_view x, size_t s, size_t e, size_t base, size_t words_from,
         const opener_bits *pre)
{
    if (pre) {
        size_t k = (base - s) / 64;
        return pre->others[k] | pre->words[k];
    }
    return opens_read(x, s, e, base, words_from);
}

/* May an English word, or a number of a digit or two, at i of x[s,e) open
 * an expression ("last year", "over the next five years", "5-year", "two
 * years ago")?  Each holds an anchor: with the opener bits (pre), at
 * most ANCHOR_WORDS words before one; else, before the last (anchor). */
static inline bool english_may_open(const opener_bits *pre, size_t s,
                                    size_t anchor, size_t i)
{
    if (pre)
        return pre->near[(i - s) / 64] >> ((i - s) % 64) & 1;
    return anchor != SIZE_MAX && i <= anchor;
}

/* Every year expression in x[s,e).  anchor: the last anchor that starts
 * in x[s, x.len), or SIZE_MAX; pre and brk (or NULL): the opener bits and
 * the clause breaks of the window's sentence, when x[s,e) is it. */
static size_t find_exprs(ft_view x, size_t s, size_t e, int published_year,
                         size_t anchor, const opener_bits *pre,
                         const break_list *brk, year_expr *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *t = (const unsigned char *)x.t; /* e <= x.len */
    /* after the last anchor, no English word opens an expression but FY */
    size_t words_from = anchor == SIZE_MAX ? 0 : anchor + 1;
    size_t base = s; /* the 64 bytes opens_at marked in bits */
    uint64_t bits = s < e ? opens_at(x, s, e, s, words_from, pre) : 0;
    for (size_t i = s; i < e && n < cap;) {
        /* on to the next byte that may open an expression */
        if (i - base >= 64) {
            base = s + (i - s) / 64 * 64;
            bits = opens_at(x, s, e, base, words_from, pre);
        }
        bits &= ~UINT64_C(0) << (i - base);
        while (!bits && base + 64 < e) {
            base += 64;
            bits = opens_at(x, s, e, base, words_from, pre);
        }
        if (!bits)
            break;
        i = base + (size_t)__builtin_ctzll(bits);
        unsigned char c = t[i];
        int y = 0, offset = 0;
        size_t end, span_end = 0;
        bool fiscal = false, is_short = false;
        year_expr ex = {0};
        if ((c == '\'' || c == 0xE2) && (end = short_year_at(x, i, &y))) {
            /* "’20년도", "in '24" */
            ex = (year_expr){i, end, y, FT_YEAR_EXPLICIT, ROLE_DATES, false};
            ex.role = year_role(x, i, end, y, &span_end, &fiscal, brk);
        } else if ((c < 0xC0) & !word_byte(c)) {
            /* (one test, no branch between its halves: the bytes here
             * are mostly letters and digits, for which both fail) */
            i++; /* spaces, punctuation and the inner bytes of a UTF-8
                  * character open nothing */
            continue;
        } else if ((i > s) & word_byte(ft_view_at(x, i - 1))) {
            /* (one test likewise; at i == s, the byte before s is in the
             * view or, s being 0, past its end: 0) */
            i++; /* inside a word or number */
            continue;
        } else if (c >= 0xC0 && c != 0xE2 &&
                   !may_open(&open_year_words, x, i)) {
            i++; /* a character that opens no word of a relative year or a
                  * span (below, the only expressions it could open) */
            continue;
        } else if (ft_ascii_digit(c) && !may_open_number(x, i)) {
            i++; /* an amount */
            continue;
        } else if (ft_ascii_digit(c) && (end = year_at(x, i, &y))) {
            ex = (year_expr){i, end, y, FT_YEAR_EXPLICIT, ROLE_DATES, false};
            ex.role = year_role(x, i, end, y, &span_end, &fiscal, brk);
            if (is_fiscal(x, i, end)) {
                fiscal = true;
                /* "the fiscal year 2023-24" is 2023, not a span */
                if (ex.role == ROLE_SPAN && span_end)
                    ex.role = ROLE_DATES;
            }
        } else if ((c == 'F' || c == 'f') &&
                   (end = fy_at(x, i, &y, &is_short))) {
            ex = (year_expr){i, end, y, FT_YEAR_FISCAL, ROLE_DATES, is_short};
            ex.role = year_role(x, i, end, y, &span_end, &fiscal, brk);
            if (ex.role == ROLE_SPAN)
                ex.role = ROLE_DATES;
        } else if (!ft_ascii_digit(c) &&
                   ((c < 0x80 && !english_may_open(pre, s, anchor, i)) ||
                    !may_open(&open_year_words, x, i))) {
            /* no word of a span or a relative year opens here: below,
             * only a digit opens an expression without one */
            i++;
            continue;
        } else if (ft_ascii_digit(c) && !english_may_open(pre, s, anchor, i) &&
                   !digits_then_nyeon(x, i)) {
            i++; /* no year after it: not "5 years ago" nor "5-year" */
            continue;
        } else if ((end = years_ago_at(x, i, &offset))) {
            /* "two years ago", "2년 전" */
            ex = (year_expr){i,
                             end,
                             published_year ? published_year + offset : 0,
                             published_year ? FT_YEAR_RELATIVE : FT_YEAR_NONE,
                             ROLE_DATES,
                             false};
        } else if ((end = multi_year_at(x, i))) {
            /* "a five-year buildup", "over the next five years", 5년간 */
            ex = (year_expr){i, end, 0, FT_YEAR_NONE, ROLE_SPAN, false};
        } else if ((ft_ascii_alpha(c) || c >= 0xEA) &&
                   (end = relative_at(x, i, &offset))) {
            ex = (year_expr){i,
                             end,
                             published_year ? published_year + offset : 0,
                             published_year ? FT_YEAR_RELATIVE : FT_YEAR_NONE,
                             ROLE_DATES,
                             false};
            ex.role = relative_role(x, i, end);
        } else {
            i++; /* nothing opens here */
            continue;
        }
        if (fiscal && ex.basis == FT_YEAR_EXPLICIT)
            ex.basis = FT_YEAR_FISCAL;
        if (span_end)
            end = ex.end = span_end;
        out[n++] = ex;
        i = end > i ? end : i + 1;
    }
    return n;
}

/* ------------------------------------------------------------ sentences */

/* The sentence start before position i (the previous sentence's end), or
 * 0: the start of the window. */
static size_t sentence_start_before(ft_view x, size_t i)
{
    /* every end below has one of these bytes before i (0x82: the last
     * of 。); most bytes are none, and one look-up sends them on */
    static const bool may_end[256] = {
        ['\n'] = true, ['.'] = true, ['!'] = true, ['?'] = true, [0x82] = true,
    };
    for (; i > 0; i--) {
        unsigned char c = ft_view_at(x, i - 1);
        if (!may_end[c])
            continue;
        if (c == '\n')
            return i;
        if (i >= 3 && bytes_at(x, i - 3, "\xE3\x80\x82")) /* 。 */
            return i;
        if ((c == '.' || c == '!' || c == '?') &&
            ft_ascii_space(ft_view_at(x, i)) &&
            !(i >= 3 && ft_ascii_alpha(ft_view_at(x, i - 2)) &&
              !ft_ascii_alpha(ft_view_at(x, i - 3)) &&
              ft_view_at(x, i - 2) >= 'A' && ft_view_at(x, i - 2) <= 'Z'))
            return i;
        if (glued_stop(x.t, x.len, i - 1))
            return i;
    }
    return 0;
}

/* ------------------------------------------------------------- windows */

/* A figure as the window sees it: offsets relative to the window. */
typedef struct {
    size_t start, end, pend; /* pend: the end of its conversion, if any */
    size_t index;            /* in the article's figures */
    int8_t base;  /* a comparison base ("from X", X보다): 1 or 0, -1 until
                   * asked (base_of) */
    size_t paren; /* its parenthesis, or SIZE_MAX */
} neighbour;

typedef struct {
    ft_view x;     /* text[lo, hi) */
    size_t lo;     /* where the window starts in the text */
    size_t ws, we; /* the clipped sentence, in the window */
    bool clipped;  /* the sentence starts before ws */
    /* the clause breaks of the sentence, in order: where (from ws) and
     * how strong (1 or 2); a sentence has few, so they are listed, not
     * counted at every byte */
    uint16_t brk_at[WINDOW];
    uint8_t brk_strength[WINDOW];
    size_t nbrk;
    /* the parentheses, open or shut, in order: where (from ws) */
    uint16_t paren_at[WINDOW];
    size_t nparen;
    year_expr ex[MAX_EXPRS];
    int owner[MAX_EXPRS]; /* the neighbour that owns each, or -1 */
    size_t paren[MAX_EXPRS];
    size_t nex;
    neighbour nb[MAX_NEIGHBOURS];
    size_t nnb;
    size_t anchor;     /* the last anchor that starts in the sentence */
    opener_bits opens; /* where its bytes may open an expression */
    /* the anchors that start in the sentence, in order (from ws) */
    uint16_t anchor_at[WINDOW];
    size_t nanchor;
    /* a bit a byte: its ASCII digits, its bytes 0xEB (the lead of 년) */
    uint64_t digits[OPENER_WORDS], nyeon[OPENER_WORDS];
} window;

/* Bit j: byte j of the sixteen at p (p[16] readable too) may carry a mark
 * that mark_sentence keeps: a byte noted whatever follows it (mark_alone),
 * a space before a letter that may open a break word (break_words), or
 * the first two letters of an anchor (either case: letters | 0x20 keeps
 * more, never fewer).  Most bytes of a sentence carry none, and sixteen
 * compared at once cost less than a look-up each. */
__attribute__((always_inline)) static inline unsigned
marks16(const unsigned char *p)
{
    ft_bytes16 v = ft_load16(p), next = ft_load16(p + 1);
    ft_bytes16 m = {0}, word = {0};
    /* unrolled, the lists' bytes become constants */
#pragma GCC unroll 16
    for (size_t k = 0; k < N_OF(mark_alone); k++)
        m |= (ft_bytes16)(v == mark_alone[k]);
#pragma GCC unroll 16
    for (size_t k = 0; k < N_OF(break_words); k++)
        word |= (ft_bytes16)(next == break_words[k]);
    m |= (ft_bytes16)(v == ' ') & word;
    ft_bytes16 lv = v | 0x20, ln = next | 0x20;
#pragma GCC unroll 16
    for (size_t k = 0; k < N_OF(anchor_heads); k++)
        m |= (ft_bytes16)(lv == anchor_heads[k][0]) &
             (ft_bytes16)(ln == anchor_heads[k][1]);
    return ft_bits16(m);
}

/* Note the byte k of the sentence, if it carries a mark. */
static inline void mark_byte(window *w, size_t k)
{
    const unsigned char *t = (const unsigned char *)w->x.t + w->ws;
    /* most marks are spaces (before a, b, t or w): asked first, their
     * mark is the table's (MARK_BREAK) without the look-up, and the
     * inlined ft_clause_break after it knows the byte is a space */
    unsigned mark = t[k] == ' ' ? MARK_BREAK : sentence_marks[t[k]];
    if (!mark)
        return;
    if (mark & MARK_BREAK) {
        int b = clause_break(w->x, w->ws + k);
        if (b > 0) {
            w->brk_at[w->nbrk] = (uint16_t)k;
            w->brk_strength[w->nbrk++] = (uint8_t)b;
        }
    } else if (mark & MARK_PAREN) {
        w->paren_at[w->nparen++] = (uint16_t)k;
    } else if (anchor_from(w->x, w->ws + k)) {
        w->anchor = w->ws + k;
        w->anchor_at[w->nanchor++] = (uint16_t)k;
    }
}

/* May the sixteen bytes at p (p[16] read too) set a bit of others,
 * digits or nyeon (mark16)?  Only a digit (an apostrophe opens only
 * before one), a byte of 0xC0 and up (’, 년 and the Hangul lead bytes)
 * or an F before a Y can: about half the sixteens of news text have
 * none, and this test costs a fraction of classify16. */
__attribute__((always_inline)) static inline bool
may_open16(const unsigned char *p)
{
    ft_bytes16 u = ft_load16(p), next = ft_load16(p + 1);
    ft_sbytes16 v = (ft_sbytes16)u;
    ft_bytes16 m =
        (ft_bytes16)((v > '0' - 1) & (v < '9' + 1)) |
        (u & (u + u)) | /* the top two bits: 0xC0 and up */
        ((ft_bytes16)((u | 0x20) == 'f') & (ft_bytes16)((next | 0x20) == 'y'));
    return ft_bits16(m) || ft_ascii_digit(p[16]);
}

/* mark_sentence's sixteen bytes at p (p[16] read too), those of the
 * sentence from k: the marks of those of live, and where they may open
 * an expression, but for the words (mark_near); *after: the byte before
 * them was a letter or digit. */
__attribute__((always_inline)) static inline void
mark16(window *w, const unsigned char *p, size_t k, unsigned live,
       unsigned *after)
{
    for (unsigned bits = marks16(p) & live; bits; bits &= bits - 1)
        mark_byte(w, k + (size_t)__builtin_ctz(bits));
    if (!may_open16(p)) {
        /* no bit to set: the arrays hold zeros there already */
        *after = word_byte(p[15]);
        return;
    }
    unsigned alnum, starts, letters, always;
    classify16(p, &alnum, &starts, &letters, &always);
    unsigned first = ~(alnum << 1 | *after);
    *after = alnum >> 15 & 1;
    w->digits[k / 64] |= (uint64_t)(alnum & ~letters & live) << (k % 64);
    unsigned eb = ft_bits16((ft_bytes16)(ft_load16(p) == K_NYEON[0]));
    w->nyeon[k / 64] |= (uint64_t)(eb & live) << (k % 64);
    w->opens.others[k / 64] |= (uint64_t)((always | (starts & first)) & live)
                               << (k % 64);
}

/* The bits of bits[] (a bit a place) in [lo, hi] set. */
static void set_bits(uint64_t *bits, size_t lo, size_t hi)
{
    for (size_t k = lo / 64; k <= hi / 64; k++) {
        uint64_t m = ~UINT64_C(0);
        if (k == lo / 64)
            m &= ~UINT64_C(0) << (lo % 64);
        if (k == hi / 64 && hi % 64 < 63)
            m &= (UINT64_C(1) << (hi % 64 + 1)) - 1;
        bits[k] |= m;
    }
}

/* opens.near and opens.words (zeros until then, mark_sentence) from the
 * sentence's anchors: before each anchor a, back over ANCHOR_WORDS + 1 starts
 * of a word or number (a letter or digit after none, or first in the sentence),
 * and of those the words'.  Anchors are few: the bytes before each are read one
 * by one. */
static void mark_near(window *w)
{
    const unsigned char *t = (const unsigned char *)w->x.t + w->ws;
    for (size_t q = 0; q < w->nanchor; q++) {
        size_t a = w->anchor_at[q], lo = 0, left = ANCHOR_WORDS + 1;
        for (size_t k = a + 1; k-- > 0;) {
            if (!word_byte(t[k]) || (k > 0 && word_byte(t[k - 1])))
                continue;
            if (ft_ascii_alpha(t[k]))
                w->opens.words[k / 64] |= UINT64_C(1) << (k % 64);
            if (--left == 0) {
                lo = k;
                break;
            }
        }
        set_bits(w->opens.near, lo, a);
    }
}

/* opens.others keeps of the numbers that start in the sentence only
 * those that may open an expression (may_open_number, english_may_open):
 * four digits, or one or two before an anchor near enough or before 년.
 * Most numbers are amounts, which the digits' bits rule out a word of
 * sixty-four bytes at a time. */
static void mark_numbers(window *w)
{
    size_t words = (w->we - w->ws + 63) / 64;
    uint64_t prev = 0; /* the digit bit before the word's first */
    for (size_t q = 0; q < words; q++) {
        uint64_t d = w->digits[q];
        if (!d) {
            prev = 0;
            continue;
        }
        uint64_t dn = q + 1 < words ? w->digits[q + 1] : 0;
        uint64_t en = q + 1 < words ? w->nyeon[q + 1] : 0;
        /* bit j: a digit, a 0xEB at j + k */
#define AFTER(b, bn, k) ((b) >> (k) | (bn) << (64 - (k)))
        uint64_t d1 = AFTER(d, dn, 1), d2 = AFTER(d, dn, 2);
        uint64_t start = d & ~(d << 1 | prev);
        /* four digits, kept; one or two, only near an anchor or before
         * 년, which most words have neither of (English text far from
         * "year"): then they are not worked out */
        uint64_t keep = start & d1 & d2 & AFTER(d, dn, 3) & ~AFTER(d, dn, 4);
        if (w->opens.near[q] | w->nyeon[q] | en) {
            uint64_t one = start & ~d1, two = start & d1 & ~d2;
            keep |= ((one | two) & w->opens.near[q]) |
                    (one & AFTER(w->nyeon[q], en, 1)) |
                    (two & AFTER(w->nyeon[q], en, 2));
        }
#undef AFTER
        prev = d >> 63;
        w->opens.others[q] &= ~d | keep;
    }
}

/* Zeros in the first `words` of bits (an array of OPENER_WORDS): most
 * sentences take four or fewer, cleared in a few stores where a memset
 * of their number would be a call. */
static inline void clear_bits(uint64_t *bits, size_t words)
{
    _Static_assert(OPENER_WORDS >= 4, "four words to clear");
    if (words <= 4)
        memset(bits, 0, 4 * sizeof *bits);
    else
        memset(bits, 0, words * sizeof *bits);
}

/* The clause breaks, the parentheses and the anchors of the window's
 * sentence, listed once, its last anchor, and its opener bits (opens:
 * words, others, then near and the numbers kept by mark_near and
 * mark_numbers). */
static void mark_sentence(window *w)
{
    size_t n = w->we - w->ws;
    _Static_assert(WINDOW <= 0x10000, "a place fits in 16 bits");
    w->anchor = SIZE_MAX;
    w->nbrk = w->nparen = w->nanchor = 0;
    clear_bits(w->opens.words, (n + 63) / 64);
    clear_bits(w->opens.others, (n + 63) / 64);
    clear_bits(w->opens.near, (n + 63) / 64);
    clear_bits(w->digits, (n + 63) / 64);
    clear_bits(w->nyeon, (n + 63) / 64);
    const unsigned char *t = (const unsigned char *)w->x.t + w->ws;
    unsigned after = 0;
    size_t k = 0;
    /* sixteen at a time while the byte after them is in the sentence */
    for (; k + 17 <= n; k += 16)
        mark16(w, t + k, k, 0xFFFFu, &after);
    if (k < n) {
        /* the rest, copied where zeros follow it, as the view's bytes
         * past its end read (ft_view_at) */
        unsigned char rest[17] = {0};
        memcpy(rest, t + k, n - k);
        mark16(w, rest, k, (1u << (n - k)) - 1, &after);
    }
    mark_near(w);
    mark_numbers(w);
}

static size_t clamp(size_t v, size_t lo, size_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The strongest clause break in [a,b), [sa,sb) left out. */
static int breaks_between(const window *w, size_t a, size_t b, size_t sa,
                          size_t sb)
{
    a = clamp(a, w->ws, w->we) - w->ws;
    b = clamp(b, w->ws, w->we) - w->ws;
    if (b <= a)
        return 0;
    sa = clamp(sa, w->ws, w->we) - w->ws;
    sb = clamp(sb, w->ws, w->we) - w->ws;
    size_t oa = sa > a ? sa : a, ob = sb < b ? sb : b;
    int most = 0;
    for (size_t q = places_below(w->brk_at, w->nbrk, a);
         q < w->nbrk && w->brk_at[q] < b && most < 2; q++)
        if (!(oa < ob && w->brk_at[q] >= oa && w->brk_at[q] < ob) &&
            w->brk_strength[q] > most)
            most = w->brk_strength[q];
    return most;
}

/* paren_of where the sentence has parentheses. */
static size_t listed_paren_of(const window *w, size_t i)
{
    size_t k =
        places_below(w->paren_at, w->nparen, clamp(i, w->ws, w->we) - w->ws);
    if (k == 0)
        return SIZE_MAX;
    size_t p = w->ws + w->paren_at[k - 1];
    if (i - p > PAREN_REACH || ft_view_at(w->x, p) == ')')
        return SIZE_MAX;
    return p;
}

/* The parenthesis that position i stands in, or SIZE_MAX.  Most
 * sentences have none: asked inline. */
static inline size_t paren_of(const window *w, size_t i)
{
    return w->nparen ? listed_paren_of(w, i) : SIZE_MAX;
}

/* Where the words before s end, back over hedges ("up from about X"),
 * spaces skipped; *start (when not NULL) gets where the first hedge
 * starts, else s. */
static inline size_t before_hedges(ft_view x, size_t s, size_t *start)
{
    size_t b = s, tb = ft_phrase_trim_back(x.t, s), h;
    while ((h = QUICK_ENDING_ANY(x, tb, hedges, NULL)) != SIZE_MAX) {
        b = h;
        tb = ft_phrase_trim_back(x.t, b);
    }
    if (start)
        *start = b;
    return tb;
}

/* Is the figure at [s,e) a comparison base: "up from X", "than X",
 * "X보다", "X에 비해", "X에서 Y로"? */
static bool is_base(ft_view x, size_t s, size_t pend)
{
    size_t b, tb = before_hedges(x, s, &b);
    size_t which = 0;
    size_t c = QUICK_ENDING_ANY(x, tb, compare_words, &which);
    size_t owner; /* before a possessive; b when there is none */
    if (c == SIZE_MAX && (owner = before_possessive(x, b)) != b)
        c = QUICK_BEFORE_ANY(x, owner, compare_words, &which);
    if (c != SIZE_MAX && strcmp(compare_words[which].s, "over") != 0 &&
        strcmp(compare_words[which].s, "against") != 0) {
        /* "over $5 billion" is a qualifier; "X against China's Y" sets
         * two of a kind side by side; "more than X" is a bound, but "20
         * percent more than X" a base */
        size_t m = PHRASE_BEFORE(x, c, "more");
        if (m == SIZE_MAX)
            m = PHRASE_BEFORE(x, c, "less");
        if (m == SIZE_MAX)
            return true;
        size_t q = ft_phrase_trim_back(x.t, m);
        return PHRASE_BEFORE(x, m, "percent") != SIZE_MAX ||
               (q > 0 && (ft_view_at(x, q - 1) == '%' ||
                          ft_ascii_digit(ft_view_at(x, q - 1))));
    }
    size_t j = pend;
    if (ft_view_at(x, j) == ')')
        j++; /* "올해(X)에 비해" */
    return korean_compare_after(x, j) || QUICK_LIT_AT(x, j, korean_was) ||
           QUICK_LIT_AT(x, skip_spaces(x, j), korean_was);
}

/* stop_word's rest: the stop words of row r of open_stop_words. */
static bool stop_word_of_row(ft_view x, size_t i, size_t e, size_t r)
{
    /* of those only the ones as long as the word (stop_words_by_length,
     * years_index.h: none from its end on) */
    size_t n = e - i;
    if (n >= N_OF(stop_words_by_length))
        return false;
    uint64_t m = open_stop_words.entries[r - 1] & stop_words_by_length[n];
    for (; m; m &= m - 1)
        if (PHRASE_AT(x, i, stop_words[__builtin_ctzll(m)].s))
            return true;
    return false;
}

/* Words that end ownership: the expression belongs to another relation.
 * Only the stop words that start with the byte at i (open_stop_words,
 * years_index.h) are asked, that byte here: most words start none, and
 * the call costs more than the look. */
static inline bool stop_word(ft_view x, size_t i, size_t e)
{
    size_t r = open_stop_words.row[ft_ascii_fold(ft_view_at(x, i))];
    return r && stop_word_of_row(x, i, e, r);
}

/* Is there a clause break in [a,b)?  Within the sentence, the list of
 * mark_sentence says; before it (the sentences look_back reads), each byte
 * is asked.  Past we the view ends: no break there. */
static bool breaks_in(const window *w, size_t a, size_t b)
{
    for (; a < b && a < w->ws; a++)
        if (clause_break(w->x, a) > 0)
            return true;
    if (b > w->we)
        b = w->we;
    if (a >= b)
        return false;
    size_t q = places_below(w->brk_at, w->nbrk, a - w->ws);
    return q < w->nbrk && w->brk_at[q] < b - w->ws;
}

/* The longest gap that may tie a year to a figure (tying_gap). */
#define TIE_REACH 48
_Static_assert(TIE_REACH % 16 == 0 && TIE_REACH < 64,
               "gap_bits reads whole sixteens into one word");

/* The n <= TIE_REACH bytes from a, a bit each (bit k: byte a + k, 0 past
 * the view's end, as ft_view_at reads it; bits from n on may be set too,
 * sixteen at a time): *sep the spaces and parentheses,
 * which end a word, *quote the double quotes, *heads where a phrase of
 * korean_compare may open (korean_compare_heads, years_index.h, | 0x20:
 * more, never fewer). */
static void gap_bits(ft_view x, size_t a, size_t n, uint64_t *sep,
                     uint64_t *quote, uint64_t *heads)
{
    /* the bytes and the one after them (a head's second byte): in place
     * where the view holds them all, else copied where zeros follow */
    unsigned char pad[TIE_REACH + 1];
    const unsigned char *p = (const unsigned char *)x.t + a;
    if (a > x.len || x.len - a < TIE_REACH + 1) {
        memset(pad, 0, sizeof pad);
        if (a < x.len)
            memcpy(pad, x.t + a, x.len - a);
        p = pad;
    }
    *sep = *quote = *heads = 0;
#pragma GCC unroll 3
    for (unsigned k = 0; k < n; k += 16) {
        ft_bytes16 v = ft_load16(p + k), next = ft_load16(p + k + 1);
        /* ft_ascii_space's bytes, and the parentheses */
        ft_bytes16 s = (ft_bytes16)(v == ' ') | (ft_bytes16)(v == '\t') |
                       (ft_bytes16)(v == '\n') | (ft_bytes16)(v == '\r') |
                       (ft_bytes16)(v == '(') | (ft_bytes16)(v == ')');
        *sep |= (uint64_t)ft_bits16(s) << k;
        *quote |= (uint64_t)ft_bits16((ft_bytes16)(v == '"')) << k;
        /* the heads open past ASCII (korean_compare_heads_ascii): most
         * gaps, English, have no such byte and no head */
        if (korean_compare_heads_ascii || ft_bits16(v)) {
            ft_bytes16 lv = v | 0x20, ln = next | 0x20, h = {0};
#pragma GCC unroll 16
            for (size_t q = 0; q < N_OF(korean_compare_heads); q++)
                h |= (ft_bytes16)(lv == korean_compare_heads[q][0]) &
                     (ft_bytes16)(ln == korean_compare_heads[q][1]);
            *heads |= (uint64_t)ft_bits16(h) << k;
        }
    }
}

/* Can the gap [a,b) tie a year to a figure: no clause break, no other
 * relation, at most max_words words?  Its bytes are classified at once
 * (gap_bits): a word is a run of bytes that are no space nor
 * parenthesis, from its first that is no double quote (a run of quotes
 * alone is none); only its bytes where a comparison may open are asked
 * for one. */
static bool tying_gap(const window *w, size_t a, size_t b, int max_words)
{
    if (b < a || b - a > TIE_REACH || breaks_in(w, a, b))
        return false;
    uint64_t sep, quote, heads;
    gap_bits(w->x, a, b - a, &sep, &quote, &heads);
    /* past the gap nothing is a word's: the runs end at b */
    uint64_t word = ~sep & ((UINT64_C(1) << (b - a)) - 1);
    int words = 0;
    for (uint64_t runs = word & ~(word << 1); runs; runs &= runs - 1) {
        uint64_t from = ~UINT64_C(0) << __builtin_ctzll(runs);
        unsigned e = (unsigned)__builtin_ctzll(~word & from);
        uint64_t run = from & ~(~UINT64_C(0) << e);
        if (!(run & ~quote))
            continue; /* quotes alone */
        uint64_t body = run & ~UINT64_C(0) << __builtin_ctzll(run & ~quote);
        /* the word, none of whose bytes may open a comparison (년보다,
         * 올해에 비해), nor it be a stop word */
        for (uint64_t h = heads & body; h; h &= h - 1)
            if (QUICK_LIT_AT(w->x, a + (size_t)__builtin_ctzll(h),
                             korean_compare))
                return false;
        if (stop_word(w->x, a + (size_t)__builtin_ctzll(body), a + e) ||
            ++words > max_words)
            return false;
    }
    return true;
}

/* Which neighbour owns each expression: the figure it is written right
 * beside ("X in 2006", "Y recorded this year", "the 2019 budget of X",
 * "올해(X)", "2012년의 X").  Korean writes a year before what it dates. */
static void find_owners(window *w)
{
    size_t m = 0;
    for (size_t k = 0; k < w->nex; k++) {
        const year_expr *e = &w->ex[k];
        w->owner[k] = -1;
        while (m < w->nnb && w->nb[m].pend <= e->start)
            m++;
        /* nb[m-1] ends before e; nb[m] is the first that does not */
        const neighbour *before = m > 0 ? &w->nb[m - 1] : NULL;
        const neighbour *after = m < w->nnb ? &w->nb[m] : NULL;
        if (after && after->start < e->end)
            after = m + 1 < w->nnb ? &w->nb[m + 1] : NULL;
        bool korean = ft_view_at(w->x, e->end) >= 0x80 ||
                      ft_view_at(w->x, e->start) >= 0x80;
        /* no other year between them */
        if (after && k + 1 < w->nex && w->ex[k + 1].start < after->start)
            after = NULL;
        if (before && k > 0 && w->ex[k - 1].end > before->pend)
            before = NULL;
        /* English says "this year's X", Korean "올해 예산 X" */
        if (after && tying_gap(w, e->end, after->start, korean ? 3 : 1)) {
            w->owner[k] = (int)(after - w->nb);
            /* "over last year's $855 million": the figure is a base */
            if (QUICK_BEFORE_ANY(w->x, e->start, compare_words, NULL) !=
                SIZE_MAX)
                w->nb[w->owner[k]].base = 1;
        }
        if (!korean && before && tying_gap(w, before->pend, e->start, 2))
            w->owner[k] = (int)(before - w->nb); /* "X in 2006 to Y" */
    }
}

/* Figures f and g joined as items of one list ("$5bn and $6bn in 2023",
 * "X원과 Y원"). */
static bool listed_together(const window *w, const neighbour *f,
                            const neighbour *g)
{
    const neighbour *a = f->start < g->start ? f : g;
    const neighbour *b = a == f ? g : f;
    /* items may carry a label: "병장이 100만원, 상병 80만원" */
    static const ft_lit joins[] = {
        FT_LIT("and"),          FT_LIT("or"),           FT_LIT("as well as"),
        FT_LIT("against"),      FT_LIT("versus"),       FT_LIT("vs"),
        FT_LIT("vs."),          FT_LIT("\xEB\xB0\x8F"), /* 및 */
        FT_LIT("\xEA\xB3\xBC"), FT_LIT("\xEC\x99\x80"), /* 과 와 */
    };
    size_t i = a->pend;
    if (b->start < i || b->start - i > 40)
        return false;
    bool joined = false;
    int words = 0;
    while (i < b->start) {
        unsigned char c = ft_view_at(w->x, i);
        size_t e;
        if (ft_ascii_space(c) || c == '\'' || c == 0x99) {
            i++;
        } else if (c == ',') {
            joined = true;
            i++;
        } else if ((e = LIT_AT(w->x, i, joins)) && e <= b->start) {
            joined = true;
            i = e;
        } else {
            e = i;
            while (e < b->start && !ft_ascii_space(ft_view_at(w->x, e)) &&
                   ft_view_at(w->x, e) != ',')
                e++;
            if (stop_word(w->x, i, e) || ++words > 2)
                return false;
            i = e;
        }
    }
    return joined;
}

/* Set up the window around figures [i, j) of one sentence. */
static void open_window(window *w, const char *text, size_t len,
                        const ft_figure *figs, size_t n, size_t i, size_t j,
                        int published_year)
{
    const ft_figure *first = &figs[i];
    size_t ss = first->sent_start, se = first->sent_end;
    if (se > len)
        se = len;
    size_t ws = first->start > REACH ? first->start - REACH : 0;
    if (ws < ss)
        ws = ss;
    size_t last = figs[j - 1].paired_end > figs[j - 1].end
                      ? figs[j - 1].paired_end
                      : figs[j - 1].end;
    size_t we = last + REACH < se ? last + REACH : se;
    if (we > ws + WINDOW)
        we = ws + WINDOW;
    if (we < ws)
        we = ws;
    w->lo = ws > BACK_REACH ? ws - BACK_REACH : 0;
    w->x = (ft_view){text + w->lo, we - w->lo};
    w->ws = ws - w->lo;
    w->we = we - w->lo;
    w->clipped = ws > ss;
    mark_sentence(w);

    /* the figures of the sentence in the window */
    size_t a = i;
    while (a > 0 && figs[a - 1].sent_start == ss && figs[a - 1].end > ws &&
           i - a < MAX_NEIGHBOURS / 2)
        a--;
    w->nnb = 0;
    for (size_t k = a; k < n && w->nnb < MAX_NEIGHBOURS; k++) {
        const ft_figure *g = &figs[k];
        if (g->sent_start != ss || g->start >= we)
            break;
        neighbour *nb = &w->nb[w->nnb++];
        size_t pend = g->paired_end > g->end ? g->paired_end : g->end;
        nb->start = clamp(g->start, ws, we) - w->lo;
        nb->end = clamp(g->end, ws, we) - w->lo;
        nb->pend = clamp(pend, ws, we) - w->lo;
        nb->index = k;
        nb->base = -1;
        nb->paren = paren_of(w, nb->start);
    }

    /* the year expressions, none of them inside a figure (1조2000억원) */
    year_expr found[MAX_EXPRS];
    break_list brk = {w->brk_at, w->nbrk, w->ws, w->we};
    size_t nf = find_exprs(w->x, w->ws, w->we, published_year, w->anchor,
                           &w->opens, &brk, found, MAX_EXPRS);
    w->nex = 0;
    size_t m = 0;
    for (size_t k = 0; k < nf; k++) {
        while (m < w->nnb && w->nb[m].pend <= found[k].start)
            m++;
        if (m < w->nnb && w->nb[m].start < found[k].end)
            continue;
        w->paren[w->nex] = paren_of(w, found[k].start);
        if (w->paren[w->nex] != SIZE_MAX &&
            skip_spaces(w->x, w->paren[w->nex] + 1) == found[k].start &&
            ft_view_at(w->x, skip_spaces(w->x, found[k].end)) == ')')
            w->paren[w->nex] = SIZE_MAX; /* "(FY27)" glosses its phrase */
        w->ex[w->nex++] = found[k];
    }
    find_owners(w);
}

/* The first dating year of the two sentences before the window's
 * sentence, in the same paragraph; false when there is none, or a target
 * or span there stops the look. */
/* Is the expression q of an earlier sentence the year of a comparison
 * base written right after it ("이는 올해 예산 1조원보다 ...", "last
 * year's $855 million, up from ...")?  prior: the figures before the
 * window's, in text order. */
static bool base_year(const window *w, const ft_figure *prior, size_t n,
                      const year_expr *q)
{
    for (size_t k = n; k-- > 0;) {
        const ft_figure *g = &prior[k];
        if (g->start < w->lo + q->end)
            break; /* the figures after q are done */
        if (k > 0 && prior[k - 1].start >= w->lo + q->end)
            continue; /* not the first after q */
        size_t gs = g->start - w->lo;
        size_t ge = (g->paired_end > g->end ? g->paired_end : g->end) - w->lo;
        if (ge > w->x.len)
            return false;
        bool korean = ft_view_at(w->x, q->end) >= 0x80 ||
                      ft_view_at(w->x, q->start) >= 0x80;
        return tying_gap(w, q->end, gs, korean ? 3 : 1) &&
               is_base(w->x, gs, ge);
    }
    return false;
}

/* Does a phrase of other_period ("under the previous", 지난 정부) open
 * in the window's sentence, not after a letter?  Sixteen bytes at a
 * time: the list is asked only where the first two bytes of one may
 * stand (other_period_heads, years_index.h). */
static bool other_period_in(const window *w)
{
    const unsigned char *t = (const unsigned char *)w->x.t + w->ws;
    size_t n = w->we - w->ws;
    unsigned after = 0; /* the sentence's first byte is asked whatever
                         * stands before it */
    for (size_t k = 0; k < n; k += 16) {
        const unsigned char *p = t + k;
        unsigned char rest[17] = {0}; /* zeros past the view's end */
        if (n - k < 17) {
            memcpy(rest, p, n - k);
            p = rest;
        }
        ft_bytes16 u = ft_load16(p), next = ft_load16(p + 1);
        ft_bytes16 lu = u | 0x20, ln = next | 0x20, m = {0};
#pragma GCC unroll 16
        for (size_t q = 0; q < N_OF(other_period_heads); q++)
            m |= (ft_bytes16)(lu == other_period_heads[q][0]) &
                 (ft_bytes16)(ln == other_period_heads[q][1]);
        unsigned letters = ft_bits16(ft_letters16(u));
        unsigned bits = ft_bits16(m) & ~(letters << 1 | after);
        after = letters >> 15 & 1;
        if (n - k < 16)
            bits &= (1u << (n - k)) - 1;
        for (; bits; bits &= bits - 1)
            if (QUICK_LIT_AT(w->x, w->ws + k + (size_t)__builtin_ctz(bits),
                             other_period))
                return true;
    }
    return false;
}

static bool look_back(const window *w, const ft_figure *prior, size_t nprior,
                      int published_year, year_expr *out)
{
    if (w->clipped || other_period_in(w))
        return false; /* the sentence starts beyond reach, or is about
                       * another period */
    size_t s = w->ws;
    size_t anchor = w->anchor; /* the last that starts in [s, x.len) */
    for (int back = 0; back < BACK_SENTENCES && s > 0; back++) {
        size_t p = s; /* back over the spaces and the full stop */
        int newlines = 0;
        while (p > 0 && ft_ascii_space(ft_view_at(w->x, p - 1)))
            newlines += ft_view_at(w->x, --p) == '\n';
        /* news puts a paragraph on a line, scraped pages a blank line
         * between paragraphs; two blank lines start another story */
        if (p == 0 || newlines > 2)
            break;
        size_t ps = sentence_start_before(w->x, p - 1);
        if (anchor == SIZE_MAX)
            anchor = last_anchor(w->x, ps, s);
        year_expr prev[MAX_EXPRS];
        size_t k = find_exprs(w->x, ps, p, published_year, anchor, NULL, NULL,
                              prev, MAX_EXPRS);
        /* the first dating year: the one the sentence is about, not a
         * base it is compared with later */
        bool other = false;
        for (size_t q = 0; q < k; q++) {
            if (prev[q].role == ROLE_DATES) {
                if (base_year(w, prior, nprior, &prev[q])) {
                    other = true; /* a base's year: that sentence is about
                                   * a change, which dates nothing after */
                    continue;
                }
                *out = prev[q];
                return true;
            }
            other |= prev[q].role != ROLE_COMPARE;
        }
        if (other)
            return false;
        s = ps;
    }
    return false;
}

/* ------------------------------------------------------------- dating */

static size_t distance(const year_expr *e, const neighbour *f)
{
    return e->end <= f->start ? f->start - e->end
                              : (e->start >= f->pend ? e->start - f->pend : 0);
}

/* "Once the plan is completed in 2022, pay reaches X": a completion in a
 * clause of time before the figure dates it; "the bridge, completed in
 * 2015, cost X" does not.  Looks back from i over its clause. */
static bool once_done(const window *w, size_t i)
{
    for (size_t k = i; k > w->ws && i - k < 120; k--) {
        if (clause_break(w->x, k - 1) > 0)
            return false;
        if ((k - 1 == w->ws || ft_ascii_space(ft_view_at(w->x, k - 2))) &&
            QUICK_LIT_AT(w->x, k - 1, time_conjunctions))
            return true;
    }
    return false;
}

/* "by 2029" after "raise monthly pay to 1 million won", 2025년까지 before
 * 205만원으로: the level is reached that year, so it dates the amount. */
static bool reached_by(ft_view x, const neighbour *f, const year_expr *e)
{
    /* "raise pay to X by 2027", "By 2027, pay will rise to X" */
    if (ANY_ENDING(x, before_hedges(x, f->start, NULL), reach_words))
        return true;
    if (e->start >= f->end)
        return false;
    size_t j = skip_spaces(x, f->pend);
    if (bytes_at(x, j, "\xEA\xB7\x9C\xEB\xAA\xA8")) /* 규모로 */
        j += 6;
    return bytes_at(x, j, K_EUNRO) || bytes_at(x, j, K_RO);
}

/* Does the expression open its sentence or clause as an adverbial
 * followed by a comma ("In 2023, the budget was X", "; last year, X")?
 * Then that comma does not part it from the clause it dates. */
static bool opens_clause(const window *w, const year_expr *e)
{
    static const ft_lit leads[] = {
        FT_LIT("in"),    FT_LIT("for"),           FT_LIT("during"),
        FT_LIT("as of"), FT_LIT("by the end of"), FT_LIT("at the end of"),
    };
    if (ft_view_at(w->x, skip_spaces(w->x, e->end)) != ',')
        return false;
    size_t b = e->start, k;
    if ((k = FT_PHRASE_BEFORE_ANY(w->x.t, w->x.len, b, leads, NULL)) !=
        SIZE_MAX)
        b = k;
    b = ft_phrase_trim_back(w->x.t, b);
    if (b <= w->ws)
        return !w->clipped;
    unsigned char c = ft_view_at(w->x, b - 1);
    return c == ';' || c == ':' || c == '"';
}

/* A yearly rate, not one year's money: "200 billion yen annually". */
static bool recurring(ft_view x, const neighbour *f)
{
    size_t j = skip_spaces(x, f->pend);
    size_t e = QUICK_LIT_AT(x, j, recurring_after);
    if (e && !PHRASE_AT(x, skip_spaces(x, e), "earlier") &&
        !PHRASE_AT(x, skip_spaces(x, e), "ago") &&
        !PHRASE_AT(x, skip_spaces(x, e), "later") &&
        !PHRASE_AT(x, skip_spaces(x, e), "before"))
        return true;
    return ANY_ENDING(x, before_hedges(x, f->start, NULL), recurring_before);
}

static void apply(ft_figure *f, const year_expr *e)
{
    f->year = e->year;
    f->year_basis = e->year ? e->basis : FT_YEAR_NONE;
    /* India names a fiscal year by the year it ends in: FY27 is
     * 2026-27, which counts as 2026 */
    if (e->fy_short && f->year && strcmp(f->currency, "INR") == 0)
        f->year--;
}

/* Is the neighbour a comparison base?  Asked once, when a year's choice
 * needs it: a figure that owns its year never does. */
static bool base_of(window *w, neighbour *nb)
{
    if (nb->base < 0)
        nb->base = is_base(w->x, nb->start, nb->pend);
    return nb->base > 0;
}

static void date_figure(window *w, ft_figure *f, neighbour *me, int mine,
                        const ft_figure *prior, size_t nprior,
                        int published_year, int *looked, year_expr *back)
{
    f->year = 0;
    f->year_basis = FT_YEAR_NONE;
    f->target_year = 0;
    if (recurring(w->x, me))
        return;
    const year_expr *best = NULL, *target = NULL;
    size_t best_d = SIZE_MAX, target_d = SIZE_MAX, undated_d = SIZE_MAX;
    int best_breaks = 3, best_rank = 0;
    bool blocked = false; /* a span or launch in the figure's own clause */
    bool undated = false; /* a span or launch date: a total, no year */
    for (size_t k = 0; k < w->nex; k++) {
        const year_expr *e = &w->ex[k];
        bool own = w->owner[k] == mine;
        if (!own && w->owner[k] >= 0) {
            /* another figure's year: never a base's; in the same clause,
             * only for a change (the year of the level it changes), an
             * item of the same list or a breakdown in its parenthesis */
            neighbour *g = &w->nb[w->owner[k]];
            bool same_clause =
                breaks_between(w, g->start < me->start ? g->pend : me->pend,
                               g->start < me->start ? me->start : g->start, 0,
                               0) == 0;
            bool breakdown = me->paren != SIZE_MAX && me->paren >= g->end &&
                             me->paren <= g->pend + 1;
            if (base_of(w, g) || (same_clause && !listed_together(w, me, g) &&
                                  !breakdown && f->kind != FT_KIND_CHANGE))
                continue;
        }
        if (!own && base_of(w, me))
            continue; /* a base is dated only by its own year */
        if (!own && w->paren[k] != SIZE_MAX && w->paren[k] != me->paren)
            continue; /* an aside: "(2017년 최저임금의 40%)" */
        size_t a = e->end <= me->start ? e->end : me->pend;
        size_t b = e->end <= me->start ? me->start : e->start;
        if (e->end <= me->start && opens_clause(w, e))
            a = skip_spaces(w->x, e->end) + 1; /* "In 2023, it spent X" */
        int breaks = own ? 0 : breaks_between(w, a, b, me->end, me->pend);
        size_t d = distance(e, me);
        role r = e->role;
        if (own && r == ROLE_COMPARE)
            r = ROLE_DATES; /* "up from $850 million in 2018": its year */
        if (r == ROLE_DONE)
            r = e->start >= me->end      ? ROLE_TARGET
                : once_done(w, e->start) ? ROLE_DATES
                                         : ROLE_LAUNCH;
        if (r == ROLE_TARGET && breaks <= (e->start >= me->end ? 0 : 1) &&
            reached_by(w->x, me, e))
            r = ROLE_DATES;
        if (r == ROLE_TARGET) {
            if (d < target_d) {
                target = e;
                target_d = d;
            }
        } else if (r == ROLE_COMPARE) {
            continue;
        } else if (r != ROLE_DATES) {
            blocked |= breaks == 0;
            undated = true;
            if (breaks == 0 && d < undated_d)
                undated_d = d;
        } else {
            /* its own first, then the fewest and weakest clause breaks,
             * then a year that is known (not "next year" without a date),
             * then the nearest */
            int rank = (own ? 0 : 4) + breaks * 2 + (e->year == 0);
            if (!best || rank < best_rank ||
                (rank == best_rank && d < best_d)) {
                best = e;
                best_d = d;
                best_breaks = own ? 0 : breaks;
                best_rank = rank;
            }
        }
    }
    bool own_best = best && best_rank < 4;
    if (best && !own_best && undated_d < best_d && best_breaks == 0)
        best = NULL; /* "over the next five years ... X": a total */
    if (best && (best_breaks == 0 || !blocked)) {
        apply(f, best);
    } else if (!best && !target && !undated && !base_of(w, me)) {
        /* no year of its own (at most a comparison base): the sentences
         * before, read once for the whole window */
        if (*looked == 0)
            *looked =
                look_back(w, prior, nprior, published_year, back) ? 1 : -1;
        if (*looked > 0)
            apply(f, back);
    }
    if (target && (f->year == 0 || target_d < best_d))
        f->target_year = target->year;
}

void ft_years_assign(const char *text, size_t len, int published_year,
                     ft_figure *figs, size_t n)
{
    window w;
    for (size_t i = 0; i < n;) {
        /* a group: the figures of one sentence within REACH of the first */
        size_t j = i + 1;
        while (j < n && figs[j].sent_start == figs[i].sent_start &&
               figs[j].sent_end == figs[i].sent_end &&
               figs[j].start < figs[i].start + REACH &&
               j - i < MAX_NEIGHBOURS / 2)
            j++;
        open_window(&w, text, len, figs, n, i, j, published_year);
        int looked = 0;
        year_expr back = {0};
        for (size_t k = i; k < j; k++) {
            int mine = -1;
            for (size_t q = 0; q < w.nnb; q++)
                if (w.nb[q].index == k)
                    mine = (int)q;
            if (mine < 0) { /* cannot happen: the group is in the window */
                figs[k].year = 0;
                figs[k].year_basis = FT_YEAR_NONE;
                figs[k].target_year = 0;
                continue;
            }
            date_figure(&w, &figs[k], &w.nb[mine], mine, figs, i,
                        published_year, &looked, &back);
        }
        i = j;
    }
}
