#define _DEFAULT_SOURCE
#include "atomic_file.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool fail(const char **err, int error)
{
    *err = strerror(error ? error : EIO);
    return false;
}

static bool refuse(const char **err, const char *why)
{
    *err = why;
    return false;
}

static char *copy_string(const char *s)
{
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

/* ------------------------------------------------ temporaries and signals */

/* The temporary files being written now.  A signal that ends the program
 * (SIGINT, SIGTERM, SIGHUP, SIGQUIT) first unlinks them, then takes its
 * default action, so that an interrupted run leaves nothing behind.  The
 * handler uses only unlink, sigaction and raise (async-signal-safe); the
 * table is changed with those signals blocked. */
#define MAX_PENDING 8
static char *volatile pending[MAX_PENDING];
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
#define FATAL_SIGNAL_COUNT (sizeof fatal_signals / sizeof *fatal_signals)

static void remove_pending_and_reraise(int sig)
{
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static void block_fatal_signals(sigset_t *saved)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < FATAL_SIGNAL_COUNT; i++)
        sigaddset(&set, fatal_signals[i]);
    sigprocmask(SIG_BLOCK, &set, saved);
}

/* Once: the handler for every fatal signal that is not ignored (a signal
 * ignored under nohup stays ignored). */
static void install_handlers(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    for (size_t i = 0; i < FATAL_SIGNAL_COUNT; i++) {
        struct sigaction old, sa;
        if (sigaction(fatal_signals[i], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = remove_pending_and_reraise;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < FATAL_SIGNAL_COUNT; j++)
            sigaddset(&sa.sa_mask, fatal_signals[j]);
        sigaction(fatal_signals[i], &sa, NULL);
    }
}

static void register_temp(char *tmp)
{
    sigset_t saved;
    block_fatal_signals(&saved);
    install_handlers();
    for (size_t i = 0; i < MAX_PENDING; i++) {
        if (!pending[i]) {
            pending[i] = tmp;
            break;
        }
    }
    sigprocmask(SIG_SETMASK, &saved, NULL);
}

static void unregister_temp(const char *tmp)
{
    if (!tmp)
        return;
    sigset_t saved;
    block_fatal_signals(&saved);
    for (size_t i = 0; i < MAX_PENDING; i++)
        if (pending[i] == tmp)
            pending[i] = NULL;
    sigprocmask(SIG_SETMASK, &saved, NULL);
}

/* ------------------------------------------------------------- writing */

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

/* The process's umask, read without changing it for good. */
static mode_t current_umask(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return mask;
}

/* Whether an existing regular file may be replaced by a new one at all
 * (docs/fmt.md, "Permissions, owners and links"). */
static bool replaceable(const struct stat *st, const char **err)
{
    if (st->st_mode & (S_ISUID | S_ISGID))
        return refuse(err, "it has the set-user-ID or set-group-ID bit, which bcp does not copy; "
                           "remove the bit or write the output elsewhere");
    if (st->st_nlink > 1)
        return refuse(err, "it has more than one hard link, and replacing it would break them; "
                           "write the output elsewhere");
    return true;
}

/* The new file gets the old one's owner, group and permission bits; a new
 * file gets `mode` less the umask.  Owner first: chown may clear mode bits. */
static bool take_attributes(int fd, const struct stat *old, mode_t mode, const char **err)
{
    if (old) {
        uid_t uid = old->st_uid == geteuid() ? (uid_t)-1 : old->st_uid;
        gid_t gid = old->st_gid == getegid() ? (gid_t)-1 : old->st_gid;
        if ((uid != (uid_t)-1 || gid != (gid_t)-1) && fchown(fd, uid, gid) != 0)
            return refuse(err, "it belongs to another user or group, and bcp cannot give the new "
                               "file the same owner; it is left as it was");
        mode = old->st_mode & 0777;
    } else {
        mode &= 0777 & ~current_umask();
    }
    if (fchmod(fd, mode) != 0)
        return fail(err, errno);
    return true;
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
    if (exists && !replaceable(&st, err)) {
        free(target);
        return false;
    }
    char *tmp = temp_template(target);
    /* registered before it exists: a signal between mkstemp and the
     * registration would leave it behind (unlinking the template first is
     * harmless, it names no file) */
    register_temp(tmp);
    int fd = mkstemp(tmp);
    int e = errno;
    const char *why = NULL;
    if (fd >= 0 && take_attributes(fd, exists ? &st : NULL, mode, &why) && (f->out = fdopen(fd, "wb"))) {
        f->path = target;
        f->tmp_path = tmp;
        return true;
    }
    if (fd >= 0) {
        e = errno;
        close(fd);
        unlink(tmp);
    }
    unregister_temp(tmp);
    free(tmp);
    free(target);
    if (why)
        return refuse(err, why);
    return fail(err, e);
}

static void release(bcp_atomic_file *f)
{
    unregister_temp(f->tmp_path);
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
