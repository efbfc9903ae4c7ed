/* bcp fmt: syntax tree -> a small layout tree -> canonical text.
 *
 * The layout tree keeps what the model drops: comments, where they stood,
 * and blank lines.  Comments are attached to the item they stand next to:
 *   - a comment on the same line as the end of an item trails that item;
 *   - a comment on the line of an opening `{` or `[` trails the brace;
 *   - any other comment between items is an item of its own;
 *   - a comment inside an item where no comment can be printed (between a
 *     key and `=`, between a block's kind and `{`) moves to its own line
 *     before that item.
 * Everything is rendered from the layout tree only, so that the output does
 * not depend on the input's whitespace beyond the blank lines the rules keep.
 * That makes the formatter idempotent by construction. */
#define _POSIX_C_SOURCE 200809L
#include "format.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/codes.h"
#include "model/model.h"
#include "model/model_dump.h"
#include "syntax/syntax.h"

/* ------------------------------------------------------------ out buffer */

static void sb_spaces(bcp_buf *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        bcp_buf_put(b, " ", 1);
}

/* The indentation of a nesting level: two spaces a level, up to
 * BCP_FORMAT_MAX_INDENT levels.  Deeper levels stay there, so that the
 * output grows linearly with the input however deep it nests (each
 * level's own line would otherwise cost its depth in spaces). */
static size_t indent_width(int level)
{
    return (size_t)(level < BCP_FORMAT_MAX_INDENT ? level : BCP_FORMAT_MAX_INDENT) * 2;
}

static void sb_indent(bcp_buf *b, int level) { sb_spaces(b, indent_width(level)); }

/* ------------------------------------------------------------ layout tree */

typedef struct comment {
    uint32_t start, end; /* '#' up to the last non-blank character */
} comment;

typedef struct fvalue fvalue;

typedef struct list_item {
    fvalue *value;
    bcp_ptr_vec lead;     /* comment* on their own lines before the item */
    comment *trailing;
} list_item;

struct fvalue {
    bool is_list;
    bool inline_ok;       /* value_inline_ok, computed once when built */
    size_t inline_width;  /* value_inline_width, likewise */
    uint32_t start, end;  /* atoms: the token, printed verbatim */
    bcp_ptr_vec items;    /* list_item* */
    comment *bracket;     /* on the line of `[` */
    bcp_ptr_vec tail;     /* comment* on their own lines before `]` */
};

typedef enum { N_USE, N_BLOCK, N_ATTR, N_COMMENT } node_kind;

typedef struct fnode {
    node_kind kind;
    bool blank_before;    /* the source had a blank line before it */
    bcp_ptr_vec lead;     /* comment* moved out of the item */
    comment *trailing;
    comment *self;        /* N_COMMENT */
    uint32_t a_start, a_end; /* use: the path string; attribute: key; block: kind */
    uint32_t b_start, b_end; /* block: id (empty when none) */
    fvalue *value;        /* attribute */
    bcp_ptr_vec children; /* block: fnode* */
    comment *brace;       /* block: on the line of `{` */
    bool one_line;        /* block: `{` and `}` were on the same line */
    bool keep_line;       /* a `# bcp: ignore[...]` covers its line: keep its line breaks */
} fnode;

typedef struct fctx {
    const bcp_source *src;
    const bcp_symbols *sym;
    bcp_arena arena;
    TSSymbol open_brace, close_brace, open_bracket, close_bracket, comma;
} fctx;

static comment *make_comment(fctx *c, TSNode n)
{
    comment *cm = bcp_arena_alloc(&c->arena, sizeof *cm);
    cm->start = ts_node_start_byte(n);
    cm->end = ts_node_end_byte(n);
    while (cm->end > cm->start) {
        char ch = c->src->text[cm->end - 1];
        if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n')
            break;
        cm->end--;
    }
    return cm;
}

static bool blank_between(const fctx *c, uint32_t from, uint32_t to)
{
    int newlines = 0;
    for (uint32_t i = from; i < to; i++)
        if (c->src->text[i] == '\n' && ++newlines >= 2)
            return true;
    return false;
}

static uint32_t end_row(TSNode n) { return ts_node_end_point(n).row; }
static uint32_t start_row(TSNode n) { return ts_node_start_point(n).row; }

