/* H104 deviation-without-reason: reported by the engine (rules/suppress.c)
 * when a suppression comment or a `deviation` block that accepts a finding
 * does not say why. */
#include "rule.h"

const bcp_rule bcp_rule_deviation_without_reason = {
    .code = "H104",
    .name = "deviation-without-reason",
    .severity = BCP_SEV_WARNING,
    .summary = "A suppression or `deviation` block accepts a finding without giving a reason.",
    .rationale = "An accepted deviation is a decision someone must be able to justify: an auditor reads "
                 "the plan's 'Accepted deviations' section to see what was knowingly accepted, by whom and "
                 "why (ISO 22301:2019 §6.1.2 and §7.5.3, documented risk acceptance). A bare suppression "
                 "leaves no trace of that decision.",
    .fix = "say why: `# bcp: ignore[RULE] reason=\"...\" owner=contact.ID until=YYYY-MM-DD`, or "
           "`reason = \"...\"` in the deviation block",
    .check = NULL, /* the engine reports it after applying suppressions */
};
