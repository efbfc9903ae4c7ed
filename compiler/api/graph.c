/* bcp_graph_file: the dependency graph of a plan (model/depgraph.c) as DOT,
 * SVG or Mermaid (render/graph_*.c), whole or around one entity. */
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/codes.h"
#include "model/depgraph.h"
#include "model/model.h"
#include "model/modules.h"
#include "model/schema.h"
#include "render/graph.h"
#include "render/render.h"
#include "tools.h"

bcp_status bcp_graph_format_from_name(const char *name, bcp_graph_format *format)
{
    static const char *const names[] = {"dot", "svg", "mermaid"};
    for (int i = 0; i < 3; i++)
        if (name && strcmp(name, names[i]) == 0) {
            *format = (bcp_graph_format)i;
            return BCP_OK;
        }
    return BCP_ERR_INVALID;
}

/* A diagnostic of the catalogue without a location, into `set`; the hint
 * ("did you mean ...?") ends the message, which is all a command line shows
 * of a diagnostic without a place. */
static void report(bcp_diagnostics *set, bcp_code_id code, const char *hint, const char *fmt, const char *a,
                   const char *b)
{
    bcp_diag_list l = {0};
    bcp_diag *d = bcp_diag_add_code(&l, code, NULL, fmt, a, b);
    if (hint) {
        char *message = bcp_strprintf("%s; %s", d->message, hint);
        bcp_free(d->message);
        d->message = message;
    }
    bcp_diagnostics_add(set, d);
    bcp_diag_list_free(&l);
}

static const char graph_kinds[] = "function|system|asset|supplier|site|resource|contact|team";

/* The node --focus names, or -1 with E230/E231 in `set` and *status. */
static long focus_node(const bcp_model *m, const bcp_dep_graph *g, const char *focus, bcp_diagnostics *set,
                       bcp_status *status)
{
    const char *dot = strchr(focus, '.');
    bcp_kind kind = dot ? bcp_schema_kind_by_name(focus, (size_t)(dot - focus)) : BCP_KIND_COUNT;
    if (!dot || !dot[1] || kind == BCP_KIND_COUNT ||
        !bcp_schema_set_contains(graph_kinds, focus, (size_t)(dot - focus))) {
        static const char *const kinds[] = {"function", "system", "asset", "supplier",
                                            "site",     "resource", "contact", "team"};
        char *word = bcp_strndup(focus, dot ? (size_t)(dot - focus) : strlen(focus));
        const char *close = bcp_suggest(word, kinds, sizeof kinds / sizeof kinds[0]);
        char *hint = close ? bcp_strprintf("did you mean `%s.`?", close) : NULL;
        report(set, BCP_CODE_E231, hint ? hint : "write KIND.ID, e.g. system.erp",
               "--focus `%s` is not KIND.ID of a kind the graph holds (%s)", focus,
               "function, system, asset, supplier, site, resource, contact, team");
        bcp_free(hint);
        bcp_free(word);
        *status = BCP_ERR_INVALID;
        return -1;
    }
    const bcp_entity *e = bcp_model_find(m, kind, dot + 1);
    long n = e && !e->from_stdlib ? bcp_dep_graph_find(g, e) : -1;
    if (n >= 0)
        return n;
    /* the closest id of that kind among the plan's own */
    const bcp_entity_list *l = bcp_model_entities(m, kind);
    const char **ids = bcp_malloc((l->count ? l->count : 1) * sizeof *ids);
    size_t k = 0;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i]->id && !l->items[i]->from_stdlib)
            ids[k++] = l->items[i]->id;
    const char *close = e ? NULL : bcp_suggest(dot + 1, ids, k);
    char *hint = close ? bcp_strprintf("did you mean `%s.%s`?", bcp_kind_name(kind), close) : NULL;
    report(set, BCP_CODE_E230, hint, e ? "--focus `%s`: %s takes part in no dependency"
                                       : "--focus `%s`: the plan has no %s of that id",
           focus, e ? "it" : bcp_kind_name(kind));
    bcp_free(hint);
    bcp_free(ids);
    *status = BCP_ERR_NOT_FOUND;
    return -1;
}

