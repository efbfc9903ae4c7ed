/* Benchmark input: synthetic plans of a given size.
 *
 *   genplan FILE BYTES        one plan file of about BYTES bytes
 *   genplan --tree DIR FILES BYTES
 *                             DIR/plan.bcp using FILES modules DIR/mods/mNNNN.bcp,
 *                             about BYTES bytes in all
 *   genplan --hostile KIND FILE N
 *                             a pathological plan for make bench (issue 15):
 *       oneline   N contacts on one line
 *       string    one string of N bytes
 *       nested    contacts whose `channels` nest lists N deep, about 400 KB
 *       findings  one line holding N unknown attributes (N findings)
 *
 * The plan is sound in shape (references resolve, functions have RTOs, systems
 * have tested off-site backups, contacts two channels) so that the run measures
 * checking, not printing thousands of findings.  Output is deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void header(FILE *out)
{
    fputs("plan bench {\n"
          "  title        = \"Synthetic benchmark plan\"\n"
          "  organization = \"Bench Ltd\"\n"
          "  industry     = technology\n"
          "  owner        = contact.lead\n"
          "  reviewed     = 2026-09-01\n"
          "}\n\n"
          "contact lead { name = \"Lead\" tier = 1 phone = \"+44 20 7946 0000\" alt_phone = \"+44 7700 900000\" email = \"lead@bench.example\" }\n"
          "contact deputy { name = \"Deputy\" tier = 1 phone = \"+44 20 7946 0001\" alt_phone = \"+44 7700 900001\" email = \"deputy@bench.example\" }\n"
          "team crisis { title = \"Crisis team\" lead = contact.lead deputy = contact.deputy members = [contact.lead, contact.deputy] }\n"
          "training onboarding { title = \"Induction\" audience = [new_staff] when = onboarding }\n"
          "training yearly { title = \"Refresher\" audience = [staff] when = periodic every = 1y last = 2026-03-01 }\n\n",
          out);
}

/* One group of related entries, about 1.5 KB. */
static void group(FILE *out, unsigned long i)
{
    fprintf(out,
            "# Group %lu: a function, the system it needs, its people and an exercise.\n"
            "contact owner_%lu {\n"
            "  name      = \"Owner %lu\"\n"
            "  role      = \"Function lead\"\n"
            "  tier      = 2\n"
            "  phone     = \"+44 20 7946 %04lu\"\n"
            "  email     = \"owner%lu@bench.example\"\n"
            "  substitute = contact.deputy\n"
            "}\n\n"
            "system sys_%lu {\n"
            "  title = \"System %lu\"\n"
            "  rto   = 4h\n"
            "  rpo   = 1d\n"
            "  owner = contact.owner_%lu\n"
            "  backup { every = 1d  offsite = true  immutable = true  tested = 2026-10-01  where = \"Cloud region B\" }\n"
            "}\n\n"
            "function fn_%lu {\n"
            "  title    = \"Business function %lu\"\n"
            "  description = \"\"\"\n"
            "    A synthetic function that needs one system and has an owner and a deputy.\n"
            "    The text is long enough to make the file realistic prose for a plan.\n"
            "    \"\"\"\n"
            "  priority = 2\n"
            "  rto      = 24h\n"
            "  rpo      = 1d\n"
            "  mtpd     = 72h\n"
            "  needs    = [system.sys_%lu]\n"
            "  fallback = \"Manual forms until the system is back\"\n"
            "  owner    = contact.owner_%lu\n"
            "  deputy   = contact.deputy\n"
            "}\n\n"
            "exercise ex_%lu {\n"
            "  title  = \"Recovery test %lu\"\n"
            "  kind   = recovery_test\n"
            "  every  = 1y\n"
            "  last   = 2026-06-01\n"
            "  covers = [function.fn_%lu, system.sys_%lu]\n"
            "  owner  = contact.owner_%lu\n"
            "}\n\n",
            i, i, i, i % 10000, i, i, i, i, i, i, i, i, i, i, i, i, i);
}

static int single(const char *path, unsigned long bytes)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return 1;
    }
    header(out);
    for (unsigned long i = 0; (unsigned long)ftell(out) < bytes; i++)
        group(out, i);
    return fclose(out) != 0;
}

static int tree(const char *dir, unsigned long files, unsigned long bytes)
{
    char path[4096];
    mkdir(dir, 0777);
    snprintf(path, sizeof path, "%s/mods", dir);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/plan.bcp", dir);
    FILE *plan = fopen(path, "w");
    if (!plan) {
        perror(path);
        return 1;
    }
    for (unsigned long f = 0; f < files; f++)
        fprintf(plan, "use \"./mods/m%04lu.bcp\"\n", f);
    fputc('\n', plan);
    header(plan);
    if (fclose(plan) != 0)
        return 1;
    unsigned long per_file = files ? bytes / files : bytes, next = 0;
    for (unsigned long f = 0; f < files; f++) {
        snprintf(path, sizeof path, "%s/mods/m%04lu.bcp", dir, f);
        FILE *out = fopen(path, "w");
        if (!out) {
            perror(path);
            return 1;
        }
        while ((unsigned long)ftell(out) < per_file)
            group(out, next++);
        if (fclose(out) != 0)
            return 1;
    }
    return 0;
}

