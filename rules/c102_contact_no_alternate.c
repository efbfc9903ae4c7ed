/* C102 contact-no-alternate: a tier-1 contact reachable on one channel only. */
#include "rule_util.h"

/* Tier 1 by its own entry, or by sitting on a tier-1 team (the crisis team). */
static bool is_tier_one(const bcp_model *model, const bcp_entity *contact)
{
    int64_t tier;
    if (bcp_entity_integer(contact, "tier", &tier) && tier == 1)
        return true;
    const bcp_entity_list *referrers = bcp_model_referrers(model, contact);
    for (size_t i = 0; i < referrers->count; i++) {
        const bcp_entity *team = referrers->items[i];
        if (team->kind != BCP_KIND_TEAM)
            continue;
        int64_t team_tier = 1;
        bcp_entity_integer(team, "tier", &team_tier);
        if (team_tier == 1)
            return true;
    }
    return false;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *contacts = bcp_model_entities(model, BCP_KIND_CONTACT);
    for (size_t i = 0; i < contacts->count; i++) {
        const bcp_entity *contact = contacts->items[i];
        const char *only = NULL;
        size_t channels = bcp_contact_channel_count(contact, &only);
        /* No channel at all is contact-unreachable's finding. */
        if (channels != 1 || !is_tier_one(model, contact))
            continue;
        bcp_lint_report(ctx, &contact->id_span,
                        "tier-1 contact `%s` can be reached only by %s: one dead phone or mailbox cuts them off",
                        contact->id, only ? only : "one channel");
    }
}

const bcp_rule bcp_rule_contact_no_alternate = {
    .code = "C102",
    .name = "contact-no-alternate",
    .severity = BCP_SEV_WARNING,
    .summary = "A tier-1 contact (crisis team) has a single way to be reached.",
    .rationale = "The people who run the response must be reachable when networks are degraded. ISO "
                 "22301:2019 §8.4.3 requires communication arrangements that work during disruption, NIST SP "
                 "800-34 Rev.1 §3.6 (notification procedures) asks for primary and alternate contact "
                 "methods, and the seed plans require every tier's contact list to hold a backup contact "
                 "method (姓名、电话、备用联系方式).",
    .fix = "add a second channel: `alt_phone`, `email`, or `channels = [sms, wecom]`",
    .check = check,
};
