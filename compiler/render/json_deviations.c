/* Accepted deviations in the JSON document: the entries of section 6.4 with
 * their references, and the reference a failed check carries when the plan
 * accepts it. */
#include "json_deviations.h"

static json_t *string_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

static json_t *date_or_null(bool has, int32_t days)
{
    if (!has)
        return json_null();
    char date[11];
    bcp_format_date(days, date);
    return json_string(date);
}

static json_t *ref_json(bcp_render_ctx *ctx, const bcp_entity *e)
{
    if (!e)
        return json_null();
    return json_pack("{s:s,s:s,s:s}", "kind", bcp_kind_name(e->kind), "id", e->id, "title", bcp_rlabel(ctx, e));
}

json_t *bcp_json_deviations(bcp_render_ctx *ctx)
{
    const bcp_lint_deviation_list *list = ctx->deviations;
    if (!list || !list->count)
        return NULL;
    json_t *arr = json_array();
    for (size_t i = 0; i < list->count; i++) {
        const bcp_lint_deviation *v = &list->items[i];
        char ref[24];
        bcp_render_deviation_ref(i, ref);
        json_t *o = json_object();
        json_object_set_new(o, "ref", json_string(ref));
        json_object_set_new(o, "code", json_string(v->code));
        json_object_set_new(o, "rule", json_string(v->name));
        json_object_set_new(o, "entity", ref_json(ctx, v->entity));
        json_object_set_new(o, "deviation", v->block ? json_string(v->block->id) : json_null());
        json_object_set_new(o, "finding", json_string(v->message));
        json_object_set_new(o, "reason", string_or_null(v->block ? bcp_rattr(ctx, v->block, "reason") : v->reason));
        json_object_set_new(o, "owner", v->owner_entity ? ref_json(ctx, v->owner_entity) : string_or_null(v->owner));
        json_object_set_new(o, "approved", date_or_null(v->has_approved, v->approved));
        json_object_set_new(o, "until", date_or_null(v->has_until, v->until));
        json_array_append_new(arr, o);
    }
    return arr;
}

json_t *bcp_json_deviation_ref(bcp_render_ctx *ctx, const bcp_entity *e, const char *code)
{
    size_t i;
    if (!bcp_lint_deviation_find(ctx->deviations, code, e, &i))
        return NULL;
    char ref[24];
    bcp_render_deviation_ref(i, ref);
    return json_string(ref);
}
