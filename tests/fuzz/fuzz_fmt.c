/* libFuzzer target "fmt": the formatter's round trip on any bytes.  When
 * bcp_format_text accepts the text x (no syntax errors):
 *  - it never reports its own meaning check failing (BCP_ERR_INVALID);
 *  - idempotent: fmt(fmt(x)) == fmt(x), and the second pass says unchanged;
 *  - meaning-preserving: the semantic diff of x and fmt(x) is empty;
 *  - suppressions keep their findings: the lint findings of x and fmt(x)
 *    are the same set, by code and top-level entity.
 * Plus no crash, leak or sanitizer report on any input. */
#include <string.h>

#include "fuzz_common.h"

#define ORIGINAL FUZZ_DIR "/x/plan.bcp"
#define FORMATTED FUZZ_DIR "/fx/plan.bcp"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *once = NULL;
    size_t once_length = 0;
    bool changed = false;
    bcp_diagnostics *problems = NULL;
    bcp_status st = bcp_format_text(ORIGINAL, (const char *)data, size, &once, &once_length, &changed, &problems);
    bcp_diagnostics_free(problems);
    if (st == BCP_ERR_INVALID)
        fuzz_fail("fmt", "the formatter's own check: fmt(x) does not mean what x means");
    if (st != BCP_OK) {
        bcp_free(once);
        return 0;
    }
    char *twice = NULL;
    size_t twice_length = 0;
    problems = NULL;
    st = bcp_format_text(FORMATTED, once, once_length, &twice, &twice_length, &changed, &problems);
    bcp_diagnostics_free(problems);
    if (st != BCP_OK)
        fuzz_fail("fmt", "fmt(fmt(x)) failed: %s", bcp_status_string(st));
    if (changed || twice_length != once_length || memcmp(once, twice, once_length) != 0)
        fuzz_fail("fmt", "not idempotent: fmt(fmt(x)) != fmt(x)\n--- fmt(x)\n%s--- fmt(fmt(x))\n%s", once, twice);
    bcp_free(twice);

    bcp_workspace *ws = fuzz_workspace();
    bcp_plan *x = fuzz_load(ws, ORIGINAL, data, size);
    bcp_plan *fx = fuzz_load(ws, FORMATTED, (const uint8_t *)once, once_length);
    char *diff = NULL;
    bool differ = false;
    bcp_diff_options o = {.old_name = "x", .new_name = "fmt(x)"};
    bcp_diff_plans(x, fx, &o, &diff, NULL, &differ);
    if (differ)
        fuzz_fail("fmt", "fmt changed the meaning:\n%s", diff);
    bcp_free(diff);
    bcp_diagnostics *fx_findings = fuzz_lint(fx), *x_findings = fuzz_lint(x);
    char *x_keys = fuzz_finding_keys(x, x_findings), *fx_keys = fuzz_finding_keys(fx, fx_findings);
    if (strcmp(x_keys, fx_keys) != 0)
        fuzz_fail("fmt", "fmt changed the findings\n--- x\n%s--- fmt(x)\n%s", x_keys, fx_keys);
    bcp_free(x_keys);
    bcp_free(fx_keys);
    bcp_diagnostics_free(x_findings);
    bcp_diagnostics_free(fx_findings);
    bcp_plan_free(x);
    bcp_plan_free(fx);
    bcp_workspace_free(ws);
    bcp_free(once);
    return 0;
}
