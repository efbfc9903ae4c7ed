/* The continuity sections as JSON (see json_continuity.h). */
#include "json_continuity.h"

#include <stdio.h>
#include <string.h>

#include "base/alloc.h"

static json_t *dur(int64_t seconds)
{
    char text[64];
    bcp_format_duration(seconds, text, sizeof text);
    return json_pack("{s:I,s:s}", "seconds", (json_int_t)seconds, "text", text);
}

static json_t *ref(const bcp_entity *e)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", bcp_kind_name(e->kind), e->id ? e->id : "");
    return json_string(buf);
}

static json_t *text_or_null(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    return j ? j : json_null();
}

static json_t *texts(bcp_render_ctx *ctx, const bcp_entity *e, const char *name)
{
    json_t *a = json_array();
    const bcp_value *v = bcp_model_localized_value(ctx->model, e, name, ctx->lang);
    for (size_t i = 0; v && v->kind == BCP_V_LIST && i < v->as.list.count; i++) {
        const bcp_value *it = &v->as.list.items[i];
        if (it->kind == BCP_V_STRING)
            json_array_append_new(a, text_or_null(it->as.string.text));
        else if (it->kind == BCP_V_REF && it->as.ref.target)
            json_array_append_new(a, ref(it->as.ref.target));
    }
    return a;
}

static json_t *activation(bcp_render_ctx *ctx)
{
    size_t n;
    bcp_entity **levels = bcp_activation_levels(ctx->model, &n);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *l = levels[i];
        int64_t order = 0;
        bcp_entity_integer(l, "order", &order);
        json_array_append_new(a, json_pack("{s:s,s:I,s:o,s:o,s:o,s:o,s:o}", "id", l->id, "order", (json_int_t)order,
                                           "title", text_or_null(bcp_rlabel(ctx, l)),
                                           "criteria", text_or_null(bcp_rattr(ctx, l, "criteria")),
                                           "invoked_by", texts(ctx, l, "invoked_by"),
                                           "authority", text_or_null(bcp_rattr(ctx, l, "authority")),
                                           "actions", texts(ctx, l, "actions")));
    }
    bcp_free(levels);
    return a;
}

static json_t *impact(bcp_render_ctx *ctx)
{
    static const char *const verdicts[] = {"none", "consistent", "intolerable_before_mtpd", "never_intolerable"};
    size_t n;
    bcp_entity **fns = bcp_sorted_functions(ctx->model, &n);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        size_t nb;
        bcp_impact_band *bands = bcp_function_impact_curve(fns[i], &nb);
        if (!nb)
            continue;
        json_t *bj = json_array();
        for (size_t k = 0; k < nb; k++) {
            json_t *o = json_object();
            json_object_set_new(o, "after", dur(bands[k].after));
            for (int j = 0; j < BCP_IMPACT_KIND_COUNT; j++)
                json_object_set_new(o, bcp_impact_kinds[j],
                                    bands[k].scores[j] ? json_integer(bands[k].scores[j]) : json_null());
            json_object_set_new(o, "worst", json_integer(bands[k].worst));
            json_array_append_new(bj, o);
        }
        bcp_free(bands);
        bcp_curve_check c;
        bcp_curve_verdict v = bcp_function_curve_check(fns[i], &c);
        json_array_append_new(a, json_pack("{s:o,s:o,s:o,s:o,s:s}", "function", ref(fns[i]), "bands", bj,
                                           "mtpd", c.mtpd ? dur(c.mtpd) : json_null(),
                                           "intolerable_after", c.intolerable ? dur(c.intolerable_after) : json_null(),
                                           "mtpd_check", verdicts[v]));
    }
    bcp_free(fns);
    return a;
}

static json_t *spofs(const bcp_model *m)
{
    static const char *const reasons[] = {"no_substitute", "no_fallback", "no_alternate"};
    size_t n;
    bcp_spof *s = bcp_single_points_of_failure(m, &n);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *fj = json_array();
        for (size_t k = 0; k < s[i].function_count; k++)
            json_array_append_new(fj, ref(s[i].functions[k]));
        json_array_append_new(a, json_pack("{s:o,s:s,s:o}", "entity", ref(s[i].entity), "reason",
                                           reasons[s[i].reason], "functions", fj));
    }
    bcp_spofs_free(s, n);
    return a;
}

static json_t *checklists(bcp_render_ctx *ctx)
{
    static const char *const windows[] = {"first_hour", "first_day", "after_first_day"};
    size_t n;
    bcp_entity **lists = bcp_response_checklists(ctx->model, &n);
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *c = lists[i];
        const bcp_entity *owner = bcp_entity_ref(c, "owner");
        json_array_append_new(a, json_pack("{s:s,s:s,s:o,s:o,s:o,s:o}", "id", c->id, "window",
                                           windows[bcp_checklist_window(c)], "title", text_or_null(bcp_rlabel(ctx, c)),
                                           "role", text_or_null(bcp_rattr(ctx, c, "role")),
                                           "owner", owner ? ref(owner) : json_null(), "items", texts(ctx, c, "items")));
    }
    bcp_free(lists);
    return a;
}

/* Functions' per-site RTOs, on the function objects of root["functions"]. */
static void site_rtos(bcp_render_ctx *ctx, json_t *root)
{
    json_t *arr = json_object_get(root, "functions");
    const bcp_entity_list *l = bcp_model_entities(ctx->model, BCP_KIND_FUNCTION);
    for (size_t i = 0; i < l->count && i < json_array_size(arr); i++) {
        const bcp_entity *f = l->items[i];
        json_t *sr = json_array();
        for (size_t k = 0; k < f->child_count; k++) {
            const bcp_entity *c = f->children[k];
            const bcp_entity *site = bcp_entity_ref(c, "site");
            int64_t rto;
            if (c->kind == BCP_KIND_SITE_RTO && site && bcp_entity_duration(c, "rto", &rto))
                json_array_append_new(sr, json_pack("{s:o,s:o}", "site", ref(site), "rto", dur(rto)));
        }
        if (json_array_size(sr))
            json_object_set_new(json_array_get(arr, i), "site_rto", sr);
        else
            json_decref(sr);
    }
}

void bcp_json_continuity(bcp_render_ctx *ctx, json_t *root)
{
    site_rtos(ctx, root);
    json_object_set_new(root, "activation_levels", activation(ctx));
    json_object_set_new(root, "impact_over_time", impact(ctx));
    json_object_set_new(root, "single_points_of_failure", spofs(ctx->model));
    json_object_set_new(root, "response_checklists", checklists(ctx));
}
