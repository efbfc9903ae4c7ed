/* Values: durations, dates, strings, integers and lists, both through the
 * value helpers and as the model types them from source text. */
#include "test_support.h"

#include <stdlib.h>

#define MINUTE 60LL
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

static int64_t duration_of(const char *text)
{
    int64_t s = -42;
    assert_true(bcp_parse_duration(text, strlen(text), &s));
    return s;
}

static bool duration_ok(const char *text)
{
    int64_t s;
    return bcp_parse_duration(text, strlen(text), &s);
}

static void test_duration_units(void **state)
{
    (void)state;
    assert_int_equal(duration_of("30s"), 30);
    assert_int_equal(duration_of("15m"), 15 * MINUTE);
    assert_int_equal(duration_of("15min"), 15 * MINUTE);
    assert_int_equal(duration_of("4h"), 4 * HOUR);
    assert_int_equal(duration_of("2d"), 2 * DAY);
    assert_int_equal(duration_of("1w"), 7 * DAY);
    assert_int_equal(duration_of("1mo"), 30 * DAY);
    assert_int_equal(duration_of("6mo"), 180 * DAY);
    assert_int_equal(duration_of("1y"), 365 * DAY);
    assert_int_equal(duration_of("0h"), 0);
    assert_int_equal(duration_of("072h"), 72 * HOUR);
}

static void test_duration_rejects(void **state)
{
    (void)state;
    assert_false(duration_ok("24hrs"));
    assert_false(duration_ok("3天"));
    assert_false(duration_ok("h"));
    assert_false(duration_ok("12"));
    assert_false(duration_ok(""));
    assert_false(duration_ok("1H"));   /* units are lower case */
    assert_false(duration_ok("1 h"));
    assert_false(duration_ok("-1h"));
    /* Far beyond any plan: refused rather than overflowing. */
    assert_false(duration_ok("99999999999999999999y"));
    assert_false(duration_ok("100000000000s"));
    /* At most 100 years, however it is written (issue 15: 9999999999y overflowed dates). */
    assert_false(duration_ok("1000000000y"));
    assert_false(duration_ok("9999999999y"));
    assert_false(duration_ok("101y"));
    assert_false(duration_ok("1217mo")); /* 36510 days */
    assert_false(duration_ok("100y1s"));
    assert_int_equal(duration_of("100y"), 100 * 365 * DAY);
    assert_int_equal(duration_of("1200mo"), 1200 * 30 * DAY);
}

/* Compound durations (issue 9): parts largest unit first, meaning their sum. */
static void test_duration_compound(void **state)
{
    (void)state;
    assert_int_equal(duration_of("1h30m"), 90 * MINUTE);
    assert_int_equal(duration_of("1d12h"), 36 * HOUR);
    assert_int_equal(duration_of("1y6mo"), 365 * DAY + 180 * DAY);
    assert_int_equal(duration_of("2w3d4h5m6s"), 17 * DAY + 4 * HOUR + 5 * MINUTE + 6);
    assert_int_equal(bcp_duration_months("1y6mo", 5), 18);
    assert_int_equal(bcp_duration_months("1mo15d", 6), 0); /* counted in days */
    assert_int_equal(bcp_duration_parts("1h30m", 5), 2);
    assert_int_equal(bcp_duration_parts("6m", 2), 1);
    int64_t s;
    assert_int_equal(bcp_parse_duration_status("30m1h", 5, &s), BCP_DURATION_UNIT_ORDER);
    assert_int_equal(bcp_parse_duration_status("1h2h", 4, &s), BCP_DURATION_UNIT_ORDER);
    assert_int_equal(bcp_parse_duration_status("1m30min", 7, &s), BCP_DURATION_UNIT_ORDER);
    assert_int_equal(bcp_parse_duration_status("1h30", 4, &s), BCP_DURATION_MALFORMED);
    assert_int_equal(bcp_parse_duration_status("1h30x", 5, &s), BCP_DURATION_BAD_UNIT);
    assert_int_equal(bcp_parse_duration_status("99y2y", 5, &s), BCP_DURATION_UNIT_ORDER);
    assert_int_equal(bcp_parse_duration_status("99y99mo", 7, &s), BCP_DURATION_TOO_LONG);
}

