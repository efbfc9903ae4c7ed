/* bcp_set_worker_threads (include/bcp.h): the public face of the workers'
 * thread limit (base/workers.h). */
#include "bcp.h"

#include "base/workers.h"

void bcp_set_worker_threads(size_t threads)
{
    bcp_workers_set_limit(threads);
}
