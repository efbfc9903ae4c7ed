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
    BCP_ERR_CANCELLED,     /* serve13b: the call was cancelled (bcp_cancel_request) before it ended */
} bcp_status;
const char *bcp_status_string(bcp_status status);

/* ------------------------------------------------------------------ limits */

/* Input limits (docs/language.md, "Limits"): how much bcp accepts before it
 * refuses an input with a located error.  Process-wide, like the allocator:
 * set them before loading.  Names: file-size, nesting, string-length,
 * line-length, imports, findings (bytes, levels, bytes, bytes, files,
 * findings per file).  A value set here wins over a bcpconfig.bcp's
 * `limits { ... }` block, which bcp_check_paths applies to the rest.
 * BCP_ERR_NOT_FOUND for an unknown name, BCP_ERR_INVALID for 0 or a value
 * above the limit's maximum. */
bcp_status bcp_limit_set(const char *name, uint64_t value);
/* The value in force (the default until set), and the largest value
 * bcp_limit_set takes; 0 for an unknown name. */
uint64_t bcp_limit_get(const char *name);
uint64_t bcp_limit_max(const char *name);
/* A limit's value as a user writes it ("1048576", "64k", "16M", "1G": binary
 * multiples), as --limit and bcpconfig.bcp's `limits { ... }` take it. */
bool bcp_limit_parse(const char *text, uint64_t *value);

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

/* A lint finding the plan knowingly accepts, by a suppression comment with
 * its terms (`# bcp: ignore[RULE] reason="..." owner=contact.ID
 * until=YYYY-MM-DD`) or by a `deviation` block.  The findings of a check
 * leave it out; its set lists it here instead.  Strings live as long as the
 * set; a term the plan does not give is NULL. */
typedef struct bcp_deviation {
    const char *code;               /* the rule's code, "B108" */
    const char *name;               /* the rule's name, "single-source-supplier" */
    const char *entity;             /* what the finding is about, "supplier.steel"; NULL */
    const char *id;                 /* the `deviation` block's id; NULL for a comment */
    bcp_location location;          /* the comment's rule selector, or the block's id */
    bcp_location finding_location;  /* where the finding was reported */
    const char *message;            /* the finding's message */
    const char *reason;
    const char *owner;              /* as written: "contact.cfo" */
    const char *until;              /* YYYY-MM-DD: the last day it holds */
    const char *approved;           /* YYYY-MM-DD */
} bcp_deviation;
/* The accepted deviations of a check's or a lint's findings, sorted by the
 * finding's file and position (0 / NULL for other sets). */
size_t bcp_diagnostics_deviation_count(const bcp_diagnostics *set);
/* The `docs_url` of the bcpconfig.bcp a check ran with (bcp_check_paths:
 * the configuration of the first file), for bcp_report_options.docs_url
 * when the caller has none of its own; NULL when it sets none. */
const char *bcp_diagnostics_docs_url(const bcp_diagnostics *set);
const bcp_deviation *bcp_diagnostics_deviation(const bcp_diagnostics *set, size_t i);


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
    const char *config_root;           /* serve13b: bcpconfig.bcp is looked for no higher than this folder
                                          (as bcp_check_options.config_root); NULL: up to / */
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

/* ------------------------------------------------------- documents
 * Documents opened in a workspace are read before the file provider and the
 * disk: an editor opens its buffers here and edits them as the user types.
 * A document keeps its syntax tree; an edit re-parses incrementally.
 * Paths name files as the caller does; two names of one file (relative and
 * absolute, through a symlink) are the same document. */

/* Opens (or replaces) the document `path` with a copy of `text`. */
bcp_status bcp_document_open(bcp_workspace *ws, const char *path, const char *text, size_t length);
/* BCP_ERR_NOT_FOUND when it is not open. */
bcp_status bcp_document_close(bcp_workspace *ws, const char *path);
bool bcp_document_is_open(const bcp_workspace *ws, const char *path);
/* The document's current text, NUL-terminated, owned by the workspace: valid
 * until the next open, edit or close of that document.  NULL when not open. */
const char *bcp_document_text(const bcp_workspace *ws, const char *path, size_t *length);

/* Replace bytes [start_byte, end_byte) of the text by `text` (`length` bytes). */
typedef struct bcp_text_edit {
    uint32_t start_byte, end_byte;
    const char *text;
    size_t length;
} bcp_text_edit;

/* Applies `count` edits in order (each on the text the previous one left)
 * and re-parses the document incrementally, reusing its syntax tree.
 * BCP_ERR_INVALID when an edit's range is out of bounds (then nothing
 * changes).  When `plan` is not NULL it receives the re-checked plan the
 * document belongs to, as bcp_workspace_load gives it. */
bcp_status bcp_document_edit(bcp_workspace *ws, const char *path, const bcp_text_edit *edits,
                             size_t count, bcp_plan **plan);

/* How a column counts: bytes, UTF-16 code units (the Language Server
 * Protocol's default) or Unicode code points (bcp_location's columns). */
typedef enum bcp_column_unit {
    BCP_COLUMN_BYTES, BCP_COLUMN_UTF16, BCP_COLUMN_CODE_POINTS
} bcp_column_unit;

/* The byte offset of 1-based `line` and `column` in `text`.  A column past
 * the end of its line gives the end of the line; a line past the end of the
 * text gives BCP_ERR_INVALID. */
bcp_status bcp_text_offset(const char *text, size_t length, uint32_t line, uint32_t column,
                           bcp_column_unit unit, uint32_t *offset);
/* The 1-based line and column of byte `offset` (clamped to the text). */
void bcp_text_position(const char *text, size_t length, uint32_t offset, bcp_column_unit unit,
                       uint32_t *line, uint32_t *column);

/* ----------------------------------------------------------- loading */