static size_t text_width(const char *s, size_t len)
{
    size_t w = 0;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = bcp_utf8_decode(s + i, len - i, &cp);
        w += (size_t)bcp_codepoint_width(cp);
        i += (size_t)n;
    }
    return w;
}

static size_t range_width(const fctx *c, uint32_t start, uint32_t end)
{
    return text_width(c->src->text + start, end - start);
}

static bool range_has_newline(const fctx *c, uint32_t start, uint32_t end)
{
    return memchr(c->src->text + start, '\n', end - start) != NULL;
}

static fvalue *build_value(fctx *c, TSNode n)
{
    fvalue *v = bcp_arena_alloc(&c->arena, sizeof *v);
    v->start = ts_node_start_byte(n);
    v->end = ts_node_end_byte(n);
    if (ts_node_symbol(n) != c->sym->list) {
        v->inline_ok = !range_has_newline(c, v->start, v->end);
        v->inline_width = range_width(c, v->start, v->end);
        return v;
    }
    v->is_list = true;
    enum { AFTER_BRACKET, AFTER_VALUE, AFTER_COMMA } last = AFTER_BRACKET;
    uint32_t last_row = start_row(n);
    list_item *current = NULL;
    bcp_ptr_vec pending = {0};
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_child(n, i);
        TSSymbol s = ts_node_symbol(child);
        if (s == c->sym->comment) {
            comment *cm = make_comment(c, child);
            if (start_row(child) == last_row && last == AFTER_BRACKET && !v->bracket)
                v->bracket = cm;
            else if (start_row(child) == last_row && last != AFTER_BRACKET && current &&
                     !current->trailing)
                current->trailing = cm;
            else
                bcp_ptr_vec_push(&c->arena, &pending, cm);
        } else if (s == c->open_bracket) {
            last_row = end_row(child);
            last = AFTER_BRACKET;
        } else if (s == c->comma) {
            last_row = end_row(child);
            last = AFTER_COMMA;
        } else if (s == c->close_bracket) {
            v->tail = pending;
            pending = (bcp_ptr_vec){0};
        } else if (ts_node_is_named(child)) {
            list_item *item = bcp_arena_alloc(&c->arena, sizeof *item);
            item->value = build_value(c, child);
            item->lead = pending;
            pending = (bcp_ptr_vec){0};
            bcp_ptr_vec_push(&c->arena, &v->items, item);
            current = item;
            last_row = end_row(child);
            last = AFTER_VALUE;
        }
    }
    /* Defensive: comments after a missing `]` cannot occur in an error-free tree. */
    for (size_t i = 0; i < pending.count; i++)
        bcp_ptr_vec_push(&c->arena, &v->tail, pending.items[i]);
    v->inline_ok = !v->bracket && !v->tail.count;
    v->inline_width = 2;
    for (size_t i = 0; i < v->items.count; i++) {
        const list_item *item = v->items.items[i];
        if (item->lead.count || item->trailing || !item->value->inline_ok)
            v->inline_ok = false;
        v->inline_width += item->value->inline_width + (i ? 2 : 0);
    }
    return v;
}

static void build_sequence(fctx *c, TSNode parent, bool is_body, fnode *owner, bcp_ptr_vec *out);
static bool is_suppression(const char *t, uint32_t start, uint32_t end);

static bool comment_suppresses(const fctx *c, const comment *cm)
{
    return cm && is_suppression(c->src->text, cm->start, cm->end);
}

