#define _DEFAULT_SOURCE
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const bcp_command commands[] = {
    {"check", "check plans for syntax, model and lint errors",
     "usage: bcp check [options] FILE|DIR|- ...\n"
     "\n"
     "Parses each plan, builds its model (references, imports, types), runs the lint\n"
     "rules (`bcp rules` lists them) and reports every problem as file:line:col with\n"
     "the source line and a caret.  A module that a plan imports is checked in the\n"
     "context of that plan.  Rules are configured by the nearest bcpconfig.bcp above\n"
     "the checked file: config { select = [...] ignore = [...] profile = iso22301\n"
     "severity { RULE = error } per_file_ignores { NAME { files = [GLOB] ignore = [...] } }\n"
     "docs_url = \"URL\" limits { NAME = VALUE } }.\n"
     "A comment `# bcp: ignore[CODE-OR-NAME,...]` suppresses findings on its line (or,\n"
     "standing alone, on the next line); `# bcp: ignore-file[...]` in the whole file.\n"
     "\n"
     "options:\n"
     "  --format FMT      text (default), gcc, json, sarif or github\n"
     "  --output FILE     write the report to FILE (atomically) instead of stdout\n"
     "  --docs-url BASE   SARIF: each rule's helpUri is BASE/CODE.md (or BASE with {code}\n"
     "                    replaced); wins over bcpconfig.bcp's docs_url; without\n"
     "                    either SARIF carries no helpUri\n"
     "  --select RULES    run only these rules: codes, names, prefixes (D, D1), families\n"
     "                    (data, risk, impact, people, maintenance, hygiene, regimes) or ALL;\n"
     "                    comma-separated, replaces the config's select\n"
     "  --ignore RULES    skip these rules (replaces the config's ignore)\n"
     "  --profile NAME    thresholds: default, iso22301, nist-800-34, ffiec or dora\n"
     "  --regime NAME     also check regulatory regime NAME (finra-4370, dora, ...), comma-separated\n"
     "  --today DATE      the date rules compare with (YYYY-MM-DD); else SOURCE_DATE_EPOCH,\n"
     "                    else the clock\n"
     "  --fail-on LEVEL   warning (default: errors and warnings fail) or error; info never fails\n"
     "  --exit-zero       exit 0 even when there are findings (syntax and I/O errors still 2)\n"
     "  --config FILE     use FILE instead of the nearest bcpconfig.bcp\n"
     "  --no-config       ignore bcpconfig.bcp files\n"
     "  --no-lint         report syntax and model errors only\n"
     "  --summary         instead of the findings: each plan's readiness score (0-100) by\n"
     "                    area with what lowers it, and the findings counted (text or\n"
     "                    --format json; docs/readiness.md)\n"
     "  --stdlib DIR      read the standard library from DIR instead of the built-in copy\n"
     "  --color WHEN      auto (default), always or never; NO_COLOR disables colour\n"
     "  --limit NAME=N    raise an input limit: file-size, nesting, string-length,\n"
     "                    line-length, imports or findings (any command; wins over\n"
     "                    bcpconfig.bcp's limits block; docs/language.md, Limits)\n"
     "\n"
     "exit status: 0 clean, 1 findings, 2 syntax, usage or I/O error (also: a folder\n"
     "without .bcp files, output that cannot be written)\n",
     bcp_cmd_check},
    {"parse", "print the syntax tree of a file",
     "usage: bcp parse --tree FILE|-\n"
     "\n"
     "Prints the tree-sitter syntax tree as an S-expression with field names and\n"
     "[row, column] positions. Exit status 2 when the file has syntax errors.\n",
     bcp_cmd_parse},
    {"schema", "print the language reference generated from the schema",
     "usage: bcp schema [--markdown] [--regions]\n"
     "\n"
     "Prints every entity kind and attribute with its type, whether it is required,\n"
     "its default and an example (the reference part of docs/language.md).\n"
     "--regions prints the places of the stdlib's region data with their facts and\n"
     "sources instead (the generated part of docs/regions.md).\n",
     bcp_cmd_schema},
    {"fmt", "format plans in the canonical layout",
     "usage: bcp fmt [--check] [--diff] [-w] FILE|DIR|- ...\n"
     "\n"
     "Prints each plan in the one canonical layout (docs/fmt.md): 2-space indent, one\n"
     "attribute per line with aligned `=` unless the block is short, wrapped lists,\n"
     "blank lines between blocks; comments and multi-line strings are kept.\n"
     "The result is checked to mean exactly what the original means.\n"
     "\n"
     "options:\n"
     "  -w, --write   rewrite the files in place (atomically, mode kept) and list them\n"
     "  --check       write nothing; list the files that are not formatted; exit 1 if any\n"
     "  --diff        print a unified diff of the changes instead of the files\n"
     "\n"
     "A file with syntax errors is never rewritten: its errors are printed, exit 2.\n"
     "exit status: 0 ok, 1 --check found unformatted files, 2 syntax, usage or I/O error\n",
     bcp_cmd_fmt},
    {"diff", "semantic diff of two versions of a plan",
     "usage: bcp diff [--format text|markdown|json] [--stdlib DIR] OLD NEW\n"
     "       bcp diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE\n"
     "       bcp diff --dump FILE\n"
     "\n"
     "Compares the models of two versions of a plan: entities added, removed and\n"
     "changed attribute by attribute, and a section on changes that weaken the plan\n"
     "(objectives loosened, backups less frequent or not offsite, contacts or\n"
     "alternates removed, risks raised without a new strategy, reviews moved back,\n"
     "exercises dropped or less frequent).  Layout and comments are ignored.\n"
     "The 7-argument form is git's external diff protocol (docs/diff.md).\n"
     "--dump prints the canonical text of one plan's model.\n"
     "\n"
     "options:\n"
     "  --format FMT   text (default) or markdown (for a pull-request comment)\n"
     "  --stdlib DIR   read the standard library from DIR instead of the built-in copy\n"
     "\n"
     "exit status: 0 no differences, 1 differences, 2 error (--git: 0 unless error)\n",
     bcp_cmd_diff},
    {"rules", "list the lint rules",
     "usage: bcp rules [--format text|markdown]\n"
     "\n"
     "Lists every lint rule: code, name, default severity and summary.\n",
     bcp_cmd_rules},
    {"explain", "explain a diagnostic code or lint rule, with examples",
     "usage: bcp explain [--markdown] CODE|NAME\n"
     "       bcp explain --all --markdown\n"
     "\n"
     "Prints the documentation of any code bcp reports: a syntax (E0xx), model (E1xx)\n"
     "or configuration (E2xx) error with what it means and an example, or a lint\n"
     "rule with its rationale and source clause, how to fix a finding, and a plan\n"
     "that triggers it next to one that does not.\n"
     "--markdown prints the page docs/rules/CODE.md is generated from; --all\n"
     "--markdown prints every code on one page (docs/diagnostics.md).\n",
     bcp_cmd_explain},
    {"build", "compile a plan into Markdown, HTML, JSON (and PDF) documents",
     "usage: bcp build [options] FILE...\n"
     "\n"
     "Compiles each plan into NAME.md, NAME.html and NAME.json, where NAME is the\n"
     "file's name without its folder and without .bcp, whatever the path\n"
     "(plan.bcp, ../plan.bcp and /srv/acme/plan.bcp all give plan.*). The stdlib\n"
     "supplies the prose in the document language; the plan supplies every table.\n"
     "\n"
     "The plan is checked first, as `bcp check` checks it (the nearest\n"
     "bcpconfig.bcp and `# bcp: ignore[...]` comments apply). A plan with syntax\n"
     "or model errors builds nothing. A plan with lint errors builds nothing\n"
     "either: its findings are printed and the exit status is 1, unless --draft\n"
     "is given. A draft carries a DRAFT mark on every page (a banner in Markdown,\n"
     "a mark on screen and on every printed page in HTML, \"draft\": true in JSON)\n"
     "and an appendix listing the open findings. Warnings do not stop a build.\n"
     "\n"
     "A text that secret-in-plan (H102) flags is never written to a document,\n"
     "draft or not and even when the finding is suppressed: it is replaced by a\n"
     "\"[redacted]\" mark in the document's language, and a warning says where.\n"
     "The documents of a plan are written all or none.\n"
     "\n"
     "--format pdf also writes NAME.pdf: the HTML printed by headless Chromium\n"
     "(chromium on PATH) with a cover, a running header and \"Page X of Y\"; without\n"
     "Chromium nothing is written (E160) and the exit status is 2.\n"
     "\n"
     "options:\n"
     "  -o, --output DIR   where to write the documents (default: .)\n"
     "  --draft            build even with lint errors; the documents are marked as a draft\n"
     "  --format LIST      md,html,json,pdf (default: md,html,json)\n"
     "  --paper SIZE       a4 (default) or letter: the printed page of the HTML and PDF\n"
     "  --lang LOCALE      zh-CN or en (default: the plan's `language`, else en)\n"
     "  --stdlib DIR       read the standard library from DIR instead of the built-in copy\n"
     "  --color WHEN       auto (default), always or never, for diagnostics\n"
     "\n"
     "exit status: 0 built, 1 lint errors (nothing built), 2 errors in the plan,\n"
     "usage or I/O error (nothing built)\n",
     bcp_cmd_build},
    {"init", "write a starter plan from an industry preset",
     "usage: bcp init --industry NAME [--size SIZE] [--sites A,B] [--lang LOCALE] [-o FILE] [--force]\n"
     "\n"
     "Writes a starter plan (default plan.bcp) with the industry's baseline risks,\n"
     "typical critical functions, recovery phases, communication scenarios,\n"
     "exercises and training. It builds at once; every value you must supply is\n"
     "marked TODO, and `bcp check` lists them.\n"
     "\n"
     "options:\n"
     "  --industry NAME  manufacturing, finance, professional_services, retail,\n"
     "                   healthcare, logistics or technology\n"
     "  --size SIZE      micro, small, medium or large (default: small)\n"
     "  --sites LIST     comma-separated site names (default: one placeholder site)\n"
     "  --lang LOCALE    zh-CN or en (default: en)\n"
     "  -o, --output FILE  where to write (default: plan.bcp; - for stdout)\n"
     "  --force          overwrite an existing file\n"
     "  --stdlib DIR     read the standard library from DIR\n",
     bcp_cmd_init},
    {"lsp", "serve the Language Server Protocol on stdin/stdout (for editors)",
     "usage: bcp lsp [--stdio] [--debounce MS] [--today YYYY-MM-DD] [--docs-url BASE] [--stdlib DIR]\n"
     "\n"
     "Speaks the Language Server Protocol 3.17 on standard input and output: an\n"
     "editor starts it (editors/ has the configurations) and gets diagnostics as you\n"
     "type, completion, hover, go to definition, references, symbols, rename,\n"
     "formatting and fixes.\n"
     "\n"
     "options:\n"
     "  --stdio          accepted for editors that pass it (stdio is the only transport)\n"
     "  --debounce MS    wait MS milliseconds after the last edit before checking (default 50)\n"
     "  --today DATE     check as on DATE (default: SOURCE_DATE_EPOCH, else the clock)\n"
     "  --docs-url BASE  link each diagnostic to BASE/CODE.md\n"
     "  --stdlib DIR     read the standard library from DIR\n",
     bcp_cmd_lsp},
    /* ---- simulate (issue 14) ---- */
    {"simulate", "what the plan says happens when something is lost",
     "usage: bcp simulate PLAN --lose KIND.ID [--lose ...] [--at DATETIME] [--for DURATION]\n"
     "       bcp simulate PLAN --scenario ID | --all-scenarios | --each\n"
     "\n"
     "Loses sites, systems, suppliers, people (contacts, teams), resources, assets or\n"
     "functions and follows the plan's dependencies to every function that stops,\n"
     "directly or through the functions it needs. For each: why (the chain), the\n"
     "recovery path the plan offers (alternate site after its activation_time,\n"
     "substitute or deputy, DR site, backup restore_time or the system's RTO,\n"
     "alternate supplier after switch_time less stock, spare asset), when it is\n"
     "back, and the verdict against its RTO and MTPD: within-rto, rto-missed,\n"
     "time-unknown, mtpd-breached or no-recovery-path (docs/simulate.md).\n"
     "\n"
     "options:\n"
     "  --lose KIND.ID    what is lost (repeatable; \"a,b\" lists several)\n"
     "  --scenario ID     lose what the scenario's `loses` names\n"
     "  --all-scenarios   every scenario with `loses`, one after the other\n"
     "  --each            every single site, system, supplier and key person in\n"
     "                    turn; lists those whose loss breaches an MTPD (rule B111)\n"
     "  --at DATETIME     when the loss starts (YYYY-MM-DD[THH:MM], UTC): times of return\n"
     "  --for DURATION    the loss ends after DURATION: what is not back by then is\n"
     "                    back when it ends\n"
     "  --format FMT      text (default), json, md (tables) or html (a page with a\n"
     "                    timeline figure per simulation: bars against RTO and MTPD)\n"
     "  --stdlib DIR      read the standard library from DIR\n"
     "\n"
     "exit status: 0 no MTPD breached, 1 an MTPD breached, 2 error (an unknown\n"
     "KIND.ID is error E210, with the nearest id)\n",
     bcp_cmd_simulate},
    /* ---- end simulate ---- */
    {"graph", "draw the dependency graph of a plan (DOT, SVG or Mermaid)",
     "usage: bcp graph [options] PLAN\n"
     "\n"
     "Prints what depends on what in the plan: functions on systems, equipment,\n"
     "suppliers, sites, people and other functions; systems on their vendors, sites\n"
     "and backup holders; stand-ins (deputies, substitutes, alternates, DR sites)\n"
     "dashed. Single points of failure and the critical path are marked\n"
     "(docs/graph.md). Sorted by kind and id: the same plan gives the same bytes.\n"
     "\n"
     "options:\n"
     "  --format FMT      dot (default), svg (laid out by Graphviz) or mermaid\n"
     "  --focus KIND.ID   only that entity, what it depends on and what depends on it\n"
     "  --lang LANG       labels in LANG (default: the plan's language)\n"
     "  -o, --output FILE write to FILE instead of standard output\n"
     "  --stdlib DIR      read the standard library from DIR\n"
     "\n"
     "exit status: 0 written, 2 error (plan errors, unknown --focus, layout failed)\n",
     bcp_cmd_graph},
    /* bcp mcp (issue 13) */
    {"mcp", "serve the Model Context Protocol on stdin/stdout (for AI assistants)",
     "usage: bcp mcp [--root DIR] [--allow-write] [--max-bytes SIZE] [--today YYYY-MM-DD]\n"
     "               [--docs-url BASE] [--stdlib DIR]\n"
     "\n"
     "Speaks the Model Context Protocol (revision 2025-06-18; 2025-03-26 and\n"
     "2024-11-05 accepted) on standard input and output: an AI assistant starts it\n"
     "and gets the tools check, build, init, explain, schema, format and diff, the\n"
     "language reference, rule pages, stdlib modules and the plans under the root as\n"
     "resources, and the prompts draft-plan and review-plan (docs/mcp.md).\n"
     "\n"
     "options:\n"
     "  --root DIR        serve the plans under DIR (default: the current folder);\n"
     "                    nothing outside it is read\n"
     "  --allow-write     let build (html), init and format write files under the root\n"
     "  --max-bytes SIZE  the largest request and plan accepted (default 4M)\n"
     "  --today DATE      check as on DATE (default: SOURCE_DATE_EPOCH, else the clock)\n"
     "  --docs-url BASE   each finding's docs_url: BASE/CODE.md (default bcp://rules/CODE)\n"
     "  --stdlib DIR      read the standard library from DIR\n",
     bcp_cmd_mcp},
    /* ==== serve part (issue 13) */
    {"serve", "serve the HTTP JSON API and a live preview of the plans in a folder",
     "usage: bcp serve [DIR] [--port N] [--bind ADDR] [--max-request SIZE] [--timeout S]\n"
     "                 [--time-limit MS] [--today YYYY-MM-DD] [--stdlib DIR]\n"
     "\n"
     "Serves the plans under DIR (default: the current folder) over HTTP until\n"
     "interrupted: a JSON API under /v1/ (check, build, format, diff, simulate,\n"
     "graph, readiness, explain, schema, plans; docs/openapi.yaml) and at / a\n"
     "live preview, each plan's HTML document beside its findings, updated in\n"
     "the browser when a file changes.\n"
     "Nothing is written; nothing outside DIR is read.\n"
     "\n"
     "options:\n"
     "  --port N           the TCP port (default 8080; 0: a free one, printed on stderr)\n"
     "  --bind ADDR        the address to listen on (default 127.0.0.1)\n"
     "  --max-request SIZE the largest request body (default 4M; 413 above it)\n"
     "  --timeout S        close a connection idle for S seconds (default 30)\n"
     "  --time-limit MS    answer 504 when a request's work takes longer (default 10000)\n"
     "  --today DATE       check as on DATE (default: SOURCE_DATE_EPOCH, else the clock)\n"
     "  --stdlib DIR       read the standard library from DIR\n",
     bcp_cmd_serve},
    /* ==== end of serve part */
    {"version", "print the version", "usage: bcp version\n", cmd_version},
    {"help", "show help for a command", "usage: bcp help [COMMAND]\n", cmd_help},
};
static const size_t command_count = sizeof commands / sizeof *commands;

