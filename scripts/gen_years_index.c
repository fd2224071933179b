/* gen_years_index.c — the indexes years.c asks before it reads a phrase list of
 * src/years_words.h, written as C on standard output at build time
 * (build/gen/years_index.h).
 *
 * open_LIST says which first two bytes can open a phrase of LIST, end_LIST
 * which last two can end one (years_index, years_words.h);
 * year_word_heads the first two bytes of the year words that open past
 * ASCII (open_year_words' Korean rows, as pairs); other_period_heads
 * those of open_other_period, | 0x20, and signing_heads those of
 * open_signing_verbs, korean_compare_heads those of
 * open_korean_compare; anchor_first
 * and anchor_second give each byte the anchors whose first (either case)
 * or second letter (folded) it is; sentence_marks what mark_sentence
 * notes of each byte: a clause break may start there (phrase.c's
 * FT_BREAK_START), a parenthesis, an anchor may start there;
 * ANCHOR_WORDS the most words an English relative year or span opens
 * before its first anchor ("over the next five years").  Letters are
 * folded by phrase.c's own table (this program is linked with it), so an index
 * cannot fold otherwise than the matcher it stands in front of.  Exits 1
 * on an empty phrase, which no index can describe, and on a relative year
 * without an anchor, which years.c would never look for.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phrase.h"
#include "years_words.h"

#define N_OF(a) (sizeof(a) / sizeof *(a))

/* The index being made. */
static struct {
    uint8_t row[256];
    uint64_t second[256][4];
    uint64_t entries[256]; /* per row, bit k for entry k of the list */
    size_t nrows;
    bool always;
    int bad;
} ix;

static void ix_clear(void)
{
    memset(&ix, 0, sizeof ix);
}

static void set(size_t r, unsigned char c)
{
    ix.second[r][c >> 6] |= (uint64_t)1 << (c & 63);
}

/* Entry k (SIZE_MAX: unnumbered), whose key bytes are c0 then c1 (c1 0:
 * the phrase has one). */
static void ix_add(size_t k, unsigned char c0, unsigned char c1)
{
    if (c0 == ' ') {
        ix.always = true;
        return;
    }
    c0 = ft_ascii_fold(c0);
    if (!ix.row[c0]) {
        if (ix.nrows == 255) { /* a row number is one byte */
            fprintf(stderr, "gen_years_index: more than 255 rows\n");
            ix.bad = 1;
            return;
        }
        ix.row[c0] = (uint8_t)++ix.nrows;
    }
    size_t r = ix.row[c0] - 1u;
    if (k == SIZE_MAX) {
        /* an index of several lists numbers no entries */
    } else if (k >= 64) {
        fprintf(stderr, "gen_years_index: a list of more than 64 phrases\n");
        ix.bad = 1;
    } else {
        ix.entries[r] |= (uint64_t)1 << k;
    }
    if (c1 == 0) { /* any byte may follow */
        memset(ix.second[r], 0xFF, sizeof ix.second[r]);
    } else if (c1 == ' ') { /* what the matchers take for a space */
        for (unsigned c = 0; c < 256; c++)
            if (ft_ascii_space((unsigned char)c))
                set(r, (unsigned char)c);
        set(r, 0xC2); /* a no-break space */
    } else {
        set(r, ft_ascii_fold(c1));
    }
}

/* A phrase, read forwards (an opener) or backwards (an ender). */
static void ix_phrase(size_t k, ft_lit p, bool ender)
{
    const unsigned char *s = (const unsigned char *)p.s;
    if (p.n == 0) {
        fprintf(stderr, "gen_years_index: an empty phrase\n");
        ix.bad = 1;
        return;
    }
    if (ender)
        ix_add(k, s[p.n - 1], p.n > 1 ? s[p.n - 2] : 0);
    else
        ix_add(k, s[0], p.n > 1 ? s[1] : 0);
}

static void ix_lits(const ft_lit *list, size_t n, bool ender, bool numbered)
{
    for (size_t k = 0; k < n; k++)
        ix_phrase(numbered ? k : SIZE_MAX, list[k], ender);
}

static void ix_words(const relative_word *list, size_t n, bool numbered)
{
    for (size_t k = 0; k < n; k++)
        ix_phrase(numbered ? k : SIZE_MAX, list[k].w, false);
}

