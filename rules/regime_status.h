/* The status of a regime element as the check report and the document's
 * compliance crosswalk show it: met, not met, or not met but accepted by a
 * deviation of its G101 finding.  Computed here only (with the rule, in
 * rules/g101_regime_element_unmet.c); whether the element is met comes from
 * compiler/model/regime.c. */
#ifndef BCP_RULES_REGIME_STATUS_H
#define BCP_RULES_REGIME_STATUS_H
#include "engine.h"
#include "model/regime.h"

typedef enum bcp_regime_verdict {
    BCP_REGIME_MET,
    BCP_REGIME_NOT_MET,
    BCP_REGIME_ACCEPTED,
} bcp_regime_verdict;

/* `accepted` (may be NULL): the deviations the check accepted. */
bcp_regime_verdict bcp_regime_verdict_of(const bcp_element_status *s, const bcp_lint_deviation_list *accepted);
/* "met", "not met", "accepted deviation" (the JSON report's words). */
const char *bcp_regime_verdict_name(bcp_regime_verdict v);

#endif
