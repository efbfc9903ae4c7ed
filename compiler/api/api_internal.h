/* The insides of the public API's handles (bcp_workspace, bcp_plan and the
 * documents of a workspace), shared by the files of compiler/api/: the
 * editor part (workspace, documents, queries) and the tools part (check,
 * build, lint...), which reach the internal model through these. */
#ifndef BCP_API_INTERNAL_H
#define BCP_API_INTERNAL_H
#include <tree_sitter/api.h>

#include "bcp.h"
#include "model/model.h"

/* An open document: its text and the syntax tree of that text, kept for
 * incremental re-parsing. */
typedef struct bcp_document {
    char *path;             /* as the caller named it */
    char *key;              /* canonical: bcp_workspace_canonical_path */
    char *text;             /* NUL-terminated, bcp_malloc'd */
    size_t length;
    TSTree *tree;           /* the parse of `text` */
    bool prescan_ok;        /* the pre-scan of `text` passed (kept: it costs a pass over the text) */
    uint64_t scan_limits[3];    /* the limits it ran under: bcp_workspace_scan_limits */
    /* After the last edit: how much of the tree the re-parse changed. */
    size_t changed_range_count;
    uint32_t changed_bytes;
} bcp_document;

struct bcp_workspace {
    bcp_workspace_options options;   /* stdlib_dir points at `stdlib_dir` below; files at `provider` */
    char *stdlib_dir;                /* owned copy, or NULL */
    char *config_root;               /* serve13b: owned real path, or NULL */
    bcp_file_provider provider;      /* a copy of the caller's, when one was given */
    bcp_document **documents;
    size_t document_count, document_capacity;
    TSParser *parser;                /* for documents; created on first use */
};

/* The kinds the document lists in an order of their own (derived.c). */
enum { BCP_PLAN_ORDER_RISK, BCP_PLAN_ORDER_FUNCTION, BCP_PLAN_ORDER_PHASE, BCP_PLAN_ORDER_COUNT };

struct bcp_plan {
    bcp_model *model;                /* owned; complete (indexes built) when the plan is handed out */
    char *path;                      /* the path it was loaded for */
    /* A module loaded with its plan: the canonical path whose diagnostics
     * are reported (NULL: all). */
    char *report_only;
    /* The document's orders (bcp_plan_sorted), built by bcp_plan_wrap so
     * that a loaded plan is never written again. */
    bcp_entity **sorted[BCP_PLAN_ORDER_COUNT];
    size_t sorted_count[BCP_PLAN_ORDER_COUNT];
};

/* The canonical key of a path: its real path when it exists on disk, else
 * the absolute path with `.` and `..` folded.  A new string (bcp_free). */
char *bcp_workspace_canonical_path(const char *path);
/* The open document `path`, or NULL. */
bcp_document *bcp_workspace_document(const bcp_workspace *ws, const char *path);
/* The text of `path`: an open document's, else the provider's, else the
 * disk's.  *text is bcp_malloc'd and NUL-terminated; the caller frees it. */
bcp_status bcp_workspace_read(const bcp_workspace *ws, const char *path, char **text, size_t *length);
/* The nearest bcpconfig.bcp at or above the folder of `file` ("-": the
 * working directory): an open document of that name, saved or not, else a
 * file on disk; NULL for none.  A new string (bcp_free). */
char *bcp_workspace_config_find(const bcp_workspace *ws, const char *file);
/* Before loading `file`: the `limits { }` of its configuration (found and
 * read as above) in force instead of the last load's.  An open document
 * pre-scanned under other limits is then read as text, scanned again. */
void bcp_workspace_apply_limits(bcp_workspace *ws, const char *file);
/* The limits the pre-scan reads (line, nesting, string length), now. */
void bcp_workspace_scan_limits(uint64_t out[3]);
/* Model options that read through the workspace (documents, provider,
 * disk) and hand in open documents' syntax trees. */
bcp_model_options bcp_workspace_model_options(const bcp_workspace *ws);

/* serve13b: the flag of a cancel token (cancel.c), for base/call.h; NULL for none. */
const size_t *bcp_cancel_flag(const bcp_cancel *cancel);

/* Wraps a loaded model as a plan (taking it) and makes it read-only:
 * every lazily built index is built now.  `report_only` is copied. */
bcp_plan *bcp_plan_wrap(bcp_model *model, const char *path, const char *report_only);
/* Builds and frees the plan's sort orders (derived.c). */
void bcp_plan_build_orders(bcp_plan *plan);
void bcp_plan_free_orders(bcp_plan *plan);
/* The plan's model, for the tools part (lint, render, diff).  Read it only:
 * a plan is shared between threads. */
bcp_model *bcp_plan_model(const bcp_plan *plan);

#endif
