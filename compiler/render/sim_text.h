/* The ids of the locale texts (stdlib/locale/ * /simulate.bcp) that name a
 * simulation's verdicts and recovery paths in the document. */
#ifndef BCP_RENDER_SIM_TEXT_H
#define BCP_RENDER_SIM_TEXT_H
#include "model/simulate.h"

/* "sim_verdict_within_rto", ... */
const char *bcp_sim_verdict_text_id(bcp_sim_verdict v);
/* "sim_path_alternate_site", ... */
const char *bcp_sim_path_text_id(bcp_sim_path p);

#endif
