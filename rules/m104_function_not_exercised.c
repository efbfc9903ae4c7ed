/* M104 function-not-exercised: a critical function that no recent exercise
 * covered, directly or through a scenario that disrupts it. */
#include <stdlib.h>

#include "rule_util.h"

#include "base/alloc.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_interval max_age = bcp_rule_interval_or(ctx, "function_exercise_max_age", bcp_interval_months(12));
    int32_t today = bcp_lint_today(ctx);
    const bcp_entity_list *functions = bcp_model_entities(model, BCP_KIND_FUNCTION);
    if (functions->count == 0)
        return;
    bool *covered = bcp_functions_exercised(model, max_age, today);
    if (!covered)
        return;

    for (size_t i = 0; i < functions->count; i++) {
        const bcp_entity *function = functions->items[i];
        if (covered[i] || !bcp_is_critical(function))
            continue;
        bcp_lint_report(ctx, &function->id_span,
                        "critical function `%s` was not covered by any exercise held in the last %s", function->id,
                        bcp_rule_duration_label(max_age.seconds).text);
    }
    bcp_free(covered);
}

const bcp_rule bcp_rule_function_not_exercised = {
    .code = "M104",
    .name = "function-not-exercised",
    .severity = BCP_SEV_WARNING,
    .summary = "A critical function was covered by no exercise in the last 12 months (or the profile's window).",
    .rationale = "Each critical function's recovery must be shown to work, not only the plan as a whole. ISO "
                 "22301:2019 §8.5 requires exercises that validate the business continuity strategies and "
                 "solutions over time, NIST SP 800-53 CP-4 requires testing the plan for the system, and DORA "
                 "Art. 11(6) requires testing of the plans for critical functions at least yearly. An "
                 "exercise covers a function when its `covers` names the function or a scenario whose "
                 "`functions` lists it; the window is the profile's `function_exercise_max_age`.",
    .fix = "add the function (or a scenario that disrupts it) to the `covers` of an exercise and hold it",
    .check = check,
};
