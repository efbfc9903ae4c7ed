/* The public API's editor part: documents and incremental edits (checked
 * against fresh loads), loading through documents, a provider and the disk,
 * a module checked with its plan, queries, schema docs, positions, and one
 * plan read from four threads at once. */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "bcp.h"
#include "api/api_internal.h"
#include "syntax/syntax.h"
#include "test_tmp.h"

static const char plan_text[] =
    "plan acme {\n"
    "  title        = \"Acme Ltd business continuity plan\"\n"
    "  organization = \"Acme Ltd\"\n"
    "  size         = micro\n"
    "  owner        = contact.owner\n"
    "  reviewed     = 2026-09-01\n"
    "}\n"
    "\n"
    "function service {\n"
    "  title    = \"Client service\"\n"
    "  rto      = 24h\n"
    "  fallback = \"Work from home\"\n"
    "  owner    = contact.owner\n"
    "  deputy   = contact.deputy\n"
    "}\n"
    "\n"
    "contact owner {\n"
    "  name  = \"Alex Chen\"\n"
    "  role  = \"Managing director\"\n"
    "  tier  = 1\n"
    "  phone = \"+44 20 7946 0000\"\n"
    "  substitute = contact.deputy\n"
    "}\n"
    "\n"
    "contact deputy {\n"
    "  name  = \"Sam Patel\"\n"
    "  role  = \"Office manager\"\n"
    "  tier  = 1\n"
    "  phone = \"+44 20 7946 0001\"\n"
    "  substitute = contact.owner\n"
    "}\n";

static char tmpdir[256];

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *tmp_path(const char *name)
{
    static char path[4][512];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, 512, "%s/%s", tmpdir, name);
    return p;
}

static int setup(void **state)
{
    (void)state;
    test_tmp_path(tmpdir, sizeof tmpdir, "bcp-api-XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    char git[600];
    snprintf(git, sizeof git, "%s/.git", tmpdir);
    return mkdir(git, 0755);
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Two sets say the same: same codes, messages and locations, in order. */
static void assert_same_diagnostics(const bcp_diagnostics *a, const bcp_diagnostics *b)
{
    assert_int_equal(bcp_diagnostics_count(a), bcp_diagnostics_count(b));
    for (size_t i = 0; i < bcp_diagnostics_count(a); i++) {
        const bcp_diagnostic *x = bcp_diagnostics_get(a, i), *y = bcp_diagnostics_get(b, i);
        assert_string_equal(x->code ? x->code : "", y->code ? y->code : "");
        assert_string_equal(x->message, y->message);
        assert_int_equal(x->location.start_byte, y->location.start_byte);
        assert_int_equal(x->location.end_byte, y->location.end_byte);
        assert_int_equal(x->location.line, y->location.line);
        assert_int_equal(x->location.column, y->location.column);
    }
}

/* The diagnostics of `text` loaded afresh, as file `path`, in a new workspace. */
static bcp_diagnostics *fresh_diagnostics(const char *path, const char *text, size_t length)
{
    bcp_workspace *ws = bcp_workspace_new(NULL);
    assert_int_equal(bcp_document_open(ws, path, text, length), BCP_OK);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    bcp_diagnostics *set = bcp_plan_diagnostics(plan);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return set;
}

static bool has_code(const bcp_diagnostics *set, const char *code)
{
    for (size_t i = 0; i < bcp_diagnostics_count(set); i++)
        if (bcp_diagnostics_get(set, i)->code && strcmp(bcp_diagnostics_get(set, i)->code, code) == 0)
            return true;
    return false;
}

static uint32_t offset_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    return (uint32_t)(at - text);
}

/* ------------------------------------------------------------ documents */

static void test_document_open_read_close(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    const char *path = tmp_path("unsaved.bcp");
    assert_false(bcp_document_is_open(ws, path));
    assert_null(bcp_document_text(ws, path, NULL));
    assert_int_equal(bcp_document_open(ws, path, plan_text, strlen(plan_text)), BCP_OK);
    size_t len;
    assert_string_equal(bcp_document_text(ws, path, &len), plan_text);
    assert_int_equal(len, strlen(plan_text));
    /* Another name of the same file is the same document. */
    char other[600];
    snprintf(other, sizeof other, "%s/./unsaved.bcp", tmpdir);
    assert_true(bcp_document_is_open(ws, other));
    char *text;
    assert_int_equal(bcp_workspace_read(ws, other, &text, &len), BCP_OK);
    assert_string_equal(text, plan_text);
    bcp_free(text);
    assert_int_equal(bcp_document_close(ws, path), BCP_OK);
    assert_int_equal(bcp_document_close(ws, path), BCP_ERR_NOT_FOUND);
    /* Not on disk and no longer open. */
    bcp_plan *plan = (bcp_plan *)1;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_ERR_NOT_FOUND);
    assert_null(plan);
    bcp_workspace_free(ws);
}

