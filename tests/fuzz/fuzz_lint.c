/* libFuzzer target "lint": any bytes as a plan file, loaded and linted
 * with every rule (select ALL, no configuration file, a fixed today), the
 * findings rendered in every report format.  Checks: no crash, leak or
 * sanitizer report; findings point into the file; JSON and SARIF reports
 * are valid with their required fields; linting twice gives the same
 * report (deterministic output). */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bcp_workspace *ws = fuzz_workspace();
    bcp_plan *plan = fuzz_load(ws, FUZZ_DIR "/plan.bcp", data, size);
    bcp_diagnostics *first = fuzz_lint(plan);
    fuzz_check_diagnostics(plan, first);
    bcp_diagnostics *second = fuzz_lint(plan);
    bcp_report_options o = {.format = BCP_REPORT_GCC};
    char *a = bcp_report_render(first, &o, NULL), *b = bcp_report_render(second, &o, NULL);
    if (strcmp(a, b) != 0)
        fuzz_fail("lint", "two lint runs of one plan differ:\n%s---\n%s", a, b);
    bcp_free(a);
    bcp_free(b);
    bcp_diagnostics_free(first);
    bcp_diagnostics_free(second);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return 0;
}
