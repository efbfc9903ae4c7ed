/* B102 rto-exceeds-mtpd */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *functions = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_FUNCTION);
    for (size_t i = 0; i < functions->count; i++) {
        const bcp_entity *function = functions->items[i];
        int64_t rto, mtpd;
        if (!bcp_entity_duration(function, "rto", &rto) || !bcp_entity_duration(function, "mtpd", &mtpd) ||
            rto <= mtpd)
            continue;
        bcp_lint_report(ctx, &bcp_entity_attr(function, "rto")->value.span,
                        "function `%s` plans to recover in %s, after its maximum tolerable disruption of %s",
                        function->id, bcp_rule_duration_label(rto).text, bcp_rule_duration_label(mtpd).text);
    }
}

const bcp_rule bcp_rule_rto_exceeds_mtpd = {
    .code = "B102",
    .name = "rto-exceeds-mtpd",
    .severity = BCP_SEV_ERROR,
    .summary = "A function's RTO is longer than its maximum tolerable period of disruption.",
    .rationale = "The MTPD is the point at which the disruption becomes unacceptable; recovery planned for "
                 "later than that is planned failure. ISO 22301:2019 §8.2.2 requires the prioritised time "
                 "frame (RTO) to be set within the MTPD, and NIST SP 800-34 Rev.1 §3.2.1 requires the RTO to "
                 "be shorter than the maximum tolerable downtime (MTD).",
    .fix = "shorten the RTO below the MTPD, or correct the MTPD if the business tolerates a longer outage",
    .check = check,
};
