/* Input limits (base/limits.h): the pre-scan before tree-sitter
 * (syntax/prescan.c) — nesting at the limit passes, one more is refused at
 * the bracket that goes over; brackets in strings, triple-quoted strings and
 * comments do not count; invalid UTF-8 (stray bytes, overlong forms,
 * surrogates) is located, a BOM accepted; string and line lengths — and the
 * line index of base/source.c (columns on a long line, against a count from
 * the line's start), the file readers' refusals and the imports limit. */
#define _DEFAULT_SOURCE
#include "test_support.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "base/limits.h"
#include "base/source.h"
#include "syntax/prescan.h"
#include "test_tmp.h"

/* `depth` nested lists inside a plan block: depth + 1 levels in all. */
static char *nested(size_t depth, char open, char close)
{
    bcp_buf b = {0};
    bcp_buf_puts(&b, "plan p {\n  x = ");
    for (size_t i = 0; i < depth; i++)
        bcp_buf_printf(&b, "%c", open);
    for (size_t i = 0; i < depth; i++)
        bcp_buf_printf(&b, "%c", close);
    bcp_buf_puts(&b, "\n}\n");
    return bcp_buf_take(&b);
}

static void test_nesting_at_and_over_the_limit(void **state)
{
    (void)state;
    bcp_limits_reset();
    uint64_t limit = bcp_limit(BCP_LIMIT_NESTING);
    char *at = nested(limit - 1, '[', ']');
    bcp_prescan_result r;
    assert_true(bcp_prescan(at, strlen(at), &r));
    char *over = nested(limit, '[', ']');
    assert_false(bcp_prescan(over, strlen(over), &r));
    assert_int_equal(r.code, BCP_CODE_E012);
    /* "plan p {\n  x = " then the brackets: the one that opens level limit+1. */
    assert_int_equal(r.start, strlen("plan p {\n  x = ") + limit - 1);
    assert_int_equal(over[r.start], '[');
    /* Through the model: one located error, nothing parsed. */
    bcp_model *m = load_text(over);
    assert_diag(m, "E012", 2, 7 + (unsigned)limit - 1, "nesting deeper than the limit of 100 levels");
    assert_int_equal(count_code(m, "E001"), 0);
    assert_true(bcp_model_has_syntax_errors(m));
    bcp_model_free(m);
    /* Raised, the same text passes. */
    assert_true(bcp_limit_store(BCP_LIMIT_NESTING, limit + 1));
    assert_true(bcp_prescan(over, strlen(over), NULL));
    assert_false(bcp_limit_store(BCP_LIMIT_NESTING, 0));
    assert_false(bcp_limit_store(BCP_LIMIT_NESTING, bcp_limit_info_at(BCP_LIMIT_NESTING)->maximum + 1));
    bcp_limits_reset();
    bcp_free(at);
    bcp_free(over);
    /* 65,531 unclosed brackets (heap corruption in libtree-sitter 0.20.7): refused. */
    char *unclosed = bcp_malloc(70000);
    memset(unclosed, '[', 65531);
    unclosed[65531] = '\0';
    assert_false(bcp_prescan(unclosed, 65531, &r));
    assert_int_equal(r.code, BCP_CODE_E012);
    assert_int_equal(r.start, limit);
    bcp_free(unclosed);
}

static void test_brackets_in_text_do_not_count(void **state)
{
    (void)state;
    bcp_limits_reset();
    bcp_buf b = {0};
    bcp_buf_puts(&b, "plan p {\n  title = \"");
    for (int i = 0; i < 500; i++)
        bcp_buf_puts(&b, "[{");
    bcp_buf_puts(&b, "\\\" [[[\"\n  # ");
    for (int i = 0; i < 500; i++)
        bcp_buf_puts(&b, "{[");
    bcp_buf_puts(&b, "\n  note = \"\"\"\n");
    for (int i = 0; i < 500; i++)
        bcp_buf_puts(&b, "[\"[\"\"{");
    bcp_buf_puts(&b, "\n  \"\"\"\n  x = [[1]]\n}\n");
    bcp_prescan_result r = {0};
    assert_true(bcp_prescan(b.data, b.len, &r));
    /* A bracket after a comment is counted again. */
    bcp_buf_puts(&b, "# [[[\n");
    for (int i = 0; i < 101; i++)
        bcp_buf_puts(&b, "{");
    assert_false(bcp_prescan(b.data, b.len, &r));
    assert_int_equal(r.code, BCP_CODE_E012);
    bcp_buf_free(&b);
}

