/* bcp_regimes_reference: the element tables of docs/regimes.md, generated
 * from the stdlib's regimes as the compiler loads them, so that the document
 * cannot drift from the data (make check-docs). */
#include <string.h>

#include "bcp.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "model/model.h"

/* A table cell: `|` escaped, newlines as spaces. */
static void cell(bcp_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            bcp_buf_puts(b, "\\|");
        else if (*s == '\n')
            bcp_buf_put(b, " ", 1);
        else
            bcp_buf_put(b, s, 1);
    }
}

static void field(bcp_buf *b, const char *label, const char *value)
{
    if (!value)
        return;
    bcp_buf_printf(b, "- %s: ", label);
    cell(b, value);
    bcp_buf_puts(b, "\n");
}

char *bcp_regimes_reference(const char *stdlib_dir, size_t *length)
{
    const char *modules[] = {"locale/zh-CN"};
    bcp_model_options opts = {.stdlib_dir = stdlib_dir, .extra_modules = modules, .extra_module_count = 1};
    bcp_model *m = bcp_model_load_text("<regimes>", "", 0, &opts);
    if (!m)
        return NULL;
    bcp_buf b = {0};
    const bcp_entity_list *regimes = bcp_model_entities(m, BCP_KIND_REGIME);
    for (size_t r = 0; r < regimes->count; r++) {
        const bcp_entity *g = regimes->items[r];
        bcp_buf_printf(&b, "### `%s`: ", g->id);
        cell(&b, bcp_entity_text(g, "title"));
        bcp_buf_puts(&b, "\n\n");
        if (bcp_entity_text(g, "description")) {
            cell(&b, bcp_entity_text(g, "description"));
            bcp_buf_puts(&b, "\n\n");
        }
        field(&b, "Chinese title", bcp_model_text(m, g, "title", "zh-CN"));
        field(&b, "Chinese description", bcp_model_text(m, g, "description", "zh-CN"));
        field(&b, "Authority", bcp_entity_text(g, "authority"));
        field(&b, "Jurisdiction", bcp_entity_text(g, "jurisdiction"));
        field(&b, "Source", bcp_entity_text(g, "source"));
        field(&b, "Verified", bcp_entity_text(g, "verified"));
        bcp_buf_puts(&b, "\n| Element | Clause | Requirement | 要素 | Met when (all hold) |\n|---|---|---|---|---|\n");
        for (size_t i = 0; i < g->child_count; i++) {
            const bcp_entity *e = g->children[i];
            if (e->kind != BCP_KIND_ELEMENT)
                continue;
            bcp_buf_printf(&b, "| `%s` | ", e->id ? e->id : "?");
            cell(&b, bcp_entity_text(e, "clause"));
            bcp_buf_puts(&b, " | ");
            cell(&b, bcp_entity_text(e, "title"));
            bcp_buf_puts(&b, " | ");
            cell(&b, bcp_model_text(m, e, "title", "zh-CN"));
            bcp_buf_puts(&b, " | ");
            const bcp_value *req = bcp_entity_value(e, "require");
            for (size_t k = 0; req && req->kind == BCP_V_LIST && k < req->as.list.count; k++) {
                const bcp_value *q = &req->as.list.items[k];
                if (q->kind != BCP_V_STRING)
                    continue;
                bcp_buf_puts(&b, k ? "<br>`" : "`");
                cell(&b, q->as.string.text);
                bcp_buf_puts(&b, "`");
            }
            bcp_buf_puts(&b, " |\n");
        }
        bcp_buf_puts(&b, "\n");
    }
    bcp_model_free(m);
    if (length)
        *length = b.len;
    return bcp_buf_take(&b);
}
