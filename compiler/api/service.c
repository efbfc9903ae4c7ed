/* The JSON operations layer of the servers (bcp mcp, bcp serve): an
 * operation name and a JSON request in, a JSON response out (include/bcp.h,
 * "service part").  Every operation is a call the CLI makes too
 * (bcp_check_paths, bcp_build_file, bcp_init_plan, bcp_format_*,
 * bcp_diff_*, the catalogue and schema docs, bcp_report_render's JSON); this
 * file only reads the request, keeps every path under the service's root and
 * shapes the answer.  Inline texts are opened as documents of a workspace,
 * named as a file in the root, so that their imports resolve there. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/call.h"
#include "base/codes.h"
#include "base/diag.h"
#include "base/paths.h"
#include "bcp.h"
#include "api_internal.h"
#include "model/parse_cache.h"
#include "render/readiness_view.h"
#include "report/output.h"
#include "service_schemas.h"
#include "tools.h"

#define DEFAULT_MAX_REQUEST (16u << 20)
#define DEFAULT_DOCS_URL "bcp://rules/{code}"
#define INLINE_NAME "inline.bcp"

struct bcp_service {
    char *root;            /* real path, no trailing slash (except "/") */
    size_t root_len;
    char *stdlib_dir;
    size_t max_request, max_file;
    bool allow_write;
    char *today;
    char *docs_url;
    bcp_revision_reader read_revision;
    void *revision_user;
    bcp_parse_cache *parse_cache;   /* serve13b: the imports its calls parsed (model/parse_cache.h) */
};

/* serve13b: the parse cache's bounds: modules, and bytes of their texts. */
#define PARSE_CACHE_ENTRIES 256
#define PARSE_CACHE_BYTES (32u << 20)

/* One call: the request, and the error once one is set. */
typedef struct call {
    const bcp_service *svc;
    json_t *req;
    json_t *error;         /* {"code", "name", "message", ["diagnostics"]} */
    bcp_status status;
} call;

static char *dup_or_null(const char *s)
{
    return s ? bcp_strdup(s) : NULL;
}

bcp_service *bcp_service_new(const bcp_service_options *options)
{
    bcp_service_options none = {0};
    if (!options)
        options = &none;
    char *real = realpath(options->root ? options->root : ".", NULL);
    struct stat st;
    if (!real || stat(real, &st) != 0 || !S_ISDIR(st.st_mode)) {
        free(real);
        return NULL;
    }
    bcp_service *svc = bcp_calloc(1, sizeof *svc);
    svc->root = bcp_strdup(real);
    free(real); /* realpath's malloc */
    svc->root_len = strlen(svc->root);
    svc->stdlib_dir = dup_or_null(options->stdlib_dir);
    svc->max_request = options->max_request ? options->max_request : DEFAULT_MAX_REQUEST;
    svc->max_file = options->max_file ? options->max_file : (size_t)bcp_limit_get("file-size");
    svc->allow_write = options->allow_write;
    svc->today = dup_or_null(options->today);
    svc->docs_url = bcp_strdup(options->docs_url ? options->docs_url : DEFAULT_DOCS_URL);
    svc->read_revision = options->read_revision;
    svc->revision_user = options->revision_user;
    svc->parse_cache = bcp_parse_cache_new(PARSE_CACHE_ENTRIES, PARSE_CACHE_BYTES);
    return svc;
}

void bcp_service_free(bcp_service *svc)
{
    if (!svc)
        return;
    bcp_free(svc->root);
    bcp_free(svc->stdlib_dir);
    bcp_free(svc->today);
    bcp_free(svc->docs_url);
    bcp_parse_cache_free(svc->parse_cache);
    bcp_free(svc);
}

const char *bcp_service_root(const bcp_service *svc)
{
    return svc ? svc->root : NULL;
}

/* ------------------------------------------------------------------ errors */

static bcp_status code_status(bcp_code_id code)
{
    switch (code) {
    case BCP_CODE_E302:
    case BCP_CODE_E305: return BCP_ERR_NOT_FOUND;
    case BCP_CODE_E306: return BCP_ERR_IO;
    case BCP_CODE_E307: return BCP_ERR_PLAN;
    case BCP_CODE_E326: return BCP_ERR_CANCELLED;
    default: return BCP_ERR_INVALID;
    }
}

/* A JSON string of s; text that is not UTF-8 is cleaned by the report
 * escaper, so that a bad byte in a path never loses the message. */
static json_t *jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    if (v)
        return v;
    char *clean = bcp_escape_text(s, strlen(s));
    v = json_string(clean);
    bcp_free(clean);
    return v ? v : json_string("?");
}

static json_t *jstrn(const char *s, size_t n)
{
    json_t *v = json_stringn(s ? s : "", s ? n : 0);
    return v ? v : jstr(s);
}

/* Sets the call's error (the first one wins). */
static bool fail(call *c, bcp_code_id code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fail(call *c, bcp_code_id code, const char *fmt, ...)
{
    if (c->error)
        return false;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = bcp_calloc((size_t)(n > 0 ? n : 0) + 1, 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    const bcp_code_info *info = bcp_code_at(code);
    c->error = json_object();
    json_object_set_new(c->error, "code", json_string(info->code));
    json_object_set_new(c->error, "name", json_string(info->name));
    json_object_set_new(c->error, "message", jstr(msg));
    bcp_free(msg);
    c->status = code_status(code);
    return false;
}

/* ------------------------------------------------------------- arguments */

/* Refuses an argument the operation does not take (a typo must not pass
 * silently).  `names` is NULL-terminated. */
static bool only_args(call *c, const char *const *names)
{
    const char *key;
    json_t *value;
    json_object_foreach(c->req, key, value) {
        bool known = false;
        for (size_t i = 0; names[i] && !known; i++)
            known = strcmp(key, names[i]) == 0;
        if (!known) {
            bcp_buf list = {0};
            for (size_t i = 0; names[i]; i++)
                bcp_buf_printf(&list, "%s%s", i ? ", " : "", names[i]);
            char *l = bcp_buf_take(&list);
            fail(c, BCP_CODE_E300, "unknown argument `%s`; this operation takes: %s", key,
                 *l ? l : "no arguments");
            bcp_free(l);
            return false;
        }
    }
    return true;
}

/* A string argument: *out NULL when absent (an error when required). */
static bool arg_string(call *c, const char *name, bool required, const char **out)
{
    *out = NULL;
    json_t *v = json_object_get(c->req, name);
    if (!v || json_is_null(v)) {
        if (required)
            return fail(c, BCP_CODE_E300, "missing argument `%s` (a string)", name);
        return true;
    }
    if (!json_is_string(v))
        return fail(c, BCP_CODE_E300, "argument `%s` must be a string", name);
    if (strlen(json_string_value(v)) != json_string_length(v))
        return fail(c, BCP_CODE_E300, "argument `%s` holds a NUL character", name);
    *out = json_string_value(v);
    return true;
}

static bool arg_bool(call *c, const char *name, bool *out)
{
    *out = false;
    json_t *v = json_object_get(c->req, name);
    if (!v || json_is_null(v))
        return true;
    if (!json_is_boolean(v))
        return fail(c, BCP_CODE_E300, "argument `%s` must be true or false", name);
    *out = json_is_true(v);
    return true;
}

/* A list of strings, given as an array or one comma-separated string.
 * *items (bcp_free) holds pointers into the request or into *joined. */
typedef struct str_list {
    const char **items;
    size_t count;
    bool given;
} str_list;

static void str_list_free(str_list *l)
{
    bcp_free(l->items);
    l->items = NULL;
    l->count = 0;
}

static bool arg_list(call *c, const char *name, str_list *out)
{
    *out = (str_list){0};
    json_t *v = json_object_get(c->req, name);
    if (!v || json_is_null(v))
        return true;
    if (json_is_string(v)) {
        /* one string: the request keeps it; split a copy kept in the request */
        const char *s = json_string_value(v);
        json_t *parts = json_array();
        for (const char *p = s; *p;) {
            const char *e = strchr(p, ',');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            while (n && (*p == ' '))
                p++, n--;
            while (n && p[n - 1] == ' ')
                n--;
            if (n)
                json_array_append_new(parts, json_stringn(p, n));
            p = e ? e + 1 : p + strlen(p);
        }
        json_object_set_new(c->req, name, parts);
        v = parts;
    }
    if (!json_is_array(v))
        return fail(c, BCP_CODE_E300, "argument `%s` must be a list of strings", name);
    out->given = true;
    out->items = bcp_calloc(json_array_size(v) + 1, sizeof *out->items);
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) {
        if (!json_is_string(item) || strlen(json_string_value(item)) != json_string_length(item)) {
            str_list_free(out);
            return fail(c, BCP_CODE_E300, "argument `%s` must be a list of strings (item %zu is not)",
                        name, i + 1);
        }
        out->items[out->count++] = json_string_value(item);
    }
    return true;
}

/* ------------------------------------------------------------------ paths */

/* `real` (a real path) lies in the root. */
static bool under_root(const bcp_service *svc, const char *real)
{
    if (strcmp(svc->root, "/") == 0)
        return real[0] == '/';
    return strncmp(real, svc->root, svc->root_len) == 0 &&
           (real[svc->root_len] == '\0' || real[svc->root_len] == '/');
}

/* `path` relative to the root when it lies there, else as it is. */
static const char *relative(const bcp_service *svc, const char *path)
{
    if (!path || strcmp(svc->root, "/") == 0)
        return path;
    if (strncmp(path, svc->root, svc->root_len) == 0) {
        if (path[svc->root_len] == '/')
            return path + svc->root_len + 1;
        if (path[svc->root_len] == '\0')
            return ".";
    }
    return path;
}

/* The path as the request names it, joined to the root when relative (a
 * new string), or NULL for an empty one. */
static char *joined(const bcp_service *svc, const char *path)
{
    if (path[0] == '/')
        return bcp_strdup(path);
    return bcp_strprintf("%s/%s", strcmp(svc->root, "/") == 0 ? "" : svc->root, path);
}

/* Whether `path` (as written) leaves the root lexically: absolute outside
 * it, or a `..` that climbs above it. */
static bool lexically_escapes(const bcp_service *svc, const char *path)
{
    if (path[0] == '/') {
        char *j = bcp_strdup(path);
        /* fold nothing: an absolute path must start with the root */
        bool out = !under_root(svc, j);
        bcp_free(j);
        return out;
    }
    int depth = 0;
    for (const char *p = path; *p;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return true;
        } else if (n && !(n == 1 && p[0] == '.')) {
            depth++;
        }
        p += n;
        if (*p == '/')
            p++;
    }
    return false;
}

