/* The pre-scan: one pass over a source's bytes BEFORE tree-sitter sees them,
 * refusing what the parser and every recursive walk after it must never get
 * (base/limits.h): invalid UTF-8, nesting deeper than the nesting limit,
 * strings and lines longer than their limits.  Brackets inside strings,
 * triple-quoted strings and comments do not count.  A refused source is
 * parsed as empty text (bcp_syntax_parse and friends) and the refusal is
 * its one syntax error (bcp_syntax_report_errors). */
#ifndef BCP_PRESCAN_H
#define BCP_PRESCAN_H
#include <stdbool.h>
#include <stddef.h>

#include "base/codes.h"

typedef struct bcp_prescan_result {
    bcp_code_id code;        /* E012-E015 */
    size_t start, end;       /* the bytes at fault */
    char message[200];
} bcp_prescan_result;

/* True when the text may be parsed; else fills *r (when not NULL). */
bool bcp_prescan(const char *text, size_t length, bcp_prescan_result *r);
/* The same for a source: a file of the standard library (is_stdlib) is held
 * to bcp_limit_for_stdlib, never below the defaults, so that a lowered
 * `--limit` refuses only the user's files. */
bool bcp_prescan_source(const char *text, size_t length, bool is_stdlib, bcp_prescan_result *r);

#endif
