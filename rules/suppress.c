/* Suppressions and accepted deviations: `# bcp: ignore[...]` and
 * `# bcp: ignore-file[...]` comments, read from the comments the parser found
 * (bcp_model_comments), with their terms (`reason="..." owner=contact.x
 * until=DATE approved=DATE`), and `deviation` blocks of the plan.  They are
 * applied to a list of findings; what they accepted is listed, an expired one
 * suppresses nothing (the finding gets a note), one without a reason is H104,
 * malformed terms are H105 and unused ones H199. */
#define _DEFAULT_SOURCE
#include "engine.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "model/regime.h"

/* The terms a deviation is accepted on. */
typedef struct terms {
    char *reason;             /* owned, NULL when absent */
    char *owner;              /* owned, as written */
    const bcp_entity *owner_entity;
    int32_t until, approved;
    bool has_until, has_approved;
    bcp_span until_span;      /* for the "expired" note */
} terms;

typedef struct suppression {
    const bcp_source *source;
    bcp_span span;            /* the code or name inside the brackets, or the block's id */
    char *selector;
    bool whole_file;
    uint32_t row, next_row;   /* lines it covers (next_row = row for trailing comments) */
    const bcp_entity *block;  /* a `deviation` block: covers its entity's block */
    const bcp_entity *target;
    const bcp_entity *regime; /* a block's `regime`: only G101 findings of it */
    const char *element;      /* and its `element` (the block's text) */
    size_t first;             /* index of its comment's first selector (itself for a block) */
    bool reason_reported;     /* on the first selector: H104 was reported for the comment */
    bcp_span bracket;         /* the comment's `]` (where a reason is inserted) */
    terms terms;
    bool used, expired;
} suppression;

typedef struct suppression_list {
    suppression *items;
    size_t count, capacity;
} suppression_list;

typedef struct reporter {
    bcp_diag_list *list;
    const bcp_lint_options *opts;
} reporter;

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool skip_word(const char *text, size_t *i, size_t end, const char *word)
{
    size_t n = strlen(word);
    if (end - *i < n || strncmp(text + *i, word, n) != 0)
        return false;
    *i += n;
    return true;
}

static bcp_span sub_span(const bcp_comment *c, size_t from, size_t to)
{
    bcp_span s = c->span;
    size_t line_start = c->span.start_byte - c->span.byte_column;
    s.start_byte = (uint32_t)from;
    s.end_byte = (uint32_t)to;
    s.byte_column = (uint32_t)(from - line_start);
    return s;
}