static void print_overview(FILE *out)
{
    fputs("bcp - business continuity plans as code\n\n"
          "usage: bcp COMMAND [options] [args]\n\ncommands:\n", out);
    for (size_t i = 0; i < command_count; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun `bcp help COMMAND` for the options of one command.\n", out);
}

static const bcp_command *find_command(const char *name)
{
    for (size_t i = 0; i < command_count; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("bcp %s\n", BCP_VERSION);
    return BCP_EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stdout);
        return BCP_EXIT_OK;
    }
    const bcp_command *c = find_command(argv[1]);
    if (!c)
        return bcp_usage_error("help", "unknown command '%s'", argv[1]);
    fputs(c->usage, stdout);
    return BCP_EXIT_OK;
}

static void put_escaped_v(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    char *text = bcp_malloc((size_t)n + 1);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    size_t len = (size_t)n;
    bool newline = len > 0 && text[len - 1] == '\n';
    char *escaped = bcp_escape_text(text, newline ? len - 1 : len);
    fputs(escaped, stderr);
    if (newline)
        fputc('\n', stderr);
    bcp_free(escaped);
    bcp_free(text);
}

void bcp_cli_eprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_escaped_v(fmt, ap);
    va_end(ap);
}

int bcp_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bcp: ", stderr);
    put_escaped_v(fmt, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, "\n(see `bcp help %s`)\n", command);
    else
        fputc('\n', stderr);
    return BCP_EXIT_ERROR;
}

