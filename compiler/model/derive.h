/* Every fact the compiler derives from a loaded plan, in one place: the
 * calendar (a duration added to a date), next-due dates and overdue state,
 * risk scores and levels, criticality, a system's effective RPO and backup
 * verdict, and the orders in which the document lists risks, functions and
 * phases.  The lint rules, the renderers (Markdown, HTML, JSON) and the diff
 * all call these, so that the linter and the document never disagree.
 *
 * The calendar (docs/language.md, "Dates and intervals"): a duration written
 * in `mo` or `y` advances calendar months and years on a date, clamping to
 * the last day of a shorter month (2026-08-31 + 6mo = 2027-02-28); any other
 * unit adds exact days (rounded up to whole days).  A thing due on day D is
 * overdue from D + 1. */
#ifndef BCP_DERIVE_H
#define BCP_DERIVE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* ------------------------------------------------------------- calendar */

/* A duration as written: `months` > 0 for `mo` and `y` (calendar months),
 * else exact `seconds`.  `seconds` is always set (1mo = 30d, 1y = 365d) for
 * comparing intervals with each other. */
typedef struct bcp_interval {
    int64_t seconds;
    int32_t months;
} bcp_interval;

/* The lengths used to compare durations (not to add them to dates). */
#define BCP_SECONDS_PER_DAY 86400LL
#define BCP_SECONDS_PER_MONTH (30 * BCP_SECONDS_PER_DAY)
#define BCP_SECONDS_PER_YEAR (365 * BCP_SECONDS_PER_DAY)

bcp_interval bcp_interval_months(int32_t months);    /* 12 = 1y */
bcp_interval bcp_interval_seconds(int64_t seconds);  /* exact days/hours */
/* A duration value (its months when written in mo/y). */
bcp_interval bcp_interval_of_value(const bcp_value *v);
/* A duration attribute; false when absent or not a positive duration. */
bool bcp_entity_interval(const bcp_entity *e, const char *name, bcp_interval *out);
/* -1, 0, 1 by length (months counted as 30 days, years as 365). */
int bcp_interval_cmp(bcp_interval a, bcp_interval b);

/* `day` (days since 1970-01-01) plus an interval, on the calendar above;
 * never later than BCP_LAST_DAY (9999-12-31). */
int32_t bcp_date_add(int32_t day, bcp_interval every);
/* Overdue from the first day after `due`: today - due when positive, else 0. */
int32_t bcp_days_overdue(int32_t due, int32_t today);
static inline bool bcp_is_overdue(int32_t due, int32_t today) { return today > due; }

/* ------------------------------------------------------------- due dates */

/* The plan's review cycle: `review_every`, else 1y. */
bcp_interval bcp_plan_review_interval(const bcp_entity *plan);
/* How often the risk register is reviewed: the plan's cycle, or a risk's own
 * `review_every` when that is shorter (risks re-assessed half-yearly). */
bcp_interval bcp_risk_review_cadence(const bcp_model *m);
/* reviewed + the review cycle.  False without a plan or a `reviewed` date. */
bool bcp_plan_next_review(const bcp_entity *plan, int32_t *due);
/* An entity's next review: reviewed + every.  False without `reviewed`. */
bool bcp_review_due(const bcp_entity *e, bcp_interval every, int32_t *due);

/* An exercise's next run: its explicit `next`, else `last` + `every`, else
 * `last` + default_every (pass months = seconds = 0 for "no default").
 * *from, when not NULL, gets the attribute the date comes from. */
bool bcp_exercise_due(const bcp_entity *exercise, bcp_interval default_every, int32_t *due,
                      const bcp_attr **from);
/* The same without a default: what the document names. */
bool bcp_exercise_next_due(const bcp_entity *exercise, int32_t *due);

/* A milestone not `done` whose `due` date has passed; *due gets that date. */
bool bcp_milestone_overdue(const bcp_entity *milestone, int32_t today, int32_t *due);

