/* A lexical pre-scan of .bcp text that needs no parse: just enough to tell
 * where top-level blocks end, skipping strings and comments.  Used to find
 * plans cheaply and to cut a large file into pieces parsed in parallel. */
#ifndef BCP_SCAN_H
#define BCP_SCAN_H
#include <stddef.h>
#include <stdint.h>

/* text[i] starts a comment or a string: returns the index just after it. */
size_t bcp_scan_skip_literal(const char *text, size_t len, size_t i);

/* A place where the file may be cut: the start of a line after a top-level
 * block ends (brace depth back at 0), with its 0-based row. */
typedef struct bcp_cut {
    size_t offset;
    uint32_t row;
} bcp_cut;

/* Cuts text into pieces of at least `min_piece` bytes at top-level line
 * starts.  Writes at most `max` cuts (excluding 0 and len) and returns how
 * many.  Returns 0 when the braces do not balance, so that text with syntax
 * errors is parsed whole and reports the same errors as always. */
size_t bcp_scan_cuts(const char *text, size_t len, size_t min_piece, bcp_cut *cuts, size_t max);

#endif
