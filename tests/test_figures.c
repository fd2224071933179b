/* test_figures.c — figure rows as CSV, TSV and JSONL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "figures.h"

#define HEADER                                                                 \
    "doc,published,mention,start,end,surface,amount,amount_max,currency,"      \
    "qualifier,kind,reported_amount,reported_currency,year,year_basis,"        \
    "subject,country,flags,sentence,source,title,url\n"

static char text[] =
    "Its budget peaked at 439.7 billion won ($317.4 million) in 2007.\n"
    "Next,   a\tsecond  sentence.";

/* An article over `text` (the writer only reads it). */
static ft_article article(char *id, char *published)
{
    ft_article a = {0};
    a.id = id;
    a.published = published;
    a.text = text;
    a.len = strlen(text);
    return a;
}

/* The card's first figure: 439.7 billion won ($317.4 million), 2007. */
static ft_figure card_figure(void)
{
    ft_figure f;
    memset(&f, 0, sizeof f);
    f.start = 21;
    f.end = 38;
    f.amount = (ft_decimal){.digits = 439700000000ULL, .scale = 0};
    strcpy(f.currency, "KRW");
    f.has_reported = true;
    f.reported = (ft_decimal){.digits = 3174, .scale = 1};
    assert_true(ft_decimal_mul_pow10(&f.reported, 6));
    strcpy(f.reported_currency, "USD");
    f.year = 2007;
    f.year_basis = FT_YEAR_EXPLICIT;
    strcpy(f.subject, "Inter-Korean Cooperation Fund");
    strcpy(f.country, "KOR");
    f.sent_start = 0;
    f.sent_end = 64;
    return f;
}

/* Write a header (unless JSONL) and rows; return what was written. */
static char *render(ft_format fmt, const ft_article *a, const ft_figure *f,
                    size_t n)
{
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    assert_non_null(out);
    ft_figwriter *w = ft_figwriter_new(out, fmt);
    assert_non_null(w);
    assert_int_equal(ft_figwriter_header(w, NULL), FT_OK);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(ft_figwriter_row(w, a, i + 1, &f[i], NULL), FT_OK);
    ft_figwriter_free(w);
    fclose(out);
    return data;
}

/* An article with no figure renders no rows: an empty buffer, which may
 * have no storage yet, is written as nothing (fwrite's pointer must not
 * be NULL, which UBSan checks in make check-asan). */
static void test_write_nothing(void **state)
{
    (void)state;
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    assert_non_null(out);
    ft_figwriter *w = ft_figwriter_new(out, FT_FORMAT_CSV);
    assert_non_null(w);
    assert_int_equal(ft_figwriter_write(w, NULL, 0, NULL), FT_OK);
    ft_figwriter_free(w);
    fclose(out);
    assert_int_equal(len, 0);
    free(data);
}

static void test_names(void **state)
{
    (void)state;
    const char *q[] = {"eq", "approx", "gt", "ge", "lt", "le", "range"};
    for (int i = FT_Q_EQ; i <= FT_Q_RANGE; i++)
        assert_string_equal(ft_qualifier_name((ft_qualifier)i), q[i]);
    assert_string_equal(ft_kind_name(FT_KIND_LEVEL), "level");
    assert_string_equal(ft_kind_name(FT_KIND_CHANGE), "change");
    assert_string_equal(ft_year_basis_name(FT_YEAR_NONE), "none");
    assert_string_equal(ft_year_basis_name(FT_YEAR_EXPLICIT), "explicit");
    assert_string_equal(ft_year_basis_name(FT_YEAR_FISCAL), "fiscal");
    assert_string_equal(ft_year_basis_name(FT_YEAR_RELATIVE), "relative");
}

/* s as every format writes it: unchanged in CSV and TSV, and a JSON
 * string with nothing to escape. */
static void assert_plain_cell(const char *s, size_t n)
{
    static const ft_csvio_dialect dialects[] = {FT_CSVIO_CSV, FT_CSVIO_TSV};
    for (size_t d = 0; d < 2; d++) {
        ft_buf b;
        ft_buf_init(&b);
        assert_int_equal(ft_csvio_put_text(&b, dialects[d], s, n), FT_OK);
        assert_int_equal(b.len, n);
        assert_memory_equal(b.data ? b.data : "", s, n);
        ft_buf_free(&b);
    }
    for (size_t i = 0; i < n; i++)
        assert_true(s[i] > 0x20 && s[i] < 0x7F && s[i] != '"' && s[i] != '\\');
}

/* The writer copies names and flags without looking at them: every
 * qualifier, kind, year basis and set of flags is a plain cell. */
