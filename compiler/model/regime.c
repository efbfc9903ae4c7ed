/* Regime element queries: parsing, validation and evaluation (see regime.h). */
#define _DEFAULT_SOURCE
#include "regime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "model_internal.h"

enum { MAX_TERMS = 8, WORD_MAX = 128 };

typedef enum op { OP_NONE, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_REFERS } op;

typedef struct term {
    bool negate;
    const bcp_attr_schema *attr;   /* NULL: a child kind */
    bcp_kind child;
    op op;
    /* the value */
    char word[WORD_MAX];
    int64_t number;                /* seconds, integer, days */
    bool boolean;
    bcp_kind refers;
} term;

typedef struct query {
    bool every;                    /* every ... has ...; else a count */
    bcp_kind kind;
    long min_count;
    term where[MAX_TERMS];
    size_t where_count;
    term has[MAX_TERMS];
    size_t has_count;
} query;

typedef struct lexer {
    const char *text;
    size_t len, pos;
    /* the current word, and the one before it */
    size_t at, wlen, prev_at, prev_len;
    const char *message;
    size_t err_at, err_len;
} lexer;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_op_char(char c)
{
    return c == '=' || c == '<' || c == '>' || c == '!';
}

/* Advances to the next word; false at the end. */
static bool next_word(lexer *lx)
{
    if (lx->wlen) {
        lx->prev_at = lx->at;
        lx->prev_len = lx->wlen;
    }
    while (lx->pos < lx->len && is_space(lx->text[lx->pos]))
        lx->pos++;
    lx->at = lx->pos;
    if (lx->pos >= lx->len) {
        lx->wlen = 0;
        return false;
    }
    if (is_op_char(lx->text[lx->pos])) {
        while (lx->pos < lx->len && is_op_char(lx->text[lx->pos]))
            lx->pos++;
    } else {
        while (lx->pos < lx->len && !is_space(lx->text[lx->pos]) && !is_op_char(lx->text[lx->pos]))
            lx->pos++;
    }
    lx->wlen = lx->pos - lx->at;
    return true;
}

static bool peek_is(lexer *lx, const char *w)
{
    lexer copy = *lx;
    return next_word(&copy) && copy.wlen == strlen(w) && strncmp(copy.text + copy.at, w, copy.wlen) == 0;
}

static bool word_is(const lexer *lx, const char *w)
{
    return lx->wlen == strlen(w) && strncmp(lx->text + lx->at, w, lx->wlen) == 0;
}

static bool fail(lexer *lx, const char *message)
{
    if (!lx->message) {
        lx->message = message;
        lx->err_at = lx->at;
        lx->err_len = lx->wlen ? lx->wlen : 1;
        if (lx->err_at >= lx->len && lx->len) { /* at the end: the last word */
            lx->err_at = lx->prev_len ? lx->prev_at : lx->len - 1;
            lx->err_len = lx->prev_len ? lx->prev_len : 1;
        }
    }
    return false;
}

static bool expect_word(lexer *lx, const char *message)
{
    if (!next_word(lx))
        return fail(lx, message);
    return true;
}

static bool read_kind(lexer *lx, size_t len, bcp_kind *out)
{
    bcp_kind k = bcp_schema_kind_by_name(lx->text + lx->at, len);
    if (k == BCP_KIND_COUNT || bcp_schema_kind(k)->catalogue || k == BCP_KIND_LOCALE || k == BCP_KIND_CONFIG)
        return fail(lx, "expected a kind of plan entry (function, system, contact, ...)");
    *out = k;
    return true;
}

