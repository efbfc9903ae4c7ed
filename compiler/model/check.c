/* Checking a loaded model against the schema: attribute names and types,
 * enums, ranges, references (with did-you-mean suggestions) and required
 * attributes. */
#define _DEFAULT_SOURCE
#include "derive.h"
#include "base/call.h"
#include "model_internal.h"

#include "base/alloc.h"
#include "derive.h"
#include "regime.h"

/* ------------------------------------------------------ checking values */

static const char *value_kind_name(const bcp_value *v)
{
    switch (v->kind) {
    case BCP_V_STRING: return "a string";
    case BCP_V_INTEGER: return "an integer";
    case BCP_V_DURATION: return "a duration";
    case BCP_V_DATE: return "a date";
    case BCP_V_BOOL: return "a boolean";
    case BCP_V_IDENT: return "a name";
    case BCP_V_REF: return "a reference";
    default: return "a list";
    }
}

const char *bcp_suggest_id(bcp_model *m, bcp_diag *d, bcp_kind kind, const char *id, const char *prefix)
{
    const bcp_entity_list *l = &m->by_kind[kind];
    if (kind == BCP_KIND_REGION) {
        /* a place written by one of its names (`region = 上海`, `region = Tokyo`) */
        const bcp_entity *r = bcp_region_find(m, id, strlen(id));
        const bcp_entity *near = r ? r : bcp_region_suggest(m, id);
        const char *best = near ? near->id : NULL;
        if (r)
            bcp_diag_set_hint(d, "`%s` is a name of region `%s`: write its id", id, r->id);
        else if (best)
            bcp_diag_set_hint(d, "did you mean `%s%s`? (docs/regions.md lists the places)", prefix, best);
        else
            bcp_diag_set_hint(d, "docs/regions.md lists the places the stdlib knows; a plan may declare its own `region`");
        return best;
    }
    if (l->count == 0 || l->count > 5000)
        return NULL;
    const char **ids = bcp_malloc(l->count * sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i]->id)
            ids[n++] = l->items[i]->id;
    const char *best = bcp_suggest(id, ids, n);
    if (best)
        bcp_diag_set_hint(d, "did you mean `%s%s`?", prefix, best);
    bcp_free(ids);
    return best;
}

/* A schema example fit for the plan's language: the stdlib's examples of
 * prose are Chinese, which tells the author of an English plan nothing. */
static const char *readable_example(const bcp_model *m, const bcp_attr_schema *as)
{
    const char *ex = as->example;
    if (!ex || strncmp(bcp_model_base_language(m), "zh", 2) == 0)
        return ex;
    for (const char *p = ex; *p; p++)
        if ((unsigned char)*p >= 0x80)
            return as->list ? "[\"...\", \"...\"]" : "\"...\"";
    return ex;
}

static void type_error(bcp_model *m, const bcp_entity *e, const bcp_attr *a, const bcp_value *v)
{
    char expected[300];
    bcp_attr_schema single = *a->schema;
    if (v != &a->value)
        single.list = false; /* an element of a list */
    bcp_type_describe(&single, expected, sizeof expected);
    size_t line_len;
    (void)bcp_span_line(&v->span, &line_len);
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E103, &v->span,
                              "`%s` of %s `%s` expects %s, not %s", a->name, bcp_kind_name(e->kind),
                              e->id ? e->id : bcp_kind_name(e->kind), expected, value_kind_name(v));
    if (a->schema->type == BCP_T_TEXT && v->kind == BCP_V_IDENT) {
        char *quoted = bcp_strprintf("\"%s\"", v->as.ident.name);
        bcp_diag_add_fix(d, &v->span, quoted, "write `%s`", quoted);
        bcp_diag_set_hint(d, "text is written in double quotes: %s = %s", a->name, quoted);
        bcp_free(quoted);
    } else if (a->schema->example) {
        bcp_diag_set_hint(d, "for example: %s = %s", a->name, readable_example(m, a->schema));
    }
}

