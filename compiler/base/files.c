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

static void walk(const char *dir, file_list *out)
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
        /* lstat: a symlinked folder is not followed (it may loop, as /dev/fd does). */
        bool linked_dir = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && stat(path, &st) == 0 &&
                          S_ISDIR(st.st_mode);
        if (!linked_dir && stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                walk(path, out);
            else if (S_ISREG(st.st_mode) && is_plan_file(ent->d_name)) {
                out->items = bcp_grow(out->items, &out->capacity, out->count, sizeof *out->items);
                out->items[out->count++] = path;
                continue;
            }
        }
        bcp_free(path);
    }
    closedir(d);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void bcp_find_plan_files(const char *dir, char ***files, size_t *count)
{
    file_list list = {0};
    walk(dir, &list);
    if (list.count > 1)
        qsort(list.items, list.count, sizeof *list.items, compare_paths);
    *files = list.items;
    *count = list.count;
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
