/* The pre-scan (compiler/scan.c) must see strings and comments exactly as the
 * grammar lexes them, or a large file is cut inside a block and a valid plan
 * reports syntax errors only when it is big enough to be parsed in pieces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model/model.h"
#include "syntax/scan.h"
#include "syntax/syntax.h"
#include "model/workspace.h"

/* """ strings may end in up to five quotes ("""say "hi"""" holds a quote at
 * its end).  Read as three, the fourth quote opens a string that swallows the
 * rest of the line, braces included. */
static const char *const quote_ending_blocks =
    "system a {\n"
    "  title = \"\"\"say \"hi\"\"\"\" backup {\n"
    "    every = 1d\n"
    "  }\n"
    "  description = \"\"\"say \"hi\"\"\"\" }\n"
    "system b {\n"
    "  title = \"B\"\n"
    "}\n";

static void test_cut_after_string_ending_in_quotes(void **state)
{
    (void)state;
    const char *text = quote_ending_blocks;
    bcp_cut cuts[8];
    size_t n = bcp_scan_cuts(text, strlen(text), 1, cuts, 8);
    const char *b = strstr(text, "system b");
    /* the only top-level line start after a block is `system b` */
    assert_int_equal(n, 1);
    assert_int_equal(cuts[0].offset, (size_t)(b - text));
    assert_int_equal(cuts[0].row, 5);
}

static void test_skip_five_quote_ending(void **state)
{
    (void)state;
    const char *text = "\"\"\"a \"\"b\"\"\"\"\" x";
    /* `"""a ""b` then `"""""`: content ends with two quotes, then the close */
    assert_int_equal(bcp_scan_skip_literal(text, strlen(text), 0), strlen(text) - 2);
}

/* The same text repeated past the size that is parsed in pieces. */
static void test_large_file_with_quote_endings(void **state)
{
    (void)state;
    size_t cap = (3u << 20) + 4096, len = 0, count = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (size_t i = 0; len < (3u << 20); i++, count++) {
        len += (size_t)sprintf(text + len,
                               "system a%zu {\n"
                               "  title = \"\"\"say \"hi\"\"\"\" backup {\n"
                               "    every = 1d\n"
                               "  }\n"
                               "  description = \"\"\"say \"hi\"\"\"\" }\n",
                               i);
    }
    bcp_model_options opts = {0};
    bcp_model *m = bcp_model_load_text("big.bcp", text, len, &opts);
    assert_false(bcp_model_has_syntax_errors(m));
    assert_int_equal(bcp_model_entities(m, BCP_KIND_SYSTEM)->count, count);
    bcp_model_free(m);
    free(text);
}

/* The plan scan that groups files shares the string skipping. */
static void test_plan_after_quote_ending(void **state)
{
    (void)state;
    const char *text = "system a { title = \"\"\"say \"hi\"\"\"\" } plan p { title = \"P\" }\n";
    assert_true(bcp_text_declares_plan(text, strlen(text)));
}

/* Braces that balance do not make a file free of syntax errors, and the
 * parser recovers from an error differently when it sees only a piece: such a
 * file must report what a whole parse reports, whatever the number of cores. */
static void test_large_file_syntax_errors_as_whole(void **state)
{
    (void)state;
    size_t cap = (3u << 20) + 4096, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (size_t i = 0; len < (3u << 20); i++) {
        if (i % 3001 == 7)
            len += (size_t)sprintf(text + len, i % 2 ? "site e%zu { name = }\n" : "site f%zu { = 3 }\n", i);
        len += (size_t)sprintf(text + len, "site s%zu {\n  name = \"S\"\n}\n\n", i);
    }
    bcp_model_options opts = {0};
    bcp_model *m = bcp_model_load_text("big.bcp", text, len, &opts);
    bcp_source *src = bcp_source_from_memory("big.bcp", text, len, false);
    TSTree *tree = bcp_syntax_parse(src);
    bcp_diag_list whole = {0};
    bcp_syntax_report_errors(src, tree, &whole);
    bcp_diag_list *diags = bcp_model_diags(m);
    size_t k = 0;
    for (size_t i = 0; i < diags->count; i++) {
        if (!diags->items[i].is_syntax)
            continue;
        assert_true(k < whole.count);
        assert_int_equal(diags->items[i].span.start_byte, whole.items[k].span.start_byte);
        assert_int_equal(diags->items[i].span.row, whole.items[k].span.row);
        assert_string_equal(diags->items[i].message, whole.items[k].message);
        k++;
    }
    assert_int_equal(k, whole.count);
    bcp_diag_list_free(&whole);
    ts_tree_delete(tree);
    bcp_source_free(src);
    bcp_model_free(m);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cut_after_string_ending_in_quotes),
        cmocka_unit_test(test_skip_five_quote_ending),
        cmocka_unit_test(test_large_file_with_quote_endings),
        cmocka_unit_test(test_plan_after_quote_ending),
        cmocka_unit_test(test_large_file_syntax_errors_as_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
