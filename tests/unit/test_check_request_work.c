/* serve13d (issue 13): the work a check request no longer repeats, and that
 * what it does instead answers as before.
 *   - H110 and H111 read one shared scan of the sources per lint run
 *     (rules/rule_util.c, bcp_lint_shared): one scan per source, whatever
 *     rules ask, and each rule's findings as its own scan gave them.
 *   - The placeholder pattern is made from one list, and the test of a text
 *     for the list's texts before the pattern runs changes no verdict.
 *   - Kind and attribute names are found through a hash table: the entry
 *     a search of the schema in order finds, and nothing for a near miss.
 *   - Within a service call a path is resolved once (base/paths.h): the
 *     call's later questions get the first answer; the next call asks again.
 *   - An attribute's key and value are its children 0 and 2 only when it is
 *     `key = value` alone: comments inside it go through the field map. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/call.h"
#include "base/paths.h"
#include "model/schema.h"
#include "rules/engine.h"
#include "rules/rule_util.h"
#include "test_tmp.h"

/* ------------------------------------------------------------ the character scan */

#define PLAN_HEAD "plan p {\n  title        = \"P\"\n  organization = \"P\"\n"

/* Lints `text` with the rules whose codes are in `codes` ("H110,H111"). */
static bcp_diag_list lint_with(bcp_model *m, const char *codes)
{
    bool *enabled = calloc(bcp_rule_count, sizeof *enabled);
    assert_non_null(enabled);
    for (size_t i = 0; i < bcp_rule_count; i++)
        enabled[i] = strstr(codes, bcp_rules[i]->code) != NULL;
    bcp_lint_options opts = {.today = 20000, .enabled = enabled};
    bcp_diag_list found = {0};
    assert_true(bcp_lint_run(m, &opts, &found));
    free(enabled);
    return found;
}

static const bcp_diag *finding(const bcp_diag_list *list, const char *code, unsigned row)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].code, code) == 0 && list->items[i].span.row + 1 == row)
            return &list->items[i];
    return NULL;
}

static size_t count_of(const bcp_diag_list *list, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        n += strcmp(list->items[i].code, code) == 0;
    return n;
}

static void test_one_scan_for_both_rules(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBF"                        /* a byte order mark: not reported */
        PLAN_HEAD
        "  purpose      = \"a\xE2\x80\xAE" "b\xE2\x80\x8B" "c\xE2\x80\xAE" "d\"\n"   /* line 4: RLO, ZWSP, RLO */
        "}\n"
        "# \xE3\x85\xA4 filler in a comment\n"               /* line 6: U+3164 */
        "contact c {\n"
        "  name = \"\xE4\xB8\xAD\xEF\xBC\x8C\xE2\x81\xA6" "x\xEF\xBB\xBF\"\n"   /* line 8: 中，LRI x ZWNBSP */
        "}\n";
    bcp_model *m = load_text(text);
    if (bcp_model_diags(m)->count) {
        print_diags(m);
        fail_msg("the test plan has model errors");
    }
    size_t before = bcp_rule_character_scans();
    bcp_diag_list both = lint_with(m, "H110,H111");
    assert_int_equal(bcp_rule_character_scans() - before, bcp_model_source_count(m));

    const bcp_diag *d = finding(&both, "H110", 4);
    assert_non_null(d);
    assert_int_equal(diag_col(d), 20);   /* the first RLO, after `  purpose      = "a` */
    assert_non_null(strstr(d->message, "U+202E"));
    assert_non_null(strstr(d->message, "(and 1 more on this line)"));
    d = finding(&both, "H111", 4);
    assert_non_null(d);
    assert_non_null(strstr(d->message, "U+200B"));
    assert_null(strstr(d->message, "more on this line"));
    d = finding(&both, "H111", 6);
    assert_non_null(d);
    assert_non_null(strstr(d->message, "U+3164"));
    assert_non_null(strstr(d->message, "in a comment"));
    d = finding(&both, "H110", 8);
    assert_non_null(d);
    assert_non_null(strstr(d->message, "U+2066"));
    assert_non_null(strstr(d->message, "in the plan"));
    d = finding(&both, "H111", 8);
    assert_non_null(d);
    assert_non_null(strstr(d->message, "U+FEFF"));
    assert_int_equal(count_of(&both, "H110"), 2);
    assert_int_equal(count_of(&both, "H111"), 3);

    /* One rule alone finds what it found beside the other, with one scan. */
    before = bcp_rule_character_scans();
    bcp_diag_list alone = lint_with(m, "H111");
    assert_int_equal(bcp_rule_character_scans() - before, bcp_model_source_count(m));
    assert_int_equal(count_of(&alone, "H111"), 3);
    assert_int_equal(count_of(&alone, "H110"), 0);
    /* Neither rule: no scan. */
    before = bcp_rule_character_scans();
    bcp_diag_list none = lint_with(m, "C101");
    assert_int_equal(bcp_rule_character_scans() - before, 0);
    bcp_diag_list_free(&both);
    bcp_diag_list_free(&alone);
    bcp_diag_list_free(&none);
    bcp_model_free(m);
}

