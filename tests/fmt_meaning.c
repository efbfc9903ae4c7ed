/*
 * Formatting keeps the meaning: the checks tests/cli/test_fmt.sh makes on
 * every file of a tree and its formatted copy, in one process instead of
 * five `bcp` runs a file (perf7: test_fmt ran bcp ~1,200 times, each one
 * paying the sanitizers' start-up and exit scan under ASan).
 *
 *   fmt_meaning LABEL SRC COPY
 *   fmt_meaning --drop-unparsed DIR
 *
 * For every *.bcp file F under SRC (sorted bytewise, as `find | LC_ALL=C
 * sort`), with COPY/F the formatted copy, the same library calls as
 *   - `bcp diff --dump SRC/F` and `bcp diff --dump COPY/F` give the same
 *     text (the canonical model: both failing counts as the same, as the
 *     script compared empty outputs),
 *   - `bcp parse` of both has as many comment nodes,
 *   - `bcp diff SRC/F COPY/F` succeeds and sees no difference.
 * Prints a "FAIL fmt: LABEL: F: why" line (and the first lines that differ)
 * per failure, then "files N".  Exit status 0 when all held, 1 when not,
 * 2 on a usage or I/O error.
 *
 * --drop-unparsed removes every *.bcp file under DIR that `bcp parse` would
 * not parse cleanly (the grammar corpus's cases about syntax errors).
 */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bcp.h"

static char **files;
static size_t nfiles, capfiles;
static size_t src_len;

static int collect(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    if ((type == FTW_F || type == FTW_SL || type == FTW_SLN) && n > 4 && strcmp(path + n - 4, ".bcp") == 0) {
        if (nfiles == capfiles) {
            capfiles = capfiles ? 2 * capfiles : 256;
            char **grown = realloc(files, capfiles * sizeof *files);
            if (!grown)
                return 1;
            files = grown;
        }
        char *rel = malloc(n - src_len + 3);
        if (!rel)
            return 1;
        /* "./sub/x.bcp", as find prints it and the script named it */
        snprintf(rel, n - src_len + 3, ".%s", path + src_len);
        files[nfiles++] = rel;
    }
    return 0;
}

static int by_bytes(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *rel)
{
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

/* The model's canonical text, "" when it does not load (what the script's
 * `bcp diff --dump F 2>/dev/null` printed then). */
static char *dump(const char *path, size_t *length)
{
    char *text = NULL;
    bcp_diagnostics *problems = NULL;
    bcp_status s = bcp_dump_file(path, NULL, &text, length, &problems);
    bcp_diagnostics_free(problems);
    if (s != BCP_OK) {
        bcp_free(text);
        *length = 0;
        text = NULL;
    }
    return text;
}

/* Comment nodes in the syntax tree (`bcp parse F | grep -c '(comment '`:
 * one node a line, so lines and nodes are the same count); *status (unless
 * NULL) gets the parse's status (`bcp parse` exits 0 when BCP_OK). */
static long comments(const char *path, bcp_status *status)
{
    char *sexp = NULL;
    size_t length = 0;
    bcp_diagnostics *problems = NULL;
    bcp_status s = bcp_parse_file(path, &sexp, &length, &problems);
    bcp_diagnostics_free(problems);
    long count = 0;
    if (s != BCP_ERR_IO && sexp)
        for (const char *p = sexp; (p = strstr(p, "(comment ")) != NULL; p++)
            count++;
    bcp_free(sexp);
    if (status)
        *status = s;
    return count;
}

/* The first differing line of two texts, each side shown. */
static void show_difference(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, line = 0;
    while (i < alen && i < blen && a[i] == b[i])
        i++;
    size_t start = i;
    while (start > 0 && a[start - 1] != '\n')
        start--;
    for (size_t k = 0; k < start; k++)
        line += a[k] == '\n';
    const char *ae = memchr(a + start, '\n', alen - start), *be = memchr(b + start, '\n', blen - start);
    int an = (int)((ae ? (size_t)(ae - a) : alen) - start), bn = (int)((be ? (size_t)(be - b) : blen) - start);
    printf("  line %zu before: %.*s\n  line %zu after:  %.*s\n", line + 1, an > 200 ? 200 : an, a + start, line + 1,
           bn > 200 ? 200 : bn, b + start);
}

static bool check_file(const char *label, const char *src, const char *copy, const char *rel)
{
    bool ok = true;
    char *before_path = join(src, rel), *after_path = join(copy, rel);
    if (!before_path || !after_path) {
        free(before_path);
        free(after_path);
        printf("FAIL fmt: %s: %s: out of memory\n", label, rel);
        return false;
    }
    size_t blen = 0, alen = 0;
    char *before = dump(before_path, &blen), *after = dump(after_path, &alen);
    if (blen != alen || (blen && memcmp(before, after, blen) != 0)) {
        printf("FAIL fmt: %s: %s: the model changed\n", label, rel);
        show_difference(before ? before : "", blen, after ? after : "", alen);
        ok = false;
    }
    bcp_free(before);
    bcp_free(after);

    long cb = comments(before_path, NULL), ca = comments(after_path, NULL);
    if (cb != ca) {
        printf("FAIL fmt: %s: %s: %ld comments before, %ld after\n", label, rel, cb, ca);
        ok = false;
    }

    bcp_diff_options options = {.old_name = before_path, .new_name = after_path};
    char *text = NULL;
    size_t length = 0;
    bool differ = false;
    bcp_diagnostics *problems = NULL;
    bcp_status s = bcp_diff_files(before_path, after_path, &options, &text, &length, &differ, &problems);
    if (s != BCP_OK || differ) {
        printf("FAIL fmt: %s: %s: bcp diff sees a difference (status %d)\n", label, rel, (int)s);
        if (s == BCP_OK)
            printf("%.*s\n", length > 2000 ? 2000 : (int)length, text);
        ok = false;
    }
    bcp_free(text);
    bcp_diagnostics_free(problems);
    free(before_path);
    free(after_path);
    return ok;
}

static int drop_unparsed(const char *dir)
{
    int status = 0;
    for (size_t i = 0; i < nfiles; i++) {
        char *path = join(dir, files[i]);
        bcp_status parsed = BCP_OK;
        if (path)
            comments(path, &parsed);
        if (!path || (parsed != BCP_OK && unlink(path) != 0))
            status = 2;
        free(path);
        free(files[i]);
    }
    free(files);
    return status;
}

int main(int argc, char **argv)
{
    bool drop = argc == 3 && strcmp(argv[1], "--drop-unparsed") == 0;
    if (argc != 4 && !drop) {
        fprintf(stderr, "usage: fmt_meaning LABEL SRC COPY | --drop-unparsed DIR\n");
        return 2;
    }
    const char *label = argv[1], *src = argv[2], *copy = argv[3];
    if (drop)
        src = argv[2];
    src_len = strlen(src);
    if (nftw(src, collect, 32, FTW_PHYS) != 0) {
        fprintf(stderr, "fmt_meaning: cannot read %s\n", src);
        return 2;
    }
    qsort(files, nfiles, sizeof *files, by_bytes);
    if (drop)
        return drop_unparsed(src);
    bool ok = true;
    for (size_t i = 0; i < nfiles; i++) {
        ok &= check_file(label, src, copy, files[i]);
        free(files[i]);
    }
    free(files);
    printf("files %zu\n", nfiles);
    return ok ? 0 : 1;
}
