/* Phone numbers judged by their country's numbering plan (rules/phone_shim.h,
 * libphonenumber) and the findings of C103 invalid-phone and C108
 * phone-without-country over a plan: a table of valid and invalid numbers of
 * China, the US, the UK, Germany, Japan and Singapore, national numbers read
 * by the plan's or a site's country, hostile values echoed safely, and a long
 * value judged in linear time. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "model/model.h"
#include "rules/engine.h"
#include "rules/phone_shim.h"
#include "test_support.h"

typedef struct phone_case {
    const char *text;
    const char *country; /* the country national numbers are read in, NULL for none */
    bcp_phone_verdict verdict;
    const char *region;  /* the country it was judged by, "" for none */
} phone_case;

static const phone_case cases[] = {
    /* China */
    {"+86 138 0000 0001", NULL, BCP_PHONE_VALID, "CN"},
    {"+86 21 5555 0100", NULL, BCP_PHONE_VALID, "CN"},
    {"0086 21 5555 0100", NULL, BCP_PHONE_VALID, "CN"},
    {"+86 21 5555 0100 转 8012", NULL, BCP_PHONE_VALID, "CN"},
    {"(021) 5555-0001", "CN", BCP_PHONE_VALID, "CN"},
    {"119", "CN", BCP_PHONE_VALID, "CN"},
    {"+86 123 4567 8901", NULL, BCP_PHONE_NOT_IN_USE, "CN"},
    {"+86 138 0000 000", NULL, BCP_PHONE_NOT_IN_USE, "CN"},
    {"+86 21 5555 0100 0100 0100 01", NULL, BCP_PHONE_TOO_LONG, ""},
    /* United States */
    {"+1 212-555-0100 ext. 12", NULL, BCP_PHONE_VALID, "US"},
    {"+1 (650) 253-0000", NULL, BCP_PHONE_VALID, "US"},
    {"911", "US", BCP_PHONE_VALID, "US"},
    {"+1 212 555 010", NULL, BCP_PHONE_TOO_SHORT, "US"},
    {"+1 999 555 0100", NULL, BCP_PHONE_NOT_IN_USE, "US"},
    /* United Kingdom */
    {"+44 (0)20 7946 0000", NULL, BCP_PHONE_VALID, "GB"},
    {"+44 161 496 0102", NULL, BCP_PHONE_VALID, "GB"},
    {"999", "GB", BCP_PHONE_VALID, "GB"},
    {"+44 20 7946 000", NULL, BCP_PHONE_NOT_IN_USE, "GB"},
    {"+44 7700 900102", NULL, BCP_PHONE_NOT_IN_USE, "GB"}, /* Ofcom's drama range is no real number */
    /* Germany */
    {"+49 30 1234 5678", NULL, BCP_PHONE_VALID, "DE"},
    {"+49 151 2345 6789", NULL, BCP_PHONE_VALID, "DE"},
    {"030 1234 5678", "DE", BCP_PHONE_VALID, "DE"},
    {"112", "DE", BCP_PHONE_VALID, "DE"},
    {"+49 30 12", NULL, BCP_PHONE_NOT_IN_USE, "DE"},
    {"030 1234 5678 9012 3456", "DE", BCP_PHONE_TOO_LONG, "DE"},
    /* Japan */
    {"+81 3-1234-5678", NULL, BCP_PHONE_VALID, "JP"},
    {"+81 90-1234-5678", NULL, BCP_PHONE_VALID, "JP"},
    {"+81 3 1234", NULL, BCP_PHONE_TOO_SHORT, "JP"},
    {"+81 90 1234 567", NULL, BCP_PHONE_NOT_IN_USE, "JP"},
    /* Singapore */
    {"+65 6123 4567", NULL, BCP_PHONE_VALID, "SG"},
    {"+65 9123 4567", NULL, BCP_PHONE_VALID, "SG"},
    {"+65 123", NULL, BCP_PHONE_TOO_SHORT, "SG"},
    {"+65 1234 5678", NULL, BCP_PHONE_NOT_IN_USE, "SG"},
    /* no country, or none there */
    {"030 1234 5678", NULL, BCP_PHONE_NO_COUNTRY, ""},
    {"+999 1234 5678", NULL, BCP_PHONE_BAD_COUNTRY_CODE, ""},
    {"call the front desk", NULL, BCP_PHONE_NOT_A_NUMBER, ""},
    {"030 1234 5678", "XX", BCP_PHONE_UNKNOWN_REGION, ""},
};

static void test_numbering_plans(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const phone_case *c = &cases[i];
        bcp_phone_result r;
        bcp_phone_check(c->text, strlen(c->text), c->country, &r);
        if (r.verdict != c->verdict || strcmp(r.region, c->region) != 0)
            fail_msg("\"%s\" (country %s): verdict %d region \"%s\", expected %d \"%s\"", c->text,
                     c->country ? c->country : "none", (int)r.verdict, r.region, (int)c->verdict, c->region);
    }
    assert_true(bcp_phone_known_region("SG", 2));
    assert_false(bcp_phone_known_region("XX", 2));
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* The old pattern backtracked exponentially on a 4.9 KB value (5 s); the
 * numbering plan is judged without one.  The bound is generous for a shared
 * machine: the call takes microseconds. */
