/* serve13c (issue 13): bcp_build_options.cancel.  A build whose token is
 * tripped stops: BCP_ERR_CANCELLED and no documents (ASan: nothing of its
 * partial work leaks); the same token untripped, or none, builds as usual.
 * tests/serve/cancel.sh trips it mid-build through bcp serve's preview. */
#include <string.h>

#include "service_support.h"

static void build(const bcp_cancel *cancel, bcp_status want)
{
    bcp_build_options o = {.formats = (1u << BCP_DOC_HTML) | (1u << BCP_DOC_MARKDOWN), .draft = true,
                           .cancel = cancel};
    bcp_build_result r = {0};
    assert_int_equal(bcp_build_file("examples/minimal.bcp", &o, &r), want);
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++)
        if (want != BCP_OK || f == BCP_DOC_JSON)
            assert_null(r.documents[f]);
        else
            assert_non_null(r.documents[f]);
    bcp_build_result_free(&r);
}

static void test_build_cancel(void **state)
{
    (void)state;
    build(NULL, BCP_OK);
    bcp_cancel *token = bcp_cancel_new();
    build(token, BCP_OK);
    bcp_cancel_request(token);
    assert_true(bcp_cancel_requested(token));
    build(token, BCP_ERR_CANCELLED);
    bcp_cancel_free(token);
    build(NULL, BCP_OK);   /* nothing of the cancelled call stays on the thread */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_cancel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
