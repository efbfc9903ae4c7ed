/* bcp_utf8_valid_prefix (base/diag.h) against a reference written from
 * RFC 3629 / Unicode Table 3-7 in the plainest way: every sequence of one
 * and two bytes, every three-byte sequence, the four-byte ones around each
 * boundary, and each placed after ASCII runs of every length up to 17 (the
 * eight-byte step and its tail). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "base/diag.h"

/* The reference: decode, then reject overlong forms, surrogates and code
 * points above U+10FFFF. */
static size_t reference(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i], len, cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07;
        } else {
            return i;
        }
        if (n - i < len)
            return i;
        for (unsigned k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        static const unsigned least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return i;
        i += len;
    }
    return n;
}

static void same(const unsigned char *seq, size_t len)
{
    unsigned char buf[32];
    for (size_t pad = 0; pad <= 17; pad++) {
        memset(buf, 'a', pad);
        memcpy(buf + pad, seq, len);
        size_t n = pad + len;
        size_t want = reference(buf, n), got = bcp_utf8_valid_prefix((const char *)buf, n);
        if (want != got)
            fail_msg("pad %zu, bytes %02X %02X %02X %02X (len %zu): want %zu, got %zu", pad, seq[0],
                     len > 1 ? seq[1] : 0, len > 2 ? seq[2] : 0, len > 3 ? seq[3] : 0, len, want, got);
    }
}

static void test_every_short_sequence(void **state)
{
    (void)state;
    unsigned char s[4];
    for (unsigned a = 0; a < 256; a++) {
        s[0] = (unsigned char)a;
        same(s, 1);
        for (unsigned b = 0; b < 256; b++) {
            s[1] = (unsigned char)b;
            same(s, 2);
        }
    }
    /* Three bytes: every lead from 0xC0 with every second and third byte. */
    for (unsigned a = 0xC0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned c = 0x70; c < 0xD0; c++) {
                s[0] = (unsigned char)a, s[1] = (unsigned char)b, s[2] = (unsigned char)c;
                same(s, 3);
            }
}

static void test_four_byte_boundaries(void **state)
{
    (void)state;
    static const unsigned char seconds[] = {0x7F, 0x80, 0x8F, 0x90, 0xBF, 0xC0};
    static const unsigned char rest[] = {0x7F, 0x80, 0xBF, 0xC0};
    unsigned char s[4];
    for (unsigned a = 0xEF; a <= 0xF8; a++)
        for (size_t i = 0; i < sizeof seconds; i++)
            for (size_t j = 0; j < sizeof rest; j++)
                for (size_t k = 0; k < sizeof rest; k++) {
                    s[0] = (unsigned char)a, s[1] = seconds[i], s[2] = rest[j], s[3] = rest[k];
                    same(s, 4);
                    same(s, 3);
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_short_sequence),
        cmocka_unit_test(test_four_byte_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
