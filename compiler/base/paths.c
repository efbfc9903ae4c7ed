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

/* A call's batches may run on several threads (workers.c): one lock.  The
 * entries sit in an open-addressed table (a power of two, at most half
 * full), so a call that reads thousands of files stays linear. */
struct bcp_path_memo {
    pthread_mutex_t lock;
    memo_entry *slots;   /* path NULL: empty */
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
    for (size_t i = 0; i < memo->capacity; i++) {
        bcp_free(memo->slots[i].path);
        bcp_free(memo->slots[i].real);
    }
    bcp_free(memo->slots);
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

static size_t key_hash(const char *key)
{
    size_t h = 1469598103934665603u;   /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

/* The slot holding key, or the empty slot where it belongs. */
static memo_entry *find_slot(memo_entry *slots, size_t capacity, const char *key)
{
    size_t i = key_hash(key) & (capacity - 1);
    while (slots[i].path && strcmp(slots[i].path, key) != 0)
        i = (i + 1) & (capacity - 1);
    return &slots[i];
}

static void grow(bcp_path_memo *memo)
{
    size_t capacity = memo->capacity ? memo->capacity * 2 : 16;
    memo_entry *slots = bcp_calloc(capacity, sizeof *slots);
    for (size_t i = 0; i < memo->capacity; i++)
        if (memo->slots[i].path)
            *find_slot(slots, capacity, memo->slots[i].path) = memo->slots[i];
    bcp_free(memo->slots);
    memo->slots = slots;
    memo->capacity = capacity;
}

char *bcp_realpath(const char *path, char *resolved)
{
    bcp_path_memo *memo = bcp_call_current()->paths;
    if (!memo)
        return realpath(path, resolved);
    char *key = memo_key(path);
    pthread_mutex_lock(&memo->lock);
    if (2 * (memo->count + 1) > memo->capacity)
        grow(memo);
    memo_entry *slot = find_slot(memo->slots, memo->capacity, key);
    if (slot->path) {
        char *r = answer(slot, resolved);
        int error = slot->error;
        pthread_mutex_unlock(&memo->lock);
        bcp_free(key);
        if (!r)
            errno = error;
        return r;
    }
    /* Resolved under the lock: another thread asking for the same path waits
     * for this answer rather than resolving it again. */
    char *r = realpath(path, resolved);
    *slot = (memo_entry){.path = key, .real = r ? bcp_strdup(r) : NULL, .error = r ? 0 : errno};
    memo->count++;
    int error = slot->error;
    pthread_mutex_unlock(&memo->lock);
    if (!r)
        errno = error;
    return r;
}
