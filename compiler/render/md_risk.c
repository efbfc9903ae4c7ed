/* Chapter 2, risk assessment: scales and levels, categories, the risk
 * register in level order, the heat map and the review cadence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

/* The display names of the scale steps a score stands for, joined (synonyms
 * that share a display name once). */
static void scale_names(bcp_md *d, bcp_kind kind, int score, bcp_buf *names)
{
    const bcp_entity_list *l = bcp_model_entities(d->m, kind);
    const char *sep = bcp_md_text(d, "list_separator");
    for (size_t i = 0; i < l->count; i++) {
        int64_t s;
        if (!bcp_entity_integer(l->items[i], "score", &s) || s != score)
            continue;
        const char *lb = bcp_md_label(d, l->items[i]);
        if (strstr(names->data ? names->data : "", lb))
            continue; /* synonyms share a display name */
        if (names->len)
            bcp_buf_puts(names, sep);
        bcp_buf_puts(names, lb);
    }
}

static void cell_score(bcp_md *d, const bcp_entity *risk, const char *name, bcp_kind kind)
{
    int score = bcp_entity_score(risk, name);
    if (!score) {
        bcp_md_cell_raw(d, NULL);
        return;
    }
    const bcp_value *v = bcp_entity_value(risk, name);
    const bcp_entity *lvl = v && v->kind == BCP_V_IDENT ? v->as.ident.target : NULL;
    if (!lvl)
        lvl = bcp_scale_level(d->m, kind, score);
    bcp_buf tmp = {0};
    char num[16];
    snprintf(num, sizeof num, "%d", score);
    if (lvl) {
        bcp_buf_puts(&tmp, bcp_md_label(d, lvl));
        bcp_md_paren(d, num, &tmp);
    } else {
        bcp_buf_puts(&tmp, num);
    }
    bcp_md_cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

static void heatmap_grid(bcp_md *d, bcp_entity **risks, size_t n)
{
    /* header: the corner, then impact 1..5 */
    bcp_md_row_begin(d);
    bcp_md_cell_raw(d, bcp_md_text(d, "heatmap_corner"));
    for (int i = 1; i <= 5; i++) {
        bcp_buf names = {0};
        char num[16];
        snprintf(num, sizeof num, "%d", i);
        scale_names(d, BCP_KIND_IMPACT_LEVEL, i, &names);
        bcp_md_paren(d, num, &names);
        bcp_md_cell_text(d, names.data);
        bcp_buf_free(&names);
    }
    bcp_md_row_end(d);
    bcp_md_put(d, "|---|---|---|---|---|---|\n");
    for (int l = 5; l >= 1; l--) {
        bcp_md_row_begin(d);
        bcp_buf names = {0};
        char num[16];
        snprintf(num, sizeof num, "%d", l);
        scale_names(d, BCP_KIND_LIKELIHOOD_LEVEL, l, &names);
        bcp_md_paren(d, num, &names);
        bcp_md_put(d, " **");
        bcp_md_escape_into(d->b, names.data, BCP_MD_CELL);
        bcp_md_put(d, "** |");
        bcp_buf_free(&names);
        for (int i = 1; i <= 5; i++) {
            const bcp_entity *lvl = bcp_risk_level(d->m, l * i);
            bcp_buf cell = {0};
            if (lvl)
                bcp_buf_puts(&cell, bcp_md_label(d, lvl));
            /* the risks by title, in the document's language (never by id);
             * an empty cell names only its level: the grid stays readable */
            bcp_md_strlist titles = {0};
            for (size_t k = 0; k < n; k++)
                if (bcp_entity_score(risks[k], "likelihood") == l && bcp_entity_score(risks[k], "impact") == i)
                    bcp_md_strlist_add(&titles, bcp_md_label(d, risks[k]));
            if (titles.count) {
                if (cell.len)
                    bcp_buf_puts(&cell, bcp_md_text(d, "colon"));
                bcp_md_strlist_join(d, &titles, &cell);
            }
            bcp_md_strlist_free(&titles);
            if (!cell.len)
                bcp_buf_puts(&cell, "·");
            bcp_md_cell_text(d, cell.data);
            bcp_buf_free(&cell);
        }
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

static void risk_method(bcp_md *d)
{
    bcp_md_section(d, 3, "risk_method");
    bcp_md_table_header(d, "cols_scales");
    for (int s = 5; s >= 1; s--) {
        char nbuf[16];
        snprintf(nbuf, sizeof nbuf, "%d", s);
        bcp_buf lik = {0}, imp = {0};
        scale_names(d, BCP_KIND_LIKELIHOOD_LEVEL, s, &lik);
        scale_names(d, BCP_KIND_IMPACT_LEVEL, s, &imp);
        bcp_md_row_begin(d);
        bcp_md_cell_raw(d, nbuf);
        bcp_md_cell_text(d, lik.data);
        bcp_md_cell_text(d, imp.data);
        bcp_md_row_end(d);
        bcp_buf_free(&lik);
        bcp_buf_free(&imp);
    }
    bcp_md_table_end(d);
    bcp_md_table_header(d, "cols_levels");
    const bcp_entity_list *levels = bcp_model_entities(d->m, BCP_KIND_RISK_LEVEL);
    for (size_t i = levels->count; i-- > 0;) {
        const bcp_entity *lv = levels->items[i];
        int64_t lo, hi;
        bcp_risk_level_range(d->m, lv, &lo, &hi);
        char range[32];
        snprintf(range, sizeof range, "%lld–%lld", (long long)lo, (long long)hi);
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, lv);
        bcp_md_cell_raw(d, range);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, lv, "description"));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

static void risk_categories(bcp_md *d, bcp_entity **risks, size_t n)
{
    bcp_md_section(d, 3, "risk_categories");
    bcp_md_table_header(d, "cols_categories");
    const bcp_entity_list *cats = bcp_model_entities(d->m, BCP_KIND_RISK_CATEGORY);
    for (size_t i = 0; i < cats->count; i++) {
        const bcp_entity *c = cats->items[i];
        size_t count = 0;
        for (size_t k = 0; k < n; k++)
            if (bcp_entity_ref(risks[k], "category") == c)
                count++;
        char nbuf[32];
        snprintf(nbuf, sizeof nbuf, "%zu", count);
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, c);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, c, "description"));
        bcp_md_cell_raw(d, nbuf);
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

static void risk_matrix(bcp_md *d, bcp_entity **risks, size_t n)
{
    bcp_md_section(d, 3, "risk_matrix");
    if (n) {
        bcp_md_table_header(d, "cols_risk_matrix");
        for (size_t k = 0; k < n; k++) {
            const bcp_entity *r = risks[k];
            int score = bcp_risk_score(r);
            char sbuf[16] = "";
            if (score)
                snprintf(sbuf, sizeof sbuf, "%d", score);
            const bcp_entity *lvl = bcp_risk_level(d->m, score);
            bcp_md_row_begin(d);
            bcp_md_cell_text(d, r->id);
            bcp_md_cell_entity(d, r);
            bcp_md_cell_entity(d, bcp_entity_ref(r, "category"));
            cell_score(d, r, "likelihood", BCP_KIND_LIKELIHOOD_LEVEL);
            cell_score(d, r, "impact", BCP_KIND_IMPACT_LEVEL);
            bcp_md_cell_raw(d, sbuf);
            if (lvl) {
                bcp_buf b = {0};
                bcp_buf_puts(&b, "**");
                bcp_md_escape_into(&b, bcp_md_label(d, lvl), BCP_MD_CELL);
                bcp_buf_puts(&b, "**");
                bcp_md_cell_raw(d, b.data);
                bcp_buf_free(&b);
            } else {
                bcp_md_cell_raw(d, NULL);
            }
            bcp_md_cell_text(d, bcp_rattr(d->ctx, r, "strategy"));
            bcp_md_cell_entity(d, bcp_entity_ref(r, "owner"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_risks");
    }
}

static void risk_heatmap(bcp_md *d, bcp_entity **risks, size_t n)
{
    bcp_md_section(d, 3, "risk_heatmap");
    if (d->for_html)
        d->doc->heatmap_at = d->b->len;
    else
        heatmap_grid(d, risks, n);
}

static void risk_review(bcp_md *d)
{
    bcp_md_heading(d, 3, "risk_review");
    /* risks may be reviewed more often than the plan (every six months
     * against a yearly plan review): the tightest interval a risk sets is the
     * cadence of the register */
    bcp_buf every = {0};
    bcp_rfmt_interval(d->ctx, bcp_risk_review_cadence(d->m).seconds, &every);
    const char *keys[] = {"every"};
    const char *vals[] = {every.data};
    bcp_md_prose(d, bcp_rt_body(d->ctx, "risk_review"), keys, vals, 1);
    bcp_md_put(d, "\n\n");
    bcp_buf_free(&every);
}

void bcp_md_risk(bcp_md *d)
{
    bcp_md_section(d, 2, "sec_risk");
    risk_method(d);
    size_t n;
    bcp_entity **risks = bcp_sorted_risks(d->m, &n);
    risk_categories(d, risks, n);
    risk_matrix(d, risks, n);
    risk_heatmap(d, risks, n);
    bcp_free(risks);
    risk_review(d);
}