/* Resolves an existing file or folder the request names: its real path (a
 * new string), or NULL with the call's error set (E302 outside the root,
 * symbolic links followed; E305 missing). */
static char *resolve_existing(call *c, const char *arg, const char *path)
{
    const bcp_service *svc = c->svc;
    if (!path[0]) {
        fail(c, BCP_CODE_E300, "argument `%s` is empty: name a file relative to the root", arg);
        return NULL;
    }
    if (lexically_escapes(svc, path)) {
        fail(c, BCP_CODE_E302, "`%s` (%s) is outside the root %s; name a file relative to the root", path, arg,
             svc->root);
        return NULL;
    }
    char *j = joined(svc, path);
    char *real = realpath(j, NULL);
    bcp_free(j);
    if (!real) {
        fail(c, BCP_CODE_E305, "`%s` (%s) does not exist under the root; the `files` operation lists the plans",
             path, arg);
        return NULL;
    }
    if (!under_root(svc, real)) {
        free(real);
        fail(c, BCP_CODE_E302, "`%s` (%s) leads outside the root %s (through a symbolic link); "
             "name a file that lies in the root", path, arg, svc->root);
        return NULL;
    }
    char *out = bcp_strdup(real);
    free(real); /* realpath's malloc */
    return out;
}

/* An existing regular file no larger than the limit. */
static char *resolve_file(call *c, const char *arg, const char *path)
{
    char *real = resolve_existing(c, arg, path);
    if (!real)
        return NULL;
    struct stat st;
    if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
        fail(c, BCP_CODE_E300, "`%s` (%s) is not a regular file", path, arg);
        bcp_free(real);
        return NULL;
    }
    if ((uint64_t)st.st_size > c->svc->max_file) {
        fail(c, BCP_CODE_E303, "`%s` has %lld bytes; this server reads files of at most %zu bytes", path,
             (long long)st.st_size, c->svc->max_file);
        bcp_free(real);
        return NULL;
    }
    return real;
}

/* A file the request will write: its folder must exist under the root; the
 * file itself may be new, or a regular file (not a symbolic link).  The
 * real path of the folder joined with the file's name (a new string). */
static char *resolve_output(call *c, const char *arg, const char *path)
{
    if (!c->svc->allow_write) {
        fail(c, BCP_CODE_E304, "writing `%s` needs a server started with --allow-write; "
             "leave out `%s` to get the result inline", path, arg);
        return NULL;
    }
    if (!path[0] || path[strlen(path) - 1] == '/') {
        fail(c, BCP_CODE_E300, "argument `%s` must name a file", arg);
        return NULL;
    }
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
        fail(c, BCP_CODE_E300, "argument `%s` must name a file", arg);
        return NULL;
    }
    char *dir = slash ? bcp_strndup(path, slash == path ? 1 : (size_t)(slash - path)) : bcp_strdup(".");
    if (lexically_escapes(c->svc, path)) {
        bcp_free(dir);
        fail(c, BCP_CODE_E302, "`%s` (%s) is outside the root %s", path, arg, c->svc->root);
        return NULL;
    }
    char *real_dir = resolve_existing(c, arg, dir);
    bcp_free(dir);
    if (!real_dir)
        return NULL;
    char *out = bcp_strprintf("%s/%s", strcmp(real_dir, "/") == 0 ? "" : real_dir, base);
    bcp_free(real_dir);
    struct stat st;
    if (lstat(out, &st) == 0 && !S_ISREG(st.st_mode)) {
        fail(c, BCP_CODE_E302, "`%s` (%s) exists and is not a regular file (a link or a folder); "
             "it is not overwritten", path, arg);
        bcp_free(out);
        return NULL;
    }
    return out;
}

/* Writes `data` to `path` (from resolve_output) through a temporary file in
 * the same folder, renamed over it: a failed write leaves the old file. */
