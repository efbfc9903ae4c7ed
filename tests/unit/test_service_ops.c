/* The service operations on the plans of issue 14 (simulate, graph,
 * readiness), build's html from an inline text, and the configuration
 * search kept inside the root: each answer is compared with what the
 * library gives for the same plan, and every refusal has its code.
 * Run from the repository root (as `make unit` does). */
#define _DEFAULT_SOURCE
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "service_support.h"
#include "test_tmp.h"

static char top[256];    /* holds bcpconfig.bcp (must not be read) and root/ */
static char root[300];

static int setup(void **state)
{
    (void)state;
    test_tmp_path(top, sizeof top, "bcp-svc-ops-XXXXXX");
    assert_non_null(mkdtemp(top));
    snprintf(root, sizeof root, "%s/root", top);
    assert_int_equal(mkdir(root, 0755), 0);
    copy_examples(root);
    char path[512];
    /* above the root: a configuration no operation may use (it is broken,
     * so a check that used it would stop) */
    snprintf(path, sizeof path, "%s/bcpconfig.bcp", top);
    write_text(path, "config {\n  docs_url = 42\n}\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(top);
    return 0;
}

static bcp_service *service(bool allow_write)
{
    return service_on(root, allow_write);
}

static void refused(const bcp_service *svc, const char *op, const char *request, bcp_status expect, const char *code,
                    const char *diag)
{
    refused_with(svc, op, request, expect, code, diag);
}

/* A request {"text": <the file's text>, ...more}. */
static char *text_request(const char *file, const char *more)
{
    char *text = read_text(file);
    json_t *req = json_pack("{s:s}", "text", text);
    free(text);
    if (more) {
        json_t *extra = json_loads(more, 0, NULL);
        assert_non_null(extra);
        json_object_update(req, extra);
        json_decref(extra);
    }
    char *out = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    return out;
}

static bcp_plan *load(bcp_workspace **ws, const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    *ws = bcp_workspace_new(NULL);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(*ws, path, &plan), BCP_OK);
    return plan;
}

/* The JSON `bcp simulate --format json` prints for these simulations. */
static json_t *rendered(bcp_simulation **sims, size_t count)
{
    size_t length;
    char *text = bcp_simulation_render((const bcp_simulation *const *)sims, count, BCP_SIMULATION_JSON, &length);
    json_t *doc = json_loadb(text, length, 0, NULL);
    assert_non_null(doc);
    bcp_free(text);
    for (size_t i = 0; i < count; i++)
        bcp_simulation_free(sims[i]);
    return doc;
}

/* The JSON `bcp simulate --format json` prints for the plan at root/rel. */
static json_t *from_file(const char *rel, bcp_simulate_mode mode)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    bcp_simulate_file_options fo = {.mode = mode, .format = BCP_SIMULATION_JSON};
    char *text = NULL;
    size_t length = 0;
    bcp_diagnostics *problems = NULL;
    assert_int_equal(bcp_simulate_file(path, &fo, &text, &length, NULL, &problems), BCP_OK);
    bcp_diagnostics_free(problems);
    json_t *doc = json_loadb(text, length, 0, NULL);
    assert_non_null(doc);
    bcp_free(text);
    return doc;
}

