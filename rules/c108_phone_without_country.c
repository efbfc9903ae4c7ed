/* C108 phone-without-country: a national phone number in a plan that does not
 * say which country it belongs to, so that it can be neither checked nor
 * dialled from abroad. */
#include "phone_rule.h"

static void visit(bcp_lint_ctx *ctx, const bcp_phone_finding *phone)
{
    if (phone->result.verdict == BCP_PHONE_NO_COUNTRY)
        bcp_lint_report(ctx, &phone->value->span,
                        "`%s` of %s `%s` has no country code (\"%s\"), and neither its site nor the plan "
                        "states a `country`: it cannot be checked, nor dialled from abroad",
                        phone->attr, bcp_kind_name(phone->entity->kind), phone->entity->id, phone->quoted);
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_phone_each(ctx, visit);
}

const bcp_rule bcp_rule_phone_without_country = {
    .code = "C108",
    .name = "phone-without-country",
    .severity = BCP_SEV_WARNING,
    .summary = "A phone number without +country code, in a plan that does not state its country.",
    .rationale = "Whether 0301234567 is a number depends on the country: a national number can only be "
                 "checked, and dialled by a colleague or supplier abroad, when its country is known. ITU-T "
                 "E.164 defines the international form (+country code, then the national number); ISO "
                 "22301:2019 §8.4.3 requires communication procedures that work.",
    .fix = "write the number with its country code (\"+86 21 5555 0100\"), or state the country for "
           "national numbers: `country = \"CN\"` (an ISO 3166 code) in the plan, or on the site that the "
           "contact's `site` names",
    .check = check,
};
