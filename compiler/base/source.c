#define _DEFAULT_SOURCE
#include "source.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"

static bcp_source *source_new(const char *path)
{
    bcp_source *src = bcp_calloc(1, sizeof *src);
    src->path = bcp_strdup(path);
    return src;
}

bcp_source *bcp_source_from_memory(const char *path, const char *text, size_t len, bool copy)
{
    bcp_source *src = source_new(path);
    if (copy) {
        src->text = bcp_malloc(len + 1);
        memcpy(src->text, text, len);
        src->text[len] = '\0';
        src->owns_text = true;
    } else {
        src->text = (char *)text;
    }
    src->length = len;
    return src;
}

static char *slurp(FILE *f, size_t *out_len)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = bcp_malloc(cap);
    for (;;) {
        if (cap - len < 4096) {
            cap *= 2;
            buf = bcp_realloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        bcp_free(buf);
        return NULL;
    }
    buf[len] = '\0';
    *out_len = len;
    return buf;
}

bcp_source *bcp_source_read(const char *path, const char **err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        *err = strerror(errno);
        return NULL;
    }
    size_t len = 0;
    char *text = slurp(f, &len);
    int saved = errno;
    if (!is_stdin)
        fclose(f);
    if (!text) {
        *err = strerror(saved ? saved : EIO);
        return NULL;
    }
    if (memchr(text, '\0', len)) {
        bcp_free(text);
        *err = "file contains NUL bytes (not a text file)";
        return NULL;
    }
    bcp_source *src = source_new(is_stdin ? "<stdin>" : path);
    src->text = text;
    src->length = len;
    src->owns_text = true;
    if (!is_stdin) {
        char resolved[PATH_MAX];
        if (realpath(path, resolved)) {
            src->real_path = bcp_strdup(resolved);
            src->real_dir = bcp_strdup(dirname(resolved));
        }
    } else {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            src->real_dir = bcp_strdup(cwd);
    }
    return src;
}

void bcp_source_free(bcp_source *src)
{
    if (!src)
        return;
    if (src->owns_text)
        bcp_free(src->text);
    bcp_free(src->path);
    bcp_free(src->real_path);
    bcp_free(src->real_dir);
    bcp_free(src->module_name);
    bcp_free(src);
}

const char *bcp_span_line(const bcp_span *span, size_t *len)
{
    const char *text = span->source->text;
    size_t start = span->start_byte - span->byte_column;
    size_t end = start;
    while (end < span->source->length && text[end] != '\n')
        end++;
    if (end > start && text[end - 1] == '\r')
        end--;
    *len = end - start;
    return text + start;
}

uint32_t bcp_span_column(const bcp_span *span)
{
    const unsigned char *line = (const unsigned char *)span->source->text +
                                (span->start_byte - span->byte_column);
    uint32_t col = 1;
    for (uint32_t i = 0; i < span->byte_column; i++)
        if ((line[i] & 0xC0) != 0x80)
            col++;
    return col;
}