/* The tails of an ender index's entries (years_index). */
static void ix_tails(const char *name, const ft_lit *list, size_t n)
{
    printf("\nstatic const uint8_t %s_tails[%zu][3] = {", name, n);
    for (size_t k = 0; k < n; k++) {
        const unsigned char *p = (const unsigned char *)list[k].s;
        size_t len = list[k].n, last = 0;
        while (last < len && p[len - 1 - last] != ' ')
            last++;
        unsigned char byte = 0, kind = 0;
        if (last >= 256) {
            /* no look: a count fits a byte */
        } else if (last == len && len > 2) {
            /* one word, longer than the index's two bytes */
            byte = ft_ascii_fold(p[0]);
            kind = TAIL_FIRST;
        } else if (last + 2 <= len && p[len - last - 2] != ' ') {
            /* (a phrase with two spaces in a row never matches) */
            byte = ft_ascii_fold(p[len - last - 2]);
            kind = TAIL_BEFORE;
        }
        printf("%s{%zu, 0x%02x, %u},", k % 4 ? " " : "\n    ", kind ? last : 0,
               byte, kind);
    }
    printf("\n};\n");
}

/* The first bytes of an opener index's entries, four at most and none
 * from the first space (which may match a run) or the end on (years_index:
 * prefix4), each byte k of them at bits 8k. */
static void ix_prefixes(const char *name, const ft_lit *list, size_t n)
{
    printf("\nstatic const uint32_t %s_prefix4[%zu][2] = {", name, n);
    for (size_t k = 0; k < n; k++) {
        const unsigned char *p = (const unsigned char *)list[k].s;
        uint32_t bytes = 0, mask = 0;
        for (size_t q = 0; q < 4 && q < list[k].n && p[q] > ' '; q++) {
            bytes |= (uint32_t)p[q] << (8 * q);
            mask |= (uint32_t)0xFF << (8 * q);
        }
        printf("%s{0x%08xu, 0x%08xu},", k % 3 ? " " : "\n    ", bytes, mask);
    }
    printf("\n};\n");
}

/* The entries of a list by their length, a bit each (an entry's bit in
 * the index's entries), for lengths below max: for a reader that knows a
 * whole word's length (years.c's stop_word), so that only the entries of
 * its length are tried.  1 (the build fails) when an entry is longer. */
static int ix_by_length(const char *name, const ft_lit *list, size_t n,
                        size_t max)
{
    uint64_t by[64] = {0};
    if (n > 64 || max > 64)
        return 1;
    for (size_t k = 0; k < n; k++) {
        if (list[k].n >= max)
            return 1;
        by[list[k].n] |= (uint64_t)1 << k;
    }
    printf("\nstatic const uint64_t %s_by_length[%zu] = {", name, max);
    for (size_t q = 0; q < max; q++)
        printf("%s0x%llxu,", q % 4 ? " " : "\n    ", (unsigned long long)by[q]);
    printf("\n};\n");
    return 0;
}

static void ix_emit(const char *name, bool tails, bool prefixes)
{
    size_t rows = ix.nrows ? ix.nrows : 1; /* C has no empty array */
    printf("\nstatic const uint64_t %s_second[%zu][4] = {\n", name, rows);
    for (size_t r = 0; r < rows; r++)
        printf("    {0x%016llxu, 0x%016llxu, 0x%016llxu, 0x%016llxu},\n",
               (unsigned long long)ix.second[r][0],
               (unsigned long long)ix.second[r][1],
               (unsigned long long)ix.second[r][2],
               (unsigned long long)ix.second[r][3]);
    printf("};\nstatic const uint64_t %s_entries[%zu] = {", name, rows);
    for (size_t r = 0; r < rows; r++)
        printf("%s0x%llxu,", r % 4 ? " " : "\n    ",
               (unsigned long long)ix.entries[r]);
    printf("\n};\nstatic const years_index %s = {\n    {", name);
    int put = 0;
    for (unsigned c = 0; c < 256; c++)
        if (ix.row[c])
            printf("%s[0x%02x] = %u,", put++ % 6 ? " " : "\n     ", c,
                   ix.row[c]);
    printf("%s},\n    %s_second,\n    %s_entries,\n    %s,\n",
           put ? "\n    " : "0", name, name, ix.always ? "true" : "false");
    if (tails)
        printf("    %s_tails,\n", name);
    else
        printf("    NULL,\n");
    if (prefixes)
        printf("    %s_prefix4,\n};\n", name);
    else
        printf("    NULL,\n};\n");
}

