/* The JSON document's dependency graph (json_graph.c). */
#ifndef BCP_RENDER_JSON_GRAPH_H
#define BCP_RENDER_JSON_GRAPH_H
#include <jansson.h>

#include "render.h"

/* Adds "dependency_graph" to root: nodes (id KIND.ID, kind, title, critical,
 * single_point, critical_path), edges (from, to, relation, critical_path),
 * critical_path (the chain's ids) and critical_path_seconds (null: none). */
void bcp_json_graph(bcp_render_ctx *ctx, json_t *root);

#endif
