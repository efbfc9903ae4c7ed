/* The build gate and redaction through the public API: bcp_build_file
 * refuses lint errors unless asked for a draft, a draft is marked and lists
 * its findings, and a value secret-in-plan flags never reaches a document
 * (bcp_build_file, bcp_plan_render, bcp_plan_render_with), while the shared
 * plan it came from keeps its text. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bcp.h"
#include "test_tmp.h"

#define SECRET "Zq7!password-Hunter2"

/* No crisis team (C107, an error) and a password in a function's fallback
 * (H102), which `suppress` turns off with a comment. */
static const char plan_text[] =
    "plan gate {\n"
    "  title        = \"Gate Ltd plan\"\n"
    "  organization = \"Gate Ltd\"\n"
    "  owner        = contact.owner\n"
    "  language     = \"en\"\n"
    "}\n"
    "function service {\n"
    "  title    = \"Client service\"\n"
    "  rto      = 24h\n"
    "  fallback = \"Laptops at home; VPN password: " SECRET "\"%s\n"
    "  owner    = contact.owner\n"
    "}\n"
    "contact owner {\n"
    "  name  = \"Alex Chen\"\n"
    "  role  = \"Director\"\n"
    "  tier  = 1\n"
    "  phone = \"+44 20 7946 0000\"\n"
    "  email = \"alex@gate.example\"\n"
    "}\n";

static char *write_plan(bool suppress, char *path, size_t size)
{
    test_tmp_path(path, size, "bcp-gate-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fprintf(f, plan_text, suppress ? " # bcp: ignore[secret-in-plan]" : "");
    assert_int_equal(fclose(f), 0);
    return path;
}

static bool has_code(const bcp_diagnostics *set, const char *code)
{
    for (size_t i = 0; i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        if (d->code && strcmp(d->code, code) == 0)
            return true;
    }
    return false;
}

static void test_gate(void **state)
{
    (void)state;
    char path[256];
    write_plan(false, path, sizeof path);
    bcp_build_result r;
    assert_int_equal(bcp_build_file(path, NULL, &r), BCP_ERR_PLAN);
    assert_int_equal(bcp_diagnostics_count_at_least(r.diagnostics, BCP_SEV_ERROR), 0);
    assert_true(has_code(r.findings, "C107"));
    assert_true(has_code(r.findings, "H102"));
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++)
        assert_null(r.documents[f]);
    bcp_build_result_free(&r);

    bcp_build_options o = {.draft = true};
    assert_int_equal(bcp_build_file(path, &o, &r), BCP_OK);
    assert_int_equal(r.redacted, 1);
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++) {
        assert_non_null(r.documents[f]);
        assert_null(strstr(r.documents[f], "Hunter2"));
        assert_non_null(strstr(r.documents[f], "C107"));
    }
    assert_true(strncmp(r.documents[BCP_DOC_MARKDOWN], "> **DRAFT**", 11) == 0);
    assert_non_null(strstr(r.documents[BCP_DOC_HTML], "class=\"draft-mark\""));
    assert_non_null(strstr(r.documents[BCP_DOC_JSON], "\"draft\": true"));
    assert_non_null(strstr(r.documents[BCP_DOC_JSON], "\"open_findings\""));
    /* the warning says where, never what */
    bool said = false;
    for (size_t i = 0; i < bcp_diagnostics_count(r.diagnostics); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(r.diagnostics, i);
        assert_null(strstr(d->message, "Hunter2"));
        said |= d->severity == BCP_SEV_WARNING && strstr(d->message, "redacted") && strstr(d->message, ":10:");
    }
    assert_true(said);
    bcp_build_result_free(&r);
    unlink(path);
}

static void test_suppressed_secret(void **state)
{
    (void)state;
    char path[256];
    write_plan(true, path, sizeof path);
    bcp_build_result r;
    /* C107 still stops it; as a draft the suppressed H102 is not listed, yet its value is redacted */
    bcp_build_options o = {.draft = true, .lang = "zh-CN"};
    assert_int_equal(bcp_build_file(path, &o, &r), BCP_OK);
    assert_false(has_code(r.findings, "H102"));
    assert_int_equal(r.redacted, 1);
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++) {
        assert_null(strstr(r.documents[f], "Hunter2"));
        assert_non_null(strstr(r.documents[f], "已隐去"));
    }
    bcp_build_result_free(&r);
    unlink(path);
}

static void test_plan_render(void **state)
{
    (void)state;
    char path[256];
    write_plan(false, path, sizeof path);
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    bcp_diagnostics *findings, *problems;
    bcp_check_options co = {.no_config = true};
    assert_int_equal(bcp_plan_lint(plan, &co, &findings, NULL), BCP_OK);
    assert_true(has_code(findings, "C107"));

    char *text;
    size_t length;
    for (int pass = 0; pass < 2; pass++) {
        /* through the workspace, then without one (the plan's own text) */
        bcp_workspace *w = pass == 0 ? ws : NULL;
        assert_int_equal(bcp_plan_render(w, plan, BCP_DOC_MARKDOWN, "en", &text, &length, &problems), BCP_OK);
        assert_null(strstr(text, "Hunter2"));
        assert_non_null(strstr(text, "[redacted\\]"));
        assert_null(strstr(text, "DRAFT"));
        bcp_free(text);
        bcp_diagnostics_free(problems);
    }
    bcp_render_options ro = {.lang = "en", .draft = true, .findings = findings};
    assert_int_equal(bcp_plan_render_with(ws, plan, BCP_DOC_JSON, &ro, &text, &length, &problems), BCP_OK);
    assert_null(strstr(text, "Hunter2"));
    assert_non_null(strstr(text, "\"draft\": true"));
    assert_non_null(strstr(text, "\"code\": \"C107\""));
    bcp_free(text);
    bcp_diagnostics_free(problems);

    /* the shared plan is never written: its value is still the original */
    const bcp_entity *fn = bcp_plan_find(plan, "function", "service");
    assert_non_null(fn);
    const char *value = NULL;
    size_t n;
    assert_true(bcp_value_text(bcp_attribute_value(bcp_entity_attribute(fn, "fallback")), &value, &n));
    assert_non_null(strstr(value, SECRET));

    bcp_diagnostics_free(findings);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    unlink(path);
}

static void test_output_names(void **state)
{
    (void)state;
    static const struct { const char *path, *name; } cases[] = {
        {"examples/huadong/plan.bcp", "plan"},
        {"examples/minimal.bcp", "minimal"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bcp_build_result r;
        bcp_build_options o = {.formats = 1u << BCP_DOC_JSON};
        bcp_build_file(cases[i].path, &o, &r);
        assert_string_equal(r.name, cases[i].name);
        bcp_build_result_free(&r);
    }
    char cwd[4096], abs[4200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(abs, sizeof abs, "%s/examples/huadong/plan.bcp", cwd);
    bcp_build_result r;
    bcp_build_options o = {.formats = 1u << BCP_DOC_JSON};
    bcp_build_file(abs, &o, &r);
    assert_string_equal(r.name, "plan");
    bcp_build_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gate),
        cmocka_unit_test(test_suppressed_secret),
        cmocka_unit_test(test_plan_render),
        cmocka_unit_test(test_output_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
