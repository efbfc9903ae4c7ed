/* The loss simulation through the public API (bcp.h, "simulate"): names
 * resolved to entities, the engine of compiler/model/simulate.c run, its
 * results adapted to bcp.h's types and rendered, in a language, by
 * compiler/render/sim_report.c. */
#include "api_internal.h"

#include <string.h>

#include "base/alloc.h"
#include "base/codes.h"
#include "base/diag.h"
#include "model/derive.h"
#include "model/simulate.h"
#include "model/modules.h"
#include "render/sim_report.h"
#include "report/diagnostics.h"
#include "tools.h"

static bcp_simulation *wrap(const bcp_model *m, bcp_sim_result *r, const bcp_entity *scenario, int64_t duration)
{
    bcp_simulation *s = bcp_calloc(1, sizeof *s);
    s->result = r;
    s->model = m;
    s->scenario = scenario;
    s->duration = duration;
    return s;
}

void bcp_simulation_free(bcp_simulation *sim)
{
    if (!sim)
        return;
    bcp_sim_result_free(sim->result);
    bcp_free(sim);
}

size_t bcp_simulation_lost_count(const bcp_simulation *sim)
{
    return sim ? sim->result->lost_count : 0;
}

const bcp_entity *bcp_simulation_lost(const bcp_simulation *sim, size_t i)
{
    return sim && i < sim->result->lost_count ? sim->result->lost[i] : NULL;
}

const bcp_entity *bcp_simulation_scenario(const bcp_simulation *sim)
{
    return sim ? sim->scenario : NULL;
}

bool bcp_simulation_breaches_mtpd(const bcp_simulation *sim)
{
    return sim && bcp_sim_breaches_mtpd(sim->result, NULL);
}

size_t bcp_simulation_count(const bcp_simulation *sim)
{
    return sim ? sim->result->function_count : 0;
}

bool bcp_simulation_get(const bcp_simulation *sim, size_t i, bcp_simulation_function *out)
{
    if (!sim || !out || i >= sim->result->function_count)
        return false;
    const bcp_sim_function *f = &sim->result->functions[i];
    *out = (bcp_simulation_function){
        .function = f->function,
        .verdict = bcp_sim_verdict_name(f->verdict),
        .path = bcp_sim_path_name(f->path),
        .via = f->via,
        .dependency = f->dependency,
        .chain = f->chain,
        .chain_length = f->chain_length,
        .timed = f->timed,
        .recovery = f->recovery,
        .loss_ends = f->loss_ends,
        .has_rto = f->has_rto,
        .has_mtpd = f->has_mtpd,
        .rto = f->rto,
        .mtpd = f->mtpd,
    };
    return true;
}

/* ------------------------------------------------------ resolving names */

static const char *kind_names[] = {"site", "system", "supplier", "contact", "team", "resource", "asset", "function"};

/* The nearest id of `kind` to `id` ("site.shanghai"), a new string or NULL. */
static char *suggest(const bcp_model *m, bcp_kind kind, const char *id)
{
    const bcp_entity_list *l = bcp_model_entities(m, kind);
    if (!l || !l->count)
        return NULL;
    const char **ids = bcp_calloc(l->count, sizeof *ids);
    size_t n = 0;
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i]->id)
            ids[n++] = l->items[i]->id;
    const char *best = bcp_suggest(id, ids, n);
    char *out = best ? bcp_strprintf("%s.%s", bcp_kind_name(kind), best) : NULL;
    bcp_free(ids);
    return out;
}

