/* Parsing ahead.  A plan that imports many modules would parse them one by
 * one; instead the next few imports of a file are read and parsed together on
 * all cores, then built into the model in the usual order (so output does not
 * change). */
#define _DEFAULT_SOURCE
#include "model_internal.h"

#include "base/alloc.h"
#include "base/paths.h"
#include "parse_cache.h"

static prefetched *find_prefetched(bcp_model *m, const char *path)
{
    for (size_t i = 0; i < m->prefetched_count; i++)
        if (strcmp(m->prefetched[i].path, path) == 0)
            return &m->prefetched[i];
    return NULL;
}

static void prefetch_files(bcp_model *m, char **paths, size_t count)
{
    bcp_parse_task *tasks = bcp_calloc(count, sizeof *tasks);
    bcp_source **sources = bcp_calloc(count, sizeof *sources);
    TSTree **trees = bcp_calloc(count, sizeof *trees);
    size_t *task_of = bcp_calloc(count, sizeof *task_of);
    /* serve13b: a module parsed by an earlier call, with the same bytes, is
     * not parsed again (model/parse_cache.h). */
    bcp_parse_cache *cache = bcp_parse_cache_current();
    size_t n = 0, parses = 0;
    for (size_t i = 0; i < count; i++) {
        const char *err;
        bcp_source *src = bcp_model_read_source(m, paths[i], NULL, &err);
        /* serve13c: the cache first, which knows whether these bytes passed
         * the pre-scan under this call's limits already. */
        TSTree *cached = src && src->length < 2 * PIECE_MIN_BYTES ? bcp_parse_cache_get(cache, src) : NULL;
        if (!src || src->length >= 2 * PIECE_MIN_BYTES || !bcp_syntax_prescan(src)) {
            if (cached)
                ts_tree_delete(cached);
            bcp_source_free(src); /* unreadable, large or refused: loaded the ordinary way */
            continue;
        }
        sources[n] = src;
        trees[n] = cached;
        if (!trees[n]) {
            task_of[parses] = n;
            tasks[parses].text = src->text;
            tasks[parses].length = (uint32_t)src->length;
            tasks[parses].prescanned = true;
            parses++;
        }
        n++;
    }
    bcp_parse_tasks(tasks, parses);
    for (size_t t = 0; t < parses; t++) {
        trees[task_of[t]] = tasks[t].tree;
        bcp_parse_cache_put(cache, sources[task_of[t]], tasks[t].tree);
    }
    piece_job *jobs = bcp_calloc(n ? n : 1, sizeof *jobs);
    for (size_t i = 0; i < n; i++) {
        jobs[i].c = (build_ctx){.model = m, .src = sources[i], .sym = bcp_syntax_symbols()};
        jobs[i].tree = trees[i];
        jobs[i].whole_file = true;
        bcp_arena_init(&jobs[i].arena);
    }
    bcp_run_parallel(bcp_build_piece, jobs, sizeof *jobs, n);
    for (size_t i = 0; i < n; i++) {
        m->prefetched = bcp_grow(m->prefetched, &m->prefetched_capacity, m->prefetched_count,
                                 sizeof *m->prefetched);
        prefetched *p = &m->prefetched[m->prefetched_count++];
        p->path = bcp_strdup(sources[i]->real_path ? sources[i]->real_path : "");
        p->source = sources[i];
        p->tree = jobs[i].tree;
        p->built = NULL;
        if (!jobs[i].has_use) {
            p->built = bcp_malloc(sizeof *p->built);
            *p->built = jobs[i];
        }
    }
    bcp_free(jobs);
    bcp_free(tasks);
    bcp_free(sources);
    bcp_free(trees);
    bcp_free(task_of);
}

/* Takes the prefetched parse of `path` out of the cache (NULL if none). */
bool bcp_take_prefetched(bcp_model *m, const char *path, prefetched *out)
{
    prefetched *p = find_prefetched(m, path);
    if (!p)
        return false;
    *out = *p;
    bcp_free(p->path);
    out->path = NULL;
    *p = m->prefetched[--m->prefetched_count];
    return true;
}

/* Also tells, per tree, whether it holds any `use` (such a piece must be
 * built in order, on this thread, because imports load as they are met). */
void bcp_collect_imports(bcp_model *m, const bcp_source *src, TSTree *const *trees, size_t tree_count,
                            import_list *out, bool *has_use)
{
    const bcp_symbols *sym = bcp_syntax_symbols();
    build_ctx c = {.model = m, .src = src, .sym = sym};
    for (size_t t = 0; t < tree_count; t++) {
        has_use[t] = false;
        /* A cursor: ts_node_child(root, i) walks from the first child each time. */
        TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(trees[t]));
        bool more = ts_tree_cursor_goto_first_child(&cur);
        for (; more; more = ts_tree_cursor_goto_next_sibling(&cur)) {
            TSNode node = ts_tree_cursor_current_node(&cur);
            if (ts_node_symbol(node) != sym->use_statement)
                continue;
            has_use[t] = true;
            TSNode path = ts_node_child_by_field_id(node, sym->field_path);
            if (ts_node_is_null(path) || ts_node_has_error(path))
                continue;
            size_t len;
            const char *raw = bcp_node_text(&c, path, &len);
            if (len < 2 || (len >= 6 && has_prefix(raw + 1, "std/")))
                continue;
            char spec[PATH_MAX], joined[PATH_MAX * 2], resolved[PATH_MAX];
            snprintf(spec, sizeof spec, "%.*s", (int)(len - 2), raw + 1);
            if (strchr(spec, '\\'))
                continue; /* escapes: leave it to the ordinary path */
            bcp_import_join(src, spec, joined, sizeof joined);
            if (!bcp_realpath(joined, resolved) || (m->root_dir && !bcp_path_inside(resolved, m->root_dir)))
                continue; /* not there, or outside the plan's folder: never read ahead */
            out->paths = bcp_grow(out->paths, &out->capacity, out->count, sizeof *out->paths);
            out->paths[out->count] = bcp_strdup(resolved);
            out->count++;
        }
        ts_tree_cursor_delete(&cur);
    }
}

/* Before importing `want` (a canonical path not loaded yet), parse it and the
 * imports after it together. */
void bcp_prefetch_next(bcp_model *m, const char *want, import_list *pending)
{
    if (find_prefetched(m, want))
        return;
    while (pending->next < pending->count && strcmp(pending->paths[pending->next], want) != 0)
        pending->next++;
    if (pending->next >= pending->count)
        return;
    size_t window = bcp_worker_threads() * PREFETCH_PER_THREAD;
    char **batch = bcp_calloc(window, sizeof *batch);
    size_t n = 0;
    for (size_t i = pending->next; i < pending->count && n < window; i++) {
        const char *p = pending->paths[i];
        if (list_contains(&m->loaded, p) || find_prefetched(m, p))
            continue;
        bool dup = false;
        for (size_t j = 0; j < n; j++)
            dup = dup || strcmp(batch[j], p) == 0;
        if (!dup)
            batch[n++] = pending->paths[i];
    }
    if (n > 1)
        prefetch_files(m, batch, n);
    bcp_free(batch);
}

void bcp_import_list_free(import_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        bcp_free(l->paths[i]);
    bcp_free(l->paths);
}
