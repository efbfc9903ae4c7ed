/* The server's loop: JSON-RPC over stdio (Content-Length framing), the open
 * documents, and diagnostics published after a short debounce. */
#define _DEFAULT_SOURCE
#include "lsp.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("bcp lsp: out of memory\n", stderr);
        exit(2);
    }
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* ------------------------------------------------------------ positions */

void lsp_lines_init(lsp_lines *l, const char *text, size_t length)
{
    l->text = text;
    l->length = length;
    size_t cap = 64;
    l->starts = xrealloc(NULL, cap * sizeof *l->starts);
    l->count = 0;
    l->starts[l->count++] = 0;
    for (const char *p = text, *end = text + length; (p = memchr(p, '\n', (size_t)(end - p))); p++) {
        if (l->count == cap)
            l->starts = xrealloc(l->starts, (cap *= 2) * sizeof *l->starts);
        l->starts[l->count++] = (uint32_t)(p - text + 1);
    }
}

void lsp_lines_free(lsp_lines *l)
{
    free(l->starts);
    l->starts = NULL;
    l->count = 0;
}

/* Width of the UTF-8 sequence at p in UTF-16 units, and its byte length. */
static int char_units(const unsigned char *p, const unsigned char *end, uint32_t *units)
{
    int n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
    if (p + n > end)
        n = (int)(end - p);
    *units = n == 4 ? 2 : 1;
    return n;
}

uint32_t lsp_offset_of(const lsp_server *s, const lsp_lines *l, json_t *position)
{
    json_int_t line = json_integer_value(json_object_get(position, "line"));
    json_int_t ch = json_integer_value(json_object_get(position, "character"));
    if (line < 0)
        line = 0;
    if ((size_t)line >= l->count)
        return (uint32_t)l->length;
    uint32_t i = l->starts[line];
    const unsigned char *t = (const unsigned char *)l->text, *end = t + l->length;
    json_int_t col = 0;
    while (i < l->length && t[i] != '\n' && col < ch) {
        uint32_t u;
        int n = char_units(t + i, end, &u);
        if (s->utf8)
            u = (uint32_t)n;
        if (col + u > ch)
            break;
        col += u;
        i += (uint32_t)n;
    }
    return i;
}

json_t *lsp_position(const lsp_server *s, const lsp_lines *l, uint32_t offset)
{
    if (offset > l->length)
        offset = (uint32_t)l->length;
    size_t lo = 0, hi = l->count;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (l->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t col = 0;
    const unsigned char *t = (const unsigned char *)l->text, *end = t + l->length;
    for (uint32_t i = l->starts[lo]; i < offset;) {
        uint32_t u;
        int n = char_units(t + i, end, &u);
        col += s->utf8 ? (uint32_t)n : u;
        i += (uint32_t)n;
    }
    return json_pack("{s:I,s:I}", "line", (json_int_t)lo, "character", (json_int_t)col);
}

json_t *lsp_range(const lsp_server *s, const lsp_lines *l, uint32_t start, uint32_t end)
{
    return json_pack("{s:o,s:o}", "start", lsp_position(s, l, start), "end",
                     lsp_position(s, l, end < start ? start : end));
}

/* ----------------------------------------------------------------- URIs */

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The canonical path of a file: URI; NULL for another scheme. */
static char *path_of_uri(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (*p != '/') {                       /* file://host/path */
        p = strchr(p, '/');
        if (!p)
            return NULL;
    }
    char *out = xrealloc(NULL, strlen(p) + 1), *o = out;
    for (; *p && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            *o++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    char resolved[PATH_MAX];
    if (realpath(out, resolved)) {
        free(out);
        return xstrdup(resolved);
    }
    return out;
}

static char *canonical(const char *path)
{
    char resolved[PATH_MAX];
    return xstrdup(realpath(path, resolved) ? resolved : path);
}

char *lsp_uri_for_path(lsp_server *s, const char *path)
{
    char *c = canonical(path);
    for (size_t i = 0; i < s->doc_count; i++) {
        if (strcmp(s->docs[i]->path, c) == 0) {
            free(c);
            return xstrdup(s->docs[i]->uri);
        }
    }
    char *out = xrealloc(NULL, strlen(c) * 3 + 8), *o = out;
    o += sprintf(o, "file://");
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)c; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    *o = '\0';
    free(c);
    return out;
}

/* ---------------------------------------------------------------- plans */

static void plan_release(lsp_plan *p)
{
    if (!p || --p->refs > 0)
        return;
    for (size_t i = 0; i < p->file_count; i++) {
        free(p->files[i]);
        lsp_lines_free(&p->lines[i]);
    }
    free(p->files);
    free(p->lines);
    bcp_plan_free(p->plan);
    free(p);
}

const lsp_lines *lsp_plan_lines(lsp_plan *p, const char *path, size_t *file_index)
{
    if (!p || !path)
        return NULL;
    size_t i = 0;
    for (; i < p->file_count; i++)
        if (strcmp(bcp_plan_file(p->plan, i), path) == 0 || strcmp(p->files[i], path) == 0)
            break;
    if (i == p->file_count)
        return NULL;
    if (!p->lines[i].starts) {
        size_t len;
        const char *text = bcp_plan_file_text(p->plan, i, &len);
        lsp_lines_init(&p->lines[i], text ? text : "", text ? len : 0);
    }
    if (file_index)
        *file_index = i;
    return &p->lines[i];
}

/* mkdir -p of the folders of `path`. */
static void make_parents(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    }
}

