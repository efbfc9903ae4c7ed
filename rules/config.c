/* Reading bcpconfig.bcp and merging it with the command-line flags.  Every
 * problem is a located diagnostic (E2xx of compiler/base/codes.def) returned
 * to the caller; nothing is printed here. */
#define _DEFAULT_SOURCE
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/paths.h"
#include "base/limits.h"
#include "model/model.h"

void bcp_string_list_push(bcp_string_list *list, const char *s, size_t len)
{
    list->items = bcp_realloc(list->items, (list->count + 1) * sizeof *list->items);
    list->items[list->count] = bcp_strndup(s, len);
    list->count++;
}

void bcp_string_list_free(bcp_string_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        bcp_free(list->items[i]);
    bcp_free(list->items);
    list->items = NULL;
    list->count = 0;
}

char *bcp_lint_config_find(const char *dir)
{
    return bcp_lint_config_find_within(dir, NULL);
}

char *bcp_lint_config_find_within(const char *dir, const char *ceiling)
{
    char probe[PATH_MAX + 32];
    char cur[PATH_MAX];
    snprintf(cur, sizeof cur, "%s", dir);
    for (;;) {
        struct stat st;
        snprintf(probe, sizeof probe, "%s/bcpconfig.bcp", strcmp(cur, "/") == 0 ? "" : cur);
        if (stat(probe, &st) == 0 && S_ISREG(st.st_mode))
            return bcp_strdup(probe);
        if (ceiling && strcmp(cur, ceiling) == 0)
            return NULL;
        char *slash = strrchr(cur, '/');
        if (!slash)
            return NULL;
        if (slash == cur) {
            if (cur[1] == '\0')
                return NULL;
            cur[1] = '\0';
        } else {
            *slash = '\0';
        }
    }
}

/* ------------------------------------------------------------ reading */

/* Where a configuration's problems go while it is read. */
typedef struct config_reader {
    bcp_lint_config *config;
    bcp_diag_list *diags;
} config_reader;

static void config_error(config_reader *r, bcp_code_id code, const bcp_span *span, const char *fmt,
                         const char *arg) __attribute__((format(printf, 4, 0)));

static void config_error(config_reader *r, bcp_code_id code, const bcp_span *span, const char *fmt,
                         const char *arg)
{
    bcp_diag_add_code(r->diags, code, span, fmt, arg);
}

/* A word or a list of words (identifiers or strings). */
static bool read_words(config_reader *r, const bcp_attr *a, bcp_string_list *out)
{
    const bcp_value *v = &a->value;
    size_t n = v->kind == BCP_V_LIST ? v->as.list.count : 1;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *item = v->kind == BCP_V_LIST ? &v->as.list.items[i] : v;
        if (item->kind == BCP_V_STRING) {
            bcp_string_list_push(out, item->as.string.text, item->as.string.length);
        } else if (item->kind == BCP_V_IDENT) {
            bcp_string_list_push(out, item->as.ident.name, strlen(item->as.ident.name));
        } else {
            config_error(r, BCP_CODE_E201, &item->span, "`%s` takes a list of rule codes or names", a->name);
            return false;
        }
    }
    return true;
}

/* `span` locates the selectors in the file; without one, `origin` names the
 * command-line option they came from. */
static bool check_selectors(config_reader *r, const bcp_string_list *l, const bcp_span *span,
                            const char *origin)
{
    for (size_t i = 0; i < l->count; i++) {
        if (bcp_selector_valid(l->items[i]))
            continue;
        if (span)
            bcp_diag_add_code(r->diags, BCP_CODE_E202, span,
                              "no rule matches the selector `%s` (see `bcp rules`)", l->items[i]);
        else
            bcp_diag_add_code(r->diags, BCP_CODE_E202, NULL,
                              "%s: no rule matches the selector `%s` (see `bcp rules`)", origin, l->items[i]);
        return false;
    }
    return true;
}

