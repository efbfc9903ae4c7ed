/* libFuzzer target: any bytes go through the whole pipeline (parse, model,
 * every lint rule, formatter, and the three renderers when the plan has no
 * errors).  It must never crash, leak or trip a sanitizer.  Run with
 * `make fuzz` (clang's libFuzzer; not part of make test). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "rules/engine.h"
#include "fmt/format.h"
#include "model/model.h"
#include "render/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const locales[] = {"locale/en", "locale/zh-CN"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (memchr(data, 0, size))
        return 0; /* the reader refuses NUL bytes before anything else runs */
    bcp_model_options opts = {.extra_modules = locales, .extra_module_count = 2};
    bcp_model *m = bcp_model_load_text("fuzz.bcp", (const char *)data, size, &opts);
    bcp_diag_list *diags = bcp_model_diags(m);
    if (!bcp_model_has_syntax_errors(m)) {
        bcp_lint_options lint = {.today = 20784};
        bcp_lint_run(m, &lint, diags);
    }
    if (bcp_model_plan(m) && bcp_diag_count(diags, BCP_SEV_ERROR) == 0) {
        for (size_t i = 0; i < 2; i++) {
            bcp_render_ctx ctx;
            bcp_render_ctx_init(&ctx, m, i ? "zh-CN" : "en");
            bcp_md_doc doc;
            bcp_render_markdown(&ctx, false, &doc);
            bcp_free(doc.markdown);
            bcp_free(bcp_render_html(&ctx, NULL));
            bcp_free(bcp_render_json(&ctx, NULL));
            bcp_render_ctx_free(&ctx);
        }
    }
    bcp_model_free(m);

    bcp_source *src = bcp_source_from_memory("fuzz.bcp", (const char *)data, size, true);
    bcp_diag_list fmt_diags = {0};
    size_t length = 0;
    bcp_free(bcp_format_source(src, &fmt_diags, &length));
    bcp_diag_list_free(&fmt_diags);
    bcp_source_free(src);
    return 0;
}
