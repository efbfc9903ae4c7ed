/* libFuzzer target "lsp": the language server's message handler
 * (lsp_serve, compiler/lsp/server.c) on a sequence of LSP messages.  First
 * initialize, initialized and a didOpen of ROOT/plan.bcp (fuzz_root: a
 * temporary folder with a plan); then each line of the input is one
 * message body, framed with its Content-Length (didChange with fuzzed
 * edits, requests at fuzzed positions: see the seeds), "%ROOT%" standing
 * for the root's path; an input that starts with a NUL byte is sent
 * unframed instead, to fuzz the headers; last shutdown and exit.  Read from
 * a memory file, debounce 0.  Checks: no crash, leak or sanitizer report;
 * every message the server writes is framed by a right Content-Length and
 * is a JSON-RPC 2.0 object. */
#define _GNU_SOURCE
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz_common.h"
#include "lsp/lsp.h"

static void put(int fd, const char *bytes, size_t length)
{
    if (length && write(fd, bytes, length) != (ssize_t)length)
        fuzz_fail("lsp", "cannot write the memory file");
}

static void frame(int fd, const char *body, size_t length)
{
    char header[64];
    int n = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", length);
    put(fd, header, (size_t)n);
    put(fd, body, length);
}

static void frame_json(int fd, json_t *msg)
{
    char *body = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    frame(fd, body, strlen(body));
    free(body);
}

/* A line with every "%ROOT%" replaced by the root's path. */
static void frame_line(int fd, const char *line, size_t length, const char *root)
{
    static const char token[] = "%ROOT%";
    size_t rl = strlen(root), cap = length + 1, n = 0;
    for (size_t i = 0; i + 6 <= length; i++)
        if (memcmp(line + i, token, 6) == 0)
            cap += rl;
    char *body = malloc(cap);
    for (size_t i = 0; i < length;) {
        if (i + 6 <= length && memcmp(line + i, token, 6) == 0) {
            memcpy(body + n, root, rl);
            n += rl;
            i += 6;
        } else {
            body[n++] = line[i++];
        }
    }
    frame(fd, body, n);
    free(body);
}

static char *plan_text(const char *root)
{
    char path[256];
    snprintf(path, sizeof path, "%s/plan.bcp", root);
    FILE *f = fopen(path, "rb");
    if (!f)
        fuzz_fail("lsp", "cannot read %s", path);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static void check_output(const char *out, size_t out_len)
{
    const char *p = out, *end = out + out_len;
    while (p < end) {
        size_t length = 0;
        int used = 0;
        if (sscanf(p, "Content-Length: %zu\r\n\r\n%n", &length, &used) != 1 || used == 0 ||
            length > (size_t)(end - p - used))
            fuzz_fail("lsp", "a message badly framed: %.200s", p);
        p += used;
        fuzz_check_jsonrpc("lsp", p, length);
        p += length;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *root = fuzz_root();
    char uri[256], root_uri[256];
    snprintf(uri, sizeof uri, "file://%s/plan.bcp", root);
    snprintf(root_uri, sizeof root_uri, "file://%s", root);
    int fd = memfd_create("bcp-fuzz-lsp", 0);
    if (fd < 0)
        fuzz_fail("lsp", "memfd_create failed");
    frame_json(fd, json_pack("{s:s,s:i,s:s,s:{s:i,s:s,s:{}}}", "jsonrpc", "2.0", "id", 0, "method", "initialize",
                             "params", "processId", 1, "rootUri", root_uri, "capabilities"));
    frame_json(fd, json_pack("{s:s,s:s,s:{}}", "jsonrpc", "2.0", "method", "initialized", "params"));
    frame_json(fd, json_pack("{s:s,s:s,s:{s:{s:s,s:s,s:i,s:s}}}", "jsonrpc", "2.0", "method",
                             "textDocument/didOpen", "params", "textDocument", "uri", uri, "languageId", "bcp",
                             "version", 1, "text", plan_text(root)));
    const char *text = (const char *)data;
    if (size && text[0] == '\0') {
        put(fd, text + 1, size - 1);
        put(fd, "\r\n\r\n", 4);   /* ends a header left open */
    } else {
        for (size_t i = 0; i < size;) {
            const char *nl = memchr(text + i, '\n', size - i);
            size_t length = nl ? (size_t)(nl - (text + i)) : size - i;
            if (length)
                frame_line(fd, text + i, length, root);
            i += length + 1;
        }
    }
    frame_json(fd, json_pack("{s:s,s:i,s:s}", "jsonrpc", "2.0", "id", 999999, "method", "shutdown"));
    frame_json(fd, json_pack("{s:s,s:s}", "jsonrpc", "2.0", "method", "exit"));
    if (lseek(fd, 0, SEEK_SET) != 0)
        fuzz_fail("lsp", "lseek failed");
    char *out = NULL;
    size_t out_len = 0;
    FILE *f = open_memstream(&out, &out_len);
    lsp_options o = {.debounce_ms = 0, .today = FUZZ_TODAY};
    lsp_serve(fd, f, &o);
    fclose(f);
    close(fd);
    if (getenv("FUZZ_ECHO"))   /* to see what the server answered */
        fwrite(out, 1, out_len, stderr);
    check_output(out, out_len);
    free(out);
    return 0;
}
