/* bcp mcp: JSON-RPC 2.0 over stdio, one message per line (the MCP stdio
 * transport), for the Model Context Protocol revisions 2025-06-18 (current),
 * 2025-03-26 and 2024-11-05.
 *
 *   tools      check, build, init, explain, schema, format, diff, simulate,
 *              graph, readiness: each a
 *              service operation (bcp_service_call), with its input and
 *              output JSON Schema; results carry structuredContent and the
 *              same JSON as text; a refused call is an isError result whose
 *              text says what to change.
 *   resources  bcp://docs/language (the language reference), bcp://rules/CODE
 *              (each code's page), bcp://stdlib/PATH (the standard library),
 *              bcp://plans/PATH (the .bcp files under the root).
 *   prompts    draft-plan and review-plan, in en and zh-CN.
 *
 * Malformed messages get the JSON-RPC errors: -32700 (not JSON), -32600 (not
 * a request, or the id of a tool call still in progress), -32601 (no such
 * method), -32602 (bad params, unknown tool or prompt); an unknown resource
 * is -32002; -32000 when too many tool calls wait.
 *
 * This file runs on the thread that reads the input and answers all but
 * tools/call itself; a tool call goes to the worker (work.c), which answers
 * it with mcp_tool_answer unless notifications/cancelled or the end of input
 * stops it first. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mcp.h"

#define LATEST_VERSION "2025-06-18"
static const char *const versions[] = {"2025-06-18", "2025-03-26", "2024-11-05"};

/* The service operations offered as tools (files and read are resources). */
static const char *const tool_names[] = {"check", "build", "init", "explain", "schema", "format", "diff",
                                         "simulate", "graph", "readiness"};
#define TOOL_COUNT (sizeof tool_names / sizeof *tool_names)
static const char *const tool_titles[] = {"Check a plan", "Build the plan document", "Start a plan",
                                          "Explain a code", "Language schema", "Format a plan", "Diff two plans",
                                          "Simulate a loss", "Dependency graph", "Readiness score"};

typedef struct mcp_server {
    bcp_service *svc;
    mcp_work *work;             /* the tool calls' worker and the writer (work.c) */
    bool initialized;
    const char *version;        /* negotiated */
    bool allow_write;
    size_t max_bytes;
} mcp_server;

/* ------------------------------------------------------------- messages */

/* The JSON-RPC response to `id` carrying `result` (taken). */
static json_t *result_message(json_t *id, json_t *result)
{
    return json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result", result);
}

static json_t *error_message(json_t *id, int code, const char *message, json_t *data)
{
    json_t *err = json_pack("{s:i,s:s}", "code", code, "message", message);
    if (data)
        json_object_set_new(err, "data", data);
    return json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error", err);
}

static void send_result(mcp_server *s, json_t *id, json_t *result)
{
    mcp_work_send(s->work, result_message(id, result));
}

static void send_error(mcp_server *s, json_t *id, int code, const char *message, json_t *data)
{
    mcp_work_send(s->work, error_message(id, code, message, data));
}

static bool modern(const mcp_server *s)
{
    return strcmp(s->version, "2025-06-18") == 0;
}

/* -------------------------------------------------------------- prompts */

/* The prompts' prose of one language, from stdlib/locale/<lang>/mcp.bcp,
 * loaded as a module in a workspace of its own. */
typedef struct prose {
    bcp_workspace *ws;
    bcp_plan *plan;
} prose;

static bool prose_load(prose *p, const char *lang)
{
    char stdlib_path[64];
    snprintf(stdlib_path, sizeof stdlib_path, "locale/%s/mcp.bcp", lang);
    size_t length;
    const char *text = bcp_stdlib_text(stdlib_path, &length);
    p->ws = NULL;
    p->plan = NULL;
    if (!text)
        return false;
    p->ws = bcp_workspace_new(NULL);
    char name[96];
    snprintf(name, sizeof name, "/nonexistent/bcp-mcp/%s.bcp", lang);
    return bcp_document_open(p->ws, name, text, length) == BCP_OK &&
           bcp_workspace_load(p->ws, name, &p->plan) == BCP_OK && p->plan;
}

static void prose_free(prose *p)
{
    bcp_plan_free(p->plan);
    bcp_workspace_free(p->ws);
}

