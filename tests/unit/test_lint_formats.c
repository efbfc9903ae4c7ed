/* The lint engine and its machine-readable outputs: the registry is sorted and
 * unique, selectors and "today" behave, and `bcp check --format json|sarif` on
 * tests/lint/planted.bcp parses back with jansson into exactly the findings
 * its `# expect: CODE` comments plant, with a structurally valid document. */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "test_support.h"

#include "cli/cli.h"
#include "rules/engine.h"
#include "test_tmp.h"

#define PLANTED "tests/lint/planted.bcp"

typedef struct expect {
    int line;
    char code[8];
} expect;

static int compare_expect(const void *a, const void *b)
{
    const expect *x = a, *y = b;
    if (x->line != y->line)
        return x->line - y->line;
    return strcmp(x->code, y->code);
}

/* `# expect: A, B` comments of a file, sorted and unique. */
static size_t read_expectations(const char *path, expect *out, size_t max)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[4096];
    size_t n = 0;
    for (int row = 1; fgets(line, sizeof line, f); row++) {
        char *p = strstr(line, "# expect:");
        if (!p)
            continue;
        p += 9;
        while (*p) {
            while (*p && !isalnum((unsigned char)*p))
                p++;
            char word[16];
            size_t w = 0;
            while (isalnum((unsigned char)*p) && w + 1 < sizeof word)
                word[w++] = *p++;
            word[w] = '\0';
            while (isalnum((unsigned char)*p))
                p++;
            if (w >= 2 && w < 8 && isupper((unsigned char)word[0]) && isdigit((unsigned char)word[1]) && n < max) {
                out[n].line = row;
                strcpy(out[n].code, word);
                n++;
            }
        }
    }
    fclose(f);
    qsort(out, n, sizeof *out, compare_expect);
    return n;
}

static size_t unique(expect *e, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || compare_expect(&e[k - 1], &e[i]) != 0)
            e[k++] = e[i];
    return k;
}

static void assert_same_findings(expect *want, size_t nwant, expect *got, size_t ngot)
{
    qsort(got, ngot, sizeof *got, compare_expect);
    ngot = unique(got, ngot);
    for (size_t i = 0; i < nwant || i < ngot; i++) {
        if (i >= nwant || i >= ngot || compare_expect(&want[i], &got[i]) != 0) {
            fprintf(stderr, "want:\n");
            for (size_t j = 0; j < nwant; j++)
                fprintf(stderr, "  %d %s\n", want[j].line, want[j].code);
            fprintf(stderr, "got:\n");
            for (size_t j = 0; j < ngot; j++)
                fprintf(stderr, "  %d %s\n", got[j].line, got[j].code);
            fail_msg("findings differ from the # expect lines");
        }
    }
}

/* Runs `bcp check --format FORMAT --output TMP planted.bcp` in-process. */
static json_t *run_check(const char *format, int *status)
{
    char out[256];
    test_tmp_path(out, sizeof out, "bcp-lint-formats-XXXXXX");
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    close(fd);
    /* --docs-url: SARIF's helpUri (there is none without it) */
    char *argv[] = {"bcp", "check", "--no-config", "--today", "2026-11-27", "--format", (char *)format,
                    "--docs-url", "https://example.org/bcp/docs/rules/", "--output", out, PLANTED, NULL};
    *status = bcp_cli_main(12, argv);
    json_error_t err;
    json_t *doc = json_load_file(out, 0, &err);
    if (!doc)
        fprintf(stderr, "%s:%d: %s\n", out, err.line, err.text);
    unlink(out);
    assert_non_null(doc);
    return doc;
}

static const char *str_field(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    assert_true(json_is_string(v));
    return json_string_value(v);
}

static json_int_t int_field(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    assert_true(json_is_integer(v));
    return json_integer_value(v);
}

