/* serve13b: the cancel token of the public API (bcp.h, "cancelling a call").
 * Its flag is what tree-sitter watches (ts_parser_set_cancellation_flag) and
 * what base/call.h's bcp_call_cancelled reads: a size_t, atomic loads and
 * stores only. */
#include "bcp.h"

#include "api_internal.h"
#include "base/alloc.h"

struct bcp_cancel {
    size_t flag;
};

bcp_cancel *bcp_cancel_new(void)
{
    return bcp_calloc(1, sizeof(bcp_cancel));
}

void bcp_cancel_free(bcp_cancel *cancel)
{
    bcp_free(cancel);
}

void bcp_cancel_request(bcp_cancel *cancel)
{
    if (cancel)
        __atomic_store_n(&cancel->flag, 1, __ATOMIC_RELAXED);
}

bool bcp_cancel_requested(const bcp_cancel *cancel)
{
    return cancel && __atomic_load_n(&cancel->flag, __ATOMIC_RELAXED) != 0;
}

const size_t *bcp_cancel_flag(const bcp_cancel *cancel)
{
    return cancel ? &cancel->flag : NULL;
}
