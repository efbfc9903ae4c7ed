/* Syntax tree -> typed model.
 *
 * Loading runs in two passes.  The first walks each file's tree once (imports
 * followed depth-first, prelude first) and turns blocks into entities whose
 * values are typed by their syntax alone.  The second indexes entities by kind
 * and id, then checks every attribute against the schema and resolves
 * references.  The syntax trees are freed after the first pass. */
#define _DEFAULT_SOURCE
#include "model.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "modules.h"
#include "base/workers.h"
#include "syntax/scan.h"
#include "syntax/syntax.h"

#define PRELUDE_MODULE "core"

typedef struct index_slot {
    uint64_t hash;
    bcp_entity *entity;
    const char *lang; /* overlays only */
} index_slot;

typedef struct entity_index {
    index_slot *slots;
    size_t capacity, count;
} entity_index;

/* An import read and parsed ahead of its turn (see "parsing ahead"). */
typedef struct piece_job piece_job;
static void piece_job_free(piece_job *job);
typedef struct prefetched {
    char *path;          /* canonical path */
    bcp_source *source;
    TSTree *tree;        /* NULL once built */
    piece_job *built;    /* the module's entities, built ahead; NULL if it has imports */
} prefetched;

struct bcp_model {
    bcp_arena arena;
    TSParser *parser;           /* one parser for the files parsed on this thread */
    prefetched *prefetched;     /* imports parsed ahead, on all cores */
    bcp_arena *piece_arenas;    /* entities of large files built on worker threads */
    size_t piece_arena_count, piece_arena_capacity;
    size_t prefetched_count, prefetched_capacity;
    bcp_diag_list diags;
    bcp_model_options opts;
    bcp_source **sources;
    size_t source_count, source_capacity;
    size_t user_source_count, user_source_capacity;
    const bcp_source **user_sources;
    bool syntax_errors;
    bcp_ptr_vec loading;        /* keys of files being loaded: cycle detection */
    bcp_ptr_vec loaded;         /* keys of files loaded: each file once */
    bcp_ptr_vec blocks;         /* top-level entities in load order */
    bcp_ptr_vec overlays;       /* locale overlay entities */
    bcp_ptr_vec broken;         /* entities whose block holds a syntax error */
    bcp_entity_list by_kind[BCP_KIND_COUNT];
    entity_index index;
    entity_index overlay_index;
    bcp_ptr_vec locales;
    bcp_entity *plan;
    const char *root_dir;       /* the current root file's folder: its imports may not leave it */
    const char *root_display;   /* root_dir as the user named it, for messages */
    bool referrers_built;       /* bcp_model_referrers fills entity->referrers lazily */
};

/* ---------------------------------------------------------------- hashing */

static uint64_t hash_bytes(uint64_t h, const char *s)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t entity_key(bcp_kind kind, const char *id, const char *lang)
{
    uint64_t h = 14695981039346656037ULL ^ (uint64_t)kind;
    h *= 1099511628211ULL;
    h = hash_bytes(h, id);
    if (lang)
        h = hash_bytes(h ^ 0xff, lang);
    return h | 1; /* 0 marks an empty slot */
}

static void index_grow(entity_index *ix)
{
    size_t cap = ix->capacity ? ix->capacity * 2 : 256;
    index_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        abort();
    for (size_t i = 0; i < ix->capacity; i++) {
        if (!ix->slots[i].hash)
            continue;
        size_t j = ix->slots[i].hash & (cap - 1);
        while (slots[j].hash)
            j = (j + 1) & (cap - 1);
        slots[j] = ix->slots[i];
    }
    free(ix->slots);
    ix->slots = slots;
    ix->capacity = cap;
}

static bool same_lang(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static index_slot *index_lookup(const entity_index *ix, bcp_kind kind, const char *id,
                                const char *lang)
{
    if (!ix->capacity)
        return NULL;
    uint64_t h = entity_key(kind, id, lang);
    size_t j = h & (ix->capacity - 1);
    while (ix->slots[j].hash) {
        index_slot *s = &ix->slots[j];
        if (s->hash == h && s->entity->kind == kind && strcmp(s->entity->id, id) == 0 &&
            same_lang(s->lang, lang))
            return s;
        j = (j + 1) & (ix->capacity - 1);
    }
    return NULL;
}

static void index_insert(entity_index *ix, bcp_entity *e, const char *lang)
{
    if ((ix->count + 1) * 2 > ix->capacity)
        index_grow(ix);
    uint64_t h = entity_key(e->kind, e->id, lang);
    size_t j = h & (ix->capacity - 1);
    while (ix->slots[j].hash)
        j = (j + 1) & (ix->capacity - 1);
    ix->slots[j].hash = h;
    ix->slots[j].entity = e;
    ix->slots[j].lang = lang;
    ix->count++;
}

/* ------------------------------------------------------------ dates, times */

int32_t bcp_days_from_civil(int y, unsigned m, unsigned d)
{
    /* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void bcp_civil_from_days(int32_t z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)yoe + era * 400 + (*m <= 2);
}

static unsigned days_in_month(int y, unsigned m)
{
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

bool bcp_parse_date(const char *text, size_t len, int32_t *days)
{
    if (len != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int y = 0;
    unsigned m = 0, d = 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    m = (unsigned)((text[5] - '0') * 10 + (text[6] - '0'));
    d = (unsigned)((text[8] - '0') * 10 + (text[9] - '0'));
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return false;
    *days = bcp_days_from_civil(y, m, d);
    return true;
}

void bcp_format_date(int32_t days, char out[11])
{
    int y;
    unsigned m, d;
    bcp_civil_from_days(days, &y, &m, &d);
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

typedef struct duration_unit {
    const char *name;
    int64_t seconds;
} duration_unit;

static const duration_unit duration_units[] = {
    {"s", 1},         {"m", 60},          {"min", 60},       {"h", 3600},
    {"d", 86400},     {"w", 7 * 86400},   {"mo", 30 * 86400}, {"y", 365 * 86400},
};

static const duration_unit *find_unit(const char *unit, size_t len)
{
    for (size_t i = 0; i < sizeof duration_units / sizeof *duration_units; i++)
        if (strlen(duration_units[i].name) == len && strncmp(duration_units[i].name, unit, len) == 0)
            return &duration_units[i];
    return NULL;
}

bool bcp_parse_duration(const char *text, size_t len, int64_t *seconds)
{
    size_t i = 0;
    int64_t number = 0;
    while (i < len && text[i] >= '0' && text[i] <= '9') {
        if (number > 1000000000)
            return false;
        number = number * 10 + (text[i] - '0');
        i++;
    }
    if (i == 0 || i == len)
        return false;
    const duration_unit *unit = find_unit(text + i, len - i);
    if (!unit)
        return false;
    *seconds = number * unit->seconds;
    return true;
}

int32_t bcp_duration_months(const char *text, size_t len)
{
    size_t i = 0;
    int64_t number = 0;
    while (i < len && text[i] >= '0' && text[i] <= '9' && number <= 1000000000)
        number = number * 10 + (text[i++] - '0');
    if (i == 0 || number > 1000000)
        return 0;
    if (len - i == 2 && strncmp(text + i, "mo", 2) == 0)
        return (int32_t)number;
    if (len - i == 1 && text[i] == 'y')
        return (int32_t)(number * 12);
    return 0;
}

void bcp_format_duration(int64_t seconds, char *out, size_t size)
{
    static const duration_unit largest_first[] = {
        {"y", 365 * 86400}, {"mo", 30 * 86400}, {"w", 7 * 86400}, {"d", 86400},
        {"h", 3600},        {"m", 60},          {"s", 1},
    };
    if (seconds == 0) {
        snprintf(out, size, "0h");
        return;
    }
    for (size_t i = 0; i < sizeof largest_first / sizeof *largest_first; i++) {
        /* Keep hours below three days readable as hours (48h, not 2d), as plans write them. */
        if (largest_first[i].seconds == 86400 && seconds < 3 * 86400 && seconds % 3600 == 0)
            continue;
        if (seconds % largest_first[i].seconds == 0) {
            snprintf(out, size, "%lld%s", (long long)(seconds / largest_first[i].seconds),
                     largest_first[i].name);
            return;
        }
    }
    snprintf(out, size, "%llds", (long long)seconds);
}

/* ---------------------------------------------------------- model basics */

