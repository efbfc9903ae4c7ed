/* Growable heap arrays.  Running out of memory aborts: bcp cannot go on
 * without it, and an error path at every push would bury the real work. */
#ifndef BCP_ALLOC_H
#define BCP_ALLOC_H
#include <stddef.h>

/* Makes room for item `count` in `items` (doubling *capacity when it is
 * full) and returns the array, which may have moved:
 *     list->items = bcp_grow(list->items, &list->capacity, list->count, sizeof *list->items);
 *     list->items[list->count++] = item; */
void *bcp_grow(void *items, size_t *capacity, size_t count, size_t item_size);

#endif
