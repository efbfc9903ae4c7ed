/* bcp_build_file: one plan compiled into its Markdown, HTML and JSON
 * documents in a language, into buffers.  The stdlib's locales supply the
 * prose.  A plan with syntax or model errors builds nothing; one with lint
 * errors builds only as a draft (DRAFT mark, appendix of open findings).
 * Whatever is built, a value secret-in-plan flags is redacted. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/call.h"
#include "base/codes.h"
#include "model/model.h"
#include "model/modules.h"
#include "render/render.h"
#include "rules/engine.h"
#include "tools.h"
#include "tools_lint.h"
#include "api_internal.h"
#include "readiness.h"

/* What the documents are called: the file's name without its folder and
 * without ".bcp", for relative and absolute paths alike ("plan.bcp",
 * "../plan.bcp" and "/srv/acme/plan.bcp" -> "plan"; "examples/minimal.bcp"
 * -> "minimal").  Leading dots are dropped so that no output is hidden, and
 * what is left empty (standard input, ".bcp") is "plan". */
static char *output_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(path, "-") == 0)
        base = "";
    size_t n = strlen(base);
    if (n >= 4 && strcmp(base + n - 4, ".bcp") == 0)
        n -= 4;
    while (n && *base == '.')
        base++, n--;
    return n ? bcp_strndup(base, n) : bcp_strdup("plan");
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

bool bcp_tools_unknown_locale(bcp_model *m, const char *lang, bcp_diagnostics *set)
{
    if (bcp_tools_known_locale(m, lang))
        return false;
    bcp_buf available = {0};
    for (size_t i = 0; i < bcp_model_locale_count(m); i++)
        bcp_buf_printf(&available, " %s", bcp_model_locale(m, i));
    bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "no locale `%s` in the stdlib (available:%s)", lang,
                                available.data ? available.data : "");
    bcp_buf_free(&available);
    return true;
}

/* Replaces the values secret-in-plan flagged before anything is rendered,
 * and says so (where, never what). */
size_t bcp_tools_redact(bcp_render_ctx *ctx, const bcp_diag_list *secrets, bcp_diagnostics *set)
{
    bcp_buf where = {0};
    size_t n = bcp_render_redact(ctx, secrets, &where);
    if (n)
        bcp_diagnostics_add_message(set, BCP_SEV_WARNING,
                                    "%zu value%s that look%s like a secret (secret-in-plan) %s redacted from the "
                                    "documents: %s",
                                    n, n == 1 ? "" : "s", n == 1 ? "s" : "", n == 1 ? "was" : "were", where.data ? where.data : "");
    bcp_buf_free(&where);
    return n;
}

bcp_status bcp_tools_render(bcp_model *m, const bcp_tools_render_request *rq, char **documents, size_t *lengths,
                            size_t *redacted, bcp_diagnostics *set)
{
    if (redacted)
        *redacted = 0;
    if (rq->paper && strcmp(rq->paper, "a4") != 0 && strcmp(rq->paper, "letter") != 0) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "no paper size `%s` (a4 or letter)", rq->paper);
        return BCP_ERR_INVALID;
    }
    int32_t today;
    const char *err = NULL;
    if (!bcp_lint_resolve_today(NULL, &today, &err)) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s", err);
        return BCP_ERR_INVALID;
    }
    if (bcp_tools_unknown_locale(m, rq->lang, set))
        return BCP_ERR_NOT_FOUND;
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, m, rq->lang);
    ctx.today = today;
    ctx.paper = rq->paper;
    size_t count = rq->draft && rq->findings ? bcp_diagnostics_count(rq->findings) : 0;
    const bcp_diagnostic **findings = bcp_malloc((count ? count : 1) * sizeof *findings);
    for (size_t i = 0; i < count; i++)
        findings[i] = bcp_diagnostics_get(rq->findings, i);
    ctx.draft = rq->draft;
    ctx.findings = findings;
    ctx.finding_count = count;
    size_t n = rq->secrets ? bcp_tools_redact(&ctx, rq->secrets, set) : 0;
    if (redacted)
        *redacted = n;
    bcp_lint_deviation_list accepted = {0};
    bcp_check_options bounded = {.config_root = rq->config_root};
    bcp_tools_accepted_deviations_for(m, &bounded, &accepted);
    ctx.deviations = &accepted;
    bcp_readiness readiness;
    bcp_tools_readiness_by(m, today, &accepted, rq->profile, &readiness);
    ctx.readiness = &readiness;
    /* serve13c: a cancelled call starts no further document step (its
     * caller reports BCP_ERR_CANCELLED and drops what was made). */
    bcp_status status = bcp_call_cancelled() ? BCP_ERR_CANCELLED : BCP_OK;
    if (status == BCP_OK && (rq->formats & (1u << BCP_DOC_MARKDOWN))) {
        bcp_md_doc doc;
        bcp_render_markdown(&ctx, false, &doc);
        take_document(documents, lengths, BCP_DOC_MARKDOWN, doc.markdown);
    }
    if (status == BCP_OK && bcp_call_cancelled())
        status = BCP_ERR_CANCELLED;
    if (status == BCP_OK && (rq->formats & (1u << BCP_DOC_HTML))) {
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
    if (status == BCP_OK && bcp_call_cancelled())
        status = BCP_ERR_CANCELLED;
    if (status == BCP_OK && (rq->formats & (1u << BCP_DOC_JSON))) {
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
                                    ctx.missing[i], rq->lang);
    bcp_diag_list gaps = {0};
    if (bcp_model_report_translation_gaps(m, rq->lang, &gaps))
        bcp_diagnostics_add(set, &gaps.items[0]);
    bcp_diag_list_free(&gaps);
    bcp_render_ctx_free(&ctx);
    bcp_free(findings);
    bcp_lint_deviation_list_free(&accepted);
    bcp_readiness_free(&readiness);
    return status;
}

