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

static char *report_json(const bcp_sim_report_item *items, size_t count)
{
    json_t *root = json_object(), *sims = json_array();
    for (size_t i = 0; i < count; i++) {
        const bcp_sim_report_item *it = &items[i];
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
        json_array_append_new(sims, o);
    }
    json_object_set_new(root, "simulations", sims);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text)
        return bcp_strdup("{}\n");
    size_t len = strlen(text);
    char *out = bcp_malloc(len + 2);
    memcpy(out, text, len);
    out[len] = '\n';
    out[len + 1] = '\0';
    free(text); /* jansson's allocation */
    return out;
}

char *bcp_sim_report(const bcp_sim_report_item *items, size_t count, bcp_sim_report_format format, size_t *length)
{
    char *out;
    if (format == BCP_SIM_REPORT_JSON) {
        out = report_json(items, count);
    } else {
        bcp_buf b = {0};
        report_text(items, count, &b);
        out = bcp_buf_take(&b);
    }
    if (length)
        *length = strlen(out);
    return out;
}
