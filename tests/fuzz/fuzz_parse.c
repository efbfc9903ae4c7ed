/* libFuzzer target "parse": any bytes as a plan file, parsed and loaded
 * into the model through the public API (bcp_workspace_load), then every
 * entity, attribute and value queried and every derived fact computed.
 * Checks: no crash, leak or sanitizer report; diagnostics point into the
 * file and render in every report format; dates the API hands out are
 * well-formed YYYY-MM-DD. */
#include <stdio.h>
#include <string.h>

#include "fuzz_common.h"

static void check_iso(const char *what, const char iso[11])
{
    bool ok = strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-';
    for (int i = 0; ok && i < 10; i++)
        if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9'))
            ok = false;
    if (!ok)
        fuzz_fail("parse", "%s gave the date \"%.11s\"", what, iso);
}

/* Every value of an attribute, lists included, without recursion (a deeply
 * nested list must not overflow the target's own stack). */
static void walk_value(const bcp_value *root)
{
    enum { MAX = 4096 };
    const bcp_value *stack[MAX];
    size_t top = 0;
    stack[top++] = root;
    while (top) {
        const bcp_value *v = stack[--top];
        const char *s, *kind;
        size_t length;
        int64_t n, seconds;
        int32_t months, days;
        bool b;
        char iso[11] = "";
        bcp_location loc = bcp_value_location(v);
        (void)loc;
        switch (bcp_value_get_type(v)) {
        case BCP_VALUE_STRING:
            if (!bcp_value_text(v, &s, &length) || !s)
                fuzz_fail("parse", "a string value without text");
            break;
        case BCP_VALUE_INTEGER: (void)bcp_value_integer(v, &n); break;
        case BCP_VALUE_DURATION: (void)bcp_value_duration(v, &seconds, &months); break;
        case BCP_VALUE_DATE:
            if (bcp_value_date(v, &days, iso))
                check_iso("bcp_value_date", iso);
            break;
        case BCP_VALUE_BOOL: (void)bcp_value_bool(v, &b); break;
        case BCP_VALUE_NAME: (void)bcp_value_name(v, &s); break;
        case BCP_VALUE_REFERENCE: (void)bcp_value_reference(v, &kind, &s); break;
        case BCP_VALUE_LIST:
            for (size_t i = bcp_value_item_count(v); i-- > 0 && top < MAX;)
                stack[top++] = bcp_value_item(v, i);
            break;
        }
        (void)bcp_value_target(v);
    }
}

static void walk_entity(const bcp_plan *plan, const bcp_entity *e)
{
    (void)bcp_entity_title(e);
    (void)bcp_entity_location(e);
    (void)bcp_entity_id_location(e);
    (void)bcp_entity_child_count(e);
    for (size_t i = 0; i < bcp_entity_attribute_count(e); i++) {
        const bcp_attribute *a = bcp_entity_attribute_at(e, i);
        if (!bcp_attribute_name(a))
            fuzz_fail("parse", "an attribute without a name");
        walk_value(bcp_attribute_value(a));
    }
    bcp_reference ref;
    for (size_t i = 0; i < bcp_entity_reference_count(e); i++)
        if (!bcp_entity_reference(e, i, &ref) || !ref.target)
            fuzz_fail("parse", "reference %zu does not resolve", i);
    int32_t days;
    char iso[11] = "";
    if (bcp_plan_next_due(plan, e, &days, iso))
        check_iso("bcp_plan_next_due", iso);
    (void)bcp_plan_days_overdue(plan, e, 20784);
    (void)bcp_plan_is_critical(plan, e);
    (void)bcp_plan_risk_score(plan, e);
    (void)bcp_plan_risk_level(plan, e);
    bcp_rpo_status rpo;
    (void)bcp_plan_rpo_status(plan, e, &rpo);
    (void)bcp_plan_referrer_count(plan, e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bcp_workspace *ws = fuzz_workspace();
    bcp_plan *plan = fuzz_load(ws, FUZZ_DIR "/plan.bcp", data, size);
    bcp_diagnostics *set = bcp_plan_diagnostics(plan);
    fuzz_check_diagnostics(plan, set);
    bcp_diagnostics_free(set);
    for (size_t k = 0; bcp_kind_at(k); k++) {
        const char *kind = bcp_kind_at(k);
        for (size_t i = 0; i < bcp_plan_entity_count(plan, kind); i++)
            walk_entity(plan, bcp_plan_entity(plan, kind, i));
        for (size_t i = 0; i < bcp_plan_sorted_count(plan, kind); i++)
            (void)bcp_plan_sorted(plan, kind, i);
    }
    /* Positions at a few offsets, in every column unit. */
    size_t length = 0;
    const char *text = bcp_plan_file_text(plan, 0, &length);
    for (uint32_t off = 0; text && off <= length; off += 1 + (uint32_t)length / 7)
        for (int unit = 0; unit < 3; unit++) {
            uint32_t line, column, back;
            bcp_text_position(text, length, off, (bcp_column_unit)unit, &line, &column);
            if (bcp_text_offset(text, length, line, column, (bcp_column_unit)unit, &back) != BCP_OK)
                fuzz_fail("parse", "offset %u -> %u:%u does not map back", off, line, column);
            (void)bcp_plan_entity_at(plan, FUZZ_DIR "/plan.bcp", off, NULL);
        }
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return 0;
}
