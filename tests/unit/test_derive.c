/* Derived facts (compiler/model/derive.c): the calendar, and the property
 * that the linter and the document agree on dates — the day the document
 * names as due is the last day rules M101 (stale-review) and M103
 * (exercise-overdue) stay quiet, and they fire the day after.  The rules run
 * for real, through the lint engine, on models generated as text. */
#include "test_support.h"

#include <stdlib.h>

#include "base/alloc.h"
#include "model/derive.h"
#include "rules/engine.h"
#include "rules/rule.h"

static int32_t day_of(const char *text)
{
    int32_t days;
    assert_true(bcp_parse_date(text, strlen(text), &days));
    return days;
}

static bcp_interval interval_of(const char *text)
{
    int64_t seconds;
    assert_true(bcp_parse_duration(text, strlen(text), &seconds));
    bcp_interval iv = {seconds, bcp_duration_months(text, strlen(text))};
    return iv;
}

static void assert_date(int32_t days, const char *want)
{
    char got[11];
    bcp_format_date(days, got);
    assert_string_equal(got, want);
}

static void test_calendar_examples(void **state)
{
    (void)state;
    assert_date(bcp_date_add(day_of("2026-08-31"), interval_of("6mo")), "2027-02-28");
    assert_date(bcp_date_add(day_of("2024-02-29"), interval_of("1y")), "2025-02-28");
    assert_date(bcp_date_add(day_of("2024-02-29"), interval_of("4y")), "2028-02-29");
    assert_date(bcp_date_add(day_of("2026-03-01"), interval_of("6mo")), "2026-09-01");
    assert_date(bcp_date_add(day_of("2024-01-31"), interval_of("1mo")), "2024-02-29");
    assert_date(bcp_date_add(day_of("2023-01-31"), interval_of("1mo")), "2023-02-28");
    assert_date(bcp_date_add(day_of("2025-12-31"), interval_of("18mo")), "2027-06-30");
    /* exact units add days: 30d is not a month, 12h rounds up to a day */
    assert_date(bcp_date_add(day_of("2024-01-31"), interval_of("30d")), "2024-03-01");
    assert_date(bcp_date_add(day_of("2024-12-25"), interval_of("1w")), "2025-01-01");
    assert_date(bcp_date_add(day_of("2024-12-31"), interval_of("12h")), "2025-01-01");
    /* overdue from the first day after the due date */
    int32_t due = day_of("2026-09-01");
    assert_false(bcp_is_overdue(due, due));
    assert_true(bcp_is_overdue(due, due + 1));
    assert_int_equal(bcp_days_overdue(due, due - 3), 0);
    assert_int_equal(bcp_days_overdue(due, due + 2), 2);
}

/* Issue 15: the calendar ends at 9999-12-31 and never overflows. */
static void test_calendar_saturates(void **state)
{
    (void)state;
    assert_int_equal(day_of("9999-12-31"), BCP_LAST_DAY);
    assert_int_equal(day_of("0001-01-01"), BCP_FIRST_DAY);
    assert_date(bcp_date_add(day_of("9999-12-31"), interval_of("1y")), "9999-12-31");
    assert_date(bcp_date_add(day_of("9999-12-31"), interval_of("1d")), "9999-12-31");
    assert_date(bcp_date_add(day_of("9999-06-30"), interval_of("6mo")), "9999-12-30");
    assert_date(bcp_date_add(day_of("9999-07-31"), interval_of("6mo")), "9999-12-31");
    assert_date(bcp_date_add(day_of("9950-01-01"), interval_of("100y")), "9999-12-31");
    assert_date(bcp_date_add(day_of("2026-01-01"), interval_of("100y")), "2126-01-01");
    /* Intervals too long to write, and days outside the calendar, still land on it. */
    assert_date(bcp_date_add(day_of("2026-01-01"), bcp_interval_seconds(INT64_MAX)), "9999-12-31");
    assert_date(bcp_date_add(day_of("2026-01-01"), bcp_interval_months(INT32_MAX)), "9999-12-31");
    assert_date(bcp_date_add(INT32_MIN, bcp_interval_months(1)), "0001-02-01");
    assert_date(bcp_date_add(INT32_MAX, bcp_interval_seconds(1)), "9999-12-31");
    assert_date(INT32_MAX, "9999-12-31");
    assert_date(INT32_MIN, "0001-01-01");
    /* Property: for every written interval up to the maximum, the due date is a
     * real date no earlier than the start, from anywhere in the calendar. */
    const char *intervals[] = {"1d", "1w", "1mo", "6mo", "1y", "5y", "100y", "1200mo", "36500d"};
    for (int32_t day = BCP_LAST_DAY - 40000; day <= BCP_LAST_DAY; day += 97) {
        for (size_t k = 0; k < sizeof intervals / sizeof *intervals; k++) {
            int32_t due = bcp_date_add(day, interval_of(intervals[k]));
            assert_true(due >= day && due <= BCP_LAST_DAY);
            char text[11];
            bcp_format_date(due, text);
            int32_t back;
            assert_true(bcp_parse_date(text, 10, &back));
            assert_int_equal(back, due);
        }
    }
}

