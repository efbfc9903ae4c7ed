/* What the renderers share (see render.h): the document context, localised
 * stdlib prose, durations in the document language, and template filling. */
#define _DEFAULT_SOURCE
#include "render.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* ------------------------------------------------------------- context */

void bcp_render_ctx_init(bcp_render_ctx *ctx, bcp_model *model, const char *lang)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->model = model;
    ctx->lang = lang;
    const bcp_entity *plan = bcp_model_plan(model);
    const bcp_entity *ind = plan ? bcp_entity_ref(plan, "industry") : NULL;
    ctx->industry = ind ? ind->id : NULL;
}

void bcp_render_ctx_free(bcp_render_ctx *ctx)
{
    for (size_t i = 0; i < ctx->missing_count; i++)
        bcp_free(ctx->missing[i]);
    bcp_free(ctx->missing);
    ctx->missing = NULL;
    ctx->missing_count = ctx->missing_cap = 0;
    for (size_t i = 0; i < ctx->redacted_count; i++)
        bcp_free(ctx->redacted[i]);
    bcp_free(ctx->redacted);
    ctx->redacted = NULL;
    ctx->redacted_count = ctx->redacted_cap = 0;
}

static void note_missing(bcp_render_ctx *ctx, const char *id, const char *field)
{
    char key[200];
    snprintf(key, sizeof key, "%s.%s", id, field);
    for (size_t i = 0; i < ctx->missing_count; i++)
        if (strcmp(ctx->missing[i], key) == 0)
            return;
    ctx->missing = bcp_grow(ctx->missing, &ctx->missing_cap, ctx->missing_count, sizeof *ctx->missing);
    ctx->missing[ctx->missing_count] = bcp_strdup(key);
    ctx->missing_count++;
}

static const bcp_value *text_value(bcp_render_ctx *ctx, const char *id, const char *field)
{
    return bcp_model_prose(ctx->model, ctx->industry, id, field, ctx->lang);
}

static const char *text_string(bcp_render_ctx *ctx, const char *id, const char *field)
{
    const bcp_value *v = text_value(ctx, id, field);
    if (v && v->kind == BCP_V_STRING)
        return v->as.string.text;
    note_missing(ctx, id, field);
    return "";
}

const char *bcp_rt_optional(bcp_render_ctx *ctx, const char *id, const char *field)
{
    const bcp_value *v = text_value(ctx, id, field);
    return v && v->kind == BCP_V_STRING ? v->as.string.text : NULL;
}

const char *bcp_rt_title(bcp_render_ctx *ctx, const char *id) { return text_string(ctx, id, "title"); }
const char *bcp_rt_body(bcp_render_ctx *ctx, const char *id) { return text_string(ctx, id, "body"); }

const bcp_value *bcp_rt_items(bcp_render_ctx *ctx, const char *id)
{
    const bcp_value *v = text_value(ctx, id, "items");
    if (v && v->kind == BCP_V_LIST)
        return v;
    note_missing(ctx, id, "items");
    return NULL;
}

const char *bcp_rt_item(bcp_render_ctx *ctx, const char *id, size_t i)
{
    const bcp_value *v = bcp_rt_items(ctx, id);
    if (!v || i >= v->as.list.count || v->as.list.items[i].kind != BCP_V_STRING) {
        if (v)
            note_missing(ctx, id, "items[n]");
        return "";
    }
    return v->as.list.items[i].as.string.text;
}

const char *bcp_rattr(bcp_render_ctx *ctx, const bcp_entity *e, const char *name)
{
    return e ? bcp_model_text(ctx->model, e, name, ctx->lang) : NULL;
}

const char *bcp_rlabel(bcp_render_ctx *ctx, const bcp_entity *e)
{
    const char *t = bcp_rattr(ctx, e, "title");
    if (!t)
        t = bcp_rattr(ctx, e, "name");
    return t ? t : bcp_entity_label(e);
}

/* ---------------------------------------------------------- durations */

