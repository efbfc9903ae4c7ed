/* The workspace of the public API: where text comes from (open documents,
 * the caller's file provider, the disk) and the options plans load with. */
#define _DEFAULT_SOURCE
#include "api_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/paths.h"
#include "base/files.h"
#include "base/limits.h"
#include "base/source.h"
#include "rules/config.h"
#include "tools_lint.h"

bcp_workspace *bcp_workspace_new(const bcp_workspace_options *options)
{
    bcp_workspace *ws = bcp_calloc(1, sizeof *ws);
    if (options && options->stdlib_dir) {
        ws->stdlib_dir = bcp_strdup(options->stdlib_dir);
        ws->options.stdlib_dir = ws->stdlib_dir;
    }
    if (options && options->config_root) {   /* serve13b: its real path, the search's ceiling */
        char real[PATH_MAX];
        ws->config_root = bcp_strdup(bcp_realpath(options->config_root, real) ? real : options->config_root);
        ws->options.config_root = ws->config_root;
    }
    if (options && options->files && options->files->read) {
        ws->provider = *options->files;
        ws->options.files = &ws->provider;
    }
    return ws;
}

void bcp_workspace_free(bcp_workspace *ws)
{
    if (!ws)
        return;
    while (ws->document_count)
        bcp_document_close(ws, ws->documents[ws->document_count - 1]->path);
    bcp_free(ws->documents);
    if (ws->parser)
        ts_parser_delete(ws->parser);
    bcp_free(ws->stdlib_dir);
    bcp_free(ws->config_root);
    bcp_free(ws);
}

char *bcp_workspace_canonical_path(const char *path)
{
    char resolved[PATH_MAX];
    if (bcp_realpath(path, resolved))
        return bcp_strdup(resolved);
    /* A file not (yet) on disk in a folder that is: the folder's real path,
     * so that an unsaved buffer has the key its saved file will have. */
    const char *slash = strrchr(path, '/');
    if (slash && slash[1] && strcmp(slash + 1, ".") != 0 && strcmp(slash + 1, "..") != 0) {
        size_t n = (size_t)(slash - path);
        char *dir = bcp_strndup(path, n ? n : 1);
        bool found = bcp_realpath(dir, resolved) != NULL;
        bcp_free(dir);
        if (found) {
            size_t rl = strlen(resolved);
            char *joined = bcp_malloc(rl + strlen(slash) + 1);
            sprintf(joined, "%s%s", strcmp(resolved, "/") == 0 ? "" : resolved, slash);
            return joined;
        }
    }
    char cwd[PATH_MAX];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    char *joined = bcp_malloc(strlen(cwd) + strlen(path) + 3);
    sprintf(joined, "%s/%s", cwd, path);
    bcp_path_fold(joined);
    return joined;
}

bcp_document *bcp_workspace_document(const bcp_workspace *ws, const char *path)
{
    if (!ws->document_count)
        return NULL;
    for (size_t i = 0; i < ws->document_count; i++)
        if (strcmp(ws->documents[i]->path, path) == 0)
            return ws->documents[i];
    char *key = bcp_workspace_canonical_path(path);
    bcp_document *found = NULL;
    for (size_t i = 0; i < ws->document_count && !found; i++)
        if (strcmp(ws->documents[i]->key, key) == 0)
            found = ws->documents[i];
    bcp_free(key);
    return found;
}

static bcp_status read_disk(const char *path, char **text, size_t *length)
{
    const char *err = NULL;
    bcp_source *src = bcp_source_read(path, &err);
    if (!src)
        return errno == ENOENT || errno == ENOTDIR ? BCP_ERR_NOT_FOUND : BCP_ERR_IO;
    *text = bcp_strndup(src->text, src->length);
    *length = src->length;
    bcp_source_free(src);
    return BCP_OK;
}

bcp_status bcp_workspace_read(const bcp_workspace *ws, const char *path, char **text, size_t *length)
{
    *text = NULL;
    *length = 0;
    const bcp_document *doc = bcp_workspace_document(ws, path);
    if (doc) {
        *text = bcp_strndup(doc->text, doc->length);
        *length = doc->length;
        return BCP_OK;
    }
    if (ws->options.files) {
        char *got = NULL;
        size_t len = 0;
        bcp_status st = ws->provider.read(ws->provider.user, path, &got, &len);
        if (st != BCP_OK)
            return st;
        /* The provider's buffer need not be NUL-terminated: keep a copy that is. */
        *text = bcp_strndup(got ? got : "", got ? len : 0);
        *length = got ? len : 0;
        bcp_free(got);
        return BCP_OK;
    }
    return read_disk(path, text, length);
}

/* The model's reader: an open document's text with a copy of its syntax
 * tree, else the provider's text, else the disk. */
