/* purpose.c — what the grammar of a sentence says a figure pays for.
 *
 * The sentence around a figure is cut into tokens once (words, numbers,
 * punctuation, the figures themselves with the paper's conversion after
 * them), and each word is looked up once in one table of word classes.
 * The constructions of purpose.h are then tried in order of how surely
 * they name a purpose; each reads at most a few dozen tokens, and the
 * tokens come from a window of bounded size, so the work per figure is
 * bounded whatever the text.
 */
#include "purpose.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phrase.h"
#include "purpose_slots.h"
#include "purpose_words.h"

/* ------------------------------------------------------------ words */

enum {
    W_DET = 1u << 0,     /* a, the, its: opens a noun phrase */
    W_PREP = 1u << 1,    /* in, on, to */
    W_AUX = 1u << 2,     /* is, will, has */
    W_LINK = 1u << 3,    /* stands (at), totals, reached, were allotted */
    W_VERB = 1u << 4,    /* said, spend, pay: ends a noun phrase */
    W_HEDGE = 1u << 5,   /* about, nearly, over */
    W_TIME = 1u << 6,    /* year, now, annually */
    W_CONJ = 1u << 7,    /* and, or, while */
    W_PRON = 1u << 8,    /* it, which, who */
    W_VAGUE = 1u << 9,   /* amount, sum, budget: names nothing alone */
    W_PAID = 1u << 10,   /* compensation, aid: "X in aid" */
    W_TO = 1u << 11,     /* build, buy: "X to build NP" */
    W_CHANGE = 1u << 12, /* cut, increase: "a X cut in NP" */
    W_EACH = 1u << 13,   /* each, apiece, annually: after an amount */
    W_ALLOT = 1u << 14,  /* earmarked, allocated: "X is earmarked for NP" */
    W_GIVE = 1u << 15,   /* give, hand: "give X to NP" */
    W_RAISE = 1u << 16,  /* lift, raise, put: "raise NP to X", "put NP at X" */
    W_WHO = 1u << 17,    /* government, ministry: who pays, not what for */
    W_NUMBER = 1u << 18, /* two, five: counts inside a phrase or a span */
    W_DEAL = 1u << 19    /* deal, contract: "a deal with Poland" */
};

/* The names of the words: EN_for is "for". */
#define AS_NAME(name, cls) EN_##name,
#define AS_NAME_S(name, spelling, cls) EN_##name,
enum {
    FT_PURPOSE_WORDS(AS_NAME, AS_NAME_S) EN_COUNT,
    EN_NONE = EN_COUNT,
    EN_UNASKED /* a word not looked up yet (id_of) */
};

typedef struct {
    char word[16]; /* lower case, zero padded: word_id compares all 16 */
    unsigned cls;
    bool content; /* CONTENT_CLASS(cls): no word of the table is a period */
} word_class;
_Static_assert(PURPOSE_WORD_LONGEST < 16, "a word and its NUL fit word[16]");

/* Can an English word of classes c that is no period stand in a noun
 * phrase (content)?  Not a verb ("build", "lift", "hand") nor a function
 * word.  Worked out for each word of the table as it is compiled. */
#define CONTENT_CLASS(c)                                                       \
    (!(((c) & (W_TO | W_RAISE | W_GIVE)) &&                                    \
       !((c) & (W_PAID | W_VAGUE | W_CHANGE))) &&                              \
     !((c) & (W_DET | W_PREP | W_AUX | W_LINK | W_VERB | W_HEDGE | W_CONJ |    \
              W_PRON)))

/* The one table of English words the constructions read, by name. */
#define AS_ENTRY(name, cls) {#name, cls, CONTENT_CLASS(cls)},
#define AS_ENTRY_S(name, spelling, cls) {spelling, cls, CONTENT_CLASS(cls)},
static const word_class words[EN_COUNT] = {
    FT_PURPOSE_WORDS(AS_ENTRY, AS_ENTRY_S)};

/* The word w[0,n), n <= 16, whose sixteen bytes from w are v, in lower
 * case and zero padded, as word_class spells the table's words. */
static inline ft_bytes16 folded16(ft_bytes16 v, size_t n)
{
    /* keep[16 - n, 32 - n) is n lanes of 0xFF, then zeros */
    static const unsigned char keep[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                           0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                           0xFF, 0xFF, 0xFF, 0xFF};
    /* ft_ascii_fold: an upper-case letter, tested signed (alnum16) */
    v |= (ft_bytes16)((ft_sbytes16)(v + (0x80 - 'A')) < -128 + 26) & 0x20;
    return v & ft_load16(keep + 16 - n);
}

/* The word of n bytes, n <= 16, whose sixteen bytes from its start are v
 * in the table: its name, or EN_NONE.  The slots come from
 * scripts/gen_purpose_slots.c (purpose_words.h).  A word of the text holds
 * no NUL, so the zero padding tells lengths apart: one comparison of
 * sixteen bytes per slot, where one per letter mispredicted at the first
 * letter that differed. */
static inline unsigned word_id_of16(ft_bytes16 v, size_t n)
{
    v = folded16(v, n);
    for (size_t h = ft_purpose_word_hash(&v);; h++) {
        unsigned k = purpose_word_slot[h & (PURPOSE_WORD_SLOTS - 1)];
        if (k == 0)
            return EN_NONE;
        if (!ft_any16(v ^ ft_load16(words[k - 1].word)))
            return k - 1;
    }
}

/* word_id_of16 for a word w[0,n), n < 16, at the very end of the text,
 * whose sixteen bytes are not all there: from a copy.  Out of line: its
 * call to memcpy made look_up save and restore six registers on every
 * word, where one in hundreds needs it. */
__attribute__((noinline)) static unsigned word_id_padded(const char *w,
                                                         size_t n)
{
    char copy[16] = {0};
    memcpy(copy, w, n);
    return word_id_of16(ft_load16(copy), n);
}

/* The word w[0,n), n > 0, of the text (in any case) in the table: its
 * name, or EN_NONE.  w[0,avail) may be read (avail >= n): sixteen bytes
 * are loaded from w itself only when avail >= 16. */
static inline unsigned word_id(const char *w, size_t n, size_t avail)
{
    /* no word of that length, first and last letter: one branch, a word
     * longer than any taking the row of length 0, which is empty */
    size_t row = n <= PURPOSE_WORD_LONGEST ? n : 0;
    if (!(purpose_word_shapes[row][FT_PURPOSE_WORD_FIRST(w)] >>
              FT_PURPOSE_WORD_LAST(w, n) &
          1))
        return EN_NONE;
    return avail >= 16 ? word_id_of16(ft_load16(w), n) : word_id_padded(w, n);
}

#define AS_LIT(word) FT_LIT(word),

/* Korean: particles that end a noun phrase (purpose_words.h). */
static const ft_lit particles[] = {FT_PURPOSE_PARTICLES(AS_LIT)};

/* Korean nouns of what money pays for (purpose_words.h). */
static const ft_lit domain_nouns[] = {FT_PURPOSE_DOMAIN_NOUNS(AS_LIT)};

/* Korean names of who announces, asks or pays, never what for: 국방부는
 * 66조원을 편성했다 is the defence budget, not the ministry. */
static const ft_lit korean_announcers[] = {
    FT_LIT("\xEA\xB5\xAD\xEB\xB0\xA9\xEB\xB6\x80"), /* 국방부 */
    FT_LIT("\xEB\xB0\xA9\xEC\x9C\x84\xEC\x82\xAC\xEC\x97\x85\xEC\xB2"
           "\xAD"),                                 /* 방위사업청
                                                     */
    FT_LIT("\xEB\xB0\xA9\xEC\x82\xAC\xEC\xB2\xAD"), /* 방사청 */
    FT_LIT("\xEA\xB8\xB0\xED\x9A\x8D\xEC\x9E\xAC\xEC\xA0\x95\xEB\xB6"
           "\x80"),                                 /* 기획재정부
                                                     */
    FT_LIT("\xEA\xB8\xB0\xEC\x9E\xAC\xEB\xB6\x80"), /* 기재부 */
    FT_LIT("\xEC\xA0\x95\xEB\xB6\x80"),             /* 정부 */
    FT_LIT("\xEA\xB5\xAD\xED\x9A\x8C"),             /* 국회 */
    FT_LIT("\xEC\x99\xB8\xEA\xB5\x90\xEB\xB6\x80"), /* 외교부 */
    FT_LIT("\xED\x95\xA9\xEC\xB0\xB8"),             /* 합참 */
    FT_LIT("\xEC\x97\x85\xEA\xB3\x84"),             /* 업계 */
    FT_LIT("\xEB\x8B\xB9\xEA\xB5\xAD"),             /* 당국 */
    FT_LIT("\xEA\xB4\x80\xEA\xB3\x84\xEC\x9E\x90"), /* 관계자 */
    FT_LIT("\xED\x86\xB5\xEC\x9D\xBC\xEB\xB6\x80"), /* 통일부 */
};

/* Korean words that time or hedge an amount and name nothing
 * (purpose_words.h). */
static const ft_lit korean_skips[] = {FT_PURPOSE_KOREAN_SKIPS(AS_LIT)};

/* ----------------------------------------------------------- tokens */

typedef enum { T_WORD, T_NUM, T_PUNCT, T_FIG } token_type;

typedef struct {
    size_t s, e; /* bytes of the token */
    token_type type;
    unsigned cls;           /* word classes of an English word */
    unsigned id;            /* its name in the table, else EN_NONE */
    bool hangul;            /* holds Hangul */
    bool content;           /* an English word that is content(), set with id */
    unsigned char particle; /* 1 + the bytes of its particle, 0 until
                               asked (stem_len) */
    unsigned char verb;     /* of a Hangul word, 1 + korean_verb(), 0 until
                               asked */
    unsigned short floor;   /* of a T_FIG: clause_floor(), found as the
                               tokens are cut (MAX_TOKENS fit) */
    unsigned fig; /* the figure of a T_FIG (ft_purpose_of_in refuses an
                     article of more figures than that) */
} token;

/* The bytes the tokens of one figure come from, either side of it: a
 * purpose is stated near its amount, and the bound keeps the work per
 * figure constant in a sentence with no end. */
#define WINDOW 1200
#define MAX_TOKENS 640
_Static_assert(MAX_TOKENS < 65536, "a token's number fits its floor");
_Static_assert(sizeof(token) <= 40, "the verb byte fits the padding");

typedef struct {
    ft_view x;
    const ft_figure *figs;
    size_t nfigs;
    token *t; /* t[0,n); a word is looked up when first asked about */
    size_t n;
    bool at_sentence_start; /* the tokens start where the sentence does */
    bool hangul;            /* a word of the tokens holds Hangul */
    size_t first_fig;       /* the first T_FIG token, n when none */
    size_t last_r12;        /* the last word of 12 letters from "r", as
                               "respectively" is; SIZE_MAX when none */
} sentence;

static inline bool hangul_at(ft_view x, size_t i)
{
    unsigned char c = ft_view_at(x, i);
    return c >= 0xEA && c <= 0xED && ft_view_at(x, i + 1) >= 0x80;
}

/* An ASCII letter or digit: one look-up, for the bytes of every word. */
static inline bool ascii_alnum(unsigned char c)
{
    return ft_ascii_class[c] & (FT_ASCII_ALPHA | FT_ASCII_DIGIT);
}

static inline bool word_byte(ft_view x, size_t i)
{
    unsigned char c = ft_view_at(x, i);
    if (ascii_alnum(c))
        return true;
    return hangul_at(x, i);
}

/* A byte that joins two word bytes into one word: a hyphen, an ampersand,
 * an apostrophe (straight or curly), the full stops of "U.S.". */
static inline size_t joiner_len(ft_view x, size_t i)
{
    unsigned char c = ft_view_at(x, i);
    if (ft_ascii_space(c))
        return 0; /* what ends most words */
    if (c == '-' || c == '&' || c == '\'' || c == '/')
        return 1;
    if (c == '.' && i > 0 && ft_ascii_upper(ft_view_at(x, i - 1)) &&
        (ft_ascii_upper(ft_view_at(x, i + 1)) || ft_view_at(x, i + 1) == '-'))
        return 1;
    if (c == 0xE2 && ft_view_at(x, i + 1) == 0x80 &&
        ft_view_at(x, i + 2) == 0x99)
        return 3; /* ’ */
    return 0;
}

static inline size_t char_len(ft_view x, size_t i)
{
    unsigned char c = ft_view_at(x, i);
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return i + n <= x.len ? n : x.len - i;
}

/* A paper's conversion or note right after a figure, "(US$5.4 billion)":
 * a parenthesis near by with a digit in it and no figure of its own. */