#define MINUTE 60LL
#define HOUR (60 * MINUTE)
#define DAY BCP_SECONDS_PER_DAY
#define WEEK (7 * DAY)
#define MONTH BCP_SECONDS_PER_MONTH
#define YEAR BCP_SECONDS_PER_YEAR

static void format_duration(bcp_render_ctx *ctx, int64_t seconds, bool bare_one, bcp_buf *out);

void bcp_rfmt_duration(bcp_render_ctx *ctx, int64_t seconds, bcp_buf *out)
{
    format_duration(ctx, seconds, false, out);
}

void bcp_rfmt_interval(bcp_render_ctx *ctx, int64_t seconds, bcp_buf *out)
{
    bcp_rfmt_every(ctx, seconds, "review_every_phrase", out);
}

void bcp_rfmt_every(bcp_render_ctx *ctx, int64_t seconds, const char *phrase_id, bcp_buf *out)
{
    bcp_buf d = {0};
    format_duration(ctx, seconds, true, &d);
    /* "每年" but "每 6 个月": a language may space a number differently from
     * a bare unit, through an optional `text PHRASE_count` */
    const char *tmpl = NULL;
    if (d.data && d.data[0] >= '0' && d.data[0] <= '9') {
        char id[96];
        snprintf(id, sizeof id, "%s_count", phrase_id);
        tmpl = bcp_rt_optional(ctx, id, "title");
    }
    if (!tmpl)
        tmpl = bcp_rt_title(ctx, phrase_id);
    bcp_rfill(out, tmpl, "every", d.data);
    bcp_buf_free(&d);
}

static void format_duration(bcp_render_ctx *ctx, int64_t seconds, bool bare_one, bcp_buf *out)
{
    /* units in the order of the unit_singular / unit_plural items */
    static const int64_t units[] = {YEAR, MONTH, WEEK, DAY, HOUR, MINUTE};
    static const size_t item_of[] = {5, 4, 3, 2, 1, 0};
    if (seconds == 0) {
        bcp_buf_puts(out, "0");
        return;
    }
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        if (seconds % units[i] != 0)
            continue;
        /* recovery objectives read best in hours up to three days: "48 h", not "2 days" */
        if (units[i] == DAY && seconds <= 3 * DAY && seconds % HOUR == 0 && !bare_one)
            continue;
        int64_t n = seconds / units[i];
        const char *unit = bcp_rt_item(ctx, n == 1 ? "unit_singular" : "unit_plural", item_of[i]);
        if (n == 1 && bare_one)
            bcp_buf_puts(out, unit); /* "every year", not "every 1 year" */
        else
            bcp_buf_printf(out, "%lld %s", (long long)n, unit);
        return;
    }
    bcp_buf_printf(out, "%lld s", (long long)seconds);
}

/* ------------------------------------------------------------ templates */

static void put_raw(bcp_buf *out, const char *value)
{
    bcp_buf_puts(out, value);
}

void bcp_rfill_keys(bcp_buf *out, const char *tmpl, const char *const *keys, const char *const *values, size_t n,
                    bcp_rfill_put *put)
{
    if (!put)
        put = put_raw;
    for (const char *p = tmpl; *p; p++) {
        const char *end = *p == '{' ? strchr(p + 1, '}') : NULL;
        size_t i = 0;
        for (; end && i < n; i++)
            if (strlen(keys[i]) == (size_t)(end - p - 1) && strncmp(p + 1, keys[i], (size_t)(end - p - 1)) == 0)
                break;
        if (end && i < n) {
            put(out, values[i] ? values[i] : "");
            p = end;
        } else {
            bcp_buf_put(out, p, 1);
        }
    }
}

void bcp_rfill(bcp_buf *out, const char *tmpl, const char *key, const char *value)
{
    bcp_rfill_keys(out, tmpl, &key, &value, 1, NULL);
}

void bcp_rfmt_paren(bcp_render_ctx *ctx, const char *text, bcp_buf *out)
{
    bcp_rfill(out, bcp_rt_title(ctx, "paren"), "text", text);
}