static bool write_file(call *c, const char *path, const char *data, size_t length)
{
    char *tmp = bcp_strprintf("%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    bool ok = fd >= 0;
    if (ok) {
        (void)fchmod(fd, 0644);
        for (size_t done = 0; ok && done < length;) {
            ssize_t n = write(fd, data + done, length - done);
            if (n < 0 && errno == EINTR)
                continue;
            ok = n > 0;
            done += ok ? (size_t)n : 0;
        }
        ok = close(fd) == 0 && ok;
        ok = ok && rename(tmp, path) == 0;
        if (!ok)
            unlink(tmp);
    }
    if (!ok)
        fail(c, BCP_CODE_E307, "cannot write %s: %s", relative(c->svc, path), strerror(errno));
    bcp_free(tmp);
    return ok;
}

/* ----------------------------------------------------------- diagnostics */

/* A finding's page: the docs URL with "{code}" replaced, else + CODE.md. */
static char *docs_url(const bcp_service *svc, const char *code)
{
    const char *at = strstr(svc->docs_url, "{code}");
    if (at)
        return bcp_strprintf("%.*s%s%s", (int)(at - svc->docs_url), svc->docs_url, code, at + 6);
    size_t n = strlen(svc->docs_url);
    return bcp_strprintf("%s%s%s.md", svc->docs_url, n && svc->docs_url[n - 1] == '/' ? "" : "/", code);
}

static void relative_file(const bcp_service *svc, json_t *o)
{
    json_t *file = json_object_get(o, "file");
    if (json_is_string(file)) {
        const char *rel = relative(svc, json_string_value(file));
        if (rel != json_string_value(file))
            json_object_set_new(o, "file", jstr(rel));
    }
}

/* The findings of a set as bcp_report_render's JSON gives them, with paths
 * relative to the root and each one's docs_url.  Adds the counts to `out`. */
static json_t *findings_json(const bcp_service *svc, const bcp_diagnostics *set, json_t *out)
{
    if (bcp_call_cancelled())
        return json_array();   /* serve13b: the call's answer is E326 whatever it found */
    /* serve13c: the report's document itself, not its text parsed back
     * (half of an inline check of a 3,000-function plan went there). */
    json_t *doc = bcp_report_json_doc(set, 0, bcp_diagnostics_count(set));
    json_t *list = json_object_get(doc, "findings");
    list = json_is_array(list) ? json_incref(list) : json_array();
    size_t i;
    json_t *f;
    json_array_foreach(list, i, f) {
        relative_file(svc, f);
        json_t *notes = json_object_get(f, "notes"), *fixes = json_object_get(f, "fixes"), *x;
        size_t j;
        json_array_foreach(notes, j, x) relative_file(svc, x);
        json_array_foreach(fixes, j, x) relative_file(svc, x);
        const char *code = json_string_value(json_object_get(f, "code"));
        if (code) {
            char *url = docs_url(svc, code);
            json_object_set_new(f, "docs_url", jstr(url));
            bcp_free(url);
        }
    }
    if (out) {
        json_object_set_new(out, "errors", json_integer((json_int_t)bcp_diagnostics_count_at_least(set, BCP_SEV_ERROR)));
        json_object_set_new(out, "warnings", json_integer((json_int_t)(bcp_diagnostics_count_at_least(set, BCP_SEV_WARNING) -
                                                                      bcp_diagnostics_count_at_least(set, BCP_SEV_ERROR))));
        json_object_set_new(out, "infos", json_integer((json_int_t)(bcp_diagnostics_count(set) -
                                                                   bcp_diagnostics_count_at_least(set, BCP_SEV_WARNING))));
    }
    json_decref(doc);
    return list;
}

/* Attaches the library's diagnostics of a failure to the call's error. */
static void attach(call *c, const bcp_diagnostics *set)
{
    if (!c->error || !set || bcp_diagnostics_count(set) == 0)
        return;
    json_t *list = json_object_get(c->error, "diagnostics");
    json_t *more = findings_json(c->svc, set, NULL);
    if (list) {
        json_array_extend(list, more);
        json_decref(more);
    } else {
        json_object_set_new(c->error, "diagnostics", more);
    }
}

/* The first message of a set, for an error's one line. */
static const char *first_message(const bcp_diagnostics *set, const char *otherwise)
{
    const bcp_diagnostic *d = set ? bcp_diagnostics_get(set, 0) : NULL;
    return d && d->message ? d->message : otherwise;
}

/* A JSON text the library wrote, as a value (NULL: E307). */
static json_t *parsed(call *c, const char *text, size_t length, const char *what)
{
    json_t *v = text ? json_loadb(text, length, 0, NULL) : NULL;
    if (!v)
        fail(c, BCP_CODE_E307, "the %s could not be produced", what);
    return v;
}

/* ------------------------------------------------------------ plan input */

/* A plan the request gives: `path` (a file under the root) or `text` (with
 * `name`, the file it stands for, default inline.bcp in the root).  Exactly
 * one of the two.  *real gets the file's real path, or the name's. */
typedef struct plan_input {
    const char *text;          /* inline text, or NULL */
    size_t length;
    char *real;                /* bcp_free */
} plan_input;

static bool plan_input_get(call *c, plan_input *in, bool folders)
{
    *in = (plan_input){0};
    const char *path, *text, *name;
    if (!arg_string(c, "path", false, &path) || !arg_string(c, "text", false, &text) ||
        !arg_string(c, "name", false, &name))
        return false;
    if (!path == !text)
        return fail(c, BCP_CODE_E300, "give either `path` (a plan file under the root) or `text` (the plan itself)");
    if (path) {
        if (name)
            return fail(c, BCP_CODE_E300, "`name` goes with `text`, not with `path`");
        if (folders) {
            in->real = resolve_existing(c, "path", path);
            struct stat st;
            if (in->real && stat(in->real, &st) == 0 && S_ISREG(st.st_mode) &&
                (uint64_t)st.st_size > c->svc->max_file) {
                bcp_free(in->real);
                in->real = NULL;
                return fail(c, BCP_CODE_E303, "`%s` has %lld bytes; this server reads files of at most %zu bytes",
                            path, (long long)st.st_size, c->svc->max_file);
            }
        } else {
            in->real = resolve_file(c, "path", path);
        }
        return in->real != NULL;
    }
    in->text = text;
    in->length = json_string_length(json_object_get(c->req, "text"));
    if (in->length > c->svc->max_file)
        return fail(c, BCP_CODE_E303, "`text` has %zu bytes; this server takes plans of at most %zu bytes",
                    in->length, c->svc->max_file);
    if (!name)
        name = INLINE_NAME;
    if (!name[0] || strchr(name, '/') || strcmp(name, "..") == 0 || strcmp(name, ".") == 0)
        return fail(c, BCP_CODE_E300, "`name` is a file name in the root, without folders (e.g. plan.bcp)");
    in->real = joined(c->svc, name);
    return true;
}

/* The inline text opened in a new workspace and loaded. */
static bool load_inline(call *c, const plan_input *in, bcp_workspace **ws, bcp_plan **plan)
{
    bcp_workspace_options wo = {.stdlib_dir = c->svc->stdlib_dir, .config_root = c->svc->root};
    *ws = bcp_workspace_new(&wo);
    *plan = NULL;
    if (bcp_document_open(*ws, in->real, in->text, in->length) != BCP_OK ||
        bcp_workspace_load(*ws, in->real, plan) != BCP_OK)
        return fail(c, BCP_CODE_E307, "the plan text could not be loaded");
    return true;
}

static bcp_check_options check_options(call *c, str_list *select, str_list *ignore, str_list *regimes, bool no_lint)
{
    bcp_check_options o = {
        .stdlib_dir = c->svc->stdlib_dir,
        .today = c->svc->today,
        .no_lint = no_lint,
        .select = select->items, .select_count = select->count, .has_select = select->given,
        .ignore = ignore->items, .ignore_count = ignore->count, .has_ignore = ignore->given,
        .regimes = regimes->items, .regime_count = regimes->count,
        .config_root = c->svc->root,
    };
    return o;
}

/* ------------------------------------------------------------- operations */

static json_t *op_check(call *c)
{
    static const char *const args[] = {"path", "text", "name", "select", "ignore", "regimes", "no_lint", NULL};
    if (!only_args(c, args))
        return NULL;
    str_list select, ignore, regimes;
    bool no_lint;
    plan_input in;
    json_t *out = NULL;
    if (!arg_list(c, "select", &select))
        return NULL;
    if (!arg_list(c, "ignore", &ignore)) {
        str_list_free(&select);
        return NULL;
    }
    if (!arg_list(c, "regimes", &regimes) || !arg_bool(c, "no_lint", &no_lint) || !plan_input_get(c, &in, true))
        goto done;
    bcp_check_options o = check_options(c, &select, &ignore, &regimes, no_lint);
    bcp_diagnostics *findings = NULL, *problems = NULL;
    bcp_status s;
    bcp_workspace *ws = NULL;
    bcp_plan *plan = NULL;
    if (in.text) {
        s = load_inline(c, &in, &ws, &plan) ? bcp_plan_lint(plan, &o, &findings, &problems) : BCP_ERR_PLAN;
    } else {
        const char *p = in.real;
        s = bcp_check_paths(&p, 1, &o, &findings, &problems);
    }
    const bcp_diagnostic *why = problems ? bcp_diagnostics_get(problems, 0) : NULL;
    if (!c->error && (s == BCP_ERR_INVALID || (s != BCP_OK && why && !why->location.path)))
        /* a selector or regime of the request (located problems are the configuration's) */
        fail(c, BCP_CODE_E300, "%s", first_message(problems, "a rule selector or regime is not known"));
    else if (!c->error && s != BCP_OK)
        fail(c, BCP_CODE_E307, "%s", first_message(problems, "the check stopped"));
    if (c->error) {
        attach(c, problems);
    } else {
        out = json_object();
        json_object_set_new(out, "findings", findings_json(c->svc, findings, out));
        json_object_set_new(out, "syntax_errors", json_boolean(bcp_diagnostics_has_syntax_errors(findings)));
        if (problems && bcp_diagnostics_count(problems))
            json_object_set_new(out, "problems", findings_json(c->svc, problems, NULL));
    }
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    bcp_free(in.real);
done:
    str_list_free(&select);
    str_list_free(&ignore);
    str_list_free(&regimes);
    return out;
}

static bool doc_format(call *c, const char *name, bcp_doc_format *out)
{
    if (!name || strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
        *out = BCP_DOC_MARKDOWN;
    else if (strcmp(name, "json") == 0)
        *out = BCP_DOC_JSON;
    else if (strcmp(name, "html") == 0)
        *out = BCP_DOC_HTML;
    else
        return fail(c, BCP_CODE_E300, "`format` takes markdown, json or html, not `%s`", name);
    return true;
}

static const char *const format_names[] = {"markdown", "html", "json"};

static json_t *op_build(call *c)
{
    static const char *const args[] = {"path", "text", "name", "format", "lang", "draft", "output", NULL};
    const char *format_name, *lang, *output;
    bool draft;
    bcp_doc_format format = BCP_DOC_MARKDOWN;
    plan_input in = {0};
    if (!only_args(c, args) || !arg_string(c, "format", false, &format_name) ||
        !arg_string(c, "lang", false, &lang) || !arg_string(c, "output", false, &output) ||
        !arg_bool(c, "draft", &draft) || !doc_format(c, format_name, &format))
        return NULL;
    char *out_path = NULL;
    if (output && !(out_path = resolve_output(c, "output", output)))
        return NULL;
    if (!plan_input_get(c, &in, false)) {
        bcp_free(out_path);
        return NULL;
    }
    json_t *out = NULL;
    char *doc = NULL, *doc_lang = NULL, *doc_name = NULL;
    size_t doc_len = 0;
    bcp_diagnostics *findings = NULL, *problems = NULL;
    if (in.text) {
        bcp_workspace *ws;
        bcp_plan *plan;
        if (load_inline(c, &in, &ws, &plan)) {
            bcp_check_options co = {.stdlib_dir = c->svc->stdlib_dir, .today = c->svc->today,
                                     .config_root = c->svc->root};
            bcp_diagnostics *lint_problems = NULL;
            bcp_status s = bcp_plan_lint(plan, &co, &findings, &lint_problems);
            if (s != BCP_OK) {
                fail(c, BCP_CODE_E307, "%s", first_message(lint_problems, "the plan's configuration cannot be used"));
                attach(c, lint_problems);
            } else if (bcp_diagnostics_has_syntax_errors(findings) ||
                       (bcp_diagnostics_count_at_least(findings, BCP_SEV_ERROR) && !draft)) {
                fail(c, BCP_CODE_E307, "the plan has %zu errors; fix them (see diagnostics) or build with "
                     "`draft: true`", bcp_diagnostics_count_at_least(findings, BCP_SEV_ERROR));
                attach(c, findings);
            } else {
                bcp_render_options ro = {.lang = lang, .draft = draft, .findings = findings,
                                         .config_root = c->svc->root};
                s = bcp_plan_render_with(ws, plan, format, &ro, &doc, &doc_len, &problems);
                if (s != BCP_OK) {
                    fail(c, BCP_CODE_E307, "%s", first_message(problems, "the plan could not be built"));
                    attach(c, problems);
                }
                doc_lang = bcp_strdup(lang ? lang : "");
                const char *base = strrchr(in.real, '/');
                doc_name = bcp_strdup(base ? base + 1 : in.real);
                char *dot = strrchr(doc_name, '.');
                if (dot)
                    *dot = '\0';
            }
            bcp_diagnostics_free(lint_problems);
        }
        bcp_plan_free(plan);
        bcp_workspace_free(ws);
    } else {
        bcp_build_options bo = {.stdlib_dir = c->svc->stdlib_dir, .lang = lang, .formats = 1u << format,
                                .draft = draft, .config_root = c->svc->root};
        bcp_build_result r = {0};
        bcp_status s = bcp_build_file(in.real, &bo, &r);
        if (s != BCP_OK) {
            size_t errors = bcp_diagnostics_count_at_least(r.findings, BCP_SEV_ERROR);
            if (errors && !bcp_diagnostics_count_at_least(r.diagnostics, BCP_SEV_ERROR))
                fail(c, BCP_CODE_E307, "the plan has %zu lint errors; fix them (see diagnostics) or build "
                     "with `draft: true`", errors);
            else
                fail(c, BCP_CODE_E307, "%s", first_message(r.diagnostics, "the plan could not be built "
                                                                       "(it has no `plan` block)"));
            attach(c, r.diagnostics);
            attach(c, r.findings);
        } else {
            doc = r.documents[format];
            doc_len = r.lengths[format];
            r.documents[format] = NULL;
            doc_lang = r.lang;
            doc_name = r.name;
            r.lang = r.name = NULL;
            findings = r.findings;
            problems = r.diagnostics;
            r.findings = r.diagnostics = NULL;
        }
        bcp_build_result_free(&r);
    }
    if (!c->error && doc) {
        out = json_object();
        json_object_set_new(out, "format", json_string(format_names[format]));
        json_object_set_new(out, "name", jstr(doc_name));
        json_object_set_new(out, "lang", jstr(doc_lang));
        if (out_path) {
            if (write_file(c, out_path, doc, doc_len)) {
                json_object_set_new(out, "written", jstr(relative(c->svc, out_path)));
                json_object_set_new(out, "bytes", json_integer((json_int_t)doc_len));
            }
        } else {
            json_object_set_new(out, "document", jstrn(doc, doc_len));
        }
        json_object_set_new(out, "findings", findings_json(c->svc, findings, out));
        if (problems && bcp_diagnostics_count(problems))
            json_object_set_new(out, "warnings_detail", findings_json(c->svc, problems, NULL));
        if (c->error) {
            json_decref(out);
            out = NULL;
        }
    }
    bcp_free(doc);
    bcp_free(doc_lang);
    bcp_free(doc_name);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
    bcp_free(in.real);
    bcp_free(out_path);
    return out;
}

static json_t *op_init(call *c)
{
    static const char *const args[] = {"industry", "size", "sites", "regions", "lang", "output", NULL};
    const char *industry, *size, *lang, *output;
    str_list sites, regions;
    if (!only_args(c, args) || !arg_string(c, "industry", true, &industry) || !arg_string(c, "size", false, &size) ||
        !arg_string(c, "lang", false, &lang) || !arg_string(c, "output", false, &output) ||
        !arg_list(c, "sites", &sites))
        return NULL;
    if (!arg_list(c, "regions", &regions)) {
        str_list_free(&sites);
        return NULL;
    }
    bcp_buf joined_sites = {0};
    for (size_t i = 0; i < sites.count; i++)
        bcp_buf_printf(&joined_sites, "%s%s", joined_sites.len ? "," : "", sites.items[i]);
    for (size_t i = 0; i < regions.count; i++)
        bcp_buf_printf(&joined_sites, "%s%s", joined_sites.len ? "," : "", regions.items[i]);
    char *site_text = bcp_buf_take(&joined_sites);
    str_list_free(&sites);
    str_list_free(&regions);
    char *out_path = NULL;
    json_t *out = NULL;
    if (output && !(out_path = resolve_output(c, "output", output))) {
        bcp_free(site_text);
        return NULL;
    }
    if (out_path) {
        struct stat st;
        if (lstat(out_path, &st) == 0) {
            fail(c, BCP_CODE_E304, "`%s` already exists; init does not overwrite a plan", output);
            bcp_free(site_text);
            bcp_free(out_path);
            return NULL;
        }
    }
    bcp_init_options io = {.stdlib_dir = c->svc->stdlib_dir, .industry = industry, .size = size,
                           .sites = site_text[0] ? site_text : NULL, .lang = lang,
                           .path = output ? output : "plan.bcp"};
    char *text = NULL;
    size_t length = 0;
    bcp_diagnostics *problems = NULL;
    bcp_status s = bcp_init_plan(&io, &text, &length, &problems);
    if (s != BCP_OK) {
        fail(c, s == BCP_ERR_NOT_FOUND ? BCP_CODE_E300 : BCP_CODE_E307, "%s",
             first_message(problems, "no starter plan for these arguments"));
        attach(c, problems);
    } else {
        out = json_object();
        json_object_set_new(out, "text", jstrn(text, length));
        if (out_path && write_file(c, out_path, text, length))
            json_object_set_new(out, "written", jstr(relative(c->svc, out_path)));
        if (c->error) {
            json_decref(out);
            out = NULL;
        }
    }
    bcp_free(text);
    bcp_free(site_text);
    bcp_free(out_path);
    bcp_diagnostics_free(problems);
    return out;
}

static json_t *op_explain(call *c)
{
    static const char *const args[] = {"code", NULL};
    const char *name;
    if (!only_args(c, args) || !arg_string(c, "code", true, &name))
        return NULL;
    const bcp_code *code = bcp_code_lookup(name);
    if (!code)
        return fail(c, BCP_CODE_E307, "no code or rule `%s`; codes look like E103 or D102, names like "
                    "missing-backup (the `schema` operation lists kinds, `bcp rules` the rules)", name), NULL;
    json_t *out = json_object();
    json_object_set_new(out, "code", jstr(code->code));
    json_object_set_new(out, "name", jstr(code->name));
    json_object_set_new(out, "group", json_string(bcp_catalogue_group_name(code->group)));
    json_object_set_new(out, "severity", json_string(bcp_severity_name(code->severity)));
    json_object_set_new(out, "summary", jstr(code->summary));
    size_t length;
    char *page = bcp_code_explain(code, BCP_PAGE_MARKDOWN, &length);
    json_object_set_new(out, "markdown", jstrn(page, page ? length : 0));
    bcp_free(page);
    char *url = docs_url(c->svc, code->code);
    json_object_set_new(out, "docs_url", jstr(url));
    bcp_free(url);
    return out;
}

/* A "|"-separated list of the schema docs as a JSON array. */
static json_t *bar_list(const char *list)
{
    json_t *out = json_array();
    for (const char *p = list; p && *p;) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        json_array_append_new(out, json_stringn(p, n));
        p += n + (e ? 1 : 0);
    }
    return out;
}

static json_t *attribute_json(const char *kind, const bcp_attribute_doc *a)
{
    json_t *o = json_object();
    json_object_set_new(o, "kind", jstr(kind));
    json_object_set_new(o, "name", jstr(a->name));
    json_object_set_new(o, "type", jstr(a->type));
    json_object_set_new(o, "list", json_boolean(a->list));
    json_object_set_new(o, "required", json_boolean(a->required));
    json_object_set_new(o, "localized", json_boolean(a->localized));
    json_object_set_new(o, "default", jstr(a->default_text));
    json_object_set_new(o, "allowed", bar_list(a->allowed));
    if (a->min || a->max) {
        json_object_set_new(o, "min", json_integer(a->min));
        json_object_set_new(o, "max", json_integer(a->max));
    }
    json_object_set_new(o, "doc", jstr(a->doc));
    json_object_set_new(o, "example", jstr(a->example));
    return o;
}

static json_t *kind_json(const bcp_kind_doc *k, bool with_attributes)
{
    json_t *o = json_object();
    json_object_set_new(o, "name", jstr(k->name));
    json_object_set_new(o, "doc", jstr(k->doc));
    json_object_set_new(o, "needs_id", json_boolean(k->needs_id));
    json_object_set_new(o, "nested_only", json_boolean(k->nested_only));
    json_object_set_new(o, "catalogue", json_boolean(k->catalogue));
    json_object_set_new(o, "singleton", json_boolean(k->singleton));
    json_object_set_new(o, "children", bar_list(k->children));
    json_object_set_new(o, "example", jstr(k->example));
    if (with_attributes) {
        json_t *attrs = json_array();
        bcp_attribute_doc a;
        for (size_t i = 0; i < k->attribute_count && bcp_attribute_doc_at(k->name, i, &a) == BCP_OK; i++)
            json_array_append_new(attrs, attribute_json(k->name, &a));
        json_object_set_new(o, "attributes", attrs);
    }
    return o;
}

static json_t *op_schema(call *c)
{
    static const char *const args[] = {"kind", "attribute", "markdown", NULL};
    const char *kind, *attribute;
    bool markdown;
    if (!only_args(c, args) || !arg_string(c, "kind", false, &kind) ||
        !arg_string(c, "attribute", false, &attribute) || !arg_bool(c, "markdown", &markdown))
        return NULL;
    json_t *out = json_object();
    if (markdown) {
        size_t length;
        char *ref = bcp_schema_reference(&length);
        json_object_set_new(out, "markdown", jstrn(ref, ref ? length : 0));
        bcp_free(ref);
        return out;
    }
    if (attribute && !kind) {
        json_decref(out);
        return fail(c, BCP_CODE_E300, "`attribute` needs its `kind`"), NULL;
    }
    if (!kind) {
        json_t *kinds = json_array();
        for (size_t i = 0; bcp_kind_at(i); i++) {
            bcp_kind_doc k;
            if (bcp_kind_doc_get(bcp_kind_at(i), &k) == BCP_OK)
                json_array_append_new(kinds, kind_json(&k, false));
        }
        json_object_set_new(out, "kinds", kinds);
        return out;
    }
    bcp_kind_doc k;
    if (bcp_kind_doc_get(kind, &k) != BCP_OK) {
        json_decref(out);
        return fail(c, BCP_CODE_E307, "no kind `%s`; call schema without arguments for the list of kinds", kind),
               NULL;
    }
    if (!attribute) {
        json_object_set_new(out, "kind", kind_json(&k, true));
        return out;
    }
    bcp_attribute_doc a;
    if (bcp_attribute_doc_get(kind, attribute, &a) != BCP_OK) {
        json_decref(out);
        return fail(c, BCP_CODE_E307, "`%s` has no attribute `%s`; call schema with only `kind` for its attributes",
                    kind, attribute), NULL;
    }
    json_object_set_new(out, "attribute", attribute_json(kind, &a));
    return out;
}

static bool read_all(const char *path, size_t max, char **text, size_t *length);

static json_t *op_format(call *c)
{
    static const char *const args[] = {"path", "text", "name", "write", NULL};
    bool write;
    plan_input in;
    if (!only_args(c, args) || !arg_bool(c, "write", &write) || !plan_input_get(c, &in, false))
        return NULL;
    if (write && in.text) {
        bcp_free(in.real);
        return fail(c, BCP_CODE_E300, "`write` goes with `path`: an inline text is formatted inline"), NULL;
    }
    if (write && !c->svc->allow_write) {
        bcp_free(in.real);
        return fail(c, BCP_CODE_E304, "formatting the file in place needs a server started with --allow-write; "
                    "leave out `write` to get the formatted text"), NULL;
    }
    char *formatted = NULL;
    size_t length = 0;
    bool changed = false;
    bcp_diagnostics *problems = NULL;
    /* a file is read here, not by bcp_format_file: that one would look for a
     * bcpconfig.bcp's limits above the root */
    char *original = NULL;
    size_t original_length = 0;
    bcp_status s;
    if (in.text)
        s = bcp_format_text(relative(c->svc, in.real), in.text, in.length, &formatted, &length, &changed, &problems);
    else if (!read_all(in.real, c->svc->max_file, &original, &original_length))
        s = BCP_ERR_IO;
    else
        s = bcp_format_text(in.real, original, original_length, &formatted, &length, &changed, &problems);
    bcp_free(original);
    json_t *out = NULL;
    if (s != BCP_OK) {
        fail(c, s == BCP_ERR_IO ? BCP_CODE_E305 : BCP_CODE_E307, "%s",
             first_message(problems, "the plan could not be formatted"));
        attach(c, problems);
    } else {
        out = json_object();
        json_object_set_new(out, "text", jstrn(formatted, length));
        json_object_set_new(out, "changed", json_boolean(changed));
        if (write && changed) {
            if (write_file(c, in.real, formatted, length)) {
                json_object_set_new(out, "written", jstr(relative(c->svc, in.real)));
            } else {
                json_decref(out);
                out = NULL;
            }
        }
    }
    bcp_free(formatted);
    bcp_free(in.real);
    bcp_diagnostics_free(problems);
    return out;
}

/* Loads `text` as the document `path` of a new workspace. */
static bcp_status load_text_as(const bcp_service *svc, const char *path, const char *text, size_t length,
                               bcp_workspace **ws, bcp_plan **plan)
{
    bcp_workspace_options wo = {.stdlib_dir = svc->stdlib_dir, .config_root = svc->root};
    *ws = bcp_workspace_new(&wo);
    *plan = NULL;
    bcp_status s = bcp_document_open(*ws, path, text, length);
    return s == BCP_OK ? bcp_workspace_load(*ws, path, plan) : s;
}

static bcp_status load_path(const bcp_service *svc, const char *path, bcp_workspace **ws, bcp_plan **plan)
{
    bcp_workspace_options wo = {.stdlib_dir = svc->stdlib_dir, .config_root = svc->root};
    *ws = bcp_workspace_new(&wo);
    return bcp_workspace_load(*ws, path, plan);
}

/* Both sides loaded: their syntax errors stop the diff. */
static json_t *diff_loaded(call *c, bcp_plan *old_plan, bcp_plan *new_plan, const char *old_name,
                           const char *new_name)
{
    bcp_plan *sides[2] = {old_plan, new_plan};
    for (int i = 0; i < 2; i++) {
        bcp_diagnostics *d = bcp_plan_diagnostics(sides[i]);
        if (bcp_diagnostics_has_syntax_errors(d)) {
            fail(c, BCP_CODE_E307, "the %s side has syntax errors; fix them first", i ? "new" : "old");
            attach(c, d);
        }
        bcp_diagnostics_free(d);
    }
    if (c->error)
        return NULL;
    /* the structured diff (`bcp diff --format json`), and its text report */
    bcp_diff_options o = {.style = BCP_DIFF_STYLE_JSON, .old_name = old_name, .new_name = new_name,
                          .config_root = c->svc->root};
    char *json = NULL, *text = NULL;
    size_t json_length = 0, length = 0;
    bool differ = false;
    json_t *diff = NULL;
    if (bcp_diff_plans(old_plan, new_plan, &o, &json, &json_length, &differ) == BCP_OK) {
        o.style = BCP_DIFF_STYLE_TEXT;
        if (bcp_diff_plans(old_plan, new_plan, &o, &text, &length, NULL) == BCP_OK)
            diff = parsed(c, json, json_length, "diff");
    }
    json_t *out = NULL;
    if (!diff) {
        fail(c, BCP_CODE_E307, "the two plans could not be compared");
    } else {
        json_t *weakening = json_array(), *w;
        size_t i;
        json_array_foreach(json_object_get(diff, "weakening"), i, w)
            json_array_append(weakening, json_object_get(w, "text"));
        out = json_pack("{s:b,s:o,s:o,s:o}", "differ", differ, "text", jstrn(text, length), "weakening", weakening,
                        "diff", diff);
    }
    bcp_free(json);
    bcp_free(text);
    return out;
}

static json_t *op_diff(call *c)
{
    static const char *const args[] = {"old", "new", "old_text", "new_text", "path", "revision", NULL};
    const char *old_path, *new_path, *old_text, *new_text, *path, *revision;
    if (!only_args(c, args) || !arg_string(c, "old", false, &old_path) || !arg_string(c, "new", false, &new_path) ||
        !arg_string(c, "old_text", false, &old_text) || !arg_string(c, "new_text", false, &new_text) ||
        !arg_string(c, "path", false, &path) || !arg_string(c, "revision", false, &revision))
        return NULL;
    bool files = old_path && new_path && !old_text && !new_text && !path && !revision;
    bool texts = old_text && new_text && !old_path && !new_path && !path && !revision;
    bool rev = path && revision && !old_path && !new_path && !old_text && !new_text;
    if (!files && !texts && !rev)
        return fail(c, BCP_CODE_E300, "give `old` and `new` (two plan files under the root), `old_text` and "
                    "`new_text` (two plan texts), or `path` and `revision` (a plan against a git revision)"), NULL;
    json_t *out = NULL;
    bcp_workspace *ws[2] = {0};
    bcp_plan *plan[2] = {0};
    char *real[2] = {0};
    char *old_copy = NULL;
    if (files) {
        real[0] = resolve_file(c, "old", old_path);
        real[1] = real[0] ? resolve_file(c, "new", new_path) : NULL;
        if (real[1]) {
            load_path(c->svc, real[0], &ws[0], &plan[0]);
            load_path(c->svc, real[1], &ws[1], &plan[1]);
            if (!plan[0] || !plan[1])
                fail(c, BCP_CODE_E305, "a plan could not be read");
            else
                out = diff_loaded(c, plan[0], plan[1], old_path, new_path);
        }
    } else if (texts) {
        size_t ol = json_string_length(json_object_get(c->req, "old_text"));
        size_t nl = json_string_length(json_object_get(c->req, "new_text"));
        if (ol > c->svc->max_file || nl > c->svc->max_file) {
            fail(c, BCP_CODE_E303, "a plan text is larger than %zu bytes", c->svc->max_file);
        } else {
            real[0] = joined(c->svc, INLINE_NAME);
            load_text_as(c->svc, real[0], old_text, ol, &ws[0], &plan[0]);
            load_text_as(c->svc, real[0], new_text, nl, &ws[1], &plan[1]);
            if (!plan[0] || !plan[1])
                fail(c, BCP_CODE_E307, "a plan text could not be loaded");
            else
                out = diff_loaded(c, plan[0], plan[1], "old", "new");
        }
    } else {
        real[1] = resolve_file(c, "path", path);
        if (real[1] && (!revision[0] || revision[0] == '-' || strchr(revision, ':'))) {
            fail(c, BCP_CODE_E300, "`revision` names a git revision (a commit, branch or tag such as HEAD~1), "
                 "without `-` at the start or `:`");
        } else if (real[1] && !c->svc->read_revision) {
            fail(c, BCP_CODE_E306, "this server cannot read git revisions; diff two files instead");
        } else if (real[1]) {
            size_t length = 0;
            char *why = NULL;
            bcp_status s = c->svc->read_revision(c->svc->revision_user, c->svc->root, relative(c->svc, real[1]),
                                                 revision, &old_copy, &length, &why);
            if (s != BCP_OK) {
                fail(c, BCP_CODE_E306, "cannot read %s at revision %s: %s", relative(c->svc, real[1]), revision,
                     why ? why : "git failed");
            } else if (length > c->svc->max_file) {
                fail(c, BCP_CODE_E303, "the plan at %s is larger than %zu bytes", revision, c->svc->max_file);
            } else {
                /* the same path in its own workspace: imports resolve beside it */
                load_text_as(c->svc, real[1], old_copy, length, &ws[0], &plan[0]);
                load_path(c->svc, real[1], &ws[1], &plan[1]);
                char *old_name = bcp_strprintf("%s@%s", path, revision);
                if (!plan[0] || !plan[1])
                    fail(c, BCP_CODE_E307, "a plan could not be loaded");
                else
                    out = diff_loaded(c, plan[0], plan[1], old_name, path);
                bcp_free(old_name);
            }
            bcp_free(why);
        }
    }
    for (int i = 0; i < 2; i++) {
        bcp_plan_free(plan[i]);
        bcp_workspace_free(ws[i]);
        bcp_free(real[i]);
    }
    bcp_free(old_copy);
    return out;
}

/* ------------------------------------------- operations on a loaded plan */

/* The request's plan (path or text) loaded in a workspace of its own. */
typedef struct loaded_plan {
    plan_input in;
    bcp_workspace *ws;
    bcp_plan *plan;
} loaded_plan;

static void close_plan(loaded_plan *lp)
{
    bcp_plan_free(lp->plan);
    bcp_workspace_free(lp->ws);
    bcp_free(lp->in.real);
    *lp = (loaded_plan){0};
}

/* Opens the plan input and loads it; a plan with syntax or model errors is
 * E307 with its diagnostics attached. */
static bool open_plan(call *c, loaded_plan *lp)
{
    *lp = (loaded_plan){0};
    if (!plan_input_get(c, &lp->in, false))
        return false;
    if (lp->in.text) {
        if (!load_inline(c, &lp->in, &lp->ws, &lp->plan))
            return false;
    } else if (load_path(c->svc, lp->in.real, &lp->ws, &lp->plan) != BCP_OK || !lp->plan) {
        return fail(c, BCP_CODE_E305, "`%s` could not be read", relative(c->svc, lp->in.real));
    }
    bcp_diagnostics *d = bcp_plan_diagnostics(lp->plan);
    size_t errors = bcp_diagnostics_count_at_least(d, BCP_SEV_ERROR);
    if (errors) {
        fail(c, BCP_CODE_E307, "the plan has %zu error%s; fix them first (see diagnostics, or the check operation)",
             errors, errors == 1 ? "" : "s");
        attach(c, d);
    }
    bcp_diagnostics_free(d);
    return !c->error;
}

static json_t *op_simulate(call *c)
{
    static const char *const args[] = {"path", "text", "name", "lose", "scenario", "all_scenarios", "each",
                                       "at", "for", NULL};
    const char *scenario, *at, *duration;
    bool all, each;
    str_list lose = {0};
    if (!only_args(c, args) || !arg_string(c, "scenario", false, &scenario) || !arg_string(c, "at", false, &at) ||
        !arg_string(c, "for", false, &duration) || !arg_bool(c, "all_scenarios", &all) ||
        !arg_bool(c, "each", &each) || !arg_list(c, "lose", &lose))
        return NULL;
    bcp_simulation_options so = {.lose = lose.items, .lose_count = lose.count, .scenario = scenario};
    int modes = (lose.count || scenario) + all + each;
    if (modes != 1)
        fail(c, BCP_CODE_E300, "give what is lost: `lose` (KIND.ID list) and/or `scenario`, or `all_scenarios`, "
             "or `each` (one of the three)");
    else if (duration && (!bcp_duration_parse(duration, &so.duration) || so.duration <= 0))
        fail(c, BCP_CODE_E300, "`for` takes a duration such as 12h, 2d or 1h30m, not `%s`", duration);
    else if (at && !(so.has_start = bcp_datetime_parse(at, &so.start)))
        fail(c, BCP_CODE_E300, "`at` takes YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC), not `%s`", at);
    loaded_plan lp = {0};
    json_t *out = NULL;
    if (!c->error && open_plan(c, &lp)) {
        /* the report `bcp simulate --format json` prints, --each's summary included */
        bcp_simulate_file_options fo = {.mode = each ? BCP_SIMULATE_EACH : all ? BCP_SIMULATE_SCENARIOS : BCP_SIMULATE_LOSE,
                                        .loss = so, .format = BCP_SIMULATION_JSON};
        char *text = NULL;
        size_t length = 0;
        bcp_diagnostics *problems = NULL;
        bcp_status s = bcp_plan_simulate(lp.ws, lp.plan, &fo, &text, &length, NULL, &problems);
        if (s != BCP_OK) {
            fail(c, s == BCP_ERR_PLAN ? BCP_CODE_E307 : BCP_CODE_E300, "%s",
                 first_message(problems, "the plan could not be simulated"));
            attach(c, problems);
        } else {
            out = parsed(c, text, length, "simulation");
        }
        bcp_free(text);
        bcp_diagnostics_free(problems);
    }
    close_plan(&lp);
    str_list_free(&lose);
    return out;
}

static json_t *op_graph(call *c)
{
    static const char *const args[] = {"path", "text", "name", "format", "focus", "lang", NULL};
    const char *format_name, *focus, *lang;
    bcp_graph_options go = {.stdlib_dir = c->svc->stdlib_dir, .format = BCP_GRAPH_DOT};
    if (!only_args(c, args) || !arg_string(c, "format", false, &format_name) ||
        !arg_string(c, "focus", false, &focus) || !arg_string(c, "lang", false, &lang))
        return NULL;
    if (format_name && bcp_graph_format_from_name(format_name, &go.format) != BCP_OK)
        return fail(c, BCP_CODE_E300, "`format` takes dot, svg or mermaid, not `%s`", format_name), NULL;
    go.focus = focus;
    go.lang = lang;
    loaded_plan lp = {0};
    json_t *out = NULL;
    if (open_plan(c, &lp)) {
        char *text = NULL;
        size_t length = 0;
        bcp_diagnostics *problems = NULL;
        bcp_status s = bcp_plan_graph(lp.ws, lp.plan, &go, &text, &length, &problems);
        if (s != BCP_OK) {
            fail(c, s == BCP_ERR_NOT_FOUND || s == BCP_ERR_INVALID ? BCP_CODE_E300 : BCP_CODE_E307, "%s",
                 first_message(problems, "the plan has no `plan` block: nothing to draw"));
            attach(c, problems);
        } else {
            out = json_object();
            json_object_set_new(out, "format", json_string(format_name ? format_name : "dot"));
            json_object_set_new(out, "text", jstrn(text, length));
        }
        bcp_free(text);
        bcp_diagnostics_free(problems);
    }
    close_plan(&lp);
    return out;
}

static json_t *op_readiness(call *c)
{
    static const char *const args[] = {"path", "text", "name", NULL};
    if (!only_args(c, args))
        return NULL;
    loaded_plan lp = {0};
    json_t *out = NULL;
    if (open_plan(c, &lp)) {
        bcp_check_options o = {.stdlib_dir = c->svc->stdlib_dir, .today = c->svc->today,
                               .config_root = c->svc->root};
        bcp_readiness r;
        bcp_diagnostics *problems = NULL;
        bcp_status s = bcp_plan_readiness(lp.plan, &o, &r, &problems);
        if (s != BCP_OK) {
            fail(c, BCP_CODE_E307, "%s", first_message(problems, "the plan could not be scored"));
            attach(c, problems);
        } else {
            out = json_object();
            json_object_set_new(out, "file", jstr(relative(c->svc, lp.in.real)));
            json_object_set_new(out, "scored", json_true());
            json_object_set_new(out, "readiness", bcp_readiness_json(NULL, &r));
        }
        bcp_readiness_free(&r);
        bcp_diagnostics_free(problems);
    }
    close_plan(&lp);
    return out;
}

static json_t *op_files(call *c)
{
    static const char *const args[] = {NULL};
    if (!only_args(c, args))
        return NULL;
    const char *root = c->svc->root;
    char **files = NULL;
    size_t count = 0;
    bcp_diagnostics *missing = NULL;
    bcp_collect_plan_files(&root, 1, &files, &count, &missing);
    bcp_diagnostics_free(missing);
    json_t *list = json_array();
    for (size_t i = 0; i < count; i++) {
        /* a link among them may lead outside: list only what is inside */
        char *real = realpath(files[i], NULL);
        if (real && under_root(c->svc, real))
            json_array_append_new(list, jstr(relative(c->svc, files[i])));
        free(real);
    }
    bcp_free_strings(files, count);
    json_t *out = json_object();
    json_object_set_new(out, "root", jstr(c->svc->root));
    json_object_set_new(out, "files", list);
    return out;
}

static bool read_all(const char *path, size_t max, char **text, size_t *length)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bcp_buf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || b.len + (size_t)n > max) {
            close(fd);
            if (n != 0) {
                bcp_free(bcp_buf_take(&b));
                return false;
            }
            break;
        }
        bcp_buf_put(&b, chunk, (size_t)n);
    }
    *length = b.len;
    *text = bcp_buf_take(&b);
    return true;
}