/* Through the parser: `1h30m` is one duration node and one value. */
static void test_model_compound_durations(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  rto = 1h30m\n"
                             "  mtpd = 1d12h\n"
                             "  rpo = 30m1h\n"
                             "}\n");
    assert_false(bcp_model_has_syntax_errors(m));
    const bcp_entity *f = find_entity(m, BCP_KIND_FUNCTION, "f");
    int64_t s;
    assert_true(bcp_entity_duration(f, "rto", &s));
    assert_int_equal(s, 90 * MINUTE);
    assert_true(bcp_entity_duration(f, "mtpd", &s));
    assert_int_equal(s, 36 * HOUR);
    assert_diag(m, "E105", 5, 9, "bad duration `30m1h`: the parts of a compound duration go from the largest unit");
    bcp_model_free(m);
}

static void test_duration_format(void **state)
{
    (void)state;
    char buf[32];
    struct { int64_t seconds; const char *text; } cases[] = {
        {0, "0h"},           {24 * HOUR, "24h"},     {48 * HOUR, "48h"},
        {72 * HOUR, "3d"},   {7 * DAY, "1w"},        {30 * DAY, "1mo"},
        {365 * DAY, "1y"},   {15 * MINUTE, "15m"},   {90 * MINUTE, "90m"},
        {45, "45s"},         {4 * HOUR, "4h"},       {10 * DAY, "10d"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bcp_format_duration(cases[i].seconds, buf, sizeof buf);
        assert_string_equal(buf, cases[i].text);
    }
}

static bool date_ok(const char *text, int32_t *days)
{
    return bcp_parse_date(text, strlen(text), days);
}

static void test_dates(void **state)
{
    (void)state;
    int32_t days = -1;
    assert_true(date_ok("1970-01-01", &days));
    assert_int_equal(days, 0);
    assert_true(date_ok("2000-03-01", &days));
    assert_int_equal(days, 11017);
    assert_true(date_ok("2024-02-29", &days)); /* leap year */
    assert_true(date_ok("2000-02-29", &days)); /* divisible by 400 */
    assert_true(date_ok("2026-12-31", &days));
    char out[11];
    bcp_format_date(days, out);
    assert_string_equal(out, "2026-12-31");

    assert_false(date_ok("2026-02-29", &days)); /* not a leap year */
    assert_false(date_ok("1900-02-29", &days)); /* divisible by 100 */
    assert_false(date_ok("2026-02-30", &days));
    assert_false(date_ok("2026-04-31", &days));
    assert_false(date_ok("2026-13-01", &days));
    assert_false(date_ok("2026-00-10", &days));
    assert_false(date_ok("2026-01-00", &days));
    assert_false(date_ok("2026-6-1", &days));
    assert_false(date_ok("0000-01-01", &days));
}

static void test_date_roundtrip(void **state)
{
    (void)state;
    /* Every day of four years, across a leap day and a century rule. */
    int32_t start;
    assert_true(date_ok("1999-01-01", &start));
    for (int32_t d = start; d < start + 4 * 366; d++) {
        char text[11];
        bcp_format_date(d, text);
        int32_t back;
        assert_true(date_ok(text, &back));
        assert_int_equal(back, d);
    }
}

/* -------------------------------------------------------- values in the model */

static void test_model_durations_and_dates(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  rto = 4h\n"
                             "  rpo = 15m\n"
                             "  mtpd = 1w\n"
                             "  reviewed = 2024-02-29\n"
                             "  review_every = 6mo\n"
                             "}\n");
    assert_clean(m);
    bcp_entity *f = find_entity(m, BCP_KIND_FUNCTION, "f");
    int64_t s;
    assert_true(bcp_entity_duration(f, "rto", &s));
    assert_int_equal(s, 4 * HOUR);
    assert_true(bcp_entity_duration(f, "rpo", &s));
    assert_int_equal(s, 15 * MINUTE);
    assert_true(bcp_entity_duration(f, "mtpd", &s));
    assert_int_equal(s, 7 * DAY);
    assert_true(bcp_entity_duration(f, "review_every", &s));
    assert_int_equal(s, 180 * DAY);
    int32_t days;
    assert_true(bcp_entity_date(f, "reviewed", &days));
    char text[11];
    bcp_format_date(days, text);
    assert_string_equal(text, "2024-02-29");
    assert_false(bcp_entity_duration(f, "absent", &s));
    bcp_model_free(m);
}

