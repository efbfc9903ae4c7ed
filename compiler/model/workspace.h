/* Which files are checked together.  A plan is checked with everything it
 * imports; a module given on its own is checked in the context of the plans
 * that import it (pre-commit hands files over one by one), so that references
 * into the rest of the plan resolve. */
#ifndef BCP_WORKSPACE_H
#define BCP_WORKSPACE_H
#include <stdbool.h>
#include <stddef.h>

#include "model.h"

typedef struct bcp_unit {
    char **roots;          /* files to load together */
    size_t root_count;
    char **report_only;    /* real paths whose diagnostics are reported; NULL = all */
    size_t report_count;
    bcp_model *model;      /* the unit already loaded while grouping, or NULL; owned */
} bcp_unit;

typedef struct bcp_unit_list {
    bcp_unit *items;
    size_t count;
} bcp_unit_list;

/* The budget for finding the plan of a module checked on its own: plans
 * loaded, and bytes of .bcp files looked at (docs/language.md, "Limits").
 * The CLI's grouping and the editor's workspace load both keep to it. */
enum { BCP_DISCOVERY_PLANS = 64 };
#define BCP_DISCOVERY_BYTES ((size_t)64 << 20)

/* The plan that gives a module checked on its own its context: the first
 * plan of the module's project (the folder bcp_project_root finds; none
 * when that is the filesystem's root) whose load reads `module`, a
 * canonical path.  The candidates are the project's .bcp files (sorted),
 * then those of `extra` below its folder that the disk does not list (an
 * editor's unsaved documents); each is read with opts->read (else from
 * disk) to see whether it declares a plan, so the reader's texts count,
 * and a plan is loaded with `opts`.  Within the budget above; a candidate
 * that cannot be read is skipped.  Returns the importer's model and its
 * path in *plan (bcp_free; may be NULL), or NULL: load the module alone. */
bcp_model *bcp_workspace_find_importer(const char *module, const char *const *extra, size_t extra_count,
                                       const bcp_model_options *opts, char **plan);
/* Groups `files` into units.  Loads plans to learn what they import. */
void bcp_workspace_units(char **files, size_t count, const bcp_model_options *opts,
                         bcp_unit_list *out);
void bcp_unit_list_free(bcp_unit_list *units);
/* Does the text declare a `plan` block (a cheap scan, no parse)? */
bool bcp_text_declares_plan(const char *text, size_t len);
/* The unit's model: the one loaded while grouping (ownership passes to the
 * caller), else a fresh load of its roots. */
bcp_model *bcp_unit_take_model(bcp_unit *unit, const bcp_model_options *opts);
/* Should a diagnostic at `source` be shown for this unit? */
bool bcp_unit_reports(const bcp_unit *unit, const bcp_source *source);

#endif
