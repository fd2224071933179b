/* test_csvio.c — CSV/TSV cells: quoting, escaping, neutralising. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"

#include <csv.h>
#include <stdbool.h>

/* A writer over a memory stream; take() closes it and returns the bytes. */
typedef struct {
    char *data;
    size_t len;
    FILE *f;
    ft_csvio w;
} sink;

static void open_sink(sink *s, ft_csvio_dialect d)
{
    s->data = NULL;
    s->len = 0;
    s->f = open_memstream(&s->data, &s->len);
    assert_non_null(s->f);
    ft_csvio_init(&s->w, s->f, d);
}

static char *take(sink *s)
{
    ft_csvio_free(&s->w);
    fclose(s->f);
    return s->data;
}

/* One text cell s[0..n) as the dialect writes it: as a row of its own
 * through the writer, and appended to a buffer by ft_csvio_put_text. */
static void assert_cell_n(ft_csvio_dialect d, const char *in, size_t n,
                          const char *want)
{
    sink s;
    open_sink(&s, d);
    assert_int_equal(ft_csvio_text(&s.w, in, n, NULL), FT_OK);
    assert_int_equal(ft_csvio_endrow(&s.w, NULL), FT_OK);
    char *got = take(&s);
    size_t wn = strlen(want);
    assert_int_equal(strlen(got), wn + 1);
    assert_memory_equal(got, want, wn);
    assert_int_equal(got[wn], '\n');
    free(got);

    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_buf_append(&b, "before|", 7), FT_OK);
    assert_int_equal(ft_csvio_put_text(&b, d, in, n), FT_OK);
    assert_int_equal(b.len, 7 + wn);
    assert_string_equal(b.data + 7, want); /* and NUL-terminated */
    ft_buf_free(&b);
}

static void assert_text_cell(ft_csvio_dialect d, const char *in,
                             const char *want)
{
    assert_cell_n(d, in, strlen(in), want);
}

static void test_plain_cells_unquoted(void **state)
{
    (void)state;
    assert_text_cell(FT_CSVIO_CSV, "900 million won", "900 million won");
    assert_text_cell(FT_CSVIO_CSV, "", "");
    assert_text_cell(FT_CSVIO_CSV, "국방비 59조4천억 원",
                     "국방비 59조4천억 원");
    assert_text_cell(FT_CSVIO_CSV, "it's", "it's");
}

static void test_quoting_through_libcsv(void **state)
{
    (void)state;
    assert_text_cell(FT_CSVIO_CSV, "a,b", "\"a,b\"");
    assert_text_cell(FT_CSVIO_CSV, "say \"hi\"", "\"say \"\"hi\"\"\"");
    assert_text_cell(FT_CSVIO_CSV, "two\nlines", "\"two\nlines\"");
    assert_text_cell(FT_CSVIO_CSV, "cr\rhere", "\"cr\rhere\"");
    /* libcsv's reader trims unquoted spaces: keep them by quoting */
    assert_text_cell(FT_CSVIO_CSV, " lead", "\" lead\"");
    assert_text_cell(FT_CSVIO_CSV, "trail ", "\"trail \"");
}

