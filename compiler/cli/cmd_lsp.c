/* bcp lsp: the language server (compiler/lsp/) on standard input and output. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_lsp(int argc, char **argv)
{
    int debounce = 50;
    const char *v;
    bcp_server_options so = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--stdio") == 0)
            continue;
        if (bcp_option_value(argc, argv, &i, "--debounce", &v)) {
            char *end;
            long ms = strtol(v, &end, 10);
            if (*end || end == v || ms < 0 || ms > 10000)
                return bcp_usage_error("lsp", "--debounce takes milliseconds, 0 to 10000");
            debounce = (int)ms;
        } else if (!bcp_server_option(argc, argv, &i, &so)) {
            return bcp_usage_error("lsp", "unknown argument '%s'", argv[i]);
        }
    }
    return bcp_lsp_serve_stdio(debounce, so.stdlib_dir, so.docs_url, so.today);
}
