/* A loaded source text and positions inside it. */
#ifndef BCP_SOURCE_H
#define BCP_SOURCE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct bcp_source {
    char *path;          /* as shown in diagnostics */
    char *real_path;     /* canonical path of the file, NULL for stdin/stdlib */
    char *real_dir;      /* canonical directory of the file (cwd for stdin), NULL for stdlib */
    char *module_name;   /* "std/..." for stdlib modules, else NULL */
    char *text;          /* NUL-terminated copy */
    size_t length;
    bool owns_text;
    bool is_stdlib;
} bcp_source;

/* A position as tree-sitter reports it: row and byte column, both 0-based. */
typedef struct bcp_span {
    const bcp_source *source;
    uint32_t start_byte, end_byte;
    uint32_t row, byte_column;
} bcp_span;

/* Reads a file (or stdin for "-"). Returns NULL and fills err (static text) on failure. */
bcp_source *bcp_source_read(const char *path, const char **err);
bcp_source *bcp_source_from_memory(const char *path, const char *text, size_t len, bool copy);
void bcp_source_free(bcp_source *src);

/* 1-based column counted in Unicode code points, as editors show it. */
uint32_t bcp_span_column(const bcp_span *span);
/* The full line containing the span's start (without newline). */
const char *bcp_span_line(const bcp_span *span, size_t *len);

#endif
