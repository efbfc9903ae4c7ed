/* HTML to PDF through headless Chromium: the document is written to a
 * private temporary folder, Chromium prints it there with its own profile
 * (--no-pdf-header-footer: no file:// path and no date on the page; the
 * running header and footer are the document's CSS @page margin boxes), the
 * PDF is read back into memory and the folder removed.  The caller writes
 * the PDF with the other documents, all or none.  Chromium stamps the clock
 * into the PDF and numbers its structure tree by DOM node, and has no option
 * against either: bcp_pdf_make_reproducible rewrites both in place, so that
 * two builds of one plan are byte-identical (docs/pdf.md). */
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

/* The signals that end the program: held while the temporary folder
 * exists, so that one arriving then stops the renderer, the folder is
 * removed and only then does the signal take its course (a removal of a
 * tree cannot run inside a signal handler). */
static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static void stop_set(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < sizeof stop_signals / sizeof *stop_signals; i++)
        sigaddset(set, stop_signals[i]);
}

/* Runs the renderer, with the signal mask `child_mask`; true when it exited
 * 0 within the time limit.  A stop signal (held by the caller) kills it and
 * lands in *stopped. */
static bool run_renderer(const char *const argv[], const char *log, const sigset_t *child_mask, int *stopped,
                         char *why, size_t why_size)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setsigmask(&attr, child_mask);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, &attr, (char *const *)argv, environ);
    posix_spawnattr_destroy(&attr);
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
        sigset_t stops;
        stop_set(&stops);
        int sig = sigtimedwait(&stops, NULL, &tick);
        if (sig > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            *stopped = sig;
            snprintf(why, why_size, "stopped by signal %d", sig);
            return false;
        }
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

bool bcp_pdf_from_html(const char *name, const char *html, size_t len, long long epoch, char **pdf,
                       size_t *pdf_len)
{
    *pdf = NULL;
    *pdf_len = 0;
    char *renderer = bcp_pdf_find_renderer();
    if (!renderer) {
        report(BCP_PDF_NO_RENDERER, "%s: no HTML-to-PDF renderer: neither chromium nor chromium-browser is on PATH%s", name,
               "; install the Debian package chromium (tools/deps.sh does); nothing written");
        return false;
    }
    sigset_t stops, saved;
    stop_set(&stops);
    sigprocmask(SIG_BLOCK, &stops, &saved);
    int stopped = 0;
    const char *tmpdir = getenv("TMPDIR");
    char *templ = join(tmpdir && *tmpdir ? tmpdir : "/tmp", "bcp-pdf.XXXXXX");
    char *dir = templ ? mkdtemp(templ) : NULL;
    if (!dir) {
        sigprocmask(SIG_SETMASK, &saved, NULL);
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
            ok = run_renderer(argv, log, &saved, &stopped, why, sizeof why);
            if (!ok && !stopped)
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
    if (ok)
        bcp_pdf_make_reproducible(*pdf, *pdf_len, epoch);
    if (!ok && !stopped)
        report(BCP_PDF_RENDER_FAILED, "%s: the PDF renderer failed: %s; nothing written", name, why[0] ? why : "out of memory");
    remove_tree(dir);
    /* a stop signal that came meanwhile takes its course now, the folder gone */
    if (stopped)
        raise(stopped);
    sigprocmask(SIG_SETMASK, &saved, NULL);
    free(html_path);
    free(pdf_path);
    free(log);
    free(profile);
    free(templ);
    free(renderer);
    return ok;
}

/* ------------------------------------------------ reproducible PDFs */

long long bcp_pdf_epoch(const char *plan_path, const char *stdlib_dir)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        if (!*end && errno == 0 && v >= 0 && v <= 253402300799LL)   /* up to 9999-12-31 */
            return v;
    }
    if (!plan_path || strcmp(plan_path, "-") == 0)
        return -1;
    bcp_workspace_options wo = {.stdlib_dir = stdlib_dir};
    bcp_workspace *ws = bcp_workspace_new(&wo);
    bcp_plan *plan = NULL;
    long long epoch = -1;
    if (ws && bcp_workspace_load(ws, plan_path, &plan) == BCP_OK && plan) {
        const bcp_entity *root = bcp_plan_root(plan);
        const bcp_attribute *a = root ? bcp_entity_attribute(root, "reviewed") : NULL;
        int32_t days = 0;
        if (a && bcp_value_date(bcp_attribute_value(a), &days, NULL) && days >= 0)
            epoch = (long long)days * 86400;
    }
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return epoch;
}