static size_t conversion_end(const sentence *s, size_t i, size_t next_fig)
{
    ft_view x = s->x;
    size_t j = i;
    while (j < x.len && ft_ascii_space(ft_view_at(x, j)))
        j++;
    if (ft_view_at(x, j) != '(')
        return i;
    bool digit = false;
    /* the bytes it may hold: before the next figure, the text's end and
     * ninety bytes, one bound asked a byte where three were */
    size_t end = j + 90 < x.len ? j + 90 : x.len;
    if (end > next_fig)
        end = next_fig;
    for (size_t k = j + 1; k < end; k++) {
        unsigned char c = (unsigned char)x.t[k]; /* k < end <= x.len */
        if (c == ')')
            return digit ? k + 1 : i;
        if (c == '(')
            return i;
        digit |= ft_ascii_digit(c);
    }
    return i;
}

/* The end of the run of word bytes from j (letters, digits, Hangul
 * syllables) before b; *hangul is set when it holds Hangul.  The bytes of
 * a syllable are stepped over whole, as char_len does. */
static inline size_t word_run(ft_view x, size_t j, size_t b, bool *hangul)
{
    const unsigned char *u = (const unsigned char *)x.t;
    for (;;) {
        /* the loop rotated by hand: one branch a letter */
        if (j < b && ascii_alnum(u[j])) {
            do
                j++;
            while (j < b && ascii_alnum(u[j]));
        }
        /* j < b <= x.len: the byte is there; most words end at a space */
        if (j >= b || u[j] < 0xEA || !hangul_at(x, j))
            return j;
        *hangul = true;
        j += j + 3 <= x.len ? 3 : x.len - j;
    }
}

/* The end of the word that starts at word byte i, joiners and all:
 * "U.S.-made", "veterans'", "U.S.". */
static inline size_t word_end(ft_view x, size_t i, size_t b, bool *hangul)
{
    size_t j = i;
    for (;;) {
        j = word_run(x, j, b, hangul);
        if (j < b && ft_ascii_space((unsigned char)x.t[j]))
            return j; /* what ends most words: no joiner, no full stop */
        size_t jl = joiner_len(x, j);
        if (jl && ft_view_at(x, j) == '.' && ft_view_at(x, j + 1) == '-')
            jl = 2; /* "U.S.-made" */
        if (jl && j + jl < b && word_byte(x, j + jl)) {
            j += jl;
        } else {
            /* "veterans' pensions": the plural possessive */
            if (jl && j > i && ft_view_at(x, j - 1) == 's' &&
                ft_view_at(x, j) != '-' && ft_view_at(x, j) != '/')
                j += jl;
            break;
        }
    }
    if (j - i >= 3 && ft_view_at(x, j) == '.' &&
        ft_ascii_upper(ft_view_at(x, j - 1)) && ft_view_at(x, j - 2) == '.')
        j++; /* "U.S.": the abbreviation's own full stop */
    return j;
}

/* The end of the word whose run of letters and digits ends at j, past
 * each joiner that a letter or a digit follows ("long-term", "firm's",
 * "R&D", "firm’s"), as word_end steps over them; j when none follows.
 * Only bytes before limit (<= the text's length) are read: an end at
 * limit or a part that ends elsewhere than at a space or a mark (Hangul,
 * another joiner, "U.S.") leaves the word to word_end.  Out of line: one
 * word in twenty or so asks, and inlined it cost the loop of plain_words
 * 0.45 M instructions (on small.jsonl) in registers spilled. */
__attribute__((noinline)) static size_t joined_end(const unsigned char *u,
                                                   size_t j, size_t limit)
{
    for (;;) {
        size_t jl =
            u[j] == '-' || u[j] == '\'' || u[j] == '&' || u[j] == '/' ? 1 : 0;
        if (!jl && u[j] == 0xE2 && j + 3 < limit && u[j + 1] == 0x80 &&
            u[j + 2] == 0x99)
            jl = 3; /* ’ */
        if (!jl || j + jl >= limit || !ascii_alnum(u[j + jl]))
            return j;
        j += jl;
        while (j < limit && ascii_alnum(u[j]))
            j++;
        if (j >= limit)
            return j;
    }
}

/* The lanes of the sixteen bytes at p that are ASCII letters or digits.
 * Each range is tested signed, moved to start at -128: two operations
 * where an unsigned test takes three. */
static inline ft_bytes16 alnum16(const unsigned char *p)
{
    ft_bytes16 v = ft_load16(p);
    ft_sbytes16 letter = (ft_sbytes16)((v | 0x20) + (0x80 - 'a'));
    ft_sbytes16 digit = (ft_sbytes16)(v + (0x80 - '0'));
    return (ft_bytes16)((letter < -128 + 26) | (digit < -128 + 10));
}

/* Cut the words from i that are a letter, letters and digits, then a
 * space, a comma or a full stop (a token of its own) before stop (b or the
 * next figure), as tokenise would, for as long as the next token is
 * another such: where the last one's spaces end (i when the word at i is
 * not one).  A joiner a letter or a digit follows is stepped over
 * (joined_end), so that "long-term" is such a word too.  Most words are
 * such, and fit in sixteen bytes, which one comparison of each kind
 * classifies; the rest (a word with another joiner, at the end of the
 * text, longer) are left to tokenise.  *tp is the next
 * token, before last. */
static size_t plain_words(sentence *s, token **tp, token *const last, size_t i,
                          size_t b, size_t stop)
{
    token *t = *tp;
    const unsigned char *u = (const unsigned char *)s->x.t;
    const size_t len = s->x.len;
    /* before b, and no figure glued on (the word ends at stop at most) */
    const size_t limit = stop < b ? stop + 1 : b;
    do {
        if (i + 16 > len)
            break;
        /* the first byte of the sixteen that is no letter nor digit, 16
         * when all are: ~ sets the bits past them */
        size_t j = i + (unsigned)__builtin_ctz(~ft_bits16(alnum16(u + i)));
        /* word_end stops at a space, a comma, and a full stop after a
         * lower-case letter or a digit (no joiner, no "U.S."), before b; a
         * figure glued on is tokenise's */
        if (j >= limit)
            break;
        bool stop_mark = false; /* the comma or full stop, a token of its own */
        if (u[j] != ' ') {
            j = joined_end(u, j, limit);
            if (j >= limit)
                break;
        }
        if (u[j] != ' ') {
            if (j == stop ||
                !(u[j] == ',' || (u[j] == '.' && !ft_ascii_upper(u[j - 1]))))
                break;
            stop_mark = true;
        }
        *t = (token){.s = i, .e = j, .type = T_WORD, .id = EN_UNASKED};
        if (j - i == 12 && ft_ascii_fold(u[i]) == 'r')
            s->last_r12 = (size_t)(t - s->t);
        t++;
        if (stop_mark) {
            if (t == last) {
                i = j; /* no room for it: the cut ends */
                break;
            }
            *t = (token){.s = j, .e = j + 1, .type = T_PUNCT, .id = EN_NONE};
            t++;
            j++;
            /* the space after a comma, asked apart from the spaces after
             * a word (seldom more than one): in one test they mispredicted
             * at each mark */
            if (j < stop && u[j] == ' ')
                j++;
        } else if (j < stop) {
            j++; /* the space that ended it */
        }
        i = j;
        while (i < stop && u[i] == ' ')
            i++;
    } while (i < stop && t < last && ft_ascii_alpha(u[i]));
    *tp = t;
    return i;
}

/* Cut the tokens of window [a,b), which holds figure `own` (the one the
 * window was drawn around). */
static void tokenise(sentence *s, size_t a, size_t b, size_t own)
{
    ft_view x = s->x;
    token *t = s->t, *const last = s->t + MAX_TOKENS;
    const ft_figure *const figs = s->figs;
    const size_t nfigs = s->nfigs;
    /* t: the next token (s->n is not kept up as they are cut: the stores
     * to the tokens might be to it for all the compiler knows) */
    bool hangul = false;
    /* a window that starts inside a word starts after it */
    if (a > 0 && word_byte(x, a) && word_byte(x, a - 1))
        while (a < b && word_byte(x, a))
            a++;
    /* the bytes of figure f, [SIZE_MAX, SIZE_MAX) past the last one; the
     * first that ends after a (figures are in text order), found from the
     * window's own figure back over the figures before it that end inside
     * the window (most windows hold none).  The walk steps only over
     * figures in the window's bytes, each of which is cut as a token
     * anyway: not from the article's first figure, which made an article
     * of many figures quadratic, and a step or none where a search by
     * halves over the article's figures took a dozen.  Should a window
     * that starts inside a word have left the own figure behind (it ends
     * at a or before), the loop below steps past it as past any figure
     * it has left behind. */
    size_t f = own;
    while (f > 0 && figs[f - 1].end > a)
        f--;
    size_t fig_start = f < nfigs ? figs[f].start : SIZE_MAX;
    size_t fig_end = f < nfigs ? figs[f].end : SIZE_MAX;
    s->first_fig = SIZE_MAX;
    s->last_r12 = SIZE_MAX;
    /* the clause breaks before the next token, 1 + the token's number (0
     * for none): the last figure or semicolon, the last two colons */
    size_t brk = 0, colon = 0, colon_before = 0;
    for (size_t i = a; i < b && t < last;) {
        if (fig_start <= i) { /* fig_start <= fig_end */
            if (fig_end <= i) {
                while (f < nfigs && figs[f].end <= i)
                    f++;
                fig_start = f < nfigs ? figs[f].start : SIZE_MAX;
                fig_end = f < nfigs ? figs[f].end : SIZE_MAX;
            }
            if (fig_start <= i) {
                size_t next = f + 1 < nfigs ? figs[f + 1].start : SIZE_MAX;
                size_t k = (size_t)(t - s->t);
                /* a colon right before the figure is no break:
                 * "NP: X" */
                size_t c = colon == k ? colon_before : colon;
                *t = (token){.s = i,
                             .type = T_FIG,
                             .fig = (unsigned)f,
                             .id = EN_NONE,
                             .floor = (unsigned short)(brk > c ? brk : c)};
                t->e = conversion_end(s, figs[f].end, next);
                i = t->e;
                if (s->first_fig == SIZE_MAX)
                    s->first_fig = k;
                brk = k + 1;
                t++;
                /* on to the next figure now, not when the next token asks:
                 * the test above then holds only at a figure */
                f++;
                while (f < nfigs && figs[f].end <= i)
                    f++; /* inside the conversion */
                fig_start = f < nfigs ? figs[f].start : SIZE_MAX;
                fig_end = f < nfigs ? figs[f].end : SIZE_MAX;
                continue;
            }
        }
        unsigned char c = (unsigned char)x.t[i]; /* i < b <= x.len */
        if (ft_ascii_alpha(c)) {
            /* most words: cut many in a row */
            size_t j =
                plain_words(s, &t, last, i, b, b < fig_start ? b : fig_start);
            if (j != i) {
                i = j;
                continue;
            }
        }
        *t = (token){.s = i, .id = EN_NONE};
        /* a letter starts a word: most tokens skip the tests below */
        if (!ft_ascii_alpha(c)) {
            if (ft_ascii_space(c) ||
                (c == 0xC2 && ft_view_at(x, i + 1) == 0xA0)) {
                i += c == 0xC2 ? 2 : 1;
                continue;
            }
            if (ft_ascii_digit(c)) {
                size_t j = i;
                while (j < b &&
                       (ft_ascii_digit(ft_view_at(x, j)) ||
                        ((ft_view_at(x, j) == ',' || ft_view_at(x, j) == '.') &&
                         ft_ascii_digit(ft_view_at(x, j + 1)))))
                    j++;
                if (!word_byte(x, j) && !joiner_len(x, j)) {
                    t->type = T_NUM;
                    t->e = j;
                    i = j;
                    t++;
                    continue;
                }
            }
            if (!word_byte(x, i)) {
                t->type = T_PUNCT;
                t->e = i + char_len(x, i);
                i = t->e;
                if (c == ';')
                    brk = (size_t)(t - s->t) + 1;
                else if (c == ':') {
                    colon_before = colon;
                    colon = (size_t)(t - s->t) + 1;
                }
                t++;
                continue;
            }
        }
        bool h = false; /* kept out of the token while it is cut */
        size_t j = word_end(x, i, b, &h);
        if (j > fig_start)
            j = fig_start; /* a figure glued to a word */
        t->type = T_WORD;
        t->e = j;
        t->hangul = h;
        if (!h)
            t->id = EN_UNASKED;
        if (j - i == 12 && ft_ascii_fold(c) == 'r')
            s->last_r12 = (size_t)(t - s->t);
        hangul |= h;
        t++;
        /* the space after a word, stepped over here: the loop's tests
         * are for what starts a token (a figure starts at no space) */
        size_t stop = b < fig_start ? b : fig_start;
        while (j < stop && x.t[j] == ' ')
            j++;
        i = j;
    }
    s->n = (size_t)(t - s->t);
    if (s->first_fig == SIZE_MAX)
        s->first_fig = s->n;
    s->hangul = hangul;
}

static bool punct_is(const sentence *s, size_t k, char c)
{
    return k < s->n && s->t[k].type == T_PUNCT && s->t[k].e - s->t[k].s == 1 &&
           s->x.t[s->t[k].s] == c;
}

