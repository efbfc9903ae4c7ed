/* The typed model: references, catalogues, scores, the model errors with
 * their messages and positions, the stdlib override, locale overlays,
 * referrers and imports (fixtures under tests/fixtures/imports, run from the
 * repository root as the Makefile does). */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <stdlib.h>
#include <unistd.h>

#include "model/workspace.h"
#include "test_tmp.h"

#define FIXTURES "tests/fixtures/imports/"

/* ------------------------------------------------------------ references */

static void test_references_resolve(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n"
                             "  title = \"P\"\n"
                             "  organization = \"O\"\n"
                             "  owner = contact.alex\n"
                             "}\n"
                             "contact alex { name = \"Alex\" substitute = contact.sam }\n"
                             "contact sam { name = \"Sam\" }\n"
                             "team crisis { title = \"Crisis\" lead = contact.alex }\n"
                             "function f { title = \"F\" owner = team.crisis needs = [system.erp, contact.sam] }\n"
                             "system erp { title = \"ERP\" }\n");
    assert_clean(m);
    bcp_entity *alex = find_entity(m, BCP_KIND_CONTACT, "alex");
    bcp_entity *sam = find_entity(m, BCP_KIND_CONTACT, "sam");
    bcp_entity *crisis = find_entity(m, BCP_KIND_TEAM, "crisis");
    assert_ptr_equal(bcp_entity_ref(bcp_model_plan(m), "owner"), alex);
    assert_ptr_equal(bcp_entity_ref(alex, "substitute"), sam);
    assert_ptr_equal(bcp_entity_ref(crisis, "lead"), alex);
    bcp_entity *f = find_entity(m, BCP_KIND_FUNCTION, "f");
    /* A reference to one of several allowed kinds. */
    assert_ptr_equal(bcp_entity_ref(f, "owner"), crisis);
    const bcp_value *needs = bcp_entity_value(f, "needs");
    assert_int_equal(needs->as.list.count, 2);
    assert_ptr_equal(needs->as.list.items[0].as.ref.target, find_entity(m, BCP_KIND_SYSTEM, "erp"));
    assert_ptr_equal(needs->as.list.items[1].as.ref.target, sam);
    assert_null(bcp_entity_ref(f, "deputy"));
    assert_string_equal(bcp_entity_label(alex), "Alex");
    assert_string_equal(bcp_entity_label(f), "F");
    bcp_model_free(m);
}

static void test_reference_wrong_kind(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  owner = site.hq\n"
                             "  deputy = contcat.x\n"
                             "}\n"
                             "site hq { name = \"HQ\" }\n");
    assert_diag_hint(m, "E107", 3, 11, "`owner` of function `f` must refer to contact|team, not to a site",
                     "write KIND.ID with contact/team");
    assert_diag(m, "E107", 4, 12, "`contcat.x` does not name a kind of entity");
    assert_null(bcp_entity_ref(find_entity(m, BCP_KIND_FUNCTION, "f"), "owner"));
    bcp_model_free(m);
}

static void test_reference_undefined(void **state)
{
    (void)state;
    bcp_model *m = load_text("contact operations_lead { name = \"Ops\" }\n"
                             "function f {\n"
                             "  title = \"F\"\n"
                             "  owner = contact.operation_lead\n"
                             "  needs = [system.nothing_like_it]\n"
                             "}\n");
    assert_diag_hint(m, "E106", 4, 11,
                     "undefined reference `contact.operation_lead`: no contact with id `operation_lead`",
                     "did you mean `contact.operations_lead`?");
    const bcp_diag *d = find_diag_at(m, "E106", 5, 12, "undefined reference `system.nothing_like_it`", NULL);
    assert_non_null(d);
    assert_null(d->hint); /* nothing close enough to suggest */
    assert_int_equal(count_code(m, "E106"), 2);
    bcp_model_free(m);
}

