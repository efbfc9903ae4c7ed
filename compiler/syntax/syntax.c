/* Source -> tree-sitter syntax tree: the grammar's symbols, parsing, syntax
 * errors as diagnostics, and an S-expression dump of a tree. */
#include "syntax.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/call.h"
#include "causes.h"
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
    if (src->length > UINT32_MAX || !bcp_prescan_source(src->text, src->length, src->is_stdlib, NULL))
        return false;
    atomic_store_explicit(&s->prescanned, true, memory_order_release);
    return true;
}

/* serve13b: every parse of the library goes through here, under the
 * current call's cancel flag (base/call.h).  A cancelled parse gives the
 * tree of empty text, as a refused text does: the call's remaining work is
 * then quick, and its entry point reports it cancelled.  The flag is never
 * left on the parser, which may outlive the call (a workspace's, a model's). */
TSTree *bcp_syntax_parse_string(TSParser *parser, const TSTree *old, const char *text, uint32_t length)
{
    const size_t *flag = bcp_call_cancel_flag();
    TSTree *tree = NULL;
    if (!bcp_call_cancelled()) {
        ts_parser_set_cancellation_flag(parser, flag);
        tree = ts_parser_parse_string(parser, old, text, length);
        ts_parser_set_cancellation_flag(parser, NULL);
    }
    if (!tree) {
        ts_parser_reset(parser);
        ts_parser_set_included_ranges(parser, NULL, 0);
        tree = ts_parser_parse_string(parser, NULL, "", 0);
    }
    return tree;
}

TSTree *bcp_syntax_parse_text_scanned(TSParser *parser, const TSTree *old, const char *text, uint32_t length,
                                      bool *prescan_ok)
{
    bool ok = bcp_prescan(text, length, NULL);
    if (prescan_ok)
        *prescan_ok = ok;
    if (!ok)
        return bcp_syntax_parse_string(parser, NULL, "", 0);
    return bcp_syntax_parse_string(parser, old, text, length);
}

TSTree *bcp_syntax_parse_text(TSParser *parser, const TSTree *old, const char *text, uint32_t length)
{
    return bcp_syntax_parse_text_scanned(parser, old, text, length, NULL);
}

TSTree *bcp_syntax_parse(const bcp_source *src)
{
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_bcp());
    bool ok = bcp_syntax_prescan(src);
    TSTree *tree = bcp_syntax_parse_string(parser, NULL, ok ? src->text : "", ok ? (uint32_t)src->length : 0);
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

/* The tree's errors: ERROR and MISSING nodes, outermost first (a MISSING
 * inside an ERROR is part of the same mistake). */
typedef struct node_list {
    TSNode *items;
    size_t count, capacity;
} node_list;

static void collect(TSNode node, node_list *out)
{
    if (ts_node_is_missing(node) || node_is_error(node)) {
        out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
        out->items[out->count++] = node;
        return;
    }
    if (!ts_node_has_error(node))
        return;
    uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; i++)
        collect(ts_node_child(node, i), out);
}

static void report_node(const bcp_source *src, TSNode node, bcp_diag_list *diags)
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
        return;
    }
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
}

/* Each of the tree's errors is matched against every cause: a file with
 * thousands of slips reports the first few hundred, in linear time. */
#define MAX_CAUSES 200

/* Is the tree's error at `node` an echo of `cause`? */
static bool explains(const bcp_cause *cause, TSNode node)
{
    uint32_t start = ts_node_start_byte(node), row = ts_node_start_point(node).row;
    if (cause->last_row == UINT32_MAX)
        return start >= cause->span.start_byte;
    /* A MISSING token is placed after the token before the slip, maybe a line up. */
    uint32_t first = cause->span.row - (ts_node_is_missing(node) && cause->span.row > 0);
    return row >= first && row <= cause->last_row + 1;
}

/* "function payroll" for the block whose `{` is at `span`. */
static void block_header(const bcp_span *brace, char *buf, size_t size)
{
    size_t len;
    const char *line = bcp_span_line(brace, &len);
    size_t i = 0, end = brace->byte_column;
    while (i < end && (line[i] == ' ' || line[i] == '\t'))
        i++;
    while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        end--;
    if (end - i >= size)
        end = i + size - 1;
    /* Do not cut a UTF-8 sequence in half. */
    while (end > i && end < len && ((unsigned char)line[end] & 0xC0) == 0x80)
        end--;
    memcpy(buf, line + i, end - i);
    buf[end - i] = '\0';
}

