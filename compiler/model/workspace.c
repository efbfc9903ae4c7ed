#define _DEFAULT_SOURCE
#include "workspace.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/paths.h"
#include "base/files.h"
#include "model_internal.h"
#include "syntax/scan.h"

static void push_str(char ***items, size_t *count, const char *s)
{
    *items = bcp_realloc(*items, (*count + 1) * sizeof **items);
    (*items)[(*count)++] = bcp_strdup(s);
}

static bool is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || (unsigned char)c >= 0x80;
}

/* White space as the grammar has it: a block's words may stand on separate lines. */
static bool is_blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool bcp_text_declares_plan(const char *text, size_t len)
{
    /* Only a top-level `plan ID {` counts: a locale module holds `plan ID { ... }`
     * overlays inside `locale xx { }`, and strings or comments may mention the word. */
    size_t depth = 0;
    size_t start = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        start = 3; /* a byte order mark does not hide the plan */
    size_t i = start;
    while (i < len) {
        char c = text[i];
        if (c == '#' || c == '"') {
            i = bcp_scan_skip_literal(text, len, i);
            continue;
        }
        if (c == '{') {
            depth++;
        } else if (c == '}') {
            if (depth > 0)
                depth--;
        } else if (depth == 0 && (i == start || !is_ident_char(text[i - 1])) && i + 5 <= len &&
                   memcmp(text + i, "plan", 4) == 0 && is_blank_char(text[i + 4])) {
            size_t j = i + 4;
            while (j < len && is_blank_char(text[j]))
                j++;
            size_t id = j;
            while (j < len && is_ident_char(text[j]))
                j++;
            while (j < len && is_blank_char(text[j]))
                j++;
            if (j > id && j < len && text[j] == '{')
                return true;
        }
        i++;
    }
    return false;
}

static bool file_declares_plan(const char *path)
{
    if (strcmp(path, "-") == 0)
        return true; /* stdin is checked as it is */
    const char *err;
    bcp_source *src = bcp_source_read(path, &err);
    if (!src)
        return true; /* let the loader report the I/O error */
    bool yes = bcp_text_declares_plan(src->text, src->length);
    bcp_source_free(src);
    return yes;
}

static bool model_loaded(const bcp_model *m, const char *real_path)
{
    for (size_t i = 0; i < bcp_model_source_count(m); i++) {
        const bcp_source *s = bcp_model_source(m, i);
        if (s->real_path && strcmp(s->real_path, real_path) == 0)
            return true;
    }
    return false;
}

/* The folder a module's plans are looked for in: its project's
 * (bcp_project_root), or false when that would be the filesystem's root,
 * where no project lives: a module there (or an editor's odd URI that maps
 * to it) is loaded alone rather than after a walk of the whole filesystem
 * (a hang the lsp fuzz target found). */
static bool module_project(const char *module, char *out, size_t size)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", module);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    bcp_project_root(dir, out, size);
    return strcmp(out, "/") != 0;
}

/* Does the file declare a plan, read as the loader would read it?  False
 * when it cannot be read: a broken or refused neighbour is not a context. */
static bool candidate_declares_plan(const char *path, const bcp_model_options *opts, size_t *bytes)
{
    const char *err = NULL;
    bcp_source *src = opts && opts->read ? opts->read(opts->read_user, path, NULL, &err)
                                         : bcp_source_read(path, &err);
    if (!src)
        return false;
    *bytes += src->length;
    bool yes = bcp_text_declares_plan(src->text, src->length);
    bcp_source_free(src);
    return yes;
}

bcp_model *bcp_workspace_find_importer(const char *module, const char *const *extra, size_t extra_count,
                                       const bcp_model_options *opts, char **plan)
{
    if (plan)
        *plan = NULL;
    char folder[PATH_MAX];
    if (!module_project(module, folder, sizeof folder))
        return NULL;
    char **files;
    size_t count;
    bcp_find_plan_files(folder, &files, &count);
    /* Files only the reader has (unsaved documents) under the folder count too. */
    size_t prefix = strlen(folder), capacity = count;
    for (size_t i = 0; i < extra_count; i++) {
        bool listed = false;
        for (size_t j = 0; j < count && !listed; j++)
            listed = strcmp(files[j], extra[i]) == 0;
        if (!listed && strncmp(extra[i], folder, prefix) == 0 && extra[i][prefix] == '/') {
            files = bcp_grow(files, &capacity, count, sizeof *files);
            files[count++] = bcp_strdup(extra[i]);
        }
    }
    /* Bounded: a big unrelated tree, or a module whose plan line is broken
     * mid-edit, costs at most the budget, not a load of every plan of the
     * project; the first importer gives the context, more would repeat it. */
    bcp_model *found = NULL;
    size_t plans_tried = 0, bytes_read = 0;
    for (size_t i = 0; i < count && !found; i++) {
        if (plans_tried >= BCP_DISCOVERY_PLANS || bytes_read >= BCP_DISCOVERY_BYTES)
            break;
        if (strcmp(files[i], module) == 0 || !candidate_declares_plan(files[i], opts, &bytes_read))
            continue;
        plans_tried++;
        bcp_model *m = bcp_model_load(files[i], opts);
        if (model_loaded(m, module)) {
            found = m;
            if (plan)
                *plan = bcp_strdup(files[i]);
        } else {
            bcp_model_free(m);
        }
    }
    bcp_files_free(files, count);
    return found;
}

