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
            bcp_buf cov = {0};
            const char *scope = bcp_rattr(d->ctx, e, "scope");
            if (scope)
                bcp_buf_puts(&cov, scope);
            /* what the exercise covers and who takes part: one remark each,
             * since either list may already use the stronger separator */
            static const char *const lists[][2] = {{"covers", "label_covers"}, {"participants", "label_participants"}};
            for (size_t k = 0; k < 2; k++) {
                bcp_buf refs = {0};
                bcp_md_join_labels(d, bcp_entity_value(e, lists[k][0]), &refs);
                if (refs.len) {
                    bcp_buf remark = {0};
                    bcp_buf_printf(&remark, "%s%s%s", bcp_md_text(d, lists[k][1]), bcp_md_text(d, "colon"), refs.data);
                    if (cov.len)
                        bcp_md_paren(d, remark.data, &cov);
                    else
                        bcp_buf_puts(&cov, remark.data);
                    bcp_buf_free(&remark);
                }
                bcp_buf_free(&refs);
            }
            bcp_md_cell_text(d, cov.data);
            bcp_buf_free(&cov);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, e, "results"));
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
}
