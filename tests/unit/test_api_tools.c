/* The API's tools part: reports rendered into buffers (text with notes and
 * fix-its, gcc, JSON, SARIF, GitHub), check, fmt, build, init, diff, parse,
 * schema and the catalogue, called the way the CLI and a server call them. */
#include <jansson.h>
#include <stdlib.h>

#include "test_support.h"

#include "bcp.h"
#include "report/diagnostics.h"
#include "rules/rule.h"

static const char bad_plan[] = "plan p {\n  title = \"P\"\n  colour = 3\n  organization = \"O\"\n}\n";

/* A set holding the diagnostics of a model loaded from `text`. */
static bcp_diagnostics *set_of(const char *text, bcp_model **model)
{
    bcp_model *m = load_text(text);
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_diagnostics_add_list(set, bcp_model_diags(m));
    *model = m;
    return set;
}

static char *render(const bcp_diagnostics *set, bcp_report_format format)
{
    bcp_report_options o = {format, false, true};
    size_t length = 0;
    char *text = bcp_report_render(set, &o, &length);
    assert_non_null(text);
    assert_int_equal(strlen(text), length);
    return text;
}

static void test_report_formats(void **state)
{
    (void)state;
    bcp_model *m;
    bcp_diagnostics *set = set_of(bad_plan, &m);
    bcp_model_free(m); /* the set outlives its model */
    assert_true(bcp_diagnostics_count(set) > 0);
    const bcp_diagnostic *d = bcp_diagnostics_get(set, 0);
    assert_string_equal(d->location.path, TEST_PATH);

    char *text = render(set, BCP_REPORT_TEXT);
    assert_non_null(strstr(text, "test.bcp:3:3: error: "));
    assert_non_null(strstr(text, "    3 |   colour = 3\n      |   ^^^^^^\n"));
    assert_non_null(strstr(text, "1 error, 0 warnings\n"));
    bcp_free(text);

    text = render(set, BCP_REPORT_GCC);
    assert_non_null(strstr(text, "test.bcp:3:3: error: "));
    assert_non_null(strstr(text, " [E102 unknown-attribute]\n"));
    bcp_free(text);

    text = render(set, BCP_REPORT_GITHUB);
    assert_non_null(strstr(text, "::error file=test.bcp,line=3,col=3,endLine=3,endColumn=9,title=E102"));
    bcp_free(text);

    text = render(set, BCP_REPORT_JSON);
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    assert_non_null(doc);
    assert_int_equal(json_integer_value(json_object_get(doc, "version")), 1);
    json_t *f = json_array_get(json_object_get(doc, "findings"), 0);
    assert_string_equal(json_string_value(json_object_get(f, "code")), "E102");
    assert_int_equal(json_integer_value(json_object_get(f, "end_column")), 9);
    json_decref(doc);
    bcp_free(text);

    text = render(set, BCP_REPORT_SARIF);
    doc = json_loads(text, 0, &err);
    assert_non_null(doc);
    assert_string_equal(json_string_value(json_object_get(doc, "version")), "2.1.0");
    bcp_free(text);
    json_decref(doc);

    bcp_report_format format;
    assert_int_equal(bcp_report_format_from_name("sarif", &format), BCP_OK);
    assert_int_equal(format, BCP_REPORT_SARIF);
    assert_int_equal(bcp_report_format_from_name("xml", &format), BCP_ERR_INVALID);
    bcp_diagnostics_free(set);
}

