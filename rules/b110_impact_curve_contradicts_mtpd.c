/* B110 impact-curve-contradicts-mtpd */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *functions = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_FUNCTION);
    for (size_t i = 0; i < functions->count; i++) {
        const bcp_entity *function = functions->items[i];
        bcp_curve_check c;
        bcp_curve_verdict v = bcp_function_curve_check(function, &c);
        const bcp_attr *mtpd = bcp_entity_attr(function, "mtpd");
        if (v == BCP_CURVE_EARLY) {
            bcp_lint_report(ctx, &mtpd->value.span,
                            "function `%s` tolerates %s of disruption, but its %s impact is already intolerable after %s",
                            function->id, bcp_rule_duration_label(c.mtpd).text, bcp_impact_kinds[c.kind],
                            bcp_rule_duration_label(c.intolerable_after).text);
        } else if (v == BCP_CURVE_NEVER) {
            bcp_lint_report(ctx, &mtpd->value.span,
                            "function `%s` sets an MTPD of %s, but its impact curve never becomes intolerable "
                            "(no band reaches %d)",
                            function->id, bcp_rule_duration_label(c.mtpd).text, BCP_IMPACT_INTOLERABLE);
        }
    }
}

const bcp_rule bcp_rule_impact_curve_contradicts_mtpd = {
    .code = "B110",
    .name = "impact-curve-contradicts-mtpd",
    .severity = BCP_SEV_WARNING,
    .summary = "A function's MTPD does not match its own impact-over-time curve.",
    .rationale = "The maximum tolerable period of disruption is the point at which the impact of losing the "
                 "function becomes unacceptable, and the impact bands (`impact { after = ... }`) say when that "
                 "happens: the first band where any kind of impact reaches 4 (major) or more. An MTPD later "
                 "than that band tolerates a disruption the analysis itself calls intolerable; an MTPD with a "
                 "curve that never becomes intolerable has no support in the analysis. ISO 22301:2019 §8.2.2 "
                 "derives the MTPD from the impacts over time.",
    .fix = "set the MTPD to the first intolerable band's time, or correct the impact scores",
    .check = check,
};
