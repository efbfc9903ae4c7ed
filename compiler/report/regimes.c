/* Regime element status in a diagnostics set (see regimes.h), kept as a
 * JSON array of {id, title, source, elements: [{id, title, clause, status,
 * met_by}]} so that it outlives the model. */
#include "regimes.h"

#include <jansson.h>
#include <string.h>

#include "model/regime.h"
#include "rules/regime_status.h"

enum { MAX_REGIMES = 64 };

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static bool has_regime(json_t *array, const char *id)
{
    size_t i;
    json_t *r;
    json_array_foreach(array, i, r)
        if (strcmp(json_string_value(json_object_get(r, "id")), id) == 0)
            return true;
    return false;
}

void bcp_diagnostics_add_regimes(bcp_diagnostics *set, const bcp_model *model, const char *const *extra,
                                 size_t extra_count, const bcp_lint_deviation_list *accepted)
{
    const bcp_entity *regimes[MAX_REGIMES];
    size_t n = bcp_regimes_applying(model, extra, extra_count, regimes, MAX_REGIMES);
    if (!n)
        return;
    void **slot = bcp_diagnostics_regime_slot(set);
    if (!*slot)
        *slot = json_array();
    json_t *array = *slot;
    for (size_t r = 0; r < n; r++) {
        if (has_regime(array, regimes[r]->id))
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(regimes[r]->id));
        json_object_set_new(o, "title", string_or_null(bcp_entity_text(regimes[r], "title")));
        json_object_set_new(o, "source", string_or_null(bcp_entity_text(regimes[r], "source")));
        json_t *elements = json_array();
        bcp_element_status_list list = {0};
        bcp_regime_evaluate(model, regimes[r], &list);
        for (size_t i = 0; i < list.count; i++) {
            const bcp_element_status *s = &list.items[i];
            json_t *e = json_object();
            json_object_set_new(e, "id", string_or_null(s->element->id));
            json_object_set_new(e, "title", string_or_null(bcp_entity_text(s->element, "title")));
            json_object_set_new(e, "clause", string_or_null(bcp_entity_text(s->element, "clause")));
            json_object_set_new(e, "status", json_string(bcp_regime_verdict_name(bcp_regime_verdict_of(s, accepted))));
            json_t *by = json_array();
            for (size_t k = 0; k < s->evidence_count; k++) {
                const bcp_entity *x = s->evidence[k];
                json_array_append_new(by, json_sprintf("%s.%s", bcp_kind_name(x->kind), x->id ? x->id : "?"));
            }
            json_object_set_new(e, "met_by", by);
            json_array_append_new(elements, e);
        }
        bcp_element_status_list_free(&list);
        json_object_set_new(o, "elements", elements);
        json_array_append_new(array, o);
    }
}

void bcp_regime_set_merge(void **to, void **from)
{
    if (!*from)
        return;
    if (!*to) {
        *to = *from;
    } else {
        size_t i;
        json_t *r;
        json_array_foreach((json_t *)*from, i, r)
            if (!has_regime(*to, json_string_value(json_object_get(r, "id"))))
                json_array_append(*to, r);
        json_decref(*from);
    }
    *from = NULL;
}

void bcp_regime_set_free(void *set)
{
    json_decref(set);
}
