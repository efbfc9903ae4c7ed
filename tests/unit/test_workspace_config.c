/* The workspace and its bcpconfig.bcp (issue 12, issue 15): a configuration
 * that exists only as an open, never saved document configures the plans
 * below its folder as a saved one does, and closing it reverts to the disk;
 * bcp_workspace_load puts the configuration's `limits { }` in force (and
 * forgets them for a plan under no configuration), so an open document over
 * a limit gets its located refusal. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/limits.h"
#include "model/workspace.h"
#include "bcp.h"
#include "test_tmp.h"

static const bcp_diagnostic *first(const bcp_diagnostics *set, const char *code)
{
    for (size_t i = 0; set && i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        if (d->code && strcmp(d->code, code) == 0)
            return d;
    }
    return NULL;
}

/* Diagnostics with `code` of the plan `path` loaded through `ws`. */
static size_t load_count(bcp_workspace *ws, const char *path, const char *code)
{
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    bcp_diagnostics *own = bcp_plan_diagnostics(plan);
    size_t n = test_count_code(own, code);
    bcp_diagnostics_free(own);
    bcp_plan_free(plan);
    return n;
}

/* H101 findings of `path` loaded and linted through `ws`. */
static size_t h101(bcp_workspace *ws, const char *path)
{
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    bcp_check_options o = {.today = "2026-12-04"};
    bcp_diagnostics *found = NULL, *problems = NULL;
    bcp_workspace_lint(ws, plan, &o, &found, &problems);
    size_t n = test_count_code(found, "H101");
    bcp_diagnostics_free(found);
    bcp_diagnostics_free(problems);
    bcp_plan_free(plan);
    return n;
}

typedef struct project {
    char dir[256], git[300], sub[300], plan[400], config[400];
} project;

static void project_new(project *p, const char *plan_text)
{
    test_tmp_path(p->dir, sizeof p->dir, "bcp-wscfg-XXXXXX");
    assert_non_null(mkdtemp(p->dir));
    snprintf(p->git, sizeof p->git, "%s/.git", p->dir);
    snprintf(p->sub, sizeof p->sub, "%s/sub", p->dir);
    snprintf(p->plan, sizeof p->plan, "%s/sub/plan.bcp", p->dir);
    snprintf(p->config, sizeof p->config, "%s/bcpconfig.bcp", p->dir);
    assert_int_equal(mkdir(p->git, 0700), 0);
    assert_int_equal(mkdir(p->sub, 0700), 0);
    test_write_file(p->plan, plan_text);
}

static void project_free(project *p)
{
    unlink(p->plan);
    unlink(p->config);
    rmdir(p->sub);
    rmdir(p->git);
    rmdir(p->dir);
}

static const char placeholder_plan[] =
    "plan acme {\n  title = \"Acme\"\n  organization = \"Acme\"\n  purpose = \"TBD\"\n}\n";

static void test_unsaved_only_config_configures_the_plans_below(void **state)
{
    (void)state;
    project p;
    project_new(&p, placeholder_plan);
    bcp_workspace *ws = bcp_workspace_new(NULL);
    assert_true(h101(ws, p.plan) > 0);
    /* The configuration exists only as an open document: never on disk. */
    const char *ignore = "config {\n  ignore = [H101]\n}\n";
    assert_int_equal(bcp_document_open(ws, p.config, ignore, strlen(ignore)), BCP_OK);
    assert_int_equal(access(p.config, F_OK), -1);
    assert_int_equal(h101(ws, p.plan), 0);
    /* Its per_file_ignores globs are relative to its own folder. */
    const char *other = "config {\n  per_file_ignores {\n    o { files = [\"other/*.bcp\"]  ignore = [H101] }\n  }\n}\n";
    bcp_document_open(ws, p.config, other, strlen(other));
    assert_true(h101(ws, p.plan) > 0);
    const char *sub = "config {\n  per_file_ignores {\n    s { files = [\"sub/*.bcp\"]  ignore = [H101] }\n  }\n}\n";
    bcp_document_open(ws, p.config, sub, strlen(sub));
    assert_int_equal(h101(ws, p.plan), 0);
    /* A relative name of the same buffer is the same document. */
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(p.dir), 0);
    assert_true(bcp_document_is_open(ws, "bcpconfig.bcp"));
    assert_int_equal(chdir(cwd), 0);
    /* Closed without saving: the disk's state, no configuration. */
    assert_int_equal(bcp_document_close(ws, p.config), BCP_OK);
    assert_true(h101(ws, p.plan) > 0);
    bcp_workspace_free(ws);
    project_free(&p);
}

