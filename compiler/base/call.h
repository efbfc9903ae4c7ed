/* One library call's own state (serve13b, issue 13): the limits its
 * bcpconfig.bcp set, and whether it has been asked to stop.  Two calls on two
 * threads (two requests of bcp serve) never see each other's: the state
 * belongs to the call, is installed on its thread for the call's duration
 * (bcp_call_begin/end) and handed to the threads of its parallel batches
 * (workers.c).  A thread outside any call uses a state of its own, which
 * lasts as long as the thread (the CLI's one call, an editor's workspace). */
#ifndef BCP_CALL_H
#define BCP_CALL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "limits.h"

struct bcp_parse_cache;   /* model/parse_cache.h */
struct bcp_path_memo;     /* paths.h (serve13d) */

typedef struct bcp_call_state {
    uint64_t configured[BCP_LIMIT_COUNT];   /* a bcpconfig.bcp's values; 0: not set */
    const size_t *cancel;                   /* nonzero (atomic load): stop; NULL: never */
    struct bcp_parse_cache *parse_cache;    /* parsed imports kept between calls; NULL: none */
    struct bcp_path_memo *paths;            /* serve13d: this call's canonical paths; NULL: none */
} bcp_call_state;

/* The state of the call this thread works for. */
bcp_call_state *bcp_call_current(void);
/* Starts a call with `c` as its state, unless this thread already works for
 * one (a call inside a call keeps the outer one's state).  Pass what it
 * returns to bcp_call_end. */
bcp_call_state *bcp_call_begin(bcp_call_state *c);
void bcp_call_end(bcp_call_state *outer);
/* For a worker thread of a batch: works for `c` from now on (NULL: none). */
void bcp_call_adopt(bcp_call_state *c);

/* True once the current call was asked to stop: the work left is skipped,
 * and the call's entry point reports it cancelled. */
bool bcp_call_cancelled(void);
/* The flag tree-sitter watches (ts_parser_set_cancellation_flag), or NULL. */
const size_t *bcp_call_cancel_flag(void);

#endif
