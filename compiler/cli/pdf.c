/* HTML to PDF through headless Chromium: the document is written to a
 * private temporary folder, Chromium prints it there with its own profile
 * (--no-pdf-header-footer: no file:// path and no date on the page; the
 * running header and footer are the document's CSS @page margin boxes), the
 * PDF is read back into memory and the folder removed.  The caller writes
 * the PDF with the other documents, all or none. */
#define _XOPEN_SOURCE 700
#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bcp.h"
#include "cli.h"

extern char **environ;

/* How long one document may take to print. */
#define PDF_TIMEOUT_SECONDS 180

static const char *const renderers[] = {"chromium", "chromium-browser"};

static void report(bcp_pdf_problem problem, const char *fmt, const char *a, const char *b)
{
    char message[1024];
    snprintf(message, sizeof message, fmt, a, b);
    bcp_diagnostics *set = bcp_pdf_problem_report(problem, message);
    /* as `bcp check` reports: "error: ... [E160 pdf-renderer-missing]" */
    size_t length;
    char *text = bcp_report_render(set, NULL, &length);
    fwrite(text, 1, length, stderr);
    bcp_free(text);
    bcp_diagnostics_free(set);
}

char *bcp_pdf_find_renderer(void)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        return NULL;
    for (size_t r = 0; r < sizeof renderers / sizeof *renderers; r++) {
        const char *p = path;
        while (1) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            size_t size = n + strlen(renderers[r]) + 3;
            char *candidate = malloc(size);
            if (!candidate)
                return NULL;
            snprintf(candidate, size, "%.*s/%s", (int)(n ? n : 1), n ? p : ".", renderers[r]);
            struct stat st;
            if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode) && access(candidate, X_OK) == 0)
                return candidate;
            free(candidate);
            if (!colon)
                break;
            p = colon + 1;
        }
    }
    return NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

static void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s/%s", dir, name);
    return s;
}

static bool write_all(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            close(fd);
            return false;
        }
        done += (size_t)w;
    }
    return close(fd) == 0;
}

static bool read_all(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    bool ok = buf && !ferror(f);
    fclose(f);
    if (!ok) {
        free(buf);
        return false;
    }
    *out = buf;
    *len = n;
    return true;
}

/* The last lines of the renderer's output, to say why it failed. */
static void print_log_tail(const char *log)
{
    char *text;
    size_t len;
    if (!read_all(log, &text, &len))
        return;
    if (!len) {
        free(text);
        return;
    }
    size_t start = len, lines = 0;
    while (start > 0 && lines < 4) {
        start--;
        if (text[start] == '\n' && start + 1 < len)
            lines++;
    }
    fprintf(stderr, "bcp: the renderer said:\n%.*s%s", (int)(len - start), text + start,
            text[len - 1] == '\n' ? "" : "\n");
    free(text);
}

/* Runs the renderer; true when it exited 0 within the time limit. */
static bool run_renderer(const char *const argv[], const char *log, char *why, size_t why_size)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        snprintf(why, why_size, "cannot run it: %s", strerror(rc));
        return false;
    }
    int status = 0;
    struct timespec tick = {0, 50 * 1000 * 1000};
    long waited_ms = 0;
    while (1) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR) {
            snprintf(why, why_size, "lost track of it: %s", strerror(errno));
            return false;
        }
        if (waited_ms >= PDF_TIMEOUT_SECONDS * 1000L) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            snprintf(why, why_size, "it did not finish within %d seconds", PDF_TIMEOUT_SECONDS);
            return false;
        }
        nanosleep(&tick, NULL);
        waited_ms += 50;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    if (WIFEXITED(status))
        snprintf(why, why_size, "it exited with status %d", WEXITSTATUS(status));
    else
        snprintf(why, why_size, "it was killed by signal %d", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    return false;
}

bool bcp_pdf_from_html(const char *name, const char *html, size_t len, char **pdf, size_t *pdf_len)
{
    *pdf = NULL;
    *pdf_len = 0;
    char *renderer = bcp_pdf_find_renderer();
    if (!renderer) {
        report(BCP_PDF_NO_RENDERER, "%s: no HTML-to-PDF renderer: neither chromium nor chromium-browser is on PATH%s", name,
               "; install the Debian package chromium (tools/deps.sh does); nothing written");
        return false;
    }
    const char *tmpdir = getenv("TMPDIR");
    char *templ = join(tmpdir && *tmpdir ? tmpdir : "/tmp", "bcp-pdf.XXXXXX");
    char *dir = templ ? mkdtemp(templ) : NULL;
    if (!dir) {
        report(BCP_PDF_RENDER_FAILED, "%s: cannot make a temporary folder for the PDF: %s; nothing written", name, strerror(errno));
        free(templ);
        free(renderer);
        return false;
    }
    char *html_path = join(dir, "document.html"), *pdf_path = join(dir, "document.pdf");
    char *log = join(dir, "renderer.log"), *profile = join(dir, "profile");
    bool ok = html_path && pdf_path && log && profile;
    char why[256] = "";
    if (ok && !write_all(html_path, html, len)) {
        snprintf(why, sizeof why, "cannot write the HTML for it: %s", strerror(errno));
        ok = false;
    }
    if (ok) {
        size_t n = strlen(profile) + strlen(pdf_path) + strlen(html_path) + 64;
        char *profile_arg = malloc(n), *pdf_arg = malloc(n), *url = malloc(n);
        ok = profile_arg && pdf_arg && url;
        if (ok) {
            snprintf(profile_arg, n, "--user-data-dir=%s", profile);
            snprintf(pdf_arg, n, "--print-to-pdf=%s", pdf_path);
            snprintf(url, n, "file://%s", html_path);
            /* Chromium's sandbox needs user namespaces it cannot have as root */
            const char *argv[20];
            int k = 0;
            argv[k++] = renderer;
            argv[k++] = "--headless";
            if (geteuid() == 0)
                argv[k++] = "--no-sandbox";
            argv[k++] = "--disable-gpu";
            argv[k++] = "--no-first-run";
            argv[k++] = "--no-default-browser-check";
            argv[k++] = "--disable-extensions";
            argv[k++] = "--disable-background-networking";
            argv[k++] = "--disable-component-update";
            argv[k++] = "--disable-sync";
            argv[k++] = profile_arg;
            argv[k++] = "--no-pdf-header-footer";
            argv[k++] = pdf_arg;
            argv[k++] = url;
            argv[k] = NULL;
            ok = run_renderer(argv, log, why, sizeof why);
            if (!ok)
                print_log_tail(log);
        }
        free(profile_arg);
        free(pdf_arg);
        free(url);
    }
    if (ok && (!read_all(pdf_path, pdf, pdf_len) || *pdf_len < 5 || memcmp(*pdf, "%PDF-", 5) != 0)) {
        snprintf(why, sizeof why, "it wrote no PDF");
        free(*pdf);
        *pdf = NULL;
        *pdf_len = 0;
        ok = false;
    }
    if (!ok)
        report(BCP_PDF_RENDER_FAILED, "%s: the PDF renderer failed: %s; nothing written", name, why[0] ? why : "out of memory");
    remove_tree(dir);
    free(html_path);
    free(pdf_path);
    free(log);
    free(profile);
    free(templ);
    free(renderer);
    return ok;
}
