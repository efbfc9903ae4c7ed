#include "scan.h"

#include <stdbool.h>
#include <string.h>

size_t bcp_scan_skip_literal(const char *text, size_t len, size_t i)
{
    if (text[i] == '#') {
        while (i < len && text[i] != '\n')
            i++;
        return i;
    }
    bool triple = i + 2 < len && text[i + 1] == '"' && text[i + 2] == '"';
    i += triple ? 3 : 1;
    while (i < len) {
        if (text[i] == '\\' && !triple && i + 1 < len && text[i + 1] == '\n')
            return i + 2; /* no escape crosses a line in a "string": it ends here */
        else if (text[i] == '\\')
            i += 2;
        else if (triple && i + 2 < len && memcmp(text + i, "\"\"\"", 3) == 0) {
            /* The grammar closes with up to five quotes: """say "hi"""" ends
             * with a quote of its own. */
            size_t end = i + 3;
            while (end < len && end < i + 5 && text[end] == '"')
                end++;
            return end;
        }
        else if (!triple && (text[i] == '"' || text[i] == '\n'))
            return i + 1;
        else
            i++;
    }
    return len;
}

static uint32_t count_rows(const char *text, size_t from, size_t to)
{
    uint32_t rows = 0;
    for (const char *p = memchr(text + from, '\n', to - from); p; p = memchr(p + 1, '\n', (size_t)(text + to - p - 1)))
        rows++;
    return rows;
}

size_t bcp_scan_cuts(const char *text, size_t len, size_t min_piece, bcp_cut *cuts, size_t max)
{
    size_t depth = 0, count = 0, last = 0;
    uint32_t row = 0;
    size_t i = 0;
    while (i < len) {
        char c = text[i];
        if (c == '#' || c == '"') {
            size_t end = bcp_scan_skip_literal(text, len, i);
            row += count_rows(text, i, end);
            i = end;
            continue;
        }
        if (c == '\n') {
            row++;
        } else if (c == '{') {
            depth++;
        } else if (c == '}') {
            if (depth == 0)
                return 0;
            if (--depth == 0 && count < max) {
                /* Cut at the start of the next line, if the piece is long enough. */
                size_t nl = i + 1;
                while (nl < len && (text[nl] == ' ' || text[nl] == '\t' || text[nl] == '\r'))
                    nl++;
                if (nl < len && text[nl] == '#')
                    nl = bcp_scan_skip_literal(text, len, nl);
                /* Only a line with nothing after the brace but a comment is a safe cut. */
                if (nl < len && text[nl] == '\n' && nl + 1 < len && nl + 1 - last >= min_piece && len - (nl + 1) >= min_piece / 2) {
                    row += count_rows(text, i, nl + 1);
                    cuts[count].offset = nl + 1;
                    cuts[count].row = row;
                    count++;
                    last = nl + 1;
                    i = nl + 1;
                    continue;
                }
            }
        }
        i++;
    }
    return depth == 0 ? count : 0;
}
