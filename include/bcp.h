/* bcp.h: the public API of libbcp, business continuity plans as code.
 * (Skeleton; the full API is being written.) */
#ifndef BCP_H
#define BCP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BCP_VERSION "0.1.0"
#define BCP_VERSION_MAJOR 0
#define BCP_VERSION_MINOR 1
#define BCP_VERSION_PATCH 0
/* The shared library's soname is libbcp.so.BCP_ABI_VERSION. */
#define BCP_ABI_VERSION 1

/* ------------------------------------------------------------------ memory */

/* Every allocation of the library goes through one allocator.  Set it before
 * any other call; memory the API hands to the caller is freed with bcp_free. */
typedef struct bcp_mem {
    void *(*calloc)(size_t count, size_t size);
    void *(*realloc)(void *p, size_t size);
    void (*free)(void *p);
} bcp_mem;
void bcp_set_allocator(const bcp_mem *mem);   /* NULL: the C library's */
const bcp_mem *bcp_default_mem(void);
/* Called when the allocator fails; must not return (the default aborts). */
typedef void (*bcp_oom_handler)(void);
void bcp_set_oom_handler(bcp_oom_handler handler);
void *bcp_malloc(size_t size);
void bcp_free(void *p);

/* ------------------------------------------------------------- diagnostics */

typedef enum bcp_severity { BCP_SEV_INFO, BCP_SEV_WARNING, BCP_SEV_ERROR } bcp_severity;
const char *bcp_severity_name(bcp_severity severity);   /* "info", "warning", "error" */

/* What a call that can fail returns.  Problems in a plan are not failures:
 * they are diagnostics. */
typedef enum bcp_status {
    BCP_OK = 0,
    BCP_ERR_IO,            /* a file could not be read or written */
    BCP_ERR_NOT_FOUND,     /* no such document, entity, code or module */
    BCP_ERR_INVALID,       /* a bad argument (an unknown format, language, option value) */
    BCP_ERR_PLAN,          /* the plan has errors that stop the operation (see its diagnostics) */
} bcp_status;
const char *bcp_status_string(bcp_status status);

/* A range in a source file.  Lines and columns are 1-based; columns count
 * Unicode code points (as editors show them); the end column is exclusive.
 * Byte offsets are 0-based.  `path` is the file as the user named it; it is
 * owned by whatever returned the location and lives as long as it does. */
typedef struct bcp_location {
    const char *path;               /* NULL: the diagnostic has no location */
    uint32_t start_byte, end_byte;
    uint32_t line, column;
    uint32_t end_line, end_column;
} bcp_location;

/* A related location with its own message ("first defined here"). */
typedef struct bcp_note {
    bcp_location location;
    const char *message;
} bcp_note;

/* A mechanical fix: replace the text at `location` by `replacement`. */
typedef struct bcp_fixit {
    bcp_location location;
    const char *replacement;
    const char *title;              /* e.g. "write `6mo`" */
} bcp_fixit;

/* One finding: a syntax error (E0xx), a model error (E1xx), a configuration
 * error (E2xx) or a lint rule's finding.  Every string lives as long as the
 * bcp_diagnostics that holds it. */
typedef struct bcp_diagnostic {
    const char *code;               /* "E103", "D102"; NULL for none */
    const char *name;               /* "wrong-type", "backup-rpo-gap" */
    bcp_severity severity;
    const char *message;
    const char *help;               /* NULL when none */
    bcp_location location;
    const bcp_note *notes;
    size_t note_count;
    const bcp_fixit *fixits;
    size_t fixit_count;
    bool is_syntax;                 /* a syntax or I/O error: the plan was not understood */
} bcp_diagnostic;

/* A sorted, immutable set of diagnostics (by file, position, code). */
typedef struct bcp_diagnostics bcp_diagnostics;
size_t bcp_diagnostics_count(const bcp_diagnostics *set);
const bcp_diagnostic *bcp_diagnostics_get(const bcp_diagnostics *set, size_t i);
/* How many have at least this severity. */
size_t bcp_diagnostics_count_at_least(const bcp_diagnostics *set, bcp_severity severity);
bool bcp_diagnostics_has_syntax_errors(const bcp_diagnostics *set);
void bcp_diagnostics_free(bcp_diagnostics *set);


/* --------------------------------------------------------------- workspace
 * A workspace is where documents come from: the file system, or a provider
 * the caller supplies (an editor passes its unsaved buffers), plus the
 * documents opened in it.  One thread at a time uses a workspace; the plans
 * loaded from it are immutable and may be read from many threads. */

typedef struct bcp_workspace bcp_workspace;

