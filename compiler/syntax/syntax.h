/* Source -> tree-sitter concrete syntax tree, and the syntax errors in it. */
#ifndef BCP_SYNTAX_H
#define BCP_SYNTAX_H
#include <stdio.h>
#include <tree_sitter/api.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/source.h"
#include "base/workers.h"

/* bcp's language: the grammar generated from grammar/grammar.js
 * (grammar/src/parser.c). */
const TSLanguage *tree_sitter_bcp(void);

/* Node symbols of the grammar, looked up once by name. */
typedef struct bcp_symbols {
    TSSymbol source_file, comment, use_statement, block, block_body, attribute, list,
        reference, string, multiline_string, integer, duration, date, boolean, identifier,
        string_content, escape_sequence;
    TSFieldId field_kind, field_name, field_body, field_key, field_value, field_path;
} bcp_symbols;
const bcp_symbols *bcp_syntax_symbols(void);

/* Every parse goes through the pre-scan (prescan.h): a refused text is
 * parsed as empty text, and bcp_syntax_report_errors reports the refusal. */
TSTree *bcp_syntax_parse(const bcp_source *src);
/* serve13b: ts_parser_parse_string under the current call's cancel flag
 * (base/call.h); a cancelled parse gives the tree of empty text. */
TSTree *bcp_syntax_parse_string(TSParser *parser, const TSTree *old, const char *text, uint32_t length);
/* With a parser of the caller's (`old` for an incremental parse). */
TSTree *bcp_syntax_parse_text(TSParser *parser, const TSTree *old, const char *text, uint32_t length);
/* The same, telling in *prescan_ok whether the pre-scan passed (a refused
 * text is parsed as empty text), so that the caller need not scan again. */
TSTree *bcp_syntax_parse_text_scanned(TSParser *parser, const TSTree *old, const char *text, uint32_t length,
                                      bool *prescan_ok);
/* The pre-scan of a source, remembered once it passes. */
bool bcp_syntax_prescan(const bcp_source *src);
/* Adds one diagnostic per ERROR and MISSING node; returns how many. */
size_t bcp_syntax_report_errors(const bcp_source *src, TSTree *tree, bcp_diag_list *diags);
/* With syntax errors, drops the model's diagnostics that echo them: all of
 * a file with syntax errors (what the model makes of text the parser had to
 * guess at: one missing `}` nests every later entity), and undefined or
 * wrong-kind references anywhere (they may point into that text).  Errors
 * about files (E100, E111-E113) always stand. */
void bcp_syntax_fold_echoes(bcp_diag_list *diags);
bcp_span bcp_node_span(const bcp_source *src, TSNode node);
/* Prints the tree as an S-expression with field names, one node per line. */
void bcp_syntax_print_sexp(bcp_buf *out, const bcp_source *src, TSTree *tree);

/* Parsing on the worker threads (base/workers.h): each task has its own
 * TSParser (a parser is not thread-safe; the language tables are shared). */
typedef struct bcp_parse_task {
    const char *text;     /* the whole source; with `ranged`, only `range` is parsed */
    uint32_t length;
    bool ranged;
    TSRange range;
    bool prescanned;      /* the caller ran bcp_syntax_prescan on the text */
    TSTree *tree;         /* the result, owned by the caller */
} bcp_parse_task;

void bcp_parse_tasks(bcp_parse_task *tasks, size_t count);

#endif
