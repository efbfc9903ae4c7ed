/* Reports of a diagnostics set as text for people (the source line with a
 * caret under the span, help, notes and fix-its), gcc-style lines for
 * editors and GitHub Actions workflow commands; each into a buffer that the
 * caller gets as a string.  JSON and SARIF are in output_json.c. */
#include "output.h"

#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/escape.h"
#include "diagnostics.h"

#define COLOR_RESET "\033[0m"
#define COLOR_BOLD "\033[1m"

bcp_status bcp_report_format_from_name(const char *name, bcp_report_format *format)
{
    static const struct {
        const char *name;
        bcp_report_format format;
    } names[] = {
        {"text", BCP_REPORT_TEXT},   {"gcc", BCP_REPORT_GCC},       {"json", BCP_REPORT_JSON},
        {"sarif", BCP_REPORT_SARIF}, {"github", BCP_REPORT_GITHUB},
    };
    for (size_t i = 0; name && i < sizeof names / sizeof *names; i++) {
        if (strcmp(names[i].name, name) == 0) {
            *format = names[i].format;
            return BCP_OK;
        }
    }
    return BCP_ERR_INVALID;
}

uint32_t bcp_report_end_column(const bcp_location *loc)
{
    if (loc->end_line == loc->line && loc->end_column <= loc->column)
        return loc->column + 1;
    return loc->end_column;
}

static const char *severity_color(bcp_severity sev)
{
    switch (sev) {
    case BCP_SEV_ERROR: return "\033[1;31m";
    case BCP_SEV_WARNING: return "\033[1;33m";
    default: return "\033[1;36m";
    }
}

/* Characters a report never writes as they are (base/escape.h). */
void bcp_report_escape(bcp_buf *out, const char *s, size_t len)
{
    bcp_escape_terminal(out, s, len);
}

char *bcp_escape_text(const char *s, size_t length)
{
    bcp_buf out = {0};
    bcp_buf_puts(&out, "");
    if (s)
        bcp_report_escape(&out, s, length);
    return bcp_buf_take(&out);
}

static void put_escaped(bcp_buf *out, const char *s)
{
    if (s)
        bcp_report_escape(out, s, strlen(s));
}

/* Display cells of the code point at s as the report shows it. */
static int shown_width(const char *s, int n, unsigned cp)
{
    char buf[16];
    const char *esc = bcp_escape_of(s, n, cp, buf);
    return esc ? (int)strlen(esc) : bcp_codepoint_width(cp);
}

/* The excerpt of the source line (… where it was cut) with carets under
 * the span's part of it (at least one); wide characters take two cells,
 * escapes their length, and tabs stay tabs, so the caret lines up. */
static void text_source_line(bcp_buf *out, const bcp_diagnostic *d, const bcp_excerpt *ex, bool color)
{
    const char *line = ex->text;
    size_t len = strlen(line);
    bcp_buf_printf(out, "%5u | %s", d->location.line, ex->cut_before ? "\u2026" : "");
    bcp_report_escape(out, line, len);
    bcp_buf_puts(out, ex->cut_after ? "\u2026\n" : "\n");
    bcp_buf_puts(out, ex->cut_before ? "      |  " : "      | ");
    size_t i = 0;
    for (uint32_t col = ex->first_column; col < d->location.column && i < len; col++) {
        unsigned cp;
        int n = bcp_utf8_decode(line + i, len - i, &cp);
        if (cp == '\t')
            bcp_buf_put(out, "\t", 1);
        else
            for (int w = shown_width(line + i, n, cp); w > 0; w--)
                bcp_buf_put(out, " ", 1);
        i += (size_t)n;
    }
    uint32_t end_col = d->location.end_line == d->location.line ? d->location.end_column : UINT32_MAX;
    int carets = 0;
    if (color)
        bcp_buf_puts(out, severity_color(d->severity));
    for (uint32_t col = d->location.column; col < end_col && i < len; col++) {
        unsigned cp;
        int n = bcp_utf8_decode(line + i, len - i, &cp);
        for (int w = shown_width(line + i, n, cp); w > 0; w--, carets++)
            bcp_buf_put(out, "^", 1);
        i += (size_t)n;
    }
    if (carets == 0)
        bcp_buf_put(out, "^", 1);
    if (color)
        bcp_buf_puts(out, COLOR_RESET);
    bcp_buf_put(out, "\n", 1);
}

