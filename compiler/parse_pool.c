#define _DEFAULT_SOURCE
#include "parse_pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "syntax.h"

enum { MAX_THREADS = 8 };

typedef struct batch {
    bcp_parse_task *tasks;
    size_t count;
    atomic_size_t next;
} batch;

size_t bcp_parse_threads(void)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    if (cores < 1)
        return 1;
    return cores > MAX_THREADS ? MAX_THREADS : (size_t)cores;
}

static void *worker(void *arg)
{
    batch *b = arg;
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_bcp());
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->count)
            break;
        bcp_parse_task *t = &b->tasks[i];
        if (t->ranged)
            ts_parser_set_included_ranges(parser, &t->range, 1);
        else
            ts_parser_set_included_ranges(parser, NULL, 0);
        t->tree = ts_parser_parse_string(parser, NULL, t->text, t->length);
    }
    ts_parser_delete(parser);
    return NULL;
}

void bcp_parse_tasks(bcp_parse_task *tasks, size_t count)
{
    batch b = {.tasks = tasks, .count = count};
    atomic_init(&b.next, 0);
    size_t threads = bcp_parse_threads();
    if (threads > count)
        threads = count;
    pthread_t ids[MAX_THREADS];
    size_t started = 0;
    for (size_t i = 1; i < threads; i++)
        if (pthread_create(&ids[started], NULL, worker, &b) == 0)
            started++;
    worker(&b); /* this thread works too; if no thread could start, it does it all */
    for (size_t i = 0; i < started; i++)
        pthread_join(ids[i], NULL);
}
