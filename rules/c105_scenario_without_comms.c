/* C105 scenario-without-comms: a scenario that does not say who is told,
 * how, or by when. */
#include <stdio.h>

#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *scenarios = bcp_model_entities(model, BCP_KIND_SCENARIO);
    for (size_t i = 0; i < scenarios->count; i++) {
        const bcp_entity *scenario = scenarios->items[i];
        bool who = bcp_rule_has_items(scenario, "notify");
        bool how = bcp_rule_has_items(scenario, "channels");
        bool when = bcp_entity_value(scenario, "within") != NULL;
        /* Message blocks of the scenario may carry the audience, channels and timing instead. */
        const bcp_entity_list *referrers = bcp_model_referrers(model, scenario);
        for (size_t r = 0; r < referrers->count && !(who && how && when); r++) {
            const bcp_entity *message = referrers->items[r];
            if (message->kind != BCP_KIND_MESSAGE || bcp_entity_ref(message, "scenario") != scenario)
                continue;
            who = who || bcp_rule_has_items(message, "audience") || bcp_rule_has_items(message, "recipients");
            how = how || bcp_rule_has_items(message, "channels");
            when = when || bcp_entity_value(message, "within") != NULL;
        }
        if (who && how && when)
            continue;
        char missing[96];
        int used = 0;
        const char *parts[3] = {who ? NULL : "nobody to notify", how ? NULL : "no channel",
                                when ? NULL : "no deadline for the first notice"};
        for (int p = 0; p < 3; p++)
            if (parts[p])
                used += snprintf(missing + used, sizeof missing - (size_t)used, "%s%s", used ? ", " : "", parts[p]);
        bcp_lint_report(ctx, &scenario->id_span, "scenario `%s` has no communication plan: %s", scenario->id,
                        missing);
    }
}

const bcp_rule bcp_rule_scenario_without_comms = {
    .code = "C105",
    .name = "scenario-without-comms",
    .severity = BCP_SEV_WARNING,
    .summary = "A scenario names nobody to notify, no channel, or no deadline for the first notice.",
    .rationale = "Every incident starts with telling the right people fast. ISO 22301:2019 §8.4.3 requires "
                 "procedures for internal and external communication stating what, when, with whom and how; "
                 "NIST SP 800-34 Rev.1 §3.6.1 (notification/activation phase) requires notification "
                 "procedures per scenario; the seed plans give each scenario a first and second contact, the "
                 "channels and the time limit.",
    .fix = "add `notify = [contact.<id>, ...]`, `channels = [phone, email]` and `within = 2h` to the scenario "
           "(or a message block with `scenario = scenario.<id>` that carries them)",
    .check = check,
};
