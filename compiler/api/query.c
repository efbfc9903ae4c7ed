/* Queries over a loaded plan: entities by kind and id, their attributes and
 * typed values with locations, references both ways, the entity at a
 * position, and the schema's documentation.  Everything here only reads the
 * plan, so any number of threads may query one plan at once. */
#include "api_internal.h"

#include <stdint.h>
#include <string.h>

#include "base/alloc.h"
#include "report/diagnostics.h"

/* ------------------------------------------------------------ kinds */

static bool kind_of(const char *name, bcp_kind *out)
{
    if (!name)
        return false;
    *out = bcp_schema_kind_by_name(name, strlen(name));
    return *out != BCP_KIND_COUNT;
}

size_t bcp_kind_total(void)
{
    return BCP_KIND_COUNT;
}

const char *bcp_kind_at(size_t i)
{
    return i < BCP_KIND_COUNT ? bcp_kind_name((bcp_kind)i) : NULL;
}

/* ---------------------------------------------------------- entities */

const bcp_entity *bcp_plan_root(const bcp_plan *plan)
{
    return plan ? bcp_model_plan(plan->model) : NULL;
}

const bcp_entity *bcp_plan_find(const bcp_plan *plan, const char *kind, const char *id)
{
    bcp_kind k;
    if (!plan || !id || !kind_of(kind, &k))
        return NULL;
    return bcp_model_find(plan->model, k, id);
}

size_t bcp_plan_entity_count(const bcp_plan *plan, const char *kind)
{
    bcp_kind k;
    if (!plan || !kind_of(kind, &k))
        return 0;
    return bcp_model_entities(plan->model, k)->count;
}

const bcp_entity *bcp_plan_entity(const bcp_plan *plan, const char *kind, size_t i)
{
    bcp_kind k;
    if (!plan || !kind_of(kind, &k))
        return NULL;
    const bcp_entity_list *l = bcp_model_entities(plan->model, k);
    return i < l->count ? l->items[i] : NULL;
}

const char *bcp_entity_kind_name(const bcp_entity *e)
{
    return e ? bcp_kind_name(e->kind) : NULL;
}

const char *bcp_entity_id(const bcp_entity *e)
{
    return e ? e->id : NULL;
}

const char *bcp_entity_title(const bcp_entity *e)
{
    return e ? bcp_entity_label(e) : NULL;
}

static bcp_location location_of(const bcp_span *span)
{
    return bcp_span_location(span);
}

bcp_location bcp_entity_location(const bcp_entity *e)
{
    return location_of(e ? &e->span : NULL);
}

bcp_location bcp_entity_id_location(const bcp_entity *e)
{
    return location_of(e ? &e->id_span : NULL);
}

bool bcp_entity_is_default(const bcp_entity *e)
{
    return e && e->from_stdlib;
}

const bcp_entity *bcp_entity_parent(const bcp_entity *e)
{
    return e ? e->parent : NULL;
}

size_t bcp_entity_child_count(const bcp_entity *e)
{
    return e ? e->child_count : 0;
}

const bcp_entity *bcp_entity_child(const bcp_entity *e, size_t i)
{
    return e && i < e->child_count ? e->children[i] : NULL;
}

/* -------------------------------------------------------- attributes */

size_t bcp_entity_attribute_count(const bcp_entity *e)
{
    return e ? e->attr_count : 0;
}

const bcp_attribute *bcp_entity_attribute_at(const bcp_entity *e, size_t i)
{
    return e && i < e->attr_count ? &e->attrs[i] : NULL;
}

const bcp_attribute *bcp_entity_attribute(const bcp_entity *e, const char *name)
{
    return e && name ? bcp_entity_attr(e, name) : NULL;
}

const char *bcp_attribute_name(const bcp_attribute *a)
{
    return a ? a->name : NULL;
}

bcp_location bcp_attribute_name_location(const bcp_attribute *a)
{
    return location_of(a ? &a->key_span : NULL);
}

const bcp_value *bcp_attribute_value(const bcp_attribute *a)
{
    return a ? &a->value : NULL;
}

/* ------------------------------------------------------------ values */

bcp_value_type bcp_value_get_type(const bcp_value *v)
{
    switch (v->kind) {
    case BCP_V_STRING: return BCP_VALUE_STRING;
    case BCP_V_INTEGER: return BCP_VALUE_INTEGER;
    case BCP_V_DURATION: return BCP_VALUE_DURATION;
    case BCP_V_DATE: return BCP_VALUE_DATE;
    case BCP_V_BOOL: return BCP_VALUE_BOOL;
    case BCP_V_IDENT: return BCP_VALUE_NAME;
    case BCP_V_REF: return BCP_VALUE_REFERENCE;
    case BCP_V_LIST: break;
    }
    return BCP_VALUE_LIST;
}