/* read() gives the text of `path` in a buffer allocated with bcp_malloc,
 * which the library then owns; BCP_ERR_NOT_FOUND or BCP_ERR_IO otherwise. */
typedef struct bcp_file_provider {
    bcp_status (*read)(void *user, const char *path, char **text, size_t *length);
    void *user;
} bcp_file_provider;

typedef struct bcp_workspace_options {
    const char *stdlib_dir;            /* NULL: the standard library built into libbcp */
    const bcp_file_provider *files;    /* NULL: the file system */
} bcp_workspace_options;

/* NULL options: the defaults. */
bcp_workspace *bcp_workspace_new(const bcp_workspace_options *options);
void bcp_workspace_free(bcp_workspace *ws);

/* --------------------------------------------------------------------- plan
 * A loaded plan: a root file with everything it imports and the standard
 * library, as a typed model.  Immutable; safe to read from many threads. */

typedef struct bcp_plan bcp_plan;
typedef struct bcp_entity bcp_entity;

/* ---------------------------------------------------------------- catalogue
 * Every code bcp reports, syntax (E0xx), model (E1xx), configuration (E2xx)
 * and lint rules, in one table. */

typedef enum bcp_code_group {
    BCP_CODE_SYNTAX, BCP_CODE_MODEL, BCP_CODE_CONFIG, BCP_CODE_LINT
} bcp_code_group;

typedef struct bcp_code {
    const char *code;              /* "E103", "D102" */
    const char *name;              /* "wrong-type", "backup-rpo-gap" */
    bcp_code_group group;
    bcp_severity severity;         /* the default */
    const char *summary;           /* one line */
    const char *explanation;       /* Markdown paragraphs */
    const char *example;           /* a .bcp snippet that triggers it, or NULL */
    const char *fixed_example;     /* the same made right, or NULL */
    const char *source;            /* lint rules: the clause or practice it checks; else NULL */
} bcp_code;

size_t bcp_code_total(void);
const bcp_code *bcp_code_get(size_t i);                  /* in code order */
const bcp_code *bcp_code_lookup(const char *code_or_name);  /* NULL: no such code */

/* ======================================================================
 * The rest of the API is written in two parts by two engineers:
 *  - documents, edits, plan queries, derived facts (compiler/api/, "editor" part)
 *  - operations the CLI and servers run: check, build, init, fmt, diff,
 *    parse, schema, rules, reports (compiler/api/ and compiler/report/, "tools" part)
 * ====================================================================== */

/* ==== editor part ==== */

/* ==== tools part ==== */
/* The operations the `bcp` command and servers run.  None prints: each
 * returns its result in a buffer or a bcp_diagnostics set.  A `char *` an
 * operation returns belongs to the caller, who frees it with bcp_free; a set
 * is freed with bcp_diagnostics_free.  What stopped an operation (a missing
 * file, an unknown locale, a bad configuration) comes back as diagnostics too:
 * located ones (with a path) are problems in a file, the others are plain
 * messages ("no locale `fr` in the stdlib"). */

/* ------------------------------------------------------------------ reports */

typedef enum bcp_report_format {
    BCP_REPORT_TEXT,     /* for people: source line, caret, help, notes, fix-its */
    BCP_REPORT_GCC,      /* file:line:col: severity: message [CODE] */
    BCP_REPORT_JSON,     /* {"version": 1, "findings": [...]} */
    BCP_REPORT_SARIF,    /* SARIF 2.1.0: notes as relatedLocations, fix-its as fixes */
    BCP_REPORT_GITHUB,   /* GitHub Actions workflow commands */
} bcp_report_format;

/* "text", "gcc", "json", "sarif", "github"; BCP_ERR_INVALID for another name. */
bcp_status bcp_report_format_from_name(const char *name, bcp_report_format *format);

typedef struct bcp_report_options {
    bcp_report_format format;
    bool color;          /* text: ANSI colours */
    bool summary;        /* text: end with "N errors, M warnings" when there are findings */
} bcp_report_options;

/* The set, in its order, as one report.  NULL options: text, no colour, no
 * summary.  Returns a NUL-terminated string (length in *length unless NULL). */
char *bcp_report_render(const bcp_diagnostics *set, const bcp_report_options *options,
                        size_t *length);
/* The same for item `index` alone (JSON, SARIF: a document of that one). */
char *bcp_report_render_item(const bcp_diagnostics *set, size_t index,
                             const bcp_report_options *options, size_t *length);

/* -------------------------------------------------------------------- check */

