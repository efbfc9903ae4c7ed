/* Diagnostics: what bcp tells the user about a plan, with a precise location. */
#ifndef BCP_DIAG_H
#define BCP_DIAG_H
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "bcp.h"
#include "codes.h"
#include "source.h"

/* A related location with its own message, e.g. "first defined here". */
typedef struct bcp_diag_note {
    bcp_span span;
    char *message;        /* owned */
} bcp_diag_note;

/* A mechanical fix: replace the span's text with `replacement`. */
typedef struct bcp_diag_fix {
    bcp_span span;
    char *replacement;    /* owned */
    char *title;          /* owned, e.g. "write `6mo`" */
} bcp_diag_fix;

typedef struct bcp_diag {
    bcp_severity severity;
    const char *code;     /* stable code, e.g. "E106"; static storage */
    const char *name;     /* readable name, e.g. "undefined-reference"; static storage */
    char *message;        /* owned */
    char *hint;           /* owned, may be NULL */
    bcp_span span;
    bool is_syntax;       /* syntax errors make the exit status 2 */
    bcp_diag_note *notes; /* owned */
    size_t note_count;
    bcp_diag_fix *fixes;  /* owned */
    size_t fix_count;
} bcp_diag;

typedef struct bcp_diag_list {
    bcp_diag *items;
    size_t count, capacity;
} bcp_diag_list;

void bcp_diag_list_free(bcp_diag_list *list);
/* Frees what one diagnostic owns (not the struct itself). */
void bcp_diag_free(bcp_diag *diag);
/* Moves every diagnostic of `from` to the end of `to`; `from` is left empty. */
void bcp_diag_list_append(bcp_diag_list *to, bcp_diag_list *from);
bcp_diag *bcp_diag_add(bcp_diag_list *list, bcp_severity sev, const char *code,
                       const char *name, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* A diagnostic of the catalogue (codes.def): its code, name and default severity. */
bcp_diag *bcp_diag_add_code(bcp_diag_list *list, bcp_code_id code, const bcp_span *span,
                            const char *fmt, ...) __attribute__((format(printf, 4, 5)));
bcp_diag *bcp_diag_add_code_v(bcp_diag_list *list, bcp_code_id code, const bcp_span *span,
                              const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));
void bcp_diag_set_hint(bcp_diag *diag, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A related location (may be NULL: no location) with its own message. */
void bcp_diag_add_note(bcp_diag *diag, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A fix-it: replace `span` by `replacement`; the title says what it does. */
void bcp_diag_add_fix(bcp_diag *diag, const bcp_span *span, const char *replacement,
                      const char *title_fmt, ...) __attribute__((format(printf, 4, 5)));
/* The printf-formatted text as a new string the caller frees; aborts when memory runs out. */
char *bcp_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *bcp_strprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Stable order: by file path, then position, then code. */
void bcp_diag_list_sort(bcp_diag_list *list);
size_t bcp_diag_count(const bcp_diag_list *list, bcp_severity at_least);

const char *bcp_severity_name(bcp_severity sev);
/* Terminal cells taken by one code point (East Asian wide characters take 2). */
int bcp_codepoint_width(unsigned cp);
/* Decodes one UTF-8 sequence; returns bytes consumed (>=1). Invalid bytes give U+FFFD. */
int bcp_utf8_decode(const char *s, size_t len, unsigned *cp);
/* The length of the longest valid UTF-8 prefix of s[0..n) (RFC 3629: no
 * overlong forms, no surrogates, nothing above U+10FFFF): n when all is valid. */
size_t bcp_utf8_valid_prefix(const char *s, size_t n);

#endif
