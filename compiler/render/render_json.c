/* The plan as JSON for other programs: every entity of the plan with its
 * effective attribute values (schema defaults applied), text in the document
 * language, plus what the compiler computes.  The layout is documented in
 * docs/json.md; change it only together with BCP_JSON_VERSION. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/escape.h"
#include "bcp.h"
#include "json_continuity.h"
#include "json_simulate.h" /* simulate (issue 14) */
#include "json_graph.h"
#include "crosswalk.h"
#include "json_deviations.h"
#include "json_docfig.h"
#include "json_regions.h"
#include "readiness_view.h"
#include "json_docprint.h"
#include "render.h"

#define BCP_JSON_VERSION 1

/* Plan kinds in document order, with the key of their array. */
static const struct {
    bcp_kind kind;
    const char *key;
} plan_kinds[] = {
    {BCP_KIND_SITE, "sites"},         {BCP_KIND_RISK, "risks"},
    {BCP_KIND_FUNCTION, "functions"}, {BCP_KIND_SYSTEM, "systems"},
    {BCP_KIND_ASSET, "assets"},       {BCP_KIND_SUPPLIER, "suppliers"},
    {BCP_KIND_RESOURCE, "resources"}, {BCP_KIND_CONTACT, "contacts"},
    {BCP_KIND_TEAM, "teams"},         {BCP_KIND_SCENARIO, "scenarios"},
    {BCP_KIND_MESSAGE, "messages"},   {BCP_KIND_PHASE, "phases"},
    {BCP_KIND_EXERCISE, "exercises"}, {BCP_KIND_FINDING, "findings"},
    {BCP_KIND_TRAINING, "trainings"}, {BCP_KIND_MILESTONE, "milestones"},
};

static json_t *duration_json(int64_t seconds)
{
    char text[64];
    bcp_format_duration(seconds, text, sizeof text);
    return json_pack("{s:I,s:s}", "seconds", (json_int_t)seconds, "text", text);
}

static json_t *date_json(int32_t days)
{
    char buf[11];
    bcp_format_date(days, buf);
    return json_string(buf);
}

static json_t *value_json(const bcp_value *v)
{
    switch (v->kind) {
    case BCP_V_STRING: {
        /* invalid UTF-8 cannot be JSON text; the model reports it elsewhere */
        json_t *s = json_stringn(v->as.string.text, v->as.string.length);
        return s ? s : json_null();
    }
    case BCP_V_INTEGER: return json_integer((json_int_t)v->as.integer);
    case BCP_V_DURATION: return duration_json(v->as.seconds);
    case BCP_V_DATE: return date_json(v->as.days);
    case BCP_V_BOOL: return json_boolean(v->as.boolean);
    case BCP_V_IDENT: return json_string(v->as.ident.name);
    case BCP_V_REF: {
        char buf[512];
        snprintf(buf, sizeof buf, "%s.%s", v->as.ref.kind_name, v->as.ref.id);
        return json_string(buf);
    }
    case BCP_V_LIST: {
        json_t *a = json_array();
        for (size_t i = 0; i < v->as.list.count; i++)
            json_array_append_new(a, value_json(&v->as.list.items[i]));
        return a;
    }
    }
    return json_null();
}

/* The default a schema documents, as the value it stands for. */
static json_t *default_json(const bcp_attr_schema *a)
{
    const char *d = a->default_text;
    if (!d || a->list)
        return NULL;
    switch (a->type) {
    case BCP_T_BOOL: return json_boolean(strcmp(d, "true") == 0);
    case BCP_T_INTEGER: return json_integer(strtoll(d, NULL, 10));
    case BCP_T_ENUM: return json_string(d);
    case BCP_T_DURATION: {
        int64_t s;
        return bcp_parse_duration(d, strlen(d), &s) ? duration_json(s) : NULL;
    }
    default: return NULL;
    }
}

static json_t *entity_json(bcp_render_ctx *ctx, const bcp_entity *e)
{
    json_t *o = json_object();
    if (e->id)
        json_object_set_new(o, "id", json_string(e->id));
    const bcp_kind_schema *ks = bcp_schema_kind(e->kind);
    for (size_t i = 0; i < ks->attr_count; i++) {
        const bcp_attr_schema *a = &ks->attrs[i];
        const bcp_value *v = a->localized ? bcp_model_localized_value(ctx->model, e, a->name, ctx->lang)
                                          : bcp_entity_value(e, a->name);
        json_t *j = v ? value_json(v) : default_json(a);
        if (j)
            json_object_set_new(o, a->name, j);
    }
    return o;
}