static void test_neutralise_csv(void **state)
{
    (void)state;
    assert_text_cell(FT_CSVIO_CSV, "=HYPERLINK(\"http://x\",\"y\")",
                     "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    assert_text_cell(FT_CSVIO_CSV, "=1+1", "'=1+1");
    assert_text_cell(FT_CSVIO_CSV, "+1", "'+1");
    assert_text_cell(FT_CSVIO_CSV, "-x", "'-x");
    assert_text_cell(FT_CSVIO_CSV, "@x", "'@x");
    assert_text_cell(FT_CSVIO_CSV, "\tx", "'\tx");
    assert_text_cell(FT_CSVIO_CSV, "\rx", "\"'\rx\"");
    assert_text_cell(FT_CSVIO_CSV, "-", "'-");
    /* only the first character counts */
    assert_text_cell(FT_CSVIO_CSV, "a=b", "a=b");
    assert_text_cell(FT_CSVIO_CSV, " =x", "\" =x\"");
}

static void test_is_risky(void **state)
{
    (void)state;
    assert_true(ft_csvio_is_risky("=", 1));
    assert_true(ft_csvio_is_risky("+", 1));
    assert_true(ft_csvio_is_risky("-", 1));
    assert_true(ft_csvio_is_risky("@", 1));
    assert_true(ft_csvio_is_risky("\t", 1));
    assert_true(ft_csvio_is_risky("\r", 1));
    assert_false(ft_csvio_is_risky("", 0));
    assert_false(ft_csvio_is_risky("'=", 2));
    assert_false(ft_csvio_is_risky("\n=", 2));
    assert_false(ft_csvio_is_risky("KRW", 3));
    /* every first byte, against the rule as written */
    for (unsigned c = 0; c < 256; c++) {
        char cell[2] = {(char)c, 'x'};
        assert_int_equal(ft_csvio_is_risky(cell, 2),
                         c != 0 && strchr("=+-@\t\r", (int)c) != NULL);
    }
}

static void test_tsv_escapes(void **state)
{
    (void)state;
    assert_text_cell(FT_CSVIO_TSV, "plain, \"quoted\"", "plain, \"quoted\"");
    assert_text_cell(FT_CSVIO_TSV, "a\tb\nc\rd\\e", "a\\tb\\nc\\rd\\\\e");
    assert_text_cell(FT_CSVIO_TSV, "=cmd\t", "'=cmd\\t");
    assert_text_cell(FT_CSVIO_TSV, "\tx", "'\\tx");
    assert_text_cell(FT_CSVIO_TSV, "\\", "\\\\");
}

/* Control characters a terminal acts on (ESC starting a colour or a title
 * change, BEL, backspace, DEL, the C1 block) become U+FFFD in every text
 * cell of either dialect, as a byte that is not UTF-8 does; tab, line
 * feed and carriage return stay, the dialect quoting or escaping them. */
static void test_controls_replaced(void **state)
{
    (void)state;
    static const ft_csvio_dialect dialects[] = {FT_CSVIO_CSV, FT_CSVIO_TSV};
    for (size_t d = 0; d < 2; d++) {
        assert_text_cell(dialects[d], "red \x1b[31mflag\x1b[0m",
                         "red \xEF\xBF\xBD[31mflag\xEF\xBF\xBD[0m");
        assert_text_cell(dialects[d], "ring\a", "ring\xEF\xBF\xBD");
        assert_text_cell(dialects[d], "back\b\x7f",
                         "back\xEF\xBF\xBD\xEF\xBF\xBD");
        assert_text_cell(dialects[d],
                         "csi \xC2\x9B"
                         "2J",
                         "csi \xEF\xBF\xBD"
                         "2J");
        assert_text_cell(dialects[d], "\x01", "\xEF\xBF\xBD");
        assert_text_cell(dialects[d], "bad \xFF byte", "bad \xEF\xBF\xBD byte");
        /* U+00A0 (C2 A0) is a letter's neighbour, not a control */
        assert_text_cell(dialects[d], "5\xC2\xA0won", "5\xC2\xA0won");
    }
    /* a NUL inside the cell, counted by length */
    assert_cell_n(FT_CSVIO_CSV, "a\0b", 3,
                  "a\xEF\xBF\xBD"
                  "b");
    /* the formats' own whitespace is kept */
    assert_text_cell(FT_CSVIO_CSV, "a\tb\nc", "\"a\tb\nc\"");
    assert_text_cell(FT_CSVIO_TSV, "a\tb\nc", "a\\tb\\nc");
    /* neutralising still sees the first character */
    assert_text_cell(FT_CSVIO_CSV, "=\x1b", "'=\xEF\xBF\xBD");
}

/* Bad bytes and controls next to what quoting and escaping see: a cut
 * sequence before a quote, a space at the end after a bad byte, a C1
 * control at the very end, a lone lead byte at the end. */
static void test_scrub_beside_quoting(void **state)
{
    (void)state;
    assert_text_cell(FT_CSVIO_CSV, "\xE2\x80\"x",
                     "\"\xEF\xBF\xBD\xEF\xBF\xBD\"\"x\"");
    assert_text_cell(FT_CSVIO_CSV, "a\xFF ", "\"a\xEF\xBF\xBD \"");
    assert_text_cell(FT_CSVIO_CSV, "end\xC2\x85", "end\xEF\xBF\xBD");
    assert_text_cell(FT_CSVIO_CSV, "end\xC2", "end\xEF\xBF\xBD");
    assert_text_cell(FT_CSVIO_TSV, "\xF0\x9F\\",
                     "\xEF\xBF\xBD\xEF\xBF\xBD\\\\");
    assert_text_cell(FT_CSVIO_TSV, "-\x1b\t", "'-\xEF\xBF\xBD\\t");
    assert_text_cell(FT_CSVIO_CSV, "\t", "\"'\t\"");
    assert_text_cell(FT_CSVIO_CSV, "\xEA\xB5\xAD,\xEB\xB0\xA9",
                     "\"\xEA\xB5\xAD,\xEB\xB0\xA9\"");
}

/* The quoting is libcsv's: for cells of printable ASCII (which scrubbing
 * leaves alone), quoted when csv_write would be needed, exactly as
 * csv_write writes them. */
static void test_quoting_as_libcsv(void **state)
{
    (void)state;
    static const char alphabet[] = " ,\"\t\n\rab=+-@'\\";
    unsigned seed = 12;
    for (int round = 0; round < 3000; round++) {
        char in[8], cell[16], want[40];
        size_t n = (size_t)(round % 7);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            in[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        size_t cn = 0;
        if (ft_csvio_is_risky(in, n))
            cell[cn++] = '\'';
        memcpy(cell + cn, in, n);
        cn += n;
        bool quote =
            cn > 0 && (cell[0] == ' ' || cell[0] == '\t' ||
                       cell[cn - 1] == ' ' || cell[cn - 1] == '\t' ||
                       memchr(cell, ',', cn) || memchr(cell, '"', cn) ||
                       memchr(cell, '\n', cn) || memchr(cell, '\r', cn));
        size_t wn = cn;
        if (quote)
            wn = csv_write(want, sizeof want, cell, cn);
        else
            memcpy(want, cell, cn);
        want[wn] = '\0';
        assert_cell_n(FT_CSVIO_CSV, in, n, want);
    }
}

static void test_numbers_never_change(void **state)
{
    (void)state;
    sink s;
    open_sink(&s, FT_CSVIO_CSV);
    assert_int_equal(ft_csvio_number(&s.w, "-26400000000000", 15, NULL), FT_OK);
    assert_int_equal(ft_csvio_number(&s.w, "439700000000", 12, NULL), FT_OK);
    assert_int_equal(ft_csvio_number(&s.w, "", 0, NULL), FT_OK);
    assert_int_equal(ft_csvio_uint(&s.w, 18446744073709551615ULL, NULL), FT_OK);
    assert_int_equal(ft_csvio_endrow(&s.w, NULL), FT_OK);
    char *got = take(&s);
    assert_string_equal(got,
                        "-26400000000000,439700000000,,18446744073709551615\n");
    free(got);
}

static void test_rows_and_separators(void **state)
{
    (void)state;
    sink s;
    open_sink(&s, FT_CSVIO_TSV);
    assert_int_equal(ft_csvio_str(&s.w, "a", NULL), FT_OK);
    assert_int_equal(ft_csvio_str(&s.w, NULL, NULL), FT_OK);
    assert_int_equal(ft_csvio_str(&s.w, "c", NULL), FT_OK);
    assert_int_equal(ft_csvio_endrow(&s.w, NULL), FT_OK);
    assert_int_equal(ft_csvio_str(&s.w, "d", NULL), FT_OK);
    assert_int_equal(ft_csvio_endrow(&s.w, NULL), FT_OK);
    char *got = take(&s);
    assert_string_equal(got, "a\t\tc\nd\n");
    free(got);
}

static void test_write_error_reported(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    setvbuf(f, NULL, _IONBF, 0); /* fail at once, not at fclose */
    ft_csvio w;
    ft_error err;
    ft_csvio_init(&w, f, FT_CSVIO_CSV);
    ft_status st = ft_csvio_str(&w, "x", &err);
    if (st == FT_OK)
        st = ft_csvio_endrow(&w, &err);
    assert_int_equal(st, FT_EIO);
    assert_non_null(strstr(err.message, "write error"));
    ft_csvio_free(&w);
    fclose(f);
}

/* A text cell as csvio.h describes it, byte by byte: the reference the
 * sixteen-byte paths are held to. */
static size_t ref_cell(char *o, ft_csvio_dialect d, const unsigned char *s,
                       size_t n)
{
    bool csv = d == FT_CSVIO_CSV, risky = ft_csvio_is_risky((const char *)s, n);
    bool quote = false;
    for (size_t i = 0; i < n; i++)
        quote |= s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (n > 0 &&
        ((!risky && s[0] == ' ') || s[n - 1] == ' ' || s[n - 1] == '\t'))
        quote = true;
    quote &= csv;
    size_t len = 0;
    if (quote)
        o[len++] = '"';
    if (risky)
        o[len++] = '\'';
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k = 1;
        if (csv && c == '"') {
            memcpy(o + len, "\"\"", 2);
            len += 2;
        } else if (!csv && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
            o[len++] = '\\';
            o[len++] = c == '\t'   ? 't'
                       : c == '\n' ? 'n'
                       : c == '\r' ? 'r'
                                   : '\\';
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
                   c == 0x7F ||
                   (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 &&
                    s[i + 1] <= 0x9F) ||
                   (c >= 0x80 &&
                    ft_text_utf8_len((const char *)s + i, n - i) == 0)) {
            memcpy(o + len, "\xEF\xBF\xBD", 3);
            len += 3;
            k = c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F
                    ? 2
                    : 1;
        } else {
            k = c < 0x80 ? 1 : ft_text_utf8_len((const char *)s + i, n - i);
            memcpy(o + len, s + i, k);
            len += k;
        }
        i += k;
    }
    if (quote)
        o[len++] = '"';
    return len;
}

/* The other ways to write a cell make the same one: read sixteen bytes
 * at a time (s padded), and, for well-formed UTF-8, not looked at again
 * past ASCII. */
static void assert_other_ways(ft_csvio_dialect d, const unsigned char *s,
                              size_t n, const char *want, size_t want_n)
{
    char padded[640], got[3 * 640 + 32];
    assert_true(n + 16 <= sizeof padded);
    /* marked past the cell (a control, a comma, a space): must be left
     * out */
    static const char marks[] = {0x01, ',', ' '};
    bool utf8 = ft_text_utf8_valid((const char *)s, n, NULL);
    char *end;
    for (size_t k = 0; k < sizeof marks; k++) {
        memset(padded, marks[k], sizeof padded);
        memcpy(padded, s, n);
        end = ft_csvio_text_padded_at(got, d, padded, n, false);
        assert_int_equal((size_t)(end - got), want_n);
        assert_memory_equal(got, want, want_n);
        if (!utf8)
            continue;
        end = ft_csvio_text_padded_at(got, d, padded, n, true);
        assert_int_equal((size_t)(end - got), want_n);
        assert_memory_equal(got, want, want_n);
    }
    if (!utf8)
        return;
    end = ft_csvio_text_utf8_at(got, d, padded, n);
    assert_int_equal((size_t)(end - got), want_n);
    assert_memory_equal(got, want, want_n);
}

/* Long cells (the sixteen-byte paths) of random pieces, and every byte
 * value at every place of a cell, written as the reference writes them. */
static void test_cells_same_as_reference(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a",
        "word",
        "plain ascii text here",
        ",",
        "\"",
        "\\",
        " ",
        "\t",
        "\n",
        "\r",
        "\x01",
        "\x1B[31m",
        "\x7F",
        "=",
        "-",
        "@",
        "+",
        "\xC2\xA0",
        "\xC2\x85",
        "\xC2\x9B",
        "\xE2\x80\x94",
        "\xEA\xB5\xAD",
        "\xF0\x9F\x98\x80",
        "\x80",
        "\xFF",
        "\xC2",
        "\xED\xA0\x80",
        "\xE2\x80",
    };
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    uint64_t seed = 0x9E3779B97F4A7C15ULL;
    for (int round = 0; round < 20000; round++) {
        unsigned char s[600];
        size_t n = 0;
        if (round < 256 * 40) { /* byte round/40 at place round%40 */
            n = 40;
            memset(s, 'x', n);
            s[round % 40] = (unsigned char)(round / 40);
        } else {
            seed ^= seed >> 12, seed ^= seed << 25, seed ^= seed >> 27;
            size_t count = (seed * 0x2545F4914F6CDD1DULL >> 33) % 40;
            for (size_t k = 0; k < count; k++) {
                seed ^= seed >> 12, seed ^= seed << 25, seed ^= seed >> 27;
                const char *p =
                    pieces[(seed * 0x2545F4914F6CDD1DULL >> 33) % n_pieces];
                memcpy(s + n, p, strlen(p));
                n += strlen(p);
            }
        }
        for (int d = FT_CSVIO_CSV; d <= FT_CSVIO_TSV; d++) {
            char want[3 * 600 + 8];
            size_t want_n = ref_cell(want, (ft_csvio_dialect)d, s, n);
            ft_buf b;
            ft_buf_init(&b);
            assert_int_equal(
                ft_csvio_put_text(&b, (ft_csvio_dialect)d, (const char *)s, n),
                FT_OK);
            assert_int_equal(b.len, want_n);
            assert_memory_equal(b.data, want, want_n);
            ft_buf_free(&b);
            assert_other_ways((ft_csvio_dialect)d, s, n, want, want_n);
        }
    }
}