static void report_cause(const bcp_cause *c, bcp_diag_list *diags)
{
    bcp_diag *d = NULL;
    const bcp_span *fix_span = c->has_fix_span ? &c->fix_span : &c->span;
    size_t len = c->span.end_byte - c->span.start_byte;
    const char *text = c->span.source->text + c->span.start_byte;
    char header[80];
    switch (c->kind) {
    case BCP_CAUSE_UNCLOSED_BLOCK:
        block_header(&c->span, header, sizeof header);
        /* E006 when it runs to the end of the file: everything after is read inside it. */
        if (header[0])
            d = bcp_diag_add_code(diags, c->last_row == UINT32_MAX ? BCP_CODE_E006 : BCP_CODE_E002,
                                  &c->span, "the `{` of `%s` is never closed: missing '}'", header);
        else
            d = bcp_diag_add_code(diags, c->last_row == UINT32_MAX ? BCP_CODE_E006 : BCP_CODE_E002,
                                  &c->span, "this `{` is never closed: missing '}'");
        if (c->has_note && c->note_is_close) {
            bcp_diag_add_note(d, &c->note, "the block most likely ends before line %u", c->note.row + 1);
            if (c->fix)
                bcp_diag_add_fix(d, fix_span, c->fix, "add `}` before line %u", c->note.row + 1);
        } else if (c->has_note) {
            bcp_diag_add_note(d, &c->note, "the block must close before this");
        }
        bcp_diag_set_hint(d, "every `{` needs its `}`; what follows was read as inside this block");
        break;
    case BCP_CAUSE_UNCLOSED_LIST:
        d = bcp_diag_add_code(diags, c->last_row == UINT32_MAX ? BCP_CODE_E006 : BCP_CODE_E002,
                              &c->span, "this `[` is never closed: missing ']'");
        if (c->has_note)
            bcp_diag_add_note(d, &c->note, "the list must close before this");
        bcp_diag_set_hint(d, "a list is `[a, b, c]`");
        break;
    case BCP_CAUSE_UNMATCHED_CLOSE:
        d = bcp_diag_add_code(diags, BCP_CODE_E003, &c->span, "`%.*s` closes nothing: no `%s` is open here",
                              (int)len, text, text[0] == '}' ? "{" : "[");
        bcp_diag_set_hint(d, "delete it, or add the `%s` it was meant to close", text[0] == '}' ? "{" : "[");
        break;
    case BCP_CAUSE_UNCLOSED_STRING:
        d = bcp_diag_add_code(diags, BCP_CODE_E002, &c->span, "missing '\"' to close the string");
        bcp_diag_set_hint(d, "a \"string\" ends on its line; use \"\"\"...\"\"\" for text over several lines");
        {
            bcp_span end = c->span;
            end.byte_column += (uint32_t)len;
            end.start_byte = end.end_byte;
            bcp_diag_add_fix(d, &end, "\"", "close the string");
        }
        break;
    case BCP_CAUSE_MISSING_EQUALS:
        d = bcp_diag_add_code(diags, BCP_CODE_E002, &c->span,
                              "missing '=' between `%s` and its value", c->key ? c->key : "");
        bcp_diag_set_hint(d, "an attribute is `name = value`");
        bcp_diag_add_fix(d, fix_span, c->fix, "write `%s =`", c->key ? c->key : "");
        break;
    case BCP_CAUSE_MISSING_COMMA:
        d = bcp_diag_add_code(diags, BCP_CODE_E002, &c->span, "missing ',' between list items");
        bcp_diag_set_hint(d, "list items are separated by commas: [\"phone\", \"sms\"]");
        bcp_diag_add_fix(d, fix_span, c->fix, "add `,`");
        break;
    case BCP_CAUSE_SPACED_DURATION:
        d = bcp_diag_add_code(diags, BCP_CODE_E004, &c->span,
                              "a duration is written without spaces: write %s", c->fix);
        bcp_diag_set_hint(d, "units are m (minutes), h, d, w, mo and y: 15m, 24h, 1h30m, 6mo");
        bcp_diag_add_fix(d, fix_span, c->fix, "write `%s`", c->fix);
        break;
    case BCP_CAUSE_MISSING_OPEN:
        d = bcp_diag_add_code(diags, BCP_CODE_E002, &c->span, "missing '{' after `%.*s`", (int)len, text);
        bcp_diag_set_hint(d, "a block is `kind id { name = value ... }`");
        bcp_diag_add_fix(d, fix_span, c->fix, "add `{`");
        break;
    case BCP_CAUSE_MISSING_VALUE:
        d = bcp_diag_add_code(diags, BCP_CODE_E002, &c->span, "missing a value after `%s =`",
                              c->key ? c->key : "");
        bcp_diag_set_hint(d, "an attribute is `name = value` on one line");
        break;
    case BCP_CAUSE_UNQUOTED_TEXT:
        d = bcp_diag_add_code(diags, BCP_CODE_E005, &c->span,
                              "text with spaces must be in double quotes");
        bcp_diag_set_hint(d, "a bare word is a name; write text as \"...\"");
        bcp_diag_add_fix(d, fix_span, c->fix, "put the text in quotes");
        break;
    }
    d->is_syntax = true;
}

