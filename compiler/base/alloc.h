/* The allocation layer: every heap allocation of the library goes through
 * one replaceable allocator (bcp_mem, like cmark-gfm's cmark_mem) and has
 * one out-of-memory path.  The helpers below never return NULL: when the
 * allocator fails they call the out-of-memory handler, which by default
 * aborts (the only abort in the library); bcp_set_oom_handler replaces it,
 * e.g. with one that longjmps out of a request in a server. */
#ifndef BCP_ALLOC_H
#define BCP_ALLOC_H
#include <stddef.h>

#include "bcp.h"

void *bcp_malloc(size_t size);
void *bcp_calloc(size_t count, size_t size);
void *bcp_realloc(void *p, size_t size);
char *bcp_strdup(const char *s);
char *bcp_strndup(const char *s, size_t len);
void bcp_free(void *p);
/* Calls the out-of-memory handler; does not return. */
_Noreturn void bcp_out_of_memory(void);

/* Makes room for item `count` in `items` (doubling *capacity when it is
 * full) and returns the array, which may have moved:
 *     list->items = bcp_grow(list->items, &list->capacity, list->count, sizeof *list->items);
 *     list->items[list->count++] = item; */
void *bcp_grow(void *items, size_t *capacity, size_t count, size_t item_size);

#endif