static fnode *build_item(fctx *c, TSNode n)
{
    const bcp_symbols *sym = c->sym;
    TSSymbol s = ts_node_symbol(n);
    fnode *f = bcp_arena_alloc(&c->arena, sizeof *f);
    uint32_t count = ts_node_child_count(n);
    if (s == sym->use_statement) {
        f->kind = N_USE;
        TSNode path = ts_node_child_by_field_id(n, sym->field_path);
        f->a_start = ts_node_start_byte(path);
        f->a_end = ts_node_end_byte(path);
    } else if (s == sym->attribute) {
        f->kind = N_ATTR;
        TSNode key = ts_node_child_by_field_id(n, sym->field_key);
        TSNode value = ts_node_child_by_field_id(n, sym->field_value);
        f->a_start = ts_node_start_byte(key);
        f->a_end = ts_node_end_byte(key);
        f->value = build_value(c, value);
    } else {
        f->kind = N_BLOCK;
        TSNode kind = ts_node_child_by_field_id(n, sym->field_kind);
        TSNode name = ts_node_child_by_field_id(n, sym->field_name);
        TSNode body = ts_node_child_by_field_id(n, sym->field_body);
        f->a_start = ts_node_start_byte(kind);
        f->a_end = ts_node_end_byte(kind);
        if (!ts_node_is_null(name)) {
            f->b_start = ts_node_start_byte(name);
            f->b_end = ts_node_end_byte(name);
        }
        f->one_line = start_row(body) == end_row(body);
        build_sequence(c, body, true, f, &f->children);
    }
    /* Comments inside the item itself (not inside a list value or the body). */
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_child(n, i);
        if (ts_node_symbol(child) == sym->comment)
            bcp_ptr_vec_push(&c->arena, &f->lead, make_comment(c, child));
    }
    return f;
}

/* The items of a file or of a block body, with comments attached as the
 * header comment explains. */
static void build_sequence(fctx *c, TSNode parent, bool is_body, fnode *owner, bcp_ptr_vec *out)
{
    const bcp_symbols *sym = c->sym;
    enum { AT_START, AFTER_BRACE, AFTER_ITEM } last = is_body ? AFTER_BRACE : AT_START;
    uint32_t last_row = UINT32_MAX;
    uint32_t last_end = ts_node_start_byte(parent);
    fnode *previous = NULL;
    bool suppression_above = false;
    uint32_t count = ts_node_child_count(parent);
    for (uint32_t i = 0; i < count; i++) {
        TSNode child = ts_node_child(parent, i);
        TSSymbol s = ts_node_symbol(child);
        if (s == c->open_brace) {
            last_row = end_row(child);
            last_end = ts_node_end_byte(child);
            continue;
        }
        if (s == c->close_brace || !ts_node_is_named(child))
            continue;
        if (s == sym->comment) {
            comment *cm = make_comment(c, child);
            bool same_line = start_row(child) == last_row;
            if (same_line && last == AFTER_BRACE && owner && !owner->brace) {
                owner->brace = cm;
            } else if (same_line && last == AFTER_ITEM && previous && !previous->trailing) {
                previous->trailing = cm;
                previous->keep_line |= comment_suppresses(c, cm);
            } else {
                fnode *f = bcp_arena_alloc(&c->arena, sizeof *f);
                f->kind = N_COMMENT;
                f->self = cm;
                f->blank_before = out->count > 0 && blank_between(c, last_end, cm->start);
                bcp_ptr_vec_push(&c->arena, out, f);
                suppression_above |= comment_suppresses(c, cm);
                last = AFTER_ITEM;
                previous = NULL; /* a comment on its own line ends its line */
                last_row = UINT32_MAX;
            }
            last_end = ts_node_end_byte(child);
            continue;
        }
        fnode *f = build_item(c, child);
        f->blank_before = out->count > 0 && blank_between(c, last_end, ts_node_start_byte(child));
        /* a suppression standing above it covers its first line; one moved
         * out of it stands above it too */
        f->keep_line = suppression_above;
        for (size_t k = 0; k < f->lead.count; k++)
            f->keep_line |= comment_suppresses(c, f->lead.items[k]);
        suppression_above = false;
        bcp_ptr_vec_push(&c->arena, out, f);
        previous = f;
        last = AFTER_ITEM;
        last_row = end_row(child);
        last_end = ts_node_end_byte(child);
    }
}

/* ------------------------------------------------------------- measuring */

/* Can the value be written on one line: no comments, no multi-line string?
 * And how wide is it then?  Both were computed bottom-up when the value was
 * built (compute_inline), so that asking at every nesting level costs
 * nothing: fmt stays linear on deeply nested lists. */
static bool value_inline_ok(const fctx *c, const fvalue *v)
{
    (void)c;
    return v->inline_ok;
}

static size_t value_inline_width(const fctx *c, const fvalue *v)
{
    (void)c;
    return v->inline_width;
}

