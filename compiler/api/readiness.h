/* The readiness score as the API layer gives it: the model's facts
 * (model/readiness.c) with the accepted deviations the lint run finds. */
#ifndef BCP_API_READINESS_H
#define BCP_API_READINESS_H
#include "bcp.h"
#include "model/model.h"
#include "rules/engine.h"

/* The readiness of `m` on `today`, counting `accepted` (NULL: the plan's
 * accepted deviations are found here, as the document finds them). */
void bcp_tools_readiness(bcp_model *m, int32_t today, const bcp_lint_deviation_list *accepted, bcp_readiness *out);
/* The same with the deviations the configuration that `o` finds (config_root
 * bounding the search; NULL: the nearest) accepts, by the profile that lints
 * `path` (NULL path: o->profile); a configuration that cannot be read is
 * reported to `set`. */
void bcp_tools_readiness_within(bcp_model *m, int32_t today, const bcp_check_options *o, const char *path,
                                bcp_readiness *out, bcp_diagnostics *set);
/* The same by the windows of lint profile `profile` (NULL: default). */
void bcp_tools_readiness_by(bcp_model *m, int32_t today, const bcp_lint_deviation_list *accepted,
                            const char *profile, bcp_readiness *out);

/* The profile the check of `path` lints with: o->profile (--profile), else
 * that of the governing bcpconfig.bcp (o->config, or the nearest within
 * o->config_root), else NULL (default).  A new string or NULL; a
 * configuration that cannot be read is reported to `set`. */
char *bcp_tools_profile_for(const char *path, const bcp_check_options *o, bcp_diagnostics *set);

/* `bcp check --summary`: one plan's row, scored from the model the check
 * loaded (check.c) or loaded for it (bcp_check_summary). */
typedef struct bcp_tools_summary_entry {
    char *file;             /* owned */
    bool scored;            /* false: the plan has errors */
    bcp_readiness readiness;
} bcp_tools_summary_entry;
/* The summary of `count` rows and the findings' counts (a new string). */
char *bcp_tools_summary_render(const bcp_tools_summary_entry *entries, size_t count,
                               const bcp_diagnostics *findings, bcp_summary_format format, size_t *length);
void bcp_tools_summary_free(bcp_tools_summary_entry *entries, size_t count);

#endif