static bool is_word(const sentence *s, size_t k)
{
    return k < s->n && s->t[k].type == T_WORD;
}

static inline bool period_bytes(const char *w, size_t n);

/* Look word k up in the table: its name, its classes beside it, and
 * whether it is a content word, which the noun phrases ask of each word
 * again and again.  A word is looked up the first time a construction
 * asks about it, since about half the words of a window are never asked
 * about, and only then.  Measured on 2 MB of the synthetic corpus:
 * looking every word up as it is cut spared the constructions 6 M
 * instructions (the look-ups they ask, and the test of EN_UNASKED in each
 * accessor) but cost tokenise 8 M, most words of news being in the table
 * or of a shape of one. */
static unsigned look_up(const sentence *s, size_t k)
{
    token *t = &s->t[k]; /* s->t is not const: the tokens fill in */
    const char *w = s->x.t + t->s;
    size_t n = t->e - t->s;
    unsigned id = word_id(w, n, s->x.len - t->s);
    t->id = id;
    if (id == EN_NONE) {
        t->cls = 0;
        /* period(s, k) of a word (only words are looked up) */
        t->content = !period_bytes(w, n);
    } else {
        /* its letters are a word's of the table: no digit, no period */
        t->cls = words[id].cls;
        t->content = words[id].content;
    }
    return id;
}

/* The word classes of token k, k < s->n (0 for all but English words). */
static inline unsigned cls_of(const sentence *s, size_t k)
{
    if (s->t[k].id == EN_UNASKED)
        look_up(s, k);
    return s->t[k].cls;
}

/* The name of token k in the table: EN_NONE for a word not in it, for
 * what is no English word and past the tokens.  A token it is EN_NONE
 * for is no word_is() and of no class (has_class): the chains of tests
 * below ask it first to skip the rest. */
static inline unsigned id_of(const sentence *s, size_t k)
{
    if (k >= s->n)
        return EN_NONE;
    unsigned id = s->t[k].id;
    return id == EN_UNASKED ? look_up(s, k) : id;
}

/* Is token k the word named w (EN_for)? */
static inline bool word_is(const sentence *s, size_t k, unsigned w)
{
    if (k >= s->n)
        return false;
    unsigned id = s->t[k].id;
    return id == w || (id == EN_UNASKED && look_up(s, k) == w);
}

/* Is token k an English word of a class of cls?  A token that is no
 * English word (a number, a figure, a mark, a Hangul word) is cut with
 * no class and never looked up, so its type need not be asked. */
static inline bool has_class(const sentence *s, size_t k, unsigned cls)
{
    return k < s->n && (cls_of(s, k) & cls);
}

/* A four-digit year standing alone. */
static inline bool is_year(const sentence *s, size_t k)
{
    if (k >= s->n || s->t[k].type != T_NUM || s->t[k].e - s->t[k].s != 4)
        return false;
    const char *p = s->x.t + s->t[k].s;
    return (p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0');
}

/* The whole test of period_bytes(), for a word that opens as one can. */
static bool period_at(const char *w, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (w[0] == 'F' || w[0] == 'f') && (w[1] == 'Y' || w[1] == 'y'))
        i = 2;
    else if (n >= 2 && (w[0] == 'Q' || w[0] == 'H'))
        i = 1;
    if (i == n || !ft_ascii_digit((unsigned char)w[i]))
        return false;
    for (; i < n; i++)
        if (!ft_ascii_digit((unsigned char)w[i]) && w[i] != '/' && w[i] != '-')
            return false;
    return true;
}

/* A period written as a code or digits, w[0,n) of a word or a number:
 * FY27, Q1, H2, 2023/2024, 2029-30. */
