/* test_text.c — UTF-8 checks, whitespace folding, the byte buffer,
 * decoding CP949 into UTF-8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ft_text_fold of a C string, compared with want. */
static void assert_fold(const char *in, const char *want)
{
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_text_fold(&b, in, strlen(in)), FT_OK);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    assert_int_equal(b.len, strlen(want));
    ft_buf_free(&b);
}

static void test_buf_grows_and_stays_terminated(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_null(b.data);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(ft_buf_append(&b, "abc", 3), FT_OK);
    assert_int_equal(b.len, 3000);
    assert_int_equal(b.data[3000], '\0');
    assert_true(b.cap > b.len);
    ft_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    assert_int_equal(ft_buf_putc(&b, 'x'), FT_OK);
    assert_string_equal(b.data, "x");
    ft_buf_free(&b);
    assert_null(b.data);
}

static void test_buf_refuses_absurd_size(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_buf_append(&b, "a", 1), FT_OK);
    assert_int_equal(ft_buf_reserve(&b, SIZE_MAX - 1), FT_ENOMEM);
    assert_string_equal(b.data, "a"); /* unchanged */
    ft_buf_free(&b);
}

static void test_utf8_seq_len(void **state)
{
    (void)state;
    assert_int_equal(ft_text_utf8_len("A", 1), 1);
    assert_int_equal(ft_text_utf8_len("\xC3\xA9", 2), 2);         /* é */
    assert_int_equal(ft_text_utf8_len("\xEC\x9B\x90", 3), 3);     /* 원 */
    assert_int_equal(ft_text_utf8_len("\xE2\x82\xA9", 3), 3);     /* ₩ */
    assert_int_equal(ft_text_utf8_len("\xF0\x9F\x98\x80", 4), 4); /* emoji */
    assert_int_equal(ft_text_utf8_len("\xEF\xBB\xBF", 3), 3);     /* BOM */
}

static void test_utf8_rejects_malformed(void **state)
{
    (void)state;
    assert_int_equal(ft_text_utf8_len("\x80", 1), 0);         /* lone tail */
    assert_int_equal(ft_text_utf8_len("\xC0\xAF", 2), 0);     /* overlong / */
    assert_int_equal(ft_text_utf8_len("\xC1\xBF", 2), 0);     /* overlong */
    assert_int_equal(ft_text_utf8_len("\xE0\x80\xAF", 3), 0); /* overlong */
    assert_int_equal(ft_text_utf8_len("\xED\xA0\x80", 3), 0); /* surrogate */
    assert_int_equal(ft_text_utf8_len("\xF4\x90\x80\x80", 4), 0); /* >10FFFF */
    assert_int_equal(ft_text_utf8_len("\xF5\x80\x80\x80", 4), 0);
    assert_int_equal(ft_text_utf8_len("\xFF", 1), 0);
    assert_int_equal(ft_text_utf8_len("\xEC\x9B", 2), 0); /* truncated */
    assert_int_equal(ft_text_utf8_len("\xEC\x41\x90", 3), 0);
    assert_int_equal(ft_text_utf8_len("\xC3", 1), 0);
}

static void test_utf8_valid_reports_offset(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(ft_text_utf8_valid("", 0, &bad));
    assert_true(ft_text_utf8_valid("price \xE2\x82\xA9"
                                   "5",
                                   10, &bad));
    assert_false(ft_text_utf8_valid("Caf\xE9 au lait", 12, &bad));
    assert_int_equal(bad, 3);
    assert_false(
        ft_text_utf8_valid("ok\xEC\x9B", 4, &bad)); /* cut at the end */
    assert_int_equal(bad, 2);
    assert_true(ft_text_utf8_valid("a\0b", 3, NULL)); /* NUL is UTF-8 */
}

