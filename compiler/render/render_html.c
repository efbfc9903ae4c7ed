#define _DEFAULT_SOURCE
/* The plan as one self-contained HTML page: the Markdown document rendered by
 * cmark-gfm in safe mode (raw HTML and dangerous URLs never reach the page),
 * with a table of contents, embedded CSS for screen and print, and two inline
 * SVG figures: the risk heat map and the recovery timeline.  No external
 * requests: no fonts, scripts or images are loaded. */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "bcp.h"
#include "docfig.h"
#include "render.h"
#include "html_print.h"
#include "readiness_view.h"
#include "graph.h"
#include "sim_report.h"

#define HOUR_S 3600LL

static void html_escape(bcp_buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': bcp_buf_puts(b, "&lt;"); break;
        case '>': bcp_buf_puts(b, "&gt;"); break;
        case '&': bcp_buf_puts(b, "&amp;"); break;
        case '"': bcp_buf_puts(b, "&quot;"); break;
        case '\'': bcp_buf_puts(b, "&#39;"); break;
        default: bcp_buf_put(b, s, 1);
        }
    }
}

void bcp_html_text(bcp_buf *o, const char *s) { html_escape(o, s); }

/* Markdown -> HTML with the GFM table extension, safe mode. */
static char *markdown_to_html(const char *text, size_t len)
{
    cmark_gfm_core_extensions_ensure_registered();
    int options = CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8;
    cmark_parser *parser = cmark_parser_new(options);
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (table)
        cmark_parser_attach_syntax_extension(parser, table);
    cmark_parser_feed(parser, text, len);
    cmark_node *doc = cmark_parser_finish(parser);
    char *html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
    cmark_node_free(doc);
    cmark_parser_free(parser);
    return html;
}

/* ------------------------------------------------------- headings and TOC */

typedef struct toc {
    bcp_buf items;
    int h2, h3;
    bool open_sub;
} toc;

/* Gives every h2/h3 an id and records it in the table of contents.  Plan text
 * cannot produce a literal "<h2>" (safe mode escapes it), so the tags found
 * here are the document's own headings. */
static void add_heading_ids(const char *html, bcp_buf *out, toc *t)
{
    const char *p = html;
    while (*p) {
        const char *h = strstr(p, "<h");
        if (!h) {
            bcp_buf_puts(out, p);
            break;
        }
        bcp_buf_put(out, p, (size_t)(h - p));
        int level = (h[2] == '2' || h[2] == '3') && h[3] == '>' ? h[2] - '0' : 0;
        if (!level) {
            bcp_buf_put(out, h, 2);
            p = h + 2;
            continue;
        }
        char close[6];
        snprintf(close, sizeof close, "</h%d>", level);
        const char *end = strstr(h + 4, close);
        if (!end) {
            bcp_buf_puts(out, h);
            break;
        }
        char id[32];
        if (level == 2) {
            t->h2++;
            t->h3 = 0;
            snprintf(id, sizeof id, "s%d", t->h2);
            if (t->open_sub)
                bcp_buf_puts(&t->items, "</ol>");
            if (t->h2 > 1)
                bcp_buf_puts(&t->items, "</li>");
            t->open_sub = false;
            bcp_buf_printf(&t->items, "<li><a href=\"#%s\">", id);
        } else {
            t->h3++;
            snprintf(id, sizeof id, "s%d-%d", t->h2, t->h3);
            if (!t->open_sub) {
                bcp_buf_puts(&t->items, "<ol>");
                t->open_sub = true;
            }
            bcp_buf_printf(&t->items, "<li><a href=\"#%s\">", id);
        }
        bcp_buf_put(&t->items, h + 4, (size_t)(end - (h + 4)));
        bcp_buf_puts(&t->items, level == 2 ? "</a>" : "</a></li>");
        bcp_buf_printf(out, "<h%d id=\"%s\">", level, id);
        bcp_buf_put(out, h + 4, (size_t)(end - (h + 4)));
        bcp_buf_puts(out, close);
        p = end + 5;
    }
}

/* --------------------------------------------------------------- widths */

/* Width of UTF-8 text in "ems" of half-width characters: CJK and other wide
 * characters (U+1100 and up, three- and four-byte sequences) count 2.  Good
 * enough to decide what fits in a figure or a table cell. */
static size_t display_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80)
            w++;
        else if (c >= 0xE1)
            w += 2;
        else if (c >= 0xC0)
            w++;
    }
    return w;
}

/* The longest prefix of s (whole characters) at most `width` wide. */
static size_t prefix_for_width(const char *s, size_t width)
{
    size_t w = 0, i = 0;
    while (s[i]) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        size_t cw = c < 0x80 ? 1 : c >= 0xE1 ? 2 : 1;
        if (w + cw > width)
            break;
        for (size_t k = 1; k < len; k++)
            if (!s[i + k])
                return i;
        w += cw;
        i += len;
    }
    return i;
}

/* Escaped text cut to `width`, with an ellipsis when it was cut. */
static void fit_text(bcp_buf *o, const char *s, size_t width)
{
    if (display_width(s, strlen(s)) <= width) {
        html_escape(o, s);
        return;
    }
    char *cut = bcp_strndup(s, prefix_for_width(s, width > 1 ? width - 1 : 0));
    html_escape(o, cut);
    bcp_free(cut);
    bcp_buf_puts(o, "…");
}

/* ---------------------------------------------------------------- tables */

/* ---------------------------------------------------------- status marks */

/* Status cells are colour-coded, and never by colour alone: each class has a
 * symbol written before the word (✔ met, ✘ not met, ▲ open, ◐ in progress),
 * and a risk level gets as many filled dots as its rank (●●○○ for the second
 * of four), so a status survives black-and-white print and colour-blind
 * readers.  A cell is a status when its whole text is one of the localised
 * status words of the document: the RPO verdicts of derive.c, the statuses of
 * findings and milestones, the risk levels.  The colours are defined once, in
 * the CSS below (st-*) and, for the plan's own risk levels, from their data. */
enum { ST_MAX = 64 };

static const char *level_color(const bcp_entity *lvl, bool *dark_text);

typedef struct status_word {
    size_t off;           /* of its text in status_map.escaped */
    const char *text;     /* as cmark writes it: HTML-escaped */
    char cls[24];
    char sym[40];
    bool bold;            /* only a bold cell: a risk level in the register, not a
                           * likelihood step of the same name in the scales table */
} status_word;

typedef struct status_map {
    status_word w[ST_MAX];
    size_t n;
    bcp_buf escaped;      /* the escaped texts, NUL-separated */
} status_map;

static void status_add(status_map *m, const char *text, const char *cls, const char *sym, bool bold)
{
    if (!text || !*text || m->n >= ST_MAX)
        return;
    status_word *w = &m->w[m->n++];
    w->off = m->escaped.len;
    html_escape(&m->escaped, text);
    bcp_buf_put(&m->escaped, "", 1);
    snprintf(w->cls, sizeof w->cls, "%s", cls);
    snprintf(w->sym, sizeof w->sym, "%s", sym);
    w->bold = bold;
}

