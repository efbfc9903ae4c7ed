/* The replay driver: a main() that feeds each file named on the command
 * line to the target's LLVMFuzzerTestOneInput, as libFuzzer would.  Built
 * with gcc by the Makefile (release, or under ASan+UBSan in the asan
 * flavour) so that make test replays tests/fuzz/crashes/ without clang.
 * Exit 0 when every file ran; 2 when a file could not be read; a broken
 * invariant or a sanitizer report aborts. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, len = 0;
    unsigned char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            unsigned char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = len;
    return buf;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        size_t size = 0;
        unsigned char *data = slurp(argv[i], &size);
        if (!data) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        fprintf(stderr, "replay: %s (%zu bytes)\n", argv[i], size);
        LLVMFuzzerTestOneInput(data, size);
        free(data);
    }
    return 0;
}
