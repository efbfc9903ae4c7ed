/* The allocation layer: one replaceable allocator, one out-of-memory path. */
#define _POSIX_C_SOURCE 200809L
#include "alloc.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *default_calloc(size_t count, size_t size) { return calloc(count, size); }
static void *default_realloc(void *p, size_t size) { return realloc(p, size); }
static void default_free(void *p) { free(p); }

static const bcp_mem default_mem = {default_calloc, default_realloc, default_free};
static _Atomic(const bcp_mem *) current_mem = &default_mem;

static _Noreturn void default_oom(void)
{
    /* The one place the library stops the process; replaceable. */
    abort();
}
static _Atomic(bcp_oom_handler) current_oom = default_oom;

const bcp_mem *bcp_default_mem(void) { return &default_mem; }

void bcp_set_allocator(const bcp_mem *mem)
{
    atomic_store(&current_mem, mem ? mem : &default_mem);
}

void bcp_set_oom_handler(bcp_oom_handler handler)
{
    atomic_store(&current_oom, handler ? handler : default_oom);
}

_Noreturn void bcp_out_of_memory(void)
{
    bcp_oom_handler h = atomic_load(&current_oom);
    h();
    abort(); /* a handler that returns */
}

void *bcp_calloc(size_t count, size_t size)
{
    void *p = atomic_load(&current_mem)->calloc(count ? count : 1, size ? size : 1);
    if (!p)
        bcp_out_of_memory();
    return p;
}

void *bcp_malloc(size_t size)
{
    /* Through realloc so that a replacement allocator needs no malloc. */
    void *p = atomic_load(&current_mem)->realloc(NULL, size ? size : 1);
    if (!p)
        bcp_out_of_memory();
    return p;
}

void *bcp_realloc(void *p, size_t size)
{
    void *q = atomic_load(&current_mem)->realloc(p, size ? size : 1);
    if (!q)
        bcp_out_of_memory();
    return q;
}

void bcp_free(void *p)
{
    if (p)
        atomic_load(&current_mem)->free(p);
}

char *bcp_strndup(const char *s, size_t len)
{
    char *d = bcp_malloc(len + 1);
    memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *bcp_strdup(const char *s)
{
    return bcp_strndup(s, strlen(s));
}

void *bcp_grow(void *items, size_t *capacity, size_t count, size_t item_size)
{
    if (count < *capacity)
        return items;
    size_t want = *capacity ? *capacity * 2 : 16;
    while (want <= count)
        want *= 2;
    if (want > (size_t)-1 / item_size)
        bcp_out_of_memory();
    items = bcp_realloc(items, want * item_size);
    *capacity = want;
    return items;
}