static inline bool period_bytes(const char *w, size_t n)
{
    /* what most words fail: a period opens with a digit, F, f, Q or H,
     * a look-up where a chain of tests mispredicted */
    static const bool opens[256] = {
        ['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
        ['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
        ['F'] = true, ['f'] = true, ['Q'] = true, ['H'] = true,
    };
    return opens[(unsigned char)w[0]] && period_at(w, n);
}

/* Is token k a period (period_bytes)? */
static inline bool period(const sentence *s, size_t k)
{
    if (k >= s->n)
        return false;
    /* a word or a number, the type asked as one test */
    bool typed = (1u << s->t[k].type) & (1u << T_WORD | 1u << T_NUM);
    return typed && period_bytes(s->x.t + s->t[k].s, s->t[k].e - s->t[k].s);
}

/* "9.7%", "four percent", "nine-point-four percent": a rate, which sits
 * between a noun and its amount ("rose 6.2% to X"). */
static inline size_t rate_back(const sentence *s, size_t k)
{
    /* asked of every token link_back steps over: the type first */
    if (k == 0 || k >= s->n)
        return SIZE_MAX;
    if (s->t[k].type == T_PUNCT)
        return punct_is(s, k, '%') && s->t[k - 1].type == T_NUM ? k - 1
                                                                : SIZE_MAX;
    if (word_is(s, k, EN_percent) &&
        (s->t[k - 1].type == T_NUM || is_word(s, k - 1)))
        return k - 1;
    return SIZE_MAX;
}

/* Does word k, longer than suffix, end with it in any case?  suffix is
 * lower-case ASCII letters ("ed", "ing"), and c | 0x20 is the letter l
 * only when c is l or its capital: the bytes are compared all at once,
 * where a loop mispredicted at the first that differed. */
static inline bool ends_with(const sentence *s, size_t k, const char *suffix)
{
    size_t m = strlen(suffix);
    if (!is_word(s, k) || s->t[k].hangul || s->t[k].e - s->t[k].s <= m)
        return false;
    const char *e = s->x.t + s->t[k].e - m;
    unsigned differ = 0;
    for (size_t i = 0; i < m; i++)
        differ |= ((unsigned char)e[i] | 0x20u) ^ (unsigned char)suffix[i];
    return differ == 0;
}

/* Does token k hold the bytes of needle? */
static inline bool holds(const sentence *s, size_t k, const char *needle)
{
    size_t m = strlen(needle);
    const char *t = s->x.t + s->t[k].s;
    size_t n = s->t[k].e - s->t[k].s;
    for (size_t i = 0; i + m <= n; i++)
        if (t[i] == needle[0] && memcmp(t + i, needle, m) == 0)
            return true;
    return false;
}

/* A word that can stand in a noun phrase: not a function word (worked
 * out when it is looked up). */
static inline bool content(const sentence *s, size_t k)
{
    /* a token that is no English word is cut not content and never looked
     * up (tokenise): neither its type nor Hangul need be asked */
    if (k >= s->n)
        return false;
    if (s->t[k].id == EN_UNASKED)
        look_up(s, k);
    return s->t[k].content;
}

/* ------------------------------------------------------ noun phrases */

typedef struct {
    size_t a, b; /* tokens [a,b) */
} span;

static const span no_span = {0, 0};

static bool empty(span p)
{
    return p.b <= p.a;
}

/* The noun phrase that starts at k: content words, numbers before a word
 * ("230 mm"), an acronym in parentheses, and one "of"/"for" complement.
 * Dropped: a leading article. */
static span np_forward(const sentence *s, size_t k, int complements)
{
    while (has_class(s, k, W_DET))
        k++;
    size_t a = k;
    size_t limit = a + 10;
    while (k < s->n && k < limit) {
        if (ends_with(s, k, "ed") && k > a && !content(s, k + 1))
            break; /* "budget request submitted by": a participle */
        if (content(s, k) || (s->t[k].type == T_NUM && content(s, k + 1))) {
            k++;
            continue;
        }
        /* "buying more Patriot missiles", "building a carrier" */
        if (k > a && ends_with(s, k - 1, "ing") &&
            has_class(s, k, W_DET | W_HEDGE) && content(s, k + 1)) {
            k++;
            continue;
        }
        /* "(MND)" inside a name */
        if (punct_is(s, k, '(') && is_word(s, k + 1) &&
            punct_is(s, k + 2, ')')) {
            k += 3;
            continue;
        }
        if (complements > 0 && k > a &&
            (word_is(s, k, EN_of) || word_is(s, k, EN_for) ||
             (word_is(s, k, EN_with) && has_class(s, k - 1, W_DEAL)))) {
            size_t j = k + 1;
            while (has_class(s, j, W_DET))
                j++;
            if (content(s, j) && !period(s, j) && !has_class(s, j, W_TIME)) {
                complements--;
                k = j;
                continue;
            }
        }
        break;
    }
    return (span){a, k};
}

/* The noun phrase that ends at k (inclusive), read back: content words,
 * possessives, one "of"/"for"/"and" between content words. */
static span np_backward(const sentence *s, size_t k, size_t floor, int joins)
{
    if (k == SIZE_MAX || k < floor || k >= s->n)
        return no_span;
    size_t b = k + 1, a = b;
    while (a > floor && b - a < 12) {
        size_t j = a - 1;
        if (content(s, j) ||
            (s->t[j].type == T_NUM && a < b && !is_year(s, j))) {
            a = j;
            continue;
        }
        if (punct_is(s, j, ')') && j >= floor + 2 && is_word(s, j - 1) &&
            punct_is(s, j - 2, '(') && j - 2 > floor && content(s, j - 3)) {
            a = j - 2;
            continue;
        }
        if (joins > 0 && a < b && j > floor && content(s, j - 1) &&
            (word_is(s, j, EN_of) || word_is(s, j, EN_for) ||
             word_is(s, j, EN_on) || word_is(s, j, EN_and))) {
            joins--;
            a = j;
            continue;
        }
        if (joins > 0 && a < b && j > floor + 1 && has_class(s, j, W_DET) &&
            (word_is(s, j - 1, EN_of) || word_is(s, j - 1, EN_for)) &&
            content(s, j - 2)) {
            joins--; /* "costs for the fleet" */
            a = j - 1;
            continue;
        }
        break;
    }
    while (a < b && (s->t[a].type == T_NUM || !content(s, a)))
        a++; /* no phrase starts with "of" or a number */
    return (span){a, b};
}

/* Write the phrase: words with single spaces, years and "year(s)" left
 * out; false when nothing but vague or time words is left.  With out NULL
 * it only tells whether the phrase names something (a probe, which
 * need not copy a byte and is done at the first word that names). */
static bool write_phrase(const sentence *s, span p, char *out, size_t cap)
{
    size_t o = 0;
    bool named = false;
    if (!empty(p) &&
        ((has_class(s, p.b - 1, W_TIME) && !has_class(s, p.b - 1, W_PAID)) ||
         has_class(s, p.b - 1, W_WHO))) {
        if (out)
            out[0] = '\0';
        return false; /* "the next financial year", "the government" */
    }
    for (size_t k = p.a; k < p.b; k++) {
        const token *t = &s->t[k];
        if (is_year(s, k) || period(s, k) ||
            (t->type == T_WORD && (cls_of(s, k) & W_TIME)))
            continue;
        if (punct_is(s, k, '(') && k + 3 < p.b) {
            k += 2; /* "Ministry of Defense (MND) budget": the acronym
                       stands in the way of the aliases */
            continue;
        }
        if (t->type == T_WORD && !(cls_of(s, k) & (W_VAGUE | W_CHANGE))) {
            if (!out)
                return true; /* named, whatever follows */
            named = true;
        }
        size_t n = t->e - t->s;
        bool glue = o > 0 &&
                    (punct_is(s, k, ')') || (k > 0 && punct_is(s, k - 1, '(')));
        if (o + n + 2 >= cap)
            break;
        if (o > 0 && !glue) {
            if (out)
                out[o] = ' ';
            o++;
        }
        if (out)
            memcpy(out + o, s->x.t + t->s, n);
        o += n;
    }
    if (out) {
        out[o] = '\0';
        if (!named)
            out[0] = '\0';
    }
    return named;
}

/* Does phrase p name something (write_phrase)? */
static bool names(const sentence *s, span p)
{
    return write_phrase(s, p, NULL, FT_SUBJECT_MAX);
}

/* ---------------------------------------------------- constructions */

/* The end of a stretch of time at k ("over the next five years", "for
 * two years", "in the first half"), else 0. */
static size_t span_of_time(const sentence *s, size_t k)
{
    unsigned w = id_of(s, k);
    if (!(w == EN_over || w == EN_for || w == EN_in || w == EN_during ||
          w == EN_within))
        return 0;
    size_t end = 0;
    for (size_t j = k + 1;
         j < s->n && j < k + 7 &&
         (has_class(s, j, W_DET | W_HEDGE | W_TIME | W_NUMBER) ||
          s->t[j].type == T_NUM);
         j++)
        if (has_class(s, j, W_TIME))
            end = j + 1;
    return end;
}

/* Past what follows an amount without naming anything: "a month",
 * "each", "this year", "in 2008", "annually". */
static size_t skip_after(const sentence *s, size_t k)
{
    for (;;) {
        unsigned w = id_of(s, k);
        if (w == EN_NONE)
            return k; /* every test below reads a word of the table at k */
        if (has_class(s, k, W_EACH))
            k++;
        else if ((w == EN_a || w == EN_per) && has_class(s, k + 1, W_TIME))
            k += 2;
        else if ((w == EN_this || w == EN_next || w == EN_last) &&
                 has_class(s, k + 1, W_TIME))
            k += 2;
        else if ((w == EN_in || w == EN_for || w == EN_by) && is_year(s, k + 1))
            k += 2;
        else if (w == EN_in && word_is(s, k + 1, EN_total))
            k += 2;
        else {
            size_t end = span_of_time(s, k); /* "over the next five years" */
            if (end == 0)
                return k;
            k = end;
        }
    }
}

/* Is a verb of giving ("give", "hand", "provided") before figure f in its
 * clause? */
static bool given(const sentence *s, size_t f)
{
    for (size_t k = f; k > 0 && f - k < 30;) {
        k--;
        if (punct_is(s, k, ';') || punct_is(s, k, '.'))
            return false;
        if (has_class(s, k, W_GIVE))
            return true;
    }
    return false;
}

/* "To guarantee the conditions for reform, X has been set aside": a
 * purpose clause that opens the sentence names what the amount of its
 * main clause is for. */
static span fronted_purpose(const sentence *s, size_t f)
{
    if (!s->at_sentence_start || !word_is(s, 0, EN_to) || !is_word(s, 1) ||
        has_class(s, 1, W_DET | W_PREP | W_PRON) || s->t[1].hangul)
        return no_span;
    size_t comma = 0;
    for (size_t k = 2; k < f && k < 40; k++)
        if (punct_is(s, k, ',')) {
            comma = k;
            break;
        }
    if (comma == 0)
        return no_span;
    for (size_t k = comma + 1; k < f; k++)
        if (s->t[k].type == T_FIG || punct_is(s, k, ','))
            return no_span; /* the amount stands in the main clause */
    return (span){1, comma - 1 < 11 ? comma : 12};
}

/* "X for NP", "X towards NP", "X to build NP", "X in compensation",
 * "X is earmarked for NP", "spend X buying NP". */
static span purpose_after(const sentence *s, size_t f)
{
    size_t k = skip_after(s, f + 1);
    size_t verbs = k;
    for (;;) {
        if (has_class(s, verbs, W_AUX | W_ALLOT | W_HEDGE) ||
            word_is(s, verbs, EN_set))
            verbs++; /* "is also set aside", "will go" */
        else if (verbs < s->n && s->t[verbs].type == T_NUM &&
                 punct_is(s, verbs + 1, '%'))
            verbs += 2; /* "X, approximately 48%, goes toward NP" */
        else
            break;
    }
    if (verbs > k &&
        (has_class(s, verbs - 1, W_ALLOT) || word_is(s, verbs - 1, EN_aside)))
        k = verbs; /* "is earmarked", "will go" */
    /* the word at k, asked once of the tests below */
    unsigned w = id_of(s, k);
    if (k == verbs && k > f + 1 && w == EN_to &&
        (word_is(s, k - 1, EN_go) || word_is(s, k - 1, EN_goes) ||
         word_is(s, k - 1, EN_going) || word_is(s, k - 1, EN_went))) {
        span p = np_forward(s, k + 1, 2); /* "X goes to reinforcing NP" */
        if (!empty(p))
            return p;
    }
    if (w == EN_for || w == EN_toward || w == EN_towards || w == EN_on ||
        w == EN_into) {
        span p = np_forward(s, k + 1, 2);
        return p;
    }
    if (w == EN_in) {
        span p = np_forward(s, k + 1, 1); /* "X in financial assistance" */
        for (size_t j = p.a; j < p.b; j++)
            if (has_class(s, j, W_PAID))
                return p;
    }
    if (w == EN_to && given(s, f)) {
        span p = np_forward(s, k + 1, 1); /* "hand X to the workers" */
        if (!empty(p))
            return p;
    }
    if (w == EN_to && has_class(s, k + 1, W_TO)) {
        span p = np_forward(s, k + 2, 2);
        if (!empty(p))
            p.a = k + 1; /* "build infrastructure" */
        return p;
    }
    if (w == EN_worth && word_is(s, k + 1, EN_of))
        return np_forward(s, k + 2, 1);
    span fronted = fronted_purpose(s, f);
    if (!empty(fronted))
        return fronted;
    /* "X out of the regular budget", "X taken from the special fund",
     * "X under its budget request" */
    if ((w == EN_out && word_is(s, k + 1, EN_of)) ||
        ((w == EN_taken || w == EN_drawn) && word_is(s, k + 1, EN_from)))
        return np_forward(s, k + 2, 1);
    if (w == EN_as) {
        span p = np_forward(s, k + 1, 0); /* "designated X as OCO funding" */
        for (size_t j = p.a; j < p.b; j++)
            if (has_class(s, j, W_PAID | W_VAGUE))
                return p;
    }
    if (w == EN_under) {
        span p = np_forward(s, k + 1, 0);
        if (!empty(p) && (has_class(s, p.b - 1, W_VAGUE | W_PAID) ||
                          word_is(s, p.b - 1, EN_request)))
            return p; /* "X under its budget request" */
    }
    /* "X is capital outlay": a copula and a noun of money */
    if (has_class(s, k, W_AUX) && !has_class(s, k + 1, W_AUX)) {
        span p = np_forward(s, k + 1, 0);
        for (size_t j = p.a; j < p.b; j++)
            if (has_class(s, j, W_PAID) && !has_class(s, j, W_TO))
                return p;
    }
    if (ends_with(s, k, "ing") && s->t[k].e - s->t[k].s > 5 && content(s, k))
        return np_forward(s, k, 2); /* "X buying weapons" */
    return no_span;
}

static bool content_after_hedge(const sentence *s, size_t k)
{
    return content(s, k) && !ends_with(s, k, "ed");
}

/* "a X plan for NP", "the ministry's X budget", "a X cut in NP". */
static span modified_by(const sentence *s, size_t f)
{
    size_t k = f;
    while (k > 0 && has_class(s, k - 1, W_HEDGE))
        k--;
    if (k == 0 && !s->at_sentence_start)
        return no_span;
    /* a headline opens with its amount: "Over 5 Trillion Won Defense
     * Budget Needed" */
    bool opens = k == 0 || punct_is(s, k - 1, ':') ||
                 (has_class(s, k - 1, W_DET) && !word_is(s, k - 1, EN_each));
    const token *before = &s->t[k == 0 ? 0 : k - 1];
    if (!opens && before->type == T_WORD && !before->hangul &&
        before->e - before->s > 2) {
        const char *end = s->x.t + before->e;
        opens = (end[-2] == '\'' && end[-1] == 's') ||
                (before->e - before->s > 4 && end[-4] == '\xE2' &&
                 end[-1] == 's') ||
                end[-1] == '\'';
    }
    if (!opens)
        return no_span;
    size_t j = f + 1;
    while (has_class(s, j, W_HEDGE) && content_after_hedge(s, j + 1))
        j++; /* "a X additional defence budget" */
    if ((!content(s, j) && !has_class(s, j, W_CHANGE)) || ends_with(s, j, "ed"))
        return no_span;
    if (ft_ascii_upper((unsigned char)s->x.t[s->t[j].s]) &&
        has_class(s, j + 1, W_VERB | W_AUX | W_LINK))
        return no_span; /* "the X Seoul paid": a clause, not a noun */
    if (has_class(s, j, W_CHANGE) &&
        (word_is(s, j + 1, EN_in) || word_is(s, j + 1, EN_to) ||
         word_is(s, j + 1, EN_for) || word_is(s, j + 1, EN_of))) {
        span p = np_forward(s, j + 2, 1);
        if (!empty(p))
            return p;
    }
    span p = np_forward(s, j, 2);
    if (empty(p) && has_class(s, j, W_CHANGE))
        return no_span;
    return p;
}

/* A past participle: "-ed", or one of the common irregular ones. */
static bool participle(const sentence *s, size_t k)
{
    /* by the word's name, a load where a switch was a chain of branches */
    static const bool irregular[EN_NONE + 1] = {
        [EN_bought] = true, [EN_brought] = true, [EN_built] = true,
        [EN_done] = true,   [EN_drawn] = true,   [EN_given] = true,
        [EN_held] = true,   [EN_made] = true,    [EN_paid] = true,
        [EN_sold] = true,   [EN_spent] = true,   [EN_taken] = true,
    };
    return ends_with(s, k, "ed") || irregular[id_of(s, k)];
}

/* Does link_back step over word k (named w, not EN_NONE) without a verb:
 * a hedge, a time, "of", "to", "by itself", "in the first half", "in
 * 2008"?  The words that do whatever stands next to them are asked
 * first, by a switch. */
static bool crossed(const sentence *s, size_t k, unsigned w)
{
    static const bool always[EN_NONE + 1] = {
        [EN_to] = true, [EN_at] = true, [EN_by] = true, [EN_from] = true,
        [EN_of] = true, [EN_an] = true, [EN_a] = true,  [EN_on_year] = true,
    };
    return always[w] || has_class(s, k, W_HEDGE | W_TIME) ||
           (has_class(s, k, W_VAGUE | W_CHANGE) && word_is(s, k + 1, EN_of)) ||
           ((w == EN_for || w == EN_in) && is_year(s, k + 1)) ||
           (w == EN_for && k > 0 &&
            (word_is(s, k - 1, EN_accounts) ||
             word_is(s, k - 1, EN_accounted))) ||
           is_year(s, k) || period(s, k) ||
           (w == EN_the && (has_class(s, k + 1, W_TIME) || period(s, k + 1))) ||
           (w == EN_financial && word_is(s, k + 1, EN_year)) ||
           ((w == EN_itself || w == EN_themselves) && k > 0 &&
            word_is(s, k - 1, EN_by)) ||
           ((w == EN_in || w == EN_during) && word_is(s, k + 1, EN_the) &&
            (has_class(s, k + 2, W_TIME) || period(s, k + 2))) ||
           (w == EN_in && (is_year(s, k + 1) || period(s, k + 1)));
}

/* Back from the token before an amount over what links a noun phrase to
 * it: verbs of being and reaching, auxiliaries, hedges, rates, "this
 * year", "in 2008".  Returns the last token of the phrase before them
 * and whether a verb was crossed. */
static size_t link_back(const sentence *s, size_t k, size_t floor, bool *verb)
{
    *verb = false;
    size_t steps = 0;
    while (k != SIZE_MAX && k >= floor && steps++ < 14) {
        size_t r = rate_back(s, k);
        if (r != SIZE_MAX) {
            k = r == 0 ? SIZE_MAX : r - 1;
            continue;
        }
        unsigned w = id_of(s, k); /* asked once of the tests below */
        if (w == EN_NONE) {
            /* no word of the table: of the tests below only those of
             * years, periods, adverbs and broadcast rates can hold */
            if (!is_year(s, k) && !period(s, k) &&
                !(ends_with(s, k, "ly") && s->t[k].e - s->t[k].s > 4) &&
                !holds(s, k, "-point-"))
                break;
            k = k == 0 ? SIZE_MAX : k - 1;
            continue;
        }
        bool first = s->t[k + 1].type == T_FIG || has_class(s, k + 1, W_HEDGE);
        /* "the total amount received comes to X": a participle after a
         * noun and before the verb belongs to the noun */
        if (*verb && has_class(s, k, W_LINK) && participle(s, k) && k > 0 &&
            has_class(s, k - 1, W_VAGUE))
            break;
        bool passive = has_class(s, k, W_ALLOT) && k > 0 &&
                       has_class(s, k - 1, W_AUX); /* "were allotted" */
        /* "accounts for X", "pay would increase from X to Y" */
        bool verb_of =
            ((w == EN_accounts || w == EN_accounted) &&
             word_is(s, k + 1, EN_for)) ||
            (has_class(s, k, W_CHANGE | W_RAISE) &&
             (word_is(s, k + 1, EN_from) || word_is(s, k + 1, EN_by) ||
              word_is(s, k + 1, EN_to) || rate_back(s, k + 2) == k + 1));
        if (has_class(s, k, W_LINK | W_AUX) || passive || verb_of ||
            (first && (w == EN_total || w == EN_cost) &&
             !has_class(s, k - 1 == SIZE_MAX ? k : k - 1, W_DET))) {
            *verb = true; /* "forecast to total X", "will cost X" */
        } else if (crossed(s, k, w)) {
            /* crossed */
        } else if (ends_with(s, k, "ly") && s->t[k].e - s->t[k].s > 4) {
            /* an adverb: "now finally stands at" */
        } else if (holds(s, k, "-point-")) {
            /* a broadcast rate, "nine-point-four" */
        } else {
            break;
        }
        k = k == 0 ? SIZE_MAX : k - 1;
    }
    return k;
}

/* The first token a phrase for figure token f may use: after the figure
 * before it and after a semicolon or colon (found as the tokens are cut,
 * tokenise()). */
static size_t clause_floor(const sentence *s, size_t f)
{
    return s->t[f].floor;
}

/* A dash standing between words: "—", "―", "–". */
static bool dash(const sentence *s, size_t k)
{
    if (k >= s->n || s->t[k].type != T_PUNCT || s->t[k].e - s->t[k].s != 3)
        return false;
    const unsigned char *p = (const unsigned char *)s->x.t + s->t[k].s;
    return p[0] == 0xE2 && p[1] == 0x80 &&
           (p[2] == 0x94 || p[2] == 0x95 || p[2] == 0x93);
}

/* The head a phrase hangs from when it is the object of a place or part
 * preposition: "project funding within [the general budget] totals X",
 * "damages from [the shutdown] estimated at X", "an export deal for K2
 * tanks with [Poland], valued at X". */
static span head_of_pp(const sentence *s, span p, size_t floor)
{
    if (p.b - p.a > 1 && participle(s, p.b - 1))
        p.b--; /* "payments made" */
    for (int hop = 0; hop < 3 && !empty(p); hop++) {
        size_t a = p.a;
        while (a > floor && has_class(s, a - 1, W_DET))
            a--;
        if (a < floor + 2 || !content(s, a - 2))
            return p;
        unsigned prep = id_of(s, a - 1);
        if (!(prep == EN_within || prep == EN_in || prep == EN_to ||
              prep == EN_by || prep == EN_from || prep == EN_with ||
              prep == EN_across || prep == EN_at))
            return p;
        span q = np_backward(s, a - 2, floor, 2);
        /* "the system made [by LIG Nex1]": past the participle to its
         * noun */
        if (q.b - q.a == 1 && participle(s, q.a) && q.a > floor)
            q = np_backward(s, q.a - 1, floor, 2);
        else if (q.b - q.a > 1 && participle(s, q.b - 1))
            q.b--;
        else if (prep == EN_by)
            return p; /* "by" after a noun is its doer, not its place */
        if (empty(q) || !names(s, q))
            return p; /* "funding to [new platforms]": a vague head */
        p = q;
    }
    return p;
}

/* The noun of the verb at k, or NULL: verbs of money whose noun names
 * what an amount right after them is ("able to save about X" is
 * savings).  A table by the word's name, since it is asked of most
 * figures and most words are none of them. */
static const char *nominal_of(const sentence *s, size_t k)
{
    static const char *const nominal[EN_NONE + 1] = {
        [EN_donate] = "donations",  [EN_donated] = "donations",
        [EN_earn] = "earnings",     [EN_earned] = "earnings",
        [EN_invest] = "investment", [EN_invested] = "investment",
        [EN_save] = "savings",      [EN_saved] = "savings",
    };
    return nominal[id_of(s, k)];
}

/* The token before figure f past its hedges ("save about X"). */
static size_t c_hedged(const sentence *s, size_t f, size_t floor)
{
    size_t k = f - 1;
    while (k > floor && has_class(s, k, W_HEDGE))
        k--;
    return k;
}

/* The subject of the clause that ends at the comma c: the noun phrase
 * before its verb ("The budget's improvement category takes the deepest
 * cuts, losing X").  A verb is a word of the verb classes or an unknown
 * word in -s after a noun ("takes"). */
static span main_subject(const sentence *s, size_t c, size_t floor)
{
    for (size_t k = floor + 1; k < c && k < floor + 16; k++) {
        bool verb = has_class(s, k, W_VERB | W_LINK | W_AUX) ||
                    (is_word(s, k) && !s->t[k].hangul && cls_of(s, k) == 0 &&
                     ends_with(s, k, "s") && content(s, k - 1) &&
                     has_class(s, k + 1, W_DET));
        if (verb)
            return head_of_pp(s, np_backward(s, k - 1, floor, 2), floor);
    }
    return no_span;
}

/* "NP of X", the subject of "NP stands at X", "NP: X", "the launches X". */
static span named_before(const sentence *s, size_t f)
{
    if (f == 0)
        return no_span;
    size_t floor = clause_floor(s, f);
    if (word_is(s, f - 1, EN_of) && f >= 2) {
        span p = np_backward(s, f - 2, floor, 0);
        if (!empty(p) && names(s, p))
            return p;
    }
    if (punct_is(s, f - 1, ':') && f >= 2)
        return np_backward(s, f - 2, floor, 2);
    if (nominal_of(s, c_hedged(s, f, floor)))
        return (span){c_hedged(s, f, floor), c_hedged(s, f, floor) + 1};
    if (f >= 2 && dash(s, f - 1)) /* "exports to China ― X ―" */
        return head_of_pp(s, np_backward(s, f - 2, floor, 2), floor);
    if (f >= 3 && ends_with(s, f - 1, "ing") && punct_is(s, f - 2, ',')) {
        span p = main_subject(s, f - 2, floor);
        if (!empty(p))
            return p; /* "the category takes cuts, losing X" */
    }
    if (punct_is(s, f - 1, '(') && f >= 2) {
        /* "small satellites (X)", "payments made on 10 May 2022 (X)" */
        size_t k = f - 2;
        while (k > floor && (s->t[k].type == T_NUM || punct_is(s, k, ',') ||
                             has_class(s, k, W_TIME) || ends_with(s, k, "ly") ||
                             ((word_is(s, k, EN_on) || word_is(s, k, EN_in)) &&
                              k + 1 < f - 1)))
            k--;
        return head_of_pp(s, np_backward(s, k, floor, 2), floor);
    }
    size_t r = f - 1;
    while (r > floor && has_class(s, r, W_HEDGE | W_DET))
        r--;
    if (word_is(s, r, EN_for) && r > floor && !word_is(s, r - 1, EN_accounts) &&
        !word_is(s, r - 1, EN_accounted)) {
        /* "a budget request for a record X", "an order for X" */
        span p = np_backward(s, r - 1, floor, 1);
        if (!empty(p) && names(s, p))
            return p;
    }
    size_t c = f - 1;
    while (c > floor && (has_class(s, c, W_HEDGE | W_DET) ||
                         word_is(s, c, EN_it) || word_is(s, c, EN_them)))
        c--;
    if ((word_is(s, c, EN_cost) || word_is(s, c, EN_costs)) && c > floor) {
        /* "fuel cost X", "the programme had cost it X" */
        if (content(s, c - 1))
            return head_of_pp(s, np_backward(s, c - 1, floor, 2), floor);
        bool v;
        size_t k = link_back(s, c - 1, floor, &v);
        if (k != SIZE_MAX && k >= floor)
            return np_backward(s, k, floor, 2);
    }
    size_t t = f - 1;
    while (t > floor && has_class(s, t, W_HEDGE))
        t--;
    if ((word_is(s, t, EN_to) || word_is(s, t, EN_at) ||
         word_is(s, t, EN_from)) &&
        t >= 1) {
        /* "lift defense exports to X", "raise pay to nearly X", "put
         * spending in 2012 at X" */
        size_t e = t - 1;
        if (e > floor && (is_year(s, e) || period(s, e)) &&
            word_is(s, e - 1, EN_in))
            e -= 2;
        span p = head_of_pp(s, np_backward(s, e, floor, 1), floor);
        size_t k = p.a;
        while (k > floor && has_class(s, k - 1, W_DET))
            k--;
        if (!empty(p) && k > floor && has_class(s, k - 1, W_RAISE))
            return p;
    }
    bool verb;
    size_t k = link_back(s, f - 1, floor, &verb);
    if (k != SIZE_MAX && k > floor && punct_is(s, k, ',') &&
        ((verb && ends_with(s, k + 1, "ed")) || word_is(s, k + 1, EN_at))) {
        k--; /* "corn, valued at X", "Costs of hosting bases, at about X" */
        verb = true;
        /* "The budget for NP is sizable as well, at X": the copula's
         * subject */
        size_t c = k;
        while (c > floor && k - c < 4 &&
               (has_class(s, c, W_HEDGE | W_PREP) || content(s, c)) &&
               !has_class(s, c, W_AUX))
            c--;
        if (has_class(s, c, W_AUX) && c > floor && c < k)
            k = c - 1;
    }
    if (verb && k != SIZE_MAX && k > floor &&
        has_class(s, k, W_LINK | W_VERB) && participle(s, k) &&
        has_class(s, k - 1, W_VAGUE)) {
        span p = np_backward(s, k - 1, floor, 2);
        if (!empty(p)) {
            p.b = k + 1; /* "the total amount received" */
            return p;
        }
    }
    if (verb && k != SIZE_MAX && k >= floor)
        return head_of_pp(s, np_backward(s, k, floor, 2), floor);
    if (!verb && k != SIZE_MAX && k >= floor && k + 1 < f &&
        (word_is(s, k + 1, EN_at) || word_is(s, k + 1, EN_to))) {
        /* "A were fixed at X, and the budget for B at Y": the verb
         * is left out of the second */
        span p = np_backward(s, k, floor, 2);
        size_t a = p.a;
        while (a > floor && has_class(s, a - 1, W_DET))
            a--;
        if (!empty(p) && a > floor &&
            (word_is(s, a - 1, EN_and) || punct_is(s, a - 1, ',')))
            return p;
    }
    if (content(s, f - 1) && !(cls_of(s, f - 1) & (W_VAGUE | W_TIME))) {
        /* "..., the two launches X": a list that leaves out its verb */
        span p = np_backward(s, f - 1, floor, 2);
        size_t k = p.a;
        while (k > floor && has_class(s, k - 1, W_DET))
            k--;
        bool gerund = (p.b - p.a == 1 && ends_with(s, p.a, "ing")) ||
                      (!empty(p) && ends_with(s, p.b - 1, "ed"));
        if (!empty(p) && !gerund &&
            (k == floor || punct_is(s, k - 1, ',') ||
             word_is(s, k - 1, EN_and)))
            return p;
    }
    return no_span;
}

/* Tokens that may stand between the figures of one list. */
static bool list_filler(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    if (t->type == T_FIG || t->type == T_NUM)
        return true;
    if (t->type == T_PUNCT)
        return punct_is(s, k, ',') || punct_is(s, k, '%') ||
               punct_is(s, k, '(') || punct_is(s, k, ')');
    if (t->hangul)
        return false;
    if (cls_of(s, k) & (W_HEDGE | W_TIME | W_LINK | W_AUX | W_CONJ | W_EACH |
                        W_DET | W_CHANGE))
        return true;
    /* the words a list steps over whatever their class, by name */
    static const bool filler[EN_NONE + 1] = {
        [EN_above] = true,    [EN_below] = true,   [EN_than] = true,
        [EN_compared] = true, [EN_before] = true,  [EN_after] = true,
        [EN_on] = true,       [EN_at] = true,      [EN_to] = true,
        [EN_from] = true,     [EN_in] = true,      [EN_a] = true,
        [EN_by] = true,       [EN_percent] = true,
    };
    return filler[id_of(s, k)] || period(s, k) || ends_with(s, k, "ly") ||
           holds(s, k, "-point-");
}

/* Might a token of (f, f + 40) be "respectively"?  A word of its length
 * and first letter: most sentences have none after f (s->last_r12, noted
 * as the tokens are cut), and that is cheaper to ask than the list before
 * it. */
static bool respectively_after(const sentence *s, size_t f)
{
    if (s->last_r12 == SIZE_MAX || s->last_r12 <= f)
        return false; /* no such word after f: most sentences */
    size_t last = f + 40 < s->n ? f + 40 : s->n;
    for (size_t k = f + 1; k < last; k++)
        if (s->t[k].e - s->t[k].s == 12 &&
            ft_ascii_fold((unsigned char)s->x.t[s->t[k].s]) == 'r')
            return true; /* the type need not be asked of a superset */
    return false;
}

/* "A, B, C and D get W, X, Y and Z respectively": the k-th name of the
 * list before the amounts. */
static span respective(const sentence *s, size_t f)
{
    size_t last = f;
    if (!respectively_after(s, f))
        return no_span;
    for (size_t k = f + 1; k < s->n && k < f + 40; k++) {
        if (word_is(s, k, EN_respectively))
            goto found;
        if (s->t[k].type == T_FIG)
            last = k;
        else if (!list_filler(s, k))
            return no_span;
    }
    return no_span;
found:;
    size_t first = f, count = 0;
    while (first > 0 && list_filler(s, first - 1))
        first--;
    while (first < f && s->t[first].type != T_FIG)
        first++;
    size_t pos = 0;
    for (size_t k = first; k <= last; k++)
        if (s->t[k].type == T_FIG) {
            if (k == f)
                pos = count;
            count++;
        }
    if (count < 2 || count > 16 || first == 0)
        return no_span;
    size_t floor = clause_floor(s, first);
    bool verb;
    size_t k = link_back(s, first - 1, floor, &verb);
    span items[16];
    for (size_t q = count; q-- > 0;) {
        span p = np_backward(s, k, floor, 0);
        if (empty(p) || p.b - p.a > 6)
            return no_span;
        items[q] = p;
        if (q == 0)
            break;
        k = p.a == 0 ? SIZE_MAX : p.a - 1;
        if (punct_is(s, k, ',') && k > 0)
            k--;
        if ((word_is(s, k, EN_and) || word_is(s, k, EN_or)) && k > 0)
            k--;
        if (punct_is(s, k, ',') && k > 0)
            k--;
    }
    return items[pos];
}

/* ----------------------------------------------------------- Korean */

/* Does w[0,n) end with l?  The last byte is tried first: it tells most
 * words from most entries. */
static inline bool ends_in(const char *w, size_t n, ft_lit l)
{
    if (n < l.n || w[n - 1] != l.s[l.n - 1])
        return false;
    /* a few bytes, compared here: a call to memcmp costs more */
    const char *e = w + n - l.n;
    for (size_t i = 0; i + 1 < l.n; i++)
        if (e[i] != l.s[i])
            return false;
    return true;
}

/* The longest particle that ends w[0,n) and is not all of it: its
 * length, or 0.  The particles are grouped by their last syllable, longest
 * first (gen_purpose_slots.c): the word's last syllable finds its group,
 * and the first of the group whose other syllables end the word is the
 * longest.  Most words end in a particle, so the syllable is compared once
 * for the group rather than once for each particle. */
static size_t particle_len(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    const char *last = w + n - 3;
    for (size_t h = ft_purpose_syllable_hash(last);; h++) {
        unsigned g = purpose_particle_group[h & (PURPOSE_PARTICLE_GROUPS - 1)];
        if (g == 0)
            return 0;
        size_t q = g >> 4, end = q + (g & 15);
        ft_lit p = particles[purpose_particle_order[q]];
        const char *syllable = p.s + p.n - 3;
        if (syllable[0] != last[0] || syllable[1] != last[1] ||
            syllable[2] != last[2])
            continue; /* another syllable's group */
        for (; q < end; q++) {
            p = particles[purpose_particle_order[q]];
            if (n <= p.n)
                continue;
            const char *e = w + n - p.n;
            size_t i = 0;
            while (i + 3 < p.n && e[i] == p.s[i])
                i++;
            if (i + 3 >= p.n)
                return p.n;
        }
        return 0;
    }
}

/* Is w[0,n) a particle? */
static bool is_particle(const char *w, size_t n)
{
    if (n < 3)
        return false;
    for (size_t h = ft_purpose_syllable_hash(w + n - 3);; h++) {
        unsigned k = purpose_particle_slot[h & (PURPOSE_PARTICLE_SLOTS - 1)];
        if (k == 0)
            return false;
        if (particles[k - 1].n == n && memcmp(particles[k - 1].s, w, n) == 0)
            return true;
    }
}

/* Is w[0,n) one of korean_skips?  Found by its last syllable, as a
 * particle is. */
static bool is_korean_skip(const char *w, size_t n)
{
    if (n < 3)
        return false;
    for (size_t h = ft_purpose_syllable_hash(w + n - 3);; h++) {
        unsigned k = purpose_skip_slot[h & (PURPOSE_SKIP_SLOTS - 1)];
        if (k == 0)
            return false;
        if (korean_skips[k - 1].n == n &&
            memcmp(korean_skips[k - 1].s, w, n) == 0)
            return true;
    }
}

/* The length of w[0,n) without a trailing particle, the longest that
 * ends it (에서는, not 는). */
static size_t strip_particle(const char *w, size_t n)
{
    return n - particle_len(w, n);
}

/* The length of token k without its particle (strip_particle), worked
 * out once: the Korean tests ask it of a word again and again. */
static size_t stem_len(const sentence *s, size_t k)
{
    token *t = &s->t[k]; /* s->t is not const: the tokens fill in */
    if (t->particle == 0)
        t->particle =
            (unsigned char)(1 + particle_len(s->x.t + t->s, t->e - t->s));
    return t->e - t->s - (t->particle - 1u);
}

static bool has_particle(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    return stem_len(s, k) != t->e - t->s;
}

/* Does w[0,n) hold a domain noun?  Each starts with a Hangul syllable and
 * has two or more (ft_purpose_tables_ok, gen_purpose_slots.c), so only where a
 * syllable starts is one looked for, by the hash of two syllables. */
static bool holds_domain_noun(const char *w, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0xEA || c > 0xED)
            continue;
        for (size_t h = ft_purpose_noun_hash(w + i);; h++) {
            unsigned k = purpose_noun_slot[h & (PURPOSE_NOUN_SLOTS - 1)];
            if (k == 0)
                break;
            ft_lit d = domain_nouns[k - 1];
            if (i + d.n <= n && memcmp(w + i, d.s, d.n) == 0)
                return true;
        }
    }
    return false;
}

