/* bcp serve: the HTTP JSON API and live preview (compiler/serve/) for a folder. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A whole number from lo to hi, all of v. */
static bool number_in(const char *v, long lo, long hi, long *out)
{
    char *end;
    *out = strtol(v, &end, 10);
    return !*end && end != v && *out >= lo && *out <= hi;
}

int bcp_cmd_serve(int argc, char **argv)
{
    const char *dir = NULL, *bind = "127.0.0.1", *stdlib_dir = NULL, *today = NULL, *v;
    int port = 8080;
    uint64_t max_request = 4u << 20;
    unsigned timeout = 30, time_limit = 0;
    long n;
    for (int i = 1; i < argc; i++) {
        if (bcp_option_value(argc, argv, &i, "--port", &v)) {
            if (!number_in(v, 0, 65535, &n))
                return bcp_usage_error("serve", "--port takes a number from 0 to 65535");
            port = (int)n;
        } else if (bcp_option_value(argc, argv, &i, "--bind", &v)) {
            bind = v;
        } else if (bcp_option_value(argc, argv, &i, "--max-request", &v)) {
            if (!bcp_limit_parse(v, &max_request) || max_request > (1u << 30))
                return bcp_usage_error("serve", "--max-request takes a size from 1 to 1G (64k, 4M)");
        } else if (bcp_option_value(argc, argv, &i, "--timeout", &v)) {
            if (!number_in(v, 1, 3600, &n))
                return bcp_usage_error("serve", "--timeout takes seconds, 1 to 3600");
            timeout = (unsigned)n;
        } else if (bcp_option_value(argc, argv, &i, "--time-limit", &v)) {
            if (!number_in(v, 1, 3600000, &n))
                return bcp_usage_error("serve", "--time-limit takes milliseconds, 1 to 3600000 (default 10000)");
            time_limit = (unsigned)n;
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
