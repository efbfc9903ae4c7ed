/* Work on all cores: a fixed set of independent jobs shared out to up to one
 * thread per core (this thread included), finished before the call returns.
 * Callers keep results per job and merge them in job order, so the output
 * never depends on the threads. */
#ifndef BCP_WORKERS_H
#define BCP_WORKERS_H
#include <stdbool.h>
#include <stddef.h>

/* How many threads a batch may use (cores, at most 8, or the limit set). */
size_t bcp_worker_threads(void);
/* Fixes the threads of every later batch, small ones included (tests force
 * concurrency this way on any machine); 0 = one per core.  Call it before
 * any batch runs, not while one does. */
void bcp_workers_set_limit(size_t threads);
/* Calls run(items + i * item_size) once for each i < count. */
void bcp_run_parallel(void (*run)(void *item), void *items, size_t item_size, size_t count);
/* The same, told how much work the batch holds (bytes of input or a like
 * measure): below BCP_PARALLEL_MIN_WORK it runs on this thread alone, since
 * starting threads would cost more than it saves. */
enum { BCP_PARALLEL_MIN_WORK = 16 * 1024 };
void bcp_run_parallel_sized(void (*run)(void *item), void *items, size_t item_size, size_t count,
                            size_t work);

#endif
