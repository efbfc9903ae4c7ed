/* The derived facts of a plan (see derive.h): the one calendar, due dates and
 * overdue state, risk levels, criticality, RPO verdicts and sort orders. */
#include "derive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* ------------------------------------------------------------- calendar */

bcp_interval bcp_interval_months(int32_t months)
{
    int64_t seconds = months % 12 == 0 ? (int64_t)months / 12 * BCP_SECONDS_PER_YEAR
                                       : (int64_t)months * BCP_SECONDS_PER_MONTH;
    bcp_interval iv = {seconds, months};
    return iv;
}

bcp_interval bcp_interval_seconds(int64_t seconds)
{
    bcp_interval iv = {seconds, 0};
    return iv;
}

bcp_interval bcp_interval_of_value(const bcp_value *v)
{
    bcp_interval iv = {0, 0};
    if (v && v->kind == BCP_V_DURATION) {
        iv.seconds = v->as.seconds;
        iv.months = v->months > 0 ? v->months : 0;
    }
    return iv;
}

bool bcp_entity_interval(const bcp_entity *e, const char *name, bcp_interval *out)
{
    const bcp_value *v = e ? bcp_entity_value(e, name) : NULL;
    if (!v || v->kind != BCP_V_DURATION || v->as.seconds <= 0)
        return false;
    *out = bcp_interval_of_value(v);
    return true;
}

