/* plan-summary: a small program written against libbcp's public API only
 * (bcp.h).  It loads the plan a file belongs to, prints its functions with
 * their recovery time objectives, its risks in the document's order with
 * their scores and levels, when the plan is next due for review, its
 * diagnostics with their locations and, given LINE:COL, the entity and
 * attribute at that position.
 *
 *   cc plan-summary.c $(pkg-config --cflags --libs bcp) -o plan-summary
 *   ./plan-summary examples/minimal.bcp 14:5
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bcp.h>

/* "4h", "2d", "90m": the duration in its largest whole unit. */
static void print_duration(int64_t seconds, int32_t months)
{
    static const struct { const char *unit; int64_t seconds; } units[] = {
        {"w", 604800}, {"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1},
    };
    if (months) {
        printf(months % 12 ? "%dmo" : "%dy", months % 12 ? months : months / 12);
        return;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (seconds % units[i].seconds == 0) {
            printf("%lld%s", (long long)(seconds / units[i].seconds), units[i].unit);
            return;
        }
    }
}

static void print_functions(const bcp_plan *plan)
{
    size_t n = bcp_plan_entity_count(plan, "function");
    printf("functions: %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *f = bcp_plan_entity(plan, "function", i);
        printf("  %s \"%s\" rto=", bcp_entity_id(f), bcp_entity_title(f));
        int64_t seconds;
        int32_t months;
        const bcp_attribute *rto = bcp_entity_attribute(f, "rto");
        if (rto && bcp_value_duration(bcp_attribute_value(rto), &seconds, &months))
            print_duration(seconds, months);
        else
            printf("none");
        bcp_location at = bcp_entity_id_location(f);
        printf(" (%s:%u:%u)\n", at.path, at.line, at.column);
    }
}

/* Risks as the document lists them (highest score first), each with the
 * risk level its score falls in. */
static void print_risks(const bcp_plan *plan)
{
    size_t n = bcp_plan_sorted_count(plan, "risk");
    printf("risks: %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        const bcp_entity *r = bcp_plan_sorted(plan, "risk", i);
        const bcp_entity *level = bcp_plan_risk_level(plan, r);
        printf("  %s score=%d level=%s\n", bcp_entity_id(r), bcp_plan_risk_score(plan, r),
               level ? bcp_entity_id(level) : "none");
    }
}

static void print_next_review(const bcp_plan *plan)
{
    char iso[11];
    if (bcp_plan_next_due(plan, bcp_plan_root(plan), NULL, iso))
        printf("next review: %s\n", iso);
    else
        printf("next review: none\n");
}

static void print_diagnostics(const bcp_plan *plan)
{
    bcp_diagnostics *set = bcp_plan_diagnostics(plan);
    size_t n = bcp_diagnostics_count(set);
    printf("diagnostics: %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        const bcp_diagnostic *d = bcp_diagnostics_get(set, i);
        if (d->location.path)
            printf("  %s:%u:%u: ", d->location.path, d->location.line, d->location.column);
        else
            printf("  ");
        printf("%s: %s [%s]\n", bcp_severity_name(d->severity), d->message, d->code ? d->code : "-");
    }
    bcp_diagnostics_free(set);
}

/* The entity (and attribute) at LINE:COL of the plan's first file. */
static int print_entity_at(const bcp_plan *plan, const char *position)
{
    unsigned line, column;
    if (sscanf(position, "%u:%u", &line, &column) != 2) {
        fprintf(stderr, "plan-summary: %s: expected LINE:COL\n", position);
        return 2;
    }
    size_t length;
    const char *text = bcp_plan_file_text(plan, 0, &length);
    uint32_t offset;
    if (!text || bcp_text_offset(text, length, line, column, BCP_COLUMN_CODE_POINTS, &offset) != BCP_OK) {
        fprintf(stderr, "plan-summary: %s: no such position\n", position);
        return 2;
    }
    const bcp_attribute *attr;
    const bcp_entity *e = bcp_plan_entity_at(plan, bcp_plan_file(plan, 0), offset, &attr);
    printf("at %u:%u: ", line, column);
    if (!e) {
        printf("nothing\n");
        return 0;
    }
    printf("%s %s", bcp_entity_kind_name(e), bcp_entity_id(e) ? bcp_entity_id(e) : "(anonymous)");
    if (attr) {
        printf(", attribute %s", bcp_attribute_name(attr));
        bcp_attribute_doc doc;
        if (bcp_attribute_doc_get(bcp_entity_kind_name(e), bcp_attribute_name(attr), &doc) == BCP_OK)
            printf(" (%s%s)", doc.type, doc.required ? ", required" : "");
    }
    printf("\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: plan-summary FILE [LINE:COL]\n");
        return 2;
    }
    bcp_workspace *ws = bcp_workspace_new(NULL);
    bcp_plan *plan;
    bcp_status status = bcp_workspace_load(ws, argv[1], &plan);
    if (status != BCP_OK) {
        fprintf(stderr, "plan-summary: %s: %s\n", argv[1], bcp_status_string(status));
        bcp_workspace_free(ws);
        return 2;
    }
    printf("libbcp %s\n", BCP_VERSION);
    const bcp_entity *root = bcp_plan_root(plan);
    printf("plan: %s \"%s\" (%zu files)\n", root ? bcp_entity_id(root) : "(none)",
           root ? bcp_entity_title(root) : "", bcp_plan_file_count(plan));
    print_functions(plan);
    print_risks(plan);
    print_next_review(plan);
    print_diagnostics(plan);
    int rc = argc == 3 ? print_entity_at(plan, argv[2]) : 0;
    bcp_plan_free(plan);
    bcp_workspace_free(ws);
    return rc;
}
