/* Chapter 4, recovery: phases, scenarios, backups and their RPO verdict,
 * alternate sites, suppliers and resources. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

/* Which unit of `text unit_singular` / `unit_plural` a word is; -1 if none. */
static int unit_index(bcp_md *d, const char *word)
{
    for (size_t i = 0; i < 6; i++) {
        if (strcmp(word, bcp_rt_item(d->ctx, "unit_singular", i)) == 0 ||
            strcmp(word, bcp_rt_item(d->ctx, "unit_plural", i)) == 0)
            return (int)i;
    }
    return -1;
}

/* The number of "1 hour" when "24 hours" is in the same unit, so that a range
 * reads "1–24 hours"; NULL when the units differ. */
static char *shared_unit_number(bcp_md *d, const char *a, const char *b)
{
    const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
    if (!sa || !sb)
        return NULL;
    int ua = unit_index(d, sa + 1);
    if (ua < 0 || ua != unit_index(d, sb + 1))
        return NULL;
    return bcp_strndup(a, (size_t)(sa - a));
}

static void window_text(bcp_md *d, int64_t starts, bool has_end, int64_t ends, bcp_buf *out)
{
    bcp_buf a = {0}, b = {0};
    bcp_md_duration_text(d, starts, &a);
    if (has_end)
        bcp_md_duration_text(d, ends, &b);
    const char *tmpl = bcp_md_text(d, has_end ? "window" : "window_open");
    char *start_number = has_end ? shared_unit_number(d, a.data ? a.data : "", b.data ? b.data : "") : NULL;
    if (start_number || (has_end && starts == 0)) {
        /* "0–48 hours", "48–72 hours" */
        tmpl = bcp_md_text(d, "window_same_unit");
        if (start_number) {
            bcp_buf_free(&a);
            bcp_buf_puts(&a, start_number);
            bcp_free(start_number);
        }
    }
    const char *keys[] = {"start", "end"};
    const char *values[] = {a.data, b.data};
    bcp_rfill_keys(out, tmpl, keys, values, 2, NULL);
    bcp_buf_free(&a);
    bcp_buf_free(&b);
}

static void phases(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_phases");
    size_t n;
    bcp_entity **ph = bcp_sorted_phases(d->m, &n);
    if (n) {
        for (size_t i = 0; i < n; i++) {
            const bcp_entity *p = ph[i];
            int64_t starts = 0, ends = 0;
            bcp_entity_duration(p, "starts", &starts);
            bool has_end = bcp_entity_duration(p, "ends", &ends);
            /* the phase's own title often carries its number and span
             * ("阶段三：长期恢复（1 周及以上）"), so the heading is the title
             * alone and the computed window goes on its own line */
            bcp_md_put(d, "#### ");
            bcp_md_escape_into(d->b, bcp_md_label(d, p), BCP_MD_CELL);
            bcp_md_put(d, "\n\n");
            bcp_buf w = {0};
            window_text(d, starts, has_end, ends, &w);
            bcp_md_bold_label(d, "label_window");
            bcp_md_escape_into(d->b, w.data, BCP_MD_CELL);
            bcp_buf_free(&w);
            const bcp_entity *owner = bcp_entity_ref(p, "owner");
            if (owner) {
                bcp_md_put(d, "  \n");
                bcp_md_bold_label(d, "label_owner");
                bcp_md_esc(d, bcp_md_label(d, owner));
            }
            bcp_md_put(d, "\n\n");
            const bcp_value *acts = bcp_model_localized_value(d->m, p, "actions", d->ctx->lang);
            if (acts && acts->kind == BCP_V_LIST && acts->as.list.count)
                bcp_md_item_list(d, acts, false);
            else
                bcp_md_empty_line(d, "empty_phase_actions");
        }
    } else {
        bcp_md_para(d, bcp_rt_body(d->ctx, "default_phases_note"));
        static const char *const defaults[] = {"phase_response", "phase_short_term", "phase_long_term"};
        for (size_t i = 0; i < 3; i++) {
            bcp_md_put(d, "#### ");
            bcp_md_put(d, bcp_md_text(d, defaults[i]));
            bcp_md_put(d, "\n\n");
            /* the heading names the phase, the window is computed: the two cannot disagree */
            int64_t starts, ends;
            bool has_end;
            bcp_default_phase_window(d->m, i, &starts, &ends, &has_end);
            bcp_buf w = {0};
            window_text(d, starts, has_end, ends, &w);
            bcp_md_bold_label(d, "label_window");
            bcp_md_escape_into(d->b, w.data, BCP_MD_CELL);
            bcp_md_put(d, "\n\n");
            bcp_buf_free(&w);
            bcp_md_para(d, bcp_rt_body(d->ctx, defaults[i]));
            bcp_md_prose_list(d, bcp_rt_items(d->ctx, defaults[i]), false);
        }
    }
    bcp_free(ph);
    if (d->for_html)
        d->doc->timeline_at = d->b->len;
}

