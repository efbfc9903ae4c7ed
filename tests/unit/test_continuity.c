/* Derived facts of the continuity sections (compiler/model/derive.c): the
 * impact curve against the MTPD, single points of failure from the
 * dependency graph, runbook links (E140), and which activation levels and
 * checklists a plan shows. */
#include "test_support.h"

#include <stdlib.h>

#include "base/alloc.h"
#include "model/derive.h"

#define PLAN "plan p { title = \"P\" organization = \"P Ltd\" }\n"

static void test_curve_verdicts(void **state)
{
    (void)state;
    bcp_model *m = load_text(PLAN
        "function early { title = \"E\" mtpd = 72h\n"
        "  impact { after = 24h financial = major }\n"
        "  impact { after = 4h financial = 1 operational = 2 } }\n"
        "function never { title = \"N\" mtpd = 1w impact { after = 1w operational = moderate } }\n"
        "function ok { title = \"O\" mtpd = 24h\n"
        "  impact { after = 4h safety = 2 }\n"
        "  impact { after = 24h regulatory = severe reputational = 4 } }\n"
        "function nomtpd { title = \"X\" impact { after = 1h financial = 5 } }\n"
        "function nocurve { title = \"Y\" mtpd = 1d }\n");
    expect_clean(m, __FILE__, __LINE__);
    bcp_curve_check c;
    const bcp_entity *early = must_find(m, BCP_KIND_FUNCTION, "early", __FILE__, __LINE__);
    assert_int_equal(bcp_function_curve_check(early, &c), BCP_CURVE_EARLY);
    assert_int_equal(c.intolerable_after, 24 * 3600);
    assert_string_equal(bcp_impact_kinds[c.kind], "financial");
    /* bands come back in time order whatever the source order */
    size_t n;
    bcp_impact_band *b = bcp_function_impact_curve(early, &n);
    assert_int_equal(n, 2);
    assert_int_equal(b[0].after, 4 * 3600);
    assert_int_equal(b[0].worst, 2);
    assert_int_equal(b[1].scores[0], 4);
    bcp_free(b);
    assert_int_equal(bcp_function_curve_check(must_find(m, BCP_KIND_FUNCTION, "never", __FILE__, __LINE__), &c),
                     BCP_CURVE_NEVER);
    assert_false(c.intolerable);
    assert_int_equal(bcp_function_curve_check(must_find(m, BCP_KIND_FUNCTION, "ok", __FILE__, __LINE__), &c),
                     BCP_CURVE_CONSISTENT);
    assert_int_equal(c.kind, 2); /* regulatory: the first kind with the worst score */
    assert_int_equal(bcp_function_curve_check(must_find(m, BCP_KIND_FUNCTION, "nomtpd", __FILE__, __LINE__), &c),
                     BCP_CURVE_NONE);
    assert_true(c.intolerable);
    assert_int_equal(bcp_function_curve_check(must_find(m, BCP_KIND_FUNCTION, "nocurve", __FILE__, __LINE__), &c),
                     BCP_CURVE_NONE);
    bcp_model_free(m);
}

static bool spof_has(const bcp_spof *s, size_t n, const char *id, bcp_spof_reason reason, size_t functions)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s[i].entity->id, id) == 0)
            return s[i].reason == reason && s[i].function_count == functions;
    return false;
}

static bool spof_listed(const bcp_spof *s, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s[i].entity->id, id) == 0)
            return true;
    return false;
}

static void test_single_points_of_failure(void **state)
{
    (void)state;
    bcp_model *m = load_text(PLAN
        "site hq { name = \"HQ\" }\n"
        "site dc { name = \"DC\" }\n"
        "site dr { name = \"DR\" alternate = site.hq }\n"
        "site home { name = \"Home\" }\n"
        "contact solo { name = \"Solo\" }\n"
        "contact boss { name = \"Boss\" }\n"
        "contact dep { name = \"Dep\" substitute = contact.boss }\n"
        "supplier vendor { name = \"Vendor\" }\n"
        "supplier dual { name = \"Dual\" alternates = [supplier.vendor] }\n"
        "supplier minor { name = \"Minor\" critical = false }\n"
        "system erp { title = \"ERP\" vendor = supplier.vendor sites = [site.dc] }\n"
        "system crm { title = \"CRM\" fallback = \"paper\" sites = [site.dc] dr_site = site.dr }\n"
        "asset press { title = \"Press\" site = site.hq }\n"
        "asset pcs { title = \"PCs\" quantity = 5 }\n"
        "function base { title = \"Base\" needs = [system.erp, asset.press, asset.pcs] }\n"
        "function sales { title = \"Sales\" priority = 2 needs = [function.base, system.crm, supplier.dual, supplier.minor]\n"
        "  sites = [site.dr] owner = contact.boss deputy = contact.dep key_people = [contact.solo] }\n"
        "function remote { title = \"Remote\" remote_capable = true sites = [site.home] owner = contact.boss }\n"
        "function aside { title = \"Aside\" critical = false needs = [supplier.vendor] sites = [site.home] }\n"
        /* a cycle of needs must not hang the walk */
        "function loop_a { title = \"A\" needs = [function.loop_b] }\n"
        "function loop_b { title = \"B\" needs = [function.loop_a] }\n");
    size_t n;
    bcp_spof *s = bcp_single_points_of_failure(m, &n);
    /* erp: no fallback, needed by base and (through base) sales */
    assert_true(spof_has(s, n, "erp", BCP_SPOF_NO_FALLBACK, 2));
    assert_true(spof_has(s, n, "vendor", BCP_SPOF_NO_ALTERNATE, 2));   /* erp's vendor */
    assert_true(spof_has(s, n, "dc", BCP_SPOF_NO_ALTERNATE, 2));       /* erp's site */
    assert_true(spof_has(s, n, "hq", BCP_SPOF_NO_ALTERNATE, 2));       /* the press's site */
    assert_true(spof_has(s, n, "press", BCP_SPOF_NO_ALTERNATE, 2));
    assert_true(spof_has(s, n, "solo", BCP_SPOF_NO_SUBSTITUTE, 1));
    assert_true(spof_has(s, n, "boss", BCP_SPOF_NO_SUBSTITUTE, 1));    /* owner of remote, which has no deputy */
    assert_false(spof_listed(s, n, "crm"));    /* fallback and DR site */
    assert_false(spof_listed(s, n, "dual"));   /* alternates */
    assert_false(spof_listed(s, n, "minor"));  /* not critical */
    assert_false(spof_listed(s, n, "pcs"));    /* five of them */
    assert_false(spof_listed(s, n, "dr"));     /* has an alternate */
    assert_false(spof_listed(s, n, "home"));   /* remote-capable function; aside is not critical */
    assert_false(spof_listed(s, n, "dep"));
    /* ordered people, systems, suppliers, sites, assets */
    assert_int_equal(s[0].entity->kind, BCP_KIND_CONTACT);
    assert_int_equal(s[n - 1].entity->kind, BCP_KIND_ASSET);
    for (size_t i = 0; i < n; i++)
        if (strcmp(s[i].entity->id, "erp") == 0)
            assert_string_equal(s[i].functions[0]->id, "base"); /* by priority */
    bcp_spofs_free(s, n);
    bcp_model_free(m);
}

