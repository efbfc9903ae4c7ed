/* H121 plan-section-empty: a part of the plan that its document shows is
 * still empty.  The document then says only "not yet defined" (in its own
 * language); how to fill the part is said here, to the author, by
 * `bcp check`: one finding per empty part, each with what to write. */
#include <stdbool.h>

#include "rule.h"
#include "rule_util.h"

typedef struct empty_part {
    bcp_kind kind;
    const char *message;
    const char *help;
} empty_part;

/* The parts the document shows as a section or table of their own, in the
 * order the document shows them. */
static const empty_part parts[] = {
    {BCP_KIND_SITE, "the plan defines no sites, so the document has no scope, alternate sites or exposure",
     "add a `site` for each place the organisation works from, e.g. `site office { name = \"Head office\" "
     "kind = headquarters city = \"Leeds\" alternate = site.branch }`, so that scope, alternates and exposure can be shown"},
    {BCP_KIND_FUNCTION, "the plan defines no functions, so the document has no business impact analysis",
     "add a `function` for each critical activity, with `rto`, `mtpd` and `rpo`, e.g. "
     "`function billing { title = \"Billing\" rto = 1d mtpd = 3d rpo = 4h }`"},
    {BCP_KIND_SCENARIO, "the plan defines no incident scenarios, so the document has no response procedures",
     "add a `scenario` for each incident the plan prepares for, with its `strategy`, `steps` and `notify` "
     "(who is told, by which `channels`, within what time)"},
    {BCP_KIND_SYSTEM, "the plan defines no systems or data sets, so the document has no backup and recovery table",
     "add a `system` for each application or data set the functions need, with its `backup` blocks "
     "(`every`, `offsite`, `tested`), and list it in the functions' `needs`"},
    {BCP_KIND_RESOURCE, "the plan records no emergency resources",
     "add a `resource` for each thing the recovery may need to rent, borrow or buy quickly (equipment "
     "lessors, spare warehouses, alternate suppliers), with its `kind`, `provides`, `phone` and `lead_time`"},
};

static bool lists_any(const bcp_entity *e, const char *name)
{
    size_t n;
    const bcp_value *items = bcp_rule_items(bcp_entity_value(e, name), &n);
    for (size_t i = 0; i < n; i++)
        if (bcp_rule_ref_target(&items[i]))
            return true;
    return false;
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_entity *plan = bcp_model_plan(model);
    /* A module checked alone cannot see the parts the rest of its plan holds. */
    if (!plan)
        return;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (bcp_model_entities(model, parts[i].kind)->count)
            continue;
        bcp_diag *d = bcp_lint_report(ctx, &plan->id_span, "%s", parts[i].message);
        bcp_diag_set_hint(d, "%s", parts[i].help);
    }

    bool any_key_people = false;
    size_t cursor = 0;
    const bcp_entity *f;
    while ((f = bcp_rule_next_critical_function(model, &cursor))) {
        if (lists_any(f, "key_people"))
            any_key_people = true;
        if (f->from_stdlib || lists_any(f, "needs"))
            continue;
        bcp_diag *d = bcp_lint_report(ctx, &f->id_span,
                                      "function `%s` lists nothing it needs, so the document shows no dependencies for it",
                                      bcp_rule_entity_name(f));
        bcp_diag_set_hint(d, "list what `%s` cannot run without in `needs`: the systems, suppliers, sites and "
                             "assets, e.g. `needs = [system.email, supplier.isp]`",
                          bcp_rule_entity_name(f));
    }
    if (bcp_model_entities(model, BCP_KIND_FUNCTION)->count && !any_key_people) {
        bcp_diag *d = bcp_lint_report(ctx, &plan->id_span,
                                      "no function names its key people, so the document has no key-person table");
        bcp_diag_set_hint(d, "list the people a function cannot run without in its `key_people`, e.g. "
                             "`key_people = [contact.accountant]`, and give each a `substitute`");
    }
}

const bcp_rule bcp_rule_plan_section_empty = {
    .code = "H121",
    .name = "plan-section-empty",
    .severity = BCP_SEV_INFO,
    .summary = "A part of the plan that its document shows (sites, functions, dependencies, key people, "
               "scenarios, systems, resources) is still empty.",
    .rationale = "The document says only \"not yet defined\" where a part is empty; it holds plan content, "
                 "not instructions to its author. What to write goes to the author instead. ISO 22301:2019 "
                 "§8.2.2 asks for the business impact analysis to identify the activities, their dependencies "
                 "and the resources they need (sites, people, systems, suppliers), §8.3 for the strategies and "
                 "resources that follow from it, and §8.4.4 for procedures for the incidents the plan expects.",
    .fix = "add the entries the message names; the help line shows what to write",
    .check = check,
};
