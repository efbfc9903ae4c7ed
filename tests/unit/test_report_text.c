/* The report layer's defences: values escaped in text, gcc and github
 * reports (no terminal control, no forged line), source excerpts bounded
 * around the caret on long lines, JSON and SARIF fields present whatever
 * bytes a plan holds, and SARIF helpUri only under a configured docs URL. */
#define _DEFAULT_SOURCE
#include <jansson.h>
#include <stdlib.h>

#include "test_support.h"

#include "base/buf.h"
#include "base/source.h"
#include "report/output.h"

static char *escaped(const char *s)
{
    bcp_buf b = {0};
    bcp_report_escape(&b, s, strlen(s));
    return bcp_buf_take(&b);
}

static void test_escape(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"plain text, 中文 and café", "plain text, 中文 and café"},
        {"tab\tstays", "tab\tstays"},
        {"\x1b]0;title\x07", "\\u{1b}]0;title\\u{7}"},
        {"red \x1b[31mtext", "red \\u{1b}[31mtext"},
        {"x\nfake.bcp:1:1: error: forged", "x\\u{a}fake.bcp:1:1: error: forged"},
        {"cr\r", "cr\\u{d}"},
        {"del\x7f", "del\\u{7f}"},
        {"c1 \xc2\x9b", "c1 \\u{9b}"},
        {"bidi \xe2\x80\xae" "rev \xe2\x81\xa6x", "bidi \\u{202e}rev \\u{2066}x"},
        {"zero\xe2\x80\x8bwidth", "zero\\u{200b}width"},
        {"bad \xff byte", "bad \\x{ff} byte"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *got = escaped(cases[i].in);
        assert_string_equal(got, cases[i].out);
        bcp_free(got);
    }
}

/* A set with one finding at [start, end) of `text`. */
static bcp_diagnostics *one_finding(bcp_source **src, const char *text, size_t len, size_t start, size_t end,
                                    const char *message)
{
    *src = bcp_source_from_memory("long.bcp", text, len, true);
    size_t line_start = start;
    uint32_t row = 0;
    while (line_start > 0 && text[line_start - 1] != '\n')
        line_start--;
    for (size_t i = 0; i < line_start; i++)
        row += text[i] == '\n';
    bcp_span span = {*src, (uint32_t)start, (uint32_t)end, row, (uint32_t)(start - line_start)};
    bcp_diag_list list = {0};
    bcp_diag_add(&list, BCP_SEV_ERROR, "C103", "invalid-phone", &span, "%s", message);
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_diagnostics_add_list(set, &list);
    bcp_diag_list_free(&list);
    return set;
}

static char *render(const bcp_diagnostics *set, bcp_report_format format, const char *docs_url)
{
    bcp_report_options o = {format, false, false, docs_url};
    return bcp_report_render(set, &o, NULL);
}

/* The caret line's offset of the first '^' and the count of them. */
static void carets(const char *report, size_t *offset, size_t *count)
{
    const char *line = strstr(report, "\n      | ");
    assert_non_null(line);
    line += strlen("\n      | ");
    const char *c = strchr(line, '^');
    assert_non_null(c);
    *offset = (size_t)(c - line);
    *count = strspn(c, "^");
}

static void test_excerpt_on_a_long_line(void **state)
{
    (void)state;
    /* 1 MB on one line; the finding in the middle, after CJK text */
    size_t len = 1u << 20;
    char *text = malloc(len + 1);
    assert_non_null(text);
    memset(text, 'a', len);
    const char *cjk = "中文中文";
    size_t mid = len / 2;
    memcpy(text + mid - strlen(cjk), cjk, strlen(cjk));
    memcpy(text + mid, "BAD", 3);
    text[len] = '\0';
    bcp_source *src;
    bcp_diagnostics *set = one_finding(&src, text, len, mid, mid + 3, "bad value");
    char *report = render(set, BCP_REPORT_TEXT, NULL);
    assert_true(strlen(report) < 1000);
    /* the excerpt is cut on both sides, and says so */
    char *source_line = strstr(report, "\n    1 | \xe2\x80\xa6");
    assert_non_null(source_line);
    char *end = strchr(source_line + 1, '\n');
    assert_non_null(end);
    assert_memory_equal(end - 3, "\xe2\x80\xa6", 3);
    /* the caret is under BAD: 60 code points before it, four of them
     * double-width, after the one-cell … */
    size_t offset, count;
    carets(report, &offset, &count);
    assert_int_equal(offset, 1 + 56 + 4 * 2);
    assert_int_equal(count, 3);
    const char *shown = source_line + strlen("\n    1 | \xe2\x80\xa6");
    assert_memory_equal(shown + 56 + strlen(cjk), "BAD", 3);
    /* and the column is still the real one */
    assert_non_null(strstr(report, "long.bcp:1:524281: error: bad value"));
    bcp_free(report);
    bcp_diagnostics_free(set);
    bcp_source_free(src);
    free(text);
}

