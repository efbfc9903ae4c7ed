/* The readiness score as the API layer gives it: the model's facts
 * (model/readiness.c) with the accepted deviations the lint run finds. */
#ifndef BCP_API_READINESS_H
#define BCP_API_READINESS_H
#include "bcp.h"
#include "model/model.h"
#include "rules/engine.h"

/* The readiness of `m` on `today`, counting `accepted` (NULL: the plan's
 * accepted deviations are found here, as the document finds them). */
void bcp_tools_readiness(bcp_model *m, int32_t today, const bcp_lint_deviation_list *accepted, bcp_readiness *out);
/* The same with the deviations the configuration that `o` finds (config_root
 * bounding the search; NULL: the nearest) accepts. */
void bcp_tools_readiness_within(bcp_model *m, int32_t today, const bcp_check_options *o, bcp_readiness *out);

#endif
