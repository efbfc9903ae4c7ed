/* A canonical text of what a plan means: every entity the user's sources
 * define, with its attributes and typed values, independent of layout,
 * comments, file paths and positions.  Two plans mean the same when their
 * dumps are equal; `bcp fmt` checks its output this way and `bcp diff`
 * prints values in the same notation. */
#ifndef BCP_MODEL_DUMP_H
#define BCP_MODEL_DUMP_H
#include <stdbool.h>
#include <stddef.h>
#include "base/buf.h"
#include "model.h"

/* Writes one value: strings quoted with escapes, durations in their largest
 * exact unit, dates as YYYY-MM-DD, lists as [a, b]. */
void bcp_value_write(bcp_buf *out, const bcp_value *v);
/* The same as a string allocated with bcp_malloc (freed with bcp_free). */
char *bcp_value_string(const bcp_value *v);
/* Typed equality: 24h equals 1d, "a" equals """a""". */
bool bcp_value_equal(const bcp_value *a, const bcp_value *b);

/* Writes every entity defined outside the stdlib, by kind (schema order) then
 * in load order, nested blocks under their parent.  When `only` is not NULL,
 * only the entities whose block lies in that source. */
void bcp_model_dump(bcp_buf *out, const bcp_model *model, const bcp_source *only);
/* The dump as a NUL-terminated string allocated with bcp_malloc. */
char *bcp_model_dump_string(const bcp_model *model, const bcp_source *only, size_t *length);

#endif