static const bcp_entity *resolve(const bcp_model *m, const char *name, bcp_diag_list *problems, bcp_status *status)
{
    const char *dot = strchr(name, '.');
    bcp_kind kind = dot ? bcp_schema_kind_by_name(name, (size_t)(dot - name)) : BCP_KIND_COUNT;
    if (kind == BCP_KIND_COUNT) {
        bcp_diag *d = bcp_diag_add_code(problems, BCP_CODE_E210, NULL, "`%s` is not KIND.ID of the plan", name);
        const char *best = bcp_suggest(dot ? "" : name, kind_names, sizeof kind_names / sizeof *kind_names);
        if (dot) {
            char *k = bcp_strndup(name, (size_t)(dot - name));
            best = bcp_suggest(k, kind_names, sizeof kind_names / sizeof *kind_names);
            bcp_free(k);
        }
        if (best)
            bcp_diag_set_hint(d, "did you mean `%s.%s`?", best, dot ? dot + 1 : name);
        else
            bcp_diag_set_hint(d, "write the kind and the id, as in `site.shanghai`");
        *status = BCP_ERR_NOT_FOUND;
        return NULL;
    }
    const bcp_entity *e = bcp_model_find(m, kind, dot + 1);
    if (!e) {
        bcp_diag *d = bcp_diag_add_code(problems, BCP_CODE_E210, NULL, "the plan has no %s `%s`",
                                        bcp_kind_name(kind), dot + 1);
        char *best = suggest(m, kind, dot + 1);
        if (best)
            bcp_diag_set_hint(d, "did you mean `%s`?", best);
        bcp_free(best);
        *status = BCP_ERR_NOT_FOUND;
        return NULL;
    }
    if (!bcp_sim_losable(kind)) {
        bcp_diag *d = bcp_diag_add_code(problems, BCP_CODE_E211, NULL, "a %s cannot be lost: `%s`",
                                        bcp_kind_name(kind), name);
        bcp_diag_set_hint(d, "lose a site, system, supplier, contact, team, resource, asset or function");
        *status = BCP_ERR_INVALID;
        return NULL;
    }
    return e;
}

/* Appends the targets of the scenario's `loses`. */
static void scenario_losses(const bcp_entity *scenario, const bcp_entity ***lost, size_t *count, size_t *cap)
{
    const bcp_value *v = bcp_entity_value(scenario, "loses");
    for (size_t i = 0; v && v->kind == BCP_V_LIST && i < v->as.list.count; i++) {
        const bcp_value *item = &v->as.list.items[i];
        if (item->kind == BCP_V_REF && item->as.ref.target) {
            *lost = bcp_grow(*lost, cap, *count, sizeof **lost);
            (*lost)[(*count)++] = item->as.ref.target;
        }
    }
}

static bcp_status plan_ready(const bcp_plan *plan, bcp_diagnostics **problems)
{
    if (!plan)
        return BCP_ERR_INVALID;
    const bcp_diag_list *diags = bcp_model_diagnostics(plan->model);
    if (bcp_model_has_syntax_errors(plan->model) || bcp_diag_count(diags, BCP_SEV_ERROR) > 0) {
        if (problems) {
            bcp_diagnostics_free(*problems);
            *problems = bcp_plan_diagnostics(plan);
        }
        return BCP_ERR_PLAN;
    }
    return BCP_OK;
}

/* One simulation of `m` as `options` asks; problems into `list`. */
static bcp_status simulate_model(const bcp_model *m, const bcp_simulation_options *options, bcp_simulation **sim,
                                 bcp_diag_list *list)
{
    bcp_status status = BCP_OK;
    const bcp_entity **lost = NULL;
    size_t count = 0, cap = 0;
    const bcp_entity *scenario = NULL;
    for (size_t i = 0; i < options->lose_count; i++) {
        const bcp_entity *e = resolve(m, options->lose[i], list, &status);
        if (e) {
            lost = bcp_grow(lost, &cap, count, sizeof *lost);
            lost[count++] = e;
        }
    }
    if (options->scenario) {
        scenario = bcp_model_find(m, BCP_KIND_SCENARIO, options->scenario);
        if (!scenario) {
            bcp_diag *d = bcp_diag_add_code(list, BCP_CODE_E210, NULL, "the plan has no scenario `%s`",
                                            options->scenario);
            char *best = suggest(m, BCP_KIND_SCENARIO, options->scenario);
            if (best)
                bcp_diag_set_hint(d, "did you mean `%s`?", best);
            bcp_free(best);
            status = BCP_ERR_NOT_FOUND;
        } else {
            scenario_losses(scenario, &lost, &count, &cap);
        }
    }
    if (status == BCP_OK && count == 0) {
        bcp_diag_add_code(list, BCP_CODE_E212, NULL, "nothing to lose: name what is lost with --lose KIND.ID%s",
                          scenario ? " or give the scenario `loses = [...]`" : "");
        status = BCP_ERR_INVALID;
    }
    if (status == BCP_OK) {
        *sim = wrap(m, bcp_simulate_loss(m, lost, count, options->duration), scenario, options->duration);
        (*sim)->has_start = options->has_start;
        (*sim)->start = options->start;
    }
    bcp_free(lost);
    return status;
}

bcp_status bcp_simulate(const bcp_plan *plan, const bcp_simulation_options *options, bcp_simulation **sim,
                        bcp_diagnostics **problems)
{
    if (sim)
        *sim = NULL;
    if (problems)
        *problems = bcp_diagnostics_new();
    if (!sim || !options)
        return BCP_ERR_INVALID;
    bcp_status status = plan_ready(plan, problems);
    if (status != BCP_OK)
        return status;
    bcp_diag_list list = {0};
    status = simulate_model(plan->model, options, sim, &list);
    if (problems)
        bcp_diagnostics_add_list(*problems, &list);
    bcp_diag_list_free(&list);
    return status;
}

