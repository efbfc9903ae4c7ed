/* The JSON Schemas (draft 2020-12) of the service operations' requests and
 * successful responses (bcp_service_input_schema / _output_schema): what
 * bcp mcp lists as each tool's inputSchema and outputSchema, and what
 * bcp serve can put in its OpenAPI file.  Kept beside service.c, which reads
 * exactly these arguments (an argument not listed here is refused, E300). */
#ifndef BCP_SERVICE_SCHEMAS_H
#define BCP_SERVICE_SCHEMAS_H

#define SVC_PLAN_ARGS                                                                                       \
    "\"path\":{\"type\":\"string\",\"description\":\"A .bcp plan file under the server's root, relative to "  \
    "it (e.g. huadong/plan.bcp). Give path or text.\"},"                                                     \
    "\"text\":{\"type\":\"string\",\"description\":\"The plan's .bcp text itself (instead of path).\"},"     \
    "\"name\":{\"type\":\"string\",\"description\":\"With text: the file name the text stands for in the "   \
    "root (default inline.bcp), so that its imports resolve there.\"}"

#define SVC_FINDING                                                                                          \
    "{\"type\":\"object\",\"required\":[\"severity\",\"message\"],\"properties\":{"                           \
    "\"file\":{\"type\":[\"string\",\"null\"]},\"line\":{\"type\":\"integer\"},\"column\":{\"type\":\"integer\"}," \
    "\"end_line\":{\"type\":\"integer\"},\"end_column\":{\"type\":\"integer\"},"                              \
    "\"severity\":{\"enum\":[\"error\",\"warning\",\"info\"]},\"code\":{\"type\":[\"string\",\"null\"]},"        \
    "\"name\":{\"type\":[\"string\",\"null\"]},\"message\":{\"type\":\"string\"},"                        \
    "\"help\":{\"type\":[\"string\",\"null\"]},\"fix\":{\"type\":[\"string\",\"null\"]},"                  \
    "\"docs_url\":{\"type\":\"string\"},"                                         \
    "\"notes\":{\"type\":\"array\"},\"fixes\":{\"type\":\"array\",\"description\":\"Fix-its: replace the text "  \
    "at the location by replacement.\"}}}"

#define SVC_FINDINGS "{\"type\":\"array\",\"items\":" SVC_FINDING "}"
#define SVC_COUNTS                                                                                           \
    "\"errors\":{\"type\":\"integer\"},\"warnings\":{\"type\":\"integer\"},\"infos\":{\"type\":\"integer\"}"
#define SVC_OBJ(props, req) "{\"type\":\"object\",\"properties\":{" props "}" req "}"
#define SVC_STRLIST(desc)                                                                                    \
    "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"" desc "\"}"

#define BCP_SVC_CHECK_SUMMARY                                                                                \
    "Check a business continuity plan (.bcp) for syntax, model and lint errors, as `bcp check` does. "      \
    "Returns every finding with file, line, column, rule code and name, severity, message, a docs URL and "  \
    "fix-its."
#define BCP_SVC_CHECK_IN                                                                                     \
    SVC_OBJ(SVC_PLAN_ARGS ","                                                                                \
            "\"select\":" SVC_STRLIST("Rule selectors to run (codes, names, prefixes, families, ALL).") ","  \
            "\"ignore\":" SVC_STRLIST("Rule selectors to leave out.") ","                                    \
            "\"regimes\":" SVC_STRLIST("Regulatory regimes to check besides the plan's own (e.g. dora).") "," \
            "\"no_lint\":{\"type\":\"boolean\",\"description\":\"Only syntax and model errors.\"}",           \
            ",\"additionalProperties\":false")
#define BCP_SVC_CHECK_OUT                                                                                    \
    SVC_OBJ("\"findings\":" SVC_FINDINGS "," SVC_COUNTS ",\"syntax_errors\":{\"type\":\"boolean\"},"          \
            "\"problems\":" SVC_FINDINGS,                                                                     \
            ",\"required\":[\"findings\",\"errors\",\"warnings\",\"infos\"]")

#define BCP_SVC_BUILD_SUMMARY                                                                                \
    "Compile a plan into its continuity document: Markdown, HTML or JSON text inline, or written to a "     \
    "file under the root with output (only on a server started with --allow-write). Refuses a plan with "   \
    "errors unless "                                                                                          \
    "draft is true (then the document is marked DRAFT and lists the findings)."
