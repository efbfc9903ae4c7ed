/* Accepted deviations: suppression comments with their terms and
 * `deviation` blocks.  What they accept leaves the findings and is listed
 * (lint list, public API, check JSON, document); an expired one accepts
 * nothing and says so; a missing reason is H104 and malformed terms H105,
 * each at the place it concerns. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <jansson.h>
#include <stdlib.h>

#include "bcp.h"
#include "rules/engine.h"

#define PLAN "tests/cli/deviations/plan.bcp"

/* ------------------------------------------------------------ the engine */

typedef struct linted {
    bcp_model *model;
    bcp_diag_list found;
    bcp_lint_deviation_list accepted;
} linted;

/* Lints `text` with B108, C101, D102 and the deviation rules as of `today`. */
static void lint_text(const char *text, const char *today, linted *out)
{
    memset(out, 0, sizeof *out);
    out->model = load_text(text);
    if (bcp_model_diags(out->model)->count) {
        print_diags(out->model);
        fail_msg("the test plan has model errors");
    }
    static const char *const codes[] = {"B108", "C101", "D102", "H104", "H105", "H199"};
    bool *enabled = calloc(bcp_rule_count, sizeof *enabled);
    assert_non_null(enabled);
    for (size_t i = 0; i < bcp_rule_count; i++)
        for (size_t k = 0; k < sizeof codes / sizeof *codes; k++)
            enabled[i] |= strcmp(bcp_rules[i]->code, codes[k]) == 0;
    bcp_lint_options opts = {.enabled = enabled};
    assert_true(bcp_parse_date(today, strlen(today), &opts.today));
    assert_true(bcp_lint_run(out->model, &opts, &out->found));
    bcp_lint_apply_deviations(&out->found, out->model, &opts, &out->accepted);
    bcp_diag_list_sort(&out->found);
    free(enabled);
}

static void linted_free(linted *l)
{
    bcp_diag_list_free(&l->found);
    bcp_lint_deviation_list_free(&l->accepted);
    bcp_model_free(l->model);
}

/* The findings of `code`, as "row:col" (1-based) joined by spaces. */
static void positions(const linted *l, const char *code, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t i = 0; i < l->found.count; i++) {
        const bcp_diag *d = &l->found.items[i];
        if (strcmp(d->code, code) != 0)
            continue;
        size_t n = strlen(out);
        snprintf(out + n, size - n, "%s%u:%u", n ? " " : "", d->span.row + 1, bcp_span_column(&d->span));
    }
}

static const bcp_diag *first_of(const linted *l, const char *code)
{
    for (size_t i = 0; i < l->found.count; i++)
        if (strcmp(l->found.items[i].code, code) == 0)
            return &l->found.items[i];
    return NULL;
}

/* Lines 1-15: a plan, a critical function needing `needs`, a contact. */
#define HEAD_NEEDING(needs)                                                                                        \
    "plan p {\n  title = \"P\"\n  organization = \"O\"\n}\n"                                                \
    "function f {\n  title = \"F\"\n  rto = 1w\n  rpo = 4h\n  needs = [" needs "]\n}\n"                       \
    "contact cfo {\n  name = \"C\"\n  phone = \"+44 20 7946 0000\"\n}\n"
#define HEAD HEAD_NEEDING("supplier.steel")
#define HEAD_CRM HEAD_NEEDING("supplier.steel, system.crm")

static void test_comment_terms_accept(void **state)
{
    (void)state;
    linted l;
    lint_text(HEAD_CRM
              "# bcp: ignore[single-source-supplier] reason=\"sole \\\"licensed\\\" supplier\" owner=contact.cfo "
              "until=2027-06-30 approved=2026-11-01\n"                                         /* 15 */
              "supplier steel {\n  name = \"S\"\n  provides = \"Steel\"\n}\n"                  /* 16-19 */
              "system crm {\n  title = \"CRM\"\n"                                              /* 20-21 */
              "  backup nightly { every = 1d }  # bcp: ignore[D102] reason=\"re-keyed from mail\"\n}\n", /* 22 */
              "2026-11-27", &l);
    char got[256];
    positions(&l, "B108", got, sizeof got);
    assert_string_equal(got, "");
    positions(&l, "D102", got, sizeof got);
    assert_string_equal(got, "");
    assert_int_equal(l.found.count, 0);
    assert_int_equal(l.accepted.count, 2);
    const bcp_lint_deviation *b = &l.accepted.items[0], *d = &l.accepted.items[1];
    assert_string_equal(b->code, "B108");
    assert_string_equal(b->name, "single-source-supplier");
    assert_string_equal(b->entity->id, "steel");
    assert_string_equal(b->reason, "sole \"licensed\" supplier");
    assert_string_equal(b->owner, "contact.cfo");
    assert_ptr_equal(b->owner_entity, bcp_model_find(l.model, BCP_KIND_CONTACT, "cfo"));
    assert_true(b->has_until && b->has_approved);
    char date[11];
    bcp_format_date(b->until, date);
    assert_string_equal(date, "2027-06-30");
    assert_null(b->block);
    assert_int_equal(b->where.row + 1, 15);
    assert_non_null(strstr(b->message, "supplier `steel`"));
    /* the backup's finding is about its system */
    assert_string_equal(d->code, "D102");
    assert_int_equal(d->entity->kind, BCP_KIND_SYSTEM);
    assert_string_equal(d->entity->id, "crm");
    assert_false(d->has_until);
    assert_null(d->owner);
    linted_free(&l);
}