static json_t *op_read(call *c)
{
    static const char *const args[] = {"path", NULL};
    const char *path;
    if (!only_args(c, args) || !arg_string(c, "path", true, &path))
        return NULL;
    char *real = resolve_file(c, "path", path);
    if (!real)
        return NULL;
    char *text = NULL;
    size_t length = 0;
    json_t *out = NULL;
    if (!read_all(real, c->svc->max_file, &text, &length)) {
        fail(c, BCP_CODE_E305, "cannot read `%s`: %s", path, strerror(errno));
    } else {
        json_t *t = json_stringn(text, length);
        if (!t) {
            fail(c, BCP_CODE_E300, "`%s` is not UTF-8 text", path);
        } else {
            out = json_object();
            json_object_set_new(out, "path", jstr(relative(c->svc, real)));
            json_object_set_new(out, "text", t);
        }
    }
    bcp_free(text);
    bcp_free(real);
    return out;
}

/* ------------------------------------------------------------- the table */

typedef struct op_entry {
    const char *name;
    json_t *(*run)(call *c);
    const char *summary;
    const char *input;
    const char *output;
} op_entry;

static const op_entry ops[] = {
    {"check", op_check, BCP_SVC_CHECK_SUMMARY, BCP_SVC_CHECK_IN, BCP_SVC_CHECK_OUT},
    {"build", op_build, BCP_SVC_BUILD_SUMMARY, BCP_SVC_BUILD_IN, BCP_SVC_BUILD_OUT},
    {"init", op_init, BCP_SVC_INIT_SUMMARY, BCP_SVC_INIT_IN, BCP_SVC_INIT_OUT},
    {"explain", op_explain, BCP_SVC_EXPLAIN_SUMMARY, BCP_SVC_EXPLAIN_IN, BCP_SVC_EXPLAIN_OUT},
    {"schema", op_schema, BCP_SVC_SCHEMA_SUMMARY, BCP_SVC_SCHEMA_IN, BCP_SVC_SCHEMA_OUT},
    {"format", op_format, BCP_SVC_FORMAT_SUMMARY, BCP_SVC_FORMAT_IN, BCP_SVC_FORMAT_OUT},
    {"diff", op_diff, BCP_SVC_DIFF_SUMMARY, BCP_SVC_DIFF_IN, BCP_SVC_DIFF_OUT},
    {"simulate", op_simulate, BCP_SVC_SIMULATE_SUMMARY, BCP_SVC_SIMULATE_IN, BCP_SVC_SIMULATE_OUT},
    {"graph", op_graph, BCP_SVC_GRAPH_SUMMARY, BCP_SVC_GRAPH_IN, BCP_SVC_GRAPH_OUT},
    {"readiness", op_readiness, BCP_SVC_READINESS_SUMMARY, BCP_SVC_READINESS_IN, BCP_SVC_READINESS_OUT},
    {"files", op_files, BCP_SVC_FILES_SUMMARY, BCP_SVC_FILES_IN, BCP_SVC_FILES_OUT},
    {"read", op_read, BCP_SVC_READ_SUMMARY, BCP_SVC_READ_IN, BCP_SVC_READ_OUT},
};
#define OP_COUNT (sizeof ops / sizeof ops[0])

