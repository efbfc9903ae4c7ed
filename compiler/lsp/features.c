/* The requests of `bcp lsp`: completion, hover, navigation, symbols,
 * folding and selection ranges, rename, formatting, code actions and inlay
 * hints.  Everything about a plan comes from include/bcp.h; derived facts
 * (risk level, next due date, RPO verdict) from its one home of them. */
#define _GNU_SOURCE
#include "lsp.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ------------------------------------------------------------- helpers */

typedef struct ctx {
    lsp_doc *doc;
    const char *text;
    size_t length;
    lsp_lines lines;
    uint32_t offset;
} ctx;

/* The document of params.textDocument (re-checked first when `fresh`), and
 * the byte offset of params.position. */
static bool ctx_open(lsp_server *s, json_t *params, ctx *c, bool fresh, int *code, const char **message)
{
    memset(c, 0, sizeof *c);
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    c->doc = lsp_find_doc(s, uri);
    if (!c->doc) {
        *code = LSP_INVALID_PARAMS;
        *message = "the document is not open";
        return false;
    }
    if (fresh)
        lsp_flush_doc(s, c->doc);
    c->text = bcp_document_text(s->ws, c->doc->path, &c->length);
    if (!c->text) {
        *code = LSP_INVALID_PARAMS;
        *message = "the document is not open";
        return false;
    }
    lsp_lines_init(&c->lines, c->text, c->length);
    json_t *pos = json_object_get(params, "position");
    c->offset = pos ? lsp_offset_of(s, &c->lines, pos) : 0;
    return true;
}

static void ctx_close(ctx *c)
{
    lsp_lines_free(&c->lines);
}

static bool contains(bcp_location l, uint32_t off)
{
    return l.path && l.start_byte <= off && off <= l.end_byte;
}

/* Whether `loc` is in the document's file. */
static bool in_doc(lsp_plan *p, bcp_location loc, const lsp_doc *doc)
{
    size_t fi;
    return lsp_plan_lines(p, loc.path, &fi) && strcmp(p->files[fi], doc->path) == 0;
}

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

static void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(strbuf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->data ? b->data + b->len : NULL, b->data ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0)
            return;
        if (b->data && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        b->cap = (b->cap + (size_t)n + 1) * 2;
        char *d = realloc(b->data, b->cap);
        if (!d)
            exit(2);
        b->data = d;
    }
}

static json_t *sb_json(strbuf *b)
{
    json_t *j = json_string(b->data ? b->data : "");
    free(b->data);
    b->data = NULL;
    return j;
}

static const bcp_value *value_at(const bcp_value *v, uint32_t off)
{
    if (!v || !contains(bcp_value_location(v), off))
        return NULL;
    for (size_t i = 0; i < bcp_value_item_count(v); i++) {
        const bcp_value *in = value_at(bcp_value_item(v, i), off);
        if (in)
            return in;
    }
    return v;
}

/* What is at an offset: an entity's id, an attribute's name, a value. */
typedef struct hit {
    const bcp_entity *entity;
    const bcp_attribute *attr;
    const bcp_value *value;
    const bcp_entity *target;    /* the entity meant: the one named or referred to */
    bool on_id, on_name;
} hit;

static bool hit_at(lsp_plan *p, const lsp_doc *doc, uint32_t off, hit *h)
{
    memset(h, 0, sizeof *h);
    if (!p)
        return false;
    h->entity = bcp_plan_entity_at(p->plan, doc->path, off, &h->attr);
    if (!h->entity)
        return false;
    if (contains(bcp_entity_id_location(h->entity), off)) {
        h->on_id = true;
        h->target = h->entity;
        h->attr = NULL;
        return true;
    }
    if (h->attr) {
        if (contains(bcp_attribute_name_location(h->attr), off)) {
            h->on_name = true;
            return true;
        }
        h->value = value_at(bcp_attribute_value(h->attr), off);
        if (h->value)
            h->target = bcp_value_target(h->value);
    }
    return true;
}

static const char *ref_name(const bcp_entity *e, char *buf, size_t n)
{
    const char *id = bcp_entity_id(e);
    snprintf(buf, n, "%s.%s", bcp_entity_kind_name(e), id ? id : "");
    return buf;
}

static void human_duration(int64_t sec, char *buf, size_t n)
{
    if (sec && sec % 86400 == 0)
        snprintf(buf, n, "%lldd", (long long)(sec / 86400));
    else if (sec && sec % 3600 == 0)
        snprintf(buf, n, "%lldh", (long long)(sec / 3600));
    else if (sec && sec % 60 == 0)
        snprintf(buf, n, "%lldmin", (long long)(sec / 60));
    else
        snprintf(buf, n, "%llds", (long long)sec);
}

/* ------------------------------------------------------ derived facts */

static void entity_facts(lsp_plan *p, const bcp_entity *e, strbuf *b)
{
    const bcp_plan *plan = p->plan;
    const char *kind = bcp_entity_kind_name(e);
    char ref[256], iso[11];
    if (strcmp(kind, "risk") == 0) {
        int score = bcp_plan_risk_score(plan, e);
        const bcp_entity *level = bcp_plan_risk_level(plan, e);
        if (score)
            sb_printf(b, "- score: %d (likelihood x impact)\n", score);
        if (level)
            sb_printf(b, "- level: %s (`%s`)\n", bcp_entity_title(level), bcp_entity_id(level));
    }
    if (strcmp(kind, "function") == 0 || strcmp(kind, "supplier") == 0 || strcmp(kind, "system") == 0)
        sb_printf(b, "- %s\n", bcp_plan_is_critical(plan, e) ? "critical" : "not critical");
    int32_t days;
    if (bcp_plan_next_due(plan, e, &days, iso))
        sb_printf(b, "- next due: %s\n", iso);
    if (strcmp(kind, "system") == 0) {
        bcp_rpo_status st;
        bcp_backup_verdict v = bcp_plan_rpo_status(plan, e, &st);
        char rpo[32], every[32];
        human_duration(st.rpo_seconds, rpo, sizeof rpo);
        human_duration(st.backup_every_seconds, every, sizeof every);
        if (v == BCP_BACKUP_MEETS_RPO)
            sb_printf(b, "- backups meet the RPO of %s (every %s)\n", rpo, every);
        else if (v == BCP_BACKUP_MISSES_RPO && st.backup)
            sb_printf(b, "- backups MISS the RPO of %s (most frequent every %s)\n", rpo, every);
        else if (v == BCP_BACKUP_MISSES_RPO)
            sb_printf(b, "- no backup: the RPO of %s is not met\n", rpo);
    }
    size_t n = bcp_plan_referrer_count(plan, e);
    if (n) {
        sb_printf(b, "- %s: %zu (", strcmp(kind, "function") == 0 ? "dependants" : "referred to by", n);
        for (size_t i = 0; i < n && i < 8; i++)
            sb_printf(b, "%s`%s`", i ? ", " : "", ref_name(bcp_plan_referrer(plan, e, i), ref, sizeof ref));
        sb_printf(b, "%s)\n", n > 8 ? ", ..." : "");
    }
}