static bool is_one_of(const char *w, size_t n, const ft_lit *list, size_t count)
{
    for (size_t q = 0; q < count; q++)
        if (list[q].n == n && memcmp(w, list[q].s, n) == 0)
            return true;
    return false;
}

#define IS_ONE_OF(w, n, list)                                                  \
    is_one_of((w), (n), (list), sizeof(list) / sizeof *(list))

/* A Korean word that only times or hedges: 올해, 2024년에, 약. */
static bool korean_skip(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    const char *w = s->x.t + t->s;
    /* every particle and skip holds Hangul (ft_purpose_tables_ok checks):
     * an English word, most of what is asked, is none of them */
    if (!t->hangul && !ft_ascii_digit((unsigned char)w[0]))
        return false;
    size_t n = stem_len(s, k);
    if (n == 0 || is_particle(w, t->e - t->s))
        return true;
    if (ft_ascii_digit((unsigned char)w[0])) {
        /* "2024년에", "1호봉": a date or a count; "30mm차륜형대공포" is a
         * name */
        size_t i = 0, syllables = 0;
        while (i < n && (ft_ascii_digit((unsigned char)w[i]) || w[i] == ','))
            i++;
        if (i < n && ft_ascii_alpha((unsigned char)w[i]))
            return false;
        for (; i < n; i++)
            syllables += ((unsigned char)w[i] & 0xC0) != 0x80;
        return syllables <= 2;
    }
    size_t whole = t->e - t->s;
    return is_korean_skip(w, n) || (n != whole && is_korean_skip(w, whole));
}

