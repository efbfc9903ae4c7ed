/* What the service layer's unit tests share (test_service.c,
 * test_service_ops.c): a root holding copies of the examples, a service on
 * it, and calls whose status, response and error code are checked. */
#ifndef BCP_TEST_SERVICE_SUPPORT_H
#define BCP_TEST_SERVICE_SUPPORT_H
#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "test_support.h"

#include "bcp.h"

static inline void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    fclose(out);
}

static inline void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* rm -rf `dir` (a test's temporary folder). */
static inline void remove_tree(const char *dir)
{
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* The whole of a file (malloc'd, NUL-terminated). */
static inline char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *text = malloc((size_t)n + 1);
    assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
    text[n] = '\0';
    fclose(f);
    return text;
}

/* root/huadong/ (the four files of examples/huadong/) and root/minimal.bcp. */
static inline void copy_examples(const char *root)
{
    char path[512];
    snprintf(path, sizeof path, "%s/huadong", root);
    assert_int_equal(mkdir(path, 0755), 0);
    static const char *const huadong[] = {"plan.bcp", "contacts.bcp", "resources.bcp", "locale-en.bcp"};
    for (size_t i = 0; i < 4; i++) {
        char from[256];
        snprintf(from, sizeof from, "examples/huadong/%s", huadong[i]);
        snprintf(path, sizeof path, "%s/huadong/%s", root, huadong[i]);
        copy_file(from, path);
    }
    snprintf(path, sizeof path, "%s/minimal.bcp", root);
    copy_file("examples/minimal.bcp", path);
}

/* A service on `root`, checks as of 2026-12-01. */
static inline bcp_service *service_on(const char *root, bool allow_write)
{
    bcp_service_options o = {.root = root, .allow_write = allow_write, .today = "2026-12-01"};
    bcp_service *svc = bcp_service_new(&o);
    assert_non_null(svc);
    return svc;
}

/* Calls `op`; checks the status; returns the parsed response. */
static inline json_t *call(const bcp_service *svc, const char *op, const char *request, bcp_status expect)
{
    char *response = NULL;
    size_t length = 0;
    bcp_status s = bcp_service_call(svc, op, request, request ? strlen(request) : 0, &response, &length);
    assert_non_null(response);
    assert_int_equal(strlen(response), length);
    json_error_t err;
    json_t *doc = json_loadb(response, length, 0, &err);
    if (!doc || s != expect)
        fail_msg("%s %s: status %d (expected %d): %s", op, request ? request : "", s, expect, response);
    bcp_free(response);
    assert_true(json_is_object(doc));
    return doc;
}

/* A refused call: its error code and a message; with `diag`, a diagnostic
 * of that code among the error's. */
static inline void refused_with(const bcp_service *svc, const char *op, const char *request, bcp_status expect,
                                const char *code, const char *diag)
{
    json_t *doc = call(svc, op, request, expect);
    json_t *error = json_object_get(doc, "error");
    assert_non_null(error);
    assert_string_equal(json_string_value(json_object_get(error, "code")), code);
    assert_true(strlen(json_string_value(json_object_get(error, "message"))) > 10);
    bool found = !diag;
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(error, "diagnostics"), i, d) found =
        found || (json_string_value(json_object_get(d, "code")) &&
                  strcmp(json_string_value(json_object_get(d, "code")), diag) == 0);
    if (!found)
        fail_msg("%s %s: no diagnostic %s", op, request, diag);
    json_decref(doc);
}

#endif