/* --------------------------------------------------------------- hover */

static void attribute_help(const char *kind, const char *name, strbuf *b)
{
    bcp_attribute_doc d;
    if (bcp_attribute_doc_get(kind, name, &d) != BCP_OK) {
        sb_printf(b, "`%s` is not an attribute of `%s`", name, kind);
        return;
    }
    sb_printf(b, "**`%s`** (%s): %s%s\n\n%s", d.name, kind, d.type, d.required ? ", required" : "",
              d.doc ? d.doc : "");
    if (d.default_text)
        sb_printf(b, "\n\nDefault: `%s`", d.default_text);
    if (d.example)
        sb_printf(b, "\n\nExample: `%s = %s`", d.name, d.example);
}

json_t *lsp_hover(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    hit h;
    json_t *result = json_null();
    if (hit_at(c.doc->plan, c.doc, c.offset, &h) && (h.on_name || h.target || h.on_id)) {
        strbuf b = {0};
        bcp_location range = {0};
        if (h.on_name) {
            attribute_help(bcp_entity_kind_name(h.entity), bcp_attribute_name(h.attr), &b);
            range = bcp_attribute_name_location(h.attr);
        } else {
            const bcp_entity *e = h.target;
            char ref[256];
            sb_printf(b.data ? &b : &b, "**%s** %s%s\n\n", ref_name(e, ref, sizeof ref),
                      bcp_entity_is_default(e) ? "(standard library) " : "", "");
            const char *title = bcp_entity_title(e);
            if (title)
                sb_printf(&b, "%s\n\n", title);
            strbuf facts = {0};
            entity_facts(c.doc->plan, e, &facts);
            if (facts.data)
                sb_printf(&b, "%s\n", facts.data);
            free(facts.data);
            bcp_kind_doc kd;
            if (bcp_kind_doc_get(bcp_entity_kind_name(e), &kd) == BCP_OK && kd.doc)
                sb_printf(&b, "*%s*: %s", kd.name, kd.doc);
            range = h.on_id ? bcp_entity_id_location(e) : bcp_value_location(h.value);
        }
        result = json_pack("{s:{s:s,s:o}}", "contents", "kind", "markdown", "value", sb_json(&b));
        if (range.path)
            json_object_set_new(result, "range", lsp_range(s, &c.lines, range.start_byte, range.end_byte));
    }
    ctx_close(&c);
    return result;
}

/* ----------------------------------------------------------- completion */

enum { T_NONE, T_WORD, T_STRING, T_EQ, T_LBRACE, T_RBRACE, T_LBRACK, T_RBRACK, T_COMMA };

static bool word_char(unsigned char ch)
{
    return ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-' || ch == '.' || ch == ':' || ch == '+';
}

typedef struct scan {
    char kinds[64][64];
    int depth;
    char attr[64];
    char list_attr[64];
    int list_depth;
    int list_index;          /* the element of the open list: commas at its level */
    int tok[3];              /* the last three tokens, tok[0] the latest */
    char word[2][64];        /* the last two words */
    bool in_comment, in_string;
} scan;

static void push_tok(scan *sc, int t, const char *w, size_t n)
{
    sc->tok[2] = sc->tok[1];
    sc->tok[1] = sc->tok[0];
    sc->tok[0] = t;
    if (t == T_WORD) {
        memcpy(sc->word[1], sc->word[0], sizeof sc->word[0]);
        if (n >= sizeof sc->word[0])
            n = sizeof sc->word[0] - 1;
        memcpy(sc->word[0], w, n);
        sc->word[0][n] = '\0';
    }
}

/* Reads the text up to `limit`, keeping the blocks open there. */
static void scan_to(const char *t, uint32_t limit, scan *sc)
{
    memset(sc, 0, sizeof *sc);
    uint32_t i = 0;
    while (i < limit) {
        unsigned char ch = (unsigned char)t[i];
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
            i++;
        } else if (ch == '#') {
            while (i < limit && t[i] != '\n')
                i++;
            if (i >= limit)
                sc->in_comment = true;
        } else if (ch == '"') {
            if (t[i + 1] == '"' && t[i + 2] == '"') {
                const char *e = strstr(t + i + 3, "\"\"\"");
                uint32_t end = e ? (uint32_t)(e - t) + 3 : UINT32_MAX;
                if (end > limit) {
                    sc->in_string = true;
                    return;
                }
                i = end;
            } else {
                i++;
                while (i < limit && t[i] != '"' && t[i] != '\n')
                    i += t[i] == '\\' && t[i + 1] ? 2 : 1;
                if (i >= limit) {
                    sc->in_string = true;
                    return;
                }
                i++;
            }
            push_tok(sc, T_STRING, NULL, 0);
        } else if (ch == '{') {
            /* `kind id {` or `kind {` (and `a = x kind {`) */
            const char *kind = sc->tok[0] == T_WORD && sc->tok[1] == T_WORD && sc->tok[2] != T_EQ ? sc->word[1]
                               : sc->tok[0] == T_WORD ? sc->word[0] : "";
            if (sc->depth < 64)
                snprintf(sc->kinds[sc->depth], sizeof sc->kinds[0], "%s", kind);
            sc->depth++;
            sc->list_depth = 0;
            sc->attr[0] = '\0';
            push_tok(sc, T_LBRACE, NULL, 0);
            i++;
        } else if (ch == '}') {
            if (sc->depth > 0)
                sc->depth--;
            sc->list_depth = 0;
            push_tok(sc, T_RBRACE, NULL, 0);
            i++;
        } else if (ch == '[') {
            if (sc->tok[0] == T_EQ && sc->list_depth == 0) {
                memcpy(sc->list_attr, sc->attr, sizeof sc->attr);
                sc->list_index = 0;
            }
            sc->list_depth++;
            push_tok(sc, T_LBRACK, NULL, 0);
            i++;
        } else if (ch == ']') {
            if (sc->list_depth > 0)
                sc->list_depth--;
            push_tok(sc, T_RBRACK, NULL, 0);
            i++;
        } else if (ch == '=') {
            if (sc->tok[0] == T_WORD)
                memcpy(sc->attr, sc->word[0], sizeof sc->attr);
            push_tok(sc, T_EQ, NULL, 0);
            i++;
        } else if (ch == ',') {
            if (sc->list_depth == 1)
                sc->list_index++;
            push_tok(sc, T_COMMA, NULL, 0);
            i++;
        } else if (word_char(ch)) {
            uint32_t start = i;
            while (i < limit && word_char((unsigned char)t[i]))
                i++;
            push_tok(sc, T_WORD, t + start, i - start);
        } else {
            i++;
        }
    }
}

