/* Chapter 7, implementation: roles, milestones, training and assessment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

static void impl_roles(bcp_md *d)
{
    bcp_md_section(d, 3, "impl_roles");
    const bcp_entity_list *teams = bcp_model_entities(d->m, BCP_KIND_TEAM);
    if (teams->count) {
        bcp_md_table_header(d, "cols_roles");
        for (size_t i = 0; i < teams->count; i++) {
            const bcp_entity *t = teams->items[i];
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, t);
            bcp_md_cell_entity(d, bcp_entity_ref(t, "lead"));
            bcp_md_cell_entity(d, bcp_entity_ref(t, "deputy"));
            bcp_md_cell_list(d, t, "responsibilities");
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_crisis_team");
    }
}

static void impl_milestones(bcp_md *d)
{
    bcp_md_section(d, 3, "impl_milestones");
    const bcp_entity_list *ms = bcp_model_entities(d->m, BCP_KIND_MILESTONE);
    if (ms->count) {
        bcp_md_table_header(d, "cols_milestones");
        for (size_t i = 0; i < ms->count; i++) {
            const bcp_entity *m = ms->items[i];
            int64_t order;
            char obuf[16];
            snprintf(obuf, sizeof obuf, "%lld", bcp_entity_integer(m, "order", &order) ? (long long)order : (long long)(i + 1));
            bcp_md_row_begin(d);
            bcp_md_cell_raw(d, obuf);
            bcp_md_cell_entity(d, m);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, m, "description"));
            bcp_md_cell_entity(d, bcp_entity_ref(m, "owner"));
            bcp_md_cell_date(d, m, "due");
            bcp_md_cell_text(d, bcp_md_enum_label(d, "status", m, "status", "planned"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_milestones");
    }
}

static void impl_training(bcp_md *d)
{
    bcp_md_section(d, 3, "impl_training");
    const bcp_entity_list *tr = bcp_model_entities(d->m, BCP_KIND_TRAINING);
    if (tr->count) {
        bcp_md_table_header(d, "cols_training");
        for (size_t i = 0; i < tr->count; i++) {
            const bcp_entity *t = tr->items[i];
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, t);
            bcp_md_cell_list(d, t, "audience");
            bcp_md_cell_text(d, bcp_md_enum_label(d, "training_when", t, "when", NULL));
            bcp_md_cell_frequency(d, t, "every");
            /* last held and, for periodic training, the next session (derive.c) */
            int32_t days;
            char date[11];
            const bcp_value *when = bcp_entity_value(t, "when");
            bool periodic = when && when->kind == BCP_V_IDENT && strcmp(when->as.ident.name, "periodic") == 0;
            if (bcp_entity_date(t, "last", &days)) {
                bcp_format_date(days, date);
                bcp_md_cell_raw(d, date);
            } else {
                /* onboarding training is held at every hire: no "not yet held" */
                bcp_md_cell_text(d, periodic ? bcp_md_text(d, "never_held") : NULL);
            }
            if (bcp_training_next_due(t, &days)) {
                bcp_format_date(days, date);
                bcp_md_cell_raw(d, date);
            } else {
                bcp_md_cell_raw(d, NULL);
            }
            bcp_md_cell_list(d, t, "topics");
            bcp_md_cell_list(d, t, "methods");
            bcp_md_cell_entity(d, bcp_entity_ref(t, "owner"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_training");
    }
}

static void impl_assessment(bcp_md *d)
{
    bcp_md_section(d, 3, "impl_assessment");
    const bcp_entity_list *tr = bcp_model_entities(d->m, BCP_KIND_TRAINING);
    size_t shown = 0;
    for (size_t i = 0; i < tr->count; i++) {
        const char *a = bcp_rattr(d->ctx, tr->items[i], "assessment");
        if (!a)
            continue;
        shown++;
        bcp_md_put(d, "- **");
        bcp_md_escape_into(d->b, bcp_md_label(d, tr->items[i]), BCP_MD_CELL);
        bcp_md_put(d, "**");
        bcp_md_put(d, bcp_md_text(d, "colon"));
        bcp_md_escape_into(d->b, a, BCP_MD_CELL);
        bcp_md_put(d, "\n");
    }
    if (shown)
        bcp_md_put(d, "\n");
    else
        bcp_md_prose_list(d, bcp_rt_items(d->ctx, "impl_assessment"), false);
}

void bcp_md_implementation(bcp_md *d)
{
    bcp_md_section(d, 2, "sec_impl");
    impl_roles(d);
    impl_milestones(d);
    impl_training(d);
    impl_assessment(d);
}
