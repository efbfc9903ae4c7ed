/* Helpers shared by the lint rules: see rule_util.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rule_util.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

/* --- entities and values ------------------------------------------------ */

const bcp_entity *bcp_rule_next_critical_function(const bcp_model *model, size_t *cursor)
{
    const bcp_entity_list *functions = bcp_model_entities(model, BCP_KIND_FUNCTION);
    while (*cursor < functions->count) {
        const bcp_entity *function = functions->items[(*cursor)++];
        if (bcp_is_critical(function))
            return function;
    }
    return NULL;
}

const bcp_value *bcp_rule_items(const bcp_value *v, size_t *count)
{
    if (!v) {
        *count = 0;
        return NULL;
    }
    if (v->kind == BCP_V_LIST) {
        *count = v->as.list.count;
        return v->as.list.items;
    }
    *count = 1;
    return v;
}

const bcp_entity *bcp_rule_ref_target(const bcp_value *v)
{
    return v && v->kind == BCP_V_REF ? v->as.ref.target : NULL;
}

bool bcp_rule_in_list(const bcp_entity *e, const bcp_entity_list *list)
{
    return e && e->ordinal < list->count && list->items[e->ordinal] == e;
}

bool bcp_rule_has_items(const bcp_entity *e, const char *name)
{
    const bcp_value *v = bcp_entity_value(e, name);
    return v && (v->kind != BCP_V_LIST || v->as.list.count > 0);
}

bool bcp_rule_is_blank(const char *text)
{
    for (; *text; text++)
        if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
            return false;
    return true;
}

bool bcp_rule_has_text(const bcp_entity *e, const char *name)
{
    const char *text = bcp_entity_text(e, name);
    return text && !bcp_rule_is_blank(text);
}

const char *bcp_rule_entity_name(const bcp_entity *e)
{
    return e->id ? e->id : bcp_kind_name(e->kind);
}

/* --- thresholds, dates and durations ------------------------------------ */

int64_t bcp_rule_threshold_or(const bcp_lint_ctx *ctx, const char *name, int64_t fallback)
{
    int64_t value = bcp_lint_threshold(ctx, name);
    return value > 0 ? value : fallback;
}

bcp_interval bcp_rule_interval_or(const bcp_lint_ctx *ctx, const char *name, bcp_interval fallback)
{
    const bcp_value *v = bcp_lint_threshold_value(ctx, name);
    return v && v->kind == BCP_V_DURATION && v->as.seconds > 0 ? bcp_interval_of_value(v) : fallback;
}

bcp_rule_count_label bcp_rule_days(int64_t days)
{
    bcp_rule_count_label label;
    snprintf(label.text, sizeof label.text, "%lld %s", (long long)days, days == 1 || days == -1 ? "day" : "days");
    return label;
}

bcp_rule_label bcp_rule_duration_label(int64_t seconds)
{
    bcp_rule_label label;
    bcp_format_duration(seconds, label.text, sizeof label.text);
    return label;
}

bcp_rule_label bcp_rule_date_label(int32_t days)
{
    bcp_rule_label label;
    bcp_format_date(days, label.text);
    return label;
}

/* --- regular expressions ------------------------------------------------- */

/* serve13b: each pattern is compiled once per process, not once per rule
 * run: the compiled patterns (and, once asked for, their JIT-compiled twins)
 * are kept in one list under a lock, and never change once in it, so that
 * every thread matches with them at once (PCRE2 allows it).  What a search
 * changes (its match data, where it has got to) stays per bcp_rule_regex. */
typedef struct compiled {
    char *pattern;
    unsigned flags;           /* BCP_RULE_RE_CASELESS | BCP_RULE_RE_UCP */
    bool jit;
    pcre2_code *code;
    struct compiled *next;
} compiled;

struct bcp_rule_regex {
    const compiled *shared;
    pcre2_match_data *match;
    /* The text being searched and the piece of valid UTF-8 in it where the
     * search has got to: [piece_start, piece_end).  See match_at. */
    const char *text;
    size_t length, piece_start, piece_end;
};

