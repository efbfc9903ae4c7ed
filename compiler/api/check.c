/* bcp_check_paths: what `bcp check` does, as a library call.  Files are
 * grouped into units (compiler/model/workspace.h), each unit is loaded,
 * linted with the configuration that governs it (--config, else the nearest
 * bcpconfig.bcp), filtered by per-file ignores and suppression comments, and
 * its findings are added in order; a finding in a module that several units
 * load is kept once. */
#define _DEFAULT_SOURCE
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/paths.h"
#include "base/call.h"
#include "base/buf.h"
#include "base/limits.h"
#include "model/model.h"
#include "model/workspace.h"
#include "rules/config.h"
#include "report/deviations.h"
#include "report/regimes.h"
#include "rules/engine.h"
#include "readiness.h"
#include "tools.h"
#include "tools_lint.h"

/* ------------------------------------------------------------ seen set */

/* The findings already kept, as a hash set: a module imported by several
 * plans is reported once, and a run with 200,000 findings stays linear. */
typedef struct seen_set {
    char **slots;          /* open addressing; NULL = empty */
    size_t capacity, count;
} seen_set;

static char *diag_key(const bcp_diag *d)
{
    const bcp_source *src = d->span.source;
    const char *file = src ? (src->real_path ? src->real_path : src->path) : "";
    bcp_buf key = {0};
    bcp_buf_printf(&key, "%s\n%u\n%s\n%s", file, (unsigned)d->span.start_byte, d->code ? d->code : "",
                   d->message);
    return bcp_buf_take(&key);
}

static size_t key_hash(const char *key)
{
    size_t h = 14695981039346656037ULL;
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 1099511628211ULL;
    return h;
}

static void seen_grow(seen_set *set)
{
    size_t capacity = set->capacity ? set->capacity * 2 : 256;
    char **slots = bcp_calloc(capacity, sizeof *slots);
    for (size_t i = 0; i < set->capacity; i++) {
        if (!set->slots[i])
            continue;
        size_t j = key_hash(set->slots[i]) & (capacity - 1);
        while (slots[j])
            j = (j + 1) & (capacity - 1);
        slots[j] = set->slots[i];
    }
    bcp_free(set->slots);
    set->slots = slots;
    set->capacity = capacity;
}

/* False when `d` was kept before. */
static bool seen_add(seen_set *set, const bcp_diag *d)
{
    if ((set->count + 1) * 2 > set->capacity)
        seen_grow(set);
    char *key = diag_key(d);
    size_t j = key_hash(key) & (set->capacity - 1);
    while (set->slots[j]) {
        if (strcmp(set->slots[j], key) == 0) {
            bcp_free(key);
            return false;
        }
        j = (j + 1) & (set->capacity - 1);
    }
    set->slots[j] = key;
    set->count++;
    return true;
}

static void seen_free(seen_set *set)
{
    for (size_t i = 0; i < set->capacity; i++)
        bcp_free(set->slots[i]);
    bcp_free(set->slots);
}

/* ------------------------------------------------------------ configs */

typedef struct config_entry {
    char *key;                /* config path, "" for none */
    bcp_lint_config config;
} config_entry;

typedef struct config_cache {
    config_entry *items;
    size_t count, capacity;
} config_cache;

bool bcp_tools_load_config(const char *path, const bcp_lint_overrides *ov, bcp_lint_config *config,
                           bcp_diagnostics *problems)
{
    bcp_diag_list diags = {0};
    bool ok = bcp_lint_config_load(path, ov, config, &diags);
    bcp_diagnostics_add_list(problems, &diags);
    bcp_diag_list_free(&diags);
    return ok;
}

static const bcp_lint_config *config_for(config_cache *cache, const char *path, const bcp_lint_overrides *ov,
                                         bcp_diagnostics *problems)
{
    const char *key = path ? path : "";
    for (size_t i = 0; i < cache->count; i++)
        if (strcmp(cache->items[i].key, key) == 0)
            return &cache->items[i].config;
    bcp_lint_config c;
    if (!bcp_tools_load_config(path, ov, &c, problems)) {
        bcp_lint_config_free(&c);
        return NULL;
    }
    cache->items = bcp_grow(cache->items, &cache->capacity, cache->count, sizeof *cache->items);
    config_entry *e = &cache->items[cache->count++];
    e->key = bcp_strdup(key);
    e->config = c;
    return &e->config;
}

