/* The regimes a check applied, element by element, in a diagnostics set:
 * what `bcp check --format json` reports under "regimes". */
#ifndef BCP_REPORT_REGIMES_H
#define BCP_REPORT_REGIMES_H
#include "diagnostics.h"
#include "model/model.h"
#include "rules/engine.h"

/* Adds the status of every element of every regime that applies to the
 * model (its plan's `regimes` and `extra`) to `set`; `accepted` are the
 * deviations the check accepted (may be NULL).  A regime already in the set
 * (a module several units load) is kept once. */
void bcp_diagnostics_add_regimes(bcp_diagnostics *set, const bcp_model *model, const char *const *extra,
                                 size_t extra_count, const bcp_lint_deviation_list *accepted);

#endif
