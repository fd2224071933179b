/* extract.c — the pass over one article: find each amount (money.c), then
 * decide what it is in its sentence — an exchange rate (dropped), a range,
 * a figure with the paper's own conversion, a change or a level, with which
 * qualifier — and give amounts written without a currency the currency of
 * their neighbours.
 *
 * One pass over the bytes; the work per position is bounded, and memory
 * grows only with the number of figures found.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "extract_words.h"
#include "extract_index.h" /* generated: see the Makefile */
#include "money.h"
#include "phrase.h"
#include "subject.h"
#include "text.h"
#include "years.h"

void ft_figlist_init(ft_figlist *l)
{
    l->items = NULL;
    l->len = l->cap = 0;
}

void ft_figlist_free(ft_figlist *l)
{
    free(l->items);
    ft_figlist_init(l);
}

static ft_figure *figlist_push(ft_figlist *l)
{
    void *items = l->items;
    if (ft_grow(&items, &l->cap, l->len, sizeof *l->items, 16) != FT_OK)
        return NULL;
    l->items = items;
    ft_figure *f = &l->items[l->len++];
    memset(f, 0, sizeof *f);
    return f;
}

/* ----------------------------------------------------------- text helpers */

static size_t skip_space(ft_view x, size_t i)
{
    /* most calls find no space, or one before a word: no loop for them,
     * and no test of which (the text decides it, no pattern): the byte
     * after one ASCII space, or the first, is looked at (j <= i + 1 is
     * inside the text) */
    if (i + 1 < x.len) {
        size_t j = i + ft_ascii_space((unsigned char)x.t[i]);
        unsigned char c = (unsigned char)x.t[j];
        if (!(ft_ascii_space(c) | (c == 0xC2)))
            return j;
    }
    while (i < x.len &&
           (ft_ascii_space(ft_view_at(x, i)) ||
            (ft_view_at(x, i) == 0xC2 && ft_view_at(x, i + 1) == 0xA0)))
        i += ft_view_at(x, i) == 0xC2 ? 2 : 1;
    return i;
}

/* The start of the ASCII spaces that end at i (i <= x.len). */
static inline size_t space_start(ft_view x, size_t i)
{
    /* most amounts follow one space, or none: stepped back over with no
     * test of which (the text decides it, no pattern), then one question
     * of the byte before (i - 2 and i - 1 are inside the text) */
    if (i >= 2) {
        size_t j = i - ft_ascii_space((unsigned char)x.t[i - 1]);
        if (!ft_ascii_space((unsigned char)x.t[j - 1]))
            return j;
    }
    while (i > 0 && ft_ascii_space(ft_view_at(x, i - 1)))
        i--;
    return i;
}

/* Bytes at i equal the literal s (for Hangul and symbols). */
#define bytes_at(x, i, s) bytes_at_n((x), (i), (s), sizeof(s) - 1)

static inline bool bytes_at_n(ft_view x, size_t i, const char *s, size_t n)
{
    /* most fail on the first byte, and the rest are a syllable or two
     * long: compared here, byte by byte, not by a call to memcmp (Korean
     * text passes the first byte often) */
    if (i + n > x.len || x.t[i] != s[0])
        return false;
    for (size_t k = 1; k < n; k++)
        if (x.t[i + k] != s[k])
            return false;
    return true;
}

/* ----------------------------------------------------------- sentences */

#define SENTENCE_REACH 2000

static bool is_abbreviation(ft_view x, size_t dot)
{
    if (dot == 0 || ft_ascii_digit(ft_view_at(x, dot - 1)))
        return false; /* none ends in a digit: "in 2023." ends a sentence
                         (asked first: no word walked back over) */
    size_t s = dot;
    while (s > 0 && (ft_money_is_word_byte(ft_view_at(x, s - 1)) ||
                     ft_view_at(x, s - 1) == '.'))
        s--;
    size_t n = dot - s;
    if (n == 1 && ft_view_at(x, s) >= 'A' && ft_view_at(x, s) <= 'Z')
        return true; /* an initial: "S. Korea", "Douglas A. MacArthur" */
    if (n == 0 || n > 6)
        return false; /* none is longer */
    /* only the entries the word's last two bytes allow (extract_index.h) */
    uint64_t m =
        abbreviation_enders.last[ft_ascii_fold(ft_view_at(x, dot - 1))] &
        abbreviation_enders
            .before_last[n > 1 ? ft_ascii_fold(ft_view_at(x, dot - 2)) : 0];
    for (; m; m &= m - 1) {
        const ft_lit *a = &abbreviations[__builtin_ctzll(m)];
        if (a->n != n)
            continue;
        size_t q = 0;
        while (q < n &&
               ft_ascii_fold(ft_view_at(x, s + q)) == (unsigned char)a->s[q])
            q++;
        if (q == n)
            return true;
    }
    return false;
}

/* Is there a sentence break right after the terminator at i? */
static bool ends_sentence(ft_view x, size_t i)
{
    unsigned char c = ft_view_at(x, i);
    if (c == '\n') {
        /* One paragraph a line is the rule in scraped news, so a line
         * break ends a sentence; but a hard-wrapped line that goes on in
         * lower case or with a number ("budget of\n59.4 trillion won")
         * does not, unless the line before ended a sentence itself. */
        size_t k = i + 1;
        while (ft_view_at(x, k) == ' ' || ft_view_at(x, k) == '\t' ||
               ft_view_at(x, k) == '\r')
            k++;
        unsigned char n = ft_view_at(x, k);
        if (n == '\n' || n >= 0x80 || (n >= 'A' && n <= 'Z') || k >= x.len)
            return true;
        size_t p = i;
        while (p > 0 &&
               (ft_view_at(x, p - 1) == ' ' || ft_view_at(x, p - 1) == '\r'))
            p--;
        unsigned char b = p > 0 ? ft_view_at(x, p - 1) : '\n';
        return b == '.' || b == '!' || b == '?' || b == ':' || b == '\n';
    }
    if (c != '.' && c != '!' && c != '?')
        return c == 0xE3 && bytes_at(x, i, "\xE3\x80\x82"); /* 。 */
    size_t j = i + 1;
    while (ft_view_at(x, j) == '"' || ft_view_at(x, j) == '\'' ||
           ft_view_at(x, j) == ')' || bytes_at(x, j, "\xE2\x80\x9D") ||
           bytes_at(x, j, "\xE2\x80\x99"))
        j += ft_view_at(x, j) >= 0x80 ? 3 : 1;
    if (j < x.len && !ft_ascii_space(ft_view_at(x, j)))
        /* "...for corporals.Starting next year": a scraped page lost the
         * space, the sentence still ends */
        return j == i + 1 && ft_phrase_glued_stop(x.t, x.len, i);
    if (c != '.')
        return true;
    /* a full stop before a lower-case word, or after an abbreviation,
     * ends none: the cheaper test first */
    size_t k = skip_space(x, j);
    if (k < x.len && ft_view_at(x, k) >= 'a' && ft_view_at(x, k) <= 'z')
        return false;
    return !is_abbreviation(x, i);
}

