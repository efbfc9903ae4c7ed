/* The JSON side of the appendix of time zones and emergency numbers
 * (md_regions.c is the Markdown side): the same facts, from the same
 * derived functions (model/derive.h). */
#include "json_regions.h"

static json_t *text_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *bcp_json_emergency_numbers(bcp_render_ctx *ctx)
{
    static const char *const services[] = {"police", "fire", "ambulance", "emergency"};
    json_t *arr = json_array();
    const bcp_entity_list *sites = bcp_model_entities(ctx->model, BCP_KIND_SITE);
    for (size_t i = 0; i < sites->count; i++) {
        const bcp_entity *site = sites->items[i];
        if (site->from_stdlib)
            continue;
        const bcp_entity *place = bcp_site_place(ctx->model, site);
        json_t *o = json_object();
        json_object_set_new(o, "site", json_string(site->id));
        json_object_set_new(o, "place", place ? json_string(place->id) : json_null());
        json_object_set_new(o, "place_title", place ? json_string(bcp_rlabel(ctx, place)) : json_null());
        json_object_set_new(o, "timezone", text_or_null(bcp_site_timezone(ctx->model, site)));
        bool stated = false;
        const bcp_entity *source_of = NULL;
        for (size_t s = 0; s < sizeof services / sizeof *services; s++) {
            const bcp_entity *from;
            json_object_set_new(o, services[s], text_or_null(bcp_site_emergency_number(ctx->model, site, services[s], &from)));
            if (from == site)
                stated = true;
            else if (from && !source_of)
                source_of = from;
        }
        json_object_set_new(o, "stated_in_plan", json_boolean(stated));
        json_object_set_new(o, "source", text_or_null(source_of ? bcp_entity_text(source_of, "emergency_source") : NULL));
        json_array_append_new(arr, o);
    }
    return arr;
}

json_t *bcp_json_emergency_contacts(bcp_render_ctx *ctx)
{
    json_t *arr = json_array();
    const bcp_entity_list *resources = bcp_model_entities(ctx->model, BCP_KIND_RESOURCE);
    for (size_t i = 0; i < resources->count; i++)
        if (!resources->items[i]->from_stdlib && bcp_is_emergency_contact(resources->items[i]))
            json_array_append_new(arr, json_string(resources->items[i]->id));
    return arr;
}