/* A finding of an engine-run rule (H104, H105, H199), when it is enabled. */
static bcp_diag *engine_report(const reporter *r, const char *code, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bcp_diag *engine_report(const reporter *r, const char *code, const bcp_span *span, const char *fmt, ...)
{
    const bcp_rule *rule = bcp_rule_find(code);
    int index = rule ? bcp_rule_index(rule) : -1;
    if (index < 0 || !bcp_lint_rule_enabled(r->opts, (size_t)index))
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    char *message = bcp_vformat(fmt, ap);
    va_end(ap);
    bcp_diag *d = bcp_diag_add(r->list, bcp_lint_effective_severity(r->opts, (size_t)index), rule->code,
                               rule->name, span, "%s", message);
    bcp_free(message);
    if (rule->fix)
        bcp_diag_set_hint(d, "%s", rule->fix);
    return d;
}

/* ------------------------------------------------------------ terms */

static const char *const term_keys[] = {"reason", "owner", "until", "approved"};

/* A `contact.id` or `team.id` the model defines, or NULL. */
static const bcp_entity *find_owner(const bcp_model *model, const char *ref)
{
    const char *dot = strchr(ref, '.');
    if (!dot)
        return NULL;
    bcp_kind kind;
    if ((size_t)(dot - ref) == 7 && strncmp(ref, "contact", 7) == 0)
        kind = BCP_KIND_CONTACT;
    else if ((size_t)(dot - ref) == 4 && strncmp(ref, "team", 4) == 0)
        kind = BCP_KIND_TEAM;
    else
        return NULL;
    return bcp_model_find(model, kind, dot + 1);
}

/* A quoted value: `"..."` with \" and \\ escapes; i is at the opening quote.
 * Returns the decoded text, or NULL when it is not closed on the line. */
static char *read_quoted(const char *text, size_t *i, size_t end)
{
    bcp_buf out = {0};
    size_t k = *i + 1;
    for (; k < end && text[k] != '"'; k++) {
        if (text[k] == '\\' && k + 1 < end && (text[k + 1] == '"' || text[k + 1] == '\\'))
            k++;
        bcp_buf_put(&out, text + k, 1);
    }
    if (k >= end) {
        bcp_buf_free(&out);
        return NULL;
    }
    *i = k + 1;
    if (!out.data)
        return bcp_strdup("");
    return bcp_buf_take(&out);
}

/* Reads `key=value ...` after the brackets of a comment into t; stops at the
 * end of the comment or at a further `#`.  Malformed terms are H105. */
static void parse_terms(const reporter *r, const bcp_model *model, const bcp_comment *c, size_t i, terms *t)
{
    const char *text = c->span.source->text;
    size_t end = c->span.end_byte;
    bool seen[sizeof term_keys / sizeof *term_keys] = {false};
    for (;;) {
        while (i < end && is_space(text[i]))
            i++;
        if (i >= end || text[i] == '#')
            return;
        size_t key = i;
        while (i < end && (text[i] == '_' || (text[i] >= 'a' && text[i] <= 'z')))
            i++;
        size_t key_end = i;
        if (key_end == key || i >= end || text[i] != '=') {
            while (i < end && !is_space(text[i]))
                i++;
            bcp_span at = sub_span(c, key, i);
            bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at,
                                        "expected `key=value` after the suppression, not `%.*s`", (int)(i - key),
                                        text + key);
            if (d)
                bcp_diag_set_hint(d, "the terms are reason=\"...\", owner=contact.ID, until=YYYY-MM-DD and "
                                     "approved=YYYY-MM-DD; start a further comment with `#`");
            continue;
        }
        i++; /* '=' */
        size_t value = i;
        char *v;
        if (i < end && text[i] == '"') {
            v = read_quoted(text, &i, end);
            if (!v) {
                bcp_span at = sub_span(c, value, end);
                bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at, "unterminated quoted value of `%.*s`",
                                            (int)(key_end - key), text + key);
                if (d)
                    bcp_diag_add_fix(d, &at, "\"\"", "close the quotes");
                return;
            }
        } else {
            while (i < end && !is_space(text[i]))
                i++;
            v = bcp_strndup(text + value, i - value);
        }
        bcp_span at = sub_span(c, value, i);
        bcp_span key_span = sub_span(c, key, key_end);
        size_t k = 0;
        while (k < sizeof term_keys / sizeof *term_keys &&
               !(strlen(term_keys[k]) == key_end - key && strncmp(term_keys[k], text + key, key_end - key) == 0))
            k++;
        if (k == sizeof term_keys / sizeof *term_keys) {
            char *word = bcp_strndup(text + key, key_end - key);
            const char *best = bcp_suggest(word, term_keys, sizeof term_keys / sizeof *term_keys);
            bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &key_span,
                                        "unknown term `%s` in a suppression comment", word);
            if (d && best) {
                bcp_diag_set_hint(d, "did you mean `%s`?", best);
                bcp_diag_add_fix(d, &key_span, best, "write `%s`", best);
            } else if (d) {
                bcp_diag_set_hint(d, "the terms are reason, owner, until and approved");
            }
            bcp_free(word);
            bcp_free(v);
            continue;
        }
        if (seen[k]) {
            engine_report(r, BCP_DEVIATION_INVALID_CODE, &key_span, "`%s` is given twice in this suppression",
                          term_keys[k]);
            bcp_free(v);
            continue;
        }
        seen[k] = true;
        if (k == 0) {
            t->reason = v;
            continue;
        }
        if (k == 1) {
            t->owner_entity = find_owner(model, v);
            if (!t->owner_entity) {
                bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at,
                                            "owner `%s` of the suppression is not a contact or team of the plan", v);
                if (d)
                    bcp_diag_set_hint(d, "name the person or team who accepted it: owner=contact.ID or owner=team.ID");
            }
            t->owner = v;
            continue;
        }
        int32_t days;
        if (!bcp_parse_date(v, strlen(v), &days)) {
            bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at, "`%s` of the suppression is not a date: `%s`",
                                        term_keys[k], v);
            if (d)
                bcp_diag_set_hint(d, "write a date as YYYY-MM-DD, for example %s=2027-06-30", term_keys[k]);
        } else if (k == 2) {
            t->until = days;
            t->has_until = true;
            t->until_span = at;
        } else {
            t->approved = days;
            t->has_approved = true;
        }
        bcp_free(v);
    }
}

static void terms_free(terms *t)
{
    bcp_free(t->reason);
    bcp_free(t->owner);
}

