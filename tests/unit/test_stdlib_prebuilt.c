/* The stdlib is built into entities at build time (tools/prebuild.c) and
 * copied into each model (compiler/model/prebuilt.c) instead of parsed: the
 * copies must be exactly what the loader builds from the text, and a model
 * made from the prebuilt stdlib exactly one made by parsing stdlib/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/alloc.h"
#include "model/model.h"
#include "model/modules.h"
#include "model/prebuilt.h"
#include "test_support.h"

static void same_span(const bcp_span *a, const bcp_span *b)
{
    assert_int_equal(a->start_byte, b->start_byte);
    assert_int_equal(a->end_byte, b->end_byte);
    assert_int_equal(a->row, b->row);
    assert_int_equal(a->byte_column, b->byte_column);
    assert_true((a->source == NULL) == (b->source == NULL));
    if (a->source)
        assert_string_equal(a->source->path, b->source->path);
}

static void same_text(const char *a, const char *b)
{
    if (a && b)
        assert_string_equal(a, b);
    else
        assert_ptr_equal(a, b);
}

/* Targets are compared by what they name: the two models are apart. */
static void same_target(const bcp_entity *a, const bcp_entity *b)
{
    assert_true((a == NULL) == (b == NULL));
    if (a) {
        assert_int_equal(a->kind, b->kind);
        same_text(a->id, b->id);
        same_span(&a->span, &b->span);
    }
}

/* `checked`: both sides were checked (references resolved, scores and
 * schemas filled in); otherwise only what the builder sets is compared. */
static void same_value(const bcp_value *a, const bcp_value *b, bool checked)
{
    assert_int_equal(a->kind, b->kind);
    same_span(&a->span, &b->span);
    if (checked)
        assert_int_equal(a->score, b->score);
    assert_int_equal(a->months, b->months);
    switch (a->kind) {
    case BCP_V_STRING:
        assert_int_equal(a->as.string.length, b->as.string.length);
        assert_memory_equal(a->as.string.text, b->as.string.text, a->as.string.length + 1);
        break;
    case BCP_V_INTEGER: assert_true(a->as.integer == b->as.integer); break;
    case BCP_V_DURATION: assert_true(a->as.seconds == b->as.seconds); break;
    case BCP_V_DATE: assert_int_equal(a->as.days, b->as.days); break;
    case BCP_V_BOOL: assert_int_equal(a->as.boolean, b->as.boolean); break;
    case BCP_V_IDENT:
        same_text(a->as.ident.name, b->as.ident.name);
        if (checked)
            same_target(a->as.ident.target, b->as.ident.target);
        break;
    case BCP_V_REF:
        same_text(a->as.ref.kind_name, b->as.ref.kind_name);
        same_text(a->as.ref.id, b->as.ref.id);
        if (checked)
            same_target(a->as.ref.target, b->as.ref.target);
        break;
    case BCP_V_LIST:
        assert_int_equal(a->as.list.count, b->as.list.count);
        for (size_t i = 0; i < a->as.list.count; i++)
            same_value(&a->as.list.items[i], &b->as.list.items[i], checked);
        break;
    }
}

static void same_entity(const bcp_entity *a, const bcp_entity *b, bool checked)
{
    assert_int_equal(a->kind, b->kind);
    same_text(a->id, b->id);
    same_span(&a->span, &b->span);
    same_span(&a->id_span, &b->id_span);
    if (checked)
        assert_int_equal(a->ordinal, b->ordinal);
    assert_int_equal(a->attr_count, b->attr_count);
    for (size_t i = 0; i < a->attr_count; i++) {
        assert_string_equal(a->attrs[i].name, b->attrs[i].name);
        if (checked)
            assert_ptr_equal(a->attrs[i].schema, b->attrs[i].schema);
        same_span(&a->attrs[i].key_span, &b->attrs[i].key_span);
        same_value(&a->attrs[i].value, &b->attrs[i].value, checked);
    }
    assert_int_equal(a->child_count, b->child_count);
    for (size_t i = 0; i < a->child_count; i++) {
        assert_ptr_equal(a->children[i]->parent, a);
        assert_ptr_equal(b->children[i]->parent, b);
        same_entity(a->children[i], b->children[i], checked);
    }
}