/* A stem left when a particle is cut off a verb: 수출됐(을), 분담하기(로). */
static bool stem_is_verb(const char *w, size_t m)
{
    static const ft_lit stems[] = {
        FT_LIT("\xEB\x90\x90"),
        /* 됐 */ FT_LIT("\xED\x96\x88"), /* 했 */
        FT_LIT("\xEC\x98\x80"),
        /* 였 */ FT_LIT("\xEC\x95\x98"), /* 았 */
        FT_LIT("\xEC\x97\x88"),
        /* 었 */ FT_LIT("\xED\x95\x98\xEA\xB8\xB0"), /* 하기 */
        FT_LIT("\xEB\x90\x98\xEA\xB8\xB0"),          /* 되기 */
    };
    for (size_t q = 0; q < sizeof stems / sizeof *stems; q++)
        if (ends_in(w, m, stems[q]))
            return true;
    return false;
}

/* The same of the word w[0,n), particle and all. */
static bool korean_stem_verb(const char *w, size_t n)
{
    return stem_is_verb(w, strip_particle(w, n));
}

/* korean_verb of a token that is no English word, worked out anew.  Out
 * of line: inlined, its registers were saved on each ask of an English
 * word too. */
__attribute__((noinline)) static bool korean_verb_of(const sentence *s,
                                                     size_t k)
{
    static const ft_lit endings[] = {
        FT_LIT("\xEB\x8B\xA4"),
        /* 다 */ FT_LIT("\xEA\xB3\xA0"), /* 고 */
        FT_LIT("\xEB\xA9\xB0"),
        /* 며 */ FT_LIT("\xEC\x84\x9C"), /* 서 */
        FT_LIT("\xEB\xA9\xB4"),
        /* 면 */ FT_LIT("\xEB\x90\x9C"), /* 된 */
        FT_LIT("\xED\x95\x9C"),
        /* 한 */ FT_LIT("\xEB\x8D\x98"), /* 던 */
        FT_LIT("\xED\x95\xA0"),
        /* 할 */ FT_LIT("\xEB\x90\xA0"), /* 될 */
        FT_LIT("\xEB\x82\x9C"),
        /* 난 */ FT_LIT("\xEC\x93\xB8"), /* 쓸 */
        FT_LIT("\xEC\x9D\xB8"),
        /* 인 */ FT_LIT("\xEC\x9A\xB4"), /* 운 */
        FT_LIT("\xEC\xB3\x90"),
        /* 쳐 */ FT_LIT("\xEC\x95\x84"), /* 아 */
        FT_LIT("\xED\x95\xB4"),
        /* 해 */ FT_LIT("\xEA\xB2\x8C"),    /* 게 */
        FT_LIT("\xEC\x9C\xBC\xEB\x82\x98"), /* 으나 */
        FT_LIT("\xEC\x96\xB4"),
        /* 어 */ FT_LIT("\xEB\x8F\x84\xEB\xA1\x9D"), /* 도록 */
    };
    /* 는 ends a verb after these stems (하는, 되는, 드는, 있는) and a
     * noun's topic otherwise (방위비는) */
    static const ft_lit before_neun[] = {
        FT_LIT("\xED\x95\x98"), /* 하 */ FT_LIT("\xEB\x90\x98"), /* 되 */
        FT_LIT("\xEB\x93\x9C"), /* 드 */ FT_LIT("\xEC\x9E\x88"), /* 있 */
        FT_LIT("\xEC\x97\x86"), /* 없 */ FT_LIT("\xEC\xA3\xBC"), /* 주 */
        FT_LIT("\xEA\xB0\x80"), /* 가 */ FT_LIT("\xEC\x98\xA4"), /* 오 */
    };
    const token *t = &s->t[k];
    const char *w = s->x.t + t->s;
    size_t n = t->e - t->s;
    for (size_t q = 0; q < sizeof endings / sizeof *endings; q++)
        if (ends_in(w, n, endings[q]))
            return true;
    /* "적게는", "하도록은": an adverb under a particle (nouns end in 인
     * or 한 too, so only endings no noun has) */
    static const ft_lit adverbial[] = {
        FT_LIT("\xEA\xB2\x8C"),             /* 게 */
        FT_LIT("\xEC\x9C\xBC\xEB\x82\x98"), /* 으나 */
        FT_LIT("\xEB\x8F\x84\xEB\xA1\x9D"), /* 도록 */
    };
    size_t stem = stem_len(s, k);
    for (size_t q = 0; q < sizeof adverbial / sizeof *adverbial; q++)
        if (stem < n && ends_in(w, stem, adverbial[q]))
            return true;
    if (n >= 6 && memcmp(w + n - 3, "\xEB\x8A\x94", 3) == 0)
        for (size_t q = 0; q < sizeof before_neun / sizeof *before_neun; q++)
            if (memcmp(w + n - 6, before_neun[q].s, 3) == 0)
                return true;
    return stem_is_verb(w, stem);
}

/* A word that is a verb form, not a noun: 늘어난, 된다, 하는, 수출됐을.
 * Worked out once a token: the Korean rules ask it of a word again as
 * they step back through a clause for each figure (about half the asks
 * in the demo articles), and each time it tried up to forty endings and
 * stems. */
static inline bool korean_verb(const sentence *s, size_t k)
{
    token *t = &s->t[k]; /* s->t is not const: the tokens fill in */
    if (t->type == T_WORD && !t->hangul)
        return false; /* every ending and stem is Hangul */
    if (t->verb == 0)
        t->verb = (unsigned char)(1 + korean_verb_of(s, k));
    return t->verb == 2;
}

/* A word that names what money is for: a domain noun or a Latin name
 * such as K9, KF-21 or KAMD. */
static bool korean_announcer(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    const char *w = s->x.t + t->s;
    return IS_ONE_OF(w, stem_len(s, k), korean_announcers);
}

static bool korean_names(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    const char *w = s->x.t + t->s;
    /* a word with no Hangul has no particle, no domain noun and is no
     * announcer: only a Latin name such as K9 can name */
    if (t->type == T_WORD && !t->hangul)
        return ft_ascii_upper((unsigned char)w[0]) && t->e - t->s >= 2;
    size_t n = stem_len(s, k);
    if (n == 0)
        return false;
    /* the announcers are Hangul: a capital opens none, and a word with no
     * domain noun, most of what is asked, need not be looked for in them */
    if (ft_ascii_upper((unsigned char)w[0]) && n >= 2)
        return true;
    return holds_domain_noun(w, n) && !korean_stem_verb(w, n) &&
           !korean_announcer(s, k);
}

