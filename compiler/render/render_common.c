#define _DEFAULT_SOURCE
#include "render.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* ---------------------------------------------------------------- buffer */


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
        free(ctx->missing[i]);
    free(ctx->missing);
    ctx->missing = NULL;
    ctx->missing_count = ctx->missing_cap = 0;
}

static void note_missing(bcp_render_ctx *ctx, const char *id, const char *field)
{
    char key[200];
    snprintf(key, sizeof key, "%s.%s", id, field);
    for (size_t i = 0; i < ctx->missing_count; i++)
        if (strcmp(ctx->missing[i], key) == 0)
            return;
    ctx->missing = bcp_grow(ctx->missing, &ctx->missing_cap, ctx->missing_count, sizeof *ctx->missing);
    ctx->missing[ctx->missing_count] = strdup(key);
    if (!ctx->missing[ctx->missing_count])
        abort();
    ctx->missing_count++;
}

static const bcp_value *text_value(bcp_render_ctx *ctx, const char *id, const char *field)
{
    if (ctx->industry) {
        char scoped[200];
        snprintf(scoped, sizeof scoped, "%s_%s", ctx->industry, id);
        const bcp_entity *e = bcp_model_find(ctx->model, BCP_KIND_TEXT, scoped);
        if (e) {
            const bcp_value *v = bcp_model_localized_value(ctx->model, e, field, ctx->lang);
            if (v)
                return v;
        }
    }
    const bcp_entity *e = bcp_model_find(ctx->model, BCP_KIND_TEXT, id);
    return e ? bcp_model_localized_value(ctx->model, e, field, ctx->lang) : NULL;
}

const bcp_entity *bcp_rt_find(bcp_render_ctx *ctx, const char *id)
{
    if (ctx->industry) {
        char scoped[200];
        snprintf(scoped, sizeof scoped, "%s_%s", ctx->industry, id);
        const bcp_entity *e = bcp_model_find(ctx->model, BCP_KIND_TEXT, scoped);
        if (e)
            return e;
    }
    return bcp_model_find(ctx->model, BCP_KIND_TEXT, id);
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
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)
#define MONTH (30 * DAY)
#define YEAR (365 * DAY)

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
    for (const char *p = tmpl; *p; p++) {
        if (strncmp(p, "{every}", 7) == 0) {
            bcp_buf_puts(out, d.data ? d.data : "");
            p += 6;
        } else {
            bcp_buf_put(out, p, 1);
        }
    }
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

/* ------------------------------------------------------------ computed */

int bcp_risk_score(const bcp_entity *risk)
{
    int l = bcp_entity_score(risk, "likelihood"), i = bcp_entity_score(risk, "impact");
    return l > 0 && i > 0 ? l * i : 0;
}

const bcp_entity *bcp_risk_level(const bcp_model *m, int score)
{
    if (score <= 0)
        return NULL;
    const bcp_entity_list *levels = bcp_model_entities(m, BCP_KIND_RISK_LEVEL);
    const bcp_entity *best = NULL;
    int64_t best_min = 0;
    for (size_t i = 0; i < levels->count; i++) {
        int64_t min;
        if (!bcp_entity_integer(levels->items[i], "min_score", &min) || min > score)
            continue;
        if (!best || min > best_min) {
            best = levels->items[i];
            best_min = min;
        }
    }
    return best;
}

static bcp_entity **copy_list(const bcp_entity_list *l, size_t *count)
{
    *count = l->count;
    bcp_entity **items = malloc((l->count ? l->count : 1) * sizeof *items);
    if (!items)
        abort();
    if (l->count)
        memcpy(items, l->items, l->count * sizeof *items);
    return items;
}

