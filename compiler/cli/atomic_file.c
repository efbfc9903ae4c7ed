#define _DEFAULT_SOURCE
#include "atomic_file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool fail(const char **err, int error)
{
    *err = strerror(error ? error : EIO);
    return false;
}

static char *copy_string(const char *s)
{
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

/* "dir/name" -> "dir/.name.tmpXXXXXX": the same directory, so that the
 * rename stays on one file system; hidden, so that a folder walk (`bcp check
 * .`) does not pick it up. */
static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    size_t n = strlen(path) + sizeof "/..tmpXXXXXX";
    char *tmp = malloc(n);
    if (!tmp)
        abort();
    snprintf(tmp, n, "%.*s.%s.tmpXXXXXX", (int)dir_len, path, path + dir_len);
    return tmp;
}

static bool is_special(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

bool bcp_atomic_open(bcp_atomic_file *f, const char *path, mode_t mode, unsigned flags, const char **err)
{
    memset(f, 0, sizeof *f);
    struct stat st;
    char *target;
    if ((flags & BCP_ATOMIC_FOLLOW_LINKS) && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        target = realpath(path, NULL);
        if (!target)
            return fail(err, errno);
    } else {
        target = copy_string(path);
    }
    bool exists = stat(target, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        f->out = fopen(target, "w");
        if (!f->out) {
            int e = errno;
            free(target);
            return fail(err, e);
        }
        f->path = target;
        return true;
    }
    if (exists && (flags & BCP_ATOMIC_KEEP_MODE))
        mode = st.st_mode & 07777;
    char *tmp = temp_template(target);
    int fd = mkstemp(tmp);
    int e = errno;
    /* mkstemp makes the file 0600 whatever the caller asked for */
    if (fd >= 0 && fchmod(fd, mode) == 0 && (f->out = fdopen(fd, "wb"))) {
        f->path = target;
        f->tmp_path = tmp;
        return true;
    }
    if (fd >= 0) {
        e = errno;
        close(fd);
        unlink(tmp);
    }
    free(tmp);
    free(target);
    return fail(err, e);
}

static void release(bcp_atomic_file *f)
{
    free(f->path);
    free(f->tmp_path);
    memset(f, 0, sizeof *f);
}

bool bcp_atomic_commit(bcp_atomic_file *f, const char **err)
{
    errno = 0;
    bool ok = !ferror(f->out) && fflush(f->out) == 0;
    /* fsync means nothing to a device or a pipe (and fails on some) */
    ok = ok && (!f->tmp_path || fsync(fileno(f->out)) == 0);
    int e = errno;
    if (fclose(f->out) != 0 && ok) {
        ok = false;
        e = errno;
    }
    const char *why = NULL;
    if (ok && f->tmp_path) {
        /* The path may have become a device since bcp_atomic_open: never
         * rename over one. */
        if (is_special(f->path)) {
            why = "it is no longer a regular file";
            ok = false;
        } else if (rename(f->tmp_path, f->path) != 0) {
            e = errno;
            ok = false;
        }
    }
    if (!ok && f->tmp_path)
        unlink(f->tmp_path);
    release(f);
    if (why)
        *err = why;
    else if (!ok)
        fail(err, e);
    return ok;
}

void bcp_atomic_discard(bcp_atomic_file *f)
{
    fclose(f->out);
    if (f->tmp_path)
        unlink(f->tmp_path);
    release(f);
}

bool bcp_atomic_write(const char *path, const void *data, size_t len, mode_t mode, unsigned flags, const char **err)
{
    bcp_atomic_file f;
    if (!bcp_atomic_open(&f, path, mode, flags, err))
        return false;
    if (fwrite(data, 1, len, f.out) != len) {
        int e = errno;
        bcp_atomic_discard(&f);
        return fail(err, e);
    }
    return bcp_atomic_commit(&f, err);
}