/* Write words [a,b] of a Korean phrase, the particle of the last dropped. */
static size_t write_korean(const sentence *s, size_t a, size_t b, char *out,
                           size_t cap)
{
    size_t o = 0;
    for (size_t k = a; k <= b; k++) {
        const token *t = &s->t[k];
        size_t n = k == b ? stem_len(s, k) : t->e - t->s;
        if (o + n + 2 >= cap)
            break;
        if (o > 0)
            out[o++] = ' ';
        memcpy(out + o, s->x.t + t->s, n);
        o += n;
    }
    out[o] = '\0';
    return o;
}

/* "하사의": a genitive joins its noun to the next (하사의 기본급). */
static bool genitive(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    return t->e - t->s > 3 && memcmp(s->x.t + t->e - 3, "\xEC\x9D\x98", 3) == 0;
}

/* 총, 기준, 순수, 전체 qualify the noun they stand with (총 재원, 상병 기준
 * 봉급) but name nothing of their own. */
static bool qualifies(const sentence *s, size_t k)
{
    static const ft_lit words[] = {
        FT_LIT("\xEC\xB4\x9D"),             /* 총 */
        FT_LIT("\xEA\xB8\xB0\xEC\xA4\x80"), /* 기준 */
        FT_LIT("\xEC\x88\x9C\xEC\x88\x98"), /* 순수 */
        FT_LIT("\xEC\xA0\x84\xEC\xB2\xB4"), /* 전체 */
    };
    return IS_ONE_OF(s->x.t + s->t[k].s, s->t[k].e - s->t[k].s, words);
}

/* The noun words before word k that belong to its phrase (병장 월급은). */
static size_t korean_compound(const sentence *s, size_t k, size_t floor)
{
    size_t a = k;
    while (a > floor && k - a < 3 && is_word(s, a - 1) &&
           (s->t[a - 1].hangul || korean_names(s, a - 1)) &&
           s->t[a].s > s->t[a - 1].e &&
           (!has_particle(s, a - 1) || genitive(s, a - 1)) &&
           (!korean_skip(s, a - 1) || qualifies(s, a - 1)) &&
           !korean_verb(s, a - 1))
        a--;
    return a;
}

/* Korean nouns too general to name a purpose alone (예산, 사업비): a
 * more specific name in the sentence wins over them. */
static const ft_lit korean_vague[] = {
    FT_LIT("\xEC\x98\x88\xEC\x82\xB0"),             /* 예산 */
    FT_LIT("\xEC\x82\xAC\xEC\x97\x85\xEB\xB9\x84"), /* 사업비 */
    FT_LIT("\xEC\x82\xAC\xEC\x97\x85"),             /* 사업 */
    FT_LIT("\xEA\xB3\x84\xED\x9A\x8D"),             /* 계획 */
    FT_LIT("\xEC\x9E\xAC\xEC\x9B\x90"),             /* 재원 */
    FT_LIT("\xEA\xB3\x84\xEC\x95\xBD"),             /* 계약 */
    FT_LIT("\xEA\xB3\x84\xEC\x95\xBD\xEC\x95\xA1"), /* 계약액 */
    FT_LIT("\xEA\xB0\x80\xEA\xB2\xA9"),             /* 가격 */
    FT_LIT("\xEB\x8B\xA8\xEA\xB0\x80"),             /* 단가 */
    FT_LIT("\xEA\xB8\x88\xEC\x95\xA1"),             /* 금액 */
    FT_LIT("\xEC\x95\xA1\xEC\x88\x98"),             /* 액수 */
    FT_LIT("\xEA\xB7\x9C\xEB\xAA\xA8"),             /* 규모 */
    FT_LIT("\xEC\xB4\x9D\xEC\x95\xA1"),             /* 총액 */
    FT_LIT("\xEA\xB8\xB0\xEA\xB8\x88"),             /* 기금 */
};

static bool korean_is_vague(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    const char *w = s->x.t + t->s;
    return IS_ONE_OF(w, stem_len(s, k), korean_vague);
}

/* A bare noun right before an amount names it in a list ("방독면△200억원",
 * "교류협력 지원 21억원"); so does one marked by 에/에는 ("킬 체인에는 X"). */
static bool korean_marks(const sentence *s, size_t j, size_t f)
{
    static const ft_lit bases[] = {
        FT_LIT("\xEB\x8D\xB0"),             /* 데 */
        FT_LIT("\xEB\xB9\x84\xED\x95\xB4"), /* 비해 */
        FT_LIT("\xEB\x8C\x80\xEB\xB9\x84"), /* 대비 */
        FT_LIT("\xEA\xB8\xB0\xEC\xA4\x80"), /* 기준 */
    };
    for (size_t k = j + 1; k < f; k++) {
        if ((s->t[k].type == T_WORD && !korean_skip(s, k)) ||
            s->t[k].type == T_NUM || s->t[k].type == T_FIG ||
            punct_is(s, k, ','))
            return false; /* "보강(19,470억원)", "에이브럼스(약 X)" name it */
        /* "모델에 비해 X", "수주금액 기준 X": a base or a measure; "갖추는
         * 데 X": a purpose clause, not a noun */
        if (s->t[k].type == T_WORD &&
            IS_ONE_OF(s->x.t + s->t[k].s, s->t[k].e - s->t[k].s, bases))
            return false;
    }
    const token *t = &s->t[j];
    const char *w = s->x.t + t->s;
    size_t n = t->e - t->s;
    static const ft_lit marks[] = {
        FT_LIT("\xEC\x97\x90"),             /* 에 */
        FT_LIT("\xEC\x97\x90\xEB\x8A\x94"), /* 에는 */
    };
    if (korean_announcer(s, j))
        return false;
    /* "킬 체인에는 X": the noun marked right before */
    for (size_t q = 0; q < sizeof marks / sizeof *marks; q++)
        if (n > marks[q].n && ends_in(w, n, marks[q]))
            return t->hangul && !korean_verb(s, j);
    /* "파급효과는 X": a topic of two syllables or more (같은, 적은 are
     * verbs of one) */
    static const ft_lit topics[] = {
        FT_LIT("\xEC\x9D\x80"), /* 은 */ FT_LIT("\xEB\x8A\x94"), /* 는 */
    };
    for (size_t q = 0; q < sizeof topics / sizeof *topics; q++)
        if (n >= 9 && memcmp(w + n - 3, topics[q].s, 3) == 0)
            return t->hangul && !korean_verb(s, j) &&
                   !stem_is_verb(w, stem_len(s, j)) && !korean_is_vague(s, j);
    return t->hangul && !has_particle(s, j) && !korean_verb(s, j);
}

/* "1명당", "대당": per head, per unit. */
static bool per_unit(const sentence *s, size_t k)
{
    if (!is_word(s, k) || !s->t[k].hangul)
        return false;
    static const ft_lit counters[] = {
        FT_LIT("\xEB\xAA\x85"), /* 명 */ FT_LIT("\xEB\x8C\x80"), /* 대 */
        FT_LIT("\xEC\x9D\xB8"), /* 인 */ FT_LIT("\xEA\xB0\x9C"), /* 개 */
        FT_LIT("\xEB\xB0\x9C"), /* 발 */ FT_LIT("\xEC\xB2\x99"), /* 척 */
        FT_LIT("\xEB\xAC\xB8"), /* 문 */ FT_LIT("\xEA\xB8\xB0"), /* 기 */
    };
    const token *t = &s->t[k];
    const char *e = s->x.t + t->e;
    if (t->e - t->s < 6 || memcmp(e - 3, "\xEB\x8B\xB9", 3) != 0) /* 당 */
        return false;
    for (size_t q = 0; q < sizeof counters / sizeof *counters; q++)
        if (memcmp(e - 6, counters[q].s, 3) == 0)
            return true;
    return false;
}

/* Does word k end in an object particle (을, 를)? */
static bool object_marked(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    const char *e = s->x.t + t->e;
    return t->e - t->s > 3 && (memcmp(e - 3, "\xEC\x9D\x84", 3) == 0 ||
                               memcmp(e - 3, "\xEB\xA5\xBC", 3) == 0);
}

/* Does word k end in 으로 or 로 (as what)? */
static bool as_marked(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    return t->e - t->s > 3 &&
           memcmp(s->x.t + t->e - 3, "\xEB\xA1\x9C", 3) == 0; /* 로 */
}

/* "분담액인": a noun of two syllables or more with the copula 인, naming
 * what the amount after it is. */
static bool copula_noun(const sentence *s, size_t k)
{
    const token *t = &s->t[k];
    const char *w = s->x.t + t->s;
    size_t n = t->e - t->s;
    return n >= 9 && memcmp(w + n - 3, "\xEC\x9D\xB8", 3) == 0 && /* 인 */
           holds_domain_noun(w, n - 3) && !korean_stem_verb(w, n - 3) &&
           !korean_announcer(s, k);
}

static size_t korean_purpose(const sentence *s, size_t f, char *out, size_t cap)
{
    /* "X의 사업비", "월 8만원인 주택수당" */
    size_t k = f + 1, vague = SIZE_MAX, vague_from = 0;
    static const ft_lit sized[] = {
        FT_LIT("\xEA\xB7\x9C\xEB\xAA\xA8\xEC\x9D\x98"), /* 규모의 */
        FT_LIT("\xEA\xB7\x9C\xEB\xAA\xA8\xEC\x9D\xB8"), /* 규모인 */
        FT_LIT("\xEC\x83\x81\xEB\x8B\xB9\xEC\x9D\x98"), /* 상당의 */
    };
    if (is_word(s, k) && is_word(s, k + 1) &&
        IS_ONE_OF(s->x.t + s->t[k].s, s->t[k].e - s->t[k].s, sized) &&
        korean_names(s, k + 1) && !korean_is_vague(s, k + 1))
        return write_korean(s, k + 1, k + 1, out, cap); /* "X 규모인 장갑차" */
    if (is_word(s, k) && s->t[k].hangul && s->t[k].s == s->t[f].e) {
        static const ft_lit links[] = {
            FT_LIT("\xEC\x9D\x98"), /* 의 */ FT_LIT("\xEC\x9D\xB8"), /* 인 */
            FT_LIT("\xEC\xA7\x9C\xEB\xA6\xAC"), /* 짜리 */
        };
        const char *w = s->x.t + s->t[k].s;
        if (IS_ONE_OF(w, s->t[k].e - s->t[k].s, links) && is_word(s, k + 1) &&
            korean_names(s, k + 1)) {
            if (!korean_is_vague(s, k + 1))
                return write_korean(s, k + 1, k + 1, out, cap);
            vague = vague_from = k + 1;
        }
    }
    /* "X 이내에서 자기개발비를 준다": the object the amount is given as */
    size_t o = f + 1;
    while (o < f + 3 && is_word(s, o) && s->t[o].hangul && korean_skip(s, o))
        o++;
    if (is_word(s, o) && s->t[o].hangul && object_marked(s, o) &&
        korean_names(s, o) && !korean_is_vague(s, o) && !korean_verb(s, o))
        return write_korean(s, o, o, out, cap);
    /* the word right before the amount: "분담액인 X" (which is the
     * share), "마지노선으로 내세운 X" (put forward as the ceiling) */
    if (f >= 1 && is_word(s, f - 1) && s->t[f - 1].hangul) {
        size_t b = f - 1;
        if (copula_noun(s, b)) {
            size_t n = s->t[b].e - s->t[b].s - 3; /* without 인 */
            if (n + 1 > cap)
                n = cap - 1;
            memcpy(out, s->x.t + s->t[b].s, n);
            out[n] = '\0';
            return n;
        }
        if (b >= 1 && korean_verb(s, b) && is_word(s, b - 1) &&
            s->t[b - 1].hangul && as_marked(s, b - 1) && !korean_skip(s, b - 1))
            return write_korean(s, b - 1, b - 1, out, cap);
    }
    /* back through the clause, across the figures of a comparison
     * ("월급은 올해(X)에 비해 Y 인상된 Z로"); past a comma only the
     * sentence's topic ("병사 봉급이 33% 올라, 올해 월 X에서") */
    size_t floor = f > 60 ? f - 60 : 0;
    bool crossed = false;
    for (size_t j = f; j > floor;) {
        j--;
        if (punct_is(s, j, '.') || punct_is(s, j, ';'))
            break;
        if (punct_is(s, j, ',')) {
            crossed = true;
            continue;
        }
        if (!is_word(s, j) || korean_skip(s, j) || per_unit(s, j + 1))
            continue; /* "병사 1명당 X": the unit counted, not the purpose */
        bool named = (korean_names(s, j) && !korean_verb(s, j)) ||
                     (!crossed && vague == SIZE_MAX && korean_marks(s, j, f));
        if (!named)
            continue;
        if (korean_is_vague(s, j) && vague == SIZE_MAX) {
            size_t a = korean_compound(s, j, floor);
            for (size_t m = a; m < j; m++)
                if (!qualifies(s, m) && !korean_is_vague(s, m))
                    return write_korean(s, a, j, out, cap); /* 인권 사업비 */
            vague = j; /* "총 사업비 X": look for the programme first */
            vague_from = a;
            continue;
        }
        if (korean_is_vague(s, j))
            continue;
        return write_korean(s, korean_compound(s, j, floor), j, out, cap);
    }
    if (vague != SIZE_MAX)
        return write_korean(s, vague_from, vague, out, cap);
    return 0;
}

