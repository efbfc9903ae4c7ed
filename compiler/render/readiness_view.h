/* What the readiness section's renderers share (md_readiness.c,
 * html_readiness.c, json_readiness.c). */
#ifndef BCP_RENDER_READINESS_VIEW_H
#define BCP_RENDER_READINESS_VIEW_H
#include <jansson.h>
#include <stddef.h>

#include "render.h"

/* The stdlib text of a reason (`readiness_why_not_exercised`) and of an
 * area's name (`readiness_area_recovery`). */
void bcp_readiness_why_id(const char *why, char *out, size_t size);
void bcp_readiness_area_id(bcp_readiness_area area, char *out, size_t size);
/* The score as JSON: {"score", "areas": [{"area", "applies", "score",
 * "weight", "met", "total", "reasons": [{"entity", "why"}]}], "deviations"}
 * (docs/readiness.md).  `ctx` NULL: no localised labels. */
json_t *bcp_readiness_json(bcp_render_ctx *ctx, const bcp_readiness *r);
/* The HTML figure: a bar per area (render_html.c places it). */
void bcp_html_readiness_svg(bcp_render_ctx *ctx, bcp_buf *o);
/* HTML text escaping (render_html.c's). */
void bcp_html_text(bcp_buf *o, const char *s);

#endif
