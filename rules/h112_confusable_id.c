/* H112 confusable-id: an id that can be mistaken for another, because it
 * mixes the letters of scripts that look alike (Latin `system` and `sуstem`
 * with a Cyrillic у) or holds a character made to look like an ASCII letter
 * or digit (fullwidth ｓ, mathematical 𝐬, the Kelvin sign K, superscript ²).
 *
 * Ids in one script are fine in any script, and Chinese, Japanese or Korean
 * ids may mix with Latin (`site_上海`, `erp_系统`), as Unicode's "highly
 * restrictive" identifier profile allows (UTS #39 §5.2). */
#include <stdio.h>
#include <string.h>

#include "rule_util.h"

/* The letters' scripts, as buckets: what mixes is judged on these. */
enum {
    SCRIPT_LATIN = 1u << 0,
    SCRIPT_CYRILLIC = 1u << 1,
    SCRIPT_GREEK = 1u << 2,
    SCRIPT_CJK = 1u << 3, /* Han, Hiragana, Katakana, Hangul, Bopomofo */
    SCRIPT_OTHER = 1u << 4,
};
static const char *const script_names[] = {"Latin", "Cyrillic", "Greek", "Chinese, Japanese or Korean",
                                           "another script's"};

/* Group k + 1 matches a letter of bucket 1 << k, at the offset given. */
static const char script_pattern[] = "\\G(?:(\\p{Latin})|(\\p{Cyrillic})|(\\p{Greek})|"
                                     "(\\p{Han}|\\p{Hiragana}|\\p{Katakana}|\\p{Hangul}|\\p{Bopomofo})|(\\p{L}))";

/* Characters made to look like ASCII letters and digits, which an id
 * otherwise in plain letters should not hold. */
static bool looks_like_ascii(uint32_t cp)
{
    return (cp >= 0xFF01 && cp <= 0xFF5E)      /* fullwidth ASCII: ｓｙｓｔｅｍ */
           || (cp >= 0x1D400 && cp <= 0x1D7FF) /* mathematical alphanumerics: 𝐬𝐲𝐬 */
           || (cp >= 0x2100 && cp <= 0x214F)   /* letterlike symbols: K (Kelvin), ℓ, ℮ */
           || (cp >= 0x2160 && cp <= 0x2188)   /* Roman numerals: Ⅰ Ⅴ Ⅹ */
           || (cp >= 0x2070 && cp <= 0x209F)   /* superscripts and subscripts */
           || cp == 0x00B2 || cp == 0x00B3 || cp == 0x00B9 /* ² ³ ¹ */
           || cp == 0x0131 || cp == 0x0237     /* dotless ı and ȷ */
           || cp == 0x0251 || cp == 0x0261     /* ɑ ɡ */
           || cp == 0x01C0 || cp == 0x01C3;    /* ǀ ǃ (click letters that look like l and !) */
}

/* The id for a message: ASCII as it is, every other character as <U+XXXX>,
 * so that no look-alike or control character reaches the terminal. */
static void describe_id(const char *id, char *out, size_t size)
{
    size_t n = strlen(id), used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && used + 12 < size;) {
        uint32_t cp;
        size_t len = bcp_rule_utf8_next(id, n, i, &cp);
        int w = cp < 0x80 ? snprintf(out + used, size - used, "%c", (char)cp)
                          : snprintf(out + used, size - used, "<U+%04X>", (unsigned)cp);
        used += (size_t)w;
        i += len;
    }
}

enum { BUCKETS = 5 };

static void check_id(bcp_lint_ctx *ctx, const bcp_entity *e, bcp_rule_regex *scripts)
{
    const char *id = e->id;
    size_t n = strlen(id);
    uint32_t first_cp[BUCKETS] = {0};
    unsigned order[BUCKETS], kinds = 0; /* the buckets in the order the id shows them */
    char shown[160];
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = bcp_rule_utf8_next(id, n, i, &cp);
        if (looks_like_ascii(cp)) {
            describe_id(id, shown, sizeof shown);
            bcp_lint_report(ctx, &e->id_span,
                            "id `%s` of %s holds U+%04X, which looks like an ASCII letter or digit but is not one",
                            shown, bcp_kind_name(e->kind), (unsigned)cp);
            return;
        }
        int bucket = -1;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            bucket = 0;
        else if (cp >= 0x80) {
            int rc = bcp_rule_regex_match_at(scripts, id, n, i);
            if (rc >= 2)
                bucket = rc - 2;
        }
        if (bucket >= 0 && !first_cp[bucket]) {
            first_cp[bucket] = cp;
            order[kinds++] = (unsigned)bucket;
        }
        i += len;
    }
    /* Two alphabets, or Chinese, Japanese or Korean with an alphabet other than Latin. */
    unsigned a = BUCKETS, b = BUCKETS;
    for (unsigned k = 0; k < kinds && b == BUCKETS; k++) {
        unsigned bucket = order[k];
        if (a == BUCKETS)
            a = bucket;
        else if ((1u << a | 1u << bucket) != (SCRIPT_LATIN | SCRIPT_CJK))
            b = bucket;
    }
    if (b == BUCKETS)
        return;
    describe_id(id, shown, sizeof shown);
    bcp_lint_report(ctx, &e->id_span, "id `%s` of %s mixes %s and %s letters (U+%04X is %s)", shown,
                    bcp_kind_name(e->kind), script_names[a], script_names[b], (unsigned)first_cp[b],
                    script_names[b]);
}

static void check(bcp_lint_ctx *ctx)
{
    bcp_rule_regex *scripts = bcp_rule_regex_new(script_pattern, BCP_RULE_RE_UCP);
    if (!scripts)
        return;
    const bcp_model *m = bcp_lint_model(ctx);
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_entity_list *list = bcp_model_entities(m, (bcp_kind)k);
        for (size_t i = 0; i < list->count; i++) {
            const bcp_entity *e = list->items[i];
            if (!e->from_stdlib && e->id)
                check_id(ctx, e, scripts);
        }
    }
    bcp_rule_regex_free(scripts);
}

const bcp_rule bcp_rule_confusable_id = {
    .code = "H112",
    .name = "confusable-id",
    .severity = BCP_SEV_WARNING,
    .summary = "An id mixes look-alike scripts (Latin with Cyrillic or Greek, ...) or holds a character made "
               "to look like an ASCII letter or digit (fullwidth, mathematical, letterlike, superscript).",
    .rationale = "Two ids that look the same but differ in one homoglyph are two entities: a reference meant "
                 "for `system.system` can point at `system.sуstem` with a Cyrillic у, and a reviewer cannot "
                 "see it. Unicode Technical Standard #39 (Security Mechanisms) §5 recommends a single script "
                 "per identifier, with Latin allowed next to Han, Hiragana, Katakana, Hangul or Bopomofo "
                 "(the \"highly restrictive\" profile); ISO 22301:2019 §7.5.2 requires documented "
                 "information that is reviewed as it is.",
    .fix = "retype the id in one script (for an English id, plain ASCII letters, digits, `_` and `-`)",
    .check = check,
};