static bcp_source *read_for_model(void *user, const char *path, struct TSTree **tree, const char **err)
{
    const bcp_workspace *ws = user;
    const bcp_document *doc = strcmp(path, "-") != 0 ? bcp_workspace_document(ws, path) : NULL;
    if (!doc && !ws->options.files)
        return bcp_source_read(path, err);
    if (doc && (*err = bcp_source_refuse_size(doc->length)) != NULL)
        return NULL;   /* an open document over the file-size limit, as its file would be */
    char *text;
    size_t length;
    bcp_status st = bcp_workspace_read(ws, path, &text, &length);
    if (st != BCP_OK) {
        *err = bcp_status_string(st);
        return NULL;
    }
    bcp_source *src = bcp_source_from_memory(path, text, length, true);
    bcp_free(text);
    /* As bcp_source_read names a file: its canonical path and folder.  The
     * source is freed with bcp_free(), so these come from strdup. */
    char *key = bcp_workspace_canonical_path(path);
    char *slash = strrchr(key, '/');
    src->real_path = bcp_strdup(key);
    if (slash)
        *(slash == key ? slash + 1 : slash) = '\0';
    src->real_dir = bcp_strdup(key);
    bcp_free(key);
    if (!src->real_path || !src->real_dir)
        bcp_out_of_memory();
    /* The document's tree and pre-scan, when that ran under the limits in
     * force now (a bcpconfig.bcp's `limits { }` may have changed them since). */
    uint64_t now[3];
    bcp_workspace_scan_limits(now);
    bool current = doc && memcmp(doc->scan_limits, now, sizeof now) == 0;
    if (current && tree)
        *tree = ts_tree_copy(doc->tree);
    if (current && doc->prescan_ok)   /* the same bytes the document's pre-scan passed */
        atomic_store_explicit(&src->prescanned, true, memory_order_release);
    return src;
}

bcp_model_options bcp_workspace_model_options(const bcp_workspace *ws)
{
    bcp_model_options opts;
    memset(&opts, 0, sizeof opts);
    opts.stdlib_dir = ws->options.stdlib_dir;
    opts.read = read_for_model;
    opts.read_user = (void *)ws;
    return opts;
}

/* ------------------------------------------------- configuration, limits */

char *bcp_workspace_config_find(const bcp_workspace *ws, const char *file)
{
    char *dir;
    char cwd[PATH_MAX];
    if (!file || strcmp(file, "-") == 0) {
        if (!getcwd(cwd, sizeof cwd))
            return NULL;
        dir = bcp_strdup(cwd);
    } else {
        dir = bcp_workspace_canonical_path(file);
        char *slash = strrchr(dir, '/');
        if (slash)
            *(slash == dir ? slash + 1 : slash) = '\0';
    }
    const char *ceiling = ws->config_root;   /* serve13b: no higher than the root */
    if (ceiling && !bcp_path_inside(dir, ceiling)) {
        bcp_free(dir);
        return NULL;   /* a file outside the root has no configuration */
    }
    if (!ws->document_count) {   /* nothing unsaved: the disk's answer */
        char *found = ceiling ? bcp_lint_config_find_within(dir, ceiling) : bcp_lint_config_find(dir);
        bcp_free(dir);
        return found;
    }
    char *found = NULL;
    char *probe = bcp_malloc(strlen(dir) + sizeof "/bcpconfig.bcp");
    for (;;) {
        sprintf(probe, "%s/bcpconfig.bcp", strcmp(dir, "/") == 0 ? "" : dir);
        struct stat st;
        for (size_t i = 0; i < ws->document_count && !found; i++)
            if (strcmp(ws->documents[i]->key, probe) == 0)
                found = bcp_strdup(probe);
        if (!found && stat(probe, &st) == 0 && S_ISREG(st.st_mode))
            found = bcp_strdup(probe);
        char *slash = strrchr(dir, '/');
        if (found || !slash || strcmp(dir, "/") == 0 || (ceiling && strcmp(dir, ceiling) == 0))
            break;
        *(slash == dir ? slash + 1 : slash) = '\0';
    }
    bcp_free(probe);
    bcp_free(dir);
    return found;
}

void bcp_workspace_scan_limits(uint64_t out[3])
{
    out[0] = bcp_limit(BCP_LIMIT_LINE);
    out[1] = bcp_limit(BCP_LIMIT_NESTING);
    out[2] = bcp_limit(BCP_LIMIT_STRING);
}

void bcp_workspace_apply_limits(bcp_workspace *ws, const char *file)
{
    bcp_limits_clear_configured();   /* not the last plan's configuration's */
    char *path = bcp_workspace_config_find(ws, file);
    if (path) {
        bcp_model_options reader = bcp_workspace_model_options(ws);
        bcp_tools_limits_from(path, &reader);
        bcp_free(path);
    }
}
