/* libFuzzer target "service": the library's service layer, the one the MCP
 * server and bcp serve's /v1/ API stand on.  The input's first line is the
 * operation's name (check, build, format, diff, read, ... or anything), the
 * rest its JSON request; the service is scoped to a temporary root holding
 * a plan (fuzz_root), without allow_write.  Checks: no crash, leak or
 * sanitizer report; every call, good or bad, answers a JSON object and a
 * status the API names; the response's length is its string's. */
#include <string.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bcp_service *svc;
    if (!svc) {
        bcp_service_options o = {.root = fuzz_root(), .today = FUZZ_TODAY, .max_request = 1 << 20};
        svc = bcp_service_new(&o);
        if (!svc)
            fuzz_fail("service", "bcp_service_new on %s", fuzz_root());
    }
    const char *text = (const char *)data, *nl = memchr(text, '\n', size);
    size_t oplen = nl ? (size_t)(nl - text) : size;
    char op[64];
    if (oplen >= sizeof op)
        oplen = sizeof op - 1;
    memcpy(op, text, oplen);
    op[oplen] = '\0';
    const char *request = nl ? nl + 1 : text + size;
    size_t len = size - (size_t)(request - text);
    char *response = NULL;
    size_t response_len = 0;
    bcp_status st = bcp_service_call(svc, op, request, len, &response, &response_len);
    if (st != BCP_OK && st != BCP_ERR_INVALID && st != BCP_ERR_NOT_FOUND && st != BCP_ERR_IO &&
        st != BCP_ERR_PLAN)
        fuzz_fail("service", "%s: a status the API does not name: %s", op, bcp_status_string(st));
    if (!response || strlen(response) != response_len)
        fuzz_fail("service", "%s: no response, or its length is not %zu", op, response_len);
    fuzz_check_json("service", response, response_len, 1, "the response");
    bcp_free(response);
    return 0;
}
