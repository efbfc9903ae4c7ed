/* Indexing: the hash index of entities by kind, id and language, the
 * per-kind lists, duplicate ids, and the referrers of each entity. */
#define _DEFAULT_SOURCE
#include "model_internal.h"

#include "base/alloc.h"

/* ---------------------------------------------------------------- hashing */

static uint64_t hash_bytes(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t entity_key(bcp_kind kind, const char *id, const char *lang)
{
    uint64_t h = 14695981039346656037ULL ^ (uint64_t)kind;
    h *= 1099511628211ULL;
    h = hash_bytes(h, id);
    if (lang)
        h = hash_bytes(h ^ 0xff, lang);
    return h | 1; /* 0 marks an empty slot */
}

static void index_grow(entity_index *ix)
{
    size_t cap = ix->capacity ? ix->capacity * 2 : 256;
    index_slot *slots = bcp_calloc(cap, sizeof *slots);
    for (size_t i = 0; i < ix->capacity; i++) {
        if (!ix->slots[i].hash)
            continue;
        size_t j = ix->slots[i].hash & (cap - 1);
        while (slots[j].hash)
            j = (j + 1) & (cap - 1);
        slots[j] = ix->slots[i];
    }
    bcp_free(ix->slots);
    ix->slots = slots;
    ix->capacity = cap;
}

static bool same_lang(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

index_slot *bcp_index_lookup(const entity_index *ix, bcp_kind kind, const char *id,
                                const char *lang)
{
    if (!ix->capacity)
        return NULL;
    uint64_t h = entity_key(kind, id, lang);
    size_t j = h & (ix->capacity - 1);
    while (ix->slots[j].hash) {
        index_slot *s = &ix->slots[j];
        if (s->hash == h && s->entity->kind == kind && strcmp(s->entity->id, id) == 0 &&
            same_lang(s->lang, lang))
            return s;
        j = (j + 1) & (ix->capacity - 1);
    }
    return NULL;
}

void bcp_index_insert(entity_index *ix, bcp_entity *e, const char *lang)
{
    if ((ix->count + 1) * 2 > ix->capacity)
        index_grow(ix);
    uint64_t h = entity_key(e->kind, e->id, lang);
    size_t j = h & (ix->capacity - 1);
    while (ix->slots[j].hash)
        j = (j + 1) & (ix->capacity - 1);
    ix->slots[j].hash = h;
    ix->slots[j].entity = e;
    ix->slots[j].lang = lang;
    ix->count++;
}

bcp_entity *bcp_model_find(const bcp_model *m, bcp_kind kind, const char *id)
{
    index_slot *s = bcp_index_lookup(&m->index, kind, id, NULL);
    return s ? s->entity : NULL;
}

/* ------------------------------------------------------------- indexing */

static bool from_prelude(const bcp_entity *e)
{
    const bcp_source *src = e->span.source;
    return src && src->module_name && strcmp(src->module_name, "std/" PRELUDE_MODULE) == 0;
}

static void register_entity(bcp_model *m, bcp_entity *e)
{
    if (!e->id)
        return;
    index_slot *slot = bcp_index_lookup(&m->index, e->kind, e->id, NULL);
    if (!slot) {
        bcp_index_insert(&m->index, e, NULL);
        return;
    }
    if (e->kind == BCP_KIND_LOCALE)
        return; /* a language's translations may be split over several files */
    bcp_entity *old = slot->entity;
    if (old->from_stdlib && !e->from_stdlib) {
        slot->entity = e; /* the plan overrides a stdlib default */
        return;
    }
    if (old->from_stdlib && e->from_stdlib && from_prelude(old) && !from_prelude(e)) {
        slot->entity = e; /* an industry preset refines a prelude catalogue entry */
        return;
    }
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E108, &e->id_span, "duplicate id: %s `%s` is already defined",
                                  bcp_kind_name(e->kind), e->id);
    bcp_diag_set_hint(d, "ids must be unique within a kind; rename one of them");
    bcp_diag_add_note(d, &old->id_span, "first defined here");
}

static void add_to_kind_list(bcp_model *m, bcp_ptr_vec *lists, bcp_entity *e)
{
    e->ordinal = (uint32_t)lists[e->kind].count;
    bcp_ptr_vec_push(&m->arena, &lists[e->kind], e);
}

static void collect_nested(bcp_model *m, bcp_ptr_vec *lists, bcp_entity *e)
{
    for (size_t i = 0; i < e->child_count; i++) {
        bcp_entity *child = e->children[i];
        if (e->kind == BCP_KIND_LOCALE) {
            bcp_ptr_vec_push(&m->arena, &m->overlays, child);
            continue;
        }
        if (e->kind == BCP_KIND_CONFIG)
            continue;
        add_to_kind_list(m, lists, child);
        collect_nested(m, lists, child);
    }
}

void bcp_build_index(bcp_model *m)
{
    for (size_t i = 0; i < m->blocks.count; i++)
        register_entity(m, m->blocks.items[i]);
    bcp_ptr_vec lists[BCP_KIND_COUNT];
    memset(lists, 0, sizeof lists);
    for (size_t i = 0; i < m->blocks.count; i++) {
        bcp_entity *e = m->blocks.items[i];
        if (e->id && e->kind != BCP_KIND_LOCALE) {
            index_slot *slot = bcp_index_lookup(&m->index, e->kind, e->id, NULL);
            if (slot && slot->entity != e && e->from_stdlib)
                continue; /* overridden default */
        }
        add_to_kind_list(m, lists, e);
        collect_nested(m, lists, e);
    }
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        m->by_kind[k].items = (bcp_entity **)lists[k].items;
        m->by_kind[k].count = lists[k].count;
    }
    const bcp_entity_list *plans = &m->by_kind[BCP_KIND_PLAN];
    if (plans->count > 0)
        m->plan = plans->items[0];
    for (size_t i = 1; i < plans->count; i++) {
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E110, &plans->items[i]->id_span, "more than one `plan` block");
        bcp_diag_set_hint(d, "a plan has one `plan` block; other files are modules that it imports with `use`");
        bcp_diag_add_note(d, &plans->items[0]->id_span, "the first `plan` block");
    }
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        if (k == BCP_KIND_PLAN || !bcp_schema_kind((bcp_kind)k)->singleton)
            continue;
        const bcp_entity_list *l = &m->by_kind[k];
        for (size_t i = 1; i < l->count; i++) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E110, &l->items[i]->id_span, "more than one `%s` block",
                                          bcp_kind_name((bcp_kind)k));
            bcp_diag_add_note(d, &l->items[0]->id_span, "the first `%s` block", bcp_kind_name((bcp_kind)k));
        }
    }
}

