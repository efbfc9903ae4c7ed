/* B101 missing-rto: a critical function states no recovery time objective. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    size_t cursor = 0;
    for (const bcp_entity *f; (f = bcp_rule_next_critical_function(bcp_lint_model(ctx), &cursor));) {
        if (bcp_entity_attr(f, "rto"))
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