/* The title of text `id` (a new string), or NULL. */
static char *prose_text(const prose *p, const char *id)
{
    /* the texts are the children of the file's locale block */
    const bcp_entity *locale = NULL;
    for (size_t i = 0; i < bcp_plan_entity_count(p->plan, "locale"); i++)
        if (!bcp_entity_is_default(bcp_plan_entity(p->plan, "locale", i)))
            locale = bcp_plan_entity(p->plan, "locale", i);
    size_t n = locale ? bcp_entity_child_count(locale) : 0;
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *e = bcp_entity_child(locale, i);
        const char *eid = bcp_entity_id(e);
        if (strcmp(bcp_entity_kind_name(e), "text") != 0 || !eid || strcmp(eid, id) != 0)
            continue;
        const bcp_attribute *a = bcp_entity_attribute(e, "title");
        const char *t;
        size_t len;
        if (a && bcp_value_text(bcp_attribute_value(a), &t, &len)) {
            char *out = malloc(len + 1);
            if (!out)
                return NULL;
            memcpy(out, t, len);
            out[len] = '\0';
            return out;
        }
    }
    return NULL;
}

/* `tmpl` with {name} replaced by the arguments' values. */
static char *fill(const char *tmpl, json_t *args)
{
    size_t cap = strlen(tmpl) + 1, len = 0;
    const char *key;
    json_t *value;
    json_object_foreach(args, key, value) cap += 8 * (json_string_length(value) + 1);
    char *out = malloc(cap);
    if (!out)
        return NULL;
    for (const char *p = tmpl; *p;) {
        bool done = false;
        if (*p == '{') {
            const char *end = strchr(p, '}');
            if (end) {
                json_object_foreach(args, key, value) {
                    if (strlen(key) == (size_t)(end - p - 1) && strncmp(p + 1, key, (size_t)(end - p - 1)) == 0 &&
                        json_is_string(value)) {
                        size_t n = json_string_length(value);
                        if (len + n + 1 > cap)
                            break;
                        memcpy(out + len, json_string_value(value), n);
                        len += n;
                        p = end + 1;
                        done = true;
                        break;
                    }
                }
            }
        }
        if (!done && len + 2 <= cap)
            out[len++] = *p++;
        else if (!done)
            break;
    }
    out[len] = '\0';
    return out;
}

typedef struct prompt_arg {
    const char *name, *description;
    bool required;
} prompt_arg;

typedef struct prompt_def {
    const char *name, *prefix;
    prompt_arg args[5];
} prompt_def;

static const prompt_def prompts[] = {
    {"draft-plan", "mcp_draft",
     {{"industry", "The industry: manufacturing, finance, professional_services, retail, healthcare, logistics or technology", true},
      {"size", "micro, small, medium or large (default small)", false},
      {"regions", "Where the organisation works: cities or regions, comma-separated (e.g. Shanghai, Hangzhou)", false},
      {"language", "en (default) or zh-CN", false},
      {0}}},
    {"review-plan", "mcp_review",
     {{"path", "The plan file to review, relative to the server's root", true},
      {"language", "en (default) or zh-CN", false},
      {0}}},
};
#define PROMPT_COUNT (sizeof prompts / sizeof *prompts)

static json_t *prompts_list(mcp_server *s)
{
    prose en;
    bool ok = prose_load(&en, "en");
    json_t *list = json_array();
    for (size_t i = 0; i < PROMPT_COUNT; i++) {
        char id[64];
        json_t *p = json_pack("{s:s}", "name", prompts[i].name);
        snprintf(id, sizeof id, "%s_title", prompts[i].prefix);
        char *title = ok ? prose_text(&en, id) : NULL;
        snprintf(id, sizeof id, "%s_description", prompts[i].prefix);
        char *desc = ok ? prose_text(&en, id) : NULL;
        if (title && modern(s))
            json_object_set_new(p, "title", json_string(title));
        if (desc)
            json_object_set_new(p, "description", json_string(desc));
        free(title);
        free(desc);
        json_t *args = json_array();
        for (const prompt_arg *a = prompts[i].args; a->name; a++)
            json_array_append_new(args, json_pack("{s:s,s:s,s:b}", "name", a->name, "description", a->description,
                                                  "required", a->required));
        json_object_set_new(p, "arguments", args);
        json_array_append_new(list, p);
    }
    prose_free(&en);
    return json_pack("{s:o}", "prompts", list);
}

