/* The plan document as Markdown.  Every heading, column header, purpose
 * paragraph and "not yet defined" line comes from the stdlib's `text`
 * entities in the document language; every row comes from the model.  Plan
 * text is escaped so that it can never become markup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "render.h"

typedef struct md {
    bcp_render_ctx *ctx;
    bcp_model *m;
    const bcp_entity *plan;
    bcp_buf *b;
    bool for_html;
    bcp_md_doc *doc;
} md;

/* ------------------------------------------------------------- escaping */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

void bcp_md_escape_into(bcp_buf *b, const char *text, bcp_md_escape mode)
{
    bool line_start = true;
    for (const char *p = text; *p; p++) {
        char c = *p;
        if (c == '\r')
            continue;
        if (c == '\n' || c == '\t') {
            if (c == '\n' && mode == BCP_MD_TEXT) {
                /* a hard break keeps the author's lines without starting a new block */
                bcp_buf_puts(b, "\\\n");
                line_start = true;
            } else {
                bcp_buf_puts(b, " ");
            }
            continue;
        }
        if (line_start && mode == BCP_MD_TEXT) {
            if (c == ' ')
                continue; /* indentation would turn the line into code */
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' || c == ':') {
                bcp_buf_put(b, "\\", 1);
                bcp_buf_put(b, &c, 1);
                line_start = false;
                continue;
            }
            if (is_digit(c)) {
                const char *q = p;
                while (is_digit(*q))
                    q++;
                if (*q == '.' || *q == ')') {
                    bcp_buf_put(b, p, (size_t)(q - p));
                    bcp_buf_put(b, "\\", 1);
                    bcp_buf_put(b, q, 1);
                    p = q;
                    line_start = false;
                    continue;
                }
            }
        }
        line_start = false;
        switch (c) {
        case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
        case '|': case '~': case '&': case '$': case '!':
            bcp_buf_put(b, "\\", 1);
            bcp_buf_put(b, &c, 1);
            break;
        default:
            bcp_buf_put(b, &c, 1);
        }
    }
}

static void esc(md *d, const char *s) { bcp_md_escape_into(d->b, s ? s : "", BCP_MD_TEXT); }
static void put(md *d, const char *s) { bcp_buf_puts(d->b, s); }

/* Stdlib prose with {name} placeholders filled by escaped plan values.  The
 * prose itself is trusted Markdown. */
static void prose(md *d, const char *tmpl, const char *const *keys, const char *const *vals, size_t n)
{
    for (const char *p = tmpl; *p; p++) {
        if (*p == '{') {
            const char *end = strchr(p, '}');
            bool done = false;
            for (size_t i = 0; end && i < n; i++) {
                size_t kl = strlen(keys[i]);
                if ((size_t)(end - p - 1) == kl && strncmp(p + 1, keys[i], kl) == 0) {
                    bcp_md_escape_into(d->b, vals[i] ? vals[i] : "", BCP_MD_CELL);
                    p = end;
                    done = true;
                    break;
                }
            }
            if (done)
                continue;
        }
        bcp_buf_put(d->b, p, 1);
    }
}

static void para(md *d, const char *text)
{
    if (!text || !*text)
        return;
    put(d, text);
    put(d, "\n\n");
}

static void heading(md *d, int level, const char *id)
{
    for (int i = 0; i < level; i++)
        put(d, "#");
    put(d, " ");
    put(d, bcp_rt_title(d->ctx, id));
    put(d, "\n\n");
}

/* A section or subsection: its heading and its purpose paragraph. */
static void section(md *d, int level, const char *id)
{
    heading(d, level, id);
    para(d, bcp_rt_optional(d->ctx, id, "body"));
}

static void empty_line(md *d, const char *id)
{
    put(d, "*");
    put(d, bcp_rt_body(d->ctx, id));
    put(d, "*\n\n");
}

/* ------------------------------------------------------------- values */

static const char *T(md *d, const char *id) { return bcp_rt_title(d->ctx, id); }

/* "**Owner**: " / "**负责人**：": the colon is the language's, from `text colon`. */
static void bold_label(md *d, const char *label_id)
{
    put(d, "**");
    put(d, T(d, label_id));
    put(d, "**");
    put(d, T(d, "colon"));
}

/* A label that ends its line (a list follows): no trailing blank. */
static void bold_label_line(md *d, const char *label_id)
{
    bold_label(d, label_id);
    while (d->b->len && d->b->data[d->b->len - 1] == ' ')
        d->b->data[--d->b->len] = '\0';
    put(d, "\n\n");
}

static void paren(md *d, const char *text, bcp_buf *out) { bcp_rfmt_paren(d->ctx, text, out); }

static void cell_text(md *d, const char *s)
{
    put(d, " ");
    if (s && *s)
        bcp_md_escape_into(d->b, s, BCP_MD_CELL);
    else
        put(d, "—");
    put(d, " |");
}

static void cell_raw(md *d, const char *s)
{
    put(d, " ");
    put(d, s && *s ? s : "—");
    put(d, " |");
}

static void row_begin(md *d) { put(d, "|"); }
static void row_end(md *d) { put(d, "\n"); }

static void table_header(md *d, const char *cols_id)
{
    const bcp_value *cols = bcp_rt_items(d->ctx, cols_id);
    size_t n = cols ? cols->as.list.count : 0;
    row_begin(d);
    for (size_t i = 0; i < n; i++)
        cell_raw(d, cols->as.list.items[i].kind == BCP_V_STRING ? cols->as.list.items[i].as.string.text : "");
    row_end(d);
    put(d, "|");
    for (size_t i = 0; i < n; i++)
        put(d, "---|");
    put(d, "\n");
}

static void table_end(md *d) { put(d, "\n"); }

static const char *label(md *d, const bcp_entity *e) { return e ? bcp_rlabel(d->ctx, e) : NULL; }

static void cell_entity(md *d, const bcp_entity *e) { cell_text(d, label(d, e)); }

