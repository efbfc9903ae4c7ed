/* B103 dependency-rto-inversion: a function cannot recover before what it needs. */
#include "rule_util.h"

/* How long the dependency stays unavailable after an incident, or false when the plan does not say. */
static bool recovery_time(const bcp_entity *dep, int64_t *seconds, const char **what)
{
    switch (dep->kind) {
    case BCP_KIND_SYSTEM:
    case BCP_KIND_FUNCTION:
        *what = "RTO";
        return bcp_entity_duration(dep, "rto", seconds);
    case BCP_KIND_SUPPLIER: {
        int64_t sla, stock;
        *what = "SLA";
        if (!bcp_entity_duration(dep, "sla", &sla))
            return false;
        /* Stock on hand bridges the supplier's restoration time. */
        if (bcp_entity_duration(dep, "stock", &stock) && stock >= sla)
            return false;
        *seconds = sla;
        return true;
    }
    default:
        return false;
    }
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *functions = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_FUNCTION);
    for (size_t i = 0; i < functions->count; i++) {
        const bcp_entity *function = functions->items[i];
        int64_t rto;
        if (!bcp_entity_duration(function, "rto", &rto))
            continue;
        size_t n;
        const bcp_value *needs = bcp_rule_items(bcp_entity_value(function, "needs"), &n);
        for (size_t k = 0; k < n; k++) {
            const bcp_entity *dep = bcp_rule_ref_target(&needs[k]);
            int64_t dep_time;
            const char *what;
            if (!dep || dep == function || !recovery_time(dep, &dep_time, &what) || dep_time <= rto)
                continue;
            bcp_lint_report(ctx, &needs[k].span,
                            "function `%s` (RTO %s) needs %s `%s`, whose %s is %s: the function cannot recover in time",
                            function->id, bcp_rule_duration_label(rto).text, bcp_kind_name(dep->kind), dep->id, what,
                            bcp_rule_duration_label(dep_time).text);
        }
    }
}

const bcp_rule bcp_rule_dependency_rto_inversion = {
    .code = "B103",
    .name = "dependency-rto-inversion",
    .severity = BCP_SEV_ERROR,
    .summary = "A function needs a system, supplier or function that recovers more slowly than the function's RTO.",
    .rationale = "A function is back only when everything it needs is back, so each dependency's recovery "
                 "time must fit inside the function's RTO. NIST SP 800-34 Rev.1 §3.2.2 requires recovery "
                 "priorities and RTOs of supporting system resources to be consistent with the business "
                 "process RTO, and ISO 22301:2019 §8.2.2 requires the resources and dependencies of "
                 "prioritised activities to be identified with their recovery time frames.",
    .fix = "shorten the dependency's RTO (or the supplier's SLA, or hold stock covering it), "
           "or relax the function's RTO",
    .check = check,
};
