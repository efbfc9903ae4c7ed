/* The editor support: every tree-sitter query shipped for an editor compiles
 * against the grammar with the runtime's query API and captures the expected
 * nodes of a sample plan; the VS Code snippets cover every kind the schema
 * knows.  Paths are relative to the repository root, where `make` runs tests. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>
#include <tree_sitter/api.h>

#include "model/schema.h"
#include "syntax/syntax.h"

#define SAMPLE_PATH "editors/test/sample.bcp"

/* Every folder that holds .scm queries for some editor. */
static const char *const query_dirs[] = {
    "grammar/queries",
    "editors/helix/queries/bcp",
    "editors/neovim/queries/bcp",
    "editors/zed/languages/bcp",
};

static char *read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[len] = '\0';
    if (len_out)
        *len_out = len;
    return buf;
}

static const char *query_error_name(TSQueryError error)
{
    switch (error) {
    case TSQueryErrorSyntax: return "syntax";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern";
    case TSQueryErrorLanguage: return "language";
    default: return "none";
    }
}

/* Compiles one query file; fails the test with the file, line and reason. */
static TSQuery *compile_query(const char *path)
{
    size_t len = 0;
    char *source = read_file(path, &len);
    if (!source)
        fail_msg("cannot read %s", path);
    uint32_t error_offset = 0;
    TSQueryError error = TSQueryErrorNone;
    TSQuery *query = ts_query_new(tree_sitter_bcp(), source, (uint32_t)len, &error_offset, &error);
    if (!query) {
        unsigned line = 1;
        for (uint32_t i = 0; i < error_offset && i < len; i++)
            line += source[i] == '\n';
        free(source);
        fail_msg("%s:%u: query error: %s", path, line, query_error_name(error));
    }
    free(source);
    return query;
}

static bool ends_with_scm(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".scm") == 0;
}

static void every_query_file_compiles(void **state)
{
    (void)state;
    size_t compiled = 0;
    for (size_t d = 0; d < sizeof query_dirs / sizeof query_dirs[0]; d++) {
        DIR *dir = opendir(query_dirs[d]);
        if (!dir)
            fail_msg("missing query folder %s", query_dirs[d]);
        size_t in_dir = 0;
        struct dirent *ent;
        while ((ent = readdir(dir))) {
            if (!ends_with_scm(ent->d_name))
                continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", query_dirs[d], ent->d_name);
            TSQuery *query = compile_query(path);
            assert_true(ts_query_pattern_count(query) > 0);
            ts_query_delete(query);
            in_dir++;
        }
        closedir(dir);
        if (in_dir == 0)
            fail_msg("no .scm file in %s", query_dirs[d]);
        compiled += in_dir;
    }
    assert_true(compiled >= 14);
}

typedef struct sample {
    char *text;
    size_t len;
    TSParser *parser;
    TSTree *tree;
} sample;

static int sample_setup(void **state)
{
    sample *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->text = read_file(SAMPLE_PATH, &s->len);
    if (!s->text) {
        free(s);
        return -1;
    }
    s->parser = ts_parser_new();
    ts_parser_set_language(s->parser, tree_sitter_bcp());
    s->tree = ts_parser_parse_string(s->parser, NULL, s->text, (uint32_t)s->len);
    *state = s;
    return 0;
}

static int sample_teardown(void **state)
{
    sample *s = *state;
    ts_tree_delete(s->tree);
    ts_parser_delete(s->parser);
    free(s->text);
    free(s);
    return 0;
}

/* Does the query in `path`, run over the sample, capture a node named
 * `capture` that starts at row:column (0-based, as tree-sitter counts)? */
static bool captures_at(const sample *s, const char *path, const char *capture, uint32_t row,
                        uint32_t column)
{
    TSQuery *query = compile_query(path);
    TSQueryCursor *cursor = ts_query_cursor_new();
    ts_query_cursor_exec(cursor, query, ts_tree_root_node(s->tree));
    TSQueryMatch match;
    uint32_t index;
    bool found = false;
    while (!found && ts_query_cursor_next_capture(cursor, &match, &index)) {
        TSQueryCapture cap = match.captures[index];
        uint32_t name_len;
        const char *name = ts_query_capture_name_for_id(query, cap.index, &name_len);
        TSPoint start = ts_node_start_point(cap.node);
        found = name_len == strlen(capture) && memcmp(name, capture, name_len) == 0 &&
                start.row == row && start.column == column;
    }
    ts_query_cursor_delete(cursor);
    ts_query_delete(query);
    return found;
}

