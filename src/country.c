/* country.c — the states of datasets/countries.csv, the words that name
 * them, and the rules that give each figure its state.
 *
 * One pass over the text collects the mentions of states (and of the cue
 * words the rules read); each figure then looks only at the mentions in
 * bounded windows around it and before it, with bounds that only move
 * forward from one figure to the next, so the work stays linear in the
 * text.  The pass classifies the text 64 bytes at a time and reads each
 * word once: filters derived from the lexicon (one hashed table of the
 * state words and the cue words, built when the table is loaded) rule
 * out most words without a look-up, most by their first three bytes
 * (pair_starts) and then their first five (start_passes), and the rest
 * are looked up once.  Only the
 * text within the rules' reach of some figure is read (collect_near):
 * a news article has a few figures, and most of it is far from them.
 * The rules, strongest first (DESIGN.md, "Country"):
 *
 *   1. a buyer in the figure's sentence: an arms deal or a US foreign
 *      military sale belongs to the state that buys ("a sale to Taiwan",
 *      "Poland signed", "핀란드에 수출");
 *   2. the state named before the figure in its sentence ("Japan's
 *      defence budget", "the Philippine Navy", 일본 방위비);
 *   3. a company or institution of one state named before it (Hanwha's
 *      backlog, the Bundeswehr's fund), but not in a deal, where the
 *      company sells;
 *   4. a state, else a company, named after it in the same clause;
 *   5. in a deal, the state the sentences just before talk of (the buyer
 *      most: "Finland is buying ...  The contract is worth X won");
 *   6. a currency of one state (KRW -> KOR);
 *   7. the state the sentences just before talk of most (LOOK_BACK);
 *   8. a company in a deal; last, the currency of the paper's own
 *      conversion;
 *   otherwise nothing: a dollar or euro figure alone says nothing.
 *
 * Some mentions name no owner: a name inside the figure itself ("U.S.
 * dollars"), an institution named after its state ("Korea Institute for
 * Defense Analyses"), where a thing is made ("built in South Korea",
 * "독일산"), a place or a beneficiary ("in North Korea", "for North
 * Korean defectors", "in support of Ukraine's"), troops stationed abroad
 * ("the 28,500 U.S. troops"), and near talk of cost-sharing, the United
 * States, which is paid.
 */
#include "country.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "table.h"
#include "text.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* AVX2 where gcc or clang can ask the processor for it (classify64) */
#if defined(__x86_64__) && defined(__GNUC__)
#define COUNTRY_AVX2 1
#include <immintrin.h>
#else
#define COUNTRY_AVX2 0
#endif

#define NONE SIZE_MAX

/* How far the rules look, in bytes: around a figure in its sentence, and
 * back over the sentences before it. */
#define AROUND_BEFORE 600
#define AROUND_AFTER 400
#define LOOK_BACK 1500
/* Cost-sharing words make the United States the payee within this
 * distance before or after them. */
#define SHARE_BEFORE 1500
#define SHARE_AFTER 400
/* The farthest of these looks back from a figure or its sentence. */
#define READ_BEFORE LOOK_BACK
_Static_assert(READ_BEFORE >= SHARE_BEFORE && READ_BEFORE >= AROUND_BEFORE,
               "READ_BEFORE is the farthest look back");
_Static_assert(SHARE_AFTER >= AROUND_AFTER, "SHARE_AFTER is the farthest on");
/* How far a deal word reaches to make a state in a buyer's slot the
 * buyer. */
#define DEAL_REACH 250

/* A word's index into words, in a state's chain of them (fewer than
 * NO_WORD words: see add_word). */
#define NO_WORD UINT32_MAX

typedef struct {
    char iso3[4];
    char currency[4];
    size_t name;        /* arena offset; NONE until named */
    uint32_t last_word; /* index into words of its last word; NO_WORD */
} state;

/* The codes of three capital letters, each an index below NCODES. */
#define NCODES (26 * 26 * 26)

/* The index of currency code cur, NONE when it is not three capital
 * letters. */
static size_t code_index(const char *cur)
{
    size_t k = 0;
    for (int j = 0; j < 3; j++) {
        if (cur[j] < 'A' || cur[j] > 'Z')
            return NONE;
        k = 26 * k + (size_t)(cur[j] - 'A');
    }
    return cur[3] == '\0' ? k : NONE;
}

typedef struct {
    size_t text, len; /* arena offset and length */
    size_t state;     /* index into states */
    ft_country_word kind;
    uint32_t prev; /* the word of the same state added before it; NO_WORD */
} word;

/* ---- cue words ----------------------------------------------------------- */

typedef enum {
    CUE_DEAL = 1 << 0,    /* the sentence is about a sale or a contract */
    CUE_SHARE = 1 << 1,   /* cost-sharing for US forces */
    CUE_ORGWORD = 1 << 2, /* after a name: an institution ("Korea Institute") */
    CUE_BUYVERB = 1 << 3, /* after a state: it buys ("Poland signed") */
    CUE_TO = 1 << 4,      /* before a state: it may buy ("a sale to Taiwan") */
    CUE_ORIGIN = 1 << 5,  /* before "in X": where a thing is made */
    CUE_PREP = 1 << 6,    /* before a state: a place or a beneficiary */
    CUE_CURRENCY = 1 << 7,  /* after a state: a currency ("U.S. dollars") */
    CUE_PEOPLE = 1 << 8,    /* after a state: its people, who are helped */
    CUE_STATIONED = 1 << 9, /* after a state: its troops abroad */
    CUE_HELP = 1 << 10,     /* before "of/for/to X": X is helped */
    CUE_GIVE = 1 << 12,     /* before a state: it receives ("give Ukraine") */
    CUE_ASKED = 1 << 13,    /* before "from X": X buys ("an order from
                               Norway"; "bought from X" is the seller) */
    CUE_CLAUSE = 1 << 11    /* a new clause: a state after it is not the
                               figure's ("..., but ... amid North Korea's");
                               a semicolon is not one, for it parts the
                               items of a breakdown */
} cue;

/* The cues the scan keeps as mentions of their own; the others only
 * tell the role of a state named next to them. */
#define SCAN_CUES (CUE_DEAL | CUE_SHARE | CUE_CLAUSE)

/* One table of cue words.  English ones match case-insensitively as
 * whole words (a trailing '*' matches any ending; an all-capital word of
 * three letters or fewer is an acronym and matches its case); Korean ones
 * match as substrings. */
static const struct {
    const char *w;
    unsigned cues;
} cue_words[] = {
    {"contract*", CUE_DEAL},
    {"deal", CUE_DEAL},
    {"deals", CUE_DEAL},
    {"sale", CUE_DEAL},
    {"sales", CUE_DEAL},
    {"sell*", CUE_DEAL},
    {"sold", CUE_DEAL},
    {"order", CUE_DEAL | CUE_ASKED},
    {"request", CUE_ASKED},
    {"requests", CUE_ASKED},
    {"give", CUE_GIVE},
    {"gives", CUE_GIVE},
    {"gave", CUE_GIVE},
    {"giving", CUE_GIVE},
    {"grant", CUE_GIVE},
    {"grants", CUE_GIVE},
    {"granted", CUE_GIVE},
    {"pledge", CUE_GIVE},
    {"pledged", CUE_GIVE},
    {"send", CUE_GIVE},
    {"sends", CUE_GIVE},
    {"sent", CUE_GIVE},
    {"purchase*", CUE_DEAL},
    {"procure*", CUE_DEAL},
    {"acquisition*", CUE_DEAL},
    {"agreement", CUE_DEAL},
    {"FMS", CUE_DEAL},
    {"cost-sharing", CUE_SHARE},
    {"upkeep", CUE_SHARE},
    {"SMA", CUE_SHARE},
    {"burden-sharing", CUE_SHARE},
    {"Institute", CUE_ORGWORD},
    {"Times", CUE_ORGWORD},
    {"Herald", CUE_ORGWORD},
    {"Daily", CUE_ORGWORD},
    {"Broadcasting", CUE_ORGWORD},
    {"University", CUE_ORGWORD},
    {"Foundation", CUE_ORGWORD},
    {"Center", CUE_ORGWORD},
    {"Centre", CUE_ORGWORD},
    {"News", CUE_ORGWORD},
    {"Research", CUE_ORGWORD},
    {"Exchange", CUE_ORGWORD},
    {"Development", CUE_ORGWORD},
    {"Association", CUE_ORGWORD},
    {"Economic", CUE_ORGWORD},
    {"Journal", CUE_ORGWORD},
    {"Post", CUE_ORGWORD},
    {"International", CUE_ORGWORD},
    {"National", CUE_ORGWORD},
    {"signed", CUE_BUYVERB},
    {"signs", CUE_BUYVERB},
    {"inks", CUE_BUYVERB},
    {"inked", CUE_BUYVERB},
    {"ordered", CUE_BUYVERB},
    {"orders", CUE_BUYVERB | CUE_ASKED},
    {"bought", CUE_BUYVERB},
    {"buys", CUE_BUYVERB},
    {"purchased", CUE_BUYVERB},
    {"acquired", CUE_BUYVERB},
    {"to", CUE_TO | CUE_PREP},
    {"with", CUE_TO},
    {"from", CUE_PREP},
    {"for", CUE_TO | CUE_PREP},
    {"supply", CUE_TO},
    {"supplying", CUE_TO},
    {"in", CUE_PREP},
    {"on", CUE_PREP},
    {"at", CUE_PREP},
    {"into", CUE_PREP},
    {"toward", CUE_PREP},
    {"towards", CUE_PREP},
    {"against", CUE_PREP},
    {"about", CUE_PREP},
    {"over", CUE_PREP},
    {"countering", CUE_PREP},
    {"counter", CUE_PREP},
    {"deter", CUE_PREP},
    {"deterring", CUE_PREP},
    {"built", CUE_ORIGIN},
    {"made", CUE_ORIGIN},
    {"manufactured", CUE_ORIGIN},
    {"produced", CUE_ORIGIN},
    {"dollar", CUE_CURRENCY},
    {"dollars", CUE_CURRENCY},
    {"won", CUE_CURRENCY},
    {"yen", CUE_CURRENCY},
    {"yuan", CUE_CURRENCY},
    {"euro", CUE_CURRENCY},
    {"euros", CUE_CURRENCY},
    {"pound", CUE_CURRENCY},
    {"pounds", CUE_CURRENCY},
    {"peso", CUE_CURRENCY},
    {"pesos", CUE_CURRENCY},
    {"rupee", CUE_CURRENCY},
    {"rupees", CUE_CURRENCY},
    {"zloty", CUE_CURRENCY},
    {"krone", CUE_CURRENCY},
    {"kroner", CUE_CURRENCY},
    {"defectors", CUE_PEOPLE},
    {"refugees", CUE_PEOPLE},
    {"abductees", CUE_PEOPLE},
    {"human", CUE_PEOPLE},
    {"residents", CUE_PEOPLE},
    {"workers", CUE_PEOPLE},
    {"people", CUE_PEOPLE},
    {"citizens", CUE_PEOPLE},
    {"nationals", CUE_PEOPLE},
    {"families", CUE_PEOPLE},
    {"prisoners", CUE_PEOPLE},
    {"troops", CUE_STATIONED},
    {"troop", CUE_STATIONED},
    {"forces", CUE_STATIONED},
    {"soldiers", CUE_STATIONED},
    {"bases", CUE_STATIONED},
    {"servicemembers", CUE_STATIONED},
    {"but", CUE_CLAUSE},
    {"while", CUE_CLAUSE},
    {"whereas", CUE_CLAUSE},
    {"amid", CUE_CLAUSE},
    {"although", CUE_CLAUSE},
    {"though", CUE_CLAUSE},
    {"despite", CUE_CLAUSE},
    {"because", CUE_CLAUSE},

    {"whose", CUE_CLAUSE},
    {"which", CUE_CLAUSE},
    {"where", CUE_CLAUSE},
    {"support", CUE_HELP},
    {"aid", CUE_HELP},
    {"assistance", CUE_HELP},
    {"계약", CUE_DEAL},
    {"판매", CUE_DEAL},
    {"수주", CUE_DEAL},
    {"구매", CUE_DEAL},
    {"도입", CUE_DEAL},
    {"분담금", CUE_SHARE},
    {"분담액", CUE_SHARE},
    {"방위비분담", CUE_SHARE},
    {"방위비 분담", CUE_SHARE},
    {" 인권", CUE_PEOPLE},
    {" 이탈주민", CUE_PEOPLE},
    {" 주민", CUE_PEOPLE},
    {" 동포", CUE_PEOPLE},
    {"이탈주민", CUE_PEOPLE},
    {"산 ", CUE_ORIGIN},
    {"지만", CUE_CLAUSE},
    {"반면", CUE_CLAUSE},
};
#define NCUES (sizeof cue_words / sizeof cue_words[0])

static bool is_korean_cue(const char *w)
{
    return (unsigned char)w[0] >= 0x80 || w[0] == ' ';
}

static size_t cue_len(const char *w)
{
    size_t m = strlen(w);
    return w[m - 1] == '*' ? m - 1 : m;
}

static unsigned long korean_key(const char *p)
{
    return (unsigned long)(unsigned char)p[0] << 16 |
           (unsigned long)(unsigned char)p[1] << 8 | (unsigned char)p[2];
}

/* ---- bytes --------------------------------------------------------------- */

enum { B_ALNUM = 1, B_DASH = 2, B_LEAD = 4 };

/* What each byte is to the scanners: an ASCII letter or digit, the
 * hyphen that joins cue words ("cost-sharing"), or the first byte of a
 * character past ASCII (where a Korean word may start). */
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, /* 0x20 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x50 */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, /* 0x70 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x80 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x90 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xA0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xB0 */
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xC0 */
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xD0 */
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xE0 */
    4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, /* 0xF0 */
};

static bool alnum(unsigned char b)
{
    return byte_class[b] & B_ALNUM;
}

/* A byte of an English word as the rules read one: a letter, a digit or
 * a hyphen ("Seoul-based"), one table test. */
static bool word_byte(unsigned char b)
{
    return byte_class[b] & (B_ALNUM | B_DASH);
}

static bool upper(unsigned char b)
{
    return b >= 'A' && b <= 'Z';
}

static unsigned char lower(unsigned char b)
{
    return b >= 'A' && b <= 'Z' ? (unsigned char)(b - 'A' + 'a') : b;
}

