/* bcp check: syntax and model errors of plans (lint rules join here). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "model.h"
#include "workspace.h"

typedef struct check_options {
    bcp_model_options model;
    const char *color;
    char **paths;
    int path_count;
} check_options;

static int parse_args(int argc, char **argv, check_options *o)
{
    o->color = "auto";
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    if (!o->paths)
        abort();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--stdlib") == 0 && i + 1 < argc) {
            o->model.stdlib_dir = argv[++i];
        } else if (strncmp(a, "--stdlib=", 9) == 0) {
            o->model.stdlib_dir = a + 9;
        } else if (strcmp(a, "--color") == 0 && i + 1 < argc) {
            o->color = argv[++i];
        } else if (strncmp(a, "--color=", 8) == 0) {
            o->color = a + 8;
        } else if (strcmp(a, "--no-color") == 0) {
            o->color = "never";
        } else if (a[0] == '-' && a[1] != '\0') {
            return bcp_usage_error("check", "unknown option '%s'", a);
        } else {
            o->paths[o->path_count++] = argv[i];
        }
    }
    if (o->path_count == 0)
        return bcp_usage_error("check", "no files given");
    if (strcmp(o->color, "auto") && strcmp(o->color, "always") && strcmp(o->color, "never"))
        return bcp_usage_error("check", "--color takes auto, always or never");
    return -1;
}

static bool same_diag(const bcp_diag *a, const bcp_diag *b)
{
    const char *pa = a->span.source ? a->span.source->path : "";
    const char *pb = b->span.source ? b->span.source->path : "";
    return a->span.start_byte == b->span.start_byte && strcmp(pa, pb) == 0 &&
           strcmp(a->code ? a->code : "", b->code ? b->code : "") == 0 &&
           strcmp(a->message, b->message) == 0;
}

int bcp_cmd_check(int argc, char **argv)
{
    check_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status >= 0) {
        free(o.paths);
        return status;
    }
    bool color = strcmp(o.color, "always") == 0 || (strcmp(o.color, "auto") == 0 && bcp_want_color(stdout));
    char **files;
    size_t file_count;
    bool found = bcp_collect_files(o.paths, o.path_count, &files, &file_count);
    free(o.paths);
    if (!found) {
        bcp_free_files(files, file_count);
        return BCP_EXIT_ERROR;
    }
    bcp_unit_list units;
    bcp_workspace_units(files, file_count, &o.model, &units);
    size_t errors = 0, warnings = 0;
    bool syntax = false;
    for (size_t u = 0; u < units.count; u++) {
        const bcp_unit *unit = &units.items[u];
        bcp_model *m = bcp_model_load_many((const char *const *)unit->roots, unit->root_count, &o.model);
        bcp_diag_list *diags = bcp_model_diags(m);
        const bcp_diag *previous = NULL;
        for (size_t i = 0; i < diags->count; i++) {
            const bcp_diag *d = &diags->items[i];
            if (!bcp_unit_reports(unit, d->span.source))
                continue;
            if (previous && same_diag(previous, d))
                continue;
            previous = d;
            bcp_diag_print(stdout, d, color);
            if (d->is_syntax)
                syntax = true;
            if (d->severity == BCP_SEV_ERROR)
                errors++;
            else if (d->severity == BCP_SEV_WARNING)
                warnings++;
        }
        bcp_model_free(m);
    }
    bcp_unit_list_free(&units);
    bcp_free_files(files, file_count);
    if (errors || warnings)
        fprintf(stdout, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                warnings == 1 ? "" : "s");
    if (syntax)
        return BCP_EXIT_ERROR;
    return errors || warnings ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
}
