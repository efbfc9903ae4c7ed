/* What the plan says happens when something is lost (docs/simulate.md): the
 * one home of the simulation's facts.  `bcp simulate`, the scenario impact
 * section of the document and rule B111 (loss-breaches-mtpd) all call it.
 *
 * Losing a set of entities stops every function that depends on one of them,
 * directly (a function's needs, sites, owner, key people) or through what it
 * depends on (a system's vendor and sites, an asset's site, a needed
 * function).  For each dependency lost, the plan's own recovery path gives
 * the time it is back: an alternate site after its `activation_time`, a
 * substitute or deputy at once, a DR site or a backup restore or the
 * system's RTO, an alternate supplier after `switch_time` (less the stock on
 * hand), a spare or alternate asset.  A function is back when the last of
 * what it needs is back; that time, against its RTO and MTPD, is the
 * verdict.  A loss that ends earlier (`duration`) brings everything back
 * when it ends.  Cost: linear in the edges of the affected part of the graph. */
#ifndef BCP_SIMULATE_H
#define BCP_SIMULATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* Worst last: a function's verdict is the worst of its causes. */
typedef enum bcp_sim_verdict {
    BCP_SIM_WITHIN_RTO,      /* back within its RTO (or no RTO is set) */
    BCP_SIM_RTO_MISSED,      /* back after its RTO, within its MTPD */
    BCP_SIM_TIME_UNKNOWN,    /* a recovery path, but the plan states no time for it */
    BCP_SIM_MTPD_BREACHED,   /* back only after its MTPD */
    BCP_SIM_NO_PATH,         /* the plan offers no way back */
} bcp_sim_verdict;

/* How a lost dependency comes back, in the order docs/simulate.md lists them. */
typedef enum bcp_sim_path {
    BCP_SIM_PATH_NONE,
    BCP_SIM_PATH_OTHER_SITE,         /* the function also runs at a site not lost */
    BCP_SIM_PATH_REMOTE_WORK,        /* the site's staff work remotely */
    BCP_SIM_PATH_ALTERNATE_SITE,     /* site alternate, after activation_time */
    BCP_SIM_PATH_SITE_FALLBACK,      /* the site's stated fallback (no time) */
    BCP_SIM_PATH_SUBSTITUTE,         /* a contact's substitute */
    BCP_SIM_PATH_DEPUTY,             /* the function's deputy for its owner */
    BCP_SIM_PATH_DR_SITE,            /* the system recovered at its dr_site within its RTO */
    BCP_SIM_PATH_BACKUP_RESTORE,     /* the system restored from a backup (restore_time) */
    BCP_SIM_PATH_SYSTEM_RTO,         /* the system recovered within its RTO */
    BCP_SIM_PATH_SYSTEM_FALLBACK,    /* the system's fallback (no time) */
    BCP_SIM_PATH_STOCK,              /* stock on hand outlasts the switch */
    BCP_SIM_PATH_ALTERNATE_SUPPLIER, /* supplier alternates, after switch_time */
    BCP_SIM_PATH_SUPPLIER_SLA,       /* the supplier restores service within its SLA */
    BCP_SIM_PATH_SUPPLIER_RECOVERS,  /* the supplier's switch_time (lead time) */
    BCP_SIM_PATH_SPARE_ASSET,        /* quantity > 1 */
    BCP_SIM_PATH_ALTERNATE_ASSET,    /* asset alternate (a resource's lead_time, a supplier's switch_time) */
    BCP_SIM_PATH_FUNCTION_RTO,       /* a lost function recovers within its own RTO */
    BCP_SIM_PATH_UPSTREAM,           /* back when the needed function is back */
    BCP_SIM_PATH_WORKAROUND,         /* the function's fallback or manual workaround (no time) */
    BCP_SIM_PATH_COUNT
} bcp_sim_path;

/* "within-rto", "rto-missed", "time-unknown", "mtpd-breached", "no-recovery-path". */
const char *bcp_sim_verdict_name(bcp_sim_verdict v);
/* "other-site", "alternate-site", ... ("none"). */
const char *bcp_sim_path_name(bcp_sim_path p);

typedef struct bcp_sim_function {
    const bcp_entity *function;
    /* Why: the function, what it depends on, ..., the lost entity (the
     * dependency that sets the recovery time, else the first one reached),
     * or up to the next function of the result, whose own chain goes on
     * from there (each function's links once: linear in the graph). */
    const bcp_entity **chain;
    size_t chain_length;
    const bcp_entity *dependency;   /* the function's own dependency that sets the time */
    bcp_sim_path path;              /* how the time-setting lost entity comes back */
    const bcp_entity *via;          /* the alternate, substitute, deputy, backup, DR site (or NULL) */
    bool timed;                     /* `recovery` is known */
    int64_t recovery;               /* seconds from the start of the loss */
    bool loss_ends;                 /* back because the loss ends (duration) before the plan's path */
    bool has_rto, has_mtpd;
    int64_t rto, mtpd;
    bcp_sim_verdict verdict;
} bcp_sim_function;

typedef struct bcp_sim_result {
    const bcp_entity **lost;
    size_t lost_count;
    bcp_sim_function *functions;    /* by priority, then source order */
    size_t function_count;
} bcp_sim_result;

/* One simulation as bcp.h hands it out (bcp_simulation) and as the report
 * (render/sim_report.c) lays it out: the result and what it ran. */
struct bcp_simulation {
    bcp_sim_result *result;        /* owned */
    const bcp_model *model;        /* the model the entities belong to (not owned) */
    const bcp_entity *scenario;    /* the scenario whose `loses` it ran, or NULL */
    int64_t duration;              /* seconds the loss lasts; 0: until recovered */
    bool has_start;
    int64_t start;                 /* seconds since 1970-01-01 00:00 UTC */
};

/* What `--each` tried: how many single losses of each kind, and how many of
 * them breach an MTPD (the report's summary line). */
typedef struct bcp_sim_each_summary {
    size_t simulated;
    size_t sites, systems, suppliers, people;
    size_t breaching;
} bcp_sim_each_summary;

/* Simulates losing `lost` (NULL entries skipped) for `duration` seconds
 * (0: until recovered).  Only the plan's own functions (not the stdlib's)
 * are reported.  Free with bcp_sim_result_free. */
bcp_sim_result *bcp_simulate_loss(const bcp_model *m, const bcp_entity *const *lost, size_t lost_count,
                                  int64_t duration);
void bcp_sim_result_free(bcp_sim_result *r);

/* The scenario's `loses`, simulated (until recovered); NULL when it loses
 * nothing.  The document's scenario impact section and --all-scenarios. */
bcp_sim_result *bcp_simulate_scenario(const bcp_model *m, const bcp_entity *scenario, int64_t duration);

/* Does the result breach an MTPD: a function back after its MTPD, or with no
 * way back at all and an MTPD set?  *function gets the first such function. */
bool bcp_sim_breaches_mtpd(const bcp_sim_result *r, const bcp_entity **function);

/* Can an entity of this kind be lost (site, system, supplier, contact, team,
 * resource, asset, function)? */
bool bcp_sim_losable(bcp_kind kind);

/* The single entities `--each` and rule B111 try in turn: every site,
 * system and supplier of the plan, and every key person (a contact that is
 * a function's owner, key person or need), in that order, then source
 * order.  Caller frees the array. */
const bcp_entity **bcp_sim_single_candidates(const bcp_model *m, size_t *count);

#endif