int bcp_interval_cmp(bcp_interval a, bcp_interval b)
{
    return a.seconds < b.seconds ? -1 : a.seconds > b.seconds;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned month_length(int y, unsigned m)
{
    static const unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

/* Saturating: the calendar ends at 9999-12-31 (BCP_LAST_DAY), the last day a
 * date can be written; a due date beyond it is that day.  Intervals are at
 * most 100 years (model/values.c), so nothing here can overflow. */
int32_t bcp_date_add(int32_t day, bcp_interval every)
{
    if (day < BCP_FIRST_DAY)
        day = BCP_FIRST_DAY;
    if (day >= BCP_LAST_DAY)
        return BCP_LAST_DAY;
    if (every.months > 0) {
        int y;
        unsigned m, d;
        bcp_civil_from_days(day, &y, &m, &d);
        int64_t total = (int64_t)y * 12 + (m - 1) + every.months;
        if (total / 12 > 9999)
            return BCP_LAST_DAY;
        int ny = (int)(total / 12);
        unsigned nm = (unsigned)(total % 12) + 1;
        unsigned last = month_length(ny, nm);
        return bcp_days_from_civil(ny, nm, d > last ? last : d);
    }
    if (every.seconds <= 0)
        return day;
    int64_t days = every.seconds / BCP_SECONDS_PER_DAY + (every.seconds % BCP_SECONDS_PER_DAY != 0);
    if (days >= (int64_t)BCP_LAST_DAY - day)
        return BCP_LAST_DAY;
    return day + (int32_t)days;
}

int32_t bcp_days_overdue(int32_t due, int32_t today)
{
    return today > due ? today - due : 0;
}

/* ------------------------------------------------------------- due dates */

bcp_interval bcp_plan_review_interval(const bcp_entity *plan)
{
    bcp_interval every;
    return bcp_entity_interval(plan, "review_every", &every) ? every : bcp_interval_months(12);
}

bcp_interval bcp_risk_review_cadence(const bcp_model *m)
{
    bcp_interval cadence = bcp_plan_review_interval(bcp_model_plan(m));
    const bcp_entity_list *risks = bcp_model_entities(m, BCP_KIND_RISK);
    for (size_t i = 0; i < risks->count; i++) {
        bcp_interval own;
        if (bcp_entity_interval(risks->items[i], "review_every", &own) && bcp_interval_cmp(own, cadence) < 0)
            cadence = own;
    }
    return cadence;
}

bool bcp_review_due(const bcp_entity *e, bcp_interval every, int32_t *due)
{
    int32_t reviewed;
    if (!e || !bcp_entity_date(e, "reviewed", &reviewed))
        return false;
    *due = bcp_date_add(reviewed, every);
    return true;
}

bool bcp_plan_next_review(const bcp_entity *plan, int32_t *due)
{
    return plan && bcp_review_due(plan, bcp_plan_review_interval(plan), due);
}

bool bcp_exercise_due(const bcp_entity *exercise, bcp_interval default_every, int32_t *due,
                      const bcp_attr **from)
{
    if (bcp_entity_date(exercise, "next", due)) {
        if (from)
            *from = bcp_entity_attr(exercise, "next");
        return true;
    }
    int32_t last;
    if (!bcp_entity_date(exercise, "last", &last))
        return false;
    bcp_interval every;
    if (!bcp_entity_interval(exercise, "every", &every)) {
        if (default_every.seconds <= 0 && default_every.months <= 0)
            return false;
        every = default_every;
    }
    *due = bcp_date_add(last, every);
    if (from)
        *from = bcp_entity_attr(exercise, "last");
    return true;
}

bool bcp_exercise_next_due(const bcp_entity *exercise, int32_t *due)
{
    return bcp_exercise_due(exercise, bcp_interval_seconds(0), due, NULL);
}

bool bcp_training_next_due(const bcp_entity *training, int32_t *due)
{
    const bcp_value *when = bcp_entity_value(training, "when");
    if (!when || when->kind != BCP_V_IDENT || strcmp(when->as.ident.name, "periodic") != 0)
        return false;
    return bcp_every_since_last(training, due);
}

bool bcp_every_since_last(const bcp_entity *e, int32_t *due)
{
    int32_t last;
    bcp_interval every;
    if (!bcp_entity_date(e, "last", &last) || !bcp_entity_interval(e, "every", &every))
        return false;
    *due = bcp_date_add(last, every);
    return true;
}

/* ------------------------------------------------------------------ risk */

int bcp_risk_score(const bcp_entity *risk)
{
    int l = bcp_entity_score(risk, "likelihood"), i = bcp_entity_score(risk, "impact");
    return l > 0 && i > 0 ? l * i : 0;
}

const bcp_entity *bcp_risk_level(const bcp_model *m, int score)
{
    if (score <= 0)
        return NULL;
    const bcp_entity_list *levels = bcp_model_entities(m, BCP_KIND_RISK_LEVEL);
    const bcp_entity *best = NULL;
    int64_t best_min = 0;
    for (size_t i = 0; i < levels->count; i++) {
        int64_t min;
        if (!bcp_entity_integer(levels->items[i], "min_score", &min) || min > score)
            continue;
        if (!best || min > best_min) {
            best = levels->items[i];
            best_min = min;
        }
    }
    return best;
}

const bcp_entity *bcp_scale_level(const bcp_model *m, bcp_kind kind, int score)
{
    const bcp_entity_list *l = bcp_model_entities(m, kind);
    for (size_t i = 0; i < l->count; i++) {
        int64_t s;
        if (bcp_entity_integer(l->items[i], "score", &s) && s == score)
            return l->items[i];
    }
    return NULL;
}

void bcp_risk_level_range(const bcp_model *m, const bcp_entity *level, int64_t *lo, int64_t *hi)
{
    const bcp_entity_list *levels = bcp_model_entities(m, BCP_KIND_RISK_LEVEL);
    *lo = 0;
    bcp_entity_integer(level, "min_score", lo);
    *hi = 25;
    for (size_t j = 0; j < levels->count; j++) {
        int64_t other;
        if (bcp_entity_integer(levels->items[j], "min_score", &other) && other > *lo && other - 1 < *hi)
            *hi = other - 1;
    }
}

bool bcp_is_critical(const bcp_entity *e)
{
    return bcp_entity_bool(e, "critical", true);
}

bool bcp_milestone_overdue(const bcp_entity *milestone, int32_t today, int32_t *due)
{
    const bcp_value *status = bcp_entity_value(milestone, "status");
    if (status && status->kind == BCP_V_IDENT && strcmp(status->as.ident.name, "done") == 0)
        return false;
    return bcp_entity_date(milestone, "due", due) && bcp_is_overdue(*due, today);
}

bool bcp_milestone_open(const bcp_entity *milestone)
{
    const bcp_value *status = bcp_entity_value(milestone, "status");
    return !(status && status->kind == BCP_V_IDENT && strcmp(status->as.ident.name, "done") == 0);
}

bool bcp_finding_open(const bcp_entity *finding)
{
    const bcp_value *status = bcp_entity_value(finding, "status");
    const char *state = status && status->kind == BCP_V_IDENT ? status->as.ident.name : "open";
    return strcmp(state, "open") == 0 || strcmp(state, "in_progress") == 0;
}

bool bcp_finding_overdue(const bcp_entity *finding, bcp_interval grace, int32_t today, int32_t *due)
{
    return bcp_finding_open(finding) && bcp_entity_date(finding, "due", due) &&
           bcp_is_overdue(bcp_date_add(*due, grace), today);
}

bool bcp_exercise_overdue(const bcp_entity *exercise, int32_t today, int32_t *due)
{
    return bcp_exercise_next_due(exercise, due) && bcp_is_overdue(*due, today);
}

bool bcp_plan_review_overdue(const bcp_entity *plan, int32_t today, int32_t *due)
{
    return bcp_plan_next_review(plan, due) && bcp_is_overdue(*due, today);
}

/* ------------------------------------------------------- RPO and backups */

bool bcp_system_holds_data(const bcp_entity *system)
{
    return bcp_entity_bool(system, "holds_data", true);
}

bcp_rpo_verdict bcp_system_rpo_check(const bcp_model *m, const bcp_entity *system, bcp_rpo_check *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < system->child_count; i++) {
        int64_t every;
        const bcp_entity *b = system->children[i];
        if (b->kind == BCP_KIND_BACKUP && bcp_entity_duration(b, "every", &every) &&
            (!out->backup || every < out->backup_every)) {
            out->backup = b;
            out->backup_every = every;
        }
    }
    int64_t rpo;
    if (bcp_entity_duration(system, "rpo", &rpo)) {
        out->rpo = rpo;
        out->rpo_owner = system;
    }
    /* A function refers to a system only through `needs`: its referrers are
     * the functions that need it, without a scan of every function. */
    const bcp_entity_list *users = bcp_model_referrers(m, system);
    for (size_t i = 0; i < users->count; i++) {
        const bcp_entity *f = users->items[i];
        if (f->kind == BCP_KIND_FUNCTION && bcp_entity_duration(f, "rpo", &rpo) &&
            (!out->rpo_owner || rpo < out->rpo)) {
            out->rpo = rpo;
            out->rpo_owner = f;
        }
    }
    /* No data of its own, no data to lose: no RPO applies to it. */
    if (!out->rpo_owner || !bcp_system_holds_data(system))
        out->verdict = BCP_RPO_UNKNOWN;
    else
        out->verdict = out->backup && out->backup_every <= out->rpo ? BCP_RPO_MET : BCP_RPO_NOT_MET;
    return out->verdict;
}

bcp_rpo_verdict bcp_backup_rpo_verdict(const bcp_entity *backup, const bcp_rpo_check *system)
{
    int64_t every;
    if (system->verdict == BCP_RPO_UNKNOWN || !bcp_entity_duration(backup, "every", &every))
        return BCP_RPO_UNKNOWN;
    return every <= system->rpo ? BCP_RPO_MET : BCP_RPO_NOT_MET;
}

/* --------------------------------------------------------------- regions */

const bcp_entity *bcp_site_region(const bcp_entity *site)
{
    const bcp_entity *r = site ? bcp_entity_ref(site, "region") : NULL;
    return r && r->kind == BCP_KIND_REGION ? r : NULL;
}

static const bcp_entity *region_parent(const bcp_entity *region)
{
    const bcp_entity *p = bcp_entity_ref(region, "parent");
    return p && p->kind == BCP_KIND_REGION && p != region ? p : NULL;
}

const bcp_entity *bcp_region_owner(const bcp_entity *region, const char *name)
{
    for (int depth = 0; region && depth < BCP_REGION_DEPTH; depth++, region = region_parent(region))
        if (bcp_entity_attr(region, name))
            return region;
    return NULL;
}

const char *bcp_region_text(const bcp_entity *region, const char *name)
{
    const bcp_entity *owner = bcp_region_owner(region, name);
    return owner ? bcp_entity_text(owner, name) : NULL;
}

const bcp_entity *bcp_region_country(const bcp_entity *region)
{
    for (int depth = 0; region && depth < BCP_REGION_DEPTH; depth++, region = region_parent(region)) {
        const bcp_value *k = bcp_entity_value(region, "kind");
        if (k && k->kind == BCP_V_IDENT && strcmp(k->as.ident.name, "city") != 0)
            return region;
    }
    return NULL;
}

static bool list_names(const bcp_value *v, const bcp_entity *threat)
{
    if (!v || v->kind != BCP_V_LIST)
        return false;
    for (size_t i = 0; i < v->as.list.count; i++) {
        const bcp_value *it = &v->as.list.items[i];
        const bcp_entity *t = it->kind == BCP_V_IDENT ? it->as.ident.target
                            : it->kind == BCP_V_REF   ? it->as.ref.target
                                                      : NULL;
        if (t == threat)
            return true;
    }
    return false;
}

/* Natural hazards (`hazards_*`, cited by `hazards_source`) and civil hazards
 * (`civil_hazards_*`, cited by `civil_hazards_source`), high to low. */
static const char *const hazard_lists[2][3] = {
    {"hazards_high", "hazards_medium", "hazards_low"},
    {"civil_hazards_high", "civil_hazards_medium", "civil_hazards_low"},
};
static const char *const hazard_sources[2] = {"hazards_source", "civil_hazards_source"};

int bcp_region_hazard_level(const bcp_entity *region, const bcp_entity *threat, const bcp_entity **from)
{
    int best = 0;
    if (from)
        *from = NULL;
    for (int depth = 0; region && threat && depth < BCP_REGION_DEPTH; depth++, region = region_parent(region))
        for (int g = 0; g < 2; g++)
            for (int l = 0; l < 3; l++)
                if (3 - l > best && list_names(bcp_entity_value(region, hazard_lists[g][l]), threat)) {
                    best = 3 - l;
                    if (from)
                        *from = region;
                }
    return best;
}

const char *bcp_region_hazard_source(const bcp_entity *rated_by, const bcp_entity *threat)
{
    for (int g = 0; rated_by && g < 2; g++)
        for (int l = 0; l < 3; l++)
            if (list_names(bcp_entity_value(rated_by, hazard_lists[g][l]), threat))
                return bcp_entity_text(rated_by, hazard_sources[g]);
    return NULL;
}

static bool same_name(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

const bcp_entity *bcp_region_find(const bcp_model *m, const char *name, size_t len)
{
    const bcp_entity_list *regions = bcp_model_entities(m, BCP_KIND_REGION);
    for (size_t i = 0; i < regions->count; i++) {
        const bcp_entity *r = regions->items[i];
        const char *title = bcp_entity_text(r, "title");
        if ((r->id && same_name(name, len, r->id)) || (title && same_name(name, len, title)))
            return r;
        const bcp_value *names = bcp_entity_value(r, "names");
        for (size_t k = 0; names && names->kind == BCP_V_LIST && k < names->as.list.count; k++) {
            const bcp_value *v = &names->as.list.items[k];
            if (v->kind == BCP_V_STRING && same_name(name, len, v->as.string.text))
                return r;
        }
    }
    return NULL;
}

const bcp_entity *bcp_region_suggest(const bcp_model *m, const char *name)
{
    const bcp_entity_list *regions = bcp_model_entities(m, BCP_KIND_REGION);
    size_t cap = 0, n = 0;
    const char **all = NULL;
    const bcp_entity **owner = NULL;
    for (size_t i = 0; i < regions->count; i++) {
        const bcp_entity *r = regions->items[i];
        const bcp_value *names = bcp_entity_value(r, "names");
        size_t extra = 1 + (names && names->kind == BCP_V_LIST ? names->as.list.count : 0);
        if (n + extra > cap) {
            cap = (n + extra) * 2;
            const char **grown = bcp_realloc(all, cap * sizeof *all);
            if (grown)
                all = grown;
            const bcp_entity **grown_owner = grown ? bcp_realloc(owner, cap * sizeof *owner) : NULL;
            if (!grown_owner)
                break;
            owner = grown_owner;
        }
        if (r->id) {
            owner[n] = r;
            all[n++] = r->id;
        }
        for (size_t k = 0; names && names->kind == BCP_V_LIST && k < names->as.list.count; k++)
            if (names->as.list.items[k].kind == BCP_V_STRING) {
                owner[n] = r;
                all[n++] = names->as.list.items[k].as.string.text;
            }
    }
    /* compare without case: suggest among lower-cased copies */
    char lower[128];
    size_t len = strlen(name);
    if (len >= sizeof lower) {
        bcp_free(all);
        bcp_free(owner);
        return NULL;
    }
    for (size_t i = 0; i <= len; i++)
        lower[i] = name[i] >= 'A' && name[i] <= 'Z' ? (char)(name[i] - 'A' + 'a') : name[i];
    const bcp_entity *best = NULL;
    if (all && owner) {
        char (*low)[128] = bcp_malloc(n * sizeof *low);
        const char **ptrs = bcp_malloc(n * sizeof *ptrs);
        if (low && ptrs) {
            for (size_t i = 0; i < n; i++) {
                snprintf(low[i], sizeof low[i], "%s", all[i]);
                for (char *c = low[i]; *c; c++)
                    if (*c >= 'A' && *c <= 'Z')
                        *c = (char)(*c - 'A' + 'a');
                ptrs[i] = low[i];
            }
            const char *hit = bcp_suggest(lower, ptrs, n);
            for (size_t i = 0; hit && i < n; i++)
                if (ptrs[i] == hit)
                    best = owner[i];
        }
        bcp_free(low);
        bcp_free(ptrs);
    }
    bcp_free(all);
    bcp_free(owner);
    return best;
}

/* The country or territory a code or a name stands for. */
static const bcp_entity *country_named(const bcp_model *m, const char *text)
{
    if (!text || !*text)
        return NULL;
    const bcp_entity_list *regions = bcp_model_entities(m, BCP_KIND_REGION);
    for (size_t i = 0; i < regions->count; i++) {
        const char *code = bcp_entity_text(regions->items[i], "country");
        if (code && same_name(text, strlen(text), code))
            return regions->items[i];
    }
    const bcp_entity *r = bcp_region_find(m, text, strlen(text));
    return r ? bcp_region_country(r) : NULL;
}

const bcp_entity *bcp_site_place(const bcp_model *m, const bcp_entity *site)
{
    const bcp_entity *r = bcp_site_region(site);
    if (r || !site)
        return r;
    const char *city = bcp_entity_text(site, "city");
    if (city && (r = bcp_region_find(m, city, strlen(city))) != NULL)
        return r;
    if ((r = country_named(m, bcp_entity_text(site, "country"))) != NULL)
        return r;
    const bcp_entity *plan = bcp_model_plan(m);
    return plan ? country_named(m, bcp_entity_text(plan, "country")) : NULL;
}

const char *bcp_site_timezone(const bcp_model *m, const bcp_entity *site)
{
    const char *tz = site ? bcp_entity_text(site, "timezone") : NULL;
    return tz ? tz : bcp_region_text(bcp_site_place(m, site), "timezone");
}

const char *bcp_site_country(const bcp_entity *site)
{
    const char *c = site ? bcp_entity_text(site, "country") : NULL;
    return c ? c : bcp_region_text(bcp_region_country(bcp_site_region(site)), "country");
}

const char *bcp_site_emergency_number(const bcp_model *m, const bcp_entity *site, const char *service,
                                      const bcp_entity **from)
{
    const bcp_entity *owner = site && bcp_entity_text(site, service) ? site
                                                                     : bcp_region_owner(bcp_site_place(m, site), service);
    if (from)
        *from = owner;
    return owner ? bcp_entity_text(owner, service) : NULL;
}

bool bcp_is_emergency_contact(const bcp_entity *resource)
{
    static const char *const kinds[] = {"emergency_service", "authority", "utility", "isp", "insurer", "legal_counsel"};
    const bcp_value *k = resource ? bcp_entity_value(resource, "kind") : NULL;
    const char *name = k && k->kind == BCP_V_IDENT ? k->as.ident.name
                     : k && k->kind == BCP_V_REF   ? k->as.ref.id
                                                   : NULL;
    for (size_t i = 0; name && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(name, kinds[i]) == 0)
            return true;
    return false;
}

bool bcp_risk_assesses_at(const bcp_entity *risk, const bcp_entity *threat, const bcp_entity *site)
{
    if (!threat || bcp_entity_ref(risk, "threat") != threat)
        return false;
    const bcp_value *sites = bcp_entity_value(risk, "sites");
    if (!sites || sites->kind != BCP_V_LIST || sites->as.list.count == 0)
        return true;
    for (size_t i = 0; i < sites->as.list.count; i++)
        if (sites->as.list.items[i].kind == BCP_V_REF && sites->as.list.items[i].as.ref.target == site)
            return true;
    return false;
}

/* ----------------------------------------------------------- sort orders */

/* The entities of a kind, copied and sorted by `compare`. */
static bcp_entity **sorted(const bcp_model *m, bcp_kind kind, size_t *count, int (*compare)(const void *, const void *))
{
    const bcp_entity_list *l = bcp_model_entities(m, kind);
    *count = l->count;
    bcp_entity **items = bcp_malloc((l->count ? l->count : 1) * sizeof *items);
    if (l->count)
        memcpy(items, l->items, l->count * sizeof *items);
    qsort(items, *count, sizeof *items, compare);
    return items;
}

static int by_ordinal(const bcp_entity *x, const bcp_entity *y)
{
    return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

static int compare_risks(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int sx = bcp_risk_score(x), sy = bcp_risk_score(y);
    return sx != sy ? sy - sx : by_ordinal(x, y);
}

bcp_entity **bcp_sorted_risks(const bcp_model *m, size_t *count)
{
    return sorted(m, BCP_KIND_RISK, count, compare_risks);
}

static int64_t int_or(const bcp_entity *e, const char *name, int64_t fallback)
{
    int64_t v;
    return bcp_entity_integer(e, name, &v) ? v : fallback;
}

static int compare_functions(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int64_t px = int_or(x, "priority", 1), py = int_or(y, "priority", 1);
    if (px != py)
        return px < py ? -1 : 1;
    return by_ordinal(x, y);
}

bcp_entity **bcp_sorted_functions(const bcp_model *m, size_t *count)
{
    return sorted(m, BCP_KIND_FUNCTION, count, compare_functions);
}

/* The contact directory's order: internal contacts by tier, then external
 * ones by tier, each in source order; a tier outside 1..3 (an error the
 * model reports) leaves the contact out. */
static int directory_rank(const bcp_entity *c)
{
    int64_t tier = int_or(c, "tier", 3);
    if (tier < 1 || tier > 3)
        return -1;
    return (bcp_entity_bool(c, "external", false) ? 3 : 0) + (int)tier;
}

static int compare_directory(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int rx = directory_rank(x), ry = directory_rank(y);
    return rx != ry ? (rx < ry ? -1 : 1) : by_ordinal(x, y);
}

bcp_entity **bcp_contacts_in_directory_order(const bcp_model *m, size_t *count)
{
    bcp_entity **items = sorted(m, BCP_KIND_CONTACT, count, compare_directory);
    size_t kept = 0;
    for (size_t i = 0; i < *count; i++)
        if (directory_rank(items[i]) >= 0)
            items[kept++] = items[i];
    *count = kept;
    return items;
}

static int64_t duration_or(const bcp_entity *e, const char *name, int64_t fallback)
{
    int64_t v;
    return bcp_entity_duration(e, name, &v) ? v : fallback;
}

static int compare_phases(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int64_t ox = int_or(x, "order", 1000), oy = int_or(y, "order", 1000);
    if (ox != oy)
        return ox < oy ? -1 : 1;
    int64_t sx = duration_or(x, "starts", 0), sy = duration_or(y, "starts", 0);
    if (sx != sy)
        return sx < sy ? -1 : 1;
    return by_ordinal(x, y);
}

bcp_entity **bcp_sorted_phases(const bcp_model *m, size_t *count)
{
    return sorted(m, BCP_KIND_PHASE, count, compare_phases);
}

void bcp_default_phase_window(const bcp_model *m, size_t i, int64_t *starts, int64_t *ends, bool *has_end)
{
    const bcp_entity *plan = bcp_model_plan((bcp_model *)m);
    const bcp_entity *ind = plan ? bcp_entity_ref(plan, "industry") : NULL;
    int64_t short_from = ind ? duration_or(ind, "short_term_from", 48 * 3600) : 48 * 3600;
    int64_t long_from = ind ? duration_or(ind, "long_term_from", 72 * 3600) : 72 * 3600;
    if (long_from <= short_from)
        long_from = short_from;
    int64_t bounds[] = {0, short_from, long_from};
    *starts = bounds[i < 3 ? i : 2];
    *has_end = i < 2;
    *ends = i < 2 ? bounds[i + 1] : 0;
}

/* ------------------------------------------------------ links (runbooks) */

static bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static bool prefix_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        if (c != *prefix)
            return false;
    }
    return true;
}

bcp_link_kind bcp_link_check(const char *text)
{
    if (!text || !*text)
        return BCP_LINK_BAD;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p <= 0x20 || *p == 0x7f || strchr("<>\"\\`{}|^", *p))
            return BCP_LINK_BAD;
    size_t host = prefix_nocase(text, "https://") ? 8 : prefix_nocase(text, "http://") ? 7 : 0;
    if (host)
        return text[host] && text[host] != '/' ? BCP_LINK_WEB : BCP_LINK_BAD;
    /* a scheme is a letter, then letters, digits, + - . up to a colon */
    const char *p = text;
    if (ascii_alpha(*p)) {
        while (ascii_alpha(*p) || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
            p++;
        if (*p == ':')
            return BCP_LINK_BAD;
    }
    return strchr(text, ':') && strchr(text, ':') < (strchr(text, '/') ? strchr(text, '/') : text + strlen(text))
               ? BCP_LINK_BAD
               : BCP_LINK_PATH;
}

/* ------------------------------------------------- BIA impact over time */

const char *const bcp_impact_kinds[BCP_IMPACT_KIND_COUNT] = {
    "financial", "operational", "regulatory", "reputational", "safety",
};

static int compare_bands(const void *a, const void *b)
{
    const bcp_impact_band *x = a, *y = b;
    if (x->after != y->after)
        return x->after < y->after ? -1 : 1;
    return by_ordinal(x->band, y->band);
}

bcp_impact_band *bcp_function_impact_curve(const bcp_entity *function, size_t *count)
{
    *count = 0;
    size_t n = 0;
    for (size_t i = 0; i < function->child_count; i++)
        n += function->children[i]->kind == BCP_KIND_IMPACT;
    if (!n)
        return NULL;
    bcp_impact_band *bands = bcp_calloc(n, sizeof *bands);
    for (size_t i = 0; i < function->child_count; i++) {
        const bcp_entity *c = function->children[i];
        int64_t after;
        if (c->kind != BCP_KIND_IMPACT || !bcp_entity_duration(c, "after", &after))
            continue;
        bcp_impact_band *b = &bands[(*count)++];
        b->band = c;
        b->after = after;
        for (int k = 0; k < BCP_IMPACT_KIND_COUNT; k++) {
            b->scores[k] = bcp_entity_score(c, bcp_impact_kinds[k]);
            if (b->scores[k] > b->worst)
                b->worst = b->scores[k];
        }
    }
    qsort(bands, *count, sizeof *bands, compare_bands);
    if (!*count) {
        bcp_free(bands);
        return NULL;
    }
    return bands;
}

bcp_curve_verdict bcp_function_curve_check(const bcp_entity *function, bcp_curve_check *out)
{
    memset(out, 0, sizeof *out);
    size_t n;
    bcp_impact_band *bands = bcp_function_impact_curve(function, &n);
    for (size_t i = 0; i < n && !out->intolerable; i++) {
        if (bands[i].worst < BCP_IMPACT_INTOLERABLE)
            continue;
        out->intolerable = true;
        out->intolerable_after = bands[i].after;
        out->first_intolerable = bands[i].band;
        for (int k = 0; k < BCP_IMPACT_KIND_COUNT; k++)
            if (bands[i].scores[k] == bands[i].worst) {
                out->kind = k;
                break;
            }
    }
    bool has_mtpd = bcp_entity_duration(function, "mtpd", &out->mtpd);
    if (!n || !has_mtpd)
        out->verdict = BCP_CURVE_NONE;
    else if (!out->intolerable)
        out->verdict = BCP_CURVE_NEVER;
    else
        out->verdict = out->intolerable_after < out->mtpd ? BCP_CURVE_EARLY : BCP_CURVE_CONSISTENT;
    bcp_free(bands);
    return out->verdict;
}

/* ------------------------------------------ single points of failure */

typedef struct spof_set {
    bcp_spof *items;
    size_t count, cap;
} spof_set;

/* Records that critical function `fn` depends on `e`, which has no stand-in. */
static void spof_add(spof_set *s, const bcp_entity *e, bcp_spof_reason reason, const bcp_entity *fn)
{
    bcp_spof *it = NULL;
    for (size_t i = 0; i < s->count && !it; i++)
        if (s->items[i].entity == e)
            it = &s->items[i];
    if (!it) {
        s->items = bcp_grow(s->items, &s->cap, s->count, sizeof *s->items);
        it = &s->items[s->count++];
        memset(it, 0, sizeof *it);
        it->entity = e;
        it->reason = reason;
    }
    for (size_t i = 0; i < it->function_count; i++)
        if (it->functions[i] == fn)
            return;
    it->functions = bcp_realloc(it->functions, (it->function_count + 1) * sizeof *it->functions);
    it->functions[it->function_count++] = fn;
}

static bool has_list(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v && v->kind == BCP_V_LIST && v->as.list.count > 0;
}

/* Does `e` (reached from function `via`, as its owner when `as_owner`) stand
 * alone?  Sets *reason. */
static bool stands_alone(const bcp_entity *e, const bcp_entity *via, bool as_owner, bcp_spof_reason *reason)
{
    int64_t qty;
    switch (e->kind) {
    case BCP_KIND_CONTACT:
        *reason = BCP_SPOF_NO_SUBSTITUTE;
        return !bcp_entity_ref(e, "substitute") && !(as_owner && bcp_entity_ref(via, "deputy"));
    case BCP_KIND_SYSTEM:
        *reason = BCP_SPOF_NO_FALLBACK;
        return !bcp_entity_attr(e, "fallback") && !bcp_entity_ref(e, "dr_site");
    case BCP_KIND_SUPPLIER:
        *reason = BCP_SPOF_NO_ALTERNATE;
        return bcp_is_critical(e) && !has_list(e, "alternates");
    case BCP_KIND_SITE:
        *reason = BCP_SPOF_NO_ALTERNATE;
        return !bcp_entity_ref(e, "alternate") && !bcp_entity_bool(e, "remote_work", false) &&
               !bcp_entity_attr(e, "fallback");
    case BCP_KIND_ASSET:
        *reason = BCP_SPOF_NO_ALTERNATE;
        return !bcp_entity_ref(e, "alternate") && !(bcp_entity_integer(e, "quantity", &qty) && qty > 1);
    default:
        return false;
    }
}

/* The walk from one function: a stack, and the entities already reached
 * as an open-addressing set whose slots count as empty unless stamped with
 * the current walk (so that a new walk needs no clearing): linear in what
 * one function reaches (a chain of 3,000 functions took 13 s with a list). */
typedef struct spof_seen {
    const bcp_entity *e;
    size_t walk;
} spof_seen;

typedef struct spof_walk {
    const bcp_entity **stack;
    size_t depth, stack_cap;
    spof_seen *seen;
    size_t seen_count, seen_cap, walk;   /* seen_cap: 0 or a power of two */
} spof_walk;

static size_t seen_slot(const spof_walk *w, const bcp_entity *e)
{
    size_t h = (size_t)(uintptr_t)e;
    h ^= h >> 17;
    h *= (size_t)0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    size_t i = h & (w->seen_cap - 1);
    while (w->seen[i].walk == w->walk && w->seen[i].e != e)
        i = (i + 1) & (w->seen_cap - 1);
    return i;
}

static void walk_start(spof_walk *w)
{
    w->depth = w->seen_count = 0;
    w->walk++;
}

static void walk_push(spof_walk *w, const bcp_entity *e)
{
    if ((w->seen_count + 1) * 2 > w->seen_cap) {
        spof_walk old = *w;
        w->seen_cap = old.seen_cap ? old.seen_cap * 2 : 64;
        w->seen = bcp_calloc(w->seen_cap, sizeof *w->seen);
        for (size_t i = 0; i < old.seen_cap; i++)
            if (old.seen[i].walk == w->walk)
                w->seen[seen_slot(w, old.seen[i].e)] = old.seen[i];
        bcp_free(old.seen);
    }
    size_t i = seen_slot(w, e);
    if (w->seen[i].walk == w->walk)
        return;
    w->seen[i] = (spof_seen){e, w->walk};
    w->seen_count++;
    w->stack = bcp_grow(w->stack, &w->stack_cap, w->depth, sizeof *w->stack);
    w->stack[w->depth++] = e;
}

static void consider(spof_set *s, spof_walk *w, const bcp_entity *fn, const bcp_entity *via,
                     const bcp_entity *e, bool as_owner)
{
    if (!e)
        return;
    if (e->kind == BCP_KIND_FUNCTION || e->kind == BCP_KIND_SYSTEM || e->kind == BCP_KIND_ASSET)
        walk_push(w, e); /* its own dependencies are the function's too */
    if (e->kind == BCP_KIND_FUNCTION)
        return;
    bcp_spof_reason reason;
    if (stands_alone(e, via, as_owner, &reason))
        spof_add(s, e, reason, fn);
}

static void consider_list(spof_set *s, spof_walk *w, const bcp_entity *fn, const bcp_entity *via, const char *name)
{
    const bcp_value *v = bcp_entity_value(via, name);
    if (!v || v->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < v->as.list.count; i++)
        if (v->as.list.items[i].kind == BCP_V_REF)
            consider(s, w, fn, via, v->as.list.items[i].as.ref.target, false);
}

static int spof_rank(bcp_kind k)
{
    switch (k) {
    case BCP_KIND_CONTACT: return 0;
    case BCP_KIND_SYSTEM: return 1;
    case BCP_KIND_SUPPLIER: return 2;
    case BCP_KIND_SITE: return 3;
    default: return 4;
    }
}

static int compare_spofs(const void *a, const void *b)
{
    const bcp_spof *x = a, *y = b;
    int rx = spof_rank(x->entity->kind), ry = spof_rank(y->entity->kind);
    return rx != ry ? rx - ry : by_ordinal(x->entity, y->entity);
}

bcp_spof *bcp_single_points_of_failure(const bcp_model *m, size_t *count)
{
    spof_set s = {0};
    spof_walk w = {0};
    size_t n;
    bcp_entity **fns = bcp_sorted_functions(m, &n);
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *fn = fns[i];
        if (!bcp_is_critical(fn) || fn->from_stdlib)
            continue;
        walk_start(&w);
        walk_push(&w, fn);
        while (w.depth) {
            const bcp_entity *at = w.stack[--w.depth];
            switch (at->kind) {
            case BCP_KIND_FUNCTION: {
                consider_list(&s, &w, fn, at, "needs");
                if (!bcp_entity_bool(at, "remote_capable", false))
                    consider_list(&s, &w, fn, at, "sites");
                const bcp_entity *owner = bcp_entity_ref(at, "owner");
                if (owner && owner->kind == BCP_KIND_CONTACT)
                    consider(&s, &w, fn, at, owner, true);
                consider_list(&s, &w, fn, at, "key_people");
                break;
            }
            case BCP_KIND_SYSTEM:
                consider(&s, &w, fn, at, bcp_entity_ref(at, "vendor"), false);
                if (!bcp_entity_ref(at, "dr_site"))
                    consider_list(&s, &w, fn, at, "sites");
                break;
            case BCP_KIND_ASSET:
                if (!bcp_entity_ref(at, "alternate"))
                    consider(&s, &w, fn, at, bcp_entity_ref(at, "site"), false);
                break;
            default:
                break;
            }
        }
    }
    bcp_free(fns);
    bcp_free(w.stack);
    bcp_free(w.seen);
    if (s.count)
        qsort(s.items, s.count, sizeof *s.items, compare_spofs);
    *count = s.count;
    return s.items;
}