/* Loads the plan `path` belongs to: a file declaring a `plan` with
 * everything it imports; a module with the first plan of its project (the
 * nearest folder up holding .git or bcpconfig.bcp) that imports it, else on
 * its own.  Text comes from open documents, then the provider, then the disk.
 * A plan with errors is still a plan (see bcp_plan_diagnostics); only an
 * unreadable `path` fails (BCP_ERR_IO / BCP_ERR_NOT_FOUND, *plan = NULL).
 * Free the plan with bcp_plan_free; it does not depend on the workspace. */
bcp_status bcp_workspace_load(bcp_workspace *ws, const char *path, bcp_plan **plan);
void bcp_plan_free(bcp_plan *plan);

/* The files of the plan in load order (the root first; not the standard
 * library), as diagnostics name them.  Strings live as long as the plan. */
size_t bcp_plan_file_count(const bcp_plan *plan);
const char *bcp_plan_file(const bcp_plan *plan, size_t i);
/* The text the plan was loaded from (NUL-terminated), for file i. */
const char *bcp_plan_file_text(const bcp_plan *plan, size_t i, size_t *length);

/* Syntax and model diagnostics (not lint: see the tools part), sorted.
 * When a module was loaded with its plan, only the module's own.  A new set
 * the caller frees with bcp_diagnostics_free. */
bcp_diagnostics *bcp_plan_diagnostics(const bcp_plan *plan);

/* ------------------------------------------------------------ queries
 * Every pointer and string below lives as long as the plan and is never
 * modified: a plan may be queried from many threads at once. */

/* The entity kinds of the language ("plan", "risk", "function", ...). */
size_t bcp_kind_total(void);
const char *bcp_kind_at(size_t i);            /* NULL past the end */

/* The plan block (NULL when the files hold only modules). */
const bcp_entity *bcp_plan_root(const bcp_plan *plan);
/* An entity by kind name and id; NULL when there is none. */
const bcp_entity *bcp_plan_find(const bcp_plan *plan, const char *kind, const char *id);
/* The entities of a kind (nested ones included), in source order with the
 * standard library's defaults first; 0 / NULL for an unknown kind. */
size_t bcp_plan_entity_count(const bcp_plan *plan, const char *kind);
const bcp_entity *bcp_plan_entity(const bcp_plan *plan, const char *kind, size_t i);

const char *bcp_entity_kind_name(const bcp_entity *e);
const char *bcp_entity_id(const bcp_entity *e);        /* NULL for anonymous nested blocks */
/* The title attribute, else the name, else the id. */
const char *bcp_entity_title(const bcp_entity *e);
bcp_location bcp_entity_location(const bcp_entity *e);     /* the whole block */
bcp_location bcp_entity_id_location(const bcp_entity *e);  /* its id, or its kind word */
bool bcp_entity_is_default(const bcp_entity *e);  /* declared by the standard library */
const bcp_entity *bcp_entity_parent(const bcp_entity *e);  /* NULL for top-level blocks */
size_t bcp_entity_child_count(const bcp_entity *e);
const bcp_entity *bcp_entity_child(const bcp_entity *e, size_t i);

/* Attributes, in source order. */
typedef struct bcp_attr bcp_attribute;
typedef struct bcp_value bcp_value;
size_t bcp_entity_attribute_count(const bcp_entity *e);
const bcp_attribute *bcp_entity_attribute_at(const bcp_entity *e, size_t i);
const bcp_attribute *bcp_entity_attribute(const bcp_entity *e, const char *name);  /* NULL: absent */
const char *bcp_attribute_name(const bcp_attribute *a);
bcp_location bcp_attribute_name_location(const bcp_attribute *a);
const bcp_value *bcp_attribute_value(const bcp_attribute *a);

typedef enum bcp_value_type {
    BCP_VALUE_STRING, BCP_VALUE_INTEGER, BCP_VALUE_DURATION, BCP_VALUE_DATE,
    BCP_VALUE_BOOL,
    BCP_VALUE_NAME,        /* a bare identifier, e.g. a catalogue entry or an enum word */
    BCP_VALUE_REFERENCE,   /* kind.id */
    BCP_VALUE_LIST,
} bcp_value_type;
bcp_value_type bcp_value_get_type(const bcp_value *v);
bcp_location bcp_value_location(const bcp_value *v);
/* Each getter returns false when the value is of another type. */
bool bcp_value_text(const bcp_value *v, const char **text, size_t *length);  /* decoded */
bool bcp_value_integer(const bcp_value *v, int64_t *out);
/* Seconds (1mo = 30d, 1y = 365d, for comparing durations) and the calendar
 * months of a duration written in mo or y (0 otherwise; on a date those
 * advance the calendar). */
bool bcp_value_duration(const bcp_value *v, int64_t *seconds, int32_t *months);
/* Days since 1970-01-01, and the date as "YYYY-MM-DD" (11 bytes with the NUL). */
bool bcp_value_date(const bcp_value *v, int32_t *days, char iso[11]);
bool bcp_value_bool(const bcp_value *v, bool *out);
/* A name's identifier, or a reference's "kind.id" parts (`kind` may be NULL). */
bool bcp_value_name(const bcp_value *v, const char **name);
bool bcp_value_reference(const bcp_value *v, const char **kind, const char **id);
/* The entity a name or reference resolves to; NULL when it does not. */
const bcp_entity *bcp_value_target(const bcp_value *v);
size_t bcp_value_item_count(const bcp_value *v);   /* 0 for a non-list */
const bcp_value *bcp_value_item(const bcp_value *v, size_t i);

/* References from an entity (its attributes and nested blocks, list items
 * included) that resolve, in source order. */
