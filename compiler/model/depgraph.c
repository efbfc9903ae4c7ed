/* The dependency graph of a plan and its critical path (docs/graph.md). */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "depgraph.h"
#include "derive.h"

static const bcp_kind node_kinds[] = {BCP_KIND_FUNCTION, BCP_KIND_SYSTEM, BCP_KIND_ASSET, BCP_KIND_SUPPLIER,
                                      BCP_KIND_SITE,     BCP_KIND_RESOURCE, BCP_KIND_CONTACT, BCP_KIND_TEAM};
enum { NODE_KINDS = sizeof node_kinds / sizeof node_kinds[0] };

static int kind_rank(bcp_kind k)
{
    for (int i = 0; i < NODE_KINDS; i++)
        if (node_kinds[i] == k)
            return i;
    return -1;
}

const char *bcp_dep_relation_name(bcp_dep_relation r)
{
    static const char *const names[BCP_DEP_RELATION_COUNT] = {"needs",  "runs_at", "owner",   "key_person",
                                                              "vendor", "backup",  "stand_in"};
    return r < BCP_DEP_RELATION_COUNT ? names[r] : "?";
}

/* ------------------------------------------------------------ collection */

typedef struct pending {
    const bcp_entity *from, *to;
    bcp_dep_relation relation;
} pending;

typedef struct collect {
    pending *items;
    size_t count, cap;
} collect;

static bool is_node(const bcp_entity *e)
{
    return e && e->id && !e->from_stdlib && kind_rank(e->kind) >= 0;
}

static void add(collect *c, const bcp_entity *from, const bcp_entity *to, bcp_dep_relation r)
{
    if (!is_node(from) || !is_node(to) || from == to)
        return;
    c->items = bcp_grow(c->items, &c->cap, c->count, sizeof *c->items);
    c->items[c->count++] = (pending){from, to, r};
}

static void add_ref(collect *c, const bcp_entity *from, const char *name, bcp_dep_relation r)
{
    add(c, from, bcp_entity_ref(from, name), r);
}

static void add_list(collect *c, const bcp_entity *from, const char *name, bcp_dep_relation r)
{
    const bcp_value *v = bcp_entity_value(from, name);
    if (!v || v->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < v->as.list.count; i++)
        if (v->as.list.items[i].kind == BCP_V_REF)
            add(c, from, v->as.list.items[i].as.ref.target, r);
}

/* Every edge the schema's reference attributes give (docs/graph.md lists them). */
static void collect_edges(const bcp_model *m, collect *c)
{
    const bcp_entity_list *l = bcp_model_entities(m, BCP_KIND_FUNCTION);
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *f = l->items[i];
        add_list(c, f, "needs", BCP_DEP_NEEDS);
        add_list(c, f, "sites", BCP_DEP_RUNS_AT);
        add_ref(c, f, "owner", BCP_DEP_OWNER);
        add_list(c, f, "key_people", BCP_DEP_KEY_PERSON);
        add_ref(c, f, "deputy", BCP_DEP_STAND_IN);
    }
    l = bcp_model_entities(m, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *s = l->items[i];
        add_ref(c, s, "vendor", BCP_DEP_VENDOR);
        add_list(c, s, "sites", BCP_DEP_RUNS_AT);
        for (size_t k = 0; k < s->child_count; k++)
            if (s->children[k]->kind == BCP_KIND_BACKUP)
                add(c, s, bcp_entity_ref(s->children[k], "held_by"), BCP_DEP_BACKUP);
        add_ref(c, s, "dr_site", BCP_DEP_STAND_IN);
    }
    l = bcp_model_entities(m, BCP_KIND_ASSET);
    for (size_t i = 0; i < l->count; i++) {
        add_ref(c, l->items[i], "site", BCP_DEP_RUNS_AT);
        add_ref(c, l->items[i], "alternate", BCP_DEP_STAND_IN);
    }
    l = bcp_model_entities(m, BCP_KIND_SUPPLIER);
    for (size_t i = 0; i < l->count; i++)
        add_list(c, l->items[i], "alternates", BCP_DEP_STAND_IN);
    l = bcp_model_entities(m, BCP_KIND_SITE);
    for (size_t i = 0; i < l->count; i++)
        add_ref(c, l->items[i], "alternate", BCP_DEP_STAND_IN);
    l = bcp_model_entities(m, BCP_KIND_CONTACT);
    for (size_t i = 0; i < l->count; i++)
        add_ref(c, l->items[i], "substitute", BCP_DEP_STAND_IN);
}