/* Notes and fix-its: text lines, SARIF relatedLocations and fixes, JSON arrays. */
static void test_notes_and_fixits(void **state)
{
    (void)state;
    static const char text[] = "site a { name = \"A\" }\nsite a { name = \"B\" }\n";
    bcp_source *src = bcp_source_from_memory("dup.bcp", text, strlen(text), true);
    bcp_span first = {.source = src, .start_byte = 5, .end_byte = 6, .row = 0, .byte_column = 5};
    bcp_span second = {.source = src, .start_byte = 27, .end_byte = 28, .row = 1, .byte_column = 5};
    bcp_diag_list list = {0};
    bcp_diag *d = bcp_diag_add(&list, BCP_SEV_ERROR, "E108", "duplicate-id", &second, "site `a` is defined twice");
    bcp_diag_add_note(d, &first, "first defined here");
    bcp_diag_add_fix(d, &second, "a2", "rename it `%s`", "a2");
    bcp_diag_add_fix(d, &first, "a1", "rename the first `%s`", "a1");
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_diagnostics_add_list(set, &list);
    bcp_diag_list_free(&list);
    bcp_source_free(src);

    char *out = render(set, BCP_REPORT_TEXT);
    assert_non_null(strstr(out, "dup.bcp:2:6: error: site `a` is defined twice [E108 duplicate-id]\n"
                                "    2 | site a { name = \"B\" }\n"
                                "      |      ^\n"
                                "      = note: dup.bcp:1:6: first defined here\n"
                                "      = fix: rename it `a2`\n"
                                "      = fix: rename the first `a1` (dup.bcp:1:6)\n"));
    bcp_free(out);

    out = render(set, BCP_REPORT_SARIF);
    json_error_t err;
    json_t *doc = json_loads(out, 0, &err);
    json_t *result = json_array_get(json_object_get(json_array_get(json_object_get(doc, "runs"), 0), "results"), 0);
    json_t *related = json_array_get(json_object_get(result, "relatedLocations"), 0);
    assert_string_equal(json_string_value(json_object_get(json_object_get(related, "message"), "text")),
                        "first defined here");
    json_t *fix = json_array_get(json_object_get(result, "fixes"), 0);
    json_t *replacement = json_array_get(
        json_object_get(json_array_get(json_object_get(fix, "artifactChanges"), 0), "replacements"), 0);
    assert_string_equal(json_string_value(json_object_get(json_object_get(replacement, "insertedContent"), "text")),
                        "a2");
    json_decref(doc);
    bcp_free(out);

    out = render(set, BCP_REPORT_JSON);
    doc = json_loads(out, 0, &err);
    json_t *f = json_array_get(json_object_get(doc, "findings"), 0);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(f, "notes"), 0), "line")), 1);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(json_object_get(f, "fixes"), 0), "replacement")), "a2");
    json_decref(doc);
    bcp_free(out);

    out = bcp_report_render_item(set, 0, NULL, NULL);
    assert_non_null(strstr(out, "= note: dup.bcp:1:6"));
    assert_null(strstr(out, "1 error")); /* NULL options: no summary */
    bcp_free(out);
    bcp_diagnostics_free(set);
}

static void test_check_paths(void **state)
{
    (void)state;
    const char *paths[] = {"tests/rules/B101.bad.bcp"};
    bcp_check_options o = {.today = "2026-11-27", .no_config = true};
    bcp_diagnostics *findings, *problems;
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, &problems), BCP_OK);
    bool b101 = false;
    for (size_t i = 0; i < bcp_diagnostics_count(findings); i++)
        b101 |= bcp_diagnostics_get(findings, i)->code && strcmp(bcp_diagnostics_get(findings, i)->code, "B101") == 0;
    assert_true(b101);
    assert_int_equal(bcp_diagnostics_count(problems), 0);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);

    /* --ignore B101 turns it off; --no-lint leaves model errors only */
    const char *ignore[] = {"B101"};
    o.ignore = ignore;
    o.ignore_count = 1;
    o.has_ignore = true;
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, NULL), BCP_OK);
    for (size_t i = 0; i < bcp_diagnostics_count(findings); i++) {
        const char *code = bcp_diagnostics_get(findings, i)->code;
        assert_true(!code || strcmp(code, "B101") != 0);
    }
    bcp_diagnostics_free(findings);

    const char *missing[] = {"tests/no/such/file.bcp"};
    assert_int_equal(bcp_check_paths(missing, 1, &o, &findings, &problems), BCP_ERR_NOT_FOUND);
    assert_int_equal(bcp_diagnostics_count(problems), 1);
    assert_string_equal(bcp_diagnostics_get(problems, 0)->message, "tests/no/such/file.bcp: no such file or directory");
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);

    o.today = "yesterday";
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, &problems), BCP_ERR_INVALID);
    assert_int_equal(bcp_diagnostics_count(findings), 0);
    assert_int_equal(bcp_diagnostics_count(problems), 1);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);

    o.today = "2026-11-27";
    o.profile = "no-such-profile";
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, &problems), BCP_ERR_PLAN);
    assert_non_null(strstr(bcp_diagnostics_get(problems, 0)->message, "unknown profile `no-such-profile`"));
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
}

static void test_collect_files(void **state)
{
    (void)state;
    const char *paths[] = {"examples/huadong"};
    char **files;
    size_t count;
    assert_int_equal(bcp_collect_plan_files(paths, 1, &files, &count, NULL), BCP_OK);
    assert_true(count >= 2);
    for (size_t i = 1; i < count; i++)
        assert_true(strcmp(files[i - 1], files[i]) < 0);
    for (size_t i = 0; i < count; i++)
        assert_non_null(strstr(files[i], ".bcp"));
    bcp_free_strings(files, count);
}