static void test_reference_bare_name(void **state)
{
    (void)state;
    bcp_model *m = load_text("contact alex { name = \"Alex\" substitute = sam }\n"
                             "contact sam { name = \"Sam\" }\n");
    assert_diag_hint(m, "E103", 1, 43, "`substitute` expects a reference such as `contact.sam`, not the bare name `sam`",
                     "write contact.sam");
    bcp_model_free(m);
}

/* ------------------------------------------------------------ catalogues */

static void test_catalogue_channels(void **state)
{
    (void)state;
    bcp_model *m = load_text("message m {\n"
                             "  title = \"M\"\n"
                             "  channels = [phone, email, emial, carrier_pigeon]\n"
                             "}\n");
    const bcp_value *v = bcp_entity_value(find_entity(m, BCP_KIND_MESSAGE, "m"), "channels");
    assert_int_equal(v->as.list.count, 4);
    bcp_entity *phone = find_entity(m, BCP_KIND_CHANNEL, "phone");
    bcp_entity *email = find_entity(m, BCP_KIND_CHANNEL, "email");
    assert_true(phone->from_stdlib);
    assert_int_equal(v->as.list.items[0].kind, BCP_V_IDENT);
    assert_ptr_equal(v->as.list.items[0].as.ident.target, phone);
    assert_ptr_equal(v->as.list.items[1].as.ident.target, email);
    assert_null(v->as.list.items[2].as.ident.target);
    assert_diag_hint(m, "E106", 3, 29, "unknown channel `emial`", "did you mean `email`?");
    assert_diag_hint(m, "E106", 3, 36, "unknown channel `carrier_pigeon`",
                     "declare it with `channel carrier_pigeon { ... }`");
    assert_int_equal(count_code(m, "E106"), 2);
    bcp_model_free(m);
}

static void test_catalogue_plan_defined(void **state)
{
    (void)state;
    /* A plan may add to a catalogue and then use the new entry. */
    bcp_model *m = load_text("channel carrier_pigeon { medium = text }\n"
                             "message m { title = \"M\" channels = [carrier_pigeon] }\n");
    assert_clean(m);
    const bcp_value *v = bcp_entity_value(find_entity(m, BCP_KIND_MESSAGE, "m"), "channels");
    assert_ptr_equal(v->as.list.items[0].as.ident.target, find_entity(m, BCP_KIND_CHANNEL, "carrier_pigeon"));
    bcp_model_free(m);
}

static void test_scores(void **state)
{
    (void)state;
    bcp_model *m = load_text("risk a { title = \"A\" category = natural likelihood = high impact = 5 }\n"
                             "risk b { title = \"B\" category = technical likelihood = 1 impact = severe }\n"
                             "risk c { title = \"C\" category = natural likelihood = hihg impact = 6 }\n");
    bcp_entity *a = find_entity(m, BCP_KIND_RISK, "a");
    assert_int_equal(bcp_entity_score(a, "likelihood"), 4);
    assert_int_equal(bcp_entity_score(a, "impact"), 5);
    assert_ptr_equal(bcp_entity_ref(a, "likelihood"), find_entity(m, BCP_KIND_LIKELIHOOD_LEVEL, "high"));
    assert_ptr_equal(bcp_entity_ref(a, "category"), find_entity(m, BCP_KIND_RISK_CATEGORY, "natural"));
    bcp_entity *b = find_entity(m, BCP_KIND_RISK, "b");
    assert_int_equal(bcp_entity_score(b, "likelihood"), 1);
    assert_int_equal(bcp_entity_score(b, "impact"), 5);
    bcp_entity *c = find_entity(m, BCP_KIND_RISK, "c");
    assert_int_equal(bcp_entity_score(c, "likelihood"), 0);
    assert_int_equal(bcp_entity_score(c, "impact"), 0);
    assert_int_equal(bcp_entity_score(c, "absent"), 0);
    assert_diag_hint(m, "E106", 3, 54, "unknown likelihood_level `hihg`", "did you mean `high`?");
    assert_diag(m, "E114", 3, 68, "`impact` must be between 1 and 5, not 6");
    bcp_model_free(m);
}

