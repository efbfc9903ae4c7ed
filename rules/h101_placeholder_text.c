/* H101 placeholder-text: TODO, TBD, FIXME, XXX, 待定, 待补充 or ??? left in a text.
 * The pattern is shared (rule_util.c) so that rules checking the form of a
 * text leave placeholders to this one. */
#include "rule_util.h"

static void check_value(bcp_lint_ctx *ctx, const bcp_entity *e, const char *attr, const bcp_value *v,
                        bcp_rule_regex *placeholder)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            check_value(ctx, e, attr, &v->as.list.items[i], placeholder);
        return;
    }
    if (v->kind != BCP_V_STRING || !bcp_rule_is_placeholder(placeholder, v->as.string.text, v->as.string.length))
        return;
    size_t start, end;
    bcp_rule_regex_group(placeholder, 0, &start, &end);
    bcp_lint_report(ctx, &v->span, "placeholder `%.*s` in `%s` of %s `%s`", (int)(end - start),
                    v->as.string.text + start, attr, bcp_kind_name(e->kind), bcp_rule_entity_name(e));
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_rule_regex *placeholder = bcp_rule_placeholder_regex();
    if (!placeholder)
        return;
    const bcp_model *m = bcp_lint_model(ctx);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        if (k == BCP_KIND_CONFIG)
            continue;
        const bcp_entity_list *list = bcp_model_entities(m, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->from_stdlib)
                continue;
            for (size_t a = 0; a < e->attr_count; a++)
                check_value(ctx, e, e->attrs[a].name, &e->attrs[a].value, placeholder);
        }
    }
    bcp_rule_regex_free(placeholder);
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
