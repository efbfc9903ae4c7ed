/* bcp diff: entities are matched by kind and id (nested blocks by their
 * parent and their own id, or their position among anonymous siblings),
 * attributes by name, values by their typed meaning: 24h and 1d are equal,
 * layout and comments do not exist here. */
#define _POSIX_C_SOURCE 200809L
#include "plan_diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model/derive.h"
#include "model/model_dump.h"

typedef struct record {
    const bcp_entity *entity;
    char *label;        /* function.production, system.erp/backup[1] */
} record;

typedef struct record_list {
    record *items;
    size_t count, cap;
} record_list;

typedef struct attr_change {
    const char *name;
    char *old_value;    /* NULL: added */
    char *new_value;    /* NULL: removed */
} attr_change;

typedef enum { CHANGE_ADDED, CHANGE_REMOVED, CHANGE_CHANGED } change_kind;

typedef struct entity_change {
    change_kind kind;
    const char *label;
    attr_change *attrs;
    size_t attr_count;
} entity_change;

typedef struct weakening {
    const char *label;
    char *what;
    char *old_value;    /* may be NULL */
    char *new_value;    /* may be NULL */
    const char *note;   /* may be NULL */
} weakening;

struct bcp_plan_diff {
    record_list old_records, new_records;
    entity_change *changes;
    size_t change_count, change_cap;
    size_t added, removed, changed;
    weakening *weak;
    size_t weak_count, weak_cap;
};

/* ------------------------------------------------------------- entities */

static void add_record(record_list *l, const bcp_entity *e, char *label)
{
    l->items = bcp_grow(l->items, &l->cap, l->count, sizeof *l->items);
    l->items[l->count++] = (record){e, label};
}

static char *entity_label(const bcp_entity *e, const char *parent_label, size_t anonymous_index)
{
    const char *kind = bcp_kind_name(e->kind);
    const char *sep = parent_label ? "/" : "";
    const char *prefix = parent_label ? parent_label : "";
    if (e->id)
        return bcp_strprintf("%s%s%s.%s", prefix, sep, kind, e->id);
    if (anonymous_index)
        return bcp_strprintf("%s%s%s[%zu]", prefix, sep, kind, anonymous_index);
    return bcp_strprintf("%s%s%s", prefix, sep, kind);
}

static void collect_children(record_list *l, const bcp_entity *e, const char *label)
{
    for (size_t i = 0; i < e->child_count; i++) {
        const bcp_entity *child = e->children[i];
        size_t index = 0;
        if (!child->id) {
            /* Anonymous blocks are told apart by their position among the
             * anonymous blocks of the same kind. */
            for (size_t j = 0; j <= i; j++)
                if (!e->children[j]->id && e->children[j]->kind == child->kind)
                    index++;
        }
        char *child_label = entity_label(child, label, index);
        add_record(l, child, child_label);
        collect_children(l, child, child_label);
    }
}

static void collect(record_list *l, const bcp_model *m, bool roots_only)
{
    const bcp_source *root = bcp_model_source_count(m) ? bcp_model_source(m, 0) : NULL;
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *list = bcp_model_entities(m, (bcp_kind)k);
        size_t anonymous = 0;
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->from_stdlib || e->parent || (roots_only && e->span.source != root))
                continue;
            char *label = entity_label(e, NULL, e->id || k == BCP_KIND_CONFIG ? 0 : ++anonymous);
            add_record(l, e, label);
            collect_children(l, e, label);
        }
    }
}

/* The nth (0-based) record of `l` with `label`, or NULL. */
static const record *find_record_nth(const record_list *l, const char *label, size_t nth)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i].label, label) == 0 && nth-- == 0)
            return &l->items[i];
    return NULL;
}

/* How many records before item `at` of `l` have its label: a plan that
 * declares one id twice (E108) pairs its first `function.sales` with the
 * other plan's first, its second with the second, so that diff(x, x) is
 * empty however many duplicates x has. */
