/* The helpers of the fuzz targets (fuzz_common.h). */
#define _DEFAULT_SOURCE
#include "fuzz_common.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bcp_status read_nothing(void *user, const char *path, char **text, size_t *length)
{
    (void)user;
    (void)path;
    *text = NULL;
    *length = 0;
    return BCP_ERR_NOT_FOUND;
}

static const bcp_file_provider nothing = {.read = read_nothing};

bcp_workspace *fuzz_workspace(void)
{
    bcp_workspace_options o = {.files = &nothing};
    return bcp_workspace_new(&o);
}

_Noreturn void fuzz_fail(const char *target, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", target);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

bcp_plan *fuzz_load(bcp_workspace *ws, const char *path, const uint8_t *data, size_t size)
{
    if (bcp_document_open(ws, path, (const char *)data, size) != BCP_OK)
        fuzz_fail("load", "bcp_document_open failed on %zu bytes", size);
    bcp_plan *plan = NULL;
    bcp_status st = bcp_workspace_load(ws, path, &plan);
    if (st != BCP_OK || !plan)
        fuzz_fail("load", "bcp_workspace_load of an open document: %s", bcp_status_string(st));
    return plan;
}

bcp_diagnostics *fuzz_lint(const bcp_plan *plan)
{
    static const char *const all[] = {"ALL"};
    bcp_check_options o = {
        .select = all, .select_count = 1, .has_select = true, .today = FUZZ_TODAY, .no_config = true};
    bcp_diagnostics *findings = NULL, *problems = NULL;
    bcp_status st = bcp_plan_lint(plan, &o, &findings, &problems);
    if (st != BCP_OK)
        fuzz_fail("lint", "bcp_plan_lint: %s", bcp_status_string(st));
    bcp_diagnostics_free(problems);
    return findings;
}

static void check_location(const bcp_plan *plan, const bcp_diagnostic *d)
{
    const bcp_location *l = &d->location;
    if (!l->path)
        return;
    if (l->line < 1 || l->column < 1 || l->end_line < l->line ||
        (l->end_line == l->line && l->end_column < l->column) || l->end_byte < l->start_byte)
        fuzz_fail("diagnostics", "%s at %s:%u:%u-%u:%u (bytes %u-%u): a malformed range", d->code ? d->code : "-",
                  l->path, l->line, l->column, l->end_line, l->end_column, l->start_byte, l->end_byte);
    for (size_t i = 0; i < bcp_plan_file_count(plan); i++) {
        size_t length = 0;
        if (strcmp(bcp_plan_file(plan, i), l->path) != 0 || !bcp_plan_file_text(plan, i, &length))
            continue;
        if (l->end_byte > length)
            fuzz_fail("diagnostics", "%s at %s: byte %u past the end of the file (%zu bytes)", d->code ? d->code : "-",
                      l->path, l->end_byte, length);
    }
}

/* The JSON report: {"version": 1, "findings": [...]}, one per diagnostic,
 * each with a string message. */
static void check_json_report(const char *text, size_t count)
{
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    if (!root)
        fuzz_fail("report", "the JSON report does not parse: %s (line %d)", err.text, err.line);
    json_t *findings = json_object_get(root, "findings");
    if (!json_is_array(findings) || json_array_size(findings) != count)
        fuzz_fail("report", "the JSON report has no findings array of %zu items", count);
    for (size_t i = 0; i < count; i++)
        if (!json_is_string(json_object_get(json_array_get(findings, i), "message")))
            fuzz_fail("report", "JSON finding %zu has no message string", i);
    json_decref(root);
}

/* SARIF 2.1.0 requires every result to carry message.text. */
static void check_sarif_report(const char *text, size_t count)
{
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    if (!root)
        fuzz_fail("report", "the SARIF report does not parse: %s (line %d)", err.text, err.line);
    json_t *results = json_object_get(json_array_get(json_object_get(root, "runs"), 0), "results");
    if (!json_is_array(results) || json_array_size(results) != count)
        fuzz_fail("report", "the SARIF report has no results array of %zu items", count);
    for (size_t i = 0; i < count; i++) {
        json_t *message = json_object_get(json_array_get(results, i), "message");
        if (!json_is_string(json_object_get(message, "text")))
            fuzz_fail("report", "SARIF result %zu has no message.text", i);
    }
    json_decref(root);
}

void fuzz_check_diagnostics(const bcp_plan *plan, const bcp_diagnostics *set)
{
    size_t count = bcp_diagnostics_count(set);
    for (size_t i = 0; i < count; i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        if (!d->message)
            fuzz_fail("diagnostics", "%s has no message", d->code ? d->code : "-");
        check_location(plan, d);
    }
    static const bcp_report_format formats[] = {BCP_REPORT_TEXT, BCP_REPORT_GCC, BCP_REPORT_JSON,
                                                BCP_REPORT_SARIF, BCP_REPORT_GITHUB};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        bcp_report_options o = {.format = formats[f], .color = f == 0, .summary = true};
        size_t length = 0;
        char *text = bcp_report_render(set, &o, &length);
        if (!text || strlen(text) != length)
            fuzz_fail("report", "format %zu: no text, or a NUL inside it", f);
        if (formats[f] == BCP_REPORT_JSON)
            check_json_report(text, count);
        else if (formats[f] == BCP_REPORT_SARIF)
            check_sarif_report(text, count);
        bcp_free(text);
    }
}

