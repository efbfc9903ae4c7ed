/* The rules' memo of per-text results (rules/lint_memo.h): what it keeps and
 * returns, that a remembered secret scan answers exactly as a fresh one, and
 * bcp_workspace_lint: an open bcpconfig.bcp's unsaved text configures the
 * lint, where bcp_plan_lint reads the disk. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

#include "bcp.h"
#include "rules/lint_memo.h"
#include "rules/secret.h"
#include "test_tmp.h"

static void test_memo_get_put(void **state)
{
    (void)state;
    bcp_lint_memo_clear();
    int v = 0, w = 42;
    assert_false(bcp_lint_memo_get(BCP_MEMO_SECRET, "abc", 3, &v, sizeof v));
    bcp_lint_memo_put(BCP_MEMO_SECRET, "abc", 3, &w, sizeof w);
    assert_true(bcp_lint_memo_get(BCP_MEMO_SECRET, "abc", 3, &v, sizeof v));
    assert_int_equal(v, 42);
    /* Another table, another key, a prefix, another size: not found. */
    assert_false(bcp_lint_memo_get(BCP_MEMO_PHONE, "abc", 3, &v, sizeof v));
    assert_false(bcp_lint_memo_get(BCP_MEMO_SECRET, "abd", 3, &v, sizeof v));
    assert_false(bcp_lint_memo_get(BCP_MEMO_SECRET, "ab", 2, &v, sizeof v));
    long big;
    assert_false(bcp_lint_memo_get(BCP_MEMO_SECRET, "abc", 3, &big, sizeof big));
    /* Many keys: the table grows and keeps every one. */
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "key %d", i);
        bcp_lint_memo_put(BCP_MEMO_PHONE, key, (size_t)n, &i, sizeof i);
    }
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "key %d", i);
        assert_true(bcp_lint_memo_get(BCP_MEMO_PHONE, key, (size_t)n, &v, sizeof v));
        assert_int_equal(v, i);
    }
    bcp_lint_memo_clear();
    assert_false(bcp_lint_memo_get(BCP_MEMO_SECRET, "abc", 3, &v, sizeof v));
}

static void test_remembered_scan_is_the_fresh_scan(void **state)
{
    (void)state;
    bcp_lint_memo_clear();
    const char *texts[] = {
        "the VPN password: Xk9#mP2vLq", "no secret in this one", "密码是 hunter2hunter2",
        "AKIAIOSFODNN7EXAMPLE is the key", "",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t n = strlen(texts[t]);
        size_t s1 = 7, l1 = 7, s2 = 9, l2 = 9;
        const char *lab1 = NULL, *lab2 = NULL;
        size_t hits0, misses0, hits1, misses1;
        bcp_lint_memo_stats(&hits0, &misses0);
        bcp_secret_scanner *a = bcp_secret_scanner_new();
        bool f1 = bcp_secret_scan(a, texts[t], n, &s1, &l1, &lab1);
        bcp_secret_scanner_free(a);
        bcp_secret_scanner *b = bcp_secret_scanner_new();
        bool f2 = bcp_secret_scan(b, texts[t], n, &s2, &l2, &lab2);
        bcp_secret_scanner_free(b);
        bcp_lint_memo_stats(&hits1, &misses1);
        assert_int_equal(hits1 - hits0, 1);     /* the second scan came from the memo */
        assert_int_equal(misses1 - misses0, 1);
        assert_int_equal(f1, f2);
        if (f1) {
            assert_int_equal(s1, s2);
            assert_int_equal(l1, l2);
            assert_string_equal(lab1, lab2);
        }
    }
    assert_true(bcp_secret_find("token = \"ghp_abcdefghijklmnopqrstuvwxyz0123456789\"", 48, &(size_t){0},
                                &(size_t){0}));
}

static void test_workspace_lint_reads_the_unsaved_config(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-memo-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char plan_path[600], config_path[600];
    snprintf(plan_path, sizeof plan_path, "%s/plan.bcp", dir);
    snprintf(config_path, sizeof config_path, "%s/bcpconfig.bcp", dir);
    test_write_file(plan_path, "plan acme {\n  title = \"Acme\"\n  organization = \"Acme\"\n  purpose = \"TBD\"\n}\n");
    test_write_file(config_path, "config {\n  ignore = [B101]\n}\n");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, plan_path, &plan), BCP_OK);
    bcp_check_options o = {.today = "2026-12-04"};
    bcp_diagnostics *disk = NULL, *buffer = NULL, *problems = NULL;
    bcp_plan_lint(plan, &o, &disk, &problems);
    bcp_diagnostics_free(problems);
    assert_true(test_count_code(disk, "H101") > 0);
    const char *unsaved = "config {\n  ignore = [H101]\n}\n";
    assert_int_equal(bcp_document_open(ws, config_path, unsaved, strlen(unsaved)), BCP_OK);
    bcp_workspace_lint(ws, plan, &o, &buffer, &problems);
    bcp_diagnostics_free(problems);
    assert_int_equal(test_count_code(buffer, "H101"), 0);
    /* The same plan through bcp_plan_lint still reads the disk. */
    bcp_diagnostics *again = NULL;
    bcp_plan_lint(plan, &o, &again, &problems);
    bcp_diagnostics_free(problems);
    assert_int_equal(test_count_code(again, "H101"), test_count_code(disk, "H101"));
    /* A broken buffer: a located configuration error, no crash. */
    const char *broken = "config {\n  ignore = 42\n}\n";
    bcp_document_open(ws, config_path, broken, strlen(broken));
    bcp_diagnostics *none = NULL;
    bcp_status st = bcp_workspace_lint(ws, plan, &o, &none, &problems);
    assert_int_equal(st, BCP_ERR_PLAN);
    assert_true(test_count_code(problems, "E201") == 1);
    bcp_diagnostics_free(problems);
    bcp_diagnostics_free(none);
    bcp_diagnostics_free(disk);
    bcp_diagnostics_free(buffer);
    bcp_diagnostics_free(again);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    unlink(plan_path);
    unlink(config_path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memo_get_put),
        cmocka_unit_test(test_remembered_scan_is_the_fresh_scan),
        cmocka_unit_test(test_workspace_lint_reads_the_unsaved_config),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
