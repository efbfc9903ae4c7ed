/* The readiness figure of the HTML document: a horizontal bar per area, its
 * length the area's score out of 100, coloured by band (below 50 red, below
 * 80 amber, else green), with the weight; an area not scored is a dashed
 * outline.  The table before it holds the same numbers as text. */
#include <stdio.h>

#include "readiness_view.h"

enum { RD_LEFT = 300, RD_BAR = 300, RD_ROW = 26, RD_TOP = 30, RD_WIDTH = 680 };

static const char *fill(int score)
{
    return score < 50 ? "#e03131" : score < 80 ? "#f08c00" : "#2f9e44";
}

void bcp_html_readiness_svg(bcp_render_ctx *ctx, bcp_buf *o)
{
    const bcp_readiness *r = ctx->readiness;
    if (!r)
        return;
    int height = RD_TOP + BCP_READY_AREA_COUNT * RD_ROW + 12;
    bcp_buf_puts(o, "<figure class=\"figure readiness\">");
    bcp_buf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                   RD_WIDTH, height);
    bcp_html_text(o, bcp_rt_title(ctx, "readiness_figure"));
    bcp_buf_puts(o, "\" font-size=\"12\">");
    bcp_buf_printf(o, "<text x=\"0\" y=\"16\" font-weight=\"700\">");
    bcp_html_text(o, bcp_rt_title(ctx, "sum_readiness"));
    bcp_buf_printf(o, "</text><text x=\"%d\" y=\"16\" font-weight=\"700\" class=\"readiness-total\">%d / 100</text>",
                   RD_LEFT, r->score);
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++) {
        const bcp_readiness_area_score *s = &r->areas[a];
        int y = RD_TOP + a * RD_ROW;
        char id[64];
        bcp_readiness_area_id((bcp_readiness_area)a, id, sizeof id);
        bcp_buf_printf(o, "<text x=\"0\" y=\"%d\">", y + 13);
        bcp_html_text(o, bcp_rt_title(ctx, id));
        bcp_buf_printf(o, " (%d)</text>", s->weight);
        bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#f1f3f5\"", RD_LEFT, y, RD_BAR);
        if (!s->applies) {
            bcp_buf_puts(o, " stroke=\"#868e96\" stroke-dasharray=\"4 3\"/>");
            bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" fill=\"#495057\">", RD_LEFT + 6, y + 13);
            bcp_html_text(o, bcp_rt_title(ctx, "readiness_not_scored"));
            bcp_buf_puts(o, "</text>");
            continue;
        }
        bcp_buf_puts(o, "/>");
        bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"%s\" class=\"readiness-bar\" "
                          "data-area=\"%s\" data-score=\"%d\"/>",
                       RD_LEFT, y, RD_BAR * s->score / 100, fill(s->score),
                       bcp_readiness_area_name((bcp_readiness_area)a), s->score);
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\">%d</text>", RD_LEFT + RD_BAR + 8, y + 13, s->score);
    }
    bcp_buf_puts(o, "</svg><figcaption>");
    bcp_html_text(o, bcp_rt_body(ctx, "readiness_figure"));
    bcp_buf_puts(o, "</figcaption></figure>\n");
}