/* ------------------------------------------------------------ property */

/* The rules under test, enabled alone. */
typedef struct agreement {
    bool *enabled;
    size_t cases;
} agreement;

static void enable(bool *enabled, const char *code)
{
    const bcp_rule *rule = bcp_rule_find(code);
    assert_non_null(rule);
    enabled[bcp_rule_index(rule)] = true;
}

static size_t count_in(const bcp_diag_list *list, const char *code, const char *message)
{
    size_t n = 0;
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i].code, code) == 0 && (!message || strstr(list->items[i].message, message)))
            n++;
    return n;
}

static void lint_at(bcp_model *m, const agreement *a, int32_t today, bcp_diag_list *out)
{
    bcp_lint_options opts = {.today = today, .enabled = a->enabled};
    assert_true(bcp_lint_run(m, &opts, out));
}

/* A plan reviewed on `day` every `every`, a site with its own review on the
 * same cycle, and an exercise last held on `day` every `every`. */
static void check_agreement(agreement *a, int32_t day, const char *every)
{
    char date[11], text[512];
    bcp_format_date(day, date);
    snprintf(text, sizeof text,
             "plan p { title = \"P\" reviewed = %s review_every = %s }\n"
             "profile default { }\n"
             "site hq { reviewed = %s review_every = %s }\n"
             "exercise drill { last = %s every = %s }\n",
             date, every, date, every, date, every);
    bcp_model *m = load_text_no_prelude(text);
    assert_non_null(m);
    int32_t plan_due, exercise_due;
    assert_true(bcp_plan_next_review(bcp_model_plan(m), &plan_due));
    assert_true(bcp_exercise_next_due(bcp_model_find(m, BCP_KIND_EXERCISE, "drill"), &exercise_due));
    assert_int_equal(plan_due, exercise_due);
    assert_true(plan_due > day);
    char due[11], expect[96];
    bcp_format_date(plan_due, due);

    bcp_diag_list quiet = {0}, fired = {0};
    lint_at(m, a, plan_due, &quiet);
    lint_at(m, a, plan_due + 1, &fired);
    if (quiet.count != 0 || count_in(&fired, "M101", NULL) != 2 || count_in(&fired, "M103", NULL) != 1)
        fail_msg("%s + %s: document says due %s; linter: %zu findings that day, %zu M101 + %zu M103 the day after",
                 date, every, due, quiet.count, count_in(&fired, "M101", NULL), count_in(&fired, "M103", NULL));
    /* the finding names the date the document names, and counts one day */
    char every_text[32];
    bcp_format_duration(interval_of(every).seconds, every_text, sizeof every_text);
    snprintf(expect, sizeof expect, "due again on %s (every %s): 1 day overdue", due, every_text);
    assert_int_equal(count_in(&fired, "M101", expect), 2);
    snprintf(expect, sizeof expect, "was due on %s and is 1 day overdue", due);
    assert_int_equal(count_in(&fired, "M103", expect), 1);
    bcp_diag_list_free(&quiet);
    bcp_diag_list_free(&fired);
    bcp_model_free(m);
    a->cases++;
}

static int32_t last_of_month(int y, unsigned m)
{
    return m == 12 ? bcp_days_from_civil(y + 1, 1, 1) - 1 : bcp_days_from_civil(y, m + 1, 1) - 1;
}

static void test_linter_agrees_with_document(void **state)
{
    (void)state;
    static const char *const intervals[] = {"1d", "7d", "1w", "1mo", "3mo", "6mo", "12mo", "1y", "2y", "18mo"};
    agreement a = {calloc(bcp_rule_count, sizeof *a.enabled), 0};
    enable(a.enabled, "M101");
    enable(a.enabled, "M103");
    int32_t first = bcp_days_from_civil(2023, 1, 1), last = bcp_days_from_civil(2025, 12, 31);
    for (size_t k = 0; k < sizeof intervals / sizeof *intervals; k++) {
        for (int32_t day = first; day <= last; day++)
            check_agreement(&a, day, intervals[k]);
        /* every month end (29 February included) of the years around them,
         * and the day before each 29 February */
        for (int y = 1996; y <= 2032; y++) {
            for (unsigned m = 1; m <= 12; m++)
                if (y < 2023 || y > 2025)
                    check_agreement(&a, last_of_month(y, m), intervals[k]);
            if (y % 4 == 0 && (y < 2023 || y > 2025))
                check_agreement(&a, bcp_days_from_civil(y, 2, 28), intervals[k]);
        }
    }
    assert_true(a.cases > 10 * 1096);
    free(a.enabled);
}