static char *read_whole(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0, n;
    do {
        if (cap - len < 65536)
            text = xrealloc(text, cap = cap * 2 + 65536);
        n = fread(text + len, 1, cap - len - 1, f);
        len += n;
    } while (n > 0);
    fclose(f);
    text[len] = '\0';
    *length = len;
    return text;
}

/* A location in the standard library: a file of --stdlib DIR, or the
 * built-in text written once to a read-only file of the user's cache
 * ($XDG_CACHE_HOME/bcp/stdlib-VERSION/), which editors open like any file. */
static json_t *stdlib_location(lsp_server *s, bcp_location loc)
{
    const char *rel = loc.path + strlen("<stdlib>/");
    char file[PATH_MAX];
    char *owned = NULL;
    size_t len = 0;
    const char *text = NULL;
    if (s->stdlib_dir) {
        snprintf(file, sizeof file, "%s/%s", s->stdlib_dir, rel);
        text = owned = read_whole(file, &len);
    } else {
        text = bcp_stdlib_text(loc.path, &len);
        const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
        if (!text || (!(cache && *cache) && !(home && *home)))
            return NULL;
        if (cache && *cache)
            snprintf(file, sizeof file, "%s/bcp/stdlib-%s/%s", cache, BCP_VERSION, rel);
        else
            snprintf(file, sizeof file, "%s/.cache/bcp/stdlib-%s/%s", home, BCP_VERSION, rel);
        struct stat st;
        if (stat(file, &st) != 0 || (size_t)st.st_size != len) {
            make_parents(file);
            chmod(file, 0644);
            FILE *f = fopen(file, "wb");
            if (!f)
                return NULL;
            bool ok = fwrite(text, 1, len, f) == len;
            ok = fclose(f) == 0 && ok;
            chmod(file, 0444);
            if (!ok)
                return NULL;
        }
    }
    if (!text)
        return NULL;
    lsp_lines l;
    lsp_lines_init(&l, text, len);
    char *uri = lsp_uri_for_path(s, file);
    json_t *j = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range(s, &l, loc.start_byte, loc.end_byte));
    free(uri);
    lsp_lines_free(&l);
    free(owned);
    return j;
}

json_t *lsp_location_json(lsp_server *s, lsp_plan *p, bcp_location loc)
{
    size_t fi;
    if (loc.path && strncmp(loc.path, "<stdlib>/", 9) == 0)
        return stdlib_location(s, loc);
    const lsp_lines *l = lsp_plan_lines(p, loc.path, &fi);
    if (!l)
        return NULL;
    char *uri = lsp_uri_for_path(s, p->files[fi]);
    json_t *j = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range(s, l, loc.start_byte, loc.end_byte));
    free(uri);
    return j;
}

static bool plan_has_file(const lsp_plan *p, const char *path)
{
    for (size_t i = 0; p && i < p->file_count; i++)
        if (strcmp(p->files[i], path) == 0)
            return true;
    return false;
}

/* -------------------------------------------------------------- output */

static void send(lsp_server *s, json_t *msg)
{
    char *body = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (!body)
        return;
    fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
    fflush(s->out);
    free(body);
}

static void send_result(lsp_server *s, json_t *id, json_t *result)
{
    send(s, json_pack("{s:s,s:O,s:o}", "jsonrpc", "2.0", "id", id ? id : json_null(), "result",
                      result ? result : json_null()));
}

static void send_error(lsp_server *s, json_t *id, int code, const char *message)
{
    send(s, json_pack("{s:s,s:O,s:{s:i,s:s}}", "jsonrpc", "2.0", "id", id ? id : json_null(), "error",
                      "code", code, "message", message));
}

void lsp_send_notification(lsp_server *s, const char *method, json_t *params)
{
    send(s, json_pack("{s:s,s:s,s:o}", "jsonrpc", "2.0", "method", method, "params", params));
}

static void log_message(lsp_server *s, int type, const char *fmt, const char *arg)
{
    char buf[512];
    snprintf(buf, sizeof buf, fmt, arg ? arg : "");
    lsp_send_notification(s, "window/logMessage", json_pack("{s:i,s:s}", "type", type, "message", buf));
}