static void terms_copy(terms *to, const terms *from)
{
    *to = *from;
    to->reason = from->reason ? bcp_strdup(from->reason) : NULL;
    to->owner = from->owner ? bcp_strdup(from->owner) : NULL;
}

/* ------------------------------------------------------------ reading */

static suppression *push(suppression_list *out)
{
    out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
    suppression *s = &out->items[out->count++];
    memset(s, 0, sizeof *s);
    return s;
}

/* Adds the selectors of one comment, when it is a suppression. */
static void parse_comment(const reporter *r, const bcp_model *model, const bcp_comment *c, suppression_list *out)
{
    const bcp_source *src = c->span.source;
    const char *text = src->text;
    size_t end = c->span.end_byte;
    size_t i = c->span.start_byte + 1; /* after the `#` */
    while (i < end && is_space(text[i]))
        i++;
    if (!skip_word(text, &i, end, "bcp:"))
        return;
    while (i < end && is_space(text[i]))
        i++;
    bool whole_file = skip_word(text, &i, end, "ignore-file[");
    if (!whole_file && !skip_word(text, &i, end, "ignore["))
        return;
    size_t first = out->count;
    while (i < end && text[i] != ']') {
        while (i < end && (is_space(text[i]) || text[i] == ','))
            i++;
        size_t tok = i;
        while (i < end && text[i] != ',' && text[i] != ']' && !is_space(text[i]))
            i++;
        if (i == tok)
            continue;
        suppression *s = push(out);
        s->source = src;
        s->selector = bcp_strndup(text + tok, i - tok);
        s->whole_file = whole_file;
        s->row = c->span.row;
        s->next_row = c->trailing ? c->span.row : c->next_code_row;
        s->span = sub_span(c, tok, i);
        s->first = first;
    }
    if (out->count == first)
        return;
    terms t = {0};
    bcp_span bracket = sub_span(c, i < end ? i + 1 : end, i < end ? i + 1 : end);
    if (i < end)
        parse_terms(r, model, c, i + 1, &t);
    for (size_t k = first; k < out->count; k++) {
        out->items[k].bracket = bracket;
        if (k == first)
            out->items[k].terms = t;
        else
            terms_copy(&out->items[k].terms, &t);
    }
}

/* "did you mean `single-source-supplier`?" for a rule name that names none. */
static void suggest_rule(bcp_diag *d, const char *word)
{
    const char **names = bcp_malloc(bcp_rule_count * sizeof *names);
    for (size_t i = 0; i < bcp_rule_count; i++)
        names[i] = bcp_rules[i]->name;
    const char *best = bcp_suggest(word, names, bcp_rule_count);
    if (best)
        bcp_diag_set_hint(d, "did you mean `%s`? `bcp rules` lists the rules", best);
    else
        bcp_diag_set_hint(d, "name a rule by code or name; `bcp rules` lists them");
    bcp_free(names);
}

/* A block's `regime` and `element` (H105 when they cannot pick G101
 * findings): an element needs its regime, both need a rule that selects
 * G101, and the element must be one of the regime's. */
static bool regime_terms_valid(const reporter *r, const bcp_entity *e, const char *rule, const bcp_entity *regime,
                               const char *element)
{
    const bcp_attr *at = bcp_entity_attr(e, element ? "element" : "regime");
    if (!at)
        return true;
    const bcp_rule *g101 = bcp_rule_find("G101");
    bcp_diag *d = NULL;
    if (element && !regime)
        d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at->value.span,
                          "deviation `%s` names element `%s` without its regime", e->id, element);
    else if (!g101 || !bcp_rule_selected_by(g101, rule))
        d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at->value.span,
                          "deviation `%s` names a regime, but its rule `%s` is not regime-element-unmet (G101)",
                          e->id, rule);
    else if (element && !bcp_regime_element(regime, element))
        d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &at->value.span,
                          "regime `%s` has no element `%s`", regime->id, element);
    else
        return true;
    if (d)
        bcp_diag_set_hint(d, "name a regime the plan declares in `regime` and one of its elements in `element` "
                             "(docs/regimes.md lists them), with `rule = \"G101\"`");
    return false;
}

