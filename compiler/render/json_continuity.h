/* The JSON document's continuity sections (json_continuity.c). */
#ifndef BCP_RENDER_JSON_CONTINUITY_H
#define BCP_RENDER_JSON_CONTINUITY_H
#include <jansson.h>

#include "render.h"

/* Adds "activation_levels", "impact_over_time", "single_points_of_failure",
 * "response_checklists" and per-function "site_rto" to root: what the
 * document's continuity sections show, computed by model/derive.c. */
void bcp_json_continuity(bcp_render_ctx *ctx, json_t *root);

#endif