static void test_names_need_no_quoting(void **state)
{
    (void)state;
    ft_article a = article("d", "");
    ft_figure f = card_figure();
    ft_figwriter *w = ft_figwriter_new(NULL, FT_FORMAT_CSV);
    assert_non_null(w);
    static const int target_years[] = {0, 2025, -12};
    for (int q = FT_Q_EQ; q <= FT_Q_RANGE + 1; q++)
        for (int k = FT_KIND_LEVEL; k <= FT_KIND_CHANGE + 1; k++)
            for (int yb = FT_YEAR_NONE; yb <= FT_YEAR_RELATIVE + 1; yb++)
                for (unsigned flags = 0; flags < 16; flags++)
                    for (size_t t = 0; t < 3; t++) {
                        f.qualifier = (ft_qualifier)q;
                        f.kind = (ft_kind)k;
                        f.year_basis = (ft_year_basis)yb;
                        f.flags = flags;
                        f.target_year = target_years[t];
                        ft_figrow row;
                        assert_int_equal(
                            ft_figwriter_cells(w, &a, 1, &f, &row, NULL),
                            FT_OK);
                        static const size_t named[] = {9, 10, 14, 17};
                        for (size_t i = 0; i < 4; i++)
                            assert_plain_cell(row.cell[named[i]],
                                              row.len[named[i]]);
                    }
    ft_figwriter_free(w);
}

/* The row ft_figwriter_format makes for f, against the row of its cells
 * (ft_figwriter_cells, the plain way), in CSV or TSV. */
static void assert_format_same_as_cells(ft_format fmt, const ft_article *a,
                                        size_t mention, const ft_figure *f)
{
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    assert_non_null(out);
    ft_figwriter *cells = ft_figwriter_new(out, fmt);
    ft_figrow row;
    assert_int_equal(ft_figwriter_cells(cells, a, mention, f, &row, NULL),
                     FT_OK);
    assert_int_equal(ft_figwriter_cells_row(cells, &row, NULL), FT_OK);
    ft_figwriter_free(cells);
    fclose(out);
    ft_figwriter *w = ft_figwriter_new(NULL, fmt);
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_figwriter_format(w, a, mention, f, &b, NULL), FT_OK);
    assert_string_equal(b.data, data);
    ft_buf_free(&b);
    ft_figwriter_free(w);
    free(data);
}

/* The row ft_figwriter_format builds in place is the row its cells make
 * (ft_figwriter_cells, through ft_decimal_format), for numbers of every
 * length and sign, in CSV and TSV. */
static void test_format_same_as_cells(void **state)
{
    (void)state;
    /* each side of every power of ten, where a number's digit count
     * changes, and a few between */
    uint64_t values[3 * 20 + 4] = {12345, 439700000000ULL, 12345678987654321ULL,
                                   UINT64_MAX};
    size_t nvalues = 4;
    for (uint64_t p = 1;; p *= 10) {
        values[nvalues++] = p - 1;
        values[nvalues++] = p;
        values[nvalues++] = p + 1;
        if (p > UINT64_MAX / 10)
            break;
    }
    ft_article a = article("doc", "2025-08-01");
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_TSV; fmt++)
        for (size_t i = 0; i < nvalues; i++)
            for (int scale = -1; scale <= 3; scale++) {
                ft_figure f = card_figure();
                f.amount = (ft_decimal){.digits = values[i],
                                        .scale = scale,
                                        .negative = i % 2 == 1};
                f.has_max = true;
                f.amount_max = (ft_decimal){.digits = values[i] / 7};
                f.reported = (ft_decimal){.digits = values[i], .scale = 2};
                f.year = i % 3 == 0 ? -(int)i : (int)(values[i] % 100000);
                f.target_year = (int)i - 5;
                assert_format_same_as_cells((ft_format)fmt, &a, i + 1, &f);
            }
}

/* The offsets (start, end) written in place, on each side of every power
 * of ten up to 10^5 (four digits and fewer take a shorter way), are the
 * ones ft_figwriter_cells writes. */
static void test_offsets_same_as_cells(void **state)
{
    (void)state;
    size_t n = 300000;
    char *t = malloc(n + 1);
    assert_non_null(t);
    memset(t, 'x', n);
    t[n] = '\0';
    ft_article a = {.id = "d", .published = "", .text = t, .len = n};
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_TSV; fmt++)
        for (size_t p = 1; p <= 100000; p *= 10)
            for (size_t at = p - 1; at <= p + 1; at++) {
                ft_figure f = card_figure();
                f.start = at;
                f.end = 2 * at + 1;
                f.sent_start = 0;
                f.sent_end = 3;
                assert_format_same_as_cells((ft_format)fmt, &a, at + 1, &f);
            }
    free(t);
}

/* The row of a figure whose sentence is s, in format fmt; the sentence
 * ends the text, or is followed by a line end that it does not include
 * (folding drops it): the same cells either way. */
