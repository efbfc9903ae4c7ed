/* Regime element queries (compiler/model/regime.c): the vocabulary parses
 * what docs/regimes.md lists and refuses the rest with the place of the
 * fault, and evaluation follows the documented semantics on small models. */
#include "test_support.h"

#include <stdlib.h>

#include "model/regime.h"

static void assert_valid(const char *q)
{
    const char *message = NULL;
    size_t at = 0, len = 0;
    if (!bcp_regime_query_valid(q, strlen(q), &message, &at, &len))
        fail_msg("`%s` refused at %zu: %s", q, at, message);
}

static void assert_invalid(const char *q, const char *word)
{
    const char *message = NULL;
    size_t at = 0, len = 0;
    assert_false(bcp_regime_query_valid(q, strlen(q), &message, &at, &len));
    assert_non_null(message);
    if (word && (strlen(word) != len || strncmp(q + at, word, len) != 0))
        fail_msg("`%s`: fault at `%.*s`, wanted `%s` (%s)", q, (int)len, q + at, word, message);
}

static void test_vocabulary(void **state)
{
    (void)state;
    assert_valid("every function where important has impact_tolerance");
    assert_valid("every system where holds_data has backup");
    assert_valid("every function where important has rto and rpo");
    assert_valid("at least 2 contact where regulator_liaison");
    assert_valid("exists message where audience = customers and channels");
    assert_valid("exists supplier where kind = bank|counterparty|clearing");
    assert_valid("max function.rto where important <= 4h");
    assert_valid("max function.rpo <= 30m");
    assert_valid("plan.review_every <= 1y");
    assert_valid("plan.self_assessment");
    assert_valid("exists exercise where covers refers scenario and last >= 2026-01-01");
    assert_valid("exists function where not critical");
    assert_valid("exists risk where likelihood >= 3");

    assert_invalid("", NULL);
    assert_invalid("every sistem has backup", "sistem");
    assert_invalid("every function has rtoo", "rtoo");
    assert_invalid("every function where important", "important");
    assert_invalid("max function.rto where important <= soon", "soon");
    assert_invalid("exists supplier where kind = banks", "banks");
    assert_invalid("exists exercise where covers refers channel", "channel");
    assert_invalid("at least 0 contact", "0");
    assert_invalid("exists channel", "channel");   /* a catalogue, not a plan entry */
    assert_invalid("plan.review_every <= 1y now", "now");
    assert_invalid("exists function where title < 4h", "<");
    assert_invalid("some function", "some");
}

/* A plan with a regime of its own, evaluated: the statuses and evidence. */
static const char plan_text[] =
    "plan p { title = \"P\" organization = \"P\" regimes = [house] }\n"
    "regime house {\n"
    "  title = \"House\" source = \"internal\"\n"
    "  element e_every { title = \"E\" clause = \"1\" require = [\"every function where important has impact_tolerance\"] }\n"
    "  element e_max { title = \"E\" clause = \"2\" require = [\"max function.rto where important <= 4h\"] }\n"
    "  element e_count { title = \"E\" clause = \"3\" require = [\"at least 2 function\"] }\n"
    "  element e_default { title = \"E\" clause = \"4\" require = [\"plan.review_every <= 1y\", \"exists function where critical\"] }\n"
    "  element e_backup { title = \"E\" clause = \"5\" require = [\"exists backup where offsite\"] }\n"
    "  element e_none { title = \"E\" clause = \"6\" require = [\"every system has backup\"] }\n"
    "  element e_enum { title = \"E\" clause = \"7\" require = [\"exists supplier where kind = vendor\"] }\n"
    "}\n"
    "function a { title = \"A\" important = true rto = 2h impact_tolerance = 1d }\n"
    "function b { title = \"B\" rto = 3d }\n"
    "system s { title = \"S\" backup { every = 1d offsite = true } }\n"
    "supplier v { name = \"V\" }\n";