/* The pairs of first two bytes of the index's phrases that open past
 * ASCII (Korean words), as a list for the scanners that compare sixteen
 * bytes at once: years.c's classify16 marks only the lead bytes that
 * open such a pair. */
static void ix_heads_past_ascii(const char *name)
{
    if (ix.always) { /* a phrase may open anywhere: no list can say so */
        fprintf(stderr, "gen_years_index: %s opens anywhere\n", name);
        ix.bad = 1;
        return;
    }
    printf("\nstatic const unsigned char %s[][2] = {", name);
    int put = 0;
    for (unsigned c0 = 0x80; c0 < 256; c0++) {
        if (!ix.row[c0])
            continue;
        const uint64_t *second = ix.second[ix.row[c0] - 1u];
        for (unsigned c1 = 0; c1 < 256; c1++) {
            if (!(second[c1 >> 6] >> (c1 & 63) & 1))
                continue;
            /* the index folds the second byte: both cases of a letter */
            printf("%s{0x%02x, 0x%02x},", put++ % 4 ? " " : "\n    ", c0, c1);
            if (ft_ascii_lower((unsigned char)c1))
                printf("%s{0x%02x, 0x%02x},", put++ % 4 ? " " : "\n    ", c0,
                       c1 - 32);
        }
    }
    if (!put) { /* C has no empty array */
        fprintf(stderr, "gen_years_index: %s opens nothing past ASCII\n", name);
        ix.bad = 1;
    }
    printf("\n};\n");
}

/* The pairs of first two bytes of the index's phrases, each | 0x20 (which
 * keeps both cases of a letter, and more of other bytes, never fewer), as
 * a list for the scanners that compare sixteen bytes at once: years.c's
 * look_back asks other_period, signed_before signing_verbs and
 * tying_gap korean_compare only where such a pair stands.  NAME_ascii
 * says whether a first byte is ASCII: where none is, sixteen bytes with
 * none past ASCII hold no pair. */
static void ix_heads_folded(const char *name)
{
    if (ix.always) { /* a phrase may open anywhere: no list can say so */
        fprintf(stderr, "gen_years_index: %s opens anywhere\n", name);
        ix.bad = 1;
        return;
    }
    static uint64_t seen[256][4];
    memset(seen, 0, sizeof seen);
    int ascii = 0;
    printf("\nstatic const unsigned char %s[][2] = {", name);
    int put = 0;
    for (unsigned c0 = 0; c0 < 256; c0++) {
        if (!ix.row[c0])
            continue;
        const uint64_t *second = ix.second[ix.row[c0] - 1u];
        for (unsigned c1 = 0; c1 < 256; c1++) {
            unsigned a = c0 | 0x20, b = c1 | 0x20;
            if (!(second[c1 >> 6] >> (c1 & 63) & 1) ||
                (seen[a][b >> 6] >> (b & 63) & 1))
                continue;
            seen[a][b >> 6] |= (uint64_t)1 << (b & 63);
            printf("%s{0x%02x, 0x%02x},", put++ % 4 ? " " : "\n    ", a, b);
            ascii |= a < 0x80;
        }
    }
    if (!put) { /* C has no empty array */
        fprintf(stderr, "gen_years_index: %s opens nothing\n", name);
        ix.bad = 1;
    }
    printf("\n};\nenum { %s_ascii = %d };\n", name, ascii);
}

/* An ASCII letter or digit: what starts a word where none stands
 * before it, for years.c as for this program. */
static int alnum(unsigned char c)
{
    return (ft_ascii_class[c] & (FT_ASCII_ALPHA | FT_ASCII_DIGIT)) != 0;
}

/* How many words start in p[from, to) (a letter or digit after none;
 * a space of the phrase, which matches a run of spaces, is none). */
static size_t word_starts(const char *p, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t q = from; q < to; q++)
        n += alnum((unsigned char)p[q]) &&
             (q == 0 || !alnum((unsigned char)p[q - 1]));
    return n;
}

/* Where the first anchor in phrase p starts (letters folded), or
 * SIZE_MAX. */
