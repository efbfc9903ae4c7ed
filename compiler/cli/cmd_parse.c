/* bcp parse --tree: the concrete syntax tree, for grammar work and bug reports. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "syntax/syntax.h"

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
    const char *err = NULL;
    bcp_source *src = bcp_source_read(path, &err);
    if (!src) {
        fprintf(stderr, "bcp: %s: %s\n", path, err);
        return BCP_EXIT_ERROR;
    }
    TSTree *t = bcp_syntax_parse(src);
    bcp_syntax_print_sexp(stdout, src, t);
    bcp_diag_list diags = {0};
    size_t n = bcp_syntax_report_errors(src, t, &diags);
    bool color = bcp_want_color(stderr);
    for (size_t i = 0; i < diags.count; i++)
        bcp_diag_print(stderr, &diags.items[i], color);
    bcp_diag_list_free(&diags);
    ts_tree_delete(t);
    bcp_source_free(src);
    return n ? BCP_EXIT_ERROR : BCP_EXIT_OK;
}