static void status_map_init(bcp_render_ctx *ctx, status_map *m)
{
    static const char *const words[][3] = {
        {"rpo_met", "st-ok", ""},          {"rpo_not_met", "st-bad", ""},
        {"status_open", "st-bad", "▲"},    {"status_in_progress", "st-warn", "◐"},
        {"status_done", "st-ok", "✔"},     {"status_accepted", "st-info", "●"},
        {"status_planned", "st-info", "○"}, {"never_held", "st-bad", "✘"},
        {"never_tested", "st-bad", "✘"},   {"no_backup", "st-bad", "✘"},
        {"outcome_met", "st-ok", ""},      {"outcome_partly_met", "st-warn", ""},
        {"outcome_not_met", "st-bad", ""},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        status_add(m, bcp_rt_title(ctx, words[i][0]), words[i][1], words[i][2], false);
    const bcp_entity_list *levels = bcp_model_entities(ctx->model, BCP_KIND_RISK_LEVEL);
    for (size_t i = 0; i < levels->count && i < 8; i++) {
        char cls[24], sym[40] = "";
        snprintf(cls, sizeof cls, "lv lv-%zu", i + 1);
        for (size_t k = 0; k < levels->count && k < 8; k++)
            strcat(sym, k <= i ? "●" : "○");
        status_add(m, bcp_rlabel(ctx, levels->items[i]), cls, sym, true);
    }
    for (size_t i = 0; i < m->n; i++)
        m->w[i].text = m->escaped.data + m->w[i].off;
}

/* The plan's risk levels' colours, as classes lv-1 (lowest) .. lv-N. */
static void status_css(bcp_render_ctx *ctx, bcp_buf *o)
{
    const bcp_entity_list *levels = bcp_model_entities(ctx->model, BCP_KIND_RISK_LEVEL);
    for (size_t i = 0; i < levels->count && i < 8; i++) {
        bool dark;
        const char *c = level_color(levels->items[i], &dark);
        bcp_buf_printf(o, ".table-wrap td.lv-%zu{border-left:6px solid %s}.lv-%zu .sym{color:%s}\n", i + 1, c, i + 1, c);
    }
}

/* The status a cell's text (between its tags) is, or NULL. */
static const status_word *status_of(const status_map *m, const char *from, const char *to)
{
    if (!m)
        return NULL;
    bcp_buf text = {0};
    for (const char *q = from; q < to; q++) {
        if (*q == '<') {
            const char *gt = strchr(q, '>');
            if (!gt || gt >= to)
                break;
            q = gt;
            continue;
        }
        bcp_buf_put(&text, q, 1);
    }
    const status_word *hit = NULL;
    bool bold = strncmp(from, "<strong>", 8) == 0;
    for (size_t i = 0; text.data && i < m->n && !hit; i++)
        if (strcmp(text.data, m->w[i].text) == 0 && (bold || !m->w[i].bold))
            hit = &m->w[i];
    bcp_buf_free(&text);
    return hit;
}

/* Table cells short enough not to wrap ("24 小时", "高（4）", a risk id) get
 * class "nw" or "nws": otherwise the browser squeezes them to one character
 * per line next to a column of long prose.  Every table gets a wrapper that scrolls
 * on narrow screens.  Plan text cannot produce these tags: safe mode escapes
 * raw HTML, so every <table>, <td> and <th> here is cmark's own. */
static void mark_tables(const char *html, const status_map *sm, bcp_buf *out)
{
    const char *p = html;
    while (*p) {
        const char *lt = strchr(p, '<');
        if (!lt) {
            bcp_buf_puts(out, p);
            break;
        }
        bcp_buf_put(out, p, (size_t)(lt - p));
        p = lt;
        if (strncmp(p, "<table>", 7) == 0) {
            bcp_buf_puts(out, "<div class=\"table-wrap\"><table>");
            p += 7;
        } else if (strncmp(p, "</table>", 8) == 0) {
            bcp_buf_puts(out, "</table></div>");
            p += 8;
        } else if (strncmp(p, "<td>", 4) == 0 || strncmp(p, "<th>", 4) == 0) {
            const char *close = strstr(p + 4, p[2] == 'd' ? "</td>" : "</th>");
            size_t width = 0;
            bool space = false, ascii = true, phone = true, labelled = false, tail_phone = false;
            size_t tail = 0;
            for (const char *q = p + 4; close && q < close; q++) {
                if (*q == '<') {
                    const char *gt = strchr(q, '>');
                    q = gt && gt < close ? gt : close - 1;
                    continue;
                }
                if (*q == '&') {
                    const char *semi = strchr(q, ';');
                    if (semi && semi < close && semi - q < 10)
                        q = semi;
                }
                if (*q == ' ')
                    space = true;
                if ((unsigned char)*q >= 0x80)
                    ascii = false;
                if (!strchr("0123456789 +-()", *q))
                    phone = false;
                /* "Phone: +44 20 7946 0000", "电话：+86 …": a labelled number */
                bool colon = *q == ':' || ((unsigned char)q[0] == 0xEF && (unsigned char)q[1] == 0xBC &&
                                           (unsigned char)q[2] == 0x9A);
                if (colon) {
                    labelled = true;
                    tail_phone = true;
                    tail = 0;
                    if (*q != ':') {
                        width += 2;
                        q += 2; /* the rest of the full-width colon */
                        continue;
                    }
                } else if (labelled && *q != ' ') {
                    tail_phone = tail_phone && strchr("0123456789+-()", *q);
                    tail++;
                }
                width += display_width(q, 1);
            }
            bool labelled_phone = labelled && tail_phone && tail >= 6 && width <= 40;
            /* very short or a phone number: never wrapped; short, or one word
             * such as a risk id (CJK text breaks anywhere): not wrapped on
             * screen, where there is room */
            const char *cls = !close                                           ? NULL
                              : width <= 10 || labelled_phone || (ascii && phone && width <= 24) ? "nw"
                              : width <= 14 || (ascii && !space && width <= 24) ? "nws"
                                                                                : NULL;
            const status_word *st = close && p[2] == 'd' ? status_of(sm, p + 4, close) : NULL;
            bcp_buf_put(out, p, 3);
            if (cls || st)
                bcp_buf_printf(out, " class=\"%s%s%s%s\"", cls ? cls : "", cls && st ? " " : "", st ? "st " : "",
                               st ? st->cls : "");
            bcp_buf_puts(out, ">");
            if (st && st->sym[0])
                bcp_buf_printf(out, "<span class=\"sym\">%s</span> ", st->sym);
            p += 4;
        } else {
            bcp_buf_put(out, p, 1);
            p++;
        }
    }
}

/* ------------------------------------------------------------- heat map */

static bool parse_color(const char *hex, unsigned *r, unsigned *g, unsigned *b)
{
    if (!hex || hex[0] != '#' || strlen(hex) != 7)
        return false;
    for (int i = 1; i < 7; i++) {
        char c = hex[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    unsigned v = (unsigned)strtoul(hex + 1, NULL, 16);
    *r = v >> 16;
    *g = (v >> 8) & 0xff;
    *b = v & 0xff;
    return true;
}

static const char *level_color(const bcp_entity *lvl, bool *dark_text)
{
    const char *c = lvl ? bcp_entity_text(lvl, "color") : NULL;
    unsigned r, g, b;
    if (!parse_color(c, &r, &g, &b)) {
        *dark_text = true;
        return "#e9ecef";
    }
    *dark_text = (r * 299 + g * 587 + b * 114) / 1000 > 150;
    return c;
}

static void score_names(bcp_render_ctx *ctx, bcp_kind kind, int score, bcp_buf *out)
{
    const bcp_entity *level = bcp_scale_level(ctx->model, kind, score);
    if (level)
        bcp_buf_puts(out, bcp_rlabel(ctx, level));
}

/* The heat map's geometry.  Risks are numbered markers (their rank in the
 * register's order, highest score first) so that any number of risks with
 * titles of any length and language stay readable in a cell; a legend under
 * the grid gives every number its title.  A cell holds HM_PER_ROW x
 * HM_ROWS markers; past that the last place says how many more. */
enum { HM_CW = 150, HM_CH = 100, HM_LEFT = 130, HM_TOP = 12, HM_GW = HM_CW * 5, HM_GH = HM_CH * 5,
       HM_PER_ROW = 5, HM_ROWS = 3, HM_STEP = 27, HM_R = 11 };

static bool in_cell(const bcp_entity *risk, int l, int i)
{
    return bcp_entity_score(risk, "likelihood") == l && bcp_entity_score(risk, "impact") == i;
}

/* Cell (likelihood l, impact i): its level's colour, its score, and a marker
 * per risk: a white disc with a dark ring and the risk's number, legible on
 * every level colour and in black and white. */
static void heatmap_cell(bcp_render_ctx *ctx, bcp_buf *o, bcp_entity **risks, size_t n, int l, int i)
{
    bool dark;
    const char *fill = level_color(bcp_risk_level(ctx->model, l * i), &dark);
    const char *ink = dark ? "#212529" : "#ffffff";
    int x = HM_LEFT + (i - 1) * HM_CW, y = HM_TOP + (5 - l) * HM_CH;
    bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                      "fill-opacity=\"0.85\" stroke=\"#fff\" stroke-width=\"2\"/>",
                   x, y, HM_CW, HM_CH, fill);
    bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"score\" fill=\"%s\">%d</text>", x + HM_CW - 6, y + 14, ink,
                   l * i);
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        if (in_cell(risks[k], l, i))
            total++;
    const size_t places = (size_t)HM_PER_ROW * HM_ROWS;
    size_t room = total > places ? places - 1 : total, shown = 0;
    for (size_t k = 0; k < n && shown < room; k++) {
        if (!in_cell(risks[k], l, i))
            continue;
        int cx = x + 8 + HM_R + (int)(shown % HM_PER_ROW) * HM_STEP;
        int cy = y + 24 + HM_R + (int)(shown / HM_PER_ROW) * HM_STEP;
        bcp_buf_printf(o, "<g class=\"mark\"><title>%zu. ", k + 1);
        html_escape(o, bcp_rlabel(ctx, risks[k]));
        bcp_buf_printf(o, "</title><circle cx=\"%d\" cy=\"%d\" r=\"%d\"/>"
                          "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%zu</text></g>",
                       cx, cy, HM_R, cx, cy + 4, k + 1);
        shown++;
    }
    if (total > shown) {
        int cx = x + 8 + HM_R + (int)(shown % HM_PER_ROW) * HM_STEP;
        int cy = y + 24 + HM_R + (int)(shown / HM_PER_ROW) * HM_STEP;
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"rid\" fill=\"%s\" text-anchor=\"middle\">+%zu</text>",
                       cx, cy + 4, ink, total - shown);
    }
}

