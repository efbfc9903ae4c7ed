/* bcp graph: the dependency graph of a plan as DOT, SVG (laid out by
 * Graphviz) or Mermaid, on standard output or into -o FILE (docs/graph.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"

int bcp_cmd_graph(int argc, char **argv)
{
    bcp_common_options common = {0};
    bcp_graph_options o = {.format = BCP_GRAPH_DOT};
    const char *output = NULL, *v;
    bcp_operands ops;
    bcp_operands_init(&ops, argc);
    int rc = -1;
    for (int i = 1; i < argc && rc < 0; i++) {
        if (!ops.after_dashes && bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB | BCP_OPT_COLOR, &common))
            continue;
        if (ops.after_dashes || !bcp_operand(&ops, argv[i])) {
            if (bcp_option_value(argc, argv, &i, "--format", &v)) {
                if (bcp_graph_format_from_name(v, &o.format) != BCP_OK)
                    rc = bcp_usage_error("graph", "unknown format '%s' (dot, svg or mermaid)", v);
            } else if (bcp_option_value(argc, argv, &i, "--focus", &v)) {
                o.focus = v;
            } else if (bcp_option_value(argc, argv, &i, "--lang", &v)) {
                o.lang = v;
            } else if (bcp_option_value(argc, argv, &i, "--output", &v) ||
                       bcp_option_value(argc, argv, &i, "-o", &v)) {
                output = v;
            } else {
                rc = bcp_usage_error("graph", "unknown option '%s'", argv[i]);
            }
        }
    }
    if (rc < 0 && ops.count != 1)
        rc = bcp_usage_error("graph", ops.count ? "one plan at a time" : "which plan? (bcp graph PLAN)");
    if (rc < 0)
        rc = bcp_common_check(&common, "graph");
    if (rc >= 0) {
        bcp_operands_free(&ops);
        return rc;
    }
    o.stdlib_dir = common.stdlib_dir;
    char *text = NULL;
    size_t length = 0;
    bcp_diagnostics *problems = NULL;
    bcp_status st = bcp_graph_file(ops.items[0], &o, &text, &length, &problems);
    bcp_cli_print_problems(problems, bcp_common_color(&common, stderr));
    bcp_diagnostics_free(problems);
    rc = st == BCP_OK ? BCP_EXIT_OK : BCP_EXIT_ERROR;
    if (st == BCP_OK) {
        /* labels are plan text, written terminal-safe by the library */
        const char *err = NULL;
        if (!output || strcmp(output, "-") == 0)
            fwrite(text, 1, length, stdout);
        else if (!bcp_atomic_write(output, text, length, 0666, 0, &err)) {
            bcp_cli_eprintf("bcp: cannot write %s: %s\n", output, err ? err : "error");
            rc = BCP_EXIT_ERROR;
        }
    }
    bcp_free(text);
    bcp_operands_free(&ops);
    return rc;
}
