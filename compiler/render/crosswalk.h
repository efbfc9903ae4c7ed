/* The compliance crosswalk (md_crosswalk.c, json_crosswalk.c): per regime the
 * plan declares, every element, its clause, its status (met / not met /
 * accepted deviation, rules/regime_status.h) and where in the plan it is met
 * (the section and the entity).  Nothing when the plan declares no regime. */
#ifndef BCP_RENDER_CROSSWALK_H
#define BCP_RENDER_CROSSWALK_H
#include <jansson.h>

#include "render.h"

/* The text id of the document section that shows entities of `kind`. */
const char *bcp_crosswalk_section(bcp_kind kind);
/* "crosswalk": the JSON of the section; NULL when the plan declares no regime. */
json_t *bcp_json_crosswalk(bcp_render_ctx *ctx);

#endif