static void cell_duration(md *d, const bcp_entity *e, const char *name)
{
    int64_t s;
    if (!bcp_entity_duration(e, name, &s)) {
        cell_raw(d, NULL);
        return;
    }
    bcp_buf tmp = {0};
    bcp_rfmt_duration(d->ctx, s, &tmp);
    cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

static void fmt_date(int32_t days, char out[11]) { bcp_format_date(days, out); }

static void cell_date(md *d, const bcp_entity *e, const char *name)
{
    int32_t days;
    char buf[11];
    if (bcp_entity_date(e, name, &days)) {
        fmt_date(days, buf);
        cell_raw(d, buf);
    } else {
        cell_raw(d, NULL);
    }
}

static void cell_bool(md *d, bool v) { cell_text(d, T(d, v ? "yes" : "no")); }

/* "Every 6 months" / "每 6 个月" rather than a bare duration. */
static void cell_frequency(md *d, const bcp_entity *e, const char *name)
{
    int64_t s;
    if (!bcp_entity_duration(e, name, &s)) {
        cell_raw(d, NULL);
        return;
    }
    bcp_buf tmp = {0};
    bcp_rfmt_every(d->ctx, s, "frequency_phrase", &tmp);
    cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

/* Strings to be joined into one cell or sentence. */
typedef struct strlist {
    const char **items;
    size_t count, cap;
} strlist;

static void strlist_add(strlist *l, const char *s)
{
    if (!s || !*s)
        return;
    l->items = bcp_grow(l->items, &l->cap, l->count, sizeof *l->items);
    l->items[l->count++] = s;
}

/* Joins with `text list_separator`; when an item itself holds one of the
 * marks listed in `text list_separator_strong` (a comma inside "Regional
 * team, Americas", a clause inside a responsibility) the plain separator
 * would blur the items, so the stronger one ("; ", "；") is used. */
static void strlist_join(md *d, const strlist *l, bcp_buf *out)
{
    const char *sep = T(d, "list_separator");
    const bcp_value *marks = bcp_rt_items(d->ctx, "list_separator_strong");
    for (size_t i = 0; marks && marks->kind == BCP_V_LIST && i < l->count; i++) {
        for (size_t k = 0; k < marks->as.list.count; k++) {
            const bcp_value *mk = &marks->as.list.items[k];
            if (mk->kind == BCP_V_STRING && *mk->as.string.text && strstr(l->items[i], mk->as.string.text)) {
                sep = T(d, "list_separator_strong");
                goto chosen;
            }
        }
    }
chosen:
    for (size_t i = 0; i < l->count; i++) {
        if (i)
            bcp_buf_puts(out, sep);
        bcp_buf_puts(out, l->items[i]);
    }
}

static void strlist_free(strlist *l) { free(l->items); }

static void collect_labels(md *d, const bcp_value *v, strlist *l)
{
    if (!v)
        return;
    const bcp_value *items = v->kind == BCP_V_LIST ? v->as.list.items : v;
    size_t n = v->kind == BCP_V_LIST ? v->as.list.count : 1;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *it = &items[i];
        const char *s = NULL;
        if (it->kind == BCP_V_REF)
            s = it->as.ref.target ? label(d, it->as.ref.target) : it->as.ref.id;
        else if (it->kind == BCP_V_IDENT)
            s = it->as.ident.target ? label(d, it->as.ident.target) : it->as.ident.name;
        else if (it->kind == BCP_V_STRING)
            s = it->as.string.text;
        strlist_add(l, s);
    }
}

/* Labels of the entities or catalogue entries a list value names, joined. */
static void join_labels(md *d, const bcp_value *v, bcp_buf *out)
{
    strlist l = {0};
    collect_labels(d, v, &l);
    strlist_join(d, &l, out);
    strlist_free(&l);
}

static void cell_list(md *d, const bcp_entity *e, const char *name)
{
    bcp_buf tmp = {0};
    join_labels(d, bcp_model_localized_value(d->m, e, name, d->ctx->lang), &tmp);
    cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

/* An enum word through `text PREFIX_VALUE`. */
static const char *enum_label(md *d, const char *prefix, const bcp_entity *e, const char *name,
                              const char *fallback)
{
    const bcp_value *v = bcp_entity_value(e, name);
    const char *word = v && v->kind == BCP_V_IDENT ? v->as.ident.name : fallback;
    if (!word)
        return NULL;
    char id[160];
    snprintf(id, sizeof id, "%s_%s", prefix, word);
    return T(d, id);
}

static void item_list(md *d, const bcp_value *v, bool numbered)
{
    if (!v || v->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < v->as.list.count; i++) {
        const bcp_value *it = &v->as.list.items[i];
        if (it->kind != BCP_V_STRING)
            continue;
        if (numbered)
            bcp_buf_printf(d->b, "%zu. ", i + 1);
        else
            put(d, "- ");
        esc(d, it->as.string.text);
        put(d, "\n");
    }
    put(d, "\n");
}

/* Stdlib items are trusted Markdown. */
static void prose_list(md *d, const bcp_value *v, bool numbered)
{
    if (!v || v->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < v->as.list.count; i++) {
        if (v->as.list.items[i].kind != BCP_V_STRING)
            continue;
        if (numbered)
            bcp_buf_printf(d->b, "%zu. ", i + 1);
        else
            put(d, "- ");
        put(d, v->as.list.items[i].as.string.text);
        put(d, "\n");
    }
    put(d, "\n");
}

static const bcp_value *plan_value(md *d, const char *name)
{
    return d->plan ? bcp_model_localized_value(d->m, d->plan, name, d->ctx->lang) : NULL;
}

static const char *plan_text(md *d, const char *name)
{
    return d->plan ? bcp_rattr(d->ctx, d->plan, name) : NULL;
}

static void duration_text(md *d, int64_t s, bcp_buf *out) { bcp_rfmt_duration(d->ctx, s, out); }

/* ---------------------------------------------------------------- cover */

static void cover(md *d)
{
    put(d, "# ");
    bcp_md_escape_into(d->b, plan_text(d, "title") ? plan_text(d, "title") : T(d, "doc_title"), BCP_MD_CELL);
    put(d, "\n\n");
    table_header(d, "cols_cover");
    size_t row = 0;
    const char *lbl = "cover_labels";
    char date[11];
    int32_t days;

    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); cell_text(d, plan_text(d, "organization")); row_end(d);
    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); cell_text(d, d->plan ? bcp_entity_text(d->plan, "version") : NULL); row_end(d);

    const bcp_entity *owner = d->plan ? bcp_entity_ref(d->plan, "owner") : NULL;
    bcp_buf tmp = {0};
    if (owner) {
        bcp_buf_puts(&tmp, label(d, owner));
        const char *role = bcp_rattr(d->ctx, owner, "role");
        if (role)
            paren(d, role, &tmp);
    }
    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); cell_text(d, tmp.data); row_end(d);
    bcp_buf_free(&tmp);

    const bcp_entity *approver = d->plan ? bcp_entity_ref(d->plan, "approved_by") : NULL;
    if (approver) {
        bcp_buf_puts(&tmp, label(d, approver));
        if (bcp_entity_date(d->plan, "approved", &days)) {
            fmt_date(days, date);
            bcp_buf_printf(&tmp, " · %s", date);
        }
    } else if (d->plan && bcp_entity_date(d->plan, "approved", &days)) {
        fmt_date(days, date);
        bcp_buf_puts(&tmp, date);
    }
    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    cell_text(d, tmp.len ? tmp.data : T(d, "not_approved")); row_end(d);
    bcp_buf_free(&tmp);

    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++)); cell_date(d, d->plan, "effective"); row_end(d);
    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    if (d->plan && bcp_entity_date(d->plan, "reviewed", &days)) {
        fmt_date(days, date);
        cell_raw(d, date);
    } else {
        cell_text(d, T(d, "not_reviewed"));
    }
    row_end(d);
    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    if (bcp_plan_next_review(d->plan, &days)) {
        fmt_date(days, date);
        bcp_buf_puts(&tmp, date);
    } else {
        bcp_buf_puts(&tmp, T(d, "not_scheduled"));
    }
    if (d->plan) {
        bcp_buf every = {0};
        bcp_rfmt_interval(d->ctx, bcp_plan_review_interval(d->plan).seconds, &every);
        paren(d, every.data, &tmp);
        bcp_buf_free(&every);
    }
    cell_text(d, tmp.data); row_end(d);
    bcp_buf_free(&tmp);

    row_begin(d); cell_raw(d, bcp_rt_item(d->ctx, lbl, row++));
    cell_list(d, d->plan, "distribution"); row_end(d);
    table_end(d);
    para(d, bcp_rt_body(d->ctx, "doc_notice"));
}

/* -------------------------------------------------------------- summary */

static void join_sites(md *d, bcp_buf *out)
{
    const bcp_value *v = plan_value(d, "sites");
    if (v && v->kind == BCP_V_LIST && v->as.list.count) {
        join_labels(d, v, out);
        return;
    }
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    strlist l = {0};
    for (size_t i = 0; i < sites->count; i++) {
        const char *city = bcp_rattr(d->ctx, sites->items[i], "city");
        strlist_add(&l, city ? city : label(d, sites->items[i]));
    }
    strlist_join(d, &l, out);
    strlist_free(&l);
}

