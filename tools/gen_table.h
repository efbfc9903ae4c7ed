/* Shared by the build-time table generators (tools/embed.c, tools/prebuild.c):
 * their command line `OUT.c ROOT FILE...`, the files in a fixed order, paths
 * relative to ROOT, and an output file that appears only when complete. */
#ifndef BCP_GEN_TABLE_H
#define BCP_GEN_TABLE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct gen_table {
    const char *out_path, *root;
    char **files;   /* sorted: deterministic output, and the order of the tables */
    int count;
    char tmp[4096];
    FILE *out;      /* writes go to OUT.c.tmp until gen_table_finish */
} gen_table;

static int gen_compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parses the arguments and opens the output; false (after a message) on error. */
static inline int gen_table_open(gen_table *g, int argc, char **argv, const char *tool)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s OUT.c ROOT [FILE...]\n", tool);
        return 0;
    }
    g->out_path = argv[1];
    g->root = argv[2];
    g->files = argv + 3;
    g->count = argc - 3;
    qsort(g->files, (size_t)g->count, sizeof *g->files, gen_compare);
    snprintf(g->tmp, sizeof g->tmp, "%s.tmp", g->out_path);
    g->out = fopen(g->tmp, "wb");
    if (!g->out)
        perror(g->tmp);
    return g->out != NULL;
}

/* A file's path relative to ROOT ("core/comms.bcp"). */
static inline const char *gen_table_relative(const gen_table *g, const char *path)
{
    size_t n = strlen(g->root);
    if (strncmp(path, g->root, n) == 0) {
        path += n;
        while (*path == '/')
            path++;
    }
    return path;
}

/* Closes the output and moves it into place; 0 on success, 1 on error. */
static inline int gen_table_finish(gen_table *g)
{
    if (fclose(g->out) != 0 || rename(g->tmp, g->out_path) != 0) {
        perror(g->out_path);
        return 1;
    }
    return 0;
}

/* Abandons the output (on an error). */
static inline void gen_table_abort(gen_table *g)
{
    fclose(g->out);
    remove(g->tmp);
}

#endif
