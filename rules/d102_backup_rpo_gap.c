/* D102 backup-rpo-gap: the most frequent backup of a system must run at least
 * as often as the tightest RPO that applies to it. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *systems = bcp_model_entities(model, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *system = systems->items[i];
        /* Several backups of one system combine: the most frequent sets the data loss. */
        const bcp_entity *best = NULL;
        int64_t best_every = 0;
        for (size_t c = 0; c < system->child_count; c++) {
            const bcp_entity *backup = system->children[c];
            int64_t every;
            if (backup->kind == BCP_KIND_BACKUP && bcp_entity_duration(backup, "every", &every) &&
                (!best || every < best_every)) {
                best = backup;
                best_every = every;
            }
        }
        if (!best)
            continue;

        int64_t rpo = 0;
        const bcp_entity *rpo_owner = NULL;
        int64_t value;
        if (bcp_entity_duration(system, "rpo", &value)) {
            rpo = value;
            rpo_owner = system;
        }
        const bcp_entity_list *referrers = bcp_model_referrers(model, system);
        for (size_t r = 0; r < referrers->count; r++) {
            const bcp_entity *function = referrers->items[r];
            /* A function can refer to a system only through `needs`. */
            if (function->kind != BCP_KIND_FUNCTION)
                continue;
            if (bcp_entity_duration(function, "rpo", &value) && (!rpo_owner || value < rpo)) {
                rpo = value;
                rpo_owner = function;
            }
        }
        if (!rpo_owner || best_every <= rpo)
            continue;

        bcp_rule_label every_text = bcp_rule_duration_label(best_every);
        bcp_lint_report(ctx, &bcp_entity_attr(best, "every")->value.span,
                        "system `%s` is backed up every %s, longer than the %s RPO of %s `%s`: up to %s of data can be lost",
                        system->id, every_text.text, bcp_rule_duration_label(rpo).text,
                        bcp_kind_name(rpo_owner->kind), rpo_owner->id, every_text.text);
    }
}

const bcp_rule bcp_rule_backup_rpo_gap = {
    .code = "D102",
    .name = "backup-rpo-gap",
    .severity = BCP_SEV_ERROR,
    .summary = "A system's backups run less often than the RPO of the system or of a function that needs it.",
    .rationale = "The backup interval bounds how much data is lost: with a daily backup up to a day of work "
                 "is gone, whatever the stated recovery point objective says. NIST SP 800-34 Rev.1 §3.4.2 "
                 "(backup and recovery strategies) requires backup frequency to be set from the RPO "
                 "established in the BIA (§3.2.2), and NIST SP 800-53 CP-9 requires backups at a frequency "
                 "consistent with recovery point objectives.",
    .fix = "back the system up at least as often as the tightest RPO (e.g. add an incremental or "
           "replication backup), or relax the RPO if the business accepts the loss",
    .check = check,
};