static void add_unit(bcp_unit_list *out, bcp_unit unit)
{
    out->items = bcp_realloc(out->items, (out->count + 1) * sizeof *out->items);
    out->items[out->count++] = unit;
}

void bcp_workspace_units(char **files, size_t count, const bcp_model_options *opts, bcp_unit_list *out)
{
    out->items = NULL;
    out->count = 0;
    bool *is_plan = bcp_calloc(count ? count : 1, sizeof *is_plan);
    char **real = bcp_calloc(count ? count : 1, sizeof *real);
    for (size_t i = 0; i < count; i++) {
        char resolved[PATH_MAX];
        is_plan[i] = file_declares_plan(files[i]);
        real[i] = strcmp(files[i], "-") != 0 && bcp_realpath(files[i], resolved) ? bcp_strdup(resolved) : NULL;
    }
    /* Modules imported by a plan in the same run are checked with that plan. */
    bool *covered = bcp_calloc(count ? count : 1, sizeof *covered);
    for (size_t i = 0; i < count; i++) {
        if (!is_plan[i])
            continue;
        bcp_unit u = {0};
        push_str(&u.roots, &u.root_count, files[i]);
        add_unit(out, u);
        bool any_module = false;
        for (size_t j = 0; j < count; j++)
            any_module = any_module || (!is_plan[j] && !covered[j]);
        if (!any_module)
            continue;
        bcp_model *m = bcp_model_load(files[i], opts);
        for (size_t j = 0; j < count; j++)
            if (!is_plan[j] && real[j] && model_loaded(m, real[j]))
                covered[j] = true;
        out->items[out->count - 1].model = m; /* checked as it is: no second load */
    }
    for (size_t i = 0; i < count; i++) {
        if (is_plan[i] || covered[i])
            continue;
        bcp_unit u = {0};
        struct stat st;
        if (real[i] && stat(real[i], &st) == 0 && S_ISREG(st.st_mode)) {
            char *plan = NULL;
            bcp_model *m = bcp_workspace_find_importer(real[i], NULL, 0, opts, &plan);
            if (m)
                push_str(&u.roots, &u.root_count, plan);
            /* The importer's model holds the module already: it is the
             * unit's model as it is, not loaded a second time, with the
             * module under the name the user gave (as a second root). */
            if (m)
                bcp_model_name_source(m, real[i], files[i]);
            u.model = m;
            bcp_free(plan);
        }
        push_str(&u.roots, &u.root_count, files[i]);
        if (u.root_count > 1 && real[i])
            push_str(&u.report_only, &u.report_count, real[i]);
        add_unit(out, u);
    }
    for (size_t i = 0; i < count; i++)
        bcp_free(real[i]);
    bcp_free(real);
    bcp_free(is_plan);
    bcp_free(covered);
}

static void free_strs(char **items, size_t count)
{
    for (size_t i = 0; i < count; i++)
        bcp_free(items[i]);
    bcp_free(items);
}

void bcp_unit_list_free(bcp_unit_list *units)
{
    for (size_t i = 0; i < units->count; i++) {
        bcp_model_free(units->items[i].model);
        free_strs(units->items[i].roots, units->items[i].root_count);
        free_strs(units->items[i].report_only, units->items[i].report_count);
    }
    bcp_free(units->items);
    units->items = NULL;
    units->count = 0;
}

bcp_model *bcp_unit_take_model(bcp_unit *unit, const bcp_model_options *opts)
{
    bcp_model *m = unit->model;
    unit->model = NULL;
    if (!m)
        m = bcp_model_load_many((const char *const *)unit->roots, unit->root_count, opts);
    return m;
}

bool bcp_unit_reports(const bcp_unit *unit, const bcp_source *source)
{
    if (!unit->report_only)
        return true;
    if (!source || !source->real_path)
        return false;
    for (size_t i = 0; i < unit->report_count; i++)
        if (strcmp(unit->report_only[i], source->real_path) == 0)
            return true;
    return false;
}
