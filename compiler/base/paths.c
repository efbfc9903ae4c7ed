/* Canonical paths, once per call (see paths.h). */
#define _DEFAULT_SOURCE
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "call.h"

typedef struct memo_entry {
    char *path;
    char *real;   /* NULL: realpath failed with `error` */
    int error;
} memo_entry;

/* A call's batches may run on several threads (workers.c): one lock. */
struct bcp_path_memo {
    pthread_mutex_t lock;
    memo_entry *items;
    size_t count, capacity;
};

bcp_path_memo *bcp_path_memo_new(void)
{
    bcp_path_memo *memo = bcp_calloc(1, sizeof *memo);
    pthread_mutex_init(&memo->lock, NULL);
    return memo;
}

void bcp_path_memo_free(bcp_path_memo *memo)
{
    if (!memo)
        return;
    for (size_t i = 0; i < memo->count; i++) {
        bcp_free(memo->items[i].path);
        bcp_free(memo->items[i].real);
    }
    bcp_free(memo->items);
    pthread_mutex_destroy(&memo->lock);
    bcp_free(memo);
}

static char *answer(const memo_entry *e, char *resolved)
{
    if (!e->real)
        return NULL;
    memcpy(resolved, e->real, strlen(e->real) + 1);
    return resolved;
}

/* The memo's key of a path: without its inner "/./" ("dir/./a.bcp", as an
 * import "./a.bcp" is joined, is "dir/a.bcp").  realpath skips a "."
 * component without looking at the file system, so both spellings resolve
 * alike (a trailing "/." is left: it asks that the path be a folder). */
static char *memo_key(const char *path)
{
    size_t n = strlen(path);
    char *key = bcp_malloc(n + 1), *out = key;
    for (const char *p = path; *p;) {
        if (p[0] == '/' && p[1] == '.' && p[2] == '/')
            p += 2;
        else
            *out++ = *p++;
    }
    *out = '\0';
    return key;
}

char *bcp_realpath(const char *path, char *resolved)
{
    bcp_path_memo *memo = bcp_call_current()->paths;
    if (!memo)
        return realpath(path, resolved);
    char *key = memo_key(path);
    pthread_mutex_lock(&memo->lock);
    /* A call resolves a handful of paths: a list is enough. */
    for (size_t i = 0; i < memo->count; i++)
        if (strcmp(memo->items[i].path, key) == 0) {
            const memo_entry *e = &memo->items[i];
            char *r = answer(e, resolved);
            int error = e->error;
            pthread_mutex_unlock(&memo->lock);
            bcp_free(key);
            if (!r)
                errno = error;
            return r;
        }
    /* Resolved under the lock: another thread asking for the same path waits
     * for this answer rather than resolving it again. */
    char *r = realpath(path, resolved);
    memo_entry e = {.path = key, .real = r ? bcp_strdup(r) : NULL, .error = r ? 0 : errno};
    memo->items = bcp_grow(memo->items, &memo->capacity, memo->count, sizeof *memo->items);
    memo->items[memo->count++] = e;
    pthread_mutex_unlock(&memo->lock);
    if (!r)
        errno = e.error;
    return r;
}
