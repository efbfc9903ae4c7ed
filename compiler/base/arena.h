/* A bump allocator: everything a model owns lives in one arena and dies with it,
 * so the model needs no per-node free and has exactly one owner. */
#ifndef BCP_ARENA_H
#define BCP_ARENA_H
#include <stddef.h>

typedef struct bcp_arena_chunk bcp_arena_chunk;
typedef struct bcp_arena {
    bcp_arena_chunk *head;
    size_t chunk_size;
} bcp_arena;

void bcp_arena_init(bcp_arena *arena);
void bcp_arena_free(bcp_arena *arena);
void *bcp_arena_alloc(bcp_arena *arena, size_t size);           /* zeroed, 16-aligned */
char *bcp_arena_strndup(bcp_arena *arena, const char *s, size_t len);
char *bcp_arena_strdup(bcp_arena *arena, const char *s);
char *bcp_arena_printf(bcp_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A growable array of pointers whose storage is in the arena. */
typedef struct bcp_ptr_vec {
    void **items;
    size_t count;
    size_t capacity;
} bcp_ptr_vec;
void bcp_ptr_vec_push(bcp_arena *arena, bcp_ptr_vec *vec, void *item);

#endif