/* ----------------------------------------------------------- documents */

lsp_doc *lsp_find_doc(lsp_server *s, const char *uri)
{
    if (!uri)
        return NULL;
    for (size_t i = 0; i < s->doc_count; i++)
        if (strcmp(s->docs[i]->uri, uri) == 0)
            return s->docs[i];
    char *path = path_of_uri(uri);
    lsp_doc *found = NULL;
    for (size_t i = 0; path && i < s->doc_count && !found; i++)
        if (strcmp(s->docs[i]->path, path) == 0)
            found = s->docs[i];
    free(path);
    return found;
}

static void schedule(lsp_server *s)
{
    s->due = now_ms() + s->debounce_ms;
}

static bool is_config_path(const char *path)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    return base && strcmp(base, "/bcpconfig.bcp") == 0;
}

/* Marks `path` and every open document whose plan holds it; a
 * configuration's change (its unsaved text counts) marks every plan. */
static void mark_dirty(lsp_server *s, const char *path)
{
    if (is_config_path(path))
        path = NULL;
    for (size_t i = 0; i < s->doc_count; i++) {
        lsp_doc *d = s->docs[i];
        if (!path || strcmp(d->path, path) == 0 || plan_has_file(d->plan, path))
            d->dirty = true;
    }
    schedule(s);
}

static json_t *severity_json(bcp_severity sev)
{
    return json_integer(sev == BCP_SEV_ERROR ? 1 : sev == BCP_SEV_WARNING ? 2 : 3);
}

/* One diagnostic as LSP's, on the file with lines `l` (NULL: the start of
 * `fallback`'s file). */
static json_t *diagnostic_json(lsp_server *s, lsp_plan *p, const lsp_lines *l, const bcp_diagnostic *d)
{
    json_t *range = l ? lsp_range(s, l, d->location.start_byte, d->location.end_byte)
                      : json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", 0, "character", 0, "end",
                                  "line", 0, "character", 0);
    json_t *j = json_pack("{s:o,s:o,s:s,s:s}", "range", range, "severity", severity_json(d->severity),
                          "source", "bcp", "message", d->message ? d->message : "");
    if (d->help) {
        size_t n = strlen(d->message ? d->message : "") + strlen(d->help) + 16;
        char *m = xrealloc(NULL, n);
        snprintf(m, n, "%s\nhelp: %s", d->message ? d->message : "", d->help);
        json_object_set_new(j, "message", json_string(m));
        free(m);
    }
    if (d->code) {
        json_object_set_new(j, "code", json_string(d->code));
        if (s->docs_url) {
            size_t n = strlen(s->docs_url) + strlen(d->code) + 8;
            char *href = xrealloc(NULL, n);
            size_t bl = strlen(s->docs_url);
            snprintf(href, n, "%s%s%s.md", s->docs_url, bl && s->docs_url[bl - 1] == '/' ? "" : "/", d->code);
            json_object_set_new(j, "codeDescription", json_pack("{s:s}", "href", href));
            free(href);
        }
    }
    if (d->note_count) {
        json_t *rel = json_array();
        for (size_t i = 0; i < d->note_count; i++) {
            json_t *loc = lsp_location_json(s, p, d->notes[i].location);
            if (loc)
                json_array_append_new(rel, json_pack("{s:o,s:s}", "location", loc, "message",
                                                     d->notes[i].message ? d->notes[i].message : ""));
        }
        json_object_set_new(j, "relatedInformation", rel);
    }
    json_t *data = json_object();
    if (d->name)
        json_object_set_new(data, "name", json_string(d->name));
    json_object_set_new(data, "lint", json_boolean(d->code && d->code[0] != 'E'));
    json_t *fixes = json_array();
    for (size_t i = 0; i < d->fixit_count; i++) {
        const bcp_fixit *f = &d->fixits[i];
        size_t ffi;
        const lsp_lines *fl = lsp_plan_lines(p, f->location.path ? f->location.path : d->location.path, &ffi);
        if (!fl)
            continue;
        /* The file the fix edits: the diagnostic's, or another of the plan. */
        char *furi = lsp_uri_for_path(s, p->files[ffi]);
        json_array_append_new(fixes, json_pack("{s:s,s:s,s:o,s:s}", "title", f->title ? f->title : "apply the fix",
                                               "uri", furi,
                                               "range", lsp_range(s, fl, f->location.start_byte, f->location.end_byte),
                                               "newText", f->replacement ? f->replacement : ""));
        free(furi);
    }
    json_object_set_new(data, "fixits", fixes);
    json_object_set_new(j, "data", data);
    return j;
}