static void config_cache_free(config_cache *cache)
{
    for (size_t i = 0; i < cache->count; i++) {
        bcp_free(cache->items[i].key);
        bcp_lint_config_free(&cache->items[i].config);
    }
    bcp_free(cache->items);
}

char *bcp_tools_config_path(const bcp_check_options *o, const char *file)
{
    if (o->no_config)
        return NULL;
    if (o->config)
        return bcp_strdup(o->config);
    char dir[PATH_MAX];
    const char *slash_in = strrchr(file, '/');
    if (strcmp(file, "-") != 0 && !bcp_realpath(file, dir) && slash_in) {
        /* a file not on disk (an editor's or a server's text named in a
         * folder): that folder's configuration */
        char *folder = bcp_strndup(file, slash_in == file ? 1 : (size_t)(slash_in - file));
        bool found = bcp_realpath(folder, dir) != NULL;
        bcp_free(folder);
        if (!found && !getcwd(dir, sizeof dir))
            return NULL;
    } else if (strcmp(file, "-") == 0 || !bcp_realpath(file, dir)) {
        if (!getcwd(dir, sizeof dir))
            return NULL;
    } else {
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = '\0';
    }
    if (!o->config_root)
        return bcp_lint_config_find(dir);
    /* no higher than the root; a file outside it has no configuration */
    char ceiling[PATH_MAX];
    if (!bcp_realpath(o->config_root, ceiling))
        return NULL;
    size_t n = strlen(ceiling);
    bool inside = strcmp(ceiling, "/") == 0 || (strncmp(dir, ceiling, n) == 0 && (dir[n] == '\0' || dir[n] == '/'));
    return inside ? bcp_lint_config_find_within(dir, ceiling) : NULL;
}

void bcp_tools_config_limits(const bcp_check_options *o, const char *file)
{
    static const bcp_check_options defaults = {0};
    char *path = bcp_tools_config_path(o ? o : &defaults, file ? file : "-");
    bcp_limits_clear_configured();   /* not an earlier configuration's (base/call.h) */
    bcp_tools_limits_from(path, NULL);
    bcp_free(path);
}

void bcp_tools_limits_from(const char *path, const bcp_model_options *reader)
{
    if (!path)
        return;
    bcp_lint_config config;
    bcp_lint_overrides ov = {.reader = reader};
    bcp_diagnostics *quiet = bcp_diagnostics_new();
    if (bcp_tools_load_config(path, &ov, &config, quiet))
        bcp_lint_config_apply_limits(&config);
    bcp_lint_config_free(&config);
    bcp_diagnostics_free(quiet);
}

static bool is_config_file(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strcmp(base, "bcpconfig.bcp") == 0;
}

/* ------------------------------------------------------------ checking */

typedef struct check_state {
    const bcp_check_options *opts;
    bcp_model_options model;
    bcp_lint_overrides overrides;   /* pointing into the setup */
    config_cache configs;
    seen_set seen;
    bcp_diagnostics *findings, *problems;
    bool failed_setup;
    /* --summary (bcp_check_paths_summary): each plan's readiness, scored
     * from the model checked; NULL: not asked for */
    struct summary_rows { bcp_tools_summary_entry *items; size_t count, cap; int32_t today; } *summary;
} check_state;

bool bcp_tools_lint(bcp_model *m, const bcp_lint_config *config, bcp_diag_list *diags, bcp_diagnostics *problems)
{
    return bcp_tools_lint_accepted(m, config, diags, problems, NULL);
}

