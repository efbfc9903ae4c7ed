/* bcp schema: the language reference, generated from the one schema table so
 * that docs/language.md cannot drift from what the compiler accepts; with
 * --regimes, the element tables of the stdlib's regulatory regimes
 * (docs/regimes.md); with --regions, the places of the stdlib's region data
 * (docs/regions.md). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int bcp_cmd_schema(int argc, char **argv)
{
    bool regimes = false, regions = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--regimes") == 0)
            regimes = true;
        else if (strcmp(argv[i], "--regions") == 0)
            regions = true;
        else if (strcmp(argv[i], "--markdown") != 0)
            return bcp_usage_error("schema", "unknown option '%s'", argv[i]);
    }
    if (regimes && regions)
        return bcp_usage_error("schema", "--regimes and --regions print different pages: choose one");
    size_t length;
    char *reference = regimes   ? bcp_regimes_reference(NULL, &length)
                      : regions ? bcp_regions_reference(&length)
                                : bcp_schema_reference(&length);
    if (!reference) {
        fprintf(stderr, "bcp: cannot load the standard library's %s\n", regimes ? "regimes" : "regions");
        return BCP_EXIT_ERROR;
    }
    fwrite(reference, 1, length, stdout);
    bcp_free(reference);
    return BCP_EXIT_OK;
}
