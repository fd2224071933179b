/* subject.c — what each figure pays for (see subject.h).
 *
 * One pass over the article collects subject phrases in text order:
 * capitalised names that end in a word for something money pays for
 * ("the Inter-Korean Cooperation Fund", "the Special Measures Agreement"),
 * acronyms ("AKJCCS", "KF-21"), common budget lines ("the defence
 * budget"), Hangul nouns found in the alias table or ending in 예산, 기금,
 * 사업, and back-references ("the fund", "its budget", "the project") that
 * stand for the last name of a matching kind.  An acronym is joined to
 * the name whose initials it spells.  Each figure then takes the best
 * phrase of its sentence: no strong clause break between them, a name
 * before a budget line before a plain noun phrase, the nearest.
 * Back-references never reach across the stories of a scraped feed.
 */
#include "subject.h"

#include "purpose.h"

#include "phrase.h"
#include "text.h"

#include <csv.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
/* AVX2 where gcc or clang can ask the processor for it (classify64) */
#if defined(__x86_64__) && defined(__GNUC__)
#define FT_AVX2 1
#include <immintrin.h>
#else
#define FT_AVX2 0
#endif

/* ------------------------------------------------------------ aliases */

typedef struct {
    char *key;       /* normalised alias */
    char *canonical; /* as the user wrote it */
} alias;

/* The word lists below, indexed once (see word_index_new). */
typedef struct word_index word_index;
static word_index *word_index_new(void);

/* Slots of the tables by the first two bytes of a word or key. */
#define PAIR_SLOTS 1024

/* The slot of the word or key w[0,n) by the low five bits of its first
 * two bytes (a letter's either case): words that share one share no
 * more than that, and most words of an article share none with the few
 * a table holds. */
static size_t pair_slot(const char *w, size_t n)
{
    return (size_t)((unsigned char)w[0] & 31) << 5 |
           (n >= 2 ? (unsigned char)w[1] & 31 : 0);
}

struct ft_subjects {
    alias *items; /* in the order added */
    size_t len, cap;
    /* the items by key_hash, open addressing: 1 + index in items, 0 for
     * none; a power of two, at least twice the items */
    unsigned *slots;
    size_t nslots;
    /* by first byte of a key, a bit for its length (mod 64): most names
     * looked up have no alias, and this says so at once */
    unsigned long long key_lengths[256];
    /* the same by the first two bytes (pair_slot) */
    unsigned long long key_pairs[PAIR_SLOTS];
    word_index *words; /* read-only once built: threads share it */
};

/* May k[0,n) (n > 0) be a key of s?  False says it is none. */
static bool may_be_key(const struct ft_subjects *s, const char *k, size_t n)
{
    return (s->key_lengths[(unsigned char)k[0]] >> (n & 63) & 1) &&
           (s->key_pairs[pair_slot(k, n)] >> (n & 63) & 1);
}

ft_subjects *ft_subjects_new(void)
{
    ft_subjects *s = calloc(1, sizeof(ft_subjects));
    if (s && !(s->words = word_index_new())) {
        free(s);
        return NULL;
    }
    return s;
}

void ft_subjects_free(ft_subjects *s)
{
    if (!s)
        return;
    free(s->words);
    for (size_t i = 0; i < s->len; i++) {
        free(s->items[i].key);
        free(s->items[i].canonical);
    }
    free(s->items);
    free(s->slots);
    free(s);
}

/* Does the phrase p start with the letters of w[0,n), any case? */
static bool starts_folded(const char *p, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] == '\0' || ft_ascii_fold((unsigned char)p[i]) !=
                                ft_ascii_fold((unsigned char)w[i]))
            return false;
    return true;
}

/* The look-up form of a name: lower case, single spaces, no leading
 * "the", no trailing "'s".  Writes at most cap bytes with the NUL;
 * returns the length. */
static size_t normalise(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    bool space = false;
    size_t i = 0;
    while (i < n && ft_ascii_space((unsigned char)s[i]))
        i++;
    if (n - i > 4 && ft_ascii_fold((unsigned char)s[i]) == 't' &&
        ft_ascii_fold((unsigned char)s[i + 1]) == 'h' &&
        ft_ascii_fold((unsigned char)s[i + 2]) == 'e' && s[i + 3] == ' ')
        i += 4;
    for (; i < n && o + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ft_ascii_space(c)) {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = false;
        out[o++] = (char)ft_ascii_fold(c);
    }
    if (o >= 2 && out[o - 2] == '\'' && out[o - 1] == 's')
        o -= 2;
    out[o] = '\0';
    return o;
}

#define KEY_MAX 256

/* Where a key k[0,n) is looked for among the slots: a hash of all its
 * bytes, eight at a time (the last eight overlap the ones before when n
 * is no multiple of eight: all are inside the key).  Not of a few of
 * them: keys that differ only in the middle ("national defense budget",
 * "national defence budget", or a user's table of "fund number 000123
 * of the plan") then all fell on one slot, and adding or looking up each
 * cost a walk over the others.  The shifts bring each byte's bits, which
 * a product only carries upwards, down to the low bits the slots use. */
static size_t key_hash(const char *k, size_t n)
{
    const uint64_t mul = 0x9E3779B97F4A7C15ull;
    uint64_t h = 14695981039346656037ull ^ n;
    if (n < 8) {
        uint64_t v = 0;
        for (size_t i = 0; i < n; i++)
            v = v << 8 | (unsigned char)k[i];
        h = (h ^ v) * mul;
    } else {
        for (size_t i = 0;; i += 8) {
            uint64_t v;
            memcpy(&v, k + (i + 8 < n ? i : n - 8), 8);
            h = (h ^ v) * mul;
            if (i + 8 >= n)
                break;
            h ^= h >> 32;
        }
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    return (size_t)(h ^ h >> 29);
}

/* The slot of the key k[0,n) (k[n] == '\0'), or the empty one where it
 * would go (s->nslots > 0). */
static size_t find_slot(const ft_subjects *s, const char *k, size_t n)
{
    size_t mask = s->nslots - 1;
    for (size_t i = key_hash(k, n) & mask;; i = (i + 1) & mask)
        if (!s->slots[i] || strcmp(s->items[s->slots[i] - 1].key, k) == 0)
            return i;
}

/* Room in the slots for one more item; false when out of memory. */
static bool slots_room(ft_subjects *s)
{
    if (2 * (s->len + 1) <= s->nslots)
        return true;
    size_t n = s->nslots ? 2 * s->nslots : 64;
    if (n > UINT_MAX || n > SIZE_MAX / sizeof *s->slots)
        return false;
    unsigned *slots = calloc(n, sizeof *slots);
    if (!slots)
        return false;
    free(s->slots);
    s->slots = slots;
    s->nslots = n;
    for (size_t i = 0; i < s->len; i++) {
        const char *k = s->items[i].key;
        s->slots[find_slot(s, k, strlen(k))] = (unsigned)(i + 1);
    }
    return true;
}

ft_status ft_subjects_add(ft_subjects *s, const char *name,
                          const char *canonical)
{
    char key[KEY_MAX];
    if (normalise(name, strlen(name), key, sizeof key) == 0)
        return FT_OK;
    size_t n = strlen(key);
    if (s->nslots) {
        unsigned at_ = s->slots[find_slot(s, key, n)];
        if (at_) {
            char *c = strdup(canonical); /* later files win */
            if (!c)
                return FT_ENOMEM;
            free(s->items[at_ - 1].canonical);
            s->items[at_ - 1].canonical = c;
            return FT_OK;
        }
    }
    void *items = s->items;
    if (!slots_room(s) ||
        ft_grow(&items, &s->cap, s->len, sizeof *s->items, 64) != FT_OK)
        return FT_ENOMEM;
    s->items = items;
    alias a = {strdup(key), strdup(canonical)};
    if (!a.key || !a.canonical) {
        free(a.key);
        free(a.canonical);
        return FT_ENOMEM;
    }
    s->items[s->len++] = a;
    s->slots[find_slot(s, key, n)] = (unsigned)s->len;
    s->key_lengths[(unsigned char)key[0]] |= 1ull << (n & 63);
    s->key_pairs[pair_slot(key, n)] |= 1ull << (n & 63);
    return FT_OK;
}

/* The canonical name of a key k[0,n) (normalised, k[n] == '\0'), or
 * NULL. */
static const char *canonical_of_key(const ft_subjects *s, const char *k,
                                    size_t n)
{
    if (n == 0 || !may_be_key(s, k, n))
        return NULL; /* (and so with no items, no slots) */
    unsigned i = s->slots[find_slot(s, k, n)];
    return i ? s->items[i - 1].canonical : NULL;
}

const char *ft_subjects_canonical(const ft_subjects *s, const char *name,
                                  size_t n)
{
    if (!s)
        return NULL;
    char key[KEY_MAX];
    return canonical_of_key(s, key, normalise(name, n, key, sizeof key));
}

/* Loading: libcsv calls back per field and per row. */
typedef struct {
    ft_subjects *s;
    char field[2][KEY_MAX];
    size_t nfields;
    long line;
    bool too_long;
    ft_status status;
    long bad_line;
} loader;

static void on_field(void *data, size_t n, void *ctx)
{
    loader *l = ctx;
    if (l->nfields < 2) {
        if (n >= KEY_MAX) {
            l->too_long = true;
            n = KEY_MAX - 1;
        }
        memcpy(l->field[l->nfields], data ? data : "", n);
        l->field[l->nfields][n] = '\0';
    }
    l->nfields++;
}

static bool blank(const char *s)
{
    while (ft_ascii_space((unsigned char)*s))
        s++;
    return *s == '\0';
}

static void on_row(int term, void *ctx)
{
    (void)term;
    loader *l = ctx;
    l->line++;
    size_t n = l->nfields;
    l->nfields = 0;
    if (l->status != FT_OK)
        return;
    if (n == 1 && blank(l->field[0]))
        return; /* an empty line */
    if (n != 2 || l->too_long || blank(l->field[0]) || blank(l->field[1])) {
        l->status = FT_ECONFIG;
        l->bad_line = l->line;
        return;
    }
    if (l->line == 1 && strcmp(l->field[0], "alias") == 0 &&
        strcmp(l->field[1], "canonical") == 0)
        return; /* the header */
    if (ft_subjects_add(l->s, l->field[0], l->field[1]) != FT_OK)
        l->status = FT_ENOMEM;
}

ft_status ft_subjects_load(ft_subjects *s, const char *path, ft_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        ft_error_set(err, FT_ENOINPUT, "cannot open the subjects file");
        ft_error_at(err, path, 0);
        return FT_ENOINPUT;
    }
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
        fclose(f);
        return ft_error_set(err, FT_ENOMEM, "out of memory");
    }
    loader l = {.s = s, .status = FT_OK};
    char buf[8192];
    size_t n;
    bool parse_error = false, first = true;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        size_t skip = 0;
        if (first && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
            skip = 3; /* a BOM */
        first = false;
        if (csv_parse(&p, buf + skip, n - skip, on_field, on_row, &l) !=
            n - skip) {
            parse_error = true;
            break;
        }
    }
    bool read_error = ferror(f);
    if (!parse_error && csv_fini(&p, on_field, on_row, &l) != 0)
        parse_error = true;
    csv_free(&p);
    fclose(f);
    if (read_error) {
        ft_error_set(err, FT_EIO, "read error");
        ft_error_at(err, path, 0);
        return FT_EIO;
    }
    if (parse_error) {
        ft_error_set(err, FT_ECONFIG, "malformed CSV (%s)",
                     csv_strerror(csv_error(&p)));
        ft_error_at(err, path, l.line + 1);
        return FT_ECONFIG;
    }
    if (l.status == FT_ECONFIG) {
        ft_error_set(err, FT_ECONFIG,
                     "expected two columns, alias and canonical name");
        ft_error_at(err, path, l.bad_line);
        return FT_ECONFIG;
    }
    if (l.status != FT_OK)
        return ft_error_set(err, l.status, "out of memory");
    return FT_OK;
}

/* ------------------------------------------------------- the phrases */

typedef enum {
    CLASS_NAME = 0, /* a name, an acronym, an alias, a resolved reference */
    CLASS_LINE,     /* a common budget line: "the defence budget" */
    CLASS_NOUN      /* a noun phrase: "a child nutrition program" */
} subject_class;

typedef enum {
    KIND_ANY = 0,
    KIND_FUND,    /* Fund */
    KIND_PROJECT, /* Project, Program, System, Upgrade, weapons */
    KIND_DEAL,    /* Agreement, Contract, Deal, Treaty */
    KIND_PLAN,    /* Plan, Initiative, Package */
    KIND_BUDGET   /* Budget, Account */
} subject_kind;

typedef struct {
    size_t start, end; /* the phrase in the text */
    char name[FT_SUBJECT_MAX];
    subject_class cls;
    subject_kind kind;
    bool reference; /* "the fund": stands for an earlier name */
    bool aside;     /* inside ", which ...," : what it says is secondary */
} phrase;

typedef struct {
    const char *word;
    subject_kind kind;
} head_word;

/* Words that end a name of something money pays for. */
static const head_word heads[] = {
    {"account", KIND_BUDGET},
    {"agreement", KIND_DEAL},
    {"aid", KIND_ANY},
    {"base", KIND_ANY},
    {"budget", KIND_BUDGET},
    {"contract", KIND_DEAL},
    {"deal", KIND_DEAL},
    {"destroyer", KIND_PROJECT},
    {"destroyers", KIND_PROJECT},
    {"facility", KIND_ANY},
    {"fighter", KIND_PROJECT},
    {"fighters", KIND_PROJECT},
    {"fund", KIND_FUND},
    {"funds", KIND_FUND},
    {"grant", KIND_ANY},
    {"helicopter", KIND_PROJECT},
    {"helicopters", KIND_PROJECT},
    {"initiative", KIND_PLAN},
    {"jet", KIND_PROJECT},
    {"jets", KIND_PROJECT},
    {"loan", KIND_ANY},
    {"missile", KIND_PROJECT},
    {"missiles", KIND_PROJECT},
    {"package", KIND_PLAN},
    {"plan", KIND_PLAN},
    {"program", KIND_PROJECT},
    {"programme", KIND_PROJECT},
    {"programs", KIND_PROJECT},
    {"project", KIND_PROJECT},
    {"projects", KIND_PROJECT},
    {"satellite", KIND_PROJECT},
    {"satellites", KIND_PROJECT},
    {"scheme", KIND_PLAN},
    {"spending", KIND_BUDGET},
    {"submarine", KIND_PROJECT},
    {"submarines", KIND_PROJECT},
    {"subsidies", KIND_ANY},
    {"subsidy", KIND_ANY},
    {"system", KIND_PROJECT},
    {"systems", KIND_PROJECT},
    {"tank", KIND_PROJECT},
    {"tanks", KIND_PROJECT},
    {"treaty", KIND_DEAL},
    {"upgrade", KIND_PROJECT},
};

/* Acronyms that name no programme: places, institutions, currencies,
 * agencies that appear beside money. */
static const char *const not_subjects[] = {
    "AFP", "AI",     "AM",    "AP",   "BBC", "CEO", "CFC",  "CJ",   "CNN",
    "CNY", "D",      "DAPA",  "DPRK", "EU",  "EUR", "FY",   "GBP",  "GDP",
    "GS",  "I",      "ID",    "II",   "III", "IMF", "IT",   "JCS",  "JPY",
    "KBS", "KOSDAQ", "KOSPI", "KRW",  "KST", "KT",  "LG",   "LNG",  "MBC",
    "MND", "MOU",    "NATO",  "NGO",  "NK",  "NPC", "OECD", "OK",   "OPCON",
    "PM",  "Q1",     "Q2",    "Q3",   "Q4",  "R",   "ROK",  "SBS",  "SIPRI",
    "SK",  "TV",     "U.S.",  "UK",   "UN",  "US",  "USD",  "USFK", "YTN",
};

/* Words that may join the capitalised words of a name. */
static bool is_connector(const char *w, size_t n)
{
    return (n == 2 && memcmp(w, "of", 2) == 0) ||
           (n == 3 && memcmp(w, "and", 3) == 0) ||
           (n == 3 && memcmp(w, "for", 3) == 0) || (n == 1 && w[0] == '&');
}

/* Capitalised words that stand in no name at all. */
static const char *const inner_stops[] = {
    "A",   "An",  "As",   "At",  "But",   "By",   "Dr",   "From", "He", "Her",
    "His", "If",  "In",   "It",  "Its",   "Mr",   "Mrs",  "Ms",   "On", "Or",
    "Our", "She", "That", "The", "Their", "They", "This", "To",   "We", "With",
};

/* Capitalised words that open sentences and phrases but no name (places
 * and months may stand inside one: "the Allied Korean Joint Command"). */
static const char *const function_words[] = {
    "A",          "According", "After",     "Also",     "An",
    "And",        "April",     "As",        "At",       "August",
    "Before",     "Beijing",   "But",       "By",       "China",
    "Col",        "December",  "Dr",        "During",   "February",
    "For",        "Friday",    "From",      "Gen",      "He",
    "Her",        "His",       "However",   "If",       "In",
    "It",         "Its",       "January",   "Japan",    "July",
    "June",       "Korea",     "Korean",    "Last",     "March",
    "May",        "Meanwhile", "Minister",  "Monday",   "Mr",
    "Mrs",        "Ms",        "Next",      "North",    "November",
    "October",    "Of",        "On",        "Or",       "Our",
    "Over",       "President", "Pyongyang", "Saturday", "Secretary",
    "Seoul",      "September", "She",       "Since",    "Some",
    "South",      "Still",     "Sunday",    "That",     "The",
    "Their",      "These",     "They",      "This",     "Those",
    "Thursday",   "To",        "Tokyo",     "Tuesday",  "Under",
    "Washington", "We",        "Wednesday", "When",     "While",
    "With",       "Yet",
};

