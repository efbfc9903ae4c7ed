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

/* `last` + `every` of anything held at intervals (a maintenance activity):
 * false without either. */
bool bcp_every_since_last(const bcp_entity *e, int32_t *due);
/* A periodic training's next session: `last` + `every`.  False for onboarding
 * or ad-hoc training, and without `last` or `every`. */
bool bcp_training_next_due(const bcp_entity *training, int32_t *due);

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

/* --------------------------------------------------------------- regions */

/* A place of the region catalogue (docs/regions.md): a city inherits what it
 * leaves out from its `parent` (its country), up to BCP_REGION_DEPTH levels. */
#define BCP_REGION_DEPTH 8
/* The region a site names (`region`), or NULL. */
const bcp_entity *bcp_site_region(const bcp_entity *site);
/* The region (the place itself or a parent) that sets attribute `name`, or NULL. */
const bcp_entity *bcp_region_owner(const bcp_entity *region, const char *name);
/* `name` of the region or of the nearest parent that sets it (NULL: none). */
const char *bcp_region_text(const bcp_entity *region, const char *name);
/* The country or territory a region is in (itself for a country). */
const bcp_entity *bcp_region_country(const bcp_entity *region);
/* How a region rates a threat: 3 high, 2 medium, 1 low, 0 not listed; the
 * highest rating along the place and its parents.  *from, when not NULL,
 * gets the region whose list rates it (its `hazards_source` cites it). */
int bcp_region_hazard_level(const bcp_entity *region, const bcp_entity *threat, const bcp_entity **from);
/* The source that rates `threat` at `rated_by` (the region that
 * bcp_region_hazard_level gave): `civil_hazards_source` for a civil hazard,
 * `hazards_source` for a natural one; NULL when none is given. */
const char *bcp_region_hazard_source(const bcp_entity *rated_by, const bcp_entity *threat);
/* The region a place name means: its id, its title, or one of its `names`
 * (ASCII letters compared without case, so "tokyo", "TOKYO" and "東京" all
 * find region tokyo).  NULL when no region has that name. */
const bcp_entity *bcp_region_find(const bcp_model *m, const char *name, size_t len);
/* The place whose id or name is nearest to an unknown name (edit distance,
 * without case), or NULL when none is close. */
const bcp_entity *bcp_region_suggest(const bcp_model *m, const char *name);
/* Where a site is, for its time zone and emergency numbers: its `region`;
 * else the place its `city` names; else the country its `country` names (an
 * ISO code or a name); else the plan's `country`.  NULL when none is known.
 * (The regional hazards of regional-hazard-gap need an explicit `region`.) */
const bcp_entity *bcp_site_place(const bcp_model *m, const bcp_entity *site);
/* A site's time zone: its own `timezone`, else its place's (bcp_site_place). */
const char *bcp_site_timezone(const bcp_model *m, const bcp_entity *site);
/* A site's country: its own `country`, else the ISO code of its region's country. */
const char *bcp_site_country(const bcp_entity *site);
/* A site's emergency number for `service` (police, fire, ambulance,
 * emergency): the site's own attribute, else its place's (bcp_site_place).
 * *from, when not NULL, gets the entity that states it (the site or a region). */
const char *bcp_site_emergency_number(const bcp_model *m, const bcp_entity *site, const char *service,
                                      const bcp_entity **from);
/* Is the resource one of the plan's emergency contacts (the document's
 * appendix): of kind emergency_service, authority, utility, isp, insurer or
 * legal_counsel? */
bool bcp_is_emergency_contact(const bcp_entity *resource);
/* Does the risk assess `threat` at `site`: it names the threat and lists the
 * site in `sites`, or lists no sites at all (a plan-wide assessment)? */
bool bcp_risk_assesses_at(const bcp_entity *risk, const bcp_entity *threat, const bcp_entity *site);

/* ----------------------------------------------------------- sort orders */

/* Risks by score (highest first), then source order.  Caller frees with bcp_free(). */
bcp_entity **bcp_sorted_risks(const bcp_model *m, size_t *count);
/* Functions by priority (default 1), then source order.  Caller frees. */
bcp_entity **bcp_sorted_functions(const bcp_model *m, size_t *count);
/* Contacts in the order of the document's contact directory: internal ones
 * by tier, then external ones by tier, each in source order (caller frees). */
bcp_entity **bcp_contacts_in_directory_order(const bcp_model *m, size_t *count);
/* Phases by order, then start, then source order.  Caller frees. */
bcp_entity **bcp_sorted_phases(const bcp_model *m, size_t *count);
/* The window of default phase i (0 response, 1 short-term, 2 long-term, open
 * ended) that the document shows while a plan defines no phases: the plan's
 * industry sets `short_term_from` and `long_term_from` (48h and 72h unset). */
void bcp_default_phase_window(const bcp_model *m, size_t i, int64_t *starts, int64_t *ends, bool *has_end);

/* ------------------------------------------------------ links (runbooks) */

typedef enum bcp_link_kind {
    BCP_LINK_BAD,    /* another scheme, or characters no safe link has (E140) */
    BCP_LINK_WEB,    /* http:// or https://: a link in HTML */
    BCP_LINK_PATH,   /* no scheme: a path, shown as text */
} bcp_link_kind;
bcp_link_kind bcp_link_check(const char *text);

/* ------------------------------------------------- BIA impact over time */