static void test_edit_out_of_range_changes_nothing(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    const char *path = tmp_path("range.bcp");
    assert_int_equal(bcp_document_open(ws, path, "plan a {\n}\n", 11), BCP_OK);
    bcp_text_edit edits[2] = {
        {.start_byte = 0, .end_byte = 4, .text = "PLAN", .length = 4},
        {.start_byte = 5, .end_byte = 40, .text = "", .length = 0},
    };
    assert_int_equal(bcp_document_edit(ws, path, edits, 2, NULL), BCP_ERR_INVALID);
    assert_string_equal(bcp_document_text(ws, path, NULL), "plan a {\n}\n");
    assert_int_equal(bcp_document_edit(ws, "nowhere.bcp", edits, 1, NULL), BCP_ERR_NOT_FOUND);
    bcp_workspace_free(ws);
}

/* An edit re-checks to what a fresh load of the edited text gives, and the
 * re-parse reused the tree: only the edited region changed. */
static void test_edit_matches_fresh_load(void **state)
{
    (void)state;
    const char *path = tmp_path("plan.bcp");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    assert_int_equal(bcp_document_open(ws, path, plan_text, strlen(plan_text)), BCP_OK);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, path, &plan), BCP_OK);
    bcp_diagnostics *before = bcp_plan_diagnostics(plan);
    assert_false(has_code(before, "E106"));
    bcp_plan_free(plan);
    bcp_diagnostics_free(before);

    /* contact.deputy -> contact.deptuy in the function: an undefined reference. */
    uint32_t at = offset_of(plan_text, "contact.deputy\n}") + 8;
    bcp_text_edit edit = {.start_byte = at, .end_byte = at + 6, .text = "deptuy", .length = 6};
    assert_int_equal(bcp_document_edit(ws, path, &edit, 1, &plan), BCP_OK);
    assert_non_null(plan);
    bcp_diagnostics *edited = bcp_plan_diagnostics(plan);
    assert_true(has_code(edited, "E106"));
    size_t len;
    const char *text = bcp_document_text(ws, path, &len);
    assert_non_null(strstr(text, "contact.deptuy"));
    bcp_diagnostics *fresh = fresh_diagnostics(path, text, len);
    assert_same_diagnostics(edited, fresh);
    const bcp_document *doc = bcp_workspace_document(ws, path);
    assert_true(doc->changed_range_count <= 1);
    assert_true(doc->changed_bytes <= 16);
    bcp_diagnostics_free(edited);
    bcp_diagnostics_free(fresh);
    bcp_plan_free(plan);

    /* Two edits in one call, the second on the first's result: a syntax error. */
    bcp_text_edit two[2] = {
        {.start_byte = at, .end_byte = at + 6, .text = "deputy", .length = 6},
        {.start_byte = offset_of(text, "  rto"), .end_byte = offset_of(text, "  rto") + 2, .text = "  = ", .length = 4},
    };
    assert_int_equal(bcp_document_edit(ws, path, two, 2, &plan), BCP_OK);
    edited = bcp_plan_diagnostics(plan);
    assert_true(bcp_diagnostics_has_syntax_errors(edited));
    text = bcp_document_text(ws, path, &len);
    fresh = fresh_diagnostics(path, text, len);
    assert_same_diagnostics(edited, fresh);
    bcp_diagnostics_free(edited);
    bcp_diagnostics_free(fresh);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

/* Many small random edits: after each, the incrementally parsed tree is the
 * tree a fresh parse of the text gives. */