/* The numbers' key, under the grid: number, title, level and score, in the
 * register's order.  HTML rather than SVG text, so that long titles in any
 * script wrap instead of being cut. */
static void heatmap_key(bcp_render_ctx *ctx, bcp_buf *o, bcp_entity **risks, size_t n)
{
    if (!n)
        return;
    bcp_buf_puts(o, "<figcaption class=\"hm-key\"><ol>");
    for (size_t k = 0; k < n; k++) {
        int score = bcp_risk_score(risks[k]);
        bcp_buf_printf(o, "<li><span class=\"hm-n\">%zu</span> ", k + 1);
        html_escape(o, bcp_rlabel(ctx, risks[k]));
        const bcp_entity *lvl = bcp_risk_level(ctx->model, score);
        if (lvl) {
            char num[16];
            snprintf(num, sizeof num, "%d", score);
            bcp_buf lv = {0};
            bcp_buf_puts(&lv, bcp_rlabel(ctx, lvl));
            bcp_rfmt_paren(ctx, num, &lv);
            bcp_buf_puts(o, " <span class=\"hm-lv\">— ");
            html_escape(o, lv.data);
            bcp_buf_puts(o, "</span>");
            bcp_buf_free(&lv);
        }
        bcp_buf_puts(o, "</li>");
    }
    bcp_buf_puts(o, "</ol></figcaption>");
}

/* A tick label on an axis: the level's name and its score, "High (4)". */
static void heatmap_tick(bcp_render_ctx *ctx, bcp_buf *o, bcp_kind kind, int score)
{
    bcp_buf name = {0};
    score_names(ctx, kind, score, &name);
    char num[16];
    snprintf(num, sizeof num, "%d", score);
    bcp_rfmt_paren(ctx, num, &name);
    html_escape(o, name.data);
    bcp_buf_puts(o, "</text>");
    bcp_buf_free(&name);
}

/* Likelihood down the left, impact along the bottom. */
static void heatmap_axes(bcp_render_ctx *ctx, bcp_buf *o)
{
    for (int l = 5; l >= 1; l--) {
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">", HM_LEFT - 8,
                       HM_TOP + (5 - l) * HM_CH + HM_CH / 2 + 4);
        heatmap_tick(ctx, o, BCP_KIND_LIKELIHOOD_LEVEL, l);
    }
    for (int i = 1; i <= 5; i++) {
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">",
                       HM_LEFT + (i - 1) * HM_CW + HM_CW / 2, HM_TOP + HM_GH + 18);
        heatmap_tick(ctx, o, BCP_KIND_IMPACT_LEVEL, i);
    }
    bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">", HM_LEFT + HM_GW / 2,
                   HM_TOP + HM_GH + 40);
    html_escape(o, bcp_rt_item(ctx, "heatmap_axes", 1));
    bcp_buf_puts(o, " →</text>");
    bcp_buf_printf(o, "<text x=\"14\" y=\"%d\" class=\"axis\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">",
                   HM_TOP + HM_GH / 2, HM_TOP + HM_GH / 2);
    html_escape(o, bcp_rt_item(ctx, "heatmap_axes", 0));
    bcp_buf_puts(o, " →</text>");
}

/* The level bands, lowest first. */
static void heatmap_legend(bcp_render_ctx *ctx, bcp_buf *o)
{
    const bcp_entity_list *levels = bcp_model_entities(ctx->model, BCP_KIND_RISK_LEVEL);
    int lx = HM_LEFT;
    for (size_t i = 0; i < levels->count; i++) {
        bool dark;
        const char *fill = level_color(levels->items[i], &dark);
        bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" rx=\"2\" fill=\"%s\" fill-opacity=\"0.85\"/>", lx,
                       HM_TOP + HM_GH + 58, fill);
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\">", lx + 20, HM_TOP + HM_GH + 70);
        const char *name = bcp_rlabel(ctx, levels->items[i]);
        html_escape(o, name);
        bcp_buf_puts(o, "</text>");
        lx += 40 + 7 * (int)display_width(name, strlen(name));
    }
}

static void heatmap_svg(bcp_render_ctx *ctx, bcp_buf *o)
{
    size_t n;
    bcp_entity **risks = bcp_sorted_risks(ctx->model, &n);
    const int width = HM_LEFT + HM_GW + 12, height = HM_TOP + HM_GH + 84;
    bcp_buf_puts(o, "<figure class=\"figure heatmap\">");
    bcp_buf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                   width, height);
    html_escape(o, bcp_rt_title(ctx, "risk_heatmap"));
    bcp_buf_puts(o, "\" font-size=\"12\">");
    for (int l = 5; l >= 1; l--)
        for (int i = 1; i <= 5; i++)
            heatmap_cell(ctx, o, risks, n, l, i);
    heatmap_axes(ctx, o);
    heatmap_legend(ctx, o);
    bcp_buf_puts(o, "</svg>");
    heatmap_key(ctx, o, risks, n);
    bcp_buf_puts(o, "</figure>\n");
    bcp_free(risks);
}

/* ------------------------------------------------------------- timeline */

static const int64_t ticks[] = {
    0, 4 * HOUR_S, 12 * HOUR_S, 24 * HOUR_S, 48 * HOUR_S, 72 * HOUR_S, 168 * HOUR_S, 336 * HOUR_S,
    720 * HOUR_S, 2160 * HOUR_S, 4320 * HOUR_S, 8760 * HOUR_S,
};
#define TICK_COUNT (sizeof ticks / sizeof *ticks)

