/*
 * Corpus test runner for the bcp grammar, built on the tree-sitter runtime
 * because the tree-sitter CLI is not a dependency of the project.
 *
 *   corpus_runner [--update] DIR|FILE...
 *
 * Reads every *.txt file of DIR (sorted by name, so output is stable) in
 * tree-sitter's corpus format:
 *
 *   ==================
 *   test name
 *   :error              (optional attribute lines: :error, :skip)
 *   ==================
 *
 *   input text
 *
 *   ---
 *
 *   (source_file ...)
 *
 * and parses each input with tree_sitter_bcp(), the committed parser.c as
 * editors load it.  The actual tree is printed with ts_node_string(), which
 * is what `tree-sitter test` compares against, so a corpus that passes here
 * passes there too.  The matching rules follow
 * the tree-sitter CLI: header lines may carry a suffix (`===|`) that then
 * must be used by every header and divider of the file, the longest `---`
 * line separates input from expected tree, one newline before the divider is
 * not part of the input, whitespace in the expected tree is normalised, and
 * field names are only compared when the expected tree mentions any.
 *
 * With --update the expected tree of every failing case is replaced by the
 * actual one (indented); the file is rewritten atomically.  Review the diff:
 * a corpus states what the grammar should produce, not what it happens to.
 *
 * Exit status: 0 all passed, 1 some failed, 2 usage or I/O error.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tree_sitter/api.h>

#include "syntax/syntax.h"

typedef struct text {
    char *data;
    size_t len, cap;
} text;

static void text_reserve(text *t, size_t extra)
{
    if (t->len + extra + 1 <= t->cap)
        return;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + extra + 1)
        cap *= 2;
    char *data = realloc(t->data, cap);
    if (!data) {
        fputs("corpus_runner: out of memory\n", stderr);
        exit(2);
    }
    t->data = data;
    t->cap = cap;
}

static void text_append(text *t, const char *s, size_t n)
{
    text_reserve(t, n);
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

static void text_puts(text *t, const char *s)
{
    text_append(t, s, strlen(s));
}

static void text_putc(text *t, char c)
{
    text_append(t, &c, 1);
}

/* Always returns a NUL-terminated string, even when nothing was appended. */
static char *text_take(text *t)
{
    text_reserve(t, 0);
    t->data[t->len] = '\0';
    char *s = t->data;
    t->data = NULL;
    t->len = t->cap = 0;
    return s;
}

static char *dup_range(const char *s, size_t n)
{
    text t = {0};
    text_append(&t, s, n);
    return text_take(&t);
}

/* ---- the corpus file format ---- */

typedef struct corpus_case {
    char *name;
    char *input;
    size_t input_len;
    char *expected;          /* normalised */
    bool has_fields;
    bool expect_error;       /* :error -- only "the tree has an error" is checked */
    bool skip;
    size_t expected_start;   /* byte range of the expected tree in the file, for --update */
    size_t expected_end;
} corpus_case;

typedef struct corpus_file {
    char *path;
    char *content;
    size_t length;
    corpus_case *cases;
    size_t count;
} corpus_file;

typedef struct line {
    size_t start, end, next; /* end excludes "\r\n"; next is the following line's start */
    bool has_newline;
} line;

static line line_at(const char *s, size_t len, size_t pos)
{
    line l = {pos, pos, pos, false};
    const char *nl = memchr(s + pos, '\n', len - pos);
    if (nl) {
        l.next = (size_t)(nl - s) + 1;
        l.end = (size_t)(nl - s);
        l.has_newline = true;
    } else {
        l.next = l.end = len;
    }
    if (l.end > l.start && s[l.end - 1] == '\r')
        l.end--;
    return l;
}

/*
 * A line of at least three `c` followed by an optional suffix that does not
 * start with `c`, ended by a newline.  The suffix is returned as a range.
 */
static bool rule_line(const char *s, size_t len, size_t pos, char c, line *out,
                      size_t *suffix_start)
{
    line l = line_at(s, len, pos);
    if (!l.has_newline)
        return false;
    size_t i = l.start;
    while (i < l.end && s[i] == c)
        i++;
    if (i - l.start < 3)
        return false;
    *out = l;
    *suffix_start = i;
    return true;
}

static bool same_suffix(const char *s, size_t a_start, size_t a_end, const char *b, size_t b_len)
{
    return a_end - a_start == b_len && memcmp(s + a_start, b, b_len) == 0;
}

typedef struct header {
    size_t start, end;            /* the whole header, both rule lines included */
    size_t suffix1, suffix1_end;
    size_t suffix2, suffix2_end;
    size_t names_start, names_end;
} header;

