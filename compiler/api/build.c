/* bcp_build_file: one plan compiled into its Markdown, HTML and JSON
 * documents in a language, into buffers.  The stdlib's locales supply the
 * prose; a plan with errors builds nothing. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model/model.h"
#include "model/modules.h"
#include "render/render.h"
#include "tools.h"
#include "tools_lint.h"

/* "examples/huadong/plan.bcp" -> "huadong"; "examples/minimal.bcp" -> "minimal". */
static char *output_name(const char *path)
{
    if (strcmp(path, "-") == 0)
        return bcp_strdup("plan");
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
            return bcp_strndup(start, (size_t)(end - start));
    }
    return bcp_strndup(base, n);
}

/* Every locale the stdlib ships ("locale/en", "locale/zh-CN", ...), English
 * first so that it is the fallback for texts a locale lacks. */
size_t bcp_tools_locale_modules(const char *stdlib_dir, char ***out)
{
    char **names;
    size_t n = bcp_stdlib_module_names(stdlib_dir, &names);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rest = strncmp(names[i], "locale/", 7) == 0 ? names[i] + 7 : NULL;
        if (rest && *rest && !strchr(rest, '/'))
            names[k++] = names[i];
        else
            bcp_free(names[i]);
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

bool bcp_tools_known_locale(const bcp_model *m, const char *lang)
{
    for (size_t i = 0; i < bcp_model_locale_count(m); i++)
        if (strcmp(bcp_model_locale(m, i), lang) == 0)
            return true;
    return false;
}

/* A renderer's text (bcp_malloc'd, NUL-terminated) becomes the caller's as it is. */
static void take_document(char **documents, size_t *lengths, bcp_doc_format f, char *text)
{
    documents[f] = text;
    lengths[f] = strlen(text);
}

bcp_status bcp_tools_render(bcp_model *m, const char *lang, unsigned formats, char **documents, size_t *lengths,
                            bcp_diagnostics *set)
{
    if (!bcp_tools_known_locale(m, lang)) {
        bcp_buf available = {0};
        for (size_t i = 0; i < bcp_model_locale_count(m); i++)
            bcp_buf_printf(&available, " %s", bcp_model_locale(m, i));
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "no locale `%s` in the stdlib (available:%s)", lang,
                                    available.data ? available.data : "");
        bcp_buf_free(&available);
        return BCP_ERR_NOT_FOUND;
    }
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, m, lang);
    bcp_lint_deviation_list accepted = {0};
    bcp_tools_accepted_deviations(m, &accepted);
    ctx.deviations = &accepted;
    bcp_status status = BCP_OK;
    if (formats & (1u << BCP_DOC_MARKDOWN)) {
        bcp_md_doc doc;
        bcp_render_markdown(&ctx, false, &doc);
        take_document(documents, lengths, BCP_DOC_MARKDOWN, doc.markdown);
    }
    if (formats & (1u << BCP_DOC_HTML)) {
        char *error = NULL;
        char *html = bcp_render_html(&ctx, &error);
        if (html) {
            take_document(documents, lengths, BCP_DOC_HTML, html);
        } else {
            bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s", error ? error : "the HTML document could not be rendered");
            status = BCP_ERR_IO;
        }
        bcp_free(error);
    }
    if (status == BCP_OK && (formats & (1u << BCP_DOC_JSON))) {
        char *error = NULL;
        char *json = bcp_render_json(&ctx, &error);
        if (json) {
            take_document(documents, lengths, BCP_DOC_JSON, json);
        } else {
            bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s", error ? error : "the JSON document could not be rendered");
            status = BCP_ERR_IO;
        }
        bcp_free(error);
    }
    for (size_t i = 0; i < ctx.missing_count; i++)
        bcp_diagnostics_add_message(set, BCP_SEV_WARNING, "the stdlib has no text `%s` for locale %s",
                                    ctx.missing[i], lang);
    bcp_render_ctx_free(&ctx);
    bcp_lint_deviation_list_free(&accepted);
    return status;
}

bcp_status bcp_build_file(const char *path, const bcp_build_options *options, bcp_build_result *result)
{
    static const bcp_build_options defaults = {0};
    const bcp_build_options *o = options ? options : &defaults;
    memset(result, 0, sizeof *result);
    result->diagnostics = bcp_diagnostics_new();
    result->name = output_name(path);
    char **modules;
    size_t module_count = bcp_tools_locale_modules(o->stdlib_dir, &modules);
    bcp_model_options mo = {.stdlib_dir = o->stdlib_dir,
                            .extra_modules = (const char *const *)modules,
                            .extra_module_count = module_count};
    bcp_model *m = bcp_model_load(path, &mo);
    const bcp_diag_list *diags = bcp_model_diags(m);
    bcp_status status = BCP_OK;
    if (bcp_diag_count(diags, BCP_SEV_ERROR) || !bcp_model_plan(m)) {
        for (size_t i = 0; i < diags->count; i++)
            if (diags->items[i].severity == BCP_SEV_ERROR)
                bcp_diagnostics_add(result->diagnostics, &diags->items[i]);
        status = BCP_ERR_PLAN;
    } else {
        const char *lang = o->lang ? o->lang : bcp_entity_text(bcp_model_plan(m), "language");
        result->lang = bcp_strdup(lang ? lang : "en");
        unsigned formats = o->formats ? o->formats : (1u << BCP_DOC_FORMAT_COUNT) - 1;
        status = bcp_tools_render(m, result->lang, formats, result->documents, result->lengths, result->diagnostics);
    }
    bcp_model_free(m);
    bcp_tools_free_modules(modules, module_count);
    return status;
}

void bcp_tools_free_modules(char **modules, size_t count)
{
    for (size_t i = 0; i < count; i++)
        bcp_free(modules[i]);
    bcp_free(modules);
}

void bcp_build_result_free(bcp_build_result *result)
{
    if (!result)
        return;
    bcp_free(result->name);
    bcp_free(result->lang);
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++)
        bcp_free(result->documents[f]);
    bcp_diagnostics_free(result->diagnostics);
    memset(result, 0, sizeof *result);
}
