/* The readiness score: six areas, each the share of its checks that pass
 * (findings: points off per open item), and their weighted mean.  The facts
 * come from derive.c, the ones the lint rules judge with; the formula and its
 * sources are in docs/readiness.md. */
#include "readiness.h"

#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "derive.h"
#include "schema.h"

const int bcp_readiness_weights[BCP_READY_AREA_COUNT] = {25, 20, 15, 15, 15, 10};

/* The windows when no profile states them (function_exercise_max_age,
 * restore_test_max_age of the stdlib's default profile: 12 months). */
#define DEFAULT_MAX_AGE_MONTHS 12
/* Points the findings area loses per item. */
#define FINDING_OPEN_POINTS 5
#define FINDING_OVERDUE_POINTS 15
#define DEVIATION_POINTS 5

const char *bcp_readiness_area_name(bcp_readiness_area area)
{
    static const char *const names[BCP_READY_AREA_COUNT] = {"recovery", "backups", "contacts",
                                                           "cadence",  "risks",   "findings"};
    return (unsigned)area < BCP_READY_AREA_COUNT ? names[area] : "";
}

typedef struct reasons {
    bcp_readiness_reason *items;
    size_t count, cap;
} reasons;

static void add_reason(reasons *r, bcp_readiness_area area, const bcp_entity *e, const bcp_model *m,
                       const char *why)
{
    if (!e)
        e = bcp_model_plan(m);
    if (r->count == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        r->items = bcp_realloc(r->items, r->cap * sizeof *r->items);
    }
    bcp_readiness_reason *it = &r->items[r->count++];
    it->area = area;
    it->entity = e ? bcp_strprintf("%s.%s", bcp_kind_name(e->kind), e->id ? e->id : "") : bcp_strdup("plan");
    it->why = why;
}

/* One check made: passed, or a reason. */
static void judge(bcp_readiness_area_score *a, reasons *r, bcp_readiness_area area, const bcp_model *m,
                  const bcp_entity *e, bool ok, const char *why)
{
    a->total++;
    if (ok)
        a->met++;
    else
        add_reason(r, area, e, m, why);
}

static bool within(int32_t day, bcp_interval window, int32_t today)
{
    return !bcp_is_overdue(bcp_date_add(day, window), today);
}

/* The profile's window `name`, else the default profile's, else 12 months. */
static bcp_interval window_of(const bcp_entity *profile, const bcp_entity *fallback, const char *name)
{
    const bcp_entity *from[] = {profile, fallback};
    for (int i = 0; i < 2; i++) {
        const bcp_value *v = from[i] ? bcp_entity_value(from[i], name) : NULL;
        if (v && v->kind == BCP_V_DURATION && v->as.seconds > 0)
            return bcp_interval_of_value(v);
    }
    return bcp_interval_months(DEFAULT_MAX_AGE_MONTHS);
}

bcp_readiness_windows bcp_readiness_profile_windows(const bcp_model *m, const char *name)
{
    const bcp_entity *profile = bcp_model_find(m, BCP_KIND_PROFILE, name ? name : "default");
    const bcp_entity *fallback = bcp_model_find(m, BCP_KIND_PROFILE, "default");
    return (bcp_readiness_windows){window_of(profile, fallback, "function_exercise_max_age"),
                                   window_of(profile, fallback, "restore_test_max_age")};
}

static void recovery(const bcp_model *m, int32_t today, bcp_interval window, bcp_readiness_area_score *a, reasons *r)
{
    const bcp_entity_list *functions = bcp_model_entities(m, BCP_KIND_FUNCTION);
    bool *held = bcp_functions_exercised(m, window, today);
    for (size_t i = 0; i < functions->count; i++)
        if (bcp_is_critical(functions->items[i]))
            judge(a, r, BCP_READY_RECOVERY, m, functions->items[i], held && held[i], "not-exercised");
    bcp_free(held);
}

static void backups(const bcp_model *m, int32_t today, bcp_interval window, bcp_readiness_area_score *a, reasons *r)
{
    const bcp_entity_list *systems = bcp_model_entities(m, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *s = systems->items[i];
        if (!bcp_system_holds_data(s))
            continue;
        bcp_rpo_check rpo;
        bcp_rpo_verdict v = bcp_system_rpo_check(m, s, &rpo);
        judge(a, r, BCP_READY_BACKUPS, m, s, v == BCP_RPO_MET, v == BCP_RPO_UNKNOWN ? "no-rpo" : "rpo-not-met");
        int32_t day;
        bool tested = bcp_system_last_restore_test(s, &day, NULL, NULL);
        judge(a, r, BCP_READY_BACKUPS, m, s, tested && within(day, window, today),
              tested ? "restore-test-stale" : "never-restored");
    }
}

static void contacts(const bcp_model *m, bcp_readiness_area_score *a, reasons *r)
{
    const bcp_entity_list *cs = bcp_model_entities(m, BCP_KIND_CONTACT);
    for (size_t i = 0; i < cs->count; i++) {
        judge(a, r, BCP_READY_CONTACTS, m, cs->items[i], bcp_contact_reachable(cs->items[i]), "unreachable");
        judge(a, r, BCP_READY_CONTACTS, m, cs->items[i], bcp_contact_channel_count(cs->items[i], NULL) >= 2,
              "no-alternate");
    }
}