static void publish(lsp_server *s, const char *path, json_t *diags)
{
    char *uri = lsp_uri_for_path(s, path);
    json_object_set(s->published, uri, diags);
    lsp_doc *d = lsp_find_doc(s, uri);
    json_t *params = json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diags);
    if (d)
        json_object_set_new(params, "version", json_integer(d->version));
    lsp_send_notification(s, "textDocument/publishDiagnostics", params);
    free(uri);
}

static void add_diagnostics(lsp_server *s, lsp_plan *p, json_t **per_file, const bcp_diagnostics *set)
{
    for (size_t i = 0; set && i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        size_t fi = 0;
        const lsp_lines *l = lsp_plan_lines(p, d->location.path, &fi);
        if (!l)
            fi = 0;  /* no location, or the stdlib's or a configuration's: on the root */
        json_array_append_new(per_file[fi], diagnostic_json(s, p, l, d));
    }
}

/* Parses `d` whole again (its text unchanged): the tree a fresh open gives. */
static void parse_whole(lsp_server *s, lsp_doc *d)
{
    size_t len;
    const char *cur = bcp_document_text(s->ws, d->path, &len);
    char *copy = xrealloc(NULL, len + 1);   /* the open frees the text it replaces */
    memcpy(copy, cur ? cur : "", cur ? len : 0);
    bcp_document_open(s->ws, d->path, copy, cur ? len : 0);
    free(copy);
    d->incremental = false;
}

/* Incremental parsing and a fresh parse agree on text without syntax
 * errors; with errors, tree-sitter's recovery on reused subtrees may not
 * (the random-edit test found such texts).  So the open documents of `plan`
 * that were re-parsed incrementally and have syntax errors now are parsed
 * whole; true when one was (then the plan is loaded again). */
static bool fresh_trees(lsp_server *s, const bcp_plan *plan)
{
    size_t n = bcp_plan_file_count(plan);
    char **files = xrealloc(NULL, (n + 1) * sizeof *files);
    for (size_t f = 0; f < n; f++)
        files[f] = canonical(bcp_plan_file(plan, f));
    for (size_t i = 0; i < s->doc_count; i++)
        for (size_t f = 0; f < n; f++)
            if (strcmp(files[f], s->docs[i]->path) == 0)
                s->docs[i]->syntax_errors = false;
    bcp_diagnostics *own = bcp_plan_diagnostics(plan);
    for (size_t k = 0; k < bcp_diagnostics_count(own); k++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(own, k);
        if (!d->is_syntax || !d->location.path)
            continue;
        char *c = canonical(d->location.path);
        for (size_t i = 0; i < s->doc_count; i++)
            if (strcmp(c, s->docs[i]->path) == 0)
                s->docs[i]->syntax_errors = true;
        free(c);
    }
    bcp_diagnostics_free(own);
    bool any = false;
    for (size_t i = 0; i < s->doc_count; i++) {
        lsp_doc *d = s->docs[i];
        bool in_plan = false;
        for (size_t f = 0; f < n && !in_plan; f++)
            in_plan = strcmp(files[f], d->path) == 0;
        if (in_plan && d->incremental && d->syntax_errors) {
            parse_whole(s, d);
            any = true;
        }
    }
    for (size_t f = 0; f < n; f++)
        free(files[f]);
    free(files);
    return any;
}

/* Loads and lints the plan of `doc`, publishes for each of its files and
 * gives it to every open document it holds. */
