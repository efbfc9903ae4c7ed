/* Terminal-safe plan text (see escape.h). */
#include "escape.h"

#include <stdio.h>

#include "diag.h"

bool bcp_escape_needed(unsigned cp)
{
    return (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x061C ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

const char *bcp_escape_of(const char *s, int n, unsigned cp, char buf[16])
{
    if (cp == 0xFFFD && n == 1) {
        snprintf(buf, 16, "\\x{%02x}", (unsigned char)s[0]);
        return buf;
    }
    if (bcp_escape_needed(cp)) {
        snprintf(buf, 16, "\\u{%x}", cp);
        return buf;
    }
    return NULL;
}

void bcp_escape_terminal(bcp_buf *out, const char *s, size_t len)
{
    size_t plain = 0; /* start of the run written as it is */
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = bcp_utf8_decode(s + i, len - i, &cp);
        char buf[16];
        const char *esc = bcp_escape_of(s + i, n, cp, buf);
        if (esc) {
            bcp_buf_put(out, s + plain, i - plain);
            bcp_buf_puts(out, esc);
            plain = i + (size_t)n;
        }
        i += (size_t)n;
    }
    bcp_buf_put(out, s + plain, len - plain);
}

void bcp_escape_json(bcp_buf *out, const char *json, size_t len)
{
    size_t plain = 0;
    for (size_t i = 0; i < len;) {
        if ((unsigned char)json[i] < 0x7F) {
            i++;
            continue;
        }
        unsigned cp;
        int n = bcp_utf8_decode(json + i, len - i, &cp);
        if (!(cp == 0xFFFD && n == 1) && bcp_escape_needed(cp)) {
            bcp_buf_put(out, json + plain, i - plain);
            bcp_buf_printf(out, "\\u%04x", cp);
            plain = i + (size_t)n;
        }
        i += (size_t)n;
    }
    bcp_buf_put(out, json + plain, len - plain);
}