/* ------------------------------------------------------------ model errors */

static void test_duplicate_id(void **state)
{
    (void)state;
    bcp_model *m = load_text("contact alex { name = \"A\" }\n"
                             "site alex { name = \"Same id, other kind: fine\" }\n"
                             "\n"
                             "contact  alex { name = \"B\" }\n");
    assert_diag_hint(m, "E108", 4, 10, "duplicate id: contact `alex` is already defined",
                     "ids must be unique within a kind");
    assert_note(m, "E108", 1, 9, "first defined here");
    assert_diag_count(m, 1);
    /* The first definition stays the one references find. */
    assert_string_equal(bcp_entity_text(find_entity(m, BCP_KIND_CONTACT, "alex"), "name"), "A");
    bcp_model_free(m);
}

static void test_unknown_kind(void **state)
{
    (void)state;
    bcp_model *m = load_text("funtion f { title = \"F\" }\n"
                             "  gizmo g { title = \"G\" }\n");
    assert_diag_hint(m, "E101", 1, 1, "unknown entity kind `funtion`", "did you mean `function`?");
    assert_diag_hint(m, "E101", 2, 3, "unknown entity kind `gizmo`", "entity kinds are plan, site");
    assert_diag_count(m, 2);
    bcp_model_free(m);
}

static void test_unknown_attribute(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  tilte = \"typo\"\n"
                             "  colour = \"blue\"\n"
                             "}\n");
    assert_diag_hint(m, "E102", 3, 3, "unknown attribute `tilte` for function", "did you mean `title`?");
    assert_diag_hint(m, "E102", 4, 3, "unknown attribute `colour` for function", "function takes: title, description");
    assert_diag_count(m, 2);
    bcp_model_free(m);
}

static void test_wrong_value_type(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  rto = high\n"
                             "  critical = \"yes\"\n"
                             "}\n"
                             "site s { name = 42 kind = spaceport }\n"
                             "site t { name = \"T\" kind = factroy }\n"
                             "site u { name = \"U\" kind = \"office\" }\n");
    assert_diag_hint(m, "E103", 3, 9, "`rto` of function `f` expects duration, not a name", "for example: rto = 24h");
    assert_diag(m, "E103", 4, 14, "`critical` of function `f` expects boolean, not a string");
    assert_diag(m, "E103", 6, 17, "`name` of site `s` expects text, not an integer");
    const bcp_diag *d = find_diag_at(m, "E103", 6, 27, "`kind` must be one of headquarters|office", NULL);
    assert_non_null(d);
    assert_null(d->hint);
    assert_diag_hint(m, "E103", 7, 28, "not `factroy`", "did you mean `factory`?");
    assert_diag_hint(m, "E103", 8, 28, "not `office`", "write the name without quotes: office");
    assert_diag_count(m, 6);
    bcp_model_free(m);
}

static void test_missing_required(void **state)
{
    (void)state;
    bcp_model *m = load_text("site s {}\n"
                             "risk r {\n"
                             "  title = \"R\"\n"
                             "}\n");
    assert_diag_hint(m, "E109", 1, 6, "site `s` is missing required attribute `name`", "add: name = ");
    assert_diag(m, "E109", 2, 6, "risk `r` is missing required attribute `category`");
    assert_diag(m, "E109", 2, 6, "risk `r` is missing required attribute `likelihood`");
    assert_diag(m, "E109", 2, 6, "risk `r` is missing required attribute `impact`");
    assert_diag_count(m, 4);
    bcp_model_free(m);
}

static void test_multiple_plans(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan a { title = \"A\" organization = \"O\" }\n"
                             "plan b { title = \"B\" organization = \"O\" }\n");
    assert_diag_hint(m, "E110", 2, 6, "more than one `plan` block", "other files are modules");
    assert_note(m, "E110", 1, 6, "the first `plan` block");
    assert_diag_count(m, 1);
    assert_string_equal(bcp_model_plan(m)->id, "a");
    bcp_model_free(m);
}

