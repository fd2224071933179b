/* gen_extract_index.c — the ender indexes that extract.c reads before its
 * phrase lists (qualifier_before, change_before) and abbreviations
 * (is_abbreviation), derived from the lists
 * in src/extract_words.h and written as C on standard output at build
 * time.
 *
 * For each list read backward: the entries ending in each byte, and the
 * entries whose byte before the last is each byte (any byte for a space
 * or an entry of one byte); for each list read forward (is_change's words
 * after, conversion_after's, the rate leads of is_rate): the same of
 * their first two bytes.  Exits 1
 * when a list outgrows the 64 bits of a row, or when a qualifier could
 * never be found: the first one that ends where the amount's words end is
 * taken, so one that is the last words of a later one ("more than" of "no
 * more than", which says the opposite) must come after it.  (In the
 * change lists every entry says the same, so their order does not
 * matter.)
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "extract_words.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

static bool ender_build(ender_index *ix, const ft_lit *list, size_t n)
{
    memset(ix, 0, sizeof *ix);
    if (n > 64)
        return false;
    for (size_t k = 0; k < n; k++) {
        const unsigned char *p = (const unsigned char *)list[k].s;
        size_t len = list[k].n;
        uint64_t bit = UINT64_C(1) << k;
        if (len == 0)
            return false; /* ft_phrase_before_any wants none empty */
        ix->last[p[len - 1]] |= bit;
        size_t space = len; /* the last space, len when none */
        for (size_t q = 0; q < len; q++)
            if (p[q] == ' ')
                space = q;
        for (unsigned b = 0; b < 256; b++) {
            if (len == 1 || p[len - 2] == ' ' || b == p[len - 2])
                ix->before_last[b] |= bit;
            if (space == len || space == 0 || p[space - 1] == ' ' ||
                b == p[space - 1])
                ix->word_before[b] |= bit;
        }
    }
    return true;
}

/* The first entry k of list[0..n) that is the last words of a later one
 * (which it would always beat), n when none is. */
static size_t shadowing(const ft_lit *list, size_t n, size_t *later)
{
    for (size_t k = 0; k < n; k++)
        for (size_t j = k + 1; j < n; j++) {
            const ft_lit *a = &list[k], *b = &list[j];
            if (b->n > a->n && b->s[b->n - a->n - 1] == ' ' &&
                memcmp(b->s + b->n - a->n, a->s, a->n) == 0) {
                *later = j;
                return k;
            }
        }
    return n;
}

static void put_row(const char *name, const uint64_t *row)
{
    printf("    .%s = {", name);
    for (size_t b = 0; b < 256; b++)
        printf("%s0x%llx,", b % 4 ? " " : "\n        ",
               (unsigned long long)row[b]);
    printf("\n    },\n");
}

static bool put_index(const char *name, const ft_lit *list, size_t n,
                      bool first_wins)
{
    ender_index ix;
    if (!ender_build(&ix, list, n)) {
        fprintf(stderr, "gen_extract_index: %s has over 64 entries\n", name);
        return false;
    }
    size_t later, k = first_wins ? shadowing(list, n, &later) : n;
    if (k < n) {
        fprintf(stderr,
                "gen_extract_index: %s: \"%s\" ends \"%s\", which comes "
                "after it and so is never read; put it first\n",
                name, list[k].s, list[later].s);
        return false;
    }
    printf("static const ender_index %s = {\n", name);
    put_row("last", ix.last);
    put_row("before_last", ix.before_last);
    put_row("word_before", ix.word_before);
    printf("};\n\n");
    return true;
}

static bool starter_build(starter_index *ix, const char *const *list, size_t n)
{
    memset(ix, 0, sizeof *ix);
    if (n > 64)
        return false;
    for (size_t k = 0; k < n; k++) {
        const unsigned char *p = (const unsigned char *)list[k];
        uint64_t bit = UINT64_C(1) << k;
        if (p[0] == '\0')
            return false; /* ft_phrase_at_any never finds "" */
        /* as phrase.c's match_at: a second byte above ' ' is compared */
        bool any_first = p[0] == ' ', any_second = any_first || p[1] <= ' ';
        for (unsigned b = 0; b < 256; b++) {
            if (any_first || b == p[0])
                ix->first[b] |= bit;
            if (any_second || b == p[1])
                ix->second[b] |= bit;
        }
    }
    return true;
}

static bool put_starters(const char *name, const char *const *list, size_t n)
{
    starter_index ix;
    if (!starter_build(&ix, list, n)) {
        fprintf(stderr, "gen_extract_index: %s has over 64 entries\n", name);
        return false;
    }
    printf("static const starter_index %s = {\n", name);
    put_row("first", ix.first);
    put_row("second", ix.second);
    printf("};\n\n");
    return true;
}

/* put_starters of the rate leads (rate_after's first words). */
static bool put_rate_leads(void)
{
    const char *leads[COUNT(rate_after)];
    for (size_t k = 0; k < COUNT(rate_after); k++)
        leads[k] = rate_after[k].lead;
    return put_starters("rate_lead_starters", leads, COUNT(rate_after));
}

int main(void)
{
    printf("/* Generated by scripts/gen_extract_index.c from "
           "src/extract_words.h: do not edit. */\n");
    printf("#include \"extract_words.h\"\n\n");
    if (!put_index("before_q_enders", before_q_phrase, COUNT(before_q_phrase),
                   true) ||
        !put_index("change_enders", change_words_before,
                   COUNT(change_words_before), false) ||
        !put_index("abbreviation_enders", abbreviations, COUNT(abbreviations),
                   false) ||
        !put_starters("change_after_starters", change_words_after,
                      COUNT(change_words_after)) ||
        !put_starters("held_starters", held_nouns, COUNT(held_nouns)) ||
        !put_starters("paren_starters", paren_lead, COUNT(paren_lead)) ||
        !put_starters("comma_starters", comma_lead, COUNT(comma_lead)) ||
        !put_rate_leads())
        return 1;
    return 0;
}
