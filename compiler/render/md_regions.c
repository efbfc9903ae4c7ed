/* The appendix of time zones and emergency numbers: per site, where it is
 * (its region, or the place its city or country names), its time zone, and
 * the police, fire and ambulance numbers there, from the stdlib's region data
 * with its source unless the site states its own; then the plan's own
 * emergency contacts (utilities, internet provider, insurer, counsel, public
 * services) from its resources.  The section always appears: a plan without
 * sites gets the "not yet defined" line. */
#include <string.h>

#include "md_doc.h"

static const char *const services[] = {"police", "fire", "ambulance", "emergency"};

void bcp_md_regions(bcp_md *d)
{
    bcp_md_appendix(d, "app_emergency");
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    size_t shown = 0;
    for (size_t i = 0; i < sites->count; i++) {
        const bcp_entity *site = sites->items[i];
        if (site->from_stdlib)
            continue;
        if (shown++ == 0)
            bcp_md_table_header(d, "cols_emergency");
        const bcp_entity *place = bcp_site_place(d->m, site);
        bcp_md_row_begin(d);
        bcp_md_cell_entity(d, site);
        bcp_md_cell_text(d, place ? bcp_md_label(d, place) : NULL);
        bcp_md_cell_text(d, bcp_site_timezone(d->m, site));
        bool stated = false;
        const bcp_entity *source_of = NULL;
        for (size_t s = 0; s < sizeof services / sizeof *services; s++) {
            const bcp_entity *from;
            bcp_md_cell_text(d, bcp_site_emergency_number(d->m, site, services[s], &from));
            if (from == site)
                stated = true;
            else if (from && !source_of)
                source_of = from;
        }
        const char *source = source_of ? bcp_entity_text(source_of, "emergency_source") : NULL;
        if (stated && source) {
            bcp_buf cell = {0};
            bcp_rfill(&cell, bcp_md_text(d, "emergency_source_mixed"), "source", source);
            bcp_md_cell_text(d, cell.data);
            bcp_buf_free(&cell);
        } else {
            bcp_md_cell_text(d, stated ? bcp_md_text(d, "emergency_source_plan") : source);
        }
        bcp_md_row_end(d);
    }
    if (shown)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_emergency");

    bcp_md_section(d, 3, "app_emergency_contacts");
    const bcp_entity_list *resources = bcp_model_entities(d->m, BCP_KIND_RESOURCE);
    size_t listed = 0;
    for (size_t i = 0; i < resources->count; i++) {
        const bcp_entity *r = resources->items[i];
        if (r->from_stdlib || !bcp_is_emergency_contact(r))
            continue;
        if (listed++ == 0)
            bcp_md_table_header(d, "cols_emergency_contacts");
        bcp_md_row_begin(d);
        bcp_md_cell_text(d, bcp_md_label(d, bcp_entity_ref(r, "kind")));
        bcp_md_cell_entity(d, r);
        bcp_md_cell_text(d, bcp_rattr(d->ctx, r, "provides"));
        const bcp_entity *contact = bcp_entity_ref(r, "contact");
        const char *phone = bcp_entity_text(r, "phone");
        if (!phone && contact)
            phone = bcp_entity_text(contact, "phone");
        bcp_md_cell_text(d, phone);
        bcp_md_cell_entity(d, bcp_entity_ref(r, "site"));
        bcp_md_row_end(d);
    }
    if (listed)
        bcp_md_table_end(d);
    else
        bcp_md_empty_line(d, "empty_emergency_contacts");
}