static json_t *level_json(bcp_render_ctx *ctx, const bcp_entity *lvl)
{
    if (!lvl)
        return json_null();
    return json_pack("{s:s,s:s}", "id", lvl->id, "title", bcp_rlabel(ctx, lvl));
}

static void add_computed(bcp_render_ctx *ctx, const bcp_entity *e, json_t *o)
{
    bcp_model *m = ctx->model;
    int32_t days;
    switch (e->kind) {
    case BCP_KIND_RISK: {
        int score = bcp_risk_score(e);
        json_object_set_new(o, "likelihood_score", json_integer(bcp_entity_score(e, "likelihood")));
        json_object_set_new(o, "impact_score", json_integer(bcp_entity_score(e, "impact")));
        json_object_set_new(o, "score", json_integer(score));
        json_object_set_new(o, "level", level_json(ctx, bcp_risk_level(m, score)));
        break;
    }
    case BCP_KIND_CONTACT:
        json_object_set_new(o, "methods_in_order", bcp_json_contact_methods(e));
        break;
    case BCP_KIND_EXERCISE:
        json_object_set_new(o, "next_due", bcp_exercise_next_due(e, &days) ? date_json(days) : json_null());
        break;
    case BCP_KIND_SYSTEM: {
        bcp_rpo_check check;
        bcp_rpo_verdict verdict = bcp_system_rpo_check(m, e, &check);
        bool has_rpo = verdict != BCP_RPO_UNKNOWN;
        json_object_set_new(o, "required_rpo", has_rpo ? duration_json(check.rpo) : json_null());
        json_object_set_new(o, "rpo_met", has_rpo ? json_boolean(verdict == BCP_RPO_MET) : json_null());
        json_t *accepted = verdict == BCP_RPO_NOT_MET ? bcp_json_deviation_ref(ctx, e, "D102") : NULL;
        if (accepted)
            json_object_set_new(o, "rpo_accepted_deviation", accepted);
        json_t *backups = json_array();
        for (size_t i = 0; i < e->child_count; i++) {
            const bcp_entity *b = e->children[i];
            if (b->kind != BCP_KIND_BACKUP)
                continue;
            json_t *bj = entity_json(ctx, b);
            bcp_rpo_verdict met = bcp_backup_rpo_verdict(b, &check);
            json_object_set_new(bj, "rpo_met", met == BCP_RPO_UNKNOWN ? json_null() : json_boolean(met == BCP_RPO_MET));
            json_array_append_new(backups, bj);
        }
        json_object_set_new(o, "backups", backups);
        break;
    }
    default:
        break;
    }
}

/* Catalogue entries the plan refers to (all risk levels: the matrix needs them). */
static json_t *catalogue_json(bcp_render_ctx *ctx)
{
    json_t *cat = json_object();
    for (int k = 0; k < BCP_KIND_COUNT; k++) {
        const bcp_kind_schema *ks = bcp_schema_kind((bcp_kind)k);
        if (!ks->catalogue || k == BCP_KIND_TEXT)
            continue;
        const bcp_entity_list *l = bcp_model_entities(ctx->model, (bcp_kind)k);
        json_t *arr = json_array();
        for (size_t i = 0; i < l->count; i++) {
            bcp_entity *e = l->items[i];
            bool used = k == BCP_KIND_RISK_LEVEL || !e->from_stdlib;
            const bcp_entity_list *refs = used ? NULL : bcp_model_referrers(ctx->model, e);
            for (size_t j = 0; refs && j < refs->count && !used; j++)
                used = !refs->items[j]->from_stdlib;
            if (!used)
                continue;
            json_t *o = entity_json(ctx, e);
            if (!json_object_get(o, "title"))
                json_object_set_new(o, "title", json_string(bcp_rlabel(ctx, e)));
            json_array_append_new(arr, o);
        }
        if (json_array_size(arr))
            json_object_set_new(cat, ks->name, arr);
        else
            json_decref(arr);
    }
    return cat;
}

/* A draft's open findings, as its appendix lists them (messages scrubbed of
 * redacted values). */
