#define _DEFAULT_SOURCE
/* Document control, the computed executive summary and print (issue 10):
 * the open/overdue facts of model/derive.c, the documents bcp_build_file
 * makes of a plan with approvals and revisions (Markdown, JSON, the HTML's
 * @page rules), a bad paper size, and the CLI's renderer lookup (no
 * renderer on PATH: E160, nothing written). */
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

#include "base/alloc.h"
#include "bcp.h"
#include "cli/pdf.h"
#include "model/derive.h"
#include "test_tmp.h"

static int32_t day_of(const char *text)
{
    int32_t days;
    assert_true(bcp_parse_date(text, strlen(text), &days));
    return days;
}

static const char plan_text[] =
    "plan p {\n"
    "  title        = \"Quote \\\" </style> plan\"\n"
    "  organization = \"P Ltd\"\n"
    "  owner        = contact.owner\n"
    "  version      = \"2.0\"\n"
    "  classification = restricted\n"
    "  reviewed     = 2025-06-01\n"
    "}\n"
    "function a { title = \"Alpha\" rto = 4h priority = 1 owner = contact.owner deputy = contact.deputy fallback = \"x\" }\n"
    "function b { title = \"Beta\" rto = 2d priority = 2 owner = contact.owner deputy = contact.deputy fallback = \"x\" }\n"
    "function c { title = \"Gamma\" priority = 1 critical = false owner = contact.owner deputy = contact.deputy fallback = \"x\" }\n"
    "finding late { title = \"Late fix\" due = 2026-01-31 }\n"
    "finding done_one { title = \"Done fix\" due = 2026-01-31 status = done closed = 2026-01-20 }\n"
    "finding fresh { title = \"Fresh fix\" due = 2027-01-31 status = in_progress }\n"
    "milestone m1 { title = \"Step\" due = 2026-02-01 }\n"
    "approval first { by = contact.owner date = 2026-01-10 }\n"
    "approval second { by = contact.deputy role = \"For the board\" }\n"
    "revision old { version = \"1.0\" date = 2025-01-01 summary = \"First\" }\n"
    "revision new { version = \"2.0\" date = 2026-01-01 author = contact.owner summary = \"Second\" }\n"
    "contact owner { name = \"Olga Owner\" role = \"Director\" tier = 1 phone = \"+44 20 7946 0000\" substitute = contact.deputy }\n"
    "contact deputy { name = \"Dan Deputy\" role = \"Deputy\" tier = 1 phone = \"+44 20 7946 0001\" substitute = contact.owner }\n";

static void test_derived_open_items(void **state)
{
    (void)state;
    bcp_model *m = load_text(plan_text);
    int32_t today = day_of("2026-03-01"), due;
    const bcp_entity *late = bcp_model_find(m, BCP_KIND_FINDING, "late");
    const bcp_entity *done = bcp_model_find(m, BCP_KIND_FINDING, "done_one");
    const bcp_entity *fresh = bcp_model_find(m, BCP_KIND_FINDING, "fresh");
    assert_true(bcp_finding_open(late));
    assert_false(bcp_finding_open(done));
    assert_true(bcp_finding_open(fresh));
    assert_true(bcp_finding_overdue(late, bcp_interval_seconds(0), today, &due));
    assert_int_equal(due, day_of("2026-01-31"));
    /* a grace that reaches past today: not overdue yet */
    assert_false(bcp_finding_overdue(late, bcp_interval_months(2), today, &due));
    assert_false(bcp_finding_overdue(done, bcp_interval_seconds(0), today, &due));
    assert_false(bcp_finding_overdue(fresh, bcp_interval_seconds(0), today, &due));
    /* due on the day itself is not overdue; the day after is */
    assert_false(bcp_finding_overdue(late, bcp_interval_seconds(0), day_of("2026-01-31"), &due));
    assert_true(bcp_finding_overdue(late, bcp_interval_seconds(0), day_of("2026-02-01"), &due));
    const bcp_entity *plan = bcp_model_plan(m);
    /* reviewed 2025-06-01, every year: due 2026-06-01, overdue from the day after */
    assert_false(bcp_plan_review_overdue(plan, today, &due));
    assert_false(bcp_plan_review_overdue(plan, day_of("2026-06-01"), &due));
    assert_true(bcp_plan_review_overdue(plan, day_of("2026-06-02"), &due));
    assert_int_equal(due, day_of("2026-06-01"));
    assert_true(bcp_milestone_open(bcp_model_find(m, BCP_KIND_MILESTONE, "m1")));
    bcp_model_free(m);
}

static char *write_plan(void)
{
    static char path[256];
    test_tmp_path(path, sizeof path, "bcp-docprint-XXXXXX.bcp");
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, plan_text, sizeof plan_text - 1), (ssize_t)(sizeof plan_text - 1));
    close(fd);
    return path;
}

