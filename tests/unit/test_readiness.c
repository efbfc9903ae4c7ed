/* The readiness score (compiler/model/readiness.c, docs/readiness.md): each
 * area of the formula on a small plan built for it, the total as the
 * weighted mean of the areas that apply, and the reasons with entity ids.
 * Every number is asserted exactly; today is 2026-12-04. */
#include "test_support.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "model/derive.h"
#include "model/readiness.h"

#define TODAY "2026-12-04"

static int32_t day_of(const char *text)
{
    int32_t days;
    assert_true(bcp_parse_date(text, strlen(text), &days));
    return days;
}

/* A plan with nothing but its head: reviewed in time, no other records. */
#define HEAD "plan p {\n  title = \"P\"\n  organization = \"O\"\n  reviewed = 2026-06-01\n  review_every = 1y\n}\n"

static bcp_model *score(const char *text, const bcp_entity *const *deviations, size_t n, bcp_readiness *r)
{
    bcp_model *m = load_text(text);
    if (bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR))
        print_diags(m);
    assert_int_equal(bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR), 0);
    bcp_readiness_compute(m, day_of(TODAY), NULL, deviations, n, r);
    return m;
}

/* A plan: `head`, then one block per spec (NULL ends them).  A spec is
 * "KIND ID | ATTR = VALUE | ...": the block, named after its id (`name` for
 * a contact or supplier, else `title`), each part after " | " on a line of
 * its own (a nested block's parts too). */
static char *plan_text(const char *head, va_list specs)
{
    bcp_buf b = {0};
    bcp_buf_puts(&b, head);
    for (const char *spec; (spec = va_arg(specs, const char *));) {
        const char *space = strchr(spec, ' '), *bar = strstr(spec, " | ");
        const char *id_end = bar ? bar : spec + strlen(spec);
        size_t kind_len = (size_t)(space - spec);
        bool named = strncmp(spec, "contact", kind_len) == 0 || strncmp(spec, "supplier", kind_len) == 0;
        bcp_buf_printf(&b, "%.*s {\n  %s = \"%.*s\"\n", (int)(id_end - spec), spec, named ? "name" : "title",
                       (int)(id_end - space - 1), space + 1);
        for (const char *p = bar; p; p = strstr(p + 3, " | ")) {
            const char *next = strstr(p + 3, " | ");
            bcp_buf_printf(&b, "  %.*s\n", (int)((next ? next : p + strlen(p)) - p - 3), p + 3);
        }
        bcp_buf_puts(&b, "}\n");
    }
    return bcp_buf_take(&b);
}

/* The score of plan_text(head, specs...) by the windows `w` (NULL: default). */
static bcp_model *score_with(const bcp_readiness_windows *w, bcp_readiness *r, const char *head, ...)
{
    va_list specs;
    va_start(specs, head);
    char *text = plan_text(head, specs);
    va_end(specs);
    bcp_model *m = load_text(text);
    if (bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR))
        print_diags(m);
    assert_int_equal(bcp_diag_count(bcp_model_diags(m), BCP_SEV_ERROR), 0);
    bcp_readiness_compute(m, day_of(TODAY), w, NULL, 0, r);
    bcp_free(text);
    return m;
}
#define score_of(r, ...) score_with(NULL, r, __VA_ARGS__, (const char *)NULL)

/* "entity:why" of the reasons of one area, joined by spaces. */
static void reasons_of(const bcp_readiness *r, bcp_readiness_area area, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < r->reason_count; i++) {
        if (r->reasons[i].area != area)
            continue;
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s:%s", len ? " " : "", r->reasons[i].entity, r->reasons[i].why);
    }
}

static void assert_area(const bcp_readiness *r, bcp_readiness_area area, bool applies, int score, size_t met,
                        size_t total)
{
    assert_int_equal(r->areas[area].applies, applies);
    assert_int_equal(r->areas[area].score, score);
    assert_int_equal(r->areas[area].met, met);
    assert_int_equal(r->areas[area].total, total);
}

static void test_weights_sum_to_100(void **state)
{
    (void)state;
    int sum = 0;
    for (int a = 0; a < BCP_READY_AREA_COUNT; a++)
        sum += bcp_readiness_weights[a];
    assert_int_equal(sum, 100);
    assert_string_equal(bcp_readiness_area_name(BCP_READY_RECOVERY), "recovery");
    assert_string_equal(bcp_readiness_area_name(BCP_READY_FINDINGS), "findings");
}

