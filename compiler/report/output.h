/* The report layer's shared pieces: reports of a bcp_diagnostics set are
 * rendered into buffers (output.c: text, gcc, github; output_json.c: JSON
 * and SARIF), never written to a stream. */
#ifndef BCP_OUTPUT_H
#define BCP_OUTPUT_H
#include "bcp.h"
#include "base/buf.h"

/* Where SARIF's helpUri points; docs/rules/<CODE>.md of the repository. */
#define BCP_RULE_DOCS_URL "https://bcp.invalid/docs/rules/"
/* Version of the JSON output; bumped on incompatible changes. */
#define BCP_JSON_VERSION 1

/* A location's end column, at least one past its start on a one-line span
 * (what every machine-readable format reports). */
uint32_t bcp_report_end_column(const bcp_location *loc);

/* JSON and SARIF documents of items [from, to) of the set (output_json.c). */
void bcp_report_json(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to);
void bcp_report_sarif(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to);

#endif