static size_t first_anchor(const char *p)
{
    for (size_t q = 0; p[q]; q++)
        for (size_t k = 0; k < N_OF(anchors); k++) {
            size_t m = 0;
            while (m < anchors[k].n && p[q + m] &&
                   ft_ascii_fold((unsigned char)p[q + m]) ==
                       (unsigned char)anchors[k].s[m])
                m++;
            if (m == anchors[k].n)
                return q;
        }
    return SIZE_MAX;
}

/* The most words that start after the first byte of an English relative
 * year or span of years, up to its first anchor (the anchor's own word
 * counted when it starts one): what multi_year_at, years_ago_at and
 * relative_at read.  Exits 1 on a relative year without an anchor. */
static size_t anchor_words(int *bad)
{
    size_t most = 1; /* "5 years ago", "5-year": the number, then "year" */
    for (size_t k = 0; k < N_OF(relative_words); k++) {
        const char *p = relative_words[k].w.s;
        size_t a = first_anchor(p);
        if (a == SIZE_MAX) {
            fprintf(stderr, "relative_words: \"%s\" holds no anchor\n", p);
            *bad = 1;
            continue;
        }
        size_t n = word_starts(p, 1, a + 1);
        if (n > most)
            most = n;
    }
    /* a count ("five", or digits: one word), then " year" or "-year" */
    size_t count = 1, count_rest = 0;
    for (size_t k = 0; k < N_OF(counts); k++) {
        size_t n = word_starts(counts[k].s, 0, counts[k].n);
        count = n > count ? n : count;
        n = word_starts(counts[k].s, 1, counts[k].n);
        count_rest = n > count_rest ? n : count_rest;
    }
    if (count_rest + 1 > most)
        most = count_rest + 1;
    /* a lead ("over the next"), a count, then " years" or " months" */
    for (size_t k = 0; k < N_OF(span_leads); k++) {
        size_t n = word_starts(span_leads[k].s, 1, span_leads[k].n) + count + 1;
        if (n > most)
            most = n;
    }
    return most;
}

