/* The continuity sections of the document (issue 10): at the end of the
 * business impact analysis, the impact over time (table; the HTML page adds a
 * figure), staffing and workarounds, and single points of failure; at the end
 * of the recovery strategy, activation and escalation, recovery strategies by
 * resource type, IT disaster recovery, supplier service levels and response
 * checklists.  The facts (curve verdicts, single points of failure, which
 * levels and checklists apply) come from model/derive.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

/* A runbook: an http(s) address as an autolink, a path as text. */
static void cell_link(bcp_md *d, const char *link)
{
    if (link && bcp_link_check(link) == BCP_LINK_WEB) {
        bcp_md_put(d, " <");
        bcp_md_put(d, link); /* bcp_link_check admits no space, <, > or | */
        bcp_md_put(d, "> |");
    } else {
        bcp_md_cell_text(d, link && bcp_link_check(link) == BCP_LINK_PATH ? link : NULL);
    }
}

void bcp_md_runbook_line(bcp_md *d, const bcp_entity *e)
{
    const char *link = bcp_entity_text(e, "runbook");
    bcp_link_kind k = bcp_link_check(link);
    if (k == BCP_LINK_BAD)
        return;
    bcp_md_bold_label(d, "label_runbook");
    if (k == BCP_LINK_WEB) {
        bcp_md_put(d, "<");
        bcp_md_put(d, link);
        bcp_md_put(d, ">");
    } else {
        bcp_md_esc(d, link);
    }
    bcp_md_put(d, "\n\n");
}

static void cell_score(bcp_md *d, int score)
{
    char buf[64];
    if (!score) {
        bcp_md_cell_raw(d, NULL);
        return;
    }
    const bcp_entity *lvl = bcp_scale_level(d->m, BCP_KIND_IMPACT_LEVEL, score);
    bcp_buf b = {0};
    snprintf(buf, sizeof buf, "%d", score);
    bcp_buf_puts(&b, lvl ? bcp_md_label(d, lvl) : buf);
    if (lvl)
        bcp_md_paren(d, buf, &b);
    bcp_md_cell_text(d, b.data);
    bcp_buf_free(&b);
}

static void cell_seconds(bcp_md *d, int64_t s)
{
    bcp_buf t = {0};
    bcp_md_duration_text(d, s, &t);
    bcp_md_cell_text(d, t.data);
    bcp_buf_free(&t);
}

/* ------------------------------------------------------ impact over time */

static void impact_over_time(bcp_md *d, bcp_entity **fns, size_t n)
{
    bcp_md_section(d, 3, "bia_impact_time");
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        size_t nb;
        bcp_impact_band *bands = bcp_function_impact_curve(fns[i], &nb);
        for (size_t k = 0; k < nb; k++) {
            if (!rows++)
                bcp_md_table_header(d, "cols_impact_time");
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, fns[i]);
            cell_seconds(d, bands[k].after);
            for (int j = 0; j < BCP_IMPACT_KIND_COUNT; j++)
                cell_score(d, bands[k].scores[j]);
            bcp_md_row_end(d);
        }
        bcp_free(bands);
    }
    if (!rows) {
        bcp_md_empty_line(d, "empty_impact");
        return;
    }
    bcp_md_table_end(d);
    bcp_md_table_header(d, "cols_impact_check");
    for (size_t i = 0; i < n; i++) {
        bcp_curve_check c;
        bcp_curve_verdict v = bcp_function_curve_check(fns[i], &c);
        size_t nb;
        bcp_impact_band *bands = bcp_function_impact_curve(fns[i], &nb);
        bcp_free(bands);
        if (!nb)
            continue;
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, fns[i]);
        bcp_md_cell_duration(d, fns[i], "mtpd");
        if (c.intolerable)
            cell_seconds(d, c.intolerable_after);
        else
            bcp_md_cell_text(d, bcp_md_text(d, "impact_not_reached"));
        const char *verdict = v == BCP_CURVE_CONSISTENT ? "impact_consistent"
                              : v == BCP_CURVE_EARLY    ? "impact_early"
                              : v == BCP_CURVE_NEVER    ? "impact_never"
                                                        : "impact_no_mtpd";
        bcp_md_cell_text(d, bcp_md_text(d, verdict));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
    if (d->for_html)
        d->doc->impact_at = d->b->len;
}

/* ------------------------------------------------ staffing and workarounds */

