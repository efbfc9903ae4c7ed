/* The compliance crosswalk in the JSON document (see crosswalk.h). */
#include "crosswalk.h"
#include "model/regime.h"
#include "rules/regime_status.h"

enum { MAX_REGIMES = 64 };

static json_t *text_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *bcp_json_crosswalk(bcp_render_ctx *ctx)
{
    const bcp_entity *regimes[MAX_REGIMES];
    size_t n = bcp_regimes_applying(ctx->model, NULL, 0, regimes, MAX_REGIMES);
    if (!n)
        return NULL;
    json_t *out = json_array();
    for (size_t r = 0; r < n; r++) {
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(regimes[r]->id));
        json_object_set_new(o, "title", text_or_null(bcp_rlabel(ctx, regimes[r])));
        json_object_set_new(o, "description", text_or_null(bcp_rattr(ctx, regimes[r], "description")));
        json_object_set_new(o, "source", text_or_null(bcp_entity_text(regimes[r], "source")));
        json_t *elements = json_array();
        bcp_element_status_list list = {0};
        bcp_regime_evaluate(ctx->model, regimes[r], &list);
        for (size_t i = 0; i < list.count; i++) {
            const bcp_element_status *s = &list.items[i];
            json_t *e = json_object();
            json_object_set_new(e, "id", text_or_null(s->element->id));
            json_object_set_new(e, "title", text_or_null(bcp_rlabel(ctx, s->element)));
            json_object_set_new(e, "clause", text_or_null(bcp_entity_text(s->element, "clause")));
            json_object_set_new(e, "status", json_string(bcp_regime_verdict_name(bcp_regime_verdict_of(s, ctx->deviations))));
            json_t *by = json_array();
            for (size_t k = 0; k < s->evidence_count; k++) {
                const bcp_entity *x = s->evidence[k];
                json_t *w = json_object();
                json_object_set_new(w, "section", json_string(bcp_crosswalk_section(x->kind)));
                json_object_set_new(w, "section_title", json_string(bcp_rt_title(ctx, bcp_crosswalk_section(x->kind))));
                json_object_set_new(w, "entity", json_sprintf("%s.%s", bcp_kind_name(x->kind), x->id ? x->id : "?"));
                json_object_set_new(w, "label", text_or_null(bcp_rlabel(ctx, x)));
                json_array_append_new(by, w);
            }
            json_object_set_new(e, "met_by", by);
            json_array_append_new(elements, e);
        }
        bcp_element_status_list_free(&list);
        json_object_set_new(o, "elements", elements);
        json_array_append_new(out, o);
    }
    return out;
}
