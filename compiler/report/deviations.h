/* Accepted deviations in a public diagnostics set: the lint stage's list
 * (rules/engine.h) copied out of the model, for bcp_diagnostics_deviation()
 * and the JSON report. */
#ifndef BCP_REPORT_DEVIATIONS_H
#define BCP_REPORT_DEVIATIONS_H
#include "diagnostics.h"
#include "rules/engine.h"

/* Copies the deviations of `list` into `set`, in finding order; one already
 * there (the same finding accepted by the same deviation, as when several
 * plans load one module) is kept once.  `report` (may be NULL) says which
 * findings' files the set reports. */
void bcp_diagnostics_add_deviations(bcp_diagnostics *set, const bcp_lint_deviation_list *list,
                                    bool (*report)(const void *user, const bcp_source *source), const void *user);

#endif
