/* What the status codes of the public API say, in words. */
#include "bcp.h"

const char *bcp_status_string(bcp_status status)
{
    switch (status) {
    case BCP_OK: return "ok";
    case BCP_ERR_IO: return "input/output error";
    case BCP_ERR_NOT_FOUND: return "not found";
    case BCP_ERR_INVALID: return "invalid argument";
    case BCP_ERR_PLAN: return "the plan has errors";
    case BCP_ERR_CANCELLED: return "cancelled";
    }
    return "unknown status";
}