static size_t header_width(const fctx *c, const fnode *b)
{
    size_t w = range_width(c, b->a_start, b->a_end);
    if (b->b_end > b->b_start)
        w += 1 + range_width(c, b->b_start, b->b_end);
    return w;
}

static size_t attr_inline_width(const fctx *c, const fnode *a)
{
    return range_width(c, a->a_start, a->a_end) + 3 + value_inline_width(c, a->value);
}

/* A block stays on one line when it was written on one line and is short:
 * no nested block, no comment inside it, at most BCP_FORMAT_SHORT_ATTRS
 * attributes, each value fits on one line, and the line fits in
 * BCP_FORMAT_WIDTH columns.  Any other block gets one item per line. */
static bool block_is_short(const fctx *c, const fnode *b, int level)
{
    if (b->kind != N_BLOCK || !b->one_line || b->brace ||
        (b->children.count > BCP_FORMAT_SHORT_ATTRS && !b->keep_line))
        return false;
    size_t w = indent_width(level) + header_width(c, b) + 3; /* " {}" */
    for (size_t i = 0; i < b->children.count; i++) {
        const fnode *a = b->children.items[i];
        if (a->kind != N_ATTR || a->lead.count || a->trailing || !value_inline_ok(c, a->value))
            return false;
        w += attr_inline_width(c, a) + (i ? 2 : 1) + (i + 1 == b->children.count ? 1 : 0);
    }
    /* a suppression after it covers its one line: it stays on it */
    return w <= BCP_FORMAT_WIDTH || b->keep_line;
}

/* ------------------------------------------------------------- rendering */

static void put_range(bcp_buf *out, const fctx *c, uint32_t start, uint32_t end)
{
    bcp_buf_put(out, c->src->text + start, end - start);
}

static void put_comment(bcp_buf *out, const fctx *c, const comment *cm)
{
    put_range(out, c, cm->start, cm->end);
}

static void put_trailing(bcp_buf *out, const fctx *c, const comment *cm)
{
    if (!cm)
        return;
    bcp_buf_puts(out, " ");
    put_comment(out, c, cm);
}

static void put_comment_lines(bcp_buf *out, const fctx *c, const bcp_ptr_vec *comments, int level)
{
    for (size_t i = 0; i < comments->count; i++) {
        sb_indent(out, level);
        put_comment(out, c, comments->items[i]);
        bcp_buf_puts(out, "\n");
    }
}

static void put_value_inline(bcp_buf *out, const fctx *c, const fvalue *v)
{
    if (!v->is_list) {
        put_range(out, c, v->start, v->end);
        return;
    }
    bcp_buf_puts(out, "[");
    for (size_t i = 0; i < v->items.count; i++) {
        if (i)
            bcp_buf_puts(out, ", ");
        put_value_inline(out, c, ((const list_item *)v->items.items[i])->value);
    }
    bcp_buf_puts(out, "]");
}

/* Writes a value that starts at display column `column` on a line indented
 * at `level`; `reserve` columns must stay free after it (a list's comma). */
typedef enum { LAYOUT_FREE, LAYOUT_ONE_LINE, LAYOUT_LINES } value_layout;

static void put_value(bcp_buf *out, const fctx *c, const fvalue *v, int level, size_t column,
                      size_t reserve, value_layout layout)
{
    bool fits = value_inline_ok(c, v) && column + value_inline_width(c, v) + reserve <= BCP_FORMAT_WIDTH;
    if (layout != LAYOUT_FREE)
        fits = layout == LAYOUT_ONE_LINE;
    if (!v->is_list || fits) {
        put_value_inline(out, c, v);
        return;
    }
    bcp_buf_puts(out, "[");
    put_trailing(out, c, v->bracket);
    bcp_buf_puts(out, "\n");
    for (size_t i = 0; i < v->items.count; i++) {
        const list_item *item = v->items.items[i];
        put_comment_lines(out, c, &item->lead, level + 1);
        sb_indent(out, level + 1);
        put_value(out, c, item->value, level + 1, indent_width(level + 1), 1, LAYOUT_FREE);
        bcp_buf_puts(out, ",");
        put_trailing(out, c, item->trailing);
        bcp_buf_puts(out, "\n");
    }
    put_comment_lines(out, c, &v->tail, level + 1);
    sb_indent(out, level);
    bcp_buf_puts(out, "]");
}

