/* Document control and the computed executive summary, in Markdown: the
 * cover's facts and sign-off block, the "Document control" section
 * (version, classification, owner, approvals, dates, revision history,
 * distribution list), and the key facts that open chapter 1, computed from
 * the plan (docprint_facts.c) rather than a stdlib paragraph. */
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "docprint.h"
#include "md_doc.h"

/* Owned strings to be joined into one cell. */
typedef struct owned_list {
    bcp_buf *items;
    size_t count, cap;
} owned_list;

static bcp_buf *owned_add(owned_list *l)
{
    l->items = bcp_grow(l->items, &l->cap, l->count, sizeof *l->items);
    memset(&l->items[l->count], 0, sizeof *l->items);
    return &l->items[l->count++];
}

/* Items that are each a small phrase ("Production: RTO 24 hours") are
 * always kept apart by the strong separator. */
static void owned_join(bcp_md *d, owned_list *l, bcp_buf *out, bool strong)
{
    if (strong) {
        for (size_t i = 0; i < l->count; i++) {
            if (i)
                bcp_buf_puts(out, bcp_md_text(d, "list_separator_strong"));
            bcp_buf_puts(out, l->items[i].data ? l->items[i].data : "");
        }
        return;
    }
    bcp_md_strlist s = {0};
    for (size_t i = 0; i < l->count; i++)
        bcp_md_strlist_add(&s, l->items[i].data);
    bcp_md_strlist_join(d, &s, out);
    bcp_md_strlist_free(&s);
}

static void owned_free(owned_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        bcp_buf_free(&l->items[i]);
    bcp_free(l->items);
}

/* A template of `text ID` filled with plain values: the cell escapes it whole. */
static void fill(bcp_md *d, bcp_buf *out, const char *id, const char *const *keys, const char *const *vals, size_t n)
{
    bcp_rfill_keys(out, bcp_md_text(d, id), keys, vals, n, NULL);
}

static void label_cell(bcp_md *d, const char *labels_id, size_t i)
{
    bcp_md_cell_raw(d, bcp_rt_item(d->ctx, labels_id, i));
}

static const char *classification(bcp_md *d)
{
    return d->plan ? bcp_md_enum_label(d, "class", d->plan, "classification", "internal") : NULL;
}

/* ------------------------------------------------------------ the cover */

void bcp_md_cover_facts(bcp_md *d)
{
    const char *lbl = "cover_facts";
    char date[11] = "";
    int32_t days;
    if (bcp_docprint_date(d->ctx, &days))
        bcp_format_date(days, date);
    bcp_md_table_header(d, "cols_cover");
    bcp_md_row_begin(d); label_cell(d, lbl, 0); bcp_md_cell_text(d, bcp_md_plan_text(d, "organization")); bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, 1); bcp_md_cell_text(d, d->plan ? bcp_entity_text(d->plan, "version") : NULL); bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, 2); bcp_md_cell_raw(d, date); bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, 3); bcp_md_cell_text(d, classification(d)); bcp_md_row_end(d);
    bcp_md_table_end(d);
}

/* The sign-off block: one row per approval, with room to sign; a blank row
 * to be filled in by hand when nobody has approved the plan yet. */
void bcp_md_signoff(bcp_md *d)
{
    bcp_md_put(d, "**");
    bcp_md_put(d, bcp_md_text(d, "cover_signoff"));
    bcp_md_put(d, "**\n\n");
    bcp_md_table_header(d, "cols_signoff");
    size_t n;
    bcp_signoff *s = bcp_docprint_signoffs(d->ctx, &n);
    for (size_t i = 0; i < n; i++) {
        char date[11] = "";
        if (s[i].has_date)
            bcp_format_date(s[i].date, date);
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, s[i].by ? bcp_md_label(d, s[i].by) : NULL);
        bcp_md_cell_text(d, s[i].role);
        bcp_md_cell_raw(d, date);
        bcp_md_put(d, "  |");   /* the signature: left blank */
        bcp_md_row_end(d);
    }
    if (!n) {
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, bcp_md_text(d, "not_approved"));
        bcp_md_put(d, "  |  |  |");
        bcp_md_row_end(d);
    }
    bcp_free(s);
    bcp_md_table_end(d);
}

/* ---------------------------------------------------- document control */

