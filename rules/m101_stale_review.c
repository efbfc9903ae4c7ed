/* M101 stale-review: the plan, or an entry with its own review date, was
 * reviewed longer ago than its interval; risks are re-assessed half-yearly. */
#include "rule_util.h"

static const bcp_kind reviewed_kinds[] = {
    BCP_KIND_SITE,     BCP_KIND_RISK,     BCP_KIND_FUNCTION, BCP_KIND_SYSTEM,   BCP_KIND_ASSET,
    BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE, BCP_KIND_CONTACT,  BCP_KIND_SCENARIO,
};

static void report_stale(bcp_lint_ctx *ctx, const bcp_entity *e, int32_t reviewed, bcp_interval every,
                         const char *why)
{
    int32_t due = bcp_date_add(reviewed, every);
    bcp_lint_report(ctx, &bcp_entity_attr(e, "reviewed")->value.span,
                    "%s `%s` was last reviewed on %s and was due again on %s (every %s): %s overdue%s",
                    bcp_kind_name(e->kind), bcp_rule_entity_name(e), bcp_rule_date_label(reviewed).text,
                    bcp_rule_date_label(due).text, bcp_rule_duration_label(every.seconds).text,
                    bcp_rule_days(bcp_days_overdue(due, bcp_lint_today(ctx))).text, why);
}

/* Is a review on `reviewed`, due again after `every`, overdue today? */
static bool stale(const bcp_lint_ctx *ctx, int32_t reviewed, bcp_interval every)
{
    return bcp_is_overdue(bcp_date_add(reviewed, every), bcp_lint_today(ctx));
}

/* Entries with a review date of their own; *risk_without_date is set when a
 * risk has none (it is then re-assessed with the plan). */
static void check_entries(bcp_lint_ctx *ctx, bcp_interval plan_interval, bcp_interval risk_interval,
                          bool *risk_without_date)
{
    const bcp_model *model = bcp_lint_model(ctx);
    for (size_t k = 0; k < sizeof reviewed_kinds / sizeof reviewed_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, reviewed_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            bcp_interval own;
            bool has_own = bcp_entity_interval(e, "review_every", &own);
            int32_t reviewed;
            if (!bcp_entity_date(e, "reviewed", &reviewed)) {
                if (has_own)
                    bcp_lint_report(ctx, &bcp_entity_attr(e, "review_every")->key_span,
                                    "%s `%s` has its own review interval but no review date (`reviewed`)",
                                    bcp_kind_name(e->kind), e->id);
                else if (e->kind == BCP_KIND_RISK)
                    *risk_without_date = true; /* reviewed with the plan */
                continue;
            }
            bcp_interval every = has_own ? own : e->kind == BCP_KIND_RISK ? risk_interval : plan_interval;
            if (stale(ctx, reviewed, every))
                report_stale(ctx, e, reviewed, every, "");
        }
    }
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_interval plan_interval = bcp_rule_interval_or(ctx, "review_max_interval", bcp_interval_months(12));
    bcp_interval risk_interval = bcp_rule_interval_or(ctx, "risk_review_max_interval", bcp_interval_months(6));
    bcp_entity *plan = bcp_model_plan(model);
    int32_t plan_reviewed = 0;
    bool plan_has_date = false;
    if (plan) {
        /* the plan's own cycle, as the document names its next review */
        bcp_entity_interval(plan, "review_every", &plan_interval);
        plan_has_date = bcp_entity_date(plan, "reviewed", &plan_reviewed);
        if (!plan_has_date)
            bcp_lint_report(ctx, &plan->id_span, "the plan has no review date (`reviewed`)");
        else if (stale(ctx, plan_reviewed, plan_interval))
            report_stale(ctx, plan, plan_reviewed, plan_interval, "");
    }
    if (bcp_interval_cmp(risk_interval, plan_interval) > 0)
        risk_interval = plan_interval;

    bool risk_without_date = false;
    check_entries(ctx, plan_interval, risk_interval, &risk_without_date);
    /* Risks without their own date were assessed in the last plan review, which must then be recent
       enough for the half-yearly risk review. */
    if (plan && plan_has_date && risk_without_date && bcp_interval_cmp(risk_interval, plan_interval) < 0 &&
        stale(ctx, plan_reviewed, risk_interval) && !stale(ctx, plan_reviewed, plan_interval))
        report_stale(ctx, plan, plan_reviewed, risk_interval,
                     " for its risk assessment (give risks their own `reviewed` date when they are re-assessed separately)");
}

const bcp_rule bcp_rule_stale_review = {
    .code = "M101",
    .name = "stale-review",
    .severity = BCP_SEV_WARNING,
    .summary = "The plan, or an entry with its own review date, was reviewed longer ago than its interval.",
    .rationale = "A plan is only as good as its last review: people leave, numbers change, suppliers go. ISO "
                 "22301:2019 §9.3 requires management review at planned intervals and §8.2.3 a risk "
                 "assessment kept current, NIST SP 800-34 Rev.1 §3.7 (plan maintenance) and NIST SP 800-53 "
                 "CP-2 require review at least annually, and the seed plans re-assess risks every half year "
                 "(每半年复核一次风险评估结果). Intervals come from `review_every`, else the profile's "
                 "`review_max_interval` (plan and entries) and `risk_review_max_interval` (risks).",
    .fix = "review the entry and update `reviewed = YYYY-MM-DD`",
    .check = check,
};