static void test_format(void **state)
{
    (void)state;
    static const char messy[] = "plan p {title=\"P\"}\n";
    char *out;
    size_t length;
    bool changed = false;
    bcp_diagnostics *problems;
    assert_int_equal(bcp_format_text("p.bcp", messy, strlen(messy), &out, &length, &changed, &problems), BCP_OK);
    assert_true(changed);
    assert_int_equal(strlen(out), length);
    /* formatting is idempotent */
    char *again;
    bool changed_again = true;
    assert_int_equal(bcp_format_text("p.bcp", out, length, &again, NULL, &changed_again, NULL), BCP_OK);
    assert_false(changed_again);
    assert_string_equal(out, again);
    bcp_free(again);
    bcp_free(out);
    bcp_diagnostics_free(problems);

    static const char broken[] = "plan p { title = }\n";
    assert_int_equal(bcp_format_text("b.bcp", broken, strlen(broken), &out, NULL, NULL, &problems), BCP_ERR_PLAN);
    assert_null(out);
    assert_true(bcp_diagnostics_has_syntax_errors(problems));
    bcp_diagnostics_free(problems);

    assert_int_equal(bcp_format_file("no/such.bcp", &out, NULL, NULL, NULL, NULL, &problems), BCP_ERR_IO);
    assert_int_equal(bcp_diagnostics_count(problems), 1);
    bcp_diagnostics_free(problems);
}

static void test_build(void **state)
{
    (void)state;
    bcp_build_result r;
    assert_int_equal(bcp_build_file("examples/minimal.bcp", NULL, &r), BCP_OK);
    assert_string_equal(r.name, "minimal");
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++) {
        assert_non_null(r.documents[f]);
        assert_int_equal(strlen(r.documents[f]), r.lengths[f]);
    }
    assert_non_null(strstr(r.documents[BCP_DOC_HTML], "<html"));
    bcp_build_result_free(&r);

    bcp_build_options o = {.lang = "xx", .formats = 1u << BCP_DOC_JSON};
    assert_int_equal(bcp_build_file("examples/minimal.bcp", &o, &r), BCP_ERR_NOT_FOUND);
    assert_non_null(strstr(bcp_diagnostics_get(r.diagnostics, 0)->message, "no locale `xx`"));
    bcp_build_result_free(&r);

    assert_int_equal(bcp_build_file("tests/cli/golden/check/e103-wrong-type.bcp", NULL, &r), BCP_ERR_PLAN);
    assert_true(bcp_diagnostics_count_at_least(r.diagnostics, BCP_SEV_ERROR) > 0);
    assert_null(r.documents[BCP_DOC_MARKDOWN]);
    bcp_build_result_free(&r);
}

static void test_init(void **state)
{
    (void)state;
    bcp_init_options o = {.industry = "finance", .sites = "Shanghai, Beijing"};
    char *text;
    size_t length;
    bcp_diagnostics *problems;
    assert_int_equal(bcp_init_plan(&o, &text, &length, &problems), BCP_OK);
    assert_int_equal(bcp_diagnostics_count(problems), 0);
    assert_non_null(strstr(text, "site shanghai"));
    /* the starter is already in the canonical layout */
    bool changed = true;
    char *formatted;
    assert_int_equal(bcp_format_text("plan.bcp", text, length, &formatted, NULL, &changed, NULL), BCP_OK);
    assert_false(changed);
    bcp_free(formatted);
    bcp_free(text);
    bcp_diagnostics_free(problems);

    o.industry = "piracy";
    assert_int_equal(bcp_init_plan(&o, &text, NULL, &problems), BCP_ERR_NOT_FOUND);
    assert_null(text);
    assert_non_null(strstr(bcp_diagnostics_get(problems, 0)->message, "unknown industry `piracy`"));
    bcp_diagnostics_free(problems);
}

static void test_diff_parse_schema(void **state)
{
    (void)state;
    char *text;
    size_t length;
    bool differ = true;
    bcp_diagnostics *problems;
    assert_int_equal(bcp_diff_files("examples/minimal.bcp", "examples/minimal.bcp", NULL, &text, &length, &differ,
                                    &problems),
                     BCP_OK);
    assert_false(differ);
    bcp_free(text);
    bcp_diagnostics_free(problems);
    assert_int_equal(bcp_diff_files("/dev/null", "examples/minimal.bcp", NULL, &text, &length, &differ, NULL), BCP_OK);
    assert_true(differ);
    assert_true(length > 0);
    bcp_free(text);

    assert_int_equal(bcp_dump_file("examples/minimal.bcp", NULL, &text, &length, NULL), BCP_OK);
    assert_non_null(strstr(text, "plan "));
    bcp_free(text);

    assert_int_equal(bcp_parse_file("examples/minimal.bcp", &text, &length, &problems), BCP_OK);
    assert_true(strncmp(text, "(source_file", 12) == 0);
    assert_int_equal(bcp_diagnostics_count(problems), 0);
    bcp_free(text);
    bcp_diagnostics_free(problems);

    text = bcp_schema_reference(&length);
    assert_true(strncmp(text, "## Entity reference\n", 20) == 0);
    assert_non_null(strstr(text, "#### `plan`"));
    bcp_free(text);
}

