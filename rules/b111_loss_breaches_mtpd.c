/* B111 loss-breaches-mtpd: a single site, system, supplier or key person
 * whose loss alone keeps a function down past its MTPD, by the plan's own
 * recovery paths.  The same engine and candidates as `bcp simulate --each`
 * (compiler/model/simulate.c). */
#include "rule_util.h"
#include "base/call.h"

#include "base/alloc.h"
#include "model/simulate.h"

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    size_t n;
    const bcp_entity **candidates = bcp_sim_single_candidates(model, &n);
    for (size_t i = 0; i < n && !bcp_call_cancelled(); i++) {   /* one simulation per candidate: the slowest rule */
        const bcp_entity *lost = candidates[i];
        bcp_sim_result *r = bcp_simulate_loss(model, &lost, 1, 0);
        for (size_t j = 0; j < r->function_count; j++) {
            const bcp_sim_function *f = &r->functions[j];
            if (f->verdict != BCP_SIM_MTPD_BREACHED && !(f->verdict == BCP_SIM_NO_PATH && f->has_mtpd))
                continue;
            char mtpd[32], back[32];
            bcp_format_duration(f->mtpd, mtpd, sizeof mtpd);
            if (f->verdict == BCP_SIM_MTPD_BREACHED)
                bcp_format_duration(f->recovery, back, sizeof back);
            bcp_lint_report(ctx, &lost->id_span,
                            "losing %s `%s` keeps function `%s` down past its MTPD of %s (%s%s)",
                            bcp_kind_name(lost->kind), lost->id, f->function->id, mtpd,
                            f->verdict == BCP_SIM_MTPD_BREACHED ? "back after " : "the plan offers no way back",
                            f->verdict == BCP_SIM_MTPD_BREACHED ? back : "");
            break;
        }
        bcp_sim_result_free(r);
    }
    bcp_free(candidates);
}

const bcp_rule bcp_rule_loss_breaches_mtpd = {
    .code = "B111",
    .name = "loss-breaches-mtpd",
    .severity = BCP_SEV_WARNING,
    .summary = "Losing one site, system, supplier or key person keeps a function down past its MTPD, "
               "by the plan's own recovery paths.",
    .rationale = "A function's maximum tolerable period of disruption is the time after which the damage "
                 "of not resuming becomes unacceptable (ISO 22301:2019 §8.2.2 c, ISO/TS 22317:2021 §6.2). "
                 "Pairwise checks (an RTO against a system's RTO) miss what a loss does through the chain "
                 "of dependencies: a site whose alternate takes a week to activate, a sole supplier whose "
                 "stock runs out before the switch, a key person with no substitute. The rule loses each "
                 "single site, system, supplier and key person in turn, as `bcp simulate --each` does "
                 "(docs/simulate.md), and reports those after whose loss a function is back only after "
                 "its MTPD, or never.",
    .fix = "give the lost entity a faster way back: an alternate site with a shorter `activation_time`, a "
           "`substitute`, a `dr_site` or a backup with a tested `restore_time`, an alternate supplier with a "
           "shorter `switch_time` or more `stock`; or revisit the function's `mtpd`. `bcp simulate PLAN "
           "--lose KIND.ID` shows the chain and the path",
    .check = check,
};