enum { CK_TEXT = 1, CK_PROPERTY = 10, CK_VALUE = 12, CK_ENUM = 13, CK_KEYWORD = 14, CK_CLASS = 7,
       CK_REFERENCE = 18, CK_ENUM_MEMBER = 20, CK_CONSTANT = 21 };

static void add_item(json_t *items, json_t *range, const char *label, int kind, const char *detail,
                     const char *doc, const char *insert)
{
    json_t *it = json_pack("{s:s,s:i,s:{s:O,s:s},s:s}", "label", label, "kind", kind, "textEdit", "range",
                           range, "newText", insert ? insert : label, "filterText", label);
    if (detail)
        json_object_set_new(it, "detail", json_string(detail));
    if (doc)
        json_object_set_new(it, "documentation", json_pack("{s:s,s:s}", "kind", "markdown", "value", doc));
    json_array_append_new(items, it);
}

static bool one_of(const char *list, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = list; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(p, word, n) == 0)
            return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

static void entities_of(lsp_plan *p, const char *kind, bool as_reference, json_t *items, json_t *range)
{
    if (!p)
        return;
    size_t n = bcp_plan_entity_count(p->plan, kind);
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *e = bcp_plan_entity(p->plan, kind, i);
        const char *id = bcp_entity_id(e);
        if (!id || bcp_entity_parent(e))
            continue;
        char label[256];
        if (as_reference)
            snprintf(label, sizeof label, "%s.%s", kind, id);
        else
            snprintf(label, sizeof label, "%s", id);
        add_item(items, range, label, as_reference ? CK_REFERENCE : CK_ENUM_MEMBER, bcp_entity_title(e), NULL, NULL);
    }
}

static void value_items(lsp_server *s, lsp_plan *p, const char *kind, const char *attr, const char *prefix,
                        json_t *items, json_t *range)
{
    (void)s;
    bcp_attribute_doc d;
    if (bcp_attribute_doc_get(kind, attr, &d) != BCP_OK)
        return;
    char type[256];
    snprintf(type, sizeof type, "%s", d.type ? d.type : "");
    const char *allowed = d.allowed;
    if (strstr(type, "boolean")) {
        add_item(items, range, "true", CK_KEYWORD, NULL, NULL, NULL);
        add_item(items, range, "false", CK_KEYWORD, NULL, NULL, NULL);
    } else if (strstr(type, "duration")) {
        static const char *const durations[] = {"15min", "30min", "1h", "2h", "4h", "8h", "24h", "1d", "2d",
                                                "3d", "1w", "2w", "1mo", "3mo", "6mo", "1y"};
        for (size_t i = 0; i < sizeof durations / sizeof *durations; i++)
            add_item(items, range, durations[i], CK_CONSTANT, "duration", NULL, NULL);
    } else if (strcmp(type, "date") == 0) {
        char iso[16];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
        add_item(items, range, iso, CK_CONSTANT, "today", NULL, NULL);
    } else if (strncmp(type, "one of", 6) == 0 || strstr(type, "list of one of")) {
        for (const char *q = allowed; q && *q;) {
            const char *bar = strchr(q, '|');
            char w[128];
            size_t len = bar ? (size_t)(bar - q) : strlen(q);
            snprintf(w, sizeof w, "%.*s", (int)len, q);
            add_item(items, range, w, CK_ENUM_MEMBER, type, NULL, NULL);
            q = bar ? bar + 1 : NULL;
        }
    } else if (strstr(type, "reference to")) {
        const char *dot = strchr(prefix, '.');
        if (dot) {
            char k[128];
            snprintf(k, sizeof k, "%.*s", (int)(dot - prefix), prefix);
            if (one_of(allowed, k))
                entities_of(p, k, true, items, range);
        } else {
            for (const char *q = allowed; q && *q;) {
                const char *bar = strchr(q, '|');
                char k[128];
                size_t len = bar ? (size_t)(bar - q) : strlen(q);
                snprintf(k, sizeof k, "%.*s", (int)len, q);
                entities_of(p, k, true, items, range);
                q = bar ? bar + 1 : NULL;
            }
        }
    } else if (allowed) {   /* catalogue names: the catalogue's entries, the stdlib's included */
        for (const char *q = allowed; q && *q;) {
            const char *bar = strchr(q, '|');
            char k[128];
            size_t len = bar ? (size_t)(bar - q) : strlen(q);
            snprintf(k, sizeof k, "%.*s", (int)len, q);
            entities_of(p, k, false, items, range);
            q = bar ? bar + 1 : NULL;
        }
    }
}