bool bcp_tools_lint_accepted(bcp_model *m, const bcp_lint_config *config, bcp_diag_list *diags,
                             bcp_diagnostics *problems, bcp_lint_deviation_list *accepted)
{
    if (!bcp_lint_run(m, &config->options, diags)) {
        bcp_diagnostics_add_message(problems, BCP_SEV_ERROR,
                                    "unknown profile `%s` (the stdlib has default, iso22301, nist-800-34, ffiec "
                                    "and dora; a plan may declare its own `profile` block)",
                                    config->options.profile);
        return false;
    }
    for (size_t i = 0; i < config->options.regime_count; i++)
        if (!bcp_model_find(m, BCP_KIND_REGIME, config->options.regimes[i])) {
            bcp_diagnostics_add_message(problems, BCP_SEV_ERROR,
                                        "unknown regime `%s` (the stdlib has cbirc-bcm-2011, dora, finra-4370, "
                                        "hipaa-contingency, iso22301, mas-bcm, nydfs-500-16 and uk-opres; a plan "
                                        "may declare its own `regime` block)",
                                        config->options.regimes[i]);
            return false;
        }
    bcp_lint_config_filter(config, diags);
    bcp_lint_apply_deviations(diags, m, &config->options, accepted);
    return true;
}

static bool unit_reports(const void *unit, const bcp_source *source)
{
    return bcp_unit_reports(unit, source);
}

/* The findings limit: at most `limit` findings of one file are listed; the
 * rest are counted into one E017 at the first of them, with the severity of
 * the worst, so that the exit status is what all of them would make it. */
typedef struct file_budget {
    const bcp_source *source;
    uint64_t limit, reported;
    size_t left_out, by_severity[3];
    bool syntax;
    bcp_span first;                  /* the first finding left out */
} file_budget;

static void budget_count(file_budget *b, const bcp_diag *d)
{
    if (!b->left_out++)
        b->first = d->span;
    b->by_severity[d->severity <= BCP_SEV_ERROR ? d->severity : BCP_SEV_ERROR]++;
    b->syntax = b->syntax || d->is_syntax;
}

static void budget_flush(file_budget *b, bcp_diagnostics *findings)
{
    if (!b->left_out)
        return;
    bcp_diag_list list = {0};
    bcp_diag *d = bcp_diag_add_code(&list, BCP_CODE_E017, &b->first,
                                    "%zu more finding%s in this file not listed: the findings limit is %llu "
                                    "(%zu error%s, %zu warning%s, %zu info)",
                                    b->left_out, b->left_out == 1 ? "" : "s", (unsigned long long)b->limit,
                                    b->by_severity[BCP_SEV_ERROR], b->by_severity[BCP_SEV_ERROR] == 1 ? "" : "s",
                                    b->by_severity[BCP_SEV_WARNING], b->by_severity[BCP_SEV_WARNING] == 1 ? "" : "s",
                                    b->by_severity[BCP_SEV_INFO]);
    d->severity = b->by_severity[BCP_SEV_ERROR] ? BCP_SEV_ERROR
                  : b->by_severity[BCP_SEV_WARNING] ? BCP_SEV_WARNING
                                                    : BCP_SEV_INFO;
    d->is_syntax = b->syntax;
    bcp_diag_set_hint(d, "fix the first findings (many often share one cause), or raise the limit with "
                         "--limit findings=N or `limits { findings = N }` in bcpconfig.bcp");
    bcp_diagnostics_add(findings, d);
    bcp_diag_list_free(&list);
    b->left_out = 0;
}

/* serve13c: the limit's loop, shared by bcp_check_paths and bcp_plan_lint
 * (tools_lint.h). */
void bcp_tools_add_within_limit(bcp_diagnostics *findings, const bcp_diag_list *diags, uint64_t limit,
                                bool (*keep)(const bcp_diag *d, void *ctx), void *ctx)
{
    file_budget budget = {.limit = limit};
    for (size_t i = 0; i < diags->count; i++) {
        const bcp_diag *d = &diags->items[i];
        if (keep && !keep(d, ctx))
            continue;
        if (d->span.source != budget.source) {
            budget_flush(&budget, findings);
            budget = (file_budget){.limit = budget.limit, .source = d->span.source};
        }
        if (budget.reported < budget.limit) {
            budget.reported++;
            bcp_diagnostics_add(findings, d);
        } else {
            budget_count(&budget, d);
        }
    }
    budget_flush(&budget, findings);
}

/* The plan's row of the summary: its readiness from the model just checked,
 * by the profile it was linted with. */
