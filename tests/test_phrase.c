/* test_phrase.c — the fixed-phrase matchers: case folding, runs of spaces
 * and no-break spaces, word boundaries, the end of the text, clause
 * breaks and glued full stops.
 *
 * Besides the cases written out, every matcher is compared with a plain
 * reference (the first, byte-at-a-time version of phrase.c, kept below)
 * on every short text over an alphabet of the bytes that matter and on
 * random longer ones: the fast matchers must answer exactly as it does.
 * Texts are copied into buffers of their exact length, so that a read
 * past the end shows under AddressSanitizer and Valgrind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "phrase.h"

/* ---- the reference ---------------------------------------------------- */

static unsigned char ref_at(const char *t, size_t len, size_t i)
{
    return i < len ? (unsigned char)t[i] : 0;
}

static bool ref_is_word(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 ||
           (unsigned char)(c - '0') < 10;
}

static bool ref_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static unsigned char ref_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static size_t ref_skip_space(const char *t, size_t len, size_t i)
{
    for (;;) {
        if (ref_is_space(ref_at(t, len, i)))
            i++;
        else if (ref_at(t, len, i) == 0xC2 && ref_at(t, len, i + 1) == 0xA0)
            i += 2;
        else
            return i;
    }
}

static size_t ref_phrase_at(const char *t, size_t len, size_t i, const char *p)
{
    if ((unsigned char)p[0] != ' ' &&
        (unsigned char)p[0] != ref_lower(ref_at(t, len, i)))
        return 0;
    if (!*p || (ref_is_word((unsigned char)p[0]) && i > 0 && i <= len &&
                ref_is_word(ref_at(t, len, i - 1))))
        return 0;
    size_t j = i;
    const char *q = p;
    for (; *q; q++) {
        if (*q == ' ') {
            size_t k = ref_skip_space(t, len, j);
            if (k == j)
                return 0;
            j = k;
        } else if (ref_lower(ref_at(t, len, j)) != (unsigned char)*q) {
            return 0;
        } else {
            j++;
        }
    }
    if (ref_is_word((unsigned char)q[-1]) && ref_is_word(ref_at(t, len, j)))
        return 0;
    return j;
}

static size_t ref_phrase_at_any(const char *t, size_t len, size_t i,
                                const char *const *list, size_t n)
{
    unsigned char c = ref_lower(ref_at(t, len, i)),
                  c1 = ref_lower(ref_at(t, len, i + 1));
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        const unsigned char *q = (const unsigned char *)list[k];
        if (q[0] != ' ' && (q[0] != c || (q[1] > ' ' && q[1] != c1)))
            continue;
        size_t e = ref_phrase_at(t, len, i, list[k]);
        if (e > best)
            best = e;
    }
    return best;
}

static size_t ref_trim_back(const char *t, size_t end)
{
    while (end > 0 && ref_is_space((unsigned char)t[end - 1]))
        end--;
    return end;
}

static size_t ref_ending_at(const char *t, size_t len, size_t j, ft_lit p)
{
    if (j == 0 || j > len || p.n == 0 ||
        ref_lower((unsigned char)t[j - 1]) != (unsigned char)p.s[p.n - 1])
        return SIZE_MAX;
    size_t i = j;
    for (size_t k = p.n; k-- > 0;) {
        if (p.s[k] == ' ') {
            if (i == 0 || !ref_is_space((unsigned char)t[i - 1]))
                return SIZE_MAX;
            while (i > 0 && ref_is_space((unsigned char)t[i - 1]))
                i--;
        } else {
            if (i == 0 ||
                ref_lower((unsigned char)t[i - 1]) != (unsigned char)p.s[k])
                return SIZE_MAX;
            i--;
        }
    }
    if (ref_is_word((unsigned char)p.s[0]) && i > 0 &&
        ref_is_word((unsigned char)t[i - 1]))
        return SIZE_MAX;
    if (ref_is_word((unsigned char)p.s[p.n - 1]) && j < len &&
        ref_is_word((unsigned char)t[j]))
        return SIZE_MAX;
    return i;
}

static size_t ref_before(const char *t, size_t len, size_t end, ft_lit p)
{
    return ref_ending_at(t, len, ref_trim_back(t, end), p);
}

