/* Loss simulations as text, JSON and Markdown (sim_report.h).  Every fact
 * comes from model/simulate.c; this file only lays them out. */
#include "sim_report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "model/derive.h"
#include "render.h"

void bcp_sim_format_time(int64_t seconds, char out[20])
{
    int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    int64_t rest = seconds - days * 86400;
    char date[11];
    bcp_format_date((int32_t)days, date);
    snprintf(out, 20, "%s %02d:%02d", date, (int)(rest / 3600), (int)(rest % 3600 / 60));
}

static void ref_text(const bcp_entity *e, bcp_buf *b)
{
    if (e)
        bcp_buf_printf(b, "%s.%s", bcp_kind_name(e->kind), e->id ? e->id : "?");
}

static char *ref_string(const bcp_entity *e)
{
    bcp_buf b = {0};
    ref_text(e, &b);
    return bcp_buf_take(&b);
}

static void duration_text(int64_t seconds, char *out, size_t size)
{
    if (seconds == 0)
        snprintf(out, size, "0h");
    else
        bcp_format_duration(seconds, out, size);
}

/* "loses site.a, system.b" with the scenario, the start and the length. */
static void heading_text(const bcp_sim_report_item *it, bcp_buf *b)
{
    if (it->scenario) {
        ref_text(it->scenario, b);
        bcp_buf_printf(b, " (%s): ", bcp_entity_label(it->scenario));
    }
    bcp_buf_puts(b, "losing ");
    for (size_t i = 0; i < it->result->lost_count; i++) {
        if (i)
            bcp_buf_puts(b, ", ");
        ref_text(it->result->lost[i], b);
    }
    if (it->duration > 0) {
        char d[32];
        duration_text(it->duration, d, sizeof d);
        bcp_buf_printf(b, " for %s", d);
    }
    if (it->has_start) {
        char t[20];
        bcp_sim_format_time(it->start, t);
        bcp_buf_printf(b, " from %s UTC", t);
    }
}

static void function_text(const bcp_sim_report_item *it, const bcp_sim_function *f, bcp_buf *b)
{
    char d[32];
    bcp_buf_puts(b, "  ");
    ref_text(f->function, b);
    bcp_buf_printf(b, " (%s): %s", bcp_entity_label(f->function), bcp_sim_verdict_name(f->verdict));
    if (f->timed) {
        duration_text(f->recovery, d, sizeof d);
        bcp_buf_printf(b, ", back after %s", d);
        if (it->has_start) {
            char t[20];
            bcp_sim_format_time(it->start + f->recovery, t);
            bcp_buf_printf(b, " (%s UTC)", t);
        }
        if (f->loss_ends)
            bcp_buf_puts(b, " when the loss ends");
    }
    if (f->has_rto) {
        duration_text(f->rto, d, sizeof d);
        bcp_buf_printf(b, "; RTO %s", d);
    }
    if (f->has_mtpd) {
        duration_text(f->mtpd, d, sizeof d);
        bcp_buf_printf(b, ", MTPD %s", d);
    }
    bcp_buf_puts(b, "\n    because ");
    for (size_t i = 0; i < f->chain_length; i++) {
        if (i)
            bcp_buf_puts(b, " -> ");
        ref_text(f->chain[i], b);
    }
    bcp_buf_printf(b, "\n    recovery path: %s", bcp_sim_path_name(f->path));
    if (f->via) {
        bcp_buf_puts(b, " ");
        ref_text(f->via, b);
    }
    bcp_buf_puts(b, "\n");
}

static void report_text(const bcp_sim_report_item *items, size_t count, bcp_buf *b)
{
    for (size_t i = 0; i < count; i++) {
        const bcp_sim_report_item *it = &items[i];
        if (i)
            bcp_buf_puts(b, "\n");
        heading_text(it, b);
        bcp_buf_puts(b, "\n");
        if (!it->result->function_count)
            bcp_buf_puts(b, "  no function is affected\n");
        for (size_t j = 0; j < it->result->function_count; j++)
            function_text(it, &it->result->functions[j], b);
    }
}

/* ---------------------------------------------------------------- JSON */

static void set_ref(json_t *o, const char *key, const bcp_entity *e)
{
    char *s = ref_string(e);
    json_object_set_new(o, key, e ? json_string(s) : json_null());
    bcp_free(s);
}

static void set_duration(json_t *o, const char *key, bool has, int64_t seconds)
{
    char d[32];
    duration_text(seconds, d, sizeof d);
    json_object_set_new(o, key, has ? json_string(d) : json_null());
}