/* Piecewise-linear: every interval between ticks gets the same width, so that
 * 4 hours and 2 weeks are both readable on one axis. */
static double time_x(int64_t s, size_t last_tick, double x0, double width)
{
    double seg = width / (double)last_tick;
    for (size_t i = 1; i <= last_tick; i++) {
        if (s <= ticks[i])
            return x0 + seg * ((double)(i - 1) + (double)(s - ticks[i - 1]) / (double)(ticks[i] - ticks[i - 1]));
    }
    return x0 + width;
}

typedef struct band {
    const char *title;
    int64_t starts, ends;
    bool open;
} band;

/* The timeline's geometry: a lane per phase at the top (every phase named,
 * however short its window), then a row per function; time runs left to
 * right on the piecewise scale above, whose breaks are marked on the axis. */
enum { TL_LEFT = 210, TL_RIGHT = 24, TL_PAD = 8, TL_LANE = 20, TL_ROW = 30, TL_WIDTH = 900, TL_MAX_BANDS = 64 };
#define TL_PLOT ((double)(TL_WIDTH - TL_LEFT - TL_RIGHT))

static const char *const tints[] = {"#e7f0fb", "#eef5e6", "#fbf0e3", "#f3ecf8"};
static const char *const tint_edges[] = {"#8fb0d9", "#9cc17f", "#e0ad6e", "#b69ad0"};

typedef struct timeline {
    bcp_render_ctx *ctx;
    bcp_buf *o;
    bcp_entity **fns;
    size_t fn_count, rows;        /* rows: at least one, even without functions */
    band bands[TL_MAX_BANDS];
    size_t nb;
    size_t last;                  /* the last tick on the axis */
    int top;                      /* where the function rows start */
} timeline;

/* The phases as bands, or the three default phases when the plan has none. */
static void timeline_bands(timeline *t)
{
    size_t ph_count;
    bcp_entity **phs = bcp_sorted_phases(t->ctx->model, &ph_count);
    if (ph_count) {
        for (size_t i = 0; i < ph_count && t->nb < TL_MAX_BANDS; i++) {
            int64_t s = 0, e = 0;
            bcp_entity_duration(phs[i], "starts", &s);
            bool has_end = bcp_entity_duration(phs[i], "ends", &e);
            t->bands[t->nb++] = (band){bcp_rlabel(t->ctx, phs[i]), s, has_end ? e : 0, !has_end};
        }
    } else {
        static const char *const ids[] = {"phase_response", "phase_short_term", "phase_long_term"};
        for (size_t i = 0; i < 3; i++) {
            int64_t s, e;
            bool has_end;
            bcp_default_phase_window(t->ctx->model, i, &s, &e, &has_end);
            t->bands[t->nb++] = (band){bcp_rt_title(t->ctx, ids[i]), s, e, !has_end};
        }
    }
    bcp_free(phs);
    t->top = TL_PAD + (int)t->nb * TL_LANE + 8;
}

/* The axis reaches the first tick past every phase boundary, RTO and MTPD
 * (at least a week). */
static void timeline_axis(timeline *t)
{
    int64_t horizon = 168 * HOUR_S;
    for (size_t i = 0; i < t->nb; i++) {
        if (t->bands[i].ends > horizon)
            horizon = t->bands[i].ends;
        if (t->bands[i].starts > horizon)
            horizon = t->bands[i].starts;
    }
    for (size_t i = 0; i < t->fn_count; i++) {
        int64_t v;
        if (bcp_entity_duration(t->fns[i], "mtpd", &v) && v > horizon)
            horizon = v;
        if (bcp_entity_duration(t->fns[i], "rto", &v) && v > horizon)
            horizon = v;
    }
    t->last = 1;
    while (t->last < TICK_COUNT - 1 && ticks[t->last] < horizon)
        t->last++;
}

static double band_x1(const timeline *t, const band *b) { return time_x(b->starts, t->last, TL_LEFT, TL_PLOT); }
static double band_x2(const timeline *t, const band *b)
{
    return b->open ? TL_LEFT + TL_PLOT : time_x(b->ends, t->last, TL_LEFT, TL_PLOT);
}

/* Each phase: its tint behind the function rows, and its own lane on top
 * with its number and full title, written from the band's start (or ending
 * at the right edge when it would run past it). */
static void timeline_draw_bands(timeline *t)
{
    bcp_buf *o = t->o;
    int bottom = t->top + (int)t->rows * TL_ROW;
    for (size_t i = 0; i < t->nb; i++) {
        double x1 = band_x1(t, &t->bands[i]), x2 = band_x2(t, &t->bands[i]);
        if (x2 <= x1)
            continue;
        bcp_buf_printf(o, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x1, t->top,
                       x2 - x1, bottom - t->top, tints[i % 4]);
    }
    for (size_t i = 0; i < t->nb; i++) {
        double x1 = band_x1(t, &t->bands[i]), x2 = band_x2(t, &t->bands[i]);
        int y = TL_PAD + (int)i * TL_LANE;
        if (x2 > x1)
            bcp_buf_printf(o, "<rect class=\"lane\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\" "
                              "stroke=\"%s\"/>",
                           x1, y + 2, x2 - x1, TL_LANE - 4, tints[i % 4], tint_edges[i % 4]);
        bcp_buf label = {0};
        bcp_buf_printf(&label, "%zu. %s", i + 1, t->bands[i].title);
        double w = (double)display_width(label.data, label.len) * 6.6 + 8;
        bool end = x1 + 4 + w > TL_WIDTH - TL_RIGHT;
        bcp_buf_printf(o, "<text x=\"%.1f\" y=\"%d\" class=\"band\" text-anchor=\"%s\">",
                       end ? (double)(TL_WIDTH - TL_RIGHT) - 4 : x1 + 4, y + TL_LANE / 2 + 4, end ? "end" : "start");
        html_escape(o, label.data);
        bcp_buf_puts(o, "</text>");
        bcp_buf_free(&label);
    }
}

/* The scale is not linear: where the time per pixel changes from one
 * interval to the next, the axis is cut and a break mark (two slanted
 * strokes) says so. */
static bool scale_breaks_at(size_t i)
{
    return ticks[i] - ticks[i - 1] != ticks[i + 1] - ticks[i];
}

static void timeline_draw_ticks(timeline *t)
{
    bcp_buf *o = t->o;
    int bottom = t->top + (int)t->rows * TL_ROW;
    bcp_buf_printf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#495057\"/>", TL_LEFT, bottom,
                   TL_LEFT + TL_PLOT, bottom);
    for (size_t i = 0; i <= t->last; i++) {
        double x = time_x(ticks[i], t->last, TL_LEFT, TL_PLOT);
        bcp_buf label = {0};
        bcp_rfmt_duration(t->ctx, ticks[i], &label);
        bcp_buf_printf(o, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#adb5bd\" stroke-dasharray=\"2 3\"/>",
                       x, t->top, x, bottom);
        /* the last tick ends at the edge: right-aligned so it stays inside */
        bcp_buf_printf(o, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"%s\">", x, bottom + 16,
                       i == t->last ? "end" : i == 0 ? "start" : "middle");
        html_escape(o, label.data);
        bcp_buf_puts(o, "</text>");
        bcp_buf_free(&label);
        if (i > 0 && i < t->last && scale_breaks_at(i)) {
            double bx = x;
            bcp_buf_printf(o, "<g class=\"brk\"><rect x=\"%.1f\" y=\"%d\" width=\"7\" height=\"10\" fill=\"#fff\"/>"
                              "<path d=\"M%.1f %d l4 -10 M%.1f %d l4 -10\" stroke=\"#212529\" stroke-width=\"1.4\"/></g>",
                           bx - 3.5, bottom - 5, bx - 4, bottom + 5, bx + 1, bottom + 5);
        }
    }
}