static char *row_of_sentence(ft_format fmt, const char *s, bool newline_after,
                             bool utf8, bool narrow)
{
    size_t n = strlen(s);
    char *t = malloc(n + 2);
    assert_non_null(t);
    memcpy(t, s, n);
    t[n] = '\n';
    t[n + 1] = '\0';
    ft_article a = {
        .id = "d", .published = "", .text = t, .len = n + 1, .utf8 = utf8};
    ft_figure f = card_figure();
    f.start = 0;
    f.end = n < 3 ? n : 3;
    f.sent_start = 0;
    f.sent_end = newline_after ? n + 1 : n;
    ft_figwriter *w = ft_figwriter_new(NULL, fmt);
    if (narrow)
        ft_figwriter_narrow(w);
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_figwriter_format(w, &a, 1, &f, &b, NULL), FT_OK);
    ft_figwriter_free(w);
    free(t);
    return b.data;
}

/* Each insert put at every place of a sentence (with no comma of its
 * own, so that one put anywhere, the first byte or the last, is what
 * quotes the cell): the row written from the text as it is (known
 * well-formed UTF-8 when utf8) is the one the folded sentence makes. */
static void assert_inserts_same(ft_format fmt, const char *const *inserts,
                                size_t n, bool utf8)
{
    static const char base[] = "The budget rose to 5 billion won in 2023 "
                               "officials said.";
    for (size_t k = 0; k < n; k++)
        for (size_t at = 0; at <= sizeof base - 1; at++) {
            char s[128];
            snprintf(s, sizeof s, "%.*s%s%s", (int)at, base, inserts[k],
                     base + at);
            char *want = row_of_sentence(fmt, s, true, false, false);
            char *got = row_of_sentence(fmt, s, false, utf8, false);
            assert_string_equal(got, want);
            free(want);
            free(got);
        }
}

/* A sentence that folding leaves as it is is written from the article's
 * text without a fold: the cell is the one the folded sentence makes.
 * The line end after it makes the writer fold; spaces, controls and bytes
 * that are not ASCII are put at every place of a sentence longer than
 * two sixteen-byte steps. */
static void test_sentence_unfolded_same_as_folded(void **state)
{
    (void)state;
    static const char *const fixed[] = {
        "",
        "x",
        "A plain one.",
        "Commas, and \"quotes\" inside, cost $5.",
        "=1+2 looks like a formula",
        "-5 percent",
        "@home",
        "back\\slash and \\t",
        "ends with a space ",
        " starts with a space",
        "two  spaces",
        "a\nb",
        "tab\there, cr\rthere",
        "lf\n\nlf",
        "Its one comma at the end,",
        "Its one comma at the end of 32 b,",
        /* quotes and backslashes (doubled) over several steps, with and
         * without what else makes a sentence not plain */
        "\"Quoted\" words, \"more quoted\", \"\" and \"a long tail\"",
        "=\"formula\" with its quotes and a tail of some length",
        "\\\\ many \\ back\\slashes \\ in a row of them\\\\",
        "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
        "a \"quote\" and  two spaces after it, in 40 bytes",
        "a \"quote\" and a \x01 control after it, in 40 b",
        "a \"quote\" and a\ttab and a\nline end, in 40 b",
        "a \"quote\" and a \x7F after it, in forty bytes",
    };
    static const char *const inserts[] = {
        "  ",   " ",    "\t",   "\r",       "\n",   "\v", "\f",
        "\x01", "\x7F", "\x7E", "\xC3\xA9", "\xFF", "\"", ",",
        "\\",   "\"\"", "\\\\", "\" \"",    "\"\\,"};
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_JSONL; fmt++) {
        for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
            char *want =
                row_of_sentence((ft_format)fmt, fixed[i], true, false, false);
            char *got =
                row_of_sentence((ft_format)fmt, fixed[i], false, false, false);
            assert_string_equal(got, want);
            free(want);
            free(got);
        }
        assert_inserts_same((ft_format)fmt, inserts,
                            sizeof inserts / sizeof inserts[0], false);
    }
}

/* A sentence of a text the reader found well-formed UTF-8 is not checked
 * again, but for the characters folding or the cell changes: the row is
 * the one an unchecked text makes.  Spaces past ASCII, C1 controls,
 * characters that share their first byte with those, and Hangul are put
 * at every place. */
static void test_sentence_of_utf8_text(void **state)
{
    (void)state;
    static const char *const inserts[] = {"\xE2\x80\x94",
                                          "\xE2\x80\x99",
                                          "\xE3\x80\x80",
                                          "\xE3\x80\x8C",
                                          "\xE2\x80\x83",
                                          "\xE2\x80\xA8",
                                          "\xE2\x81\x9F",
                                          "\xC2\xA0",
                                          "\xC2\x85",
                                          "\xC2\x9B",
                                          "\xC2\xB0",
                                          "\xED\x95\x9C",
                                          "\xED\x95\x9C ",
                                          " \xED\x95\x9C",
                                          "\xF0\x9F\x98\x80",
                                          "\n\xEA\xB5\xAD",
                                          "\x7F",
                                          "\"",
                                          ",",
                                          "\\",
                                          "\"\xE2\x80\x99\"",
                                          "\"\xE2\x80\x83",
                                          "\\\xE3\x80\x80",
                                          "\"\xC2\x85"};
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_JSONL; fmt++)
        assert_inserts_same((ft_format)fmt, inserts,
                            sizeof inserts / sizeof inserts[0], true);
}

