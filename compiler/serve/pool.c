/* bcp serve: the threads that run the requests' work.  libmicrohttpd keeps
 * one thread per connection for the sockets; the work of a request (a check,
 * a build, a preview page) runs on one of a fixed set of threads, one per
 * core, so that 64 busy connections do not share 2 cores 64 ways.  The
 * connection's thread waits for its job up to the time limit: past it the
 * client gets 504 E324 (or 503 E325 when the job never got a thread) and the
 * server goes on.  A job that has started is cancelled at the limit
 * (serve13b: bcp_cancel_request on its token, which the library's service
 * call watches): it stops soon after, its reply is dropped, and its thread
 * takes the next job. */
#define _POSIX_C_SOURCE 200809L
#include "serve.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef enum { JOB_QUEUED, JOB_RUNNING, JOB_DONE } job_state;

typedef struct job {
    serve_work work;
    const char *method, *url, *body;   /* in `own`: the job may outlive its caller */
    char *own;
    size_t length;
    serve_reply reply;
    job_state state;
    bool abandoned;                    /* the caller gave up: the worker frees the job */
    bcp_cancel *cancel;                /* tripped when the caller gives up (serve13b) */
    pthread_cond_t done;
    struct job *next;
} job;

struct serve_pool {
    serve_state *st;
    pthread_mutex_t lock;
    pthread_cond_t work;               /* a job was queued, or the pool stops */
    job *head, *tail;
    size_t queued, max_queue;
    bool stopping;
    unsigned count;
    pthread_t *threads;
};

/* The token of the job this pool thread runs (NULL elsewhere). */
static _Thread_local const bcp_cancel *job_cancel;

const bcp_cancel *serve_job_cancel(void)
{
    return job_cancel;
}

static void job_free(job *j)
{
    pthread_cond_destroy(&j->done);
    bcp_cancel_free(j->cancel);
    bcp_free(j->reply.body);
    bcp_free(j->own);
    bcp_free(j);
}

static void *worker(void *arg)
{
    serve_pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->head && !p->stopping)
            pthread_cond_wait(&p->work, &p->lock);
        if (!p->head)
            break;   /* stopping, and nothing left */
        job *j = p->head;
        p->head = j->next;
        if (!p->head)
            p->tail = NULL;
        p->queued--;
        j->state = JOB_RUNNING;
        pthread_mutex_unlock(&p->lock);
        job_cancel = j->cancel;
        j->work(p->st, j->method, j->url, j->body, j->length, &j->reply);
        job_cancel = NULL;
        pthread_mutex_lock(&p->lock);
        j->state = JOB_DONE;
        if (j->abandoned)
            job_free(j);
        else
            pthread_cond_signal(&j->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

serve_pool *serve_pool_start(serve_state *st, unsigned workers, size_t max_queue)
{
    serve_pool *p = bcp_malloc(sizeof *p);
    memset(p, 0, sizeof *p);
    p->st = st;
    p->max_queue = max_queue;
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    p->threads = bcp_malloc((workers ? workers : 1) * sizeof *p->threads);
    for (unsigned i = 0; i < workers; i++) {
        if (pthread_create(&p->threads[p->count], NULL, worker, p) != 0)
            break;
        p->count++;
    }
    if (!p->count) {
        serve_pool_stop(p);
        return NULL;
    }
    return p;
}

void serve_pool_stop(serve_pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stopping = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (unsigned i = 0; i < p->count; i++)
        pthread_join(p->threads[i], NULL);
    /* The daemon has stopped: no caller waits, and no job is left queued. */
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->lock);
    bcp_free(p->threads);
    bcp_free(p);
}

/* The job's copies of what it reads: its caller may leave before it ends. */
static void copy_inputs(job *j, const char *method, const char *url, const char *body)
{
    size_t m = strlen(method) + 1, u = strlen(url) + 1;
    j->own = bcp_malloc(m + u + j->length + 1);
    memcpy(j->own, method, m);
    memcpy(j->own + m, url, u);
    if (j->length)
        memcpy(j->own + m + u, body, j->length);
    j->own[m + u + j->length] = '\0';
    j->method = j->own;
    j->url = j->own + m;
    j->body = j->own + m + u;
}

static void unqueue(serve_pool *p, job *j)
{
    job **at = &p->head, *prev = NULL;
    while (*at && *at != j) {
        prev = *at;
        at = &(*at)->next;
    }
    if (*at) {
        *at = j->next;
        if (p->tail == j)
            p->tail = prev;
        p->queued--;
    }
}

bool serve_pool_run(serve_pool *p, serve_work work, const char *method, const char *url, const char *body,
                    size_t length, unsigned limit_ms, serve_reply *r)
{
    job *j = bcp_malloc(sizeof *j);
    memset(j, 0, sizeof *j);
    j->work = work;
    j->length = length;
    j->cancel = bcp_cancel_new();
    copy_inputs(j, method, url, body);
    j->state = JOB_QUEUED;
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&j->done, &ca);
    pthread_condattr_destroy(&ca);

    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += limit_ms / 1000;
    deadline.tv_nsec += (long)(limit_ms % 1000) * 1000000L;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }

    pthread_mutex_lock(&p->lock);
    if (p->queued >= p->max_queue || p->stopping) {
        pthread_mutex_unlock(&p->lock);
        job_free(j);
        serve_error(r, 503, "E325", "the server is busy: every request thread is taken; try again");
        return false;
    }
    if (p->tail)
        p->tail->next = j;
    else
        p->head = j;
    p->tail = j;
    p->queued++;
    pthread_cond_signal(&p->work);
    int rc = 0;
    while (j->state != JOB_DONE && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&j->done, &p->lock, &deadline);
    if (j->state == JOB_DONE) {
        pthread_mutex_unlock(&p->lock);
        *r = j->reply;
        j->reply.body = NULL;
        job_free(j);
        return true;
    }
    char message[160];
    if (j->state == JOB_QUEUED) {
        unqueue(p, j);
        pthread_mutex_unlock(&p->lock);
        job_free(j);
        snprintf(message, sizeof message,
                 "the server is busy: the request waited %u ms (the time limit) for a thread; try again",
                 limit_ms);
        serve_error(r, 503, "E325", message);
        return false;
    }
    j->abandoned = true;   /* running: the worker frees it when it is done */
    bcp_cancel_request(j->cancel);   /* ...which is soon: the call stops (serve13b) */
    pthread_mutex_unlock(&p->lock);
    snprintf(message, sizeof message,
             "the request's work took longer than the time limit of %u ms (bcp serve --time-limit)", limit_ms);
    serve_error(r, 504, "E324", message);
    return false;
}
