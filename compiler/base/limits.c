/* The input limits table (see limits.h). */
#include "limits.h"

#include "call.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define MIB (UINT64_C(1) << 20)

static const bcp_limit_info table[BCP_LIMIT_COUNT] = {
    [BCP_LIMIT_FILE_SIZE] = {"file-size", 128 * MIB, 2048 * MIB, "bytes",
                             "the size of one file or of standard input"},
    [BCP_LIMIT_NESTING] = {"nesting", 100, 1000, "levels",
                           "blocks `{` and lists `[` open at one point"},
    [BCP_LIMIT_STRING] = {"string-length", 1 * MIB, 64 * MIB, "bytes",
                          "the length of one string literal, quotes included"},
    [BCP_LIMIT_LINE] = {"line-length", 4 * MIB, 2048 * MIB, "bytes", "the length of one line"},
    [BCP_LIMIT_IMPORTS] = {"imports", 10000, 1000000, "files",
                           "the files one check reads: plans and the modules they import"},
    [BCP_LIMIT_FINDINGS] = {"findings", 1000, 10000000, "findings",
                            "the findings `bcp check` lists for one file; one more says how many were left out"},
};

/* The explicit values (the command line, bcp_limit_set): process-wide, set
 * before the first call.  A bcpconfig.bcp's values belong to the call that
 * read it (call.h): two concurrent calls never see each other's. */
static _Atomic uint64_t values[BCP_LIMIT_COUNT];

const bcp_limit_info *bcp_limit_info_at(bcp_limit_id id)
{
    return id < BCP_LIMIT_COUNT ? &table[id] : NULL;
}

bcp_limit_id bcp_limit_find(const char *name)
{
    for (int i = 0; i < BCP_LIMIT_COUNT; i++)
        if (strcmp(table[i].name, name) == 0)
            return (bcp_limit_id)i;
    return BCP_LIMIT_COUNT;
}

uint64_t bcp_limit(bcp_limit_id id)
{
    uint64_t v = atomic_load_explicit(&values[id], memory_order_relaxed);
    if (!v)
        v = bcp_call_current()->configured[id];
    return v ? v : table[id].default_value;
}

uint64_t bcp_limit_for_stdlib(bcp_limit_id id)
{
    uint64_t v = bcp_limit(id);
    return v > table[id].default_value ? v : table[id].default_value;
}

bool bcp_limit_store(bcp_limit_id id, uint64_t value)
{
    if (id >= BCP_LIMIT_COUNT || value == 0 || value > table[id].maximum)
        return false;
    atomic_store_explicit(&values[id], value, memory_order_relaxed);
    return true;
}

bool bcp_limit_store_configured(bcp_limit_id id, uint64_t value)
{
    if (id >= BCP_LIMIT_COUNT || value == 0 || value > table[id].maximum)
        return false;
    bcp_call_current()->configured[id] = value;   /* an explicit value still wins (bcp_limit) */
    return true;
}

void bcp_limits_reset(void)
{
    for (int i = 0; i < BCP_LIMIT_COUNT; i++)
        atomic_store_explicit(&values[i], 0, memory_order_relaxed);
    bcp_limits_clear_configured();
}

void bcp_limits_clear_configured(void)
{
    bcp_call_state *c = bcp_call_current();
    memset(c->configured, 0, sizeof c->configured);
}

bool bcp_limit_parse_value(const char *text, uint64_t *value)
{
    if (!text || *text < '0' || *text > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(text, &end, 10);
    if (errno)
        return false;
    unsigned shift = 0;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'm' || *end == 'M')
        shift = 20;
    else if (*end == 'g' || *end == 'G')
        shift = 30;
    if (shift)
        end++;
    if (*end || n > (UINT64_MAX >> shift))
        return false;
    *value = (uint64_t)n << shift;
    return true;
}