static void test_model_bad_durations(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n"
                             "  title = \"F\"\n"
                             "  rto = 24hrs\n"
                             "  rpo = 99999999999h\n"
                             "  mtpd = 2дня\n"
                             "}\n");
    assert_diag_hint(m, "E105", 3, 9, "bad duration `24hrs`: unknown unit `hrs`", "units are m (minutes)");
    assert_diag(m, "E105", 4, 9, "bad duration `99999999999h`: longer than 100 years");
    /* Columns count code points, as editors do. */
    assert_diag(m, "E105", 5, 10, "unknown unit `дня`");
    assert_int_equal(count_code(m, "E105"), 3);
    /* A bad value is not also a type error, and reads as absent. */
    assert_int_equal(count_code(m, "E103"), 0);
    int64_t s;
    assert_false(bcp_entity_duration(find_entity(m, BCP_KIND_FUNCTION, "f"), "rto", &s));
    bcp_model_free(m);
}

static void test_model_cjk_duration_unit(void **state)
{
    (void)state;
    bcp_model *m = load_text("function f {\n  title = \"F\"\n  rto = 3天\n}\n");
    if (bcp_model_has_syntax_errors(m)) {
        /* The committed parser.c comes from a tree-sitter generator whose \p{L}
         * lacks the CJK ideographs (tree-sitter issue #1432): 天 does not lex. */
        bcp_model_free(m);
        skip();
    }
    assert_diag(m, "E105", 3, 9, "bad duration `3天`: unknown unit `天`");
    bcp_model_free(m);
}

static void test_model_bad_dates(void **state)
{
    (void)state;
    bcp_model *m = load_text("exercise a {\n"
                             "  title = \"A\"\n"
                             "  date = 2024-02-29\n"
                             "}\n"
                             "exercise b { title = \"B\" date = 2026-02-29 }\n"
                             "exercise c { title = \"C\" date = 2026-02-30 }\n"
                             "exercise d { title = \"D\" date = 2026-13-01 }\n"
                             "exercise e { title = \"E\" date = 2026-6-1 }\n");
    assert_diag_hint(m, "E104", 5, 33, "bad date `2026-02-29`: not a calendar date", "YYYY-MM-DD");
    assert_diag(m, "E104", 6, 33, "bad date `2026-02-30`");
    assert_diag(m, "E104", 7, 33, "bad date `2026-13-01`");
    assert_diag(m, "E104", 8, 33, "bad date `2026-6-1`");
    assert_int_equal(count_code(m, "E104"), 4);
    int32_t days;
    assert_true(bcp_entity_date(find_entity(m, BCP_KIND_EXERCISE, "a"), "date", &days));
    assert_false(bcp_entity_date(find_entity(m, BCP_KIND_EXERCISE, "c"), "date", &days));
    bcp_model_free(m);
}

static const char *description_of(bcp_model *m, const char *id)
{
    const char *t = bcp_entity_text(find_entity(m, BCP_KIND_SITE, id), "description");
    assert_non_null(t);
    return t;
}