/* The impact kinds of an `impact` band, in document order. */
#define BCP_IMPACT_KIND_COUNT 5
extern const char *const bcp_impact_kinds[BCP_IMPACT_KIND_COUNT];
/* A band reaching this score (major) in any kind is intolerable. */
#define BCP_IMPACT_INTOLERABLE 4

typedef struct bcp_impact_band {
    const bcp_entity *band;               /* the `impact` block */
    int64_t after;                        /* seconds */
    int scores[BCP_IMPACT_KIND_COUNT];    /* 0 when not stated */
    int worst;                            /* the highest of them */
} bcp_impact_band;

/* The function's impact bands by `after` (then source order); caller frees
 * with bcp_free().  NULL and *count = 0 when it has none. */
bcp_impact_band *bcp_function_impact_curve(const bcp_entity *function, size_t *count);

typedef enum bcp_curve_verdict {
    BCP_CURVE_NONE,          /* no curve, or no MTPD to hold it against */
    BCP_CURVE_CONSISTENT,    /* intolerable from MTPD on, not before */
    BCP_CURVE_EARLY,         /* intolerable before MTPD: the MTPD is too long */
    BCP_CURVE_NEVER,         /* MTPD set, but the curve never becomes intolerable */
} bcp_curve_verdict;

typedef struct bcp_curve_check {
    bcp_curve_verdict verdict;
    int64_t mtpd;                         /* seconds, when set */
    bool intolerable;                     /* some band reaches BCP_IMPACT_INTOLERABLE */
    int64_t intolerable_after;            /* the first such band's `after` */
    const bcp_entity *first_intolerable;  /* that band */
    int kind;                             /* index into bcp_impact_kinds of its worst kind */
} bcp_curve_check;
/* The function's MTPD against its own impact curve. */
bcp_curve_verdict bcp_function_curve_check(const bcp_entity *function, bcp_curve_check *out);

/* ------------------------------------------ single points of failure */

typedef enum bcp_spof_reason {
    BCP_SPOF_NO_SUBSTITUTE,   /* a person without a substitute (or deputy) */
    BCP_SPOF_NO_FALLBACK,     /* a system without fallback or DR site */
    BCP_SPOF_NO_ALTERNATE,    /* a supplier, site or asset without an alternate */
} bcp_spof_reason;

typedef struct bcp_spof {
    const bcp_entity *entity;         /* contact, system, supplier, site or asset */
    bcp_spof_reason reason;
    const bcp_entity **functions;     /* critical functions that depend on it, by priority */
    size_t function_count;
} bcp_spof;

/* Every resource whose loss alone stops a critical function: the critical
 * functions' dependency graph (needs, followed through needed functions;
 * sites; owner; key people; a needed system's vendor and sites) walked for
 * contacts, systems, suppliers, sites and assets that have no stand-in.  A
 * remote-capable function does not depend on its sites.  Ordered by kind
 * (people, systems, suppliers, sites, assets), then source order.  Free with
 * bcp_spofs_free. */
bcp_spof *bcp_single_points_of_failure(const bcp_model *m, size_t *count);
void bcp_spofs_free(bcp_spof *spofs, size_t count);

/* ------------------------------------ activation levels and checklists */

/* The activation levels the document shows: the plan's own when it declares
 * any, else the stdlib's; by `order`.  Caller frees. */
bcp_entity **bcp_activation_levels(const bcp_model *m, size_t *count);
/* The response checklists: the plan's own when it declares any, else the
 * stdlib's; by window (first hour, first day, after), order, source order.
 * Caller frees. */
bcp_entity **bcp_response_checklists(const bcp_model *m, size_t *count);
/* 0, 1, 2 for first_hour, first_day, after_first_day. */
int bcp_checklist_window(const bcp_entity *checklist);

/* ------------------------------------------ readiness inputs (ready) */
/* The facts the readiness score (model/readiness.c) shares with the lint
 * rules that judge the same things (C101, C102, D104, M104, R101). */

/* A contact with a phone number or an e-mail address (phone, alt_phone,
 * email, alt_email set and not blank): contact-unreachable's test. */
bool bcp_contact_reachable(const bcp_entity *contact);
/* The ways to reach a contact: phone, alt_phone, email, alt_email (each when
 * not blank) plus every item of `channels`; *only (unless NULL) names the
 * one channel when there is exactly one. */
size_t bcp_contact_channel_count(const bcp_entity *contact, const char **only);
/* The newest restore test (`tested`) of any backup of the system: one test
 * proves the chain it restored.  False when none has one; *backup (unless
 * NULL) gets the backup that was tested, *first (unless NULL) the system's
 * first backup (NULL: it has none). */
bool bcp_system_last_restore_test(const bcp_entity *system, int32_t *day, const bcp_entity **backup,
                                  const bcp_entity **first);
/* Which functions an exercise held within `max_age` of `today` covered
 * (its `covers` names the function, or a scenario whose `functions` lists
 * it): an array indexed by the function's ordinal, bcp_model_entities(m,
 * BCP_KIND_FUNCTION)->count long (caller frees; NULL when there are no
 * functions). */
bool *bcp_functions_exercised(const bcp_model *m, bcp_interval max_age, int32_t today);
/* The score from which a risk is severe: risk_level `high`'s min_score (12
 * when the catalogue has none). */
int64_t bcp_severe_risk_min_score(const bcp_model *m);
/* A risk is treated when it has a `strategy` or a scenario covers it. */
bool bcp_risk_treated(const bcp_model *m, const bcp_entity *risk);

#endif