static size_t occurrence(const record_list *l, size_t at)
{
    size_t n = 0;
    for (size_t i = 0; i < at; i++)
        n += strcmp(l->items[i].label, l->items[at].label) == 0;
    return n;
}

/* The record of `other` that item `at` of `l` pairs with, or NULL. */
static const record *find_match(const record_list *l, size_t at, const record_list *other)
{
    return find_record_nth(other, l->items[at].label, occurrence(l, at));
}

/* ------------------------------------------------------------ weakenings */

static void weaken(bcp_plan_diff *d, const char *label, char *what, const bcp_value *old_value,
                   const bcp_value *new_value, const char *note)
{
    d->weak = bcp_grow(d->weak, &d->weak_cap, d->weak_count, sizeof *d->weak);
    d->weak[d->weak_count++] = (weakening){
        .label = label,
        .what = what,
        .old_value = old_value ? bcp_value_string(old_value) : NULL,
        .new_value = new_value ? bcp_value_string(new_value) : NULL,
        .note = note,
    };
}

static const bcp_value *value_of(const bcp_entity *e, const char *name)
{
    return e ? bcp_entity_value(e, name) : NULL;
}

static bool duration_of(const bcp_value *v, int64_t *seconds)
{
    if (!v || v->kind != BCP_V_DURATION || v->as.seconds < 0)
        return false;
    *seconds = v->as.seconds;
    return true;
}

static bool date_of(const bcp_value *v, int32_t *days)
{
    if (!v || v->kind != BCP_V_DATE || v->as.days == INT32_MIN)
        return false;
    *days = v->as.days;
    return true;
}

/* A duration that must not grow: an objective, an interval. */
static void check_longer(bcp_plan_diff *d, const record *r, const bcp_entity *o, const bcp_entity *n,
                         const char *name, const char *loosened, const char *removed)
{
    const bcp_value *ov = value_of(o, name), *nv = value_of(n, name);
    int64_t before, after;
    if (!duration_of(ov, &before))
        return;
    if (!nv)
        weaken(d, r->label, bcp_strprintf("%s", removed), ov, NULL, NULL);
    else if (duration_of(nv, &after) && after > before)
        weaken(d, r->label, bcp_strprintf("%s", loosened), ov, nv, NULL);
}

/* Something the plan relied on that is gone: a phone number, a deputy. */
static void check_kept(bcp_plan_diff *d, const record *r, const bcp_entity *o, const bcp_entity *n,
                       const char *name, const char *what)
{
    const bcp_value *ov = value_of(o, name), *nv = value_of(n, name);
    if (!ov || (ov->kind == BCP_V_IDENT && strcmp(ov->as.ident.name, "none") == 0))
        return;
    if (!nv)
        weaken(d, r->label, bcp_strprintf("%s", what), ov, NULL, NULL);
    else if (nv->kind == BCP_V_IDENT && strcmp(nv->as.ident.name, "none") == 0)
        weaken(d, r->label, bcp_strprintf("%s", what), ov, nv, NULL);
}

static bool list_has(const bcp_value *list, const bcp_value *item)
{
    if (!list)
        return false;
    if (list->kind != BCP_V_LIST)
        return bcp_value_equal(list, item);
    for (size_t i = 0; i < list->as.list.count; i++)
        if (bcp_value_equal(&list->as.list.items[i], item))
            return true;
    return false;
}

static void check_list_kept(bcp_plan_diff *d, const record *r, const bcp_entity *o,
                            const bcp_entity *n, const char *name, const char *what)
{
    const bcp_value *ov = value_of(o, name), *nv = value_of(n, name);
    if (!ov)
        return;
    size_t count = ov->kind == BCP_V_LIST ? ov->as.list.count : 1;
    for (size_t i = 0; i < count; i++) {
        const bcp_value *item = ov->kind == BCP_V_LIST ? &ov->as.list.items[i] : ov;
        if (!list_has(nv, item))
            weaken(d, r->label, bcp_strprintf("%s", what), item, NULL, NULL);
    }
}