#define BCP_SVC_BUILD_IN                                                                                     \
    SVC_OBJ(SVC_PLAN_ARGS ","                                                                                \
            "\"format\":{\"enum\":[\"markdown\",\"json\",\"html\"],\"description\":\"Default markdown.\"}," \
            "\"lang\":{\"type\":\"string\",\"description\":\"en or zh-CN; default the plan's language.\"},"   \
            "\"draft\":{\"type\":\"boolean\"},"                                                              \
            "\"output\":{\"type\":\"string\",\"description\":\"A file under the root to write the document "    \
            "to (needs --allow-write).\"}",                                                                   \
            ",\"additionalProperties\":false")
#define BCP_SVC_BUILD_OUT                                                                                    \
    SVC_OBJ("\"format\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"},\"lang\":{\"type\":\"string\"}," \
            "\"document\":{\"type\":\"string\"},\"written\":{\"type\":\"string\"},\"bytes\":{\"type\":\"integer\"}," \
            "\"findings\":" SVC_FINDINGS "," SVC_COUNTS ",\"warnings_detail\":" SVC_FINDINGS,                    \
            ",\"required\":[\"format\",\"findings\"]")

#define BCP_SVC_INIT_SUMMARY                                                                                 \
    "Write a starter continuity plan (.bcp text) from the standard library's industry preset, for a size, " \
    "sites or regions and a language. The text is returned; with output (and --allow-write) it is also "    \
    "written."
#define BCP_SVC_INIT_IN                                                                                      \
    SVC_OBJ("\"industry\":{\"type\":\"string\",\"description\":\"A stdlib industry, e.g. manufacturing, "      \
            "finance, retail.\"},"                                                                           \
            "\"size\":{\"type\":\"string\",\"description\":\"micro, small, medium or large (default small).\"}," \
            "\"sites\":" SVC_STRLIST("Site names; a known city or region (Shanghai, Frankfurt) brings its region facts.") "," \
            "\"regions\":" SVC_STRLIST("Regions, added as sites.") ","                                       \
            "\"lang\":{\"type\":\"string\",\"description\":\"en (default) or zh-CN.\"},"                       \
            "\"output\":{\"type\":\"string\",\"description\":\"A new file under the root (needs --allow-write).\"}", \
            ",\"required\":[\"industry\"],\"additionalProperties\":false")
#define BCP_SVC_INIT_OUT                                                                                     \
    SVC_OBJ("\"text\":{\"type\":\"string\"},\"written\":{\"type\":\"string\"}", ",\"required\":[\"text\"]")

#define BCP_SVC_EXPLAIN_SUMMARY                                                                              \
    "Explain a diagnostic code or lint rule (E103, D102, missing-backup): what it means, why, how to fix, " \
    "with a plan that triggers it and one that does not."
#define BCP_SVC_EXPLAIN_IN                                                                                   \
    SVC_OBJ("\"code\":{\"type\":\"string\",\"description\":\"A code (E103, D102) or a rule name.\"}",          \
            ",\"required\":[\"code\"],\"additionalProperties\":false")
#define BCP_SVC_EXPLAIN_OUT                                                                                  \
    SVC_OBJ("\"code\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"},\"group\":{\"type\":\"string\"},"   \
            "\"severity\":{\"type\":\"string\"},\"summary\":{\"type\":\"string\"},\"markdown\":{\"type\":\"string\"}," \
            "\"docs_url\":{\"type\":\"string\"}",                                                              \
            ",\"required\":[\"code\",\"name\",\"summary\",\"markdown\"]")

#define BCP_SVC_SCHEMA_SUMMARY                                                                               \
    "The .bcp language: every entity kind, one kind with its attributes, or one attribute (type, required, " \
    "default, allowed values, example); markdown: true gives the whole language reference."
#define BCP_SVC_SCHEMA_IN                                                                                    \
    SVC_OBJ("\"kind\":{\"type\":\"string\",\"description\":\"An entity kind (plan, function, system, ...).\"}," \
            "\"attribute\":{\"type\":\"string\",\"description\":\"An attribute of kind.\"},"                   \
            "\"markdown\":{\"type\":\"boolean\",\"description\":\"The whole reference as Markdown.\"}",         \
            ",\"additionalProperties\":false")
#define BCP_SVC_SCHEMA_OUT                                                                                   \
    SVC_OBJ("\"kinds\":{\"type\":\"array\"},\"kind\":{\"type\":\"object\"},\"attribute\":{\"type\":\"object\"}," \
            "\"markdown\":{\"type\":\"string\"}", "")

