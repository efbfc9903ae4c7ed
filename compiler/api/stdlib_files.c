/* The files of the built-in standard library, listed (bcp_stdlib_file_count,
 * bcp_stdlib_file_path): what bcp mcp offers as resources, beside
 * bcp_stdlib_text, which gives each one's text. */
#include "api_internal.h"

#include "model/modules.h"

size_t bcp_stdlib_file_count(void)
{
    return bcp_embedded_stdlib_count;
}

const char *bcp_stdlib_file_path(size_t i)
{
    return i < bcp_embedded_stdlib_count ? bcp_embedded_stdlib[i].path : NULL;
}
