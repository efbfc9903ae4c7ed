/* Helpers shared by the lint rules: see rule_util.h. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rule_util.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

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

struct bcp_rule_regex {
    pcre2_code *code;
    pcre2_match_data *match;
};

bcp_rule_regex *bcp_rule_regex_new(const char *pattern, unsigned flags)
{
    uint32_t options = PCRE2_UTF;
    if (flags & BCP_RULE_RE_CASELESS)
        options |= PCRE2_CASELESS;
    if (flags & BCP_RULE_RE_UCP)
        options |= PCRE2_UCP;
    int error;
    PCRE2_SIZE offset;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, options, &error, &offset, NULL);
    if (!code)
        return NULL;
    if (flags & BCP_RULE_RE_JIT)
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* optional: pcre2_match falls back to the interpreter */
    bcp_rule_regex *re = bcp_malloc(sizeof *re);
    pcre2_match_data *match = pcre2_match_data_create_from_pattern(code, NULL);
    if (!re || !match) {
        bcp_free(re);
        pcre2_match_data_free(match);
        pcre2_code_free(code);
        return NULL;
    }
    re->code = code;
    re->match = match;
    return re;
}

void bcp_rule_regex_free(bcp_rule_regex *re)
{
    if (!re)
        return;
    pcre2_match_data_free(re->match);
    pcre2_code_free(re->code);
    bcp_free(re);
}

int bcp_rule_regex_match(bcp_rule_regex *re, const char *text, size_t length)
{
    return pcre2_match(re->code, (PCRE2_SPTR)text, length, 0, 0, re->match, NULL);
}

int bcp_rule_regex_match_valid(bcp_rule_regex *re, const char *text, size_t length)
{
    return pcre2_match(re->code, (PCRE2_SPTR)text, length, 0, PCRE2_NO_UTF_CHECK, re->match, NULL);
}

bool bcp_rule_regex_bad_text(int rc)
{
    return rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21; /* -3 .. -23 */
}

void bcp_rule_regex_group(const bcp_rule_regex *re, int group, size_t *start, size_t *end)
{
    const PCRE2_SIZE *ovector = pcre2_get_ovector_pointer(re->match);
    PCRE2_SIZE from = ovector[2 * group], to = ovector[2 * group + 1];
    if (from == PCRE2_UNSET || to == PCRE2_UNSET)
        from = to = 0;
    *start = from;
    *end = to;
}

/* --- placeholders -------------------------------------------------------- */

static const char placeholder_pattern[] = "\\b(?:TODO|TBD|FIXME|XXX)\\b|待定|待补充|\\?\\?\\?";

bcp_rule_regex *bcp_rule_placeholder_regex(void)
{
    return bcp_rule_regex_new(placeholder_pattern, BCP_RULE_RE_UCP);
}

bool bcp_rule_is_placeholder(bcp_rule_regex *placeholder, const char *text, size_t length)
{
    return placeholder && text && bcp_rule_regex_match(placeholder, text, length) > 0;
}

/* --- contact details ----------------------------------------------------- */

/* The entries that carry phone numbers and e-mail addresses. */
static const bcp_kind contact_detail_kinds[] = {BCP_KIND_CONTACT, BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE};

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
                bcp_lint_report(ctx, &v->span, "`%s` of %s `%s` is not a valid %s: \"%s\"", attrs[a],
                                bcp_kind_name(e->kind), e->id, what, v->as.string.text);
            }
        }
    }
    bcp_rule_regex_free(placeholder);
    bcp_rule_regex_free(re);
}
