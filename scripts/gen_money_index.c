/* gen_money_index.c — the index of words that money.c's quick reject
 * reads (`run_index`), derived from the lexicon in src/money_words.h and
 * written as C on standard output at build time.
 *
 * For each table and each first letter: the run lengths of letters its
 * entries can leave, their second and third letters, the bytes an entry
 * begins with, and (number words) where the entries keyed by that letter
 * start in the table; the bytes above 0x7F that begin a Korean unit or a
 * currency written before the number; and, for the currency, scale and
 * ISO tables, the entries each byte allows at each of the first three
 * places; and the shapes of the opener, numeral, prefix and next tables
 * again as two words a cell (opener_fit and the like, opener_fit with the
 * bytes that may follow a word of one letter), for a look at a word with
 * no branch; the opener table's run lengths as 64 bits a letter
 * (opener_runs); and each currency's and scale's first lower-case
 * letters as eight bytes (prefix_heads and the like).  Exits 1 when the
 * number words are out of key order (their look-up reads one run of
 * entries per first letter).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money_words.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char fold(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* The run lengths a pattern can leave: its optional '.' and ' ' either
 * end the run or, left out, join the letters on both sides; any other
 * byte ends it; a plural adds an "s".  A pattern that ends in an optional
 * byte ("Rs.") has no word boundary after it: any longer run may follow. */
static uint32_t run_lengths(const char *pat, bool plural)
{
    uint32_t mask = 0;
    size_t n = 0;
    for (const char *p = pat; *p; p++) {
        if (is_alpha((unsigned char)*p)) {
            n++;
        } else if (*p == '.' || *p == ' ') {
            mask |= run_bit(n);
            if (p[1] == '\0')
                for (size_t k = n; k <= RUN_BITS; k++)
                    mask |= run_bit(k);
        } else {
            return mask | run_bit(n);
        }
    }
    mask |= run_bit(n);
    if (plural)
        mask |= run_bit(n + 1);
    return mask;
}

/* Adds a pattern's shape: its run lengths, and the second and third
 * letters of its letters in order (the optional bytes left out, as they
 * may be), or any letter where the run may go on past the pattern. */
static void shape_add(word_shapes *w, const char *pat, bool plural)
{
    unsigned char c = (unsigned char)pat[0];
    w->first[c / 32] |= 1u << (c % 32);
    if (!is_alpha(c))
        return;
    c ^= 0x20; /* the other case */
    w->first[c / 32] |= 1u << (c % 32);
    size_t k = fold(c) - 'a';
    uint32_t runs = run_lengths(pat, plural);
    w->run[k] |= runs;
    unsigned char seq[3];
    size_t n = 0;
    bool stopped = false, open = false;
    for (const char *p = pat; *p && !stopped; p++) {
        if (is_alpha((unsigned char)*p)) {
            if (n < 3)
                seq[n] = fold((unsigned char)*p);
            n++;
        } else if (*p == '.' || *p == ' ') {
            open = p[1] == '\0';
        } else {
            stopped = true;
        }
    }
    if (!stopped && plural && n < 3)
        seq[n++] = 's';
    const uint32_t any = (1u << 26) - 1;
    uint32_t second = n >= 2 ? 1u << (seq[1] - 'a') : open ? any : 0;
    uint32_t third = n >= 3 ? 1u << (seq[2] - 'a') : open ? any : 0;
    /* at each run length the pattern can leave */
    for (size_t r = 0; r <= RUN_BITS; r++)
        if (runs & run_bit(r)) {
            w->second[k][r] |= second;
            w->third[k][r] |= third;
        }
}

static void lead_add(uint32_t *lead, const char *pat)
{
    unsigned char c = (unsigned char)pat[0];
    if (c >= 0x80)
        lead[(c - 0x80) / 32] |= 1u << (c % 32);
}

/* money.c's match_plural reads no plural of a currency glued to the
 * digits. */
static bool plurals_unglued(const char *name, const currency *table, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((table[k].flags & CUR_GLUED) && (table[k].flags & CUR_PLURAL)) {
            fprintf(stderr, "gen_money_index: %s: %s is glued and plural\n",
                    name, table[k].pat);
            return false;
        }
    return true;
}