static void test_registry_sorted_unique(void **state)
{
    (void)state;
    assert_true(bcp_rule_count >= 5);
    for (size_t i = 0; i < bcp_rule_count; i++) {
        const bcp_rule *r = bcp_rules[i];
        assert_non_null(r->code);
        assert_non_null(r->name);
        assert_non_null(r->summary);
        assert_non_null(r->rationale);
        assert_non_null(r->fix);
        assert_true(strchr("DRBCMHG", r->code[0]) != NULL);
        for (const char *p = r->name; *p; p++)
            assert_true(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-');
        if (i > 0 && strcmp(bcp_rules[i - 1]->code, r->code) >= 0)
            fail_msg("rules/rules.def is not sorted by code: %s before %s", bcp_rules[i - 1]->code, r->code);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(bcp_rules[j]->name, r->name);
        assert_ptr_equal(bcp_rule_find(r->code), r);
        assert_ptr_equal(bcp_rule_find(r->name), r);
    }
    assert_null(bcp_rule_find("no-such-rule"));
}

static void test_selectors(void **state)
{
    (void)state;
    const bcp_rule *d101 = bcp_rule_find("D101");
    assert_non_null(d101);
    assert_true(bcp_rule_selected_by(d101, "D101"));
    assert_true(bcp_rule_selected_by(d101, "d101"));
    assert_true(bcp_rule_selected_by(d101, "missing-backup"));
    assert_true(bcp_rule_selected_by(d101, "D"));
    assert_true(bcp_rule_selected_by(d101, "D1"));
    assert_true(bcp_rule_selected_by(d101, "data"));
    assert_true(bcp_rule_selected_by(d101, "ALL"));
    assert_false(bcp_rule_selected_by(d101, "D2"));
    assert_false(bcp_rule_selected_by(d101, "risk"));
    assert_false(bcp_rule_selected_by(d101, "missing"));
    assert_false(bcp_selector_valid("Z"));
    assert_true(bcp_selector_valid("H199"));
}

static void test_today(void **state)
{
    (void)state;
    int32_t days;
    const char *err;
    assert_true(bcp_lint_resolve_today("2026-11-27", &days, &err));
    assert_int_equal(days, bcp_days_from_civil(2026, 11, 27));
    assert_false(bcp_lint_resolve_today("27.11.2026", &days, &err));
    setenv("SOURCE_DATE_EPOCH", "1795737600", 1);
    assert_true(bcp_lint_resolve_today(NULL, &days, &err));
    assert_int_equal(days, bcp_days_from_civil(2026, 11, 27));
    setenv("SOURCE_DATE_EPOCH", "soon", 1);
    assert_false(bcp_lint_resolve_today(NULL, &days, &err));
    unsetenv("SOURCE_DATE_EPOCH");
}

static void test_profiles_and_report(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p { title = \"P\" organization = \"O\" }\n"
                             "profile strict { restore_test_max_age = 1w }\n");
    /* Every stdlib profile, and one the plan declares, is found by the engine;
     * their thresholds are plain durations in the model. */
    const char *profiles[] = {"default", "nist-800-34", "strict"};
    const int64_t want[] = {365 * 86400LL, 30 * 86400LL, 7 * 86400LL};
    for (size_t i = 0; i < 3; i++) {
        bool *enabled = calloc(bcp_rule_count, sizeof *enabled);
        bcp_lint_options opts = {.profile = profiles[i], .today = 0, .enabled = enabled};
        bcp_diag_list out = {0};
        assert_true(bcp_lint_run(m, &opts, &out));
        assert_int_equal(out.count, 0);
        bcp_diag_list_free(&out);
        free(enabled);
        bcp_entity *p = bcp_model_find(m, BCP_KIND_PROFILE, profiles[i]);
        assert_non_null(p);
        int64_t seconds;
        assert_true(bcp_entity_duration(p, "restore_test_max_age", &seconds));
        assert_int_equal(seconds, want[i]);
    }
    bcp_lint_options bad = {.profile = "no-such-profile"};
    bcp_diag_list out = {0};
    assert_false(bcp_lint_run(m, &bad, &out));
    bcp_diag_list_free(&out);
    bcp_model_free(m);
}

static void test_json(void **state)
{
    (void)state;
    expect want[512], got[512];
    size_t nwant = read_expectations(PLANTED, want, 512);
    assert_true(nwant >= 5);
    int status;
    json_t *doc = run_check("json", &status);
    assert_int_equal(status, 1);
    assert_int_equal(int_field(doc, "version"), 1);
    json_t *findings = json_object_get(doc, "findings");
    assert_true(json_is_array(findings));
    size_t ngot = 0;
    for (size_t i = 0; i < json_array_size(findings); i++) {
        json_t *f = json_array_get(findings, i);
        assert_string_equal(str_field(f, "file"), PLANTED);
        json_int_t line = int_field(f, "line"), col = int_field(f, "column");
        json_int_t end_line = int_field(f, "end_line"), end_col = int_field(f, "end_column");
        assert_true(line >= 1 && col >= 1);
        assert_true(end_line > line || (end_line == line && end_col > col));
        const char *sev = str_field(f, "severity");
        assert_true(!strcmp(sev, "error") || !strcmp(sev, "warning") || !strcmp(sev, "info"));
        const char *code = str_field(f, "code");
        const bcp_rule *r = bcp_rule_find(code);
        assert_non_null(r);
        assert_string_equal(str_field(f, "name"), r->name);
        assert_true(strlen(str_field(f, "message")) > 0);
        assert_true(json_is_string(json_object_get(f, "fix")) || json_is_null(json_object_get(f, "fix")));
        assert_true(ngot < 512);
        got[ngot].line = (int)line;
        snprintf(got[ngot].code, sizeof got[ngot].code, "%s", code);
        ngot++;
    }
    assert_same_findings(want, unique(want, nwant), got, ngot);
    json_decref(doc);
}

static void test_sarif(void **state)
{
    (void)state;
    expect want[512], got[512];
    size_t nwant = read_expectations(PLANTED, want, 512);
    int status;
    json_t *doc = run_check("sarif", &status);
    assert_int_equal(status, 1);
    assert_string_equal(str_field(doc, "version"), "2.1.0");
    assert_true(strstr(str_field(doc, "$schema"), "sarif") != NULL);
    json_t *runs = json_object_get(doc, "runs");
    assert_true(json_is_array(runs) && json_array_size(runs) == 1);
    json_t *run = json_array_get(runs, 0);
    json_t *driver = json_object_get(json_object_get(run, "tool"), "driver");
    assert_string_equal(str_field(driver, "name"), "bcp");
    json_t *rules = json_object_get(driver, "rules");
    assert_true(json_is_array(rules) && json_array_size(rules) >= bcp_rule_count);
    for (size_t i = 0; i < bcp_rule_count; i++) {
        json_t *r = json_array_get(rules, i);
        assert_string_equal(str_field(r, "id"), bcp_rules[i]->code);
        assert_string_equal(str_field(r, "name"), bcp_rules[i]->name);
        assert_string_equal(str_field(json_object_get(r, "shortDescription"), "text"), bcp_rules[i]->summary);
        assert_true(strlen(str_field(json_object_get(r, "fullDescription"), "text")) > 0);
        assert_true(strlen(str_field(json_object_get(r, "help"), "text")) > 0);
        char suffix[32];
        snprintf(suffix, sizeof suffix, "docs/rules/%s.md", bcp_rules[i]->code);
        const char *uri = str_field(r, "helpUri");
        assert_true(strncmp(uri, "https://example.org/bcp/", 24) == 0);
        assert_true(strlen(uri) > strlen(suffix) && strcmp(uri + strlen(uri) - strlen(suffix), suffix) == 0);
        const char *level = str_field(json_object_get(r, "defaultConfiguration"), "level");
        assert_true(!strcmp(level, "error") || !strcmp(level, "warning") || !strcmp(level, "note"));
    }
    json_t *results = json_object_get(run, "results");
    assert_true(json_is_array(results));
    size_t ngot = 0;
    for (size_t i = 0; i < json_array_size(results); i++) {
        json_t *res = json_array_get(results, i);
        const char *id = str_field(res, "ruleId");
        json_int_t index = int_field(res, "ruleIndex");
        assert_true(index >= 0 && (size_t)index < json_array_size(rules));
        assert_string_equal(str_field(json_array_get(rules, (size_t)index), "id"), id);
        const char *level = str_field(res, "level");
        assert_true(!strcmp(level, "error") || !strcmp(level, "warning") || !strcmp(level, "note"));
        assert_true(strlen(str_field(json_object_get(res, "message"), "text")) > 0);
        json_t *locations = json_object_get(res, "locations");
        assert_true(json_is_array(locations) && json_array_size(locations) == 1);
        json_t *phys = json_object_get(json_array_get(locations, 0), "physicalLocation");
        assert_string_equal(str_field(json_object_get(phys, "artifactLocation"), "uri"), PLANTED);
        json_t *region = json_object_get(phys, "region");
        json_int_t line = int_field(region, "startLine");
        assert_true(line >= 1 && int_field(region, "startColumn") >= 1);
        assert_true(int_field(region, "endLine") >= line && int_field(region, "endColumn") >= 1);
        assert_true(ngot < 512);
        got[ngot].line = (int)line;
        snprintf(got[ngot].code, sizeof got[ngot].code, "%s", id);
        ngot++;
    }
    assert_same_findings(want, unique(want, nwant), got, ngot);
    json_decref(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_sorted_unique),
        cmocka_unit_test(test_selectors),
        cmocka_unit_test(test_today),
        cmocka_unit_test(test_profiles_and_report),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_sarif),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
