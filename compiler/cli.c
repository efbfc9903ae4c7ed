#define _DEFAULT_SOURCE
#include "cli.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmd_version(int argc, char **argv);
static int cmd_help(int argc, char **argv);

static const bcp_command commands[] = {
    {"check", "check plans for syntax, model and lint errors",
     "usage: bcp check [options] FILE|DIR|- ...\n"
     "\n"
     "Parses each plan, builds its model (references, imports, types) and reports\n"
     "every problem as file:line:col with the source line and a caret.\n"
     "A module that a plan imports is checked in the context of that plan.\n"
     "\n"
     "options:\n"
     "  --stdlib DIR   read the standard library from DIR instead of the built-in copy\n"
     "  --color WHEN   auto (default), always or never; NO_COLOR disables colour\n"
     "\n"
     "exit status: 0 clean, 1 findings, 2 syntax, usage or I/O error\n",
     bcp_cmd_check},
    {"parse", "print the syntax tree of a file",
     "usage: bcp parse --tree FILE|-\n"
     "\n"
     "Prints the tree-sitter syntax tree as an S-expression with field names and\n"
     "[row, column] positions. Exit status 2 when the file has syntax errors.\n",
     bcp_cmd_parse},
    {"schema", "print the language reference generated from the schema",
     "usage: bcp schema [--markdown]\n"
     "\n"
     "Prints every entity kind and attribute with its type, whether it is required,\n"
     "its default and an example (the reference part of docs/language.md).\n",
     bcp_cmd_schema},
    {"version", "print the version", "usage: bcp version\n", cmd_version},
    {"help", "show help for a command", "usage: bcp help [COMMAND]\n", cmd_help},
};
static const size_t command_count = sizeof commands / sizeof *commands;

static void print_overview(FILE *out)
{
    fputs("bcp - business continuity plans as code\n\n"
          "usage: bcp COMMAND [options] [args]\n\ncommands:\n", out);
    for (size_t i = 0; i < command_count; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\nRun `bcp help COMMAND` for the options of one command.\n", out);
}

static const bcp_command *find_command(const char *name)
{
    for (size_t i = 0; i < command_count; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("bcp %s\n", BCP_VERSION);
    return BCP_EXIT_OK;
}

static int cmd_help(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stdout);
        return BCP_EXIT_OK;
    }
    const bcp_command *c = find_command(argv[1]);
    if (!c)
        return bcp_usage_error("help", "unknown command '%s'", argv[1]);
    fputs(c->usage, stdout);
    return BCP_EXIT_OK;
}

int bcp_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bcp: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (command)
        fprintf(stderr, "\n(see `bcp help %s`)\n", command);
    else
        fputc('\n', stderr);
    return BCP_EXIT_ERROR;
}

bool bcp_want_color(FILE *out)
{
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    return isatty(fileno(out));
}

typedef struct path_list {
    char **items;
    size_t count, capacity;
} path_list;

static void path_push(path_list *l, const char *p)
{
    if (l->count == l->capacity) {
        l->capacity = l->capacity ? l->capacity * 2 : 16;
        l->items = realloc(l->items, l->capacity * sizeof *l->items);
        if (!l->items)
            abort();
    }
    l->items[l->count] = strdup(p);
    if (!l->items[l->count])
        abort();
    l->count++;
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
        size_t len = strlen(dir) + strlen(ent->d_name) + 2;
        char *path = malloc(len);
        if (!path)
            abort();
        snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", ent->d_name);
        struct stat st;
        if (stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                walk(path, out);
            else if (S_ISREG(st.st_mode) && has_bcp_suffix(ent->d_name))
                path_push(out, path);
        }
        free(path);
    }
    closedir(d);
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool bcp_collect_files(char **args, int count, char ***files, size_t *file_count)
{
    path_list list = {0};
    bool ok = true;
    for (int i = 0; i < count; i++) {
        struct stat st;
        if (strcmp(args[i], "-") == 0) {
            path_push(&list, "-");
        } else if (stat(args[i], &st) != 0) {
            fprintf(stderr, "bcp: %s: no such file or directory\n", args[i]);
            ok = false;
        } else if (S_ISDIR(st.st_mode)) {
            path_list found = {0};
            walk(args[i], &found);
            if (found.count > 1)
                qsort(found.items, found.count, sizeof *found.items, compare_paths);
            for (size_t j = 0; j < found.count; j++) {
                path_push(&list, found.items[j]);
                free(found.items[j]);
            }
            free(found.items);
        } else {
            path_push(&list, args[i]);
        }
    }
    *files = list.items;
    *file_count = list.count;
    return ok;
}

void bcp_free_files(char **files, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(files[i]);
    free(files);
}

int bcp_cli_main(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stderr);
        return BCP_EXIT_ERROR;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0)
        return cmd_help(1, argv + 1);
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
        return cmd_version(0, NULL);
    const bcp_command *c = find_command(name);
    if (!c)
        return bcp_usage_error(NULL, "unknown command '%s' (run `bcp help`)", name);
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(c->usage, stdout);
            return BCP_EXIT_OK;
        }
    }
    return c->run(argc - 1, argv + 1);
}
