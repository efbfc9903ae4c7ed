/* bcp lsp: the language server (compiler/lsp/) on standard input and output. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_lsp(int argc, char **argv)
{
    int debounce = 50;
    const char *stdlib_dir = NULL, *docs_url = NULL, *today = NULL, *v;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stdio") == 0)
            continue;
        if (bcp_option_value(argc, argv, &i, "--debounce", &v)) {
            char *end;
            long ms = strtol(v, &end, 10);
            if (*end || end == v || ms < 0 || ms > 10000)
                return bcp_usage_error("lsp", "--debounce takes milliseconds, 0 to 10000");
            debounce = (int)ms;
        } else if (bcp_option_value(argc, argv, &i, "--stdlib", &v)) {
            stdlib_dir = v;
        } else if (bcp_option_value(argc, argv, &i, "--docs-url", &v)) {
            docs_url = v;
        } else if (bcp_option_value(argc, argv, &i, "--today", &v)) {
            today = v;
        } else {
            return bcp_usage_error("lsp", "unknown argument '%s'", argv[i]);
        }
    }
    return bcp_lsp_serve_stdio(debounce, stdlib_dir, docs_url, today);
}
