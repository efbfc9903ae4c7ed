/* bcp fmt: rewrite plans in the canonical layout (docs/fmt.md). */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"

typedef struct fmt_options {
    bool check, diff, write;
    bcp_operands paths;
} fmt_options;

/* ------------------------------------------------------------ unified diff */

typedef struct line {
    const char *text;
    size_t len;      /* without the newline */
    bool newline;    /* ends with '\n' */
} line;

static line *split_lines(const char *text, size_t len, size_t *count)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n')
            n++;
    if (len && text[len - 1] != '\n')
        n++;
    line *lines = bcp_cli_alloc((n ? n : 1) * sizeof *lines);
    size_t k = 0, start = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            lines[k++] = (line){text + start, i - start, true};
            start = i + 1;
        }
    }
    if (start < len)
        lines[k++] = (line){text + start, len - start, false};
    *count = n;
    return lines;
}

static bool same_line(const line *a, const line *b)
{
    return a->len == b->len && a->newline == b->newline && memcmp(a->text, b->text, a->len) == 0;
}

/* Edit script: ' ' keep, '-' delete from a, '+' insert from b. */
typedef struct edit {
    char op;
    size_t a, b;
} edit;

typedef struct edit_list {
    edit *items;
    size_t count, cap;
} edit_list;

static void edit_push(edit_list *l, char op, size_t a, size_t b)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        edit *items = bcp_cli_alloc(cap * sizeof *items);
        if (l->count)
            memcpy(items, l->items, l->count * sizeof *items);
        free(l->items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count++] = (edit){op, a, b};
}

/* Beyond this many differences the middle is shown as replaced wholesale:
 * still a correct diff, and memory stays bounded. */
#define MAX_EDIT_DISTANCE 2000

/* Myers' greedy O(ND) shortest edit script of a[0..na) into b[0..nb); indices in
 * the edits are offset by off_a and off_b.  False when it needs more than
 * MAX_EDIT_DISTANCE edits. */
