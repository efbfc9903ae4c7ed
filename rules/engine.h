/* The lint engine: runs the selected rules of the catalogue over a model.
 *
 * For rule writers (see rules/rule.h for the interface, rules/d101_missing_backup.c
 * for a complete example):
 *   - A rule is `const bcp_rule bcp_rule_<name>` in rules/<file>.c plus one line
 *     RULE(<name>) in rules/rules.def (keep that file sorted by code) plus its
 *     fixture pair tests/rules/<CODE>.bad.bcp / .good.bcp.  Mark each line where
 *     a finding must be reported in the bad fixture with a trailing `# expect: CODE`.
 *   - check(ctx) reads the model with bcp_lint_model(ctx) and the model.h accessors
 *     and calls bcp_lint_report(ctx, span, fmt, ...) for each finding.  The code,
 *     name, effective severity and the rule's `fix` text (as the help line) are
 *     filled in by the engine; the returned diag is never NULL, so a rule may
 *     replace the help with bcp_diag_set_hint(d, ...) when it knows better.
 *   - A NULL span reports at the plan's id (or at the top of the first file).
 *     Findings located in stdlib sources are dropped, so iterate freely over
 *     bcp_model_entities(), which includes stdlib defaults.
 *   - Dates: bcp_lint_today(ctx) is "today" in days since 1970-01-01.
 *   - Thresholds: bcp_lint_threshold(ctx, "restore_test_max_age") reads the active
 *     profile (stdlib/core/profiles.bcp); durations in seconds, counts as numbers,
 *     -1 when neither the profile nor `default` defines the key.
 *   - Never walk the syntax tree and never scan source text: suppression comments
 *     are the engine's business.
 */
#ifndef BCP_ENGINE_H
#define BCP_ENGINE_H
#include <stdbool.h>
#include <stdint.h>

#include "rule.h"

/* The rule that reports unused or unknown suppression comments (engine-run). */
#define BCP_UNUSED_SUPPRESSION_CODE "H199"

/* Severity override value meaning "keep the rule's default". */
#define BCP_SEVERITY_DEFAULT (-1)

typedef struct bcp_lint_options {
    const char *profile;        /* profile id; NULL = "default" */
    int32_t today;              /* days since 1970-01-01 */
    const bool *enabled;        /* bcp_rule_count flags, indexed like bcp_rules; NULL = all */
    const int *severity;        /* bcp_rule_count overrides (bcp_severity or BCP_SEVERITY_DEFAULT); NULL = none */
    const char *const *regimes; /* regime ids checked besides the plan's `regimes` (--regime) */
    size_t regime_count;
} bcp_lint_options;

/* Runs the enabled rules over the model and appends their findings to `out`.
 * Returns false (and runs nothing) when the profile does not exist in the model. */
bool bcp_lint_run(const bcp_model *model, const bcp_lint_options *opts, bcp_diag_list *out);

/* Index of a rule in bcp_rules, or -1. */
int bcp_rule_index(const bcp_rule *rule);
/* Does `selector` (a code, a name, a code prefix such as "D" or "D1", a family
 * word such as "data", or "ALL") select `rule`? */
bool bcp_rule_selected_by(const bcp_rule *rule, const char *selector);
/* Does `selector` select at least one rule? */
bool bcp_selector_valid(const char *selector);

/* "Today": `flag` (YYYY-MM-DD) when given, else SOURCE_DATE_EPOCH, else the clock
 * (UTC).  Returns false with a message in err on a malformed value. */
bool bcp_lint_resolve_today(const char *flag, int32_t *days, const char **err);

/* Is rule i of bcp_rules enabled, and with what severity, under `opts` (may be NULL)? */
bool bcp_lint_rule_enabled(const bcp_lint_options *opts, size_t i);
bcp_severity bcp_lint_effective_severity(const bcp_lint_options *opts, size_t i);

/* Suppression comments (rules/suppress.c): `# bcp: ignore[code-or-name,...]` on
 * the line of a finding or alone on the line before its code, `# bcp:
 * ignore-file[...]` for the whole file.  Drops suppressed rule findings from
 * `list` (model errors E*** are never suppressed) and appends an H199 finding
 * for every suppression that suppressed nothing, when H199 is enabled.  The
 * comments are those the parser found in the model's own sources
 * (bcp_model_comments), so `#` inside a string never counts. */
void bcp_lint_apply_suppressions(bcp_diag_list *list, const bcp_model *model,
                                 const bcp_lint_options *opts);

/* The rules that report on deviations themselves (engine-run, like H199). */
#define BCP_DEVIATION_NO_REASON_CODE "H104"
#define BCP_DEVIATION_INVALID_CODE "H105"

/* An accepted deviation: one finding a suppression comment or a `deviation`
 * block accepted, with the terms it was accepted on.  Spans and entities
 * point into the model, which must outlive the list. */
typedef struct bcp_lint_deviation {
    const char *code, *name;       /* the rule's (static) */
    const bcp_entity *entity;      /* what the finding is about: the innermost block with an id around it; NULL */
    const bcp_entity *block;       /* the `deviation` block; NULL for a comment */
    bcp_span where;                /* the comment's rule selector, or the block's id */
    bcp_span finding;              /* where the finding was reported */
    char *message;                 /* owned: the finding's message */
    char *reason;                  /* owned; NULL when none was given */
    char *owner;                   /* owned: the reference as written ("contact.cfo"); NULL */
    const bcp_entity *owner_entity;/* what it names; NULL */
    int32_t until, approved;       /* days since 1970-01-01, valid when has_... */
    bool has_until, has_approved;
} bcp_lint_deviation;

typedef struct bcp_lint_deviation_list {
    bcp_lint_deviation *items;
    size_t count, capacity;
} bcp_lint_deviation_list;

void bcp_lint_deviation_list_free(bcp_lint_deviation_list *list);

/* bcp_lint_apply_suppressions, with `deviation` blocks and the terms of a
 * suppression (`reason="..." owner=contact.x until=DATE approved=DATE` after
 * the brackets): a suppression past its `until` (opts->today) suppresses
 * nothing, and the finding it covered gets a note saying it expired; one
 * without a reason is an H104 warning; malformed terms are H105 warnings.
 * Every finding suppressed is appended to `accepted` (may be NULL), which is
 * then sorted by the finding's file and position. */
void bcp_lint_apply_deviations(bcp_diag_list *list, const bcp_model *model, const bcp_lint_options *opts,
                               bcp_lint_deviation_list *accepted);

/* Could the model accept a finding: has it a suppression comment (`# bcp:`)
 * or a `deviation` block of its own?  Cheap; no rule runs. */
bool bcp_lint_has_deviations(const bcp_model *model);

/* The deviation (if any) of `list` that accepted a finding of rule `code`
 * about `entity`; its index in *index. */
bool bcp_lint_deviation_find(const bcp_lint_deviation_list *list, const char *code, const bcp_entity *entity, size_t *index);

#endif