/* Words that end a name of an institution, not of what money pays for. */
static const char *const institutions[] = {
    "Administration", "Agency",     "Agency's",    "Assembly",   "Bank",
    "Bureau",         "Cabinet",    "Co",          "Command",    "Committee",
    "Congress",       "Corp",       "Corporation", "Council",    "Court",
    "Daily",          "Department", "Forces",      "Government", "Group",
    "Herald",         "House",      "Inc",         "Institute",  "Ltd",
    "Ministry",       "Ministry's", "News",        "Office",     "Party",
    "Post",           "Senate",     "Service",     "Staff",      "Times",
    "University",
};

/* Words that end the modifiers of a noun phrase. */
static const char *const noun_stops[] = {
    "a",    "an",  "at",    "be",  "by",   "for",  "from", "in",
    "is",   "its", "new",   "of",  "on",   "that", "the",  "their",
    "this", "to",  "under", "was", "will", "with",
};

/* The bytes a word is made of: ASCII letters and digits (a table: every
 * letter of an article passes here). */
#define DIGITS_                                                                \
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,          \
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1
#define LETTERS_(a)                                                            \
    [a] = 1, [a + 1] = 1, [a + 2] = 1, [a + 3] = 1, [a + 4] = 1, [a + 5] = 1,  \
    [a + 6] = 1, [a + 7] = 1, [a + 8] = 1, [a + 9] = 1, [a + 10] = 1,          \
    [a + 11] = 1, [a + 12] = 1, [a + 13] = 1, [a + 14] = 1, [a + 15] = 1,      \
    [a + 16] = 1, [a + 17] = 1, [a + 18] = 1, [a + 19] = 1, [a + 20] = 1,      \
    [a + 21] = 1, [a + 22] = 1, [a + 23] = 1, [a + 24] = 1, [a + 25] = 1
static const unsigned char alnum_bytes[256] = {DIGITS_, LETTERS_('A'),
                                               LETTERS_('a')};
#undef DIGITS_
#undef LETTERS_

static bool is_alnum(unsigned char c)
{
    return alnum_bytes[c];
}

/* The end of the run of letters and digits at j: sixteen bytes at a
 * time while sixteen lie before the end of the text (most words end in
 * the first, with no branch on their length), then a byte at a time. */
static size_t alnum_run_end(ft_view x, size_t j)
{
    const unsigned char *t = (const unsigned char *)x.t;
    for (; j + 16 <= x.len; j += 16) {
        ft_bytes16 v = ft_load16(t + j); /* t[j, j + 16): in the text */
        uint32_t other = ~ft_bits16(ft_letters16(v) |
                                    (ft_bytes16)((ft_bytes16)(v - '0') < 10)) &
                         0xFFFF;
        if (other)
            return j + (size_t)__builtin_ctz(other);
    }
    while (j < x.len && is_alnum(t[j]))
        j++;
    return j;
}

/* The end of the run of bytes past ASCII at j, as alnum_run_end. */
static size_t high_run_end(ft_view x, size_t j)
{
    const unsigned char *t = (const unsigned char *)x.t;
    for (; j + 16 <= x.len; j += 16) {
        /* t[j, j + 16): in the text */
        uint32_t other = ~ft_bits16(ft_load16(t + j)) & 0xFFFF;
        if (other)
            return j + (size_t)__builtin_ctz(other);
    }
    while (j < x.len && t[j] >= 0x80)
        j++;
    return j;
}

/* A word at i: letters, digits, and inner hyphens ("Inter-Korean",
 * "KF-21", "F-35A") and full stops of "U.S.".  Returns its end. */
static size_t word_end(ft_view x, size_t i)
{
    const unsigned char *t = (const unsigned char *)x.t;
    size_t j = i;
    for (;;) {
        j = alnum_run_end(x, j);
        /* an inner hyphen or stop, a letter or digit after it */
        if (j > i && j + 1 < x.len && (t[j] == '-' || t[j] == '.') &&
            is_alnum(t[j + 1]))
            j += 2;
        else
            return j;
    }
}

/* An acronym: two or more capitals, or one in three bytes or more, with
 * digits and hyphens after the first letter ("AKJCCS", "KF-21", "F-35",
 * "F-35A"), and no lower-case letter ("KF-21s" is none). */
static bool is_acronym(const char *w, size_t n)
{
    size_t caps = 0;
    if (n < 2 || !ft_ascii_upper((unsigned char)w[0]))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (ft_ascii_upper(c))
            caps++;
        else if (!ft_ascii_digit(c) && c != '-')
            return false; /* a lower-case letter, or no word's byte */
    }
    return caps >= 2 || (caps == 1 && n >= 3);
}

static bool is_capitalised(const char *w, size_t n)
{
    return n >= 2 && ft_ascii_upper((unsigned char)w[0]) &&
           ft_ascii_lower((unsigned char)w[1]);
}

static void set_name(phrase *p, const char *s, size_t n)
{
    if (n >= sizeof p->name)
        n = sizeof p->name - 1;
    memcpy(p->name, s, n);
    p->name[n] = '\0';
}

static size_t min_size(size_t a, size_t b)
{
    return a < b ? a : b;
}

/* The name "Name (ACR)" of the name s[0,n) and acronym a[0,m) (no NUL
 * byte in either), cut as set_name cuts. */
static void set_name_with(phrase *p, const char *s, size_t n, const char *a,
                          size_t m)
{
    const char *parts[4] = {s, " (", a, ")"};
    size_t lens[4] = {n, 2, m, 1}, o = 0;
    for (size_t k = 0; k < 4; k++) {
        size_t take = min_size(lens[k], sizeof p->name - 1 - o);
        memcpy(p->name + o, parts[k], take);
        o += take;
    }
    p->name[o] = '\0';
}

/* The phrases of an article, in text order. */
typedef struct {
    phrase *items;
    size_t len, cap;
    bool own;       /* items were allocated here (else the caller's) */
    size_t *breaks; /* byte offsets of the story breaks, ascending */
    size_t nbreaks, capbreaks;
} phrase_list;

/* A list whose first cap phrases are the caller's `first` (most articles
 * keep a few, and need no allocation). */
static phrase_list phrase_list_on(phrase *first, size_t cap)
{
    return (phrase_list){.items = first, .cap = cap, .own = false};
}

static void phrase_list_free(phrase_list *l)
{
    if (l->own)
        free(l->items);
    free(l->breaks);
}

static bool push(phrase_list *l, const phrase *p)
{
    if (l->len == l->cap) {
        void *items = l->own ? l->items : NULL;
        size_t cap = l->own ? l->cap : 0;
        if (ft_grow(&items, &cap, l->cap, sizeof *l->items, 32) != FT_OK)
            return false;
        if (!l->own && l->len)
            memcpy(items, l->items, l->len * sizeof *l->items);
        l->items = items;
        l->cap = cap;
        l->own = true;
    }
    l->items[l->len++] = *p;
    return true;
}

/* Common budget lines, written in lower case. */
static const char *const budget_lines[] = {
    "defense budget",
    "defence budget",
    "defense spending",
    "defence spending",
    "military spending",
    "military budget",
    "military expenditure",
    "defense expenditure",
    "defence expenditure",
    "force improvement",
    "force improvement budget",
    "force maintenance",
    "personnel costs",
    "personnel expenses",
    "research and development budget",
    "r&d budget",
    "humanitarian aid",
    "cost-sharing",
    "cost sharing",
    "cost share",
    "defense cost share",
    "defence cost share",
    "defense cost",
    "defence cost",
    "defense cost-sharing",
    "defense cost sharing",
    "operating budget",
    "arms purchases",
    "arms imports",
    "weapons purchases",
    "national budget",
    "government budget",
    "supplementary budget",
    "extra budget",
};

/* References to an earlier name, with the kind of name they stand for. */
typedef struct {
    const char *words;
    subject_kind kind;
} reference;

static const reference references[] = {
    {"the fund", KIND_FUND},         {"its budget", KIND_ANY},
    {"the project", KIND_PROJECT},   {"the program", KIND_PROJECT},
    {"the programme", KIND_PROJECT}, {"the system", KIND_PROJECT},
    {"the upgrade", KIND_PROJECT},   {"the deal", KIND_DEAL},
    {"the contract", KIND_DEAL},     {"the agreement", KIND_DEAL},
    {"the plan", KIND_PLAN},         {"the package", KIND_PLAN},
    {"its funding", KIND_ANY},       {"the initiative", KIND_PLAN},
    {"the fund's", KIND_FUND},       {"the project's", KIND_PROJECT},
    {"the program's", KIND_PROJECT}, {"the system's", KIND_PROJECT},
};

/* The words of a name that says only whose budget, not what of: in lower
 * case, each with its length. */
static const ft_lit general_words[] = {
    FT_LIT("annual"),   FT_LIT("bill"),       FT_LIT("budget"),
    FT_LIT("draft"),    FT_LIT("government"), FT_LIT("government's"),
    FT_LIT("initial"),  FT_LIT("ministry"),   FT_LIT("ministry's"),
    FT_LIT("overall"),  FT_LIT("plan"),       FT_LIT("proposal"),
    FT_LIT("proposed"), FT_LIT("request"),    FT_LIT("total"),
};

/* ------------------------------------------------------ the word index */

/* What a word is to the collector, read off the lists above in one
 * look-up: most words of an article are looked at once, so one hashed
 * probe replaces a binary search per list.  The index is derived from the
 * lists when an ft_subjects is made; nothing is kept by hand beside them. */
enum {
    W_NOT_SUBJECT = 1u << 0,     /* not_subjects, as written */
    W_INNER_STOP = 1u << 1,      /* inner_stops, as written */
    W_FUNCTION = 1u << 2,        /* function_words, as written */
    W_INSTITUTION = 1u << 3,     /* institutions, as written */
    W_NOUN_STOP = 1u << 4,       /* noun_stops, as written */
    W_OPENS_LINE = 1u << 5,      /* a budget line's first word, any case */
    W_OPENS_REFERENCE = 1u << 6, /* a reference's first word, any case */
};

/* The longest word the lists may hold (the case of each letter fits in
 * one bit of an unsigned). */
#define WORD_MAX 16
/* Slots of the hash table: a power of two, eight times the entries, so
 * that nearly every look-up is decided at its first slot. */
#define WORD_SLOTS 4096
#define WORD_ENTRIES 512
#define WORD_SPELLINGS 4
/* Where the bits of the words that only open phrases start in the pairs
 * of word_index. */
#define OPENER_BIT 32

typedef struct {
    char key[WORD_MAX]; /* folded to lower case, NUL bytes after it */
    unsigned char n;
    unsigned char head;             /* 1 + index in heads, 0 for none */
    unsigned char nspell;           /* spellings below */
    unsigned short roles;           /* roles of the word in any case */
    unsigned long long lines;       /* the budget lines that may start here */
    unsigned long long lines_first; /* those whose first word it is */
    unsigned refs;                  /* the references that may start here */
    unsigned refs_first;            /* those of them whose first word it is */
    struct {
        unsigned upper;       /* which letters are capitals */
        unsigned short roles; /* roles of the word spelt so */
    } spell[WORD_SPELLINGS];
} word_entry;

/* Where a word stands: outside the figures' sentences or in one. */
enum { OUTSIDE = 0, IN_SENTENCE = 1 };

/* The word starts cut_block may refuse 32 at a time, before its look at
 * each word (see leads_refused): eight groups of the words that set a bit
 * of pairs, by their first letter, a bit a group.  Each row holds that
 * bit for each byte's & 31 where the first, second, third or fourth byte
 * of a word of the group may be that letter, as pshufb reads it: the first
 * sixteen twice, then the other sixteen twice; `*_end` has it where the
 * word may have no letter there (shorter, a digit or hyphen). */
typedef struct {
    unsigned char first[64], second[64], third[64], fourth[64];
    unsigned char second_end, third_end, fourth_end;
} lead_groups;

struct word_index {
    unsigned short slot[WORD_SLOTS]; /* 1 + index in entry, 0 for empty */
    word_entry entry[WORD_ENTRIES];
    size_t len;
    /* by folded first byte, a bit for each length of a word there: most
     * words of an article are in no list, and this says so at once */
    unsigned lengths[256];
    unsigned outside_lengths[256]; /* the words that matter_outside */
    unsigned lower_lengths[256];   /* the words that matter_in_lower_case */
    /* the same by the first two letters (pair_slot): what cut_block passes
     * without a look-up (a bit for each length); but the words that only
     * open references and budget lines as their whole first word ("the",
     * "its", "defence") have their bit OPENER_BIT higher, in both: they
     * matter only before a word of second_pairs, the first run of letters
     * and digits of such a phrase's second word ("fund", "budget", "cost"
     * of "cost-sharing"); by place, outside the figures' sentences
     * (matters_outside) or in one (matters_in_lower_case) */
    unsigned long long pairs[2][PAIR_SLOTS];
    unsigned second_pairs[PAIR_SLOTS];
    /* by the same, a bit for the length of each word a capitalised word
     * may be read for where it stands (see idle_capitals): the head words
     * outside the figures' sentences; in one, also the first words of the
     * references and budget lines ("The fund", "Defence budget") */
    unsigned long long name_pairs[2][PAIR_SLOTS];
    /* by byte, the references and budget lines whose byte after the
     * first space is that one (the first letter of the second word) */
    unsigned ref_seconds[256];
    unsigned long long line_seconds[256];
    /* by the low five bits of a general word's first letter, a bit for
     * its length: most words of a purpose are none, and this says so at
     * once (see is_general) */
    unsigned general_lengths[32];
    lead_groups leads;
};

/* Outside the figures' sentences, a lower-case word matters only when
 * it is the head of a deal, fund or plan (what a later "the one-year
 * deal" stands for) or opens a budget line. */
static bool matters_outside(unsigned roles, const head_word *h)
{
    return (h && (h->kind == KIND_DEAL || h->kind == KIND_FUND ||
                  h->kind == KIND_PLAN)) ||
           (roles & W_OPENS_LINE);
}

/* In a figure's sentence, a word in lower case matters only when it is
 * a head word or opens a budget line or a reference: the lists written
 * with a capital ("The", "Agency") and the modifiers' stops are read
 * elsewhere. */
static bool matters_in_lower_case(unsigned roles, const head_word *h)
{
    return h || (roles & (W_OPENS_LINE | W_OPENS_REFERENCE));
}

/* Can w[0,n), in lower case, be one that matters_in_lower_case? */
static bool may_matter_in_lower_case(const word_index *ix, const char *w,
                                     size_t n)
{
    return n <= WORD_MAX &&
           (ix->lower_lengths[ft_ascii_fold((unsigned char)w[0])] >> n & 1);
}

/* Can w[0,n) be one that matters outside the figures' sentences? */
static bool may_matter_outside(const word_index *ix, const char *w, size_t n)
{
    return n <= WORD_MAX &&
           (ix->outside_lengths[ft_ascii_fold((unsigned char)w[0])] >> n & 1);
}

/* Where a word of n bytes, first and last byte folded, is looked for:
 * the length and two letters tell the words of the lists apart well
 * enough, and cost no pass over the word. */
static size_t word_hash(size_t n, unsigned char first, unsigned char last)
{
    unsigned h =
        (unsigned)n * 0x9E3779B1u ^ first * 0x85EBCA77u ^ last * 0xC2B2AE3Du;
    return (h ^ (h >> 15)) & (WORD_SLOTS - 1);
}

/* The entry whose key is the word w[0,n) (0 < n <= WORD_MAX) whose
 * bytes `bytes` holds in its first n lanes (the others any), or NULL;
 * *slot gets where it is or would go.  A probe compares the sixteen
 * bytes of a key at once.  The table is sparse: most words, in no list,
 * end at an empty first slot, before any comparison. */
__attribute__((always_inline)) static inline word_entry *
word_probe(const word_index *ix, ft_bytes16 bytes, size_t n, size_t *slot)
{
    ft_bytes16 folded =
        bytes | ((ft_bytes16)((ft_bytes16)(bytes - 'A') < 26) & 0x20);
    uint32_t lanes = (1u << n) - 1; /* the word's */
    for (size_t s = word_hash(n, folded[0], folded[n - 1]);;
         s = (s + 1) & (WORD_SLOTS - 1)) {
        unsigned e = ix->slot[s];
        *slot = s;
        if (!e)
            return NULL;
        const word_entry *en = &ix->entry[e - 1];
        uint32_t equal = ft_bits16((ft_bytes16)(ft_load16(en->key) == folded));
        /* the key's bytes past en->n are NUL: of the same length, it is
         * the word when its first n bytes are */
        if (en->n == n && !(~equal & lanes))
            return (word_entry *)en;
    }
}

/* word_probe of a word too near the end of what may be read to load
 * sixteen bytes from it: rare, so out of line, where its copy costs the
 * others nothing. */
__attribute__((noinline)) static word_entry *
word_probe_short(const word_index *ix, const char *w, size_t n, size_t *slot)
{
    unsigned char b[16] = {0};
    memcpy(b, w, n);
    return word_probe(ix, ft_load16(b), n, slot);
}

