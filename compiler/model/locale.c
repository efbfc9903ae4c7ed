/* Locales: overlays that translate entities into other languages, their
 * checks and merging, and localized lookups. */
#define _DEFAULT_SOURCE
#include "model_internal.h"

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Two translations of one entity into one language (a locale split over
 * stdlib files, or a plan refining part of a stdlib translation) merge
 * attribute by attribute, so that one file's title cannot hide another's
 * description.  `first` wins an attribute both set. */
static bcp_entity *merge_overlays(bcp_model *m, bcp_entity *first, const bcp_entity *second)
{
    size_t extra = 0;
    for (size_t i = 0; i < second->attr_count; i++)
        if (!bcp_entity_attr(first, second->attrs[i].name))
            extra++;
    if (!extra)
        return first;
    bcp_entity *merged = bcp_arena_alloc(&m->arena, sizeof *merged);
    *merged = *first;
    merged->attrs = bcp_arena_alloc(&m->arena, (first->attr_count + extra) * sizeof *merged->attrs);
    if (first->attr_count)
        memcpy(merged->attrs, first->attrs, first->attr_count * sizeof *merged->attrs);
    for (size_t i = 0; i < second->attr_count; i++)
        if (!bcp_entity_attr(first, second->attrs[i].name))
            merged->attrs[merged->attr_count++] = second->attrs[i];
    return merged;
}

static const bcp_entity *child_named(const bcp_entity *parent, bcp_kind kind, const char *id)
{
    for (size_t i = 0; parent && i < parent->child_count; i++) {
        const bcp_entity *c = parent->children[i];
        if (c->kind == kind && c->id && strcmp(c->id, id) == 0)
            return c;
    }
    return NULL;
}

/* `locale en { system erp { backup daily { where = "..." } } }` translates the
 * named nested blocks of an entity: each must exist in the base entity. */
static void check_nested_overlays(bcp_model *m, const bcp_entity *loc, bcp_entity *ov, const bcp_entity *base)
{
    const bcp_kind_schema *ps = bcp_schema_kind(ov->kind);
    for (size_t i = 0; i < ov->child_count; i++) {
        bcp_entity *c = ov->children[i];
        const char *kind_name = bcp_kind_name(c->kind);
        if (!c->id)
            continue; /* reported as a missing id already */
        if (!bcp_schema_set_contains(ps->children, kind_name, strlen(kind_name))) {
            bcp_model_error(m, BCP_CODE_E117, &c->id_span, "a `%s` block cannot stand inside `%s`",
                        kind_name, ps->name);
            continue;
        }
        const bcp_entity *target = child_named(base, c->kind, c->id);
        if (!target) {
            if (!ov->from_stdlib) {
                bcp_diag *d = bcp_model_error(m, BCP_CODE_E106, &c->id_span,
                                          "locale `%s` translates %s `%s` of %s `%s`, which is not defined",
                                          loc->id, kind_name, c->id, ps->name, base->id);
                bcp_diag_set_hint(d, "only named nested blocks can be translated: write `%s %s { ... }` in %s `%s`",
                                  kind_name, c->id, ps->name, base->id);
            }
            continue;
        }
        bcp_check_attributes(m, c, true);
        check_nested_overlays(m, loc, c, target);
    }
}

void bcp_build_overlays(bcp_model *m)
{
    const bcp_entity_list *locales = &m->by_kind[BCP_KIND_LOCALE];
    for (size_t i = 0; i < locales->count; i++) {
        bcp_entity *loc = locales->items[i];
        if (!loc->id)
            continue;
        if (!list_contains(&m->locales, loc->id))
            bcp_ptr_vec_push(&m->arena, &m->locales, (void *)loc->id);
        for (size_t j = 0; j < loc->child_count; j++) {
            bcp_entity *ov = loc->children[j];
            if (!ov->id)
                continue;
            const bcp_kind_schema *ks = bcp_schema_kind(ov->kind);
            bcp_entity *base = bcp_model_find(m, ov->kind, ov->id);
            if (!base && !ks->locale_defined) {
                if (!ov->from_stdlib) {
                    bcp_diag *d = bcp_model_error(m, BCP_CODE_E106, &ov->id_span,
                                              "locale `%s` translates %s `%s`, which is not defined",
                                              loc->id, ks->name, ov->id);
                    const char *best = bcp_suggest_id(m, d, ov->kind, ov->id, "");
                    if (best)
                        bcp_diag_add_fix(d, &ov->id_span, best, "write `%s`", best);
                }
                continue;
            }
            if (!ov->from_stdlib || base)
                bcp_check_attributes(m, ov, true);
            if (base)
                check_nested_overlays(m, loc, ov, base);
            index_slot *slot = bcp_index_lookup(&m->overlay_index, ov->kind, ov->id, loc->id);
            if (!slot) {
                bcp_index_insert(&m->overlay_index, ov, loc->id);
            } else if (slot->entity->from_stdlib && !ov->from_stdlib) {
                slot->entity = merge_overlays(m, ov, slot->entity);
            } else if (!ov->from_stdlib) {
                bcp_diag *d = bcp_model_error(m, BCP_CODE_E108, &ov->id_span,
                                              "locale `%s` already translates %s `%s`", loc->id, ks->name, ov->id);
                bcp_diag_add_note(d, &slot->entity->id_span, "first translated here");
            } else {
                slot->entity = merge_overlays(m, slot->entity, ov);
            }
            if (!base && ks->locale_defined) {
                /* Text defined only per language: make it findable by id as well. */
                if (!bcp_model_find(m, ov->kind, ov->id))
                    bcp_index_insert(&m->index, ov, NULL);
            }
        }
    }
    if (m->locales.count > 1)
        qsort(m->locales.items, m->locales.count, sizeof *m->locales.items, compare_strings);
}

/* The overlay of `e` for `lang`: a top-level entity's by index; a nested one
 * (a named backup) inside its parent's overlay. */
static const bcp_entity *overlay_of(const bcp_model *m, const bcp_entity *e, const char *lang)
{
    if (!e->id)
        return NULL;
    /* a text defined only in locale blocks is itself an overlay: its parent
     * is a `locale`, and it is looked up by id like a top-level entity */
    if (e->parent && e->parent->kind != BCP_KIND_LOCALE)
        return child_named(overlay_of(m, e->parent, lang), e->kind, e->id);
    index_slot *s = bcp_index_lookup(&m->overlay_index, e->kind, e->id, lang);
    return s ? s->entity : NULL;
}

const bcp_value *bcp_model_localized_value(const bcp_model *m, const bcp_entity *e, const char *name,
                                           const char *lang)
{
    if (lang) {
        const bcp_value *v = bcp_entity_value(overlay_of(m, e, lang), name);
        if (v)
            return v;
    }
    return bcp_entity_value(e, name);
}

const char *bcp_model_text(const bcp_model *m, const bcp_entity *e, const char *name, const char *lang)
{
    const bcp_value *v = bcp_model_localized_value(m, e, name, lang);
    return v && v->kind == BCP_V_STRING ? v->as.string.text : NULL;
}

size_t bcp_model_locale_count(const bcp_model *m) { return m->locales.count; }
const char *bcp_model_locale(const bcp_model *m, size_t i) { return m->locales.items[i]; }
