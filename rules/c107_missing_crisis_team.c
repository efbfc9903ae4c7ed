/* C107 missing-crisis-team: no team with both a lead and a deputy. */
#include "rule.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_entity *plan = bcp_model_plan(model);
    if (!plan)
        return; /* a module alone may leave the team to the plan that uses it */
    const bcp_entity_list *teams = bcp_model_entities(model, BCP_KIND_TEAM);
    for (size_t i = 0; i < teams->count; i++) {
        const bcp_entity *lead = bcp_entity_ref(teams->items[i], "lead");
        const bcp_entity *deputy = bcp_entity_ref(teams->items[i], "deputy");
        if (lead && deputy && lead != deputy)
            return;
    }
    bcp_lint_report(ctx, &plan->id_span,
                    "the plan has no crisis team: no team names both a `lead` and a different `deputy`");
}

const bcp_rule bcp_rule_missing_crisis_team = {
    .code = "C107",
    .name = "missing-crisis-team",
    .severity = BCP_SEV_ERROR,
    .summary = "No team has both a lead and a deputy to direct the response.",
    .rationale = "Someone must take decisions from the first hour, and that person may be the one who is "
                 "hit. ISO 22301:2019 §8.4.2 requires an incident response structure of people with the "
                 "authority to act, NIST SP 800-34 Rev.1 §3.6 requires a team lead and an alternate, and the "
                 "seed plans set up a crisis management team with a head and a deputy (总负责人、副手).",
    .fix = "declare `team crisis { title = \"...\" lead = contact.<id> deputy = contact.<id> members = [...] }`",
    .check = check,
};
