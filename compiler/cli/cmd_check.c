/* bcp check: syntax errors, model errors and lint findings of plans, in one of
 * several output formats. */
#define _DEFAULT_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"
#include "atomic_file.h"
#include "cli.h"
#include "rules/engine.h"
#include "rules/config.h"
#include "model/model.h"
#include "report/output.h"
#include "model/workspace.h"

typedef struct check_options {
    bcp_model_options model;
    bcp_common_options common;
    bcp_operands paths;
    const char *format_name;
    const char *output;
    const char *profile;
    const char *today;
    const char *config;
    bool no_config;
    bool no_lint;
    bool exit_zero;
    bool fail_on_error_only;
    bcp_string_list select, ignore;
    bool has_select, has_ignore;
} check_options;

/* "a,b c" -> a, b, c appended to the list. */
static void split_selectors(const char *arg, bcp_string_list *out)
{
    const char *item;
    size_t n;
    while (bcp_list_next(&arg, &item, &n))
        bcp_string_list_push(out, item, n);
}

static int parse_args(int argc, char **argv, check_options *o)
{
    o->format_name = "text";
    bcp_operands_init(&o->paths, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (bcp_operand(&o->paths, argv[i]) ||
            bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB | BCP_OPT_COLOR, &o->common))
            continue;
        if (bcp_option_value(argc, argv, &i, "--format", &v)) {
            o->format_name = v;
        } else if (bcp_option_value(argc, argv, &i, "--output", &v) || bcp_option_value(argc, argv, &i, "-o", &v)) {
            o->output = v;
        } else if (bcp_option_value(argc, argv, &i, "--select", &v)) {
            split_selectors(v, &o->select);
            o->has_select = true;
        } else if (bcp_option_value(argc, argv, &i, "--ignore", &v)) {
            split_selectors(v, &o->ignore);
            o->has_ignore = true;
        } else if (bcp_option_value(argc, argv, &i, "--profile", &v)) {
            o->profile = v;
        } else if (bcp_option_value(argc, argv, &i, "--today", &v)) {
            o->today = v;
        } else if (bcp_option_value(argc, argv, &i, "--config", &v)) {
            o->config = v;
        } else if (strcmp(a, "--no-config") == 0) {
            o->no_config = true;
        } else if (strcmp(a, "--no-lint") == 0) {
            o->no_lint = true;
        } else if (strcmp(a, "--exit-zero") == 0) {
            o->exit_zero = true;
        } else if (bcp_option_value(argc, argv, &i, "--fail-on", &v)) {
            if (strcmp(v, "error") == 0)
                o->fail_on_error_only = true;
            else if (strcmp(v, "warning") == 0)
                o->fail_on_error_only = false;
            else
                return bcp_usage_error("check", "--fail-on takes error or warning");
        } else {
            return bcp_usage_error("check", "unknown option '%s'", a);
        }
    }
    o->model.stdlib_dir = o->common.stdlib_dir;
    if (o->paths.count == 0)
        return bcp_usage_error("check", "no files given");
    if (bcp_common_check(&o->common, "check") >= 0)
        return BCP_EXIT_ERROR;
    bcp_format format;
    if (!bcp_format_parse(o->format_name, &format))
        return bcp_usage_error("check", "--format takes text, gcc, json, sarif or github");
    if (o->has_select && o->select.count == 0)
        return bcp_usage_error("check", "--select needs at least one rule (use --no-lint to run none)");
    return -1;
}

/* The findings already reported, as a hash set: a module imported by several
 * plans is reported once, and a run with 200,000 findings stays linear. */
typedef struct printed_set {
    char **slots;          /* open addressing; NULL = empty */
    size_t capacity, count;
} printed_set;

static char *diag_key(const bcp_diag *d)
{
    const bcp_source *src = d->span.source;
    const char *file = src ? (src->real_path ? src->real_path : src->path) : "";
    const char *code = d->code ? d->code : "";
    size_t size = strlen(file) + strlen(code) + strlen(d->message) + 32;
    char *key = malloc(size);
    if (!key)
        abort();
    snprintf(key, size, "%s\n%u\n%s\n%s", file, (unsigned)d->span.start_byte, code, d->message);
    return key;
}

static size_t key_hash(const char *key)
{
    size_t h = 14695981039346656037ULL;
    for (; *key; key++)
        h = (h ^ (unsigned char)*key) * 1099511628211ULL;
    return h;
}

