/* The JSON document's document control and executive summary (json_docprint.c). */
#ifndef BCP_RENDER_JSON_DOCPRINT_H
#define BCP_RENDER_JSON_DOCPRINT_H
#include <jansson.h>

#include "render.h"

/* Adds "document_control" and "executive_summary" to `root`. */
void bcp_json_docprint(bcp_render_ctx *ctx, json_t *root);

#endif
