/* B107 person-single-point-of-failure: one person carries too many critical
 * functions, stands in for themself, or is a key person nobody can replace. */
#include <stdlib.h>

#include "rule_util.h"

#include "base/alloc.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    int64_t limit = bcp_rule_threshold_or(ctx, "max_critical_functions_per_owner", 3);
    const bcp_entity_list *contacts = bcp_model_entities(model, BCP_KIND_CONTACT);
    size_t *owned = bcp_calloc(contacts->count ? contacts->count : 1, sizeof *owned);
    if (!owned)
        return;

    size_t cursor = 0;
    for (const bcp_entity *function; (function = bcp_rule_next_critical_function(model, &cursor));) {
        const bcp_entity *owner = bcp_entity_ref(function, "owner");
        const bcp_entity *deputy = bcp_entity_ref(function, "deputy");
        if (owner && owner->kind == BCP_KIND_CONTACT && bcp_rule_in_list(owner, contacts))
            owned[owner->ordinal]++;
        if (owner && owner == deputy)
            bcp_lint_report(ctx, &bcp_entity_attr(function, "deputy")->value.span,
                            "contact `%s` is both owner and deputy of critical function `%s`: nobody stands in",
                            owner->id, function->id);

        size_t n;
        const bcp_value *key_people = bcp_rule_items(bcp_entity_value(function, "key_people"), &n);
        for (size_t k = 0; k < n; k++) {
            const bcp_entity *person = bcp_rule_ref_target(&key_people[k]);
            if (!person)
                continue;
            const bcp_entity *substitute = bcp_entity_ref(person, "substitute");
            if (!substitute || substitute == person)
                bcp_lint_report(ctx, &key_people[k].span,
                                "key person `%s` of critical function `%s` has no substitute", person->id,
                                function->id);
        }
    }

    for (size_t c = 0; c < contacts->count; c++) {
        if ((int64_t)owned[c] <= limit)
            continue;
        const bcp_entity *contact = contacts->items[c];
        bcp_lint_report(ctx, &contact->id_span,
                        "contact `%s` owns %zu critical functions (more than %lld): losing this person stalls all of them",
                        contact->id, owned[c], (long long)limit);
    }
    bcp_free(owned);
}

const bcp_rule bcp_rule_person_single_point_of_failure = {
    .code = "B107",
    .name = "person-single-point-of-failure",
    .severity = BCP_SEV_WARNING,
    .summary = "One person owns too many critical functions, is owner and deputy of the same one, "
               "or is a key person without a substitute.",
    .rationale = "People are a resource the BIA must treat like any other: ISO 22301:2019 §8.2.2 requires the "
                 "resources of prioritised activities, including people, to be identified, and §8.3.2 "
                 "requires strategies for them; NIST SP 800-34 Rev.1 §3.6 asks for alternates for every "
                 "role, and the seed plans require a succession plan for key posts (e.g. the maintenance "
                 "technician). The number of critical functions one person may own is the profile's "
                 "`max_critical_functions_per_owner`.",
    .fix = "spread ownership of critical functions, name a different deputy, and give each key person a "
           "`substitute`",
    .check = check,
};