static void prompts_get(mcp_server *s, json_t *id, json_t *params)
{
    const char *name = json_string_value(json_object_get(params, "name"));
    json_t *args = json_object_get(params, "arguments");
    if (!name) {
        send_error(s, id, -32602, "prompts/get needs `name` (draft-plan or review-plan)", NULL);
        return;
    }
    const prompt_def *def = NULL;
    for (size_t i = 0; i < PROMPT_COUNT; i++)
        if (strcmp(prompts[i].name, name) == 0)
            def = &prompts[i];
    if (!def) {
        char msg[200];
        snprintf(msg, sizeof msg, "no prompt `%.100s`; the prompts are draft-plan and review-plan", name);
        send_error(s, id, -32602, msg, NULL);
        return;
    }
    if (args && !json_is_object(args)) {
        send_error(s, id, -32602, "prompt `arguments` must be an object of strings", NULL);
        return;
    }
    json_t *values = json_object();
    for (const prompt_arg *a = def->args; a->name; a++) {
        json_t *v = json_object_get(args, a->name);
        if (v && !json_is_string(v)) {
            char msg[160];
            snprintf(msg, sizeof msg, "prompt argument `%s` must be a string", a->name);
            send_error(s, id, -32602, msg, NULL);
            json_decref(values);
            return;
        }
        if (a->required && (!v || json_string_length(v) == 0)) {
            char msg[160];
            snprintf(msg, sizeof msg, "prompt %s needs the argument `%s`", def->name, a->name);
            send_error(s, id, -32602, msg, NULL);
            json_decref(values);
            return;
        }
        if (v)
            json_object_set(values, a->name, v);
    }
    const char *defaults[][2] = {{"size", "small"}, {"language", "en"}};
    for (size_t i = 0; i < 2; i++)
        if (!json_object_get(values, defaults[i][0]) || json_string_length(json_object_get(values, defaults[i][0])) == 0)
            json_object_set_new(values, defaults[i][0], json_string(defaults[i][1]));
    const char *lang = json_string_value(json_object_get(values, "language"));
    if (strcmp(lang, "zh") == 0 || strcmp(lang, "zh-cn") == 0 || strcmp(lang, "zh-Hans") == 0)
        lang = "zh-CN";
    prose p;
    if (!(strcmp(lang, "en") == 0 || strcmp(lang, "zh-CN") == 0) || !prose_load(&p, lang)) {
        if (strcmp(lang, "en") == 0 || strcmp(lang, "zh-CN") == 0)
            prose_free(&p);
        send_error(s, id, -32602, "prompt `language` is en or zh-CN", NULL);
        json_decref(values);
        return;
    }
    if (!json_object_get(values, "regions") || json_string_length(json_object_get(values, "regions")) == 0) {
        char *none = prose_text(&p, "mcp_default_regions");
        json_object_set_new(values, "regions", json_string(none ? none : "-"));
        free(none);
    }
    char key[64];
    snprintf(key, sizeof key, "%s_body", def->prefix);
    char *body = prose_text(&p, key);
    snprintf(key, sizeof key, "%s_description", def->prefix);
    char *desc = prose_text(&p, key);
    prose_free(&p);
    if (!body || !desc) {
        send_error(s, id, -32603, "the standard library lacks this prompt's text", NULL);
    } else {
        char *text = fill(body, values);
        json_t *msg = json_pack("{s:s,s:{s:s,s:s}}", "role", "user", "content", "type", "text", "text",
                                text ? text : body);
        send_result(s, id, json_pack("{s:s,s:[o]}", "description", desc, "messages", msg));
        free(text);
    }
    free(body);
    free(desc);
    json_decref(values);
}

/* ------------------------------------------------------------------ tools */

static json_t *tools_list(mcp_server *s)
{
    json_t *list = json_array();
    for (size_t i = 0; i < TOOL_COUNT; i++) {
        const char *op = tool_names[i];
        json_t *t = json_pack("{s:s,s:s}", "name", op, "description", bcp_service_op_summary(op));
        json_t *in = json_loads(bcp_service_input_schema(op), 0, NULL);
        json_object_set_new(t, "inputSchema", in ? in : json_pack("{s:s}", "type", "object"));
        if (modern(s)) {
            json_object_set_new(t, "title", json_string(tool_titles[i]));
            json_t *out = json_loads(bcp_service_output_schema(op), 0, NULL);
            if (out)
                json_object_set_new(t, "outputSchema", out);
        }
        bool writes = strcmp(op, "build") == 0 || strcmp(op, "init") == 0 || strcmp(op, "format") == 0;
        json_object_set_new(t, "annotations",
                            json_pack("{s:s,s:b,s:b,s:b,s:b}", "title", tool_titles[i], "readOnlyHint",
                                      !(writes && s->allow_write), "destructiveHint", strcmp(op, "format") == 0 && s->allow_write,
                                      "idempotentHint", true, "openWorldHint", false));
        json_array_append_new(list, t);
    }
    return json_pack("{s:o}", "tools", list);
}

