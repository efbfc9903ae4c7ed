/* Loss simulations as text, JSON, Markdown and HTML (sim_report.h).  Every
 * fact comes from model/simulate.c; every word from the locale's texts
 * (stdlib/locale/LANG/simulate_report.bcp, simulate.bcp); this file only
 * lays them out. */
#include "sim_report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/escape.h"
#include "model/derive.h"
#include "sim_text.h"

void bcp_sim_format_time(int64_t seconds, char out[20])
{
    int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    int64_t rest = seconds - days * 86400;
    char date[11];
    bcp_format_date((int32_t)days, date);
    snprintf(out, 20, "%s %02d:%02d", date, (int)(rest / 3600), (int)(rest % 3600 / 60));
}

/* "system.erp", the id terminal-safe (base/escape.h): text, Markdown, SVG. */
static void ref_text(const bcp_entity *e, bcp_buf *b)
{
    if (!e)
        return;
    const char *id = e->id ? e->id : "?";
    bcp_buf_printf(b, "%s.", bcp_kind_name(e->kind));
    bcp_escape_terminal(b, id, strlen(id));
}

static char *ref_string(const bcp_entity *e)
{
    bcp_buf b = {0};
    ref_text(e, &b);
    return bcp_buf_take(&b);
}

/* The same as it is, for JSON (which escapes its own controls). */
static char *ref_json(const bcp_entity *e)
{
    return bcp_strprintf("%s.%s", bcp_kind_name(e->kind), e->id ? e->id : "?");
}

/* bcp's own duration ("4h", "1d12h"; "0h"): the text report and JSON. */
static void duration_text(int64_t seconds, char *out, size_t size)
{
    if (seconds == 0)
        snprintf(out, size, "0h");
    else
        bcp_format_duration(seconds, out, size);
}

/* An entity's name in the report's language when it belongs to the context's
 * model (its `locale` translations), else as the plan wrote it; written into
 * `tmp` terminal-safe (base/escape.h: no ESC, BEL, newline, bidi control or
 * invalid byte of a title reaches the text or Markdown), which it returns. */
static const char *label(bcp_render_ctx *ctx, const bcp_simulation *s, const bcp_entity *e, bcp_buf *tmp)
{
    const char *l = s->model == ctx->model ? bcp_rlabel(ctx, e) : bcp_entity_label(e);
    tmp->len = 0;
    bcp_buf_puts(tmp, "");
    if (l)
        bcp_escape_terminal(tmp, l, strlen(l));
    return tmp->data;
}

/* `text id`'s title with {key} = value appended to b. */
static void fill1(bcp_render_ctx *ctx, bcp_buf *b, const char *id, const char *key, const char *value)
{
    bcp_rfill(b, bcp_rt_title(ctx, id), key, value);
}

static void refs_text(bcp_render_ctx *ctx, const bcp_entity *const *list, size_t n, const char *sep, bcp_buf *b)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            bcp_buf_puts(b, sep ? sep : bcp_rt_title(ctx, "sim_text_separator"));
        ref_text(list[i], b);
    }
}

/* "scenario.x (Title): losing site.a, system.b for 12h from ... UTC". */
static void heading_text(bcp_render_ctx *ctx, const bcp_simulation *s, bcp_buf *b)
{
    if (s->scenario) {
        char *ref = ref_string(s->scenario);
        bcp_buf tmp = {0};
        const char *keys[] = {"scenario", "title"}, *vals[] = {ref, label(ctx, s, s->scenario, &tmp)};
        bcp_rfill_keys(b, bcp_rt_title(ctx, "sim_text_scenario"), keys, vals, 2, NULL);
        bcp_buf_free(&tmp);
        bcp_free(ref);
    }
    bcp_buf lost = {0};
    refs_text(ctx, s->result->lost, s->result->lost_count, NULL, &lost);
    fill1(ctx, b, "sim_text_losing", "lost", lost.data ? lost.data : "");
    bcp_buf_free(&lost);
    if (s->duration > 0) {
        char d[32];
        duration_text(s->duration, d, sizeof d);
        fill1(ctx, b, "sim_text_for", "time", d);
    }
    if (s->has_start) {
        char t[20];
        bcp_sim_format_time(s->start, t);
        fill1(ctx, b, "sim_text_from", "time", t);
    }
}