static size_t utf8_floor(ft_view x, size_t i)
{
    while (i > 0 && i < x.len && (ft_view_at(x, i) & 0xC0) == 0x80)
        i--;
    return i;
}

/* Only these bytes can end a sentence (0xE3 leads 。); enders16 below
 * asks the same of sixteen bytes at once. */
static bool may_end_sentence(unsigned char c)
{
    /* one load a byte in the sentence scans, not five comparisons */
    static const bool ender[256] = {
        ['\n'] = true, ['.'] = true, ['!'] = true, ['?'] = true, [0xE3] = true};
    return ender[c];
}

/* The bytes of t[0..16) that may end a sentence (may_end_sentence), one
 * bit each: the sentence scans pass sixteen bytes at a time. */
static uint32_t enders16(const unsigned char *t)
{
    ft_bytes16 v = ft_load16(t);
    return ft_bits16((ft_bytes16)((v == '\n') | (v == '.') | (v == '!') |
                                  (v == '?') | (v == 0xE3)));
}

/* The last byte in t[lo..i) that may end a sentence, else SIZE_MAX. */
static size_t prev_ender(const unsigned char *t, size_t lo, size_t i)
{
    for (; i - lo >= 16; i -= 16) {
        uint32_t m = enders16(t + i - 16);
        if (m)
            return i - 16 + 31 - (size_t)__builtin_clz(m);
    }
    while (i > lo)
        if (may_end_sentence(t[--i]))
            return i;
    return SIZE_MAX;
}

/* The first byte in t[j..hi) that may end a sentence, else hi. */
static size_t next_ender(const unsigned char *t, size_t j, size_t hi)
{
    for (; hi - j >= 16; j += 16) {
        uint32_t m = enders16(t + j);
        if (m)
            return j + (size_t)__builtin_ctz(m);
    }
    while (j < hi && !may_end_sentence(t[j]))
        j++;
    return j;
}

static void sentence_bounds(ft_view x, size_t start, size_t end, size_t *s,
                            size_t *e)
{
    /* both scans stay inside the text: its bytes are read directly */
    const unsigned char *t = (const unsigned char *)x.t;
    size_t lo = start > SENTENCE_REACH ? start - SENTENCE_REACH : 0;
    size_t i = start;
    for (;;) {
        size_t p = prev_ender(t, lo, i);
        if (p == SIZE_MAX) {
            i = lo;
            break;
        }
        if (ends_sentence(x, p)) {
            i = p + 1;
            break;
        }
        i = p;
    }
    *s = utf8_floor(x, skip_space(x, i));
    if (*s > start)
        *s = start;
    size_t hi = end + SENTENCE_REACH < x.len ? end + SENTENCE_REACH : x.len;
    size_t j = end;
    while ((j = next_ender(t, j, hi)) < hi && !ends_sentence(x, j))
        j++;
    if (j < hi && ft_view_at(x, j) != '\n')
        j += bytes_at(x, j, "\xE3\x80\x82") ? 3 : 1;
    *e = utf8_floor(x, j);
    if (*e < end)
        *e = end;
}

/* ------------------------------------------------------ what surrounds */

/* A rate's lead word and one of its tails at j (rate_after,
 * extract_words.h): only the leads whose first two bytes the text allows
 * (rate_lead_starters, extract_index.h) are matched. */
static bool rate_phrase_at(ft_view x, size_t j)
{
    if (j >= x.len)
        return false;
    for (uint64_t m =
             rate_lead_starters.first[ft_ascii_fold((unsigned char)x.t[j])] &
             rate_lead_starters.second[ft_ascii_fold(ft_view_at(x, j + 1))];
         m; m &= m - 1) {
        size_t k = (size_t)__builtin_ctzll(m);
        size_t e = ft_phrase_at(x.t, x.len, j, rate_after[k].lead);
        if (e && ft_phrase_at_any(x.t, x.len, e, rate_after[k].tails,
                                  rate_after[k].n))
            return true;
    }
    return false;
}

/* The positions of t[0..16) where 달러당, 환율 or "exchange" may start, by
 * their first two bytes (reads t[0..17)), one bit each. */
static uint32_t rate_starts16(const unsigned char *t)
{
    ft_bytes16 c = ft_load16(t), n = ft_load16(t + 1);
    return ft_bits16((ft_bytes16)(((c | 0x20) == 'e') & ((n | 0x20) == 'x')) |
                     (ft_bytes16)((c == 0xEB) & (n == 0x8B)) |
                     (ft_bytes16)((c == 0xED) & (n == 0x99)));
}

/* The first i >= from where 달러당, 환율 or "exchange" may start, by its
 * first two bytes, with i + 3 <= end; else end.  Sixteen bytes at a look,
 * as "e" alone would stop at every few bytes of English. */