static void test_documents(void **state)
{
    (void)state;
    char *path = write_plan();
    setenv("SOURCE_DATE_EPOCH", "1772323200", 1); /* 2026-03-01 */
    bcp_build_options o = {.lang = "en", .draft = true, .paper = "letter"};
    bcp_build_result r;
    assert_int_equal(bcp_build_file(path, &o, &r), BCP_OK);
    const char *md = r.documents[BCP_DOC_MARKDOWN];
    assert_non_null(md);
    /* the cover: facts and one sign-off row per approval, the second from the block's role */
    assert_non_null(strstr(md, "| Classification | Restricted |"));
    assert_non_null(strstr(md, "**Approval and sign-off**"));
    assert_non_null(strstr(md, "| Olga Owner | Director | 2026-01-10 |  |"));
    assert_non_null(strstr(md, "| Dan Deputy | For the board | — |  |"));
    /* the revision history, newest first */
    const char *second = strstr(md, "| 2.0 | 2026-01-01 | Olga Owner | Second |");
    const char *first = strstr(md, "| 1.0 | 2025-01-01 | — | First |");
    assert_non_null(second);
    assert_non_null(first);
    assert_true(second < first);
    /* the key facts: computed, as of the build's day */
    assert_non_null(strstr(md, "Computed from the plan on 2026-03-01"));
    assert_non_null(strstr(md, "| Most critical functions | Alpha: RTO 4 hours; Beta: RTO 48 hours |"));
    assert_non_null(strstr(md, "| Improvement items | Open: 2 · overdue: 1: Late fix (due 2026-01-31) |"));
    assert_non_null(strstr(md, "| Implementation milestones | Open: 1 · overdue: 1: Step (due 2026-02-01) |"));
    assert_non_null(strstr(md, "| Plan review | Next review due 2026-06-01 |"));

    const char *json = r.documents[BCP_DOC_JSON];
    assert_non_null(strstr(json, "\"classification\": \"restricted\""));
    assert_non_null(strstr(json, "\"as_of\": \"2026-03-01\""));
    assert_non_null(strstr(json, "\"approvals\": ["));

    const char *html = r.documents[BCP_DOC_HTML];
    assert_non_null(strstr(html, "@page{size:letter;"));
    assert_non_null(strstr(html, "content:\"Page \" counter(page) \" of \" counter(pages)"));
    /* plan text in a CSS string cannot end the string or the <style> element */
    assert_non_null(strstr(html, "content:\"Quote \\\" \\3c /style\\3e  plan · version 2.0\""));
    bcp_build_result_free(&r);

    setenv("SOURCE_DATE_EPOCH", "1780358400", 1); /* 2026-06-02 */
    assert_int_equal(bcp_build_file(path, &o, &r), BCP_OK);
    assert_non_null(strstr(r.documents[BCP_DOC_MARKDOWN], "| Plan review | Overdue: the review was due on 2026-06-01 |"));
    bcp_build_result_free(&r);

    o.paper = "a5";
    assert_int_equal(bcp_build_file(path, &o, &r), BCP_ERR_INVALID);
    assert_null(r.documents[BCP_DOC_HTML]);
    bcp_build_result_free(&r);
    unsetenv("SOURCE_DATE_EPOCH");
    unlink(path);
}

static void test_zh_cn(void **state)
{
    (void)state;
    char *path = write_plan();
    bcp_build_options o = {.lang = "zh-CN", .draft = true, .formats = 1u << BCP_DOC_HTML};
    bcp_build_result r;
    assert_int_equal(bcp_build_file(path, &o, &r), BCP_OK);
    const char *html = r.documents[BCP_DOC_HTML];
    assert_non_null(strstr(html, "@page{size:A4;"));
    assert_non_null(strstr(html, "content:\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""));
    assert_non_null(strstr(html, "审批与签署"));
    assert_non_null(strstr(html, "绝密"));
    bcp_build_result_free(&r);
    unlink(path);
}

static void test_no_renderer(void **state)
{
    (void)state;
    const char *old = getenv("PATH");
    char *saved = old ? strdup(old) : NULL;
    setenv("PATH", "/nonexistent-bcp-test", 1);
    assert_null(bcp_pdf_find_renderer());
    char *pdf = (char *)"x";
    size_t len = 7;
    assert_false(bcp_pdf_from_html("t.bcp", "<html></html>", 13, -1, &pdf, &len));
    assert_null(pdf);
    assert_int_equal(len, 0);
    if (saved) {
        setenv("PATH", saved, 1);
        free(saved);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_derived_open_items),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_zh_cn),
        cmocka_unit_test(test_no_renderer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
