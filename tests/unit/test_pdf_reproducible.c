#define _DEFAULT_SOURCE
/* Reproducible PDFs (issue 15): bcp_pdf_make_reproducible on the shapes
 * Chromium writes: the dates set from the epoch or removed, the structure
 * tree's node ids renumbered by rank (the /IDTree stays sorted), every
 * byte where it was (same length, the xref offsets unchanged); and
 * bcp_pdf_epoch's sources (SOURCE_DATE_EPOCH, the plan's reviewed date). */
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

#include "cli/pdf.h"
#include "test_tmp.h"

#define INFO(c, m) "1 0 obj\n<</Creator (Chromium)\n/CreationDate (" c ")\n/ModDate (" m ")>>\nendobj\n"
#define TREE(a, b, c)                                                                                        \
    "5 0 obj\n<</Type /StructElem /S /TH /ID (node" a ")>>\nendobj\n"                                        \
    "6 0 obj\n<</Type /StructElem /S /TD /A <</O /Table /Headers [(node" a ") (node" b ")]>>>>\nendobj\n"   \
    "7 0 obj\n<</Type /StructElem /S /TH /ID (node" b ")>>\nendobj\n"                                        \
    "8 0 obj\n<</Type /StructElem /S /TH /ID (node" c ")>>\nendobj\n"                                        \
    "9 0 obj\n<</Names [(node" a ") 5 0 R (node" b ") 7 0 R (node" c ") 8 0 R]>>\nendobj\n"

static char *copy_of(const char *s)
{
    char *d = malloc(strlen(s) + 1);
    strcpy(d, s);
    return d;
}

static void test_two_runs_become_identical(void **state)
{
    (void)state;
    char *a = copy_of("%PDF-1.4\n" INFO("D:20261204152327+00'00'", "D:20261204152327+00'00'")
                  TREE("00000189", "00000190", "00001406") "%%EOF\n");
    char *b = copy_of("%PDF-1.4\n" INFO("D:20261205093001+08'00'", "D:20261205093001+08'00'")
                  TREE("00000194", "00000195", "00001411") "%%EOF\n");
    size_t la = strlen(a), lb = strlen(b);
    long long epoch = 1788220800;   /* 2026-09-01 */
    assert_true(bcp_pdf_make_reproducible(a, la, epoch) > 0);
    assert_true(bcp_pdf_make_reproducible(b, lb, epoch) > 0);
    assert_int_equal(strlen(a), la);
    assert_string_equal(a, b);
    assert_non_null(strstr(a, "/CreationDate (D:20260901000000+00'00')"));
    assert_non_null(strstr(a, "/ModDate (D:20260901000000+00'00')"));
    /* ranks: the order, and the name tree's sorting, kept */
    assert_non_null(strstr(a, "[(node00000001) 5 0 R (node00000002) 7 0 R (node00000003) 8 0 R]"));
    assert_non_null(strstr(a, "/Headers [(node00000001) (node00000002)]"));
    /* a second pass changes nothing more */
    assert_int_equal(bcp_pdf_make_reproducible(a, la, epoch), 2);   /* the two dates, rewritten alike */
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_no_epoch_removes_the_dates(void **state)
{
    (void)state;
    char *a = copy_of("%PDF-1.4\n" INFO("D:20261204152327+00'00'", "D:2026") "%%EOF\n");
    size_t la = strlen(a);
    assert_int_equal(bcp_pdf_make_reproducible(a, la, -1), 2);
    assert_int_equal(strlen(a), la);
    assert_null(strstr(a, "CreationDate"));
    assert_null(strstr(a, "ModDate"));
    assert_null(strstr(a, "2026"));
    assert_non_null(strstr(a, "/Creator (Chromium)"));
    free(a);
    /* a date that would not fit its bytes ("D:2026") is removed, not grown */
    char *b = copy_of(INFO("D:2026", "D:20261204152327+00'00'"));
    size_t lb = strlen(b);
    bcp_pdf_make_reproducible(b, lb, 0);
    assert_int_equal(strlen(b), lb);
    assert_null(strstr(b, "D:2026)"));
    assert_non_null(strstr(b, "/ModDate (D:19700101000000+00'00')"));
    free(b);
}

static void test_leaves_other_strings(void **state)
{
    (void)state;
    char *a = copy_of("(node123) (node0000001x) (nodes) (node000000012) /ID (node00000007)");
    size_t la = strlen(a);
    assert_int_equal(bcp_pdf_make_reproducible(a, la, -1), 1);
    assert_string_equal(a, "(node123) (node0000001x) (nodes) (node000000012) /ID (node00000001)");
    /* a truncated tail is not read past */
    char tail[] = "/ID (node0000";
    assert_int_equal(bcp_pdf_make_reproducible(tail, strlen(tail), -1), 0);
    char date_tail[] = "/ModDate (D:2026";
    assert_int_equal(bcp_pdf_make_reproducible(date_tail, strlen(date_tail), 5), 0);
    free(a);
}

static void test_epoch_sources(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-pdf-epoch-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[600];
    snprintf(path, sizeof path, "%s/plan.bcp", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("plan p {\n  title = \"P\"\n  reviewed = 2026-09-01\n}\n", f);
    fclose(f);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_int_equal(bcp_pdf_epoch(path, NULL), 1788220800LL);
    setenv("SOURCE_DATE_EPOCH", "86400", 1);
    assert_int_equal(bcp_pdf_epoch(path, NULL), 86400);
    setenv("SOURCE_DATE_EPOCH", "soon", 1);   /* not a number: the plan's date */
    assert_int_equal(bcp_pdf_epoch(path, NULL), 1788220800LL);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_int_equal(bcp_pdf_epoch("-", NULL), -1);
    f = fopen(path, "w");
    fputs("plan p {\n  title = \"P\"\n}\n", f);
    fclose(f);
    assert_int_equal(bcp_pdf_epoch(path, NULL), -1);
    remove(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_runs_become_identical),
        cmocka_unit_test(test_no_epoch_removes_the_dates),
        cmocka_unit_test(test_leaves_other_strings),
        cmocka_unit_test(test_epoch_sources),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
