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

/* UTF-8, NUL bytes and line lengths, each error where it first occurs in the
 * text: the valid UTF-8 prefix is found first (base/diag.h, a word at a
 * time), then NUL and newlines in it with memchr. */
static bool scan_text(const char *text, size_t length, uint64_t (*limit)(bcp_limit_id), bcp_prescan_result *r)
{
    uint64_t max_line = limit(BCP_LIMIT_LINE);
    size_t start = length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    size_t valid = start + bcp_utf8_valid_prefix(text + start, length - start);
    const char *nul = memchr(text + start, '\0', valid - start);
    size_t stop = nul ? (size_t)(nul - text) : valid;
    size_t line_start = 0;
    bool too_long = false;
    for (const char *p = text + start, *nl; !too_long && (nl = memchr(p, '\n', (size_t)(text + stop - p)));
         p = nl + 1) {
        too_long = (size_t)(nl - text) - line_start > max_line;
        if (!too_long)
            line_start = (size_t)(nl - text) + 1;
    }
    /* The last line counts only when the text ends without an error. */
    if (too_long || (stop == length && length - line_start > max_line))
        return refuse(r, BCP_CODE_E015, line_start, line_start,
                      "line is longer than the line-length limit of %llu bytes "
                      "(raise it with --limit line-length=BYTES)",
                      (unsigned long long)max_line);
    if (nul)
        return refuse(r, BCP_CODE_E016, stop, stop + 1,
                      "NUL byte (U+0000) in the text: the file is binary, or UTF-16 rather than UTF-8 "
                      "(the file must be UTF-8 text)");
    if (valid < length)
        return refuse(r, BCP_CODE_E013, valid, valid + 1,
                      "invalid UTF-8: byte 0x%02X does not start a valid UTF-8 character "
                      "(the file must be UTF-8 text)", (unsigned char)text[valid]);
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
