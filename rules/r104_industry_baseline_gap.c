/* R104 industry-baseline-gap: a threat the plan's industry baseline lists
 * that no risk assesses. */
#include <stdlib.h>
#include <string.h>

#include "rule_util.h"

#include "base/alloc.h"

enum { NOT_ASSESSED, ASSESSED, LISTED };

/* The baseline entry as an indexable threat, or NULL. */
static const bcp_entity *baseline_threat(const bcp_value *v, const bcp_entity_list *threats)
{
    const bcp_entity *t = v->kind == BCP_V_IDENT ? v->as.ident.target
                        : v->kind == BCP_V_REF   ? v->as.ref.target
                                                 : NULL;
    return bcp_rule_in_list(t, threats) ? t : NULL;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_entity *plan = bcp_model_plan(model);
    if (!plan)
        return;
    const bcp_attr *industry_attr = bcp_entity_attr(plan, "industry");
    bcp_entity *industry = bcp_entity_ref(plan, "industry");
    if (!industry_attr || !industry)
        return;
    size_t baseline_count;
    const bcp_value *baseline = bcp_rule_items(bcp_entity_value(industry, "baseline"), &baseline_count);
    if (baseline_count == 0)
        return;

    const bcp_entity_list *threats = bcp_model_entities(model, BCP_KIND_THREAT);
    unsigned char *state = bcp_calloc(threats->count ? threats->count : 1, 1);
    if (!state)
        return;
    const bcp_entity_list *risks = bcp_model_entities(model, BCP_KIND_RISK);
    for (size_t i = 0; i < risks->count; i++) {
        const bcp_entity *t = bcp_entity_ref(risks->items[i], "threat");
        if (bcp_rule_in_list(t, threats))
            state[t->ordinal] = ASSESSED;
    }

    size_t capacity = 1;
    for (size_t i = 0; i < baseline_count; i++) {
        const bcp_entity *t = baseline_threat(&baseline[i], threats);
        if (t)
            capacity += strlen(t->id) + 2;
    }
    char *names = bcp_malloc(capacity);
    if (!names) {
        bcp_free(state);
        return;
    }
    size_t used = 0, missing = 0;
    names[0] = '\0';
    for (size_t i = 0; i < baseline_count; i++) {
        const bcp_entity *t = baseline_threat(&baseline[i], threats);
        if (!t || state[t->ordinal] != NOT_ASSESSED)
            continue;
        state[t->ordinal] = LISTED;
        size_t n = strlen(t->id);
        if (missing++) {
            memcpy(names + used, ", ", 2);
            used += 2;
        }
        memcpy(names + used, t->id, n);
        used += n;
        names[used] = '\0';
    }
    if (missing)
        bcp_lint_report(ctx, &industry_attr->value.span,
                        "%zu threat%s of the `%s` industry baseline %s not assessed by any risk: %s", missing,
                        missing == 1 ? "" : "s", industry->id, missing == 1 ? "is" : "are", names);
    bcp_free(names);
    bcp_free(state);
}

const bcp_rule bcp_rule_industry_baseline_gap = {
    .code = "R104",
    .name = "industry-baseline-gap",
    .severity = BCP_SEV_WARNING,
    .summary = "A threat that the stdlib baseline of the plan's industry lists is not assessed by any risk.",
    .rationale = "Every industry has threats an auditor expects to see assessed (floods and equipment failure "
                 "for a factory, cyber attacks and liquidity for a bank). ISO 22301:2019 §8.2.3 requires a "
                 "systematic risk assessment, the FFIEC BCM booklet and DORA Art. 11 expect the institution's "
                 "known threat scenarios to be covered, and NIST SP 800-34 Rev.1 §3.2 asks for the threats "
                 "relevant to the organisation. The baseline is the stdlib's list for `plan.industry`.",
    .fix = "add a risk with `threat = <threat>` for each missing threat (a low rating is a valid assessment)",
    .check = check,
};
