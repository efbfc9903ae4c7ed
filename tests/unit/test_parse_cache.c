/* serve13b (issue 13): the parse cache of imported modules
 * (model/parse_cache.h), which a service keeps between calls.  A second
 * load of the same plan parses none of its imports again and gives the same
 * model; an import whose text changed is parsed again (never a stale tree);
 * the bounds hold; a call without a cache uses none; serve13c: a kept text
 * is pre-scanned again under lower limits than it passed under. */
#define _DEFAULT_SOURCE
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"

#include "base/alloc.h"
#include "base/call.h"
#include "base/limits.h"
#include "model/model_dump.h"
#include "model/parse_cache.h"
#include "test_tmp.h"

static char dir[256];

static void put(const char *name, const char *text)
{
    write_test_file(dir, name, text);
}

static int setup(void **state)
{
    (void)state;
    test_tmp_path(dir, sizeof dir, "bcp-parse-cache-XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("plan.bcp", "plan acme {\n  title = \"Acme\"\n  owner = contact.a\n}\n"
                    "use \"./a.bcp\"\nuse \"./b.bcp\"\nuse \"./c.bcp\"\n");
    put("a.bcp", "contact a {\n  name = \"Ann\"\n  role = \"Director\"\n}\n");
    put("b.bcp", "contact b {\n  name = \"Bob\"\n  role = \"Deputy\"\n}\n");
    put("c.bcp", "site hq {\n  title = \"Head office\"\n}\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

/* `file` of the folder loaded in a call with `cache` (and, unless 0, a
 * configured nesting limit). */
static bcp_model *load_in_call(bcp_parse_cache *cache, const char *file, uint64_t nesting)
{
    bcp_call_state call = {.parse_cache = cache};
    call.configured[BCP_LIMIT_NESTING] = nesting;
    bcp_call_state *outer = bcp_call_begin(&call);
    char path[400];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    bcp_model *m = bcp_model_load(path, NULL);
    bcp_call_end(outer);
    assert_non_null(m);
    return m;
}

/* The plan loaded under `cache`; its dump (bcp_free). */
static char *load_dump(bcp_parse_cache *cache, const char *contact, const char *name)
{
    bcp_model *m = load_in_call(cache, "plan.bcp", 0);
    const bcp_entity *e = bcp_model_find(m, BCP_KIND_CONTACT, contact);
    assert_non_null(e);
    assert_string_equal(bcp_entity_text(e, "name"), name);
    char *dump = bcp_model_dump_string(m, NULL, NULL);
    bcp_model_free(m);
    return dump;
}

static void counts(bcp_parse_cache *cache, size_t hits, size_t misses)
{
    size_t h, mi;
    bcp_parse_cache_counts(cache, &h, &mi);
    assert_int_equal(h, hits);
    assert_int_equal(mi, misses);
}

static void test_reuse_and_change(void **state)
{
    (void)state;
    bcp_parse_cache *cache = bcp_parse_cache_new(16, 1 << 20);
    char *first = load_dump(cache, "b", "Bob");
    counts(cache, 0, 3);
    char *again = load_dump(cache, "b", "Bob");
    counts(cache, 3, 3);                    /* no import parsed again */
    assert_string_equal(first, again);      /* and the same model */
    bcp_free(again);

    put("b.bcp", "contact b {\n  name = \"Bea\"\n  role = \"Deputy\"\n}\n");
    char *changed = load_dump(cache, "b", "Bea");   /* the new text, not the kept tree */
    counts(cache, 5, 4);
    char *changed_again = load_dump(cache, "b", "Bea");
    counts(cache, 8, 4);
    assert_string_equal(changed, changed_again);
    bcp_free(changed_again);

    /* without a cache: the same model as with one */
    char *plain = load_dump(NULL, "b", "Bea");
    assert_string_equal(plain, changed);
    bcp_free(plain);
    bcp_free(changed);
    bcp_free(first);
    put("b.bcp", "contact b {\n  name = \"Bob\"\n  role = \"Deputy\"\n}\n");
    bcp_parse_cache_free(cache);
}

static void test_bounds(void **state)
{
    (void)state;
    /* one entry: each module pushes the last one out (the imports are
     * looked up together, then parsed: only the last one kept is found) */
    bcp_parse_cache *one = bcp_parse_cache_new(1, 1 << 20);
    bcp_free(load_dump(one, "a", "Ann"));
    bcp_free(load_dump(one, "a", "Ann"));
    counts(one, 1, 5);
    bcp_parse_cache_free(one);
    /* too few bytes for any module: nothing kept, all still loaded */
    bcp_parse_cache *tiny = bcp_parse_cache_new(16, 8);
    bcp_free(load_dump(tiny, "a", "Ann"));
    bcp_free(load_dump(tiny, "a", "Ann"));
    counts(tiny, 0, 6);
    bcp_parse_cache_free(tiny);
}

/* serve13c: a hit spares the pre-scan only when the call's limits are no
 * lower than those the kept text passed under.  d.bcp opens a second level
 * (`[`); kept under the default limits, it is refused E012 by a call whose
 * configuration says nesting = 1, and read again from the cache after. */
static size_t deep_e012(bcp_parse_cache *cache, uint64_t nesting)
{
    bcp_model *m = load_in_call(cache, "deep.bcp", nesting);
    size_t n = count_code(m, "E012");
    bcp_model_free(m);
    return n;
}

static void test_stricter_call_scans_again(void **state)
{
    (void)state;
    put("deep.bcp", "use \"./d.bcp\"\n");
    put("d.bcp", "site hq {\n  title = \"HQ\"\n  tags = [\"main\"]\n}\n");
    bcp_parse_cache *cache = bcp_parse_cache_new(16, 1 << 20);
    assert_int_equal(deep_e012(cache, 0), 0);
    assert_int_equal(deep_e012(cache, 0), 0);
    counts(cache, 1, 1);
    assert_int_equal(deep_e012(cache, 1), 1);     /* kept, but refused under the lower limit */
    assert_int_equal(deep_e012(cache, 0), 0);
    assert_int_equal(deep_e012(cache, 200), 0);   /* a higher limit: the kept text passes */
    bcp_parse_cache_free(cache);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reuse_and_change),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_stricter_call_scans_again),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
