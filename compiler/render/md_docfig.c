/* The docfig sections of the document: the notification tree and the
 * contact methods in priority order (chapter 5).  In HTML the tree is drawn
 * as a figure (render_html.c); Markdown gets it as a nested list. */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "docfig.h"
#include "md_doc.h"

static void tree_item(bcp_md *d, int depth, const bcp_entity *e)
{
    for (int i = 0; i < depth; i++)
        bcp_md_put(d, "  ");
    bcp_md_put(d, "- ");
    bcp_buf r = {0};
    bcp_buf_puts(&r, bcp_md_label(d, e));
    const char *role = e->kind == BCP_KIND_CONTACT ? bcp_rattr(d->ctx, e, "role") : NULL;
    if (role)
        bcp_md_paren(d, role, &r);
    bcp_md_esc(d, r.data);
    bcp_buf_free(&r);
    bcp_md_put(d, "\n");
}

/* The crisis team at the root, the tiers it notifies, the people in each. */
void bcp_md_notify_tree(bcp_md *d)
{
    bcp_md_section(d, 3, "com_tree");
    if (d->for_html) {
        d->doc->notify_at = d->b->len;
        return;
    }
    bcp_notify_tree t;
    bcp_notify_tree_build(d->m, &t);
    /* the root, in bold: the crisis team(s) and, in parentheses, the lead */
    bcp_buf root = {0};
    for (size_t i = 0; i < t.root_count; i++) {
        if (i)
            bcp_buf_puts(&root, bcp_md_text(d, "list_separator"));
        bcp_buf_puts(&root, bcp_md_label(d, t.roots[i]));
    }
    if (!t.root_count)
        bcp_buf_puts(&root, bcp_md_text(d, "tree_root"));
    const bcp_entity *lead = t.root_count ? bcp_entity_ref(t.roots[0], "lead") : NULL;
    if (lead) {
        bcp_buf l = {0};
        bcp_buf_printf(&l, "%s%s%s", bcp_md_text(d, "role_lead"), bcp_md_text(d, "colon"), bcp_md_label(d, lead));
        bcp_md_paren(d, l.data, &root);
        bcp_buf_free(&l);
    }
    bcp_md_put(d, "- **");
    bcp_md_escape_into(d->b, root.data, BCP_MD_CELL);
    bcp_md_put(d, "**\n");
    bcp_buf_free(&root);
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++) {
        const bcp_notify_group *gr = &t.groups[g];
        if (g == 3 && !gr->count)
            continue; /* no external contacts: no branch */
        bcp_md_put(d, "  - ");
        bcp_md_put(d, bcp_md_text(d, gr->title_id));
        bcp_md_put(d, "\n");
        for (size_t k = 0; k < gr->count; k++)
            tree_item(d, 2, gr->members[k]);
        if (!gr->count) {
            bcp_md_put(d, "    - ");
            bcp_md_put(d, bcp_md_text(d, g == 2 ? "all_staff" : "tree_nobody"));
            bcp_md_put(d, "\n");
        }
    }
    bcp_md_put(d, "\n");
    bcp_notify_tree_free(&t);
}

enum { REACH_COLS = 3, REACH_MAX = 16 };

static void method_text(bcp_md *d, const bcp_contact_method *mt, bcp_buf *out)
{
    if (mt->channel) {
        bcp_buf_puts(out, bcp_md_label(d, mt->channel));
        return;
    }
    bcp_buf_printf(out, "%s%s%s", bcp_md_text(d, mt->kind_id), bcp_md_text(d, "colon"), mt->value);
}

/* Every contact, by tier as in the contact list, with the ways to reach them
 * in the order to try them. */
void bcp_md_contact_order(bcp_md *d)
{
    bcp_md_section(d, 3, "com_reach");
    size_t count;
    bcp_entity **contacts = bcp_contacts_in_directory_order(d->m, &count);
    if (!count) {
        bcp_md_empty_line(d, "empty_contacts");
        bcp_free(contacts);
        return;
    }
    bcp_md_table_header(d, "cols_reach");
    for (size_t i = 0; i < count; i++) {
        const bcp_entity *c = contacts[i];
        bcp_contact_method ms[REACH_MAX];
        size_t n = bcp_contact_methods(c, ms, REACH_MAX);
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, c);
        for (size_t k = 0; k < REACH_COLS; k++) {
            bcp_buf cell = {0};
            if (k < n)
                method_text(d, &ms[k], &cell);
            bcp_md_cell_text(d, cell.data);
            bcp_buf_free(&cell);
        }
        bcp_md_strlist rest = {0};
        bcp_buf texts[REACH_MAX];
        size_t nt = 0;
        for (size_t k = REACH_COLS; k < n; k++) {
            texts[nt] = (bcp_buf){0};
            method_text(d, &ms[k], &texts[nt]);
            bcp_md_strlist_add(&rest, texts[nt].data);
            nt++;
        }
        bcp_buf then = {0};
        bcp_md_strlist_join(d, &rest, &then);
        bcp_md_cell_text(d, then.data);
        bcp_buf_free(&then);
        bcp_md_strlist_free(&rest);
        for (size_t k = 0; k < nt; k++)
            bcp_buf_free(&texts[k]);
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
    bcp_free(contacts);
}

