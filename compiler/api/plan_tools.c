/* The tools part's operations on a loaded bcp_plan: lint it, render one of
 * its documents, diff two plans.  A plan is shared and immutable: lint
 * findings go to a list of their own, never into the plan's model. */
#include <stdlib.h>
#include <string.h>

#include "api_internal.h"
#include "base/alloc.h"
#include "base/call.h"
#include "base/limits.h"
#include "model/model.h"
#include "tools.h"
#include "readiness.h"
#include "report/deviations.h"
#include "tools_lint.h"

/* ==== serve13c part: the model's diagnostics and the lint's, in order,
 * under the findings limit of the current call (bcp_tools_add_within_limit).
 * `all` holds copies of the structs only: the two lists keep owning them. */
static void add_limited(bcp_diagnostics *set, const bcp_diag_list *model, const bcp_diag_list *found)
{
    bcp_diag_list all = {0};
    all.count = all.capacity = model->count + found->count;
    all.items = bcp_malloc((all.count ? all.count : 1) * sizeof *all.items);
    if (model->count)
        memcpy(all.items, model->items, model->count * sizeof *all.items);
    if (found->count)
        memcpy(all.items + model->count, found->items, found->count * sizeof *all.items);
    bcp_diag_list_sort(&all);
    bcp_tools_add_within_limit(set, &all, bcp_limit(BCP_LIMIT_FINDINGS), NULL, NULL);
    bcp_free(all.items);
}
/* ==== end */

/* bcp_plan_lint, the configuration read through `ws` when there is one. */
static bcp_status lint_plan(bcp_workspace *ws, const bcp_plan *plan, const bcp_check_options *options,
                            bcp_diagnostics **findings, bcp_diagnostics **problems)
{
    static const bcp_check_options defaults = {0};
    const bcp_check_options *o = options ? options : &defaults;
    bcp_diagnostics *set = bcp_diagnostics_new(), *trouble = bcp_diagnostics_new();
    bcp_model *m = bcp_plan_model(plan);
    bcp_tools_setup setup;
    bcp_status status = bcp_tools_lint_setup(o, &setup, trouble);
    /* ==== serve13c part: the findings limit, as bcp_check_paths applies it,
     * under the configuration's `limits { findings }` for this call only. */
    bcp_call_state call = *bcp_call_current();
    bcp_call_state *outer = bcp_call_begin(&call);
    bcp_diag_list found = {0};
    /* ==== end */
    if (status == BCP_OK && !o->no_lint && !bcp_model_has_syntax_errors(m)) {
        /* Through the workspace, a bcpconfig.bcp open in the editor counts
         * even when it was never saved. */
        char *path = ws && !o->no_config && !o->config ? bcp_workspace_config_find(ws, plan->path ? plan->path : "-")
                                                       : bcp_tools_config_path(o, plan->path ? plan->path : "-");
        bcp_lint_config config;
        bcp_lint_deviation_list accepted = {0};
        bcp_model_options reader = ws ? bcp_workspace_model_options(ws) : (bcp_model_options){0};
        setup.overrides.reader = ws ? &reader : NULL;
        if (!bcp_tools_load_config(path, &setup.overrides, &config, trouble))
            status = BCP_ERR_PLAN;
        else if ((bcp_lint_config_apply_limits(&config), /* serve13c: its `findings` limit */
                  !bcp_tools_lint_accepted(m, &config, &found, trouble, &accepted)))
            status = BCP_ERR_PLAN;
        bcp_diagnostics_add_deviations(set, &accepted, NULL, NULL);
        bcp_lint_deviation_list_free(&accepted);
        bcp_lint_config_free(&config);
        bcp_free(path);
    }
    add_limited(set, bcp_model_diags(m), &found);   /* serve13c */
    bcp_diag_list_free(&found);
    bcp_call_end(outer);
    bcp_tools_lint_setup_free(&setup);
    bcp_diagnostics_sort(set);
    bcp_tools_give(findings, set);
    bcp_tools_give(problems, trouble);
    return status;
}

bcp_status bcp_plan_lint(const bcp_plan *plan, const bcp_check_options *options, bcp_diagnostics **findings,
                         bcp_diagnostics **problems)
{
    return lint_plan(NULL, plan, options, findings, problems);
}

bcp_status bcp_workspace_lint(bcp_workspace *ws, const bcp_plan *plan, const bcp_check_options *options,
                              bcp_diagnostics **findings, bcp_diagnostics **problems)
{
    return lint_plan(ws, plan, options, findings, problems);
}