static void test_nearer_disk_config_wins_over_a_farther_buffer(void **state)
{
    (void)state;
    project p;
    project_new(&p, placeholder_plan);
    char near[512];
    snprintf(near, sizeof near, "%s/bcpconfig.bcp", p.sub);
    test_write_file(near, "config {\n  ignore = [B101]\n}\n");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    const char *ignore = "config {\n  ignore = [H101]\n}\n";
    bcp_document_open(ws, p.config, ignore, strlen(ignore));
    assert_true(h101(ws, p.plan) > 0);   /* sub/bcpconfig.bcp governs, not the buffer above */
    bcp_document_open(ws, near, ignore, strlen(ignore));
    assert_int_equal(h101(ws, p.plan), 0);
    bcp_workspace_free(ws);
    unlink(near);
    project_free(&p);
}

static const char deep_plan[] =
    "plan acme {\n  title = \"Acme\"\n  objectives = [\n    [\"a\"]\n  ]\n}\n";

static void test_load_applies_the_config_limits(void **state)
{
    (void)state;
    bcp_limits_reset();
    project p;
    project_new(&p, deep_plan);
    test_write_file(p.config, "config {\n  limits { nesting = 2 }\n}\n");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, p.plan, &plan), BCP_OK);
    assert_int_equal(bcp_limit_get("nesting"), 2);
    bcp_diagnostics *own = bcp_plan_diagnostics(plan);
    const bcp_diagnostic *e012 = first(own, "E012");
    assert_non_null(e012);
    assert_int_equal(e012->location.line, 4);     /* the `[` that opens level 3 */
    assert_int_equal(e012->location.column, 5);
    bcp_diagnostics_free(own);
    bcp_plan_free(plan);

    /* Open in the editor, parsed before the limits were known (defaults):
     * the load scans it again under the configuration's. */
    bcp_limits_reset();
    assert_int_equal(bcp_document_open(ws, p.plan, deep_plan, strlen(deep_plan)), BCP_OK);
    assert_int_equal(load_count(ws, p.plan, "E012"), 1);
    /* An edit under the configured limits keeps refusing it. */
    bcp_text_edit e = {0, 0, "# x\n", 4};
    assert_int_equal(bcp_document_edit(ws, p.plan, &e, 1, &plan), BCP_OK);
    own = bcp_plan_diagnostics(plan);
    assert_int_equal(test_count_code(own, "E012"), 1);
    bcp_diagnostics_free(own);
    bcp_plan_free(plan);

    /* The configuration's buffer raises the limit: no refusal. */
    const char *raised = "config {\n  limits { nesting = 50 }\n}\n";
    bcp_document_open(ws, p.config, raised, strlen(raised));
    assert_int_equal(load_count(ws, p.plan, "E012"), 0);
    assert_int_equal(bcp_limit_get("nesting"), 50);
    bcp_document_close(ws, p.config);

    /* A plan under no configuration: the defaults again, not the last one's. */
    project q;
    project_new(&q, deep_plan);
    assert_int_equal(load_count(ws, q.plan, "E012"), 0);
    assert_int_equal(bcp_limit_get("nesting"), 100);

    /* An explicit limit (bcp_limit_set, --limit) wins over the file's. */
    assert_int_equal(bcp_limit_set("nesting", 10), BCP_OK);
    assert_int_equal(load_count(ws, p.plan, "E012"), 0);
    assert_int_equal(bcp_limit_get("nesting"), 10);
    bcp_limits_reset();

    bcp_workspace_free(ws);
    project_free(&q);
    project_free(&p);
}

static void test_open_document_over_the_file_size_limit(void **state)
{
    (void)state;
    bcp_limits_reset();
    project p;
    project_new(&p, placeholder_plan);
    test_write_file(p.config, "config {\n  limits { file-size = 40 }\n}\n");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    assert_int_equal(bcp_document_open(ws, p.plan, placeholder_plan, strlen(placeholder_plan)), BCP_OK);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, p.plan, &plan), BCP_OK);
    assert_int_equal(bcp_plan_file_count(plan), 0);
    bcp_diagnostics *own = bcp_plan_diagnostics(plan);
    const bcp_diagnostic *e010 = first(own, "E010");
    assert_non_null(e010);
    assert_non_null(strstr(e010->message, "over the file-size limit of 40 bytes"));
    bcp_diagnostics_free(own);
    bcp_plan_free(plan);
    bcp_limits_reset();
    bcp_workspace_free(ws);
    project_free(&p);
}

/* A module's plan is searched within the budget the CLI keeps
 * (BCP_DISCOVERY_PLANS, model/workspace.h): an importer among the first
 * plans of the project is found; behind more plans than the budget, the
 * module is loaded on its own instead of every plan of a big tree being
 * loaded on each keystroke (issue 12, issue 15). */