/* An isError result: the message, what the service's error says, and its
 * located diagnostics as lines a model can act on. */
static json_t *tool_error(json_t *error)
{
    const char *message = json_string_value(json_object_get(error, "message"));
    const char *code = json_string_value(json_object_get(error, "code"));
    const char *name = json_string_value(json_object_get(error, "name"));
    size_t cap = 256 + (message ? strlen(message) : 0);
    json_t *diags = json_object_get(error, "diagnostics");
    size_t i;
    json_t *d;
    json_array_foreach(diags, i, d) cap += 64 + strlen(json_string_value(json_object_get(d, "message")) ?
                                                        json_string_value(json_object_get(d, "message")) : "") +
                                          (json_string_value(json_object_get(d, "file")) ?
                                               strlen(json_string_value(json_object_get(d, "file"))) : 0);
    char *text = malloc(cap);
    if (!text)
        return NULL;
    int len = snprintf(text, cap, "%s [%s %s]", message ? message : "the tool failed", code ? code : "?",
                       name ? name : "");
    json_array_foreach(diags, i, d) {
        const char *file = json_string_value(json_object_get(d, "file"));
        const char *msg = json_string_value(json_object_get(d, "message"));
        const char *dcode = json_string_value(json_object_get(d, "code"));
        if (file)
            len += snprintf(text + len, cap - (size_t)len, "\n%s:%lld:%lld: %s: %s%s%s%s", file,
                            (long long)json_integer_value(json_object_get(d, "line")),
                            (long long)json_integer_value(json_object_get(d, "column")),
                            json_string_value(json_object_get(d, "severity")) ? json_string_value(json_object_get(d, "severity")) : "error",
                            msg ? msg : "", dcode ? " [" : "", dcode ? dcode : "", dcode ? "]" : "");
        else
            len += snprintf(text + len, cap - (size_t)len, "\n%s%s%s%s", msg ? msg : "", dcode ? " [" : "",
                            dcode ? dcode : "", dcode ? "]" : "");
        if ((size_t)len >= cap)
            break;
    }
    json_t *result = json_pack("{s:[{s:s,s:s}],s:b}", "content", "type", "text", "text", text, "isError", true);
    free(text);
    return result;
}

static void tools_call(mcp_server *s, json_t *id, json_t *params)
{
    const char *name = json_string_value(json_object_get(params, "name"));
    json_t *args = json_object_get(params, "arguments");
    if (!name) {
        send_error(s, id, -32602, "tools/call needs `name`, one of the tools tools/list gives", NULL);
        return;
    }
    bool known = false;
    for (size_t i = 0; i < TOOL_COUNT && !known; i++)
        known = strcmp(tool_names[i], name) == 0;
    if (!known) {
        char msg[240];
        snprintf(msg, sizeof msg, "Unknown tool: %.80s (the tools are check, build, init, explain, schema, format, diff, "
                 "simulate, graph, readiness)",
                 name);
        send_error(s, id, -32602, msg, NULL);
        return;
    }
    if (args && !json_is_object(args) && !json_is_null(args)) {
        send_error(s, id, -32602, "tools/call `arguments` must be an object", NULL);
        return;
    }
    /* the call itself runs on the worker (work.c), which answers it */
    char *request = args && json_is_object(args) ? json_dumps(args, JSON_COMPACT) : strdup("{}");
    switch (mcp_work_submit(s->work, id, name, request, modern(s))) {
    case MCP_SUBMIT_QUEUED:
        break;
    case MCP_SUBMIT_ID_IN_USE:
        send_error(s, id, -32600, "Invalid Request: a request with this id is still in progress; give each "
                                  "request an id of its own", NULL);
        break;
    case MCP_SUBMIT_BUSY: {
        char msg[200];
        snprintf(msg, sizeof msg, "Server busy: %d tool calls are waiting; wait for their results or cancel "
                 "some (notifications/cancelled)", MCP_MAX_WAITING);
        send_error(s, id, -32000, msg, NULL);
        break;
    }
    case MCP_SUBMIT_NO_MEMORY:
        send_error(s, id, -32603, "out of memory", NULL);
        break;
    }
}

