/* D101 missing-backup: a system that a business function needs, and that
 * holds data of its own, has no backup. */
#include "rule_util.h"

/* The first function that lists `system` in its `needs`, or NULL. */
static const bcp_entity *needing_function(const bcp_model *m, const bcp_entity *system)
{
    const bcp_entity_list *refs = bcp_model_referrers(m, system);
    for (size_t i = 0; i < refs->count; i++) {
        const bcp_entity *f = refs->items[i];
        if (f->kind != BCP_KIND_FUNCTION)
            continue;
        const bcp_value *needs = bcp_entity_value(f, "needs");
        if (!needs || needs->kind != BCP_V_LIST)
            continue;
        for (size_t j = 0; j < needs->as.list.count; j++)
            if (needs->as.list.items[j].kind == BCP_V_REF && needs->as.list.items[j].as.ref.target == system)
                return f;
    }
    return NULL;
}

/* Any backup block counts, the organisation's own or a provider's copy
 * stated with `held_by`. */
static bool has_backup(const bcp_entity *system)
{
    for (size_t i = 0; i < system->child_count; i++)
        if (system->children[i]->kind == BCP_KIND_BACKUP)
            return true;
    return false;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *m = bcp_lint_model(ctx);
    const bcp_entity_list *systems = bcp_model_entities(m, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *s = systems->items[i];
        if (!bcp_system_holds_data(s) || has_backup(s))
            continue;
        const bcp_entity *f = needing_function(m, s);
        if (!f)
            continue;
        const bcp_entity *vendor = bcp_entity_ref(s, "vendor");
        if (vendor)
            bcp_lint_report(ctx, &s->id_span,
                            "system `%s` has no backup, but function `%s` needs it; if supplier `%s` keeps the "
                            "copies, state that backup with `held_by = supplier.%s`",
                            s->id, f->id, vendor->id, vendor->id);
        else
            bcp_lint_report(ctx, &s->id_span, "system `%s` has no backup, but function `%s` needs it", s->id,
                            f->id);
    }
}

const bcp_rule bcp_rule_missing_backup = {
    .code = "D101",
    .name = "missing-backup",
    .severity = BCP_SEV_ERROR,
    .summary = "A system that a business function needs, and that holds data, has no backup.",
    .rationale = "Data that a function needs must be recoverable: ISO 22301:2019 §8.4.4 asks for "
                 "resources to resume prioritised activities, NIST SP 800-34 Rev. 1 §3.4.2 and "
                 "SP 800-53 CP-9 require backups of system-level and user-level information, and "
                 "DORA Art. 12(1) requires backup policies for ICT systems. A copy that a provider keeps "
                 "(a hosted service's own backup) counts when the plan states it as a backup with "
                 "`held_by = supplier.<id>`; a system that keeps no data of its own (a network, a "
                 "stateless service, a hosted phone system whose data the provider holds) says "
                 "`holds_data = false` and needs none.",
    .fix = "add a `backup { every = 1d  offsite = true  tested = YYYY-MM-DD }` block inside the system "
           "(with `held_by = supplier.<id>` when the provider keeps the copies), or state "
           "`holds_data = false` when the system keeps no data of its own",
    .check = check,
};