typedef struct bcp_reference {
    const bcp_entity *from;          /* the entity or nested block holding it */
    const bcp_attribute *attribute;
    const bcp_value *value;
    const bcp_entity *target;
} bcp_reference;
size_t bcp_entity_reference_count(const bcp_entity *e);
bool bcp_entity_reference(const bcp_entity *e, size_t i, bcp_reference *out);
/* The top-level entities that refer to `target` (each once), in model order. */
size_t bcp_plan_referrer_count(const bcp_plan *plan, const bcp_entity *target);
const bcp_entity *bcp_plan_referrer(const bcp_plan *plan, const bcp_entity *target, size_t i);

/* The innermost entity whose block contains byte `offset` of file `path`
 * (named as in bcp_plan_file or any other name of that file), and in
 * `attribute` (may be NULL) the attribute of that entity whose text contains
 * it, or NULL.  NULL when no entity is there. */
const bcp_entity *bcp_plan_entity_at(const bcp_plan *plan, const char *path, uint32_t offset,
                                     const bcp_attribute **attribute);

/* ------------------------------------------------------- schema docs */

typedef struct bcp_kind_doc {
    const char *name;
    const char *doc;
    bool needs_id, nested_only, catalogue, singleton;
    const char *children;          /* nested kinds, "|"-separated, or NULL */
    size_t attribute_count;
    const char *example;
} bcp_kind_doc;

typedef struct bcp_attribute_doc {
    const char *name;
    const char *type;              /* "duration", "list of reference to function|system", ... */
    bool list, required, localized;
    const char *default_text;      /* NULL: no default */
    const char *allowed;           /* enum values or target kinds, "|"-separated; NULL */
    long min, max;                 /* integers */
    const char *doc;
    const char *example;
} bcp_attribute_doc;

/* Static documentation; strings live for the life of the program, except
 * `type`, which lives until the next call from the same thread. */
bcp_status bcp_kind_doc_get(const char *kind, bcp_kind_doc *out);
bcp_status bcp_attribute_doc_get(const char *kind, const char *attribute, bcp_attribute_doc *out);
bcp_status bcp_attribute_doc_at(const char *kind, size_t i, bcp_attribute_doc *out);

/* The text of a file of the standard library built into libbcp, by the
 * path a location names it with ("<stdlib>/core/comms.bcp") or its path
 * under the stdlib root ("core/comms.bcp"): for an editor that shows where
 * a default entry is declared.  Static (lives for the life of the program);
 * NULL when there is no such file. */
const char *bcp_stdlib_text(const char *path, size_t *length);

/* ------------------------------------------------------- derived facts
 * What the document, the JSON and the linter state about a plan, computed
 * by the one home of these facts in the library, so that a program reading
 * them through this API never disagrees with the document.  Dates are days
 * since 1970-01-01, with the date as "YYYY-MM-DD" (11 bytes with the NUL)
 * in `iso` when it is not NULL, as bcp_value_date gives them.  Like the
 * queries, these only read the plan: call them from many threads at once. */

/* `days` plus a duration as bcp_value_duration gives it: `months` > 0
 * advances calendar months, clamping to the end of a shorter month
 * (2026-08-31 + 6mo = 2027-02-28); otherwise `seconds` adds whole days,
 * rounded up.  Returns the new day. */
int32_t bcp_calendar_add(int32_t days, int64_t seconds, int32_t months, char iso[11]);

/* A risk's score, likelihood x impact (1..25); 0 when either is unknown or
 * `risk` is not a risk. */
int bcp_plan_risk_score(const bcp_plan *plan, const bcp_entity *risk);
/* The risk_level its score falls in (its id and title through
 * bcp_entity_id / bcp_entity_title); NULL when the score is unknown or below
 * every band. */
const bcp_entity *bcp_plan_risk_level(const bcp_plan *plan, const bcp_entity *risk);
/* The scores a risk_level covers: its min_score up to the next band's minus
 * one (25 for the top band).  False when `level` is not a risk_level. */
bool bcp_plan_risk_level_range(const bcp_plan *plan, const bcp_entity *level, int64_t *low,
                               int64_t *high);
/* A function, supplier or the like is critical unless it says `critical = false`. */
bool bcp_plan_is_critical(const bcp_plan *plan, const bcp_entity *e);

/* When `e` is next due: the plan block's next review (reviewed + its
 * review_every, 1y by default) or an exercise's next run (its `next`, else
 * last + every).  False when nothing is due (other kinds, or the dates are
 * not written); then *days and iso are left alone. */
bool bcp_plan_next_due(const bcp_plan *plan, const bcp_entity *e, int32_t *days, char iso[11]);
/* Days `e` is overdue on `today`: something due on day D is overdue from
 * D + 1.  0 when it is not overdue or nothing is due. */
int32_t bcp_plan_days_overdue(const bcp_plan *plan, const bcp_entity *e, int32_t today);

/* Whether a system's backups meet its recovery point objective: the
 * tightest RPO of the system and of the functions that need it, against its
 * most frequent backup; no backup at all does not meet it. */
typedef enum bcp_backup_verdict {
    BCP_BACKUP_UNKNOWN,      /* no RPO applies (or `system` is not a system) */
    BCP_BACKUP_MEETS_RPO,
    BCP_BACKUP_MISSES_RPO,
} bcp_backup_verdict;
typedef struct bcp_rpo_status {
    bcp_backup_verdict verdict;
    int64_t rpo_seconds;             /* the effective RPO; 0 when none applies */
    const bcp_entity *rpo_owner;     /* the system or function that sets it, or NULL */
    const bcp_entity *backup;        /* the most frequent backup, or NULL */
    int64_t backup_every_seconds;    /* its interval; 0 without a backup */
} bcp_rpo_status;
/* Fills *out (unless NULL) and returns its verdict. */
bcp_backup_verdict bcp_plan_rpo_status(const bcp_plan *plan, const bcp_entity *system,
                                       bcp_rpo_status *out);

