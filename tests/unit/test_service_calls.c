/* serve13b (issue 13): each call of the service carries its own state.
 *   - Limits per call: two threads check, at the same time, plans under two
 *     configurations with different `limits { }`; each sees only its own
 *     (with process-wide limits, the last configuration read won for both).
 *     In make tsan's list.
 *   - The configuration search of format and diff stops at the root: a
 *     bcpconfig.bcp above it whose limits would refuse every plan is never
 *     read.
 *   - Cancellation: a slow-by-construction check is stopped soon after its
 *     token is tripped (E326, BCP_ERR_CANCELLED), frees what it made (ASan),
 *     and the next call on the same service is served as usual. */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "service_support.h"
#include "test_tmp.h"

static char top[256];    /* holds a bcpconfig.bcp that must not be read, and root/ */
static char root[300];

/* config { limits { nesting = 1 } }: minimal.bcp's impact blocks (level 2) are refused (E012). */
static const char strict[] = "config {\n  limits { nesting = 1 }\n}\n";

static int setup(void **state)
{
    (void)state;
    test_tmp_path(top, sizeof top, "bcp-svc-calls-XXXXXX");
    assert_non_null(mkdtemp(top));
    snprintf(root, sizeof root, "%s/root", top);
    assert_int_equal(mkdir(root, 0755), 0);
    char path[512];
    snprintf(path, sizeof path, "%s/bcpconfig.bcp", top);
    write_text(path, strict);
    static const char *const dirs[] = {"strict", "plain"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        assert_int_equal(mkdir(path, 0755), 0);
        snprintf(path, sizeof path, "%s/%s/minimal.bcp", root, dirs[i]);
        copy_file("examples/minimal.bcp", path);
    }
    snprintf(path, sizeof path, "%s/strict/bcpconfig.bcp", root);
    write_text(path, strict);
    snprintf(path, sizeof path, "%s/minimal.bcp", root);
    copy_file("examples/minimal.bcp", path);
    snprintf(path, sizeof path, "%s/changed.bcp", root);
    copy_file("examples/minimal.bcp", path);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs("\nsite annex {\n  title = \"Annex\"\n  address = \"1 Side Street\"\n}\n", f);
    fclose(f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(top);
    return 0;
}

static size_t finding_count(json_t *doc, const char *code)
{
    size_t n = 0, i;
    json_t *f;
    json_array_foreach(json_object_get(doc, "findings"), i, f)
        if (strcmp(json_string_value(json_object_get(f, "code")), code) == 0)
            n++;
    return n;
}

/* ---------------------------------------------------------- limits per call */

typedef struct checker {
    const bcp_service *svc;
    const char *request;
    bool want_refused;     /* E012 expected (the strict configuration's nesting) */
    int rounds, wrong;
} checker;

static void *check_loop(void *arg)
{
    checker *k = arg;
    for (int i = 0; i < k->rounds; i++) {
        char *response = NULL;
        size_t length = 0;
        bcp_status s = bcp_service_call(k->svc, "check", k->request, strlen(k->request), &response, &length);
        json_t *doc = json_loadb(response, length, 0, NULL);
        bool refused = finding_count(doc, "E012") > 0;
        if (s != BCP_OK || refused != k->want_refused)
            k->wrong++;
        json_decref(doc);
        bcp_free(response);
    }
    return NULL;
}

static void test_limits_per_call(void **state)
{
    (void)state;
    bcp_service *svc = service_on(root, false);
    /* one at a time first: each plan under its own configuration */
    json_t *doc = call(svc, "check", "{\"path\":\"strict/minimal.bcp\"}", BCP_OK);
    assert_true(finding_count(doc, "E012") > 0);
    json_decref(doc);
    doc = call(svc, "check", "{\"path\":\"plain/minimal.bcp\"}", BCP_OK);
    assert_int_equal(finding_count(doc, "E012"), 0);
    json_decref(doc);
    /* then both at once, many times over */
    checker k[2] = {
        {svc, "{\"path\":\"strict/minimal.bcp\"}", true, 40, 0},
        {svc, "{\"path\":\"plain/minimal.bcp\"}", false, 40, 0},
    };
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&t[i], NULL, check_loop, &k[i]), 0);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(k[0].wrong, 0);
    assert_int_equal(k[1].wrong, 0);
    /* the calls left nothing behind on this thread */
    assert_int_equal(bcp_limit_get("nesting"), 100);
    bcp_service_free(svc);
}

/* ------------------------------------------- the configuration's ceiling */