#define BCP_SVC_FORMAT_SUMMARY                                                                               \
    "Format a plan in the canonical layout (meaning unchanged, verified). Returns the text; write: true "     \
    "rewrites the file (needs --allow-write)."
#define BCP_SVC_FORMAT_IN                                                                                    \
    SVC_OBJ(SVC_PLAN_ARGS ",\"write\":{\"type\":\"boolean\",\"description\":\"Rewrite the file in place.\"}",   \
            ",\"additionalProperties\":false")
#define BCP_SVC_FORMAT_OUT                                                                                   \
    SVC_OBJ("\"text\":{\"type\":\"string\"},\"changed\":{\"type\":\"boolean\"},\"written\":{\"type\":\"string\"}", \
            ",\"required\":[\"text\",\"changed\"]")

#define BCP_SVC_DIFF_SUMMARY                                                                                 \
    "The semantic diff of two versions of a plan: old and new files, old_text and new_text, or path "        \
    "against a git revision. weakening lists the changes that weaken the plan (a looser RTO, a removed "     \
    "contact or backup)."
#define BCP_SVC_DIFF_IN                                                                                      \
    SVC_OBJ("\"old\":{\"type\":\"string\"},\"new\":{\"type\":\"string\"},"                                     \
            "\"old_text\":{\"type\":\"string\"},\"new_text\":{\"type\":\"string\"},"                           \
            "\"path\":{\"type\":\"string\",\"description\":\"With revision: the plan now.\"},"                 \
            "\"revision\":{\"type\":\"string\",\"description\":\"A git revision (HEAD, HEAD~1, a commit).\"}",   \
            ",\"additionalProperties\":false")
#define BCP_SVC_DIFF_OUT                                                                                     \
    SVC_OBJ("\"differ\":{\"type\":\"boolean\"},\"text\":{\"type\":\"string\"},"                                \
            "\"weakening\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"                             \
            "\"diff\":{\"type\":\"object\",\"description\":\"The diff as `bcp diff --format json` gives it: "    \
            "added, removed, changed (entity, attributes old/new), weakening (entity, what, old, new), counts, "  \
            "readiness.\",\"required\":[\"differ\",\"counts\",\"added\",\"removed\",\"changed\",\"weakening\"]}", \
            ",\"required\":[\"differ\",\"text\",\"weakening\",\"diff\"]")

/* ==== mcp13: simulate, graph, readiness ==== */
#define BCP_SVC_SIMULATE_SUMMARY                                                                             \
    "Simulate losing parts of a plan (sites, systems, suppliers, people) as `bcp simulate` does: which "     \
    "critical functions are hit, when each comes back by the plan's own recovery paths, and whether it "    \
    "meets its RTO and MTPD. Give lose and/or scenario, or all_scenarios, or each (every single loss that " \
    "breaches an MTPD)."
#define BCP_SVC_SIMULATE_IN                                                                                  \
    SVC_OBJ(SVC_PLAN_ARGS ","                                                                                \
            "\"lose\":" SVC_STRLIST("What is lost, as KIND.ID (site.hq, system.erp, supplier.acme, contact.cfo).") "," \
            "\"scenario\":{\"type\":\"string\",\"description\":\"A scenario id of the plan: its loses are lost.\"}," \
            "\"all_scenarios\":{\"type\":\"boolean\",\"description\":\"Every scenario of the plan that loses something.\"}," \
            "\"each\":{\"type\":\"boolean\",\"description\":\"Each single site, system, supplier and key person lost "   \
            "in turn; only the losses that breach an MTPD are returned.\"},"                                \
            "\"at\":{\"type\":\"string\",\"description\":\"When the loss begins: YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC).\"}," \
            "\"for\":{\"type\":\"string\",\"description\":\"How long the loss lasts (12h, 2d); default until the "  \
            "plan recovers.\"}",                                                                              \
            ",\"additionalProperties\":false")
