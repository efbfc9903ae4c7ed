/* bcp mcp: the threads behind the reading one (issue 13, cancellation).
 *
 * The thread that reads standard input answers the quick requests itself
 * and hands each tools/call to one worker thread, which runs the calls one
 * after another in the order they came, each under a cancellation token of
 * its own (bcp_service_call_cancellable).  So the reader is never stuck
 * behind a long check or build: it goes on answering ping, lists and
 * resources, and it sees a notifications/cancelled while the call runs.
 *
 * Cancelling a call that waits in the queue takes it out; cancelling the one
 * that runs trips its token, and the library stops soon after.  Either way
 * no response is sent for it: the worker drops a cancelled call's answer,
 * deciding under the lock, so that a cancellation that comes after the
 * answer was queued is the "finished" case the spec lets a server ignore.
 *
 * Every message goes out through one writer thread, whole (one line each)
 * and in the order it was queued: the reader's answers as it reads, a tool
 * call's when it ends.  The reader never waits for standard output, so a
 * client slow to read does not stop it from seeing a cancellation. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "mcp.h"

/* A queue of the calls or of the lines: each starts with its node. */
typedef struct qnode {
    struct qnode *next;
} qnode;

typedef struct fifo {
    qnode *head, *tail;
    size_t count;
} fifo;

typedef struct call {
    qnode node;              /* first: a call is a node of the calls' queue */
    json_t *id;              /* the request's id, the key of a cancellation */
    char *tool, *request;    /* the tool's name, its arguments as JSON text */
    bool modern;             /* structuredContent in the result */
    bool cancelled;          /* by notifications/cancelled or end of input */
    bcp_cancel *cancel;
} call;

typedef struct line {
    qnode node;              /* first, as in call */
    char *text;              /* one message, without its newline */
} line;

struct mcp_work {
    const bcp_service *svc;
    FILE *out;
    pthread_mutex_t lock;
    pthread_cond_t calls_cond; /* a call was queued, or the input ended */
    pthread_cond_t lines_cond; /* a line was queued, or the writer may stop */
    fifo calls;              /* waiting for the worker */
    call *running;           /* the worker's call */
    bool ended;              /* no more input: the worker stops when the queue is empty */
    fifo lines;              /* waiting for the writer */
    bool writer_stop;
    bool write_failed;
    pthread_t worker, writer;
};

static void fifo_push(fifo *q, qnode *l)
{
    l->next = NULL;
    if (q->tail)
        q->tail->next = l;
    else
        q->head = l;
    q->tail = l;
    q->count++;
}

/* Takes the node behind `at` (&q->head or a node's &next) out of `q`. */
static qnode *fifo_take(fifo *q, qnode **at)
{
    qnode *l = *at;
    *at = l->next;
    if (q->tail == l) {
        q->tail = NULL;
        for (qnode *p = q->head; p; p = p->next)
            q->tail = p;
    }
    q->count--;
    return l;
}

/* The first of `q`, waiting on `cond` until there is one or `*stop`; NULL
 * when stopped and empty.  The lock is held. */
static qnode *fifo_wait(mcp_work *w, fifo *q, pthread_cond_t *cond, const bool *stop)
{
    while (!q->head && !*stop)
        pthread_cond_wait(cond, &w->lock);
    return q->head ? fifo_take(q, &q->head) : NULL;
}

static void call_free(call *c)
{
    json_decref(c->id);
    free(c->tool);
    free(c->request);
    bcp_cancel_free(c->cancel);
    free(c);
}

/* Queues `text` (taken) for the writer; the lock is held. */
static void queue_line(mcp_work *w, char *text)
{
    line *l = malloc(sizeof *l);
    if (!l) {
        free(text);
        return;
    }
    l->text = text;
    fifo_push(&w->lines, &l->node);
    pthread_cond_signal(&w->lines_cond);
}

void mcp_work_send(mcp_work *w, json_t *msg)
{
    char *text = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!text)
        return;
    pthread_mutex_lock(&w->lock);
    queue_line(w, text);
    pthread_mutex_unlock(&w->lock);
}