/* The calendar against the civil fields: a month interval keeps the day of
 * the month unless the target month is shorter, then takes its last day. */
static void test_month_arithmetic(void **state)
{
    (void)state;
    int32_t first = bcp_days_from_civil(2023, 1, 1), last = bcp_days_from_civil(2025, 12, 31);
    for (int32_t day = first; day <= last; day++) {
        int y;
        unsigned m, d;
        bcp_civil_from_days(day, &y, &m, &d);
        for (int32_t months = 1; months <= 30; months++) {
            int ty;
            unsigned tm, td;
            bcp_civil_from_days(bcp_date_add(day, bcp_interval_months(months)), &ty, &tm, &td);
            int64_t total = (int64_t)y * 12 + (m - 1) + months;
            assert_int_equal(ty, total / 12);
            assert_int_equal(tm, total % 12 + 1);
            int32_t end = last_of_month(ty, tm);
            int ey;
            unsigned em, month_days;
            bcp_civil_from_days(end, &ey, &em, &month_days);
            assert_int_equal(td, d < month_days ? d : month_days);
        }
    }
}

/* Counts read right: "1 day", never "1 days". */
static void test_plural_messages(void **state)
{
    (void)state;
    agreement a = {calloc(bcp_rule_count, sizeof *a.enabled), 0};
    enable(a.enabled, "M103");
    enable(a.enabled, "M106");
    bcp_model *m = load_text_no_prelude("plan p { title = \"P\" }\n"
                                        "profile default { }\n"
                                        "exercise drill { next = 2026-01-10 }\n"
                                        "finding f { due = 2026-01-10 }\n");
    int32_t due = day_of("2026-01-10");
    bcp_diag_list one = {0}, two = {0};
    lint_at(m, &a, due + 1, &one);
    lint_at(m, &a, due + 2, &two);
    assert_int_equal(count_in(&one, "M103", "is 1 day overdue"), 1);
    assert_int_equal(count_in(&two, "M103", "is 2 days overdue"), 1);
    assert_int_equal(count_in(&one, "M106", "still open, 1 day after its due date 2026-01-10"), 1);
    assert_int_equal(count_in(&two, "M106", "still open, 2 days after"), 1);
    for (size_t i = 0; i < one.count; i++)
        assert_null(strstr(one.items[i].message, "1 days"));
    bcp_diag_list_free(&one);
    bcp_diag_list_free(&two);
    bcp_model_free(m);
    free(a.enabled);
}

/* The RPO verdict the document prints and D102 reports, the risk bands and
 * the orders, on the stdlib's catalogue. */
