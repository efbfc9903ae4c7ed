/* The compliance crosswalk section (see crosswalk.h): one table per regime
 * the plan declares in `regimes`, one row per element. */
#include <string.h>

#include "base/alloc.h"

#include "crosswalk.h"
#include "md_doc.h"
#include "model/regime.h"
#include "rules/regime_status.h"

enum { MAX_REGIMES = 64 };

const char *bcp_crosswalk_section(bcp_kind kind)
{
    switch (kind) {
    case BCP_KIND_PLAN: return "sec_summary";
    case BCP_KIND_SITE: return "rec_sites";
    case BCP_KIND_RISK: return "sec_risk";
    case BCP_KIND_FUNCTION: return "sec_bia";
    case BCP_KIND_SYSTEM:
    case BCP_KIND_BACKUP: return "rec_backup";
    case BCP_KIND_ASSET: return "bia_dependencies";
    case BCP_KIND_SUPPLIER: return "rec_suppliers";
    case BCP_KIND_RESOURCE: return "rec_resources";
    case BCP_KIND_CONTACT: return "com_contacts";
    case BCP_KIND_TEAM: return "com_crisis_team";
    case BCP_KIND_SCENARIO: return "com_scenarios";
    case BCP_KIND_MESSAGE: return "com_messages";
    case BCP_KIND_PHASE: return "rec_phases";
    case BCP_KIND_EXERCISE: return "test_exercises";
    case BCP_KIND_FINDING: return "test_findings";
    case BCP_KIND_TRAINING: return "impl_training";
    case BCP_KIND_MILESTONE: return "impl_milestones";
    default: return "sec_summary";
    }
}

static const char *verdict_text(bcp_regime_verdict v)
{
    return v == BCP_REGIME_MET ? "regime_status_met" : v == BCP_REGIME_ACCEPTED ? "regime_status_accepted"
                                                                                : "regime_status_not_met";
}

/* "3 Critical functions – Clearing, Trading; 4.3 Backups – ERP": the
 * entities that meet the element, grouped by the section that shows them. */
static void where_cell(bcp_md *d, const bcp_element_status *s)
{
    if (!s->evidence_count) {
        bcp_md_cell_raw(d, NULL);
        return;
    }
    bcp_buf cell = {0};
    const char *sep = bcp_md_text(d, "list_separator");
    const char *strong = bcp_md_text(d, "list_separator_strong");
    bool *done = bcp_calloc(s->evidence_count, sizeof *done);
    for (size_t i = 0; i < s->evidence_count; i++) {
        if (done[i])
            continue;
        const char *section = bcp_crosswalk_section(s->evidence[i]->kind);
        bcp_buf labels = {0};
        for (size_t j = i; j < s->evidence_count; j++) {
            if (done[j] || strcmp(bcp_crosswalk_section(s->evidence[j]->kind), section) != 0)
                continue;
            done[j] = true;
            if (labels.len)
                bcp_buf_puts(&labels, sep);
            bcp_buf_puts(&labels, bcp_md_label(d, s->evidence[j]));
        }
        if (cell.len)
            bcp_buf_puts(&cell, strong);
        const char *keys[] = {"section", "entity"};
        const char *vals[] = {bcp_md_text(d, section), labels.data};
        bcp_rfill_keys(&cell, bcp_md_text(d, "crosswalk_where"), keys, vals, 2, NULL);
        bcp_buf_free(&labels);
    }
    bcp_free(done);
    bcp_md_cell_text(d, cell.data);
    bcp_buf_free(&cell);
}

void bcp_md_crosswalk(bcp_md *d)
{
    const bcp_entity *regimes[MAX_REGIMES];
    size_t n = bcp_regimes_applying(d->m, NULL, 0, regimes, MAX_REGIMES);
    if (!n)
        return;
    bcp_md_section(d, 2, "sec_crosswalk");
    for (size_t r = 0; r < n; r++) {
        bcp_md_put(d, "#### ");
        bcp_md_esc(d, bcp_md_label(d, regimes[r]));
        bcp_md_put(d, "\n\n");
        const char *description = bcp_rattr(d->ctx, regimes[r], "description");
        if (description) {
            bcp_md_esc(d, description);
            bcp_md_put(d, "\n\n");
        }
        const char *source = bcp_entity_text(regimes[r], "source");
        if (source) {
            bcp_md_bold_label(d, "crosswalk_source");
            bcp_md_esc(d, source);
            bcp_md_put(d, "\n\n");
        }
        bcp_md_table_header(d, "cols_crosswalk");
        bcp_element_status_list list = {0};
        bcp_regime_evaluate(d->m, regimes[r], &list);
        for (size_t i = 0; i < list.count; i++) {
            const bcp_element_status *s = &list.items[i];
            bcp_md_row_begin(d);
            bcp_md_cell_text(d, bcp_md_label(d, s->element));
            bcp_md_cell_text(d, bcp_entity_text(s->element, "clause"));
            bcp_md_cell_raw(d, bcp_md_text(d, verdict_text(bcp_regime_verdict_of(s, d->ctx->deviations))));
            where_cell(d, s);
            bcp_md_row_end(d);
        }
        bcp_element_status_list_free(&list);
        bcp_md_table_end(d);
    }
}