typedef struct bcp_check_options {
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    /* Rule selectors (codes, names, prefixes, families, ALL); a list given
     * here replaces the configuration file's. */
    const char *const *select;
    size_t select_count;
    bool has_select;
    const char *const *ignore;
    size_t ignore_count;
    bool has_ignore;
    const char *profile;           /* NULL: the configuration's, else "default" */
    const char *today;             /* YYYY-MM-DD; NULL: SOURCE_DATE_EPOCH, else the clock */
    const char *config;            /* a bcpconfig.bcp instead of the nearest one */
    bool no_config;                /* no configuration file at all */
    bool no_lint;                  /* syntax and model errors only */
} bcp_check_options;

/* Checks files and folders like `bcp check`: folders are searched for .bcp
 * files (hidden folders skipped), files are grouped into units (a plan with
 * what it imports; a module with a plan that imports it), each unit is checked
 * with the bcpconfig.bcp that governs it and its suppression comments, and
 * every finding is reported once.  A bcpconfig.bcp among the paths is
 * validated, not checked.  "-" reads standard input.
 * *findings gets the findings in report order (NULL options: the defaults).
 * *problems gets what stopped the check.  Returns BCP_OK when every unit was
 * checked, BCP_ERR_INVALID for a bad option (*problems says which; nothing
 * checked), BCP_ERR_NOT_FOUND when a path does not exist (nothing checked),
 * BCP_ERR_PLAN when a configuration could not be used (checking stopped). */
bcp_status bcp_check_paths(const char *const *paths, size_t count, const bcp_check_options *options,
                           bcp_diagnostics **findings, bcp_diagnostics **problems);

/* The .bcp files `bcp check` and `bcp fmt` would read for these paths, sorted
 * within each folder, bcpconfig.bcp left out of folders.  *files is an array
 * of `count` strings; free it with bcp_free_strings.  BCP_ERR_NOT_FOUND when a
 * path does not exist (*missing, unless NULL, then names it: a set of
 * messages); the other paths are still listed. */
bcp_status bcp_collect_plan_files(const char *const *paths, size_t count, char ***files,
                                  size_t *file_count, bcp_diagnostics **missing);
void bcp_free_strings(char **strings, size_t count);

/* -------------------------------------------------------------------- build */

typedef enum bcp_doc_format { BCP_DOC_MARKDOWN, BCP_DOC_HTML, BCP_DOC_JSON } bcp_doc_format;
#define BCP_DOC_FORMAT_COUNT 3

typedef struct bcp_build_options {
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    const char *lang;              /* NULL: the plan's `language`, else "en" */
    unsigned formats;              /* bit (1u << bcp_doc_format) per document; 0: all three */
} bcp_build_options;

typedef struct bcp_build_result {
    char *name;                    /* what the documents are called ("huadong" for huadong/plan.bcp) */
    char *lang;                    /* the language they are in */
    char *documents[BCP_DOC_FORMAT_COUNT];   /* by bcp_doc_format; NULL when not asked for */
    size_t lengths[BCP_DOC_FORMAT_COUNT];
    bcp_diagnostics *diagnostics;  /* the plan's errors, or warnings (texts a locale lacks) */
} bcp_build_result;

/* Compiles the plan at `path` ("-": standard input) into its documents.
 * BCP_ERR_PLAN when the plan has errors (in result->diagnostics) or no `plan`
 * block (no errors then); BCP_ERR_NOT_FOUND for an unknown language (a message
 * in result->diagnostics).  Free the result with bcp_build_result_free. */
bcp_status bcp_build_file(const char *path, const bcp_build_options *options,
                          bcp_build_result *result);
void bcp_build_result_free(bcp_build_result *result);

/* --------------------------------------------------------------------- init */

typedef struct bcp_init_options {
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    const char *industry;          /* required: a stdlib `industry` */
    const char *size;              /* NULL: "small" */
    const char *sites;             /* comma-separated site names; NULL: one placeholder */
    const char *lang;              /* NULL: "en" */
    const char *path;              /* the name the plan will have, for its diagnostics; NULL "<stdout>" */
} bcp_init_options;

/* A starter plan from an industry preset, in the canonical layout, checked
 * to build.  *text gets it (length in *length unless NULL).  BCP_ERR_NOT_FOUND
 * for an unknown industry, size or language, BCP_ERR_PLAN when the preset does
 * not build (a stdlib bug) or misses texts: *problems says what. */
bcp_status bcp_init_plan(const bcp_init_options *options, char **text, size_t *length,
                         bcp_diagnostics **problems);

/* ---------------------------------------------------------------------- fmt */

/* Formats one plan text in the canonical layout (docs/fmt.md) and verifies
 * that the result means what the text means.  `path` names the text in
 * diagnostics.  BCP_ERR_PLAN when it has syntax errors (in *problems);
 * BCP_ERR_INVALID when the result would not mean the same (a formatter bug:
 * *problems says why; never write such a result).  *changed (unless NULL)
 * says whether the result differs from the text. */
