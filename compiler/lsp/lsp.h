/* `bcp lsp`: a Language Server Protocol 3.17 server over stdio.
 *
 * A face of the library like the CLI: it uses include/bcp.h only (and
 * jansson for JSON).  server.c reads and writes JSON-RPC, keeps the open
 * documents in a bcp_workspace (each edit re-parsed incrementally by the
 * library's tree-sitter documents, then the plan re-checked) and publishes
 * diagnostics after a short debounce; features.c answers the requests. */
#ifndef BCP_LSP_H
#define BCP_LSP_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "bcp.h"

/* Byte offsets of the starts of the lines of a text. */
typedef struct lsp_lines {
    const char *text;
    size_t length;
    uint32_t *starts;
    size_t count;
} lsp_lines;

/* A loaded plan, shared by the open documents that belong to it. */
typedef struct lsp_plan {
    bcp_plan *plan;
    int refs;
    size_t file_count;
    char **files;          /* canonical paths, as bcp_plan_file(plan, i) */
    lsp_lines *lines;      /* per file, built on demand */
} lsp_plan;

typedef struct lsp_doc {
    char *uri;
    char *path;            /* canonical */
    int64_t version;
    bool dirty;
    lsp_plan *plan;        /* the last check's plan, or NULL */
    /* Its syntax tree came from incremental re-parses since it was last
     * parsed whole; the last check found syntax errors in it.  Error recovery
     * on a reused tree can differ from a fresh parse's, so a document with
     * syntax errors is parsed whole (server.c, fresh_trees). */
    bool incremental, syntax_errors;
} lsp_doc;

typedef struct lsp_server {
    bcp_workspace *ws;
    lsp_doc **docs;
    size_t doc_count, doc_capacity;
    FILE *out;
    bool initialized, shutdown, exited;
    int debounce_ms;
    double due;            /* when the dirty documents are checked (ms); 0: none */
    json_t *published;     /* uri -> the diagnostics last published (with fix-its) */
    const char *stdlib_dir;   /* --stdlib DIR, or NULL: the built-in one */
    const char *docs_url;  /* rule pages: BASE/CODE.md; NULL: no links */
    char *docs_url_owned;
    bcp_check_options check;
    char *today, *profile; /* from initializationOptions */
    bool utf8;             /* positionEncoding utf-8 negotiated (else utf-16) */
    /* For the benchmark: how long the last check took (ms). */
    double last_check_ms;
} lsp_server;

typedef struct lsp_options {
    int debounce_ms;
    const char *stdlib_dir;
    const char *docs_url;
    const char *today;
} lsp_options;

/* Serves on `in_fd` / `out` until exit; the process exit status. */
int lsp_serve(int in_fd, FILE *out, const lsp_options *options);

/* The CLI's entry (declared in compiler/cli/cli.h too). */
int bcp_lsp_serve_stdio(int debounce_ms, const char *stdlib_dir, const char *docs_url, const char *today);

/* server.c, for features.c */
lsp_doc *lsp_find_doc(lsp_server *s, const char *uri);
void lsp_flush_doc(lsp_server *s, lsp_doc *doc);     /* re-check now when dirty */
char *lsp_uri_for_path(lsp_server *s, const char *path);   /* new string */
void lsp_send_notification(lsp_server *s, const char *method, json_t *params);   /* steals */

/* Lines and positions (UTF-16 or UTF-8 characters, per s->utf8). */
void lsp_lines_init(lsp_lines *l, const char *text, size_t length);
void lsp_lines_free(lsp_lines *l);
uint32_t lsp_offset_of(const lsp_server *s, const lsp_lines *l, json_t *position);
json_t *lsp_position(const lsp_server *s, const lsp_lines *l, uint32_t offset);
json_t *lsp_range(const lsp_server *s, const lsp_lines *l, uint32_t start, uint32_t end);
/* A location of a plan as an LSP range/Location; NULL when its file is unknown. */
const lsp_lines *lsp_plan_lines(lsp_plan *p, const char *path, size_t *file_index);
json_t *lsp_location_json(lsp_server *s, lsp_plan *p, bcp_location loc);

/* features.c: each returns the result (json null when none) or NULL with
 * *code / *message set for an error response. */
typedef json_t *(*lsp_handler)(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_completion(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_hover(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_definition(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_references(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_document_symbols(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_workspace_symbols(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_folding_ranges(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_selection_ranges(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_prepare_rename(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_rename(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_formatting(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_range_formatting(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_code_actions(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_inlay_hints(lsp_server *s, json_t *params, int *code, const char **message);
json_t *lsp_signature_help(lsp_server *s, json_t *params, int *code, const char **message);

enum {
    LSP_PARSE_ERROR = -32700, LSP_INVALID_REQUEST = -32600, LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602, LSP_INTERNAL_ERROR = -32603, LSP_NOT_INITIALIZED = -32002,
    LSP_REQUEST_FAILED = -32803,
};

#endif