static void currencies_add(word_shapes *w, const currency *table, size_t n)
{
    for (size_t k = 0; k < n; k++)
        shape_add(w, table[k].pat, table[k].flags & CUR_PLURAL);
}

static void iso_add(word_shapes *w)
{
    for (size_t k = 0; k < COUNT(iso_codes); k++)
        shape_add(w, iso_codes[k].code, false);
}

static void numerals_add(word_shapes *w)
{
    for (size_t k = 0; k < COUNT(number_words); k++)
        shape_add(w, number_words[k].pat, false);
    for (size_t k = 0; k < COUNT(other_openers); k++)
        shape_add(w, other_openers[k], false);
}

static void scales_add(word_shapes *w)
{
    for (size_t k = 0; k < COUNT(scales); k++)
        shape_add(w, scales[k].pat, false);
}

/* Where each letter's run of entries starts in a table. */
static void runs_at(uint32_t *at, const void *table, size_t n, size_t stride)
{
    for (unsigned char c = 'a'; c <= 'z'; c++)
        at[c - 'a'] = (uint32_t)run_start(table, n, stride, c);
}

static void word_index_build(word_index *w)
{
    memset(w, 0, sizeof *w);
    numerals_add(&w->numeral);
    currencies_add(&w->prefix, prefixes, COUNT(prefixes));
    iso_add(&w->prefix);
    currencies_add(&w->suffix, suffixes, COUNT(suffixes));
    iso_add(&w->suffix);
    iso_add(&w->iso);
    numerals_add(&w->opener);
    currencies_add(&w->opener, prefixes, COUNT(prefixes));
    iso_add(&w->opener);
    scales_add(&w->scale);
    /* what parse_words reads after a first word, and what may follow the
     * numeral it makes */
    for (size_t k = 0; k < COUNT(goes_on); k++)
        shape_add(&w->next, goes_on[k], false);
    numerals_add(&w->next);
    scales_add(&w->next);
    currencies_add(&w->next, suffixes, COUNT(suffixes));
    iso_add(&w->next);
    runs_at(w->numeral.at, number_words, COUNT(number_words),
            sizeof *number_words);
    for (size_t k = 0; k < COUNT(korean_units); k++)
        lead_add(w->lead, korean_units[k].s);
    for (size_t k = 0; k < COUNT(prefixes); k++)
        lead_add(w->lead, prefixes[k].pat);
}

static void put_row(const char *name, const uint32_t *row, size_t cells)
{
    printf("        .%s = {", name);
    for (size_t k = 0; k < cells; k++)
        printf("%s0x%x,", k % 8 ? " " : "\n            ", (unsigned)row[k]);
    printf("\n        },\n");
}

/* A table of rows, [26][RUN_BITS + 1]: one row a first letter. */
static void put_rows(const char *name, const uint32_t (*rows)[RUN_BITS + 1])
{
    printf("        .%s = {", name);
    for (size_t k = 0; k < 26; k++) {
        printf("\n            {");
        for (size_t r = 0; r <= RUN_BITS; r++)
            printf("%s0x%x,", r ? " " : "", (unsigned)rows[k][r]);
        printf("},");
    }
    printf("\n        },\n");
}

static void put_shapes(const char *name, const word_shapes *w)
{
    printf("    .%s = {\n", name);
    put_row("run", w->run, 26);
    put_rows("second", w->second);
    put_rows("third", w->third);
    put_row("first", w->first, 8);
    put_row("at", w->at, 26);
    printf("    },\n");
}

/* A set of letters (bit c - 'a') as a mask that a letter's byte c & 63
 * shifts: 'A'-'Z' are 1-26 there, 'a'-'z' 33-58. */
static uint64_t letters_by_low_bits(uint32_t set)
{
    return (uint64_t)set << 1 | (uint64_t)set << 33;
}

/* A table's shapes as money.c's word_fits reads them, by the first
 * letter (its byte & 31, less one) and the run slot: the second and the
 * third letters allowed (letters_by_low_bits), each all ones where the run
 * is too short to have that letter (but for the bytes after a word of one
 * letter, after_one, where it is given), and both 0 where no entry leaves
 * that run length.  So a word is asked by two shifts and no branch. */