static void approvals_text(bcp_md *d, bcp_buf *out)
{
    size_t n;
    bcp_signoff *s = bcp_docprint_signoffs(d->ctx, &n);
    owned_list l = {0};
    for (size_t i = 0; i < n; i++) {
        bcp_buf *b = owned_add(&l);
        if (s[i].by)
            bcp_buf_puts(b, bcp_md_label(d, s[i].by));
        if (s[i].has_date) {
            char date[11];
            bcp_format_date(s[i].date, date);
            bcp_buf_printf(b, b->len ? " · %s" : "%s", date);
        }
    }
    owned_join(d, &l, out, false);
    owned_free(&l);
    bcp_free(s);
}

static void control_table(bcp_md *d)
{
    bcp_md_table_header(d, "cols_cover");
    size_t row = 0;
    const char *lbl = "cover_labels";
    char date[11];
    int32_t days;
    bcp_buf tmp = {0};

    row++; /* the organisation is on the cover */
    bcp_md_row_begin(d); label_cell(d, lbl, row++); bcp_md_cell_text(d, d->plan ? bcp_entity_text(d->plan, "version") : NULL); bcp_md_row_end(d);
    bcp_md_row_begin(d); bcp_md_cell_raw(d, bcp_md_text(d, "dc_classification")); bcp_md_cell_text(d, classification(d)); bcp_md_row_end(d);

    const bcp_entity *owner = d->plan ? bcp_entity_ref(d->plan, "owner") : NULL;
    if (owner) {
        bcp_buf_puts(&tmp, bcp_md_label(d, owner));
        const char *role = bcp_rattr(d->ctx, owner, "role");
        if (role)
            bcp_md_paren(d, role, &tmp);
    }
    bcp_md_row_begin(d); label_cell(d, lbl, row++); bcp_md_cell_text(d, tmp.data); bcp_md_row_end(d);
    bcp_buf_free(&tmp);

    approvals_text(d, &tmp);
    bcp_md_row_begin(d); label_cell(d, lbl, row++);
    bcp_md_cell_text(d, tmp.len ? tmp.data : bcp_md_text(d, "not_approved")); bcp_md_row_end(d);
    bcp_buf_free(&tmp);

    bcp_md_row_begin(d); label_cell(d, lbl, row++); bcp_md_cell_date(d, d->plan, "effective"); bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, row++);
    if (d->plan && bcp_entity_date(d->plan, "reviewed", &days)) {
        bcp_format_date(days, date);
        bcp_md_cell_raw(d, date);
    } else {
        bcp_md_cell_text(d, bcp_md_text(d, "not_reviewed"));
    }
    bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, row++);
    if (bcp_plan_next_review(d->plan, &days)) {
        bcp_format_date(days, date);
        bcp_buf_puts(&tmp, date);
    } else {
        bcp_buf_puts(&tmp, bcp_md_text(d, "not_scheduled"));
    }
    if (d->plan) {
        bcp_buf every = {0};
        bcp_rfmt_interval(d->ctx, bcp_plan_review_interval(d->plan).seconds, &every);
        bcp_md_paren(d, every.data, &tmp);
        bcp_buf_free(&every);
    }
    bcp_md_cell_text(d, tmp.data); bcp_md_row_end(d);
    bcp_buf_free(&tmp);
    bcp_md_table_end(d);
}

static void revision_table(bcp_md *d)
{
    bcp_md_heading(d, 3, "dc_revisions");
    bcp_md_table_header(d, "cols_revisions");
    size_t n;
    const bcp_entity **revs = bcp_docprint_revisions(d->ctx, &n);
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *r = revs[i];
        const bcp_entity *author = bcp_entity_ref(r, "author");
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, bcp_entity_text(r, "version"));
        bcp_md_cell_date(d, r, "date");
        bcp_md_cell_text(d, author ? bcp_md_label(d, author) : NULL);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, r, "summary"));
        bcp_md_row_end(d);
    }
    if (!n) {
        /* no history recorded: the one version there is, said as such */
        const bcp_entity *owner = d->plan ? bcp_entity_ref(d->plan, "owner") : NULL;
        char date[11] = "";
        int32_t days;
        if (bcp_docprint_date(d->ctx, &days))
            bcp_format_date(days, date);
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, d->plan ? bcp_entity_text(d->plan, "version") : NULL);
        bcp_md_cell_raw(d, date);
        bcp_md_cell_text(d, owner ? bcp_md_label(d, owner) : NULL);
        bcp_md_cell_text(d, bcp_md_text(d, "rev_current"));
        bcp_md_row_end(d);
    }
    bcp_free(revs);
    bcp_md_table_end(d);
}

