/* The schema of the plan language: every entity kind, its attributes, their
 * types, whether they are required and their defaults.  This is the one place
 * that says what a valid plan is; the model builder, the docs generator and the
 * editors' snippets all read it. */
#ifndef BCP_SCHEMA_H
#define BCP_SCHEMA_H
#include <stdbool.h>
#include <stddef.h>

typedef enum bcp_kind {
    BCP_KIND_PLAN,
    BCP_KIND_SITE,
    BCP_KIND_RISK,
    BCP_KIND_FUNCTION,
    BCP_KIND_SYSTEM,
    BCP_KIND_BACKUP,
    BCP_KIND_IMPACT,      /* nested in function: impact after a time */
    BCP_KIND_SITE_RTO,    /* nested in function: the RTO at one site */
    BCP_KIND_APPROVAL,
    BCP_KIND_REVISION,
    BCP_KIND_ASSET,
    BCP_KIND_SUPPLIER,
    BCP_KIND_RESOURCE,
    BCP_KIND_CONTACT,
    BCP_KIND_TEAM,
    BCP_KIND_SCENARIO,
    BCP_KIND_MESSAGE,
    BCP_KIND_PHASE,
    BCP_KIND_EXERCISE,
    BCP_KIND_FINDING,
    BCP_KIND_TRAINING,
    BCP_KIND_MILESTONE,
    BCP_KIND_DEVIATION,
    BCP_KIND_LOCALE,
    /* catalogues: declared by the stdlib, extensible by users */
    BCP_KIND_RISK_CATEGORY,
    BCP_KIND_THREAT,
    BCP_KIND_CHANNEL,
    BCP_KIND_INDUSTRY,
    BCP_KIND_SIZE,
    BCP_KIND_EXERCISE_KIND,
    BCP_KIND_RESOURCE_KIND,
    BCP_KIND_LIKELIHOOD_LEVEL,
    BCP_KIND_IMPACT_LEVEL,
    BCP_KIND_RISK_LEVEL,
    BCP_KIND_AUDIENCE,
    BCP_KIND_MAINTENANCE_ACTIVITY,
    BCP_KIND_TEXT,
    BCP_KIND_PROFILE,
    BCP_KIND_ACTIVATION_LEVEL,
    BCP_KIND_CHECKLIST,
    BCP_KIND_REGIME,
    BCP_KIND_ELEMENT,
    BCP_KIND_REGION,
    BCP_KIND_CONFIG,
    BCP_KIND_COUNT
} bcp_kind;

typedef enum bcp_type {
    BCP_T_TEXT,         /* "string" or """multi-line""" */
    BCP_T_TEXT_OR_NONE, /* a string, or the identifier none to state "deliberately none" */
    BCP_T_INTEGER,      /* within [min, max] */
    BCP_T_DURATION,     /* 15m 4h 2d 1w 6mo 1y */
    BCP_T_DATE,         /* 2026-06-01 */
    BCP_T_BOOL,         /* true | false */
    BCP_T_SCORE,        /* integer 1..5, or an identifier of catalogue kind `target` with a score */
    BCP_T_CATALOGUE,    /* identifier naming an entity of kind `target` (kind.id also accepted) */
    BCP_T_REF,          /* kind.id where kind is one of `target` ("a|b|c") */
    BCP_T_ENUM,         /* one identifier of `target` ("a|b|c"), fixed by the language */
    BCP_T_ANY,          /* any value (configuration) */
} bcp_type;

typedef struct bcp_attr_schema {
    const char *name;
    bcp_type type;
    bool list;
    const char *target;      /* kinds or values, "|"-separated */
    bool required;
    const char *default_text;/* documentation of the default, NULL if none */
    long min, max;           /* for integers */
    bool localized;          /* may be overridden per language in a locale block */
    bool long_interval;      /* a duration of days or more (review, exercise, retention): `6m` means `6mo` */
    bool link;               /* a runbook link: an http(s) URL or a path (E140) */
    const char *plausible_min, *plausible_max; /* durations: the range a plan plausibly states ("1w", "5y") */
    const char *doc;
    const char *example;
} bcp_attr_schema;

typedef struct bcp_kind_schema {
    const char *name;
    const char *doc;
    bool needs_id;          /* `kind id { }` rather than `kind { }` */
    bool nested_only;       /* appears only inside its parent kind */
    bool catalogue;         /* vocabulary kind, normally declared in the stdlib */
    bool singleton;         /* at most one per plan */
    bool locale_defined;    /* a locale block may define it without a base declaration */
    const char *children;   /* nested kinds allowed inside, "|"-separated */
    const bcp_attr_schema *attrs;
    size_t attr_count;
    const char *example;
} bcp_kind_schema;

const bcp_kind_schema *bcp_schema_kind(bcp_kind kind);
/* Returns BCP_KIND_COUNT when unknown. */
bcp_kind bcp_schema_kind_by_name(const char *name, size_t len);
const char *bcp_kind_name(bcp_kind kind);
const bcp_attr_schema *bcp_schema_attr(bcp_kind kind, const char *name, size_t len);
/* Is `name` (of length len) one of the "|"-separated words in `set`? */
bool bcp_schema_set_contains(const char *set, const char *name, size_t len);
/* The closest candidate to `word` among the "|"-separated names in `set`, or NULL
 * when none is close enough to suggest.  Writes into buf. */
const char *bcp_suggest(const char *word, const char *const *candidates, size_t count);
const char *bcp_type_describe(const bcp_attr_schema *attr, char *buf, size_t size);
/* "1w to 5y" for a duration with a plausible range, else NULL. */
const char *bcp_range_describe(const bcp_attr_schema *attr, char *buf, size_t size);

#endif
