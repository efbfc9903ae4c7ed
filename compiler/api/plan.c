/* Loading a plan through a workspace: which files make the plan a path
 * belongs to (a plan with its imports; a module with a plan of its project
 * that imports it), the plan handle, and its diagnostics. */
#define _DEFAULT_SOURCE
#include "api_internal.h"

#include <string.h>

#include "base/alloc.h"
#include "model/workspace.h"
#include "report/diagnostics.h"

bcp_plan *bcp_plan_wrap(bcp_model *model, const char *path, const char *report_only)
{
    bcp_plan *plan = bcp_calloc(1, sizeof *plan);
    plan->model = model;
    plan->path = bcp_strdup(path);
    plan->report_only = report_only ? bcp_strdup(report_only) : NULL;
    /* The reverse-reference index is built on first use: build it now, while
     * one thread owns the plan, so that later reads never write. */
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *l = bcp_model_entities(model, (bcp_kind)k);
        if (l->count) {
            bcp_model_referrers(model, l->items[0]);
            break;
        }
    }
    bcp_plan_build_orders(plan);
    return plan;
}

bcp_model *bcp_plan_model(const bcp_plan *plan)
{
    return plan ? plan->model : NULL;
}

void bcp_plan_free(bcp_plan *plan)
{
    if (!plan)
        return;
    bcp_plan_free_orders(plan);
    bcp_model_free(plan->model);
    bcp_free(plan->path);
    bcp_free(plan->report_only);
    bcp_free(plan);
}

size_t bcp_plan_file_count(const bcp_plan *plan)
{
    return plan ? bcp_model_source_count(plan->model) : 0;
}

const char *bcp_plan_file(const bcp_plan *plan, size_t i)
{
    return i < bcp_plan_file_count(plan) ? bcp_model_source(plan->model, i)->path : NULL;
}

const char *bcp_plan_file_text(const bcp_plan *plan, size_t i, size_t *length)
{
    const bcp_source *src = i < bcp_plan_file_count(plan) ? bcp_model_source(plan->model, i) : NULL;
    if (length)
        *length = src ? src->length : 0;
    return src ? src->text : NULL;
}

bcp_diagnostics *bcp_plan_diagnostics(const bcp_plan *plan)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    if (!plan)
        return set;
    const bcp_diag_list *list = bcp_model_diags(plan->model);
    for (size_t i = 0; i < list->count; i++) {
        const bcp_source *src = list->items[i].span.source;
        if (plan->report_only && !(src && src->real_path && strcmp(src->real_path, plan->report_only) == 0))
            continue;
        bcp_diagnostics_add(set, &list->items[i]);
    }
    bcp_diagnostics_sort(set);
    return set;
}

/* ------------------------------------------------------------ loading */

/* A plan of the module's project that imports it, loaded, or NULL
 * (model/workspace.c: bounded, and never from the filesystem's root).  Open
 * documents count, so that an unsaved `use` or a plan not yet on disk is seen. */
static bcp_model *load_with_importer(bcp_workspace *ws, const char *key, const bcp_model_options *opts)
{
    const char **open = bcp_calloc(ws->document_count ? ws->document_count : 1, sizeof *open);
    for (size_t i = 0; i < ws->document_count; i++)
        open[i] = ws->documents[i]->key;
    bcp_model *found = bcp_workspace_find_importer(key, open, ws->document_count, opts, NULL);
    bcp_free(open);
    return found;
}

bcp_status bcp_workspace_load(bcp_workspace *ws, const char *path, bcp_plan **plan)
{
    if (plan)
        *plan = NULL;
    if (!ws || !path || !plan)
        return BCP_ERR_INVALID;
    bcp_workspace_apply_limits(ws, path);   /* its bcpconfig.bcp's `limits { }` (issue 15) */
    char *text;
    size_t length;
    bcp_status st = bcp_workspace_read(ws, path, &text, &length);
    if (st != BCP_OK)
        return st;
    bool is_plan = bcp_text_declares_plan(text, length);
    bcp_free(text);
    bcp_model_options opts = bcp_workspace_model_options(ws);
    if (!is_plan) {
        char *key = bcp_workspace_canonical_path(path);
        bcp_model *m = load_with_importer(ws, key, &opts);
        if (m) {
            *plan = bcp_plan_wrap(m, path, key);
            bcp_free(key);
            return BCP_OK;
        }
        bcp_free(key);
    }
    *plan = bcp_plan_wrap(bcp_model_load(path, &opts), path, NULL);
    return BCP_OK;
}
