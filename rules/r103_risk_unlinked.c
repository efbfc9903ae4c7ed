/* R103 risk-unlinked: a risk that names nothing it threatens. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *risks = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_RISK);
    for (size_t i = 0; i < risks->count; i++) {
        const bcp_entity *risk = risks->items[i];
        if (!bcp_rule_has_items(risk, "threatens") && !bcp_rule_has_items(risk, "sites"))
            bcp_lint_report(ctx, &risk->id_span,
                            "risk `%s` names no function, system, supplier, site or resource it threatens",
                            risk->id);
    }
}

const bcp_rule bcp_rule_risk_unlinked = {
    .code = "R103",
    .name = "risk-unlinked",
    .severity = BCP_SEV_WARNING,
    .summary = "A risk names no function, site or resource it threatens.",
    .rationale = "The risk assessment has to be tied to the impact analysis: ISO 22301:2019 §8.2.3 asks for "
                 "the risks of disruption to the prioritised activities and the resources they need, and "
                 "NIST SP 800-34 Rev.1 §3.2 links threats to the business processes they disrupt. A risk "
                 "that threatens nothing in the plan cannot be prioritised or covered by a strategy.",
    .fix = "add `threatens = [function.<id>, system.<id>, ...]` or `sites = [site.<id>]`",
    .check = check,
};
