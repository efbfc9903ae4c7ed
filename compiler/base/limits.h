/* Input limits: how much of a hostile or broken input bcp accepts before it
 * refuses it with a located error (docs/language.md, "Limits").  The explicit
 * values (bcp_limit_set in bcp.h, `--limit NAME=VALUE` on the command line)
 * are process-wide, set before loading; a bcpconfig.bcp's values belong to
 * the call that read it (base/call.h), so concurrent calls keep their own. */
#ifndef BCP_LIMITS_H
#define BCP_LIMITS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum bcp_limit_id {
    BCP_LIMIT_FILE_SIZE,     /* bytes of one file or stream */
    BCP_LIMIT_NESTING,       /* open `{` and `[` at once */
    BCP_LIMIT_STRING,        /* bytes of one string literal */
    BCP_LIMIT_LINE,          /* bytes of one line */
    BCP_LIMIT_IMPORTS,       /* files one model reads (plans and their modules) */
    BCP_LIMIT_FINDINGS,      /* findings `bcp check` reports for one file */
    BCP_LIMIT_COUNT
} bcp_limit_id;

typedef struct bcp_limit_info {
    const char *name;        /* as written in --limit NAME=VALUE */
    uint64_t default_value;
    uint64_t maximum;        /* the largest value bcp is tested with */
    const char *unit;        /* "bytes", "levels", "files" */
    const char *summary;
} bcp_limit_info;

const bcp_limit_info *bcp_limit_info_at(bcp_limit_id id);
bcp_limit_id bcp_limit_find(const char *name); /* BCP_LIMIT_COUNT if none */
uint64_t bcp_limit(bcp_limit_id id);
/* The limit that applies to a file of the standard library (the embedded one
 * or --stdlib DIR): never below the limit's default.  The limits guard
 * against hostile user input; lowering one tightens what the user's files
 * may do, never what the shipped stdlib needs, while a hostile --stdlib DIR
 * still meets the defaults (docs/language.md, "Limits"). */
uint64_t bcp_limit_for_stdlib(bcp_limit_id id);
/* False when `value` is 0 or above the limit's maximum.  A value stored
 * here is explicit (the command line, bcp_limit_set): a configuration file's
 * value (bcp_limit_store_configured) no longer replaces it. */
bool bcp_limit_store(bcp_limit_id id, uint64_t value);
/* A bcpconfig.bcp's value, for the current call (base/call.h); an explicit
 * value still wins.  False when `value` is 0 or above the maximum. */
bool bcp_limit_store_configured(bcp_limit_id id, uint64_t value);
void bcp_limits_reset(void);
/* Forgets the current call's configuration values (the defaults again),
 * keeping the explicit ones: before a load under another bcpconfig.bcp. */
void bcp_limits_clear_configured(void);
/* A limit's value as written: "1048576", "64k", "16M", "1G" (k, M and G
 * multiply by 1024, 1024², 1024³).  False for anything else: a sign, a space,
 * another suffix, an overflow. */
bool bcp_limit_parse_value(const char *text, uint64_t *value);

#endif