void bcp_spofs_free(bcp_spof *spofs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        bcp_free((void *)spofs[i].functions);
    bcp_free(spofs);
}

/* ------------------------------------ activation levels and checklists */

/* The entities of a kind the document shows: the plan's own when it
 * declares any, else the stdlib's defaults. */
static bcp_entity **own_or_defaults(const bcp_model *m, bcp_kind kind, size_t *count,
                                    int (*compare)(const void *, const void *))
{
    const bcp_entity_list *l = bcp_model_entities(m, kind);
    bool own = false;
    for (size_t i = 0; i < l->count && !own; i++)
        own = !l->items[i]->from_stdlib;
    bcp_entity **items = bcp_malloc((l->count ? l->count : 1) * sizeof *items);
    *count = 0;
    for (size_t i = 0; i < l->count; i++)
        if (!own || !l->items[i]->from_stdlib)
            items[(*count)++] = l->items[i];
    qsort(items, *count, sizeof *items, compare);
    return items;
}

static int compare_levels(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int64_t ox = int_or(x, "order", 1000), oy = int_or(y, "order", 1000);
    if (ox != oy)
        return ox < oy ? -1 : 1;
    return by_ordinal(x, y);
}

bcp_entity **bcp_activation_levels(const bcp_model *m, size_t *count)
{
    return own_or_defaults(m, BCP_KIND_ACTIVATION_LEVEL, count, compare_levels);
}