static void put_header(bcp_buf *out, const fctx *c, const fnode *b)
{
    put_range(out, c, b->a_start, b->a_end);
    if (b->b_end > b->b_start) {
        bcp_buf_puts(out, " ");
        put_range(out, c, b->b_start, b->b_end);
    }
}

/* Column layout of a run of one-line blocks: the `{` and the attributes of
 * consecutive lines line up like a table. */
typedef struct run_layout {
    size_t header;                          /* width the header is padded to */
    size_t columns[BCP_FORMAT_SHORT_ATTRS]; /* width of each attribute column */
} run_layout;

static void put_short_block(bcp_buf *out, const fctx *c, const fnode *b, const run_layout *run)
{
    put_header(out, c, b);
    if (run)
        sb_spaces(out, run->header - header_width(c, b));
    if (b->children.count == 0) {
        bcp_buf_puts(out, " {}");
        return;
    }
    bcp_buf_puts(out, " { ");
    for (size_t i = 0; i < b->children.count; i++) {
        const fnode *a = b->children.items[i];
        if (i) {
            bcp_buf_puts(out, "  ");
            if (run) {
                const fnode *prev = b->children.items[i - 1];
                sb_spaces(out, run->columns[i - 1] - attr_inline_width(c, prev));
            }
        }
        put_range(out, c, a->a_start, a->a_end);
        bcp_buf_puts(out, " = ");
        put_value_inline(out, c, a->value);
    }
    bcp_buf_puts(out, " }");
}

static void put_sequence(bcp_buf *out, const fctx *c, const bcp_ptr_vec *nodes, int level);

static void put_block(bcp_buf *out, const fctx *c, const fnode *b, int level, const run_layout *run)
{
    if (block_is_short(c, b, level)) {
        put_short_block(out, c, b, run);
        return;
    }
    put_header(out, c, b);
    bcp_buf_puts(out, " {");
    put_trailing(out, c, b->brace);
    bcp_buf_puts(out, "\n");
    put_sequence(out, c, &b->children, level + 1);
    sb_indent(out, level);
    bcp_buf_puts(out, "}");
}

static bool is_one_line_block(const fctx *c, const fnode *n, int level)
{
    return n && n->kind == N_BLOCK && block_is_short(c, n, level);
}

/* At the top level a blank line always separates a block from what is
 * around it, except between two one-line blocks, where the user decides.
 * "Around it" counts the comments standing directly above an item as part
 * of that item. */
static bool top_level_blank(const fctx *c, const bcp_ptr_vec *nodes, size_t i)
{
    const fnode *node = nodes->items[i];
    if (node->blank_before)
        return true;
    const fnode *before = nodes->items[i - 1];
    if (before->kind == N_COMMENT)
        return false; /* still the same unit: comments stay with what follows */
    const fnode *main = NULL;
    bool has_leading_comments = node->lead.count > 0;
    for (size_t j = i; j < nodes->count; j++) {
        const fnode *n = nodes->items[j];
        if (j > i && n->blank_before)
            break;
        if (n->kind != N_COMMENT) {
            main = n;
            if (n->lead.count)
                has_leading_comments = true;
            break;
        }
        has_leading_comments = true;
    }
    bool block_before = before->kind == N_BLOCK;
    bool block_after = main && main->kind == N_BLOCK;
    if (!block_before && !block_after)
        return false;
    if (is_one_line_block(c, before, 0) && is_one_line_block(c, main, 0) && !has_leading_comments)
        return false;
    return true;
}

/* Decided without alignment padding, so that padding cannot feed back
 * into which attributes are aligned. */
/* An attribute a suppression covers keeps a list on one line, or on
 * several, as it was written (so no item moves onto or off its line). */
static value_layout attr_layout(const fctx *c, const fnode *a)
{
    const fvalue *v = a->value;
    if (!a->keep_line || !v->is_list)
        return LAYOUT_FREE;
    return value_inline_ok(c, v) && !range_has_newline(c, v->start, v->end) ? LAYOUT_ONE_LINE : LAYOUT_LINES;
}

