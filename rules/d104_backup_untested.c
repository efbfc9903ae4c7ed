/* D104 backup-untested: a system whose backups were never restored, or not
 * recently enough for the profile. */
#include "rule_util.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_interval max_age = bcp_rule_interval_or(ctx, "restore_test_max_age", bcp_interval_months(12));
    int32_t today = bcp_lint_today(ctx);
    const bcp_entity_list *systems = bcp_model_entities(model, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *system = systems->items[i];
        const bcp_entity *first, *latest;
        int32_t latest_day;
        /* One restore test proves the chain it restored, so the newest test of any backup counts. */
        bcp_system_last_restore_test(system, &latest_day, &latest, &first);
        if (!first)
            continue;
        if (!latest) {
            bcp_lint_report(ctx, &first->id_span,
                            "the backups of system `%s` have never been restored in a test (no `tested` date)",
                            system->id);
            continue;
        }
        if (!bcp_is_overdue(bcp_date_add(latest_day, max_age), today))
            continue;
        bcp_lint_report(ctx, &bcp_entity_attr(latest, "tested")->value.span,
                        "the last restore test of system `%s` was on %s, %s ago; the profile allows %s",
                        system->id, bcp_rule_date_label(latest_day).text, bcp_rule_days(today - latest_day).text,
                        bcp_rule_duration_label(max_age.seconds).text);
    }
}

const bcp_rule bcp_rule_backup_untested = {
    .code = "D104",
    .name = "backup-untested",
    .severity = BCP_SEV_WARNING,
    .summary = "A system's backups have no restore test, or the last one is older than the profile allows.",
    .rationale = "A backup that has never been restored is a hope, not a control. NIST SP 800-53 CP-9(1) "
                 "requires backup information to be tested for media reliability and information integrity, "
                 "NIST SP 800-34 Rev.1 §3.5 (plan testing) includes restoring from backup, and the seed "
                 "plans call for regular ERP restore drills.",
    .fix = "restore the backup into a test environment, record the date with `tested = YYYY-MM-DD`, "
           "and repeat it within the profile's interval",
    .check = check,
};