static void put_fit(const char *name, const word_shapes *w,
                    const uint64_t *after_one)
{
    printf("static const uint64_t %s[26][%d][2] = {", name, RUN_BITS + 1);
    for (size_t k = 0; k < 26; k++) {
        printf("\n    {");
        for (size_t n = 0; n <= RUN_BITS; n++) {
            uint64_t second = 0, third = 0;
            if (w->run[k] & run_bit(n)) {
                second = n >= 2 ? letters_by_low_bits(w->second[k][n])
                         : n == 1 && after_one ? after_one[k]
                                               : UINT64_MAX;
                third =
                    n >= 3 ? letters_by_low_bits(w->third[k][n]) : UINT64_MAX;
            }
            printf("%s{0x%llx, 0x%llx},", n % 2 ? " " : "\n        ",
                   (unsigned long long)second, (unsigned long long)third);
        }
        printf("\n    },");
    }
    printf("\n};\n\n");
}

/* The bytes that may follow a word of one letter, by the letter, for the
 * opener table (money.c's opener_fits reads the byte after such a word
 * where a longer word has its second letter): as bit b & 63 of each byte
 * b, any byte after a number word of one letter ("a"), and after a
 * currency before the number the bytes that entries_allowed lets through
 * at its second place ("S$": '$' alone; "c $": any).  Bytes that are
 * letters are left out: they would make the word longer. */
static void after_one_letter(uint64_t *after)
{
    memset(after, 0, 26 * sizeof *after);
    for (size_t k = 0; k < COUNT(number_words); k++)
        if (run_lengths(number_words[k].pat, false) & run_bit(1))
            after[fold((unsigned char)number_words[k].pat[0]) - 'a'] =
                UINT64_MAX;
    for (size_t k = 0; k < COUNT(other_openers); k++)
        if (run_lengths(other_openers[k], false) & run_bit(1))
            after[fold((unsigned char)other_openers[k][0]) - 'a'] = UINT64_MAX;
    for (size_t k = 0; k < COUNT(prefixes); k++) {
        const char *pat = prefixes[k].pat;
        unsigned char p = (unsigned char)pat[1];
        if (!is_alpha((unsigned char)pat[0]) ||
            !(run_lengths(pat, prefixes[k].flags & CUR_PLURAL) & run_bit(1)))
            continue;
        bool exact = prefixes[k].flags & CUR_EXACT,
             any = p == '\0' || p == ' ' || p == '.';
        for (unsigned b = 0; b < 256; b++)
            if (!is_alpha((unsigned char)b) &&
                (any || b == p ||
                 (!exact && is_alpha(p) && fold((unsigned char)b) == fold(p))))
                after[fold((unsigned char)pat[0]) - 'a'] |= UINT64_C(1)
                                                            << (b & 63);
    }
    /* the ISO codes have three letters: no word of one letter */
}

/* The opener table's run lengths by a letter's byte & 31 (1-26 for either
 * case, 0 and 27-31 no letter: none), bit n for a run of n letters up to
 * 63, each length from RUN_BITS on as run_slot reads it: money.c's
 * opener_fits asks a word's first letter and length with one load and
 * one shift, no fold and no clamp. */
static void put_opener_runs(const word_shapes *w)
{
    printf("static const uint64_t opener_runs[32] = {");
    for (size_t c = 0; c < 32; c++) {
        uint64_t runs = 0;
        for (size_t n = 0; c >= 1 && c <= 26 && n < 64; n++)
            if (w->run[c - 1] & run_bit(n))
                runs |= UINT64_C(1) << n;
        printf("%s0x%llx,", c % 4 ? " " : "\n    ", (unsigned long long)runs);
    }
    printf("\n};\n\n");
}

/* A word's first four bytes, asked 32 at a time (money.c's
 * block_at_avx2): the opener table's shapes in eight groups, bit g of
 * open_first[c & 31], of open_second and of open_third for a first,
 * second and third letter c that some word of group g may have there (the
 * *_other bytes: a byte there that is no letter), and of fourth_letter
 * and fourth_other for a fourth byte that is a letter or none.  A word
 * that opener_fits lets through has all four bits of some group, so a
 * word start with none is refused by the vector alone.  The groups: the
 * words of one letter (any first letter that makes one, then a byte that
 * is no letter, then anything), the words of two (two letters, then a
 * byte that is no letter, then anything), and in three groups each the
 * words of three letters (then a byte that is no letter) and those of
 * four or more, each first letter's words joining the group of their
 * kind that they leave narrowest. */