/* ---- words eight bytes at a time ------------------------------------- */

/* Most of the text is English words that name nothing; reading them a
 * machine word at a time, not a byte at a time, is most of what makes
 * the scan cheap. */
#define FOLD (0x20 * FT_ONES8) /* an ASCII letter's case bit */

/* The n (< 8) bytes at p as ft_load8 reads them, zero above them. */
static uint64_t load_part(const char *p, size_t n)
{
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++)
        x |= (uint64_t)(unsigned char)p[i] << (8 * i);
    return x;
}

/* The mask of the low k bytes (k <= 8). */
static uint64_t low_bytes(size_t k)
{
    return k >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * k)) - 1;
}

/* The n (<= 8) bytes at p, zero above them, of which avail (at least n)
 * can be read: in one load when 8 can. */
static uint64_t load_upto(const char *p, size_t n, size_t avail)
{
    return avail >= 8 ? ft_load8(p) & low_bytes(n) : load_part(p, n);
}

/* The high bit of each byte of x that is an ASCII letter or digit: a
 * byte below 0x80 plus (0x80 - lo) has its high bit set exactly when it
 * is at least lo, and no carry crosses into the next byte. */
static uint64_t alnum_bits(uint64_t x)
{
    uint64_t low = x & ~FT_HIGHS8, folded = low | FOLD;
    uint64_t digit = (low + 0x50 * FT_ONES8) & ~(low + 0x46 * FT_ONES8);
    uint64_t letter = (folded + 0x1F * FT_ONES8) & ~(folded + 0x05 * FT_ONES8);
    return (digit | letter) & ~x & FT_HIGHS8;
}

/* x with its ASCII capitals made small, as lower() does a byte at a time:
 * a byte below 0x80 plus (0x80 - lo) has its high bit set exactly when
 * it is at least lo; the capitals' high bits, moved down two, are their
 * case bits. */
static uint64_t lower8(uint64_t x)
{
    uint64_t low = x & ~FT_HIGHS8;
    uint64_t capital = (low + (0x80 - 'A') * FT_ONES8) &
                       ~(low + (0x80 - 'Z' - 1) * FT_ONES8) & ~x & FT_HIGHS8;
    return x | capital >> 2;
}

/* The first bytes of p[0..n) (at most 8) with their case bit set: what
 * the stems are first compared by (avail: as for load_upto). */
static uint64_t folded_prefix(const char *p, size_t n, size_t avail)
{
    size_t k = n < 8 ? n : 8;
    return (load_upto(p, k, avail) | FOLD) & low_bytes(k);
}

/* The lexicon's hash: of the bytes with their case bit set, so that
 * ASCII letters hash alike in either case and one hash serves the state
 * words (whose case counts) and the cue words (whose case does not); the
 * comparisons after the look-up settle the rest.  Eight bytes at a time
 * (the last ones zero-padded), then the length. */
#define HASH_SEED UINT64_C(0x9E3779B97F4A7C15)
#define HASH_MUL UINT64_C(0xFF51AFD7ED558CCD)

static uint64_t hash_step(uint64_t h, uint64_t folded)
{
    return (h ^ folded) * HASH_MUL;
}

static uint32_t hash_end(uint64_t h, size_t n)
{
    return (uint32_t)(hash_step(h, n) >> 32);
}

static uint32_t hash_bytes(const char *p, size_t n, size_t avail)
{
    uint64_t h = HASH_SEED;
    size_t i = 0;
    for (; n - i >= 8; i += 8)
        h = hash_step(h, ft_load8(p + i) | FOLD);
    if (i < n)
        h = hash_step(h, (load_upto(p + i, n - i, avail - i) | FOLD) &
                             low_bytes(n - i));
    return hash_end(h, n);
}

/* A run of ASCII letters and digits: its end, its hash_bytes and its
 * folded_prefix. */
typedef struct {
    size_t end;
    uint32_t hash;
    uint64_t first8;
} word_run;

/* The run of ASCII letters and digits at t[at..). */
static inline word_run scan_run(const char *t, size_t len, size_t at)
{
    uint64_t h = HASH_SEED;
    size_t e = at;
    uint64_t first8 = 0;
    for (;;) {
        uint64_t x;
        size_t k = 0;
        if (len - e >= 8) {
            x = ft_load8(t + e);
            uint64_t stop = ~alnum_bits(x) & FT_HIGHS8;
            k = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
        } else {
            x = load_part(t + e, len - e);
            while (e + k < len && alnum((unsigned char)t[e + k]))
                k++;
        }
        if (k == 0)
            break;
        uint64_t folded = (x | FOLD) & low_bytes(k);
        if (e == at)
            first8 = folded;
        h = hash_step(h, folded);
        e += k;
        if (k < 8)
            break;
    }
    return (word_run){e, hash_end(h, e - at), first8};
}

/* ---- the lexicon --------------------------------------------------------- */

/* One hashed table of every word the matchers look up, derived from the
 * states' words and from cue_words whenever the words change, so that
 * each word of a text costs one look-up.  A state word is keyed by its
 * first run of ASCII letters and digits (the run of text it can start
 * has exactly those bytes), or by its first three bytes (a Hangul
 * syllable; two for a word of two) when it starts past ASCII; an English
 * cue by itself (a stem without its '*'); a Korean cue by its first
 * three bytes. */
typedef enum { LEX_EMPTY = 0, LEX_STATE, LEX_CUE, LEX_KOREAN } lex_kind;

typedef struct {
    uint32_t hash;
    uint32_t kind; /* lex_kind */
    uint32_t keylen;
    /* LEX_STATE: c->cands[first..first+n), LEX_KOREAN: c->kcues[first..
     * first+n), LEX_CUE: cue_words[first] */
    uint32_t first, n;
} lex_slot;

struct ft_countries {
    ft_buf arena;
    state *states;
    size_t nstates, capstates;
    size_t usa; /* the state paid in cost-sharing, NONE when not in the table */
    /* By code_index: the first state whose currency that is, plus one;
     * 0 for none.  Kept by ft_countries_add, read for every figure. */
    uint32_t currency_first[NCODES];
    /* Only ever added to, never removed or changed: reindex keeps the
     * scan's filter bits of the words before (a function that took a
     * word away would have to clear them). */
    word *words;
    size_t nwords, capwords;
    /* Derived (reindex): the lexicon, an open-addressed table of
     * lex_mask + 1 slots; the words of each state key, longer first;
     * the Korean cues of each key, in cue_words order; the '*' stems
     * with their lengths and folded_prefix, by their first byte f (its
     * case bit set) at
     * stems[stem_at[f]..stem_at[f + 1]). */
    lex_slot *lex;
    size_t lex_mask;
    size_t *cands;
    bool two_byte_words; /* a state word of two bytes past ASCII */
    /* The longest state word, in bytes; and, a byte each at a << 8 | b,
     * the two bytes a, b that may stand next to each other within a
     * state word, a cue or a join of states (" and ", " or ", a state
     * word's ends next to a space): where the text's two bytes are none
     * of those, no step of the scan that passes over a word the scan
     * looks at, and no join, goes over from one to the other
     * (collect_near). */
    size_t longest;
    bool held_pairs[65536];
    /* How far the scan reads past the mentions the rules read
     * (collect_near), before a figure, and the text it reads whole. */
    size_t reach, read_before, short_text;
    unsigned short kcues[NCUES];
    unsigned short stems[NCUES], stem_len[NCUES];
    uint64_t stem8[NCUES];
    /* each English cue's first bytes (at most 8) as lower8 leaves them,
     * zero above: cue_equals compares them in one step */
    uint64_t cue_low8[NCUES];
    /* Derived too, for the scan, which wants only the state words and
     * the SCAN_CUES: bits at scan_keys (mark_state_word, the SCAN_CUES
     * and the first stem_min bytes of their stems; in ext_bits, the
     * state words that go on past their first run, as spelled), so
     * that most words are known to be nothing to it without a look-up. */
    unsigned char scan_bits[65536 / 8], ext_bits[65536 / 8];
    /* the ways a word of ext_bits goes on past its key: bit 1 for one
     * byte more, bit 2 for two */
    unsigned ext_steps;
    /* and the words past ASCII (state words, SCAN_CUES) by their first
     * KOREAN_KEY bytes, or whole when shorter (their lengths: bits of
     * korean_short) */
    unsigned char korean_bits[65536 / 8];
    unsigned korean_short;
    /* Before all of these, the first two bytes of every word the scan
     * looks for, as they may stand in a text (a cue's in either case),
     * a byte each (one load, for every word of the text), whose bits
     * tell the third bytes (third_bit) that may follow: together they
     * rule out six English words in seven. */
    unsigned char pair_starts[65536];
    /* Behind them, for the English words (start_passes): those of
     * START_KEY bytes or more by their first START_KEY bytes but the
     * first, as spelled, case bits set ("he N" of "the North", which few
     * "the"s pass), a bit each at start_key; the shorter ones ("US", "but", a
     * stem "sell", any word past ASCII) as pair_starts keeps them, in
     * short_starts. */
    unsigned char start_bits[65536 / 8];
    unsigned char short_starts[65536];
    /* Whether a word of the scan may start with a digit (mark_pair):
     * when none does, the words that do (a figure's own, "2024") are
     * passed over a block at a time (load_block). */
    bool digit_starts;
    /* For the rules' look at the words next to a state (word_cues): bits
     * at scan_key of every English cue's folded_prefix (of a stem, of
     * its first stem_lens bytes), so that most words are known to be no
     * cue without a look-up. */
    unsigned char cue_bits[65536 / 8];
    unsigned stem_lens; /* bit k: a stem of k bytes (8: of 8 or more) */
    size_t stem_min;    /* at most 8; SIZE_MAX without such stems */
    uint64_t stem_mask; /* low_bytes(stem_min) */
    unsigned short stem_at[257];
};

static ft_status reindex(ft_countries *c);

ft_countries *ft_countries_new(void)
{
    ft_countries *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    ft_buf_init(&c->arena);
    c->usa = NONE;
    if (reindex(c) != FT_OK) { /* the cue words, before any state word */
        free(c);
        return NULL;
    }
    return c;
}

void ft_countries_free(ft_countries *c)
{
    if (!c)
        return;
    ft_buf_free(&c->arena);
    free(c->states);
    free(c->words);
    free(c->lex);
    free(c->cands);
    free(c);
}

static const char *arena_str(const ft_countries *c, size_t off)
{
    return off == NONE ? NULL : c->arena.data + off;
}

static ft_status arena_put(ft_countries *c, const char *s, size_t n,
                           size_t *off)
{
    *off = c->arena.len;
    if (ft_buf_append(&c->arena, s, n) != FT_OK ||
        ft_buf_putc(&c->arena, '\0') != FT_OK)
        return FT_ENOMEM;
    return FT_OK;
}

