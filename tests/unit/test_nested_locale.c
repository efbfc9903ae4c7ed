/* Locale overlays of named nested blocks: `locale en { system erp { backup
 * daily { where = "..." } } }` translates the backup's text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "test_support.h"

static const char *const plan_text =
    "plan p { title = \"P\" organization = \"O\" }\n"
    "system erp {\n"
    "  title = \"ERP\"\n"
    "  backup daily { every = 1d  where = \"云端\" }\n"
    "  backup { every = 1w  where = \"磁带\" }\n"
    "}\n";

static const bcp_entity *backup_where(bcp_model *m, const char *where)
{
    const bcp_entity_list *l = bcp_model_entities(m, BCP_KIND_BACKUP);
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(bcp_entity_text(l->items[i], "where"), where) == 0)
            return l->items[i];
    return NULL;
}

static void test_named_backup_is_translated(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text, "%slocale en {\n  system erp {\n    backup daily { where = \"Cloud\" }\n  }\n}\n",
             plan_text);
    bcp_model *m = load_text(text);
    assert_int_equal(bcp_model_diags(m)->count, 0);
    const bcp_entity *daily = backup_where(m, "云端");
    const bcp_entity *weekly = backup_where(m, "磁带");
    assert_non_null(daily);
    assert_non_null(weekly);
    assert_string_equal(bcp_model_text(m, daily, "where", "en"), "Cloud");
    assert_string_equal(bcp_model_text(m, daily, "where", "zh-CN"), "云端");
    assert_string_equal(bcp_model_text(m, daily, "where", NULL), "云端");
    /* An anonymous backup cannot be named in a locale: it keeps its text. */
    assert_string_equal(bcp_model_text(m, weekly, "where", "en"), "磁带");
    bcp_model_free(m);
}

static void test_unknown_nested_block_is_an_error(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text, "%slocale en {\n  system erp {\n    backup nightly { where = \"x\" }\n  }\n}\n",
             plan_text);
    bcp_model *m = load_text(text);
    const bcp_diag *d = find_diag(m, "E106");
    assert_non_null(d);
    assert_int_equal(diag_line(d), 9);
    assert_int_equal(diag_col(d), 12);
    assert_string_equal(d->message, "locale `en` translates backup `nightly` of system `erp`, which is not defined");
    bcp_model_free(m);
}

static void test_nested_non_text_is_an_error(void **state)
{
    (void)state;
    char text[1024];
    snprintf(text, sizeof text, "%slocale en {\n  system erp {\n    backup daily { every = 2d }\n  }\n}\n",
             plan_text);
    bcp_model *m = load_text(text);
    const bcp_diag *d = find_diag(m, "E118");
    assert_non_null(d);
    assert_int_equal(diag_line(d), 9);
    assert_int_equal(diag_col(d), 20);
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_named_backup_is_translated),
        cmocka_unit_test(test_unknown_nested_block_is_an_error),
        cmocka_unit_test(test_nested_non_text_is_an_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
