/* serve13c (issue 13): bcp_plan_lint applies the `findings` limit per file
 * (docs/language.md, "Limits") as bcp_check_paths does: a plan with 34
 * findings under `limits { findings = 3 }` gives its first 3 and one E017
 * counting the 31 left out, through bcp_plan_lint, bcp_workspace_lint and the
 * service's inline check (what `bcp serve` runs), the same list
 * bcp_check_paths gives.  A plan beside no configuration, linted next on
 * the same thread, gets all of its findings (bcp_workspace_load resets the
 * configured limits anyway, so that part would pass without the change). */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "service_support.h"
#include "test_tmp.h"

static char dir[256];        /* limited/ (a bcpconfig.bcp with findings = 3) and free/ (none) */
static char limited[300], unlimited[300];

enum { ALL = 34, LIMIT = 3 };

/* minimal.bcp and six functions with nothing but a title: 34 findings. */
static void write_plan(const char *path)
{
    copy_file("examples/minimal.bcp", path);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    for (int i = 1; i <= 6; i++)
        fprintf(f, "function g%d {\n  title = \"G %d\"\n}\n", i, i);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    test_tmp_path(dir, sizeof dir, "bcp-lint-limit-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[400];
    snprintf(path, sizeof path, "%s/limited", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/free", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/limited/bcpconfig.bcp", dir);
    write_text(path, "config {\n  limits { findings = 3 }\n}\n");
    snprintf(limited, sizeof limited, "%s/limited/plan.bcp", dir);
    snprintf(unlimited, sizeof unlimited, "%s/free/plan.bcp", dir);
    write_plan(limited);
    write_plan(unlimited);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(dir);
    return 0;
}

static size_t findings_with(const bcp_diagnostics *set, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        n += d->code && strcmp(d->code, code) == 0;
    }
    return n;
}

/* 3 findings and one E017 saying 31 more, as bcp_check_paths lists them. */
static void assert_limited(const bcp_diagnostics *set, const bcp_diagnostics *checked)
{
    assert_int_equal(bcp_diagnostics_count(set), LIMIT + 1);
    assert_int_equal(findings_with(set, "E017"), 1);
    bool said = false;
    for (size_t i = 0; i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        if (strcmp(d->code, "E017") == 0)
            said = strstr(d->message, "31 more findings") != NULL;
    }
    assert_true(said);
    /* The same findings (bcp_plan_lint sorts its set, E017 among the rest;
     * bcp_check_paths adds E017 after the file's listed ones). */
    assert_int_equal(bcp_diagnostics_count(checked), bcp_diagnostics_count(set));
    for (size_t i = 0; i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *a = bcp_diagnostics_get(set, i);
        bool found = false;
        for (size_t j = 0; j < bcp_diagnostics_count(checked) && !found; j++) {
            const bcp_diagnostic *b = bcp_diagnostics_get(checked, j);
            found = strcmp(a->code, b->code) == 0 && strcmp(a->message, b->message) == 0 &&
                    a->location.line == b->location.line && a->severity == b->severity;
        }
        if (!found)
            fail_msg("bcp_check_paths has no %s \"%s\"", a->code, a->message);
    }
}

static bcp_diagnostics *checked(const char *path)
{
    bcp_check_options o = {.config_root = dir};
    bcp_diagnostics *findings = NULL, *problems = NULL;
    assert_int_equal(bcp_check_paths(&path, 1, &o, &findings, &problems), BCP_OK);
    bcp_diagnostics_free(problems);
    return findings;
}

static void lint(const char *path, bool through_ws, const bcp_diagnostics *want, size_t count)
{
    bcp_workspace_options wo = {.config_root = dir};
    bcp_workspace *ws = bcp_workspace_new(&wo);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    bcp_check_options o = {.config_root = dir};
    bcp_diagnostics *findings = NULL, *problems = NULL;
    bcp_status s = through_ws ? bcp_workspace_lint(ws, plan, &o, &findings, &problems)
                              : bcp_plan_lint(plan, &o, &findings, &problems);
    assert_int_equal(s, BCP_OK);
    if (count == LIMIT + 1)
        assert_limited(findings, want);
    else
        assert_int_equal(bcp_diagnostics_count(findings), count);
    assert_int_equal(findings_with(findings, "E017"), count == LIMIT + 1);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_plan_lint_limit(void **state)
{
    (void)state;
    bcp_diagnostics *want = checked(limited), *all = checked(unlimited);
    assert_int_equal(bcp_diagnostics_count(want), LIMIT + 1);   /* the check path's own figure */
    assert_int_equal(bcp_diagnostics_count(all), ALL);
    lint(limited, false, want, LIMIT + 1);
    lint(unlimited, false, all, ALL);    /* the limit of the lint before is gone */
    lint(limited, true, want, LIMIT + 1);
    lint(unlimited, true, all, ALL);
    bcp_diagnostics_free(want);
    bcp_diagnostics_free(all);
}

/* The service's inline check (bcp serve's POST /v1/check with text). */
static void test_service_inline_check_limit(void **state)
{
    (void)state;
    char root[300];
    snprintf(root, sizeof root, "%s/limited", dir);
    bcp_service_options so = {.root = root};
    bcp_service *svc = bcp_service_new(&so);
    assert_non_null(svc);
    char *text = read_text(limited);
    json_t *rq = json_pack("{s:s,s:s}", "text", text, "name", "plan.bcp");
    char *body = json_dumps(rq, JSON_COMPACT);
    char *resp = NULL;
    size_t len = 0;
    bcp_status s = bcp_service_call(svc, "check", body, strlen(body), &resp, &len);
    if (s != BCP_OK)
        fail_msg("check: %s", resp);
    json_t *out = json_loadb(resp, len, 0, NULL);
    assert_non_null(out);
    json_t *list = json_object_get(out, "findings");
    assert_int_equal(json_array_size(list), LIMIT + 1);
    size_t e017 = 0;
    for (size_t i = 0; i < json_array_size(list); i++)
        e017 += strcmp(json_string_value(json_object_get(json_array_get(list, i), "code")), "E017") == 0;
    assert_int_equal(e017, 1);
    json_decref(out);
    bcp_free(resp);
    free(body);
    json_decref(rq);
    free(text);
    bcp_service_free(svc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_lint_limit),
        cmocka_unit_test(test_service_inline_check_limit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
