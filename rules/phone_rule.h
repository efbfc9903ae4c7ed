/* What C103 invalid-phone and C108 phone-without-country share: one pass over
 * every phone number of the plan, each judged by its country's numbering plan
 * (rules/phone_shim.h), handing each verdict to the rule that reports it. */
#ifndef BCP_PHONE_RULE_H
#define BCP_PHONE_RULE_H
#include "phone_shim.h"
#include "rule_util.h"

/* A phone number of the plan and how libphonenumber judged it.  `quoted` is
 * the value as a message may show it: control characters and bytes that are
 * not UTF-8 escaped (\x1b), cut after 64 bytes with "...". */
typedef struct bcp_phone_finding {
    const bcp_entity *entity;
    const char *attr;
    const bcp_value *value;
    const char *quoted;
    const char *country;          /* the country national numbers were read in ("CN"), NULL when none */
    const bcp_entity *country_from; /* the site or plan that says so, NULL when none */
    bcp_phone_result result;
} bcp_phone_finding;

typedef void bcp_phone_visit(bcp_lint_ctx *ctx, const bcp_phone_finding *phone);

/* Judges every `phone` and `alt_phone` of contacts, suppliers and resources
 * that is not a placeholder (H101's finding) and calls `visit` for each. */
void bcp_phone_each(bcp_lint_ctx *ctx, bcp_phone_visit *visit);

#endif
