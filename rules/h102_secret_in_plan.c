/* H102 secret-in-plan: credentials pasted into the plan's text or its
 * comments.  What a secret looks like is secret_scan.c's (secret.h). */
#include "rule_util.h"
#include "secret.h"

typedef struct scanner {
    bcp_lint_ctx *ctx;
    bcp_secret_scanner *secrets;
} scanner;

/* Findings point at the whole string or comment that holds the secret: the
 * build redacts what H102 flags by that span. */
static void scan_value(scanner *s, const bcp_entity *e, const char *attr, const bcp_value *v)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            scan_value(s, e, attr, &v->as.list.items[i]);
        return;
    }
    if (v->kind != BCP_V_STRING || !v->as.string.text)
        return;
    size_t start, len;
    const char *label;
    if (!bcp_secret_scan(s->secrets, v->as.string.text, v->as.string.length, &start, &len, &label))
        return;
    /* Never echo the secret itself: the report ends up in CI logs. */
    bcp_lint_report(s->ctx, &v->span, "`%s` of %s `%s` appears to contain %s", attr, bcp_kind_name(e->kind),
                    bcp_rule_entity_name(e), label);
}

static void scan_entity(scanner *s, const bcp_entity *e)
{
    for (size_t a = 0; a < e->attr_count; a++)
        scan_value(s, e, e->attrs[a].name, &e->attrs[a].value);
}

static void scan_model(scanner *s)
{
    const bcp_model *model = bcp_lint_model(s->ctx);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *list = bcp_model_entities(model, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->from_stdlib)
                continue;
            scan_entity(s, e);
            /* Locale overlays are not in the kind lists; their translations are text too. */
            if (e->kind == BCP_KIND_LOCALE)
                for (size_t c = 0; c < e->child_count; c++)
                    scan_entity(s, e->children[c]);
        }
    }
}

/* Comments are kept in the sources and shown in every snippet: a password
 * in a comment is as exposed as one in a string. */
static void scan_comments(scanner *s)
{
    const bcp_model *model = bcp_lint_model(s->ctx);
    for (size_t i = 0; i < bcp_model_source_count(model); i++) {
        const bcp_source *src = bcp_model_source(model, i);
        size_t count;
        const bcp_comment *comments = bcp_model_comments(model, i, &count);
        for (size_t c = 0; c < count; c++) {
            const bcp_span *span = &comments[c].span;
            if (span->end_byte > src->length || span->start_byte >= span->end_byte)
                continue;
            size_t start, len;
            const char *label;
            if (bcp_secret_scan(s->secrets, src->text + span->start_byte, span->end_byte - span->start_byte, &start,
                                &len, &label))
                bcp_lint_report(s->ctx, span, "a comment appears to contain %s", label);
        }
    }
}

static void check(bcp_lint_ctx *ctx)
{
    scanner s = {.ctx = ctx, .secrets = bcp_secret_scanner_new()};
    scan_model(&s);
    scan_comments(&s);
    bcp_secret_scanner_free(s.secrets);
}

const bcp_rule bcp_rule_secret_in_plan = {
    .code = "H102",
    .name = "secret-in-plan",
    .severity = BCP_SEV_ERROR,
    .summary = "A text or comment contains what looks like a password, PIN, API key, token or private key.",
    .rationale = "A continuity plan is printed, mailed to the distribution list and kept in version control; "
                 "any credential in it is disclosed to all of them. ISO/IEC 27001:2022 A.5.17 "
                 "(authentication information) and NIST SP 800-53 IA-5 require secrets to be protected, and "
                 "NIST SP 800-34 Rev.1 §3.6 expects the plan to point to where credentials are held (a vault, "
                 "a sealed envelope) rather than contain them.",
    .fix = "remove the secret, rotate it (it is already exposed in the history), and write where it is kept "
           "instead, e.g. \"in the password vault, entry ERP-admin\"",
    .check = check,
};
