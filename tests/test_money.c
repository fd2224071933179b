/* test_money.c — the lexicon of money.c, entry by entry.
 *
 * Every currency (before and after the number), ISO code, scale word,
 * Korean unit and number word is written as a sample amount and read back
 * through ft_money_scan, and found in prose by ft_money_find: an entry
 * that the matcher can never reach (a typo, number words out of key order, a
 * quick reject whose index, derived from the tables at build time by
 * scripts/gen_money_index.c, leaves it out) fails here by name.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "money.h"

/* The number words are read only over the run of entries that share a
 * first letter, which needs them in key order. */
static void test_tables_ordered(void **state)
{
    (void)state;
    assert_true(ft_money_tables_ordered());
}

/* Upper-cases the ASCII letters of s. */
static void capitals(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 32);
}

/* The sample in buf read alone and with text after it the same: an
 * entry's first letters are compared eight bytes at once where eight
 * bytes follow (prefix_heads and the like), else a letter a step. */
static bool reads_alike(const char *buf)
{
    char text[128];
    int n = snprintf(text, sizeof text, "%s; and so on then", buf);
    ft_money a, b;
    bool ok_a = ft_money_scan(buf, strlen(buf), 0, 0, &a),
         ok_b = ft_money_scan(text, (size_t)n, 0, 0, &b);
    if (ok_a != ok_b)
        return false;
    return !ok_a || (a.start == b.start && a.end == b.end &&
                     strcmp(a.currency, b.currency) == 0 &&
                     ft_decimal_cmp(a.value, b.value) == 0);
}