/* A function's row: its name, the MTPD bar, the RTO bar with its value. */
static void timeline_draw_function(timeline *t, size_t i)
{
    bcp_buf *o = t->o;
    int y = t->top + (int)i * TL_ROW;
    const char *name = bcp_rlabel(t->ctx, t->fns[i]);
    bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"fn\" text-anchor=\"end\"><title>", TL_LEFT - 10,
                   y + TL_ROW / 2 + 4);
    html_escape(o, name);
    bcp_buf_puts(o, "</title>");
    fit_text(o, name, 29);
    bcp_buf_puts(o, "</text>");
    int64_t mtpd, rto;
    if (bcp_entity_duration(t->fns[i], "mtpd", &mtpd))
        bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"#f4a261\" fill-opacity=\"0.45\"/>",
                       TL_LEFT, y + 6, time_x(mtpd, t->last, TL_LEFT, TL_PLOT) - TL_LEFT, TL_ROW - 12);
    if (!bcp_entity_duration(t->fns[i], "rto", &rto))
        return;
    double x = time_x(rto, t->last, TL_LEFT, TL_PLOT);
    bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"#1d4e89\"/>", TL_LEFT,
                   y + 10, x - TL_LEFT, TL_ROW - 20);
    bcp_buf label = {0};
    bcp_rfmt_duration(t->ctx, rto, &label);
    double lw = (double)display_width(label.data, label.len) * 6.2 + 8;
    /* past the bar's end, or inside it when that would leave the chart */
    bool inside = x + lw > TL_WIDTH - TL_RIGHT && x - TL_LEFT > lw;
    bcp_buf_printf(o, "<text x=\"%.1f\" y=\"%d\" class=\"val%s\"%s>", inside ? x - 4 : x + 4, y + TL_ROW / 2 + 4,
                   inside ? " in" : "", inside ? " text-anchor=\"end\"" : "");
    html_escape(o, label.data);
    bcp_buf_puts(o, "</text>");
    bcp_buf_free(&label);
}

/* The key under the chart: RTO, MTPD, the break mark, and the time axis. */
static void timeline_draw_legend(timeline *t)
{
    bcp_buf *o = t->o;
    int ly = t->top + (int)t->rows * TL_ROW + 36;
    const char *rto_label = bcp_rt_item(t->ctx, "timeline_labels", 0);
    const char *mtpd_label = bcp_rt_item(t->ctx, "timeline_labels", 1);
    int mx = TL_LEFT + 40 + 7 * (int)display_width(rto_label, strlen(rto_label));
    int bx = mx + 40 + 7 * (int)display_width(mtpd_label, strlen(mtpd_label));
    bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"10\" rx=\"2\" fill=\"#1d4e89\"/>", TL_LEFT, ly);
    bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\">", TL_LEFT + 28, ly + 9);
    html_escape(o, rto_label);
    bcp_buf_printf(o, "</text><rect x=\"%d\" y=\"%d\" width=\"22\" height=\"10\" rx=\"2\" fill=\"#f4a261\" fill-opacity=\"0.45\"/>",
                   mx, ly);
    bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\">", mx + 28, ly + 9);
    html_escape(o, mtpd_label);
    bcp_buf_printf(o, "</text><g class=\"brk\"><path d=\"M%d %d l4 -10 M%d %d l4 -10\" stroke=\"#212529\" "
                      "stroke-width=\"1.4\"/></g><text x=\"%d\" y=\"%d\" class=\"tick\">",
                   bx + 4, ly + 10, bx + 9, ly + 10, bx + 22, ly + 9);
    html_escape(o, bcp_rt_title(t->ctx, "timeline_break"));
    bcp_buf_printf(o, "</text><text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">", TL_WIDTH - TL_RIGHT, ly + 9);
    html_escape(o, bcp_rt_item(t->ctx, "timeline_labels", 2));
    bcp_buf_puts(o, " →</text>");
}

static void timeline_svg(bcp_render_ctx *ctx, bcp_buf *o)
{
    timeline *t = bcp_calloc(1, sizeof *t);
    t->ctx = ctx;
    t->o = o;
    t->fns = bcp_sorted_functions(ctx->model, &t->fn_count);
    t->rows = t->fn_count ? t->fn_count : 1;
    timeline_bands(t);
    timeline_axis(t);
    int height = t->top + (int)t->rows * TL_ROW + 56;
    bcp_buf_puts(o, "<figure class=\"figure timeline\">");
    bcp_buf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"",
                   TL_WIDTH, height);
    html_escape(o, bcp_rt_title(ctx, "timeline"));
    bcp_buf_puts(o, "\" font-size=\"12\">");
    timeline_draw_bands(t);
    timeline_draw_ticks(t);
    for (size_t i = 0; i < t->fn_count; i++)
        timeline_draw_function(t, i);
    timeline_draw_legend(t);
    bcp_buf_puts(o, "</svg>");
    bcp_buf_puts(o, "<figcaption>");
    html_escape(o, bcp_rt_body(ctx, "timeline"));
    bcp_buf_puts(o, " ");
    html_escape(o, bcp_rt_body(ctx, "timeline_break"));
    bcp_buf_puts(o, "</figcaption></figure>\n");
    bcp_free(t->fns);
    bcp_free(t);
}

/* -------------------------------------------------------- impact over time */

/* A grid: a row per function with an impact curve, a column per point in time
 * any curve states (in order, labelled, not to scale), each cell the worst
 * score at that time with its number, coloured by it; a time between a
 * function's bands carries its last score forward (lighter).  The tables
 * before the figure hold the same values as text. */
enum { IM_LEFT = 210, IM_TOP = 34, IM_ROW = 28, IM_COL = 64, IM_MAX_COLS = 10 };

static const char *const impact_fill[] = {"#f1f3f5", "#d3f9d8", "#fff3bf", "#ffd8a8", "#ffa8a8", "#e03131"};

static void impact_svg(bcp_render_ctx *ctx, bcp_buf *o)
{
    size_t n;
    bcp_entity **fns = bcp_sorted_functions(ctx->model, &n);
    int64_t times[IM_MAX_COLS];
    size_t nt = 0, rows = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nb;
        bcp_impact_band *b = bcp_function_impact_curve(fns[i], &nb);
        rows += nb > 0;
        for (size_t k = 0; k < nb; k++) {
            size_t at = 0;
            while (at < nt && times[at] < b[k].after)
                at++;
            if ((at < nt && times[at] == b[k].after) || nt == IM_MAX_COLS)
                continue;
            memmove(&times[at + 1], &times[at], (nt - at) * sizeof *times);
            times[at] = b[k].after;
            nt++;
        }
        bcp_free(b);
    }
    if (!rows) {
        bcp_free(fns);
        return;
    }
    int width = IM_LEFT + (int)nt * IM_COL + 110, height = IM_TOP + (int)rows * IM_ROW + 16;
    bcp_buf_puts(o, "<figure class=\"figure impact\">");
    bcp_buf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", width,
                   height);
    html_escape(o, bcp_rt_title(ctx, "impact_figure"));
    bcp_buf_puts(o, "\" font-size=\"12\">");
    for (size_t c = 0; c < nt; c++) {
        bcp_buf label = {0};
        bcp_rfmt_duration(ctx, times[c], &label);
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">", IM_LEFT + (int)c * IM_COL + IM_COL / 2,
                       IM_TOP - 10);
        html_escape(o, label.data);
        bcp_buf_puts(o, "</text>");
        bcp_buf_free(&label);
    }
    bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\">MTPD</text>", IM_LEFT + (int)nt * IM_COL + 12, IM_TOP - 10);
    size_t row = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nb;
        bcp_impact_band *b = bcp_function_impact_curve(fns[i], &nb);
        if (!nb)
            continue;
        int y = IM_TOP + (int)row++ * IM_ROW;
        const char *name = bcp_rlabel(ctx, fns[i]);
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"fn\" text-anchor=\"end\"><title>", IM_LEFT - 10, y + IM_ROW / 2 + 4);
        html_escape(o, name);
        bcp_buf_puts(o, "</title>");
        fit_text(o, name, 29);
        bcp_buf_puts(o, "</text>");
        size_t k = 0;
        int score = 0;
        for (size_t c = 0; c < nt; c++) {
            bool stated = false;
            while (k < nb && b[k].after <= times[c]) {
                stated = b[k].after == times[c];
                score = b[k++].worst;
            }
            if (!score)
                continue;
            int x = IM_LEFT + (int)c * IM_COL;
            bcp_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"%s stroke=\"#ffffff\"/>", x, y,
                           IM_COL, IM_ROW, impact_fill[score], stated ? "" : " fill-opacity=\"0.45\"");
            bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"val%s\" text-anchor=\"middle\">%d</text>", x + IM_COL / 2,
                           y + IM_ROW / 2 + 4, score == 5 && stated ? " in" : "", score);
        }
        bcp_free(b);
        int64_t mtpd;
        bcp_buf label = {0};
        if (bcp_entity_duration(fns[i], "mtpd", &mtpd))
            bcp_rfmt_duration(ctx, mtpd, &label);
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"tick\">", IM_LEFT + (int)nt * IM_COL + 12, y + IM_ROW / 2 + 4);
        html_escape(o, label.data ? label.data : "—");
        bcp_buf_puts(o, "</text>");
        bcp_buf_free(&label);
    }
    bcp_buf_puts(o, "</svg><figcaption>");
    html_escape(o, bcp_rt_body(ctx, "impact_figure"));
    bcp_buf_puts(o, "</figcaption></figure>\n");
    bcp_free(fns);
}

