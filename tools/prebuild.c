/* Build-time tool: builds each stdlib file into entities once, with the
 * model's own loader, and writes them out as C tables (compiler/model/
 * prebuilt.h), so that bcp does not parse the stdlib on every run.
 * Usage: prebuild OUT.c ROOT FILE...   (FILE under ROOT, as for tools/embed.c) */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_table.h"
#include "model/model.h"
#include "model/prebuilt.h"

/* This tool makes the tables, so it runs without them. */
const bcp_prebuilt_file bcp_prebuilt_stdlib[1];
const size_t bcp_prebuilt_stdlib_count = 0;

/* A growing text: one per table of the file being written. */
typedef struct text {
    char *data;
    size_t len, cap;
    size_t rows; /* entries written */
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        exit(1);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->data = realloc(t->data, t->cap);
        if (!t->data)
            exit(1);
    }
    va_start(ap, fmt);
    vsnprintf(t->data + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* A C string literal of any bytes (NULL when s is NULL). */
static void put_string(text *t, const char *s, size_t len)
{
    if (!s) {
        put(t, "NULL");
        return;
    }
    put(t, "\"");
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            put(t, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f || c == '?') /* '?': no trigraphs */
            put(t, "\\%03o", c);
        else
            put(t, "%c", c);
    }
    put(t, "\"");
}

static void put_span(text *t, const bcp_span *s)
{
    put(t, "{NULL, %" PRIu32 ", %" PRIu32 ", %" PRIu32 ", %" PRIu32 "}", s->start_byte, s->end_byte, s->row,
        s->byte_column);
}

/* A table of the generated file: rows are reserved (numbered) first and
 * filled in later, since a list's items or an entity's children need
 * consecutive rows while nested ones are still being numbered. */
typedef struct table {
    char **rows;
    size_t count, cap;
} table;

typedef struct tables {
    int file;
    table ents, attrs, values, kids;
} tables;

/* Reserves `count` consecutive rows; returns the first. */
static size_t reserve(table *t, size_t count)
{
    size_t first = t->count;
    t->count += count;
    if (t->count > t->cap) {
        t->cap = t->count * 2;
        t->rows = realloc(t->rows, t->cap * sizeof *t->rows);
        if (!t->rows)
            exit(1);
    }
    for (size_t i = first; i < t->count; i++)
        t->rows[i] = NULL;
    return first;
}

/* Fills row i with the text (taking it over). */
static void fill(table *t, size_t i, text *row)
{
    t->rows[i] = row->data;
    *row = (text){0};
}

/* Writes `static TYPE NAME_FILE[] = {rows};` (nothing for no rows) and frees the rows. */
static void write_table(FILE *out, table *t, const char *type, const char *name, int file)
{
    if (t->count) {
        fprintf(out, "static %s %s_%d[] = {\n", type, name, file);
        for (size_t i = 0; i < t->count; i++) {
            fprintf(out, "    %s,\n", t->rows[i]);
            free(t->rows[i]);
        }
        fputs("};\n", out);
    }
    free(t->rows);
}

