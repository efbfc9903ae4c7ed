/* The causes of syntax errors.  Tree-sitter recovers from a mistake by
 * guessing, and what it reports afterwards is often an echo of the mistake
 * far from it: one missing `}` turns every later block into a nested one.
 * This scan reads the text again with the shape of the grammar in mind (a
 * stack of open blocks and lists, statement by statement) and names the
 * common slips where they are made: a block or list never closed (at the
 * brace that opened it, with a note where indentation says it should have
 * closed), a closing brace with no opening one, a missing `=` or `,`, a
 * duration with a space (`24 hours`), text with spaces not in quotes.
 * bcp_syntax_report_errors (syntax.c) reports these causes and folds the
 * tree's errors that follow from them. */
#include "causes.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/diag.h"
#include "scan.h"

typedef enum tok_kind {
    T_IDENT, T_REF, T_NUMBER, T_DURATION, T_DATE, T_STRING, T_MSTRING,
    T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_EQ, T_COMMA, T_OTHER,
} tok_kind;

typedef struct tok {
    tok_kind kind;
    uint32_t start, end;
    uint32_t row, byte_column;
    uint32_t indent;      /* leading blanks of its line, in bytes */
    bool first_on_line;
    bool unclosed;        /* T_STRING: ends at the end of the line */
} tok;

typedef struct tok_list {
    tok *items;
    size_t count, capacity;
} tok_list;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (unsigned char)c >= 0x80;
}
static bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c) || c == '-'; }
static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* The tokens of text[from, to), with rows and columns counted from `row0`
 * at `from` (the start of a line or of the text). */
static void tokenize(const char *text, uint32_t from, uint32_t to, uint32_t row0, tok_list *out)
{
    uint32_t row = row0, line_start = from, i = from;
    while (line_start > 0 && text[line_start - 1] != '\n')
        line_start--;
    bool first = true;
    uint32_t indent = 0;
    for (uint32_t k = line_start; k < to && (text[k] == ' ' || text[k] == '\t'); k++)
        indent++;
    while (i < to) {
        char c = text[i];
        if (c == '\n') {
            row++;
            line_start = ++i;
            first = true;
            indent = 0;
            while (i + indent < to && (text[i + indent] == ' ' || text[i + indent] == '\t'))
                indent++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            i++;
            continue;
        }
        if (c == '#') {
            while (i < to && text[i] != '\n')
                i++;
            continue;
        }
        tok t = {.start = i, .row = row, .byte_column = i - line_start, .indent = indent,
                 .first_on_line = first};
        first = false;
        if (c == '"') {
            bool triple = i + 2 < to && text[i + 1] == '"' && text[i + 2] == '"';
            uint32_t end = (uint32_t)bcp_scan_skip_literal(text, to, i);
            if (end > to)
                end = to;
            t.kind = triple ? T_MSTRING : T_STRING;
            if (!triple && (end == to || text[end - 1] == '\n') && !(end > i + 1 && text[end - 1] == '"')) {
                t.unclosed = true;
                if (end > i && text[end - 1] == '\n')
                    end--;
            }
            if (triple) {
                for (uint32_t k = i; k < end; k++)
                    if (text[k] == '\n') {
                        row++;
                        line_start = k + 1;
                    }
            }
            t.end = end;
            i = end;
        } else if (is_digit(c) || (c == '-' && i + 1 < to && is_digit(text[i + 1]))) {
            uint32_t j = i + 1;
            while (j < to && is_digit(text[j]))
                j++;
            t.kind = T_NUMBER;
            if (c != '-' && j - i == 4 && j < to && text[j] == '-' && j + 1 < to && is_digit(text[j + 1])) {
                j++;
                while (j < to && (is_digit(text[j]) || text[j] == '-'))
                    j++;
                t.kind = T_DATE;
            } else if (c != '-' && j < to && is_letter(text[j])) {
                while (j < to && (is_letter(text[j]) || is_digit(text[j])))
                    j++;
                t.kind = T_DURATION;
            }
            t.end = j;
            i = j;
        } else if (is_ident_start(c)) {
            uint32_t j = i + 1;
            while (j < to && is_ident_char(text[j]))
                j++;
            t.kind = T_IDENT;
            if (j + 1 < to && text[j] == '.' && is_ident_start(text[j + 1])) {
                j++;
                while (j < to && is_ident_char(text[j]))
                    j++;
                t.kind = T_REF;
            }
            t.end = j;
            i = j;
        } else {
            t.kind = c == '{' ? T_LBRACE : c == '}' ? T_RBRACE : c == '[' ? T_LBRACK
                   : c == ']' ? T_RBRACK : c == '=' ? T_EQ : c == ',' ? T_COMMA : T_OTHER;
            /* One code point for anything else. */
            uint32_t j = i + 1;
            while (j < to && ((unsigned char)text[j] & 0xC0) == 0x80)
                j++;
            t.end = j;
            i = j;
        }
        out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
        out->items[out->count++] = t;
    }
}