static void staffing(bcp_md *d, bcp_entity **fns, size_t n)
{
    bcp_md_section(d, 3, "bia_staffing");
    if (!n) {
        bcp_md_empty_line(d, "empty_functions");
        return;
    }
    bcp_md_table_header(d, "cols_staffing");
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *f = fns[i];
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, f);
        int64_t staff;
        char buf[32];
        if (bcp_entity_integer(f, "min_staff", &staff)) {
            snprintf(buf, sizeof buf, "%lld", (long long)staff);
            bcp_md_cell_raw(d, buf);
        } else {
            bcp_md_cell_raw(d, NULL);
        }
        bcp_md_cell_bool(d, bcp_entity_bool(f, "remote_capable", false));
        bcp_md_cell_text(d, bcp_rattr(d->ctx, f, "manual_workaround"));
        bcp_md_cell_list(d, f, "peak_periods");
        bcp_md_strlist sl = {0};
        bcp_buf parts[16];
        size_t np = 0;
        for (size_t k = 0; k < f->child_count && np < 16; k++) {
            const bcp_entity *c = f->children[k];
            int64_t rto;
            const bcp_entity *site = bcp_entity_ref(c, "site");
            if (c->kind != BCP_KIND_SITE_RTO || !site || !bcp_entity_duration(c, "rto", &rto))
                continue;
            bcp_buf *p = &parts[np++];
            memset(p, 0, sizeof *p);
            bcp_buf_puts(p, bcp_md_label(d, site));
            bcp_buf_puts(p, bcp_md_text(d, "colon"));
            bcp_md_duration_text(d, rto, p);
            bcp_md_strlist_add(&sl, p->data);
        }
        bcp_buf joined = {0};
        bcp_md_strlist_join(d, &sl, &joined);
        bcp_md_cell_text(d, joined.data);
        bcp_buf_free(&joined);
        bcp_md_strlist_free(&sl);
        for (size_t k = 0; k < np; k++)
            bcp_buf_free(&parts[k]);
        cell_link(d, bcp_entity_text(f, "runbook"));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

/* ------------------------------------------------ single points of failure */

static const char *kind_title(bcp_md *d, const bcp_entity *e)
{
    char id[64];
    snprintf(id, sizeof id, "kind_%s", bcp_kind_name(e->kind));
    return bcp_md_text(d, id);
}

static void spofs(bcp_md *d)
{
    bcp_md_section(d, 3, "bia_spof");
    size_t n;
    bcp_spof *s = bcp_single_points_of_failure(d->m, &n);
    if (!n) {
        bcp_md_empty_line(d, "empty_spof");
        bcp_spofs_free(s, n);
        return;
    }
    bcp_md_table_header(d, "cols_spof");
    for (size_t i = 0; i < n; i++) {
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, s[i].entity);
        bcp_md_cell_text(d, kind_title(d, s[i].entity));
        bcp_md_cell_text(d, bcp_md_text(d, s[i].reason == BCP_SPOF_NO_SUBSTITUTE ? "spof_no_substitute"
                                            : s[i].reason == BCP_SPOF_NO_FALLBACK ? "spof_no_fallback"
                                                                                  : "spof_no_alternate"));
        bcp_md_strlist l = {0};
        for (size_t k = 0; k < s[i].function_count; k++)
            bcp_md_strlist_add(&l, bcp_md_label(d, s[i].functions[k]));
        bcp_buf b = {0};
        bcp_md_strlist_join(d, &l, &b);
        bcp_md_cell_text(d, b.data);
        bcp_buf_free(&b);
        bcp_md_strlist_free(&l);
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
    bcp_spofs_free(s, n);
}

void bcp_md_bia_continuity(bcp_md *d)
{
    size_t n;
    bcp_entity **fns = bcp_sorted_functions(d->m, &n);
    impact_over_time(d, fns, n);
    staffing(d, fns, n);
    spofs(d);
    bcp_free(fns);
}

/* ------------------------------------------------ activation and escalation */

static void activation(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_activation");
    size_t n;
    bcp_entity **levels = bcp_activation_levels(d->m, &n);
    if (!n) {
        bcp_md_empty_line(d, "empty_activation");
        bcp_free(levels);
        return;
    }
    bcp_md_table_header(d, "cols_activation");
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *l = levels[i];
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, l->id);
        bcp_md_cell_entity(d, l);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, l, "criteria"));
        if (bcp_entity_value(l, "invoked_by"))
            bcp_md_cell_list(d, l, "invoked_by");
        else
            bcp_md_cell_text(d, bcp_rattr(d->ctx, l, "authority"));
        /* actions are clauses: joined with the stronger separator */
        const bcp_value *acts = bcp_model_localized_value(d->m, l, "actions", d->ctx->lang);
        bcp_buf b = {0};
        for (size_t k = 0; acts && acts->kind == BCP_V_LIST && k < acts->as.list.count; k++) {
            if (acts->as.list.items[k].kind != BCP_V_STRING)
                continue;
            if (b.len)
                bcp_buf_puts(&b, bcp_md_text(d, "list_separator_strong"));
            bcp_buf_puts(&b, acts->as.list.items[k].as.string.text);
        }
        bcp_md_cell_text(d, b.data);
        bcp_buf_free(&b);
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
    bcp_free(levels);
}