static op read_op(const lexer *lx)
{
    static const struct { const char *w; op o; } ops[] = {
        {"=", OP_EQ}, {"!=", OP_NE}, {"<", OP_LT}, {"<=", OP_LE}, {">", OP_GT}, {">=", OP_GE}, {"refers", OP_REFERS},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (word_is(lx, ops[i].w))
            return ops[i].o;
    return OP_NONE;
}

/* The value after an operator, checked against the attribute's type. */
static bool read_value(lexer *lx, term *t)
{
    if (!expect_word(lx, "expected a value after the operator"))
        return false;
    if (lx->wlen >= WORD_MAX)
        return fail(lx, "value too long");
    memcpy(t->word, lx->text + lx->at, lx->wlen);
    t->word[lx->wlen] = '\0';
    const bcp_attr_schema *a = t->attr;
    if (t->op == OP_REFERS) {
        if (a->type != BCP_T_REF)
            return fail(lx, "`refers` needs a reference attribute");
        bcp_kind k = bcp_schema_kind_by_name(t->word, lx->wlen);
        if (k == BCP_KIND_COUNT || !bcp_schema_set_contains(a->target, t->word, lx->wlen))
            return fail(lx, "this attribute cannot refer to that kind");
        t->refers = k;
        return true;
    }
    bool ordered = t->op == OP_LT || t->op == OP_LE || t->op == OP_GT || t->op == OP_GE;
    switch (a->type) {
    case BCP_T_DURATION:
        if (!bcp_parse_duration(t->word, lx->wlen, &t->number))
            return fail(lx, "expected a duration (4h, 30m, 1y)");
        return true;
    case BCP_T_INTEGER:
    case BCP_T_SCORE: {
        char *end;
        t->number = strtoll(t->word, &end, 10);
        if (*end || end == t->word)
            return fail(lx, "expected an integer");
        return true;
    }
    case BCP_T_DATE: {
        int32_t days;
        if (!bcp_parse_date(t->word, lx->wlen, &days))
            return fail(lx, "expected a date (YYYY-MM-DD)");
        t->number = days;
        return true;
    }
    default:
        break;
    }
    if (ordered)
        return fail(lx, "only durations, integers and dates can be compared with < <= > >=");
    if (a->type == BCP_T_BOOL) {
        if (strcmp(t->word, "true") && strcmp(t->word, "false"))
            return fail(lx, "expected true or false");
        t->boolean = strcmp(t->word, "true") == 0;
    } else if (a->type == BCP_T_ENUM) {
        for (const char *p = t->word; *p;) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            if (!n || !bcp_schema_set_contains(a->target, p, n))
                return fail(lx, "not a value of this attribute");
            p += n + (bar ? 1 : 0);
        }
    }
    return true;
}

/* TERM := [not] ATTR [OP VALUE] | [not] CHILD_KIND, for entities of `kind`. */
static bool read_term(lexer *lx, bcp_kind kind, term *t)
{
    memset(t, 0, sizeof *t);
    if (!expect_word(lx, "expected an attribute"))
        return false;
    if (word_is(lx, "not")) {
        t->negate = true;
        if (!expect_word(lx, "expected an attribute after `not`"))
            return false;
    }
    t->attr = bcp_schema_attr(kind, lx->text + lx->at, lx->wlen);
    if (!t->attr) {
        bcp_kind child = bcp_schema_kind_by_name(lx->text + lx->at, lx->wlen);
        const bcp_kind_schema *ks = bcp_schema_kind(kind);
        if (child == BCP_KIND_COUNT || !bcp_schema_set_contains(ks->children, lx->text + lx->at, lx->wlen))
            return fail(lx, "no such attribute (or nested block) of this kind");
        t->child = child;
        return true;
    }
    lexer copy = *lx;
    if (next_word(&copy)) {
        op o = read_op(&copy);
        bool ordered = o == OP_LT || o == OP_LE || o == OP_GT || o == OP_GE;
        bcp_type ty = t->attr->type;
        bool comparable = ty == BCP_T_DURATION || ty == BCP_T_INTEGER || ty == BCP_T_SCORE || ty == BCP_T_DATE;
        /* `max function.rto where important <= 4h`: the comparison is max's */
        if (o != OP_NONE && (!ordered || comparable)) {
            *lx = copy;
            t->op = o;
            return read_value(lx, t);
        }
    }
    return true;
}

static bool read_terms(lexer *lx, bcp_kind kind, term *terms, size_t *count)
{
    do {
        if (*count >= MAX_TERMS)
            return fail(lx, "too many conditions");
        if (!read_term(lx, kind, &terms[(*count)++]))
            return false;
    } while (peek_is(lx, "and") && next_word(lx));
    return true;
}

