/* Source -> tree-sitter syntax tree: the grammar's symbols, parsing, syntax
 * errors as diagnostics, and an S-expression dump of a tree. */
#include "syntax.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "prescan.h"

/* Filled once, by the first caller on any thread (pthread_once), then read-only. */
static bcp_symbols symbols;
static pthread_once_t symbols_once = PTHREAD_ONCE_INIT;

/* 0 when the grammar has no such node: tests/unit/test_syntax.c checks that
 * every symbol is found. */
static TSSymbol symbol(const TSLanguage *lang, const char *name, bool named)
{
    return ts_language_symbol_for_name(lang, name, (uint32_t)strlen(name), named);
}

static void init_symbols(void)
{
    const TSLanguage *lang = tree_sitter_bcp();
    symbols.source_file = symbol(lang, "source_file", true);
    symbols.comment = symbol(lang, "comment", true);
    symbols.use_statement = symbol(lang, "use_statement", true);
    symbols.block = symbol(lang, "block", true);
    symbols.block_body = symbol(lang, "block_body", true);
    symbols.attribute = symbol(lang, "attribute", true);
    symbols.list = symbol(lang, "list", true);
    symbols.reference = symbol(lang, "reference", true);
    symbols.string = symbol(lang, "string", true);
    symbols.multiline_string = symbol(lang, "multiline_string", true);
    symbols.integer = symbol(lang, "integer", true);
    symbols.duration = symbol(lang, "duration", true);
    symbols.date = symbol(lang, "date", true);
    symbols.boolean = symbol(lang, "boolean", true);
    symbols.identifier = symbol(lang, "identifier", true);
    symbols.string_content = symbol(lang, "string_content", true);
    symbols.escape_sequence = symbol(lang, "escape_sequence", true);
    symbols.field_kind = ts_language_field_id_for_name(lang, "kind", 4);
    symbols.field_name = ts_language_field_id_for_name(lang, "name", 4);
    symbols.field_body = ts_language_field_id_for_name(lang, "body", 4);
    symbols.field_key = ts_language_field_id_for_name(lang, "key", 3);
    symbols.field_value = ts_language_field_id_for_name(lang, "value", 5);
    symbols.field_path = ts_language_field_id_for_name(lang, "path", 4);
}

const bcp_symbols *bcp_syntax_symbols(void)
{
    pthread_once(&symbols_once, init_symbols);
    return &symbols;
}

bool bcp_syntax_prescan(const bcp_source *src)
{
    bcp_source *s = (bcp_source *)src; /* a cache of a fact about the text */
    if (atomic_load_explicit(&s->prescanned, memory_order_acquire))
        return true;
    if (src->length > UINT32_MAX || !bcp_prescan(src->text, src->length, NULL))
        return false;
    atomic_store_explicit(&s->prescanned, true, memory_order_release);
    return true;
}

TSTree *bcp_syntax_parse_text(TSParser *parser, const TSTree *old, const char *text, uint32_t length)
{
    if (!bcp_prescan(text, length, NULL))
        return ts_parser_parse_string(parser, NULL, "", 0);
    return ts_parser_parse_string(parser, old, text, length);
}

TSTree *bcp_syntax_parse(const bcp_source *src)
{
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_bcp());
    bool ok = bcp_syntax_prescan(src);
    TSTree *tree = ts_parser_parse_string(parser, NULL, ok ? src->text : "", ok ? (uint32_t)src->length : 0);
    ts_parser_delete(parser);
    return tree;
}

bcp_span bcp_node_span(const bcp_source *src, TSNode node)
{
    TSPoint start = ts_node_start_point(node);
    bcp_span span = {
        .source = src,
        .start_byte = ts_node_start_byte(node),
        .end_byte = ts_node_end_byte(node),
        .row = start.row,
        .byte_column = start.column,
    };
    return span;
}

/* A short, printable excerpt of the text at the error, for the message. */
static void excerpt(const bcp_source *src, TSNode node, char *buf, size_t size)
{
    uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    /* Prefer the first leaf token inside the error node. */
    TSNode leaf = node;
    while (ts_node_child_count(leaf) > 0)
        leaf = ts_node_child(leaf, 0);
    if (!ts_node_is_null(leaf) && ts_node_end_byte(leaf) > ts_node_start_byte(leaf)) {
        start = ts_node_start_byte(leaf);
        end = ts_node_end_byte(leaf);
    }
    size_t n = 0;
    for (uint32_t i = start; i < end && n + 4 < size; i++) {
        char c = src->text[i];
        if (c == '\n' || c == '\r')
            break;
        buf[n++] = c;
    }
    /* Do not cut a UTF-8 sequence in half. */
    while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80 && n + 4 >= size)
        n--;
    if (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0xC0)
        n--;
    buf[n] = '\0';
}

static const char *describe_missing(const char *type)
{
    if (strcmp(type, "}") == 0)
        return "missing '}' to close the block";
    if (strcmp(type, "]") == 0)
        return "missing ']' to close the list";
    if (strcmp(type, "\"") == 0)
        return "missing '\"' to close the string";
    if (strcmp(type, "=") == 0)
        return "missing '=' between attribute name and value";
    if (strcmp(type, "identifier") == 0)
        return "missing a name or value here";
    return NULL;
}

/* The 0.20 runtime has no ts_node_is_error; ERROR is the builtin symbol 65535. */
static bool node_is_error(TSNode node)
{
    return ts_node_symbol(node) == (TSSymbol)-1;
}

