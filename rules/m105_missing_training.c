/* M105 missing-training: no onboarding or no periodic training, or the
 * periodic training is overdue. */
#include "rule_util.h"

static bool is_when(const bcp_entity *training, const char *when)
{
    const bcp_value *v = bcp_entity_value(training, "when");
    if (!v)
        return false;
    const char *word = v->kind == BCP_V_IDENT ? v->as.ident.name : v->kind == BCP_V_STRING ? v->as.string.text : "";
    for (; *when && *word == *when; when++, word++)
        ;
    return !*when && !*word;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_entity *plan = bcp_model_plan(model);
    if (!plan)
        return;
    bcp_interval max_interval = bcp_rule_interval_or(ctx, "training_max_interval", bcp_interval_months(12));
    int32_t today = bcp_lint_today(ctx);
    bool onboarding = false, periodic = false, periodic_current = false;
    const bcp_entity *latest = NULL;
    int32_t latest_day = 0, latest_due = 0;
    const bcp_entity_list *trainings = bcp_model_entities(model, BCP_KIND_TRAINING);
    for (size_t i = 0; i < trainings->count; i++) {
        const bcp_entity *training = trainings->items[i];
        if (is_when(training, "onboarding")) {
            onboarding = true;
            continue;
        }
        if (!is_when(training, "periodic"))
            continue;
        periodic = true;
        bcp_interval every;
        if (!bcp_entity_interval(training, "every", &every) || bcp_interval_cmp(every, max_interval) > 0)
            every = max_interval;
        int32_t last;
        /* A programme that has not run yet is not overdue; one that ran must run again in time. */
        if (!bcp_entity_date(training, "last", &last) || !bcp_is_overdue(bcp_date_add(last, every), today)) {
            periodic_current = true;
        } else if (!latest || last > latest_day) {
            latest = training;
            latest_day = last;
            latest_due = bcp_date_add(last, every);
        }
    }
    if (!onboarding)
        bcp_lint_report(ctx, &plan->id_span,
                        "the plan has no onboarding training (`training { when = onboarding ... }`)");
    if (!periodic)
        bcp_lint_report(ctx, &plan->id_span,
                        "the plan has no periodic training (`training { when = periodic every = 1y ... }`)");
    else if (!periodic_current && latest)
        bcp_lint_report(ctx, &bcp_entity_attr(latest, "last")->value.span,
                        "periodic training `%s` was last held on %s and was due again on %s: %s overdue",
                        latest->id, bcp_rule_date_label(latest_day).text, bcp_rule_date_label(latest_due).text,
                        bcp_rule_days(bcp_days_overdue(latest_due, today)).text);
}

const bcp_rule bcp_rule_missing_training = {
    .code = "M105",
    .name = "missing-training",
    .severity = BCP_SEV_WARNING,
    .summary = "The plan has no onboarding training, no periodic training, or the periodic training is overdue.",
    .rationale = "People carry out the plan; they must know it when they join and keep knowing it. ISO "
                 "22301:2019 §7.2 (competence) and §7.3 (awareness) require training and awareness, NIST "
                 "SP 800-53 CP-3 requires contingency training on assuming a role and at least annually, "
                 "DORA Art. 13(6) requires resilience training, and the seed plans train new staff on "
                 "joining and everyone yearly. The interval is the profile's `training_max_interval`.",
    .fix = "add `training onboarding { when = onboarding ... }` and `training yearly { when = periodic every = 1y "
           "last = YYYY-MM-DD ... }`",
    .check = check,
};