static const op_entry *find_op(const char *name)
{
    for (size_t i = 0; name && i < OP_COUNT; i++)
        if (strcmp(ops[i].name, name) == 0)
            return &ops[i];
    return NULL;
}

size_t bcp_service_op_count(void)
{
    return OP_COUNT;
}

const char *bcp_service_op_name(size_t i)
{
    return i < OP_COUNT ? ops[i].name : NULL;
}

const char *bcp_service_op_summary(const char *op)
{
    const op_entry *e = find_op(op);
    return e ? e->summary : NULL;
}

const char *bcp_service_input_schema(const char *op)
{
    const op_entry *e = find_op(op);
    return e ? e->input : NULL;
}

const char *bcp_service_output_schema(const char *op)
{
    const op_entry *e = find_op(op);
    return e ? e->output : NULL;
}

static char *dump(json_t *doc, size_t *length)
{
    char *text = json_dumps(doc, JSON_COMPACT | JSON_SORT_KEYS);
    char *out;
    if (text) {
        out = bcp_strdup(text);
        free(text); /* jansson's allocation */
    } else {
        out = bcp_strdup("{\"error\":{\"code\":\"?\",\"message\":\"the response could not be written\"}}");
    }
    if (length)
        *length = strlen(out);
    return out;
}

bcp_status bcp_service_call(const bcp_service *svc, const char *op, const char *request, size_t len,
                            char **response, size_t *response_len)
{
    return bcp_service_call_cancellable(svc, op, request, len, NULL, response, response_len);
}

