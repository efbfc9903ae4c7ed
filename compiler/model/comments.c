/* The comments of the plan's own sources, taken from the parse tree while it
 * exists (trees are freed after loading), so that later stages (suppression
 * comments in the lint engine) never scan source text for them: a `#` inside
 * a string is text, as the grammar says. */
#define _DEFAULT_SOURCE
#include "model_internal.h"

#include "base/alloc.h"

static bool is_blank_char(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Describes the comment node `n` using the text around it.  A comment lies
 * between tokens, so the first non-blank character after it starts the next
 * token, and a `#` there starts another comment. */
static bcp_comment describe(const bcp_source *src, TSNode n)
{
    bcp_comment c = {.span = bcp_node_span(src, n)};
    const char *t = src->text;
    size_t line_start = c.span.start_byte - c.span.byte_column;
    for (size_t i = line_start; i < c.span.start_byte && !c.trailing; i++)
        c.trailing = !is_blank_char(t[i]);
    uint32_t row = c.span.row;
    c.next_code_row = row;
    for (size_t i = c.span.end_byte; i < src->length; i++) {
        if (t[i] == '\n') {
            row++;
        } else if (t[i] == '#') {
            while (i + 1 < src->length && t[i + 1] != '\n')
                i++;
        } else if (!is_blank_char(t[i])) {
            c.next_code_row = row;
            break;
        }
    }
    return c;
}

void bcp_comments_collect(const bcp_source *src, TSTree *tree, bcp_comment_list *out)
{
    TSSymbol comment = bcp_syntax_symbols()->comment;
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        bool descend = false;
        if (ts_node_symbol(n) == comment) {
            out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
            out->items[out->count++] = describe(src, n);
        } else if (ts_node_child_count(n) > 0) {
            /* Only a node whose text holds a `#` can hold a comment. */
            uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
            if (end > src->length)
                end = (uint32_t)src->length;
            descend = start < end && memchr(src->text + start, '#', end - start) != NULL;
        }
        if (descend && ts_tree_cursor_goto_first_child(&cur))
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

static bcp_comment_list *list_of(bcp_model *m, const bcp_source *src)
{
    for (size_t i = m->user_source_count; i-- > 0;)
        if (m->user_sources[i] == src)
            return &m->user_comments[i];
    return NULL;
}

void bcp_comments_take(bcp_model *m, const bcp_source *src, bcp_comment_list *from)
{
    bcp_comment_list *to = list_of(m, src);
    for (size_t i = 0; to && i < from->count; i++) {
        to->items = bcp_grow(to->items, &to->capacity, to->count, sizeof *to->items);
        to->items[to->count++] = from->items[i];
    }
    bcp_comments_free(from);
}

void bcp_comments_free(bcp_comment_list *l)
{
    bcp_free(l->items);
    l->items = NULL;
    l->count = l->capacity = 0;
}

const bcp_comment *bcp_model_comments(const bcp_model *m, size_t source_index, size_t *count)
{
    if (source_index >= m->user_source_count) {
        *count = 0;
        return NULL;
    }
    *count = m->user_comments[source_index].count;
    return m->user_comments[source_index].items;
}
