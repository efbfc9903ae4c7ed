/* The JSON document's scenario impact (issue 14): "scenario_impact", one
 * simulation per scenario that `loses` something, as `bcp simulate --format
 * json` gives it (sim_report.c); absent when no scenario declares `loses`. */
#include "json_simulate.h"

#include "model/simulate.h"
#include "sim_report.h"

void bcp_json_scenario_impact(bcp_render_ctx *ctx, json_t *root)
{
    const bcp_entity_list *scenarios = bcp_model_entities(ctx->model, BCP_KIND_SCENARIO);
    json_t *all = NULL;
    for (size_t i = 0; scenarios && i < scenarios->count; i++) {
        bcp_sim_result *r = bcp_simulate_scenario(ctx->model, scenarios->items[i], 0);
        if (!r)
            continue;
        if (!all)
            all = json_array();
        bcp_simulation one = {.result = r, .model = ctx->model, .scenario = scenarios->items[i]};
        json_t *sim = bcp_sim_json(&one);
        /* titles are the plan's base language: the document names functions by ref */
        size_t k;
        json_t *f;
        json_array_foreach(json_object_get(sim, "functions"), k, f)
            json_object_del(f, "title");
        json_array_append_new(all, sim);
        bcp_sim_result_free(r);
    }
    if (all)
        json_object_set_new(root, "scenario_impact", all);
}