static void check_doc(lsp_server *s, lsp_doc *doc)
{
    double t0 = now_ms();
    /* A document that had syntax errors is parsed whole at once: while it
     * stays broken, one parse per check. */
    for (size_t i = 0; i < s->doc_count; i++)
        if (s->docs[i]->incremental && s->docs[i]->syntax_errors)
            parse_whole(s, s->docs[i]);
    bcp_plan *plan = NULL;
    if (bcp_workspace_load(s->ws, doc->path, &plan) != BCP_OK || !plan) {
        doc->dirty = false;
        return;
    }
    if (bcp_plan_file_count(plan) == 0) {
        /* Not even the document was read (over the file-size limit of its
         * bcpconfig.bcp): why, at its start; no plan to answer from. */
        json_t *diags = json_array();
        bcp_diagnostics *own = bcp_plan_diagnostics(plan);
        for (size_t i = 0; i < bcp_diagnostics_count(own); i++)
            json_array_append_new(diags, diagnostic_json(s, NULL, NULL, bcp_diagnostics_get(own, i)));
        bcp_diagnostics_free(own);
        bcp_plan_free(plan);
        publish(s, doc->path, diags);
        plan_release(doc->plan);
        doc->plan = NULL;
        doc->dirty = false;
        s->last_check_ms = now_ms() - t0;
        return;
    }
    /* A module loaded with its plan: check the plan from its root, which
     * reports on every file. */
    if (bcp_plan_file_count(plan) > 1 && strcmp(bcp_plan_file(plan, 0), doc->path) != 0) {
        char *root = xstrdup(bcp_plan_file(plan, 0));
        bcp_plan *whole = NULL;
        if (bcp_workspace_load(s->ws, root, &whole) == BCP_OK && whole) {
            bool holds = false;
            for (size_t i = 0; i < bcp_plan_file_count(whole); i++) {
                char *c = canonical(bcp_plan_file(whole, i));
                holds = holds || strcmp(c, doc->path) == 0;
                free(c);
            }
            if (holds) {
                bcp_plan_free(plan);
                plan = whole;
            } else {
                bcp_plan_free(whole);
            }
        }
        free(root);
    }
    /* An edit broke it: checked again on whole parses (then no document of
     * the plan is incremental, so this recurses once at most). */
    if (fresh_trees(s, plan)) {
        bcp_plan_free(plan);
        check_doc(s, doc);
        return;
    }
    lsp_plan *p = calloc(1, sizeof *p);
    if (!p)
        exit(2);
    p->plan = plan;
    p->file_count = bcp_plan_file_count(plan);
    p->files = xrealloc(NULL, (p->file_count + 1) * sizeof *p->files);
    p->lines = calloc(p->file_count + 1, sizeof *p->lines);
    for (size_t i = 0; i < p->file_count; i++)
        p->files[i] = canonical(bcp_plan_file(plan, i));
    bcp_check_options opts = s->check;
    bcp_diagnostics *findings = NULL, *problems = NULL;
    bcp_status st = bcp_workspace_lint(s->ws, plan, &opts, &findings, &problems);
    json_t **per_file = xrealloc(NULL, (p->file_count + 1) * sizeof *per_file);
    for (size_t i = 0; i < p->file_count; i++)
        per_file[i] = json_array();
    if (st == BCP_OK || findings)
        add_diagnostics(s, p, per_file, findings);
    if (!findings || st != BCP_OK) {
        bcp_diagnostics *own = bcp_plan_diagnostics(plan);
        if (!findings)
            add_diagnostics(s, p, per_file, own);
        bcp_diagnostics_free(own);
    }
    add_diagnostics(s, p, per_file, problems);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
    for (size_t i = 0; i < p->file_count; i++)
        publish(s, p->files[i], per_file[i]);
    free(per_file);
    for (size_t i = 0; i < s->doc_count; i++) {
        lsp_doc *d = s->docs[i];
        if (d == doc || plan_has_file(p, d->path)) {
            plan_release(d->plan);
            d->plan = p;
            p->refs++;
            d->dirty = false;
        }
    }
    doc->dirty = false;
    if (!p->refs) {
        p->refs = 1;
        plan_release(p);
    }
    s->last_check_ms = now_ms() - t0;
}

void lsp_flush_doc(lsp_server *s, lsp_doc *doc)
{
    if (doc && (doc->dirty || !doc->plan))
        check_doc(s, doc);
}

static void flush(lsp_server *s)
{
    s->due = 0;
    for (size_t i = 0; i < s->doc_count; i++)
        if (s->docs[i]->dirty)
            check_doc(s, s->docs[i]);
}

/* ------------------------------------------------------- notifications */

static void did_open(lsp_server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    const char *text = json_string_value(json_object_get(td, "text"));
    char *path = uri ? path_of_uri(uri) : NULL;
    if (!path || !text) {
        free(path);
        log_message(s, 2, "bcp: didOpen of %s ignored: not a file: URI with text", uri);
        return;
    }
    lsp_doc *doc = lsp_find_doc(s, uri);
    if (!doc) {
        doc = calloc(1, sizeof *doc);
        if (!doc)
            exit(2);
        doc->uri = xstrdup(uri);
        doc->path = xstrdup(path);
        if (s->doc_count == s->doc_capacity) {
            s->doc_capacity = s->doc_capacity ? 2 * s->doc_capacity : 8;
            s->docs = xrealloc(s->docs, s->doc_capacity * sizeof *s->docs);
        }
        s->docs[s->doc_count++] = doc;
    }
    doc->version = json_integer_value(json_object_get(td, "version"));
    bcp_document_open(s->ws, doc->path, text, json_string_length(json_object_get(td, "text")));
    doc->incremental = false;
    free(path);
    mark_dirty(s, doc->path);
}