json_t *mcp_tool_answer(const bcp_service *svc, json_t *id, const char *tool, const char *request, bool modern,
                        const bcp_cancel *cancel)
{
    char *response = NULL;
    size_t length = 0;
    bcp_status st = bcp_service_call_cancellable(svc, tool, request, strlen(request), cancel, &response, &length);
    if (st == BCP_ERR_CANCELLED) {
        bcp_free(response);
        return NULL;
    }
    json_t *doc = json_loadb(response, length, 0, NULL);
    json_t *result;
    if (st == BCP_OK && json_is_object(doc)) {
        result = json_pack("{s:[{s:s,s:s%}],s:b}", "content", "type", "text", "text", response, length, "isError",
                           false);
        if (modern)
            json_object_set(result, "structuredContent", doc);
    } else {
        result = tool_error(json_object_get(doc, "error"));
    }
    json_decref(doc);
    bcp_free(response);
    return result ? result_message(id, result) : error_message(id, -32603, "out of memory", NULL);
}

/* -------------------------------------------------------------- resources */

#define PLANS "bcp://plans/"
#define RULES "bcp://rules/"
#define STDLIB "bcp://stdlib/"
#define LANGUAGE "bcp://docs/language"

/* A path as a URI's path: unreserved bytes and '/' as they are. */
static char *uri_encode(const char *prefix, const char *path)
{
    size_t n = strlen(prefix), len = strlen(path);
    char *out = malloc(n + 3 * len + 1);
    if (!out)
        return NULL;
    memcpy(out, prefix, n);
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            out[n++] = (char)*p;
        else
            n += (size_t)sprintf(out + n, "%%%02X", *p);
    }
    out[n] = '\0';
    return out;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* NULL for a bad escape or an encoded NUL. */
static char *uri_decode(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    size_t n = 0;
    if (!out)
        return NULL;
    for (; *s; s++) {
        if (*s == '%') {
            int hi = hexval(s[1]), lo = hi >= 0 ? hexval(s[2]) : -1;
            if (lo < 0 || (hi == 0 && lo == 0)) {
                free(out);
                return NULL;
            }
            out[n++] = (char)(hi * 16 + lo);
            s += 2;
        } else {
            out[n++] = *s;
        }
    }
    out[n] = '\0';
    return out;
}

static void add_resource(json_t *list, const char *uri, const char *name, const char *title, const char *desc,
                         const char *mime)
{
    json_t *r = json_pack("{s:s,s:s,s:s}", "uri", uri, "name", name, "mimeType", mime);
    if (title)
        json_object_set_new(r, "title", json_string(title));
    if (desc)
        json_object_set_new(r, "description", json_string(desc));
    if (json_object_size(r))
        json_array_append_new(list, r);
}

static json_t *resources_list(mcp_server *s)
{
    json_t *list = json_array();
    add_resource(list, LANGUAGE, "language", "The .bcp language reference",
                 "Every kind and attribute of the plan language, generated from the schema", "text/markdown");
    /* the plans under the root */
    char *response = NULL;
    size_t length = 0;
    if (bcp_service_call(s->svc, "files", "{}", 2, &response, &length) == BCP_OK) {
        json_t *doc = json_loadb(response, length, 0, NULL);
        size_t i;
        json_t *f;
        json_array_foreach(json_object_get(doc, "files"), i, f) {
            char *uri = uri_encode(PLANS, json_string_value(f));
            if (uri)
                add_resource(list, uri, json_string_value(f), NULL, "A plan file under the root", "text/x-bcp");
            free(uri);
        }
        json_decref(doc);
    }
    bcp_free(response);
    for (size_t i = 0; i < bcp_code_total(); i++) {
        const bcp_code *c = bcp_code_get(i);
        char uri[64], name[160];
        snprintf(uri, sizeof uri, RULES "%s", c->code);
        snprintf(name, sizeof name, "%s %s", c->code, c->name);
        add_resource(list, uri, name, NULL, c->summary, "text/markdown");
    }
    for (size_t i = 0; i < bcp_stdlib_file_count(); i++) {
        char *uri = uri_encode(STDLIB, bcp_stdlib_file_path(i));
        if (uri)
            add_resource(list, uri, bcp_stdlib_file_path(i), NULL, "A module of the standard library", "text/x-bcp");
        free(uri);
    }
    return json_pack("{s:o}", "resources", list);
}

