/* Loss simulations as text, JSON, Markdown and HTML (`bcp simulate`): one
 * renderer for a single loss, every declared scenario and `--each`, in the
 * language of the render context (its model holds the stdlib's locale
 * texts, stdlib/locale/LANG/simulate_report.bcp). */
#ifndef BCP_RENDER_SIM_REPORT_H
#define BCP_RENDER_SIM_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "model/simulate.h"
#include "render.h"

/* Markdown: a table per simulation; HTML: the same as a page, each with a
 * timeline figure (SVG): recovery bars against RTO and MTPD marks. */
typedef enum bcp_sim_report_format {
    BCP_SIM_REPORT_TEXT, BCP_SIM_REPORT_JSON, BCP_SIM_REPORT_MARKDOWN, BCP_SIM_REPORT_HTML
} bcp_sim_report_format;

/* One simulation as a JSON object (the document's scenario impact too):
 * {"scenario", "lost", "for", "start", "breaches_mtpd", "functions": [...]};
 * machine names only, no prose. */
json_t *bcp_sim_json(const bcp_simulation *sim);
/* The report of `count` simulations in ctx's language (a new string,
 * bcp_free; *length, when not NULL, its length).  `each` (or NULL): what
 * --each tried, the summary line (JSON: "each") that every format carries. */
char *bcp_sim_report(bcp_render_ctx *ctx, const bcp_simulation *const *sims, size_t count,
                     const bcp_sim_each_summary *each, bcp_sim_report_format format, size_t *length);
/* The timeline figure's SVG of one simulation (no <figure> around it):
 * `id` names its <title> (aria-labelledby), unique in the page. */
void bcp_sim_timeline_svg(bcp_render_ctx *ctx, const bcp_simulation *sim, const char *id, bcp_buf *b);
/* The document's figure of the scenarios' recovery timelines (HTML, at
 * doc.scenario_at, after the scenario impact tables; html_simulate.c). */
void bcp_html_scenario_timelines(bcp_render_ctx *ctx, bcp_buf *o);
/* "2026-12-04 08:00": a time in seconds since the epoch, UTC. */
void bcp_sim_format_time(int64_t seconds, char out[20]);

#endif
