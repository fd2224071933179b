/* gen_purpose_slots.c — the hash tables that find a word of the text in the
 * purpose grammar's lists (src/purpose_words.h), written as C on standard
 * output at build time.
 *
 * Slot h of a table holds 1 + the index of an entry in its list, 0 when
 * empty; an entry goes to the first free slot from its hash on (linear
 * probing), so a look-up walks from the hash of the text's word to a match
 * or to an empty slot.  A table has four slots an entry or more, so a
 * look-up rarely reads more than two.  The English words are placed by
 * ft_purpose_word_hash, the Korean domain nouns by ft_purpose_noun_hash of
 * their first two syllables (nouns that share them share a probe run), the
 * particles and the Korean skip words by ft_purpose_syllable_hash of their
 * last syllable (so one probe run holds every particle that can end a
 * word); the particles are written once more in groups of one last
 * syllable, longest first (emit_particle_groups), which is how
 * particle_len reads them.  Beside the English table it writes the shapes
 * of its words (length, first and last letter: purpose_words.h), which turn
 * most other words away before they are hashed.  Exits 1 when a list holds
 * an entry twice (the look-up's answer would depend on the order), a noun
 * shorter than two syllables, a particle longer than three or an entry that
 * is not whole syllables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "purpose_words.h"

#define AS_SPELLING(name, cls) #name,
#define AS_SPELLING_S(name, spelling, cls) spelling,
#define AS_NOUN(noun) noun,

static const char *const spellings[] = {
    FT_PURPOSE_WORDS(AS_SPELLING, AS_SPELLING_S)};
static const char *const nouns[] = {FT_PURPOSE_DOMAIN_NOUNS(AS_NOUN)};
static const char *const particles[] = {FT_PURPOSE_PARTICLES(AS_NOUN)};
static const char *const skips[] = {FT_PURPOSE_KOREAN_SKIPS(AS_NOUN)};

/* A word of the list by its bytes as purpose.c's word_id folds a word of
 * the text: lower case already, zero padded to sixteen. */
static uint32_t word_hash(const char *w)
{
    char padded[16] = {0};
    memcpy(padded, w, strlen(w)); /* no longer than 15: main checks */
    return ft_purpose_word_hash(padded);
}

/* A particle or a skip word by its last syllable. */
static uint32_t last_syllable_hash(const char *p)
{
    return ft_purpose_syllable_hash(p + strlen(p) - 3);
}

/* Write the table `name`_slot, of NAME_SLOTS slots, of list[0,n) placed
 * by hash; 0 on success. */
static int emit(const char *name, const char *NAME, const char *const *list,
                size_t n, uint32_t (*hash)(const char *))
{
    size_t slots = 1, worst = 0;
    while (slots < 4 * n)
        slots *= 2;
    unsigned *slot = calloc(slots, sizeof *slot);
    if (!slot)
        return 1;
    for (size_t k = 0; k < n; k++) {
        size_t h = hash(list[k]) & (slots - 1), probes = 1;
        for (; slot[h]; h = (h + 1) & (slots - 1), probes++)
            if (strcmp(list[slot[h] - 1], list[k]) == 0) {
                fprintf(stderr, "gen_purpose_slots: \"%s\" twice\n", list[k]);
                free(slot);
                return 1;
            }
        slot[h] = (unsigned)k + 1;
        worst = probes > worst ? probes : worst;
    }
    printf("\n/* %zu entries, at most %zu probes. */\n", n, worst);
    printf("#define %s_SLOTS %zu\n", NAME, slots);
    printf("static const unsigned short %s_slot[%zu] = {", name, slots);
    for (size_t h = 0; h < slots; h++)
        printf("%s%u,", h % 16 ? " " : "\n    ", slot[h]);
    printf("\n};\n");
    free(slot);
    return 0;
}

/* Does particle a end with the last syllable of particle b? */
static int same_last_syllable(const char *a, const char *b)
{
    return memcmp(a + strlen(a) - 3, b + strlen(b) - 3, 3) == 0;
}

/* Write the particles by their last syllable: purpose_particle_order lists
 * their indices, those of one last syllable together and longest first,
 * and slot h of purpose_particle_group holds a last syllable's run of
 * purpose_particle_order as its start << 4 | its length (0 when empty),
 * placed by ft_purpose_syllable_hash and linear probing.  particle_len then
 * compares a word's last syllable once and tries its particles longest
 * first.  0 on success. */