static json_t *templates_list(void)
{
    json_t *list = json_array();
    json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s}", "uriTemplate", PLANS "{+path}", "name", "plan",
                                          "description", "A .bcp file under the root, by its path relative to it",
                                          "mimeType", "text/x-bcp"));
    json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s}", "uriTemplate", RULES "{code}", "name", "rule",
                                          "description", "The page of a diagnostic code or lint rule (E103, D102)",
                                          "mimeType", "text/markdown"));
    json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:s}", "uriTemplate", STDLIB "{+path}", "name", "stdlib",
                                          "description", "A module of the standard library (core/comms.bcp)",
                                          "mimeType", "text/x-bcp"));
    return json_pack("{s:o}", "resourceTemplates", list);
}

static void read_contents(mcp_server *s, json_t *id, const char *uri, const char *mime, const char *text,
                          size_t length)
{
    json_t *t = json_stringn(text, length);
    if (!t) {
        send_error(s, id, -32603, "the resource is not UTF-8 text", NULL);
        return;
    }
    json_t *c = json_pack("{s:s,s:s,s:o}", "uri", uri, "mimeType", mime, "text", t);
    send_result(s, id, json_pack("{s:[o]}", "contents", c));
}

static void not_found(mcp_server *s, json_t *id, const char *uri, const char *why)
{
    char msg[400];
    snprintf(msg, sizeof msg, "Resource not found: %.200s%s%.150s", uri, why ? ": " : "", why ? why : "");
    send_error(s, id, -32002, msg, json_pack("{s:s}", "uri", uri));
}

static void resources_read(mcp_server *s, json_t *id, json_t *params)
{
    const char *uri = json_string_value(json_object_get(params, "uri"));
    if (!uri) {
        send_error(s, id, -32602, "resources/read needs `uri` (resources/list gives them)", NULL);
        return;
    }
    if (strcmp(uri, LANGUAGE) == 0) {
        size_t length;
        char *ref = bcp_schema_reference(&length);
        if (ref)
            read_contents(s, id, uri, "text/markdown", ref, length);
        else
            send_error(s, id, -32603, "the language reference could not be generated", NULL);
        bcp_free(ref);
    } else if (strncmp(uri, RULES, strlen(RULES)) == 0) {
        const bcp_code *c = bcp_code_lookup(uri + strlen(RULES));
        size_t length;
        char *page = c ? bcp_code_explain(c, BCP_PAGE_MARKDOWN, &length) : NULL;
        if (page)
            read_contents(s, id, uri, "text/markdown", page, length);
        else
            not_found(s, id, uri, "no such code");
        bcp_free(page);
    } else if (strncmp(uri, STDLIB, strlen(STDLIB)) == 0) {
        char *path = uri_decode(uri + strlen(STDLIB));
        size_t length;
        const char *text = path ? bcp_stdlib_text(path, &length) : NULL;
        if (text)
            read_contents(s, id, uri, "text/x-bcp", text, length);
        else
            not_found(s, id, uri, "no such module in the standard library");
        free(path);
    } else if (strncmp(uri, PLANS, strlen(PLANS)) == 0) {
        char *path = uri_decode(uri + strlen(PLANS));
        json_t *req = path ? json_pack("{s:s}", "path", path) : NULL;
        char *request = req ? json_dumps(req, JSON_COMPACT) : NULL;
        char *response = NULL;
        size_t length = 0;
        bcp_status st = request ? bcp_service_call(s->svc, "read", request, strlen(request), &response, &length)
                                : BCP_ERR_INVALID;
        json_t *doc = response ? json_loadb(response, length, 0, NULL) : NULL;
        if (st == BCP_OK) {
            json_t *text = json_object_get(doc, "text");
            read_contents(s, id, uri, "text/x-bcp", json_string_value(text), json_string_length(text));
        } else {
            not_found(s, id, uri, json_string_value(json_object_get(json_object_get(doc, "error"), "message")));
        }
        json_decref(doc);
        json_decref(req);
        free(request);
        free(path);
        bcp_free(response);
    } else {
        not_found(s, id, uri, "bcp serves bcp://docs/language, bcp://rules/CODE, bcp://stdlib/PATH and bcp://plans/PATH");
    }
}

/* ------------------------------------------------------------- dispatch */