json_t *lsp_completion(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, false, code, message))
        return NULL;
    uint32_t start = c.offset;
    while (start > 0 && word_char((unsigned char)c.text[start - 1]))
        start--;
    /* Back to the start of a UTF-8 character. */
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%.*s", (int)(c.offset - start), c.text + start);
    scan sc;
    scan_to(c.text, start, &sc);
    json_t *items = json_array();
    json_t *range = lsp_range(s, &c.lines, start, c.offset);
    const char *kind = sc.depth > 0 && sc.depth <= 64 ? sc.kinds[sc.depth - 1] : NULL;
    if (sc.in_comment || sc.in_string) {
        /* nothing */
    } else if (kind && sc.list_depth > 0 && (sc.tok[0] == T_LBRACK || sc.tok[0] == T_COMMA)) {
        value_items(s, c.doc->plan, kind, sc.list_attr, prefix, items, range);
    } else if (kind && sc.tok[0] == T_EQ) {
        value_items(s, c.doc->plan, kind, sc.attr, prefix, items, range);
    } else if (sc.tok[0] == T_NONE || sc.tok[0] == T_LBRACE || sc.tok[0] == T_RBRACE || sc.tok[0] == T_RBRACK ||
               ((sc.tok[0] == T_WORD || sc.tok[0] == T_STRING) && sc.tok[1] == T_EQ)) {
        if (!kind) {
            for (size_t i = 0; bcp_kind_at(i); i++) {
                bcp_kind_doc kd;
                if (bcp_kind_doc_get(bcp_kind_at(i), &kd) != BCP_OK || kd.nested_only)
                    continue;
                char insert[128];
                snprintf(insert, sizeof insert, "%s ", kd.name);
                add_item(items, range, kd.name, CK_CLASS, kd.catalogue ? "catalogue" : "kind", kd.doc, insert);
            }
        } else {
            bcp_attribute_doc d;
            for (size_t i = 0; bcp_attribute_doc_at(kind, i, &d) == BCP_OK; i++) {
                char detail[512], insert[128];
                snprintf(detail, sizeof detail, "%s%s%s%s", d.type ? d.type : "", d.required ? ", required" : "",
                         d.default_text ? ", default " : "", d.default_text ? d.default_text : "");
                snprintf(insert, sizeof insert, "%s = ", d.name);
                add_item(items, range, d.name, CK_PROPERTY, detail, d.doc, insert);
            }
            bcp_kind_doc kd;
            if (bcp_kind_doc_get(kind, &kd) == BCP_OK && kd.children && strcmp(kd.children, "*") != 0) {
                for (const char *q = kd.children; q && *q;) {
                    const char *bar = strchr(q, '|');
                    char k[128];
                    size_t len = bar ? (size_t)(bar - q) : strlen(q);
                    snprintf(k, sizeof k, "%.*s", (int)len, q);
                    bcp_kind_doc cd;
                    add_item(items, range, k, CK_CLASS, "nested block",
                             bcp_kind_doc_get(k, &cd) == BCP_OK ? cd.doc : NULL, NULL);
                    q = bar ? bar + 1 : NULL;
                }
            }
        }
    }
    json_decref(range);
    ctx_close(&c);
    return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", items);
}

/* ------------------------------------------------------- signature help */

/* Inside `attr = [ ... ]` of a list attribute: the attribute as a signature
 * `attr = [E, E, ...]` whose parameters are the elements up to the one the
 * cursor is in (the active parameter), with the element's kind(s) and the
 * attribute's doc. */
json_t *lsp_signature_help(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, false, code, message))
        return NULL;
    scan sc;
    scan_to(c.text, c.offset, &sc);
    const char *kind = sc.depth > 0 && sc.depth <= 64 ? sc.kinds[sc.depth - 1] : NULL;
    bcp_attribute_doc d;
    json_t *result = json_null();
    if (kind && sc.list_depth == 1 && !sc.in_comment && sc.list_attr[0] &&
        bcp_attribute_doc_get(kind, sc.list_attr, &d) == BCP_OK && d.list) {
        char type[256];
        snprintf(type, sizeof type, "%s", d.type ? d.type : "list");
        const char *element = strncmp(type, "list of ", 8) == 0 ? type + 8 : type;
        /* What an element is written as: `kind.ID` for references. */
        strbuf shape = {0}, forms = {0};
        if (strncmp(element, "reference to ", 13) == 0 && d.allowed) {
            size_t kinds = 0;
            for (const char *q = d.allowed; *q;) {
                const char *bar = strchr(q, '|');
                size_t len = bar ? (size_t)(bar - q) : strlen(q);
                sb_printf(&shape, "%s%.*s.ID", shape.data ? " | " : "", (int)len, q);
                sb_printf(&forms, "%s`%.*s.ID`", forms.data ? ", " : "", (int)len, q);
                kinds++;
                q = bar ? bar + 1 : q + len;
            }
            if (kinds > 3) {   /* a slot as long as a line helps nobody: the kinds are in the doc */
                shape.len = 0;
                sb_printf(&shape, "KIND.ID");
            }
        } else {
            sb_printf(&shape, "%s", element);
        }
        strbuf label = {0};
        sb_printf(&label, "%s = [", d.name);
        json_t *parameters = json_array();
        for (int i = 0; i <= sc.list_index; i++) {
            size_t from = label.len;
            sb_printf(&label, "%s%s", i ? ", " : "", shape.data);
            if (i)
                from += 2;
            char doc[512];
            snprintf(doc, sizeof doc, "element %d: %s", i + 1, element);
            json_array_append_new(parameters, json_pack("{s:[I,I],s:s}", "label", (json_int_t)from,
                                                        (json_int_t)label.len, "documentation", doc));
        }
        sb_printf(&label, ", ...]");
        strbuf doc = {0};
        sb_printf(&doc, "**`%s`** (%s): %s%s\n\nEach element: %s", d.name, kind, type,
                  d.required ? ", required" : "", forms.data ? "a reference, one of " : element);
        if (forms.data)
            sb_printf(&doc, "%s", forms.data);
        if (d.allowed && strncmp(element, "one of", 6) != 0 && strncmp(element, "reference to", 12) != 0)
            sb_printf(&doc, " (from: %s)", d.allowed);
        if (d.doc)
            sb_printf(&doc, "\n\n%s", d.doc);
        if (d.example)
            sb_printf(&doc, "\n\nExample: `%s = %s`", d.name, d.example);
        json_t *sig = json_pack("{s:o,s:{s:s,s:o},s:o,s:i}", "label", sb_json(&label), "documentation", "kind",
                                "markdown", "value", sb_json(&doc), "parameters", parameters,
                                "activeParameter", sc.list_index);
        free(shape.data);
        free(forms.data);
        result = json_pack("{s:[o],s:i,s:i}", "signatures", sig, "activeSignature", 0, "activeParameter",
                           sc.list_index);
    }
    ctx_close(&c);
    return result;
}