static int emit_particle_groups(const char *const *list, size_t n)
{
    size_t order[64], runs = 0, done = 0;
    size_t run_start[64], run_len[64];
    if (n > 64) {
        fprintf(stderr, "gen_purpose_slots: more than 64 particles\n");
        return 1;
    }
    for (size_t k = 0; k < n; k++) {
        int seen = 0;
        for (size_t j = 0; j < k; j++)
            seen |= same_last_syllable(list[j], list[k]);
        if (seen)
            continue;
        run_start[runs] = done;
        /* the particles of this syllable, longest first (stable) */
        for (size_t len = 9; len >= 3; len -= 3)
            for (size_t j = k; j < n; j++)
                if (same_last_syllable(list[j], list[k]) &&
                    strlen(list[j]) == len)
                    order[done++] = j;
        run_len[runs] = done - run_start[runs];
        if (run_len[runs] > 15) {
            fprintf(stderr, "gen_purpose_slots: more than 15 particles end "
                            "with one syllable\n");
            return 1;
        }
        runs++;
    }
    size_t slots = 1;
    while (slots < 4 * runs)
        slots *= 2;
    unsigned *slot = calloc(slots, sizeof *slot);
    if (!slot)
        return 1;
    for (size_t r = 0; r < runs; r++) {
        size_t h = last_syllable_hash(list[order[run_start[r]]]) & (slots - 1);
        while (slot[h])
            h = (h + 1) & (slots - 1);
        slot[h] = (unsigned)(run_start[r] << 4 | run_len[r]);
    }
    printf("\n/* %zu particles, %zu last syllables. */\n", n, runs);
    printf("static const unsigned char purpose_particle_order[%zu] = {", n);
    for (size_t k = 0; k < n; k++)
        printf("%s%zu,", k % 16 ? " " : "\n    ", order[k]);
    printf("\n};\n");
    printf("#define PURPOSE_PARTICLE_GROUPS %zu\n", slots);
    printf("static const unsigned short purpose_particle_group[%zu] = {",
           slots);
    for (size_t h = 0; h < slots; h++)
        printf("%s%u,", h % 16 ? " " : "\n    ", slot[h]);
    printf("\n};\n");
    free(slot);
    return 0;
}

/* Write purpose_word_shapes: bit l of [m][f] is set when a word of
 * list[0,n) has length m, first letter f and last letter l (each as
 * FT_PURPOSE_WORD_FIRST and _LAST read it); 0 on success. */
static int emit_shapes(const char *const *list, size_t n, size_t longest)
{
    uint32_t(*shapes)[32] = calloc(longest + 1, sizeof *shapes);
    if (!shapes)
        return 1;
    for (size_t k = 0; k < n; k++) {
        size_t m = strlen(list[k]);
        shapes[m][FT_PURPOSE_WORD_FIRST(list[k])] |=
            UINT32_C(1) << FT_PURPOSE_WORD_LAST(list[k], m);
    }
    printf("\n/* The shapes of the words: purpose_words.h. */\n");
    printf("static const uint32_t purpose_word_shapes[%zu][32] = {",
           longest + 1);
    for (size_t m = 0; m <= longest; m++) {
        printf("\n    {");
        for (size_t f = 0; f < 32; f++)
            printf("%s0x%lx,", f % 6 ? " " : "\n        ",
                   (unsigned long)shapes[m][f]);
        printf("\n    },");
    }
    printf("\n};\n");
    free(shapes);
    return 0;
}

int main(void)
{
    size_t nw = sizeof spellings / sizeof *spellings;
    size_t nn = sizeof nouns / sizeof *nouns, longest = 0;
    size_t np = sizeof particles / sizeof *particles;
    size_t ns = sizeof skips / sizeof *skips;
    for (size_t k = 0; k < nw; k++)
        longest =
            strlen(spellings[k]) > longest ? strlen(spellings[k]) : longest;
    if (longest > 15) {
        fprintf(stderr, "gen_purpose_slots: a word longer than 15 bytes\n");
        return 1;
    }
    for (size_t k = 0; k < nn; k++)
        if (strlen(nouns[k]) < 6) {
            fprintf(stderr, "gen_purpose_slots: noun %zu has one syllable\n",
                    k);
            return 1;
        }
    for (size_t k = 0; k < ns; k++)
        if (strlen(skips[k]) % 3 || strlen(skips[k]) < 3) {
            fprintf(stderr,
                    "gen_purpose_slots: skip word %zu is not syllables\n", k);
            return 1;
        }
    for (size_t k = 0; k < np; k++)
        if (strlen(particles[k]) % 3 || strlen(particles[k]) < 3 ||
            strlen(particles[k]) > 9) {
            fprintf(stderr,
                    "gen_purpose_slots: particle %zu is not 1-3 syllables\n",
                    k);
            return 1;
        }
    printf(
        "/* Generated by scripts/gen_purpose_slots.c from src/purpose_words.h: "
        "do not edit. */\n");
    printf("#define PURPOSE_WORD_LONGEST %zu\n", longest);
    if (emit_shapes(spellings, nw, longest))
        return 1;
    return emit("purpose_word", "PURPOSE_WORD", spellings, nw, word_hash) ||
           emit("purpose_noun", "PURPOSE_NOUN", nouns, nn,
                ft_purpose_noun_hash) ||
           emit("purpose_particle", "PURPOSE_PARTICLE", particles, np,
                last_syllable_hash) ||
           emit_particle_groups(particles, np) ||
           emit("purpose_skip", "PURPOSE_SKIP", skips, ns, last_syllable_hash);
}
