/* The dependency graph as SVG: the DOT of graph_text.c laid out and drawn by
 * Graphviz's library (libgvc, the `dot` layout), not by a home-made layout.
 * Graphviz keeps global state and reports through a global hook, so one
 * thread at a time lays out, and its messages go nowhere (the library never
 * prints): a failure is returned as an error instead.
 *
 * One Graphviz context serves the whole process and is never freed: the
 * pango plugin of Graphviz 2.42 (Debian 12) keeps a font name of the first
 * context and reads it after gvFreeContext, a use-after-free ASan reports on
 * the second layout.  What fontconfig caches under it is not ours to free
 * (tests/lsan.supp tells LeakSanitizer so). */
#include <pthread.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "graph.h"

static pthread_mutex_t graphviz_lock = PTHREAD_MUTEX_INITIALIZER;

/* Graphviz's layout engine for a graph of `nodes`: `dot` (ranks left to
 * right) up to BCP_GRAPH_DOT_MAX_NODES; above, dot's rank assignment,
 * crossing minimisation and spline routing grow far faster than the graph
 * (10,000 entities: minutes), so `sfdp`, Graphviz's multilevel
 * force-directed layout, with straight edges (splines=false) draws it in
 * seconds.  A graph that large shows its clusters, not its ranks, anyway. */
const char *bcp_graph_engine(size_t nodes)
{
    return nodes > BCP_GRAPH_DOT_MAX_NODES ? "sfdp" : "dot";
}

static int quiet(char *message)
{
    (void)message;
    return 0;
}

/* Graphviz's SVG without the XML prolog, doctype and comments (its version
 * and the graph's name): the <svg> element as an HTML page embeds it. */
static void svg_element(const char *data, size_t len, bcp_buf *out)
{
    const char *p = strstr(data, "<svg");
    const char *end = data + len;
    if (!p)
        return;
    while (p < end) {
        const char *c = strstr(p, "<!--");
        if (!c || c >= end) {
            bcp_buf_put(out, p, (size_t)(end - p));
            break;
        }
        bcp_buf_put(out, p, (size_t)(c - p));
        const char *e = strstr(c + 4, "-->");
        if (!e)
            break;
        p = e + 3;
        if (p < end && *p == '\n')
            p++;
    }
}

bool bcp_graph_svg(bcp_render_ctx *ctx, const bcp_dep_graph *g, bcp_buf *out, const char **error)
{
    bcp_buf dot = {0};
    bcp_graph_dot(ctx, g, &dot);
    bool ok = false;
    *error = NULL;
    pthread_mutex_lock(&graphviz_lock);
    agseterr(AGMAX);
    agseterrf(quiet);
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    Agraph_t *graph = gvc ? agmemread(dot.data) : NULL;
    if (!gvc)
        *error = "Graphviz could not start";
    else if (!graph)
        *error = "Graphviz could not read the graph";
    else if (strcmp(bcp_graph_engine(g->node_count), "dot") != 0 && !agattr(graph, AGRAPH, "splines", "false"))
        *error = "Graphviz could not set the graph's attributes";
    else if (gvLayout(gvc, graph, bcp_graph_engine(g->node_count)) != 0)
        *error = "Graphviz could not lay the graph out";
    else {
        char *data = NULL;
        unsigned int len = 0;
        if (gvRenderData(gvc, graph, "svg", &data, &len) == 0 && data) {
            svg_element(data, len, out);
            ok = out->len > 0;
        }
        if (!ok)
            *error = "Graphviz could not draw the graph";
        if (data)
            gvFreeRenderData(data);
        gvFreeLayout(gvc, graph);
    }
    if (graph)
        agclose(graph);
    pthread_mutex_unlock(&graphviz_lock);
    bcp_buf_free(&dot);
    return ok;
}