static size_t ref_before_any(const char *t, size_t len, size_t end,
                             const ft_lit *list, size_t n, size_t *which)
{
    size_t j = ref_trim_back(t, end);
    if (j == 0)
        return SIZE_MAX;
    unsigned char last = ref_lower((unsigned char)t[j - 1]);
    for (size_t k = 0; k < n; k++) {
        if ((unsigned char)list[k].s[list[k].n - 1] != last)
            continue;
        size_t s = ref_ending_at(t, len, j, list[k]);
        if (s != SIZE_MAX) {
            if (which)
                *which = k;
            return s;
        }
    }
    return SIZE_MAX;
}

static bool ref_glued_stop(const char *t, size_t len, size_t i)
{
    if (ref_at(t, len, i) != '.' || i == 0)
        return false;
    unsigned char p = ref_at(t, len, i - 1), n = ref_at(t, len, i + 1);
    if (((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) && n >= 'A' &&
        n <= 'Z' && ref_at(t, len, i + 2) >= 'a' &&
        ref_at(t, len, i + 2) <= 'z')
        return !(i >= 2 && ref_at(t, len, i - 2) == '.');
    return i >= 3 && ref_at(t, len, i - 3) >= 0xEA &&
           ref_at(t, len, i - 3) <= 0xED && n >= 0xEA && n <= 0xED;
}

/* The words that break a clause (phrase.h). */
static const char *const break_words[] = {" but ", " while ", " whereas ",
                                          " although ", " though "};
#define N_BREAK_WORDS (sizeof break_words / sizeof *break_words)

static int ref_clause_break(const char *t, size_t len, size_t i)
{
    unsigned char c = ref_at(t, len, i);
    if (c == ',')
        return i > 0 && (unsigned char)(ref_at(t, len, i - 1) - '0') < 10 &&
                       (unsigned char)(ref_at(t, len, i + 1) - '0') < 10
                   ? 0
                   : 1;
    if (c == ';' || c == ':')
        return 2;
    if (c == 0xE2 && ref_at(t, len, i + 1) == 0x80 &&
        ref_at(t, len, i + 2) == 0x94)
        return 2;
    unsigned char n = ref_at(t, len, i + 1);
    if (c == ' ' && (n == 'b' || n == 'w' || n == 'a' || n == 't'))
        return ref_phrase_at_any(t, len, i, break_words, N_BREAK_WORDS) != 0
                   ? 2
                   : 0;
    return 0;
}

static int ref_breaks_between(const char *t, size_t len, size_t a, size_t b,
                              size_t skip_from, size_t skip_to)
{
    int most = 0;
    for (size_t i = a; i < b && most < 2; i++) {
        if (i >= skip_from && i < skip_to)
            continue;
        int k = ref_clause_break(t, len, i);
        if (k > most)
            most = k;
    }
    return most;
}

/* ---- texts of exact length -------------------------------------------- */

/* s[0..n) in a buffer of exactly n bytes (one when n is 0), no NUL. */
static char *exact(const char *s, size_t n)
{
    char *t = malloc(n ? n : 1);
    assert_non_null(t);
    if (n)
        memcpy(t, s, n);
    return t;
}

static size_t at(const char *s, size_t i, const char *p)
{
    size_t n = strlen(s);
    char *t = exact(s, n);
    size_t e = ft_phrase_at(t, n, i, p);
    free(t);
    return e;
}

static size_t before(const char *s, size_t end, const char *p)
{
    size_t n = strlen(s);
    char *t = exact(s, n);
    size_t e = ft_phrase_before(t, n, end, (ft_lit){p, strlen(p)});
    free(t);
    return e;
}

static int clause(const char *s, size_t i)
{
    size_t n = strlen(s);
    char *t = exact(s, n);
    int k = ft_clause_break(t, n, i);
    free(t);
    return k;
}

static bool glued(const char *s, size_t i)
{
    size_t n = strlen(s);
    char *t = exact(s, n);
    bool g = ft_phrase_glued_stop(t, n, i);
    free(t);
    return g;
}

/* ---- the cases written out -------------------------------------------- */

/* The ASCII helpers of phrase.h (tables since) against their definition,
 * for every byte. */
static void test_ascii_classes(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
        assert_int_equal(ft_ascii_upper((unsigned char)c), upper);
        assert_int_equal(ft_ascii_lower((unsigned char)c), lower);
        assert_int_equal(ft_ascii_alpha((unsigned char)c), upper || lower);
        assert_int_equal(ft_ascii_digit((unsigned char)c),
                         c >= '0' && c <= '9');
        assert_int_equal(ft_ascii_space((unsigned char)c),
                         c == ' ' || c == '\t' || c == '\r' || c == '\n');
        assert_int_equal(ft_ascii_fold((unsigned char)c), upper ? c + 32 : c);
        /* where ft_clause_break looks further, in one byte of text */
        char t[1] = {(char)c};
        assert_int_equal((ft_ascii_class[c] & FT_BREAK_START) != 0,
                         c == ' ' || c == ',' || c == ';' || c == ':' ||
                             c == 0xE2);
        assert_int_equal(ft_clause_break(t, 1, 0), c == ','               ? 1
                                                   : c == ';' || c == ':' ? 2
                                                                          : 0);
    }
}

