/* The typed model of a plan: entities by kind and id, typed attribute values,
 * normalised durations and dates, resolved references.  Rules and renderers
 * read only this; they never see the syntax tree.
 *
 * A loaded model is immutable and safe to read from many threads: loading
 * builds every index (kinds, ids, overlays, referrers) before it returns, the
 * queries below take a const model and change nothing, and the library's
 * lazily built tables are initialised with pthread_once.  Only
 * bcp_model_diags() hands out the load's diagnostics for the owner to extend
 * or take over before it shares the model; bcp_model_free() ends it. */
#ifndef BCP_MODEL_H
#define BCP_MODEL_H
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"
#include "schema.h"
#include "base/source.h"

typedef struct bcp_entity bcp_entity;

typedef enum bcp_value_kind {
    BCP_V_STRING,
    BCP_V_INTEGER,
    BCP_V_DURATION,
    BCP_V_DATE,
    BCP_V_BOOL,
    BCP_V_IDENT,   /* a bare identifier; `target` set when it names a catalogue entry */
    BCP_V_REF,     /* kind.id; `target` set once resolved */
    BCP_V_LIST,
} bcp_value_kind;

typedef struct bcp_value bcp_value;
struct bcp_value {
    bcp_value_kind kind;
    bcp_span span;
    union {
        struct { const char *text; size_t length; } string;   /* decoded, NUL-terminated */
        int64_t integer;
        int64_t seconds;           /* durations: 1mo = 30d, 1y = 365d */
        int32_t days;              /* dates: days since 1970-01-01 */
        bool boolean;
        struct { const char *name; bcp_entity *target; } ident;
        struct { const char *kind_name; const char *id; bcp_entity *target; } ref;
        struct { bcp_value *items; size_t count; } list;
    } as;
    /* SCORE attributes: the normalised 1..5 score (0 when unknown). */
    int score;
    /* Durations written in calendar units: the number of months (6mo = 6,
     * 1y = 12), 0 for other units.  On a date these advance the calendar
     * (see model/derive.h); `as.seconds` keeps 1mo = 30d, 1y = 365d for
     * comparing durations with each other. */
    int32_t months;
};

typedef struct bcp_attr {
    const bcp_attr_schema *schema;
    const char *name;
    bcp_span key_span;
    bcp_value value;
} bcp_attr;

typedef struct bcp_entity_list {
    bcp_entity **items;
    size_t count;
} bcp_entity_list;

struct bcp_entity {
    bcp_kind kind;
    const char *id;            /* NULL for anonymous nested blocks */
    bcp_span span;             /* the whole block */
    bcp_span id_span;          /* the id (or the kind word when there is no id) */
    bcp_entity *parent;        /* enclosing block for nested ones */
    bcp_attr *attrs;
    size_t attr_count;
    bcp_entity **children;
    size_t child_count;
    bool from_stdlib;          /* a default the plan may override */
    uint32_t ordinal;          /* position among entities of its kind */
    bcp_entity_list referrers; /* filled at load; see bcp_model_referrers */
    size_t referrer_capacity;
};

typedef struct bcp_model bcp_model;

struct TSTree; /* tree-sitter's syntax tree (syntax/syntax.h) */

typedef struct bcp_model_options {
    const char *stdlib_dir;   /* NULL: the stdlib embedded in the binary */
    bool no_prelude;          /* for tests: skip std/core */
    /* Further stdlib modules loaded right after the prelude, e.g. "locale/en"
     * for `bcp build`; names as in `use "std/NAME"`. */
    const char *const *extra_modules;
    size_t extra_module_count;
    /* Reads the root files and every import instead of the file system (an
     * editor's unsaved buffers).  Returns the source, which the model owns
     * from then on, or NULL with *err set to a static message.  When `tree`
     * is not NULL the reader may set *tree to a syntax tree of exactly that
     * text, which the model uses (and deletes) instead of parsing the text.
     * NULL: bcp_source_read. */
    bcp_source *(*read)(void *user, const char *path, struct TSTree **tree, const char **err);
    void *read_user;
} bcp_model_options;

/* Loads `path` (or the given source when text != NULL), its imports and the
 * prelude, and builds the model.  Always returns a model; problems are in
 * bcp_model_diags().  Syntax errors are flagged is_syntax. */
bcp_model *bcp_model_load(const char *path, const bcp_model_options *opts);
bcp_model *bcp_model_load_text(const char *path, const char *text, size_t len,
                               const bcp_model_options *opts);
/* Loads several root files into one model (a plan and the modules it uses,
 * or a module and the plans that use it). */
bcp_model *bcp_model_load_many(const char *const *paths, size_t count,
                               const bcp_model_options *opts);
void bcp_model_free(bcp_model *model);

/* The diagnostics of loading, for the model's owner (a caller may append its
 * own findings or move them out); readers use bcp_model_diagnostics(). */
bcp_diag_list *bcp_model_diags(bcp_model *model);
const bcp_diag_list *bcp_model_diagnostics(const bcp_model *model);
bool bcp_model_has_syntax_errors(const bcp_model *model);
bcp_arena *bcp_model_arena(bcp_model *model);

