/* The dependency graph of a plan and its critical path (docs/graph.md): what
 * depends on what, as `bcp graph`, the document's dependency figure and its
 * JSON read it.  Computed here once; the single points of failure come from
 * bcp_single_points_of_failure (derive.c), not recomputed. */
#ifndef BCP_MODEL_DEPGRAPH_H
#define BCP_MODEL_DEPGRAPH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Why an edge from -> to exists. */
typedef enum bcp_dep_relation {
    BCP_DEP_NEEDS,      /* function.needs */
    BCP_DEP_RUNS_AT,    /* function.sites, system.sites, asset.site */
    BCP_DEP_OWNER,      /* function.owner */
    BCP_DEP_KEY_PERSON, /* function.key_people */
    BCP_DEP_VENDOR,     /* system.vendor */
    BCP_DEP_BACKUP,     /* a system's backup held_by a supplier */
    BCP_DEP_STAND_IN,   /* deputy, substitute, dr_site, alternate(s): a way
                         * out, not a dependency (drawn dashed) */
    BCP_DEP_RELATION_COUNT
} bcp_dep_relation;

/* "needs", "runs_at", ... as JSON and DOT show them. */
const char *bcp_dep_relation_name(bcp_dep_relation r);

typedef struct bcp_dep_node {
    const bcp_entity *entity;
    bool critical;        /* a function with bcp_is_critical */
    bool single_point;    /* listed by bcp_single_points_of_failure */
    bool on_path;         /* on the critical path */
    int64_t seconds;      /* its own recovery time on a path (see docs/graph.md); -1: none */
} bcp_dep_node;

typedef struct bcp_dep_edge {
    uint32_t from, to;    /* node indexes */
    bcp_dep_relation relation;
    bool on_path;
} bcp_dep_edge;

typedef struct bcp_dep_graph {
    bcp_dep_node *nodes;  /* by kind (function, system, asset, supplier, site,
                           * resource, contact, team), then id */
    size_t node_count;
    bcp_dep_edge *edges;  /* by from, to; one per pair (the first relation in
                           * enum order: a dependency wins over a stand-in) */
    size_t edge_count;
    /* The critical path: node indexes from a critical function down the
     * chain of dependencies that sets its longest recovery time; empty when
     * no critical function depends on anything with a recovery time. */
    uint32_t *path;
    size_t path_count;
    int64_t path_seconds; /* the chain's time, the function's own RTO excluded */
} bcp_dep_graph;

/* The plan's own entities that take part in a dependency (and every
 * function), their edges, single points and critical path. */
void bcp_dep_graph_build(const bcp_model *m, bcp_dep_graph *g);
/* The node of `e`, or -1. */
long bcp_dep_graph_find(const bcp_dep_graph *g, const bcp_entity *e);
/* Keeps node `keep`, everything it depends on and everything that depends
 * on it (transitively, along dependency edges), plus the stand-ins of those
 * nodes; the edges between kept nodes; the critical path's part among them. */
void bcp_dep_graph_focus(bcp_dep_graph *g, size_t keep);
void bcp_dep_graph_free(bcp_dep_graph *g);

#endif