/* ------------------------------------------------------------ referrers */

static void add_referrer(bcp_model *m, bcp_entity *target, bcp_entity *from)
{
    bcp_entity_list *list = &target->referrers;
    if (list->count && list->items[list->count - 1] == from)
        return; /* several references from one entity count once */
    if (list->count == target->referrer_capacity) {
        size_t cap = target->referrer_capacity ? target->referrer_capacity * 2 : 4;
        bcp_entity **items = bcp_arena_alloc(&m->arena, cap * sizeof *items);
        if (list->count)
            memcpy(items, list->items, list->count * sizeof *items);
        list->items = items;
        target->referrer_capacity = cap;
    }
    list->items[list->count++] = from;
}

static void collect_refs(bcp_model *m, bcp_entity *from, const bcp_value *v)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            collect_refs(m, from, &v->as.list.items[i]);
    } else if (v->kind == BCP_V_REF && v->as.ref.target) {
        add_referrer(m, v->as.ref.target, from);
    } else if (v->kind == BCP_V_IDENT && v->as.ident.target) {
        add_referrer(m, v->as.ident.target, from);
    }
}

/* Fills every entity's referrers, once, at the end of loading: afterwards the
 * model is only read. */
void bcp_build_referrers(bcp_model *m)
{
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *l = &m->by_kind[k];
        for (size_t i = 0; i < l->count; i++) {
            bcp_entity *e = l->items[i];
            /* a nested block's references are its owner's */
            bcp_entity *owner = e;
            while (owner->parent)
                owner = owner->parent;
            for (size_t j = 0; j < e->attr_count; j++)
                collect_refs(m, owner, &e->attrs[j].value);
        }
    }
}

const bcp_entity_list *bcp_model_referrers(const bcp_model *m, const bcp_entity *target)
{
    (void)m;
    return &target->referrers;
}
