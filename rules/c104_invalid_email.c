/* C104 invalid-email: e-mail addresses that cannot be delivered as written. */
#include "rule_util.h"

/* A practical subset of RFC 5321/5322 addr-spec: dot-atom local part, dotted
 * domain with a letter TLD; letters and digits of any script (IDN). */
static const char email_pattern[] =
    "^(?!\\.)(?!.*\\.\\.)[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\\.)@"
    "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}$";

static const char *const email_attrs[] = {"email", "alt_email"};

static void check(bcp_lint_ctx *ctx)
{
    bcp_rule_check_contact_details(ctx, email_attrs, sizeof email_attrs / sizeof email_attrs[0], "e-mail address",
                                   email_pattern, BCP_RULE_RE_UCP | BCP_RULE_RE_JIT, NULL);
}

const bcp_rule bcp_rule_invalid_email = {
    .code = "C104",
    .name = "invalid-email",
    .severity = BCP_SEV_ERROR,
    .summary = "An e-mail address is malformed.",
    .rationale = "A malformed address bounces when the notice matters most. ISO 22301:2019 §8.4.3 requires "
                 "working communication procedures, NIST SP 800-34 Rev.1 §3.6 and NIST SP 800-53 CP-2 "
                 "require current contact information; the check follows the addr-spec of RFC 5322 "
                 "(local part, @, a dotted domain with a top-level domain). A placeholder such as \"TODO: e-mail\" "
                 "is left to H101 placeholder-text.",
    .fix = "correct the address, e.g. \"name@example.com\" (no spaces, one @, a domain with a dot)",
    .check = check,
};
