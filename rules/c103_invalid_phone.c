/* C103 invalid-phone: phone numbers that cannot be dialled as written. */
#include "rule_util.h"

/* E.164-ish: an optional + or 00, then digits grouped by spaces and at most one
 * dot, dash or slash between groups, area codes optionally in parentheses, and
 * an optional extension.  Every repetition consumes a digit, so matching stays linear. */
static const char phone_pattern[] =
    "^(?:\\+|00)?[ ]?((?:\\([0-9]{1,5}\\)|[0-9])(?:[ ]*[./-]?[ ]*(?:\\([0-9]{1,5}\\)|[0-9]))*)"
    "(?:[ ]*(?:ext\\.?|x|#|\xe8\xbd\xac|\xe5\x88\x86\xe6\x9c\xba)[ ]*[0-9]{1,6})?$";

static const char *const phone_attrs[] = {"phone", "alt_phone"};

/* Called after the pattern matched: group 1 holds the number without the extension. */
static bool plausible(bcp_rule_regex *re, const char *text, size_t length)
{
    (void)length;
    size_t start, end, digits = 0;
    bcp_rule_regex_group(re, 1, &start, &end);
    for (size_t i = start; i < end; i++)
        digits += text[i] >= '0' && text[i] <= '9';
    /* E.164 allows at most 15 digits; short service numbers (110, 999) have 3. */
    return digits >= 3 && digits <= 15;
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_rule_check_contact_details(ctx, phone_attrs, sizeof phone_attrs / sizeof phone_attrs[0], "phone number",
                                   phone_pattern, BCP_RULE_RE_CASELESS, plausible);
}

const bcp_rule bcp_rule_invalid_phone = {
    .code = "C103",
    .name = "invalid-phone",
    .severity = BCP_SEV_ERROR,
    .summary = "A phone number is not a dialable number (E.164 style: +, digits, spaces, dashes, parentheses).",
    .rationale = "A wrong number in the call list is found out at the worst moment. ISO 22301:2019 §8.4.3 "
                 "requires communication procedures that work, NIST SP 800-34 Rev.1 §3.6 (notification) and "
                 "NIST SP 800-53 CP-2 require up-to-date contact information, and ITU-T E.164 defines a number "
                 "as at most 15 digits after the international prefix. A placeholder such as \"TODO: phone\" is "
                 "left to H101 placeholder-text.",
    .fix = "write the number in international form, e.g. \"+86 21 5555 0100\" (digits, spaces, dashes, "
           "parentheses, an optional leading + and an optional extension)",
    .check = check,
};
