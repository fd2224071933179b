/* number.c — exact decimal arithmetic for amounts (see number.h). */
#include "number.h"

#include <string.h>

#define FT_DECIMAL_MAX_SCALE 18

const uint64_t ft_pow10_u64[20] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL,
};

/* Drop fractional zeros so that equal values have one representation. */
static void normalise(ft_decimal *d)
{
    while (d->scale > 0 && d->digits % 10 == 0) {
        d->digits /= 10;
        d->scale--;
    }
    if (d->digits == 0) {
        d->scale = 0;
        d->negative = false;
    }
}

static bool mul_u64(uint64_t a, uint64_t b, uint64_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

/* ft_decimal_parse of at most 19 bytes: no 19 digits overflow 64 bits
 * and no fraction outgrows FT_DECIMAL_MAX_SCALE, so neither is checked.
 * Nearly every number of an article is this short. */
static bool parse_short(const char *s, size_t n, ft_decimal *out)
{
    ft_decimal d = {0, 0, false};
    size_t point = n; /* where the full stop is; n: none */
    for (size_t i = 0; i < n; i++) {
        unsigned digit = (unsigned char)s[i] - (unsigned)'0';
        if (digit < 10) {
            d.digits = d.digits * 10 + digit;
        } else if (s[i] == '.' && point == n) {
            point = i;
        } else {
            return false;
        }
    }
    if (n == 0 || (point < n && n == 1))
        return false; /* no digit */
    d.scale = point < n ? (int)(n - point - 1) : 0;
    normalise(&d);
    *out = d;
    return true;
}

bool ft_decimal_parse(const char *s, size_t n, ft_decimal *out)
{
    if (n <= 19)
        return parse_short(s, n, out);
    ft_decimal d = {0, 0, false};
    bool seen_digit = false, seen_point = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '.') {
            if (seen_point)
                return false;
            seen_point = true;
            continue;
        }
        if (c < '0' || c > '9')
            return false;
        seen_digit = true;
        if (seen_point) {
            /* Digits beyond our precision are dropped only when they are
             * zeros; anything else would change the value. */
            if (d.scale == FT_DECIMAL_MAX_SCALE) {
                if (c != '0')
                    return false;
                continue;
            }
            d.scale++;
        }
        if (!mul_u64(d.digits, 10, &d.digits) ||
            __builtin_add_overflow(d.digits, (uint64_t)(c - '0'), &d.digits))
            return false;
    }
    if (!seen_digit)
        return false;
    normalise(&d);
    *out = d;
    return true;
}

bool ft_decimal_mul_pow10(ft_decimal *d, int k)
{
    ft_decimal r = *d;
    if (k < 0) {
        r.scale -= k;
        /* Too fine a fraction: exact only if the digits carry the zeros. */
        while (r.scale > FT_DECIMAL_MAX_SCALE) {
            if (r.digits % 10 != 0)
                return false;
            r.digits /= 10;
            r.scale--;
        }
    } else {
        int lower = k < r.scale ? k : r.scale;
        r.scale -= lower;
        k -= lower;
        if (k > 19 || !mul_u64(r.digits, ft_pow10_u64[k], &r.digits))
            return false;
    }
    normalise(&r);
    *d = r;
    return true;
}

bool ft_decimal_mul(ft_decimal a, ft_decimal b, ft_decimal *out)
{
    ft_decimal r;
    if (!mul_u64(a.digits, b.digits, &r.digits))
        return false;
    r.scale = a.scale + b.scale;
    r.negative = a.negative != b.negative;
    while (r.scale > FT_DECIMAL_MAX_SCALE) {
        if (r.digits % 10 != 0)
            return false;
        r.digits /= 10;
        r.scale--;
    }
    normalise(&r);
    *out = r;
    return true;
}

/* Bring a and b to one scale (the larger); false on overflow. */
static bool align(ft_decimal *a, ft_decimal *b)
{
    while (a->scale < b->scale) {
        if (!mul_u64(a->digits, 10, &a->digits))
            return false;
        a->scale++;
    }
    while (b->scale < a->scale) {
        if (!mul_u64(b->digits, 10, &b->digits))
            return false;
        b->scale++;
    }
    return true;
}

bool ft_decimal_add(ft_decimal a, ft_decimal b, ft_decimal *out)
{
    if (!align(&a, &b))
        return false;
    ft_decimal r = {0, a.scale, a.negative};
    if (a.negative == b.negative) {
        if (__builtin_add_overflow(a.digits, b.digits, &r.digits))
            return false;
    } else if (a.digits >= b.digits) {
        r.digits = a.digits - b.digits;
    } else {
        r.digits = b.digits - a.digits;
        r.negative = b.negative;
    }
    normalise(&r);
    *out = r;
    return true;
}

/* Compare magnitudes. */
static int cmp_abs(ft_decimal a, ft_decimal b)
{
    if (!align(&a, &b)) {
        /* The side that overflowed when scaled up is the larger: it is the
         * one still at the smaller scale (align stops before raising it). */
        return a.scale < b.scale ? 1 : -1;
    }
    return a.digits < b.digits ? -1 : a.digits > b.digits;
}

int ft_decimal_cmp(ft_decimal a, ft_decimal b)
{
    bool an = a.negative && a.digits, bn = b.negative && b.digits;
    if (an != bn)
        return an ? -1 : 1;
    return an ? -cmp_abs(a, b) : cmp_abs(a, b);
}

double ft_decimal_to_double(ft_decimal d)
{
    double v = (double)d.digits / (double)ft_pow10_u64[d.scale];
    return d.negative ? -v : v;
}

bool ft_decimal_parse_double(const char *s, size_t n, double *out)
{
    bool negative = n > 0 && s[0] == '-';
    size_t sign = n > 0 && (s[0] == '-' || s[0] == '+');
    ft_decimal d;
    if (!ft_decimal_parse(s + sign, n - sign, &d) || d.digits > 1ULL << 53)
        return false;
    /* 10^scale (scale <= 18) is exact as a double: 5^18 < 2^53 */
    double v = ft_decimal_to_double(d);
    *out = negative ? -v : v;
    return true;
}

bool ft_decimal_is_zero(ft_decimal d)
{
    return d.digits == 0;
}

size_t ft_decimal_format(ft_decimal d, char *buf, size_t n)
{
    /* by hand, from the last digit back: snprintf was a sixth of
     * extract's time on dense text */
    char out[FT_DECIMAL_BUFSZ];
    char *end = out + sizeof out, *p = end;
    uint64_t v = d.digits;
    if (d.scale > 0) {
        /* the fraction, its leading zeros included, then the point */
        for (int k = 0; k < d.scale; k++) {
            *--p = (char)('0' + v % 10);
            v /= 10;
        }
        *--p = '.';
    }
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (d.negative && d.digits)
        *--p = '-';
    size_t o = (size_t)(end - p);
    if (n > 0) {
        size_t c = o < n - 1 ? o : n - 1;
        memcpy(buf, p, c);
        buf[c] = '\0';
    }
    return o;
}
