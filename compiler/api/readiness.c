/* bcp_readiness_file: the readiness score of a plan (docs/readiness.md).  The
 * score is computed in model/readiness.c; this layer, where lint runs, hands
 * it the deviations the plan accepts. */
#include "readiness.h"

#include <string.h>

#include "base/alloc.h"
#include "model/readiness.h"
#include "tools.h"
#include "tools_lint.h"

void bcp_tools_readiness(bcp_model *m, int32_t today, const bcp_lint_deviation_list *accepted, bcp_readiness *out)
{
    bcp_lint_deviation_list found = {0};
    if (!accepted) {
        bcp_tools_accepted_deviations(m, &found);
        accepted = &found;
    }
    const bcp_entity **about = bcp_malloc((accepted->count ? accepted->count : 1) * sizeof *about);
    for (size_t i = 0; i < accepted->count; i++)
        about[i] = accepted->items[i].entity ? accepted->items[i].entity : accepted->items[i].block;
    bcp_readiness_compute(m, today, about, accepted->count, out);
    bcp_free(about);
    bcp_lint_deviation_list_free(&found);
}

bcp_status bcp_readiness_file(const char *path, const bcp_check_options *options, bcp_readiness *out,
                              bcp_diagnostics **problems)
{
    static const bcp_check_options defaults = {0};
    const bcp_check_options *o = options ? options : &defaults;
    memset(out, 0, sizeof *out);
    bcp_diagnostics *set = bcp_diagnostics_new();
    int32_t today;
    const char *err = NULL;
    if (!bcp_lint_resolve_today(o->today, &today, &err)) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s", err);
        bcp_tools_give(problems, set);
        return BCP_ERR_INVALID;
    }
    bcp_model_options mo = {.stdlib_dir = o->stdlib_dir};
    bcp_model *m = bcp_model_load(path, &mo);
    const bcp_diag_list *diags = bcp_model_diags(m);
    bcp_status status = BCP_OK;
    if (bcp_diag_count(diags, BCP_SEV_ERROR) || !bcp_model_plan(m)) {
        for (size_t i = 0; i < diags->count; i++)
            if (diags->items[i].severity == BCP_SEV_ERROR)
                bcp_diagnostics_add(set, &diags->items[i]);
        if (!bcp_model_plan(m) && !bcp_diag_count(diags, BCP_SEV_ERROR))
            bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s has no plan block: nothing to score", path);
        status = BCP_ERR_PLAN;
    } else {
        bcp_tools_readiness(m, today, NULL, out);
    }
    bcp_model_free(m);
    bcp_tools_give(problems, set);
    return status;
}