/* "47 single losses simulated (5 sites, ...): none breaches an MTPD". */
static void each_text(bcp_render_ctx *ctx, const bcp_sim_each_summary *e, bcp_buf *b)
{
    char n[5][24];
    size_t v[5] = {e->simulated, e->sites, e->systems, e->suppliers, e->people};
    for (int i = 0; i < 5; i++)
        snprintf(n[i], sizeof n[i], "%zu", v[i]);
    bcp_buf kinds = {0}, result = {0};
    const char *kk[] = {"sites", "systems", "suppliers", "people"}, *kv[] = {n[1], n[2], n[3], n[4]};
    bcp_rfill_keys(&kinds, bcp_rt_title(ctx, "sim_each_kinds"), kk, kv, 4, NULL);
    char breaching[24];
    snprintf(breaching, sizeof breaching, "%zu", e->breaching);
    fill1(ctx, &result, e->breaching == 0 ? "sim_each_none" : e->breaching == 1 ? "sim_each_one" : "sim_each_some",
          "count", breaching);
    const char *keys[] = {"count", "kinds", "result"}, *vals[] = {n[0], kinds.data, result.data};
    bcp_rfill_keys(b, bcp_rt_title(ctx, "sim_each_summary"), keys, vals, 3, NULL);
    bcp_buf_free(&kinds);
    bcp_buf_free(&result);
}

static void function_text(bcp_render_ctx *ctx, const bcp_simulation *s, const bcp_sim_function *f, bcp_buf *b)
{
    char d[32];
    bcp_buf_puts(b, "  ");
    bcp_buf tmp = {0};
    ref_text(f->function, b);
    bcp_rfmt_paren(ctx, label(ctx, s, f->function, &tmp), b);
    bcp_buf_free(&tmp);
    bcp_buf_puts(b, bcp_rt_title(ctx, "colon"));
    bcp_buf_puts(b, bcp_rt_title(ctx, bcp_sim_verdict_text_id(f->verdict)));
    if (f->timed) {
        duration_text(f->recovery, d, sizeof d);
        fill1(ctx, b, "sim_text_back", "time", d);
        if (s->has_start) {
            char t[20];
            bcp_sim_format_time(s->start + f->recovery, t);
            fill1(ctx, b, "sim_text_back_at", "time", t);
        }
        if (f->loss_ends)
            bcp_buf_puts(b, bcp_rt_title(ctx, "sim_text_loss_ends"));
    }
    if (f->has_rto) {
        duration_text(f->rto, d, sizeof d);
        fill1(ctx, b, "sim_text_rto", "time", d);
    }
    if (f->has_mtpd) {
        duration_text(f->mtpd, d, sizeof d);
        fill1(ctx, b, "sim_text_mtpd", "time", d);
    }
    bcp_buf chain = {0}, path = {0};
    refs_text(ctx, f->chain, f->chain_length, " -> ", &chain);
    bcp_buf_puts(b, "\n    ");
    fill1(ctx, b, "sim_text_because", "chain", chain.data ? chain.data : "");
    bcp_buf_puts(&path, bcp_rt_title(ctx, bcp_sim_path_text_id(f->path)));
    if (f->via) {
        char *via = ref_string(f->via);
        bcp_rfmt_paren(ctx, via, &path);
        bcp_free(via);
    }
    bcp_buf_puts(b, "\n    ");
    fill1(ctx, b, "sim_text_path", "path", path.data);
    bcp_buf_puts(b, "\n");
    bcp_buf_free(&chain);
    bcp_buf_free(&path);
}

static void report_text(bcp_render_ctx *ctx, const bcp_simulation *const *sims, size_t count,
                        const bcp_sim_each_summary *each, bcp_buf *b)
{
    if (each) {
        each_text(ctx, each, b);
        bcp_buf_puts(b, count ? "\n\n" : "\n");
    }
    for (size_t i = 0; i < count; i++) {
        const bcp_simulation *s = sims[i];
        if (i)
            bcp_buf_puts(b, "\n");
        heading_text(ctx, s, b);
        bcp_buf_puts(b, "\n");
        if (!s->result->function_count) {
            bcp_buf_puts(b, "  ");
            bcp_buf_puts(b, bcp_rt_title(ctx, "sim_text_none"));
            bcp_buf_puts(b, "\n");
        }
        for (size_t j = 0; j < s->result->function_count; j++)
            function_text(ctx, s, &s->result->functions[j], b);
    }
}

