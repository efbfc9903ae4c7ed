/* The pre-scan (see prescan.h). */
#include "prescan.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/diag.h"
#include "base/limits.h"
#include "scan.h"

static bool refuse(bcp_prescan_result *r, bcp_code_id code, size_t start, size_t end,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static bool refuse(bcp_prescan_result *r, bcp_code_id code, size_t start, size_t end,
                   const char *fmt, ...)
{
    if (!r)
        return false;
    r->code = code;
    r->start = start;
    r->end = end;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->message, sizeof r->message, fmt, ap);
    va_end(ap);
    return false;
}

/* The length of the valid UTF-8 sequence at s, or 0: no overlong forms, no
 * surrogates, nothing above U+10FFFF. */
static size_t utf8_sequence(const char *s, size_t len)
{
    unsigned cp;
    int n = bcp_utf8_decode(s, len, &cp);
    if (n == 1)
        return (unsigned char)s[0] < 0x80 ? 1 : 0;
    static const unsigned least[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return (size_t)n;
}

/* UTF-8 and line lengths, in one pass. */
static bool scan_text(const char *text, size_t length, uint64_t (*limit)(bcp_limit_id), bcp_prescan_result *r)
{
    uint64_t max_line = limit(BCP_LIMIT_LINE);
    size_t line_start = 0;
    size_t i = length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < length) {
        unsigned char c = (unsigned char)text[i];
        size_t n = 1;
        if (c >= 0x80 && (n = utf8_sequence(text + i, length - i)) == 0)
            return refuse(r, BCP_CODE_E013, i, i + 1,
                          "invalid UTF-8: byte 0x%02X does not start a valid UTF-8 character "
                          "(the file must be UTF-8 text)", c);
        if (c == '\0')
            return refuse(r, BCP_CODE_E016, i, i + 1,
                          "NUL byte (U+0000) in the text: the file is binary, or UTF-16 rather than UTF-8 "
                          "(the file must be UTF-8 text)");
        if (c == '\n') {
            if (i - line_start > max_line)
                break;
            line_start = i + 1;
        }
        i += n;
    }
    if ((i < length ? i : length) - line_start > max_line)
        return refuse(r, BCP_CODE_E015, line_start, line_start,
                      "line is longer than the line-length limit of %llu bytes "
                      "(raise it with --limit line-length=BYTES)",
                      (unsigned long long)max_line);
    return true;
}

bool bcp_prescan_source(const char *text, size_t length, bool is_stdlib, bcp_prescan_result *r)
{
    uint64_t (*limit)(bcp_limit_id) = is_stdlib ? bcp_limit_for_stdlib : bcp_limit;
    if (!scan_text(text, length, limit, r))
        return false;
    uint64_t max_depth = limit(BCP_LIMIT_NESTING), max_string = limit(BCP_LIMIT_STRING);
    uint64_t depth = 0;
    for (size_t i = 0; i < length;) {
        char c = text[i];
        if (c == '#' || c == '"') {
            size_t end = bcp_scan_skip_literal(text, length, i);
            if (c == '"' && end - i > max_string)
                return refuse(r, BCP_CODE_E014, i, i + 1,
                              "string is longer than the string-length limit of %llu bytes "
                              "(raise it with --limit string-length=BYTES)",
                              (unsigned long long)max_string);
            i = end;
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > max_depth)
                return refuse(r, BCP_CODE_E012, i, i + 1,
                              "nesting deeper than the limit of %llu levels: this `%c` opens "
                              "level %llu (raise it with --limit nesting=N)",
                              (unsigned long long)max_depth, c, (unsigned long long)depth);
        } else if ((c == '}' || c == ']') && depth > 0) {
            depth--;
        }
        i++;
    }
    return true;
}

bool bcp_prescan(const char *text, size_t length, bcp_prescan_result *r)
{
    return bcp_prescan_source(text, length, false, r);
}
