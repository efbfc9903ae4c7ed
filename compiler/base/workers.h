/* Work on all cores: a fixed set of independent jobs shared out to up to one
 * thread per core (this thread included), finished before the call returns.
 * Callers keep results per job and merge them in job order, so the output
 * never depends on the threads. */
#ifndef BCP_WORKERS_H
#define BCP_WORKERS_H
#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

/* How many threads a batch may use (cores, at most 8). */
size_t bcp_worker_threads(void);
/* Calls run(items + i * item_size) once for each i < count. */
void bcp_run_parallel(void (*run)(void *item), void *items, size_t item_size, size_t count);

/* Parsing: each worker thread has its own TSParser (a parser is not
 * thread-safe; the language tables are shared read-only). */
typedef struct bcp_parse_task {
    const char *text;     /* the whole source; with `ranged`, only `range` is parsed */
    uint32_t length;
    bool ranged;
    TSRange range;
    TSTree *tree;         /* the result, owned by the caller */
} bcp_parse_task;

void bcp_parse_tasks(bcp_parse_task *tasks, size_t count);

#endif