/* The PDF date "D:YYYYMMDDHHmmSS+00'00'" of `epoch` (UTC). */
static int pdf_date(long long epoch, char out[32])
{
    time_t t = (time_t)epoch;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return -1;
    return snprintf(out, 32, "D:%04d%02d%02d%02d%02d%02d+00'00'", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static const char *find_bytes(const char *from, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (const char *p = from; p && p + n <= end; p++) {
        p = memchr(p, what[0], (size_t)(end - p));
        if (!p || p + n > end)
            return NULL;
        if (memcmp(p, what, n) == 0)
            return p;
    }
    return NULL;
}

/* Each "/KEY (D:...)" of the document information: set to `date`, or blanked. */
static size_t set_dates(char *pdf, size_t len, const char *date, int date_len)
{
    static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
    size_t changed = 0;
    const char *end = pdf + len;
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        for (const char *p = find_bytes(pdf, end, keys[k]); p; p = find_bytes(p + 1, end, keys[k])) {
            char *value = (char *)p + strlen(keys[k]);
            const char *close = memchr(value, ')', (size_t)(end - value));
            if (!close || close - value > 64)
                continue;
            size_t old = (size_t)(close - value);
            if (date && date_len > 0 && (size_t)date_len == old) {
                memcpy(value, date, old);
            } else {
                /* whitespace where the entry was: the dictionary without it */
                memset((char *)p, ' ', (size_t)(close + 1 - p));
            }
            changed++;
        }
    }
    return changed;
}

typedef struct node_id {
    unsigned long value;
    char *at;
} node_id;

static int compare_value(const void *a, const void *b)
{
    unsigned long x = ((const node_id *)a)->value, y = ((const node_id *)b)->value;
    return x < y ? -1 : x > y;
}

/* Every "(node" + 8 digits + ")", renumbered by rank. */
static size_t renumber_nodes(char *pdf, size_t len)
{
    const char *end = pdf + len;
    size_t count = 0, cap = 0;
    node_id *ids = NULL;
    for (const char *p = find_bytes(pdf, end, "(node"); p; p = find_bytes(p + 1, end, "(node")) {
        if (p + 14 > end || p[13] != ')')
            continue;
        unsigned long v = 0;
        bool digits = true;
        for (int i = 5; i < 13; i++) {
            digits = digits && p[i] >= '0' && p[i] <= '9';
            v = v * 10 + (unsigned long)(p[i] - '0');
        }
        if (!digits)
            continue;
        if (count == cap) {
            node_id *bigger = realloc(ids, (cap = cap ? cap * 2 : 256) * sizeof *ids);
            if (!bigger) {
                free(ids);
                return 0;
            }
            ids = bigger;
        }
        ids[count++] = (node_id){v, (char *)p + 5};
    }
    if (count)
        qsort(ids, count, sizeof *ids, compare_value);
    unsigned long rank = 0;
    size_t changed = 0;
    for (size_t i = 0; i < count; i++) {
        if (i == 0 || ids[i].value != ids[i - 1].value)
            rank++;
        char digits[16];
        snprintf(digits, sizeof digits, "%08lu", rank);
        if (memcmp(ids[i].at, digits, 8) != 0) {
            memcpy(ids[i].at, digits, 8);
            changed++;
        }
    }
    free(ids);
    return changed;
}

size_t bcp_pdf_make_reproducible(char *pdf, size_t len, long long epoch)
{
    char date[32];
    int date_len = epoch >= 0 ? pdf_date(epoch, date) : -1;
    return set_dates(pdf, len, date_len > 0 ? date : NULL, date_len) + renumber_nodes(pdf, len);
}
