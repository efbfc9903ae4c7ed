/* Parsed imported modules kept between calls (see parse_cache.h). */
#include "parse_cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "base/alloc.h"
#include "base/call.h"
#include "base/limits.h"

typedef struct entry {
    char *path;
    char *text;
    size_t length;
    TSTree *tree;
    unsigned long long used;   /* the clock at its last use: the smallest goes first */
    uint64_t scanned[3];       /* serve13c: the scan limits its text passed the pre-scan under; 0: not known */
} entry;

/* ==== serve13c part: the limits the pre-scan (syntax/prescan.c) applies to
 * `src`.  The pre-scan is monotone in them: a text that passed under some
 * limits passes under any that are no lower. */
static void scan_limits(const bcp_source *src, uint64_t out[3])
{
    uint64_t (*limit)(bcp_limit_id) = src->is_stdlib ? bcp_limit_for_stdlib : bcp_limit;
    out[0] = limit(BCP_LIMIT_LINE);
    out[1] = limit(BCP_LIMIT_NESTING);
    out[2] = limit(BCP_LIMIT_STRING);
}
/* ==== end */

struct bcp_parse_cache {
    pthread_mutex_t lock;
    entry *items;
    size_t count, max_entries, bytes, max_bytes;
    unsigned long long clock;
    size_t hits, misses;
};

bcp_parse_cache *bcp_parse_cache_new(size_t max_entries, size_t max_bytes)
{
    bcp_parse_cache *c = bcp_calloc(1, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    c->max_entries = max_entries ? max_entries : 1;
    c->max_bytes = max_bytes;
    c->items = bcp_calloc(c->max_entries, sizeof *c->items);
    return c;
}

static void drop(bcp_parse_cache *c, size_t i)
{
    entry *e = &c->items[i];
    c->bytes -= e->length;
    ts_tree_delete(e->tree);
    bcp_free(e->path);
    bcp_free(e->text);
    c->items[i] = c->items[--c->count];
}

void bcp_parse_cache_free(bcp_parse_cache *c)
{
    if (!c)
        return;
    while (c->count)
        drop(c, c->count - 1);
    bcp_free(c->items);
    pthread_mutex_destroy(&c->lock);
    bcp_free(c);
}

bcp_parse_cache *bcp_parse_cache_current(void)
{
    return bcp_call_current()->parse_cache;
}

static const char *key_of(const bcp_source *src)
{
    return src->real_path ? src->real_path : NULL;
}

static entry *find(bcp_parse_cache *c, const char *path)
{
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->items[i].path, path) == 0)
            return &c->items[i];
    return NULL;
}

TSTree *bcp_parse_cache_get(bcp_parse_cache *c, const bcp_source *src)
{
    const char *path = key_of(src);
    if (!c || !path)
        return NULL;
    TSTree *tree = NULL;
    pthread_mutex_lock(&c->lock);
    entry *e = find(c, path);
    if (e && e->length == src->length && memcmp(e->text, src->text, src->length) == 0) {
        tree = ts_tree_copy(e->tree);   /* trees are shared by copy, across threads too */
        e->used = ++c->clock;
        c->hits++;
        /* serve13c: the same bytes passed the pre-scan under limits no higher
         * than this call's: they pass again, without a second look. */
        uint64_t now[3];
        scan_limits(src, now);
        if (e->scanned[0] && now[0] >= e->scanned[0] && now[1] >= e->scanned[1] && now[2] >= e->scanned[2])
            atomic_store_explicit(&((bcp_source *)src)->prescanned, true, memory_order_release);
    } else {
        c->misses++;
    }
    pthread_mutex_unlock(&c->lock);
    return tree;
}

void bcp_parse_cache_put(bcp_parse_cache *c, const bcp_source *src, const TSTree *tree)
{
    const char *path = key_of(src);
    if (!c || !path || !tree || bcp_call_cancelled() || src->length > c->max_bytes)
        return;
    pthread_mutex_lock(&c->lock);
    entry *old = find(c, path);
    if (old)
        drop(c, (size_t)(old - c->items));   /* its text changed */
    while (c->count && (c->count >= c->max_entries || c->bytes + src->length > c->max_bytes)) {
        size_t oldest = 0;
        for (size_t i = 1; i < c->count; i++)
            if (c->items[i].used < c->items[oldest].used)
                oldest = i;
        drop(c, oldest);
    }
    entry *e = &c->items[c->count++];
    e->path = bcp_strdup(path);
    e->text = bcp_malloc(src->length ? src->length : 1);
    memcpy(e->text, src->text, src->length);
    e->length = src->length;
    e->tree = ts_tree_copy(tree);
    e->used = ++c->clock;
    memset(e->scanned, 0, sizeof e->scanned);
    if (atomic_load_explicit(&src->prescanned, memory_order_acquire))
        scan_limits(src, e->scanned);   /* serve13c */
    c->bytes += src->length;
    pthread_mutex_unlock(&c->lock);
}

void bcp_parse_cache_counts(bcp_parse_cache *c, size_t *hits, size_t *misses)
{
    pthread_mutex_lock(&c->lock);
    *hits = c->hits;
    *misses = c->misses;
    pthread_mutex_unlock(&c->lock);
}
