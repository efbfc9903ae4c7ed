/* Values from syntax: calendar dates, durations, and the decoding of
 * string literals (escapes, dedented triple-quoted strings) into typed values. */
#define _DEFAULT_SOURCE
#include "model_internal.h"

#include "base/alloc.h"

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
    bcp_civil_from_days(days < BCP_FIRST_DAY ? BCP_FIRST_DAY : days > BCP_LAST_DAY ? BCP_LAST_DAY : days,
                        &y, &m, &d);
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

/* One part of a duration: digits and a unit.  `*i` moves past it. */
typedef enum part_status { PART_OK, PART_BAD_UNIT, PART_TOO_LARGE, PART_NOT_A_PART } part_status;

static part_status duration_part(const char *text, size_t len, size_t *i, int64_t *number,
                                 const duration_unit **unit)
{
    size_t start = *i, j = *i;
    int64_t n = 0;
    bool large = false;
    while (j < len && text[j] >= '0' && text[j] <= '9') {
        if (n > 1000000000)
            large = true;
        else
            n = n * 10 + (text[j] - '0');
        j++;
    }
    if (j == start || j == len)
        return PART_NOT_A_PART;
    size_t u = j;
    while (u < len && !(text[u] >= '0' && text[u] <= '9'))
        u++;
    *i = u;
    *number = n;
    *unit = find_unit(text + j, u - j);
    if (!*unit)
        return PART_BAD_UNIT;
    return large ? PART_TOO_LARGE : PART_OK;
}

bcp_duration_status bcp_parse_duration_status(const char *text, size_t len, int64_t *seconds)
{
    size_t i = 0;
    int64_t total = 0, previous = INT64_MAX;
    if (len == 0)
        return BCP_DURATION_MALFORMED;
    while (i < len) {
        int64_t number;
        const duration_unit *unit = NULL;
        switch (duration_part(text, len, &i, &number, &unit)) {
        case PART_NOT_A_PART: return BCP_DURATION_MALFORMED;
        case PART_BAD_UNIT: return BCP_DURATION_BAD_UNIT;
        case PART_TOO_LARGE: return BCP_DURATION_TOO_LONG;
        case PART_OK: break;
        }
        /* `1h30m`: each unit once, the largest first (and `m` and `min` are one unit). */
        if (unit->seconds >= previous)
            return BCP_DURATION_UNIT_ORDER;
        previous = unit->seconds;
        total += number * unit->seconds; /* number <= 1e9, unit <= 1y: no overflow */
        if (total > BCP_DURATION_MAX_SECONDS)
            return BCP_DURATION_TOO_LONG;
    }
    *seconds = total;
    return BCP_DURATION_OK;
}

bool bcp_parse_duration(const char *text, size_t len, int64_t *seconds)
{
    return bcp_parse_duration_status(text, len, seconds) == BCP_DURATION_OK;
}

int32_t bcp_duration_months(const char *text, size_t len)
{
    size_t i = 0;
    int64_t months = 0;
    while (i < len) {
        int64_t number;
        const duration_unit *unit = NULL;
        if (duration_part(text, len, &i, &number, &unit) != PART_OK)
            return 0;
        if (strcmp(unit->name, "y") == 0)
            months += number * 12;
        else if (strcmp(unit->name, "mo") == 0)
            months += number;
        else
            return 0; /* `1mo15d` counts in days */
        if (months > 1200)
            return 0;
    }
    return (int32_t)months;
}

size_t bcp_duration_parts(const char *text, size_t len)
{
    size_t count = 0;
    for (size_t i = 1; i < len; i++)
        if (text[i] >= '0' && text[i] <= '9' && !(text[i - 1] >= '0' && text[i - 1] <= '9'))
            count++;
    return len > 0 ? count + 1 : 0;
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

const char *bcp_node_text(build_ctx *c, TSNode n, size_t *len)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    *len = e - s;
    return c->src->text + s;
}

char *bcp_node_strdup(build_ctx *c, TSNode n)
{
    size_t len;
    const char *t = bcp_node_text(c, n, &len);
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
        /* serve13d: the run up to the next backslash in one copy */
        const char *bs = memchr(raw + i, '\\', len - i);
        size_t run = bs ? (size_t)(bs - raw) - i : len - i;
        memcpy(out + o, raw + i, run);
        o += run;
        i += run;
        if (i >= len)
            break;
        if (i + 1 >= len) {   /* a backslash that ends the text stays */
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
    char *tmp = bcp_malloc(len + 1);
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
    bcp_free(tmp);
}

void bcp_value_from_node(build_ctx *c, TSNode n, bcp_value *v)
{
    const bcp_symbols *sym = c->sym;
    TSSymbol s = ts_node_symbol(n);
    size_t len;
    const char *text = bcp_node_text(c, n, &len);
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
            bcp_build_error(c, BCP_CODE_E103, &v->span, "integer `%.*s` is too large",
                        (int)len, text);
        v->as.integer = x;
    } else if (s == sym->duration) {
        v->kind = BCP_V_DURATION;
        v->months = bcp_duration_months(text, len);
        bcp_duration_status status = bcp_parse_duration_status(text, len, &v->as.seconds);
        if (status != BCP_DURATION_OK) {
            bcp_diag *d;
            if (status == BCP_DURATION_TOO_LONG) {
                d = bcp_build_error(c, BCP_CODE_E105, &v->span,
                                    "bad duration `%.*s`: longer than %d years", (int)len, text,
                                    BCP_DURATION_MAX_YEARS);
                bcp_diag_set_hint(d, "a duration is at most %dy; no plan interval is longer",
                                  BCP_DURATION_MAX_YEARS);
            } else if (status == BCP_DURATION_UNIT_ORDER) {
                d = bcp_build_error(c, BCP_CODE_E105, &v->span,
                                    "bad duration `%.*s`: the parts of a compound duration go "
                                    "from the largest unit to the smallest, each unit once",
                                    (int)len, text);
                bcp_diag_set_hint(d, "for example 1d12h or 1h30m");
            } else {
                size_t digits = 0;
                while (digits < len && text[digits] >= '0' && text[digits] <= '9')
                    digits++;
                d = bcp_build_error(c, BCP_CODE_E105, &v->span,
                                    "bad duration `%.*s`: unknown unit `%.*s`", (int)len, text,
                                    (int)(len - digits), text + digits);
                bcp_diag_set_hint(d, "units are m (minutes), h, d, w, mo (30 days) and y: 15m, 4h, "
                                     "2d, 1w, 6mo, 1y, or several largest first: 1h30m");
            }
            v->as.seconds = -1;
        }
    } else if (s == sym->date) {
        v->kind = BCP_V_DATE;
        if (!bcp_parse_date(text, len, &v->as.days)) {
            bcp_diag *d = bcp_build_error(c, BCP_CODE_E104, &v->span,
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
        v->as.ref.kind_name = ts_node_is_null(kind) ? "" : bcp_node_strdup(c, kind);
        v->as.ref.id = ts_node_is_null(name) ? "" : bcp_node_strdup(c, name);
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
                bcp_value_from_node(c, child, &items[count++]);
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
