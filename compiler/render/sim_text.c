/* Text ids of the simulation's verdicts and paths (sim_text.h). */
#include "sim_text.h"

const char *bcp_sim_verdict_text_id(bcp_sim_verdict v)
{
    static const char *const ids[] = {"sim_verdict_within_rto", "sim_verdict_rto_missed", "sim_verdict_time_unknown",
                                      "sim_verdict_mtpd_breached", "sim_verdict_no_recovery_path"};
    return (unsigned)v < sizeof ids / sizeof *ids ? ids[v] : "sim_path_none";
}

const char *bcp_sim_path_text_id(bcp_sim_path p)
{
    static const char *const ids[BCP_SIM_PATH_COUNT] = {
        "sim_path_none", "sim_path_other_site", "sim_path_remote_work", "sim_path_alternate_site",
        "sim_path_site_fallback", "sim_path_substitute", "sim_path_deputy", "sim_path_dr_site",
        "sim_path_backup_restore", "sim_path_system_rto", "sim_path_system_fallback", "sim_path_stock",
        "sim_path_alternate_supplier", "sim_path_supplier_sla", "sim_path_supplier_recovers",
        "sim_path_spare_asset", "sim_path_alternate_asset", "sim_path_function_rto",
        "sim_path_upstream_function", "sim_path_workaround"};
    return (unsigned)p < BCP_SIM_PATH_COUNT ? ids[p] : "sim_path_none";
}
