/* bcp serve: the daemon (libmicrohttpd, one thread per connection, a bounded
 * number of connections), request bodies with a size limit, routing, and the
 * Server-Sent Events stream of file changes.  No file is written. */
#define _POSIX_C_SOURCE 200809L
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
/* perf7: libmicrohttpd is loaded at first use (mhd_lazy.h), not at start-up. */
#include "mhd_lazy.h"
/* end of perf7 */
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

struct serve_state {
    serve_config cfg;
    bcp_service *svc;
    serve_watch *watch;
    serve_pool *pool;
};

const bcp_service *serve_service(const serve_state *st) { return st->svc; }
const char *serve_root(const serve_state *st) { return bcp_service_root(st->svc); }
const serve_config *serve_cfg(const serve_state *st) { return &st->cfg; }
serve_watch *serve_watcher(serve_state *st) { return st->watch; }

void serve_buf_add(serve_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t c = b->cap ? b->cap * 2 : 4096;
        while (c < b->len + n + 1)
            c *= 2;
        char *g = bcp_malloc(c);
        if (b->len)
            memcpy(g, b->data, b->len);
        bcp_free(b->data);
        b->data = g;
        b->cap = c;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static char *dup_bytes(const char *s, size_t n)
{
    char *p = bcp_malloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void serve_text(serve_reply *r, unsigned status, const char *type, const char *text, size_t length)
{
    r->status = status;
    r->type = type;
    r->body = dup_bytes(text, length);
    r->length = length;
}

void serve_error(serve_reply *r, unsigned status, const char *code, const char *message)
{
    const bcp_code *c = bcp_code_lookup(code);
    json_t *err = json_pack("{s:{s:s,s:s,s:s}}", "error", "code", code, "name",
                            c ? c->name : "", "message", message);
    char *text = json_dumps(err, JSON_COMPACT);
    json_decref(err);
    serve_text(r, status, "application/json", text ? text : "{}", text ? strlen(text) : 2);
    free(text);
}

/* ------------------------------------------------------------ a request */

typedef struct request {
    serve_buf body;
    bool too_large;
} request;

static void request_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                              enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    request *rq = *con_cls;
    if (rq) {
        bcp_free(rq->body.data);
        bcp_free(rq);
        *con_cls = NULL;
    }
}

static enum MHD_Result send_reply(struct MHD_Connection *c, serve_reply *r)
{
    struct MHD_Response *resp =
        MHD_create_response_from_buffer(r->length, r->body ? r->body : (char *)"", MHD_RESPMEM_MUST_COPY);
    bcp_free(r->body);
    r->body = NULL;
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type ? r->type : "application/json");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->type && strncmp(r->type, "text/html", 9) == 0)
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; script-src 'self'; object-src 'none'; "
                                "base-uri 'none'; frame-ancestors 'none'");
    if (r->status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, POST");
    enum MHD_Result ok = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    return ok;
}

static enum MHD_Result reply_error(struct MHD_Connection *c, unsigned status, const char *code,
                                   const char *message)
{
    serve_reply r = {0};
    serve_error(&r, status, code, message);
    return send_reply(c, &r);
}

/* ------------------------------------------------------------ events */

typedef struct sse {
    serve_state *st;
    unsigned long seen;
    bool started;
} sse;

static ssize_t sse_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    sse *e = cls;
    if (max < 1200)
        return 0;
    if (!e->started) {
        e->started = true;
        return snprintf(buf, max, "retry: 500\n: bcp serve\n\n");
    }
    char path[1024] = "";
    unsigned long now = serve_watch_wait(e->st->watch, e->seen, 15000, path, sizeof path);
    if (now == (unsigned long)-1)
        return MHD_CONTENT_READER_END_OF_STREAM;
    if (now == e->seen)
        return snprintf(buf, max, ": keep-alive\n\n");
    e->seen = now;
    json_t *j = json_pack("{s:s,s:i}", "path", path, "change", (json_int_t)now);
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    int n = snprintf(buf, max, "event: change\ndata: %s\n\n", text ? text : "{}");
    free(text);
    return n < 0 || (size_t)n >= max ? 0 : n;
}

static void sse_free(void *cls) { bcp_free(cls); }

static enum MHD_Result serve_events(serve_state *st, struct MHD_Connection *c)
{
    sse *e = bcp_malloc(sizeof *e);
    e->st = st;
    e->started = false;
    e->seen = serve_watch_wait(st->watch, (unsigned long)-2, 0, NULL, 0);
    struct MHD_Response *resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, sse_read, e, sse_free);
    if (!resp) {
        bcp_free(e);
        return MHD_NO;
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "text/event-stream");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, resp);
    MHD_destroy_response(resp);
    return ok;
}

/* ------------------------------------------------------------ routing */

/* The work of a request, on a thread of the pool (pool.c); also the fuzz
 * target's entry point (no sockets). */