bool bcp_want_color(FILE *out)
{
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    return isatty(fileno(out));
}

bool bcp_option_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    if (strcmp(argv[*i], name) == 0 && *i + 1 < argc) {
        *value = argv[++*i];
        return true;
    }
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=') {
        *value = argv[*i] + n + 1;
        return true;
    }
    return false;
}

bool bcp_common_option(int argc, char **argv, int *i, unsigned which, bcp_common_options *o)
{
    if ((which & BCP_OPT_STDLIB) && bcp_option_value(argc, argv, i, "--stdlib", &o->stdlib_dir))
        return true;
    if ((which & BCP_OPT_COLOR) && bcp_option_value(argc, argv, i, "--color", &o->color))
        return true;
    if ((which & BCP_OPT_COLOR) && strcmp(argv[*i], "--no-color") == 0) {
        o->color = "never";
        return true;
    }
    return false;
}

int bcp_common_check(const bcp_common_options *o, const char *command)
{
    const char *c = o->color;
    if (c && strcmp(c, "auto") && strcmp(c, "always") && strcmp(c, "never"))
        return bcp_usage_error(command, "--color takes auto, always or never");
    return -1;
}

bool bcp_common_color(const bcp_common_options *o, FILE *out)
{
    const char *c = o->color ? o->color : "auto";
    return strcmp(c, "always") == 0 || (strcmp(c, "auto") == 0 && bcp_want_color(out));
}