static void test_duplicate_attribute(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  rto = 4h\n"
                             "  rto = 8h\n"
                             "}\n");
    assert_diag(m, "E115", 4, 3, "`rto` is set twice");
    assert_note(m, "E115", 3, 3, "first set here");
    assert_diag_count(m, 1);
    bcp_model_free(m);
}

static void test_missing_id_and_misplaced(void **state)
{
    (void)state;
    bcp_model *m = load_text("contact { name = \"A\" }\n"
                             "backup { every = 1d }\n"
                             "system erp { title = \"ERP\" site x { name = \"X\" } backup { every = 1d } }\n");
    assert_diag_hint(m, "E116", 1, 1, "this `contact` block needs an id", "write `contact NAME { ... }`");
    assert_diag_hint(m, "E117", 2, 1, "a `backup` block belongs inside another block", "system erp { backup");
    assert_diag(m, "E117", 3, 28, "a `site` block cannot stand inside `system`");
    assert_diag_count(m, 3);
    bcp_entity *erp = find_entity(m, BCP_KIND_SYSTEM, "erp");
    assert_int_equal(erp->child_count, 1);
    assert_int_equal(erp->children[0]->kind, BCP_KIND_BACKUP);
    assert_ptr_equal(erp->children[0]->parent, erp);
    bcp_model_free(m);
}

static void test_syntax_errors_do_not_cascade(void **state)
{
    (void)state;
    /* The parser's recovery makes `role "Boss"` a block of kind `role` and
     * nests `site c` in `contact a`; neither may add model errors. */
    bcp_model *m = load_text("contact a {\n"
                             "  name = \"A\"\n"
                             "  role \"Boss\"\n"
                             "}\n"
                             "contact b {\n"
                             "  name = = \"B\"\n"
                             "}\n"
                             "site c {\n"
                             "  name = \"C\n"
                             "}\n");
    assert_true(bcp_model_has_syntax_errors(m));
    assert_diag(m, "E002", 3, 3, "missing '=' between `role` and its value");
    assert_diag(m, "E001", 6, 10, "syntax error: unexpected '='");
    assert_diag(m, "E002", 9, 10, "missing '\"' to close the string");
    assert_int_equal(count_code(m, "E101"), 0);
    assert_int_equal(count_code(m, "E109"), 0);
    assert_int_equal(count_code(m, "E117"), 0);
    const bcp_diag_list *diags = bcp_model_diags(m);
    for (size_t i = 0; i < diags->count; i++)
        assert_true(diags->items[i].is_syntax);
    bcp_model_free(m);
}

/* ------------------------------------------------------------ stdlib */

static void test_stdlib_override(void **state)
{
    (void)state;
    bcp_model *m = load_text("channel phone { medium = text title = \"Landline\" }\n"
                             "message m { title = \"M\" channels = [phone] }\n");
    assert_clean(m);
    bcp_entity *phone = find_entity(m, BCP_KIND_CHANNEL, "phone");
    assert_false(phone->from_stdlib);
    assert_string_equal(bcp_entity_text(phone, "title"), "Landline");
    /* The overridden default is gone from the kind's list; the others stay. */
    const bcp_entity_list *channels = bcp_model_entities(m, BCP_KIND_CHANNEL);
    size_t phones = 0;
    for (size_t i = 0; i < channels->count; i++)
        if (strcmp(channels->items[i]->id, "phone") == 0)
            phones++;
    assert_int_equal(phones, 1);
    assert_non_null(bcp_model_find(m, BCP_KIND_CHANNEL, "email"));
    const bcp_value *v = bcp_entity_value(find_entity(m, BCP_KIND_MESSAGE, "m"), "channels");
    assert_ptr_equal(v->as.list.items[0].as.ident.target, phone);
    bcp_model_free(m);

    /* Without the prelude there is no catalogue to resolve against. */
    m = load_text_no_prelude("message m { title = \"M\" channels = [phone] }\n");
    assert_diag(m, "E106", 1, 37, "unknown channel `phone`");
    bcp_model_free(m);
}

