/* Linting shared by bcp_check_paths and bcp_plan_lint: the options turned
 * into the engine's overrides, the configuration that governs a file, and one
 * model's lint run with per-file ignores and suppression comments. */
#ifndef BCP_API_TOOLS_LINT_H
#define BCP_API_TOOLS_LINT_H
#include "bcp.h"
#include "model/model.h"
#include "rules/config.h"
#include "rules/engine.h"

typedef struct bcp_tools_setup {
    bcp_lint_overrides overrides;   /* select/ignore point at the lists below */
    bcp_string_list select, ignore;
} bcp_tools_setup;

/* BCP_ERR_INVALID (and why, in problems) for a bad option; free the setup either way. */
bcp_status bcp_tools_lint_setup(const bcp_check_options *o, bcp_tools_setup *setup, bcp_diagnostics *problems);
void bcp_tools_lint_setup_free(bcp_tools_setup *setup);
/* The configuration file that governs `file`: o->config, else the nearest
 * bcpconfig.bcp above it; NULL for none (malloc'd). */
char *bcp_tools_config_path(const bcp_check_options *o, const char *file);
/* The `limits { }` of the configuration that governs `file` (as above, o
 * NULL: the nearest bcpconfig.bcp; file "-"
 * or NULL: the working directory's) put in force, under any limit set
 * explicitly (--limit, bcp_limit_set).  What is wrong with the
 * configuration is not reported here: the lint reports it.  Every entry
 * point that reads plans calls it before reading. */
void bcp_tools_config_limits(const bcp_check_options *o, const char *file);
/* The limits of the configuration file `path` (NULL: none) put in force the
 * same way, its text read through `reader` (NULL: the disk). */
void bcp_tools_limits_from(const char *path, const bcp_model_options *reader);
/* Loads a configuration (NULL path: the defaults) with the overrides; what is
 * wrong with it goes to `problems`.  Free `config` either way. */
bool bcp_tools_load_config(const char *path, const bcp_lint_overrides *ov, bcp_lint_config *config,
                           bcp_diagnostics *problems);
/* Runs the rules `config` enables over `m` into `diags`, then drops what
 * per-file ignores and suppression comments turn off.  False (and a
 * problem) when the profile does not exist. */
bool bcp_tools_lint(bcp_model *m, const bcp_lint_config *config, bcp_diag_list *diags, bcp_diagnostics *problems);
/* The same, with the findings that suppressions and `deviation` blocks
 * accepted appended to `accepted` (may be NULL). */
bool bcp_tools_lint_accepted(bcp_model *m, const bcp_lint_config *config, bcp_diag_list *diags,
                             bcp_diagnostics *problems, bcp_lint_deviation_list *accepted);
/* The findings of `m` that its suppressions and `deviation` blocks accept,
 * for the document: linted as `bcp check` would lint the plan's file (the
 * nearest bcpconfig.bcp; today from SOURCE_DATE_EPOCH, else the clock).  A
 * configuration that cannot be used yields the defaults'. */
void bcp_tools_accepted_deviations(bcp_model *m, bcp_lint_deviation_list *out);
/* The same with the configuration search of `o` (config_root; NULL: as above). */
void bcp_tools_accepted_deviations_for(bcp_model *m, const bcp_check_options *o, bcp_lint_deviation_list *out);
/* ==== serve13c part: the findings limit (docs/language.md, "Limits"), one
 * loop for bcp_check_paths and bcp_plan_lint.  Adds `diags` (sorted, as
 * bcp_diag_list_sort sorts) to `findings`: at most `limit` of each file, the
 * rest of that file counted into one E017 at the first left out, with the
 * worst severity among them.  `keep` (NULL: all) picks the ones reported. */
void bcp_tools_add_within_limit(bcp_diagnostics *findings, const bcp_diag_list *diags, uint64_t limit,
                                bool (*keep)(const bcp_diag *d, void *ctx), void *ctx);
/* ==== end */

#endif