static void distribution_table(bcp_md *d)
{
    bcp_md_heading(d, 3, "dc_distribution");
    size_t n;
    bool is_default;
    const bcp_entity **dist = bcp_docprint_distribution(d->ctx, &n, &is_default);
    if (!n) {
        bcp_md_empty_line(d, "empty_distribution");
        bcp_free(dist);
        return;
    }
    if (is_default)
        bcp_md_para(d, bcp_rt_body(d->ctx, "dist_default"));
    bcp_md_table_header(d, "cols_distribution");
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *e = dist[i];
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, bcp_md_label(d, e));
        if (e->kind == BCP_KIND_TEAM && bcp_entity_value(e, "members"))
            bcp_md_cell_list(d, e, "members");
        else if (e->kind == BCP_KIND_TEAM)
            bcp_md_cell_text(d, bcp_entity_ref(e, "lead") ? bcp_md_label(d, bcp_entity_ref(e, "lead")) : NULL);
        else
            bcp_md_cell_text(d, bcp_rattr(d->ctx, e, "role"));
        bcp_md_row_end(d);
    }
    bcp_free(dist);
    bcp_md_table_end(d);
}

void bcp_md_doccontrol(bcp_md *d)
{
    bcp_md_front_section(d, "sec_doccontrol");
    control_table(d);
    revision_table(d);
    distribution_table(d);
}

/* ---------------------------------------------------- executive summary */

static void item_cell(bcp_md *d, const bcp_item_count *c, const char *tmpl_id)
{
    char open[24], overdue[24], total[24], date[11];
    snprintf(open, sizeof open, "%zu", c->open);
    snprintf(overdue, sizeof overdue, "%zu", c->overdue);
    snprintf(total, sizeof total, "%zu", c->total);
    if (!c->total) {
        bcp_md_cell_text(d, bcp_md_text(d, "es_none"));
        return;
    }
    bcp_buf b = {0};
    const char *keys[] = {"open", "overdue", "total"};
    const char *vals[] = {open, overdue, total};
    fill(d, &b, tmpl_id, keys, vals, 3);
    if (c->first_overdue) {
        bcp_format_date(c->first_overdue_due, date);
        const char *k2[] = {"title", "date"};
        const char *v2[] = {bcp_md_label(d, c->first_overdue), date};
        bcp_buf_puts(&b, bcp_md_text(d, "colon"));
        fill(d, &b, "es_overdue_item", k2, v2, 2);
    }
    bcp_md_cell_text(d, b.data);
    bcp_buf_free(&b);
}

static void join_site_names(bcp_md *d, bcp_buf *out)
{
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    bcp_md_strlist l = {0};
    for (size_t i = 0; i < sites->count; i++) {
        const char *city = bcp_rattr(d->ctx, sites->items[i], "city");
        const char *name = city ? city : bcp_md_label(d, sites->items[i]);
        bool seen = false;   /* two sites in one city name it once */
        for (size_t k = 0; k < l.count && !seen; k++)
            seen = name && strcmp(l.items[k], name) == 0;
        if (!seen)
            bcp_md_strlist_add(&l, name);
    }
    bcp_md_strlist_join(d, &l, out);
    bcp_md_strlist_free(&l);
}