/* `===suffix` / one or more non-empty lines not starting with '=' / `===suffix`. */
static bool match_header(const char *s, size_t len, size_t pos, header *h)
{
    line first;
    size_t suffix;
    if (!rule_line(s, len, pos, '=', &first, &suffix))
        return false;
    h->start = pos;
    h->suffix1 = suffix;
    h->suffix1_end = first.end;
    h->names_start = first.next;
    size_t p = first.next;
    size_t names = 0;
    for (;;) {
        line l = line_at(s, len, p);
        if (!l.has_newline || l.end == l.start || s[l.start] == '=')
            break;
        names++;
        p = l.next;
    }
    if (names == 0)
        return false;
    h->names_end = p;
    line last;
    if (!rule_line(s, len, p, '=', &last, &suffix))
        return false;
    h->suffix2 = suffix;
    h->suffix2_end = last.end;
    h->end = last.next;
    return true;
}

/* Collapses runs of whitespace, trims, and drops the space before ')'. */
static char *normalise_sexp(const char *s, size_t n)
{
    text t = {0};
    bool pending_space = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            pending_space = t.len > 0;
            continue;
        }
        if (pending_space && c != ')')
            text_putc(&t, ' ');
        pending_space = false;
        text_putc(&t, (char)c);
    }
    return text_take(&t);
}

/* Drops `; comment` lines, which tree-sitter allows in expected trees. */
static char *strip_comment_lines(const char *s, size_t n)
{
    text t = {0};
    size_t pos = 0;
    while (pos < n) {
        line l = line_at(s, n, pos);
        size_t i = l.start;
        while (i < l.end && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= l.end || s[i] != ';')
            text_append(&t, s + l.start, l.next - l.start);
        pos = l.next;
    }
    return text_take(&t);
}

static bool is_word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* The expected tree names fields when it contains ` word: (`. */
static bool mentions_fields(const char *s)
{
    for (const char *p = strchr(s, ':'); p; p = strchr(p + 1, ':')) {
        const char *w = p;
        while (w > s && is_word_char(w[-1]))
            w--;
        if (w == p || w == s || w[-1] != ' ')
            continue;
        if (p[1] == ' ' && p[2] == '(')
            return true;
    }
    return false;
}

/* Replaces every ` word: (` by ` (`, as tree-sitter does when fields are not compared. */
static char *strip_fields(const char *s)
{
    text t = {0};
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ') {
            size_t j = i + 1;
            while (j < n && is_word_char(s[j]))
                j++;
            if (j > i + 1 && j + 2 < n && s[j] == ':' && s[j + 1] == ' ' && s[j + 2] == '(') {
                text_putc(&t, ' ');
                i = j + 2;
                continue;
            }
        }
        text_putc(&t, s[i]);
        i++;
    }
    return text_take(&t);
}

static void add_case(corpus_file *f, const corpus_case *c)
{
    corpus_case *cases = realloc(f->cases, (f->count + 1) * sizeof *cases);
    if (!cases) {
        fputs("corpus_runner: out of memory\n", stderr);
        exit(2);
    }
    f->cases = cases;
    f->cases[f->count++] = *c;
}

/* Name lines of a header: plain lines form the name, `:attr` lines set attributes. */
static void read_names(corpus_file *f, const header *h, corpus_case *c)
{
    const char *s = f->content;
    text name = {0};
    size_t pos = h->names_start;
    while (pos < h->names_end) {
        line l = line_at(s, h->names_end, pos);
        size_t a = l.start, b = l.end;
        while (b > a && isspace((unsigned char)s[b - 1]))
            b--;
        if (s[a] == ':') {
            if (b - a == 6 && memcmp(s + a, ":error", 6) == 0)
                c->expect_error = true;
            else if (b - a == 5 && memcmp(s + a, ":skip", 5) == 0)
                c->skip = true;
            else
                fprintf(stderr, "%s: ignoring unknown test attribute '%.*s'\n", f->path,
                        (int)(b - a), s + a);
        } else {
            if (name.len > 0)
                text_putc(&name, '\n');
            text_append(&name, s + a, b - a);
        }
        pos = l.next;
    }
    c->name = text_take(&name);
}

