/* The dependency graph as DOT and as Mermaid, written here (docs/graph.md):
 * one line per node, then one per edge, in the graph's sorted order, so that
 * two runs give the same bytes.  Labels are plan text, written terminal-safe
 * (label_text); the SVG is laid out from the DOT, so it carries the same. */
#include <string.h>

#include "base/diag.h"
#include "base/escape.h"
#include "graph.h"

/* Colours of the marks; the HTML legend (md_graph.c) uses the same. */
#define SPOF_FILL "#ffe3e3"
#define SPOF_LINE "#c92a2a"
#define PATH_LINE "#1c7ed6"
#define PLAIN_LINE "#5f6b7a"
#define STANDIN_LINE "#8a94a3"

static const char *dot_shape(bcp_kind k)
{
    switch (k) {
    case BCP_KIND_SYSTEM: return "component";
    case BCP_KIND_ASSET: return "box3d";
    case BCP_KIND_SUPPLIER: return "house";
    case BCP_KIND_SITE: return "tab";
    case BCP_KIND_RESOURCE: return "folder";
    case BCP_KIND_CONTACT:
    case BCP_KIND_TEAM: return "ellipse";
    default: return "box";
    }
}

/* Plan text of a label, each byte through `put`: line breaks and tabs as
 * spaces, and what could drive a terminal (ESC, BEL, C1 controls, bidi and
 * zero-width characters, bytes that are not UTF-8) as its escape, \u{1b}
 * (base/escape.h), so that DOT and Mermaid on a terminal are safe to show. */
static void label_text(bcp_buf *out, const char *s, void (*put)(bcp_buf *, char))
{
    size_t len = s ? strlen(s) : 0;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = bcp_utf8_decode(s + i, len - i, &cp);
        char buf[16];
        const char *esc = cp == '\n' || cp == '\r' || cp == '\t' ? " " : bcp_escape_of(s + i, n, cp, buf);
        if (esc)
            for (; *esc; esc++)
                put(out, *esc);
        else
            for (int k = 0; k < n; k++)
                put(out, s[i + (size_t)k]);
        i += (size_t)n;
    }
}

/* In a DOT quoted string, `"` and `\` escaped (a backslash would otherwise
 * start one of DOT's label escapes). */
static void dot_char(bcp_buf *out, char c)
{
    if (c == '"' || c == '\\')
        bcp_buf_put(out, "\\", 1);
    bcp_buf_put(out, &c, 1);
}

static void dot_string(bcp_buf *out, const char *s)
{
    bcp_buf_puts(out, "\"");
    label_text(out, s, dot_char);
    bcp_buf_puts(out, "\"");
}

static void node_name(bcp_buf *out, const bcp_entity *e)
{
    bcp_buf id = {0};
    bcp_buf_printf(&id, "%s.%s", bcp_kind_name(e->kind), e->id);
    dot_string(out, id.data);
    bcp_buf_free(&id);
}

static const char *node_label(bcp_render_ctx *ctx, const bcp_entity *e)
{
    const char *l = bcp_rlabel(ctx, e);
    return l && *l ? l : e->id;
}

void bcp_graph_dot(bcp_render_ctx *ctx, const bcp_dep_graph *g, bcp_buf *out)
{
    bcp_buf_puts(out, "digraph dependencies {\n"
                      "  graph [id=\"dg\", rankdir=LR, nodesep=0.25, ranksep=0.6, fontname=\"Noto Sans CJK SC\"];\n"
                      "  node [fontname=\"Noto Sans CJK SC\", fontsize=11, style=\"rounded,filled\", fillcolor=\"#ffffff\", "
                      "color=\"" PLAIN_LINE "\", margin=\"0.12,0.05\"];\n"
                      "  edge [color=\"" PLAIN_LINE "\", arrowsize=0.7];\n");
    for (size_t i = 0; i < g->node_count; i++) {
        const bcp_dep_node *n = &g->nodes[i];
        bcp_buf_puts(out, "  ");
        node_name(out, n->entity);
        bcp_buf_printf(out, " [id=\"dg-n%zu\", shape=%s, label=", i, dot_shape(n->entity->kind));
        dot_string(out, node_label(ctx, n->entity));
        bcp_buf_printf(out, ", class=\"%s%s%s%s\"", bcp_kind_name(n->entity->kind), n->critical ? " critical" : "",
                       n->single_point ? " spof" : "", n->on_path ? " path" : "");
        if (n->critical)
            bcp_buf_puts(out, ", style=\"rounded,filled,bold\"");
        if (n->single_point)
            bcp_buf_puts(out, ", fillcolor=\"" SPOF_FILL "\"");
        if (n->on_path)
            bcp_buf_puts(out, ", color=\"" PATH_LINE "\", penwidth=2.5");
        else if (n->single_point)
            bcp_buf_puts(out, ", color=\"" SPOF_LINE "\", penwidth=2");
        bcp_buf_puts(out, "];\n");
    }
    for (size_t i = 0; i < g->edge_count; i++) {
        const bcp_dep_edge *e = &g->edges[i];
        bcp_buf_puts(out, "  ");
        node_name(out, g->nodes[e->from].entity);
        bcp_buf_puts(out, " -> ");
        node_name(out, g->nodes[e->to].entity);
        bcp_buf_printf(out, " [id=\"dg-e%zu\", class=\"%s%s\"", i, bcp_dep_relation_name(e->relation),
                       e->on_path ? " path" : "");
        if (e->relation == BCP_DEP_STAND_IN)
            bcp_buf_puts(out, ", style=dashed, arrowhead=empty, color=\"" STANDIN_LINE "\", constraint=false");
        if (e->on_path)
            bcp_buf_puts(out, ", color=\"" PATH_LINE "\", penwidth=2.5");
        bcp_buf_puts(out, "];\n");
    }
    bcp_buf_puts(out, "}\n");
}

