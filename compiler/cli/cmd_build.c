/* bcp build: one plan -> NAME.md, NAME.html and NAME.json in the plan's
 * language (or --lang).  A plan with errors builds nothing. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"

enum { FMT_MD = 1u << BCP_DOC_MARKDOWN, FMT_HTML = 1u << BCP_DOC_HTML, FMT_JSON = 1u << BCP_DOC_JSON };

typedef struct build_options {
    const char *out_dir;
    const char *lang;
    unsigned formats;
    bcp_common_options common;
    bcp_operands paths;
} build_options;

static bool parse_formats(const char *arg, unsigned *out)
{
    *out = 0;
    const char *start;
    size_t n;
    while (bcp_list_next(&arg, &start, &n)) {
        if (n == 2 && strncmp(start, "md", 2) == 0)
            *out |= FMT_MD;
        else if ((n == 4 && strncmp(start, "html", 4) == 0))
            *out |= FMT_HTML;
        else if (n == 4 && strncmp(start, "json", 4) == 0)
            *out |= FMT_JSON;
        else if (n == 8 && strncmp(start, "markdown", 8) == 0)
            *out |= FMT_MD;
        else
            return false;
    }
    return *out != 0;
}

static int parse_args(int argc, char **argv, build_options *o)
{
    o->out_dir = ".";
    o->formats = FMT_MD | FMT_HTML | FMT_JSON;
    bcp_operands_init(&o->paths, argc);
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (bcp_operand(&o->paths, argv[i]) ||
            bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB | BCP_OPT_COLOR, &o->common))
            continue;
        if (bcp_option_value(argc, argv, &i, "--output", &v) || bcp_option_value(argc, argv, &i, "-o", &v)) {
            o->out_dir = v;
        } else if (bcp_option_value(argc, argv, &i, "--format", &v)) {
            if (!parse_formats(v, &o->formats))
                return bcp_usage_error("build", "--format takes a comma-separated list of md, html and json");
        } else if (bcp_option_value(argc, argv, &i, "--lang", &v)) {
            o->lang = v;
        } else {
            return bcp_usage_error("build", "unknown option '%s'", argv[i]);
        }
    }
    if (o->paths.count == 0)
        return bcp_usage_error("build", "no plan given");
    return bcp_common_check(&o->common, "build");
}

/* Writes dir/name whole or not at all, so that a reader never sees half a
 * document; documents are meant to be shared, hence 0644. */
static bool write_document(const char *dir, const char *name, const char *data)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = bcp_cli_alloc(n);
    snprintf(path, n, "%s/%s", dir, name);
    const char *err;
    bool ok = bcp_atomic_write(path, data, strlen(data), 0644, 0, &err);
    if (!ok)
        fprintf(stderr, "bcp: cannot write %s: %s\n", path, err);
    free(path);
    return ok;
}

static bool ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        fprintf(stderr, "bcp: %s is not a directory\n", dir);
        return false;
    }
    /* create missing parents one level at a time */
    char *copy = bcp_cli_strdup(dir);
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(copy, 0755);
        *p = '/';
    }
    bool ok = mkdir(copy, 0755) == 0 || errno == EEXIST;
    if (!ok)
        fprintf(stderr, "bcp: cannot create %s: %s\n", dir, strerror(errno));
    free(copy);
    return ok;
}

static int build_one(const build_options *o, const char *path, bool color)
{
    bcp_build_options bo = {.stdlib_dir = o->common.stdlib_dir, .lang = o->lang, .formats = o->formats};
    bcp_build_result r;
    bcp_status s = bcp_build_file(path, &bo, &r);
    if (s == BCP_ERR_PLAN) {
        size_t errors = bcp_diagnostics_count(r.diagnostics);
        bcp_cli_print_diagnostics(stderr, r.diagnostics, color);
        if (!errors)
            fprintf(stderr, "bcp: %s has no `plan` block; build a plan, not a module\n", path);
        else
            fprintf(stderr, "bcp: %s: %zu error%s; nothing built\n", path, errors, errors == 1 ? "" : "s");
        bcp_build_result_free(&r);
        return BCP_EXIT_ERROR;
    }
    static const char *const extensions[BCP_DOC_FORMAT_COUNT] = {"md", "html", "json"};
    bool ok = s == BCP_OK;
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT && s != BCP_ERR_NOT_FOUND; f++) {
        if (!(o->formats & (1u << f)))
            continue;
        if (!r.documents[f]) {
            ok = false;
            break;
        }
        size_t n = strlen(r.name) + 8;
        char *file = bcp_cli_alloc(n);
        snprintf(file, n, "%s.%s", r.name, extensions[f]);
        ok = write_document(o->out_dir, file, r.documents[f]);
        free(file);
        if (!ok)
            break;
    }
    bcp_cli_print_problems(r.diagnostics, color);
    if (ok)
        fprintf(stderr, "built %s/%s (%s)\n", o->out_dir, r.name, r.lang);
    bcp_build_result_free(&r);
    return ok ? BCP_EXIT_OK : BCP_EXIT_ERROR;
}

static int build_all(build_options *o)
{
    bool color = bcp_common_color(&o->common, stderr);
    if (!ensure_dir(o->out_dir))
        return BCP_EXIT_ERROR;
    int status = BCP_EXIT_OK;
    for (int i = 0; i < o->paths.count; i++) {
        int s = build_one(o, o->paths.items[i], color);
        if (s != BCP_EXIT_OK)
            status = s;
    }
    return status;
}

int bcp_cmd_build(int argc, char **argv)
{
    build_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status < 0)
        status = build_all(&o);
    bcp_operands_free(&o.paths);
    return status;
}