/* One row per exercise that has been held: when, how it went against its
 * objectives, what happened, and the findings it raised (the improvement
 * log's entries that name it), each with its status. */
void bcp_md_after_action(bcp_md *d)
{
    bcp_md_section(d, 3, "test_after_action");
    const bcp_entity_list *ex = bcp_model_entities(d->m, BCP_KIND_EXERCISE);
    const bcp_entity_list *fs = bcp_model_entities(d->m, BCP_KIND_FINDING);
    size_t rows = 0;
    for (size_t i = 0; i < ex->count; i++) {
        const bcp_entity *e = ex->items[i];
        int32_t days;
        if (!bcp_entity_date(e, "last", &days))
            continue;
        if (!rows++)
            bcp_md_table_header(d, "cols_after_action");
        char date[11];
        bcp_format_date(days, date);
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, e);
        bcp_md_cell_raw(d, date);
        bcp_md_cell_text(d, bcp_md_enum_label(d, "outcome", e, "outcome", NULL));
        bcp_md_cell_text(d, bcp_rattr(d->ctx, e, "results"));
        bcp_md_strlist raised = {0};
        bcp_buf texts = {0};
        size_t *offs = NULL, nf = 0;
        for (size_t k = 0; k < fs->count; k++) {
            if (bcp_entity_ref(fs->items[k], "exercise") != e)
                continue;
            bcp_buf one = {0};
            bcp_buf_puts(&one, bcp_md_label(d, fs->items[k]));
            bcp_md_paren(d, bcp_md_enum_label(d, "status", fs->items[k], "status", "open"), &one);
            offs = bcp_realloc(offs, (nf + 1) * sizeof *offs);
            offs[nf++] = texts.len;
            bcp_buf_put(&texts, one.data, one.len + 1);
            bcp_buf_free(&one);
        }
        for (size_t k = 0; k < nf; k++)
            bcp_md_strlist_add(&raised, texts.data + offs[k]);
        bcp_buf list = {0};
        bcp_md_strlist_join(d, &raised, &list);
        bcp_md_cell_text(d, list.len ? list.data : bcp_md_text(d, "no_findings_raised"));
        bcp_buf_free(&list);
        bcp_md_strlist_free(&raised);
        bcp_buf_free(&texts);
        bcp_free(offs);
        bcp_md_row_end(d);
    }
    if (rows)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_after_action");
}

/* The maintenance activities the plan declares, else the stdlib's usual
 * ones: what, how often, who, when last done and when next due. */
void bcp_md_maintenance(bcp_md *d)
{
    bcp_md_section(d, 3, "test_maintenance");
    const bcp_entity_list *all = bcp_model_entities(d->m, BCP_KIND_MAINTENANCE_ACTIVITY);
    bool own = false;
    for (size_t i = 0; i < all->count && !own; i++)
        own = !all->items[i]->from_stdlib;
    bcp_md_table_header(d, "cols_maintenance");
    for (size_t i = 0; i < all->count; i++) {
        const bcp_entity *a = all->items[i];
        if (a->from_stdlib == own)
            continue;
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, a);
        bcp_md_cell_frequency(d, a, "every");
        const bcp_entity *owner = bcp_entity_ref(a, "owner");
        if (owner)
            bcp_md_cell_entity(d, owner);
        else
            bcp_md_cell_text(d, bcp_rattr(d->ctx, a, "responsible"));
        bcp_md_cell_date(d, a, "last");
        int32_t due;
        char date[11];
        if (bcp_every_since_last(a, &due)) {
            bcp_format_date(due, date);
            bcp_md_cell_raw(d, date);
        } else {
            bcp_md_cell_raw(d, NULL);
        }
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}
