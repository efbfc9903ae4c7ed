/* Open documents of a workspace: their text, their syntax tree, and text
 * edits re-parsed incrementally (tree-sitter reuses the old tree), plus the
 * line/column <-> byte offset conversions an editor needs. */
#include "api_internal.h"

#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "syntax/prescan.h"
#include "syntax/syntax.h"

static TSParser *workspace_parser(bcp_workspace *ws)
{
    if (!ws->parser) {
        ws->parser = ts_parser_new();
        ts_parser_set_language(ws->parser, tree_sitter_bcp());
    }
    return ws->parser;
}

static TSTree *parse(bcp_workspace *ws, TSTree *old, const char *text, size_t length, bool *prescan_ok)
{
    return bcp_syntax_parse_text_scanned(workspace_parser(ws), old, text, (uint32_t)length, prescan_ok);
}

bcp_status bcp_document_open(bcp_workspace *ws, const char *path, const char *text, size_t length)
{
    if (!ws || !path || (!text && length) || length > UINT32_MAX)
        return BCP_ERR_INVALID;
    bcp_document *doc = bcp_workspace_document(ws, path);
    if (!doc) {
        doc = bcp_calloc(1, sizeof *doc);
        doc->path = bcp_strdup(path);
        doc->key = bcp_workspace_canonical_path(path);
        ws->documents = bcp_grow(ws->documents, &ws->document_capacity, ws->document_count,
                                 sizeof *ws->documents);
        ws->documents[ws->document_count++] = doc;
    } else {
        bcp_free(doc->text);
        ts_tree_delete(doc->tree);
    }
    doc->text = bcp_strndup(text ? text : "", length);
    doc->length = length;
    doc->tree = parse(ws, NULL, doc->text, doc->length, &doc->prescan_ok);
    bcp_workspace_scan_limits(doc->scan_limits);
    doc->changed_range_count = 0;
    doc->changed_bytes = 0;
    return BCP_OK;
}

bcp_status bcp_document_close(bcp_workspace *ws, const char *path)
{
    bcp_document *doc = ws && path ? bcp_workspace_document(ws, path) : NULL;
    if (!doc)
        return BCP_ERR_NOT_FOUND;
    for (size_t i = 0; i < ws->document_count; i++) {
        if (ws->documents[i] == doc) {
            memmove(&ws->documents[i], &ws->documents[i + 1],
                    (ws->document_count - i - 1) * sizeof *ws->documents);
            ws->document_count--;
            break;
        }
    }
    ts_tree_delete(doc->tree);
    bcp_free(doc->text);
    bcp_free(doc->key);
    bcp_free(doc->path);
    bcp_free(doc);
    return BCP_OK;
}

bool bcp_document_is_open(const bcp_workspace *ws, const char *path)
{
    return ws && path && bcp_workspace_document(ws, path) != NULL;
}

const char *bcp_document_text(const bcp_workspace *ws, const char *path, size_t *length)
{
    const bcp_document *doc = ws && path ? bcp_workspace_document(ws, path) : NULL;
    if (length)
        *length = doc ? doc->length : 0;
    return doc ? doc->text : NULL;
}

/* tree-sitter's point of a byte offset: row and byte column. */
static TSPoint point_at(const char *text, uint32_t offset)
{
    TSPoint p = {0, 0};
    uint32_t line_start = 0;
    for (uint32_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            p.row++;
            line_start = i + 1;
        }
    }
    p.column = offset - line_start;
    return p;
}

/* Applies one edit to `*text` (a bcp_malloc'd buffer) and to `tree`. */
static bool apply_edit(char **text, size_t *length, TSTree *tree, const bcp_text_edit *edit)
{
    if (edit->start_byte > edit->end_byte || edit->end_byte > *length ||
        (!edit->text && edit->length) || *length - (edit->end_byte - edit->start_byte) + edit->length > UINT32_MAX)
        return false;
    size_t removed = edit->end_byte - edit->start_byte;
    size_t new_length = *length - removed + edit->length;
    TSInputEdit ts = {
        .start_byte = edit->start_byte,
        .old_end_byte = edit->end_byte,
        .new_end_byte = edit->start_byte + (uint32_t)edit->length,
        .start_point = point_at(*text, edit->start_byte),
        .old_end_point = point_at(*text, edit->end_byte),
    };
    char *next = bcp_malloc(new_length + 1);
    memcpy(next, *text, edit->start_byte);
    if (edit->length)
        memcpy(next + edit->start_byte, edit->text, edit->length);
    memcpy(next + edit->start_byte + edit->length, *text + edit->end_byte, *length - edit->end_byte);
    next[new_length] = '\0';
    ts.new_end_point = point_at(next, ts.new_end_byte);
    ts_tree_edit(tree, &ts);
    bcp_free(*text);
    *text = next;
    *length = new_length;
    return true;
}

