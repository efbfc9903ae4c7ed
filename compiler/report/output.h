/* The report layer's shared pieces: reports of a bcp_diagnostics set are
 * rendered into buffers (output.c: text, gcc, github; output_json.c: JSON
 * and SARIF), never written to a stream. */
#ifndef BCP_OUTPUT_H
#define BCP_OUTPUT_H
#include "bcp.h"
#include "base/buf.h"

/* Version of the JSON output; bumped on incompatible changes. */
#define BCP_JSON_VERSION 1

/* A location's end column, at least one past its start on a one-line span
 * (what every machine-readable format reports). */
uint32_t bcp_report_end_column(const bcp_location *loc);

/* Appends s[0..len) with every character a terminal or a CI log would act
 * on (controls, ESC sequences, newlines, CR, bidi and zero-width
 * characters) written as \u{1b}, and every byte that is not UTF-8 as
 * \x{ff}; everything else as it is.  Text, gcc and github reports use it
 * for every value they echo. */
void bcp_report_escape(bcp_buf *out, const char *s, size_t len);

/* JSON and SARIF documents of items [from, to) of the set (output_json.c). */
void bcp_report_json(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to);
/* ==== serve13c part: the JSON document of items [from, to) as a jansson
 * value (a new reference), which bcp_report_json dumps. */
typedef struct json_t json_t;
json_t *bcp_report_json_doc(const bcp_diagnostics *set, size_t from, size_t to);
/* ==== end */
void bcp_report_sarif(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to, const char *docs_url);
/* The helpUri of rule `code` under `docs_url` (see bcp_report_options), into out. */
void bcp_report_docs_uri(bcp_buf *out, const char *docs_url, const char *code);

#endif
