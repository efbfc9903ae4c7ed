/* Every rule that matches texts with a regular expression (H101
 * placeholder-text, H102 secret-in-plan, C103 invalid-phone, C104
 * invalid-email, and the hostile-text rules) runs in bounded time on 300 KB
 * adversarial texts: repeats of the prefixes their patterns start with and
 * of the characters they repeat over, put where each rule looks (a
 * description, a phone, an e-mail, a comment).  Before issue 15 one such
 * text took secret-in-plan 50 s.  The limits themselves (PCRE2 match and
 * depth limits) are set once in rules/rule_util.c. */
#include "test_support.h"

#include <stdlib.h>
#include <time.h>

#include "rules/engine.h"
#include "rules/secret.h"

enum { TEXT_BYTES = 300 * 1000 };

/* Seconds per adversarial text for the whole lint run (all rules); the
 * sanitizer builds run several times slower. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define BUDGET_SECONDS 12.0
#else
#define BUDGET_SECONDS 2.0
#endif

static const char *const units[] = {
    "a", " ", "1", "1 ", "1-", "(1)", "1 - ", "a.", "a.a@", "x@", "TODO", "???",
    "pwd:abcdef.", "password: ", "key=", "key=1", "sk-", "eyJa-", "eyJaaaaaaaaa.", "Bearer ", "a://b:",
    "-----BEGIN A ", "\xe5\xaf\x86\xe7\xa0\x81\xe6\x98\xaf", /* 密码是 */
    "pin 1234 ", "?key=a1", "AKIA", "ghp_", "xoxb-", "hooks.slack.com/", "\xe2\x80\xae", /* U+202E */
    "\xd1\x83", /* у, Cyrillic */
    "\xff",
};

/* CPU time of the process: the test machine is shared, and wall time would
 * measure the neighbours. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* `unit` repeated to TEXT_BYTES; quotes, backslashes and line breaks would
 * end the string or the comment, so none of the units holds one. */
static char *repeat(const char *unit)
{
    size_t u = strlen(unit);
    char *text = malloc(TEXT_BYTES + 1);
    assert_non_null(text);
    size_t n = 0;
    while (n + u <= TEXT_BYTES) {
        memcpy(text + n, unit, u);
        n += u;
    }
    text[n] = '\0';
    return text;
}

static void test_secret_scan_is_linear(void **state)
{
    (void)state;
    bcp_secret_scanner *s = bcp_secret_scanner_new();
    double worst = 0;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        char *text = repeat(units[i]);
        size_t length = strlen(text), start, len;
        double t0 = now();
        bcp_secret_scan(s, text, length, &start, &len, NULL);
        double dt = now() - t0;
        if (dt > worst)
            worst = dt;
        if (dt > BUDGET_SECONDS / 2)
            fail_msg("secret scan of 300 KB of \"%s\": %.2f s", units[i], dt);
        free(text);
    }
    printf("secret scan, slowest 300 KB adversarial text: %.3f s\n", worst);
    bcp_secret_scanner_free(s);
}

static void test_rules_on_adversarial_texts(void **state)
{
    (void)state;
    static const char head[] = "plan p {\n  title = \"P\"\n  organization = \"O\"\n}\n"
                               "contact c {\n  name = \"C\"\n  phone = \"";
    static const char mid1[] = "\"\n  email = \"";
    static const char mid2[] = "\"\n}\nsystem s {\n  title = \"S\"\n  description = \"";
    /* A secret after the adversarial text: the scan must get to the end. */
    static const char tail[] = " pwd=Hunter2#x\"\n}\n# ";
    double worst = 0, total = 0;
    const char *worst_unit = "";
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        char *text = repeat(units[i]);
        size_t t = strlen(text);
        size_t size = sizeof head + sizeof mid1 + sizeof mid2 + sizeof tail + 4 * t + 2;
        char *plan = malloc(size);
        assert_non_null(plan);
        snprintf(plan, size, "%s%s%s%s%s%s%s%s\n", head, text, mid1, text, mid2, text, tail, text);
        bcp_model *m = load_text(plan);
        bcp_diag_list found = {0};
        bcp_lint_options opts = {.today = 20000};
        double t0 = now();
        assert_true(bcp_lint_run(m, &opts, &found));
        double dt = now() - t0;
        total += dt;
        if (dt > worst) {
            worst = dt;
            worst_unit = units[i];
        }
        bool secret_found = false;
        for (size_t d = 0; d < found.count; d++)
            secret_found |= found.items[d].code && strcmp(found.items[d].code, "H102") == 0 &&
                            found.items[d].span.row == 11;
        /* Text that is not UTF-8 is refused by the loader (E013) before any
         * rule runs: the secret is then not linted, but nothing is built either. */
        bool refused = count_code(m, "E013") > 0;
        if (!secret_found && !refused)
            fail_msg("H102 did not reach the secret after 300 KB of \"%s\"", units[i]);
        if (refused && strcmp(units[i], "\xff") != 0)
            fail_msg("valid UTF-8 \"%s\" refused as E013", units[i]);
        if (!refused && strcmp(units[i], "\xff") == 0)
            fail_msg("invalid UTF-8 loaded without E013");
        if (dt > BUDGET_SECONDS)
            fail_msg("lint of a plan with 4 x 300 KB of \"%s\": %.2f s (budget %.1f s)", units[i], dt,
                     BUDGET_SECONDS);
        bcp_diag_list_free(&found);
        bcp_model_free(m);
        free(plan);
        free(text);
    }
    printf("lint, %zu plans with 4 x 300 KB adversarial texts: %.2f s in all, slowest %.3f s (\"%s\")\n",
           sizeof units / sizeof units[0], total, worst, worst_unit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_secret_scan_is_linear),
        cmocka_unit_test(test_rules_on_adversarial_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
