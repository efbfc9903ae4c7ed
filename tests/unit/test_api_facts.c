/* The public API's derived facts (bcp.h, "derived facts"): the calendar,
 * risk scores and levels, criticality, next-due dates and days overdue, RPO
 * verdicts and sort orders, each checked against what compiler/model/
 * derive.c returns for the same model, against hand-worked expectations on
 * a small generated plan, and against what the Markdown document says about
 * examples/huadong. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "bcp.h"
#include "api/api_internal.h"
#include "model/derive.h"

static int32_t day_of(const char *iso)
{
    int32_t days;
    assert_true(bcp_parse_date(iso, strlen(iso), &days));
    return days;
}

static void test_calendar(void **state)
{
    (void)state;
    char iso[11];
    /* Calendar months clamp to the end of a shorter month. */
    assert_int_equal(bcp_calendar_add(day_of("2026-08-31"), 0, 6, iso), day_of("2027-02-28"));
    assert_string_equal(iso, "2027-02-28");
    assert_int_equal(bcp_calendar_add(day_of("2024-02-29"), 0, 12, iso), day_of("2025-02-28"));
    assert_string_equal(iso, "2025-02-28");
    /* Other units add whole days, rounded up. */
    assert_int_equal(bcp_calendar_add(day_of("2026-08-31"), 2 * 86400, 0, NULL), day_of("2026-09-02"));
    assert_int_equal(bcp_calendar_add(day_of("2026-12-31"), 3600, 0, iso), day_of("2027-01-01"));
    assert_string_equal(iso, "2027-01-01");
}

static const char generated[] =
    "plan p { title = \"P\" organization = \"O\" reviewed = 2026-08-31 review_every = 6mo }\n"
    "function orders { rto = 24h rpo = 4h needs = [system.erp, system.crm] priority = 2 }\n"
    "function pay { rto = 4h priority = 1 critical = false }\n"
    "system erp { backup { every = 1d } backup { every = 4h } }\n"
    "system crm { rpo = 1h backup { every = 4h } }\n"
    "system mail { }\n"
    "risk theft { likelihood = 2 impact = 5 }\n"
    "risk flood { likelihood = high impact = severe }\n"
    "risk fire { likelihood = medium impact = high }\n"
    "exercise drill { last = 2026-01-31 every = 1mo }\n"
    "exercise table { next = 2026-05-01 }\n"
    "exercise never { }\n";

/* The API's orders are derive.c's, entity for entity. */
static void assert_same_order(const bcp_plan *plan, const char *kind, bcp_entity **derived, size_t count)
{
    assert_int_equal(bcp_plan_sorted_count(plan, kind), count);
    assert_int_equal(bcp_plan_entity_count(plan, kind), count);
    for (size_t i = 0; i < count; i++)
        assert_ptr_equal(bcp_plan_sorted(plan, kind, i), derived[i]);
    assert_null(bcp_plan_sorted(plan, kind, count));
    bcp_free(derived);
}