int bcp_checklist_window(const bcp_entity *checklist)
{
    const bcp_value *v = bcp_entity_value(checklist, "window");
    const char *w = v && v->kind == BCP_V_IDENT ? v->as.ident.name : "";
    return strcmp(w, "first_hour") == 0 ? 0 : strcmp(w, "first_day") == 0 ? 1 : 2;
}

static int compare_checklists(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int wx = bcp_checklist_window(x), wy = bcp_checklist_window(y);
    if (wx != wy)
        return wx - wy;
    return compare_levels(a, b);
}

bcp_entity **bcp_response_checklists(const bcp_model *m, size_t *count)
{
    return own_or_defaults(m, BCP_KIND_CHECKLIST, count, compare_checklists);
}

/* ------------------------------------------ readiness inputs (ready) */

static bool has_text(const bcp_entity *e, const char *name)
{
    const char *t = bcp_entity_text(e, name);
    if (!t)
        return false;
    for (; *t; t++)
        if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
            return true;
    return false;
}

bool bcp_contact_reachable(const bcp_entity *contact)
{
    return has_text(contact, "phone") || has_text(contact, "alt_phone") || has_text(contact, "email") ||
           has_text(contact, "alt_email");
}

size_t bcp_contact_channel_count(const bcp_entity *contact, const char **only)
{
    static const char *const direct[] = {"phone", "alt_phone", "email", "alt_email"};
    size_t channels = 0;
    const char *one = NULL;
    for (size_t k = 0; k < sizeof direct / sizeof direct[0]; k++)
        if (has_text(contact, direct[k])) {
            channels++;
            one = direct[k];
        }
    const bcp_value *v = bcp_entity_value(contact, "channels");
    if (v) {
        size_t n = v->kind == BCP_V_LIST ? v->as.list.count : 1;
        const bcp_value *first = v->kind == BCP_V_LIST ? v->as.list.items : v;
        channels += n;
        if (n == 1)
            one = first->kind == BCP_V_IDENT ? first->as.ident.name
                : first->kind == BCP_V_REF   ? first->as.ref.id
                                             : "one channel";
    }
    if (only)
        *only = channels == 1 ? one : NULL;
    return channels;
}

