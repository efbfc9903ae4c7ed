/* The public diagnostics set: copies of internal diagnostics, detached from
 * their model, with locations converted once to lines and code-point columns. */
#define _POSIX_C_SOURCE 200809L
#include "diagnostics.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* Everything a diagnostic points to is owned by the set: one allocation per
 * string, freed with the set. */
struct bcp_diagnostics {
    bcp_diagnostic *items;
    bcp_excerpt *lines;         /* per item: its source line around the caret (text report) */
    size_t count, capacity, line_capacity;
    bcp_deviation_set *deviations; /* accepted deviations (deviations.c), or NULL */
    void *regimes;                 /* per-element regime status (regimes.c): a JSON array, or NULL */
    char *docs_url;                /* the configuration's docs_url (bcp check), or NULL */
};

void **bcp_diagnostics_regime_slot(bcp_diagnostics *set)
{
    return &set->regimes;
}

const void *bcp_diagnostics_regimes(const bcp_diagnostics *set)
{
    return set ? set->regimes : NULL;
}

void bcp_diagnostics_set_docs_url(bcp_diagnostics *set, const char *url)
{
    bcp_free(set->docs_url);
    set->docs_url = url ? bcp_strdup(url) : NULL;
}

const char *bcp_diagnostics_docs_url(const bcp_diagnostics *set)
{
    return set ? set->docs_url : NULL;
}

bcp_deviation_set **bcp_diagnostics_deviation_slot(bcp_diagnostics *set)
{
    return &set->deviations;
}

const bcp_deviation_set *bcp_diagnostics_deviations(const bcp_diagnostics *set)
{
    return set ? set->deviations : NULL;
}

bcp_diagnostics *bcp_diagnostics_new(void)
{
    return bcp_calloc(1, sizeof(bcp_diagnostics));
}

static char *dup_or_null(const char *s)
{
    return s ? bcp_strdup(s) : NULL;
}

bcp_location bcp_span_location(const bcp_span *span)
{
    bcp_location loc;
    memset(&loc, 0, sizeof loc);
    if (!span || !span->source)
        return loc;
    const bcp_source *src = span->source;
    loc.path = src->path;
    loc.start_byte = span->start_byte;
    loc.end_byte = span->end_byte > span->start_byte ? span->end_byte : span->start_byte;
    if (loc.end_byte > src->length)
        loc.end_byte = (uint32_t)src->length;
    loc.line = span->row + 1;
    loc.column = bcp_span_column(span);
    /* The end, from the source's line index (base/source.h): no walk along a long line. */
    loc.end_line = bcp_source_line_at(src, loc.end_byte) + 1;
    loc.end_column = bcp_source_column_at(src, loc.end_byte);
    return loc;
}

static bcp_location copy_location(const bcp_span *span)
{
    bcp_location loc = bcp_span_location(span);
    loc.path = dup_or_null(loc.path);
    return loc;
}

/* Makes room for one more item and its excerpt. */
static bcp_diagnostic *push_item(bcp_diagnostics *set, bcp_excerpt line)
{
    set->items = bcp_grow(set->items, &set->capacity, set->count, sizeof *set->items);
    set->lines = bcp_grow(set->lines, &set->line_capacity, set->count, sizeof *set->lines);
    set->lines[set->count] = line;
    bcp_diagnostic *out = &set->items[set->count++];
    memset(out, 0, sizeof *out);
    return out;
}

static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

