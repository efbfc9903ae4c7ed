/* The plan document as Markdown: the driver.  Every heading, column header,
 * purpose paragraph and "not yet defined" line comes from the stdlib's `text`
 * entities in the document language; every row comes from the model.  Plan
 * text is escaped so that it can never become markup.  Each chapter is in a
 * file of its own (md_*.c); md_common.c holds the building blocks. */
#include <string.h>

#include "md_doc.h"

void bcp_render_markdown(bcp_render_ctx *ctx, bool for_html, bcp_md_doc *out)
{
    bcp_buf b = {0};
    memset(out, 0, sizeof *out);
    bcp_md d = {.ctx = ctx, .m = ctx->model, .plan = bcp_model_plan(ctx->model), .b = &b,
            .for_html = for_html, .doc = out};
    bcp_md_draft_banner(&d);
    bcp_md_cover(&d);
    bcp_md_doccontrol(&d);
    bcp_md_summary(&d);
    bcp_md_risk(&d);
    bcp_md_bia(&d);
    bcp_md_bia_continuity(&d);
    bcp_md_graph(&d);
    bcp_md_recovery(&d);
    bcp_md_recovery_continuity(&d);
    bcp_md_scenario_impact(&d); /* simulate (issue 14): md_simulate.c */
    bcp_md_comms(&d);
    bcp_md_testing(&d);
    bcp_md_implementation(&d);
    bcp_md_crosswalk(&d);
    bcp_md_closing(&d);
    bcp_md_regions(&d);
    bcp_md_draft_appendix(&d);
    size_t *const figures[] = {&out->readiness_at, &out->heatmap_at,  &out->impact_at,  &out->graph_at,
                               &out->timeline_at,  &out->scenario_at, &out->notify_at};
    bcp_md_resolve_xrefs(&d, figures, sizeof figures / sizeof figures[0]);
    bcp_md_outline_free(&d);
    /* one trailing newline */
    while (b.len > 1 && b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '\n')
        b.data[--b.len] = '\0';
    out->markdown = bcp_buf_take(&b);
}