static char *score_text(const bcp_model *m, int score)
{
    const bcp_entity *band = bcp_risk_level(m, score);
    return band ? bcp_strprintf("%d (%s)", score, band->id) : bcp_strprintf("%d", score);
}

static void check_risk(bcp_plan_diff *d, const record *r, const bcp_entity *o, const bcp_entity *n,
                       const bcp_model *om, const bcp_model *nm)
{
    int before = bcp_risk_score(o), after = bcp_risk_score(n);
    if (before <= 0 || after <= before)
        return;
    const bcp_value *os = value_of(o, "strategy"), *ns = value_of(n, "strategy");
    bool strategy_changed = ns && (!os || !bcp_value_equal(os, ns));
    if (strategy_changed)
        return;
    d->weak = bcp_grow(d->weak, &d->weak_cap, d->weak_count, sizeof *d->weak);
    d->weak[d->weak_count++] = (weakening){
        .label = r->label,
        .what = bcp_strprintf("risk level raised (likelihood x impact)"),
        .old_value = score_text(om, before),
        .new_value = score_text(nm, after),
        .note = "without a new or changed strategy",
    };
}

/* Ways to reach someone and fallbacks: removing one weakens the plan. */
static const struct {
    bcp_kind kind;
    const char *attr, *what;
} kept_attrs[] = {
    {BCP_KIND_CONTACT, "phone", "contact phone removed"},
    {BCP_KIND_CONTACT, "alt_phone", "contact alternate phone removed"},
    {BCP_KIND_CONTACT, "email", "contact e-mail removed"},
    {BCP_KIND_CONTACT, "alt_email", "contact alternate e-mail removed"},
    {BCP_KIND_CONTACT, "substitute", "substitute removed"},
    {BCP_KIND_SITE, "alternate", "alternate site removed"},
    {BCP_KIND_ASSET, "alternate", "alternate removed"},
    {BCP_KIND_FUNCTION, "deputy", "deputy removed"},
    {BCP_KIND_FUNCTION, "fallback", "fallback removed"},
    {BCP_KIND_SYSTEM, "fallback", "fallback removed"},
    {BCP_KIND_TEAM, "deputy", "deputy removed"},
};

static void check_pair(bcp_plan_diff *d, const record *r, const bcp_entity *o, const bcp_entity *n,
                       const bcp_model *om, const bcp_model *nm)
{
    check_longer(d, r, o, n, "rto", "RTO loosened", "RTO removed");
    check_longer(d, r, o, n, "rpo", "RPO loosened", "RPO removed");
    check_longer(d, r, o, n, "mtpd", "MTPD loosened", "MTPD removed");
    check_longer(d, r, o, n, "review_every", "review interval lengthened", "review interval removed");
    int32_t before, after;
    const bcp_value *ov = value_of(o, "reviewed"), *nv = value_of(n, "reviewed");
    if (date_of(ov, &before)) {
        if (!nv)
            weaken(d, r->label, bcp_strprintf("review date removed"), ov, NULL, NULL);
        else if (date_of(nv, &after) && after < before)
            weaken(d, r->label, bcp_strprintf("review date moved back"), ov, nv, NULL);
    }
    switch (o->kind) {
    case BCP_KIND_BACKUP:
        check_longer(d, r, o, n, "every", "backup less frequent", "backup interval removed");
        if (bcp_entity_bool(o, "offsite", false) && !bcp_entity_bool(n, "offsite", false))
            weaken(d, r->label, bcp_strprintf("backup no longer offsite"), value_of(o, "offsite"),
                   value_of(n, "offsite"), NULL);
        if (bcp_entity_bool(o, "immutable", false) && !bcp_entity_bool(n, "immutable", false))
            weaken(d, r->label, bcp_strprintf("backup no longer immutable"), value_of(o, "immutable"),
                   value_of(n, "immutable"), NULL);
        break;
    case BCP_KIND_SUPPLIER:
        check_list_kept(d, r, o, n, "alternates", "alternate supplier removed");
        break;
    case BCP_KIND_RISK:
        check_risk(d, r, o, n, om, nm);
        break;
    case BCP_KIND_EXERCISE:
        check_longer(d, r, o, n, "every", "exercise less frequent", "exercise no longer recurring");
        break;
    default:
        break;
    }
    for (size_t i = 0; i < sizeof kept_attrs / sizeof *kept_attrs; i++)
        if (kept_attrs[i].kind == o->kind)
            check_kept(d, r, o, n, kept_attrs[i].attr, kept_attrs[i].what);
}