static bool is_code(const char *s, size_t n)
{
    if (!s || strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return true;
}

static size_t find_state(const ft_countries *c, const char *iso3)
{
    for (size_t i = 0; i < c->nstates; i++)
        if (strcmp(c->states[i].iso3, iso3) == 0)
            return i;
    return NONE;
}

/* The first state of the currency whose code_index is k, by the
 * table's order (NONE when none), counted again. */
static size_t first_of_currency(const ft_countries *c, size_t k)
{
    for (size_t i = 0; i < c->nstates; i++)
        if (code_index(c->states[i].currency) == k)
            return i;
    return NONE;
}

/* State i takes currency cur (three capital letters), and currency_first
 * follows: the code it leaves may fall to a later state. */
static void set_currency(ft_countries *c, size_t i, const char *cur)
{
    size_t old = code_index(c->states[i].currency);
    memcpy(c->states[i].currency, cur, 4);
    size_t k = code_index(cur);
    if (old != NONE && old != k && c->currency_first[old] == i + 1) {
        size_t j = first_of_currency(c, old);
        c->currency_first[old] = j == NONE ? 0 : (uint32_t)(j + 1);
    }
    if (c->currency_first[k] == 0 || c->currency_first[k] > i + 1)
        c->currency_first[k] = (uint32_t)(i + 1);
}

ft_status ft_countries_add(ft_countries *c, const char *iso3, const char *name,
                           const char *currency)
{
    if (!is_code(iso3, 3) || (currency && *currency && !is_code(currency, 3)))
        return FT_EUSAGE;
    size_t i = find_state(c, iso3);
    if (i == NONE) {
        if (ft_grow((void **)&c->states, &c->capstates, c->nstates,
                    sizeof *c->states, 64) != FT_OK)
            return FT_ENOMEM;
        i = c->nstates++;
        memset(&c->states[i], 0, sizeof c->states[i]);
        memcpy(c->states[i].iso3, iso3, 4);
        c->states[i].name = NONE;
        c->states[i].last_word = NO_WORD;
        if (strcmp(iso3, "USA") == 0)
            c->usa = i;
    }
    if (currency && *currency)
        set_currency(c, i, currency);
    if (name && *name) {
        size_t off;
        if (arena_put(c, name, strlen(name), &off) != FT_OK)
            return FT_ENOMEM;
        c->states[i].name = off;
    }
    return FT_OK;
}

/* ---- the index ------------------------------------------------------- */

/* How many bytes of a state word key it in the lexicon (see lex_slot); 0
 * for a word that starts with an ASCII sign and so never matches. */
static size_t word_key_len(const char *w, size_t n)
{
    if ((unsigned char)w[0] >= 0x80)
        return n < 3 ? n : 3;
    size_t k = 0;
    while (k < n && alnum((unsigned char)w[k]))
        k++;
    return k;
}

/* A sort key of one state word: its key (by the key's hash and length
 * first, which tell most pairs apart without comparing their bytes: the
 * keys only need to be grouped, in no order of their own), then longer
 * first, then the table's order. */
typedef struct {
    const char *key;
    size_t keylen, len, index;
    uint32_t hash; /* hash_bytes of the key */
} sort_key;

static int by_key(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    if (a->keylen != b->keylen)
        return a->keylen < b->keylen ? -1 : 1;
    int d = memcmp(a->key, b->key, a->keylen);
    if (d != 0)
        return d;
    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Where the scan's filter keeps a word whose first bytes (at most 8,
 * case bits set) are first8: a word longer than 8 bytes shares the bit
 * of every word it begins with, which only costs it a look-up. */
static unsigned scan_key(uint64_t first8)
{
    return (unsigned)((first8 * HASH_MUL) >> 48);
}

static void set_bit(unsigned char *bits, unsigned k)
{
    bits[k >> 3] |= (unsigned char)(1u << (k & 7));
}

static bool bit_at(const unsigned char *bits, unsigned k)
{
    return bits[k >> 3] >> (k & 7) & 1;
}

static void mark_scan(ft_countries *c, const char *key, size_t n)
{
    set_bit(c->scan_bits, scan_key(folded_prefix(key, n, n)));
}

/* The two bytes at p as pair_starts indexes them (in the machine's
 * order: the table is filled and read by this one function). */
static unsigned pair_key(const char *p)
{
    uint16_t k;
    memcpy(&k, p, sizeof k);
    return k;
}

/* The bit of pair_starts that a third byte b stands for (its low three
 * bits, which a letter's case leaves alone). */
static unsigned third_bit(unsigned char b)
{
    return 1u << (b & 7);
}

/* How many first bytes of an English word start_passes reads. */
#define START_KEY 5

/* The key of start_bits of the word at p (START_KEY bytes readable): its
 * bytes 1 to 4, case bits set (the first byte, pair_starts has tested
 * with the second), in a 32-bit multiplicative hash, which needs no
 * 64-bit constant. */
static unsigned start_key(const char *p)
{
    uint32_t x;
    memcpy(&x, p + 1, sizeof x);
    return ((x | 0x20202020u) * UINT32_C(0x9E3779B1)) >> 16;
}

/* A word w of n bytes (at least two; of a '*' stem, its first n) the
 * scan looks for: its first two bytes as spelled, and in every case when
 * its case does not count (a cue), with the bit of its third byte, or
 * every bit when it has none (the text may go on with anything); in
 * start_bits or short_starts too (see there).  Every word the scan looks
 * for passes here. */
static void mark_pair(ft_countries *c, const char *w, size_t n, bool any_case)
{
    bool whole = (unsigned char)w[0] < 0x80 && n >= START_KEY;
    if (whole)
        set_bit(c->start_bits, start_key(w));
    if (w[0] >= '0' && w[0] <= '9')
        c->digit_starts = true;
    unsigned char third =
        n >= 3 ? (unsigned char)third_bit((unsigned char)w[2]) : 0xFF;
    for (unsigned flip = 0; flip < (any_case ? 4u : 1u); flip++) {
        char v[2] = {w[0], w[1]};
        for (int j = 0; j < 2; j++)
            if ((flip >> j & 1) &&
                (upper((unsigned char)v[j]) || (v[j] >= 'a' && v[j] <= 'z')))
                v[j] ^= 0x20;
        c->pair_starts[pair_key(v)] |= third;
        if (!whole)
            c->short_starts[pair_key(v)] |= third;
    }
}

/* The scan's filter keeps a word past ASCII by its first two Hangul
 * syllables, for one syllable (국, 미, 한) starts too many words. */
#define KOREAN_KEY 6

static void mark_korean(ft_countries *c, const char *w, size_t n)
{
    size_t k = n < KOREAN_KEY ? n : KOREAN_KEY;
    if (k < KOREAN_KEY)
        c->korean_short |= 1u << k;
    set_bit(c->korean_bits, scan_key(load_part(w, k)));
}

/* The scan's filter keeps a state word w of n bytes (past ASCII:
 * mark_korean) whose key is its first r by that key; or, when the word
 * goes on past a key shorter than 8 bytes, by its first r bytes and its
 * first r + 2 (at most n, at most 8) in ext_bits, as spelled, for a
 * state word's case counts: "the" starts "the North", but few "the"s
 * do, and "the n" starts none. */
static void mark_state_word(ft_countries *c, const char *w, size_t r, size_t n)
{
    if ((unsigned char)w[0] >= 0x80) {
        mark_korean(c, w, n);
        return;
    }
    if (n == r || r >= 8) {
        mark_scan(c, w, r);
        return;
    }
    size_t m = r + 2 < n ? r + 2 : n;
    if (m > 8)
        m = 8;
    set_bit(c->ext_bits, scan_key(load_part(w, r)));
    set_bit(c->ext_bits, scan_key(load_upto(w, m, n)));
    c->ext_steps |= 1u << (m - r);
}

static void lex_put(ft_countries *c, lex_slot *lex, size_t mask, lex_slot s,
                    const char *key)
{
    if (s.kind == LEX_CUE && (cue_words[s.first].cues & SCAN_CUES)) {
        mark_scan(c, key, s.keylen);
        mark_pair(c, key, s.keylen, true);
    }
    size_t i = s.hash & mask;
    while (lex[i].kind != LEX_EMPTY)
        i = (i + 1) & mask;
    lex[i] = s;
}

/* The state words keyed, a slot for each key (keys: room for them all). */
static void index_words(ft_countries *c, lex_slot *lex, size_t mask,
                        size_t *cands, sort_key *keys)
{
    size_t n = 0;
    c->two_byte_words = false;
    for (size_t i = 0; i < c->nwords; i++) {
        const char *w = c->arena.data + c->words[i].text;
        size_t k = word_key_len(w, c->words[i].len);
        if (k)
            keys[n++] =
                (sort_key){w, k, c->words[i].len, i, hash_bytes(w, k, k)};
        if ((unsigned char)w[0] >= 0x80 && k == 2)
            c->two_byte_words = true;
    }
    qsort(keys, n, sizeof *keys, by_key);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && keys[j].keylen == keys[i].keylen &&
                    memcmp(keys[j].key, keys[i].key, keys[i].keylen) == 0;
             j++) {
            cands[j] = keys[j].index;
            mark_state_word(c, keys[j].key, keys[j].keylen, keys[j].len);
            mark_pair(c, keys[j].key, keys[j].len, false);
        }
        lex_put(c, lex, mask,
                (lex_slot){keys[i].hash, LEX_STATE, (uint32_t)keys[i].keylen,
                           (uint32_t)i, (uint32_t)(j - i)},
                keys[i].key);
    }
}

/* The '*' stems, by their first byte with its case bit set. */
static void index_stems(ft_countries *c)
{
    memset(c->stem_at, 0, sizeof c->stem_at);
    c->stem_min = SIZE_MAX;
    for (size_t k = 0; k < NCUES; k++) {
        const char *w = cue_words[k].w;
        size_t m = cue_len(w);
        if (is_korean_cue(w) || m == strlen(w))
            continue;
        c->stem_at[(unsigned char)(w[0] | 0x20) + 1]++;
        c->stem_lens |= 1u << (m < 8 ? m : 8);
        if ((cue_words[k].cues & SCAN_CUES) && m < c->stem_min)
            c->stem_min = m < 8 ? m : 8;
    }
    c->stem_mask = low_bytes(c->stem_min);
    for (size_t f = 1; f <= 256; f++)
        c->stem_at[f] += c->stem_at[f - 1];
    unsigned short at[256];
    memcpy(at, c->stem_at, sizeof at);
    for (size_t k = 0; k < NCUES; k++) {
        const char *w = cue_words[k].w;
        size_t m = cue_len(w);
        if (is_korean_cue(w) || m == strlen(w))
            continue;
        size_t j = at[(unsigned char)(w[0] | 0x20)]++;
        c->stems[j] = (unsigned short)k;
        c->stem_len[j] = (unsigned short)m;
        c->stem8[j] = folded_prefix(w, m, m);
        if (cue_words[k].cues & SCAN_CUES)
            mark_scan(c, w, c->stem_min);
    }
}

/* The cue words keyed: each English one a slot; the Korean ones sorted
 * by their first three bytes (then the table's order), a slot for each
 * first two. */
static void index_cues(ft_countries *c, lex_slot *lex, size_t mask)
{
    size_t nk = 0;
    for (size_t k = 0; k < NCUES; k++) {
        const char *w = cue_words[k].w;
        if (is_korean_cue(w)) {
            size_t j = nk++; /* insertion sort: a handful of entries */
            while (j > 0 &&
                   korean_key(cue_words[c->kcues[j - 1]].w) > korean_key(w)) {
                c->kcues[j] = c->kcues[j - 1];
                j--;
            }
            c->kcues[j] = (unsigned short)k;
            continue;
        }
        size_t m = cue_len(w);
        c->cue_low8[k] = lower8(load_upto(w, m < 8 ? m : 8, m));
        set_bit(c->cue_bits, scan_key(folded_prefix(w, m, m)));
        lex_put(c, lex, mask,
                (lex_slot){hash_bytes(w, m, m), LEX_CUE, (uint32_t)m,
                           (uint32_t)k, 1},
                w);
    }
    for (size_t i = 0, j; i < nk; i = j) {
        const char *w = cue_words[c->kcues[i]].w;
        for (j = i; j < nk && memcmp(cue_words[c->kcues[j]].w, w, 3) == 0; j++)
            ;
        for (size_t m = i; m < j; m++) {
            const char *cue = cue_words[c->kcues[m]].w;
            if (cue_words[c->kcues[m]].cues & SCAN_CUES) {
                mark_korean(c, cue, strlen(cue));
                mark_pair(c, cue, strlen(cue), false);
            }
        }
        lex_put(c, lex, mask,
                (lex_slot){hash_bytes(w, 3, 3), LEX_KOREAN, 3, (uint32_t)i,
                           (uint32_t)(j - i)},
                w);
    }
}

/* Mark the pair of bytes a, b held. */
static void hold_pair(ft_countries *c, unsigned char a, unsigned char b)
{
    c->held_pairs[(unsigned)a << 8 | b] = true;
}

/* Mark the pairs of bytes next to each other in w[0..n) held. */
static void hold_pairs(ft_countries *c, const char *w, size_t n)
{
    for (size_t k = 1; k < n; k++)
        hold_pair(c, (unsigned char)w[k - 1], (unsigned char)w[k]);
}

/* c->held_pairs and the reaches of collect_near, of the words and the
 * cues (an English cue is one run of letters and digits, which holds no
 * place the scan looks at: a word starts after a byte of neither). */
static void index_held(ft_countries *c)
{
    c->reach = c->longest + DEAL_REACH;
    c->read_before = READ_BEFORE + c->reach;
    c->short_text = c->read_before + SHARE_AFTER + c->reach;
    hold_pairs(c, " and ", 5);
    hold_pairs(c, " or ", 4);
    for (size_t i = 0; i < c->nwords; i++) {
        const char *w = c->arena.data + c->words[i].text;
        size_t n = c->words[i].len;
        hold_pairs(c, w, n);
        hold_pair(c, (unsigned char)w[n - 1], ' ');
        hold_pair(c, ' ', (unsigned char)w[0]);
    }
    for (size_t i = 0; i < NCUES; i++)
        if (is_korean_cue(cue_words[i].w))
            hold_pairs(c, cue_words[i].w, strlen(cue_words[i].w));
}

/* Derive the lexicon from the words (after every change to them). */
static ft_status reindex(ft_countries *c)
{
    size_t slots = 64;
    while (slots < 4 * (c->nwords + NCUES))
        slots *= 2;
    size_t n = c->nwords ? c->nwords : 1;
    lex_slot *lex = calloc(slots, sizeof *lex);
    size_t *cands = malloc(n * sizeof *cands);
    sort_key *keys = malloc(n * sizeof *keys);
    if (!lex || !cands || !keys) {
        free(lex);
        free(cands);
        free(keys);
        return FT_ENOMEM;
    }
    /* The filters keep the bits of the last index (the first finds them
     * as calloc left them): words are only ever added, each sets its
     * own bits, so those are the bits of words still in the table; and
     * a bit to spare would only send a word on to the look-up. */
    index_words(c, lex, slots - 1, cands, keys);
    free(keys);
    index_cues(c, lex, slots - 1);
    index_stems(c);
    index_held(c);
    free(c->lex);
    free(c->cands);
    c->lex = lex;
    c->lex_mask = slots - 1;
    c->cands = cands;
    return FT_OK;
}

static ft_status add_word(ft_countries *c, size_t st, ft_country_word kind,
                          const char *w, size_t n)
{
    while (n && (*w == ' ' || *w == '\t'))
        w++, n--;
    while (n && (w[n - 1] == ' ' || w[n - 1] == '\t'))
        n--;
    if (n == 0)
        return FT_OK;
    if (n < 2 || memchr(w, '\0', n))
        return FT_EUSAGE;
    /* the same word again: among its state's words alone, not all */
    for (uint32_t i = c->states[st].last_word; i != NO_WORD;
         i = c->words[i].prev)
        if (c->words[i].len == n &&
            memcmp(c->arena.data + c->words[i].text, w, n) == 0)
            return FT_OK;
    if (c->nwords >= NO_WORD)
        return FT_ENOMEM;
    if (ft_grow((void **)&c->words, &c->capwords, c->nwords, sizeof *c->words,
                256) != FT_OK)
        return FT_ENOMEM;
    size_t off;
    if (arena_put(c, w, n, &off) != FT_OK)
        return FT_ENOMEM;
    c->longest = n > c->longest ? n : c->longest;
    c->words[c->nwords] = (word){off, n, st, kind, c->states[st].last_word};
    c->states[st].last_word = (uint32_t)c->nwords++;
    return FT_OK;
}

ft_status ft_countries_add_word(ft_countries *c, const char *iso3,
                                ft_country_word kind, const char *w)
{
    size_t st = iso3 ? find_state(c, iso3) : NONE;
    if (st == NONE || !w || strlen(w) < 2)
        return FT_EUSAGE;
    ft_status s = add_word(c, st, kind, w, strlen(w));
    return s == FT_OK ? reindex(c) : s;
}

const char *ft_countries_name(const ft_countries *c, const char *iso3)
{
    size_t i = c && iso3 ? find_state(c, iso3) : NONE;
    return i == NONE ? NULL : arena_str(c, c->states[i].name);
}

/* The first state of currency cur, NONE when none (or cur is empty). */
static size_t currency_state(const ft_countries *c, const char *cur)
{
    size_t k = cur ? code_index(cur) : NONE;
    return k == NONE || c->currency_first[k] == 0 ? NONE
                                                  : c->currency_first[k] - 1;
}

/* currency_state of a figure's code, in an array of 8 bytes (so that the
 * four read here are in it): its bytes tested together, not one at a
 * time with a branch each. */
