#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>

void *bcp_grow(void *items, size_t *capacity, size_t count, size_t item_size)
{
    if (count < *capacity)
        return items;
    size_t want = *capacity ? *capacity * 2 : 16;
    while (want <= count)
        want *= 2;
    items = realloc(items, want * item_size);
    if (!items) {
        fputs("bcp: out of memory\n", stderr);
        abort();
    }
    *capacity = want;
    return items;
}