static void test_random_edits_parse_like_fresh(void **state)
{
    (void)state;
    const char *path = tmp_path("random.bcp");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    assert_int_equal(bcp_document_open(ws, path, plan_text, strlen(plan_text)), BCP_OK);
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, ts_tree_language(bcp_workspace_document(ws, path)->tree));
    static const char *inserts[] = {"", "x", "\n", "{", "}", "\"", " = 4h", "é", "# c\n", "contact.owner"};
    unsigned seed = 12345;
    size_t reused = 0;
    for (int step = 0; step < 120; step++) {
        size_t len;
        bcp_document_text(ws, path, &len);
        seed = seed * 1103515245u + 12345u;
        uint32_t start = len ? (uint32_t)((seed >> 8) % len) : 0;
        seed = seed * 1103515245u + 12345u;
        uint32_t end = start + (uint32_t)((seed >> 8) % 4);
        if (end > len)
            end = (uint32_t)len;
        const char *ins = inserts[(seed >> 16) % 10];
        bcp_text_edit e = {.start_byte = start, .end_byte = end, .text = ins, .length = strlen(ins)};
        assert_int_equal(bcp_document_edit(ws, path, &e, 1, NULL), BCP_OK);
        const bcp_document *doc = bcp_workspace_document(ws, path);
        /* Through the same front door: text the pre-scan refuses parses as empty text. */
        TSTree *fresh = bcp_syntax_parse_text(parser, NULL, doc->text, (uint32_t)doc->length);
        char *a = ts_node_string(ts_tree_root_node(doc->tree));
        char *b = ts_node_string(ts_tree_root_node(fresh));
        assert_string_equal(a, b);
        free(a);
        free(b);
        ts_tree_delete(fresh);
        reused += doc->changed_bytes < doc->length / 2;
    }
    /* Most small edits leave most of the tree as it was. */
    assert_true(reused > 60);
    ts_parser_delete(parser);
    bcp_workspace_free(ws);
}

/* --------------------------------------------------------------- loading */

static bcp_status provide(void *user, const char *path, char **text, size_t *length)
{
    const char *const *files = user;
    for (size_t i = 0; files[i]; i += 2) {
        size_t n = strlen(path), k = strlen(files[i]);
        if (n >= k && strcmp(path + n - k, files[i]) == 0) {
            *length = strlen(files[i + 1]);
            *text = bcp_malloc(*length ? *length : 1);
            memcpy(*text, files[i + 1], *length);
            return BCP_OK;
        }
    }
    return BCP_ERR_NOT_FOUND;
}

static void test_provider_serves_plan_and_imports(void **state)
{
    (void)state;
    const char *files[] = {
        "/prov/plan.bcp", "use \"people.bcp\"\n"
                          "plan p { title = \"P\"\n organization = \"O\"\n owner = contact.boss\n }\n",
        "/prov/people.bcp", "contact boss { name = \"B\"\n role = \"R\"\n }\n",
        NULL,
    };
    write_file("prov-unused.bcp", "");
    bcp_file_provider provider = {.read = provide, .user = (void *)files};
    bcp_workspace_options opts = {.files = &provider};
    bcp_workspace *ws = bcp_workspace_new(&opts);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, tmp_path("prov/plan.bcp"), &plan), BCP_OK);
    assert_int_equal(bcp_plan_file_count(plan), 2);
    const bcp_entity *boss = bcp_plan_find(plan, "contact", "boss");
    assert_non_null(boss);
    assert_ptr_equal(bcp_value_target(bcp_attribute_value(bcp_entity_attribute(bcp_plan_root(plan), "owner"))),
                     boss);
    bcp_plan_free(plan);
    assert_int_equal(bcp_workspace_load(ws, tmp_path("prov/missing.bcp"), &plan), BCP_ERR_NOT_FOUND);
    bcp_workspace_free(ws);
}

/* A module is checked with the plan of its project that imports it; its own
 * diagnostics are reported, the plan's are not. */
static void test_module_loads_with_its_plan(void **state)
{
    (void)state;
    write_file("mplan.bcp", "use \"mod.bcp\"\n"
                            "plan m { title = \"M\"\n organization = \"O\"\n owner = contact.boss\n bogus = 1\n }\n");
    write_file("mod.bcp", "contact boss { name = \"B\"\n role = \"R\"\n }\n"
                          "function f { title = \"F\"\n rto = 4h\n owner = contact.boss\n deputy = contact.nobody\n }\n");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, tmp_path("mod.bcp"), &plan), BCP_OK);
    assert_non_null(bcp_plan_root(plan));
    assert_string_equal(bcp_entity_id(bcp_plan_root(plan)), "m");
    bcp_diagnostics *set = bcp_plan_diagnostics(plan);
    assert_true(has_code(set, "E106"));   /* contact.nobody, in the module */
    for (size_t i = 0; i < bcp_diagnostics_count(set); i++)
        assert_non_null(strstr(bcp_diagnostics_get(set, i)->location.path, "mod.bcp"));
    bcp_diagnostics_free(set);
    bcp_plan_free(plan);

    /* An open document's unsaved text wins over the disk. */
    const char *fixed = "contact boss { name = \"B\"\n role = \"R\"\n }\n";
    assert_int_equal(bcp_document_open(ws, tmp_path("mod.bcp"), fixed, strlen(fixed)), BCP_OK);
    assert_int_equal(bcp_workspace_load(ws, tmp_path("mplan.bcp"), &plan), BCP_OK);
    assert_null(bcp_plan_find(plan, "function", "f"));
    set = bcp_plan_diagnostics(plan);
    assert_false(has_code(set, "E106"));
    assert_true(bcp_diagnostics_count(set) > 0); /* `bogus` in the plan */
    bcp_diagnostics_free(set);
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

