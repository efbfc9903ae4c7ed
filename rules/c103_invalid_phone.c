/* C103 invalid-phone: phone numbers that cannot be dialled as written. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "rule.h"

/* E.164-ish: an optional + or 00, then digits grouped by spaces and at most one
 * dot, dash or slash between groups, area codes optionally in parentheses, and
 * an optional extension.  Every repetition consumes a digit, so matching stays linear. */
static const char phone_pattern[] =
    "^(?:\\+|00)?[ ]?((?:\\([0-9]{1,5}\\)|[0-9])(?:[ ]*[./-]?[ ]*(?:\\([0-9]{1,5}\\)|[0-9]))*)"
    "(?:[ ]*(?:ext\\.?|x|#|\xe8\xbd\xac|\xe5\x88\x86\xe6\x9c\xba)[ ]*[0-9]{1,6})?$";

static const char *const phone_attrs[] = {"phone", "alt_phone"};
static const bcp_kind phone_kinds[] = {BCP_KIND_CONTACT, BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE};

static bool plausible(pcre2_code *re, pcre2_match_data *match, const char *text, size_t length)
{
    if (pcre2_match(re, (PCRE2_SPTR)text, length, 0, 0, match, NULL) < 0)
        return false;
    PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(match);
    size_t digits = 0;
    for (PCRE2_SIZE i = ovector[2]; i < ovector[3]; i++)
        digits += text[i] >= '0' && text[i] <= '9';
    /* E.164 allows at most 15 digits; short service numbers (110, 999) have 3. */
    return digits >= 3 && digits <= 15;
}

static void check(bcp_lint_ctx *ctx)
{
    int error;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)phone_pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_CASELESS,
                                   &error, &offset, NULL);
    if (!re)
        return;
    pcre2_match_data *match = pcre2_match_data_create_from_pattern(re, NULL);
    if (!match) {
        pcre2_code_free(re);
        return;
    }
    bcp_model *model = bcp_lint_model(ctx);
    for (size_t k = 0; k < sizeof phone_kinds / sizeof phone_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, phone_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            for (size_t a = 0; a < sizeof phone_attrs / sizeof phone_attrs[0]; a++) {
                const bcp_value *v = bcp_entity_value(e, phone_attrs[a]);
                if (!v || v->kind != BCP_V_STRING || plausible(re, match, v->as.string.text, v->as.string.length))
                    continue;
                bcp_lint_report(ctx, &v->span, "`%s` of %s `%s` is not a valid phone number: \"%s\"",
                                phone_attrs[a], bcp_kind_name(e->kind), e->id, v->as.string.text);
            }
        }
    }
    pcre2_match_data_free(match);
    pcre2_code_free(re);
}

const bcp_rule bcp_rule_invalid_phone = {
    .code = "C103",
    .name = "invalid-phone",
    .severity = BCP_SEV_ERROR,
    .summary = "A phone number is not a dialable number (E.164 style: +, digits, spaces, dashes, parentheses).",
    .rationale = "A wrong number in the call list is found out at the worst moment. ISO 22301:2019 §8.4.3 "
                 "requires communication procedures that work, NIST SP 800-34 Rev.1 §3.6 (notification) and "
                 "NIST SP 800-53 CP-2 require up-to-date contact information, and ITU-T E.164 defines a number "
                 "as at most 15 digits after the international prefix.",
    .fix = "write the number in international form, e.g. \"+86 21 5555 0100\" (digits, spaces, dashes, "
           "parentheses, an optional leading + and an optional extension)",
    .check = check,
};
