/* The `bcp` command line: one table of commands, one function each. */
#ifndef BCP_CLI_H
#define BCP_CLI_H
#include <stdbool.h>
#include <stdio.h>

#define BCP_VERSION "0.1.0"

enum { BCP_EXIT_OK = 0, BCP_EXIT_FINDINGS = 1, BCP_EXIT_ERROR = 2 };

typedef struct bcp_command {
    const char *name;
    const char *summary;
    const char *usage;     /* full help text */
    int (*run)(int argc, char **argv);
} bcp_command;

/* Options every command understands. */
typedef struct bcp_common_options {
    const char *stdlib_dir;
    bool color;
} bcp_common_options;

int bcp_cli_main(int argc, char **argv);
/* Prints "bcp: message" to stderr and returns BCP_EXIT_ERROR. */
int bcp_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Whether colour should be used on `out` (TTY, NO_COLOR unset). */
bool bcp_want_color(FILE *out);
/* Expands FILE|DIR arguments into a sorted list of .bcp files (DIRs recursively,
 * hidden folders skipped). Returns false on a missing path (reported). */
bool bcp_collect_files(char **args, int count, char ***files, size_t *file_count);
void bcp_free_files(char **files, size_t count);

int bcp_cmd_check(int argc, char **argv);
int bcp_cmd_build(int argc, char **argv);
int bcp_cmd_init(int argc, char **argv);
int bcp_cmd_parse(int argc, char **argv);
int bcp_cmd_schema(int argc, char **argv);
int bcp_cmd_fmt(int argc, char **argv);
int bcp_cmd_diff(int argc, char **argv);
int bcp_cmd_rules(int argc, char **argv);
int bcp_cmd_explain(int argc, char **argv);

#endif
