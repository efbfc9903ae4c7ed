/* What the chapters of the Markdown document share (render_md.c drives them,
 * md_common.c implements the building blocks): the document state, escaped
 * and trusted text, headings, tables, cells and joined lists.  Stdlib prose
 * (bcp_md_text, bcp_md_prose, bcp_md_prose_list) is trusted Markdown; plan
 * text always goes through the escaping helpers. */
#ifndef BCP_MD_DOC_H
#define BCP_MD_DOC_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "render.h"

/* The byte that brackets a cross-reference placeholder in the Markdown under
 * construction (bcp_md_xref); escaping drops it from plan text. */
#define BCP_MD_XREF_MARK '\x01'

typedef struct bcp_md {
    bcp_render_ctx *ctx;
    bcp_model *m;
    const bcp_entity *plan;
    bcp_buf *b;
    bool for_html;
    bcp_md_doc *doc;
    /* The outline: numbers of the chapters and sections emitted so far
     * (md_common.c numbers every level-2 and level-3 heading; appendices are
     * lettered), kept so cross-references resolve once the document is done. */
    int chapter, section, appendix;
    struct bcp_md_outline_entry {
        const char *id;
        char number[48];
    } *outline;
    size_t outline_count, outline_cap;
} bcp_md;

/* ---- the chapters, in document order */
void bcp_md_cover(bcp_md *d);
void bcp_md_summary(bcp_md *d);
void bcp_md_risk(bcp_md *d);
void bcp_md_bia(bcp_md *d);
void bcp_md_recovery(bcp_md *d);
void bcp_md_comms(bcp_md *d);
void bcp_md_testing(bcp_md *d);
void bcp_md_implementation(bcp_md *d);
void bcp_md_closing(bcp_md *d);
/* md_continuity.c: sections appended to chapters 3 (impact over time,
 * staffing, single points of failure) and 4 (activation, recovery by
 * resource type, IT disaster recovery, supplier service levels, checklists). */
void bcp_md_bia_continuity(bcp_md *d);
/* The dependency graph section (md_graph.c), after the single points of failure. */
void bcp_md_graph(bcp_md *d);
void bcp_md_recovery_continuity(bcp_md *d);
/* "**Runbook**: <https://...>" when `e` names a runbook; nothing otherwise. */
void bcp_md_runbook_line(bcp_md *d, const bcp_entity *e);
/* docfig (md_docfig.c): the notification tree and contact methods in
 * priority order (chapter 5). */
void bcp_md_notify_tree(bcp_md *d);
void bcp_md_contact_order(bcp_md *d);
/* docfig: after-action reports of the exercises held and the maintenance
 * programme (chapter 6). */
void bcp_md_after_action(bcp_md *d);
void bcp_md_maintenance(bcp_md *d);
/* simulate (issue 14): the scenario impact section, end of chapter 4
 * (md_simulate.c); nothing when no scenario declares `loses`. */
void bcp_md_scenario_impact(bcp_md *d);
/* The compliance crosswalk (md_crosswalk.c); nothing when the plan declares no regime. */
void bcp_md_crosswalk(bcp_md *d);
/* The appendix of time zones and emergency numbers (md_regions.c). */
void bcp_md_regions(bcp_md *d);
/* Document control and the executive summary (md_docprint.c): the cover's
 * facts and sign-off block, the "Document control" section, and the key
 * facts computed from the plan that open chapter 1. */
void bcp_md_cover_facts(bcp_md *d);
void bcp_md_signoff(bcp_md *d);
void bcp_md_doccontrol(bcp_md *d);
void bcp_md_exec_summary(bcp_md *d);
/* Drafts only (md_draft.c): the DRAFT banner and the appendix of open findings. */
void bcp_md_draft_banner(bcp_md *d);
void bcp_md_draft_appendix(bcp_md *d);
/* The readiness score at the end of chapter 1 (md_readiness.c); nothing
 * without ctx->readiness. */
void bcp_md_readiness(bcp_md *d);
/* Section 6.4, accepted deviations (md_deviations.c); nothing when there are none. */
void bcp_md_deviations(bcp_md *d);
/* When the plan accepts a failure of rule `code` for `e`: a cell referring
 * to its entry in 6.4 instead of a bare failed check, and true. */
bool bcp_md_cell_deviation(bcp_md *d, const bcp_entity *e, const char *code);

/* ---- text */
void bcp_md_esc(bcp_md *d, const char *s);            /* plan text, escaped */
void bcp_md_put(bcp_md *d, const char *s);            /* trusted markup */
/* `text ID` title in the document language. */
const char *bcp_md_text(bcp_md *d, const char *id);
/* Stdlib prose with {keys[i]} filled by escaped plan values. */
void bcp_md_prose(bcp_md *d, const char *tmpl, const char *const *keys, const char *const *vals, size_t n);
void bcp_md_para(bcp_md *d, const char *text);        /* a trusted paragraph, nothing when empty */
/* A heading: levels 2 (chapter) and 3 (section) are numbered in the
 * language's style (`text num_chapter` / `num_section`), so adding a section
 * never renumbers prose by hand. */
