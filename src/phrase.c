/* phrase.c — fixed phrases in text (see phrase.h). */
#include "phrase.h"

#include <stdbool.h>

static unsigned char at(const char *t, size_t len, size_t i)
{
    return i < len ? (unsigned char)t[i] : 0;
}

static bool is_word(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26 ||
           (unsigned char)(c - '0') < 10;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Spaces and no-break spaces from i. */
static size_t skip_space(const char *t, size_t len, size_t i)
{
    for (;;) {
        if (is_space(at(t, len, i)))
            i++;
        else if (at(t, len, i) == 0xC2 && at(t, len, i + 1) == 0xA0)
            i += 2;
        else
            return i;
    }
}

size_t ft_phrase_at(const char *t, size_t len, size_t i, const char *p)
{
    /* most calls fail at the first byte: say so before anything else */
    if ((unsigned char)p[0] != ' ' &&
        (unsigned char)p[0] != lower(at(t, len, i)))
        return 0;
    if (!*p || (is_word((unsigned char)p[0]) && i > 0 && i <= len &&
                is_word(at(t, len, i - 1))))
        return 0;
    size_t j = i;
    const char *q = p;
    for (; *q; q++) {
        if (*q == ' ') {
            size_t k = skip_space(t, len, j);
            if (k == j)
                return 0;
            j = k;
        } else if (lower(at(t, len, j)) != (unsigned char)*q) {
            return 0;
        } else {
            j++;
        }
    }
    if (is_word((unsigned char)q[-1]) && is_word(at(t, len, j)))
        return 0;
    return j;
}

size_t ft_phrase_at_any(const char *t, size_t len, size_t i,
                        const char *const *list, size_t n)
{
    unsigned char c = lower(at(t, len, i)), c1 = lower(at(t, len, i + 1));
    size_t best = 0;
    for (size_t k = 0; k < n; k++) {
        /* the cheap tests that rule out most phrases: two letters */
        const unsigned char *q = (const unsigned char *)list[k];
        if (q[0] != ' ' && (q[0] != c || (q[1] > ' ' && q[1] != c1)))
            continue;
        size_t e = ft_phrase_at(t, len, i, list[k]);
        if (e > best)
            best = e;
    }
    return best;
}

size_t ft_phrase_trim_back(const char *t, size_t end)
{
    while (end > 0 && is_space((unsigned char)t[end - 1]))
        end--;
    return end;
}

size_t ft_phrase_ending_at(const char *t, size_t len, size_t j, ft_lit p)
{
    if (j == 0 || j > len || p.n == 0 ||
        lower((unsigned char)t[j - 1]) != (unsigned char)p.s[p.n - 1])
        return SIZE_MAX; /* most phrases fail here, cheaply */
    size_t i = j;
    for (size_t k = p.n; k-- > 0;) {
        if (p.s[k] == ' ') {
            if (i == 0 || !is_space((unsigned char)t[i - 1]))
                return SIZE_MAX;
            while (i > 0 && is_space((unsigned char)t[i - 1]))
                i--;
        } else {
            if (i == 0 ||
                lower((unsigned char)t[i - 1]) != (unsigned char)p.s[k])
                return SIZE_MAX;
            i--;
        }
    }
    if (is_word((unsigned char)p.s[0]) && i > 0 &&
        is_word((unsigned char)t[i - 1]))
        return SIZE_MAX;
    if (is_word((unsigned char)p.s[p.n - 1]) && j < len &&
        is_word((unsigned char)t[j]))
        return SIZE_MAX;
    return i;
}

size_t ft_phrase_before(const char *t, size_t len, size_t end, ft_lit p)
{
    return ft_phrase_ending_at(t, len, ft_phrase_trim_back(t, end), p);
}

size_t ft_phrase_before_any(const char *t, size_t len, size_t end,
                            const ft_lit *list, size_t n, size_t *which)
{
    size_t j = ft_phrase_trim_back(t, end);
    if (j == 0)
        return SIZE_MAX;
    unsigned char last = lower((unsigned char)t[j - 1]);
    for (size_t k = 0; k < n; k++) {
        if ((unsigned char)list[k].s[list[k].n - 1] != last)
            continue;
        size_t s = ft_phrase_ending_at(t, len, j, list[k]);
        if (s != SIZE_MAX) {
            if (which)
                *which = k;
            return s;
        }
    }
    return SIZE_MAX;
}

bool ft_phrase_glued_stop(const char *t, size_t len, size_t i)
{
    if (at(t, len, i) != '.' || i == 0)
        return false;
    unsigned char p = at(t, len, i - 1), n = at(t, len, i + 1);
    if (((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) && n >= 'A' &&
        n <= 'Z' && at(t, len, i + 2) >= 'a' && at(t, len, i + 2) <= 'z')
        return !(i >= 2 && at(t, len, i - 2) == '.'); /* "e.g.The" */
    /* Hangul syllables start with 0xEA..0xED */
    return i >= 3 && at(t, len, i - 3) >= 0xEA && at(t, len, i - 3) <= 0xED &&
           n >= 0xEA && n <= 0xED;
}

int ft_clause_break(const char *t, size_t len, size_t i)
{
    unsigned char c = at(t, len, i);
    if (c == ',')
        return i > 0 && (unsigned char)(at(t, len, i - 1) - '0') < 10 &&
                       (unsigned char)(at(t, len, i + 1) - '0') < 10
                   ? 0
                   : 1;
    if (c == ';' || c == ':')
        return 2;
    if (c == 0xE2 && at(t, len, i + 1) == 0x80 && at(t, len, i + 2) == 0x94)
        return 2; /* em dash */
    unsigned char n = at(t, len, i + 1);
    if (c == ' ' && (n == 'b' || n == 'w' || n == 'a' || n == 't')) {
        static const char *const words[] = {" but ", " while ", " whereas ",
                                            " although ", " though "};
        return FT_PHRASE_AT_ANY(t, len, i, words) != 0 ? 2 : 0;
    }
    return 0;
}

int ft_clause_breaks_between(const char *t, size_t len, size_t a, size_t b,
                             size_t skip_from, size_t skip_to)
{
    int most = 0;
    for (size_t i = a; i < b && most < 2; i++) {
        if (i >= skip_from && i < skip_to)
            continue;
        int k = ft_clause_break(t, len, i);
        if (k > most)
            most = k;
    }
    return most;
}
