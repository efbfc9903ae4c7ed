/* Which files `bcp check` and `bcp fmt` read: the paths given, with folders
 * searched for .bcp files by compiler/base/files.c (hidden folders,
 * node_modules, symlinked folders and links leading out of the folder skipped,
 * with a warning for such a link; bcpconfig.bcp left out), each
 * folder's files sorted by name. */
#include <string.h>
#include <sys/stat.h>

#include "bcp.h"
#include "base/alloc.h"
#include "base/files.h"
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
            char **found, **outside;
            size_t found_count, outside_count;
            bcp_find_plan_files_inside(paths[i], &found, &found_count, &outside, &outside_count);
            for (size_t j = 0; problems && j < outside_count; j++)
                bcp_diagnostics_add_message(problems, BCP_SEV_WARNING,
                                            "%s: a symbolic link to a file outside %s (or to nothing); not read",
                                            outside[j], paths[i]);
            bcp_files_free(outside, outside_count);
            for (size_t j = 0; j < found_count; j++) {
                list.items = bcp_grow(list.items, &list.capacity, list.count, sizeof *list.items);
                list.items[list.count++] = found[j];
            }
            bcp_free(found);
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