/* ---------------------------------------------------- notification tree */

/* Left to right: the crisis team, the tiers (and external contacts) it
 * notifies, the people in each; elbow arrows between them. */
enum { NT_ROW = 26, NT_TOP = 10, NT_ROOT_X = 8, NT_ROOT_W = 230, NT_GROUP_X = 280, NT_GROUP_W = 250,
       NT_LEAF_X = 572, NT_LEAF_W = 320, NT_WIDTH = 900, NT_MAX_LEAVES = 12 };

static void nt_box(bcp_buf *o, const char *cls, int x, int y, int w, int h)
{
    bcp_buf_printf(o, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>", cls, x, y, w, h);
}

static void nt_edge(bcp_buf *o, int x1, int y1, int x2, int y2)
{
    int mx = (x1 + x2) / 2;
    bcp_buf_printf(o, "<path class=\"nt-edge\" d=\"M%d %d H%d V%d H%d\" marker-end=\"url(#nt-arrow)\"/>", x1, y1, mx,
                   y2, x2 - 2);
}

static void notify_svg(bcp_render_ctx *ctx, bcp_buf *o)
{
    bcp_notify_tree t;
    bcp_notify_tree_build(ctx->model, &t);
    /* rows per group: its people (at most NT_MAX_LEAVES, the last saying how
     * many more), or one placeholder */
    size_t rows[BCP_NOTIFY_GROUPS], total = 0;
    bool shown[BCP_NOTIFY_GROUPS];
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++) {
        shown[g] = g < 3 || t.groups[g].count;
        rows[g] = !shown[g] ? 0 : !t.groups[g].count ? 1 : t.groups[g].count > NT_MAX_LEAVES ? NT_MAX_LEAVES : t.groups[g].count;
        total += rows[g];
    }
    int gap = 10, groups_shown = 0;
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++)
        groups_shown += shown[g];
    int height = NT_TOP * 2 + (int)total * NT_ROW + (groups_shown - 1) * gap;
    bcp_buf_puts(o, "<figure class=\"figure ntree\">");
    bcp_buf_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", NT_WIDTH,
                   height);
    html_escape(o, bcp_rt_title(ctx, "com_tree"));
    bcp_buf_puts(o, "\" font-size=\"12\"><defs><marker id=\"nt-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" "
                    "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L8 4L0 8z\" fill=\"#5f6b7a\"/>"
                    "</marker></defs>");
    int root_y = height / 2;
    /* the root: the crisis team(s), one line each, and the lead */
    const bcp_entity *lead = t.root_count ? bcp_entity_ref(t.roots[0], "lead") : NULL;
    size_t lines = t.root_count ? (t.root_count > 4 ? 4 : t.root_count) : 1;
    int box_h = 12 + (int)lines * 17 + (lead ? 16 : 0), box_y = root_y - box_h / 2;
    nt_box(o, "nt-root", NT_ROOT_X, box_y, NT_ROOT_W, box_h);
    for (size_t i = 0; i < lines; i++) {
        const char *name = t.root_count ? bcp_rlabel(ctx, t.roots[i]) : bcp_rt_title(ctx, "tree_root");
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"nt-rt\" text-anchor=\"middle\"><title>",
                       NT_ROOT_X + NT_ROOT_W / 2, box_y + 20 + (int)i * 17);
        html_escape(o, name);
        bcp_buf_puts(o, "</title>");
        if (i + 1 == lines && t.root_count > lines)
            bcp_buf_printf(o, "+%zu", t.root_count - i);
        else
            fit_text(o, name, 30);
        bcp_buf_puts(o, "</text>");
    }
    if (lead) {
        bcp_buf l = {0};
        bcp_buf_printf(&l, "%s%s%s", bcp_rt_title(ctx, "role_lead"), bcp_rt_title(ctx, "colon"), bcp_rlabel(ctx, lead));
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"nt-lead\" text-anchor=\"middle\">", NT_ROOT_X + NT_ROOT_W / 2,
                       box_y + box_h - 9);
        fit_text(o, l.data, 34);
        bcp_buf_puts(o, "</text>");
        bcp_buf_free(&l);
    }
    int y = NT_TOP;
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++) {
        if (!shown[g])
            continue;
        const bcp_notify_group *gr = &t.groups[g];
        int gy = y + (int)rows[g] * NT_ROW / 2;
        nt_edge(o, NT_ROOT_X + NT_ROOT_W, root_y, NT_GROUP_X, gy);
        nt_box(o, g == 3 ? "nt-group nt-ext" : "nt-group", NT_GROUP_X, gy - 12, NT_GROUP_W, 24);
        const char *gt = bcp_rt_title(ctx, gr->title_id);
        bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"nt-gt\"><title>", NT_GROUP_X + 8, gy + 4);
        html_escape(o, gt);
        bcp_buf_puts(o, "</title>");
        fit_text(o, gt, 36);
        bcp_buf_puts(o, "</text>");
        for (size_t k = 0; k < rows[g]; k++) {
            int ly = y + (int)k * NT_ROW + NT_ROW / 2;
            nt_edge(o, NT_GROUP_X + NT_GROUP_W, gy, NT_LEAF_X, ly);
            nt_box(o, "nt-leaf", NT_LEAF_X, ly - 11, NT_LEAF_W, 22);
            bcp_buf leaf = {0};
            if (!gr->count) {
                bcp_buf_puts(&leaf, bcp_rt_title(ctx, g == 2 ? "all_staff" : "tree_nobody"));
            } else if (k + 1 == rows[g] && gr->count > rows[g]) {
                bcp_buf_printf(&leaf, "+%zu", gr->count - k);
            } else {
                const bcp_entity *e = gr->members[k];
                bcp_buf_puts(&leaf, bcp_rlabel(ctx, e));
                const char *role = e->kind == BCP_KIND_CONTACT ? bcp_rattr(ctx, e, "role") : NULL;
                if (role)
                    bcp_rfmt_paren(ctx, role, &leaf);
            }
            bcp_buf_printf(o, "<text x=\"%d\" y=\"%d\" class=\"nt-lt\"><title>", NT_LEAF_X + 8, ly + 4);
            html_escape(o, leaf.data);
            bcp_buf_puts(o, "</title>");
            fit_text(o, leaf.data, 44);
            bcp_buf_puts(o, "</text>");
            bcp_buf_free(&leaf);
        }
        y += (int)rows[g] * NT_ROW + gap;
    }
    bcp_buf_puts(o, "</svg></figure>\n");
    bcp_notify_tree_free(&t);
}