static bool read_severity_block(config_reader *r, const bcp_entity *block, int *severity)
{
    for (size_t i = 0; i < block->attr_count; i++) {
        const bcp_attr *a = &block->attrs[i];
        const bcp_rule *rule = bcp_rule_find(a->name);
        if (!rule) {
            config_error(r, BCP_CODE_E203, &a->key_span, "no rule `%s` (see `bcp rules`)", a->name);
            return false;
        }
        const char *word = a->value.kind == BCP_V_IDENT    ? a->value.as.ident.name
                           : a->value.kind == BCP_V_STRING ? a->value.as.string.text
                                                           : "";
        int sev;
        if (strcmp(word, "error") == 0)
            sev = BCP_SEV_ERROR;
        else if (strcmp(word, "warning") == 0)
            sev = BCP_SEV_WARNING;
        else if (strcmp(word, "info") == 0)
            sev = BCP_SEV_INFO;
        else {
            config_error(r, BCP_CODE_E201, &a->value.span, "severity of `%s` must be error, warning or info",
                         a->name);
            return false;
        }
        severity[bcp_rule_index(rule)] = sev;
    }
    return true;
}

/* limits { nesting = 200  file-size = "512M" }: the names and values of --limit. */
static bool read_limits_block(config_reader *r, const bcp_entity *block)
{
    for (size_t i = 0; i < block->attr_count; i++) {
        const bcp_attr *a = &block->attrs[i];
        bcp_limit_id id = bcp_limit_find(a->name);
        if (id == BCP_LIMIT_COUNT) {
            config_error(r, BCP_CODE_E204, &a->key_span,
                         "no limit `%s` (file-size, nesting, string-length, line-length, imports, findings)",
                         a->name);
            return false;
        }
        uint64_t value = 0;
        bool ok = false;
        if (a->value.kind == BCP_V_INTEGER)
            ok = a->value.as.integer > 0 && (value = (uint64_t)a->value.as.integer, true);
        else if (a->value.kind == BCP_V_STRING)
            ok = bcp_limit_parse_value(a->value.as.string.text, &value);
        const bcp_limit_info *info = bcp_limit_info_at(id);
        if (!ok || value == 0 || value > info->maximum) {
            bcp_diag *d = bcp_diag_add_code(r->diags, BCP_CODE_E201, &a->value.span,
                                            "limit `%s` takes a number from 1 to %llu", a->name,
                                            (unsigned long long)info->maximum);
            bcp_diag_set_hint(d, "write a number (`%s = 200`) or a size in quotes with k, M or G (`%s = \"512M\"`)",
                              a->name, a->name);
            return false;
        }
        r->config->limits[id] = value;
    }
    if (block->child_count) {
        bcp_diag_add_code(r->diags, BCP_CODE_E204, &block->children[0]->id_span,
                          "`limits` holds `NAME = VALUE` settings, not a block");
        return false;
    }
    return true;
}

static bool read_per_file(config_reader *r, const bcp_entity *block)
{
    bcp_lint_config *c = r->config;
    for (size_t i = 0; i < block->child_count; i++) {
        const bcp_entity *entry = block->children[i];
        c->per_file = bcp_realloc(c->per_file, (c->per_file_count + 1) * sizeof *c->per_file);
        bcp_per_file_ignore *p = &c->per_file[c->per_file_count++];
        memset(p, 0, sizeof *p);
        for (size_t j = 0; j < entry->attr_count; j++) {
            const bcp_attr *a = &entry->attrs[j];
            bcp_string_list *target = strcmp(a->name, "files") == 0    ? &p->files
                                      : strcmp(a->name, "ignore") == 0 ? &p->ignore
                                                                       : NULL;
            if (!target) {
                config_error(r, BCP_CODE_E204, &a->key_span,
                             "unknown key `%s` in per_file_ignores (use files and ignore)", a->name);
                return false;
            }
            if (!read_words(r, a, target))
                return false;
            if (target == &p->ignore && !check_selectors(r, target, &a->value.span, NULL))
                return false;
        }
        if (p->files.count == 0 || p->ignore.count == 0) {
            config_error(r, BCP_CODE_E205, &entry->id_span,
                         "per_file_ignores entry `%s` needs files = [...] and ignore = [...]",
                         entry->id ? entry->id : "");
            return false;
        }
    }
    return true;
}