static int compare_pointers(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(const bcp_entity *const *)a, y = (uintptr_t)*(const bcp_entity *const *)b;
    return x < y ? -1 : x > y;
}

/* A stand-in counts only for what something depends on (or a function): a
 * substitute of a person no function relies on is not part of the graph. */
static void drop_loose_stand_ins(const bcp_model *m, collect *c)
{
    const bcp_entity_list *fl = bcp_model_entities(m, BCP_KIND_FUNCTION);
    const bcp_entity **in = bcp_malloc((c->count * 2 + fl->count + 1) * sizeof *in);
    size_t n = 0;
    for (size_t i = 0; i < fl->count; i++)
        in[n++] = fl->items[i];
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].relation != BCP_DEP_STAND_IN) {
            in[n++] = c->items[i].from;
            in[n++] = c->items[i].to;
        }
    qsort(in, n, sizeof *in, compare_pointers);
    size_t k = 0;
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].relation != BCP_DEP_STAND_IN ||
            bsearch(&c->items[i].from, in, n, sizeof *in, compare_pointers))
            c->items[k++] = c->items[i];
    c->count = k;
    bcp_free(in);
}

/* ------------------------------------------------------------ node index */

static int compare_entities(const bcp_entity *x, const bcp_entity *y)
{
    int rx = kind_rank(x->kind), ry = kind_rank(y->kind);
    return rx != ry ? rx - ry : strcmp(x->id, y->id);
}

static int compare_nodes(const void *a, const void *b)
{
    return compare_entities(((const bcp_dep_node *)a)->entity, ((const bcp_dep_node *)b)->entity);
}

/* An entity -> node map: (pointer, index) pairs sorted by pointer. */
typedef struct slot {
    const bcp_entity *e;
    uint32_t index;
} slot;

static int compare_slots(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const slot *)a)->e, y = (uintptr_t)((const slot *)b)->e;
    return x < y ? -1 : x > y;
}

static long lookup(const slot *slots, size_t n, const bcp_entity *e)
{
    slot key = {e, 0};
    const slot *s = bsearch(&key, slots, n, sizeof *slots, compare_slots);
    return s ? (long)s->index : -1;
}

static int compare_edges(const void *a, const void *b)
{
    const bcp_dep_edge *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return (int)x->relation - (int)y->relation;
}

/* ------------------------------------------------------- the critical path */

/* A node's own time on a chain: a system's RTO, a supplier's switch_time
 * (else its SLA), a needed function's RTO; -1 when it states none. */
static int64_t own_seconds(const bcp_entity *e)
{
    int64_t s;
    switch (e->kind) {
    case BCP_KIND_SYSTEM:
    case BCP_KIND_FUNCTION:
        return bcp_entity_duration(e, "rto", &s) ? s : -1;
    case BCP_KIND_SUPPLIER:
        if (bcp_entity_duration(e, "switch_time", &s) || bcp_entity_duration(e, "sla", &s))
            return s;
        return -1;
    default:
        return -1;
    }
}

typedef struct path_state {
    const bcp_dep_graph *g;
    size_t *first;        /* first out-edge of each node (edges are sorted by from) */
    int64_t *longest;     /* longest chain from the node, its own time included */
    long *next;           /* the edge that continues it, -1 at the end */
    uint8_t *mark;        /* 0 new, 1 on the stack, 2 done */
    size_t *edge;         /* the node's out-edge being looked at, while on the stack */
    size_t *stack;        /* the nodes on the walk's stack (each at most once) */
} path_state;

