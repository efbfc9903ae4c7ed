/* The document's frame: the cover (title, key facts, sign-off block) and
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
    /* organisation, version, date, classification; then who signs it off
     * (md_docprint.c); the rest of document control has a section of its own */
    bcp_md_cover_facts(d);
    bcp_md_signoff(d);
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
