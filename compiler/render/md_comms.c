/* Chapter 5, communication: goals, tiers, crisis team, contacts, scenario
 * notification, channels, messages and the notification flow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

static void cell_contact_ref(bcp_md *d, const bcp_value *v)
{
    bcp_md_cell_text(d, v && v->kind == BCP_V_REF && v->as.ref.target ? bcp_md_label(d, v->as.ref.target) : NULL);
}

static void com_goals(bcp_md *d)
{
    bcp_md_section(d, 3, "com_goals");
    bcp_md_prose_list(d, bcp_rt_items(d->ctx, "com_goals"), false);
}

static void com_tiers(bcp_md *d)
{
    bcp_md_section(d, 3, "com_tiers");
    bcp_md_table_header(d, "cols_tiers");
    const bcp_entity_list *contacts = bcp_model_entities(d->m, BCP_KIND_CONTACT);
    const bcp_entity_list *teams = bcp_model_entities(d->m, BCP_KIND_TEAM);
    for (int tier = 1; tier <= 3; tier++) {
        char id[32];
        snprintf(id, sizeof id, "tier_%d", tier);
        bcp_md_strlist l = {0};
        for (size_t i = 0; i < teams->count; i++) {
            int64_t t = 1;
            bcp_entity_integer(teams->items[i], "tier", &t);
            if (t == tier)
                bcp_md_strlist_add(&l, bcp_md_label(d, teams->items[i]));
        }
        for (size_t i = 0; i < contacts->count; i++) {
            int64_t t = 3;
            bcp_entity_integer(contacts->items[i], "tier", &t);
            if (t != tier || tier == 3 || bcp_entity_bool(contacts->items[i], "external", false))
                continue;
            bcp_md_strlist_add(&l, bcp_md_label(d, contacts->items[i]));
        }
        bcp_buf who = {0};
        bcp_md_strlist_join(d, &l, &who);
        bcp_md_strlist_free(&l);
        bcp_md_row_begin(d);
        bcp_md_cell_raw(d, bcp_md_text(d, id));
        bcp_md_cell_raw(d, bcp_rt_body(d->ctx, id));
        bcp_md_cell_text(d, who.len ? who.data : (tier == 3 ? bcp_md_text(d, "all_staff") : NULL));
        bcp_md_row_end(d);
        bcp_buf_free(&who);
    }
    bcp_md_table_end(d);
}

static void com_crisis_team(bcp_md *d)
{
    const bcp_entity_list *teams = bcp_model_entities(d->m, BCP_KIND_TEAM);
    bcp_md_section(d, 3, "com_crisis_team");
    size_t shown = 0;
    for (size_t i = 0; i < teams->count; i++) {
        const bcp_entity *t = teams->items[i];
        int64_t tier = 1;
        bcp_entity_integer(t, "tier", &tier);
        if (tier != 1)
            continue;
        shown++;
        bcp_md_put(d, "#### ");
        bcp_md_escape_into(d->b, bcp_md_label(d, t), BCP_MD_CELL);
        bcp_md_put(d, "\n\n");
        bcp_md_table_header(d, "cols_team");
        const char *roles[] = {"lead", "deputy"};
        for (size_t r = 0; r < 2; r++) {
            const bcp_entity *p = bcp_entity_ref(t, roles[r]);
            if (!p)
                continue;
            char rid[32];
            snprintf(rid, sizeof rid, "role_%s", roles[r]);
            bcp_md_row_begin(d);
            bcp_md_cell_raw(d, bcp_md_text(d, rid));
            bcp_md_cell_entity(d, p);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, p, "role"));
            bcp_md_cell_text(d, bcp_entity_text(p, "phone"));
            bcp_md_cell_entity(d, bcp_entity_ref(p, "substitute"));
            bcp_md_row_end(d);
        }
        const bcp_value *members = bcp_entity_value(t, "members");
        for (size_t k = 0; members && members->kind == BCP_V_LIST && k < members->as.list.count; k++) {
            const bcp_entity *p = members->as.list.items[k].kind == BCP_V_REF ? members->as.list.items[k].as.ref.target : NULL;
            if (!p)
                continue;
            bcp_md_row_begin(d);
            bcp_md_cell_raw(d, bcp_md_text(d, "role_member"));
            bcp_md_cell_entity(d, p);
            bcp_md_cell_text(d, bcp_rattr(d->ctx, p, "role"));
            bcp_md_cell_text(d, bcp_entity_text(p, "phone"));
            bcp_md_cell_entity(d, bcp_entity_ref(p, "substitute"));
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
        const bcp_value *resp = bcp_model_localized_value(d->m, t, "responsibilities", d->ctx->lang);
        if (resp && resp->kind == BCP_V_LIST && resp->as.list.count) {
            bcp_md_bold_label_line(d, "label_responsibilities");
            bcp_md_item_list(d, resp, false);
        }
    }
    if (!shown)
        bcp_md_empty_line(d, "empty_crisis_team");
}

/* One row of the contact list: name, role and organisation, tier (or
 * "external"), phones, e-mail with its alternate, channels, substitute. */
