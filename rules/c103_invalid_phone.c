/* C103 invalid-phone: phone numbers that cannot be dialled as written, judged
 * by the numbering plan of their country (libphonenumber, rules/phone_shim.h). */
#include <stdio.h>

#include "phone_rule.h"

/* Why the number fails, for the message: "it is too short for a number of DE (+49)". */
static void reason(const bcp_phone_result *r, char *out, size_t size)
{
    const char *why;
    switch (r->verdict) {
    case BCP_PHONE_NOT_A_NUMBER:
        snprintf(out, size, "it is not a phone number (letters or stray signs among the digits)");
        return;
    case BCP_PHONE_BAD_COUNTRY_CODE: snprintf(out, size, "no country has that calling code"); return;
    case BCP_PHONE_TOO_SHORT: why = "it is too short for a number"; break;
    case BCP_PHONE_TOO_LONG: why = "it is too long for a number"; break;
    case BCP_PHONE_BAD_LENGTH: why = "no number has that many digits"; break;
    default: why = "it is not a valid mobile, landline or service number"; break;
    }
    if (r->region[0])
        snprintf(out, size, "%s in %s (+%d)", why, r->region, r->country_code);
    else
        snprintf(out, size, "%s", why);
}

static void visit(bcp_lint_ctx *ctx, const bcp_phone_finding *phone)
{
    const bcp_phone_result *r = &phone->result;
    if (r->verdict == BCP_PHONE_VALID || r->verdict == BCP_PHONE_NO_COUNTRY || r->verdict == BCP_PHONE_UNKNOWN_REGION)
        return;
    char why[128];
    reason(r, why, sizeof why);
    bcp_lint_report(ctx, &phone->value->span, "`%s` of %s `%s` is not a valid phone number: \"%s\": %s", phone->attr,
                    bcp_kind_name(phone->entity->kind), phone->entity->id, phone->quoted, why);
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_phone_each(ctx, visit);
}

const bcp_rule bcp_rule_invalid_phone = {
    .code = "C103",
    .name = "invalid-phone",
    .severity = BCP_SEV_ERROR,
    .summary = "A phone number is not a number of its country's numbering plan (too short, too long, no such range).",
    .rationale = "A wrong number in the call list is found out at the worst moment. ISO 22301:2019 §8.4.3 "
                 "requires communication procedures that work, NIST SP 800-34 Rev.1 §3.6 (notification) and "
                 "NIST SP 800-53 CP-2 require up-to-date contact information. Each number is judged by the "
                 "numbering plan of its country (ITU-T E.164 and the national plans, as libphonenumber, the "
                 "reference implementation, records them): a number written with +country (or 00) by that "
                 "country's plan, a national number by the `country` of the entry's site or of the plan "
                 "(C108 phone-without-country asks for one when neither is known). Emergency and service "
                 "numbers such as 110, 112 or 999 are valid in their own country. A placeholder such as "
                 "\"TODO: phone\" is left to H101 placeholder-text.",
    .fix = "check the number and write it in international form, e.g. \"+86 21 5555 0100\" or "
           "\"+49 30 1234 5678\" (digits, spaces, dashes, parentheses, an optional extension)",
    .check = check,
};