/* A value's initializer; a list's items go to consecutive rows of the values table. */
static void put_value(tables *tb, text *out, const bcp_value *v)
{
    put(out, "{.kind = %d, .span = ", (int)v->kind);
    put_span(out, &v->span);
    switch (v->kind) {
    case BCP_V_STRING:
        put(out, ", .as.string = {");
        put_string(out, v->as.string.text, v->as.string.length);
        put(out, ", %zu}", v->as.string.length);
        break;
    case BCP_V_INTEGER:
        put(out, ", .as.integer = INT64_C(%" PRId64 ")", v->as.integer);
        break;
    case BCP_V_DURATION:
        put(out, ", .as.seconds = INT64_C(%" PRId64 ")", v->as.seconds);
        break;
    case BCP_V_DATE:
        put(out, ", .as.days = %" PRId32 "%s", v->as.days, v->as.days == INT32_MIN ? " - 0" : "");
        break;
    case BCP_V_BOOL:
        put(out, ", .as.boolean = %s", v->as.boolean ? "true" : "false");
        break;
    case BCP_V_IDENT:
        put(out, ", .as.ident = {");
        put_string(out, v->as.ident.name, v->as.ident.name ? strlen(v->as.ident.name) : 0);
        put(out, ", NULL}");
        break;
    case BCP_V_REF:
        put(out, ", .as.ref = {");
        put_string(out, v->as.ref.kind_name, v->as.ref.kind_name ? strlen(v->as.ref.kind_name) : 0);
        put(out, ", ");
        put_string(out, v->as.ref.id, v->as.ref.id ? strlen(v->as.ref.id) : 0);
        put(out, ", NULL}");
        break;
    case BCP_V_LIST:
        if (v->as.list.count == 0) {
            put(out, ", .as.list = {NULL, 0}");
            break;
        }
        {
            size_t first = reserve(&tb->values, v->as.list.count);
            put(out, ", .as.list = {&values_%d[%zu], %zu}", tb->file, first, v->as.list.count);
            for (size_t i = 0; i < v->as.list.count; i++) {
                text item = {0};
                put_value(tb, &item, &v->as.list.items[i]);
                fill(&tb->values, first + i, &item);
            }
        }
        break;
    }
    put(out, ", .months = %" PRId32 "}", v->months);
}

/* Entities are numbered parents first; returns this one's row. */
static size_t put_entity(tables *tb, const bcp_entity *e, long parent)
{
    size_t self = reserve(&tb->ents, 1);
    size_t first_attr = reserve(&tb->attrs, e->attr_count);
    for (size_t i = 0; i < e->attr_count; i++) {
        const bcp_attr *a = &e->attrs[i];
        text row = {0};
        put(&row, "{.name = ");
        put_string(&row, a->name, strlen(a->name));
        put(&row, ", .key_span = ");
        put_span(&row, &a->key_span);
        put(&row, ", .value = ");
        put_value(tb, &row, &a->value);
        put(&row, "}");
        fill(&tb->attrs, first_attr + i, &row);
    }
    size_t first_kid = reserve(&tb->kids, e->child_count);
    text row = {0};
    put(&row, "{.kind = %d, .id = ", (int)e->kind);
    put_string(&row, e->id, e->id ? strlen(e->id) : 0);
    put(&row, ", .span = ");
    put_span(&row, &e->span);
    put(&row, ", .id_span = ");
    put_span(&row, &e->id_span);
    if (parent >= 0)
        put(&row, ", .parent = &ents_%d[%ld]", tb->file, parent);
    if (e->attr_count)
        put(&row, ", .attrs = &attrs_%d[%zu], .attr_count = %zu", tb->file, first_attr, e->attr_count);
    if (e->child_count)
        put(&row, ", .children = &kids_%d[%zu], .child_count = %zu", tb->file, first_kid, e->child_count);
    put(&row, ", .from_stdlib = true}");
    fill(&tb->ents, self, &row);
    for (size_t i = 0; i < e->child_count; i++) {
        size_t kid = put_entity(tb, e->children[i], (long)self);
        text ref = {0};
        put(&ref, "&ents_%d[%zu]", tb->file, kid);
        fill(&tb->kids, first_kid + i, &ref);
    }
    return self;
}

static int by_start(const void *a, const void *b)
{
    const bcp_entity *x = *(const bcp_entity *const *)a, *y = *(const bcp_entity *const *)b;
    return (x->span.start_byte > y->span.start_byte) - (x->span.start_byte < y->span.start_byte);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    text t = {0};
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        put(&t, "%.*s", (int)n, buf);
    fclose(f);
    *len = t.len;
    return t.data ? t.data : calloc(1, 1);
}

