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

/* Renders the documents `formats` asks for (bits 1 << bcp_doc_format) in
 * `lang` into documents[]/lengths[]; problems (an unknown language, a failed
 * renderer, texts the locale lacks) go to `set`. */
struct bcp_model;
bcp_status bcp_tools_render(struct bcp_model *m, const char *lang, unsigned formats, char **documents,
                            size_t *lengths, bcp_diagnostics *set);
/* Every locale module of the stdlib, "locale/en" first (malloc'd names;
 * bcp_tools_free_modules frees them). */
size_t bcp_tools_locale_modules(const char *stdlib_dir, char ***out);
void bcp_tools_free_modules(char **modules, size_t count);
/* Did the model load locale `lang`? */
bool bcp_tools_known_locale(const struct bcp_model *m, const char *lang);
/* The semantic diff of two models as text or Markdown into *text; true when they differ. */
bool bcp_tools_diff(const struct bcp_model *old_model, const struct bcp_model *new_model, bool roots_only,
                    bcp_diff_style style, const char *old_name, const char *new_name, char **text, size_t *length,
                    bool *differ);

#endif
