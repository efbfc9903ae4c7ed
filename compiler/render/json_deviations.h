/* The JSON document's accepted deviations (json_deviations.c). */
#ifndef BCP_RENDER_JSON_DEVIATIONS_H
#define BCP_RENDER_JSON_DEVIATIONS_H
#include <jansson.h>

#include "render.h"

/* "accepted_deviations": one object per accepted finding, as section 6.4
 * lists them; NULL when the plan accepts none (the key is left out). */
json_t *bcp_json_deviations(bcp_render_ctx *ctx);
/* The reference ("AD-2") of the deviation that accepts a failure of rule
 * `code` for `e`, as a JSON string; NULL when none does. */
json_t *bcp_json_deviation_ref(bcp_render_ctx *ctx, const bcp_entity *e, const char *code);

#endif
