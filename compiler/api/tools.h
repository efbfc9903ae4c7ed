/* What the operations of the API's tools part share (compiler/api/). */
#ifndef BCP_API_TOOLS_H
#define BCP_API_TOOLS_H
#include <stdbool.h>
#include <stddef.h>

#include "bcp.h"
#include "base/diag.h"
#include "report/diagnostics.h"

/* A new set holding the diagnostics of `list` that are at least `at_least`. */
bcp_diagnostics *bcp_tools_set_from(const bcp_diag_list *list, bcp_severity at_least);
/* *out = set, or frees it when out is NULL. */
void bcp_tools_give(bcp_diagnostics **out, bcp_diagnostics *set);

/* What a build renders: the documents `formats` asks for (bits 1 <<
 * bcp_doc_format) in `lang`; a draft carries the DRAFT mark and the appendix
 * of `findings`; every value one of `secrets` (secret-in-plan findings, see
 * bcp_tools_build_lint) flags is redacted. */
typedef struct bcp_tools_render_request {
    const char *lang;
    unsigned formats;
    bool draft;
    const bcp_diagnostics *findings;   /* the open findings; NULL: none */
    const bcp_diag_list *secrets;      /* NULL: none */
    const char *paper;                 /* "a4" (NULL) or "letter" */
    const char *config_root;           /* where the configuration search stops (bcp_check_options) */
    const char *profile;               /* the lint profile whose windows score readiness; NULL: default */
} bcp_tools_render_request;

/* Renders into documents[]/lengths[]; problems (an unknown language, a
 * failed renderer, texts the locale lacks) and a warning saying which values
 * were redacted go to `set`; *redacted (unless NULL) gets how many. */
struct bcp_model;
bcp_status bcp_tools_render(struct bcp_model *m, const bcp_tools_render_request *request, char **documents,
                            size_t *lengths, size_t *redacted, bcp_diagnostics *set);
/* A build's lint run over `m` (the plan at `path`): what `bcp check` would
 * report (the model's own warnings, the rules as the governing bcpconfig.bcp
 * configures them, suppression comments applied) into `findings`, sorted.
 * *profile: the lint profile that configuration names (malloc'd; NULL: the
 * default), whose windows score the document's readiness.
 * BCP_ERR_PLAN when the configuration cannot be used (problems say why). */
bcp_status bcp_tools_build_lint(struct bcp_model *m, const char *path, const char *config_root,
                                bcp_diagnostics *findings, char **profile, bcp_diagnostics *problems);
/* The findings of secret-in-plan alone over `m`, whatever a configuration
 * enables or a comment suppresses: what a build redacts. */
void bcp_tools_find_secrets(const struct bcp_model *m, bcp_diag_list *secrets);

/* Every locale module of the stdlib, "locale/en" first (malloc'd names;
 * bcp_tools_free_modules frees them). */
size_t bcp_tools_locale_modules(const char *stdlib_dir, char ***out);
void bcp_tools_free_modules(char **modules, size_t count);
/* The one way graph, simulate, readiness and the build load a plan: the
 * limits of the bcpconfig.bcp that governs `path` applied first, then the
 * plan with every stdlib locale (the prose of any language).  Free with
 * bcp_model_free.  bcp_tools_load_texts: the stdlib's locales alone (for a
 * workspace plan, which holds none of the prose). */
struct bcp_model *bcp_tools_load_plan(const char *path, const char *stdlib_dir, const char *config_root);
struct bcp_model *bcp_tools_load_texts(const char *stdlib_dir);
/* True, with the errors in `set`, when `m` has errors or no plan block. */
bool bcp_tools_plan_errors(const struct bcp_model *m, bcp_diagnostics *set);
/* Did the model load locale `lang`? */
bool bcp_tools_known_locale(const struct bcp_model *m, const char *lang);
/* The semantic diff of two models as text or Markdown into *text; true when they differ. */
bool bcp_tools_diff(const struct bcp_model *old_model, const struct bcp_model *new_model, const char *config_root,
                    bool roots_only,
                    bcp_diff_style style, const char *old_name, const char *new_name, char **text, size_t *length,
                    bool *differ);

/* bcp graph (api/graph.c) shares these with the build (build.c): an error
 * in `set` and true when the model did not load locale `lang`; the values
 * `secrets` flags replaced in ctx's model, a warning in `set` saying where
 * (never what), and how many. */
struct bcp_render_ctx;
bool bcp_tools_unknown_locale(struct bcp_model *m, const char *lang, bcp_diagnostics *set);
size_t bcp_tools_redact(struct bcp_render_ctx *ctx, const bcp_diag_list *secrets, bcp_diagnostics *set);

/* A loaded plan loaded again, with every stdlib locale, into a new model the
 * caller owns (render, graph: redaction rewrites values; the plan is shared).
 * Through `ws` when there is one (open documents count), else from the root
 * text the plan was loaded from (plan_tools.c). */
struct bcp_model *bcp_tools_load_for_render(bcp_workspace *ws, const bcp_plan *plan);

/* A code group as the catalogue pages name it: "syntax", "model",
 * "configuration", "lint" (catalogue.c; the service layer's explain too). */
const char *bcp_catalogue_group_name(bcp_code_group group);
#endif