#define assert_capture(s, path, capture, row, column)                                          \
    do {                                                                                       \
        if (!captures_at(s, path, capture, row, column))                                       \
            fail_msg("%s: no @%s at %u:%u (0-based)", path, capture, row, column);             \
    } while (0)

#define assert_no_capture(s, path, capture, row, column)                                       \
    do {                                                                                       \
        if (captures_at(s, path, capture, row, column))                                        \
            fail_msg("%s: unexpected @%s at %u:%u (0-based)", path, capture, row, column);     \
    } while (0)

static void sample_parses_cleanly(void **state)
{
    sample *s = *state;
    assert_false(ts_node_has_error(ts_tree_root_node(s->tree)));
}

static void folds_cover_blocks_lists_and_multiline_strings(void **state)
{
    sample *s = *state;
    const char *q = "grammar/queries/folds.scm";
    assert_capture(s, q, "fold", 3, 0);   /* plan sample { */
    assert_capture(s, q, "fold", 32, 2);  /* nested backup nightly { */
    assert_capture(s, q, "fold", 10, 15); /* objectives = [ over four lines */
    assert_capture(s, q, "fold", 21, 13); /* fallback = """ */
    assert_no_capture(s, q, "fold", 4, 17); /* a one-line string does not fold */
}

static void indents_open_at_braces_and_close_at_closers(void **state)
{
    sample *s = *state;
    const char *q = "grammar/queries/indents.scm";
    assert_capture(s, q, "indent.begin", 3, 12);  /* { of plan */
    assert_capture(s, q, "indent.begin", 10, 15); /* [ of objectives */
    assert_capture(s, q, "indent.branch", 14, 0); /* } of plan */
    assert_capture(s, q, "indent.branch", 13, 2); /* ] of objectives */
    assert_capture(s, q, "indent.auto", 21, 13);  /* """ keeps its layout */
}

static void locals_define_block_ids_and_reference_them(void **state)
{
    sample *s = *state;
    const char *const files[] = {"grammar/queries/locals.scm", "editors/helix/queries/bcp/locals.scm"};
    for (size_t i = 0; i < 2; i++) {
        const char *q = files[i];
        assert_capture(s, q, "local.scope", 0, 0);
        assert_capture(s, q, "local.definition", 3, 5);  /* plan sample */
        assert_capture(s, q, "local.definition", 29, 7); /* system crm */
        assert_capture(s, q, "local.definition", 32, 9); /* backup nightly */
        assert_capture(s, q, "local.definition", 38, 8); /* contact owner */
        assert_capture(s, q, "local.reference", 7, 25);  /* contact.owner */
        assert_capture(s, q, "local.reference", 26, 18); /* [system.crm] */
        /* the kind word of a block and of a reference is neither */
        assert_no_capture(s, q, "local.definition", 38, 0);
        assert_no_capture(s, q, "local.reference", 7, 17);
    }
}

static void helix_highlights_use_helix_names(void **state)
{
    sample *s = *state;
    const char *q = "editors/helix/queries/bcp/highlights.scm";
    assert_capture(s, q, "comment", 0, 0);
    assert_capture(s, q, "keyword.control.import", 1, 0);
    assert_capture(s, q, "keyword", 3, 0);                /* plan */
    assert_capture(s, q, "type", 3, 5);                   /* sample */
    assert_capture(s, q, "variable.other.member", 4, 2);  /* title */
    assert_capture(s, q, "string", 4, 17);
    assert_capture(s, q, "constant.character.escape", 4, 25);
    assert_capture(s, q, "type", 7, 17);                  /* contact. */
    assert_capture(s, q, "variable", 7, 25);              /* .owner */
    assert_capture(s, q, "string.special", 8, 17);        /* 2026-09-01 */
    assert_capture(s, q, "constant.numeric", 9, 17);      /* 6mo */
    assert_capture(s, q, "constant.numeric.integer", 18, 13);
    assert_capture(s, q, "constant.builtin.boolean", 19, 13);
    assert_capture(s, q, "string", 21, 13);               /* """ */
    assert_capture(s, q, "constant", 6, 17);              /* professional_services */
    assert_capture(s, q, "keyword", 32, 2);               /* nested backup */
}

static void helix_indents_and_textobjects(void **state)
{
    sample *s = *state;
    assert_capture(s, "editors/helix/queries/bcp/indents.scm", "indent", 3, 12);
    assert_capture(s, "editors/helix/queries/bcp/indents.scm", "outdent", 14, 0);
    assert_capture(s, "editors/helix/queries/bcp/textobjects.scm", "class.around", 16, 0);
    assert_capture(s, "editors/helix/queries/bcp/textobjects.scm", "entry.around", 17, 2);
}

