/* The catalogue of every code bcp reports (bcp_code_total/get/lookup): the
 * syntax, model and configuration codes of compiler/base/codes.def, then the
 * lint rules of rules/ with their example plans (tests/rules/CODE.bad.bcp and
 * .good.bcp, embedded at build time).  Pages for `bcp explain` and
 * docs/diagnostics.md are rendered from it. */
#include <pthread.h>
#include <string.h>
#include <strings.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/codes.h"
#include "model/modules.h"
#include "rules/rule.h"
#include "tools.h"

/* Generated from tests/rules/ by tools/embed.c (see the Makefile). */
extern const bcp_stdlib_file bcp_rule_fixtures[];
extern const size_t bcp_rule_fixture_count;

typedef struct catalogue {
    bcp_code *codes;
    const bcp_rule **rules;        /* per code: its lint rule, or NULL */
    size_t count;
} catalogue;

static catalogue the_catalogue;
static pthread_once_t catalogue_once = PTHREAD_ONCE_INIT;

/* A rule's example plan as a NUL-terminated string, or NULL. */
static const char *fixture(const char *code, const char *kind)
{
    bcp_buf name = {0};
    bcp_buf_printf(&name, "%s.%s.bcp", code, kind);
    const char *text = NULL;
    for (size_t i = 0; i < bcp_rule_fixture_count && !text; i++)
        if (bcp_rule_fixtures[i].path && strcmp(bcp_rule_fixtures[i].path, name.data) == 0)
            text = bcp_strndup(bcp_rule_fixtures[i].text, bcp_rule_fixtures[i].length);
    bcp_buf_free(&name);
    return text;
}

static void build_catalogue(void)
{
    catalogue *c = &the_catalogue;
    size_t base = bcp_code_count();
    c->count = base + bcp_rule_count;
    c->codes = bcp_calloc(c->count ? c->count : 1, sizeof *c->codes);
    c->rules = bcp_calloc(c->count ? c->count : 1, sizeof *c->rules);
    for (size_t i = 0; i < base; i++) {
        const bcp_code_info *info = bcp_code_at(i);
        bcp_code *out = &c->codes[i];
        out->code = info->code;
        out->name = info->name;
        out->group = info->code[1] == '0' ? BCP_CODE_SYNTAX : info->code[1] == '1' ? BCP_CODE_MODEL : BCP_CODE_CONFIG;
        out->severity = info->severity;
        out->summary = info->summary;
        out->explanation = info->explanation;
        out->example = info->example;
    }
    for (size_t i = 0; i < bcp_rule_count; i++) {
        const bcp_rule *r = bcp_rules[i];
        bcp_code *out = &c->codes[base + i];
        bcp_buf explanation = {0};
        bcp_buf_printf(&explanation, "%s\n\n%s", r->rationale ? r->rationale : "", r->fix ? r->fix : "");
        out->code = r->code;
        out->name = r->name;
        out->group = BCP_CODE_LINT;
        out->severity = r->severity;
        out->summary = r->summary;
        out->explanation = bcp_buf_take(&explanation);
        out->example = fixture(r->code, "bad");
        out->fixed_example = fixture(r->code, "good");
        out->source = r->rationale;
        c->rules[base + i] = r;
    }
}

static const catalogue *get_catalogue(void)
{
    pthread_once(&catalogue_once, build_catalogue);
    return &the_catalogue;
}

size_t bcp_code_total(void)
{
    return get_catalogue()->count;
}

const bcp_code *bcp_code_get(size_t i)
{
    const catalogue *c = get_catalogue();
    return i < c->count ? &c->codes[i] : NULL;
}

const bcp_code *bcp_code_lookup(const char *code_or_name)
{
    const catalogue *c = get_catalogue();
    for (size_t i = 0; code_or_name && i < c->count; i++)
        if (strcasecmp(c->codes[i].code, code_or_name) == 0 || strcmp(c->codes[i].name, code_or_name) == 0)
            return &c->codes[i];
    return NULL;
}

/* ------------------------------------------------------------------ pages */

static void indented(bcp_buf *out, const char *text)
{
    const char *p = text, *end = text + strlen(text);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n)
            bcp_buf_printf(out, "    %.*s\n", (int)n, p);
        else
            bcp_buf_put(out, "\n", 1);
        p += n + 1;
    }
}

static void fenced(bcp_buf *out, const char *text)
{
    size_t n = strlen(text);
    bcp_buf_puts(out, "```bcp\n");
    bcp_buf_put(out, text, n);
    if (n && text[n - 1] != '\n')
        bcp_buf_put(out, "\n", 1);
    bcp_buf_puts(out, "```\n");
}

static void lint_text(bcp_buf *out, const bcp_code *c, const bcp_rule *r)
{
    bcp_buf_printf(out, "%s %s (%s)\n\n%s\n\nWhy: %s\n\nFix: %s\n", r->code, r->name, bcp_severity_name(r->severity),
                   r->summary, r->rationale ? r->rationale : "", r->fix ? r->fix : "");
    if (c->example) {
        bcp_buf_printf(out, "\nFlagged (lines marked `# expect: %s`):\n\n", r->code);
        indented(out, c->example);
    }
    if (c->fixed_example) {
        bcp_buf_puts(out, "\nClean:\n\n");
        indented(out, c->fixed_example);
    }
}

