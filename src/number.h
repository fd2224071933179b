/* number.h — exact decimal amounts.
 *
 * News writes amounts as decimals times a scale word ("439.7 billion"); a
 * double would turn that into 439699999999.99994.  An ft_decimal keeps the
 * digits written: value = digits / 10^scale, with 0 <= scale <= 18.  Plain
 * values, no ownership.
 */
#ifndef FT_NUMBER_H
#define FT_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 10^0 .. 10^19, every power of ten a uint64_t holds. */
extern const uint64_t ft_pow10_u64[20];

typedef struct {
    uint64_t digits;
    int scale;
    bool negative; /* "-26.4 trillion won" (a loss); never set for zero */
} ft_decimal;

/* Parse ASCII digits with an optional '.' fraction (no separators, no
 * sign) from s[0..n).  Returns false when empty, malformed or too many
 * digits. */
bool ft_decimal_parse(const char *s, size_t n, ft_decimal *out);

/* digits / 10^scale (0 <= scale <= 18), normalised as ft_decimal_parse
 * leaves it: the value of digits a caller has read itself, without
 * writing them out and parsing them again. */
static inline ft_decimal ft_decimal_of(uint64_t digits, int scale)
{
    while (scale > 0 && digits % 10 == 0) {
        digits /= 10;
        scale--;
    }
    return (ft_decimal){digits, digits ? scale : 0, false};
}

/* d * 10^k (k may be negative).  Returns false on overflow. */
bool ft_decimal_mul_pow10(ft_decimal *d, int k);

/* a * b, exact; false on overflow. */
bool ft_decimal_mul(ft_decimal a, ft_decimal b, ft_decimal *out);

/* a + b, exact, signs honoured; false on overflow. */
bool ft_decimal_add(ft_decimal a, ft_decimal b, ft_decimal *out);

/* -1, 0 or 1 as a <, == or > b. */
int ft_decimal_cmp(ft_decimal a, ft_decimal b);

/* Nearest double, for arithmetic downstream (conversion, statistics). */
double ft_decimal_to_double(ft_decimal d);

bool ft_decimal_is_zero(ft_decimal d);

/* The double strtod makes of s[0..n) when it is [-+]digits[.digits] with
 * digits that make at most 2^53 (trailing fractional zeros aside): then
 * one division of two exact doubles rounds as strtod does.  False for
 * anything else (more digits, an exponent, not a number), for strtod. */
bool ft_decimal_parse_double(const char *s, size_t n, double *out);

/* Plain decimal text: "439700000000", "2.75", "-0.5", never an exponent, no
 * trailing fractional zeros.  Writes at most n bytes including the NUL;
 * returns the length it needs (like snprintf).  FT_DECIMAL_BUFSZ always
 * suffices. */
#define FT_DECIMAL_BUFSZ 48
size_t ft_decimal_format(ft_decimal d, char *buf, size_t n);

#endif
