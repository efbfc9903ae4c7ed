/* The readiness score (docs/readiness.md), computed in this one place from
 * the plan's derived facts (derive.h) and the accepted deviations that the
 * lint run found (handed in by the caller: the model layer cannot lint). */
#ifndef BCP_READINESS_H
#define BCP_READINESS_H
#include <stddef.h>
#include <stdint.h>

#include "bcp.h"
#include "derive.h"
#include "model.h"

/* The weights of the areas, in bcp_readiness_area order; they sum to 100. */
extern const int bcp_readiness_weights[BCP_READY_AREA_COUNT];

/* The windows of the lint profile the score judges by: how old the newest
 * exercise of a critical function (function_exercise_max_age) and restore
 * test of a backup (restore_test_max_age) may be. */
typedef struct bcp_readiness_windows {
    bcp_interval exercise, restore_test;
} bcp_readiness_windows;
/* Those of profile `name` of the model (NULL: "default"); a value the
 * profile lacks is the default profile's, else 12 months. */
bcp_readiness_windows bcp_readiness_profile_windows(const bcp_model *m, const char *name);

/* Fills *out (free with bcp_readiness_free) for the plan on `today` (days
 * since 1970-01-01) by the windows `w` (NULL: the default profile's).
 * `deviations` are what each accepted deviation is about (the entity of its
 * finding, else its `deviation` block, else NULL for the plan),
 * `deviation_count` of them. */
void bcp_readiness_compute(const bcp_model *m, int32_t today, const bcp_readiness_windows *w,
                           const bcp_entity *const *deviations, size_t deviation_count, bcp_readiness *out);

#endif
