/* Helpers the tools part's operations share: building the diagnostic sets
 * they return. */
#include "tools.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

bcp_diagnostics *bcp_tools_set_from(const bcp_diag_list *list, bcp_severity at_least)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    for (size_t i = 0; list && i < list->count; i++)
        if (list->items[i].severity >= at_least)
            bcp_diagnostics_add(set, &list->items[i]);
    return set;
}

void bcp_tools_give(bcp_diagnostics **out, bcp_diagnostics *set)
{
    if (out)
        *out = set;
    else
        bcp_diagnostics_free(set);
}
