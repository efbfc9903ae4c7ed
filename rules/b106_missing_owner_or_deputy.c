/* B106 missing-owner-or-deputy: a critical function nobody leads, or whose
 * leader has no stand-in. */
#include "rule_util.h"

static bool team_has_stand_in(const bcp_entity *team)
{
    if (bcp_entity_ref(team, "deputy"))
        return true;
    const bcp_value *members = bcp_entity_value(team, "members");
    /* A team of two or more can stand in for itself. */
    return members && members->kind == BCP_V_LIST && members->as.list.count >= 2;
}

static void check(bcp_lint_ctx *ctx)
{
    size_t cursor = 0;
    for (const bcp_entity *function; (function = bcp_rule_next_critical_function(bcp_lint_model(ctx), &cursor));) {
        const bcp_attr *owner_attr = bcp_entity_attr(function, "owner");
        if (!owner_attr) {
            bcp_lint_report(ctx, &function->id_span, "critical function `%s` has no owner to lead its recovery",
                            function->id);
            continue;
        }
        if (bcp_entity_attr(function, "deputy"))
            continue;
        const bcp_entity *owner = bcp_entity_ref(function, "owner");
        if (!owner || (owner->kind == BCP_KIND_TEAM && team_has_stand_in(owner)))
            continue;
        bcp_lint_report(ctx, &owner_attr->key_span,
                        "critical function `%s` has an owner but no deputy to stand in for %s `%s`", function->id,
                        bcp_kind_name(owner->kind), owner->id);
    }
}

const bcp_rule bcp_rule_missing_owner_or_deputy = {
    .code = "B106",
    .name = "missing-owner-or-deputy",
    .severity = BCP_SEV_WARNING,
    .summary = "A critical function has no owner, or its owner has no deputy.",
    .rationale = "Someone has to lead each function's recovery, and that person may be the one who is "
                 "unavailable. ISO 22301:2019 §5.3 and §8.4.2 require roles with authority and named "
                 "alternates, NIST SP 800-34 Rev.1 §3.6 (plan development, roles and responsibilities) asks "
                 "for a primary and alternate for each role, and the seed plans name a deputy for every lead.",
    .fix = "add `owner = contact.<id>` and `deputy = contact.<id>` (a different person)",
    .check = check,
};