static void test_at_folds_case(void **state)
{
    (void)state;
    assert_int_equal(at("More than", 0, "more than"), 9);
    assert_int_equal(at("MORE THAN 5", 0, "more than"), 9);
    /* a phrase is lower case: an upper-case letter in it never matches */
    assert_int_equal(at("More", 0, "More"), 0);
    /* only ASCII letters fold */
    assert_int_equal(at("\xC3\x89t\xC3\xA9", 0, "\xC3\xA9t\xC3\xA9"), 0);
    assert_int_equal(at("\xC3\xA9t\xC3\xA9", 0, "\xC3\xA9t\xC3\xA9"), 5);
    /* '@' and '[' sit beside 'A' and 'Z': they are no letters */
    assert_int_equal(at("@", 0, "`"), 0);
    assert_int_equal(at("[", 0, "{"), 0);
}

static void test_at_spaces(void **state)
{
    (void)state;
    /* a space in the phrase: a run of spaces, tabs, line breaks, no-break
     * spaces */
    assert_int_equal(at("more  than", 0, "more than"), 10);
    assert_int_equal(at("more\t\r\n than", 0, "more than"), 12);
    assert_int_equal(at("more\xC2\xA0than", 0, "more than"), 10);
    assert_int_equal(at("more \xC2\xA0\xC2\xA0 than", 0, "more than"), 14);
    /* but at least one */
    assert_int_equal(at("morethan", 0, "more than"), 0);
    /* half a no-break space is none, and neither are other spaces */
    assert_int_equal(at("more\xC2than", 0, "more than"), 0);
    assert_int_equal(at("more\xA0than", 0, "more than"), 0);
    assert_int_equal(at("more\vthan", 0, "more than"), 0);
    assert_int_equal(at("more\xE2\x80\x89than", 0, "more than"), 0);
    /* two spaces in a phrase: the first takes the whole run */
    assert_int_equal(at("a  b", 0, "a  b"), 0);
    /* leading and trailing spaces */
    assert_int_equal(at("x but y", 1, " but "), 6);
    assert_int_equal(at("x  but\n\ny", 1, " but "), 8);
    assert_int_equal(at("x but", 1, " but "), 0);
    assert_int_equal(at("xbut y", 1, " but "), 0);
    assert_int_equal(at("x \xC2\xA0"
                        "but \xC2\xA0y",
                        1, " but "),
                     10);
    /* a no-break space cut off by the end of the text */
    assert_int_equal(at("x but\xC2", 1, " but "), 0);
}

static void test_at_word_boundaries(void **state)
{
    (void)state;
    assert_int_equal(at("about", 1, "bout"), 0);
    assert_int_equal(at("a bout", 2, "bout"), 6);
    assert_int_equal(at("boutique", 0, "bout"), 0);
    assert_int_equal(at("bout-ique", 0, "bout"), 4);
    assert_int_equal(at("9to", 1, "to"), 0);
    assert_int_equal(at("to9", 0, "to"), 0);
    assert_int_equal(at("\xC3\xA9to", 2, "to"), 4); /* é is no letter */
    assert_int_equal(at("to\xC3\xA9", 0, "to"), 2);
    /* a phrase that starts or ends with something else needs none */
    assert_int_equal(at("a-b", 1, "-b"), 3);
    assert_int_equal(at("a b-c", 2, "b-"), 4);
    assert_int_equal(at("ab-c", 1, "b-"), 0);
    assert_int_equal(at("x.", 1, "."), 2);
    assert_int_equal(at("ab", 1, "b"), 0);
}