static void test_space_len(void **state)
{
    (void)state;
    assert_int_equal(ft_text_space_len(" x", 2), 1);
    assert_int_equal(ft_text_space_len("\r\n", 2), 1);
    assert_int_equal(ft_text_space_len("\xC2\xA0", 2), 2);     /* NBSP */
    assert_int_equal(ft_text_space_len("\xE2\x80\x89", 3), 3); /* thin */
    assert_int_equal(ft_text_space_len("\xE2\x80\xAF", 3), 3); /* NNBSP */
    assert_int_equal(ft_text_space_len("\xE3\x80\x80", 3), 3); /* 　 */
    assert_int_equal(ft_text_space_len("\xE2\x80\x8B", 3), 0); /* ZWSP */
    assert_int_equal(ft_text_space_len("\xC2\xA9", 2), 0);     /* © */
    assert_int_equal(ft_text_space_len("\xC2", 1), 0);
    assert_int_equal(ft_text_space_len("x", 1), 0);
}

static void test_fold(void **state)
{
    (void)state;
    assert_fold("It cost 900 million won.", "It cost 900 million won.");
    assert_fold("  It cost\r\n900   million\twon.  \n",
                "It cost 900 million won.");
    assert_fold("a\xC2\xA0\xC2\xA0"
                "b\xE3\x80\x80"
                "c",
                "a b c");
    assert_fold("", "");
    assert_fold(" \t\r\n ", "");
    assert_fold("한국  국방비\n59조", "한국 국방비 59조");
}

static void test_fold_replaces_bad_bytes(void **state)
{
    (void)state;
    assert_fold("Caf\xE9 ok", "Caf\xEF\xBF\xBD ok");
    assert_fold("\xFF\xFE", "\xEF\xBF\xBD\xEF\xBF\xBD");
    assert_fold("x\xEC\x9B", "x\xEF\xBF\xBD\xEF\xBF\xBD");
    /* every byte bad: the output is three times the input */
    char in[1001], want[3001];
    memset(in, '\xFF', 1000);
    in[1000] = '\0';
    for (int i = 0; i < 1000; i++)
        memcpy(want + 3 * i, "\xEF\xBF\xBD", 3);
    want[3000] = '\0';
    assert_fold(in, want);
    /* bad bytes between folded spaces */
    assert_fold(" \xFF  \xFF ", "\xEF\xBF\xBD \xEF\xBF\xBD");
}

static void test_fold_appends(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_buf_append(&b, "[", 1), FT_OK);
    assert_int_equal(ft_text_fold(&b, " a  b ", 6), FT_OK);
    assert_string_equal(b.data, "[a b");
    ft_buf_free(&b);
}

/* ft_text_fold_simple against ft_text_fold itself: on strings of pieces
 * that folding keeps, changes or replaces (at every length, so that
 * every piece falls at every place of a sixteen-byte step), it is true
 * exactly when the fold is the string with its whitespace bytes made
 * ' ', but for controls, where it may say false. */
