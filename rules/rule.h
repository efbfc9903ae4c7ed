/* The lint rule interface.  One rule = one C file in rules/ defining a
 * `const bcp_rule bcp_rule_<name>` + one RULE(<name>) line in rules/rules.def
 * + its fixture pair tests/rules/<CODE>.bad.bcp / .good.bcp.
 * Rules read the typed model only (compiler/model.h), never the syntax tree. */
#ifndef BCP_RULE_H
#define BCP_RULE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "model/model.h"

typedef struct bcp_lint_ctx bcp_lint_ctx;

/* A character a rule looks for, with its Unicode name for the message. */
typedef struct bcp_rule_named_char {
    uint32_t cp;
    const char *name;
} bcp_rule_named_char;

typedef struct bcp_rule {
    const char *code;        /* stable, never reused: family letter + number, e.g. "D101" */
    const char *name;        /* kebab-case, e.g. "missing-backup" */
    bcp_severity severity;   /* default severity */
    const char *summary;     /* one line */
    const char *rationale;   /* why, citing the source clause (ISO 22301 §8.x, NIST SP 800-34, ...) */
    const char *fix;         /* how to fix, shown as the help line */
    void (*check)(bcp_lint_ctx *ctx);
    /* serve13d: the characters the rule looks for in the plan's sources
     * (H110, H111), found by one scan shared by every such rule of a run
     * (bcp_rule_scan_characters, rule_util.h); NULL for the other rules. */
    const bcp_rule_named_char *chars;
    size_t char_count;
} bcp_rule;

/* The catalogue, in code order. */
extern const bcp_rule *const bcp_rules[];
extern const size_t bcp_rule_count;
const bcp_rule *bcp_rule_find(const char *code_or_name);

/* --- what a rule's check() may use ------------------------------------- */

const bcp_model *bcp_lint_model(bcp_lint_ctx *ctx);
/* "Today" as days since 1970-01-01 (--today, SOURCE_DATE_EPOCH or the clock). */
int32_t bcp_lint_today(const bcp_lint_ctx *ctx);
/* The regime ids `bcp check --regime` names besides the plan's `regimes`. */
const char *const *bcp_lint_extra_regimes(const bcp_lint_ctx *ctx, size_t *count);
/* A threshold of the active profile, in seconds (durations) or plain numbers;
 * `name` is a key such as "restore_test_max_age". */
int64_t bcp_lint_threshold(const bcp_lint_ctx *ctx, const char *name);
/* The same threshold as written (a duration keeps its calendar months), or NULL. */
const bcp_value *bcp_lint_threshold_value(const bcp_lint_ctx *ctx, const char *name);
/* The running rule. */
const bcp_rule *bcp_lint_rule(const bcp_lint_ctx *ctx);
/* serve13d: a fact about the model that several rules of one run read: the
 * first rule that asks for `slot` makes it with `make` (under the run's
 * lock, so exactly once), every rule of the run then reads it as it is, and
 * `free_fn` frees it when the run ends.  NULL is a valid fact. */
typedef enum bcp_lint_shared_slot {
    BCP_LINT_SHARED_CHARS,   /* rule_util.c: the characters of bcp_rule.chars in the plan's sources */
    BCP_LINT_SHARED_COUNT
} bcp_lint_shared_slot;
const void *bcp_lint_shared(bcp_lint_ctx *ctx, bcp_lint_shared_slot slot, void *(*make)(bcp_lint_ctx *ctx),
                            void (*free_fn)(void *));
/* Reports a finding of the running rule at `span`. Findings in stdlib sources are dropped. */
bcp_diag *bcp_lint_report(bcp_lint_ctx *ctx, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
