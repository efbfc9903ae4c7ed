/* The causes of syntax errors, found by reading the text with the grammar's
 * shape in mind (see causes.c); syntax.c reports them and folds the parse
 * tree's errors that follow from them. */
#ifndef BCP_CAUSES_H
#define BCP_CAUSES_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/source.h"

typedef enum bcp_cause_kind {
    BCP_CAUSE_UNCLOSED_BLOCK,    /* a `{` never closed (at it) */
    BCP_CAUSE_UNCLOSED_LIST,     /* a `[` never closed */
    BCP_CAUSE_UNMATCHED_CLOSE,   /* a `}` or `]` with nothing open */
    BCP_CAUSE_UNCLOSED_STRING,   /* a "string" that runs to the end of its line */
    BCP_CAUSE_MISSING_EQUALS,    /* `owner contact.gm` */
    BCP_CAUSE_MISSING_COMMA,     /* `["phone" "sms"]` (at the second item) */
    BCP_CAUSE_SPACED_DURATION,   /* `24 hours`, `1h 30m` */
    BCP_CAUSE_UNQUOTED_TEXT,     /* `fallback = work from home` */
    BCP_CAUSE_MISSING_OPEN,      /* `system erp` alone on its line, attributes below */
    BCP_CAUSE_MISSING_VALUE,     /* `rpo =` and nothing after it on its line */
} bcp_cause_kind;

typedef struct bcp_cause {
    bcp_cause_kind kind;
    bcp_span span;
    uint32_t last_row;       /* tree errors up to the row after it are its echoes; UINT32_MAX: all after it */
    bool has_note;
    bool note_is_close;      /* the note is where a block most likely should have closed */
    bcp_span note;
    bool has_fix_span;       /* the fix replaces fix_span, else span */
    bcp_span fix_span;
    char *fix;               /* owned replacement text, or NULL */
    char *key;               /* owned: the attribute name for a missing `=` */
} bcp_cause;

typedef struct bcp_cause_list {
    bcp_cause *items;
    size_t count, capacity;
} bcp_cause_list;

/* The causes in src->text[from, to); `row0` is the row of `from`. */
void bcp_causes_scan(const bcp_source *src, uint32_t from, uint32_t to, uint32_t row0,
                     bcp_cause_list *out);
/* Sorts the causes by place and keeps the first `max`. */
void bcp_causes_keep_first(bcp_cause_list *list, size_t max);
void bcp_cause_list_free(bcp_cause_list *list);

#endif
