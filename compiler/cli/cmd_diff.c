/* bcp diff: what changed in the meaning of a plan (docs/diff.md).
 *
 * Besides `bcp diff OLD NEW` it speaks git's external-diff protocol:
 *   bcp diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
 * git hands the old version over as a temporary file, so the imports of
 * that version may not resolve; the diff then falls back to comparing what
 * the two files define themselves and says so. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "model/model.h"
#include "model/model_dump.h"
#include "diff/plan_diff.h"

typedef struct diff_options {
    bcp_model_options model;
    bcp_common_options common;
    bcp_diff_format format;
    bool git;
    const char *dump;
    bcp_operands args;
} diff_options;

static int parse_args(int argc, char **argv, diff_options *o)
{
    bcp_operands_init(&o->args, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *format;
        if (bcp_operand(&o->args, argv[i]) || bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB, &o->common))
            continue;
        if (strcmp(a, "--git") == 0) {
            o->git = true;
        } else if (strcmp(a, "--dump") == 0 && i + 1 < argc) {
            o->dump = argv[++i];
        } else if (bcp_option_value(argc, argv, &i, "--format", &format)) {
            if (strcmp(format, "text") == 0)
                o->format = BCP_DIFF_TEXT;
            else if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0)
                o->format = BCP_DIFF_MARKDOWN;
            else
                return bcp_usage_error("diff", "--format takes text or markdown");
        } else {
            return bcp_usage_error("diff", "unknown option '%s'", a);
        }
    }
    o->model.stdlib_dir = o->common.stdlib_dir;
    if (o->dump)
        return o->args.count == 0 ? -1 : bcp_usage_error("diff", "--dump takes one file");
    /* git calls an external diff with exactly seven arguments. */
    if (o->args.count == 7)
        o->git = true;
    if (o->git && o->args.count != 7)
        return bcp_usage_error("diff", "--git expects git's 7 arguments: PATH OLD-FILE OLD-HEX "
                                       "OLD-MODE NEW-FILE NEW-HEX NEW-MODE");
    if (!o->git && o->args.count != 2)
        return bcp_usage_error("diff", "diff takes two files: OLD NEW");
    return -1;
}

static bool is_import_problem(const bcp_diag *d)
{
    return d->code && (strcmp(d->code, "E111") == 0 || strcmp(d->code, "E112") == 0 ||
                       strcmp(d->code, "E113") == 0);
}

/* Loads one side.  Returns NULL after printing the syntax or I/O errors;
 * sets *imports_failed when an import did not load. */
static bcp_model *load_side(const char *path, const char *name, const bcp_model_options *opts,
                            bool *imports_failed)
{
    /* git names an added or deleted file's missing side /dev/null. */
    bcp_model *m = strcmp(path, "/dev/null") == 0 ? bcp_model_load_text(name, "", 0, opts)
                                                  : bcp_model_load(path, opts);
    bcp_diag_list *diags = bcp_model_diags(m);
    bool color = bcp_want_color(stderr);
    if (bcp_model_has_syntax_errors(m)) {
        for (size_t i = 0; i < diags->count; i++)
            if (diags->items[i].is_syntax)
                bcp_diag_print(stderr, &diags->items[i], color);
        fprintf(stderr, "bcp: %s: cannot compare a plan with syntax errors\n", name);
        bcp_model_free(m);
        return NULL;
    }
    for (size_t i = 0; i < diags->count; i++) {
        const bcp_diag *d = &diags->items[i];
        if (!is_import_problem(d))
            continue;
        fprintf(stderr, "bcp: warning: %s: %s\n", name, d->message);
        *imports_failed = true;
    }
    return m;
}

static int dump(const diff_options *o)
{
    bool imports_failed = false;
    bcp_model *m = load_side(o->dump, o->dump, &o->model, &imports_failed);
    if (!m)
        return BCP_EXIT_ERROR;
    bcp_model_dump(stdout, m, NULL);
    bcp_model_free(m);
    return BCP_EXIT_OK;
}

int bcp_cmd_diff(int argc, char **argv)
{
    diff_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status >= 0 || o.dump) {
        bcp_operands_free(&o.args);
        return status >= 0 ? status : dump(&o);
    }
    const char *old_path, *new_path;
    char *old_name = NULL, *new_name = NULL;
    if (o.git) {
        const char *path = o.args.items[0];
        old_path = o.args.items[1];
        new_path = o.args.items[4];
        size_t len = strlen(path) + 3;
        old_name = malloc(len);
        new_name = malloc(len);
        if (!old_name || !new_name)
            abort();
        snprintf(old_name, len, "a/%s", path);
        snprintf(new_name, len, "b/%s", path);
    } else {
        old_path = o.args.items[0];
        new_path = o.args.items[1];
        old_name = strdup(old_path);
        new_name = strdup(new_path);
        if (!old_name || !new_name)
            abort();
    }
    bcp_operands_free(&o.args);
    bool imports_failed = false;
    bcp_model *old_model = load_side(old_path, old_name, &o.model, &imports_failed);
    bcp_model *new_model = old_model ? load_side(new_path, new_name, &o.model, &imports_failed) : NULL;
    if (!old_model || !new_model) {
        bcp_model_free(old_model);
        free(old_name);
        free(new_name);
        return BCP_EXIT_ERROR;
    }
    if (imports_failed)
        fprintf(stderr, "bcp: warning: imports could not be loaded; comparing only the entities "
                        "that %s and %s define themselves\n", old_name, new_name);
    bcp_plan_diff *d = bcp_plan_diff_compute(old_model, new_model, imports_failed);
    if (o.git && !bcp_plan_diff_is_empty(d))
        printf("diff --bcp %s %s\n", old_name, new_name);
    bcp_buf text = {0};
    bcp_plan_diff_render(&text, d, o.format, old_name, new_name);
    if (text.len)
        fwrite(text.data, 1, text.len, stdout);
    bcp_buf_free(&text);
    bool differ = !bcp_plan_diff_is_empty(d);
    bcp_plan_diff_free(d);
    bcp_model_free(old_model);
    bcp_model_free(new_model);
    free(old_name);
    free(new_name);
    fflush(stdout);
    /* git stops at the first external diff that exits non-zero. */
    if (o.git)
        return BCP_EXIT_OK;
    return differ ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
}
