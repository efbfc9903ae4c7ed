/* Which files `bcp check` and `bcp fmt` read: the paths given, with folders
 * searched recursively for .bcp files (hidden folders, node_modules and
 * symlinked folders skipped; bcpconfig.bcp left out), each folder's files
 * sorted by name. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bcp.h"
#include "base/alloc.h"
#include "base/buf.h"
#include "report/diagnostics.h"
#include "tools.h"

typedef struct path_list {
    char **items;
    size_t count, capacity;
} path_list;

static void path_push(path_list *l, const char *p)
{
    l->items = bcp_grow(l->items, &l->capacity, l->count, sizeof *l->items);
    l->items[l->count++] = bcp_strdup(p);
}

static bool has_bcp_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".bcp") == 0;
}

static void walk(const char *dir, path_list *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.' || strcmp(ent->d_name, "node_modules") == 0)
            continue;
        bcp_buf path = {0};
        if (strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0)
            bcp_buf_puts(&path, ent->d_name); /* `bcp check .` reports plan.bcp, not ./plan.bcp */
        else
            bcp_buf_printf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", ent->d_name);
        struct stat st;
        /* lstat: a symlinked folder is not followed (it may loop, as /dev/fd does). */
        bool linked_dir = lstat(path.data, &st) == 0 && S_ISLNK(st.st_mode) && stat(path.data, &st) == 0 &&
                          S_ISDIR(st.st_mode);
        if (!linked_dir && stat(path.data, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                walk(path.data, out);
            /* bcpconfig.bcp configures the linter; it is not a plan module. */
            else if (S_ISREG(st.st_mode) && has_bcp_suffix(ent->d_name) && strcmp(ent->d_name, "bcpconfig.bcp") != 0)
                path_push(out, path.data);
        }
        bcp_buf_free(&path);
    }
    closedir(d);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bcp_status bcp_collect_plan_files(const char *const *paths, size_t count, char ***files, size_t *file_count,
                                  bcp_diagnostics **missing)
{
    path_list list = {0};
    bcp_diagnostics *problems = missing ? bcp_diagnostics_new() : NULL;
    bcp_status status = BCP_OK;
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0) {
            path_push(&list, "-");
        } else if (stat(paths[i], &st) != 0) {
            if (problems)
                bcp_diagnostics_add_message(problems, BCP_SEV_ERROR, "%s: no such file or directory", paths[i]);
            status = BCP_ERR_NOT_FOUND;
        } else if (S_ISDIR(st.st_mode)) {
            path_list found = {0};
            walk(paths[i], &found);
            if (found.count > 1)
                qsort(found.items, found.count, sizeof *found.items, compare_paths);
            for (size_t j = 0; j < found.count; j++) {
                list.items = bcp_grow(list.items, &list.capacity, list.count, sizeof *list.items);
                list.items[list.count++] = found.items[j];
            }
            bcp_free(found.items);
        } else {
            path_push(&list, paths[i]);
        }
    }
    *files = list.items;
    *file_count = list.count;
    if (missing)
        *missing = problems;
    return status;
}

void bcp_free_strings(char **strings, size_t count)
{
    for (size_t i = 0; strings && i < count; i++)
        bcp_free(strings[i]);
    bcp_free(strings);
}

bool bcp_collect_files(char **args, int count, char ***files, size_t *file_count)
{
    return bcp_collect_plan_files((const char *const *)args, count > 0 ? (size_t)count : 0, files, file_count,
                                  NULL) == BCP_OK;
}

void bcp_free_files(char **files, size_t count)
{
    bcp_free_strings(files, count);
}