static bool attr_fits_one_line(const fctx *c, const fnode *a, int level)
{
    if (attr_layout(c, a) != LAYOUT_FREE)
        return attr_layout(c, a) == LAYOUT_ONE_LINE;
    if (!a->value->is_list)
        return value_inline_ok(c, a->value); /* a long string cannot wrap: still one line */
    return value_inline_ok(c, a->value) &&
           indent_width(level) + attr_inline_width(c, a) <= BCP_FORMAT_WIDTH;
}

static bool same_kind(const fctx *c, const fnode *a, const fnode *b)
{
    return a->a_end - a->a_start == b->a_end - b->a_start &&
           memcmp(c->src->text + a->a_start, c->src->text + b->a_start, a->a_end - a->a_start) == 0;
}

static void put_sequence(bcp_buf *out, const fctx *c, const bcp_ptr_vec *nodes, int level)
{
    size_t n = nodes->count;
    if (n == 0)
        return;
    /* `=` alignment: runs of one-line attributes; own-line comments stay
     * inside a run, anything else ends it. */
    size_t *key_pad = bcp_calloc(n, sizeof *key_pad);
    run_layout *runs = bcp_calloc(n, sizeof *runs);
    bool *in_run = bcp_calloc(n, sizeof *in_run);
    for (size_t i = 0; i < n;) {
        size_t j = i, widest = 0;
        for (; j < n; j++) {
            const fnode *f = nodes->items[j];
            if (j > i && f->blank_before)
                break;
            if (f->kind == N_ATTR && attr_fits_one_line(c, f, level)) {
                size_t w = range_width(c, f->a_start, f->a_end);
                if (w > widest)
                    widest = w;
            } else if (f->kind != N_COMMENT) {
                if (j == i && f->kind == N_ATTR)
                    widest = range_width(c, f->a_start, f->a_end);
                if (j == i)
                    j++;
                break;
            }
        }
        for (size_t k = i; k < j; k++)
            key_pad[k] = widest;
        i = j;
    }
    /* Tables: runs of one-line blocks of one kind with nothing between them. */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n) {
            const fnode *f = nodes->items[j];
            if (!is_one_line_block(c, f, level) || f->lead.count || f->children.count > BCP_FORMAT_SHORT_ATTRS ||
                (j > i && (f->blank_before || !same_kind(c, nodes->items[i], f))))
                break;
            j++;
        }
        if (j - i >= 2) {
            run_layout layout = {0};
            for (size_t k = i; k < j; k++) {
                const fnode *b = nodes->items[k];
                size_t hw = header_width(c, b);
                if (hw > layout.header)
                    layout.header = hw;
                for (size_t a = 0; a < b->children.count; a++) {
                    size_t w = attr_inline_width(c, b->children.items[a]);
                    if (w > layout.columns[a])
                        layout.columns[a] = w;
                }
            }
            for (size_t k = i; k < j; k++) {
                runs[k] = layout;
                in_run[k] = true;
            }
        }
        i = j > i ? j : i + 1;
    }
    for (size_t i = 0; i < n; i++) {
        const fnode *f = nodes->items[i];
        if (i > 0 && (level == 0 ? top_level_blank(c, nodes, i) : f->blank_before))
            bcp_buf_puts(out, "\n");
        put_comment_lines(out, c, &f->lead, level);
        sb_indent(out, level);
        switch (f->kind) {
        case N_COMMENT:
            put_comment(out, c, f->self);
            break;
        case N_USE:
            bcp_buf_puts(out, "use ");
            put_range(out, c, f->a_start, f->a_end);
            break;
        case N_ATTR: {
            size_t key = range_width(c, f->a_start, f->a_end);
            put_range(out, c, f->a_start, f->a_end);
            sb_spaces(out, key_pad[i] - key);
            bcp_buf_puts(out, " = ");
            put_value(out, c, f->value, level, indent_width(level) + key_pad[i] + 3, 0, attr_layout(c, f));
            break;
        }
        case N_BLOCK:
            put_block(out, c, f, level, in_run[i] ? &runs[i] : NULL);
            break;
        }
        put_trailing(out, c, f->trailing);
        bcp_buf_puts(out, "\n");
    }
    bcp_free(key_pad);
    bcp_free(runs);
    bcp_free(in_run);
}

