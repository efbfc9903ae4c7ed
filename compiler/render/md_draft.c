/* A draft's marks in the Markdown (and, through it, the HTML) document: the
 * banner at the top and the appendix of the findings still open.  A plan
 * builds as a draft only when asked to (`bcp build --draft`) while lint
 * reports errors; the appendix lists every finding the build saw, in the
 * document's language, with any redacted value scrubbed from its message. */
#include <stdio.h>

#include "md_doc.h"

void bcp_md_draft_banner(bcp_md *d)
{
    if (!d->ctx->draft)
        return;
    bcp_md_put(d, "> **");
    bcp_md_put(d, bcp_rt_title(d->ctx, "draft_mark"));
    bcp_md_put(d, "** — ");
    bcp_md_put(d, bcp_rt_body(d->ctx, "draft_mark"));
    bcp_md_put(d, "\n\n");
}

static const char *severity_label(bcp_md *d, bcp_severity s)
{
    switch (s) {
    case BCP_SEV_ERROR:
        return bcp_md_text(d, "severity_error");
    case BCP_SEV_WARNING:
        return bcp_md_text(d, "severity_warning");
    default:
        return bcp_md_text(d, "severity_info");
    }
}

void bcp_md_draft_appendix(bcp_md *d)
{
    bcp_render_ctx *ctx = d->ctx;
    if (!ctx->draft)
        return;
    bcp_md_appendix(d, "draft_appendix");
    if (ctx->finding_count == 0) {
        bcp_md_empty_line(d, "draft_no_findings");
        return;
    }
    bcp_md_table_header(d, "cols_draft_findings");
    bcp_buf cell = {0};
    bcp_buf_puts(&cell, "");
    for (size_t i = 0; i < ctx->finding_count; i++) {
        const bcp_diagnostic *f = ctx->findings[i];
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, f->code);
        bcp_md_cell_raw(d, severity_label(d, f->severity));
        cell.len = 0;
        cell.data[0] = '\0';
        bcp_render_scrub(ctx, f->message ? f->message : "", &cell);
        bcp_md_cell_text(d, cell.data);
        cell.len = 0;
        cell.data[0] = '\0';
        if (f->location.path)
            bcp_buf_printf(&cell, "%s:%u:%u", f->location.path, (unsigned)f->location.line,
                           (unsigned)f->location.column);
        bcp_md_cell_text(d, cell.len ? cell.data : NULL);
        bcp_md_row_end(d);
    }
    bcp_buf_free(&cell);
    bcp_md_table_end(d);
}
