/* bcp.h: the public API of libbcp, business continuity plans as code.
 * (Skeleton; the full API is being written.) */
#ifndef BCP_H
#define BCP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BCP_VERSION "0.1.0"
#define BCP_VERSION_MAJOR 0
#define BCP_VERSION_MINOR 1
#define BCP_VERSION_PATCH 0
/* The shared library's soname is libbcp.so.BCP_ABI_VERSION. */
#define BCP_ABI_VERSION 1

/* ------------------------------------------------------------------ memory */

/* Every allocation of the library goes through one allocator.  Set it before
 * any other call; memory the API hands to the caller is freed with bcp_free. */
typedef struct bcp_mem {
    void *(*calloc)(size_t count, size_t size);
    void *(*realloc)(void *p, size_t size);
    void (*free)(void *p);
} bcp_mem;
void bcp_set_allocator(const bcp_mem *mem);   /* NULL: the C library's */
const bcp_mem *bcp_default_mem(void);
/* Called when the allocator fails; must not return (the default aborts). */
typedef void (*bcp_oom_handler)(void);
void bcp_set_oom_handler(bcp_oom_handler handler);
void *bcp_malloc(size_t size);
void bcp_free(void *p);

/* ------------------------------------------------------------- diagnostics */

typedef enum bcp_severity { BCP_SEV_INFO, BCP_SEV_WARNING, BCP_SEV_ERROR } bcp_severity;

#ifdef __cplusplus
}
#endif
#endif
