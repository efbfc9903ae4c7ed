/* H102 secret-in-plan: credentials pasted into the plan's text. */
#include <stdlib.h>
#include <string.h>

#include "rule_util.h"

#include "base/alloc.h"

typedef struct secret_kind {
    const char *label;
    const char *pattern;
} secret_kind;

/* Each pattern aims at a shape that is a credential and not prose: a
 * password label must be followed by a value containing a digit or symbol. */
static const secret_kind secret_kinds[] = {
    {"a private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"},
    {"an AWS access key", "\\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\\b"},
    {"an AWS secret key", "(?i)aws_?secret(?:_access)?_?key\\s*[:=]\\s*[\"']?[A-Za-z0-9/+=]{40}"},
    {"a GitHub token", "\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\\b"},
    {"a Slack token", "\\bxox[abposr]-[A-Za-z0-9-]{10,}"},
    {"a Google API key", "\\bAIza[0-9A-Za-z_-]{35}\\b"},
    {"a Stripe key", "\\b[sr]k_live_[0-9A-Za-z]{16,}"},
    {"a JSON web token", "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"},
    {"a bearer token", "\\bBearer\\s+[A-Za-z0-9._~+/-]{20,}=*"},
    {"a password in a URL", "\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@"},
    {"a password or key",
     "(?i)(?:\\b(?:password|passwd|pwd|passcode|pin|secret|api[_ -]?key|access[_ -]?key|auth[_ -]?token|"
     "token|client[_ -]?secret)|\xe5\xaf\x86\xe7\xa0\x81|\xe5\x8f\xa3\xe4\xbb\xa4)\\s*(?:[:=]|\xef\xbc\x9a|is\\s)\\s*"
     "[\"']?(?=[^\\s\"']*[0-9!@#$%^&*_+=~-])[^\\s\"',;]{6,}"},
};

enum { SECRET_KIND_COUNT = sizeof secret_kinds / sizeof secret_kinds[0] };

/* A small plan is scanned with one interpreted pattern per kind, each with
 * its own quick start (PCRE2 skips to where a match can begin): cheap to
 * compile, and faster than an interpreted alternation of all kinds, which
 * tries every kind at almost every position.  Past this many bytes of text
 * the scan switches to one JIT-compiled alternation, one call per string,
 * which is faster on a large plan once its compile is paid for. */
enum { ALTERNATION_AFTER_BYTES = 64 * 1024 };

typedef struct scanner {
    bcp_lint_ctx *ctx;
    bcp_rule_regex *re[SECRET_KIND_COUNT];
    bcp_rule_regex *all;   /* kind k is group k + 1; NULL until the switch */
    bool all_failed;       /* could not compile: stay with the kinds */
    size_t scanned;
} scanner;

static bcp_rule_regex *compile_all(void);

/* The kind an alternation of all kinds would report: the leftmost match, and
 * at the same position the first kind.  -1 when none matches. */
static int find_secret(scanner *s, const char *text, size_t length)
{
    if (!s->all && !s->all_failed && s->scanned >= ALTERNATION_AFTER_BYTES)
        s->all_failed = (s->all = compile_all()) == NULL;
    s->scanned += length;
    if (s->all) {
        int rc = bcp_rule_regex_match(s->all, text, length);
        /* The highest set group is the kind that matched. */
        return rc < 2 ? -1 : rc - 2;
    }
    int found = -1;
    size_t best = 0;
    for (int k = 0; k < SECRET_KIND_COUNT; k++) {
        /* The first match checks the text is UTF-8; the others need not. */
        int rc = k == 0 ? bcp_rule_regex_match(s->re[k], text, length)
                        : bcp_rule_regex_match_valid(s->re[k], text, length);
        if (k == 0 && bcp_rule_regex_bad_text(rc))
            return -1;
        if (rc <= 0)
            continue;
        size_t start, end;
        bcp_rule_regex_group(s->re[k], 0, &start, &end);
        if (found < 0 || start < best) {
            found = k;
            best = start;
            if (best == 0)
                break; /* no later kind can start further left */
        }
    }
    return found;
}

static void scan_value(scanner *s, const bcp_entity *e, const char *attr, const bcp_value *v)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            scan_value(s, e, attr, &v->as.list.items[i]);
        return;
    }
    if (v->kind != BCP_V_STRING || !v->as.string.text)
        return;
    int k = find_secret(s, v->as.string.text, v->as.string.length);
    if (k < 0)
        return;
    /* Never echo the secret itself: the report ends up in CI logs. */
    bcp_lint_report(s->ctx, &v->span, "`%s` of %s `%s` appears to contain %s", attr, bcp_kind_name(e->kind),
                    bcp_rule_entity_name(e), secret_kinds[k].label);
}

static void scan_entity(scanner *s, const bcp_entity *e)
{
    for (size_t a = 0; a < e->attr_count; a++)
        scan_value(s, e, e->attrs[a].name, &e->attrs[a].value);
}

static bcp_rule_regex *compile_all(void)
{
    size_t length = 1;
    for (size_t k = 0; k < SECRET_KIND_COUNT; k++)
        length += strlen(secret_kinds[k].pattern) + 3;
    char *pattern = bcp_malloc(length);
    if (!pattern)
        return NULL;
    size_t used = 0;
    for (size_t k = 0; k < SECRET_KIND_COUNT; k++) {
        size_t n = strlen(secret_kinds[k].pattern);
        if (k)
            pattern[used++] = '|';
        pattern[used++] = '(';
        memcpy(pattern + used, secret_kinds[k].pattern, n);
        used += n;
        pattern[used++] = ')';
    }
    pattern[used] = '\0';
    bcp_rule_regex *re = bcp_rule_regex_new(pattern, BCP_RULE_RE_JIT);
    bcp_free(pattern);
    return re;
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

static void check(bcp_lint_ctx *ctx)
{
    scanner s = {.ctx = ctx};
    bool compiled = true;
    for (int k = 0; k < SECRET_KIND_COUNT; k++)
        compiled = (s.re[k] = bcp_rule_regex_new(secret_kinds[k].pattern, 0)) && compiled;
    if (compiled)
        scan_model(&s);
    for (int k = 0; k < SECRET_KIND_COUNT; k++)
        bcp_rule_regex_free(s.re[k]);
    bcp_rule_regex_free(s.all);
}

const bcp_rule bcp_rule_secret_in_plan = {
    .code = "H102",
    .name = "secret-in-plan",
    .severity = BCP_SEV_ERROR,
    .summary = "A text contains what looks like a password, API key, token or private key.",
    .rationale = "A continuity plan is printed, mailed to the distribution list and kept in version control; "
                 "any credential in it is disclosed to all of them. ISO/IEC 27001:2022 A.5.17 "
                 "(authentication information) and NIST SP 800-53 IA-5 require secrets to be protected, and "
                 "NIST SP 800-34 Rev.1 §3.6 expects the plan to point to where credentials are held (a vault, "
                 "a sealed envelope) rather than contain them.",
    .fix = "remove the secret, rotate it (it is already exposed in the history), and write where it is kept "
           "instead, e.g. \"in the password vault, entry ERP-admin\"",
    .check = check,
};
