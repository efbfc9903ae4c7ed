/* Files written whole or not at all.  A regular file is written to a
 * temporary file in its own directory, synced and renamed over the old one,
 * so that a reader (a browser, CI, an editor) sees the old contents or the
 * new, never half of them, and a failed write leaves the old file as it was.
 * Anything else that exists at the path (/dev/null, a FIFO, a terminal) is
 * written directly: a rename would replace the device node itself.
 *
 * The policy for what already exists (docs/fmt.md):
 *   - an existing file keeps its permission bits, owner and group (the new
 *     file gets them with fchown/fchmod; when that is not allowed, the file
 *     is not replaced);
 *   - a new file gets `mode` less the umask, so no output is ever more
 *     widely readable than the caller and the user asked for;
 *   - a file with the set-user-ID or set-group-ID bit, or with more than
 *     one hard link, is not replaced (an error says why): copying such a
 *     bit silently is a risk, and a rename would split the links;
 *   - the temporary file is removed when SIGINT, SIGTERM, SIGHUP or SIGQUIT
 *     ends the program during the write. */
#ifndef BCP_ATOMIC_FILE_H
#define BCP_ATOMIC_FILE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

enum {
    /* A symlink's target is replaced, not the link (what `bcp fmt -w` wants). */
    BCP_ATOMIC_FOLLOW_LINKS = 2,
};

typedef struct bcp_atomic_file {
    FILE *out;          /* write here between open and commit or discard */
    char *path;         /* the file that gets replaced */
    char *tmp_path;     /* NULL when writing straight into a device or FIFO */
} bcp_atomic_file;

/* Starts writing `path`; `mode` is for a new file (less the umask).  On
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
