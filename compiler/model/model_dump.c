#define _POSIX_C_SOURCE 200809L
#include "model_dump.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static void write_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\u{%x}", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

void bcp_value_write(FILE *out, const bcp_value *v)
{
    switch (v->kind) {
    case BCP_V_STRING: write_string(out, v->as.string.text, v->as.string.length); break;
    case BCP_V_INTEGER: fprintf(out, "%" PRId64, v->as.integer); break;
    case BCP_V_DURATION:
        if (v->as.seconds < 0) {
            fputs("<bad duration>", out);
        } else {
            char buf[64];
            bcp_format_duration(v->as.seconds, buf, sizeof buf);
            fputs(buf, out);
        }
        break;
    case BCP_V_DATE:
        if (v->as.days == INT32_MIN) {
            fputs("<bad date>", out);
        } else {
            char buf[11];
            bcp_format_date(v->as.days, buf);
            fputs(buf, out);
        }
        break;
    case BCP_V_BOOL: fputs(v->as.boolean ? "true" : "false", out); break;
    case BCP_V_IDENT: fputs(v->as.ident.name, out); break;
    case BCP_V_REF: fprintf(out, "%s.%s", v->as.ref.kind_name, v->as.ref.id); break;
    case BCP_V_LIST:
        fputc('[', out);
        for (size_t i = 0; i < v->as.list.count; i++) {
            if (i)
                fputs(", ", out);
            bcp_value_write(out, &v->as.list.items[i]);
        }
        fputc(']', out);
        break;
    }
}

char *bcp_value_string(const bcp_value *v)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        abort();
    bcp_value_write(f, v);
    fclose(f);
    return text;
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

static void dump_entity(FILE *out, const bcp_entity *e, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
    fputs(bcp_kind_name(e->kind), out);
    if (e->id)
        fprintf(out, " %s", e->id);
    fputc('\n', out);
    for (size_t i = 0; i < e->attr_count; i++) {
        for (int d = 0; d <= depth; d++)
            fputs("  ", out);
        fprintf(out, "%s = ", e->attrs[i].name);
        bcp_value_write(out, &e->attrs[i].value);
        fputc('\n', out);
    }
    for (size_t i = 0; i < e->child_count; i++)
        dump_entity(out, e->children[i], depth + 1);
}

void bcp_model_dump(FILE *out, const bcp_model *model, const bcp_source *only)
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
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        abort();
    bcp_model_dump(f, model, only);
    fclose(f);
    if (length)
        *length = len;
    return text;
}
