/* bcp serve: the JSON API under /v1/, each endpoint one operation of the
 * library's service (bcp_service_call); docs/openapi.yaml describes them. */
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
    "POST /v1/simulate",
    "POST /v1/graph",
    "POST /v1/readiness",
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
        {"E326", 504},   /* serve13b: cancelled at the time limit (the client already has E324) */
    };
    for (size_t i = 0; code && i < sizeof map / sizeof *map; i++)
        if (strcmp(map[i].code, code) == 0)
            return map[i].status;
    return 500;
}

/* Runs `op`; the reply is its response with 200, or its error with the
 * status above.  A success passes through as the service wrote it; only an
 * error is parsed, for its code. */
static void call(serve_state *st, const char *op, const char *body, size_t length, serve_reply *r)
{
    char *resp = NULL;
    size_t len = 0;
    bcp_status s = bcp_service_call_cancellable(serve_service(st), op, body, length, serve_job_cancel(), &resp, &len);
    if (s == BCP_OK) {
        serve_text(r, 200, "application/json", resp, len);
    } else {
        json_t *j = resp ? json_loadb(resp, len, 0, NULL) : NULL;
        const char *code = json_string_value(json_object_get(json_object_get(j, "error"), "code"));
        serve_text(r, status_of(code), "application/json", resp ? resp : "{}", resp ? len : 2);
        json_decref(j);
    }
    bcp_free(resp);
}

static void call_with(serve_state *st, const char *op, json_t *request, serve_reply *r)
{
    if (!request) {   /* a path segment that is not UTF-8 */
        serve_error(r, 400, "E300", "the path segment is not valid UTF-8");
        return;
    }
    char *text = json_dumps(request, JSON_COMPACT);
    json_decref(request);
    call(st, op, text ? text : "{}", text ? strlen(text) : 2, r);
    free(text);
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
        {"/v1/check", "check"},       {"/v1/build", "build"},   {"/v1/format", "format"},
        {"/v1/diff", "diff"},         {"/v1/simulate", "simulate"}, {"/v1/graph", "graph"},
        {"/v1/readiness", "readiness"},
    };
    for (size_t i = 0; i < sizeof posts / sizeof *posts; i++)
        if (strcmp(url, posts[i][0]) == 0) {
            if (!bad_method(method, "POST", r))
                call(st, posts[i][1], body, length, r);
            return;
        }
    if (strcmp(url, "/v1/plans") == 0) {
        if (!bad_method(method, "GET", r))
            call(st, "files", "{}", 2, r);
        return;
    }
    if (strcmp(url, "/v1/schema") == 0) {
        if (!bad_method(method, "GET", r))
            call(st, "schema", "{}", 2, r);
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
