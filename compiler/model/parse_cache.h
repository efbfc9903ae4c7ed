/* serve13b (issue 13): parsed imported modules, kept between calls.  A
 * server checks the same plan's imports request after request; their syntax
 * trees are kept here, keyed by the file's canonical path and its exact
 * bytes, so that a module whose text has not changed is not parsed again
 * (a changed text is a miss: never a stale tree).  Bounded in entries and
 * bytes (the oldest go first); thread-safe; owned by whoever made it (the
 * service).  A call finds it in its state (base/call.h). */
#ifndef BCP_PARSE_CACHE_H
#define BCP_PARSE_CACHE_H
#include <stddef.h>
#include <tree_sitter/api.h>

#include "base/source.h"

typedef struct bcp_parse_cache bcp_parse_cache;

bcp_parse_cache *bcp_parse_cache_new(size_t max_entries, size_t max_bytes);
void bcp_parse_cache_free(bcp_parse_cache *cache);
/* The current call's cache (NULL: none). */
bcp_parse_cache *bcp_parse_cache_current(void);
/* A copy of the tree of `src` (same path, same bytes), the caller's to
 * delete; NULL when there is none.  serve13c: a hit whose text passed the
 * pre-scan under limits no higher than the current call's marks `src`
 * pre-scanned (bcp_syntax_prescan then returns at once). */
TSTree *bcp_parse_cache_get(bcp_parse_cache *cache, const bcp_source *src);
/* Keeps a copy of `tree`, the whole-file parse of `src` (unless the call was
 * cancelled: that tree is the empty text's). */
void bcp_parse_cache_put(bcp_parse_cache *cache, const bcp_source *src, const TSTree *tree);
/* Hits and misses so far, for tests. */
void bcp_parse_cache_counts(bcp_parse_cache *cache, size_t *hits, size_t *misses);

#endif
