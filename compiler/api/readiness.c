/* bcp_readiness_file: the readiness score of a plan (docs/readiness.md).  The
 * score is computed in model/readiness.c; this layer, where lint runs, hands
 * it the deviations the plan accepts. */
#include "readiness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api_internal.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "base/escape.h"
#include "model/readiness.h"
#include "render/readiness_view.h"
#include "tools.h"
#include "tools_lint.h"

void bcp_tools_readiness_by(bcp_model *m, int32_t today, const bcp_lint_deviation_list *accepted,
                            const char *profile, bcp_readiness *out)
{
    bcp_lint_deviation_list found = {0};
    if (!accepted) {
        bcp_tools_accepted_deviations(m, &found);
        accepted = &found;
    }
    const bcp_entity **about = bcp_malloc((accepted->count ? accepted->count : 1) * sizeof *about);
    for (size_t i = 0; i < accepted->count; i++)
        about[i] = accepted->items[i].entity ? accepted->items[i].entity : accepted->items[i].block;
    bcp_readiness_windows w = bcp_readiness_profile_windows(m, profile);
    bcp_readiness_compute(m, today, &w, about, accepted->count, out);
    bcp_free(about);
    bcp_lint_deviation_list_free(&found);
}

void bcp_tools_readiness(bcp_model *m, int32_t today, const bcp_lint_deviation_list *accepted, bcp_readiness *out)
{
    bcp_tools_readiness_by(m, today, accepted, NULL, out);
}

/* The profile the check of `path` lints with: --profile, else that of the
 * governing bcpconfig.bcp (--config, or found beside the plan), else NULL
 * (default).  A new string or NULL. */
char *bcp_tools_profile_for(const char *path, const bcp_check_options *o, bcp_diagnostics *set)
{
    bcp_tools_setup setup;
    char *profile = NULL;
    if (bcp_tools_lint_setup(o, &setup, set) == BCP_OK) {
        char *config_path = bcp_tools_config_path(o, path);
        bcp_lint_config config;
        if (bcp_tools_load_config(config_path, &setup.overrides, &config, set) && config.options.profile)
            profile = bcp_strdup(config.options.profile);
        bcp_lint_config_free(&config);
        bcp_free(config_path);
    }
    bcp_tools_lint_setup_free(&setup);
    return profile;
}

void bcp_tools_readiness_within(bcp_model *m, int32_t today, const bcp_check_options *o, const char *path,
                                bcp_readiness *out, bcp_diagnostics *set)
{
    bcp_lint_deviation_list accepted = {0};
    bcp_tools_accepted_deviations_for(m, o, &accepted);
    char *profile = path ? bcp_tools_profile_for(path, o, set) : (o->profile ? bcp_strdup(o->profile) : NULL);
    bcp_tools_readiness_by(m, today, &accepted, profile, out);
    bcp_free(profile);
    bcp_lint_deviation_list_free(&accepted);
}

/* The score of a loaded model on `today`, counting the deviations the
 * configuration (searched as `o` bounds it) accepts and by its profile; or
 * why there is none. */
static bcp_status score_model(bcp_model *m, const char *path, const bcp_check_options *o, int32_t today,
                              bcp_readiness *out, bcp_diagnostics *set)
{
    if (bcp_tools_plan_errors(m, set)) {
        /* a module (no plan block of its own) is scored with the plan that imports it */
        bool module = !bcp_model_plan(m) && !bcp_model_has_syntax_errors(m);
        if (module)
            bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s has no plan block: nothing to score",
                                        path ? path : "the text");
        return module ? BCP_ERR_NOT_FOUND : BCP_ERR_PLAN;
    }
    bcp_tools_readiness_within(m, today, o, path, out, set);
    return BCP_OK;
}

/* The options, *out cleared and "today" resolved: false (and why) for a bad today. */
static bool score_setup(const bcp_check_options **o, bcp_readiness *out, int32_t *today, bcp_diagnostics *set)
{
    static const bcp_check_options defaults = {0};
    *o = *o ? *o : &defaults;
    memset(out, 0, sizeof *out);
    const char *err = NULL;
    if (bcp_lint_resolve_today((*o)->today, today, &err))
        return true;
    bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s", err);
    return false;
}

bcp_status bcp_readiness_file(const char *path, const bcp_check_options *options, bcp_readiness *out,
                              bcp_diagnostics **problems)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    int32_t today;
    bcp_status status = BCP_ERR_INVALID;
    if (score_setup(&options, out, &today, set)) {
        bcp_model *m = bcp_tools_load_plan(path, options->stdlib_dir, options->config_root);
        status = score_model(m, path, options, today, out, set);
        bcp_model_free(m);
    }
    bcp_tools_give(problems, set);
    return status;
}

bcp_status bcp_plan_readiness(const bcp_plan *plan, const bcp_check_options *options, bcp_readiness *out,
                              bcp_diagnostics **problems)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    int32_t today;
    bcp_status status = BCP_ERR_INVALID;
    if (score_setup(&options, out, &today, set))
        status = score_model(bcp_plan_model(plan), plan->path, options, today, out, set);
    bcp_tools_give(problems, set);
    return status;
}

/* ------------------------------------------------------ bcp check --summary */

/* Reasons a text row lists before "and N more". */
#define SUMMARY_REASONS_SHOWN 3