static void test_entries_read_alike(void **state)
{
    (void)state;
    char buf[64];
    ft_money_sample s;
    size_t failures = 0;
    for (size_t k = 0; ft_money_sample_at(k, buf, sizeof buf, &s); k++) {
        bool alike = reads_alike(buf);
        capitals(buf);
        if (!alike || !reads_alike(buf)) {
            fprintf(stderr,
                    "%s entry \"%s\": \"%s\" reads otherwise "
                    "with text after it\n",
                    s.table, s.entry, buf);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

static void test_every_entry_matches(void **state)
{
    (void)state;
    char buf[64];
    ft_money_sample s;
    size_t k, failures = 0;
    for (k = 0; ft_money_sample_at(k, buf, sizeof buf, &s); k++) {
        ft_money m;
        size_t len = strlen(buf);
        bool ok = ft_money_scan(buf, len, 0, 0, &m);
        const char *cur =
            ok && m.ambiguous ? ft_money_settle(buf, len, &m) : m.currency;
        bool right = ok && m.start == 0 &&
                     m.end == (s.end == SIZE_MAX ? len : s.end) &&
                     strcmp(cur, s.currency) == 0 &&
                     ft_decimal_cmp(m.value, s.value) == 0;
        if (!right) {
            char got[FT_DECIMAL_BUFSZ], want[FT_DECIMAL_BUFSZ];
            ft_decimal_format(ok ? m.value : (ft_decimal){0}, got, sizeof got);
            ft_decimal_format(s.value, want, sizeof want);
            fprintf(stderr,
                    "%s entry \"%s\": \"%s\" read as %s %s [%zu,%zu), "
                    "want %s %s [0,%zu)\n",
                    s.table, s.entry, buf, ok ? got : "nothing", ok ? cur : "",
                    ok ? m.start : 0, ok ? m.end : 0, want, s.currency,
                    s.end == SIZE_MAX ? len : s.end);
            failures++;
        }
    }
    assert_true(k > 150); /* the walk reached every table */
    assert_int_equal(failures, 0);
}

/* ---------------------------------------------------- the whole text */

/* The pass the finder replaces: ft_money_scan at every token start, the
 * rest of a word or number skipped when nothing opens there. */
static bool word_byte(unsigned char c)
{
    return ft_money_is_word_byte(c);
}

static bool ref_token_start(const char *t, size_t i)
{
    if (i == 0)
        return true;
    unsigned char p = (unsigned char)t[i - 1], c = (unsigned char)t[i];
    if (word_byte(p))
        return false;
    if ((c == 0xEB || c == 0xEC) && p >= 0x80)
        return false;
    if (c >= '0' && c <= '9' && (p == '.' || p == ','))
        return !(i >= 2 && t[i - 2] >= '0' && t[i - 2] <= '9');
    return true;
}

/* Whether a list's end may follow a plain number ending at end, by the
 * rule money.h gives: punctuation or the end, or (after spaces) "for",
 * "respectively", "a month", "a year", "per month" by their first
 * letters. */
static bool ref_list_end(const char *t, size_t len, size_t end)
{
    size_t j = end;
    while (j < len &&
           (t[j] == ' ' || t[j] == '\t' || t[j] == '\n' || t[j] == '\r' ||
            ((unsigned char)t[j] == 0xC2 && j + 1 < len &&
             (unsigned char)t[j + 1] == 0xA0)))
        j += (unsigned char)t[j] == 0xC2 ? 2 : 1;
    if (j >= len || strchr(",.;)", t[j]))
        return true;
    char w[5] = {0};
    for (size_t q = 0; q < 4 && j + q < len; q++) {
        unsigned char c = (unsigned char)t[j + q];
        w[q] = (char)(c >= 'A' && c <= 'Z'    ? c + 32
                      : c <= ' ' || c == 0xC2 ? ' '
                                              : c);
    }
    return strncmp(w, "fo", 2) == 0 || strncmp(w, "re", 2) == 0 ||
           strncmp(w, "a ", 2) == 0 || strncmp(w, "per ", 4) == 0;
}

/* A plain number that FT_MONEY_PLAIN_JOINED leaves out, by the rule
 * money.h gives: no joint may follow it, and it is no whole number with
 * separators ("98,500") before a list's end. */
static bool ref_left_out(const char *t, size_t len, const ft_money *m)
{
    return !m->has_currency && !m->has_scale &&
           !(!m->integer_only && m->value.scale == 0 &&
             ref_list_end(t, len, m->end)) &&
           !ft_money_may_join(t, len, m->end);
}

static bool ref_find_once(const char *t, size_t len, size_t *pos, ft_money *m)
{
    size_t i = *pos;
    while (i < len) {
        unsigned char c = (unsigned char)t[i];
        bool may = (c >= '0' && c <= '9') ||
                   (unsigned)((c | 0x20) - 'a') < 26u || c == '$' || c >= 0xC2;
        if (!may || !ref_token_start(t, i)) {
            i++;
            continue;
        }
        if (ft_money_scan(t, len, i, FT_MONEY_ALLOW_PLAIN, m)) {
            *pos = i;
            return true;
        }
        i++;
        if (c < 0x80)
            while (i < len && (word_byte((unsigned char)t[i]) ||
                               ((t[i] == '.' || t[i] == ',') && i + 1 < len &&
                                t[i + 1] >= '0' && t[i + 1] <= '9')))
                i++;
    }
    return false;
}

/* The reference pass; with FT_MONEY_PLAIN_JOINED in opts, a plain number
 * it leaves out is passed as the caller passes what it drops: the next
 * search starts at its end. */
static bool ref_find(const char *t, size_t len, unsigned opts, size_t *pos,
                     ft_money *m)
{
    while (ref_find_once(t, len, pos, m)) {
        if (!(opts & FT_MONEY_PLAIN_JOINED) || !ref_left_out(t, len, m))
            return true;
        *pos = m->end;
    }
    return false;
}

/* The finder and the reference read the same amounts from text, from
 * `start` on (the caller may leave pos inside a word), with opts. */
static size_t compare_passes_opts(const char *t, size_t len, size_t start,
                                  unsigned opts)
{
    ft_money_finder f;
    ft_money_finder_init(&f, t, len);
    f.pos = start;
    size_t rpos = start, found = 0;
    ft_money a, b;
    for (;;) {
        bool fa = ft_money_find(&f, opts, &a);
        bool fb = ref_find(t, len, opts, &rpos, &b);
        assert_int_equal(fa, fb);
        if (!fa)
            return found;
        assert_int_equal(a.start, b.start);
        assert_int_equal(a.end, b.end);
        assert_string_equal(a.currency, b.currency);
        assert_int_equal(ft_decimal_cmp(a.value, b.value), 0);
        found++;
        f.pos = rpos = a.end > a.start ? a.end : a.start + 1;
    }
}

/* ... with every plain number, and with those FT_MONEY_PLAIN_JOINED
 * keeps (the pass goes on past one it leaves out as from its end). */
static size_t compare_passes_from(const char *t, size_t len, size_t start)
{
    compare_passes_opts(t, len, start,
                        FT_MONEY_ALLOW_PLAIN | FT_MONEY_PLAIN_JOINED);
    return compare_passes_opts(t, len, start, FT_MONEY_ALLOW_PLAIN);
}

static size_t compare_passes(const char *t, size_t len)
{
    return compare_passes_from(t, len, 0);
}

static void test_finder_as_scan(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "The deal, valued at $83.8 million, closes in 2020; a spokesperson "
        "said the company expects 561.0bln won ($507.1 mln) for 2017.",
        "Rs500 crore, Rsx 5, Rs. 40 lakh, RMB1.2 trillion, P6 billion, P3 "
        "program, Php204.56 billion, W850 billion, KRWapproximately 5",
        "usd 5, u.s. dollars 7, us dollars 8, usdollars 9, US$ 10, A$ 3, "
        "newzealanddollars 4, 5 newzealanddollars, 6 new zealand dollars",
        "one-point-74 trillion won, half a trillion yen, a million dollars, "
        "three quarters of a billion, quarters 5, hundred 7, forty-five "
        "dollars and twenty cents, thirteen dollars",
        "\xEA\xB5\xAD\xED\x9A\x8C\xEB\x8A\x94 469\xEC\xA1\xB0"
        "6000\xEC\x96\xB5\xEC\x9B\x90 \xEC\xB2\x9C\xEB\xA7\x8C "
        "\xEC\x9B\x90, \xEC\x88\x98\xEC\xB2\x9C\xEC\x96\xB5, "
        "\xE2\x82\xA9"
        "500, \xC2\xA3 3 million, \xEB\xAF\xB8\xED\x99\x94 "
        "5\xEC\x96\xB5 \xEB\x8B\xAC\xEB\x9F\xAC",
        "twenty-five million dollars, a half billion euros, one point five "
        "trillion won, three quarters billion dollars, a-million-dollar deal, "
        "five$, hundred and five dollars, two hundred and fifty yen, a\n"
        "million won, an euro, half a billion, seven-point-two billion, one "
        "USD, ten KRW million, forty $ 3, a $5 fee, quarter-billion yen",
        "in 2023, 8.7 percent, 5 point two billion won, 3-billion yen, 7 - "
        "$5, 12 USD, 40 million, 10 won a share, 1,000 won, 12 pts, 5 -point "
        "six, 9\xC2\xA0"
        "billion won, 4 $, 6-$, 2-3 trillion won",
        "1,234.5 billion, 12,34,567.89 rupees, 130. 0 billion yen, a.5 "
        "million, x1,5 billion, 3D, K9, 2019. 5 billion won went",
    };
    size_t found = 0;
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        found += compare_passes(texts[k], strlen(texts[k]));
    /* every lexicon sample, inside prose, as written and in capitals (the
     * finder's first look at a word reads its letters unfolded) */
    char buf[64], text[256];
    ft_money_sample s;
    for (size_t k = 0; ft_money_sample_at(k, buf, sizeof buf, &s); k++) {
        int n = snprintf(text, sizeof text, "the figure was %s and then", buf);
        found += compare_passes(text, (size_t)n);
        for (int q = 0; q < n; q++)
            if (text[q] >= 'a' && text[q] <= 'z')
                text[q] = (char)(text[q] - 32);
        compare_passes(text, (size_t)n);
    }
    assert_true(found > 150);
}

/* The digits' value, read as they are scanned, is what the text says:
 * grouped, Indian, with a fraction apart or trailing zeros, and past the
 * 19 bytes that are read without overflow checks. */
static void test_digit_values(void **state)
{
    (void)state;
    static const struct {
        const char *text, *value;
    } cases[] = {
        {"$83.8 million", "83800000"},
        {"$83.80", "83.8"},
        {"007 dollars", "7"},
        {"1,234.5 billion won", "1234500000000"},
        {"12,34,567.89 rupees", "1234567.89"},
        {"130. 0 billion yen", "130000000000"},
        {"$ 1,7 billion", "1700000000"},
        {"1,000.00 dollars", "1000"},
        {"US$ 12,345,678,901,234,567.89", "12345678901234567.89"},
        {"US$ 1234567890123456.789", "1234567890123456.789"},
        {"$0.000000000000000001", "0.000000000000000001"},
        /* where parse_digits leaves the number to parse_digits_rest */
        {"$2023. The", "2023"},
        {"$2023.  5 billion", "2023"},
        /* a stop before a line break: stop_ends_digits skips the spaces
         * as broken_fraction does */
        {"$2023.\n\nThe", "2023"},
        {"$2023.\nThe", "2023"},
        {"$130.\n\n0 billion yen", "130000000000"},
        {"$2023. \n5 billion", "2023"},
        {"$2023, the", "2023"},
        {"$5.x", "5"},
        {"$12345678901234567890 ", "12345678901234567890"},
        {"$1234567890.1234567891", "1234567890.1234567891"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ft_money m;
        char buf[FT_DECIMAL_BUFSZ];
        const char *t = cases[k].text;
        assert_true(ft_money_scan(t, strlen(t), 0, 0, &m));
        ft_decimal_format(m.value, buf, sizeof buf);
        assert_string_equal(buf, cases[k].value);
    }
}

/* The finder looks for the next digit sixteen bytes at a time, then
 * eight, then one: a currency word before a number must see it at every
 * distance and alignment, as ft_money_scan does. */
static void test_finder_digit_reach(void **state)
{
    (void)state;
    static const char filler[] = "so it is a  sum of about or near ";
    char text[256];
    for (size_t pad = 0; pad < 17; pad++)
        for (size_t gap = 0; gap < sizeof filler; gap++) {
            int n = snprintf(text, sizeof text,
                             "%.*sthe KRW %.*s5 million and US$%.*s7 and "
                             "USD %.*s",
                             (int)pad, filler, (int)gap, filler, (int)gap,
                             filler, (int)gap, filler);
            compare_passes(text, (size_t)n);
        }
}

/* The finder reads the text 64 bytes at a time and a word's length from
 * the letters it saw: amounts and words at every offset of a block, words
 * longer than one, and every position the caller may leave it at. */
static void test_finder_blocks(void **state)
{
    (void)state;
    static const char *const tails[] = {
        "No.5 billion won, abc.7 billion won, 1,5 trillion yen",
        "spending rose in the twelve months to US$84.9 million, he said",
        "abc$5 billion, $.5 billion, x$ 7 million dollars, five$",
        "\xEC\x88\x98\xEC\xB2\x9C\xEC\x96\xB5 3\xEC\xA1\xB0 "
        "\xEC\x9B\x90, 1\xEC\xA1\xB0 2\xEC\xB2\x9C\xEC\x96\xB5",
    };
    char text[320];
    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++)
        for (size_t pad = 0; pad < 140; pad += pad < 70 ? 1 : 7) {
            /* one word of `pad` letters, then the tail */
            memset(text, 'x', pad);
            int n = snprintf(text + pad, sizeof text - pad, " %s", tails[k]);
            size_t len = pad + (size_t)n;
            compare_passes(text, len);
            /* a run of short words instead */
            for (size_t q = 2; q < pad; q += 3)
                text[q] = ' ';
            for (size_t start = 0; start < len; start++)
                compare_passes_from(text, len, start);
        }
    /* every byte value, at every offset of a block's sixteen-byte looks:
     * the vector classes must be the byte classes */
    for (unsigned c = 1; c < 256; c++)
        for (size_t at = 0; at < 20; at++) {
            int n = snprintf(text, sizeof text,
                             "%.*sab %c5 billion won %c$7 %cx9 and %cthe "
                             "end of it all, 5 won",
                             (int)at, "xxxxxxxxxxxxxxxxxxxxxxxxx", (char)c,
                             (char)c, (char)c, (char)c);
            compare_passes(text, (size_t)n);
        }
    /* and at every place of a whole block (64 bytes inside the text),
     * which the processor may classify 32 bytes at a time */
    for (unsigned c = 1; c < 256; c++)
        for (size_t at = 0; at < 64; at++) {
            int n = snprintf(text, sizeof text,
                             "%.*s%c5 billion won %c$7 %cx9 and %cthe end of "
                             "it all, 5 won, and then some more words to "
                             "fill a second block, 7 won",
                             (int)at,
                             "x y z w x y z w x y z w x y z w x y z w x y z w "
                             "x y z w x y z w x y z w x y z w",
                             (char)c, (char)c, (char)c, (char)c);
            compare_passes(text, (size_t)n);
        }
    /* and at every place of a text's last sixteen bytes, which are read
     * as the sixteen that end the text (or a copy of a shorter text) */
    for (unsigned c = 1; c < 256; c++)
        for (size_t at = 0; at < 40; at++) {
            int n = snprintf(text, sizeof text, "%.*s%c5 won %c", (int)at,
                             "x y 5 w x 7 z w $ y z w x y z w x 9 z w", (char)c,
                             (char)c);
            for (size_t cut = 0; cut <= 8 && cut < (size_t)n; cut++)
                compare_passes(text, (size_t)n - cut);
        }
}

/* The amounts found with `word` inside a whole block, at each of its 64
 * places, as written, in capitals and with a capital first letter, each
 * read as the reference reads it. */
static size_t in_blocks(const char *word)
{
    char text[320];
    size_t found = 0;
    for (int form = 0; form < 3; form++) {
        char w[64];
        snprintf(w, sizeof w, "%s", word);
        if (form == 1)
            capitals(w);
        if (form == 2 && w[0] >= 'a' && w[0] <= 'z')
            w[0] = (char)(w[0] - 32);
        for (int at = 0; at < 64; at++) {
            int n = snprintf(text, sizeof text,
                             "%.*s%s and then the other words of the text "
                             "fill the rest of this block and the next, "
                             "with no figure in them at all.",
                             at,
                             "the a of it as in to on by is an we or at he "
                             "be so up no do go me us ok",
                             w);
            found += compare_passes(text, (size_t)n);
        }
    }
    return found;
}

/* The finder refuses word starts 32 at a time by their first four bytes
 * (open_groups, derived from the tables at build time) before its look at
 * each word, where 67 bytes from the block's start are text: a group that
 * left out a word of the index would lose its amounts here, which the
 * reference, asking every token start, reads.  Every lexicon sample, and
 * the openers that are no number word (other_openers), each found at every
 * place as written. */
static void test_finder_word_groups(void **state)
{
    (void)state;
    static const char *const openers[] = {
        "a million dollars", "an eight million won", "half a trillion yen",
        "hundred dollars", "quarter billion yen"};
    char buf[64];
    ft_money_sample s;
    size_t k, found = 0;
    for (k = 0; ft_money_sample_at(k, buf, sizeof buf, &s); k++)
        found += in_blocks(buf);
    assert_true(k > 150);
    assert_true(found >= k * 64);
    for (size_t q = 0; q < sizeof openers / sizeof *openers; q++)
        assert_true(in_blocks(openers[q]) >= 64);
}

/* The finder's first look at a word reads the two bytes after its first
 * letter whatever they are where they lie in the text, else only the
 * word's letters: short words and openers at the very end of a text, and
 * with one or two bytes after them. */
static void test_finder_short_words_at_end(void **state)
{
    (void)state;
    static const char *const words[] = {
        "a",   "an",   "A",      "s",    "S$",    "A$",  "W", "P",
        "us",  "half", "five",   "KRW",  "Rs",    "Rs.", "$", "5",
        "a 5", "5 a",  "5 won",  "5 bn", "R$",    "T$",  "r", "t",
        "c $", "c",    "u.s. $", "W5",   "P5 bn",
    };
    static const char *const after[] = {
        "", " ", ".", "$", "5", " 5", "$5", "\xE4\xB8\x87", " $5"};
    char text[128];
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        for (size_t a = 0; a < sizeof after / sizeof *after; a++)
            for (size_t pad = 0; pad < 70; pad++) {
                int n = snprintf(text, sizeof text, "%.*s%s%s", (int)pad,
                                 "xx xx 5 million won for the xx xx xx xx "
                                 "xx xx xx xx xx xx xx xx xx xx xx xx",
                                 words[w], after[a]);
                compare_passes(text, (size_t)n);
            }
}

/* Every joint of a range that extract.c reads (sign_joint, word_joint),
 * at each spacing it allows, is let through by ft_money_may_join; the
 * Hangul and words that follow most numbers are not. */
static void test_may_join(void **state)
{
    (void)state;
    static const char *const glued[] = {
        "-",           "~", "\xE2\x80\x93", "\xEF\xBD\x9E", "\xE3\x80\x9C",
        "\xE2\x88\xBC"};
    static const char *const spaced[] = {
        "~",   "\xE2\x80\x93", "\xE2\x88\xBC", "\xEC\x97\x90\xEC\x84\x9C",
        "to",  "To",           "TO",           "and",
        "And", "AND"};
    static const char *const spaces[] = {
        "",         " ",          "  ",
        "\t",       "\n",         "\r\n",
        "\xC2\xA0", " \xC2\xA0 ", "\xC2\xA0\xC2\xA0"};
    static const char *const refused[] = {"\xEB\x85\x84", /* 년 */
                                          "\xEB\xAA\x85", /* 명 */
                                          "\xEC\x97\x94", /* 엔 */
                                          " percent",
                                          ", ",
                                          ". The",
                                          "%",
                                          ")",
                                          " \xC2\xB0",
                                          "\xC2\xB0",
                                          " - 5",
                                          " of",
                                          " in",
                                          " \xEB\x85\x84",
                                          " the 5",
                                          " at 5",
                                          " a year",
                                          " an",
                                          " as",
                                          " tan",
                                          "\xC2\xA0"
                                          "at",
                                          " ^ 5",
                                          "^5",
                                          " t",
                                          " an-"};
    char text[64];
    for (size_t g = 0; g < sizeof glued / sizeof *glued; g++) {
        int n = snprintf(text, sizeof text, "5%s7 won", glued[g]);
        assert_true(ft_money_may_join(text, (size_t)n, 1));
    }
    for (size_t w = 0; w < sizeof spaced / sizeof *spaced; w++)
        for (size_t p = 0; p < sizeof spaces / sizeof *spaces; p++) {
            int n = snprintf(text, sizeof text, "5%s%s 7 won", spaces[p],
                             spaced[w]);
            assert_true(ft_money_may_join(text, (size_t)n, 1));
        }
    for (size_t r = 0; r < sizeof refused / sizeof *refused; r++) {
        int n = snprintf(text, sizeof text, "5%s", refused[r]);
        assert_false(ft_money_may_join(text, (size_t)n, 1));
    }
}

/* Plain numbers of every shape before what may follow them (joints,
 * lists, units, the rest of a word), at each place of a block: the
 * finder leaves out the ones FT_MONEY_PLAIN_JOINED leaves out and goes
 * on from their end as its caller would. */
static void test_finder_plain_joined(void **state)
{
    (void)state;
    static const char *const numbers[] = {
        "3",    "3.5",       "1,500",  "2,000.5", "98,500",
        "2023", "12,34,567", "0.9",    "5.0",     "1.2.3",
        "3. 5", "7,5",       "130. 0", "1.2.x5",  "abc.5"};
    static const char *const tails[] = {
        "",
        "-5 trillion won",
        " to 5 trillion won",
        " and 5 billion",
        "\xE2\x80\x93"
        "5 won",
        "\xEF\xBD\x9E"
        "5\xEC\xA1\xB0",
        "\xEC\x97\x90\xEC\x84\x9C 5\xEC\xA1\xB0\xEC\x9B\x90",
        "\xEB\x85\x84 5\xEC\xA1\xB0\xEC\x9B\x90",
        " for a private",
        ", 7 won",
        ". The",
        " percent",
        "x5",
        "won",
        ".5 won",
        ",5 won",
        "\xC2\xA0to 5 won",
        " the 5 won",
        "--5",
        " million",
        " employees",
        " per month",
        " percent",
        "\xC2\xA0"
        "For",
        "; then",
        ")",
        " Respectively",
        " a\xC2\xA0year",
        "$5",
        "wonx.5 won",
        "won.5 won",
        "yenx.5",
        "USDx.5",
        "kx.5 won",
        "a.5 won",
        "0a.5 won"};
    char text[256];
    size_t found = 0;
    for (size_t a = 0; a < sizeof numbers / sizeof *numbers; a++)
        for (size_t b = 0; b < sizeof tails / sizeof *tails; b++)
            for (size_t pad = 0; pad < 70; pad += pad < 8 || pad > 50 ? 1 : 5) {
                int n =
                    snprintf(text, sizeof text, "%.*s%s%s then 4.", (int)pad,
                             "x y z w x y z w x y z w x y z w x y z w "
                             "x y z w x y z w x y z w x y z w",
                             numbers[a], tails[b]);
                found += compare_passes(text, (size_t)n);
            }
    assert_true(found > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tables_ordered),
        cmocka_unit_test(test_every_entry_matches),
        cmocka_unit_test(test_entries_read_alike),
        cmocka_unit_test(test_finder_as_scan),
        cmocka_unit_test(test_digit_values),
        cmocka_unit_test(test_finder_digit_reach),
        cmocka_unit_test(test_finder_blocks),
        cmocka_unit_test(test_finder_short_words_at_end),
        cmocka_unit_test(test_finder_word_groups),
        cmocka_unit_test(test_may_join),
        cmocka_unit_test(test_finder_plain_joined),
    };
    return cmocka_run_group_tests_name("money", tests, NULL, NULL);
}
