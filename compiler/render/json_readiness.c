/* The readiness score as JSON: the document's "readiness" key, and the same
 * object for `bcp check --summary --format json` (docs/readiness.md). */
#include "readiness_view.h"

json_t *bcp_readiness_json(bcp_render_ctx *ctx, const bcp_readiness *r)
{
    json_t *areas = json_array();
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++) {
        const bcp_readiness_area_score *s = &r->areas[a];
        json_t *reasons = json_array();
        for (size_t i = 0; i < r->reason_count; i++) {
            if (r->reasons[i].area != (bcp_readiness_area)a)
                continue;
            json_t *why = json_pack("{s:s,s:s}", "entity", r->reasons[i].entity, "why", r->reasons[i].why);
            if (ctx) {
                char id[64];
                bcp_readiness_why_id(r->reasons[i].why, id, sizeof id);
                json_object_set_new(why, "text", json_string(bcp_rt_title(ctx, id)));
            }
            json_array_append_new(reasons, why);
        }
        json_t *area = json_pack("{s:s,s:b,s:i,s:i,s:I,s:I}", "area", bcp_readiness_area_name((bcp_readiness_area)a),
                                 "applies", s->applies, "score", s->score, "weight", s->weight, "met",
                                 (json_int_t)s->met, "total", (json_int_t)s->total);
        if (ctx) {
            char id[64];
            bcp_readiness_area_id((bcp_readiness_area)a, id, sizeof id);
            json_object_set_new(area, "title", json_string(bcp_rt_title(ctx, id)));
        }
        json_object_set_new(area, "reasons", reasons);
        json_array_append_new(areas, area);
    }
    return json_pack("{s:i,s:o,s:I}", "score", r->score, "areas", areas, "deviations", (json_int_t)r->deviations);
}
