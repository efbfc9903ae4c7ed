/* The lint engine runs its rules on several worker threads that share one
 * model (rules/engine.c): over a large generated plan, several threads must
 * report exactly what one thread reports, in the same order.  `make tsan`
 * runs this test under ThreadSanitizer, where a data race between the rules
 * (or in the model they read) fails it. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/workers.h"
#include "model/model.h"
#include "rules/engine.h"
#include "test_support.h"

/* Groups of a contact, a system, a function and an exercise; some groups carry
 * a placeholder, a pasted password, a bad phone number or a stale exercise, so
 * that many rules find something all over the file. */
/* The text of the plan; *len its length.  Free it with free(). */
static char *big_plan(size_t groups, size_t *len)
{
    char *text = NULL;
    FILE *b = open_memstream(&text, len);
    assert_non_null(b);
    fprintf(b, "plan big {\n  title = \"Big plan\"\n  organization = \"Big Ltd\"\n  industry = technology\n"
               "  owner = contact.lead\n  reviewed = 2026-09-01\n}\n\n"
               "contact lead { name = \"Lead\" tier = 1 phone = \"+44 20 7946 0000\" email = \"lead@big.example\" }\n"
               "contact deputy { name = \"Deputy\" tier = 1 phone = \"+44 20 7946 0001\" email = \"deputy@big.example\" }\n"
               "team crisis { title = \"Crisis team\" lead = contact.lead deputy = contact.deputy }\n\n");
    for (size_t i = 0; i < groups; i++) {
        fprintf(b,
               "contact owner_%zu {\n  name = \"Owner %zu\"\n  role = \"%s\"\n  tier = 2\n"
               "  phone = \"%s\"\n  email = \"owner%zu@big.example\"\n  substitute = contact.deputy\n}\n\n",
               i, i, i % 7 == 0 ? "TODO" : "Function lead", i % 13 == 0 ? "+44 12" : "+44 20 7946 1234", i);
        fprintf(b,
               "system sys_%zu {\n  title = \"System %zu\"\n  rto = 4h\n  rpo = 1d\n  owner = contact.owner_%zu\n"
               "  notes = \"%s\"\n"
               "  backup { every = 1d  offsite = true  immutable = true  tested = 2026-10-01 }\n}\n\n",
               i, i, i, i % 11 == 0 ? "admin password: hunter2!x" : "Runs in region B");
        fprintf(b,
               "function fn_%zu {\n  title = \"Function %zu\"\n  description = \"\"\"\n"
               "    A generated function with a system, an owner and a deputy.\n    \"\"\"\n"
               "  priority = 2\n  rto = %s\n  rpo = 1d\n  mtpd = 72h\n  needs = [system.sys_%zu]\n"
               "  fallback = \"Manual forms\"\n  owner = contact.owner_%zu\n  deputy = contact.deputy\n}\n\n",
               i, i, i % 5 == 0 ? "2h" : "24h", i, i);
        fprintf(b,
               "exercise ex_%zu {\n  title = \"Recovery test %zu\"\n  kind = recovery_test\n  every = 1y\n"
               "  last = %s\n  covers = [function.fn_%zu, system.sys_%zu]\n}\n\n",
               i, i, i % 3 == 0 ? "2023-01-01" : "2026-06-01", i, i);
    }
    assert_int_equal(fclose(b), 0);
    return text;
}

enum { GROUPS = 3000 };

static bcp_diag_list lint(bcp_model *m, size_t threads)
{
    bcp_workers_set_limit(threads);
    bcp_diag_list found = {0};
    bcp_lint_options opts = {.today = bcp_days_from_civil(2026, 11, 27)};
    assert_true(bcp_lint_run(m, &opts, &found));
    bcp_workers_set_limit(0);
    return found;
}

static size_t count_in(const bcp_diag_list *l, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++)
        n += strcmp(l->items[i].code, code) == 0;
    return n;
}

static void test_rules_on_threads_match_one_thread(void **state)
{
    (void)state;
    size_t len;
    char *text = big_plan(GROUPS, &len);
    assert_true(len > 2u << 20); /* parsed in pieces on the workers too */
    bcp_workers_set_limit(4);      /* more threads than this machine may have cores */
    bcp_model *m = bcp_model_load_text("big.bcp", text, len, NULL);
    bcp_workers_set_limit(0);
    assert_false(bcp_model_has_syntax_errors(m));
    assert_int_equal(bcp_model_entities(m, BCP_KIND_FUNCTION)->count, GROUPS);

    bcp_diag_list one = lint(m, 1);
    bcp_diag_list many = lint(m, 4);
    /* The generated faults are found: placeholders, secrets, phone numbers. */
    assert_int_equal(count_in(&one, "H101"), (GROUPS + 6) / 7);
    assert_int_equal(count_in(&one, "H102"), (GROUPS + 10) / 11);
    assert_true(count_in(&one, "C103") >= (GROUPS + 12) / 13);
    assert_int_equal(many.count, one.count);
    for (size_t i = 0; i < one.count; i++) {
        const bcp_diag *x = &one.items[i], *y = &many.items[i];
        assert_string_equal(x->code, y->code);
        assert_string_equal(x->message, y->message);
        assert_int_equal(x->span.start_byte, y->span.start_byte);
        assert_int_equal(x->span.end_byte, y->span.end_byte);
    }
    bcp_diag_list_free(&one);
    bcp_diag_list_free(&many);
    bcp_model_free(m);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rules_on_threads_match_one_thread),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
