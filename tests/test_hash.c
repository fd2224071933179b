/* test_hash.c — SHA-256 of memory and files; a program's build-id read
 * from ELF notes laid out as the linkers lay them out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "hash.h"

/* SHA-256 as the standard's test vector gives it. */
static void test_sha256_vector(void **state)
{
    (void)state;
    ft_hash h;
    char hex[FT_HASH_HEX];
    ft_hash_init(&h);
    ft_hash_update(&h, "abc", 3);
    ft_hash_hex(&h, hex);
    assert_string_equal(
        hex,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* Append a note (name "GNU", `type`, descriptor d[0,dn)) to buf at *len,
 * each part padded to `align` from the note's start as the ELF notes
 * are. */
static void put_note(unsigned char *buf, size_t *len, size_t align,
                     uint32_t type, const unsigned char *d, uint32_t dn)
{
    uint32_t nh[3] = {4, dn, type};
    size_t at = *len;
    memcpy(buf + at, nh, sizeof nh);
    memcpy(buf + at + 12, "GNU", 4);
    size_t desc = (12 + 4 + align - 1) & ~(align - 1);
    memcpy(buf + at + desc, d, dn);
    *len = at + ((desc + dn + align - 1) & ~(align - 1));
}

/* The build-id found after another note, with 4- and with 8-byte
 * alignment (where the descriptor of "GNU" is at 16, not 20), and
 * nothing read past a segment cut anywhere. */
static void test_build_id_in_notes(void **state)
{
    (void)state;
    static const unsigned char id[20] = {
        0x54, 0xb2, 0x8e, 0x3e, 0x08, 0x5d, 0x02, 0x4d, 0x1f, 0xaa,
        0x34, 0x97, 0x8b, 0xf9, 0x07, 0x7b, 0xdb, 0x9c, 0xa3, 0x28};
    static const unsigned char other[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const char *want = "build-id:54b28e3e085d024d1faa34978bf9077bdb9ca328";
    for (size_t align = 4; align <= 8; align += 4) {
        unsigned char buf[256] = {0};
        size_t len = 0;
        put_note(buf, &len, align, 5, other, 12); /* a property note */
        put_note(buf, &len, align, 3, id, 20);    /* NT_GNU_BUILD_ID */
        char out[128];
        assert_true(ft_hash_build_id(buf, len, align, out, sizeof out));
        assert_string_equal(out, want);
        /* just room, and one byte short */
        assert_true(ft_hash_build_id(buf, len, align, out, strlen(want) + 1));
        assert_false(ft_hash_build_id(buf, len, align, out, strlen(want)));
        /* a segment cut short: the build-id only while its descriptor
         * is whole (the padding after it may go); copied to the end of a
         * buffer of its own, so that a read past it would be seen by
         * the sanitizers */
        size_t whole = len - (align - 20 % align) % align;
        for (size_t cut = 0; cut < len; cut++) {
            unsigned char *end = test_malloc(cut ? cut : 1);
            memcpy(end, buf, cut);
            assert_int_equal(ft_hash_build_id(end, cut, align, out, sizeof out),
                             cut >= whole);
            test_free(end);
        }
    }
    /* a name longer than the segment */
    uint32_t huge[3] = {0xffffffffu, 20, 3};
    char out[128];
    assert_false(ft_hash_build_id((const unsigned char *)huge, sizeof huge, 4,
                                  out, 128));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_vector),
        cmocka_unit_test(test_build_id_in_notes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