static bool read_config_entity(config_reader *r, const bcp_entity *e)
{
    bcp_lint_config *c = r->config;
    for (size_t i = 0; i < e->attr_count; i++) {
        const bcp_attr *a = &e->attrs[i];
        if (strcmp(a->name, "select") == 0 || strcmp(a->name, "ignore") == 0) {
            bcp_string_list *target = a->name[0] == 's' ? &c->select : &c->ignore;
            c->has_select = c->has_select || target == &c->select;
            if (!read_words(r, a, target) || !check_selectors(r, target, &a->value.span, NULL))
                return false;
        } else if (strcmp(a->name, "profile") == 0) {
            bcp_string_list words = {0};
            bool ok = read_words(r, a, &words) && words.count == 1;
            if (ok) {
                bcp_free(c->profile);
                c->profile = bcp_strdup(words.items[0]);
            } else {
                config_error(r, BCP_CODE_E201, &a->value.span, "`%s` takes one profile name", a->name);
            }
            bcp_string_list_free(&words);
            if (!ok)
                return false;
        } else if (strcmp(a->name, "docs_url") == 0) {
            if (a->value.kind != BCP_V_STRING || a->value.as.string.text[strspn(a->value.as.string.text, " \t\r\n")] == '\0') {
                config_error(r, BCP_CODE_E201, &a->value.span,
                             "`%s` takes a URL in quotes, e.g. \"https://example.org/bcp/rules/\"", a->name);
                return false;
            }
            bcp_free(c->docs_url);
            c->docs_url = bcp_strdup(a->value.as.string.text);
        } else {
            config_error(r, BCP_CODE_E204, &a->key_span,
                         "unknown configuration key `%s` (select, ignore, profile, docs_url, severity, limits, "
                         "per_file_ignores)",
                         a->name);
            return false;
        }
    }
    for (size_t i = 0; i < e->child_count; i++) {
        const bcp_entity *child = e->children[i];
        const char *word = child->id ? child->id : "";
        bool ok;
        if (strcmp(word, "severity") == 0)
            ok = read_severity_block(r, child, c->severity);
        else if (strcmp(word, "per_file_ignores") == 0)
            ok = read_per_file(r, child);
        else if (strcmp(word, "limits") == 0)
            ok = read_limits_block(r, child);
        else {
            config_error(r, BCP_CODE_E204, &child->id_span,
                         "unknown configuration block `%s` (severity, limits, per_file_ignores)", word);
            ok = false;
        }
        if (!ok)
            return false;
    }
    return true;
}

/* The file's model stays with the configuration: the diagnostics point into it. */
static bool read_file(config_reader *r, const char *path, const bcp_model_options *reader)
{
    bcp_model_options opts = {.no_prelude = true};
    if (reader) {
        opts.read = reader->read;
        opts.read_user = reader->read_user;
    }
    bcp_model *m = bcp_model_load(path, &opts);
    r->config->model = m;
    bool ok = bcp_diag_count(bcp_model_diagnostics(m), BCP_SEV_ERROR) == 0;
    bcp_diag_list_append(r->diags, bcp_model_diags(m));
    const bcp_entity_list *configs = bcp_model_entities(m, BCP_KIND_CONFIG);
    size_t blocks = 0;
    for (size_t i = 0; ok && i < configs->count; i++) {
        if (configs->items[i]->parent)
            continue;
        blocks++;
        ok = read_config_entity(r, configs->items[i]);
    }
    for (int k = 0; ok && k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *l = bcp_model_entities(m, (bcp_kind)k);
        if (k != BCP_KIND_CONFIG && l->count > 0) {
            config_error(r, BCP_CODE_E206, &l->items[0]->id_span,
                         "bcpconfig.bcp holds only a `config` block, not `%s` (plan entries and profiles "
                         "belong in the plan)",
                         bcp_kind_name((bcp_kind)k));
            ok = false;
        }
    }
    if (ok && blocks == 0) {
        bcp_span top = {.source = bcp_model_source_count(m) ? bcp_model_source(m, 0) : NULL};
        bcp_diag_add_code(r->diags, BCP_CODE_E207, &top, "no `config { ... }` block");
    }
    return ok;
}

/* ------------------------------------------------------------ merging */

static bool any_selects(const bcp_string_list *l, const bcp_rule *rule)
{
    for (size_t i = 0; i < l->count; i++)
        if (bcp_rule_selected_by(rule, l->items[i]))
            return true;
    return false;
}

/* --select and --ignore replace what the config file says. */
static bool override_selectors(config_reader *r, bcp_string_list *list, const bcp_string_list *given,
                               const char *option)
{
    if (!check_selectors(r, given, NULL, option))
        return false;
    bcp_string_list_free(list);
    for (size_t i = 0; i < given->count; i++)
        bcp_string_list_push(list, given->items[i], strlen(given->items[i]));
    return true;
}

