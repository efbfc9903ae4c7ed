/* The canonical dump of a model and the notation of values, written into a
 * bcp_buf (see model_dump.h). */
#include "model_dump.h"

#include <inttypes.h>
#include <string.h>

static void write_string(bcp_buf *out, const char *s, size_t len)
{
    bcp_buf_puts(out, "\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': bcp_buf_puts(out, "\\\""); break;
        case '\\': bcp_buf_puts(out, "\\\\"); break;
        case '\n': bcp_buf_puts(out, "\\n"); break;
        case '\t': bcp_buf_puts(out, "\\t"); break;
        case '\r': bcp_buf_puts(out, "\\r"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                bcp_buf_printf(out, "\\u{%x}", c);
            else
                bcp_buf_put(out, &s[i], 1);
        }
    }
    bcp_buf_puts(out, "\"");
}

void bcp_value_write(bcp_buf *out, const bcp_value *v)
{
    switch (v->kind) {
    case BCP_V_STRING: write_string(out, v->as.string.text, v->as.string.length); break;
    case BCP_V_INTEGER: bcp_buf_printf(out, "%" PRId64, v->as.integer); break;
    case BCP_V_DURATION:
        if (v->as.seconds < 0) {
            bcp_buf_puts(out, "<bad duration>");
        } else {
            char buf[64];
            bcp_format_duration(v->as.seconds, buf, sizeof buf);
            bcp_buf_puts(out, buf);
        }
        break;
    case BCP_V_DATE:
        if (v->as.days == INT32_MIN) {
            bcp_buf_puts(out, "<bad date>");
        } else {
            char buf[11];
            bcp_format_date(v->as.days, buf);
            bcp_buf_puts(out, buf);
        }
        break;
    case BCP_V_BOOL: bcp_buf_puts(out, v->as.boolean ? "true" : "false"); break;
    case BCP_V_IDENT: bcp_buf_puts(out, v->as.ident.name); break;
    case BCP_V_REF: bcp_buf_printf(out, "%s.%s", v->as.ref.kind_name, v->as.ref.id); break;
    case BCP_V_LIST:
        bcp_buf_puts(out, "[");
        for (size_t i = 0; i < v->as.list.count; i++) {
            if (i)
                bcp_buf_puts(out, ", ");
            bcp_value_write(out, &v->as.list.items[i]);
        }
        bcp_buf_puts(out, "]");
        break;
    }
}

char *bcp_value_string(const bcp_value *v)
{
    bcp_buf b = {0};
    bcp_value_write(&b, v);
    return bcp_buf_take(&b);
}

bool bcp_value_equal(const bcp_value *a, const bcp_value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case BCP_V_STRING:
        return a->as.string.length == b->as.string.length &&
               memcmp(a->as.string.text, b->as.string.text, a->as.string.length) == 0;
    case BCP_V_INTEGER: return a->as.integer == b->as.integer;
    case BCP_V_DURATION: return a->as.seconds == b->as.seconds;
    case BCP_V_DATE: return a->as.days == b->as.days;
    case BCP_V_BOOL: return a->as.boolean == b->as.boolean;
    case BCP_V_IDENT: return strcmp(a->as.ident.name, b->as.ident.name) == 0;
    case BCP_V_REF:
        return strcmp(a->as.ref.kind_name, b->as.ref.kind_name) == 0 &&
               strcmp(a->as.ref.id, b->as.ref.id) == 0;
    case BCP_V_LIST:
        if (a->as.list.count != b->as.list.count)
            return false;
        for (size_t i = 0; i < a->as.list.count; i++)
            if (!bcp_value_equal(&a->as.list.items[i], &b->as.list.items[i]))
                return false;
        return true;
    }
    return false;
}

static void dump_entity(bcp_buf *out, const bcp_entity *e, int depth)
{
    for (int i = 0; i < depth; i++)
        bcp_buf_puts(out, "  ");
    bcp_buf_puts(out, bcp_kind_name(e->kind));
    if (e->id)
        bcp_buf_printf(out, " %s", e->id);
    bcp_buf_puts(out, "\n");
    for (size_t i = 0; i < e->attr_count; i++) {
        for (int d = 0; d <= depth; d++)
            bcp_buf_puts(out, "  ");
        bcp_buf_printf(out, "%s = ", e->attrs[i].name);
        bcp_value_write(out, &e->attrs[i].value);
        bcp_buf_puts(out, "\n");
    }
    for (size_t i = 0; i < e->child_count; i++)
        dump_entity(out, e->children[i], depth + 1);
}

void bcp_model_dump(bcp_buf *out, const bcp_model *model, const bcp_source *only)
{
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *list = bcp_model_entities(model, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->from_stdlib || e->parent || (only && e->span.source != only))
                continue;
            dump_entity(out, e, 0);
        }
    }
}

char *bcp_model_dump_string(const bcp_model *model, const bcp_source *only, size_t *length)
{
    bcp_buf b = {0};
    bcp_model_dump(&b, model, only);
    if (length)
        *length = b.len;
    return bcp_buf_take(&b);
}