typedef struct {
    uint8_t first[32], second[32], third[32], second_other, third_other,
        fourth_letter, fourth_other;
} open_groups;

/* the groups of words of three letters, and of four or more */
enum { KIND_GROUPS = 3, THREE_BITS = 7u << 2, LONGER_BITS = 7u << 5 };

static void open_letter_add(uint8_t *row, uint32_t letters, uint8_t bit)
{
    for (size_t c = 0; c < 26; c++)
        if (letters >> c & 1u)
            row[c + 1] |= bit;
}

static int open_width(uint32_t second, uint32_t third)
{
    return __builtin_popcount(second) + __builtin_popcount(third);
}

/* Places the words of one kind of each first letter that has some
 * (second and third letters s2, s3) into groups first_bit, first_bit << 1
 * and first_bit << 2: the widest letters first, each into the group it
 * leaves narrowest (an empty one while there is one). */
static void open_kind_place(open_groups *g, const uint32_t *s2,
                            const uint32_t *s3, const bool *has,
                            unsigned first_bit)
{
    uint32_t g2[KIND_GROUPS] = {0}, g3[KIND_GROUPS] = {0};
    bool placed[26] = {false};
    for (;;) {
        size_t k = 26;
        for (size_t c = 0; c < 26; c++)
            if (has[c] && !placed[c] &&
                (k == 26 ||
                 open_width(s2[c], s3[c]) > open_width(s2[k], s3[k])))
                k = c;
        if (k == 26)
            break;
        placed[k] = true;
        size_t best = 0;
        for (size_t q = 1; q < KIND_GROUPS; q++)
            if (open_width(g2[q] | s2[k], g3[q] | s3[k]) <
                open_width(g2[best] | s2[k], g3[best] | s3[k]))
                best = q;
        g2[best] |= s2[k];
        g3[best] |= s3[k];
        g->first[k + 1] |= (uint8_t)(first_bit << best);
    }
    for (size_t q = 0; q < KIND_GROUPS; q++) {
        open_letter_add(g->second, g2[q], (uint8_t)(first_bit << q));
        open_letter_add(g->third, g3[q], (uint8_t)(first_bit << q));
    }
}

static void open_groups_build(const word_shapes *w, open_groups *g)
{
    const uint32_t any = (1u << 26) - 1;
    uint32_t s2[2][26] = {{0}}, s3[2][26] = {{0}};
    bool has[2][26] = {{false}};
    memset(g, 0, sizeof *g);
    for (size_t k = 0; k < 26; k++) {
        if (w->run[k] & run_bit(1)) { /* then no letter, then anything */
            g->first[k + 1] |= 1;
            g->second_other |= 1;
            open_letter_add(g->third, any, 1);
            g->third_other |= 1;
        }
        if (w->run[k] & run_bit(2)) { /* two letters, then no letter */
            g->first[k + 1] |= 2;
            open_letter_add(g->second, w->second[k][2], 2);
            g->third_other |= 2;
        }
        for (size_t n = 3; n <= RUN_BITS; n++)
            if (w->run[k] & run_bit(n)) {
                size_t kind = n > 3;
                has[kind][k] = true;
                s2[kind][k] |= w->second[k][n];
                s3[kind][k] |= w->third[k][n];
            }
    }
    open_kind_place(g, s2[0], s3[0], has[0], THREE_BITS & -THREE_BITS);
    open_kind_place(g, s2[1], s3[1], has[1], LONGER_BITS & -LONGER_BITS);
    /* the fourth byte: anything after one or two letters, none after
     * three, a letter in a longer word */
    g->fourth_letter = 1 | 2 | LONGER_BITS;
    g->fourth_other = 1 | 2 | THREE_BITS;
}

/* A row of 32 by byte & 31 as pshufb reads it: the low 16 twice, then the
 * high 16 twice (one table for each 128-bit lane). */
static void put_open_row(const char *name, const uint8_t *row)
{
    printf("    .%s = {", name);
    for (size_t h = 0; h < 2; h++)
        for (size_t k = 0; k < 32; k++)
            printf("%s0x%x,", k % 16 ? " " : "\n        ",
                   (unsigned)row[h * 16 + k % 16]);
    printf("\n    },\n");
}