/* The `deviation` blocks of the plan's own files. */
static void read_blocks(const reporter *r, const bcp_model *model, suppression_list *out)
{
    const bcp_entity_list *blocks = bcp_model_entities(model, BCP_KIND_DEVIATION);
    for (size_t i = 0; i < blocks->count; i++) {
        const bcp_entity *e = blocks->items[i];
        const char *rule = bcp_entity_text(e, "rule");
        bcp_entity *target = bcp_entity_ref(e, "entity");
        if (e->from_stdlib || !rule || !target)
            continue; /* the model reported what is missing */
        if (!bcp_selector_valid(rule)) {
            bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &bcp_entity_attr(e, "rule")->value.span,
                                        "deviation `%s` names no rule: `%s`", e->id, rule);
            if (d)
                suggest_rule(d, rule);
            continue;
        }
        const bcp_entity *regime = bcp_entity_ref(e, "regime");
        const char *element = bcp_entity_text(e, "element");
        if (!regime_terms_valid(r, e, rule, regime, element))
            continue;
        suppression *s = push(out);
        s->source = e->span.source;
        s->span = e->id_span;
        s->selector = bcp_strdup(rule);
        s->block = e;
        s->target = target;
        s->regime = regime;
        s->element = element;
        s->first = out->count - 1;
        const char *reason = bcp_entity_text(e, "reason");
        s->terms.reason = reason ? bcp_strdup(reason) : NULL;
        const bcp_value *owner = bcp_entity_value(e, "owner");
        if (owner && owner->kind == BCP_V_REF) {
            s->terms.owner = bcp_strprintf("%s.%s", owner->as.ref.kind_name, owner->as.ref.id);
            s->terms.owner_entity = owner->as.ref.target;
        }
        s->terms.has_until = bcp_entity_date(e, "until", &s->terms.until);
        if (s->terms.has_until)
            s->terms.until_span = bcp_entity_attr(e, "until")->value.span;
        s->terms.has_approved = bcp_entity_date(e, "approved", &s->terms.approved);
    }
}

/* Checks what is wrong with a suppression as a whole: no reason (H104),
 * approval after expiry (H105). */
static void check_terms(const reporter *r, suppression *s, size_t index)
{
    if (s->terms.has_until && r->opts && r->opts->today > s->terms.until)
        s->expired = true;
    if (s->first != index)
        return;
    if (s->terms.has_until && s->terms.has_approved && s->terms.approved > s->terms.until) {
        char a[11], u[11];
        bcp_format_date(s->terms.approved, a);
        bcp_format_date(s->terms.until, u);
        bcp_diag *d = engine_report(r, BCP_DEVIATION_INVALID_CODE, &s->terms.until_span,
                                    "the deviation expires (%s) before it was approved (%s)", u, a);
        if (d)
            bcp_diag_set_hint(d, "correct the dates: `approved` is the day it was accepted, `until` the last day it holds");
    }
}

/* H104 once per comment or block, at its first selector that accepted something. */
static void report_no_reason(const reporter *r, const suppression *s, suppression *first)
{
    if (first->reason_reported || (s->terms.reason && s->terms.reason[0]))
        return;
    first->reason_reported = true;
    bcp_diag *d = s->block ? engine_report(r, BCP_DEVIATION_NO_REASON_CODE, &s->span,
                                           "deviation `%s` accepts `%s` findings without saying why", s->block->id,
                                           s->selector)
                           : engine_report(r, BCP_DEVIATION_NO_REASON_CODE, &s->span,
                                           "suppression of `%s` gives no reason", s->selector);
    if (!d)
        return;
    if (s->block) {
        bcp_diag_set_hint(d, "add `reason = \"...\"` to the block: why the organisation accepts this finding");
    } else if (!s->terms.reason) {
        bcp_diag_set_hint(d, "say why after the brackets: # bcp: ignore[%s] reason=\"...\" owner=contact.ID "
                             "until=YYYY-MM-DD", s->selector);
        bcp_diag_add_fix(d, &s->bracket, " reason=\"\"", "add a reason");
    }
}

/* ------------------------------------------------------------ applying */

static bool is_rule_finding(const bcp_diag *d)
{
    return d->code && d->code[0] != 'E' && bcp_rule_find(d->code) != NULL;
}

static bool same_source(const bcp_source *a, const bcp_source *b)
{
    return a == b || (a && b && a->path && b->path && strcmp(a->path, b->path) == 0);
}

