/* bcp_stdlib_text: the built-in standard library's files by a location's
 * path, which `bcp lsp` shows for a definition in the stdlib. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bcp.h"

static void test_by_location_path(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan = NULL;
    static const char text[] = "plan p {\n  title = \"P\"\n  industry = finance\n}\n";
    assert_int_equal(bcp_document_open(ws, "/tmp/bcp-stdlib-text.bcp", text, sizeof text - 1), BCP_OK);
    assert_int_equal(bcp_workspace_load(ws, "/tmp/bcp-stdlib-text.bcp", &plan), BCP_OK);
    const bcp_entity *finance = bcp_plan_find(plan, "industry", "finance");
    assert_non_null(finance);
    assert_true(bcp_entity_is_default(finance));
    bcp_location at = bcp_entity_id_location(finance);
    assert_non_null(at.path);
    assert_int_equal(strncmp(at.path, "<stdlib>/", 9), 0);
    size_t length = 0;
    const char *file = bcp_stdlib_text(at.path, &length);
    assert_non_null(file);
    assert_true(length > at.end_byte);
    assert_int_equal(strlen(file), length);
    assert_memory_equal(file + at.start_byte, "finance", 7);
    /* The same file by its path under the stdlib root. */
    size_t again = 0;
    assert_ptr_equal(bcp_stdlib_text(at.path + 9, &again), file);
    assert_int_equal(again, length);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_unknown(void **state)
{
    (void)state;
    size_t length = 7;
    assert_null(bcp_stdlib_text("<stdlib>/core/no-such-file.bcp", &length));
    assert_int_equal(length, 0);
    assert_null(bcp_stdlib_text("../etc/passwd", NULL));
    assert_null(bcp_stdlib_text(NULL, &length));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_by_location_path),
        cmocka_unit_test(test_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