/* ------------------------------------------------------------ entry */

/* Does the text of figure fig hold a Hangul syllable ("3조원")? */
static bool figure_hangul(ft_view x, const ft_figure *fig)
{
    const unsigned char *u = (const unsigned char *)x.t;
    size_t end = fig->end < x.len ? fig->end : x.len;
    size_t i = fig->start;
    /* most figures are ASCII: sixteen bytes at a time while they are, the
     * lanes past the figure's end left out, so that a figure of up to
     * sixteen bytes takes one test and no branch per byte (the bytes
     * loaded are in the text: i + 16 <= x.len; a syllable cannot start
     * before i, whose bytes were ASCII) */
    while (i < end && i + 16 <= x.len) {
        uint32_t high = ft_bits16(ft_load16(u + i));
        if (end - i < 16)
            high &= (1u << (end - i)) - 1;
        if (high)
            break;
        i += 16;
    }
    for (; i < end; i++)
        if (u[i] >= 0xEA && hangul_at(x, i))
            return true;
    return false;
}

static bool korean_near(const sentence *s, size_t f)
{
    for (size_t k = f > 2 ? f - 2 : 0; s->hangul && k <= f + 2 && k < s->n; k++)
        if (k != f && is_word(s, k) && s->t[k].hangul)
            return true;
    return figure_hangul(s->x, &s->figs[s->t[f].fig]);
}

/* "This is 6% more than ...", "이는 ... 늘어난 액수다": a sentence that
 * opens by pointing back at the amount before it. */
static bool opens_with_anaphor(const sentence *s)
{
    static const ft_lit korean[] = {
        FT_LIT("\xEC\x9D\xB4\xEB\x8A\x94"),             /* 이는 */
        FT_LIT("\xEA\xB7\xB8\xEC\xA4\x91"),             /* 그중 */
        FT_LIT("\xEC\x9D\xB4\xEA\xB2\x83\xEC\x9D\x80"), /* 이것은 */
    };
    if (s->n == 0 || !s->at_sentence_start)
        return false;
    const token *t = &s->t[0];
    if (t->type != T_WORD)
        return false;
    if (t->hangul)
        return IS_ONE_OF(s->x.t + t->s, t->e - t->s, korean);
    return word_is(s, 0, EN_this) || word_is(s, 0, EN_that) ||
           word_is(s, 0, EN_it) ||
           (word_is(s, 0, EN_the) && has_class(s, 1, W_VAGUE) &&
            !is_word(s, 2)); /* "The amount would mark ..." */
}

/* The first word of a phrase in the singular: each amount of a list read
 * with "respectively" is one rank's or one item's ("sergeants" ->
 * "sergeant", "privates first class" -> "private first class"). */
static void singular_head(char *p)
{
    size_t n = strcspn(p, " ");
    if (n > 3 && p[n - 1] == 's' && p[n - 2] != 's' && p[n - 2] != 'u' &&
        p[n - 2] != 'i' && p[n - 2] != '\'')
        memmove(p + n - 1, p + n, strlen(p + n) + 1);
}

/* Does figure f only go on with the list of the figure before it ("from X
 * in 2006 to Y in 2007", "100만원, 2024년에 125만원")? */
static bool continues_list(const sentence *s, size_t f)
{
    for (size_t k = f; k > 0;) {
        k--;
        if (s->t[k].type == T_FIG)
            return true;
        bool filler = s->t[k].type == T_WORD && s->t[k].hangul
                          ? korean_skip(s, k)
                          : list_filler(s, k);
        if (!filler)
            return false;
    }
    return false;
}

/* The tokens of the last window cut, kept for the next figure: the
 * figures of one sentence mostly share their window (the whole sentence),
 * so its words are cut and looked up once for all of them (in the
 * synthetic corpus and the demo articles no window is cut twice).  The
 * whole window is cut, though the constructions read about half of its
 * tokens and none past the sixth after the figure: cutting on only as far
 * as they ask saved tokenise a tenth and cost the constructions more than
 * that, each look at a token then asking whether it was cut. */
struct ft_purpose_words {
    const char *text; /* the window's article; NULL before the first cut */
    size_t len;
    const ft_figure *figs;
    size_t nfigs;
    size_t a, b; /* the window cut */
    sentence s;
    token t[MAX_TOKENS];
};

ft_purpose_words *ft_purpose_words_new(void)
{
    ft_purpose_words *w = malloc(sizeof *w);
    if (w)
        w->text = NULL;
    return w;
}

void ft_purpose_words_free(ft_purpose_words *w)
{
    free(w);
}

void ft_purpose_with_words(void (*fn)(ft_purpose_words *words, void *ctx),
                           void *ctx)
{
    ft_purpose_words w; /* as ft_purpose_of keeps its own */
    w.text = NULL;
    fn(&w, ctx);
}

/* The tokens of window [a,b) of the article, drawn around figure own,
 * cut unless they are the ones cut last. */
static const sentence *cut(ft_purpose_words *w, const char *text, size_t len,
                           const ft_figure *figs, size_t n, size_t a, size_t b,
                           bool at_sentence_start, size_t own)
{
    if (w->text == text && w->len == len && w->figs == figs && w->nfigs == n &&
        w->a == a && w->b == b)
        return &w->s;
    w->text = text;
    w->len = len;
    w->figs = figs;
    w->nfigs = n;
    w->a = a;
    w->b = b;
    w->s.t = w->t;
    w->s.x = (ft_view){text, len};
    w->s.figs = figs;
    w->s.nfigs = n;
    w->s.at_sentence_start = at_sentence_start;
    tokenise(&w->s, a, b, own);
    return &w->s;
}

/* A rule found phrase p, written to out: one word that names an action
 * gives its noun instead ("save X": savings). */
static ft_purpose found(const sentence *s, span p, char *out, size_t cap)
{
    const char *noun = p.b - p.a == 1 ? nominal_of(s, p.a) : NULL;
    if (noun)
        snprintf(out, cap, "%s", noun);
    return FT_PURPOSE_FOUND;
}

ft_purpose ft_purpose_of(const char *text, size_t len, const ft_figure *figs,
                         size_t n, size_t i, char *out, size_t cap)
{
    ft_purpose_words w; /* one figure: nothing to keep */
    w.text = NULL;
    return ft_purpose_of_in(&w, text, len, figs, n, i, out, cap);
}

ft_purpose ft_purpose_of_in(ft_purpose_words *words, const char *text,
                            size_t len, const ft_figure *figs, size_t n,
                            size_t i, char *out, size_t cap)
{
    out[0] = '\0';
    if (i >= n || n > UINT_MAX || cap < 2) /* a token's fig is unsigned */
        return FT_PURPOSE_NONE;
    const ft_figure *fig = &figs[i];
    size_t a = fig->start > WINDOW ? fig->start - WINDOW : 0;
    size_t b = fig->end + WINDOW < len ? fig->end + WINDOW : len;
    if (a < fig->sent_start)
        a = fig->sent_start;
    if (b > fig->sent_end && fig->sent_end > fig->end)
        b = fig->sent_end;
    const sentence *s =
        cut(words, text, len, figs, n, a, b, a == fig->sent_start, i);
    size_t f = SIZE_MAX;
    for (size_t k = s->first_fig; k < s->n && f == SIZE_MAX; k++)
        if (s->t[k].type == T_FIG && s->t[k].fig == i)
            f = k; /* a figure has one token at most */
    if (f == SIZE_MAX)
        return FT_PURPOSE_NONE;
    if (korean_near(s, f) && korean_purpose(s, f, out, cap))
        return FT_PURPOSE_FOUND;
    /* the rules by name, in order of how surely they name a purpose: a
     * table of function pointers cost an indirect branch each, most of
     * them mispredicted */
    span p = respective(s, f);
    if (!empty(p) && write_phrase(s, p, out, cap)) {
        singular_head(out); /* "privates first class" */
        return found(s, p, out, cap);
    }
    p = purpose_after(s, f);
    if (!empty(p) && write_phrase(s, p, out, cap))
        return found(s, p, out, cap);
    p = modified_by(s, f);
    if (!empty(p) && write_phrase(s, p, out, cap))
        return found(s, p, out, cap);
    p = named_before(s, f);
    if (!empty(p) && write_phrase(s, p, out, cap))
        return found(s, p, out, cap);
    return continues_list(s, f) || opens_with_anaphor(s) ? FT_PURPOSE_AS_BEFORE
                                                         : FT_PURPOSE_NONE;
}

size_t ft_purpose_korean_stem(const char *w, size_t n)
{
    return strip_particle(w, n);
}

/* ft_purpose_korean_names of a word whose stem is w[0,m). */
static bool stem_names(const char *w, size_t m)
{
    return m > 0 && holds_domain_noun(w, m) &&
           !stem_is_verb(w, m) && /* korean_stem_verb, its stem at hand */
           !IS_ONE_OF(w, m, korean_announcers);
}

bool ft_purpose_korean_names(const char *w, size_t n)
{
    return stem_names(w, strip_particle(w, n));
}

bool ft_purpose_korean_stem_names(const char *w, size_t m)
{
    return stem_names(w, m) && !IS_ONE_OF(w, m, korean_vague);
}

/* Whether a table word holds a Hangul syllable (what korean_skip's quick
 * test for English words takes for granted). */
static bool holds_hangul(ft_lit w)
{
    for (size_t i = 0; i < w.n; i++)
        if (hangul_at((ft_view){w.s, w.n}, i))
            return true;
    return false;
}

bool ft_purpose_tables_ok(const char **bad)
{
    /* each word is spelt in lower case (the look-up folds the text's word,
     * not the table's) and is found as written and in capitals ("FOR"),
     * followed by other letters (sixteen bytes loaded) and at the end of
     * its buffer (a copy); with a letter more or one less it is not that
     * word (the zero padding and the lanes kept tell the lengths apart) */
    /* word_id tries a word longer than any as one of length 0 */
    for (size_t c = 0; c < 32; c++)
        if (purpose_word_shapes[0][c]) {
            *bad = "(a word of length 0)";
            return false;
        }
    for (size_t k = 0; k < EN_COUNT; k++) {
        /* up: the word in capitals, then more letters; at_end: the same
         * word as the last bytes of an array, so that a read past them
         * is one past the array (AddressSanitizer sees it in the tests) */
        char up[32], at_end[32];
        size_t n = strlen(words[k].word);
        memset(up, 'S', sizeof up);
        for (size_t i = 0; i < n && i < sizeof up; i++)
            up[i] = (char)(ft_ascii_lower((unsigned char)words[k].word[i])
                               ? words[k].word[i] - 32
                               : words[k].word[i]);
        /* look_up takes a word of the table for no period (its content
         * is the table's) */
        if (n > PURPOSE_WORD_LONGEST ||
            strspn(words[k].word, "abcdefghijklmnopqrstuvwxyz-") != n ||
            period_bytes(words[k].word, n)) {
            *bad = words[k].word;
            return false;
        }
        memcpy(at_end + sizeof at_end - n, up, n);
        if (word_id(words[k].word, n, sizeof words[k].word) != k ||
            word_id(up, n, sizeof up) != k ||
            word_id(at_end + sizeof at_end - n, n, n) != k ||
            word_id(up, n + 1, sizeof up) == k ||
            (n > 1 && word_id(up, n - 1, sizeof up) == k)) {
            *bad = words[k].word;
            return false;
        }
    }
    /* each particle is one by itself and is stripped whole from a noun */
    for (size_t k = 0; k < sizeof particles / sizeof *particles; k++) {
        char w[32];
        size_t m = particles[k].n;
        memcpy(w, "\xEA\xB5\xAD", 3); /* 국 */
        memcpy(w + 3, particles[k].s, m);
        if (!is_particle(particles[k].s, m) || strip_particle(w, m + 3) != 3) {
            *bad = particles[k].s;
            return false;
        }
    }
    /* holds_domain_noun looks for a noun where a syllable starts */
    for (size_t k = 0; k < sizeof domain_nouns / sizeof *domain_nouns; k++)
        if (!hangul_at((ft_view){domain_nouns[k].s, domain_nouns[k].n}, 0) ||
            !holds_domain_noun(domain_nouns[k].s, domain_nouns[k].n)) {
            *bad = domain_nouns[k].s;
            return false;
        }
    for (size_t k = 0; k < sizeof korean_skips / sizeof *korean_skips; k++)
        if (!is_korean_skip(korean_skips[k].s, korean_skips[k].n) ||
            !holds_hangul(korean_skips[k])) {
            *bad = korean_skips[k].s;
            return false;
        }
    for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
        if (!holds_hangul(particles[k])) {
            *bad = particles[k].s;
            return false;
        }
    return true;
}