static void test_format_and_diff_stay_under_the_root(void **state)
{
    (void)state;
    bcp_service *svc = service_on(root, false);
    /* (the strict configuration above the root would refuse these plans) */
    json_t *doc = call(svc, "format", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    assert_true(json_is_string(json_object_get(doc, "text")));
    json_decref(doc);
    char *text = read_text("examples/minimal.bcp");
    json_t *req = json_pack("{s:s, s:s}", "text", text, "name", "minimal.bcp");
    char *body = json_dumps(req, JSON_COMPACT);
    doc = call(svc, "format", body, BCP_OK);
    assert_false(json_is_true(json_object_get(doc, "changed")));
    json_decref(doc);
    free(body);
    json_decref(req);

    doc = call(svc, "diff", "{\"old\":\"minimal.bcp\",\"new\":\"changed.bcp\"}", BCP_OK);
    assert_true(json_is_true(json_object_get(doc, "differ")));
    json_decref(doc);
    req = json_pack("{s:s, s:s}", "old_text", text, "new_text", text);
    body = json_dumps(req, JSON_COMPACT);
    doc = call(svc, "diff", body, BCP_OK);
    assert_false(json_is_true(json_object_get(doc, "differ")));
    json_decref(doc);
    free(body);
    json_decref(req);
    free(text);

    /* inside the root, the same configuration is read (the test can fail) */
    doc = call(svc, "diff", "{\"old\":\"strict/minimal.bcp\",\"new\":\"strict/minimal.bcp\"}", BCP_ERR_PLAN);
    json_decref(doc);
    bcp_service_free(svc);
}

/* ------------------------------------------------------------ cancellation */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A plan slow by construction: 3,000 functions. */
static char *slow_request(void)
{
    char *example = read_text("examples/minimal.bcp");
    size_t cap = strlen(example) + 3000 * 160;
    char *plan = malloc(cap), *at = plan;
    at += sprintf(at, "%s", example);
    for (int i = 0; i < 3000; i++)
        at += sprintf(at, "function f%d {\n  title = \"Function %d\"\n  rto = 24h\n  owner = contact.owner\n"
                      "  needs = [system.email]\n}\n", i, i);
    json_t *req = json_pack("{s:s, s:s}", "text", plan, "name", "slow.bcp");
    char *body = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    free(plan);
    free(example);
    return body;
}

typedef struct cancelled_call {
    const bcp_service *svc;
    const char *request;
    const bcp_cancel *cancel;
    bcp_status status;
    char *response;
    double ended;
} cancelled_call;

static void *run_call(void *arg)
{
    cancelled_call *c = arg;
    c->status = bcp_service_call_cancellable(c->svc, "check", c->request, strlen(c->request), c->cancel,
                                             &c->response, NULL);
    c->ended = now_s();
    return NULL;
}

static void assert_cancelled(const cancelled_call *c)
{
    assert_int_equal(c->status, BCP_ERR_CANCELLED);
    json_t *doc = json_loads(c->response, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "error"), "code")), "E326");
    assert_null(json_object_get(doc, "findings"));
    json_decref(doc);
}

static void test_cancel(void **state)
{
    (void)state;
    bcp_service *svc = service_on(root, false);
    char *slow = slow_request();
    bcp_cancel *cancel = bcp_cancel_new();
    assert_false(bcp_cancel_requested(cancel));

    /* how long the slow check takes when nobody stops it */
    cancelled_call whole = {svc, slow, cancel, 0, NULL, 0};
    double start = now_s();
    run_call(&whole);
    double full = whole.ended - start;
    assert_int_equal(whole.status, BCP_OK);
    bcp_free(whole.response);

    /* tripped while it runs: it stops soon after, and says so */
    cancelled_call c = {svc, slow, cancel, 0, NULL, 0};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, run_call, &c), 0);
    usleep((useconds_t)(full * 1e6 / 10));
    double tripped = now_s();
    bcp_cancel_request(cancel);
    assert_true(bcp_cancel_requested(cancel));
    pthread_join(t, NULL);
    assert_cancelled(&c);
    double after = c.ended - tripped;
    print_message("serve13b: the slow check takes %.3f s; cancelled at %.3f s, it returned %.3f s later\n",
                  full, full / 10, after);
    assert_true(after < full / 2);
    bcp_free(c.response);

    /* a token tripped before the call: nothing runs */
    cancelled_call early = {svc, slow, cancel, 0, NULL, 0};
    start = now_s();
    run_call(&early);
    assert_cancelled(&early);
    assert_true(early.ended - start < full / 2);
    bcp_free(early.response);
    bcp_cancel_free(cancel);

    /* the next call on the same service is served as usual */
    json_t *doc = call(svc, "check", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    assert_true(json_is_array(json_object_get(doc, "findings")));
    json_decref(doc);
    /* and the library's own calls report a cancellation alike */
    assert_string_equal(bcp_status_string(BCP_ERR_CANCELLED), "cancelled");
    free(slow);
    bcp_service_free(svc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limits_per_call),
        cmocka_unit_test(test_format_and_diff_stay_under_the_root),
        cmocka_unit_test(test_cancel),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