/* serve13b: each call carries its own state (base/call.h): the limits its
 * plan's bcpconfig.bcp sets, and the cancel token's flag. */
bcp_status bcp_service_call_cancellable(const bcp_service *svc, const char *op, const char *request, size_t len,
                                        const bcp_cancel *cancel, char **response, size_t *response_len)
{
    bcp_call_state state = {.cancel = bcp_cancel_flag(cancel), .parse_cache = svc ? svc->parse_cache : NULL};
    /* serve13d: the call's paths resolved once each (base/paths.h) */
    bcp_path_memo *paths = bcp_path_memo_new();
    state.paths = paths;
    bcp_call_state *outer = bcp_call_begin(&state);
    call c = {.svc = svc, .status = BCP_OK};
    json_t *result = NULL;
    const op_entry *e = find_op(op);
    if (!svc) {
        fail(&c, BCP_CODE_E300, "no service");
    } else if (!e) {
        bcp_buf names = {0};
        for (size_t i = 0; i < OP_COUNT; i++)
            bcp_buf_printf(&names, "%s%s", i ? ", " : "", ops[i].name);
        char *list = bcp_buf_take(&names);
        fail(&c, BCP_CODE_E301, "no operation `%s`; the operations are %s", op ? op : "", list);
        bcp_free(list);
    } else if (len > svc->max_request) {
        fail(&c, BCP_CODE_E303, "the request has %zu bytes; this server takes requests of at most %zu bytes", len,
             svc->max_request);
    } else {
        json_error_t jerr;
        c.req = request && len ? json_loadb(request, len, JSON_REJECT_DUPLICATES, &jerr) : json_object();
        if (!c.req)
            fail(&c, BCP_CODE_E300, "the request is not JSON: %s (line %d, column %d)", jerr.text, jerr.line,
                 jerr.column);
        else if (!json_is_object(c.req))
            fail(&c, BCP_CODE_E300, "the request must be a JSON object of the operation's arguments");
        else
            result = e->run(&c);
    }
    if (bcp_call_cancelled()) {   /* whatever it made, the call did not end: none of it */
        json_decref(result);
        result = NULL;
        json_decref(c.error);
        c.error = NULL;
        fail(&c, BCP_CODE_E326, "the call was cancelled before it ended (bcp serve: it passed --time-limit)");
    }
    bcp_call_end(outer);
    bcp_path_memo_free(paths);
    json_t *doc;
    if (c.error) {
        json_decref(result);
        doc = json_object();
        json_object_set_new(doc, "error", c.error);
        if (c.status == BCP_OK)
            c.status = BCP_ERR_INVALID;
    } else {
        doc = result ? result : json_object();
    }
    *response = dump(doc, response_len);
    json_decref(doc);
    json_decref(c.req);
    return c.status;
}