static void write_plans(const project *p, int count)
{
    for (int i = 0; i < count; i++) {
        char path[512], text[192];
        snprintf(path, sizeof path, "%s/p%03d.bcp", p->sub, i);
        snprintf(text, sizeof text, "plan p%03d {\n  title = \"P\"\n  organization = \"P\"\n}\n", i);
        test_write_file(path, text);
    }
}

static void unlink_plans(const project *p, int count)
{
    for (int i = 0; i < count; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/p%03d.bcp", p->sub, i);
        unlink(path);
    }
}

static size_t module_files(const char *module)
{
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_workspace_load(ws, module, &plan), BCP_OK);
    size_t n = bcp_plan_file_count(plan);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return n;
}

static void test_module_plan_search_is_bounded(void **state)
{
    (void)state;
    project p;
    project_new(&p, "use \"./mod.bcp\"\n\nplan acme {\n  title = \"Acme\"\n  organization = \"Acme\"\n}\n");
    char module[512];
    snprintf(module, sizeof module, "%s/mod.bcp", p.sub);
    test_write_file(module, "contact a {\n  name = \"A\"\n}\n");
    /* sub/plan.bcp, the importer, sorts after p000..: found while within the budget. */
    write_plans(&p, BCP_DISCOVERY_PLANS - 1);
    assert_int_equal(module_files(module), 2);
    unlink_plans(&p, BCP_DISCOVERY_PLANS - 1);
    write_plans(&p, BCP_DISCOVERY_PLANS);
    assert_int_equal(module_files(module), 1);
    unlink_plans(&p, BCP_DISCOVERY_PLANS);
    unlink(module);
    project_free(&p);
}

/* The one search (bcp_workspace_find_importer) reads candidates through the
 * loader's reader: in the editor a file whose unsaved text is a plan that
 * imports the module, and such a plan that is only an open document, are
 * the module's importer; the
 * CLI's grouping finds the plan on disk and reports only the module. */
static void test_module_importer_through_the_reader(void **state)
{
    (void)state;
    const char *plain = "contact b {\n  name = \"B\"\n}\n";   /* on disk, not a plan yet */
    const char *importing = "use \"./mod.bcp\"\n\nplan acme {\n  title = \"Acme\"\n  organization = \"Acme\"\n}\n";
    project p;
    project_new(&p, plain);
    char module[512], unsaved[512];
    snprintf(module, sizeof module, "%s/mod.bcp", p.sub);
    snprintf(unsaved, sizeof unsaved, "%s/new.bcp", p.sub);
    test_write_file(module, "contact a {\n  name = \"A\"\n}\n");
    assert_int_equal(module_files(module), 1);   /* no plan on disk imports it */

    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan = NULL;
    assert_int_equal(bcp_document_open(ws, p.plan, importing, strlen(importing)), BCP_OK);
    assert_int_equal(bcp_workspace_load(ws, module, &plan), BCP_OK);
    assert_int_equal(bcp_plan_file_count(plan), 2);   /* the unsaved plan, and its `use` */
    bcp_plan_free(plan);
    assert_int_equal(bcp_document_close(ws, p.plan), BCP_OK);
    assert_int_equal(bcp_document_open(ws, unsaved, importing, strlen(importing)), BCP_OK);
    assert_int_equal(bcp_workspace_load(ws, module, &plan), BCP_OK);
    assert_int_equal(bcp_plan_file_count(plan), 2);   /* a plan that is not on disk */
    assert_non_null(strstr(bcp_plan_file(plan, 0), "new.bcp"));
    bcp_plan_free(plan);
    bcp_workspace_free(ws);

    /* The CLI's grouping: the importer on disk, the module's findings only. */
    test_write_file(p.plan, importing);
    char *files[] = {module};
    bcp_model_options opts = {0};
    bcp_unit_list units;
    bcp_workspace_units(files, 1, &opts, &units);
    assert_int_equal(units.count, 1);
    assert_int_equal(units.items[0].root_count, 2);
    assert_string_equal(units.items[0].roots[0], p.plan);
    assert_int_equal(units.items[0].report_count, 1);
    assert_non_null(strstr(units.items[0].report_only[0], "/sub/mod.bcp"));
    bcp_unit_list_free(&units);
    unlink(module);
    project_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unsaved_only_config_configures_the_plans_below),
        cmocka_unit_test(test_nearer_disk_config_wins_over_a_farther_buffer),
        cmocka_unit_test(test_load_applies_the_config_limits),
        cmocka_unit_test(test_open_document_over_the_file_size_limit),
        cmocka_unit_test(test_module_plan_search_is_bounded),
        cmocka_unit_test(test_module_importer_through_the_reader),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
