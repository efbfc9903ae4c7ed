/* Markdown building blocks shared by the chapters of the document: escaping,
 * headings and purpose paragraphs, table cells, joined lists and stdlib prose. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "md_doc.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

void bcp_md_escape_into(bcp_buf *b, const char *text, bcp_md_escape mode)
{
    bool line_start = true;
    if (!text)
        return; /* a text the locale lacks renders as nothing (and is reported) */
    for (const char *p = text; *p; p++) {
        char c = *p;
        if (c == '\r' || c == BCP_MD_XREF_MARK)
            continue; /* the cross-reference marker: plan text can never forge one */
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

void bcp_md_esc(bcp_md *d, const char *s) { bcp_md_escape_into(d->b, s ? s : "", BCP_MD_TEXT); }
void bcp_md_put(bcp_md *d, const char *s) { bcp_buf_puts(d->b, s); }

/* Stdlib prose with {name} placeholders filled by escaped plan values.  The
 * prose itself is trusted Markdown. */
static void put_cell(bcp_buf *out, const char *value)
{
    bcp_md_escape_into(out, value, BCP_MD_CELL);
}

void bcp_md_prose(bcp_md *d, const char *tmpl, const char *const *keys, const char *const *vals, size_t n)
{
    bcp_rfill_keys(d->b, tmpl, keys, vals, n, put_cell);
}

void bcp_md_para(bcp_md *d, const char *text)
{
    if (!text || !*text)
        return;
    bcp_md_put(d, text);
    bcp_md_put(d, "\n\n");
}

/* ---- numbering and cross-references */

/* Chinese numerals for chapter numbers: 1..99 (一, 十, 十一, 二十一). */
static void zh_numeral(int n, char *out, size_t size)
{
    static const char *const digit[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n > 99) {
        snprintf(out, size, "%d", n);
        return;
    }
    int tens = n / 10, ones = n % 10;
    snprintf(out, size, "%s%s%s", tens > 1 ? digit[tens] : "", tens ? "十" : "", digit[ones]);
}

static void appendix_letter(int n, char *out, size_t size)
{
    if (n >= 1 && n <= 26)
        snprintf(out, size, "%c", 'A' + n - 1);
    else
        snprintf(out, size, "%d", n);
}

/* A numbering template of the document language, filled raw. */
static void fill_number(bcp_md *d, const char *text_id, bcp_buf *out)
{
    char n[16], m[16], zh[32], a[16];
    bool in_appendix = d->appendix > 0;
    snprintf(n, sizeof n, "%d", d->chapter);
    snprintf(m, sizeof m, "%d", d->section);
    zh_numeral(d->chapter, zh, sizeof zh);
    appendix_letter(d->appendix, a, sizeof a);
    static const char *const keys[] = {"n", "m", "zh", "a"};
    const char *vals[] = {in_appendix ? a : n, m, in_appendix ? a : zh, a};
    bcp_rfill_keys(out, bcp_rt_title(d->ctx, text_id), keys, vals, 4, NULL);
}

static void outline_add(bcp_md *d, const char *id, const char *ref_text_id)
{
    d->outline = bcp_grow(d->outline, &d->outline_cap, d->outline_count, sizeof *d->outline);
    struct bcp_md_outline_entry *e = &d->outline[d->outline_count++];
    e->id = id;
    bcp_buf num = {0};
    fill_number(d, ref_text_id, &num);
    snprintf(e->number, sizeof e->number, "%s", num.data ? num.data : "");
    bcp_buf_free(&num);
}

static void heading_line(bcp_md *d, int level, const char *number_text_id, const char *id)
{
    for (int i = 0; i < level; i++)
        bcp_md_put(d, "#");
    bcp_md_put(d, " ");
    if (number_text_id)
        fill_number(d, number_text_id, d->b);
    bcp_md_put(d, bcp_rt_title(d->ctx, id));
    bcp_md_put(d, "\n\n");
}

void bcp_md_heading(bcp_md *d, int level, const char *id)
{
    const char *number = NULL;
    if (level == 2) {
        d->chapter++;
        d->section = 0;
        d->appendix = 0; /* a chapter after the appendices would be odd, but numbered */
        number = "num_chapter";
        outline_add(d, id, "num_ref_chapter");
    } else if (level == 3 && (d->chapter > 0 || d->appendix > 0)) {
        d->section++;
        number = d->appendix ? "num_appendix_section" : "num_section";
        outline_add(d, id, d->appendix ? "num_ref_appendix_section" : "num_ref_section");
    }
    heading_line(d, level, number, id);
}

void bcp_md_front_section(bcp_md *d, const char *id)
{
    heading_line(d, 2, NULL, id);
    bcp_md_para(d, bcp_rt_optional(d->ctx, id, "body"));
}

void bcp_md_appendix(bcp_md *d, const char *id)
{
    d->appendix++;
    d->section = 0;
    outline_add(d, id, "num_ref_appendix");
    heading_line(d, 2, "num_appendix", id);
    bcp_md_para(d, bcp_rt_optional(d->ctx, id, "body"));
}

void bcp_md_xref(bcp_md *d, const char *id, bcp_buf *out)
{
    (void)d;
    char mark = BCP_MD_XREF_MARK;
    bcp_buf_put(out, &mark, 1);
    bcp_buf_puts(out, id);
    bcp_buf_put(out, &mark, 1);
}

void bcp_md_figure_caption(bcp_md *d, const char *section_id, const char *figure_id, const char *caption_id)
{
    bcp_buf number = {0}, fig = {0};
    bcp_md_xref(d, section_id, &number);
    bcp_rfill(&fig, bcp_md_text(d, figure_id), "number", number.data);
    bcp_md_put(d, "**");
    bcp_md_put(d, fig.data);
    bcp_md_put(d, "**");
    bcp_md_put(d, bcp_md_text(d, "colon"));
    bcp_md_esc(d, bcp_md_text(d, caption_id));
    bcp_md_put(d, "\n\n");
    bcp_buf_free(&number);
    bcp_buf_free(&fig);
}

void bcp_md_resolve_xrefs(bcp_md *d, size_t *const *offsets, size_t n)
{
    bcp_buf *b = d->b;
    if (!b->data || !memchr(b->data, BCP_MD_XREF_MARK, b->len))
        return;
    bcp_buf out = {0};
    size_t i = 0;
    size_t moved[8] = {0};
    bool done[8] = {false};
    if (n > 8)
        n = 8;
    while (i < b->len) {
        for (size_t k = 0; k < n; k++)
            if (!done[k] && *offsets[k] == i) {
                moved[k] = out.len;
                done[k] = true;
            }
        const char *start = b->data + i;
        const char *end = start[0] == BCP_MD_XREF_MARK ? memchr(start + 1, BCP_MD_XREF_MARK, b->len - i - 1) : NULL;
        if (!end) {
            bcp_buf_put(&out, start, 1);
            i++;
            continue;
        }
        size_t len = (size_t)(end - start - 1);
        const char *number = "";
        for (size_t k = 0; k < d->outline_count; k++)
            if (strlen(d->outline[k].id) == len && memcmp(d->outline[k].id, start + 1, len) == 0) {
                number = d->outline[k].number;
                break;
            }
        bcp_buf_puts(&out, number);
        i += len + 2;
    }
    for (size_t k = 0; k < n; k++)
        *offsets[k] = done[k] ? moved[k] : out.len;
    bcp_buf_free(b);
    *b = out;
}

void bcp_md_outline_free(bcp_md *d)
{
    bcp_free(d->outline);
    d->outline = NULL;
    d->outline_count = d->outline_cap = 0;
}

/* A section or subsection: its heading and its purpose paragraph. */
void bcp_md_section(bcp_md *d, int level, const char *id)
{
    bcp_md_heading(d, level, id);
    bcp_md_para(d, bcp_rt_optional(d->ctx, id, "body"));
}

void bcp_md_empty_line(bcp_md *d, const char *id)
{
    bcp_md_put(d, "*");
    bcp_md_put(d, bcp_rt_body(d->ctx, id));
    bcp_md_put(d, "*\n\n");
}

const char *bcp_md_text(bcp_md *d, const char *id) { return bcp_rt_title(d->ctx, id); }

/* "**Owner**: " / "**负责人**：": the colon is the language's, from `text colon`. */
void bcp_md_bold_label(bcp_md *d, const char *label_id)
{
    bcp_md_put(d, "**");
    bcp_md_put(d, bcp_md_text(d, label_id));
    bcp_md_put(d, "**");
    bcp_md_put(d, bcp_md_text(d, "colon"));
}

/* A label that ends its line (a list follows): no trailing blank. */
void bcp_md_bold_label_line(bcp_md *d, const char *label_id)
{
    bcp_md_bold_label(d, label_id);
    while (d->b->len && d->b->data[d->b->len - 1] == ' ')
        d->b->data[--d->b->len] = '\0';
    bcp_md_put(d, "\n\n");
}

void bcp_md_paren(bcp_md *d, const char *text, bcp_buf *out) { bcp_rfmt_paren(d->ctx, text, out); }

void bcp_md_cell_text(bcp_md *d, const char *s)
{
    bcp_md_put(d, " ");
    if (s && *s)
        bcp_md_escape_into(d->b, s, BCP_MD_CELL);
    else
        bcp_md_put(d, "—");
    bcp_md_put(d, " |");
}

void bcp_md_cell_raw(bcp_md *d, const char *s)
{
    bcp_md_put(d, " ");
    bcp_md_put(d, s && *s ? s : "—");
    bcp_md_put(d, " |");
}

void bcp_md_row_begin(bcp_md *d) { bcp_md_put(d, "|"); }
void bcp_md_row_end(bcp_md *d) { bcp_md_put(d, "\n"); }

void bcp_md_table_header(bcp_md *d, const char *cols_id)
{
    const bcp_value *cols = bcp_rt_items(d->ctx, cols_id);
    size_t n = cols ? cols->as.list.count : 0;
    bcp_md_row_begin(d);
    for (size_t i = 0; i < n; i++)
        bcp_md_cell_raw(d, cols->as.list.items[i].kind == BCP_V_STRING ? cols->as.list.items[i].as.string.text : "");
    bcp_md_row_end(d);
    bcp_md_put(d, "|");
    for (size_t i = 0; i < n; i++)
        bcp_md_put(d, "---|");
    bcp_md_put(d, "\n");
}

void bcp_md_table_end(bcp_md *d) { bcp_md_put(d, "\n"); }

const char *bcp_md_label(bcp_md *d, const bcp_entity *e) { return e ? bcp_rlabel(d->ctx, e) : NULL; }

void bcp_md_cell_entity(bcp_md *d, const bcp_entity *e) { bcp_md_cell_text(d, bcp_md_label(d, e)); }

void bcp_md_cell_duration(bcp_md *d, const bcp_entity *e, const char *name)
{
    int64_t s;
    if (!bcp_entity_duration(e, name, &s)) {
        bcp_md_cell_raw(d, NULL);
        return;
    }
    bcp_buf tmp = {0};
    bcp_rfmt_duration(d->ctx, s, &tmp);
    bcp_md_cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

void bcp_md_cell_date(bcp_md *d, const bcp_entity *e, const char *name)
{
    int32_t days;
    char buf[11];
    if (bcp_entity_date(e, name, &days)) {
        bcp_format_date(days, buf);
        bcp_md_cell_raw(d, buf);
    } else {
        bcp_md_cell_raw(d, NULL);
    }
}

void bcp_md_cell_bool(bcp_md *d, bool v) { bcp_md_cell_text(d, bcp_md_text(d, v ? "yes" : "no")); }

/* "Every 6 months" / "每 6 个月" rather than a bare duration. */
void bcp_md_cell_frequency(bcp_md *d, const bcp_entity *e, const char *name)
{
    int64_t s;
    if (!bcp_entity_duration(e, name, &s)) {
        bcp_md_cell_raw(d, NULL);
        return;
    }
    bcp_buf tmp = {0};
    bcp_rfmt_every(d->ctx, s, "frequency_phrase", &tmp);
    bcp_md_cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

/* Strings to be joined into one cell or sentence. */
void bcp_md_strlist_add(bcp_md_strlist *l, const char *s)
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
void bcp_md_strlist_join(bcp_md *d, const bcp_md_strlist *l, bcp_buf *out)
{
    const char *sep = bcp_md_text(d, "list_separator");
    const bcp_value *marks = bcp_rt_items(d->ctx, "list_separator_strong");
    for (size_t i = 0; marks && marks->kind == BCP_V_LIST && i < l->count; i++) {
        for (size_t k = 0; k < marks->as.list.count; k++) {
            const bcp_value *mk = &marks->as.list.items[k];
            if (mk->kind == BCP_V_STRING && *mk->as.string.text && strstr(l->items[i], mk->as.string.text)) {
                sep = bcp_md_text(d, "list_separator_strong");
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

void bcp_md_strlist_free(bcp_md_strlist *l) { bcp_free(l->items); }

static void collect_labels(bcp_md *d, const bcp_value *v, bcp_md_strlist *l)
{
    if (!v)
        return;
    const bcp_value *items = v->kind == BCP_V_LIST ? v->as.list.items : v;
    size_t n = v->kind == BCP_V_LIST ? v->as.list.count : 1;
    for (size_t i = 0; i < n; i++) {
        const bcp_value *it = &items[i];
        const char *s = NULL;
        if (it->kind == BCP_V_REF)
            s = it->as.ref.target ? bcp_md_label(d, it->as.ref.target) : it->as.ref.id;
        else if (it->kind == BCP_V_IDENT)
            s = it->as.ident.target ? bcp_md_label(d, it->as.ident.target) : it->as.ident.name;
        else if (it->kind == BCP_V_STRING)
            s = it->as.string.text;
        bcp_md_strlist_add(l, s);
    }
}

/* Labels of the entities or catalogue entries a list value names, joined. */
void bcp_md_join_labels(bcp_md *d, const bcp_value *v, bcp_buf *out)
{
    bcp_md_strlist l = {0};
    collect_labels(d, v, &l);
    bcp_md_strlist_join(d, &l, out);
    bcp_md_strlist_free(&l);
}

void bcp_md_cell_list(bcp_md *d, const bcp_entity *e, const char *name)
{
    bcp_buf tmp = {0};
    bcp_md_join_labels(d, bcp_model_localized_value(d->m, e, name, d->ctx->lang), &tmp);
    bcp_md_cell_text(d, tmp.data);
    bcp_buf_free(&tmp);
}

/* An enum word through `text PREFIX_VALUE`. */
const char *bcp_md_enum_label(bcp_md *d, const char *prefix, const bcp_entity *e, const char *name,
                              const char *fallback)
{
    const bcp_value *v = bcp_entity_value(e, name);
    const char *word = v && v->kind == BCP_V_IDENT ? v->as.ident.name : fallback;
    if (!word)
        return NULL;
    char id[160];
    snprintf(id, sizeof id, "%s_%s", prefix, word);
    return bcp_md_text(d, id);
}

void bcp_md_item_list(bcp_md *d, const bcp_value *v, bool numbered)
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
            bcp_md_put(d, "- ");
        bcp_md_esc(d, it->as.string.text);
        bcp_md_put(d, "\n");
    }
    bcp_md_put(d, "\n");
}

/* Stdlib items are trusted Markdown. */
void bcp_md_prose_list(bcp_md *d, const bcp_value *v, bool numbered)
{
    if (!v || v->kind != BCP_V_LIST)
        return;
    for (size_t i = 0; i < v->as.list.count; i++) {
        if (v->as.list.items[i].kind != BCP_V_STRING)
            continue;
        if (numbered)
            bcp_buf_printf(d->b, "%zu. ", i + 1);
        else
            bcp_md_put(d, "- ");
        bcp_md_put(d, v->as.list.items[i].as.string.text);
        bcp_md_put(d, "\n");
    }
    bcp_md_put(d, "\n");
}

const bcp_value *bcp_md_plan_value(bcp_md *d, const char *name)
{
    return d->plan ? bcp_model_localized_value(d->m, d->plan, name, d->ctx->lang) : NULL;
}

const char *bcp_md_plan_text(bcp_md *d, const char *name)
{
    return d->plan ? bcp_rattr(d->ctx, d->plan, name) : NULL;
}

void bcp_md_duration_text(bcp_md *d, int64_t s, bcp_buf *out) { bcp_rfmt_duration(d->ctx, s, out); }
