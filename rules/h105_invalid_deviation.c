/* H105 invalid-deviation: reported by the engine (rules/suppress.c) when the
 * terms of a suppression comment or a `deviation` block cannot be read. */
#include "rule.h"

const bcp_rule bcp_rule_invalid_deviation = {
    .code = "H105",
    .name = "invalid-deviation",
    .severity = BCP_SEV_WARNING,
    .summary = "A suppression comment's terms (reason, owner, until, approved) or a `deviation` block are malformed.",
    .rationale = "A deviation whose expiry date or owner cannot be read would hold forever or answer to nobody; "
                 "the terms of an accepted risk must be exact to be reviewed (ISO 22301:2019 §6.1.2, §9.3).",
    .fix = "write the terms as reason=\"...\" owner=contact.ID until=YYYY-MM-DD approved=YYYY-MM-DD, and name "
           "a rule by code or name",
    .check = NULL, /* the engine reports it while reading suppressions */
};