static inline size_t figure_currency(const ft_countries *c, const char cur[8])
{
    unsigned a = (unsigned char)cur[0] - 'A', b = (unsigned char)cur[1] - 'A',
             d = (unsigned char)cur[2] - 'A';
    bool code = (a < 26) & (b < 26) & (d < 26) & (cur[3] == '\0');
    uint32_t first = c->currency_first[code ? (a * 26 + b) * 26 + d : 0];
    return code && first ? first - 1 : NONE;
}

const char *ft_countries_of_currency(const ft_countries *c, const char *cur)
{
    size_t i = c ? currency_state(c, cur) : NONE;
    return i == NONE ? NULL : c->states[i].iso3;
}

size_t ft_countries_nwords(const ft_countries *c)
{
    return c->nwords;
}

const char *ft_countries_word(const ft_countries *c, size_t i,
                              const char **iso3, ft_country_word *kind)
{
    if (i >= c->nwords)
        return NULL;
    if (iso3)
        *iso3 = c->states[c->words[i].state].iso3;
    if (kind)
        *kind = c->words[i].kind;
    return c->arena.data + c->words[i].text;
}

/* ---- loading ------------------------------------------------------------ */

enum {
    C_ISO3,
    C_NAME,
    C_ALIASES,
    C_ADJECTIVES,
    C_KOREAN,
    C_CURRENCY,
    C_ORGS,
    NCOLS
};

static const char *const col_names[NCOLS] = {
    "iso3",   "name",     "aliases",      "adjectives",
    "korean", "currency", "organisations"};

/* The column each kind of word comes from. */
static const struct {
    int col;
    ft_country_word kind;
} word_cols[] = {
    {C_NAME, FT_COUNTRY_NAME},
    {C_ALIASES, FT_COUNTRY_NAME},
    {C_ADJECTIVES, FT_COUNTRY_ADJECTIVE},
    {C_KOREAN, FT_COUNTRY_KOREAN},
    {C_ORGS, FT_COUNTRY_ORG},
};

typedef struct {
    ft_countries *c;
    long at[NCOLS];
    size_t ncells;
    bool header_seen;
} loader;

static ft_status bad_row(ft_error *err, long line, const char *what)
{
    ft_error_set(err, FT_ECONFIG, "%s", what);
    ft_error_at(err, NULL, line);
    return FT_ECONFIG;
}

static ft_status load_row(void *ctx, char *const *cells, const size_t *lens,
                          size_t n, long line, ft_error *err)
{
    (void)lens;
    loader *l = ctx;
    if (!l->header_seen) {
        for (int k = 0; k < NCOLS; k++) {
            l->at[k] = ft_table_column(cells, n, col_names[k]);
            if (l->at[k] == -2)
                return bad_row(err, line, "a column named twice");
        }
        if (l->at[C_ISO3] < 0)
            return bad_row(err, line, "no \"iso3\" column in the header row");
        l->ncells = n;
        l->header_seen = true;
        return FT_OK;
    }
    if (n != l->ncells)
        return bad_row(err, line, "more or fewer cells than the header");
    const char *v[NCOLS];
    for (int k = 0; k < NCOLS; k++)
        v[k] = l->at[k] >= 0 ? cells[l->at[k]] : "";
    ft_status st = ft_countries_add(l->c, v[C_ISO3], v[C_NAME], v[C_CURRENCY]);
    if (st == FT_EUSAGE)
        return bad_row(err, line,
                       "iso3 and currency must be three capital letters");
    if (st != FT_OK)
        return ft_error_set(err, st, "out of memory");
    size_t s = find_state(l->c, v[C_ISO3]);
    for (size_t k = 0; k < sizeof word_cols / sizeof word_cols[0]; k++) {
        const char *p = v[word_cols[k].col];
        while (*p) {
            size_t m = strcspn(p, ";");
            st = add_word(l->c, s, word_cols[k].kind, p, m);
            if (st == FT_EUSAGE)
                return bad_row(err, line, "a word of one letter");
            if (st != FT_OK)
                return ft_error_set(err, st, "out of memory");
            p += m + (p[m] == ';');
        }
    }
    return FT_OK;
}

ft_status ft_countries_load(ft_countries *c, const char *path, ft_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ft_error_set(err, FT_ENOINPUT, "cannot open the countries file");
        ft_error_at(err, path, 0);
        return FT_ENOINPUT;
    }
    loader l = {.c = c};
    ft_status st = ft_table_read(f, path, FT_ECONFIG, load_row, &l, err);
    fclose(f);
    ft_status st2 = reindex(c); /* the words added so far, in any case */
    if (st == FT_OK && st2 != FT_OK)
        st = ft_error_set(err, st2, "out of memory");
    return st;
}

/* ---- matching ------------------------------------------------------------ */

static const char *lex_key(const ft_countries *c, const lex_slot *s)
{
    switch ((lex_kind)s->kind) {
    case LEX_STATE:
        return c->arena.data + c->words[c->cands[s->first]].text;
    case LEX_KOREAN:
        return cue_words[c->kcues[s->first]].w;
    default:
        return cue_words[s->first].w;
    }
}

/* The slot of `kind` keyed by exactly p[0..n) (hash h), or NULL. */
static const lex_slot *lex_find(const ft_countries *c, lex_kind kind,
                                uint32_t h, const char *p, size_t n)
{
    for (size_t i = h & c->lex_mask; c->lex[i].kind != LEX_EMPTY;
         i = (i + 1) & c->lex_mask) {
        const lex_slot *s = &c->lex[i];
        if (s->hash == h && s->kind == (uint32_t)kind && s->keylen == n &&
            memcmp(lex_key(c, s), p, n) == 0)
            return s;
    }
    return NULL;
}

/* The longest state word of slot s at text[at..): its index, NONE when
 * none. */
static size_t state_word_at(const ft_countries *c, const lex_slot *s,
                            const char *t, size_t len, size_t at)
{
    for (size_t j = s->first; j < s->first + s->n; j++) {
        const word *w = &c->words[c->cands[j]];
        const char *p = c->arena.data + w->text;
        /* its last byte first, with no call: a key's longer words
         * (Hanwha Aerospace, Hanwha Ocean) are mostly not the text's */
        if (w->len > len - at || t[at + w->len - 1] != p[w->len - 1] ||
            memcmp(t + at, p, w->len) != 0)
            continue;
        /* An English word ends at a word boundary ("Japan" is not in
         * "Japanese"); a Korean one takes its particle unspaced. */
        size_t e = at + w->len;
        if (alnum((unsigned char)p[w->len - 1]) && e < len &&
            alnum((unsigned char)t[e]))
            continue;
        return c->cands[j];
    }
    return NONE;
}

/* The longest state word at text[at..) whose key is t[at..at+kn) (hash
 * h): its index, NONE when none. */
static size_t match_key(const ft_countries *c, const char *t, size_t len,
                        size_t at, size_t kn, uint32_t h)
{
    const lex_slot *s = lex_find(c, LEX_STATE, h, t + at, kn);
    return s ? state_word_at(c, s, t, len, at) : NONE;
}

/* The longest state word at text[at..) (at least two bytes on), whose
 * first byte is past ASCII and whose first three bytes hash to h3 (any
 * h3 when fewer are left): its index, NONE when none.  The words keyed
 * by three bytes are longer than those keyed by two. */
static size_t match_past_ascii(const ft_countries *c, const char *t, size_t len,
                               size_t at, uint32_t h3)
{
    size_t w = len - at >= 3 ? match_key(c, t, len, at, 3, h3) : NONE;
    if (w == NONE && c->two_byte_words)
        w = match_key(c, t, len, at, 2, hash_bytes(t + at, 2, len - at));
    return w;
}

/* The word of the table at text[at..): its index, NONE when none. */
static size_t match_at(const ft_countries *c, const char *t, size_t len,
                       size_t at)
{
    if (!c || at + 1 >= len)
        return NONE;
    unsigned char b0 = (unsigned char)t[at];
    if (b0 >= 0x80)
        return match_past_ascii(
            c, t, len, at, len - at >= 3 ? hash_bytes(t + at, 3, len - at) : 0);
    if (!alnum(b0) || (at > 0 && alnum((unsigned char)t[at - 1])))
        return NONE;
    word_run r = scan_run(t, len, at);
    return match_key(c, t, len, at, r.end - at, r.hash);
}

size_t ft_countries_match(const ft_countries *c, const char *text, size_t len,
                          size_t at, const char **iso3, ft_country_word *kind)
{
    size_t i = match_at(c, text, len, at);
    if (i == NONE)
        return 0;
    if (iso3)
        *iso3 = c->states[c->words[i].state].iso3;
    if (kind)
        *kind = c->words[i].kind;
    return c->words[i].len;
}

/* ---- cue look-ups -------------------------------------------------------- */

/* Whether p[0..m) spells cue w: in any case, but an all-capital cue of
 * three letters or fewer is an acronym (FMS, SMA) whose case counts. */
static bool cue_equals(const ft_countries *c, size_t k, const char *p, size_t m,
                       size_t avail)
{
    /* m is cue k's length (every caller found it by that); its first 8
     * bytes in one step, avail (at least m) as for load_upto */
    const char *w = cue_words[k].w;
    size_t j = m < 8 ? m : 8;
    if (lower8(load_upto(p, j, avail)) != c->cue_low8[k])
        return false;
    while (j < m && lower((unsigned char)p[j]) == lower((unsigned char)w[j]))
        j++;
    bool acronym =
        m <= 3 && upper((unsigned char)w[0]) && upper((unsigned char)w[m - 1]);
    return j == m && (!acronym || memcmp(p, w, m) == 0);
}

/* The cues of the English word p[0..n) whose hash is h, as spelled
 * (stems only when they are the whole word). */
static unsigned whole_word_cues(const ft_countries *c, const char *p, size_t n,
                                size_t avail, uint32_t h)
{
    unsigned cues = 0;
    for (size_t i = h & c->lex_mask; c->lex[i].kind != LEX_EMPTY;
         i = (i + 1) & c->lex_mask) {
        const lex_slot *s = &c->lex[i];
        if (s->hash == h && s->kind == LEX_CUE && s->keylen == n &&
            cue_equals(c, s->first, p, n, avail))
            cues |= cue_words[s->first].cues;
    }
    return cues;
}

/* The cues of the stems the English word p[0..n) begins with and is
 * longer than ("contracts"); first8 is its folded_prefix.  The stems of
 * its first letter are compared first by their folded_prefix, which a
 * word that spells them in any case shares. */
static unsigned stem_cues(const ft_countries *c, const char *p, size_t n,
                          size_t avail, uint64_t first8)
{
    unsigned char f = (unsigned char)first8;
    unsigned cues = 0;
    for (size_t k = c->stem_at[f]; k < c->stem_at[f + 1]; k++) {
        size_t m = c->stem_len[k];
        if (m < n && m < 64 && (first8 & low_bytes(m)) == c->stem8[k] &&
            cue_equals(c, c->stems[k], p, m, avail))
            cues |= cue_words[c->stems[k]].cues;
    }
    return cues;
}

/* Whether the English word of n bytes whose folded_prefix is first8 may
 * be a cue, or begin with a stem shorter than it (cue_bits). */
static bool may_be_cue(const ft_countries *c, uint64_t first8, size_t n)
{
    if (bit_at(c->cue_bits, scan_key(first8)))
        return true;
    for (unsigned k = c->stem_lens; k; k &= k - 1) {
        size_t m = (size_t)__builtin_ctz(k);
        if (m < n && bit_at(c->cue_bits, scan_key(first8 & low_bytes(m))))
            return true;
    }
    return false;
}

/* The cues of the English word t[at..at+n) (n its full length) of a
 * text of len bytes. */
static unsigned word_cues(const ft_countries *c, const char *t, size_t len,
                          size_t at, size_t n)
{
    if (n == 0)
        return 0;
    const char *p = t + at;
    uint64_t first8 = folded_prefix(p, n, len - at);
    if (!may_be_cue(c, first8, n))
        return 0;
    return whole_word_cues(c, p, n, len - at, hash_bytes(p, n, len - at)) |
           stem_cues(c, p, n, len - at, first8);
}

/* The Korean cue at t[at..) (of the kinds in `want`), whose first three
 * bytes hash to h: its cues, its length in *n. */
static unsigned korean_cue_hashed(const ft_countries *c, const char *t,
                                  size_t len, size_t at, uint32_t h,
                                  unsigned want, size_t *n)
{
    if (len - at < 3)
        return 0;
    const lex_slot *s = lex_find(c, LEX_KOREAN, h, t + at, 3);
    if (!s)
        return 0;
    for (size_t j = s->first; j < s->first + s->n; j++) {
        const char *w = cue_words[c->kcues[j]].w;
        size_t m = strlen(w);
        if (!(cue_words[c->kcues[j]].cues & want) || m > len - at ||
            memcmp(t + at, w, m) != 0)
            continue;
        *n = m;
        return cue_words[c->kcues[j]].cues;
    }
    return 0;
}

static unsigned korean_cue_at(const ft_countries *c, const char *t, size_t len,
                              size_t at, unsigned want, size_t *n)
{
    if (len - at < 3)
        return 0;
    return korean_cue_hashed(c, t, len, at, hash_bytes(t + at, 3, len - at),
                             want, n);
}

/* Whether cue_equals agrees with the plain rule, a byte at a time, when
 * any one byte of cue k (m bytes) is any value, read in one load or in
 * load_part's bytes. */
static bool cue_equals_everywhere(const ft_countries *c, size_t k, size_t m)
{
    const char *w = cue_words[k].w;
    bool acronym =
        m <= 3 && upper((unsigned char)w[0]) && upper((unsigned char)w[m - 1]);
    char p[64];
    for (size_t j = 0; j < m && m < sizeof p; j++) {
        for (unsigned v = 0; v < 256; v++) {
            memset(p, 'x', sizeof p);
            memcpy(p, w, m);
            p[j] = (char)v;
            bool want = !acronym || memcmp(p, w, m) == 0;
            for (size_t i = 0; i < m; i++)
                want &=
                    lower((unsigned char)p[i]) == lower((unsigned char)w[i]);
            if (cue_equals(c, k, p, m, m) != want ||
                cue_equals(c, k, p, m, sizeof p) != want)
                return false;
        }
    }
    return true;
}