bcp_location bcp_value_location(const bcp_value *v)
{
    return location_of(v ? &v->span : NULL);
}

bool bcp_value_text(const bcp_value *v, const char **text, size_t *length)
{
    if (!v || v->kind != BCP_V_STRING)
        return false;
    if (text)
        *text = v->as.string.text;
    if (length)
        *length = v->as.string.length;
    return true;
}

bool bcp_value_integer(const bcp_value *v, int64_t *out)
{
    if (!v || v->kind != BCP_V_INTEGER)
        return false;
    if (out)
        *out = v->as.integer;
    return true;
}

bool bcp_value_duration(const bcp_value *v, int64_t *seconds, int32_t *months)
{
    if (!v || v->kind != BCP_V_DURATION)
        return false;
    if (seconds)
        *seconds = v->as.seconds;
    if (months)
        *months = v->months;
    return true;
}

bool bcp_value_date(const bcp_value *v, int32_t *days, char iso[11])
{
    /* A date the loader refused (E104) keeps its kind but has no day. */
    if (!v || v->kind != BCP_V_DATE || v->as.days == INT32_MIN)
        return false;
    if (days)
        *days = v->as.days;
    if (iso)
        bcp_format_date(v->as.days, iso);
    return true;
}

bool bcp_value_bool(const bcp_value *v, bool *out)
{
    if (!v || v->kind != BCP_V_BOOL)
        return false;
    if (out)
        *out = v->as.boolean;
    return true;
}

bool bcp_value_name(const bcp_value *v, const char **name)
{
    if (!v || v->kind != BCP_V_IDENT)
        return false;
    if (name)
        *name = v->as.ident.name;
    return true;
}

bool bcp_value_reference(const bcp_value *v, const char **kind, const char **id)
{
    if (!v || v->kind != BCP_V_REF)
        return false;
    if (kind)
        *kind = v->as.ref.kind_name;
    if (id)
        *id = v->as.ref.id;
    return true;
}

const bcp_entity *bcp_value_target(const bcp_value *v)
{
    if (v && v->kind == BCP_V_REF)
        return v->as.ref.target;
    if (v && v->kind == BCP_V_IDENT)
        return v->as.ident.target;
    return NULL;
}

size_t bcp_value_item_count(const bcp_value *v)
{
    return v && v->kind == BCP_V_LIST ? v->as.list.count : 0;
}

const bcp_value *bcp_value_item(const bcp_value *v, size_t i)
{
    return i < bcp_value_item_count(v) ? &v->as.list.items[i] : NULL;
}

/* -------------------------------------------------------- references */

/* Walks the resolved references of `e` and its nested blocks in source
 * order; stops at the one numbered `want` (when found, fills *out). */
typedef struct ref_walk {
    size_t seen, want;
    bcp_reference *out;
} ref_walk;

static bool walk_value(ref_walk *w, const bcp_entity *from, const bcp_attr *a, const bcp_value *v)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            if (walk_value(w, from, a, &v->as.list.items[i]))
                return true;
        return false;
    }
    const bcp_entity *target = bcp_value_target(v);
    if (!target)
        return false;
    if (w->seen++ == w->want && w->out) {
        *w->out = (bcp_reference){.from = from, .attribute = a, .value = v, .target = target};
        return true;
    }
    return false;
}

static bool walk_entity(ref_walk *w, const bcp_entity *e)
{
    for (size_t i = 0; i < e->attr_count; i++)
        if (walk_value(w, e, &e->attrs[i], &e->attrs[i].value))
            return true;
    for (size_t i = 0; i < e->child_count; i++)
        if (walk_entity(w, e->children[i]))
            return true;
    return false;
}

size_t bcp_entity_reference_count(const bcp_entity *e)
{
    ref_walk w = {.want = SIZE_MAX};
    if (e)
        walk_entity(&w, e);
    return w.seen;
}

bool bcp_entity_reference(const bcp_entity *e, size_t i, bcp_reference *out)
{
    bcp_reference ignored;
    ref_walk w = {.want = i, .out = out ? out : &ignored};
    return e && walk_entity(&w, e);
}

size_t bcp_plan_referrer_count(const bcp_plan *plan, const bcp_entity *target)
{
    /* bcp_plan_wrap built the index: this only reads it. */
    return plan && target ? target->referrers.count : 0;
}

const bcp_entity *bcp_plan_referrer(const bcp_plan *plan, const bcp_entity *target, size_t i)
{
    return i < bcp_plan_referrer_count(plan, target) ? target->referrers.items[i] : NULL;
}

