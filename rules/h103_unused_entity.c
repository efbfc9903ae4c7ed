/* H103 unused-entity: a dependency or vocabulary entry the plan declares but
 * nothing refers to. */
#include "rule.h"

/* Kinds whose entries exist to be referred to.  Contacts, resources and teams
 * are left out: a call list or an emergency directory is useful unreferenced. */
static const bcp_kind referable_kinds[] = {
    BCP_KIND_SYSTEM,        BCP_KIND_ASSET,         BCP_KIND_SUPPLIER,         BCP_KIND_SITE,
    BCP_KIND_RISK_CATEGORY, BCP_KIND_THREAT,        BCP_KIND_CHANNEL,          BCP_KIND_INDUSTRY,
    BCP_KIND_SIZE,          BCP_KIND_EXERCISE_KIND, BCP_KIND_RESOURCE_KIND,    BCP_KIND_LIKELIHOOD_LEVEL,
    BCP_KIND_IMPACT_LEVEL,  BCP_KIND_AUDIENCE,
};

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    /* A module checked alone cannot see the plans that use it. */
    if (!bcp_model_plan(model))
        return;
    for (size_t k = 0; k < sizeof referable_kinds / sizeof referable_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, referable_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            if (e->from_stdlib || !e->id)
                continue;
            const bcp_entity_list *referrers = bcp_model_referrers(model, e);
            bool used = false;
            for (size_t r = 0; r < referrers->count && !used; r++)
                used = referrers->items[r] != e; /* referring to itself does not count */
            if (!used)
                bcp_lint_report(ctx, &e->id_span, "%s `%s` is defined but nothing refers to it",
                                bcp_kind_name(e->kind), e->id);
        }
    }
}

const bcp_rule bcp_rule_unused_entity = {
    .code = "H103",
    .name = "unused-entity",
    .severity = BCP_SEV_INFO,
    .summary = "A system, asset, supplier, site or vocabulary entry is defined but nothing refers to it.",
    .rationale = "An entry nothing depends on is either a forgotten dependency (a system no function lists "
                 "in `needs`, so its RTO and backups are never checked against the BIA) or dead weight that "
                 "goes stale. ISO 22301:2019 §8.2.2 requires the resources of prioritised activities to be "
                 "identified, which means linked to the activities, and §7.5.3 asks for documented "
                 "information to be kept current.",
    .fix = "link the entry where it is used (e.g. add it to a function's `needs`), or delete it",
    .check = check,
};