/* Sentences of every length from 17 bytes (the shortest written without
 * a fold) to past two 32-byte steps (the longest taken sixteen bytes at
 * a time is 32, thirty-two at a time where the processor can from 33),
 * each with a byte that changes the cell at every place: the row is the
 * one the folded sentence makes, by 32-byte steps and (as a processor
 * without AVX2 writes it, ft_figwriter_narrow) by 16-byte ones. */
static void test_sentence_lengths(void **state)
{
    (void)state;
    /* each control and space below ' ', and bytes of every class the
     * looks tell apart; the last one not UTF-8 */
    static const char *const inserts[] = {",",
                                          "\"",
                                          "\\",
                                          "\t",
                                          "  ",
                                          "\x7F",
                                          "\xC2\x85",
                                          "=",
                                          "\x01",
                                          "\x08",
                                          "\x0B",
                                          "\x0E",
                                          "\x0F",
                                          "\x10",
                                          "\x1B",
                                          "\x1F",
                                          "\r",
                                          "\xC2\xA0",
                                          "\xE3\x80\x80",
                                          "\xE2\x80\x99",
                                          "\xE2\x80\x83",
                                          "\xED\x95\x9C",
                                          "\xFF"};
    size_t not_utf8 = sizeof inserts / sizeof inserts[0] - 1;
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_TSV; fmt++)
        for (size_t n = 17; n <= 72; n++)
            for (size_t k = 0; k < sizeof inserts / sizeof inserts[0]; k++)
                for (size_t at = 0; at <= n; at++) {
                    char s[128];
                    size_t len = 0;
                    for (size_t i = 0; i < n; i++) {
                        if (i == at)
                            len += (size_t)sprintf(s + len, "%s", inserts[k]);
                        s[len++] = i % 4 == 3 ? ' ' : (char)('a' + i % 26);
                    }
                    if (at == n)
                        len += (size_t)sprintf(s + len, "%s", inserts[k]);
                    s[len] = '\0';
                    char *want =
                        row_of_sentence((ft_format)fmt, s, true, false, false);
                    for (int utf8 = 0; utf8 <= (k != not_utf8); utf8++)
                        for (int narrow = 0; narrow <= 1; narrow++) {
                            char *got =
                                row_of_sentence((ft_format)fmt, s, false,
                                                utf8 == 1, narrow == 1);
                            assert_string_equal(got, want);
                            free(got);
                        }
                    free(want);
                }
}

/* Currency and country cells are codes of capital letters, written as
 * they are; anything else in those fields is text like any other
 * (quoted, neutralised, escaped), and an empty one is empty (null in
 * JSON). */
/* A code field (currency, country) of capital letters is written as it
 * is, found a word at a time: every byte at every place of a code of each
 * length writes the same row as the plain way (the field's last byte
 * stays its NUL). */
static void test_code_cells_same_as_cells(void **state)
{
    (void)state;
    ft_article a = article("doc", "2025-08-01");
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_TSV; fmt++)
        for (size_t n = 0; n < 8; n++)
            for (size_t at = 0; at <= n && at < 7; at++)
                for (unsigned c = 0; c < 256; c++) {
                    ft_figure f = card_figure();
                    memset(f.currency, 0, sizeof f.currency);
                    memcpy(f.currency, "ABCDEFG", n);
                    f.currency[at] = (char)c;
                    memset(f.country, 0, sizeof f.country);
                    memcpy(f.country, "XYZ", n < 4 ? n : 3);
                    f.country[at & 3] = (char)c;
                    f.country[3] = '\0';
                    assert_format_same_as_cells((ft_format)fmt, &a, 1, &f);
                }
}

