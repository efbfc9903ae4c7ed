/* Copies the prebuilt stdlib (see prebuilt.h) into a model: each entity,
 * attribute and list is copied into the model's arena, because checking the
 * model resolves references and fills in schemas in place; strings stay in
 * the generated tables, which live as long as the program. */
#include "prebuilt.h"

#include <stdlib.h>
#include <string.h>

static int by_path(const void *key, const void *item)
{
    return strcmp(key, ((const bcp_prebuilt_file *)item)->path);
}

static void copy_value(bcp_arena *arena, bcp_value *dst, const bcp_value *v, const bcp_source *src)
{
    *dst = *v;
    dst->span.source = src;
    if (v->kind != BCP_V_LIST || v->as.list.count == 0)
        return;
    bcp_value *items = bcp_arena_alloc(arena, v->as.list.count * sizeof *items);
    for (size_t i = 0; i < v->as.list.count; i++)
        copy_value(arena, &items[i], &v->as.list.items[i], src);
    dst->as.list.items = items;
}

static bcp_entity *copy_entity(bcp_arena *arena, const bcp_entity *e, bcp_entity *parent,
                               const bcp_source *src)
{
    bcp_entity *c = bcp_arena_alloc(arena, sizeof *c);
    *c = *e;
    c->parent = parent;
    c->span.source = src;
    c->id_span.source = src;
    /* As the builder does: room for one attribute at least. */
    c->attrs = bcp_arena_alloc(arena, (e->attr_count ? e->attr_count : 1) * sizeof *c->attrs);
    for (size_t i = 0; i < e->attr_count; i++) {
        bcp_attr *a = &c->attrs[i];
        *a = e->attrs[i];
        a->key_span.source = src;
        /* Known names share the schema's string, as in a parsed model. */
        const bcp_attr_schema *known = bcp_schema_attr(c->kind, a->name, strlen(a->name));
        if (known && strcmp(known->name, a->name) == 0)
            a->name = known->name;
        copy_value(arena, &a->value, &e->attrs[i].value, src);
    }
    if (e->child_count) {
        c->children = bcp_arena_alloc(arena, e->child_count * sizeof *c->children);
        for (size_t i = 0; i < e->child_count; i++)
            c->children[i] = copy_entity(arena, e->children[i], c, src);
    }
    return c;
}

bool bcp_prebuilt_load(const char *path, const bcp_source *src, bcp_arena *arena, bcp_ptr_vec *blocks)
{
    const bcp_prebuilt_file *f = bsearch(path, bcp_prebuilt_stdlib, bcp_prebuilt_stdlib_count,
                                         sizeof *bcp_prebuilt_stdlib, by_path);
    if (!f)
        return false;
    for (size_t i = 0; i < f->block_count; i++)
        bcp_ptr_vec_push(arena, blocks, copy_entity(arena, f->blocks[i], NULL, src));
    return true;
}
