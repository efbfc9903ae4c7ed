#define _GNU_SOURCE
/* libFuzzer target "diff": one input holds two versions of a plan, old and
 * new, split at the first line "%%" (without one, both sides are the
 * input).  Each side is loaded twice, under two names, and:
 *  - diff(x, x) is empty for each side (text style gives "");
 *  - diff(old, new) and diff(new, old) agree on whether they differ;
 *  - both styles (text, Markdown) render.
 * Plus no crash, leak or sanitizer report. */
#include <string.h>

#include "fuzz_common.h"

static const char separator[] = "\n%%\n";

static bool differs(const bcp_plan *a, const bcp_plan *b, bcp_diff_style style, char **text)
{
    bcp_diff_options o = {.style = style, .old_name = "old", .new_name = "new"};
    bool differ = false;
    size_t length = 0;
    if (bcp_diff_plans(a, b, &o, text, &length, &differ) != BCP_OK || !*text || strlen(*text) != length)
        fuzz_fail("diff", "bcp_diff_plans failed or gave no text");
    return differ;
}

static void same_side(const bcp_plan *a, const bcp_plan *b)
{
    char *text = NULL;
    if (differs(a, b, BCP_DIFF_STYLE_TEXT, &text) || text[0])
        fuzz_fail("diff", "diff(x, x) is not empty:\n%s", text);
    bcp_free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *split = size >= 4 ? memmem(data, size, separator, 4) : NULL;
    size_t old_size = split ? (size_t)(split - data) + 1 : size;
    const uint8_t *new_data = split ? split + 4 : data;
    size_t new_size = split ? size - (size_t)(new_data - data) : size;

    bcp_workspace *ws = fuzz_workspace();
    bcp_plan *old_a = fuzz_load(ws, FUZZ_DIR "/old/plan.bcp", data, old_size);
    bcp_plan *old_b = fuzz_load(ws, FUZZ_DIR "/old2/plan.bcp", data, old_size);
    bcp_plan *new_a = fuzz_load(ws, FUZZ_DIR "/new/plan.bcp", new_data, new_size);
    same_side(old_a, old_b);
    same_side(new_a, new_a);
    char *forward = NULL, *backward = NULL, *markdown = NULL;
    bool f = differs(old_a, new_a, BCP_DIFF_STYLE_TEXT, &forward);
    bool b = differs(new_a, old_b, BCP_DIFF_STYLE_TEXT, &backward);
    bool m = differs(old_a, new_a, BCP_DIFF_STYLE_MARKDOWN, &markdown);
    if (f != b || f != m)
        fuzz_fail("diff", "old->new differs: %d, new->old: %d, Markdown: %d", f, b, m);
    bcp_free(forward);
    bcp_free(backward);
    bcp_free(markdown);
    bcp_plan_free(old_a);
    bcp_plan_free(old_b);
    bcp_plan_free(new_a);
    bcp_workspace_free(ws);
    return 0;
}