static void summary_row(check_state *st, const bcp_unit *unit, bcp_model *m, bool scored,
                        const bcp_lint_deviation_list *accepted, const char *profile)
{
    struct summary_rows *rows = st->summary;
    rows->items = bcp_grow(rows->items, &rows->cap, rows->count, sizeof *rows->items);
    bcp_tools_summary_entry *e = &rows->items[rows->count++];
    memset(e, 0, sizeof *e);
    e->file = bcp_strdup(unit->roots[unit->root_count - 1]);
    e->scored = scored;
    if (scored)
        bcp_tools_readiness_by(m, rows->today, accepted, profile, &e->readiness);
}

/* What a unit reports, each finding once however many units load its file. */
typedef struct unit_filter {
    check_state *st;
    bcp_unit *unit;
} unit_filter;

static bool reported_once(const bcp_diag *d, void *ctx)
{
    unit_filter *f = ctx;
    return bcp_unit_reports(f->unit, d->span.source) && seen_add(&f->st->seen, d);
}

static void check_unit(check_state *st, bcp_unit *unit)
{
    const bcp_check_options *o = st->opts;
    const bcp_lint_config *config = NULL;
    if (!o->no_lint) {
        char *path = bcp_tools_config_path(o, unit->roots[unit->root_count - 1]);
        config = config_for(&st->configs, path, &st->overrides, st->problems);
        bcp_free(path);
        if (!config) {
            st->failed_setup = true;
            return;
        }
    }
    bcp_model *m = bcp_unit_take_model(unit, &st->model);
    bcp_diag_list *diags = bcp_model_diags(m);
    bool scored = bcp_model_plan(m) && !bcp_diag_count(diags, BCP_SEV_ERROR);
    bcp_lint_deviation_list accepted = {0};
    if (config && !bcp_model_has_syntax_errors(m) &&
        !bcp_tools_lint_accepted(m, config, diags, st->problems, &accepted)) {
        st->failed_setup = true;
        bcp_lint_deviation_list_free(&accepted);
        bcp_model_free(m);
        return;
    }
    if (st->summary && bcp_model_plan(m))
        summary_row(st, unit, m, scored, config ? &accepted : NULL, config ? config->options.profile : o->profile);
    bcp_diagnostics_add_deviations(st->findings, &accepted, unit_reports, unit);
    if (config && !bcp_model_has_syntax_errors(m))
        bcp_diagnostics_add_regimes(st->findings, m, config->options.regimes, config->options.regime_count, &accepted);
    bcp_lint_deviation_list_free(&accepted);
    bcp_diag_list_sort(diags);
    unit_filter keep = {st, unit};
    bcp_tools_add_within_limit(st->findings, diags, bcp_limit(BCP_LIMIT_FINDINGS), reported_once, &keep);
    bcp_model_free(m);
}

/* A bcpconfig.bcp named among the paths is validated, not checked as a plan. */
static bool validate_config(check_state *st, const char *path)
{
    bcp_lint_config c;
    bool ok = bcp_tools_load_config(path, &st->overrides, &c, st->problems);
    bcp_lint_config_free(&c);
    return ok;
}

static void to_string_list(const char *const *items, size_t count, bcp_string_list *out)
{
    for (size_t i = 0; i < count; i++)
        bcp_string_list_push(out, items[i], strlen(items[i]));
}

bcp_status bcp_tools_lint_setup(const bcp_check_options *o, bcp_tools_setup *setup, bcp_diagnostics *problems)
{
    memset(setup, 0, sizeof *setup);
    const char *err = NULL;
    if (o->has_select && o->select_count == 0) {
        bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "--select needs at least one rule (use --no-lint to run none)");
        return BCP_ERR_INVALID;
    }
    if (!bcp_lint_resolve_today(o->today, &setup->overrides.today, &err)) {
        bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "%s", err);
        return BCP_ERR_INVALID;
    }
    to_string_list(o->select, o->select_count, &setup->select);
    to_string_list(o->ignore, o->ignore_count, &setup->ignore);
    setup->overrides.select = o->has_select ? &setup->select : NULL;
    setup->overrides.ignore = o->has_ignore ? &setup->ignore : NULL;
    setup->overrides.profile = o->profile;
    setup->overrides.regimes = o->regimes;
    setup->overrides.regime_count = o->regime_count;
    return BCP_OK;
}

void bcp_tools_lint_setup_free(bcp_tools_setup *setup)
{
    bcp_string_list_free(&setup->select);
    bcp_string_list_free(&setup->ignore);
}