bcp_status bcp_document_edit(bcp_workspace *ws, const char *path, const bcp_text_edit *edits,
                             size_t count, bcp_plan **plan)
{
    if (plan)
        *plan = NULL;
    if (!ws || !path || (!edits && count))
        return BCP_ERR_INVALID;
    bcp_document *doc = bcp_workspace_document(ws, path);
    if (!doc)
        return BCP_ERR_NOT_FOUND;
    /* On copies, so that a bad edit leaves the document as it was. */
    char *text = bcp_strndup(doc->text, doc->length);
    size_t length = doc->length;
    TSTree *edited = ts_tree_copy(doc->tree);
    for (size_t i = 0; i < count; i++) {
        if (!apply_edit(&text, &length, edited, &edits[i])) {
            ts_tree_delete(edited);
            bcp_free(text);
            return BCP_ERR_INVALID;
        }
    }
    /* A refused text was parsed as empty text: nothing of that tree to reuse. */
    bool reusable = doc->prescan_ok, prescan_ok = false;
    TSTree *tree = parse(ws, reusable ? edited : NULL, text, length, &prescan_ok);
    uint32_t ranges = 0;
    TSRange *changed = ts_tree_get_changed_ranges(edited, tree, &ranges);
    doc->changed_range_count = ranges;
    doc->changed_bytes = 0;
    for (uint32_t i = 0; i < ranges; i++)
        doc->changed_bytes += changed[i].end_byte - changed[i].start_byte;
    free(changed); /* tree-sitter's allocation, with tree-sitter's allocator */
    ts_tree_delete(edited);
    ts_tree_delete(doc->tree);
    bcp_free(doc->text);
    doc->tree = tree;
    doc->text = text;
    doc->length = length;
    doc->prescan_ok = prescan_ok;
    bcp_workspace_scan_limits(doc->scan_limits);
    if (!plan)
        return BCP_OK;
    return bcp_workspace_load(ws, doc->path, plan);
}

/* ------------------------------------------------------- positions */

/* The width of code point `cp` in `unit`s; `bytes` is its UTF-8 length. */
static uint32_t unit_width(unsigned cp, int bytes, bcp_column_unit unit)
{
    switch (unit) {
    case BCP_COLUMN_BYTES:
        return (uint32_t)bytes;
    case BCP_COLUMN_UTF16:
        return cp >= 0x10000 ? 2 : 1;
    default:
        return 1;
    }
}

bcp_status bcp_text_offset(const char *text, size_t length, uint32_t line, uint32_t column,
                           bcp_column_unit unit, uint32_t *offset)
{
    if (!text || line == 0 || column == 0 || length > UINT32_MAX)
        return BCP_ERR_INVALID;
    size_t i = 0;
    for (uint32_t l = 1; l < line; l++) {
        const char *nl = memchr(text + i, '\n', length - i);
        if (!nl)
            return BCP_ERR_INVALID;
        i = (size_t)(nl - text) + 1;
    }
    uint32_t col = 1;
    while (i < length && text[i] != '\n' && col < column) {
        unsigned cp;
        int n = bcp_utf8_decode(text + i, length - i, &cp);
        uint32_t w = unit_width(cp, n, unit);
        if (col + w > column)
            break; /* inside a character: its start */
        col += w;
        i += (size_t)n;
    }
    *offset = (uint32_t)i;
    return BCP_OK;
}

void bcp_text_position(const char *text, size_t length, uint32_t offset, bcp_column_unit unit,
                       uint32_t *line, uint32_t *column)
{
    if (offset > length)
        offset = (uint32_t)length;
    uint32_t l = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            l++;
            line_start = i + 1;
        }
    }
    uint32_t col = 1;
    for (size_t i = line_start; i < offset;) {
        unsigned cp;
        int n = bcp_utf8_decode(text + i, length - i, &cp);
        col += unit_width(cp, n, unit);
        i += (size_t)n;
    }
    *line = l;
    *column = col;
}
