/* What the Markdown, HTML and JSON renderers share: the document context, the
 * localised stdlib prose (text entities), formatting of durations and dates in
 * the document's language, and template filling.  The values the compiler
 * computes (risk levels, next-due dates, RPO verdicts, sort orders) come from
 * model/derive.h, the same functions the lint rules call. */
#ifndef BCP_RENDER_H
#define BCP_RENDER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/diag.h"
#include "bcp.h"
#include "model/derive.h"
#include "model/model.h"
#include "rules/engine.h"


typedef struct bcp_render_ctx {
    bcp_model *model;
    const char *lang;        /* locale id of the document */
    const char *industry;    /* plan industry id, or NULL */
    /* ids of stdlib texts the document asked for but no locale defines */
    char **missing;
    size_t missing_count, missing_cap;
    /* A draft (the plan has open findings): a DRAFT mark on every page and
     * an appendix listing `findings` (not owned; set by the caller). */
    bool draft;
    const bcp_diagnostic *const *findings;
    size_t finding_count;
    /* The original texts of the values bcp_render_redact replaced (owned):
     * a finding's message that quotes one is redacted in the appendix too. */
    char **redacted;
    size_t redacted_count, redacted_cap;
    /* the findings the plan accepts (section "Accepted deviations"); NULL: none */
    const bcp_lint_deviation_list *deviations;
    /* Stdlib prose with the organisation nouns filled in ({org}, {clients},
     * {staff}; see bcp_rt_title): each original text and its filled copy
     * (owned), so that a text is filled once per document. */
    struct bcp_render_noun_fill { const void *from; void *to; bool list; } *filled;
    size_t filled_count, filled_cap;
    /* The day open items are judged on (the build's "today": SOURCE_DATE_EPOCH
     * or the clock, as the lint gate), days since 1970-01-01; set by the caller. */
    int32_t today;
    /* The printed page size of the HTML: "a4" (NULL) or "letter". */
    const char *paper;
    /* The readiness score (model/readiness.c) for chapter 1 and the JSON;
     * NULL: not shown (not owned; set by the caller). */
    const bcp_readiness *readiness;
} bcp_render_ctx;

void bcp_render_ctx_init(bcp_render_ctx *ctx, bcp_model *model, const char *lang);
void bcp_render_ctx_free(bcp_render_ctx *ctx);

/* Redaction: every string value of the model that one of `hits` (findings
 * of the secret-in-plan rule, located at the value) points at is replaced in
 * ctx->model by the localised mark `text redacted`, so that no renderer can
 * write it.  Each redacted value's place ("plan.bcp:12:14") is appended to
 * `where` (unless NULL), separated by ", ".  Returns how many values were
 * replaced.  Call it before rendering, in the document language. */
size_t bcp_render_redact(bcp_render_ctx *ctx, const bcp_diag_list *hits, bcp_buf *where);
/* `text` with every redacted original in it replaced by the mark, into out. */
void bcp_render_scrub(bcp_render_ctx *ctx, const char *text, bcp_buf *out);

/* Stdlib prose: `text ID` in the document language; an industry preset's
 * `text INDUSTRY_ID` wins over the generic one.  A missing text yields ""
 * and is recorded in ctx->missing.  The organisation nouns in it are filled
 * in: {org} ("hospital", "医院"), {clients} ("patients", "患者") and {staff}
 * come from `text noun_org`, `noun_clients` and `noun_staff`, which an
 * industry preset (`text healthcare_noun_org`) or the plan may override;
 * {Org}, {Clients} and {Staff} capitalise the first letter. */
const char *bcp_rt_title(bcp_render_ctx *ctx, const char *id);
const char *bcp_rt_body(bcp_render_ctx *ctx, const char *id);
const bcp_value *bcp_rt_items(bcp_render_ctx *ctx, const char *id);   /* NULL when absent */
/* The i-th item of `text ID`, "" when there are fewer. */
const char *bcp_rt_item(bcp_render_ctx *ctx, const char *id, size_t i);
/* An optional piece of prose: NULL when no locale defines it. */
const char *bcp_rt_optional(bcp_render_ctx *ctx, const char *id, const char *field);
/* "every year", "every 6 months": an interval through `text review_every_phrase`. */
void bcp_rfmt_interval(bcp_render_ctx *ctx, int64_t seconds, bcp_buf *out);
/* The same through another phrase: `text frequency_phrase` gives "Every year"
 * for a table cell. */