/* The entry of w[0,n) in any case, or NULL; *slot gets where it is or
 * would go.  `room` is how many bytes from w may be read (at least n):
 * sixteen are loaded at once when they all lie there. */
static word_entry *word_find(const word_index *ix, const char *w, size_t n,
                             size_t room, size_t *slot)
{
    *slot = WORD_SLOTS;
    if (n == 0 || n > WORD_MAX ||
        !(ix->lengths[ft_ascii_fold((unsigned char)w[0])] >> n & 1))
        return NULL;
    if (room < 16)
        return word_probe_short(ix, w, n, slot);
    return word_probe(ix, ft_load16(w), n, slot);
}

/* Which letters of w[0,n) are capitals, one bit each. */
static unsigned word_upper(const char *w, size_t n)
{
    unsigned up = 0;
    for (size_t i = 0; i < n; i++)
        up |= (unsigned)ft_ascii_upper((unsigned char)w[i]) << i;
    return up;
}

/* The entry of the word w[0,n) in any case, NULL when it is in no list;
 * `room` as in word_find. */
static const word_entry *word_look(const word_index *ix, const char *w,
                                   size_t n, size_t room)
{
    size_t slot;
    return word_find(ix, w, n, room, &slot);
}

/* word_upper of a word of the lists (n <= WORD_MAX), `room` bytes from
 * w readable: sixteen at once when they lie there, with no branch on the
 * word's length. */
static unsigned word_upper_in(const char *w, size_t n, size_t room)
{
    if (room < 16)
        return word_upper(w, n);
    ft_bytes16 v = ft_load16(w);
    return ft_bits16((ft_bytes16)((ft_bytes16)(v - 'A') < 26)) &
           ((1u << n) - 1);
}

/* The roles of the word w[0,n) whose entry is en (NULL for none), those
 * of its spelling too: read only where a role that depends on it is
 * asked for.  `room` bytes from w may be read (at least n). */
static unsigned word_roles(const word_entry *en, const char *w, size_t n,
                           size_t room)
{
    if (!en)
        return 0;
    unsigned roles = en->roles;
    if (en->nspell) {
        unsigned upper = word_upper_in(w, n, room);
        for (size_t k = 0; k < en->nspell; k++)
            if (en->spell[k].upper == upper)
                roles |= en->spell[k].roles;
    }
    return roles;
}

/* The head word an entry is, or NULL. */
static const head_word *word_head(const word_entry *en)
{
    return en && en->head ? &heads[en->head - 1] : NULL;
}

/* Add a word with its roles: any case when `folded`, else as spelt. */
static bool word_add(word_index *ix, const char *w, unsigned roles, bool folded,
                     size_t head)
{
    size_t n = strlen(w), slot;
    if (n == 0 || n > WORD_MAX)
        return false;
    unsigned upper = word_upper(w, n);
    unsigned char first = ft_ascii_fold((unsigned char)w[0]);
    ix->lengths[first] |= 1u << n;
    word_entry *en = word_find(ix, w, n, n + 1, &slot);
    if (!en) {
        if (ix->len == sizeof ix->entry / sizeof *ix->entry)
            return false;
        en = &ix->entry[ix->len++];
        for (size_t k = 0; k < n; k++)
            en->key[k] = (char)ft_ascii_fold((unsigned char)w[k]);
        en->n = (unsigned char)n;
        ix->slot[slot] = (unsigned short)ix->len;
    }
    if (head)
        en->head = (unsigned char)head;
    const head_word *h = head ? &heads[head - 1] : NULL;
    if (matters_outside(roles, h))
        ix->outside_lengths[first] |= 1u << n;
    if (folded && matters_in_lower_case(roles, h))
        ix->lower_lengths[first] |= 1u << n;
    if (folded) {
        en->roles |= (unsigned short)roles;
        return true;
    }
    size_t k = 0;
    while (k < en->nspell && en->spell[k].upper != upper)
        k++;
    if (k == WORD_SPELLINGS)
        return false;
    if (k == en->nspell) {
        en->spell[k].upper = upper;
        en->spell[k].roles = 0;
        en->nspell++;
    }
    en->spell[k].roles |= (unsigned short)roles;
    return true;
}