bcp_excerpt bcp_excerpt_of(const char *text, size_t length, size_t line_start, size_t start, size_t end,
                           uint32_t column)
{
    bcp_excerpt ex;
    memset(&ex, 0, sizeof ex);
    if (start > length)
        start = length;
    if (end < start)
        end = start;
    /* back from the caret, at most BCP_EXCERPT_BEFORE code points */
    size_t from = start;
    uint32_t before = 0;
    while (from > line_start && before < BCP_EXCERPT_BEFORE) {
        from--;
        while (from > line_start && is_continuation(text[from]))
            from--;
        before++;
    }
    /* on through the span (at most BCP_EXCERPT_SPAN code points of it), then
     * at most BCP_EXCERPT_AFTER more, never past the end of the line */
    size_t to = start;
    uint32_t in_span = 0, after = 0;
    while (to < length && text[to] != '\n') {
        if (to < end) {
            if (in_span == BCP_EXCERPT_SPAN)
                break;
            in_span++;
        } else {
            if (after == BCP_EXCERPT_AFTER)
                break;
            after++;
        }
        to++;
        while (to < length && is_continuation(text[to]))
            to++;
    }
    bool at_line_end = to >= length || text[to] == '\n';
    if (at_line_end && to > from && text[to - 1] == '\r')
        to--;
    /* A NUL (E016) shows as U+2400 SYMBOL FOR NULL, one column like the
     * byte it stands for, so that the excerpt stays one C string. */
    size_t nuls = 0;
    for (size_t i = from; i < to; i++)
        nuls += text[i] == '\0';
    ex.text = bcp_malloc(to - from + 2 * nuls + 1);
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        if (text[i] == '\0') {
            memcpy(ex.text + n, "\xE2\x90\x80", 3);
            n += 3;
        } else {
            ex.text[n++] = text[i];
        }
    }
    ex.text[n] = '\0';
    ex.first_column = column > before ? column - before : 1;
    ex.cut_before = from > line_start;
    ex.cut_after = !at_line_end;
    return ex;
}

/* The excerpt of the span's first line that the text report shows. */
static bcp_excerpt span_excerpt(const bcp_span *span, uint32_t column)
{
    if (!span->source) {
        bcp_excerpt none;
        memset(&none, 0, sizeof none);
        return none;
    }
    const bcp_source *src = span->source;
    size_t start = span->start_byte > src->length ? src->length : span->start_byte;
    size_t line_start = start >= span->byte_column ? start - span->byte_column : 0;
    return bcp_excerpt_of(src->text, src->length, line_start, start, span->end_byte, column);
}

void bcp_diagnostics_add(bcp_diagnostics *set, const bcp_diag *d)
{
    bcp_location loc = copy_location(&d->span);
    bcp_diagnostic *out = push_item(set, span_excerpt(&d->span, loc.column));
    out->code = dup_or_null(d->code);
    out->name = dup_or_null(d->name);
    out->severity = d->severity;
    out->message = dup_or_null(d->message ? d->message : "");
    out->help = dup_or_null(d->hint);
    out->location = loc;
    out->is_syntax = d->is_syntax;
    if (d->note_count) {
        bcp_note *notes = bcp_calloc(d->note_count, sizeof *notes);
        for (size_t i = 0; i < d->note_count; i++) {
            notes[i].location = copy_location(&d->notes[i].span);
            notes[i].message = dup_or_null(d->notes[i].message);
        }
        out->notes = notes;
        out->note_count = d->note_count;
    }
    if (d->fix_count) {
        bcp_fixit *fixes = bcp_calloc(d->fix_count, sizeof *fixes);
        for (size_t i = 0; i < d->fix_count; i++) {
            fixes[i].location = copy_location(&d->fixes[i].span);
            fixes[i].replacement = dup_or_null(d->fixes[i].replacement);
            fixes[i].title = dup_or_null(d->fixes[i].title);
        }
        out->fixits = fixes;
        out->fixit_count = d->fix_count;
    }
}

void bcp_diagnostics_add_list(bcp_diagnostics *set, const bcp_diag_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        bcp_diagnostics_add(set, &list->items[i]);
}

static int compare_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int compare_diagnostics(const void *pa, const void *pb)
{
    const bcp_diagnostic *a = pa, *b = pb;
    int c = compare_str(a->location.path, b->location.path);
    if (c)
        return c;
    if (a->location.start_byte != b->location.start_byte)
        return a->location.start_byte < b->location.start_byte ? -1 : 1;
    return compare_str(a->code, b->code);
}