void bcp_rfmt_every(bcp_render_ctx *ctx, int64_t seconds, const char *phrase_id, bcp_buf *out);

/* An entity's display name in the document language. */
const char *bcp_rlabel(bcp_render_ctx *ctx, const bcp_entity *e);
/* A localised text attribute of an entity (NULL when absent). */
const char *bcp_rattr(bcp_render_ctx *ctx, const bcp_entity *e, const char *name);

/* "24 小时", "2 days": the largest exact unit, in the document language. */
void bcp_rfmt_duration(bcp_render_ctx *ctx, int64_t seconds, bcp_buf *out);

/* Template filling, the one implementation: copies `tmpl` to out with every
 * {keys[i]} replaced by values[i] (NULL reads as ""), written through `put`
 * (NULL: raw, unescaped); other braces are copied as they are. */
typedef void bcp_rfill_put(bcp_buf *out, const char *value);
void bcp_rfill_keys(bcp_buf *out, const char *tmpl, const char *const *keys, const char *const *values, size_t n,
                    bcp_rfill_put *put);
/* The same for a single {key}, raw. */
void bcp_rfill(bcp_buf *out, const char *tmpl, const char *key, const char *value);
/* " (text)" / "（text）": parentheses around a remark, through `text paren`,
 * so that each language brings its own punctuation. */
void bcp_rfmt_paren(bcp_render_ctx *ctx, const char *text, bcp_buf *out);

/* "AD-3": how the document refers to accepted deviation i (0-based) of
 * ctx->deviations (md_deviations.c). */
void bcp_render_deviation_ref(size_t i, char out[24]);

/* ------------------------------------------------------------ renderers */

/* Markdown markup helpers: plan text is escaped so that it stays text. */
typedef enum bcp_md_escape { BCP_MD_TEXT, BCP_MD_CELL } bcp_md_escape;
void bcp_md_escape_into(bcp_buf *b, const char *text, bcp_md_escape mode);

typedef struct bcp_md_doc {
    char *markdown;
    /* for HTML: byte offsets (at block boundaries) where the figures go */
    size_t heatmap_at, timeline_at, notify_at;
    size_t impact_at;   /* after the impact-over-time tables; 0: no figure */
    size_t readiness_at;   /* after the readiness table (chapter 1); 0: no figure */
    size_t graph_at;    /* the dependency graph (md_graph.c); 0: no figure */
    size_t scenario_at; /* the scenarios' recovery timelines (md_simulate.c); 0: no figure */
} bcp_md_doc;

/* The whole document as GitHub-clean Markdown.  for_html leaves out the
 * Markdown heat map grid (the page draws it as SVG) and records where the
 * figures belong. */
void bcp_render_markdown(bcp_render_ctx *ctx, bool for_html, bcp_md_doc *out);
/* A self-contained HTML page.  On failure NULL, and *error (when error is
 * not NULL) gets a message the caller frees. */
char *bcp_render_html(bcp_render_ctx *ctx, char **error);
/* The resolved model plus computed values as JSON (see docs/json.md); on
 * failure NULL and *error as for bcp_render_html. */
char *bcp_render_json(bcp_render_ctx *ctx, char **error);
/* A JSON value as indented text with a final newline (bcp_free), taking
 * `root`; NULL when it cannot be encoded.  The document and `bcp simulate`. */
struct json_t;
char *bcp_json_text(struct json_t *root);
/* simulate (issue 14): plan text escaped for HTML, and safe Markdown -> HTML
 * (GFM tables) as the page is made, a new string (bcp_free). */
void bcp_html_escape(bcp_buf *b, const char *s);
char *bcp_html_from_markdown(const char *text, size_t len);

#endif
