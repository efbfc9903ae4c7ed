/* The highlight query of the grammar: it compiles against the grammar the
 * compiler is built with, and captures what editors expect on a sample plan.
 *
 * The query is read from grammar/queries/highlights.scm relative to the
 * current directory: the Makefile runs unit tests from the repository root.
 * BCP_REPO_ROOT overrides that directory when running the binary elsewhere. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "syntax/syntax.h"

#define HIGHLIGHTS_PATH "grammar/queries/highlights.scm"

static const char SAMPLE[] =
    "# sample plan\n"
    "use \"std/it\"\n"
    "\n"
    "plan acme {\n"
    "  title    = \"Acme\\n# not a comment\"\n"
    "  reviewed = 2026-09-01\n"
    "  rto      = 24h\n"
    "  tier     = -1\n"
    "  critical = true\n"
    "  owner    = contact.owner # who signs it off\n"
    "  industry = retail\n"
    "  sites    = [site.hq, remote]\n"
    "  notes    = \"\"\"\n"
    "    text\n"
    "  \"\"\"\n"
    "  backup {\n"
    "    offsite = false\n"
    "  }\n"
    "}\n";

typedef struct capture {
    const char *name;
    uint32_t start, end;
} capture;

typedef struct fixture {
    char *query_text;
    TSQuery *query;
    TSParser *parser;
    TSTree *tree;
    capture *captures;
    size_t count;
} fixture;

static char query_path[4096];

static char *read_query_file(void)
{
    const char *root = getenv("BCP_REPO_ROOT");
    char *path = query_path;
    snprintf(path, sizeof query_path, "%s%s%s", root ? root : "", root ? "/" : "", HIGHLIGHTS_PATH);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "cannot open %s: run the test from the repository root "
                        "or set BCP_REPO_ROOT\n", path);
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *text = malloc(cap);
    size_t n;
    while (text && (n = fread(text + len, 1, cap - len - 1, fp)) > 0) {
        len += n;
        if (len + 1 == cap) {
            char *grown = realloc(text, cap * 2);
            if (!grown) {
                free(text);
                text = NULL;
                break;
            }
            text = grown;
            cap *= 2;
        }
    }
    fclose(fp);
    if (text)
        text[len] = '\0';
    return text;
}

static const char *query_error_name(TSQueryError error)
{
    switch (error) {
    case TSQueryErrorNone: return "none";
    case TSQueryErrorSyntax: return "syntax";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern";
    case TSQueryErrorLanguage: return "language";
    }
    return "unknown error";
}

/* 1-based line and column of a byte offset, for the failure message. */
static void line_col(const char *text, uint32_t offset, unsigned *line, unsigned *col)
{
    *line = 1;
    *col = 1;
    for (uint32_t i = 0; i < offset && text[i]; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

static TSQuery *compile_query(const char *text)
{
    uint32_t error_offset = 0;
    TSQueryError error = TSQueryErrorNone;
    TSQuery *query =
        ts_query_new(tree_sitter_bcp(), text, (uint32_t)strlen(text), &error_offset, &error);
    if (!query) {
        unsigned line, col;
        line_col(text, error_offset, &line, &col);
        fprintf(stderr, "%s:%u:%u: query does not compile: %s (byte offset %u)\n",
                query_path, line, col, query_error_name(error), error_offset);
    }
    return query;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    *state = f;
    f->query_text = read_query_file();
    if (!f->query_text)
        return -1;
    f->query = compile_query(f->query_text);
    if (!f->query)
        return -1;
    f->parser = ts_parser_new();
    ts_parser_set_language(f->parser, tree_sitter_bcp());
    f->tree = ts_parser_parse_string(f->parser, NULL, SAMPLE, (uint32_t)strlen(SAMPLE));
    if (!f->tree)
        return -1;

    TSQueryCursor *cursor = ts_query_cursor_new();
    ts_query_cursor_exec(cursor, f->query, ts_tree_root_node(f->tree));
    TSQueryMatch match;
    uint32_t index;
    while (ts_query_cursor_next_capture(cursor, &match, &index)) {
        TSQueryCapture c = match.captures[index];
        uint32_t name_len;
        capture *grown = realloc(f->captures, (f->count + 1) * sizeof *grown);
        if (!grown)
            break;
        f->captures = grown;
        f->captures[f->count++] = (capture){
            .name = ts_query_capture_name_for_id(f->query, c.index, &name_len),
            .start = ts_node_start_byte(c.node),
            .end = ts_node_end_byte(c.node),
        };
    }
    ts_query_cursor_delete(cursor);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (!f)
        return 0;
    free(f->captures);
    if (f->tree)
        ts_tree_delete(f->tree);
    if (f->parser)
        ts_parser_delete(f->parser);
    if (f->query)
        ts_query_delete(f->query);
    free(f->query_text);
    free(f);
    return 0;
}

/* The byte range of `len` bytes at `skip` bytes into the first occurrence of `anchor`. */
static void span_in_sample(const char *anchor, uint32_t skip, uint32_t len, uint32_t *start,
                           uint32_t *end)
{
    const char *at = strstr(SAMPLE, anchor);
    if (!at)
        fail_msg("'%s' is not in the sample", anchor);
    *start = (uint32_t)(at - SAMPLE) + skip;
    *end = *start + (len ? len : (uint32_t)strlen(anchor) - skip);
}

/* The capture names on exactly that byte range, comma-separated, for messages. */
static void names_at(const fixture *f, uint32_t start, uint32_t end, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < f->count; i++) {
        if (f->captures[i].start != start || f->captures[i].end != end)
            continue;
        size_t used = strlen(buf);
        snprintf(buf + used, size - used, "%s%s", used ? "," : "", f->captures[i].name);
    }
}

static bool captured_as(const fixture *f, uint32_t start, uint32_t end, const char *name)
{
    for (size_t i = 0; i < f->count; i++)
        if (f->captures[i].start == start && f->captures[i].end == end &&
            strcmp(f->captures[i].name, name) == 0)
            return true;
    return false;
}

/* Asserts that `len` bytes (0: the rest of the anchor) at `skip` into `anchor` are @name. */
static void check_capture(const fixture *f, const char *anchor, uint32_t skip, uint32_t len,
                          const char *name)
{
    uint32_t start, end;
    span_in_sample(anchor, skip, len, &start, &end);
    if (!captured_as(f, start, end, name)) {
        char found[256];
        names_at(f, start, end, found, sizeof found);
        fail_msg("'%.*s' (bytes %u-%u in '%s') should be @%s, is captured as [%s]",
                 (int)(end - start), SAMPLE + start, start, end, anchor, name, found);
    }
}

static void test_query_compiles(void **state)
{
    fixture *f = *state;
    assert_non_null(f->query);
    assert_true(ts_query_pattern_count(f->query) > 0);
    assert_false(ts_node_has_error(ts_tree_root_node(f->tree)));
}

/* Capture names are the ones highlighters know; a typo would silently show no colour. */
static void test_capture_names_are_standard(void **state)
{
    fixture *f = *state;
    static const char *const standard[] = {
        "comment", "keyword", "type", "variable", "variable.member", "property",
        "constant", "constant.builtin", "string", "string.escape", "string.special",
        "number", "boolean", "punctuation.bracket", "punctuation.delimiter", "operator",
    };
    uint32_t count = ts_query_capture_count(f->query);
    for (uint32_t i = 0; i < count; i++) {
        uint32_t len;
        const char *name = ts_query_capture_name_for_id(f->query, i, &len);
        bool known = false;
        for (size_t k = 0; k < sizeof standard / sizeof *standard; k++)
            known = known || strcmp(name, standard[k]) == 0;
        if (!known)
            fail_msg("capture @%s is not a standard highlight name", name);
    }
}

static void test_keywords_and_comments(void **state)
{
    fixture *f = *state;
    check_capture(f, "# sample plan", 0, 0, "comment");
    check_capture(f, "# who signs it off", 0, 0, "comment");
    check_capture(f, "use \"std/it\"", 0, 3, "keyword");
    check_capture(f, "use \"std/it\"", 4, 0, "string");
}

static void test_blocks_and_attributes(void **state)
{
    fixture *f = *state;
    check_capture(f, "plan acme", 0, 4, "type");
    check_capture(f, "plan acme", 5, 4, "variable");
    check_capture(f, "backup {", 0, 6, "type");
    check_capture(f, "title    =", 0, 5, "property");
    check_capture(f, "offsite", 0, 0, "property");
    check_capture(f, "title    =", 9, 1, "operator");
    check_capture(f, "acme {", 5, 1, "punctuation.bracket");
}

static void test_values(void **state)
{
    fixture *f = *state;
    check_capture(f, "\"Acme\\n# not a comment\"", 0, 0, "string");
    check_capture(f, "Acme\\n", 4, 2, "string.escape");
    check_capture(f, "2026-09-01", 0, 0, "string.special");
    check_capture(f, "24h", 0, 0, "number");
    check_capture(f, "-1", 0, 0, "number");
    check_capture(f, "true", 0, 0, "boolean");
    check_capture(f, "false", 0, 0, "boolean");
    check_capture(f, "retail", 0, 0, "constant");
    check_capture(f, "remote", 0, 0, "constant");
    check_capture(f, "\"\"\"\n    text\n  \"\"\"", 0, 0, "string");
}

static void test_references_and_lists(void **state)
{
    fixture *f = *state;
    check_capture(f, "contact.owner", 0, 7, "type");
    check_capture(f, "contact.owner", 7, 1, "punctuation.delimiter");
    check_capture(f, "contact.owner", 8, 5, "variable.member");
    check_capture(f, "site.hq", 0, 4, "type");
    check_capture(f, "site.hq", 5, 2, "variable.member");
    check_capture(f, "[site.hq", 0, 1, "punctuation.bracket");
    check_capture(f, "hq, remote", 2, 1, "punctuation.delimiter");
}

/* A '#' inside a string is text: highlighting it as a comment would be a lexer bug. */
static void test_hash_in_string_is_not_a_comment(void **state)
{
    fixture *f = *state;
    const char *hash = strstr(SAMPLE, "# not a comment");
    assert_non_null(hash);
    uint32_t at = (uint32_t)(hash - SAMPLE);
    for (size_t i = 0; i < f->count; i++)
        if (strcmp(f->captures[i].name, "comment") == 0)
            assert_false(f->captures[i].start <= at && at < f->captures[i].end);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_query_compiles),
        cmocka_unit_test(test_capture_names_are_standard),
        cmocka_unit_test(test_keywords_and_comments),
        cmocka_unit_test(test_blocks_and_attributes),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_references_and_lists),
        cmocka_unit_test(test_hash_in_string_is_not_a_comment),
    };
    return cmocka_run_group_tests_name("queries", tests, setup, teardown);
}