static void test_code_cells(void **state)
{
    (void)state;
    ft_article a = article("d", "");
    ft_figure f = card_figure();
    strcpy(f.currency, "us,d");
    strcpy(f.reported_currency, "");
    strcpy(f.country, "=X");
    char *got = render(FT_FORMAT_CSV, &a, &f, 1);
    assert_non_null(strstr(got, ",439700000000,,\"us,d\",eq,level,317400000,,"
                                "2007,explicit,Inter-Korean Cooperation Fund,"
                                "'=X,,"));
    free(got);
    got = render(FT_FORMAT_TSV, &a, &f, 1);
    assert_non_null(strstr(got, "\tus,d\teq\t"));
    assert_non_null(strstr(got, "\t'=X\t"));
    free(got);
    got = render(FT_FORMAT_JSONL, &a, &f, 1);
    assert_non_null(strstr(got, "\"currency\":\"us,d\","));
    assert_non_null(strstr(got, "\"reported_currency\":null,"));
    assert_non_null(strstr(got, "\"country\":\"=X\","));
    free(got);
    strcpy(f.currency, "EUR");
    strcpy(f.reported_currency, "USD");
    f.country[0] = '\0';
    got = render(FT_FORMAT_JSONL, &a, &f, 1);
    assert_non_null(strstr(got, "\"currency\":\"EUR\","));
    assert_non_null(strstr(got, "\"reported_currency\":\"USD\","));
    assert_non_null(strstr(got, "\"country\":null,"));
    free(got);
    got = render(FT_FORMAT_CSV, &a, &f, 1);
    assert_non_null(strstr(got, ",EUR,eq,level,317400000,USD,2007,"));
    assert_non_null(strstr(got, "Cooperation Fund,,,"));
    free(got);
}

static void test_csv_card_row(void **state)
{
    (void)state;
    ft_article a = article("seed.txt", "2025-08-01");
    ft_figure f = card_figure();
    char *got = render(FT_FORMAT_CSV, &a, &f, 1);
    assert_string_equal(
        got, HEADER "seed.txt,2025-08-01,1,21,38,439.7 billion won,"
                    "439700000000,,KRW,eq,level,317400000,USD,2007,explicit,"
                    "Inter-Korean Cooperation Fund,KOR,,Its budget peaked at "
                    "439.7 billion won ($317.4 million) in 2007.,,,\n");
    free(got);
}

static void test_csv_range_flags_and_folding(void **state)
{
    (void)state;
    ft_article a = article("a", "");
    ft_figure f;
    memset(&f, 0, sizeof f);
    f.start = 75; /* "second" stands in for a figure */
    f.end = 81;
    f.amount = (ft_decimal){.digits = 275, .scale = 2};
    f.amount_max = (ft_decimal){.digits = 3, .scale = 0};
    f.has_max = true;
    f.qualifier = FT_Q_RANGE;
    f.kind = FT_KIND_CHANGE;
    f.target_year = 2029;
    f.flags = FT_FLAG_CONVERSION_MISMATCH | FT_FLAG_AMBIGUOUS_CURRENCY |
              FT_FLAG_CURRENCY_INFERRED;
    f.sent_start = 65;
    f.sent_end = strlen(text);
    char *got = render(FT_FORMAT_CSV, &a, &f, 1);
    assert_string_equal(
        got, HEADER "a,,1,75,81,second,2.75,3,,range,change,,,,none,,,"
                    "ambiguous_currency;currency_inferred;conversion_mismatch;"
                    "target_year:2029,\"Next, a second sentence.\",,,\n");
    free(got);
}

static void test_csv_neutralises_text_not_numbers(void **state)
{
    (void)state;
    ft_article a = article("=HYPERLINK(\"http://x\")", "2025-01-01");
    ft_figure f = card_figure();
    strcpy(f.subject, "@SUM(A1)");
    char *got = render(FT_FORMAT_CSV, &a, &f, 1);
    assert_non_null(strstr(got,
                           "\n\"'=HYPERLINK(\"\"http://x\"\")\",2025-01-01,"
                           "1,21,38,439.7 billion won,439700000000,"));
    assert_non_null(strstr(got, ",'@SUM(A1),"));
    free(got);
}

static void test_tsv_row(void **state)
{
    (void)state;
    ft_article a = article("dir/a\tb.txt", "");
    ft_figure f = card_figure();
    f.year = 0;
    f.year_basis = FT_YEAR_NONE;
    f.subject[0] = '\0';
    char *got = render(FT_FORMAT_TSV, &a, &f, 1);
    const char *want =
        "doc\tpublished\tmention\tstart\tend\tsurface\tamount\tamount_max\t"
        "currency\tqualifier\tkind\treported_amount\treported_currency\tyear\t"
        "year_basis\tsubject\tcountry\tflags\tsentence\tsource\ttitle\turl\n"
        "dir/a\\tb.txt\t\t1\t21\t38\t439.7 billion won\t439700000000\t\tKRW\t"
        "eq\tlevel\t317400000\tUSD\t\tnone\t\tKOR\t\tIts budget peaked at "
        "439.7 "
        "billion won ($317.4 million) in 2007.\t\t\t\n";
    assert_string_equal(got, want);
    free(got);
}

