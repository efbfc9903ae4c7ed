/* The loss simulation engine (compiler/model/simulate.c): who is hit, by
 * which chain, which recovery path sets the time, the verdicts, --for, cycles
 * and the single-loss candidates of --each and B111. */
#include "test_support.h"

#include "base/alloc.h"
#include "base/buf.h"
#include "model/simulate.h"

static const char *const plan_text =
    "plan p { title = \"P\" organization = \"O\" }\n"
    "site plant { name = \"Plant\" alternate = site.spare activation_time = 36h }\n"
    "site spare { name = \"Spare\" }\n"
    "site office { name = \"Office\" remote_work = true }\n"
    "site depot { name = \"Depot\" fallback = \"Partner depot\" }\n"
    "supplier steel { name = \"Steel\" alternates = [supplier.steel_b] switch_time = 2w stock = 10d }\n"
    "supplier steel_b { name = \"Steel B\" }\n"
    "supplier msp { name = \"MSP\" sla = 6h }\n"
    "system erp { title = \"ERP\" rto = 48h vendor = supplier.msp sites = [site.plant]\n"
    "  backup nightly { every = 1d restore_time = 8h } }\n"
    "system mail { title = \"Mail\" rto = 4h dr_site = site.spare sites = [site.office] }\n"
    "system wiki { title = \"Wiki\" sites = [site.office, site.depot] }\n"
    "contact boss { name = \"Boss\" }\n"
    "contact deputy { name = \"Deputy\" }\n"
    "contact tech { name = \"Tech\" substitute = contact.deputy }\n"
    "contact lone { name = \"Lone\" }\n"
    "function make { title = \"Make\" rto = 24h mtpd = 72h sites = [site.plant] needs = [supplier.steel]\n"
    "  owner = contact.boss deputy = contact.deputy key_people = [contact.tech] }\n"
    "function ship { title = \"Ship\" rto = 12h mtpd = 3d needs = [function.make, system.erp] sites = [site.depot] }\n"
    "function sell { title = \"Sell\" rto = 4h needs = [system.mail, contact.lone] remote_capable = true sites = [site.plant] }\n"
    "function loop_a { title = \"A\" rto = 8h mtpd = 1w needs = [function.loop_b, system.erp] }\n"
    "function loop_b { title = \"B\" rto = 8h needs = [function.loop_a] }\n"
    "function manual { title = \"Manual\" rto = 8h mtpd = 1w needs = [contact.lone] manual_workaround = \"Paper\" }\n";

static bcp_model *model(void)
{
    bcp_model *m = load_text(plan_text);
    if (bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR))
        print_diags(m);
    assert_int_equal(bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR), 0);
    return m;
}

static bcp_sim_result *lose(bcp_model *m, bcp_kind kind, const char *id, int64_t duration)
{
    const bcp_entity *e = bcp_model_find(m, kind, id);
    assert_non_null(e);
    return bcp_simulate_loss(m, &e, 1, duration);
}

static const bcp_sim_function *fn(const bcp_sim_result *r, const char *id)
{
    for (size_t i = 0; i < r->function_count; i++)
        if (strcmp(r->functions[i].function->id, id) == 0)
            return &r->functions[i];
    return NULL;
}

#define H 3600