void bcp_diagnostics_sort(bcp_diagnostics *set)
{
    /* qsort is not stable: equal keys keep their order through a merge sort. */
    if (set->count < 2)
        return;
    bcp_diagnostic *tmp = bcp_malloc(set->count * sizeof *tmp);
    bcp_excerpt *tmp_lines = bcp_malloc(set->count * sizeof *tmp_lines);
    for (size_t width = 1; width < set->count; width *= 2) {
        for (size_t lo = 0; lo < set->count; lo += 2 * width) {
            size_t mid = lo + width < set->count ? lo + width : set->count;
            size_t hi = lo + 2 * width < set->count ? lo + 2 * width : set->count;
            size_t i = lo, j = mid, k = lo;
            while (i < mid || j < hi) {
                bool take_j = i == mid || (j < hi && compare_diagnostics(&set->items[j], &set->items[i]) < 0);
                size_t from = take_j ? j++ : i++;
                tmp_lines[k] = set->lines[from];
                tmp[k++] = set->items[from];
            }
        }
        memcpy(set->items, tmp, set->count * sizeof *tmp);
        memcpy(set->lines, tmp_lines, set->count * sizeof *tmp_lines);
    }
    bcp_free(tmp_lines);
    bcp_free(tmp);
}

void bcp_diagnostics_merge(bcp_diagnostics *to, bcp_diagnostics *from)
{
    for (size_t i = 0; i < from->count; i++)
        *push_item(to, from->lines[i]) = from->items[i];
    from->count = 0;
    bcp_deviation_set_merge(&to->deviations, &from->deviations);
    bcp_regime_set_merge(&to->regimes, &from->regimes);
    bcp_diagnostics_free(from);
}

void bcp_diagnostics_add_message(bcp_diagnostics *set, bcp_severity severity, const char *fmt, ...)
{
    bcp_excerpt none;
    memset(&none, 0, sizeof none);
    bcp_diagnostic *out = push_item(set, none);
    out->severity = severity;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *message = bcp_malloc(n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    vsnprintf(message, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
    va_end(ap);
    out->message = message;
}

const bcp_excerpt *bcp_diagnostics_line(const bcp_diagnostics *set, size_t i)
{
    return set && i < set->count && set->lines[i].text ? &set->lines[i] : NULL;
}

size_t bcp_diagnostics_count(const bcp_diagnostics *set)
{
    return set ? set->count : 0;
}

const bcp_diagnostic *bcp_diagnostics_get(const bcp_diagnostics *set, size_t i)
{
    return set && i < set->count ? &set->items[i] : NULL;
}

size_t bcp_diagnostics_count_at_least(const bcp_diagnostics *set, bcp_severity severity)
{
    size_t n = 0;
    for (size_t i = 0; set && i < set->count; i++)
        n += set->items[i].severity >= severity;
    return n;
}

bool bcp_diagnostics_has_syntax_errors(const bcp_diagnostics *set)
{
    for (size_t i = 0; set && i < set->count; i++)
        if (set->items[i].is_syntax)
            return true;
    return false;
}

static void free_location(bcp_location *loc)
{
    bcp_free((char *)loc->path);
}

void bcp_diagnostics_free(bcp_diagnostics *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->count; i++) {
        bcp_diagnostic *d = &set->items[i];
        bcp_free((char *)d->code);
        bcp_free((char *)d->name);
        bcp_free((char *)d->message);
        bcp_free((char *)d->help);
        free_location(&d->location);
        for (size_t j = 0; j < d->note_count; j++) {
            free_location((bcp_location *)&d->notes[j].location);
            bcp_free((char *)d->notes[j].message);
        }
        bcp_free((bcp_note *)d->notes);
        for (size_t j = 0; j < d->fixit_count; j++) {
            free_location((bcp_location *)&d->fixits[j].location);
            bcp_free((char *)d->fixits[j].replacement);
            bcp_free((char *)d->fixits[j].title);
        }
        bcp_free((bcp_fixit *)d->fixits);
        bcp_free(set->lines[i].text);
    }
    bcp_free(set->lines);
    bcp_free(set->items);
    bcp_deviation_set_free(set->deviations);
    bcp_regime_set_free(set->regimes);
    bcp_free(set->docs_url);
    bcp_free(set);
}