static void test_long_value_is_quick(void **state)
{
    (void)state;
    enum { LENGTH = 5000 };
    char *text = malloc(LENGTH + 1);
    assert_non_null(text);
    for (size_t i = 0; i < LENGTH; i++)
        text[i] = i % 2 ? ' ' : '1';
    text[LENGTH] = '\0';
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    bcp_phone_result r;
    for (int i = 0; i < 100; i++)
        assert_int_equal(bcp_phone_check(text, LENGTH, "CN", &r), BCP_PHONE_TOO_LONG);
    assert_true(seconds_since(&start) < 1.0);
    /* The longest value read as a number (80 bytes), the slowest for
     * libphonenumber's parser: about a millisecond. */
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < 100; i++)
        assert_int_equal(bcp_phone_check(text, 80, "CN", &r), BCP_PHONE_TOO_LONG);
    assert_true(seconds_since(&start) < 2.0);
    assert_int_equal(bcp_phone_check(text, 81, "CN", &r), BCP_PHONE_TOO_LONG);
    assert_string_equal(r.region, "");
    free(text);
}

static bcp_diag_list lint(bcp_model *m)
{
    bcp_diag_list found = {0};
    bcp_lint_options opts = {.today = bcp_days_from_civil(2026, 11, 27)};
    assert_true(bcp_lint_run(m, &opts, &found));
    return found;
}

static const bcp_diag *finding(const bcp_diag_list *l, const char *code, size_t nth)
{
    for (size_t i = 0; i < l->count; i++)
        if (strcmp(l->items[i].code, code) == 0 && nth-- == 0)
            return &l->items[i];
    return NULL;
}

/* The plan's country reads national numbers, a site's country overrides it
 * for that site's people, and the message says why a number fails. */
static void test_findings_over_a_plan(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n title = \"t\"\n organization = \"o\"\n country = \"CN\"\n}\n"
                             "site berlin {\n name = \"Berlin\"\n country = \"de\"\n}\n"
                             "contact a {\n name = \"A\"\n phone = \"138 0000 0001\"\n alt_phone = \"+49 151 2345 67\"\n}\n"
                             "contact b {\n name = \"B\"\n site = site.berlin\n phone = \"030 1234 5678\"\n"
                             " alt_phone = \"138 0000 0001\"\n}\n");
    bcp_diag_list l = lint(m);
    const bcp_diag *first = finding(&l, "C103", 0);
    assert_non_null(first);
    assert_int_equal(first->span.row + 1, 13);
    assert_non_null(strstr(first->message, "\"+49 151 2345 67\""));
    assert_non_null(strstr(first->message, "in DE (+49)"));
    /* 138 0000 0001 is a mobile in China, no number in Germany */
    const bcp_diag *second = finding(&l, "C103", 1);
    assert_non_null(second);
    assert_int_equal(second->span.row + 1, 19);
    assert_null(finding(&l, "C103", 2));
    assert_null(finding(&l, "C108", 0));
    bcp_diag_list_free(&l);
    bcp_model_free(m);
}

/* Without a country a national number is C108's gentle finding, and a value
 * with control characters is echoed escaped: no terminal escape reaches the
 * output, and a long value is cut. */
static void test_no_country_and_hostile_text(void **state)
{
    (void)state;
    char long_value[300];
    memset(long_value, '7', sizeof long_value - 1);
    long_value[sizeof long_value - 1] = '\0';
    char text[1024];
    snprintf(text, sizeof text,
             "plan p {\n title = \"t\"\n organization = \"o\"\n}\n"
             "contact a {\n name = \"A\"\n phone = \"030 1234 5678\"\n alt_phone = \"+49 \\u{1b}]0;pwned\\u{7} 30\"\n}\n"
             "contact b {\n name = \"B\"\n phone = \"+%s\"\n}\n", long_value);
    bcp_model *m = load_text(text);
    bcp_diag_list l = lint(m);
    const bcp_diag *c108 = finding(&l, "C108", 0);
    assert_non_null(c108);
    assert_int_equal(c108->span.row + 1, 7);
    assert_null(finding(&l, "C108", 1));
    const bcp_diag *hostile = finding(&l, "C103", 0);
    assert_non_null(hostile);
    assert_null(strchr(hostile->message, '\x1b'));
    assert_null(strchr(hostile->message, '\a'));
    assert_non_null(strstr(hostile->message, "\\x1b]0;pwned\\x07"));
    const bcp_diag *cut = finding(&l, "C103", 1);
    assert_non_null(cut);
    assert_non_null(strstr(cut->message, "..."));
    assert_true(strlen(cut->message) < 250);
    bcp_diag_list_free(&l);
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbering_plans),
        cmocka_unit_test(test_long_value_is_quick),
        cmocka_unit_test(test_findings_over_a_plan),
        cmocka_unit_test(test_no_country_and_hostile_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