/* --------------------------------------------------------------- queries */

/* A date the loader refuses (E104) is no date to the API either: fuzz
 * finding parse/crash-a5a4963f, where bcp_value_date gave "-5877641-0". */
static void test_refused_date_is_no_date(void **state)
{
    (void)state;
    write_file("baddate.bcp", "plan p {\n  title = \"T\"\n  organization = \"O\"\n  reviewed = 2026-6-1\n"
                              "  approved = 2026-02-30\n  effective = 2026-07-01\n}\n");
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, tmp_path("baddate.bcp"), &plan), BCP_OK);
    bcp_diagnostics *set = bcp_plan_diagnostics(plan);
    assert_true(has_code(set, "E104"));
    bcp_diagnostics_free(set);
    const bcp_entity *root = bcp_plan_root(plan);
    int32_t days = 12345;
    char iso[11] = "unchanged";
    const char *refused[] = {"reviewed", "approved"};
    for (size_t i = 0; i < 2; i++) {
        const bcp_attribute *a = bcp_entity_attribute(root, refused[i]);
        if (a)
            assert_false(bcp_value_date(bcp_attribute_value(a), &days, iso));
    }
    assert_int_equal(days, 12345);
    assert_string_equal(iso, "unchanged");
    assert_true(bcp_value_date(bcp_attribute_value(bcp_entity_attribute(root, "effective")), &days, iso));
    assert_string_equal(iso, "2026-07-01");
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static bcp_plan *load_minimal(bcp_workspace **ws)
{
    *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(*ws, "examples/minimal.bcp", &plan), BCP_OK);
    return plan;
}

