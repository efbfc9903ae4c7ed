/* Errors at the cause (compiler/syntax/causes.c): the fix-its of the broken
 * files in tests/syntax/ repair them, and the scan finds nothing in valid
 * plans.  tests/cli/test_syntax_causes.sh checks where the first error is
 * and how many there are. */
#include "test_support.h"

#include <dirent.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/buf.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    bcp_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        bcp_buf_put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    bcp_buf_put(&b, "", 1);
    return bcp_buf_take(&b);
}

static const bcp_diag *first_syntax_error(bcp_model *m)
{
    const bcp_diag_list *diags = bcp_model_diags(m);
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].is_syntax)
            return &diags->items[i];
    return NULL;
}

/* The text with the diagnostic's fix-its applied (they do not overlap). */
static char *apply_fixes(const char *text, size_t len, const bcp_diag *d)
{
    bcp_buf out = {0};
    size_t at = 0;
    for (size_t done = 0; done < d->fix_count; done++) {
        /* In text order. */
        const bcp_diag_fix *next = NULL;
        for (size_t k = 0; k < d->fix_count; k++)
            if (d->fixes[k].span.start_byte >= at && (!next || d->fixes[k].span.start_byte < next->span.start_byte))
                next = &d->fixes[k];
        assert_non_null(next);
        bcp_buf_put(&out, text + at, next->span.start_byte - at);
        bcp_buf_puts(&out, next->replacement);
        at = next->span.end_byte;
    }
    bcp_buf_put(&out, text + at, len - at);
    bcp_buf_put(&out, "", 1);
    return bcp_buf_take(&out);
}

static void test_fixits_repair_the_slip(void **state)
{
    (void)state;
    DIR *dir = opendir("tests/syntax");
    assert_non_null(dir);
    size_t files = 0, fixed = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        size_t name_len = strlen(entry->d_name);
        if (name_len < 5 || strcmp(entry->d_name + name_len - 4, ".bcp") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/syntax/%s", entry->d_name);
        size_t len;
        char *text = read_file(path, &len);
        bcp_model *m = bcp_model_load_text(path, text, len, NULL);
        const bcp_diag *d = first_syntax_error(m);
        if (!d)
            fail_msg("%s: no syntax error", path);
        files++;
        if (d->fix_count > 0) {
            char *repaired = apply_fixes(text, len, d);
            bcp_model *again = bcp_model_load_text(path, repaired, strlen(repaired), NULL);
            const bcp_diag *left = first_syntax_error(again);
            /* The slip is gone: no syntax error remains at its place with its code. */
            if (left && left->span.row == d->span.row && strcmp(left->code, d->code) == 0) {
                print_diags(again);
                fail_msg("%s: the fix-it of %s did not repair it", path, d->code);
            }
            fixed++;
            bcp_model_free(again);
            bcp_free(repaired);
        }
        bcp_model_free(m);
        bcp_free(text);
    }
    closedir(dir);
    assert_true(files >= 20);
    assert_true(fixed >= 12);
}

/* The scan runs only where the parser found an error, but it must not invent
 * slips in the valid text around it: one error in a valid plan gives one. */
static void test_no_false_causes(void **state)
{
    (void)state;
    const char *paths[] = {"examples/minimal.bcp", "examples/huadong/plan.bcp"};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        size_t len;
        char *text = read_file(paths[i], &len);
        /* A stray character at the very end: the rest is valid. */
        bcp_buf b = {0};
        bcp_buf_put(&b, text, len);
        bcp_buf_puts(&b, "\n;\n");
        char *broken = bcp_buf_take(&b);
        bcp_model *m = bcp_model_load_text(paths[i], broken, strlen(broken), NULL);
        const bcp_diag_list *diags = bcp_model_diags(m);
        size_t syntax = 0;
        for (size_t k = 0; k < diags->count; k++)
            syntax += diags->items[k].is_syntax;
        if (syntax != 1) {
            print_diags(m);
            fail_msg("%s: %zu syntax errors, want 1", paths[i], syntax);
        }
        bcp_model_free(m);
        bcp_free(broken);
        bcp_free(text);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixits_repair_the_slip),
        cmocka_unit_test(test_no_false_causes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