static void expect_bad_utf8(const char *text, size_t offset)
{
    bcp_prescan_result r;
    assert_false(bcp_prescan(text, strlen(text), &r));
    assert_int_equal(r.code, BCP_CODE_E013);
    assert_int_equal(r.start, offset);
}

static void test_utf8(void **state)
{
    (void)state;
    const char *good = "\xEF\xBB\xBFplan p { title = \"caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80 \xEF\xBF\xBD\" }\n";
    assert_true(bcp_prescan(good, strlen(good), NULL));
    expect_bad_utf8("plan p {\n  title = \"caf\xE9\"\n}\n", 23);           /* Latin-1 */
    expect_bad_utf8("plan p { title = \"\xC0\xAF\" }", 18);                /* overlong '/' */
    expect_bad_utf8("plan p { title = \"\xE0\x80\xAF\" }", 18);            /* overlong, 3 bytes */
    expect_bad_utf8("plan p { title = \"\xED\xA0\x80\" }", 18);            /* surrogate U+D800 */
    expect_bad_utf8("plan p { title = \"\xF4\x90\x80\x80\" }", 18);        /* above U+10FFFF */
    expect_bad_utf8("plan p { title = \"\xE4\xB8\" }", 18);                /* cut short */
    expect_bad_utf8("# \xFF in a comment\n", 2);
    expect_bad_utf8("\xEF\xBB\xBF\xEF\xBB", 3); /* a BOM, then half of one */
    /* Located by the model at the line and column of the bad byte. */
    bcp_model *m = load_text("plan p {\n  title = \"TODO: password=x \xFF\"\n}\n");
    assert_diag(m, "E013", 2, 29, "invalid UTF-8: byte 0xFF");
    bcp_model_free(m);
}

static void test_string_and_line_length(void **state)
{
    (void)state;
    bcp_limits_reset();
    assert_true(bcp_limit_store(BCP_LIMIT_STRING, 10));
    const char *ok = "plan p { title = \"12345678\" }";   /* 10 bytes with its quotes */
    assert_true(bcp_prescan(ok, strlen(ok), NULL));
    const char *longer = "plan p {\n title = \"123456789\" }";
    bcp_prescan_result r;
    assert_false(bcp_prescan(longer, strlen(longer), &r));
    assert_int_equal(r.code, BCP_CODE_E014);
    assert_int_equal(r.start, 18);
    const char *unclosed = "plan p {\n title = \"1234567890";
    assert_false(bcp_prescan(unclosed, strlen(unclosed), &r));
    assert_int_equal(r.code, BCP_CODE_E014);
    bcp_limits_reset();
    assert_true(bcp_limit_store(BCP_LIMIT_LINE, 12));
    assert_true(bcp_prescan("plan p {\n  x = 1234\n}\n", 22, NULL));
    const char *wide = "plan p {\n  x = 123456789\n}\n";
    assert_false(bcp_prescan(wide, strlen(wide), &r));
    assert_int_equal(r.code, BCP_CODE_E015);
    assert_int_equal(r.start, 9);
    const char *last = "plan p {}\n1234567890123";   /* the last line, without a newline */
    assert_false(bcp_prescan(last, strlen(last), &r));
    assert_int_equal(r.code, BCP_CODE_E015);
    bcp_limits_reset();
}

