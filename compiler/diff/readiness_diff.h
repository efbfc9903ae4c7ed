/* How a change moves the readiness score (docs/diff.md, "Readiness"). */
#ifndef BCP_READINESS_DIFF_H
#define BCP_READINESS_DIFF_H
#include <jansson.h>
#include <stdbool.h>

#include "base/buf.h"
#include "bcp.h"

/* Appends the total and every area whose score moved, old → new, as text or
 * Markdown; nothing when no score moved.  True when something was written. */
bool bcp_readiness_diff_render(bcp_buf *out, const bcp_readiness *old_r, const bcp_readiness *new_r, bool markdown);
/* The same as JSON: {"old", "new", "areas": [{"area", "old", "new"}]} (an
 * area's score null where it is not scored), or NULL when no score moved. */
json_t *bcp_readiness_diff_json(const bcp_readiness *old_r, const bcp_readiness *new_r);

#endif
