/* bcp parse --tree: the concrete syntax tree, for grammar work and bug reports. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_parse(int argc, char **argv)
{
    bool tree = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tree") == 0)
            tree = true;
        else if (argv[i][0] == '-' && argv[i][1] != '\0')
            return bcp_usage_error("parse", "unknown option '%s'", argv[i]);
        else if (!path)
            path = argv[i];
        else
            return bcp_usage_error("parse", "parse takes one file");
    }
    if (!path)
        return bcp_usage_error("parse", "no file given");
    (void)tree; /* --tree is the only output there is; accepted for clarity */
    char *sexp;
    size_t length;
    bcp_diagnostics *problems;
    bcp_status s = bcp_parse_file(path, &sexp, &length, &problems);
    if (s == BCP_ERR_IO) {
        bcp_cli_print_problems(problems, false);
    } else {
        fwrite(sexp, 1, length, stdout);
        bcp_cli_print_diagnostics(stderr, problems, bcp_want_color(stderr));
    }
    bcp_free(sexp);
    bcp_diagnostics_free(problems);
    return s == BCP_OK ? BCP_EXIT_OK : BCP_EXIT_ERROR;
}
