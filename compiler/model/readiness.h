/* The readiness score (docs/readiness.md), computed in this one place from
 * the plan's derived facts (derive.h) and the accepted deviations that the
 * lint run found (handed in by the caller: the model layer cannot lint). */
#ifndef BCP_READINESS_H
#define BCP_READINESS_H
#include <stddef.h>
#include <stdint.h>

#include "bcp.h"
#include "model.h"

/* The weights of the areas, in bcp_readiness_area order; they sum to 100. */
extern const int bcp_readiness_weights[BCP_READY_AREA_COUNT];

/* Fills *out (free with bcp_readiness_free) for the plan on `today` (days
 * since 1970-01-01).  `deviations` are what each accepted deviation is about
 * (the entity of its finding, else its `deviation` block, else NULL for the
 * plan), `deviation_count` of them. */
void bcp_readiness_compute(const bcp_model *m, int32_t today, const bcp_entity *const *deviations,
                           size_t deviation_count, bcp_readiness *out);

#endif
