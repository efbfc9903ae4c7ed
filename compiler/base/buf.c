#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void buf_reserve(bcp_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *data = bcp_realloc(b->data, cap);
    b->data = data;
    b->cap = cap;
}

void bcp_buf_put(bcp_buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void bcp_buf_puts(bcp_buf *b, const char *s)
{
    bcp_buf_put(b, s, strlen(s));
}

void bcp_buf_printf(bcp_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

char *bcp_buf_take(bcp_buf *b)
{
    if (!b->data)
        bcp_buf_put(b, "", 0);
    char *s = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void bcp_buf_free(bcp_buf *b)
{
    bcp_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