/* Add the first word of each phrase of a list (any case). */
static bool word_add_firsts(word_index *ix, const char *const *phrases,
                            size_t stride, size_t n, unsigned role)
{
    for (size_t k = 0; k < n; k++) {
        const char *p =
            *(const char *const *)(const void *)((const char *)phrases +
                                                 k * stride);
        char first[WORD_MAX + 1];
        size_t m = strcspn(p, " ");
        if (m > WORD_MAX)
            return false;
        memcpy(first, p, m);
        first[m] = '\0';
        if (!word_add(ix, first, role, true, 0))
            return false;
    }
    return true;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

_Static_assert(COUNT(budget_lines) <= 64, "a bit for each budget line");
_Static_assert(COUNT(references) <= 32, "a bit for each reference");

/* May the phrase p (lower case) match where the text holds the word
 * key[0,n) (folded)?  By phrase.h's rules only when its first token is
 * the word; or it is one token the word starts with (ending at an inner
 * hyphen or stop); or its first token goes on past the word with a byte
 * no word holds ("r&d" after "r").  A superset: ft_phrase_at decides. */
static bool may_open(const char *p, const char *key, size_t n)
{
    size_t t = strcspn(p, " "), k = 0;
    while (k < t && k < n &&
           ft_ascii_fold((unsigned char)p[k]) == (unsigned char)key[k])
        k++;
    if (k == t && k == n)
        return true;
    if (k == t)
        return p[t] == '\0';
    return k == n && !is_alnum((unsigned char)p[n]);
}

/* The word lists and the role each gives its words in the index. */
static const struct {
    const char *const *words;
    size_t n;
    unsigned role;
} role_lists[] = {
    {not_subjects, COUNT(not_subjects), W_NOT_SUBJECT},
    {inner_stops, COUNT(inner_stops), W_INNER_STOP},
    {function_words, COUNT(function_words), W_FUNCTION},
    {institutions, COUNT(institutions), W_INSTITUTION},
    {noun_stops, COUNT(noun_stops), W_NOUN_STOP},
};

/* Does the entry only open phrases it is the whole first word of (no
 * head word, nothing else it opens)?  In lower case it then matters only
 * before what may be their second word (see word_index). */
static bool only_opens(const word_entry *en)
{
    return !en->head && (en->roles & (W_OPENS_LINE | W_OPENS_REFERENCE)) &&
           !(en->lines & ~en->lines_first) && !(en->refs & ~en->refs_first);
}

/* Mark the first run of letters and digits of phrase p's second word in
 * second_pairs. */
static void add_second(word_index *ix, const char *p)
{
    const char *sp = strchr(p, ' ');
    if (!sp)
        return;
    size_t n = 0;
    while (is_alnum((unsigned char)sp[1 + n]))
        n++;
    if (n > 0 && n <= WORD_MAX)
        ix->second_pairs[pair_slot(sp + 1, n)] |= 1u << n;
}

/* May a word of a text (see word_end) be spelt w[0,n): letters and
 * digits, and hyphens and stops between them? */
static bool could_be_word(const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (!is_alnum((unsigned char)w[k]) &&
            !((w[k] == '-' || w[k] == '.') && k > 0 && k + 1 < n &&
              is_alnum((unsigned char)w[k - 1]) &&
              is_alnum((unsigned char)w[k + 1])))
            return false;
    return true;
}

/* Does the entry, in lower case, matter in a figure's sentence (`lower`)
 * or outside them (`outside`), as pairs tells? */
static void entry_places(const word_entry *en, bool *lower, bool *outside)
{
    bool opens = only_opens(en);
    *lower = opens || matters_in_lower_case(en->roles, word_head(en));
    *outside = opens ? matters_outside(en->roles, NULL) /* a line's */
                     : matters_outside(en->roles, word_head(en));
}

/* Does the entry set a bit of pairs: may a word in lower case spelt so
 * matter somewhere? */
static bool entry_in_pairs(const word_entry *en)
{
    bool lower, outside;
    entry_places(en, &lower, &outside);
    return could_be_word(en->key, en->n) && (lower || outside);
}

/* Set a group's bit in a row of lead_groups at the letter c. */
static void lead_set(unsigned char row[64], unsigned char c, unsigned bit)
{
    unsigned at = (c & 16u) * 2 + (c & 15u);
    row[at] |= (unsigned char)bit;
    row[at + 16] |= (unsigned char)bit;
}

/* The lead_groups of the entries that set a bit of pairs: their first
 * letters dealt to the eight groups, the letter with most words first,
 * each to the group with fewest words so far, so that a group allows few
 * second and third letters. */
static void index_leads(word_index *ix)
{
    unsigned count[32] = {0}, load[8] = {0};
    unsigned char group[32];
    for (size_t e = 0; e < ix->len; e++)
        if (entry_in_pairs(&ix->entry[e]))
            count[(unsigned char)ix->entry[e].key[0] & 31]++;
    bool dealt[32] = {false};
    for (size_t r = 0; r < 32; r++) {
        size_t c = 0;
        for (size_t k = 1; k < 32; k++)
            if (!dealt[k] && (dealt[c] || count[k] > count[c]))
                c = k;
        size_t g = 0;
        for (size_t k = 1; k < 8; k++)
            if (load[k] < load[g])
                g = k;
        dealt[c] = true;
        group[c] = (unsigned char)g;
        load[g] += count[c];
    }
    lead_groups *l = &ix->leads;
    memset(l, 0, sizeof *l);
    for (size_t e = 0; e < ix->len; e++) {
        const word_entry *en = &ix->entry[e];
        if (!entry_in_pairs(en))
            continue;
        const unsigned char *k = (const unsigned char *)en->key;
        unsigned bit = 1u << group[k[0] & 31];
        lead_set(l->first, k[0], bit);
        if (en->n >= 2 && ft_ascii_alpha(k[1]))
            lead_set(l->second, k[1], bit);
        else
            l->second_end |= (unsigned char)bit;
        if (en->n >= 3 && ft_ascii_alpha(k[2]))
            lead_set(l->third, k[2], bit);
        else
            l->third_end |= (unsigned char)bit;
        if (en->n >= 4 && ft_ascii_alpha(k[3]))
            lead_set(l->fourth, k[3], bit);
        else
            l->fourth_end |= (unsigned char)bit;
    }
}

/* The pairs of words in lower case (see word_index), once every entry
 * knows the phrases it opens. */
static void index_pairs(word_index *ix)
{
    memset(ix->pairs, 0, sizeof ix->pairs);
    for (size_t e = 0; e < ix->len; e++) {
        const word_entry *en = &ix->entry[e];
        if (!could_be_word(en->key, en->n))
            continue; /* "r&d": no word of a text is so spelt */
        size_t slot = pair_slot(en->key, en->n);
        bool lower, outside;
        entry_places(en, &lower, &outside);
        unsigned long long bit = 1ull
                                 << ((only_opens(en) ? OPENER_BIT : 0) + en->n);
        if (word_head(en))
            ix->name_pairs[OUTSIDE][slot] |= 1ull << en->n;
        if (lower) {
            ix->name_pairs[IN_SENTENCE][slot] |= 1ull << en->n;
            ix->pairs[IN_SENTENCE][slot] |= bit;
        }
        if (outside)
            ix->pairs[OUTSIDE][slot] |= bit;
    }
    index_leads(ix);
    for (size_t k = 0; k < COUNT(budget_lines); k++)
        add_second(ix, budget_lines[k]);
    for (size_t k = 0; k < COUNT(references); k++)
        add_second(ix, references[k].words);
}

static word_index *word_index_new(void)
{
    word_index *ix = calloc(1, sizeof *ix);
    if (!ix)
        return NULL;
    bool ok = true;
    for (size_t l = 0; l < COUNT(role_lists) && ok; l++)
        for (size_t k = 0; k < role_lists[l].n && ok; k++)
            ok = word_add(ix, role_lists[l].words[k], role_lists[l].role, false,
                          0);
    for (size_t k = 0; k < COUNT(heads) && ok; k++)
        ok = word_add(ix, heads[k].word, 0, true, k + 1);
    ok = ok && word_add_firsts(ix, budget_lines, sizeof *budget_lines,
                               COUNT(budget_lines), W_OPENS_LINE);
    ok = ok && word_add_firsts(ix, &references[0].words, sizeof *references,
                               COUNT(references), W_OPENS_REFERENCE);
    for (size_t k = 0; k < COUNT(budget_lines); k++) {
        const char *b = budget_lines[k], *sp = strchr(b, ' ');
        if (sp)
            ix->line_seconds[(unsigned char)sp[1]] |= 1ull << k;
    }
    for (size_t k = 0; k < COUNT(references); k++) {
        const char *r = references[k].words, *sp = strchr(r, ' ');
        if (sp)
            ix->ref_seconds[(unsigned char)sp[1]] |= 1u << k;
    }
    for (size_t k = 0; k < COUNT(general_words); k++)
        ix->general_lengths[(unsigned char)general_words[k].s[0] & 31] |=
            1u << general_words[k].n;
    for (size_t e = 0; e < ix->len && ok; e++) {
        word_entry *en = &ix->entry[e];
        for (size_t k = 0; k < COUNT(budget_lines); k++) {
            const char *b = budget_lines[k];
            if (!(en->roles & W_OPENS_LINE) || !may_open(b, en->key, en->n))
                continue;
            en->lines |= 1ull << k;
            if (strcspn(b, " ") == en->n && b[en->n] == ' ')
                en->lines_first |= 1ull << k;
        }
        for (size_t k = 0; k < COUNT(references); k++) {
            const char *r = references[k].words;
            if (!(en->roles & W_OPENS_REFERENCE) ||
                !may_open(r, en->key, en->n))
                continue;
            en->refs |= 1u << k;
            if (strcspn(r, " ") == en->n && r[en->n] == ' ')
                en->refs_first |= 1u << k;
        }
    }
    if (!ok) {
        free(ix);
        return NULL;
    }
    index_pairs(ix);
    return ix;
}

/* A story boundary in a scraped feed: a line "8 hours ago", "2 days
 * ago", or a run of two blank lines. */
static bool story_break(ft_view x, size_t line_start, size_t line_end)
{
    size_t n = line_end - line_start;
    const char *s = x.t + line_start;
    if (n == 0)
        return line_start >= 2 && ft_view_at(x, line_start - 1) == '\n' &&
               ft_view_at(x, line_start - 2) == '\n';
    if (n > 24 || !ft_ascii_digit((unsigned char)s[0]))
        return false;
    return (n >= 4 && memcmp(s + n - 4, " ago", 4) == 0);
}

/* Does the name hold every word of the phrase except its last (the head
 * word, which may be worded otherwise: "project" for a System)?  Any
 * case; "and" is skipped. */
static bool contains_words(const char *name, const char *p, size_t n)
{
    size_t i = 0;
    for (;;) {
        while (i < n && p[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && p[j] != ' ')
            j++;
        if (j >= n)
            return true; /* the head word */
        size_t m = j - i;
        if (!(m == 3 && memcmp(p + i, "and", 3) == 0)) {
            bool found = false;
            for (const char *q = name; *q && !found; q++) {
                size_t k = 0;
                while (k < m && q[k] &&
                       ft_ascii_fold((unsigned char)q[k]) ==
                           (unsigned char)p[i + k])
                    k++;
                found = k == m && !ft_ascii_alpha((unsigned char)q[m]) &&
                        (q == name || !ft_ascii_alpha((unsigned char)q[-1]));
            }
            if (!found)
                return false;
        }
        i = j;
    }
}

/* What the phrase collector carries through an article. */
typedef struct {
    const ft_subjects *aliases;
    const word_index *ix;
    ft_view x;
    phrase_list *out;
    size_t story_start;    /* index in out where the current story began */
    bool aside;            /* between ", which" (or who) and the next comma */
    const ft_figure *figs; /* the article's figures, in text order */
    size_t nfigs;
} collector;

/* Does byte i lie inside a figure's surface ("1.5-trillion won")? */
static bool inside_figure(const collector *c, size_t i)
{
    size_t lo = 0, hi = c->nfigs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->figs[mid].end <= i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->nfigs && c->figs[lo].start <= i;
}

/* Add a phrase, marked when it stands in an aside. */
static bool keep(collector *c, phrase *p)
{
    p->aside = c->aside;
    return push(c->out, p);
}

/* How far back a reference looks: the story, and at most this many
 * phrases (an article of endless names must not cost their square). */
#define MAX_LOOKBACK 512

static size_t lookback_floor(const collector *c)
{
    size_t floor = c->out->len > MAX_LOOKBACK ? c->out->len - MAX_LOOKBACK : 0;
    return floor > c->story_start ? floor : c->story_start;
}

/* The last name of a kind in this story, copied into p; false if none. */
static bool resolve(const collector *c, phrase *p, subject_kind kind,
                    const char *words, size_t n)
{
    for (size_t q = c->out->len; q-- > lookback_floor(c);) {
        const phrase *name = &c->out->items[q];
        if (name->cls != CLASS_NAME || name->reference)
            continue;
        if (!(kind == KIND_ANY || name->kind == kind ||
              (kind == KIND_PROJECT && name->kind == KIND_ANY)))
            continue;
        if (words && !contains_words(name->name, words, n))
            continue;
        memcpy(p->name, name->name, sizeof p->name);
        p->kind = name->kind;
        p->cls = CLASS_NAME;
        p->reference = true;
        return true;
    }
    return false;
}

/* "the 2023 budget": the last budget line or name of this story. */
static bool resolve_budget(const collector *c, phrase *p)
{
    for (size_t q = c->out->len; q-- > lookback_floor(c);) {
        const phrase *b = &c->out->items[q];
        if (b->kind != KIND_BUDGET || b->cls == CLASS_NOUN)
            continue;
        memcpy(p->name, b->name, sizeof p->name);
        p->cls = b->cls;
        p->reference = true;
        return true;
    }
    return false;
}

/* Spaces and no-break spaces from i: what a space of a phrase matches
 * (see phrase.h). */
static size_t skip_phrase_space(ft_view x, size_t i)
{
    for (;;) {
        if (ft_ascii_space(ft_view_at(x, i)))
            i++;
        else if (ft_view_at(x, i) == 0xC2 && ft_view_at(x, i + 1) == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* "the fund", "its budget": a reference, kept when it resolves, after
 * the word [i,w) that opens one.  Returns the end of what was read (i
 * when nothing). */
static size_t take_reference(collector *c, size_t i, size_t w,
                             const word_entry *at, bool *ok)
{
    /* those whose first word is this one match only when the second
     * word's first letter follows */
    unsigned char next =
        ft_ascii_fold(ft_view_at(c->x, skip_phrase_space(c->x, w)));
    unsigned may = at->refs & (~at->refs_first | c->ix->ref_seconds[next]);
    for (size_t k = 0; may >> k; k++) {
        if (!(may >> k & 1))
            continue;
        const char *r = references[k].words;
        size_t e = ft_phrase_at(c->x.t, c->x.len, i, r);
        if (!e)
            continue;
        phrase p = {.start = i, .end = e, .cls = CLASS_NAME};
        if (resolve(c, &p, references[k].kind, NULL, 0))
            *ok = keep(c, &p);
        return e;
    }
    return i;
}

/* "the defence budget", "military spending": a common budget line. */
static size_t take_budget_line(collector *c, size_t i, size_t w,
                               const word_entry *at, bool *ok)
{
    unsigned char next =
        ft_ascii_fold(ft_view_at(c->x, skip_phrase_space(c->x, w)));
    unsigned long long may =
        at->lines & (~at->lines_first | c->ix->line_seconds[next]);
    for (; may; may &= may - 1) {
        size_t k = (size_t)__builtin_ctzll(may); /* in the lines' order */
        size_t e = ft_phrase_at(c->x.t, c->x.len, i, budget_lines[k]);
        if (!e)
            continue;
        phrase p = {
            .start = i, .end = e, .cls = CLASS_LINE, .kind = KIND_BUDGET};
        set_name(&p, c->x.t + i, e - i);
        *ok = keep(c, &p);
        return e;
    }
    return i;
}

/* A Hangul word: an alias (국방예산) or a noun ending in 예산, 기금, 사업. */
/* ft_subjects_canonical of w[0,n) (n > 0), bytes past ASCII only: such
 * bytes normalise to themselves (no space, no capital, no "the", no
 * "'s"), so the key is the bytes as they are, not made one at a time. */
static const char *canonical_past_ascii(const ft_subjects *s, const char *w,
                                        size_t n)
{
    if (n + 2 >= KEY_MAX)
        return ft_subjects_canonical(s, w, n); /* normalise cuts it */
    char key[KEY_MAX];
    memcpy(key, w, n);
    key[n] = '\0';
    return canonical_of_key(s, key, n);
}

__attribute__((noinline)) static size_t take_hangul(collector *c, size_t i,
                                                    bool *ok)
{
    ft_view x = c->x;
    size_t j = high_run_end(x, i); /* no space is past ASCII */
    size_t n = ft_purpose_korean_stem(x.t + i, j - i);
    /* bytes past ASCII alone normalise to themselves: the table's
     * lengths may tell at once that no alias is so spelt */
    const ft_subjects *a = c->aliases;
    const char *canon =
        a && (n + 2 >= KEY_MAX || (n > 0 && may_be_key(a, x.t + i, n)))
            ? canonical_past_ascii(a, x.t + i, n)
            : NULL;
    if (canon || ft_purpose_korean_stem_names(x.t + i, n)) {
        phrase p = {.start = i,
                    .end = i + n,
                    .cls = canon ? CLASS_NAME : CLASS_LINE,
                    .kind = KIND_BUDGET};
        set_name(&p, x.t + i, n);
        *ok = keep(c, &p);
    }
    return j;
}

/* The programme words that refer back ("the project", "a ... system"),
 * unlike the weapons that share their kind. */
static bool refers_back(const char *head)
{
    static const char *const words[] = {"program", "programme", "programs",
                                        "project", "projects",  "system",
                                        "systems", "upgrade"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(words[k], head) == 0)
            return true;
    return false;
}

/* A lower-case noun phrase ending in the head word at [i,w): "a child
 * nutrition program", "the command and control system" (up to four
 * words before the head).  After "the"/"its"/"this", or with no words
 * before the head ("a ... project"), it stands for an earlier name whose
 * words include its own. */
/* Is x[a,b) a capitalised adjective of a state or people ("Australian",
 * "Japanese", "Polish", "Israeli")? */
static bool demonym(ft_view x, size_t a, size_t b)
{
    static const char *const ends[] = {"an", "ese", "ish", "i"};
    if (b - a < 4)
        return false;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (memcmp(x.t + b - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* The length of an apostrophe (' or ’) ending right before i, else 0. */
static size_t apostrophe_before(ft_view x, size_t i)
{
    if (i >= 1 && ft_view_at(x, i - 1) == '\'')
        return 1;
    if (i >= 3 && ft_view_at(x, i - 3) == 0xE2 &&
        ft_view_at(x, i - 2) == 0x80 && ft_view_at(x, i - 1) == 0x99)
        return 3;
    return 0;
}

/* Are the words w[0,n) only of time or order ("one-year", "new",
 * "latest")?  They tell a thing from its earlier self, not from others. */
static bool only_times(const char *w, size_t n)
{
    static const char *const words[] = {
        "annual", "current",  "final",    "initial", "interim", "latest",
        "new",    "original", "previous", "revised", "special",
    };
    size_t i = 0, seen = 0;
    while (i < n) {
        while (i < n && w[i] == ' ')
            i++;
        size_t a = i;
        while (i < n && w[i] != ' ')
            i++;
        if (i == a)
            break;
        bool ok = (i - a > 4 && starts_folded("year", w + i - 4, 4)) ||
                  (i - a > 5 && starts_folded("years", w + i - 5, 5));
        for (size_t k = 0; k < sizeof words / sizeof *words && !ok; k++)
            ok = strlen(words[k]) == i - a &&
                 starts_folded(words[k], w + a, i - a);
        if (!ok)
            return false;
        seen++;
    }
    return seen > 0;
}

/* The last phrase of this kind in the story, of any class: "a
 * cost-sharing deal ... the one-year deal". */
static bool resolve_any(const collector *c, phrase *p, subject_kind kind)
{
    for (size_t q = c->out->len; q-- > lookback_floor(c);) {
        const phrase *name = &c->out->items[q];
        if (name->kind != kind || name->reference)
            continue;
        memcpy(p->name, name->name, sizeof p->name);
        p->cls = name->cls;
        p->reference = true;
        return true;
    }
    return false;
}

static void take_noun_phrase(collector *c, size_t i, size_t w,
                             const head_word *h, bool *ok)
{
    ft_view x = c->x;
    size_t s = i, words = 0;
    bool definite = false;
    while (words < 4 && s > 0) {
        size_t b = s;
        while (b > 0 && ft_view_at(x, b - 1) == ' ')
            b--;
        if (b == s || b == 0)
            break;
        size_t a = b;
        while (a > 0 && (ft_ascii_lower(ft_view_at(x, a - 1)) ||
                         ft_view_at(x, a - 1) == '-'))
            a--;
        /* "an Australian contract": a capitalised adjective of a state */
        if (a > 0 && ft_ascii_upper(ft_view_at(x, a - 1)) &&
            (a < 2 || !ft_ascii_alpha(ft_view_at(x, a - 2))) &&
            demonym(x, a - 1, b))
            a--;
        if (a == b || (a > 0 && ft_ascii_alpha(ft_view_at(x, a - 1))))
            break;
        if (inside_figure(c, a))
            break; /* "P12.75 billion", "1.5-trillion won": an amount */
        size_t apos = b - a == 1 && x.t[a] == 's' ? apostrophe_before(x, a) : 0;
        if (apos) {
            /* "the ministry's budget": a possessive stays whole and opens
             * the phrase */
            a -= apos;
            while (a > 0 && ft_ascii_alpha(ft_view_at(x, a - 1)))
                a--;
            s = a;
            words++;
            break;
        }
        if (word_roles(word_look(c->ix, x.t + a, b - a, x.len - a), x.t + a,
                       b - a, x.len - a) &
            W_NOUN_STOP) {
            definite = (b - a == 3 && (memcmp(x.t + a, "the", 3) == 0 ||
                                       memcmp(x.t + a, "its", 3) == 0)) ||
                       (b - a == 4 && memcmp(x.t + a, "this", 4) == 0);
            break;
        }
        s = a;
        words++;
    }
    /* "and" may not open the modifiers: "... and control system" */
    while (words > 0 && strncmp(x.t + s, "and ", 4) == 0) {
        s += 4;
        words--;
    }
    phrase p = {.start = s, .end = w, .cls = CLASS_NOUN, .kind = h->kind};
    set_name(&p, x.t + s, w - s);
    /* "the missile" or "a missile" names no earlier programme: only the
     * words for programmes, funds and deals refer back */
    bool refers = h->kind == KIND_FUND || h->kind == KIND_DEAL ||
                  h->kind == KIND_PLAN ||
                  (h->kind == KIND_PROJECT && refers_back(h->word));
    if ((definite || words == 0) && refers &&
        !resolve(c, &p, h->kind, x.t + s, w - s) && definite &&
        only_times(x.t + s, i - s))
        resolve_any(c, &p, h->kind); /* "the one-year deal": the deal named
                                        before, whatever its class */
    else if ((definite || words == 0) && h->kind == KIND_BUDGET)
        resolve_budget(c, &p); /* "the 2023 budget" */
    if (words > 0 || p.reference)
        *ok = keep(c, &p);
}

/* Three capitals or more, then only digits: a scraped amount such as
 * "USD739" whose scale was cut off, never a name (K9 and F-35A are). */
static bool glued_amount(const char *w, size_t n)
{
    size_t k = 0;
    while (k < n && ft_ascii_upper((unsigned char)w[k]))
        k++;
    if (k < 3 || k == n)
        return false;
    for (size_t j = k; j < n; j++)
        if (!ft_ascii_digit((unsigned char)w[j]))
            return false;
    return true;
}

/* One or two capitals then only digits: FY27, Q1, H2, P10. */
static bool fiscal_code(const char *w, size_t n)
{
    size_t k = 0;
    while (k < n && k < 2 && ft_ascii_upper((unsigned char)w[k]))
        k++;
    if (k == 0 || k == n || (k == 1 && w[0] == 'K'))
        return false; /* K9 is a howitzer */
    for (size_t j = k; j < n; j++)
        if (!ft_ascii_digit((unsigned char)w[j]))
            return false;
    return k == 1 ? w[0] == 'Q' || w[0] == 'H' || w[0] == 'P'
                  : (w[0] == 'F' && w[1] == 'Y');
}

/* A run of capitalised words and acronyms, with "of"/"and"/"for" between
 * them, starting at the word [i,w) (`first` its entry, first_roles its
 * roles as spelt, first_acronym whether it is an acronym).  Kept when it
 * ends in a head word, is an acronym, or is followed by "(ACRONYM)";
 * institutions are not. */
static size_t take_name(collector *c, size_t i, size_t w,
                        const word_entry *first, unsigned first_roles,
                        bool first_acronym, bool *ok)
{
    ft_view x = c->x;
    size_t end = w, last_word = i, words = 1, j = w;
    const word_entry *last = first;
    unsigned last_roles = first_roles; /* word_roles of the last word */
    for (;;) {
        size_t k = j;
        while (ft_view_at(x, k) == ' ')
            k++;
        if (k == j || k >= x.len)
            break;
        /* what goes on a name begins with a capital, or is "of", "and"
         * or "for": most names end at the next word's first letter */
        unsigned char b = ft_view_at(x, k);
        if (!ft_ascii_upper(b) && b != 'o' && b != 'a' && b != 'f')
            break;
        size_t e2 = word_end(x, k);
        const char *s2 = x.t + k;
        size_t n2 = e2 - k;
        if (n2 == 0)
            break;
        if (is_connector(s2, n2)) {
            size_t k2 = e2; /* only when a capitalised word follows */
            while (ft_view_at(x, k2) == ' ')
                k2++;
            size_t e3 = word_end(x, k2);
            if (!(is_capitalised(x.t + k2, e3 - k2) ||
                  is_acronym(x.t + k2, e3 - k2)))
                break;
            j = e2;
            continue;
        }
        if (!(is_capitalised(s2, n2) || is_acronym(s2, n2)))
            break;
        const word_entry *en = word_look(c->ix, s2, n2, x.len - k);
        unsigned roles = word_roles(en, s2, n2, x.len - k);
        if (roles & W_INNER_STOP)
            break;
        last = en;
        last_roles = roles;
        last_word = k;
        end = e2;
        words++;
        j = e2;
    }
    const char *lw = x.t + last_word;
    size_t ln = end - last_word;
    const head_word *h = word_head(last);
    /* "Then BCBF got ...": a run that ends in an acronym and no head word
     * is that acronym, after a capitalised word or two (a capitalised
     * word, told without a call, is no acronym: see below) */
    if (words > 1 && !h && !is_capitalised(lw, ln) && is_acronym(lw, ln)) {
        i = last_word;
        w = end;
        words = 1;
        first_acronym = true;
    }
    /* a one-word run is an acronym as its word is (collect has asked) */
    bool acronym = words == 1 && first_acronym;
    if (words == 1 && !h && !acronym) {
        /* one capitalised word ("Siemens"): only "(ACRONYM)" after it
         * would make a name of it; every way below returns its end */
        size_t k = end;
        while (ft_view_at(x, k) == ' ')
            k++;
        if (ft_view_at(x, k) != '(')
            return end;
    }
    /* a dateline, "SEOUL --" or "TOKYO (Yonhap)", names a place */
    if (acronym) {
        size_t k = w;
        while (ft_view_at(x, k) == ' ')
            k++;
        if ((ft_view_at(x, k) == '-' && ft_view_at(x, k + 1) == '-') ||
            ft_view_at(x, k) == '(' || ft_view_at(x, k) == ',' ||
            (ft_view_at(x, k) == 0xE2 && ft_view_at(x, k + 1) == 0x80 &&
             (ft_view_at(x, k + 2) == 0x94 || ft_view_at(x, k + 2) == 0x93)))
            if (w - i >= 4 && (i == 0 || ft_view_at(x, i - 1) == '\n'))
                return w;
    }
    if (acronym && (last_roles & W_NOT_SUBJECT)) /* [i, w) is the last */
        return w;
    if (glued_amount(x.t + i, w - i) || fiscal_code(x.t + i, w - i))
        return w; /* "KRW40", "USD739": a currency code glued to digits;
                     "FY27", "Q1", "P10": a period or a peso amount */
    /* "Allied Korean Joint Command and Control System (AKJCCS)" */
    size_t k = end, pend = end, acr_start = 0, acr_end = 0;
    while (ft_view_at(x, k) == ' ')
        k++;
    if (ft_view_at(x, k) == '(') {
        size_t e2 = word_end(x, k + 1);
        if (ft_view_at(x, e2) == ')' && is_acronym(x.t + k + 1, e2 - k - 1)) {
            acr_start = k + 1;
            acr_end = e2;
            pend = e2 + 1;
        }
    }
    /* "Ministry of National Defense (MND)", "the Defense Ministry": who
     * announces or pays, not what the money is for */
    if ((last_roles & W_INSTITUTION) ||
        (words > 1 && (first_roles & W_INSTITUTION)))
        return acr_end ? pend : end; /* "(DAPA)" names it, not a subject */
    if (!(h || acronym || acr_end) || words > 10)
        return end;
    phrase p = {.start = i,
                .end = pend,
                .cls = CLASS_NAME,
                .kind = h ? h->kind : KIND_ANY};
    if (acr_end && !acronym) {
        set_name_with(&p, x.t + i, end - i, x.t + acr_start,
                      acr_end - acr_start);
    } else {
        set_name(&p, x.t + i, end - i);
    }
    *ok = keep(c, &p);
    return end;
}

/* Does the word at i open a sentence (after a full stop, a line break or
 * the start, quotes and spaces skipped)? */
static bool opens_sentence(ft_view x, size_t i)
{
    while (i > 0 &&
           (ft_view_at(x, i - 1) == ' ' || ft_view_at(x, i - 1) == '"'))
        i--;
    unsigned char c = i > 0 ? ft_view_at(x, i - 1) : '\n';
    return c == '\n' || c == '.' || c == '!' || c == '?';
}

/* Where the next word starts after the end w of one. */
static size_t word_start_after(ft_view x, size_t w)
{
    while (w < x.len && ft_view_at(x, w) == ' ')
        w++;
    return w;
}

/* Does ", which" or ", who" open an aside at i (after the comma)? */
static bool opens_aside(ft_view x, size_t i)
{
    /* both phrases are spaces, then a "w": most commas go no further */
    size_t k = skip_phrase_space(x, i);
    if (k == i || ft_ascii_fold(ft_view_at(x, k)) != 'w')
        return false;
    return ft_phrase_at(x.t, x.len, i, " which ") ||
           ft_phrase_at(x.t, x.len, i, " who ");
}

/* The bytes below 64 the collector stops at: a line break, and the
 * comma that opens an aside.  The full stops, semicolons and other
 * commas that close one are no acts (see quiet_commas): the collector
 * looks for them only while an aside is open (see aside_closed). */
#define STOP_BYTES (1ull << '\n' | 1ull << ',')

/* ----------------------------------------------------------- the scan */

/* A place the collector acts at, in text order: a letter after no
 * letter (a word starts there, or a letter after a digit the collector
 * passes), a Hangul lead byte (any byte past ASCII, in a block that a
 * figure or a figure's sentence edge touches), a STOP_BYTES byte.  The
 * collector passes all other bytes (spaces, digits, other punctuation, the
 * letters of a word after its first) untouched, so it reads the article's acts,
 * cut a block of 64 bytes at a time, instead of its bytes. */

/* Some 64 bytes, a bit each (bit j for byte j).  While classify16 or
 * classify32 fill it, alnum holds the digits only: classify64's
 * versions add the letters once at the end. */
typedef struct {
    uint64_t alpha, alnum, joins; /* joins: '-' and '.' */
    uint64_t other;               /* STOP_BYTES and the Hangul lead bytes */
    uint64_t high;                /* the bytes past ASCII */
    uint64_t lower;               /* of the letters, those in lower case */
} byte_bits;

#if defined(__SSE2__)
/* Is each byte of x in [lo, lo + n) (0 < n < 128)?  SSE2, which every
 * x86-64 has, tests a range with an add that moves it to the top of the
 * signed bytes and one signed comparison, which overwrites the sum (a
 * comparison with the range at the bottom would overwrite a copy of the
 * constant); the bytes past ASCII fall outside every range below. */
__attribute__((always_inline)) static inline __m128i in_range(__m128i x, int lo,
                                                              int n)
{
    return _mm_cmpgt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(128 - lo - n))),
                          _mm_set1_epi8((char)(127 - n)));
}

/* Add the 16 bytes at p + j to bits, in a score of instructions: of
 * alnum only the digits, the letters being added once for all 64 bytes
 * (see classify64_sse2). */
__attribute__((always_inline)) static inline void
classify16(const unsigned char *p, unsigned j, byte_bits *bits)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + j));
    __m128i letter = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), 'a', 26);
    __m128i digit = in_range(x, '0', 10);
    __m128i joins = in_range(x, '-', 2); /* '-' '.' */
    __m128i stop = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')),
                                _mm_cmpeq_epi8(x, _mm_set1_epi8('\n')));
    __m128i hangul = in_range(x, 0xEA, 4); /* the Hangul syllables' leads */
    bits->alpha |= (uint64_t)(unsigned)_mm_movemask_epi8(letter) << j;
    bits->alnum |= (uint64_t)(unsigned)_mm_movemask_epi8(digit) << j;
    bits->other |=
        (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(stop, hangul)) << j;
    bits->high |= (uint64_t)(unsigned)_mm_movemask_epi8(x) << j;
    bits->joins |= (uint64_t)(unsigned)_mm_movemask_epi8(joins) << j;
    /* bit 5 of each byte, shifted up to its top (a 16-bit shift moves no
     * bit into another byte's top) */
    bits->lower |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 2))
                   << j;
}
#endif