static void scenarios(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_scenarios");
    const bcp_entity_list *sc = bcp_model_entities(d->m, BCP_KIND_SCENARIO);
    if (!sc->count) {
        bcp_md_empty_line(d, "empty_scenarios");
        return;
    }
    for (size_t i = 0; i < sc->count; i++) {
        const bcp_entity *s = sc->items[i];
        bcp_md_put(d, "#### ");
        bcp_md_escape_into(d->b, bcp_md_label(d, s), BCP_MD_CELL);
        bcp_md_put(d, "\n\n");
        bcp_buf tmp = {0};
        size_t before = d->b->len;
        bcp_md_join_labels(d, bcp_entity_value(s, "risks"), &tmp);
        if (tmp.len) {
            bcp_md_bold_label(d, "label_risks");
            bcp_md_esc(d, tmp.data);
            bcp_md_put(d, "  \n");
        }
        bcp_buf_free(&tmp);
        bcp_md_join_labels(d, bcp_entity_value(s, "functions"), &tmp);
        if (tmp.len) {
            bcp_md_bold_label(d, "label_functions");
            bcp_md_esc(d, tmp.data);
            bcp_md_put(d, "\n");
        }
        bcp_buf_free(&tmp);
        if (d->b->len > before)
            bcp_md_put(d, "\n");
        const char *strategy = bcp_rattr(d->ctx, s, "strategy");
        bcp_md_bold_label(d, "label_strategy");
        if (strategy)
            bcp_md_esc(d, strategy);
        else
            bcp_md_put(d, bcp_rt_body(d->ctx, "empty_strategy"));
        bcp_md_put(d, "\n\n");
        const bcp_value *steps = bcp_model_localized_value(d->m, s, "steps", d->ctx->lang);
        bcp_md_bold_label_line(d, "label_steps");
        if (steps && steps->kind == BCP_V_LIST && steps->as.list.count)
            bcp_md_item_list(d, steps, true);
        else
            bcp_md_empty_line(d, "empty_steps");
        bcp_md_runbook_line(d, s);
    }
}

static void cell_blank(bcp_md *d) { bcp_md_put(d, "  |"); }

/* One row per backup, but one verdict per system, given on its first row:
 * the most frequent backup bounds the data loss (as lint rule D102 judges). */
static void backups(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_backup");
    const bcp_entity_list *systems = bcp_model_entities(d->m, BCP_KIND_SYSTEM);
    if (!systems->count) {
        bcp_md_empty_line(d, "empty_systems");
        return;
    }
    bcp_md_table_header(d, "cols_backup");
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *sys = systems->items[i];
        bcp_rpo_check check;
        bcp_rpo_verdict verdict = bcp_system_rpo_check(d->m, sys, &check);
        int64_t rpo = check.rpo;
        const char *verdict_text = bcp_md_text(d, verdict == BCP_RPO_MET       ? "rpo_met"
                                        : verdict == BCP_RPO_NOT_MET ? "rpo_not_met"
                                                                     : "rpo_unknown");
        bcp_buf rpo_text = {0};
        if (verdict != BCP_RPO_UNKNOWN)
            bcp_md_duration_text(d, rpo, &rpo_text);
        size_t backups_seen = 0;
        for (size_t k = 0; k < sys->child_count; k++) {
            const bcp_entity *bk = sys->children[k];
            if (bk->kind != BCP_KIND_BACKUP)
                continue;
            bool first = backups_seen++ == 0;
            bcp_md_row_begin(d);
            if (first)
                bcp_md_cell_entity(d, sys);
            else
                cell_blank(d);
            bcp_md_cell_duration(d, bk, "every");
            bcp_buf method = {0};
            bcp_buf_puts(&method, bcp_md_enum_label(d, "backup_kind", bk, "kind", "full"));
            int64_t kept;
            if (bcp_entity_duration(bk, "retention", &kept)) {
                bcp_buf t = {0}, phrase = {0};
                bcp_md_duration_text(d, kept, &t);
                bcp_rfill(&phrase, bcp_md_text(d, "retention_phrase"), "time", t.data);
                bcp_md_paren(d, phrase.data, &method);
                bcp_buf_free(&t);
                bcp_buf_free(&phrase);
            }
            bcp_md_cell_text(d, method.data);
            bcp_buf_free(&method);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, bk, "where"));
            bcp_md_cell_bool(d, bcp_entity_bool(bk, "offsite", false));
            bcp_md_cell_bool(d, bcp_entity_bool(bk, "immutable", false));
            int32_t tested;
            if (bcp_entity_date(bk, "tested", &tested)) {
                char date[11];
                bcp_format_date(tested, date);
                bcp_md_cell_raw(d, date);
            } else {
                bcp_md_cell_text(d, bcp_md_text(d, "never_tested"));
            }
            if (first) {
                bcp_md_cell_text(d, rpo_text.data);
                if (verdict != BCP_RPO_NOT_MET || !bcp_md_cell_deviation(d, sys, "D102"))
                    bcp_md_cell_text(d, verdict_text);
            } else {
                cell_blank(d);
                cell_blank(d);
            }
            bcp_md_row_end(d);
        }
        if (!backups_seen) {
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, sys);
            bcp_md_cell_text(d, bcp_md_text(d, "no_backup"));
            for (int c = 0; c < 5; c++)
                bcp_md_cell_raw(d, NULL);
            bcp_md_cell_text(d, rpo_text.data);
            if (verdict != BCP_RPO_NOT_MET || !bcp_md_cell_deviation(d, sys, "D102"))
                bcp_md_cell_text(d, verdict_text);
            bcp_md_row_end(d);
        }
        bcp_buf_free(&rpo_text);
    }
    bcp_md_table_end(d);
}

