#define _DEFAULT_SOURCE
#include "output.h"

#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

bool bcp_format_parse(const char *name, bcp_format *out)
{
    static const struct {
        const char *name;
        bcp_format format;
    } names[] = {
        {"text", BCP_FORMAT_TEXT},   {"gcc", BCP_FORMAT_GCC},       {"json", BCP_FORMAT_JSON},
        {"sarif", BCP_FORMAT_SARIF}, {"github", BCP_FORMAT_GITHUB},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(names[i].name, name) == 0) {
            *out = names[i].format;
            return true;
        }
    }
    return false;
}

void bcp_span_end(const bcp_span *span, uint32_t *line, uint32_t *column)
{
    const bcp_source *src = span->source;
    uint32_t row = span->row;
    size_t line_start = span->start_byte - span->byte_column;
    size_t end = span->end_byte > span->start_byte ? span->end_byte : span->start_byte;
    if (end > src->length)
        end = src->length;
    for (size_t i = span->start_byte; i < end; i++) {
        if (src->text[i] == '\n') {
            row++;
            line_start = i + 1;
        }
    }
    uint32_t col = 1;
    for (size_t i = line_start; i < end;) {
        unsigned cp;
        i += (size_t)bcp_utf8_decode(src->text + i, end - i, &cp);
        col++;
    }
    *line = row + 1;
    *column = col;
}

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

static void finding_from_diag(bcp_finding *f, const bcp_diag *d)
{
    memset(f, 0, sizeof *f);
    if (d->span.source) {
        f->file = dup_or_null(d->span.source->path);
        f->line = d->span.row + 1;
        f->column = bcp_span_column(&d->span);
        bcp_span_end(&d->span, &f->end_line, &f->end_column);
        if (f->end_line == f->line && f->end_column <= f->column)
            f->end_column = f->column + 1;
    }
    f->severity = d->severity;
    f->code = dup_or_null(d->code);
    f->name = dup_or_null(d->name);
    f->message = dup_or_null(d->message);
    f->fix = dup_or_null(d->hint);
}

static void finding_free(bcp_finding *f)
{
    free(f->file);
    free(f->code);
    free(f->name);
    free(f->message);
    free(f->fix);
}

void bcp_reporter_init(bcp_reporter *r, bcp_format format, FILE *out, bool color)
{
    memset(r, 0, sizeof *r);
    r->format = format;
    r->out = out;
    r->color = color && format == BCP_FORMAT_TEXT;
}

static const char *gcc_severity(bcp_severity sev)
{
    return sev == BCP_SEV_ERROR ? "error" : sev == BCP_SEV_WARNING ? "warning" : "note";
}

static void print_gcc(FILE *out, const bcp_finding *f)
{
    if (f->file)
        fprintf(out, "%s:%u:%u: ", f->file, f->line, f->column);
    else
        fputs("bcp: ", out);
    fprintf(out, "%s: %s", gcc_severity(f->severity), f->message);
    if (f->code)
        fprintf(out, " [%s]", f->code);
    fputc('\n', out);
}

/* Workflow-command escaping: data escapes %, CR and LF; properties also : and ,. */
static void github_escape(FILE *out, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':':
        case ',':
            if (property)
                fprintf(out, "%%%02X", (unsigned char)*s);
            else
                fputc(*s, out);
            break;
        default: fputc(*s, out);
        }
    }
}

static void print_github(FILE *out, const bcp_finding *f)
{
    const char *level = f->severity == BCP_SEV_ERROR ? "error" : f->severity == BCP_SEV_WARNING ? "warning" : "notice";
    fprintf(out, "::%s ", level);
    bool comma = false;
    if (f->file) {
        fputs("file=", out);
        github_escape(out, f->file, true);
        fprintf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u", f->line, f->column, f->end_line, f->end_column);
        comma = true;
    }
    if (f->code) {
        fputs(comma ? ",title=" : "title=", out);
        char title[256];
        snprintf(title, sizeof title, "%s%s%s", f->code, f->name ? " " : "", f->name ? f->name : "");
        github_escape(out, title, true);
    }
    fputs("::", out);
    github_escape(out, f->message, false);
    if (f->fix) {
        github_escape(out, "\nhelp: ", false);
        github_escape(out, f->fix, false);
    }
    fputc('\n', out);
}

void bcp_reporter_add(bcp_reporter *r, const bcp_diag *d)
{
    if (d->severity == BCP_SEV_ERROR)
        r->errors++;
    else if (d->severity == BCP_SEV_WARNING)
        r->warnings++;
    else
        r->infos++;
    if (r->format == BCP_FORMAT_TEXT) {
        bcp_diag_print(r->out, d, r->color);
        return;
    }
    bcp_finding f;
    finding_from_diag(&f, d);
    if (r->format == BCP_FORMAT_GCC || r->format == BCP_FORMAT_GITHUB) {
        if (r->format == BCP_FORMAT_GCC)
            print_gcc(r->out, &f);
        else
            print_github(r->out, &f);
        finding_free(&f);
        return;
    }
    r->findings = bcp_grow(r->findings, &r->capacity, r->count, sizeof *r->findings);
    r->findings[r->count++] = f;
}

void bcp_reporter_finish(bcp_reporter *r)
{
    switch (r->format) {
    case BCP_FORMAT_JSON:
        bcp_output_json(r->out, r->findings, r->count);
        break;
    case BCP_FORMAT_SARIF:
        bcp_output_sarif(r->out, r->findings, r->count);
        break;
    case BCP_FORMAT_TEXT:
        if (r->errors || r->warnings || r->infos) {
            fprintf(r->out, "%zu error%s, %zu warning%s", r->errors, r->errors == 1 ? "" : "s", r->warnings,
                    r->warnings == 1 ? "" : "s");
            if (r->infos)
                fprintf(r->out, ", %zu info", r->infos);
            fputc('\n', r->out);
        }
        break;
    default:
        break;
    }
}

void bcp_reporter_free(bcp_reporter *r)
{
    for (size_t i = 0; i < r->count; i++)
        finding_free(&r->findings[i]);
    free(r->findings);
    r->findings = NULL;
    r->count = r->capacity = 0;
}