/* The index of secret-in-plan in the catalogue, or -1. */
static int secret_rule(void)
{
    for (size_t i = 0; i < bcp_rule_count; i++)
        if (strcmp(bcp_rules[i]->code, "H102") == 0)
            return (int)i;
    return -1;
}

bcp_status bcp_tools_build_lint(bcp_model *m, const char *path, const char *config_root, bcp_diagnostics *findings,
                                char **profile, bcp_diagnostics *problems)
{
    *profile = NULL;
    const bcp_check_options defaults = {.config_root = config_root};
    bcp_tools_setup setup;
    bcp_status status = bcp_tools_lint_setup(&defaults, &setup, problems);
    if (status == BCP_OK) {
        char *config_path = bcp_tools_config_path(&defaults, path);
        bcp_lint_config config;
        bcp_diag_list found = {0};
        if (!bcp_tools_load_config(config_path, &setup.overrides, &config, problems) ||
            !bcp_tools_lint(m, &config, &found, problems))
            status = BCP_ERR_PLAN;
        else if (config.options.profile)
            *profile = bcp_strdup(config.options.profile);
        bcp_diagnostics_add_list(findings, bcp_model_diags(m));
        bcp_diagnostics_add_list(findings, &found);
        bcp_diagnostics_sort(findings);
        bcp_diag_list_free(&found);
        bcp_lint_config_free(&config);
        bcp_free(config_path);
    }
    bcp_tools_lint_setup_free(&setup);
    return status;
}

void bcp_tools_find_secrets(const bcp_model *m, bcp_diag_list *secrets)
{
    int rule = secret_rule();
    if (rule < 0)
        return;
    bool *enabled = bcp_calloc(bcp_rule_count, sizeof *enabled);
    enabled[rule] = true;
    bcp_lint_options only = {.enabled = enabled};   /* dates play no part in it */
    bcp_lint_run(m, &only, secrets);
    bcp_free(enabled);
}

