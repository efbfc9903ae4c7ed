/* Output formats of `bcp check`: findings (lint rules, model and syntax errors)
 * as text for people, gcc-style lines for editors, JSON and SARIF for tools, and
 * GitHub Actions workflow commands for annotations. */
#ifndef BCP_OUTPUT_H
#define BCP_OUTPUT_H
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/diag.h"

/* Where SARIF's helpUri points; docs/rules/<CODE>.md of the repository. */
#define BCP_RULE_DOCS_URL "https://bcp.invalid/docs/rules/"
/* Version of the JSON output; bumped on incompatible changes. */
#define BCP_JSON_VERSION 1

typedef enum bcp_format {
    BCP_FORMAT_TEXT,
    BCP_FORMAT_GCC,
    BCP_FORMAT_JSON,
    BCP_FORMAT_SARIF,
    BCP_FORMAT_GITHUB,
} bcp_format;

bool bcp_format_parse(const char *name, bcp_format *out);

/* A finding detached from its model (which is freed after each unit). */
typedef struct bcp_finding {
    char *file;                      /* NULL when the finding has no location */
    uint32_t line, column;           /* 1-based; column in code points */
    uint32_t end_line, end_column;   /* end of the span, exclusive column */
    bcp_severity severity;
    char *code, *name;               /* may be NULL */
    char *message, *fix;             /* fix may be NULL */
} bcp_finding;

typedef struct bcp_reporter {
    bcp_format format;
    FILE *out;
    bool color;
    bcp_finding *findings;           /* kept for JSON and SARIF */
    size_t count, capacity;
    size_t errors, warnings, infos;
} bcp_reporter;

void bcp_reporter_init(bcp_reporter *r, bcp_format format, FILE *out, bool color);
/* Streams the finding (text, gcc, github) or keeps it for the document. */
void bcp_reporter_add(bcp_reporter *r, const bcp_diag *d);
/* Writes the JSON or SARIF document, or the text summary line. */
void bcp_reporter_finish(bcp_reporter *r);
void bcp_reporter_free(bcp_reporter *r);

/* The end of a span as 1-based line and exclusive code-point column. */
void bcp_span_end(const bcp_span *span, uint32_t *line, uint32_t *column);

/* JSON and SARIF documents (output_json.c). */
void bcp_output_json(FILE *out, const bcp_finding *findings, size_t count);
void bcp_output_sarif(FILE *out, const bcp_finding *findings, size_t count);

#endif
