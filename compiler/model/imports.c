/* Imports: `use "std/..."` stdlib modules and local files, their display
 * paths, and the checks that an import stays inside the plan's folder and
 * does not form a cycle. */
#define _DEFAULT_SOURCE
#include "model_internal.h"
#include "base/alloc.h"
#include "base/paths.h"
#include "base/limits.h"
#include "parse_cache.h"
#include "prebuilt.h"

void bcp_loading_push(bcp_model *m, char *key, const bcp_span *from)
{
    m->loading_from = bcp_grow(m->loading_from, &m->loading_from_capacity, m->loading.count,
                               sizeof *m->loading_from);
    m->loading_from[m->loading.count] = from ? *from : (bcp_span){0};
    bcp_ptr_vec_push(&m->arena, &m->loading, key);
}

/* An import cycle: point at the import that began it, when a `use` did. */
static void cycle_error(bcp_model *m, const char *key, const bcp_span *from, const char *fmt, const char *name)
{
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E113, from, fmt, name);
    for (size_t i = 0; i < m->loading.count; i++)
        if (strcmp(m->loading.items[i], key) == 0 && m->loading_from[i].source)
            bcp_diag_add_note(d, &m->loading_from[i], "the cycle begins with this import");
}

/* Loading an import recurses (the importer's load waits for the import's),
 * so a chain of files each importing the next is bounded as nesting is: a
 * file that would open one level more than the nesting limit is refused at
 * its `use` (E012), before it is read.  The frames of the recursion keep
 * their path buffers on the heap, so the deepest chain the limit allows
 * (1,000) fits the stack. */
static bool import_too_deep(bcp_model *m, const char *spec, const bcp_span *from, uint64_t deepest)
{
    if (m->loading.count < deepest)
        return false;
    bcp_model_error(m, BCP_CODE_E012, from,
                    "cannot import `%s`: it would be level %zu of a chain of imports, each file "
                    "importing the next, deeper than the nesting limit of %llu levels (raise it "
                    "with --limit nesting=N)",
                    spec, m->loading.count + 1, (unsigned long long)deepest);
    return true;
}

void bcp_load_stdlib_module(bcp_model *m, const char *name, const bcp_span *from)
{
    char key[1100];
    snprintf(key, sizeof key, "std/%s", name);
    if (!bcp_stdlib_name_ok(name)) {
        bcp_model_error(m, BCP_CODE_E112, from,
                        "stdlib module `%s` leaves the standard library: a module name is "
                        "folder and file names, without `.`, `..` or a leading `/`", key);
        return;
    }
    if (list_contains(&m->loaded, key)) {
        if (list_contains(&m->loading, key) && from)
            cycle_error(m, key, from, "import cycle: `%s` imports itself", key);
        return;
    }
    bcp_stdlib_match *files;
    size_t count = bcp_stdlib_module(m->opts.stdlib_dir, name, &files);
    if (count == 0) {
        if (from) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E111, from,
                                      "no stdlib module `std/%s`", name);
            char **names;
            size_t n = bcp_stdlib_module_names(m->opts.stdlib_dir, &names);
            const char *best = bcp_suggest(name, (const char *const *)names, n);
            if (best)
                bcp_diag_set_hint(d, "did you mean `std/%s`?", best);
            for (size_t i = 0; i < n; i++)
                bcp_free(names[i]);
            bcp_free(names);
        } else {
            bcp_model_error(m, BCP_CODE_E111, NULL, "the stdlib has no module `std/%s`", name);
        }
        bcp_free(files);
        return;
    }
    if (import_too_deep(m, key, from, bcp_limit_for_stdlib(BCP_LIMIT_NESTING))) {
        bcp_stdlib_matches_free(files, count);
        return;
    }
    char *owned_key = bcp_arena_strdup(&m->arena, key);
    bcp_ptr_vec_push(&m->arena, &m->loaded, owned_key);
    bcp_loading_push(m, owned_key, from);
    for (size_t i = 0; i < count; i++) {
        char path[1200];
        snprintf(path, sizeof path, "<stdlib>/%s", files[i].path);
        bcp_source *src = bcp_source_from_memory(path, files[i].text, files[i].length, false);
        src->owns_text = true; /* take the copy over */
        files[i].text = NULL;
        src->is_stdlib = true;
        src->module_name = bcp_strdup(key);
        bcp_model_add_source(m, src, false);
        /* The embedded stdlib comes ready-built (prebuilt.h); --stdlib DIR is parsed. */
        if (m->opts.stdlib_dir || !bcp_prebuilt_load(files[i].path, src, &m->arena, &m->blocks))
            bcp_load_source(m, src, NULL, true);
    }
    m->loading.count--;
    bcp_stdlib_matches_free(files, count);
}

