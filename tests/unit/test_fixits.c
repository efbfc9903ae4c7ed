/* Fix-its: the causes with one mechanical fix carry it as a text edit
 * (did-you-mean attribute, kind, id, catalogue entry and enum value; a quoted
 * enum value; `6m` on a long interval, which surely means `6mo`). */
#include "test_support.h"

/* The first `code` diagnostic has exactly one fix-it replacing the text at
 * line:col by `replacement`. */
static void expect_fix(bcp_model *m, const char *code, unsigned line, unsigned col, const char *replacement,
                       const char *file, int at)
{
    const bcp_diag *d = find_diag(m, code);
    if (d && d->fix_count == 1 && d->fixes[0].span.row + 1 == line &&
        bcp_span_column(&d->fixes[0].span) == col && strcmp(d->fixes[0].replacement, replacement) == 0 &&
        d->fixes[0].title && strstr(d->fixes[0].title, replacement))
        return;
    print_message("expected %s with the fix-it %u:%u -> %s; the model said:\n", code, line, col, replacement);
    print_diags(m);
    if (d)
        for (size_t i = 0; i < d->fix_count; i++)
            print_message("  fix %u:%u -> %s (%s)\n", d->fixes[i].span.row + 1,
                          bcp_span_column(&d->fixes[i].span), d->fixes[i].replacement, d->fixes[i].title);
    _fail(file, at);
}
#define assert_fix(m, code, line, col, replacement) \
    expect_fix((m), (code), (line), (col), (replacement), __FILE__, __LINE__)

static void test_misspelt_attribute_kind_and_reference(void **state)
{
    (void)state;
    bcp_model *m = load_text("system erp {\n"
                             "  titel = \"ERP\"\n"
                             "}\n"
                             "functon payroll {\n"
                             "  title = \"Payroll\"\n"
                             "}\n"
                             "function billing {\n"
                             "  title = \"Billing\"\n"
                             "  needs = [system.erpp]\n"
                             "}\n");
    assert_fix(m, "E102", 2, 3, "title");
    assert_fix(m, "E101", 4, 1, "function");
    assert_fix(m, "E106", 9, 12, "system.erp");
    bcp_model_free(m);
}

static void test_enum_and_catalogue_values(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n"
                             "  title = \"P\"\n"
                             "  organization = \"O\"\n"
                             "  industry = technolgy\n"
                             "}\n"
                             "system erp {\n"
                             "  title = \"ERP\"\n"
                             "  backup { every = 1d  kind = ful }\n"
                             "}\n");
    assert_fix(m, "E106", 4, 14, "technology");
    assert_fix(m, "E103", 8, 31, "full");
    bcp_model_free(m);
    m = load_text("system erp {\n"
                  "  title = \"ERP\"\n"
                  "  backup { every = 1d  kind = \"full\" }\n"
                  "}\n");
    assert_fix(m, "E103", 3, 31, "full");
    bcp_model_free(m);
}

static void test_minutes_for_months(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n"
                             "  title = \"P\"\n"
                             "  organization = \"O\"\n"
                             "  review_every = 6m\n"
                             "}\n"
                             "function f {\n"
                             "  title = \"F\"\n"
                             "  rto = 30m\n"          /* minutes are right here */
                             "  review_every = 12min\n" /* spelt out: not E119, but implausible */
                             "}\n");
    assert_diag(m, "E119", 4, 18, "`review_every = 6m` is 6 minutes; months are written `6mo`");
    assert_fix(m, "E119", 4, 18, "6mo");
    assert_int_equal(find_diag(m, "E119")->severity, BCP_SEV_WARNING);
    assert_diag(m, "E120", 9, 18, "`review_every = 12min` of function `f` is shorter than plausible (1w to 5y)");
    assert_int_equal(find_diag(m, "E120")->severity, BCP_SEV_WARNING);
    assert_diag_count(m, 2);
    bcp_model_free(m);
}

/* Every interval measured in days or more gets the `6mo` fix-it, and only
 * that warning (not also E120 for the same slip); a compound value is not a
 * slip for months. */
static void test_minutes_for_months_everywhere(void **state)
{
    (void)state;
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_kind_schema *ks = bcp_schema_kind((bcp_kind)k);
        for (size_t i = 0; i < ks->attr_count; i++) {
            const bcp_attr_schema *a = &ks->attrs[i];
            if (a->type != BCP_T_DURATION)
                continue;
            int64_t lo, hi;
            assert_non_null(a->plausible_min);
            assert_true(bcp_parse_duration(a->plausible_min, strlen(a->plausible_min), &lo));
            assert_true(bcp_parse_duration(a->plausible_max, strlen(a->plausible_max), &hi));
            assert_true(lo <= hi);
            /* A range that starts at a day or more is a long interval. */
            if (lo >= 86400 && !a->long_interval)
                fail_msg("%s.%s: plausibly %s or more, but `6m` there gets no fix-it", ks->name,
                         a->name, a->plausible_min);
        }
    }
    bcp_model *m = load_text("plan p {\n"
                             "  title = \"P\"\n"
                             "  organization = \"O\"\n"
                             "  review_every = 1y\n"
                             "}\n"
                             "system erp {\n"
                             "  title = \"ERP\"\n"
                             "  review_every = 3m\n"
                             "  backup { every = 1d  retention = 6m }\n"
                             "}\n"
                             "exercise drill { title = \"D\"  kind = tabletop  every = 12m }\n"
                             "training t { title = \"T\"  when = periodic  every = 1d6m }\n");
    const struct { unsigned line, col; const char *fix; } want[] = {
        {8, 18, "3mo"}, {9, 36, "6mo"}, {11, 56, "12mo"},
    };
    const bcp_diag_list *diags = bcp_model_diags(m);
    size_t seen = 0;
    for (size_t i = 0; i < diags->count; i++) {
        const bcp_diag *d = &diags->items[i];
        if (!d->code || strcmp(d->code, "E119") != 0)
            continue;
        assert_true(seen < 3);
        assert_int_equal(d->fix_count, 1);
        assert_int_equal(d->fixes[0].span.row + 1, want[seen].line);
        assert_int_equal(bcp_span_column(&d->fixes[0].span), want[seen].col);
        assert_string_equal(d->fixes[0].replacement, want[seen].fix);
        seen++;
    }
    assert_int_equal(seen, 3);
    assert_int_equal(count_code(m, "E120"), 1); /* 1d6m: not minutes for months, but too short */
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_misspelt_attribute_kind_and_reference),
        cmocka_unit_test(test_enum_and_catalogue_values),
        cmocka_unit_test(test_minutes_for_months),
        cmocka_unit_test(test_minutes_for_months_everywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