static void test_entities_and_values(void **state)
{
    (void)state;
    bcp_workspace *ws;
    bcp_plan *plan = load_minimal(&ws);
    bcp_diagnostics *set = bcp_plan_diagnostics(plan);
    assert_int_equal(bcp_diagnostics_count(set), 0);
    bcp_diagnostics_free(set);
    assert_string_equal(bcp_plan_file(plan, 0), "examples/minimal.bcp");
    assert_null(bcp_plan_file(plan, 1));

    const bcp_entity *root = bcp_plan_root(plan);
    assert_string_equal(bcp_entity_kind_name(root), "plan");
    assert_string_equal(bcp_entity_title(root), "Acme Ltd business continuity plan");
    char iso[11];
    int32_t days;
    assert_true(bcp_value_date(bcp_attribute_value(bcp_entity_attribute(root, "reviewed")), &days, iso));
    assert_string_equal(iso, "2026-09-01");
    assert_int_equal(days, 20697);

    assert_int_equal(bcp_plan_entity_count(plan, "function"), 1);
    assert_int_equal(bcp_plan_entity_count(plan, "no-such-kind"), 0);
    const bcp_entity *f = bcp_plan_entity(plan, "function", 0);
    assert_ptr_equal(f, bcp_plan_find(plan, "function", "service"));
    assert_null(bcp_plan_find(plan, "function", "nothing"));
    bcp_location loc = bcp_entity_id_location(f);
    assert_string_equal(loc.path, "examples/minimal.bcp");
    assert_int_equal(loc.line, 13);
    assert_int_equal(loc.column, 10);
    assert_int_equal(bcp_entity_location(f).end_line, 45);

    const bcp_attribute *rto = bcp_entity_attribute(f, "rto");
    assert_string_equal(bcp_attribute_name(rto), "rto");
    assert_int_equal(bcp_attribute_name_location(rto).line, 15);
    assert_int_equal(bcp_attribute_name_location(rto).column, 3);
    const bcp_value *v = bcp_attribute_value(rto);
    assert_int_equal(bcp_value_get_type(v), BCP_VALUE_DURATION);
    int64_t seconds;
    int32_t months;
    assert_true(bcp_value_duration(v, &seconds, &months));
    assert_int_equal(seconds, 86400);
    assert_int_equal(months, 0);
    assert_int_equal(bcp_value_location(v).column, 23);
    assert_false(bcp_value_text(v, NULL, NULL));
    assert_false(bcp_value_integer(v, NULL));

    const bcp_entity *ex = bcp_plan_find(plan, "exercise", "walkthrough");
    assert_true(bcp_value_duration(bcp_attribute_value(bcp_entity_attribute(ex, "every")), &seconds, &months));
    assert_int_equal(months, 12);
    const bcp_value *covers = bcp_attribute_value(bcp_entity_attribute(ex, "covers"));
    assert_int_equal(bcp_value_get_type(covers), BCP_VALUE_LIST);
    assert_int_equal(bcp_value_item_count(covers), 1);
    const char *kind, *id;
    assert_true(bcp_value_reference(bcp_value_item(covers, 0), &kind, &id));
    assert_string_equal(kind, "function");
    assert_string_equal(id, "service");
    assert_ptr_equal(bcp_value_target(bcp_value_item(covers, 0)), f);
    const char *name;
    assert_true(bcp_value_name(bcp_attribute_value(bcp_entity_attribute(ex, "kind")), &name));
    assert_string_equal(name, "walkthrough");

    const bcp_entity *owner = bcp_plan_find(plan, "contact", "owner");
    int64_t tier;
    assert_true(bcp_value_integer(bcp_attribute_value(bcp_entity_attribute(owner, "tier")), &tier));
    assert_int_equal(tier, 1);
    const char *text;
    size_t len;
    assert_true(bcp_value_text(bcp_attribute_value(bcp_entity_attribute(owner, "name")), &text, &len));
    assert_string_equal(text, "Alex Chen");
    assert_int_equal(len, 9);
    assert_null(bcp_entity_parent(owner));
    assert_false(bcp_entity_is_default(owner));

    /* Catalogue entries come from the standard library. */
    const bcp_entity *micro = bcp_value_target(bcp_attribute_value(bcp_entity_attribute(root, "size")));
    assert_non_null(micro);
    assert_true(bcp_entity_is_default(micro));
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_references_and_referrers(void **state)
{
    (void)state;
    bcp_workspace *ws;
    bcp_plan *plan = load_minimal(&ws);
    const bcp_entity *f = bcp_plan_find(plan, "function", "service");
    /* owner, deputy, needs = [system.email] */
    assert_int_equal(bcp_entity_reference_count(f), 3);
    bcp_reference r;
    assert_true(bcp_entity_reference(f, 1, &r));
    assert_string_equal(bcp_attribute_name(r.attribute), "deputy");
    assert_ptr_equal(r.target, bcp_plan_find(plan, "contact", "deputy"));
    assert_ptr_equal(r.from, f);
    assert_true(bcp_entity_reference(f, 2, &r));
    assert_string_equal(bcp_attribute_name(r.attribute), "needs");
    assert_ptr_equal(r.target, bcp_plan_find(plan, "system", "email"));
    assert_false(bcp_entity_reference(f, 3, &r));

    const bcp_entity *owner = bcp_plan_find(plan, "contact", "owner");
    size_t n = bcp_plan_referrer_count(plan, owner);
    /* plan, function, contact deputy, team crisis */
    assert_int_equal(n, 4);
    bool from_team = false;
    for (size_t i = 0; i < n; i++)
        from_team = from_team || strcmp(bcp_entity_kind_name(bcp_plan_referrer(plan, owner, i)), "team") == 0;
    assert_true(from_team);
    assert_null(bcp_plan_referrer(plan, owner, n));
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_entity_at_position(void **state)
{
    (void)state;
    bcp_workspace *ws;
    bcp_plan *plan = load_minimal(&ws);
    size_t len;
    const char *text = bcp_plan_file_text(plan, 0, &len);
    uint32_t off;
    /* line 15: `  rto      = 24h` */
    assert_int_equal(bcp_text_offset(text, len, 15, 16, BCP_COLUMN_CODE_POINTS, &off), BCP_OK);
    const bcp_attribute *attr;
    const bcp_entity *e = bcp_plan_entity_at(plan, "examples/minimal.bcp", off, &attr);
    assert_non_null(e);
    assert_string_equal(bcp_entity_id(e), "service");
    assert_non_null(attr);
    assert_string_equal(bcp_attribute_name(attr), "rto");
    /* Another name of the file; a blank line inside no block. */
    char abs[4096];
    assert_non_null(getcwd(abs, sizeof abs - 32));
    strcat(abs, "/examples/minimal.bcp");
    assert_int_equal(bcp_text_offset(text, len, 12, 1, BCP_COLUMN_CODE_POINTS, &off), BCP_OK);
    assert_null(bcp_plan_entity_at(plan, abs, off, &attr));
    assert_null(attr);
    /* Inside the block, between attributes: the entity, no attribute. */
    assert_int_equal(bcp_text_offset(text, len, 16, 1, BCP_COLUMN_CODE_POINTS, &off), BCP_OK);
    e = bcp_plan_entity_at(plan, abs, off, &attr);
    assert_string_equal(bcp_entity_id(e), "service");
    assert_null(attr);
    assert_null(bcp_plan_entity_at(plan, "elsewhere.bcp", off, NULL));
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

static void test_text_offsets(void **state)
{
    (void)state;
    /* é: 2 bytes, 1 code point, 1 UTF-16 unit; 𝄞: 4 bytes, 1 code point, 2 units. */
    const char *t = "ab\n\xC3\xA9\xF0\x9D\x84\x9Ez\nlast";
    size_t n = strlen(t);
    uint32_t off, line, col;
    assert_int_equal(bcp_text_offset(t, n, 2, 2, BCP_COLUMN_CODE_POINTS, &off), BCP_OK);
    assert_int_equal(off, 5);
    assert_int_equal(bcp_text_offset(t, n, 2, 3, BCP_COLUMN_CODE_POINTS, &off), BCP_OK);
    assert_int_equal(off, 9);
    assert_int_equal(bcp_text_offset(t, n, 2, 4, BCP_COLUMN_UTF16, &off), BCP_OK);
    assert_int_equal(off, 9);
    assert_int_equal(bcp_text_offset(t, n, 2, 3, BCP_COLUMN_UTF16, &off), BCP_OK);
    assert_int_equal(off, 5); /* inside the surrogate pair: the character's start */
    assert_int_equal(bcp_text_offset(t, n, 2, 4, BCP_COLUMN_CODE_POINTS, &off), BCP_OK);
    assert_int_equal(off, 10);
    assert_int_equal(bcp_text_offset(t, n, 2, 8, BCP_COLUMN_BYTES, &off), BCP_OK);
    assert_int_equal(off, 10);
    assert_int_equal(bcp_text_offset(t, n, 2, 99, BCP_COLUMN_UTF16, &off), BCP_OK);
    assert_int_equal(off, 10); /* the end of the line */
    assert_int_equal(bcp_text_offset(t, n, 3, 5, BCP_COLUMN_UTF16, &off), BCP_OK);
    assert_int_equal(off, n);
    assert_int_equal(bcp_text_offset(t, n, 4, 1, BCP_COLUMN_UTF16, &off), BCP_ERR_INVALID);
    assert_int_equal(bcp_text_offset(t, n, 0, 1, BCP_COLUMN_UTF16, &off), BCP_ERR_INVALID);
    bcp_text_position(t, n, 9, BCP_COLUMN_UTF16, &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 4);
    bcp_text_position(t, n, 9, BCP_COLUMN_CODE_POINTS, &line, &col);
    assert_int_equal(col, 3);
    bcp_text_position(t, n, 1000, BCP_COLUMN_BYTES, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 5);
}

static void test_schema_docs(void **state)
{
    (void)state;
    assert_int_equal(bcp_kind_total() > 20, true);
    assert_string_equal(bcp_kind_at(0), "plan");
    assert_null(bcp_kind_at(bcp_kind_total()));
    bcp_kind_doc k;
    assert_int_equal(bcp_kind_doc_get("function", &k), BCP_OK);
    assert_string_equal(k.name, "function");
    assert_true(k.needs_id);
    assert_non_null(k.doc);
    assert_true(k.attribute_count > 3);
    assert_int_equal(bcp_kind_doc_get("nope", &k), BCP_ERR_NOT_FOUND);
    bcp_attribute_doc a;
    assert_int_equal(bcp_attribute_doc_get("function", "rto", &a), BCP_OK);
    assert_string_equal(a.type, "duration");
    assert_false(a.required);
    assert_string_equal(a.example, "24h");
    assert_int_equal(bcp_attribute_doc_get("function", "title", &a), BCP_OK);
    assert_true(a.required);
    assert_non_null(a.doc);
    assert_int_equal(bcp_attribute_doc_get("function", "nope", &a), BCP_ERR_NOT_FOUND);
    assert_int_equal(bcp_attribute_doc_get("exercise", "kind", &a), BCP_OK);
    assert_non_null(a.allowed);
    size_t seen = 0;
    for (size_t i = 0; bcp_attribute_doc_at("function", i, &a) == BCP_OK; i++)
        seen++;
    assert_int_equal(seen, k.attribute_count);
}

/* --------------------------------------------------------------- threads */

typedef struct thread_job {
    const bcp_plan *plan;
    unsigned long checksum;
} thread_job;

/* Walks every entity, attribute, reference, referrer and derived fact; the
 * sum of what it saw is the same on every thread. */
static void *query_everything(void *arg)
{
    thread_job *job = arg;
    unsigned long sum = 0;
    for (int round = 0; round < 20; round++) {
        for (size_t k = 0; k < bcp_kind_total(); k++) {
            const char *kind = bcp_kind_at(k);
            for (size_t i = 0; i < bcp_plan_entity_count(job->plan, kind); i++) {
                const bcp_entity *e = bcp_plan_entity(job->plan, kind, i);
                sum += bcp_entity_attribute_count(e) + bcp_entity_reference_count(e) * 3 +
                       bcp_plan_referrer_count(job->plan, e) * 7 + bcp_entity_location(e).line;
                if (bcp_entity_id(e))
                    sum += bcp_plan_find(job->plan, kind, bcp_entity_id(e)) == e;
                /* The derived facts, the orders included, only read too. */
                int32_t due;
                bcp_rpo_status rpo;
                sum += (unsigned long)bcp_plan_risk_score(job->plan, e) * 11 +
                       (bcp_plan_risk_level(job->plan, e) != NULL) + bcp_plan_is_critical(job->plan, e) +
                       (bcp_plan_next_due(job->plan, e, &due, NULL) ? (unsigned long)due : 0) +
                       bcp_plan_rpo_status(job->plan, e, &rpo) * 13 +
                       (bcp_plan_sorted(job->plan, kind, i) != NULL);
                bcp_location at = bcp_entity_id_location(e);
                if (at.path && !bcp_entity_is_default(e))
                    sum += bcp_plan_entity_at(job->plan, at.path, at.start_byte, NULL) != NULL;
            }
        }
        bcp_diagnostics *set = bcp_plan_diagnostics(job->plan);
        sum += bcp_diagnostics_count(set);
        bcp_diagnostics_free(set);
    }
    job->checksum = sum;
    return NULL;
}

static void test_one_plan_four_threads(void **state)
{
    (void)state;
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    assert_int_equal(bcp_workspace_load(ws, "examples/huadong/plan.bcp", &plan), BCP_OK);
    assert_true(bcp_plan_file_count(plan) >= 4);
    thread_job alone = {.plan = plan};
    query_everything(&alone);
    assert_true(alone.checksum > 1000);
    pthread_t threads[4];
    thread_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){.plan = plan};
        assert_int_equal(pthread_create(&threads[i], NULL, query_everything, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        assert_int_equal(pthread_join(threads[i], NULL), 0);
        assert_int_equal(jobs[i].checksum, alone.checksum);
    }
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_open_read_close),
        cmocka_unit_test(test_edit_out_of_range_changes_nothing),
        cmocka_unit_test(test_edit_matches_fresh_load),
        cmocka_unit_test(test_random_edits_parse_like_fresh),
        cmocka_unit_test(test_provider_serves_plan_and_imports),
        cmocka_unit_test(test_module_loads_with_its_plan),
        cmocka_unit_test(test_refused_date_is_no_date),
        cmocka_unit_test(test_entities_and_values),
        cmocka_unit_test(test_references_and_referrers),
        cmocka_unit_test(test_entity_at_position),
        cmocka_unit_test(test_text_offsets),
        cmocka_unit_test(test_schema_docs),
        cmocka_unit_test(test_one_plan_four_threads),
    };
    return cmocka_run_group_tests_name("api", tests, setup, teardown);
}