/* Drops "dir/.." pairs from a relative display path, in place. */
static void tidy_display_path(char *path)
{
    char *p;
    while ((p = strstr(path, "/../")) != NULL) {
        char *seg = p;
        while (seg > path && seg[-1] != '/')
            seg--;
        if ((size_t)(p - seg) == 2 && seg[0] == '.' && seg[1] == '.')
            break; /* "../.." cannot be shortened */
        memmove(seg, p + 4, strlen(p + 4) + 1);
    }
}

/* How an imported file is named in messages: relative to the importer's own
 * display path, as the user would write it from where they ran bcp. */
static void import_display_path(const bcp_source *importer, const char *spec, char *display, size_t size)
{
    const char *islash = strrchr(importer->path, '/');
    const char *rel = spec;
    while (has_prefix(rel, "./"))
        rel += 2;
    if (islash && spec[0] != '/')
        snprintf(display, size, "%.*s/%s", (int)(islash - importer->path), importer->path, rel);
    else
        snprintf(display, size, "%s", spec[0] == '/' ? spec : rel);
    size_t dl = strlen(display);
    if (dl < 4 || strcmp(display + dl - 4, ".bcp") != 0)
        snprintf(display + dl, size - dl, ".bcp");
    if (display[0] != '/')
        tidy_display_path(display);
}

/* The file a local `use` names: relative to the importer, ".bcp" optional. */
void bcp_import_join(const bcp_source *importer, const char *spec, char *joined, size_t size)
{
    const char *base = importer->real_dir ? importer->real_dir : ".";
    if (spec[0] == '/')
        snprintf(joined, size, "%s", spec);
    else
        snprintf(joined, size, "%s/%s", base, spec);
    size_t jl = strlen(joined);
    if (jl < 4 || strcmp(joined + jl - 4, ".bcp") != 0)
        snprintf(joined + jl, size - jl, ".bcp");
}

/* Reports E112 when `path` (absolute, folded) lies outside the plan's folder. */
static bool escapes(bcp_model *m, const char *path, const char *spec, const bcp_span *from)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    if (!m->root_dir || bcp_path_inside(dir, m->root_dir))
        return false;
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E112, from, "import `%s` leaves the plan's directory tree", spec);
    /* The display form, not root_dir: output must not depend on where the project lies. */
    bcp_diag_set_hint(d, "a plan may only import files in its own folder (%s) and below it",
                      m->root_display);
    return true;
}

static void import_not_found(bcp_model *m, const bcp_span *from, const char *spec, const char *display,
                             int error)
{
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E111, from, "cannot import `%s`: %s", spec, strerror(error));
    bcp_diag_set_hint(d, "looked for %s: a path in `use` is relative to the file that contains it",
                      display);
}

/* serve13b: a small module's whole-file tree from the call's parse cache, or
 * parsed now and kept there; NULL without a cache (the ordinary path parses). */
static TSTree *cached_parse(const bcp_source *src)
{
    bcp_parse_cache *cache = bcp_parse_cache_current();
    if (!cache || src->length >= 2 * PIECE_MIN_BYTES)
        return NULL;
    TSTree *tree = bcp_parse_cache_get(cache, src);   /* serve13c: before the pre-scan, which a hit may spare */
    if (!bcp_syntax_prescan(src)) {
        if (tree)
            ts_tree_delete(tree);
        return NULL;
    }
    if (!tree) {
        tree = bcp_syntax_parse(src);
        bcp_parse_cache_put(cache, src, tree);
    }
    return tree;
}

