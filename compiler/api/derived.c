/* Derived facts of a plan through the public API: the calendar, risk score,
 * level and band, criticality, next-due dates and days overdue, the RPO
 * verdict of a system, and the document's sort orders.  Every fact is
 * computed by compiler/model/derive.c, the one home of these facts; this
 * file only adapts them to bcp.h's types. */
#include "api_internal.h"

#include <string.h>

#include "base/alloc.h"
#include "model/derive.h"

int32_t bcp_calendar_add(int32_t days, int64_t seconds, int32_t months, char iso[11])
{
    int32_t day = bcp_date_add(days, months > 0 ? bcp_interval_months(months) : bcp_interval_seconds(seconds));
    if (iso)
        bcp_format_date(day, iso);
    return day;
}

int bcp_plan_risk_score(const bcp_plan *plan, const bcp_entity *risk)
{
    return plan && risk && risk->kind == BCP_KIND_RISK ? bcp_risk_score(risk) : 0;
}

const bcp_entity *bcp_plan_risk_level(const bcp_plan *plan, const bcp_entity *risk)
{
    int score = bcp_plan_risk_score(plan, risk);
    return score ? bcp_risk_level(plan->model, score) : NULL;
}

bool bcp_plan_risk_level_range(const bcp_plan *plan, const bcp_entity *level, int64_t *low, int64_t *high)
{
    if (!plan || !level || level->kind != BCP_KIND_RISK_LEVEL)
        return false;
    int64_t lo, hi;
    bcp_risk_level_range(plan->model, level, &lo, &hi);
    if (low)
        *low = lo;
    if (high)
        *high = hi;
    return true;
}

bool bcp_plan_is_critical(const bcp_plan *plan, const bcp_entity *e)
{
    return plan && e && bcp_is_critical(e);
}

bool bcp_plan_next_due(const bcp_plan *plan, const bcp_entity *e, int32_t *days, char iso[11])
{
    int32_t due;
    bool found = false;
    if (!plan || !e)
        return false;
    if (e->kind == BCP_KIND_PLAN)
        found = bcp_plan_next_review(e, &due);
    else if (e->kind == BCP_KIND_EXERCISE)
        found = bcp_exercise_next_due(e, &due);
    if (!found)
        return false;
    if (days)
        *days = due;
    if (iso)
        bcp_format_date(due, iso);
    return true;
}

int32_t bcp_plan_days_overdue(const bcp_plan *plan, const bcp_entity *e, int32_t today)
{
    int32_t due;
    return bcp_plan_next_due(plan, e, &due, NULL) ? bcp_days_overdue(due, today) : 0;
}

bcp_backup_verdict bcp_plan_rpo_status(const bcp_plan *plan, const bcp_entity *system, bcp_rpo_status *out)
{
    bcp_rpo_status ignored;
    if (!out)
        out = &ignored;
    memset(out, 0, sizeof *out);
    if (!plan || !system || system->kind != BCP_KIND_SYSTEM)
        return BCP_BACKUP_UNKNOWN;
    bcp_rpo_check check;
    switch (bcp_system_rpo_check(plan->model, system, &check)) {
    case BCP_RPO_MET:
        out->verdict = BCP_BACKUP_MEETS_RPO;
        break;
    case BCP_RPO_NOT_MET:
        out->verdict = BCP_BACKUP_MISSES_RPO;
        break;
    case BCP_RPO_UNKNOWN:
        out->verdict = BCP_BACKUP_UNKNOWN;
        break;
    }
    out->rpo_seconds = check.rpo;
    out->rpo_owner = check.rpo_owner;
    out->backup = check.backup;
    out->backup_every_seconds = check.backup_every;
    return out->verdict;
}

/* ------------------------------------------------------------- orders */

void bcp_plan_build_orders(bcp_plan *plan)
{
    plan->sorted[BCP_PLAN_ORDER_RISK] = bcp_sorted_risks(plan->model, &plan->sorted_count[BCP_PLAN_ORDER_RISK]);
    plan->sorted[BCP_PLAN_ORDER_FUNCTION] =
        bcp_sorted_functions(plan->model, &plan->sorted_count[BCP_PLAN_ORDER_FUNCTION]);
    plan->sorted[BCP_PLAN_ORDER_PHASE] = bcp_sorted_phases(plan->model, &plan->sorted_count[BCP_PLAN_ORDER_PHASE]);
}

void bcp_plan_free_orders(bcp_plan *plan)
{
    for (int i = 0; i < BCP_PLAN_ORDER_COUNT; i++)
        bcp_free(plan->sorted[i]);
}

/* The order of `kind`, or -1 when the kind keeps source order. */
static int order_of(const char *kind)
{
    static const char *const names[BCP_PLAN_ORDER_COUNT] = {"risk", "function", "phase"};
    for (int i = 0; kind && i < BCP_PLAN_ORDER_COUNT; i++)
        if (strcmp(kind, names[i]) == 0)
            return i;
    return -1;
}

size_t bcp_plan_sorted_count(const bcp_plan *plan, const char *kind)
{
    int o = order_of(kind);
    if (!plan || o < 0)
        return bcp_plan_entity_count(plan, kind);
    return plan->sorted_count[o];
}

const bcp_entity *bcp_plan_sorted(const bcp_plan *plan, const char *kind, size_t i)
{
    int o = order_of(kind);
    if (!plan || o < 0)
        return bcp_plan_entity(plan, kind, i);
    return i < plan->sorted_count[o] ? plan->sorted[o][i] : NULL;
}
