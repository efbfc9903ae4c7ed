/* bcp.h: the public API of libbcp, business continuity plans as code.
 * (Skeleton; the full API is being written.) */
#ifndef BCP_H
#define BCP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BCP_VERSION "0.1.0"
#define BCP_VERSION_MAJOR 0
#define BCP_VERSION_MINOR 1
#define BCP_VERSION_PATCH 0
/* The shared library's soname is libbcp.so.BCP_ABI_VERSION. */
#define BCP_ABI_VERSION 1

/* ------------------------------------------------------------------ memory */

/* Every allocation of the library goes through one allocator.  Set it before
 * any other call; memory the API hands to the caller is freed with bcp_free. */
typedef struct bcp_mem {
    void *(*calloc)(size_t count, size_t size);
    void *(*realloc)(void *p, size_t size);
    void (*free)(void *p);
} bcp_mem;
void bcp_set_allocator(const bcp_mem *mem);   /* NULL: the C library's */
const bcp_mem *bcp_default_mem(void);
/* Called when the allocator fails; must not return (the default aborts). */
typedef void (*bcp_oom_handler)(void);
void bcp_set_oom_handler(bcp_oom_handler handler);
void *bcp_malloc(size_t size);
void bcp_free(void *p);

/* ------------------------------------------------------------- diagnostics */

typedef enum bcp_severity { BCP_SEV_INFO, BCP_SEV_WARNING, BCP_SEV_ERROR } bcp_severity;
const char *bcp_severity_name(bcp_severity severity);   /* "info", "warning", "error" */

/* What a call that can fail returns.  Problems in a plan are not failures:
 * they are diagnostics. */
typedef enum bcp_status {
    BCP_OK = 0,
    BCP_ERR_IO,            /* a file could not be read or written */
    BCP_ERR_NOT_FOUND,     /* no such document, entity, code or module */
    BCP_ERR_INVALID,       /* a bad argument (an unknown format, language, option value) */
    BCP_ERR_PLAN,          /* the plan has errors that stop the operation (see its diagnostics) */
} bcp_status;
const char *bcp_status_string(bcp_status status);

/* A range in a source file.  Lines and columns are 1-based; columns count
 * Unicode code points (as editors show them); the end column is exclusive.
 * Byte offsets are 0-based.  `path` is the file as the user named it; it is
 * owned by whatever returned the location and lives as long as it does. */
typedef struct bcp_location {
    const char *path;               /* NULL: the diagnostic has no location */
    uint32_t start_byte, end_byte;
    uint32_t line, column;
    uint32_t end_line, end_column;
} bcp_location;

/* A related location with its own message ("first defined here"). */
typedef struct bcp_note {
    bcp_location location;
    const char *message;
} bcp_note;

/* A mechanical fix: replace the text at `location` by `replacement`. */
typedef struct bcp_fixit {
    bcp_location location;
    const char *replacement;
    const char *title;              /* e.g. "write `6mo`" */
} bcp_fixit;

/* One finding: a syntax error (E0xx), a model error (E1xx), a configuration
 * error (E2xx) or a lint rule's finding.  Every string lives as long as the
 * bcp_diagnostics that holds it. */
typedef struct bcp_diagnostic {
    const char *code;               /* "E103", "D102"; NULL for none */
    const char *name;               /* "wrong-type", "backup-rpo-gap" */
    bcp_severity severity;
    const char *message;
    const char *help;               /* NULL when none */
    bcp_location location;
    const bcp_note *notes;
    size_t note_count;
    const bcp_fixit *fixits;
    size_t fixit_count;
    bool is_syntax;                 /* a syntax or I/O error: the plan was not understood */
} bcp_diagnostic;

/* A sorted, immutable set of diagnostics (by file, position, code). */
typedef struct bcp_diagnostics bcp_diagnostics;
size_t bcp_diagnostics_count(const bcp_diagnostics *set);
const bcp_diagnostic *bcp_diagnostics_get(const bcp_diagnostics *set, size_t i);
/* How many have at least this severity. */
size_t bcp_diagnostics_count_at_least(const bcp_diagnostics *set, bcp_severity severity);
bool bcp_diagnostics_has_syntax_errors(const bcp_diagnostics *set);
void bcp_diagnostics_free(bcp_diagnostics *set);


/* --------------------------------------------------------------- workspace
 * A workspace is where documents come from: the file system, or a provider
 * the caller supplies (an editor passes its unsaved buffers), plus the
 * documents opened in it.  One thread at a time uses a workspace; the plans
 * loaded from it are immutable and may be read from many threads. */

typedef struct bcp_workspace bcp_workspace;

/* read() gives the text of `path` in a buffer allocated with bcp_malloc,
 * which the library then owns; BCP_ERR_NOT_FOUND or BCP_ERR_IO otherwise. */
typedef struct bcp_file_provider {
    bcp_status (*read)(void *user, const char *path, char **text, size_t *length);
    void *user;
} bcp_file_provider;

typedef struct bcp_workspace_options {
    const char *stdlib_dir;            /* NULL: the standard library built into libbcp */
    const bcp_file_provider *files;    /* NULL: the file system */
} bcp_workspace_options;

/* NULL options: the defaults. */
bcp_workspace *bcp_workspace_new(const bcp_workspace_options *options);
void bcp_workspace_free(bcp_workspace *ws);

/* --------------------------------------------------------------------- plan
 * A loaded plan: a root file with everything it imports and the standard
 * library, as a typed model.  Immutable; safe to read from many threads. */

typedef struct bcp_plan bcp_plan;
typedef struct bcp_entity bcp_entity;

/* ---------------------------------------------------------------- catalogue
 * Every code bcp reports, syntax (E0xx), model (E1xx), configuration (E2xx)
 * and lint rules, in one table. */

typedef enum bcp_code_group {
    BCP_CODE_SYNTAX, BCP_CODE_MODEL, BCP_CODE_CONFIG, BCP_CODE_LINT
} bcp_code_group;

typedef struct bcp_code {
    const char *code;              /* "E103", "D102" */
    const char *name;              /* "wrong-type", "backup-rpo-gap" */
    bcp_code_group group;
    bcp_severity severity;         /* the default */
    const char *summary;           /* one line */
    const char *explanation;       /* Markdown paragraphs */
    const char *example;           /* a .bcp snippet that triggers it, or NULL */
    const char *fixed_example;     /* the same made right, or NULL */
    const char *source;            /* lint rules: the clause or practice it checks; else NULL */
} bcp_code;

size_t bcp_code_total(void);
const bcp_code *bcp_code_get(size_t i);                  /* in code order */
const bcp_code *bcp_code_lookup(const char *code_or_name);  /* NULL: no such code */

/* ======================================================================
 * The rest of the API is written in two parts by two engineers:
 *  - documents, edits, plan queries, derived facts (compiler/api/, "editor" part)
 *  - operations the CLI and servers run: check, build, init, fmt, diff,
 *    parse, schema, rules, reports (compiler/api/ and compiler/report/, "tools" part)
 * ====================================================================== */

/* ==== editor part ==== */

/* ==== tools part ==== */

#ifdef __cplusplus
}
#endif
#endif
