/* bcp build: one plan -> NAME.md, NAME.html and NAME.json in the plan's
 * language (or --lang), and NAME.pdf with --format pdf (the HTML printed by
 * headless Chromium, pdf.c).  A plan with syntax or model errors builds nothing;
 * one with lint errors builds nothing either (its findings are printed as
 * `bcp check` prints them) unless --draft asks for a marked draft.  The
 * documents are written all or none.  Several plans whose documents would
 * have the same name (a/plan.bcp and b/plan.bcp into one folder): the first
 * is built, the others are refused rather than written over it. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"
#include "pdf.h"

/* The PDF is the command's (pdf.c), after the library's three documents. */
enum { DOC_PDF = BCP_DOC_FORMAT_COUNT, DOC_COUNT };
enum { FMT_MD = 1u << BCP_DOC_MARKDOWN, FMT_HTML = 1u << BCP_DOC_HTML, FMT_JSON = 1u << BCP_DOC_JSON,
       FMT_PDF = 1u << DOC_PDF };

typedef struct build_options {
    const char *out_dir;
    const char *lang;
    const char *paper;
    unsigned formats;
    bool draft;
    bcp_common_options common;
    bcp_operands paths;
} build_options;

/* The documents this run has written: NAME (as in NAME.md) and the plan they
 * came from, so that a later plan of the same name does not replace them. */
typedef struct built_names {
    char **names;
    const char **paths;
    int count;
} built_names;

static const char *built_from(const built_names *b, const char *name)
{
    for (int i = 0; i < b->count; i++)
        if (strcmp(b->names[i], name) == 0)
            return b->paths[i];
    return NULL;
}

static bool parse_formats(const char *arg, unsigned *out)
{
    *out = 0;
    const char *start;
    size_t n;
    while (bcp_list_next(&arg, &start, &n)) {
        if (n == 2 && strncmp(start, "md", 2) == 0)
            *out |= FMT_MD;
        else if ((n == 4 && strncmp(start, "html", 4) == 0))
            *out |= FMT_HTML;
        else if (n == 4 && strncmp(start, "json", 4) == 0)
            *out |= FMT_JSON;
        else if (n == 8 && strncmp(start, "markdown", 8) == 0)
            *out |= FMT_MD;
        else if (n == 3 && strncmp(start, "pdf", 3) == 0)
            *out |= FMT_PDF;
        else
            return false;
    }
    return *out != 0;
}

static int parse_args(int argc, char **argv, build_options *o)
{
    o->out_dir = ".";
    o->formats = FMT_MD | FMT_HTML | FMT_JSON;
    bcp_operands_init(&o->paths, argc);
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (bcp_operand(&o->paths, argv[i]) ||
            bcp_common_option(argc, argv, &i, BCP_OPT_STDLIB | BCP_OPT_COLOR, &o->common))
            continue;
        if (bcp_option_value(argc, argv, &i, "--output", &v) || bcp_option_value(argc, argv, &i, "-o", &v)) {
            o->out_dir = v;
        } else if (bcp_option_value(argc, argv, &i, "--format", &v)) {
            if (!parse_formats(v, &o->formats))
                return bcp_usage_error("build", "--format takes a comma-separated list of md, html, json and pdf");
        } else if (bcp_option_value(argc, argv, &i, "--lang", &v)) {
            o->lang = v;
        } else if (bcp_option_value(argc, argv, &i, "--paper", &v)) {
            if (strcmp(v, "a4") != 0 && strcmp(v, "letter") != 0)
                return bcp_usage_error("build", "--paper takes a4 or letter");
            o->paper = v;
        } else if (strcmp(argv[i], "--draft") == 0) {
            o->draft = true;
        } else {
            return bcp_usage_error("build", "unknown option '%s'", argv[i]);
        }
    }
    if (o->paths.count == 0)
        return bcp_usage_error("build", "no plan given");
    return bcp_common_check(&o->common, "build");
}

