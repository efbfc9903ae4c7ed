/* M101 stale-review: the plan, or an entry with its own review date, was
 * reviewed longer ago than its interval; risks are re-assessed half-yearly. */
#include "rule_util.h"

static const bcp_kind reviewed_kinds[] = {
    BCP_KIND_SITE,     BCP_KIND_RISK,     BCP_KIND_FUNCTION, BCP_KIND_SYSTEM,   BCP_KIND_ASSET,
    BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE, BCP_KIND_CONTACT,  BCP_KIND_SCENARIO,
};

static void report_stale(bcp_lint_ctx *ctx, const bcp_entity *e, int32_t reviewed, int64_t interval,
                         const char *why)
{
    bcp_lint_report(ctx, &bcp_entity_attr(e, "reviewed")->value.span,
                    "%s `%s` was last reviewed on %s, %lld days ago; it is due every %s%s", bcp_kind_name(e->kind),
                    bcp_rule_entity_name(e), bcp_rule_date_label(reviewed).text,
                    (long long)(bcp_lint_today(ctx) - reviewed), bcp_rule_duration_label(interval).text, why);
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    int32_t today = bcp_lint_today(ctx);
    int64_t plan_interval = bcp_rule_threshold_or(ctx, "review_max_interval", 365 * 86400LL);
    int64_t risk_interval = bcp_rule_threshold_or(ctx, "risk_review_max_interval", 182 * 86400LL);
    bcp_entity *plan = bcp_model_plan(model);
    int32_t plan_reviewed = 0;
    bool plan_has_date = false;
    if (plan) {
        int64_t own;
        if (bcp_entity_duration(plan, "review_every", &own) && own > 0)
            plan_interval = own;
        plan_has_date = bcp_entity_date(plan, "reviewed", &plan_reviewed);
        if (!plan_has_date)
            bcp_lint_report(ctx, &plan->id_span, "the plan has no review date (`reviewed`)");
        else if (bcp_rule_is_older_than(plan_reviewed, today, plan_interval))
            report_stale(ctx, plan, plan_reviewed, plan_interval, "");
    }
    if (risk_interval > plan_interval)
        risk_interval = plan_interval;

    bool risk_without_date = false;
    for (size_t k = 0; k < sizeof reviewed_kinds / sizeof reviewed_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, reviewed_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            int64_t own = 0;
            bool has_own = bcp_entity_duration(e, "review_every", &own) && own > 0;
            int32_t reviewed;
            if (!bcp_entity_date(e, "reviewed", &reviewed)) {
                if (has_own)
                    bcp_lint_report(ctx, &bcp_entity_attr(e, "review_every")->key_span,
                                    "%s `%s` has its own review interval but no review date (`reviewed`)",
                                    bcp_kind_name(e->kind), e->id);
                else if (e->kind == BCP_KIND_RISK)
                    risk_without_date = true; /* reviewed with the plan */
                continue;
            }
            int64_t interval = has_own ? own : e->kind == BCP_KIND_RISK ? risk_interval : plan_interval;
            if (bcp_rule_is_older_than(reviewed, today, interval))
                report_stale(ctx, e, reviewed, interval, "");
        }
    }
    /* Risks without their own date were assessed in the last plan review, which must then be recent
       enough for the half-yearly risk review. */
    if (plan && plan_has_date && risk_without_date && risk_interval < plan_interval &&
        bcp_rule_is_older_than(plan_reviewed, today, risk_interval) &&
        !bcp_rule_is_older_than(plan_reviewed, today, plan_interval))
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
