/* The walk over the plan's phone numbers that C103 and C108 share. */
#include "phone_rule.h"

#include "lint_memo.h"

#include <stdio.h>
#include <string.h>

static const char *const phone_attrs[] = {"phone", "alt_phone"};
static const bcp_kind phone_kinds[] = {BCP_KIND_CONTACT, BCP_KIND_SUPPLIER, BCP_KIND_RESOURCE};

/* A two-letter country code that libphonenumber knows, upper-cased into `code`. */
static bool country_code(const char *text, char code[3])
{
    if (!text)
        return false;
    while (*text == ' ')
        text++;
    size_t n = strlen(text);
    while (n > 0 && text[n - 1] == ' ')
        n--;
    if (n != 2)
        return false;
    for (size_t i = 0; i < 2; i++) {
        char c = text[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c < 'A' || c > 'Z')
            return false;
        code[i] = c;
    }
    code[2] = '\0';
    return bcp_phone_known_region(code, 2) != 0;
}

/* The country national numbers of `e` are read in: the country of the site
 * its entry names (its `country`, else its region's), else the plan's `country`. */
static const bcp_entity *home_country(const bcp_model *model, const bcp_entity *e, char code[3])
{
    const bcp_entity *site = bcp_entity_ref(e, "site");
    if (site && country_code(bcp_site_country(site), code))
        return site;
    const bcp_entity *plan = bcp_model_plan(model);
    if (plan && country_code(bcp_entity_text(plan, "country"), code))
        return plan;
    return NULL;
}

/* bcp_phone_check through the lint memo: the key is the country (or "--")
 * and the number. */
static void check_number(const char *text, size_t length, const char *country, bcp_phone_result *out)
{
    char stack[128];
    size_t key_len = 2 + length;
    char *key = key_len <= sizeof stack ? stack : NULL;
    if (key) {
        memcpy(key, country ? country : "--", 2);
        memcpy(key + 2, text, length);
        memset(out, 0, sizeof *out);
        if (bcp_lint_memo_get(BCP_MEMO_PHONE, key, key_len, out, sizeof *out))
            return;
    }
    bcp_phone_check(text, length, country, out);
    if (key)
        bcp_lint_memo_put(BCP_MEMO_PHONE, key, key_len, out, sizeof *out);
}

void bcp_phone_each(bcp_lint_ctx *ctx, bcp_phone_visit *visit)
{
    const bcp_model *model = bcp_lint_model(ctx);
    bcp_rule_regex *placeholder = bcp_rule_placeholder_regex();
    for (size_t k = 0; k < sizeof phone_kinds / sizeof phone_kinds[0]; k++) {
        const bcp_entity_list *entities = bcp_model_entities(model, phone_kinds[k]);
        for (size_t i = 0; i < entities->count; i++) {
            const bcp_entity *e = entities->items[i];
            char code[3] = "";
            const bcp_entity *from = home_country(model, e, code);
            for (size_t a = 0; a < sizeof phone_attrs / sizeof phone_attrs[0]; a++) {
                const bcp_value *v = bcp_entity_value(e, phone_attrs[a]);
                if (!v || v->kind != BCP_V_STRING ||
                    bcp_rule_is_placeholder(placeholder, v->as.string.text, v->as.string.length))
                    continue;
                char quoted[BCP_RULE_QUOTE_SIZE];
                bcp_rule_quote_value(v->as.string.text, v->as.string.length, quoted, sizeof quoted);
                bcp_phone_finding phone = {.entity = e, .attr = phone_attrs[a], .value = v, .quoted = quoted,
                                           .country = from ? code : NULL, .country_from = from};
                check_number(v->as.string.text, v->as.string.length, phone.country, &phone.result);
                visit(ctx, &phone);
            }
        }
    }
    bcp_rule_regex_free(placeholder);
}
