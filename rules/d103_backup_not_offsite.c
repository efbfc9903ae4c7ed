/* D103 backup-not-offsite: a system whose backups all stay at the primary site. */
#include "rule.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *systems = bcp_model_entities(model, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *system = systems->items[i];
        const bcp_entity *first = NULL;
        bool offsite = false;
        for (size_t c = 0; c < system->child_count && !offsite; c++) {
            const bcp_entity *backup = system->children[c];
            if (backup->kind != BCP_KIND_BACKUP)
                continue;
            if (!first)
                first = backup;
            offsite = bcp_entity_bool(backup, "offsite", false);
        }
        if (!first || offsite)
            continue;
        const bcp_attr *stated = bcp_entity_attr(first, "offsite");
        bcp_lint_report(ctx, stated ? &stated->value.span : &first->id_span,
                        "no backup of system `%s` is kept off site: a fire, flood or ransomware attack "
                        "on the primary site destroys the data and its copies together",
                        system->id);
    }
}

const bcp_rule bcp_rule_backup_not_offsite = {
    .code = "D103",
    .name = "backup-not-offsite",
    .severity = BCP_SEV_WARNING,
    .summary = "No backup of a system is kept away from its primary site.",
    .rationale = "Copies that share the site of the original are lost in the same incident. NIST SP 800-34 "
                 "Rev.1 §3.4.2 calls for backup media to be stored off site in a facility that is not "
                 "exposed to the same hazards, and NIST SP 800-53 CP-9 / CP-6 require backup information "
                 "at an alternate storage site.",
    .fix = "keep at least one copy off site (cloud or another site) and state `offsite = true` on that backup",
    .check = check,
};
