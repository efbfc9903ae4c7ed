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

typedef struct diff_options {
    bcp_common_options common;
    bcp_diff_style style;
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
                o->style = BCP_DIFF_STYLE_TEXT;
            else if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0)
                o->style = BCP_DIFF_STYLE_MARKDOWN;
            else if (strcmp(format, "json") == 0)
                o->style = BCP_DIFF_STYLE_JSON;
            else
                return bcp_usage_error("diff", "--format takes text, markdown or json");
        } else {
            return bcp_usage_error("diff", "unknown option '%s'", a);
        }
    }
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

static int dump(const diff_options *o)
{
    char *text;
    size_t length;
    bcp_diagnostics *problems;
    bcp_status s = bcp_dump_file(o->dump, o->common.stdlib_dir, &text, &length, &problems);
    bcp_cli_print_problems(problems, bcp_want_color(stderr));
    if (s == BCP_OK)
        fwrite(text, 1, length, stdout);
    bcp_free(text);
    bcp_diagnostics_free(problems);
    return s == BCP_OK ? BCP_EXIT_OK : BCP_EXIT_ERROR;
}

int bcp_cmd_diff(int argc, char **argv)
{
    diff_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status >= 0 || o.dump) {
        bcp_operands_free(&o.args);
        return status >= 0 ? status : dump(&o);
    }
    bcp_diff_options d = {.stdlib_dir = o.common.stdlib_dir, .style = o.style};
    const char *old_path, *new_path;
    char *old_name, *new_name;
    if (o.git) {
        const char *path = o.args.items[0];
        old_path = o.args.items[1];
        new_path = o.args.items[4];
        size_t len = strlen(path) + 3;
        old_name = bcp_cli_alloc(len);
        new_name = bcp_cli_alloc(len);
        snprintf(old_name, len, "a/%s", path);
        snprintf(new_name, len, "b/%s", path);
    } else {
        old_path = o.args.items[0];
        new_path = o.args.items[1];
        old_name = bcp_cli_strdup(old_path);
        new_name = bcp_cli_strdup(new_path);
    }
    d.old_name = old_name;
    d.new_name = new_name;
    char *text;
    size_t length;
    bool differ;
    bcp_diagnostics *problems;
    bcp_status s = bcp_diff_files(old_path, new_path, &d, &text, &length, &differ, &problems);
    bcp_operands_free(&o.args);
    bcp_cli_print_problems(problems, bcp_want_color(stderr));
    bcp_diagnostics_free(problems);
    if (s == BCP_OK) {
        if (o.git && differ)
            printf("diff --bcp %s %s\n", old_name, new_name);
        fwrite(text, 1, length, stdout);
        fflush(stdout);
    }
    bcp_free(text);
    free(old_name);
    free(new_name);
    if (s != BCP_OK)
        return BCP_EXIT_ERROR;
    /* git stops at the first external diff that exits non-zero. */
    if (o.git)
        return BCP_EXIT_OK;
    return differ ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
}