static void check_removed(bcp_plan_diff *d, const record *r)
{
    switch (r->entity->kind) {
    case BCP_KIND_CONTACT: weaken(d, r->label, bcp_strprintf("contact removed"), NULL, NULL, NULL); break;
    case BCP_KIND_EXERCISE: weaken(d, r->label, bcp_strprintf("exercise removed"), NULL, NULL, NULL); break;
    case BCP_KIND_BACKUP: weaken(d, r->label, bcp_strprintf("backup removed"), NULL, NULL, NULL); break;
    default: break;
    }
}

/* --------------------------------------------------------------- compute */

static entity_change *add_change(bcp_plan_diff *d, change_kind kind, const char *label)
{
    d->changes = bcp_grow(d->changes, &d->change_cap, d->change_count, sizeof *d->changes);
    entity_change *c = &d->changes[d->change_count++];
    *c = (entity_change){.kind = kind, .label = label};
    return c;
}

static void add_attr_change(entity_change *c, size_t *cap, const char *name, const bcp_value *o,
                            const bcp_value *n)
{
    c->attrs = bcp_grow(c->attrs, cap, c->attr_count, sizeof *c->attrs);
    c->attrs[c->attr_count++] = (attr_change){
        .name = name,
        .old_value = o ? bcp_value_string(o) : NULL,
        .new_value = n ? bcp_value_string(n) : NULL,
    };
}

/* Has an earlier attribute of `e` the same name?  Only the first counts. */
static bool repeated(const bcp_entity *e, size_t index)
{
    for (size_t i = 0; i < index; i++)
        if (strcmp(e->attrs[i].name, e->attrs[index].name) == 0)
            return true;
    return false;
}

static void compare_entities(bcp_plan_diff *d, const record *r, const bcp_entity *o,
                             const bcp_entity *n)
{
    entity_change *c = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < o->attr_count; i++) {
        if (repeated(o, i))
            continue;
        const bcp_attr *oa = &o->attrs[i];
        const bcp_value *nv = bcp_entity_value(n, oa->name);
        if (nv && bcp_value_equal(&oa->value, nv))
            continue;
        if (!c)
            c = add_change(d, CHANGE_CHANGED, r->label);
        add_attr_change(c, &cap, oa->name, &oa->value, nv);
    }
    for (size_t i = 0; i < n->attr_count; i++) {
        if (repeated(n, i) || bcp_entity_attr(o, n->attrs[i].name))
            continue;
        if (!c)
            c = add_change(d, CHANGE_CHANGED, r->label);
        add_attr_change(c, &cap, n->attrs[i].name, NULL, &n->attrs[i].value);
    }
    if (c)
        d->changed++;
}

bcp_plan_diff *bcp_plan_diff_compute(const bcp_model *old_model, const bcp_model *new_model,
                                     bool roots_only)
{
    bcp_plan_diff *d = bcp_calloc(1, sizeof *d);
    collect(&d->old_records, old_model, roots_only);
    collect(&d->new_records, new_model, roots_only);
    /* Removed and changed in the old plan's order, added in the new one's. */
    for (size_t i = 0; i < d->old_records.count; i++) {
        const record *r = &d->old_records.items[i];
        const record *match = find_match(&d->old_records, i, &d->new_records);
        if (!match) {
            add_change(d, CHANGE_REMOVED, r->label);
            d->removed++;
            check_removed(d, r);
            continue;
        }
        compare_entities(d, r, r->entity, match->entity);
        check_pair(d, r, r->entity, match->entity, old_model, new_model);
    }
    for (size_t i = 0; i < d->new_records.count; i++) {
        const record *r = &d->new_records.items[i];
        if (find_match(&d->new_records, i, &d->old_records))
            continue;
        entity_change *c = add_change(d, CHANGE_ADDED, r->label);
        size_t cap = 0;
        for (size_t a = 0; a < r->entity->attr_count; a++)
            add_attr_change(c, &cap, r->entity->attrs[a].name, NULL, &r->entity->attrs[a].value);
        d->added++;
    }
    return d;
}

