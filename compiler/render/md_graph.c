/* The dependency graph section of the document (chapter 3, after the single
 * points of failure; docs/graph.md).  HTML draws the graph as an SVG figure
 * laid out by Graphviz (render_html.c puts it at doc->graph_at, see
 * bcp_html_graph_figure); Markdown gets it as a ```mermaid block, which
 * GitHub, GitLab and most Markdown viewers draw and which stays readable as
 * text where they do not.  Both get the numbered caption, the legend and the
 * critical path in words. */
#include <stdio.h>

#include "base/alloc.h"
#include "graph.h"
#include "md_doc.h"

/* "3.5 -> Figure 3.5": the figure is numbered after its section. */
static void caption(bcp_md *d)
{
    bcp_md_figure_caption(d, "graph_section", "graph_figure", "graph_caption");
}

static void legend(bcp_md *d)
{
    bcp_md_strlist l = {0};
    for (size_t i = 0; i < 4; i++)
        bcp_md_strlist_add(&l, bcp_rt_item(d->ctx, "graph_legend", i));
    bcp_buf b = {0};
    bcp_md_strlist_join(d, &l, &b);
    bcp_md_esc(d, b.data);
    bcp_md_put(d, "\n\n");
    bcp_buf_free(&b);
    bcp_md_strlist_free(&l);
}

/* The critical path in words: its chain, its time and the function's RTO. */
static void critical_path(bcp_md *d, const bcp_dep_graph *g)
{
    if (!g->path_count) {
        bcp_md_para(d, bcp_md_text(d, "graph_no_path"));
        return;
    }
    bcp_buf chain = {0}, time = {0}, rto_text = {0};
    for (size_t i = 0; i < g->path_count; i++)
        bcp_buf_printf(&chain, "%s%s", i ? " → " : "", bcp_md_label(d, g->nodes[g->path[i]].entity));
    bcp_md_duration_text(d, g->path_seconds, &time);
    int64_t rto;
    bool has_rto = bcp_entity_duration(g->nodes[g->path[0]].entity, "rto", &rto);
    if (has_rto)
        bcp_md_duration_text(d, rto, &rto_text);
    const char *keys[] = {"chain", "time", "rto"};
    const char *vals[] = {chain.data, time.data, rto_text.data ? rto_text.data : ""};
    bcp_md_prose(d, bcp_md_text(d, has_rto ? "graph_path" : "graph_path_no_rto"), keys, vals, 3);
    bcp_md_put(d, "\n\n");
    bcp_buf_free(&chain);
    bcp_buf_free(&time);
    bcp_buf_free(&rto_text);
}

void bcp_md_graph(bcp_md *d)
{
    bcp_md_section(d, 3, "graph_section");
    bcp_dep_graph g;
    bcp_dep_graph_build(d->m, &g);
    if (!g.node_count) {
        bcp_md_empty_line(d, "empty_graph");
        bcp_dep_graph_free(&g);
        return;
    }
    if (g.node_count > BCP_GRAPH_DOC_MAX_NODES) {
        char count[32];
        snprintf(count, sizeof count, "%zu", g.node_count);
        const char *keys[] = {"count"}, *vals[] = {count};
        bcp_md_prose(d, bcp_md_text(d, "graph_too_large"), keys, vals, 1);
        bcp_md_put(d, "\n\n");
    } else {
        if (d->for_html) {
            d->doc->graph_at = d->b->len;
        } else {
            bcp_buf mermaid = {0};
            bcp_graph_mermaid(d->ctx, &g, &mermaid);
            bcp_md_put(d, "```mermaid\n");
            bcp_md_put(d, mermaid.data);
            bcp_md_put(d, "```\n\n");
            bcp_buf_free(&mermaid);
        }
        caption(d);
        if (!d->for_html)
            legend(d);
    }
    critical_path(d, &g);
    bcp_dep_graph_free(&g);
}
