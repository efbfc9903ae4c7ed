/* The JSON document's appendix of time zones and emergency numbers (json_regions.c). */
#ifndef BCP_RENDER_JSON_REGIONS_H
#define BCP_RENDER_JSON_REGIONS_H
#include <jansson.h>

#include "render.h"

/* "emergency_numbers": one object per site, as the appendix lists it: the
 * site, its place (region id and title, or null), time zone, the police,
 * fire, ambulance and common numbers, whether the plan states any of them
 * and the source of the others. */
json_t *bcp_json_emergency_numbers(bcp_render_ctx *ctx);
/* "emergency_contacts": the ids of the plan's emergency-contact resources. */
json_t *bcp_json_emergency_contacts(bcp_render_ctx *ctx);

#endif
