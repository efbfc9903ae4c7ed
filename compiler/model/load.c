/* Loading a model: the public load functions, the prelude, the model's own
 * bookkeeping, and the first pass over each file (imports followed
 * depth-first, blocks turned into entities).  The syntax trees are freed after
 * this pass; model_internal.h describes the second. */
#define _DEFAULT_SOURCE
#include "model_internal.h"
#include "base/call.h"

#include "base/alloc.h"
#include "base/paths.h"

/* ---------------------------------------------------------- model basics */

bcp_diag *bcp_model_error(bcp_model *m, bcp_code_id code, const bcp_span *span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bcp_diag *d = bcp_diag_add_code_v(&m->diags, code, span, fmt, ap);
    va_end(ap);
    return d;
}

static bcp_model *model_new(const bcp_model_options *opts)
{
    bcp_model *m = bcp_calloc(1, sizeof *m);
    bcp_arena_init(&m->arena);
    if (opts)
        m->opts = *opts;
    return m;
}

void bcp_model_free(bcp_model *m)
{
    if (!m)
        return;
    if (m->parser)
        ts_parser_delete(m->parser);
    for (size_t i = 0; i < m->prefetched_count; i++) {
        bcp_piece_job_free(m->prefetched[i].built);
        if (m->prefetched[i].tree)
            ts_tree_delete(m->prefetched[i].tree);
        bcp_source_free(m->prefetched[i].source);
        bcp_free(m->prefetched[i].path);
    }
    bcp_free(m->prefetched);
    for (size_t i = 0; i < m->piece_arena_count; i++)
        bcp_arena_free(&m->piece_arenas[i]);
    bcp_free(m->piece_arenas);
    for (size_t i = 0; i < m->source_count; i++)
        bcp_source_free(m->sources[i]);
    bcp_free(m->sources);
    bcp_free(m->user_sources);
    bcp_free(m->loading_from);
    for (size_t i = 0; i < m->user_source_count; i++)
        bcp_comments_free(&m->user_comments[i]);
    bcp_free(m->user_comments);
    bcp_free(m->index.slots);
    bcp_free(m->overlay_index.slots);
    bcp_diag_list_free(&m->diags);
    bcp_arena_free(&m->arena);
    bcp_free(m);
}

void bcp_model_add_source(bcp_model *m, bcp_source *src, bool user)
{
    m->sources = bcp_grow(m->sources, &m->source_capacity, m->source_count, sizeof *m->sources);
    m->sources[m->source_count++] = src;
    if (user) {
        size_t capacity = m->user_source_capacity;
        m->user_sources = bcp_grow(m->user_sources, &m->user_source_capacity, m->user_source_count,
                                   sizeof *m->user_sources);
        m->user_comments = bcp_grow(m->user_comments, &capacity, m->user_source_count,
                                    sizeof *m->user_comments);
        m->user_comments[m->user_source_count] = (bcp_comment_list){0};
        m->user_sources[m->user_source_count++] = src;
    }
}

bcp_diag_list *bcp_model_diags(bcp_model *m) { return &m->diags; }
const bcp_diag_list *bcp_model_diagnostics(const bcp_model *m) { return &m->diags; }
bool bcp_model_has_syntax_errors(const bcp_model *m) { return m->syntax_errors; }
bcp_arena *bcp_model_arena(bcp_model *m) { return &m->arena; }
bcp_entity *bcp_model_plan(const bcp_model *m) { return m->plan; }
size_t bcp_model_source_count(const bcp_model *m) { return m->user_source_count; }
const bcp_source *bcp_model_source(const bcp_model *m, size_t i) { return m->user_sources[i]; }

const bcp_entity_list *bcp_model_entities(const bcp_model *m, bcp_kind kind)
{
    static const bcp_entity_list empty = {0};
    return kind < BCP_KIND_COUNT ? &m->by_kind[kind] : &empty;
}

void bcp_load_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib)
{
    bcp_load_parsed_source(m, src, key, from_stdlib, NULL, NULL);
}

