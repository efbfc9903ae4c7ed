/* Redaction: a value the secret-in-plan rule flags never reaches a document.
 * The rule's findings are located at the value (its span, or a part of
 * it); the value is found again in the model by that span and its text replaced by the
 * localised mark before any renderer runs, so that Markdown, HTML and JSON
 * (and every table cell, overlay or appendix that would quote it) only ever
 * see the mark.  There is no second detector here: what the rule flags,
 * suppressed or not, is what is redacted. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "render.h"

/* The findings' places, sorted by source and start, so that finding the
 * ones inside a value is a binary search (a plan may hold many). */
typedef struct hit_index {
    bcp_span *spans;
    size_t count;
} hit_index;

static int span_order(const void *a, const void *b)
{
    const bcp_span *x = a, *y = b;
    if (x->source != y->source)
        return (uintptr_t)x->source < (uintptr_t)y->source ? -1 : 1;
    return x->start_byte < y->start_byte ? -1 : x->start_byte > y->start_byte;
}

/* A finding at the value, or at a part of it (a rule may point at the
 * secret inside a longer text), flags the whole value. */
static bool flagged(const hit_index *hits, const bcp_value *v)
{
    size_t lo = 0, hi = hits->count;
    bcp_span key = {.source = v->span.source, .start_byte = v->span.start_byte};
    while (lo < hi) {   /* the first hit at or after the value's start */
        size_t mid = lo + (hi - lo) / 2;
        if (span_order(&hits->spans[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < hits->count && hits->spans[lo].source == v->span.source &&
           hits->spans[lo].start_byte < v->span.end_byte;
         lo++)
        if (hits->spans[lo].end_byte <= v->span.end_byte)
            return true;
    return false;
}

typedef struct redactor {
    bcp_render_ctx *ctx;
    const hit_index *hits;
    const char *mark;
    bcp_buf *where;
    size_t count;
} redactor;

static void keep_original(bcp_render_ctx *ctx, const char *text)
{
    if (!*text)
        return;
    for (size_t i = 0; i < ctx->redacted_count; i++)
        if (strcmp(ctx->redacted[i], text) == 0)
            return;
    ctx->redacted = bcp_grow(ctx->redacted, &ctx->redacted_cap, ctx->redacted_count, sizeof *ctx->redacted);
    ctx->redacted[ctx->redacted_count++] = bcp_strdup(text);
}

static void redact_value(redactor *r, bcp_value *v)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            redact_value(r, &v->as.list.items[i]);
        return;
    }
    if (v->kind != BCP_V_STRING || !v->as.string.text || v->as.string.text == r->mark || !flagged(r->hits, v))
        return;
    keep_original(r->ctx, v->as.string.text);
    v->as.string.text = r->mark;
    v->as.string.length = strlen(r->mark);
    r->count++;
    if (r->where && v->span.source) {
        bcp_span at = v->span;
        bcp_buf_printf(r->where, "%s%s:%u:%u", r->where->len ? ", " : "", v->span.source->path, (unsigned)v->span.row + 1,
                       (unsigned)bcp_span_column(&at));
    }
}

/* Nested blocks (backups, locale overlays) are walked with their parent as
 * well as from their kind's list; a value already replaced is skipped. */
static void redact_entity(redactor *r, bcp_entity *e)
{
    for (size_t a = 0; a < e->attr_count; a++)
        redact_value(r, &e->attrs[a].value);
    for (size_t c = 0; c < e->child_count; c++)
        redact_entity(r, e->children[c]);
}

size_t bcp_render_redact(bcp_render_ctx *ctx, const bcp_diag_list *hits, bcp_buf *where)
{
    if (!hits || hits->count == 0)
        return 0;
    hit_index index = {.spans = bcp_malloc(hits->count * sizeof *index.spans)};
    for (size_t i = 0; i < hits->count; i++)
        if (hits->items[i].span.source)
            index.spans[index.count++] = hits->items[i].span;
    qsort(index.spans, index.count, sizeof *index.spans, span_order);
    redactor r = {.ctx = ctx, .hits = &index, .where = where};
    r.mark = bcp_arena_strdup(bcp_model_arena(ctx->model), bcp_rt_title(ctx, "redacted"));
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *list = bcp_model_entities(ctx->model, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++)
            redact_entity(&r, list->items[i]);
    }
    bcp_free(index.spans);
    return r.count;
}

void bcp_render_scrub(bcp_render_ctx *ctx, const char *text, bcp_buf *out)
{
    const char *mark = bcp_rt_title(ctx, "redacted");
    while (*text) {
        size_t skip = 0;
        for (size_t i = 0; i < ctx->redacted_count && !skip; i++)
            if (strncmp(text, ctx->redacted[i], strlen(ctx->redacted[i])) == 0)
                skip = strlen(ctx->redacted[i]);
        if (skip) {
            bcp_buf_puts(out, mark);
            text += skip;
        } else {
            bcp_buf_put(out, text, 1);
            text++;
        }
    }
}
