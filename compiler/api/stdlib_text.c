/* The built-in standard library's text, for editors (bcp_stdlib_text). */
#include "api_internal.h"

#include <string.h>

#include "model/modules.h"

const char *bcp_stdlib_text(const char *path, size_t *length)
{
    if (length)
        *length = 0;
    if (!path)
        return NULL;
    static const char prefix[] = "<stdlib>/";
    if (strncmp(path, prefix, sizeof prefix - 1) == 0)
        path += sizeof prefix - 1;
    for (size_t i = 0; i < bcp_embedded_stdlib_count; i++) {
        if (strcmp(bcp_embedded_stdlib[i].path, path) == 0) {
            if (length)
                *length = bcp_embedded_stdlib[i].length;
            return bcp_embedded_stdlib[i].text;
        }
    }
    return NULL;
}