static json_t *function_json(const bcp_sim_report_item *it, const bcp_sim_function *f)
{
    json_t *o = json_object();
    set_ref(o, "function", f->function);
    json_object_set_new(o, "title", json_string(bcp_entity_label(f->function)));
    json_object_set_new(o, "verdict", json_string(bcp_sim_verdict_name(f->verdict)));
    set_duration(o, "recovery", f->timed, f->recovery);
    json_object_set_new(o, "recovery_seconds", f->timed ? json_integer(f->recovery) : json_null());
    if (it->has_start) {
        char t[20];
        bcp_sim_format_time(it->start + f->recovery, t);
        json_object_set_new(o, "back_at", f->timed ? json_string(t) : json_null());
    }
    json_object_set_new(o, "loss_ends", json_boolean(f->loss_ends));
    set_duration(o, "rto", f->has_rto, f->rto);
    set_duration(o, "mtpd", f->has_mtpd, f->mtpd);
    json_object_set_new(o, "path", json_string(bcp_sim_path_name(f->path)));
    set_ref(o, "via", f->via);
    set_ref(o, "dependency", f->dependency);
    json_t *chain = json_array();
    for (size_t i = 0; i < f->chain_length; i++) {
        char *s = ref_string(f->chain[i]);
        json_array_append_new(chain, json_string(s));
        bcp_free(s);
    }
    json_object_set_new(o, "chain", chain);
    return o;
}

json_t *bcp_sim_json(const bcp_sim_report_item *it)
{
    json_t *o = json_object(), *lost = json_array(), *fns = json_array();
    set_ref(o, "scenario", it->scenario);
    for (size_t j = 0; j < it->result->lost_count; j++) {
        char *s = ref_string(it->result->lost[j]);
        json_array_append_new(lost, json_string(s));
        bcp_free(s);
    }
    json_object_set_new(o, "lost", lost);
    set_duration(o, "for", it->duration > 0, it->duration);
    if (it->has_start) {
        char t[20];
        bcp_sim_format_time(it->start, t);
        json_object_set_new(o, "start", json_string(t));
    }
    json_object_set_new(o, "breaches_mtpd", json_boolean(bcp_sim_breaches_mtpd(it->result, NULL)));
    for (size_t j = 0; j < it->result->function_count; j++)
        json_array_append_new(fns, function_json(it, &it->result->functions[j]));
    json_object_set_new(o, "functions", fns);
    return o;
}

static char *report_json(const bcp_sim_report_item *items, size_t count)
{
    json_t *root = json_object(), *sims = json_array();
    for (size_t i = 0; i < count; i++)
        json_array_append_new(sims, bcp_sim_json(&items[i]));
    json_object_set_new(root, "simulations", sims);
    char *out = bcp_json_text(root);
    return out ? out : bcp_strdup("{}\n");
}

/* ------------------------------------------------------ Markdown, HTML */

static void md_cell(bcp_buf *b, const char *text)
{
    bcp_buf_puts(b, " ");
    if (text && *text)
        bcp_md_escape_into(b, text, BCP_MD_CELL);
    else
        bcp_buf_puts(b, "—");
    bcp_buf_puts(b, " |");
}

static void md_duration_cell(bcp_buf *b, bool has, int64_t seconds)
{
    char d[32];
    duration_text(seconds, d, sizeof d);
    md_cell(b, has ? d : NULL);
}

static void report_md(const bcp_sim_report_item *items, size_t count, bcp_buf *b)
{
    bcp_buf_puts(b, "# Loss simulation\n");
    for (size_t i = 0; i < count; i++) {
        const bcp_sim_report_item *it = &items[i];
        bcp_buf h = {0};
        heading_text(it, &h);
        bcp_buf_puts(b, "\n## ");
        bcp_md_escape_into(b, h.data, BCP_MD_TEXT);
        bcp_buf_puts(b, "\n\n");
        bcp_buf_free(&h);
        if (!it->result->function_count) {
            bcp_buf_puts(b, "No function is affected.\n");
            continue;
        }
        bcp_buf_puts(b, "| Function | Why affected | Recovery path | Back after | RTO | MTPD | Verdict |\n"
                        "|---|---|---|---|---|---|---|\n");
        for (size_t j = 0; j < it->result->function_count; j++) {
            const bcp_sim_function *f = &it->result->functions[j];
            bcp_buf_puts(b, "|");
            md_cell(b, bcp_entity_label(f->function));
            bcp_buf cell = {0};
            for (size_t k = 0; k < f->chain_length; k++) {
                if (k)
                    bcp_buf_puts(&cell, " → ");
                ref_text(f->chain[k], &cell);
            }
            md_cell(b, cell.data);
            bcp_buf_free(&cell);
            bcp_buf_puts(&cell, bcp_sim_path_name(f->path));
            if (f->via) {
                bcp_buf_puts(&cell, " ");
                ref_text(f->via, &cell);
            }
            md_cell(b, cell.data);
            bcp_buf_free(&cell);
            if (f->timed) {
                char d[32];
                duration_text(f->recovery, d, sizeof d);
                bcp_buf_printf(&cell, "%s%s", d, f->loss_ends ? " (the loss ends)" : "");
            }
            md_cell(b, f->timed ? cell.data : "not stated");
            bcp_buf_free(&cell);
            md_duration_cell(b, f->has_rto, f->rto);
            md_duration_cell(b, f->has_mtpd, f->mtpd);
            md_cell(b, bcp_sim_verdict_name(f->verdict));
            bcp_buf_puts(b, "\n");
        }
    }
}

/* The timeline figure of one simulation: a bar per function from the loss to
 * its return, coloured by verdict, against its RTO (blue) and MTPD (red)
 * marks; a function with no stated time gets a pale bar to the edge. */
