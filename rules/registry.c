#define _DEFAULT_SOURCE
/* The rule catalogue, built from rules/rules.def (kept sorted by code; a unit
 * test checks the order and that codes and names are unique). */
#include <string.h>
#include <strings.h>

#include "rule.h"

#define RULE(name) extern const bcp_rule bcp_rule_##name;
#include "rules.def"
#undef RULE

/* The trailing NULL keeps the array valid while rules.def is empty. */
const bcp_rule *const bcp_rules[] = {
#define RULE(name) &bcp_rule_##name,
#include "rules.def"
#undef RULE
    NULL,
};
const size_t bcp_rule_count = sizeof bcp_rules / sizeof *bcp_rules - 1;

const bcp_rule *bcp_rule_find(const char *code_or_name)
{
    if (!code_or_name)
        return NULL;
    for (size_t i = 0; i < bcp_rule_count; i++) {
        const bcp_rule *r = bcp_rules[i];
        if (strcasecmp(r->code, code_or_name) == 0 || strcmp(r->name, code_or_name) == 0)
            return r;
    }
    return NULL;
}