/* Columns from the line index against a count from the line's start. */
static void test_columns_on_a_long_line(void **state)
{
    (void)state;
    bcp_buf b = {0};
    bcp_buf_puts(&b, "plan p {}\n");
    for (int i = 0; i < 3000; i++)
        bcp_buf_printf(&b, "system s%d { title = \"\xE4\xB8\xAD%d\" } ", i, i);
    bcp_buf_puts(&b, "\n\nx\n");
    bcp_source *src = bcp_source_from_memory("t.bcp", b.data, b.len, true);
    uint32_t line = 0, col = 1;
    for (size_t i = 0; i <= src->length; i++) {
        assert_int_equal(bcp_source_line_at(src, i), line);
        assert_int_equal(bcp_source_column_at(src, i), col);
        if (i < src->length && src->text[i] == '\n') {
            line++;
            col = 1;
        } else if (i < src->length && ((unsigned char)src->text[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    bcp_span span = bcp_source_span(src, 20000, 20001);
    assert_int_equal(span.row, 1);
    assert_int_equal(span.byte_column, 20000 - 10);
    size_t len;
    const char *text = bcp_span_line(&span, &len);
    assert_ptr_equal(text, src->text + 10);
    assert_int_equal(len, b.len - 10 - 4);
    bcp_source_free(src);
    bcp_buf_free(&b);
}

static void test_readers_refuse(void **state)
{
    (void)state;
    bcp_limits_reset();
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-limits-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char fifo[600], big[600], small[600];
    snprintf(fifo, sizeof fifo, "%s/pipe.bcp", dir);
    snprintf(big, sizeof big, "%s/big.bcp", dir);
    snprintf(small, sizeof small, "%s/small.bcp", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *err = NULL;
    assert_null(bcp_source_read(fifo, &err)); /* no writer: must not block */
    assert_int_equal(bcp_source_read_code(), BCP_CODE_E011);
    assert_non_null(strstr(err, "FIFO"));
    assert_null(bcp_source_read(dir, &err));
    assert_int_equal(bcp_source_read_code(), BCP_CODE_E011);
    assert_null(bcp_source_read("/dev/zero", &err));
    assert_int_equal(bcp_source_read_code(), BCP_CODE_E011);
    int fd = open(big, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)1 << 30), 0); /* sparse: refused by its size */
    close(fd);
    assert_null(bcp_source_read(big, &err));
    assert_int_equal(bcp_source_read_code(), BCP_CODE_E010);
    FILE *f = fopen(small, "w");
    fputs("plan p { title = \"x\" }\n", f);
    fclose(f);
    assert_true(bcp_limit_store(BCP_LIMIT_FILE_SIZE, 10));
    assert_null(bcp_source_read(small, &err));
    assert_int_equal(bcp_source_read_code(), BCP_CODE_E010);
    bcp_limits_reset();
    bcp_source *src = bcp_source_read(small, &err);
    assert_non_null(src);
    bcp_source_free(src);
    unlink(fifo);
    unlink(big);
    unlink(small);
    rmdir(dir);
}

static void test_imports_limit(void **state)
{
    (void)state;
    char dir[256];
    test_tmp_path(dir, sizeof dir, "bcp-imports-XXXXXX");
    assert_non_null(mkdtemp(dir));
    char path[600];
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/m%d.bcp", dir, i);
        FILE *f = fopen(path, "w");
        fprintf(f, "system s%d { title = \"S\" }\n", i);
        fclose(f);
    }
    snprintf(path, sizeof path, "%s/plan.bcp", dir);
    FILE *f = fopen(path, "w");
    fputs("use \"./m0\"\nuse \"./m1\"\nuse \"./m2\"\nuse \"./m3\"\nuse \"./m4\"\n"
          "plan p { title = \"P\" }\n", f);
    fclose(f);
    assert_true(bcp_limit_store(BCP_LIMIT_IMPORTS, 3)); /* the plan and two modules */
    bcp_model *m = bcp_model_load(path, NULL);
    assert_int_equal(count_code(m, "E130"), 1);
    assert_diag(m, "E130", 3, 5, "cannot import `./m2`");
    bcp_model_free(m);
    bcp_limits_reset();
    m = bcp_model_load(path, NULL);
    assert_int_equal(count_code(m, "E130"), 0);
    bcp_model_free(m);
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof path, "%s/m%d.bcp", dir, i);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/plan.bcp", dir);
    unlink(path);
    rmdir(dir);
}

/* One parser for --limit and bcpconfig.bcp's limits { }. */
static void test_limit_values_as_written(void **state)
{
    (void)state;
    uint64_t v = 0;
    assert_true(bcp_limit_parse("1048576", &v));
    assert_true(v == 1048576u);
    assert_true(bcp_limit_parse("64k", &v));
    assert_true(v == 65536u);
    assert_true(bcp_limit_parse("16M", &v));
    assert_true(v == 16u << 20);
    assert_true(bcp_limit_parse("2G", &v));
    assert_true(v == (uint64_t)2 << 30);
    const char *bad[] = {"", "-1", " 1", "1 ", "1T", "k", "1kb", "99999999999999999999", "17179869184G", NULL};
    for (int i = 0; bad[i]; i++)
        if (bcp_limit_parse(bad[i], &v))
            fail_msg("\"%s\" accepted as a limit value", bad[i]);
    assert_false(bcp_limit_parse(NULL, &v));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nesting_at_and_over_the_limit),
        cmocka_unit_test(test_brackets_in_text_do_not_count),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_string_and_line_length),
        cmocka_unit_test(test_columns_on_a_long_line),
        cmocka_unit_test(test_readers_refuse),
        cmocka_unit_test(test_imports_limit),
        cmocka_unit_test(test_limit_values_as_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