static bool myers(const line *a, size_t na, const line *b, size_t nb, edit_list *out, size_t off_a,
                  size_t off_b)
{
    long n = (long)na, m = (long)nb, max = n + m;
    if (max > 2 * MAX_EDIT_DISTANCE)
        max = MAX_EDIT_DISTANCE;
    long width = 2 * max + 1;
    long *v = bcp_cli_alloc(((size_t)width + 2) * sizeof *v);
    long **trace = bcp_cli_alloc(((size_t)max + 1) * sizeof *trace);
    long found = -1;
    for (long d = 0; d <= max && found < 0; d++) {
        trace[d] = bcp_cli_alloc((size_t)width * sizeof **trace);
        for (long k = -d; k <= d; k += 2) {
            long x;
            if (k == -d || (k != d && v[max + k - 1] < v[max + k + 1]))
                x = v[max + k + 1];
            else
                x = v[max + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && same_line(&a[x], &b[y])) {
                x++;
                y++;
            }
            v[max + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
        memcpy(trace[d], v, (size_t)width * sizeof *v);
    }
    if (found < 0) {
        for (long d = 0; d <= max; d++)
            free(trace[d]);
        free(trace);
        free(v);
        return false;
    }
    /* Walk back through the trace, collecting edits in reverse. */
    edit_list rev = {0};
    long x = n, y = m;
    for (long d = found; d > 0; d--) {
        long *pv = trace[d - 1];
        long k = x - y;
        long pk = (k == -d || (k != d && pv[max + k - 1] < pv[max + k + 1])) ? k + 1 : k - 1;
        long px = pv[max + pk], py = px - pk;
        while (x > px && y > py) {
            x--;
            y--;
            edit_push(&rev, ' ', (size_t)x + off_a, (size_t)y + off_b);
        }
        if (pk == k + 1) {
            y--;
            edit_push(&rev, '+', (size_t)x + off_a, (size_t)y + off_b);
        } else {
            x--;
            edit_push(&rev, '-', (size_t)x + off_a, (size_t)y + off_b);
        }
    }
    while (x > 0 && y > 0) {
        x--;
        y--;
        edit_push(&rev, ' ', (size_t)x + off_a, (size_t)y + off_b);
    }
    for (size_t i = rev.count; i > 0; i--)
        edit_push(out, rev.items[i - 1].op, rev.items[i - 1].a, rev.items[i - 1].b);
    free(rev.items);
    for (long d = 0; d <= max; d++)
        free(trace[d]);
    free(trace);
    free(v);
    return true;
}

static void diff_lines(const line *a, size_t na, const line *b, size_t nb, edit_list *out)
{
    size_t prefix = 0;
    while (prefix < na && prefix < nb && same_line(&a[prefix], &b[prefix]))
        prefix++;
    size_t suffix = 0;
    while (suffix < na - prefix && suffix < nb - prefix &&
           same_line(&a[na - 1 - suffix], &b[nb - 1 - suffix]))
        suffix++;
    for (size_t i = 0; i < prefix; i++)
        edit_push(out, ' ', i, i);
    size_t ma = na - prefix - suffix, mb = nb - prefix - suffix;
    if (!myers(a + prefix, ma, b + prefix, mb, out, prefix, prefix)) {
        for (size_t i = 0; i < ma; i++)
            edit_push(out, '-', prefix + i, prefix);
        for (size_t i = 0; i < mb; i++)
            edit_push(out, '+', prefix + ma, prefix + i);
    }
    for (size_t i = 0; i < suffix; i++)
        edit_push(out, ' ', na - suffix + i, nb - suffix + i);
}

static void print_line(FILE *out, char op, const line *l)
{
    fputc(op, out);
    fwrite(l->text, 1, l->len, out);
    fputc('\n', out);
    if (!l->newline)
        fputs("\\ No newline at end of file\n", out);
}

#define CONTEXT 3

static void print_unified_diff(FILE *out, const char *name, const char *old, size_t old_len,
                               const char *new, size_t new_len)
{
    size_t na, nb;
    line *a = split_lines(old, old_len, &na);
    line *b = split_lines(new, new_len, &nb);
    edit_list edits = {0};
    diff_lines(a, na, b, nb, &edits);
    fprintf(out, "--- a/%s\n+++ b/%s\n", name, name);
    size_t i = 0;
    while (i < edits.count) {
        while (i < edits.count && edits.items[i].op == ' ')
            i++;
        if (i == edits.count)
            break;
        /* A hunk runs from CONTEXT lines before a change to CONTEXT lines
         * after the last change that follows within 2*CONTEXT unchanged lines;
         * the previous hunk ended at least CONTEXT+1 lines before i. */
        size_t start = i >= CONTEXT ? i - CONTEXT : 0;
        size_t end = i;
        for (;;) {
            while (end < edits.count && edits.items[end].op != ' ')
                end++;
            size_t run = 0;
            while (end + run < edits.count && edits.items[end + run].op == ' ')
                run++;
            if (end + run < edits.count && run <= 2 * CONTEXT) {
                end += run;
                continue;
            }
            end += run < CONTEXT ? run : CONTEXT;
            break;
        }
        size_t old_count = 0, new_count = 0;
        for (size_t k = start; k < end; k++) {
            if (edits.items[k].op != '+')
                old_count++;
            if (edits.items[k].op != '-')
                new_count++;
        }
        size_t old_start = edits.items[start].a + (old_count ? 1 : 0);
        size_t new_start = edits.items[start].b + (new_count ? 1 : 0);
        fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", old_start, old_count, new_start, new_count);
        for (size_t k = start; k < end; k++) {
            const edit *e = &edits.items[k];
            if (e->op == '+')
                print_line(out, '+', &b[e->b]);
            else
                print_line(out, e->op, &a[e->a]);
        }
        i = end;
    }
    free(edits.items);
    free(a);
    free(b);
}

/* --------------------------------------------------------------- command */

static int parse_args(int argc, char **argv, fmt_options *o)
{
    bcp_operands_init(&o->paths, argc);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (bcp_operand(&o->paths, argv[i]))
            continue;
        if (strcmp(a, "--check") == 0)
            o->check = true;
        else if (strcmp(a, "--diff") == 0)
            o->diff = true;
        else if (strcmp(a, "-w") == 0 || strcmp(a, "--write") == 0)
            o->write = true;
        else
            return bcp_usage_error("fmt", "unknown option '%s'", a);
    }
    if (o->paths.count == 0)
        return bcp_usage_error("fmt", "no files given (use - for standard input)");
    for (int i = 0; i < o->paths.count; i++)
        if (o->write && strcmp(o->paths.items[i], "-") == 0)
            return bcp_usage_error("fmt", "-w cannot rewrite standard input");
    return -1;
}

typedef enum { FILE_SAME, FILE_CHANGED, FILE_ERROR } file_result;

static file_result format_one(const char *path, const fmt_options *o)
{
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    char *formatted, *original;
    size_t len = 0, original_len = 0;
    bool changed = false;
    bcp_diagnostics *problems;
    bcp_status s = bcp_format_file(path, &formatted, &len, &original, &original_len, &changed, &problems);
    if (s != BCP_OK) {
        if (s == BCP_ERR_PLAN) {
            bcp_cli_print_diagnostics(stderr, problems, bcp_want_color(stderr));
            bcp_cli_eprintf("bcp: %s: not formatted: %s\n", name,
                    bcp_diagnostics_has_syntax_errors(problems) ? "it has syntax errors"
                                                                : "it would change what `bcp check` reports");
        } else if (s == BCP_ERR_INVALID) {
            const bcp_diagnostic *why = bcp_diagnostics_get(problems, 0);
            bcp_cli_eprintf("bcp: internal error: %s: %s; the file is left as it is "
                            "(please report this with the file)\n", name, why ? why->message : "");
        } else {
            bcp_cli_print_problems(problems, false);
        }
        bcp_diagnostics_free(problems);
        bcp_free(original);
        return FILE_ERROR;
    }
    bcp_diagnostics_free(problems);
    file_result result = changed ? FILE_CHANGED : FILE_SAME;
    bool quiet_modes = o->check || o->diff || o->write;
    if (!quiet_modes)
        fwrite(formatted, 1, len, stdout);
    if (changed && o->diff)
        print_unified_diff(stdout, name, original, original_len, formatted, len);
    else if (changed && o->check)
        printf("%s\n", name);
    if (changed && o->write) {
        const char *werr = NULL;
        /* in place: mode and owner stay, and a symlink keeps pointing at the plan */
        if (!bcp_atomic_write(path, formatted, len, 0666, BCP_ATOMIC_FOLLOW_LINKS, &werr)) {
            bcp_cli_eprintf("bcp: %s: not rewritten: %s\n", name, werr);
            result = FILE_ERROR;
        } else if (!o->check && !o->diff) {
            printf("%s\n", name);
        }
    }
    bcp_free(formatted);
    bcp_free(original);
    return result;
}

static int format_all(const fmt_options *o)
{
    char **files;
    size_t file_count;
    bcp_diagnostics *missing;
    bool found = bcp_collect_plan_files((const char *const *)o->paths.items, (size_t)o->paths.count, &files,
                                        &file_count, &missing) == BCP_OK;
    bcp_cli_print_problems(missing, false);
    bcp_diagnostics_free(missing);
    bool errors = !found, changes = false;
    for (size_t i = 0; i < file_count; i++) {
        file_result r = format_one(files[i], o);
        if (r == FILE_ERROR)
            errors = true;
        else if (r == FILE_CHANGED)
            changes = true;
    }
    bcp_free_strings(files, file_count);
    fflush(stdout);
    if (errors)
        return BCP_EXIT_ERROR;
    return o->check && changes ? BCP_EXIT_FINDINGS : BCP_EXIT_OK;
}

int bcp_cmd_fmt(int argc, char **argv)
{
    fmt_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status < 0)
        status = format_all(&o);
    bcp_operands_free(&o.paths);
    return status;
}
