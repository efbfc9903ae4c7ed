/* H101 placeholder-text: TODO, TBD, FIXME, XXX, 待定, 待补充 or ??? left in a text. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "rule.h"

static const char placeholder_pattern[] = "\\b(?:TODO|TBD|FIXME|XXX)\\b|待定|待补充|\\?\\?\\?";

static void check_value(bcp_lint_ctx *ctx, const bcp_entity *e, const char *attr, const bcp_value *v,
                        pcre2_code *re, pcre2_match_data *match)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            check_value(ctx, e, attr, &v->as.list.items[i], re, match);
        return;
    }
    if (v->kind != BCP_V_STRING || !v->as.string.text)
        return;
    int rc = pcre2_match(re, (PCRE2_SPTR)v->as.string.text, v->as.string.length, 0, 0, match, NULL);
    if (rc < 0)
        return;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(match);
    bcp_lint_report(ctx, &v->span, "placeholder `%.*s` in `%s` of %s `%s`", (int)(ov[1] - ov[0]),
                    v->as.string.text + ov[0], attr, bcp_kind_name(e->kind), e->id ? e->id : bcp_kind_name(e->kind));
}

static void check(bcp_lint_ctx *ctx)
{
    int err;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)placeholder_pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
                                   &err, &offset, NULL);
    if (!re)
        return;
    pcre2_match_data *match = pcre2_match_data_create_from_pattern(re, NULL);
    bcp_model *m = bcp_lint_model(ctx);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        if (k == BCP_KIND_CONFIG)
            continue;
        const bcp_entity_list *list = bcp_model_entities(m, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->from_stdlib)
                continue;
            for (size_t a = 0; a < e->attr_count; a++)
                check_value(ctx, e, e->attrs[a].name, &e->attrs[a].value, re, match);
        }
    }
    pcre2_match_data_free(match);
    pcre2_code_free(re);
}

const bcp_rule bcp_rule_placeholder_text = {
    .code = "H101",
    .name = "placeholder-text",
    .severity = BCP_SEV_WARNING,
    .summary = "A text still holds a placeholder such as TODO, TBD, FIXME, XXX, 待定, 待补充 or ???.",
    .rationale = "A plan with unfinished entries is not ready for approval: ISO 22301:2019 §7.5.2 "
                 "requires documented information to be reviewed and approved for suitability and "
                 "adequacy, and NIST SP 800-34 Rev. 1 §3.6 expects a complete plan before it is tested.",
    .fix = "replace the placeholder with the real content, or remove the entry until it is known",
    .check = check,
};