static void path_enter(path_state *p, size_t n, size_t *depth)
{
    p->mark[n] = 1;
    p->longest[n] = 0;    /* the best continuation so far, until the node is done */
    p->next[n] = -1;
    p->edge[n] = p->first[n];
    p->stack[(*depth)++] = n;
}

/* Longest chain of dependency edges from node n by summed own times; an edge
 * back into the chain (a cycle the model reports elsewhere) counts nothing.
 * Depth first with a stack of its own: a chain is as long as the plan makes
 * it, not bounded by the nesting limit. */
static void longest_from(path_state *p, size_t start)
{
    size_t depth = 0;
    path_enter(p, start, &depth);
    while (depth) {
        size_t n = p->stack[depth - 1];
        size_t k = p->edge[n];
        if (k < p->first[n + 1]) {
            const bcp_dep_edge *e = &p->g->edges[k];
            if (e->relation == BCP_DEP_STAND_IN || p->mark[e->to] == 1) {
                p->edge[n]++;
            } else if (!p->mark[e->to]) {
                path_enter(p, e->to, &depth);   /* edge k is looked at again once it is done */
            } else {
                if (p->longest[e->to] > p->longest[n]) {
                    p->longest[n] = p->longest[e->to];
                    p->next[n] = (long)k;
                }
                p->edge[n]++;
            }
            continue;
        }
        int64_t own = p->g->nodes[n].seconds;
        p->longest[n] += own > 0 ? own : 0;
        p->mark[n] = 2;
        depth--;
    }
}

static void critical_path(const bcp_model *m, bcp_dep_graph *g, const slot *slots)
{
    path_state p = {.g = g};
    p.first = bcp_calloc(g->node_count + 1, sizeof *p.first);
    p.longest = bcp_calloc(g->node_count + 1, sizeof *p.longest);
    p.next = bcp_calloc(g->node_count + 1, sizeof *p.next);
    p.mark = bcp_calloc(g->node_count + 1, 1);
    p.edge = bcp_calloc(g->node_count + 1, sizeof *p.edge);
    p.stack = bcp_calloc(g->node_count + 1, sizeof *p.stack);
    for (size_t k = 0, n = 0; n <= g->node_count; n++) {
        while (k < g->edge_count && g->edges[k].from < n)
            k++;
        p.first[n] = k;
    }
    /* the critical functions in priority order: the first with the longest chain wins */
    size_t nf;
    bcp_entity **fns = bcp_sorted_functions(m, &nf);
    long start = -1;
    int64_t best = 0;
    for (size_t i = 0; i < nf; i++) {
        long n = bcp_is_critical(fns[i]) ? lookup(slots, g->node_count, fns[i]) : -1;
        if (n < 0)
            continue;
        if (!p.mark[n])
            longest_from(&p, (size_t)n);
        int64_t own = g->nodes[n].seconds;
        int64_t chain = p.longest[n] - (own > 0 ? own : 0);
        if (chain > best) {
            best = chain;
            start = n;
        }
    }
    bcp_free(fns);
    if (start >= 0) {
        g->path = bcp_malloc(g->node_count * sizeof *g->path);
        for (long n = start; n >= 0 && g->path_count < g->node_count;) {
            g->path[g->path_count++] = (uint32_t)n;
            g->nodes[n].on_path = true;
            long e = p.next[n];
            if (e >= 0)
                g->edges[e].on_path = true;
            n = e >= 0 ? (long)g->edges[e].to : -1;
        }
        g->path_seconds = best;
    }
    bcp_free(p.first);
    bcp_free(p.longest);
    bcp_free(p.next);
    bcp_free(p.mark);
    bcp_free(p.edge);
    bcp_free(p.stack);
}