bool ft_countries_cues_found(const ft_countries *c)
{
    for (size_t k = 0; k < NCUES; k++) {
        const char *w = cue_words[k].w;
        for (size_t j = 0; j < k; j++) /* one entry a word */
            if (strcmp(cue_words[j].w, w) == 0)
                return false;
        size_t m = cue_len(w);
        size_t n = 0;
        unsigned got;
        if (is_korean_cue(w)) {
            got = korean_cue_at(c, w, m, 0, cue_words[k].cues, &n);
            if (n != m)
                return false;
        } else {
            got = word_cues(c, w, m, 0, m);
            if (!cue_equals_everywhere(c, k, m))
                return false;
        }
        if ((got & cue_words[k].cues) != cue_words[k].cues)
            return false;
        /* A stem also matches a longer word: "contract" in "contracts". */
        if (m != strlen(w)) {
            char longer[64];
            snprintf(longer, sizeof longer, "%.*sxyz", (int)m, w);
            if ((word_cues(c, longer, m + 3, 0, m + 3) & cue_words[k].cues) !=
                cue_words[k].cues)
                return false;
        }
    }
    return true;
}

/* ---- mentions ------------------------------------------------------------ */

enum { ROLE_PLAIN = 0, ROLE_BUYER, ROLE_SKIP };

typedef struct {
    size_t start, end;
    size_t state; /* NONE for a cue */
    ft_country_word kind;
    unsigned cues; /* a cue's; a state's slot: CUE_TO, CUE_PREP */
    int role;
} mention;

/* The mentions of one article: in `local` while they fit (most
 * articles, with no allocation), else on the heap (mentions_free).
 * Either has room for one more than cap, m[n] for the end mark (see
 * ft_countries_assign). */
#define LOCAL_MENTIONS 48

typedef struct {
    mention *m;
    size_t n, cap;
    mention local[LOCAL_MENTIONS + 1];
} mentions;

static void mentions_init(mentions *ms)
{
    ms->m = ms->local;
    ms->n = 0;
    ms->cap = LOCAL_MENTIONS;
}

static void mentions_free(mentions *ms)
{
    if (ms->m != ms->local)
        free(ms->m);
}

/* Inline: out of line, each mention went through the stack to it. */
static inline ft_status push(mentions *ms, mention m)
{
    if (ms->n == ms->cap) {
        size_t cap = 2 * ms->cap;
        mention *p = ms->m == ms->local ? malloc((cap + 1) * sizeof *p)
                                        : realloc(ms->m, (cap + 1) * sizeof *p);
        if (!p)
            return FT_ENOMEM;
        if (ms->m == ms->local)
            memcpy(p, ms->local, ms->n * sizeof *p);
        ms->m = p;
        ms->cap = cap;
    }
    ms->m[ms->n++] = m;
    return FT_OK;
}

static size_t skip_spaces(const char *t, size_t len, size_t i)
{
    while (i < len &&
           (t[i] == ' ' || t[i] == '\n' || t[i] == '\t' || t[i] == '\r'))
        i++;
    return i;
}

/* The English word after t[i] (spaces skipped): its start, its length
 * in *n (0 when none). */
static size_t next_word(const char *t, size_t len, size_t i, size_t *n)
{
    i = skip_spaces(t, len, i);
    size_t e = i;
    while (e < len && word_byte((unsigned char)t[e]))
        e++;
    *n = e - i;
    return i;
}

/* The English word before t[i]: its start, its length in *n. */
static size_t prev_word(const char *t, size_t i, size_t *n)
{
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '\t'))
        i--;
    size_t s = i;
    while (s > 0 && word_byte((unsigned char)t[s - 1]))
        s--;
    *n = i - s;
    return s;
}

static bool word_is(const char *t, size_t at, size_t n, const char *w)
{
    size_t m = strlen(w);
    if (n != m)
        return false;
    for (size_t i = 0; i < m; i++)
        if (lower((unsigned char)t[at + i]) != (unsigned char)w[i])
            return false;
    return true;
}

static bool bytes_are(const char *t, size_t len, size_t at, const char *s)
{
    size_t m = strlen(s);
    return m <= len - at && memcmp(t + at, s, m) == 0;
}

/* Whether the string w starts with "the " (strncmp without a call; it
 * stops at w's end). */
static bool the_first(const char *w)
{
    return w[0] == 't' && w[1] == 'h' && w[2] == 'e' && w[3] == ' ';
}

/* "Japan's", "Japan’s". */
static bool possessive(const char *t, size_t len, size_t e)
{
    return bytes_are(t, len, e, "'s") || bytes_are(t, len, e, "\xE2\x80\x99s");
}

/* The role of an English mention `w` from the words around it: not an
 * owner (ROLE_SKIP), a buyer (ROLE_BUYER: "Poland signed"), or plain,
 * with the slot it stands in (m->cues: CUE_TO when it would buy a deal
 * the sentence speaks of, "a sale to Taiwan"; CUE_PREP when it is a
 * place or a beneficiary, "in North Korea", unless that deal makes it the
 * buyer; CUE_STATIONED for troops abroad).  *partial when only its first
 * word is spent ("the North Korean" goes on at "North"). */
static int english_role(const ft_countries *c, const char *t, size_t len,
                        mention *m, const char *w, bool *partial)
{
    size_t n, at = next_word(t, len, m->end, &n);
    bool spaced = at > m->end;
    bool poss = possessive(t, len, m->end);
    *partial = false;
    /* "US$", "U.S. dollars": the currency, not the owner. */
    if (m->end < len && t[m->end] == '$')
        return ROLE_SKIP;
    /* "Seoul-based", "US-made", "Korean-built": where, not whose. */
    if (m->end < len && t[m->end] == '-') {
        size_t k = m->end + 1, e = k;
        while (e < len && alnum((unsigned char)t[e]))
            e++;
        if (word_is(t, k, e - k, "based") || word_is(t, k, e - k, "made") ||
            word_is(t, k, e - k, "built"))
            return ROLE_SKIP;
    }
    if (spaced && n > 0 && !poss) {
        unsigned cues = word_cues(c, t, len, at, n);
        if (the_first(w) && upper((unsigned char)t[at])) {
            *partial = true;
            return ROLE_SKIP;
        }
        if (cues & (CUE_CURRENCY | CUE_PEOPLE))
            return ROLE_SKIP;
        /* "Korea Institute for Defense Analyses": an institution named
         * after its state. */
        if (m->kind == FT_COUNTRY_NAME && (cues & CUE_ORGWORD))
            return ROLE_SKIP;
        if (cues & CUE_STATIONED) {
            m->cues |= CUE_STATIONED;
            return ROLE_SKIP;
        }
        if (word_is(t, at, n, "military")) {
            size_t n2, at2 = next_word(t, len, at + n, &n2);
            if (word_is(t, at2, n2, "bases") ||
                word_is(t, at2, n2, "presence")) {
                m->cues |= CUE_STATIONED;
                return ROLE_SKIP;
            }
        }
        if (cues & CUE_BUYVERB)
            return ROLE_BUYER;
    }
    size_t pn, p = prev_word(t, m->start, &pn);
    if (word_is(t, p, pn, "the"))
        p = prev_word(t, p, &pn);
    /* The word before that counts only after a few ("built in",
     * "support of", "an order from"): it is read only then. */
    unsigned qcues = 0;
    if (word_is(t, p, pn, "in") || word_is(t, p, pn, "by") ||
        word_is(t, p, pn, "of") || word_is(t, p, pn, "for") ||
        word_is(t, p, pn, "to") || word_is(t, p, pn, "from")) {
        size_t qn, q = prev_word(t, p, &qn);
        qcues = word_cues(c, t, len, q, qn);
    }
    /* "built in South Korea", "built by South Korea's Hyundai Heavy" */
    if ((word_is(t, p, pn, "in") || word_is(t, p, pn, "by")) &&
        (qcues & CUE_ORIGIN))
        return ROLE_SKIP;
    /* "in support of Ukraine's", "aid to North Korea": helped, not
     * paying. */
    if ((word_is(t, p, pn, "of") || word_is(t, p, pn, "for") ||
         word_is(t, p, pn, "to")) &&
        (qcues & CUE_HELP))
        return ROLE_SKIP;
    /* An institution is its state's wherever it stands ("for the
     * Bundeswehr"); a state may be a place, a beneficiary or a buyer,
     * but not when it is the subject of what follows ("for Seoul to
     * pay"). */
    if (m->kind == FT_COUNTRY_ORG || word_is(t, at, n, "to"))
        return ROLE_PLAIN;
    unsigned pcues = word_cues(c, t, len, p, pn);
    /* "give Ukraine 1 billion euros": Ukraine receives. */
    if (pcues & CUE_GIVE)
        return ROLE_SKIP;
    /* "an order from Norway" buys; "bought from the United States"
     * sells. */
    if (word_is(t, p, pn, "from") && (qcues & CUE_ASKED))
        pcues |= CUE_TO;
    if (pcues & CUE_TO)
        m->cues |= CUE_TO;
    if ((pcues & CUE_PREP) && !poss)
        m->cues |= CUE_PREP;
    return ROLE_PLAIN;
}

/* Korean particles after a state that make it the buyer of what follows
 * ("핀란드에 수출", "폴란드와 계약", "루마니아가 ... 사들이는"), with
 * how far the verb may stand in the sentence.  The buyer as a subject may
 * be its government ("베트남 정부가 ... 들여오기로"); the other side of
 * a contract is the state alone ("한국 정부와 계약" is the seller). */
static const struct {
    const char *particle;
    const char *verb;
    size_t within;
    bool government;
} korean_buyer[] = {
    {"에", "수출", 24, false},   {"에", "판매", 24, false},
    {"에", "공급", 24, false},   {"로", "수출", 24, false},
    {"으로", "수출", 24, false}, {"로", "팔", 24, false},
    {"와", "계약", 80, false},   {"과", "계약", 80, false},
    {"가", "사들", 240, true},   {"이", "사들", 240, true},
    {"는", "사들", 240, true},   {"가", "들여오", 240, true},
    {"는", "들여오", 240, true}, {"가", "도입", 240, true},
    {"는", "도입", 240, true},   {"가", "구매", 240, true},
    {"는", "구매", 240, true},
};

/* Whether verb v starts in t[from..to) before a full stop or a line
 * break, which end the sentence the particle began.  It is looked for by
 * its last byte, a continuation byte of Hangul, which stands in Korean
 * text far more seldom than its first (one of four lead bytes). */
static bool verb_in_sentence(const char *t, size_t len, size_t from, size_t to,
                             const char *v)
{
    const char *end = t + to, *stop;
    if ((stop = memchr(t + from, '.', to - from)) != NULL)
        end = stop;
    if ((stop = memchr(t + from, '\n', (size_t)(end - (t + from)))) != NULL)
        end = stop;
    size_t vn = strlen(v), starts = (size_t)(end - t); /* starts < this */
    if (starts <= from || len - from < vn)
        return false;
    /* its last byte at q, in [from + vn - 1, min(starts + vn - 1, len)) */
    size_t lim = len - starts >= vn - 1 ? starts + vn - 1 : len;
    for (const char *q = t + from + vn - 1;
         q < t + lim && (q = memchr(q, v[vn - 1], (size_t)(t + lim - q))); q++)
        if (memcmp(q - (vn - 1), v, vn) == 0)
            return true;
    return false;
}

static int korean_role(const ft_countries *c, const char *t, size_t len,
                       const mention *m)
{
    size_t n;
    /* "독일산" (German-made), "북한 인권" (North Korean human rights). */
    if (korean_cue_at(c, t, len, m->end, CUE_ORIGIN | CUE_PEOPLE, &n))
        return ROLE_SKIP;
    static const char government[] = " 정부";
    bool gov = bytes_are(t, len, m->end, government);
    for (size_t k = 0; k < sizeof korean_buyer / sizeof korean_buyer[0]; k++) {
        size_t at = m->end;
        if (gov && korean_buyer[k].government)
            at += sizeof government - 1;
        if (!bytes_are(t, len, at, korean_buyer[k].particle))
            continue;
        size_t from = at + strlen(korean_buyer[k].particle);
        size_t to = from + korean_buyer[k].within;
        if (to > len)
            to = len;
        if (verb_in_sentence(t, len, from, to, korean_buyer[k].verb))
            return ROLE_BUYER;
    }
    return ROLE_PLAIN;
}

/* A sentence break in t[a..b): a full stop, question or exclamation mark
 * before a space and a capital or a Hangul letter, or a line break.
 * Cruder than extract's sentences, it only bounds a deal word's reach. */
static bool breaks_between(const char *t, size_t len, size_t a, size_t b)
{
    for (size_t i = a; i < b && i < len; i++) {
        if (t[i] == '\n')
            return true;
        if (t[i] != '.' && t[i] != '!' && t[i] != '?')
            continue;
        size_t k = i + 1;
        if (k >= len || (t[k] != ' ' && t[k] != '\n'))
            continue;
        k = skip_spaces(t, len, k);
        if (k >= len || upper((unsigned char)t[k]) ||
            (unsigned char)t[k] >= 0x80)
            return true;
    }
    return false;
}

/* A state after "to", "with", "from", "for" is the buyer when a deal
 * word stands in its sentence; a place or a beneficiary otherwise. */
static void settle_slots(const char *t, size_t len, mentions *ms)
{
    /* "countering China and Russia", "sales to Japan and Australia": a
     * state joined to the one before stands in its slot (a comma is left
     * out: "In Japan, China ..." joins nothing). */
    for (size_t k = 1; k < ms->n; k++) {
        mention *a = &ms->m[k - 1], *b = &ms->m[k];
        if (a->state == NONE || b->state == NONE || b->start < a->end ||
            b->role != ROLE_PLAIN)
            continue;
        size_t n = b->start - a->end;
        if ((n == 5 && memcmp(t + a->end, " and ", 5) == 0) ||
            (n == 4 && memcmp(t + a->end, " or ", 4) == 0))
            b->cues |= a->cues & (CUE_TO | CUE_PREP);
    }
    for (size_t k = 0; k < ms->n; k++) {
        mention *m = &ms->m[k];
        if (m->state == NONE || m->role != ROLE_PLAIN ||
            !(m->cues & (CUE_TO | CUE_PREP)))
            continue;
        bool deal = false;
        if (m->cues & CUE_TO) {
            for (size_t j = k; j-- > 0 && !deal;) {
                const mention *o = &ms->m[j];
                if (m->start - o->start > DEAL_REACH)
                    break;
                deal = o->state == NONE && (o->cues & CUE_DEAL) &&
                       !breaks_between(t, len, o->end, m->start);
            }
            for (size_t j = k + 1; j < ms->n && !deal; j++) {
                const mention *o = &ms->m[j];
                if (o->start > m->end + DEAL_REACH)
                    break;
                deal = o->state == NONE && (o->cues & CUE_DEAL) &&
                       !breaks_between(t, len, m->end, o->start);
            }
        }
        if (deal)
            m->role = ROLE_BUYER;
        else if (m->cues & CUE_PREP)
            m->role = ROLE_SKIP;
    }
}