void bcp_load_parsed_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib,
                            TSTree *parsed, const bcp_span *from)
{
    char *owned_key = NULL;
    if (key) {
        owned_key = bcp_arena_strdup(&m->arena, key);
        bcp_ptr_vec_push(&m->arena, &m->loaded, owned_key);
        bcp_loading_push(m, owned_key, from);
    }
    TSTree *trees[MAX_PIECES];
    size_t tree_count = 1;
    if (parsed)
        trees[0] = parsed;
    else
        tree_count = bcp_parse_source(m, src, trees, MAX_PIECES);
    import_list pending = {0};
    bool has_use[MAX_PIECES];
    bool later_pieces_plain = false;
    if (!from_stdlib) {
        bcp_collect_imports(m, src, trees, tree_count, &pending, has_use);
        later_pieces_plain = tree_count > 1;
        for (size_t t = 1; t < tree_count; t++)
            later_pieces_plain = later_pieces_plain && !has_use[t];
    }
    for (size_t t = 0; t < tree_count; t++)
        if (bcp_syntax_report_errors(src, trees[t], &m->diags) > 0)
            m->syntax_errors = true;
    build_ctx c = {.model = m, .src = src, .sym = bcp_syntax_symbols(), .from_stdlib = from_stdlib,
                   .arena = &m->arena, .diags = &m->diags, .broken = &m->broken};
    size_t in_order = later_pieces_plain ? 1 : tree_count;
    for (size_t t = 0; t < in_order; t++) {
    TSTree *tree = trees[t];
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
    if (ts_tree_cursor_goto_first_child(&cur)) {
        do {
            TSNode n = ts_tree_cursor_current_node(&cur);
            TSSymbol s = ts_node_symbol(n);
            if (s == c.sym->use_statement) {
                TSNode path = ts_node_child_by_field_id(n, c.sym->field_path);
                if (ts_node_is_null(path) || ts_node_has_error(path))
                    continue;
                bcp_value v;
                bcp_value_from_node(&c, path, &v);
                bcp_span span = bcp_node_span(src, path);
                if (has_prefix(v.as.string.text, "std/"))
                    bcp_load_stdlib_module(m, v.as.string.text + 4, &span);
                else if (from_stdlib)
                    bcp_model_error(m, BCP_CODE_E111, &span,
                                "stdlib modules may only import other stdlib modules");
                else {
                    bcp_load_file_import(m, src, v.as.string.text, &span, &pending);
                }
            } else if (s == c.sym->block) {
                bcp_entity *e = bcp_build_block(&c, n, NULL, BLOCK_ENTITY);
                if (e)
                    bcp_ptr_vec_push(&m->arena, &m->blocks, e);
            }
        } while (!bcp_call_cancelled() && ts_tree_cursor_goto_next_sibling(&cur));   /* a cancelled call's model is thrown away */
    }
    ts_tree_cursor_delete(&cur);
    if (!from_stdlib) {
        bcp_comment_list comments = {0};
        bcp_comments_collect(src, tree, &comments);
        bcp_comments_take(m, src, &comments);
    }
    ts_tree_delete(tree);
    }
    if (in_order < tree_count)
        bcp_build_pieces(m, &c, trees + in_order, tree_count - in_order);
    bcp_import_list_free(&pending);
    if (owned_key)
        m->loading.count--;
}

/* --------------------------------------------------------------- loading */

/* Each root file confines its own imports: a second root elsewhere (a module
 * checked with its plan, or unrelated files) must not be judged by the first. */
static void set_root_dir(bcp_model *m, const bcp_source *src)
{
    m->root_dir = NULL;
    if (!src->real_dir)
        return;
    m->root_dir = bcp_arena_strdup(&m->arena, src->real_dir);
    const char *slash = strrchr(src->path, '/');
    if (!slash || src->real_path == NULL)
        m->root_display = ".";
    else if (slash == src->path)
        m->root_display = "/";
    else
        m->root_display = bcp_arena_strndup(&m->arena, src->path, (size_t)(slash - src->path));
}

static void load_prelude(bcp_model *m)
{
    if (!m->opts.no_prelude) {
        bcp_load_stdlib_module(m, PRELUDE_MODULE, NULL);
        bcp_load_stdlib_module(m, REGIMES_MODULE, NULL);
    }
    for (size_t i = 0; i < m->opts.extra_module_count; i++)
        bcp_load_stdlib_module(m, m->opts.extra_modules[i], NULL);
}

bcp_source *bcp_model_read_source(bcp_model *m, const char *path, TSTree **tree, const char **err)
{
    if (tree)
        *tree = NULL;
    bcp_source_read_code_clear();
    if (m->opts.read)
        return m->opts.read(m->opts.read_user, path, tree, err);
    return bcp_source_read(path, err);
}

void bcp_model_name_source(bcp_model *m, const char *real_path, const char *path)
{
    if (!real_path)
        return;
    for (size_t i = 0; i < m->source_count; i++) {
        bcp_source *s = m->sources[i];
        if (s->real_path && strcmp(s->real_path, real_path) == 0) {
            char *copy = bcp_strdup(path);
            bcp_free(s->path);
            s->path = copy;
            return;
        }
    }
}

bcp_model *bcp_model_load_many(const char *const *paths, size_t count, const bcp_model_options *opts)
{
    bcp_model *m = model_new(opts);
    load_prelude(m);
    for (size_t i = 0; i < count; i++) {
        const char *err = NULL;
        TSTree *tree;
        bcp_source *src = bcp_model_read_source(m, paths[i], &tree, &err);
        if (!src) {
            bcp_diag *d = bcp_diag_add_code(&m->diags, bcp_source_read_code(), NULL,
                                       "cannot read %s: %s", paths[i], err);
            d->is_syntax = true;
            m->syntax_errors = true;
            continue;
        }
        set_root_dir(m, src);
        char resolved[PATH_MAX];
        const char *key = strcmp(paths[i], "-") == 0 ? "<stdin>" : bcp_realpath(paths[i], resolved);
        if (key && list_contains(&m->loaded, key)) {
            /* Already imported by an earlier root: keep that copy, but under the
             * name the user gave, not the importer-relative one. */
            bcp_model_name_source(m, src->real_path, paths[i]);
            bcp_source_free(src);
            if (tree)
                ts_tree_delete(tree);
            continue;
        }
        bcp_model_add_source(m, src, true);
        bcp_load_parsed_source(m, src, key, false, tree, NULL);
    }
    bcp_check_model(m);
    return m;
}

bcp_model *bcp_model_load(const char *path, const bcp_model_options *opts)
{
    return bcp_model_load_many(&path, 1, opts);
}

bcp_model *bcp_model_load_text(const char *path, const char *text, size_t len,
                               const bcp_model_options *opts)
{
    bcp_model *m = model_new(opts);
    load_prelude(m);
    bcp_source *src = bcp_source_from_memory(path, text, len, true);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd))
        src->real_dir = bcp_strdup(cwd);
    set_root_dir(m, src);
    bcp_model_add_source(m, src, true);
    bcp_load_source(m, src, NULL, false);
    bcp_check_model(m);
    return m;
}
