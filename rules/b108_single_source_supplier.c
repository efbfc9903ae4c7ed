/* B108 single-source-supplier: a supplier a critical function cannot do
 * without, with no alternate and too little stock to bridge the time it takes
 * to get the supply again (its switching or lead time). */
#include "rule_util.h"

/* The critical function that needs `supplier`, or NULL.  A function can refer
 * to a supplier only through `needs`. */
static const bcp_entity *critical_user(const bcp_model *model, const bcp_entity *supplier)
{
    const bcp_entity_list *referrers = bcp_model_referrers(model, supplier);
    for (size_t r = 0; r < referrers->count; r++)
        if (referrers->items[r]->kind == BCP_KIND_FUNCTION && bcp_is_critical(referrers->items[r]))
            return referrers->items[r];
    return NULL;
}

/* How long it takes to get the supply again: `switch_time`, else the
 * contractual restore time `sla`.  *name gets the attribute it comes from. */
static bool replacement_time(const bcp_entity *supplier, int64_t *seconds, const char **name)
{
    static const char *const names[] = {"switch_time", "sla"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (bcp_entity_duration(supplier, names[i], seconds)) {
            *name = names[i];
            return true;
        }
    return false;
}

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
        const bcp_entity *needed_by = critical_user(model, supplier);
        if (!needed_by)
            continue;

        int64_t stock, replace;
        const char *replace_name = NULL;
        bool has_stock = bcp_entity_duration(supplier, "stock", &stock);
        bool known = replacement_time(supplier, &replace, &replace_name);
        if (has_stock && known && stock >= replace)
            continue;
        if (!known)
            bcp_lint_report(ctx, has_stock ? &bcp_entity_attr(supplier, "stock")->value.span : &supplier->id_span,
                            "critical function `%s` depends on supplier `%s`, which has no alternate; %s, and "
                            "how long replacing it would take is not stated (`switch_time`)",
                            needed_by->id, supplier->id, has_stock ? "its stock cannot be judged" : "there is no stock");
        else if (has_stock)
            bcp_lint_report(ctx, &bcp_entity_attr(supplier, "stock")->value.span,
                            "supplier `%s` has no alternate, and its %s of stock runs out before the %s it takes "
                            "to get the supply again (`%s`): function `%s` is left without it",
                            supplier->id, bcp_rule_duration_label(stock).text, bcp_rule_duration_label(replace).text,
                            replace_name, needed_by->id);
        else
            bcp_lint_report(ctx, &supplier->id_span,
                            "critical function `%s` depends on supplier `%s`, which has no alternate and no stock "
                            "to bridge the %s it takes to get the supply again (`%s`)",
                            needed_by->id, supplier->id, bcp_rule_duration_label(replace).text, replace_name);
    }
}

const bcp_rule bcp_rule_single_source_supplier = {
    .code = "B108",
    .name = "single-source-supplier",
    .severity = BCP_SEV_WARNING,
    .summary = "A critical function depends on a supplier with no alternate and stock shorter than the time to replace it.",
    .rationale = "A sole supplier's failure becomes the organisation's failure unless stock bridges the gap "
                 "until the supply is back: the yardstick is how long it takes to qualify and order from "
                 "another source, or for the supplier to recover (its `switch_time`, else the contractual "
                 "restore time `sla`), not the RTO of the function that needs it. When neither is stated "
                 "the stock cannot be judged, and that is the finding. ISO 22301:2019 §8.3.2 lists suppliers "
                 "among the resources strategies must cover, the FFIEC BCM booklet requires third-party "
                 "dependencies to be addressed, DORA Art. 11 and Art. 28 require exit and substitution "
                 "arrangements, and the seed plans require framework agreements with alternate suppliers "
                 "and two weeks of stock.",
    .fix = "state how long replacing the supplier would take with `switch_time = 6w`, and hold `stock` that "
           "covers it, or name an alternate with `alternates = [supplier.<id>]`",
    .check = check,
};
