/* The JSON document's "dependency_graph" (docs/json.md, docs/graph.md): the
 * nodes, edges, single points and critical path the document's figure draws,
 * from model/depgraph.c. */
#include <jansson.h>

#include "graph.h"
#include "json_graph.h"

static json_t *node_ref(const bcp_dep_graph *g, size_t i)
{
    const bcp_entity *e = g->nodes[i].entity;
    bcp_buf id = {0};
    bcp_buf_printf(&id, "%s.%s", bcp_kind_name(e->kind), e->id);
    json_t *s = json_string(id.data);
    bcp_buf_free(&id);
    return s ? s : json_null();
}

void bcp_json_graph(bcp_render_ctx *ctx, json_t *root)
{
    bcp_dep_graph g;
    bcp_dep_graph_build(ctx->model, &g);
    json_t *nodes = json_array(), *edges = json_array(), *path = json_array();
    for (size_t i = 0; i < g.node_count; i++) {
        const bcp_dep_node *n = &g.nodes[i];
        const char *label = bcp_rlabel(ctx, n->entity);
        json_array_append_new(nodes, json_pack("{s:o,s:s,s:o,s:b,s:b,s:b}", "id", node_ref(&g, i), "kind",
                                               bcp_kind_name(n->entity->kind), "title",
                                               label ? json_string(label) : json_null(), "critical", n->critical,
                                               "single_point", n->single_point, "critical_path", n->on_path));
    }
    for (size_t i = 0; i < g.edge_count; i++) {
        const bcp_dep_edge *e = &g.edges[i];
        json_array_append_new(edges, json_pack("{s:o,s:o,s:s,s:b}", "from", node_ref(&g, e->from), "to",
                                               node_ref(&g, e->to), "relation", bcp_dep_relation_name(e->relation),
                                               "critical_path", e->on_path));
    }
    for (size_t i = 0; i < g.path_count; i++)
        json_array_append_new(path, node_ref(&g, g.path[i]));
    json_t *o = json_pack("{s:o,s:o,s:o}", "nodes", nodes, "edges", edges, "critical_path", path);
    json_object_set_new(o, "critical_path_seconds", g.path_count ? json_integer(g.path_seconds) : json_null());
    json_object_set_new(root, "dependency_graph", o);
    bcp_dep_graph_free(&g);
}