static json_t *initialize(mcp_server *s, json_t *params)
{
    const char *asked = json_string_value(json_object_get(params, "protocolVersion"));
    s->version = LATEST_VERSION;
    for (size_t i = 0; asked && i < sizeof versions / sizeof *versions; i++)
        if (strcmp(asked, versions[i]) == 0)
            s->version = versions[i];
    s->initialized = true;
    json_t *info = json_pack("{s:s,s:s}", "name", "bcp", "version", BCP_VERSION);
    if (modern(s))
        json_object_set_new(info, "title", json_string("bcp: business continuity plans as code"));
    return json_pack(
        "{s:s,s:{s:{s:b},s:{s:b,s:b},s:{s:b}},s:o,s:s}", "protocolVersion", s->version, "capabilities", "tools",
        "listChanged", false, "resources", "subscribe", false, "listChanged", false, "prompts", "listChanged", false,
        "serverInfo", info, "instructions",
        "bcp checks, formats, diffs and compiles business continuity plans written in the .bcp language. "
        "Write or edit a plan, call check and fix every finding (explain gives a code's meaning and fix; "
        "schema the kinds and attributes), then build the document. Paths are relative to the server's root; "
        "the resources hold the language reference, the rule pages, the standard library and the plans.");
}

static bool valid_id(json_t *id)
{
    return json_is_string(id) || json_is_integer(id);
}

/* One message; `id` of a request, NULL for a notification. */
static void handle(mcp_server *s, json_t *msg)
{
    if (!json_is_object(msg)) {
        send_error(s, NULL, -32600, "Invalid Request: a message is a JSON-RPC 2.0 object", NULL);
        return;
    }
    json_t *id = json_object_get(msg, "id");
    const char *jsonrpc = json_string_value(json_object_get(msg, "jsonrpc"));
    json_t *method_v = json_object_get(msg, "method");
    if (id && !valid_id(id)) {
        send_error(s, NULL, -32600, "Invalid Request: `id` must be a string or an integer", NULL);
        return;
    }
    if (!method_v && (json_object_get(msg, "result") || json_object_get(msg, "error")))
        return; /* a response: the server sends no requests, so nothing waits for one */
    if (!jsonrpc || strcmp(jsonrpc, "2.0") != 0 || !json_is_string(method_v)) {
        if (id || !json_is_string(method_v))
            send_error(s, id, -32600, "Invalid Request: needs \"jsonrpc\": \"2.0\" and a string `method`", NULL);
        return;
    }
    const char *method = json_string_value(method_v);
    json_t *params = json_object_get(msg, "params");
    if (params && !json_is_object(params)) {
        if (id)
            send_error(s, id, -32602, "Invalid params: `params` must be an object", NULL);
        return;
    }
    if (!id) {
        /* notifications: cancelled stops a tool call not yet answered (an
         * unknown or answered id, or one of a request answered at once, is
         * ignored); initialized, roots changed: nothing to do */
        json_t *target = json_object_get(params, "requestId");
        if (strcmp(method, "notifications/cancelled") == 0 && valid_id(target))
            mcp_work_cancel(s->work, target);
        return;
    }
    if (strcmp(method, "initialize") == 0) {
        if (!json_is_string(json_object_get(params, "protocolVersion"))) {
            send_error(s, id, -32602, "Invalid params: initialize needs `protocolVersion`", NULL);
            return;
        }
        send_result(s, id, initialize(s, params));
        return;
    }
    if (strcmp(method, "ping") == 0) {
        send_result(s, id, json_object());
        return;
    }
    if (!s->initialized) {
        send_error(s, id, -32600, "Invalid Request: send initialize first", NULL);
        return;
    }
    if (strcmp(method, "tools/list") == 0)
        send_result(s, id, tools_list(s));
    else if (strcmp(method, "tools/call") == 0)
        tools_call(s, id, params);
    else if (strcmp(method, "resources/list") == 0)
        send_result(s, id, resources_list(s));
    else if (strcmp(method, "resources/templates/list") == 0)
        send_result(s, id, templates_list());
    else if (strcmp(method, "resources/read") == 0)
        resources_read(s, id, params);
    else if (strcmp(method, "prompts/list") == 0)
        send_result(s, id, prompts_list(s));
    else if (strcmp(method, "prompts/get") == 0)
        prompts_get(s, id, params);
    else {
        char text[200];
        snprintf(text, sizeof text, "Method not found: %.120s", method);
        send_error(s, id, -32601, text, NULL);
    }
}