/* Writes file `index`'s tables; returns false when it cannot be prebuilt. */
static bool put_file(FILE *out, int index, const char *path, size_t *block_count)
{
    size_t len;
    char *source = read_file(path, &len);
    if (!source) {
        perror(path);
        return false;
    }
    bcp_model_options opts = {.no_prelude = true};
    bcp_model *m = bcp_model_load_text(path, source, len, &opts);
    bool ok = !bcp_model_has_syntax_errors(m) && bcp_model_source_count(m) == 1;
    const bcp_source *src = ok ? bcp_model_source(m, 0) : NULL;
    size_t count = 0, cap = 16;
    const bcp_entity **blocks = malloc(cap * sizeof *blocks);
    for (int k = 0; ok && k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *list = bcp_model_entities(m, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (e->span.source != src) {
                ok = false; /* an import: the loader must follow it at run time */
                break;
            }
            if (e->parent)
                continue;
            if (count == cap)
                blocks = realloc(blocks, (cap *= 2) * sizeof *blocks);
            blocks[count++] = e;
        }
    }
    if (ok) {
        qsort(blocks, count, sizeof *blocks, by_start);
        tables tb = {.file = index};
        size_t *rows = calloc(count ? count : 1, sizeof *rows);
        for (size_t i = 0; i < count; i++)
            rows[i] = put_entity(&tb, blocks[i], -1);
        fprintf(out, "/* %s */\n", path);
        /* Declared ahead: the tables point into each other. */
        if (tb.ents.count)
            fprintf(out, "static bcp_entity ents_%d[%zu];\n", index, tb.ents.count);
        if (tb.values.count)
            fprintf(out, "static bcp_value values_%d[%zu];\n", index, tb.values.count);
        if (tb.kids.count)
            fprintf(out, "static bcp_entity *kids_%d[%zu];\n", index, tb.kids.count);
        write_table(out, &tb.attrs, "bcp_attr", "attrs", index);
        write_table(out, &tb.values, "bcp_value", "values", index);
        write_table(out, &tb.kids, "bcp_entity *", "kids", index);
        write_table(out, &tb.ents, "bcp_entity", "ents", index);
        fprintf(out, "static const bcp_entity *const blocks_%d[] = {\n", index);
        for (size_t i = 0; i < count; i++)
            fprintf(out, "    &ents_%d[%zu],\n", index, rows[i]);
        if (!count)
            fputs("    NULL,\n", out);
        fputs("};\n\n", out);
        free(rows);
    } else {
        fprintf(stderr, "prebuild: %s has syntax errors or imports; it will be parsed at run time\n", path);
    }
    *block_count = count;
    free(blocks);
    bcp_model_free(m);
    free(source);
    return ok;
}

int main(int argc, char **argv)
{
    gen_table g;
    if (!gen_table_open(&g, argc, argv, "prebuild")) /* files in the order of bcp_embedded_stdlib */
        return 2;
    FILE *out = g.out;
    fputs("/* Generated by tools/prebuild.c from stdlib/: do not edit. */\n"
          "#include <stdbool.h>\n#include <stddef.h>\n#include <stdint.h>\n\n"
          "#include \"model/prebuilt.h\"\n\n",
          out);
    bool *built = calloc((size_t)g.count + 1, sizeof *built);
    size_t *blocks = calloc((size_t)g.count + 1, sizeof *blocks);
    for (int i = 0; i < g.count; i++)
        built[i] = put_file(out, i, g.files[i], &blocks[i]);
    fputs("const bcp_prebuilt_file bcp_prebuilt_stdlib[] = {\n", out);
    int listed = 0;
    for (int i = 0; i < g.count; i++) {
        if (!built[i])
            continue;
        fprintf(out, "    {\"%s\", blocks_%d, %zu},\n", gen_table_relative(&g, g.files[i]), i, blocks[i]);
        listed++;
    }
    if (!listed)
        fputs("    {0, 0, 0},\n", out);
    fprintf(out, "};\nconst size_t bcp_prebuilt_stdlib_count = %d;\n", listed);
    free(built);
    free(blocks);
    return gen_table_finish(&g);
}
