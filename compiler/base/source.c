/* Reading sources within the input limits, and positions inside them. */
#define _DEFAULT_SOURCE
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "paths.h"
#include "limits.h"

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

/* ------------------------------------------------------------- reading */

/* The last failure of bcp_source_read on this thread. */
static _Thread_local char read_message[256];
static _Thread_local bcp_code_id read_code = BCP_CODE_E100;

static const char *fail(bcp_code_id code, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static const char *fail(bcp_code_id code, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(read_message, sizeof read_message, fmt, ap);
    va_end(ap);
    read_code = code;
    errno = error;
    return read_message;
}

bcp_code_id bcp_source_read_code(void) { return read_code; }
void bcp_source_read_code_clear(void) { read_code = BCP_CODE_E100; }

/* What a file that is not a regular file is, for the refusal. */
static const char *file_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

static const char *too_large(uint64_t limit)
{
    return fail(BCP_CODE_E010, EFBIG,
                "input is larger than the file-size limit of %llu bytes "
                "(raise it with --limit file-size=BYTES)",
                (unsigned long long)limit);
}

/* Reads up to `limit` bytes; more is an error.  A NUL byte stops the read at
 * once (an endless /dev/zero is not read to the limit): the text ends with
 * the read that brought it, and the pre-scan refuses it there (E016). */
static char *read_capped(int fd, size_t expect, uint64_t limit, size_t *out_len, const char **err)
{
    size_t cap = expect + 1 > 1 << 16 ? expect + 1 : 1 << 16, len = 0;
    if (cap > limit + 1)
        cap = (size_t)limit + 1;
    char *buf = bcp_malloc(cap + 1);
    for (;;) {
        if (len == cap) {
            if (len > limit) {
                bcp_free(buf);
                *err = too_large(limit);
                return NULL;
            }
            cap = cap > limit / 2 ? (size_t)limit + 1 : cap * 2;
            buf = bcp_realloc(buf, cap + 1);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            bcp_free(buf);
            *err = fail(BCP_CODE_E100, e, "%s", strerror(e));
            return NULL;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        /* The pre-scan refuses the NUL at its line and column (E016); what
         * follows it is not read, so /dev/zero costs one read. */
        if (memchr(buf + len - (size_t)n, '\0', (size_t)n))
            break;
    }
    if (len > limit) {
        bcp_free(buf);
        *err = too_large(limit);
        return NULL;
    }
    buf[len] = '\0';
    *out_len = len;
    return buf;
}

static const char *refuse_size(uint64_t size, uint64_t limit)
{
    if (size <= limit)
        return NULL;
    return fail(BCP_CODE_E010, EFBIG,
                "file is %llu bytes, over the file-size limit of %llu bytes "
                "(raise it with --limit file-size=BYTES)",
                (unsigned long long)size, (unsigned long long)limit);
}

const char *bcp_source_refuse_size(uint64_t size)
{
    return refuse_size(size, bcp_limit(BCP_LIMIT_FILE_SIZE));
}

static bcp_source *read_within(const char *path, uint64_t limit, const char **err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    /* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        *err = fail(BCP_CODE_E100, e, "%s", strerror(e));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        if (!is_stdin)
            close(fd);
        *err = fail(BCP_CODE_E100, e, "%s", strerror(e));
        return NULL;
    }
    size_t expect = 0;
    if (S_ISDIR(st.st_mode)) {
        if (!is_stdin)
            close(fd);
        *err = fail(BCP_CODE_E011, EISDIR, "is a directory, not a plan file");
        return NULL;
    }
    if (S_ISREG(st.st_mode)) {
        if ((*err = refuse_size((uint64_t)st.st_size, limit)) != NULL) {
            if (!is_stdin)
                close(fd);
            return NULL;
        }
        expect = (size_t)st.st_size;
        if (!is_stdin)
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    } else if (!is_stdin) {
        close(fd);
        *err = fail(BCP_CODE_E011, EINVAL, "is %s, not a regular file; bcp reads regular files only",
                    file_kind(st.st_mode));
        return NULL;
    }
    /* Standard input may be a pipe or a terminal: read, up to the limit. */
    size_t len = 0;
    char *text = read_capped(fd, expect, limit, &len, err);
    if (!is_stdin)
        close(fd);
    if (!text)
        return NULL;
    bcp_source *src = source_new(is_stdin ? "<stdin>" : path);
    src->text = text;
    src->length = len;
    src->owns_text = true;
    if (!is_stdin) {
        char resolved[PATH_MAX];
        if (bcp_realpath(path, resolved)) {
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

bcp_source *bcp_source_read(const char *path, const char **err)
{
    return read_within(path, bcp_limit(BCP_LIMIT_FILE_SIZE), err);
}

bcp_source *bcp_source_read_stdlib(const char *path, const char **err)
{
    return read_within(path, bcp_limit_for_stdlib(BCP_LIMIT_FILE_SIZE), err);
}

/* ------------------------------------------------------------ positions */

/* Every STRIDE bytes, how many UTF-8 continuation bytes come before: a
 * column is then counted from the nearest checkpoint, not from the start of
 * a line that may be megabytes long. */
#define STRIDE 256

struct bcp_line_index {
    size_t *starts;        /* byte offset of each line's first byte */
    size_t line_count;
    uint32_t *continuations;  /* per checkpoint */
};

static bcp_line_index *index_build(const bcp_source *src)
{
    const unsigned char *t = (const unsigned char *)src->text;
    size_t n = src->length;
    bcp_line_index *ix = bcp_calloc(1, sizeof *ix);
    size_t capacity = 0;
    ix->starts = bcp_grow(ix->starts, &capacity, 0, sizeof *ix->starts);
    ix->starts[ix->line_count++] = 0;
    for (const unsigned char *p = t; (p = memchr(p, '\n', n - (size_t)(p - t))) != NULL; p++) {
        ix->starts = bcp_grow(ix->starts, &capacity, ix->line_count, sizeof *ix->starts);
        ix->starts[ix->line_count++] = (size_t)(p - t) + 1;
    }
    ix->continuations = bcp_malloc((n / STRIDE + 1) * sizeof *ix->continuations);
    uint32_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % STRIDE == 0)
            ix->continuations[i / STRIDE] = count;
        count += (t[i] & 0xC0) == 0x80;
    }
    if (n % STRIDE == 0)
        ix->continuations[n / STRIDE] = count;
    return ix;
}

static void index_free(bcp_line_index *ix)
{
    if (!ix)
        return;
    bcp_free(ix->starts);
    bcp_free(ix->continuations);
    bcp_free(ix);
}

static const bcp_line_index *line_index(const bcp_source *src)
{
    bcp_source *s = (bcp_source *)src; /* the index is a cache, not content */
    bcp_line_index *ix = atomic_load_explicit(&s->lines, memory_order_acquire);
    if (ix)
        return ix;
    bcp_line_index *made = index_build(src);
    bcp_line_index *none = NULL;
    if (atomic_compare_exchange_strong_explicit(&s->lines, &none, made, memory_order_acq_rel,
                                                memory_order_acquire))
        return made;
    index_free(made); /* another thread was first */
    return none;
}

/* Continuation bytes in text[0, offset). */
static size_t continuations_before(const bcp_source *src, const bcp_line_index *ix, size_t offset)
{
    const unsigned char *t = (const unsigned char *)src->text;
    size_t count = ix->continuations[offset / STRIDE];
    for (size_t i = offset - offset % STRIDE; i < offset; i++)
        count += (t[i] & 0xC0) == 0x80;
    return count;
}

uint32_t bcp_source_line_at(const bcp_source *src, size_t offset)
{
    const bcp_line_index *ix = line_index(src);
    if (offset > src->length)
        offset = src->length;
    size_t lo = 0, hi = ix->line_count; /* the last start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

uint32_t bcp_source_column_at(const bcp_source *src, size_t offset)
{
    const bcp_line_index *ix = line_index(src);
    if (offset > src->length)
        offset = src->length;
    size_t start = ix->starts[bcp_source_line_at(src, offset)];
    size_t bytes = offset - start;
    size_t cont = continuations_before(src, ix, offset) - continuations_before(src, ix, start);
    return (uint32_t)(bytes - cont + 1);
}

bcp_span bcp_source_span(const bcp_source *src, size_t start, size_t end)
{
    const bcp_line_index *ix = line_index(src);
    if (start > src->length)
        start = src->length;
    if (end < start)
        end = start;
    if (end > src->length)
        end = src->length;
    uint32_t row = bcp_source_line_at(src, start);
    bcp_span span = {.source = src, .start_byte = (uint32_t)start, .end_byte = (uint32_t)end,
                     .row = row, .byte_column = (uint32_t)(start - ix->starts[row])};
    return span;
}

void bcp_source_free(bcp_source *src)
{
    if (!src)
        return;
    index_free(atomic_load_explicit(&src->lines, memory_order_relaxed));
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
    const bcp_source *src = span->source;
    const bcp_line_index *ix = line_index(src);
    size_t start = span->start_byte - span->byte_column;
    uint32_t line = bcp_source_line_at(src, start);
    size_t end = line + 1 < ix->line_count ? ix->starts[line + 1] - 1 : src->length;
    if (end > start && src->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return src->text + start;
}

uint32_t bcp_span_column(const bcp_span *span)
{
    return bcp_source_column_at(span->source, span->start_byte);
}
