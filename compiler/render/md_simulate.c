/* The scenario impact section (issue 14), at the end of the recovery
 * chapter: for each scenario that `loses` something, the functions it stops,
 * why, the recovery path the plan offers, when each is back and the verdict
 * against its RTO and MTPD.  The facts are model/simulate.c's, the engine of
 * `bcp simulate`; nothing when no scenario declares `loses`. */
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"
#include "model/simulate.h"
#include "sim_text.h"

static void lost_line(bcp_md *d, const bcp_entity *scenario, const bcp_sim_result *r)
{
    bcp_md_put(d, "**");
    bcp_md_esc(d, bcp_md_label(d, scenario));
    bcp_md_put(d, "**\n\n");
    bcp_md_bold_label(d, "label_loses");
    bcp_md_strlist l = {0};
    for (size_t i = 0; i < r->lost_count; i++)
        bcp_md_strlist_add(&l, bcp_md_label(d, r->lost[i]));
    bcp_buf b = {0};
    bcp_md_strlist_join(d, &l, &b);
    bcp_md_esc(d, b.data);
    bcp_md_put(d, "\n\n");
    bcp_buf_free(&b);
    bcp_md_strlist_free(&l);
}

static void duration_cell(bcp_md *d, bool has, int64_t seconds)
{
    if (!has) {
        bcp_md_cell_raw(d, NULL);
        return;
    }
    bcp_buf b = {0};
    bcp_md_duration_text(d, seconds, &b);
    bcp_md_cell_text(d, b.data);
    bcp_buf_free(&b);
}

static void function_row(bcp_md *d, const bcp_sim_function *f)
{
    bcp_md_row_begin(d);
    bcp_md_cell_entity(d, f->function);
    bcp_buf b = {0};
    for (size_t i = 1; i < f->chain_length; i++) {
        if (i > 1)
            bcp_buf_puts(&b, " → ");
        bcp_buf_puts(&b, bcp_md_label(d, f->chain[i]));
    }
    bcp_md_cell_text(d, b.data);
    bcp_buf_free(&b);
    bcp_buf path = {0};
    bcp_buf_puts(&path, bcp_md_text(d, bcp_sim_path_text_id(f->path)));
    if (f->via)
        bcp_md_paren(d, bcp_md_label(d, f->via), &path);
    bcp_md_cell_text(d, path.data);
    bcp_buf_free(&path);
    if (f->timed && f->recovery == 0)
        bcp_md_cell_text(d, bcp_md_text(d, "sim_at_once"));
    else if (f->timed)
        duration_cell(d, true, f->recovery);
    else
        bcp_md_cell_text(d, bcp_md_text(d, f->verdict == BCP_SIM_NO_PATH ? "sim_never" : "sim_time_unknown"));
    duration_cell(d, f->has_rto, f->rto);
    duration_cell(d, f->has_mtpd, f->mtpd);
    bcp_md_cell_text(d, bcp_md_text(d, bcp_sim_verdict_text_id(f->verdict)));
    bcp_md_row_end(d);
}

/* The HTML's figure of the timelines (render_html.c puts it at
 * doc->scenario_at, bcp_html_scenario_timelines) and its numbered caption,
 * "Figure 3.9: Recovery timelines of the scenarios", as the graph's. */
static void timeline_caption(bcp_md *d)
{
    d->doc->scenario_at = d->b->len;
    bcp_md_figure_caption(d, "scenario_impact", "sim_timeline_figure", "sim_timeline_caption");
}

void bcp_md_scenario_impact(bcp_md *d)
{
    const bcp_entity_list *scenarios = bcp_model_entities(d->m, BCP_KIND_SCENARIO);
    bool heading = false;
    for (size_t i = 0; scenarios && i < scenarios->count; i++) {
        bcp_sim_result *r = bcp_simulate_scenario(d->m, scenarios->items[i], 0);
        if (!r)
            continue;
        if (!heading) {
            bcp_md_section(d, 3, "scenario_impact");
            heading = true;
        }
        lost_line(d, scenarios->items[i], r);
        if (!r->function_count) {
            bcp_md_empty_line(d, "empty_scenario_impact");
        } else {
            bcp_md_table_header(d, "cols_scenario_impact");
            for (size_t j = 0; j < r->function_count; j++)
                function_row(d, &r->functions[j]);
            bcp_md_table_end(d);
        }
        bcp_sim_result_free(r);
    }
    if (heading && d->for_html)
        timeline_caption(d);
}
