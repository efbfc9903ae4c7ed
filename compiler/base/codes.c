/* The table of codes.def, and lookups in it. */
#include "codes.h"

#include <string.h>

static const bcp_code_info codes[] = {
#define X(code, name, severity, summary, explanation, example) \
    {#code, name, severity, summary, explanation, example},
#include "codes.def"
#undef X
};

size_t bcp_code_count(void)
{
    return sizeof codes / sizeof *codes;
}

const bcp_code_info *bcp_code_at(size_t i)
{
    return i < bcp_code_count() ? &codes[i] : NULL;
}

const bcp_code_info *bcp_code_find(const char *code_or_name)
{
    if (!code_or_name)
        return NULL;
    for (size_t i = 0; i < bcp_code_count(); i++)
        if (strcmp(codes[i].code, code_or_name) == 0 || strcmp(codes[i].name, code_or_name) == 0)
            return &codes[i];
    return NULL;
}
