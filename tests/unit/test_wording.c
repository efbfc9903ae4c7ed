/* Wording of the document (issue 10): the organisation nouns come from the
 * plan's industry ({org}, {clients}, {staff} in stdlib prose), a plan may
 * override them; parentheses never nest; the default recovery phases take
 * their windows from the industry, so a title cannot contradict its window. */
#include "test_support.h"

#include <stdlib.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "model/derive.h"
#include "render/render.h"

static bcp_model *load_with_locales(const char *text)
{
    static const char *const modules[] = {"locale/en", "locale/zh-CN"};
    bcp_model_options o = {.extra_modules = modules, .extra_module_count = 2};
    bcp_model *m = bcp_model_load_text(TEST_PATH, text, strlen(text), &o);
    return m;
}

static char *plan_text(const char *industry, const char *extra)
{
    return bcp_strprintf("plan p {\n  title = \"T\"\n  organization = \"O\"\n%s%s%s  language = \"en\"\n}\n%s",
                         industry ? "  industry = " : "", industry ? industry : "", industry ? "\n" : "",
                         extra ? extra : "");
}

/* The text `id` (body, else the items joined by '\n') in `lang`. */
static char *prose(const char *industry, const char *extra, const char *lang, const char *id)
{
    char *text = plan_text(industry, extra);
    bcp_model *m = load_with_locales(text);
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, m, lang);
    bcp_buf out = {0};
    const char *body = bcp_rt_optional(&ctx, id, "body");
    if (body) {
        bcp_buf_puts(&out, body);
    } else {
        const bcp_value *items = bcp_rt_items(&ctx, id);
        for (size_t i = 0; items && i < items->as.list.count; i++)
            bcp_buf_printf(&out, "%s\n", items->as.list.items[i].as.string.text);
    }
    assert_int_equal(ctx.missing_count, 0);
    bcp_render_ctx_free(&ctx);
    bcp_model_free(m);
    bcp_free(text);
    return out.data ? out.data : bcp_strdup("");
}

static void assert_has(const char *text, const char *want)
{
    if (!strstr(text, want))
        fail_msg("expected \"%s\" in:\n%s", want, text);
}

static void assert_lacks(const char *text, const char *unwanted)
{
    if (strstr(text, unwanted))
        fail_msg("did not expect \"%s\" in:\n%s", unwanted, text);
}

static void test_nouns_by_industry(void **state)
{
    (void)state;
    char *s = prose("healthcare", NULL, "zh-CN", "sec_bia");
    assert_has(s, "医院");
    assert_lacks(s, "公司");
    assert_lacks(s, "企业");
    assert_lacks(s, "{org}");
    bcp_free(s);
    s = prose("healthcare", NULL, "zh-CN", "sum_objectives");
    assert_has(s, "患者");
    assert_lacks(s, "客户");
    bcp_free(s);
    s = prose("healthcare", NULL, "en", "sum_objectives");
    assert_has(s, "patients");
    assert_lacks(s, "customers");
    bcp_free(s);
    s = prose("education", NULL, "zh-CN", "sec_closing");
    assert_has(s, "学校");
    assert_has(s, "教职工");
    bcp_free(s);
    s = prose("public_sector", NULL, "en", "sec_bia");
    assert_has(s, "the functions the public body depends on");
    bcp_free(s);
    /* a company (or no industry) keeps the generic nouns */
    s = prose(NULL, NULL, "zh-CN", "sec_bia");
    assert_has(s, "公司");
    bcp_free(s);
    s = prose("manufacturing", NULL, "en", "sum_objectives");
    assert_has(s, "Keep customers, suppliers");
    bcp_free(s);
    /* capitalised placeholder at the start of an item */
    s = prose("healthcare", NULL, "en", "com_flow");
    assert_has(s, "Staff, patients, suppliers");
    bcp_free(s);
}

static void test_nouns_plan_override(void **state)
{
    (void)state;
    char *s = prose("healthcare", "locale zh-CN {\n  text noun_org { title = \"诊所\" }\n}\n", "zh-CN", "sec_bia");
    assert_has(s, "诊所");
    assert_lacks(s, "医院");
    bcp_free(s);
}

static void paren(const char *lang, const char *text, const char *want)
{
    char *src = plan_text(NULL, NULL);
    bcp_model *m = load_with_locales(src);
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, m, lang);
    bcp_buf out = {0};
    bcp_buf_puts(&out, "Ann");
    bcp_rfmt_paren(&ctx, text, &out);
    assert_string_equal(out.data, want);
    bcp_buf_free(&out);
    bcp_render_ctx_free(&ctx);
    bcp_model_free(m);
    bcp_free(src);
}

static void test_paren_never_nests(void **state)
{
    (void)state;
    paren("en", "Head of Operations", "Ann (Head of Operations)");
    paren("en", "Head of Operations (business continuity coordinator)",
          "Ann (Head of Operations [business continuity coordinator])");
    paren("zh-CN", "运营总监（业务连续性协调人）", "Ann（运营总监〔业务连续性协调人〕）");
    paren("zh-CN", "杭运快线(B物流公司)", "Ann（杭运快线〔B物流公司〕）");
}

static void window(const char *industry, size_t i, int64_t want_start, int64_t want_end, bool want_has_end)
{
    char *src = plan_text(industry, NULL);
    bcp_model *m = load_with_locales(src);
    int64_t s, e;
    bool has_end;
    bcp_default_phase_window(m, i, &s, &e, &has_end);
    assert_int_equal(s, want_start);
    assert_int_equal(has_end, want_has_end);
    if (want_has_end)
        assert_int_equal(e, want_end);
    bcp_model_free(m);
    bcp_free(src);
}

static void test_default_phase_windows(void **state)
{
    (void)state;
    const int64_t h = 3600;
    window(NULL, 0, 0, 48 * h, true);
    window(NULL, 1, 48 * h, 72 * h, true);
    window(NULL, 2, 72 * h, 0, false);
    window("finance", 0, 0, 4 * h, true);
    window("finance", 1, 4 * h, 72 * h, true);
    window("healthcare", 0, 0, 24 * h, true);
    window("manufacturing", 1, 48 * h, 72 * h, true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nouns_by_industry),
        cmocka_unit_test(test_nouns_plan_override),
        cmocka_unit_test(test_paren_never_nests),
        cmocka_unit_test(test_default_phase_windows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