/* Every scenario of `m` that loses something, simulated. */
static void scenarios_model(const bcp_model *m, int64_t duration, bcp_simulation ***sims, size_t *count)
{
    const bcp_entity_list *l = bcp_model_entities(m, BCP_KIND_SCENARIO);
    size_t cap = 0;
    for (size_t i = 0; l && i < l->count; i++) {
        bcp_sim_result *r = bcp_simulate_scenario(m, l->items[i], duration);
        if (r) {
            *sims = bcp_grow(*sims, &cap, *count, sizeof **sims);
            (*sims)[(*count)++] = wrap(m, r, l->items[i], duration);
        }
    }
}

/* Every single loss `--each` tries; `each` (unless NULL) counts them. */
static void each_model(const bcp_model *m, int64_t duration, bool breaches_only, bcp_simulation ***sims,
                       size_t *count, bcp_sim_each_summary *each)
{
    size_t n, cap = 0;
    const bcp_entity **candidates = bcp_sim_single_candidates(m, &n);
    bcp_sim_each_summary sum = {.simulated = n};
    for (size_t i = 0; i < n; i++) {
        bcp_kind k = candidates[i]->kind;
        sum.sites += k == BCP_KIND_SITE;
        sum.systems += k == BCP_KIND_SYSTEM;
        sum.suppliers += k == BCP_KIND_SUPPLIER;
        sum.people += k == BCP_KIND_CONTACT;
        bcp_sim_result *r = bcp_simulate_loss(m, &candidates[i], 1, duration);
        bool breach = bcp_sim_breaches_mtpd(r, NULL);
        sum.breaching += breach;
        if (breaches_only && !breach) {
            bcp_sim_result_free(r);
            continue;
        }
        *sims = bcp_grow(*sims, &cap, *count, sizeof **sims);
        (*sims)[(*count)++] = wrap(m, r, NULL, duration);
    }
    bcp_free(candidates);
    if (each)
        *each = sum;
}

bcp_status bcp_simulate_scenarios(const bcp_plan *plan, int64_t duration, bcp_simulation ***sims, size_t *count)
{
    *sims = NULL;
    *count = 0;
    bcp_status status = plan_ready(plan, NULL);
    if (status == BCP_OK)
        scenarios_model(plan->model, duration, sims, count);
    return status;
}

bcp_status bcp_simulate_each(const bcp_plan *plan, int64_t duration, bool breaches_only, bcp_simulation ***sims,
                             size_t *count)
{
    *sims = NULL;
    *count = 0;
    bcp_status status = plan_ready(plan, NULL);
    if (status == BCP_OK)
        each_model(plan->model, duration, breaches_only, sims, count, NULL);
    return status;
}

static bcp_sim_report_format report_format(bcp_simulation_format format)
{
    return format == BCP_SIMULATION_JSON       ? BCP_SIM_REPORT_JSON
           : format == BCP_SIMULATION_MARKDOWN ? BCP_SIM_REPORT_MARKDOWN
           : format == BCP_SIMULATION_HTML     ? BCP_SIM_REPORT_HTML
                                               : BCP_SIM_REPORT_TEXT;
}

/* A plan from bcp_workspace_load holds none of the stdlib's prose: the
 * report's words come from a model of the stdlib's locales alone, in English. */
char *bcp_simulation_render(const bcp_simulation *const *sims, size_t count, bcp_simulation_format format,
                            size_t *length)
{
    bcp_model *texts = bcp_tools_load_texts(NULL);
    bcp_render_ctx ctx;
    bcp_render_ctx_init(&ctx, texts, "en");
    char *out = bcp_sim_report(&ctx, sims, count, NULL, report_format(format), length);
    bcp_render_ctx_free(&ctx);
    bcp_model_free(texts);
    return out;
}

/* bcp_simulate_file and bcp_plan_simulate: model `m` (taken: freed here,
 * NULL allowed) simulated in options' mode and its report rendered. */
