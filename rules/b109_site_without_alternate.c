/* B109 site-without-alternate: a site hosting a critical function with
 * nowhere to move to, or an alternate in the same city that the plan does
 * not say it accepts. */
#include "rule_util.h"

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Same city name, ignoring ASCII case and surrounding blanks. */
static bool same_city(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    while (is_space(*a))
        a++;
    while (is_space(*b))
        b++;
    if (!*a || !*b)
        return false;
    while (*a && *b && ascii_lower(*a) == ascii_lower(*b)) {
        a++;
        b++;
    }
    while (is_space(*a))
        a++;
    while (is_space(*b))
        b++;
    return !*a && !*b;
}

static const bcp_entity *hosted_critical_function(const bcp_model *model, const bcp_entity *site)
{
    const bcp_entity_list *referrers = bcp_model_referrers(model, site);
    for (size_t i = 0; i < referrers->count; i++) {
        const bcp_entity *e = referrers->items[i];
        /* A function refers to a site through `sites` (runs there) or `needs` (depends on it). */
        if (e->kind == BCP_KIND_FUNCTION && bcp_is_critical(e))
            return e;
    }
    return NULL;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity_list *sites = bcp_model_entities(model, BCP_KIND_SITE);
    for (size_t i = 0; i < sites->count; i++) {
        const bcp_entity *site = sites->items[i];
        const bcp_entity *function = hosted_critical_function(model, site);
        if (!function)
            continue;
        const bcp_attr *alternate_attr = bcp_entity_attr(site, "alternate");
        const bcp_entity *alternate = bcp_entity_ref(site, "alternate");
        if (!alternate_attr) {
            /* Staff working from home, or a stated arrangement, is where the work goes. */
            if (!bcp_entity_bool(site, "remote_work", false) && !bcp_rule_has_text(site, "fallback"))
                bcp_lint_report(ctx, &site->id_span,
                                "site `%s` hosts critical function `%s` but has no alternate site, no remote work "
                                "and no stated `fallback`",
                                site->id, function->id);
            continue;
        }
        if (alternate && !bcp_entity_bool(site, "alternate_same_city", false) &&
            same_city(bcp_entity_text(site, "city"), bcp_entity_text(alternate, "city")))
            bcp_lint_report(ctx, &alternate_attr->value.span,
                            "the alternate of site `%s` is in the same city (%s): a regional disaster takes out both",
                            site->id, bcp_entity_text(site, "city"));
    }
}

const bcp_rule bcp_rule_site_without_alternate = {
    .code = "B109",
    .name = "site-without-alternate",
    .severity = BCP_SEV_WARNING,
    .summary = "A site hosting a critical function has no alternate or stated fallback, or the alternate is in the same city.",
    .rationale = "When a site is lost, its critical work has to move somewhere that the same flood, typhoon "
                 "or power cut does not reach. NIST SP 800-34 Rev.1 §3.4.3 (alternate sites) and NIST SP "
                 "800-53 CP-7 require an alternate processing site separated from the primary so that it is "
                 "not susceptible to the same threats; ISO 22301:2019 §8.3.2 lists relocation among the "
                 "strategies for facilities. A small organisation's real fallback is often local: its other "
                 "clinic across town (`alternate_same_city = true` states that this is known and accepted) "
                 "or an arrangement with a partner (`fallback = \"...\"` on the site).",
    .fix = "name an alternate in another city with `alternate = site.<id>` (or a resource such as a standby "
           "office), state `remote_work = true` when staff can work from home, state the arrangement with "
           "`fallback = \"...\"`, or accept a same-city alternate with `alternate_same_city = true`",
    .check = check,
};