/* The pre-scan's refusal, at the bytes at fault. */
static size_t report_refusal(const bcp_source *src, bcp_diag_list *diags)
{
    bcp_prescan_result r;
    if (src->length > UINT32_MAX) {
        r.code = BCP_CODE_E010;
        r.start = r.end = 0;
        snprintf(r.message, sizeof r.message, "file is larger than 4 GiB, which the parser cannot take");
    } else if (bcp_prescan_source(src->text, src->length, src->is_stdlib, &r)) {
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
    node_list errors = {0};
    if (node_is_error(root)) {
        /* The whole file failed: its error children, not one giant node. */
        uint32_t count = ts_node_child_count(root);
        for (uint32_t i = 0; i < count; i++)
            collect(ts_node_child(root, i), &errors);
        if (errors.count == 0) {
            errors.items = bcp_grow(errors.items, &errors.capacity, 0, sizeof *errors.items);
            errors.items[errors.count++] = root;
        }
    } else {
        collect(root, &errors);
    }
    /* The causes in the text the tree covers (a piece of a large file, or all of it). */
    uint32_t from = ts_node_start_byte(root), to = ts_node_end_byte(root);
    uint32_t row0 = ts_node_start_point(root).row;
    while (from > 0 && src->text[from - 1] != '\n')
        from--;
    bcp_cause_list causes = {0};
    bcp_causes_scan(src, from, to, row0, &causes);
    bcp_causes_keep_first(&causes, MAX_CAUSES);
    /* Reported in text order, causes and the parser's other errors together. */
    bcp_diag_list found = {0};
    size_t n = 0;
    for (size_t e = 0; e < errors.count; e++) {
        TSNode node = errors.items[e];
        uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
        /* An error that overlaps a cause, or follows from one (on its line or
         * the next, or anywhere after a block never closed), is its echo. */
        bool explained = false;
        for (size_t c = 0; !explained && c < causes.count; c++)
            explained = (causes.items[c].span.start_byte < (end > start ? end : start + 1) &&
                         causes.items[c].span.end_byte > start) ||
                        explains(&causes.items[c], node);
        if (!explained) {
            report_node(src, node, &found);
            n++;
        }
    }
    for (size_t c = 0; c < causes.count; c++) {
        /* Every cause is a mistake of its own, whether or not the parser's
         * recovery happened to stumble there. */
        report_cause(&causes.items[c], &found);
        n++;
    }
    bcp_cause_list_free(&causes);
    bcp_free(errors.items);
    bcp_diag_list_sort(&found);
    bcp_diag_list_append(diags, &found);
    bcp_diag_list_free(&found);
    return n;
}

static bool has_code(const bcp_diag *d, const bcp_code_id *codes, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (d->code && strcmp(d->code, bcp_code_at(codes[i])->code) == 0)
            return true;
    return false;
}

void bcp_syntax_fold_echoes(bcp_diag_list *diags)
{
    /* Errors about files themselves (unreadable, missing or escaping imports,
     * cycles) stand whatever the text says; references may point into the
     * text the parser had to guess at, in any file. */
    static const bcp_code_id about_files[] = {BCP_CODE_E100, BCP_CODE_E111, BCP_CODE_E112, BCP_CODE_E113};
    static const bcp_code_id references[] = {BCP_CODE_E106, BCP_CODE_E107};
    bool syntax = false;
    for (size_t i = 0; i < diags->count && !syntax; i++)
        syntax = diags->items[i].is_syntax;
    if (!syntax)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < diags->count; i++) {
        bcp_diag *d = &diags->items[i];
        bool echo = !d->is_syntax && !has_code(d, about_files, sizeof about_files / sizeof *about_files) &&
                    has_code(d, references, sizeof references / sizeof *references);
        for (size_t k = 0; !d->is_syntax && !echo && k < diags->count; k++)
            echo = diags->items[k].is_syntax && diags->items[k].span.source == d->span.source &&
                   !has_code(d, about_files, sizeof about_files / sizeof *about_files);
        if (echo)
            bcp_diag_free(d);
        else
            diags->items[kept++] = *d;
    }
    diags->count = kept;
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
        t->tree = bcp_syntax_parse_string(parser, NULL, "", 0);
    else {
        if (t->ranged)
            ts_parser_set_included_ranges(parser, &t->range, 1);
        t->tree = bcp_syntax_parse_string(parser, NULL, t->text, t->length);
    }
    ts_parser_delete(parser);
}

void bcp_parse_tasks(bcp_parse_task *tasks, size_t count)
{
    bcp_run_parallel(parse_one, tasks, sizeof *tasks, count);
}
