/* Suppression comments come from the parser's comment nodes: strings that a
 * hand-written lexer would misread (an escaped quote in a """ string, a close
 * of 4 or 5 quotes) do not hide a later suppression, and `# bcp: ignore` text
 * inside a string suppresses nothing. */
#include "test_support.h"

#include <stdlib.h>

#include "rules/engine.h"

/* Lints `text` with C101 and H101 only, applies the suppressions, and writes
 * the rows (1-based) of the findings of `code` into rows[]; returns how many. */
static size_t lint_rows(const char *text, const char *code, unsigned *rows, size_t max)
{
    bcp_model *m = load_text(text);
    if (bcp_model_diags(m)->count) {
        print_diags(m);
        fail_msg("the test plan has model errors");
    }
    bool *enabled = calloc(bcp_rule_count, sizeof *enabled);
    assert_non_null(enabled);
    for (size_t i = 0; i < bcp_rule_count; i++)
        enabled[i] = strcmp(bcp_rules[i]->code, "C101") == 0 || strcmp(bcp_rules[i]->code, "H101") == 0 ||
                     strcmp(bcp_rules[i]->code, "H199") == 0;
    bcp_lint_options opts = {.today = 20000, .enabled = enabled};
    bcp_diag_list found = {0};
    assert_true(bcp_lint_run(m, &opts, &found));
    bcp_lint_apply_suppressions(&found, m, &opts);
    size_t n = 0;
    for (size_t i = 0; i < found.count; i++)
        if (strcmp(found.items[i].code, code) == 0 && n < max)
            rows[n++] = found.items[i].span.row + 1;
    bcp_diag_list_free(&found);
    free(enabled);
    bcp_model_free(m);
    return n;
}

#define PLAN_HEAD "plan sup {\n  title        = \"Sup\"\n  organization = \"Sup\"\n"

static void test_escaped_quote_in_triple_string(void **state)
{
    (void)state;
    const char *text = PLAN_HEAD
        "  purpose      = \"\"\"a \\\"\"\" b\"\"\"\n"   /* line 4: """a \""" b""" */
        "}\n"
        "# bcp: ignore[C101]\n"                          /* line 6 */
        "contact a {\n"                                  /* line 7: suppressed */
        "  name = \"A\"\n"
        "}\n"
        "contact b {\n"                                  /* line 10: reported */
        "  name = \"B\"\n"
        "}\n";
    unsigned rows[8];
    assert_int_equal(lint_rows(text, "C101", rows, 8), 1);
    assert_int_equal(rows[0], 10);
    assert_int_equal(lint_rows(text, "H199", rows, 8), 0);
}

static void test_five_quote_close(void **state)
{
    (void)state;
    const char *text = PLAN_HEAD
        "  purpose      = \"\"\"\n"
        "    quoted \"\"\n"
        "    \"\"\"\"\"\n"                               /* line 6: content ends in "" */
        "}\n"
        "# bcp: ignore[contact-unreachable]\n"           /* line 8 */
        "\n"
        "# another comment between\n"
        "contact a {\n"                                  /* line 11: suppressed */
        "  name = \"A\"\n"
        "}\n";
    unsigned rows[8];
    assert_int_equal(lint_rows(text, "C101", rows, 8), 0);
    assert_int_equal(lint_rows(text, "H199", rows, 8), 0);
}

static void test_four_quote_close_then_trailing_comment(void **state)
{
    (void)state;
    const char *text = PLAN_HEAD
        "  purpose      = \"\"\"TODO \"\"\"\" # bcp: ignore[H101]\n" /* line 4 */
        "}\n"
        "contact a {  # bcp: ignore[C101]\n"                        /* line 6 */
        "  name = \"A\"\n"
        "}\n";
    unsigned rows[8];
    assert_int_equal(lint_rows(text, "H101", rows, 8), 0);
    assert_int_equal(lint_rows(text, "C101", rows, 8), 0);
    assert_int_equal(lint_rows(text, "H199", rows, 8), 0);
}

static void test_suppression_text_in_strings_does_nothing(void **state)
{
    (void)state;
    const char *text = PLAN_HEAD
        "  purpose      = \"\"\"\n"
        "    # bcp: ignore-file[C101]\n"
        "    \"\"\"\n"
        "  scope = \"# bcp: ignore-file[contact-unreachable]\"\n"
        "}\n"
        "contact a {\n"                                  /* line 9: reported */
        "  name = \"A\"\n"
        "}\n";
    unsigned rows[8];
    assert_int_equal(lint_rows(text, "C101", rows, 8), 1);
    assert_int_equal(rows[0], 9);
    assert_int_equal(lint_rows(text, "H199", rows, 8), 0); /* not a suppression, so not unused */
}

static void test_comments_recorded(void **state)
{
    (void)state;
    bcp_model *m = load_text("# first\n"
                             "contact a {  # trailing\n"
                             "  name = \"# not a comment\"\n"
                             "  # inside\n"
                             "\n"
                             "  role = \"R\"\n"
                             "}\n"
                             "# last\n");
    size_t count;
    const bcp_comment *c = bcp_model_comments(m, 0, &count);
    assert_int_equal(count, 4);
    assert_int_equal(c[0].span.row, 0);
    assert_false(c[0].trailing);
    assert_int_equal(c[0].next_code_row, 1);
    assert_int_equal(c[1].span.row, 1);
    assert_true(c[1].trailing);
    assert_int_equal(c[1].span.byte_column, 13);
    assert_int_equal(c[2].span.row, 3);
    assert_int_equal(c[2].next_code_row, 5);
    assert_int_equal(c[3].span.row, 7);
    assert_int_equal(c[3].next_code_row, 7); /* nothing follows */
    assert_null(bcp_model_comments(m, 1, &count));
    assert_int_equal(count, 0);
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaped_quote_in_triple_string),
        cmocka_unit_test(test_five_quote_close),
        cmocka_unit_test(test_four_quote_close_then_trailing_comment),
        cmocka_unit_test(test_suppression_text_in_strings_does_nothing),
        cmocka_unit_test(test_comments_recorded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
