/* bcp serve: inotify on the root and every folder under it (hidden folders
 * and node_modules left out; folders made later are added).  A change to a
 * .bcp file bumps a count that the event streams wait on. */
#define _DEFAULT_SOURCE
#include "serve.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { MAX_WATCHES = 4096, MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE };

typedef struct watched {
    int wd;
    char *rel;   /* relative to the root; "" for the root */
} watched;

struct serve_watch {
    int fd;
    char *root;
    watched *dirs;
    size_t count;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    unsigned long changes;
    bool stopping;
    char last[PATH_MAX];
};

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *p = bcp_malloc(la + lb + 2);
    memcpy(p, a, la);
    size_t n = la;
    if (la && lb)
        p[n++] = '/';
    memcpy(p + n, b, lb);
    p[n + lb] = '\0';
    return p;
}

static bool skipped(const char *name)
{
    return name[0] == '.' || strcmp(name, "node_modules") == 0;
}

/* Adds a watch on root/rel and, recursively, its folders. */
static void add_tree(serve_watch *w, const char *rel)
{
    if (w->count >= MAX_WATCHES)
        return;
    char *abs = *rel ? join(w->root, rel) : join(w->root, "");
    int wd = inotify_add_watch(w->fd, abs, MASK | IN_ONLYDIR);
    if (wd < 0) {
        bcp_free(abs);
        return;
    }
    w->dirs[w->count].wd = wd;
    w->dirs[w->count].rel = join(rel, "");
    w->count++;
    DIR *d = opendir(abs);
    bcp_free(abs);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (skipped(e->d_name))
            continue;
        bool dir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN) {
            char *sub = join(rel, e->d_name), *full = join(w->root, sub);
            struct stat sb;
            dir = lstat(full, &sb) == 0 && S_ISDIR(sb.st_mode);
            bcp_free(sub);
            bcp_free(full);
        }
        if (dir) {
            char *sub = join(rel, e->d_name);
            add_tree(w, sub);
            bcp_free(sub);
        }
    }
    closedir(d);
}

static const char *rel_of(serve_watch *w, int wd)
{
    for (size_t i = 0; i < w->count; i++)
        if (w->dirs[i].wd == wd)
            return w->dirs[i].rel;
    return NULL;
}

static bool is_plan(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".bcp") == 0 && name[0] != '.';
}

static void *watch_thread(void *arg)
{
    serve_watch *w = arg;
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        pthread_mutex_lock(&w->lock);
        bool stop = w->stopping;
        pthread_mutex_unlock(&w->lock);
        if (stop)
            break;
        struct pollfd p = {w->fd, POLLIN, 0};
        int r = poll(&p, 1, 200);
        if (r <= 0)
            continue;
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            continue;
        for (char *q = buf; q < buf + n;) {
            struct inotify_event *ev = (struct inotify_event *)q;
            q += sizeof *ev + ev->len;
            const char *dir = rel_of(w, ev->wd);
            if (!dir || !ev->len || skipped(ev->name))
                continue;
            char *rel = join(dir, ev->name);
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
                add_tree(w, rel);
            } else if (!(ev->mask & IN_ISDIR) && is_plan(ev->name)) {
                pthread_mutex_lock(&w->lock);
                w->changes++;
                snprintf(w->last, sizeof w->last, "%s", rel);
                pthread_cond_broadcast(&w->changed);
                pthread_mutex_unlock(&w->lock);
            }
            bcp_free(rel);
        }
    }
    return NULL;
}

serve_watch *serve_watch_start(const char *root)
{
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd < 0)
        return NULL;
    serve_watch *w = bcp_malloc(sizeof *w);
    memset(w, 0, sizeof *w);
    w->fd = fd;
    w->root = join(root, "");
    w->dirs = bcp_malloc(MAX_WATCHES * sizeof *w->dirs);
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->changed, NULL);
    add_tree(w, "");
    if (w->count == 0 || pthread_create(&w->thread, NULL, watch_thread, w) != 0) {
        serve_watch_free(w);
        return NULL;
    }
    return w;
}

void serve_watch_stop(serve_watch *w)
{
    if (!w)
        return;
    pthread_mutex_lock(&w->lock);
    bool was = w->stopping;
    w->stopping = true;
    pthread_cond_broadcast(&w->changed);
    pthread_mutex_unlock(&w->lock);
    if (!was)
        pthread_join(w->thread, NULL);
}

void serve_watch_free(serve_watch *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->count; i++)
        bcp_free(w->dirs[i].rel);
    bcp_free(w->dirs);
    bcp_free(w->root);
    close(w->fd);
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    bcp_free(w);
}

unsigned long serve_watch_wait(serve_watch *w, unsigned long seen, int timeout_ms, char *path,
                               size_t size)
{
    if (!w) {
        if (timeout_ms > 0) {
            struct timespec ts = {timeout_ms / 1000, (long)(timeout_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
        return seen == (unsigned long)-2 ? 0 : seen;
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&w->lock);
    while (!w->stopping && w->changes == seen && timeout_ms > 0)
        if (pthread_cond_timedwait(&w->changed, &w->lock, &until) == ETIMEDOUT)
            break;
    unsigned long now = w->stopping ? (unsigned long)-1 : w->changes;
    if (path && size)
        snprintf(path, size, "%s", w->last);
    pthread_mutex_unlock(&w->lock);
    return now;
}
