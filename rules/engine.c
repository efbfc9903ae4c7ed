#define _DEFAULT_SOURCE
#include "engine.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/alloc.h"
#include "base/workers.h"

struct bcp_lint_ctx {
    bcp_model *model;
    const bcp_rule *rule;          /* the rule whose check() runs */
    bcp_severity severity;         /* its effective severity */
    int32_t today;
    const bcp_entity *profile;
    const bcp_entity *fallback_profile;
    bcp_diag_list *out;
    bcp_diag_list discarded;       /* findings in stdlib sources: built, then dropped */
};

bcp_model *bcp_lint_model(bcp_lint_ctx *ctx) { return ctx->model; }

int32_t bcp_lint_today(const bcp_lint_ctx *ctx) { return ctx->today; }

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
    free(message);
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

static bcp_severity effective_severity(const bcp_lint_options *opts, size_t i)
{
    if (opts && opts->severity && opts->severity[i] != BCP_SEVERITY_DEFAULT)
        return (bcp_severity)opts->severity[i];
    return bcp_rules[i]->severity;
}

static bool rule_enabled(const bcp_lint_options *opts, size_t i)
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
    job->ctx.rule->check(&job->ctx);
    bcp_diag_list_free(&job->ctx.discarded);
}

/* The model builds its reverse references on first use: do it before the
 * rules share the model between threads. */
static void prepare_model(bcp_model *model)
{
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *l = bcp_model_entities(model, (bcp_kind)k);
        if (l->count > 0) {
            (void)bcp_model_referrers(model, l->items[0]);
            return;
        }
    }
}

bool bcp_lint_run(bcp_model *model, const bcp_lint_options *opts, bcp_diag_list *out)
{
    bcp_lint_ctx base = {0};
    base.model = model;
    base.today = opts ? opts->today : 0;
    const char *profile = opts && opts->profile ? opts->profile : "default";
    base.profile = bcp_model_find(model, BCP_KIND_PROFILE, profile);
    base.fallback_profile = bcp_model_find(model, BCP_KIND_PROFILE, "default");
    if (!base.profile)
        return false;
    rule_job *jobs = calloc(bcp_rule_count ? bcp_rule_count : 1, sizeof *jobs);
    if (!jobs)
        abort();
    size_t count = 0;
    for (size_t i = 0; i < bcp_rule_count; i++) {
        if (!rule_enabled(opts, i) || !bcp_rules[i]->check)
            continue;
        jobs[count].ctx = base;
        jobs[count].ctx.rule = bcp_rules[i];
        jobs[count].ctx.severity = effective_severity(opts, i);
        count++;
    }
    prepare_model(model);
    /* A small plan is linted on this thread alone: starting threads would
     * cost more than the rules.  An entity is about 100 bytes of plan text. */
    size_t entities = 0;
    for (int k = 0; k < BCP_KIND_COUNT; k++)
        entities += bcp_model_entities(model, (bcp_kind)k)->count;
    bcp_run_parallel_sized(run_rule, jobs, sizeof *jobs, count, entities * 100);
    for (size_t i = 0; i < count; i++)
        bcp_diag_list_append(out, &jobs[i].found);
    free(jobs);
    return true;
}

/* ------------------------------------------------------------ selectors */

static const struct {
    const char *word;
    const char *prefix;
} families[] = {
    {"data", "D"}, {"risk", "R"}, {"impact", "B"}, {"bia", "B"},
    {"people", "C"}, {"communication", "C"}, {"maintenance", "M"}, {"hygiene", "H"},
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
        *days = (int32_t)(seconds / 86400);
        return true;
    }
    *days = (int32_t)((long long)time(NULL) / 86400);
    return true;
}

/* ------------------------------------------------------------ suppressions */

typedef struct suppression {
    const bcp_source *source;
    bcp_span span;            /* the code or name inside the brackets */
    char *selector;
    bool whole_file;
    uint32_t row, next_row;   /* lines it covers (next_row = row for trailing comments) */
    bool used;
} suppression;

typedef struct suppression_list {
    suppression *items;
    size_t count, capacity;
} suppression_list;

static void suppression_push(suppression_list *l, suppression s)
{
    l->items = bcp_grow(l->items, &l->capacity, l->count, sizeof *l->items);
    l->items[l->count++] = s;
}

static bool line_is_code(const char *text, size_t len, size_t start)
{
    for (size_t i = start; i < len && text[i] != '\n'; i++) {
        if (text[i] == '#')
            return false;
        if (!isspace((unsigned char)text[i]))
            return true;
    }
    return false;
}

/* The row of the next line holding something other than blanks and comments. */
static uint32_t next_code_row(const char *text, size_t len, size_t from, uint32_t row)
{
    size_t i = from;
    while (i < len) {
        while (i < len && text[i] != '\n')
            i++;
        if (i >= len)
            break;
        i++;
        row++;
        if (line_is_code(text, len, i))
            return row;
    }
    return row;
}