static void zed_queries_capture_what_zed_expects(void **state)
{
    sample *s = *state;
    const char *dir = "editors/zed/languages/bcp/";
    char path[256];
    snprintf(path, sizeof path, "%shighlights.scm", dir);
    assert_capture(s, path, "keyword", 3, 0);
    assert_capture(s, path, "property", 4, 2);
    assert_capture(s, path, "number", 9, 17);
    assert_capture(s, path, "boolean", 19, 13);
    assert_capture(s, path, "string.special", 8, 17);
    snprintf(path, sizeof path, "%soutline.scm", dir);
    assert_capture(s, path, "item", 16, 0);
    assert_capture(s, path, "context", 16, 0);
    assert_capture(s, path, "name", 16, 9);
    snprintf(path, sizeof path, "%sbrackets.scm", dir);
    assert_capture(s, path, "open", 3, 12);
    assert_capture(s, path, "close", 14, 0);
    snprintf(path, sizeof path, "%sindents.scm", dir);
    assert_capture(s, path, "indent", 3, 12);
    assert_capture(s, path, "end", 14, 0);
}

/* A snippet's body lines, joined, so that attributes can be looked for. */
static char *snippet_body(json_t *snippet)
{
    json_t *body = json_object_get(snippet, "body");
    size_t total = 1, i;
    json_t *line;
    json_array_foreach(body, i, line) total += json_string_length(line) + 1;
    char *text = calloc(1, total);
    if (!text)
        return NULL;
    json_array_foreach(body, i, line)
    {
        strcat(text, json_string_value(line));
        strcat(text, "\n");
    }
    return text;
}

/* Is there a line "\t<name> = ..." in the body?  Snippets align their `=`. */
static bool has_attribute_line(const char *body, const char *name)
{
    size_t len = strlen(name);
    for (const char *line = body; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
        if (line[0] != '\t' || strncmp(line + 1, name, len) != 0)
            continue;
        const char *rest = line + 1 + len;
        while (*rest == ' ')
            rest++;
        if (*rest == '=')
            return true;
    }
    return false;
}

static json_t *snippet_for_kind(json_t *snippets, const char *kind)
{
    const char *key;
    json_t *snippet;
    json_object_foreach(snippets, key, snippet)
    {
        json_t *prefix = json_object_get(snippet, "prefix");
        if (json_is_string(prefix) && strcmp(json_string_value(prefix), kind) == 0)
            return snippet;
    }
    return NULL;
}

static void vscode_snippets_cover_every_schema_kind(void **state)
{
    (void)state;
    json_error_t error;
    json_t *snippets = json_load_file("editors/vscode/snippets/bcp.code-snippets", 0, &error);
    if (!snippets)
        fail_msg("bcp.code-snippets:%d: %s", error.line, error.text);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_kind_schema *kind = bcp_schema_kind((bcp_kind)k);
        json_t *snippet = snippet_for_kind(snippets, kind->name);
        if (!snippet) {
            json_decref(snippets);
            fail_msg("no snippet with prefix \"%s\"", kind->name);
        }
        char *body = snippet_body(snippet);
        assert_non_null(body);
        assert_true(strncmp(body, kind->name, strlen(kind->name)) == 0);
        for (size_t a = 0; a < kind->attr_count; a++) {
            if (!kind->attrs[a].required)
                continue;
            if (!has_attribute_line(body, kind->attrs[a].name)) {
                free(body);
                json_decref(snippets);
                fail_msg("snippet \"%s\" lacks required attribute %s", kind->name, kind->attrs[a].name);
            }
        }
        free(body);
    }
    json_decref(snippets);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_query_file_compiles),
        cmocka_unit_test_setup_teardown(sample_parses_cleanly, sample_setup, sample_teardown),
        cmocka_unit_test_setup_teardown(folds_cover_blocks_lists_and_multiline_strings, sample_setup,
                                        sample_teardown),
        cmocka_unit_test_setup_teardown(indents_open_at_braces_and_close_at_closers, sample_setup,
                                        sample_teardown),
        cmocka_unit_test_setup_teardown(locals_define_block_ids_and_reference_them, sample_setup,
                                        sample_teardown),
        cmocka_unit_test_setup_teardown(helix_highlights_use_helix_names, sample_setup, sample_teardown),
        cmocka_unit_test_setup_teardown(helix_indents_and_textobjects, sample_setup, sample_teardown),
        cmocka_unit_test_setup_teardown(zed_queries_capture_what_zed_expects, sample_setup,
                                        sample_teardown),
        cmocka_unit_test(vscode_snippets_cover_every_schema_kind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
