/* Where the unit tests put their temporary files: under $TMPDIR (else /tmp).
 * make test gives each run a folder of its own as TMPDIR and fails when
 * anything is left in it (tools/test-tmpdir.sh), so a test that forgets to
 * clean up is found. */
#ifndef BCP_TEST_TMP_H
#define BCP_TEST_TMP_H
#include <stdio.h>
#include <stdlib.h>

/* BUF (SIZE bytes) = "$TMPDIR/NAME"; NAME may end in mkstemp's XXXXXX.  A
 * TMPDIR too long for BUF stops the test with a message (a cut path would
 * fail later, less clearly). */
static inline char *test_tmp_path(char *buf, size_t size, const char *name)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    int n = snprintf(buf, size, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= size) {
        fprintf(stderr, "test_tmp_path: TMPDIR %s is too long for a %zu-byte path\n", dir, size);
        abort();
    }
    return buf;
}
#endif
