/* bcp serve: an HTTP server (libmicrohttpd) on the public API, bcp.h only.
 *   /v1/...          the JSON API, on bcp_service_call (docs/openapi.yaml)
 *   /, /preview/P    the live preview: the plans under DIR, a plan's HTML
 *                    document beside its findings, updated on change
 *   /events          Server-Sent Events: a plan file under DIR changed
 * Nothing is written: the service runs without allow_write. */
#ifndef BCP_SERVE_H
#define BCP_SERVE_H
#include <stdbool.h>
#include <stddef.h>

#include "bcp.h"

typedef struct serve_config {
    const char *dir;          /* the root: plans are read under it only */
    const char *bind;         /* an IPv4 or IPv6 address */
    int port;                 /* 0: a free one */
    const char *stdlib_dir;
    const char *today;
    size_t max_request;       /* bytes of one request body */
    unsigned timeout_s;       /* an idle connection is closed after this */
    unsigned max_connections;
    unsigned time_limit_ms;   /* the work of one request (pool.c): 504 E324 after this */
    unsigned workers;         /* threads that run requests (pool.c): one per core */
} serve_config;

/* A response: status, content type, body (bcp_malloc'd, owned). */
typedef struct serve_reply {
    unsigned status;
    const char *type;
    char *body;
    size_t length;
} serve_reply;

typedef struct serve_state serve_state;

/* A growing NUL-terminated buffer (bcp_malloc'd data, owned). */
typedef struct serve_buf {
    char *data;
    size_t len, cap;
} serve_buf;
void serve_buf_add(serve_buf *b, const char *s, size_t n);

/* The service (the /v1/ operations) and the root's real path. */
const bcp_service *serve_service(const serve_state *st);
const char *serve_root(const serve_state *st);
const serve_config *serve_cfg(const serve_state *st);

/* A JSON error body {"error": {"code", "name", "message"}} with `status`. */
void serve_error(serve_reply *r, unsigned status, const char *code, const char *message);
/* Copies `text` as the body. */
void serve_text(serve_reply *r, unsigned status, const char *type, const char *text, size_t length);

/* api.c: a /v1/ request (url starts with "/v1/"); the method is GET or POST. */
void serve_api(serve_state *st, const char *method, const char *url, const char *body,
               size_t length, serve_reply *r);
/* The /v1/ routes ("GET /v1/schema/{kind}"), for the OpenAPI test: NULL past the end. */
const char *serve_api_route(size_t i);

/* preview.c: the preview's pages and data (GET only). False: not one of them. */
bool serve_preview(serve_state *st, const char *url, serve_reply *r);
/* The plan files under the root (relative paths, sorted), for the index and
 * the preview: a path not among them is 404.  bcp_free_strings. */
bool serve_plan_files(serve_state *st, char ***files, size_t *count);

/* server.c: one request, once its body is read: the /v1/ API, the preview,
 * or 404 (not /events, which streams).  The daemon's handler and the fuzz
 * target tests/fuzz/fuzz_serve.c (no sockets) both route through it. */
void serve_route(serve_state *st, const char *method, const char *url, const char *body, size_t length,
                 serve_reply *r);
/* A state without daemon nor watcher (the fuzz target's); NULL when
 * cfg->dir is not a folder.  serve_state_free. */
serve_state *serve_state_new(const serve_config *cfg);
void serve_state_free(serve_state *st);

/* watch.c: inotify on the root and its folders; bumps the change count. */
typedef struct serve_watch serve_watch;
serve_watch *serve_watch_start(const char *root);
/* Wakes every waiter for good (they return at once from then on). */
void serve_watch_stop(serve_watch *w);
void serve_watch_free(serve_watch *w);
/* Waits up to timeout_ms for the change count to pass `seen`; the count, and
 * in `path` (size bytes) the last changed file, relative. */
unsigned long serve_watch_wait(serve_watch *w, unsigned long seen, int timeout_ms, char *path,
                               size_t size);
serve_watch *serve_watcher(serve_state *st);

/* The default of --time-limit: the work of one request, in milliseconds. */
#define SERVE_TIME_LIMIT_MS 10000u

/* pool.c: the threads that run the requests' work, each request under the
 * time limit.  The work of a request is a function that fills its reply. */
typedef struct serve_pool serve_pool;
typedef void (*serve_work)(serve_state *st, const char *method, const char *url, const char *body,
                           size_t length, serve_reply *r);
serve_pool *serve_pool_start(serve_state *st, unsigned workers, size_t max_queue);
/* Runs `work` on a pool thread and waits for it up to `limit_ms`: true with
 * its reply, or false with a 504 E324 (the work started and is still running:
 * it is cancelled, and its reply is dropped) or a 503 E325 (it never
 * started: every thread was busy) in `r`. */
bool serve_pool_run(serve_pool *p, serve_work work, const char *method, const char *url, const char *body,
                    size_t length, unsigned limit_ms, serve_reply *r);
/* serve13b: the cancel token of the job the calling pool thread runs, which
 * the pool trips at the time limit; NULL outside a job. */
const bcp_cancel *serve_job_cancel(void);
/* Waits for the running work to finish, then frees the pool. */
void serve_pool_stop(serve_pool *p);

/* The CLI's entry (declared in cli/cli.h too): serves until SIGINT or SIGTERM;
 * the exit status. */
int bcp_serve_main(const char *dir, const char *bind, int port, const char *stdlib_dir,
                   const char *today, size_t max_request, unsigned timeout_s, unsigned time_limit_ms);

#endif