static void summary(md *d)
{
    section(d, 2, "sec_summary");

    heading(d, 3, "sum_purpose");
    const char *purpose = plan_text(d, "purpose");
    if (purpose) {
        esc(d, purpose);
        put(d, "\n\n");
    } else {
        para(d, bcp_rt_body(d->ctx, "sum_purpose"));
    }

    heading(d, 3, "sum_scope");
    const char *scope = plan_text(d, "scope");
    if (scope) {
        esc(d, scope);
        put(d, "\n\n");
    } else {
        const bcp_entity *ind = d->plan ? bcp_entity_ref(d->plan, "industry") : NULL;
        const bcp_entity *size = d->plan ? bcp_entity_ref(d->plan, "size") : NULL;
        bcp_buf sites = {0};
        join_sites(d, &sites);
        const char *keys[] = {"organization", "industry", "size", "sites"};
        const char *vals[] = {plan_text(d, "organization"), ind ? label(d, ind) : T(d, "industry_unspecified"),
                              size ? label(d, size) : "", sites.len ? sites.data : T(d, "sites_unspecified")};
        prose(d, bcp_rt_body(d->ctx, size ? "scope_template" : "scope_template_nosize"), keys, vals, 4);
        put(d, "\n\n");
        bcp_buf_free(&sites);
    }
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    if (sites->count) {
        table_header(d, "cols_sites");
        for (size_t i = 0; i < sites->count; i++) {
            const bcp_entity *s = sites->items[i];
            int64_t staff;
            char nbuf[32] = "";
            if (bcp_entity_integer(s, "staff", &staff))
                snprintf(nbuf, sizeof nbuf, "%lld", (long long)staff);
            row_begin(d);
            cell_entity(d, s);
            cell_text(d, bcp_rattr(d->ctx, s, "city"));
            cell_text(d, enum_label(d, "site_kind", s, "kind", "office"));
            cell_raw(d, nbuf);
            cell_text(d, bcp_rattr(d->ctx, s, "address"));
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_sites");
    }

    heading(d, 3, "sum_objectives");
    const bcp_value *obj = plan_value(d, "objectives");
    if (obj && obj->kind == BCP_V_LIST && obj->as.list.count)
        item_list(d, obj, false);
    else
        prose_list(d, bcp_rt_items(d->ctx, "sum_objectives"), false);

    heading(d, 3, "sum_assumptions");
    const bcp_value *as = plan_value(d, "assumptions");
    if (as && as->kind == BCP_V_LIST && as->as.list.count)
        item_list(d, as, false);
    else
        prose_list(d, bcp_rt_items(d->ctx, "sum_assumptions"), false);
}

/* ----------------------------------------------------------------- risk */

static const bcp_entity *level_entity_for_score(md *d, bcp_kind kind, int score, bcp_buf *names)
{
    const bcp_entity_list *l = bcp_model_entities(d->m, kind);
    const bcp_entity *first = NULL;
    const char *sep = T(d, "list_separator");
    for (size_t i = 0; i < l->count; i++) {
        int64_t s;
        if (!bcp_entity_integer(l->items[i], "score", &s) || s != score)
            continue;
        if (!first)
            first = l->items[i];
        if (names) {
            const char *lb = label(d, l->items[i]);
            if (strstr(names->data ? names->data : "", lb))
                continue; /* synonyms share a display name */
            if (names->len)
                bcp_buf_puts(names, sep);
            bcp_buf_puts(names, lb);
        }
    }
    return first;
}

static void cell_score(md *d, const bcp_entity *risk, const char *name, bcp_kind kind)
{
    int score = bcp_entity_score(risk, name);
    if (!score) {
        cell_raw(d, NULL);
        return;
    }
    const bcp_value *v = bcp_entity_value(risk, name);
    const bcp_entity *lvl = v && v->kind == BCP_V_IDENT ? v->as.ident.target : NULL;
    if (!lvl)
        lvl = level_entity_for_score(d, kind, score, NULL);
    bcp_buf tmp = {0};
    char num[16];
    snprintf(num, sizeof num, "%d", score);
    if (lvl) {
        bcp_buf_puts(&tmp, label(d, lvl));
        paren(d, num, &tmp);
    } else {
        bcp_buf_puts(&tmp, num);
    }
    cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

static void heatmap_grid(md *d, bcp_entity **risks, size_t n)
{
    /* header: the corner, then impact 1..5 */
    row_begin(d);
    cell_raw(d, T(d, "heatmap_corner"));
    for (int i = 1; i <= 5; i++) {
        bcp_buf names = {0};
        char num[16];
        snprintf(num, sizeof num, "%d", i);
        level_entity_for_score(d, BCP_KIND_IMPACT_LEVEL, i, &names);
        paren(d, num, &names);
        cell_text(d, names.data);
        bcp_buf_free(&names);
    }
    row_end(d);
    put(d, "|---|---|---|---|---|---|\n");
    for (int l = 5; l >= 1; l--) {
        row_begin(d);
        bcp_buf names = {0};
        char num[16];
        snprintf(num, sizeof num, "%d", l);
        level_entity_for_score(d, BCP_KIND_LIKELIHOOD_LEVEL, l, &names);
        paren(d, num, &names);
        put(d, " **");
        bcp_md_escape_into(d->b, names.data, BCP_MD_CELL);
        put(d, "** |");
        bcp_buf_free(&names);
        for (int i = 1; i <= 5; i++) {
            const bcp_entity *lvl = bcp_risk_level(d->m, l * i);
            bcp_buf cell = {0};
            if (lvl)
                bcp_buf_puts(&cell, label(d, lvl));
            size_t ids = 0;
            for (size_t k = 0; k < n; k++) {
                if (bcp_entity_score(risks[k], "likelihood") != l || bcp_entity_score(risks[k], "impact") != i)
                    continue;
                /* an empty cell names only its level: the grid stays readable */
                bcp_buf_puts(&cell, ids++ ? T(d, "list_separator") : cell.len ? T(d, "colon") : "");
                bcp_buf_puts(&cell, risks[k]->id);
            }
            if (!cell.len)
                bcp_buf_puts(&cell, "·");
            cell_text(d, cell.data);
            bcp_buf_free(&cell);
        }
        row_end(d);
    }
    table_end(d);
}

static void risk_section(md *d)
{
    section(d, 2, "sec_risk");

    section(d, 3, "risk_method");
    table_header(d, "cols_scales");
    for (int s = 5; s >= 1; s--) {
        char nbuf[16];
        snprintf(nbuf, sizeof nbuf, "%d", s);
        bcp_buf lik = {0}, imp = {0};
        level_entity_for_score(d, BCP_KIND_LIKELIHOOD_LEVEL, s, &lik);
        level_entity_for_score(d, BCP_KIND_IMPACT_LEVEL, s, &imp);
        row_begin(d);
        cell_raw(d, nbuf);
        cell_text(d, lik.data);
        cell_text(d, imp.data);
        row_end(d);
        bcp_buf_free(&lik);
        bcp_buf_free(&imp);
    }
    table_end(d);
    table_header(d, "cols_levels");
    const bcp_entity_list *levels = bcp_model_entities(d->m, BCP_KIND_RISK_LEVEL);
    for (size_t i = levels->count; i-- > 0;) {
        const bcp_entity *lv = levels->items[i];
        int64_t lo;
        bcp_entity_integer(lv, "min_score", &lo);
        int64_t hi = 25;
        for (size_t j = 0; j < levels->count; j++) {
            int64_t other;
            if (bcp_entity_integer(levels->items[j], "min_score", &other) && other > lo && other - 1 < hi)
                hi = other - 1;
        }
        char range[32];
        snprintf(range, sizeof range, "%lld–%lld", (long long)lo, (long long)hi);
        row_begin(d);
        cell_entity(d, lv);
        cell_raw(d, range);
        cell_text(d, bcp_rattr(d->ctx, lv, "description"));
        row_end(d);
    }
    table_end(d);

    size_t n;
    bcp_entity **risks = bcp_sorted_risks(d->m, &n);

    section(d, 3, "risk_categories");
    table_header(d, "cols_categories");
    const bcp_entity_list *cats = bcp_model_entities(d->m, BCP_KIND_RISK_CATEGORY);
    for (size_t i = 0; i < cats->count; i++) {
        const bcp_entity *c = cats->items[i];
        size_t count = 0;
        for (size_t k = 0; k < n; k++)
            if (bcp_entity_ref(risks[k], "category") == c)
                count++;
        char nbuf[32];
        snprintf(nbuf, sizeof nbuf, "%zu", count);
        row_begin(d);
        cell_entity(d, c);
        cell_text(d, bcp_rattr(d->ctx, c, "description"));
        cell_raw(d, nbuf);
        row_end(d);
    }
    table_end(d);

    section(d, 3, "risk_matrix");
    if (n) {
        table_header(d, "cols_risk_matrix");
        for (size_t k = 0; k < n; k++) {
            const bcp_entity *r = risks[k];
            int score = bcp_risk_score(r);
            char sbuf[16] = "";
            if (score)
                snprintf(sbuf, sizeof sbuf, "%d", score);
            const bcp_entity *lvl = bcp_risk_level(d->m, score);
            row_begin(d);
            cell_text(d, r->id);
            cell_entity(d, r);
            cell_entity(d, bcp_entity_ref(r, "category"));
            cell_score(d, r, "likelihood", BCP_KIND_LIKELIHOOD_LEVEL);
            cell_score(d, r, "impact", BCP_KIND_IMPACT_LEVEL);
            cell_raw(d, sbuf);
            if (lvl) {
                bcp_buf b = {0};
                bcp_buf_puts(&b, "**");
                bcp_md_escape_into(&b, label(d, lvl), BCP_MD_CELL);
                bcp_buf_puts(&b, "**");
                cell_raw(d, b.data);
                bcp_buf_free(&b);
            } else {
                cell_raw(d, NULL);
            }
            cell_text(d, bcp_rattr(d->ctx, r, "strategy"));
            cell_entity(d, bcp_entity_ref(r, "owner"));
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_risks");
    }

    section(d, 3, "risk_heatmap");
    if (d->for_html)
        d->doc->heatmap_at = d->b->len;
    else
        heatmap_grid(d, risks, n);
    bcp_free(risks);

    heading(d, 3, "risk_review");
    /* risks may be reviewed more often than the plan (every six months
     * against a yearly plan review): the tightest interval a risk sets is the
     * cadence of the register */
    bcp_buf every = {0};
    bcp_rfmt_interval(d->ctx, bcp_risk_review_cadence(d->m).seconds, &every);
    const char *keys[] = {"every"};
    const char *vals[] = {every.data};
    prose(d, bcp_rt_body(d->ctx, "risk_review"), keys, vals, 1);
    put(d, "\n\n");
    bcp_buf_free(&every);
}

/* ------------------------------------------------------------------ BIA */

static const char *kind_title(md *d, const bcp_entity *e)
{
    char id[64];
    snprintf(id, sizeof id, "kind_%s", bcp_kind_name(e->kind));
    return T(d, id);
}

static void bia_section(md *d)
{
    section(d, 2, "sec_bia");
    size_t n;
    bcp_entity **fns = bcp_sorted_functions(d->m, &n);

    section(d, 3, "bia_priority");
    if (n) {
        table_header(d, "cols_bia");
        for (size_t i = 0; i < n; i++) {
            const bcp_entity *f = fns[i];
            int64_t prio = 1;
            bcp_entity_integer(f, "priority", &prio);
            char pbuf[16];
            snprintf(pbuf, sizeof pbuf, "%lld", (long long)prio);
            row_begin(d);
            cell_raw(d, pbuf);
            if (bcp_is_critical(f)) {
                cell_entity(d, f);
            } else {
                bcp_buf b = {0};
                bcp_buf_puts(&b, label(d, f));
                paren(d, T(d, "not_critical"), &b);
                cell_text(d, b.data);
                bcp_buf_free(&b);
            }
            cell_duration(d, f, "rto");
            cell_duration(d, f, "mtpd");
            cell_duration(d, f, "rpo");
            cell_list(d, f, "needs");
            const bcp_value *fb = bcp_model_localized_value(d->m, f, "fallback", d->ctx->lang);
            if (fb && fb->kind == BCP_V_IDENT)
                cell_text(d, T(d, "fallback_none"));
            else
                cell_text(d, bcp_rattr(d->ctx, f, "fallback"));
            bcp_buf who = {0};
            const bcp_entity *owner = bcp_entity_ref(f, "owner"), *deputy = bcp_entity_ref(f, "deputy");
            if (owner)
                bcp_buf_puts(&who, label(d, owner));
            if (deputy)
                bcp_buf_printf(&who, "%s%s%s", who.len ? " / " : "", T(d, "deputy_prefix"), label(d, deputy));
            cell_text(d, who.data);
            bcp_buf_free(&who);
            bcp_buf sites = {0};
            join_labels(d, bcp_entity_value(f, "sites"), &sites);
            cell_text(d, sites.len ? sites.data : T(d, "all_sites"));
            bcp_buf_free(&sites);
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_functions");
    }

    section(d, 3, "bia_dependencies");
    size_t rows = 0;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *needs = bcp_entity_value(fns[i], "needs");
        if (!needs || needs->kind != BCP_V_LIST)
            continue;
        for (size_t k = 0; k < needs->as.list.count; k++) {
            const bcp_value *it = &needs->as.list.items[k];
            if (it->kind != BCP_V_REF || !it->as.ref.target)
                continue;
            const bcp_entity *dep = it->as.ref.target;
            if (!rows++)
                table_header(d, "cols_dependencies");
            row_begin(d);
            cell_entity(d, fns[i]);
            cell_entity(d, dep);
            cell_text(d, kind_title(d, dep));
            int64_t sla;
            if (!bcp_entity_attr(dep, "rto") && bcp_entity_duration(dep, "sla", &sla)) {
                /* a supplier's contractual restore time stands in for an RTO */
                bcp_buf t = {0};
                duration_text(d, sla, &t);
                paren(d, T(d, "sla"), &t);
                cell_text(d, t.data);
                bcp_buf_free(&t);
            } else {
                cell_duration(d, dep, "rto");
            }
            const bcp_entity *alt = bcp_entity_ref(dep, "alternate");
            const bcp_value *alts = bcp_entity_value(dep, "alternates");
            if (alt) {
                cell_entity(d, alt);
            } else if (alts) {
                cell_list(d, dep, "alternates");
            } else {
                cell_text(d, bcp_rattr(d->ctx, dep, "fallback"));
            }
            row_end(d);
        }
    }
    if (rows)
        table_end(d);
    else
        empty_line(d, "empty_dependencies");

    section(d, 3, "bia_key_people");
    rows = 0;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *kp = bcp_entity_value(fns[i], "key_people");
        if (!kp || kp->kind != BCP_V_LIST)
            continue;
        for (size_t k = 0; k < kp->as.list.count; k++) {
            const bcp_entity *p = kp->as.list.items[k].kind == BCP_V_REF ? kp->as.list.items[k].as.ref.target : NULL;
            if (!p)
                continue;
            if (!rows++)
                table_header(d, "cols_key_people");
            row_begin(d);
            cell_entity(d, fns[i]);
            cell_entity(d, p);
            cell_text(d, bcp_rattr(d->ctx, p, "role"));
            const bcp_entity *sub = bcp_entity_ref(p, "substitute");
            cell_text(d, sub ? label(d, sub) : T(d, "no_substitute"));
            row_end(d);
        }
    }
    if (rows)
        table_end(d);
    else
        empty_line(d, "empty_key_people");
    bcp_free(fns);
}

/* ------------------------------------------------------------- recovery */

/* Which unit of `text unit_singular` / `unit_plural` a word is; -1 if none. */
static int unit_index(md *d, const char *word)
{
    for (size_t i = 0; i < 6; i++) {
        if (strcmp(word, bcp_rt_item(d->ctx, "unit_singular", i)) == 0 ||
            strcmp(word, bcp_rt_item(d->ctx, "unit_plural", i)) == 0)
            return (int)i;
    }
    return -1;
}

/* The number of "1 hour" when "24 hours" is in the same unit, so that a range
 * reads "1–24 hours"; NULL when the units differ. */
static char *shared_unit_number(md *d, const char *a, const char *b)
{
    const char *sa = strchr(a, ' '), *sb = strchr(b, ' ');
    if (!sa || !sb)
        return NULL;
    int ua = unit_index(d, sa + 1);
    if (ua < 0 || ua != unit_index(d, sb + 1))
        return NULL;
    size_t n = (size_t)(sa - a);
    char *num = malloc(n + 1);
    if (!num)
        abort();
    memcpy(num, a, n);
    num[n] = '\0';
    return num;
}

static void window_text(md *d, int64_t starts, bool has_end, int64_t ends, bcp_buf *out)
{
    bcp_buf a = {0}, b = {0};
    duration_text(d, starts, &a);
    if (has_end)
        duration_text(d, ends, &b);
    const char *tmpl = T(d, has_end ? "window" : "window_open");
    char *start_number = has_end ? shared_unit_number(d, a.data ? a.data : "", b.data ? b.data : "") : NULL;
    if (start_number || (has_end && starts == 0)) {
        /* "0–48 hours", "48–72 hours" */
        tmpl = T(d, "window_same_unit");
        if (start_number) {
            bcp_buf_free(&a);
            bcp_buf_puts(&a, start_number);
            free(start_number);
        }
    }
    for (const char *p = tmpl; *p; p++) {
        if (strncmp(p, "{start}", 7) == 0) {
            bcp_buf_puts(out, a.data ? a.data : "");
            p += 6;
        } else if (strncmp(p, "{end}", 5) == 0) {
            bcp_buf_puts(out, b.data ? b.data : "");
            p += 4;
        } else {
            bcp_buf_put(out, p, 1);
        }
    }
    bcp_buf_free(&a);
    bcp_buf_free(&b);
}

static void phases(md *d)
{
    section(d, 3, "rec_phases");
    size_t n;
    bcp_entity **ph = bcp_sorted_phases(d->m, &n);
    if (n) {
        for (size_t i = 0; i < n; i++) {
            const bcp_entity *p = ph[i];
            int64_t starts = 0, ends = 0;
            bcp_entity_duration(p, "starts", &starts);
            bool has_end = bcp_entity_duration(p, "ends", &ends);
            /* the phase's own title often carries its number and span
             * ("阶段三：长期恢复（1 周及以上）"), so the heading is the title
             * alone and the computed window goes on its own line */
            put(d, "#### ");
            bcp_md_escape_into(d->b, label(d, p), BCP_MD_CELL);
            put(d, "\n\n");
            bcp_buf w = {0};
            window_text(d, starts, has_end, ends, &w);
            bold_label(d, "label_window");
            bcp_md_escape_into(d->b, w.data, BCP_MD_CELL);
            bcp_buf_free(&w);
            const bcp_entity *owner = bcp_entity_ref(p, "owner");
            if (owner) {
                put(d, "  \n");
                bold_label(d, "label_owner");
                esc(d, label(d, owner));
            }
            put(d, "\n\n");
            const bcp_value *acts = bcp_model_localized_value(d->m, p, "actions", d->ctx->lang);
            if (acts && acts->kind == BCP_V_LIST && acts->as.list.count)
                item_list(d, acts, false);
            else
                empty_line(d, "empty_phase_actions");
        }
    } else {
        para(d, bcp_rt_body(d->ctx, "default_phases_note"));
        static const char *const defaults[] = {"phase_response", "phase_short_term", "phase_long_term"};
        for (size_t i = 0; i < 3; i++) {
            put(d, "#### ");
            put(d, T(d, defaults[i]));
            put(d, "\n\n");
            para(d, bcp_rt_body(d->ctx, defaults[i]));
            prose_list(d, bcp_rt_items(d->ctx, defaults[i]), false);
        }
    }
    bcp_free(ph);
    if (d->for_html)
        d->doc->timeline_at = d->b->len;
}

static void scenarios(md *d)
{
    section(d, 3, "rec_scenarios");
    const bcp_entity_list *sc = bcp_model_entities(d->m, BCP_KIND_SCENARIO);
    if (!sc->count) {
        empty_line(d, "empty_scenarios");
        return;
    }
    for (size_t i = 0; i < sc->count; i++) {
        const bcp_entity *s = sc->items[i];
        put(d, "#### ");
        bcp_md_escape_into(d->b, label(d, s), BCP_MD_CELL);
        put(d, "\n\n");
        bcp_buf tmp = {0};
        size_t before = d->b->len;
        join_labels(d, bcp_entity_value(s, "risks"), &tmp);
        if (tmp.len) {
            bold_label(d, "label_risks");
            esc(d, tmp.data);
            put(d, "  \n");
        }
        bcp_buf_free(&tmp);
        join_labels(d, bcp_entity_value(s, "functions"), &tmp);
        if (tmp.len) {
            bold_label(d, "label_functions");
            esc(d, tmp.data);
            put(d, "\n");
        }
        bcp_buf_free(&tmp);
        if (d->b->len > before)
            put(d, "\n");
        const char *strategy = bcp_rattr(d->ctx, s, "strategy");
        bold_label(d, "label_strategy");
        if (strategy)
            esc(d, strategy);
        else
            put(d, bcp_rt_body(d->ctx, "empty_strategy"));
        put(d, "\n\n");
        const bcp_value *steps = bcp_model_localized_value(d->m, s, "steps", d->ctx->lang);
        bold_label_line(d, "label_steps");
        if (steps && steps->kind == BCP_V_LIST && steps->as.list.count)
            item_list(d, steps, true);
        else
            empty_line(d, "empty_steps");
    }
}

static void cell_blank(md *d) { put(d, "  |"); }

/* One row per backup, but one verdict per system, given on its first row:
 * the most frequent backup bounds the data loss (as lint rule D102 judges). */
static void backups(md *d)
{
    section(d, 3, "rec_backup");
    const bcp_entity_list *systems = bcp_model_entities(d->m, BCP_KIND_SYSTEM);
    if (!systems->count) {
        empty_line(d, "empty_systems");
        return;
    }
    table_header(d, "cols_backup");
    for (size_t i = 0; i < systems->count; i++) {
        const bcp_entity *sys = systems->items[i];
        bcp_rpo_check check;
        bcp_rpo_verdict verdict = bcp_system_rpo_check(d->m, sys, &check);
        int64_t rpo = check.rpo;
        const char *verdict_text = T(d, verdict == BCP_RPO_MET       ? "rpo_met"
                                        : verdict == BCP_RPO_NOT_MET ? "rpo_not_met"
                                                                     : "rpo_unknown");
        bcp_buf rpo_text = {0};
        if (verdict != BCP_RPO_UNKNOWN)
            duration_text(d, rpo, &rpo_text);
        size_t backups_seen = 0;
        for (size_t k = 0; k < sys->child_count; k++) {
            const bcp_entity *bk = sys->children[k];
            if (bk->kind != BCP_KIND_BACKUP)
                continue;
            bool first = backups_seen++ == 0;
            row_begin(d);
            if (first)
                cell_entity(d, sys);
            else
                cell_blank(d);
            cell_duration(d, bk, "every");
            bcp_buf method = {0};
            bcp_buf_puts(&method, enum_label(d, "backup_kind", bk, "kind", "full"));
            int64_t kept;
            if (bcp_entity_duration(bk, "retention", &kept)) {
                bcp_buf t = {0}, phrase = {0};
                duration_text(d, kept, &t);
                bcp_rfill(&phrase, T(d, "retention_phrase"), "time", t.data);
                paren(d, phrase.data, &method);
                bcp_buf_free(&t);
                bcp_buf_free(&phrase);
            }
            cell_text(d, method.data);
            bcp_buf_free(&method);
            cell_text(d, bcp_rattr(d->ctx, bk, "where"));
            cell_bool(d, bcp_entity_bool(bk, "offsite", false));
            cell_bool(d, bcp_entity_bool(bk, "immutable", false));
            int32_t tested;
            if (bcp_entity_date(bk, "tested", &tested)) {
                char date[11];
                fmt_date(tested, date);
                cell_raw(d, date);
            } else {
                cell_text(d, T(d, "never_tested"));
            }
            if (first) {
                cell_text(d, rpo_text.data);
                cell_text(d, verdict_text);
            } else {
                cell_blank(d);
                cell_blank(d);
            }
            row_end(d);
        }
        if (!backups_seen) {
            row_begin(d);
            cell_entity(d, sys);
            cell_text(d, T(d, "no_backup"));
            for (int c = 0; c < 5; c++)
                cell_raw(d, NULL);
            cell_text(d, rpo_text.data);
            cell_text(d, verdict_text);
            row_end(d);
        }
        bcp_buf_free(&rpo_text);
    }
    table_end(d);
}

static void contact_line(md *d, const bcp_entity *contact, const char *person, const char *phone,
                         const char *email, bcp_buf *out)
{
    const char *sep = " · ";
    if (contact) {
        bcp_buf_puts(out, label(d, contact));
        if (!phone)
            phone = bcp_entity_text(contact, "phone");
    } else if (person) {
        bcp_buf_puts(out, person);
    }
    if (phone) {
        if (out->len)
            bcp_buf_puts(out, sep);
        bcp_buf_puts(out, phone);
    }
    if (email) {
        if (out->len)
            bcp_buf_puts(out, sep);
        bcp_buf_puts(out, email);
    }
}

static void alternate_sites(md *d)
{
    section(d, 3, "rec_sites");
    const bcp_entity_list *sites = bcp_model_entities(d->m, BCP_KIND_SITE);
    if (!sites->count) {
        empty_line(d, "empty_sites");
        return;
    }
    table_header(d, "cols_alt_sites");
    for (size_t i = 0; i < sites->count; i++) {
        const bcp_entity *s = sites->items[i];
        const bcp_entity *alt = bcp_entity_ref(s, "alternate");
        row_begin(d);
        cell_entity(d, s);
        cell_text(d, alt ? label(d, alt) : T(d, "no_alternate"));
        cell_bool(d, bcp_entity_bool(s, "remote_work", false));
        cell_text(d, bcp_rattr(d->ctx, s, "description"));
        row_end(d);
    }
    table_end(d);
}

static void suppliers(md *d)
{
    section(d, 3, "rec_suppliers");
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_SUPPLIER);
    if (!l->count) {
        empty_line(d, "empty_suppliers");
        return;
    }
    table_header(d, "cols_suppliers");
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *s = l->items[i];
        row_begin(d);
        cell_entity(d, s);
        cell_text(d, bcp_rattr(d->ctx, s, "provides"));
        cell_bool(d, bcp_is_critical(s));
        if (bcp_entity_value(s, "alternates"))
            cell_list(d, s, "alternates");
        else
            cell_text(d, T(d, "no_alternate"));
        cell_duration(d, s, "stock");
        cell_duration(d, s, "sla");
        cell_text(d, bcp_rattr(d->ctx, s, "contract"));
        bcp_buf c = {0};
        contact_line(d, bcp_entity_ref(s, "contact"), NULL, bcp_entity_text(s, "phone"),
                     bcp_entity_text(s, "email"), &c);
        cell_text(d, c.data);
        bcp_buf_free(&c);
        row_end(d);
    }
    table_end(d);
}