static void test_block_form(void **state)
{
    (void)state;
    linted l;
    lint_text(HEAD_CRM "supplier steel {\n  name = \"S\"\n  provides = \"Steel\"\n}\n" /* 15-18 */
                   "system crm {\n  title = \"CRM\"\n  backup nightly { every = 4h }\n}\n"            /* 19-22 */
                   "deviation steel {\n  rule = \"B108\"\n  entity = supplier.steel\n"             /* 23-25 */
                   "  reason = \"sole supplier\"\n  owner = contact.cfo\n  until = 2027-06-30\n}\n"  /* 26-29 */
                   "deviation crm {\n  rule = \"backup-rpo-gap\"\n  entity = system.crm\n"         /* 30-32 */
                   "  reason = \"nothing to accept: the backup meets the RPO\"\n}\n",              /* 33-34 */
              "2026-11-27", &l);
    char got[256];
    positions(&l, "B108", got, sizeof got);
    assert_string_equal(got, "");
    assert_int_equal(l.accepted.count, 1);
    assert_string_equal(l.accepted.items[0].block->id, "steel");
    assert_string_equal(l.accepted.items[0].reason, "sole supplier");
    assert_int_equal(l.accepted.items[0].where.row + 1, 23);
    /* a block that accepts nothing is unused, at its id */
    positions(&l, "H199", got, sizeof got);
    assert_string_equal(got, "30:11");
    assert_non_null(strstr(first_of(&l, "H199")->message, "unused deviation"));
    linted_free(&l);
}

static void test_expired(void **state)
{
    (void)state;
    const char *text = HEAD "supplier steel {  # bcp: ignore[B108] reason=\"sole supplier\" until=2027-06-30\n" /* 15 */
                            "  name = \"S\"\n  provides = \"Steel\"\n}\n";
    linted l;
    lint_text(text, "2027-06-30", &l); /* the last day it holds */
    assert_int_equal(l.accepted.count, 1);
    assert_null(first_of(&l, "B108"));
    linted_free(&l);

    lint_text(text, "2027-07-01", &l);
    assert_int_equal(l.accepted.count, 0);
    const bcp_diag *d = first_of(&l, "B108");
    assert_non_null(d);
    assert_int_equal(d->span.row + 1, 15);
    assert_int_equal(d->note_count, 1);
    assert_string_equal(d->notes[0].message, "the accepted deviation of this finding expired on 2027-06-30");
    assert_int_equal(d->notes[0].span.row + 1, 15);
    assert_int_equal(bcp_span_column(&d->notes[0].span), 68); /* the date after until= */
    assert_null(first_of(&l, "H199"));                        /* it still concerns the finding */
    linted_free(&l);
}