static bcp_status check_run(const char *const *paths, size_t count, const bcp_check_options *options,
                            bcp_diagnostics **findings, bcp_diagnostics **problems, struct summary_rows *summary)
{
    static const bcp_check_options defaults = {0};
    /* serve13b: the limits its configuration sets are this call's (base/call.h). */
    bcp_call_state call = {0};
    bcp_call_state *outer = bcp_call_begin(&call);
    check_state st = {0};
    st.summary = summary;
    st.opts = options ? options : &defaults;
    st.model.stdlib_dir = st.opts->stdlib_dir;
    st.findings = bcp_diagnostics_new();
    st.problems = bcp_diagnostics_new();
    bcp_tools_setup setup;
    bcp_status status = bcp_tools_lint_setup(st.opts, &setup, st.problems);
    if (status != BCP_OK)
        goto done;
    st.overrides = setup.overrides;

    char **files;
    size_t file_count;
    bcp_diagnostics *missing;
    status = bcp_collect_plan_files(paths, count, &files, &file_count, &missing);
    bcp_diagnostics_merge(st.problems, missing);
    size_t plan_count = 0;
    for (size_t i = 0; i < file_count; i++) {
        if (is_config_file(files[i])) {
            if (!validate_config(&st, files[i]))
                st.failed_setup = true;
            bcp_free(files[i]);
        } else {
            files[plan_count++] = files[i];
        }
    }
    /* The configuration of the first file also says what holds for the whole
     * run: its limits (before anything is parsed; --limit wins) and the
     * documentation URL of the report. */
    if (status == BCP_OK && plan_count > 0 && !st.opts->no_config) {
        char *path = bcp_tools_config_path(st.opts, files[0]);
        if (path && !st.opts->no_lint) {
            const bcp_lint_config *config = config_for(&st.configs, path, &st.overrides, st.problems);
            if (config) {
                bcp_lint_config_apply_limits(config);
                bcp_diagnostics_set_docs_url(st.findings, config->docs_url);
            } else {
                st.failed_setup = true;
                status = BCP_ERR_PLAN;
            }
        } else if (path) {
            /* --no-lint does not judge the configuration: its limits hold
             * when it can be read, and what is wrong with it is not reported. */
            bcp_tools_config_limits(st.opts, files[0]);
        }
        bcp_free(path);
    }
    if (status == BCP_OK) {
        bcp_unit_list units;
        bcp_workspace_units(files, plan_count, &st.model, &units);
        for (size_t u = 0; u < units.count && !st.failed_setup && !bcp_call_cancelled(); u++)
            check_unit(&st, &units.items[u]);
        bcp_unit_list_free(&units);
        if (st.failed_setup)
            status = BCP_ERR_PLAN;
    }
    bcp_free_strings(files, plan_count);
    config_cache_free(&st.configs);
    seen_free(&st.seen);
done:
    bcp_tools_lint_setup_free(&setup);
    bcp_tools_give(findings, st.findings);
    bcp_tools_give(problems, st.problems);
    if (bcp_call_cancelled())
        status = BCP_ERR_CANCELLED;
    bcp_call_end(outer);
    return status;
}

bcp_status bcp_check_paths(const char *const *paths, size_t count, const bcp_check_options *options,
                           bcp_diagnostics **findings, bcp_diagnostics **problems)
{
    return check_run(paths, count, options, findings, problems, NULL);
}

bcp_status bcp_check_paths_summary(const char *const *paths, size_t count, const bcp_check_options *options,
                                   bcp_summary_format format, char **summary, size_t *length,
                                   bcp_diagnostics **findings, bcp_diagnostics **problems)
{
    *summary = NULL;
    struct summary_rows rows = {0};
    const char *err = NULL;
    if (!bcp_lint_resolve_today(options ? options->today : NULL, &rows.today, &err))
        rows.today = 0; /* the check reports the bad --today itself */
    bcp_diagnostics *found = NULL;
    bcp_status status = check_run(paths, count, options, &found, problems, &rows);
    *summary = bcp_tools_summary_render(rows.items, rows.count, found, format, length);
    bcp_tools_summary_free(rows.items, rows.count);
    bcp_tools_give(findings, found);
    return status;
}