/* ---------------------------------------------------------------- Mermaid */

/* A node id Mermaid takes as it is: KIND_ID when the id is ASCII letters,
 * digits and `_`, else n<index> (Chinese ids, hyphens). */
static void mermaid_id(bcp_buf *out, const bcp_dep_graph *g, size_t i)
{
    const bcp_entity *e = g->nodes[i].entity;
    bool plain = true;
    for (const char *p = e->id; *p && plain; p++)
        plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_';
    if (plain)
        bcp_buf_printf(out, "%s_%s", bcp_kind_name(e->kind), e->id);
    else
        bcp_buf_printf(out, "n%zu", i);
}

/* In a quoted Mermaid label, what could end it or start markup as entity
 * codes. */
static void mermaid_char(bcp_buf *out, char c)
{
    switch (c) {
    case '"': bcp_buf_puts(out, "#quot;"); break;
    case '#': bcp_buf_puts(out, "#35;"); break;
    case '<': bcp_buf_puts(out, "#lt;"); break;
    case '>': bcp_buf_puts(out, "#gt;"); break;
    case '&': bcp_buf_puts(out, "#amp;"); break;
    case '`': bcp_buf_puts(out, "#96;"); break;
    default: bcp_buf_put(out, &c, 1);
    }
}

static void mermaid_label(bcp_buf *out, const char *s)
{
    bcp_buf_puts(out, "[\"");
    label_text(out, s, mermaid_char);
    bcp_buf_puts(out, "\"]");
}

static void mermaid_class(bcp_buf *out, const bcp_dep_graph *g, const char *cls, int which)
{
    bool any = false;
    for (size_t i = 0; i < g->node_count; i++) {
        const bcp_dep_node *n = &g->nodes[i];
        bool has = which == 0 ? n->critical : which == 1 ? n->single_point : n->on_path;
        if (!has)
            continue;
        bcp_buf_puts(out, any ? "," : "  class ");
        mermaid_id(out, g, i);
        any = true;
    }
    if (any)
        bcp_buf_printf(out, " %s\n", cls);
}

void bcp_graph_mermaid(bcp_render_ctx *ctx, const bcp_dep_graph *g, bcp_buf *out)
{
    bcp_buf_puts(out, "flowchart LR\n");
    for (size_t i = 0; i < g->node_count; i++) {
        bcp_buf_puts(out, "  ");
        mermaid_id(out, g, i);
        mermaid_label(out, node_label(ctx, g->nodes[i].entity));
        bcp_buf_puts(out, "\n");
    }
    for (size_t i = 0; i < g->edge_count; i++) {
        const bcp_dep_edge *e = &g->edges[i];
        bcp_buf_puts(out, "  ");
        mermaid_id(out, g, e->from);
        bcp_buf_puts(out, e->relation == BCP_DEP_STAND_IN ? " -.-> " : " --> ");
        mermaid_id(out, g, e->to);
        bcp_buf_puts(out, "\n");
    }
    bcp_buf_puts(out, "  classDef critical font-weight:bold\n"
                      "  classDef spof fill:" SPOF_FILL ",stroke:" SPOF_LINE ",stroke-width:2px\n"
                      "  classDef critpath stroke:" PATH_LINE ",stroke-width:3px\n");
    mermaid_class(out, g, "critical", 0);
    mermaid_class(out, g, "spof", 1);
    mermaid_class(out, g, "critpath", 2);
    bool any = false;
    for (size_t i = 0; i < g->edge_count; i++)
        if (g->edges[i].on_path) {
            bcp_buf_printf(out, "%s%zu", any ? "," : "  linkStyle ", i);
            any = true;
        }
    if (any)
        bcp_buf_puts(out, " stroke:" PATH_LINE ",stroke-width:3px\n");
}