/* ------------------------------------------------------------ locales */

static void test_locale_overlays(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f { title = \"Produktion\" description = \"Basis\" rto = 4h }\n"
                             "locale en {\n"
                             "  function f { title = \"Production\" }\n"
                             "}\n"
                             "locale de {}\n");
    assert_clean(m);
    bcp_entity *f = find_entity(m, BCP_KIND_FUNCTION, "f");
    assert_string_equal(bcp_model_text(m, f, "title", "en"), "Production");
    assert_string_equal(bcp_model_text(m, f, "title", NULL), "Produktion");
    assert_string_equal(bcp_model_text(m, f, "title", "fr"), "Produktion");
    /* An attribute the overlay does not translate falls back to the base. */
    assert_string_equal(bcp_model_text(m, f, "description", "en"), "Basis");
    assert_null(bcp_model_text(m, f, "fallback", "en"));
    /* The base entity itself is untouched. */
    assert_string_equal(bcp_entity_text(f, "title"), "Produktion");
    assert_int_equal(bcp_model_locale_count(m), 2);
    assert_string_equal(bcp_model_locale(m, 0), "de");
    assert_string_equal(bcp_model_locale(m, 1), "en");
    bcp_model_free(m);
}

static void test_locale_errors(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f { title = \"F\" rto = 4h }\n"
                             "locale en {\n"
                             "  function g { title = \"G\" }\n"
                             "  function f { title = \"F en\" rto = 5h }\n"
                             "}\n");
    assert_diag(m, "E106", 3, 12, "locale `en` translates function `g`, which is not defined");
    assert_diag_hint(m, "E118", 4, 31, "`rto` of function is not text that a locale can translate",
                     "only prose attributes");
    assert_diag_count(m, 2);
    /* The translatable part of the overlay still applies. */
    assert_string_equal(bcp_model_text(m, find_entity(m, BCP_KIND_FUNCTION, "f"), "title", "en"), "F en");
    bcp_model_free(m);
}

/* ------------------------------------------------------------ referrers */

static void test_referrers(void **state)
{
    (void)state;
    bcp_model *m = load_text("contact alex { name = \"Alex\" }\n"
                             "contact sam { name = \"Sam\" substitute = contact.alex }\n"
                             "function f { title = \"F\" owner = contact.alex key_people = [contact.alex] }\n"
                             "system erp { title = \"ERP\" backup { every = 1d } }\n"
                             "function g { title = \"G\" needs = [system.erp] }\n"
                             "message m { title = \"M\" channels = [phone, email, phone] }\n");
    assert_clean(m);
    bcp_entity *alex = find_entity(m, BCP_KIND_CONTACT, "alex");
    const bcp_entity_list *refs = bcp_model_referrers(m, alex);
    /* Two references from f count once; order follows the kinds and the source. */
    assert_int_equal(refs->count, 2);
    bool saw_sam = false, saw_f = false;
    for (size_t i = 0; i < refs->count; i++) {
        saw_sam = saw_sam || refs->items[i] == find_entity(m, BCP_KIND_CONTACT, "sam");
        saw_f = saw_f || refs->items[i] == find_entity(m, BCP_KIND_FUNCTION, "f");
    }
    assert_true(saw_sam && saw_f);
    refs = bcp_model_referrers(m, find_entity(m, BCP_KIND_SYSTEM, "erp"));
    assert_int_equal(refs->count, 1);
    assert_ptr_equal(refs->items[0], find_entity(m, BCP_KIND_FUNCTION, "g"));
    assert_int_equal(bcp_model_referrers(m, find_entity(m, BCP_KIND_FUNCTION, "g"))->count, 0);
    /* Catalogue entries know who uses them too. */
    refs = bcp_model_referrers(m, find_entity(m, BCP_KIND_CHANNEL, "phone"));
    assert_int_equal(refs->count, 1);
    assert_ptr_equal(refs->items[0], find_entity(m, BCP_KIND_MESSAGE, "m"));
    bcp_model_free(m);
}

