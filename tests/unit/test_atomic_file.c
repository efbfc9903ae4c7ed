/* The atomic file writer: whole files or nothing, modes, owners, setuid
 * bits, hard links, signals, symlinks, and
 * devices and FIFOs written in place instead of being renamed over. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/atomic_file.h"
#include "test_tmp.h"

typedef struct scratch {
    char dir[256];
    char path[PATH_MAX];
} scratch;

static int make_scratch(void **state)
{
    scratch *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    test_tmp_path(s->dir, sizeof s->dir, "bcp-atomic-XXXXXX");
    if (!mkdtemp(s->dir)) {
        free(s);
        return -1;
    }
    *state = s;
    return 0;
}

/* The scratch folder holds files, links and at most empty folders. */
static int remove_scratch(void **state)
{
    scratch *s = *state;
    DIR *d = opendir(s->dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char p[PATH_MAX];
        snprintf(p, sizeof p, "%s/%s", s->dir, e->d_name);
        if (unlink(p) != 0)
            rmdir(p);
    }
    if (d)
        closedir(d);
    rmdir(s->dir);
    free(s);
    return 0;
}

static const char *in_scratch(scratch *s, const char *name)
{
    snprintf(s->path, sizeof s->path, "%s/%s", s->dir, name);
    return s->path;
}

static size_t entry_count(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

static char *contents(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void put(const char *path, const char *text, mode_t mode)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
    assert_int_equal(chmod(path, mode), 0);
}

static mode_t mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 07777;
}

static void test_writes_new_file(void **state)
{
    scratch *s = *state;
    const char *path = in_scratch(s, "plan.md");
    const char *err = NULL;
    assert_true(bcp_atomic_write(path, "# Plan\n", 7, 0644, 0, &err));
    assert_string_equal(contents(path), "# Plan\n");
    assert_int_equal(mode_of(path), 0644);
    assert_int_equal(entry_count(s->dir), 1);
}

static void test_replaces_file(void **state)
{
    scratch *s = *state;
    const char *path = in_scratch(s, "report.json");
    put(path, "old and longer than the new text\n", 0640);
    const char *err = NULL;
    assert_true(bcp_atomic_write(path, "new\n", 4, 0600, 0, &err));
    assert_string_equal(contents(path), "new\n");
    /* an existing file keeps its mode: `mode` is for new files */
    assert_int_equal(mode_of(path), 0640);
    assert_int_equal(entry_count(s->dir), 1);
}

static void test_keeps_mode(void **state)
{
    scratch *s = *state;
    const char *path = in_scratch(s, "plan.bcp");
    put(path, "plan p {}\n", 0640);
    const char *err = NULL;
    assert_true(bcp_atomic_write(path, "plan q {}\n", 10, 0644, 0, &err));
    assert_string_equal(contents(path), "plan q {}\n");
    assert_int_equal(mode_of(path), 0640);
    /* a private output stays private (build used to reset 0600 to 0644) */
    put(path, "secret\n", 0600);
    assert_true(bcp_atomic_write(path, "plan r {}\n", 10, 0666, BCP_ATOMIC_FOLLOW_LINKS, &err));
    assert_int_equal(mode_of(path), 0600);
    /* the mode is for new files only, less the umask */
    const char *fresh = in_scratch(s, "fresh.bcp");
    assert_true(bcp_atomic_write(fresh, "x", 1, 0604, 0, &err));
    assert_int_equal(mode_of(fresh), 0604);
    mode_t saved = umask(077);
    const char *masked = in_scratch(s, "masked.md");
    bool ok = bcp_atomic_write(masked, "x", 1, 0666, 0, &err);
    umask(saved);
    assert_true(ok);
    assert_int_equal(mode_of(masked), 0600);
    assert_int_equal(entry_count(s->dir), 3);
}

/* Set-user-ID and set-group-ID files, and files with several hard links,
 * are refused with a reason and left exactly as they were. */
