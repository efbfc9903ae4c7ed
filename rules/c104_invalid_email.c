/* C104 invalid-email: e-mail addresses that cannot be delivered as written. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rule.h"

/* A practical subset of RFC 5321/5322 addr-spec: dot-atom local part, dotted
 * domain with a letter TLD; letters and digits of any script (IDN). */
static const char email_pattern[] =
    "^(?!\\.)(?!.*\\.\\.)[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}(?<!\\.)@"
    "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}$";

static const char *const email_attrs[] = {"email", "alt_email"};
static const bcp_kind email_kinds[] = {BCP_KIND_CONTACT, BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE};

static void check(bcp_lint_ctx *ctx)
{
    int error;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)email_pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                   &error, &offset, NULL);
    if (!re)
        return;
    pcre2_match_data *match = pcre2_match_data_create_from_pattern(re, NULL);
    if (!match) {
        pcre2_code_free(re);
        return;
    }
    bcp_model *model = bcp_lint_model(ctx);
    for (size_t k = 0; k < sizeof email_kinds / sizeof email_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, email_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            for (size_t a = 0; a < sizeof email_attrs / sizeof email_attrs[0]; a++) {
                const bcp_value *v = bcp_entity_value(e, email_attrs[a]);
                /* Invalid UTF-8 fails the match too, which is the right verdict. */
                if (!v || v->kind != BCP_V_STRING ||
                    pcre2_match(re, (PCRE2_SPTR)v->as.string.text, v->as.string.length, 0, 0, match, NULL) >= 0)
                    continue;
                bcp_lint_report(ctx, &v->span, "`%s` of %s `%s` is not a valid e-mail address: \"%s\"",
                                email_attrs[a], bcp_kind_name(e->kind), e->id, v->as.string.text);
            }
        }
    }
    pcre2_match_data_free(match);
    pcre2_code_free(re);
}

const bcp_rule bcp_rule_invalid_email = {
    .code = "C104",
    .name = "invalid-email",
    .severity = BCP_SEV_ERROR,
    .summary = "An e-mail address is malformed.",
    .rationale = "A malformed address bounces when the notice matters most. ISO 22301:2019 §8.4.3 requires "
                 "working communication procedures, NIST SP 800-34 Rev.1 §3.6 and NIST SP 800-53 CP-2 "
                 "require current contact information; the check follows the addr-spec of RFC 5322 "
                 "(local part, @, a dotted domain with a top-level domain).",
    .fix = "correct the address, e.g. \"name@example.com\" (no spaces, one @, a domain with a dot)",
    .check = check,
};
