/* perf7: libmicrohttpd loaded at first use (mhd_lazy.h says why).  One
 * dlopen, under pthread_once (the request pool's threads may be first);
 * the library stays loaded until the process ends. */
#define _POSIX_C_SOURCE 200809L
#include "mhd_lazy.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

/* The soname bcp was built against (the Makefile reads it from the library). */
#ifndef BCP_MHD_SONAME
#define BCP_MHD_SONAME "libmicrohttpd.so.12"
#endif

static struct {
    struct MHD_Daemon *(*start_daemon_va)(unsigned int, uint16_t, MHD_AcceptPolicyCallback, void *,
                                          MHD_AccessHandlerCallback, void *, va_list);
    void (*stop_daemon)(struct MHD_Daemon *);
    const union MHD_DaemonInfo *(*get_daemon_info)(struct MHD_Daemon *, enum MHD_DaemonInfoType, ...);
    struct MHD_Response *(*create_response_from_buffer)(size_t, void *, enum MHD_ResponseMemoryMode);
    struct MHD_Response *(*create_response_from_callback)(uint64_t, size_t, MHD_ContentReaderCallback, void *,
                                                          MHD_ContentReaderFreeCallback);
    enum MHD_Result (*add_response_header)(struct MHD_Response *, const char *, const char *);
    enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned int, struct MHD_Response *);
    void (*destroy_response)(struct MHD_Response *);
    const char *(*lookup_connection_value)(struct MHD_Connection *, enum MHD_ValueKind, const char *);
} mhd;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_error[512];

/* dlsym into a function pointer (POSIX's way: through its object representation). */
#define BIND(field, name)                                                                            \
    do {                                                                                             \
        void *sym = dlsym(lib, name);                                                                \
        if (!sym) {                                                                                  \
            snprintf(load_error, sizeof load_error, "%s lacks %s (bcp was built for %s)", BCP_MHD_SONAME, \
                     name, BCP_MHD_SONAME);                                                          \
            return;                                                                                  \
        }                                                                                            \
        *(void **)&mhd.field = sym;                                                                  \
    } while (0)

static void load(void)
{
    void *lib = dlopen(BCP_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "cannot load %s (bcp serve needs libmicrohttpd): %s", BCP_MHD_SONAME,
                 why ? why : "not found");
        return;
    }
    BIND(start_daemon_va, "MHD_start_daemon_va");
    BIND(stop_daemon, "MHD_stop_daemon");
    BIND(get_daemon_info, "MHD_get_daemon_info");
    BIND(create_response_from_buffer, "MHD_create_response_from_buffer");
    BIND(create_response_from_callback, "MHD_create_response_from_callback");
    BIND(add_response_header, "MHD_add_response_header");
    BIND(queue_response, "MHD_queue_response");
    BIND(destroy_response, "MHD_destroy_response");
    BIND(lookup_connection_value, "MHD_lookup_connection_value");
}

const char *bcp_mhd_load_error(void)
{
    pthread_once(&once, load);
    return load_error[0] ? load_error : NULL;
}

struct MHD_Daemon *bcp_mhd_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
                                        void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
    const char *why = bcp_mhd_load_error();
    if (why) {
        fprintf(stderr, "bcp serve: %s\n", why);
        errno = ENOENT;
        return NULL;
    }
    va_list ap;
    va_start(ap, dh_cls);
    struct MHD_Daemon *d = mhd.start_daemon_va(flags, port, apc, apc_cls, dh, dh_cls, ap);
    va_end(ap);
    return d;
}

void bcp_mhd_stop_daemon(struct MHD_Daemon *daemon)
{
    if (!bcp_mhd_load_error())
        mhd.stop_daemon(daemon);
}

const union MHD_DaemonInfo *bcp_mhd_get_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type,
                                                    ...)
{
    return bcp_mhd_load_error() ? NULL : mhd.get_daemon_info(daemon, info_type);
}

struct MHD_Response *bcp_mhd_create_response_from_buffer(size_t size, void *buffer, enum MHD_ResponseMemoryMode mode)
{
    return bcp_mhd_load_error() ? NULL : mhd.create_response_from_buffer(size, buffer, mode);
}

struct MHD_Response *bcp_mhd_create_response_from_callback(uint64_t size, size_t block_size,
                                                           MHD_ContentReaderCallback crc, void *crc_cls,
                                                           MHD_ContentReaderFreeCallback crfc)
{
    return bcp_mhd_load_error() ? NULL : mhd.create_response_from_callback(size, block_size, crc, crc_cls, crfc);
}

enum MHD_Result bcp_mhd_add_response_header(struct MHD_Response *response, const char *header, const char *content)
{
    return bcp_mhd_load_error() ? MHD_NO : mhd.add_response_header(response, header, content);
}

enum MHD_Result bcp_mhd_queue_response(struct MHD_Connection *connection, unsigned int status_code,
                                       struct MHD_Response *response)
{
    return bcp_mhd_load_error() ? MHD_NO : mhd.queue_response(connection, status_code, response);
}

void bcp_mhd_destroy_response(struct MHD_Response *response)
{
    if (!bcp_mhd_load_error())
        mhd.destroy_response(response);
}

const char *bcp_mhd_lookup_connection_value(struct MHD_Connection *connection, enum MHD_ValueKind kind,
                                            const char *key)
{
    return bcp_mhd_load_error() ? NULL : mhd.lookup_connection_value(connection, kind, key);
}
