/* H199 unused-suppression: reported by the engine (rules/engine.c) when a
 * `# bcp: ignore[...]` comment suppresses nothing or names no rule. */
#include "rule.h"

const bcp_rule bcp_rule_unused_suppression = {
    .code = "H199",
    .name = "unused-suppression",
    .severity = BCP_SEV_WARNING,
    .summary = "A `# bcp: ignore[...]` comment suppresses no finding, or names an unknown rule.",
    .rationale = "A stale suppression hides the next real finding at that place and misleads readers "
                 "about the plan's state; every deliberate exception should still be needed (ISO "
                 "22301:2019 §7.5.3, control of documented information).",
    .fix = "remove the suppression comment, or correct the rule code or name in it",
    .check = NULL, /* the engine reports it after applying suppressions */
};