/* The 64 bytes at p, classified a byte at a time: where no SSE2 is, and
 * what the tests hold the others to. */
static byte_bits classify64_bytewise(const unsigned char *p)
{
    byte_bits bits = {0, 0, 0, 0, 0, 0};
    for (unsigned j = 0; j < 64; j++) {
        unsigned char ch = p[j];
        bits.alpha |= (uint64_t)ft_ascii_alpha(ch) << j;
        bits.alnum |= (uint64_t)is_alnum(ch) << j;
        bits.other |= (uint64_t)((ch >= 0xEA && ch <= 0xED) ||
                                 (ch < 64 && (STOP_BYTES >> ch & 1)))
                      << j;
        bits.high |= (uint64_t)(ch >= 0x80) << j;
        bits.joins |= (uint64_t)(ch == '-' || ch == '.') << j;
        bits.lower |= (uint64_t)ft_ascii_lower(ch) << j;
    }
    return bits;
}

#if FT_AVX2
/* The constants of the AVX2 classifier, each byte 32 times. */
#define R8_(c) c, c, c, c, c, c, c, c
#define BYTES32_(c) R8_(c), R8_(c), R8_(c), R8_(c)
/* as in_range adds and compares */
#define ADD_(lo, n) BYTES32_((unsigned char)(128 - (lo) - (n)))
#define TOP_(n) BYTES32_((unsigned char)(127 - (n)))
typedef struct {
    unsigned char add[32], top[32];
} range32;
typedef struct {
    range32 letters, digits, joins, hangul;
    unsigned char fold[32], comma[32], line[32];
} consts32;
static const consts32 bytes32 = {
    .letters = {{ADD_('a', 26)}, {TOP_(26)}},
    .digits = {{ADD_('0', 10)}, {TOP_(10)}},
    .joins = {{ADD_('-', 2)}, {TOP_(2)}}, /* '-' '.' */
    .hangul = {{ADD_(0xEA, 4)}, {TOP_(4)}},
    .fold = {BYTES32_(0x20)},
    .comma = {BYTES32_(',')},
    .line = {BYTES32_('\n')},
};
#undef TOP_
#undef ADD_
#undef BYTES32_
#undef R8_

__attribute__((target("avx2"))) static inline __m256i
load32(const unsigned char *p)
{
    return _mm256_loadu_si256((const __m256i *)(const void *)p);
}

/* in_range of 32 bytes. */
__attribute__((target("avx2"))) static inline __m256i
in_range32(__m256i x, const range32 *r)
{
    return _mm256_cmpgt_epi8(_mm256_add_epi8(x, load32(r->add)),
                             load32(r->top));
}

/* classify16 of 32 bytes at once, where the processor has AVX2 (most
 * x86-64 processors since 2013, not all: some Pentium and Celeron
 * chips lack it): half the instructions, and no copies (an
 * AVX2 instruction leaves its operands as they were). */
__attribute__((target("avx2"))) static inline void
classify32(const unsigned char *p, unsigned j, const consts32 *k,
           byte_bits *bits)
{
    __m256i x = load32(p + j);
    __m256i letter =
        in_range32(_mm256_or_si256(x, load32(k->fold)), &k->letters);
    __m256i stop = _mm256_or_si256(_mm256_cmpeq_epi8(x, load32(k->comma)),
                                   _mm256_cmpeq_epi8(x, load32(k->line)));
    __m256i other = _mm256_or_si256(stop, in_range32(x, &k->hangul));
#define MASK_(v) ((uint64_t)(uint32_t)_mm256_movemask_epi8(v) << j)
    bits->alpha |= MASK_(letter);
    bits->alnum |= MASK_(in_range32(x, &k->digits));
    bits->other |= MASK_(other);
    bits->high |= MASK_(x);
    bits->joins |= MASK_(in_range32(x, &k->joins));
    bits->lower |= MASK_(_mm256_slli_epi16(x, 2));
#undef MASK_
}

/* The 64 bytes at p, classified with the constants at k. */
__attribute__((target("avx2"), always_inline)) static inline byte_bits
classify64_with(const unsigned char *p, const consts32 *k)
{
    byte_bits bits = {0, 0, 0, 0, 0, 0};
    classify32(p, 0, k, &bits);
    classify32(p, 32, k, &bits);
    bits.alnum |= bits.alpha; /* the digits so far */
    bits.lower &= bits.alpha;
    return bits;
}

/* The constants of the AVX2 look, read from memory by the instructions
 * that use them: gcc, knowing them, would build each anew, in three
 * instructions. */
__attribute__((always_inline)) static inline const consts32 *consts(void)
{
    const consts32 *k = &bytes32;
    __asm__("" : "+r"(k));
    return k;
}

__attribute__((target("avx2"))) static byte_bits
classify64_avx2(const unsigned char *p)
{
    return classify64_with(p, consts());
}

/* A row of lead_groups read by each byte of v's & 31: pshufb reads its
 * low four bits in one half of the row or the other, as bit 4, moved to
 * the top of the byte by the shift, chooses (a 16-bit shift moves no bit
 * into another byte's top).  Only letters are asked. */
__attribute__((target("avx2"))) static inline __m256i
lead_row(const unsigned char *row, __m256i v)
{
    return _mm256_blendv_epi8(_mm256_shuffle_epi8(load32(row), v),
                              _mm256_shuffle_epi8(load32(row + 32), v),
                              _mm256_slli_epi16(v, 3));
}

/* lead_row of a word's second, third or fourth byte: `end` where it is
 * no letter. */
__attribute__((target("avx2"))) static inline __m256i
lead_next(const unsigned char *row, unsigned char end, __m256i v,
          const consts32 *k)
{
    __m256i letter =
        in_range32(_mm256_or_si256(v, load32(k->fold)), &k->letters);
    return _mm256_blendv_epi8(_mm256_set1_epi8((char)end), lead_row(row, v),
                              letter);
}

/* The bytes of the 32 at s where no word that sets a bit of pairs can
 * start, by their own byte and the three after (s[0,35) are read): no
 * group of lead_groups holds all four.  Only the bits at letters mean
 * anything. */
__attribute__((target("avx2"))) static inline uint32_t
leads_refused32(const unsigned char *s, const lead_groups *g, const consts32 *k)
{
    __m256i all = _mm256_and_si256(
        lead_row(g->first, load32(s)),
        _mm256_and_si256(
            lead_next(g->second, g->second_end, load32(s + 1), k),
            _mm256_and_si256(
                lead_next(g->third, g->third_end, load32(s + 2), k),
                lead_next(g->fourth, g->fourth_end, load32(s + 3), k))));
    return (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(all, _mm256_setzero_si256()));
}

/* leads_refused32 of the 64 bytes at s (s[0,67) are read). */
__attribute__((target("avx2"), always_inline)) static inline uint64_t
leads_refused64_with(const unsigned char *s, const lead_groups *g,
                     const consts32 *k)
{
    return leads_refused32(s, g, k) | (uint64_t)leads_refused32(s + 32, g, k)
                                          << 32;
}

__attribute__((target("avx2"))) static uint64_t
leads_refused64_avx2(const unsigned char *s, const lead_groups *g)
{
    return leads_refused64_with(s, g, consts());
}
#endif

/* Of the 64 bytes at base, the letters where no word that sets a bit of
 * pairs starts (see leads_refused32), a bit each; none where there is no
 * AVX2, or fewer than 67 bytes of text from base (the look reads three
 * past the block: this test keeps its loads inside the text). */
static uint64_t leads_refused(const unsigned char *t, size_t len, size_t base,
                              const lead_groups *g)
{
#if FT_AVX2
    if (len - base >= 67 && ft_cpu_avx2())
        return leads_refused64_avx2(t + base, g);
#else
    (void)t, (void)len, (void)base, (void)g;
#endif
    return 0;
}

#if defined(__SSE2__)
static byte_bits classify64_sse2(const unsigned char *p)
{
    byte_bits bits = {0, 0, 0, 0, 0, 0};
    classify16(p, 0, &bits);
    classify16(p, 16, &bits);
    classify16(p, 32, &bits);
    classify16(p, 48, &bits);
    bits.alnum |= bits.alpha; /* the digits so far */
    bits.lower &= bits.alpha;
    return bits;
}
#endif

/* The 64 bytes at p, classified without AVX2. */
static byte_bits classify64_plain(const unsigned char *p)
{
#if defined(__SSE2__)
    return classify64_sse2(p);
#else
    return classify64_bytewise(p);
#endif
}

/* The 64 bytes at p, classified.  ft_cpu_avx2 is a load and a test each
 * 64 bytes. */
static byte_bits classify64(const unsigned char *p)
{
#if FT_AVX2
    if (ft_cpu_avx2())
        return classify64_avx2(p);
#endif
#if defined(__SSE2__)
    return classify64_sse2(p);
#else
    return classify64_bytewise(p);
#endif
}

/* Do two classifications agree? */
static bool same_bits(byte_bits a, byte_bits b)
{
    return a.alpha == b.alpha && a.alnum == b.alnum && a.joins == b.joins &&
           a.other == b.other && a.high == b.high && a.lower == b.lower;
}

/* Does each way to classify 64 bytes this build has agree with
 * classify64_bytewise at each of t[0,n) (and NULs after its end)? */
static bool classify_agrees(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char b[64] = {0};
        memcpy(b, t + i, min_size(n - i, 64));
        byte_bits want = classify64_bytewise(b);
        if (!same_bits(classify64(b), want))
            return false;
#if defined(__SSE2__)
        if (!same_bits(classify64_sse2(b), want))
            return false;
#endif
#if FT_AVX2
        if (ft_cpu_avx2() && !same_bits(classify64_avx2(b), want))
            return false;
#endif
    }
    return true;
}

/* What cutting an article's acts reads, and where it stands among the
 * figures: the collector's own view of them (see collect). */
typedef struct {
    ft_view x;
    const word_index *ix;
    const ft_figure *figs; /* in text order */
    size_t nfigs;
    size_t f, g; /* see covered: of the sentences (f), of the figures (g) */
} cutter;

/* The bits of a block below bit b (b <= 64: all of them at 64). */
static uint64_t bits_below(size_t b)
{
    return b < 64 ? (UINT64_C(1) << b) - 1 : ~UINT64_C(0);
}

/* The bytes of the block at base that lie in a figure (in a figure's
 * sentence when `sentence`), as collect tells them: byte p does when
 * the first figure whose span ends after p starts at or before p.  *k
 * is that figure for the block's first byte, kept from one block to the
 * next (the blocks come in text order); the few figures that end within
 * the block are read once for all its words. */
__attribute__((always_inline)) static inline uint64_t
covered(const ft_figure *figs, size_t n, size_t *k, size_t base, bool sentence)
{
    uint64_t bits = 0;
    size_t f = *k; /* a local: the stores to *k might be to figs */
    for (size_t p = base;;) {
        while (f < n && (sentence ? figs[f].sent_end : figs[f].end) <= p)
            f++;
        if (f == n)
            break;
        size_t s = sentence ? figs[f].sent_start : figs[f].start;
        size_t e = sentence ? figs[f].sent_end : figs[f].end;
        /* [p, e) is the figure's: from s on, the bytes of the block */
        size_t from = (s > p ? s : p) - base, to = e - base;
        if (from < 64)
            bits |= bits_below(to) & ~bits_below(from);
        if (to >= 64)
            break;
        p = e;
    }
    *k = f;
    return bits;
}

/* The end of a word that goes on to i, the byte before it one of the
 * word's (what word_end would find from the word's start). */
static size_t word_on(ft_view x, size_t i)
{
    if (i < x.len && is_alnum((unsigned char)x.t[i]))
        return word_end(x, i);
    /* after a letter or digit, an inner hyphen or stop */
    if (i + 1 < x.len && (x.t[i] == '-' || x.t[i] == '.') &&
        is_alnum((unsigned char)x.t[i + 1]))
        return word_end(x, i + 1);
    return i;
}

/* Is the word at `at` (m bytes), one that only opens phrases (see
 * word_index), where it may open one: followed by other than one space
 * and a letter or digit, or by one space and a word of second_pairs?
 * Else no phrase it opens is there, and the collector does nothing with
 * it. */
__attribute__((noinline)) static bool
opens_here(ft_view x, const word_index *ix, size_t at, size_t m)
{
    size_t k = at + m + 1;
    if (k > x.len || x.t[k - 1] != ' ' || k == x.len ||
        !is_alnum((unsigned char)x.t[k]))
        return true; /* other spaces, or none: read as ever */
    size_t n = alnum_run_end(x, k) - k;
    return n <= WORD_MAX && (ix->second_pairs[pair_slot(x.t + k, n)] >> n & 1);
}

/* The bytes after a capitalised word (and a space) that may carry a
 * name on (take_name: a capital, "(", or "of", "and", "for": those
 * starting with o, a or f are told by connector_at), and a second space,
 * which is not looked past. */
#define UPPER_(a)                                                              \
    [a] = 1, [a + 1] = 1, [a + 2] = 1, [a + 3] = 1, [a + 4] = 1, [a + 5] = 1,  \
    [a + 6] = 1, [a + 7] = 1, [a + 8] = 1, [a + 9] = 1, [a + 10] = 1,          \
    [a + 11] = 1, [a + 12] = 1, [a + 13] = 1, [a + 14] = 1, [a + 15] = 1,      \
    [a + 16] = 1, [a + 17] = 1, [a + 18] = 1, [a + 19] = 1, [a + 20] = 1,      \
    [a + 21] = 1, [a + 22] = 1, [a + 23] = 1, [a + 24] = 1, [a + 25] = 1
static const unsigned char name_goes_on[256] = {
    UPPER_('A'), ['('] = 1, ['o'] = 2, ['a'] = 2, ['f'] = 2, [' '] = 1};
#undef UPPER_

/* May the word at k, which starts with o, a or f, be "of", "and" or
 * "for" (is_connector)?  Only its first two letters are compared:
 * "often" and "fort" say yes too. */
