/* The dependency graph's figure in the HTML document: Graphviz's SVG
 * (graph_svg.c) scaled to the page, and its legend.  Inline styles only, so
 * that nothing has to be added to the page's stylesheet and the page stays
 * self-contained. */
#include <string.h>

#include "graph.h"

/* Colours as graph_text.c draws them. */
static const char *const swatch[4] = {
    "border:2.5px solid #5f6b7a;border-radius:4px",
    "background:#ffe3e3;border:2px solid #c92a2a",
    "border-top:3px solid #1c7ed6;height:0;margin-top:.45em",
    "border-top:2px dashed #8a94a3;height:0;margin-top:.45em",
};

/* Graphviz's <svg width="Wpt" height="Hpt" ...>: as wide as the page allows,
 * never wider than drawn, its height following. */
static void scaled_svg(const char *svg, bcp_buf *o)
{
    const char *w = strstr(svg, " width=\"");
    const char *h = w ? strstr(w, " height=\"") : NULL;
    const char *end = h ? strchr(h + 9, '"') : NULL;
    const char *tag_end = strchr(svg, '>');
    if (!w || !end || !tag_end || end > tag_end) {
        bcp_buf_puts(o, svg);
        return;
    }
    const char *wv = w + 8, *wq = strchr(wv, '"');
    bcp_buf_put(o, svg, (size_t)(w - svg));
    bcp_buf_puts(o, " role=\"img\" style=\"width:100%;height:auto;max-width:");
    bcp_buf_put(o, wv, (size_t)(wq - wv));
    bcp_buf_puts(o, "\"");
    bcp_buf_puts(o, end + 1);
}

void bcp_html_graph_figure(bcp_render_ctx *ctx, bcp_buf *o)
{
    bcp_dep_graph g;
    bcp_dep_graph_build(ctx->model, &g);
    bcp_buf svg = {0};
    const char *error = NULL;
    bool drawn = g.node_count <= BCP_GRAPH_DOC_MAX_NODES && bcp_graph_svg(ctx, &g, &svg, &error);
    bcp_dep_graph_free(&g);
    if (!drawn) {
        bcp_buf_free(&svg);
        return;
    }
    bcp_buf_puts(o, "<figure class=\"figure depgraph\" id=\"fig-dependency-graph\"><div style=\"overflow-x:auto\">");
    scaled_svg(svg.data, o);
    bcp_buf_puts(o, "</div><figcaption><ul style=\"list-style:none;padding:0;margin:.3rem 0;display:flex;"
                    "flex-wrap:wrap;gap:.4rem 1.2rem\">");
    for (size_t i = 0; i < 4; i++) {
        bcp_buf_printf(o, "<li style=\"display:flex;gap:.4rem\"><span style=\"display:inline-block;width:1.6em;"
                          "height:.9em;%s\"></span>", swatch[i]);
        bcp_html_escape(o, bcp_rt_item(ctx, "graph_legend", i));
        bcp_buf_puts(o, "</li>");
    }
    bcp_buf_puts(o, "</ul></figcaption></figure>\n");
    bcp_buf_free(&svg);
}