/* The one place that bounds every regex of the rules (issue 15): however a
 * pattern is written, one match call gives up after this many steps of the
 * matcher (PCRE2's match limit, which the JIT honours too) and this much
 * backtracking depth and memory, so a hostile text costs at most that per
 * call.  The rules' patterns are written so that they never come near it
 * (bounded repeats, no nested quantifiers over the same characters): a text
 * that reaches it is treated as not matching, and bcp_rule_regex_limited()
 * says so.  tests/unit/test_regex_time.c times the rules on 300 KB
 * adversarial texts. */
enum {
    RULE_RE_MATCH_LIMIT = 10 * 1000 * 1000,
    RULE_RE_DEPTH_LIMIT = 20 * 1000,
    RULE_RE_HEAP_LIMIT_KIB = 8 * 1024,
};

static pthread_mutex_t compiled_lock = PTHREAD_MUTEX_INITIALIZER;
static compiled *compiled_list;
static pcre2_match_context *match_limits;   /* read-only once made: shared by every search */

static pcre2_match_context *new_limits(void)
{
    pcre2_match_context *limits = pcre2_match_context_create(NULL);
    if (!limits)
        return NULL;
    pcre2_set_match_limit(limits, RULE_RE_MATCH_LIMIT);
    pcre2_set_depth_limit(limits, RULE_RE_DEPTH_LIMIT);
    pcre2_set_heap_limit(limits, RULE_RE_HEAP_LIMIT_KIB);
    return limits;
}

/* The process's compiled `pattern`, compiled now if it is the first time. */
static const compiled *compiled_for(const char *pattern, unsigned flags, bool jit)
{
    pthread_mutex_lock(&compiled_lock);
    compiled *c = compiled_list;
    while (c && !(c->flags == flags && c->jit == jit && strcmp(c->pattern, pattern) == 0))
        c = c->next;
    if (!c && !match_limits)
        match_limits = new_limits();
    if (!c && match_limits) {
        uint32_t options = PCRE2_UTF;
        if (flags & BCP_RULE_RE_CASELESS)
            options |= PCRE2_CASELESS;
        if (flags & BCP_RULE_RE_UCP)
            options |= PCRE2_UCP;
        int error;
        PCRE2_SIZE offset;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options, &error, &offset, NULL);
        if (code) {
            if (jit)
                pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* optional: pcre2_match falls back to the interpreter */
            c = bcp_calloc(1, sizeof *c);
            c->pattern = bcp_strdup(pattern);
            c->flags = flags;
            c->jit = jit;
            c->code = code;
            c->next = compiled_list;
            compiled_list = c;
        }
    }
    pthread_mutex_unlock(&compiled_lock);
    return c;
}

/* At exit, after every search: the list's owner lets it go. */
__attribute__((destructor)) static void compiled_free(void)
{
    while (compiled_list) {
        compiled *c = compiled_list;
        compiled_list = c->next;
        pcre2_code_free(c->code);
        bcp_free(c->pattern);
        bcp_free(c);
    }
    pcre2_match_context_free(match_limits);
    match_limits = NULL;
}

bcp_rule_regex *bcp_rule_regex_new(const char *pattern, unsigned flags)
{
    const compiled *c = compiled_for(pattern, flags & (BCP_RULE_RE_CASELESS | BCP_RULE_RE_UCP),
                                     (flags & BCP_RULE_RE_JIT) != 0);
    if (!c)
        return NULL;
    pcre2_match_data *match = pcre2_match_data_create_from_pattern(c->code, NULL);
    if (!match)
        return NULL;
    bcp_rule_regex *re = bcp_calloc(1, sizeof *re);
    re->shared = c;
    re->match = match;
    return re;
}

void bcp_rule_regex_jit(bcp_rule_regex *re)
{
    if (!re || re->shared->jit)
        return;
    const compiled *c = compiled_for(re->shared->pattern, re->shared->flags, true);
    if (c)
        re->shared = c;   /* the same pattern: the match data fits it */
}

void bcp_rule_regex_free(bcp_rule_regex *re)
{
    if (!re)
        return;
    pcre2_match_data_free(re->match);
    bcp_free(re);
}

/* --- every byte seen -------------------------------------------------------
 * A text with invalid UTF-8 is matched piece by piece: each run of valid
 * UTF-8 between bad bytes is searched on its own, and the bad bytes match
 * nothing (as PCRE2_MATCH_INVALID_UTF would, but that option re-checks the
 * rest of the text on every call, which makes a search that continues from
 * an offset quadratic).  Each byte is checked once per search of a text. */