static void test_rpo_levels_and_orders(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p { title = \"P\" organization = \"O\" }\n"
                             "function orders { rto = 24h rpo = 4h needs = [system.erp, system.crm] priority = 2 }\n"
                             "function pay { rto = 4h priority = 1 }\n"
                             "system erp { backup { every = 1d } backup { every = 4h } }\n"
                             "system crm { rpo = 1h backup { every = 4h } }\n"
                             "system mail { }\n"
                             "system wiki { rpo = 1d }\n"
                             "risk flood { likelihood = high impact = severe }\n"
                             "risk fire { likelihood = medium impact = high }\n"
                             "risk theft { likelihood = 2 impact = 5 }\n");
    assert_non_null(m);
    bcp_rpo_check c;
    /* erp: the function's 4h, met by the more frequent of its two backups */
    assert_int_equal(bcp_system_rpo_check(m, bcp_model_find(m, BCP_KIND_SYSTEM, "erp"), &c), BCP_RPO_MET);
    assert_int_equal(c.rpo, 4 * 3600);
    assert_string_equal(c.rpo_owner->id, "orders");
    assert_int_equal(c.backup_every, 4 * 3600);
    assert_int_equal(bcp_backup_rpo_verdict(bcp_model_find(m, BCP_KIND_SYSTEM, "erp")->children[0], &c),
                     BCP_RPO_NOT_MET);
    /* crm: its own 1h is tighter than the function's */
    assert_int_equal(bcp_system_rpo_check(m, bcp_model_find(m, BCP_KIND_SYSTEM, "crm"), &c), BCP_RPO_NOT_MET);
    assert_string_equal(c.rpo_owner->id, "crm");
    assert_int_equal(bcp_system_rpo_check(m, bcp_model_find(m, BCP_KIND_SYSTEM, "mail"), &c), BCP_RPO_UNKNOWN);
    assert_int_equal(bcp_system_rpo_check(m, bcp_model_find(m, BCP_KIND_SYSTEM, "wiki"), &c), BCP_RPO_NOT_MET);
    assert_null(c.backup);

    assert_string_equal(bcp_risk_level(m, 20)->id, "critical");
    assert_string_equal(bcp_risk_level(m, 12)->id, "high");
    assert_string_equal(bcp_risk_level(m, 10)->id, "medium");
    assert_null(bcp_risk_level(m, 0));
    int64_t lo, hi;
    bcp_risk_level_range(m, bcp_model_find(m, BCP_KIND_RISK_LEVEL, "high"), &lo, &hi);
    assert_int_equal(lo, 12);
    assert_int_equal(hi, 19);

    size_t n;
    bcp_entity **risks = bcp_sorted_risks(m, &n);
    assert_int_equal(n, 3);
    assert_string_equal(risks[0]->id, "flood");
    assert_string_equal(risks[1]->id, "fire");
    assert_string_equal(risks[2]->id, "theft");
    bcp_free(risks);
    bcp_entity **fns = bcp_sorted_functions(m, &n);
    assert_string_equal(fns[0]->id, "pay");
    bcp_free(fns);
    bcp_model_free(m);
}

/* docfig: the next session of periodic training and the next run of a
 * maintenance activity are last + every on the calendar (month-end clamped);
 * onboarding training and anything never held have no due date. */
static void test_training_and_maintenance_due(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p { title = \"P\" organization = \"O\" }\n"
                             "training yearly { title = \"Y\" when = periodic every = 1y last = 2024-02-29 }\n"
                             "training half { title = \"H\" when = periodic every = 6mo last = 2026-08-31 }\n"
                             "training weekly { title = \"W\" when = periodic every = 2w last = 2026-12-25 }\n"
                             "training induction { title = \"I\" when = onboarding every = 1y last = 2026-01-10 }\n"
                             "training new { title = \"N\" when = periodic every = 1y }\n"
                             "training no_every { title = \"E\" when = periodic last = 2026-01-10 }\n"
                             "maintenance_activity contacts { title = \"C\" every = 3mo last = 2026-11-30 }\n"
                             "maintenance_activity never { title = \"V\" every = 1y }\n");
    assert_non_null(m);
    int32_t due;
    assert_true(bcp_training_next_due(bcp_model_find(m, BCP_KIND_TRAINING, "yearly"), &due));
    assert_date(due, "2025-02-28");
    assert_true(bcp_training_next_due(bcp_model_find(m, BCP_KIND_TRAINING, "half"), &due));
    assert_date(due, "2027-02-28");
    assert_true(bcp_training_next_due(bcp_model_find(m, BCP_KIND_TRAINING, "weekly"), &due));
    assert_date(due, "2027-01-08");
    assert_false(bcp_training_next_due(bcp_model_find(m, BCP_KIND_TRAINING, "induction"), &due));
    assert_false(bcp_training_next_due(bcp_model_find(m, BCP_KIND_TRAINING, "new"), &due));
    assert_false(bcp_training_next_due(bcp_model_find(m, BCP_KIND_TRAINING, "no_every"), &due));
    assert_true(bcp_every_since_last(bcp_model_find(m, BCP_KIND_MAINTENANCE_ACTIVITY, "contacts"), &due));
    assert_date(due, "2027-02-28");
    assert_false(bcp_every_since_last(bcp_model_find(m, BCP_KIND_MAINTENANCE_ACTIVITY, "never"), &due));
    /* the stdlib's usual activities are there for every plan, with a frequency */
    const bcp_entity *review = bcp_model_find(m, BCP_KIND_MAINTENANCE_ACTIVITY, "review_plan");
    assert_non_null(review);
    assert_true(review->from_stdlib);
    bcp_interval every;
    assert_true(bcp_entity_interval(review, "every", &every));
    assert_int_equal(every.months, 12);
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calendar_examples),
        cmocka_unit_test(test_calendar_saturates),
        cmocka_unit_test(test_month_arithmetic),
        cmocka_unit_test(test_plural_messages),
        cmocka_unit_test(test_rpo_levels_and_orders),
        cmocka_unit_test(test_training_and_maintenance_due),
        cmocka_unit_test(test_linter_agrees_with_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