static void test_no_reason(void **state)
{
    (void)state;
    linted l;
    lint_text(HEAD "# bcp: ignore[B108] owner=contact.cfo\n"            /* 15 */
                   "supplier steel {\n  name = \"S\"\n  provides = \"Steel\"\n}\n",
              "2026-11-27", &l);
    char got[256];
    positions(&l, "H104", got, sizeof got);
    assert_string_equal(got, "15:15");
    const bcp_diag *d = first_of(&l, "H104");
    assert_int_equal(d->severity, BCP_SEV_WARNING);
    assert_int_equal(d->fix_count, 1);
    assert_string_equal(d->fixes[0].replacement, " reason=\"\"");
    assert_int_equal(bcp_span_column(&d->fixes[0].span), 20); /* right after `]` */
    /* still accepted, and listed as accepted without a reason */
    assert_int_equal(l.accepted.count, 1);
    assert_null(l.accepted.items[0].reason);
    linted_free(&l);

    /* an empty reason is no reason; an unused suppression is H199, not H104 */
    lint_text(HEAD "# bcp: ignore[B108] reason=\"\"\n"
                   "supplier steel {\n  name = \"S\"\n  provides = \"Steel\"\n}\n"
                   "# bcp: ignore[C101]\ncontact x {\n  name = \"X\"\n  phone = \"+44 20 7946 0001\"\n}\n",
              "2026-11-27", &l);
    positions(&l, "H104", got, sizeof got);
    assert_string_equal(got, "15:15");
    positions(&l, "H199", got, sizeof got);
    assert_string_equal(got, "20:15");
    linted_free(&l);
}

static void test_malformed_terms(void **state)
{
    (void)state;
    linted l;
    lint_text(HEAD "# bcp: ignore[B108] reason=\"r\" owner=contact.nobody until=2027-13-01 util=2027-01-01 approved\n"
                   "supplier steel {\n  name = \"S\"\n  provides = \"Steel\"\n}\n"               /* 16-19 */
                   "supplier tin {  # bcp: ignore[B108] reason=\"never closed\n"                /* 20 */
                   "  name = \"T\"\n  provides = \"Tin\"\n}\n"
                   "contact x {  # bcp: ignore[C101] reason=\"a\" reason=\"b\" # not a term: owner=x\n"  /* 24 */
                   "  name = \"X\"\n}\n",
              "2026-11-27", &l);
    char got[256];
    positions(&l, "H105", got, sizeof got);
    /* owner value, until value, misspelt key, key without value; unterminated quote; repeated key */
    assert_string_equal(got, "15:38 15:59 15:70 15:86 20:44 24:45");
    const bcp_diag *d = NULL;
    for (size_t i = 0; i < l.found.count; i++)
        if (strcmp(l.found.items[i].code, "H105") == 0 && l.found.items[i].span.row == 14 &&
            bcp_span_column(&l.found.items[i].span) == 70)
            d = &l.found.items[i];
    assert_non_null(d);
    assert_int_equal(d->fix_count, 1);
    assert_string_equal(d->fixes[0].replacement, "until");
    /* the unreadable terms do not stop the suppression */
    assert_null(first_of(&l, "C101"));
    positions(&l, "B108", got, sizeof got);
    assert_string_equal(got, "");
    linted_free(&l);

    /* a block naming no rule accepts nothing, and says so at the rule */
    lint_text(HEAD "supplier steel {\n  name = \"S\"\n  provides = \"Steel\"\n}\n"
                   "deviation d {\n  rule = \"single-supplier\"\n  entity = supplier.steel\n  reason = \"r\"\n"
                   "  approved = 2027-01-01\n  until = 2026-12-31\n}\n",
              "2026-11-27", &l);
    positions(&l, "H105", got, sizeof got);
    assert_string_equal(got, "20:10");
    positions(&l, "B108", got, sizeof got);
    assert_string_equal(got, "15:10");
    linted_free(&l);
}

/* ------------------------------------------------------------ the API */

