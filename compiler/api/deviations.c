/* The accepted deviations of a plan for its document: the plan is linted as
 * `bcp check` lints its file, and what suppressions and `deviation` blocks
 * accepted is kept; the findings themselves are not the document's. */
#include <string.h>

#include "base/alloc.h"
#include "tools.h"
#include "tools_lint.h"

void bcp_tools_accepted_deviations(bcp_model *m, bcp_lint_deviation_list *out)
{
    bcp_tools_accepted_deviations_for(m, NULL, out);
}

void bcp_tools_accepted_deviations_for(bcp_model *m, const bcp_check_options *o, bcp_lint_deviation_list *out)
{
    /* Most plans accept nothing: they are not linted for the document. */
    if (bcp_model_has_syntax_errors(m) || bcp_model_source_count(m) == 0 || !bcp_lint_has_deviations(m))
        return;
    bcp_check_options bounded = {.config_root = o ? o->config_root : NULL};
    bcp_tools_setup setup;
    bcp_diagnostics *problems = bcp_diagnostics_new();
    if (bcp_tools_lint_setup(&bounded, &setup, problems) == BCP_OK) {
        const char *file = bcp_model_source(m, 0)->path;
        char *path = bcp_tools_config_path(&bounded, file ? file : "-");
        bcp_lint_config config;
        bool loaded = bcp_tools_load_config(path, &setup.overrides, &config, problems);
        if (!loaded) {
            bcp_lint_config_free(&config);
            loaded = bcp_tools_load_config(NULL, &setup.overrides, &config, problems);
        }
        bcp_diag_list found = {0};
        if (loaded)
            bcp_tools_lint_accepted(m, &config, &found, problems, out);
        bcp_diag_list_free(&found);
        bcp_lint_config_free(&config);
        bcp_free(path);
    }
    bcp_tools_lint_setup_free(&setup);
    bcp_diagnostics_free(problems);
}