static bool ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (S_ISDIR(st.st_mode))
            return true;
        bcp_cli_eprintf("bcp: %s is not a directory\n", dir);
        return false;
    }
    /* create missing parents one level at a time */
    char *copy = bcp_cli_strdup(dir);
    for (char *p = copy + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(copy, 0755);
        *p = '/';
    }
    bool ok = mkdir(copy, 0755) == 0 || errno == EEXIST;
    if (!ok)
        bcp_cli_eprintf("bcp: cannot create %s: %s\n", dir, strerror(errno));
    free(copy);
    return ok;
}

static const char *const extensions[DOC_COUNT] = {"md", "html", "json", "pdf"};

static char *document_path(const char *dir, const char *name, int f)
{
    size_t n = strlen(dir) + strlen(name) + strlen(extensions[f]) + 3;
    char *path = bcp_cli_alloc(n);
    snprintf(path, n, "%s/%s.%s", dir, name, extensions[f]);
    return path;
}

/* Writes the documents of `r` all or none: each goes to a temporary file
 * first; only when every one is written whole are they put in place.  A
 * failure while putting them in place (rare: a rename) names the documents
 * already replaced.  Documents are meant to be shared, hence 0644 for a new
 * file. */
static bool write_documents(const char *dir, const bcp_build_result *r, char *const documents[DOC_COUNT],
                            const size_t lengths[DOC_COUNT], unsigned formats)
{
    bcp_atomic_file files[DOC_COUNT];
    char *paths[DOC_COUNT] = {0};
    int open_count = 0, order[DOC_COUNT];
    bool ok = true;
    const char *err = NULL;
    for (int f = 0; f < DOC_COUNT && ok; f++) {
        if (!(formats & (1u << f)))
            continue;
        paths[f] = document_path(dir, r->name, f);
        if (!documents[f]) {
            ok = false;
            err = "the document was not rendered";
        } else if (!bcp_atomic_open(&files[open_count], paths[f], 0666, 0, &err)) {
            ok = false;
        } else {
            order[open_count++] = f;
            bcp_atomic_file *a = &files[open_count - 1];
            errno = 0;
            if (fwrite(documents[f], 1, lengths[f], a->out) != lengths[f] || fflush(a->out) != 0) {
                ok = false;
                err = strerror(errno ? errno : EIO);
            }
        }
        if (!ok)
            bcp_cli_eprintf("bcp: cannot write %s: %s\n", paths[f], err);
    }
    if (!ok) {
        for (int i = 0; i < open_count; i++)
            bcp_atomic_discard(&files[i]);
        bcp_cli_eprintf("bcp: nothing written for %s\n", r->name);
    } else {
        int committed = 0;
        for (int i = 0; i < open_count; i++) {
            if (ok && bcp_atomic_commit(&files[i], &err)) {
                committed++;
                continue;
            }
            if (ok) {
                bcp_cli_eprintf("bcp: cannot write %s: %s\n", paths[order[i]], err);
                ok = false;
            } else {
                bcp_atomic_discard(&files[i]);
            }
        }
        if (!ok && committed) {
            bcp_cli_eprintf("bcp: already replaced:");
            for (int i = 0; i < committed; i++)
                bcp_cli_eprintf(" %s", paths[order[i]]);
            bcp_cli_eprintf("; the other documents were left as they were\n");
        }
    }
    for (int f = 0; f < DOC_COUNT; f++)
        free(paths[f]);
    return ok;
}

/* Lint errors stop a build that is not a draft: the findings as `bcp check`
 * prints them, with its summary line. */
static void print_refusal(const char *path, const bcp_diagnostics *findings, bool color)
{
    bcp_report_options text = {BCP_REPORT_TEXT, color, true};
    size_t length;
    char *report = bcp_report_render(findings, &text, &length);
    fwrite(report, 1, length, stderr);
    bcp_free(report);
    size_t errors = bcp_diagnostics_count_at_least(findings, BCP_SEV_ERROR);
    bcp_cli_eprintf("bcp: %s: %zu lint error%s; nothing built (--draft builds a draft marked as such)\n", path,
            errors, errors == 1 ? "" : "s");
}