static void test_catalogue(void **state)
{
    (void)state;
    size_t total = bcp_code_total(), lint = 0;
    assert_true(total >= 34);
    for (size_t i = 0; i < total; i++) {
        const bcp_code *c = bcp_code_get(i);
        assert_non_null(c->code);
        assert_non_null(c->name);
        assert_non_null(c->summary);
        assert_ptr_equal(bcp_code_lookup(c->code), c);
        assert_ptr_equal(bcp_code_lookup(c->name), c);
        lint += c->group == BCP_CODE_LINT;
    }
    assert_null(bcp_code_get(total));
    assert_int_equal(lint, bcp_rule_count); /* every registered rule, and nothing else */
    const bcp_code *d = bcp_code_lookup("d101");
    assert_non_null(d);
    assert_string_equal(d->code, "D101");
    assert_non_null(d->example);
    assert_non_null(d->fixed_example);
    assert_null(bcp_code_lookup("Z999"));

    char *page = bcp_code_explain(d, BCP_PAGE_TEXT, NULL);
    assert_true(strncmp(page, "D101 missing-backup (", 21) == 0);
    assert_non_null(strstr(page, "\nFlagged (lines marked `# expect: D101`):\n"));
    bcp_free(page);
    page = bcp_code_explain(d, BCP_PAGE_MARKDOWN, NULL);
    assert_true(strncmp(page, "# D101 `missing-backup`", 23) == 0);
    bcp_free(page);

    page = bcp_code_reference(NULL);
    for (size_t i = 0; i < total; i++)
        assert_non_null(strstr(page, bcp_code_get(i)->code));
    bcp_free(page);
}

/* The operations on a plan loaded through a workspace (the editor part). */
static void test_plan_operations(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan, *other;
    assert_int_equal(bcp_workspace_load(ws, "tests/rules/B101.bad.bcp", &plan), BCP_OK);
    assert_int_equal(bcp_workspace_load(ws, "examples/minimal.bcp", &other), BCP_OK);
    bcp_check_options o = {.today = "2026-11-27", .no_config = true};
    bcp_diagnostics *findings, *problems;
    assert_int_equal(bcp_plan_lint(plan, &o, &findings, &problems), BCP_OK);
    bool b101 = false;
    for (size_t i = 0; i < bcp_diagnostics_count(findings); i++)
        b101 |= bcp_diagnostics_get(findings, i)->code && strcmp(bcp_diagnostics_get(findings, i)->code, "B101") == 0;
    assert_true(b101);
    /* linting twice gives the same: the plan itself is not changed */
    bcp_diagnostics *again;
    assert_int_equal(bcp_plan_lint(plan, &o, &again, NULL), BCP_OK);
    assert_int_equal(bcp_diagnostics_count(again), bcp_diagnostics_count(findings));
    bcp_diagnostics_free(again);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);

    char *text;
    size_t length;
    assert_int_equal(bcp_plan_render(ws, other, BCP_DOC_JSON, "en", &text, &length, &problems), BCP_OK);
    assert_true(length > 0 && text[0] == '{');
    bcp_free(text);
    bcp_diagnostics_free(problems);
    assert_int_equal(bcp_plan_render(ws, other, BCP_DOC_MARKDOWN, "xx", &text, &length, &problems), BCP_ERR_NOT_FOUND);
    assert_null(text);
    bcp_diagnostics_free(problems);

    bool differ = false;
    assert_int_equal(bcp_diff_plans(other, other, NULL, &text, &length, &differ), BCP_OK);
    assert_false(differ);
    bcp_free(text);
    assert_int_equal(bcp_diff_plans(plan, other, NULL, &text, &length, &differ), BCP_OK);
    assert_true(differ);
    bcp_free(text);
    bcp_plan_free(plan);
    bcp_plan_free(other);
    bcp_workspace_free(ws);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_formats), cmocka_unit_test(test_notes_and_fixits),
        cmocka_unit_test(test_check_paths),    cmocka_unit_test(test_collect_files),
        cmocka_unit_test(test_format),         cmocka_unit_test(test_build),
        cmocka_unit_test(test_init),           cmocka_unit_test(test_diff_parse_schema),
        cmocka_unit_test(test_catalogue),      cmocka_unit_test(test_plan_operations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