/* ------------------------------------------------------------------ build */

void bcp_dep_graph_build(const bcp_model *m, bcp_dep_graph *g)
{
    memset(g, 0, sizeof *g);
    collect c = {0};
    collect_edges(m, &c);
    drop_loose_stand_ins(m, &c);
    /* the nodes: every function of the plan and every end of an edge */
    slot *slots = NULL;
    size_t slot_count = 0;
    const bcp_entity_list *fl = bcp_model_entities(m, BCP_KIND_FUNCTION);
    size_t candidates = c.count * 2 + fl->count;
    const bcp_entity **all = bcp_malloc((candidates ? candidates : 1) * sizeof *all);
    size_t n_all = 0;
    for (size_t i = 0; i < fl->count; i++)
        if (is_node(fl->items[i]))
            all[n_all++] = fl->items[i];
    for (size_t i = 0; i < c.count; i++) {
        all[n_all++] = c.items[i].from;
        all[n_all++] = c.items[i].to;
    }
    slots = bcp_malloc((n_all ? n_all : 1) * sizeof *slots);
    for (size_t i = 0; i < n_all; i++)
        slots[i] = (slot){all[i], 0};
    qsort(slots, n_all, sizeof *slots, compare_slots);
    for (size_t i = 0; i < n_all; i++)
        if (!slot_count || slots[slot_count - 1].e != slots[i].e)
            slots[slot_count++] = slots[i];
    bcp_free(all);
    g->nodes = bcp_calloc(slot_count ? slot_count : 1, sizeof *g->nodes);
    g->node_count = slot_count;
    for (size_t i = 0; i < slot_count; i++)
        g->nodes[i] = (bcp_dep_node){.entity = slots[i].e, .seconds = -1};
    qsort(g->nodes, g->node_count, sizeof *g->nodes, compare_nodes);
    for (size_t i = 0; i < g->node_count; i++) {
        bcp_dep_node *nd = &g->nodes[i];
        nd->critical = nd->entity->kind == BCP_KIND_FUNCTION && bcp_is_critical(nd->entity);
        nd->seconds = own_seconds(nd->entity);
        slots[i] = (slot){nd->entity, (uint32_t)i};
    }
    qsort(slots, slot_count, sizeof *slots, compare_slots);
    /* the edges, by node index, without repeats */
    g->edges = bcp_malloc((c.count ? c.count : 1) * sizeof *g->edges);
    for (size_t i = 0; i < c.count; i++)
        g->edges[i] = (bcp_dep_edge){(uint32_t)lookup(slots, slot_count, c.items[i].from),
                                     (uint32_t)lookup(slots, slot_count, c.items[i].to), c.items[i].relation, false};
    qsort(g->edges, c.count, sizeof *g->edges, compare_edges);
    /* one edge per pair: the first relation (a dependency before a stand-in) */
    for (size_t i = 0; i < c.count; i++) {
        const bcp_dep_edge *last = g->edge_count ? &g->edges[g->edge_count - 1] : NULL;
        if (!last || last->from != g->edges[i].from || last->to != g->edges[i].to)
            g->edges[g->edge_count++] = g->edges[i];
    }
    bcp_free(c.items);
    /* single points of failure: derive.c's, looked up */
    size_t ns;
    bcp_spof *spofs = bcp_single_points_of_failure(m, &ns);
    for (size_t i = 0; i < ns; i++) {
        long n = lookup(slots, slot_count, spofs[i].entity);
        if (n >= 0)
            g->nodes[n].single_point = true;
    }
    bcp_spofs_free(spofs, ns);
    critical_path(m, g, slots);
    bcp_free(slots);
}

