/* The input limits of base/limits.h, through the public API. */
#include "bcp.h"

#include "base/limits.h"

bcp_status bcp_limit_set(const char *name, uint64_t value)
{
    bcp_limit_id id = name ? bcp_limit_find(name) : BCP_LIMIT_COUNT;
    if (id == BCP_LIMIT_COUNT)
        return BCP_ERR_NOT_FOUND;
    return bcp_limit_store(id, value) ? BCP_OK : BCP_ERR_INVALID;
}

uint64_t bcp_limit_get(const char *name)
{
    bcp_limit_id id = name ? bcp_limit_find(name) : BCP_LIMIT_COUNT;
    return id == BCP_LIMIT_COUNT ? 0 : bcp_limit(id);
}

uint64_t bcp_limit_max(const char *name)
{
    bcp_limit_id id = name ? bcp_limit_find(name) : BCP_LIMIT_COUNT;
    return id == BCP_LIMIT_COUNT ? 0 : bcp_limit_info_at(id)->maximum;
}

bool bcp_limit_parse(const char *text, uint64_t *value) { return bcp_limit_parse_value(text, value); }
