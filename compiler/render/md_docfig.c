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
    const bcp_entity_list *contacts = bcp_model_entities(d->m, BCP_KIND_CONTACT);
    if (!contacts->count) {
        bcp_md_empty_line(d, "empty_contacts");
        return;
    }
    bcp_md_table_header(d, "cols_reach");
    for (int pass = 0; pass < 2; pass++) {
        for (int tier = 1; tier <= 3; tier++) {
            for (size_t i = 0; i < contacts->count; i++) {
                const bcp_entity *c = contacts->items[i];
                int64_t t = 3;
                bcp_entity_integer(c, "tier", &t);
                if (t != tier || bcp_entity_bool(c, "external", false) != (pass == 1))
                    continue;
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
        }
    }
    bcp_md_table_end(d);
}
