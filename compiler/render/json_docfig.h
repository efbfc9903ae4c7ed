/* The docfig parts of the JSON document (json_docfig.c). */
#ifndef BCP_RENDER_JSON_DOCFIG_H
#define BCP_RENDER_JSON_DOCFIG_H
#include <jansson.h>

#include "render.h"

/* The notification tree: {"roots": ["team.x"], "groups": [{"group": "tier_1",
 * "title": "...", "members": ["contact.a", "team.b"]}, ...]}. */
json_t *bcp_json_notify_tree(bcp_render_ctx *ctx);
/* A contact's ways of being reached, first to try first:
 * [{"method": "phone", "value": "+44 ..."}, {"method": "channel", "channel": "sms"}]. */
json_t *bcp_json_contact_methods(const bcp_entity *contact);

#endif
