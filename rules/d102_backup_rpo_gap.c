/* D102 backup-rpo-gap: the most frequent backup of a system must run at least
 * as often as the tightest RPO that applies to it (the verdict is
 * bcp_system_rpo_check's, the same the document prints). */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *systems = bcp_model_entities(model, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *system = systems->items[i];
        bcp_rpo_check rpo;
        /* no backup at all is D101's finding, not a gap; a system that holds
         * no data has no RPO (the check's verdict is UNKNOWN) */
        if (bcp_system_rpo_check(model, system, &rpo) != BCP_RPO_NOT_MET || !rpo.backup)
            continue;
        bcp_rule_label every_text = bcp_rule_duration_label(rpo.backup_every);
        bcp_lint_report(ctx, &bcp_entity_attr(rpo.backup, "every")->value.span,
                        "system `%s` is backed up every %s, longer than the %s RPO of %s `%s`: up to %s of data can be lost",
                        system->id, every_text.text, bcp_rule_duration_label(rpo.rpo).text,
                        bcp_kind_name(rpo.rpo_owner->kind), rpo.rpo_owner->id, every_text.text);
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
                 "consistent with recovery point objectives. A system that keeps no data of its own "
                 "(`holds_data = false`: a network, a stateless service) has no RPO, however tight the RPO "
                 "of the functions that need it.",
    .fix = "back the system up at least as often as the tightest RPO (e.g. add an incremental or "
           "replication backup), or relax the RPO if the business accepts the loss; state "
           "`holds_data = false` on a system that keeps no data of its own",
    .check = check,
};
