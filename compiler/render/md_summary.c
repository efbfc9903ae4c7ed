/* Chapter 1, summary: purpose, scope and sites, objectives, assumptions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

static void join_sites(bcp_md *d, bcp_buf *out)
{
    const bcp_value *v = bcp_md_plan_value(d, "sites");
    if (v && v->kind == BCP_V_LIST && v->as.list.count) {
        bcp_md_join_labels(d, v, out);
        return;
    }
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    bcp_md_strlist l = {0};
    for (size_t i = 0; i < sites->count; i++) {
        const char *city = bcp_rattr(d->ctx, sites->items[i], "city");
        bcp_md_strlist_add(&l, city ? city : bcp_md_label(d, sites->items[i]));
    }
    bcp_md_strlist_join(d, &l, out);
    bcp_md_strlist_free(&l);
}

void bcp_md_summary(bcp_md *d)
{
    /* the key facts, computed from the plan (md_docprint.c) */
    bcp_md_heading(d, 2, "sec_summary");
    bcp_md_exec_summary(d);

    bcp_md_heading(d, 3, "sum_purpose");
    const char *purpose = bcp_md_plan_text(d, "purpose");
    if (purpose) {
        bcp_md_esc(d, purpose);
        bcp_md_put(d, "\n\n");
    } else {
        bcp_md_para(d, bcp_rt_body(d->ctx, "sum_purpose"));
    }

    bcp_md_heading(d, 3, "sum_scope");
    const char *scope = bcp_md_plan_text(d, "scope");
    if (scope) {
        bcp_md_esc(d, scope);
        bcp_md_put(d, "\n\n");
    } else {
        const bcp_entity *ind = d->plan ? bcp_entity_ref(d->plan, "industry") : NULL;
        const bcp_entity *size = d->plan ? bcp_entity_ref(d->plan, "size") : NULL;
        bcp_buf sites = {0};
        join_sites(d, &sites);
        const char *keys[] = {"organization", "industry", "size", "sites"};
        const char *vals[] = {bcp_md_plan_text(d, "organization"), ind ? bcp_md_label(d, ind) : bcp_md_text(d, "industry_unspecified"),
                              size ? bcp_md_label(d, size) : "", sites.len ? sites.data : bcp_md_text(d, "sites_unspecified")};
        bcp_md_prose(d, bcp_rt_body(d->ctx, size ? "scope_template" : "scope_template_nosize"), keys, vals, 4);
        bcp_md_put(d, "\n\n");
        bcp_buf_free(&sites);
    }
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    if (sites->count) {
        bcp_md_table_header(d, "cols_sites");
        for (size_t i = 0; i < sites->count; i++) {
            const bcp_entity *s = sites->items[i];
            int64_t staff;
            char nbuf[32] = "";
            if (bcp_entity_integer(s, "staff", &staff))
                snprintf(nbuf, sizeof nbuf, "%lld", (long long)staff);
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, s);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, s, "city"));
            bcp_md_cell_text(d, bcp_md_enum_label(d, "site_kind", s, "kind", "office"));
            bcp_md_cell_raw(d, nbuf);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, s, "address"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_sites");
    }

    bcp_md_heading(d, 3, "sum_objectives");
    const bcp_value *obj = bcp_md_plan_value(d, "objectives");
    if (obj && obj->kind == BCP_V_LIST && obj->as.list.count)
        bcp_md_item_list(d, obj, false);
    else
        bcp_md_prose_list(d, bcp_rt_items(d->ctx, "sum_objectives"), false);

    bcp_md_heading(d, 3, "sum_assumptions");
    const bcp_value *as = bcp_md_plan_value(d, "assumptions");
    if (as && as->kind == BCP_V_LIST && as->as.list.count)
        bcp_md_item_list(d, as, false);
    else
        bcp_md_prose_list(d, bcp_rt_items(d->ctx, "sum_assumptions"), false);
}