static void test_jsonl_row(void **state)
{
    (void)state;
    ft_article a = article("k1", "2025-08-01");
    ft_figure f = card_figure();
    f.target_year = 2029;
    char *got = render(FT_FORMAT_JSONL, &a, &f, 1);
    assert_string_equal(
        got,
        "{\"doc\":\"k1\",\"published\":\"2025-08-01\",\"mention\":1,"
        "\"start\":21,\"end\":38,\"surface\":\"439.7 billion won\","
        "\"amount\":439700000000,\"amount_max\":null,\"currency\":\"KRW\","
        "\"qualifier\":\"eq\",\"kind\":\"level\",\"reported_amount\":317400000,"
        "\"reported_currency\":\"USD\",\"year\":2007,\"year_basis\":"
        "\"explicit\",\"subject\":\"Inter-Korean Cooperation Fund\","
        "\"country\":\"KOR\",\"flags\":\"target_year:2029\",\"sentence\":"
        "\"Its budget peaked at "
        "439.7 billion won ($317.4 million) in 2007.\",\"source\":null,"
        "\"title\":null,\"url\":null}\n");
    free(got);
}

static void test_jsonl_empty_is_null(void **state)
{
    (void)state;
    ft_article a = article("x", "");
    ft_figure f;
    memset(&f, 0, sizeof f);
    f.start = f.end = 0;
    f.sent_start = f.sent_end = 0;
    char *got = render(FT_FORMAT_JSONL, &a, &f, 1);
    assert_string_equal(
        got, "{\"doc\":\"x\",\"published\":null,\"mention\":1,\"start\":0,"
             "\"end\":0,\"surface\":null,\"amount\":0,\"amount_max\":null,"
             "\"currency\":null,\"qualifier\":\"eq\",\"kind\":\"level\","
             "\"reported_amount\":null,\"reported_currency\":null,"
             "\"year\":null,\"year_basis\":\"none\",\"subject\":null,"
             "\"country\":null,\"flags\":null,\"sentence\":null,"
             "\"source\":null,\"title\":null,\"url\":null}\n");
    free(got);
}

static void test_jsonl_escaping(void **state)
{
    (void)state;
    ft_article a = article("q\"b\\s/\x01\x1f\b\f\n\r\t\x7f"
                           "\xE2\x80\xA8\xE2\x80\xA9\xFF\xEC\x9B\x90",
                           "");
    ft_figure f;
    memset(&f, 0, sizeof f);
    char *got = render(FT_FORMAT_JSONL, &a, &f, 1);
    const char *want = "{\"doc\":\"q\\\"b\\\\s/\\u0001\\u001f\\b\\f\\n\\r\\t"
                       "\x7f\\u2028\\u2029\\ufffd\xEC\x9B\x90\",";
    assert_memory_equal(got, want, strlen(want));
    free(got);
}

static void test_offsets_checked(void **state)
{
    (void)state;
    ft_article a = article("x", "");
    ft_figure f = card_figure();
    f.end = a.len + 1;
    ft_error err;
    FILE *out = fopen("/dev/null", "w");
    assert_non_null(out);
    ft_figwriter *w = ft_figwriter_new(out, FT_FORMAT_CSV);
    assert_int_equal(ft_figwriter_row(w, &a, 1, &f, &err), FT_EDATA);
    f = card_figure();
    f.sent_start = 40;
    f.sent_end = 39;
    assert_int_equal(ft_figwriter_row(w, &a, 1, &f, &err), FT_EDATA);
    ft_figwriter_free(w);
    fclose(out);
}

static void test_jsonl_has_no_header(void **state)
{
    (void)state;
    ft_article a = article("x", "");
    char *got = render(FT_FORMAT_JSONL, &a, NULL, 0);
    assert_string_equal(got, "");
    free(got);
}

static void test_mentions_count_from_one(void **state)
{
    (void)state;
    ft_article a = article("m", "");
    ft_figure f[2] = {card_figure(), card_figure()};
    char *got = render(FT_FORMAT_CSV, &a, f, 2);
    assert_non_null(strstr(got, "\nm,,1,21,38,"));
    assert_non_null(strstr(got, "\nm,,2,21,38,"));
    free(got);
}

/* The next article may reuse the previous one's memory: its sentence is
 * its own, not the one folded for the previous article's row. */
static void test_sentence_of_a_reused_buffer(void **state)
{
    (void)state;
    char buf[] = "It cost 900 million won.";
    ft_article a = {
        .id = "a", .published = "", .text = buf, .len = strlen(buf)};
    ft_figure f = {.start = 8, .end = 23, .sent_start = 0, .sent_end = 24};
    strcpy(f.currency, "KRW");
    f.amount.digits = 900000000;
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    ft_figwriter *w = ft_figwriter_new(out, FT_FORMAT_CSV);
    assert_int_equal(ft_figwriter_row(w, &a, 1, &f, NULL), FT_OK);
    memcpy(buf, "It paid 900 million won.", sizeof buf);
    a.id = "b";
    assert_int_equal(ft_figwriter_row(w, &a, 1, &f, NULL), FT_OK);
    ft_figwriter_free(w);
    fclose(out);
    assert_non_null(strstr(data, "It cost 900 million won.,,,\n"));
    assert_non_null(strstr(data, "It paid 900 million won.,,,\n"));
    free(data);
}