static bool covers(const suppression *s, const bcp_diag *d)
{
    if (s->block) {
        /* the block may be in another file than the entity it concerns */
        const bcp_span *t = &s->target->span;
        if (!d->span.source || !same_source(d->span.source, t->source) || d->span.start_byte < t->start_byte ||
            d->span.start_byte >= t->end_byte)
            return false;
    } else if (!d->span.source || !same_source(d->span.source, s->source) ||
               (!s->whole_file && d->span.row != s->row && d->span.row != s->next_row)) {
        return false;
    }
    const bcp_rule *rule = bcp_rule_find(d->code);
    if (!rule || !bcp_rule_selected_by(rule, s->selector))
        return false;
    return !s->regime || (strcmp(rule->code, "G101") == 0 && bcp_regime_message_is(d->message, s->regime, s->element));
}

/* The innermost block with an id around a span of a plan file; a nested-only
 * block (a system's backup) stands for its parent. */
static const bcp_entity *enclosing_entity(const bcp_model *model, const bcp_span *span)
{
    const bcp_entity *best = NULL;
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        if (k == BCP_KIND_DEVIATION || k == BCP_KIND_LOCALE || k == BCP_KIND_CONFIG ||
            bcp_schema_kind((bcp_kind)k)->nested_only)
            continue;
        const bcp_entity_list *list = bcp_model_entities(model, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->from_stdlib || !e->id || !same_source(e->span.source, span->source) ||
                span->start_byte < e->span.start_byte || span->start_byte >= e->span.end_byte)
                continue;
            if (!best || e->span.end_byte - e->span.start_byte < best->span.end_byte - best->span.start_byte)
                best = e;
        }
    }
    return best;
}

static void accept(bcp_lint_deviation_list *accepted, const bcp_model *model, const suppression *s, const bcp_diag *d)
{
    accepted->items = bcp_grow(accepted->items, &accepted->capacity, accepted->count, sizeof *accepted->items);
    bcp_lint_deviation *v = &accepted->items[accepted->count++];
    memset(v, 0, sizeof *v);
    const bcp_rule *rule = bcp_rule_find(d->code);
    v->code = rule->code;
    v->name = rule->name;
    v->entity = s->block ? s->target : enclosing_entity(model, &d->span);
    v->block = s->block;
    v->where = s->span;
    v->finding = d->span;
    v->message = bcp_strdup(d->message ? d->message : "");
    v->reason = s->terms.reason && s->terms.reason[0] ? bcp_strdup(s->terms.reason) : NULL;
    v->owner = s->terms.owner ? bcp_strdup(s->terms.owner) : NULL;
    v->owner_entity = s->terms.owner_entity;
    v->until = s->terms.until;
    v->has_until = s->terms.has_until;
    v->approved = s->terms.approved;
    v->has_approved = s->terms.has_approved;
}

static void report_unused(const reporter *r, const suppression *s)
{
    const bcp_rule *target = bcp_rule_find(s->selector);
    bool known = bcp_selector_valid(s->selector);
    int target_index = target ? bcp_rule_index(target) : -1;
    /* A suppression of a rule that did not run is not known to be unused. */
    bool ran = target_index < 0 || bcp_lint_rule_enabled(r->opts, (size_t)target_index);
    if (known && !ran)
        return;
    const bcp_rule *unused = bcp_rule_find(BCP_UNUSED_SUPPRESSION_CODE);
    bcp_diag *d;
    if (s->block && s->regime)
        d = engine_report(r, BCP_UNUSED_SUPPRESSION_CODE, &s->span,
                          "unused deviation: no `%s` finding of %s%s%s%s in %s `%s`", s->selector, s->regime->id,
                          s->element ? " element `" : "", s->element ? s->element : "", s->element ? "`" : "",
                          bcp_kind_name(s->target->kind), s->target->id);
    else if (s->block)
        d = engine_report(r, BCP_UNUSED_SUPPRESSION_CODE, &s->span,
                          "unused deviation: no `%s` finding in %s `%s`", s->selector, bcp_kind_name(s->target->kind),
                          s->target->id);
    else
        d = engine_report(r, BCP_UNUSED_SUPPRESSION_CODE, &s->span,
                          known ? "unused suppression: no `%s` finding %s"
                                : "unknown rule `%s` in a suppression comment%s",
                          s->selector,
                          known ? (s->whole_file             ? "in this file"
                                   : s->row == s->next_row ? "on this line"
                                                           : "on this line or the next")
                                : "");
    if (d && !known)
        bcp_diag_set_hint(d, "name a rule by code or name; `bcp rules` lists them");
    else if (d && unused)
        bcp_diag_set_hint(d, "%s", unused->fix);
}

