/* M106 finding-overdue: an improvement item still open after its due date. */
#include <string.h>

#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    /* 0d (or unset): overdue from the day after `due` */
    bcp_interval grace = bcp_rule_interval_or(ctx, "finding_grace", bcp_interval_seconds(0));
    int32_t today = bcp_lint_today(ctx);
    const bcp_entity_list *findings = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_FINDING);
    for (size_t i = 0; i < findings->count; i++) {
        const bcp_entity *finding = findings->items[i];
        int32_t due;
        if (!bcp_finding_overdue(finding, grace, today, &due))
            continue;
        const bcp_value *status = bcp_entity_value(finding, "status");
        const char *state = status && status->kind == BCP_V_IDENT ? status->as.ident.name : "open";
        bcp_lint_report(ctx, &bcp_entity_attr(finding, "due")->value.span,
                        "finding `%s` is still %s, %s after its due date %s", finding->id,
                        strcmp(state, "open") == 0 ? "open" : "in progress", bcp_rule_days(today - due).text,
                        bcp_rule_date_label(due).text);
    }
}

const bcp_rule bcp_rule_finding_overdue = {
    .code = "M106",
    .name = "finding-overdue",
    .severity = BCP_SEV_WARNING,
    .summary = "An improvement item from an exercise or review is still open past its due date.",
    .rationale = "Exercises are worth only the fixes they lead to. ISO 22301:2019 §10.1 requires "
                 "nonconformities to be corrected and §8.5 exercise results to be acted on, NIST SP 800-34 "
                 "Rev.1 §3.5.4 and SP 800-53 CP-4 require corrective actions from tests, and the seed plans "
                 "keep an exercise improvement record (演练改进记录). The grace period is the profile's "
                 "`finding_grace`.",
    .fix = "close the item (`status = done` with `closed = YYYY-MM-DD`), or agree a new `due` date",
    .check = check,
};
