/* The diagnostic catalogue (compiler/base/codes.def): codes sorted and unique,
 * every code reported somewhere in the sources, every example triggering its
 * own code, configuration errors returned as located diagnostics, and the
 * grammar's symbols all found. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/codes.h"
#include "rules/config.h"
#include "syntax/syntax.h"
#include "test_tmp.h"

static void test_codes_sorted_unique_and_complete(void **state)
{
    (void)state;
    assert_int_equal(bcp_code_count(), BCP_CODE_COUNT);
    for (size_t i = 0; i < bcp_code_count(); i++) {
        const bcp_code_info *c = bcp_code_at(i);
        assert_non_null(c);
        assert_int_equal(strlen(c->code), 4);
        assert_true(c->code[0] == 'E');
        assert_true(c->name[0] && c->summary[0] && c->explanation[0]);
        if (i > 0) {
            assert_true(strcmp(bcp_code_at(i - 1)->code, c->code) < 0);
            for (size_t j = 0; j < i; j++)
                assert_string_not_equal(bcp_code_at(j)->name, c->name);
        }
        assert_ptr_equal(bcp_code_find(c->code), c);
        assert_ptr_equal(bcp_code_find(c->name), c);
    }
    assert_null(bcp_code_at(bcp_code_count()));
    assert_null(bcp_code_find("E999"));
    assert_null(bcp_code_find(NULL));
    assert_string_equal(bcp_code_find("E103")->name, "wrong-type");
}

/* The faces on bcp.h (compiler/cli, lsp, mcp, serve): they see no
 * BCP_CODE_ macros, so a code they report (an HTTP error of bcp serve) is
 * spelled as text there. */
static bool is_face(const char *name)
{
    return strcmp(name, "cli") == 0 || strcmp(name, "lsp") == 0 || strcmp(name, "mcp") == 0 ||
           strcmp(name, "serve") == 0;
}

/* Appends the text of every .c file under `dir` (one level of folders) to
 * *all: the library's folders when `faces` is false, else only the faces'. */
static void read_sources_of(const char *dir, bool faces, char **all, size_t *len)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        size_t n = strlen(ent->d_name);
        if (n > 2 && strcmp(ent->d_name + n - 2, ".c") == 0) {
            FILE *f = fopen(path, "rb");
            assert_non_null(f);
            fseek(f, 0, SEEK_END);
            long size = ftell(f);
            fseek(f, 0, SEEK_SET);
            *all = realloc(*all, *len + (size_t)size + 1);
            assert_non_null(*all);
            assert_int_equal(fread(*all + *len, 1, (size_t)size, f), (size_t)size);
            *len += (size_t)size;
            (*all)[*len] = '\0';
            fclose(f);
        } else if (!strchr(ent->d_name, '.') && strcmp(dir, "compiler") == 0 && is_face(ent->d_name) == faces) {
            read_sources_of(path, faces, all, len);
        }
    }
    closedir(d);
}

static void read_sources(const char *dir, char **all, size_t *len)
{
    read_sources_of(dir, false, all, len);
}

/* Run from the repository root (as `make unit` does). */
static void test_every_code_is_reported_somewhere(void **state)
{
    (void)state;
    char *all = NULL;
    size_t len = 0;
    read_sources("compiler", &all, &len);
    read_sources("rules", &all, &len);
    assert_non_null(all);
    char *faces = NULL;
    size_t faces_len = 0;
    read_sources_of("compiler", true, &faces, &faces_len);
    for (size_t i = 0; i < bcp_code_count(); i++) {
        char use[32], literal[32];
        snprintf(use, sizeof use, "BCP_CODE_%s", bcp_code_at(i)->code);
        snprintf(literal, sizeof literal, "\"%s\"", bcp_code_at(i)->code);
        if (!strstr(all, use) && !(faces && strstr(faces, literal)))
            fail_msg("%s (%s) is in codes.def but no source reports it", bcp_code_at(i)->code,
                     bcp_code_at(i)->name);
        /* and no call site of the library spells the code as a literal */
        if (strstr(all, literal))
            fail_msg("%s is written as a literal; use BCP_CODE_%s", bcp_code_at(i)->code, bcp_code_at(i)->code);
    }
    free(all);
    free(faces);
}