static int compare_risks(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int sx = bcp_risk_score(x), sy = bcp_risk_score(y);
    if (sx != sy)
        return sy - sx;
    return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

bcp_entity **bcp_sorted_risks(const bcp_model *m, size_t *count)
{
    bcp_entity **items = copy_list(bcp_model_entities(m, BCP_KIND_RISK), count);
    qsort(items, *count, sizeof *items, compare_risks);
    return items;
}

static int64_t int_or(const bcp_entity *e, const char *name, int64_t fallback)
{
    int64_t v;
    return bcp_entity_integer(e, name, &v) ? v : fallback;
}

static int compare_functions(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int64_t px = int_or(x, "priority", 1), py = int_or(y, "priority", 1);
    if (px != py)
        return px < py ? -1 : 1;
    return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

bcp_entity **bcp_sorted_functions(const bcp_model *m, size_t *count)
{
    bcp_entity **items = copy_list(bcp_model_entities(m, BCP_KIND_FUNCTION), count);
    qsort(items, *count, sizeof *items, compare_functions);
    return items;
}

static int64_t duration_or(const bcp_entity *e, const char *name, int64_t fallback)
{
    int64_t v;
    return bcp_entity_duration(e, name, &v) ? v : fallback;
}

static int compare_phases(const void *a, const void *b)
{
    const bcp_entity *x = *(bcp_entity *const *)a, *y = *(bcp_entity *const *)b;
    int64_t ox = int_or(x, "order", 1000), oy = int_or(y, "order", 1000);
    if (ox != oy)
        return ox < oy ? -1 : 1;
    int64_t sx = duration_or(x, "starts", 0), sy = duration_or(y, "starts", 0);
    if (sx != sy)
        return sx < sy ? -1 : 1;
    return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal;
}

bcp_entity **bcp_sorted_phases(const bcp_model *m, size_t *count)
{
    bcp_entity **items = copy_list(bcp_model_entities(m, BCP_KIND_PHASE), count);
    qsort(items, *count, sizeof *items, compare_phases);
    return items;
}

int32_t bcp_add_duration(int32_t days, int64_t seconds)
{
    if (seconds > 0 && (seconds % YEAR == 0 || seconds % MONTH == 0)) {
        int64_t months = seconds % YEAR == 0 ? seconds / YEAR * 12 : seconds / MONTH;
        int y;
        unsigned mo, d;
        bcp_civil_from_days(days, &y, &mo, &d);
        int64_t total = (int64_t)y * 12 + (mo - 1) + months;
        int ny = (int)(total / 12);
        unsigned nm = (unsigned)(total % 12) + 1;
        static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        unsigned limit = mdays[nm - 1];
        if (nm == 2 && ((ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0))
            limit = 29;
        return bcp_days_from_civil(ny, nm, d > limit ? limit : d);
    }
    return days + (int32_t)((seconds + DAY - 1) / DAY);
}

bool bcp_exercise_next_due(const bcp_entity *ex, int32_t *days)
{
    if (bcp_entity_date(ex, "next", days))
        return true;
    int32_t last;
    int64_t every;
    if (bcp_entity_date(ex, "last", &last) && bcp_entity_duration(ex, "every", &every) && every > 0) {
        *days = bcp_add_duration(last, every);
        return true;
    }
    return false;
}

int64_t bcp_plan_review_interval(const bcp_entity *plan)
{
    return duration_or(plan, "review_every", YEAR);
}

bool bcp_plan_next_review(const bcp_entity *plan, int32_t *days)
{
    int32_t reviewed;
    if (!plan || !bcp_entity_date(plan, "reviewed", &reviewed))
        return false;
    *days = bcp_add_duration(reviewed, bcp_plan_review_interval(plan));
    return true;
}

static bool list_has_target(const bcp_value *v, const bcp_entity *target)
{
    if (!v || v->kind != BCP_V_LIST)
        return false;
    for (size_t i = 0; i < v->as.list.count; i++)
        if (v->as.list.items[i].kind == BCP_V_REF && v->as.list.items[i].as.ref.target == target)
            return true;
    return false;
}

bool bcp_system_rpo(bcp_model *m, const bcp_entity *system, int64_t *seconds)
{
    bool found = bcp_entity_duration(system, "rpo", seconds);
    /* the functions that refer to the system (through `needs`), without a
     * scan of every function per system */
    const bcp_entity_list *users = bcp_model_referrers(m, system);
    for (size_t i = 0; i < users->count; i++) {
        int64_t rpo;
        if (users->items[i]->kind != BCP_KIND_FUNCTION ||
            !list_has_target(bcp_entity_value(users->items[i], "needs"), system) ||
            !bcp_entity_duration(users->items[i], "rpo", &rpo))
            continue;
        if (!found || rpo < *seconds)
            *seconds = rpo;
        found = true;
    }
    return found;
}

bcp_rpo_verdict bcp_system_rpo_verdict(bcp_model *m, const bcp_entity *system, int64_t *rpo)
{
    if (!bcp_system_rpo(m, system, rpo))
        return BCP_RPO_UNKNOWN;
    bool any = false;
    int64_t best = 0;
    for (size_t i = 0; i < system->child_count; i++) {
        int64_t every;
        const bcp_entity *b = system->children[i];
        if (b->kind == BCP_KIND_BACKUP && bcp_entity_duration(b, "every", &every) && (!any || every < best)) {
            best = every;
            any = true;
        }
    }
    return any && best <= *rpo ? BCP_RPO_MET : BCP_RPO_NOT_MET;
}

/* ------------------------------------------------------------ templates */

void bcp_rfill(bcp_buf *out, const char *tmpl, const char *key, const char *value)
{
    size_t kl = strlen(key);
    for (const char *p = tmpl; *p; p++) {
        if (p[0] == '{' && strncmp(p + 1, key, kl) == 0 && p[1 + kl] == '}') {
            bcp_buf_puts(out, value ? value : "");
            p += kl + 1;
        } else {
            bcp_buf_put(out, p, 1);
        }
    }
}

void bcp_rfmt_paren(bcp_render_ctx *ctx, const char *text, bcp_buf *out)
{
    bcp_rfill(out, bcp_rt_title(ctx, "paren"), "text", text);
}