static void contact_row(bcp_md *d, const bcp_entity *c, int tier, bool external)
{
    char tbuf[24];
    snprintf(tbuf, sizeof tbuf, "%d", tier);
    bcp_md_row_begin(d);
    bcp_md_cell_entity(d, c);
    bcp_buf role = {0};
    const char *r = bcp_rattr(d->ctx, c, "role"), *o = bcp_rattr(d->ctx, c, "organization");
    if (r)
        bcp_buf_puts(&role, r);
    if (o)
        bcp_buf_printf(&role, "%s%s", role.len ? bcp_md_text(d, "comma") : "", o);
    bcp_md_cell_text(d, role.data);
    bcp_buf_free(&role);
    bcp_md_cell_raw(d, external ? bcp_md_text(d, "external") : tbuf);
    bcp_md_cell_text(d, bcp_entity_text(c, "phone"));
    bcp_md_cell_text(d, bcp_entity_text(c, "alt_phone"));
    bcp_buf mail = {0};
    const char *e1 = bcp_entity_text(c, "email"), *e2 = bcp_entity_text(c, "alt_email");
    if (e1)
        bcp_buf_puts(&mail, e1);
    if (e2) {
        bcp_buf alt = {0};
        bcp_buf_printf(&alt, "%s%s", bcp_md_text(d, "alternate_prefix"), e2);
        if (mail.len)
            bcp_md_paren(d, alt.data, &mail);
        else
            bcp_buf_puts(&mail, alt.data);
        bcp_buf_free(&alt);
    }
    bcp_md_cell_text(d, mail.data);
    bcp_buf_free(&mail);
    bcp_md_cell_list(d, c, "channels");
    bcp_md_cell_entity(d, bcp_entity_ref(c, "substitute"));
    bcp_md_row_end(d);
}

static void com_contacts(bcp_md *d)
{
    bcp_md_section(d, 3, "com_contacts");
    size_t n;
    bcp_entity **contacts = bcp_contacts_in_directory_order(d->m, &n);
    if (n) {
        bcp_md_table_header(d, "cols_contacts");
        /* internal contacts by tier, then every external one (by tier too),
         * marked as external */
        for (size_t i = 0; i < n; i++) {
            int64_t tier = 3;
            bcp_entity_integer(contacts[i], "tier", &tier);
            contact_row(d, contacts[i], (int)tier, bcp_entity_bool(contacts[i], "external", false));
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_contacts");
    }
    bcp_free(contacts);
}

static void com_scenarios(bcp_md *d)
{
    bcp_md_section(d, 3, "com_scenarios");
    const bcp_entity_list *sc = bcp_model_entities(d->m, BCP_KIND_SCENARIO);
    if (sc->count) {
        bcp_md_table_header(d, "cols_comm_scenarios");
        for (size_t i = 0; i < sc->count; i++) {
            const bcp_entity *s = sc->items[i];
            const bcp_value *notify = bcp_entity_value(s, "notify");
            size_t nn = notify && notify->kind == BCP_V_LIST ? notify->as.list.count : 0;
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, s);
            cell_contact_ref(d, nn > 0 ? &notify->as.list.items[0] : NULL);
            cell_contact_ref(d, nn > 1 ? &notify->as.list.items[1] : NULL);
            bcp_md_cell_list(d, s, "channels");
            int64_t within;
            if (bcp_entity_duration(s, "within", &within)) {
                bcp_buf w = {0};
                bcp_md_duration_text(d, within, &w);
                bcp_buf t = {0};
                bcp_rfill(&t, bcp_md_text(d, "within_phrase"), "time", w.data);
                bcp_md_cell_text(d, t.data);
                bcp_buf_free(&t);
                bcp_buf_free(&w);
            } else {
                bcp_md_cell_raw(d, NULL);
            }
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    } else {
        bcp_md_empty_line(d, "empty_scenarios");
    }
}

static void com_channels(bcp_md *d)
{
    bcp_md_section(d, 3, "com_channels");
    const bcp_entity_list *channels = bcp_model_entities(d->m, BCP_KIND_CHANNEL);
    size_t rows = 0;
    for (size_t i = 0; i < channels->count; i++) {
        bcp_entity *ch = channels->items[i];
        const bcp_entity_list *users = bcp_model_referrers(d->m, ch);
        bcp_md_strlist uses = {0}, people = {0};
        for (size_t k = 0; k < users->count; k++) {
            bcp_kind k2 = users->items[k]->kind;
            if (k2 == BCP_KIND_SCENARIO || k2 == BCP_KIND_MESSAGE)
                bcp_md_strlist_add(&uses, bcp_md_label(d, users->items[k]));
            else if (k2 == BCP_KIND_CONTACT)
                bcp_md_strlist_add(&people, bcp_md_label(d, users->items[k]));
        }
        if (uses.count || people.count) {
            if (!rows++)
                bcp_md_table_header(d, "cols_channels");
            bcp_buf used = {0}, reach = {0};
            bcp_md_strlist_join(d, &uses, &used);
            bcp_md_strlist_join(d, &people, &reach);
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, ch);
            bcp_md_cell_text(d, bcp_md_enum_label(d, "medium", ch, "medium", NULL));
            bcp_md_cell_bool(d, !bcp_entity_bool(ch, "needs_internet", true));
            bcp_md_cell_text(d, used.data);
            bcp_md_cell_text(d, reach.data);
            bcp_md_row_end(d);
            bcp_buf_free(&used);
            bcp_buf_free(&reach);
        }
        bcp_md_strlist_free(&uses);
        bcp_md_strlist_free(&people);
    }
    if (rows)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_channels");
}