/* ---------------------------------------------------------- navigation */

json_t *lsp_definition(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    hit h;
    json_t *result = json_null();
    if (hit_at(c.doc->plan, c.doc, c.offset, &h) && h.target) {
        json_t *loc = lsp_location_json(s, c.doc->plan, bcp_entity_id_location(h.target));
        if (loc)
            result = loc;
    }
    ctx_close(&c);
    return result;
}

/* Calls `fn` for every resolved reference to `target` in the plan. */
static void each_reference(lsp_plan *p, const bcp_entity *target, void (*fn)(void *, const bcp_reference *), void *user)
{
    for (size_t k = 0; bcp_kind_at(k); k++) {
        const char *kind = bcp_kind_at(k);
        size_t n = bcp_plan_entity_count(p->plan, kind);
        for (size_t i = 0; i < n; i++) {
            const bcp_entity *e = bcp_plan_entity(p->plan, kind, i);
            if (bcp_entity_parent(e) || bcp_entity_is_default(e))
                continue;
            size_t rn = bcp_entity_reference_count(e);
            for (size_t r = 0; r < rn; r++) {
                bcp_reference ref;
                if (bcp_entity_reference(e, r, &ref) && ref.target == target)
                    fn(user, &ref);
            }
        }
    }
}

typedef struct ref_ctx {
    lsp_server *s;
    lsp_plan *p;
    json_t *out;
    const char *new_name;     /* rename */
    const char *old_id;
} ref_ctx;

static void add_reference_location(void *user, const bcp_reference *ref)
{
    ref_ctx *r = user;
    json_t *loc = lsp_location_json(r->s, r->p, bcp_value_location(ref->value));
    if (loc)
        json_array_append_new(r->out, loc);
}

json_t *lsp_references(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    hit h;
    json_t *result = json_array();
    if (hit_at(c.doc->plan, c.doc, c.offset, &h) && h.target) {
        json_t *ctxj = json_object_get(params, "context");
        if (json_is_true(json_object_get(ctxj, "includeDeclaration"))) {
            json_t *loc = lsp_location_json(s, c.doc->plan, bcp_entity_id_location(h.target));
            if (loc)
                json_array_append_new(result, loc);
        }
        ref_ctx r = {s, c.doc->plan, result, NULL, NULL};
        each_reference(c.doc->plan, h.target, add_reference_location, &r);
    }
    ctx_close(&c);
    return result;
}

static int symbol_kind(const char *kind)
{
    bcp_kind_doc kd;
    if (strcmp(kind, "plan") == 0)
        return 2;    /* Module */
    if (bcp_kind_doc_get(kind, &kd) == BCP_OK && kd.catalogue)
        return 22;   /* EnumMember */
    if (strcmp(kind, "contact") == 0 || strcmp(kind, "team") == 0)
        return 13;   /* Variable */
    if (strcmp(kind, "function") == 0)
        return 12;   /* Function */
    return 5;        /* Class */
}

static json_t *document_symbol(lsp_server *s, ctx *c, const bcp_entity *e)
{
    bcp_location l = bcp_entity_location(e), il = bcp_entity_id_location(e);
    const char *id = bcp_entity_id(e);
    const char *kind = bcp_entity_kind_name(e);
    char name[256];
    snprintf(name, sizeof name, "%s %s", kind, id ? id : "");
    const char *title = bcp_entity_title(e);
    json_t *sym = json_pack("{s:s,s:i,s:o,s:o}", "name", name, "kind", symbol_kind(kind), "range",
                            lsp_range(s, &c->lines, l.start_byte, l.end_byte), "selectionRange",
                            lsp_range(s, &c->lines, il.start_byte, il.end_byte));
    if (title && (!id || strcmp(title, id) != 0))
        json_object_set_new(sym, "detail", json_string(title));
    size_t n = bcp_entity_child_count(e);
    if (n) {
        json_t *children = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(children, document_symbol(s, c, bcp_entity_child(e, i)));
        json_object_set_new(sym, "children", children);
    }
    return sym;
}

/* The top-level entities of the document's file, in source order. */
typedef struct ent_list {
    const bcp_entity **items;
    size_t count, cap;
} ent_list;

static int by_position(const void *a, const void *b)
{
    uint32_t x = bcp_entity_location(*(const bcp_entity *const *)a).start_byte;
    uint32_t y = bcp_entity_location(*(const bcp_entity *const *)b).start_byte;
    return x < y ? -1 : x > y;
}

static void doc_entities(lsp_plan *p, const lsp_doc *doc, bool nested, ent_list *out)
{
    memset(out, 0, sizeof *out);
    if (!p)
        return;
    for (size_t k = 0; bcp_kind_at(k); k++) {
        const char *kind = bcp_kind_at(k);
        size_t n = bcp_plan_entity_count(p->plan, kind);
        for (size_t i = 0; i < n; i++) {
            const bcp_entity *e = bcp_plan_entity(p->plan, kind, i);
            if ((!nested && bcp_entity_parent(e)) || bcp_entity_is_default(e) || !in_doc(p, bcp_entity_location(e), doc))
                continue;
            if (out->count == out->cap) {
                out->cap = out->cap ? out->cap * 2 : 64;
                out->items = realloc(out->items, out->cap * sizeof *out->items);
                if (!out->items)
                    exit(2);
            }
            out->items[out->count++] = e;
        }
    }
    if (out->count)
        qsort(out->items, out->count, sizeof *out->items, by_position);
}

json_t *lsp_document_symbols(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    json_t *result = json_array();
    ent_list list;
    doc_entities(c.doc->plan, c.doc, false, &list);
    for (size_t i = 0; i < list.count; i++)
        json_array_append_new(result, document_symbol(s, &c, list.items[i]));
    free(list.items);
    ctx_close(&c);
    return result;
}