static void test_refuses_setuid_and_hard_links(void **state)
{
    scratch *s = *state;
    char path[PATH_MAX], other[PATH_MAX];
    snprintf(path, sizeof path, "%s", in_scratch(s, "suid.bcp"));
    put(path, "old\n", 04755);
    const char *err = NULL;
    assert_false(bcp_atomic_write(path, "new\n", 4, 0666, 0, &err));
    assert_non_null(strstr(err, "set-user-ID"));
    assert_string_equal(contents(path), "old\n");
    assert_int_equal(mode_of(path), 04755);
    assert_int_equal(unlink(path), 0);

    snprintf(path, sizeof path, "%s", in_scratch(s, "linked.bcp"));
    snprintf(other, sizeof other, "%s", in_scratch(s, "other-name.bcp"));
    put(path, "shared\n", 0644);
    assert_int_equal(link(path, other), 0);
    err = NULL;
    assert_false(bcp_atomic_write(path, "new\n", 4, 0666, BCP_ATOMIC_FOLLOW_LINKS, &err));
    assert_non_null(strstr(err, "hard link"));
    struct stat a, b;
    assert_int_equal(stat(path, &a), 0);
    assert_int_equal(stat(other, &b), 0);
    assert_int_equal(a.st_ino, b.st_ino);
    assert_string_equal(contents(other), "shared\n");
    assert_int_equal(entry_count(s->dir), 2);
}

/* The owner and group stay (as root, the one case where they could change). */
static void test_keeps_owner(void **state)
{
    scratch *s = *state;
    if (geteuid() != 0)
        skip();
    const char *path = in_scratch(s, "nobody.bcp");
    put(path, "old\n", 0640);
    assert_int_equal(chown(path, 65534, 65534), 0);
    const char *err = NULL;
    assert_true(bcp_atomic_write(path, "new\n", 4, 0666, 0, &err));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_uid, 65534);
    assert_int_equal(st.st_gid, 65534);
    assert_int_equal(st.st_mode & 07777, 0640);
    assert_string_equal(contents(path), "new\n");
}

/* A signal that ends the program half way through a write removes the
 * temporary file, and the program still dies of that signal. */
static void killed_during_write(scratch *s, int sig)
{
    const char *path = in_scratch(s, "plan.bcp");
    put(path, "old\n", 0644);
    fflush(NULL);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        bcp_atomic_file f;
        const char *err;
        if (!bcp_atomic_open(&f, path, 0666, 0, &err))
            _exit(3);
        fputs("half of the ne", f.out);
        fflush(f.out);
        raise(sig);
        _exit(4); /* not reached */
    }
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), sig);
    assert_string_equal(contents(path), "old\n");
    assert_int_equal(entry_count(s->dir), 1);
}

static void test_signal_removes_temp(void **state)
{
    killed_during_write(*state, SIGTERM);
    killed_during_write(*state, SIGINT);
    killed_during_write(*state, SIGHUP);
}

static void test_symlinks(void **state)
{
    scratch *s = *state;
    char target[PATH_MAX], link[PATH_MAX];
    snprintf(target, sizeof target, "%s", in_scratch(s, "target.bcp"));
    snprintf(link, sizeof link, "%s", in_scratch(s, "link.bcp"));
    put(target, "old\n", 0644);
    assert_int_equal(symlink("target.bcp", link), 0);
    const char *err = NULL;
    assert_true(bcp_atomic_write(link, "followed\n", 9, 0644, BCP_ATOMIC_FOLLOW_LINKS, &err));
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(contents(target), "followed\n");
    /* without the flag the link itself is replaced, the target stays */
    assert_true(bcp_atomic_write(link, "replaced\n", 9, 0644, 0, &err));
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_string_equal(contents(target), "followed\n");
    assert_string_equal(contents(link), "replaced\n");
    assert_int_equal(entry_count(s->dir), 2);
}