void serve_route(serve_state *st, const char *method, const char *url, const char *body, size_t length,
                  serve_reply *r)
{
    if (strncmp(url, "/v1/", 4) == 0 || strcmp(url, "/v1") == 0) {
        serve_api(st, method, url, body, length, r);
    } else if (serve_preview(st, url, r)) {
        if (strcmp(method, "GET") != 0) {
            bcp_free(r->body);
            serve_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, "E321", "the preview takes GET");
        }
    } else {
        serve_error(r, MHD_HTTP_NOT_FOUND, "E320", "no such page or endpoint");
    }
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
    (void)version;
    serve_state *st = cls;
    request *rq = *con_cls;
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    bool post = strcmp(method, "POST") == 0;
    if (!rq) {
        rq = bcp_malloc(sizeof *rq);
        memset(rq, 0, sizeof *rq);
        *con_cls = rq;
        if (!get && !post)
            return reply_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "E321", "only GET and POST are served");
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > st->cfg.max_request)
            return reply_error(c, 413, "E322", "the request body is larger than the limit");
        return MHD_YES;
    }
    if (*upload_data_size) {
        size_t n = *upload_data_size;
        *upload_data_size = 0;
        if (rq->too_large || rq->body.len + n > st->cfg.max_request)
            rq->too_large = true;
        else
            serve_buf_add(&rq->body, upload_data, n);
        return MHD_YES;
    }
    if (rq->too_large)
        return reply_error(c, 413, "E322", "the request body is larger than the limit");
    if (strcmp(url, "/events") == 0) {
        if (!get)
            return reply_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "E321", "/events takes GET");
        return serve_events(st, c);
    }
    serve_reply r = {0};
    serve_pool_run(st->pool, serve_route, get ? "GET" : "POST", url, rq->body.data ? rq->body.data : "", rq->body.len,
                   st->cfg.time_limit_ms, &r);
    return send_reply(c, &r);
}

serve_state *serve_state_new(const serve_config *cfg)
{
    bcp_service_options so = {0};
    so.root = cfg->dir;
    so.stdlib_dir = cfg->stdlib_dir;
    so.today = cfg->today;
    so.max_request = cfg->max_request;
    bcp_service *svc = bcp_service_new(&so);
    if (!svc)
        return NULL;
    serve_state *st = bcp_malloc(sizeof *st);
    memset(st, 0, sizeof *st);
    st->cfg = *cfg;
    st->svc = svc;
    return st;
}

void serve_state_free(serve_state *st)
{
    if (!st)
        return;
    bcp_service_free(st->svc);
    bcp_free(st);
}

/* ------------------------------------------------------------ main */

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    (void)fmt;
    (void)ap;   /* libmicrohttpd's messages name peers and sockets, not plans; kept quiet */
}

int bcp_serve_main(const char *dir, const char *bind, int port, const char *stdlib_dir,
                   const char *today, size_t max_request, unsigned timeout_s, unsigned time_limit_ms)
{
    serve_state st = {0};
    st.cfg.dir = dir ? dir : ".";
    st.cfg.bind = bind ? bind : "127.0.0.1";
    st.cfg.port = port;
    st.cfg.stdlib_dir = stdlib_dir;
    st.cfg.today = today;
    st.cfg.max_request = max_request ? max_request : 4u << 20;
    st.cfg.timeout_s = timeout_s ? timeout_s : 30;
    st.cfg.max_connections = 64;
    st.cfg.time_limit_ms = time_limit_ms ? time_limit_ms : SERVE_TIME_LIMIT_MS;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    st.cfg.workers = cores < 2 ? 2 : cores > 16 ? 16 : (unsigned)cores;

    struct sockaddr_storage addr;
    memset(&addr, 0, sizeof addr);
    bool v6 = false;
    struct sockaddr_in *a4 = (struct sockaddr_in *)&addr;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&addr;
    if (inet_pton(AF_INET, st.cfg.bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)port);
    } else if (inet_pton(AF_INET6, st.cfg.bind, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)port);
        v6 = true;
    } else {
        fprintf(stderr, "bcp serve: --bind takes an IPv4 or IPv6 address, not '%s'\n", st.cfg.bind);
        return 2;
    }

    bcp_service_options so = {0};
    so.root = st.cfg.dir;
    so.stdlib_dir = stdlib_dir;
    so.today = today;
    so.max_request = st.cfg.max_request;
    st.svc = bcp_service_new(&so);
    if (!st.svc) {
        fprintf(stderr, "bcp serve: '%s' is not a folder\n", st.cfg.dir);
        return 2;
    }
    st.watch = serve_watch_start(bcp_service_root(st.svc));
    if (!st.watch)
        fprintf(stderr, "bcp serve: cannot watch '%s' (inotify): the preview will not update by itself\n",
                st.cfg.dir);

    /* The pool runs one request per core, so a request's own work stays on
     * its thread (the library would start threads per batch otherwise). */
    bcp_set_worker_threads(1);
    st.pool = serve_pool_start(&st, st.cfg.workers, st.cfg.max_connections);
    if (!st.pool) {
        fprintf(stderr, "bcp serve: cannot start the request threads\n");
        serve_watch_free(st.watch);
        bcp_service_free(st.svc);
        return 2;
    }

    /* SIGINT and SIGTERM are taken by sigwait below; the daemon's threads inherit the mask. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_ERROR_LOG | (v6 ? MHD_USE_IPv6 : 0);
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)port, NULL, NULL, handle, &st,
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_CONNECTION_LIMIT, st.cfg.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, st.cfg.max_connections,
        MHD_OPTION_CONNECTION_TIMEOUT, st.cfg.timeout_s,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, request_completed, NULL,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, "bcp serve: cannot listen on %s port %d: %s\n", st.cfg.bind, port,
                errno ? strerror(errno) : "libmicrohttpd refused");
        serve_watch_stop(st.watch);
        serve_pool_stop(st.pool);
        serve_watch_free(st.watch);
        bcp_service_free(st.svc);
        return 2;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    unsigned bound = info ? info->port : (unsigned)port;
    fprintf(stderr, v6 ? "listening on http://[%s]:%u/\n" : "listening on http://%s:%u/\n", st.cfg.bind, bound);
    fflush(stderr);

    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "bcp serve: stopping\n");
    serve_watch_stop(st.watch);
    MHD_stop_daemon(d);
    serve_pool_stop(st.pool);
    serve_watch_free(st.watch);
    bcp_service_free(st.svc);
    return 0;
}
