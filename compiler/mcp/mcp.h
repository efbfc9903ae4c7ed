/* `bcp mcp`: a Model Context Protocol server over stdio (docs/mcp.md).
 *
 * A face of the library like the CLI and the language server: it uses
 * include/bcp.h only (and jansson for JSON).  server.c speaks JSON-RPC 2.0,
 * one message per line, and answers tools/call with the library's service
 * layer (bcp_service_call), scoped to one root folder; resources and prompts
 * come from the catalogue, the schema docs and the stdlib (the prompts' prose
 * from stdlib/locale/<lang>/mcp.bcp); git.c reads a plan at a git revision
 * for the diff tool. */
#ifndef BCP_MCP_H
#define BCP_MCP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "bcp.h"

typedef struct mcp_options {
    const char *root;          /* NULL: the current folder */
    bool allow_write;
    const char *stdlib_dir;
    const char *today;
    const char *docs_url;
    size_t max_bytes;          /* one request / one plan; 0: 4 MiB */
} mcp_options;

/* Serves on `in_fd` / `out` until end of input; the process exit status. */
int mcp_serve(int in_fd, FILE *out, const mcp_options *options);

/* The CLI's entry (declared in compiler/cli/cli.h too). */
int bcp_mcp_serve_stdio(const char *root, bool allow_write, const char *stdlib_dir, const char *today,
                        const char *docs_url, size_t max_bytes);

/* git.c: bcp_revision_reader running `git cat-file blob REV:./PATH` in the
 * root; `user` points at the size_t byte limit. */
bcp_status mcp_git_read(void *user, const char *root, const char *path, const char *revision, char **text,
                        size_t *length, char **error);

#endif
