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

/* ------------------------------------------------- prose and its overrides */

/* Was this attribute written in one of the user's files (not the stdlib)? */
static bool written_by_plan(const bcp_attr *a)
{
    return a && a->key_span.source && !a->key_span.source->is_stdlib;
}

/* The plan's own value of `field` for text `e` in `lang`: its translation in
 * a `locale lang` block, or a top-level `text` block of the plan. */
static const bcp_attr *plan_prose_attr(const bcp_model *m, const bcp_entity *e, const char *field, const char *lang)
{
    if (!e)
        return NULL;
    const bcp_attr *a = lang ? bcp_entity_attr(overlay_of(m, e, lang), field) : NULL;
    if (written_by_plan(a))
        return a;
    a = bcp_entity_attr(e, field);
    if (written_by_plan(a) && !(e->parent && e->parent->kind == BCP_KIND_LOCALE))
        return a;
    return NULL;
}

static const bcp_entity *industry_text(const bcp_model *m, const char *industry, const char *id)
{
    if (!industry)
        return NULL;
    char *scoped = bcp_strprintf("%s_%s", industry, id);
    const bcp_entity *e = bcp_model_find(m, BCP_KIND_TEXT, scoped);
    bcp_free(scoped);
    return e;
}

const bcp_value *bcp_model_prose(const bcp_model *m, const char *industry, const char *id, const char *field,
                                 const char *lang)
{
    const bcp_entity *scoped = industry_text(m, industry, id);
    const bcp_entity *plain = bcp_model_find(m, BCP_KIND_TEXT, id);
    /* The plan's own words first: its industry variant, then the generic text. */
    const bcp_attr *a = plan_prose_attr(m, scoped, field, lang);
    if (!a)
        a = plan_prose_attr(m, plain, field, lang);
    if (a)
        return &a->value;
    /* Then the stdlib: the preset's variant, then the generic text. */
    const bcp_value *v = scoped ? bcp_model_localized_value(m, scoped, field, lang) : NULL;
    if (!v && plain)
        v = bcp_model_localized_value(m, plain, field, lang);
    return v;
}

/* The industry whose preset names the prefix of `id` ("healthcare_com_goals"
 * -> the `healthcare` industry entity), or NULL. */
static const bcp_entity *industry_prefix(const bcp_model *m, const char *id, const char **rest)
{
    const bcp_entity_list *l = &m->by_kind[BCP_KIND_INDUSTRY];
    for (size_t i = 0; i < l->count; i++) {
        const char *name = l->items[i]->id;
        size_t n = name ? strlen(name) : 0;
        if (n && strncmp(id, name, n) == 0 && id[n] == '_' && id[n + 1]) {
            *rest = id + n + 1;
            return l->items[i];
        }
    }
    return NULL;
}

/* Does the stdlib define text `id` in any language? */
static bool stdlib_has_text(const bcp_model *m, const char *id)
{
    for (size_t i = 0; i < m->overlays.count; i++) {
        const bcp_entity *ov = m->overlays.items[i];
        if (ov->kind == BCP_KIND_TEXT && ov->from_stdlib && ov->id && strcmp(ov->id, id) == 0)
            return true;
    }
    const bcp_entity *e = bcp_model_find(m, BCP_KIND_TEXT, id);
    return e && e->from_stdlib;
}

static void suggest_text_id(const bcp_model *m, bcp_diag *d, const char *id)
{
    const char **names = bcp_malloc((m->overlays.count + 1) * sizeof *names);
    size_t n = 0;
    for (size_t i = 0; i < m->overlays.count; i++) {
        const bcp_entity *ov = m->overlays.items[i];
        if (ov->kind == BCP_KIND_TEXT && ov->from_stdlib && ov->id)
            names[n++] = ov->id;
    }
    const char *best = bcp_suggest(id, (const char *const *)names, n);
    if (best)
        bcp_diag_set_hint(d, "did you mean `%s`?", best);
    bcp_free(names);
}

/* A plan's `text` override in `lang` that the document can never show
 * (E150): a text no document reads, another industry's variant, or a
 * generic text that the plan's own industry variant hides. */
static void check_text_override(bcp_model *m, const bcp_entity *ov, const char *industry, bool stdlib_prose)
{
    const char *lang = ov->parent ? ov->parent->id : NULL;
    const char *rest = NULL;
    const bcp_entity *ind = industry_prefix(m, ov->id, &rest);
    if (ind && (!industry || strcmp(ind->id, industry) != 0)) {
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E150, &ov->id_span,
                                      "text `%s` is read only for plans of industry `%s`, and this plan's industry is %s%s%s",
                                      ov->id, ind->id, industry ? "`" : "", industry ? industry : "not set",
                                      industry ? "`" : "");
        bcp_diag_add_note(d, &ind->id_span, "the `%s` preset reads `%s`", ind->id, ov->id);
        if (industry)
            bcp_diag_set_hint(d, "to change this plan's document, override `%s_%s` or `%s`", industry, rest, rest);
        return;
    }
    if (stdlib_prose && !stdlib_has_text(m, ov->id) && !(ind && stdlib_has_text(m, rest))) {
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E150, &ov->id_span,
                                      "the document reads no text `%s`, so this override is never shown", ov->id);
        suggest_text_id(m, d, ov->id);
        return;
    }
    if (ind || !industry)
        return;
    /* The plan overrides the generic text but also its industry's variant:
     * the variant wins for every attribute both set. */
    const bcp_entity *scoped = industry_text(m, industry, ov->id);
    for (size_t i = 0; scoped && i < ov->attr_count; i++) {
        const bcp_attr *mine = &ov->attrs[i];
        const bcp_attr *winner = plan_prose_attr(m, scoped, mine->name, lang);
        if (!written_by_plan(mine) || !winner)
            continue;
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E150, &mine->key_span,
                                      "`%s` of text `%s` is hidden by the plan's own `%s_%s`, which the document reads first",
                                      mine->name, ov->id, industry, ov->id);
        bcp_diag_add_note(d, &winner->key_span, "the `%s` that is shown", mine->name);
    }
}