static void text_location(bcp_buf *out, const bcp_location *loc)
{
    if (loc->path) {
        put_escaped(out, loc->path);
        bcp_buf_printf(out, ":%u:%u", loc->line, loc->column);
    } else
        bcp_buf_puts(out, "bcp");
}

/* "file:line:col: error: message [CODE name]", the source line with a caret,
 * then `= help:`, one `= note:` per related location and one `= fix:` per
 * fix-it. */
static void text_one(bcp_buf *out, const bcp_diagnostic *d, const bcp_excerpt *line, bool color)
{
    const char *bold = color ? COLOR_BOLD : "", *reset = color ? COLOR_RESET : "";
    bcp_buf_puts(out, bold);
    text_location(out, &d->location);
    bcp_buf_printf(out, ":%s %s%s:%s ", reset, color ? severity_color(d->severity) : "",
                   bcp_severity_name(d->severity), reset);
    put_escaped(out, d->message);
    if (d->code)
        bcp_buf_printf(out, " [%s%s%s]", d->code, d->name ? " " : "", d->name ? d->name : "");
    bcp_buf_put(out, "\n", 1);
    if (d->location.path && line)
        text_source_line(out, d, line, color);
    if (d->help) {
        bcp_buf_printf(out, "      = %shelp:%s ", bold, reset);
        put_escaped(out, d->help);
        bcp_buf_put(out, "\n", 1);
    }
    for (size_t i = 0; i < d->note_count; i++) {
        bcp_buf_printf(out, "      = %snote:%s ", bold, reset);
        if (d->notes[i].location.path) {
            text_location(out, &d->notes[i].location);
            bcp_buf_puts(out, ": ");
        }
        put_escaped(out, d->notes[i].message);
        bcp_buf_put(out, "\n", 1);
    }
    for (size_t i = 0; i < d->fixit_count; i++) {
        const bcp_fixit *f = &d->fixits[i];
        bcp_buf_printf(out, "      = %sfix:%s ", bold, reset);
        put_escaped(out, f->title);
        /* where it applies, unless that is where the caret already points */
        bool elsewhere = !d->location.path || strcmp(f->location.path, d->location.path) != 0 ||
                         f->location.start_byte != d->location.start_byte;
        if (f->location.path && elsewhere) {
            bcp_buf_puts(out, " (");
            text_location(out, &f->location);
            bcp_buf_puts(out, ")");
        }
        bcp_buf_put(out, "\n", 1);
    }
}

static void text_summary(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to)
{
    size_t n = to - from, errors = 0, warnings = 0, infos = 0;
    for (size_t i = from; i < to; i++) {
        bcp_severity s = bcp_diagnostics_get(set, i)->severity;
        errors += s == BCP_SEV_ERROR;
        warnings += s == BCP_SEV_WARNING;
        infos += s == BCP_SEV_INFO;
    }
    if (!n)
        return;
    bcp_buf_printf(out, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s", warnings,
                   warnings == 1 ? "" : "s");
    if (infos)
        bcp_buf_printf(out, ", %zu info", infos);
    bcp_buf_put(out, "\n", 1);
}

static const char *gcc_severity(bcp_severity sev)
{
    return sev == BCP_SEV_ERROR ? "error" : sev == BCP_SEV_WARNING ? "warning" : "note";
}

/* "file:line:col: severity: message [CODE name]" (gcc's "[-Wname]" place
 * for what produced the finding, docs/ci.md); related locations follow as
 * gcc's own "note:" lines, so that an editor can jump to them too.  Every
 * line is one line: paths and messages are escaped, so that no value from a
 * plan can start a line of its own. */
static void gcc_location(bcp_buf *out, const bcp_location *loc)
{
    put_escaped(out, loc->path);
    bcp_buf_printf(out, ":%u:%u: ", loc->line, loc->column);
}

static void gcc_one(bcp_buf *out, const bcp_diagnostic *d)
{
    if (d->location.path)
        gcc_location(out, &d->location);
    else
        bcp_buf_puts(out, "bcp: ");
    bcp_buf_printf(out, "%s: ", gcc_severity(d->severity));
    put_escaped(out, d->message);
    if (d->code)
        bcp_buf_printf(out, " [%s%s%s]", d->code, d->name ? " " : "", d->name ? d->name : "");
    bcp_buf_put(out, "\n", 1);
    for (size_t i = 0; i < d->note_count; i++) {
        const bcp_note *n = &d->notes[i];
        if (!n->location.path)
            continue;
        gcc_location(out, &n->location);
        bcp_buf_puts(out, "note: ");
        put_escaped(out, n->message);
        bcp_buf_put(out, "\n", 1);
    }
}

