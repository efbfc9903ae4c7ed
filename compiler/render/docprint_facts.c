/* The facts document control and the executive summary state, gathered once
 * for the Markdown and the JSON.  Due dates and overdue states come from
 * model/derive.c; nothing here recomputes them. */
#include <string.h>

#include "base/alloc.h"
#include "docprint.h"

static const char *role_of(bcp_render_ctx *ctx, const bcp_entity *block, const bcp_entity *by)
{
    const char *role = block ? bcp_rattr(ctx, block, "role") : NULL;
    if (!role && by)
        role = bcp_rattr(ctx, by, "role");
    return role;
}

bcp_signoff *bcp_docprint_signoffs(bcp_render_ctx *ctx, size_t *count)
{
    const bcp_entity *plan = bcp_model_plan(ctx->model);
    const bcp_entity_list *l = bcp_model_entities(ctx->model, BCP_KIND_APPROVAL);
    bcp_signoff *out = bcp_calloc(l->count ? l->count : 1, sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *b = l->items[i];
        bcp_signoff *s = &out[k++];
        s->block = b;
        s->by = bcp_entity_ref(b, "by");
        s->role = role_of(ctx, b, s->by);
        s->has_date = bcp_entity_date(b, "date", &s->date);
    }
    if (!k && plan) {
        const bcp_entity *by = bcp_entity_ref(plan, "approved_by");
        int32_t days;
        bool dated = bcp_entity_date(plan, "approved", &days);
        if (by || dated) {
            out[0] = (bcp_signoff){.by = by, .role = role_of(ctx, NULL, by), .date = dated ? days : 0,
                                   .has_date = dated};
            k = 1;
        }
    }
    *count = k;
    return out;
}

const bcp_entity **bcp_docprint_revisions(bcp_render_ctx *ctx, size_t *count)
{
    const bcp_entity_list *l = bcp_model_entities(ctx->model, BCP_KIND_REVISION);
    const bcp_entity **out = bcp_calloc(l->count ? l->count : 1, sizeof *out);
    size_t k = 0;
    for (size_t i = 0; i < l->count; i++)
        out[k++] = l->items[i];
    /* newest first, source order among equal dates (insertion sort: stable) */
    for (size_t i = 1; i < k; i++) {
        const bcp_entity *e = out[i];
        int32_t de = 0, dp;
        bcp_entity_date(e, "date", &de);
        size_t j = i;
        while (j > 0 && bcp_entity_date(out[j - 1], "date", &dp) && dp < de) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = e;
    }
    *count = k;
    return out;
}

const bcp_entity **bcp_docprint_distribution(bcp_render_ctx *ctx, size_t *count, bool *is_default)
{
    const bcp_entity *plan = bcp_model_plan(ctx->model);
    const bcp_value *v = plan ? bcp_entity_value(plan, "distribution") : NULL;
    const bcp_entity_list *teams = bcp_model_entities(ctx->model, BCP_KIND_TEAM);
    size_t cap = (v && v->kind == BCP_V_LIST ? v->as.list.count : 0) + teams->count + 1;
    const bcp_entity **out = bcp_calloc(cap, sizeof *out);
    size_t k = 0;
    if (v && v->kind == BCP_V_LIST)
        for (size_t i = 0; i < v->as.list.count; i++)
            if (v->as.list.items[i].kind == BCP_V_REF && v->as.list.items[i].as.ref.target)
                out[k++] = v->as.list.items[i].as.ref.target;
    if (is_default)
        *is_default = k == 0;
    if (!k) {
        const bcp_entity *owner = plan ? bcp_entity_ref(plan, "owner") : NULL;
        if (owner)
            out[k++] = owner;
        for (size_t i = 0; i < teams->count; i++) {
            int64_t tier;
            if (!bcp_entity_integer(teams->items[i], "tier", &tier) || tier == 1)
                out[k++] = teams->items[i];
        }
    }
    *count = k;
    return out;
}

bool bcp_docprint_date(bcp_render_ctx *ctx, int32_t *days)
{
    const bcp_entity *plan = bcp_model_plan(ctx->model);
    if (!plan)
        return false;
    if (bcp_entity_date(plan, "effective", days))
        return true;
    size_t n;
    bcp_signoff *s = bcp_docprint_signoffs(ctx, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        if (s[i].has_date && (!found || s[i].date > *days)) {
            *days = s[i].date;
            found = true;
        }
    bcp_free(s);
    return found || bcp_entity_date(plan, "reviewed", days);
}

static void note_overdue(bcp_item_count *c, const bcp_entity *e, int32_t due)
{
    c->overdue++;
    if (!c->first_overdue || due < c->first_overdue_due) {
        c->first_overdue = e;
        c->first_overdue_due = due;
    }
}

void bcp_exec_summary_compute(bcp_render_ctx *ctx, bcp_exec_summary *out)
{
    memset(out, 0, sizeof *out);
    bcp_model *m = ctx->model;
    const bcp_entity *plan = bcp_model_plan(m);
    const bcp_entity_list *fns = bcp_model_entities(m, BCP_KIND_FUNCTION);
    out->functions = fns->count;
    for (size_t i = 0; i < fns->count; i++)
        if (bcp_is_critical(fns->items[i]))
            out->critical++;
    out->systems = bcp_model_entities(m, BCP_KIND_SYSTEM)->count;
    out->suppliers = bcp_model_entities(m, BCP_KIND_SUPPLIER)->count;
    out->sites = bcp_model_entities(m, BCP_KIND_SITE)->count;

    out->risks = bcp_sorted_risks(m, &out->risk_count);
    size_t n;
    bcp_entity **sorted = bcp_sorted_functions(m, &n);
    for (size_t i = 0; i < n && out->top_function_count < BCP_SUMMARY_TOP; i++)
        if (bcp_is_critical(sorted[i]))
            out->top_functions[out->top_function_count++] = sorted[i];
    bcp_free(sorted);

    int32_t today = ctx->today, due;
    const bcp_entity_list *l = bcp_model_entities(m, BCP_KIND_FINDING);
    for (size_t i = 0; i < l->count; i++) {
        out->findings.total++;
        if (bcp_finding_open(l->items[i]))
            out->findings.open++;
        if (bcp_finding_overdue(l->items[i], bcp_interval_seconds(0), today, &due))
            note_overdue(&out->findings, l->items[i], due);
    }
    l = bcp_model_entities(m, BCP_KIND_MILESTONE);
    for (size_t i = 0; i < l->count; i++) {
        out->milestones.total++;
        if (bcp_milestone_open(l->items[i]))
            out->milestones.open++;
        if (bcp_milestone_overdue(l->items[i], today, &due))
            note_overdue(&out->milestones, l->items[i], due);
    }
    l = bcp_model_entities(m, BCP_KIND_EXERCISE);
    for (size_t i = 0; i < l->count; i++) {
        out->exercises.total++;
        if (bcp_exercise_overdue(l->items[i], today, &due))
            note_overdue(&out->exercises, l->items[i], due);
    }
    out->has_review = plan && bcp_plan_next_review(plan, &out->review_due);
    out->review_overdue = plan && bcp_plan_review_overdue(plan, today, &due);
    out->deviations = ctx->deviations ? ctx->deviations->count : 0;
}

void bcp_exec_summary_free(bcp_exec_summary *s)
{
    bcp_free(s->risks);
    memset(s, 0, sizeof *s);
}
