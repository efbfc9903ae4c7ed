/* Locale overlays merge attribute by attribute: when two stdlib files (or the
 * stdlib and the plan) translate the same entity into one language, an
 * attribute only one of them sets is never hidden by the other.  Uses a
 * throw-away stdlib directory, and the embedded stdlib for the threat prose
 * that prompted the merge. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test_tmp.h"

static char stdlib_dir[256];

static void write_file(const char *rel, const char *text)
{
    write_test_file(stdlib_dir, rel, text);
}

static int make_stdlib(void **state)
{
    (void)state;
    test_tmp_path(stdlib_dir, sizeof stdlib_dir, "bcp-locale-merge-XXXXXX");
    if (!mkdtemp(stdlib_dir))
        return -1;
    char path[600];
    snprintf(path, sizeof path, "%s/locale", stdlib_dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/locale/en", stdlib_dir);
    mkdir(path, 0755);
    write_file("cat.bcp", "channel pager { medium = voice }\n");
    /* files of a module load in path order: a.bcp before b.bcp */
    write_file("locale/en/a.bcp", "locale en {\n"
                                  "  channel pager { title = \"Pager\" }\n"
                                  "  text greeting { title = \"Hello\" }\n"
                                  "}\n");
    write_file("locale/en/b.bcp", "locale en {\n"
                                  "  channel pager { title = \"Beeper\" description = \"A pager.\" }\n"
                                  "  text greeting { body = \"Hi there\" }\n"
                                  "}\n");
    return 0;
}

static int remove_stdlib(void **state)
{
    (void)state;
    const char *files[] = {"cat.bcp", "locale/en/a.bcp", "locale/en/b.bcp", "locale/en", "locale", ""};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", stdlib_dir, files[i]);
        remove(path);
    }
    return 0;
}

static bcp_model *load_with_stdlib(const char *text)
{
    static const char *const modules[] = {"cat", "locale/en"};
    bcp_model_options opts = {.stdlib_dir = stdlib_dir, .no_prelude = true,
                              .extra_modules = modules, .extra_module_count = 2};
    return bcp_model_load_text(TEST_PATH, text, strlen(text), &opts);
}

static void assert_no_diags(bcp_model *m)
{
    if (bcp_model_diags(m)->count)
        print_diags(m);
    assert_int_equal(bcp_model_diags(m)->count, 0);
}

static void test_stdlib_files_merge(void **state)
{
    (void)state;
    bcp_model *m = load_with_stdlib("");
    assert_no_diags(m);
    const bcp_entity *pager = bcp_model_find(m, BCP_KIND_CHANNEL, "pager");
    assert_non_null(pager);
    /* both set the title: the file loaded first wins */
    assert_string_equal(bcp_model_text(m, pager, "title", "en"), "Pager");
    /* only the second sets the description: it is not hidden */
    assert_string_equal(bcp_model_text(m, pager, "description", "en"), "A pager.");
    bcp_model_free(m);
}

static void test_locale_only_texts_merge(void **state)
{
    (void)state;
    bcp_model *m = load_with_stdlib("");
    const bcp_entity *greeting = bcp_model_find(m, BCP_KIND_TEXT, "greeting");
    assert_non_null(greeting);
    assert_string_equal(bcp_model_text(m, greeting, "title", "en"), "Hello");
    assert_string_equal(bcp_model_text(m, greeting, "body", "en"), "Hi there");
    bcp_model_free(m);
}

static void test_plan_refines_stdlib_translation(void **state)
{
    (void)state;
    bcp_model *m = load_with_stdlib("locale en {\n"
                                    "  channel pager { description = \"Our on-call pager.\" }\n"
                                    "  text greeting { title = \"Welcome\" }\n"
                                    "}\n");
    assert_no_diags(m);
    const bcp_entity *pager = bcp_model_find(m, BCP_KIND_CHANNEL, "pager");
    /* the plan wins what it sets and keeps the stdlib's other attributes */
    assert_string_equal(bcp_model_text(m, pager, "description", "en"), "Our on-call pager.");
    assert_string_equal(bcp_model_text(m, pager, "title", "en"), "Pager");
    const bcp_entity *greeting = bcp_model_find(m, BCP_KIND_TEXT, "greeting");
    assert_string_equal(bcp_model_text(m, greeting, "title", "en"), "Welcome");
    assert_string_equal(bcp_model_text(m, greeting, "body", "en"), "Hi there");
    bcp_model_free(m);
}

static void test_plan_translating_twice_is_an_error(void **state)
{
    (void)state;
    bcp_model *m = load_with_stdlib("locale en {\n"
                                    "  channel pager { title = \"One\" }\n"
                                    "}\n"
                                    "locale en {\n"
                                    "  channel pager { description = \"Two\" }\n"
                                    "}\n");
    assert_diag(m, "E108", 5, 11, "locale `en` already translates channel `pager`");
    assert_note(m, "E108", 2, 11, "first translated here");
    bcp_model_free(m);
}

/* The embedded stdlib: the catalogue no longer shadows the threat prose. */
static void test_threat_prose_complete(void **state)
{
    (void)state;
    static const char *const modules[] = {"locale/en", "locale/zh-CN"};
    bcp_model_options opts = {.extra_modules = modules, .extra_module_count = 2};
    bcp_model *m = bcp_model_load_text(TEST_PATH, "", 0, &opts);
    assert_no_diags(m);
    const bcp_entity_list *threats = bcp_model_entities(m, BCP_KIND_THREAT);
    assert_true(threats->count > 30);
    for (size_t i = 0; i < threats->count; i++) {
        for (size_t l = 0; l < 2; l++) {
            const char *lang = l ? "zh-CN" : "en";
            const bcp_entity *t = threats->items[i];
            if (!bcp_model_text(m, t, "title", lang) || !bcp_model_text(m, t, "description", lang) ||
                !bcp_model_text(m, t, "strategy", lang))
                fail_msg("threat `%s` lacks prose in %s", t->id, lang);
        }
    }
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stdlib_files_merge),
        cmocka_unit_test(test_locale_only_texts_merge),
        cmocka_unit_test(test_plan_refines_stdlib_translation),
        cmocka_unit_test(test_plan_translating_twice_is_an_error),
        cmocka_unit_test(test_threat_prose_complete),
    };
    return cmocka_run_group_tests(tests, make_stdlib, remove_stdlib);
}
