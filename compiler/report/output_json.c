/* JSON (flat, versioned) and SARIF 2.1.0 reports of a diagnostics set, built
 * with jansson into a buffer.  Related locations and fix-its appear in JSON
 * as "notes" and "fixes" (only when a finding has them) and in SARIF as
 * relatedLocations and fixes. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/escape.h"
#include "diagnostics.h"
#include "output.h"
#include "rules/rule.h"

/* A JSON string of s, always: a byte that is not UTF-8 (or a code point
 * JSON cannot carry) becomes U+FFFD, so that no required field ever goes
 * missing because a plan held a bad byte. */
static json_t *text_value(const char *s)
{
    if (!s)
        s = "";
    json_t *v = json_string(s);
    if (v)
        return v;
    bcp_buf clean = {0};
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        unsigned cp;
        int n = bcp_utf8_decode(s + i, len - i, &cp);
        bool bad = (cp == 0xFFFD && n == 1) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
        if (bad)
            bcp_buf_puts(&clean, "\xEF\xBF\xBD");
        else
            bcp_buf_put(&clean, s + i, (size_t)n);
        i += (size_t)n;
    }
    char *text = bcp_buf_take(&clean);
    v = json_string(text);
    bcp_free(text);
    return v ? v : json_string("\xEF\xBF\xBD");
}

static json_t *string_or_null(const char *s)
{
    return s ? text_value(s) : json_null();
}

static void dump(bcp_buf *out, json_t *doc)
{
    char *text = json_dumps(doc, JSON_INDENT(2));
    if (text) {
        bcp_escape_json(out, text, strlen(text)); /* no raw C1 or bidi control */
        free(text); /* jansson's allocation */
    }
    bcp_buf_put(out, "\n", 1);
    json_decref(doc);
}

static void json_location(json_t *o, const bcp_location *loc)
{
    json_object_set_new(o, "file", string_or_null(loc->path));
    json_object_set_new(o, "line", json_integer(loc->line));
    json_object_set_new(o, "column", json_integer(loc->column));
    json_object_set_new(o, "end_line", json_integer(loc->end_line));
    json_object_set_new(o, "end_column", json_integer(loc->path ? bcp_report_end_column(loc) : 0));
}

/* The accepted deviations (only when there are some): what the findings
 * leave out, and on what terms. */
static json_t *json_deviations(const bcp_diagnostics *set)
{
    json_t *list = json_array();
    for (size_t i = 0; i < bcp_diagnostics_deviation_count(set); i++) {
        const bcp_deviation *d = bcp_diagnostics_deviation(set, i);
        json_t *o = json_object();
        json_location(o, &d->location);
        json_object_set_new(o, "code", string_or_null(d->code));
        json_object_set_new(o, "name", string_or_null(d->name));
        json_object_set_new(o, "entity", string_or_null(d->entity));
        json_object_set_new(o, "id", string_or_null(d->id));
        json_object_set_new(o, "reason", string_or_null(d->reason));
        json_object_set_new(o, "owner", string_or_null(d->owner));
        json_object_set_new(o, "until", string_or_null(d->until));
        json_object_set_new(o, "approved", string_or_null(d->approved));
        json_t *f = json_object();
        json_location(f, &d->finding_location);
        json_object_set_new(f, "message", json_string(d->message ? d->message : ""));
        json_object_set_new(o, "finding", f);
        json_array_append_new(list, o);
    }
    return list;
}

/* ==== serve13c part: the document as a value, for callers that embed it
 * (the service) instead of parsing its text back. */