/* ------------------------------------------------------------ imports */

static bcp_model *load_fixture(const char *path)
{
    if (access(path, R_OK) != 0) {
        print_message("fixture %s not found: run the tests from the repository root\n", path);
        fail();
    }
    return bcp_model_load(path, NULL);
}

static void test_imports(void **state)
{
    (void)state;
    bcp_model *m = load_fixture(FIXTURES "plan.bcp");
    assert_clean(m);
    /* The plan, sub/x.bcp and contacts.bcp, which both import: loaded once,
     * and named without the "sub/.." detour it was first reached by. */
    assert_int_equal(bcp_model_source_count(m), 3);
    assert_string_equal(bcp_model_source(m, 0)->path, FIXTURES "plan.bcp");
    assert_string_equal(bcp_model_source(m, 1)->path, FIXTURES "sub/x.bcp");
    assert_string_equal(bcp_model_source(m, 2)->path, FIXTURES "contacts.bcp");
    bcp_entity *owner = find_entity(m, BCP_KIND_CONTACT, "owner");
    bcp_entity *erp = find_entity(m, BCP_KIND_SYSTEM, "erp");
    assert_ptr_equal(bcp_entity_ref(bcp_model_plan(m), "owner"), owner);
    assert_ptr_equal(bcp_entity_ref(erp, "owner"), owner);
    assert_ptr_equal(owner->span.source, bcp_model_source(m, 2));
    bcp_model_free(m);
}

/* root -> b -> c -> b: the cycle is reported at c's `use`, with a note at the
 * import of b that began it. */
static void test_import_cycle_note(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-test-cycle-XXXXXX");
    assert_non_null(mkdtemp(dir));
    write_test_file(dir, "root.bcp", "use \"./b\"\ncontact r { name = \"R\" }\n");
    write_test_file(dir, "b.bcp", "use \"./c\"\n");
    write_test_file(dir, "c.bcp", "\nuse \"./b\"\n");
    char root[512];
    snprintf(root, sizeof root, "%s/root.bcp", dir);
    bcp_model *m = bcp_model_load(root, NULL);
    assert_diag(m, "E113", 2, 5, "import cycle: `./b` is already being imported");
    assert_note(m, "E113", 1, 5, "the cycle begins with this import");
    const bcp_diag *d = find_diag(m, "E113");
    assert_string_equal(d->notes[0].span.source->path, root);
    assert_diag_count(m, 1);
    bcp_model_free(m);
    const char *names[] = {"root.bcp", "b.bcp", "c.bcp"};
    for (size_t i = 0; i < 3; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        remove(path);
    }
    rmdir(dir);
}

static void test_import_cycle(void **state)
{
    (void)state;
    bcp_model *m = load_fixture(FIXTURES "cycle/a.bcp");
    const bcp_diag *d = find_diag(m, "E113");
    assert_non_null(d);
    assert_string_equal(d->span.source->path, FIXTURES "cycle/b.bcp");
    assert_diag(m, "E113", 1, 5, "import cycle: `./a.bcp` is already being imported");
    assert_diag_count(m, 1);
    /* Both files still contribute their entities. */
    find_entity(m, BCP_KIND_CONTACT, "a");
    find_entity(m, BCP_KIND_CONTACT, "b");
    bcp_model_free(m);
}

static void test_import_escape(void **state)
{
    (void)state;
    bcp_model *m = load_fixture(FIXTURES "escape/plan.bcp");
    assert_diag_hint(m, "E112", 1, 5, "import `../outside.bcp` leaves the plan's directory tree",
                     "a plan may only import files in its own folder (" FIXTURES "escape) and below it");
    assert_diag_count(m, 1);
    assert_null(bcp_model_find(m, BCP_KIND_CONTACT, "outsider"));
    bcp_model_free(m);
}

