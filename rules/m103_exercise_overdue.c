/* M103 exercise-overdue: an exercise whose next run is past, or that was
 * never held and never scheduled. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    bcp_interval default_every = bcp_rule_interval_or(ctx, "exercise_max_interval", bcp_interval_months(12));
    int32_t today = bcp_lint_today(ctx);
    const bcp_entity_list *exercises = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_EXERCISE);
    for (size_t i = 0; i < exercises->count; i++) {
        const bcp_entity *exercise = exercises->items[i];
        int32_t due;
        const bcp_attr *due_attr;
        if (!bcp_exercise_due(exercise, default_every, &due, &due_attr)) {
            bcp_lint_report(ctx, &exercise->id_span,
                            "exercise `%s` has never been held (`last`) and is not scheduled (`next`)",
                            exercise->id);
            continue;
        }
        if (!bcp_is_overdue(due, today))
            continue;
        bcp_lint_report(ctx, &due_attr->value.span, "exercise `%s` was due on %s and is %s overdue", exercise->id,
                        bcp_rule_date_label(due).text, bcp_rule_days(bcp_days_overdue(due, today)).text);
    }
}

const bcp_rule bcp_rule_exercise_overdue = {
    .code = "M103",
    .name = "exercise-overdue",
    .severity = BCP_SEV_WARNING,
    .summary = "An exercise is past its next date (or last + interval), or was never held nor scheduled.",
    .rationale = "Untested plans fail in use. ISO 22301:2019 §8.5 requires exercises at planned intervals, "
                 "NIST SP 800-34 Rev.1 §3.5 and NIST SP 800-53 CP-4 require the plan to be tested at least "
                 "annually, DORA Art. 11(6) requires yearly testing, and the seed plans run natural-disaster, "
                 "IT and supply-chain drills every year. Without `every`, the profile's "
                 "`exercise_max_interval` applies.",
    .fix = "hold the exercise and record `last = YYYY-MM-DD`, or schedule it with `next = YYYY-MM-DD`",
    .check = check,
};
