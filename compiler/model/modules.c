#define _DEFAULT_SOURCE
#include "modules.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/alloc.h"
#include "base/paths.h"
#include "base/source.h"

typedef struct file_list {
    bcp_stdlib_match *items;
    size_t count, capacity;
} file_list;

static void push(file_list *list, const char *path, const char *text, size_t len)
{
    list->items = bcp_grow(list->items, &list->capacity, list->count, sizeof *list->items);
    bcp_stdlib_match *m = &list->items[list->count++];
    m->path = bcp_strdup(path);
    m->text = bcp_malloc(len + 1);
    memcpy(m->text, text, len);
    m->text[len] = '\0';
    m->length = len;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const bcp_stdlib_match *)a)->path, ((const bcp_stdlib_match *)b)->path);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

/* Through the source reader: regular files only, within the stdlib's file-size
 * limit (never below the default: bcp_source_read_stdlib),
 * and only those whose canonical path lies inside the library's folder (a
 * link out of --stdlib DIR is not followed). */
static void add_disk_file(file_list *list, const char *dir, const char *rel)
{
    char full[4096], real_dir[PATH_MAX], real[PATH_MAX];
    snprintf(full, sizeof full, "%s/%s", dir, rel);
    if (!bcp_realpath(dir, real_dir) || !bcp_realpath(full, real))
        return;
    size_t n = strlen(real_dir);
    if (strncmp(real, real_dir, n) != 0 || real[n] != '/')
        return;
    const char *err;
    bcp_source *src = bcp_source_read_stdlib(full, &err);
    if (!src)
        return;
    push(list, rel, src->text, src->length);
    bcp_source_free(src);
}

bool bcp_stdlib_name_ok(const char *name)
{
    if (!name[0] || name[0] == '/')
        return false;
    for (const char *seg = name; seg;) {
        const char *end = strchr(seg, '/');
        size_t len = end ? (size_t)(end - seg) : strlen(seg);
        if (len == 0)
            return false;
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)seg[i];
            if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '-' || c == '_'))
                return false;
        }
        seg = end ? end + 1 : NULL;
    }
    return true;
}

size_t bcp_stdlib_module(const char *dir, const char *name, bcp_stdlib_match **out)
{
    file_list list = {0};
    char single[1024], prefix[1024];
    snprintf(single, sizeof single, "%s.bcp", name);
    snprintf(prefix, sizeof prefix, "%s/", name);
    size_t prefix_len = strlen(prefix);
    if (!dir) {
        for (size_t i = 0; i < bcp_embedded_stdlib_count; i++) {
            const bcp_stdlib_file *f = &bcp_embedded_stdlib[i];
            bool direct_child = strncmp(f->path, prefix, prefix_len) == 0 &&
                                !strchr(f->path + prefix_len, '/');
            if (strcmp(f->path, single) == 0 || direct_child)
                push(&list, f->path, f->text, f->length);
        }
    } else {
        char full[4096];
        struct stat st;
        snprintf(full, sizeof full, "%s/%s", dir, single);
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
            add_disk_file(&list, dir, single);
        snprintf(full, sizeof full, "%s/%s", dir, name);
        DIR *d = opendir(full);
        if (d) {
            struct dirent *ent;
            while ((ent = readdir(d))) {
                if (ent->d_name[0] == '.' || !ends_with(ent->d_name, ".bcp"))
                    continue;
                char rel[2048];
                snprintf(rel, sizeof rel, "%s%s", prefix, ent->d_name);
                add_disk_file(&list, dir, rel);
            }
            closedir(d);
        }
    }
    if (list.count > 1)
        qsort(list.items, list.count, sizeof *list.items, by_path);
    *out = list.items;
    return list.count;
}

void bcp_stdlib_matches_free(bcp_stdlib_match *matches, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        bcp_free(matches[i].path);
        bcp_free(matches[i].text);
    }
    bcp_free(matches);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_name(char ***names, size_t *count, const char *path)
{
    /* "industry/retail.bcp" -> "industry/retail" and "core/x.bcp" -> "core". */
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", path);
    size_t len = strlen(buf);
    if (len > 4 && strcmp(buf + len - 4, ".bcp") == 0)
        buf[len - 4] = '\0';
    for (size_t i = 0; i < 2; i++) {
        const char *candidate = buf;
        char parent[1024];
        if (i == 1) {
            char *slash = strrchr(buf, '/');
            if (!slash)
                break;
            snprintf(parent, sizeof parent, "%.*s", (int)(slash - buf), buf);
            candidate = parent;
        }
        bool seen = false;
        for (size_t j = 0; j < *count; j++)
            if (strcmp((*names)[j], candidate) == 0)
                seen = true;
        if (!seen) {
            *names = bcp_realloc(*names, (*count + 1) * sizeof **names);
            (*names)[(*count)++] = bcp_strdup(candidate);
        }
    }
}

/* Recurses once per folder level of a --stdlib DIR, so its buffers are on
 * the heap: a hostile tree ~1,000 levels deep must not exhaust the stack. */
typedef struct name_paths {
    char full[4096];
    char sub[2048];
} name_paths;

static void walk_names(const char *root, const char *rel, char ***names, size_t *count)
{
    name_paths *p = bcp_malloc(sizeof *p);
    snprintf(p->full, sizeof p->full, "%s/%s", root, rel);
    DIR *d = opendir(p->full);
    if (!d) {
        bcp_free(p);
        return;
    }
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        snprintf(p->sub, sizeof p->sub, "%s%s%s", rel, rel[0] ? "/" : "", ent->d_name);
        if (ends_with(ent->d_name, ".bcp"))
            add_name(names, count, p->sub);
        else
            walk_names(root, p->sub, names, count);
    }
    closedir(d);
    bcp_free(p);
}

size_t bcp_stdlib_module_names(const char *dir, char ***out)
{
    char **names = NULL;
    size_t count = 0;
    if (!dir) {
        for (size_t i = 0; i < bcp_embedded_stdlib_count; i++)
            add_name(&names, &count, bcp_embedded_stdlib[i].path);
    } else {
        walk_names(dir, "", &names, &count);
    }
    if (count > 1)
        qsort(names, count, sizeof *names, by_string);
    *out = names;
    return count;
}