/* The plan loaded again, with every stdlib locale, into a model of the
 * render's own: redaction rewrites the values it flags, and the caller's
 * plan is shared and never written.  Through `ws` when there is one (open
 * documents count), else from the root text the plan was loaded from. */
bcp_model *bcp_tools_load_for_render(bcp_workspace *ws, const bcp_plan *plan)
{
    static const bcp_model_options none = {0};
    bcp_model_options mo = ws ? bcp_workspace_model_options(ws) : none;
    char **modules;
    size_t count = bcp_tools_locale_modules(mo.stdlib_dir, &modules);
    mo.extra_modules = (const char *const *)modules;
    mo.extra_module_count = count;
    bcp_model *m = NULL;
    size_t length;
    const char *text = bcp_plan_file_text(plan, 0, &length);
    if (ws && plan->path)
        m = bcp_model_load(plan->path, &mo);
    else if (text)
        m = bcp_model_load_text(bcp_plan_file(plan, 0), text, length, &mo);
    bcp_tools_free_modules(modules, count);
    return m;
}

bcp_status bcp_plan_render(bcp_workspace *ws, const bcp_plan *plan, bcp_doc_format format, const char *lang,
                           char **text, size_t *length, bcp_diagnostics **problems)
{
    bcp_render_options o = {.lang = lang};
    return bcp_plan_render_with(ws, plan, format, &o, text, length, problems);
}

bcp_status bcp_plan_render_with(bcp_workspace *ws, const bcp_plan *plan, bcp_doc_format format,
                                const bcp_render_options *options, char **text, size_t *length,
                                bcp_diagnostics **problems)
{
    static const bcp_render_options defaults = {0};
    const bcp_render_options *o = options ? options : &defaults;
    bcp_diagnostics *set = bcp_diagnostics_new();
    /* A plan from bcp_workspace_load has none of the stdlib's prose; its own
     * `locale` blocks (huadong's English module) do not bring it either. */
    bcp_model *m = bcp_tools_load_for_render(ws, plan);
    const bcp_diag_list *diags = m ? bcp_model_diags(m) : NULL;
    char *documents[BCP_DOC_FORMAT_COUNT] = {0};
    size_t lengths[BCP_DOC_FORMAT_COUNT] = {0};
    bcp_status status;
    if ((unsigned)format >= BCP_DOC_FORMAT_COUNT) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "no such document format");
        status = BCP_ERR_INVALID;
    } else if (!m || bcp_diag_count(diags, BCP_SEV_ERROR) || !bcp_model_plan(m)) {
        for (size_t i = 0; diags && i < diags->count; i++)
            if (diags->items[i].severity == BCP_SEV_ERROR)
                bcp_diagnostics_add(set, &diags->items[i]);
        status = BCP_ERR_PLAN;
    } else {
        const char *language = o->lang ? o->lang : bcp_entity_text(bcp_model_plan(m), "language");
        bcp_diag_list secrets = {0};
        bcp_tools_find_secrets(m, &secrets);
        bcp_tools_render_request rq = {.lang = language ? language : "en",
                                       .formats = 1u << format,
                                       .draft = o->draft,
                                       .findings = o->findings,
                                       .secrets = &secrets,
                                       .paper = o->paper,
                                       .config_root = o->config_root};
        bcp_check_options bounded = {.config_root = o->config_root};
        bcp_diagnostics *ignored = bcp_diagnostics_new(); /* a broken configuration is the check's to report */
        char *profile = plan->path ? bcp_tools_profile_for(plan->path, &bounded, ignored) : NULL;
        bcp_diagnostics_free(ignored);
        rq.profile = profile;
        status = bcp_tools_render(m, &rq, documents, lengths, NULL, set);
        bcp_free(profile);
        bcp_diag_list_free(&secrets);
    }
    *text = (unsigned)format < BCP_DOC_FORMAT_COUNT ? documents[format] : NULL;
    if (length)
        *length = *text ? lengths[format] : 0;
    bcp_model_free(m);
    bcp_tools_give(problems, set);
    return status;
}

bcp_status bcp_diff_plans(const bcp_plan *old_plan, const bcp_plan *new_plan, const bcp_diff_options *options,
                         char **text, size_t *length, bool *differ)
{
    static const bcp_diff_options defaults = {0};
    const bcp_diff_options *o = options ? options : &defaults;
    const char *old_name = o->old_name ? o->old_name : old_plan->path;
    const char *new_name = o->new_name ? o->new_name : new_plan->path;
    bcp_tools_diff(bcp_plan_model(old_plan), bcp_plan_model(new_plan), o->config_root, false, o->style, old_name ? old_name : "old",
                   new_name ? new_name : "new", text, length, differ);
    return BCP_OK;
}