static void test_at_end_of_text(void **state)
{
    (void)state;
    assert_int_equal(at("tha", 0, "than"), 0);
    assert_int_equal(at("than", 0, "than"), 4);
    assert_int_equal(at("than", 4, "than"), 0);
    assert_int_equal(at("than", 9, "than"), 0);
    assert_int_equal(at("", 0, "a"), 0);
    assert_int_equal(at("", 0, " "), 0);
    assert_int_equal(at("a ", 1, " "), 2);
    /* the empty phrase is never found */
    assert_int_equal(at("a", 0, ""), 0);
    assert_int_equal(at("", 0, ""), 0);
    assert_int_equal(at("a", 1, ""), 0);
}

static void test_at_any_takes_the_longest(void **state)
{
    (void)state;
    static const char *const list[] = {"per", "per cent", "percent", " per"};
    const char *s = "5 per  cent";
    size_t n = strlen(s);
    char *t = exact(s, n);
    assert_int_equal(FT_PHRASE_AT_ANY(t, n, 2, list), 11);
    assert_int_equal(FT_PHRASE_AT_ANY(t, n, 1, list), 5);
    assert_int_equal(FT_PHRASE_AT_ANY(t, n, 0, list), 0);
    assert_int_equal(ft_phrase_at_any(t, n, 2, list, 0), 0);
    free(t);
}

static void test_trim_back(void **state)
{
    (void)state;
    assert_int_equal(ft_phrase_trim_back("a \t\r\n", 5), 1);
    assert_int_equal(ft_phrase_trim_back("   ", 3), 0);
    assert_int_equal(ft_phrase_trim_back("a\v", 2), 2);
    /* a no-break space is not trimmed here */
    assert_int_equal(ft_phrase_trim_back("a\xC2\xA0", 3), 3);
    assert_int_equal(ft_phrase_trim_back("", 0), 0);
}

static void test_before(void **state)
{
    (void)state;
    assert_int_equal(before("more than 5", 10, "than"), 5);
    assert_int_equal(before("more than 5", 10, "more than"), 0);
    assert_int_equal(before("More  THAN \t5", 12, "more than"), 0);
    assert_int_equal(before("morethan 5", 9, "than"), SIZE_MAX);
    assert_int_equal(before("athan 5", 6, "than"), SIZE_MAX);
    assert_int_equal(before("-than 5", 6, "than"), 1);
    /* the end is at a word boundary too */
    assert_int_equal(before("thanx", 4, "than"), SIZE_MAX);
    assert_int_equal(before("than-", 4, "than"), 0);
    /* backwards, a space is ASCII space only: no-break spaces are not */
    assert_int_equal(before("more\xC2\xA0than 5", 11, "more than"), SIZE_MAX);
    assert_int_equal(before("more \t than", 11, "more than"), 0);
    /* at the start of the text, and past it */
    assert_int_equal(before("than", 4, "than"), 0);
    assert_int_equal(before("han", 3, "than"), SIZE_MAX);
    assert_int_equal(before(" than", 5, " than"), 0);
    assert_int_equal(before("than", 4, " than"), SIZE_MAX);
    assert_int_equal(before("   ", 3, "a"), SIZE_MAX);
    assert_int_equal(before("a", 1, ""), SIZE_MAX);
    /* folded case, and an upper-case phrase that never matches */
    assert_int_equal(before("THAN", 4, "than"), 0);
    assert_int_equal(before("THAN", 4, "THAN"), SIZE_MAX);
    /* Hangul: bytes, no boundaries */
    assert_int_equal(before("\xEA\xB0\x80\xEB\x82\x98", 6, "\xEB\x82\x98"), 3);
}

