/* Files written whole or not at all.  A regular file is written to a
 * temporary file in its own directory, synced and renamed over the old one,
 * so that a reader (a browser, CI, an editor) sees the old contents or the
 * new, never half of them, and a failed write leaves the old file as it was.
 * Anything else that exists at the path (/dev/null, a FIFO, a terminal) is
 * written directly: a rename would replace the device node itself. */
#ifndef BCP_ATOMIC_FILE_H
#define BCP_ATOMIC_FILE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

enum {
    /* An existing file keeps its permission bits; `mode` is for a new one. */
    BCP_ATOMIC_KEEP_MODE = 1,
    /* A symlink's target is replaced, not the link (what `bcp fmt -w` wants). */
    BCP_ATOMIC_FOLLOW_LINKS = 2,
};

typedef struct bcp_atomic_file {
    FILE *out;          /* write here between open and commit or discard */
    char *path;         /* the file that gets replaced */
    char *tmp_path;     /* NULL when writing straight into a device or FIFO */
} bcp_atomic_file;

/* Starts writing `path` with permission bits `mode` (see the flags).  On
 * failure returns false with *err describing why (strerror text) and
 * leaves nothing behind. */
bool bcp_atomic_open(bcp_atomic_file *f, const char *path, mode_t mode, unsigned flags, const char **err);
/* Puts what was written in place.  On failure returns false with *err set,
 * and `path` is as it was before.  Releases `f` either way. */
bool bcp_atomic_commit(bcp_atomic_file *f, const char **err);
/* Drops what was written and leaves `path` as it was (a device or FIFO
 * already got it).  Releases `f`. */
void bcp_atomic_discard(bcp_atomic_file *f);
/* open, write `len` bytes of `data`, commit. */
bool bcp_atomic_write(const char *path, const void *data, size_t len, mode_t mode, unsigned flags, const char **err);

#endif