static void did_change(lsp_server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    lsp_doc *doc = lsp_find_doc(s, uri);
    if (!doc) {
        log_message(s, 2, "bcp: didChange of %s ignored: the document is not open", uri);
        return;
    }
    json_t *v = json_object_get(td, "version");
    if (json_is_integer(v) && json_integer_value(v) <= doc->version) {
        log_message(s, 2, "bcp: a stale didChange of %s ignored (its version is not newer)", uri);
        return;
    }
    json_t *changes = json_object_get(params, "contentChanges");
    size_t i;
    json_t *c;
    json_array_foreach(changes, i, c) {
        json_t *text = json_object_get(c, "text");
        if (!json_is_string(text))
            continue;
        json_t *range = json_object_get(c, "range");
        if (!range) {
            bcp_document_open(s->ws, doc->path, json_string_value(text), json_string_length(text));
            doc->incremental = false;
            continue;
        }
        size_t len;
        const char *cur = bcp_document_text(s->ws, doc->path, &len);
        lsp_lines l;
        lsp_lines_init(&l, cur, len);
        uint32_t a = lsp_offset_of(s, &l, json_object_get(range, "start"));
        uint32_t b = lsp_offset_of(s, &l, json_object_get(range, "end"));
        lsp_lines_free(&l);
        if (b < a) {
            uint32_t t = a;
            a = b;
            b = t;
        }
        bcp_text_edit e = {a, b, json_string_value(text), json_string_length(text)};
        if (bcp_document_edit(s->ws, doc->path, &e, 1, NULL) != BCP_OK)
            log_message(s, 1, "bcp: an edit of %s was out of range and ignored", uri);
        else
            doc->incremental = true;
    }
    if (json_is_integer(v))
        doc->version = json_integer_value(v);
    mark_dirty(s, doc->path);
}

static void did_close(lsp_server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *doc = lsp_find_doc(s, uri);
    if (!doc)
        return;
    bcp_document_close(s->ws, doc->path);
    for (size_t i = 0; i < s->doc_count; i++) {
        if (s->docs[i] == doc) {
            memmove(&s->docs[i], &s->docs[i + 1], (s->doc_count - i - 1) * sizeof *s->docs);
            s->doc_count--;
            break;
        }
    }
    /* The other open files of its plan now read it from the disk. */
    mark_dirty(s, doc->path);
    json_object_del(s->published, doc->uri);
    lsp_send_notification(s, "textDocument/publishDiagnostics",
                          json_pack("{s:s,s:[]}", "uri", doc->uri, "diagnostics"));
    plan_release(doc->plan);
    free(doc->uri);
    free(doc->path);
    free(doc);
}

static void did_save(lsp_server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    if (is_config_path(uri))
        mark_dirty(s, NULL);   /* the configuration: every plan again */
}

/* workspace/didChangeConfiguration: settings.bcp.{today, profile} (or the
 * same at the top of settings) replace the initialization options'; every
 * plan is checked again. */
static void did_change_configuration(lsp_server *s, json_t *params)
{
    json_t *settings = json_object_get(params, "settings");
    json_t *bcp = json_object_get(settings, "bcp");
    if (json_is_object(bcp))
        settings = bcp;
    const char *today = json_string_value(json_object_get(settings, "today"));
    const char *profile = json_string_value(json_object_get(settings, "profile"));
    if (today) {
        free(s->today);
        s->today = *today ? xstrdup(today) : NULL;
        s->check.today = s->today;
    }
    if (profile) {
        free(s->profile);
        s->profile = *profile ? xstrdup(profile) : NULL;
        s->check.profile = s->profile;
    }
    mark_dirty(s, NULL);
}

static void did_change_watched(lsp_server *s, json_t *params)
{
    (void)params;
    mark_dirty(s, NULL);       /* a file created, changed or deleted under us */
}

/* ------------------------------------------------------------- requests */

static json_t *initialize(lsp_server *s, json_t *params)
{
    json_t *enc = json_object_get(json_object_get(json_object_get(params, "capabilities"), "general"),
                                  "positionEncodings");
    size_t i;
    json_t *e;
    json_array_foreach(enc, i, e) {
        if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
            s->utf8 = true;
    }
    json_t *init = json_object_get(params, "initializationOptions");
    const char *today = json_string_value(json_object_get(init, "today"));
    const char *profile = json_string_value(json_object_get(init, "profile"));
    if (today) {
        free(s->today);
        s->today = xstrdup(today);
        s->check.today = s->today;
    }
    if (profile) {
        free(s->profile);
        s->profile = xstrdup(profile);
        s->check.profile = s->profile;
    }
    const char *docs = json_string_value(json_object_get(init, "docsUrl"));
    if (docs) {
        free(s->docs_url_owned);
        s->docs_url_owned = xstrdup(docs);
        s->docs_url = s->docs_url_owned;
    }
    json_t *deb = json_object_get(init, "debounce");
    if (json_is_integer(deb) && json_integer_value(deb) >= 0 && json_integer_value(deb) < 10000)
        s->debounce_ms = (int)json_integer_value(deb);
    json_t *caps = json_pack(
        "{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s,s,s,s],s:b},s:b,s:b,s:b,s:b,s:b,s:b,s:b,"
        "s:{s:b},s:b,s:b,s:{s:[s,s]},s:b}",
        "positionEncoding", s->utf8 ? "utf-8" : "utf-16",
        "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
        "completionProvider", "triggerCharacters", ".", "=", " ", "[", "resolveProvider", 0,
        "hoverProvider", 1, "definitionProvider", 1, "referencesProvider", 1,
        "documentSymbolProvider", 1, "workspaceSymbolProvider", 1, "foldingRangeProvider", 1,
        "selectionRangeProvider", 1, "renameProvider", "prepareProvider", 1,
        "documentFormattingProvider", 1, "documentRangeFormattingProvider", 1,
        "codeActionProvider", "codeActionKinds", "quickfix", "source",
        "inlayHintProvider", 1);
    json_object_set_new(caps, "signatureHelpProvider",
                        json_pack("{s:[s,s],s:[s]}", "triggerCharacters", "[", ",", "retriggerCharacters", " "));
    return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps, "serverInfo", "name", "bcp", "version",
                     BCP_VERSION);
}