static bool connector_at(ft_view x, size_t k)
{
    unsigned char second = x.t[k] == 'o' ? 'f' : x.t[k] == 'a' ? 'n' : 'o';
    return k + 1 < x.len && (unsigned char)x.t[k + 1] == second;
}

/* Of the capitalised words that start at `caps` (bit j for base + j;
 * none in a figure; `sent` the bytes in a figure's sentence), those the
 * collector reads for nothing: a capital then lower-case letters only,
 * nothing by name_pairs where the word stands, and nothing after that
 * can carry on to a name (name_goes_on).  The collector reads such a
 * word alone (take_name keeps one capitalised word only when it is a
 * head word or "(ACRONYM)" follows) and keeps nothing; it opens no
 * reference or budget line. */
__attribute__((always_inline)) static inline uint64_t
idle_capitals(ft_view x, const word_index *ix, size_t base, uint64_t caps,
              uint64_t lower, uint64_t word, uint64_t sent)
{
    const unsigned char *t = (const unsigned char *)x.t;
    uint64_t idle = 0;
    for (; caps; caps &= caps - 1) {
        unsigned j = (unsigned)__builtin_ctzll(caps);
        uint64_t rest = ~word >> j;
        if (!rest)
            continue; /* on past the block: read as ever */
        size_t m = (size_t)__builtin_ctzll(rest), at = base + j, k = at + m;
        unsigned char b = k < x.len ? t[k] : 0;
        if (b == ' ')
            b = ++k < x.len ? t[k] : 0;
        if (name_goes_on[b] == 1 || (name_goes_on[b] && connector_at(x, k)))
            continue; /* most names go on here */
        uint64_t tail = ((UINT64_C(1) << m) - 1) << j & ~(UINT64_C(1) << j);
        if ((lower & tail) == tail &&
            !(m <= WORD_MAX &&
              (ix->name_pairs[sent >> j & 1][pair_slot(x.t + at, m)] >> m & 1)))
            idle |= caps & -caps;
    }
    return idle;
}

/* Does the word at `at` (m bytes) matter where it stands (`place`:
 * OUTSIDE or IN_SENTENCE)? */
__attribute__((always_inline)) static inline bool
word_matters(ft_view x, const word_index *ix, unsigned place, size_t at,
             size_t m)
{
    if (m > WORD_MAX)
        return false;
    unsigned long long v = ix->pairs[place][pair_slot(x.t + at, m)];
    return (v >> m & 1) ||
           ((v >> (OPENER_BIT + m) & 1) && opens_here(x, ix, at, m));
}

/* Of the words in lower case that start at `lower` (bit j for base + j;
 * `word` the bytes of words, `sent` those in a figure's sentence; none in
 * a figure), those that do not matter where they stand (see cut_block). */
__attribute__((always_inline)) static inline uint64_t
idle_words(ft_view x, const word_index *ix, size_t base, uint64_t lower,
           uint64_t word, uint64_t sent)
{
    uint64_t idle = 0;
    for (; lower; lower &= lower - 1) {
        unsigned j = (unsigned)__builtin_ctzll(lower);
        uint64_t rest = ~word >> j;
        /* a word on past the block is longer than any it may be when it
         * starts before its last WORD_MAX bytes */
        size_t m = rest                ? (size_t)__builtin_ctzll(rest)
                   : j < 64 - WORD_MAX ? 64 - j
                                       : word_on(x, base + 64) - (base + j);
        if (!word_matters(x, ix, (unsigned)(sent >> j & 1), base + j, m))
            idle |= lower & -lower;
    }
    return idle;
}

/* Of the line breaks and commas at `stops` (bit j for base + j), the
 * commas that open no aside, by the two bytes after them: no space
 * follows (see opens_aside), or one space and a byte that is no space and
 * no "w".  Such a comma only closes an aside that is open, which the
 * collector finds as it finds a full stop (see aside_closed), and most
 * commas are such. */
__attribute__((always_inline)) static inline uint64_t
quiet_commas(ft_view x, size_t base, uint64_t stops)
{
    const unsigned char *t = (const unsigned char *)x.t;
    uint64_t quiet = 0;
    for (; stops; stops &= stops - 1) {
        size_t p = base + (size_t)__builtin_ctzll(stops);
        if (t[p] != ',')
            continue;
        unsigned char a = p + 1 < x.len ? t[p + 1] : 0;
        unsigned char b = p + 2 < x.len ? t[p + 2] : 0;
        if ((!ft_ascii_space(a) && a != 0xC2) ||
            (a == ' ' && !ft_ascii_space(b) && b != 0xC2 &&
             ft_ascii_fold(b) != 'w'))
            quiet |= stops & -stops;
    }
    return quiet;
}

/* What cut_block makes of a block, a bit for each of its bytes. */
typedef struct {
    uint64_t acts;   /* where the collector acts */
    uint64_t starts; /* where a word starts */
    uint64_t word;   /* the bytes of words */
    uint64_t sent;   /* the bytes in a figure's sentence */
    uint64_t fig;    /* the bytes in a figure */
} block_cut;

/* The acts of the 64 bytes at base (fewer at the end), a bit each, into
 * *out, with the word starts and the bytes of words, from the bytes'
 * classes `bits` and the letters `refusable` where no word of the index
 * starts (see leads_refused; none where it is not looked at): all but those of
 * the words in lower case that do not matter where they stand, outside the
 * figures' sentences or in one (no word of their first two letters and length
 * does, or one that only opens phrases whose second word does not follow:
 * see word_matters, matters_outside, matters_in_lower_case), and of the
 * capitalised words it reads for nothing (see idle_capitals), that are in
 * no figure (where the collector reads a letter of a figure, it steps
 * over the figure; it reads no letter of a word but its first): the
 * collector may pass those as if they were no acts, and most words are
 * such.  Where the figures and their sentences lie is read once for the
 * block (see covered), not once for each word. */
__attribute__((always_inline)) static inline void
cut_block(cutter *c, size_t base, byte_bits bits, uint64_t refusable,
          block_cut *out)
{
    ft_view x = c->x;
    const unsigned char *t = (const unsigned char *)x.t;
    uint64_t alpha_before = base > 0 && ft_ascii_alpha(t[base - 1]);
    uint64_t alnum_before = base > 0 && is_alnum(t[base - 1]);
    uint64_t alnum_after = base + 64 < x.len && is_alnum(t[base + 64]);
    /* word_end goes on over a hyphen or stop between letters or digits */
    uint64_t joiners = bits.joins & (bits.alnum << 1 | alnum_before) &
                       (bits.alnum >> 1 | alnum_after << 63);
    uint64_t word = bits.alnum | joiners;
    uint64_t starts = bits.alpha & ~(bits.alnum << 1 | alnum_before);
    uint64_t acts =
        bits.other | (bits.alpha & ~(bits.alpha << 1 | alpha_before));
    /* a byte past ASCII but Hangul asks nothing of the collector, unless
     * it lies in a figure: there the collector steps over the figure from
     * the first act in it; it reads no letter of a word but its first */
    uint64_t fig = covered(c->figs, c->nfigs, &c->g, base, false);
    uint64_t sent = covered(c->figs, c->nfigs, &c->f, base, true);
    const word_index *ix = c->ix;
    /* the words no word of the index can be are refused 64 at a time;
     * the others are looked at one by one */
    uint64_t lower = starts & bits.lower & ~fig;
    uint64_t refused = lower & refusable;
    uint64_t idle = refused |
                    idle_words(x, ix, base, lower & ~refused, word, sent) |
                    idle_capitals(x, ix, base, starts & ~bits.lower & ~fig,
                                  bits.lower, word, sent);
    idle |= quiet_commas(x, base, bits.other & ~bits.high);
    *out = (block_cut){.acts = (acts & ~idle) | (bits.high & fig),
                       .starts = starts,
                       .word = word,
                       .sent = sent,
                       .fig = fig};
}

/* The bytes of the block at base, n of them (n < 64: at the text's end),
 * then NULs, which are in no class. */
static void pad_block(const unsigned char *t, size_t base, size_t n,
                      unsigned char pad[64])
{
    memset(pad, 0, 64);
    memcpy(pad, t + base, n);
}

/* cut_block of the block at base, made with no AVX2.  The two builds of
 * cut_block are chosen once an article (see act_stream), not once a block
 * for each of the looks it makes. */
static void cut_block_plain(cutter *c, size_t base, block_cut *out)
{
    const unsigned char *t = (const unsigned char *)c->x.t;
    size_t n = c->x.len - base;
    byte_bits bits;
    if (n >= 64) {
        bits = classify64_plain(t + base);
    } else {
        unsigned char pad[64];
        pad_block(t, base, n, pad);
        bits = classify64_plain(pad);
    }
    cut_block(c, base, bits, 0, out);
}

#if FT_AVX2
/* cut_block_plain where the processor has AVX2: the classes, and the
 * lower-case word starts refused 64 at a time (see leads_refused), made
 * within the one function, with no call and no copy of their bits. */
__attribute__((target("avx2"))) static void
cut_block_avx2(cutter *c, size_t base, block_cut *out)
{
    const unsigned char *t = (const unsigned char *)c->x.t;
    size_t n = c->x.len - base;
    const consts32 *k = consts();
    byte_bits bits;
    if (n >= 64) {
        bits = classify64_with(t + base, k);
    } else {
        unsigned char pad[64];
        pad_block(t, base, n, pad);
        bits = classify64_with(pad, k);
    }
    /* the look reads three bytes past the block: inside the text when at
     * least 67 bytes are left from base */
    uint64_t refusable =
        n >= 67 ? leads_refused64_with(t + base, &c->ix->leads, k) : 0;
    cut_block(c, base, bits, refusable, out);
}
#endif

/* The acts of an article, cut a block at a time as the collector comes
 * to them: a block it steps over whole (a long name, a figure) is never
 * cut. */
typedef struct {
    cutter cut;
    size_t base; /* the block cut last, SIZE_MAX for none */
    block_cut b; /* what it holds */
    bool avx2;   /* cut with cut_block_avx2 */
} act_stream;

/* Cut the block of i, unless it is the one cut last (i never goes back
 * before that one). */
static void cut_at(act_stream *s, size_t i)
{
    size_t base = i & ~(size_t)63;
    if (s->base != base) {
#if FT_AVX2
        if (s->avx2)
            cut_block_avx2(&s->cut, base, &s->b);
        else
#endif
            cut_block_plain(&s->cut, base, &s->b);
        s->base = base;
    }
}

/* The first act at or after `from` (which never goes back): true with its
 * place and the end of the word that starts there (0 for none), false
 * when there is none. */
static bool next_act(act_stream *s, size_t from, size_t *at, size_t *end)
{
    ft_view x = s->cut.x;
    for (; from < x.len; from = (from | 63) + 1) {
        size_t base = from & ~(size_t)63;
        cut_at(s, from);
        uint64_t ahead = s->b.acts >> (from - base);
        if (!ahead)
            continue;
        unsigned j = (unsigned)(from - base) + (unsigned)__builtin_ctzll(ahead);
        *at = base + j;
        *end = 0;
        if (s->b.starts >> j & 1) {
            uint64_t rest = ~s->b.word >> j;
            *end = rest ? *at + (size_t)__builtin_ctzll(rest)
                        : word_on(x, base + 64);
        }
        return true;
    }
    return false;
}

/* Does a full stop, semicolon or comma in t[from,to) close an aside?
 * The collector passes every byte there (they are no acts), and each
 * ends what ", which" opened (a comma there opens no other: see
 * quiet_commas). */
static bool aside_closed(const unsigned char *t, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (t[i] == '.' || t[i] == ';' || t[i] == ',')
            return true;
    return false;
}

/* Is i within a word, a letter right after another?  The collector passes
 * such letters one at a time when it lands on one (after "10th"'s "t"),
 * though they are no acts. */
static bool amid_letters(ft_view x, size_t i)
{
    return i > 0 && i < x.len && ft_ascii_alpha((unsigned char)x.t[i]) &&
           ft_ascii_alpha((unsigned char)x.t[i - 1]);
}

/* Collect the phrases of an article in text order; false when out of
 * memory.  Outside the sentences that hold figures only names matter
 * (they are what later references stand for), so lower-case words and
 * Hangul are skipped there, which is most of the text.  Kept out of
 * ft_subjects_assign: inlined there, its loops lose registers to the
 * caller's (some 0.5 M instructions more on small.jsonl). */
__attribute__((noinline)) static bool collect(const ft_subjects *aliases,
                                              const word_index *ix, ft_view x,
                                              const ft_figure *figs,
                                              size_t nfigs, phrase_list *out)
{
    collector c = {aliases, ix, x, out, 0, false, figs, nfigs};
    size_t line_start = 0, g = 0; /* g: the first figure that ends after i */
    bool ok = true;
    const unsigned char *t = (const unsigned char *)x.t;
    act_stream acts = {.cut = {x, ix, figs, nfigs, 0, 0}, .base = SIZE_MAX};
#if FT_AVX2
    acts.avx2 = ft_cpu_avx2();
#endif
    bool landed = false; /* i is amid_letters: visited though no act */
    for (size_t i = 0; ok;) {
        size_t w = 0; /* the end of the word that starts at i, 0 for none */
        if (!landed) {
            size_t at;
            if (!next_act(&acts, i, &at, &w))
                break;
            if (c.aside && aside_closed(t, i, at))
                c.aside = false;
            i = at;
        }
        landed = false;
        if (i >= x.len)
            break;
        unsigned char ch = t[i];
        if (ch < 0x80 && ch != '\n' && !ft_ascii_alpha(ch)) {
            /* ", which covers ...," is an aside; a comma ends it (and a
             * full stop: see aside_closed) */
            if (ch == ',')
                c.aside = opens_aside(x, i + 1);
            i++; /* the rest of the punctuation */
            continue;
        }
        if (ch == '\n') {
            if (story_break(x, line_start, i)) {
                c.story_start = out->len;
                void *b = out->breaks;
                ok = ft_grow(&b, &out->capbreaks, out->nbreaks, sizeof(size_t),
                             8) == FT_OK;
                out->breaks = b;
                if (ok)
                    out->breaks[out->nbreaks++] = i;
            }
            line_start = i + 1;
            i++;
            continue;
        }
        /* where i stands among the figures, as its block says (cut
         * already, unless i was landed on) */
        cut_at(&acts, i);
        uint64_t bit = UINT64_C(1) << (i & 63);
        if (acts.b.fig & bit) {
            /* the figure i is in: the first that ends after i, which
             * covered found (the test of g only guards the read) */
            while (g < nfigs && figs[g].end <= i)
                g++;
            if (g < nfigs) {
                i = figs[g].end; /* "NT" of "NT$550 billion" names nothing */
                landed = amid_letters(x, i);
                continue;
            }
        }
        bool in_figure_sentence = acts.b.sent & bit;
        if (ch >= 0xEA && ch <= 0xED) {
            /* outside the figures' sentences too: what a story names
             * there (방위비분담특별협정) is what a later "총액은 X" is of */
            i = take_hangul(&c, i, &ok);
            continue;
        }
        if (!ft_ascii_alpha(ch)) {
            i++;
            continue;
        }
        if (!w) {
            i++; /* no word starts here: the "t" of "10th" */
            landed = amid_letters(x, i);
            continue;
        }
        if (!in_figure_sentence && !ft_ascii_upper(ch)) {
            /* only names matter out here, and the deals, funds and plans
             * a later "the one-year deal" stands for */
            const word_entry *en =
                may_matter_outside(ix, x.t + i, w - i)
                    ? word_look(ix, x.t + i, w - i, x.len - i)
                    : NULL;
            const head_word *h = word_head(en);
            if (h && matters_outside(0, h))
                take_noun_phrase(&c, i, w, h, &ok);
            else if (en && (en->roles & W_OPENS_LINE)) {
                size_t e = take_budget_line(&c, i, w, en, &ok);
                w = e > w ? e : w; /* "China unveiled its defence budget" */
                landed = amid_letters(x, w);
            }
            i = w > i ? w : i + 1;
            continue;
        }
        size_t e = i;
        const char *ws = x.t + i;
        size_t wn = w - i;
        const word_entry *en =
            ft_ascii_upper(ch) || may_matter_in_lower_case(ix, ws, wn)
                ? word_look(ix, ws, wn, x.len - i)
                : NULL;
        unsigned roles = en ? en->roles : 0; /* those of any case */
        const head_word *head = word_head(en);
        if (in_figure_sentence && (roles & W_OPENS_REFERENCE))
            e = take_reference(&c, i, w, en, &ok);
        if (in_figure_sentence && e == i && (roles & W_OPENS_LINE))
            e = take_budget_line(&c, i, w, en, &ok);
        /* "Budget cuts ...", "Aid to ...": a common word in capitals only
         * because it opens the sentence is no name */
        bool opening = head && is_capitalised(ws, wn) && opens_sentence(x, i) &&
                       !ft_ascii_upper(ft_view_at(x, word_start_after(x, w)));
        /* both kinds of name begin with a capital (a capitalised word,
         * told without a call, is no acronym: its second letter is in
         * lower case); whether the word is an acronym, and its roles as
         * it is spelt, are read once, for take_name too */
        bool may_name = e == i && !opening && ft_ascii_upper(ch);
        bool acronym =
            may_name && !is_capitalised(ws, wn) && is_acronym(ws, wn);
        may_name = may_name && (acronym || is_capitalised(ws, wn));
        unsigned spelt = may_name ? word_roles(en, ws, wn, x.len - i) : 0;
        if (may_name && !(spelt & W_FUNCTION)) {
            e = take_name(&c, i, w, en, spelt, acronym, &ok);
        } else if (in_figure_sentence && e == i && ft_ascii_lower(ch) &&
                   wn >= 3) {
            const head_word *h = head;
            /* a think tank is an institute, not a weapon */
            if (h && i >= 6 &&
                ft_phrase_before(x.t, x.len, i, (ft_lit)FT_LIT("think")) !=
                    SIZE_MAX)
                h = NULL;
            /* "missile programs": a head word before another is only a
             * modifier of it */
            size_t nx = w;
            while (h && ft_view_at(x, nx) == ' ')
                nx++;
            size_t nw = h ? word_end(x, nx) : nx;
            if (h && nx > w && nw > nx && ft_ascii_lower(ft_view_at(x, nx)) &&
                word_head(word_look(ix, x.t + nx, nw - nx, x.len - nx)))
                h = NULL;
            if (h)
                take_noun_phrase(&c, i, w, h, &ok);
        }
        i = e > w ? e : (w > i ? w : i + 1);
        landed = e > w && amid_letters(x, i);
    }
    return ok;
}

