/* libFuzzer target "serve": bcp serve's request routing (serve_route,
 * compiler/serve/server.c: the /v1/ JSON API and the live preview), with
 * no daemon and no socket.  The input's first line is "METHOD URL", the
 * rest the request body; the state is scoped to a temporary root holding a
 * plan (fuzz_root).  Checks: no crash, leak or sanitizer report; every
 * reply has an HTTP status (100-599) and a content type, and a JSON one
 * parses. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "serve/serve.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static serve_state *st;
    if (!st) {
        serve_config cfg = {.dir = fuzz_root(), .today = FUZZ_TODAY, .max_request = 1 << 20};
        st = serve_state_new(&cfg);
        if (!st)
            fuzz_fail("serve", "serve_state_new on %s", fuzz_root());
    }
    const char *text = (const char *)data, *nl = memchr(text, '\n', size);
    size_t head = nl ? (size_t)(nl - text) : size;
    char *line = malloc(head + 1);
    memcpy(line, text, head);
    line[head] = '\0';
    /* The daemon hands on GET (HEAD too) or POST, and a URL without NUL. */
    const char *method = strncmp(line, "POST ", 5) == 0 ? "POST" : "GET";
    char *url = strchr(line, ' ');
    url = url ? url + 1 : line;
    const char *body = nl ? nl + 1 : text + size;
    size_t length = size - (size_t)(body - text);
    char *copy = malloc(length + 1);
    memcpy(copy, body, length);
    copy[length] = '\0';
    serve_reply r = {0};
    serve_route(st, method, url, copy, length, &r);
    if (r.status < 100 || r.status > 599)
        fuzz_fail("serve", "%s %s: status %u", method, url, r.status);
    if (!r.type)
        fuzz_fail("serve", "%s %s: no content type", method, url);
    if (r.length && !r.body)
        fuzz_fail("serve", "%s %s: %zu bytes of no body", method, url, r.length);
    if (strncmp(r.type, "application/json", 16) == 0)
        fuzz_check_json("serve", r.body, r.length, 0, "a JSON reply");
    bcp_free(r.body);
    free(copy);
    free(line);
    return 0;
}