static void put_open_other(const char *name, uint8_t bits)
{
    printf("    .%s = {", name);
    for (size_t k = 0; k < 32; k++)
        printf("%s0x%x,", k % 16 ? " " : "\n        ", (unsigned)bits);
    printf("\n    },\n");
}

static void put_open_groups(const word_shapes *w)
{
    open_groups g;
    open_groups_build(w, &g);
    printf("static const open_tables open_groups = {\n");
    put_open_row("first", g.first);
    put_open_row("second", g.second);
    put_open_row("third", g.third);
    put_open_other("second_other", g.second_other);
    put_open_other("third_other", g.third_other);
    put_open_other("fourth_letter", g.fourth_letter);
    put_open_other("fourth_other", g.fourth_other);
    printf("};\n\n");
}

/* ------------------------------------------ the entries the bytes allow */

/* Adds entry e's bytes to rows[ENTRY_BYTES][256][words] (money_words.h):
 * as second_ok and third_ok in money.c read a pattern, and as match()
 * does, so that a row may only let through more entries, never fewer. */
static void entry_bytes_add(uint64_t *rows, size_t words, size_t e,
                            const char *pat, bool exact)
{
    bool any = false;
    for (size_t k = 0; k < ENTRY_BYTES; k++) {
        unsigned char p = any ? 0 : (unsigned char)pat[k];
        any |= p == '\0' || p == ' ' || p == '.';
        for (unsigned b = 0; b < 256; b++) {
            bool ok =
                any || b == p ||
                (!exact && is_alpha(p) && fold((unsigned char)b) == fold(p));
            if (ok)
                rows[(k * 256 + b) * words + e / 64] |= UINT64_C(1) << (e % 64);
        }
    }
}

static void put_entry_bytes(const char *name, const uint64_t *rows,
                            size_t words)
{
    printf("static const uint64_t %s[%d][256][%zu] = {", name, ENTRY_BYTES,
           words);
    for (size_t k = 0; k < ENTRY_BYTES; k++) {
        printf("\n    {");
        for (size_t b = 0; b < 256; b++) {
            printf("%s{", b % 4 ? " " : "\n        ");
            for (size_t w = 0; w < words; w++)
                printf("%s0x%llx", w ? ", " : "",
                       (unsigned long long)rows[(k * 256 + b) * words + w]);
            printf("},");
        }
        printf("\n    },");
    }
    printf("\n};\n");
}

/* A currency table's rows. */
static void currency_rows(const char *name, const currency *table, size_t n)
{
    size_t words = entry_words(n);
    static uint64_t rows[ENTRY_BYTES * 256 * 4];
    if (words > 4) {
        fprintf(stderr, "gen_money_index: %s has too many entries\n", name);
        exit(1);
    }
    memset(rows, 0, sizeof rows);
    for (size_t e = 0; e < n; e++)
        entry_bytes_add(rows, words, e, table[e].pat,
                        table[e].flags & CUR_EXACT);
    put_entry_bytes(name, rows, words);
}

static void scale_rows(void)
{
    static uint64_t rows[ENTRY_BYTES * 256 * 1];
    _Static_assert(COUNT(scales) <= 64, "one word of scales");
    memset(rows, 0, sizeof rows);
    for (size_t e = 0; e < COUNT(scales); e++)
        entry_bytes_add(rows, 1, e, scales[e].pat, scales[e].exact);
    put_entry_bytes("scale_bytes", rows, 1);
}

static void iso_rows(void)
{
    static uint64_t rows[ENTRY_BYTES * 256 * 1];
    _Static_assert(COUNT(iso_codes) <= 64, "one word of codes");
    memset(rows, 0, sizeof rows);
    for (size_t e = 0; e < COUNT(iso_codes); e++)
        entry_bytes_add(rows, 1, e, iso_codes[e].code,
                        iso_codes[e].flags & CUR_EXACT);
    put_entry_bytes("iso_bytes", rows, 1);
}

