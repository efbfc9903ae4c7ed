/* Bench tool (make bench): the median wall time of short commands, run in
 * turn (one run of each, then again) so that a busy machine slows them alike.
 * usage: startup RUNS "CMD ARG..." ...   prints "MEDIAN_MS CMD" per command,
 * in the order given.  Arguments are split on spaces; output goes to /dev/null. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_ARGS = 32, MAX_CMDS = 8, MAX_RUNS = 1000 };

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Runs argv once with stdin, stdout and stderr on /dev/null; returns ms, or -1. */
static double run_once(char **argv)
{
    double start = now_ms();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
        return -1;
    return now_ms() - start;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 0;
    int cmds = argc - 2;
    if (runs < 1 || runs > MAX_RUNS || cmds < 1 || cmds > MAX_CMDS) {
        fprintf(stderr, "usage: startup RUNS \"CMD ARG...\" ... (at most %d commands)\n", MAX_CMDS);
        return 2;
    }
    static char *args[MAX_CMDS][MAX_ARGS + 1];
    static double times[MAX_CMDS][MAX_RUNS];
    for (int c = 0; c < cmds; c++) {
        int n = 0;
        for (char *word = strtok(argv[c + 2], " "); word && n < MAX_ARGS; word = strtok(NULL, " "))
            args[c][n++] = word;
        args[c][n] = NULL;
    }
    for (int r = 0; r < runs; r++)
        for (int c = 0; c < cmds; c++)
            if ((times[c][r] = run_once(args[c])) < 0) {
                fprintf(stderr, "startup: cannot run %s\n", args[c][0]);
                return 1;
            }
    for (int c = 0; c < cmds; c++) {
        qsort(times[c], (size_t)runs, sizeof times[c][0], compare);
        double median = runs % 2 ? times[c][runs / 2] : (times[c][runs / 2 - 1] + times[c][runs / 2]) / 2;
        printf("%.2f", median);
        for (char **a = args[c]; *a; a++)
            printf(" %s", *a);
        putchar('\n');
    }
    return 0;
}
