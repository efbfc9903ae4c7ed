/* The public diagnostics set (bcp_diagnostics in bcp.h): findings detached
 * from the model they were found in, so that they outlive it, with locations
 * as lines and code-point columns.  Built from internal diagnostic lists. */
#ifndef BCP_REPORT_DIAGNOSTICS_H
#define BCP_REPORT_DIAGNOSTICS_H
#include "bcp.h"
#include "base/diag.h"

/* An empty set to add to. */
bcp_diagnostics *bcp_diagnostics_new(void);
/* Copies every diagnostic of `list` into `set` (the list is left as it is). */
void bcp_diagnostics_add_list(bcp_diagnostics *set, const bcp_diag_list *list);
/* Copies one diagnostic into `set`. */
void bcp_diagnostics_add(bcp_diagnostics *set, const bcp_diag *diag);
/* A message without a location ("no locale `fr` in the stdlib"). */
void bcp_diagnostics_add_message(bcp_diagnostics *set, bcp_severity severity, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The text of item i's first source line (no newline), or NULL without a location. */
const char *bcp_diagnostics_line(const bcp_diagnostics *set, size_t i);
/* Sorts by file, position, code (the order every output uses). */
void bcp_diagnostics_sort(bcp_diagnostics *set);
/* Moves every diagnostic of `from` to the end of `to` and frees `from`. */
void bcp_diagnostics_merge(bcp_diagnostics *to, bcp_diagnostics *from);
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

#endif
