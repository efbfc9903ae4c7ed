/* M107 milestone-overdue: an implementation step past its due date and not done. */
#include <string.h>

#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    int32_t today = bcp_lint_today(ctx);
    const bcp_entity_list *milestones = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_MILESTONE);
    for (size_t i = 0; i < milestones->count; i++) {
        const bcp_entity *milestone = milestones->items[i];
        int32_t due;
        if (!bcp_milestone_overdue(milestone, today, &due))
            continue;
        const bcp_value *status = bcp_entity_value(milestone, "status");
        bool started = status && status->kind == BCP_V_IDENT && strcmp(status->as.ident.name, "in_progress") == 0;
        bcp_lint_report(ctx, &bcp_entity_attr(milestone, "due")->value.span,
                        "milestone `%s` is %s, %s after its due date %s", milestone->id,
                        started ? "still in progress" : "not started", bcp_rule_days(today - due).text,
                        bcp_rule_date_label(due).text);
    }
}

const bcp_rule bcp_rule_milestone_overdue = {
    .code = "M107",
    .name = "milestone-overdue",
    .severity = BCP_SEV_WARNING,
    .summary = "An implementation milestone is past its due date and not done.",
    .rationale = "A continuity programme that slips its own implementation plan is not yet in place, "
                 "whatever the document says. ISO 22301:2019 §6.2 requires objectives with what will be done, "
                 "by whom and by when, and §9.1 that progress be monitored; NIST SP 800-34 Rev.1 §3.7 asks "
                 "for the plan to be maintained as its steps are completed. Today is the date the run "
                 "uses everywhere (--today, SOURCE_DATE_EPOCH or the clock).",
    .fix = "mark the step `status = done` when it is finished, or agree a new `due` date and record it",
    .check = check,
};
