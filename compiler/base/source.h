/* A loaded source text and positions inside it. */
#ifndef BCP_SOURCE_H
#define BCP_SOURCE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "codes.h"

typedef struct bcp_line_index bcp_line_index;

typedef struct bcp_source {
    char *path;          /* as shown in diagnostics */
    char *real_path;     /* canonical path of the file, NULL for stdin/stdlib */
    char *real_dir;      /* canonical directory of the file (cwd for stdin), NULL for stdlib */
    char *module_name;   /* "std/..." for stdlib modules, else NULL */
    char *text;          /* NUL-terminated copy */
    size_t length;
    bool owns_text;
    bool is_stdlib;
    /* Line starts and code-point counts, built on the first position lookup
     * (any thread may make it; one copy is kept). */
    bcp_line_index *_Atomic lines;
    _Atomic bool prescanned;   /* the pre-scan (syntax/prescan.h) passed */
} bcp_source;

/* A position as tree-sitter reports it: row and byte column, both 0-based. */
typedef struct bcp_span {
    const bcp_source *source;
    uint32_t start_byte, end_byte;
    uint32_t row, byte_column;
} bcp_span;

/* Reads a file (or stdin for "-").  Only regular files are read (a FIFO, a
 * device or a folder is refused without blocking), and no more than the
 * file-size limit (base/limits.h): a larger file is refused before it is
 * read, a stream at the limit.  Returns NULL and fills err (a message valid
 * until the next read on this thread) on failure; bcp_source_read_code then
 * tells which diagnostic code the failure is (E100 io-error, E010, E011). */
bcp_source *bcp_source_read(const char *path, const char **err);
/* The same for a file of --stdlib DIR: within bcp_limit_for_stdlib's
 * file size (never below the default; base/limits.h). */
bcp_source *bcp_source_read_stdlib(const char *path, const char **err);
bcp_code_id bcp_source_read_code(void);
/* Back to E100, for a reader that may fail without bcp_source_read. */
void bcp_source_read_code_clear(void);
/* The E010 refusal of a text of `size` bytes over the file-size limit, as
 * bcp_source_read gives it (bcp_source_read_code is then E010); NULL when
 * it is within the limit.  For readers of text that is not on disk. */
const char *bcp_source_refuse_size(uint64_t size);
bcp_source *bcp_source_from_memory(const char *path, const char *text, size_t len, bool copy);
void bcp_source_free(bcp_source *src);

/* 1-based column counted in Unicode code points, as editors show it. */
uint32_t bcp_span_column(const bcp_span *span);
/* The full line containing the span's start (without newline). */
const char *bcp_span_line(const bcp_span *span, size_t *len);
/* For any byte offset (clamped to the text): its 0-based line and its
 * 1-based column in code points.  Logarithmic in the number of lines, at most
 * a few hundred bytes counted: positions on a long line cost no more. */
uint32_t bcp_source_line_at(const bcp_source *src, size_t offset);
uint32_t bcp_source_column_at(const bcp_source *src, size_t offset);
/* The span of text[start, end) (clamped to the text). */
bcp_span bcp_source_span(const bcp_source *src, size_t start, size_t end);

#endif