static int compare_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *fuzz_finding_keys(const bcp_plan *plan, const bcp_diagnostics *set)
{
    size_t count = bcp_diagnostics_count(set);
    char **lines = bcp_malloc((count ? count : 1) * sizeof *lines);
    size_t total = 1;
    for (size_t i = 0; i < count; i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        const bcp_entity *e =
            d->location.path ? bcp_plan_entity_at(plan, d->location.path, d->location.start_byte, NULL) : NULL;
        while (e && bcp_entity_parent(e))
            e = bcp_entity_parent(e);
        const char *kind = e ? bcp_entity_kind_name(e) : "-";
        const char *id = e && bcp_entity_id(e) ? bcp_entity_id(e) : "-";
        const char *code = d->code ? d->code : "-";
        size_t n = strlen(code) + strlen(kind) + strlen(id) + 4;
        lines[i] = bcp_malloc(n);
        snprintf(lines[i], n, "%s %s.%s\n", code, kind, id);
        total += n;
    }
    qsort(lines, count, sizeof *lines, compare_lines);
    char *out = bcp_malloc(total), *p = out;
    *p = '\0';
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(lines[i]);
        memcpy(p, lines[i], n + 1);
        p += n;
        bcp_free(lines[i]);
    }
    bcp_free(lines);
    return out;
}

/* ------------------------------------------------ the faces' targets */

#ifndef FUZZ_PLAN
#define FUZZ_PLAN "examples/minimal.bcp"
#endif

static char root_dir[64];

static void remove_root(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/plan.bcp", root_dir);
    remove(path);
    snprintf(path, sizeof path, "%s/sub/other.bcp", root_dir);
    remove(path);
    snprintf(path, sizeof path, "%s/sub", root_dir);
    remove(path);
    remove(root_dir);
}

static void copy_into(const char *to, const char *text, size_t length)
{
    FILE *f = fopen(to, "wb");
    if (!f || fwrite(text, 1, length, f) != length || fclose(f) != 0)
        fuzz_fail("root", "cannot write %s", to);
}

const char *fuzz_root(void)
{
    if (root_dir[0])
        return root_dir;
    const char *tmp = getenv("TMPDIR");
    snprintf(root_dir, sizeof root_dir, "%s/bcp-fuzz-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(root_dir))
        fuzz_fail("root", "mkdtemp %s failed", root_dir);
    atexit(remove_root);
    FILE *f = fopen(FUZZ_PLAN, "rb");
    if (!f)
        fuzz_fail("root", "cannot read %s", FUZZ_PLAN);
    static char text[1 << 16];
    size_t length = fread(text, 1, sizeof text, f);
    fclose(f);
    char path[128];
    snprintf(path, sizeof path, "%s/plan.bcp", root_dir);
    copy_into(path, text, length);
    snprintf(path, sizeof path, "%s/sub", root_dir);
    if (mkdir(path, 0700) != 0)
        fuzz_fail("root", "mkdir %s failed", path);
    static const char other[] = "# a module without a plan block\nsite \"hq\" {\n  name = \"HQ\"\n}\n";
    snprintf(path, sizeof path, "%s/sub/other.bcp", root_dir);
    copy_into(path, other, sizeof other - 1);
    return root_dir;
}

void fuzz_check_json(const char *target, const char *text, size_t length, int object, const char *what)
{
    if (!text)
        fuzz_fail(target, "%s: no text", what);
    json_error_t err;
    json_t *v = json_loadb(text, length, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!v)
        fuzz_fail(target, "%s is not JSON (%s at %d): %.300s", what, err.text, err.position, text);
    if (object && !json_is_object(v))
        fuzz_fail(target, "%s is not a JSON object: %.300s", what, text);
    json_decref(v);
}

void fuzz_check_jsonrpc(const char *target, const char *text, size_t length)
{
    json_error_t err;
    json_t *v = json_loadb(text, length, 0, &err);
    if (!v || !json_is_object(v))
        fuzz_fail(target, "a message is not a JSON object (%s): %.300s", v ? "not an object" : err.text, text);
    const char *version = json_string_value(json_object_get(v, "jsonrpc"));
    if (!version || strcmp(version, "2.0") != 0)
        fuzz_fail(target, "a message without jsonrpc 2.0: %.300s", text);
    if (!json_object_get(v, "result") && !json_object_get(v, "error") && !json_object_get(v, "method"))
        fuzz_fail(target, "neither result, error nor method: %.300s", text);
    json_decref(v);
}
