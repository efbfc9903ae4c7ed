/* The dependency graph (model/depgraph.c) and its DOT and Mermaid
 * (render/graph_text.c): edges from the schema's references, single points
 * from derive.c, the critical path as docs/graph.md defines it, --focus, and
 * DOT read back by Graphviz's cgraph library with its labels intact. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <graphviz/cgraph.h>

#include "model/depgraph.h"
#include "model/model.h"
#include "render/graph.h"
#include "render/render.h"
#include "test_support.h"

static const char plan[] =
    "plan p { title = \"P\" organization = \"P Ltd\" }\n"
    "contact boss { name = \"The \\\"boss\\\" \\\\ chief\" }\n"
    "contact sub  { name = \"Sub\" }\n"
    "contact lone { name = \"Lone\" substitute = contact.sub }\n"
    "function sales  { title = \"Sales\"  rto = 8h needs = [function.orders] owner = contact.boss key_people = [contact.boss] }\n"
    "function orders { title = \"Orders\" rto = 4h needs = [system.shop] deputy = contact.sub }\n"
    "function payroll { title = \"工资\" rto = 72h needs = [system.hr] }\n"
    "function misc { title = \"Misc\" critical = false needs = [system.big] }\n"
    "system shop { title = \"Shop\" rto = 2h vendor = supplier.host sites = [site.dc] }\n"
    "system hr   { title = \"HR\" rto = 24h dr_site = site.dc2 }\n"
    "system big  { title = \"Big\" rto = 100h }\n"
    "supplier host  { name = \"Host\" sla = 6h alternates = [supplier.host2] }\n"
    "supplier host2 { name = \"Host 2\" }\n"
    "site dc  { name = \"DC\" }\n"
    "site dc2 { name = \"DC 2\" }\n";

typedef struct fixture {
    bcp_model *m;
    bcp_dep_graph g;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->m = load_text(plan);
    assert_int_equal(bcp_diag_count(bcp_model_diagnostics(f->m), BCP_SEV_ERROR), 0);
    bcp_dep_graph_build(f->m, &f->g);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bcp_dep_graph_free(&f->g);
    bcp_model_free(f->m);
    free(f);
    return 0;
}

static long node(const fixture *f, bcp_kind kind, const char *id)
{
    return bcp_dep_graph_find(&f->g, bcp_model_find(f->m, kind, id));
}

static const bcp_dep_edge *edge(const bcp_dep_graph *g, long from, long to)
{
    for (size_t i = 0; i < g->edge_count; i++)
        if ((long)g->edges[i].from == from && (long)g->edges[i].to == to)
            return &g->edges[i];
    return NULL;
}

static void test_nodes_and_edges(void **state)
{
    fixture *f = *state;
    /* every function, and what dependencies and stand-ins name; `lone` (a
     * substitute's owner nobody relies on) is not there */
    assert_int_equal(f->g.node_count, 13);
    assert_true(node(f, BCP_KIND_CONTACT, "lone") < 0);
    /* sorted by kind, then id */
    assert_string_equal(f->g.nodes[0].entity->id, "misc");
    assert_string_equal(f->g.nodes[3].entity->id, "sales");
    long sales = node(f, BCP_KIND_FUNCTION, "sales"), boss = node(f, BCP_KIND_CONTACT, "boss");
    long orders = node(f, BCP_KIND_FUNCTION, "orders"), sub = node(f, BCP_KIND_CONTACT, "sub");
    long shop = node(f, BCP_KIND_SYSTEM, "shop"), host = node(f, BCP_KIND_SUPPLIER, "host");
    long hr = node(f, BCP_KIND_SYSTEM, "hr"), dc2 = node(f, BCP_KIND_SITE, "dc2");
    /* owner and key person: one edge, the first relation */
    assert_non_null(edge(&f->g, sales, boss));
    assert_int_equal(edge(&f->g, sales, boss)->relation, BCP_DEP_OWNER);
    assert_int_equal(edge(&f->g, sales, orders)->relation, BCP_DEP_NEEDS);
    assert_int_equal(edge(&f->g, orders, sub)->relation, BCP_DEP_STAND_IN);
    assert_int_equal(edge(&f->g, shop, host)->relation, BCP_DEP_VENDOR);
    assert_int_equal(edge(&f->g, hr, dc2)->relation, BCP_DEP_STAND_IN);
    assert_int_equal(edge(&f->g, host, node(f, BCP_KIND_SUPPLIER, "host2"))->relation, BCP_DEP_STAND_IN);
    assert_int_equal(edge(&f->g, shop, node(f, BCP_KIND_SITE, "dc"))->relation, BCP_DEP_RUNS_AT);
    /* single points: derive.c's (the boss has no substitute; shop has no fallback) */
    assert_true(f->g.nodes[boss].single_point);
    assert_true(f->g.nodes[shop].single_point);
    assert_false(f->g.nodes[hr].single_point); /* it has a DR site */
    assert_true(f->g.nodes[sales].critical);
    assert_false(f->g.nodes[node(f, BCP_KIND_FUNCTION, "misc")].critical);
}