static size_t rate_word_from(ft_view x, size_t from, size_t end)
{
    const unsigned char *t = (const unsigned char *)x.t;
    size_t i = from;
    for (; i + 17 <= end; i += 16) {
        uint32_t m = rate_starts16(t + i);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
    if (i + 3 > end)
        return end;
    if (end >= 17) {
        /* the last 1..14 positions, i..end-3, in one look at the 17 bytes
         * before end (inside the text: end <= x.len), which start before
         * i: bit b is position end - 17 + b, and bit 15 (end - 2) is no
         * start, as a word needs three bytes */
        size_t q = end - 17;
        uint32_t m = (rate_starts16(t + q) & 0x7FFF) >> (i - q);
        return m ? i + (size_t)__builtin_ctz(m) : end;
    }
    for (; i + 3 <= end; i++) {
        unsigned char c = t[i], n = t[i + 1];
        if (((c | 0x20) == 'e' && (n | 0x20) == 'x') ||
            (c == 0xEB && n == 0x8B) || (c == 0xED && n == 0x99))
            return i;
    }
    return end;
}

/* An exchange rate, not money: "1,120 won per dollar", "(US$1=W1,120)",
 * "the exchange rate of 1,380 won", "달러당 1,380원". */
static bool is_rate(ft_view x, const ft_money *m, size_t after)
{
    size_t j = after; /* skip_space(x, m->end) */
    if (ft_view_at(x, j) == '=' || ft_view_at(x, j) == '/')
        return true;
    if (bytes_at(x, m->end, "\xEB\x8B\xB9")) /* 1달러당: per dollar */
        return true;
    if (rate_phrase_at(x, j))
        return true;
    size_t b = space_start(x, m->start);
    if (b > 0 && ft_view_at(x, b - 1) == '=')
        return true;
    /* a market table: "dollar: 143.80 yen" */
    if (b > 0 && ft_view_at(x, b - 1) == ':') {
        static const ft_lit quoted[] = {FT_LIT("dollar"), FT_LIT("euro"),
                                        FT_LIT("yen"),    FT_LIT("won"),
                                        FT_LIT("yuan"),   FT_LIT("pound")};
        for (size_t k = 0; k < sizeof quoted / sizeof *quoted; k++)
            if (ft_phrase_before(x.t, x.len, b - 1, quoted[k]) != SIZE_MAX)
                return true;
    }
    if (m->has_scale)
        return false;
    /* "달러당" (per dollar) or "환율" (exchange rate), or an English "exchange
     * rate" just before an amount with no scale */
    size_t lo = m->start > 60 ? m->start - 60 : 0;
    for (size_t i = lo; (i = rate_word_from(x, i, m->start)) + 3 <= m->start;
         i++) {
        unsigned char c = ft_view_at(x, i);
        if (c == 0xEB   ? bytes_at(x, i,
                                   "\xEB\x8B\xAC\xEB\x9F\xAC"
                                     "\xEB\x8B\xB9") /* 달러당 */
            : c == 0xED ? bytes_at(x, i, "\xED\x99\x98\xEC\x9C\xA8") /* 환율 */
                        : ft_ascii_fold(ft_view_at(x, i + 1)) == 'x' &&
                              (ft_phrase_at(x.t, x.len, i, "exchange rate") ||
                               ft_phrase_at(x.t, x.len, i, "exchange rates")))
            return true;
    }
    return false;
}

/* The start of the word that ends at j (after the last space before j),
 * looked for at most 33 bytes back: j - 33 when the word is longer. */
static size_t word_start(ft_view x, size_t j)
{
    if (j >= 16) {
        /* most words are short: the sixteen bytes before j (inside the
         * text, as j <= x.len) hold their start */
        ft_bytes16 v = ft_load16(x.t + j - 16);
        uint32_t m = ft_bits16(
            (ft_bytes16)((v == ' ') | (v == '\t') | (v == '\n') | (v == '\r')));
        if (m)
            return j - 16 + 32 - (size_t)__builtin_clz(m);
    }
    size_t w = j;
    while (w > 0 && j - w <= 32 && !ft_ascii_space((unsigned char)x.t[w - 1]))
        w--;
    return w;
}

/* ft_phrase_before_any for a list of extract_words.h, its ender index
 * (extract_index.h) asked first: only the entries whose last two bytes
 * the text allows are tried, in the list's order.  Most positions end
 * at the index. */
static size_t phrase_before_indexed(ft_view x, size_t end,
                                    const ender_index *ix, const ft_lit *list,
                                    size_t *which)
{
    size_t j = ft_phrase_trim_back(x.t, end);
    if (j == 0 || j > x.len)
        return SIZE_MAX;
    uint64_t m =
        ix->last[ft_ascii_fold((unsigned char)x.t[j - 1])] &
        ix->before_last[j > 1 ? ft_ascii_fold((unsigned char)x.t[j - 2]) : 0];
    if (m) {
        /* the byte before the text's last word and the spaces before it:
         * a phrase's last word is all of the text's ("in excess of") */
        size_t w = word_start(x, j);
        while (w > 0 && ft_ascii_space((unsigned char)x.t[w - 1]))
            w--;
        if (j - w <= 32) /* else left to the phrases themselves */
            m &=
                ix->word_before[w > 0 ? ft_ascii_fold((unsigned char)x.t[w - 1])
                                      : 0];
    }
    for (; m; m &= m - 1) {
        size_t k = (size_t)__builtin_ctzll(m);
        size_t s = ft_phrase_ending_at_rest(x.t, x.len, j, list[k]);
        if (s != SIZE_MAX) {
            if (which)
                *which = k;
            return s;
        }
    }
    return SIZE_MAX;
}

/* ft_phrase_at_any for a list of extract_words.h, its starter index
 * (extract_index.h) asked first: only the entries whose first two bytes
 * the text allows are tried. */
static size_t phrase_at_indexed(ft_view x, size_t i, const starter_index *ix,
                                const char *const *list)
{
    if (i >= x.len)
        return 0;
    uint64_t m = ix->first[ft_ascii_fold((unsigned char)x.t[i])] &
                 ix->second[ft_ascii_fold(ft_view_at(x, i + 1))];
    size_t best = 0;
    for (; m; m &= m - 1) {
        size_t e = ft_phrase_at(x.t, x.len, i, list[__builtin_ctzll(m)]);
        if (e > best)
            best = e;
    }
    return best;
}

#define AS_QUALIFIER(phrase, q) q,
static const ft_qualifier before_q_kind[] = {BEFORE_QUALIFIERS(AS_QUALIFIER)};

/* A qualifier ending right before `start`; sets *q and returns where it
 * starts (so that the words before it can be read too), else start. */
static size_t qualifier_before(ft_view x, size_t start, ft_qualifier *q)
{
    size_t k, s = phrase_before_indexed(x, start, &before_q_enders,
                                        before_q_phrase, &k);
    if (s != SIZE_MAX) {
        *q = before_q_kind[k];
        return s;
    }
    /* 약 (about) */
    size_t j = space_start(x, start);
    if (j >= 3 && bytes_at(x, j - 3, "\xEC\x95\xBD")) {
        *q = FT_Q_APPROX;
        return j - 3;
    }
    return start;
}

/* Korean qualifiers after the amount: 가량 정도 안팎 내외 (about), 이상
 * (at least), 넘는/넘게/초과 (over), 미만 (under), 이하 (at most), and the
 * band 대 ("1조원대"). */
static bool korean_qualifier_after(ft_view x, size_t end, size_t next,
                                   ft_qualifier *q)
{
    /* `glued`: only right after the currency, no space ("1조원대"; "1조
     * 원 대비" is "compared with") */
    static const struct {
        ft_lit phrase;
        ft_qualifier q;
        bool glued;
    } after[] = {
        {FT_LIT("\xEA\xB0\x80\xEB\x9F\x89"), FT_Q_APPROX, false}, /* 가량 */
        {FT_LIT("\xEC\xA0\x95\xEB\x8F\x84"), FT_Q_APPROX, false}, /* 정도 */
        {FT_LIT("\xEC\x95\x88\xED\x8C\x8E"), FT_Q_APPROX, false}, /* 안팎 */
        {FT_LIT("\xEB\x82\xB4\xEC\x99\xB8"), FT_Q_APPROX, false}, /* 내외 */
        {FT_LIT("\xEB\x8C\x80"), FT_Q_APPROX, true},              /* 대 */
        {FT_LIT("\xEC\x9D\xB4\xEC\x83\x81"), FT_Q_GE, false},     /* 이상 */
        {FT_LIT("\xEB\x84\x98\xEB\x8A\x94"), FT_Q_GT, false},     /* 넘는 */
        {FT_LIT("\xEB\x84\x98\xEA\xB2\x8C"), FT_Q_GT, false},     /* 넘게 */
        {FT_LIT("\xEB\x84\x98\xEC\x96\xB4"), FT_Q_GT, false},     /* 넘어 */
        {FT_LIT("\xEB\x84\x98\xEC\x9D\x80"), FT_Q_GT, false},     /* 넘은 */
        {FT_LIT("\xEB\x8F\x8C\xED\x8C\x8C"), FT_Q_GT, false},     /* 돌파 */
        {FT_LIT("\xEC\xB4\x88\xEA\xB3\xBC"), FT_Q_GT, false},     /* 초과 */
        {FT_LIT("\xEB\xAF\xB8\xEB\xA7\x8C"), FT_Q_LT, false},     /* 미만 */
        {FT_LIT("\xEC\x9D\xB4\xED\x95\x98"), FT_Q_LE, false},     /* 이하 */
    };
    size_t j = next; /* skip_space(x, end) */
    if (ft_view_at(x, j) < 0x80)
        return false; /* every phrase and particle here is Hangul */
    /* a particle may stand between: "60조원을 넘은", "1조 원이 넘는" */
    size_t p = j;
    if (bytes_at(x, j, "\xEC\x9D\x84") || bytes_at(x, j, "\xEB\xA5\xBC") ||
        bytes_at(x, j, "\xEC\x9D\xB4") || bytes_at(x, j, "\xEA\xB0\x80") ||
        bytes_at(x, j, "\xEC\x9D\x80") || bytes_at(x, j, "\xEB\x8A\x94"))
        p = skip_space(x, j + 3); /* 을 를 이 가 은 는 */
    for (size_t k = 0; k < sizeof after / sizeof *after; k++) {
        bool direct = bytes_at_n(x, j, after[k].phrase.s, after[k].phrase.n);
        if (!direct &&
            !(p != j && after[k].q == FT_Q_GT &&
              bytes_at_n(x, p, after[k].phrase.s, after[k].phrase.n)))
            continue;
        if (after[k].glued && j != end)
            continue;
        *q = after[k].q;
        return true;
    }
    return false;
}

/* A verb or phrase of change just before `before`: "up", "cut by", "an
 * additional". */
static bool change_before(ft_view x, size_t before)
{
    return phrase_before_indexed(x, before, &change_enders, change_words_before,
                                 NULL) != SIZE_MAX;
}

/* Verbs of motion before "from X to Y": the amount went from one level to
 * another ("pay would increase from X to Y", "spending rising from X to
 * Y"), two levels and no range. */
static const ft_lit moved_from[] = {
    FT_LIT("increase"),  FT_LIT("increases"),  FT_LIT("increasing"),
    FT_LIT("rises"),     FT_LIT("rising"),     FT_LIT("risen"),
    FT_LIT("grow"),      FT_LIT("grows"),      FT_LIT("growing"),
    FT_LIT("grown"),     FT_LIT("climb"),      FT_LIT("climbs"),
    FT_LIT("climbing"),  FT_LIT("jump"),       FT_LIT("jumps"),
    FT_LIT("jumping"),   FT_LIT("fall"),       FT_LIT("falls"),
    FT_LIT("falling"),   FT_LIT("fallen"),     FT_LIT("drop"),
    FT_LIT("drops"),     FT_LIT("dropping"),   FT_LIT("decline"),
    FT_LIT("declines"),  FT_LIT("declining"),  FT_LIT("decrease"),
    FT_LIT("decreases"), FT_LIT("decreasing"), FT_LIT("go"),
    FT_LIT("goes"),      FT_LIT("going"),      FT_LIT("went"),
    FT_LIT("gone"),      FT_LIT("moved"),      FT_LIT("soared"),
    FT_LIT("expanded"),  FT_LIT("hiked"),      FT_LIT("swelled"),
    FT_LIT("cutting"),   FT_LIT("reduce"),     FT_LIT("reducing"),
    FT_LIT("up"),        FT_LIT("down"),
};

/* Whether a lead byte of the verbs is_change looks for after an amount
 * (0xEA to 0xEC) lies in the 12 bytes from end before a '.', ',' or line
 * break: sixteen bytes at one look, for English text has none. */
static bool korean_lead_within(ft_view x, size_t end)
{
    if (end > x.len || x.len - end < 16)
        return true; /* near the end: the loop itself looks */
    ft_bytes16 v = ft_load16(x.t + end);
    uint32_t lead = ft_bits16((ft_bytes16)((v >= 0xEA) & (v <= 0xEC))) & 0xFFF,
             stop = ft_bits16(
                        (ft_bytes16)((v == '.') | (v == ',') | (v == '\n'))) &
                    0xFFF;
    return lead && (!stop || __builtin_ctz(lead) < __builtin_ctz(stop));
}

static bool is_change(ft_view x, size_t before, size_t end, size_t after)
{
    /* two syllables each: six bytes, compared at once below */
    static const char korean_after[][7] = {
        "\xEC\xA6\x9D\xEC\x95\xA1", /* 증액 */
        "\xEC\xA6\x9D\xEA\xB0\x80", /* 증가 */
        "\xEB\x8A\x98\xEC\x96\xB4", /* 늘어 */
        "\xEB\x8A\x98\xEC\x97\x88", /* 늘었 */
        "\xEB\x8A\x98\xEB\xA6\xB0", /* 늘린 */
        "\xEB\x8A\x98\xEB\xA0\xA4", /* 늘려 */
        "\xEC\xA4\x84\xEC\x96\xB4", /* 줄어 */
        "\xEC\xA4\x84\xEC\x97\x88", /* 줄었 */
        "\xEC\xA4\x84\xEC\x9D\xB8", /* 줄인 */
        "\xEA\xB0\x90\xEC\x95\xA1", /* 감액 */
        "\xEC\x82\xAD\xEA\xB0\x90", /* 삭감 */
        "\xEA\xB0\x90\xEC\x86\x8C", /* 감소 */
        "\xEC\x9D\xB8\xEC\x83\x81", /* 인상 */
        "\xEC\xB6\x94\xEA\xB0\x80", /* 추가 */
    };
    if (change_before(x, before))
        return true;
    size_t j = after; /* skip_space(x, end) */
    if (phrase_at_indexed(x, j, &change_after_starters, change_words_after))
        return true;
    /* Korean: the verb follows after a particle or two (이, 가, 을, 씩);
     * but "61조원으로 늘었다" (rose *to*) names the level reached */
    if (bytes_at(x, j, "\xEC\x9C\xBC\xEB\xA1\x9C") || /* 으로 */
        bytes_at(x, j, "\xEB\xA1\x9C"))               /* 로 */
        return false;
    if (!korean_lead_within(x, end))
        return false;
    for (size_t i = end; i < end + 12 && i < x.len; i++) {
        unsigned char c = ft_view_at(x, i);
        if (c == '.' || c == ',' || c == '\n')
            break;
        /* lead bytes of the syllables above, with room for two */
        if (c < 0xEA || c > 0xEC || x.len - i < 6)
            continue;
        /* six bytes a compare: one test an entry, and a match is rare */
        for (size_t k = 0; k < sizeof korean_after / sizeof *korean_after; k++)
            if (memcmp(x.t + i, korean_after[k], 6) == 0)
                return true;
    }
    return false;
}

/* ------------------------------------------------------- ranges, links */

/* 에서 ("from") */
static bool is_eseo(ft_view x, size_t i)
{
    return bytes_at(x, i, "\xEC\x97\x90\xEC\x84\x9C");
}

/* After "X에서 Y", what makes it two levels rather than a range: Y is
 * what X became — "Y(으)로 늘었다 / 오른다 / 인상된다", "Y이 된다" — where a
 * range is estimated, saved or spent: "Y까지 절약", "Y으로 추정". */
static bool korean_became(ft_view x, size_t end)
{
    static const ft_lit change_stems[] = {
        FT_LIT("\xEB\x8A\x98"),             /* 늘 */
        FT_LIT("\xEC\x98\xAC"),             /* 올 */
        FT_LIT("\xEC\x98\xA4\xEB\xA5\xB4"), /* 오르 */
        FT_LIT("\xEC\x98\xA4\xEB\xA5\xB8"), /* 오른 */
        FT_LIT("\xEC\xA6\x9D"),             /* 증 (증가, 증액) */
        FT_LIT("\xEC\x9D\xB8\xEC\x83\x81"), /* 인상 */
        FT_LIT("\xEC\xA4\x84"),             /* 줄 */
        FT_LIT("\xEA\xB0\x90"),             /* 감 (감소, 감액) */
        FT_LIT("\xEC\x82\xAD\xEA\xB0\x90"), /* 삭감 */
        FT_LIT("\xED\x99\x95\xEB\x8C\x80"), /* 확대 */
        FT_LIT("\xEC\xB6\x95\xEC\x86\x8C"), /* 축소 */
        FT_LIT("\xEC\x83\x81\xED\x96\xA5"), /* 상향 */
        FT_LIT("\xED\x95\x98\xED\x96\xA5"), /* 하향 */
        FT_LIT("\xEB\xB0\x94\xEB\x80\x8C"), /* 바뀌 */
    };
    size_t k = skip_space(x, end);
    if (ft_view_at(x, k) == '(') { /* an aside: "54만원(최저임금의 40%)이" */
        size_t limit = k + 80;
        while (k < x.len && k < limit && ft_view_at(x, k) != ')')
            k++;
        k = skip_space(x, k + 1);
    }
    if (bytes_at(x, k, "\xEC\x9D\xB4") || bytes_at(x, k, "\xEA\xB0\x80")) {
        size_t v = skip_space(x, k + 3); /* 이/가 된다, 됐다, 되었다 */
        return bytes_at(x, v, "\xEB\x90\x9C") ||
               bytes_at(x, v, "\xEB\x90\x90") || bytes_at(x, v, "\xEB\x90\x98");
    }
    if (bytes_at(x, k, "\xEC\x9C\xBC\xEB\xA1\x9C")) /* 으로 */
        k += 6;
    else if (bytes_at(x, k, "\xEB\xA1\x9C")) /* 로 */
        k += 3;
    else
        return false;
    /* "일병은 X에서 Y으로, 이병은 ...로 인상": changes that share a verb */
    if (ft_view_at(x, k) == ',')
        return true;
    /* the verb, perhaps after a few words: "으로 2배 이상 올린다" */
    for (size_t i = k; i < k + 30 && i < x.len; i++) {
        unsigned char c = ft_view_at(x, i);
        if (c == '.' || c == ',' || c == '\n')
            break;
        for (size_t s = 0; s < sizeof change_stems / sizeof *change_stems; s++)
            if (bytes_at_n(x, i, change_stems[s].s, change_stems[s].n))
                return true;
    }
    return false;
}

/* The joint of a range after `end` that needs no word: "-", "–", "~",
 * 에서; returns where the second amount may start, or 0 with *word where
 * a joint word ("to", "and") would stand. */
static size_t sign_joint(ft_view x, size_t end, size_t *word)
{
    size_t j = end;
    unsigned char c = ft_view_at(x, j);
    if (c == '-' || c == '~')
        return j + 1;
    /* – ～ 〜 ∼ (the signs and 에서 below are all past ASCII) */
    if (c >= 0x80 &&
        (bytes_at(x, j, "\xE2\x80\x93") || bytes_at(x, j, "\xEF\xBD\x9E") ||
         bytes_at(x, j, "\xE3\x80\x9C") || bytes_at(x, j, "\xE2\x88\xBC")))
        return j + 3;
    j = skip_space(x, end);
    c = ft_view_at(x, j);
    if (c == '~')
        return skip_space(x, j + 1);
    if (c < 0x80) {
        *word = j;
        return 0;
    }
    if (bytes_at(x, j, "\xE2\x80\x93") || bytes_at(x, j, "\xE2\x88\xBC"))
        return skip_space(x, j + 3);
    if (is_eseo(x, j)) {
        /* "1000억원에서 2000억원까지", "5천억 원에서 최대 8천억 원" */
        j = skip_space(x, j + 6);
        if (bytes_at(x, j, "\xEC\xB5\x9C\xEB\x8C\x80")) /* 최대 */
            j = skip_space(x, j + 6);
        return j;
    }
    *word = j;
    return 0;
}

/* The joint word at j: "to", or "and" only after "between". */
static size_t word_joint(ft_view x, size_t j, bool after_between)
{
    size_t e = ft_phrase_at(x.t, x.len, j, after_between ? "and" : "to");
    return e ? skip_space(x, e) : 0;
}

/* The joint of a range after `end`: "-", "–", "~", "to", "and" (only
 * after "between"); returns where the second amount may start, or 0. */
static size_t range_joint(ft_view x, size_t end, bool after_between)
{
    size_t word, j = sign_joint(x, end, &word);
    return j ? j : word_joint(x, word, after_between);
}

/* Try to read the high end of a range starting at `from`; on success
 * updates lo (currency and scale shared) and fills hi. */
static bool take_range(ft_view x, ft_money *lo, size_t from, ft_money *hi)
{
    if (!ft_money_scan(x.t, x.len, from,
                       FT_MONEY_ALLOW_PLAIN | FT_MONEY_ALLOW_BARE, hi))
        return false;
    if (hi->year_like && !hi->has_currency && !hi->has_scale)
        return false;
    if (lo->has_currency && hi->has_currency &&
        strcmp(lo->currency, hi->currency) != 0)
        return false;
    if (!lo->has_currency && !hi->has_currency)
        return false;
    ft_money l = *lo, h = *hi;
    if (!l.has_scale && h.has_scale && h.scale_pow10 > 0) {
        /* "$300-400 million": one scale for both ends */
        if (!ft_decimal_mul_pow10(&l.value, h.scale_pow10))
            return false;
        l.has_scale = true;
    } else if (l.has_scale && !h.has_scale && l.scale_pow10 > 0) {
        /* "300 million-400" is no range we know */
        return false;
    }
    if (!l.has_currency) {
        l.currency = h.currency;
        l.ambiguous = h.ambiguous;
        l.has_currency = true;
    }
    if (!h.has_currency) {
        h.currency = l.currency;
        h.has_currency = true;
    }
    if (ft_decimal_cmp(l.value, h.value) >= 0)
        return false;
    *lo = l;
    *hi = h;
    return true;
}

/* "(" or a fullwidth "（" (Chinese and Taiwanese sites). */
static bool is_open_paren(ft_view x, size_t i)
{
    return ft_view_at(x, i) == '(' || bytes_at(x, i, "\xEF\xBC\x88");
}

static bool is_close_paren(ft_view x, size_t i)
{
    return ft_view_at(x, i) == ')' || bytes_at(x, i, "\xEF\xBC\x89");
}

/* A Korean paper gives the won value of a foreign sum right after a comma
 * with no word between: "10억 달러, 1조1천억원보다".  Only won after a
 * foreign amount written in Hangul; English lists keep their commas. */
static bool korean_won_apposition(ft_view x, const ft_money *main, size_t j)
{
    ft_money r;
    if (bytes_at(x, j, "\xEC\x95\xBD")) /* 약 */
        j = skip_space(x, j + 3);
    if (strcmp(main->currency, "KRW") == 0 || main->ambiguous ||
        main->prefix_currency || ft_view_at(x, main->end - 1) < 0x80)
        return false;
    return ft_money_scan(x.t, x.len, j, 0, &r) && r.has_currency &&
           strcmp(r.currency, "KRW") == 0 && ft_view_at(x, r.end - 1) >= 0x80;
}

/* The paper's own conversion right after a figure: "X won ($Y)", "X won
 * (about US$Y)", "$Y (X won)", ", or about $Y,", ", which translates to
 * $Y".  On success fills *r and returns the end of what was consumed. */
static size_t conversion_after(ft_view x, size_t end, size_t after,
                               const ft_money *main, ft_money *r)
{
    /* its leads and the nouns an amount may modify before it:
     * paren_lead, comma_lead, held_nouns (extract_words.h); after:
     * skip_space(x, end) */
    size_t j = after, h;
    bool paren = false, dash = false, comma = false;
    if ((h = phrase_at_indexed(x, j, &held_starters, held_nouns)) != 0 &&
        is_open_paren(x, skip_space(x, h)))
        j = skip_space(x, h);
    else if (ft_view_at(x, j) == '.' && is_open_paren(x, skip_space(x, j + 1)))
        j = skip_space(x, j + 1); /* "1.8 billion NOK. (US$287 million)" */
    if (is_open_paren(x, j)) {
        paren = true;
        j = skip_space(x, j + (ft_view_at(x, j) == '(' ? 1 : 3));
    } else if (ft_view_at(x, j) == ',') {
        comma = true;
        j = skip_space(x, j + 1);
    } else if (j > end && (bytes_at(x, j, "\xE2\x80\x93") ||
                           bytes_at(x, j, "\xE2\x80\x94"))) {
        /* a spaced dash: "1.55 trillion yuan – 225 billion US dollars" */
        dash = true;
        j = skip_space(x, j + 3);
    } else if (!ft_phrase_at(x.t, x.len, j, "or")) {
        return 0;
    }
    size_t best = paren ? phrase_at_indexed(x, j, &paren_starters, paren_lead)
                        : phrase_at_indexed(x, j, &comma_starters, comma_lead);
    if (best)
        j = skip_space(x, best);
    else if (!paren && !dash && !(comma && korean_won_apposition(x, main, j)))
        return 0; /* ", $Y" alone is a list, not a conversion */
    if (bytes_at(x, j, "\xEC\x95\xBD")) /* 약 */
        j = skip_space(x, j + 3);
    if (!ft_money_scan(x.t, x.len, j, FT_MONEY_ALLOW_BARE, r))
        return 0;
    /* the conversion of a range is a range: "($3.2-3.3 billion)", "4억에서
     * 6.5억 달러, 우리 돈으로는 5천억 원에서 최대 8천억 원"; the figure
     * keeps its low end */
    size_t e = r->end;
    size_t joint = range_joint(x, r->end, false);
    ft_money hi;
    if (joint && take_range(x, r, joint, &hi))
        e = hi.end;
    if (!r->has_currency)
        return 0;
    if (strcmp(r->currency, main->currency) == 0 && !main->ambiguous)
        return 0; /* a breakdown in the same currency */
    if (is_rate(x, r, skip_space(x, r->end)))
        return 0;
    if (paren) {
        /* allow a short tail: "($84.9 million at today's rate)", and
         * after a comma or semicolon anything: "($3.6 billion, 2.1% of
         * GDP)", "(€1.4bn; $1.6bn)" */
        size_t k = e, limit = e + 40;
        bool comma = ft_view_at(x, k) == ',' || ft_view_at(x, k) == ';';
        while (k < x.len && k < limit && !is_close_paren(x, k) &&
               ft_view_at(x, k) != '(' && ft_view_at(x, k) != '\n' &&
               (comma || !ft_ascii_digit(ft_view_at(x, k))))
            k++;
        if (!is_close_paren(x, k))
            return 0;
        e = k + (ft_view_at(x, k) == ')' ? 1 : 3);
    }
    return e;
}

/* A bare amount ("15 billion") is money only when what follows is not a
 * count of things: punctuation, the end, or a small word. */
static bool bare_can_be_money(ft_view x, const ft_money *m, size_t after)
{
    static const char *const ok_next[] = {
        "and",        "or",     "to",    "in",    "for",   "from",
        "last",       "this",   "next",  "a",     "per",   "respectively",
        "was",        "were",   "is",    "are",   "will",  "has",
        "had",        "by",     "on",    "at",    "with",  "as",
        "than",       "while",  "but",   "over",  "under", "into",
        "that",       "which",  "each",  "more",  "less",  "earlier",
        "previously", "before", "after", "since",
    };
    if (m->year_like)
        return false;
    size_t j = after; /* skip_space(x, m->end) */
    unsigned char c = ft_view_at(x, j);
    if (j >= x.len || c == '.' || c == ',' || c == ';' || c == ')' || c == ':')
        return true;
    /* an aside on the change: "to 24.49 trillion (up 9.7%)" */
    if (c == '(') {
        for (size_t k = j + 1; k < j + 40 && k < x.len; k++) {
            if (ft_view_at(x, k) == ')' || ft_view_at(x, k) == '(')
                break;
            if (ft_view_at(x, k) == '%')
                return true;
        }
        return false;
    }
    /* a Korean numeral sized as a sum: "1607억 규모의 사업비", "3조 상당" */
    if (ft_view_at(x, m->end - 1) >= 0x80 &&
        (bytes_at(x, j, "\xEA\xB7\x9C\xEB\xAA\xA8") || /* 규모 */
         bytes_at(x, j, "\xEC\x83\x81\xEB\x8B\xB9") || /* 상당 */
         bytes_at(x, j, "\xEB\x93\xB1")))              /* 등 (etc.) */
        return true;
    if (FT_PHRASE_AT_ANY(x.t, x.len, j, ok_next))
        return true;
    return false;
}

/* A plain number written like money ("98,500") in a list right after a
 * figure with a currency, the currency left out: "405,000 won for a
 * sergeant and 98,500 for a private".  What follows must be no count's
 * noun: "for", "respectively", or punctuation. */
static bool listed_after_money(ft_view x, const ft_money *m,
                               const ft_figlist *out, size_t first)
{
    static const ft_lit joints[] = {FT_LIT("and"), FT_LIT("or"), FT_LIT(","),
                                    FT_LIT("versus"), FT_LIT("against")};
    static const char *const ok_next[] = {"for", "respectively", "a month",
                                          "per month", "a year"};
    if (m->integer_only || m->year_like || m->value.scale != 0 ||
        out->len == first)
        return false;
    const ft_figure *prev = &out->items[out->len - 1];
    if (!prev->currency[0] || (prev->flags & FT_FLAG_CURRENCY_INFERRED) ||
        prev->end > m->start || m->start - prev->end > 80)
        return false;
    size_t which;
    size_t j = FT_PHRASE_BEFORE_ANY(x.t, x.len, m->start, joints, &which);
    if (j == SIZE_MAX)
        return false;
    for (size_t k = prev->end; k < j; k++)
        if (may_end_sentence(ft_view_at(x, k)) && ends_sentence(x, k))
            return false;
    size_t n = skip_space(x, m->end);
    unsigned char c = ft_view_at(x, n);
    return n >= x.len || c == ',' || c == '.' || c == ';' || c == ')' ||
           FT_PHRASE_AT_ANY(x.t, x.len, n, ok_next);
}

/* The last item of a Korean list that drops the currency takes a
 * particle: "각각 125억, 73억, 58억이 배정됐다".  It follows the figure
 * before it with only a comma between. */
static bool korean_list_item(ft_view x, const ft_money *m,
                             const ft_figlist *out, size_t first)
{
    if (!m->has_scale || out->len == first || ft_view_at(x, m->end - 1) < 0x80)
        return false;
    const ft_figure *prev = &out->items[out->len - 1];
    if (prev->end > m->start || m->start - prev->end > 4 ||
        ft_view_at(x, prev->end) != ',')
        return false;
    return skip_space(x, prev->end + 1) == m->start;
}

/* ------------------------------------------------------------- the pass */

static void copy_code(char *dst, size_t n, const char *src)
{
    /* a code is a few bytes: copied as it is read, not measured first */
    size_t l = 0;
    for (; l + 1 < n && src[l]; l++)
        dst[l] = src[l];
    dst[l] = '\0';
}

/* The range joints after an amount's end: the signs looked for once,
 * then each joint word once. */
typedef struct {
    size_t end;
    size_t sign, word; /* sign_joint's answer and its *word */
    size_t joint[2];   /* [after_between] */
    bool signs_known, known[2];
} joints;

static size_t joint_after(ft_view x, joints *j, bool after_between)
{
    if (!j->signs_known) {
        j->sign = sign_joint(x, j->end, &j->word);
        j->signs_known = true;
    }
    if (j->sign)
        return j->sign;
    if (!j->known[after_between]) {
        j->joint[after_between] = word_joint(x, j->word, after_between);
        j->known[after_between] = true;
    }
    return j->joint[after_between];
}

/* Handle the amount m found at its start; returns where to continue.
 * The article's figures are out->items[first..]: those before are another
 * article's (ft_extract appends), and no look-back may reach them. */
static ft_status take_amount(ft_view x, ft_money m, ft_figlist *out,
                             size_t first, size_t *next)
{
    *next = m.end;
    /* Most plain numbers (years, counts) are left out by money
     * (FT_MONEY_PLAIN_JOINED: no joint may follow, and no list takes
     * them); the others are settled here, cheaply. */
    bool listed = false;
    joints js = {.end = m.end};
    if (!m.has_currency && !m.has_scale &&
        !(ft_money_may_join(x.t, x.len, m.end) &&
          (joint_after(x, &js, true) || joint_after(x, &js, false))) &&
        !(listed = listed_after_money(x, &m, out, first)))
        return FT_OK;
    /* what follows the amount, for the looks below */
    size_t after = skip_space(x, m.end);
    if (is_rate(x, &m, after))
        return FT_OK;
    if (m.ambiguous) {
        /* pesos beside "the Philippines" are PHP */
        const char *iso = ft_money_settle(x.t, x.len, &m);
        if (iso[0]) {
            m.currency = iso;
            m.ambiguous = false;
        }
    }

    /* A minus sign glued to the amount: "-26.4 trillion won" (a loss),
     * not the hyphen of "$300-400" or a dash "--". */
    if (m.start > 0 && ft_view_at(x, m.start - 1) == '-' &&
        (m.start == 1 || !(ft_money_is_word_byte(ft_view_at(x, m.start - 2)) ||
                           ft_view_at(x, m.start - 2) == '-'))) {
        m.start--;
        m.value.negative = !ft_decimal_is_zero(m.value);
    } else if (m.start >= 3 && bytes_at(x, m.start - 3, "\xE2\x88\x92")) {
        m.start -= 3; /* U+2212 minus */
        m.value.negative = !ft_decimal_is_zero(m.value);
    }

    ft_qualifier q = FT_Q_EQ;
    size_t before = qualifier_before(x, m.start, &q);
    /* a range only where a joint may follow (most figures have none):
     * the words before it are read then */
    size_t joint = 0, from = SIZE_MAX;
    if (ft_money_may_join(x.t, x.len, m.end)) {
        bool between = ft_phrase_before(x.t, x.len, before,
                                        (ft_lit)FT_LIT("between")) != SIZE_MAX;
        from = ft_phrase_before(x.t, x.len, before, (ft_lit)FT_LIT("from"));
        joint = joint_after(x, &js, between);
    }

    ft_money hi;
    bool range = false;
    /* "from X to Y" is a range ("secured from 30.6 trillion won to 66
     * trillion won"), unless a verb of change makes it two levels ("rose
     * from X to Y"). */
    /* "rose by 2 trillion won to 61 trillion won" is a change and then
     * the level it led to, never a range */
    bool to = ft_view_at(x, after) == 't';
    if (joint &&
        !(to && from != SIZE_MAX &&
          (change_before(x, from) ||
           FT_PHRASE_BEFORE_ANY(x.t, x.len, from, moved_from, NULL) !=
               SIZE_MAX)) &&
        !(to && change_before(x, before)))
        range = take_range(x, &m, joint, &hi);
    if (range && is_eseo(x, after) && korean_became(x, hi.end))
        range = false;

    if (!m.has_currency) {
        /* bare: kept for now, its currency comes from its neighbours */
        if (!listed && (!m.has_scale || !bare_can_be_money(x, &m, after)) &&
            !korean_list_item(x, &m, out, first)) {
            /* skip the plain number, not what may follow it */
            *next = m.end;
            return FT_OK;
        }
    }
    size_t end = range ? hi.end : m.end;
    size_t after_end = range ? skip_space(x, end) : after;
    *next = end;

    ft_figure *f = figlist_push(out);
    if (!f)
        return FT_ENOMEM;
    f->start = m.start;
    f->end = end;
    f->amount = m.value;
    copy_code(f->currency, sizeof f->currency, m.currency);
    if (m.ambiguous && m.has_currency)
        f->flags |= FT_FLAG_AMBIGUOUS_CURRENCY;
    if (!m.has_currency)
        f->flags |= FT_FLAG_CURRENCY_INFERRED; /* resolved after the pass */
    if (range) {
        f->amount_max = hi.value;
        f->has_max = true;
        q = FT_Q_RANGE;
    } else if (m.korean_more) {
        q = FT_Q_APPROX;
    }
    if (q == FT_Q_EQ)
        korean_qualifier_after(x, end, after_end, &q);
    f->qualifier = q;
    f->kind =
        is_change(x, before, end, after_end) ? FT_KIND_CHANGE : FT_KIND_LEVEL;

    ft_money r;
    size_t conv =
        m.has_currency ? conversion_after(x, end, after_end, &m, &r) : 0;
    if (conv) {
        f->reported = r.value;
        f->has_reported = true;
        copy_code(f->reported_currency, sizeof f->reported_currency,
                  r.currency);
        *next = conv;
        f->paired_end = conv; /* years.c reads past it to the clause */
    }
    /* Figures often share a sentence: the one before may know it. */
    const ft_figure *prev =
        out->len > first + 1 ? &out->items[out->len - 2] : NULL;
    if (prev && f->start >= prev->end && f->end + 1 < prev->sent_end &&
        prev->sent_end > prev->end) {
        f->sent_start = prev->sent_start;
        f->sent_end = prev->sent_end;
    } else {
        sentence_bounds(x, f->start, f->end, &f->sent_start, &f->sent_end);
    }
    return FT_OK;
}

/* Amounts written without a currency ("last year's 15 billion", "200
 * million and 350 million won, respectively") take the currency of the
 * nearest figure in the same sentence, else of the one just before;
 * those with no such neighbour are dropped: a guess would be a silently
 * wrong number. */
static void resolve_bare(ft_figlist *out, size_t first)
{
    size_t w = first;
    for (size_t i = first; i < out->len; i++) {
        ft_figure *f = &out->items[i];
        if (f->currency[0] || !(f->flags & FT_FLAG_CURRENCY_INFERRED)) {
            if (w != i) /* most figures stay where they are */
                out->items[w] = *f;
            w++;
            continue;
        }
        const ft_figure *best = NULL;
        for (size_t k = i + 1; k < out->len && !best; k++) {
            const ft_figure *g = &out->items[k];
            if (g->sent_start != f->sent_start)
                break;
            if (g->currency[0] && !(g->flags & FT_FLAG_CURRENCY_INFERRED))
                best = g;
        }
        for (size_t k = i; k-- > first && !best;) {
            const ft_figure *g = &out->items[k];
            if (f->start - g->end > 400)
                break;
            if (g->currency[0] && !(g->flags & FT_FLAG_CURRENCY_INFERRED))
                best = g;
        }
        if (!best)
            continue;
        copy_code(f->currency, sizeof f->currency, best->currency);
        out->items[w++] = *f;
    }
    out->len = w;
}

/* The amounts of text[0..len), appended to out from `first` on. */
static ft_status find_amounts(ft_view x, const ft_extract_opts *opts,
                              ft_figlist *out, size_t first, ft_error *err)
{
    ft_money_finder finder;
    ft_money_finder_init(&finder, x.t, x.len);
    ft_money m;
    /* A plain number is read too, for it may open a range whose other end
     * carries the currency ("1-2 trillion won") or be an item of a list
     * ("405,000 won for a sergeant and 98,500 for a private"); those that
     * can be neither (take_amount drops them at once) money leaves out,
     * without their trip here. */
    size_t most =
        opts && opts->max_figures ? opts->max_figures : FT_EXTRACT_FIGURES_MAX;
    while (ft_money_find(&finder, FT_MONEY_ALLOW_PLAIN | FT_MONEY_PLAIN_JOINED,
                         &m)) {
        size_t next;
        if (take_amount(x, m, out, first, &next) != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        finder.pos = next > m.start ? next : m.start + 1;
        /* figures whose currency is inferred, which resolve_bare may drop,
         * count too: the bound is on what is held while reading */
        if (out->len - first > most) {
            out->len = first;
            return ft_error_set(err, FT_ETOOBIG,
                                "more than %zu figures: not read (a table or "
                                "generated text?)",
                                most);
        }
    }
    resolve_bare(out, first);
    return FT_OK;
}

ft_status ft_extract_stage(ft_stage stage, const char *t, size_t len,
                           const ft_extract_opts *opts, ft_figlist *out,
                           size_t first, ft_error *err)
{
    if (stage == FT_STAGE_AMOUNTS)
        return find_amounts((ft_view){t, len}, opts, out, first, err);
    /* No figure: nothing to assign, and out->items may still be NULL, so
     * "out->items + first" would be NULL + 0, undefined in C (clang's
     * UBSan reports it). */
    if (out->len <= first)
        return FT_OK;
    ft_figure *figs = out->items + first;
    size_t n = out->len - first;
    switch (stage) {
    case FT_STAGE_YEARS: {
        int published_year = 0;
        if (opts && opts->published && strlen(opts->published) >= 4)
            published_year = atoi(opts->published);
        ft_years_assign(t, len, published_year, figs, n);
        return FT_OK;
    }
    case FT_STAGE_SUBJECTS:
        ft_subjects_assign(opts ? opts->subjects : NULL, t, len, figs, n);
        return FT_OK;
    case FT_STAGE_COUNTRIES:
        if (ft_countries_assign(opts ? opts->countries : NULL, t, len, figs,
                                n) != FT_OK)
            return ft_error_set(err, FT_ENOMEM, "out of memory");
        return FT_OK;
    default:
        return FT_OK;
    }
}

ft_status ft_extract(const char *t, size_t len, const ft_extract_opts *opts,
                     ft_figlist *out, ft_error *err)
{
    size_t first = out->len;
    for (int s = 0; s < FT_STAGES; s++) {
        ft_status st =
            ft_extract_stage((ft_stage)s, t, len, opts, out, first, err);
        if (st != FT_OK)
            return st;
    }
    return FT_OK;
}