void bcp_plan_diff_free(bcp_plan_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->change_count; i++) {
        for (size_t a = 0; a < d->changes[i].attr_count; a++) {
            bcp_free(d->changes[i].attrs[a].old_value);
            bcp_free(d->changes[i].attrs[a].new_value);
        }
        bcp_free(d->changes[i].attrs);
    }
    bcp_free(d->changes);
    for (size_t i = 0; i < d->weak_count; i++) {
        bcp_free(d->weak[i].what);
        bcp_free(d->weak[i].old_value);
        bcp_free(d->weak[i].new_value);
    }
    bcp_free(d->weak);
    for (size_t i = 0; i < d->old_records.count; i++)
        bcp_free(d->old_records.items[i].label);
    for (size_t i = 0; i < d->new_records.count; i++)
        bcp_free(d->new_records.items[i].label);
    bcp_free(d->old_records.items);
    bcp_free(d->new_records.items);
    bcp_free(d);
}

bool bcp_plan_diff_is_empty(const bcp_plan_diff *d) { return d->change_count == 0; }
size_t bcp_plan_diff_added(const bcp_plan_diff *d) { return d->added; }
size_t bcp_plan_diff_removed(const bcp_plan_diff *d) { return d->removed; }
size_t bcp_plan_diff_changed(const bcp_plan_diff *d) { return d->changed; }
size_t bcp_plan_diff_weakenings(const bcp_plan_diff *d) { return d->weak_count; }

/* ---------------------------------------------------------------- output */

/* A weakening as the text report's line says it, without its mark. */
static void weakening_line(bcp_buf *out, const weakening *w)
{
    bcp_buf_printf(out, "%s: %s", w->label, w->what);
    if (w->old_value && w->new_value)
        bcp_buf_printf(out, ": %s \u2192 %s", w->old_value, w->new_value);
    else if (w->old_value)
        bcp_buf_printf(out, " (was %s)", w->old_value);
    if (w->note)
        bcp_buf_printf(out, " %s", w->note);
}

static void text_weakening(bcp_buf *out, const weakening *w)
{
    bcp_buf_puts(out, "  ! ");
    weakening_line(out, w);
    bcp_buf_puts(out, "\n");
}

static void print_section_text(bcp_buf *out, const bcp_plan_diff *d, change_kind kind,
                               const char *title, size_t count, char mark)
{
    if (!count)
        return;
    bcp_buf_printf(out, "%s (%zu):\n", title, count);
    for (size_t i = 0; i < d->change_count; i++) {
        const entity_change *c = &d->changes[i];
        if (c->kind != kind)
            continue;
        bcp_buf_printf(out, "  %c %s\n", mark, c->label);
        for (size_t a = 0; a < c->attr_count; a++) {
            const attr_change *ac = &c->attrs[a];
            if (ac->old_value && ac->new_value)
                bcp_buf_printf(out, "      %s: %s \u2192 %s\n", ac->name, ac->old_value, ac->new_value);
            else if (ac->new_value)
                bcp_buf_printf(out, "      + %s = %s\n", ac->name, ac->new_value);
            else
                bcp_buf_printf(out, "      - %s = %s\n", ac->name, ac->old_value);
        }
    }
    bcp_buf_puts(out, "\n");
}

