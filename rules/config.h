/* Lint configuration: bcpconfig.bcp, found by walking up from the checked file,
 * merged with the --select/--ignore/--profile flags into the options the
 * engine runs with.
 *
 *   config {
 *     select  = [D, R101, missing-rto]      # codes, names, prefixes, families, ALL
 *     ignore  = [unused-entity]
 *     profile = iso22301
 *     severity { stale-review = error  H101 = info }
 *     per_file_ignores {
 *       legacy { files = ["legacy/x.bcp"]  ignore = [H101] }   # fnmatch globs
 *     }
 *     docs_url = "https://example.org/bcp/rules/"     # SARIF helpUri base
 *     limits { nesting = 200  file-size = "512M" }    # as --limit NAME=VALUE
 *   }
 */
#ifndef BCP_LINT_CONFIG_H
#define BCP_LINT_CONFIG_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/limits.h"
#include "engine.h"

typedef struct bcp_string_list {
    char **items;
    size_t count;
} bcp_string_list;

typedef struct bcp_per_file_ignore {
    bcp_string_list files;    /* fnmatch patterns, relative to the config's folder */
    bcp_string_list ignore;   /* selectors */
} bcp_per_file_ignore;

typedef struct bcp_lint_config {
    char *path;               /* NULL when no file was found */
    char *dir;                /* canonical folder of the config file */
    bool has_select;
    bcp_string_list select, ignore;
    char *profile;
    int *severity;            /* bcp_rule_count overrides */
    bcp_per_file_ignore *per_file;
    size_t per_file_count;
    char *docs_url;           /* SARIF: base of each rule's helpUri, or NULL */
    uint64_t limits[BCP_LIMIT_COUNT]; /* `limits { NAME = VALUE }`; 0: not set */
    bcp_model *model;         /* the file as loaded: diagnostics point into it */
    /* Derived: the engine's view. */
    bool *enabled;
    bcp_lint_options options;
} bcp_lint_config;

/* Command-line overrides; a NULL list / profile keeps the file's value. */
typedef struct bcp_lint_overrides {
    const bcp_string_list *select;
    const bcp_string_list *ignore;
    const char *profile;
    int32_t today;
    const char *const *regimes;   /* --regime: kept by pointer, not copied */
    size_t regime_count;
    /* Where the configuration file's text comes from (its `read` and
     * `read_user`: an editor's unsaved buffer); NULL: the disk. */
    const bcp_model_options *reader;
} bcp_lint_overrides;

/* The nearest bcpconfig.bcp at or above `dir` (canonical), or NULL; malloc'ed. */
char *bcp_lint_config_find(const char *dir);
/* The same, looking no higher than `ceiling` (canonical; NULL: up to /). */
char *bcp_lint_config_find_within(const char *dir, const char *ceiling);
/* Reads `path` (NULL: no file, defaults only) and applies the overrides.
 * Problems are appended to `diags` as located diagnostics (the file's own
 * syntax and model errors, E2xx configuration errors, the E207 warning); they
 * point into the configuration, so use them before bcp_lint_config_free.
 * Returns false on an error; free `out` in either case.  Prints nothing. */
bool bcp_lint_config_load(const char *path, const bcp_lint_overrides *ov, bcp_lint_config *out,
                          bcp_diag_list *diags);
void bcp_lint_config_free(bcp_lint_config *config);
/* Puts the configuration's limits in force, except those set explicitly
 * (--limit, bcp_limit_set), which win. */
void bcp_lint_config_apply_limits(const bcp_lint_config *config);
/* Drops findings of rules that per_file_ignores turns off for their file. */
void bcp_lint_config_filter(const bcp_lint_config *config, bcp_diag_list *list);

void bcp_string_list_push(bcp_string_list *list, const char *s, size_t len);
void bcp_string_list_free(bcp_string_list *list);

#endif
