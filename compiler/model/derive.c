/* The derived facts of a plan (see derive.h): the one calendar, due dates and
 * overdue state, risk levels, criticality, RPO verdicts and sort orders. */
#include "derive.h"

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
