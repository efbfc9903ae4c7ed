/* Diagnostics: what bcp tells the user about a plan, with a precise location. */
#ifndef BCP_DIAG_H
#define BCP_DIAG_H
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "source.h"

typedef enum { BCP_SEV_INFO, BCP_SEV_WARNING, BCP_SEV_ERROR } bcp_severity;

typedef struct bcp_diag {
    bcp_severity severity;
    const char *code;     /* stable code, e.g. "E106"; static storage */
    const char *name;     /* readable name, e.g. "undefined-reference"; static storage */
    char *message;        /* owned */
    char *hint;           /* owned, may be NULL */
    bcp_span span;
    bool is_syntax;       /* syntax errors make the exit status 2 */
} bcp_diag;

typedef struct bcp_diag_list {
    bcp_diag *items;
    size_t count, capacity;
} bcp_diag_list;

void bcp_diag_list_free(bcp_diag_list *list);
/* Moves every diagnostic of `from` to the end of `to`; `from` is left empty. */
void bcp_diag_list_append(bcp_diag_list *to, bcp_diag_list *from);
bcp_diag *bcp_diag_add(bcp_diag_list *list, bcp_severity sev, const char *code,
                       const char *name, const bcp_span *span, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void bcp_diag_set_hint(bcp_diag *diag, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The printf-formatted text as a new string the caller frees; aborts when memory runs out. */
char *bcp_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *bcp_strprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Stable order: by file path, then position, then code. */
void bcp_diag_list_sort(bcp_diag_list *list);
size_t bcp_diag_count(const bcp_diag_list *list, bcp_severity at_least);

const char *bcp_severity_name(bcp_severity sev);
/* "file:line:col: error: message [code]" then the source line and a caret. */
void bcp_diag_print(FILE *out, const bcp_diag *diag, bool color);
/* Terminal cells taken by one code point (East Asian wide characters take 2). */
int bcp_codepoint_width(unsigned cp);
/* Decodes one UTF-8 sequence; returns bytes consumed (>=1). Invalid bytes give U+FFFD. */
int bcp_utf8_decode(const char *s, size_t len, unsigned *cp);

#endif
