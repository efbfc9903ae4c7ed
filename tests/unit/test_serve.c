/* bcp serve's parts that stand without a socket: the growing buffer and the
 * inotify watcher (a change in the root and in a folder made after the
 * start bumps the count and names the file; other files do not; stop wakes
 * a waiter).  The HTTP side is tests/serve/ (make serve-test). */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "serve/serve.h"
#include "test_support.h"
#include "test_tmp.h"

static void test_buffer_grows(void **state)
{
    (void)state;
    serve_buf b = {0};
    for (int i = 0; i < 3000; i++)
        serve_buf_add(&b, "abc", 3);
    assert_int_equal(b.len, 9000);
    assert_int_equal(strlen(b.data), 9000);
    assert_memory_equal(b.data + 8997, "abc", 4);
    bcp_free(b.data);
}

static void test_watch_sees_plans(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-serve-unit-XXXXXX");
    assert_non_null(mkdtemp(dir));
    serve_watch *w = serve_watch_start(dir);
    assert_non_null(w);
    char path[600] = "";
    unsigned long c0 = serve_watch_wait(w, (unsigned long)-2, 0, NULL, 0);

    write_test_file(dir, "notes.txt", "not a plan\n");
    assert_int_equal(serve_watch_wait(w, c0, 300, path, sizeof path), c0);

    write_test_file(dir, "a.bcp", "plan a {\n}\n");
    unsigned long c1 = serve_watch_wait(w, c0, 3000, path, sizeof path);
    assert_true(c1 > c0);
    assert_string_equal(path, "a.bcp");

    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    usleep(300 * 1000);   /* the watcher adds the new folder */
    unsigned long c2 = serve_watch_wait(w, (unsigned long)-2, 0, NULL, 0);
    write_test_file(sub, "b.bcp", "plan b {\n}\n");
    unsigned long c3 = c2;
    for (int i = 0; i < 30 && strcmp(path, "sub/b.bcp") != 0; i++)
        c3 = serve_watch_wait(w, c3, 100, path, sizeof path);
    assert_string_equal(path, "sub/b.bcp");

    serve_watch_stop(w);
    assert_int_equal(serve_watch_wait(w, c3, 5000, NULL, 0), (unsigned long)-1);
    serve_watch_free(w);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_no_watch_is_quiet(void **state)
{
    (void)state;
    assert_null(serve_watch_start("/nonexistent/bcp-serve"));
    /* Without a watcher (inotify unavailable) a wait times out with the same count. */
    assert_int_equal(serve_watch_wait(NULL, 7, 10, NULL, 0), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buffer_grows),
        cmocka_unit_test(test_watch_sees_plans),
        cmocka_unit_test(test_no_watch_is_quiet),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