json_t *lsp_workspace_symbols(lsp_server *s, json_t *params, int *code, const char **message)
{
    (void)code;
    (void)message;
    const char *query = json_string_value(json_object_get(params, "query"));
    json_t *result = json_array();
    for (size_t d = 0; d < s->doc_count; d++)
        lsp_flush_doc(s, s->docs[d]);
    for (size_t d = 0; d < s->doc_count; d++) {
        lsp_plan *p = s->docs[d]->plan;
        bool seen = !p;
        for (size_t e = 0; e < d && !seen; e++)
            seen = s->docs[e]->plan == p;
        if (seen)
            continue;
        for (size_t k = 0; bcp_kind_at(k); k++) {
            const char *kind = bcp_kind_at(k);
            size_t n = bcp_plan_entity_count(p->plan, kind);
            for (size_t i = 0; i < n; i++) {
                const bcp_entity *e = bcp_plan_entity(p->plan, kind, i);
                if (bcp_entity_is_default(e) || !bcp_entity_id(e))
                    continue;
                char name[256];
                ref_name(e, name, sizeof name);
                if (query && *query && !strcasestr(name, query))
                    continue;
                json_t *loc = lsp_location_json(s, p, bcp_entity_id_location(e));
                if (!loc)
                    continue;
                json_t *sym = json_pack("{s:s,s:i,s:o}", "name", name, "kind", symbol_kind(kind), "location", loc);
                if (bcp_entity_title(e))
                    json_object_set_new(sym, "containerName", json_string(bcp_entity_title(e)));
                json_array_append_new(result, sym);
            }
        }
    }
    return result;
}

