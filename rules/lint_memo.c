/* The rules' memo of pure per-text results: see lint_memo.h.  One hash
 * table (open addressing, linear probing) under one mutex; each entry is one
 * allocation holding its key and value. */
#include "lint_memo.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "base/alloc.h"

typedef struct memo_entry {
    uint64_t hash;
    size_t key_len, size;
    int table;
    /* key bytes, then value bytes */
    unsigned char bytes[];
} memo_entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static memo_entry **slots;
static size_t slot_count, used, bytes_held, hits, misses;

/* serve13d: eight bytes at a time (a multiply and a rotation per word,
 * murmur3's finaliser at the end) rather than FNV-1a's one: the keys are
 * every string of a plan. */
static uint64_t hash_of(int table, const char *key, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15ULL;
    uint64_t h = ((uint64_t)(unsigned)table << 32 ^ len) * k;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, key + i, 8);
        h = ((h << 23 | h >> 41) ^ w) * k;
    }
    if (i < len) {
        uint64_t w = 0;
        memcpy(&w, key + i, len - i);
        h = ((h << 23 | h >> 41) ^ w) * k;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h ? h : 1;
}

static void clear_locked(void)
{
    for (size_t i = 0; i < slot_count; i++)
        bcp_free(slots[i]);
    bcp_free(slots);
    slots = NULL;
    slot_count = used = bytes_held = 0;
}

/* The slot of the key: its entry, or the empty slot where it would go. */
static size_t find_slot(uint64_t h, int table, const char *key, size_t len)
{
    size_t i = (size_t)h & (slot_count - 1);
    for (;; i = (i + 1) & (slot_count - 1)) {
        memo_entry *e = slots[i];
        if (!e || (e->hash == h && e->table == table && e->key_len == len && memcmp(e->bytes, key, len) == 0))
            return i;
    }
}

bool bcp_lint_memo_get(bcp_lint_memo_table table, const char *key, size_t key_len, void *value, size_t size)
{
    uint64_t h = hash_of((int)table, key, key_len);
    bool found = false;
    pthread_mutex_lock(&lock);
    if (slot_count) {
        memo_entry *e = slots[find_slot(h, (int)table, key, key_len)];
        if (e && e->size == size) {
            memcpy(value, e->bytes + key_len, size);
            found = true;
        }
    }
    if (found)
        hits++;
    else
        misses++;
    pthread_mutex_unlock(&lock);
    return found;
}

static void grow_locked(void)
{
    size_t old_count = slot_count;
    memo_entry **old = slots;
    slot_count = old_count ? old_count * 2 : 1024;
    slots = bcp_calloc(slot_count, sizeof *slots);
    for (size_t i = 0; i < old_count; i++) {
        memo_entry *e = old[i];
        if (e)
            slots[find_slot(e->hash, e->table, (const char *)e->bytes, e->key_len)] = e;
    }
    bcp_free(old);
}

void bcp_lint_memo_put(bcp_lint_memo_table table, const char *key, size_t key_len, const void *value,
                       size_t size)
{
    size_t cost = sizeof(memo_entry) + key_len + size;
    if (cost > BCP_LINT_MEMO_MAX_BYTES / 4)
        return;   /* a huge text: scanning it again is cheaper than holding it */
    uint64_t h = hash_of((int)table, key, key_len);
    pthread_mutex_lock(&lock);
    if (bytes_held + cost > BCP_LINT_MEMO_MAX_BYTES)
        clear_locked();
    if ((used + 1) * 4 > slot_count * 3)
        grow_locked();
    size_t i = find_slot(h, (int)table, key, key_len);
    if (!slots[i]) {
        memo_entry *e = bcp_malloc(sizeof *e + key_len + size);
        e->hash = h;
        e->table = (int)table;
        e->key_len = key_len;
        e->size = size;
        memcpy(e->bytes, key, key_len);
        memcpy(e->bytes + key_len, value, size);
        slots[i] = e;
        used++;
        bytes_held += cost;
    }
    pthread_mutex_unlock(&lock);
}

void bcp_lint_memo_clear(void)
{
    pthread_mutex_lock(&lock);
    clear_locked();
    pthread_mutex_unlock(&lock);
}

void bcp_lint_memo_stats(size_t *hits_out, size_t *misses_out)
{
    pthread_mutex_lock(&lock);
    *hits_out = hits;
    *misses_out = misses;
    pthread_mutex_unlock(&lock);
}