/* An optional `where COND`. */
static bool read_where(lexer *lx, query *q)
{
    if (!peek_is(lx, "where"))
        return true;
    next_word(lx);
    return read_terms(lx, q->kind, q->where, &q->where_count);
}

/* `KIND.ATTR` of max and plan forms: the kind part has been read as `len`. */
static bool read_dotted(lexer *lx, query *q, term *t)
{
    const char *dot = memchr(lx->text + lx->at, '.', lx->wlen);
    if (!dot)
        return fail(lx, "expected KIND.ATTRIBUTE");
    size_t klen = (size_t)(dot - (lx->text + lx->at));
    size_t keep = lx->wlen;
    lx->wlen = klen;
    if (!read_kind(lx, klen, &q->kind))
        return false;
    lx->wlen = keep;
    memset(t, 0, sizeof *t);
    t->attr = bcp_schema_attr(q->kind, dot + 1, keep - klen - 1);
    if (!t->attr)
        return fail(lx, "no such attribute of this kind");
    return true;
}

static bool parse(lexer *lx, query *q)
{
    memset(q, 0, sizeof *q);
    if (!expect_word(lx, "empty query"))
        return false;
    if (word_is(lx, "every")) {
        q->every = true;
        if (!expect_word(lx, "expected a kind after `every`") || !read_kind(lx, lx->wlen, &q->kind))
            return false;
        if (!read_where(lx, q))
            return false;
        if (!expect_word(lx, "expected `has`") || (!word_is(lx, "has") && !fail(lx, "expected `has`")))
            return false;
        if (!read_terms(lx, q->kind, q->has, &q->has_count))
            return false;
    } else if (word_is(lx, "exists") || word_is(lx, "at")) {
        q->min_count = 1;
        if (word_is(lx, "at")) {
            if (!expect_word(lx, "expected `least`") || (!word_is(lx, "least") && !fail(lx, "expected `least`")))
                return false;
            if (!expect_word(lx, "expected a number"))
                return false;
            char buf[24];
            if (lx->wlen >= sizeof buf)
                return fail(lx, "expected a number");
            memcpy(buf, lx->text + lx->at, lx->wlen);
            buf[lx->wlen] = '\0';
            char *end;
            q->min_count = strtol(buf, &end, 10);
            if (*end || q->min_count < 1)
                return fail(lx, "expected a number of 1 or more");
        }
        if (!expect_word(lx, "expected a kind") || !read_kind(lx, lx->wlen, &q->kind))
            return false;
        if (!read_where(lx, q))
            return false;
    } else if (word_is(lx, "max")) {
        q->every = true;
        if (!expect_word(lx, "expected KIND.ATTRIBUTE after `max`"))
            return false;
        term *t = &q->has[q->has_count++];
        if (!read_dotted(lx, q, t))
            return false;
        if (!read_where(lx, q))
            return false;
        if (!expect_word(lx, "expected a comparison (<=, <, >=, >)"))
            return false;
        t->op = read_op(lx);
        if (t->op != OP_LE && t->op != OP_LT && t->op != OP_GE && t->op != OP_GT)
            return fail(lx, "expected a comparison (<=, <, >=, >)");
        if (!read_value(lx, t))
            return false;
    } else if (lx->wlen > 5 && strncmp(lx->text + lx->at, "plan.", 5) == 0) {
        q->every = true;
        term *t = &q->has[q->has_count++];
        if (!read_dotted(lx, q, t))
            return false;
        lexer copy = *lx;
        if (next_word(&copy)) {
            op o = read_op(&copy);
            if (o == OP_NONE)
                return fail(&copy, "expected an operator");
            *lx = copy;
            t->op = o;
            if (!read_value(lx, t))
                return false;
        }
    } else {
        return fail(lx, "a query starts with every, exists, at least, max or plan.ATTRIBUTE");
    }
    if (next_word(lx))
        return fail(lx, "unexpected words at the end of the query");
    return true;
}

static bool parse_query(const char *text, size_t length, query *q, lexer *lx)
{
    memset(lx, 0, sizeof *lx);
    lx->text = text;
    lx->len = length;
    return parse(lx, q);
}

