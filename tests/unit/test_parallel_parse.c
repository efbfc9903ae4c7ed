#define _DEFAULT_SOURCE /* mkdtemp */
/* A large file is parsed in pieces on all cores (compiler/scan.c cuts it
 * between top-level blocks): the model and its diagnostics must be exactly
 * those of a whole-file parse, positions included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "model/model.h"
#include "syntax/scan.h"
#include "test_support.h"
#include "test_tmp.h"

typedef struct text_buf {
    char *data;
    size_t len, cap;
} text_buf;

static void append(text_buf *b, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (b->len + (size_t)n + 1 > b->cap) {
        b->cap = (b->cap + (size_t)n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    memcpy(b->data + b->len, line, (size_t)n + 1);
    b->len += (size_t)n;
}

/* ~3 MB of sites; braces inside strings and comments must not confuse the cuts. */
static text_buf big_plan(size_t sites, size_t *bad_row)
{
    text_buf b = {0};
    append(&b, "# a big plan { with a brace in a comment\n");
    for (size_t i = 0; i < sites; i++) {
        append(&b, "site s%zu {\n  name = \"Site {%zu} \\\" }\"\n  city = \"\"\"\n    }}} %zu\n  \"\"\"\n} # end }\n\n", i, i, i);
    }
    size_t rows = 0;
    for (size_t i = 0; i < b.len; i++)
        rows += b.data[i] == '\n';
    append(&b, "site last {\n  name = \"Last\"\n  reviewed = 2026-02-30\n}\n");
    *bad_row = rows + 2; /* 0-based row of the bad date, the last block's third line */
    return b;
}

static void test_cuts_land_between_blocks(void **state)
{
    (void)state;
    size_t bad_row;
    text_buf b = big_plan(40000, &bad_row);
    bcp_cut cuts[64];
    size_t n = bcp_scan_cuts(b.data, b.len, 1 << 20, cuts, 64);
    assert_true(n >= 1);
    for (size_t i = 0; i < n; i++) {
        /* Each cut starts a line that begins a new block or is blank. */
        assert_int_equal(b.data[cuts[i].offset - 1], '\n');
        size_t rows = 0;
        for (size_t j = 0; j < cuts[i].offset; j++)
            rows += b.data[j] == '\n';
        assert_int_equal(cuts[i].row, rows);
    }
    free(b.data);
}

static void test_unbalanced_text_is_not_cut(void **state)
{
    (void)state;
    const char *text = "site a { name = \"x\" }\nsite b { name = \"y\"\n";
    bcp_cut cuts[4];
    assert_int_equal(bcp_scan_cuts(text, strlen(text), 1, cuts, 4), 0);
}

static void test_large_file_model_matches(void **state)
{
    (void)state;
    size_t bad_row;
    text_buf b = big_plan(40000, &bad_row);
    assert_true(b.len > 2u << 20); /* large enough to be parsed in pieces */
    bcp_model_options opts = {0};
    bcp_model *m = bcp_model_load_text("big.bcp", b.data, b.len, &opts);
    assert_false(bcp_model_has_syntax_errors(m));
    assert_int_equal(bcp_model_entities(m, BCP_KIND_SITE)->count, 40001);
    bcp_entity *s = bcp_model_find(m, BCP_KIND_SITE, "s39999");
    assert_non_null(s);
    assert_string_equal(bcp_entity_text(s, "name"), "Site {39999} \" }");
    bcp_diag_list *diags = bcp_model_diags(m);
    assert_int_equal(diags->count, 1);
    assert_string_equal(diags->items[0].code, "E104");
    assert_int_equal(diags->items[0].span.row, bad_row);
    assert_int_equal(bcp_span_column(&diags->items[0].span), 14);
    bcp_model_free(m);
    free(b.data);
}

/* Modules without imports are parsed and built ahead on worker threads; their
 * entities and errors (syntax and model) must be those of an in-order load. */
static void test_modules_built_ahead(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-test-ahead-XXXXXX");
    assert_non_null(mkdtemp(dir));
    write_test_file(dir, "plan.bcp",
               "use \"./a.bcp\"\nuse \"./b.bcp\"\nuse \"./c.bcp\"\nuse \"./d.bcp\"\n"
               "plan p { title = \"P\" organization = \"O\" owner = contact.a }\n");
    write_test_file(dir, "a.bcp", "contact a { name = \"A\" }\n");
    write_test_file(dir, "b.bcp", "site b {\n  name = \"B\"\n  staff = many\n}\n");
    write_test_file(dir, "c.bcp", "site c { name = \"C\" \n");
    write_test_file(dir, "d.bcp", "use \"./a.bcp\"\ncontact d { name = \"D\" substitute = contact.a }\n");
    char plan[600];
    snprintf(plan, sizeof plan, "%s/plan.bcp", dir);
    bcp_model_options opts = {0};
    bcp_model *m = bcp_model_load(plan, &opts);
    assert_true(bcp_model_has_syntax_errors(m));
    assert_non_null(bcp_model_find(m, BCP_KIND_CONTACT, "a"));
    assert_non_null(bcp_model_find(m, BCP_KIND_CONTACT, "d"));
    assert_non_null(bcp_model_find(m, BCP_KIND_SITE, "b"));
    /* Entities keep the import order: a, then d. */
    const bcp_entity_list *contacts = bcp_model_entities(m, BCP_KIND_CONTACT);
    assert_int_equal(contacts->count, 2);
    assert_string_equal(contacts->items[0]->id, "a");
    assert_string_equal(contacts->items[1]->id, "d");
    bool wrong_type = false, syntax = false;
    bcp_diag_list *diags = bcp_model_diags(m);
    for (size_t i = 0; i < diags->count; i++) {
        const bcp_diag *d = &diags->items[i];
        const char *path = d->span.source->path;
        if (strcmp(d->code, "E103") == 0) {
            wrong_type = true;
            assert_non_null(strstr(path, "b.bcp"));
            assert_int_equal(d->span.row, 2);
            assert_int_equal(bcp_span_column(&d->span), 11);
        }
        if (d->is_syntax) {
            syntax = true;
            assert_non_null(strstr(path, "c.bcp"));
        }
    }
    assert_true(wrong_type);
    assert_true(syntax);
    bcp_model_free(m);
    const char *names[] = {"plan.bcp", "a.bcp", "b.bcp", "c.bcp", "d.bcp"};
    for (size_t i = 0; i < 5; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cuts_land_between_blocks),
        cmocka_unit_test(test_unbalanced_text_is_not_cut),
        cmocka_unit_test(test_large_file_model_matches),
        cmocka_unit_test(test_modules_built_ahead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