static void printed_grow(printed_set *set)
{
    size_t capacity = set->capacity ? set->capacity * 2 : 256;
    char **slots = calloc(capacity, sizeof *slots);
    if (!slots)
        abort();
    for (size_t i = 0; i < set->capacity; i++) {
        if (!set->slots[i])
            continue;
        size_t j = key_hash(set->slots[i]) & (capacity - 1);
        while (slots[j])
            j = (j + 1) & (capacity - 1);
        slots[j] = set->slots[i];
    }
    free(set->slots);
    set->slots = slots;
    set->capacity = capacity;
}

/* Returns false when `d` was reported before. */
static bool printed_add(printed_set *set, const bcp_diag *d)
{
    if ((set->count + 1) * 2 > set->capacity)
        printed_grow(set);
    char *key = diag_key(d);
    size_t j = key_hash(key) & (set->capacity - 1);
    while (set->slots[j]) {
        if (strcmp(set->slots[j], key) == 0) {
            free(key);
            return false;
        }
        j = (j + 1) & (set->capacity - 1);
    }
    set->slots[j] = key;
    set->count++;
    return true;
}

static void printed_free(printed_set *set)
{
    for (size_t i = 0; i < set->capacity; i++)
        free(set->slots[i]);
    free(set->slots);
}

static bool is_config_file(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    return strcmp(base, "bcpconfig.bcp") == 0;
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

/* Loads a configuration and prints what is wrong with it. */
static bool load_config(const char *path, const bcp_lint_overrides *ov, bcp_lint_config *c)
{
    bcp_diag_list diags = {0};
    bool ok = bcp_lint_config_load(path, ov, c, &diags);
    for (size_t i = 0; i < diags.count; i++)
        bcp_diag_print(stderr, &diags.items[i], false);
    bcp_diag_list_free(&diags);
    return ok;
}

static const bcp_lint_config *config_for(config_cache *cache, const char *path, const bcp_lint_overrides *ov)
{
    const char *key = path ? path : "";
    for (size_t i = 0; i < cache->count; i++)
        if (strcmp(cache->items[i].key, key) == 0)
            return &cache->items[i].config;
    bcp_lint_config c;
    bool ok = load_config(path, ov, &c);
    if (!ok) {
        bcp_lint_config_free(&c);
        return NULL;
    }
    cache->items = bcp_grow(cache->items, &cache->capacity, cache->count, sizeof *cache->items);
    config_entry *e = &cache->items[cache->count++];
    e->key = strdup(key);
    if (!e->key)
        abort();
    e->config = c;
    return &e->config;
}

static void config_cache_free(config_cache *cache)
{
    for (size_t i = 0; i < cache->count; i++) {
        free(cache->items[i].key);
        bcp_lint_config_free(&cache->items[i].config);
    }
    free(cache->items);
}

/* The config file that governs `file`: --config, else the nearest bcpconfig.bcp. */
static char *config_path_for(const check_options *o, const char *file)
{
    if (o->no_config)
        return NULL;
    if (o->config)
        return strdup(o->config);
    char dir[PATH_MAX];
    if (strcmp(file, "-") == 0 || !realpath(file, dir)) {
        if (!getcwd(dir, sizeof dir))
            return NULL;
    } else {
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = '\0';
    }
    return bcp_lint_config_find(dir);
}

/* ------------------------------------------------------------ output file */

/* --output FILE: the report replaces FILE only when the check ran to the end,
 * so that a failed run leaves the previous report in place. */
typedef struct output_target {
    FILE *out;
    bcp_atomic_file file;
    bool to_file;
} output_target;

static bool output_open(const char *path, output_target *t)
{
    t->out = stdout;
    t->to_file = path && strcmp(path, "-") != 0;
    if (!t->to_file)
        return true;
    const char *err;
    /* A report (SARIF for code scanning, JSON for a dashboard) is meant to be read by others. */
    if (!bcp_atomic_open(&t->file, path, 0644, 0, &err)) {
        fprintf(stderr, "bcp: cannot write %s: %s\n", path, err);
        t->to_file = false;
        return false;
    }
    t->out = t->file.out;
    return true;
}

/* Puts the report in place, or drops it when `keep` is false. */
static bool output_close(const char *path, output_target *t, bool keep)
{
    if (!t->to_file)
        return fflush(stdout) == 0 || !keep;
    if (!keep) {
        bcp_atomic_discard(&t->file);
        return true;
    }
    const char *err;
    if (bcp_atomic_commit(&t->file, &err))
        return true;
    fprintf(stderr, "bcp: cannot write %s: %s\n", path, err);
    return false;
}

/* ------------------------------------------------------------ checking */

typedef struct check_state {
    const check_options *opts;
    bcp_lint_overrides overrides;
    config_cache configs;
    bcp_reporter reporter;
    printed_set printed;
    bool syntax, failed_setup;
} check_state;

static void check_unit(check_state *st, bcp_unit *unit)
{
    const check_options *o = st->opts;
    const bcp_lint_config *config = NULL;
    if (!o->no_lint) {
        char *path = config_path_for(o, unit->roots[unit->root_count - 1]);
        config = config_for(&st->configs, path, &st->overrides);
        free(path);
        if (!config) {
            st->failed_setup = true;
            return;
        }
    }
    bcp_model *m = bcp_unit_take_model(unit, &o->model);
    bcp_diag_list *diags = bcp_model_diags(m);
    if (config && !bcp_model_has_syntax_errors(m)) {
        if (!bcp_lint_run(m, &config->options, diags)) {
            fprintf(stderr, "bcp: unknown profile `%s` (the stdlib has default, iso22301, nist-800-34, ffiec "
                            "and dora; a plan may declare its own `profile` block)\n",
                    config->options.profile);
            st->failed_setup = true;
            bcp_model_free(m);
            return;
        }
        bcp_lint_config_filter(config, diags);
        bcp_lint_apply_suppressions(diags, m, &config->options);
    }
    bcp_diag_list_sort(diags);
    for (size_t i = 0; i < diags->count; i++) {
        const bcp_diag *d = &diags->items[i];
        if (!bcp_unit_reports(unit, d->span.source))
            continue;
        if (!printed_add(&st->printed, d))
            continue;
        bcp_reporter_add(&st->reporter, d);
        if (d->is_syntax)
            st->syntax = true;
    }
    bcp_model_free(m);
}

/* A bcpconfig.bcp named on the command line is validated, not checked as a plan. */
static bool validate_config(check_state *st, const char *path)
{
    bcp_lint_config c;
    bool ok = load_config(path, &st->overrides, &c);
    bcp_lint_config_free(&c);
    return ok;
}

static void free_options(check_options *o)
{
    bcp_operands_free(&o->paths);
    bcp_string_list_free(&o->select);
    bcp_string_list_free(&o->ignore);
}

int bcp_cmd_check(int argc, char **argv)
{
    check_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status >= 0) {
        free_options(&o);
        return status;
    }
    check_state st = {0};
    st.opts = &o;
    const char *err;
    if (!bcp_lint_resolve_today(o.today, &st.overrides.today, &err)) {
        free_options(&o);
        return bcp_usage_error("check", "%s", err);
    }
    st.overrides.select = o.has_select ? &o.select : NULL;
    st.overrides.ignore = o.has_ignore ? &o.ignore : NULL;
    st.overrides.profile = o.profile;
    bcp_format format;
    bcp_format_parse(o.format_name, &format);
    output_target target;
    if (!output_open(o.output, &target)) {
        free_options(&o);
        return BCP_EXIT_ERROR;
    }
    bool color = format == BCP_FORMAT_TEXT && !o.output && bcp_common_color(&o.common, stdout);
    char **files;
    size_t file_count;
    bool found = bcp_collect_files(o.paths.items, o.paths.count, &files, &file_count);
    size_t plan_count = 0;
    for (size_t i = 0; i < file_count; i++) {
        if (is_config_file(files[i])) {
            if (!validate_config(&st, files[i]))
                st.failed_setup = true;
            free(files[i]);
        } else {
            files[plan_count++] = files[i];
        }
    }
    bcp_reporter_init(&st.reporter, format, target.out, color);
    if (found) {
        bcp_unit_list units;
        bcp_workspace_units(files, plan_count, &o.model, &units);
        for (size_t u = 0; u < units.count && !st.failed_setup; u++)
            check_unit(&st, &units.items[u]);
        bcp_unit_list_free(&units);
    }
    bcp_reporter_finish(&st.reporter);
    bool io_ok = output_close(o.output, &target, found && !st.failed_setup);
    bcp_free_files(files, plan_count);
    config_cache_free(&st.configs);
    printed_free(&st.printed);
    size_t errors = st.reporter.errors, warnings = st.reporter.warnings;
    bcp_reporter_free(&st.reporter);
    free_options(&o);
    if (!found || st.failed_setup || !io_ok || st.syntax)
        return BCP_EXIT_ERROR;
    bool failing = errors > 0 || (!o.fail_on_error_only && warnings > 0);
    return failing && !o.exit_zero ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
}