/* Only the plan's review and the findings area (always scored) apply. */
static void test_empty_plan(void **state)
{
    (void)state;
    bcp_readiness r;
    bcp_model *m = score(HEAD, NULL, 0, &r);
    assert_area(&r, BCP_READY_RECOVERY, false, 100, 0, 0);
    assert_area(&r, BCP_READY_BACKUPS, false, 100, 0, 0);
    assert_area(&r, BCP_READY_CONTACTS, false, 100, 0, 0);
    assert_area(&r, BCP_READY_CADENCE, true, 100, 1, 1);
    assert_area(&r, BCP_READY_RISKS, false, 100, 0, 0);
    assert_area(&r, BCP_READY_FINDINGS, true, 100, 0, 0);
    assert_int_equal(r.score, 100);
    assert_int_equal(r.reason_count, 0);
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* Recovery: a critical function counts when an exercise held in the last 12
 * months covers it, directly or through a scenario; one not critical is not
 * judged.  2 of 3 = 67. */
static void test_recovery(void **state)
{
    (void)state;
    bcp_readiness r;
    bcp_model *m = score_of(&r, HEAD, "function a", "function b", "function c", "function d | critical = false",
                            "scenario s | functions = [function.b]",
                            "exercise x | kind = tabletop | last = 2026-03-01 | every = 1y | covers = [function.a, scenario.s]",
                            "exercise old | kind = tabletop | last = 2025-11-01 | next = 2027-01-01 | covers = [function.c]");
    assert_area(&r, BCP_READY_RECOVERY, true, 67, 2, 3);
    char got[512];
    reasons_of(&r, BCP_READY_RECOVERY, got, sizeof got);
    assert_string_equal(got, "function.c:not-exercised");
    /* cadence: plan review, x (due 2027-03-01) and old (next 2027-01-01) on time */
    assert_area(&r, BCP_READY_CADENCE, true, 100, 3, 3);
    /* (67*25 + 100*15 + 100*10) / 50 = 83.5 -> 84 */
    assert_int_equal(r.score, 84);
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* Backups: per system that holds data, RPO met and a restore test within 12
 * months; a system without data is not judged. */
static void test_backups(void **state)
{
    (void)state;
    bcp_readiness r;
    bcp_model *m = score_of(&r, HEAD, "system good | rpo = 24h | backup n { every = 1d | tested = 2026-10-01 }",
                            "system slow | rpo = 1h | backup n { every = 1d | tested = 2025-10-01 }", "system bare",
                            "system stateless | holds_data = false");
    /* good 2/2, slow 0/2 (RPO missed, test stale), bare 0/2 (no RPO, never restored) */
    assert_area(&r, BCP_READY_BACKUPS, true, 33, 2, 6);
    char got[512];
    reasons_of(&r, BCP_READY_BACKUPS, got, sizeof got);
    assert_string_equal(got, "system.slow:rpo-not-met system.slow:restore-test-stale system.bare:no-rpo "
                             "system.bare:never-restored");
    /* (33*20 + 100*15 + 100*10) / 45 = 70.2 -> 70 */
    assert_int_equal(r.score, 70);
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* Contacts: reachable (phone or e-mail) and a second channel, a half each. */
static void test_contacts(void **state)
{
    (void)state;
    bcp_readiness r;
    bcp_model *m = score_of(&r, HEAD, "contact two | phone = \"+44 20 7946 0000\" | email = \"t@example.com\"",
                            "contact one | email = \"o@example.com\"", "contact none | channels = [wecom]");
    assert_area(&r, BCP_READY_CONTACTS, true, 50, 3, 6);
    char got[512];
    reasons_of(&r, BCP_READY_CONTACTS, got, sizeof got);
    assert_string_equal(got, "contact.one:no-alternate contact.none:unreachable contact.none:no-alternate");
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* Cadence: the plan's review and each exercise, on time or not. */
static void test_cadence(void **state)
{
    (void)state;
    bcp_readiness r;
    bcp_model *m = score_of(&r, "", "plan p | organization = \"O\" | reviewed = 2025-06-01 | review_every = 1y",
                            "exercise late | kind = tabletop | last = 2025-06-01 | every = 1y",
                            "exercise ok | kind = tabletop | next = 2026-12-04", "exercise never | kind = tabletop");
    assert_area(&r, BCP_READY_CADENCE, true, 25, 1, 4);
    char got[512];
    reasons_of(&r, BCP_READY_CADENCE, got, sizeof got);
    assert_string_equal(got, "plan.p:review-overdue exercise.late:exercise-overdue "
                             "exercise.never:exercise-unscheduled");
    /* (25*15 + 100*10) / 25 = 55 */
    assert_int_equal(r.score, 55);
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* Risks: only severe ones (score at least high's min_score, 12) are judged;
 * treated = a strategy or a scenario naming the risk. */
static void test_risks(void **state)
{
    (void)state;
    bcp_readiness r;
    bcp_model *m = score_of(&r, HEAD, "risk a | category = natural | likelihood = 4 | impact = 5 | strategy = \"Fix\"",
                            "risk b | category = natural | likelihood = 3 | impact = 4",
                            "risk c | category = natural | likelihood = 5 | impact = 5",
                            "risk small | category = natural | likelihood = 2 | impact = 2",
                            "scenario s | risks = [risk.b]");
    assert_area(&r, BCP_READY_RISKS, true, 67, 2, 3);
    char got[512];
    reasons_of(&r, BCP_READY_RISKS, got, sizeof got);
    assert_string_equal(got, "risk.c:untreated");
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* Findings: 5 points off per open item, 15 per overdue one, 5 per accepted
 * deviation; closed items cost nothing. */
/* The windows come from the profile: nist-800-34 allows a restore test one
 * month old, so one of 2026-10-01 is stale; a profile without the value
 * falls back on the default profile's year. */
static void test_profile_windows(void **state)
{
    (void)state;
    bcp_model *m = load_text(HEAD);
    bcp_readiness_windows def = bcp_readiness_profile_windows(m, NULL);
    bcp_readiness_windows nist = bcp_readiness_profile_windows(m, "nist-800-34");
    bcp_readiness_windows none = bcp_readiness_profile_windows(m, "no-such-profile");
    assert_int_equal(bcp_interval_cmp(def.restore_test, bcp_interval_months(12)), 0);
    assert_int_equal(bcp_interval_cmp(def.exercise, bcp_interval_months(12)), 0);
    assert_int_equal(bcp_interval_cmp(nist.restore_test, bcp_interval_months(1)), 0);
    assert_int_equal(bcp_interval_cmp(nist.exercise, bcp_interval_months(12)), 0);
    assert_int_equal(bcp_interval_cmp(none.restore_test, bcp_interval_months(12)), 0);
    bcp_model_free(m);
    const char *fresh = "system s | rpo = 24h | backup n { every = 1d | tested = 2026-10-01 }";
    bcp_readiness r;
    m = score_with(&def, &r, HEAD, fresh, (const char *)NULL);
    assert_area(&r, BCP_READY_BACKUPS, true, 100, 2, 2);
    bcp_readiness_free(&r);
    bcp_model_free(m);
    m = score_with(&nist, &r, HEAD, fresh, (const char *)NULL);
    assert_area(&r, BCP_READY_BACKUPS, true, 50, 1, 2);
    char got[128];
    reasons_of(&r, BCP_READY_BACKUPS, got, sizeof got);
    assert_string_equal(got, "system.s:restore-test-stale");
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

static void test_findings(void **state)
{
    (void)state;
    bcp_readiness r;
    const char *text = HEAD "finding open { title = \"O\"\n  due = 2027-01-01\n  status = open\n}\n"
                            "finding late { title = \"L\"\n  due = 2026-11-01\n  status = in_progress\n}\n"
                            "finding shut { title = \"S\"\n  due = 2026-11-01\n  status = done\n"
                            "  closed = 2026-10-01\n}\n"
                            "supplier steel { name = \"Steel\"\n  critical = false\n}\n";
    bcp_model *m = score(text, NULL, 0, &r);
    assert_area(&r, BCP_READY_FINDINGS, true, 80, 1, 3);
    bcp_readiness_free(&r);
    const bcp_entity *steel = bcp_model_find(m, BCP_KIND_SUPPLIER, "steel");
    const bcp_entity *about[] = {steel, NULL};
    bcp_readiness_compute(m, day_of(TODAY), NULL, about, 2, &r);
    assert_area(&r, BCP_READY_FINDINGS, true, 70, 1, 5);
    assert_int_equal(r.deviations, 2);
    char got[512];
    reasons_of(&r, BCP_READY_FINDINGS, got, sizeof got);
    assert_string_equal(got, "finding.open:finding-open finding.late:finding-overdue "
                             "supplier.steel:deviation-accepted plan.p:deviation-accepted");
    /* (100*15 + 70*10) / 25 = 88 */
    assert_int_equal(r.score, 88);
    bcp_readiness_free(&r);
    bcp_model_free(m);
}

/* The findings area bottoms out at 0. */
static void test_findings_floor(void **state)
{
    (void)state;
    bcp_buf text = {0};
    bcp_buf_puts(&text, HEAD);
    for (int i = 0; i < 8; i++)
        bcp_buf_printf(&text, "finding f%d { title = \"F\"\n  due = 2026-01-01\n}\n", i);
    bcp_readiness r;
    bcp_model *m = score(text.data, NULL, 0, &r);
    assert_area(&r, BCP_READY_FINDINGS, true, 0, 0, 8);
    assert_int_equal(r.reason_count, 8);
    /* (100*15 + 0*10) / 25 = 60 */
    assert_int_equal(r.score, 60);
    bcp_readiness_free(&r);
    bcp_model_free(m);
    bcp_buf_free(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weights_sum_to_100),
        cmocka_unit_test(test_empty_plan),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_backups),
        cmocka_unit_test(test_contacts),
        cmocka_unit_test(test_cadence),
        cmocka_unit_test(test_risks),
        cmocka_unit_test(test_profile_windows),
        cmocka_unit_test(test_findings),
        cmocka_unit_test(test_findings_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
