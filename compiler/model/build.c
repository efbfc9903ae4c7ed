/* Building entities from one syntax tree: blocks, their attributes and
 * nested blocks, with the shape errors found on the way (unknown kind,
 * misplaced block, missing id). */
#define _DEFAULT_SOURCE
#include "model_internal.h"

bcp_diag *bcp_build_error(build_ctx *c, bcp_code_id code, const bcp_span *span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bcp_diag *d = bcp_diag_add_code_v(c->diags, code, span, fmt, ap);
    va_end(ap);
    return d;
}

/* ---------------------------------------------------------------- blocks */

static void suggest_kind(bcp_diag *d, const char *word, const bcp_span *span)
{
    const char *names[BCP_KIND_COUNT]; /* on the stack: builders may run on several threads */
    for (int k = 0; k < BCP_KIND_COUNT; k++)
        names[k] = bcp_kind_name((bcp_kind)k);
    const char *best = bcp_suggest(word, names, BCP_KIND_COUNT);
    if (best) {
        bcp_diag_set_hint(d, "did you mean `%s`?", best);
        bcp_diag_add_fix(d, span, best, "write `%s`", best);
    } else
        bcp_diag_set_hint(d, "entity kinds are plan, site, risk, function, system, asset, supplier, "
                             "resource, contact, team, scenario, message, phase, exercise, finding, "
                             "training, milestone, deviation, locale and the catalogue kinds");
}

static void build_body(build_ctx *c, TSNode body, bcp_entity *e, block_role role)
{
    const bcp_symbols *sym = c->sym;
    bcp_arena *arena = c->arena;
    uint32_t named = ts_node_named_child_count(body);
    e->attrs = bcp_arena_alloc(arena, (named ? named : 1) * sizeof *e->attrs);
    bcp_ptr_vec children = {0};
    TSTreeCursor cur = ts_tree_cursor_new(body);
    if (ts_tree_cursor_goto_first_child(&cur)) {
        do {
            TSNode child = ts_tree_cursor_current_node(&cur);
            TSSymbol s = ts_node_symbol(child);
            if (s == sym->attribute) {
                /* serve13d: an attribute without errors or comments is `key = value`
                 * (grammar.js): its children 0 and 2 are its fields, found without
                 * the field map; any other is asked for its fields. */
                bool plain = !ts_node_has_error(child) && ts_node_child_count(child) == 3;
                TSNode key = plain ? ts_node_child(child, 0) : ts_node_child_by_field_id(child, sym->field_key);
                TSNode value = plain ? ts_node_child(child, 2) : ts_node_child_by_field_id(child, sym->field_value);
                if (ts_node_is_null(key) || ts_node_is_null(value) || ts_node_is_missing(value))
                    continue; /* syntax error reported already */
                bcp_attr *a = &e->attrs[e->attr_count++];
                size_t key_len;
                const char *key_text = bcp_node_text(c, key, &key_len);
                /* Known names share the schema's string: one copy per name, not per use. */
                const bcp_attr_schema *known = role == BLOCK_FREEFORM ? NULL
                                               : bcp_schema_attr(e->kind, key_text, key_len);
                a->name = known ? known->name : bcp_arena_strndup(c->arena, key_text, key_len);
                a->key_span = bcp_node_span(c->src, key);
                bcp_value_from_node(c, value, &a->value);
            } else if (s == sym->block) {
                block_role child_role = role;
                if (role == BLOCK_ENTITY && e->kind == BCP_KIND_LOCALE)
                    child_role = BLOCK_OVERLAY;
                else if (role == BLOCK_ENTITY && e->kind == BCP_KIND_CONFIG)
                    child_role = BLOCK_FREEFORM;
                bcp_entity *ce = bcp_build_block(c, child, e, child_role);
                if (ce)
                    bcp_ptr_vec_push(arena, &children, ce);
            }
        } while (ts_tree_cursor_goto_next_sibling(&cur));
    }
    ts_tree_cursor_delete(&cur);
    e->children = (bcp_entity **)children.items;
    e->child_count = children.count;
}

bcp_entity *bcp_build_block(build_ctx *c, TSNode node, bcp_entity *parent, block_role role)
{
    const bcp_symbols *sym = c->sym;
    TSNode kind_node = ts_node_child_by_field_id(node, sym->field_kind);
    TSNode name_node = ts_node_child_by_field_id(node, sym->field_name);
    TSNode body = ts_node_child_by_field_id(node, sym->field_body);
    if (ts_node_is_null(kind_node) || ts_node_is_null(body))
        return NULL;
    size_t klen;
    const char *ktext = bcp_node_text(c, kind_node, &klen);
    bcp_span kspan = bcp_node_span(c->src, kind_node);
    bcp_kind kind = bcp_schema_kind_by_name(ktext, klen);
    if (role == BLOCK_FREEFORM)
        kind = BCP_KIND_CONFIG;
    /* A block around a syntax error is often the parser's recovery, not what
     * was written: its shape errors would only repeat the syntax error. */
    bool broken = ts_node_has_error(node);
    if (kind == BCP_KIND_COUNT) {
        if (broken)
            return NULL;
        char *word = bcp_arena_strndup(c->arena, ktext, klen);
        bcp_diag *d = bcp_build_error(c, BCP_CODE_E101, &kspan, "unknown entity kind `%s`", word);
        suggest_kind(d, word, &kspan);
        return NULL;
    }
    const bcp_kind_schema *ks = bcp_schema_kind(kind);
    if (role == BLOCK_ENTITY) {
        const bcp_kind_schema *ps = parent ? bcp_schema_kind(parent->kind) : NULL;
        if (parent && !bcp_schema_set_contains(ps->children, ks->name, strlen(ks->name))) {
            if (broken)
                return NULL;
            bcp_build_error(c, BCP_CODE_E117, &kspan, "a `%s` block cannot stand inside `%s`",
                        ks->name, ps->name);
            return NULL;
        }
        if (!parent && ks->nested_only) {
            if (broken)
                return NULL;
            bcp_diag *d = bcp_build_error(c, BCP_CODE_E117, &kspan,
                                      "a `%s` block belongs inside another block", ks->name);
            if (kind == BCP_KIND_BACKUP)
                bcp_diag_set_hint(d, "write it inside the system it backs up: system erp { backup { every = 1d } }");
            return NULL;
        }
    }
    bcp_entity *e = bcp_arena_alloc(c->arena, sizeof *e);
    e->kind = kind;
    e->parent = parent;
    e->from_stdlib = c->from_stdlib;
    e->span = bcp_node_span(c->src, node);
    if (broken)
        bcp_ptr_vec_push(c->arena, c->broken, e);
    if (!ts_node_is_null(name_node)) {
        e->id = bcp_node_strdup(c, name_node);
        e->id_span = bcp_node_span(c->src, name_node);
    } else {
        e->id_span = kspan;
        if (role == BLOCK_FREEFORM)
            e->id = bcp_arena_strndup(c->arena, ktext, klen); /* config sections: the word is the name */
        else if ((ks->needs_id || role == BLOCK_OVERLAY) && !broken) {
            bcp_diag *d = bcp_build_error(c, BCP_CODE_E116, &kspan, "this `%s` block needs an id",
                                      ks->name);
            bcp_diag_set_hint(d, "write `%s NAME { ... }`; the id is how other entries refer to it (%s.NAME)",
                              ks->name, ks->name);
        }
    }
    build_body(c, body, e, role);
    return e;
}
