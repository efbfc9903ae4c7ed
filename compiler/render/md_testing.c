/* Chapter 6, testing and review: exercises with their next due date, the
 * plan review cycle and exercise findings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

static void test_exercises(bcp_md *d)
{
    bcp_md_section(d, 3, "test_exercises");
    const bcp_entity_list *ex = bcp_model_entities(d->m, BCP_KIND_EXERCISE);
    if (ex->count) {
        bcp_md_table_header(d, "cols_exercises");
        for (size_t i = 0; i < ex->count; i++) {
            const bcp_entity *e = ex->items[i];
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, e);
            bcp_md_cell_entity(d, bcp_entity_ref(e, "kind"));
            bcp_md_cell_frequency(d, e, "every");
            int32_t days;
            char date[11];
            if (bcp_entity_date(e, "last", &days)) {
                bcp_format_date(days, date);
                bcp_md_cell_raw(d, date);
            } else {
                bcp_md_cell_text(d, bcp_md_text(d, "never_held"));
            }
            if (bcp_exercise_next_due(e, &days)) {
                bcp_format_date(days, date);
                bcp_md_cell_raw(d, date);
            } else {
                bcp_md_cell_text(d, bcp_md_text(d, "not_scheduled"));
            }
            /* the scenario played, what it covers and who takes part: a
             * column each (the after-action reports carry the results) */
            bcp_md_cell_text(d, bcp_rattr(d->ctx, e, "scope"));
            bcp_md_cell_list(d, e, "covers");
            bcp_md_cell_list(d, e, "participants");
            bcp_md_cell_entity(d, bcp_entity_ref(e, "owner"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_exercises");
    }
}

static void test_review(bcp_md *d)
{
    bcp_md_heading(d, 3, "test_review");
    bcp_buf every = {0};
    bcp_rfmt_interval(d->ctx, bcp_plan_review_interval(d->plan).seconds, &every);
    char last[11] = "", next[11] = "";
    int32_t days;
    if (d->plan && bcp_entity_date(d->plan, "reviewed", &days))
        bcp_format_date(days, last);
    if (bcp_plan_next_review(d->plan, &days))
        bcp_format_date(days, next);
    const char *keys[] = {"every", "last", "next"};
    const char *vals[] = {every.data, last[0] ? last : bcp_md_text(d, "not_reviewed"), next[0] ? next : bcp_md_text(d, "not_scheduled")};
    bcp_md_prose(d, bcp_rt_body(d->ctx, "test_review"), keys, vals, 3);
    bcp_md_put(d, "\n\n");
    bcp_md_prose_list(d, bcp_rt_items(d->ctx, "test_review"), false);
    bcp_buf_free(&every);
}

static void test_findings(bcp_md *d)
{
    bcp_md_section(d, 3, "test_findings");
    const bcp_entity_list *fs = bcp_model_entities(d->m, BCP_KIND_FINDING);
    if (fs->count) {
        bcp_md_table_header(d, "cols_findings");
        for (size_t i = 0; i < fs->count; i++) {
            const bcp_entity *f = fs->items[i];
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, f);
            bcp_md_cell_entity(d, bcp_entity_ref(f, "exercise"));
            bcp_md_cell_entity(d, bcp_entity_ref(f, "owner"));
            bcp_md_cell_date(d, f, "due");
            bcp_md_cell_text(d, bcp_md_enum_label(d, "status", f, "status", "open"));
            bcp_md_cell_text(d, bcp_rattr(d->ctx, f, "action"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_findings");
    }
}

void bcp_md_testing(bcp_md *d)
{
    bcp_md_section(d, 2, "sec_testing");
    test_exercises(d);
    test_review(d);
    test_findings(d);
    bcp_md_deviations(d);
    bcp_md_after_action(d);
    bcp_md_maintenance(d);
}
