#define _DEFAULT_SOURCE
#include "workers.h"

#include "call.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

enum { MAX_THREADS = 8 };

/* Set once before any batch runs (tests, a future --jobs); 0 = one per core. */
static size_t thread_limit;

void bcp_workers_set_limit(size_t threads)
{
    thread_limit = threads > MAX_THREADS ? MAX_THREADS : threads;
}

size_t bcp_worker_threads(void)
{
    if (thread_limit)
        return thread_limit;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        return 1;
    return cores > MAX_THREADS ? MAX_THREADS : (size_t)cores;
}

typedef struct batch {
    void (*run)(void *item);
    char *items;
    size_t item_size, count;
    atomic_size_t next;
    bcp_call_state *call;   /* the caller's call: its limits and cancel flag hold here too */
} batch;

static void take_items(batch *b)
{
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->count)
            break;
        b->run(b->items + i * b->item_size);
    }
}

static void *worker(void *arg)
{
    batch *b = arg;
    bcp_call_adopt(b->call);
    take_items(b);
    return NULL;
}

void bcp_run_parallel(void (*run)(void *item), void *items, size_t item_size, size_t count)
{
    bcp_run_parallel_sized(run, items, item_size, count, BCP_PARALLEL_MIN_WORK);
}

void bcp_run_parallel_sized(void (*run)(void *item), void *items, size_t item_size, size_t count,
                            size_t work)
{
    batch b = {.run = run, .items = items, .item_size = item_size, .count = count, .call = bcp_call_current()};
    atomic_init(&b.next, 0);
    /* Starting a thread costs more than a small batch's whole work. */
    size_t threads = work < BCP_PARALLEL_MIN_WORK && !thread_limit ? 1 : bcp_worker_threads();
    if (threads > count)
        threads = count;
    pthread_t ids[MAX_THREADS];
    size_t started = 0;
    for (size_t i = 1; i < threads; i++)
        if (pthread_create(&ids[started], NULL, worker, &b) == 0)
            started++;
    take_items(&b); /* this thread works too; if no thread could start, it does it all */
    for (size_t i = 0; i < started; i++)
        pthread_join(ids[i], NULL);
}
