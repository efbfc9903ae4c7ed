/* The JSON document's "document_control" and "executive_summary" objects
 * (docs/json.md): the same facts as the cover, the "Document control"
 * section and the key facts of chapter 1 (docprint_facts.c). */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "base/alloc.h"
#include "docprint.h"
#include "json_docprint.h"

static json_t *date_or_null(bool has, int32_t days)
{
    if (!has)
        return json_null();
    char iso[11];
    bcp_format_date(days, iso);
    return json_string(iso);
}

static json_t *ref_or_null(const bcp_entity *e)
{
    if (!e || !e->id)
        return json_null();
    char buf[512];
    snprintf(buf, sizeof buf, "%s.%s", bcp_kind_name(e->kind), e->id);
    return json_string(buf);
}

static json_t *text_or_null(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    return j ? j : json_null();
}

static json_t *document_control(bcp_render_ctx *ctx)
{
    const bcp_entity *plan = bcp_model_plan(ctx->model);
    json_t *o = json_object();
    const bcp_value *cls = bcp_entity_value(plan, "classification");
    const char *word = cls && cls->kind == BCP_V_IDENT ? cls->as.ident.name : "internal";
    char id[64];
    snprintf(id, sizeof id, "class_%s", word);
    json_object_set_new(o, "version", text_or_null(bcp_entity_text(plan, "version")));
    json_object_set_new(o, "classification", json_string(word));
    json_object_set_new(o, "classification_title", json_string(bcp_rt_title(ctx, id)));
    json_object_set_new(o, "owner", ref_or_null(bcp_entity_ref(plan, "owner")));
    int32_t days;
    bool has = bcp_docprint_date(ctx, &days);
    json_object_set_new(o, "date", date_or_null(has, days));
    has = bcp_entity_date(plan, "effective", &days);
    json_object_set_new(o, "effective", date_or_null(has, days));
    has = bcp_plan_next_review(plan, &days);
    json_object_set_new(o, "next_review_due", date_or_null(has, days));

    size_t n;
    bcp_signoff *s = bcp_docprint_signoffs(ctx, &n);
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *a = json_object();
        json_object_set_new(a, "by", ref_or_null(s[i].by));
        json_object_set_new(a, "name", s[i].by ? json_string(bcp_rlabel(ctx, s[i].by)) : json_null());
        json_object_set_new(a, "role", text_or_null(s[i].role));
        json_object_set_new(a, "date", date_or_null(s[i].has_date, s[i].date));
        json_array_append_new(arr, a);
    }
    bcp_free(s);
    json_object_set_new(o, "approvals", arr);

    const bcp_entity **revs = bcp_docprint_revisions(ctx, &n);
    arr = json_array();
    for (size_t i = 0; i < n; i++) {
        json_t *r = json_object();
        if (revs[i]->id)
            json_object_set_new(r, "id", json_string(revs[i]->id));
        json_object_set_new(r, "version", text_or_null(bcp_entity_text(revs[i], "version")));
        has = bcp_entity_date(revs[i], "date", &days);
        json_object_set_new(r, "date", date_or_null(has, days));
        json_object_set_new(r, "author", ref_or_null(bcp_entity_ref(revs[i], "author")));
        json_object_set_new(r, "summary", text_or_null(bcp_rattr(ctx, revs[i], "summary")));
        json_array_append_new(arr, r);
    }
    bcp_free(revs);
    json_object_set_new(o, "revisions", arr);

    size_t dn;
    const bcp_entity **dist = bcp_docprint_distribution(ctx, &dn, NULL);
    arr = json_array();
    for (size_t i = 0; i < dn; i++)
        json_array_append_new(arr, ref_or_null(dist[i]));
    bcp_free(dist);
    json_object_set_new(o, "distribution", arr);
    return o;
}

static json_t *items_json(const bcp_item_count *c)
{
    json_t *o = json_pack("{s:I,s:I,s:I}", "total", (json_int_t)c->total, "open", (json_int_t)c->open,
                          "overdue", (json_int_t)c->overdue);
    return o;
}

static json_t *executive_summary(bcp_render_ctx *ctx)
{
    bcp_exec_summary s;
    bcp_exec_summary_compute(ctx, &s);
    json_t *o = json_object();
    json_object_set_new(o, "as_of", date_or_null(true, ctx->today));
    json_object_set_new(o, "scope", json_pack("{s:I,s:I,s:I,s:I,s:I}", "functions", (json_int_t)s.functions,
                                              "critical_functions", (json_int_t)s.critical, "systems",
                                              (json_int_t)s.systems, "suppliers", (json_int_t)s.suppliers,
                                              "sites", (json_int_t)s.sites));
    json_t *arr = json_array();
    for (size_t i = 0; i < s.risk_count && i < BCP_SUMMARY_TOP; i++) {
        int score = bcp_risk_score(s.risks[i]);
        const bcp_entity *level = bcp_risk_level(ctx->model, score);
        json_t *r = json_object();
        json_object_set_new(r, "risk", json_string(s.risks[i]->id));
        json_object_set_new(r, "score", json_integer(score));
        json_object_set_new(r, "level", level ? json_string(level->id) : json_null());
        json_array_append_new(arr, r);
    }
    json_object_set_new(o, "top_risks", arr);
    arr = json_array();
    for (size_t i = 0; i < s.top_function_count; i++) {
        json_t *f = json_object();
        int64_t rto;
        json_object_set_new(f, "function", json_string(s.top_functions[i]->id));
        json_object_set_new(f, "rto_seconds",
                            bcp_entity_duration(s.top_functions[i], "rto", &rto) ? json_integer((json_int_t)rto)
                                                                                  : json_null());
        json_array_append_new(arr, f);
    }
    json_object_set_new(o, "critical_functions", arr);
    json_object_set_new(o, "findings", items_json(&s.findings));
    json_object_set_new(o, "milestones", items_json(&s.milestones));
    json_object_set_new(o, "exercises", items_json(&s.exercises));
    json_object_set_new(o, "review_due", date_or_null(s.has_review, s.review_due));
    json_object_set_new(o, "review_overdue", json_boolean(s.review_overdue));
    json_object_set_new(o, "accepted_deviations", json_integer((json_int_t)s.deviations));
    bcp_exec_summary_free(&s);
    return o;
}

void bcp_json_docprint(bcp_render_ctx *ctx, json_t *root)
{
    if (!bcp_model_plan(ctx->model))
        return;
    json_object_set_new(root, "document_control", document_control(ctx));
    json_object_set_new(root, "executive_summary", executive_summary(ctx));
}