bcp_status bcp_build_file(const char *path, const bcp_build_options *options, bcp_build_result *result)
{
    static const bcp_build_options defaults = {0};
    const bcp_build_options *o = options ? options : &defaults;
    memset(result, 0, sizeof *result);
    result->diagnostics = bcp_diagnostics_new();
    result->findings = bcp_diagnostics_new();
    result->name = output_name(path);
    /* serve13b: the limits its configuration sets are this call's (base/call.h);
     * serve13c: and its cancel token (bcp serve's preview under --time-limit). */
    bcp_call_state call = {.cancel = bcp_cancel_flag(o->cancel)};
    bcp_call_state *outer = bcp_call_begin(&call);
    bcp_model *m = bcp_tools_load_plan(path, o->stdlib_dir, o->config_root);
    const bcp_diag_list *diags = bcp_model_diags(m);
    bcp_status status = BCP_OK;
    bcp_diag_list secrets = {0};
    char *profile = NULL; /* the lint's: the score the document shows is the one `bcp check --summary` gives */
    if (bcp_call_cancelled()) {
        status = BCP_ERR_CANCELLED;
    } else if (bcp_tools_plan_errors(m, result->diagnostics)) {
        status = BCP_ERR_PLAN;
    } else if ((status = bcp_tools_build_lint(m, path, o->config_root, result->findings, &profile,
                                              result->diagnostics)) != BCP_OK) {
        /* a configuration that cannot be used: result->diagnostics says why */
    } else if (bcp_diagnostics_count_at_least(result->findings, BCP_SEV_ERROR) && !o->draft) {
        status = BCP_ERR_PLAN; /* the gate: only a draft may have lint errors */
    } else {
        /* Warnings only the build's model can give (E150 needs the stdlib prose). */
        for (size_t i = 0; i < diags->count; i++)
            if (diags->items[i].code && strcmp(diags->items[i].code, bcp_code_at(BCP_CODE_E150)->code) == 0)
                bcp_diagnostics_add(result->diagnostics, &diags->items[i]);
        const char *lang = o->lang ? o->lang : bcp_entity_text(bcp_model_plan(m), "language");
        result->lang = bcp_strdup(lang ? lang : "en");
        bcp_tools_find_secrets(m, &secrets);
        if (bcp_call_cancelled())
            goto cancelled;   /* no document step starts */
        bcp_tools_render_request rq = {.lang = result->lang,
                                       .formats = o->formats ? o->formats : (1u << BCP_DOC_FORMAT_COUNT) - 1,
                                       .draft = o->draft,
                                       .findings = result->findings,
                                       .secrets = &secrets,
                                       .paper = o->paper,
                                       .config_root = o->config_root,
                                       .profile = profile};
        status = bcp_tools_render(m, &rq, result->documents, result->lengths, &result->redacted,
                                  result->diagnostics);
    }
cancelled:
    if (bcp_call_cancelled()) {
        status = BCP_ERR_CANCELLED;
        for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++) {   /* serve13c: a stopped build made nothing */
            bcp_free(result->documents[f]);
            result->documents[f] = NULL;
            result->lengths[f] = 0;
        }
    }
    bcp_call_end(outer);
    bcp_free(profile);
    bcp_diag_list_free(&secrets);
    bcp_model_free(m);
    return status;
}

bcp_model *bcp_tools_load_plan(const char *path, const char *stdlib_dir, const char *config_root)
{
    bcp_check_options bounded = {.config_root = config_root};
    bcp_tools_config_limits(&bounded, path);
    char **modules;
    size_t module_count = bcp_tools_locale_modules(stdlib_dir, &modules);
    bcp_model_options mo = {.stdlib_dir = stdlib_dir,
                            .extra_modules = (const char *const *)modules,
                            .extra_module_count = module_count};
    bcp_model *m = bcp_model_load(path, &mo);
    bcp_tools_free_modules(modules, module_count);
    return m;
}

bcp_model *bcp_tools_load_texts(const char *stdlib_dir)
{
    char **modules;
    size_t module_count = bcp_tools_locale_modules(stdlib_dir, &modules);
    bcp_model_options mo = {.stdlib_dir = stdlib_dir,
                            .extra_modules = (const char *const *)modules,
                            .extra_module_count = module_count};
    bcp_model *m = bcp_model_load_text("<stdlib texts>", "", 0, &mo);
    bcp_tools_free_modules(modules, module_count);
    return m;
}

bool bcp_tools_plan_errors(const bcp_model *m, bcp_diagnostics *set)
{
    const bcp_diag_list *diags = bcp_model_diagnostics(m);
    if (!bcp_diag_count(diags, BCP_SEV_ERROR) && bcp_model_plan(m))
        return false;
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == BCP_SEV_ERROR)
            bcp_diagnostics_add(set, &diags->items[i]);
    return true;
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
    bcp_diagnostics_free(result->findings);
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++)
        bcp_free(result->documents[f]);
    bcp_diagnostics_free(result->diagnostics);
    memset(result, 0, sizeof *result);
}