bool bcp_list_next(const char **cursor, const char **item, size_t *len)
{
    const char *p = *cursor;
    while (*p == ',' || *p == ' ')
        p++;
    *item = p;
    while (*p && *p != ',' && *p != ' ')
        p++;
    *len = (size_t)(p - *item);
    *cursor = p;
    return *len > 0;
}

void bcp_operands_init(bcp_operands *ops, int argc)
{
    ops->items = bcp_cli_alloc(((size_t)argc + 1) * sizeof *ops->items);
    ops->count = 0;
    ops->after_dashes = false;
}

bool bcp_operand(bcp_operands *ops, char *arg)
{
    if (ops->after_dashes || arg[0] != '-' || arg[1] == '\0') {
        ops->items[ops->count++] = arg;
        return true;
    }
    if (strcmp(arg, "--") == 0) {
        ops->after_dashes = true;
        return true;
    }
    return false;
}

void bcp_operands_free(bcp_operands *ops)
{
    free(ops->items);
    ops->items = NULL;
    ops->count = 0;
}

void *bcp_cli_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p) {
        fputs("bcp: out of memory\n", stderr);
        exit(BCP_EXIT_ERROR);
    }
    return p;
}

char *bcp_cli_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(bcp_cli_alloc(n), s, n);
}

void bcp_cli_list_split(bcp_cli_list *list, const char *arg)
{
    const char *item;
    size_t n;
    while (bcp_list_next(&arg, &item, &n)) {
        char **items = realloc(list->items, (list->count + 1) * sizeof *items);
        if (!items) {
            fputs("bcp: out of memory\n", stderr);
            exit(BCP_EXIT_ERROR);
        }
        list->items = items;
        char *copy = bcp_cli_alloc(n + 1);
        memcpy(copy, item, n);
        list->items[list->count++] = copy;
    }
}

