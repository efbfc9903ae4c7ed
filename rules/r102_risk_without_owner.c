/* R102 risk-without-owner */
#include "rule.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *risks = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_RISK);
    for (size_t i = 0; i < risks->count; i++) {
        const bcp_entity *risk = risks->items[i];
        if (!bcp_entity_value(risk, "owner"))
            bcp_lint_report(ctx, &risk->id_span, "risk `%s` has no owner", risk->id);
    }
}

const bcp_rule bcp_rule_risk_without_owner = {
    .code = "R102",
    .name = "risk-without-owner",
    .severity = BCP_SEV_WARNING,
    .summary = "A risk names nobody who is accountable for it.",
    .rationale = "A risk without an owner is monitored by no one and its treatment is carried out by no one. "
                 "ISO 22301:2019 §8.2.3 (risk assessment) and ISO 31000 require risks to be assigned for "
                 "treatment, and the FFIEC BCM booklet expects management to assign responsibility for each "
                 "identified risk.",
    .fix = "add `owner = contact.<id>` or `owner = team.<id>`",
    .check = check,
};