static json_t *findings_json(bcp_render_ctx *ctx)
{
    static const char *const severities[] = {"info", "warning", "error"};
    json_t *arr = json_array();
    bcp_buf msg = {0};
    for (size_t i = 0; i < ctx->finding_count; i++) {
        const bcp_diagnostic *f = ctx->findings[i];
        msg.len = 0;
        bcp_buf_puts(&msg, "");
        bcp_render_scrub(ctx, f->message ? f->message : "", &msg);
        json_t *o = json_object();
        json_object_set_new(o, "code", f->code ? json_string(f->code) : json_null());
        json_object_set_new(o, "name", f->name ? json_string(f->name) : json_null());
        json_object_set_new(o, "severity", json_string(severities[f->severity <= BCP_SEV_ERROR ? f->severity : 0]));
        json_t *text = json_string(msg.data);
        json_object_set_new(o, "message", text ? text : json_string(""));
        json_t *at = json_null();
        json_t *path = f->location.path ? json_string(f->location.path) : NULL;
        if (path) {
            at = json_object();
            json_object_set_new(at, "path", path);
            json_object_set_new(at, "line", json_integer((json_int_t)f->location.line));
            json_object_set_new(at, "column", json_integer((json_int_t)f->location.column));
        }
        json_object_set_new(o, "location", at);
        json_array_append_new(arr, o);
    }
    bcp_buf_free(&msg);
    return arr;
}

char *bcp_render_json(bcp_render_ctx *ctx, char **error)
{
    bcp_model *m = ctx->model;
    const bcp_entity *plan = bcp_model_plan(m);
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string("bcp-plan"));
    json_object_set_new(root, "version", json_integer(BCP_JSON_VERSION));
    json_object_set_new(root, "generator", json_string("bcp " BCP_VERSION));
    json_object_set_new(root, "language", json_string(ctx->lang));
    json_object_set_new(root, "draft", json_boolean(ctx->draft));

    json_t *pj = entity_json(ctx, plan);
    int32_t days;
    json_object_set_new(pj, "next_review_due", bcp_plan_next_review(plan, &days) ? date_json(days) : json_null());
    const bcp_entity *ind = bcp_entity_ref(plan, "industry"), *size = bcp_entity_ref(plan, "size");
    if (ind)
        json_object_set_new(pj, "industry_title", json_string(bcp_rlabel(ctx, ind)));
    if (size)
        json_object_set_new(pj, "size_title", json_string(bcp_rlabel(ctx, size)));
    json_object_set_new(root, "plan", pj);
    bcp_json_docprint(ctx, root);

    for (size_t k = 0; k < sizeof plan_kinds / sizeof *plan_kinds; k++) {
        const bcp_entity_list *l = bcp_model_entities(m, plan_kinds[k].kind);
        json_t *arr = json_array();
        for (size_t i = 0; i < l->count; i++) {
            json_t *o = entity_json(ctx, l->items[i]);
            add_computed(ctx, l->items[i], o);
            json_array_append_new(arr, o);
        }
        json_object_set_new(root, plan_kinds[k].key, arr);
    }

    /* The risk matrix order the document uses. */
    size_t n;
    bcp_entity **risks = bcp_sorted_risks(m, &n);
    json_t *order = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(order, json_string(risks[i]->id));
    bcp_free(risks);
    json_object_set_new(root, "risk_order", order);
    bcp_json_continuity(ctx, root);
    bcp_json_scenario_impact(ctx, root); /* simulate (issue 14) */
    bcp_json_graph(ctx, root);
    json_object_set_new(root, "notification_tree", bcp_json_notify_tree(ctx));
    json_t *deviations = bcp_json_deviations(ctx);
    if (deviations)
        json_object_set_new(root, "accepted_deviations", deviations);
    json_t *crosswalk = bcp_json_crosswalk(ctx);
    if (crosswalk)
        json_object_set_new(root, "crosswalk", crosswalk);
    if (ctx->readiness)
        json_object_set_new(root, "readiness", bcp_readiness_json(ctx, ctx->readiness));
    json_object_set_new(root, "emergency_numbers", bcp_json_emergency_numbers(ctx));
    json_object_set_new(root, "emergency_contacts", bcp_json_emergency_contacts(ctx));
    json_object_set_new(root, "catalogue", catalogue_json(ctx));
    if (ctx->draft)
        json_object_set_new(root, "open_findings", findings_json(ctx));

    char *out = bcp_json_text(root);
    if (!out && error)
        *error = bcp_strdup("cannot encode the plan as JSON");
    return out;
}

char *bcp_json_text(json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text)
        return NULL;
    bcp_buf out = {0};
    bcp_escape_json(&out, text, strlen(text)); /* no raw C1 or bidi control */
    bcp_buf_put(&out, "\n", 1);
    free(text); /* jansson's allocation */
    return bcp_buf_take(&out);
}