static void test_simulate(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    bcp_workspace *ws;
    bcp_plan *plan = load(&ws, "huadong/plan.bcp");

    /* all_scenarios: the simulations the library gives, as the CLI's JSON */
    json_t *doc = call(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"all_scenarios\":true}", BCP_OK);
    bcp_simulation **sims;
    size_t count;
    assert_int_equal(bcp_simulate_scenarios(plan, 0, &sims, &count), BCP_OK);
    assert_true(count >= 3);
    json_t *expect = rendered(sims, count);
    bcp_free(sims);
    assert_true(json_equal(doc, expect));
    assert_int_equal(json_array_size(json_object_get(doc, "simulations")), count);
    json_decref(expect);
    json_decref(doc);

    /* lose for a time, from a date */
    doc = call(svc, "simulate",
               "{\"path\":\"huadong/plan.bcp\",\"lose\":[\"site.shanghai\"],\"for\":\"12h\",\"at\":\"2026-12-04\"}",
               BCP_OK);
    const char *lose[] = {"site.shanghai"};
    bcp_simulation_options so = {.lose = lose, .lose_count = 1, .duration = 12 * 3600, .has_start = true};
    assert_true(bcp_datetime_parse("2026-12-04", &so.start));
    bcp_simulation *one;
    bcp_diagnostics *problems = NULL;
    assert_int_equal(bcp_simulate(plan, &so, &one, &problems), BCP_OK);
    bcp_diagnostics_free(problems);
    expect = rendered(&one, 1);
    assert_true(json_equal(doc, expect));
    json_t *sim0 = json_array_get(json_object_get(doc, "simulations"), 0);
    assert_string_equal(json_string_value(json_array_get(json_object_get(sim0, "lost"), 0)), "site.shanghai");
    assert_true(json_array_size(json_object_get(sim0, "functions")) > 0);
    json_decref(expect);
    json_decref(doc);

    /* a scenario by id; each (only the losses that breach an MTPD) */
    doc = call(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"scenario\":\"typhoon\"}", BCP_OK);
    sim0 = json_array_get(json_object_get(doc, "simulations"), 0);
    assert_string_equal(json_string_value(json_object_get(sim0, "scenario")), "scenario.typhoon");
    json_decref(doc);
    doc = call(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"each\":true}", BCP_OK);
    assert_int_equal(bcp_simulate_each(plan, 0, true, &sims, &count), BCP_OK);
    expect = rendered(sims, count);
    bcp_free(sims);
    assert_true(json_equal(json_object_get(doc, "simulations"), json_object_get(expect, "simulations")));
    json_decref(expect);
    /* with --each's summary: what the command prints */
    expect = from_file("huadong/plan.bcp", BCP_SIMULATE_EACH);
    assert_non_null(json_object_get(doc, "each"));
    assert_true(json_equal(doc, expect));
    json_decref(expect);
    json_decref(doc);

    /* inline text: the same answer as its file */
    char *req = text_request("examples/minimal.bcp", "{\"lose\":\"system.email\"}");
    doc = call(svc, "simulate", req, BCP_OK);
    free(req);
    json_t *from_file = call(svc, "simulate", "{\"path\":\"minimal.bcp\",\"lose\":[\"system.email\"]}", BCP_OK);
    assert_true(json_equal(doc, from_file));
    json_decref(from_file);
    json_decref(doc);

    /* refusals */
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\"}", BCP_ERR_INVALID, "E300", NULL);
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"each\":true,\"all_scenarios\":true}", BCP_ERR_INVALID,
            "E300", NULL);
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"each\":true,\"for\":\"soon\"}", BCP_ERR_INVALID, "E300",
            NULL);
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"each\":true,\"at\":\"tomorrow\"}", BCP_ERR_INVALID,
            "E300", NULL);
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"lose\":[\"system.nope\"]}", BCP_ERR_INVALID, "E300",
            "E210");
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"scenario\":\"nope\"}", BCP_ERR_INVALID, "E300", NULL);
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"each\":1}", BCP_ERR_INVALID, "E300", NULL);
    refused(svc, "simulate", "{\"path\":\"huadong/plan.bcp\",\"each\":true,\"loose\":[]}", BCP_ERR_INVALID, "E300",
            NULL);
    refused(svc, "simulate", "{\"path\":\"../x.bcp\",\"each\":true}", BCP_ERR_NOT_FOUND, "E302", NULL);
    refused(svc, "simulate", "{\"path\":\"none.bcp\",\"each\":true}", BCP_ERR_NOT_FOUND, "E305", NULL);
    refused(svc, "simulate", "{\"text\":\"plan p {\\n  title = 3\\n}\\n\",\"each\":true}", BCP_ERR_PLAN, "E307",
            "E103");
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    bcp_service_free(svc);
}

