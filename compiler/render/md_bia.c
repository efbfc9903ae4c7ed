/* Chapter 3, business impact analysis: functions by priority with their
 * objectives, dependencies and key people. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

static const char *kind_title(bcp_md *d, const bcp_entity *e)
{
    char id[64];
    snprintf(id, sizeof id, "kind_%s", bcp_kind_name(e->kind));
    return bcp_md_text(d, id);
}

static void bia_priority(bcp_md *d, bcp_entity **fns, size_t n)
{
    bcp_md_section(d, 3, "bia_priority");
    if (n) {
        bcp_md_table_header(d, "cols_bia");
        for (size_t i = 0; i < n; i++) {
            const bcp_entity *f = fns[i];
            int64_t prio = 1;
            bcp_entity_integer(f, "priority", &prio);
            char pbuf[16];
            snprintf(pbuf, sizeof pbuf, "%lld", (long long)prio);
            bcp_md_row_begin(d);
            bcp_md_cell_raw(d, pbuf);
            if (bcp_is_critical(f)) {
                bcp_md_cell_entity(d, f);
            } else {
                bcp_buf b = {0};
                bcp_buf_puts(&b, bcp_md_label(d, f));
                bcp_md_paren(d, bcp_md_text(d, "not_critical"), &b);
                bcp_md_cell_text(d, b.data);
                bcp_buf_free(&b);
            }
            bcp_md_cell_duration(d, f, "rto");
            bcp_md_cell_duration(d, f, "mtpd");
            bcp_md_cell_duration(d, f, "rpo");
            bcp_md_cell_list(d, f, "needs");
            const bcp_value *fb = bcp_model_localized_value(d->m, f, "fallback", d->ctx->lang);
            if (fb && fb->kind == BCP_V_IDENT)
                bcp_md_cell_text(d, bcp_md_text(d, "fallback_none"));
            else
                bcp_md_cell_text(d, bcp_rattr(d->ctx, f, "fallback"));
            bcp_buf who = {0};
            const bcp_entity *owner = bcp_entity_ref(f, "owner"), *deputy = bcp_entity_ref(f, "deputy");
            if (owner)
                bcp_buf_puts(&who, bcp_md_label(d, owner));
            if (deputy)
                bcp_buf_printf(&who, "%s%s%s", who.len ? " / " : "", bcp_md_text(d, "deputy_prefix"), bcp_md_label(d, deputy));
            bcp_md_cell_text(d, who.data);
            bcp_buf_free(&who);
            bcp_buf sites = {0};
            bcp_md_join_labels(d, bcp_entity_value(f, "sites"), &sites);
            bcp_md_cell_text(d, sites.len ? sites.data : bcp_md_text(d, "all_sites"));
            bcp_buf_free(&sites);
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_functions");
    }
}

static void bia_dependencies(bcp_md *d, bcp_entity **fns, size_t n)
{
    bcp_md_section(d, 3, "bia_dependencies");
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *needs = bcp_entity_value(fns[i], "needs");
        if (!needs || needs->kind != BCP_V_LIST)
            continue;
        for (size_t k = 0; k < needs->as.list.count; k++) {
            const bcp_value *it = &needs->as.list.items[k];
            if (it->kind != BCP_V_REF || !it->as.ref.target)
                continue;
            const bcp_entity *dep = it->as.ref.target;
            if (!rows++)
                bcp_md_table_header(d, "cols_dependencies");
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, fns[i]);
            bcp_md_cell_entity(d, dep);
            bcp_md_cell_text(d, kind_title(d, dep));
            int64_t sla;
            if (!bcp_entity_attr(dep, "rto") && bcp_entity_duration(dep, "sla", &sla)) {
                /* a supplier's contractual restore time stands in for an RTO */
                bcp_buf t = {0};
                bcp_md_duration_text(d, sla, &t);
                bcp_md_paren(d, bcp_md_text(d, "sla"), &t);
                bcp_md_cell_text(d, t.data);
                bcp_buf_free(&t);
            } else {
                bcp_md_cell_duration(d, dep, "rto");
            }
            const bcp_entity *alt = bcp_entity_ref(dep, "alternate");
            const bcp_value *alts = bcp_entity_value(dep, "alternates");
            if (alt) {
                bcp_md_cell_entity(d, alt);
            } else if (alts) {
                bcp_md_cell_list(d, dep, "alternates");
            } else {
                bcp_md_cell_text(d, bcp_rattr(d->ctx, dep, "fallback"));
            }
            bcp_md_row_end(d);
        }
    }
    if (rows)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_dependencies");
}

static void bia_key_people(bcp_md *d, bcp_entity **fns, size_t n)
{
    bcp_md_section(d, 3, "bia_key_people");
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *kp = bcp_entity_value(fns[i], "key_people");
        if (!kp || kp->kind != BCP_V_LIST)
            continue;
        for (size_t k = 0; k < kp->as.list.count; k++) {
            const bcp_entity *p = kp->as.list.items[k].kind == BCP_V_REF ? kp->as.list.items[k].as.ref.target : NULL;
            if (!p)
                continue;
            if (!rows++)
                bcp_md_table_header(d, "cols_key_people");
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, fns[i]);
            bcp_md_cell_entity(d, p);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, p, "role"));
            const bcp_entity *sub = bcp_entity_ref(p, "substitute");
            bcp_md_cell_text(d, sub ? bcp_md_label(d, sub) : bcp_md_text(d, "no_substitute"));
            bcp_md_row_end(d);
        }
    }
    if (rows)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_key_people");
}

void bcp_md_bia(bcp_md *d)
{
    bcp_md_section(d, 2, "sec_bia");
    size_t n;
    bcp_entity **fns = bcp_sorted_functions(d->m, &n);
    bia_priority(d, fns, n);
    bia_dependencies(d, fns, n);
    bia_key_people(d, fns, n);
    bcp_free(fns);
}