#define OPEN(list)                                                             \
    (ix_clear(), ix_lits((list), N_OF(list), false, true),                     \
     ix_prefixes("open_" #list, (list), N_OF(list)),                           \
     ix_emit("open_" #list, false, true))
#define END(list)                                                              \
    (ix_clear(), ix_lits((list), N_OF(list), true, true),                      \
     ix_tails("end_" #list, (list), N_OF(list)),                               \
     ix_emit("end_" #list, true, false))

int main(void)
{
    int bad = 0;
    printf("/* years_index.h — made by scripts/gen_years_index.c from "
           "src/years_words.h.\n * Do not edit. */\n"
           "#ifndef FT_YEARS_INDEX_H\n#define FT_YEARS_INDEX_H\n\n"
           "#include \"years_words.h\"\n");

    /* what a year expression opens with, when not with a digit, an
     * apostrophe or FY: the words that multi_year_at and relative_at read */
    ix_clear();
    ix_lits(span_leads, N_OF(span_leads), false, false);
    ix_lits(counts, N_OF(counts), false, false);
    ix_words(relative_words, N_OF(relative_words), false);
    ix_words(relative_korean, N_OF(relative_korean), false);
    ix_emit("open_year_words", false, false);
    ix_heads_past_ascii("year_word_heads");
    bad |= ix.bad;

    /* read forwards from a position */
    OPEN(korean_compare), ix_heads_folded("korean_compare_heads");
    bad |= ix.bad;
    OPEN(signing_verbs), ix_heads_folded("signing_heads");
    bad |= ix.bad;
    OPEN(korean_launch), bad |= ix.bad;
    OPEN(korean_units), bad |= ix.bad;
    OPEN(other_period), ix_heads_folded("other_period_heads");
    bad |= ix.bad;
    OPEN(korean_was), bad |= ix.bad;
    OPEN(stop_words), bad |= ix.bad;
    bad |= ix_by_length("stop_words", stop_words, N_OF(stop_words), 16);
    OPEN(span_leads), bad |= ix.bad;
    OPEN(counts), bad |= ix.bad;
    OPEN(recurring_after), bad |= ix.bad;
    OPEN(time_conjunctions), bad |= ix.bad;
    OPEN(korean_span), bad |= ix.bad;
    ix_clear();
    ix_words(relative_words, N_OF(relative_words), true);
    ix_emit("open_relative_words", false, false);
    bad |= ix.bad;
    ix_clear();
    ix_words(relative_korean, N_OF(relative_korean), true);
    ix_emit("open_relative_korean", false, false);
    bad |= ix.bad;
    /* read backwards, just before a position */
    END(hedges), bad |= ix.bad;
    END(compare_words), bad |= ix.bad;
    END(span_before), bad |= ix.bad;
    END(target_words), bad |= ix.bad;
    END(data_nouns), bad |= ix.bad;
    END(launch_verbs), bad |= ix.bad;
    END(deal_nouns), bad |= ix.bad;
    END(done_words), bad |= ix.bad;
    END(korean_particles), bad |= ix.bad;
    END(korean_launch), bad |= ix.bad;
    END(korean_done), bad |= ix.bad;
    END(months), bad |= ix.bad;
    END(fiscal_before), bad |= ix.bad;
    END(reach_words), bad |= ix.bad;
    END(recurring_before), bad |= ix.bad;

    /* how far before an anchor an English expression may open */
    printf("\nenum { ANCHOR_WORDS = %zu };\n", anchor_words(&bad));

    /* the anchors that start with each byte, either case */
    uint8_t first[256] = {0};
    for (size_t k = 0; k < N_OF(anchors); k++) {
        unsigned char a = (unsigned char)anchors[k].s[0];
        first[a] |= (uint8_t)(1u << k);
        if (ft_ascii_lower(a))
            first[a - 32] |= (uint8_t)(1u << k);
    }
    printf("\nstatic const uint8_t anchor_first[256] = {");
    int put = 0;
    for (unsigned c = 0; c < 256; c++)
        if (first[c])
            printf("%s[0x%02x] = %u,", put++ % 6 ? " " : "\n    ", c, first[c]);
    printf("\n};\n");
    /* ...and their second letters, folded */
    uint8_t second[256] = {0};
    for (size_t k = 0; k < N_OF(anchors); k++)
        second[ft_ascii_fold((unsigned char)anchors[k].s[1])] |=
            (uint8_t)(1u << k);
    printf("\nstatic const uint8_t anchor_second[256] = {");
    put = 0;
    for (unsigned c = 0; c < 256; c++)
        if (second[c])
            printf("%s[0x%02x] = %u,", put++ % 6 ? " " : "\n    ", c,
                   second[c]);
    printf("\n};\n");
    /* what mark_sentence notes of a byte: one look-up for three tables */
    printf("\nenum { MARK_BREAK = 1, MARK_PAREN = 2, MARK_ANCHOR = 4 };\n"
           "static const uint8_t sentence_marks[256] = {");
    put = 0;
    for (unsigned c = 0; c < 256; c++) {
        unsigned m = (ft_ascii_class[c] & FT_BREAK_START ? 1u : 0u) |
                     (c == '(' || c == ')' ? 2u : 0u) | (first[c] ? 4u : 0u);
        if (m)
            printf("%s[0x%02x] = %u,", put++ % 6 ? " " : "\n    ", c, m);
    }
    printf("\n};\n");
    /* the same, as lists for the scanners that compare sixteen bytes at
     * once: the bytes noted whatever follows them (all but a space and
     * the anchors' letters), and the bytes after which a space may break
     * a clause (phrase.h: ft_clause_break) */
    printf("\nstatic const unsigned char mark_alone[] = {");
    put = 0;
    for (unsigned c = 0; c < 256; c++)
        if (((ft_ascii_class[c] & FT_BREAK_START) && c != ' ') || c == '(' ||
            c == ')')
            printf("%s0x%02x,", put++ % 8 ? " " : "\n    ", c);
    printf("\n};\nstatic const unsigned char break_words[] = {");
    put = 0;
    for (unsigned c = 0; c < 256; c++)
        if (ft_ascii_class[c] & FT_BREAK_WORD)
            printf("%s0x%02x,", put++ % 8 ? " " : "\n    ", c);
    printf("\n};\n");
    /* ...and the anchors' first two letters, | 0x20 (which keeps both
     * cases of a letter, and more of other bytes, never fewer) */
    printf("static const unsigned char anchor_heads[][2] = {");
    for (size_t k = 0; k < N_OF(anchors); k++)
        printf("%s{0x%02x, 0x%02x},", k % 4 ? " " : "\n    ",
               (unsigned char)anchors[k].s[0] | 0x20,
               ft_ascii_fold((unsigned char)anchors[k].s[1]) | 0x20);
    printf("\n};\n\n#endif\n");
    return bad;
}
