/* A growable text buffer, always NUL-terminated: what the renderers and the
 * formatter write their output into. */
#ifndef BCP_BUF_H
#define BCP_BUF_H
#include <stddef.h>

typedef struct bcp_buf {
    char *data;
    size_t len, cap;
} bcp_buf;

void bcp_buf_put(bcp_buf *b, const char *s, size_t n);
void bcp_buf_puts(bcp_buf *b, const char *s);
void bcp_buf_printf(bcp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Takes the contents (NUL-terminated, never NULL); the buffer is empty afterwards. */
char *bcp_buf_take(bcp_buf *b);
void bcp_buf_free(bcp_buf *b);

#endif