/* Initials of a name's words, capitals only ("Allied Korean Joint Command
 * and Control System" -> "AKJCCS"). */
static size_t initials(const char *name, char *out, size_t cap)
{
    size_t o = 0;
    bool start = true;
    for (const char *p = name; *p && o + 1 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '-') {
            start = true;
            continue;
        }
        if (start && ft_ascii_upper(c))
            out[o++] = (char)c;
        start = false;
    }
    out[o] = '\0';
    return o;
}

/* Join each acronym to the name in the article whose initials it spells;
 * both then carry "Name (ACRONYM)".  Sorted look-ups keep this near
 * linear: a hostile article of twenty thousand names and acronyms must not
 * cost their square. */
typedef struct {
    char key[FT_SUBJECT_MAX]; /* initials, or a name to rename */
    char joined[2 * FT_SUBJECT_MAX + 4];
    size_t order; /* position in the article: the first wins */
} join_entry;

static int cmp_join(const void *a, const void *b)
{
    const join_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* The first entry with this key in a sorted array, or NULL. */
static const join_entry *find_join(const join_entry *e, size_t n,
                                   const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(e[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && strcmp(e[lo].key, key) == 0 ? &e[lo] : NULL;
}

/* Is a phrase a single word of the class of names, what an acronym is?
 * Without one there is nothing to join. */
static bool has_lone_name(const phrase_list *l)
{
    for (size_t k = 0; k < l->len; k++)
        if (l->items[k].cls == CLASS_NAME && !strchr(l->items[k].name, ' '))
            return true;
    return false;
}

static void join_acronyms(phrase_list *l)
{
    if (!has_lone_name(l))
        return;
    /* most articles keep a few phrases: their entries fit on the stack */
    join_entry first_names[8], first_renames[2 * 8 + 1];
    bool few = l->len <= COUNT(first_names);
    join_entry *names =
        few ? first_names : malloc((l->len ? l->len : 1) * sizeof *names);
    join_entry *renames =
        few ? first_renames : malloc((2 * l->len + 1) * sizeof *renames);
    size_t nn = 0, nr = 0;
    if (!names || !renames)
        goto done; /* out of memory: names stay unjoined */
    for (size_t k = 0; k < l->len; k++) {
        const phrase *n = &l->items[k];
        if (n->cls != CLASS_NAME || !strchr(n->name, ' ') ||
            strchr(n->name, '(') ||
            initials(n->name, names[nn].key, sizeof names[nn].key) < 2)
            continue;
        snprintf(names[nn].joined, sizeof names[nn].joined, "%s", n->name);
        names[nn++].order = k;
    }
    if (nn > 1)
        qsort(names, nn, sizeof *names, cmp_join);
    for (size_t i = 0; i < l->len; i++) {
        const phrase *a = &l->items[i];
        if (a->cls != CLASS_NAME || strchr(a->name, ' '))
            continue; /* only single-word acronyms */
        const join_entry *n = find_join(names, nn, a->name);
        if (!n)
            continue;
        join_entry *r = &renames[nr++];
        snprintf(r->key, sizeof r->key, "%s", a->name);
        snprintf(r->joined, sizeof r->joined, "%.127s (%.127s)", n->joined,
                 a->name);
        r->order = i;
        join_entry *r2 = &renames[nr++];
        snprintf(r2->key, sizeof r2->key, "%.127s", n->joined);
        memcpy(r2->joined, r->joined, sizeof r2->joined);
        r2->order = i;
    }
    if (nr > 1)
        qsort(renames, nr, sizeof *renames, cmp_join);
    for (size_t q = 0; q < l->len && nr; q++) {
        const join_entry *r = find_join(renames, nr, l->items[q].name);
        if (r)
            set_name(&l->items[q], r->joined, strlen(r->joined));
    }
done:
    if (!few) {
        free(names);
        free(renames);
    }
}

/* Does h[0,n) hold the m bytes of needle (m > 0)?  Sixteen places at a
 * time, by their first and last bytes: in text, few places have both, and
 * only those are compared in full (memchr finds a first byte past ASCII
 * faster).  The last sixteen places end where the
 * text does, over some already looked at. */
static bool find_bytes(const char *h, size_t n, const char *needle, size_t m)
{
    if (m > n)
        return false;
    size_t places = n - m + 1;
    if ((unsigned char)needle[0] >= 0x80) {
        /* a byte past ASCII is rare in most text: memchr walks to each
         * faster */
        for (const char *p = h, *end = h + places;
             (p = memchr(p, needle[0], (size_t)(end - p))) != NULL; p++)
            if (memcmp(p, needle, m) == 0)
                return true;
        return false;
    }
    if (places < 16) {
        for (size_t i = 0; i < places; i++)
            if (h[i] == needle[0] && memcmp(h + i, needle, m) == 0)
                return true;
        return false;
    }
    unsigned char a = (unsigned char)needle[0];
    unsigned char z = (unsigned char)needle[m - 1];
    for (size_t i = 0;; i += 16) {
        if (i > places - 16)
            i = places - 16; /* the last sixteen */
        ft_bytes16 firsts = ft_load16(h + i), lasts = ft_load16(h + i + m - 1);
        uint32_t at =
            ft_bits16((ft_bytes16)(firsts == a) & (ft_bytes16)(lasts == z));
        for (; at; at &= at - 1)
            if (memcmp(h + i + (size_t)__builtin_ctz(at), needle, m) == 0)
                return true;
        if (i == places - 16)
            return false;
    }
}

/* A set of bytes, a bit each. */
typedef struct {
    uint64_t bits[4];
} byte_set;

static bool in_byte_set(const byte_set *set, unsigned char c)
{
    return set->bits[c >> 6] >> (c & 63) & 1;
}

/* The bytes that a text's byte, folded, must be for a phrase of the list
 * to start there (see phrase.h: the phrases are in lower case; one that
 * starts with a space may start anywhere).  Most words of a sentence
 * start none, and are passed without a look at the list. */
static byte_set first_bytes(const char *const *list, size_t n)
{
    byte_set set = {{0}};
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)list[k][0];
        if (c == ' ')
            return (byte_set){
                {~UINT64_C(0), ~UINT64_C(0), ~UINT64_C(0), ~UINT64_C(0)}};
        set.bits[c >> 6] |= UINT64_C(1) << (c & 63);
    }
    return set;
}

/* How far back a story is read for the word "defence". */
#define DEFENCE_REACH 4000

/* "The Defense Ministry requested 66 trillion won for next year": money
 * a defence ministry asks for or sets aside, with nothing else named, is
 * its budget. */
static bool ministry_asks(ft_view x, size_t s, size_t e)
{
    static const char *const ministries[] = {
        "defense ministry",
        "defence ministry",
        "ministry of defense",
        "ministry of defence",
        "ministry of national defense",
        "\xEA\xB5\xAD\xEB\xB0\xA9\xEB\xB6\x80", /* 국방부 */
    };
    static const char *const verbs[] = {
        "requested",
        "request",
        "earmarked",
        "allocated",
        "proposed",
        "set aside",
        "budgeted",
        "sought",
        "asked for",
        "asks for",
        "asking for",
        "proposal",
        "\xED\x8E\xB8\xEC\x84\xB1", /* 편성 */
    };
    /* most sentences name no ministry: find that out in one fast search */
    if (!find_bytes(x.t + s, e - s, "inistr", 6) &&
        !find_bytes(x.t + s, e - s, ministries[5], 9))
        return false;
    /* "the ministry requested X" in a story about defence: the defence
     * ministry, unless the sentence names another one */
    static const char *const others[] = {"nification", "oreign",  "inance",
                                         "conomy",     "lanning", "ducation"};
    bool other = false;
    for (size_t k = 0; k < sizeof others / sizeof *others; k++)
        other |= find_bytes(x.t + s, e - s, others[k], strlen(others[k]));
    size_t from = s > DEFENCE_REACH ? s - DEFENCE_REACH : 0;
    bool defence_story =
        !other && (find_bytes(x.t + from, e - from, "efense", 6) ||
                   find_bytes(x.t + from, e - from, "efence", 6) ||
                   find_bytes(x.t + from, e - from, "ilitary", 7));
    bool ministry = defence_story, verb = false;
    byte_set ministry_firsts = first_bytes(ministries, COUNT(ministries));
    byte_set verb_firsts = first_bytes(verbs, COUNT(verbs));
    for (size_t i = s; i < e && !(ministry && verb); i++) {
        if (i > s && ft_ascii_alpha(ft_view_at(x, i - 1)))
            continue;
        unsigned char c = ft_ascii_fold(ft_view_at(x, i));
        ministry |= in_byte_set(&ministry_firsts, c) &&
                    (FT_PHRASE_AT_ANY(x.t, x.len, i, ministries) != 0 ||
                     (c == 0xEA && ft_phrase_at(x.t, x.len, i, ministries[5])));
        verb |= in_byte_set(&verb_firsts, c) &&
                FT_PHRASE_AT_ANY(x.t, x.len, i, verbs) != 0;
    }
    return ministry && verb;
}

/* A name's look-up form made once for all its tails: key gets the name
 * folded, each run of spaces one space, and no trailing "'s" (*keylen
 * bytes and a NUL); starts[] where each word begins in it.  What normalise
 * makes of each tail is then the key from a start on, less a leading "the ".
 * False for a name whose tails the key cannot give exactly (other white space,
 * spaces at either end, too long): those are normalised one by one. */
static bool tails_key(const char name[FT_SUBJECT_MAX], char *key,
                      size_t *keylen, size_t *starts, size_t *nstarts)
{
    size_t n = strlen(name), o = 0, w = 0, i = 0;
    if (n == 0 || n + 2 >= KEY_MAX || name[0] == ' ' || name[n - 1] == ' ')
        return false;
    bool start = true; /* a word starts at the next byte but a space */
    /* sixteen bytes at a time while each space is a single one and no
     * byte a tab or line end: there the key is the name folded, byte for
     * byte (o == i); the loop below goes on from the first other.  The
     * last sixteen go on past the name's NUL: they lie in its buffer (i
     * < n < FT_SUBJECT_MAX, a multiple of 16), whose bytes are all set
     * (see canonical_tail), and only the name's lanes are asked about;
     * the key (KEY_MAX bytes) gets the others folded, ended at o = n. */
    _Static_assert(FT_SUBJECT_MAX % 16 == 0 && FT_SUBJECT_MAX <= KEY_MAX,
                   "whole blocks of sixteen in a name's buffer and a key");
    for (; i < n; i += 16, o = min_size(i, n)) {
        ft_bytes16 v = ft_load16(name + i);
        uint32_t lanes = n - i < 16 ? (1u << (n - i)) - 1 : 0xFFFF;
        uint32_t sp = ft_bits16((ft_bytes16)(v == ' ')) & lanes;
        uint32_t after_space = sp << 1 | (start ? 1u : 0u);
        if ((sp & after_space) ||
            (ft_bits16((ft_bytes16)(v == '\t') | (ft_bytes16)(v == '\r') |
                       (ft_bytes16)(v == '\n')) &
             lanes))
            break;
        for (uint32_t st = ~sp & after_space & lanes; st; st &= st - 1)
            starts[w++] = i + (size_t)__builtin_ctz(st);
        v |= (ft_bytes16)((ft_bytes16)(v - 'A') < 26) & 0x20;
        memcpy(key + i, &v, 16);
        start = sp >> 15 & 1;
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c <= ' ') { /* one test for most bytes */
            if (c == '\t' || c == '\r' || c == '\n')
                return false;
            if (c == ' ') {
                if (!start)
                    key[o++] = ' ';
                start = true;
                continue;
            }
        }
        if (start)
            starts[w++] = o;
        start = false;
        key[o++] = (char)ft_ascii_fold(c);
    }
    if (o >= 2 && key[o - 2] == '\'' && key[o - 1] == 's')
        o -= 2;
    key[o] = '\0';
    *keylen = o;
    *nstarts = w;
    return true;
}

/* The canonical name of a name or of its longest tail that has one
 * ("South Korea's defence budget" -> "defence budget"), or NULL.  The
 * name starts a buffer of FT_SUBJECT_MAX bytes, all of them set (a
 * phrase's name, or a zeroed one): tails_key reads past its NUL. */
static const char *canonical_tail(const ft_subjects *aliases,
                                  const char name[FT_SUBJECT_MAX])
{
    if (!aliases)
        return NULL;
    char key[KEY_MAX];
    size_t end, starts[KEY_MAX / 2], nstarts;
    if (tails_key(name, key, &end, starts, &nstarts)) {
        for (size_t t = 0; t < nstarts; t++) {
            /* what normalise makes of the tail: no leading "the " */
            size_t k = starts[t];
            if (key[k] == 't' && key[k + 1] == 'h' && key[k + 2] == 'e' &&
                key[k + 3] == ' ')
                k += 4;
            const char *canon =
                k < end ? canonical_of_key(aliases, key + k, end - k) : NULL;
            if (canon)
                return canon;
        }
        return NULL;
    }
    for (const char *p = name; p; p = strchr(p, ' ')) {
        while (*p == ' ')
            p++;
        const char *canon = ft_subjects_canonical(aliases, p, strlen(p));
        if (canon)
            return canon;
    }
    return NULL;
}

/* A phrase that only refers back ("the budget", "the project"): the
 * names of the article say what it stands for.  n = strlen(name). */
static bool is_vague(const char *canon, const word_index *ix, const char *name,
                     size_t n)
{
    if (canon) /* canonical_tail of the name */
        return false;
    /* "the fund", "budget", "proposal": what of, the story says; "aid" or
     * "spending" alone say what the money does */
    const head_word *h = word_head(word_look(ix, name, n, n + 1));
    if (h && h->kind != KIND_ANY &&
        !(n == 8 && starts_folded("spending", name, 8)))
        return true;
    return (n == 8 && memcmp(name, "proposal", 8) == 0) ||
           (n == 7 && memcmp(name, "request", 7) == 0);
}

/* "budget request", "the ministry's budget proposal": every word general,
 * so who asks says whose budget it is. */
static bool is_general(const word_index *ix, const char *name)
{
    /* "budget request", "the ministry's budget proposal": every word
     * general */
    bool all = true;
    for (const char *p = name; *p && all;) {
        size_t n = 0; /* strcspn(p, " "), with no call */
        while (p[n] && p[n] != ' ')
            n++;
        /* the length and the first letter tell most words from each (the
         * list is in lower case) */
        unsigned char first = ft_ascii_fold((unsigned char)p[0]);
        if (n >= 32 || !(ix->general_lengths[first & 31] >> n & 1))
            return false; /* no general word is so spelt */
        bool found = false;
        for (size_t k = 0; k < COUNT(general_words) && !found; k++)
            found = general_words[k].n == n &&
                    (unsigned char)general_words[k].s[0] == first &&
                    starts_folded(general_words[k].s, p, n);
        all = found;
        p += n;
        while (*p == ' ')
            p++;
    }
    return all;
}

/* The subject of f set to s[0,n), cut to fit as snprintf would (a
 * byte-wise cut, as ever). */
static void copy_subject(ft_figure *f, const char *s, size_t n)
{
    if (n >= sizeof f->subject)
        n = sizeof f->subject - 1;
    memcpy(f->subject, s, n);
    f->subject[n] = '\0';
}

static void write_named(const ft_subjects *aliases, ft_figure *f,
                        const char *name, const char *canon);

/* Does the name start with "the " or "The "?  (A byte compared is never
 * past the name's NUL: the first that differs ends the test.) */
static bool starts_the(const char *name)
{
    return (name[0] == 't' || name[0] == 'T') && name[1] == 'h' &&
           name[2] == 'e' && name[3] == ' ';
}

/* Write the subject, through the alias table, trimmed of "the"/"The". */
static void write_subject(const ft_subjects *aliases, ft_figure *f,
                          const phrase *p)
{
    write_named(aliases, f, p->name, canonical_tail(aliases, p->name));
}