/* ------------------------------------------------------------ placeholders */

static void test_placeholder_pattern_and_prefilter(void **state)
{
    (void)state;
    assert_string_equal(bcp_rule_placeholder_pattern(), "\\b(?:TODO|TBD|FIXME|XXX)\\b|待定|待补充|\\?\\?\\?");
    const char *texts[] = {
        "TODO", "a TODO b", "TODOS", "xTBD", "TBD.", "FIXME: later", "XXXX", "XXX", "xx",
        "待定", "时间待定。", "待补充", "待", "???", "??", "? ? ?", "Tod", "T", "", "no placeholder here",
        "\xFF TODO", "TO\xFF" "DO", "\xE5\xBE\x85\xE5\xAE\x9A", "abc\xE5\xBE", "FIXM", "fixme", "上海 TBD 杭州",
    };
    bcp_rule_regex *re = bcp_rule_placeholder_regex();
    assert_non_null(re);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t n = strlen(texts[i]);
        bool plain = bcp_rule_regex_match(re, texts[i], n) > 0;   /* the pattern alone */
        assert_int_equal(bcp_rule_is_placeholder(re, texts[i], n), plain);
    }
    assert_true(bcp_rule_is_placeholder(re, "a TODO b", 8));
    assert_false(bcp_rule_is_placeholder(re, "TODOS", 5));
    assert_true(bcp_rule_is_placeholder(re, "时间待定。", strlen("时间待定。")));
    assert_false(bcp_rule_is_placeholder(NULL, "TODO", 4));
    bcp_rule_regex_free(re);
}

/* ------------------------------------------------------------ schema names */

static const bcp_attr_schema *attr_in_order(bcp_kind kind, const char *name)
{
    const bcp_kind_schema *ks = bcp_schema_kind(kind);
    for (size_t i = 0; i < ks->attr_count; i++)
        if (strcmp(ks->attrs[i].name, name) == 0)
            return &ks->attrs[i];
    return NULL;
}

static void test_schema_names(void **state)
{
    (void)state;
    char buf[128];
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_kind_schema *ks = bcp_schema_kind((bcp_kind)k);
        assert_int_equal(bcp_schema_kind_by_name(ks->name, strlen(ks->name)), k);
        /* a name inside a longer text counts by its length only */
        snprintf(buf, sizeof buf, "%s_x", ks->name);
        assert_int_equal(bcp_schema_kind_by_name(buf, strlen(ks->name)), k);
        assert_int_equal(bcp_schema_kind_by_name(buf, strlen(buf)), BCP_KIND_COUNT);
        assert_int_equal(bcp_schema_kind_by_name(ks->name, strlen(ks->name) - 1), BCP_KIND_COUNT);
        for (size_t i = 0; i < ks->attr_count; i++) {
            const char *name = ks->attrs[i].name;
            size_t n = strlen(name);
            assert_ptr_equal(bcp_schema_attr((bcp_kind)k, name, n), attr_in_order((bcp_kind)k, name));
            snprintf(buf, sizeof buf, "%.*s", (int)(n - 1), name);   /* a prefix: its own entry, if any */
            assert_ptr_equal(bcp_schema_attr((bcp_kind)k, name, n - 1), attr_in_order((bcp_kind)k, buf));
            snprintf(buf, sizeof buf, "%sX", name);
            assert_null(bcp_schema_attr((bcp_kind)k, buf, n + 1));
            snprintf(buf, sizeof buf, "X%s", name);
            assert_null(bcp_schema_attr((bcp_kind)k, buf, n + 1));
            /* every other kind answers as its own search does */
            for (int o = 0; o < BCP_KIND_COUNT; o++)
                assert_ptr_equal(bcp_schema_attr((bcp_kind)o, name, n), attr_in_order((bcp_kind)o, name));
        }
    }
    assert_int_equal(bcp_schema_kind_by_name("", 0), BCP_KIND_COUNT);
    assert_int_equal(bcp_schema_kind_by_name("Plan", 4), BCP_KIND_COUNT);
    assert_null(bcp_schema_attr(BCP_KIND_PLAN, "", 0));
    assert_null(bcp_schema_attr(BCP_KIND_COUNT, "title", 5));
}

/* ------------------------------------------------------------ attributes */

