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

typedef struct call {
    struct call *next;
    json_t *id;              /* the request's id, the key of a cancellation */
    char *tool, *request;    /* the tool's name, its arguments as JSON text */
    bool modern;             /* structuredContent in the result */
    bool cancelled;          /* by notifications/cancelled or end of input */
    bcp_cancel *cancel;
} call;

typedef struct line {
    struct line *next;
    char *text;              /* one message, without its newline */
} line;

struct mcp_work {
    const bcp_service *svc;
    FILE *out;
    pthread_mutex_t lock;
    pthread_cond_t calls;    /* a call was queued, or the input ended */
    pthread_cond_t lines;    /* a line was queued, or the writer may stop */
    call *first, *last;      /* waiting for the worker */
    size_t waiting;
    call *running;           /* the worker's call */
    bool ended;              /* no more input: the worker stops when the queue is empty */
    line *head, *tail;       /* waiting for the writer */
    bool writer_stop;
    bool write_failed;
    pthread_t worker, writer;
};

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
    l->next = NULL;
    l->text = text;
    if (w->tail)
        w->tail->next = l;
    else
        w->head = l;
    w->tail = l;
    pthread_cond_signal(&w->lines);
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
    for (;;) {
        while (!w->head && !w->writer_stop)
            pthread_cond_wait(&w->lines, &w->lock);
        line *l = w->head;
        if (!l)
            break;
        w->head = l->next;
        if (!w->head)
            w->tail = NULL;
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
    for (;;) {
        while (!w->first && !w->ended)
            pthread_cond_wait(&w->calls, &w->lock);
        call *c = w->first;
        if (!c)
            break;
        w->first = c->next;
        if (!w->first)
            w->last = NULL;
        w->waiting--;
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

mcp_work *mcp_work_start(const bcp_service *svc, FILE *out)
{
    mcp_work *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->svc = svc;
    w->out = out;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->calls, NULL);
    pthread_cond_init(&w->lines, NULL);
    if (pthread_create(&w->writer, NULL, writer_main, w) != 0) {
        pthread_cond_destroy(&w->lines);
        pthread_cond_destroy(&w->calls);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    if (pthread_create(&w->worker, NULL, worker_main, w) != 0) {
        pthread_mutex_lock(&w->lock);
        w->writer_stop = true;
        pthread_cond_signal(&w->lines);
        pthread_mutex_unlock(&w->lock);
        pthread_join(w->writer, NULL);
        pthread_cond_destroy(&w->lines);
        pthread_cond_destroy(&w->calls);
        pthread_mutex_destroy(&w->lock);
        free(w);
        return NULL;
    }
    return w;
}

/* The call of `id`, running or waiting (its link in *link); the lock is held. */
static call *find(mcp_work *w, json_t *id, call ***link)
{
    *link = NULL;
    if (w->running && json_equal(w->running->id, id))
        return w->running;
    for (call **p = &w->first; *p; p = &(*p)->next)
        if (json_equal((*p)->id, id)) {
            *link = p;
            return *p;
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
    call **link;
    mcp_submit verdict = find(w, id, &link) ? MCP_SUBMIT_ID_IN_USE
                         : w->waiting >= MCP_MAX_WAITING ? MCP_SUBMIT_BUSY : MCP_SUBMIT_QUEUED;
    if (verdict == MCP_SUBMIT_QUEUED) {
        if (w->last)
            w->last->next = c;
        else
            w->first = c;
        w->last = c;
        w->waiting++;
        pthread_cond_signal(&w->calls);
    }
    pthread_mutex_unlock(&w->lock);
    if (verdict != MCP_SUBMIT_QUEUED)
        call_free(c);
    return verdict;
}

/* Takes the waiting call behind `link` out of the queue; the lock is held. */
static void unlink_waiting(mcp_work *w, call **link)
{
    call *c = *link;
    *link = c->next;
    if (w->last == c) {
        w->last = NULL;
        for (call *p = w->first; p; p = p->next)
            w->last = p;
    }
    w->waiting--;
    call_free(c);
}

bool mcp_work_cancel(mcp_work *w, json_t *id)
{
    pthread_mutex_lock(&w->lock);
    call **link;
    call *c = find(w, id, &link);
    if (c && link) {
        unlink_waiting(w, link);
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
        while (w->first)
            unlink_waiting(w, &w->first);
        if (w->running) {
            w->running->cancelled = true;
            bcp_cancel_request(w->running->cancel);
        }
    }
    pthread_cond_signal(&w->calls);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->worker, NULL);
    pthread_mutex_lock(&w->lock);
    w->writer_stop = true;
    pthread_cond_signal(&w->lines);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->writer, NULL);
    pthread_cond_destroy(&w->lines);
    pthread_cond_destroy(&w->calls);
    pthread_mutex_destroy(&w->lock);
    free(w);
}
