/* Loss simulations as text, JSON and Markdown (`bcp simulate`): one
 * renderer for a single loss, every declared scenario and `--each`. */
#ifndef BCP_RENDER_SIM_REPORT_H
#define BCP_RENDER_SIM_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "model/simulate.h"

typedef struct bcp_sim_report_item {
    const bcp_sim_result *result;
    const bcp_entity *scenario;   /* the scenario whose `loses` it ran, or NULL */
    int64_t duration;             /* seconds the loss lasts; 0: until recovered */
    bool has_start;
    int64_t start;                /* seconds since 1970-01-01 00:00 UTC */
} bcp_sim_report_item;

/* Markdown: a table per simulation; HTML: the same as a page, each with a
 * timeline figure (SVG): recovery bars against RTO and MTPD marks. */
typedef enum bcp_sim_report_format {
    BCP_SIM_REPORT_TEXT, BCP_SIM_REPORT_JSON, BCP_SIM_REPORT_MARKDOWN, BCP_SIM_REPORT_HTML
} bcp_sim_report_format;

/* One simulation as a JSON object (the document's scenario impact too):
 * {"scenario", "lost", "for", "start", "breaches_mtpd", "functions": [...]}. */
json_t *bcp_sim_json(const bcp_sim_report_item *item);
/* A new string (bcp_free); *length (when not NULL) its length. */
char *bcp_sim_report(const bcp_sim_report_item *items, size_t count, bcp_sim_report_format format, size_t *length);
/* "2026-12-04 08:00": a time in seconds since the epoch, UTC. */
void bcp_sim_format_time(int64_t seconds, char out[20]);

#endif
