/* libFuzzer targets "render_md", "render_html", "render_json": any bytes as
 * a plan file, loaded and rendered by bcp_plan_render in English or Chinese
 * (by the parity of the input's size, so that mutations reach both), one target per document format (FUZZ_DOC_FORMAT, set
 * when the target is built).  A plan with errors is refused (BCP_ERR_PLAN);
 * the seeds are whole plans, so the renderers are reached.  Checks: no
 * crash, leak or sanitizer report; a rendered document is NUL-terminated
 * text of its stated length; the JSON document parses as a JSON object. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

#ifndef FUZZ_DOC_FORMAT
#error "build with -DFUZZ_DOC_FORMAT=BCP_DOC_MARKDOWN, BCP_DOC_HTML or BCP_DOC_JSON"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"en", "zh-CN"};
    bcp_workspace *ws = fuzz_workspace();
    bcp_plan *plan = fuzz_load(ws, FUZZ_DIR "/plan.bcp", data, size);
    {
        size_t l = size & 1;
        char *text = NULL;
        size_t length = 0;
        bcp_diagnostics *problems = NULL;
        bcp_status st = bcp_plan_render(ws, plan, FUZZ_DOC_FORMAT, langs[l], &text, &length, &problems);
        if (getenv("FUZZ_VERBOSE"))
            fprintf(stderr, "render %s: %s\n", langs[l], bcp_status_string(st));
        if (st == BCP_OK) {
            if (!text || strlen(text) != length)
                fuzz_fail("render", "%s: no document, or a NUL inside it", langs[l]);
            if (FUZZ_DOC_FORMAT == BCP_DOC_JSON) {
                json_error_t err;
                json_t *doc = json_loadb(text, length, 0, &err);
                if (!json_is_object(doc))
                    fuzz_fail("render", "%s: the JSON document does not parse: %s (line %d)", langs[l], err.text,
                              err.line);
                json_decref(doc);
            }
        } else if (st != BCP_ERR_PLAN) {
            fuzz_fail("render", "%s: bcp_plan_render: %s", langs[l], bcp_status_string(st));
        }
        bcp_free(text);
        bcp_diagnostics_free(problems);
    }
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return 0;
}
