/* Parsing on all cores: each worker thread has its own TSParser (a parser is
 * not thread-safe; the language tables are shared read-only). */
#ifndef BCP_PARSE_POOL_H
#define BCP_PARSE_POOL_H
#include <stdbool.h>
#include <stddef.h>
#include <tree_sitter/api.h>

typedef struct bcp_parse_task {
    const char *text;     /* the whole source; with `ranged`, only `range` is parsed */
    uint32_t length;
    bool ranged;
    TSRange range;
    TSTree *tree;         /* the result, owned by the caller */
} bcp_parse_task;

/* How many threads a batch may use (cores, at most 8). */
size_t bcp_parse_threads(void);
/* Parses every task; returns when all trees are there. */
void bcp_parse_tasks(bcp_parse_task *tasks, size_t count);

#endif