static void test_attribute_fields(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n"
                             "  title = # the title\n"
                             "    \"T\"\n"
                             "  organization # who\n"
                             "    = \"O\"\n"
                             "  purpose = \"P\"  # trailing\n"
                             "}\n");
    if (bcp_model_diags(m)->count) {
        print_diags(m);
        fail_msg("the test plan has model errors");
    }
    const bcp_entity *plan = bcp_model_plan(m);
    assert_non_null(plan);
    assert_string_equal(bcp_entity_text(plan, "title"), "T");
    assert_string_equal(bcp_entity_text(plan, "organization"), "O");
    assert_string_equal(bcp_entity_text(plan, "purpose"), "P");
    bcp_model_free(m);
}

/* ------------------------------------------------------------ paths */

static void test_paths_once_per_call(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-paths-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char file[600], dotted[700], missing[600], want[PATH_MAX], got[PATH_MAX];
    snprintf(file, sizeof file, "%s/a.bcp", dir);
    snprintf(dotted, sizeof dotted, "%s/./a.bcp", dir);
    snprintf(missing, sizeof missing, "%s/none.bcp", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fclose(f);
    assert_non_null(realpath(file, want));

    /* Outside a call with a memo: realpath itself. */
    assert_non_null(bcp_realpath(file, got));
    assert_string_equal(got, want);
    errno = 0;
    assert_null(bcp_realpath(missing, got));
    assert_int_equal(errno, ENOENT);

    bcp_path_memo *memo = bcp_path_memo_new();
    bcp_call_state call = {.paths = memo};
    bcp_call_state *outer = bcp_call_begin(&call);
    assert_non_null(bcp_realpath(file, got));
    assert_string_equal(got, want);
    errno = 0;
    assert_null(bcp_realpath(missing, got));
    assert_int_equal(errno, ENOENT);
    /* The file goes and the missing one comes: the call keeps its answers,
     * for either spelling of the path. */
    assert_int_equal(rename(file, missing), 0);
    memset(got, 0, sizeof got);
    assert_non_null(bcp_realpath(dotted, got));
    assert_string_equal(got, want);
    errno = 0;
    assert_null(bcp_realpath(missing, got));
    assert_int_equal(errno, ENOENT);
    bcp_call_end(outer);
    bcp_path_memo_free(memo);

    /* The next call asks the file system again. */
    memo = bcp_path_memo_new();
    call.paths = memo;
    outer = bcp_call_begin(&call);
    errno = 0;
    assert_null(bcp_realpath(file, got));
    assert_int_equal(errno, ENOENT);
    assert_non_null(bcp_realpath(missing, got));
    bcp_call_end(outer);
    bcp_path_memo_free(memo);
    /* A trailing "/." is not folded: it asks for a folder. */
    snprintf(dotted, sizeof dotted, "%s/.", missing);
    memo = bcp_path_memo_new();
    call.paths = memo;
    outer = bcp_call_begin(&call);
    assert_non_null(bcp_realpath(missing, got));
    errno = 0;
    assert_null(bcp_realpath(dotted, got));
    assert_int_equal(errno, ENOTDIR);
    bcp_call_end(outer);
    bcp_path_memo_free(memo);

    unlink(missing);
    rmdir(dir);
}

/* Thousands of paths in one call (a folder checked whole): every answer
 * survives the memo's growth. */
static void test_paths_many_per_call(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-paths-many-XXXXXX");
    assert_non_null(mkdtemp(dir));
    enum { FILES = 40, MISSING = 2000 };
    char path[PATH_MAX], got[PATH_MAX], want[FILES][PATH_MAX];
    for (int i = 0; i < FILES; i++) {
        snprintf(path, sizeof path, "%s/f%d.bcp", dir, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fclose(f);
        assert_non_null(realpath(path, want[i]));
    }
    bcp_path_memo *memo = bcp_path_memo_new();
    bcp_call_state call = {.paths = memo};
    bcp_call_state *outer = bcp_call_begin(&call);
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < FILES; i++) {
            snprintf(path, sizeof path, "%s/./f%d.bcp", dir, i);
            assert_non_null(bcp_realpath(path, got));
            assert_string_equal(got, want[i]);
        }
        for (int i = 0; i < MISSING; i++) {
            snprintf(path, sizeof path, "%s/missing-%d.bcp", dir, i);
            errno = 0;
            assert_null(bcp_realpath(path, got));
            assert_int_equal(errno, ENOENT);
        }
        /* Gone from the disk after the first round: the call keeps its answers. */
        for (int i = 0; round == 0 && i < FILES; i++) {
            snprintf(path, sizeof path, "%s/f%d.bcp", dir, i);
            assert_int_equal(unlink(path), 0);
        }
    }
    bcp_call_end(outer);
    bcp_path_memo_free(memo);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_scan_for_both_rules),
        cmocka_unit_test(test_placeholder_pattern_and_prefilter),
        cmocka_unit_test(test_schema_names),
        cmocka_unit_test(test_attribute_fields),
        cmocka_unit_test(test_paths_once_per_call),
        cmocka_unit_test(test_paths_many_per_call),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