static void test_generated_plan(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    const char *path = "/tmp/bcp-api-facts-generated/plan.bcp";
    assert_int_equal(bcp_document_open(ws, path, generated, strlen(generated)), BCP_OK);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    const bcp_model *m = bcp_plan_model(plan);

    /* Next review: 2026-08-31 + 6mo, on the calendar. */
    int32_t due = 0;
    char iso[11] = "";
    assert_true(bcp_plan_next_due(plan, bcp_plan_root(plan), &due, iso));
    assert_string_equal(iso, "2027-02-28");
    int32_t derived;
    assert_true(bcp_plan_next_review(bcp_model_plan(m), &derived));
    assert_int_equal(due, derived);
    /* Exercises: last + every, else the written `next`; none without dates. */
    const bcp_entity *drill = bcp_plan_find(plan, "exercise", "drill");
    assert_true(bcp_plan_next_due(plan, drill, &due, iso));
    assert_string_equal(iso, "2026-02-28");
    assert_true(bcp_plan_next_due(plan, bcp_plan_find(plan, "exercise", "table"), NULL, iso));
    assert_string_equal(iso, "2026-05-01");
    due = -1;
    assert_false(bcp_plan_next_due(plan, bcp_plan_find(plan, "exercise", "never"), &due, NULL));
    assert_int_equal(due, -1);
    assert_false(bcp_plan_next_due(plan, bcp_plan_find(plan, "function", "pay"), &due, NULL));
    /* Due on D, overdue from D + 1. */
    assert_int_equal(bcp_plan_days_overdue(plan, drill, day_of("2026-02-28")), 0);
    assert_int_equal(bcp_plan_days_overdue(plan, drill, day_of("2026-03-01")), 1);
    assert_int_equal(bcp_plan_days_overdue(plan, drill, day_of("2026-03-10")), 10);
    assert_int_equal(bcp_plan_days_overdue(plan, bcp_plan_find(plan, "exercise", "never"), day_of("2030-01-01")), 0);

    /* Criticality. */
    assert_true(bcp_plan_is_critical(plan, bcp_plan_find(plan, "function", "orders")));
    assert_false(bcp_plan_is_critical(plan, bcp_plan_find(plan, "function", "pay")));

    /* Risks: scores, levels and the band a level covers. */
    const bcp_entity *flood = bcp_plan_find(plan, "risk", "flood");
    assert_int_equal(bcp_plan_risk_score(plan, flood), bcp_risk_score(flood));
    assert_int_equal(bcp_plan_risk_score(plan, bcp_plan_find(plan, "risk", "theft")), 10);
    assert_int_equal(bcp_plan_risk_score(plan, bcp_plan_root(plan)), 0);
    const bcp_entity *level = bcp_plan_risk_level(plan, flood);
    assert_non_null(level);
    assert_ptr_equal(level, bcp_risk_level(m, bcp_risk_score(flood)));
    assert_string_equal(bcp_entity_kind_name(level), "risk_level");
    int64_t low, high, dlow, dhigh;
    assert_true(bcp_plan_risk_level_range(plan, level, &low, &high));
    bcp_risk_level_range(m, level, &dlow, &dhigh);
    assert_int_equal(low, dlow);
    assert_int_equal(high, dhigh);
    assert_true(low <= bcp_plan_risk_score(plan, flood) && bcp_plan_risk_score(plan, flood) <= high);
    assert_false(bcp_plan_risk_level_range(plan, flood, &low, &high));
    assert_null(bcp_plan_risk_level(plan, bcp_plan_root(plan)));

    /* RPO verdicts: erp meets the function's 4h with its 4h backup; crm's own
     * 1h is tighter than its 4h backup; mail has no RPO. */
    bcp_rpo_status st;
    assert_int_equal(bcp_plan_rpo_status(plan, bcp_plan_find(plan, "system", "erp"), &st), BCP_BACKUP_MEETS_RPO);
    assert_int_equal(st.verdict, BCP_BACKUP_MEETS_RPO);
    assert_int_equal(st.rpo_seconds, 4 * 3600);
    assert_ptr_equal(st.rpo_owner, bcp_plan_find(plan, "function", "orders"));
    assert_int_equal(st.backup_every_seconds, 4 * 3600);
    assert_ptr_equal(bcp_entity_parent(st.backup), bcp_plan_find(plan, "system", "erp"));
    assert_int_equal(bcp_plan_rpo_status(plan, bcp_plan_find(plan, "system", "crm"), &st), BCP_BACKUP_MISSES_RPO);
    assert_int_equal(st.rpo_seconds, 3600);
    assert_ptr_equal(st.rpo_owner, bcp_plan_find(plan, "system", "crm"));
    assert_int_equal(bcp_plan_rpo_status(plan, bcp_plan_find(plan, "system", "mail"), NULL), BCP_BACKUP_UNKNOWN);
    assert_int_equal(bcp_plan_rpo_status(plan, flood, &st), BCP_BACKUP_UNKNOWN);
    assert_null(st.rpo_owner);

    /* Orders: risks by score, functions by priority. */
    assert_string_equal(bcp_entity_id(bcp_plan_sorted(plan, "risk", 0)), "flood");
    assert_string_equal(bcp_entity_id(bcp_plan_sorted(plan, "function", 0)), "pay");
    size_t n;
    bcp_entity **order = bcp_sorted_risks(m, &n);
    assert_same_order(plan, "risk", order, n);
    order = bcp_sorted_functions(m, &n);
    assert_same_order(plan, "function", order, n);
    /* A kind without an order of its own keeps source order. */
    assert_int_equal(bcp_plan_sorted_count(plan, "system"), 3);
    assert_ptr_equal(bcp_plan_sorted(plan, "system", 2), bcp_plan_entity(plan, "system", 2));
    assert_int_equal(bcp_plan_sorted_count(plan, "no-such-kind"), 0);

    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

/* The risk register's row for `id` ("| typhoon\\_flood | ..."), or NULL. */
static const char *register_row(const char *md, const char *id)
{
    char needle[128];
    size_t j = 0;
    needle[j++] = '\n';
    needle[j++] = '|';
    needle[j++] = ' ';
    for (const char *p = id; *p && j < sizeof needle - 4; p++) {
        if (*p == '_')
            needle[j++] = '\\';
        needle[j++] = *p;
    }
    needle[j++] = ' ';
    needle[j++] = '|';
    needle[j] = '\0';
    const char *row = strstr(md, needle);
    return row ? row + 1 : NULL;
}

/* A plan loaded in its own language renders in the other one through the
 * API as `bcp build --lang en` does (the stdlib's English prose is loaded
 * again for it), with no text left out. */
static void test_huadong_renders_in_english(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, "examples/huadong/plan.bcp", &plan), BCP_OK);
    char *md = NULL;
    size_t length = 0;
    bcp_diagnostics *problems = NULL;
    assert_int_equal(bcp_plan_render(ws, plan, BCP_DOC_MARKDOWN, "en", &md, &length, &problems), BCP_OK);
    assert_non_null(md);
    assert_true(length > 1000);
    assert_non_null(strstr(md, "2027-10-28"));
    bcp_diagnostics_free(problems);
    bcp_free(md);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_huadong_agrees_with_document(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, "examples/huadong/plan.bcp", &plan), BCP_OK);
    const bcp_model *m = bcp_plan_model(plan);
    char *md;
    size_t length;
    bcp_diagnostics *problems = NULL;
    assert_int_equal(bcp_plan_render(ws, plan, BCP_DOC_MARKDOWN, NULL, &md, &length, &problems), BCP_OK);
    bcp_diagnostics_free(problems);

    /* The next review the API gives is the one the document states. */
    char iso[11];
    int32_t due;
    assert_true(bcp_plan_next_due(plan, bcp_plan_root(plan), &due, iso));
    assert_string_equal(iso, "2027-10-28");
    assert_non_null(strstr(md, iso));
    /* So is each exercise's next run. */
    size_t scheduled = 0;
    for (size_t i = 0; i < bcp_plan_entity_count(plan, "exercise"); i++) {
        const bcp_entity *e = bcp_plan_entity(plan, "exercise", i);
        int32_t derived;
        bool has = bcp_exercise_next_due(e, &derived);
        assert_int_equal(bcp_plan_next_due(plan, e, &due, iso), has);
        if (has) {
            assert_int_equal(due, derived);
            if (!strstr(md, iso))
                fail_msg("exercise %s: next run %s is not in the document", bcp_entity_id(e), iso);
            scheduled++;
        }
    }
    assert_true(scheduled > 0);

    /* Risks: the API's order, scores and levels are derive.c's; the
     * document's register lists them in that order with those scores, and
     * states each level's band. */
    size_t n;
    bcp_entity **order = bcp_sorted_risks(m, &n);
    assert_true(n > 2);
    size_t levelled = 0;
    const char *previous_row = md;
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *r = bcp_plan_sorted(plan, "risk", i);
        int score = bcp_plan_risk_score(plan, r);
        assert_int_equal(score, bcp_risk_score(order[i]));
        const char *row = register_row(md, bcp_entity_id(r));
        if (!row || row < previous_row)
            fail_msg("risk %s: not in the register in the API's order", bcp_entity_id(r));
        previous_row = row;
        char cell[32];
        snprintf(cell, sizeof cell, "| %d |", score);
        const char *end = strchr(row, '\n');
        const char *found = strstr(row, cell);
        if (!found || found > end)
            fail_msg("risk %s: score %d is not in its row", bcp_entity_id(r), score);
        const bcp_entity *level = bcp_plan_risk_level(plan, r);
        assert_ptr_equal(level, bcp_risk_level(m, score));
        if (level) {
            int64_t low, high;
            assert_true(bcp_plan_risk_level_range(plan, level, &low, &high));
            char band[64];
            snprintf(band, sizeof band, "| %lld\xe2\x80\x93%lld |", (long long)low, (long long)high);
            if (!strstr(md, band))
                fail_msg("level %s: band %s is not in the document", bcp_entity_id(level), band);
            levelled++;
        }
    }
    assert_true(levelled > 0);
    assert_same_order(plan, "risk", order, n);
    order = bcp_sorted_phases(m, &n);
    assert_same_order(plan, "phase", order, n);

    /* Systems: the API's verdict is derive.c's. */
    size_t judged = 0;
    for (size_t i = 0; i < bcp_plan_entity_count(plan, "system"); i++) {
        const bcp_entity *s = bcp_plan_entity(plan, "system", i);
        bcp_rpo_status st;
        bcp_rpo_check c;
        bcp_rpo_verdict v = bcp_system_rpo_check(m, s, &c);
        bcp_backup_verdict api = bcp_plan_rpo_status(plan, s, &st);
        assert_int_equal(api, v == BCP_RPO_MET       ? BCP_BACKUP_MEETS_RPO
                              : v == BCP_RPO_NOT_MET ? BCP_BACKUP_MISSES_RPO
                                                     : BCP_BACKUP_UNKNOWN);
        assert_int_equal(st.rpo_seconds, c.rpo);
        assert_ptr_equal(st.backup, c.backup);
        if (api != BCP_BACKUP_UNKNOWN)
            judged++;
    }
    assert_true(judged > 0);
    bcp_free(md);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar),
        cmocka_unit_test(test_generated_plan),
        cmocka_unit_test(test_huadong_agrees_with_document),
        cmocka_unit_test(test_huadong_renders_in_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