static bcp_entity *resolve_in_catalogue(bcp_model *m, const bcp_attr_schema *as, const bcp_value *v,
                                        const char *name, bool *reported)
{
    bcp_kind kind = bcp_schema_kind_by_name(as->target, strlen(as->target));
    bcp_entity *target = bcp_model_find(m, kind, name);
    if (!target) {
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E106, &v->span,
                                  "unknown %s `%s`", as->target, name);
        const char *best = bcp_suggest_id(m, d, kind, name, "");
        if (best && v->kind == BCP_V_REF) {
            char *ref = bcp_strprintf("%s.%s", as->target, best);
            bcp_diag_add_fix(d, &v->span, ref, "write `%s`", ref);
            bcp_free(ref);
        } else if (best) {
            bcp_diag_add_fix(d, &v->span, best, "write `%s`", best);
        }
        if (!d->hint)
            bcp_diag_set_hint(d, "declare it with `%s %s { ... }`, or pick one from the stdlib catalogue",
                              as->target, name);
        *reported = true;
    }
    return target;
}

static void check_reference(bcp_model *m, const bcp_entity *e, const bcp_attr *a, bcp_value *v)
{
    const char *kind_name = v->as.ref.kind_name;
    bcp_kind kind = bcp_schema_kind_by_name(kind_name, strlen(kind_name));
    if (!bcp_schema_set_contains(a->schema->target, kind_name, strlen(kind_name))) {
        bcp_diag *d;
        if (kind == BCP_KIND_COUNT) {
            d = bcp_model_error(m, BCP_CODE_E107, &v->span,
                            "`%s.%s` does not name a kind of entity", kind_name, v->as.ref.id);
        } else {
            d = bcp_model_error(m, BCP_CODE_E107, &v->span,
                            "`%s` of %s `%s` must refer to %s, not to a %s", a->name,
                            bcp_kind_name(e->kind), e->id ? e->id : "", a->schema->target, kind_name);
        }
        char alts[200];
        snprintf(alts, sizeof alts, "%s", a->schema->target);
        for (char *p = alts; *p; p++)
            if (*p == '|')
                *p = '/';
        bcp_diag_set_hint(d, "write %s.ID with %s", strchr(a->schema->target, '|') ? "KIND" : a->schema->target, alts);
        return;
    }
    v->as.ref.target = bcp_model_find(m, kind, v->as.ref.id);
    if (!v->as.ref.target) {
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E106, &v->span,
                                  "undefined reference `%s.%s`: no %s with id `%s`", kind_name,
                                  v->as.ref.id, kind_name, v->as.ref.id);
        char prefix[100];
        snprintf(prefix, sizeof prefix, "%s.", kind_name);
        const char *best = bcp_suggest_id(m, d, kind, v->as.ref.id, prefix);
        if (best) {
            char *ref = bcp_strprintf("%s%s", prefix, best);
            bcp_diag_add_fix(d, &v->span, ref, "write `%s`", ref);
            bcp_free(ref);
        }
    }
}

/* `choices` is "a|b|c".  A quoted word that is a valid choice only needs its
 * quotes dropped.  `span` is the value's, which the fix-it replaces. */
static void suggest_enum(bcp_diag *d, const char *choices, const char *word, bool quoted, const bcp_span *span)
{
    char buf[512];
    const char *names[64];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", choices);
    for (char *p = buf; *p && n < 64;) {
        names[n++] = p;
        char *bar = strchr(p, '|');
        if (!bar)
            break;
        *bar = '\0';
        p = bar + 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (quoted && strcmp(names[i], word) == 0) {
            bcp_diag_set_hint(d, "write the name without quotes: %s", word);
            bcp_diag_add_fix(d, span, word, "write `%s` without quotes", word);
            return;
        }
    }
    const char *best = bcp_suggest(word, names, n);
    if (best) {
        bcp_diag_set_hint(d, "did you mean `%s`?", best);
        bcp_diag_add_fix(d, span, best, "write `%s`", best);
    }
}

