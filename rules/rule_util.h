/* Helpers that several lint rules share.  A rule still lives in one file of
 * its own (see rules/engine.h); what two or more rules would otherwise write
 * again, with the same meaning, lives here so that the meaning stays the same. */
#ifndef BCP_RULE_UTIL_H
#define BCP_RULE_UTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/derive.h"
#include "rule.h"

/* --- entities and values ------------------------------------------------ */

/* Steps through the critical functions in source order: start with *cursor = 0;
 * returns NULL after the last one. */
const bcp_entity *bcp_rule_next_critical_function(const bcp_model *model, size_t *cursor);

/* The items of a value that may be a list or a single value: a list gives its
 * items, a single value itself (count 1), NULL gives none (count 0). */
const bcp_value *bcp_rule_items(const bcp_value *v, size_t *count);

/* The entity a `kind.id` reference points at, or NULL (not a reference, or unresolved). */
const bcp_entity *bcp_rule_ref_target(const bcp_value *v);

/* Is `e` the entry at its ordinal in `list`, so that arrays parallel to the
 * list can be indexed by e->ordinal? */
bool bcp_rule_in_list(const bcp_entity *e, const bcp_entity_list *list);

/* Is the attribute set to something other than an empty list? */
bool bcp_rule_has_items(const bcp_entity *e, const char *name);

/* Does the text hold only spaces, tabs and line breaks (or nothing)? */
bool bcp_rule_is_blank(const char *text);
/* Is the attribute a text with something other than blanks in it? */
bool bcp_rule_has_text(const bcp_entity *e, const char *name);

/* A value as a message quotes it: at most 64 bytes of it (then "..."),
 * control characters and bytes that are not UTF-8 written as \x1b, so that
 * no finding echoes what a terminal or a CI log would act on (C103, C104). */
enum { BCP_RULE_QUOTE_SIZE = 64 * 4 + 8 };
void bcp_rule_quote_value(const char *text, size_t length, char *out, size_t size);

/* How a finding names an entity: its id, or its kind for an anonymous block. */
const char *bcp_rule_entity_name(const bcp_entity *e);

/* --- thresholds, dates and durations ------------------------------------ */

/* The active profile's threshold `name`, or `fallback` when it is unset or not positive. */
int64_t bcp_rule_threshold_or(const bcp_lint_ctx *ctx, const char *name, int64_t fallback);

/* The active profile's duration threshold `name` as an interval (calendar
 * months kept), or `fallback` when it is unset or not positive. */
bcp_interval bcp_rule_interval_or(const bcp_lint_ctx *ctx, const char *name, bcp_interval fallback);

/* "1 day", "3 days": a count with its noun, singular or plural by the count.
 * Use it for every count a message prints. */
typedef struct bcp_rule_count_label {
    char text[48];
} bcp_rule_count_label;
bcp_rule_count_label bcp_rule_days(int64_t days); /* "1 day", "2 days" */

/* A formatted date or duration to pass straight to bcp_lint_report(), e.g.
 * bcp_rule_duration_label(rto).text: the returned struct lives until the end
 * of the full expression, which the report's formatting falls within. */
typedef struct bcp_rule_label {
    char text[32];
} bcp_rule_label;
bcp_rule_label bcp_rule_duration_label(int64_t seconds); /* "24h", "6mo", ... */
bcp_rule_label bcp_rule_date_label(int32_t days);        /* "YYYY-MM-DD" */

/* --- regular expressions (PCRE2, UTF-8) ---------------------------------
 * Every pattern of the rules goes through these, so that all share one set
 * of limits (a match or backtracking limit per call, see rule_util.c) and
 * see every byte: a text with invalid UTF-8 is matched around its bad bytes,
 * which never match anything (a barrier no match crosses, as with
 * PCRE2_MATCH_INVALID_UTF), instead of being refused whole. */

typedef struct bcp_rule_regex bcp_rule_regex;

enum {
    BCP_RULE_RE_CASELESS = 1u << 0,
    BCP_RULE_RE_UCP = 1u << 1,      /* \b, \w, \d and the like follow Unicode properties */
    BCP_RULE_RE_JIT = 1u << 2,      /* worth it for patterns run over every text of the plan */
};

/* `pattern` (always in UTF mode; texts may hold invalid UTF-8), compiled
 * once per process (serve13b), with match data of its own, so that a rule
 * matches many texts and many threads search at once.  NULL when the pattern does
 * not compile or memory runs out; bcp_rule_regex_free(NULL) is a no-op. */
