/* The lint engine: the context a rule's check() sees, running the enabled
 * rules on all cores, rule selectors, and "today".  Suppression comments are
 * in suppress.c. */
#define _DEFAULT_SOURCE
#include "engine.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/alloc.h"
#include "base/call.h"
#include "base/workers.h"
#include "model/derive.h"

struct bcp_lint_ctx {
    const bcp_model *model;
    const bcp_rule *rule;          /* the rule whose check() runs */
    bcp_severity severity;         /* its effective severity */
    int32_t today;
    const bcp_lint_options *opts;  /* NULL: defaults */
    const bcp_entity *profile;
    const bcp_entity *fallback_profile;
    bcp_diag_list *out;
    bcp_diag_list discarded;       /* findings in stdlib sources: built, then dropped */
    struct lint_shared *shared;    /* serve13d: the run's shared facts (bcp_lint_shared) */
};

/* ==== serve13d part: facts several rules of one run read, made once. */
typedef struct lint_shared {
    pthread_mutex_t lock;
    void *value[BCP_LINT_SHARED_COUNT];
    void (*free_fn[BCP_LINT_SHARED_COUNT])(void *);
    bool made[BCP_LINT_SHARED_COUNT];
} lint_shared;

const void *bcp_lint_shared(bcp_lint_ctx *ctx, bcp_lint_shared_slot slot, void *(*make)(bcp_lint_ctx *ctx),
                            void (*free_fn)(void *))
{
    lint_shared *sh = ctx->shared;
    pthread_mutex_lock(&sh->lock);
    if (!sh->made[slot]) {
        sh->value[slot] = make(ctx);
        sh->free_fn[slot] = free_fn;
        sh->made[slot] = true;
    }
    void *value = sh->value[slot];
    pthread_mutex_unlock(&sh->lock);
    return value;
}

const bcp_rule *bcp_lint_rule(const bcp_lint_ctx *ctx) { return ctx->rule; }
/* ==== end */

const bcp_model *bcp_lint_model(bcp_lint_ctx *ctx) { return ctx->model; }

int32_t bcp_lint_today(const bcp_lint_ctx *ctx) { return ctx->today; }

const char *const *bcp_lint_extra_regimes(const bcp_lint_ctx *ctx, size_t *count)
{
    *count = ctx->opts ? ctx->opts->regime_count : 0;
    return ctx->opts ? ctx->opts->regimes : NULL;
}

static bool profile_value(const bcp_entity *profile, const char *name, int64_t *out)
{
    if (!profile)
        return false;
    const bcp_value *v = bcp_entity_value(profile, name);
    if (!v)
        return false;
    if (v->kind == BCP_V_DURATION) {
        *out = v->as.seconds;
        return true;
    }
    if (v->kind == BCP_V_INTEGER) {
        *out = v->as.integer;
        return true;
    }
    return false;
}

int64_t bcp_lint_threshold(const bcp_lint_ctx *ctx, const char *name)
{
    int64_t value;
    if (profile_value(ctx->profile, name, &value) || profile_value(ctx->fallback_profile, name, &value))
        return value;
    return -1;
}

const bcp_value *bcp_lint_threshold_value(const bcp_lint_ctx *ctx, const char *name)
{
    int64_t value;
    if (profile_value(ctx->profile, name, &value))
        return bcp_entity_value(ctx->profile, name);
    if (profile_value(ctx->fallback_profile, name, &value))
        return bcp_entity_value(ctx->fallback_profile, name);
    return NULL;
}

/* Where a finding without a location of its own is shown. */
static bcp_span fallback_span(const bcp_model *m)
{
    bcp_span span = {0};
    const bcp_entity *plan = bcp_model_plan(m);
    if (plan && plan->id_span.source && !plan->id_span.source->is_stdlib)
        return plan->id_span;
    if (bcp_model_source_count(m) > 0)
        span.source = bcp_model_source(m, 0);
    return span;
}

bcp_diag *bcp_lint_report(bcp_lint_ctx *ctx, const bcp_span *span, const char *fmt, ...)
{
    bcp_span where = span && span->source ? *span : fallback_span(ctx->model);
    bool dropped = !where.source || where.source->is_stdlib;
    bcp_diag_list *list = dropped ? &ctx->discarded : ctx->out;
    va_list ap;
    va_start(ap, fmt);
    char *message = bcp_vformat(fmt, ap);
    va_end(ap);
    bcp_diag *d = bcp_diag_add(list, ctx->severity, ctx->rule->code, ctx->rule->name, &where, "%s", message);
    bcp_free(message);
    if (ctx->rule->fix)
        bcp_diag_set_hint(d, "%s", ctx->rule->fix);
    return d;
}

/* ------------------------------------------------------------ running */

int bcp_rule_index(const bcp_rule *rule)
{
    for (size_t i = 0; i < bcp_rule_count; i++)
        if (bcp_rules[i] == rule)
            return (int)i;
    return -1;
}

bcp_severity bcp_lint_effective_severity(const bcp_lint_options *opts, size_t i)
{
    if (opts && opts->severity && opts->severity[i] != BCP_SEVERITY_DEFAULT)
        return (bcp_severity)opts->severity[i];
    return bcp_rules[i]->severity;
}

