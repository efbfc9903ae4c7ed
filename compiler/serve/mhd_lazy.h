/* perf7: libmicrohttpd is loaded when bcp serve first needs it (dlopen),
 * not at every start of bcp: it and the GnuTLS it brings cost ~32 ms per
 * process under ASan, and only bcp serve uses them.  Including this header
 * instead of <microhttpd.h> turns the MHD_ calls bcp makes into calls of
 * the loader's wrappers (mhd_lazy.c); the types and constants are the
 * library's own.  When the library cannot be loaded, MHD_start_daemon
 * says so on stderr and returns NULL, and the others return NULL/MHD_NO. */
#ifndef BCP_SERVE_MHD_LAZY_H
#define BCP_SERVE_MHD_LAZY_H

#include <stdint.h>

#include <microhttpd.h>

struct MHD_Daemon *bcp_mhd_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
                                        void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...);
void bcp_mhd_stop_daemon(struct MHD_Daemon *daemon);
/* Only the info types without extra arguments (BIND_PORT and the like). */
const union MHD_DaemonInfo *bcp_mhd_get_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type,
                                                    ...);
struct MHD_Response *bcp_mhd_create_response_from_buffer(size_t size, void *buffer, enum MHD_ResponseMemoryMode mode);
struct MHD_Response *bcp_mhd_create_response_from_callback(uint64_t size, size_t block_size,
                                                           MHD_ContentReaderCallback crc, void *crc_cls,
                                                           MHD_ContentReaderFreeCallback crfc);
enum MHD_Result bcp_mhd_add_response_header(struct MHD_Response *response, const char *header, const char *content);
enum MHD_Result bcp_mhd_queue_response(struct MHD_Connection *connection, unsigned int status_code,
                                       struct MHD_Response *response);
void bcp_mhd_destroy_response(struct MHD_Response *response);
const char *bcp_mhd_lookup_connection_value(struct MHD_Connection *connection, enum MHD_ValueKind kind,
                                            const char *key);
/* NULL when libmicrohttpd is loaded (loading it if need be), else why not. */
const char *bcp_mhd_load_error(void);

#define MHD_start_daemon bcp_mhd_start_daemon
#define MHD_stop_daemon bcp_mhd_stop_daemon
#define MHD_get_daemon_info bcp_mhd_get_daemon_info
#define MHD_create_response_from_buffer bcp_mhd_create_response_from_buffer
#define MHD_create_response_from_callback bcp_mhd_create_response_from_callback
#define MHD_add_response_header bcp_mhd_add_response_header
#define MHD_queue_response bcp_mhd_queue_response
#define MHD_destroy_response bcp_mhd_destroy_response
#define MHD_lookup_connection_value bcp_mhd_lookup_connection_value

#endif