static void print_text(bcp_buf *out, const bcp_plan_diff *d, const char *old_name, const char *new_name)
{
    if (bcp_plan_diff_is_empty(d))
        return;
    bcp_buf_printf(out, "bcp diff %s \u2192 %s\n\n", old_name, new_name);
    print_section_text(out, d, CHANGE_ADDED, "Added", d->added, '+');
    print_section_text(out, d, CHANGE_REMOVED, "Removed", d->removed, '-');
    print_section_text(out, d, CHANGE_CHANGED, "Changed", d->changed, '~');
    if (d->weak_count) {
        bcp_buf_printf(out, "Weakens the plan (%zu):\n", d->weak_count);
        for (size_t i = 0; i < d->weak_count; i++)
            text_weakening(out, &d->weak[i]);
        bcp_buf_puts(out, "\n");
    }
    bcp_buf_printf(out, "%zu added, %zu removed, %zu changed; %zu change%s weaken%s the plan\n", d->added,
            d->removed, d->changed, d->weak_count, d->weak_count == 1 ? "" : "s",
            d->weak_count == 1 ? "s" : "");
}

/* A Markdown code span that survives backticks in the text. */
static void md_code(bcp_buf *out, const char *text)
{
    size_t longest = 0, run = 0;
    for (const char *p = text; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    bool pad = text[0] == '`' || (text[0] && text[strlen(text) - 1] == '`');
    for (size_t i = 0; i <= longest; i++)
        bcp_buf_puts(out, "`");
    if (pad)
        bcp_buf_puts(out, " ");
    bcp_buf_puts(out, text);
    if (pad)
        bcp_buf_puts(out, " ");
    for (size_t i = 0; i <= longest; i++)
        bcp_buf_puts(out, "`");
}

static void md_assignment(bcp_buf *out, const char *name, const char *value)
{
    char *text = bcp_strprintf("%s = %s", name, value);
    md_code(out, text);
    bcp_free(text);
}

static void print_section_md(bcp_buf *out, const bcp_plan_diff *d, change_kind kind, const char *title,
                             size_t count)
{
    if (!count)
        return;
    bcp_buf_printf(out, "### %s\n\n", title);
    for (size_t i = 0; i < d->change_count; i++) {
        const entity_change *c = &d->changes[i];
        if (c->kind != kind)
            continue;
        bcp_buf_puts(out, "- ");
        md_code(out, c->label);
        bcp_buf_puts(out, "\n");
        for (size_t a = 0; a < c->attr_count; a++) {
            const attr_change *ac = &c->attrs[a];
            bcp_buf_puts(out, "  - ");
            if (ac->old_value && ac->new_value) {
                md_code(out, ac->name);
                bcp_buf_puts(out, ": ");
                md_code(out, ac->old_value);
                bcp_buf_puts(out, " \u2192 ");
                md_code(out, ac->new_value);
            } else if (ac->new_value) {
                if (kind != CHANGE_ADDED)
                    bcp_buf_puts(out, "added ");
                md_assignment(out, ac->name, ac->new_value);
            } else {
                bcp_buf_puts(out, "removed ");
                md_assignment(out, ac->name, ac->old_value);
            }
            bcp_buf_puts(out, "\n");
        }
    }
    bcp_buf_puts(out, "\n");
}

static void print_markdown(bcp_buf *out, const bcp_plan_diff *d, const char *old_name,
                           const char *new_name)
{
    bcp_buf_puts(out, "## bcp diff: ");
    md_code(out, old_name);
    bcp_buf_puts(out, " \u2192 ");
    md_code(out, new_name);
    bcp_buf_puts(out, "\n\n");
    if (bcp_plan_diff_is_empty(d)) {
        bcp_buf_puts(out, "No semantic differences: the two versions mean the same plan.\n");
        return;
    }
    bcp_buf_puts(out, "| Change | Count |\n|---|---:|\n");
    bcp_buf_printf(out, "| Added | %zu |\n| Removed | %zu |\n| Changed | %zu |\n", d->added, d->removed,
            d->changed);
    bcp_buf_printf(out, "| **Weakens the plan** | **%zu** |\n\n", d->weak_count);
    if (d->weak_count) {
        bcp_buf_puts(out, "### \u26a0\ufe0f Weakens the plan\n\n");
        for (size_t i = 0; i < d->weak_count; i++) {
            const weakening *w = &d->weak[i];
            bcp_buf_puts(out, "- ");
            md_code(out, w->label);
            bcp_buf_printf(out, ": %s", w->what);
            if (w->old_value && w->new_value) {
                bcp_buf_puts(out, ": ");
                md_code(out, w->old_value);
                bcp_buf_puts(out, " \u2192 ");
                md_code(out, w->new_value);
            } else if (w->old_value) {
                bcp_buf_puts(out, " (was ");
                md_code(out, w->old_value);
                bcp_buf_puts(out, ")");
            }
            if (w->note)
                bcp_buf_printf(out, " %s", w->note);
            bcp_buf_puts(out, "\n");
        }
        bcp_buf_puts(out, "\n");
    }
    print_section_md(out, d, CHANGE_ADDED, "Added", d->added);
    print_section_md(out, d, CHANGE_REMOVED, "Removed", d->removed);
    print_section_md(out, d, CHANGE_CHANGED, "Changed", d->changed);
}

void bcp_plan_diff_render(bcp_buf *out, const bcp_plan_diff *d, bcp_diff_format format,
                         const char *old_name, const char *new_name)
{
    if (format == BCP_DIFF_MARKDOWN)
        print_markdown(out, d, old_name, new_name);
    else
        print_text(out, d, old_name, new_name);
}

/* ------------------------------------------------------------------ JSON */

/* A JSON string (null for NULL); text that is not UTF-8 keeps its place as U+FFFD. */
static json_t *jtext(const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    return v ? v : json_string("\xef\xbf\xbd");
}

static json_t *json_section(const bcp_plan_diff *d, change_kind kind)
{
    json_t *list = json_array();
    for (size_t i = 0; i < d->change_count; i++) {
        const entity_change *c = &d->changes[i];
        if (c->kind != kind)
            continue;
        json_t *attrs = json_array();
        for (size_t a = 0; a < c->attr_count; a++)
            json_array_append_new(attrs, json_pack("{s:o,s:o,s:o}", "name", jtext(c->attrs[a].name), "old",
                                                   jtext(c->attrs[a].old_value), "new",
                                                   jtext(c->attrs[a].new_value)));
        json_array_append_new(list, json_pack("{s:o,s:o}", "entity", jtext(c->label), "attributes", attrs));
    }
    return list;
}

json_t *bcp_plan_diff_json(const bcp_plan_diff *d, const char *old_name, const char *new_name)
{
    json_t *weak = json_array();
    for (size_t i = 0; i < d->weak_count; i++) {
        const weakening *w = &d->weak[i];
        bcp_buf line = {0};
        weakening_line(&line, w);
        json_array_append_new(weak, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "entity", jtext(w->label), "what",
                                              jtext(w->what), "old", jtext(w->old_value), "new",
                                              jtext(w->new_value), "note", jtext(w->note), "text",
                                              jtext(line.data ? line.data : "")));
        bcp_buf_free(&line);
    }
    return json_pack("{s:s,s:i,s:o,s:o,s:b,s:{s:I,s:I,s:I,s:I},s:o,s:o,s:o,s:o}", "format", "bcp-diff", "version", 1,
                     "old", jtext(old_name), "new", jtext(new_name), "differ", !bcp_plan_diff_is_empty(d), "counts",
                     "added", (json_int_t)d->added, "removed", (json_int_t)d->removed, "changed",
                     (json_int_t)d->changed, "weakening", (json_int_t)d->weak_count, "added",
                     json_section(d, CHANGE_ADDED), "removed", json_section(d, CHANGE_REMOVED), "changed",
                     json_section(d, CHANGE_CHANGED), "weakening", weak);
}
