/* bcp schema: the language reference, generated from the one schema table so
 * that docs/language.md cannot drift from what the compiler accepts; with
 * --regions, the places of the stdlib's region data (docs/regions.md). */
#include <string.h>

#include "cli.h"

int bcp_cmd_schema(int argc, char **argv)
{
    bool regions = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--regions") == 0)
            regions = true;
        else if (strcmp(argv[i], "--markdown") != 0)
            return bcp_usage_error("schema", "unknown option '%s'", argv[i]);
    }
    size_t length;
    char *reference = regions ? bcp_regions_reference(&length) : bcp_schema_reference(&length);
    fwrite(reference, 1, length, stdout);
    bcp_free(reference);
    return BCP_EXIT_OK;
}
