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
/* The document draws the graph up to this many nodes (more are not
 * legible on a page; `bcp graph` draws any size). */
#define BCP_GRAPH_DOC_MAX_NODES 150
/* The largest graph `bcp graph --format svg` lays out with dot (graph_svg.c). */
#define BCP_GRAPH_DOT_MAX_NODES 500
const char *bcp_graph_engine(size_t nodes);
/* The HTML document's figure: the SVG and its legend (html_graph.c);
 * nothing when the graph is too large or Graphviz fails. */
void bcp_html_graph_figure(bcp_render_ctx *ctx, bcp_buf *o);
/* render_html.c's escaping of text for HTML. */

#endif
