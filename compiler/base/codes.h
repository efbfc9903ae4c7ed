/* The catalogue of diagnostic codes outside the lint rules (syntax E0xx,
 * model E1xx, configuration E2xx), generated from codes.def.  Call sites
 * report with the enum (bcp_diag_add_code(list, BCP_CODE_E103, ...)), never
 * with a literal code and name. */
#ifndef BCP_CODES_H
#define BCP_CODES_H
#include <stddef.h>

#include "bcp.h"

typedef struct bcp_code_info {
    const char *code;         /* "E103" */
    const char *name;         /* "wrong-type" */
    bcp_severity severity;    /* default severity */
    const char *summary;      /* one line: what it means */
    const char *explanation;  /* paragraphs (Markdown): why, how to fix */
    const char *example;      /* a short .bcp snippet that triggers it, or NULL */
} bcp_code_info;

/* BCP_CODE_E001 ... in code order; the value is the index for bcp_code_at. */
typedef enum bcp_code_id {
#define X(code, name, severity, summary, explanation, example) BCP_CODE_##code,
#include "codes.def"
#undef X
    BCP_CODE_COUNT
} bcp_code_id;

size_t bcp_code_count(void);
const bcp_code_info *bcp_code_at(size_t i);                  /* in code order; NULL past the end */
const bcp_code_info *bcp_code_find(const char *code_or_name); /* NULL if none */

#endif