static bcp_status simulate_report(bcp_model *m, const bcp_simulate_file_options *options, char **text,
                                  size_t *length, bool *breaches, bcp_diagnostics *set)
{
    bcp_status status = BCP_OK;
    const char *lang = options->lang;
    if (!m) {
        bcp_diagnostics_add_message(set, BCP_SEV_ERROR, "the plan could not be loaded");
        return BCP_ERR_PLAN;
    }
    if (bcp_tools_plan_errors(m, set)) {
        status = BCP_ERR_PLAN;
    } else {
        lang = lang ? lang : bcp_entity_text(bcp_model_plan(m), "language");
        lang = lang ? lang : "en";
        if (bcp_tools_unknown_locale(m, lang, set))
            status = BCP_ERR_NOT_FOUND;
    }
    bcp_simulation **sims = NULL;
    size_t count = 0;
    bcp_sim_each_summary each;
    if (status == BCP_OK) {
        const bcp_simulation_options *so = &options->loss;
        if (options->mode == BCP_SIMULATE_EACH) {
            each_model(m, so->duration, true, &sims, &count, &each);
        } else if (options->mode == BCP_SIMULATE_SCENARIOS) {
            scenarios_model(m, so->duration, &sims, &count);
            if (!count)
                bcp_diagnostics_add_message(set, BCP_SEV_WARNING, "no scenario of the plan has `loses = [...]`");
        } else {
            bcp_diag_list list = {0};
            sims = bcp_calloc(1, sizeof *sims);
            status = simulate_model(m, so, &sims[0], &list);
            count = status == BCP_OK;
            bcp_diagnostics_add_list(set, &list);
            bcp_diag_list_free(&list);
        }
        for (size_t i = 0; i < count; i++) {
            sims[i]->has_start = so->has_start;
            sims[i]->start = so->start;
        }
    }
    if (status == BCP_OK) {
        bcp_render_ctx ctx;
        bcp_render_ctx_init(&ctx, m, lang);
        *text = bcp_sim_report(&ctx, (const bcp_simulation *const *)sims, count,
                               options->mode == BCP_SIMULATE_EACH ? &each : NULL, report_format(options->format),
                               length);
        bcp_render_ctx_free(&ctx);
    }
    for (size_t i = 0; i < count; i++) {
        if (breaches)
            *breaches = *breaches || bcp_sim_breaches_mtpd(sims[i]->result, NULL);
        bcp_simulation_free(sims[i]);
    }
    bcp_free(sims);
    bcp_model_free(m);
    return status;
}

/* The outputs cleared; false (options missing) when there is nothing to do. */
static bool simulate_setup(const bcp_simulate_file_options *options, char **text, size_t *length, bool *breaches)
{
    *text = NULL;
    if (length)
        *length = 0;
    if (breaches)
        *breaches = false;
    return options != NULL;
}

bcp_status bcp_simulate_file(const char *path, const bcp_simulate_file_options *options, char **text, size_t *length,
                             bool *breaches, bcp_diagnostics **problems)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_status status = BCP_ERR_INVALID;
    if (simulate_setup(options, text, length, breaches))
        status = simulate_report(bcp_tools_load_plan(path, options->stdlib_dir, NULL), options, text, length,
                                 breaches, set);
    bcp_tools_give(problems, set);
    return status;
}

bcp_status bcp_plan_simulate(bcp_workspace *ws, const bcp_plan *plan, const bcp_simulate_file_options *options,
                             char **text, size_t *length, bool *breaches, bcp_diagnostics **problems)
{
    bcp_diagnostics *set = bcp_diagnostics_new();
    bcp_status status = BCP_ERR_INVALID;
    if (simulate_setup(options, text, length, breaches))
        status = simulate_report(bcp_tools_load_for_render(ws, plan), options, text, length, breaches, set);
    bcp_tools_give(problems, set);
    return status;
}

bool bcp_duration_parse(const char *text, int64_t *seconds)
{
    return text && bcp_parse_duration(text, strlen(text), seconds);
}

bool bcp_datetime_parse(const char *text, int64_t *seconds)
{
    int32_t days;
    if (!text || strlen(text) < 10 || !bcp_parse_date(text, 10, &days))
        return false;
    int64_t t = (int64_t)days * 86400;
    const char *p = text + 10;
    if (*p) {
        if ((*p != 'T' && *p != ' ') || strlen(p) != 6 || p[3] != ':')
            return false;
        for (int i = 1; i < 6; i++)
            if (i != 3 && (p[i] < '0' || p[i] > '9'))
                return false;
        int h = (p[1] - '0') * 10 + (p[2] - '0'), mi = (p[4] - '0') * 10 + (p[5] - '0');
        if (h > 23 || mi > 59)
            return false;
        t += h * 3600 + mi * 60;
    }
    *seconds = t;
    return true;
}
