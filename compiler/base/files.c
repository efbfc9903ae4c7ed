/* Walks a folder for plan files (see files.h). */
#define _DEFAULT_SOURCE
#include "files.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"

typedef struct file_list {
    char **items;
    size_t count, capacity;
} file_list;

static bool is_plan_file(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".bcp") == 0 && strcmp(name, "bcpconfig.bcp") != 0;
}

static void push(file_list *list, char *path)
{
    list->items = bcp_grow(list->items, &list->capacity, list->count, sizeof *list->items);
    list->items[list->count++] = path;
}

bool bcp_path_inside(const char *path, const char *root)
{
    size_t n = strlen(root);
    if (strcmp(root, "/") == 0)
        return true;
    return strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* `root` is the canonical path of the folder walked: a symbolic link is
 * followed only when what it names lies inside it. */
static void walk(const char *dir, const char *root, file_list *out, file_list *outside)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.' || strcmp(ent->d_name, "node_modules") == 0)
            continue;
        size_t len = strlen(dir) + strlen(ent->d_name) + 2;
        char *path = bcp_malloc(len);
        if (strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0)
            snprintf(path, len, "%s", ent->d_name);
        else
            snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", ent->d_name);
        struct stat st;
        /* lstat: a symlinked folder is not followed (it may loop, as /dev/fd
         * does), a linked file only when it stays inside the root. */
        if (lstat(path, &st) != 0) {
            bcp_free(path);
            continue;
        }
        if (S_ISLNK(st.st_mode)) {
            /* realpath's own buffer, not one on the stack: walk recurses once
             * per folder level, and a path of PATH_MAX allows ~2,000 of them. */
            char *target = realpath(path, NULL);
            bool plan = is_plan_file(ent->d_name);
            bool inside = target && bcp_path_inside(target, root);
            free(target);
            if (plan && !inside) {
                push(outside, path); /* broken links too: where they lead is not ours to say */
                continue;
            }
            if (!plan || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
                bcp_free(path);
                continue;
            }
        }
        if (S_ISDIR(st.st_mode)) {
            walk(path, root, out, outside);
        } else if (S_ISREG(st.st_mode) && is_plan_file(ent->d_name)) {
            push(out, path);
            continue;
        }
        bcp_free(path);
    }
    closedir(d);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sorted(file_list *list, char ***items, size_t *count)
{
    if (list->count > 1)
        qsort(list->items, list->count, sizeof *list->items, compare_paths);
    *items = list->items;
    *count = list->count;
}

void bcp_find_plan_files_inside(const char *dir, char ***files, size_t *count, char ***outside,
                                size_t *outside_count)
{
    file_list list = {0}, refused = {0};
    char root[PATH_MAX];
    if (realpath(dir, root))
        walk(dir, root, &list, &refused);
    sorted(&list, files, count);
    sorted(&refused, outside, outside_count);
}

void bcp_find_plan_files(const char *dir, char ***files, size_t *count)
{
    char **outside;
    size_t outside_count;
    bcp_find_plan_files_inside(dir, files, count, &outside, &outside_count);
    bcp_files_free(outside, outside_count);
}

void bcp_files_free(char **files, size_t count)
{
    for (size_t i = 0; i < count; i++)
        bcp_free(files[i]);
    bcp_free(files);
}

void bcp_project_root(const char *real_dir, char *out, size_t size)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", real_dir);
    for (;;) {
        char probe[PATH_MAX + 32];
        struct stat st;
        snprintf(probe, sizeof probe, "%s/.git", dir);
        bool found = stat(probe, &st) == 0;
        snprintf(probe, sizeof probe, "%s/bcpconfig.bcp", dir);
        found = found || stat(probe, &st) == 0;
        if (found) {
            snprintf(out, size, "%s", dir);
            return;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || slash == dir)
            break;
        *slash = '\0';
    }
    snprintf(out, size, "%s", real_dir);
}

void bcp_path_fold(char *path)
{
    char *out = path;
    const char *in = path;
    while (*in) {
        while (*in == '/')
            in++;
        const char *end = strchr(in, '/');
        size_t len = end ? (size_t)(end - in) : strlen(in);
        if (len == 0)
            break;
        if (len == 1 && in[0] == '.') {
            /* nothing */
        } else if (len == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path && *--out != '/')
                ;
        } else {
            *out++ = '/';
            memmove(out, in, len);
            out += len;
        }
        in += len;
    }
    if (out == path)
        *out++ = '/';
    *out = '\0';
}