/* Moves the piece forward to the valid run that holds `offset` (or the next
 * one after it).  False when there is none left. */
static bool piece_at(bcp_rule_regex *re, size_t offset)
{
    const unsigned char *t = (const unsigned char *)re->text;
    while (offset >= re->piece_end && !(offset == re->piece_end && offset == re->length)) {
        if (re->piece_end >= re->length)
            return false;
        /* Past the bad bytes (at least one, with the continuation bytes after
         * it) to the next run of valid UTF-8 that is not empty. */
        size_t bad = re->piece_end, good = bad;
        while (good == bad && bad < re->length) {
            bad++;
            while (bad < re->length && (t[bad] & 0xC0) == 0x80)
                bad++;
            good = bad + bcp_utf8_valid_prefix((const char *)t + bad, re->length - bad);
        }
        re->piece_start = bad;
        re->piece_end = good;
    }
    return true;
}

static int match_at(bcp_rule_regex *re, const char *text, size_t length, size_t offset)
{
    if (offset > length)
        return PCRE2_ERROR_NOMATCH;
    /* A search from offset 0 is a new text; a later offset continues it. */
    if (offset == 0 || re->text != text || re->length != length || offset < re->piece_start) {
        re->text = text;
        re->length = length;
        re->piece_start = 0;
        re->piece_end = bcp_utf8_valid_prefix(text, length);
    }
    for (;;) {
        if (!piece_at(re, offset))
            return PCRE2_ERROR_NOMATCH;
        if (offset < re->piece_start)
            offset = re->piece_start;
        while (offset < re->piece_end && ((unsigned char)text[offset] & 0xC0) == 0x80)
            offset++; /* from the middle of a character: from the next one */
        int rc = pcre2_match(re->shared->code, (PCRE2_SPTR)(text + re->piece_start),
                             re->piece_end - re->piece_start, offset - re->piece_start, PCRE2_NO_UTF_CHECK,
                             re->match, match_limits);
        if (rc != PCRE2_ERROR_NOMATCH || re->piece_end >= length)
            return rc;
        offset = re->piece_end + 1; /* on to the next valid run */
    }
}

int bcp_rule_regex_match(bcp_rule_regex *re, const char *text, size_t length)
{
    return match_at(re, text, length, 0);
}

int bcp_rule_regex_match_at(bcp_rule_regex *re, const char *text, size_t length, size_t offset)
{
    return match_at(re, text, length, offset);
}

bool bcp_rule_regex_limited(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT;
}

void bcp_rule_regex_group(const bcp_rule_regex *re, int group, size_t *start, size_t *end)
{
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(re->match);
    PCRE2_SIZE from = ovector[2 * group], to = ovector[2 * group + 1];
    if (from == PCRE2_UNSET || to == PCRE2_UNSET) {
        *start = *end = 0;
        return;
    }
    /* Offsets in the piece of valid UTF-8 that was searched: in the text. */
    *start = re->piece_start + from;
    *end = re->piece_start + to;
}

/* --- characters of the plan's own sources -------------------------------- */