json_t *bcp_report_json_doc(const bcp_diagnostics *set, size_t from, size_t to)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "version", json_integer(BCP_JSON_VERSION));
    json_t *list = json_array();
    for (size_t i = from; i < to; i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        json_t *o = json_object();
        json_location(o, &d->location);
        json_object_set_new(o, "severity", json_string(bcp_severity_name(d->severity)));
        json_object_set_new(o, "code", string_or_null(d->code));
        json_object_set_new(o, "name", string_or_null(d->name));
        json_object_set_new(o, "message", text_value(d->message));
        json_object_set_new(o, "fix", string_or_null(d->help));
        if (d->note_count) {
            json_t *notes = json_array();
            for (size_t k = 0; k < d->note_count; k++) {
                json_t *n = json_object();
                json_location(n, &d->notes[k].location);
                json_object_set_new(n, "message", text_value(d->notes[k].message));
                json_array_append_new(notes, n);
            }
            json_object_set_new(o, "notes", notes);
        }
        if (d->fixit_count) {
            json_t *fixes = json_array();
            for (size_t k = 0; k < d->fixit_count; k++) {
                json_t *f = json_object();
                json_location(f, &d->fixits[k].location);
                json_object_set_new(f, "replacement", text_value(d->fixits[k].replacement));
                json_object_set_new(f, "title", string_or_null(d->fixits[k].title));
                json_array_append_new(fixes, f);
            }
            json_object_set_new(o, "fixes", fixes);
        }
        json_array_append_new(list, o);
    }
    json_object_set_new(doc, "findings", list);
    if (from == 0 && to == bcp_diagnostics_count(set) && bcp_diagnostics_deviation_count(set))
        json_object_set_new(doc, "deviations", json_deviations(set));
    json_t *regimes = (json_t *)bcp_diagnostics_regimes(set);
    if (from == 0 && to == bcp_diagnostics_count(set) && regimes)
        json_object_set(doc, "regimes", regimes);
    return doc;
}

void bcp_report_json(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to)
{
    dump(out, bcp_report_json_doc(set, from, to));
}
/* ==== end */

static const char *sarif_level(bcp_severity sev)
{
    return sev == BCP_SEV_ERROR ? "error" : sev == BCP_SEV_WARNING ? "warning" : "note";
}

/* SARIF's message object: "text" is required, so it is always there. */
static json_t *text_object(const char *text)
{
    json_t *o = json_object();
    json_object_set_new(o, "text", text_value(text));
    return o;
}

/* A relative reference for relative paths, a file:// URI for absolute ones;
 * bytes outside the unreserved set are percent-encoded. */
static json_t *path_uri(const char *path)
{
    bcp_buf b = {0};
    if (path[0] == '/')
        bcp_buf_puts(&b, "file://");
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c)) {
            bcp_buf_put(&b, (const char *)p, 1);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            bcp_buf_put(&b, esc, 3);
        }
    }
    char *s = bcp_buf_take(&b);
    json_t *uri = text_value(s);
    bcp_free(s);
    return uri;
}

void bcp_report_docs_uri(bcp_buf *out, const char *docs_url, const char *code)
{
    const char *mark = strstr(docs_url, "{code}");
    if (mark) {
        bcp_buf_put(out, docs_url, (size_t)(mark - docs_url));
        bcp_buf_puts(out, code);
        bcp_buf_puts(out, mark + strlen("{code}"));
        return;
    }
    size_t n = strlen(docs_url);
    bcp_buf_printf(out, "%s%s%s.md", docs_url, n && docs_url[n - 1] == '/' ? "" : "/", code);
}

static json_t *catalogue_rule(const bcp_rule *r, const char *docs_url)
{
    bcp_buf help = {0}, uri = {0};
    bcp_buf_printf(&help, "%s\n\nFix: %s\n\nWhy: %s", r->summary, r->fix ? r->fix : "", r->rationale ? r->rationale : "");
    if (docs_url)
        bcp_report_docs_uri(&uri, docs_url, r->code);
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(r->code));
    json_object_set_new(o, "name", json_string(r->name));
    json_object_set_new(o, "shortDescription", text_object(r->summary));
    json_object_set_new(o, "fullDescription", text_object(r->rationale ? r->rationale : r->summary));
    json_object_set_new(o, "help", text_object(help.data));
    if (docs_url)
        json_object_set_new(o, "helpUri", text_value(uri.data));
    json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", sarif_level(r->severity)));
    bcp_buf_free(&help);
    bcp_buf_free(&uri);
    return o;
}

/* Model and syntax errors (E***) are not lint rules: describe them by name. */
static json_t *model_rule(const bcp_diagnostic *d)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(d->code));
    if (d->name)
        json_object_set_new(o, "name", json_string(d->name));
    json_object_set_new(o, "shortDescription", text_object(d->name ? d->name : d->code));
    json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", sarif_level(d->severity)));
    return o;
}

static int rule_index_of(json_t *rules, const char *code)
{
    for (size_t i = 0; i < json_array_size(rules); i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(rules, i), "id")), code) == 0)
            return (int)i;
    return -1;
}

