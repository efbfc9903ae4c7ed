/* bcp simulate: what the plan says happens when something is lost
 * (docs/simulate.md).  The engine and the report are the library's. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct sim_options {
    bcp_common_options common;
    bcp_cli_list lose;
    const char *scenario;
    const char *at, *duration;
    const char *lang;
    bcp_simulation_format format;
    bool all_scenarios, each;
    bcp_operands args;
} sim_options;

static int parse_args(int argc, char **argv, sim_options *o)
{
    bcp_operands_init(&o->args, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (bcp_operand(&o->args, argv[i]) ||
            bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB | BCP_OPT_COLOR, &o->common))
            continue;
        if (bcp_option_value(argc, argv, &i, "--lose", &v)) {
            bcp_cli_list_split(&o->lose, v);
        } else if (bcp_option_value(argc, argv, &i, "--scenario", &v)) {
            o->scenario = v;
        } else if (bcp_option_value(argc, argv, &i, "--at", &v)) {
            o->at = v;
        } else if (bcp_option_value(argc, argv, &i, "--lang", &v)) {
            o->lang = v;
        } else if (bcp_option_value(argc, argv, &i, "--for", &v)) {
            o->duration = v;
        } else if (bcp_option_value(argc, argv, &i, "--format", &v)) {
            if (strcmp(v, "text") == 0)
                o->format = BCP_SIMULATION_TEXT;
            else if (strcmp(v, "json") == 0)
                o->format = BCP_SIMULATION_JSON;
            else if (strcmp(v, "md") == 0 || strcmp(v, "markdown") == 0)
                o->format = BCP_SIMULATION_MARKDOWN;
            else if (strcmp(v, "html") == 0)
                o->format = BCP_SIMULATION_HTML;
            else
                return bcp_usage_error("simulate", "--format takes text, json, md or html");
        } else if (strcmp(a, "--all-scenarios") == 0) {
            o->all_scenarios = true;
        } else if (strcmp(a, "--each") == 0) {
            o->each = true;
        } else {
            return bcp_usage_error("simulate", "unknown option '%s'", a);
        }
    }
    int status = bcp_common_check(&o->common, "simulate");
    if (status >= 0)
        return status;
    if (o->args.count != 1)
        return bcp_usage_error("simulate", "simulate takes one plan file");
    int modes = (o->lose.count || o->scenario) + o->all_scenarios + o->each;
    if (modes > 1)
        return bcp_usage_error("simulate", "--lose/--scenario, --all-scenarios and --each do not go together");
    return -1;
}

/* Problems with a place in the plan as the report prints them; those of the
 * command line (E210..E212) with their code and the nearest name. */
static void print_problems(const bcp_diagnostics *problems, bool color)
{
    bool located = false;
    for (size_t i = 0; i < bcp_diagnostics_count(problems); i++)
        located = located || bcp_diagnostics_get(problems, i)->location.path;
    if (located) {
        bcp_cli_print_problems(problems, color);
        return;
    }
    for (size_t i = 0; i < bcp_diagnostics_count(problems); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(problems, i);
        if (d->code && *d->code)
            bcp_cli_eprintf("bcp: %s: %s [%s %s]\n", bcp_severity_name(d->severity), d->message, d->code,
                            d->name ? d->name : "");
        else   /* a message without a code (an unknown --lang) */
            bcp_cli_eprintf("bcp: %s: %s\n", bcp_severity_name(d->severity), d->message);
        if (d->help)
            bcp_cli_eprintf("  = help: %s\n", d->help);
    }
}

static int run(const sim_options *o)
{
    bcp_simulate_file_options fo = {.stdlib_dir = o->common.stdlib_dir, .lang = o->lang, .format = o->format,
                                    .mode = o->each ? BCP_SIMULATE_EACH
                                            : o->all_scenarios ? BCP_SIMULATE_SCENARIOS : BCP_SIMULATE_LOSE};
    bcp_simulation_options *so = &fo.loss;
    *so = (bcp_simulation_options){.lose = (const char *const *)o->lose.items, .lose_count = o->lose.count,
                                   .scenario = o->scenario};
    if (o->duration && (!bcp_duration_parse(o->duration, &so->duration) || so->duration <= 0))
        return bcp_usage_error("simulate", "--for takes a duration such as 12h, 2d or 1h30m, not '%s'", o->duration);
    if (o->at) {
        if (!bcp_datetime_parse(o->at, &so->start))
            return bcp_usage_error("simulate", "--at takes YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC), not '%s'", o->at);
        so->has_start = true;
    }
    char *text = NULL;
    size_t length = 0;
    bool breach = false;
    bcp_diagnostics *problems = NULL;
    bcp_status s = bcp_simulate_file(o->args.items[0], &fo, &text, &length, &breach, &problems);
    print_problems(problems, bcp_common_color(&o->common, stderr));
    bcp_diagnostics_free(problems);
    if (s != BCP_OK)
        return BCP_EXIT_ERROR;
    /* names and titles are plan text, written terminal-safe by the library
     * (JSON escapes its own controls) */
    fwrite(text, 1, length, stdout);
    bcp_free(text);
    return breach ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
}

int bcp_cmd_simulate(int argc, char **argv)
{
    sim_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status < 0)
        status = run(&o);
    bcp_cli_list_free(&o.lose);
    bcp_operands_free(&o.args);
    return status;
}