bcp_status bcp_format_text(const char *path, const char *text, size_t length, char **formatted,
                           size_t *formatted_length, bool *changed, bcp_diagnostics **problems);
/* The same for a file ("-": standard input); BCP_ERR_IO when it cannot be
 * read.  *original (unless NULL) gets the text read. */
bcp_status bcp_format_file(const char *path, char **formatted, size_t *formatted_length,
                           char **original, size_t *original_length, bool *changed,
                           bcp_diagnostics **problems);

/* --------------------------------------------------------------------- diff */

typedef enum bcp_diff_style { BCP_DIFF_STYLE_TEXT, BCP_DIFF_STYLE_MARKDOWN } bcp_diff_style;

typedef struct bcp_diff_options {
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    bcp_diff_style style;
    const char *old_name;          /* how the sides are named; NULL: their paths */
    const char *new_name;
} bcp_diff_options;

/* The semantic diff of two versions of a plan (docs/diff.md); a side named
 * /dev/null is empty.  *text gets the report ("" when they mean the same in
 * text style), *differ whether they differ.  When an import of either side
 * does not load, only what the two files define themselves is compared and
 * *problems holds warnings saying so.  BCP_ERR_PLAN when a side has syntax
 * errors (in *problems). */
bcp_status bcp_diff_files(const char *old_path, const char *new_path, const bcp_diff_options *options,
                          char **text, size_t *length, bool *differ, bcp_diagnostics **problems);
/* The canonical text of what one plan means (the diff's view of it). */
bcp_status bcp_dump_file(const char *path, const char *stdlib_dir, char **text, size_t *length,
                         bcp_diagnostics **problems);

/* ---------------------------------------------------- operations on a plan
 * The same for a plan loaded with bcp_workspace_load (the editor part).
 * The plan is only read: these may run on many threads at once. */

/* Lints a loaded plan: its own diagnostics plus the lint rules, configured
 * as bcp_check_paths configures them (options->config, else the
 * bcpconfig.bcp nearest to the plan's file, unless no_config), with per-file
 * ignores and suppression comments applied; sorted.  No rules run on a plan
 * with syntax errors.  Statuses as for bcp_check_paths. */
bcp_status bcp_plan_lint(const bcp_plan *plan, const bcp_check_options *options,
                         bcp_diagnostics **findings, bcp_diagnostics **problems);
/* One document of a plan in `lang` (NULL: the plan's `language`, else "en"),
 * into *text.  The stdlib's prose comes in every locale: when the plan did
 * not load `lang`, its files are loaded again through `ws` (the workspace it
 * came from: open documents count) with the stdlib's locales.  BCP_ERR_PLAN
 * when the plan has errors or no plan block; BCP_ERR_NOT_FOUND for a language
 * the stdlib does not have; *problems holds the reasons and warnings (texts
 * the locale lacks). */
bcp_status bcp_plan_render(bcp_workspace *ws, const bcp_plan *plan, bcp_doc_format format,
                           const char *lang, char **text, size_t *length,
                           bcp_diagnostics **problems);
/* The semantic diff of two loaded plans into *text; *differ (unless NULL)
 * whether they differ.  options->stdlib_dir is not used. */
bcp_status bcp_diff_plans(const bcp_plan *old_plan, const bcp_plan *new_plan,
                         const bcp_diff_options *options, char **text, size_t *length, bool *differ);

/* ------------------------------------------------------------ parse, schema */

/* The syntax tree of a file as an S-expression with field names and
 * [row, column] positions.  BCP_ERR_IO when unreadable (*problems says why);
 * BCP_ERR_PLAN when it has syntax errors (the tree is still given). */
bcp_status bcp_parse_file(const char *path, char **sexp, size_t *length, bcp_diagnostics **problems);

/* The language reference generated from the schema (Markdown, the reference
 * part of docs/language.md). */
char *bcp_schema_reference(size_t *length);

/* ---------------------------------------------------------- catalogue pages */

typedef enum bcp_page_style { BCP_PAGE_TEXT, BCP_PAGE_MARKDOWN } bcp_page_style;

/* One code explained: summary, explanation, and for lint rules the plan that
 * triggers it next to one that does not (docs/rules/CODE.md in Markdown). */
char *bcp_code_explain(const bcp_code *code, bcp_page_style style, size_t *length);
/* Every code of the catalogue on one Markdown page (docs/diagnostics.md). */
char *bcp_code_reference(size_t *length);

#ifdef __cplusplus
}
#endif
#endif
