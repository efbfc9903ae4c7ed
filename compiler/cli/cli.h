/* The `bcp` command line: one table of commands, one function each.  The
 * commands use the library through include/bcp.h only: it returns, they print. */
#ifndef BCP_CLI_H
#define BCP_CLI_H
#include <stdbool.h>
#include <stdio.h>

#include "bcp.h"

enum { BCP_EXIT_OK = 0, BCP_EXIT_FINDINGS = 1, BCP_EXIT_ERROR = 2 };

typedef struct bcp_command {
    const char *name;
    const char *summary;
    const char *usage;     /* full help text */
    int (*run)(int argc, char **argv);
} bcp_command;

/* Options several commands share; each command names the ones it takes. */
enum { BCP_OPT_STDLIB = 1, BCP_OPT_COLOR = 2 };
typedef struct bcp_common_options {
    const char *stdlib_dir;   /* --stdlib DIR; NULL: the built-in copy */
    const char *color;        /* --color WHEN, --no-color; NULL: auto */
} bcp_common_options;

/* Matches `NAME VALUE` and `NAME=VALUE` at argv[*i]; *i moves past the value. */
bool bcp_option_value(int argc, char **argv, int *i, const char *name, const char **value);
/* Takes argv[*i] (and its value) when it is one of the common options in
 * `which` (BCP_OPT_COLOR covers --color and --no-color). */
bool bcp_common_option(int argc, char **argv, int *i, unsigned which, bcp_common_options *o);
/* ==== mcp13: the options the stdio servers (bcp lsp, bcp mcp) share ==== */
typedef struct bcp_server_options {
    const char *stdlib_dir;   /* --stdlib DIR */
    const char *docs_url;     /* --docs-url BASE */
    const char *today;        /* --today YYYY-MM-DD */
} bcp_server_options;
/* Matches one of them at argv[*i] (as bcp_option_value). */
bool bcp_server_option(int argc, char **argv, int *i, bcp_server_options *o);
/* ==== end mcp13 ==== */
/* After parsing: BCP_EXIT_ERROR with a usage message for a bad value, else -1. */
int bcp_common_check(const bcp_common_options *o, const char *command);
/* Whether `out` gets colour: --color always, or auto and bcp_want_color. */
bool bcp_common_color(const bcp_common_options *o, FILE *out);

/* The next item of a list such as "md,html json" (commas and spaces
 * separate items); false at the end. */
bool bcp_list_next(const char **cursor, const char **item, size_t *len);

/* A command's operands: arguments that do not start with '-', a lone "-"
 * (standard input) and everything after "--". */
typedef struct bcp_operands {
    char **items;
    int count;
    bool after_dashes;
} bcp_operands;
void bcp_operands_init(bcp_operands *ops, int argc);
/* True when `arg` is an operand (now in ops->items) or the "--" ending the options. */
bool bcp_operand(bcp_operands *ops, char *arg);
void bcp_operands_free(bcp_operands *ops);

/* Runs one command; its stdout output is flushed and checked (a failed
 * write: a message and BCP_EXIT_ERROR). */
int bcp_cli_main(int argc, char **argv);
/* At the end of the program: closes stdout, checking it once more. */
int bcp_cli_exit(int status);
/* Prints "bcp: message" to stderr and returns BCP_EXIT_ERROR. */
int bcp_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* fprintf to stderr with what the arguments bring escaped (bcp_escape_text):
 * a path or an argument cannot drive the terminal or forge a line.  The
 * message's own final newline stays a newline. */
void bcp_cli_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Whether colour should be used on `out` (TTY, NO_COLOR unset). */
bool bcp_want_color(FILE *out);
/* A list of strings the CLI owns (e.g. the items of --select a,b). */
typedef struct bcp_cli_list {
    char **items;
    size_t count;
} bcp_cli_list;
/* Appends the items of "a,b c" (commas and spaces separate them). */
void bcp_cli_list_split(bcp_cli_list *list, const char *arg);
void bcp_cli_list_free(bcp_cli_list *list);

/* Prints what stopped an operation to stderr: located diagnostics as text
 * (colour when `color`), messages as "bcp: message" ("bcp: warning: ..." for
 * warnings). */
void bcp_cli_print_problems(const bcp_diagnostics *problems, bool color);
/* Prints a set as a text report (no summary) to `out`. */
void bcp_cli_print_diagnostics(FILE *out, const bcp_diagnostics *set, bool color);
/* Never NULL: out of memory ends the program. */
void *bcp_cli_alloc(size_t size);
char *bcp_cli_strdup(const char *s);

int bcp_cmd_check(int argc, char **argv);
int bcp_cmd_build(int argc, char **argv);
int bcp_cmd_init(int argc, char **argv);
int bcp_cmd_parse(int argc, char **argv);
int bcp_cmd_schema(int argc, char **argv);
int bcp_cmd_fmt(int argc, char **argv);
int bcp_cmd_diff(int argc, char **argv);
int bcp_cmd_rules(int argc, char **argv);
int bcp_cmd_explain(int argc, char **argv);
int bcp_cmd_lsp(int argc, char **argv);
/* simulate (issue 14) */
int bcp_cmd_simulate(int argc, char **argv);
/* bcp graph (cmd_graph.c): the dependency graph as DOT, SVG or Mermaid. */
int bcp_cmd_graph(int argc, char **argv);
/* The language server (compiler/lsp/, on bcp.h like the CLI): serves LSP on
 * standard input and output until `exit`; the exit status. */
int bcp_lsp_serve_stdio(int debounce_ms, const char *stdlib_dir, const char *docs_url, const char *today);
/* bcp mcp (issue 13): the Model Context Protocol server (compiler/mcp/). */
int bcp_cmd_mcp(int argc, char **argv);
int bcp_mcp_serve_stdio(const char *root, bool allow_write, const char *stdlib_dir, const char *today,
                        const char *docs_url, size_t max_bytes);
/* ==== serve part (issue 13) ====
 * bcp serve; the HTTP server (compiler/serve/, on bcp.h like the CLI) serves
 * DIR until SIGINT or SIGTERM; the exit status. */
int bcp_cmd_serve(int argc, char **argv);
int bcp_serve_main(const char *dir, const char *bind, int port, const char *stdlib_dir,
                   const char *today, size_t max_request, unsigned timeout_s, unsigned time_limit_ms);
/* ==== end of serve part */

#endif
