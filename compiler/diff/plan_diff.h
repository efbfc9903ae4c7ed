/* A semantic diff of two versions of a plan, read from their models only:
 * entities added, removed and changed attribute by attribute, and the
 * changes that weaken the plan (docs/diff.md lists them). */
#ifndef BCP_PLAN_DIFF_H
#define BCP_PLAN_DIFF_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "model/model.h"

typedef enum { BCP_DIFF_TEXT, BCP_DIFF_MARKDOWN } bcp_diff_format;

typedef struct bcp_plan_diff bcp_plan_diff;

/* Compares the entities the user's sources define (never the stdlib's).
 * With roots_only, only the entities of each model's first root file: used
 * when one side's imports could not be loaded. */
bcp_plan_diff *bcp_plan_diff_compute(const bcp_model *old_model, const bcp_model *new_model,
                                     bool roots_only);
void bcp_plan_diff_free(bcp_plan_diff *diff);

bool bcp_plan_diff_is_empty(const bcp_plan_diff *diff);
size_t bcp_plan_diff_added(const bcp_plan_diff *diff);
size_t bcp_plan_diff_removed(const bcp_plan_diff *diff);
size_t bcp_plan_diff_changed(const bcp_plan_diff *diff);
size_t bcp_plan_diff_weakenings(const bcp_plan_diff *diff);

/* Appends the diff to `out`; nothing in text format when there are no
 * differences. */
void bcp_plan_diff_render(bcp_buf *out, const bcp_plan_diff *diff, bcp_diff_format format,
                          const char *old_name, const char *new_name);
/* The diff as one JSON object (docs/diff.md, "JSON"): {"format": "bcp-diff",
 * "version": 1, "old", "new", "differ", "counts": {added, removed, changed,
 * weakening}, "added" / "removed" / "changed": [{"entity", "attributes":
 * [{"name", "old", "new"}]}], "weakening": [{"entity", "what", "old", "new",
 * "note", "text"}]}; "text" is the line the text report marks with "!". */
json_t *bcp_plan_diff_json(const bcp_plan_diff *diff, const char *old_name, const char *new_name);

#endif