/* On a long interval (days or more), `6m` is six minutes: surely `6mo` was
 * meant.  True when it said so. */
static bool check_minutes(bcp_model *m, const bcp_attr *a, const bcp_value *v)
{
    const char *text = v->span.source->text + v->span.start_byte;
    size_t len = v->span.end_byte - v->span.start_byte;
    if (len < 2 || text[len - 1] != 'm' || text[len - 2] < '0' || text[len - 2] > '9' ||
        bcp_duration_parts(text, len) != 1)
        return false;
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E119, &v->span,
                                  "`%s = %.*s` is %.*s minutes; months are written `%.*smo`", a->name,
                                  (int)len, text, (int)(len - 1), text, (int)(len - 1), text);
    char *months = bcp_strprintf("%.*smo", (int)(len - 1), text);
    bcp_diag_add_fix(d, &v->span, months, "write `%s`", months);
    bcp_free(months);
    return true;
}

/* A duration outside the range plans plausibly state (an RTO of ten years, a
 * review every minute) is a warning that names the range. */
static void check_plausible(bcp_model *m, const bcp_entity *e, const bcp_attr *a, const bcp_value *v)
{
    const bcp_attr_schema *as = a->schema;
    int64_t lo, hi;
    if (!as->plausible_min || !as->plausible_max || v->as.seconds < 0 ||
        !bcp_parse_duration(as->plausible_min, strlen(as->plausible_min), &lo) ||
        !bcp_parse_duration(as->plausible_max, strlen(as->plausible_max), &hi) ||
        (v->as.seconds >= lo && v->as.seconds <= hi))
        return;
    const char *text = v->span.source->text + v->span.start_byte;
    size_t len = v->span.end_byte - v->span.start_byte;
    bcp_diag *d = bcp_model_error(m, BCP_CODE_E120, &v->span,
                                  "`%s = %.*s` of %s `%s` is %s than plausible (%s to %s)", a->name,
                                  (int)len, text, bcp_kind_name(e->kind),
                                  e->id ? e->id : bcp_kind_name(e->kind),
                                  v->as.seconds < lo ? "shorter" : "longer", as->plausible_min,
                                  as->plausible_max);
    bcp_diag_set_hint(d, "check the number and the unit (m is minutes, mo months); e.g. %s = %s",
                      a->name, as->example ? as->example : as->plausible_max);
}