static void summary_text(bcp_buf *out, const char *file, const bcp_readiness *r, bool scored)
{
    if (!scored) {
        bcp_buf_printf(out, "readiness %s: not scored (the plan has errors)\n", file);
        return;
    }
    bcp_buf_printf(out, "readiness %s: %d/100\n", file, r->score);
    bcp_buf_printf(out, "  %-9s %5s %6s %7s  %s\n", "area", "score", "weight", "checks", "what lowers it");
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++) {
        const bcp_readiness_area_score *s = &r->areas[a];
        char score[8], checks[48];
        snprintf(score, sizeof score, s->applies ? "%d" : "-", s->score);
        snprintf(checks, sizeof checks, "%zu/%zu", s->met, s->total);
        bcp_buf line = {0};
        bcp_buf_printf(&line, "  %-9s %5s %6d %7s  ", bcp_readiness_area_name((bcp_readiness_area)a), score,
                       s->weight, checks);
        size_t shown = 0, more = 0;
        for (size_t i = 0; i < r->reason_count; i++) {
            if (r->reasons[i].area != (bcp_readiness_area)a)
                continue;
            if (shown == SUMMARY_REASONS_SHOWN) {
                more++;
                continue;
            }
            char *e = bcp_escape_text(r->reasons[i].entity, strlen(r->reasons[i].entity));
            bcp_buf_printf(&line, "%s%s (%s)", shown++ ? ", " : "", e, r->reasons[i].why);
            bcp_free(e);
        }
        if (more)
            bcp_buf_printf(&line, ", and %zu more", more);
        if (!s->applies)
            bcp_buf_puts(&line, "not scored: nothing to check");
        while (line.len && line.data[line.len - 1] == ' ')
            line.data[--line.len] = '\0';
        bcp_buf_printf(out, "%s\n", line.data);
        bcp_buf_free(&line);
    }
}

char *bcp_tools_summary_render(const bcp_tools_summary_entry *entries, size_t count,
                               const bcp_diagnostics *findings, bcp_summary_format format, size_t *length)
{
    size_t errors = findings ? bcp_diagnostics_count_at_least(findings, BCP_SEV_ERROR) : 0;
    size_t warnings = findings ? bcp_diagnostics_count_at_least(findings, BCP_SEV_WARNING) - errors : 0;
    size_t notes = findings ? bcp_diagnostics_count(findings) - errors - warnings : 0;
    bcp_buf out = {0};
    json_t *plans = json_array();
    for (size_t i = 0; i < count; i++) {
        const bcp_tools_summary_entry *e = &entries[i];
        if (format == BCP_SUMMARY_JSON) {
            json_t *p = json_pack("{s:s,s:b}", "file", e->file, "scored", e->scored);
            if (e->scored)
                json_object_set_new(p, "readiness", bcp_readiness_json(NULL, &e->readiness));
            json_array_append_new(plans, p);
        } else {
            if (out.len)
                bcp_buf_puts(&out, "\n");
            char *name = bcp_escape_text(e->file, strlen(e->file));
            summary_text(&out, name, &e->readiness, e->scored);
            bcp_free(name);
        }
    }
    if (format == BCP_SUMMARY_JSON) {
        json_t *root = json_pack("{s:s,s:i,s:{s:I,s:I,s:I},s:o}", "format", "bcp-check-summary", "version", 1,
                                 "findings", "errors", (json_int_t)errors, "warnings", (json_int_t)warnings, "notes",
                                 (json_int_t)notes, "plans", plans);
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(root);
        bcp_escape_json(&out, text ? text : "{}", text ? strlen(text) : 2);
        bcp_buf_puts(&out, "\n");
        free(text); /* jansson's allocation */
    } else {
        json_decref(plans);
        if (out.len)
            bcp_buf_puts(&out, "\n");
        bcp_buf_printf(&out, "findings: %zu error%s, %zu warning%s, %zu note%s\n", errors, errors == 1 ? "" : "s",
                       warnings, warnings == 1 ? "" : "s", notes, notes == 1 ? "" : "s");
    }
    if (length)
        *length = out.len;
    return bcp_buf_take(&out);
}

void bcp_tools_summary_free(bcp_tools_summary_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        bcp_free(entries[i].file);
        bcp_readiness_free(&entries[i].readiness);
    }
    bcp_free(entries);
}

char *bcp_check_summary(const char *const *paths, size_t count, const bcp_check_options *options,
                        const bcp_diagnostics *findings, bcp_summary_format format, size_t *length)
{
    char **files = NULL;
    size_t file_count = 0;
    bcp_collect_plan_files(paths, count, &files, &file_count, NULL);
    bcp_tools_summary_entry *entries = bcp_calloc(file_count ? file_count : 1, sizeof *entries);
    size_t n = 0;
    for (size_t i = 0; i < file_count; i++) {
        if (strcmp(files[i], "-") == 0)
            continue;
        bcp_tools_summary_entry *e = &entries[n];
        bcp_diagnostics *problems = NULL;
        bcp_status s = bcp_readiness_file(files[i], options, &e->readiness, &problems);
        bcp_diagnostics_free(problems);
        if (s == BCP_ERR_NOT_FOUND) { /* a module */
            bcp_readiness_free(&e->readiness);
            continue;
        }
        e->file = bcp_strdup(files[i]);
        e->scored = s == BCP_OK;
        n++;
    }
    bcp_free_strings(files, file_count);
    char *out = bcp_tools_summary_render(entries, n, findings, format, length);
    bcp_tools_summary_free(entries, n);
    return out;
}
