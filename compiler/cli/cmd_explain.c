/* bcp explain: one code of the catalogue explained — a lint rule with the
 * plans that trigger it and not (from tests/rules/, embedded in libbcp), or a
 * syntax, model or configuration error; --all --markdown prints every code on
 * one page (docs/diagnostics.md). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_explain(int argc, char **argv)
{
    bool markdown = false, all = false;
    const char *which = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--markdown") == 0)
            markdown = true;
        else if (strcmp(argv[i], "--all") == 0)
            all = true;
        else if (argv[i][0] == '-')
            return bcp_usage_error("explain", "unknown option '%s'", argv[i]);
        else if (which)
            return bcp_usage_error("explain", "one rule at a time");
        else
            which = argv[i];
    }
    size_t length;
    char *page;
    if (all) {
        if (which || !markdown)
            return bcp_usage_error("explain", "--all takes --markdown and no code");
        page = bcp_code_reference(&length);
    } else {
        if (!which)
            return bcp_usage_error("explain", "which rule? (`bcp rules` lists them)");
        const bcp_code *code = bcp_code_lookup(which);
        if (!code)
            return bcp_usage_error("explain", "no rule '%s' (`bcp rules` lists them)", which);
        page = bcp_code_explain(code, markdown ? BCP_PAGE_MARKDOWN : BCP_PAGE_TEXT, &length);
    }
    fwrite(page, 1, length, stdout);
    bcp_free(page);
    return BCP_EXIT_OK;
}