static const struct {
    const char *method;
    lsp_handler run;
} handlers[] = {
    {"textDocument/completion", lsp_completion},
    {"textDocument/hover", lsp_hover},
    {"textDocument/definition", lsp_definition},
    {"textDocument/references", lsp_references},
    {"textDocument/documentSymbol", lsp_document_symbols},
    {"workspace/symbol", lsp_workspace_symbols},
    {"textDocument/foldingRange", lsp_folding_ranges},
    {"textDocument/selectionRange", lsp_selection_ranges},
    {"textDocument/prepareRename", lsp_prepare_rename},
    {"textDocument/rename", lsp_rename},
    {"textDocument/formatting", lsp_formatting},
    {"textDocument/rangeFormatting", lsp_range_formatting},
    {"textDocument/codeAction", lsp_code_actions},
    {"textDocument/inlayHint", lsp_inlay_hints},
    {"textDocument/signatureHelp", lsp_signature_help},
};

static void handle(lsp_server *s, json_t *msg)
{
    if (!json_is_object(msg)) {
        send_error(s, NULL, LSP_INVALID_REQUEST, "a JSON-RPC message is an object");
        return;
    }
    json_t *id = json_object_get(msg, "id");
    const char *method = json_string_value(json_object_get(msg, "method"));
    json_t *params = json_object_get(msg, "params");
    bool request = id != NULL;
    if (request && !json_is_integer(id) && !json_is_string(id)) {
        send_error(s, NULL, LSP_INVALID_REQUEST, "the id must be a number or a string");
        return;
    }
    if (!method) {
        if (!request && (json_object_get(msg, "result") || json_object_get(msg, "error")))
            return;   /* a response to a request of ours */
        if (json_object_get(msg, "result") || json_object_get(msg, "error"))
            return;
        send_error(s, id, LSP_INVALID_REQUEST, "a request needs a method");
        return;
    }
    if (strcmp(method, "exit") == 0) {
        s->exited = true;
        return;
    }
    if (!s->initialized) {
        if (request && strcmp(method, "initialize") == 0) {
            s->initialized = true;
            send_result(s, id, initialize(s, params));
        } else if (request) {
            send_error(s, id, LSP_NOT_INITIALIZED, "the server is not initialized");
        }
        return;
    }
    if (s->shutdown) {
        if (request)
            send_error(s, id, LSP_INVALID_REQUEST, "the server is shut down");
        return;
    }
    if (!request) {
        if (strcmp(method, "textDocument/didOpen") == 0)
            did_open(s, params);
        else if (strcmp(method, "textDocument/didChange") == 0)
            did_change(s, params);
        else if (strcmp(method, "textDocument/didClose") == 0)
            did_close(s, params);
        else if (strcmp(method, "textDocument/didSave") == 0)
            did_save(s, params);
        else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
            did_change_watched(s, params);
        else if (strcmp(method, "workspace/didChangeConfiguration") == 0)
            did_change_configuration(s, params);
        /* initialized, $/cancelRequest, $/setTrace and others: nothing to do */
        return;
    }
    if (strcmp(method, "initialize") == 0) {
        send_error(s, id, LSP_INVALID_REQUEST, "initialize was already sent");
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        send_result(s, id, json_null());
        return;
    }
    if (strcmp(method, "bcp/checkTime") == 0) {   /* for make bench */
        send_result(s, id, json_real(s->last_check_ms));
        return;
    }
    for (size_t i = 0; i < sizeof handlers / sizeof *handlers; i++) {
        if (strcmp(method, handlers[i].method) == 0) {
            if (!json_is_object(params)) {
                send_error(s, id, LSP_INVALID_PARAMS, "params must be an object");
                return;
            }
            int code = 0;
            const char *message = NULL;
            json_t *r = handlers[i].run(s, params, &code, &message);
            if (!r && code)
                send_error(s, id, code, message ? message : "request failed");
            else
                send_result(s, id, r);
            return;
        }
    }
    send_error(s, id, LSP_METHOD_NOT_FOUND, "unknown method");
}