long bcp_dep_graph_find(const bcp_dep_graph *g, const bcp_entity *e)
{
    if (!e || !is_node(e))
        return -1;
    size_t lo = 0, hi = g->node_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = compare_entities(g->nodes[mid].entity, e);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* ------------------------------------------------------------------ focus */

/* Marks with `bit` every node reachable from `start` along dependency edges,
 * forwards (what it depends on) or backwards (what depends on it): a walk
 * over the edges grouped by their start (or end), linear in the edges. */
static void reach(const bcp_dep_graph *g, size_t start, bool forward, uint8_t *keep, uint8_t bit)
{
    size_t *first = bcp_calloc(g->node_count + 1, sizeof *first);
    uint32_t *adj = bcp_malloc((g->edge_count ? g->edge_count : 1) * sizeof *adj);
    for (size_t k = 0; k < g->edge_count; k++)
        if (g->edges[k].relation != BCP_DEP_STAND_IN)
            first[(forward ? g->edges[k].from : g->edges[k].to) + 1]++;
    for (size_t i = 0; i < g->node_count; i++)
        first[i + 1] += first[i];
    size_t *fill = bcp_malloc((g->node_count ? g->node_count : 1) * sizeof *fill);
    memcpy(fill, first, g->node_count * sizeof *fill);
    for (size_t k = 0; k < g->edge_count; k++)
        if (g->edges[k].relation != BCP_DEP_STAND_IN) {
            uint32_t from = forward ? g->edges[k].from : g->edges[k].to;
            adj[fill[from]++] = forward ? g->edges[k].to : g->edges[k].from;
        }
    uint32_t *stack = bcp_malloc((g->node_count + 1) * sizeof *stack);
    size_t depth = 0;
    stack[depth++] = (uint32_t)start;
    keep[start] |= bit;
    while (depth) {
        uint32_t n = stack[--depth];
        for (size_t k = first[n]; k < first[n + 1]; k++)
            if (!(keep[adj[k]] & bit)) {
                keep[adj[k]] |= bit;
                stack[depth++] = adj[k];
            }
    }
    bcp_free(stack);
    bcp_free(fill);
    bcp_free(adj);
    bcp_free(first);
}

void bcp_dep_graph_focus(bcp_dep_graph *g, size_t keep_node)
{
    if (keep_node >= g->node_count)
        return;
    uint8_t *keep = bcp_calloc(g->node_count, 1);
    reach(g, keep_node, true, keep, 1);
    reach(g, keep_node, false, keep, 2);
    /* the stand-ins of what is kept, one step */
    for (size_t k = 0; k < g->edge_count; k++)
        if (g->edges[k].relation == BCP_DEP_STAND_IN && (keep[g->edges[k].from] & 3))
            keep[g->edges[k].to] |= 4;
    uint32_t *index = bcp_malloc((g->node_count ? g->node_count : 1) * sizeof *index);
    size_t n = 0;
    for (size_t i = 0; i < g->node_count; i++) {
        index[i] = (uint32_t)n;
        if (keep[i])
            g->nodes[n++] = g->nodes[i];
    }
    size_t e = 0;
    for (size_t k = 0; k < g->edge_count; k++) {
        bcp_dep_edge d = g->edges[k];
        if (!keep[d.from] || !keep[d.to])
            continue;
        /* a stand-in's own edges only where they stand in for a kept node */
        if (!(keep[d.from] & 3) && d.relation != BCP_DEP_STAND_IN)
            continue;
        d.from = index[d.from];
        d.to = index[d.to];
        g->edges[e++] = d;
    }
    size_t p = 0;
    for (size_t k = 0; k < g->path_count; k++)
        if (keep[g->path[k]])
            g->path[p++] = index[g->path[k]];
    g->node_count = n;
    g->edge_count = e;
    g->path_count = p;
    bcp_free(index);
    bcp_free(keep);
}

void bcp_dep_graph_free(bcp_dep_graph *g)
{
    bcp_free(g->nodes);
    bcp_free(g->edges);
    bcp_free(g->path);
    memset(g, 0, sizeof *g);
}