static void test_no_temp_file_on_failure(void **state)
{
    scratch *s = *state;
    const char *err = NULL;
    assert_false(bcp_atomic_write(in_scratch(s, "no/such/dir/x.md"), "x", 1, 0644, 0, &err));
    assert_non_null(err);
    assert_int_equal(entry_count(s->dir), 0);

    /* A write that fails half way (the file size limit stands in for a full
     * disk, which root cannot be kept from otherwise) leaves the old file. */
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", in_scratch(s, "big.html"));
    put(path, "old\n", 0644);
    size_t big = 1 << 20;
    char *data = malloc(big);
    assert_non_null(data);
    memset(data, 'x', big);
    struct rlimit saved, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &saved), 0);
    small = saved;
    small.rlim_cur = 4096;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    err = NULL;
    bool ok = bcp_atomic_write(path, data, big, 0644, 0, &err);
    setrlimit(RLIMIT_FSIZE, &saved);
    signal(SIGXFSZ, old_handler);
    free(data);
    assert_false(ok);
    assert_non_null(err);
    assert_string_equal(contents(path), "old\n");
    assert_int_equal(entry_count(s->dir), 1);

    /* discarded: the old file stays */
    bcp_atomic_file f;
    assert_true(bcp_atomic_open(&f, path, 0644, 0, &err));
    fputs("never seen", f.out);
    assert_int_equal(entry_count(s->dir), 2);
    bcp_atomic_discard(&f);
    assert_string_equal(contents(path), "old\n");
    assert_int_equal(entry_count(s->dir), 1);

    /* the path turned into something else before the commit: not replaced */
    const char *dir = in_scratch(s, "became-a-dir");
    assert_true(bcp_atomic_open(&f, dir, 0644, 0, &err));
    fputs("data", f.out);
    assert_int_equal(mkdir(dir, 0755), 0);
    err = NULL;
    assert_false(bcp_atomic_commit(&f, &err));
    assert_non_null(err);
    struct stat st;
    assert_int_equal(stat(dir, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(entry_count(s->dir), 2);
}

/* The bug this module exists for: /dev/null renamed over by a report. */
static void test_dev_null_stays_a_device(void **state)
{
    (void)state;
    struct stat before, after;
    assert_int_equal(stat("/dev/null", &before), 0);
    assert_true(S_ISCHR(before.st_mode));
    const char *err = NULL;
    assert_true(bcp_atomic_write("/dev/null", "gone\n", 5, 0644, 0, &err));
    assert_true(bcp_atomic_write("/dev/null", "gone\n", 5, 0644, BCP_ATOMIC_FOLLOW_LINKS, &err));
    bcp_atomic_file f;
    assert_true(bcp_atomic_open(&f, "/dev/null", 0600, 0, &err));
    assert_null(f.tmp_path);
    fputs("report", f.out);
    assert_true(bcp_atomic_commit(&f, &err));
    assert_int_equal(stat("/dev/null", &after), 0);
    assert_true(S_ISCHR(after.st_mode));
    assert_int_equal(after.st_rdev, before.st_rdev);
    assert_int_equal(after.st_ino, before.st_ino);
    assert_int_equal(after.st_mode, before.st_mode);
    /* and nothing was left next to it */
    DIR *d = opendir("/dev");
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)))
        assert_null(strstr(e->d_name, ".null.tmp"));
    closedir(d);
}

static void test_fifo_written_in_place(void **state)
{
    scratch *s = *state;
    const char *fifo = in_scratch(s, "pipe");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* a reader first, so that opening for writing does not wait */
    int reader = open(fifo, O_RDONLY | O_NONBLOCK);
    assert_true(reader >= 0);
    const char *err = NULL;
    assert_true(bcp_atomic_write(fifo, "through the pipe", 16, 0644, 0, &err));
    char buf[64] = {0};
    assert_int_equal(read(reader, buf, sizeof buf - 1), 16);
    assert_string_equal(buf, "through the pipe");
    close(reader);
    struct stat st;
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(entry_count(s->dir), 1);
}

int main(void)
{
    /* Started under nohup (or by a shell that ignores SIGINT), a signal the
     * test raises would be ignored, as bcp rightly leaves an ignored signal
     * alone: give the signals their default action before the first write. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_writes_new_file, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_replaces_file, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_keeps_mode, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_refuses_setuid_and_hard_links, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_keeps_owner, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_signal_removes_temp, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_symlinks, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(test_no_temp_file_on_failure, make_scratch, remove_scratch),
        cmocka_unit_test(test_dev_null_stays_a_device),
        cmocka_unit_test_setup_teardown(test_fifo_written_in_place, make_scratch, remove_scratch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