/* A message template as a block quote, one quote line per line of text. */
static void quote(bcp_md *d, const char *body)
{
    bcp_md_put(d, "> ");
    for (const char *p = body; *p; p++) {
        const char *nl = strchr(p, '\n');
        char *line = bcp_strndup(p, nl ? (size_t)(nl - p) : strlen(p));
        /* each line starts a line of the quote: "1. " or "- " there
         * would open a list inside it, so line starts are escaped too */
        bcp_md_escape_into(d->b, line, BCP_MD_TEXT);
        bcp_free(line);
        if (!nl)
            break;
        bcp_md_put(d, "\\\n> ");
        p = nl;
    }
    bcp_md_put(d, "\n\n");
}

static void com_messages(bcp_md *d)
{
    const bcp_entity_list *sc = bcp_model_entities(d->m, BCP_KIND_SCENARIO);
    bcp_md_section(d, 3, "com_messages");
    const bcp_entity_list *msgs = bcp_model_entities(d->m, BCP_KIND_MESSAGE);
    size_t templates = 0;
    if (msgs->count) {
        bcp_md_table_header(d, "cols_messages");
        for (size_t i = 0; i < msgs->count; i++) {
            const bcp_entity *mg = msgs->items[i];
            bcp_md_row_begin(d);
            bcp_md_cell_entity(d, mg);
            bcp_md_cell_entity(d, bcp_entity_ref(mg, "sender"));
            bcp_buf rec = {0};
            const char *r = bcp_rattr(d->ctx, mg, "recipients");
            if (r)
                bcp_buf_puts(&rec, r);
            else
                bcp_md_join_labels(d, bcp_entity_value(mg, "audience"), &rec);
            bcp_md_cell_text(d, rec.data);
            bcp_buf_free(&rec);
            bcp_md_cell_list(d, mg, "channels");
            bcp_md_cell_duration(d, mg, "within");
            bcp_md_row_end(d);
        }
        bcp_md_table_end(d);
    }
    for (int pass = 0; pass < 2; pass++) {
        const bcp_entity_list *l = pass ? msgs : sc;
        const char *attr = pass ? "body" : "message";
        for (size_t i = 0; i < l->count; i++) {
            const char *body = bcp_rattr(d->ctx, l->items[i], attr);
            if (!body)
                continue;
            templates++;
            bcp_md_put(d, "#### ");
            bcp_md_escape_into(d->b, bcp_md_label(d, l->items[i]), BCP_MD_CELL);
            bcp_md_put(d, "\n\n");
            quote(d, body);
        }
    }
    if (!msgs->count && !templates)
        bcp_md_empty_line(d, "empty_messages");
}

static void com_flow(bcp_md *d)
{
    bcp_md_section(d, 3, "com_flow");
    const bcp_value *flow = bcp_md_plan_value(d, "notification_flow");
    if (flow && flow->kind == BCP_V_LIST && flow->as.list.count)
        bcp_md_item_list(d, flow, true);
    else
        bcp_md_prose_list(d, bcp_rt_items(d->ctx, "com_flow"), true);
}

void bcp_md_comms(bcp_md *d)
{
    bcp_md_section(d, 2, "sec_comms");
    com_goals(d);
    com_tiers(d);
    com_crisis_team(d);
    com_contacts(d);
    com_scenarios(d);
    com_channels(d);
    com_messages(d);
    com_flow(d);
    bcp_md_notify_tree(d);
    bcp_md_contact_order(d);
}