enum { TL_W = 760, TL_LEFT = 230, TL_RIGHT = 24, TL_ROW = 24, TL_TOP = 30 };

static const char *verdict_fill(bcp_sim_verdict v)
{
    static const char *const fill[] = {"#2f9e44", "#f08c00", "#adb5bd", "#e03131", "#868e96"};
    return (unsigned)v < sizeof fill / sizeof *fill ? fill[v] : "#adb5bd";
}

static int scale_x(int64_t t, int64_t span)
{
    return TL_LEFT + (int)((double)t * (TL_W - TL_LEFT - TL_RIGHT) / (double)span);
}

static void timeline_svg(const bcp_sim_report_item *it, bcp_buf *b)
{
    const bcp_sim_result *r = it->result;
    int64_t span = 3600;
    for (size_t i = 0; i < r->function_count; i++) {
        const bcp_sim_function *f = &r->functions[i];
        int64_t t[] = {f->timed ? f->recovery : 0, f->has_rto ? f->rto : 0, f->has_mtpd ? f->mtpd : 0};
        for (size_t k = 0; k < 3; k++)
            span = t[k] > span ? t[k] : span;
    }
    span += span / 10;
    int height = TL_TOP + (int)r->function_count * TL_ROW + 40;
    bcp_buf_printf(b, "<figure class=\"timeline\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                      "role=\"img\" aria-label=\"Recovery timeline\" font-size=\"12\">",
                   TL_W, height);
    for (int k = 0; k <= 4; k++) {
        int64_t t = span * k / 4;
        int x = scale_x(t, span);
        char d[32];
        duration_text(t / 60 * 60, d, sizeof d);
        bcp_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dee2e6\"/>"
                          "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#495057\">%s</text>",
                       x, TL_TOP - 6, x, height - 30, x, height - 14, d);
    }
    for (size_t i = 0; i < r->function_count; i++) {
        const bcp_sim_function *f = &r->functions[i];
        int y = TL_TOP + (int)i * TL_ROW;
        bcp_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", TL_LEFT - 8, y + 15);
        bcp_html_escape(b, bcp_entity_label(f->function));
        bcp_buf_puts(b, "</text>");
        int end = f->timed ? scale_x(f->recovery, span) : TL_W - TL_RIGHT;
        bcp_buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"14\" fill=\"%s\"%s><title>%s</title></rect>",
                       TL_LEFT, y + 4, end - TL_LEFT > 2 ? end - TL_LEFT : 2, verdict_fill(f->verdict),
                       f->timed ? "" : " opacity=\"0.45\"", bcp_sim_verdict_name(f->verdict));
        if (f->has_rto)
            bcp_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1c7ed6\" stroke-width=\"2\" "
                              "stroke-dasharray=\"3 2\"><title>RTO</title></line>",
                           scale_x(f->rto, span), y + 1, scale_x(f->rto, span), y + 21);
        if (f->has_mtpd)
            bcp_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c92a2a\" stroke-width=\"2\">"
                              "<title>MTPD</title></line>",
                           scale_x(f->mtpd, span), y + 1, scale_x(f->mtpd, span), y + 21);
    }
    bcp_buf_puts(b, "</svg><figcaption>Bars: when each function is back (green within its RTO, orange after it, "
                    "red after its MTPD, pale: no time stated). Dashed blue: RTO; red: MTPD.</figcaption></figure>\n");
}

static char *report_html(const bcp_sim_report_item *items, size_t count)
{
    bcp_buf md = {0}, b = {0};
    bcp_buf_puts(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Loss simulation</title>"
                     "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                     "table{border-collapse:collapse}td,th{border:1px solid #ced4da;padding:.25rem .5rem}"
                     "figure{margin:1rem 0}svg{max-width:100%;height:auto}</style></head><body>\n");
    for (size_t i = 0; i < count; i++) {
        report_md(&items[i], 1, &md);
        char *html = bcp_html_from_markdown(md.data ? md.data : "", md.len);
        /* each simulation's own title once: drop the repeated page heading */
        const char *body = strstr(html, "<h2");
        bcp_buf_puts(&b, i == 0 ? html : body ? body : html);
        bcp_free(html);
        bcp_buf_free(&md);
        if (items[i].result->function_count)
            timeline_svg(&items[i], &b);
    }
    bcp_buf_puts(&b, "</body></html>\n");
    return bcp_buf_take(&b);
}

char *bcp_sim_report(const bcp_sim_report_item *items, size_t count, bcp_sim_report_format format, size_t *length)
{
    char *out;
    if (format == BCP_SIM_REPORT_JSON) {
        out = report_json(items, count);
    } else if (format == BCP_SIM_REPORT_HTML) {
        out = report_html(items, count);
    } else if (format == BCP_SIM_REPORT_MARKDOWN) {
        bcp_buf b = {0};
        report_md(items, count, &b);
        out = bcp_buf_take(&b);
    } else {
        bcp_buf b = {0};
        report_text(items, count, &b);
        out = bcp_buf_take(&b);
    }
    if (length)
        *length = strlen(out);
    return out;
}