static json_t *sarif_region(const bcp_location *loc)
{
    return json_pack("{s:i,s:i,s:i,s:i}", "startLine", (int)loc->line, "startColumn", (int)loc->column, "endLine",
                     (int)loc->end_line, "endColumn", (int)bcp_report_end_column(loc));
}

static json_t *sarif_physical(const bcp_location *loc)
{
    json_t *physical = json_object();
    json_object_set_new(physical, "artifactLocation", json_pack("{s:o}", "uri", path_uri(loc->path)));
    json_object_set_new(physical, "region", sarif_region(loc));
    return physical;
}

/* Notes become relatedLocations, fix-its become fixes (one replacement each). */
static void sarif_related_and_fixes(json_t *r, const bcp_diagnostic *d)
{
    json_t *related = json_array();
    for (size_t k = 0; k < d->note_count; k++) {
        const bcp_note *n = &d->notes[k];
        if (!n->location.path)
            continue;
        json_t *loc = json_object();
        json_object_set_new(loc, "id", json_integer((json_int_t)k));
        json_object_set_new(loc, "physicalLocation", sarif_physical(&n->location));
        json_object_set_new(loc, "message", text_object(n->message));
        json_array_append_new(related, loc);
    }
    if (json_array_size(related))
        json_object_set_new(r, "relatedLocations", related);
    else
        json_decref(related);
    json_t *fixes = json_array();
    for (size_t k = 0; k < d->fixit_count; k++) {
        const bcp_fixit *f = &d->fixits[k];
        if (!f->location.path)
            continue;
        json_t *replacement = json_object();
        json_object_set_new(replacement, "deletedRegion", sarif_region(&f->location));
        json_object_set_new(replacement, "insertedContent", text_object(f->replacement));
        json_t *change = json_object();
        json_object_set_new(change, "artifactLocation", json_pack("{s:o}", "uri", path_uri(f->location.path)));
        json_object_set_new(change, "replacements", json_pack("[o]", replacement));
        json_t *fix = json_object();
        json_object_set_new(fix, "description", text_object(f->title));
        json_object_set_new(fix, "artifactChanges", json_pack("[o]", change));
        json_array_append_new(fixes, fix);
    }
    if (json_array_size(fixes))
        json_object_set_new(r, "fixes", fixes);
    else
        json_decref(fixes);
}

void bcp_report_sarif(bcp_buf *out, const bcp_diagnostics *set, size_t from, size_t to, const char *docs_url)
{
    json_t *rules = json_array();
    for (size_t i = 0; i < bcp_rule_count; i++)
        json_array_append_new(rules, catalogue_rule(bcp_rules[i], docs_url));
    json_t *results = json_array();
    for (size_t i = from; i < to; i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        json_t *r = json_object();
        if (d->code) {
            int index = rule_index_of(rules, d->code);
            if (index < 0) {
                json_array_append_new(rules, model_rule(d));
                index = (int)json_array_size(rules) - 1;
            }
            json_object_set_new(r, "ruleId", json_string(d->code));
            json_object_set_new(r, "ruleIndex", json_integer(index));
        }
        json_object_set_new(r, "level", json_string(sarif_level(d->severity)));
        json_object_set_new(r, "message", text_object(d->message));
        if (d->location.path)
            json_object_set_new(r, "locations", json_pack("[{s:o}]", "physicalLocation", sarif_physical(&d->location)));
        sarif_related_and_fixes(r, d);
        if (d->help)
            json_object_set_new(r, "properties", json_pack("{s:o}", "fix", text_value(d->help)));
        json_array_append_new(results, r);
    }
    json_t *driver = json_object();
    json_object_set_new(driver, "name", json_string("bcp"));
    json_object_set_new(driver, "version", json_string(BCP_VERSION));
    if (docs_url)
        json_object_set_new(driver, "informationUri", text_value(docs_url));
    json_object_set_new(driver, "rules", rules);
    json_t *run = json_object();
    json_object_set_new(run, "tool", json_pack("{s:o}", "driver", driver));
    json_object_set_new(run, "columnKind", json_string("unicodeCodePoints"));
    json_object_set_new(run, "results", results);
    json_t *doc = json_object();
    json_object_set_new(doc, "$schema", json_string("https://json.schemastore.org/sarif-2.1.0.json"));
    json_object_set_new(doc, "version", json_string("2.1.0"));
    json_object_set_new(doc, "runs", json_pack("[o]", run));
    dump(out, doc);
}