static void parse_corpus(corpus_file *f)
{
    const char *s = f->content;
    size_t len = f->length;

    /* Every header, in order, as the CLI's regex would find them. */
    header *headers = NULL;
    size_t nheaders = 0;
    for (size_t pos = 0; pos < len;) {
        header h;
        if (match_header(s, len, pos, &h)) {
            header *grown = realloc(headers, (nheaders + 1) * sizeof *grown);
            if (!grown) {
                fputs("corpus_runner: out of memory\n", stderr);
                exit(2);
            }
            headers = grown;
            headers[nheaders++] = h;
            pos = h.end;
        } else {
            pos = line_at(s, len, pos).next;
        }
    }
    if (nheaders == 0) {
        free(headers);
        return;
    }
    /* The first header's suffix is the one every header and divider must use. */
    const char *suffix = s + headers[0].suffix1;
    size_t suffix_len = headers[0].suffix1_end - headers[0].suffix1;

    const header *prev = NULL;
    for (size_t hi = 0; hi <= nheaders; hi++) {
        const header *h = hi < nheaders ? &headers[hi] : NULL;
        if (h && !(same_suffix(s, h->suffix1, h->suffix1_end, suffix, suffix_len) &&
                   same_suffix(s, h->suffix2, h->suffix2_end, suffix, suffix_len)))
            continue;
        size_t section_end = h ? h->start : len;
        if (prev) {
            /* The longest divider line wins (the last one on a tie). */
            size_t div_start = 0, div_end = 0;
            bool found = false;
            for (size_t pos = prev->end; pos < section_end;) {
                line l;
                size_t suf;
                if (rule_line(s, section_end, pos, '-', &l, &suf) &&
                    same_suffix(s, suf, l.end, suffix, suffix_len) &&
                    (!found || l.next - l.start >= div_end - div_start)) {
                    found = true;
                    div_start = l.start;
                    div_end = l.next;
                }
                pos = line_at(s, section_end, pos).next;
            }
            if (found) {
                corpus_case c = {0};
                read_names(f, prev, &c);
                size_t in_end = div_start;
                if (in_end > prev->end && s[in_end - 1] == '\n')
                    in_end--;
                if (in_end > prev->end && s[in_end - 1] == '\r')
                    in_end--;
                c.input = dup_range(s + prev->end, in_end - prev->end);
                c.input_len = in_end - prev->end;
                char *uncommented = strip_comment_lines(s + div_end, section_end - div_end);
                c.expected = normalise_sexp(uncommented, strlen(uncommented));
                free(uncommented);
                c.has_fields = mentions_fields(c.expected);
                c.expected_start = div_end;
                c.expected_end = section_end;
                add_case(f, &c);
            }
        }
        prev = h;
    }
    free(headers);
}

static bool read_file(const char *path, char **out, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "corpus_runner: cannot open %s: %s\n", path, strerror(errno));
        return false;
    }
    text t = {0};
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        text_append(&t, buf, n);
    bool ok = !ferror(fp);
    fclose(fp);
    if (!ok) {
        fprintf(stderr, "corpus_runner: cannot read %s\n", path);
        free(t.data);
        return false;
    }
    *len = t.len;
    *out = text_take(&t);
    return true;
}

static void free_corpus(corpus_file *f)
{
    for (size_t i = 0; i < f->count; i++) {
        free(f->cases[i].name);
        free(f->cases[i].input);
        free(f->cases[i].expected);
    }
    free(f->cases);
    free(f->content);
    free(f->path);
}

/* ---- printing trees ---- */

/*
 * Indents a one-line S-expression the way tree-sitter writes corpus files:
 * one node per line, two spaces per level, `field: ` before its node.
 */
static char *indent_sexp(const char *s, const char *prefix)
{
    text t = {0};
    int depth = 0;
    bool line_started = false;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        /* A token: "(", ")", a quoted name, or a word (a field label ends in ':'). */
        size_t j = i;
        if (s[i] == '(' || s[i] == ')') {
            j = i + 1;
        } else if (s[i] == '"' || s[i] == '\'') {
            /* A quoted token name such as "}" or '"' or even """ (a missing
             * quote): it ends at a quote that closes the node or the word. */
            char q = s[i];
            j = i + 2;
            while (j < n && !(s[j] == q && (j + 1 == n || s[j + 1] == ')' || s[j + 1] == ' ')))
                j++;
            if (j < n)
                j++;
        } else {
            while (j < n && s[j] != ' ' && s[j] != '(' && s[j] != ')')
                j++;
        }
        bool is_field = j - i > 1 && s[j - 1] == ':' && s[i] != '"' && s[i] != '\'';
        bool opens = s[i] == '(';
        if ((is_field || opens) && !line_started) {
            if (t.len > 0)
                text_putc(&t, '\n');
            text_puts(&t, prefix);
            for (int d = 0; d < depth; d++)
                text_puts(&t, "  ");
            line_started = true;
        } else if (!opens && s[i] != ')' && t.len > 0 && t.data[t.len - 1] != '(') {
            text_putc(&t, ' ');
        }
        text_append(&t, s + i, j - i);
        if (is_field)
            text_putc(&t, ' ');
        if (opens) {
            depth++;
            line_started = false;
        } else if (s[i] == ')') {
            depth--;
        }
        /* After a field label the node follows on the same line. */
        if (is_field)
            line_started = true;
        else if (!opens)
            line_started = false;
        i = j;
    }
    return text_take(&t);
}