#define BCP_SVC_SIMULATE_OUT                                                                                 \
    SVC_OBJ("\"each\":{\"type\":\"object\",\"required\":[\"simulated\",\"breaching\",\"summary\"],"       \
            "\"properties\":{\"simulated\":{\"type\":\"integer\"},\"breaching\":{\"type\":\"integer\"},"            \
            "\"summary\":{\"type\":\"string\"}}},"                                                              \
            "\"simulations\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"lost\","      \
            "\"breaches_mtpd\",\"functions\"],\"properties\":{\"scenario\":{\"type\":[\"string\",\"null\"]},"  \
            "\"lost\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"breaches_mtpd\":{\"type\":\"boolean\"}," \
            "\"functions\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"required\":[\"function\","      \
            "\"verdict\"],\"properties\":{\"function\":{\"type\":\"string\"},\"verdict\":{\"enum\":[\"within-rto\"," \
            "\"rto-missed\",\"time-unknown\",\"mtpd-breached\",\"no-recovery-path\"]}}}}}}}",                   \
            ",\"required\":[\"simulations\"]")

#define BCP_SVC_GRAPH_SUMMARY                                                                                \
    "The dependency graph of a plan as `bcp graph` draws it (functions -> systems, assets, suppliers, "      \
    "sites, people; single points of failure and the critical path marked): DOT (default), SVG or Mermaid " \
    "text, whole or around one entity (focus)."
#define BCP_SVC_GRAPH_IN                                                                                     \
    SVC_OBJ(SVC_PLAN_ARGS ","                                                                                \
            "\"format\":{\"enum\":[\"dot\",\"svg\",\"mermaid\"],\"description\":\"Default dot.\"},"           \
            "\"focus\":{\"type\":\"string\",\"description\":\"KIND.ID: that entity, what it depends on and what " \
            "depends on it.\"},"                                                                             \
            "\"lang\":{\"type\":\"string\",\"description\":\"The labels' language: en or zh-CN; default the "   \
            "plan's.\"}",                                                                                     \
            ",\"additionalProperties\":false")
#define BCP_SVC_GRAPH_OUT                                                                                    \
    SVC_OBJ("\"format\":{\"enum\":[\"dot\",\"svg\",\"mermaid\"]},\"text\":{\"type\":\"string\"}",              \
            ",\"required\":[\"format\",\"text\"]")

#define BCP_SVC_READINESS_SUMMARY                                                                            \
    "The readiness score of a plan (0-100) with its six areas (recovery, backups, contacts, cadence, "       \
    "risks, findings): each area's score, weight, checks met and what lowers it, as `bcp check --summary` " \
    "gives it."
#define BCP_SVC_READINESS_IN SVC_OBJ(SVC_PLAN_ARGS, ",\"additionalProperties\":false")
#define BCP_SVC_READINESS_OUT                                                                                \
    SVC_OBJ("\"file\":{\"type\":\"string\"},\"scored\":{\"type\":\"boolean\"},"                              \
            "\"readiness\":{\"type\":\"object\",\"required\":[\"score\",\"areas\"],\"properties\":{"          \
            "\"score\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":100},\"areas\":{\"type\":\"array\","   \
            "\"items\":{\"type\":\"object\",\"required\":[\"area\",\"applies\",\"score\",\"weight\"],"        \
            "\"properties\":{\"area\":{\"type\":\"string\"},\"applies\":{\"type\":\"boolean\"},"              \
            "\"score\":{\"type\":\"integer\"},\"weight\":{\"type\":\"integer\"},\"met\":{\"type\":\"integer\"}," \
            "\"total\":{\"type\":\"integer\"},\"reasons\":{\"type\":\"array\"}}}},"                           \
            "\"deviations\":{\"type\":\"integer\"}}}",                                                        \
            ",\"required\":[\"file\",\"scored\",\"readiness\"]")
/* ==== end mcp13 ==== */

#define BCP_SVC_FILES_SUMMARY "The .bcp plan files under the root, relative to it."
#define BCP_SVC_FILES_IN SVC_OBJ("", ",\"additionalProperties\":false")
#define BCP_SVC_FILES_OUT                                                                                    \
    SVC_OBJ("\"root\":{\"type\":\"string\"},\"files\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",   \
            ",\"required\":[\"files\"]")

#define BCP_SVC_READ_SUMMARY "The text of a file under the root."
#define BCP_SVC_READ_IN                                                                                      \
    SVC_OBJ("\"path\":{\"type\":\"string\"}", ",\"required\":[\"path\"],\"additionalProperties\":false")
#define BCP_SVC_READ_OUT                                                                                     \
    SVC_OBJ("\"path\":{\"type\":\"string\"},\"text\":{\"type\":\"string\"}", ",\"required\":[\"path\",\"text\"]")

#endif