bool bcp_system_last_restore_test(const bcp_entity *system, int32_t *day, const bcp_entity **backup,
                                  const bcp_entity **first)
{
    const bcp_entity *latest = NULL, *first_backup = NULL;
    int32_t latest_day = 0;
    for (size_t c = 0; c < system->child_count; c++) {
        const bcp_entity *b = system->children[c];
        if (b->kind != BCP_KIND_BACKUP)
            continue;
        if (!first_backup)
            first_backup = b;
        int32_t d;
        if (bcp_entity_date(b, "tested", &d) && (!latest || d > latest_day)) {
            latest = b;
            latest_day = d;
        }
    }
    if (first)
        *first = first_backup;
    if (backup)
        *backup = latest;
    if (day)
        *day = latest_day;
    return latest != NULL;
}

static const bcp_value *value_items(const bcp_value *v, size_t *count)
{
    *count = !v ? 0 : v->kind == BCP_V_LIST ? v->as.list.count : 1;
    return v && v->kind == BCP_V_LIST ? v->as.list.items : v;
}

/* flags[ordinal] = true when `v` refers to an entity of `kind` in `list`. */
static void mark_listed(bool *flags, const bcp_entity_list *list, bcp_kind kind, const bcp_value *v)
{
    const bcp_entity *e = v->kind == BCP_V_REF ? v->as.ref.target : NULL;
    if (e && e->kind == kind && e->ordinal < list->count && list->items[e->ordinal] == e)
        flags[e->ordinal] = true;
}