void bcp_md_exec_summary(bcp_md *d)
{
    bcp_exec_summary s;
    bcp_exec_summary_compute(d->ctx, &s);
    char today[11];
    bcp_format_date(d->ctx->today, today);
    const char *dk[] = {"date"};
    const char *dv[] = {today};
    bcp_md_prose(d, bcp_rt_body(d->ctx, "es_intro"), dk, dv, 1);
    bcp_md_put(d, "\n\n");

    const char *lbl = "es_labels";
    size_t row = 0;
    bcp_md_table_header(d, "cols_es");

    /* in scope */
    char nf[24], nc[24], ns[24], nsup[24];
    snprintf(nf, sizeof nf, "%zu", s.functions);
    snprintf(nc, sizeof nc, "%zu", s.critical);
    snprintf(ns, sizeof ns, "%zu", s.systems);
    snprintf(nsup, sizeof nsup, "%zu", s.suppliers);
    bcp_buf sites = {0}, b = {0};
    join_site_names(d, &sites);
    const char *sk[] = {"functions", "critical", "systems", "suppliers", "sites"};
    const char *sv[] = {nf, nc, ns, nsup, sites.len ? sites.data : bcp_md_text(d, "sites_unspecified")};
    fill(d, &b, "es_scope", sk, sv, 5);
    bcp_md_row_begin(d); label_cell(d, lbl, row++); bcp_md_cell_text(d, b.data); bcp_md_row_end(d);
    bcp_buf_free(&b);
    bcp_buf_free(&sites);

    /* top risks */
    owned_list l = {0};
    for (size_t i = 0; i < s.risk_count && i < BCP_SUMMARY_TOP; i++) {
        const bcp_entity *r = s.risks[i];
        int score = bcp_risk_score(r);
        const bcp_entity *level = bcp_risk_level(d->m, score);
        char num[16];
        snprintf(num, sizeof num, "%d", score);
        const char *rk[] = {"title", "score", "level"};
        const char *rv[] = {bcp_md_label(d, r), num, level ? bcp_md_label(d, level) : ""};
        fill(d, owned_add(&l), "es_risk", rk, rv, 3);
    }
    owned_join(d, &l, &b, true);
    owned_free(&l);
    memset(&l, 0, sizeof l);
    bcp_md_row_begin(d); label_cell(d, lbl, row++); bcp_md_cell_text(d, b.len ? b.data : bcp_md_text(d, "es_none")); bcp_md_row_end(d);
    bcp_buf_free(&b);

    /* most critical functions and their RTOs */
    for (size_t i = 0; i < s.top_function_count; i++) {
        const bcp_entity *f = s.top_functions[i];
        int64_t rto;
        bcp_buf t = {0};
        if (bcp_entity_duration(f, "rto", &rto))
            bcp_rfmt_duration(d->ctx, rto, &t);
        const char *fk[] = {"title", "rto"};
        const char *fv[] = {bcp_md_label(d, f), t.len ? t.data : bcp_md_text(d, "es_no_rto")};
        fill(d, owned_add(&l), "es_function", fk, fv, 2);
        bcp_buf_free(&t);
    }
    owned_join(d, &l, &b, true);
    owned_free(&l);
    bcp_md_row_begin(d); label_cell(d, lbl, row++); bcp_md_cell_text(d, b.len ? b.data : bcp_md_text(d, "es_none")); bcp_md_row_end(d);
    bcp_buf_free(&b);

    /* open and overdue items */
    bcp_md_row_begin(d); label_cell(d, lbl, row++); item_cell(d, &s.findings, "es_open"); bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, row++); item_cell(d, &s.milestones, "es_open"); bcp_md_row_end(d);
    bcp_md_row_begin(d); label_cell(d, lbl, row++); item_cell(d, &s.exercises, "es_exercises"); bcp_md_row_end(d);

    /* the plan's own review */
    char due[11];
    bcp_format_date(s.review_due, due);
    const char *rk[] = {"date"};
    const char *rv[] = {due};
    if (s.has_review)
        fill(d, &b, s.review_overdue ? "es_review_overdue" : "es_review_due", rk, rv, 1);
    bcp_md_row_begin(d); label_cell(d, lbl, row++);
    bcp_md_cell_text(d, s.has_review ? b.data : bcp_md_text(d, "es_review_none")); bcp_md_row_end(d);
    bcp_buf_free(&b);

    /* accepted deviations */
    char nd[24];
    snprintf(nd, sizeof nd, "%zu", s.deviations);
    const char *vk[] = {"count"};
    const char *vv[] = {nd};
    if (s.deviations)
        fill(d, &b, "es_deviations", vk, vv, 1);
    bcp_md_row_begin(d); label_cell(d, lbl, row++);
    bcp_md_cell_text(d, s.deviations ? b.data : bcp_md_text(d, "es_none")); bcp_md_row_end(d);
    bcp_buf_free(&b);
    bcp_md_table_end(d);
    bcp_exec_summary_free(&s);
}
