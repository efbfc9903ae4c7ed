/* The accepted deviations a diagnostics set carries: copies of the lint
 * stage's list, detached from the model, sorted by the finding's place. */
#include "deviations.h"

#include <string.h>

#include "base/alloc.h"

struct bcp_deviation_set {
    bcp_deviation *items;
    size_t count, capacity;
};

static char *dup_or_null(const char *s)
{
    return s ? bcp_strdup(s) : NULL;
}

static char *date_or_null(bool has, int32_t days)
{
    if (!has)
        return NULL;
    char date[11];
    bcp_format_date(days, date);
    return bcp_strdup(date);
}

static bcp_location copy_location(const bcp_span *span)
{
    bcp_location loc = bcp_span_location(span);
    loc.path = dup_or_null(loc.path);
    return loc;
}

static int compare_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* Finding file, finding position, code, then where the deviation is written. */
static int compare(const bcp_deviation *a, const bcp_deviation *b)
{
    int c = compare_str(a->finding_location.path, b->finding_location.path);
    if (c)
        return c;
    if (a->finding_location.start_byte != b->finding_location.start_byte)
        return a->finding_location.start_byte < b->finding_location.start_byte ? -1 : 1;
    if ((c = compare_str(a->code, b->code)) != 0)
        return c;
    if ((c = compare_str(a->location.path, b->location.path)) != 0)
        return c;
    if (a->location.start_byte != b->location.start_byte)
        return a->location.start_byte < b->location.start_byte ? -1 : 1;
    return 0;
}

static void free_one(bcp_deviation *d)
{
    bcp_free((char *)d->code);
    bcp_free((char *)d->name);
    bcp_free((char *)d->entity);
    bcp_free((char *)d->id);
    bcp_free((char *)d->location.path);
    bcp_free((char *)d->finding_location.path);
    bcp_free((char *)d->message);
    bcp_free((char *)d->reason);
    bcp_free((char *)d->owner);
    bcp_free((char *)d->until);
    bcp_free((char *)d->approved);
}

/* Inserts `d` (taking it) at its sorted place, or frees it when an equal one is there. */
static void insert(bcp_deviation_set **slot, bcp_deviation *d)
{
    if (!*slot)
        *slot = bcp_calloc(1, sizeof **slot);
    bcp_deviation_set *set = *slot;
    size_t at = set->count;
    while (at > 0) {
        int c = compare(&set->items[at - 1], d);
        if (c == 0) {
            free_one(d);
            return;
        }
        if (c < 0)
            break;
        at--;
    }
    set->items = bcp_grow(set->items, &set->capacity, set->count, sizeof *set->items);
    memmove(set->items + at + 1, set->items + at, (set->count - at) * sizeof *set->items);
    set->items[at] = *d;
    set->count++;
}

void bcp_diagnostics_add_deviations(bcp_diagnostics *set, const bcp_lint_deviation_list *list,
                                    bool (*report)(const void *user, const bcp_source *source), const void *user)
{
    for (size_t i = 0; list && i < list->count; i++) {
        const bcp_lint_deviation *v = &list->items[i];
        if (report && !report(user, v->finding.source))
            continue;
        bcp_deviation d;
        memset(&d, 0, sizeof d);
        d.code = bcp_strdup(v->code);
        d.name = bcp_strdup(v->name);
        d.entity = v->entity ? bcp_strprintf("%s.%s", bcp_kind_name(v->entity->kind), v->entity->id) : NULL;
        d.id = v->block ? dup_or_null(v->block->id) : NULL;
        d.location = copy_location(&v->where);
        d.finding_location = copy_location(&v->finding);
        d.message = bcp_strdup(v->message);
        d.reason = dup_or_null(v->reason);
        d.owner = dup_or_null(v->owner);
        d.until = date_or_null(v->has_until, v->until);
        d.approved = date_or_null(v->has_approved, v->approved);
        insert(bcp_diagnostics_deviation_slot(set), &d);
    }
}

void bcp_deviation_set_merge(bcp_deviation_set **to, bcp_deviation_set **from)
{
    bcp_deviation_set *f = *from;
    *from = NULL;
    if (!f)
        return;
    for (size_t i = 0; i < f->count; i++)
        insert(to, &f->items[i]);
    bcp_free(f->items);
    bcp_free(f);
}

void bcp_deviation_set_free(bcp_deviation_set *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++)
        free_one(&set->items[i]);
    bcp_free(set->items);
    bcp_free(set);
}

size_t bcp_diagnostics_deviation_count(const bcp_diagnostics *set)
{
    const bcp_deviation_set *d = bcp_diagnostics_deviations(set);
    return d ? d->count : 0;
}

const bcp_deviation *bcp_diagnostics_deviation(const bcp_diagnostics *set, size_t i)
{
    const bcp_deviation_set *d = bcp_diagnostics_deviations(set);
    return d && i < d->count ? &d->items[i] : NULL;
}
