/* bcp_format_text / bcp_format_file: the canonical layout of a plan, checked
 * to mean what the original means before anyone may write it. */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/source.h"
#include "fmt/format.h"
#include "tools.h"
#include "tools_lint.h"

static bcp_status format_source(const bcp_source *src, const char *name, char **formatted, size_t *formatted_length,
                                bool *changed, bcp_diagnostics **problems)
{
    bcp_diag_list diags = {0};
    size_t len = 0;
    char *text = bcp_format_source(src, &diags, &len);
    bcp_diagnostics *set = bcp_tools_set_from(text ? NULL : &diags, BCP_SEV_INFO);
    bcp_diag_list_free(&diags);
    bcp_status status = BCP_OK;
    const char *why = NULL;
    if (!text) {
        status = BCP_ERR_PLAN;
    } else if (!bcp_format_verify(name, src->text, src->length, text, len, &why)) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s", why ? why : "the result means something else");
        status = BCP_ERR_INVALID;
    }
    if (status == BCP_OK) {
        if (changed)
            *changed = len != src->length || memcmp(text, src->text, len) != 0;
        *formatted = text; /* bcp_buf_take's string: the caller's as it is */
        text = NULL;
        if (formatted_length)
            *formatted_length = len;
    } else {
        *formatted = NULL;
        if (formatted_length)
            *formatted_length = 0;
    }
    bcp_free(text);
    bcp_tools_give(problems, set);
    return status;
}

bcp_status bcp_format_text(const char *path, const char *text, size_t length, char **formatted,
                           size_t *formatted_length, bool *changed, bcp_diagnostics **problems)
{
    const char *name = path ? path : "<text>";
    bcp_source *src = bcp_source_from_memory(name, text, length, true);
    bcp_status status = format_source(src, name, formatted, formatted_length, changed, problems);
    bcp_source_free(src);
    return status;
}

bcp_status bcp_format_file(const char *path, char **formatted, size_t *formatted_length, char **original,
                           size_t *original_length, bool *changed, bcp_diagnostics **problems)
{
    const char *err = NULL;
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    bcp_tools_config_limits(NULL, path);
    bcp_source *src = bcp_source_read(path, &err);
    if (original)
        *original = NULL;
    if (!src) {
        *formatted = NULL;
        bcp_diagnostics *set = bcp_diagnostics_new();
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "%s: %s", name, err ? err : "cannot read");
        bcp_tools_give(problems, set);
        return BCP_ERR_IO;
    }
    bcp_status status = format_source(src, name, formatted, formatted_length, changed, problems);
    if (original) {
        *original = bcp_malloc(src->length + 1);
        memcpy(*original, src->text, src->length);
        (*original)[src->length] = '\0';
        if (original_length)
            *original_length = src->length;
    }
    bcp_source_free(src);
    return status;
}