static void test_ending_at(void **state)
{
    (void)state;
    const char *s = "a than b";
    char *t = exact(s, 8);
    ft_lit than = FT_LIT("than");
    assert_int_equal(ft_phrase_ending_at(t, 8, 6, than), 2);
    assert_int_equal(ft_phrase_ending_at(t, 8, 7, than), SIZE_MAX);
    assert_int_equal(ft_phrase_ending_at(t, 8, 9, than), SIZE_MAX);
    assert_int_equal(ft_phrase_ending_at(t, 8, 0, than), SIZE_MAX);
    free(t);
}

static void test_before_any_takes_the_first(void **state)
{
    (void)state;
    static const ft_lit list[] = {FT_LIT("than"), FT_LIT("more than"),
                                  FT_LIT("an"), FT_LIT("less than")};
    const char *s = "less than 5";
    size_t n = strlen(s);
    char *t = exact(s, n);
    size_t which = 99;
    assert_int_equal(FT_PHRASE_BEFORE_ANY(t, n, 10, list, &which), 5);
    assert_int_equal(which, 0);
    assert_int_equal(ft_phrase_before_any(t, n, 10, list + 1, 3, &which), 0);
    assert_int_equal(which, 2);
    which = 99;
    assert_int_equal(ft_phrase_before_any(t, n, 4, list, 4, &which), SIZE_MAX);
    assert_int_equal(which, 99); /* untouched when nothing is found */
    assert_int_equal(ft_phrase_before_any(t, n, 0, list, 4, &which), SIZE_MAX);
    assert_int_equal(ft_phrase_before_any(t, n, 10, list, 0, &which), SIZE_MAX);
    assert_int_equal(FT_PHRASE_BEFORE_ANY(t, n, 10, list, NULL), 5);
    free(t);
}

static void test_glued_stop(void **state)
{
    (void)state;
    assert_true(glued("for corporals.Starting", 13));
    assert_true(glued("in 2022.The", 7));
    assert_false(glued("in 2022. The", 7));
    assert_false(glued("U.S.Army", 3));
    assert_false(glued("e.g.The", 3));
    assert_false(glued("3.5", 1));
    assert_false(glued("a.TH", 1));    /* a capital, then a small letter */
    assert_false(glued("a.T", 1));     /* cut off */
    assert_false(glued("A.Tea", 1));   /* small letter or digit before */
    assert_false(glued(".The", 0));    /* nothing before */
    assert_false(glued("for.The", 2)); /* not a full stop */
    assert_true(glued("\xED\x96\x88\xEB\x8B\xA4.\xEC\x9D\xB4", 6));
    assert_false(glued("\xED\x96\x88\xEB\x8B\xA4.", 6));
    assert_false(glued("a.\xEC\x9D\xB4", 1));
}

static void test_clause_break(void **state)
{
    (void)state;
    assert_int_equal(clause("a, b", 1), 1);
    assert_int_equal(clause("1,000", 1), 0);
    assert_int_equal(clause("1, 000", 1), 1);
    assert_int_equal(clause(",5", 0), 1);
    assert_int_equal(clause("5,", 1), 1);
    assert_int_equal(clause("a; b", 1), 2);
    assert_int_equal(clause("a: b", 1), 2);
    assert_int_equal(clause("a\xE2\x80\x94"
                            "b",
                            1),
                     2);
    assert_int_equal(clause("a\xE2\x80\x93"
                            "b",
                            1),
                     0); /* en dash */
    assert_int_equal(clause("a\xE2\x80", 1), 0);
    assert_int_equal(clause("a but b", 1), 2);
    /* the byte after the space is looked at before folding */
    assert_int_equal(clause("a BUT b", 1), 0);
    assert_int_equal(clause("a bUT b", 1), 2);
    assert_int_equal(clause("a  although\tb", 1), 0); /* from the last */
    assert_int_equal(clause("a  although\tb", 2), 2);
    assert_int_equal(clause("a while b", 1), 2);
    assert_int_equal(clause("a whereas b", 1), 2);
    assert_int_equal(clause("a though b", 1), 2);
    /* the second letter folds too (FT_BREAK_WORD2 either case) */
    assert_int_equal(clause("a wHile b", 1), 2);
    assert_int_equal(clause("a wHEREAS b", 1), 2);
    assert_int_equal(clause("a aLthough b", 1), 2);
    assert_int_equal(clause("a tHOUGH b", 1), 2);
    assert_int_equal(clause("a b", 1), 0);
    assert_int_equal(clause("a bu", 1), 0);
    assert_int_equal(clause("a butter b", 1), 0);
    assert_int_equal(clause("a but", 1), 0);
    assert_int_equal(clause("a\xC2\xA0"
                            "but b",
                            1),
                     0);
    assert_int_equal(clause("a\tbut b", 1), 0); /* it starts at a space */
    assert_int_equal(clause("a thus b", 1), 0);
    assert_int_equal(clause("a b", 1), 0);
    assert_int_equal(clause("ab", 5), 0);
}