static void *writer_main(void *arg)
{
    mcp_work *w = arg;
    pthread_mutex_lock(&w->lock);
    line *l;
    while ((l = (line *)fifo_wait(w, &w->lines, &w->lines_cond, &w->writer_stop))) {
        bool failed = w->write_failed;
        pthread_mutex_unlock(&w->lock);
        if (!failed) {
            fputs(l->text, w->out);
            fputc('\n', w->out);
            failed = fflush(w->out) != 0 || ferror(w->out);
        }
        free(l->text);
        free(l);
        pthread_mutex_lock(&w->lock);
        /* a client that closed its end gets nothing more; the rest is dropped */
        w->write_failed = failed;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

static void *worker_main(void *arg)
{
    mcp_work *w = arg;
    pthread_mutex_lock(&w->lock);
    call *c;
    while ((c = (call *)fifo_wait(w, &w->calls, &w->calls_cond, &w->ended))) {
        w->running = c;
        pthread_mutex_unlock(&w->lock);
        json_t *msg = mcp_tool_answer(w->svc, c->id, c->tool, c->request, c->modern, c->cancel);
        char *text = msg ? json_dumps(msg, JSON_COMPACT) : NULL;
        json_decref(msg);
        pthread_mutex_lock(&w->lock);
        w->running = NULL;
        if (text && !c->cancelled)
            queue_line(w, text);
        else
            free(text);
        call_free(c);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

static void destroy(mcp_work *w)
{
    pthread_cond_destroy(&w->lines_cond);
    pthread_cond_destroy(&w->calls_cond);
    pthread_mutex_destroy(&w->lock);
    free(w);
}

/* Lets the writer put out what is queued, waits for it to end, frees `w`. */
static void stop_writer(mcp_work *w)
{
    pthread_mutex_lock(&w->lock);
    w->writer_stop = true;
    pthread_cond_signal(&w->lines_cond);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->writer, NULL);
    destroy(w);
}

mcp_work *mcp_work_start(const bcp_service *svc, FILE *out)
{
    mcp_work *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->svc = svc;
    w->out = out;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->calls_cond, NULL);
    pthread_cond_init(&w->lines_cond, NULL);
    if (pthread_create(&w->writer, NULL, writer_main, w) != 0) {
        destroy(w);
        return NULL;
    }
    if (pthread_create(&w->worker, NULL, worker_main, w) != 0) {
        stop_writer(w);
        return NULL;
    }
    return w;
}

/* The call of `id`, running or waiting (then *at is where the queue holds
 * it); the lock is held. */
static call *find(mcp_work *w, json_t *id, qnode ***at)
{
    *at = NULL;
    if (w->running && json_equal(w->running->id, id))
        return w->running;
    for (qnode **p = &w->calls.head; *p; p = &(*p)->next)
        if (json_equal(((call *)*p)->id, id)) {
            *at = p;
            return (call *)*p;
        }
    return NULL;
}

mcp_submit mcp_work_submit(mcp_work *w, json_t *id, const char *tool, char *request, bool modern)
{
    call *c = calloc(1, sizeof *c);
    if (c) {
        c->id = json_deep_copy(id);
        c->tool = strdup(tool);
        c->request = request;
        c->modern = modern;
        c->cancel = bcp_cancel_new();
        request = NULL;
    }
    free(request);
    if (!c || !c->id || !c->tool || !c->request || !c->cancel) {
        if (c)
            call_free(c);
        return MCP_SUBMIT_NO_MEMORY;
    }
    pthread_mutex_lock(&w->lock);
    qnode **at;
    mcp_submit verdict = find(w, id, &at) ? MCP_SUBMIT_ID_IN_USE
                         : w->calls.count >= MCP_MAX_WAITING ? MCP_SUBMIT_BUSY : MCP_SUBMIT_QUEUED;
    if (verdict == MCP_SUBMIT_QUEUED) {
        fifo_push(&w->calls, &c->node);
        pthread_cond_signal(&w->calls_cond);
    }
    pthread_mutex_unlock(&w->lock);
    if (verdict != MCP_SUBMIT_QUEUED)
        call_free(c);
    return verdict;
}

bool mcp_work_cancel(mcp_work *w, json_t *id)
{
    pthread_mutex_lock(&w->lock);
    qnode **at;
    call *c = find(w, id, &at);
    if (c && at) {
        call_free((call *)fifo_take(&w->calls, at));
    } else if (c) {
        c->cancelled = true;
        bcp_cancel_request(c->cancel);
    }
    pthread_mutex_unlock(&w->lock);
    return c != NULL;
}

void mcp_work_stop(mcp_work *w, bool cancel)
{
    pthread_mutex_lock(&w->lock);
    w->ended = true;
    if (cancel) {
        while (w->calls.head)
            call_free((call *)fifo_take(&w->calls, &w->calls.head));
        if (w->running) {
            w->running->cancelled = true;
            bcp_cancel_request(w->running->cancel);
        }
    }
    pthread_cond_signal(&w->calls_cond);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->worker, NULL);
    stop_writer(w);
}
