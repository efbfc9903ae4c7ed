/* Entity accessors: attribute values by name, typed. */
#define _DEFAULT_SOURCE
#include "model_internal.h"

/* ------------------------------------------------------------ accessors */

const bcp_attr *bcp_entity_attr(const bcp_entity *e, const char *name)
{
    if (!e)
        return NULL;
    for (size_t i = 0; i < e->attr_count; i++)
        if (e->attrs[i].name[0] == name[0] && strcmp(e->attrs[i].name, name) == 0)   /* serve13c: first byte first */
            return &e->attrs[i];
    return NULL;
}

const bcp_value *bcp_entity_value(const bcp_entity *e, const char *name)
{
    const bcp_attr *a = bcp_entity_attr(e, name);
    return a ? &a->value : NULL;
}

const char *bcp_entity_text(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v && v->kind == BCP_V_STRING ? v->as.string.text : NULL;
}

bool bcp_entity_duration(const bcp_entity *e, const char *name, int64_t *seconds)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_DURATION || v->as.seconds < 0)
        return false;
    *seconds = v->as.seconds;
    return true;
}

bool bcp_entity_date(const bcp_entity *e, const char *name, int32_t *days)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_DATE || v->as.days == INT32_MIN)
        return false;
    *days = v->as.days;
    return true;
}

bool bcp_entity_bool(const bcp_entity *e, const char *name, bool fallback)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v && v->kind == BCP_V_BOOL ? v->as.boolean : fallback;
}

bool bcp_entity_integer(const bcp_entity *e, const char *name, int64_t *out)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_INTEGER)
        return false;
    *out = v->as.integer;
    return true;
}

bcp_entity *bcp_entity_ref(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v)
        return NULL;
    if (v->kind == BCP_V_REF)
        return v->as.ref.target;
    if (v->kind == BCP_V_IDENT)
        return v->as.ident.target;
    return NULL;
}

int bcp_entity_score(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v ? v->score : 0;
}

const char *bcp_entity_label(const bcp_entity *e)
{
    const char *t = bcp_entity_text(e, "title");
    if (!t)
        t = bcp_entity_text(e, "name");
    return t ? t : (e->id ? e->id : bcp_kind_name(e->kind));
}