/* ft_break_word_keys holds the key of each break word's first four
 * bytes in its slot and nothing else: a word left out would never break
 * a clause. */
static void test_break_word_keys(void **state)
{
    (void)state;
    uint32_t want[8] = {0};
    for (size_t k = 0; k < N_BREAK_WORDS; k++) {
        const unsigned char *w = (const unsigned char *)break_words[k];
        uint32_t key = (w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16 |
                        (uint32_t)w[3] << 24) |
                       0x20202000u;
        assert_int_equal(want[FT_BREAK_KEY_SLOT(key)], 0); /* no two share */
        want[FT_BREAK_KEY_SLOT(key)] = key;
    }
    for (size_t k = 0; k < 8; k++)
        assert_int_equal(ft_break_word_keys[k], want[k]);
    /* the text's five bytes from the space, the last of them too */
    assert_int_equal(clause("a but ", 1), 2);
    assert_int_equal(clause(" but ", 0), 2);
    assert_int_equal(clause(" but", 0), 0);
    assert_int_equal(clause("a but\xC2\xA0"
                            "b",
                            1),
                     2);
    /* spaces whose first three letters are a word's but not the rest */
    assert_int_equal(clause("a which b", 1), 0);
    assert_int_equal(clause("a those b", 1), 0);
    assert_int_equal(clause("a Though b", 1), 0);
    assert_int_equal(clause("a But b", 1), 0); /* its key, not its word */
}

static void test_clause_breaks_between(void **state)
{
    (void)state;
    const char *s = "a, b ($1,000; c) but d";
    size_t n = strlen(s);
    char *t = exact(s, n);
    assert_int_equal(ft_clause_breaks_between(t, n, 0, n, n, n), 2);
    assert_int_equal(ft_clause_breaks_between(t, n, 0, 3, n, n), 1);
    assert_int_equal(ft_clause_breaks_between(t, n, 0, 3, 1, 2), 0);
    assert_int_equal(ft_clause_breaks_between(t, n, 4, 16, 5, 16), 0);
    assert_int_equal(ft_clause_breaks_between(t, n, 4, n, 5, 16), 2);
    assert_int_equal(ft_clause_breaks_between(t, n, 3, 3, n, n), 0);
    free(t);
}

/* ---- against the reference --------------------------------------------- */

/* The bytes (and sequences) the matchers look at, one piece per draw. */
/* clang-format off */
static const char *const pieces[] = {
    "a",  "b",  "t",  "h",  "A",  "B",   "T",    "H",
    "n",  "u",  "w",  "e",  "r",  "i",   "l",    "o",
    " ",  " ",  "\t", "\n", "\r", "\v",  "\xC2\xA0", "\xC2",
    "\xA0", "0", "9", ",",  ";",  ":",   ".",    "-",
    "\xE2\x80\x94", "\xE2", "\xEA\xB0\x80", "\xED\x96\x88", "@", "[",
    "`",  "{",  "Z",  "z",  "/", "\x80", "\xFF", "'",
};
/* clang-format on */
#define N_PIECES (sizeof pieces / sizeof *pieces)

/* The empty phrase first: the lists for the _any matchers leave it out
 * (the reference reads past it there). */
/* clang-format off */
static const char *const phrases[] = {
    "",       "b",       "ab",        "a b",     "a  b",      " a",
    "a ",     " ",       "a",         "ba",      "t",         "th",
    "the",    " but ",   " while ",   " though ", "but",       "an",
    "a-",     "-a",      "-",         ".",       ",",         "0",
    "9,",     "a0",      "0 a",       "A",       "Ab",        "\xC2\xA0",
    "a\xC2",  "\xEA\xB0\x80", "\xEA\xB0\x80 a", "@", "`",     "{",
    "z",      "hat",     "that",      "a b ",    " a b",      "au",
    "what",   "'",       "eh",        "he",      "the  a",    "a.",
    "whats",  "a that",  "THAT",
};
/* clang-format on */
#define N_PHRASES (sizeof phrases / sizeof *phrases)