static void test_check_paths_lists_deviations(void **state)
{
    (void)state;
    const char *paths[] = {PLAN};
    /* H121 notes the parts this small plan leaves empty; not what is tested here. */
    static const char *const not_h121[] = {"H121"};
    bcp_check_options o = {.today = "2026-11-27", .no_config = true, .ignore = not_h121, .ignore_count = 1,
                           .has_ignore = true};
    bcp_diagnostics *findings, *problems;
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, &problems), BCP_OK);
    assert_int_equal(bcp_diagnostics_count(findings), 0);
    assert_int_equal(bcp_diagnostics_deviation_count(findings), 2);
    assert_null(bcp_diagnostics_deviation(findings, 2));
    assert_int_equal(bcp_diagnostics_deviation_count(problems), 0);
    const bcp_deviation *d = bcp_diagnostics_deviation(findings, 0);
    assert_string_equal(d->code, "D102");
    assert_string_equal(d->name, "backup-rpo-gap");
    assert_string_equal(d->entity, "system.crm");
    assert_null(d->id);
    assert_string_equal(d->reason, "notes of the day are re-keyed from e-mail");
    assert_string_equal(d->owner, "contact.owner");
    assert_string_equal(d->until, "2027-06-30");
    assert_string_equal(d->approved, "2026-09-01");
    assert_string_equal(d->location.path, PLAN);
    assert_int_equal(d->location.line, 25);
    assert_int_equal(d->finding_location.line, 25);
    assert_int_equal(d->finding_location.column, 15);
    assert_non_null(strstr(d->message, "system `crm` is backed up every 24h"));
    d = bcp_diagnostics_deviation(findings, 1);
    assert_string_equal(d->code, "B108");
    assert_string_equal(d->entity, "supplier.telecom");
    assert_string_equal(d->id, "telecom_sole_source");
    assert_int_equal(d->location.line, 37);
    assert_string_equal(d->until, "2027-03-31");

    /* the JSON report carries them */
    bcp_report_options ro = {BCP_REPORT_JSON, false, false};
    char *text = bcp_report_render(findings, &ro, NULL);
    json_error_t err;
    json_t *doc = json_loads(text, 0, &err);
    assert_non_null(doc);
    json_t *list = json_object_get(doc, "deviations");
    assert_int_equal(json_array_size(list), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "entity")), "supplier.telecom");
    assert_string_equal(json_string_value(json_object_get(json_array_get(list, 1), "reason")),
                        "the only carrier serving the building; staff fall back to mobile phones");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(json_array_get(list, 0), "finding"), "line")),
                     25);
    json_decref(doc);
    bcp_free(text);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);

    /* after both end dates: the findings are back, with notes, and nothing is accepted */
    o.today = "2027-07-01";
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, &problems), BCP_OK);
    assert_int_equal(bcp_diagnostics_deviation_count(findings), 0);
    size_t expired = 0;
    for (size_t i = 0; i < bcp_diagnostics_count(findings); i++) {
        const bcp_diagnostic *f = bcp_diagnostics_get(findings, i);
        if (f->note_count && strstr(f->notes[0].message, "accepted deviation of this finding expired on"))
            expired++;
    }
    assert_int_equal(expired, 2);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
}

/* A block in the plan accepts a finding in a module; a comment naming two
 * rules of which one applies gets one H104, at the rule it used. */
static void test_across_files(void **state)
{
    (void)state;
    const char *paths[] = {"tests/cli/deviations/split/plan.bcp"};
    const char *select[] = {"B108", "C101", "H104", "H199"};
    bcp_check_options o = {.today = "2026-11-27", .no_config = true, .select = select, .select_count = 4,
                           .has_select = true};
    bcp_diagnostics *findings, *problems;
    assert_int_equal(bcp_check_paths(paths, 1, &o, &findings, &problems), BCP_OK);
    char got[256] = "";
    for (size_t i = 0; i < bcp_diagnostics_count(findings); i++) {
        const bcp_diagnostic *f = bcp_diagnostics_get(findings, i);
        size_t n = strlen(got);
        snprintf(got + n, sizeof got - n, "%s:%u:%u %s\n", strrchr(f->location.path, '/') + 1, f->location.line,
                 f->location.column, f->code);
    }
    assert_string_equal(got, "suppliers.bcp:7:15 H199\nsuppliers.bcp:7:21 H104\n");
    assert_int_equal(bcp_diagnostics_deviation_count(findings), 2);
    const bcp_deviation *steel = bcp_diagnostics_deviation(findings, 0);
    assert_string_equal(steel->entity, "supplier.steel");
    assert_string_equal(steel->id, "steel_sole_source");
    assert_non_null(strstr(steel->location.path, "split/plan.bcp"));
    assert_non_null(strstr(steel->finding_location.path, "split/suppliers.bcp"));
    assert_string_equal(bcp_diagnostics_deviation(findings, 1)->entity, "supplier.paint");
    assert_null(bcp_diagnostics_deviation(findings, 1)->reason);
    bcp_diagnostics_free(findings);
    bcp_diagnostics_free(problems);
}

