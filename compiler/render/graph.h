/* The dependency graph (model/depgraph.h) as text: DOT and Mermaid written
 * here, SVG laid out by Graphviz (libgvc) from the DOT.  Labels are the
 * entities' titles in the context's language; ids are KIND.ID.  Used by
 * `bcp graph` (api/graph.c) and the document's dependency figure. */
#ifndef BCP_RENDER_GRAPH_H
#define BCP_RENDER_GRAPH_H
#include <stdbool.h>

#include "base/buf.h"
#include "model/depgraph.h"
#include "render.h"

void bcp_graph_dot(bcp_render_ctx *ctx, const bcp_dep_graph *g, bcp_buf *out);
void bcp_graph_mermaid(bcp_render_ctx *ctx, const bcp_dep_graph *g, bcp_buf *out);
/* The <svg> element alone (no XML prolog, doctype or comments), ids
 * prefixed "dg-" so that it can sit in an HTML page.  false with *error (a
 * static message) when Graphviz cannot lay the graph out. */
bool bcp_graph_svg(bcp_render_ctx *ctx, const bcp_dep_graph *g, bcp_buf *out, const char **error);
/* The legend's entries as the document and `bcp graph` name them. */
typedef enum bcp_graph_mark { BCP_GRAPH_MARK_CRITICAL, BCP_GRAPH_MARK_SPOF, BCP_GRAPH_MARK_PATH,
                              BCP_GRAPH_MARK_STAND_IN } bcp_graph_mark;

#endif