/* ------------------------------------------------- suppression comments */

/* `# bcp: ignore[...]` (not ignore-file, which covers the whole file),
 * read as rules/suppress.c reads it. */
static bool is_suppression(const char *t, uint32_t start, uint32_t end)
{
    uint32_t i = start + 1;
    while (i < end && (t[i] == ' ' || t[i] == '\t'))
        i++;
    if (end - i < 4 || strncmp(t + i, "bcp:", 4) != 0)
        return false;
    i += 4;
    while (i < end && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return end - i >= 7 && strncmp(t + i, "ignore[", 7) == 0;
}

/* What the suppressions of one text cover: the start row of every token
 * but commas (in order, so non-decreasing), and for each suppression comment the rows
 * it covers (its own; and the next code row when it stands alone) and where
 * it is. */
typedef struct cover {
    uint32_t row, next_row;
    TSPoint at;
    uint32_t start_byte, end_byte;
} cover;

typedef struct coverage {
    uint32_t *token_rows;
    size_t token_count, token_cap;
    cover *covers;
    size_t cover_count, cover_cap;
} coverage;

static void coverage_scan(const bcp_source *src, TSTree *tree, coverage *out)
{
    TSSymbol comment_symbol = bcp_syntax_symbols()->comment;
    /* commas are not counted: fmt adds and drops a list's trailing comma */
    TSSymbol comma = ts_language_symbol_for_name(tree_sitter_bcp(), ",", 1, false);
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
    uint32_t last_end_row = UINT32_MAX;
    size_t waiting_from = 0; /* covers [waiting_from, cover_count) wait for the next token */
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        bool leaf = ts_node_child_count(n) == 0;
        if (ts_node_symbol(n) == comment_symbol) {
            uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
            if (is_suppression(src->text, start, end)) {
                out->covers = bcp_grow(out->covers, &out->cover_cap, out->cover_count, sizeof *out->covers);
                cover *c = &out->covers[out->cover_count++];
                c->at = ts_node_start_point(n);
                c->row = c->next_row = c->at.row;
                c->start_byte = start;
                c->end_byte = end;
                if (last_end_row == c->row)
                    waiting_from = out->cover_count; /* trailing: its own line only */
            }
            leaf = true;
        } else if (leaf && ts_node_end_byte(n) > ts_node_start_byte(n) && ts_node_symbol(n) != comma) {
            uint32_t row = ts_node_start_point(n).row;
            for (size_t i = waiting_from; i < out->cover_count; i++)
                out->covers[i].next_row = row;
            waiting_from = out->cover_count;
            out->token_rows = bcp_grow(out->token_rows, &out->token_cap, out->token_count, sizeof *out->token_rows);
            out->token_rows[out->token_count++] = row;
            last_end_row = ts_node_end_point(n).row;
        }
        if (!leaf && ts_tree_cursor_goto_first_child(&cur))
            continue;
        bool moved = false;
        while (!(moved = ts_tree_cursor_goto_next_sibling(&cur)))
            if (!ts_tree_cursor_goto_parent(&cur))
                break;
        if (!moved)
            break;
    }
    ts_tree_cursor_delete(&cur);
}

static void coverage_free(coverage *c)
{
    bcp_free(c->token_rows);
    bcp_free(c->covers);
}

/* The first token index whose row is >= row (or > row when `after`). */
static size_t token_bound(const coverage *c, uint32_t row, bool after)
{
    size_t lo = 0, hi = c->token_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->token_rows[mid] < row || (after && c->token_rows[mid] == row))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The tokens a suppression covers, as two index ranges (its own row, the
 * next code row; the same when it trails code). */
static void covered_tokens(const coverage *c, const cover *s, size_t range[4])
{
    range[0] = token_bound(c, s->row, false);
    range[1] = token_bound(c, s->row, true);
    range[2] = token_bound(c, s->next_row, false);
    range[3] = token_bound(c, s->next_row, true);
    if (s->next_row == s->row)
        range[2] = range[3] = range[1];
}

/* Every suppression comment of `src` must cover the same tokens in the
 * formatted text as in the original: the tokens are the same and in the
 * same order (only whitespace and comments move), so a finding is
 * suppressed after formatting exactly when it was before.  False with an
 * E170 at the first suppression that would change. */