static void test_string_escapes(void **state)
{
    (void)state;
    bcp_model *m = load_text("site a { name = \"A\" description = \"tab\\tnl\\nq\\\"bs\\\\sl\\/cr\\r.\" }\n"
                             "site b { name = \"B\" description = \"\\u{4e2d}\\u{6587} \\u{41}\\u{1F600}\\u{e9}\" }\n"
                             "site c { name = \"C\" description = \"\\u{D800}|\\u{110000}|\\u{0}\" }\n"
                             "site d { name = \"D\" description = \"\" }\n"
                             "site e { name = \"E\" description = \"中文 plain\" }\n");
    assert_clean(m);
    assert_string_equal(description_of(m, "a"), "tab\tnl\nq\"bs\\sl/cr\r.");
    assert_string_equal(description_of(m, "b"), "中文 A\xF0\x9F\x98\x80\xC3\xA9");
    /* Surrogates, values beyond Unicode and NUL become U+FFFD. */
    assert_string_equal(description_of(m, "c"), "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD");
    assert_string_equal(description_of(m, "d"), "");
    assert_string_equal(description_of(m, "e"), "中文 plain");
    const bcp_value *v = bcp_entity_value(find_entity(m, BCP_KIND_SITE, "b"), "description");
    assert_int_equal(v->kind, BCP_V_STRING);
    assert_int_equal(v->as.string.length, strlen(v->as.string.text));
    bcp_model_free(m);
}

static void test_multiline_dedent(void **state)
{
    (void)state;
    bcp_model *m = load_text("site a {\n"
                             "  name = \"A\"\n"
                             "  description = \"\"\"\n"
                             "    First line\n"
                             "      indented more\n"
                             "\n"
                             "    after a blank line\n"
                             "    \"\"\"\n"
                             "}\n"
                             "site b { name = \"B\" description = \"\"\"one line\"\"\" }\n"
                             "site c {\n"
                             "  name = \"C\"\n"
                             "  description = \"\"\"\n"
                             "\tTabbed\n"
                             "\t\\tescaped \"quotes\" and \\u{4e2d}\n"
                             "  \"\"\"\n"
                             "}\n"
                             "site d {\n"
                             "  name = \"D\"\n"
                             "  description = \"\"\"\n"
                             "     \n"
                             "    kept\n"
                             "        \n"
                             "    \"\"\"\n"
                             "}\n");
    assert_clean(m);
    /* The blank first and last lines go; the common indentation goes;
     * inner blank lines stay empty. */
    assert_string_equal(description_of(m, "a"), "First line\n  indented more\n\nafter a blank line");
    assert_string_equal(description_of(m, "b"), "one line");
    /* Escapes are decoded after the indentation is stripped. */
    assert_string_equal(description_of(m, "c"), "Tabbed\n\tescaped \"quotes\" and 中");
    /* Whitespace-only lines do not count towards the indentation and come out empty. */
    assert_string_equal(description_of(m, "d"), "\nkept\n");
    bcp_model_free(m);
}

static void test_integers(void **state)
{
    (void)state;
    bcp_model *m = load_text("site a { name = \"A\" staff = 120 }\n"
                             "site b { name = \"B\" staff = 0 }\n"
                             "site c { name = \"C\" staff = -1 }\n"
                             "site d { name = \"D\" staff = 99999999999999999999 }\n"
                             "site e { name = \"E\" staff = \"12\" }\n");
    int64_t n = -5;
    assert_true(bcp_entity_integer(find_entity(m, BCP_KIND_SITE, "a"), "staff", &n));
    assert_int_equal(n, 120);
    assert_true(bcp_entity_integer(find_entity(m, BCP_KIND_SITE, "b"), "staff", &n));
    assert_int_equal(n, 0);
    assert_diag(m, "E114", 3, 29, "`staff` must be between 0 and 10000000, not -1");
    assert_diag(m, "E103", 4, 29, "integer `99999999999999999999` is too large");
    assert_diag(m, "E103", 5, 29, "`staff` of site `e` expects integer 0..10000000, not a string");
    assert_false(bcp_entity_integer(find_entity(m, BCP_KIND_SITE, "e"), "staff", &n));
    bcp_model_free(m);
}