/* -------------------------------------- recovery by resource type */

typedef struct strat {
    bcp_md *d;
    bcp_md_strlist parts;
    bcp_buf bufs[8];
    size_t nb;
} strat;

static void strat_add(strat *s, const char *tmpl_id, const char *key, const char *value)
{
    if (s->nb >= 8)
        return;
    bcp_buf *b = &s->bufs[s->nb++];
    memset(b, 0, sizeof *b);
    bcp_rfill(b, bcp_md_text(s->d, tmpl_id), key, value ? value : "");
    bcp_md_strlist_add(&s->parts, b->data);
}

/* Is `e` itself the stand-in of another site or supplier? */
static bool is_stand_in(bcp_md *d, const bcp_entity *e)
{
    const bcp_entity_list *refs = bcp_model_referrers(d->m, e);
    for (size_t i = 0; i < refs->count; i++) {
        const bcp_entity *r = refs->items[i];
        if (r->kind == BCP_KIND_SITE && bcp_entity_ref(r, "alternate") == e)
            return true;
        const bcp_value *alts = r->kind == BCP_KIND_SUPPLIER ? bcp_entity_value(r, "alternates") : NULL;
        for (size_t k = 0; alts && alts->kind == BCP_V_LIST && k < alts->as.list.count; k++)
            if (alts->as.list.items[k].kind == BCP_V_REF && alts->as.list.items[k].as.ref.target == e)
                return true;
    }
    return false;
}

/* A row for `e` with the strategies collected in s; none for a stand-in
 * without strategies of its own (its row would only say "none"). */
static void strat_row(strat *s, const char *type_id, const bcp_entity *e, size_t *rows)
{
    bcp_md *d = s->d;
    if (!s->parts.count && is_stand_in(d, e)) {
        bcp_md_strlist_free(&s->parts);
        for (size_t i = 0; i < s->nb; i++)
            bcp_buf_free(&s->bufs[i]);
        memset(s, 0, sizeof *s);
        s->d = d;
        return;
    }
    if (!(*rows)++)
        bcp_md_table_header(d, "cols_by_resource");
    bcp_md_row_begin(d);
    bcp_md_cell_text(d, bcp_md_text(d, type_id));
    bcp_md_cell_entity(d, e);
    bcp_buf b = {0};
    bcp_md_strlist_join(d, &s->parts, &b);
    bcp_md_cell_text(d, b.len ? b.data : bcp_md_text(d, "strat_none"));
    bcp_buf_free(&b);
    bcp_md_row_end(d);
    bcp_md_strlist_free(&s->parts);
    for (size_t i = 0; i < s->nb; i++)
        bcp_buf_free(&s->bufs[i]);
    memset(s, 0, sizeof *s);
    s->d = d;
}

/* People a function relies on: owners and key people of the functions. */
static bool relied_on(bcp_md *d, const bcp_entity *contact)
{
    const bcp_entity_list *refs = bcp_model_referrers(d->m, contact);
    for (size_t i = 0; i < refs->count; i++) {
        const bcp_entity *f = refs->items[i];
        if (f->kind != BCP_KIND_FUNCTION)
            continue;
        if (bcp_entity_ref(f, "owner") == contact)
            return true;
        const bcp_value *kp = bcp_entity_value(f, "key_people");
        for (size_t k = 0; kp && kp->kind == BCP_V_LIST && k < kp->as.list.count; k++)
            if (kp->as.list.items[k].kind == BCP_V_REF && kp->as.list.items[k].as.ref.target == contact)
                return true;
    }
    return false;
}

