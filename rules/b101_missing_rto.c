/* B101 missing-rto: a critical function states no recovery time objective. */
#include "rule.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *functions = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_FUNCTION);
    for (size_t i = 0; i < functions->count; i++) {
        const bcp_entity *f = functions->items[i];
        if (!bcp_entity_bool(f, "critical", true) || bcp_entity_attr(f, "rto"))
            continue;
        if (bcp_entity_attr(f, "mtpd"))
            bcp_lint_report(ctx, &f->id_span, "critical function `%s` states an MTPD but no RTO", f->id);
        else
            bcp_lint_report(ctx, &f->id_span, "critical function `%s` has no RTO and no MTPD", f->id);
    }
}

const bcp_rule bcp_rule_missing_rto = {
    .code = "B101",
    .name = "missing-rto",
    .severity = BCP_SEV_ERROR,
    .summary = "A critical function has no recovery time objective (RTO).",
    .rationale = "The business impact analysis sets, for each prioritised activity, the time within "
                 "which it must be resumed: ISO 22301:2019 §8.2.2 c)-d) (MTPD and RTO), NIST SP "
                 "800-34 Rev. 1 §3.2.1 (MTD, RTO, RPO), FFIEC BCM booklet \"Business Impact "
                 "Analysis\". Without an RTO no recovery strategy can be judged sufficient.",
    .fix = "state `rto = 24h` (and the maximum tolerable disruption, `mtpd = 72h`), or `critical = false`",
    .check = check,
};
