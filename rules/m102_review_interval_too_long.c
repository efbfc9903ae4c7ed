/* M102 review-interval-too-long: a review cycle longer than the profile allows. */
#include "rule_util.h"

static const bcp_kind reviewed_kinds[] = {
    BCP_KIND_PLAN,     BCP_KIND_SITE,     BCP_KIND_RISK,    BCP_KIND_FUNCTION, BCP_KIND_SYSTEM,
    BCP_KIND_ASSET,    BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE, BCP_KIND_CONTACT, BCP_KIND_SCENARIO,
};

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    int64_t max_interval = bcp_rule_threshold_or(ctx, "review_max_interval", BCP_SECONDS_PER_YEAR);
    int64_t risk_max = bcp_rule_threshold_or(ctx, "risk_review_max_interval", max_interval);
    if (risk_max > max_interval)
        risk_max = max_interval;
    for (size_t k = 0; k < sizeof reviewed_kinds / sizeof reviewed_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, reviewed_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            int64_t every;
            if (!bcp_entity_duration(e, "review_every", &every))
                continue;
            int64_t limit = e->kind == BCP_KIND_RISK ? risk_max : max_interval;
            if (every <= limit)
                continue;
            bcp_lint_report(ctx, &bcp_entity_attr(e, "review_every")->value.span,
                            "%s `%s` is reviewed every %s; the profile requires a review at least every %s",
                            bcp_kind_name(e->kind), e->id, bcp_rule_duration_label(every).text,
                            bcp_rule_duration_label(limit).text);
        }
    }
}

const bcp_rule bcp_rule_review_interval_too_long = {
    .code = "M102",
    .name = "review-interval-too-long",
    .severity = BCP_SEV_WARNING,
    .summary = "A review interval (`review_every`) is longer than a year, or than the profile allows.",
    .rationale = "Annual review is the floor every framework sets: ISO 22301:2019 §9.3 (management review at "
                 "planned intervals, read as at least yearly by certification bodies), NIST SP 800-53 CP-2 "
                 "(review the contingency plan at least annually), the FFIEC BCM booklet (annual board "
                 "review) and DORA Art. 6(5) (yearly review). Risks follow the seed plans' half-yearly "
                 "re-assessment. Limits: the profile's `review_max_interval` and `risk_review_max_interval`.",
    .fix = "shorten `review_every` to 1y or less (6mo for risks)",
    .check = check,
};
