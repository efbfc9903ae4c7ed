/* Text output that a terminal cannot be driven by (issue 15): the reports
 * of bcp graph and bcp simulate carry plan text (titles, names) as labels,
 * and a plan can hold ESC sequences, BEL, CR, bidi and zero-width
 * characters.  Each line, between the newlines and tabs the format itself
 * writes, goes through the library's escaping (bcp_escape_text: \u{1b},
 * \x{ff}), so the output holds no raw control character and no invalid
 * UTF-8; a line without any passes unchanged.  Not for JSON, which jansson
 * escapes already and whose strings "\u{...}" would break. */
#include <stdlib.h>
#include <string.h>

#include "bcp.h"
#include "cli.h"

char *bcp_cli_terminal_safe(const char *text, size_t length, size_t *out_length)
{
    size_t cap = length + 1, len = 0;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t start = 0;
    for (size_t i = 0; i <= length; i++) {
        if (i < length && text[i] != '\n' && text[i] != '\t')
            continue;
        char *piece = bcp_escape_text(text + start, i - start);
        size_t n = strlen(piece);
        if (len + n + 2 > cap) {
            cap = (len + n + 2) * 2;
            char *bigger = realloc(out, cap);
            if (!bigger) {
                free(out);
                bcp_free(piece);
                return NULL;
            }
            out = bigger;
        }
        memcpy(out + len, piece, n);
        len += n;
        bcp_free(piece);
        if (i < length)
            out[len++] = text[i];
        start = i + 1;
    }
    out[len] = '\0';
    *out_length = len;
    return out;
}
