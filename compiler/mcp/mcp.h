/* `bcp mcp`: a Model Context Protocol server over stdio (docs/mcp.md).
 *
 * A face of the library like the CLI and the language server: it uses
 * include/bcp.h only (and jansson for JSON).  server.c speaks JSON-RPC 2.0,
 * one message per line, and answers tools/call with the library's service
 * layer (bcp_service_call_cancellable), scoped to one root folder, on the
 * worker thread of work.c, so that notifications/cancelled can stop a call
 * while the reading thread answers the rest; resources and prompts
 * come from the catalogue, the schema docs and the stdlib (the prompts' prose
 * from stdlib/locale/<lang>/mcp.bcp); git.c reads a plan at a git revision
 * for the diff tool. */
#ifndef BCP_MCP_H
#define BCP_MCP_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <stdio.h>

#include "bcp.h"

typedef struct mcp_options {
    const char *root;          /* NULL: the current folder */
    bool cancel_at_eof;        /* end of input cancels the tool calls not yet answered (the stdio
                                  server); false: they are answered first (a file of messages) */
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

/* work.c: the worker thread that runs the tool calls in order of arrival,
 * each under its own bcp_cancel token, and the one writer thread through
 * which every message goes out, whole, in the order queued. */
typedef struct mcp_work mcp_work;
#define MCP_MAX_WAITING 32     /* tool calls waiting for the worker; one more is refused */
typedef enum { MCP_SUBMIT_QUEUED, MCP_SUBMIT_ID_IN_USE, MCP_SUBMIT_BUSY, MCP_SUBMIT_NO_MEMORY } mcp_submit;
/* NULL when a thread cannot be started. */
mcp_work *mcp_work_start(const bcp_service *svc, FILE *out);
/* Queues the message `msg` (taken) for output. */
void mcp_work_send(mcp_work *w, json_t *msg);
/* Queues tool call `id` (copied) with its arguments' JSON text `request`
 * (taken); refused when a call of the same id is running or waiting, or when
 * MCP_MAX_WAITING wait. */
mcp_submit mcp_work_submit(mcp_work *w, json_t *id, const char *tool, char *request, bool modern);
/* notifications/cancelled: a waiting call is dropped, the running one's token
 * tripped; neither is answered.  False: no such call (unknown or answered). */
bool mcp_work_cancel(mcp_work *w, json_t *id);
/* End of input: with `cancel`, the calls not yet answered are cancelled,
 * else they run; then every queued message is written and the threads end.
 * Frees `w`. */
void mcp_work_stop(mcp_work *w, bool cancel);

/* server.c, on the worker: the response to tool call `id` (a JSON-RPC
 * message), or NULL when `cancel` stopped it. */
json_t *mcp_tool_answer(const bcp_service *svc, json_t *id, const char *tool, const char *request, bool modern,
                        const bcp_cancel *cancel);

/* git.c: bcp_revision_reader running `git cat-file blob REV:./PATH` in the
 * root; `user` points at the size_t byte limit. */
bcp_status mcp_git_read(void *user, const char *root, const char *path, const char *revision, char **text,
                        size_t *length, char **error);

#endif
