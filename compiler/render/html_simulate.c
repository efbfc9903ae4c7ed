/* The scenarios' recovery timelines in the HTML document (issue 14): one
 * SVG per scenario that `loses` something, drawn by sim_report.c as for
 * `bcp simulate --format html`, in one figure after the scenario impact
 * tables; its numbered caption follows it (md_simulate.c). */
#include <stdio.h>

#include "sim_report.h"

void bcp_html_scenario_timelines(bcp_render_ctx *ctx, bcp_buf *o)
{
    const bcp_entity_list *scenarios = bcp_model_entities(ctx->model, BCP_KIND_SCENARIO);
    bcp_buf_puts(o, "<figure class=\"figure scenario-timeline\" id=\"fig-scenario-timeline\">");
    size_t drawn = 0;
    for (size_t i = 0; scenarios && i < scenarios->count; i++) {
        bcp_sim_result *r = bcp_simulate_scenario(ctx->model, scenarios->items[i], 0);
        if (r && r->function_count) {
            bcp_simulation one = {.result = r, .model = ctx->model, .scenario = scenarios->items[i]};
            char id[40];
            snprintf(id, sizeof id, "scenario-timeline-%zu", ++drawn);
            bcp_sim_timeline_svg(ctx, &one, id, o);
        }
        if (r)
            bcp_sim_result_free(r);
    }
    bcp_buf_puts(o, "<figcaption>");
    bcp_html_escape(o, bcp_rt_body(ctx, "sim_timeline_caption"));
    bcp_buf_puts(o, "</figcaption></figure>\n");
}