/* ---------------------------------------------------------------- JSON */

static void set_ref(json_t *o, const char *key, const bcp_entity *e)
{
    char *s = e ? ref_json(e) : NULL;
    json_object_set_new(o, key, e ? json_string(s) : json_null());
    bcp_free(s);
}

static void set_duration(json_t *o, const char *key, bool has, int64_t seconds)
{
    char d[32];
    duration_text(seconds, d, sizeof d);
    json_object_set_new(o, key, has ? json_string(d) : json_null());
}

static json_t *function_json(const bcp_simulation *s, const bcp_sim_function *f)
{
    json_t *o = json_object();
    set_ref(o, "function", f->function);
    json_object_set_new(o, "title", json_string(bcp_entity_label(f->function)));
    json_object_set_new(o, "verdict", json_string(bcp_sim_verdict_name(f->verdict)));
    set_duration(o, "recovery", f->timed, f->recovery);
    json_object_set_new(o, "recovery_seconds", f->timed ? json_integer(f->recovery) : json_null());
    if (s->has_start) {
        char t[20];
        bcp_sim_format_time(s->start + f->recovery, t);
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
        char *c = ref_json(f->chain[i]);
        json_array_append_new(chain, json_string(c));
        bcp_free(c);
    }
    json_object_set_new(o, "chain", chain);
    return o;
}

json_t *bcp_sim_json(const bcp_simulation *s)
{
    json_t *o = json_object(), *lost = json_array(), *fns = json_array();
    set_ref(o, "scenario", s->scenario);
    for (size_t j = 0; j < s->result->lost_count; j++) {
        char *c = ref_json(s->result->lost[j]);
        json_array_append_new(lost, json_string(c));
        bcp_free(c);
    }
    json_object_set_new(o, "lost", lost);
    set_duration(o, "for", s->duration > 0, s->duration);
    if (s->has_start) {
        char t[20];
        bcp_sim_format_time(s->start, t);
        json_object_set_new(o, "start", json_string(t));
    }
    json_object_set_new(o, "breaches_mtpd", json_boolean(bcp_sim_breaches_mtpd(s->result, NULL)));
    for (size_t j = 0; j < s->result->function_count; j++)
        json_array_append_new(fns, function_json(s, &s->result->functions[j]));
    json_object_set_new(o, "functions", fns);
    return o;
}

static char *report_json(bcp_render_ctx *ctx, const bcp_simulation *const *sims, size_t count,
                         const bcp_sim_each_summary *each)
{
    json_t *root = json_object(), *all = json_array();
    if (each) {
        bcp_buf line = {0};
        each_text(ctx, each, &line);
        json_object_set_new(root, "each",
                            json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:s}", "simulated", (json_int_t)each->simulated,
                                      "sites", (json_int_t)each->sites, "systems", (json_int_t)each->systems,
                                      "suppliers", (json_int_t)each->suppliers, "people", (json_int_t)each->people,
                                      "breaching", (json_int_t)each->breaching, "summary", line.data));
        bcp_buf_free(&line);
    }
    for (size_t i = 0; i < count; i++)
        json_array_append_new(all, bcp_sim_json(sims[i]));
    json_object_set_new(root, "simulations", all);
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

static void md_duration_cell(bcp_render_ctx *ctx, bcp_buf *b, bool has, int64_t seconds)
{
    bcp_buf d = {0};
    if (has)
        bcp_rfmt_duration(ctx, seconds, &d);
    md_cell(b, has ? d.data : NULL);
    bcp_buf_free(&d);
}

