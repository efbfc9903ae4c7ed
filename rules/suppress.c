/* Suppression comments: `# bcp: ignore[...]` and `# bcp: ignore-file[...]`,
 * read from the comments the parser found (bcp_model_comments), applied to a
 * list of findings, and the unused ones reported as H199. */
#define _DEFAULT_SOURCE
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

typedef struct suppression {
    const bcp_source *source;
    bcp_span span;            /* the code or name inside the brackets */
    char *selector;
    bool whole_file;
    uint32_t row, next_row;   /* lines it covers (next_row = row for trailing comments) */
    bool used;
} suppression;

typedef struct suppression_list {
    suppression *items;
    size_t count, capacity;
} suppression_list;

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

/* Adds the selectors of one comment, when it is a suppression. */
static void parse_comment(const bcp_comment *c, suppression_list *out)
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
    size_t line_start = c->span.start_byte - c->span.byte_column;
    while (i < end && text[i] != ']') {
        while (i < end && (is_space(text[i]) || text[i] == ','))
            i++;
        size_t tok = i;
        while (i < end && text[i] != ',' && text[i] != ']' && !is_space(text[i]))
            i++;
        if (i == tok)
            continue;
        out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
        suppression *s = &out->items[out->count++];
        memset(s, 0, sizeof *s);
        s->source = src;
        s->selector = bcp_strndup(text + tok, i - tok);
        s->whole_file = whole_file;
        s->row = c->span.row;
        s->next_row = c->trailing ? c->span.row : c->next_code_row;
        s->span.source = src;
        s->span.start_byte = (uint32_t)tok;
        s->span.end_byte = (uint32_t)i;
        s->span.row = c->span.row;
        s->span.byte_column = (uint32_t)(tok - line_start);
    }
}

static bool is_rule_finding(const bcp_diag *d)
{
    return d->code && d->code[0] != 'E' && bcp_rule_find(d->code) != NULL;
}

static bool covers(const suppression *s, const bcp_diag *d)
{
    if (!d->span.source)
        return false;
    if (d->span.source != s->source &&
        (!d->span.source->path || !s->source->path || strcmp(d->span.source->path, s->source->path) != 0))
        return false;
    if (!s->whole_file && d->span.row != s->row && d->span.row != s->next_row)
        return false;
    const bcp_rule *rule = bcp_rule_find(d->code);
    return rule && bcp_rule_selected_by(rule, s->selector);
}

static void report_unused(bcp_diag_list *list, const suppression *s, const bcp_lint_options *opts,
                          const bcp_rule *unused_rule, int unused_index)
{
    const bcp_rule *target = bcp_rule_find(s->selector);
    bool known = bcp_selector_valid(s->selector);
    int target_index = target ? bcp_rule_index(target) : -1;
    /* A suppression of a rule that did not run is not known to be unused. */
    bool ran = target_index < 0 || bcp_lint_rule_enabled(opts, (size_t)target_index);
    if (known && !ran)
        return;
    bcp_diag *d = bcp_diag_add(list, bcp_lint_effective_severity(opts, (size_t)unused_index),
                               unused_rule->code, unused_rule->name, &s->span,
                               known ? "unused suppression: no `%s` finding %s"
                                     : "unknown rule `%s` in a suppression comment%s",
                               s->selector,
                               known ? (s->whole_file             ? "in this file"
                                        : s->row == s->next_row ? "on this line"
                                                                : "on this line or the next")
                                     : "");
    if (known)
        bcp_diag_set_hint(d, "%s", unused_rule->fix);
    else
        bcp_diag_set_hint(d, "name a rule by code or name; `bcp rules` lists them");
}

void bcp_lint_apply_suppressions(bcp_diag_list *list, const bcp_model *model, const bcp_lint_options *opts)
{
    suppression_list sups = {0};
    for (size_t i = 0; i < bcp_model_source_count(model); i++) {
        size_t count;
        const bcp_comment *comments = bcp_model_comments(model, i, &count);
        for (size_t j = 0; j < count; j++)
            parse_comment(&comments[j], &sups);
    }
    if (sups.count == 0)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < list->count; i++) {
        bcp_diag *d = &list->items[i];
        bool suppressed = false;
        if (is_rule_finding(d)) {
            for (size_t j = 0; j < sups.count; j++) {
                if (covers(&sups.items[j], d)) {
                    sups.items[j].used = true;
                    suppressed = true;
                }
            }
        }
        if (suppressed)
            bcp_diag_free(d);
        else
            list->items[kept++] = *d;
    }
    list->count = kept;
    const bcp_rule *unused_rule = bcp_rule_find(BCP_UNUSED_SUPPRESSION_CODE);
    int unused_index = unused_rule ? bcp_rule_index(unused_rule) : -1;
    bool report = unused_index >= 0 && bcp_lint_rule_enabled(opts, (size_t)unused_index);
    for (size_t j = 0; j < sups.count; j++) {
        if (report && !sups.items[j].used)
            report_unused(list, &sups.items[j], opts, unused_rule, unused_index);
        bcp_free(sups.items[j].selector);
    }
    bcp_free(sups.items);
}