static uint64_t next_random(uint64_t *s)
{
    /* xorshift64*: fixed seed, the same texts every run */
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

static ft_lit lits[N_PHRASES];

/* Every matcher at every position of the text s[0..n), against the
 * reference. */
static void compare_all(const char *s, size_t n)
{
    char *t = exact(s, n);
    for (size_t i = 0; i <= n + 1; i++) {
        for (size_t k = 0; k < N_PHRASES; k++)
            assert_int_equal(ft_phrase_at(t, n, i, phrases[k]),
                             ref_phrase_at(t, n, i, phrases[k]));
        for (size_t k = 1; k + 4 <= N_PHRASES; k += 4)
            assert_int_equal(ft_phrase_at_any(t, n, i, phrases + k, 4),
                             ref_phrase_at_any(t, n, i, phrases + k, 4));
        assert_int_equal(
            ft_phrase_at_any(t, n, i, phrases + 1, N_PHRASES - 1),
            ref_phrase_at_any(t, n, i, phrases + 1, N_PHRASES - 1));
        assert_int_equal(ft_clause_break(t, n, i), ref_clause_break(t, n, i));
        assert_int_equal(ft_phrase_glued_stop(t, n, i),
                         ref_glued_stop(t, n, i));
        for (size_t k = 0; k < N_PHRASES; k++)
            assert_int_equal(ft_phrase_ending_at(t, n, i, lits[k]),
                             ref_ending_at(t, n, i, lits[k]));
        if (i > n)
            continue;
        assert_int_equal(ft_phrase_trim_back(t, i), ref_trim_back(t, i));
        for (size_t k = 0; k < N_PHRASES; k++)
            assert_int_equal(ft_phrase_before(t, n, i, lits[k]),
                             ref_before(t, n, i, lits[k]));
        for (size_t k = 1; k + 6 <= N_PHRASES; k += 6) {
            size_t w1 = SIZE_MAX, w2 = SIZE_MAX;
            assert_int_equal(ft_phrase_before_any(t, n, i, lits + k, 6, &w1),
                             ref_before_any(t, n, i, lits + k, 6, &w2));
            assert_int_equal(w1, w2);
        }
        size_t w1 = SIZE_MAX, w2 = SIZE_MAX;
        assert_int_equal(
            ft_phrase_before_any(t, n, i, lits + 1, N_PHRASES - 1, &w1),
            ref_before_any(t, n, i, lits + 1, N_PHRASES - 1, &w2));
        assert_int_equal(w1, w2);
        for (size_t b = i; b <= n; b++)
            assert_int_equal(ft_clause_breaks_between(t, n, i, b, i + 1, i + 3),
                             ref_breaks_between(t, n, i, b, i + 1, i + 3));
    }
    free(t);
}

static void setup_lits(void)
{
    for (size_t k = 0; k < N_PHRASES; k++)
        lits[k] = (ft_lit){phrases[k], strlen(phrases[k])};
}

/* Every text of up to two pieces. */
static void test_same_as_reference_short(void **state)
{
    (void)state;
    setup_lits();
    char s[64] = {0};
    for (size_t a = 0; a <= N_PIECES; a++)
        for (size_t b = 0; b <= (a ? N_PIECES : 0); b++) {
            size_t n = 0;
            const size_t pick[2] = {a, b};
            for (int k = 0; k < 2 && pick[k]; k++) {
                size_t m = strlen(pieces[pick[k] - 1]);
                memcpy(s + n, pieces[pick[k] - 1], m);
                n += m;
            }
            compare_all(s, n);
        }
}

/* Longer random texts, with NUL bytes inside them too. */
static void test_same_as_reference_random(void **state)
{
    (void)state;
    setup_lits();
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    char s[256];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, count = next_random(&seed) % 14;
        for (size_t k = 0; k < count; k++) {
            uint64_t r = next_random(&seed);
            if (r % 23 == 0) {
                s[n++] = '\0';
                continue;
            }
            const char *p = pieces[(r >> 8) % N_PIECES];
            size_t m = strlen(p);
            memcpy(s + n, p, m);
            n += m;
        }
        compare_all(s, n);
    }
}