/* The graph of a loaded model (taken: freed here) into *text; what stops it
 * goes to `set`. */
static bcp_status graph_model(bcp_model *m, const bcp_graph_options *o, char **text, size_t *length,
                              bcp_diagnostics *set)
{
    const bcp_diag_list *diags = m ? bcp_model_diags(m) : NULL;
    bcp_status status = BCP_OK;
    const bcp_entity *plan_entity = m ? bcp_model_plan(m) : NULL;
    const char *lang = o->lang ? o->lang : plan_entity ? bcp_entity_text(plan_entity, "language") : NULL;
    lang = lang ? lang : "en";
    if (o->format > BCP_GRAPH_MERMAID) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "no graph format %d", (int)o->format);
        status = BCP_ERR_INVALID;
    } else if (!m || bcp_diag_count(diags, BCP_SEV_ERROR) || !plan_entity) {
        for (size_t i = 0; diags && i < diags->count; i++)
            if (diags->items[i].severity == BCP_SEV_ERROR)
                bcp_diagnostics_add(set, &diags->items[i]);
        status = BCP_ERR_PLAN;
    } else if (bcp_tools_unknown_locale(m, lang, set)) {
        status = BCP_ERR_NOT_FOUND;
    } else {
        bcp_render_ctx ctx;
        bcp_render_ctx_init(&ctx, m, lang);
        bcp_diag_list secrets = {0};
        bcp_tools_find_secrets(m, &secrets);
        bcp_tools_redact(&ctx, &secrets, set);
        bcp_diag_list_free(&secrets);
        bcp_dep_graph g;
        bcp_dep_graph_build(m, &g);
        long keep = o->focus ? focus_node(m, &g, o->focus, set, &status) : 0;
        if (keep >= 0) {
            if (o->focus)
                bcp_dep_graph_focus(&g, (size_t)keep);
            bcp_buf out = {0};
            const char *error = NULL;
            if (o->format == BCP_GRAPH_DOT)
                bcp_graph_dot(&ctx, &g, &out);
            else if (o->format == BCP_GRAPH_MERMAID)
                bcp_graph_mermaid(&ctx, &g, &out);
            else if (!bcp_graph_svg(&ctx, &g, &out, &error)) {
                report(set, BCP_CODE_E232, NULL, "%s%s", error ? error : "Graphviz failed", "");
                status = BCP_ERR_IO;
            }
            if (status == BCP_OK && o->format == BCP_GRAPH_SVG)
                bcp_buf_puts(&out, "\n");
            if (status == BCP_OK) {
                if (length)
                    *length = out.len;
                *text = out.data ? bcp_buf_take(&out) : bcp_strdup("");
            }
            bcp_buf_free(&out);
        }
        bcp_dep_graph_free(&g);
        bcp_render_ctx_free(&ctx);
    }
    bcp_model_free(m);
    return status;
}

bcp_status bcp_graph_file(const char *path, const bcp_graph_options *options, char **text, size_t *length,
                          bcp_diagnostics **problems)
{
    static const bcp_graph_options defaults = {0};
    const bcp_graph_options *o = options ? options : &defaults;
    *text = NULL;
    if (length)
        *length = 0;
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_status status = graph_model(bcp_tools_load_plan(path, o->stdlib_dir, NULL), o, text, length, set);
    bcp_tools_give(problems, set);
    return status;
}

bcp_status bcp_plan_graph(bcp_workspace *ws, const bcp_plan *plan, const bcp_graph_options *options, char **text,
                          size_t *length, bcp_diagnostics **problems)
{
    static const bcp_graph_options defaults = {0};
    *text = NULL;
    if (length)
        *length = 0;
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_status status = graph_model(bcp_tools_load_for_render(ws, plan), options ? options : &defaults, text, length,
                                    set);
    bcp_tools_give(problems, set);
    return status;
}