/* Entities in the order the document lists them: "risk" by score (highest
 * first), "function" by priority, "phase" by order, then start; source
 * order breaks ties.  Any other kind keeps source order (as
 * bcp_plan_entity).  The orders are built when the plan is loaded. */
size_t bcp_plan_sorted_count(const bcp_plan *plan, const char *kind);
const bcp_entity *bcp_plan_sorted(const bcp_plan *plan, const char *kind, size_t i);

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
    BCP_REPORT_GCC,      /* file:line:col: severity: message [CODE name] */
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
    /* SARIF: where the rule pages are (docs/rules/CODE.md of the docs).  Each
     * rule's helpUri is this with "{code}" replaced by the rule's code, or,
     * without "{code}", this + "CODE.md" ('/' added when missing).  NULL: no
     * helpUri and no informationUri. */
    const char *docs_url;
} bcp_report_options;

/* The set, in its order, as one report.  NULL options: text, no colour, no
 * summary.  Returns a NUL-terminated string (length in *length unless NULL). */
char *bcp_report_render(const bcp_diagnostics *set, const bcp_report_options *options,
                        size_t *length);
/* The same for item `index` alone (JSON, SARIF: a document of that one). */
char *bcp_report_render_item(const bcp_diagnostics *set, size_t index,
                             const bcp_report_options *options, size_t *length);
/* `s` as the text reports echo a value: controls (newlines included), ESC
 * sequences, bidi and zero-width characters written as \u{1b}, a byte that
 * is not UTF-8 as \x{ff}, the rest as it is.  For a message that quotes a
 * path or an argument outside a report.  Free with bcp_free. */
char *bcp_escape_text(const char *s, size_t length);

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
    /* Regimes (stdlib/regimes/ ids) checked besides those the plan lists in
     * `regimes` (`bcp check --regime`); one the model lacks stops the check. */
    const char *const *regimes;
    size_t regime_count;
    /* mcp13: the nearest bcpconfig.bcp is looked for no higher than this
     * folder (a file outside it has none); NULL: up to /. */
    const char *config_root;
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
    bool draft;                    /* build even with lint errors, as a marked draft */
    /* The page size the HTML prints on (CSS @page): "a4" (NULL) or "letter";
     * another name is BCP_ERR_INVALID.  The documents state open and overdue
     * items as of "today": SOURCE_DATE_EPOCH when set, else the clock. */
    const char *paper;
    const char *config_root;       /* mcp13: as bcp_check_options.config_root */
    /* ==== serve13c part (issue 13): a build that can be stopped ====
     * Tripped (bcp_cancel_request, from any thread), the build stops soon
     * after: no further parse, rule or document step starts, and it returns
     * BCP_ERR_CANCELLED with no documents.  NULL: it runs to the end.  The
     * token must outlive the call.  Inside bcp_service_call_cancellable the
     * call's own token holds.  bcp_cancel is declared with "cancelling a
     * call" below. */
    const struct bcp_cancel *cancel;
    /* ==== end of serve13c part ==== */
} bcp_build_options;

typedef struct bcp_build_result {
    char *name;                    /* what the documents are called ("huadong" for huadong/plan.bcp) */
    char *lang;                    /* the language they are in */
    char *documents[BCP_DOC_FORMAT_COUNT];   /* by bcp_doc_format; NULL when not asked for */
    size_t lengths[BCP_DOC_FORMAT_COUNT];
    bcp_diagnostics *diagnostics;  /* the plan's syntax/model errors, a configuration's, or warnings
                                      (texts a locale lacks, values redacted) */
    bcp_diagnostics *findings;     /* what `bcp check` reports for the plan (lint included), sorted;
                                      empty when the plan has syntax or model errors */
    size_t redacted;               /* values replaced by the redaction mark in the documents */
} bcp_build_result;

/* Compiles the plan at `path` ("-": standard input) into its documents.
 * The plan is linted as `bcp check` lints it (the nearest bcpconfig.bcp,
 * suppression comments): with lint errors it builds only when options->draft
 * is set, and a draft carries a DRAFT mark and an appendix of the findings.
 * Whatever is built, every value secret-in-plan flags (suppressed or not)
 * is replaced by a localised "[redacted]" mark, and a warning in
 * result->diagnostics says where.  BCP_ERR_PLAN when the plan has syntax or
 * model errors (in result->diagnostics), has lint errors and is not a draft
 * (in result->findings; no documents), its configuration cannot be used, or
 * it has no `plan` block (no errors then); BCP_ERR_NOT_FOUND for an unknown
 * language (a message in result->diagnostics).  Free the result with
 * bcp_build_result_free. */
bcp_status bcp_build_file(const char *path, const bcp_build_options *options,
                          bcp_build_result *result);
void bcp_build_result_free(bcp_build_result *result);

/* ---------------------------------------------------------------------- pdf
 * The library renders HTML and never starts a program; a caller that prints
 * the HTML to PDF (as `bcp build --format pdf` does with headless Chromium,
 * docs/pdf.md) reports its failures with these codes: E160 when no renderer
 * is installed, E161 when the renderer failed.  A set holding that one error
 * with `message`; free it with bcp_diagnostics_free. */
typedef enum bcp_pdf_problem { BCP_PDF_NO_RENDERER, BCP_PDF_RENDER_FAILED } bcp_pdf_problem;
bcp_diagnostics *bcp_pdf_problem_report(bcp_pdf_problem problem, const char *message);

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

/* JSON (mcp13): one object, docs/diff.md "JSON"; written also when the plans do not differ. */
typedef enum bcp_diff_style { BCP_DIFF_STYLE_TEXT, BCP_DIFF_STYLE_MARKDOWN, BCP_DIFF_STYLE_JSON } bcp_diff_style;