static void test_fold_simple(void **state)
{
    (void)state;
    static const char *const pieces[] = {" ",
                                         "  ",
                                         "\t",
                                         "\n",
                                         "\r",
                                         "\v",
                                         "\f",
                                         "\x1F",
                                         "a",
                                         "Z",
                                         "7",
                                         ".",
                                         "\x7F",
                                         "\x01",
                                         "한",
                                         "국방비",
                                         "\xED\x9F\xBF",
                                         "\xED\xA0\x80",
                                         "\xE0\xA0\x80",
                                         "\xE0\x9F\xBF",
                                         "\xC2\xA0",
                                         "\xC2\x85",
                                         "\xC2\xA9",
                                         "\xDF\xBF",
                                         "\xE2\x80\x89",
                                         "\xE2\x80\x8A",
                                         "\xE2\x80\x8B",
                                         "\xE2\x80\x99",
                                         "\xE2\x80\xA8",
                                         "\xE2\x80\xA9",
                                         "\xE2\x80\xAA",
                                         "\xE2\x80\xAF",
                                         "\xE2\x81\x9F",
                                         "\xE2\x81\x9E",
                                         "\xE3\x80\x80",
                                         "\xE3\x80\x81",
                                         "\xEF\xBF\xBD",
                                         "\xF0\x9F\x98\x80",
                                         "\xF0\x8F\xBF\xBF",
                                         "\xF0\x90\x80\x80",
                                         "\xF4\x8F\xBF\xBF",
                                         "\xF4\x90\x80\x80",
                                         "\xC0\x80",
                                         "\xC1\xBF",
                                         "\xF5\x80\x80\x80",
                                         "\x80",
                                         "\xEA",
                                         "\xEA\xB0",
                                         "\xF0\x9F\x98",
                                         "\xFF"};
    size_t npieces = sizeof pieces / sizeof pieces[0];
    uint32_t seed = 12345;
    ft_buf b;
    ft_buf_init(&b);
    size_t agreed_same = 0, agreed_spaces = 0;
    for (int round = 0; round < 3000; round++) {
        char text[200];
        size_t len = 0;
        /* mostly Hangul, or in odd rounds ASCII, and single spaces; any
         * piece now and then */
        bool ascii = round % 2;
        while (len < 120) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = seed >> 8;
            const char *word = ascii          ? (r >> 3) % 2 ? "a" : "won."
                               : (r >> 3) % 2 ? "한"
                                              : "국방비";
            const char *piece = r % 8 < 6    ? word
                                : r % 8 == 6 ? " "
                                             : pieces[(r >> 4) % npieces];
            size_t m = strlen(piece);
            memcpy(text + len, piece, m);
            len += m;
        }
        for (size_t n = 0; n <= len; n++) {
            ft_buf_clear(&b);
            assert_int_equal(ft_text_fold(&b, text, n), FT_OK);
            /* the text with its whitespace bytes made ' ' */
            char spaced[200];
            bool controls = false, tabs = false;
            for (size_t i = 0; i < n; i++) {
                unsigned char x = (unsigned char)text[i];
                bool space = x == ' ' || (x >= '\t' && x <= '\r');
                controls |= x < 0x20 && !space;
                tabs |= space && x != ' ';
                spaced[i] = space ? ' ' : text[i];
            }
            bool simple = b.len == n && memcmp(b.data, spaced, n) == 0;
            char *exact = malloc(n ? n : 1); /* no byte past n to read */
            assert_non_null(exact);
            memcpy(exact, text, n);
            bool spaces = !tabs;
            bool got = ft_text_fold_simple(exact, n, &spaces);
            free(exact);
            if (got) {
                assert_true(simple);
                assert_true(spaces == tabs);
            } else if (!controls) {
                assert_false(simple);
            }
            agreed_same += got && !spaces;
            agreed_spaces += got && spaces;
        }
    }
    /* the test sees every answer */
    assert_true(agreed_same > 1000 && agreed_spaces > 1000);
    ft_buf_free(&b);
}

static void test_scrub(void **state)
{
    (void)state;
    ft_buf b;
    ft_buf_init(&b);
    assert_int_equal(ft_text_scrub(&b, "ok \xC3\xA9", 5), FT_OK);
    assert_string_equal(b.data, "ok \xC3\xA9");
    ft_buf_clear(&b);
    assert_int_equal(ft_text_scrub(&b, "a\x80z\xC3", 4), FT_OK);
    assert_string_equal(b.data, "a\xEF\xBF\xBDz\xEF\xBF\xBD");
    ft_buf_clear(&b);
    assert_int_equal(ft_text_scrub(&b, "  keep  spaces ", 15), FT_OK);
    assert_string_equal(b.data, "  keep  spaces ");
    ft_buf_free(&b);
}

static void assert_blank(const char *in, const char *want)
{
    char buf[128];
    size_t n = strlen(in);
    memcpy(buf, in, n + 1);
    ft_text_blank_controls(buf, n);
    assert_string_equal(buf, want); /* same length: offsets stay */
}