/* --------------------------------------------------------------- input */

typedef struct input {
    int fd;
    char *buf;
    size_t len, cap;
    bool eof;
} input;

/* Takes one framed message out of the buffer: 1 (in *body), 0 when it is
 * not all there yet, -1 for a header without a length (skipped). */
static int take_message(input *in, char **body, size_t *body_len)
{
    char *end = NULL;
    for (size_t i = 0; i + 3 < in->len; i++) {
        if (in->buf[i] == '\r' && memcmp(in->buf + i, "\r\n\r\n", 4) == 0) {
            end = in->buf + i;
            break;
        }
    }
    if (!end)
        return 0;
    size_t header_len = (size_t)(end - in->buf) + 4;
    long long length = -1;
    for (char *line = in->buf; line < end;) {
        char *nl = memchr(line, '\n', (size_t)(end - line) + 1);
        if (!nl)
            nl = end;
        if (strncasecmp(line, "Content-Length:", 15) == 0) {
            char *e;
            long long v = strtoll(line + 15, &e, 10);
            if (e != line + 15 && v >= 0)
                length = v;
        }
        line = nl + 1;
    }
    if (length < 0 || length > (1LL << 30)) {
        memmove(in->buf, in->buf + header_len, in->len - header_len);
        in->len -= header_len;
        return -1;
    }
    if (in->len < header_len + (size_t)length)
        return 0;
    *body = xrealloc(NULL, (size_t)length + 1);
    memcpy(*body, in->buf + header_len, (size_t)length);
    (*body)[length] = '\0';
    *body_len = (size_t)length;
    memmove(in->buf, in->buf + header_len + length, in->len - header_len - (size_t)length);
    in->len -= header_len + (size_t)length;
    return 1;
}

static void fill(input *in)
{
    if (in->cap - in->len < 65536) {
        in->cap = in->cap * 2 + 65536;
        in->buf = xrealloc(in->buf, in->cap);
    }
    ssize_t n;
    do
        n = read(in->fd, in->buf + in->len, in->cap - in->len);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        in->eof = true;
    else
        in->len += (size_t)n;
}

int lsp_serve(int in_fd, FILE *out, const lsp_options *options)
{
    lsp_server s = {0};
    bcp_workspace_options wo = {0};
    wo.stdlib_dir = options ? options->stdlib_dir : NULL;
    s.ws = bcp_workspace_new(&wo);
    s.out = out;
    s.debounce_ms = options ? options->debounce_ms : 50;
    s.docs_url = options ? options->docs_url : NULL;
    s.published = json_object();
    s.check.stdlib_dir = wo.stdlib_dir;
    s.stdlib_dir = wo.stdlib_dir;
    if (options && options->today) {
        s.today = xstrdup(options->today);
        s.check.today = s.today;
    }
    input in = {in_fd, NULL, 0, 0, false};
    while (!s.exited) {
        char *body = NULL;
        size_t body_len = 0;
        int got = take_message(&in, &body, &body_len);
        if (got == -1) {
            send_error(&s, NULL, LSP_PARSE_ERROR, "a message header without Content-Length");
            continue;
        }
        if (got == 1) {
            json_error_t err;
            json_t *msg = json_loadb(body, body_len, JSON_DECODE_ANY, &err);
            free(body);
            if (!msg)
                send_error(&s, NULL, LSP_PARSE_ERROR, err.text);
            else
                handle(&s, msg);
            json_decref(msg);
            continue;
        }
        if (in.eof)
            break;
        int timeout = -1;
        if (s.due > 0) {
            double left = s.due - now_ms();
            timeout = left <= 0 ? 0 : (int)left + 1;
        }
        struct pollfd pfd = {in_fd, POLLIN, 0};
        int r = timeout == 0 ? 0 : poll(&pfd, 1, timeout);
        if (r > 0)
            fill(&in);
        else if (r == 0 || (s.due > 0 && now_ms() >= s.due))
            flush(&s);
    }
    int status = s.exited && s.shutdown ? 0 : 1;
    while (s.doc_count) {
        lsp_doc *d = s.docs[--s.doc_count];
        plan_release(d->plan);
        free(d->uri);
        free(d->path);
        free(d);
    }
    free(s.docs);
    free(in.buf);
    free(s.today);
    free(s.profile);
    free(s.docs_url_owned);
    json_decref(s.published);
    bcp_workspace_free(s.ws);
    return status;
}

int bcp_lsp_serve_stdio(int debounce_ms, const char *stdlib_dir, const char *docs_url, const char *today)
{
    lsp_options o = {debounce_ms, stdlib_dir, docs_url, today};
    return lsp_serve(0, stdout, &o);
}