size_t bcp_rule_utf8_next(const char *s, size_t n, size_t i, uint32_t *cp)
{
    const unsigned char *t = (const unsigned char *)s + i;
    unsigned char c = t[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    /* serve13c: the common case of CJK text, E1..EC and EE..EF with two
     * continuation bytes (always valid, RFC 3629), without the general check */
    if (want == 3 && c != 0xE0 && c != 0xED && n - i >= 3 && (t[1] & 0xC0) == 0x80 && (t[2] & 0xC0) == 0x80) {
        *cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(t[1] & 0x3F) << 6 | (t[2] & 0x3F);
        return 3;
    }
    /* serve13c: this character's bytes only, not the next one's too */
    size_t len = bcp_utf8_valid_prefix((const char *)t, n - i < want ? n - i : want);
    if (len < want) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = c & (want == 2 ? 0x1F : want == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < want; k++)
        v = v << 6 | (t[k] & 0x3F);
    *cp = v;
    return want;
}

static const bcp_rule_named_char *named(const bcp_rule_named_char *chars, size_t count, uint32_t cp)
{
    for (size_t i = 0; i < count; i++)
        if (chars[i].cp == cp)
            return &chars[i];
    return NULL;
}

/* ==== serve13d part: one scan of the sources per lint run for every rule
 * that declares characters (bcp_rule.chars), each rule reading its own. */

/* The characters of the catalogue's rules: the first bytes of their UTF-8
 * forms stop the byte loop, and their low 12 bits filter the code points
 * decoded there.  Only what is not ASCII: the rules look for no ASCII
 * character. */
static struct {
    bool stop[256];
    uint64_t maybe[64];
} wanted;
static pthread_once_t wanted_once = PTHREAD_ONCE_INIT;

static void init_wanted(void)
{
    for (size_t r = 0; r < bcp_rule_count; r++)
        for (size_t k = 0; k < bcp_rules[r]->char_count; k++) {
            uint32_t cp = bcp_rules[r]->chars[k].cp;
            if (cp < 0x80)
                continue;
            unsigned lead = cp < 0x800 ? 0xC0 | cp >> 6 : cp < 0x10000 ? 0xE0 | cp >> 12 : 0xF0 | cp >> 18;
            wanted.stop[lead] = true;
            wanted.maybe[(cp >> 6) & 63] |= UINT64_C(1) << (cp & 63);
        }
}

/* A character that may be one of the rules' (the filter's word; each rule
 * checks its own list), where it stands. */
typedef struct char_hit {
    bcp_span span;
    uint32_t cp;
    bool in_comment;
} char_hit;

typedef struct char_hits {
    char_hit *items;
    size_t count, capacity;
} char_hits;

static atomic_size_t character_scans;

size_t bcp_rule_character_scans(void)
{
    return atomic_load(&character_scans);
}

/* A byte of 0xC0 or more always starts a character of the decoding that
 * steps through the text character by character (a valid sequence's other
 * bytes are 0x80..0xBF; an invalid byte is a character of its own), so a
 * byte loop that decodes only at the stop bytes finds the same characters. */
static void scan_source(const bcp_model *model, size_t s, char_hits *hits)
{
    const bcp_source *src = bcp_model_source(model, s);
    const unsigned char *t = (const unsigned char *)src->text;
    size_t n = src->length, comment_count, next_comment = 0;
    const bcp_comment *comments = bcp_model_comments(model, s, &comment_count);
    uint32_t row = 0;
    size_t line_start = 0, counted = 0;   /* the line breaks before `counted` are in row */
    atomic_fetch_add(&character_scans, 1);
    /* A byte order mark opening the file is not part of the text. */
    for (size_t i = n >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; i < n; i++) {
        /* eight bytes at a time while none of them stops the loop */
        while (i + 8 <= n && !(wanted.stop[t[i]] | wanted.stop[t[i + 1]] | wanted.stop[t[i + 2]] |
                               wanted.stop[t[i + 3]] | wanted.stop[t[i + 4]] | wanted.stop[t[i + 5]] |
                               wanted.stop[t[i + 6]] | wanted.stop[t[i + 7]]))
            i += 8;
        if (i >= n || !wanted.stop[t[i]])
            continue;
        uint32_t cp;
        size_t len = bcp_rule_utf8_next(src->text, n, i, &cp);
        if (!(wanted.maybe[(cp >> 6) & 63] & (UINT64_C(1) << (cp & 63))))
            continue;
        /* the line: counted up to here (memchr), only where a character was found */
        for (const unsigned char *nl; (nl = memchr(t + counted, '\n', i - counted)) != NULL;) {
            row++;
            counted = line_start = (size_t)(nl - t) + 1;
        }
        counted = i;
        while (next_comment < comment_count && comments[next_comment].span.end_byte <= i)
            next_comment++;
        hits->items = bcp_grow(hits->items, &hits->capacity, hits->count, sizeof *hits->items);
        hits->items[hits->count++] = (char_hit){
            .span = {.source = src,
                     .start_byte = (uint32_t)i,
                     .end_byte = (uint32_t)(i + len),
                     .row = row,
                     .byte_column = (uint32_t)(i - line_start)},
            .cp = cp,
            .in_comment = next_comment < comment_count && comments[next_comment].span.start_byte <= i,
        };
        i += len - 1;
    }
}

static void *scan_sources(bcp_lint_ctx *ctx)
{
    pthread_once(&wanted_once, init_wanted);
    const bcp_model *model = bcp_lint_model(ctx);
    char_hits *hits = bcp_malloc(sizeof *hits);
    *hits = (char_hits){0};
    for (size_t s = 0; s < bcp_model_source_count(model); s++)
        scan_source(model, s, hits);
    return hits;
}

static void free_hits(void *p)
{
    char_hits *hits = p;
    bcp_free(hits->items);
    bcp_free(hits);
}

/* The first wanted character of a line, and how many more the line has. */
typedef struct pending_char {
    bool set;
    bcp_span span;
    const bcp_rule_named_char *c;
    bool in_comment;
    size_t more;
} pending_char;

static void flush(bcp_lint_ctx *ctx, pending_char *p, bcp_rule_char_found *found)
{
    if (p->set)
        found(ctx, &p->span, p->c, p->in_comment, p->more);
    p->set = false;
}

void bcp_rule_scan_characters(bcp_lint_ctx *ctx, bcp_rule_char_found *found)
{
    const bcp_rule *rule = bcp_lint_rule(ctx);
    const char_hits *hits = bcp_lint_shared(ctx, BCP_LINT_SHARED_CHARS, scan_sources, free_hits);
    pending_char pending = {.set = false};
    for (size_t h = 0; h < hits->count; h++) {
        const char_hit *hit = &hits->items[h];
        const bcp_rule_named_char *c = named(rule->chars, rule->char_count, hit->cp);
        if (!c)
            continue;
        if (pending.set && pending.span.source == hit->span.source && pending.span.row == hit->span.row) {
            pending.more++; /* one finding per line: a flood of them helps nobody */
        } else {
            flush(ctx, &pending, found);
            pending = (pending_char){.set = true, .span = hit->span, .c = c, .in_comment = hit->in_comment};
        }
    }
    flush(ctx, &pending, found);
}
/* ==== end */

bcp_rule_count_label bcp_rule_more_on_line(size_t more)
{
    bcp_rule_count_label label = {""};
    if (more)
        snprintf(label.text, sizeof label.text, " (and %zu more on this line)", more);
    return label;
}

/* --- placeholders -------------------------------------------------------- */

/* ==== serve13d part: the placeholders as one list.  The pattern is made
 * from it (words whole, marks anywhere: "\\b(?:TODO|TBD|FIXME|XXX)\\b|待定|
 * 待补充|\\?\\?\\?"), and bcp_rule_is_placeholder looks for the list's texts
 * before it runs the pattern: a text that holds none of them cannot match,
 * and most texts hold none. */
static const struct {
    const char *text;
    bool word;   /* a whole word only (\b on both sides) */
} placeholders[] = {
    {"TODO", true}, {"TBD", true}, {"FIXME", true}, {"XXX", true},
    {"待定", false}, {"待补充", false}, {"???", false},
};
#define PLACEHOLDER_COUNT (sizeof placeholders / sizeof placeholders[0])

static struct {
    char pattern[128];
    uint64_t pairs[1024];   /* the texts' first two bytes, as a 65536-bit set */
    size_t length[PLACEHOLDER_COUNT];
} placeholder_set;
static pthread_once_t placeholder_once = PTHREAD_ONCE_INIT;

static void append_literal(char *out, size_t size, const char *text)
{
    size_t n = strlen(out);
    for (const char *p = text; *p && n + 3 < size; p++) {
        if (strchr("\\^$.|?*+()[]{}", *p))
            out[n++] = '\\';
        out[n++] = *p;
    }
    out[n] = '\0';
}

static void init_placeholder(void)
{
    char *pattern = placeholder_set.pattern;
    size_t size = sizeof placeholder_set.pattern;
    bool words = false;
    for (size_t i = 0; i < PLACEHOLDER_COUNT; i++)
        if (placeholders[i].word) {
            strcat(pattern, words ? "|" : "\\b(?:");
            append_literal(pattern, size, placeholders[i].text);
            words = true;
        }
    if (words)
        strcat(pattern, ")\\b");
    for (size_t i = 0; i < PLACEHOLDER_COUNT; i++)
        if (!placeholders[i].word) {
            if (pattern[0])
                strcat(pattern, "|");
            append_literal(pattern, size, placeholders[i].text);
        }
    for (size_t i = 0; i < PLACEHOLDER_COUNT; i++) {
        const unsigned char *t = (const unsigned char *)placeholders[i].text;
        unsigned pair = (unsigned)t[0] << 8 | t[1];   /* every text has two bytes or more */
        placeholder_set.pairs[pair >> 6] |= UINT64_C(1) << (pair & 63);
        placeholder_set.length[i] = strlen(placeholders[i].text);
    }
}

const char *bcp_rule_placeholder_pattern(void)
{
    pthread_once(&placeholder_once, init_placeholder);
    return placeholder_set.pattern;
}

bcp_rule_regex *bcp_rule_placeholder_regex(void)
{
    /* serve13c: run over every string value of every plan (BCP_RULE_RE_JIT) */
    return bcp_rule_regex_new(bcp_rule_placeholder_pattern(), BCP_RULE_RE_UCP | BCP_RULE_RE_JIT);
}

/* Does the text hold one of the placeholders' texts anywhere? */
static bool may_hold_placeholder(const char *text, size_t length)
{
    const unsigned char *t = (const unsigned char *)text;
    for (size_t i = 0; i + 1 < length; i++) {
        unsigned pair = (unsigned)t[i] << 8 | t[i + 1];
        if (!(placeholder_set.pairs[pair >> 6] & (UINT64_C(1) << (pair & 63))))
            continue;
        for (size_t k = 0; k < PLACEHOLDER_COUNT; k++) {
            size_t n = placeholder_set.length[k];
            if (n <= length - i && memcmp(t + i, placeholders[k].text, n) == 0)
                return true;
        }
    }
    return false;
}

bool bcp_rule_is_placeholder(bcp_rule_regex *re, const char *text, size_t length)
{
    pthread_once(&placeholder_once, init_placeholder);
    return re && text && may_hold_placeholder(text, length) && bcp_rule_regex_match(re, text, length) > 0;
}
/* ==== end */

/* --- contact details ----------------------------------------------------- */

/* The entries that carry phone numbers and e-mail addresses. */
static const bcp_kind contact_detail_kinds[] = {BCP_KIND_CONTACT, BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE};

/* The length of the UTF-8 sequence at s (at most `left` bytes), 0 when invalid. */
static size_t utf8_length(const unsigned char *s, size_t left)
{
    size_t n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
    if (s[0] >= 0xf5 || n == 0 || n > left)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

void bcp_rule_quote_value(const char *text, size_t length, char *out, size_t size)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t o = 0, i = 0;
    while (i < length && o + 8 < size) {
        if (i >= 64) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        size_t n = s[i] < 0x80 ? 1 : utf8_length(s + i, length - i);
        if (s[i] < 0x20 || s[i] == 0x7f || n == 0) {
            o += (size_t)snprintf(out + o, size - o, "\\x%02x", s[i]);
            i++;
        } else {
            memcpy(out + o, s + i, n);
            o += n;
            i += n;
        }
    }
    out[o] = '\0';
}

void bcp_rule_check_contact_details(bcp_lint_ctx *ctx, const char *const *attrs, size_t attr_count,
                                    const char *what, const char *pattern, unsigned flags,
                                    bcp_rule_text_check *is_valid)
{
    bcp_rule_regex *re = bcp_rule_regex_new(pattern, flags);
    if (!re)
        return;
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_rule_regex *placeholder = bcp_rule_placeholder_regex();
    for (size_t k = 0; k < sizeof contact_detail_kinds / sizeof contact_detail_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, contact_detail_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            for (size_t a = 0; a < attr_count; a++) {
                const bcp_value *v = bcp_entity_value(e, attrs[a]);
                if (!v || v->kind != BCP_V_STRING ||
                    bcp_rule_is_placeholder(placeholder, v->as.string.text, v->as.string.length))
                    continue;
                /* Invalid UTF-8 fails the match too, which is the right verdict. */
                if (bcp_rule_regex_match(re, v->as.string.text, v->as.string.length) > 0 &&
                    (!is_valid || is_valid(re, v->as.string.text, v->as.string.length)))
                    continue;
                char quoted[BCP_RULE_QUOTE_SIZE];
                bcp_rule_quote_value(v->as.string.text, v->as.string.length, quoted, sizeof quoted);
                bcp_lint_report(ctx, &v->span, "`%s` of %s `%s` is not a valid %s: \"%s\"", attrs[a],
                                bcp_kind_name(e->kind), e->id, what, quoted);
            }
        }
    }
    bcp_rule_regex_free(placeholder);
    bcp_rule_regex_free(re);
}
