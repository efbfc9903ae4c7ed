/* bcp serve: the HTTP JSON API and live preview (compiler/serve/) for a folder. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_serve(int argc, char **argv)
{
    const char *dir = NULL, *bind = "127.0.0.1", *stdlib_dir = NULL, *today = NULL, *v;
    int port = 8080;
    uint64_t max_request = 4u << 20;
    unsigned timeout = 30, time_limit = 0;
    for (int i = 1; i < argc; i++) {
        if (bcp_option_value(argc, argv, &i, "--port", &v)) {
            char *end;
            long p = strtol(v, &end, 10);
            if (*end || end == v || p < 0 || p > 65535)
                return bcp_usage_error("serve", "--port takes a number from 0 to 65535");
            port = (int)p;
        } else if (bcp_option_value(argc, argv, &i, "--bind", &v)) {
            bind = v;
        } else if (bcp_option_value(argc, argv, &i, "--max-request", &v)) {
            if (!bcp_limit_parse(v, &max_request) || max_request > (1u << 30))
                return bcp_usage_error("serve", "--max-request takes a size from 1 to 1G (64k, 4M)");
        } else if (bcp_option_value(argc, argv, &i, "--timeout", &v)) {
            char *end;
            long s = strtol(v, &end, 10);
            if (*end || end == v || s < 1 || s > 3600)
                return bcp_usage_error("serve", "--timeout takes seconds, 1 to 3600");
            timeout = (unsigned)s;
        } else if (bcp_option_value(argc, argv, &i, "--time-limit", &v)) {
            char *end;
            long ms = strtol(v, &end, 10);
            if (*end || end == v || ms < 1 || ms > 3600000)
                return bcp_usage_error("serve", "--time-limit takes milliseconds, 1 to 3600000 (default 10000)");
            time_limit = (unsigned)ms;
        } else if (bcp_option_value(argc, argv, &i, "--stdlib", &v)) {
            stdlib_dir = v;
        } else if (bcp_option_value(argc, argv, &i, "--today", &v)) {
            today = v;
        } else if (argv[i][0] == '-' || dir) {
            return bcp_usage_error("serve", "unknown argument '%s'", argv[i]);
        } else {
            dir = argv[i];
        }
    }
    return bcp_serve_main(dir ? dir : ".", bind, port, stdlib_dir, today, (size_t)max_request, timeout, time_limit);
}
