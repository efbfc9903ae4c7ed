/* bcp serve: the JSON API under /v1/, each endpoint one operation of the
 * library's service (bcp_service_call); docs/openapi.yaml describes them.
 * The one thing the service does not return, a plan's HTML document, comes
 * from bcp_build_file after the service has built (and so checked) the plan. */
#include "serve.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const routes[] = {
    "POST /v1/check",
    "POST /v1/build",
    "POST /v1/format",
    "POST /v1/diff",
    "GET /v1/explain/{code}",
    "GET /v1/schema",
    "GET /v1/schema/{kind}",
    "GET /v1/plans",
};

const char *serve_api_route(size_t i)
{
    return i < sizeof routes / sizeof *routes ? routes[i] : NULL;
}

/* The HTTP status of a service error code (docs/openapi.yaml, "errors"). */
static unsigned status_of(const char *code)
{
    static const struct { const char *code; unsigned status; } map[] = {
        {"E300", 400}, {"E301", 404}, {"E302", 403}, {"E303", 413},
        {"E304", 403}, {"E305", 404}, {"E306", 400}, {"E307", 422},
    };
    for (size_t i = 0; code && i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i].code, code) == 0)
            return map[i].status;
    return 500;
}

/* Runs `op`; the reply is its response with 200, or its error with the status above.
 * With `want`, returns the parsed response on success (the caller owns it), else NULL. */
static json_t *call(serve_state *st, const char *op, const char *body, size_t length, serve_reply *r, bool want)
{
    char *resp = NULL;
    size_t len = 0;
    bcp_status s = bcp_service_call(serve_service(st), op, body, length, &resp, &len);
    /* Parsed only for an error's code or a caller that reads it (build_html):
     * a check's findings pass through as the service wrote them. */
    json_t *j = resp && (s != BCP_OK || want) ? json_loadb(resp, len, 0, NULL) : NULL;
    if (s == BCP_OK) {
        if (r)
            serve_text(r, 200, "application/json", resp, len);
    } else if (r) {
        const char *code = json_string_value(json_object_get(json_object_get(j, "error"), "code"));
        serve_text(r, status_of(code), "application/json", resp ? resp : "{}", resp ? len : 2);
        json_decref(j);
        j = NULL;
    } else {
        json_decref(j);
        j = NULL;
    }
    bcp_free(resp);
    return j;
}

static void call_with(serve_state *st, const char *op, json_t *request, serve_reply *r)
{
    if (!request) {   /* a path segment that is not UTF-8 */
        serve_error(r, 400, "E300", "the path segment is not valid UTF-8");
        return;
    }
    char *text = json_dumps(request, JSON_COMPACT);
    json_decref(request);
    json_decref(call(st, op, text ? text : "{}", text ? strlen(text) : 2, r, false));
    free(text);
}

/* POST /v1/build with "format": "html": the service builds Markdown (the
 * checks, the path inside the root, the findings), then the HTML. */
static void build_html(serve_state *st, json_t *req, serve_reply *r)
{
    const char *path = json_string_value(json_object_get(req, "path"));
    if (!path) {
        serve_error(r, 400, "E323", "an HTML document is built from a plan under the served folder: "
                                    "give \"path\" (text is built to markdown or json)");
        return;
    }
    json_object_set_new(req, "format", json_string("markdown"));
    char *text = json_dumps(req, JSON_COMPACT);
    json_t *resp = call(st, "build", text ? text : "{}", text ? strlen(text) : 2, r, true);
    free(text);
    if (!resp)
        return;   /* r holds the service's error */
    bcp_free(r->body);
    r->body = NULL;
    json_t *draft = json_object_get(req, "draft");
    bcp_build_options o = {0};
    o.stdlib_dir = serve_cfg(st)->stdlib_dir;
    o.lang = json_string_value(json_object_get(resp, "lang"));
    o.formats = 1u << BCP_DOC_HTML;
    o.draft = json_is_true(draft);
    size_t n = strlen(serve_root(st)) + strlen(path) + 2;
    char *full = bcp_malloc(n);
    snprintf(full, n, "%s/%s", serve_root(st), path);
    bcp_build_result b = {0};
    bcp_status s = bcp_build_file(full, &o, &b);
    bcp_free(full);
    if (s != BCP_OK || !b.documents[BCP_DOC_HTML]) {
        serve_error(r, 422, "E307", "the plan could not be built to HTML");
    } else {
        json_object_set_new(resp, "format", json_string("html"));
        json_object_set_new(resp, "document", json_stringn(b.documents[BCP_DOC_HTML], b.lengths[BCP_DOC_HTML]));
        char *out = json_dumps(resp, JSON_COMPACT);
        serve_text(r, 200, "application/json", out ? out : "{}", out ? strlen(out) : 2);
        free(out);
    }
    bcp_build_result_free(&b);
    json_decref(resp);
}

static bool bad_method(const char *method, const char *want, serve_reply *r)
{
    if (strcmp(method, want) == 0)
        return false;
    serve_error(r, 405, "E321", strcmp(want, "GET") == 0 ? "this endpoint takes GET" : "this endpoint takes POST");
    return true;
}

/* One path segment after `prefix`: non-empty, no further '/'. */
static const char *segment(const char *url, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(url, prefix, n) != 0 || !url[n] || strchr(url + n, '/'))
        return NULL;
    return url + n;
}

void serve_api(serve_state *st, const char *method, const char *url, const char *body,
               size_t length, serve_reply *r)
{
    static const char *const posts[][2] = {
        {"/v1/check", "check"}, {"/v1/format", "format"}, {"/v1/diff", "diff"},
    };
    for (size_t i = 0; i < sizeof posts / sizeof *posts; i++)
        if (strcmp(url, posts[i][0]) == 0) {
            if (!bad_method(method, "POST", r))
                json_decref(call(st, posts[i][1], body, length, r, false));
            return;
        }
    if (strcmp(url, "/v1/build") == 0) {
        if (bad_method(method, "POST", r))
            return;
        json_t *req = json_loadb(body, length, 0, NULL);
        const char *format = json_string_value(json_object_get(req, "format"));
        if (json_is_object(req) && format && strcmp(format, "html") == 0)
            build_html(st, req, r);
        else
            json_decref(call(st, "build", body, length, r, false));
        json_decref(req);
        return;
    }
    if (strcmp(url, "/v1/plans") == 0) {
        if (!bad_method(method, "GET", r))
            json_decref(call(st, "files", "{}", 2, r, false));
        return;
    }
    if (strcmp(url, "/v1/schema") == 0) {
        if (!bad_method(method, "GET", r))
            json_decref(call(st, "schema", "{}", 2, r, false));
        return;
    }
    const char *kind = segment(url, "/v1/schema/"), *code = segment(url, "/v1/explain/");
    if (kind || code) {
        if (!bad_method(method, "GET", r))
            call_with(st, kind ? "schema" : "explain", json_pack("{s:s}", kind ? "kind" : "code", kind ? kind : code), r);
        return;
    }
    serve_error(r, 404, "E320", "no such endpoint (docs/openapi.yaml lists them)");
}