static void check_scalar(bcp_model *m, const bcp_entity *e, const bcp_attr *a, bcp_value *v)
{
    const bcp_attr_schema *as = a->schema;
    bool reported = false;
    switch (as->type) {
    case BCP_T_ANY:
        return;
    case BCP_T_TEXT:
        if (v->kind != BCP_V_STRING) {
            type_error(m, e, a, v);
        } else if (as->link && bcp_link_check(v->as.string.text) == BCP_LINK_BAD) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E140, &v->span,
                                          "`%s` of %s `%s` is not an http(s) address or a path", a->name,
                                          bcp_kind_name(e->kind), e->id ? e->id : bcp_kind_name(e->kind));
            bcp_diag_set_hint(d, "write an address such as %s, or a relative path (runbooks/recovery.md)",
                              as->example ? as->example : "\"https://wiki.example.com/runbook\"");
        }
        return;
    case BCP_T_TEXT_OR_NONE:
        if (v->kind == BCP_V_STRING || (v->kind == BCP_V_IDENT && strcmp(v->as.ident.name, "none") == 0))
            return;
        type_error(m, e, a, v);
        return;
    case BCP_T_INTEGER:
        if (v->kind != BCP_V_INTEGER) {
            type_error(m, e, a, v);
        } else if (v->as.integer < as->min || v->as.integer > as->max) {
            bcp_model_error(m, BCP_CODE_E114, &v->span, "`%s` must be between %ld and %ld, not %lld",
                        a->name, as->min, as->max, (long long)v->as.integer);
        }
        return;
    case BCP_T_DURATION:
        if (v->kind != BCP_V_DURATION)
            type_error(m, e, a, v);
        else if (!(as->long_interval && check_minutes(m, a, v)))
            check_plausible(m, e, a, v);
        return;
    case BCP_T_DATE:
        if (v->kind != BCP_V_DATE)
            type_error(m, e, a, v);
        return;
    case BCP_T_BOOL:
        if (v->kind != BCP_V_BOOL)
            type_error(m, e, a, v);
        return;
    case BCP_T_ENUM:
        if (v->kind != BCP_V_IDENT && v->kind != BCP_V_STRING) {
            type_error(m, e, a, v);
        } else {
            const char *word = v->kind == BCP_V_IDENT ? v->as.ident.name : v->as.string.text;
            if (v->kind == BCP_V_STRING || !bcp_schema_set_contains(as->target, word, strlen(word))) {
                bcp_diag *d = bcp_model_error(m, BCP_CODE_E103, &v->span,
                                          "`%s` must be one of %s, not `%s`", a->name, as->target, word);
                suggest_enum(d, as->target, word, v->kind == BCP_V_STRING, &v->span);
            }
        }
        return;
    case BCP_T_SCORE:
        if (v->kind == BCP_V_INTEGER) {
            if (v->as.integer < 1 || v->as.integer > 5)
                bcp_model_error(m, BCP_CODE_E114, &v->span, "`%s` must be between 1 and 5, not %lld",
                            a->name, (long long)v->as.integer);
            else
                v->score = (int)v->as.integer;
        } else if (v->kind == BCP_V_IDENT) {
            bcp_entity *level = resolve_in_catalogue(m, as, v, v->as.ident.name, &reported);
            v->as.ident.target = level;
            int64_t score;
            if (level && bcp_entity_integer(level, "score", &score))
                v->score = (int)score;
        } else {
            type_error(m, e, a, v);
        }
        return;
    case BCP_T_CATALOGUE:
        if (v->kind == BCP_V_IDENT) {
            v->as.ident.target = resolve_in_catalogue(m, as, v, v->as.ident.name, &reported);
        } else if (v->kind == BCP_V_REF) {
            if (strcmp(v->as.ref.kind_name, as->target) != 0) {
                bcp_model_error(m, BCP_CODE_E107, &v->span,
                            "`%s` must name a %s, not a %s", a->name, as->target, v->as.ref.kind_name);
            } else {
                v->as.ref.target = resolve_in_catalogue(m, as, v, v->as.ref.id, &reported);
            }
        } else {
            type_error(m, e, a, v);
        }
        return;
    case BCP_T_REF:
        if (v->kind == BCP_V_REF) {
            check_reference(m, e, a, v);
        } else if (v->kind == BCP_V_IDENT && !strchr(as->target, '|')) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E103, &v->span,
                                      "`%s` expects a reference such as `%s.%s`, not the bare name `%s`",
                                      a->name, as->target, v->as.ident.name, v->as.ident.name);
            bcp_diag_set_hint(d, "write %s.%s", as->target, v->as.ident.name);
        } else {
            type_error(m, e, a, v);
        }
        return;
    }
}

static bool is_broken(const bcp_model *m, const bcp_entity *e)
{
    for (size_t i = 0; i < m->broken.count; i++)
        if (m->broken.items[i] == e)
            return true;
    return false;
}