bool bcp_lint_config_load(const char *path, const bcp_lint_overrides *ov, bcp_lint_config *c,
                          bcp_diag_list *diags)
{
    memset(c, 0, sizeof *c);
    config_reader reader = {.config = c, .diags = diags};
    config_reader *r = &reader;
    c->severity = bcp_malloc((bcp_rule_count + 1) * sizeof *c->severity);
    c->enabled = bcp_calloc(bcp_rule_count + 1, sizeof *c->enabled);
    for (size_t i = 0; i < bcp_rule_count; i++)
        c->severity[i] = BCP_SEVERITY_DEFAULT;
    if (path) {
        c->path = bcp_strdup(path);
        char real[PATH_MAX];
        if (bcp_realpath(path, real)) {
            char *slash = strrchr(real, '/');
            if (slash)
                *(slash == real ? slash + 1 : slash) = '\0';
            c->dir = bcp_strdup(real);
        } else if (path[0] == '/' && strrchr(path, '/') != path) {
            /* An editor's unsaved buffer, named by its canonical path. */
            c->dir = bcp_strndup(path, (size_t)(strrchr(path, '/') - path));
        }
        if (!read_file(r, path, ov ? ov->reader : NULL))
            return false;
    }
    if (ov && ov->select) {
        if (!override_selectors(r, &c->select, ov->select, "--select"))
            return false;
        c->has_select = true;
    }
    if (ov && ov->ignore && !override_selectors(r, &c->ignore, ov->ignore, "--ignore"))
        return false;
    if (ov && ov->profile) {
        bcp_free(c->profile);
        c->profile = bcp_strdup(ov->profile);
    }
    for (size_t i = 0; i < bcp_rule_count; i++) {
        const bcp_rule *rule = bcp_rules[i];
        c->enabled[i] = (!c->has_select || any_selects(&c->select, rule)) && !any_selects(&c->ignore, rule);
    }
    c->options.profile = c->profile;
    c->options.today = ov ? ov->today : 0;
    c->options.regimes = ov ? ov->regimes : NULL;
    c->options.regime_count = ov ? ov->regime_count : 0;
    c->options.enabled = c->enabled;
    c->options.severity = c->severity;
    return true;
}

void bcp_lint_config_free(bcp_lint_config *c)
{
    bcp_free(c->path);
    bcp_free(c->dir);
    bcp_string_list_free(&c->select);
    bcp_string_list_free(&c->ignore);
    bcp_free(c->profile);
    bcp_free(c->docs_url);
    bcp_free(c->severity);
    bcp_free(c->enabled);
    for (size_t i = 0; i < c->per_file_count; i++) {
        bcp_string_list_free(&c->per_file[i].files);
        bcp_string_list_free(&c->per_file[i].ignore);
    }
    bcp_free(c->per_file);
    bcp_model_free(c->model);
    memset(c, 0, sizeof *c);
}

void bcp_lint_config_apply_limits(const bcp_lint_config *c)
{
    for (int i = 0; i < BCP_LIMIT_COUNT; i++)
        if (c->limits[i])
            bcp_limit_store_configured((bcp_limit_id)i, c->limits[i]);
}

static bool per_file_ignored(const bcp_lint_config *c, const bcp_diag *d)
{
    if (!d->code || !d->span.source || !d->span.source->real_path || !c->dir)
        return false;
    const bcp_rule *rule = bcp_rule_find(d->code);
    if (!rule)
        return false; /* model errors are not configurable */
    const char *rel = d->span.source->real_path;
    size_t n = strlen(c->dir);
    if (strncmp(rel, c->dir, n) == 0) {
        rel += n;
        while (*rel == '/')
            rel++;
    }
    for (size_t i = 0; i < c->per_file_count; i++) {
        const bcp_per_file_ignore *p = &c->per_file[i];
        if (!any_selects(&p->ignore, rule))
            continue;
        for (size_t j = 0; j < p->files.count; j++)
            if (fnmatch(p->files.items[j], rel, 0) == 0)
                return true;
    }
    return false;
}

void bcp_lint_config_filter(const bcp_lint_config *c, bcp_diag_list *list)
{
    if (c->per_file_count == 0)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        bcp_diag *d = &list->items[i];
        if (per_file_ignored(c, d)) {
            bcp_diag_free(d);
        } else {
            list->items[kept++] = *d;
        }
    }
    list->count = kept;
}