void bcp_cli_list_free(bcp_cli_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}

void bcp_cli_print_diagnostics(FILE *out, const bcp_diagnostics *set, bool color)
{
    bcp_report_options text = {BCP_REPORT_TEXT, color, false};
    size_t length;
    char *report = bcp_report_render(set, &text, &length);
    fwrite(report, 1, length, out);
    bcp_free(report);
}

void bcp_cli_print_problems(const bcp_diagnostics *problems, bool color)
{
    for (size_t i = 0; i < bcp_diagnostics_count(problems); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(problems, i);
        if (d->location.path) {
            /* one at a time, so that messages and located problems keep their order */
            bcp_report_options text = {BCP_REPORT_TEXT, color, false};
            size_t length;
            char *report = bcp_report_render_item(problems, i, &text, &length);
            fwrite(report, 1, length, stderr);
            bcp_free(report);
        } else {
            bcp_cli_eprintf("bcp: %s%s\n", d->severity == BCP_SEV_WARNING ? "warning: " : "", d->message);
        }
    }
}

/* Takes every `--limit NAME=VALUE` (any command, before "--") out of argv and
 * sets it; BCP_EXIT_ERROR with a message for a bad one, else -1. */
static int take_limits(int *argc, char **argv, const char *command)
{
    int out = 2;
    bool options = true;
    for (int i = 2; i < *argc; i++) {
        const char *value = NULL;
        if (options && strcmp(argv[i], "--") == 0)
            options = false;
        if (!options || !bcp_option_value(*argc, argv, &i, "--limit", &value)) {
            argv[out++] = argv[i];
            continue;
        }
        const char *eq = strchr(value, '=');
        char name[32];
        uint64_t n = 0;
        if (!eq || (size_t)(eq - value) >= sizeof name)
            return bcp_usage_error(command, "--limit takes NAME=VALUE, as in --limit nesting=200");
        snprintf(name, sizeof name, "%.*s", (int)(eq - value), value);
        if (!bcp_limit_get(name))
            return bcp_usage_error(command, "unknown limit '%s' (file-size, nesting, string-length, "
                                   "line-length, imports or findings)", name);
        if (!bcp_limit_parse(eq + 1, &n) || bcp_limit_set(name, n) != BCP_OK)
            return bcp_usage_error(command, "--limit %s takes a number from 1 to %llu", name,
                                   (unsigned long long)bcp_limit_max(name));
    }
    argv[out] = NULL;
    *argc = out;
    return -1;
}

