/* Results of the rules' pure per-text checks (the secret scan of a string,
 * the phone verdict of a number), remembered across lint runs of one
 * process.  The language server lints the same plan after every edit, and
 * nearly all of its texts are the ones it scanned the time before: a result
 * found here is the one the check computed for exactly these bytes, so a
 * lint with the memo reports what a lint without it reports.
 *
 * Thread-safe (the rules run on several threads).  Bounded: past
 * BCP_LINT_MEMO_MAX_BYTES of keys and values it starts again empty. */
#ifndef BCP_LINT_MEMO_H
#define BCP_LINT_MEMO_H
#include <stdbool.h>
#include <stddef.h>

enum { BCP_LINT_MEMO_MAX_BYTES = 32 * 1024 * 1024 };

/* What a table remembers; a key of one table never answers for another. */
typedef enum bcp_lint_memo_table {
    BCP_MEMO_SECRET,   /* string or comment text -> bcp_secret_scan's answer */
    BCP_MEMO_PHONE,    /* default region + number -> bcp_phone_check's result */
} bcp_lint_memo_table;

/* Copies the value remembered for key[0..key_len) into value[0..size) and
 * returns true; false when there is none (or one of another size). */
bool bcp_lint_memo_get(bcp_lint_memo_table table, const char *key, size_t key_len, void *value, size_t size);
/* Remembers value[0..size) for the key (a copy of both). */
void bcp_lint_memo_put(bcp_lint_memo_table table, const char *key, size_t key_len, const void *value,
                       size_t size);
/* Forgets everything (tests; a long-lived process that wants its memory back). */
void bcp_lint_memo_clear(void);
/* How many lookups were answered and how many were not, since the start. */
void bcp_lint_memo_stats(size_t *hits, size_t *misses);

#endif