/* Every mention of a state and every cue word in t, in text order. */
/* Push the mention of state word w at t[at..) with its role; the scan
 * goes on at *next. */
static ft_status push_state(const ft_countries *c, const char *t, size_t len,
                            size_t at, size_t w, mentions *ms, size_t *next)
{
    const word *wd = &c->words[w];
    mention m = {
        .start = at, .end = at + wd->len, .state = wd->state, .kind = wd->kind};
    bool partial = false;
    const char *text = c->arena.data + wd->text;
    if ((unsigned char)text[0] >= 0x80)
        m.role = korean_role(c, t, len, &m);
    else
        m.role = english_role(c, t, len, &m, text, &partial);
    if (push(ms, m) != FT_OK)
        return FT_ENOMEM;
    /* Troops stationed abroad: talk of who pays for them. */
    if ((m.cues & CUE_STATIONED) &&
        push(ms, (mention){.start = m.start,
                           .end = m.end,
                           .state = NONE,
                           .cues = CUE_SHARE}) != FT_OK)
        return FT_ENOMEM;
    if (partial) {
        size_t i = at;
        while (i < len && alnum((unsigned char)t[i]))
            i++;
        *next = i;
    } else {
        *next = m.end;
    }
    return FT_OK;
}

/* Whether a state word that goes on past its key may start where the
 * first 8 bytes are raw8 (avail of them in the text), the run of
 * letters and digits there, of r < 8 bytes, being such a key (see
 * mark_state_word). */
static inline bool state_word_may_go_on(const ft_countries *c, uint64_t raw8,
                                        size_t r, size_t avail)
{
    for (unsigned k = c->ext_steps; k; k &= k - 1) { /* the steps words take */
        size_t n = r + (size_t)__builtin_ctz(k);
        if (n <= 8 && n <= avail &&
            bit_at(c->ext_bits, scan_key(raw8 & low_bytes(n))))
            return true;
    }
    return false;
}

/* Whether the English word whose first 8 bytes are raw8 (avail of them
 * in the text, zero past those), its run of letters and digits r bytes
 * long, may be a state's or one of the SCAN_CUES: most words are known
 * not to be from the filters alone. */
static inline bool may_be_named(const ft_countries *c, uint64_t raw8, size_t r,
                                size_t avail)
{
    uint64_t first8 = (raw8 | FOLD) & low_bytes(r); /* folded_prefix */
    return bit_at(c->scan_bits, scan_key(first8)) ||
           (r > c->stem_min &&
            bit_at(c->scan_bits, scan_key(first8 & c->stem_mask))) ||
           (r < 8 && bit_at(c->ext_bits, scan_key(raw8 & low_bytes(r))) &&
            state_word_may_go_on(c, raw8, r, avail));
}

/* The English word at t[at] (one that runs into the next block of
 * next_candidate), read 8 bytes at a time, when may_be_named rules it
 * out (a hyphen after it sends it whole to the cues) and 8 bytes can be
 * read where it ends: true, and in *next where the next word or
 * character past ASCII starts in those 8 bytes, else the byte after
 * them. */
static bool skip_plain_word(const ft_countries *c, const char *t, size_t len,
                            size_t at, size_t *next)
{
    size_t e = at;
    uint64_t x, letters, stop;
    for (;;) {
        if (len - e < 8)
            return false;
        x = ft_load8(t + e);
        letters = alnum_bits(x);
        stop = ~letters & FT_HIGHS8;
        if (stop)
            break;
        e += 8;
    }
    size_t k = (size_t)__builtin_ctzll(stop) / 8;
    size_t r = e + k - at;
    if ((x >> (8 * k) & 0xFF) == '-' ||
        may_be_named(c, ft_load8(t + at), r, len - at))
        return false;
    uint64_t lead = x & (x << 1) & FT_HIGHS8; /* 0xC0 and above */
    uint64_t starts = (letters | lead) & ~low_bytes(k);
    *next = e + (starts ? (size_t)__builtin_ctzll(starts) / 8 : 8);
    return true;
}

/* The English word starting at t[at], whose run of letters and digits is
 * r: a state's mention or a cue; the scan goes on at *next.  The run
 * keys the state words and, unless a hyphen follows it, the cues too
 * ("cost-sharing" is looked up again, whole). */
static ft_status english_word(const ft_countries *c, const char *t, size_t len,
                              size_t at, const word_run *r, mentions *ms,
                              size_t *next)
{
    uint32_t h = r->hash;
    uint64_t first8 = r->first8;
    size_t run = r->end;
    bool hyphen = run < len && t[run] == '-';
    unsigned cues = 0;
    for (size_t i = h & c->lex_mask; c->lex[i].kind != LEX_EMPTY;
         i = (i + 1) & c->lex_mask) {
        const lex_slot *s = &c->lex[i];
        if (s->hash != h || s->keylen != run - at)
            continue;
        if (s->kind == LEX_STATE && at + 1 < len) {
            /* no compare of the key here: state_word_at compares each
             * word whole, its key with it */
            size_t w = state_word_at(c, s, t, len, at);
            if (w != NONE)
                return push_state(c, t, len, at, w, ms, next);
        } else if (s->kind == LEX_CUE && !hyphen &&
                   cue_equals(c, s->first, t + at, run - at, len - at)) {
            cues |= cue_words[s->first].cues;
        }
    }
    *next = run;
    size_t e = run;
    if (hyphen) {
        while (e < len &&
               (byte_class[(unsigned char)t[e]] & (B_ALNUM | B_DASH)))
            e++;
        cues = whole_word_cues(c, t + at, e - at, len - at,
                               hash_bytes(t + at, e - at, len - at));
        first8 = folded_prefix(t + at, e - at, len - at);
    }
    cues = (cues | stem_cues(c, t + at, e - at, len - at, first8)) & SCAN_CUES;
    if (cues &&
        push(ms,
             (mention){.start = at, .end = e, .state = NONE, .cues = cues}) !=
            FT_OK)
        return FT_ENOMEM;
    return FT_OK;
}

/* Whether a state word or one of the SCAN_CUES may start at p (avail
 * bytes on, at least 2), its first byte past ASCII. */
static bool may_be_korean(const ft_countries *c, const char *p, size_t avail)
{
    uint64_t x = avail >= 8 ? ft_load8(p) : load_part(p, avail);
    if (avail >= KOREAN_KEY &&
        bit_at(c->korean_bits, scan_key(x & low_bytes(KOREAN_KEY))))
        return true;
    for (unsigned k = c->korean_short; k; k &= k - 1) { /* rare */
        size_t n = (size_t)__builtin_ctz(k);
        if (n <= avail && bit_at(c->korean_bits, scan_key(x & low_bytes(n))))
            return true;
    }
    return false;
}

/* The character past ASCII at t[at]: a state's mention, a Korean cue, or
 * nothing; the scan goes on at *next.  Both look-ups key its first three
 * bytes. */
static ft_status korean_char(const ft_countries *c, const char *t, size_t len,
                             size_t at, mentions *ms, size_t *next)
{
    /* The bytes that continue the character start nothing. */
    size_t e = at + 1;
    while (e < len && e < at + 4 && ((unsigned char)t[e] & 0xC0) == 0x80)
        e++;
    *next = e;
    if (at + 1 >= len || !may_be_korean(c, t + at, len - at))
        return FT_OK;
    uint32_t h = len - at >= 3 ? hash_bytes(t + at, 3, len - at) : 0;
    size_t w = match_past_ascii(c, t, len, at, h);
    if (w != NONE)
        return push_state(c, t, len, at, w, ms, next);
    size_t n = 0;
    unsigned cues = korean_cue_hashed(c, t, len, at, h, SCAN_CUES, &n);
    if (!cues)
        return FT_OK;
    *next = at + n;
    return push(
        ms, (mention){.start = at, .end = at + n, .state = NONE, .cues = cues});
}

/* The bytes of the text in blocks of 64, each byte a bit: where English
 * words start, the letters and digits, and the first bytes of
 * characters past ASCII (bit j stands for byte base + j). */
typedef struct {
    size_t base;
    uint64_t letters;
    uint64_t starts; /* the words and the leads */
    uint64_t roomy;  /* the places with 8 bytes to read (places_with) */
} block;

/* What a block keeps of the bits of its bytes: the letters and digits,
 * and where the words the scan looks at start. */
typedef struct {
    uint64_t letters, starts;
} block_bits;

#if !defined(__SSE2__)
/* Bit j: the high bit of byte j of h (whose other bits are clear). */
static uint64_t gather_highs(uint64_t h)
{
    return ((h >> 7) * UINT64_C(0x0102040810204080)) >> 56;
}
#endif

#if defined(__SSE2__)
/* The 16 bytes x, a bit each: the ASCII letters (not digits) in
 * *alpha, the digits in *digits.  SSE2, which every x86-64 has,
 * classifies them in a few instructions: a byte is in [lo, lo + n) when
 * adding 0x80 - lo (mod 256) brings it into [0x80, 0x80 + n), the n
 * lowest values of a signed byte, which one signed comparison tells. */
static void ascii16(__m128i x, unsigned *alpha, unsigned *digits)
{
    __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
    __m128i letter =
        _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8((char)(0x80 - 'a'))),
                       _mm_set1_epi8((char)(0x80 + 26)));
    __m128i digit =
        _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                       _mm_set1_epi8((char)(0x80 + 10)));
    *alpha = (unsigned)_mm_movemask_epi8(letter);
    *digits = (unsigned)_mm_movemask_epi8(digit);
}

/* The bytes 0xC0 and up of the 16 bytes x, a bit each. */
static unsigned lead16(__m128i x)
{
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(x, _mm_add_epi8(x, x)));
}

/* The 16 bytes at p, a bit each: the ASCII letters and digits in
 * *letters, the digits in *digits, the leads in *lead. */
static void classify16(const char *p, unsigned *letters, unsigned *digits,
                       unsigned *lead)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
    unsigned alpha;
    ascii16(x, &alpha, digits);
    *letters = alpha | *digits;
    *lead = lead16(x);
}
#endif

/* Whether a word the scan looks for may start at p (3 bytes readable)
 * by its first two bytes and the bit of its third (third_bit). */
static unsigned three_pass(const ft_countries *c, const char *p)
{
    return c->pair_starts[pair_key(p)] >> ((unsigned char)p[2] & 7) & 1;
}

/* As three_pass at t[p], with fewer bytes to read: a word of the text's
 * last byte may start there. */
static bool pair_passes(const ft_countries *c, const char *t, size_t len,
                        size_t p)
{
    if (len - p < 2)
        return true;
    if (len - p < 3)
        return c->pair_starts[pair_key(t + p)] != 0;
    return three_pass(c, t + p);
}

/* Whether the English word at p (8 bytes readable), which three_pass,
 * may be one the scan looks for: a short one by its first three bytes,
 * or a longer one by its first START_KEY. */
static unsigned start_passes(const ft_countries *c, const char *p)
{
    unsigned shorts = c->short_starts[pair_key(p)];
    return (shorts >> ((unsigned char)p[2] & 7) & 1) |
           bit_at(c->start_bits, start_key(p));
}

/* The places j of a block at base (bit j: byte base + j) from which k
 * bytes can be read in a text of len: j + k <= len - base. */
static uint64_t places_with(size_t len, size_t base, size_t k)
{
    size_t avail = len - base;
    if (avail >= 64 + k - 1)
        return ~UINT64_C(0);
    return avail >= k ? (UINT64_C(1) << (avail - k + 1)) - 1 : 0;
}

#if defined(__SSE2__)
/* classify16 of the 64 bytes at p, bit j for byte j. */
static void classify64(const char *p, uint64_t *letters, uint64_t *digits,
                       uint64_t *lead)
{
    /* written out: -O2 keeps a loop of four a loop */
    __m128i x[4] = {_mm_loadu_si128((const __m128i *)(const void *)p),
                    _mm_loadu_si128((const __m128i *)(const void *)(p + 16)),
                    _mm_loadu_si128((const __m128i *)(const void *)(p + 32)),
                    _mm_loadu_si128((const __m128i *)(const void *)(p + 48))};
    unsigned l[4], g[4];
    ascii16(x[0], &l[0], &g[0]);
    ascii16(x[1], &l[1], &g[1]);
    ascii16(x[2], &l[2], &g[2]);
    ascii16(x[3], &l[3], &g[3]);
    *digits = g[0] | (uint64_t)g[1] << 16 | (uint64_t)g[2] << 32 |
              (uint64_t)g[3] << 48;
    *letters = (l[0] | (uint64_t)l[1] << 16 | (uint64_t)l[2] << 32 |
                (uint64_t)l[3] << 48) |
               *digits;
    /* most blocks of an English text are all ASCII: no lead to look for */
    __m128i any =
        _mm_or_si128(_mm_or_si128(x[0], x[1]), _mm_or_si128(x[2], x[3]));
    *lead = 0;
    if (_mm_movemask_epi8(any))
        *lead = lead16(x[0]) | (uint64_t)lead16(x[1]) << 16 |
                (uint64_t)lead16(x[2]) << 32 | (uint64_t)lead16(x[3]) << 48;
}
#endif

/* The words of a block from the bits of its bytes (as classify64 gives
 * them; before: bit 0 set when a letter or digit stands before the
 * block).  A word that starts with a digit is left out when no word of
 * the scan does (!digit_starts), which only spares next_candidate's look
 * at it.  Inline: into classify64_avx2 too, which returns what it
 * does. */
static inline __attribute__((always_inline)) block_bits
words_of(uint64_t letters, uint64_t digits, uint64_t lead, uint64_t before,
         bool digit_starts)
{
    if (digit_starts)
        digits = 0;
    uint64_t words = letters & ~(letters << 1 | before | digits);
    return (block_bits){letters, words | lead};
}