void bcp_check_attributes(bcp_model *m, bcp_entity *e, bool overlay)
{
    const bcp_kind_schema *ks = bcp_schema_kind(e->kind);
    for (size_t i = 0; i < e->attr_count; i++) {
        bcp_attr *a = &e->attrs[i];
        a->schema = bcp_schema_attr(e->kind, a->name, strlen(a->name));
        if (!a->schema) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E102, &a->key_span,
                                      "unknown attribute `%s` for %s", a->name, ks->name);
            const char *names[64];
            size_t n = 0;
            for (size_t j = 0; j < ks->attr_count && n < 64; j++)
                names[n++] = ks->attrs[j].name;
            const char *best = bcp_suggest(a->name, names, n);
            if (best) {
                bcp_diag_set_hint(d, "did you mean `%s`?", best);
                bcp_diag_add_fix(d, &a->key_span, best, "write `%s`", best);
            } else {
                char all[1024] = "";
                for (size_t j = 0; j < n; j++) {
                    if (j)
                        strncat(all, ", ", sizeof all - strlen(all) - 1);
                    strncat(all, names[j], sizeof all - strlen(all) - 1);
                }
                bcp_diag_set_hint(d, "%s takes: %s", ks->name, all);
            }
            continue;
        }
        /* serve13d: names equal when their schemas are (both looked up above,
         * for this kind, and a->schema is set): no string compared */
        for (size_t j = 0; j < i; j++) {
            if (e->attrs[j].schema == a->schema) {
                bcp_diag *d = bcp_model_error(m, BCP_CODE_E115, &a->key_span, "`%s` is set twice", a->name);
                bcp_diag_add_note(d, &e->attrs[j].key_span, "first set here");
                break;
            }
        }
        if (overlay && !a->schema->localized) {
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E118, &a->key_span,
                                      "`%s` of %s is not text that a locale can translate", a->name, ks->name);
            bcp_diag_set_hint(d, "a locale block overrides only prose attributes such as title and description");
            continue;
        }
        if (a->schema->type == BCP_T_ANY)
            continue;
        if (a->schema->list) {
            if (a->value.kind != BCP_V_LIST) {
                bcp_diag *d = bcp_model_error(m, BCP_CODE_E103, &a->value.span,
                                          "`%s` of %s expects a list, not %s", a->name, ks->name,
                                          value_kind_name(&a->value));
                bcp_diag_set_hint(d, "wrap it in brackets: %s = [ ... ]", a->name);
                continue;
            }
            for (size_t k = 0; k < a->value.as.list.count; k++)
                check_scalar(m, e, a, &a->value.as.list.items[k]);
        } else if (a->value.kind == BCP_V_LIST) {
            char expected[300];
            bcp_diag *d = bcp_model_error(m, BCP_CODE_E103, &a->value.span,
                                      "`%s` of %s expects %s, not a list", a->name, ks->name,
                                      bcp_type_describe(a->schema, expected, sizeof expected));
            (void)d;
        } else {
            check_scalar(m, e, a, &a->value);
        }
    }
    if (overlay || is_broken(m, e))
        return;
    for (size_t j = 0; j < ks->attr_count; j++) {
        if (!ks->attrs[j].required || bcp_entity_attr(e, ks->attrs[j].name))
            continue;
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E109, &e->id_span,
                                  "%s `%s` is missing required attribute `%s`", ks->name,
                                  e->id ? e->id : ks->name, ks->attrs[j].name);
        if (ks->attrs[j].example)
            bcp_diag_set_hint(d, "add: %s = %s", ks->attrs[j].name, readable_example(m, &ks->attrs[j]));
    }
}

static void check_entity_tree(bcp_model *m, bcp_entity *e)
{
    if (e->kind == BCP_KIND_CONFIG)
        return; /* configuration is read by the lint engine, not the plan schema */
    bcp_check_attributes(m, e, false);
    for (size_t i = 0; i < e->child_count; i++)
        if (e->kind != BCP_KIND_LOCALE)
            check_entity_tree(m, e->children[i]);
}

void bcp_check_model(bcp_model *m)
{
    bcp_build_index(m);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *l = &m->by_kind[k];
        for (size_t i = 0; i < l->count && !bcp_call_cancelled(); i++)   /* a cancelled call's model is thrown away */
            if (!l->items[i]->parent)
                check_entity_tree(m, l->items[i]);
    }
    bcp_build_overlays(m);
    bcp_check_text_overrides(m);
    bcp_build_referrers(m);
    bcp_regime_check_model(m);
    if (m->syntax_errors)
        bcp_syntax_fold_echoes(&m->diags);
    bcp_diag_list_sort(&m->diags);
}