/* The article's outlet, headline and address close each row, in every
 * format; a headline is text like any other, neutralised in CSV. */
static void test_source_title_url(void **state)
{
    (void)state;
    ft_article a = article("d1", "2025-03-04");
    a.source = "Harbour Post";
    a.title = "=cmd|' /C calc'!A0 \"budget\", rises";
    a.url = "https://example.org/a?b=1";
    ft_figure f = card_figure();
    char *got = render(FT_FORMAT_CSV, &a, &f, 1);
    assert_non_null(strstr(got, "in 2007.,Harbour Post,"
                                "\"'=cmd|' /C calc'!A0 \"\"budget\"\", rises\","
                                "https://example.org/a?b=1\n"));
    free(got);
    got = render(FT_FORMAT_TSV, &a, &f, 1);
    assert_non_null(strstr(got, "\tHarbour Post\t'=cmd|' /C calc'!A0 "
                                "\"budget\", rises\t"
                                "https://example.org/a?b=1\n"));
    free(got);
    got = render(FT_FORMAT_JSONL, &a, &f, 1);
    assert_non_null(strstr(got, ",\"source\":\"Harbour Post\",\"title\":"
                                "\"=cmd|' /C calc'!A0 \\\"budget\\\", rises\","
                                "\"url\":\"https://example.org/a?b=1\"}\n"));
    free(got);
    for (size_t i = 0; i < FT_FIGURE_NCOLUMNS; i++)
        if (strcmp(ft_figure_column(i), "sentence") == 0) {
            assert_string_equal(ft_figure_column(i + 1), "source");
            assert_string_equal(ft_figure_column(i + 2), "title");
            assert_string_equal(ft_figure_column(i + 3), "url");
            assert_null(ft_figure_column(i + 4));
        }
}

/* A day written as it is (YYYY-MM-DD) is the cell the plain way makes;
 * days that differ from that shape in a byte, or in length, or that
 * start with a byte a spreadsheet runs, are written as any text. */
static void test_published_cells(void **state)
{
    (void)state;
    static const char *const days[] = {"2025-01-31",
                                       "0000-00-00",
                                       "9999-99-99",
                                       "2025-01-3",
                                       "2025-01-311",
                                       "2025/01/31",
                                       "2025-01,31",
                                       "=025-01-31",
                                       "-025-01-31",
                                       "2025-01-3=",
                                       "2025 01 31",
                                       "2025-01-3\"",
                                       "\xB2"
                                       "025-01-31",
                                       "2025-01-3\xB1",
                                       "",
                                       "20250131",
                                       "2025-01-31 "};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        ft_article a = article("d", (char *)days[i]);
        ft_figure f = card_figure();
        for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_TSV; fmt++)
            assert_format_same_as_cells((ft_format)fmt, &a, 1, &f);
        /* JSON: the day as a string, escaped as any text */
        ft_figwriter *w = ft_figwriter_new(NULL, FT_FORMAT_JSONL);
        ft_buf b;
        ft_buf_init(&b);
        assert_int_equal(ft_figwriter_format(w, &a, 1, &f, &b, NULL), FT_OK);
        char want[64];
        if (strcmp(days[i], "2025-01-3\"") == 0)
            strcpy(want, ",\"published\":\"2025-01-3\\\"\",");
        else if (days[i][0] == '\0')
            strcpy(want, ",\"published\":null,");
        else if (strchr(days[i], '\xB1') || strchr(days[i], '\xB2'))
            strcpy(want, ",\"published\":\"");
        else
            snprintf(want, sizeof want, ",\"published\":\"%s\",", days[i]);
        assert_non_null(strstr(b.data, want));
        ft_buf_free(&b);
        ft_figwriter_free(w);
    }
}

/* One writer's rows for articles that share their source or their day or
 * not (the source's cell is kept from the article before): each the row
 * a new writer makes. */
static void test_shared_cells_from_article_to_article(void **state)
{
    (void)state;
    static const char *const sources[] = {"Wire", "Wire", "Wire, Inc.",
                                          "",     "",     "=Wire"};
    static const char *const days[] = {
        "2025-01-01", "2025-01-01", "", "2025-01-02", "", "2025-01-02"};
    for (int fmt = FT_FORMAT_CSV; fmt <= FT_FORMAT_JSONL; fmt++) {
        ft_figwriter *w = ft_figwriter_new(NULL, (ft_format)fmt);
        for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
            char id[16];
            snprintf(id, sizeof id, "d%zu", i);
            ft_article a = article(id, (char *)days[i]);
            a.source = (char *)sources[i];
            ft_figure f = card_figure();
            ft_buf b, want;
            ft_buf_init(&b);
            ft_buf_init(&want);
            assert_int_equal(ft_figwriter_format(w, &a, 1, &f, &b, NULL),
                             FT_OK);
            ft_figwriter *fresh = ft_figwriter_new(NULL, (ft_format)fmt);
            assert_int_equal(ft_figwriter_format(fresh, &a, 1, &f, &want, NULL),
                             FT_OK);
            assert_string_equal(b.data, want.data);
            ft_figwriter_free(fresh);
            ft_buf_free(&b);
            ft_buf_free(&want);
        }
        ft_figwriter_free(w);
    }
}

