/* Plan text in the library's text outputs for terminals (issue 15): the
 * DOT and Mermaid of bcp_graph_file and the text and Markdown reports of
 * bcp_simulate_file carry titles as labels, written terminal-safe where the
 * labels are written (base/escape.h), so that library users and the servers
 * get the safe text the command prints.  A title holds ESC sequences, BEL,
 * a C1 control (NEL), bidi controls, a zero-width space, a byte that is not
 * UTF-8 is refused before (E013), and a newline that would start a forged
 * gcc-format line. */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <unistd.h>

#include "test_support.h"

#include "base/buf.h"
#include "base/escape.h"
#include "bcp.h"
#include "test_tmp.h"

static const char *const hostile_plan =
    "plan p { title = \"P\" organization = \"O\" }\n"
    "system e {\n"
    "  title = \"\x1b]0;pwned\x07mail\\nfake.bcp:1:1: error: forged\"\n"
    "  rto = 4h\n"
    "}\n"
    "function f {\n"
    "  title = \"F\x1b[31mred\x1b[0m \xc2\x85nel \xe2\x80\xaegnp.exe \xe2\x81\xa6iso\xe2\x81\xa9 zw\xe2\x80\x8bsp\"\n"
    "  rto = 8h\n"
    "  needs = [system.e]\n"
    "}\n";

/* No byte a terminal acts on: C0 but newline and tab, DEL, C1 (U+0080-U+009F
 * as UTF-8), bidi controls and zero-width characters; no line that starts
 * as a gcc-format report. */
static void assert_terminal_safe(const char *text, size_t length)
{
    assert_int_equal(strlen(text), length);
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 && c != '\n' && c != '\t')
            fail_msg("control byte 0x%02x at %zu", c, i);
        if (c == 0x7f)
            fail_msg("DEL at %zu", i);
        if (c == 0xc2 && i + 1 < length && (unsigned char)text[i + 1] >= 0x80 && (unsigned char)text[i + 1] < 0xa0)
            fail_msg("C1 control at %zu", i);
        if (c == 0xe2 && i + 2 < length && (unsigned char)text[i + 1] == 0x80 &&
            (((unsigned char)text[i + 2] >= 0x8b && (unsigned char)text[i + 2] <= 0x8f) ||
             ((unsigned char)text[i + 2] >= 0xaa && (unsigned char)text[i + 2] <= 0xae)))
            fail_msg("bidi or zero-width character at %zu", i);
        if (c == 0xe2 && i + 2 < length && (unsigned char)text[i + 1] == 0x81 &&
            (unsigned char)text[i + 2] >= 0xa6 && (unsigned char)text[i + 2] <= 0xa9)
            fail_msg("bidi isolate at %zu", i);
        if ((i == 0 || text[i - 1] == '\n') && strncmp(text + i, "fake.bcp:", 9) == 0)
            fail_msg("a forged line at %zu", i);
    }
}

static char plan_path[256];

static int setup(void **state)
{
    (void)state;
    test_tmp_path(plan_path, sizeof plan_path, "bcp-terminal-safe-XXXXXX");
    int fd = mkstemp(plan_path);
    assert_true(fd >= 0);
    close(fd);
    test_write_file(plan_path, hostile_plan);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(plan_path);
    return 0;
}

static char *graph(bcp_graph_format format, size_t *length)
{
    bcp_graph_options o = {.format = format};
    char *text = NULL;
    bcp_diagnostics *problems = NULL;
    assert_int_equal(bcp_graph_file(plan_path, &o, &text, length, &problems), BCP_OK);
    bcp_diagnostics_free(problems);
    return text;
}

static char *simulate(bcp_simulation_format format, size_t *length)
{
    const char *lose[] = {"system.e"};
    bcp_simulate_file_options o = {.format = format, .loss = {.lose = lose, .lose_count = 1}};
    char *text = NULL;
    bool breach = false;
    bcp_diagnostics *problems = NULL;
    assert_int_equal(bcp_simulate_file(plan_path, &o, &text, length, &breach, &problems), BCP_OK);
    bcp_diagnostics_free(problems);
    return text;
}