/* The plan block, or NULL when the sources are modules without one. */
bcp_entity *bcp_model_plan(const bcp_model *model);
/* Every entity of a kind, in source order (stdlib defaults first). */
const bcp_entity_list *bcp_model_entities(const bcp_model *model, bcp_kind kind);
bcp_entity *bcp_model_find(const bcp_model *model, bcp_kind kind, const char *id);
/* Root sources that were loaded (not the stdlib), in load order. */
size_t bcp_model_source_count(const bcp_model *model);
const bcp_source *bcp_model_source(const bcp_model *model, size_t i);
/* A comment in a root source, as the parser found it: never text inside a string. */
typedef struct bcp_comment {
    bcp_span span;            /* from `#` to the end of its line */
    bool trailing;            /* code precedes it on its line */
    uint32_t next_code_row;   /* the row of the first code after it; its own row when none follows */
} bcp_comment;
/* The comments of root source `source_index` (see bcp_model_source), in
 * source order; NULL with *count = 0 when there are none. */
const bcp_comment *bcp_model_comments(const bcp_model *model, size_t source_index, size_t *count);
/* Entities whose reference attributes point at `target` (built at load). */
const bcp_entity_list *bcp_model_referrers(const bcp_model *model, const bcp_entity *target);

/* Attribute access. */
const bcp_attr *bcp_entity_attr(const bcp_entity *e, const char *name);
const bcp_value *bcp_entity_value(const bcp_entity *e, const char *name);
const char *bcp_entity_text(const bcp_entity *e, const char *name);          /* NULL if absent */
bool bcp_entity_duration(const bcp_entity *e, const char *name, int64_t *seconds);
bool bcp_entity_date(const bcp_entity *e, const char *name, int32_t *days);
bool bcp_entity_bool(const bcp_entity *e, const char *name, bool fallback);
bool bcp_entity_integer(const bcp_entity *e, const char *name, int64_t *out);
bcp_entity *bcp_entity_ref(const bcp_entity *e, const char *name);            /* resolved target */
int bcp_entity_score(const bcp_entity *e, const char *name);                  /* 0 if absent */
/* The entity's display name: title, else name, else id. */
const char *bcp_entity_label(const bcp_entity *e);
/* Localised text: the locale overlay for `lang` when there is one, else the base text. */
const char *bcp_model_text(const bcp_model *model, const bcp_entity *e, const char *name,
                           const char *lang);
const bcp_value *bcp_model_localized_value(const bcp_model *model, const bcp_entity *e,
                                           const char *name, const char *lang);
/* The stdlib prose a document shows: `field` of text `id` in `lang` for a
 * plan of `industry` (NULL: none).  The plan's own text wins over the
 * stdlib's (a `locale lang { text id { ... } }` of the plan, or a top-level
 * `text` block), and within each the industry's variant `<industry>_<id>`
 * wins over the generic `id`.  NULL when no text sets the field. */
const bcp_value *bcp_model_prose(const bcp_model *model, const char *industry, const char *id,
                                 const char *field, const char *lang);
/* The language the plan is written in: its `language`, else "en". */
const char *bcp_model_base_language(const bcp_model *model);
/* Prose the plan writes (translatable attributes of its own entities) that
 * has no translation into `lang`: calls fn (when not NULL) once per entity
 * attribute and returns how many there are.  0 when `lang` is the plan's own
 * language. */
typedef void (*bcp_translation_gap_fn)(void *user, const bcp_entity *entity, const bcp_attr *attr);
size_t bcp_model_translation_gaps(const bcp_model *model, const char *lang, bcp_translation_gap_fn fn,
                                  void *user);
/* The same gaps as one warning (E151) at the plan, with a note per
 * untranslated entity, appended to `out`; returns the number of gaps. */
size_t bcp_model_report_translation_gaps(const bcp_model *model, const char *lang, bcp_diag_list *out);
/* Locale ids declared by locale blocks (sorted). */
size_t bcp_model_locale_count(const bcp_model *model);
const char *bcp_model_locale(const bcp_model *model, size_t i);

/* Value helpers */
/* A duration is digits and a unit (`4h`), or several such parts, the largest
 * unit first (`1h30m` = 90 minutes); at most BCP_DURATION_MAX_YEARS years. */
#define BCP_DURATION_MAX_YEARS 100
#define BCP_DURATION_MAX_SECONDS (BCP_DURATION_MAX_YEARS * 365LL * 86400)
typedef enum bcp_duration_status {
    BCP_DURATION_OK,
    BCP_DURATION_MALFORMED,   /* not digits and a unit */
    BCP_DURATION_BAD_UNIT,
    BCP_DURATION_TOO_LONG,
    BCP_DURATION_UNIT_ORDER,  /* `30m1h`, `1h2h` */
} bcp_duration_status;
bcp_duration_status bcp_parse_duration_status(const char *text, size_t len, int64_t *seconds);
bool bcp_parse_duration(const char *text, size_t len, int64_t *seconds);
/* The calendar months of a duration written in `mo` and `y` only (0 otherwise). */
int32_t bcp_duration_months(const char *text, size_t len);
/* How many digits-and-unit parts a duration's text has (`1h30m`: 2). */
size_t bcp_duration_parts(const char *text, size_t len);
/* The first and last day a date can be written (0001-01-01, 9999-12-31), in
 * days since 1970-01-01. */
#define BCP_FIRST_DAY (-719162)
#define BCP_LAST_DAY 2932896
bool bcp_parse_date(const char *text, size_t len, int32_t *days);
/* YYYY-MM-DD; a day outside [BCP_FIRST_DAY, BCP_LAST_DAY] prints as the nearer end. */
void bcp_format_date(int32_t days, char out[11]);
/* "24h", "2d", "1w", "6mo", "1y": the largest exact unit. */
void bcp_format_duration(int64_t seconds, char *out, size_t size);
int32_t bcp_days_from_civil(int y, unsigned m, unsigned d);
void bcp_civil_from_days(int32_t days, int *y, unsigned *m, unsigned *d);

#endif
