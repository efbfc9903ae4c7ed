/* The document's frame: the cover table (owner, approval, review dates) and
 * the closing chapter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

void bcp_md_cover(bcp_md *d)
{
    bcp_md_put(d, "# ");
    bcp_md_escape_into(d->b, bcp_md_plan_text(d, "title") ? bcp_md_plan_text(d, "title") : bcp_md_text(d, "doc_title"), BCP_MD_CELL);
    bcp_md_put(d, "\n\n");
    bcp_md_table_header(d, "cols_cover");
    size_t row = 0;
    const char *lbl = "cover_labels";
    char date[11];
    int32_t days;

    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); bcp_md_cell_text(d, bcp_md_plan_text(d, "organization")); bcp_md_row_end(d);
    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); bcp_md_cell_text(d, d->plan ? bcp_entity_text(d->plan, "version") : NULL); bcp_md_row_end(d);

    const bcp_entity *owner = d->plan ? bcp_entity_ref(d->plan, "owner") : NULL;
    bcp_buf tmp = {0};
    if (owner) {
        bcp_buf_puts(&tmp, bcp_md_label(d, owner));
        const char *role = bcp_rattr(d->ctx, owner, "role");
        if (role)
            bcp_md_paren(d, role, &tmp);
    }
    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); bcp_md_cell_text(d, tmp.data); bcp_md_row_end(d);
    bcp_buf_free(&tmp);

    const bcp_entity *approver = d->plan ? bcp_entity_ref(d->plan, "approved_by") : NULL;
    if (approver) {
        bcp_buf_puts(&tmp, bcp_md_label(d, approver));
        if (bcp_entity_date(d->plan, "approved", &days)) {
            bcp_format_date(days, date);
            bcp_buf_printf(&tmp, " · %s", date);
        }
    } else if (d->plan && bcp_entity_date(d->plan, "approved", &days)) {
        bcp_format_date(days, date);
        bcp_buf_puts(&tmp, date);
    }
    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    bcp_md_cell_text(d, tmp.len ? tmp.data : bcp_md_text(d, "not_approved")); bcp_md_row_end(d);
    bcp_buf_free(&tmp);

    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); bcp_md_cell_date(d, d->plan, "effective"); bcp_md_row_end(d);
    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    if (d->plan && bcp_entity_date(d->plan, "reviewed", &days)) {
        bcp_format_date(days, date);
        bcp_md_cell_raw(d, date);
    } else {
        bcp_md_cell_text(d, bcp_md_text(d, "not_reviewed"));
    }
    bcp_md_row_end(d);
    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    if (bcp_plan_next_review(d->plan, &days)) {
        bcp_format_date(days, date);
        bcp_buf_puts(&tmp, date);
    } else {
        bcp_buf_puts(&tmp, bcp_md_text(d, "not_scheduled"));
    }
    if (d->plan) {
        bcp_buf every = {0};
        bcp_rfmt_interval(d->ctx, bcp_plan_review_interval(d->plan).seconds, &every);
        bcp_md_paren(d, every.data, &tmp);
        bcp_buf_free(&every);
    }
    bcp_md_cell_text(d, tmp.data); bcp_md_row_end(d);
    bcp_buf_free(&tmp);

    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    bcp_md_cell_list(d, d->plan, "distribution"); bcp_md_row_end(d);
    bcp_md_table_end(d);
    bcp_md_para(d, bcp_rt_body(d->ctx, "doc_notice"));
}

void bcp_md_closing(bcp_md *d)
{
    bcp_md_heading(d, 2, "sec_closing");
    const char *s = bcp_md_plan_text(d, "summary");
    if (s) {
        bcp_md_esc(d, s);
        bcp_md_put(d, "\n");
    } else {
        bcp_md_para(d, bcp_rt_body(d->ctx, "sec_closing"));
    }
}