/* Terminal control sequences scraped into an article are not words: a
 * colour code's "[0m" must not read as "0m", "[1m5 billion" must still
 * read as "5 billion". */
static void test_blank_controls(void **state)
{
    (void)state;
    assert_blank("\033[1m5 billion won\033[0m.", "    5 billion won    .");
    assert_blank("a\033[38;5;196mb", "a           b");
    /* a window title (OSC) to BEL or to ESC backslash */
    assert_blank("\033]2;$9m\007x", "        x");
    assert_blank("\033]0;t\033\\y", "       y");
    /* two-byte escapes, lone controls, DEL; layout controls stay */
    assert_blank("\033Mup\a\b\x7f", "  up   ");
    assert_blank("tab\there\r\nnext\f\v", "tab\there\r\nnext\f\v");
    /* an escape cut off at the end, UTF-8 untouched */
    assert_blank("국방\033[12", "국방    ");
    assert_blank("\033", " ");
    assert_blank("", "");
    /* past eight clean bytes at a time, beside multi-byte characters */
    assert_blank("0123456789abcdef\033[0m\xEA\xB5\xAD\xEB\xB0\xA9 defence "
                 "budget\x7f, 12345678\a",
                 "0123456789abcdef    \xEA\xB5\xAD\xEB\xB0\xA9 defence "
                 "budget , 12345678 ");
    assert_blank("~~~~~~~~\x1f\x20\x7e\x80\xff~~~~~~~",
                 "~~~~~~~~ \x20\x7e\x80\xff~~~~~~~");
}

static void test_bom(void **state)
{
    (void)state;
    assert_int_equal(ft_text_bom_len("\xEF\xBB\xBFTitle", 8), 3);
    assert_int_equal(ft_text_bom_len("\xEF\xBB", 2), 0);
    assert_int_equal(ft_text_bom_len("Title", 5), 0);
    assert_int_equal(ft_text_bom_len("", 0), 0);
}

/* ---- decoding ------------------------------------------------------ */

/* CP949 bytes of 국방예산은 59조4천억원이다. and its UTF-8 */
#define KO_CP949                                                               \
    "\xB1\xB9\xB9\xE6\xBF\xB9\xBB\xEA\xC0\xBA 59\xC1\xB6"                      \
    "4\xC3\xB5\xBE\xEF\xBF\xF8\xC0\xCC\xB4\xD9."
#define KO_UTF8 "국방예산은 59조4천억원이다."

static ft_text_decoder *decoder(const char *name)
{
    ft_text_decoder *d = NULL;
    ft_error err;
    assert_int_equal(ft_text_decoder_new(name, &d, &err), FT_OK);
    assert_non_null(d);
    return d;
}

