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
    for (size_t i = 0; i < ctx->filled_count; i++) {
        struct bcp_render_noun_fill *f = &ctx->filled[i];
        if (f->list) {
            bcp_value *v = f->to;
            for (size_t k = 0; k < v->as.list.count; k++)
                if (v->as.list.items[k].kind == BCP_V_STRING)
                    bcp_free((char *)v->as.list.items[k].as.string.text);
            bcp_free(v->as.list.items);
        }
        bcp_free(f->to);
    }
    bcp_free(ctx->filled);
    ctx->filled = NULL;
    ctx->filled_count = ctx->filled_cap = 0;
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

/* ------------------------------------------------- organisation nouns */

/* The placeholders: {org}, {clients}, {staff}, and capitalised {Org}, ... */
static const char *const noun_keys[] = {"org", "clients", "staff", "Org", "Clients", "Staff"};
enum { NOUN_COUNT = 3 };

/* Does `text` hold one of the noun placeholders? */
static bool has_noun(const char *text)
{
    for (const char *p = strchr(text, '{'); p; p = strchr(p + 1, '{'))
        for (size_t i = 0; i < 2 * NOUN_COUNT; i++) {
            size_t n = strlen(noun_keys[i]);
            if (strncmp(p + 1, noun_keys[i], n) == 0 && p[n + 1] == '}')
                return true;
        }
    return false;
}

static const void *already_filled(const bcp_render_ctx *ctx, const void *from)
{
    for (size_t i = 0; i < ctx->filled_count; i++)
        if (ctx->filled[i].from == from)
            return ctx->filled[i].to;
    return NULL;
}

static void keep_filled(bcp_render_ctx *ctx, const void *from, void *to, bool list)
{
    ctx->filled = bcp_grow(ctx->filled, &ctx->filled_cap, ctx->filled_count, sizeof *ctx->filled);
    ctx->filled[ctx->filled_count++] = (struct bcp_render_noun_fill){from, to, list};
}

/* `text` with the nouns filled in (a new string). */
static char *fill_nouns(bcp_render_ctx *ctx, const char *text)
{
    static const char *const ids[NOUN_COUNT] = {"noun_org", "noun_clients", "noun_staff"};
    const char *vals[2 * NOUN_COUNT];
    char caps[NOUN_COUNT][160];
    for (size_t i = 0; i < NOUN_COUNT; i++) {
        const bcp_value *v = text_value(ctx, ids[i], "title");
        if (!v || v->kind != BCP_V_STRING) {
            note_missing(ctx, ids[i], "title");
            vals[i] = "";
        } else {
            vals[i] = v->as.string.text;
        }
        snprintf(caps[i], sizeof caps[i], "%s", vals[i]);
        if (caps[i][0] >= 'a' && caps[i][0] <= 'z')
            caps[i][0] = (char)(caps[i][0] - 'a' + 'A');
        vals[NOUN_COUNT + i] = caps[i];
    }
    bcp_buf out = {0};
    bcp_rfill_keys(&out, text, noun_keys, vals, 2 * NOUN_COUNT, NULL);
    return out.data ? out.data : bcp_strdup("");
}

static const char *nouns_in_string(bcp_render_ctx *ctx, const char *text)
{
    if (!has_noun(text))
        return text;
    const char *done = already_filled(ctx, text);
    if (done)
        return done;
    char *s = fill_nouns(ctx, text);
    keep_filled(ctx, text, s, false);
    return s;
}

static const bcp_value *nouns_in_list(bcp_render_ctx *ctx, const bcp_value *v)
{
    bool any = false;
    for (size_t i = 0; i < v->as.list.count && !any; i++)
        any = v->as.list.items[i].kind == BCP_V_STRING && has_noun(v->as.list.items[i].as.string.text);
    if (!any)
        return v;
    const bcp_value *done = already_filled(ctx, v);
    if (done)
        return done;
    bcp_value *copy = bcp_calloc(1, sizeof *copy);
    *copy = *v;
    copy->as.list.items = bcp_calloc(v->as.list.count ? v->as.list.count : 1, sizeof *copy->as.list.items);
    for (size_t i = 0; i < v->as.list.count; i++) {
        copy->as.list.items[i] = v->as.list.items[i];
        if (v->as.list.items[i].kind == BCP_V_STRING) {
            char *s = fill_nouns(ctx, v->as.list.items[i].as.string.text);
            copy->as.list.items[i].as.string.text = s;
            copy->as.list.items[i].as.string.length = strlen(s);
        }
    }
    keep_filled(ctx, v, copy, true);
    return copy;
}

static const char *text_string(bcp_render_ctx *ctx, const char *id, const char *field)
{
    const bcp_value *v = text_value(ctx, id, field);
    if (v && v->kind == BCP_V_STRING)
        return nouns_in_string(ctx, v->as.string.text);
    note_missing(ctx, id, field);
    return "";
}

const char *bcp_rt_optional(bcp_render_ctx *ctx, const char *id, const char *field)
{
    const bcp_value *v = text_value(ctx, id, field);
    return v && v->kind == BCP_V_STRING ? nouns_in_string(ctx, v->as.string.text) : NULL;
}

const char *bcp_rt_title(bcp_render_ctx *ctx, const char *id) { return text_string(ctx, id, "title"); }
const char *bcp_rt_body(bcp_render_ctx *ctx, const char *id) { return text_string(ctx, id, "body"); }

const bcp_value *bcp_rt_items(bcp_render_ctx *ctx, const char *id)
{
    const bcp_value *v = text_value(ctx, id, "items");
    if (v && v->kind == BCP_V_LIST)
        return nouns_in_list(ctx, v);
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
    /* no parentheses inside parentheses: the inner ones become the marks
     * `text paren_nested` pairs them with ("(" -> "[") */
    const bcp_value *swap = bcp_rt_items(ctx, "paren_nested");
    bcp_buf inner = {0};
    for (const char *p = text ? text : ""; *p;) {
        size_t k = 0, n = swap ? swap->as.list.count / 2 : 0;
        for (; k < n; k++) {
            const bcp_value *from = &swap->as.list.items[2 * k], *to = &swap->as.list.items[2 * k + 1];
            if (from->kind == BCP_V_STRING && to->kind == BCP_V_STRING && from->as.string.length &&
                strncmp(p, from->as.string.text, from->as.string.length) == 0) {
                bcp_buf_puts(&inner, to->as.string.text);
                p += from->as.string.length;
                break;
            }
        }
        if (k == n)
            bcp_buf_put(&inner, p++, 1);
    }
    bcp_rfill(out, bcp_rt_title(ctx, "paren"), "text", inner.data ? inner.data : "");
    bcp_buf_free(&inner);
}
