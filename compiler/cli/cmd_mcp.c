/* bcp mcp: the Model Context Protocol server (compiler/mcp/) on standard
 * input and output, scoped to one root folder (docs/mcp.md). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_mcp(int argc, char **argv)
{
    const char *root = NULL, *v;
    bcp_server_options so = {0};
    bool allow_write = false;
    size_t max_bytes = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--allow-write") == 0) {
            allow_write = true;
        } else if (bcp_option_value(argc, argv, &i, "--root", &v)) {
            root = v;
        } else if (bcp_option_value(argc, argv, &i, "--max-bytes", &v)) {
            uint64_t n;
            if (!bcp_limit_parse(v, &n) || n == 0 || n > ((uint64_t)1 << 30))
                return bcp_usage_error("mcp", "--max-bytes takes a size from 1 to 1G (e.g. 4M)");
            max_bytes = (size_t)n;
        } else if (!bcp_server_option(argc, argv, &i, &so)) {
            return bcp_usage_error("mcp", "unknown argument '%s'", argv[i]);
        }
    }
    return bcp_mcp_serve_stdio(root, allow_write, so.stdlib_dir, so.today, so.docs_url, max_bytes);
}
