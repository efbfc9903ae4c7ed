/* libFuzzer target "mcp": the MCP server's message handler (mcp_serve,
 * compiler/mcp/server.c) on a sequence of JSON-RPC lines: an initialize
 * request and the initialized notification first, then the input's lines
 * as the client's messages (tools/call with fuzzed arguments, resources,
 * prompts, anything), read from a memory file; the root is a temporary
 * folder holding a plan (fuzz_root), without --allow-write.  Checks: no
 * crash, leak or sanitizer report; the server ends at end of input with
 * status 0; every line it writes is one JSON-RPC 2.0 object. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "mcp/mcp.h"

static const char prefix[] =
    "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
    "\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}\n"
    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int fd = memfd_create("bcp-fuzz-mcp", 0);
    if (fd < 0)
        fuzz_fail("mcp", "memfd_create failed");
    if (write(fd, prefix, sizeof prefix - 1) != (ssize_t)(sizeof prefix - 1) ||
        (size && write(fd, data, size) != (ssize_t)size) || lseek(fd, 0, SEEK_SET) != 0)
        fuzz_fail("mcp", "cannot write the memory file");
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    mcp_options o = {.root = fuzz_root(), .today = FUZZ_TODAY, .max_bytes = 1 << 20};
    int status = mcp_serve(fd, f, &o);
    fclose(f);
    close(fd);
    if (getenv("FUZZ_ECHO"))   /* to see what the server answered */
        fwrite(out, 1, out_len, stderr);
    if (status != 0)
        fuzz_fail("mcp", "mcp_serve ended with status %d", status);
    for (char *line = out, *end = out + out_len; line < end;) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl)
            fuzz_fail("mcp", "the last message is not ended by a newline: %.300s", line);
        fuzz_check_jsonrpc("mcp", line, (size_t)(nl - line));
        line = nl + 1;
    }
    free(out);
    return 0;
}
