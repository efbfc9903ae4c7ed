/* H120 translation-missing: the plan declares the languages its document
 * must be available in (`languages` on the plan), and some of its own prose
 * has no translation into one of them.  The gaps come from the model
 * (bcp_model_translation_gaps), which `bcp build --lang` also warns with. */
#include <string.h>

#include "base/buf.h"
#include "rule.h"

typedef struct gap_group {
    bcp_lint_ctx *ctx;
    const char *lang;
    const bcp_entity *entity;  /* the entity whose gaps are being gathered */
    bcp_buf names;
    size_t count;
} gap_group;

static void flush(gap_group *g)
{
    if (!g->entity)
        return;
    const bcp_entity *e = g->entity;
    bcp_lint_report(g->ctx, &e->id_span, "%s `%s` has no %s translation of %s", bcp_kind_name(e->kind), e->id,
                    g->lang, g->names.data);
    g->entity = NULL;
    g->count = 0;
    g->names.len = 0;
    if (g->names.data)
        g->names.data[0] = '\0';
}

static void on_gap(void *user, const bcp_entity *e, const bcp_attr *a)
{
    gap_group *g = user;
    if (g->entity != e)
        flush(g);
    g->entity = e;
    bcp_buf_printf(&g->names, "%s`%s`", g->count++ ? ", " : "", a->name);
}

static void check(bcp_lint_ctx *ctx)
{
    const bcp_model *model = bcp_lint_model(ctx);
    const bcp_value *langs = bcp_entity_value(bcp_model_plan(model), "languages");
    if (!langs || langs->kind != BCP_V_LIST)
        return;
    gap_group g = {.ctx = ctx};
    for (size_t i = 0; i < langs->as.list.count; i++) {
        const bcp_value *v = &langs->as.list.items[i];
        if (v->kind != BCP_V_STRING)
            continue;
        g.lang = v->as.string.text;
        bcp_model_translation_gaps(model, g.lang, on_gap, &g);
        flush(&g);
    }
    bcp_buf_free(&g.names);
}

const bcp_rule bcp_rule_translation_missing = {
    .code = "H120",
    .name = "translation-missing",
    .severity = BCP_SEV_WARNING,
    .summary = "Prose of the plan has no translation into a language the plan says its document must be available in.",
    .rationale = "A plan that lists `languages = [\"zh-CN\", \"en\"]` promises a complete document in each. "
                 "Untranslated titles and descriptions fall back to the plan's own language, so the document "
                 "comes out half in one language and half in another, which staff under stress misread. "
                 "ISO 22301:2019 §7.4 asks that communication be understood by those who receive it, and "
                 "§7.5.2 that documented information be in a suitable format and language.",
    .fix = "add the missing attributes to a `locale <lang> { <kind> <id> { ... } }` block",
    .check = check,
};
