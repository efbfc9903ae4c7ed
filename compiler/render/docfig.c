/* The notification tree and contacts' methods in priority order (docfig.h). */
#include "docfig.h"

#include <string.h>

#include "base/alloc.h"

static void add(const bcp_entity ***items, size_t *count, const bcp_entity *e)
{
    *items = bcp_realloc(*items, (*count + 1) * sizeof **items);
    (*items)[(*count)++] = e;
}

static bool is_member_of_root(const bcp_notify_tree *t, const bcp_entity *c)
{
    for (size_t i = 0; i < t->root_count; i++) {
        if (bcp_entity_ref(t->roots[i], "lead") == c)
            return true;
    }
    return false;
}

void bcp_notify_tree_build(const bcp_model *m, bcp_notify_tree *t)
{
    memset(t, 0, sizeof *t);
    static const char *const ids[BCP_NOTIFY_GROUPS] = {"tier_1", "tier_2", "tier_3", "external"};
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++)
        t->groups[g].title_id = ids[g];
    const bcp_entity_list *teams = bcp_model_entities(m, BCP_KIND_TEAM);
    for (size_t i = 0; i < teams->count; i++) {
        int64_t tier = 1;
        bcp_entity_integer(teams->items[i], "tier", &tier);
        if (tier == 1)
            add(&t->roots, &t->root_count, teams->items[i]);
        else if (tier >= 2 && tier <= 3)
            add(&t->groups[tier - 1].members, &t->groups[tier - 1].count, teams->items[i]);
    }
    const bcp_entity_list *contacts = bcp_model_entities(m, BCP_KIND_CONTACT);
    for (size_t i = 0; i < contacts->count; i++) {
        const bcp_entity *c = contacts->items[i];
        int64_t tier = 3;
        bcp_entity_integer(c, "tier", &tier);
        size_t g = bcp_entity_bool(c, "external", false) ? 3 : tier >= 1 && tier <= 3 ? (size_t)tier - 1 : 2;
        /* the lead of the crisis team is the root: it does not notify itself */
        if (g == 0 && is_member_of_root(t, c))
            continue;
        add(&t->groups[g].members, &t->groups[g].count, c);
    }
}

void bcp_notify_tree_free(bcp_notify_tree *t)
{
    bcp_free(t->roots);
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++)
        bcp_free(t->groups[g].members);
    memset(t, 0, sizeof *t);
}

size_t bcp_contact_methods(const bcp_entity *c, bcp_contact_method *out, size_t max)
{
    static const char *const attrs[][2] = {
        {"phone", "method_phone"}, {"alt_phone", "method_alt_phone"},
        {"email", "method_email"}, {"alt_email", "method_alt_email"},
    };
    size_t n = 0;
    for (size_t i = 0; i < sizeof attrs / sizeof *attrs && n < max; i++) {
        const char *v = bcp_entity_text(c, attrs[i][0]);
        if (v && *v)
            out[n++] = (bcp_contact_method){attrs[i][1], v, NULL};
    }
    const bcp_value *ch = bcp_entity_value(c, "channels");
    for (size_t i = 0; ch && ch->kind == BCP_V_LIST && i < ch->as.list.count && n < max; i++) {
        const bcp_value *it = &ch->as.list.items[i];
        if (it->kind == BCP_V_IDENT && it->as.ident.target)
            out[n++] = (bcp_contact_method){NULL, NULL, it->as.ident.target};
    }
    return n;
}