static void test_plan_lint_lists_deviations(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, PLAN, &plan), BCP_OK);
    /* H121 notes the parts this small plan leaves empty; not what is tested here. */
    static const char *const not_h121[] = {"H121"};
    bcp_check_options o = {.today = "2026-11-27", .no_config = true, .ignore = not_h121, .ignore_count = 1,
                           .has_ignore = true};
    bcp_diagnostics *findings;
    assert_int_equal(bcp_plan_lint(plan, &o, &findings, NULL), BCP_OK);
    assert_int_equal(bcp_diagnostics_count(findings), 0);
    assert_int_equal(bcp_diagnostics_deviation_count(findings), 2);
    assert_string_equal(bcp_diagnostics_deviation(findings, 1)->name, "single-source-supplier");
    bcp_diagnostics_free(findings);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_document_section(void **state)
{
    (void)state;
    setenv("SOURCE_DATE_EPOCH", "1795737600", 1); /* 2026-11-27 */
    bcp_build_result r;
    assert_int_equal(bcp_build_file(PLAN, NULL, &r), BCP_OK);
    const char *md = r.documents[BCP_DOC_MARKDOWN];
    assert_non_null(strstr(md, "\n### 6.4 Accepted deviations\n"));
    assert_non_null(strstr(md, "| AD-1 | D102 backup-rpo-gap | Customer records |"));
    assert_non_null(strstr(md, "| the only carrier serving the building; staff fall back to mobile phones | Sam Patel | "
                               "2026-09-01 | 2027-03-31 |"));
    /* the failed RPO verdict and the missing alternate refer to their entries */
    assert_non_null(strstr(md, "| 4 hours | ⚠ Accepted deviation AD-1 (see 6.4) |"));
    assert_non_null(strstr(md, "| Yes | ⚠ Accepted deviation AD-2 (see 6.4) |"));
    assert_null(strstr(md, "✘"));
    assert_non_null(strstr(r.documents[BCP_DOC_HTML], "6.4 Accepted deviations</h3>"));
    assert_non_null(strstr(r.documents[BCP_DOC_HTML], "⚠ Accepted deviation AD-2 (see 6.4)"));
    json_error_t err;
    json_t *doc = json_loads(r.documents[BCP_DOC_JSON], 0, &err);
    assert_non_null(doc);
    json_t *list = json_object_get(doc, "accepted_deviations");
    assert_int_equal(json_array_size(list), 2);
    json_t *first = json_array_get(list, 0);
    assert_string_equal(json_string_value(json_object_get(first, "ref")), "AD-1");
    assert_string_equal(json_string_value(json_object_get(first, "code")), "D102");
    assert_string_equal(json_string_value(json_object_get(json_object_get(first, "entity"), "id")), "crm");
    assert_string_equal(json_string_value(json_object_get(json_object_get(first, "owner"), "title")), "Alex Chen");
    assert_string_equal(json_string_value(json_object_get(first, "until")), "2027-06-30");
    json_t *crm = json_array_get(json_object_get(doc, "systems"), 0);
    assert_string_equal(json_string_value(json_object_get(crm, "rpo_accepted_deviation")), "AD-1");
    json_decref(doc);
    bcp_build_result_free(&r);

    bcp_build_options zh = {.lang = "zh-CN", .formats = 1u << BCP_DOC_MARKDOWN};
    assert_int_equal(bcp_build_file(PLAN, &zh, &r), BCP_OK);
    assert_non_null(strstr(r.documents[BCP_DOC_MARKDOWN], "### 6.4 已接受的偏离"));
    assert_non_null(strstr(r.documents[BCP_DOC_MARKDOWN], "⚠ 已接受偏离 AD-1（见 6.4）"));
    bcp_build_result_free(&r);

    /* expired: the finding is open again, so the build gate refuses the plan
     * and only a draft builds: no section, the bare verdict is back */
    setenv("SOURCE_DATE_EPOCH", "1814400000", 1); /* 2027-07-01 */
    bcp_build_options md_only = {.formats = 1u << BCP_DOC_MARKDOWN};
    assert_int_equal(bcp_build_file(PLAN, &md_only, &r), BCP_ERR_PLAN);
    bcp_build_result_free(&r);
    md_only.draft = true;
    assert_int_equal(bcp_build_file(PLAN, &md_only, &r), BCP_OK);
    assert_null(strstr(r.documents[BCP_DOC_MARKDOWN], "Accepted deviation"));
    assert_non_null(strstr(r.documents[BCP_DOC_MARKDOWN], "✘ Not met"));
    bcp_build_result_free(&r);
    unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_comment_terms_accept),
        cmocka_unit_test(test_block_form),
        cmocka_unit_test(test_expired),
        cmocka_unit_test(test_no_reason),
        cmocka_unit_test(test_malformed_terms),
        cmocka_unit_test(test_check_paths_lists_deviations),
        cmocka_unit_test(test_across_files),
        cmocka_unit_test(test_plan_lint_lists_deviations),
        cmocka_unit_test(test_document_section),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