static void contact_line(bcp_md *d, const bcp_entity *contact, const char *person, const char *phone,
                         const char *email, bcp_buf *out)
{
    const char *sep = " · ";
    if (contact) {
        bcp_buf_puts(out, bcp_md_label(d, contact));
        if (!phone)
            phone = bcp_entity_text(contact, "phone");
    } else if (person) {
        bcp_buf_puts(out, person);
    }
    if (phone) {
        if (out->len)
            bcp_buf_puts(out, sep);
        bcp_buf_puts(out, phone);
    }
    if (email) {
        if (out->len)
            bcp_buf_puts(out, sep);
        bcp_buf_puts(out, email);
    }
}

static void alternate_sites(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_sites");
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    if (!sites->count) {
        bcp_md_empty_line(d, "empty_sites");
        return;
    }
    bcp_md_table_header(d, "cols_alt_sites");
    for (size_t i = 0; i < sites->count; i++) {
        const bcp_entity *s = sites->items[i];
        const bcp_entity *alt = bcp_entity_ref(s, "alternate");
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, s);
        if (alt || !bcp_md_cell_deviation(d, s, "B109"))
            bcp_md_cell_text(d, alt ? bcp_md_label(d, alt) : bcp_md_text(d, "no_alternate"));
        bcp_md_cell_bool(d, bcp_entity_bool(s, "remote_work", false));
        bcp_md_cell_text(d, bcp_rattr(d->ctx, s, "description"));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

static void suppliers(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_suppliers");
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_SUPPLIER);
    if (!l->count) {
        bcp_md_empty_line(d, "empty_suppliers");
        return;
    }
    bcp_md_table_header(d, "cols_suppliers");
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *s = l->items[i];
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, s);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, s, "provides"));
        bcp_md_cell_bool(d, bcp_is_critical(s));
        if (bcp_entity_value(s, "alternates"))
            bcp_md_cell_list(d, s, "alternates");
        else if (!bcp_md_cell_deviation(d, s, "B108"))
            bcp_md_cell_text(d, bcp_md_text(d, "no_alternate"));
        bcp_md_cell_duration(d, s, "stock");
        bcp_md_cell_duration(d, s, "sla");
        bcp_md_cell_text(d, bcp_rattr(d->ctx, s, "contract"));
        bcp_buf c = {0};
        contact_line(d, bcp_entity_ref(s, "contact"), NULL, bcp_entity_text(s, "phone"),
                     bcp_entity_text(s, "email"), &c);
        bcp_md_cell_text(d, c.data);
        bcp_buf_free(&c);
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

static void resources(bcp_md *d)
{
    bcp_md_section(d, 3, "rec_resources");
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_RESOURCE);
    if (!l->count) {
        bcp_md_empty_line(d, "empty_resources");
        return;
    }
    bcp_md_table_header(d, "cols_resources");
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *r = l->items[i];
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, r);
        bcp_md_cell_entity(d, bcp_entity_ref(r, "kind"));
        bcp_md_cell_text(d, bcp_rattr(d->ctx, r, "provides"));
        bcp_buf c = {0};
        contact_line(d, bcp_entity_ref(r, "contact"), bcp_rattr(d->ctx, r, "person"),
                     bcp_entity_text(r, "phone"), bcp_entity_text(r, "email"), &c);
        bcp_md_cell_text(d, c.data);
        bcp_buf_free(&c);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, r, "city"));
        bcp_md_cell_duration(d, r, "lead_time");
        bcp_md_cell_text(d, bcp_rattr(d->ctx, r, "contract"));
        bcp_md_row_end(d);
    }
    bcp_md_table_end(d);
}

void bcp_md_recovery(bcp_md *d)
{
    bcp_md_section(d, 2, "sec_recovery");
    phases(d);
    scenarios(d);
    backups(d);
    alternate_sites(d);
    suppliers(d);
    resources(d);
}