static void cadence(const bcp_model *m, int32_t today, bcp_readiness_area_score *a, reasons *r)
{
    const bcp_entity *plan = bcp_model_plan(m);
    int32_t due;
    if (plan) {
        bool known = bcp_plan_next_review(plan, &due);
        judge(a, r, BCP_READY_CADENCE, m, plan, known && !bcp_is_overdue(due, today),
              known ? "review-overdue" : "never-reviewed");
    }
    const bcp_entity_list *ex = bcp_model_entities(m, BCP_KIND_EXERCISE);
    for (size_t i = 0; i < ex->count; i++) {
        bool known = bcp_exercise_next_due(ex->items[i], &due);
        judge(a, r, BCP_READY_CADENCE, m, ex->items[i], known && !bcp_is_overdue(due, today),
              known ? "exercise-overdue" : "exercise-unscheduled");
    }
}

static void risks(const bcp_model *m, bcp_readiness_area_score *a, reasons *r)
{
    int64_t severe = bcp_severe_risk_min_score(m);
    const bcp_entity_list *rs = bcp_model_entities(m, BCP_KIND_RISK);
    for (size_t i = 0; i < rs->count; i++) {
        int score = bcp_risk_score(rs->items[i]);
        if (score > 0 && score >= severe)
            judge(a, r, BCP_READY_RISKS, m, rs->items[i], bcp_risk_treated(m, rs->items[i]), "untreated");
    }
}

static void findings(const bcp_model *m, int32_t today, const bcp_entity *const *deviations, size_t deviation_count,
                     bcp_readiness_area_score *a, reasons *r)
{
    int lost = 0;
    const bcp_entity_list *fs = bcp_model_entities(m, BCP_KIND_FINDING);
    for (size_t i = 0; i < fs->count; i++) {
        const bcp_entity *f = fs->items[i];
        a->total++;
        int32_t due;
        if (!bcp_finding_open(f)) {
            a->met++;
        } else if (bcp_finding_overdue(f, bcp_interval_seconds(0), today, &due)) {
            lost += FINDING_OVERDUE_POINTS;
            add_reason(r, BCP_READY_FINDINGS, f, m, "finding-overdue");
        } else {
            lost += FINDING_OPEN_POINTS;
            add_reason(r, BCP_READY_FINDINGS, f, m, "finding-open");
        }
    }
    for (size_t i = 0; i < deviation_count; i++) {
        a->total++;
        lost += DEVIATION_POINTS;
        add_reason(r, BCP_READY_FINDINGS, deviations[i], m, "deviation-accepted");
    }
    a->applies = true;
    a->score = lost >= 100 ? 0 : 100 - lost;
}

/* 100 * met / total, rounded half up. */
static int percent(size_t met, size_t total)
{
    return total ? (int)((200 * (uint64_t)met + total) / (2 * (uint64_t)total)) : 100;
}

void bcp_readiness_compute(const bcp_model *m, int32_t today, const bcp_readiness_windows *w,
                           const bcp_entity *const *deviations, size_t deviation_count, bcp_readiness *out)
{
    memset(out, 0, sizeof *out);
    reasons r = {0};
    bcp_readiness_area_score *a = out->areas;
    bcp_readiness_windows defaults;
    if (!w) {
        defaults = bcp_readiness_profile_windows(m, NULL);
        w = &defaults;
    }
    recovery(m, today, w->exercise, &a[BCP_READY_RECOVERY], &r);
    backups(m, today, w->restore_test, &a[BCP_READY_BACKUPS], &r);
    contacts(m, &a[BCP_READY_CONTACTS], &r);
    cadence(m, today, &a[BCP_READY_CADENCE], &r);
    risks(m, &a[BCP_READY_RISKS], &r);
    findings(m, today, deviations, deviation_count, &a[BCP_READY_FINDINGS], &r);
    int64_t sum = 0, weights = 0;
    for (int i = 0; i < BCP_READY_AREA_COUNT; i++) {
        a[i].weight = bcp_readiness_weights[i];
        if (i != BCP_READY_FINDINGS) {
            a[i].applies = a[i].total > 0;
            a[i].score = percent(a[i].met, a[i].total);
        }
        if (!a[i].applies)
            continue;
        sum += (int64_t)a[i].weight * a[i].score;
        weights += a[i].weight;
    }
    out->score = weights ? (int)((2 * sum + weights) / (2 * weights)) : 100;
    out->reasons = r.items;
    out->reason_count = r.count;
    out->deviations = deviation_count;
}

void bcp_readiness_free(bcp_readiness *readiness)
{
    if (!readiness)
        return;
    for (size_t i = 0; i < readiness->reason_count; i++)
        bcp_free(readiness->reasons[i].entity);
    bcp_free(readiness->reasons);
    memset(readiness, 0, sizeof *readiness);
}