static void test_graph_dot(void **state)
{
    (void)state;
    size_t n;
    char *text = graph(BCP_GRAPH_DOT, &n);
    assert_terminal_safe(text, n);
    /* DOT quotes the escape's backslash: Graphviz shows \u{1b} */
    assert_non_null(strstr(text, "label=\"F\\\\u{1b}[31mred\\\\u{1b}[0m \\\\u{85}nel \\\\u{202e}gnp.exe"));
    assert_non_null(strstr(text, "\\\\u{2066}iso\\\\u{2069} zw\\\\u{200b}sp\""));
    /* the newline is a space: the forged line stays inside the label */
    assert_non_null(strstr(text, "label=\"\\\\u{1b}]0;pwned\\\\u{7}mail fake.bcp:1:1: error: forged\""));
    bcp_free(text);
}

static void test_graph_mermaid(void **state)
{
    (void)state;
    size_t n;
    char *text = graph(BCP_GRAPH_MERMAID, &n);
    assert_terminal_safe(text, n);
    assert_non_null(strstr(text, "[\"\\u{1b}]0;pwned\\u{7}mail fake.bcp:1:1: error: forged\"]"));
    assert_non_null(strstr(text, "\\u{202e}gnp.exe"));
    bcp_free(text);
}

static void test_simulate_text(void **state)
{
    (void)state;
    size_t n;
    char *text = simulate(BCP_SIMULATION_TEXT, &n);
    assert_terminal_safe(text, n);
    assert_non_null(strstr(text, "function.f (F\\u{1b}[31mred\\u{1b}[0m \\u{85}nel \\u{202e}gnp.exe"));
    bcp_free(text);
}

static void test_simulate_markdown(void **state)
{
    (void)state;
    size_t n;
    char *text = simulate(BCP_SIMULATION_MARKDOWN, &n);
    assert_terminal_safe(text, n);
    assert_non_null(strstr(text, "u{202e}gnp.exe"));
    bcp_free(text);
    /* the HTML page too (its tables come from the Markdown, its timeline
     * labels are written the same way) */
    text = simulate(BCP_SIMULATION_HTML, &n);
    assert_terminal_safe(text, n);
    bcp_free(text);
}

/* JSON keeps its own escapes: jansson's below U+0020, bcp_escape_json's above
 * (C1, bidi, zero-width), so the title is the same value. */
static void test_simulate_json_untouched(void **state)
{
    (void)state;
    size_t n;
    char *text = simulate(BCP_SIMULATION_JSON, &n);
    assert_terminal_safe(text, n);
    assert_non_null(strstr(text, "\"F\\u001B[31mred\\u001B[0m"));
    assert_null(strstr(text, "u{1b}"));
    /* the C1 control and the bidi override as JSON escapes, the same value */
    assert_non_null(strstr(text, "\\u0085nel \\u202egnp.exe"));
    bcp_free(text);
}

/* The escaping itself: one escape per character, a newline included, tab
 * kept, an invalid byte as \x{..}, plain text unchanged. */
static void test_escape_terminal(void **state)
{
    (void)state;
    static const char in[] = "a\x1b[2J\x07\tb\nc\xc2\x9b\xe2\x80\xa8\xef\xbb\xbf\xff\xe4\xb8\xad";
    bcp_buf b = {0};
    bcp_escape_terminal(&b, in, sizeof in - 1);
    assert_string_equal(b.data, "a\\u{1b}[2J\\u{7}\tb\\u{a}c\\u{9b}\\u{2028}\\u{feff}\\x{ff}\xe4\xb8\xad");
    bcp_buf_free(&b);
    assert_true(bcp_escape_needed(0x1b));
    assert_true(bcp_escape_needed(0x202e));
    assert_false(bcp_escape_needed('\t'));
    assert_false(bcp_escape_needed(0x4e2d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graph_dot),
        cmocka_unit_test(test_graph_mermaid),
        cmocka_unit_test(test_simulate_text),
        cmocka_unit_test(test_simulate_markdown),
        cmocka_unit_test(test_simulate_json_untouched),
        cmocka_unit_test(test_escape_terminal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
