/* A call's own state (see call.h). */
#include "call.h"

#include <string.h>

static _Thread_local bcp_call_state thread_own;
static _Thread_local bcp_call_state *installed;

bcp_call_state *bcp_call_current(void)
{
    return installed ? installed : &thread_own;
}

bcp_call_state *bcp_call_begin(bcp_call_state *c)
{
    bcp_call_state *outer = installed;
    if (!outer)
        installed = c;
    return outer;
}

void bcp_call_end(bcp_call_state *outer)
{
    if (!outer)
        installed = NULL;
}

void bcp_call_adopt(bcp_call_state *c)
{
    installed = c;
}

bool bcp_call_cancelled(void)
{
    const size_t *flag = bcp_call_current()->cancel;
    return flag && __atomic_load_n(flag, __ATOMIC_RELAXED) != 0;
}

const size_t *bcp_call_cancel_flag(void)
{
    return bcp_call_current()->cancel;
}