/* ------------------------------------------------------------------ page */

static const char css[] =
    ":root{--ink:#1f2933;--muted:#5f6b7a;--rule:#d5dbe3;--accent:#1d4e89;--head:#eef3f9;}\n"
    "*{box-sizing:border-box}\n"
    "html{font-size:15px}\n"
    "body{margin:0;color:var(--ink);background:#f5f7fa;line-height:1.65;"
    "font-family:-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",sans-serif}\n"
    ":lang(zh) body,body:lang(zh){font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
    "\"Hiragino Sans GB\",\"Microsoft YaHei\",-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif}\n"
    ".page{max-width:1060px;margin:2rem auto;background:#fff;padding:3rem 3.5rem;"
    "box-shadow:0 1px 3px rgba(16,24,40,.12)}\n"
    "h1{font-size:2rem;line-height:1.3;margin:0 0 1.5rem;color:var(--accent);"
    "border-bottom:3px solid var(--accent);padding-bottom:.6rem}\n"
    "h2{font-size:1.45rem;margin:2.8rem 0 1rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule);color:var(--accent)}\n"
    "h3{font-size:1.15rem;margin:2rem 0 .6rem}\n"
    "h4{font-size:1rem;margin:1.4rem 0 .4rem;color:var(--accent)}\n"
    "p,ul,ol{margin:.5rem 0 .9rem}\n"
    "li{margin:.2rem 0}\n"
    "em{color:var(--muted)}\n"
    "code{font-family:\"SFMono-Regular\",Consolas,\"Liberation Mono\",monospace;font-size:.88em;"
    "background:#f1f3f5;padding:.05em .3em;border-radius:3px}\n"
    "blockquote{margin:.6rem 0 1.2rem;padding:.7rem 1rem;background:#f8f9fb;border-left:4px solid var(--accent);"
    "color:#33404d}\n"
    "table{border-collapse:collapse;width:100%;margin:.6rem 0 1.4rem;font-size:.86rem;line-height:1.45}\n"
    "th,td{border:1px solid var(--rule);padding:.4rem .55rem;text-align:left;vertical-align:top;"
    "overflow-wrap:break-word}\n"
    "th.nw,td.nw,th.nws,td.nws{white-space:nowrap}\n"
    ".table-wrap{overflow-x:auto;margin:.6rem 0 1.4rem}\n"
    ".table-wrap>table{margin:0}\n"
    "th{background:var(--head);font-weight:600;color:#243447}\n"
    "tbody tr:nth-child(even) td{background:#fafbfc}\n"
    ".cover table{width:auto;min-width:60%;font-size:.95rem}\n"
    ".cover td:first-child{font-weight:600;white-space:nowrap;background:var(--head)}\n"
    "nav.toc{margin:2rem 0 1rem;padding:1.2rem 1.6rem;background:#f8f9fb;border:1px solid var(--rule)}\n"
    "nav.toc h2{margin:0 0 .6rem;border:0;font-size:1.2rem}\n"
    "nav.toc ol{margin:0;padding-left:1.2rem;list-style:none}\n"
    "nav.toc>ol{columns:2;column-gap:2.5rem}\n"
    "nav.toc>ol>li{break-inside:avoid}\n"
    "nav.toc>ol>li{margin:.35rem 0;font-weight:600}\n"
    "nav.toc ol ol{font-weight:400;padding-left:1.2rem}\n"
    "nav.toc a{color:var(--ink);text-decoration:none}\n"
    "nav.toc a:hover{color:var(--accent);text-decoration:underline}\n"
    ".figure{margin:1rem 0 1.6rem;text-align:center}\n"
    ".figure svg{max-width:100%;height:auto}\n"
    ".heatmap svg{max-width:892px}\n"
    ".figure figcaption{font-size:.85rem;color:var(--muted);margin-top:.3rem}\n"
    "svg text{font-family:inherit}\n"
    "svg .score{font-size:10px;text-anchor:end;opacity:.8}\n"
    "svg .rid{font-size:12px;font-weight:600}\n"
    "svg .nt-root{fill:#1d4e89}\n"
    "svg .nt-rt{fill:#fff;font-weight:700;font-size:12.5px}\n"
    "svg .nt-lead{fill:#e7f0fb;font-size:11.5px}\n"
    "svg .nt-group{fill:#e7f0fb;stroke:#8fb0d9}\n"
    "svg .nt-ext{fill:#fbf0e3;stroke:#e0ad6e}\n"
    "svg .nt-gt{font-weight:600;fill:#243447}\n"
    "svg .nt-leaf{fill:#fff;stroke:#c5ced8}\n"
    "svg .nt-lt{fill:#1f2933}\n"
    "svg .nt-edge{fill:none;stroke:#5f6b7a;stroke-width:1.2}\n"
    /* status marks: a symbol and a word; the colour only adds to them */
    ".table-wrap td.st-ok{color:#1e6b35;background:#e8f5ec}\n"
    ".table-wrap td.st-bad{color:#a51d1d;background:#fdecec;font-weight:600}\n"
    ".table-wrap td.st-warn{color:#8a4b00;background:#fff3e0}\n"
    ".table-wrap td.st-info{color:#1d4e89;background:#eaf1fa}\n"
    ".table-wrap td.st{white-space:nowrap}\n"
    ".sym{letter-spacing:-.05em}\n"
    "svg .mark circle{fill:#fff;stroke:#212529;stroke-width:1.5}\n"
    "svg .mark text{font-size:11.5px;font-weight:700;fill:#212529}\n"
    ".hm-key{text-align:left;max-width:892px;margin:.4rem auto 0;color:var(--ink)}\n"
    ".hm-key ol{list-style:none;margin:0;padding:0;columns:2;column-gap:2rem}\n"
    ".hm-key li{break-inside:avoid;margin:.15rem 0}\n"
    ".hm-n{display:inline-block;min-width:1.5em;padding:0 .2em;border:1.5px solid #212529;border-radius:1em;"
    "text-align:center;font-weight:700;font-size:.8em;line-height:1.4}\n"
    ".hm-lv{color:var(--muted)}\n"
    "svg .tick{font-size:12px;fill:#495057}\n"
    "svg .axis{font-size:13px;font-weight:600;fill:#343a40}\n"
    "svg .band{font-size:12px;font-weight:600;fill:#3d4b5c}\n"
    "svg .fn{font-size:12.5px;fill:#1f2933}\n"
    "svg .val{font-size:11px;fill:#1d4e89;font-weight:600}\n"
    "svg .val.in{fill:#ffffff}\n"
    "footer{max-width:1060px;margin:0 auto 2rem;font-size:.8rem;color:var(--muted);text-align:center}\n"
    "@page{size:A4;margin:16mm 14mm 18mm}\n"
    "@media print{\n"
    "  html{font-size:10.5pt}\n"
    "  body{background:#fff}\n"
    "  .page{max-width:none;margin:0;padding:0;box-shadow:none}\n"
    "  .cover{min-height:60vh}\n"
    "  nav.toc{break-after:page;background:none}\n"
    "  h2{break-before:page}\n"
    "  h2,h3,h4{break-after:avoid}\n"
    "  p:has(+ figure),p:has(+ .table-wrap){break-after:avoid}\n"
    /* a heading's purpose line stays with the list or table it introduces */
    "  h2+p,h3+p,h4+p{break-after:avoid}\n"
    "  li{break-inside:avoid}\n"
    "  table,figure,blockquote{break-inside:auto}\n"
    "  .table-wrap{overflow:visible}\n"
    "  table{font-size:8pt}\n"
    "  th,td{padding:.25rem .35rem}\n"
    "  th.nws,td.nws{white-space:normal}\n"
    "  tr,figure,blockquote{break-inside:avoid}\n"
    "  thead{display:table-header-group}\n"
    "  a{color:inherit;text-decoration:none}\n"
    "  footer{margin-top:1rem}\n"
    "}\n";

