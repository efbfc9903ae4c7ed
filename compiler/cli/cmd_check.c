/* bcp check: syntax errors, model errors and lint findings of plans, in one of
 * several output formats.  The checking is bcp_check_paths; this file reads
 * the options, prints the report and picks the exit status. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"

typedef struct check_options {
    bcp_check_options check;
    bcp_common_options common;
    bcp_operands paths;
    const char *format_name;
    const char *output;
    const char *docs_url;
    bool exit_zero;
    bool fail_on_error_only;
    bool summary;   /* --summary: readiness per plan instead of the findings */
    bcp_cli_list select, ignore, regimes;
} check_options;

static int parse_args(int argc, char **argv, check_options *o)
{
    o->format_name = "text";
    bcp_operands_init(&o->paths, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (bcp_operand(&o->paths, argv[i]) ||
            bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB | BCP_OPT_COLOR, &o->common))
            continue;
        if (bcp_option_value(argc, argv, &i, "--format", &v)) {
            o->format_name = v;
        } else if (bcp_option_value(argc, argv, &i, "--output", &v) || bcp_option_value(argc, argv, &i, "-o", &v)) {
            o->output = v;
        } else if (bcp_option_value(argc, argv, &i, "--docs-url", &v)) {
            o->docs_url = v;
        } else if (bcp_option_value(argc, argv, &i, "--select", &v)) {
            bcp_cli_list_split(&o->select, v);
            o->check.has_select = true;
        } else if (bcp_option_value(argc, argv, &i, "--ignore", &v)) {
            bcp_cli_list_split(&o->ignore, v);
            o->check.has_ignore = true;
        } else if (bcp_option_value(argc, argv, &i, "--profile", &v)) {
            o->check.profile = v;
        } else if (bcp_option_value(argc, argv, &i, "--regime", &v)) {
            bcp_cli_list_split(&o->regimes, v);
        } else if (bcp_option_value(argc, argv, &i, "--today", &v)) {
            o->check.today = v;
        } else if (bcp_option_value(argc, argv, &i, "--config", &v)) {
            o->check.config = v;
        } else if (strcmp(a, "--no-config") == 0) {
            o->check.no_config = true;
        } else if (strcmp(a, "--no-lint") == 0) {
            o->check.no_lint = true;
        } else if (strcmp(a, "--summary") == 0) {
            o->summary = true;
        } else if (strcmp(a, "--exit-zero") == 0) {
            o->exit_zero = true;
        } else if (bcp_option_value(argc, argv, &i, "--fail-on", &v)) {
            if (strcmp(v, "error") == 0)
                o->fail_on_error_only = true;
            else if (strcmp(v, "warning") == 0)
                o->fail_on_error_only = false;
            else
                return bcp_usage_error("check", "--fail-on takes error or warning");
        } else {
            return bcp_usage_error("check", "unknown option '%s'", a);
        }
    }
    o->check.stdlib_dir = o->common.stdlib_dir;
    o->check.select = (const char *const *)o->select.items;
    o->check.select_count = o->select.count;
    o->check.ignore = (const char *const *)o->ignore.items;
    o->check.ignore_count = o->ignore.count;
    o->check.regimes = (const char *const *)o->regimes.items;
    o->check.regime_count = o->regimes.count;
    if (o->paths.count == 0)
        return bcp_usage_error("check", "no files given");
    if (bcp_common_check(&o->common, "check") >= 0)
        return BCP_EXIT_ERROR;
    bcp_report_format format;
    if (bcp_report_format_from_name(o->format_name, &format) != BCP_OK)
        return bcp_usage_error("check", "--format takes text, gcc, json, sarif or github");
    if (o->summary && strcmp(o->format_name, "text") != 0 && strcmp(o->format_name, "json") != 0)
        return bcp_usage_error("check", "--summary takes --format text or json");
    if (o->check.has_select && o->select.count == 0)
        return bcp_usage_error("check", "--select needs at least one rule (use --no-lint to run none)");
    return -1;
}

/* --output FILE: the report replaces FILE only when the check ran to the end,
 * so that a failed run leaves the previous report in place. */