static void test_critical_path(void **state)
{
    fixture *f = *state;
    /* payroll -> hr is 24h; sales -> orders -> shop -> host is 4+2+6 = 12h;
     * misc -> big (100h) is not critical */
    assert_int_equal(f->g.path_count, 2);
    assert_int_equal(f->g.path[0], node(f, BCP_KIND_FUNCTION, "payroll"));
    assert_int_equal(f->g.path[1], node(f, BCP_KIND_SYSTEM, "hr"));
    assert_int_equal(f->g.path_seconds, 24 * 3600);
    assert_true(edge(&f->g, f->g.path[0], f->g.path[1])->on_path);
    assert_false(f->g.nodes[node(f, BCP_KIND_SYSTEM, "big")].on_path);
}

static void test_focus(void **state)
{
    fixture *f = *state;
    bcp_dep_graph_focus(&f->g, (size_t)node(f, BCP_KIND_SYSTEM, "shop"));
    const char *want[] = {"orders", "sales", "shop", "host", "host2", "dc", "sub"};
    assert_int_equal(f->g.node_count, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < f->g.node_count; i++)
        assert_string_equal(f->g.nodes[i].entity->id, want[i]);
    /* the boss is the sales function's owner, not something shop needs or serves */
    assert_true(node(f, BCP_KIND_CONTACT, "boss") < 0);
    assert_int_equal(f->g.path_count, 0); /* payroll's path is not among them */
}

static void test_dot_reads_back(void **state)
{
    fixture *f = *state;
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, f->m, "en");
    bcp_buf dot = {0};
    bcp_graph_dot(&ctx, &f->g, &dot);
    Agraph_t *g = agmemread(dot.data);
    assert_non_null(g);
    assert_int_equal(agnnodes(g), (int)f->g.node_count);
    assert_int_equal(agnedges(g), (int)f->g.edge_count);
    Agnode_t *boss = agnode(g, "contact.boss", 0);
    assert_non_null(boss);
    /* cgraph takes \" as a quote and keeps \\ for the label's own escape: one backslash drawn */
    assert_string_equal(agget(boss, "label"), "The \"boss\" \\\\ chief");
    Agnode_t *payroll = agnode(g, "function.payroll", 0);
    assert_string_equal(agget(payroll, "label"), "工资");
    assert_non_null(strstr(agget(payroll, "class"), "path"));
    assert_non_null(strstr(agget(boss, "class"), "spof"));
    agclose(g);
    /* Mermaid: the quote as an entity code, one line per node and edge */
    bcp_buf mm = {0};
    bcp_graph_mermaid(&ctx, &f->g, &mm);
    assert_non_null(strstr(mm.data, "contact_boss[\"The #quot;boss#quot; \\ chief\"]"));
    assert_non_null(strstr(mm.data, "function_payroll[\"工资\"]"));
    assert_non_null(strstr(mm.data, "function_orders -.-> contact_sub\n"));
    bcp_buf_free(&mm);
    bcp_buf_free(&dot);
    bcp_render_ctx_free(&ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nodes_and_edges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_critical_path, setup, teardown),
        cmocka_unit_test_setup_teardown(test_focus, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dot_reads_back, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
