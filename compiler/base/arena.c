#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diag.h"

struct bcp_arena_chunk {
    bcp_arena_chunk *next;
    size_t used;
    size_t size;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_MIN_CHUNK = 64 * 1024, ARENA_MAX_CHUNK = 8 * 1024 * 1024 };

void bcp_arena_init(bcp_arena *arena)
{
    arena->head = NULL;
    arena->chunk_size = ARENA_MIN_CHUNK;
}

void bcp_arena_free(bcp_arena *arena)
{
    bcp_arena_chunk *chunk = arena->head;
    while (chunk) {
        bcp_arena_chunk *next = chunk->next;
        bcp_free(chunk);
        chunk = next;
    }
    arena->head = NULL;
}

void *bcp_arena_alloc(bcp_arena *arena, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    bcp_arena_chunk *chunk = arena->head;
    if (!chunk || chunk->size - chunk->used < size) {
        size_t want = arena->chunk_size;
        if (arena->chunk_size < ARENA_MAX_CHUNK)
            arena->chunk_size *= 2; /* geometric growth keeps chunk count logarithmic */
        if (want < size)
            want = size;
        chunk = bcp_malloc(sizeof *chunk + want);
        chunk->size = want;
        chunk->used = 0;
        chunk->next = arena->head;
        arena->head = chunk;
    }
    void *p = chunk->data + chunk->used;
    chunk->used += size;
    memset(p, 0, size);
    return p;
}

char *bcp_arena_strndup(bcp_arena *arena, const char *s, size_t len)
{
    char *out = bcp_arena_alloc(arena, len + 1);
    memcpy(out, s, len);
    out[len] = '\0';
    return out;
}

char *bcp_arena_strdup(bcp_arena *arena, const char *s)
{
    return bcp_arena_strndup(arena, s, strlen(s));
}

char *bcp_arena_printf(bcp_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *heap = bcp_vformat(fmt, ap);
    va_end(ap);
    char *out = bcp_arena_strdup(arena, heap);
    bcp_free(heap);
    return out;
}

void bcp_ptr_vec_push(bcp_arena *arena, bcp_ptr_vec *vec, void *item)
{
    if (vec->count == vec->capacity) {
        size_t cap = vec->capacity ? vec->capacity * 2 : 8;
        void **items = bcp_arena_alloc(arena, cap * sizeof *items);
        if (vec->count)
            memcpy(items, vec->items, vec->count * sizeof *items);
        vec->items = items;
        vec->capacity = cap;
    }
    vec->items[vec->count++] = item;
}
