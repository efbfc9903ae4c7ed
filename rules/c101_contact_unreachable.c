/* C101 contact-unreachable: a contact has no phone number and no e-mail address. */
#include "rule.h"

#include "model/derive.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_entity_list *contacts = bcp_model_entities(bcp_lint_model(ctx), BCP_KIND_CONTACT);
    for (size_t i = 0; i < contacts->count; i++) {
        const bcp_entity *c = contacts->items[i];
        if (bcp_contact_reachable(c))
            continue;
        bcp_lint_report(ctx, &c->id_span, "contact `%s` has no phone number and no e-mail address", c->id);
    }
}

const bcp_rule bcp_rule_contact_unreachable = {
    .code = "C101",
    .name = "contact-unreachable",
    .severity = BCP_SEV_ERROR,
    .summary = "A contact has neither a phone number nor an e-mail address.",
    .rationale = "A contact list is only useful if people can be reached in a crisis: ISO 22301:2019 "
                 "§8.4.3 (communication procedures), NIST SP 800-34 Rev. 1 Appendix C (contact "
                 "information of personnel and vendors), FFIEC BCM booklet \"Communications\".",
    .fix = "add `phone = \"+...\"` or `email = \"...\"` to the contact",
    .check = check,
};