static void test_lists(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n"
                             "  title = \"P\"\n"
                             "  organization = \"O\"\n"
                             "  objectives = [\"one\", \"two\",\n"
                             "                # a comment inside a list\n"
                             "                \"three\",]\n"
                             "  assumptions = []\n"
                             "  sites = [site.a, site.b]\n"
                             "}\n"
                             "site a { name = \"A\" }\n"
                             "site b { name = \"B\" }\n");
    assert_clean(m);
    bcp_entity *p = bcp_model_plan(m);
    assert_non_null(p);
    const bcp_value *v = bcp_entity_value(p, "objectives");
    assert_int_equal(v->kind, BCP_V_LIST);
    assert_int_equal(v->as.list.count, 3);
    assert_string_equal(v->as.list.items[0].as.string.text, "one");
    assert_string_equal(v->as.list.items[2].as.string.text, "three");
    assert_int_equal(v->as.list.items[2].span.row, 5);
    v = bcp_entity_value(p, "assumptions");
    assert_int_equal(v->kind, BCP_V_LIST);
    assert_int_equal(v->as.list.count, 0);
    v = bcp_entity_value(p, "sites");
    assert_int_equal(v->as.list.count, 2);
    assert_ptr_equal(v->as.list.items[0].as.ref.target, find_entity(m, BCP_KIND_SITE, "a"));
    assert_ptr_equal(v->as.list.items[1].as.ref.target, find_entity(m, BCP_KIND_SITE, "b"));
    bcp_model_free(m);
}

static void test_list_type_errors(void **state)
{
    (void)state;
    bcp_model *m = load_text("plan p {\n"
                             "  title = \"P\"\n"
                             "  organization = \"O\"\n"
                             "  sites = site.a\n"
                             "  owner = [contact.x]\n"
                             "  objectives = [\"ok\", 3]\n"
                             "}\n"
                             "site a { name = \"A\" }\n");
    assert_diag_hint(m, "E103", 4, 11, "`sites` of plan expects a list, not a reference", "wrap it in brackets");
    assert_diag(m, "E103", 5, 11, "`owner` of plan expects reference to contact, not a list");
    assert_diag(m, "E103", 6, 23, "`objectives` of plan `p` expects text, not an integer");
    bcp_model_free(m);
}

static void test_booleans(void **state)
{
    (void)state;
    bcp_model *m = load_text("site a { name = \"A\" remote_work = true }\n"
                             "site b { name = \"B\" remote_work = false }\n"
                             "site c { name = \"C\" remote_work = yes }\n");
    assert_true(bcp_entity_bool(find_entity(m, BCP_KIND_SITE, "a"), "remote_work", false));
    assert_false(bcp_entity_bool(find_entity(m, BCP_KIND_SITE, "b"), "remote_work", true));
    assert_diag(m, "E103", 3, 35, "`remote_work` of site `c` expects boolean, not a name");
    assert_true(bcp_entity_bool(find_entity(m, BCP_KIND_SITE, "c"), "remote_work", true));
    bcp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_duration_units),
        cmocka_unit_test(test_duration_rejects),
        cmocka_unit_test(test_duration_format),
        cmocka_unit_test(test_duration_compound),
        cmocka_unit_test(test_model_compound_durations),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_date_roundtrip),
        cmocka_unit_test(test_model_durations_and_dates),
        cmocka_unit_test(test_model_bad_durations),
        cmocka_unit_test(test_model_cjk_duration_unit),
        cmocka_unit_test(test_model_bad_dates),
        cmocka_unit_test(test_string_escapes),
        cmocka_unit_test(test_multiline_dedent),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_list_type_errors),
        cmocka_unit_test(test_booleans),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