static void test_examples_trigger_their_code(void **state)
{
    (void)state;
    for (size_t i = 0; i < bcp_code_count(); i++) {
        const bcp_code_info *c = bcp_code_at(i);
        if (!c->example || c->code[1] == '2')
            continue; /* configuration examples: see the next test */
        bcp_model *m = load_text(c->example);
        if (count_code(m, c->code) == 0) {
            print_diags(m);
            fail_msg("the example of %s does not report it", c->code);
        }
        const bcp_diag *d = find_diag(m, c->code);
        assert_string_equal(d->name, c->name);
        assert_int_equal(d->severity, c->severity);
        bcp_model_free(m);
    }
}

/* Configuration examples are written to a bcpconfig.bcp and read as one. */
static void test_config_examples_are_located_diagnostics(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-test-codes-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[600];
    snprintf(path, sizeof path, "%s/bcpconfig.bcp", dir);
    for (size_t i = 0; i < bcp_code_count(); i++) {
        const bcp_code_info *c = bcp_code_at(i);
        if (c->code[1] != '2' || !c->example)
            continue;
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(c->example, f);
        fclose(f);
        bcp_diag_list diags = {0};
        bcp_lint_config config;
        bool ok = bcp_lint_config_load(path, NULL, &config, &diags);
        assert_int_equal(ok, c->severity != BCP_SEV_ERROR);
        bool found = false;
        for (size_t k = 0; k < diags.count; k++) {
            const bcp_diag *d = &diags.items[k];
            if (strcmp(d->code, c->code) != 0)
                continue;
            found = true;
            assert_non_null(d->span.source); /* located in the file */
            assert_string_equal(d->span.source->path, path);
            assert_string_equal(d->name, c->name);
        }
        if (!found)
            fail_msg("the example of %s does not report it", c->code);
        bcp_diag_list_free(&diags);
        bcp_lint_config_free(&config);
    }
    remove(path);
    rmdir(dir);
    /* A bad --select has no location, and is returned all the same. */
    bcp_string_list select = {0};
    bcp_string_list_push(&select, "NOPE", 4);
    bcp_lint_overrides ov = {.select = &select};
    bcp_diag_list diags = {0};
    bcp_lint_config config;
    assert_false(bcp_lint_config_load(NULL, &ov, &config, &diags));
    assert_int_equal(diags.count, 1);
    assert_string_equal(diags.items[0].code, "E202");
    assert_null(diags.items[0].span.source);
    assert_non_null(strstr(diags.items[0].message, "--select"));
    bcp_diag_list_free(&diags);
    bcp_lint_config_free(&config);
    bcp_string_list_free(&select);
}

static void test_diag_add_code(void **state)
{
    (void)state;
    bcp_diag_list list = {0};
    bcp_diag *d = bcp_diag_add_code(&list, BCP_CODE_E207, NULL, "x %d", 42);
    assert_string_equal(d->code, "E207");
    assert_string_equal(d->name, "empty-config");
    assert_int_equal(d->severity, BCP_SEV_WARNING);
    assert_string_equal(d->message, "x 42");
    bcp_diag_list_free(&list);
}

static void test_grammar_symbols_found(void **state)
{
    (void)state;
    const bcp_symbols *s = bcp_syntax_symbols();
    const TSSymbol all[] = {s->source_file, s->comment, s->use_statement, s->block, s->block_body,
                            s->attribute, s->list, s->reference, s->string, s->multiline_string,
                            s->integer, s->duration, s->date, s->boolean, s->identifier,
                            s->string_content, s->escape_sequence};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        assert_int_not_equal(all[i], 0);
    const TSFieldId fields[] = {s->field_kind, s->field_name, s->field_body, s->field_key,
                                s->field_value, s->field_path};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        assert_int_not_equal(fields[i], 0);
    assert_ptr_equal(bcp_syntax_symbols(), s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_sorted_unique_and_complete),
        cmocka_unit_test(test_every_code_is_reported_somewhere),
        cmocka_unit_test(test_examples_trigger_their_code),
        cmocka_unit_test(test_config_examples_are_located_diagnostics),
        cmocka_unit_test(test_diag_add_code),
        cmocka_unit_test(test_grammar_symbols_found),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