#if COUNTRY_AVX2
/* The constants of classify32, each byte 32 times, read from memory by
 * the instructions that use them (gcc, knowing them, would build each
 * anew, in three instructions). */
#define R8_(c) c, c, c, c, c, c, c, c
#define BYTES32_(c)                                                            \
    {                                                                          \
        R8_(c), R8_(c), R8_(c), R8_(c)                                         \
    }
typedef struct {
    unsigned char fold[32], letter_add[32], letter_top[32];
    unsigned char digit_add[32], digit_top[32];
} consts32;
static const consts32 bytes32 = {
    BYTES32_(0x20),
    BYTES32_((unsigned char)(0x80 - 'a')), /* as ascii16 adds and compares */
    BYTES32_((unsigned char)(0x80 + 26)),
    BYTES32_((unsigned char)(0x80 - '0')),
    BYTES32_((unsigned char)(0x80 + 10)),
};
#undef BYTES32_
#undef R8_

__attribute__((target("avx2"))) static inline __m256i load32(const void *p)
{
    return _mm256_loadu_si256((const __m256i *)p);
}

/* ascii16 of the 32 bytes x, with the constants at b. */
__attribute__((target("avx2"))) static inline void
classify32(__m256i x, const consts32 *b, uint32_t *alpha, uint32_t *digits)
{
    __m256i folded = _mm256_or_si256(x, load32(b->fold));
    __m256i letter = _mm256_cmpgt_epi8(
        load32(b->letter_top), _mm256_add_epi8(folded, load32(b->letter_add)));
    __m256i digit = _mm256_cmpgt_epi8(load32(b->digit_top),
                                      _mm256_add_epi8(x, load32(b->digit_add)));
    *alpha = (uint32_t)_mm256_movemask_epi8(letter);
    *digits = (uint32_t)_mm256_movemask_epi8(digit);
}

/* words_of the 64 bytes at p, classified as classify64 does, where the
 * processor has AVX2 (most x86-64 processors since 2013, not all): 32
 * bytes a step, half the instructions; the two values come back in two
 * registers, not through memory. */
__attribute__((target("avx2"))) static block_bits
classify64_avx2(const char *p, uint64_t before, bool digit_starts)
{
    const consts32 *k = &bytes32;
    __asm__("" : "+r"(k)); /* see bytes32 */
    __m256i x0 = load32(p), x1 = load32(p + 32);
    uint32_t l0, l1, g0, g1;
    classify32(x0, k, &l0, &g0);
    classify32(x1, k, &l1, &g1);
    uint64_t digits = g0 | (uint64_t)g1 << 32;
    uint64_t letters = (l0 | (uint64_t)l1 << 32) | digits, lead = 0;
    if (_mm256_movemask_epi8(_mm256_or_si256(x0, x1))) /* as classify64 */
        lead = (uint32_t)_mm256_movemask_epi8(
                   _mm256_and_si256(x0, _mm256_add_epi8(x0, x0))) |
               (uint64_t)(uint32_t)_mm256_movemask_epi8(
                   _mm256_and_si256(x1, _mm256_add_epi8(x1, x1)))
                   << 32;
    return words_of(letters, digits, lead, before, digit_starts);
}
#endif

/* words_of the 64 bytes at p, a byte at a time: what the others must
 * agree with. */
static block_bits classify64_bytewise(const char *p, uint64_t before,
                                      bool digit_starts)
{
    uint64_t letters = 0, digits = 0, lead = 0;
    for (unsigned j = 0; j < 64; j++) {
        unsigned char b = (unsigned char)p[j];
        letters |= (uint64_t)alnum(b) << j;
        digits |= (uint64_t)(b >= '0' && b <= '9') << j;
        lead |= (uint64_t)(b >= 0xC0) << j;
    }
    return words_of(letters, digits, lead, before, digit_starts);
}

static bool same_bits(block_bits a, block_bits b)
{
    return a.letters == b.letters && a.starts == b.starts;
}

bool ft_countries_blocks_agree(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char p[64] = {0};
        memcpy(p, t + i, n - i < 64 ? n - i : 64);
        for (unsigned k = 0; k < 4; k++) {
            uint64_t before = k & 1;
            bool digit_starts = k & 2;
            block_bits want = classify64_bytewise(p, before, digit_starts);
#if defined(__SSE2__)
            uint64_t letters, digits, lead;
            classify64(p, &letters, &digits, &lead);
            if (!same_bits(
                    words_of(letters, digits, lead, before, digit_starts),
                    want))
                return false;
#endif
#if COUNTRY_AVX2
            if (ft_cpu_avx2() &&
                !same_bits(classify64_avx2(p, before, digit_starts), want))
                return false;
#endif
        }
    }
    return true;
}

/* The block at base (without SSE2 every word is kept).  ft_cpu_avx2 is
 * a load and a test a block. */
static void load_block(const ft_countries *c, const char *t, size_t len,
                       size_t base, block *b)
{
    size_t n = len - base < 64 ? len - base : 64, j = 0;
    uint64_t letters = 0, lead = 0, digits = 0;
    uint64_t before = base > 0 && alnum((unsigned char)t[base - 1]);
    uint64_t roomy = places_with(len, base, 8);
#if COUNTRY_AVX2
    if (n == 64 && ft_cpu_avx2()) {
        block_bits w = classify64_avx2(t + base, before, c->digit_starts);
        *b = (block){base, w.letters, w.starts, roomy};
        return;
    }
#endif
#if defined(__SSE2__)
    unsigned l, g, d;
    if (n == 64) {
        /* a whole block in four steps written out: a loop's exit would
         * be one more mispredict a block */
        classify64(t + base, &letters, &digits, &lead);
        j = 64;
    }
    for (; j + 16 <= n; j += 16) {
        classify16(t + base + j, &l, &g, &d);
        letters |= (uint64_t)l << j;
        digits |= (uint64_t)g << j;
        lead |= (uint64_t)d << j;
    }
    if (j < n) {
        /* The text's last k < 16 bytes (base + n is len here), no loop a
         * byte at a time: read as the last of the 16 bytes that end the
         * text, which are inside it; a text shorter than that through a
         * copy padded with zeros, which are none of the three. */
        size_t k = n - j;
        char tiny[16] = {0};
        const char *p = len >= 16 ? t + len - 16 : memcpy(tiny, t, len);
        classify16(p, &l, &g, &d);
        size_t drop = len >= 16 ? 16 - k : 0;
        l >>= drop, g >>= drop, d >>= drop;
        letters |= (uint64_t)l << j;
        digits |= (uint64_t)g << j;
        lead |= (uint64_t)d << j;
    }
#else
    for (; j + 8 <= n; j += 8) {
        uint64_t x = ft_load8(t + base + j);
        letters |= gather_highs(alnum_bits(x)) << j;
        if (x & FT_HIGHS8) /* rare in English: skip the work without them */
            lead |= gather_highs(x & (x << 1) & FT_HIGHS8) << j; /* 0xC0 up */
    }
    for (; j < n; j++) {
        unsigned k = byte_class[(unsigned char)t[base + j]];
        letters |= (uint64_t)((k & B_ALNUM) != 0) << j;
        lead |= (uint64_t)((k & B_LEAD) != 0) << j;
    }
#endif
    block_bits w = words_of(letters, digits, lead, before, c->digit_starts);
    *b = (block){base, w.letters, w.starts, roomy};
}

/* The first place at or after i where the scan must look closer: an
 * English word that may_be_named does not rule out (or that a hyphen
 * follows, or in the text's last 8 bytes), or a character past ASCII
 * that may_be_korean does not rule out; len when none.  No word goes on
 * at i: every step of the scan stops where a word ends, past a state's
 * word (which ends at a word boundary), or within or past a character
 * past ASCII.  Most of the text passes through this loop alone, a block
 * of 64 bytes classified at a time (*blk: the last one, kept from one
 * call to the next; base SIZE_MAX before the first), and most words
 * ruled out by their first three bytes (three_pass), then their first
 * five (start_passes): a branch on each word costs fewer instructions
 * than a test computed for every word of the block without one, and
 * the time follows the instructions here more than the mispredicts.
 * *named: whether an English word at the place was found by may_be_named
 * here (or a hyphen follows it), so that collect need not ask again. */
static size_t next_candidate(const ft_countries *c, const char *t, size_t len,
                             size_t i, block *blk, bool *named)
{
    block b = *blk;
    size_t p = len;
    *named = false;
    while (i < len) {
        size_t base = i & ~(size_t)63;
        if (b.base != base)
            load_block(c, t, len, base, &b);
        uint64_t cand = b.starts & (~UINT64_C(0) << (i - base));
        const char *q = t + base;
        i = base + 64;
        for (uint64_t w = cand & b.roomy; w; w &= w - 1) {
            size_t j = (size_t)__builtin_ctzll(w);
            if (!three_pass(c, q + j))
                continue;
            p = base + j;
            if ((unsigned char)q[j] >= 0xC0) { /* a lead */
                /* what korean_char would find nothing at is passed here */
                if (may_be_korean(c, t + p, len - p))
                    goto found;
                continue;
            }
            if (!start_passes(c, q + j))
                continue;
            uint64_t rest = ~b.letters >> j;
            if (!rest) { /* the word goes on into the next block */
                if (!skip_plain_word(c, t, len, p, &i))
                    goto found;
                break; /* the rest of the block is that word */
            }
            size_t n = (size_t)__builtin_ctzll(rest), end = p + n;
            if ((end < len && t[end] == '-') ||
                may_be_named(c, ft_load8(t + p), n, len - p)) {
                *named = true;
                goto found;
            }
        }
        /* the text's last 8 bytes: only the first bytes are read */
        for (uint64_t w = cand & ~b.roomy; w; w &= w - 1) {
            p = base + (size_t)__builtin_ctzll(w);
            if (pair_passes(c, t, len, p) &&
                ((unsigned char)t[p] < 0xC0 ||
                 (len - p >= 2 && may_be_korean(c, t + p, len - p))))
                goto found;
        }
    }
    p = len;
found:
    *blk = b;
    return p;
}

/* Where the scan of the whole text goes on at or before p, looked for
 * back to `floor` (where it went on too): between two bytes that no
 * step of it over a word it looks at goes over (c->held_pairs, see
 * collect_near), else floor. */
static size_t resume_point(const ft_countries *c, const char *t, size_t len,
                           size_t floor, size_t p)
{
    while (p > floor && p < len &&
           c->held_pairs[(unsigned)(unsigned char)t[p - 1] << 8 |
                         (unsigned char)t[p]])
        p--;
    return p;
}

/* The figures whose windows collect_near reads, and whether around
 * their sentences alone (see collect_near). */
typedef struct {
    const ft_figure *figs;
    size_t n;
    bool near_only;
} reading;

/* The scan, at i past the window it read (at or past *to), moves on to
 * the next window, of the figures from *k on (one at least): theirs up
 * to a gap between two, merged.  *i: where the scan of the whole text
 * goes on at its start; *to: its end; *k: past those figures.  A figure
 * that reaches back before the window of the one before (figures not in
 * text order) makes the window the whole text, read again (ms emptied).
 * Out of line: the scan's loop keeps its registers. */
static __attribute__((noinline)) void
next_window(const ft_countries *c, const char *t, size_t len, const reading *r,
            size_t *k, size_t *i, size_t *to, mentions *ms)
{
    const ft_figure *figs = r->figs;
    bool near_only = r->near_only;
    size_t n = r->n, reach = c->reach;
    size_t around = near_only ? AROUND_BEFORE : 0;
    size_t before = near_only ? reach : c->read_before;
    size_t j = *k, from = SIZE_MAX, end = 0;
    for (; j < n; j++) {
        const ft_figure *f = &figs[j];
        size_t m = f->start > around ? f->start - around : 0;
        if (near_only) /* choose's window: from the later of the two */
            m = f->sent_start > m ? f->sent_start : m;
        else /* the look back: from the earlier */
            m = f->sent_start < m ? f->sent_start : m;
        size_t lo = m > before ? m - before : 0;
        size_t hi = f->end + (near_only ? AROUND_AFTER : SHARE_AFTER);
        /* near_only: choose's window, to the sentence's end at most (a
         * cost-sharing word past it is the full read's to find) */
        if (near_only && f->sent_end < hi)
            hi = f->sent_end;
        hi = f->sent_start > hi ? f->sent_start : hi;
        hi = (m > hi ? m : hi) + reach; /* no window ends before it starts */
        if (from == SIZE_MAX) {
            from = lo;
        } else if (lo > end) {
            break; /* a gap: the window ends */
        } else if (lo < from) {
            ms->n = 0, *i = 0, from = 0, end = len;
            j = n;
            break;
        }
        end = hi > end ? hi : end;
        if (from == 0 && end >= len) { /* the whole text: no figure after */
            j = n;                     /* can make it more */
            break;
        }
    }
    *k = j;
    *to = end < len ? end : len;
    *i = *i < len ? *i : len;
    if (from > *i)
        *i = resume_point(c, t, len, *i, from < len ? from : len);
}

/* The mentions choose reads for the figures, as the scan of the whole
 * text finds them (most of a news article is far from its few
 * figures), in text order: each English word and each character past
 * ASCII in the windows around the figures looked up once (the first
 * candidate past a window too, where next_candidate stops).  A figure
 * reads those that start up to READ_BEFORE before it or its sentence
 * (those that end past the look-back bound start a state word's length
 * earlier at most), to SHARE_AFTER past it or to its sentence's start,
 * whichever is later; choose's bounds only move forward, so its windows
 * never reach back further.  settle_slots gives these their roles from
 * the deal words within DEAL_REACH of them, so the scan reads that far
 * (c->reach) before and after too.  Or, near_only, they hold the
 * mentions of the window around each figure in its sentence alone
 * (choose's: from its sentence's start or AROUND_BEFORE before it,
 * whichever is later, to its sentence's end or AROUND_AFTER past it),
 * and the rest only when choose asks for more (hints.near_only).  The scan
 * starts where the scan of the whole text goes on (resume_point): the steps of
 * that scan that pass over places it would look at are the state words and cues
 * it finds, and no join of states (settle_slots) goes over a window's start
 * either, so between two bytes that none of those holds next to each other,
 * that scan looks at the same next word as one started there, and finds the
 * same mentions, with the same roles (english_role and korean_role read
 * the text; a plain word or a character past ASCII, which that scan
 * steps over whole, holds no place it looks at).  A
 * text no longer than the narrowest window (c->short_text) is read
 * whole: what windows would leave out of it does not pay for them. */
