/* B108 single-source-supplier: a supplier a critical function cannot do
 * without, with no alternate and too little stock to bridge the RTO. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *suppliers = bcp_model_entities(model, BCP_KIND_SUPPLIER);
    for (size_t i = 0; i < suppliers->count; i++) {
        const bcp_entity *supplier = suppliers->items[i];
        if (!bcp_is_critical(supplier))
            continue;
        const bcp_value *alternates = bcp_entity_value(supplier, "alternates");
        if (alternates && (alternates->kind != BCP_V_LIST || alternates->as.list.count > 0))
            continue;

        const bcp_entity *needed_by = NULL;
        int64_t min_rto = -1;
        const bcp_entity_list *referrers = bcp_model_referrers(model, supplier);
        for (size_t r = 0; r < referrers->count; r++) {
            const bcp_entity *function = referrers->items[r];
            /* A function can refer to a supplier only through `needs`. */
            if (function->kind != BCP_KIND_FUNCTION || !bcp_is_critical(function))
                continue;
            int64_t rto;
            if (!needed_by)
                needed_by = function;
            if (bcp_entity_duration(function, "rto", &rto) && (min_rto < 0 || rto < min_rto)) {
                min_rto = rto;
                needed_by = function;
            }
        }
        if (!needed_by)
            continue;

        int64_t stock;
        bool has_stock = bcp_entity_duration(supplier, "stock", &stock);
        if (has_stock && (min_rto < 0 || stock >= min_rto))
            continue;
        if (has_stock) {
            bcp_lint_report(ctx, &bcp_entity_attr(supplier, "stock")->value.span,
                            "supplier `%s` has no alternate, and its %s of stock does not cover the %s RTO of function `%s`",
                            supplier->id, bcp_rule_duration_label(stock).text, bcp_rule_duration_label(min_rto).text,
                            needed_by->id);
        } else {
            bcp_lint_report(ctx, &supplier->id_span,
                            "critical function `%s` depends on supplier `%s`, which has no alternate and no stock on hand",
                            needed_by->id, supplier->id);
        }
    }
}

const bcp_rule bcp_rule_single_source_supplier = {
    .code = "B108",
    .name = "single-source-supplier",
    .severity = BCP_SEV_WARNING,
    .summary = "A critical function depends on a supplier with no alternate and stock shorter than the RTO.",
    .rationale = "A sole supplier's failure becomes the organisation's failure unless stock bridges the gap "
                 "until it recovers. ISO 22301:2019 §8.3.2 lists suppliers among the resources strategies must "
                 "cover, the FFIEC BCM booklet requires third-party dependencies to be addressed, DORA Art. 11 "
                 "and Art. 28 require exit and substitution arrangements, and the seed plans require framework "
                 "agreements with alternate suppliers and two weeks of stock.",
    .fix = "name an alternate with `alternates = [supplier.<id>]`, or hold `stock` that covers the RTO of "
           "the functions that need it",
    .check = check,
};