static int build_one(const build_options *o, const char *path, bool color, built_names *built)
{
    /* the PDF is printed from the HTML, whether or not the HTML is kept */
    unsigned library_formats = (o->formats & (FMT_MD | FMT_HTML | FMT_JSON)) | (o->formats & FMT_PDF ? FMT_HTML : 0);
    bcp_build_options bo = {.stdlib_dir = o->common.stdlib_dir, .lang = o->lang, .formats = library_formats,
                            .draft = o->draft, .paper = o->paper};
    bcp_build_result r;
    bcp_status s = bcp_build_file(path, &bo, &r);
    if (s == BCP_ERR_PLAN) {
        size_t errors = bcp_diagnostics_count_at_least(r.diagnostics, BCP_SEV_ERROR);
        int status = BCP_EXIT_ERROR;
        if (errors) {
            bcp_cli_print_problems(r.diagnostics, color);
            bcp_cli_eprintf("bcp: %s: %zu error%s; nothing built\n", path, errors, errors == 1 ? "" : "s");
        } else if (bcp_diagnostics_count_at_least(r.findings, BCP_SEV_ERROR)) {
            print_refusal(path, r.findings, color);
            status = BCP_EXIT_FINDINGS;
        } else {
            bcp_cli_eprintf("bcp: %s has no `plan` block; build a plan, not a module\n", path);
        }
        bcp_build_result_free(&r);
        return status;
    }
    const char *earlier = built_from(built, r.name);
    if (earlier) {
        bcp_cli_eprintf("bcp: %s: nothing built: its documents would be %s/%s.* and replace those just built from "
                        "%s; build it with its own --output\n", path, o->out_dir, r.name, earlier);
        bcp_build_result_free(&r);
        return BCP_EXIT_ERROR;
    }
    char *documents[DOC_COUNT] = {0};
    size_t lengths[DOC_COUNT] = {0};
    for (int f = 0; f < BCP_DOC_FORMAT_COUNT; f++)
        documents[f] = r.documents[f], lengths[f] = r.lengths[f];
    /* the PDF is made before anything is written: all or none */
    bool ok = s == BCP_OK;
    if (ok && (o->formats & FMT_PDF)) {
        ok = r.documents[BCP_DOC_HTML] && bcp_pdf_from_html(path, r.documents[BCP_DOC_HTML], r.lengths[BCP_DOC_HTML],
                                                            bcp_pdf_epoch(path, o->common.stdlib_dir),
                                                            &documents[DOC_PDF], &lengths[DOC_PDF]);
    }
    /* the folder is made only for documents that are going to be written */
    ok = ok && ensure_dir(o->out_dir) && write_documents(o->out_dir, &r, documents, lengths, o->formats);
    free(documents[DOC_PDF]);
    bcp_cli_print_problems(r.diagnostics, color);
    if (ok && o->draft) {
        size_t open = bcp_diagnostics_count(r.findings);
        bcp_cli_eprintf("built %s/%s (%s), a DRAFT with %zu open finding%s listed in its appendix\n", o->out_dir,
                r.name, r.lang, open, open == 1 ? "" : "s");
    } else if (ok) {
        bcp_cli_eprintf("built %s/%s (%s)\n", o->out_dir, r.name, r.lang);
    }
    if (ok) {
        built->names[built->count] = bcp_cli_strdup(r.name);
        built->paths[built->count++] = path;
    }
    bcp_build_result_free(&r);
    return ok ? BCP_EXIT_OK : BCP_EXIT_ERROR;
}

static int build_all(build_options *o)
{
    bool color = bcp_common_color(&o->common, stderr);
    int status = BCP_EXIT_OK;
    built_names built = {bcp_cli_alloc(sizeof *built.names * (size_t)o->paths.count),
                         bcp_cli_alloc(sizeof *built.paths * (size_t)o->paths.count), 0};
    for (int i = 0; i < o->paths.count; i++) {
        int s = build_one(o, o->paths.items[i], color, &built);
        if (s > status)   /* an error (2) outweighs a refusal (1) */
            status = s;
    }
    for (int i = 0; i < built.count; i++)
        free(built.names[i]);
    free(built.names);
    free(built.paths);
    return status;
}

int bcp_cmd_build(int argc, char **argv)
{
    build_options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status < 0)
        status = build_all(&o);
    bcp_operands_free(&o.paths);
    return status;
}