static int compare_accepted(const void *pa, const void *pb)
{
    const bcp_lint_deviation *a = pa, *b = pb;
    const char *fa = a->finding.source && a->finding.source->path ? a->finding.source->path : "";
    const char *fb = b->finding.source && b->finding.source->path ? b->finding.source->path : "";
    int c = strcmp(fa, fb);
    if (c)
        return c;
    if (a->finding.start_byte != b->finding.start_byte)
        return a->finding.start_byte < b->finding.start_byte ? -1 : 1;
    if ((c = strcmp(a->code, b->code)) != 0)
        return c;
    if (a->where.start_byte != b->where.start_byte)
        return a->where.start_byte < b->where.start_byte ? -1 : 1;
    return 0;
}

void bcp_lint_apply_deviations(bcp_diag_list *list, const bcp_model *model, const bcp_lint_options *opts,
                               bcp_lint_deviation_list *accepted)
{
    bcp_diag_list found = {0};
    reporter r = {.list = &found, .opts = opts};
    suppression_list sups = {0};
    for (size_t i = 0; i < bcp_model_source_count(model); i++) {
        size_t count;
        const bcp_comment *comments = bcp_model_comments(model, i, &count);
        for (size_t j = 0; j < count; j++)
            parse_comment(&r, model, &comments[j], &sups);
    }
    read_blocks(&r, model, &sups);
    for (size_t j = 0; j < sups.count; j++)
        check_terms(&r, &sups.items[j], j);
    size_t kept = 0;
    for (size_t i = 0; sups.count && i < list->count; i++) {
        bcp_diag *d = &list->items[i];
        const suppression *by = NULL;
        if (is_rule_finding(d)) {
            for (size_t j = 0; j < sups.count; j++) {
                suppression *s = &sups.items[j];
                if (!covers(s, d))
                    continue;
                s->used = true;
                if (!s->expired && !by)
                    by = s;
            }
            for (size_t j = 0; !by && j < sups.count; j++) {
                const suppression *s = &sups.items[j];
                if (s->expired && covers(s, d)) {
                    char date[11];
                    bcp_format_date(s->terms.until, date);
                    bcp_diag_add_note(d, &s->terms.until_span, "the accepted deviation of this finding expired on %s",
                                      date);
                }
            }
        }
        if (by) {
            if (accepted)
                accept(accepted, model, by, d);
            bcp_diag_free(d);
        } else {
            list->items[kept++] = *d;
        }
    }
    if (sups.count)
        list->count = kept;
    for (size_t j = 0; j < sups.count; j++) {
        suppression *s = &sups.items[j];
        if (s->used)
            report_no_reason(&r, s, &sups.items[s->first]);
        else
            report_unused(&r, s);
        bcp_free(s->selector);
        terms_free(&s->terms);
    }
    bcp_free(sups.items);
    bcp_diag_list_append(list, &found);
    if (accepted && accepted->count > 1)
        qsort(accepted->items, accepted->count, sizeof *accepted->items, compare_accepted);
}

bool bcp_lint_has_deviations(const bcp_model *model)
{
    const bcp_entity_list *blocks = bcp_model_entities(model, BCP_KIND_DEVIATION);
    for (size_t i = 0; i < blocks->count; i++)
        if (!blocks->items[i]->from_stdlib)
            return true;
    for (size_t i = 0; i < bcp_model_source_count(model); i++) {
        size_t count;
        const bcp_comment *comments = bcp_model_comments(model, i, &count);
        for (size_t j = 0; j < count; j++) {
            const char *text = comments[j].span.source->text;
            size_t k = comments[j].span.start_byte + 1, end = comments[j].span.end_byte;
            while (k < end && is_space(text[k]))
                k++;
            if (skip_word(text, &k, end, "bcp:"))
                return true;
        }
    }
    return false;
}

void bcp_lint_apply_suppressions(bcp_diag_list *list, const bcp_model *model, const bcp_lint_options *opts)
{
    bcp_lint_apply_deviations(list, model, opts, NULL);
}

void bcp_lint_deviation_list_free(bcp_lint_deviation_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        bcp_free(list->items[i].message);
        bcp_free(list->items[i].reason);
        bcp_free(list->items[i].owner);
    }
    bcp_free(list->items);
    memset(list, 0, sizeof *list);
}

bool bcp_lint_deviation_find(const bcp_lint_deviation_list *list, const char *code, const bcp_entity *entity, size_t *index)
{
    for (size_t i = 0; list && i < list->count; i++) {
        if (list->items[i].entity == entity && strcmp(list->items[i].code, code) == 0) {
            if (index)
                *index = i;
            return true;
        }
    }
    return false;
}