/* Rows formatted into a buffer (on a worker thread, with jobs) are the
 * bytes ft_figwriter_row writes, appended after what the buffer held;
 * written with ft_figwriter_write they make the same stream.  A figure
 * refused leaves the buffer as it was.  Also the negative target year
 * and a figure with every flag. */
static void test_format_is_row(void **state)
{
    (void)state;
    static const ft_format formats[] = {FT_FORMAT_CSV, FT_FORMAT_TSV,
                                        FT_FORMAT_JSONL};
    ft_article a = article("=id,\"x\"", "2020-01-02");
    ft_figure f[3] = {card_figure(), card_figure(), card_figure()};
    f[1].flags = FT_FLAG_AMBIGUOUS_CURRENCY | FT_FLAG_CURRENCY_INFERRED |
                 FT_FLAG_CONVERSION_MISMATCH | FT_FLAG_SUBJECT_FROM_STORY;
    f[1].target_year = -12;
    f[1].year = -3;
    f[2].sent_start = 65;
    f[2].sent_end = a.len;
    for (size_t k = 0; k < 3; k++) {
        char *want = render(formats[k], &a, f, 3);
        char *data = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&data, &len);
        assert_non_null(out);
        ft_figwriter *w = ft_figwriter_new(out, formats[k]);
        ft_figwriter *maker = ft_figwriter_new(NULL, formats[k]);
        assert_int_equal(ft_figwriter_header(w, NULL), FT_OK);
        ft_buf b;
        ft_buf_init(&b);
        assert_int_equal(ft_buf_append(&b, "[", 1), FT_OK);
        for (size_t i = 0; i < 3; i++)
            assert_int_equal(
                ft_figwriter_format(maker, &a, i + 1, &f[i], &b, NULL), FT_OK);
        ft_figure bad = card_figure();
        bad.end = a.len + 1;
        size_t was = b.len;
        assert_int_equal(ft_figwriter_format(maker, &a, 4, &bad, &b, NULL),
                         FT_EDATA);
        assert_int_equal(b.len, was);
        assert_int_equal(ft_figwriter_write(w, b.data + 1, b.len - 1, NULL),
                         FT_OK);
        ft_figwriter_free(w);
        ft_figwriter_free(maker);
        fclose(out);
        assert_string_equal(data, want);
        if (formats[k] != FT_FORMAT_JSONL)
            assert_non_null(
                strstr(data, ",ambiguous_currency;currency_inferred;"
                             "conversion_mismatch;subject_from_story;"
                             "target_year:-12,") ||
                strstr(data, "\tambiguous_currency;currency_inferred;"
                             "conversion_mismatch;subject_from_story;"
                             "target_year:-12\t"));
        else
            assert_non_null(strstr(data, "\"year\":-3,"));
        ft_buf_free(&b);
        free(data);
        free(want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_names_need_no_quoting),
        cmocka_unit_test(test_format_same_as_cells),
        cmocka_unit_test(test_offsets_same_as_cells),
        cmocka_unit_test(test_sentence_unfolded_same_as_folded),
        cmocka_unit_test(test_sentence_of_utf8_text),
        cmocka_unit_test(test_sentence_lengths),
        cmocka_unit_test(test_code_cells),
        cmocka_unit_test(test_code_cells_same_as_cells),
        cmocka_unit_test(test_csv_card_row),
        cmocka_unit_test(test_csv_range_flags_and_folding),
        cmocka_unit_test(test_csv_neutralises_text_not_numbers),
        cmocka_unit_test(test_tsv_row),
        cmocka_unit_test(test_jsonl_row),
        cmocka_unit_test(test_jsonl_empty_is_null),
        cmocka_unit_test(test_jsonl_escaping),
        cmocka_unit_test(test_offsets_checked),
        cmocka_unit_test(test_jsonl_has_no_header),
        cmocka_unit_test(test_mentions_count_from_one),
        cmocka_unit_test(test_sentence_of_a_reused_buffer),
        cmocka_unit_test(test_source_title_url),
        cmocka_unit_test(test_published_cells),
        cmocka_unit_test(test_shared_cells_from_article_to_article),
        cmocka_unit_test(test_format_is_row),
        cmocka_unit_test(test_write_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