bcp_rule_regex *bcp_rule_regex_new(const char *pattern, unsigned flags);
void bcp_rule_regex_free(bcp_rule_regex *re);
/* JIT-compiles a pattern compiled without BCP_RULE_RE_JIT, once it turns out
 * to be worth it (a large text); a no-op when it already is or cannot be. */
void bcp_rule_regex_jit(bcp_rule_regex *re);
/* pcre2_match's result: > 0 when `text` matches (1 + the highest group set),
 * negative when it does not (or when the call reached the limits). */
int bcp_rule_regex_match(bcp_rule_regex *re, const char *text, size_t length);
/* The same from byte `offset` on (lookbehinds and \b still see the bytes
 * before `offset`).  Calls on the same text (same pointer and length) with
 * growing offsets continue one search, linear however many calls it takes;
 * a call at offset 0 or on another pointer or length starts a new one, so
 * change a text's bytes in place only between searches. */
int bcp_rule_regex_match_at(bcp_rule_regex *re, const char *text, size_t length, size_t offset);
/* Did a match give up at the match or backtracking limit? */
bool bcp_rule_regex_limited(int rc);
/* Byte offsets of capture group `group` (0 = the whole match) of the last
 * successful match; start == end when the group did not take part. */
void bcp_rule_regex_group(const bcp_rule_regex *re, int group, size_t *start, size_t *end);

/* --- characters of the plan's own sources -------------------------------- */

/* The code point of the UTF-8 character at s[i] (i < n) and its length in
 * bytes; an invalid byte is one character of its own, U+FFFD. */
size_t bcp_rule_utf8_next(const char *s, size_t n, size_t i, uint32_t *cp);

/* Calls `found` for the characters of the plan's own sources (not the
 * stdlib) that are in the running rule's `chars` (rule.h): in strings,
 * comments, ids and between them, once per line: `span` covers the first
 * such character of the line, `more` counts the others on that line.
 * `in_comment` says whether the first lies in a comment.  A byte order mark
 * opening a file is skipped.  serve13d: one scan of the sources per lint
 * run finds the characters of every rule that declares some
 * (bcp_lint_shared); each rule then reads its own from it.  Linear in the
 * size of the sources. */
typedef void bcp_rule_char_found(bcp_lint_ctx *ctx, const bcp_span *span, const bcp_rule_named_char *c,
                                 bool in_comment, size_t more);
void bcp_rule_scan_characters(bcp_lint_ctx *ctx, bcp_rule_char_found *found);
/* serve13d: how many scans of a source bcp_rule_scan_characters has made in
 * this process (tests: one per source and lint run, however many rules). */
size_t bcp_rule_character_scans(void);
/* " (and 3 more on this line)", or "" when `more` is 0: for `found`'s message. */
bcp_rule_count_label bcp_rule_more_on_line(size_t more);

/* --- placeholders -------------------------------------------------------- */

/* H101's placeholder pattern (TODO, TBD, FIXME, XXX, 待定, 待补充, ???): a text it
 * matches is unfinished, so H101 reports it and other rules judging the same
 * text leave it alone. */
bcp_rule_regex *bcp_rule_placeholder_regex(void);
/* serve13d: its pattern, made from the one list of placeholders. */
const char *bcp_rule_placeholder_pattern(void);
/* Does the text match `placeholder` (from bcp_rule_placeholder_regex; NULL matches nothing)? */
bool bcp_rule_is_placeholder(bcp_rule_regex *placeholder, const char *text, size_t length);

/* --- contact details ----------------------------------------------------- */

/* Is `text` (`length` bytes) well-formed?  `re` is the compiled form pattern. */
typedef bool bcp_rule_text_check(bcp_rule_regex *re, const char *text, size_t length);

/* Checks the form of contact details: every text in attribute `attrs` of a
 * contact, supplier or resource must match `pattern` (compiled with `flags`)
 * and, when `is_valid` is not NULL, pass it too.  Each text that does not is
 * reported as "`attr` of kind `id` is not a valid <what>: "text"".
 * Placeholders are skipped: they are H101's finding, not a malformed value. */
void bcp_rule_check_contact_details(bcp_lint_ctx *ctx, const char *const *attrs, size_t attr_count,
                                    const char *what, const char *pattern, unsigned flags,
                                    bcp_rule_text_check *is_valid);

#endif