/* The phrases themselves, and each with its first or last byte cut off:
 * the texts where matches are found. */
static void test_same_as_reference_on_phrases(void **state)
{
    (void)state;
    setup_lits();
    char s[128];
    for (size_t k = 0; k < N_PHRASES; k++)
        for (size_t l = 0; l < N_PHRASES; l++) {
            size_t a = strlen(phrases[k]), b = strlen(phrases[l]);
            memcpy(s, phrases[k], a);
            s[a] = ' ';
            memcpy(s + a + 1, phrases[l], b);
            compare_all(s, a + 1 + b);
            compare_all(s, a + b);
            if (a + b > 0)
                compare_all(s + 1, a + b);
        }
}

/* ft_clause_breaks_between reads sixteen bytes at a time and holds its
 * own list of the bytes that may start a break: against the reference,
 * byte by byte, from every start to every end of a text that holds every
 * byte value, break words and thousands separators, in a buffer of its
 * exact length (so that a read past it shows under ASan). */
static void test_breaks_between_every_byte(void **state)
{
    (void)state;
    static const char *const extras[] = {
        " but ",    " While ", " whereas ",    " although ",
        " though ", "1,000",   "\xE2\x80\x94", " the ",
        " a ",      " bu",     "x,y",
    };
    char s[512];
    size_t n = 0;
    for (unsigned c = 0; c < 256; c++) {
        s[n++] = (char)c;
        if (c % 24 == 23) {
            /* a stretch of more than sixteen bytes without a break */
            memcpy(s + n, "abcdefghijklmnopqr", 18);
            n += 18;
        } else if (c % 24 == 11) {
            const char *e = extras[c / 24 % (sizeof extras / sizeof *extras)];
            memcpy(s + n, e, strlen(e));
            n += strlen(e);
        }
    }
    char *t = exact(s, n);
    for (size_t a = 0; a <= n; a++)
        for (size_t b = a; b <= n + 1; b++) {
            assert_int_equal(ft_clause_breaks_between(t, n, a, b, n, n),
                             ref_breaks_between(t, n, a, b, n, n));
            assert_int_equal(
                ft_clause_breaks_between(t, n, a, b, a + 3, a + 21),
                ref_breaks_between(t, n, a, b, a + 3, a + 21));
        }
    free(t);
}

/* ft_ascii_fold4 folds each of its four bytes as ft_ascii_fold does:
 * every byte value at every place, beside every other at the next. */
static void test_fold4_every_byte(void **state)
{
    (void)state;
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned at = 0; at < 4; at++) {
                unsigned bytes[4] = {b ^ 0x5A, b, a ^ 0xA5, a};
                bytes[at] = a;
                bytes[(at + 1) % 4] = b;
                uint32_t t = 0, want = 0;
                for (unsigned k = 0; k < 4; k++) {
                    t |= (uint32_t)bytes[k] << (8 * k);
                    want |= (uint32_t)ft_ascii_fold((unsigned char)bytes[k])
                            << (8 * k);
                }
                assert_int_equal(ft_ascii_fold4(t), want);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_classes),
        cmocka_unit_test(test_at_folds_case),
        cmocka_unit_test(test_at_spaces),
        cmocka_unit_test(test_at_word_boundaries),
        cmocka_unit_test(test_at_end_of_text),
        cmocka_unit_test(test_at_any_takes_the_longest),
        cmocka_unit_test(test_trim_back),
        cmocka_unit_test(test_before),
        cmocka_unit_test(test_ending_at),
        cmocka_unit_test(test_before_any_takes_the_first),
        cmocka_unit_test(test_glued_stop),
        cmocka_unit_test(test_clause_break),
        cmocka_unit_test(test_break_word_keys),
        cmocka_unit_test(test_clause_breaks_between),
        cmocka_unit_test(test_same_as_reference_short),
        cmocka_unit_test(test_same_as_reference_random),
        cmocka_unit_test(test_same_as_reference_on_phrases),
        cmocka_unit_test(test_breaks_between_every_byte),
        cmocka_unit_test(test_fold4_every_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
