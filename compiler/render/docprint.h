/* Document control and the computed executive summary (md_docprint.c,
 * json_docprint.c, docprint_facts.c): what both the Markdown and the JSON
 * state, gathered once from the model and model/derive.c. */
#ifndef BCP_RENDER_DOCPRINT_H
#define BCP_RENDER_DOCPRINT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "render.h"

/* How many of the summary's ranked lists it shows. */
#define BCP_SUMMARY_TOP 3

/* One sign-off: an `approval` block of the plan, or the plan's own
 * `approved_by` / `approved` when there is no such block. */
typedef struct bcp_signoff {
    const bcp_entity *block;     /* the approval block; NULL for approved_by */
    const bcp_entity *by;        /* the contact; NULL when only a date is known */
    const char *role;            /* localised: the block's role, else the contact's */
    int32_t date;
    bool has_date;
} bcp_signoff;

typedef struct bcp_item_count {
    size_t total, open, overdue;
    const bcp_entity *first_overdue; /* the earliest overdue item, NULL when none */
    int32_t first_overdue_due;
} bcp_item_count;

typedef struct bcp_exec_summary {
    size_t functions, critical, systems, suppliers, sites;
    bcp_entity **risks;          /* by score, highest first (owned) */
    size_t risk_count;           /* all of them; the summary shows BCP_SUMMARY_TOP */
    const bcp_entity *top_functions[BCP_SUMMARY_TOP];   /* critical, by priority */
    size_t top_function_count;
    bcp_item_count findings, milestones, exercises;
    bool has_review, review_overdue;
    int32_t review_due;
    size_t deviations;
} bcp_exec_summary;

/* The plan's sign-offs (`approval` blocks) in source order (owned array; *count may be 0). */
bcp_signoff *bcp_docprint_signoffs(bcp_render_ctx *ctx, size_t *count);
/* The `revision` blocks, newest date first (owned array). */
const bcp_entity **bcp_docprint_revisions(bcp_render_ctx *ctx, size_t *count);
/* Who holds a copy: the plan's `distribution`, else the plan owner and the
 * crisis teams (tier 1), which must hold one whatever the plan says;
 * *is_default (unless NULL) says which.  Owned array. */
const bcp_entity **bcp_docprint_distribution(bcp_render_ctx *ctx, size_t *count, bool *is_default);
/* The date the cover shows: effective, else approved (the latest sign-off), else reviewed. */
bool bcp_docprint_date(bcp_render_ctx *ctx, int32_t *days);

void bcp_exec_summary_compute(bcp_render_ctx *ctx, bcp_exec_summary *out);
void bcp_exec_summary_free(bcp_exec_summary *s);

#endif
