/* bcp init: a starter plan from an industry preset (bcp_init_plan), written
 * without clobbering anything. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"

typedef struct init_options {
    bcp_common_options common;
    bcp_init_options init;
    const char *output;
    bool force;
} init_options;

static int parse_args(int argc, char **argv, init_options *o)
{
    o->init.size = "small";
    o->init.lang = "en";
    o->output = "plan.bcp";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB, &o->common))
            continue;
        if (bcp_option_value(argc, argv, &i, "--industry", &v))
            o->init.industry = v;
        else if (bcp_option_value(argc, argv, &i, "--size", &v))
            o->init.size = v;
        else if (bcp_option_value(argc, argv, &i, "--sites", &v))
            o->init.sites = v;
        else if (bcp_option_value(argc, argv, &i, "--lang", &v))
            o->init.lang = v;
        else if (bcp_option_value(argc, argv, &i, "--output", &v) || bcp_option_value(argc, argv, &i, "-o", &v))
            o->output = v;
        else if (strcmp(a, "--force") == 0)
            o->force = true;
        else
            return bcp_usage_error("init", "unknown argument '%s'", a);
    }
    o->init.stdlib_dir = o->common.stdlib_dir;
    if (!o->init.industry)
        return bcp_usage_error("init", "--industry is required");
    return -1;
}

int bcp_cmd_init(int argc, char **argv)
{
    init_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status >= 0)
        return status;
    bool to_stdout = strcmp(o.output, "-") == 0;
    struct stat st;
    if (!to_stdout && !o.force && stat(o.output, &st) == 0) {
        bcp_cli_eprintf("bcp: %s already exists; use --force to overwrite it\n", o.output);
        return BCP_EXIT_ERROR;
    }
    o.init.path = to_stdout ? "<stdout>" : o.output;
    char *text;
    size_t length;
    bcp_diagnostics *problems;
    bcp_status s = bcp_init_plan(&o.init, &text, &length, &problems);
    bcp_cli_print_problems(problems, false);
    bcp_diagnostics_free(problems);
    status = s == BCP_OK ? BCP_EXIT_OK : BCP_EXIT_ERROR;
    const char *err;
    if (status == BCP_EXIT_OK) {
        if (to_stdout) {
            fwrite(text, 1, length, stdout);
        } else if (bcp_atomic_write(o.output, text, length, 0666, 0, &err)) {
            bcp_cli_eprintf("wrote %s: fill in every TODO (`bcp check %s` lists them), then `bcp build %s`\n",
                    o.output, o.output, o.output);
        } else {
            bcp_cli_eprintf("bcp: cannot write %s: %s\n", o.output, err);
            status = BCP_EXIT_ERROR;
        }
    }
    bcp_free(text);
    return status;
}