bool bcp_regime_query_valid(const char *text, size_t length, const char **message, size_t *at, size_t *len)
{
    query q;
    lexer lx;
    if (parse_query(text, length, &q, &lx))
        return true;
    *message = lx.message;
    *at = lx.err_at;
    *len = lx.err_len;
    return false;
}

/* ------------------------------------------------------------ evaluation */

static bool bool_default(const bcp_attr_schema *a)
{
    return a->default_text && strcmp(a->default_text, "true") == 0;
}

/* Is `name` one of the `|`-separated alternatives of the term's word? */
static bool word_matches(const term *t, const char *name)
{
    return bcp_schema_set_contains(t->word, name, strlen(name));
}

static bool item_equals(const bcp_value *v, const term *t)
{
    switch (v->kind) {
    case BCP_V_IDENT: return word_matches(t, v->as.ident.name);
    case BCP_V_REF: {
        if (word_matches(t, v->as.ref.id))
            return true;
        char buf[WORD_MAX * 2];
        snprintf(buf, sizeof buf, "%s.%s", v->as.ref.kind_name, v->as.ref.id);
        return word_matches(t, buf);
    }
    case BCP_V_STRING: return word_matches(t, v->as.string.text);
    case BCP_V_BOOL: return v->as.boolean == t->boolean;
    case BCP_V_INTEGER: return v->as.integer == t->number;
    case BCP_V_DURATION: return v->as.seconds == t->number;
    case BCP_V_DATE: return v->as.days == t->number;
    default: return false;
    }
}

static bool item_number(const bcp_value *v, int64_t *n)
{
    switch (v->kind) {
    case BCP_V_DURATION: *n = v->as.seconds; return true;
    case BCP_V_INTEGER: *n = v->as.integer; return true;
    case BCP_V_DATE: *n = v->as.days; return true;
    default:
        if (v->score) {
            *n = v->score;
            return true;
        }
        return false;
    }
}

static bool compare(int64_t a, op o, int64_t b)
{
    switch (o) {
    case OP_LT: return a < b;
    case OP_LE: return a <= b;
    case OP_GT: return a > b;
    case OP_GE: return a >= b;
    default: return false;
    }
}

static bool item_holds(const bcp_value *v, const term *t)
{
    int64_t n;
    switch (t->op) {
    case OP_EQ: return item_equals(v, t);
    case OP_NE: return !item_equals(v, t);
    case OP_REFERS: {
        const bcp_entity *target = v->kind == BCP_V_REF ? v->as.ref.target : NULL;
        return target && target->kind == t->refers;
    }
    default: return item_number(v, &n) && compare(n, t->op, t->number);
    }
}

/* The schema default of an absent attribute as a value (`review_every`
 * defaults to 1y, a supplier's `kind` to vendor); false when it has none. */
static bool default_value(const bcp_attr_schema *a, bcp_value *out)
{
    memset(out, 0, sizeof *out);
    if (!a->default_text || a->list)
        return false;
    size_t n = strlen(a->default_text);
    switch (a->type) {
    case BCP_T_DURATION:
        out->kind = BCP_V_DURATION;
        return bcp_parse_duration(a->default_text, n, &out->as.seconds);
    case BCP_T_INTEGER: {
        char *end;
        out->kind = BCP_V_INTEGER;
        out->as.integer = strtoll(a->default_text, &end, 10);
        return *end == '\0';
    }
    case BCP_T_ENUM:
        out->kind = BCP_V_IDENT;
        out->as.ident.name = a->default_text;
        return true;
    default:
        return false;
    }
}