bool *bcp_functions_exercised(const bcp_model *m, bcp_interval max_age, int32_t today)
{
    const bcp_entity_list *functions = bcp_model_entities(m, BCP_KIND_FUNCTION);
    if (functions->count == 0)
        return NULL;
    const bcp_entity_list *scenarios = bcp_model_entities(m, BCP_KIND_SCENARIO);
    bool *covered = bcp_calloc(functions->count, sizeof *covered);
    bool *scenario_held = bcp_calloc(scenarios->count ? scenarios->count : 1, sizeof *scenario_held);
    const bcp_entity_list *exercises = bcp_model_entities(m, BCP_KIND_EXERCISE);
    for (size_t i = 0; i < exercises->count; i++) {
        int32_t last;
        if (!bcp_entity_date(exercises->items[i], "last", &last) ||
            bcp_is_overdue(bcp_date_add(last, max_age), today))
            continue;
        size_t n;
        const bcp_value *covers = value_items(bcp_entity_value(exercises->items[i], "covers"), &n);
        for (size_t c = 0; c < n; c++) {
            mark_listed(scenario_held, scenarios, BCP_KIND_SCENARIO, &covers[c]);
            mark_listed(covered, functions, BCP_KIND_FUNCTION, &covers[c]);
        }
    }
    /* Expanded once per scenario, however many exercises cover it. */
    for (size_t i = 0; i < scenarios->count; i++) {
        if (!scenario_held[i])
            continue;
        size_t n;
        const bcp_value *fs = value_items(bcp_entity_value(scenarios->items[i], "functions"), &n);
        for (size_t f = 0; f < n; f++)
            mark_listed(covered, functions, BCP_KIND_FUNCTION, &fs[f]);
    }
    bcp_free(scenario_held);
    return covered;
}

int64_t bcp_severe_risk_min_score(const bcp_model *m)
{
    int64_t min_score = 12;
    const bcp_entity *high = bcp_model_find(m, BCP_KIND_RISK_LEVEL, "high");
    if (high)
        bcp_entity_integer(high, "min_score", &min_score);
    return min_score;
}

bool bcp_risk_treated(const bcp_model *m, const bcp_entity *risk)
{
    if (has_text(risk, "strategy"))
        return true;
    const bcp_entity_list *referrers = bcp_model_referrers(m, risk);
    for (size_t i = 0; i < referrers->count; i++)
        if (referrers->items[i]->kind == BCP_KIND_SCENARIO)
            return true; /* a scenario can refer to a risk only through `risks` */
    return false;
}
