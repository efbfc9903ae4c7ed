/* JSON (flat, versioned) and SARIF 2.1.0 documents, built with jansson. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "output.h"
#include "rules/rule.h"

static json_t *string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static void dump(FILE *out, json_t *doc)
{
    json_dumpf(doc, out, JSON_INDENT(2));
    fputc('\n', out);
    json_decref(doc);
}

void bcp_output_json(FILE *out, const bcp_finding *findings, size_t count)
{
    json_t *doc = json_object();
    json_object_set_new(doc, "version", json_integer(BCP_JSON_VERSION));
    json_t *list = json_array();
    for (size_t i = 0; i < count; i++) {
        const bcp_finding *f = &findings[i];
        json_t *o = json_object();
        json_object_set_new(o, "file", string_or_null(f->file));
        json_object_set_new(o, "line", json_integer(f->line));
        json_object_set_new(o, "column", json_integer(f->column));
        json_object_set_new(o, "end_line", json_integer(f->end_line));
        json_object_set_new(o, "end_column", json_integer(f->end_column));
        json_object_set_new(o, "severity", json_string(bcp_severity_name(f->severity)));
        json_object_set_new(o, "code", string_or_null(f->code));
        json_object_set_new(o, "name", string_or_null(f->name));
        json_object_set_new(o, "message", json_string(f->message ? f->message : ""));
        json_object_set_new(o, "fix", string_or_null(f->fix));
        json_array_append_new(list, o);
    }
    json_object_set_new(doc, "findings", list);
    dump(out, doc);
}

static const char *sarif_level(bcp_severity sev)
{
    return sev == BCP_SEV_ERROR ? "error" : sev == BCP_SEV_WARNING ? "warning" : "note";
}

static json_t *text_object(const char *text)
{
    return json_pack("{s:s}", "text", text ? text : "");
}

/* A relative reference for relative paths, a file:// URI for absolute ones;
 * bytes outside the unreserved set are percent-encoded. */
static json_t *path_uri(const char *path)
{
    size_t n = strlen(path);
    char *buf = malloc(n * 3 + 8);
    if (!buf)
        abort();
    size_t o = 0;
    if (path[0] == '/') {
        memcpy(buf, "file://", 7);
        o = 7;
    }
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c)) {
            buf[o++] = (char)c;
        } else {
            buf[o++] = '%';
            buf[o++] = hex[c >> 4];
            buf[o++] = hex[c & 15];
        }
    }
    buf[o] = '\0';
    json_t *s = json_string(buf);
    free(buf);
    return s;
}

static json_t *catalogue_rule(const bcp_rule *r)
{
    char help[4096], uri[512];
    snprintf(help, sizeof help, "%s\n\nFix: %s\n\nWhy: %s", r->summary, r->fix ? r->fix : "", r->rationale ? r->rationale : "");
    snprintf(uri, sizeof uri, "%s%s.md", BCP_RULE_DOCS_URL, r->code);
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(r->code));
    json_object_set_new(o, "name", json_string(r->name));
    json_object_set_new(o, "shortDescription", text_object(r->summary));
    json_object_set_new(o, "fullDescription", text_object(r->rationale ? r->rationale : r->summary));
    json_object_set_new(o, "help", text_object(help));
    json_object_set_new(o, "helpUri", json_string(uri));
    json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", sarif_level(r->severity)));
    return o;
}

/* Model and syntax errors (E***) are not in the catalogue: describe them by name. */
static json_t *model_rule(const bcp_finding *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(f->code));
    if (f->name)
        json_object_set_new(o, "name", json_string(f->name));
    json_object_set_new(o, "shortDescription", text_object(f->name ? f->name : f->code));
    json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", sarif_level(f->severity)));
    return o;
}

static int rule_index_of(json_t *rules, const char *code)
{
    for (size_t i = 0; i < json_array_size(rules); i++)
        if (strcmp(json_string_value(json_object_get(json_array_get(rules, i), "id")), code) == 0)
            return (int)i;
    return -1;
}

void bcp_output_sarif(FILE *out, const bcp_finding *findings, size_t count)
{
    json_t *rules = json_array();
    for (size_t i = 0; i < bcp_rule_count; i++)
        json_array_append_new(rules, catalogue_rule(bcp_rules[i]));
    json_t *results = json_array();
    for (size_t i = 0; i < count; i++) {
        const bcp_finding *f = &findings[i];
        json_t *r = json_object();
        if (f->code) {
            int index = rule_index_of(rules, f->code);
            if (index < 0) {
                json_array_append_new(rules, model_rule(f));
                index = (int)json_array_size(rules) - 1;
            }
            json_object_set_new(r, "ruleId", json_string(f->code));
            json_object_set_new(r, "ruleIndex", json_integer(index));
        }
        json_object_set_new(r, "level", json_string(sarif_level(f->severity)));
        json_object_set_new(r, "message", text_object(f->message));
        if (f->file) {
            json_t *region = json_pack("{s:i,s:i,s:i,s:i}", "startLine", (int)f->line, "startColumn", (int)f->column,
                                       "endLine", (int)f->end_line, "endColumn", (int)f->end_column);
            json_t *physical = json_object();
            json_object_set_new(physical, "artifactLocation", json_pack("{s:o}", "uri", path_uri(f->file)));
            json_object_set_new(physical, "region", region);
            json_object_set_new(r, "locations", json_pack("[{s:o}]", "physicalLocation", physical));
        }
        if (f->fix)
            json_object_set_new(r, "properties", json_pack("{s:s}", "fix", f->fix));
        json_array_append_new(results, r);
    }
    json_t *driver = json_object();
    json_object_set_new(driver, "name", json_string("bcp"));
    json_object_set_new(driver, "version", json_string(BCP_VERSION));
    json_object_set_new(driver, "informationUri", json_string(BCP_RULE_DOCS_URL));
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