/* Every byte value at every place of cells of 1 to 33 bytes: the short
 * cells copied as they are looked at (under 16 bytes), and the long ones
 * whose last sixteen bytes overlap the others, against the reference. */
static void test_every_length_same_as_reference(void **state)
{
    (void)state;
    for (size_t n = 1; n <= 33; n++)
        for (size_t at = 0; at < n; at++)
            for (unsigned c = 0; c < 256; c++) {
                unsigned char s[40];
                memset(s, 'x', n);
                s[at] = (unsigned char)c;
                for (int d = FT_CSVIO_CSV; d <= FT_CSVIO_TSV; d++) {
                    char want[3 * 40 + 8];
                    size_t want_n = ref_cell(want, (ft_csvio_dialect)d, s, n);
                    ft_buf b;
                    ft_buf_init(&b);
                    assert_int_equal(ft_csvio_put_text(&b, (ft_csvio_dialect)d,
                                                       (const char *)s, n),
                                     FT_OK);
                    assert_int_equal(b.len, want_n);
                    assert_memory_equal(b.data, want, want_n);
                    ft_buf_free(&b);
                    assert_other_ways((ft_csvio_dialect)d, s, n, want, want_n);
                }
            }
}

/* ft_lanes_below16(k), the mask of a padded cell's last block (and of
 * the JSON reader's), is the lanes before k, for every k. */
static void test_lanes_below16(void **state)
{
    (void)state;
    for (size_t k = 0; k <= 16; k++) {
        unsigned char m[16];
        ft_bytes16 v = ft_lanes_below16(k);
        memcpy(m, &v, 16);
        for (size_t i = 0; i < 16; i++)
            assert_int_equal(m[i], i < k ? 0xFF : 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_cells_unquoted),
        cmocka_unit_test(test_quoting_through_libcsv),
        cmocka_unit_test(test_neutralise_csv),
        cmocka_unit_test(test_is_risky),
        cmocka_unit_test(test_lanes_below16),
        cmocka_unit_test(test_tsv_escapes),
        cmocka_unit_test(test_controls_replaced),
        cmocka_unit_test(test_scrub_beside_quoting),
        cmocka_unit_test(test_quoting_as_libcsv),
        cmocka_unit_test(test_numbers_never_change),
        cmocka_unit_test(test_rows_and_separators),
        cmocka_unit_test(test_write_error_reported),
        cmocka_unit_test(test_cells_same_as_reference),
        cmocka_unit_test(test_every_length_same_as_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