static bool term_holds(const bcp_entity *e, const term *t)
{
    bool r = false;
    bcp_value fallback;
    if (!t->attr) {
        for (size_t i = 0; i < e->child_count && !r; i++)
            r = e->children[i]->kind == t->child;
    } else {
        const bcp_value *v = bcp_entity_value(e, t->attr->name);
        if (!v && t->op != OP_NONE && default_value(t->attr, &fallback))
            v = &fallback;
        if (t->op == OP_NONE) {
            if (t->attr->type == BCP_T_BOOL)
                r = v && v->kind == BCP_V_BOOL ? v->as.boolean : (!v && bool_default(t->attr));
            else if (v && v->kind == BCP_V_LIST)
                r = v->as.list.count > 0;
            else
                r = v != NULL;
        } else if (!v && t->attr->type == BCP_T_BOOL && (t->op == OP_EQ || t->op == OP_NE)) {
            r = (bool_default(t->attr) == t->boolean) == (t->op == OP_EQ);
        } else if (v && v->kind == BCP_V_LIST) {
            for (size_t i = 0; i < v->as.list.count && !r; i++)
                r = item_holds(&v->as.list.items[i], t);
            if (t->op == OP_NE) { /* no item equals */
                r = true;
                for (size_t i = 0; i < v->as.list.count && r; i++)
                    r = !item_equals(&v->as.list.items[i], t);
            }
        } else if (v) {
            r = item_holds(v, t);
        }
    }
    return t->negate ? !r : r;
}

static bool all_hold(const bcp_entity *e, const term *terms, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!term_holds(e, &terms[i]))
            return false;
    return true;
}

typedef struct evidence {
    const bcp_entity **items;
    size_t count, capacity;
} evidence;

static void evidence_add(evidence *ev, const bcp_entity *e)
{
    for (size_t i = 0; i < ev->count; i++)
        if (ev->items[i] == e)
            return;
    ev->items = bcp_grow(ev->items, &ev->capacity, ev->count, sizeof *ev->items);
    ev->items[ev->count++] = e;
}

static bool evaluate(const bcp_model *m, const query *q, evidence *ev)
{
    const bcp_entity_list *l = bcp_model_entities(m, q->kind);
    size_t matched = 0, before = ev->count;
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *e = l->items[i];
        if (e->from_stdlib || !all_hold(e, q->where, q->where_count))
            continue;
        if (q->every && !all_hold(e, q->has, q->has_count)) {
            ev->count = before;
            return false;
        }
        matched++;
        evidence_add(ev, e->parent ? e->parent : e);
    }
    bool ok = q->every ? matched > 0 : matched >= (size_t)q->min_count;
    if (!ok)
        ev->count = before;
    return ok;
}

void bcp_regime_evaluate(const bcp_model *m, const bcp_entity *regime, bcp_element_status_list *out)
{
    for (size_t c = 0; c < regime->child_count; c++) {
        const bcp_entity *el = regime->children[c];
        if (el->kind != BCP_KIND_ELEMENT)
            continue;
        out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
        bcp_element_status *s = &out->items[out->count++];
        memset(s, 0, sizeof *s);
        s->regime = regime;
        s->element = el;
        s->met = true;
        evidence ev = {0};
        const bcp_value *req = bcp_entity_value(el, "require");
        size_t n = req && req->kind == BCP_V_LIST ? req->as.list.count : 0;
        for (size_t i = 0; i < n && s->met; i++) {
            const bcp_value *v = &req->as.list.items[i];
            query q;
            lexer lx;
            if (v->kind != BCP_V_STRING || !parse_query(v->as.string.text, v->as.string.length, &q, &lx) ||
                !evaluate(m, &q, &ev)) {
                s->met = false;
                s->failed = i;
            }
        }
        if (!n)
            s->met = false;
        if (s->met) {
            s->evidence = ev.items;
            s->evidence_count = ev.count;
        } else {
            bcp_free(ev.items);
        }
    }
}

void bcp_element_status_list_free(bcp_element_status_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        bcp_free((void *)list->items[i].evidence);
    bcp_free(list->items);
    memset(list, 0, sizeof *list);
}

