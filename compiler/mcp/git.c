/* A plan as it was at a git revision, for the diff tool: `git cat-file blob
 * REVISION:./PATH` run in the root (no shell; the service has refused a
 * revision starting with `-` or holding `:`). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mcp.h"

static char *message(const char *text)
{
    char *m = bcp_malloc(strlen(text) + 1);
    strcpy(m, text);
    return m;
}

bcp_status mcp_git_read(void *user, const char *root, const char *path, const char *revision, char **text,
                        size_t *length, char **error)
{
    size_t max = user ? *(const size_t *)user : (size_t)4 << 20;
    *text = NULL;
    *length = 0;
    size_t spec_len = strlen(revision) + strlen(path) + 4;
    char *spec = malloc(spec_len);
    if (!spec)
        return BCP_ERR_IO;
    snprintf(spec, spec_len, "%s:./%s", revision, path);
    int fds[2];
    if (pipe(fds) != 0) {
        free(spec);
        *error = message("cannot start git");
        return BCP_ERR_IO;
    }
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(fds[1], 1);
        dup2(null, 2);
        close(fds[0]);
        if (chdir(root) != 0)
            _exit(127);
        execlp("git", "git", "--no-pager", "cat-file", "blob", spec, (char *)NULL);
        _exit(127);
    }
    free(spec);
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        *error = message("cannot start git");
        return BCP_ERR_IO;
    }
    size_t cap = 65536, len = 0;
    char *buf = bcp_malloc(cap + 1);
    bool too_big = false;
    for (;;) {
        if (len == cap) {
            if (cap >= max) {
                too_big = true;
                break;
            }
            char *bigger = bcp_malloc(cap * 2 + 1);
            memcpy(bigger, buf, len);
            bcp_free(buf);
            buf = bigger;
            cap *= 2;
        }
        ssize_t n = read(fds[0], buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(fds[0]);
    if (too_big)
        kill(pid, SIGTERM);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (too_big || len > max) {
        bcp_free(buf);
        *error = message("the file at that revision is larger than the server accepts");
        return BCP_ERR_IO;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        bcp_free(buf);
        *error = message(WIFEXITED(status) && WEXITSTATUS(status) == 127
                             ? "git is not installed, or the root cannot be entered"
                             : "git has no such file at that revision (or the root is not in a git repository)");
        return BCP_ERR_NOT_FOUND;
    }
    buf[len] = '\0';
    *text = buf;
    *length = len;
    return BCP_OK;
}