bool bcp_lint_rule_enabled(const bcp_lint_options *opts, size_t i)
{
    return !opts || !opts->enabled || opts->enabled[i];
}

/* Rules are independent readers of the model, so they run on all cores; each
 * writes its own findings, which are appended in catalogue order afterwards,
 * so the output does not depend on the threads. */
typedef struct rule_job {
    bcp_lint_ctx ctx;
    bcp_diag_list found;
} rule_job;

static void run_rule(void *item)
{
    rule_job *job = item;
    job->ctx.out = &job->found;
    if (bcp_call_cancelled())
        return;   /* serve13b: a cancelled call starts no further rule */
    job->ctx.rule->check(&job->ctx);
    bcp_diag_list_free(&job->ctx.discarded);
}

/* The model is immutable once loaded (model.h), so the rules share it
 * between threads as it is. */
bool bcp_lint_run(const bcp_model *model, const bcp_lint_options *opts, bcp_diag_list *out)
{
    bcp_lint_ctx base = {0};
    base.model = model;
    base.today = opts ? opts->today : 0;
    base.opts = opts;
    const char *profile = opts && opts->profile ? opts->profile : "default";
    base.profile = bcp_model_find(model, BCP_KIND_PROFILE, profile);
    base.fallback_profile = bcp_model_find(model, BCP_KIND_PROFILE, "default");
    if (!base.profile)
        return false;
    lint_shared shared = {.made = {false}};   /* serve13d */
    pthread_mutex_init(&shared.lock, NULL);
    base.shared = &shared;
    rule_job *jobs = bcp_calloc(bcp_rule_count ? bcp_rule_count : 1, sizeof *jobs);
    size_t count = 0;
    for (size_t i = 0; i < bcp_rule_count; i++) {
        if (!bcp_lint_rule_enabled(opts, i) || !bcp_rules[i]->check)
            continue;
        jobs[count].ctx = base;
        jobs[count].ctx.rule = bcp_rules[i];
        jobs[count].ctx.severity = bcp_lint_effective_severity(opts, i);
        count++;
    }
    /* A small plan is linted on this thread alone: starting threads would
     * cost more than the rules.  An entity is about 100 bytes of plan text. */
    size_t entities = 0;
    for (int k = 0; k < BCP_KIND_COUNT; k++)
        entities += bcp_model_entities(model, (bcp_kind)k)->count;
    bcp_run_parallel_sized(run_rule, jobs, sizeof *jobs, count, entities * 100);
    for (size_t i = 0; i < count; i++)
        bcp_diag_list_append(out, &jobs[i].found);
    bcp_free(jobs);
    for (int slot = 0; slot < BCP_LINT_SHARED_COUNT; slot++)
        if (shared.made[slot] && shared.free_fn[slot])
            shared.free_fn[slot](shared.value[slot]);
    pthread_mutex_destroy(&shared.lock);
    return true;
}

/* ------------------------------------------------------------ selectors */

static const struct {
    const char *word;
    const char *prefix;
} families[] = {
    {"data", "D"}, {"risk", "R"}, {"impact", "B"}, {"bia", "B"},
    {"people", "C"}, {"communication", "C"}, {"maintenance", "M"}, {"hygiene", "H"},
    {"regimes", "G"}, {"governance", "G"},
};

static bool is_code_prefix(const char *code, const char *selector)
{
    size_t n = strlen(selector);
    if (n == 0 || n > strlen(code) || !isalpha((unsigned char)selector[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!isdigit((unsigned char)selector[i]))
            return false;
    return strncasecmp(code, selector, n) == 0;
}

bool bcp_rule_selected_by(const bcp_rule *rule, const char *selector)
{
    if (strcmp(selector, "ALL") == 0 || strcmp(selector, "all") == 0)
        return true;
    if (strcmp(rule->name, selector) == 0 || is_code_prefix(rule->code, selector))
        return true;
    for (size_t i = 0; i < sizeof families / sizeof *families; i++)
        if (strcmp(families[i].word, selector) == 0)
            return is_code_prefix(rule->code, families[i].prefix);
    return false;
}

bool bcp_selector_valid(const char *selector)
{
    for (size_t i = 0; i < bcp_rule_count; i++)
        if (bcp_rule_selected_by(bcp_rules[i], selector))
            return true;
    return false;
}

/* ------------------------------------------------------------ today */

bool bcp_lint_resolve_today(const char *flag, int32_t *days, const char **err)
{
    if (flag) {
        if (!bcp_parse_date(flag, strlen(flag), days)) {
            *err = "--today takes a date YYYY-MM-DD";
            return false;
        }
        return true;
    }
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long seconds = strtoll(epoch, &end, 10);
        if (*end != '\0' || seconds < 0) {
            *err = "SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01";
            return false;
        }
        *days = (int32_t)(seconds / BCP_SECONDS_PER_DAY);
        return true;
    }
    *days = (int32_t)((long long)time(NULL) / BCP_SECONDS_PER_DAY);
    return true;
}
