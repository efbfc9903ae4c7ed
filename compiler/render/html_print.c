/* The printed page of the HTML document (CSS paged media): the paper size,
 * a running header with the plan's title and version and its
 * classification, "Page X of Y" in the footer (@page margin boxes with
 * counter(page) and counter(pages), which Chromium prints since version 131
 * and WeasyPrint since long before), a cover that fills the first page, and
 * no developer footer on paper.  Every word comes from the locale
 * (docprint.bcp); plan text goes into CSS strings escaped. */
#include <string.h>

#include "html_print.h"

/* `s` as the inside of a CSS string: quotes and backslashes escaped, line
 * breaks as spaces, and < > as escapes so that no text can close the
 * <style> element. */
static void css_string_body(bcp_buf *o, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '"': bcp_buf_puts(o, "\\\""); break;
        case '\\': bcp_buf_puts(o, "\\\\"); break;
        case '\n': case '\r': case '\t': bcp_buf_puts(o, " "); break;
        case '<': bcp_buf_puts(o, "\\3c "); break;
        case '>': bcp_buf_puts(o, "\\3e "); break;
        default:
            if ((unsigned char)*s >= 0x20 && *s != 0x7f)
                bcp_buf_put(o, s, 1);
        }
    }
}

static void css_string(bcp_buf *o, const char *s)
{
    bcp_buf_puts(o, "\"");
    css_string_body(o, s);
    bcp_buf_puts(o, "\"");
}

/* A template with {page} and {pages} as a CSS content value:
 * "Page " counter(page) " of " counter(pages). */
static void css_counter_content(bcp_buf *o, const char *tmpl)
{
    bcp_buf lit = {0};
    const char *p = tmpl ? tmpl : "";
    bool any = false;
    while (*p) {
        const char *counter = NULL;
        size_t skip = 0;
        if (strncmp(p, "{pages}", 7) == 0)
            counter = "counter(pages)", skip = 7;
        else if (strncmp(p, "{page}", 6) == 0)
            counter = "counter(page)", skip = 6;
        if (!counter) {
            bcp_buf_put(&lit, p, 1);
            p++;
            continue;
        }
        if (lit.len) {
            bcp_buf_puts(o, any ? " " : "");
            css_string(o, lit.data);
            any = true;
            bcp_buf_free(&lit);
        }
        bcp_buf_puts(o, any ? " " : "");
        bcp_buf_puts(o, counter);
        any = true;
        p += skip;
    }
    if (lit.len || !any) {
        bcp_buf_puts(o, any ? " " : "");
        css_string(o, lit.data ? lit.data : "");
    }
    bcp_buf_free(&lit);
}

void bcp_html_print_css(bcp_render_ctx *ctx, bcp_buf *o)
{
    const bcp_entity *plan = bcp_model_plan(ctx->model);
    const char *title = plan ? bcp_rattr(ctx, plan, "title") : NULL;
    const char *version = plan ? bcp_entity_text(plan, "version") : NULL;
    if (!title)
        title = bcp_rt_title(ctx, "doc_title");
    bcp_buf header = {0};
    if (version) {
        const char *keys[] = {"title", "version"};
        const char *vals[] = {title, version};
        bcp_rfill_keys(&header, bcp_rt_title(ctx, "print_header"), keys, vals, 2, NULL);
    } else {
        bcp_buf_puts(&header, title);
    }
    const bcp_value *cls = plan ? bcp_entity_value(plan, "classification") : NULL;
    char cls_id[64] = "class_internal";
    if (cls && cls->kind == BCP_V_IDENT && strlen(cls->as.ident.name) < 40)
        memcpy(cls_id + 6, cls->as.ident.name, strlen(cls->as.ident.name) + 1);
    bool letter = ctx->paper && strcmp(ctx->paper, "letter") == 0;

    bcp_buf_puts(o, "@page{size:");
    bcp_buf_puts(o, letter ? "letter" : "A4");
    bcp_buf_puts(o, ";margin:20mm 16mm 22mm;\n"
                    "  @top-left{content:");
    css_string(o, header.data ? header.data : "");
    bcp_buf_puts(o, ";font-size:8pt;color:#5f6b7a;vertical-align:bottom;padding-bottom:3mm}\n"
                    "  @top-right{content:");
    css_string(o, bcp_rt_title(ctx, cls_id));
    bcp_buf_puts(o, ";font-size:8pt;font-weight:600;color:#5f6b7a;vertical-align:bottom;padding-bottom:3mm}\n"
                    "  @bottom-right{content:");
    css_counter_content(o, bcp_rt_title(ctx, "print_page"));
    bcp_buf_puts(o, ";font-size:8pt;color:#5f6b7a;vertical-align:top;padding-top:3mm}\n"
                    "  @bottom-left{content:");
    css_string(o, plan ? bcp_rattr(ctx, plan, "organization") : "");
    bcp_buf_puts(o, ";font-size:8pt;color:#5f6b7a;vertical-align:top;padding-top:3mm}\n}\n"
                    /* the cover carries the title itself */
                    "@page:first{@top-left{content:none}}\n"
                    "@media print{\n"
                    "  footer{display:none}\n"
                    "  .cover{display:flex;flex-direction:column;break-after:page;min-height:");
    bcp_buf_puts(o, letter ? "230mm" : "248mm");
    bcp_buf_puts(o, "}\n"
                    "  .cover h1{font-size:26pt;margin:40mm 0 14mm;padding-bottom:5mm}\n"
                    /* both tables of the cover line up, full width */
                    "  .cover table{font-size:11pt;width:100%}\n"
                    "  .cover .table-wrap{margin-bottom:8mm}\n"
                    "  .cover p{font-size:10.5pt}\n"
                    "  .cover p>strong{font-size:13pt;color:var(--accent)}\n"
                    "  .cover div.table-wrap:nth-of-type(2) th:last-child,"
                    ".cover div.table-wrap:nth-of-type(2) td:last-child{width:32%}\n"
                    "  .cover div.table-wrap:nth-of-type(2) td{height:16mm;vertical-align:bottom}\n"
                    "  .cover>p:last-child{margin-top:auto;font-size:8.5pt;color:#5f6b7a}\n"
                    "}\n");
    bcp_buf_free(&header);
}