static void test_decoder_names(void **state)
{
    (void)state;
    ft_text_decoder *d = (ft_text_decoder *)1;
    ft_error err;
    /* UTF-8 needs no decoder */
    assert_int_equal(ft_text_decoder_new("utf-8", &d, &err), FT_OK);
    assert_null(d);
    assert_int_equal(ft_text_decoder_new("UTF8", &d, &err), FT_OK);
    assert_null(d);
    assert_int_equal(ft_text_decoder_new("latin1", &d, &err), FT_EUSAGE);
    assert_null(d);
    assert_non_null(strstr(err.message, "latin1"));
    assert_int_equal(ft_text_decoder_new("", &d, &err), FT_EUSAGE);
    const char *names[] = {"cp949", "CP949", "euc-kr", "EUC-KR",
                           "euckr", "ms949", "uhc"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        ft_text_decoder_free(decoder(names[i]));
    ft_text_decoder_free(NULL);
}

static void test_decode_cp949(void **state)
{
    (void)state;
    ft_text_decoder *d = decoder("cp949");
    ft_buf b;
    ft_buf_init(&b);
    size_t bad = 99;
    const char in[] = KO_CP949;
    assert_int_equal(ft_text_decode_all(d, in, sizeof in - 1, &b, &bad), FT_OK);
    assert_string_equal(b.data, KO_UTF8);
    assert_int_equal(b.len, strlen(KO_UTF8));
    assert_int_equal(bad, 0);
    /* 똠 is CP949's, not in EUC-KR proper: "euc-kr" reads it too */
    ft_text_decoder_free(d);
    d = decoder("euc-kr");
    ft_buf_clear(&b);
    assert_int_equal(ft_text_decode_all(d, "\x8C\x63!", 3, &b, NULL), FT_OK);
    assert_string_equal(b.data, "똠!");
    ft_buf_free(&b);
    ft_text_decoder_free(d);
}

/* What a file holds when it was saved as CP949 and read without
 * --encoding: not UTF-8, and each case of what passes for CP949. */
static void test_looks_cp949(void **state)
{
    (void)state;
    const char ko[] = KO_CP949;
    assert_true(ft_text_looks_cp949(ko, sizeof ko - 1, true));
    /* A lead byte cut off at the end of a piece: wait for the rest. */
    assert_true(ft_text_looks_cp949(ko, 3, false));
    assert_false(ft_text_looks_cp949(ko, 3, true));
    /* Latin-1: a lead byte followed by a space does not decode. */
    assert_false(ft_text_looks_cp949("Caf\xE9 opened", 12, true));
    /* Bytes that decode, but to Hanja rather than Hangul: not Korean
     * prose; and plain ASCII has no Hangul at all. */
    assert_false(ft_text_looks_cp949("\xCA\xA1\xCA\xA2 x", 6, true));
    assert_false(ft_text_looks_cp949("plain words", 11, true));
    assert_false(ft_text_looks_cp949("\xFF\xFF", 2, true));
}

static void test_decode_replaces_bad_bytes(void **state)
{
    (void)state;
    ft_text_decoder *d = decoder("cp949");
    ft_buf b;
    ft_buf_init(&b);
    size_t bad = 0;
    /* 0xFF is never CP949; 0xB1 then a space is a lead byte without its
     * trail, and the space is kept; 0xB1 at the very end is cut off */
    assert_int_equal(ft_text_decode_all(d,
                                        "a\xFF"
                                        "b\xB1 c\xB1",
                                        7, &b, &bad),
                     FT_OK);
    assert_string_equal(b.data, "a\xEF\xBF\xBD"
                                "b\xEF\xBF\xBD c\xEF\xBF\xBD");
    assert_int_equal(bad, 3);
    assert_int_equal(ft_text_count_replacements(b.data, b.len), 3);
    assert_int_equal(ft_text_count_replacements("\xEF\xBF", 2), 0);
    assert_int_equal(ft_text_count_replacements("", 0), 0);
    ft_buf_free(&b);
    ft_text_decoder_free(d);
}

/* Fed a piece at a time, a character cut in two waits for its second
 * byte; and a full output stops decoding without losing anything. */
static void test_decode_in_pieces(void **state)
{
    (void)state;
    ft_text_decoder *d = decoder("cp949");
    const char *in = "\xB1\xB9\xB9";
    size_t left = 3;
    char out[16], *o = out;
    size_t room = sizeof out;
    assert_int_equal(ft_text_decode(d, &in, &left, &o, &room, false), 0);
    assert_int_equal(left, 1); /* 0xB9 waits */
    assert_int_equal(o - out, 3);
    assert_memory_equal(out, "국", 3);
    /* the caller hands the waiting byte back with what follows it */
    in = "\xB9\xE6";
    left = 2;
    assert_int_equal(ft_text_decode(d, &in, &left, &o, &room, true), 0);
    assert_int_equal(left, 0);
    assert_memory_equal(out, "국방", 6);

    /* no room: nothing is consumed */
    ft_text_decoder_reset(d);
    in = "\xB1\xB9";
    left = 2;
    o = out;
    room = 2;
    assert_int_equal(ft_text_decode(d, &in, &left, &o, &room, true), 0);
    assert_int_equal(left, 2);
    assert_int_equal(room, 2);
    ft_text_decoder_free(d);
}

/* A growable array doubles, and says no to a size it cannot hold. */
static void test_grow(void **state)
{
    (void)state;
    void *items = NULL;
    size_t cap = 0;
    assert_int_equal(ft_grow(&items, &cap, 0, sizeof(int), 4), FT_OK);
    assert_int_equal(cap, 4);
    assert_int_equal(ft_grow(&items, &cap, 3, sizeof(int), 4), FT_OK);
    assert_int_equal(cap, 4); /* room left: unchanged */
    assert_int_equal(ft_grow(&items, &cap, 4, sizeof(int), 4), FT_OK);
    assert_int_equal(cap, 8);
    ((int *)items)[7] = 1; /* the new room is there */
    void *before = items;
    size_t huge = SIZE_MAX / 2;
    assert_int_equal(ft_grow(&items, &cap, huge, sizeof(int), 4), FT_ENOMEM);
    assert_ptr_equal(items, before);
    assert_int_equal(cap, 8);
    free(items);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void test_sorted(void **state)
{
    (void)state;
    int up[] = {1, 2, 2, 5}, down[] = {1, 3, 2}, last[] = {1, 2, 3, 0};
    assert_true(ft_sorted(up, 4, sizeof *up, cmp_int)); /* ties are in order */
    assert_false(ft_sorted(down, 3, sizeof *down, cmp_int));
    assert_false(ft_sorted(last, 4, sizeof *last, cmp_int));
    assert_true(ft_sorted(last, 3, sizeof *last, cmp_int));
    assert_true(ft_sorted(down, 1, sizeof *down, cmp_int));
    assert_true(ft_sorted(NULL, 0, sizeof(int), cmp_int));
}

/* ---- the fast loops against a plain reference --------------------------
 *
 * ft_text_fold and ft_text_utf8_valid skip ASCII in bulk; these are the
 * byte-at-a-time versions they replaced, which they must agree with on
 * any bytes at all. */

static size_t ref_utf8_len(const unsigned char *u, size_t n)
{
    unsigned c = u[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || u[1] < lo || u[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (u[i] < 0x80 || u[i] > 0xBF)
            return 0;
    return len;
}

static bool ref_utf8_valid(const unsigned char *u, size_t n, size_t *bad)
{
    size_t i = 0;
    while (i < n) {
        size_t k = ref_utf8_len(u + i, n - i);
        if (k == 0) {
            *bad = i;
            return false;
        }
        i += k;
    }
    return true;
}

/* The folded text of u[0..n) into out (room for 3n + 1). */
static size_t ref_fold(char *out, const unsigned char *u, size_t n)
{
    size_t o = 0, i = 0;
    bool pending_space = false, any = false;
    while (i < n) {
        size_t k = ft_text_space_len((const char *)u + i, n - i);
        if (k) {
            pending_space = any;
            i += k;
            continue;
        }
        k = ref_utf8_len(u + i, n - i);
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        any = true;
        if (k) {
            memcpy(out + o, u + i, k);
            o += k;
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    return o;
}

/* clang-format off */
static const char *const pieces[] = {
    "a", "b", "Z", "word", "longer words here", "a b c d e f g h i j", "! !", "1,234.5", "\x01", "\x7F",
    " ", "  ", "\t", "\n", "\r\n", "\v", "\f",
    "\xC2\xA0", "\xC2\x85", "\xE2\x80\x89", "\xE2\x80\xAF",
    "\xE3\x80\x80", "\xE2\x81\x9F", "\xE2\x80\x94",
    "\xEA\xB5\xAD", "\xED\x95\x9C", "\xC3\xA9", "\xF0\x9F\x98\x80",
    "\x80", "\xFF", "\xC2", "\xE0\x80", "\xED\xA0\x80", "\xF4\x90",
    "\xC0\xAF", "\xE2\x80", "\xEF\xBF\xBD",
};
/* clang-format on */

static uint64_t next_random(uint64_t *s)
{
    /* xorshift64*: fixed seed, the same texts every run */
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 0x2545F4914F6CDD1DULL;
}

static void test_fast_loops_same_as_reference(void **state)
{
    (void)state;
    uint64_t seed = 0x243F6A8885A308D3ULL;
    const size_t n_pieces = sizeof pieces / sizeof *pieces;
    for (int round = 0; round < 20000; round++) {
        char s[512];
        size_t n = 0, count = next_random(&seed) % 30;
        for (size_t k = 0; k < count; k++) {
            uint64_t r = next_random(&seed);
            /* long ASCII stretches now and then, for the bulk paths */
            const char *p = r % 11 == 0 ? "abcdefghijklmnopqrstuvwxyz012"
                                        : pieces[(r >> 8) % n_pieces];
            size_t m = strlen(p);
            memcpy(s + n, p, m);
            n += m;
        }
        char *t = malloc(n ? n : 1); /* exact length: no byte after it */
        assert_non_null(t);
        memcpy(t, s, n);

        size_t bad = SIZE_MAX, ref_bad = SIZE_MAX;
        bool ok = ft_text_utf8_valid(t, n, &bad);
        assert_int_equal(ok,
                         ref_utf8_valid((const unsigned char *)t, n, &ref_bad));
        assert_int_equal(bad, ref_bad);

        char want[3 * 512 + 1];
        size_t want_n = ref_fold(want, (const unsigned char *)t, n);
        ft_buf b;
        ft_buf_init(&b);
        assert_int_equal(ft_buf_append(&b, "x", round % 2), FT_OK);
        assert_int_equal(ft_text_fold(&b, t, n), FT_OK);
        assert_int_equal(b.len, round % 2 + want_n);
        assert_memory_equal(b.data + round % 2, want, want_n);
        assert_int_equal(b.data[b.len], '\0');
        ft_buf_free(&b);
        free(t);
    }
}

/* ft_cpu_avx2 is what the processor says until ft_cpu_avoid_avx2, and
 * false from then on.  Run last: the switch holds for the process. */
static void test_cpu_avoid_avx2(void **state)
{
    (void)state;
#if defined(__x86_64__) && defined(__GNUC__)
    assert_int_equal(ft_cpu_avx2(), !!__builtin_cpu_supports("avx2"));
#else
    assert_false(ft_cpu_avx2());
#endif
    ft_cpu_avoid_avx2();
    assert_false(ft_cpu_avx2());
    ft_cpu_avoid_avx2(); /* twice is once */
    assert_false(ft_cpu_avx2());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grows_and_stays_terminated),
        cmocka_unit_test(test_buf_refuses_absurd_size),
        cmocka_unit_test(test_utf8_seq_len),
        cmocka_unit_test(test_utf8_rejects_malformed),
        cmocka_unit_test(test_utf8_valid_reports_offset),
        cmocka_unit_test(test_space_len),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_replaces_bad_bytes),
        cmocka_unit_test(test_fold_appends),
        cmocka_unit_test(test_fold_simple),
        cmocka_unit_test(test_scrub),
        cmocka_unit_test(test_blank_controls),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_decoder_names),
        cmocka_unit_test(test_decode_cp949),
        cmocka_unit_test(test_looks_cp949),
        cmocka_unit_test(test_decode_replaces_bad_bytes),
        cmocka_unit_test(test_decode_in_pieces),
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_sorted),
        cmocka_unit_test(test_fast_loops_same_as_reference),
        cmocka_unit_test(test_cpu_avoid_avx2), /* last: see there */
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