static void resources(md *d)
{
    section(d, 3, "rec_resources");
    const bcp_entity_list *l = bcp_model_entities(d->m, BCP_KIND_RESOURCE);
    if (!l->count) {
        empty_line(d, "empty_resources");
        return;
    }
    table_header(d, "cols_resources");
    for (size_t i = 0; i < l->count; i++) {
        const bcp_entity *r = l->items[i];
        row_begin(d);
        cell_entity(d, r);
        cell_entity(d, bcp_entity_ref(r, "kind"));
        cell_text(d, bcp_rattr(d->ctx, r, "provides"));
        bcp_buf c = {0};
        contact_line(d, bcp_entity_ref(r, "contact"), bcp_rattr(d->ctx, r, "person"),
                     bcp_entity_text(r, "phone"), bcp_entity_text(r, "email"), &c);
        cell_text(d, c.data);
        bcp_buf_free(&c);
        cell_text(d, bcp_rattr(d->ctx, r, "city"));
        cell_duration(d, r, "lead_time");
        cell_text(d, bcp_rattr(d->ctx, r, "contract"));
        row_end(d);
    }
    table_end(d);
}

static void recovery_section(md *d)
{
    section(d, 2, "sec_recovery");
    phases(d);
    scenarios(d);
    backups(d);
    alternate_sites(d);
    suppliers(d);
    resources(d);
}