/* "Back after": at once, a time (when the loss ends), not stated, never. */
static void back_cell(bcp_render_ctx *ctx, const bcp_sim_function *f, bcp_buf *b)
{
    if (!f->timed) {
        md_cell(b, bcp_rt_title(ctx, f->verdict == BCP_SIM_NO_PATH ? "sim_never" : "sim_time_unknown"));
        return;
    }
    if (f->recovery == 0 && !f->loss_ends) {
        md_cell(b, bcp_rt_title(ctx, "sim_at_once"));
        return;
    }
    bcp_buf d = {0}, cell = {0};
    bcp_rfmt_duration(ctx, f->recovery, &d);
    if (f->loss_ends)
        fill1(ctx, &cell, "sim_loss_ends_short", "time", d.data);
    md_cell(b, f->loss_ends ? cell.data : d.data);
    bcp_buf_free(&d);
    bcp_buf_free(&cell);
}

static void sim_md(bcp_render_ctx *ctx, const bcp_simulation *s, bcp_buf *b)
{
    bcp_buf h = {0};
    heading_text(ctx, s, &h);
    bcp_buf_puts(b, "\n## ");
    bcp_md_escape_into(b, h.data, BCP_MD_TEXT);
    bcp_buf_puts(b, "\n\n");
    bcp_buf_free(&h);
    if (!s->result->function_count) {
        bcp_buf_puts(b, bcp_rt_title(ctx, "sim_md_none"));
        bcp_buf_puts(b, "\n");
        return;
    }
    bcp_buf_puts(b, "|");
    for (size_t k = 0; k < 7; k++)
        md_cell(b, bcp_rt_item(ctx, "cols_scenario_impact", k));
    bcp_buf_puts(b, "\n|---|---|---|---|---|---|---|\n");
    for (size_t j = 0; j < s->result->function_count; j++) {
        const bcp_sim_function *f = &s->result->functions[j];
        bcp_buf_puts(b, "|");
        bcp_buf tmp = {0};
        md_cell(b, label(ctx, s, f->function, &tmp));
        bcp_buf_free(&tmp);
        bcp_buf cell = {0};
        refs_text(ctx, f->chain, f->chain_length, " → ", &cell);
        md_cell(b, cell.data);
        bcp_buf_free(&cell);
        bcp_buf_puts(&cell, bcp_rt_title(ctx, bcp_sim_path_text_id(f->path)));
        if (f->via) {
            char *via = ref_string(f->via);
            bcp_rfmt_paren(ctx, via, &cell);
            bcp_free(via);
        }
        md_cell(b, cell.data);
        bcp_buf_free(&cell);
        back_cell(ctx, f, b);
        md_duration_cell(ctx, b, f->has_rto, f->rto);
        md_duration_cell(ctx, b, f->has_mtpd, f->mtpd);
        md_cell(b, bcp_rt_title(ctx, bcp_sim_verdict_text_id(f->verdict)));
        bcp_buf_puts(b, "\n");
    }
}

static void report_md(bcp_render_ctx *ctx, const bcp_simulation *const *sims, size_t count,
                      const bcp_sim_each_summary *each, bcp_buf *b)
{
    bcp_buf_puts(b, "# ");
    bcp_md_escape_into(b, bcp_rt_title(ctx, "sim_report_title"), BCP_MD_TEXT);
    bcp_buf_puts(b, "\n");
    if (each) {
        bcp_buf line = {0};
        each_text(ctx, each, &line);
        bcp_buf_puts(b, "\n");
        bcp_md_escape_into(b, line.data, BCP_MD_TEXT);
        bcp_buf_puts(b, "\n");
        bcp_buf_free(&line);
    }
    for (size_t i = 0; i < count; i++)
        sim_md(ctx, sims[i], b);
}

/* The timeline figure of one simulation: a bar per function from the loss
 * (x = TL_LEFT) to its return, scaled so that the longest of the recovery
 * times, RTOs and MTPDs plus a tenth fills the plot (at least an hour).  The
 * verdict shows three ways: the bar's colour, its pattern (solid, hatched,
 * cross-hatched, pale with a dashed outline) and its name written after the
 * bar.  RTO: a dashed blue mark; MTPD: a solid red one, each labelled. */
enum { TL_W = 860, TL_LEFT = 230, TL_RIGHT = 150, TL_ROW = 26, TL_TOP = 34, TL_BAR = 14 };

static const char *verdict_fill(bcp_sim_verdict v)
{
    static const char *const fill[] = {"#2f9e44", "#f08c00", "#adb5bd", "#e03131", "#868e96"};
    return (unsigned)v < sizeof fill / sizeof *fill ? fill[v] : "#adb5bd";
}

