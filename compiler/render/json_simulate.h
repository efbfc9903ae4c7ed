/* The JSON document's scenario impact (json_simulate.c, issue 14). */
#ifndef BCP_RENDER_JSON_SIMULATE_H
#define BCP_RENDER_JSON_SIMULATE_H
#include <jansson.h>

#include "render.h"

/* Adds "scenario_impact" to root when a scenario declares `loses`. */
void bcp_json_scenario_impact(bcp_render_ctx *ctx, json_t *root);

#endif