static bool is_value_start(tok_kind k)
{
    return k == T_IDENT || k == T_REF || k == T_NUMBER || k == T_DURATION || k == T_DATE ||
           k == T_STRING || k == T_MSTRING || k == T_LBRACK;
}

/* The unit a word for time stands for ("hours" -> "h"), or NULL. */
static const char *unit_word(const char *text, const tok *t)
{
    static const struct { const char *word, *unit; } words[] = {
        {"s", "s"}, {"sec", "s"}, {"secs", "s"}, {"second", "s"}, {"seconds", "s"},
        {"m", "m"}, {"min", "m"}, {"mins", "m"}, {"minute", "m"}, {"minutes", "m"},
        {"h", "h"}, {"hr", "h"}, {"hrs", "h"}, {"hour", "h"}, {"hours", "h"},
        {"d", "d"}, {"day", "d"}, {"days", "d"}, {"w", "w"}, {"wk", "w"}, {"week", "w"},
        {"weeks", "w"}, {"mo", "mo"}, {"month", "mo"}, {"months", "mo"}, {"y", "y"},
        {"yr", "y"}, {"yrs", "y"}, {"year", "y"}, {"years", "y"},
        {"分钟", "m"}, {"小时", "h"}, {"天", "d"}, {"日", "d"}, {"周", "w"}, {"星期", "w"},
        {"个月", "mo"}, {"月", "mo"}, {"年", "y"},
    };
    size_t len = t->end - t->start;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t wl = strlen(words[i].word);
        if (wl != len)
            continue;
        bool same = true;
        for (size_t k = 0; k < len && same; k++) {
            char a = text[t->start + k], b = words[i].word[k];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            same = a == b;
        }
        if (same)
            return words[i].unit;
    }
    return NULL;
}

typedef struct scan_state {
    const bcp_source *src;
    const tok *toks;
    size_t count;
    bcp_cause_list *out;
} scan_state;

static bcp_span tok_span(const scan_state *s, const tok *t)
{
    bcp_span span = {.source = s->src, .start_byte = t->start, .end_byte = t->end,
                     .row = t->row, .byte_column = t->byte_column};
    return span;
}

/* A span from the start of token a to the end of token b. */
static bcp_span tok_range(const scan_state *s, const tok *a, const tok *b)
{
    bcp_span span = tok_span(s, a);
    span.end_byte = b->end;
    return span;
}

/* An empty span right after token t, for inserting text. */
static bcp_span after_tok(const scan_state *s, const tok *t)
{
    bcp_span span = tok_span(s, t);
    span.byte_column += t->end - t->start;
    span.start_byte = t->end;
    return span;
}

