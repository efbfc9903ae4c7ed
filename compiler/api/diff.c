/* bcp_diff_files and bcp_dump_file: the semantic diff of two versions of a
 * plan (docs/diff.md) and the canonical text of what one plan means.  A side
 * whose imports do not load (git hands the old version over as a temporary
 * file) is compared by what its own files define, with a warning. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/codes.h"
#include "base/escape.h"
#include "base/buf.h"
#include "diff/plan_diff.h"
#include "diff/readiness_diff.h"
#include "model/model.h"
#include "model/model_dump.h"
#include "readiness.h"
#include "tools.h"
#include "tools_lint.h"

/* An import that did not load: not found, outside the project, or a cycle. */
static bool is_import_problem(const bcp_diag *d)
{
    static const bcp_code_id imports[] = {BCP_CODE_E111, BCP_CODE_E112, BCP_CODE_E113};
    for (size_t i = 0; d->code && i < sizeof imports / sizeof *imports; i++)
        if (strcmp(d->code, bcp_code_at(imports[i])->code) == 0)
            return true;
    return false;
}

/* Loads one side; NULL (and its syntax errors in `problems`) when it has
 * syntax errors.  Sets *imports_failed when an import did not load. */
static bcp_model *load_side(const char *path, const char *name, const bcp_model_options *opts,
                            bcp_diagnostics *problems, bool *imports_failed)
{
    /* git names an added or deleted file's missing side /dev/null. */
    bcp_model *m = strcmp(path, "/dev/null") == 0 ? bcp_model_load_text(name, "", 0, opts) : bcp_model_load(path, opts);
    const bcp_diag_list *diags = bcp_model_diags(m);
    if (bcp_model_has_syntax_errors(m)) {
        for (size_t i = 0; i < diags->count; i++)
            if (diags->items[i].is_syntax)
                bcp_diagnostics_add(problems, &diags->items[i]);
        bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "%s: cannot compare a plan with syntax errors", name);
        bcp_model_free(m);
        return NULL;
    }
    for (size_t i = 0; i < diags->count; i++) {
        if (!is_import_problem(&diags->items[i]))
            continue;
        bcp_diagnostics_add_message(problems, BCP_SEV_WARNING, "%s: %s", name, diags->items[i].message);
        *imports_failed = true;
    }
    return m;
}

/* How the change moves the readiness score: both sides scored on the build's
 * today (SOURCE_DATE_EPOCH, else the clock), as `bcp check --summary` scores
 * them; lint reads the models only (as bcp_plan_lint does). */
static bool readiness_pair(const bcp_model *old_model, const bcp_model *new_model, const char *config_root,
                           bcp_readiness *was, bcp_readiness *now)
{
    int32_t today;
    const char *err = NULL;
    if (!bcp_model_plan(old_model) || !bcp_model_plan(new_model) || !bcp_lint_resolve_today(NULL, &today, &err))
        return false;
    bcp_check_options bounded = {.config_root = config_root};
    bcp_tools_readiness_within((bcp_model *)old_model, today, &bounded, NULL, was, NULL);
    bcp_tools_readiness_within((bcp_model *)new_model, today, &bounded, NULL, now, NULL);
    return true;
}

static void readiness_moves(bcp_buf *out, const bcp_model *old_model, const bcp_model *new_model,
                            const char *config_root, bool markdown)
{
    bcp_readiness was, now;
    if (!readiness_pair(old_model, new_model, config_root, &was, &now))
        return;
    bcp_buf moves = {0};
    if (bcp_readiness_diff_render(&moves, &was, &now, markdown)) {
        if (!markdown)
            bcp_buf_puts(out, "\n");
        bcp_buf_puts(out, moves.data);
    }
    bcp_buf_free(&moves);
    bcp_readiness_free(&was);
    bcp_readiness_free(&now);
}