static size_t report(const bcp_source *src, TSNode node, bcp_diag_list *diags)
{
    if (ts_node_is_missing(node)) {
        const char *type = ts_node_type(node);
        bcp_span span = bcp_node_span(src, node);
        const char *what = describe_missing(type);
        bcp_diag *d;
        if (what)
            d = bcp_diag_add_code(diags, BCP_CODE_E002, &span, "%s", what);
        else
            d = bcp_diag_add_code(diags, BCP_CODE_E002, &span,
                             "missing %s", type);
        d->is_syntax = true;
        return 1;
    }
    if (node_is_error(node)) {
        char text[64];
        excerpt(src, node, text, sizeof text);
        bcp_span span = bcp_node_span(src, node);
        bcp_diag *d;
        if (text[0])
            d = bcp_diag_add_code(diags, BCP_CODE_E001, &span,
                             "syntax error: unexpected '%s'", text);
        else
            d = bcp_diag_add_code(diags, BCP_CODE_E001, &span,
                             "syntax error: unexpected end of file");
        d->is_syntax = true;
        bcp_diag_set_hint(d, "a block is `kind id { name = value ... }`; strings are in double quotes");
        /* Nested MISSING nodes inside an error are part of the same mistake. */
        return 1;
    }
    if (!ts_node_has_error(node))
        return 0;
    size_t n = 0;
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; i++)
        n += report(src, ts_node_child(node, i), diags);
    return n;
}

/* The pre-scan's refusal, at the bytes at fault. */
static size_t report_refusal(const bcp_source *src, bcp_diag_list *diags)
{
    bcp_prescan_result r;
    if (src->length > UINT32_MAX) {
        r.code = BCP_CODE_E010;
        r.start = r.end = 0;
        snprintf(r.message, sizeof r.message, "file is larger than 4 GiB, which the parser cannot take");
    } else if (bcp_prescan(src->text, src->length, &r)) {
        return 0;
    }
    bcp_span span = bcp_source_span(src, r.start, r.end);
    bcp_diag *d = bcp_diag_add_code(diags, r.code, &span, "%s", r.message);
    d->is_syntax = true;
    return 1;
}

size_t bcp_syntax_report_errors(const bcp_source *src, TSTree *tree, bcp_diag_list *diags)
{
    if (!bcp_syntax_prescan(src))
        return report_refusal(src, diags);
    TSNode root = ts_tree_root_node(tree);
    if (!ts_node_has_error(root))
        return 0;
    if (node_is_error(root)) {
        /* The whole file failed: report its error children, not one giant node. */
        size_t n = 0;
        uint32_t count = ts_node_child_count(root);
        for (uint32_t i = 0; i < count; i++) {
            TSNode child = ts_node_child(root, i);
            if (ts_node_has_error(child) || node_is_error(child))
                n += report(src, child, diags);
        }
        if (n == 0)
            n = report(src, root, diags);
        return n;
    }
    return report(src, root, diags);
}

static void print_node(bcp_buf *out, TSTreeCursor *cursor, int depth)
{
    TSNode node = ts_tree_cursor_current_node(cursor);
    const char *field = ts_tree_cursor_current_field_name(cursor);
    TSPoint start = ts_node_start_point(node), end = ts_node_end_point(node);
    for (int i = 0; i < depth; i++)
        bcp_buf_puts(out, "  ");
    if (field)
        bcp_buf_printf(out, "%s: ", field);
    if (ts_node_is_missing(node))
        bcp_buf_printf(out, "(MISSING %s", ts_node_type(node));
    else
        bcp_buf_printf(out, "(%s", ts_node_type(node));
    bcp_buf_printf(out, " [%u, %u] - [%u, %u]", start.row, start.column, end.row, end.column);
    if (ts_tree_cursor_goto_first_child(cursor)) {
        bool any = false;
        do {
            if (!ts_node_is_named(ts_tree_cursor_current_node(cursor)) &&
                !ts_node_is_missing(ts_tree_cursor_current_node(cursor)))
                continue;
            bcp_buf_puts(out, "\n");
            print_node(out, cursor, depth + 1);
            any = true;
        } while (ts_tree_cursor_goto_next_sibling(cursor));
        (void)any;
        ts_tree_cursor_goto_parent(cursor);
    }
    bcp_buf_puts(out, ")");
}

void bcp_syntax_print_sexp(bcp_buf *out, const bcp_source *src, TSTree *tree)
{
    (void)src;
    TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
    print_node(out, &cursor, 0);
    bcp_buf_puts(out, "\n");
    ts_tree_cursor_delete(&cursor);
}

/* A parser per task: cheap next to the parse, and no per-thread state to clean up. */
static void parse_one(void *item)
{
    bcp_parse_task *t = item;
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_bcp());
    if (!t->prescanned && !bcp_prescan(t->text, t->length, NULL))
        t->tree = ts_parser_parse_string(parser, NULL, "", 0);
    else {
        if (t->ranged)
            ts_parser_set_included_ranges(parser, &t->range, 1);
        t->tree = ts_parser_parse_string(parser, NULL, t->text, t->length);
    }
    ts_parser_delete(parser);
}

void bcp_parse_tasks(bcp_parse_task *tasks, size_t count)
{
    bcp_run_parallel(parse_one, tasks, sizeof *tasks, count);
}