static int by_start(const void *x, const void *y)
{
    const bcp_entity *a = *(const bcp_entity *const *)x, *b = *(const bcp_entity *const *)y;
    return (a->span.start_byte > b->span.start_byte) - (a->span.start_byte < b->span.start_byte);
}

/* Each embedded file: its prebuilt blocks are the blocks the loader builds
 * from its text (before any checking, so nothing resolved on either side). */
static void test_each_file_matches_its_text(void **state)
{
    (void)state;
    assert_true(bcp_prebuilt_stdlib_count >= 5); /* std/core at least */
    size_t found = 0;
    for (size_t f = 0; f < bcp_embedded_stdlib_count; f++) {
        const bcp_stdlib_file *file = &bcp_embedded_stdlib[f];
        bcp_source *src = bcp_source_from_memory(file->path, file->text, file->length, false);
        bcp_arena arena;
        bcp_arena_init(&arena);
        bcp_ptr_vec copies = {0};
        bool prebuilt = bcp_prebuilt_load(file->path, src, &arena, &copies);
        found += prebuilt;
        if (strncmp(file->path, "core/", 5) == 0)
            assert_true(prebuilt);
        if (!prebuilt) {
            assert_int_equal(copies.count, 0);
            bcp_arena_free(&arena);
            bcp_source_free(src);
            continue;
        }

        bcp_model_options opts = {.no_prelude = true};
        bcp_model *m = bcp_model_load_text(file->path, file->text, file->length, &opts);
        assert_false(bcp_model_has_syntax_errors(m));
        const bcp_entity **parsed = calloc(copies.count + 1, sizeof *parsed);
        size_t n = 0;
        for (int k = 0; k < BCP_KIND_COUNT; k++) {
            const bcp_entity_list *l = bcp_model_entities(m, (bcp_kind)k);
            for (size_t i = 0; i < l->count; i++)
                if (!l->items[i]->parent) {
                    assert_true(n < copies.count);
                    parsed[n++] = l->items[i];
                }
        }
        assert_int_equal(n, copies.count);
        qsort(parsed, n, sizeof *parsed, by_start);
        for (size_t i = 0; i < n; i++) {
            bcp_entity *copy = copies.items[i];
            assert_true(copy->from_stdlib);
            assert_ptr_equal(copy->span.source, src);
            assert_null(copy->parent);
            /* Not checked yet: only what the builder sets. */
            same_entity(copy, parsed[i], false);
        }
        free(parsed);
        bcp_model_free(m);
        bcp_arena_free(&arena);
        bcp_source_free(src);
    }
    assert_int_equal(found, bcp_prebuilt_stdlib_count);
}

/* The prelude and every module, embedded (prebuilt) and parsed from stdlib/:
 * every entity, value, resolved reference and diagnostic the same. */
static void test_models_match_parsed_stdlib(void **state)
{
    (void)state;
    char **names;
    size_t count = bcp_stdlib_module_names(NULL, &names);
    assert_true(count > 3);
    const char *plan = "plan p { title = \"P\" }\n";
    bcp_model_options embedded = {.extra_modules = (const char *const *)names, .extra_module_count = count};
    bcp_model_options parsed = embedded;
    parsed.stdlib_dir = "stdlib";
    bcp_model *a = bcp_model_load_text("p.bcp", plan, strlen(plan), &embedded);
    bcp_model *b = bcp_model_load_text("p.bcp", plan, strlen(plan), &parsed);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *la = bcp_model_entities(a, (bcp_kind)k), *lb = bcp_model_entities(b, (bcp_kind)k);
        assert_int_equal(la->count, lb->count);
        for (size_t i = 0; i < la->count; i++)
            same_entity(la->items[i], lb->items[i], true);
    }
    const bcp_diag_list *da = bcp_model_diags(a), *db = bcp_model_diags(b);
    assert_int_equal(da->count, db->count);
    for (size_t i = 0; i < da->count; i++) {
        assert_string_equal(da->items[i].code, db->items[i].code);
        assert_string_equal(da->items[i].message, db->items[i].message);
        same_span(&da->items[i].span, &db->items[i].span);
    }
    bcp_model_free(a);
    bcp_model_free(b);
    for (size_t i = 0; i < count; i++)
        bcp_free(names[i]);
    bcp_free(names);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_file_matches_its_text),
        cmocka_unit_test(test_models_match_parsed_stdlib),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