static char **split_lines(char *s, size_t *count)
{
    size_t n = 1;
    for (char *p = s; *p; p++)
        n += *p == '\n';
    char **lines = calloc(n, sizeof *lines);
    if (!lines) {
        fputs("corpus_runner: out of memory\n", stderr);
        exit(2);
    }
    size_t i = 0;
    for (char *p = s;;) {
        lines[i++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    *count = i;
    return lines;
}

/* A line diff (longest common subsequence): "-" expected only, "+" actual only. */
static void print_diff(const char *expected, const char *actual)
{
    char *e = indent_sexp(expected, ""), *a = indent_sexp(actual, "");
    size_t ne, na;
    char **el = split_lines(e, &ne), **al = split_lines(a, &na);
    size_t *lcs = calloc((ne + 1) * (na + 1), sizeof *lcs);
    if (!lcs) {
        fputs("corpus_runner: out of memory\n", stderr);
        exit(2);
    }
#define LCS(i, j) lcs[(i) * (na + 1) + (j)]
    for (size_t i = ne; i-- > 0;)
        for (size_t j = na; j-- > 0;)
            LCS(i, j) = strcmp(el[i], al[j]) == 0 ? LCS(i + 1, j + 1) + 1
                        : LCS(i + 1, j) >= LCS(i, j + 1) ? LCS(i + 1, j)
                                                         : LCS(i, j + 1);
    printf("    expected (-) / actual (+):\n");
    size_t i = 0, j = 0;
    while (i < ne || j < na) {
        if (i < ne && j < na && strcmp(el[i], al[j]) == 0) {
            printf("      %s\n", el[i]);
            i++;
            j++;
        } else if (i < ne && (j == na || LCS(i + 1, j) >= LCS(i, j + 1))) {
            printf("    - %s\n", el[i++]);
        } else {
            printf("    + %s\n", al[j++]);
        }
    }
#undef LCS
    free(lcs);
    free(el);
    free(al);
    free(e);
    free(a);
}

/* ---- running ---- */

typedef struct totals {
    size_t passed, failed, skipped;
} totals;

/* Returns the case's actual tree (fields kept) in *actual_out; true when it matches. */
static bool run_case(TSParser *parser, const corpus_case *c, char **actual_out)
{
    TSTree *tree = ts_parser_parse_string(parser, NULL, c->input, (uint32_t)c->input_len);
    if (!tree) {
        *actual_out = dup_range("(no tree)", 9);
        return false;
    }
    TSNode root = ts_tree_root_node(tree);
    char *raw = ts_node_string(root);
    bool has_error = ts_node_has_error(root);
    ts_tree_delete(tree);
    char *actual = normalise_sexp(raw, strlen(raw));
    free(raw);
    bool ok;
    if (c->expect_error) {
        ok = has_error;
    } else if (c->has_fields) {
        ok = strcmp(actual, c->expected) == 0;
    } else {
        char *stripped = strip_fields(actual);
        ok = strcmp(stripped, c->expected) == 0;
        free(stripped);
    }
    *actual_out = actual;
    return ok;
}

static bool write_atomically(const char *path, const char *data, size_t len)
{
    text tmp = {0};
    text_puts(&tmp, path);
    text_puts(&tmp, ".tmp.XXXXXX");
    char *tmp_path = text_take(&tmp);
    int fd = mkstemp(tmp_path);
    if (fd < 0) {
        fprintf(stderr, "corpus_runner: cannot create %s: %s\n", tmp_path, strerror(errno));
        free(tmp_path);
        return false;
    }
    /* mkstemp makes the file private; a corpus file is an ordinary source file. */
    struct stat st;
    fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : 0644);
    bool ok = true;
    for (size_t off = 0; off < len && ok;) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            ok = false;
        else
            off += (size_t)w;
    }
    if (ok && fsync(fd) != 0)
        ok = false;
    if (close(fd) != 0)
        ok = false;
    if (ok && rename(tmp_path, path) != 0)
        ok = false;
    if (!ok) {
        fprintf(stderr, "corpus_runner: cannot write %s: %s\n", path, strerror(errno));
        unlink(tmp_path);
    }
    free(tmp_path);
    return ok;
}