/* ------------------------------------------------------------ position */

static const bcp_source *plan_source(const bcp_plan *plan, const char *path)
{
    size_t n = bcp_model_source_count(plan->model);
    for (size_t i = 0; i < n; i++)
        if (strcmp(bcp_model_source(plan->model, i)->path, path) == 0)
            return bcp_model_source(plan->model, i);
    char *key = bcp_workspace_canonical_path(path);
    const bcp_source *found = NULL;
    for (size_t i = 0; i < n && !found; i++) {
        const bcp_source *s = bcp_model_source(plan->model, i);
        if (s->real_path && strcmp(s->real_path, key) == 0)
            found = s;
    }
    bcp_free(key);
    return found;
}

static bool span_contains(const bcp_span *s, const bcp_source *src, uint32_t offset)
{
    return s->source == src && s->start_byte <= offset && offset < s->end_byte;
}

/* The innermost block of `e` (itself or a nested one) containing `offset`. */
static const bcp_entity *innermost(const bcp_entity *e, const bcp_source *src, uint32_t offset)
{
    if (!span_contains(&e->span, src, offset))
        return NULL;
    for (size_t i = 0; i < e->child_count; i++) {
        const bcp_entity *inner = innermost(e->children[i], src, offset);
        if (inner)
            return inner;
    }
    return e;
}

const bcp_entity *bcp_plan_entity_at(const bcp_plan *plan, const char *path, uint32_t offset,
                                     const bcp_attribute **attribute)
{
    if (attribute)
        *attribute = NULL;
    const bcp_source *src = plan && path ? plan_source(plan, path) : NULL;
    if (!src)
        return NULL;
    const bcp_entity *found = NULL;
    for (int k = 0; k < BCP_KIND_COUNT && !found; k++) {
        const bcp_entity_list *l = bcp_model_entities(plan->model, (bcp_kind)k);
        for (size_t i = 0; i < l->count && !found; i++)
            if (!l->items[i]->parent)
                found = innermost(l->items[i], src, offset);
    }
    if (found && attribute) {
        for (size_t i = 0; i < found->attr_count; i++) {
            const bcp_attr *a = &found->attrs[i];
            bcp_span whole = a->key_span;
            if (a->value.span.end_byte > whole.end_byte)
                whole.end_byte = a->value.span.end_byte;
            if (span_contains(&whole, src, offset))
                *attribute = a;
        }
    }
    return found;
}

/* --------------------------------------------------------- schema docs */

static void fill_attribute_doc(const bcp_attr_schema *s, bcp_attribute_doc *out)
{
    static _Thread_local char type[320];
    memset(out, 0, sizeof *out);
    out->name = s->name;
    out->type = bcp_type_describe(s, type, sizeof type);
    out->list = s->list;
    out->required = s->required;
    out->localized = s->localized;
    out->default_text = s->default_text;
    out->allowed = s->target;
    out->min = s->min;
    out->max = s->max;
    out->doc = s->doc;
    out->example = s->example;
}

bcp_status bcp_kind_doc_get(const char *kind, bcp_kind_doc *out)
{
    bcp_kind k;
    if (!out)
        return BCP_ERR_INVALID;
    if (!kind_of(kind, &k))
        return BCP_ERR_NOT_FOUND;
    const bcp_kind_schema *s = bcp_schema_kind(k);
    memset(out, 0, sizeof *out);
    out->name = s->name;
    out->doc = s->doc;
    out->needs_id = s->needs_id;
    out->nested_only = s->nested_only;
    out->catalogue = s->catalogue;
    out->singleton = s->singleton;
    out->children = s->children;
    out->attribute_count = s->attr_count;
    out->example = s->example;
    return BCP_OK;
}

bcp_status bcp_attribute_doc_get(const char *kind, const char *attribute, bcp_attribute_doc *out)
{
    bcp_kind k;
    if (!out || !attribute)
        return BCP_ERR_INVALID;
    if (!kind_of(kind, &k))
        return BCP_ERR_NOT_FOUND;
    const bcp_attr_schema *s = bcp_schema_attr(k, attribute, strlen(attribute));
    if (!s)
        return BCP_ERR_NOT_FOUND;
    fill_attribute_doc(s, out);
    return BCP_OK;
}

bcp_status bcp_attribute_doc_at(const char *kind, size_t i, bcp_attribute_doc *out)
{
    bcp_kind k;
    if (!out)
        return BCP_ERR_INVALID;
    if (!kind_of(kind, &k) || i >= bcp_schema_kind(k)->attr_count)
        return BCP_ERR_NOT_FOUND;
    fill_attribute_doc(&bcp_schema_kind(k)->attrs[i], out);
    return BCP_OK;
}