static void test_import_missing(void **state)
{
    (void)state;
    bcp_model *m = load_fixture(FIXTURES "missing/plan.bcp");
    assert_diag_hint(m, "E111", 1, 5, "cannot import `./nope.bcp`: ",
                     "looked for " FIXTURES "missing/nope.bcp: a path in `use` is relative to the file that contains it");
    assert_diag_count(m, 1);
    bcp_model_free(m);

    m = load_fixture(FIXTURES "stdnope/plan.bcp");
    assert_diag_hint(m, "E111", 1, 5, "no stdlib module `std/nope`", "did you mean `std/core`?");
    assert_diag_hint(m, "E111", 2, 5, "no stdlib module `std/cor`", "did you mean `std/core`?");
    assert_diag_count(m, 2);
    bcp_model_free(m);
}

static void test_import_diamond(void **state)
{
    (void)state;
    bcp_model *m = load_fixture(FIXTURES "diamond/plan.bcp");
    assert_clean(m); /* base.bcp once: no duplicate ids */
    assert_int_equal(bcp_model_source_count(m), 4);
    assert_int_equal(bcp_model_entities(m, BCP_KIND_CONTACT)->count, 3);
    assert_non_null(bcp_entity_ref(bcp_model_plan(m), "owner"));
    bcp_model_free(m);
}

static void test_load_many(void **state)
{
    (void)state;
    /* A module given together with the plan that imports it: one copy, shown
     * under the name it was given. */
    const char *paths[] = {FIXTURES "plan.bcp", "./" FIXTURES "contacts.bcp"};
    bcp_model *m = bcp_model_load_many(paths, 2, NULL);
    assert_clean(m);
    assert_int_equal(bcp_model_source_count(m), 3);
    assert_int_equal(bcp_model_entities(m, BCP_KIND_CONTACT)->count, 1);
    bcp_entity *owner = find_entity(m, BCP_KIND_CONTACT, "owner");
    assert_string_equal(owner->span.source->path, "./" FIXTURES "contacts.bcp");
    bcp_model_free(m);

    /* Two independent roots make one model. */
    const char *two[] = {FIXTURES "diamond/base.bcp", FIXTURES "cycle/b.bcp"};
    m = bcp_model_load_many(two, 2, NULL);
    find_entity(m, BCP_KIND_CONTACT, "base");
    find_entity(m, BCP_KIND_CONTACT, "a");
    find_entity(m, BCP_KIND_CONTACT, "b");
    assert_diag(m, "E113", 1, 5, "import cycle");
    bcp_model_free(m);

    /* A missing root is reported, not fatal. */
    const char *missing[] = {FIXTURES "no-such-file.bcp"};
    m = bcp_model_load_many(missing, 1, NULL);
    const bcp_diag *d = find_diag(m, "E100");
    assert_non_null(d);
    assert_non_null(strstr(d->message, "cannot read " FIXTURES "no-such-file.bcp"));
    assert_true(bcp_model_has_syntax_errors(m));
    bcp_model_free(m);
}

static bool declares_plan(const char *text)
{
    return bcp_text_declares_plan(text, strlen(text));
}

static void test_text_declares_plan(void **state)
{
    (void)state;
    assert_true(declares_plan("plan acme {\n}\n"));
    assert_true(declares_plan("# header\n  plan\tacme{ title = \"x\" }"));
    assert_true(declares_plan("\xEF\xBB\xBFplan acme {}"));
    assert_true(declares_plan("plan\nacme\n{\n}\n")); /* the grammar lets a header span lines */
    assert_false(declares_plan("contact plan { name = \"x\" }"));
    assert_false(declares_plan("# plan acme {\n"));
    assert_false(declares_plan("planet x {}"));
    assert_false(declares_plan("plan acme"));
    assert_false(declares_plan(""));
}