static void lint_markdown(bcp_buf *out, const bcp_code *c, const bcp_rule *r)
{
    bcp_buf_printf(out,
                   "# %s `%s`\n\n"
                   "<!-- Generated by `bcp explain --markdown %s` from rules/ and tests/rules/; do not edit. -->\n\n"
                   "**Default severity:** %s\n\n%s\n\n## Why\n\n%s\n\n## How to fix\n\n%s\n",
                   r->code, r->name, r->code, bcp_severity_name(r->severity), r->summary,
                   r->rationale ? r->rationale : "", r->fix ? r->fix : "");
    if (c->example) {
        bcp_buf_printf(out, "\n## Flagged\n\nThe lines marked `# expect: %s` are reported.\n\n", r->code);
        fenced(out, c->example);
    }
    if (c->fixed_example) {
        bcp_buf_puts(out, "\n## Clean\n\n");
        fenced(out, c->fixed_example);
    }
    bcp_buf_printf(out,
                   "\n## Configuration\n\n"
                   "Turn the rule off with `ignore = [%s]` in `bcpconfig.bcp` or `--ignore %s`; change its severity with\n"
                   "`severity { %s = info }`; silence one finding with a `# bcp: ignore[%s]` comment on its line.\n",
                   r->code, r->code, r->name, r->name);
}

static const char *group_name(bcp_code_group g)
{
    switch (g) {
    case BCP_CODE_SYNTAX: return "syntax";
    case BCP_CODE_MODEL: return "model";
    case BCP_CODE_CONFIG: return "configuration";
    default: return "lint";
    }
}

const char *bcp_catalogue_group_name(bcp_code_group group)
{
    return group_name(group);
}

/* A syntax, model or configuration code: what it means, why, an example. */
static void code_text(bcp_buf *out, const bcp_code *c)
{
    bcp_buf_printf(out, "%s %s (%s, %s error)\n\n%s\n", c->code, c->name, bcp_severity_name(c->severity),
                   group_name(c->group), c->summary);
    if (c->explanation && *c->explanation)
        bcp_buf_printf(out, "\n%s\n", c->explanation);
    if (c->example) {
        bcp_buf_puts(out, "\nExample:\n\n");
        indented(out, c->example);
    }
}

static void code_markdown(bcp_buf *out, const bcp_code *c, const char *heading)
{
    bcp_buf_printf(out, "%s %s `%s`\n\n**Severity:** %s (%s)\n\n%s\n", heading, c->code, c->name,
                   bcp_severity_name(c->severity), group_name(c->group), c->summary);
    if (c->explanation && *c->explanation)
        bcp_buf_printf(out, "\n%s\n", c->explanation);
    if (c->example) {
        bcp_buf_puts(out, "\nExample:\n\n");
        fenced(out, c->example);
    }
}

char *bcp_code_explain(const bcp_code *code, bcp_page_style style, size_t *length)
{
    const catalogue *c = get_catalogue();
    bcp_buf out = {0};
    if (code && code >= c->codes && code < c->codes + c->count) {
        const bcp_rule *r = c->rules[code - c->codes];
        if (r && style == BCP_PAGE_MARKDOWN)
            lint_markdown(&out, code, r);
        else if (r)
            lint_text(&out, code, r);
        else if (style == BCP_PAGE_MARKDOWN)
            code_markdown(&out, code, "#");
        else
            code_text(&out, code);
    }
    if (length)
        *length = out.len;
    return bcp_buf_take(&out);
}

/* Table cells hold no line breaks or pipes. */
static void cell(bcp_buf *out, const char *text)
{
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '|')
            bcp_buf_puts(out, "\\|");
        else
            bcp_buf_put(out, *p == '\n' ? " " : p, 1);
    }
}

char *bcp_code_reference(size_t *length)
{
    const catalogue *c = get_catalogue();
    bcp_buf out = {0};
    bcp_buf_puts(&out, "# Diagnostics\n\n"
                       "<!-- Generated by `bcp explain --all --markdown` from the catalogue; do not edit. -->\n\n"
                       "Every code `bcp` reports: syntax errors (E0xx), model errors (E1xx), configuration errors\n"
                       "(E2xx, in `bcpconfig.bcp`) and lint rules (one page each under [rules/](rules/README.md)).\n"
                       "`bcp explain CODE` prints one of them.\n\n"
                       "| Code | Name | Kind | Severity | Summary |\n|---|---|---|---|---|\n");
    for (size_t i = 0; i < c->count; i++) {
        const bcp_code *k = &c->codes[i];
        if (c->rules[i])
            bcp_buf_printf(&out, "| [%s](rules/%s.md) | `%s` | %s | %s | ", k->code, k->code, k->name,
                           group_name(k->group), bcp_severity_name(k->severity));
        else
            bcp_buf_printf(&out, "| [%s](#%s) | `%s` | %s | %s | ", k->code, k->code, k->name, group_name(k->group),
                           bcp_severity_name(k->severity));
        cell(&out, k->summary);
        bcp_buf_puts(&out, " |\n");
    }
    for (size_t i = 0; i < c->count; i++) {
        if (c->rules[i])
            continue;
        bcp_buf_printf(&out, "\n<a id=\"%s\"></a>\n\n", c->codes[i].code);
        code_markdown(&out, &c->codes[i], "##");
    }
    if (length)
        *length = out.len;
    return bcp_buf_take(&out);
}
