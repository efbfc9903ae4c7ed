/* The notification tree and the contact methods in priority order, as JSON
 * (the same facts the document's figure and table show: docfig.c). */
#include "json_docfig.h"

#include <stdio.h>
#include <string.h>

#include "docfig.h"

static json_t *ref_json(const bcp_entity *e)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", bcp_schema_kind(e->kind)->name, e->id ? e->id : "");
    return json_string(buf);
}

json_t *bcp_json_notify_tree(bcp_render_ctx *ctx)
{
    bcp_notify_tree t;
    bcp_notify_tree_build(ctx->model, &t);
    json_t *roots = json_array(), *groups = json_array();
    for (size_t i = 0; i < t.root_count; i++)
        json_array_append_new(roots, ref_json(t.roots[i]));
    for (size_t g = 0; g < BCP_NOTIFY_GROUPS; g++) {
        json_t *members = json_array();
        for (size_t k = 0; k < t.groups[g].count; k++)
            json_array_append_new(members, ref_json(t.groups[g].members[k]));
        json_array_append_new(groups, json_pack("{s:s,s:s,s:o}", "group", t.groups[g].title_id, "title",
                                                bcp_rt_title(ctx, t.groups[g].title_id), "members", members));
    }
    bcp_notify_tree_free(&t);
    return json_pack("{s:o,s:o}", "roots", roots, "groups", groups);
}

json_t *bcp_json_contact_methods(const bcp_entity *contact)
{
    bcp_contact_method ms[32];
    size_t n = bcp_contact_methods(contact, ms, 32);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        if (ms[i].channel) {
            json_array_append_new(arr, json_pack("{s:s,s:s}", "method", "channel", "channel",
                                                 ms[i].channel->id ? ms[i].channel->id : ""));
        } else {
            json_t *v = json_string(ms[i].value);
            json_array_append_new(arr, json_pack("{s:s,s:o}", "method", ms[i].kind_id + strlen("method_"), "value",
                                                 v ? v : json_null()));
        }
    }
    return arr;
}
