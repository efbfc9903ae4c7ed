/* R101 uncovered-severe-risk: a risk in the top bands of the likelihood x
 * impact matrix that nothing treats. */
#include <string.h>

#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    /* The band boundary is the matrix the plan uses, so read it from the catalogue. */
    int64_t high_min = bcp_severe_risk_min_score(model);
    /* A profile may be stricter than the plan's matrix, never laxer: what the
       document colours "high" is always in scope. */
    int64_t profile_min = bcp_lint_threshold(ctx, "severe_risk_min_score");
    if (profile_min > 0 && profile_min < high_min)
        high_min = profile_min;

    const bcp_entity_list *risks = bcp_model_entities(model, BCP_KIND_RISK);
    for (size_t i = 0; i < risks->count; i++) {
        const bcp_entity *risk = risks->items[i];
        int likelihood = bcp_entity_score(risk, "likelihood");
        int impact = bcp_entity_score(risk, "impact");
        int score = bcp_risk_score(risk);
        if (score == 0 || score < high_min)
            continue;
        if (bcp_risk_treated(model, risk))
            continue;
        const bcp_entity *level = bcp_risk_level(model, score);
        bcp_lint_report(ctx, &risk->id_span,
                        "risk `%s` is %s (likelihood %d x impact %d = %d) but has no strategy and no scenario covering it",
                        risk->id, level ? level->id : "severe", likelihood, impact, score);
    }
}

const bcp_rule bcp_rule_uncovered_severe_risk = {
    .code = "R101",
    .name = "uncovered-severe-risk",
    .severity = BCP_SEV_ERROR,
    .summary = "A high or critical risk has no treatment strategy and no scenario that covers it.",
    .rationale = "Risks at the top of the likelihood x impact matrix are the ones the plan exists for. "
                 "ISO 22301:2019 §8.2.3 requires the organisation to decide which risks require treatment, "
                 "and §8.3 to select business continuity strategies and solutions for them; NIST SP 800-34 "
                 "Rev.1 §3.4 requires recovery strategies for the disruptions the risk assessment identifies. "
                 "Severe means likelihood x impact in the `high` band of the plan's risk_level matrix or above "
                 "(stdlib: 12 of 25), or from the profile's `severe_risk_min_score` when that is lower.",
    .fix = "state how the risk is treated with `strategy = \"...\"`, or add it to the `risks` of a scenario "
           "that describes the response",
    .check = check,
};