/* A draft's mark: a fixed box, which a browser draws in view on screen and
 * repeats on every printed page. */
static const char draft_css[] =
    ".draft-mark{position:fixed;top:.6rem;right:.6rem;z-index:10;padding:.15rem .8rem;"
    "border:3px solid #c92a2a;border-radius:4px;color:#c92a2a;background:rgba(255,255,255,.9);"
    "font-weight:700;font-size:1.1rem;letter-spacing:.18em}\n"
    "@media print{.draft-mark{position:fixed;top:0;right:0}}\n";

static void add_part(const char *html, const status_map *sm, bcp_buf *body, toc *t)
{
    bcp_buf marked = {0};
    mark_tables(html, sm, &marked);
    add_heading_ids(marked.data ? marked.data : "", body, t);
    bcp_buf_free(&marked);
}

char *bcp_render_html(bcp_render_ctx *ctx, char **error)
{
    bcp_md_doc doc;
    bcp_render_markdown(ctx, true, &doc);
    const char *md = doc.markdown;
    size_t len = strlen(md);
    /* the figures go at the offsets the Markdown recorded, in document order;
     * the impact figure (chapter 3) only when some function has an impact curve */
    /* the readiness figure (chapter 1) first, when the document has the score */
    enum { FIGS = 7, PARTS = FIGS + 2, IMPACT = 2, GRAPH = 3, SCENARIO = 5 };
    void (*const figure[FIGS])(bcp_render_ctx *, bcp_buf *) = {
        bcp_html_readiness_svg, heatmap_svg,  impact_svg, bcp_html_graph_figure,
        timeline_svg,           bcp_html_scenario_timelines, notify_svg};
    size_t at[FIGS] = {doc.readiness_at, doc.heatmap_at,  doc.impact_at, doc.graph_at,
                       doc.timeline_at,  doc.scenario_at, doc.notify_at};
    bool shown[FIGS] = {doc.readiness_at != 0, true, doc.impact_at != 0, doc.graph_at != 0,
                        true,                  doc.scenario_at != 0, true};
    if (!shown[0])
        at[0] = doc.heatmap_at; /* an empty part: the cover still ends at the first heading */
    for (int i = 0; i < FIGS; i++) {
        size_t floor = i ? at[i - 1] : 0;
        if (at[i] > len)
            at[i] = len;
        if (at[i] < floor) {
            at[i] = floor;
            if (i == IMPACT || i == GRAPH || i == SCENARIO)
                shown[i] = false;
        }
    }
    /* the cover is everything before the first section heading */
    const char *first_h2 = strstr(md, "\n## ");
    size_t cover_end = first_h2 && (size_t)(first_h2 - md) < at[0] ? (size_t)(first_h2 - md) + 1 : 0;

    struct { size_t from, to; } parts[PARTS];
    parts[0].from = 0;
    parts[0].to = cover_end;
    parts[1].from = cover_end;
    parts[1].to = at[0];
    for (int i = 0; i < FIGS; i++) {
        parts[i + 2].from = at[i];
        parts[i + 2].to = i + 1 < FIGS ? at[i + 1] : len;
    }
    char *html_parts[PARTS];
    for (int i = 0; i < PARTS; i++) {
        html_parts[i] = markdown_to_html(md + parts[i].from, parts[i].to - parts[i].from);
        if (!html_parts[i]) {
            for (int j = 0; j < i; j++)
                free(html_parts[j]); /* cmark's allocation */
            bcp_free(doc.markdown);
            if (error)
                *error = bcp_strdup("cmark-gfm could not render the document");
            return NULL;
        }
    }

    toc t = {0};
    bcp_buf body = {0};
    status_map *sm = bcp_calloc(1, sizeof *sm);
    status_map_init(ctx, sm);
    bcp_buf_puts(&body, "<header class=\"cover\">\n");
    add_part(html_parts[0], NULL, &body, &t);
    bcp_buf_puts(&body, "</header>\n");
    size_t toc_at = body.len;
    for (int i = 1; i < PARTS; i++) {
        add_part(html_parts[i], sm, &body, &t);
        if (i <= FIGS && shown[i - 1])
            figure[i - 1](ctx, &body);
    }
    if (t.open_sub)
        bcp_buf_puts(&t.items, "</ol>");
    if (t.h2)
        bcp_buf_puts(&t.items, "</li>");
    for (int i = 0; i < PARTS; i++)
        free(html_parts[i]); /* cmark's allocation */

    const bcp_entity *plan = bcp_model_plan(ctx->model);
    const char *title = plan ? bcp_rattr(ctx, plan, "title") : NULL;
    bcp_buf o = {0};
    bcp_buf_puts(&o, "<!DOCTYPE html>\n<html lang=\"");
    html_escape(&o, ctx->lang);
    bcp_buf_puts(&o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"bcp " BCP_VERSION "\">\n"
                     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                     "style-src 'unsafe-inline'; img-src data:\">\n<title>");
    html_escape(&o, title ? title : bcp_rt_title(ctx, "doc_title"));
    bcp_buf_puts(&o, "</title>\n<style>\n");
    bcp_buf_puts(&o, css);
    status_css(ctx, &o);
    bcp_html_print_css(ctx, &o);
    if (ctx->draft)
        bcp_buf_puts(&o, draft_css);
    bcp_buf_puts(&o, "</style>\n</head>\n<body>\n");
    if (ctx->draft) {
        /* fixed: on screen it stays in view, and print repeats it on every page */
        bcp_buf_puts(&o, "<div class=\"draft-mark\" role=\"note\">");
        html_escape(&o, bcp_rt_title(ctx, "draft_mark"));
        bcp_buf_puts(&o, "</div>\n");
    }
    bcp_buf_puts(&o, "<article class=\"page\">\n");
    bcp_buf_put(&o, body.data, toc_at);
    bcp_buf_puts(&o, "<nav class=\"toc\"><h2>");
    html_escape(&o, bcp_rt_title(ctx, "html_toc"));
    bcp_buf_puts(&o, "</h2><ol>");
    bcp_buf_puts(&o, t.items.data ? t.items.data : "");
    bcp_buf_puts(&o, "</ol></nav>\n");
    bcp_buf_puts(&o, body.data + toc_at);
    bcp_buf_puts(&o, "</article>\n<footer>");
    html_escape(&o, bcp_rt_body(ctx, "html_footer"));
    bcp_buf_puts(&o, "</footer>\n</body>\n</html>\n");
    bcp_buf_free(&body);
    bcp_buf_free(&t.items);
    bcp_buf_free(&sm->escaped);
    bcp_free(sm);
    bcp_free(doc.markdown);
    return bcp_buf_take(&o);
}

/* ---- for the HTML of `bcp simulate` (sim_report.c) and the graph figure (html_graph.c) ---- */
void bcp_html_escape(bcp_buf *b, const char *s)
{
    html_escape(b, s);
}

char *bcp_html_from_markdown(const char *text, size_t len)
{
    char *html = markdown_to_html(text, len);
    char *out = bcp_strdup(html ? html : "");
    free(html); /* cmark's allocation */
    return out;
}
