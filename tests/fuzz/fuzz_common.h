/* Shared by the libFuzzer targets of tests/fuzz/: a workspace that serves
 * the fuzz input from memory (nothing else exists: imports are not found,
 * the disk is never read), and the checks every target makes.  Each target
 * defines LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer by
 * tools/fuzz.sh, and with gcc and tests/fuzz/replay_main.c by the Makefile
 * (the replay of tests/fuzz/crashes/ in make test). */
#ifndef BCP_FUZZ_COMMON_H
#define BCP_FUZZ_COMMON_H
#include <stddef.h>
#include <stdint.h>

#include "bcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The folder the inputs live in: one that does not exist on disk. */
#define FUZZ_DIR "/nonexistent-bcp-fuzz"
/* The day every target lints and renders as of (deterministic findings). */
#define FUZZ_TODAY "2026-11-27"

/* A workspace whose file provider finds nothing. */
bcp_workspace *fuzz_workspace(void);
/* Opens `data` as the document `path` in `ws` and loads its plan; never NULL. */
bcp_plan *fuzz_load(bcp_workspace *ws, const char *path, const uint8_t *data, size_t size);
/* Every located diagnostic points into its file; every field a report
 * needs is there; every report format renders, and the JSON and SARIF
 * reports parse as JSON with the required fields. */
void fuzz_check_diagnostics(const bcp_plan *plan, const bcp_diagnostics *set);
/* The findings as sorted lines "CODE kind.id" (the top-level entity at the
 * finding, "-" when none): what a layout change must not alter.  bcp_free. */
char *fuzz_finding_keys(const bcp_plan *plan, const bcp_diagnostics *set);
/* Lints `plan` with every rule, no configuration file, as of FUZZ_TODAY. */
bcp_diagnostics *fuzz_lint(const bcp_plan *plan);
/* The faces' targets (fuzz_service.c, fuzz_mcp.c, fuzz_lsp.c, fuzz_serve.c):
 * a temporary folder, made once per process and removed at exit, holding
 * plan.bcp (a copy of FUZZ_PLAN, examples/minimal.bcp, set by the Makefile)
 * and sub/other.bcp: the root the servers are scoped to. */
const char *fuzz_root(void);
/* `text` (`length` bytes) parses as one JSON value, an object when
 * `object`; else a failure of `target`. */
void fuzz_check_json(const char *target, const char *text, size_t length, int object, const char *what);
/* `text` is one JSON-RPC 2.0 message: an object with "jsonrpc": "2.0" and
 * a result, an error or a method. */
void fuzz_check_jsonrpc(const char *target, const char *text, size_t length);

/* Reports a broken invariant on stderr and aborts (a crash for libFuzzer). */
_Noreturn void fuzz_fail(const char *target, const char *fmt, ...);

#endif