/* Write the subject named `name`, whose canonical_tail is `canon`. */
static void write_named(const ft_subjects *aliases, ft_figure *f,
                        const char *name, const char *canon)
{
    if (!canon) {
        /* "Name (ACR)": the alias may know either part */
        const char *paren = strstr(name, " (");
        if (paren) {
            canon =
                ft_subjects_canonical(aliases, name, (size_t)(paren - name));
            /* The part in brackets, without its ")"; a name may also
             * end at the bracket ("Plan (" of "Plan (,$2"), and then
             * there is no part: strlen - 1 would be SIZE_MAX. */
            size_t in = strlen(paren + 2);
            if (in > 0 && paren[2 + in - 1] == ')')
                in--;
            if (!canon && in > 0)
                canon = ft_subjects_canonical(aliases, paren + 2, in);
        }
    }
    if (canon) {
        copy_subject(f, canon, strlen(canon));
        return;
    }
    if (starts_the(name))
        name += 4;
    /* "KDDX program" is the KDDX: one series, however the story words it */
    const char *sp = strchr(name, ' ');
    if (sp && !strchr(sp + 1, ' ') && is_acronym(name, (size_t)(sp - name)) &&
        refers_back(sp + 1)) {
        snprintf(f->subject, sizeof f->subject, "%.*s", (int)(sp - name), name);
        return;
    }
    copy_subject(f, name, strlen(name));
}

/* How far back a figure with nothing named in its sentence takes the
 * subject of the figure before it. */
#define TOPIC_REACH 600

/* The last name, budget line or deal the story named before the figure's
 * sentence, within TOPIC_REACH: what a sentence that names nothing ("This
 * allocation has grown to X") goes on about. */
static const phrase *story_topic(const phrase_list *l, size_t from,
                                 const ft_figure *f)
{
    for (size_t k = from < l->len ? from + 1 : l->len; k-- > 0;) {
        const phrase *p = &l->items[k];
        if (p->end > f->sent_start)
            continue;
        if (p->end + TOPIC_REACH < f->sent_start)
            return NULL;
        /* never across a story break of a feed */
        size_t lo = 0, hi = l->nbreaks;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (l->breaks[mid] <= p->end)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < l->nbreaks && l->breaks[lo] < f->start)
            return NULL;
        if (p->cls == CLASS_NAME || p->cls == CLASS_LINE ||
            p->kind == KIND_DEAL || p->kind == KIND_FUND ||
            p->kind == KIND_PLAN)
            return p;
    }
    return NULL;
}

/* Does the one word `word` (n bytes) end the longer name `before` (계획
 * of 국방중기계획, 예산 of 통일부 예산)? */
static bool names_again(const char *before, const char *word, size_t n)
{
    size_t m = strlen(before);
    return n > 0 && m > n && !strchr(word, ' ') &&
           strcmp(before + m - n, word) == 0;
}

/* The name (n bytes) as its sentence's phrases spell it once joined to its
 * acronym ("Cark Bing Fund" -> "Cark Bing Fund (CBF)"), else the name
 * itself. */
static const char *joined_form(const phrase_list *l, size_t from,
                               const ft_figure *f, const char *named, size_t n)
{
    for (size_t k = from; k < l->len && l->items[k].start < f->sent_end; k++) {
        const char *name = l->items[k].name;
        if (starts_the(name))
            name += 4;
        size_t m = strlen(name);
        if (m < n + 2)
            continue; /* too short to hold the name and a bracket */
        bool expands =
            name[n] == ' ' && name[n + 1] == '(' && memcmp(name, named, n) == 0;
        bool spells = m > n + 2 && name[m - 1] == ')' &&
                      name[m - n - 2] == '(' &&
                      memcmp(name + m - n - 1, named, n) == 0;
        if (expands || spells)
            return l->items[k].name;
    }
    return named;
}

/* What ministry_asks said of the last sentence it read: the figures of a
 * sentence ask it of the same sentence. */
typedef struct {
    bool known;
    size_t start, end;
    bool asks;
} asked;

/* ministry_asks of figure f's sentence, read once a sentence. */
static bool sentence_asks(asked *a, ft_view x, const ft_figure *f)
{
    if (!a->known || a->start != f->sent_start || a->end != f->sent_end) {
        *a = (asked){true, f->sent_start, f->sent_end,
                     ministry_asks(x, f->sent_start, f->sent_end)};
    }
    return a->asks;
}

/* Does a sentence hold two of the figures (in text order)? */
static bool shares_sentence(const ft_figure *figs, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (figs[i].sent_start == figs[i - 1].sent_start)
            return true;
    return false;
}

/* What ft_subjects_assign reads its figures' subjects from, once the
 * phrases are collected: handed to assign_figures through
 * ft_purpose_with_words. */
typedef struct {
    const ft_subjects *aliases;
    ft_view x;
    ft_figure *figs;
    size_t n;
    const phrase_list *phrases;
    const word_index *ix;
} assign_job;

/* The subject of each figure of job, reading purposes with `words` (the
 * words of the figures' sentences, kept from one figure to the next) or,
 * when NULL, with words of each figure's own. */
static void assign_figures(ft_purpose_words *words, void *job_)
{
    const assign_job *job = job_;
    const ft_subjects *aliases = job->aliases;
    ft_view x = job->x;
    ft_figure *figs = job->figs;
    size_t n = job->n;
    /* a copy of its own (the list does not change here), which the
     * writes to the figures cannot touch */
    const phrase_list l = *job->phrases;
    const word_index *ix = job->ix;
    asked asks = {.known = false};
    size_t from = 0; /* phrases are in text order, figures too */
    for (size_t i = 0; i < n; i++) {
        ft_figure *f = &figs[i];
        /* the first phrase of the figure's sentence: every look at the
         * phrases starts there, so the whole is one pass */
        while (from < l.len && l.items[from].start < f->sent_start &&
               l.items[from].end <= f->sent_start)
            from++;
        /* what the purpose names; zeroed for canonical_tail */
        char named[FT_SUBJECT_MAX] = {0};
        ft_purpose said =
            words ? ft_purpose_of_in(words, x.t, x.len, figs, n, i, named,
                                     sizeof named)
                  : ft_purpose_of(x.t, x.len, figs, n, i, named, sizeof named);
        size_t nn = said == FT_PURPOSE_FOUND ? strlen(named) : 0;
        if (said == FT_PURPOSE_FOUND && is_general(ix, named) &&
            sentence_asks(&asks, x, f)) {
            write_subject(aliases, f, &(phrase){.name = "defence budget"});
            continue;
        }
        if (said == FT_PURPOSE_FOUND && i > 0 &&
            f->start - figs[i - 1].end < TOPIC_REACH &&
            names_again(figs[i - 1].subject, named, nn)) {
            /* "국방중기계획 ... 계획의 X", "통일부 예산 ... 예산 X": a
             * general word for the thing named just before */
            memcpy(f->subject, figs[i - 1].subject, sizeof f->subject);
            continue;
        }
        const char *canon =
            said == FT_PURPOSE_FOUND ? canonical_tail(aliases, named) : NULL;
        if (said == FT_PURPOSE_FOUND && !is_vague(canon, ix, named, nn)) {
            const char *name = joined_form(&l, from, f, named, nn);
            write_named(aliases, f, name,
                        name == named ? canon : canonical_tail(aliases, name));
            continue;
        }
        if (said == FT_PURPOSE_AS_BEFORE && i > 0 && figs[i - 1].subject[0]) {
            memcpy(f->subject, figs[i - 1].subject, sizeof f->subject);
            continue;
        }
        const phrase *best = NULL;
        int best_key[5] = {0};
        for (size_t k = from; k < l.len && l.items[k].start < f->sent_end;
             k++) {
            const phrase *p = &l.items[k];
            if (p->end <= f->sent_start ||
                (p->start < f->end && p->end > f->start))
                continue;
            size_t a = p->end <= f->start ? p->end : f->end;
            size_t b = p->end <= f->start ? f->start : p->start;
            int br = ft_clause_breaks_between(x.t, x.len, a, b, 0, 0);
            size_t d = b - a;
            /* a strong break first, then an aside, the class, weak
             * breaks and distance */
            int key[5] = {br >= 2, p->aside, (int)p->cls, br,
                          (int)(d > 100000 ? 100000 : d)};
            bool less = !best;
            for (int q = 0; q < 5 && best; q++)
                if (key[q] != best_key[q]) {
                    less = key[q] < best_key[q];
                    break;
                }
            if (less) {
                best = p;
                memcpy(best_key, key, sizeof key);
            }
        }
        if (best)
            write_subject(aliases, f, best);
        else if (sentence_asks(&asks, x, f))
            write_subject(aliases, f, &(phrase){.name = "defence budget"});
        else if (i > 0 && figs[i - 1].subject[0] &&
                 f->start - figs[i - 1].end < TOPIC_REACH) {
            /* a story goes on about what it named last: "South Korea
             * will pay X this year" after the cost-sharing deal */
            memcpy(f->subject, figs[i - 1].subject, sizeof f->subject);
            f->flags |= FT_FLAG_SUBJECT_FROM_STORY;
        } else if ((best = story_topic(&l, from, f)) != NULL) {
            write_subject(aliases, f, best);
            f->flags |= FT_FLAG_SUBJECT_FROM_STORY;
        }
    }
}

void ft_subjects_assign(const ft_subjects *aliases, const char *text_,
                        size_t len, ft_figure *figs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        figs[i].subject[0] = '\0';
    if (n == 0)
        return;
    ft_view x = {text_, len};
    phrase first_phrases[16];
    phrase_list l = phrase_list_on(first_phrases, COUNT(first_phrases));
    /* without an alias table, the words are indexed for this call */
    word_index *own = aliases ? NULL : word_index_new();
    const word_index *ix = aliases ? aliases->words : own;
    if (!ix || !collect(aliases, ix, x, figs, n, &l)) {
        phrase_list_free(&l); /* out of memory: subjects stay empty */
        free(own);
        return;
    }
    join_acronyms(&l);
    /* the figures of a sentence share its words, cut once; without it (no
     * sentence holds two figures) each figure cuts its own */
    assign_job job = {.aliases = aliases,
                      .x = x,
                      .figs = figs,
                      .n = n,
                      .phrases = &l,
                      .ix = ix};
    if (shares_sentence(figs, n))
        ft_purpose_with_words(assign_figures, &job);
    else
        assign_figures(NULL, &job);
    phrase_list_free(&l);
    free(own);
}

/* The word w[0,n) spelt as `spelling` says (0: as it is, 1: its letters
 * after the first in capitals, 2: every other letter so) at each place of
 * a block, spaces around it: is it refused by leads_refused at none? */
static bool leads_pass_at_each_place(const word_index *ix, const char *w,
                                     size_t n, unsigned spelling)
{
    unsigned char b[64 + WORD_MAX + 2];
    for (size_t j = 0; j < 64; j++) {
        memset(b, ' ', sizeof b);
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)w[i];
            bool up = i > 0 && (spelling == 1 || (spelling == 2 && i % 2));
            b[j + i] = up && ft_ascii_lower(c) ? (unsigned char)(c - 32) : c;
        }
        if (leads_refused(b, sizeof b, 0, &ix->leads) >> j & 1)
            return false;
    }
    return true;
}

/* Is no word of the index that sets a bit of pairs (in lower case, it
 * may matter somewhere) refused by leads_refused, in any spelling that
 * starts in lower case, at any place of a block? */
static bool leads_pass_words(const word_index *ix)
{
    bool ok = true;
    for (size_t e = 0; e < ix->len && ok; e++) {
        const word_entry *en = &ix->entry[e];
        if (!entry_in_pairs(en) || !ft_ascii_lower((unsigned char)en->key[0]))
            continue;
        for (unsigned spelling = 0; spelling < 3 && ok; spelling++)
            ok = leads_pass_at_each_place(ix, en->key, en->n, spelling);
    }
    return ok;
}

/* Each word of each table is found by the look-up that reads it, with
 * the role that table gives it, every budget line and reference is
 * looked for, and cut_block refuses no word of the index that may
 * matter in lower case (for the tests). */
bool ft_subject_lists_ordered(void)
{
    word_index *ix = word_index_new();
    bool ok = ix != NULL;
    for (size_t l = 0; l < COUNT(role_lists) && ok; l++)
        for (size_t k = 0; k < role_lists[l].n && ok; k++) {
            const char *w = role_lists[l].words[k];
            size_t n = strlen(w);
            ok = word_roles(word_look(ix, w, n, n + 1), w, n, n + 1) &
                 role_lists[l].role;
        }
    for (size_t k = 0; k < COUNT(heads) && ok; k++)
        ok = word_head(word_look(ix, heads[k].word, strlen(heads[k].word),
                                 strlen(heads[k].word) + 1)) == &heads[k];
    /* each budget line and reference is looked for at its first word,
     * which is in lower case (the look-up folds the text's) */
    for (size_t k = 0; k < COUNT(budget_lines) && ok; k++) {
        const char *b = budget_lines[k];
        size_t n = strcspn(b, " ");
        for (size_t i = 0; i < n; i++)
            ok = ok && !ft_ascii_upper((unsigned char)b[i]);
        const word_entry *at = word_look(ix, b, n, strlen(b) + 1);
        ok = ok && at && (at->roles & W_OPENS_LINE) && (at->lines >> k & 1);
    }
    for (size_t k = 0; k < COUNT(references) && ok; k++) {
        const char *r = references[k].words;
        size_t n = strcspn(r, " ");
        for (size_t i = 0; i < n; i++)
            ok = ok && !ft_ascii_upper((unsigned char)r[i]);
        const word_entry *at = word_look(ix, r, n, strlen(r) + 1);
        ok = ok && at && (at->roles & W_OPENS_REFERENCE) && (at->refs >> k & 1);
    }
    /* each general word, with its length, in lower case and in capitals */
    for (size_t k = 0; k < COUNT(general_words) && ok; k++) {
        const ft_lit g = general_words[k];
        char up[32];
        ok = g.n == strlen(g.s) && g.n < sizeof up && is_general(ix, g.s);
        for (size_t i = 0; i < g.n && ok; i++) {
            ok = !ft_ascii_upper((unsigned char)g.s[i]);
            up[i] = (char)(ft_ascii_lower((unsigned char)g.s[i])
                               ? g.s[i] - 'a' + 'A'
                               : g.s[i]);
        }
        if (ok) {
            up[g.n] = '\0';
            ok = is_general(ix, up);
        }
    }
    ok = ok && leads_pass_words(ix);
    free(ix);
    return ok;
}

/* The entry of w[0,n) in any case by a walk over every entry: what
 * word_find must find. */
static const word_entry *word_walk(const word_index *ix, const char *w,
                                   size_t n)
{
    for (size_t e = 0; e < ix->len; e++) {
        const word_entry *en = &ix->entry[e];
        size_t k = 0;
        while (k < n && k < en->n &&
               (unsigned char)en->key[k] == ft_ascii_fold((unsigned char)w[k]))
            k++;
        if (k == n && en->n == n)
            return en;
    }
    return NULL;
}

/* word_end a byte at a time: what it must find. */
static size_t word_end_bytewise(ft_view x, size_t i)
{
    const unsigned char *t = (const unsigned char *)x.t;
    size_t j = i;
    for (;;) {
        while (j < x.len && is_alnum(t[j]))
            j++;
        if (j > i && j + 1 < x.len && (t[j] == '-' || t[j] == '.') &&
            is_alnum(t[j + 1]))
            j += 2;
        else
            return j;
    }
}

/* Do both builds of cut_block cut each block of x alike, among the
 * figures figs[0,nfigs)? */
static bool cuts_agree(const word_index *ix, ft_view x, const ft_figure *figs,
                       size_t nfigs)
{
#if FT_AVX2
    if (!ft_cpu_avx2())
        return true;
    cutter a = {x, ix, figs, nfigs, 0, 0}, b = a;
    for (size_t base = 0; base < x.len; base += 64) {
        block_cut p, q;
        cut_block_plain(&a, base, &p);
        cut_block_avx2(&b, base, &q);
        if (memcmp(&p, &q, sizeof p) != 0)
            return false;
    }
#else
    (void)ix, (void)x, (void)figs, (void)nfigs;
#endif
    return true;
}

/* cuts_agree of t[o,n) for each o below 64, with no figure and with one
 * amid its sentence: each byte at each place of a block. */
static bool cuts_agree_at_each_place(const word_index *ix, const char *t,
                                     size_t n)
{
    bool ok = true;
    for (size_t o = 0; o < 64 && o < n && ok; o++) {
        ft_view x = {t + o, n - o};
        ft_figure f = {0};
        f.sent_start = x.len / 4;
        f.start = x.len / 2;
        f.end = f.start + (x.len - f.start) / 8;
        f.sent_end = x.len - x.len / 4;
        ok = cuts_agree(ix, x, NULL, 0) && cuts_agree(ix, x, &f, 1);
    }
    return ok;
}

bool ft_subject_fast_paths_agree(const char *t, size_t n)
{
    word_index *ix = word_index_new();
    bool ok = ix != NULL;
    ft_view x = {t, n};
    for (size_t i = 0; i <= n && ok; i++) {
        size_t high = i;
        while (high < n && (unsigned char)t[high] >= 0x80)
            high++;
        ok = word_end(x, i) == word_end_bytewise(x, i) &&
             high_run_end(x, i) == high;
    }
    ok = ok && classify_agrees(t, n) && cuts_agree_at_each_place(ix, t, n);
    for (size_t i = 0; i < n && ok; i++)
        for (size_t m = 1; m <= WORD_MAX + 1 && i + m <= n && ok; m++)
            ok = word_look(ix, t + i, m, n - i) == word_walk(ix, t + i, m) &&
                 (m > WORD_MAX ||
                  word_upper_in(t + i, m, n - i) == word_upper(t + i, m));
    free(ix);
    return ok;
}