/* A milestone not `done`. */
bool bcp_milestone_open(const bcp_entity *milestone);
/* An improvement item still `open` or `in_progress` (the default is open). */
bool bcp_finding_open(const bcp_entity *finding);
/* An open item whose `due` date plus `grace` has passed (finding-overdue
 * with the profile's grace; the document uses no grace); *due gets `due`. */
bool bcp_finding_overdue(const bcp_entity *finding, bcp_interval grace, int32_t today, int32_t *due);
/* An exercise whose next run (bcp_exercise_next_due) has passed. */
bool bcp_exercise_overdue(const bcp_entity *exercise, int32_t today, int32_t *due);
/* The plan's next review (bcp_plan_next_review) has passed. */
bool bcp_plan_review_overdue(const bcp_entity *plan, int32_t today, int32_t *due);

/* ------------------------------------------------------------------ risk */

int bcp_risk_score(const bcp_entity *risk);   /* likelihood x impact, 0 when unknown */
/* The band a score falls in: the risk_level with the highest min_score not
 * above it; NULL when the score is unknown or below every band. */
const bcp_entity *bcp_risk_level(const bcp_model *m, int score);
/* The step of a likelihood or impact scale (kind BCP_KIND_LIKELIHOOD_LEVEL or
 * BCP_KIND_IMPACT_LEVEL) that a 1..5 score stands for: the first entity of
 * the kind with that `score`; NULL when none. */
const bcp_entity *bcp_scale_level(const bcp_model *m, bcp_kind kind, int score);
/* The scores a band covers: its min_score up to the next band's minus one
 * (25 for the top band). */
void bcp_risk_level_range(const bcp_model *m, const bcp_entity *level, int64_t *lo, int64_t *hi);
/* A function, supplier or the like is critical unless it says `critical = false`. */
bool bcp_is_critical(const bcp_entity *e);

/* ------------------------------------------------------- RPO and backups */

/* Does the system keep data of its own (`holds_data`, true unless stated
 * false)?  A system without data needs no backup and has no RPO. */
bool bcp_system_holds_data(const bcp_entity *system);

typedef enum bcp_rpo_verdict { BCP_RPO_UNKNOWN, BCP_RPO_MET, BCP_RPO_NOT_MET } bcp_rpo_verdict;

typedef struct bcp_rpo_check {
    bcp_rpo_verdict verdict;
    int64_t rpo;                  /* the tightest RPO that applies (seconds) */
    const bcp_entity *rpo_owner;  /* the system or function that sets it */
    const bcp_entity *backup;     /* the most frequent backup, NULL when none */
    int64_t backup_every;
} bcp_rpo_check;

/* The RPO a system must meet is the tightest of its own and those of the
 * functions that need it; its most frequent backup bounds the data loss; no
 * backup at all does not meet it.  UNKNOWN when no RPO applies, and for a
 * system that holds no data (out->backup and out->rpo are still filled in). */
bcp_rpo_verdict bcp_system_rpo_check(const bcp_model *m, const bcp_entity *system, bcp_rpo_check *out);

/* One backup of a system judged alone against the system's RPO (from
 * bcp_system_rpo_check): UNKNOWN when no RPO applies or it has no interval. */
bcp_rpo_verdict bcp_backup_rpo_verdict(const bcp_entity *backup, const bcp_rpo_check *system);

/* ----------------------------------------------------------- sort orders */

/* Risks by score (highest first), then source order.  Caller frees with bcp_free(). */
bcp_entity **bcp_sorted_risks(const bcp_model *m, size_t *count);
/* Functions by priority (default 1), then source order.  Caller frees. */
bcp_entity **bcp_sorted_functions(const bcp_model *m, size_t *count);
/* Phases by order, then start, then source order.  Caller frees. */
bcp_entity **bcp_sorted_phases(const bcp_model *m, size_t *count);

#endif