static bcp_cause *add_cause(scan_state *s, bcp_cause_kind kind, bcp_span span)
{
    bcp_cause_list *l = s->out;
    l->items = bcp_grow(l->items, &l->capacity, l->count, sizeof *l->items);
    bcp_cause *c = &l->items[l->count++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->span = span;
    c->last_row = span.row;
    return c;
}

/* Past the last token on row `row` that starts at index >= i. */
static size_t end_of_row(const scan_state *s, size_t i, uint32_t row)
{
    while (i < s->count && s->toks[i].row == row && s->toks[i].kind != T_LBRACE &&
           s->toks[i].kind != T_RBRACE && s->toks[i].kind != T_LBRACK && s->toks[i].kind != T_RBRACK)
        i++;
    return i;
}

/* Does a statement start at i: `key =` or `kind [id] {`? */
static bool statement_at(const scan_state *s, size_t i)
{
    if (i >= s->count || s->toks[i].kind != T_IDENT)
        return false;
    if (i + 1 < s->count && (s->toks[i + 1].kind == T_EQ || s->toks[i + 1].kind == T_LBRACE))
        return true;
    return i + 2 < s->count && s->toks[i + 1].kind == T_IDENT && s->toks[i + 2].kind == T_LBRACE;
}

/* After a single-token value at v: the slips that continue it on its line.
 * Returns the index of the next token to read. */
static size_t after_value(scan_state *s, size_t v, bool in_list)
{
    const tok *t = &s->toks[v];
    const char *text = s->src->text;
    size_t n = v + 1;
    if (n >= s->count || s->toks[n].row != t->row)
        return n;
    const tok *next = &s->toks[n];
    if (t->kind == T_NUMBER && next->kind == T_IDENT && unit_word(text, next)) {
        bcp_cause *c = add_cause(s, BCP_CAUSE_SPACED_DURATION, tok_range(s, t, next));
        c->fix = bcp_strprintf("%.*s%s", (int)(t->end - t->start), text + t->start, unit_word(text, next));
        return n + 1;
    }
    if (t->kind == T_DURATION && (next->kind == T_DURATION || (next->kind == T_NUMBER && n + 1 < s->count &&
                                   s->toks[n + 1].row == t->row && s->toks[n + 1].kind == T_IDENT &&
                                   unit_word(text, &s->toks[n + 1])))) {
        /* `1h 30m`, `1h 30 minutes`: a compound duration is written without spaces. */
        size_t last = next->kind == T_DURATION ? n : n + 1;
        bcp_cause *c = add_cause(s, BCP_CAUSE_SPACED_DURATION, tok_range(s, t, &s->toks[last]));
        if (next->kind == T_DURATION)
            c->fix = bcp_strprintf("%.*s%.*s", (int)(t->end - t->start), text + t->start,
                                   (int)(next->end - next->start), text + next->start);
        else
            c->fix = bcp_strprintf("%.*s%.*s%s", (int)(t->end - t->start), text + t->start,
                                   (int)(next->end - next->start), text + next->start,
                                   unit_word(text, &s->toks[n + 1]));
        return last + 1;
    }
    if (!in_list && (t->kind == T_IDENT || t->kind == T_NUMBER) && !statement_at(s, n) &&
        (next->kind == T_IDENT || next->kind == T_REF || next->kind == T_NUMBER || next->kind == T_OTHER ||
         next->kind == T_DURATION || next->kind == T_DATE)) {
        /* `fallback = work from home`: text with spaces not in quotes.  It runs
         * to the end of the line (or a closing brace on it). */
        size_t last = n;
        while (last + 1 < s->count && s->toks[last + 1].row == t->row &&
               s->toks[last + 1].kind != T_RBRACE && s->toks[last + 1].kind != T_RBRACK &&
               s->toks[last + 1].kind != T_LBRACE && !statement_at(s, last + 1))
            last++;
        bcp_cause *c = add_cause(s, BCP_CAUSE_UNQUOTED_TEXT, tok_range(s, t, &s->toks[last]));
        bcp_buf quoted = {0};
        bcp_buf_put(&quoted, "\"", 1);
        for (uint32_t k = t->start; k < s->toks[last].end; k++) {
            if (text[k] == '"' || text[k] == '\\')
                bcp_buf_put(&quoted, "\\", 1);
            bcp_buf_put(&quoted, text + k, 1);
        }
        bcp_buf_put(&quoted, "\"", 1);
        c->fix = bcp_buf_take(&quoted);
        return last + 1;
    }
    return n;
}

typedef struct open_mark {
    size_t tok;          /* the `{` or `[` */
    bool list;
} open_mark;

/* The first line after the opener's line that is no deeper than the line the
 * block opened on and is not a closing brace: where the block most likely
 * should have closed.  -1 when there is none. */
static long likely_close(const scan_state *s, size_t opener)
{
    const tok *o = &s->toks[opener];
    for (size_t i = opener + 1; i < s->count; i++) {
        const tok *t = &s->toks[i];
        if (t->first_on_line && t->row > o->row && t->indent <= o->indent && t->kind != T_RBRACE &&
            t->kind != T_RBRACK)
            return (long)i;
    }
    return -1;
}

void bcp_causes_scan(const bcp_source *src, uint32_t from, uint32_t to, uint32_t row0,
                     bcp_cause_list *out)
{
    tok_list toks = {0};
    tokenize(src->text, from, to, row0, &toks);
    scan_state s = {.src = src, .toks = toks.items, .count = toks.count, .out = out};
    open_mark *stack = NULL;
    size_t depth = 0, stack_capacity = 0;
    /* The first block whose closing brace sits shallower than its opening line:
     * the brace most likely belongs to an outer block. */
    long suspect = -1, suspect_close = -1;
    for (size_t k = 0; k < s.count; k++)
        if (s.toks[k].kind == T_STRING && s.toks[k].unclosed)
            add_cause(&s, BCP_CAUSE_UNCLOSED_STRING, tok_span(&s, &s.toks[k]));
    size_t i = 0;
    while (i < s.count) {
        const tok *t = &s.toks[i];
        bool in_list = depth > 0 && stack[depth - 1].list;
        if (t->kind == T_RBRACE || t->kind == T_RBRACK) {
            bool list = t->kind == T_RBRACK;
            if (depth > 0 && stack[depth - 1].list && !list) {
                /* `[a, b }`: the list was never closed; the brace is the block's. */
                const tok *o = &s.toks[stack[depth - 1].tok];
                bcp_cause *c = add_cause(&s, stack[depth - 1].list ? BCP_CAUSE_UNCLOSED_LIST
                                                                   : BCP_CAUSE_UNCLOSED_BLOCK,
                                         tok_span(&s, o));
                c->note = tok_span(&s, t);
                c->has_note = true;
                c->last_row = t->row;
                depth--;
                continue; /* the closing token again, one level out */
            }
            if (depth == 0 || stack[depth - 1].list != list) {
                /* Nothing open, or `]` in a block: one too many. */
                add_cause(&s, BCP_CAUSE_UNMATCHED_CLOSE, tok_span(&s, t));
                i++;
                continue;
            }
            const tok *o = &s.toks[stack[depth - 1].tok];
            if (!list && t->first_on_line && t->indent < o->indent && suspect < 0) {
                suspect = (long)stack[depth - 1].tok;
                suspect_close = (long)i;
            }
            depth--;
            i++;
            continue;
        }
        if (t->kind == T_LBRACE || t->kind == T_LBRACK) {
            stack = bcp_grow(stack, &stack_capacity, depth, sizeof *stack);
            stack[depth].tok = i;
            stack[depth].list = t->kind == T_LBRACK;
            depth++;
            i++;
            continue;
        }
        if (in_list) {
            if (t->kind == T_COMMA || !is_value_start(t->kind)) {
                i++;
                continue;
            }
            size_t n = after_value(&s, i, true);
            if (n < s.count && is_value_start(s.toks[n].kind) && n == i + 1) {
                const tok *next = &s.toks[n];
                bcp_cause *c = add_cause(&s, BCP_CAUSE_MISSING_COMMA, tok_span(&s, next));
                c->fix_span = after_tok(&s, t);
                c->has_fix_span = true;
                c->fix = bcp_strdup(",");
                c->last_row = next->row;
            }
            i = n;
            continue;
        }
        /* In a block body or at the top level: a statement. */
        if (t->kind != T_IDENT) {
            i = i + 1;
            continue;
        }
        if (i + 1 < s.count && s.toks[i + 1].kind == T_EQ) {
            size_t v = i + 2;
            if (v >= s.count || s.toks[v].kind == T_RBRACE ||
                (s.toks[v].row != t->row && (statement_at(&s, v) || !is_value_start(s.toks[v].kind)))) {
                /* `rpo =` with the next statement (or the block's end) on the next line. */
                bcp_cause *c = add_cause(&s, BCP_CAUSE_MISSING_VALUE, tok_range(&s, t, &s.toks[i + 1]));
                c->key = bcp_strndup(src->text + t->start, t->end - t->start);
                /* The parser takes the next block's kind for the value, and
                 * stumbles over that block's braces: they are echoes too. */
                size_t open = v;
                while (open < s.count && open < v + 3 && s.toks[open].kind == T_IDENT)
                    open++;
                if (open < s.count && open > v && s.toks[open].kind == T_LBRACE) {
                    size_t level = 0, k = open;
                    for (; k < s.count; k++) {
                        level += s.toks[k].kind == T_LBRACE;
                        if (s.toks[k].kind == T_RBRACE && --level == 0)
                            break;
                    }
                    if (k < s.count)
                        c->last_row = s.toks[k].row;
                }
                i = v;
            } else if (is_value_start(s.toks[v].kind) && s.toks[v].kind != T_LBRACK) {
                i = after_value(&s, v, false);
            } else {
                i = v;
            }
            continue;
        }
        if (i + 2 < s.count && s.toks[i + 1].kind == T_IDENT && s.toks[i + 1].row == t->row &&
            s.toks[i + 2].row != t->row && s.toks[i + 2].kind == T_IDENT && i + 3 < s.count &&
            s.toks[i + 3].kind == T_EQ && depth == 0) {
            /* `system phones` alone on its line and attributes below: the `{` is missing.
             * Read on as if it were there, so that its `}` closes it. */
            const tok *name = &s.toks[i + 1];
            bcp_cause *c = add_cause(&s, BCP_CAUSE_MISSING_OPEN, tok_range(&s, t, name));
            c->fix_span = after_tok(&s, name);
            c->has_fix_span = true;
            c->fix = bcp_strdup(" {");
            stack = bcp_grow(stack, &stack_capacity, depth, sizeof *stack);
            stack[depth].tok = i + 1;
            stack[depth].list = false;
            depth++;
            i += 2;
            continue;
        }
        if (statement_at(&s, i) || (i + 1 < s.count && s.toks[i + 1].kind == T_IDENT &&
                                    s.toks[i + 1].row != t->row)) {
            i++;
            continue;
        }
        if (i + 1 < s.count && s.toks[i + 1].row == t->row && is_value_start(s.toks[i + 1].kind) &&
            !(strncmp(src->text + t->start, "use", 3) == 0 && t->end - t->start == 3)) {
            /* `owner contact.gm`: the `=` is missing. */
            const tok *next = &s.toks[i + 1];
            if (next->kind == T_IDENT && i + 2 < s.count && s.toks[i + 2].kind == T_LBRACE) {
                i++;
                continue;
            }
            bcp_cause *c = add_cause(&s, BCP_CAUSE_MISSING_EQUALS, tok_span(&s, t));
            c->fix_span = after_tok(&s, t);
            c->has_fix_span = true;
            c->fix = bcp_strdup(" =");
            c->key = bcp_strndup(src->text + t->start, t->end - t->start);
            i = next->kind == T_LBRACK ? i + 1 : after_value(&s, i + 1, false);
            continue;
        }
        i = end_of_row(&s, i + 1, t->row);
    }
    /* Blocks and lists never closed: one cause, at the opening brace. */
    if (depth > 0) {
        size_t opener = stack[0].tok;
        for (size_t k = 0; k < depth; k++)
            if (stack[k].list) {
                opener = stack[k].tok; /* a list never closed swallows the rest first */
                break;
            }
        if (!stack[0].list && suspect >= 0)
            opener = (size_t)suspect;
        const tok *o = &s.toks[opener];
        bool list = o->kind == T_LBRACK;
        bcp_cause *c = add_cause(&s, list ? BCP_CAUSE_UNCLOSED_LIST : BCP_CAUSE_UNCLOSED_BLOCK,
                                 tok_span(&s, o));
        c->last_row = UINT32_MAX; /* what follows is read inside it */
        long close = list ? -1 : likely_close(&s, opener);
        if (suspect >= 0 && opener == (size_t)suspect)
            close = suspect_close;
        if (close >= 0) {
            const tok *at = &s.toks[close];
            c->note = tok_span(&s, at);
            c->has_note = true;
            c->note_is_close = true;
            c->fix_span = tok_span(&s, at);
            c->fix_span.end_byte = c->fix_span.start_byte;
            /* Insert a brace at the indentation of the opening line, on a line of its own. */
            c->fix_span.start_byte -= at->byte_column;
            c->fix_span.end_byte = c->fix_span.start_byte;
            c->fix_span.byte_column = 0;
            c->has_fix_span = true;
            c->fix = bcp_strprintf("%*s}\n", (int)o->indent, "");
        }
    }
    bcp_free(stack);
    bcp_free(toks.items);
}

static int by_place(const void *a, const void *b)
{
    const bcp_cause *x = a, *y = b;
    if (x->span.start_byte != y->span.start_byte)
        return x->span.start_byte < y->span.start_byte ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

void bcp_causes_keep_first(bcp_cause_list *l, size_t max)
{
    if (l->count > 1)
        qsort(l->items, l->count, sizeof *l->items, by_place);
    for (size_t i = max; i < l->count; i++) {
        bcp_free(l->items[i].fix);
        bcp_free(l->items[i].key);
    }
    if (l->count > max)
        l->count = max;
}

void bcp_cause_list_free(bcp_cause_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        bcp_free(l->items[i].fix);
        bcp_free(l->items[i].key);
    }
    bcp_free(l->items);
    memset(l, 0, sizeof *l);
}