static void handle_line(mcp_server *s, const char *line, size_t length)
{
    while (length && (line[length - 1] == '\r' || line[length - 1] == ' ' || line[length - 1] == '\t'))
        length--;
    if (length == 0)
        return;
    json_error_t err;
    json_t *msg = json_loadb(line, length, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
    if (!msg) {
        char text[300];
        snprintf(text, sizeof text, "Parse error: %s (column %d)", err.text, err.column);
        send_error(s, NULL, -32700, text, NULL);
        return;
    }
    if (json_is_array(msg)) {
        /* batches: only the 2025-03-26 revision has them */
        if (strcmp(s->version, "2025-03-26") != 0 || json_array_size(msg) == 0) {
            send_error(s, NULL, -32600, "Invalid Request: this protocol revision has no batches; send one "
                                        "message per line", NULL);
        } else {
            size_t i;
            json_t *m;
            json_array_foreach(msg, i, m) handle(s, m);
        }
    } else {
        handle(s, msg);
    }
    json_decref(msg);
}

int mcp_serve(int in_fd, FILE *out, const mcp_options *options)
{
    mcp_server s = {.version = LATEST_VERSION, .allow_write = options->allow_write};
    s.max_bytes = options->max_bytes ? options->max_bytes : (size_t)4 << 20;
    bcp_service_options so = {.root = options->root, .stdlib_dir = options->stdlib_dir,
                              .max_request = s.max_bytes, .max_file = s.max_bytes,
                              .allow_write = options->allow_write, .today = options->today,
                              .docs_url = options->docs_url, .read_revision = mcp_git_read,
                              .revision_user = &s.max_bytes};
    s.svc = bcp_service_new(&so);
    if (!s.svc) {
        fprintf(stderr, "bcp mcp: the root %s is not a folder\n", options->root ? options->root : ".");
        return 2;
    }
    s.work = mcp_work_start(s.svc, out);
    if (!s.work) {
        fprintf(stderr, "bcp mcp: cannot start its threads\n");
        bcp_service_free(s.svc);
        return 2;
    }
    /* A line longer than this is refused without being parsed, and cannot
     * be answered by its id; one up to it is parsed, so that a request over
     * the request limit gets its own error (the limit, then room for
     * JSON-RPC and escapes). */
    size_t max_line = s.max_bytes * 4 + ((size_t)64 << 20);
    size_t cap = 65536, len = 0, scanned = 0;
    char *buf = malloc(cap);
    bool skipping = false;
    for (;;) {
        if (!buf)
            break;
        if (len == cap) {
            size_t bigger = cap * 2;
            char *nb = realloc(buf, bigger);
            if (!nb)
                break;
            buf = nb;
            cap = bigger;
        }
        ssize_t n = read(in_fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
        size_t start = 0;
        for (size_t i = scanned; i < len; i++) {
            if (buf[i] != '\n')
                continue;
            if (skipping)
                skipping = false;
            else
                handle_line(&s, buf + start, i - start);
            start = i + 1;
        }
        memmove(buf, buf + start, len - start);
        len -= start;
        scanned = len;
        if (len > max_line) {
            /* a line too long: refused, and read through to its end */
            if (!skipping) {
                char text[200];
                snprintf(text, sizeof text, "Invalid Request: a message longer than %zu bytes is refused", max_line);
                send_error(&s, NULL, -32600, text, NULL);
            }
            skipping = true;
            len = scanned = 0;
        }
    }
    if (buf && len && !skipping)
        handle_line(&s, buf, len);
    free(buf);
    /* the end of input: the calls still running are cancelled (the stdio
     * server) or answered, every message is written, the threads end */
    mcp_work_stop(s.work, options->cancel_at_eof);
    bcp_service_free(s.svc);
    return 0;
}

int bcp_mcp_serve_stdio(const char *root, bool allow_write, const char *stdlib_dir, const char *today,
                        const char *docs_url, size_t max_bytes)
{
    /* a client that closed our output makes writes fail (work.c stops
     * writing), not kill the process */
    signal(SIGPIPE, SIG_IGN);
    mcp_options o = {.root = root, .cancel_at_eof = true, .allow_write = allow_write, .stdlib_dir = stdlib_dir, .today = today,
                     .docs_url = docs_url, .max_bytes = max_bytes};
    return mcp_serve(0, stdout, &o);
}