bool bcp_tools_diff(const bcp_model *old_model, const bcp_model *new_model, const char *config_root, bool roots_only,
                    bcp_diff_style style,
                    const char *old_name, const char *new_name, char **text, size_t *length, bool *differ)
{
    bcp_plan_diff *d = bcp_plan_diff_compute(old_model, new_model, roots_only);
    bcp_buf out = {0};
    if (style == BCP_DIFF_STYLE_JSON) {
        json_t *doc = bcp_plan_diff_json(d, old_name, new_name);
        bcp_readiness was, now;
        if (!bcp_plan_diff_is_empty(d) && readiness_pair(old_model, new_model, config_root, &was, &now)) {
            json_t *moves = bcp_readiness_diff_json(&was, &now);
            if (moves)
                json_object_set_new(doc, "readiness", moves);
            bcp_readiness_free(&was);
            bcp_readiness_free(&now);
        }
        char *json = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        bcp_escape_json(&out, json ? json : "{}", json ? strlen(json) : 2);
        bcp_buf_puts(&out, "\n");
        free(json); /* jansson's allocation */
        json_decref(doc);
    } else {
        bcp_plan_diff_render(&out, d, style == BCP_DIFF_STYLE_MARKDOWN ? BCP_DIFF_MARKDOWN : BCP_DIFF_TEXT, old_name,
                             new_name);
        if (!bcp_plan_diff_is_empty(d))
            readiness_moves(&out, old_model, new_model, config_root, style == BCP_DIFF_STYLE_MARKDOWN);
    }
    if (length)
        *length = out.len;
    *text = bcp_buf_take(&out);
    bool different = !bcp_plan_diff_is_empty(d);
    if (differ)
        *differ = different;
    bcp_plan_diff_free(d);
    return different;
}

static void no_text(char **text, size_t *length)
{
    *text = NULL;
    if (length)
        *length = 0;
}

bcp_status bcp_diff_files(const char *old_path, const char *new_path, const bcp_diff_options *options,
                          char **text, size_t *length, bool *differ, bcp_diagnostics **problems)
{
    static const bcp_diff_options defaults = {0};
    const bcp_diff_options *o = options ? options : &defaults;
    bcp_model_options mo = {.stdlib_dir = o->stdlib_dir};
    const char *old_name = o->old_name ? o->old_name : old_path;
    const char *new_name = o->new_name ? o->new_name : new_path;
    bcp_diagnostics *set = bcp_diagnostics_new();
    bool imports_failed = false;
    bcp_tools_config_limits(NULL, new_path);
    bcp_model *old_model = load_side(old_path, old_name, &mo, set, &imports_failed);
    bcp_model *new_model = old_model ? load_side(new_path, new_name, &mo, set, &imports_failed) : NULL;
    if (differ)
        *differ = false;
    if (!old_model || !new_model) {
        bcp_model_free(old_model);
        bcp_tools_give(problems, set);
        no_text(text, length);
        return BCP_ERR_PLAN;
    }
    if (imports_failed)
        bcp_diagnostics_add_message(set, BCP_SEV_WARNING,
                                    "imports could not be loaded; comparing only the entities that %s and %s "
                                    "define themselves",
                                    old_name, new_name);
    bcp_tools_diff(old_model, new_model, o->config_root, imports_failed, o->style, old_name, new_name, text, length, differ);
    bcp_model_free(old_model);
    bcp_model_free(new_model);
    bcp_tools_give(problems, set);
    return BCP_OK;
}

bcp_status bcp_dump_file(const char *path, const char *stdlib_dir, char **text, size_t *length,
                         bcp_diagnostics **problems)
{
    bcp_model_options mo = {.stdlib_dir = stdlib_dir};
    bcp_diagnostics *set = bcp_diagnostics_new();
    bool imports_failed = false;
    bcp_tools_config_limits(NULL, path);
    bcp_model *m = load_side(path, path, &mo, set, &imports_failed);
    if (!m) {
        bcp_tools_give(problems, set);
        no_text(text, length);
        return BCP_ERR_PLAN;
    }
    *text = bcp_model_dump_string(m, NULL, length);
    bcp_model_free(m);
    bcp_tools_give(problems, set);
    return BCP_OK;
}