static void parse_comment(const bcp_source *src, size_t start, size_t end, size_t line_start,
                          uint32_t row, bool trailing, suppression_list *out)
{
    const char *text = src->text;
    size_t i = start + 1;
    while (i < end && (text[i] == ' ' || text[i] == '\t'))
        i++;
    if (end - i < 4 || strncmp(text + i, "bcp:", 4) != 0)
        return;
    i += 4;
    while (i < end && (text[i] == ' ' || text[i] == '\t'))
        i++;
    bool whole_file;
    if (end - i >= 12 && strncmp(text + i, "ignore-file[", 12) == 0) {
        whole_file = true;
        i += 12;
    } else if (end - i >= 7 && strncmp(text + i, "ignore[", 7) == 0) {
        whole_file = false;
        i += 7;
    } else {
        return;
    }
    uint32_t next = trailing ? row : next_code_row(text, src->length, start, row);
    while (i < end && text[i] != ']') {
        while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == ','))
            i++;
        size_t tok = i;
        while (i < end && text[i] != ',' && text[i] != ']' && text[i] != ' ' && text[i] != '\t')
            i++;
        if (i == tok)
            continue;
        suppression s = {0};
        s.source = src;
        s.selector = strndup(text + tok, i - tok);
        if (!s.selector)
            abort();
        s.whole_file = whole_file;
        s.row = row;
        s.next_row = next;
        s.span.source = src;
        s.span.start_byte = (uint32_t)tok;
        s.span.end_byte = (uint32_t)i;
        s.span.row = row;
        s.span.byte_column = (uint32_t)(tok - line_start);
        suppression_push(out, s);
    }
}

/* Finds comments outside strings ("..." with escapes and """...""") and parses
 * the suppression ones. */
static void scan_source(const bcp_source *src, suppression_list *out)
{
    const char *t = src->text;
    size_t len = src->length;
    size_t line_start = 0;
    uint32_t row = 0;
    bool code_on_line = false;
    for (size_t i = 0; i < len;) {
        char c = t[i];
        if (c == '\n') {
            row++;
            line_start = ++i;
            code_on_line = false;
        } else if (c == '"' && i + 2 < len && t[i + 1] == '"' && t[i + 2] == '"') {
            i += 3;
            while (i < len && !(t[i] == '"' && i + 2 < len && t[i + 1] == '"' && t[i + 2] == '"')) {
                if (t[i] == '\n') {
                    row++;
                    line_start = i + 1;
                }
                i++;
            }
            i = i + 3 <= len ? i + 3 : len;
            code_on_line = true;
        } else if (c == '"') {
            i++;
            while (i < len && t[i] != '"' && t[i] != '\n')
                i += t[i] == '\\' && i + 1 < len ? 2 : 1;
            if (i < len && t[i] == '"')
                i++;
            code_on_line = true;
        } else if (c == '#') {
            size_t end = i;
            while (end < len && t[end] != '\n')
                end++;
            if (memchr(t + i, 'b', end - i))
                parse_comment(src, i, end, line_start, row, code_on_line, out);
            i = end;
        } else {
            if (!isspace((unsigned char)c))
                code_on_line = true;
            i++;
        }
    }
}

static bool is_rule_finding(const bcp_diag *d)
{
    return d->code && d->code[0] != 'E' && bcp_rule_find(d->code) != NULL;
}

static bool covers(const suppression *s, const bcp_diag *d)
{
    if (!d->span.source)
        return false;
    if (d->span.source != s->source &&
        (!d->span.source->path || !s->source->path || strcmp(d->span.source->path, s->source->path) != 0))
        return false;
    if (!s->whole_file && d->span.row != s->row && d->span.row != s->next_row)
        return false;
    const bcp_rule *rule = bcp_rule_find(d->code);
    return rule && bcp_rule_selected_by(rule, s->selector);
}

void bcp_lint_apply_suppressions(bcp_diag_list *list, const bcp_source *const *sources,
                                 size_t source_count, const bcp_lint_options *opts)
{
    suppression_list sups = {0};
    for (size_t i = 0; i < source_count; i++)
        if (sources[i] && !sources[i]->is_stdlib && sources[i]->text)
            scan_source(sources[i], &sups);
    if (sups.count == 0)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        bcp_diag *d = &list->items[i];
        bool suppressed = false;
        if (is_rule_finding(d)) {
            for (size_t j = 0; j < sups.count; j++) {
                if (covers(&sups.items[j], d)) {
                    sups.items[j].used = true;
                    suppressed = true;
                }
            }
        }
        if (suppressed) {
            bcp_diag_free(d);
        } else {
            list->items[kept++] = *d;
        }
    }
    list->count = kept;
    const bcp_rule *unused_rule = bcp_rule_find(BCP_UNUSED_SUPPRESSION_CODE);
    int unused_index = unused_rule ? bcp_rule_index(unused_rule) : -1;
    bool report = unused_index >= 0 && rule_enabled(opts, (size_t)unused_index);
    for (size_t j = 0; j < sups.count; j++) {
        suppression *s = &sups.items[j];
        if (report && !s->used) {
            const bcp_rule *target = bcp_rule_find(s->selector);
            bool known = bcp_selector_valid(s->selector);
            int target_index = target ? bcp_rule_index(target) : -1;
            /* A suppression of a rule that did not run is not known to be unused. */
            bool ran = target_index < 0 || rule_enabled(opts, (size_t)target_index);
            if (!known || ran) {
                bcp_diag *d = bcp_diag_add(list, effective_severity(opts, (size_t)unused_index),
                                           unused_rule->code, unused_rule->name, &s->span,
                                           known ? "unused suppression: no `%s` finding %s"
                                                 : "unknown rule `%s` in a suppression comment%s",
                                           s->selector,
                                           known ? (s->whole_file             ? "in this file"
                                                    : s->row == s->next_row ? "on this line"
                                                                            : "on this line or the next")
                                                 : "");
                if (known)
                    bcp_diag_set_hint(d, "%s", unused_rule->fix);
                else
                    bcp_diag_set_hint(d, "name a rule by code or name; `bcp rules` lists them");
            }
        }
        free(s->selector);
    }
    free(sups.items);
}
