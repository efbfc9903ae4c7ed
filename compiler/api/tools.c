/* Helpers the tools part's operations share: a memory stream for lower
 * layers that still write to a FILE, and building the sets they return. */
#define _POSIX_C_SOURCE 200809L
#include "tools.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

FILE *bcp_memout_open(bcp_memout *m)
{
    m->data = NULL;
    m->length = 0;
    m->file = open_memstream(&m->data, &m->length);
    return m->file;
}

char *bcp_memout_take(bcp_memout *m, size_t *length)
{
    if (m->file)
        fclose(m->file);
    m->file = NULL;
    size_t n = m->data ? m->length : 0;
    char *text = bcp_malloc(n + 1);
    if (n)
        memcpy(text, m->data, n);
    text[n] = '\0';
    free(m->data);
    m->data = NULL;
    if (length)
        *length = n;
    return text;
}

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