static bcp_diag *model_error(bcp_model *m, const char *code, const char *name, const bcp_span *span,
                             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static bcp_diag *add_error(bcp_diag_list *list, const char *code, const char *name, const bcp_span *span,
                           const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    return bcp_diag_add(list, BCP_SEV_ERROR, code, name, span, "%s", buf);
}

static bcp_diag *model_error(bcp_model *m, const char *code, const char *name, const bcp_span *span,
                             const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bcp_diag *d = add_error(&m->diags, code, name, span, fmt, ap);
    va_end(ap);
    return d;
}

static bcp_model *model_new(const bcp_model_options *opts)
{
    bcp_model *m = calloc(1, sizeof *m);
    if (!m)
        abort();
    bcp_arena_init(&m->arena);
    if (opts)
        m->opts = *opts;
    return m;
}

void bcp_model_free(bcp_model *m)
{
    if (!m)
        return;
    if (m->parser)
        ts_parser_delete(m->parser);
    for (size_t i = 0; i < m->prefetched_count; i++) {
        piece_job_free(m->prefetched[i].built);
        if (m->prefetched[i].tree)
            ts_tree_delete(m->prefetched[i].tree);
        bcp_source_free(m->prefetched[i].source);
        free(m->prefetched[i].path);
    }
    free(m->prefetched);
    for (size_t i = 0; i < m->piece_arena_count; i++)
        bcp_arena_free(&m->piece_arenas[i]);
    free(m->piece_arenas);
    for (size_t i = 0; i < m->source_count; i++)
        bcp_source_free(m->sources[i]);
    free(m->sources);
    free(m->user_sources);
    free(m->index.slots);
    free(m->overlay_index.slots);
    bcp_diag_list_free(&m->diags);
    bcp_arena_free(&m->arena);
    free(m);
}

static void add_source(bcp_model *m, bcp_source *src, bool user)
{
    m->sources = bcp_grow(m->sources, &m->source_capacity, m->source_count, sizeof *m->sources);
    m->sources[m->source_count++] = src;
    if (user) {
        m->user_sources = bcp_grow(m->user_sources, &m->user_source_capacity, m->user_source_count,
                                   sizeof *m->user_sources);
        m->user_sources[m->user_source_count++] = src;
    }
}

bcp_diag_list *bcp_model_diags(bcp_model *m) { return &m->diags; }
bool bcp_model_has_syntax_errors(const bcp_model *m) { return m->syntax_errors; }
bcp_arena *bcp_model_arena(bcp_model *m) { return &m->arena; }
bcp_entity *bcp_model_plan(const bcp_model *m) { return m->plan; }
size_t bcp_model_source_count(const bcp_model *m) { return m->user_source_count; }
const bcp_source *bcp_model_source(const bcp_model *m, size_t i) { return m->user_sources[i]; }

const bcp_entity_list *bcp_model_entities(const bcp_model *m, bcp_kind kind)
{
    static const bcp_entity_list empty = {0};
    return kind < BCP_KIND_COUNT ? &m->by_kind[kind] : &empty;
}

bcp_entity *bcp_model_find(const bcp_model *m, bcp_kind kind, const char *id)
{
    index_slot *s = index_lookup(&m->index, kind, id, NULL);
    return s ? s->entity : NULL;
}

/* ------------------------------------------------------ values from syntax */

/* What building entities from one tree writes to: the model's own arena and
 * lists, or a worker's, merged into the model afterwards (see build_pieces). */
typedef struct build_ctx {
    bcp_model *model;
    const bcp_source *src;
    const bcp_symbols *sym;
    bool from_stdlib;
    bcp_arena *arena;
    bcp_diag_list *diags;
    bcp_ptr_vec *broken;
} build_ctx;

static bcp_diag *ctx_error(build_ctx *c, const char *code, const char *name, const bcp_span *span,
                           const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static bcp_diag *ctx_error(build_ctx *c, const char *code, const char *name, const bcp_span *span,
                           const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bcp_diag *d = add_error(c->diags, code, name, span, fmt, ap);
    va_end(ap);
    return d;
}

static const char *node_text(build_ctx *c, TSNode n, size_t *len)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    *len = e - s;
    return c->src->text + s;
}

static char *node_strdup(build_ctx *c, TSNode n)
{
    size_t len;
    const char *t = node_text(c, n, &len);
    return bcp_arena_strndup(c->arena, t, len);
}

static size_t encode_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes escapes of raw[0..len) into out (at least len+1 bytes); returns length. */
static size_t unescape(const char *raw, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (raw[i] != '\\' || i + 1 >= len) {
            out[o++] = raw[i];
            continue;
        }
        char e = raw[++i];
        switch (e) {
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        case 'r': out[o++] = '\r'; break;
        case 'u':
            if (i + 1 < len && raw[i + 1] == '{') {
                unsigned cp = 0;
                size_t j = i + 2;
                while (j < len && raw[j] != '}') {
                    char h = raw[j];
                    cp = cp * 16 + (unsigned)(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    j++;
                }
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0)
                    cp = 0xFFFD;
                o += encode_utf8(cp, out + o); /* a \u{..} escape is never shorter than its UTF-8 */
                i = j;
                break;
            }
            out[o++] = e;
            break;
        default: out[o++] = e; break; /* \" \\ \/ */
        }
    }
    out[o] = '\0';
    return o;
}

