/* C106 slow-first-notice: a scenario whose first notice goes out later than
 * the profile allows (24 hours in the seed plans). */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    int64_t limit = bcp_rule_threshold_or(ctx, "first_notice_max", 24 * 3600);
    const bcp_entity_list *scenarios = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_SCENARIO);
    for (size_t i = 0; i < scenarios->count; i++) {
        const bcp_entity *scenario = scenarios->items[i];
        int64_t within;
        if (!bcp_entity_duration(scenario, "within", &within) || within <= limit)
            continue;
        bcp_lint_report(ctx, &bcp_entity_attr(scenario, "within")->value.span,
                        "scenario `%s` sends its first notice within %s; it must go out within %s", scenario->id,
                        bcp_rule_duration_label(within).text, bcp_rule_duration_label(limit).text);
    }
}

const bcp_rule bcp_rule_slow_first_notice = {
    .code = "C106",
    .name = "slow-first-notice",
    .severity = BCP_SEV_WARNING,
    .summary = "A scenario's first notice is due later than 24 hours (or the profile's limit).",
    .rationale = "A notice that arrives a day late lets the disruption spread unmanaged. The seed plans start "
                 "communication within 24 hours at the latest (供应链断裂: 24小时内启动); ISO 22301:2019 "
                 "§8.4.3 requires timely communication, and DORA Art. 11(2)(e) and Art. 19 set hour-scale "
                 "deadlines for first notifications. The limit is the profile's `first_notice_max`.",
    .fix = "shorten `within` to 24h or less (hours for IT outages)",
    .check = check,
};