static uint32_t line_of(const lsp_lines *l, uint32_t off)
{
    size_t lo = 0, hi = l->count;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (l->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

json_t *lsp_folding_ranges(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    json_t *result = json_array();
    ent_list list;
    doc_entities(c.doc->plan, c.doc, true, &list);
    for (size_t i = 0; i < list.count; i++) {
        bcp_location l = bcp_entity_location(list.items[i]);
        if (l.end_byte == 0 || l.end_byte > c.length)
            continue;   /* a plan older than the text (its last load failed) */
        uint32_t a = line_of(&c.lines, l.start_byte), b = line_of(&c.lines, l.end_byte ? l.end_byte - 1 : 0);
        if (b > a + 1 || (b > a && c.text[l.end_byte - 1] != '}'))
            json_array_append_new(result, json_pack("{s:i,s:i}", "startLine", a, "endLine",
                                                    c.text[l.end_byte - 1] == '}' ? b - 1 : b));
    }
    free(list.items);
    ctx_close(&c);
    return result;
}

json_t *lsp_selection_ranges(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    json_t *result = json_array();
    size_t i;
    json_t *pos;
    json_array_foreach(json_object_get(params, "positions"), i, pos) {
        uint32_t off = lsp_offset_of(s, &c.lines, pos);
        uint32_t spans[40][2];
        int n = 0;
        uint32_t a = off, b = off;
        while (a > 0 && word_char((unsigned char)c.text[a - 1]))
            a--;
        while (b < c.length && word_char((unsigned char)c.text[b]))
            b++;
        spans[n][0] = a, spans[n][1] = b, n++;
        hit h;
        if (hit_at(c.doc->plan, c.doc, off, &h)) {
            if (h.value) {
                bcp_location vl = bcp_value_location(h.value);
                spans[n][0] = vl.start_byte, spans[n][1] = vl.end_byte, n++;
            }
            if (h.attr) {
                bcp_location nl = bcp_attribute_name_location(h.attr);
                bcp_location vl = bcp_value_location(bcp_attribute_value(h.attr));
                spans[n][0] = nl.start_byte, spans[n][1] = vl.end_byte > nl.end_byte ? vl.end_byte : nl.end_byte, n++;
            }
            for (const bcp_entity *e = h.entity; e && n < 38; e = bcp_entity_parent(e)) {
                bcp_location el = bcp_entity_location(e);
                spans[n][0] = el.start_byte, spans[n][1] = el.end_byte, n++;
            }
        }
        spans[n][0] = 0, spans[n][1] = (uint32_t)c.length, n++;
        /* From the outermost in; each range must hold the next. */
        json_t *parent = NULL;
        uint32_t pa = 0, pb = UINT32_MAX;
        for (int k = n - 1; k >= 0; k--) {
            if (spans[k][0] < pa || spans[k][1] > pb || (spans[k][0] == pa && spans[k][1] == pb) ||
                spans[k][0] > off || spans[k][1] < off)
                continue;
            json_t *sr = json_pack("{s:o}", "range", lsp_range(s, &c.lines, spans[k][0], spans[k][1]));
            if (parent)
                json_object_set_new(sr, "parent", parent);
            parent = sr;
            pa = spans[k][0], pb = spans[k][1];
        }
        json_array_append_new(result, parent ? parent : json_pack("{s:o}", "range", lsp_range(s, &c.lines, off, off)));
    }
    ctx_close(&c);
    return result;
}

/* --------------------------------------------------------------- rename */

static bool valid_id(const char *id)
{
    const unsigned char *p = (const unsigned char *)id;
    if (!*p || !(*p >= 0x80 || *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return false;
    for (; *p; p++)
        if (!(*p >= 0x80 || *p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return false;
    return strcmp(id, "true") != 0 && strcmp(id, "false") != 0;
}

static const bcp_entity *rename_target(lsp_server *s, ctx *c, int *code, const char **message)
{
    hit h;
    if (!hit_at(c->doc->plan, c->doc, c->offset, &h) || !h.target || !bcp_entity_id(h.target)) {
        *code = LSP_REQUEST_FAILED;
        *message = "no entity id or reference here";
        return NULL;
    }
    (void)s;
    if (bcp_entity_is_default(h.target)) {
        *code = LSP_REQUEST_FAILED;
        *message = "an entry of the standard library cannot be renamed";
        return NULL;
    }
    return h.target;
}

json_t *lsp_prepare_rename(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    const bcp_entity *t = rename_target(s, &c, code, message);
    json_t *result = NULL;
    if (t) {
        hit h;
        hit_at(c.doc->plan, c.doc, c.offset, &h);
        bcp_location l = h.on_id ? bcp_entity_id_location(t) : bcp_value_location(h.value);
        uint32_t idlen = (uint32_t)strlen(bcp_entity_id(t));
        uint32_t a = l.end_byte >= l.start_byte + idlen ? l.end_byte - idlen : l.start_byte;
        result = json_pack("{s:o,s:s}", "range", lsp_range(s, &c.lines, a, l.end_byte), "placeholder",
                           bcp_entity_id(t));
    }
    ctx_close(&c);
    return result;
}

static void add_edit(json_t *changes, const char *uri, json_t *range, const char *text)
{
    json_t *list = json_object_get(changes, uri);
    if (!list) {
        list = json_array();
        json_object_set_new(changes, uri, list);
    }
    json_array_append_new(list, json_pack("{s:o,s:s}", "range", range, "newText", text));
}

/* Replaces the id at the end of `loc` (the whole `kind.id` or a bare name). */
static void rename_at(ref_ctx *r, bcp_location loc)
{
    size_t fi;
    const lsp_lines *l = lsp_plan_lines(r->p, loc.path, &fi);
    if (!l)
        return;
    uint32_t idlen = (uint32_t)strlen(r->old_id);
    uint32_t a = loc.end_byte >= loc.start_byte + idlen ? loc.end_byte - idlen : loc.start_byte;
    char *uri = lsp_uri_for_path(r->s, r->p->files[fi]);
    add_edit(r->out, uri, lsp_range(r->s, l, a, loc.end_byte), r->new_name);
    free(uri);
}

static void rename_reference(void *user, const bcp_reference *ref)
{
    rename_at(user, bcp_value_location(ref->value));
}

json_t *lsp_rename(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    const char *new_name = json_string_value(json_object_get(params, "newName"));
    const bcp_entity *t = rename_target(s, &c, code, message);
    json_t *result = NULL;
    if (t && (!new_name || !valid_id(new_name))) {
        *code = LSP_INVALID_PARAMS;
        *message = "not a valid id: a letter or _, then letters, digits, _ or -";
    } else if (t && bcp_plan_find(c.doc->plan->plan, bcp_entity_kind_name(t), new_name) &&
               strcmp(new_name, bcp_entity_id(t)) != 0) {
        *code = LSP_REQUEST_FAILED;
        *message = "another entry of that kind already has this id";
    } else if (t) {
        json_t *changes = json_object();
        ref_ctx r = {s, c.doc->plan, changes, new_name, bcp_entity_id(t)};
        rename_at(&r, bcp_entity_id_location(t));
        each_reference(c.doc->plan, t, rename_reference, &r);
        result = json_pack("{s:o}", "changes", changes);
    }
    ctx_close(&c);
    return result;
}

/* ----------------------------------------------------------- formatting */

static json_t *format_edits(lsp_server *s, ctx *c, uint32_t lo, uint32_t hi, bool ranged, int *code,
                            const char **message)
{
    char *out = NULL;
    size_t out_len = 0;
    bool changed = false;
    bcp_diagnostics *problems = NULL;
    bcp_status st = bcp_format_text(c->doc->path, c->text, c->length, &out, &out_len, &changed, &problems);
    bcp_diagnostics_free(problems);
    if (st != BCP_OK) {
        bcp_free(out);
        *code = LSP_REQUEST_FAILED;
        *message = st == BCP_ERR_PLAN ? "bcp fmt: the text has syntax errors" : "bcp fmt refused to format it";
        return NULL;
    }
    json_t *edits = json_array();
    if (changed) {
        /* One edit: what lies between the common start and the common end. */
        size_t a = 0;
        while (a < c->length && a < out_len && c->text[a] == out[a])
            a++;
        while (a > 0 && ((unsigned char)c->text[a] & 0xC0) == 0x80)
            a--;
        size_t b = 0;
        while (b < c->length - a && b < out_len - a && c->text[c->length - 1 - b] == out[out_len - 1 - b])
            b++;
        while (b > 0 && ((unsigned char)c->text[c->length - b] & 0xC0) == 0x80)
            b--;
        uint32_t ea = (uint32_t)a, eb = (uint32_t)(c->length - b);
        if (!ranged || (ea >= lo && eb <= hi)) {
            char *repl = strndup(out + a, out_len - a - b);
            json_array_append_new(edits, json_pack("{s:o,s:s}", "range", lsp_range(s, &c->lines, ea, eb), "newText",
                                                   repl ? repl : ""));
            free(repl);
        }
    }
    bcp_free(out);
    return edits;
}

json_t *lsp_formatting(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, false, code, message))
        return NULL;
    json_t *r = format_edits(s, &c, 0, (uint32_t)c.length, false, code, message);
    ctx_close(&c);
    return r;
}

json_t *lsp_range_formatting(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, false, code, message))
        return NULL;
    json_t *range = json_object_get(params, "range");
    uint32_t lo = lsp_offset_of(s, &c.lines, json_object_get(range, "start"));
    uint32_t hi = lsp_offset_of(s, &c.lines, json_object_get(range, "end"));
    /* Whole lines: the formatter's changes within them. */
    while (lo > 0 && c.text[lo - 1] != '\n')
        lo--;
    while (hi < c.length && c.text[hi] != '\n')
        hi++;
    json_t *r = format_edits(s, &c, lo, hi + (hi < c.length), true, code, message);
    ctx_close(&c);
    return r;
}

/* --------------------------------------------------------- code actions */

static bool same_range(json_t *a, json_t *b)
{
    return json_equal(a, b);
}

/* E109: add each missing required attribute with its example (or a
 * placeholder) before the block's closing brace. */
static void missing_attribute_actions(lsp_server *s, ctx *c, const char *uri, json_t *d, json_t *out)
{
    lsp_flush_doc(s, c->doc);
    lsp_plan *p = c->doc->plan;
    if (!p)
        return;
    uint32_t off = lsp_offset_of(s, &c->lines, json_object_get(json_object_get(d, "range"), "start"));
    const bcp_entity *e = bcp_plan_entity_at(p->plan, c->doc->path, off, NULL);
    if (!e)
        return;
    bcp_location block = bcp_entity_location(e);
    if (!block.end_byte || block.end_byte > c->length || c->text[block.end_byte - 1] != '}')
        return;
    uint32_t brace = block.end_byte - 1, line_start = brace;
    while (line_start > 0 && c->text[line_start - 1] != '\n')
        line_start--;
    bool own_line = true;
    for (uint32_t i = line_start; i < brace; i++)
        own_line = own_line && (c->text[i] == ' ' || c->text[i] == '\t');
    const char *kind = bcp_entity_kind_name(e);
    bcp_attribute_doc a;
    for (size_t i = 0; bcp_attribute_doc_at(kind, i, &a) == BCP_OK; i++) {
        if (!a.required || bcp_entity_attribute(e, a.name))
            continue;
        /* Text is the author's to write: a placeholder; else the schema's example. */
        const char *value = a.example && a.type && strncmp(a.type, "text", 4) != 0 ? a.example : "\"TODO\"";
        char text[512], title[160];
        if (own_line)
            snprintf(text, sizeof text, "%.*s  %s = %s\n", (int)(brace - line_start), c->text + line_start, a.name, value);
        else
            snprintf(text, sizeof text, " %s = %s ", a.name, value);
        snprintf(title, sizeof title, "Add `%s = %s`", a.name, value);
        json_t *changes = json_object();
        uint32_t at = own_line ? line_start : brace;
        add_edit(changes, uri, lsp_range(s, &c->lines, at, at), text);
        json_array_append_new(out, json_pack("{s:s,s:s,s:[O],s:{s:o}}", "title", title, "kind", "quickfix",
                                             "diagnostics", d, "edit", "changes", changes));
    }
}

json_t *lsp_code_actions(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, false, code, message))
        return NULL;
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    json_t *published = json_object_get(s->published, uri);
    json_t *result = json_array();
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(json_object_get(params, "context"), "diagnostics"), i, d) {
        json_t *data = json_object_get(d, "data");
        const char *dcode = json_string_value(json_object_get(d, "code"));
        if (!json_is_object(data)) {   /* a client that does not keep data: ours, by range and code */
            size_t k;
            json_t *p;
            json_array_foreach(published, k, p) {
                if (same_range(json_object_get(p, "range"), json_object_get(d, "range")) &&
                    json_equal(json_object_get(p, "code"), json_object_get(d, "code"))) {
                    data = json_object_get(p, "data");
                    break;
                }
            }
        }
        size_t k;
        json_t *f;
        json_array_foreach(json_object_get(data, "fixits"), k, f) {
            json_t *changes = json_object();
            const char *furi = json_string_value(json_object_get(f, "uri"));
            add_edit(changes, furi ? furi : uri, json_deep_copy(json_object_get(f, "range")),
                     json_string_value(json_object_get(f, "newText")));
            json_array_append_new(result, json_pack("{s:s,s:s,s:[O],s:b,s:{s:o}}", "title",
                                                    json_string_value(json_object_get(f, "title")), "kind",
                                                    "quickfix", "diagnostics", d, "isPreferred", k == 0, "edit",
                                                    "changes", changes));
        }
        const char *dname = json_string_value(json_object_get(data, "name"));
        if (dname && strcmp(dname, "missing-attribute") == 0)   /* E109 */
            missing_attribute_actions(s, &c, uri, d, result);
        if (dcode && json_is_true(json_object_get(data, "lint"))) {
            json_int_t line = json_integer_value(json_object_get(json_object_get(json_object_get(d, "range"), "start"), "line"));
            if (line < 0 || (size_t)line >= c.lines.count)
                continue;
            uint32_t at = c.lines.starts[line], e = at;
            while (e < c.length && (c.text[e] == ' ' || c.text[e] == '\t'))
                e++;
            char *indent = strndup(c.text + at, e - at);
            size_t n = strlen(indent ? indent : "") + strlen(dcode) + 96;
            char *line_text = malloc(n), title[128];
            if (!indent || !line_text)
                exit(2);
            snprintf(line_text, n, "%s# bcp: ignore[%s] reason=\"TODO: why this finding is accepted\"\n", indent, dcode);
            snprintf(title, sizeof title, "Suppress %s here with a reason", dcode);
            json_t *changes = json_object();
            add_edit(changes, uri, lsp_range(s, &c.lines, at, at), line_text);
            json_array_append_new(result, json_pack("{s:s,s:s,s:[O],s:{s:o}}", "title", title, "kind", "quickfix",
                                                    "diagnostics", d, "edit", "changes", changes));
            free(indent);
            free(line_text);
        }
    }
    ctx_close(&c);
    return result;
}