static void test_short_line_not_cut(void **state)
{
    (void)state;
    const char *text = "contact c { phone = \"12\" }\n";
    bcp_source *src;
    bcp_diagnostics *set = one_finding(&src, text, strlen(text), 20, 24, "bad");
    char *report = render(set, BCP_REPORT_TEXT, NULL);
    assert_non_null(strstr(report, "    1 | contact c { phone = \"12\" }\n"
                                   "      |                     ^^^^\n"));
    bcp_free(report);
    bcp_diagnostics_free(set);
    bcp_source_free(src);
}

/* An escape in the source line before the caret moves the caret by its width. */
static void test_caret_after_escape(void **state)
{
    (void)state;
    const char *text = "x = \"\x1b[2J\" y = \"no\"\n";
    bcp_source *src;
    size_t at = (size_t)(strstr(text, "\"no\"") - text);
    bcp_diagnostics *set = one_finding(&src, text, strlen(text), at, at + 4, "value \x1b[31m\nfake.bcp:1:1: error: x");
    char *report = render(set, BCP_REPORT_TEXT, NULL);
    assert_null(strchr(report, '\x1b'));
    assert_non_null(strstr(report, "    1 | x = \"\\u{1b}[2J\" y = \"no\"\n"));
    size_t offset, count;
    carets(report, &offset, &count);
    assert_int_equal(offset, strlen("x = \"\\u{1b}[2J\" y = "));
    assert_int_equal(count, 4);
    bcp_free(report);

    /* gcc: one line per finding, whatever the message holds */
    report = render(set, BCP_REPORT_GCC, NULL);
    assert_null(strchr(report, '\x1b'));
    assert_string_equal(report, "long.bcp:1:16: error: value \\u{1b}[31m\\u{a}fake.bcp:1:1: error: x "
                                "[C103 invalid-phone]\n");
    bcp_free(report);
    report = render(set, BCP_REPORT_GITHUB, NULL);
    assert_null(strchr(report, '\x1b'));
    assert_int_equal(strchr(report, '\n') - report, (long)strlen(report) - 1);
    bcp_free(report);
    bcp_diagnostics_free(set);
    bcp_source_free(src);
}

static json_t *sarif_of(const bcp_diagnostics *set, const char *docs_url)
{
    char *report = render(set, BCP_REPORT_SARIF, docs_url);
    json_error_t err;
    json_t *doc = json_loads(report, 0, &err);
    bcp_free(report);
    assert_non_null(doc);
    return doc;
}

static const char *help_uri_of(json_t *doc, const char *code)
{
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *rules = json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules");
    for (size_t i = 0; i < json_array_size(rules); i++) {
        json_t *r = json_array_get(rules, i);
        if (strcmp(json_string_value(json_object_get(r, "id")), code) == 0)
            return json_string_value(json_object_get(r, "helpUri"));
    }
    fail_msg("no rule %s", code);
    return NULL;
}

static void test_json_and_sarif_fields(void **state)
{
    (void)state;
    const char *text = "contact c { phone = \"\xff\xfe\" }\n";
    bcp_source *src;
    bcp_diagnostics *set = one_finding(&src, text, strlen(text), 20, 24, "not a phone: \"\xff\xfe\"");
    json_t *doc = sarif_of(set, NULL);
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *result = json_array_get(json_object_get(run, "results"), 0);
    const char *message = json_string_value(json_object_get(json_object_get(result, "message"), "text"));
    assert_non_null(message);
    assert_string_equal(message, "not a phone: \"\xef\xbf\xbd\xef\xbf\xbd\"");
    /* no documentation URL configured: no helpUri, no informationUri */
    assert_null(help_uri_of(doc, "C103"));
    assert_null(json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "informationUri"));
    json_decref(doc);

    doc = sarif_of(set, "https://example.org/bcp/docs/rules");
    assert_string_equal(help_uri_of(doc, "C103"), "https://example.org/bcp/docs/rules/C103.md");
    json_decref(doc);
    doc = sarif_of(set, "https://docs.example.org/rules/{code}.html");
    assert_string_equal(help_uri_of(doc, "B108"), "https://docs.example.org/rules/B108.html");
    json_decref(doc);

    char *report = render(set, BCP_REPORT_JSON, NULL);
    json_error_t err;
    doc = json_loads(report, 0, &err);
    bcp_free(report);
    assert_non_null(doc);
    json_t *f = json_array_get(json_object_get(doc, "findings"), 0);
    assert_non_null(json_string_value(json_object_get(f, "message")));
    json_decref(doc);
    bcp_diagnostics_free(set);
    bcp_source_free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_excerpt_on_a_long_line),
        cmocka_unit_test(test_short_line_not_cut),
        cmocka_unit_test(test_caret_after_escape),
        cmocka_unit_test(test_json_and_sarif_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