/* The pathological inputs of make bench (tools/bench-hostile.sh). */
static int hostile(const char *kind, const char *path, unsigned long n)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return 1;
    }
    header(out);
    if (strcmp(kind, "oneline") == 0) {
        for (unsigned long i = 0; i < n; i++)
            fprintf(out, "contact c%lu { name = \"Contact %lu\" } ", i, i);
    } else if (strcmp(kind, "string") == 0) {
        fputs("risk long {\n  title = \"", out);
        for (unsigned long i = 0; i < n; i++)
            fputc("abcdefgh ijklmnop"[i % 17], out);
        fputs("\"\n}\n", out);
    } else if (strcmp(kind, "nested") == 0) {
        for (unsigned long i = 0; (unsigned long)ftell(out) < 400000; i++) {
            fprintf(out, "contact n%lu {\n  name = \"Nested %lu\"\n  channels = ", i, i);
            for (unsigned long d = 0; d < n; d++)
                fputc('[', out);
            for (unsigned long d = 0; d < n; d++)
                fputc(']', out);
            fputs("\n}\n", out);
        }
    } else if (strcmp(kind, "findings") == 0) {
        fputs("risk many { ", out);
        for (unsigned long i = 0; i < n; i++)
            fprintf(out, "bogus%lu = 1 ", i);
        fputs("}\n", out);
    } else {
        fprintf(stderr, "genplan: unknown kind %s\n", kind);
        fclose(out);
        return 2;
    }
    fputc('\n', out);
    return fclose(out) != 0;
}

/* ---- simulate (issue 14): genplan --graph FILE ENTITIES ----
 * A plan of about ENTITIES sites, suppliers, systems, contacts and functions
 * (one of each per group, one site per four groups) wired as `bcp simulate`
 * follows them: a function needs its system, its supplier and the previous
 * function of its chain of ten, runs at its group's shared site and has an
 * owner with a substitute.  make bench runs `simulate --each` on it. */
static int graph(const char *path, unsigned long entities)
{
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return 1;
    }
    fputs("plan bench {\n  title = \"Simulation benchmark plan\"\n  organization = \"Bench Ltd\"\n}\n\n"
          "contact spare { name = \"Spare\" }\n\n",
          out);
    unsigned long groups = entities / 5 + 1;
    for (unsigned long g = 0; g < groups; g++) {
        if (g % 4 == 0)
            fprintf(out,
                    "site s%lu { name = \"Site %lu\" alternate = site.s%lu activation_time = %luh }\n", g / 4, g / 4,
                    g / 4 + 1, 12 + g % 48);
        fprintf(out,
                "supplier p%lu { name = \"Supplier %lu\" alternates = [supplier.p%lu] switch_time = %lud stock = %lud }\n"
                "system y%lu { title = \"System %lu\" rto = %luh vendor = supplier.p%lu sites = [site.s%lu]\n"
                "  backup b { every = 1d restore_time = %luh } }\n"
                "contact c%lu { name = \"Contact %lu\" substitute = contact.spare }\n"
                "function f%lu { title = \"Function %lu\" rto = 24h mtpd = 72h owner = contact.c%lu\n"
                "  sites = [site.s%lu] needs = [system.y%lu, supplier.p%lu%s",
                g, g, g + 1, 1 + g % 20, g % 10, g, g, 4 + g % 40, g, g / 4, 2 + g % 30, g, g, g, g, g, g / 4, g, g,
                g % 10 ? ", function.f" : "");
        if (g % 10)
            fprintf(out, "%lu", g - 1);
        fputs("] }\n", out);
    }
    fprintf(out, "site s%lu { name = \"Last site\" }\nsupplier p%lu { name = \"Last supplier\" }\n", groups / 4 + 1,
            groups);
    return fclose(out) != 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--graph") == 0)
        return graph(argv[2], strtoul(argv[3], NULL, 10));
    if (argc == 5 && strcmp(argv[1], "--hostile") == 0)
        return hostile(argv[2], argv[3], strtoul(argv[4], NULL, 10));
    if (argc == 3)
        return single(argv[1], strtoul(argv[2], NULL, 10));
    if (argc == 5 && strcmp(argv[1], "--tree") == 0)
        return tree(argv[2], strtoul(argv[3], NULL, 10), strtoul(argv[4], NULL, 10));
    fputs("usage: genplan FILE BYTES | genplan --tree DIR FILES BYTES | genplan --hostile KIND FILE N\n", stderr);
    return 2;
}