static void test_site_alternate_and_upstream(void **state)
{
    (void)state;
    bcp_model *m = model();
    bcp_sim_result *r = lose(m, BCP_KIND_SITE, "plant", 0);
    /* make: plant -> alternate spare after 36h: RTO 24h missed, MTPD 72h kept */
    const bcp_sim_function *f = fn(r, "make");
    assert_non_null(f);
    assert_int_equal(f->path, BCP_SIM_PATH_ALTERNATE_SITE);
    assert_true(f->timed);
    assert_int_equal(f->recovery, 36 * H);
    assert_int_equal(f->verdict, BCP_SIM_RTO_MISSED);
    assert_int_equal(f->chain_length, 2);
    /* ship: make (36h) and erp on the plant (backup restore 8h): the later, 36h, upstream */
    f = fn(r, "ship");
    assert_non_null(f);
    assert_int_equal(f->path, BCP_SIM_PATH_UPSTREAM);
    assert_int_equal(f->recovery, 36 * H);
    assert_int_equal(f->verdict, BCP_SIM_RTO_MISSED);
    /* its chain stops at make, a function of the result with its own chain
     * (make -> plant): each function's links once */
    assert_int_equal(f->chain_length, 2);
    assert_string_equal(f->chain[1]->id, "make");
    assert_string_equal(fn(r, "make")->chain[1]->id, "plant");
    /* sell is remote-capable: its site does not stop it */
    assert_null(fn(r, "sell"));
    /* the cycle loop_a <-> loop_b adds nothing: erp's 8h restore */
    f = fn(r, "loop_a");
    assert_non_null(f);
    assert_int_equal(f->recovery, 8 * H);
    assert_int_equal(f->path, BCP_SIM_PATH_BACKUP_RESTORE);
    /* and loop_b, which needs loop_a, is back with it */
    f = fn(r, "loop_b");
    assert_non_null(f);
    assert_int_equal(f->recovery, 8 * H);
    assert_int_equal(f->path, BCP_SIM_PATH_UPSTREAM);
    assert_true(bcp_sim_breaches_mtpd(r, NULL) == false);
    bcp_sim_result_free(r);
    bcp_model_free(m);
}

static void test_supplier_stock_and_people(void **state)
{
    (void)state;
    bcp_model *m = model();
    /* steel: alternate after 2w, less 10d of stock: 4d > MTPD 72h */
    bcp_sim_result *r = lose(m, BCP_KIND_SUPPLIER, "steel", 0);
    const bcp_sim_function *f = fn(r, "make");
    assert_int_equal(f->path, BCP_SIM_PATH_ALTERNATE_SUPPLIER);
    assert_int_equal(f->recovery, 4 * 24 * H);
    assert_int_equal(f->verdict, BCP_SIM_MTPD_BREACHED);
    const bcp_entity *which = NULL;
    assert_true(bcp_sim_breaches_mtpd(r, &which));
    assert_string_equal(which->id, "make");
    bcp_sim_result_free(r);
    /* the owner: the deputy stands in at once */
    r = lose(m, BCP_KIND_CONTACT, "boss", 0);
    f = fn(r, "make");
    assert_int_equal(f->path, BCP_SIM_PATH_DEPUTY);
    assert_int_equal(f->recovery, 0);
    assert_int_equal(f->verdict, BCP_SIM_WITHIN_RTO);
    bcp_sim_result_free(r);
    /* the key person: the substitute; both lost: nobody */
    const bcp_entity *both[] = {bcp_model_find(m, BCP_KIND_CONTACT, "tech"), bcp_model_find(m, BCP_KIND_CONTACT, "deputy")};
    r = bcp_simulate_loss(m, both, 2, 0);
    f = fn(r, "make");
    assert_int_equal(f->verdict, BCP_SIM_NO_PATH);
    assert_true(bcp_sim_breaches_mtpd(r, NULL));
    bcp_sim_result_free(r);
    /* no way back but a manual workaround: time unknown, not a breach */
    r = lose(m, BCP_KIND_CONTACT, "lone", 0);
    f = fn(r, "manual");
    assert_int_equal(f->verdict, BCP_SIM_TIME_UNKNOWN);
    assert_int_equal(f->path, BCP_SIM_PATH_WORKAROUND);
    f = fn(r, "sell");
    assert_int_equal(f->verdict, BCP_SIM_NO_PATH);
    assert_false(bcp_sim_breaches_mtpd(r, NULL)); /* sell has no MTPD */
    bcp_sim_result_free(r);
    bcp_model_free(m);
}

