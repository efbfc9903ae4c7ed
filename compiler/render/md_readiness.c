/* Chapter 1's last section, the readiness score (docs/readiness.md): the
 * total, then a row per area with its score as a bar, its weight, the checks
 * passed and what lowers it (entity ids with the reason).  The HTML draws the
 * bars as an SVG figure after the table (html_readiness.c). */
#include <stdio.h>
#include <string.h>

#include "md_doc.h"
#include "readiness_view.h"

/* Reasons an area's cell lists before "and N more". */
#define READINESS_REASONS_SHOWN 5

/* `text readiness_why_<why>`: the static key with '-' as '_'. */
void bcp_readiness_why_id(const char *why, char *out, size_t size)
{
    snprintf(out, size, "readiness_why_%s", why);
    for (char *p = out; *p; p++)
        if (*p == '-')
            *p = '_';
}

void bcp_readiness_area_id(bcp_readiness_area area, char *out, size_t size)
{
    snprintf(out, size, "readiness_area_%s", bcp_readiness_area_name(area));
}

/* "▰▰▰▰▰▰▱▱▱▱ 60": ten steps, so that the Markdown carries the figure too. */
static void bar(int score, bcp_buf *out)
{
    int full = (score + 5) / 10;
    for (int i = 0; i < 10; i++)
        bcp_buf_puts(out, i < full ? "\u25b0" : "\u25b1");
    bcp_buf_printf(out, " %d", score);
}

static void reasons_cell(bcp_md *d, const bcp_readiness *r, bcp_readiness_area area)
{
    bcp_buf cell = {0};
    size_t shown = 0, more = 0;
    for (size_t i = 0; i < r->reason_count; i++) {
        const bcp_readiness_reason *why = &r->reasons[i];
        if (why->area != area)
            continue;
        if (shown == READINESS_REASONS_SHOWN) {
            more++;
            continue;
        }
        char id[64];
        bcp_readiness_why_id(why->why, id, sizeof id);
        if (shown++)
            bcp_buf_puts(&cell, bcp_md_text(d, "list_separator"));
        /* the id as text: the document shows no DSL syntax (no code spans) */
        bcp_md_escape_into(&cell, why->entity, BCP_MD_CELL);
        bcp_rfmt_paren(d->ctx, bcp_md_text(d, id), &cell);
    }
    if (more) {
        char n[24];
        snprintf(n, sizeof n, "%zu", more);
        bcp_buf tail = {0};
        bcp_rfill(&tail, bcp_md_text(d, "readiness_more"), "n", n);
        bcp_buf_puts(&cell, bcp_md_text(d, "list_separator"));
        bcp_buf_puts(&cell, tail.data);
        bcp_buf_free(&tail);
    }
    bcp_md_cell_raw(d, cell.data);
    bcp_buf_free(&cell);
}

void bcp_md_readiness(bcp_md *d)
{
    const bcp_readiness *r = d->ctx->readiness;
    if (!r)
        return;
    bcp_md_section(d, 3, "sum_readiness");
    char score[16];
    snprintf(score, sizeof score, "%d", r->score);
    bcp_buf total = {0};
    bcp_rfill(&total, bcp_md_text(d, "readiness_total"), "score", score);
    bcp_md_para(d, total.data);
    bcp_buf_free(&total);
    bcp_md_table_header(d, "cols_readiness");
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++) {
        const bcp_readiness_area_score *s = &r->areas[a];
        char id[64], weight[16], checks[48];
        bcp_readiness_area_id((bcp_readiness_area)a, id, sizeof id);
        snprintf(weight, sizeof weight, "%d", s->weight);
        snprintf(checks, sizeof checks, "%zu/%zu", s->met, s->total);
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, bcp_md_text(d, id));
        if (s->applies) {
            bcp_buf b = {0};
            bar(s->score, &b);
            bcp_md_cell_raw(d, b.data);
            bcp_buf_free(&b);
        } else {
            bcp_md_cell_text(d, bcp_md_text(d, "readiness_not_scored"));
        }
        bcp_md_cell_raw(d, weight);
        bcp_md_cell_raw(d, checks);
        reasons_cell(d, r, (bcp_readiness_area)a);
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
    if (d->for_html)
        d->doc->readiness_at = d->b->len;
}