static bool is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* """ strings: drop the blank first and last lines, strip the common indentation. */
static void dedent(build_ctx *c, const char *raw, size_t len, bcp_value *v)
{
    const char *nl = memchr(raw, '\n', len);
    if (nl && is_blank(raw, (size_t)(nl - raw))) {
        len -= (size_t)(nl + 1 - raw);
        raw = nl + 1;
    }
    size_t last = len;
    while (last > 0 && raw[last - 1] != '\n')
        last--;
    if (last > 0 && is_blank(raw + last, len - last))
        len = last - 1;
    size_t indent = SIZE_MAX;
    for (size_t i = 0; i < len;) {
        size_t end = i;
        while (end < len && raw[end] != '\n')
            end++;
        if (!is_blank(raw + i, end - i)) {
            size_t k = 0;
            while (i + k < end && (raw[i + k] == ' ' || raw[i + k] == '\t'))
                k++;
            if (k < indent)
                indent = k;
        }
        i = end + 1;
    }
    if (indent == SIZE_MAX)
        indent = 0;
    char *tmp = malloc(len + 1);
    if (!tmp)
        abort();
    size_t t = 0;
    for (size_t i = 0; i < len;) {
        size_t end = i;
        while (end < len && raw[end] != '\n')
            end++;
        if (!is_blank(raw + i, end - i)) {
            memcpy(tmp + t, raw + i + indent, end - i - indent);
            t += end - i - indent;
        }
        if (end < len)
            tmp[t++] = '\n';
        i = end + 1;
    }
    char *out = bcp_arena_alloc(c->arena, t + 1);
    v->as.string.length = unescape(tmp, t, out);
    v->as.string.text = out;
    free(tmp);
}

static void value_from_node(build_ctx *c, TSNode n, bcp_value *v)
{
    const bcp_symbols *sym = c->sym;
    TSSymbol s = ts_node_symbol(n);
    size_t len;
    const char *text = node_text(c, n, &len);
    v->span = bcp_node_span(c->src, n);
    if (s == sym->string) {
        v->kind = BCP_V_STRING;
        size_t inner = len >= 2 ? len - 2 : 0;
        char *out = bcp_arena_alloc(c->arena, inner + 1);
        v->as.string.length = unescape(text + 1, inner, out);
        v->as.string.text = out;
    } else if (s == sym->multiline_string) {
        v->kind = BCP_V_STRING;
        dedent(c, text + 3, len >= 6 ? len - 6 : 0, v);
    } else if (s == sym->integer) {
        v->kind = BCP_V_INTEGER;
        errno = 0;
        char buf[32];
        snprintf(buf, sizeof buf, "%.*s", (int)(len < 31 ? len : 31), text);
        long long x = strtoll(buf, NULL, 10);
        if (errno == ERANGE || len > 19)
            ctx_error(c, "E103", "wrong-type", &v->span, "integer `%.*s` is too large",
                        (int)len, text);
        v->as.integer = x;
    } else if (s == sym->duration) {
        v->kind = BCP_V_DURATION;
        v->months = bcp_duration_months(text, len);
        if (!bcp_parse_duration(text, len, &v->as.seconds)) {
            size_t digits = 0;
            while (digits < len && text[digits] >= '0' && text[digits] <= '9')
                digits++;
            bcp_diag *d;
            if (find_unit(text + digits, len - digits))
                d = ctx_error(c, "E105", "bad-duration", &v->span,
                                "bad duration `%.*s`: the number is too large", (int)len, text);
            else
                d = ctx_error(c, "E105", "bad-duration", &v->span,
                                "bad duration `%.*s`: unknown unit `%.*s`", (int)len, text,
                                (int)(len - digits), text + digits);
            bcp_diag_set_hint(d, "units are m (minutes), h, d, w, mo (30 days) and y: 15m, 4h, 2d, 1w, 6mo, 1y");
            v->as.seconds = -1;
        }
    } else if (s == sym->date) {
        v->kind = BCP_V_DATE;
        if (!bcp_parse_date(text, len, &v->as.days)) {
            bcp_diag *d = ctx_error(c, "E104", "bad-date", &v->span,
                                      "bad date `%.*s`: not a calendar date", (int)len, text);
            bcp_diag_set_hint(d, "write dates as YYYY-MM-DD with a real month and day, e.g. 2026-02-28");
            v->as.days = INT32_MIN;
        }
    } else if (s == sym->boolean) {
        v->kind = BCP_V_BOOL;
        v->as.boolean = len == 4 && memcmp(text, "true", 4) == 0;
    } else if (s == sym->identifier) {
        v->kind = BCP_V_IDENT;
        v->as.ident.name = bcp_arena_strndup(c->arena, text, len);
    } else if (s == sym->reference) {
        v->kind = BCP_V_REF;
        TSNode kind = ts_node_child_by_field_id(n, sym->field_kind);
        TSNode name = ts_node_child_by_field_id(n, sym->field_name);
        v->as.ref.kind_name = ts_node_is_null(kind) ? "" : node_strdup(c, kind);
        v->as.ref.id = ts_node_is_null(name) ? "" : node_strdup(c, name);
    } else if (s == sym->list) {
        v->kind = BCP_V_LIST;
        uint32_t named = ts_node_named_child_count(n);
        bcp_value *items = bcp_arena_alloc(c->arena, (named ? named : 1) * sizeof *items);
        size_t count = 0;
        TSTreeCursor cur = ts_tree_cursor_new(n);
        if (ts_tree_cursor_goto_first_child(&cur)) {
            do {
                TSNode child = ts_tree_cursor_current_node(&cur);
                if (!ts_node_is_named(child) || ts_node_symbol(child) == sym->comment ||
                    ts_node_is_missing(child) || ts_node_symbol(child) == (TSSymbol)-1)
                    continue;
                value_from_node(c, child, &items[count++]);
            } while (ts_tree_cursor_goto_next_sibling(&cur));
        }
        ts_tree_cursor_delete(&cur);
        v->as.list.items = items;
        v->as.list.count = count;
    } else {
        /* An ERROR node stands here; the syntax error is reported already. */
        v->kind = BCP_V_IDENT;
        v->as.ident.name = "";
    }
}

/* ---------------------------------------------------------------- blocks */

static void suggest_kind(bcp_diag *d, const char *word)
{
    const char *names[BCP_KIND_COUNT]; /* on the stack: builders may run on several threads */
    for (int k = 0; k < BCP_KIND_COUNT; k++)
        names[k] = bcp_kind_name((bcp_kind)k);
    const char *best = bcp_suggest(word, names, BCP_KIND_COUNT);
    if (best)
        bcp_diag_set_hint(d, "did you mean `%s`?", best);
    else
        bcp_diag_set_hint(d, "entity kinds are plan, site, risk, function, system, asset, supplier, "
                             "resource, contact, team, scenario, message, phase, exercise, finding, "
                             "training, milestone, locale and the catalogue kinds");
}

typedef enum { BLOCK_ENTITY, BLOCK_OVERLAY, BLOCK_FREEFORM } block_role;

static bcp_entity *build_block(build_ctx *c, TSNode node, bcp_entity *parent, block_role role);

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
                TSNode key = ts_node_child_by_field_id(child, sym->field_key);
                TSNode value = ts_node_child_by_field_id(child, sym->field_value);
                if (ts_node_is_null(key) || ts_node_is_null(value) || ts_node_is_missing(value))
                    continue; /* syntax error reported already */
                bcp_attr *a = &e->attrs[e->attr_count++];
                size_t key_len;
                const char *key_text = node_text(c, key, &key_len);
                /* Known names share the schema's string: one copy per name, not per use. */
                const bcp_attr_schema *known = role == BLOCK_FREEFORM ? NULL
                                               : bcp_schema_attr(e->kind, key_text, key_len);
                a->name = known ? known->name : bcp_arena_strndup(c->arena, key_text, key_len);
                a->key_span = bcp_node_span(c->src, key);
                value_from_node(c, value, &a->value);
            } else if (s == sym->block) {
                block_role child_role = role;
                if (role == BLOCK_ENTITY && e->kind == BCP_KIND_LOCALE)
                    child_role = BLOCK_OVERLAY;
                else if (role == BLOCK_ENTITY && e->kind == BCP_KIND_CONFIG)
                    child_role = BLOCK_FREEFORM;
                bcp_entity *ce = build_block(c, child, e, child_role);
                if (ce)
                    bcp_ptr_vec_push(arena, &children, ce);
            }
        } while (ts_tree_cursor_goto_next_sibling(&cur));
    }
    ts_tree_cursor_delete(&cur);
    e->children = (bcp_entity **)children.items;
    e->child_count = children.count;
}

static bcp_entity *build_block(build_ctx *c, TSNode node, bcp_entity *parent, block_role role)
{
    const bcp_symbols *sym = c->sym;
    TSNode kind_node = ts_node_child_by_field_id(node, sym->field_kind);
    TSNode name_node = ts_node_child_by_field_id(node, sym->field_name);
    TSNode body = ts_node_child_by_field_id(node, sym->field_body);
    if (ts_node_is_null(kind_node) || ts_node_is_null(body))
        return NULL;
    size_t klen;
    const char *ktext = node_text(c, kind_node, &klen);
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
        bcp_diag *d = ctx_error(c, "E101", "unknown-kind", &kspan, "unknown entity kind `%s`", word);
        suggest_kind(d, word);
        return NULL;
    }
    const bcp_kind_schema *ks = bcp_schema_kind(kind);
    if (role == BLOCK_ENTITY) {
        const bcp_kind_schema *ps = parent ? bcp_schema_kind(parent->kind) : NULL;
        if (parent && !bcp_schema_set_contains(ps->children, ks->name, strlen(ks->name))) {
            if (broken)
                return NULL;
            ctx_error(c, "E117", "misplaced-block", &kspan, "a `%s` block cannot stand inside `%s`",
                        ks->name, ps->name);
            return NULL;
        }
        if (!parent && ks->nested_only) {
            if (broken)
                return NULL;
            bcp_diag *d = ctx_error(c, "E117", "misplaced-block", &kspan,
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
        e->id = node_strdup(c, name_node);
        e->id_span = bcp_node_span(c->src, name_node);
    } else {
        e->id_span = kspan;
        if (role == BLOCK_FREEFORM)
            e->id = bcp_arena_strndup(c->arena, ktext, klen); /* config sections: the word is the name */
        else if ((ks->needs_id || role == BLOCK_OVERLAY) && !broken) {
            bcp_diag *d = ctx_error(c, "E116", "missing-id", &kspan, "this `%s` block needs an id",
                                      ks->name);
            bcp_diag_set_hint(d, "write `%s NAME { ... }`; the id is how other entries refer to it (%s.NAME)",
                              ks->name, ks->name);
        }
    }
    build_body(c, body, e, role);
    return e;
}

/* ---------------------------------------------------------------- loading */

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool list_contains(const bcp_ptr_vec *v, const char *key)
{
    for (size_t i = 0; i < v->count; i++)
        if (strcmp(v->items[i], key) == 0)
            return true;
    return false;
}

static void load_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib);
static void load_parsed_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib,
                               TSTree *parsed);

static void load_stdlib_module(bcp_model *m, const char *name, const bcp_span *from)
{
    char key[1100];
    snprintf(key, sizeof key, "std/%s", name);
    if (list_contains(&m->loaded, key)) {
        if (list_contains(&m->loading, key) && from)
            model_error(m, "E113", "import-cycle", from, "import cycle: `%s` imports itself", key);
        return;
    }
    bcp_stdlib_match *files;
    size_t count = bcp_stdlib_module(m->opts.stdlib_dir, name, &files);
    if (count == 0) {
        if (from) {
            bcp_diag *d = model_error(m, "E111", "import-not-found", from,
                                      "no stdlib module `std/%s`", name);
            char **names;
            size_t n = bcp_stdlib_module_names(m->opts.stdlib_dir, &names);
            const char *best = bcp_suggest(name, (const char *const *)names, n);
            if (best)
                bcp_diag_set_hint(d, "did you mean `std/%s`?", best);
            for (size_t i = 0; i < n; i++)
                free(names[i]);
            free(names);
        } else {
            model_error(m, "E111", "import-not-found", NULL, "the stdlib has no module `std/%s`", name);
        }
        free(files);
        return;
    }
    char *owned_key = bcp_arena_strdup(&m->arena, key);
    bcp_ptr_vec_push(&m->arena, &m->loaded, owned_key);
    bcp_ptr_vec_push(&m->arena, &m->loading, owned_key);
    for (size_t i = 0; i < count; i++) {
        char path[1200];
        snprintf(path, sizeof path, "<stdlib>/%s", files[i].path);
        bcp_source *src = bcp_source_from_memory(path, files[i].text, files[i].length, false);
        src->owns_text = true; /* take the copy over */
        files[i].text = NULL;
        src->is_stdlib = true;
        src->module_name = strdup(key);
        add_source(m, src, false);
        load_source(m, src, NULL, true);
    }
    m->loading.count--;
    bcp_stdlib_matches_free(files, count);
}

static bool path_inside(const char *dir, const char *root)
{
    size_t n = strlen(root);
    if (strcmp(root, "/") == 0)
        return true;
    return strncmp(dir, root, n) == 0 && (dir[n] == '\0' || dir[n] == '/');
}

/* Drops "dir/.." pairs from a relative display path, in place. */
static void tidy_display_path(char *path)
{
    char *p;
    while ((p = strstr(path, "/../")) != NULL) {
        char *seg = p;
        while (seg > path && seg[-1] != '/')
            seg--;
        if ((size_t)(p - seg) == 2 && seg[0] == '.' && seg[1] == '.')
            break; /* "../.." cannot be shortened */
        memmove(seg, p + 4, strlen(p + 4) + 1);
    }
}

/* How an imported file is named in messages: relative to the importer's own
 * display path, as the user would write it from where they ran bcp. */
static void import_display_path(const bcp_source *importer, const char *spec, char *display, size_t size)
{
    const char *islash = strrchr(importer->path, '/');
    const char *rel = spec;
    while (has_prefix(rel, "./"))
        rel += 2;
    if (islash && spec[0] != '/')
        snprintf(display, size, "%.*s/%s", (int)(islash - importer->path), importer->path, rel);
    else
        snprintf(display, size, "%s", spec[0] == '/' ? spec : rel);
    size_t dl = strlen(display);
    if (dl < 4 || strcmp(display + dl - 4, ".bcp") != 0)
        snprintf(display + dl, size - dl, ".bcp");
    if (display[0] != '/')
        tidy_display_path(display);
}

/* The file a local `use` names: relative to the importer, ".bcp" optional. */
static void import_join(const bcp_source *importer, const char *spec, char *joined, size_t size)
{
    const char *base = importer->real_dir ? importer->real_dir : ".";
    if (spec[0] == '/')
        snprintf(joined, size, "%s", spec);
    else
        snprintf(joined, size, "%s/%s", base, spec);
    size_t jl = strlen(joined);
    if (jl < 4 || strcmp(joined + jl - 4, ".bcp") != 0)
        snprintf(joined + jl, size - jl, ".bcp");
}

/* ------------------------------------------------ building pieces in parallel */

/* The pieces of a large file after the first hold only blocks, and so do most
 * prefetched modules: each is built on a worker thread into its own arena and
 * lists, then merged into the model in load order, so entities and
 * diagnostics come out as from one thread. */
typedef struct piece_job {
    build_ctx c;
    TSTree *tree;
    bool whole_file;     /* a prefetched module: report its syntax errors too */
    bool has_use;        /* out: a whole file with imports is left to the loader */
    bool syntax_errors;  /* out */
    bcp_arena arena;
    bcp_diag_list diags;
    bcp_ptr_vec broken, blocks;
} piece_job;

static bool tree_has_use(const piece_job *job)
{
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(job->tree));
    bool found = false;
    bool more = ts_tree_cursor_goto_first_child(&cur);
    for (; more && !found; more = ts_tree_cursor_goto_next_sibling(&cur))
        found = ts_node_symbol(ts_tree_cursor_current_node(&cur)) == job->c.sym->use_statement;
    ts_tree_cursor_delete(&cur);
    return found;
}

static void build_piece(void *item)
{
    piece_job *job = item;
    job->c.arena = &job->arena;
    job->c.diags = &job->diags;
    job->c.broken = &job->broken;
    if (job->whole_file) {
        if ((job->has_use = tree_has_use(job)))
            return;
        job->syntax_errors = bcp_syntax_report_errors(job->c.src, job->tree, &job->diags) > 0;
    }
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(job->tree));
    bool more = ts_tree_cursor_goto_first_child(&cur);
    for (; more; more = ts_tree_cursor_goto_next_sibling(&cur)) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (ts_node_symbol(n) != job->c.sym->block)
            continue;
        bcp_entity *e = build_block(&job->c, n, NULL, BLOCK_ENTITY);
        if (e)
            bcp_ptr_vec_push(&job->arena, &job->blocks, e);
    }
    ts_tree_cursor_delete(&cur);
    ts_tree_delete(job->tree);
    job->tree = NULL;
}

static void adopt_arena(bcp_model *m, const bcp_arena *arena)
{
    m->piece_arenas = bcp_grow(m->piece_arenas, &m->piece_arena_capacity, m->piece_arena_count,
                               sizeof *m->piece_arenas);
    m->piece_arenas[m->piece_arena_count++] = *arena;
}

/* A module built ahead but never imported (loaded another way meanwhile). */
static void piece_job_free(piece_job *job)
{
    if (!job)
        return;
    bcp_diag_list_free(&job->diags);
    bcp_arena_free(&job->arena);
    free(job);
}

/* Hands a built piece's entities, findings and memory to the model. */
static void merge_piece(bcp_model *m, piece_job *job)
{
    for (size_t k = 0; k < job->blocks.count; k++)
        bcp_ptr_vec_push(&m->arena, &m->blocks, job->blocks.items[k]);
    for (size_t k = 0; k < job->broken.count; k++)
        bcp_ptr_vec_push(&m->arena, &m->broken, job->broken.items[k]);
    bcp_diag_list_append(&m->diags, &job->diags);
    m->syntax_errors = m->syntax_errors || job->syntax_errors;
    adopt_arena(m, &job->arena);
}

static void build_pieces(bcp_model *m, const build_ctx *base, TSTree *const *trees, size_t count)
{
    piece_job *jobs = calloc(count, sizeof *jobs);
    if (!jobs)
        abort();
    for (size_t i = 0; i < count; i++) {
        jobs[i].c = *base;
        jobs[i].tree = trees[i];
        bcp_arena_init(&jobs[i].arena);
    }
    bcp_run_parallel(build_piece, jobs, sizeof *jobs, count);
    for (size_t i = 0; i < count; i++)
        merge_piece(m, &jobs[i]);
    free(jobs);
}

/* ----------------------------------------------------- parsing ahead */

/* A plan that imports many modules would parse them one by one; instead the
 * next few imports of a file are read and parsed together on all cores, then
 * built into the model in the usual order (so output does not change). */
enum { PREFETCH_PER_THREAD = 4, PIECE_MIN_BYTES = 1 << 20, MAX_PIECES = 256 };

static prefetched *find_prefetched(bcp_model *m, const char *path)
{
    for (size_t i = 0; i < m->prefetched_count; i++)
        if (strcmp(m->prefetched[i].path, path) == 0)
            return &m->prefetched[i];
    return NULL;
}

static void prefetch_files(bcp_model *m, char **paths, size_t count)
{
    bcp_parse_task *tasks = calloc(count, sizeof *tasks);
    bcp_source **sources = calloc(count, sizeof *sources);
    if (!tasks || !sources)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        const char *err;
        bcp_source *src = bcp_source_read(paths[i], &err);
        if (!src || src->length > UINT32_MAX || src->length >= 2 * PIECE_MIN_BYTES) {
            bcp_source_free(src); /* unreadable or large: loaded the ordinary way */
            continue;
        }
        sources[n] = src;
        tasks[n].text = src->text;
        tasks[n].length = (uint32_t)src->length;
        n++;
    }
    bcp_parse_tasks(tasks, n);
    piece_job *jobs = calloc(n ? n : 1, sizeof *jobs);
    if (!jobs)
        abort();
    for (size_t i = 0; i < n; i++) {
        jobs[i].c = (build_ctx){.model = m, .src = sources[i], .sym = bcp_syntax_symbols()};
        jobs[i].tree = tasks[i].tree;
        jobs[i].whole_file = true;
        bcp_arena_init(&jobs[i].arena);
    }
    bcp_run_parallel(build_piece, jobs, sizeof *jobs, n);
    for (size_t i = 0; i < n; i++) {
        m->prefetched = bcp_grow(m->prefetched, &m->prefetched_capacity, m->prefetched_count,
                                 sizeof *m->prefetched);
        prefetched *p = &m->prefetched[m->prefetched_count++];
        p->path = strdup(sources[i]->real_path ? sources[i]->real_path : "");
        if (!p->path)
            abort();
        p->source = sources[i];
        p->tree = jobs[i].tree;
        p->built = NULL;
        if (!jobs[i].has_use) {
            p->built = malloc(sizeof *p->built);
            if (!p->built)
                abort();
            *p->built = jobs[i];
        }
    }
    free(jobs);
    free(tasks);
    free(sources);
}

/* Takes the prefetched parse of `path` out of the cache (NULL if none). */
static bool take_prefetched(bcp_model *m, const char *path, prefetched *out)
{
    prefetched *p = find_prefetched(m, path);
    if (!p)
        return false;
    *out = *p;
    free(p->path);
    out->path = NULL;
    *p = m->prefetched[--m->prefetched_count];
    return true;
}

/* The local imports of a parsed file, resolved, in order. */
typedef struct import_list {
    char **paths;
    size_t count, capacity, next;
} import_list;

/* Also tells, per tree, whether it holds any `use` (such a piece must be
 * built in order, on this thread, because imports load as they are met). */
static void collect_imports(bcp_model *m, const bcp_source *src, TSTree *const *trees, size_t tree_count,
                            import_list *out, bool *has_use)
{
    const bcp_symbols *sym = bcp_syntax_symbols();
    build_ctx c = {.model = m, .src = src, .sym = sym};
    for (size_t t = 0; t < tree_count; t++) {
        has_use[t] = false;
        /* A cursor: ts_node_child(root, i) walks from the first child each time. */
        TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(trees[t]));
        bool more = ts_tree_cursor_goto_first_child(&cur);
        for (; more; more = ts_tree_cursor_goto_next_sibling(&cur)) {
            TSNode node = ts_tree_cursor_current_node(&cur);
            if (ts_node_symbol(node) != sym->use_statement)
                continue;
            has_use[t] = true;
            TSNode path = ts_node_child_by_field_id(node, sym->field_path);
            if (ts_node_is_null(path) || ts_node_has_error(path))
                continue;
            size_t len;
            const char *raw = node_text(&c, path, &len);
            if (len < 2 || (len >= 6 && has_prefix(raw + 1, "std/")))
                continue;
            char spec[PATH_MAX], joined[PATH_MAX * 2], resolved[PATH_MAX];
            snprintf(spec, sizeof spec, "%.*s", (int)(len - 2), raw + 1);
            if (strchr(spec, '\\'))
                continue; /* escapes: leave it to the ordinary path */
            import_join(src, spec, joined, sizeof joined);
            if (!realpath(joined, resolved))
                continue;
            out->paths = bcp_grow(out->paths, &out->capacity, out->count, sizeof *out->paths);
            out->paths[out->count] = strdup(resolved);
            if (!out->paths[out->count])
                abort();
            out->count++;
        }
        ts_tree_cursor_delete(&cur);
    }
}

/* Before importing `want` (a canonical path not loaded yet), parse it and the
 * imports after it together. */
static void prefetch_next(bcp_model *m, const char *want, import_list *pending)
{
    if (find_prefetched(m, want))
        return;
    while (pending->next < pending->count && strcmp(pending->paths[pending->next], want) != 0)
        pending->next++;
    if (pending->next >= pending->count)
        return;
    size_t window = bcp_worker_threads() * PREFETCH_PER_THREAD;
    char **batch = calloc(window, sizeof *batch);
    if (!batch)
        abort();
    size_t n = 0;
    for (size_t i = pending->next; i < pending->count && n < window; i++) {
        const char *p = pending->paths[i];
        if (list_contains(&m->loaded, p) || find_prefetched(m, p))
            continue;
        bool dup = false;
        for (size_t j = 0; j < n; j++)
            dup = dup || strcmp(batch[j], p) == 0;
        if (!dup)
            batch[n++] = pending->paths[i];
    }
    if (n > 1)
        prefetch_files(m, batch, n);
    free(batch);
}

static void import_list_free(import_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->paths[i]);
    free(l->paths);
}

/* Parses a source: a large one in pieces cut between top-level blocks, on all
 * cores; a small one whole.  Returns the number of trees written to `trees`. */
static size_t parse_source(bcp_model *m, const bcp_source *src, TSTree **trees, size_t max)
{
    bcp_cut cuts[MAX_PIECES];
    size_t ncuts = 0;
    if (src->length >= 2 * PIECE_MIN_BYTES && src->length <= UINT32_MAX && bcp_worker_threads() > 1)
        ncuts = bcp_scan_cuts(src->text, src->length, PIECE_MIN_BYTES, cuts, max - 1);
    if (ncuts == 0) {
        if (!m->parser) {
            m->parser = ts_parser_new();
            ts_parser_set_language(m->parser, tree_sitter_bcp());
        }
        trees[0] = ts_parser_parse_string(m->parser, NULL, src->text, (uint32_t)src->length);
        return 1;
    }
    bcp_parse_task tasks[MAX_PIECES];
    memset(tasks, 0, sizeof tasks);
    for (size_t i = 0; i <= ncuts; i++) {
        bcp_parse_task *t = &tasks[i];
        t->text = src->text;
        t->length = (uint32_t)src->length;
        t->ranged = true;
        t->range.start_byte = i == 0 ? 0 : (uint32_t)cuts[i - 1].offset;
        t->range.start_point.row = i == 0 ? 0 : cuts[i - 1].row;
        if (i < ncuts) {
            t->range.end_byte = (uint32_t)cuts[i].offset;
            t->range.end_point.row = cuts[i].row;
        } else {
            t->range.end_byte = UINT32_MAX;
            t->range.end_point.row = UINT32_MAX;
            t->range.end_point.column = UINT32_MAX;
        }
    }
    bcp_parse_tasks(tasks, ncuts + 1);
    bool any_error = false;
    for (size_t i = 0; i <= ncuts; i++)
        any_error = any_error || ts_node_has_error(ts_tree_root_node(tasks[i].tree));
    if (any_error) {
        /* The parser recovers from an error by what surrounds it, and a piece
         * hides the rest of the file: report what a whole parse reports, the
         * same on any number of cores. */
        for (size_t i = 0; i <= ncuts; i++)
            ts_tree_delete(tasks[i].tree);
        return parse_source(m, src, trees, 1);
    }
    for (size_t i = 0; i <= ncuts; i++)
        trees[i] = tasks[i].tree;
    return ncuts + 1;
}

static void load_file_import(bcp_model *m, const bcp_source *importer, const char *spec,
                             const bcp_span *from, import_list *pending)
{
    char joined[PATH_MAX * 2];
    import_join(importer, spec, joined, sizeof joined);
    char display[PATH_MAX * 2];
    import_display_path(importer, spec, display, sizeof display);
    char resolved[PATH_MAX];
    if (!realpath(joined, resolved)) {
        bcp_diag *d = model_error(m, "E111", "import-not-found", from, "cannot import `%s`: %s", spec,
                                  strerror(errno));
        bcp_diag_set_hint(d, "looked for %s: a path in `use` is relative to the file that contains it",
                          display);
        return;
    }
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", resolved);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    if (m->root_dir && !path_inside(dir, m->root_dir)) {
        bcp_diag *d = model_error(m, "E112", "import-escapes", from,
                                  "import `%s` leaves the plan's directory tree", spec);
        /* The display form, not root_dir: output must not depend on where the project lies. */
        bcp_diag_set_hint(d, "a plan may only import files in its own folder (%s) and below it",
                          m->root_display);
        return;
    }
    if (list_contains(&m->loading, resolved)) {
        model_error(m, "E113", "import-cycle", from, "import cycle: `%s` is already being imported",
                    spec);
        return;
    }
    if (list_contains(&m->loaded, resolved))
        return;
    prefetch_next(m, resolved, pending);
    prefetched ahead = {0};
    bcp_source *src = NULL;
    if (take_prefetched(m, resolved, &ahead)) {
        src = ahead.source;
    } else {
        const char *err = NULL;
        src = bcp_source_read(resolved, &err);
        if (!src) {
            model_error(m, "E111", "import-not-found", from, "cannot read `%s`: %s", spec, err);
            return;
        }
    }
    free(src->path);
    src->path = strdup(display);
    if (!src->path)
        abort();
    add_source(m, src, true);
    if (ahead.built) {
        /* Built ahead and free of imports: nothing is loaded in between. */
        bcp_ptr_vec_push(&m->arena, &m->loaded, bcp_arena_strdup(&m->arena, resolved));
        merge_piece(m, ahead.built);
        free(ahead.built);
        return;
    }
    load_parsed_source(m, src, resolved, false, ahead.tree);
}

static void load_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib)
{
    load_parsed_source(m, src, key, from_stdlib, NULL);
}

static void load_parsed_source(bcp_model *m, bcp_source *src, const char *key, bool from_stdlib,
                               TSTree *parsed)
{
    char *owned_key = NULL;
    if (key) {
        owned_key = bcp_arena_strdup(&m->arena, key);
        bcp_ptr_vec_push(&m->arena, &m->loaded, owned_key);
        bcp_ptr_vec_push(&m->arena, &m->loading, owned_key);
    }
    TSTree *trees[MAX_PIECES];
    size_t tree_count = 1;
    if (parsed)
        trees[0] = parsed;
    else
        tree_count = parse_source(m, src, trees, MAX_PIECES);
    import_list pending = {0};
    bool has_use[MAX_PIECES];
    bool later_pieces_plain = false;
    if (!from_stdlib) {
        collect_imports(m, src, trees, tree_count, &pending, has_use);
        later_pieces_plain = tree_count > 1;
        for (size_t t = 1; t < tree_count; t++)
            later_pieces_plain = later_pieces_plain && !has_use[t];
    }
    for (size_t t = 0; t < tree_count; t++)
        if (bcp_syntax_report_errors(src, trees[t], &m->diags) > 0)
            m->syntax_errors = true;
    build_ctx c = {.model = m, .src = src, .sym = bcp_syntax_symbols(), .from_stdlib = from_stdlib,
                   .arena = &m->arena, .diags = &m->diags, .broken = &m->broken};
    size_t in_order = later_pieces_plain ? 1 : tree_count;
    for (size_t t = 0; t < in_order; t++) {
    TSTree *tree = trees[t];
    TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
    if (ts_tree_cursor_goto_first_child(&cur)) {
        do {
            TSNode n = ts_tree_cursor_current_node(&cur);
            TSSymbol s = ts_node_symbol(n);
            if (s == c.sym->use_statement) {
                TSNode path = ts_node_child_by_field_id(n, c.sym->field_path);
                if (ts_node_is_null(path) || ts_node_has_error(path))
                    continue;
                bcp_value v;
                value_from_node(&c, path, &v);
                bcp_span span = bcp_node_span(src, path);
                if (has_prefix(v.as.string.text, "std/"))
                    load_stdlib_module(m, v.as.string.text + 4, &span);
                else if (from_stdlib)
                    model_error(m, "E111", "import-not-found", &span,
                                "stdlib modules may only import other stdlib modules");
                else {
                    load_file_import(m, src, v.as.string.text, &span, &pending);
                }
            } else if (s == c.sym->block) {
                bcp_entity *e = build_block(&c, n, NULL, BLOCK_ENTITY);
                if (e)
                    bcp_ptr_vec_push(&m->arena, &m->blocks, e);
            }
        } while (ts_tree_cursor_goto_next_sibling(&cur));
    }
    ts_tree_cursor_delete(&cur);
    ts_tree_delete(tree);
    }
    if (in_order < tree_count)
        build_pieces(m, &c, trees + in_order, tree_count - in_order);
    import_list_free(&pending);
    if (owned_key)
        m->loading.count--;
}

/* ------------------------------------------------------------- indexing */

static char *format_location(bcp_model *m, const bcp_span *span)
{
    return bcp_arena_printf(&m->arena, "%s:%u:%u", span->source ? span->source->path : "?",
                            span->row + 1, bcp_span_column(span));
}

static bool from_prelude(const bcp_entity *e)
{
    const bcp_source *src = e->span.source;
    return src && src->module_name && strcmp(src->module_name, "std/" PRELUDE_MODULE) == 0;
}

static void register_entity(bcp_model *m, bcp_entity *e)
{
    if (!e->id)
        return;
    index_slot *slot = index_lookup(&m->index, e->kind, e->id, NULL);
    if (!slot) {
        index_insert(&m->index, e, NULL);
        return;
    }
    if (e->kind == BCP_KIND_LOCALE)
        return; /* a language's translations may be split over several files */
    bcp_entity *old = slot->entity;
    if (old->from_stdlib && !e->from_stdlib) {
        slot->entity = e; /* the plan overrides a stdlib default */
        return;
    }
    if (old->from_stdlib && e->from_stdlib && from_prelude(old) && !from_prelude(e)) {
        slot->entity = e; /* an industry preset refines a prelude catalogue entry */
        return;
    }
    bcp_diag *d = model_error(m, "E108", "duplicate-id", &e->id_span, "duplicate id: %s `%s` is already defined at %s",
                              bcp_kind_name(e->kind), e->id, format_location(m, &old->id_span));
    bcp_diag_set_hint(d, "ids must be unique within a kind; rename one of them");
}

static void add_to_kind_list(bcp_model *m, bcp_ptr_vec *lists, bcp_entity *e)
{
    e->ordinal = (uint32_t)lists[e->kind].count;
    bcp_ptr_vec_push(&m->arena, &lists[e->kind], e);
}

static void collect_nested(bcp_model *m, bcp_ptr_vec *lists, bcp_entity *e)
{
    for (size_t i = 0; i < e->child_count; i++) {
        bcp_entity *child = e->children[i];
        if (e->kind == BCP_KIND_LOCALE) {
            bcp_ptr_vec_push(&m->arena, &m->overlays, child);
            continue;
        }
        if (e->kind == BCP_KIND_CONFIG)
            continue;
        add_to_kind_list(m, lists, child);
        collect_nested(m, lists, child);
    }
}

static void build_index(bcp_model *m)
{
    for (size_t i = 0; i < m->blocks.count; i++)
        register_entity(m, m->blocks.items[i]);
    bcp_ptr_vec lists[BCP_KIND_COUNT];
    memset(lists, 0, sizeof lists);
    for (size_t i = 0; i < m->blocks.count; i++) {
        bcp_entity *e = m->blocks.items[i];
        if (e->id && e->kind != BCP_KIND_LOCALE) {
            index_slot *slot = index_lookup(&m->index, e->kind, e->id, NULL);
            if (slot && slot->entity != e && e->from_stdlib)
                continue; /* overridden default */
        }
        add_to_kind_list(m, lists, e);
        collect_nested(m, lists, e);
    }
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        m->by_kind[k].items = (bcp_entity **)lists[k].items;
        m->by_kind[k].count = lists[k].count;
    }
    const bcp_entity_list *plans = &m->by_kind[BCP_KIND_PLAN];
    if (plans->count > 0)
        m->plan = plans->items[0];
    for (size_t i = 1; i < plans->count; i++) {
        bcp_diag *d = model_error(m, "E110", "multiple-plans", &plans->items[i]->id_span,
                                  "more than one `plan` block (the first is at %s)",
                                  format_location(m, &plans->items[0]->id_span));
        bcp_diag_set_hint(d, "a plan has one `plan` block; other files are modules that it imports with `use`");
    }
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        if (k == BCP_KIND_PLAN || !bcp_schema_kind((bcp_kind)k)->singleton)
            continue;
        const bcp_entity_list *l = &m->by_kind[k];
        for (size_t i = 1; i < l->count; i++)
            model_error(m, "E110", "multiple-plans", &l->items[i]->id_span, "more than one `%s` block",
                        bcp_kind_name((bcp_kind)k));
    }
}

/* ------------------------------------------------------ checking values */

static const char *value_kind_name(const bcp_value *v)
{
    switch (v->kind) {
    case BCP_V_STRING: return "a string";
    case BCP_V_INTEGER: return "an integer";
    case BCP_V_DURATION: return "a duration";
    case BCP_V_DATE: return "a date";
    case BCP_V_BOOL: return "a boolean";
    case BCP_V_IDENT: return "a name";
    case BCP_V_REF: return "a reference";
    default: return "a list";
    }
}

static void suggest_id(bcp_model *m, bcp_diag *d, bcp_kind kind, const char *id, const char *prefix)
{
    const bcp_entity_list *l = &m->by_kind[kind];
    if (l->count == 0 || l->count > 5000)
        return;
    const char **ids = malloc(l->count * sizeof *ids);
    if (!ids)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i]->id)
            ids[n++] = l->items[i]->id;
    const char *best = bcp_suggest(id, ids, n);
    if (best)
        bcp_diag_set_hint(d, "did you mean `%s%s`?", prefix, best);
    free(ids);
}

static void type_error(bcp_model *m, const bcp_entity *e, const bcp_attr *a, const bcp_value *v)
{
    char expected[300];
    bcp_attr_schema single = *a->schema;
    if (v != &a->value)
        single.list = false; /* an element of a list */
    bcp_type_describe(&single, expected, sizeof expected);
    size_t line_len;
    (void)bcp_span_line(&v->span, &line_len);
    bcp_diag *d = model_error(m, "E103", "wrong-type", &v->span,
                              "`%s` of %s `%s` expects %s, not %s", a->name, bcp_kind_name(e->kind),
                              e->id ? e->id : bcp_kind_name(e->kind), expected, value_kind_name(v));
    if (a->schema->example)
        bcp_diag_set_hint(d, "for example: %s = %s", a->name, a->schema->example);
}

static bcp_entity *resolve_in_catalogue(bcp_model *m, const bcp_attr_schema *as, const bcp_value *v,
                                        const char *name, bool *reported)
{
    bcp_kind kind = bcp_schema_kind_by_name(as->target, strlen(as->target));
    bcp_entity *target = bcp_model_find(m, kind, name);
    if (!target) {
        bcp_diag *d = model_error(m, "E106", "undefined-reference", &v->span,
                                  "unknown %s `%s`", as->target, name);
        suggest_id(m, d, kind, name, "");
        if (!d->hint)
            bcp_diag_set_hint(d, "declare it with `%s %s { ... }`, or pick one from the stdlib catalogue",
                              as->target, name);
        *reported = true;
    }
    return target;
}

static void check_reference(bcp_model *m, const bcp_entity *e, const bcp_attr *a, bcp_value *v)
{
    const char *kind_name = v->as.ref.kind_name;
    bcp_kind kind = bcp_schema_kind_by_name(kind_name, strlen(kind_name));
    if (!bcp_schema_set_contains(a->schema->target, kind_name, strlen(kind_name))) {
        bcp_diag *d;
        if (kind == BCP_KIND_COUNT) {
            d = model_error(m, "E107", "wrong-reference-kind", &v->span,
                            "`%s.%s` does not name a kind of entity", kind_name, v->as.ref.id);
        } else {
            d = model_error(m, "E107", "wrong-reference-kind", &v->span,
                            "`%s` of %s `%s` must refer to %s, not to a %s", a->name,
                            bcp_kind_name(e->kind), e->id ? e->id : "", a->schema->target, kind_name);
        }
        char alts[200];
        snprintf(alts, sizeof alts, "%s", a->schema->target);
        for (char *p = alts; *p; p++)
            if (*p == '|')
                *p = '/';
        bcp_diag_set_hint(d, "write %s.ID with %s", strchr(a->schema->target, '|') ? "KIND" : a->schema->target, alts);
        return;
    }
    v->as.ref.target = bcp_model_find(m, kind, v->as.ref.id);
    if (!v->as.ref.target) {
        bcp_diag *d = model_error(m, "E106", "undefined-reference", &v->span,
                                  "undefined reference `%s.%s`: no %s with id `%s`", kind_name,
                                  v->as.ref.id, kind_name, v->as.ref.id);
        char prefix[100];
        snprintf(prefix, sizeof prefix, "%s.", kind_name);
        suggest_id(m, d, kind, v->as.ref.id, prefix);
    }
}

/* `choices` is "a|b|c".  A quoted word that is a valid choice only needs its quotes dropped. */
static void suggest_enum(bcp_diag *d, const char *choices, const char *word, bool quoted)
{
    char buf[512];
    const char *names[64];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", choices);
    for (char *p = buf; *p && n < 64;) {
        names[n++] = p;
        char *bar = strchr(p, '|');
        if (!bar)
            break;
        *bar = '\0';
        p = bar + 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (quoted && strcmp(names[i], word) == 0) {
            bcp_diag_set_hint(d, "write the name without quotes: %s", word);
            return;
        }
    }
    const char *best = bcp_suggest(word, names, n);
    if (best)
        bcp_diag_set_hint(d, "did you mean `%s`?", best);
}

static void check_scalar(bcp_model *m, const bcp_entity *e, const bcp_attr *a, bcp_value *v)
{
    const bcp_attr_schema *as = a->schema;
    bool reported = false;
    switch (as->type) {
    case BCP_T_ANY:
        return;
    case BCP_T_TEXT:
        if (v->kind != BCP_V_STRING)
            type_error(m, e, a, v);
        return;
    case BCP_T_TEXT_OR_NONE:
        if (v->kind == BCP_V_STRING || (v->kind == BCP_V_IDENT && strcmp(v->as.ident.name, "none") == 0))
            return;
        type_error(m, e, a, v);
        return;
    case BCP_T_INTEGER:
        if (v->kind != BCP_V_INTEGER) {
            type_error(m, e, a, v);
        } else if (v->as.integer < as->min || v->as.integer > as->max) {
            model_error(m, "E114", "out-of-range", &v->span, "`%s` must be between %ld and %ld, not %lld",
                        a->name, as->min, as->max, (long long)v->as.integer);
        }
        return;
    case BCP_T_DURATION:
        if (v->kind != BCP_V_DURATION)
            type_error(m, e, a, v);
        return;
    case BCP_T_DATE:
        if (v->kind != BCP_V_DATE)
            type_error(m, e, a, v);
        return;
    case BCP_T_BOOL:
        if (v->kind != BCP_V_BOOL)
            type_error(m, e, a, v);
        return;
    case BCP_T_ENUM:
        if (v->kind != BCP_V_IDENT && v->kind != BCP_V_STRING) {
            type_error(m, e, a, v);
        } else {
            const char *word = v->kind == BCP_V_IDENT ? v->as.ident.name : v->as.string.text;
            if (v->kind == BCP_V_STRING || !bcp_schema_set_contains(as->target, word, strlen(word))) {
                bcp_diag *d = model_error(m, "E103", "wrong-type", &v->span,
                                          "`%s` must be one of %s, not `%s`", a->name, as->target, word);
                suggest_enum(d, as->target, word, v->kind == BCP_V_STRING);
            }
        }
        return;
    case BCP_T_SCORE:
        if (v->kind == BCP_V_INTEGER) {
            if (v->as.integer < 1 || v->as.integer > 5)
                model_error(m, "E114", "out-of-range", &v->span, "`%s` must be between 1 and 5, not %lld",
                            a->name, (long long)v->as.integer);
            else
                v->score = (int)v->as.integer;
        } else if (v->kind == BCP_V_IDENT) {
            bcp_entity *level = resolve_in_catalogue(m, as, v, v->as.ident.name, &reported);
            v->as.ident.target = level;
            int64_t score;
            if (level && bcp_entity_integer(level, "score", &score))
                v->score = (int)score;
        } else {
            type_error(m, e, a, v);
        }
        return;
    case BCP_T_CATALOGUE:
        if (v->kind == BCP_V_IDENT) {
            v->as.ident.target = resolve_in_catalogue(m, as, v, v->as.ident.name, &reported);
        } else if (v->kind == BCP_V_REF) {
            if (strcmp(v->as.ref.kind_name, as->target) != 0) {
                model_error(m, "E107", "wrong-reference-kind", &v->span,
                            "`%s` must name a %s, not a %s", a->name, as->target, v->as.ref.kind_name);
            } else {
                v->as.ref.target = resolve_in_catalogue(m, as, v, v->as.ref.id, &reported);
            }
        } else {
            type_error(m, e, a, v);
        }
        return;
    case BCP_T_REF:
        if (v->kind == BCP_V_REF) {
            check_reference(m, e, a, v);
        } else if (v->kind == BCP_V_IDENT && !strchr(as->target, '|')) {
            bcp_diag *d = model_error(m, "E103", "wrong-type", &v->span,
                                      "`%s` expects a reference such as `%s.%s`, not the bare name `%s`",
                                      a->name, as->target, v->as.ident.name, v->as.ident.name);
            bcp_diag_set_hint(d, "write %s.%s", as->target, v->as.ident.name);
        } else {
            type_error(m, e, a, v);
        }
        return;
    }
}

static bool is_broken(const bcp_model *m, const bcp_entity *e)
{
    for (size_t i = 0; i < m->broken.count; i++)
        if (m->broken.items[i] == e)
            return true;
    return false;
}

static void check_attributes(bcp_model *m, bcp_entity *e, bool overlay)
{
    const bcp_kind_schema *ks = bcp_schema_kind(e->kind);
    for (size_t i = 0; i < e->attr_count; i++) {
        bcp_attr *a = &e->attrs[i];
        a->schema = bcp_schema_attr(e->kind, a->name, strlen(a->name));
        if (!a->schema) {
            bcp_diag *d = model_error(m, "E102", "unknown-attribute", &a->key_span,
                                      "unknown attribute `%s` for %s", a->name, ks->name);
            const char *names[64];
            size_t n = 0;
            for (size_t j = 0; j < ks->attr_count && n < 64; j++)
                names[n++] = ks->attrs[j].name;
            const char *best = bcp_suggest(a->name, names, n);
            if (best)
                bcp_diag_set_hint(d, "did you mean `%s`?", best);
            else {
                char all[1024] = "";
                for (size_t j = 0; j < n; j++) {
                    if (j)
                        strncat(all, ", ", sizeof all - strlen(all) - 1);
                    strncat(all, names[j], sizeof all - strlen(all) - 1);
                }
                bcp_diag_set_hint(d, "%s takes: %s", ks->name, all);
            }
            continue;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(e->attrs[j].name, a->name) == 0) {
                model_error(m, "E115", "duplicate-attribute", &a->key_span,
                            "`%s` is set twice (first at %s)", a->name, format_location(m, &e->attrs[j].key_span));
                break;
            }
        }
        if (overlay && !a->schema->localized) {
            bcp_diag *d = model_error(m, "E118", "untranslatable-attribute", &a->key_span,
                                      "`%s` of %s is not text that a locale can translate", a->name, ks->name);
            bcp_diag_set_hint(d, "a locale block overrides only prose attributes such as title and description");
            continue;
        }
        if (a->schema->type == BCP_T_ANY)
            continue;
        if (a->schema->list) {
            if (a->value.kind != BCP_V_LIST) {
                bcp_diag *d = model_error(m, "E103", "wrong-type", &a->value.span,
                                          "`%s` of %s expects a list, not %s", a->name, ks->name,
                                          value_kind_name(&a->value));
                bcp_diag_set_hint(d, "wrap it in brackets: %s = [ ... ]", a->name);
                continue;
            }
            for (size_t k = 0; k < a->value.as.list.count; k++)
                check_scalar(m, e, a, &a->value.as.list.items[k]);
        } else if (a->value.kind == BCP_V_LIST) {
            char expected[300];
            bcp_diag *d = model_error(m, "E103", "wrong-type", &a->value.span,
                                      "`%s` of %s expects %s, not a list", a->name, ks->name,
                                      bcp_type_describe(a->schema, expected, sizeof expected));
            (void)d;
        } else {
            check_scalar(m, e, a, &a->value);
        }
    }
    if (overlay || is_broken(m, e))
        return;
    for (size_t j = 0; j < ks->attr_count; j++) {
        if (!ks->attrs[j].required || bcp_entity_attr(e, ks->attrs[j].name))
            continue;
        bcp_diag *d = model_error(m, "E109", "missing-attribute", &e->id_span,
                                  "%s `%s` is missing required attribute `%s`", ks->name,
                                  e->id ? e->id : ks->name, ks->attrs[j].name);
        if (ks->attrs[j].example)
            bcp_diag_set_hint(d, "add: %s = %s", ks->attrs[j].name, ks->attrs[j].example);
    }
}

static void check_entity_tree(bcp_model *m, bcp_entity *e)
{
    if (e->kind == BCP_KIND_CONFIG)
        return; /* configuration is read by the lint engine, not the plan schema */
    check_attributes(m, e, false);
    for (size_t i = 0; i < e->child_count; i++)
        if (e->kind != BCP_KIND_LOCALE)
            check_entity_tree(m, e->children[i]);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Two translations of one entity into one language (a locale split over
 * stdlib files, or a plan refining part of a stdlib translation) merge
 * attribute by attribute, so that one file's title cannot hide another's
 * description.  `first` wins an attribute both set. */
static bcp_entity *merge_overlays(bcp_model *m, bcp_entity *first, const bcp_entity *second)
{
    size_t extra = 0;
    for (size_t i = 0; i < second->attr_count; i++)
        if (!bcp_entity_attr(first, second->attrs[i].name))
            extra++;
    if (!extra)
        return first;
    bcp_entity *merged = bcp_arena_alloc(&m->arena, sizeof *merged);
    *merged = *first;
    merged->attrs = bcp_arena_alloc(&m->arena, (first->attr_count + extra) * sizeof *merged->attrs);
    if (first->attr_count)
        memcpy(merged->attrs, first->attrs, first->attr_count * sizeof *merged->attrs);
    for (size_t i = 0; i < second->attr_count; i++)
        if (!bcp_entity_attr(first, second->attrs[i].name))
            merged->attrs[merged->attr_count++] = second->attrs[i];
    return merged;
}

static const bcp_entity *child_named(const bcp_entity *parent, bcp_kind kind, const char *id)
{
    for (size_t i = 0; parent && i < parent->child_count; i++) {
        const bcp_entity *c = parent->children[i];
        if (c->kind == kind && c->id && strcmp(c->id, id) == 0)
            return c;
    }
    return NULL;
}

/* `locale en { system erp { backup daily { where = "..." } } }` translates the
 * named nested blocks of an entity: each must exist in the base entity. */
static void check_nested_overlays(bcp_model *m, const bcp_entity *loc, bcp_entity *ov, const bcp_entity *base)
{
    const bcp_kind_schema *ps = bcp_schema_kind(ov->kind);
    for (size_t i = 0; i < ov->child_count; i++) {
        bcp_entity *c = ov->children[i];
        const char *kind_name = bcp_kind_name(c->kind);
        if (!c->id)
            continue; /* reported as a missing id already */
        if (!bcp_schema_set_contains(ps->children, kind_name, strlen(kind_name))) {
            model_error(m, "E117", "misplaced-block", &c->id_span, "a `%s` block cannot stand inside `%s`",
                        kind_name, ps->name);
            continue;
        }
        const bcp_entity *target = child_named(base, c->kind, c->id);
        if (!target) {
            if (!ov->from_stdlib) {
                bcp_diag *d = model_error(m, "E106", "undefined-reference", &c->id_span,
                                          "locale `%s` translates %s `%s` of %s `%s`, which is not defined",
                                          loc->id, kind_name, c->id, ps->name, base->id);
                bcp_diag_set_hint(d, "only named nested blocks can be translated: write `%s %s { ... }` in %s `%s`",
                                  kind_name, c->id, ps->name, base->id);
            }
            continue;
        }
        check_attributes(m, c, true);
        check_nested_overlays(m, loc, c, target);
    }
}

static void build_overlays(bcp_model *m)
{
    const bcp_entity_list *locales = &m->by_kind[BCP_KIND_LOCALE];
    for (size_t i = 0; i < locales->count; i++) {
        bcp_entity *loc = locales->items[i];
        if (!loc->id)
            continue;
        if (!list_contains(&m->locales, loc->id))
            bcp_ptr_vec_push(&m->arena, &m->locales, (void *)loc->id);
        for (size_t j = 0; j < loc->child_count; j++) {
            bcp_entity *ov = loc->children[j];
            if (!ov->id)
                continue;
            const bcp_kind_schema *ks = bcp_schema_kind(ov->kind);
            bcp_entity *base = bcp_model_find(m, ov->kind, ov->id);
            if (!base && !ks->locale_defined) {
                if (!ov->from_stdlib) {
                    bcp_diag *d = model_error(m, "E106", "undefined-reference", &ov->id_span,
                                              "locale `%s` translates %s `%s`, which is not defined",
                                              loc->id, ks->name, ov->id);
                    char prefix[64];
                    snprintf(prefix, sizeof prefix, "%s.", ks->name);
                    suggest_id(m, d, ov->kind, ov->id, "");
                }
                continue;
            }
            if (!ov->from_stdlib || base)
                check_attributes(m, ov, true);
            if (base)
                check_nested_overlays(m, loc, ov, base);
            index_slot *slot = index_lookup(&m->overlay_index, ov->kind, ov->id, loc->id);
            if (!slot) {
                index_insert(&m->overlay_index, ov, loc->id);
            } else if (slot->entity->from_stdlib && !ov->from_stdlib) {
                slot->entity = merge_overlays(m, ov, slot->entity);
            } else if (!ov->from_stdlib) {
                model_error(m, "E108", "duplicate-id", &ov->id_span,
                            "locale `%s` already translates %s `%s` at %s", loc->id, ks->name, ov->id,
                            format_location(m, &slot->entity->id_span));
            } else {
                slot->entity = merge_overlays(m, slot->entity, ov);
            }
            if (!base && ks->locale_defined) {
                /* Text defined only per language: make it findable by id as well. */
                if (!bcp_model_find(m, ov->kind, ov->id))
                    index_insert(&m->index, ov, NULL);
            }
        }
    }
    if (m->locales.count > 1)
        qsort(m->locales.items, m->locales.count, sizeof *m->locales.items, compare_strings);
}

static void check_model(bcp_model *m)
{
    build_index(m);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *l = &m->by_kind[k];
        for (size_t i = 0; i < l->count; i++)
            if (!l->items[i]->parent)
                check_entity_tree(m, l->items[i]);
    }
    build_overlays(m);
    bcp_diag_list_sort(&m->diags);
}

/* --------------------------------------------------------------- loading */

/* Each root file confines its own imports: a second root elsewhere (a module
 * checked with its plan, or unrelated files) must not be judged by the first. */
static void set_root_dir(bcp_model *m, const bcp_source *src)
{
    m->root_dir = NULL;
    if (!src->real_dir)
        return;
    m->root_dir = bcp_arena_strdup(&m->arena, src->real_dir);
    const char *slash = strrchr(src->path, '/');
    if (!slash || src->real_path == NULL)
        m->root_display = ".";
    else if (slash == src->path)
        m->root_display = "/";
    else
        m->root_display = bcp_arena_strndup(&m->arena, src->path, (size_t)(slash - src->path));
}

static void load_prelude(bcp_model *m)
{
    if (!m->opts.no_prelude)
        load_stdlib_module(m, PRELUDE_MODULE, NULL);
    for (size_t i = 0; i < m->opts.extra_module_count; i++)
        load_stdlib_module(m, m->opts.extra_modules[i], NULL);
}

static void rename_loaded_source(bcp_model *m, const char *real_path, const char *path)
{
    if (!real_path)
        return;
    for (size_t i = 0; i < m->source_count; i++) {
        bcp_source *s = m->sources[i];
        if (s->real_path && strcmp(s->real_path, real_path) == 0) {
            char *copy = strdup(path);
            if (!copy)
                abort();
            free(s->path);
            s->path = copy;
            return;
        }
    }
}

bcp_model *bcp_model_load_many(const char *const *paths, size_t count, const bcp_model_options *opts)
{
    bcp_model *m = model_new(opts);
    load_prelude(m);
    for (size_t i = 0; i < count; i++) {
        const char *err = NULL;
        bcp_source *src = bcp_source_read(paths[i], &err);
        if (!src) {
            bcp_diag *d = bcp_diag_add(&m->diags, BCP_SEV_ERROR, "E100", "io-error", NULL,
                                       "cannot read %s: %s", paths[i], err);
            d->is_syntax = true;
            m->syntax_errors = true;
            continue;
        }
        set_root_dir(m, src);
        char resolved[PATH_MAX];
        const char *key = strcmp(paths[i], "-") == 0 ? "<stdin>" : realpath(paths[i], resolved);
        if (key && list_contains(&m->loaded, key)) {
            /* Already imported by an earlier root: keep that copy, but under the
             * name the user gave, not the importer-relative one. */
            rename_loaded_source(m, src->real_path, paths[i]);
            bcp_source_free(src);
            continue;
        }
        add_source(m, src, true);
        load_source(m, src, key, false);
    }
    check_model(m);
    return m;
}

bcp_model *bcp_model_load(const char *path, const bcp_model_options *opts)
{
    return bcp_model_load_many(&path, 1, opts);
}

bcp_model *bcp_model_load_text(const char *path, const char *text, size_t len,
                               const bcp_model_options *opts)
{
    bcp_model *m = model_new(opts);
    load_prelude(m);
    bcp_source *src = bcp_source_from_memory(path, text, len, true);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd))
        src->real_dir = strdup(cwd);
    set_root_dir(m, src);
    add_source(m, src, true);
    load_source(m, src, NULL, false);
    check_model(m);
    return m;
}

/* ------------------------------------------------------------ accessors */

const bcp_attr *bcp_entity_attr(const bcp_entity *e, const char *name)
{
    if (!e)
        return NULL;
    for (size_t i = 0; i < e->attr_count; i++)
        if (strcmp(e->attrs[i].name, name) == 0)
            return &e->attrs[i];
    return NULL;
}

const bcp_value *bcp_entity_value(const bcp_entity *e, const char *name)
{
    const bcp_attr *a = bcp_entity_attr(e, name);
    return a ? &a->value : NULL;
}

const char *bcp_entity_text(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v && v->kind == BCP_V_STRING ? v->as.string.text : NULL;
}

bool bcp_entity_duration(const bcp_entity *e, const char *name, int64_t *seconds)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_DURATION || v->as.seconds < 0)
        return false;
    *seconds = v->as.seconds;
    return true;
}

bool bcp_entity_date(const bcp_entity *e, const char *name, int32_t *days)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_DATE || v->as.days == INT32_MIN)
        return false;
    *days = v->as.days;
    return true;
}

bool bcp_entity_bool(const bcp_entity *e, const char *name, bool fallback)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v && v->kind == BCP_V_BOOL ? v->as.boolean : fallback;
}

bool bcp_entity_integer(const bcp_entity *e, const char *name, int64_t *out)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v || v->kind != BCP_V_INTEGER)
        return false;
    *out = v->as.integer;
    return true;
}

bcp_entity *bcp_entity_ref(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    if (!v)
        return NULL;
    if (v->kind == BCP_V_REF)
        return v->as.ref.target;
    if (v->kind == BCP_V_IDENT)
        return v->as.ident.target;
    return NULL;
}

int bcp_entity_score(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v ? v->score : 0;
}

const char *bcp_entity_label(const bcp_entity *e)
{
    const char *t = bcp_entity_text(e, "title");
    if (!t)
        t = bcp_entity_text(e, "name");
    return t ? t : (e->id ? e->id : bcp_kind_name(e->kind));
}

/* The overlay of `e` for `lang`: a top-level entity's by index; a nested one
 * (a named backup) inside its parent's overlay. */
static const bcp_entity *overlay_of(const bcp_model *m, const bcp_entity *e, const char *lang)
{
    if (!e->id)
        return NULL;
    /* a text defined only in locale blocks is itself an overlay: its parent
     * is a `locale`, and it is looked up by id like a top-level entity */
    if (e->parent && e->parent->kind != BCP_KIND_LOCALE)
        return child_named(overlay_of(m, e->parent, lang), e->kind, e->id);
    index_slot *s = index_lookup(&m->overlay_index, e->kind, e->id, lang);
    return s ? s->entity : NULL;
}

const bcp_value *bcp_model_localized_value(const bcp_model *m, const bcp_entity *e, const char *name,
                                           const char *lang)
{
    if (lang) {
        const bcp_value *v = bcp_entity_value(overlay_of(m, e, lang), name);
        if (v)
            return v;
    }
    return bcp_entity_value(e, name);
}

const char *bcp_model_text(const bcp_model *m, const bcp_entity *e, const char *name, const char *lang)
{
    const bcp_value *v = bcp_model_localized_value(m, e, name, lang);
    return v && v->kind == BCP_V_STRING ? v->as.string.text : NULL;
}

size_t bcp_model_locale_count(const bcp_model *m) { return m->locales.count; }
const char *bcp_model_locale(const bcp_model *m, size_t i) { return m->locales.items[i]; }

/* ------------------------------------------------------------ referrers */

static void add_referrer(bcp_model *m, bcp_entity *target, bcp_entity *from)
{
    bcp_entity_list *list = &target->referrers;
    if (list->count && list->items[list->count - 1] == from)
        return; /* several references from one entity count once */
    if (list->count == target->referrer_capacity) {
        size_t cap = target->referrer_capacity ? target->referrer_capacity * 2 : 4;
        bcp_entity **items = bcp_arena_alloc(&m->arena, cap * sizeof *items);
        if (list->count)
            memcpy(items, list->items, list->count * sizeof *items);
        list->items = items;
        target->referrer_capacity = cap;
    }
    list->items[list->count++] = from;
}

static void collect_refs(bcp_model *m, bcp_entity *from, const bcp_value *v)
{
    if (v->kind == BCP_V_LIST) {
        for (size_t i = 0; i < v->as.list.count; i++)
            collect_refs(m, from, &v->as.list.items[i]);
    } else if (v->kind == BCP_V_REF && v->as.ref.target) {
        add_referrer(m, v->as.ref.target, from);
    } else if (v->kind == BCP_V_IDENT && v->as.ident.target) {
        add_referrer(m, v->as.ident.target, from);
    }
}

const bcp_entity_list *bcp_model_referrers(bcp_model *m, const bcp_entity *target)
{
    if (!m->referrers_built) {
        m->referrers_built = true;
        for (int k = 0; k < BCP_KIND_COUNT; k++) {
            const bcp_entity_list *l = &m->by_kind[k];
            for (size_t i = 0; i < l->count; i++) {
                bcp_entity *e = l->items[i];
                /* a nested block's references are its owner's */
                bcp_entity *owner = e;
                while (owner->parent)
                    owner = owner->parent;
                for (size_t j = 0; j < e->attr_count; j++)
                    collect_refs(m, owner, &e->attrs[j].value);
            }
        }
    }
    return &target->referrers;
}
