/* Finding the plan files of a folder, as `bcp check DIR` and the workspace
 * (a module's importing plan) see them. */
#ifndef BCP_FILES_H
#define BCP_FILES_H
#include <stdbool.h>
#include <stddef.h>

/* Every .bcp file under `dir` (not bcpconfig.bcp; hidden folders,
 * node_modules, symlinked folders and links leading outside `dir` left out), sorted.  A `dir` of "."
 * gives paths without the "./".  The caller frees with bcp_files_free. */
void bcp_find_plan_files(const char *dir, char ***files, size_t *count);
/* The same, and the .bcp symbolic links it did not follow because they lead
 * outside `dir` (nothing of theirs is read): *outside gets their paths (the
 * links' own, sorted; free with bcp_files_free).  A link that stays inside
 * `dir` is read as the file it names. */
void bcp_find_plan_files_inside(const char *dir, char ***files, size_t *count, char ***outside,
                                size_t *outside_count);
void bcp_files_free(char **files, size_t count);
/* The folder a module's plans live in: the nearest ancestor of `real_dir`
 * (a canonical folder) holding .git or bcpconfig.bcp, else `real_dir`. */
void bcp_project_root(const char *real_dir, char *out, size_t size);
/* Folds `.`, `..` and repeated slashes of an absolute path, in place
 * (lexically: for files that need not exist). */
void bcp_path_fold(char *path);
/* Whether `path` is `root` or lies below it (both canonical or folded). */
bool bcp_path_inside(const char *path, const char *root);

#endif