static void test_graph(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    char path[512];
    snprintf(path, sizeof path, "%s/huadong/plan.bcp", root);
    static const char *const formats[] = {"dot", "svg", "mermaid"};
    static const char *const marks[] = {"digraph", "<svg", "flowchart"};
    for (int f = 0; f < 3; f++) {
        char req[200];
        snprintf(req, sizeof req, "{\"path\":\"huadong/plan.bcp\",\"format\":\"%s\",\"lang\":\"en\"}", formats[f]);
        json_t *doc = call(svc, "graph", req, BCP_OK);
        assert_string_equal(json_string_value(json_object_get(doc, "format")), formats[f]);
        const char *text = json_string_value(json_object_get(doc, "text"));
        assert_non_null(strstr(text, marks[f]));
        /* byte for byte what `bcp graph` writes */
        bcp_graph_options go = {.lang = "en"};
        assert_int_equal(bcp_graph_format_from_name(formats[f], &go.format), BCP_OK);
        char *expect;
        size_t length;
        assert_int_equal(bcp_graph_file(path, &go, &expect, &length, NULL), BCP_OK);
        assert_int_equal(strlen(text), length);
        assert_string_equal(text, expect);
        bcp_free(expect);
        json_decref(doc);
    }
    /* dot by default; a focus keeps part of the graph */
    json_t *whole = call(svc, "graph", "{\"path\":\"huadong/plan.bcp\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(whole, "format")), "dot");
    json_t *part = call(svc, "graph", "{\"path\":\"huadong/plan.bcp\",\"focus\":\"system.erp\"}", BCP_OK);
    assert_true(strlen(json_string_value(json_object_get(part, "text"))) <
                strlen(json_string_value(json_object_get(whole, "text"))));
    json_decref(part);
    json_decref(whole);
    /* inline text */
    char *req = text_request("examples/minimal.bcp", "{\"format\":\"mermaid\"}");
    json_t *doc = call(svc, "graph", req, BCP_OK);
    free(req);
    assert_non_null(strstr(json_string_value(json_object_get(doc, "text")), "system_email"));
    json_decref(doc);
    /* refusals */
    refused(svc, "graph", "{\"path\":\"huadong/plan.bcp\",\"format\":\"png\"}", BCP_ERR_INVALID, "E300", NULL);
    refused(svc, "graph", "{\"path\":\"huadong/plan.bcp\",\"focus\":\"system.nope\"}", BCP_ERR_INVALID, "E300",
            "E230");
    refused(svc, "graph", "{\"path\":\"huadong/plan.bcp\",\"focus\":\"sytem.erp\"}", BCP_ERR_INVALID, "E300", "E231");
    refused(svc, "graph", "{\"path\":\"huadong/plan.bcp\",\"lang\":\"xx\"}", BCP_ERR_INVALID, "E300", NULL);
    refused(svc, "graph", "{\"text\":\"plan p {\\n  title = 3\\n}\\n\"}", BCP_ERR_PLAN, "E307", "E103");
    refused(svc, "graph", "{\"text\":\"contact c {\\n  name = \\\"C\\\"\\n}\\n\"}", BCP_ERR_PLAN, "E307", NULL);
    refused(svc, "graph", "{\"path\":\"/etc/passwd\"}", BCP_ERR_NOT_FOUND, "E302", NULL);
    bcp_service_free(svc);
}

static void test_readiness(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "readiness", "{\"path\":\"huadong/plan.bcp\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "file")), "huadong/plan.bcp");
    assert_true(json_is_true(json_object_get(doc, "scored")));
    json_t *r = json_object_get(doc, "readiness");
    char path[512];
    snprintf(path, sizeof path, "%s/huadong/plan.bcp", root);
    bcp_check_options co = {.today = "2026-12-01"};
    bcp_readiness expect;
    assert_int_equal(bcp_readiness_file(path, &co, &expect, NULL), BCP_OK);
    assert_int_equal(json_integer_value(json_object_get(r, "score")), expect.score);
    json_t *areas = json_object_get(r, "areas");
    assert_int_equal(json_array_size(areas), BCP_READY_AREA_COUNT);
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++) {
        json_t *area = json_array_get(areas, (size_t)a);
        assert_string_equal(json_string_value(json_object_get(area, "area")),
                            bcp_readiness_area_name((bcp_readiness_area)a));
        assert_int_equal(json_integer_value(json_object_get(area, "score")), expect.areas[a].score);
        assert_int_equal(json_integer_value(json_object_get(area, "weight")), expect.areas[a].weight);
    }
    bcp_readiness_free(&expect);
    json_decref(doc);
    /* the same object as in `bcp check --summary --format json` */
    const char *p = path;
    size_t length;
    char *summary = bcp_check_summary(&p, 1, &co, NULL, BCP_SUMMARY_JSON, &length);
    json_t *sum = json_loadb(summary, length, 0, NULL);
    bcp_free(summary);
    doc = call(svc, "readiness", "{\"path\":\"huadong/plan.bcp\"}", BCP_OK);
    assert_true(json_equal(json_object_get(doc, "readiness"),
                           json_object_get(json_array_get(json_object_get(sum, "plans"), 0), "readiness")));
    json_decref(sum);
    json_decref(doc);
    /* inline: the text scores as its file does */
    char *req = text_request("examples/minimal.bcp", NULL);
    doc = call(svc, "readiness", req, BCP_OK);
    free(req);
    json_t *file = call(svc, "readiness", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    assert_true(json_equal(json_object_get(doc, "readiness"), json_object_get(file, "readiness")));
    assert_string_equal(json_string_value(json_object_get(doc, "file")), "inline.bcp");
    json_decref(file);
    json_decref(doc);
    refused(svc, "readiness", "{\"text\":\"plan p {\\n  title = 3\\n}\\n\"}", BCP_ERR_PLAN, "E307", "E103");
    refused(svc, "readiness", "{\"text\":\"contact c {\\n  name = \\\"C\\\"\\n}\\n\"}", BCP_ERR_PLAN, "E307", NULL);
    refused(svc, "readiness", "{\"path\":\"huadong/plan.bcp\",\"today\":\"2026-01-01\"}", BCP_ERR_INVALID, "E300",
            NULL);
    refused(svc, "readiness", "{}", BCP_ERR_INVALID, "E300", NULL);
    bcp_service_free(svc);
}

/* build: html of an inline text comes back inline; written only with output
 * and writes allowed. */
static void test_build_html_inline(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    char *req = text_request("examples/minimal.bcp", "{\"format\":\"html\",\"lang\":\"en\"}");
    json_t *doc = call(svc, "build", req, BCP_OK);
    free(req);
    const char *html = json_string_value(json_object_get(doc, "document"));
    assert_non_null(html);
    assert_non_null(strstr(html, "<html"));
    assert_non_null(strstr(html, "Acme Ltd"));
    assert_string_equal(json_string_value(json_object_get(doc, "format")), "html");
    json_decref(doc);
    req = text_request("examples/minimal.bcp", "{\"format\":\"html\",\"output\":\"acme.html\"}");
    refused(svc, "build", req, BCP_ERR_INVALID, "E304", NULL);
    bcp_service_free(svc);
    char out[512];
    snprintf(out, sizeof out, "%s/acme.html", root);
    struct stat st;
    assert_int_not_equal(stat(out, &st), 0);
    svc = service(true);
    doc = call(svc, "build", req, BCP_OK);
    free(req);
    assert_string_equal(json_string_value(json_object_get(doc, "written")), "acme.html");
    assert_null(json_object_get(doc, "document"));
    json_decref(doc);
    char *written = read_text(out);
    assert_non_null(strstr(written, "Acme Ltd"));
    free(written);
    unlink(out);
    bcp_service_free(svc);
}

/* diff: the structured diff (as `bcp diff --format json`) beside the text;
 * the weakening strings are its items' texts, the text report's "!" lines. */
static void test_diff_structured(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    char *old_text = read_text("examples/minimal.bcp");
    char *new_text = malloc(strlen(old_text) + 8);
    strcpy(new_text, old_text);
    char *rto = strstr(new_text, "= 24h");
    assert_non_null(rto);
    rto[2] = '4';
    rto[3] = '8';
    json_t *req = json_pack("{s:s,s:s}", "old_text", old_text, "new_text", new_text);
    char *body = json_dumps(req, JSON_COMPACT);
    json_t *doc = call(svc, "diff", body, BCP_OK);
    assert_true(json_is_true(json_object_get(doc, "differ")));
    json_t *diff = json_object_get(doc, "diff");
    assert_string_equal(json_string_value(json_object_get(diff, "format")), "bcp-diff");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(diff, "counts"), "changed")), 1);
    json_t *change = json_array_get(json_object_get(diff, "changed"), 0);
    assert_string_equal(json_string_value(json_object_get(change, "entity")), "function.service");
    json_t *attr = json_array_get(json_object_get(change, "attributes"), 0);
    assert_string_equal(json_string_value(json_object_get(attr, "old")), "24h");
    assert_string_equal(json_string_value(json_object_get(attr, "new")), "48h");
    json_t *weak = json_object_get(doc, "weakening");
    assert_int_equal(json_array_size(weak), 1);
    const char *line = json_string_value(json_array_get(weak, 0));
    assert_string_equal(line, json_string_value(json_object_get(json_array_get(json_object_get(diff, "weakening"), 0),
                                                                "text")));
    char marked[300];
    snprintf(marked, sizeof marked, "  ! %s\n", line);
    assert_non_null(strstr(json_string_value(json_object_get(doc, "text")), marked));
    json_decref(doc);
    free(body);
    json_decref(req);
    /* the same plan twice: no difference, empty lists */
    req = json_pack("{s:s,s:s}", "old_text", old_text, "new_text", old_text);
    body = json_dumps(req, JSON_COMPACT);
    doc = call(svc, "diff", body, BCP_OK);
    assert_true(json_is_false(json_object_get(doc, "differ")));
    assert_int_equal(json_array_size(json_object_get(json_object_get(doc, "diff"), "changed")), 0);
    assert_int_equal(json_array_size(json_object_get(doc, "weakening")), 0);
    json_decref(doc);
    free(body);
    json_decref(req);
    free(old_text);
    free(new_text);
    bcp_service_free(svc);
}