static void test_workspace_units(void **state)
{
    (void)state;
    /* A module alone is checked with the plan that imports it, reporting only
     * its own problems; a plan is its own unit. */
    char *files[] = {"tests/fixtures/project/contacts.bcp", "tests/fixtures/imports/plan.bcp"};
    bcp_unit_list units;
    bcp_workspace_units(files, 2, NULL, &units);
    assert_int_equal(units.count, 2);
    assert_int_equal(units.items[0].root_count, 1);
    assert_string_equal(units.items[0].roots[0], "tests/fixtures/imports/plan.bcp");
    assert_null(units.items[0].report_only);
    const bcp_unit *module = &units.items[1];
    assert_int_equal(module->root_count, 2);
    assert_non_null(strstr(module->roots[0], "tests/fixtures/project/plan.bcp"));
    assert_string_equal(module->roots[1], "tests/fixtures/project/contacts.bcp");
    assert_int_equal(module->report_count, 1);

    bcp_model *m = bcp_model_load_many((const char *const *)module->roots, module->root_count, NULL);
    const bcp_diag_list *diags = bcp_model_diags(m);
    size_t reported = 0;
    for (size_t i = 0; i < diags->count; i++) {
        if (!bcp_unit_reports(module, diags->items[i].span.source))
            continue;
        reported++;
        assert_string_equal(diags->items[i].code, "E106");
        assert_non_null(strstr(diags->items[i].message, "site.warehouse"));
        assert_string_equal(diags->items[i].span.source->path, "tests/fixtures/project/contacts.bcp");
    }
    assert_int_equal(reported, 1);
    bcp_model_free(m);
    bcp_unit_list_free(&units);
}

/* The importer found for a module alone is the unit's model as loaded:
 * the plan is not loaded a second time, and the module keeps the name the
 * user gave it. */
static void test_module_unit_keeps_importer_model(void **state)
{
    (void)state;
    char *files[] = {"tests/fixtures/project/contacts.bcp"};
    bcp_unit_list units;
    bcp_workspace_units(files, 1, NULL, &units);
    assert_int_equal(units.count, 1);
    assert_non_null(units.items[0].model);
    bcp_model *m = bcp_unit_take_model(&units.items[0], NULL);
    assert_null(units.items[0].model);
    const bcp_diag_list *diags = bcp_model_diags(m);
    size_t reported = 0;
    for (size_t i = 0; i < diags->count; i++) {
        if (!bcp_unit_reports(&units.items[0], diags->items[i].span.source))
            continue;
        reported++;
        assert_string_equal(diags->items[i].code, "E106");
        assert_string_equal(diags->items[i].span.source->path, "tests/fixtures/project/contacts.bcp");
    }
    assert_int_equal(reported, 1);
    bcp_model_free(m);
    bcp_unit_list_free(&units);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_module_unit_keeps_importer_model),
        cmocka_unit_test(test_references_resolve),
        cmocka_unit_test(test_reference_wrong_kind),
        cmocka_unit_test(test_reference_undefined),
        cmocka_unit_test(test_reference_bare_name),
        cmocka_unit_test(test_catalogue_channels),
        cmocka_unit_test(test_catalogue_plan_defined),
        cmocka_unit_test(test_scores),
        cmocka_unit_test(test_duplicate_id),
        cmocka_unit_test(test_unknown_kind),
        cmocka_unit_test(test_unknown_attribute),
        cmocka_unit_test(test_wrong_value_type),
        cmocka_unit_test(test_missing_required),
        cmocka_unit_test(test_multiple_plans),
        cmocka_unit_test(test_duplicate_attribute),
        cmocka_unit_test(test_missing_id_and_misplaced),
        cmocka_unit_test(test_syntax_errors_do_not_cascade),
        cmocka_unit_test(test_stdlib_override),
        cmocka_unit_test(test_locale_overlays),
        cmocka_unit_test(test_locale_errors),
        cmocka_unit_test(test_referrers),
        cmocka_unit_test(test_imports),
        cmocka_unit_test(test_import_cycle),
        cmocka_unit_test(test_import_cycle_note),
        cmocka_unit_test(test_import_escape),
        cmocka_unit_test(test_import_missing),
        cmocka_unit_test(test_import_diamond),
        cmocka_unit_test(test_load_many),
        cmocka_unit_test(test_text_declares_plan),
        cmocka_unit_test(test_workspace_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