/* Every command's output to stdout ends here: whatever the command wrote is
 * flushed (and, at the end of the program, the stream closed), and a write
 * that failed on the way (a full disk, /dev/full) turns the exit status into
 * an I/O error with a message, so that a caller never takes a truncated
 * output for a complete one.  The error is reported once. */
static int finish_stdout(int status, bool close_it)
{
    errno = 0;
    bool failed = fflush(stdout) != 0;
    int error = errno;
    failed = ferror(stdout) || failed;
    if (close_it && fclose(stdout) != 0 && !failed) {
        failed = true;
        error = errno;
    }
    if (!failed)
        return status;
    if (!close_it)
        clearerr(stdout);
    fprintf(stderr, "bcp: cannot write to standard output: %s\n", error ? strerror(error) : "write error");
    return BCP_EXIT_ERROR;
}

int bcp_cli_exit(int status)
{
    return finish_stdout(status, true);
}

static int run_command(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stderr);
        return BCP_EXIT_ERROR;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cmd_help(1, argv + 1);
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
        return cmd_version(0, NULL);
    const bcp_command *c = find_command(name);
    if (!c)
        return bcp_usage_error(NULL, "unknown command '%s' (run `bcp help`)", name);
    int limit_error = take_limits(&argc, argv, c->name);
    if (limit_error >= 0)
        return limit_error;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(c->usage, stdout);
            return BCP_EXIT_OK;
        }
    }
    return c->run(argc - 1, argv + 1);
}

int bcp_cli_main(int argc, char **argv)
{
    return finish_stdout(run_command(argc, argv), false);
}

/* ==== mcp13: the stdio servers' shared options ==== */
bool bcp_server_option(int argc, char **argv, int *i, bcp_server_options *o)
{
    const struct {
        const char *name;
        const char **value;
    } table[] = {{"--stdlib", &o->stdlib_dir}, {"--docs-url", &o->docs_url}, {"--today", &o->today}};
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (bcp_option_value(argc, argv, i, table[k].name, table[k].value))
            return true;
    return false;
}
/* ==== end mcp13 ==== */
