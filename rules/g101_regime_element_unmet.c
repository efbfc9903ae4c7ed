/* G101 regime-element-unmet: an element of a regulatory regime that applies
 * to the plan (`plan.regimes`, or `bcp check --regime`) is not met.  Whether
 * an element is met is decided by compiler/model/regime.c, the same code the
 * compliance crosswalk of the document reads. */
#include <stdio.h>
#include <string.h>

#include "rule_util.h"

#include "model/regime.h"
#include "regime_status.h"

enum { MAX_REGIMES = 64 };

/* Where a regime's findings go: its item in `plan.regimes`, else the plan. */
static const bcp_span *regime_span(const bcp_entity *plan, const bcp_entity *regime)
{
    const bcp_value *v = plan ? bcp_entity_value(plan, "regimes") : NULL;
    for (size_t i = 0; v && v->kind == BCP_V_LIST && i < v->as.list.count; i++) {
        const bcp_value *it = &v->as.list.items[i];
        if (it->kind == BCP_V_IDENT && it->as.ident.target == regime)
            return &it->span;
    }
    return NULL;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    size_t extra_count;
    const char *const *extra = bcp_lint_extra_regimes(ctx, &extra_count);
    const bcp_entity *regimes[MAX_REGIMES];
    size_t n = bcp_regimes_applying(model, extra, extra_count, regimes, MAX_REGIMES);
    const bcp_entity *plan = bcp_model_plan(model);
    for (size_t r = 0; r < n; r++) {
        bcp_element_status_list list = {0};
        bcp_regime_evaluate(model, regimes[r], &list);
        const bcp_span *span = regime_span(plan, regimes[r]);
        for (size_t i = 0; i < list.count; i++) {
            const bcp_element_status *s = &list.items[i];
            if (s->met)
                continue;
            char message[512];
            bcp_regime_unmet_message(s, message, sizeof message);
            bcp_diag *d = bcp_lint_report(ctx, span, "%s", message);
            const bcp_value *req = bcp_entity_value(s->element, "require");
            if (req && req->kind == BCP_V_LIST && s->failed < req->as.list.count &&
                req->as.list.items[s->failed].kind == BCP_V_STRING)
                bcp_diag_set_hint(d, "the plan must satisfy: %s", req->as.list.items[s->failed].as.string.text);
        }
        bcp_element_status_list_free(&list);
    }
}

const bcp_rule bcp_rule_regime_element_unmet = {
    .code = "G101",
    .name = "regime-element-unmet",
    .severity = BCP_SEV_WARNING,
    .summary = "An element of a regulatory regime the plan must meet (plan.regimes or --regime) is not met.",
    .rationale = "Continuity plans in regulated sectors are written against the element lists of their "
                 "regulators: FINRA Rule 4370(c) lists ten elements every broker-dealer's plan must address, "
                 "FCA SYSC 15A asks for important business services with impact tolerances, 45 CFR "
                 "164.308(a)(7) for a data backup, disaster recovery and emergency mode operation plan. "
                 "Each regime of stdlib/regimes/ lists its elements with the clause they cite and the "
                 "queries over the plan that meet them; the finding names the regime, the element and "
                 "its clause (docs/regimes.md).",
    .fix = "add what the element asks for (the help line quotes the query), or accept the gap with a "
           "`deviation` stating why",
    .check = check,
};

bcp_regime_verdict bcp_regime_verdict_of(const bcp_element_status *s, const bcp_lint_deviation_list *accepted)
{
    if (s->met)
        return BCP_REGIME_MET;
    char message[512];
    bcp_regime_unmet_message(s, message, sizeof message);
    for (size_t i = 0; accepted && i < accepted->count; i++)
        if (strcmp(accepted->items[i].code, bcp_rule_regime_element_unmet.code) == 0 &&
            accepted->items[i].message && strcmp(accepted->items[i].message, message) == 0)
            return BCP_REGIME_ACCEPTED;
    return BCP_REGIME_NOT_MET;
}

const char *bcp_regime_verdict_name(bcp_regime_verdict v)
{
    return v == BCP_REGIME_MET ? "met" : v == BCP_REGIME_ACCEPTED ? "accepted deviation" : "not met";
}
