/* B105 missing-fallback: a critical function with no stated way of working
 * while it is down. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    size_t cursor = 0;
    for (const bcp_entity *function; (function = bcp_rule_next_critical_function(bcp_lint_model(ctx), &cursor));) {
        const bcp_value *fallback = bcp_entity_value(function, "fallback");
        /* `fallback = none` is an explicit decision, which is what the rule asks for. */
        if (fallback && (fallback->kind != BCP_V_STRING || !bcp_rule_is_blank(fallback->as.string.text)))
            continue;
        bcp_lint_report(ctx, fallback ? &fallback->span : &function->id_span,
                        "critical function `%s` has no fallback: nothing says how work continues while it is down",
                        function->id);
    }
}

const bcp_rule bcp_rule_missing_fallback = {
    .code = "B105",
    .name = "missing-fallback",
    .severity = BCP_SEV_WARNING,
    .summary = "A critical function states no alternate way of working (and not `fallback = none`).",
    .rationale = "Between the incident and recovery the business still has to operate: manual forms, a leased "
                 "machine, a backup supplier. ISO 22301:2019 §8.3.2 requires strategies to continue or recover "
                 "prioritised activities, including workarounds, and NIST SP 800-34 Rev.1 §3.4 asks for "
                 "alternate processing and manual workarounds. Stating `fallback = none` records that the gap "
                 "is a decision rather than an omission.",
    .fix = "describe the workaround with `fallback = \"...\"`, or write `fallback = none` if there is deliberately none",
    .check = check,
};