/* -------------------------------------------------------- communication */

static void cell_contact_ref(md *d, const bcp_value *v)
{
    cell_text(d, v && v->kind == BCP_V_REF && v->as.ref.target ? label(d, v->as.ref.target) : NULL);
}

static void comms_section(md *d)
{
    section(d, 2, "sec_comms");

    section(d, 3, "com_goals");
    prose_list(d, bcp_rt_items(d->ctx, "com_goals"), false);

    section(d, 3, "com_tiers");
    table_header(d, "cols_tiers");
    const bcp_entity_list *contacts = bcp_model_entities(d->m, BCP_KIND_CONTACT);
    const bcp_entity_list *teams = bcp_model_entities(d->m, BCP_KIND_TEAM);
    for (int tier = 1; tier <= 3; tier++) {
        char id[32];
        snprintf(id, sizeof id, "tier_%d", tier);
        strlist l = {0};
        for (size_t i = 0; i < teams->count; i++) {
            int64_t t = 1;
            bcp_entity_integer(teams->items[i], "tier", &t);
            if (t == tier)
                strlist_add(&l, label(d, teams->items[i]));
        }
        for (size_t i = 0; i < contacts->count; i++) {
            int64_t t = 3;
            bcp_entity_integer(contacts->items[i], "tier", &t);
            if (t != tier || tier == 3 || bcp_entity_bool(contacts->items[i], "external", false))
                continue;
            strlist_add(&l, label(d, contacts->items[i]));
        }
        bcp_buf who = {0};
        strlist_join(d, &l, &who);
        strlist_free(&l);
        row_begin(d);
        cell_raw(d, T(d, id));
        cell_raw(d, bcp_rt_body(d->ctx, id));
        cell_text(d, who.len ? who.data : (tier == 3 ? T(d, "all_staff") : NULL));
        row_end(d);
        bcp_buf_free(&who);
    }
    table_end(d);

    section(d, 3, "com_crisis_team");
    size_t shown = 0;
    for (size_t i = 0; i < teams->count; i++) {
        const bcp_entity *t = teams->items[i];
        int64_t tier = 1;
        bcp_entity_integer(t, "tier", &tier);
        if (tier != 1)
            continue;
        shown++;
        put(d, "#### ");
        bcp_md_escape_into(d->b, label(d, t), BCP_MD_CELL);
        put(d, "\n\n");
        table_header(d, "cols_team");
        const char *roles[] = {"lead", "deputy"};
        for (size_t r = 0; r < 2; r++) {
            const bcp_entity *p = bcp_entity_ref(t, roles[r]);
            if (!p)
                continue;
            char rid[32];
            snprintf(rid, sizeof rid, "role_%s", roles[r]);
            row_begin(d);
            cell_raw(d, T(d, rid));
            cell_entity(d, p);
            cell_text(d, bcp_rattr(d->ctx, p, "role"));
            cell_text(d, bcp_entity_text(p, "phone"));
            cell_entity(d, bcp_entity_ref(p, "substitute"));
            row_end(d);
        }
        const bcp_value *members = bcp_entity_value(t, "members");
        for (size_t k = 0; members && members->kind == BCP_V_LIST && k < members->as.list.count; k++) {
            const bcp_entity *p = members->as.list.items[k].kind == BCP_V_REF ? members->as.list.items[k].as.ref.target : NULL;
            if (!p)
                continue;
            row_begin(d);
            cell_raw(d, T(d, "role_member"));
            cell_entity(d, p);
            cell_text(d, bcp_rattr(d->ctx, p, "role"));
            cell_text(d, bcp_entity_text(p, "phone"));
            cell_entity(d, bcp_entity_ref(p, "substitute"));
            row_end(d);
        }
        table_end(d);
        const bcp_value *resp = bcp_model_localized_value(d->m, t, "responsibilities", d->ctx->lang);
        if (resp && resp->kind == BCP_V_LIST && resp->as.list.count) {
            bold_label_line(d, "label_responsibilities");
            item_list(d, resp, false);
        }
    }
    if (!shown)
        empty_line(d, "empty_crisis_team");

    section(d, 3, "com_contacts");
    if (contacts->count) {
        table_header(d, "cols_contacts");
        /* internal contacts by tier, then every external one (by tier too),
         * marked as external */
        for (int pass = 0; pass < 2; pass++) {
            for (int tier = 1; tier <= 3; tier++) {
                for (size_t i = 0; i < contacts->count; i++) {
                    const bcp_entity *c = contacts->items[i];
                    int64_t t = 3;
                    bcp_entity_integer(c, "tier", &t);
                    if (t != tier || bcp_entity_bool(c, "external", false) != (pass == 1))
                        continue;
                    char tbuf[24];
                    snprintf(tbuf, sizeof tbuf, "%d", tier);
                    row_begin(d);
                    cell_entity(d, c);
                    bcp_buf role = {0};
                    const char *r = bcp_rattr(d->ctx, c, "role"), *o = bcp_rattr(d->ctx, c, "organization");
                    if (r)
                        bcp_buf_puts(&role, r);
                    if (o)
                        bcp_buf_printf(&role, "%s%s", role.len ? T(d, "comma") : "", o);
                    cell_text(d, role.data);
                    bcp_buf_free(&role);
                    cell_raw(d, pass ? T(d, "external") : tbuf);
                    cell_text(d, bcp_entity_text(c, "phone"));
                    cell_text(d, bcp_entity_text(c, "alt_phone"));
                    bcp_buf mail = {0};
                    const char *e1 = bcp_entity_text(c, "email"), *e2 = bcp_entity_text(c, "alt_email");
                    if (e1)
                        bcp_buf_puts(&mail, e1);
                    if (e2) {
                        bcp_buf alt = {0};
                        bcp_buf_printf(&alt, "%s%s", T(d, "alternate_prefix"), e2);
                        if (mail.len)
                            paren(d, alt.data, &mail);
                        else
                            bcp_buf_puts(&mail, alt.data);
                        bcp_buf_free(&alt);
                    }
                    cell_text(d, mail.data);
                    bcp_buf_free(&mail);
                    cell_list(d, c, "channels");
                    cell_entity(d, bcp_entity_ref(c, "substitute"));
                    row_end(d);
                }
            }
        }
        table_end(d);
    } else {
        empty_line(d, "empty_contacts");
    }

    section(d, 3, "com_scenarios");
    const bcp_entity_list *sc = bcp_model_entities(d->m, BCP_KIND_SCENARIO);
    if (sc->count) {
        table_header(d, "cols_comm_scenarios");
        for (size_t i = 0; i < sc->count; i++) {
            const bcp_entity *s = sc->items[i];
            const bcp_value *notify = bcp_entity_value(s, "notify");
            size_t nn = notify && notify->kind == BCP_V_LIST ? notify->as.list.count : 0;
            row_begin(d);
            cell_entity(d, s);
            cell_contact_ref(d, nn > 0 ? &notify->as.list.items[0] : NULL);
            cell_contact_ref(d, nn > 1 ? &notify->as.list.items[1] : NULL);
            cell_list(d, s, "channels");
            int64_t within;
            if (bcp_entity_duration(s, "within", &within)) {
                bcp_buf w = {0};
                duration_text(d, within, &w);
                bcp_buf t = {0};
                const char *tmpl = T(d, "within_phrase");
                for (const char *p = tmpl; *p; p++) {
                    if (strncmp(p, "{time}", 6) == 0) {
                        bcp_buf_puts(&t, w.data);
                        p += 5;
                    } else {
                        bcp_buf_put(&t, p, 1);
                    }
                }
                cell_text(d, t.data);
                bcp_buf_free(&t);
                bcp_buf_free(&w);
            } else {
                cell_raw(d, NULL);
            }
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_scenarios");
    }

    section(d, 3, "com_channels");
    const bcp_entity_list *channels = bcp_model_entities(d->m, BCP_KIND_CHANNEL);
    size_t rows = 0;
    for (size_t i = 0; i < channels->count; i++) {
        bcp_entity *ch = channels->items[i];
        const bcp_entity_list *users = bcp_model_referrers(d->m, ch);
        strlist uses = {0}, people = {0};
        for (size_t k = 0; k < users->count; k++) {
            bcp_kind k2 = users->items[k]->kind;
            if (k2 == BCP_KIND_SCENARIO || k2 == BCP_KIND_MESSAGE)
                strlist_add(&uses, label(d, users->items[k]));
            else if (k2 == BCP_KIND_CONTACT)
                strlist_add(&people, label(d, users->items[k]));
        }
        if (uses.count || people.count) {
            if (!rows++)
                table_header(d, "cols_channels");
            bcp_buf used = {0}, reach = {0};
            strlist_join(d, &uses, &used);
            strlist_join(d, &people, &reach);
            row_begin(d);
            cell_entity(d, ch);
            cell_text(d, enum_label(d, "medium", ch, "medium", NULL));
            cell_bool(d, !bcp_entity_bool(ch, "needs_internet", true));
            cell_text(d, used.data);
            cell_text(d, reach.data);
            row_end(d);
            bcp_buf_free(&used);
            bcp_buf_free(&reach);
        }
        strlist_free(&uses);
        strlist_free(&people);
    }
    if (rows)
        table_end(d);
    else
        empty_line(d, "empty_channels");

    section(d, 3, "com_messages");
    const bcp_entity_list *msgs = bcp_model_entities(d->m, BCP_KIND_MESSAGE);
    size_t templates = 0;
    if (msgs->count) {
        table_header(d, "cols_messages");
        for (size_t i = 0; i < msgs->count; i++) {
            const bcp_entity *mg = msgs->items[i];
            row_begin(d);
            cell_entity(d, mg);
            cell_entity(d, bcp_entity_ref(mg, "sender"));
            bcp_buf rec = {0};
            const char *r = bcp_rattr(d->ctx, mg, "recipients");
            if (r)
                bcp_buf_puts(&rec, r);
            else
                join_labels(d, bcp_entity_value(mg, "audience"), &rec);
            cell_text(d, rec.data);
            bcp_buf_free(&rec);
            cell_list(d, mg, "channels");
            cell_duration(d, mg, "within");
            row_end(d);
        }
        table_end(d);
    }
    for (int pass = 0; pass < 2; pass++) {
        const bcp_entity_list *l = pass ? msgs : sc;
        const char *attr = pass ? "body" : "message";
        for (size_t i = 0; i < l->count; i++) {
            const char *body = bcp_rattr(d->ctx, l->items[i], attr);
            if (!body)
                continue;
            templates++;
            put(d, "#### ");
            bcp_md_escape_into(d->b, label(d, l->items[i]), BCP_MD_CELL);
            put(d, "\n\n> ");
            for (const char *p = body; *p; p++) {
                const char *nl = strchr(p, '\n');
                size_t len = nl ? (size_t)(nl - p) : strlen(p);
                char *line = malloc(len + 1);
                if (!line)
                    abort();
                memcpy(line, p, len);
                line[len] = '\0';
                /* each line starts a line of the quote: "1. " or "- " there
                 * would open a list inside it, so line starts are escaped too */
                bcp_md_escape_into(d->b, line, BCP_MD_TEXT);
                free(line);
                if (!nl)
                    break;
                put(d, "\\\n> ");
                p = nl;
            }
            put(d, "\n\n");
        }
    }
    if (!msgs->count && !templates)
        empty_line(d, "empty_messages");

    section(d, 3, "com_flow");
    const bcp_value *flow = plan_value(d, "notification_flow");
    if (flow && flow->kind == BCP_V_LIST && flow->as.list.count)
        item_list(d, flow, true);
    else
        prose_list(d, bcp_rt_items(d->ctx, "com_flow"), true);
}

/* -------------------------------------------------------------- testing */

static void testing_section(md *d)
{
    section(d, 2, "sec_testing");

    section(d, 3, "test_exercises");
    const bcp_entity_list *ex = bcp_model_entities(d->m, BCP_KIND_EXERCISE);
    if (ex->count) {
        table_header(d, "cols_exercises");
        for (size_t i = 0; i < ex->count; i++) {
            const bcp_entity *e = ex->items[i];
            row_begin(d);
            cell_entity(d, e);
            cell_entity(d, bcp_entity_ref(e, "kind"));
            cell_frequency(d, e, "every");
            int32_t days;
            char date[11];
            if (bcp_entity_date(e, "last", &days)) {
                fmt_date(days, date);
                cell_raw(d, date);
            } else {
                cell_text(d, T(d, "never_held"));
            }
            if (bcp_exercise_next_due(e, &days)) {
                fmt_date(days, date);
                cell_raw(d, date);
            } else {
                cell_text(d, T(d, "not_scheduled"));
            }
            bcp_buf cov = {0};
            const char *scope = bcp_rattr(d->ctx, e, "scope");
            if (scope)
                bcp_buf_puts(&cov, scope);
            /* what the exercise covers and who takes part: one remark each,
             * since either list may already use the stronger separator */
            static const char *const lists[][2] = {{"covers", "label_covers"}, {"participants", "label_participants"}};
            for (size_t k = 0; k < 2; k++) {
                bcp_buf refs = {0};
                join_labels(d, bcp_entity_value(e, lists[k][0]), &refs);
                if (refs.len) {
                    bcp_buf remark = {0};
                    bcp_buf_printf(&remark, "%s%s%s", T(d, lists[k][1]), T(d, "colon"), refs.data);
                    if (cov.len)
                        paren(d, remark.data, &cov);
                    else
                        bcp_buf_puts(&cov, remark.data);
                    bcp_buf_free(&remark);
                }
                bcp_buf_free(&refs);
            }
            cell_text(d, cov.data);
            bcp_buf_free(&cov);
            cell_text(d, bcp_rattr(d->ctx, e, "results"));
            cell_entity(d, bcp_entity_ref(e, "owner"));
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_exercises");
    }

    heading(d, 3, "test_review");
    bcp_buf every = {0};
    bcp_rfmt_interval(d->ctx, bcp_plan_review_interval(d->plan).seconds, &every);
    char last[11] = "", next[11] = "";
    int32_t days;
    if (d->plan && bcp_entity_date(d->plan, "reviewed", &days))
        fmt_date(days, last);
    if (bcp_plan_next_review(d->plan, &days))
        fmt_date(days, next);
    const char *keys[] = {"every", "last", "next"};
    const char *vals[] = {every.data, last[0] ? last : T(d, "not_reviewed"), next[0] ? next : T(d, "not_scheduled")};
    prose(d, bcp_rt_body(d->ctx, "test_review"), keys, vals, 3);
    put(d, "\n\n");
    prose_list(d, bcp_rt_items(d->ctx, "test_review"), false);
    bcp_buf_free(&every);

    section(d, 3, "test_findings");
    const bcp_entity_list *fs = bcp_model_entities(d->m, BCP_KIND_FINDING);
    if (fs->count) {
        table_header(d, "cols_findings");
        for (size_t i = 0; i < fs->count; i++) {
            const bcp_entity *f = fs->items[i];
            row_begin(d);
            cell_entity(d, f);
            cell_entity(d, bcp_entity_ref(f, "exercise"));
            cell_entity(d, bcp_entity_ref(f, "owner"));
            cell_date(d, f, "due");
            cell_text(d, enum_label(d, "status", f, "status", "open"));
            cell_text(d, bcp_rattr(d->ctx, f, "action"));
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_findings");
    }
}

/* ------------------------------------------------------- implementation */

static void implementation_section(md *d)
{
    section(d, 2, "sec_impl");

    section(d, 3, "impl_roles");
    const bcp_entity_list *teams = bcp_model_entities(d->m, BCP_KIND_TEAM);
    if (teams->count) {
        table_header(d, "cols_roles");
        for (size_t i = 0; i < teams->count; i++) {
            const bcp_entity *t = teams->items[i];
            row_begin(d);
            cell_entity(d, t);
            cell_entity(d, bcp_entity_ref(t, "lead"));
            cell_entity(d, bcp_entity_ref(t, "deputy"));
            cell_list(d, t, "responsibilities");
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_crisis_team");
    }

    section(d, 3, "impl_milestones");
    const bcp_entity_list *ms = bcp_model_entities(d->m, BCP_KIND_MILESTONE);
    if (ms->count) {
        table_header(d, "cols_milestones");
        for (size_t i = 0; i < ms->count; i++) {
            const bcp_entity *m = ms->items[i];
            int64_t order;
            char obuf[16];
            snprintf(obuf, sizeof obuf, "%lld", bcp_entity_integer(m, "order", &order) ? (long long)order : (long long)(i + 1));
            row_begin(d);
            cell_raw(d, obuf);
            cell_entity(d, m);
            cell_text(d, bcp_rattr(d->ctx, m, "description"));
            cell_entity(d, bcp_entity_ref(m, "owner"));
            cell_date(d, m, "due");
            cell_text(d, enum_label(d, "status", m, "status", "planned"));
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_milestones");
    }

    section(d, 3, "impl_training");
    const bcp_entity_list *tr = bcp_model_entities(d->m, BCP_KIND_TRAINING);
    if (tr->count) {
        table_header(d, "cols_training");
        for (size_t i = 0; i < tr->count; i++) {
            const bcp_entity *t = tr->items[i];
            row_begin(d);
            cell_entity(d, t);
            cell_list(d, t, "audience");
            cell_text(d, enum_label(d, "training_when", t, "when", NULL));
            cell_frequency(d, t, "every");
            cell_list(d, t, "topics");
            cell_list(d, t, "methods");
            cell_entity(d, bcp_entity_ref(t, "owner"));
            row_end(d);
        }
        table_end(d);
    } else {
        empty_line(d, "empty_training");
    }

    section(d, 3, "impl_assessment");
    size_t shown = 0;
    for (size_t i = 0; i < tr->count; i++) {
        const char *a = bcp_rattr(d->ctx, tr->items[i], "assessment");
        if (!a)
            continue;
        shown++;
        put(d, "- **");
        bcp_md_escape_into(d->b, label(d, tr->items[i]), BCP_MD_CELL);
        put(d, "**");
        put(d, T(d, "colon"));
        bcp_md_escape_into(d->b, a, BCP_MD_CELL);
        put(d, "\n");
    }
    if (shown)
        put(d, "\n");
    else
        prose_list(d, bcp_rt_items(d->ctx, "impl_assessment"), false);
}

static void closing(md *d)
{
    heading(d, 2, "sec_closing");
    const char *s = plan_text(d, "summary");
    if (s) {
        esc(d, s);
        put(d, "\n");
    } else {
        para(d, bcp_rt_body(d->ctx, "sec_closing"));
    }
}

void bcp_render_markdown(bcp_render_ctx *ctx, bool for_html, bcp_md_doc *out)
{
    bcp_buf b = {0};
    memset(out, 0, sizeof *out);
    md d = {.ctx = ctx, .m = ctx->model, .plan = bcp_model_plan(ctx->model), .b = &b,
            .for_html = for_html, .doc = out};
    cover(&d);
    summary(&d);
    risk_section(&d);
    bia_section(&d);
    recovery_section(&d);
    comms_section(&d);
    testing_section(&d);
    implementation_section(&d);
    closing(&d);
    /* one trailing newline */
    while (b.len > 1 && b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '\n')
        b.data[--b.len] = '\0';
    out->markdown = bcp_buf_take(&b);
}