static void test_links(void **state)
{
    (void)state;
    assert_int_equal(bcp_link_check("https://wiki.example.com/dr/erp"), BCP_LINK_WEB);
    assert_int_equal(bcp_link_check("HTTP://wiki.example.com"), BCP_LINK_WEB);
    assert_int_equal(bcp_link_check("runbooks/erp.md"), BCP_LINK_PATH);
    assert_int_equal(bcp_link_check("../erp.md"), BCP_LINK_PATH);
    assert_int_equal(bcp_link_check("javascript:alert(1)"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check("file:///etc/passwd"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check("C:\\runbooks\\erp.doc"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check("https://"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check("https://a.example/x y"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check("https://a.example/<script>"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check("https://a.example/a|b"), BCP_LINK_BAD);
    assert_int_equal(bcp_link_check(""), BCP_LINK_BAD);
    bcp_model *m = load_text(PLAN
        "function f { title = \"F\" runbook = \"javascript:alert(1)\" }\n"
        "system s { title = \"S\" runbook = \"runbooks/s.md\" }\n"
        "scenario x { title = \"X\" runbook = \"https://wiki.example.com/x\" }\n");
    assert_int_equal(count_code(m, "E140"), 1);
    expect_diag_at(m, "E140", 2, 36, "`runbook` of function `f` is not an http(s) address or a path", NULL, __FILE__,
                   __LINE__);
    bcp_model_free(m);
}

static void test_levels_and_checklists(void **state)
{
    (void)state;
    /* the stdlib's defaults ... */
    bcp_model *m = load_text(PLAN);
    size_t n;
    bcp_entity **l = bcp_activation_levels(m, &n);
    assert_int_equal(n, 4);
    assert_string_equal(l[0]->id, "L1");
    assert_string_equal(l[3]->id, "L4");
    bcp_free(l);
    l = bcp_response_checklists(m, &n);
    assert_true(n >= 3);
    for (size_t i = 1; i < n; i++)
        assert_true(bcp_checklist_window(l[i - 1]) <= bcp_checklist_window(l[i]));
    assert_int_equal(bcp_checklist_window(l[n - 1]), 2);
    bcp_free(l);
    bcp_model_free(m);
    /* ... until the plan declares its own */
    m = load_text(PLAN
        "team crisis { title = \"Crisis\" }\n"
        "activation_level red { order = 2 title = \"Red\" invoked_by = [team.crisis] }\n"
        "activation_level amber { order = 1 title = \"Amber\" }\n"
        "checklist later { window = after_first_day items = [\"c\"] }\n"
        "checklist first { window = first_hour items = [\"a\", \"b\"] }\n");
    expect_clean(m, __FILE__, __LINE__);
    l = bcp_activation_levels(m, &n);
    assert_int_equal(n, 2);
    assert_string_equal(l[0]->id, "amber");
    assert_string_equal(l[1]->id, "red");
    bcp_free(l);
    l = bcp_response_checklists(m, &n);
    assert_int_equal(n, 2);
    assert_string_equal(l[0]->id, "first");
    bcp_free(l);
    bcp_model_free(m);
}

static void test_nested_blocks_belong_in_functions(void **state)
{
    (void)state;
    bcp_model *m = load_text(PLAN
        "impact { after = 4h financial = 2 }\n"
        "system s { title = \"S\" site_rto { site = site.x rto = 4h } }\n"
        "function f { title = \"F\" impact { financial = 9 } }\n");
    assert_int_equal(count_code(m, "E117"), 2);
    assert_int_equal(count_code(m, "E109"), 1); /* after */
    assert_int_equal(count_code(m, "E114"), 1); /* 9 */
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_curve_verdicts),
        cmocka_unit_test(test_single_points_of_failure),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_levels_and_checklists),
        cmocka_unit_test(test_nested_blocks_belong_in_functions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