static void test_systems_and_duration(void **state)
{
    (void)state;
    bcp_model *m = model();
    /* the vendor of erp: erp's own way back, the 8h restore */
    bcp_sim_result *r = lose(m, BCP_KIND_SUPPLIER, "msp", 0);
    const bcp_sim_function *f = fn(r, "ship");
    assert_int_equal(f->path, BCP_SIM_PATH_BACKUP_RESTORE);
    assert_int_equal(f->recovery, 8 * H);
    assert_int_equal(f->verdict, BCP_SIM_WITHIN_RTO);
    bcp_sim_result_free(r);
    /* mail on the office (remote work 0h) */
    r = lose(m, BCP_KIND_SYSTEM, "mail", 0);
    f = fn(r, "sell");
    assert_int_equal(f->path, BCP_SIM_PATH_DR_SITE);
    assert_int_equal(f->recovery, 4 * H);
    bcp_sim_result_free(r);
    /* ship runs only at the depot, whose fallback states no time */
    r = lose(m, BCP_KIND_SITE, "depot", 0);
    f = fn(r, "ship");
    assert_int_equal(f->path, BCP_SIM_PATH_SITE_FALLBACK);
    assert_int_equal(f->verdict, BCP_SIM_TIME_UNKNOWN);
    bcp_sim_result_free(r);
    /* --for 10h: the steel loss ends before the switch: back after 10h */
    r = lose(m, BCP_KIND_SUPPLIER, "steel", 10 * H);
    f = fn(r, "make");
    assert_true(f->loss_ends);
    assert_int_equal(f->recovery, 10 * H);
    assert_int_equal(f->verdict, BCP_SIM_WITHIN_RTO);
    bcp_sim_result_free(r);
    /* a lost alternate is no way back: plant and spare both lost */
    const bcp_entity *sites[] = {bcp_model_find(m, BCP_KIND_SITE, "plant"), bcp_model_find(m, BCP_KIND_SITE, "spare")};
    r = bcp_simulate_loss(m, sites, 2, 0);
    f = fn(r, "make");
    assert_int_equal(f->verdict, BCP_SIM_NO_PATH);
    bcp_sim_result_free(r);
    bcp_model_free(m);
}

/* A chain of N functions, each needing the one before: every function's
 * chain is itself and the function it needs (f0: the system), so the result
 * holds 2N links, not N²/2; following the chains gives the whole way back. */
static void test_chain_linear(void **state)
{
    (void)state;
    enum { N = 400 };
    bcp_buf text = {0};
    bcp_buf_puts(&text, "plan p { title = \"P\" organization = \"O\" }\n"
                        "system s0 { title = \"S0\" rto = 4h }\n"
                        "function f0 { title = \"F0\" rto = 8h needs = [system.s0] }\n");
    for (int i = 1; i < N; i++)
        bcp_buf_printf(&text, "function f%d { title = \"F%d\" rto = 8h needs = [function.f%d] }\n", i, i, i - 1);
    bcp_model *m = load_text(text.data);
    bcp_buf_free(&text);
    bcp_sim_result *r = lose(m, BCP_KIND_SYSTEM, "s0", 0);
    assert_int_equal(r->function_count, N);
    size_t links = 0;
    for (size_t i = 0; i < r->function_count; i++)
        links += r->functions[i].chain_length;
    assert_int_equal(links, 2 * N);
    /* from f399 back to the system, one chain after another */
    const bcp_sim_function *f = fn(r, "f399");
    size_t steps = 0;
    while (f && f->chain[f->chain_length - 1]->kind == BCP_KIND_FUNCTION) {
        f = fn(r, f->chain[f->chain_length - 1]->id);
        steps++;
    }
    assert_int_equal(steps, N - 1);
    assert_non_null(f);
    assert_string_equal(f->function->id, "f0");
    assert_string_equal(f->chain[1]->id, "s0");
    bcp_sim_result_free(r);
    bcp_model_free(m);
}

static void test_candidates(void **state)
{
    (void)state;
    bcp_model *m = model();
    size_t n;
    const bcp_entity **c = bcp_sim_single_candidates(m, &n);
    /* 4 sites, 3 suppliers... in kind order: sites, systems, suppliers, then key people */
    const char *want[] = {"plant", "spare", "office", "depot", "erp", "mail", "wiki", "steel", "steel_b", "msp",
                          "boss", "tech", "lone"};
    assert_int_equal(n, sizeof want / sizeof *want);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(c[i]->id, want[i]);
    bcp_free(c);
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_site_alternate_and_upstream),
        cmocka_unit_test(test_supplier_stock_and_people),
        cmocka_unit_test(test_systems_and_duration),
        cmocka_unit_test(test_chain_linear),
        cmocka_unit_test(test_candidates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
