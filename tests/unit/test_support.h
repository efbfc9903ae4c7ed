/* Shared helpers for the cmocka unit tests: load a model from text and look
 * for diagnostics by code, message and position.  Everything here is static
 * inline so that each test file takes only what it uses. */
#ifndef BCP_TEST_SUPPORT_H
#define BCP_TEST_SUPPORT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "model/model.h"
#include "report/diagnostics.h"

/* Models built from text are named like this in their diagnostics. */
#define TEST_PATH "test.bcp"

static inline bcp_model *load_text(const char *text)
{
    return bcp_model_load_text(TEST_PATH, text, strlen(text), NULL);
}

static inline bcp_model *load_text_no_prelude(const char *text)
{
    bcp_model_options opts = {.no_prelude = true};
    return bcp_model_load_text(TEST_PATH, text, strlen(text), &opts);
}

/* The model's diagnostics as a text report on stderr (the report layer's). */
static inline void print_diags(bcp_model *m)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_diagnostics_add_list(set, bcp_model_diags(m));
    char *text = bcp_report_render(set, NULL, NULL);
    fputs(text, stderr);
    bcp_free(text);
    bcp_diagnostics_free(set);
}

static inline size_t count_code(bcp_model *m, const char *code)
{
    const bcp_diag_list *diags = bcp_model_diags(m);
    size_t n = 0;
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].code && strcmp(diags->items[i].code, code) == 0)
            n++;
    return n;
}

/* The first diagnostic with `code`, or NULL. */
static inline const bcp_diag *find_diag(bcp_model *m, const char *code)
{
    const bcp_diag_list *diags = bcp_model_diags(m);
    for (size_t i = 0; i < diags->count; i++)
        if (diags->items[i].code && strcmp(diags->items[i].code, code) == 0)
            return &diags->items[i];
    return NULL;
}

static inline unsigned diag_line(const bcp_diag *d) { return d->span.row + 1; }
static inline unsigned diag_col(const bcp_diag *d)
{
    return d->span.source ? bcp_span_column(&d->span) : 0;
}

/* Is there a diagnostic `code` at line:col (1-based) whose message holds
 * `message` (NULL: any) and, when `hint` is not NULL, whose hint holds it? */
static inline const bcp_diag *find_diag_at(bcp_model *m, const char *code, unsigned line, unsigned col,
                                           const char *message, const char *hint)
{
    const bcp_diag_list *diags = bcp_model_diags(m);
    for (size_t i = 0; i < diags->count; i++) {
        const bcp_diag *d = &diags->items[i];
        if (!d->code || strcmp(d->code, code) != 0 || diag_line(d) != line || diag_col(d) != col)
            continue;
        if (message && !strstr(d->message, message))
            continue;
        if (hint && (!d->hint || !strstr(d->hint, hint)))
            continue;
        return d;
    }
    return NULL;
}

static inline void expect_diag_at(bcp_model *m, const char *code, unsigned line, unsigned col,
                                  const char *message, const char *hint, const char *file, int at)
{
    if (find_diag_at(m, code, line, col, message, hint))
        return;
    print_message("expected %s at %u:%u with message \"%s\"%s%s%s; the model said:\n", code, line, col,
                  message ? message : "*", hint ? " and hint \"" : "", hint ? hint : "",
                  hint ? "\"" : "");
    print_diags(m);
    _fail(file, at);
}

static inline void expect_clean(bcp_model *m, const char *file, int at)
{
    if (bcp_model_diags(m)->count == 0)
        return;
    print_message("expected no diagnostics; the model said:\n");
    print_diags(m);
    _fail(file, at);
}

/* Asserts a diagnostic by code, 1-based line:col and message substring. */
#define assert_diag(m, code, line, col, message) \
    expect_diag_at((m), (code), (line), (col), (message), NULL, __FILE__, __LINE__)
/* The same, and the help line must hold `hint`. */
#define assert_diag_hint(m, code, line, col, message, hint) \
    expect_diag_at((m), (code), (line), (col), (message), (hint), __FILE__, __LINE__)
#define assert_clean(m) expect_clean((m), __FILE__, __LINE__)

/* The first `code` diagnostic has exactly one note, at line:col, saying `message`. */
static inline void expect_note(bcp_model *m, const char *code, unsigned line, unsigned col,
                               const char *message, const char *file, int at)
{
    const bcp_diag *d = find_diag(m, code);
    if (d && d->note_count == 1 && d->notes[0].span.row + 1 == line &&
        bcp_span_column(&d->notes[0].span) == col && strcmp(d->notes[0].message, message) == 0)
        return;
    print_message("expected %s with the note %u:%u %s; the model said:\n", code, line, col, message);
    print_diags(m);
    _fail(file, at);
}
#define assert_note(m, code, line, col, message) \
    expect_note((m), (code), (line), (col), (message), __FILE__, __LINE__)
/* Exactly `n` diagnostics in all. */
#define assert_diag_count(m, n)                                         \
    do {                                                                \
        if (bcp_model_diags(m)->count != (size_t)(n)) {                 \
            print_message("expected %d diagnostics, got %zu:\n", (int)(n), \
                          bcp_model_diags(m)->count);                   \
            print_diags(m);                                             \
            fail();                                                     \
        }                                                               \
    } while (0)

/* The entity kind.id, failing the test when it is absent. */
static inline bcp_entity *must_find(bcp_model *m, bcp_kind kind, const char *id, const char *file, int at)
{
    bcp_entity *e = bcp_model_find(m, kind, id);
    if (!e) {
        print_message("no %s `%s` in the model\n", bcp_kind_name(kind), id);
        _fail(file, at);
    }
    return e;
}
#define find_entity(m, kind, id) must_find((m), (kind), (id), __FILE__, __LINE__)

/* Writes dir/name (the test's scratch files). */
static inline void write_test_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Writes `text` to `path` (a test's own temporary file). */
static inline void test_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* How many diagnostics of a public API set have `code`. */
static inline size_t test_count_code(const bcp_diagnostics *set, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; set && i < bcp_diagnostics_count(set); i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        n += d->code && strcmp(d->code, code) == 0;
    }
    return n;
}

#endif