void bcp_check_text_overrides(bcp_model *m)
{
    const bcp_entity *plan = m->plan;
    const bcp_value *iv = plan ? bcp_entity_value(plan, "industry") : NULL;
    const char *industry = iv && iv->kind == BCP_V_IDENT ? iv->as.ident.name : NULL;
    bool stdlib_prose = false;
    for (size_t i = 0; i < m->overlays.count && !stdlib_prose; i++) {
        const bcp_entity *ov = m->overlays.items[i];
        stdlib_prose = ov->kind == BCP_KIND_TEXT && ov->from_stdlib;
    }
    for (size_t i = 0; i < m->overlays.count; i++) {
        const bcp_entity *ov = m->overlays.items[i];
        if (ov->kind == BCP_KIND_TEXT && !ov->from_stdlib && ov->id)
            check_text_override(m, ov, industry, stdlib_prose);
    }
}

/* ------------------------------------------------------ translation gaps */

/* Does the base entity's `a` need a translation into `lang`?  Prose set in
 * the plan's own files whose overlay for `lang` leaves it out. */
static bool untranslated(const bcp_model *m, const bcp_entity *e, const bcp_attr *a, const char *lang)
{
    if (!a->schema || !a->schema->localized || !written_by_plan(a))
        return false;
    const bcp_value *v = &a->value;
    if (v->kind == BCP_V_STRING && v->as.string.length == 0)
        return false;
    if (v->kind == BCP_V_LIST && v->as.list.count == 0)
        return false;
    return !bcp_entity_attr(overlay_of(m, e, lang), a->name);
}

const char *bcp_model_base_language(const bcp_model *m)
{
    const char *lang = m->plan ? bcp_entity_text(m->plan, "language") : NULL;
    return lang ? lang : "en";
}

size_t bcp_model_translation_gaps(const bcp_model *m, const char *lang, bcp_translation_gap_fn fn, void *user)
{
    if (!lang || strcmp(lang, bcp_model_base_language(m)) == 0)
        return 0;
    size_t gaps = 0;
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        if (k == BCP_KIND_LOCALE || k == BCP_KIND_TEXT || k == BCP_KIND_CONFIG)
            continue;
        const bcp_entity_list *l = &m->by_kind[k];
        for (size_t i = 0; i < l->count; i++) {
            const bcp_entity *e = l->items[i];
            if (e->from_stdlib || !e->id)
                continue;
            const bcp_entity *p = e->parent;
            while (p && p->id)
                p = p->parent;
            if (p)
                continue; /* inside an anonymous block: no overlay can name it */
            for (size_t j = 0; j < e->attr_count; j++) {
                if (!untranslated(m, e, &e->attrs[j], lang))
                    continue;
                gaps++;
                if (fn)
                    fn(user, e, &e->attrs[j]);
            }
        }
    }
    return gaps;
}

typedef struct gap_report {
    bcp_diag *diag;
    size_t noted;
} gap_report;

enum { GAP_NOTES_MAX = 12 };

static void note_gap(void *user, const bcp_entity *e, const bcp_attr *a)
{
    gap_report *r = user;
    if (r->noted++ < GAP_NOTES_MAX)
        bcp_diag_add_note(r->diag, &a->key_span, "`%s` of %s `%s` is not translated", a->name,
                          bcp_kind_name(e->kind), e->id);
}

size_t bcp_model_report_translation_gaps(const bcp_model *m, const char *lang, bcp_diag_list *out)
{
    size_t gaps = bcp_model_translation_gaps(m, lang, NULL, NULL);
    if (!gaps)
        return 0;
    const bcp_span *at = m->plan ? &m->plan->id_span : NULL;
    bcp_diag *d = bcp_diag_add_code(out, BCP_CODE_E151, at,
                                    "the plan is written in %s and %zu of its texts have no %s translation: "
                                    "the %s document shows them in %s",
                                    bcp_model_base_language(m), gaps, lang, lang, bcp_model_base_language(m));
    gap_report r = {.diag = d};
    bcp_model_translation_gaps(m, lang, note_gap, &r);
    if (gaps > GAP_NOTES_MAX)
        bcp_diag_add_note(d, NULL, "and %zu more", gaps - GAP_NOTES_MAX);
    bcp_diag_set_hint(d, "translate them in `locale %s { <kind> <id> { title = \"...\" } }`; "
                      "`languages = [\"%s\", \"%s\"]` on the plan makes each gap a finding of `bcp check` (H120)",
                      lang, bcp_model_base_language(m), lang);
    return gaps;
}
