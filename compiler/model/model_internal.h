/* Private to compiler/model: the model's layout and the functions its files
 * share.
 *
 * Loading runs in two passes.  The first (load.c, imports.c, build.c,
 * values.c, with prefetch.c and pieces.c for parallel work) walks each file's
 * tree once (imports followed depth-first, prelude first) and turns blocks
 * into entities whose values are typed by their syntax alone.  The second
 * (index.c, check.c, locale.c) indexes entities by kind and id, then checks
 * every attribute against the schema and resolves references.  The syntax
 * trees are freed after the first pass. */
#ifndef BCP_MODEL_INTERNAL_H
#define BCP_MODEL_INTERNAL_H

#include "model.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/files.h"
#include "modules.h"
#include "base/workers.h"
#include "syntax/scan.h"
#include "syntax/syntax.h"

#define PRELUDE_MODULE "core"
/* The regulatory regimes (stdlib/regimes/), loaded with the prelude so that
 * `plan.regimes` and `bcp check --regime` can name any of them. */
#define REGIMES_MODULE "regimes"

typedef struct bcp_comment_list {
    bcp_comment *items;
    size_t count, capacity;
} bcp_comment_list;

typedef struct index_slot {
    uint64_t hash;
    bcp_entity *entity;
    const char *lang; /* overlays only */
} index_slot;

typedef struct entity_index {
    index_slot *slots;
    size_t capacity, count;
} entity_index;

/* An import read and parsed ahead of its turn (see "parsing ahead"). */
typedef struct piece_job piece_job;
typedef struct prefetched {
    char *path;          /* canonical path */
    bcp_source *source;
    TSTree *tree;        /* NULL once built */
    piece_job *built;    /* the module's entities, built ahead; NULL if it has imports */
} prefetched;

struct bcp_model {
    bcp_arena arena;
    TSParser *parser;           /* one parser for the files parsed on this thread */
    prefetched *prefetched;     /* imports parsed ahead, on all cores */
    bcp_arena *piece_arenas;    /* entities of large files built on worker threads */
    size_t piece_arena_count, piece_arena_capacity;
    size_t prefetched_count, prefetched_capacity;
    bcp_diag_list diags;
    bcp_model_options opts;
    bcp_source **sources;
    size_t source_count, source_capacity;
    size_t user_source_count, user_source_capacity;
    const bcp_source **user_sources;
    bcp_comment_list *user_comments; /* per user source, in step with user_sources */
    bool syntax_errors;
    bool imports_refused;       /* the imports limit was reached (reported once) */
    bcp_ptr_vec loading;        /* keys of files being loaded: cycle detection */
    bcp_span *loading_from;     /* per loading entry: the `use` that imported it (no source: a root) */
    size_t loading_from_capacity;
    bcp_ptr_vec loaded;         /* keys of files loaded: each file once */
    bcp_ptr_vec blocks;         /* top-level entities in load order */
    bcp_ptr_vec overlays;       /* locale overlay entities */
    bcp_ptr_vec broken;         /* entities whose block holds a syntax error */
    bcp_entity_list by_kind[BCP_KIND_COUNT];
    entity_index index;
    entity_index overlay_index;
    bcp_ptr_vec locales;
    bcp_entity *plan;
    const char *root_dir;       /* the current root file's folder: its imports may not leave it */
    const char *root_display;   /* root_dir as the user named it, for messages */
};


/* What building entities from one tree writes to: the model's own arena and
 * lists, or a worker's, merged into the model afterwards (see build_pieces). */
typedef struct build_ctx {
    bcp_model *model;
    const bcp_source *src;
    const bcp_symbols *sym;
    bool from_stdlib;
    bcp_arena *arena;
    bcp_diag_list *diags;
    bcp_ptr_vec *broken;
} build_ctx;


/* The pieces of a large file after the first hold only blocks, and so do most
 * prefetched modules: each is built on a worker thread into its own arena and
 * lists, then merged into the model in load order, so entities and
 * diagnostics come out as from one thread. */
typedef struct piece_job {
    build_ctx c;
    TSTree *tree;
    bool whole_file;     /* a prefetched module: report its syntax errors too */
    bool has_use;        /* out: a whole file with imports is left to the loader */
    bool syntax_errors;  /* out */
    bcp_arena arena;
    bcp_diag_list diags;
    bcp_ptr_vec broken, blocks;
    bcp_comment_list comments; /* of a user source */
} piece_job;

/* The local imports of a parsed file, resolved, in order. */
typedef struct import_list {
    char **paths;
    size_t count, capacity, next;
} import_list;