static bool write_report(const char *path, const char *report, size_t length, bool keep)
{
    if (!path || strcmp(path, "-") == 0) {
        fwrite(report, 1, length, stdout);
        return fflush(stdout) == 0 || !keep;
    }
    if (!keep)
        return true;
    const char *err;
    /* A new report gets 0666 less the umask; an existing one keeps its mode and owner. */
    if (bcp_atomic_write(path, report, length, 0666, 0, &err))
        return true;
    bcp_cli_eprintf("bcp: cannot write %s: %s\n", path, err);
    return false;
}

/* A folder operand that holds no plan is an error, not a clean check:
 * `bcp check plans/` in CI must not pass because the path is wrong.
 * BCP_EXIT_ERROR with a message for the first such folder, else -1. */
static int empty_folder(const check_options *o)
{
    for (int i = 0; i < o->paths.count; i++) {
        const char *path = o->paths.items[i];
        struct stat st;
        if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        char **files;
        size_t count = 0;
        bcp_diagnostics *missing = NULL;
        bcp_collect_plan_files(&path, 1, &files, &count, &missing);
        bcp_diagnostics_free(missing);
        bcp_free_strings(files, count);
        if (count == 0) {
            bcp_cli_eprintf("bcp: %s: no .bcp files in this folder (hidden folders are skipped); nothing checked\n",
                    path);
            return BCP_EXIT_ERROR;
        }
    }
    return -1;
}

static void free_options(check_options *o)
{
    bcp_operands_free(&o->paths);
    bcp_cli_list_free(&o->select);
    bcp_cli_list_free(&o->ignore);
    bcp_cli_list_free(&o->regimes);
}

int bcp_cmd_check(int argc, char **argv)
{
    check_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status >= 0) {
        free_options(&o);
        return status;
    }
    status = empty_folder(&o);
    if (status >= 0) {
        free_options(&o);
        return status;
    }
    bcp_report_options report = {BCP_REPORT_TEXT, false, true, o.docs_url};
    bcp_report_format_from_name(o.format_name, &report.format);
    report.color = report.format == BCP_REPORT_TEXT && !o.output && bcp_common_color(&o.common, stdout);
    bcp_diagnostics *findings, *problems;
    char *summary = NULL;
    size_t summary_length = 0;
    bcp_status s = o.summary ? bcp_check_paths_summary((const char *const *)o.paths.items, (size_t)o.paths.count,
                                                       &o.check,
                                                       report.format == BCP_REPORT_JSON ? BCP_SUMMARY_JSON
                                                                                        : BCP_SUMMARY_TEXT,
                                                       &summary, &summary_length, &findings, &problems)
                             : bcp_check_paths((const char *const *)o.paths.items, (size_t)o.paths.count, &o.check,
                                               &findings, &problems);
    if (s == BCP_ERR_INVALID) {
        const bcp_diagnostic *why = bcp_diagnostics_get(problems, 0);
        status = bcp_usage_error("check", "%s", why ? why->message : "invalid option");
    } else {
        bcp_cli_print_problems(problems, false);
        size_t length;
        if (!report.docs_url)
            report.docs_url = bcp_diagnostics_docs_url(findings); /* bcpconfig.bcp's docs_url */
        char *text = o.summary ? summary : bcp_report_render(findings, &report, &length);
        if (o.summary) {
            length = summary_length;
            summary = NULL;
        }
        bool io_ok = write_report(o.output, text, length, s == BCP_OK);
        bcp_free(text);
        bool failing = bcp_diagnostics_count_at_least(findings, BCP_SEV_ERROR) > 0 ||
                       (!o.fail_on_error_only && bcp_diagnostics_count_at_least(findings, BCP_SEV_WARNING) > 0);
        if (s != BCP_OK || !io_ok || bcp_diagnostics_has_syntax_errors(findings))
            status = BCP_EXIT_ERROR;
        else
            status = failing && !o.exit_zero ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
    }
    bcp_free(summary);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
    free_options(&o);
    return status;
}
