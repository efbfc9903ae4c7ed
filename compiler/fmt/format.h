/* The canonical layout of .bcp files (docs/fmt.md states the rules).
 * The formatter reads the concrete syntax tree, because layout and comments
 * are exactly what the model leaves out. */
#ifndef BCP_FORMAT_H
#define BCP_FORMAT_H
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/source.h"

/* Lines longer than this are wrapped where the layout allows it. */
#define BCP_FORMAT_WIDTH 100
/* Indentation grows to this many levels (2 spaces each) and no further. */
#define BCP_FORMAT_MAX_INDENT 16
/* A block with at most this many attributes may stay on one line. */
#define BCP_FORMAT_SHORT_ATTRS 3

/* Formats `src`.  Returns a malloc'd NUL-terminated text (length in *length),
 * or NULL when the source has syntax errors, or when the layout would move
 * code onto or off a line a `# bcp: ignore[...]` comment covers (E170);
 * the reasons are added to `diags`. */
char *bcp_format_source(const bcp_source *src, bcp_diag_list *diags, size_t *length);

/* Checks that `formatted` parses without errors and means what `original`
 * means (equal model dumps).  On failure returns false and sets *why to a
 * static explanation. */
bool bcp_format_verify(const char *path, const char *original, size_t original_length,
                       const char *formatted, size_t formatted_length, const char **why);

#endif