static void unit_rows(void)
{
    uint16_t rows[ENTRY_BYTES][256] = {{0}};
    _Static_assert(COUNT(korean_units) <= 16, "sixteen bits of units");
    for (size_t e = 0; e < COUNT(korean_units); e++)
        for (size_t k = 0; k < ENTRY_BYTES; k++)
            rows[k][(unsigned char)korean_units[e].s[k]] |= (uint16_t)(1u << e);
    printf("static const uint16_t unit_bytes[%d][256] = {", ENTRY_BYTES);
    for (size_t k = 0; k < ENTRY_BYTES; k++) {
        printf("\n    {");
        for (size_t b = 0; b < 256; b++)
            printf("%s0x%x,", b % 8 ? " " : "\n        ", (unsigned)rows[k][b]);
        printf("\n    },");
    }
    printf("\n};\n");
}

static bool units_three_bytes(void)
{
    for (size_t e = 0; e < COUNT(korean_units); e++)
        if (strlen(korean_units[e].s) != ENTRY_BYTES) {
            fprintf(stderr, "gen_money_index: a Korean unit is not %d bytes\n",
                    ENTRY_BYTES);
            return false;
        }
    return true;
}

/* ------------------------------------------ the entries' first letters */

static letters_head head_of(const char *pat, bool exact)
{
    letters_head h = {0, 0, 0};
    for (; !exact && h.n < 8 && pat[h.n] >= 'a' && pat[h.n] <= 'z'; h.n++) {
        h.image |= (uint64_t)(unsigned char)pat[h.n] << (8 * h.n);
        h.mask |= (uint64_t)0xFF << (8 * h.n);
    }
    return h;
}

static void put_head(letters_head h)
{
    printf("    {0x%llx, 0x%llx, %u},\n", (unsigned long long)h.image,
           (unsigned long long)h.mask, (unsigned)h.n);
}

static void currency_heads(const char *name, const currency *table, size_t n)
{
    printf("static const letters_head %s[%zu] = {\n", name, n);
    for (size_t e = 0; e < n; e++)
        put_head(head_of(table[e].pat, table[e].flags & CUR_EXACT));
    printf("};\n");
}

static void scale_heads(void)
{
    printf("static const letters_head scale_heads[%zu] = {\n", COUNT(scales));
    for (size_t e = 0; e < COUNT(scales); e++)
        put_head(head_of(scales[e].pat, scales[e].exact));
    printf("};\n");
}

static bool ordered(const char *name, const void *table, size_t n,
                    size_t stride)
{
    if (table_ordered(table, n, stride))
        return true;
    fprintf(stderr, "gen_money_index: %s is out of key order\n", name);
    return false;
}

int main(void)
{
    if (!ordered("number_words", number_words, COUNT(number_words),
                 sizeof *number_words) ||
        !plurals_unglued("prefixes", prefixes, COUNT(prefixes)) ||
        !plurals_unglued("suffixes", suffixes, COUNT(suffixes)) ||
        !units_three_bytes())
        return 1;
    word_index w;
    word_index_build(&w);
    printf("/* Generated by scripts/gen_money_index.c from "
           "src/money_words.h: do not edit. */\n");
    printf("#include \"money_words.h\"\n\n");
    printf("static const word_index run_index = {\n");
    put_shapes("numeral", &w.numeral);
    put_shapes("prefix", &w.prefix);
    put_shapes("suffix", &w.suffix);
    put_shapes("scale", &w.scale);
    put_shapes("iso", &w.iso);
    put_shapes("next", &w.next);
    put_shapes("opener", &w.opener);
    put_row("lead", w.lead, 4);
    printf("};\n\n");
    uint64_t after_one[26];
    after_one_letter(after_one);
    put_opener_runs(&w.opener);
    put_open_groups(&w.opener);
    put_fit("opener_fit", &w.opener, after_one);
    put_fit("numeral_fit", &w.numeral, NULL);
    put_fit("prefix_fit", &w.prefix, NULL);
    put_fit("next_fit", &w.next, NULL);
    currency_rows("prefix_bytes", prefixes, COUNT(prefixes));
    currency_rows("suffix_bytes", suffixes, COUNT(suffixes));
    scale_rows();
    iso_rows();
    unit_rows();
    currency_heads("prefix_heads", prefixes, COUNT(prefixes));
    currency_heads("suffix_heads", suffixes, COUNT(suffixes));
    scale_heads();
    return 0;
}
