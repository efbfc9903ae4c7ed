/* The public diagnostics set (bcp_diagnostics in bcp.h): findings detached
 * from the model they were found in, so that they outlive it, with locations
 * as lines and code-point columns.  Built from internal diagnostic lists. */
#ifndef BCP_REPORT_DIAGNOSTICS_H
#define BCP_REPORT_DIAGNOSTICS_H
#include "bcp.h"
#include "base/diag.h"

/* What the text report shows of a finding's source line: at most
 * BCP_EXCERPT_BEFORE code points before the caret, BCP_EXCERPT_SPAN of the
 * span and BCP_EXCERPT_AFTER after it, so that a finding on a 1 MB line
 * costs (and prints) a few hundred bytes. */
enum { BCP_EXCERPT_BEFORE = 60, BCP_EXCERPT_SPAN = 80, BCP_EXCERPT_AFTER = 40 };
typedef struct bcp_excerpt {
    char *text;             /* owned, NUL-terminated, no newline; NULL: no line */
    uint32_t first_column;  /* code-point column of text[0] in the line */
    bool cut_before;        /* the line goes on before text (shown as …) */
    bool cut_after;         /* and after it */
} bcp_excerpt;
/* The excerpt of the line starting at byte `line_start` of `text` around the
 * span [start, end) whose first code point is at `column`. */
bcp_excerpt bcp_excerpt_of(const char *text, size_t length, size_t line_start, size_t start, size_t end,
                           uint32_t column);

/* An empty set to add to. */
bcp_diagnostics *bcp_diagnostics_new(void);
/* Copies every diagnostic of `list` into `set` (the list is left as it is). */
void bcp_diagnostics_add_list(bcp_diagnostics *set, const bcp_diag_list *list);
/* Copies one diagnostic into `set`. */
void bcp_diagnostics_add(bcp_diagnostics *set, const bcp_diag *diag);
/* A message without a location ("no locale `fr` in the stdlib"). */
void bcp_diagnostics_add_message(bcp_diagnostics *set, bcp_severity severity, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The excerpt of item i's first source line, or NULL without a location. */
const bcp_excerpt *bcp_diagnostics_line(const bcp_diagnostics *set, size_t i);
/* Sorts by file, position, code (the order every output uses). */
void bcp_diagnostics_sort(bcp_diagnostics *set);
/* Moves every diagnostic of `from` to the end of `to` and frees `from`. */
void bcp_diagnostics_merge(bcp_diagnostics *to, bcp_diagnostics *from);
/* The docs_url of the configuration a check ran with (copied), or NULL. */
void bcp_diagnostics_set_docs_url(bcp_diagnostics *set, const char *url);
/* The location of a span (path = the source's display path, copied into the set). */
bcp_location bcp_span_location(const bcp_span *span);

/* ---------------------------------------------- accepted deviations (deviations.c) */

typedef struct bcp_deviation_set bcp_deviation_set;
/* Where a set keeps its accepted deviations (NULL until one is added). */
bcp_deviation_set **bcp_diagnostics_deviation_slot(bcp_diagnostics *set);
const bcp_deviation_set *bcp_diagnostics_deviations(const bcp_diagnostics *set);
/* Moves *from's deviations to the end of *to's; *from becomes NULL. */
void bcp_deviation_set_merge(bcp_deviation_set **to, bcp_deviation_set **from);
void bcp_deviation_set_free(bcp_deviation_set *set);

/* ---------------------------------------------- regime element status (regimes.c) */

/* Where a set keeps its regimes' per-element status (a JSON array, NULL until added). */
void **bcp_diagnostics_regime_slot(bcp_diagnostics *set);
const void *bcp_diagnostics_regimes(const bcp_diagnostics *set);
void bcp_regime_set_merge(void **to, void **from);
void bcp_regime_set_free(void *set);

#endif