static bool suppressions_kept(const bcp_source *src, TSTree *tree, const char *formatted, size_t length,
                              bcp_diag_list *diags)
{
    coverage before = {0}, after = {0};
    coverage_scan(src, tree, &before);
    bool ok = true;
    if (before.cover_count) {
        bcp_source *out = bcp_source_from_memory(src->path, formatted, length, false);
        TSTree *formatted_tree = bcp_syntax_parse(out);
        coverage_scan(out, formatted_tree, &after);
        for (size_t i = 0; ok && i < before.cover_count; i++) {
            size_t a[4], b[4];
            covered_tokens(&before, &before.covers[i], a);
            if (i < after.cover_count)
                covered_tokens(&after, &after.covers[i], b);
            if (i < after.cover_count && after.token_count == before.token_count && memcmp(a, b, sizeof a) == 0)
                continue;
            ok = false;
            const cover *s = &before.covers[i];
            bcp_span span = {src, s->start_byte, s->end_byte, s->at.row, s->at.column};
            bcp_diag *d = bcp_diag_add_code(diags, BCP_CODE_E170, &span,
                                            "formatting would move code onto or off the line this "
                                            "suppression covers; the file is not formatted");
            bcp_diag_set_hint(d, "put the suppression on its own line directly above the code it "
                                 "suppresses, then run `bcp fmt` again");
        }
        ts_tree_delete(formatted_tree);
        bcp_source_free(out);
    }
    coverage_free(&before);
    coverage_free(&after);
    return ok;
}

static TSSymbol anonymous(const char *name)
{
    return ts_language_symbol_for_name(tree_sitter_bcp(), name, (uint32_t)strlen(name), false);
}

char *bcp_format_source(const bcp_source *src, bcp_diag_list *diags, size_t *length)
{
    TSTree *tree = bcp_syntax_parse(src);
    if (bcp_syntax_report_errors(src, tree, diags) > 0) {
        ts_tree_delete(tree);
        return NULL;
    }
    fctx c = {.src = src, .sym = bcp_syntax_symbols()};
    bcp_arena_init(&c.arena);
    c.open_brace = anonymous("{");
    c.close_brace = anonymous("}");
    c.open_bracket = anonymous("[");
    c.close_bracket = anonymous("]");
    c.comma = anonymous(",");
    bcp_ptr_vec top = {0};
    build_sequence(&c, ts_tree_root_node(tree), false, NULL, &top);
    bcp_buf out = {0};
    put_sequence(&out, &c, &top, 0);
    bcp_arena_free(&c.arena);
    size_t len = out.len;
    char *text = bcp_buf_take(&out);
    if (!suppressions_kept(src, tree, text, len, diags)) {
        bcp_free(text);
        text = NULL;
        len = 0;
    }
    ts_tree_delete(tree);
    *length = len;
    return text;
}

/* Only the file's own entities: imports resolve against the working
 * directory here, and both sides would see the same imports anyway. */
static char *dump_text(const char *path, const char *text, size_t len, bool *syntax_errors)
{
    bcp_model_options opts = {.no_prelude = true};
    bcp_model *m = bcp_model_load_text(path, text, len, &opts);
    *syntax_errors = bcp_model_has_syntax_errors(m);
    const bcp_source *root = bcp_model_source_count(m) ? bcp_model_source(m, 0) : NULL;
    char *dump = bcp_model_dump_string(m, root, NULL);
    bcp_model_free(m);
    return dump;
}

bool bcp_format_verify(const char *path, const char *original, size_t original_length,
                       const char *formatted, size_t formatted_length, const char **why)
{
    bool before_errors, after_errors;
    char *before = dump_text(path, original, original_length, &before_errors);
    char *after = dump_text(path, formatted, formatted_length, &after_errors);
    bool ok = true;
    if (after_errors && !before_errors) {
        *why = "the formatted text does not parse";
        ok = false;
    } else if (strcmp(before, after) != 0) {
        *why = "the formatted text does not mean the same as the original";
        ok = false;
    }
    bcp_free(before);
    bcp_free(after);
    return ok;
}
