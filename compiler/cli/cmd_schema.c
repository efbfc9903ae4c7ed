/* bcp schema: the language reference, generated from the one schema table so
 * that docs/language.md cannot drift from what the compiler accepts. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_schema(int argc, char **argv)
{
    bool regimes = false;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--regimes") == 0)
            regimes = true;
        else if (strcmp(argv[i], "--markdown") != 0)
            return bcp_usage_error("schema", "unknown option '%s'", argv[i]);
    size_t length;
    char *reference = regimes ? bcp_regimes_reference(NULL, &length) : bcp_schema_reference(&length);
    if (!reference) {
        fprintf(stderr, "bcp: cannot load the standard library's regimes\n");
        return BCP_EXIT_ERROR;
    }
    fwrite(reference, 1, length, stdout);
    bcp_free(reference);
    return BCP_EXIT_OK;
}