static int scale_x(int64_t t, int64_t span)
{
    return TL_LEFT + (int)((double)t * (TL_W - TL_LEFT - TL_RIGHT) / (double)span);
}

/* The hatching patterns, ids prefixed by the figure's id. */
static void patterns(const char *id, bcp_buf *b)
{
    bcp_buf_printf(b,
                   "<defs><pattern id=\"%s-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                   "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f08c00\"/>"
                   "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\"/></pattern>"
                   "<pattern id=\"%s-cross\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                   "<rect width=\"6\" height=\"6\" fill=\"#e03131\"/><path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#fff\" "
                   "stroke-width=\"1.2\"/></pattern></defs>",
                   id, id);
}

static void timeline_mark(bcp_render_ctx *ctx, const char *cls, const char *text_id, int x, int y, bcp_buf *b)
{
    bool rto = strcmp(cls, "rto") == 0;
    bcp_buf_printf(b, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                   cls, x, y + 1, x, y + TL_BAR + 8, rto ? "#1c7ed6" : "#c92a2a",
                   rto ? " stroke-dasharray=\"3 2\"" : "");
    bcp_buf_printf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\" fill=\"%s\">", x,
                   y + (rto ? 0 : TL_BAR + 16), rto ? "#1c7ed6" : "#c92a2a");
    bcp_html_escape(b, bcp_rt_title(ctx, text_id));
    bcp_buf_puts(b, "</text>");
}

void bcp_sim_timeline_svg(bcp_render_ctx *ctx, const bcp_simulation *s, const char *id, bcp_buf *b)
{
    const bcp_sim_result *r = s->result;
    int64_t span = 3600;
    for (size_t i = 0; i < r->function_count; i++) {
        const bcp_sim_function *f = &r->functions[i];
        int64_t t[] = {f->timed ? f->recovery : 0, f->has_rto ? f->rto : 0, f->has_mtpd ? f->mtpd : 0};
        for (size_t k = 0; k < 3; k++)
            span = t[k] > span ? t[k] : span;
    }
    span += span / 10;
    int height = TL_TOP + (int)r->function_count * TL_ROW + 40;
    bcp_buf what = {0}, title = {0};
    heading_text(ctx, s, &what);
    fill1(ctx, &title, "sim_timeline", "what", what.data);
    bcp_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                      "role=\"img\" aria-labelledby=\"%s-title\" font-family=\"sans-serif\" font-size=\"12\" "
                      "data-span=\"%lld\"><title id=\"%s-title\">",
                   TL_W, height, TL_W, height, id, (long long)span, id);
    bcp_html_escape(b, title.data);
    bcp_buf_puts(b, "</title>");
    bcp_buf_free(&what);
    bcp_buf_free(&title);
    patterns(id, b);
    for (int k = 0; k <= 4; k++) {
        int64_t t = span * k / 4;
        int x = scale_x(t, span);
        char d[32];
        duration_text(t / 60 * 60, d, sizeof d);
        bcp_buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#dee2e6\"/>"
                          "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#495057\">%s</text>",
                       x, TL_TOP - 14, x, height - 30, x, height - 14, d);
    }
    for (size_t i = 0; i < r->function_count; i++) {
        const bcp_sim_function *f = &r->functions[i];
        int y = TL_TOP + (int)i * TL_ROW;
        char *ref = ref_string(f->function);
        const char *verdict = bcp_rt_title(ctx, bcp_sim_verdict_text_id(f->verdict));
        bcp_buf_printf(b, "<g class=\"row\" data-function=\"");
        bcp_html_escape(b, ref);
        bcp_buf_printf(b, "\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", TL_LEFT - 8, y + 12);
        bcp_buf tmp = {0};
        bcp_html_escape(b, label(ctx, s, f->function, &tmp));
        bcp_buf_free(&tmp);
        bcp_buf_puts(b, "</text>");
        int end = f->timed ? scale_x(f->recovery, span) : TL_W - TL_RIGHT;
        int width = end - TL_LEFT > 2 ? end - TL_LEFT : 2;
        const char *fill = verdict_fill(f->verdict);
        char pattern[96];
        if (f->timed && f->verdict == BCP_SIM_RTO_MISSED)
            snprintf(pattern, sizeof pattern, "url(#%s-hatch)", id);
        else if (f->timed && f->verdict == BCP_SIM_MTPD_BREACHED)
            snprintf(pattern, sizeof pattern, "url(#%s-cross)", id);
        else
            snprintf(pattern, sizeof pattern, "%s", fill);
        bcp_buf_printf(b, "<rect class=\"bar %s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"",
                       bcp_sim_verdict_name(f->verdict), TL_LEFT, y + 2, width, TL_BAR, pattern);
        if (!f->timed)
            bcp_buf_printf(b, " fill-opacity=\"0.35\" stroke=\"%s\" stroke-dasharray=\"4 2\"", fill);
        bcp_buf_puts(b, "><title>");
        bcp_html_escape(b, verdict);
        bcp_buf_puts(b, "</title></rect>");
        bcp_buf_printf(b, "<text class=\"verdict\" x=\"%d\" y=\"%d\" fill=\"#212529\">", TL_LEFT + width + 6, y + 13);
        bcp_html_escape(b, verdict);
        bcp_buf_puts(b, "</text>");
        if (f->has_rto)
            timeline_mark(ctx, "rto", "sim_timeline_rto", scale_x(f->rto, span), y, b);
        if (f->has_mtpd)
            timeline_mark(ctx, "mtpd", "sim_timeline_mtpd", scale_x(f->mtpd, span), y, b);
        bcp_buf_puts(b, "</g>");
        bcp_free(ref);
    }
    bcp_buf_puts(b, "</svg>");
}