void bcp_md_heading(bcp_md *d, int level, const char *id);
/* A section of the front matter (level 2, before chapter 1, unnumbered; its
 * level-3 sections are unnumbered too): document control. */
void bcp_md_front_section(bcp_md *d, const char *id);
/* An appendix heading (level 2, lettered by `text num_appendix`); the
 * sections under it are numbered A.1, A.2, ... */
void bcp_md_appendix(bcp_md *d, const char *id);
/* A cross-reference to the chapter, section or appendix whose heading is
 * `text ID`, as the document numbers it ("6.4", "第六章", "Appendix A"):
 * appended to `out` as a placeholder that bcp_md_resolve_xrefs replaces when
 * the whole document is known.  Only trusted markup may carry it (plan text
 * never can: the escaping drops its marker byte). */
void bcp_md_xref(bcp_md *d, const char *id, bcp_buf *out);
/* A figure's numbered caption, numbered after its section `section_id`:
 * "**Figure 3.7**: CAPTION" from `text figure_id` ("Figure {number}") and
 * the title of `text caption_id` (the graph's and the timelines'). */
void bcp_md_figure_caption(bcp_md *d, const char *section_id, const char *figure_id, const char *caption_id);
/* Replace every placeholder of bcp_md_xref in d->b by the number, moving the
 * n byte offsets in `offsets` (figure positions) by what came before them. */
void bcp_md_resolve_xrefs(bcp_md *d, size_t *const *offsets, size_t n);
void bcp_md_outline_free(bcp_md *d);
/* A section or subsection: its heading and its purpose paragraph. */
void bcp_md_section(bcp_md *d, int level, const char *id);
/* "*Nothing defined yet*": the body of `text ID`, in italics. */
void bcp_md_empty_line(bcp_md *d, const char *id);
/* "**Owner**: " with the language's colon; _line ends the line before a list. */
void bcp_md_bold_label(bcp_md *d, const char *label_id);
void bcp_md_bold_label_line(bcp_md *d, const char *label_id);
void bcp_md_paren(bcp_md *d, const char *text, bcp_buf *out);
const char *bcp_md_label(bcp_md *d, const bcp_entity *e);   /* display name, NULL for NULL */
/* An enum word through `text PREFIX_VALUE` (fallback when the attribute is unset). */
const char *bcp_md_enum_label(bcp_md *d, const char *prefix, const bcp_entity *e, const char *name,
                              const char *fallback);
void bcp_md_duration_text(bcp_md *d, int64_t s, bcp_buf *out);
const bcp_value *bcp_md_plan_value(bcp_md *d, const char *name);
const char *bcp_md_plan_text(bcp_md *d, const char *name);

/* ---- lists */
void bcp_md_item_list(bcp_md *d, const bcp_value *v, bool numbered);    /* plan strings, escaped */
void bcp_md_prose_list(bcp_md *d, const bcp_value *v, bool numbered);   /* stdlib items, trusted */

/* Strings to be joined into one cell or sentence (not owned). */
typedef struct bcp_md_strlist {
    const char **items;
    size_t count, cap;
} bcp_md_strlist;
void bcp_md_strlist_add(bcp_md_strlist *l, const char *s);              /* skips NULL and "" */
void bcp_md_strlist_join(bcp_md *d, const bcp_md_strlist *l, bcp_buf *out);
void bcp_md_strlist_free(bcp_md_strlist *l);
/* Labels of the entities or catalogue entries a list value names, joined. */
void bcp_md_join_labels(bcp_md *d, const bcp_value *v, bcp_buf *out);

/* ---- tables */
void bcp_md_table_header(bcp_md *d, const char *cols_id);
void bcp_md_table_end(bcp_md *d);
void bcp_md_row_begin(bcp_md *d);
void bcp_md_row_end(bcp_md *d);
void bcp_md_cell_text(bcp_md *d, const char *s);     /* escaped, "—" when empty */
void bcp_md_cell_raw(bcp_md *d, const char *s);      /* trusted, "—" when empty */
void bcp_md_cell_entity(bcp_md *d, const bcp_entity *e);
void bcp_md_cell_duration(bcp_md *d, const bcp_entity *e, const char *name);
void bcp_md_cell_date(bcp_md *d, const bcp_entity *e, const char *name);
void bcp_md_cell_bool(bcp_md *d, bool v);
void bcp_md_cell_frequency(bcp_md *d, const bcp_entity *e, const char *name);   /* "Every 6 months" */
void bcp_md_cell_list(bcp_md *d, const bcp_entity *e, const char *name);

#endif