/* The paths of one import, on the heap: the import's own load nests inside
 * its importer's (see import_too_deep). */
typedef struct import_paths {
    char joined[PATH_MAX * 2];
    char display[PATH_MAX * 2];
    char resolved[PATH_MAX];
} import_paths;

static void load_file_import(bcp_model *m, const bcp_source *importer, const char *spec,
                             const bcp_span *from, import_list *pending, import_paths *paths);

void bcp_load_file_import(bcp_model *m, const bcp_source *importer, const char *spec,
                             const bcp_span *from, import_list *pending)
{
    import_paths *paths = bcp_malloc(sizeof *paths);
    load_file_import(m, importer, spec, from, pending, paths);
    bcp_free(paths);
}

static void load_file_import(bcp_model *m, const bcp_source *importer, const char *spec,
                             const bcp_span *from, import_list *pending, import_paths *paths)
{
    char *joined = paths->joined, *display = paths->display, *resolved = paths->resolved;
    bcp_import_join(importer, spec, joined, sizeof paths->joined);
    import_display_path(importer, spec, display, sizeof paths->display);
    /* Escapes first, on the path as written: whether a file outside the
     * plan's folder exists is not the plan's to learn. */
    size_t joined_len = strlen(joined);
    if (joined[0] == '/' && joined_len < sizeof paths->resolved) {
        memcpy(resolved, joined, joined_len + 1);
        bcp_path_fold(resolved);
        if (escapes(m, resolved, spec, from))
            return;
    }
    int missing = 0; /* why the file is not on disk */
    if (!bcp_realpath(joined, resolved)) {
        missing = errno;
        /* A reader may serve files that are not on disk (unsaved buffers). */
        if (!m->opts.read || joined[0] != '/' || joined_len >= sizeof paths->resolved) {
            import_not_found(m, from, spec, display, missing);
            return;
        }
        memcpy(resolved, joined, joined_len + 1);
        bcp_path_fold(resolved);
    }
    /* Again for the file itself: a link inside may lead outside. */
    if (escapes(m, resolved, spec, from))
        return;
    if (list_contains(&m->loading, resolved)) {
        cycle_error(m, resolved, from, "import cycle: `%s` is already being imported", spec);
        return;
    }
    if (list_contains(&m->loaded, resolved))
        return;
    if (import_too_deep(m, spec, from, bcp_limit(BCP_LIMIT_NESTING)))
        return;
    uint64_t most = bcp_limit(BCP_LIMIT_IMPORTS);
    if (m->user_source_count >= most) {
        if (!m->imports_refused) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E130, from,
                                          "cannot import `%s`: this check already reads %llu files, "
                                          "the imports limit", spec, (unsigned long long)most);
            bcp_diag_set_hint(d, "raise it with --limit imports=N; further imports over the limit "
                                 "are not reported one by one");
            m->imports_refused = true;
        }
        return;
    }
    bcp_prefetch_next(m, resolved, pending);
    prefetched ahead = {0};
    bcp_source *src = NULL;
    if (bcp_take_prefetched(m, resolved, &ahead)) {
        src = ahead.source;
    } else {
        const char *err = NULL;
        src = bcp_model_read_source(m, resolved, &ahead.tree, &err);
        if (!src && missing) {
            import_not_found(m, from, spec, display, missing);
            return;
        }
        if (!src) {
            bcp_code_id code = bcp_source_read_code();
            bcp_model_error(m, code == BCP_CODE_E100 ? BCP_CODE_E111 : code, from,
                            "cannot read `%s`: %s", spec, err);
            return;
        }
    }
    if (!ahead.tree && !ahead.built)
        ahead.tree = cached_parse(src);
    bcp_free(src->path);
    src->path = bcp_strdup(display);
    bcp_model_add_source(m, src, true);
    if (ahead.built) {
        /* Built ahead and free of imports: nothing is loaded in between. */
        bcp_ptr_vec_push(&m->arena, &m->loaded, bcp_arena_strdup(&m->arena, resolved));
        bcp_merge_piece(m, ahead.built);
        bcp_free(ahead.built);
        return;
    }
    bcp_load_parsed_source(m, src, resolved, false, ahead.tree, from);
}