static void by_resource(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_by_resource");
    size_t rows = 0;
    strat s = {.d = d};
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_CONTACT);
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *c = l->items[i];
        if (c->from_stdlib || !relied_on(d, c))
            continue;
        const bcp_entity *sub = bcp_entity_ref(c, "substitute");
        if (sub)
            strat_add(&s, "strat_substitute", "name", bcp_md_label(d, sub));
        strat_row(&s, "res_people", c, &rows);
    }
    l = bcp_model_entities(d->m, BCP_KIND_SYSTEM);
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *sys = l->items[i];
        const char *method = bcp_rattr(d->ctx, sys, "dr_method");
        if (method)
            strat_add(&s, "strat_dr", "text", method);
        const bcp_entity *site = bcp_entity_ref(sys, "dr_site");
        if (site)
            strat_add(&s, "strat_dr_site", "name", bcp_md_label(d, site));
        const char *fb = bcp_rattr(d->ctx, sys, "fallback");
        if (fb && s.nb < 8) {
            bcp_buf *b = &s.bufs[s.nb++];
            memset(b, 0, sizeof *b);
            bcp_buf_puts(b, fb);
            bcp_md_strlist_add(&s.parts, b->data);
        }
        strat_row(&s, "res_technology", sys, &rows);
    }
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    for (size_t i = 0; i < sites->count; i++) {
        const bcp_entity *site = sites->items[i];
        const bcp_entity *alt = bcp_entity_ref(site, "alternate");
        if (alt)
            strat_add(&s, "strat_alternate", "name", bcp_md_label(d, alt));
        if (bcp_entity_bool(site, "remote_work", false))
            strat_add(&s, "strat_remote", "", "");
        const char *fb = bcp_rattr(d->ctx, site, "fallback");
        if (fb && s.nb < 8) {
            bcp_buf *b = &s.bufs[s.nb++];
            memset(b, 0, sizeof *b);
            bcp_buf_puts(b, fb);
            bcp_md_strlist_add(&s.parts, b->data);
        }
        strat_row(&s, "res_facility", site, &rows);
    }
    l = bcp_model_entities(d->m, BCP_KIND_SUPPLIER);
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *sup = l->items[i];
        const bcp_value *alts = bcp_entity_value(sup, "alternates");
        for (size_t k = 0; alts && alts->kind == BCP_V_LIST && k < alts->as.list.count; k++)
            if (alts->as.list.items[k].kind == BCP_V_REF && alts->as.list.items[k].as.ref.target)
                strat_add(&s, "strat_alternate", "name", bcp_md_label(d, alts->as.list.items[k].as.ref.target));
        int64_t stock;
        if (bcp_entity_duration(sup, "stock", &stock)) {
            bcp_buf t = {0};
            bcp_md_duration_text(d, stock, &t);
            strat_add(&s, "strat_stock", "time", t.data);
            bcp_buf_free(&t);
        }
        strat_row(&s, "res_suppliers", sup, &rows);
    }
    if (rows)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_strategy");
}

/* -------------------------------------------------- IT disaster recovery */

static void disaster_recovery(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_dr");
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_SYSTEM);
    if (!l->count) {
        bcp_md_empty_line(d, "empty_systems");
        return;
    }
    bcp_md_table_header(d, "cols_dr");
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *sys = l->items[i];
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, sys);
        bcp_md_cell_duration(d, sys, "rto");
        bcp_rpo_check rc;
        bcp_system_rpo_check(d->m, sys, &rc);
        if (rc.rpo_owner && bcp_system_holds_data(sys))
            cell_seconds(d, rc.rpo);
        else
            bcp_md_cell_raw(d, NULL);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, sys, "dr_method"));
        bcp_md_cell_entity(d, bcp_entity_ref(sys, "dr_site"));
        cell_link(d, bcp_entity_text(sys, "runbook"));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

/* ------------------------------------------------ supplier service levels */

static void supplier_sla(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_supplier_sla");
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_SUPPLIER);
    if (!l->count) {
        bcp_md_empty_line(d, "empty_suppliers");
        return;
    }
    bcp_md_table_header(d, "cols_supplier_sla");
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *sup = l->items[i];
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, sup);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, sup, "provides"));
        bcp_md_cell_duration(d, sup, "sla");
        bcp_md_cell_duration(d, sup, "switch_time");
        bcp_md_cell_duration(d, sup, "stock");
        bcp_md_cell_list(d, sup, "alternates");
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

/* ------------------------------------------------------ response checklists */

static void checklists(bcp_md *d)
{
    static const char *const windows[] = {"window_first_hour", "window_first_day", "window_after_first_day"};
    bcp_md_section(d, 3, "rec_checklists");
    size_t n;
    bcp_entity **lists = bcp_response_checklists(d->m, &n);
    if (!n)
        bcp_md_empty_line(d, "empty_checklists");
    int window = -1;
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *c = lists[i];
        int w = bcp_checklist_window(c);
        if (w != window) {
            window = w;
            bcp_md_heading(d, 4, windows[w]);
        }
        bcp_md_put(d, "**");
        const char *role = bcp_rattr(d->ctx, c, "role");
        bcp_md_esc(d, role ? role : bcp_md_label(d, c));
        bcp_md_put(d, "**");
        const bcp_entity *owner = bcp_entity_ref(c, "owner");
        if (owner) {
            bcp_buf p = {0};
            bcp_md_paren(d, bcp_md_label(d, owner), &p);
            bcp_md_esc(d, p.data);
            bcp_buf_free(&p);
        }
        bcp_md_put(d, "\n\n");
        bcp_md_item_list(d, bcp_model_localized_value(d->m, c, "items", d->ctx->lang), true);
    }
    bcp_free(lists);
}

void bcp_md_recovery_continuity(bcp_md *d)
{
    activation(d);
    by_resource(d);
    disaster_recovery(d);
    supplier_sla(d);
    checklists(d);
}