static size_t finding_count(json_t *doc, const char *code)
{
    size_t n = 0, i;
    json_t *f;
    json_array_foreach(json_object_get(doc, "findings"), i, f) n +=
        strcmp(json_string_value(json_object_get(f, "code")), code) == 0;
    return n;
}

/* The configuration search stops at the root: the broken bcpconfig.bcp
 * above it is not used, one inside it is. */
static void test_config_root(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/minimal.bcp", root);
    /* the library unbounded finds the broken one (the test can fail) ... */
    const char *p = path;
    bcp_check_options co = {.today = "2026-12-01"};
    bcp_diagnostics *findings = NULL, *problems = NULL;
    assert_int_equal(bcp_check_paths(&p, 1, &co, &findings, &problems), BCP_ERR_PLAN);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
    /* ... bounded by config_root, it does not */
    co.config_root = root;
    assert_int_equal(bcp_check_paths(&p, 1, &co, &findings, &problems), BCP_OK);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);

    bcp_service *svc = service(false);
    json_t *doc = call(svc, "check", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    assert_true(finding_count(doc, "H121") > 0);
    json_decref(doc);
    char *text_req = text_request("examples/minimal.bcp", NULL);
    doc = call(svc, "check", text_req, BCP_OK);
    assert_true(finding_count(doc, "H121") > 0);
    json_decref(doc);
    doc = call(svc, "build", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    json_decref(doc);
    doc = call(svc, "build", text_req, BCP_OK);
    json_decref(doc);
    doc = call(svc, "readiness", text_req, BCP_OK);
    json_decref(doc);

    /* a configuration in the root is used, by path and by text */
    char config[512];
    snprintf(config, sizeof config, "%s/bcpconfig.bcp", root);
    write_text(config, "config {\n  ignore = [plan-section-empty]\n}\n");
    doc = call(svc, "check", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    assert_int_equal(finding_count(doc, "H121"), 0);
    json_decref(doc);
    doc = call(svc, "check", text_req, BCP_OK);
    assert_int_equal(finding_count(doc, "H121"), 0);
    json_decref(doc);
    doc = call(svc, "build", text_req, BCP_OK);
    assert_int_equal(finding_count(doc, "H121"), 0);
    json_decref(doc);
    doc = call(svc, "build", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    assert_int_equal(finding_count(doc, "H121"), 0);
    json_decref(doc);
    /* and a broken one in the root stops the check */
    write_text(config, "config {\n  docs_url = 42\n}\n");
    refused(svc, "check", "{\"path\":\"minimal.bcp\"}", BCP_ERR_PLAN, "E307", "E201");
    unlink(config);
    free(text_req);
    bcp_service_free(svc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simulate),
        cmocka_unit_test(test_graph),
        cmocka_unit_test(test_readiness),
        cmocka_unit_test(test_build_html_inline),
        cmocka_unit_test(test_config_root),
        cmocka_unit_test(test_diff_structured),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
