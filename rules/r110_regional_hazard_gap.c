/* R110 regional-hazard-gap: a site is in a region whose stdlib data rates a
 * hazard high, and no risk assesses that hazard there. */
#include "rule_util.h"

static const char *const level_words[] = {"", "low", "medium", "high"};

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    if (!bcp_model_plan(model))
        return;
    const bcp_entity_list *sites = bcp_model_entities(model, BCP_KIND_SITE);
    const bcp_entity_list *threats = bcp_model_entities(model, BCP_KIND_THREAT);
    const bcp_entity_list *risks = bcp_model_entities(model, BCP_KIND_RISK);
    for (size_t s = 0; s < sites->count; s++) {
        const bcp_entity *site = sites->items[s];
        const bcp_entity *region = bcp_site_region(site);
        const bcp_attr *region_attr = bcp_entity_attr(site, "region");
        if (site->from_stdlib || !region || !region_attr)
            continue;
        for (size_t t = 0; t < threats->count; t++) {
            const bcp_entity *threat = threats->items[t];
            const bcp_entity *rated_by;
            int level = bcp_region_hazard_level(region, threat, &rated_by);
            if (level < 3)
                continue;
            bool assessed = false;
            for (size_t r = 0; r < risks->count && !assessed; r++)
                assessed = bcp_risk_assesses_at(risks->items[r], threat, site);
            if (assessed)
                continue;
            bcp_diag *d = bcp_lint_report(ctx, &region_attr->value.span,
                                          "site `%s` is in %s, where `%s` is a %s hazard, and no risk assesses it there",
                                          site->id, bcp_entity_label(region), threat->id, level_words[level]);
            if (!d)
                continue;
            const char *source = bcp_region_hazard_source(rated_by, threat);
            bcp_diag_add_note(d, NULL, "region `%s` rates `%s` %s; source: %s", rated_by->id, threat->id,
                              level_words[level], source ? source : "(none given)");
        }
    }
}

const bcp_rule bcp_rule_regional_hazard_gap = {
    .code = "R110",
    .name = "regional-hazard-gap",
    .severity = BCP_SEV_WARNING,
    .summary = "A site is in a region whose stdlib data rates a hazard high, and no risk assesses that hazard at the site.",
    .rationale = "Where a site is decides which natural hazards it must plan for: typhoons in Shanghai, earthquakes "
                 "in Tokyo, hurricanes in New York; and which civil hazards a national risk register or threat "
                 "assessment rates there: terrorism in Singapore, a pandemic in the United Kingdom. ISO 22301:2019 §8.2.3 requires the risk assessment to cover the "
                 "risks of disruption the organisation faces, and the regional hazard ratings of the stdlib "
                 "(stdlib/core/regions_*.bcp, each citing its source such as GFDRR ThinkHazard!, the national "
                 "agency or the national risk register; docs/regions.md) say which ones those are at the site's `region`. A risk assesses the "
                 "hazard at the site when it names the threat and lists the site in `sites`, or lists no sites.",
    .fix = "add a risk with `threat = <threat>` and `sites = [site.<id>]` (a low rating after assessment is valid), "
           "or add the site to the `sites` of the risk that already assesses it",
    .check = check,
};
