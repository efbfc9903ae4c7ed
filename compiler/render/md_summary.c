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
        const char *name = city ? city : bcp_md_label(d, sites->items[i]);
        bool seen = false; /* two sites in one city name it once */
        for (size_t k = 0; k < l.count && !seen; k++)
            seen = strcmp(l.items[k], name) == 0;
        if (!seen)
            bcp_md_strlist_add(&l, name);
    }
    /* inside a sentence: "New York, London and Tokyo", "上海、杭州和苏州" */
    for (size_t i = 0; i < l.count; i++) {
        if (i)
            bcp_buf_puts(out, bcp_md_text(d, i + 1 == l.count ? "list_and" : "list_separator_prose"));
        bcp_buf_puts(out, l.items[i]);
    }
    bcp_md_strlist_free(&l);
}

/* "**Organisation profile**: healthcare, medium-sized (50–249 staff)":
 * industry and size, shown whether the plan writes its own scope or not. */
static void profile(bcp_md *d)
{
    const bcp_entity *ind = d->plan ? bcp_entity_ref(d->plan, "industry") : NULL;
    const bcp_entity *size = d->plan ? bcp_entity_ref(d->plan, "size") : NULL;
    if (!ind && !size)
        return;
    bcp_buf line = {0};
    if (ind)
        bcp_buf_puts(&line, bcp_md_label(d, ind));
    if (size) {
        if (line.len)
            bcp_buf_puts(&line, bcp_md_text(d, "comma"));
        bcp_buf_puts(&line, bcp_md_label(d, size));
        int64_t lo, hi;
        char min[24], max[24];
        if (bcp_entity_integer(size, "staff_min", &lo)) {
            bool closed = bcp_entity_integer(size, "staff_max", &hi);
            snprintf(min, sizeof min, "%lld", (long long)lo);
            snprintf(max, sizeof max, "%lld", closed ? (long long)hi : 0LL);
            const char *keys[] = {"min", "max"};
            const char *vals[] = {min, max};
            bcp_buf range = {0};
            bcp_rfill_keys(&range, bcp_md_text(d, closed ? "profile_staff_range" : "profile_staff_open"), keys, vals, 2,
                           NULL);
            bcp_md_paren(d, range.data, &line);
            bcp_buf_free(&range);
        }
    }
    bcp_md_bold_label(d, "label_profile");
    bcp_md_esc(d, line.data);
    bcp_md_put(d, "\n\n");
    bcp_buf_free(&line);
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
        bcp_buf sites = {0};
        join_sites(d, &sites);
        const char *keys[] = {"organization", "sites"};
        const char *vals[] = {bcp_md_plan_text(d, "organization"), sites.len ? sites.data : bcp_md_text(d, "sites_unspecified")};
        bcp_md_prose(d, bcp_rt_body(d->ctx, "scope_template"), keys, vals, 2);
        bcp_md_put(d, "\n\n");
        bcp_buf_free(&sites);
    }
    profile(d);
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
    bcp_md_readiness(d);
}