static bool run_file(TSParser *parser, const char *path, bool update, totals *t)
{
    corpus_file f = {0};
    if (!read_file(path, &f.content, &f.length))
        return false;
    f.path = dup_range(path, strlen(path));
    parse_corpus(&f);
    if (f.count == 0)
        fprintf(stderr, "%s: no test cases found\n", path);

    text rewritten = {0};
    size_t copied = 0;
    size_t updated = 0;
    printf("%s:\n", path);
    for (size_t i = 0; i < f.count; i++) {
        const corpus_case *c = &f.cases[i];
        if (c->skip) {
            printf("  skip %s\n", c->name);
            t->skipped++;
            continue;
        }
        char *actual = NULL;
        bool ok = run_case(parser, c, &actual);
        if (ok) {
            printf("  ok   %s\n", c->name);
            t->passed++;
        } else if (update && !c->expect_error) {
            printf("  UPDATED %s\n", c->name);
            t->passed++;
            char *pretty = indent_sexp(actual, "");
            text_append(&rewritten, f.content + copied, c->expected_start - copied);
            text_putc(&rewritten, '\n');
            text_puts(&rewritten, pretty);
            /* Keep one blank line before the next header, and end the file with a newline. */
            text_puts(&rewritten, c->expected_end < f.length ? "\n\n" : "\n");
            copied = c->expected_end;
            free(pretty);
            updated++;
        } else {
            printf("  FAIL %s\n", c->name);
            t->failed++;
            if (c->expect_error) {
                printf("    expected a syntax error, got:\n");
                char *pretty = indent_sexp(actual, "      ");
                printf("%s\n", pretty);
                free(pretty);
            } else {
                char *shown = c->has_fields ? NULL : strip_fields(actual);
                print_diff(c->expected, shown ? shown : actual);
                free(shown);
            }
        }
        free(actual);
    }
    bool ok = true;
    if (updated > 0) {
        text_append(&rewritten, f.content + copied, f.length - copied);
        ok = write_atomically(path, rewritten.data, rewritten.len);
    }
    free(rewritten.data);
    free_corpus(&f);
    return ok;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.txt files of a directory, sorted bytewise so the order never depends on locale. */
static bool list_corpus_files(const char *dir, char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "corpus_runner: cannot open directory %s: %s\n", dir, strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !ends_with(e->d_name, ".txt"))
            continue;
        char **grown = realloc(names, (n + 1) * sizeof *grown);
        if (!grown) {
            fputs("corpus_runner: out of memory\n", stderr);
            exit(2);
        }
        names = grown;
        text p = {0};
        text_puts(&p, dir);
        if (!ends_with(dir, "/"))
            text_putc(&p, '/');
        text_puts(&p, e->d_name);
        names[n++] = text_take(&p);
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof *names, compare_names);
    *out = names;
    *count = n;
    return true;
}

static void usage(FILE *out)
{
    fputs("usage: corpus_runner [--update] DIR|FILE...\n"
          "Runs tree-sitter corpus tests (DIR/*.txt) against the bcp grammar.\n"
          "  --update  replace the expected tree of failing cases by the actual one\n",
          out);
}

int main(int argc, char **argv)
{
    bool update = false;
    int first = 1;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--update") == 0) {
            update = true;
        } else if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "corpus_runner: unknown option %s\n", argv[first]);
            usage(stderr);
            return 2;
        }
    }
    if (first >= argc) {
        usage(stderr);
        return 2;
    }

    TSParser *parser = ts_parser_new();
    if (!ts_parser_set_language(parser, tree_sitter_bcp())) {
        fputs("corpus_runner: the grammar's ABI does not match the tree-sitter runtime\n",
              stderr);
        ts_parser_delete(parser);
        return 2;
    }
    totals t = {0};
    bool io_ok = true;
    for (int a = first; a < argc; a++) {
        struct stat st;
        if (stat(argv[a], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t n = 0;
            char **files = NULL;
            if (!list_corpus_files(argv[a], &files, &n))
                io_ok = false;
            for (size_t i = 0; i < n; i++) {
                io_ok = run_file(parser, files[i], update, &t) && io_ok;
                free(files[i]);
            }
            free(files);
        } else {
            io_ok = run_file(parser, argv[a], update, &t) && io_ok;
        }
    }
    ts_parser_delete(parser);

    printf("corpus: %zu passed, %zu failed\n", t.passed, t.failed);
    if (!io_ok)
        return 2;
    if (t.passed + t.failed + t.skipped == 0) {
        fputs("corpus_runner: no test cases found\n", stderr);
        return 2;
    }
    return t.failed > 0 ? 1 : 0;
}