static void test_evaluation(void **state)
{
    (void)state;
    bcp_model *m = bcp_model_load_text("t.bcp", plan_text, strlen(plan_text), NULL);
    const bcp_diag_list *diags = bcp_model_diagnostics(m);
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].severity == BCP_SEV_ERROR)
            fail_msg("load: %s", diags->items[i].message);
    const bcp_entity *regimes[4];
    assert_int_equal(bcp_regimes_applying(m, NULL, 0, regimes, 4), 1);
    bcp_element_status_list list = {0};
    bcp_regime_evaluate(m, regimes[0], &list);
    assert_int_equal(list.count, 7);
    assert_true(list.items[0].met);            /* every important function has a tolerance */
    assert_int_equal(list.items[0].evidence_count, 1);
    assert_string_equal(list.items[0].evidence[0]->id, "a");
    assert_true(list.items[1].met);            /* max rto of important ones: 2h <= 4h */
    assert_true(list.items[2].met);            /* two functions */
    assert_true(list.items[3].met);            /* review_every defaults to 1y; critical defaults to true */
    assert_true(list.items[4].met);            /* nested backup, shown by its system */
    assert_string_equal(list.items[4].evidence[0]->id, "s");
    assert_true(list.items[5].met);
    assert_true(list.items[6].met);            /* supplier kind defaults to vendor */
    bcp_element_status_list_free(&list);
    bcp_model_free(m);

    /* the same plan, weakened: each element fails on its own */
    const char *weak =
        "plan p { title = \"P\" organization = \"P\" regimes = [house, house] review_every = 2y }\n"
        "regime house {\n"
        "  title = \"House\" source = \"internal\"\n"
        "  element e_every { title = \"E\" clause = \"1\" require = [\"every function where important has impact_tolerance\"] }\n"
        "  element e_max { title = \"E\" clause = \"2\" require = [\"max function.rto where important <= 4h\"] }\n"
        "  element e_review { title = \"E\" clause = \"3\" require = [\"plan.review_every <= 1y\"] }\n"
        "}\n"
        "function a { title = \"A\" important = true rto = 5h }\n";
    m = bcp_model_load_text("t.bcp", weak, strlen(weak), NULL);
    bool duplicate = false;
    diags = bcp_model_diagnostics(m);
    for (size_t i = 0; i < diags->count; i++)
        duplicate |= strstr(diags->items[i].message, "listed twice") != NULL;
    assert_true(duplicate);                    /* E186 */
    assert_int_equal(bcp_regimes_applying(m, NULL, 0, regimes, 4), 1);
    bcp_regime_evaluate(m, regimes[0], &list);
    assert_int_equal(list.count, 3);
    for (size_t i = 0; i < list.count; i++)
        assert_false(list.items[i].met);
    char message[256];
    bcp_regime_unmet_message(&list.items[1], message, sizeof message);
    assert_string_equal(message, "house: element `e_max` (2) is not met: E");
    /* how a deviation naming the regime or the element picks this finding */
    assert_true(bcp_regime_message_is(message, regimes[0], NULL));
    assert_true(bcp_regime_message_is(message, regimes[0], "e_max"));
    assert_false(bcp_regime_message_is(message, regimes[0], "e_ma"));
    assert_false(bcp_regime_message_is(message, regimes[0], "e_every"));
    assert_ptr_equal(bcp_regime_element(regimes[0], "e_review"), list.items[2].element);
    assert_null(bcp_regime_element(regimes[0], "nonesuch"));
    bcp_element_status_list_free(&list);
    /* --regime names one more, the unknown one is skipped */
    const char *extra[] = {"dora", "nonesuch"};
    assert_int_equal(bcp_regimes_applying(m, extra, 2, regimes, 4), 2);
    assert_string_equal(regimes[1]->id, "dora");
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocabulary),
        cmocka_unit_test(test_evaluation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