typedef struct bcp_diff_options {
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    bcp_diff_style style;
    const char *old_name;          /* how the sides are named; NULL: their paths */
    const char *new_name;
    const char *config_root;       /* mcp13: as bcp_check_options.config_root (the readiness lines) */
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
/* bcp_plan_lint for an editor: the configuration file is read through `ws`,
 * so that a bcpconfig.bcp open with unsaved changes configures the checks
 * with its buffer's text, not the disk's. */
bcp_status bcp_workspace_lint(bcp_workspace *ws, const bcp_plan *plan, const bcp_check_options *options,
                              bcp_diagnostics **findings, bcp_diagnostics **problems);
/* One document of a plan in `lang` (NULL: the plan's `language`, else "en"),
 * into *text.  The stdlib's prose comes in every locale: the plan's files
 * are loaded again through `ws` (the workspace it came from: open documents
 * count) with the stdlib's locales; with no `ws` or a plan loaded from text
 * with no path, the plan's root text is loaded again as it is.  Every value
 * secret-in-plan flags is redacted (a warning in *problems says where).
 * BCP_ERR_PLAN when the plan has errors or no plan block; BCP_ERR_NOT_FOUND
 * for a language the stdlib does not have; *problems holds the reasons and
 * warnings (texts the locale lacks).  Lint errors do not stop it: the caller
 * decides (see bcp_plan_lint and bcp_plan_render_with). */
bcp_status bcp_plan_render(bcp_workspace *ws, const bcp_plan *plan, bcp_doc_format format,
                           const char *lang, char **text, size_t *length,
                           bcp_diagnostics **problems);

typedef struct bcp_render_options {
    const char *lang;                  /* NULL: the plan's `language`, else "en" */
    bool draft;                        /* a DRAFT mark on every page and an appendix of `findings` */
    const bcp_diagnostics *findings;   /* the open findings a draft lists (e.g. from bcp_plan_lint); NULL: none */
    const char *paper;                 /* as bcp_build_options.paper */
    const char *config_root;           /* mcp13: as bcp_check_options.config_root (accepted deviations) */
} bcp_render_options;

/* bcp_plan_render with options (NULL: as bcp_plan_render with lang NULL). */
bcp_status bcp_plan_render_with(bcp_workspace *ws, const bcp_plan *plan, bcp_doc_format format,
                                const bcp_render_options *options, char **text, size_t *length,
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
/* The element tables of the stdlib's regulatory regimes (Markdown, the
 * generated part of docs/regimes.md): per regime its sources and, per
 * element, the clause, the title in English and Chinese and the queries that
 * meet it.  NULL when the stdlib cannot be loaded. */
char *bcp_regimes_reference(const char *stdlib_dir, size_t *length);
/* The places of the stdlib's region catalogue with their facts and sources
 * (Markdown, the generated part of docs/regions.md). */
char *bcp_regions_reference(size_t *length);

/* ---------------------------------------------------------- catalogue pages */

typedef enum bcp_page_style { BCP_PAGE_TEXT, BCP_PAGE_MARKDOWN } bcp_page_style;

/* One code explained: summary, explanation, and for lint rules the plan that
 * triggers it next to one that does not (docs/rules/CODE.md in Markdown). */
char *bcp_code_explain(const bcp_code *code, bcp_page_style style, size_t *length);
/* Every code of the catalogue on one Markdown page (docs/diagnostics.md). */
char *bcp_code_reference(size_t *length);

/* ==== simulate (issue 14): what the plan says happens when something is lost ====
 * docs/simulate.md.  One engine (compiler/model/simulate.c) serves `bcp
 * simulate`, the servers, the document's scenario impact section and rule
 * B111 (loss-breaches-mtpd). */

typedef struct bcp_simulation bcp_simulation;

typedef struct bcp_simulation_options {
    const char *const *lose;      /* "KIND.ID" of each entity lost */
    size_t lose_count;
    const char *scenario;         /* a scenario id: its `loses` are lost too (NULL: none) */
    int64_t duration;             /* seconds the loss lasts; 0: until the plan recovers */
    bool has_start;
    int64_t start;                /* when the loss begins, seconds since 1970-01-01 UTC */
} bcp_simulation_options;

/* Runs one simulation.  An unknown KIND.ID or scenario is BCP_ERR_NOT_FOUND,
 * a kind that cannot be lost or nothing to lose BCP_ERR_INVALID, with an
 * error E210..E212 (and a did-you-mean) in *problems; BCP_ERR_PLAN for a
 * plan with errors.  *sim is freed with bcp_simulation_free. */
bcp_status bcp_simulate(const bcp_plan *plan, const bcp_simulation_options *options, bcp_simulation **sim,
                        bcp_diagnostics **problems);
void bcp_simulation_free(bcp_simulation *sim);

/* What was lost, and the scenario (or NULL). */
size_t bcp_simulation_lost_count(const bcp_simulation *sim);
const bcp_entity *bcp_simulation_lost(const bcp_simulation *sim, size_t i);
const bcp_entity *bcp_simulation_scenario(const bcp_simulation *sim);
/* Does some function come back only after its MTPD (or never, with an MTPD set)? */
bool bcp_simulation_breaches_mtpd(const bcp_simulation *sim);

/* One affected function, by priority then source order. */
typedef struct bcp_simulation_function {
    const bcp_entity *function;
    const char *verdict;          /* "within-rto", "rto-missed", "time-unknown", "mtpd-breached", "no-recovery-path" */
    const char *path;             /* how it comes back: "alternate-site", "deputy", "backup-restore", ... */
    const bcp_entity *via;        /* the alternate, deputy, backup, DR site... (or NULL) */
    const bcp_entity *dependency; /* its dependency that sets the time (NULL when lost itself) */
    const bcp_entity *const *chain;   /* why: the function, ..., the lost entity or the next affected function */
    size_t chain_length;
    bool timed;                   /* recovery is known */
    int64_t recovery;             /* seconds after the start of the loss */
    bool loss_ends;               /* back because the loss ends first */
    bool has_rto, has_mtpd;
    int64_t rto, mtpd;
} bcp_simulation_function;
size_t bcp_simulation_count(const bcp_simulation *sim);
bool bcp_simulation_get(const bcp_simulation *sim, size_t i, bcp_simulation_function *out);

/* Every scenario of the plan that `loses` something, simulated, in source
 * order (a new array of count simulations: free each, then the array with
 * bcp_free). */
bcp_status bcp_simulate_scenarios(const bcp_plan *plan, int64_t duration, bcp_simulation ***sims, size_t *count);
/* Each single site, system, supplier and key person lost in turn (the
 * candidates of rule B111); only those whose loss breaches an MTPD are
 * returned when breaches_only. */
bcp_status bcp_simulate_each(const bcp_plan *plan, int64_t duration, bool breaches_only, bcp_simulation ***sims,
                             size_t *count);

typedef enum bcp_simulation_format {
    BCP_SIMULATION_TEXT, BCP_SIMULATION_JSON, BCP_SIMULATION_MARKDOWN, BCP_SIMULATION_HTML
} bcp_simulation_format;
/* Several simulations as one report (a new string, bcp_free): text, JSON,
 * Markdown tables, or an HTML page whose every simulation has a timeline
 * figure (SVG: recovery bars against RTO and MTPD marks).  English. */
char *bcp_simulation_render(const bcp_simulation *const *sims, size_t count, bcp_simulation_format format,
                            size_t *length);
/* "2026-12-04", "2026-12-04T08:30" or "2026-12-04 08:30" (UTC) as seconds since the epoch. */
bool bcp_datetime_parse(const char *text, int64_t *seconds);
/* "12h", "2d", "1h30m" as seconds (the language's durations). */
bool bcp_duration_parse(const char *text, int64_t *seconds);
/* ==== end simulate ==== */
/* ==== simulate from a file, in a language (sim14) ====
 * What `bcp simulate` runs: the plan at `path` loaded as the build loads it
 * (the limits of its bcpconfig.bcp, every stdlib locale), simulated in one
 * of three modes, and the report rendered in `lang` (NULL: the plan's
 * `language`, else English).  --each's report starts with what it tried
 * ("47 single losses simulated (...): none breaches an MTPD"; JSON: "each").
 * *text (bcp_free) is set when BCP_OK; *breaches: some simulation breaches
 * an MTPD.  Statuses as bcp_simulate's, BCP_ERR_NOT_FOUND also for a
 * language no locale has; a warning in *problems when --all-scenarios finds
 * no scenario that loses something. */
typedef enum bcp_simulate_mode {
    BCP_SIMULATE_LOSE,        /* options.loss.lose and/or .scenario */
    BCP_SIMULATE_SCENARIOS,   /* every scenario that `loses` something */
    BCP_SIMULATE_EACH         /* every single loss; those breaching an MTPD reported */
} bcp_simulate_mode;
typedef struct bcp_simulate_file_options {
    const char *stdlib_dir;        /* NULL: the embedded stdlib */
    const char *lang;              /* NULL: the plan's language */
    bcp_simulate_mode mode;
    bcp_simulation_options loss;   /* what is lost (LOSE); the duration and start (all modes) */
    bcp_simulation_format format;
} bcp_simulate_file_options;
bcp_status bcp_simulate_file(const char *path, const bcp_simulate_file_options *options, char **text, size_t *length,
                             bool *breaches, bcp_diagnostics **problems);
/* The same for a plan from bcp_workspace_load (options->stdlib_dir unused):
 * the servers' simulate, so its report is the command's. */
bcp_status bcp_plan_simulate(bcp_workspace *ws, const bcp_plan *plan, const bcp_simulate_file_options *options,
                             char **text, size_t *length, bool *breaches, bcp_diagnostics **problems);
/* ==== end simulate from a file (sim14) ==== */
/* ---------------------------------------------------------------- readiness
 * The readiness score (docs/readiness.md): 0-100, the weighted mean of six
 * areas, each scored 0-100 from the plan's own facts on `today`; an area with
 * nothing to judge (no critical function, no severe risk...) is left out and
 * the weights of the others carry the score. */

typedef enum bcp_readiness_area {
    BCP_READY_RECOVERY,    /* critical functions exercised within 12 months */
    BCP_READY_BACKUPS,     /* systems with data: RPO met, restore tested within 12 months */
    BCP_READY_CONTACTS,    /* contacts reachable, and by a second channel */
    BCP_READY_CADENCE,     /* plan review and exercises on time */
    BCP_READY_RISKS,       /* severe risks treated */
    BCP_READY_FINDINGS,    /* open improvement findings and accepted deviations */
    BCP_READY_AREA_COUNT
} bcp_readiness_area;

typedef struct bcp_readiness_area_score {
    bool applies;          /* false: nothing to judge; not in the total */
    int score;             /* 0-100 (100 when it does not apply) */
    int weight;            /* its weight in the total */
    size_t met, total;     /* checks passed of checks made (findings: items open) */
} bcp_readiness_area_score;

/* What lowers an area: one check an entity failed. */
typedef struct bcp_readiness_reason {
    bcp_readiness_area area;
    char *entity;          /* "function.payroll", "plan.acme" (owned) */
    const char *why;       /* static: "not-exercised", "rpo-not-met", ... (docs/readiness.md) */
} bcp_readiness_reason;

typedef struct bcp_readiness {
    int score;                                       /* 0-100 */
    bcp_readiness_area_score areas[BCP_READY_AREA_COUNT];
    bcp_readiness_reason *reasons;                   /* by area, then plan order */
    size_t reason_count;
    size_t deviations;                               /* accepted deviations counted */
} bcp_readiness;

/* "recovery", "backups", "contacts", "cadence", "risks", "findings". */
const char *bcp_readiness_area_name(bcp_readiness_area area);
/* The readiness of the plan in `path` (of the options, stdlib_dir and
 * today are used; the accepted deviations come from the nearest
 * bcpconfig.bcp, as the document finds them).
 * BCP_ERR_PLAN when the plan has errors, BCP_ERR_NOT_FOUND when the file
 * has no plan block (a module), *problems saying why; BCP_ERR_INVALID for a
 * bad `today`. */
bcp_status bcp_readiness_file(const char *path, const bcp_check_options *options, bcp_readiness *out,
                              bcp_diagnostics **problems);
void bcp_readiness_free(bcp_readiness *readiness);
/* ==== mcp13: readiness and graph of a loaded plan (the service's inline texts) ==== */
/* bcp_readiness_file for a plan from bcp_workspace_load (read only). */
bcp_status bcp_plan_readiness(const bcp_plan *plan, const bcp_check_options *options, bcp_readiness *out,
                              bcp_diagnostics **problems);
/* ==== end mcp13 ==== */

typedef enum bcp_summary_format { BCP_SUMMARY_TEXT, BCP_SUMMARY_JSON } bcp_summary_format;
/* `bcp check --summary`: the readiness of every plan among `paths` (the
 * files bcp_collect_plan_files lists; modules without a plan block and "-"
 * are left out; a plan with errors is listed as not scored) and `findings`
 * counted by severity: a short table per plan in text, or one JSON object
 * {"format": "bcp-check-summary", "version": 1, "findings": {...}, "plans":
 * [{"file", "scored", "readiness"}]} (docs/readiness.md).  Caller frees. */
char *bcp_check_summary(const char *const *paths, size_t count, const bcp_check_options *options,
                        const bcp_diagnostics *findings, bcp_summary_format format, size_t *length);
/* ==== check --summary in one run (sim14) ====
 * bcp_check_paths and the summary together: each plan is loaded once, and
 * its readiness scored from the model the check linted, by the profile it
 * linted with (--profile, else that of its bcpconfig.bcp: --config or the
 * one found beside it) and the deviations the lint accepted.  *summary (a
 * new string, as bcp_check_summary renders it) is set whatever the status. */
bcp_status bcp_check_paths_summary(const char *const *paths, size_t count, const bcp_check_options *options,
                                   bcp_summary_format format, char **summary, size_t *length,
                                   bcp_diagnostics **findings, bcp_diagnostics **problems);
/* ==== end check --summary in one run (sim14) ==== */
/* ------------------------------------------------------- dependency graph
 * `bcp graph` (docs/graph.md): what depends on what in a plan (functions ->
 * systems, assets, suppliers, sites, people, other functions; systems ->
 * vendors, sites, backup holders; stand-ins dashed), single points of
 * failure and the critical path marked. */
typedef enum bcp_graph_format { BCP_GRAPH_DOT, BCP_GRAPH_SVG, BCP_GRAPH_MERMAID } bcp_graph_format;
/* "dot", "svg", "mermaid"; BCP_ERR_INVALID otherwise. */
bcp_status bcp_graph_format_from_name(const char *name, bcp_graph_format *format);

typedef struct bcp_graph_options {
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    const char *lang;              /* labels' language; NULL: the plan's `language`, else "en" */
    bcp_graph_format format;
    /* "KIND.ID": keep that entity, what it depends on and what depends on
     * it (transitively), and their stand-ins; NULL: the whole graph. */
    const char *focus;
} bcp_graph_options;

/* The dependency graph of the plan at `path` ("-": standard input) into
 * *text (free with bcp_free).  Deterministic: sorted by kind and id.  Values
 * secret-in-plan flags are redacted.  BCP_ERR_PLAN when the plan has syntax
 * or model errors or no plan block (*problems says which); BCP_ERR_NOT_FOUND
 * for an unknown focus (E230, with the closest id) or language; BCP_ERR_INVALID
 * for a focus that is not KIND.ID of a graph kind (E231); BCP_ERR_IO when
 * Graphviz cannot lay it out (E232).  *problems (free with
 * bcp_diagnostics_free) also carries warnings. */
bcp_status bcp_graph_file(const char *path, const bcp_graph_options *options, char **text, size_t *length,
                          bcp_diagnostics **problems);
/* ==== mcp13 ==== */
/* The same for a plan from bcp_workspace_load: its files are loaded again
 * through `ws` (open documents count; NULL: the plan's root text) with the
 * stdlib's locales, as bcp_plan_render does. */
bcp_status bcp_plan_graph(bcp_workspace *ws, const bcp_plan *plan, const bcp_graph_options *options, char **text,
                          size_t *length, bcp_diagnostics **problems);
/* ==== end mcp13 ==== */
/* ==== service part (issue 13: bcp mcp, bcp serve) ====
 * One JSON operations layer for the servers: an operation name and a JSON
 * request in, a JSON response out.  A service is scoped to one root folder:
 * every path a request names is resolved against it (realpath: `..` folded,
 * symbolic links followed) and refused when it ends up outside (E302);
 * nothing is written unless allow_write.  The operations (docs/api.md):
 *   check    {path | text, [name], [select], [ignore], [no_lint], [regimes]}
 *            -> {findings: [{file,line,column,...,code,name,severity,message,
 *                docs_url,fixes}], errors, warnings, infos}
 *   build    {path | text, [format: markdown|json|html], [lang], [draft],
 *             [output]} -> {format, lang, name, document | written, findings}
 *            (`output` only with allow_write)
 *   init     {industry, [size], [sites], [lang], [output]} -> {text}
 *   explain  {code} -> {code, name, group, severity, summary, markdown}
 *   schema   {[kind], [attribute]} -> {kinds} | {kind} | {attribute} | {markdown}
 *   format   {path | text, [write]} -> {text, changed}
 *   diff     {old, new} | {old_text, new_text} | {path, revision}
 *            -> {differ, text, weakening: [...]}
 *   simulate {path | text, lose | scenario | all_scenarios | each, [at], [for]}
 *            -> {simulations: [...]} (as `bcp simulate --format json`)
 *   graph    {path | text, [format: dot|svg|mermaid], [focus], [lang]} -> {format, text}
 *   readiness {path | text} -> {file, scored, readiness: {score, areas, deviations}}
 *   files    {} -> {files: [paths relative to the root]}
 *   read     {path} -> {path, text}
 * Paths in responses are relative to the root.  On failure the status is
 * not BCP_OK and the response is {"error": {"code": "E30x", "name": ...,
 * "message": ..., "diagnostics": [...]}}: E300 bad request (not JSON, a
 * wrong or missing argument), E301 unknown operation, E302 path outside the
 * root, E303 too large, E304 write not allowed, E305 no such file, E306 git
 * revision unreadable, E307 the operation could not produce its result.  A
 * service only reads its options after bcp_service_new: calls on one
 * service may run on many threads at once. */

typedef struct bcp_service bcp_service;

/* Reads `path` (relative to `root`) as it was at git `revision`, for diff's
 * {path, revision}: the library never starts a program, so a face supplies
 * it (bcp mcp runs `git show`).  *text is bcp_malloc'd; on failure *error
 * (bcp_malloc'd, may stay NULL) says why. */
typedef bcp_status (*bcp_revision_reader)(void *user, const char *root, const char *path,
                                          const char *revision, char **text, size_t *length,
                                          char **error);

typedef struct bcp_service_options {
    const char *root;              /* NULL: the current directory */
    const char *stdlib_dir;        /* NULL: the built-in standard library */
    size_t max_request;            /* bytes of one request; 0: 16 MiB */
    size_t max_file;               /* bytes of one plan text or file; 0: the file-size limit */
    bool allow_write;              /* build's html output, format's write, init's output */
    const char *today;             /* YYYY-MM-DD for checks; NULL: as bcp_check_options */
    const char *docs_url;          /* each finding's docs_url: this + CODE.md, or "{code}" replaced;
                                      NULL: the bcp repository's docs/rules/ */
    bcp_revision_reader read_revision;   /* NULL: diff against a revision is E306 */
    void *revision_user;
} bcp_service_options;

/* NULL when the root does not exist or is not a folder. */
bcp_service *bcp_service_new(const bcp_service_options *options);
void bcp_service_free(bcp_service *svc);
/* The root's real path. */
const char *bcp_service_root(const bcp_service *svc);
/* Runs operation `op` on `request` (`len` bytes of JSON; NULL or empty is {}).
 * *response gets a NUL-terminated JSON object (bcp_free; its length in
 * *response_len unless NULL), on success and on failure alike.  BCP_OK, or
 * BCP_ERR_INVALID (E300, E301, E303, E304), BCP_ERR_NOT_FOUND (E302, E305),
 * BCP_ERR_IO (E306, an unreadable file), BCP_ERR_PLAN (E307). */
bcp_status bcp_service_call(const bcp_service *svc, const char *op, const char *request, size_t len,
                            char **response, size_t *response_len);
/* The operations, in the order above, and the JSON Schemas (draft 2020-12)
 * of each one's request and successful response; NULL for an unknown one or
 * past the end.  Static strings. */
size_t bcp_service_op_count(void);
const char *bcp_service_op_name(size_t i);
const char *bcp_service_op_summary(const char *op);
const char *bcp_service_input_schema(const char *op);
const char *bcp_service_output_schema(const char *op);
/* The files of the built-in standard library, by their path under its root
 * ("core/comms.bcp", "locale/en/document.bcp"), in a fixed order, for
 * bcp_stdlib_text; NULL past the end.  Static. */
size_t bcp_stdlib_file_count(void);
const char *bcp_stdlib_file_path(size_t i);
/* ==== end of service part ==== */

/* ==== serve13 part (issue 13): worker threads ====
 * How many threads one call may use for its parallel batches (parsing,
 * rules): 0 (the default) is one per core, at most 8.  Process-wide; set it
 * once, before the first call.  A server that already runs one call per core
 * (bcp serve) sets 1, so that a call does not start threads of its own. */
void bcp_set_worker_threads(size_t threads);
/* ==== end of serve13 part ==== */

/* ==== serve13b part (issue 13): cancelling a call ====
 * A token one thread passes to a call and another may trip to stop it (bcp
 * serve's time limit).  A cancelled call stops soon after: parsing stops
 * (tree-sitter's cancellation flag), no further file, rule or document step
 * starts; everything it allocated is freed, and it returns BCP_ERR_CANCELLED
 * (for bcp_service_call_cancellable, the response's error is E326).  The
 * token must outlive the call; tripping it is for good. */
typedef struct bcp_cancel bcp_cancel;
bcp_cancel *bcp_cancel_new(void);
void bcp_cancel_free(bcp_cancel *cancel);
/* Thread-safe: from any thread, at any time, once or many times. */
void bcp_cancel_request(bcp_cancel *cancel);
bool bcp_cancel_requested(const bcp_cancel *cancel);
/* bcp_service_call under `cancel` (NULL: as bcp_service_call).  Each call of
 * a service carries its own state: the limits { } a plan's bcpconfig.bcp
 * sets hold for that call only, never for a concurrent one. */
bcp_status bcp_service_call_cancellable(const bcp_service *svc, const char *op, const char *request, size_t len,
                                        const bcp_cancel *cancel, char **response, size_t *response_len);
/* ==== end of serve13b part ==== */

#ifdef __cplusplus
}
#endif
#endif
