/* Section 6.4, accepted deviations: the findings the plan knowingly accepts
 * (suppression comments with their terms, `deviation` blocks), one row each,
 * and the mark a table cell shows instead of a bare failed check when the
 * failure is accepted.  The section appears only when there is one. */
#include <stdio.h>
#include <string.h>

#include "md_doc.h"

void bcp_render_deviation_ref(size_t i, char out[24])
{
    snprintf(out, 24, "AD-%zu", i + 1);
}

/* The reason in the document language: a block's may be translated. */
static const char *reason_text(bcp_md *d, const bcp_lint_deviation *v)
{
    const char *r = v->block ? bcp_rattr(d->ctx, v->block, "reason") : v->reason;
    return r && *r ? r : NULL;
}

void bcp_md_deviations(bcp_md *d)
{
    const bcp_lint_deviation_list *list = d->ctx->deviations;
    if (!list || !list->count)
        return;
    bcp_md_section(d, 3, "test_deviations");
    bcp_md_table_header(d, "cols_deviations");
    for (size_t i = 0; i < list->count; i++) {
        const bcp_lint_deviation *v = &list->items[i];
        char ref[24], date[11];
        bcp_render_deviation_ref(i, ref);
        bcp_md_row_begin(d);
        bcp_md_cell_raw(d, ref);
        bcp_buf rule = {0};
        bcp_buf_printf(&rule, "%s %s", v->code, v->name);
        bcp_md_cell_text(d, rule.data);
        bcp_buf_free(&rule);
        bcp_md_cell_text(d, v->entity ? bcp_md_label(d, v->entity) : NULL);
        bcp_md_cell_text(d, v->message);
        const char *reason = reason_text(d, v);
        bcp_md_cell_text(d, reason ? reason : bcp_md_text(d, "deviation_no_reason"));
        if (v->owner_entity)
            bcp_md_cell_entity(d, v->owner_entity);
        else
            bcp_md_cell_text(d, v->owner);
        if (v->has_approved)
            bcp_format_date(v->approved, date);
        bcp_md_cell_raw(d, v->has_approved ? date : NULL);
        if (v->has_until)
            bcp_format_date(v->until, date);
        if (v->has_until)
            bcp_md_cell_raw(d, date);
        else
            bcp_md_cell_text(d, bcp_md_text(d, "deviation_open_ended"));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

bool bcp_md_cell_deviation(bcp_md *d, const bcp_entity *e, const char *code)
{
    size_t i;
    if (!e || !bcp_lint_deviation_find(d->ctx->deviations, code, e, &i))
        return false;
    char ref[24];
    bcp_render_deviation_ref(i, ref);
    /* "⚠ Accepted deviation AD-1 (see 6.4)": trusted prose, the id escaped
     * (it is ours: "AD-n"), the section number resolved when the document is done */
    bcp_buf see = {0}, cell = {0};
    bcp_md_xref(d, "test_deviations", &see);
    static const char *const keys[] = {"ref", "section"};
    const char *vals[] = {ref, see.data};
    bcp_rfill_keys(&cell, bcp_md_text(d, "deviation_ref"), keys, vals, 2, NULL);
    bcp_md_cell_raw(d, cell.data);
    bcp_buf_free(&see);
    bcp_buf_free(&cell);
    return true;
}
