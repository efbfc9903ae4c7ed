/* Diagnostics: creating, sorting, counting and printing them as text. */
#define _POSIX_C_SOURCE 200809L
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"

char *bcp_vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0;
    char *out = bcp_malloc((size_t)n + 1);
    vsnprintf(out, (size_t)n + 1, fmt, ap);
    return out;
}

char *bcp_strprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *out = bcp_vformat(fmt, ap);
    va_end(ap);
    return out;
}

bcp_diag *bcp_diag_add(bcp_diag_list *list, bcp_severity sev, const char *code,
                       const char *name, const bcp_span *span, const char *fmt, ...)
{
    list->items = bcp_grow(list->items, &list->capacity, list->count, sizeof *list->items);
    bcp_diag *d = &list->items[list->count++];
    memset(d, 0, sizeof *d);
    d->severity = sev;
    d->code = code;
    d->name = name;
    if (span)
        d->span = *span;
    va_list ap;
    va_start(ap, fmt);
    d->message = bcp_vformat(fmt, ap);
    va_end(ap);
    return d;
}

bcp_diag *bcp_diag_add_code_v(bcp_diag_list *list, bcp_code_id code, const bcp_span *span,
                              const char *fmt, va_list ap)
{
    const bcp_code_info *info = bcp_code_at((size_t)code);
    char *message = bcp_vformat(fmt, ap);
    bcp_diag *d = bcp_diag_add(list, info->severity, info->code, info->name, span, "%s", message);
    bcp_free(message);
    return d;
}

bcp_diag *bcp_diag_add_code(bcp_diag_list *list, bcp_code_id code, const bcp_span *span,
                            const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bcp_diag *d = bcp_diag_add_code_v(list, code, span, fmt, ap);
    va_end(ap);
    return d;
}

void bcp_diag_set_hint(bcp_diag *diag, const char *fmt, ...)
{
    bcp_free(diag->hint);
    va_list ap;
    va_start(ap, fmt);
    diag->hint = bcp_vformat(fmt, ap);
    va_end(ap);
}

void bcp_diag_add_note(bcp_diag *diag, const bcp_span *span, const char *fmt, ...)
{
    diag->notes = bcp_realloc(diag->notes, (diag->note_count + 1) * sizeof *diag->notes);
    bcp_diag_note *n = &diag->notes[diag->note_count++];
    memset(n, 0, sizeof *n);
    if (span)
        n->span = *span;
    va_list ap;
    va_start(ap, fmt);
    n->message = bcp_vformat(fmt, ap);
    va_end(ap);
}

void bcp_diag_add_fix(bcp_diag *diag, const bcp_span *span, const char *replacement,
                      const char *title_fmt, ...)
{
    diag->fixes = bcp_realloc(diag->fixes, (diag->fix_count + 1) * sizeof *diag->fixes);
    bcp_diag_fix *f = &diag->fixes[diag->fix_count++];
    memset(f, 0, sizeof *f);
    if (span)
        f->span = *span;
    f->replacement = bcp_strdup(replacement);
    va_list ap;
    va_start(ap, title_fmt);
    f->title = bcp_vformat(title_fmt, ap);
    va_end(ap);
}

void bcp_diag_free(bcp_diag *d)
{
    bcp_free(d->message);
    bcp_free(d->hint);
    for (size_t i = 0; i < d->note_count; i++)
        bcp_free(d->notes[i].message);
    bcp_free(d->notes);
    for (size_t i = 0; i < d->fix_count; i++) {
        bcp_free(d->fixes[i].replacement);
        bcp_free(d->fixes[i].title);
    }
    bcp_free(d->fixes);
}

void bcp_diag_list_append(bcp_diag_list *to, bcp_diag_list *from)
{
    for (size_t i = 0; i < from->count; i++) {
        to->items = bcp_grow(to->items, &to->capacity, to->count, sizeof *to->items);
        to->items[to->count++] = from->items[i]; /* the strings change owner */
    }
    bcp_free(from->items);
    from->items = NULL;
    from->count = from->capacity = 0;
}

void bcp_diag_list_free(bcp_diag_list *list)
{
    for (size_t i = 0; i < list->count; i++)
        bcp_diag_free(&list->items[i]);
    bcp_free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}

static int diag_compare(const void *a, const void *b)
{
    const bcp_diag *x = a, *y = b;
    const char *px = x->span.source ? x->span.source->path : "";
    const char *py = y->span.source ? y->span.source->path : "";
    int c = strcmp(px, py);
    if (c)
        return c;
    if (x->span.start_byte != y->span.start_byte)
        return x->span.start_byte < y->span.start_byte ? -1 : 1;
    c = strcmp(x->code ? x->code : "", y->code ? y->code : "");
    if (c)
        return c;
    return strcmp(x->message, y->message);
}

void bcp_diag_list_sort(bcp_diag_list *list)
{
    if (list->count > 1)
        qsort(list->items, list->count, sizeof *list->items, diag_compare);
}

size_t bcp_diag_count(const bcp_diag_list *list, bcp_severity at_least)
{
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].severity >= at_least)
            n++;
    return n;
}

const char *bcp_severity_name(bcp_severity sev)
{
    switch (sev) {
    case BCP_SEV_ERROR: return "error";
    case BCP_SEV_WARNING: return "warning";
    default: return "info";
    }
}

size_t bcp_utf8_valid_prefix(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        /* Eight ASCII bytes at a time. */
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        /* The common case of CJK text: E1..EC and EE..EF with two
         * continuation bytes, always valid. */
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && n - i > 2 && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        size_t need;
        unsigned char lo = 0x80, hi = 0xBF; /* the range of the second byte */
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return i;
        if (n - i <= need || s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= need; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        i += need + 1;
    }
    return n;
}

int bcp_utf8_decode(const char *str, size_t len, unsigned *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (len == 0) {
        *cp = 0;
        return 1;
    }
    unsigned c = s[0];
    int n;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2;
        c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        c &= 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if ((size_t)n > len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *cp = c;
    return n;
}

int bcp_codepoint_width(unsigned cp)
{
    if (cp == 0 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B)
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
        (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

