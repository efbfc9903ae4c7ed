/* The JSON operations layer (compiler/api/service.c): every operation on a
 * root holding copies of the examples, and every way a request is refused
 * (escape through .., an absolute path, a symbolic link; oversized input; bad
 * JSON; an unknown operation or argument; a write without allow_write).
 * Run from the repository root (as `make unit` does). */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "service_support.h"
#include "test_tmp.h"

static char root[256];
static char outside[600];

static int setup(void **state)
{
    (void)state;
    test_tmp_path(root, sizeof root, "bcp-service-XXXXXX");
    assert_non_null(mkdtemp(root));
    /* Beside the root, named without "..": teardown removes the root first,
     * after which ROOT/../NAME no longer resolves (every run used to leave
     * this file behind). */
    char name[300];
    snprintf(name, sizeof name, "%s-outside.bcp", strrchr(root, '/') + 1);
    test_tmp_path(outside, sizeof outside, name);
    copy_examples(root);
    char path[512];
    /* a plan outside the root, and a link to it inside */
    write_text(outside, "plan secret {\n  title = \"Outside\"\n}\n");
    snprintf(path, sizeof path, "%s/link.bcp", root);
    assert_int_equal(symlink(outside, path), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' '%s'", root, outside);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static bcp_service *service(bool allow_write)
{
    return service_on(root, allow_write);
}

static void refused(const bcp_service *svc, const char *op, const char *request, bcp_status expect,
                    const char *code)
{
    refused_with(svc, op, request, expect, code, NULL);
}

static size_t count_dir(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

static void test_new_refuses_a_missing_root(void **state)
{
    (void)state;
    bcp_service_options o = {.root = "/no/such/folder"};
    assert_null(bcp_service_new(&o));
    bcp_service *svc = service(false);
    char real[PATH_MAX];
    assert_non_null(realpath(root, real));
    assert_string_equal(bcp_service_root(svc), real);
    bcp_service_free(svc);
    bcp_service_free(NULL);
}

static void test_ops_and_schemas(void **state)
{
    (void)state;
    assert_int_equal(bcp_service_op_count(), 12);
    for (size_t i = 0; i < bcp_service_op_count(); i++) {
        const char *op = bcp_service_op_name(i);
        assert_non_null(bcp_service_op_summary(op));
        const char *schemas[2] = {bcp_service_input_schema(op), bcp_service_output_schema(op)};
        for (int k = 0; k < 2; k++) {
            json_error_t err;
            json_t *s = json_loads(schemas[k], 0, &err);
            if (!s)
                fail_msg("%s schema %d: %s at %d", op, k, err.text, err.position);
            assert_string_equal(json_string_value(json_object_get(s, "type")), "object");
            json_decref(s);
        }
    }
    assert_null(bcp_service_op_name(12));
    assert_null(bcp_service_input_schema("nope"));
}

/* check gives what bcp_check_paths gives, paths relative to the root. */
static void test_check(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "check", "{\"path\":\"minimal.bcp\"}", BCP_OK);
    json_t *findings = json_object_get(doc, "findings");
    assert_true(json_array_size(findings) > 0);
    char path[512];
    snprintf(path, sizeof path, "%s/minimal.bcp", root);
    const char *p = path;
    bcp_check_options co = {.today = "2026-12-01"};
    bcp_diagnostics *expect, *problems;
    assert_int_equal(bcp_check_paths(&p, 1, &co, &expect, &problems), BCP_OK);
    assert_int_equal(json_array_size(findings), bcp_diagnostics_count(expect));
    json_t *f0 = json_array_get(findings, 0);
    assert_string_equal(json_string_value(json_object_get(f0, "file")), "minimal.bcp");
    assert_string_equal(json_string_value(json_object_get(f0, "code")), bcp_diagnostics_get(expect, 0)->code);
    assert_int_equal(json_integer_value(json_object_get(f0, "line")), bcp_diagnostics_get(expect, 0)->location.line);
    char url[64];
    snprintf(url, sizeof url, "bcp://rules/%s", bcp_diagnostics_get(expect, 0)->code);
    assert_string_equal(json_string_value(json_object_get(f0, "docs_url")), url);
    bcp_diagnostics_free(expect);
    bcp_diagnostics_free(problems);
    json_decref(doc);

    doc = call(svc, "check", "{\"path\":\"huadong/plan.bcp\"}", BCP_OK);
    assert_int_equal(json_integer_value(json_object_get(doc, "errors")), 0);
    json_decref(doc);

    /* inline text: a wrong type is E103 at its line and column, with a fix-it somewhere */
    doc = call(svc, "check", "{\"text\":\"plan p {\\n  title = \\\"P\\\"\\n  organization = 3\\n}\\n\"}", BCP_OK);
    findings = json_object_get(doc, "findings");
    bool found = false;
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f) {
        if (strcmp(json_string_value(json_object_get(f, "code")), "E103") == 0) {
            found = true;
            assert_string_equal(json_string_value(json_object_get(f, "file")), "inline.bcp");
            assert_int_equal(json_integer_value(json_object_get(f, "line")), 3);
            assert_int_equal(json_integer_value(json_object_get(f, "column")), 18);
        }
    }
    assert_true(found);
    assert_true(json_integer_value(json_object_get(doc, "errors")) >= 1);
    json_decref(doc);

    /* a fix-it comes through */
    doc = call(svc, "check", "{\"text\":\"plan p {\\n  title = \\\"P\\\"\\n  organization = \\\"O\\\"\\n  review_every = 6 months\\n}\\n\"}",
               BCP_OK);
    json_decref(doc);
    /* selectors: an unknown one is a bad request */
    refused(svc, "check", "{\"path\":\"minimal.bcp\",\"select\":[\"no-such-rule\"]}", BCP_ERR_INVALID, "E300");
    doc = call(svc, "check", "{\"path\":\"minimal.bcp\",\"no_lint\":true}", BCP_OK);
    assert_int_equal(json_array_size(json_object_get(doc, "findings")), 0);
    json_decref(doc);
    bcp_service_free(svc);
}

static void test_build(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"lang\":\"en\"}", BCP_OK);
    const char *md = json_string_value(json_object_get(doc, "document"));
    assert_non_null(md);
    assert_non_null(strstr(md, "# "));
    assert_string_equal(json_string_value(json_object_get(doc, "lang")), "en");
    assert_true(strlen(json_string_value(json_object_get(doc, "name"))) > 0);
    json_decref(doc);
    doc = call(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"json\"}", BCP_OK);
    json_t *inner = json_loads(json_string_value(json_object_get(doc, "document")), 0, NULL);
    assert_non_null(inner);
    json_decref(inner);
    json_decref(doc);
    /* html comes inline; it goes to a file only with `output` and writes allowed */
    doc = call(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"html\"}", BCP_OK);
    assert_non_null(strstr(json_string_value(json_object_get(doc, "document")), "<html"));
    assert_null(json_object_get(doc, "written"));
    json_decref(doc);
    size_t before = count_dir(root);
    refused(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"html\",\"output\":\"plan.html\"}",
            BCP_ERR_INVALID, "E304");
    assert_int_equal(count_dir(root), before);
    refused(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"pdf\"}", BCP_ERR_INVALID, "E300");
    /* a plan with errors is not built, and says why */
    refused(svc, "build", "{\"text\":\"plan p {\\n  title = 3\\n}\\n\"}", BCP_ERR_PLAN, "E307");
    bcp_service_free(svc);

    svc = service(true);
    doc = call(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"html\",\"output\":\"out.html\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "written")), "out.html");
    json_decref(doc);
    char path[512];
    snprintf(path, sizeof path, "%s/out.html", root);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(st.st_size > 1000);
    unlink(path);
    /* not through a link, not outside */
    refused(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"html\",\"output\":\"link.bcp\"}",
            BCP_ERR_NOT_FOUND, "E302");
    refused(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"html\",\"output\":\"../x.html\"}",
            BCP_ERR_NOT_FOUND, "E302");
    refused(svc, "build", "{\"path\":\"huadong/plan.bcp\",\"format\":\"html\",\"output\":\"/tmp/x.html\"}",
            BCP_ERR_NOT_FOUND, "E302");
    bcp_service_free(svc);
}

static void test_init(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "init", "{\"industry\":\"manufacturing\",\"size\":\"small\",\"sites\":[\"Shanghai\"],"
                                    "\"lang\":\"zh-CN\"}", BCP_OK);
    const char *text = json_string_value(json_object_get(doc, "text"));
    assert_non_null(strstr(text, "plan "));
    assert_non_null(strstr(text, "region"));
    /* the starter plan parses */
    json_t *req = json_pack("{s:s}", "text", text);
    char *r = json_dumps(req, 0);
    json_t *checked = call(svc, "check", r, BCP_OK);
    assert_false(json_is_true(json_object_get(checked, "syntax_errors")));
    json_decref(checked);
    free(r);
    json_decref(req);
    json_decref(doc);
    refused(svc, "init", "{\"industry\":\"no-such-industry\"}", BCP_ERR_INVALID, "E300");
    refused(svc, "init", "{}", BCP_ERR_INVALID, "E300");
    refused(svc, "init", "{\"industry\":\"manufacturing\",\"output\":\"new.bcp\"}", BCP_ERR_INVALID, "E304");
    bcp_service_free(svc);
    svc = service(true);
    doc = call(svc, "init", "{\"industry\":\"retail\",\"output\":\"new.bcp\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "written")), "new.bcp");
    json_decref(doc);
    refused(svc, "init", "{\"industry\":\"retail\",\"output\":\"new.bcp\"}", BCP_ERR_INVALID, "E304");
    char path[512];
    snprintf(path, sizeof path, "%s/new.bcp", root);
    assert_int_equal(unlink(path), 0);
    bcp_service_free(svc);
}

static void test_explain_schema(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "explain", "{\"code\":\"E103\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "name")), "wrong-type");
    assert_non_null(strstr(json_string_value(json_object_get(doc, "markdown")), "E103"));
    json_decref(doc);
    refused(svc, "explain", "{\"code\":\"Z999\"}", BCP_ERR_PLAN, "E307");
    refused(svc, "explain", "{\"code\":3}", BCP_ERR_INVALID, "E300");

    doc = call(svc, "schema", NULL, BCP_OK);
    assert_int_equal(json_array_size(json_object_get(doc, "kinds")), bcp_kind_total());
    json_decref(doc);
    doc = call(svc, "schema", "{\"kind\":\"function\"}", BCP_OK);
    assert_true(json_array_size(json_object_get(json_object_get(doc, "kind"), "attributes")) > 3);
    json_decref(doc);
    doc = call(svc, "schema", "{\"kind\":\"function\",\"attribute\":\"rto\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "attribute"), "type")), "duration");
    json_decref(doc);
    doc = call(svc, "schema", "{\"markdown\":true}", BCP_OK);
    assert_non_null(strstr(json_string_value(json_object_get(doc, "markdown")), "function"));
    json_decref(doc);
    refused(svc, "schema", "{\"kind\":\"nope\"}", BCP_ERR_PLAN, "E307");
    refused(svc, "schema", "{\"attribute\":\"rto\"}", BCP_ERR_INVALID, "E300");
    bcp_service_free(svc);
}

static void test_format(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "format", "{\"text\":\"plan p {\\ntitle=\\\"P\\\"\\n}\\n\"}", BCP_OK);
    assert_true(json_is_true(json_object_get(doc, "changed")));
    assert_string_equal(json_string_value(json_object_get(doc, "text")), "plan p {\n  title = \"P\"\n}\n");
    json_decref(doc);
    doc = call(svc, "format", "{\"path\":\"huadong/plan.bcp\"}", BCP_OK);
    assert_non_null(json_object_get(doc, "changed"));
    json_decref(doc);
    refused(svc, "format", "{\"text\":\"plan p {\\n\"}", BCP_ERR_PLAN, "E307");
    refused(svc, "format", "{\"path\":\"minimal.bcp\",\"write\":true}", BCP_ERR_INVALID, "E304");
    bcp_service_free(svc);
    svc = service(true);
    char path[512];
    snprintf(path, sizeof path, "%s/messy.bcp", root);
    write_text(path, "plan p {\ntitle=\"P\"\n}\n");
    doc = call(svc, "format", "{\"path\":\"messy.bcp\",\"write\":true}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "written")), "messy.bcp");
    json_decref(doc);
    doc = call(svc, "read", "{\"path\":\"messy.bcp\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "text")), "plan p {\n  title = \"P\"\n}\n");
    json_decref(doc);
    unlink(path);
    bcp_service_free(svc);
}

static bcp_status fake_git(void *user, const char *dir, const char *path, const char *revision, char **text,
                           size_t *length, char **error)
{
    (void)dir;
    (void)user;
    if (strcmp(revision, "HEAD") != 0 || strcmp(path, "old/plan.bcp") != 0) {
        *error = bcp_malloc(32);
        strcpy(*error, "unknown revision");
        return BCP_ERR_NOT_FOUND;
    }
    const char *old = "plan p {\n  title = \"P\"\n}\nfunction f {\n  title = \"F\"\n  rto = 4h\n}\n";
    *length = strlen(old);
    *text = bcp_malloc(*length + 1);
    memcpy(*text, old, *length + 1);
    return BCP_OK;
}

static void test_diff(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "diff",
                       "{\"old_text\":\"plan p {\\n  title = \\\"P\\\"\\n}\\nfunction f {\\n  title = \\\"F\\\"\\n  rto = 4h\\n}\\n\","
                       "\"new_text\":\"plan p {\\n  title = \\\"P\\\"\\n}\\nfunction f {\\n  title = \\\"F\\\"\\n  rto = 48h\\n}\\n\"}",
                       BCP_OK);
    assert_true(json_is_true(json_object_get(doc, "differ")));
    json_t *weak = json_object_get(doc, "weakening");
    assert_int_equal(json_array_size(weak), 1);
    assert_non_null(strstr(json_string_value(json_array_get(weak, 0)), "RTO"));
    json_decref(doc);
    doc = call(svc, "diff", "{\"old\":\"minimal.bcp\",\"new\":\"minimal.bcp\"}", BCP_OK);
    assert_false(json_is_true(json_object_get(doc, "differ")));
    json_decref(doc);
    refused(svc, "diff", "{\"old\":\"minimal.bcp\"}", BCP_ERR_INVALID, "E300");
    refused(svc, "diff", "{\"path\":\"minimal.bcp\",\"revision\":\"HEAD\"}", BCP_ERR_IO, "E306");
    refused(svc, "diff", "{\"path\":\"minimal.bcp\",\"revision\":\"--output=/tmp/x\"}", BCP_ERR_INVALID, "E300");
    bcp_service_free(svc);

    char dir[512];
    snprintf(dir, sizeof dir, "%s/old", root);
    mkdir(dir, 0755);
    char path[600];
    snprintf(path, sizeof path, "%s/plan.bcp", dir);
    write_text(path, "plan p {\n  title = \"P\"\n}\n");
    bcp_service_options o = {.root = root, .read_revision = fake_git};
    svc = bcp_service_new(&o);
    doc = call(svc, "diff", "{\"path\":\"old/plan.bcp\",\"revision\":\"HEAD\"}", BCP_OK);
    assert_true(json_is_true(json_object_get(doc, "differ")));
    assert_non_null(strstr(json_string_value(json_object_get(doc, "text")), "function.f"));
    assert_non_null(strstr(json_string_value(json_object_get(doc, "text")), "old/plan.bcp@HEAD"));
    json_decref(doc);
    refused(svc, "diff", "{\"path\":\"old/plan.bcp\",\"revision\":\"v9\"}", BCP_ERR_IO, "E306");
    bcp_service_free(svc);
    unlink(path);
    rmdir(dir);
}

static void test_files_read(void **state)
{
    (void)state;
    bcp_service *svc = service(false);
    json_t *doc = call(svc, "files", "{}", BCP_OK);
    json_t *files = json_object_get(doc, "files");
    bool huadong = false, link = false;
    size_t i;
    json_t *f;
    json_array_foreach(files, i, f) {
        huadong |= strcmp(json_string_value(f), "huadong/plan.bcp") == 0;
        link |= strcmp(json_string_value(f), "link.bcp") == 0;
    }
    assert_true(huadong);
    assert_false(link);   /* it leads outside */
    json_decref(doc);
    doc = call(svc, "read", "{\"path\":\"./huadong/../minimal.bcp\"}", BCP_OK);
    assert_string_equal(json_string_value(json_object_get(doc, "path")), "minimal.bcp");
    json_decref(doc);
    bcp_service_free(svc);
}

/* Nothing outside the root is read: .., an absolute path, a link. */
static void test_escapes(void **state)
{
    (void)state;
    bcp_service *svc = service(true);
    const char *ops[] = {"check", "build", "format", "read"};
    for (size_t i = 0; i < 4; i++) {
        char req[1024];
        snprintf(req, sizeof req, "{\"path\":\"../%s\"}", strrchr(outside, '/') + 1);
        refused(svc, ops[i], req, BCP_ERR_NOT_FOUND, "E302");
        snprintf(req, sizeof req, "{\"path\":\"huadong/../../%s\"}", strrchr(outside, '/') + 1);
        refused(svc, ops[i], req, BCP_ERR_NOT_FOUND, "E302");
        refused(svc, ops[i], "{\"path\":\"/etc/passwd\"}", BCP_ERR_NOT_FOUND, "E302");
        refused(svc, ops[i], "{\"path\":\"link.bcp\"}", BCP_ERR_NOT_FOUND, "E302");
        refused(svc, ops[i], "{\"path\":\"missing.bcp\"}", BCP_ERR_NOT_FOUND, "E305");
    }
    refused(svc, "diff", "{\"old\":\"link.bcp\",\"new\":\"minimal.bcp\"}", BCP_ERR_NOT_FOUND, "E302");
    refused(svc, "check", "{\"text\":\"plan p {}\",\"name\":\"../x.bcp\"}", BCP_ERR_INVALID, "E300");
    /* an absolute path inside the root is fine */
    char req[600];
    snprintf(req, sizeof req, "{\"path\":\"%s/minimal.bcp\"}", root);
    json_decref(call(svc, "check", req, BCP_OK));
    bcp_service_free(svc);
}

static void test_bad_requests(void **state)
{
    (void)state;
    bcp_service_options o = {.root = root, .max_request = 1 << 20, .max_file = 4096};
    bcp_service *svc = bcp_service_new(&o);
    refused(svc, "check", "{\"path\":", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "[1,2]", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "{\"path\":\"a\",\"path\":\"b\"}", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "{\"path\":3}", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "{}", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "{\"path\":\"minimal.bcp\",\"text\":\"x\"}", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "{\"path\":\"minimal.bcp\",\"colour\":1}", BCP_ERR_INVALID, "E300");
    refused(svc, "check", "{\"path\":\"a\\u0000b\"}", BCP_ERR_INVALID, "E300");
    refused(svc, "launch", "{}", BCP_ERR_INVALID, "E301");
    refused(svc, NULL, "{}", BCP_ERR_INVALID, "E301");
    /* too large: the request, an inline text, a file */
    size_t big = (1 << 20) + 10;
    char *request = malloc(big + 1);
    memset(request, ' ', big);
    request[big] = '\0';
    char *response;
    assert_int_equal(bcp_service_call(svc, "check", request, big, &response, NULL), BCP_ERR_INVALID);
    assert_non_null(strstr(response, "E303"));
    bcp_free(response);
    size_t text_len = 5000;
    snprintf(request, big, "{\"text\":\"");
    memset(request + 9, '#', text_len);
    strcpy(request + 9 + text_len, "\"}");
    refused(svc, "check", request, BCP_ERR_INVALID, "E303");
    free(request);
    refused(svc, "check", "{\"path\":\"huadong/plan.bcp\"}", BCP_ERR_INVALID, "E303");
    bcp_service_free(svc);
    /* no service */
    assert_int_equal(bcp_service_call(NULL, "check", "{}", 2, &response, NULL), BCP_ERR_INVALID);
    bcp_free(response);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_refuses_a_missing_root),
        cmocka_unit_test(test_ops_and_schemas),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_build),
        cmocka_unit_test(test_init),
        cmocka_unit_test(test_explain_schema),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_diff),
        cmocka_unit_test(test_files_read),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_bad_requests),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