static ft_status collect_near(const ft_countries *c, const char *t, size_t len,
                              const ft_figure *figs, size_t n, bool near_only,
                              mentions *ms)
{
    reading r; /* set and read when the text is read in windows */
    block b = {.base = SIZE_MAX};
    /* the window [.., to) read now; the figures' windows from figure k */
    size_t i = 0, to = len, k = n;
    if (len > c->short_text) {
        r = (reading){figs, n, near_only};
        k = 0;
        next_window(c, t, len, &r, &k, &i, &to, ms);
    }
    bool named;
    /* one call of next_candidate, which the compiler then inlines */
    while ((i = next_candidate(c, t, len, i, &b, &named)) < len) {
        if (i >= to) {
            if (k >= n)
                break;
            next_window(c, t, len, &r, &k, &i, &to, ms);
            continue;
        }
        ft_status st = FT_OK;
        if ((unsigned char)t[i] >= 0xC0) {
            st = korean_char(c, t, len, i, ms, &i);
        } else {
            word_run r = scan_run(t, len, i);
            size_t avail = len - i;
            if (named || (r.end < len && t[r.end] == '-') ||
                may_be_named(c, load_upto(t + i, avail < 8 ? avail : 8, avail),
                             r.end - i, avail))
                st = english_word(c, t, len, i, &r, ms, &i);
            else
                i = r.end;
        }
        if (st != FT_OK)
            return st;
    }
    settle_slots(t, len, ms);
    return FT_OK;
}

/* ---- choosing ------------------------------------------------------------ */

typedef struct {
    const ft_countries *c;
    const char *t;
    const mentions *ms;
    const ft_figure *figs;
    size_t nfigs;
    size_t usa; /* the state paid in cost-sharing, NONE when not in the table */
    int *score; /* per state, valid in the call of dominant ... */
    unsigned *seen; /* ... whose number is here (0: none yet) */
    size_t *last;   /* per state: where it was last counted */
} ctx;

static bool is_state(const mention *m)
{
    return m->state != NONE && m->role != ROLE_SKIP;
}

/* The first figure that ends after p (figures are in text order and do
 * not overlap), found from *hint, the answer for an earlier p, and kept
 * there: the places asked about move forward from one figure to the
 * next, so that the walk is a step or two, where a binary search would
 * cost a mispredict at most of its steps.  Each hint is asked about
 * places that never move back (from and back of figures in text order,
 * as choose's own walks take them), so the walk only goes forward. */
static size_t figure_after_hint(const ctx *x, size_t *hint, size_t p)
{
    size_t i = *hint;
    while (i < x->nfigs && x->figs[i].end <= p)
        i++;
    *hint = i;
    return i;
}

/* Whether p stands inside one of the figures (their own words, "U.S.
 * dollars", are no mention); *fi moves forward with p. */
static bool in_figure(const ctx *x, size_t *fi, size_t p)
{
    while (*fi < x->nfigs && x->figs[*fi].end <= p)
        (*fi)++;
    return *fi < x->nfigs && x->figs[*fi].start <= p;
}

/* Whether mention k follows a state joined to it ("한국과 인도네시아가",
 * "Japan and Australia"), whatever that state's role. */
static bool joined(const ctx *x, size_t k)
{
    static const char *const joins[] = {" and ", " and the ", "과 ", "와 ",
                                        "과",    "와",        " & "};
    const mention *a = &x->ms->m[k - 1], *b = &x->ms->m[k];
    if (a->state == NONE || b->start < a->end)
        return false;
    const char *gap = x->t + a->end;
    size_t n = b->start - a->end;
    bool join = false;
    for (size_t j = 0; j < sizeof joins / sizeof joins[0]; j++)
        join |= strlen(joins[j]) == n && memcmp(gap, joins[j], n) == 0;
    return join;
}

/* Of two states joined, the first leads. */
static size_t coordinated_first(const ctx *x, size_t k, size_t lo)
{
    while (k > lo && is_state(&x->ms->m[k - 1]) && joined(x, k))
        k--;
    return k;
}

/* Where the previous figure's look-ups stopped: every bound moves only
 * forward from one figure to the next, so each mention is passed over a
 * bounded number of times. */
typedef struct {
    size_t lo;         /* first mention of the look-back window */
    size_t near;       /* first mention of the window around the figure */
    size_t shared;     /* first mention not yet checked for cost-sharing */
    size_t last_share; /* where the last cost-sharing word stood + 1; 0 */
    size_t fig_from, fig_back; /* figure_after_hint's of from and back */
    unsigned calls;            /* of dominant, so far */
    /* The mentions are only those of the windows around the figures'
     * sentences (collect_near); more: a figure's rules may read others
     * (the look back, a cost-sharing word before its window, states
     * joined across its window's start). */
    bool near_only, more;
} hints;

/* The state that dominates the text in [back, until): each mention
 * counts, a buyer most, an institution least; a tie goes to the state
 * named last. */
static size_t dominant(const ctx *x, size_t lo, size_t back, size_t until,
                       bool share, hints *h)
{
    const mentions *ms = x->ms;
    if (h->near_only) { /* the look back is not among them */
        h->more = true;
        return NONE;
    }
    if (ms->m[lo].start >= until) /* nothing to count: no clearing */
        return NONE;
    size_t fi = figure_after_hint(x, &h->fig_back, back);
    size_t best = NONE;
    /* a score left by an earlier call counts as zero: one pass, no
     * second one to clear the scores; seen is cleared at the first call
     * of an article, which many articles never make */
    if (h->calls == 0)
        memset(x->seen, 0, x->c->nstates * sizeof *x->seen);
    unsigned call = ++h->calls;
    for (size_t k = lo; ms->m[k].start < until; k++) { /* the end mark */
        const mention *m = &ms->m[k];
        if (!is_state(m) || m->start < back || (share && m->state == x->usa))
            continue;
        if (in_figure(x, &fi, m->start))
            continue;
        size_t st = m->state;
        int add = m->role == ROLE_BUYER ? 3 : m->kind == FT_COUNTRY_ORG ? 1 : 2;
        x->score[st] = (x->seen[st] == call ? x->score[st] : 0) + add;
        x->seen[st] = call;
        x->last[st] = m->start;
        if (best == NONE || x->score[st] > x->score[best] ||
            (x->score[st] == x->score[best] && x->last[st] >= x->last[best]))
            best = st;
    }
    return best;
}

/* The state of a one-state currency, of the figure or of the paper's
 * conversion of it; NONE when neither is one. */
static size_t by_currency(const ctx *x, const char cur[8])
{
    return figure_currency(x->c, cur);
}

/* The state of figure f in an article that names none, as choose finds
 * it there: its currency's, else its conversion's; or NONE. */
static size_t by_currencies(const ft_countries *c, const ft_figure *f)
{
    size_t s = figure_currency(c, f->currency);
    if (s == NONE && f->has_reported)
        s = figure_currency(c, f->reported_currency);
    return s;
}

/* The state of figure f (the rules at the top of this file), or NONE. */
static size_t choose(const ctx *x, const ft_figure *f, hints *h)
{
    const mentions *ms = x->ms;
    size_t from = f->start > AROUND_BEFORE ? f->start - AROUND_BEFORE : 0;
    if (from < f->sent_start)
        from = f->sent_start;
    size_t to = f->end + AROUND_AFTER;
    if (to > f->sent_end)
        to = f->sent_end;
    size_t back = f->sent_start > LOOK_BACK ? f->sent_start - LOOK_BACK : 0;
    size_t share_from = f->start > SHARE_BEFORE ? f->start - SHARE_BEFORE : 0;
    /* the walks stop at the end mark past the mentions at the latest */
    while (ms->m[h->lo].end <= back)
        h->lo++;
    while (ms->m[h->near].start < from)
        h->near++;
    for (; ms->m[h->shared].start < f->end + SHARE_AFTER; h->shared++) {
        const mention *m = &ms->m[h->shared];
        if (m->state == NONE && (m->cues & CUE_SHARE))
            h->last_share = m->start + 1;
    }
    size_t lo = h->lo;
    bool share = h->last_share > share_from;

    /* One pass over the mentions up to `to`: a deal word anywhere there
     * makes the sentence a deal; the states count only in the figure's
     * clause, up to the first clause word after it (clause_end). */
    bool deal = false;
    size_t clause_end = to;
    size_t fi = figure_after_hint(x, &h->fig_from, from);
    size_t buyer = NONE, before = NONE, after = NONE;
    size_t org_before = NONE, org_after = NONE;
    size_t bdist = SIZE_MAX;
    for (size_t k = h->near; ms->m[k].start < to; k++) {
        const mention *m = &ms->m[k];
        if (m->state == NONE) {
            deal |= (m->cues & CUE_DEAL) != 0;
            if ((m->cues & CUE_CLAUSE) && m->start >= f->end &&
                m->start < clause_end)
                clause_end = m->start;
            continue;
        }
        if (m->role == ROLE_SKIP || m->start < from || m->start >= clause_end)
            continue;
        if (in_figure(x, &fi, m->start))
            continue;
        if (m->state == x->usa) {
            if (share)
                continue;     /* the United States is paid, not paying */
            if (h->near_only) /* a cost-sharing word may stand before */
                h->more = true;
        }
        bool is_before = m->start < f->start;
        size_t d = is_before ? f->start - m->end : m->start - f->end;
        if (m->kind == FT_COUNTRY_ORG) {
            if (is_before)
                org_before = k;
            else if (org_after == NONE)
                org_after = k;
            continue;
        }
        if (m->role == ROLE_BUYER && d < bdist)
            bdist = d, buyer = k;
        if (is_before)
            before = k;
        else if (after == NONE)
            after = k;
    }
    if (buyer != NONE)
        return ms->m[buyer].state;
    if (before != NONE) {
        if (!h->near_only)
            return ms->m[coordinated_first(x, before, lo)].state;
        size_t bound = h->near > lo ? h->near : lo;
        size_t k = coordinated_first(x, before, bound);
        /* the states joined may go on before the window */
        h->more |= k == bound && k > 0 && joined(x, k);
        return ms->m[k].state;
    }
    /* In a deal a company is the seller: the money is the buyer's. */
    if (!deal && org_before != NONE)
        return ms->m[org_before].state;
    if (after != NONE)
        return ms->m[after].state;
    if (!deal && org_after != NONE)
        return ms->m[org_after].state;
    /* A deal named in the sentences before ("a contract to supply
     * Finland ...  The contract is worth X won") is the buyer's, whatever
     * it is paid in; otherwise a currency of one state tells more than
     * the states talked about around it. */
    size_t s = deal ? dominant(x, lo, back, f->sent_start, share, h) : NONE;
    if (s == NONE)
        s = by_currency(x, f->currency);
    if (s == NONE && !deal) /* in a deal, dominant said NONE already */
        s = dominant(x, lo, back, f->sent_start, share, h);
    if (s == NONE && org_before != NONE)
        s = ms->m[org_before].state;
    if (s == NONE && org_after != NONE)
        s = ms->m[org_after].state;
    /* Last, the paper's own conversion: it says whom the paper writes
     * for more than whose money it is. */
    if (s == NONE && f->has_reported)
        s = by_currency(x, f->reported_currency);
    return s;
}

/* Each figure's state from the mentions (which end with a mark, m[n],
 * that starts and ends past any place in the text: choose's walks stop
 * at it with no test of n).  false when mentions near the figures alone
 * (h->near_only) may not decide them all: the states given are then
 * not theirs. */
static bool choose_all(const ctx *x, ft_figure *figs, hints *h)
{
    size_t n = x->nfigs;
    for (size_t i = 0; i < n; i++) {
        ft_figure *f = &figs[i];
        size_t s =
            x->ms->n || h->near_only ? choose(x, f, h) : by_currencies(x->c, f);
        if (s != NONE)
            memcpy(f->country, x->c->states[s].iso3, 4);
        else
            f->country[0] = '\0';
    }
    return !h->more;
}

#define LOCAL_STATES 128

static void clear_countries(ft_figure *figs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        figs[i].country[0] = '\0';
}

ft_status ft_countries_assign(const ft_countries *c, const char *text,
                              size_t len, ft_figure *figs, size_t n)
{
    if (!c || n == 0 || c->nstates == 0) {
        clear_countries(figs, n);
        return FT_OK;
    }
    mentions ms;
    mentions_init(&ms);
    /* last, score and seen on the stack for a table of LOCAL_STATES
     * states or fewer, else in one block on the heap; seen is cleared by
     * dominant's first call, score and last are written before they are
     * read */
    size_t last_local[LOCAL_STATES];
    int score_local[LOCAL_STATES];
    unsigned seen_local[LOCAL_STATES];
    bool local = c->nstates <= LOCAL_STATES;
    size_t *last =
        local
            ? last_local
            : calloc(c->nstates, sizeof *last + sizeof(int) + sizeof(unsigned));
    int *score = !last   ? NULL
                 : local ? score_local
                         : (int *)(last + c->nstates);
    unsigned *seen = !last   ? NULL
                     : local ? seen_local
                             : (unsigned *)(score + c->nstates);
    if (!last)
        goto out_of_memory;
    ctx x = {.c = c,
             .t = text,
             .ms = &ms,
             .figs = figs,
             .nfigs = n,
             .usa = c->usa,
             .score = score,
             .seen = seen,
             .last = last};
    /* First the mentions around the figures' sentences alone, when the
     * figures are fewer than one to a narrowest window (as in news):
     * they decide most figures there, and the look back is read only
     * when one needs it. */
    hints h = {.near_only = len / n > c->short_text};
    for (;;) {
        if (collect_near(c, text, len, figs, n, h.near_only, &ms) != FT_OK)
            goto out_of_memory;
        ms.m[ms.n] =
            (mention){.start = SIZE_MAX, .end = SIZE_MAX, .state = NONE};
        if (choose_all(&x, figs, &h))
            break;
        h = (hints){0}, ms.n = 0;
    }
    mentions_free(&ms);
    if (!local)
        free(last);
    return FT_OK;
out_of_memory:
    mentions_free(&ms);
    if (!local)
        free(last);
    clear_countries(figs, n);
    return FT_ENOMEM;
}
