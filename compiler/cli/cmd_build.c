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
#include "model/model.h"
#include "model/modules.h"
#include "render/render.h"

enum { FMT_MD = 1, FMT_HTML = 2, FMT_JSON = 4 };

typedef struct build_options {
    bcp_model_options model;
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
    o->model.stdlib_dir = o->common.stdlib_dir;
    if (o->paths.count == 0)
        return bcp_usage_error("build", "no plan given");
    return bcp_common_check(&o->common, "build");
}

/* "examples/huadong/plan.bcp" -> "huadong"; "examples/minimal.bcp" -> "minimal". */
static char *output_name(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("plan");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".bcp") == 0)
        n -= 4;
    if (n == 4 && strncmp(base, "plan", 4) == 0 && base != path) {
        const char *end = base - 1;
        const char *start = end;
        while (start > path && start[-1] != '/')
            start--;
        if (end > start && !(end - start == 1 && *start == '.'))
            return strndup(start, (size_t)(end - start));
    }
    return strndup(base, n);
}

/* Writes dir/name whole or not at all, so that a reader never sees half a
 * document; documents are meant to be shared, hence 0644. */
static bool write_document(const char *dir, const char *name, const char *data)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    if (!path)
        abort();
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
    char *copy = strdup(dir);
    if (!copy)
        abort();
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

/* Every locale the stdlib ships ("locale/en", "locale/zh-CN", ...), English
 * first so that it is the fallback for texts a locale lacks. */
static size_t locale_modules(const char *stdlib_dir, char ***out)
{
    char **names;
    size_t n = bcp_stdlib_module_names(stdlib_dir, &names);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rest = strncmp(names[i], "locale/", 7) == 0 ? names[i] + 7 : NULL;
        if (rest && *rest && !strchr(rest, '/'))
            names[k++] = names[i];
        else
            free(names[i]);
    }
    for (size_t i = 0; i < k; i++) {
        if (strcmp(names[i], "locale/en") == 0 && i > 0) {
            char *en = names[i];
            memmove(names + 1, names, i * sizeof *names);
            names[0] = en;
        }
    }
    *out = names;
    return k;
}

static bool known_locale(bcp_model *m, const char *lang)
{
    for (size_t i = 0; i < bcp_model_locale_count(m); i++)
        if (strcmp(bcp_model_locale(m, i), lang) == 0)
            return true;
    return false;
}

static int build_one(const build_options *o, const char *path, bool color)
{
    bcp_model *m = bcp_model_load(path, &o->model);
    bcp_diag_list *diags = bcp_model_diags(m);
    size_t errors = bcp_diag_count(diags, BCP_SEV_ERROR);
    if (errors || !bcp_model_plan(m)) {
        for (size_t i = 0; i < diags->count; i++)
            if (diags->items[i].severity == BCP_SEV_ERROR)
                bcp_diag_print(stderr, &diags->items[i], color);
        if (!bcp_model_plan(m) && !errors)
            fprintf(stderr, "bcp: %s has no `plan` block; build a plan, not a module\n", path);
        else
            fprintf(stderr, "bcp: %s: %zu error%s; nothing built\n", path, errors, errors == 1 ? "" : "s");
        bcp_model_free(m);
        return BCP_EXIT_ERROR;
    }
    const char *lang = o->lang;
    if (!lang)
        lang = bcp_entity_text(bcp_model_plan(m), "language");
    if (!lang)
        lang = "en";
    if (!known_locale(m, lang)) {
        fprintf(stderr, "bcp: no locale `%s` in the stdlib (available:", lang);
        for (size_t i = 0; i < bcp_model_locale_count(m); i++)
            fprintf(stderr, " %s", bcp_model_locale(m, i));
        fprintf(stderr, ")\n");
        bcp_model_free(m);
        return BCP_EXIT_ERROR;
    }

    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, m, lang);
    char *name = output_name(path);
    size_t n = strlen(name) + 8;
    char *file = malloc(n);
    if (!file)
        abort();
    bool ok = true;
    if (o->formats & FMT_MD) {
        bcp_md_doc doc;
        bcp_render_markdown(&ctx, false, &doc);
        snprintf(file, n, "%s.md", name);
        ok = write_document(o->out_dir, file, doc.markdown) && ok;
        free(doc.markdown);
    }
    if (ok && (o->formats & FMT_HTML)) {
        char *error = NULL;
        char *html = bcp_render_html(&ctx, &error);
        snprintf(file, n, "%s.html", name);
        ok = html && write_document(o->out_dir, file, html);
        if (error)
            fprintf(stderr, "bcp: %s\n", error);
        free(error);
        free(html);
    }
    if (ok && (o->formats & FMT_JSON)) {
        char *error = NULL;
        char *json = bcp_render_json(&ctx, &error);
        snprintf(file, n, "%s.json", name);
        ok = json && write_document(o->out_dir, file, json);
        if (error)
            fprintf(stderr, "bcp: %s\n", error);
        free(error);
        free(json);
    }
    for (size_t i = 0; i < ctx.missing_count; i++)
        fprintf(stderr, "bcp: warning: the stdlib has no text `%s` for locale %s\n", ctx.missing[i], lang);
    if (ok)
        fprintf(stderr, "built %s/%s (%s)\n", o->out_dir, name, lang);
    free(file);
    free(name);
    bcp_render_ctx_free(&ctx);
    bcp_model_free(m);
    return ok ? BCP_EXIT_OK : BCP_EXIT_ERROR;
}

static int build_all(build_options *o)
{
    bool color = bcp_common_color(&o->common, stderr);
    char **modules;
    size_t module_count = locale_modules(o->model.stdlib_dir, &modules);
    o->model.extra_modules = (const char *const *)modules;
    o->model.extra_module_count = module_count;
    int status = BCP_EXIT_OK;
    if (!ensure_dir(o->out_dir)) {
        status = BCP_EXIT_ERROR;
    } else {
        for (int i = 0; i < o->paths.count; i++) {
            int s = build_one(o, o->paths.items[i], color);
            if (s != BCP_EXIT_OK)
                status = s;
        }
    }
    for (size_t i = 0; i < module_count; i++)
        free(modules[i]);
    free(modules);
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