static char *report_html(bcp_render_ctx *ctx, const bcp_simulation *const *sims, size_t count,
                         const bcp_sim_each_summary *each)
{
    bcp_buf md = {0}, b = {0};
    bcp_buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"");
    bcp_html_escape(&b, ctx->lang);
    bcp_buf_puts(&b, "\"><head><meta charset=\"utf-8\"><title>");
    bcp_html_escape(&b, bcp_rt_title(ctx, "sim_report_title"));
    bcp_buf_puts(&b, "</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
                     "padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ced4da;padding:.25rem .5rem}"
                     "figure{margin:1rem 0}svg{max-width:100%;height:auto}figcaption{font-size:.85rem}</style>"
                     "</head><body>\n");
    report_md(ctx, NULL, 0, each, &md);
    char *html = bcp_html_from_markdown(md.data ? md.data : "", md.len);
    bcp_buf_puts(&b, html);
    bcp_free(html);
    bcp_buf_free(&md);
    for (size_t i = 0; i < count; i++) {
        sim_md(ctx, sims[i], &md);
        html = bcp_html_from_markdown(md.data ? md.data : "", md.len);
        bcp_buf_puts(&b, html);
        bcp_free(html);
        bcp_buf_free(&md);
        if (sims[i]->result->function_count) {
            char id[32];
            snprintf(id, sizeof id, "timeline-%zu", i + 1);
            bcp_buf_puts(&b, "<figure class=\"timeline\">");
            bcp_sim_timeline_svg(ctx, sims[i], id, &b);
            bcp_buf_puts(&b, "<figcaption>");
            bcp_html_escape(&b, bcp_rt_body(ctx, "sim_timeline_caption"));
            bcp_buf_puts(&b, "</figcaption></figure>\n");
        }
    }
    bcp_buf_puts(&b, "</body></html>\n");
    return bcp_buf_take(&b);
}

char *bcp_sim_report(bcp_render_ctx *ctx, const bcp_simulation *const *sims, size_t count,
                     const bcp_sim_each_summary *each, bcp_sim_report_format format, size_t *length)
{
    char *out;
    if (format == BCP_SIM_REPORT_JSON) {
        out = report_json(ctx, sims, count, each);
    } else if (format == BCP_SIM_REPORT_HTML) {
        out = report_html(ctx, sims, count, each);
    } else {
        bcp_buf b = {0};
        if (format == BCP_SIM_REPORT_MARKDOWN)
            report_md(ctx, sims, count, each, &b);
        else
            report_text(ctx, sims, count, each, &b);
        out = b.data ? bcp_buf_take(&b) : bcp_strdup("");
    }
    if (length)
        *length = strlen(out);
    return out;
}