/* ---------------------------------------------------------- inlay hints */

static void hint_after(lsp_server *s, ctx *c, json_t *out, const bcp_entity *e, const char *attr, const char *label)
{
    const bcp_attribute *a = bcp_entity_attribute(e, attr);
    if (!a)
        return;
    bcp_location l = bcp_value_location(bcp_attribute_value(a));
    json_array_append_new(out, json_pack("{s:o,s:s,s:b}", "position", lsp_position(s, &c->lines, l.end_byte),
                                         "label", label, "paddingLeft", 1));
}

json_t *lsp_inlay_hints(lsp_server *s, json_t *params, int *code, const char **message)
{
    ctx c;
    if (!ctx_open(s, params, &c, true, code, message))
        return NULL;
    json_t *result = json_array();
    lsp_plan *p = c.doc->plan;
    ent_list list;
    doc_entities(p, c.doc, true, &list);
    for (size_t i = 0; i < list.count; i++) {
        const bcp_entity *e = list.items[i];
        const char *kind = bcp_entity_kind_name(e);
        char label[256], iso[11];
        int32_t days;
        if (strcmp(kind, "risk") == 0) {
            int score = bcp_plan_risk_score(p->plan, e);
            const bcp_entity *level = bcp_plan_risk_level(p->plan, e);
            if (score) {
                snprintf(label, sizeof label, "= score %d%s%s", score, level ? ", " : "", level ? bcp_entity_title(level) : "");
                const bcp_attribute *li = bcp_entity_attribute(e, "likelihood"), *im = bcp_entity_attribute(e, "impact");
                const char *after = im && li && bcp_value_location(bcp_attribute_value(li)).end_byte >
                                                     bcp_value_location(bcp_attribute_value(im)).end_byte
                                        ? "likelihood" : "impact";
                hint_after(s, &c, result, e, after, label);
            }
        } else if (bcp_plan_next_due(p->plan, e, &days, iso)) {
            snprintf(label, sizeof label, "next due %s", iso);
            hint_after(s, &c, result, e, strcmp(kind, "plan") == 0 ? "reviewed" : "last", label);
        }
        if (strcmp(kind, "system") == 0) {
            bcp_backup_verdict v = bcp_plan_rpo_status(p->plan, e, NULL);
            if (v != BCP_BACKUP_UNKNOWN)
                hint_after(s, &c, result, e, "rpo", v == BCP_BACKUP_MEETS_RPO ? "backups meet it" : "backups miss it");
        }
    }
    free(list.items);
    ctx_close(&c);
    return result;
}