enum { PREFETCH_PER_THREAD = 4, PIECE_MIN_BYTES = 1 << 20, MAX_PIECES = 256 };

typedef enum { BLOCK_ENTITY, BLOCK_OVERLAY, BLOCK_FREEFORM } block_role;

static inline bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static inline bool list_contains(const bcp_ptr_vec *v, const char *key)
{
    for (size_t i = 0; i < v->count; i++)
        if (strcmp(v->items[i], key) == 0)
            return true;
    return false;
}

/* load.c */
bcp_diag *bcp_model_error(bcp_model *m, bcp_code_id code, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void bcp_model_add_source(bcp_model *m, bcp_source *src, bool user);
/* Gives the loaded source whose canonical path is real_path the name the
 * user gave it (a root also imported by an earlier root); none: no change. */
void bcp_model_name_source(bcp_model *m, const char *real_path, const char *path);
/* Reads a root or an imported file: through opts.read when set, else from
 * disk.  *tree (when tree is not NULL) gets the reader's parse, or NULL. */
bcp_source *bcp_model_read_source(bcp_model *m, const char *path, TSTree **tree, const char **err);
void bcp_load_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib);
/* `from` is the `use` that imports src (NULL for a root file). */
void bcp_load_parsed_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib,
                            TSTree *parsed, const bcp_span *from);

/* values.c */
const char *bcp_node_text(build_ctx *c, TSNode n, size_t *len);
char *bcp_node_strdup(build_ctx *c, TSNode n);
void bcp_value_from_node(build_ctx *c, TSNode n, bcp_value *v);

/* build.c */
bcp_diag *bcp_build_error(build_ctx *c, bcp_code_id code, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
bcp_entity *bcp_build_block(build_ctx *c, TSNode node, bcp_entity *parent, block_role role);

/* imports.c */
/* Marks `key` as being loaded, imported by `from` (NULL: a root or the prelude);
 * m->loading.count-- ends it. */
void bcp_loading_push(bcp_model *m, char *key, const bcp_span *from);
void bcp_load_stdlib_module(bcp_model *m, const char *name, const bcp_span *from);
void bcp_import_join(const bcp_source *importer, const char *spec, char *joined, size_t size);
void bcp_load_file_import(bcp_model *m, const bcp_source *importer, const char *spec,
                          const bcp_span *from, import_list *pending);

/* pieces.c */
void bcp_build_piece(void *item);
void bcp_piece_job_free(piece_job *job);
void bcp_merge_piece(bcp_model *m, piece_job *job);
void bcp_build_pieces(bcp_model *m, const build_ctx *base, TSTree *const *trees, size_t count);
size_t bcp_parse_source(bcp_model *m, const bcp_source *src, TSTree **trees, size_t max);

/* prefetch.c */
bool bcp_take_prefetched(bcp_model *m, const char *path, prefetched *out);
void bcp_collect_imports(bcp_model *m, const bcp_source *src, TSTree *const *trees, size_t tree_count,
                         import_list *out, bool *has_use);
void bcp_prefetch_next(bcp_model *m, const char *want, import_list *pending);
void bcp_import_list_free(import_list *l);

/* index.c */
index_slot *bcp_index_lookup(const entity_index *ix, bcp_kind kind, const char *id, const char *lang);
void bcp_index_insert(entity_index *ix, bcp_entity *e, const char *lang);
void bcp_build_index(bcp_model *m);
void bcp_build_referrers(bcp_model *m);

/* check.c */
/* Sets a did-you-mean hint (prefix + the nearest id of `kind`) and returns that id, or NULL. */
const char *bcp_suggest_id(bcp_model *m, bcp_diag *d, bcp_kind kind, const char *id, const char *prefix);
void bcp_check_attributes(bcp_model *m, bcp_entity *e, bool overlay);
void bcp_check_model(bcp_model *m);

/* comments.c */
/* Appends the comments of `tree` (a piece or the whole of `src`) to `out`. */
void bcp_comments_collect(const bcp_source *src, TSTree *tree, bcp_comment_list *out);
/* Moves `from` to the end of the comments of user source `src`. */
void bcp_comments_take(bcp_model *m, const bcp_source *src, bcp_comment_list *from);
void bcp_comments_free(bcp_comment_list *l);

/* locale.c */
void bcp_build_overlays(bcp_model *m);
/* E150: plan text overrides the document can never show. */
void bcp_check_text_overrides(bcp_model *m);

#endif