/* Workflow-command escaping: data escapes %, CR and LF; properties also : and ,.
 * Control and bidi characters are escaped first (bcp_report_escape). */
static void github_escape(bcp_buf *out, const char *raw, bool property)
{
    bcp_buf safe = {0};
    bcp_report_escape(&safe, raw, strlen(raw));
    char *text = bcp_buf_take(&safe);
    for (const char *s = text; *s; s++) {
        switch (*s) {
        case '%': bcp_buf_puts(out, "%25"); break;
        case '\r': bcp_buf_puts(out, "%0D"); break;
        case '\n': bcp_buf_puts(out, "%0A"); break;
        case ':':
        case ',':
            if (property)
                bcp_buf_printf(out, "%%%02X", (unsigned char)*s);
            else
                bcp_buf_put(out, s, 1);
            break;
        default: bcp_buf_put(out, s, 1);
        }
    }
    bcp_free(text);
}

static void github_one(bcp_buf *out, const bcp_diagnostic *d)
{
    const char *level = d->severity == BCP_SEV_ERROR ? "error" : d->severity == BCP_SEV_WARNING ? "warning" : "notice";
    bcp_buf_printf(out, "::%s ", level);
    bool comma = false;
    if (d->location.path) {
        bcp_buf_puts(out, "file=");
        github_escape(out, d->location.path, true);
        bcp_buf_printf(out, ",line=%u,col=%u,endLine=%u,endColumn=%u", d->location.line, d->location.column,
                       d->location.end_line, bcp_report_end_column(&d->location));
        comma = true;
    }
    if (d->code) {
        bcp_buf_puts(out, comma ? ",title=" : "title=");
        bcp_buf title = {0};
        bcp_buf_printf(&title, "%s%s%s", d->code, d->name ? " " : "", d->name ? d->name : "");
        github_escape(out, title.data, true);
        bcp_buf_free(&title);
    }
    bcp_buf_puts(out, "::");
    github_escape(out, d->message, false);
    if (d->help) {
        bcp_buf_puts(out, "%0Ahelp: ");
        github_escape(out, d->help, false);
    }
    bcp_buf_put(out, "\n", 1);
}

/* Items [from, to) of the set in one report. */
static char *render_range(const bcp_diagnostics *set, size_t from, size_t to, const bcp_report_options *options,
                          size_t *length)
{
    bcp_report_options defaults = {BCP_REPORT_TEXT, false, false};
    const bcp_report_options *o = options ? options : &defaults;
    bcp_buf out = {0};
    switch (o->format) {
    case BCP_REPORT_JSON:
        bcp_report_json(&out, set, from, to);
        break;
    case BCP_REPORT_SARIF:
        bcp_report_sarif(&out, set, from, to, o->docs_url);
        break;
    case BCP_REPORT_GCC:
    case BCP_REPORT_GITHUB:
        for (size_t i = from; i < to; i++) {
            if (o->format == BCP_REPORT_GCC)
                gcc_one(&out, bcp_diagnostics_get(set, i));
            else
                github_one(&out, bcp_diagnostics_get(set, i));
        }
        break;
    case BCP_REPORT_TEXT:
    default:
        for (size_t i = from; i < to; i++)
            text_one(&out, bcp_diagnostics_get(set, i), bcp_diagnostics_line(set, i), o->color);
        if (o->summary)
            text_summary(&out, set, from, to);
        break;
    }
    if (length)
        *length = out.len;
    return bcp_buf_take(&out);
}

char *bcp_report_render(const bcp_diagnostics *set, const bcp_report_options *options, size_t *length)
{
    return render_range(set, 0, bcp_diagnostics_count(set), options, length);
}

char *bcp_report_render_item(const bcp_diagnostics *set, size_t index, const bcp_report_options *options,
                             size_t *length)
{
    size_t n = bcp_diagnostics_count(set);
    return render_range(set, index < n ? index : n, index < n ? index + 1 : n, options, length);
}
