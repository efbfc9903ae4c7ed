/* What the docfig sections compute from the model once, for the Markdown,
 * HTML and JSON renderers alike: the notification tree (crisis team -> tiers
 * -> people) and each contact's ways of being reached, in priority order. */
#ifndef BCP_RENDER_DOCFIG_H
#define BCP_RENDER_DOCFIG_H
#include <stddef.h>

#include "render.h"

/* The groups the crisis team notifies: tier 1 (the crisis team's own
 * members), tier 2 (function leads), tier 3 (staff) and external contacts. */
enum { BCP_NOTIFY_GROUPS = 4 };

typedef struct bcp_notify_group {
    const char *title_id;          /* "tier_1" .. "tier_3", "external" */
    const bcp_entity **members;    /* contacts and teams of that tier, in source order */
    size_t count;
} bcp_notify_group;

typedef struct bcp_notify_tree {
    const bcp_entity **roots;      /* the crisis team(s): teams of tier 1 */
    size_t root_count;
    bcp_notify_group groups[BCP_NOTIFY_GROUPS];
} bcp_notify_tree;

void bcp_notify_tree_build(const bcp_model *m, bcp_notify_tree *t);
void bcp_notify_tree_free(bcp_notify_tree *t);

/* A contact's ways of being reached, first to try first: phone, alternate
 * phone, e-mail, alternate e-mail, then its channels as listed. */
typedef struct bcp_contact_method {
    const char *kind_id;           /* text id of the method's name: "method_phone", ...;
                                    * NULL for a channel (then `channel` is set) */
    const char *value;             /* the number or address; NULL for a channel */
    const bcp_entity *channel;
} bcp_contact_method;

/* Up to `max` methods into out; returns how many. */
size_t bcp_contact_methods(const bcp_entity *contact, bcp_contact_method *out, size_t max);

#endif