size_t bcp_regimes_applying(const bcp_model *m, const char *const *extra, size_t extra_count,
                            const bcp_entity **out, size_t cap)
{
    size_t n = 0;
    const bcp_entity *plan = bcp_model_plan(m);
    const bcp_value *v = plan ? bcp_entity_value(plan, "regimes") : NULL;
    size_t listed = v && v->kind == BCP_V_LIST ? v->as.list.count : 0;
    for (size_t i = 0; i < listed + extra_count && n < cap; i++) {
        const bcp_entity *r = NULL;
        if (i < listed) {
            const bcp_value *it = &v->as.list.items[i];
            r = it->kind == BCP_V_IDENT ? it->as.ident.target : it->kind == BCP_V_REF ? it->as.ref.target : NULL;
        } else {
            r = bcp_model_find(m, BCP_KIND_REGIME, extra[i - listed]);
        }
        if (!r || r->kind != BCP_KIND_REGIME)
            continue;
        bool seen = false;
        for (size_t j = 0; j < n && !seen; j++)
            seen = out[j] == r;
        if (!seen)
            out[n++] = r;
    }
    return n;
}

void bcp_regime_unmet_message(const bcp_element_status *s, char *buf, size_t size)
{
    const char *clause = bcp_entity_text(s->element, "clause");
    snprintf(buf, size, "%s: element `%s` (%s) is not met: %s", s->regime->id, s->element->id,
             clause ? clause : "?", bcp_entity_label(s->element));
}

const bcp_entity *bcp_regime_element(const bcp_entity *regime, const char *id)
{
    for (size_t c = 0; regime && id && c < regime->child_count; c++) {
        const bcp_entity *el = regime->children[c];
        if (el->kind == BCP_KIND_ELEMENT && el->id && strcmp(el->id, id) == 0)
            return el;
    }
    return NULL;
}

bool bcp_regime_message_is(const char *message, const bcp_entity *regime, const char *element)
{
    if (!message || !regime || !regime->id)
        return false;
    char prefix[512];
    if (element)
        snprintf(prefix, sizeof prefix, "%s: element `%s` (", regime->id, element);
    else
        snprintf(prefix, sizeof prefix, "%s: element `", regime->id);
    return strncmp(message, prefix, strlen(prefix)) == 0;
}

/* ------------------------------------------------------------ model check */

static void check_element(bcp_model *m, const bcp_entity *el)
{
    const bcp_value *req = bcp_entity_value(el, "require");
    if (!req || req->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < req->as.list.count; i++) {
        const bcp_value *v = &req->as.list.items[i];
        if (v->kind != BCP_V_STRING)
            continue;
        const char *message;
        size_t at, len;
        if (bcp_regime_query_valid(v->as.string.text, v->as.string.length, &message, &at, &len))
            continue;
        /* Into the string, past its quote: exact while the text before the
         * fault has no escapes (a query has none). */
        bcp_span span = v->span;
        uint32_t off = (uint32_t)at + 1;
        if (span.start_byte + off + len <= span.end_byte && span.row == v->span.row) {
            span.start_byte += off;
            span.byte_column += off;
            span.end_byte = span.start_byte + (uint32_t)len;
        }
        bcp_diag *d = bcp_model_error(m, BCP_CODE_E185, &span, "bad regime query in element `%s`: %s",
                                      el->id ? el->id : "?", message);
        bcp_diag_set_hint(d, "queries read like `every function where important has impact_tolerance` or "
                             "`exists message where audience = regulators`; see docs/regimes.md");
    }
}

void bcp_regime_check_model(bcp_model *m)
{
    const bcp_entity_list *els = &m->by_kind[BCP_KIND_ELEMENT];
    for (size_t i = 0; i < els->count; i++)
        check_element(m, els->items[i]);
    const bcp_entity *plan = m->plan;
    const bcp_value *v = plan ? bcp_entity_value(plan, "regimes") : NULL;
    if (!v || v->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < v->as.list.count; i++)
        for (size_t j = 0; j < i; j++) {
            const bcp_value *a = &v->as.list.items[i], *b = &v->as.list.items[j];
            if (a->kind == BCP_V_IDENT && b->kind == BCP_V_IDENT && strcmp(a->as.ident.name, b->as.ident.name) == 0) {
                bcp_diag *d = bcp_model_error(m, BCP_CODE_E186, &a->span, "regime `%s` is listed twice",
                                              a->as.ident.name);
                bcp_diag_add_note(d, &b->span, "first listed here");
                break;
            }
        }
}
